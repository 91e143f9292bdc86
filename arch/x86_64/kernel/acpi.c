/*
 * Finding the CPUs and the I/O APIC from the firmware tables: the ACPI
 * MADT (ACPI 6.5, 5.2.12), or the Intel MultiProcessor Specification 1.4
 * table when there is no ACPI. The tables lie in RAM below 4 GiB; those
 * outside the RAM ranges memblock knows (firmware-reserved memory, the BIOS
 * area) are mapped with ioremap().
 */
#include <kernel/printk.h>
#include <kernel/string.h>
#include <mm/memblock.h>
#include <mm/pgtable.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/bootinfo.h>

#define BDA_EBDA_SEGMENT 0x40e		/* BIOS data area: EBDA segment (u16) */
#define EBDA_SEARCH_LEN 1024		/* the first KiB of the EBDA */
#define BIOS_AREA_START 0xe0000
#define BIOS_AREA_END 0x100000
#define DEFAULT_IO_APIC_PA 0xfec00000UL
#define PIT_IRQ 0
#define PIT_DEFAULT_GSI 2		/* the PC's IRQ 0 is wired to pin 2 */

struct x86_platform_info x86_platform;

/* ---- ACPI ---- */

struct acpi_rsdp {
	char signature[8];		/* "RSD PTR " */
	u8 checksum;			/* over the first 20 bytes */
	char oem_id[6];
	u8 revision;			/* 0: ACPI 1.0 (RSDT only); 2: XSDT too */
	u32 rsdt_address;
	u32 length;			/* revision >= 2 from here on */
	u64 xsdt_address;
	u8 extended_checksum;
	u8 reserved[3];
} __packed;

struct acpi_table_header {
	char signature[4];
	u32 length;			/* including this header */
	u8 revision;
	u8 checksum;			/* the whole table sums to 0 */
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	u32 creator_id;
	u32 creator_revision;
} __packed;

struct acpi_madt {
	struct acpi_table_header header;	/* "APIC" */
	u32 lapic_address;
	u32 flags;
	/* then entries: u8 type, u8 length, ... */
} __packed;

#define MADT_LOCAL_APIC 0
#define MADT_IO_APIC 1
#define MADT_INT_OVERRIDE 2
#define MADT_LAPIC_ENABLED BIT(0)
#define MADT_LAPIC_ONLINE_CAPABLE BIT(1)

struct madt_local_apic {
	u8 type, length;
	u8 processor_id;
	u8 apic_id;
	u32 flags;
} __packed;

struct madt_io_apic {
	u8 type, length;
	u8 id;
	u8 reserved;
	u32 address;
	u32 gsi_base;
} __packed;

struct madt_int_override {
	u8 type, length;
	u8 bus;				/* 0: ISA */
	u8 source;			/* ISA IRQ */
	u32 gsi;
	u16 flags;			/* MPS_INTI_* */
} __packed;

/* ---- MP table ---- */

struct mpf_intel {			/* floating pointer structure */
	char signature[4];		/* "_MP_" */
	u32 physptr;			/* configuration table, 0 if default config */
	u8 length;			/* in 16-byte units: 1 */
	u8 specification;
	u8 checksum;
	u8 feature[5];
} __packed;

struct mpc_table {
	char signature[4];		/* "PCMP" */
	u16 length;			/* base table, including this header */
	u8 spec;
	u8 checksum;
	char oem[8];
	char product[12];
	u32 oemptr;
	u16 oemsize;
	u16 oemcount;			/* number of entries */
	u32 lapic;
	u32 reserved;
} __packed;

#define MP_PROCESSOR 0			/* 20 bytes; every other entry is 8 */
#define MP_IOAPIC 2
#define MP_INTSRC 3
#define MP_PROCESSOR_ENTRY_LEN 20
#define MP_OTHER_ENTRY_LEN 8
#define MP_CPU_ENABLED BIT(0)
#define MP_IOAPIC_USABLE BIT(0)
#define MP_INT_VECTORED 0		/* irqtype of an I/O APIC interrupt */

struct mpc_cpu {
	u8 type, apicid, apicver, cpuflag;
	u32 cpufeature, featureflag, reserved[2];
} __packed;

struct mpc_ioapic {
	u8 type, apicid, apicver, flags;
	u32 apicaddr;
} __packed;

struct mpc_intsrc {
	u8 type, irqtype;
	u16 irqflag;			/* MPS_INTI_* */
	u8 srcbus, srcbusirq, dstapic, dstirq;
} __packed;

/*
 * Virtual address of [pa, pa + len): the direct map when memblock has the
 * range as RAM, else a new uncached ioremap() mapping. NULL if unmappable.
 */
static const void *firmware_map(phys_addr_t pa, u64 len)
{
	phys_addr_t base;
	u64 size;
	int i;

	for (i = 0; memblock_mem_range(i, &base, &size); i++)
		if (pa >= base && pa + len <= base + size)
			return __va(pa);
	return ioremap(pa, len);
}

static u8 checksum(const void *p, size_t len)
{
	const u8 *b = p;
	u8 sum = 0;

	while (len--)
		sum += *b++;
	return sum;
}

/* A whole ACPI table at pa with a valid checksum, or NULL. */
static const struct acpi_table_header *acpi_map_table(phys_addr_t pa)
{
	const struct acpi_table_header *h = firmware_map(pa, sizeof(*h));

	if (!h || h->length < sizeof(*h))
		return NULL;
	h = firmware_map(pa, h->length);
	if (!h || checksum(h, h->length))
		return NULL;
	return h;
}

/* Scan [pa, pa + len) on 16-byte boundaries for sig with a valid checksum
 * over csum_len bytes. Returns its physical address or 0. */
static phys_addr_t scan_for(phys_addr_t pa, u64 len, const char *sig, size_t sig_len,
			    size_t csum_len)
{
	const u8 *v = firmware_map(pa, len);
	u64 off;

	if (!v)
		return 0;
	for (off = 0; off + csum_len <= len; off += 16)
		if (!memcmp(v + off, sig, sig_len) && !checksum(v + off, csum_len))
			return pa + off;
	return 0;
}

/* The BIOS's usual hiding places: the first KiB of the EBDA, then 0xe0000-0xfffff. */
static phys_addr_t bios_scan(const char *sig, size_t sig_len, size_t csum_len)
{
	const u16 *bda = firmware_map(BDA_EBDA_SEGMENT, sizeof(u16));
	phys_addr_t ebda = bda ? (phys_addr_t)*bda << 4 : 0;
	phys_addr_t found = 0;

	if (ebda >= 0x80000 && ebda < 0xa0000)
		found = scan_for(ebda, EBDA_SEARCH_LEN, sig, sig_len, csum_len);
	if (!found)
		found = scan_for(BIOS_AREA_START, BIOS_AREA_END - BIOS_AREA_START, sig, sig_len,
				 csum_len);
	return found;
}

/* Record a usable CPU; the boot CPU always becomes CPU 0. */
static void add_cpu(u32 apic_id)
{
	struct x86_platform_info *p = &x86_platform;

	if (apic_id == p->apic_id[0])
		return;		/* the boot CPU, already entry 0 */
	if (p->nr_cpus == NR_CPUS) {
		printk("smp: more than %d CPUs, ignoring APIC id %u\n", NR_CPUS, apic_id);
		return;
	}
	p->apic_id[p->nr_cpus++] = apic_id;
}

static void add_isa_override(unsigned int irq, u32 gsi, u16 flags)
{
	if (irq < ISA_IRQS) {
		x86_platform.isa_gsi[irq] = gsi;
		x86_platform.isa_flags[irq] = flags;
	}
}

/* The "APIC" table among the RSDT's (32-bit) or XSDT's (64-bit) entries. */
static const struct acpi_madt *acpi_find_madt(phys_addr_t rsdp_pa)
{
	const struct acpi_rsdp *rsdp = firmware_map(rsdp_pa, sizeof(*rsdp));
	const struct acpi_table_header *sdt;
	bool xsdt;
	size_t n, i, entry;

	if (!rsdp || memcmp(rsdp->signature, "RSD PTR ", 8) || checksum(rsdp, 20))
		return NULL;
	xsdt = rsdp->revision >= 2 && rsdp->xsdt_address;
	sdt = acpi_map_table(xsdt ? rsdp->xsdt_address : rsdp->rsdt_address);
	if (!sdt)
		return NULL;
	entry = xsdt ? sizeof(u64) : sizeof(u32);
	n = (sdt->length - sizeof(*sdt)) / entry;
	for (i = 0; i < n; i++) {
		const u8 *e = (const u8 *)(sdt + 1) + i * entry;
		u64 pa = 0;
		const struct acpi_table_header *t;

		memcpy(&pa, e, entry);
		t = acpi_map_table(pa);
		if (t && !memcmp(t->signature, "APIC", 4) && t->length >= sizeof(struct acpi_madt))
			return (const struct acpi_madt *)t;
	}
	return NULL;
}

static bool parse_madt(const struct acpi_madt *madt)
{
	const u8 *p = (const u8 *)(madt + 1);
	const u8 *end = (const u8 *)madt + madt->header.length;

	for (; p + 2 <= end && p[1] >= 2 && p + p[1] <= end; p += p[1]) {
		switch (p[0]) {
		case MADT_LOCAL_APIC: {
			const struct madt_local_apic *l = (const void *)p;

			if (l->length >= sizeof(*l) && (l->flags & MADT_LAPIC_ENABLED))
				add_cpu(l->apic_id);
			break;
		}
		case MADT_IO_APIC: {
			const struct madt_io_apic *io = (const void *)p;

			if (io->length >= sizeof(*io) && !x86_platform.io_apic_pa) {
				x86_platform.io_apic_pa = io->address;
				x86_platform.io_apic_gsi_base = io->gsi_base;
			}
			break;
		}
		case MADT_INT_OVERRIDE: {
			const struct madt_int_override *o = (const void *)p;

			if (o->length >= sizeof(*o) && o->bus == 0)
				add_isa_override(o->source, o->gsi, o->flags);
			break;
		}
		}
	}
	return x86_platform.io_apic_pa != 0;
}

static bool parse_mp_table(void)
{
	phys_addr_t mpf_pa = bios_scan("_MP_", 4, sizeof(struct mpf_intel));
	const struct mpf_intel *mpf = mpf_pa ? firmware_map(mpf_pa, sizeof(*mpf)) : NULL;
	const struct mpc_table *mpc;
	const u8 *p, *end;
	unsigned int i;

	if (!mpf || !mpf->physptr)
		return false;	/* no table, or a "default configuration": not handled */
	mpc = firmware_map(mpf->physptr, sizeof(*mpc));
	if (!mpc || memcmp(mpc->signature, "PCMP", 4) || mpc->length < sizeof(*mpc))
		return false;
	mpc = firmware_map(mpf->physptr, mpc->length);
	if (!mpc || checksum(mpc, mpc->length))
		return false;
	p = (const u8 *)(mpc + 1);
	end = (const u8 *)mpc + mpc->length;
	for (i = 0; i < mpc->oemcount && p < end; i++) {
		size_t len = p[0] == MP_PROCESSOR ? MP_PROCESSOR_ENTRY_LEN : MP_OTHER_ENTRY_LEN;

		if (p + len > end)
			break;
		if (p[0] == MP_PROCESSOR) {
			const struct mpc_cpu *c = (const void *)p;

			if (c->cpuflag & MP_CPU_ENABLED)
				add_cpu(c->apicid);
		} else if (p[0] == MP_IOAPIC) {
			const struct mpc_ioapic *io = (const void *)p;

			if ((io->flags & MP_IOAPIC_USABLE) && !x86_platform.io_apic_pa)
				x86_platform.io_apic_pa = io->apicaddr;
		} else if (p[0] == MP_INTSRC) {
			const struct mpc_intsrc *s = (const void *)p;

			/* Bus 0 is ISA on the PC; GSI = pin of the (first) I/O APIC. */
			if (s->irqtype == MP_INT_VECTORED && s->srcbus == 0)
				add_isa_override(s->srcbusirq, s->dstirq, s->irqflag);
		}
		p += len;
	}
	return x86_platform.io_apic_pa != 0;
}

/* The PC defaults: only the boot CPU, ISA IRQ n on pin n but IRQ 0 on 2. */
static void platform_reset(const char *source)
{
	struct x86_platform_info *p = &x86_platform;
	unsigned int irq;

	p->nr_cpus = 1;
	p->apic_id[0] = lapic_id();
	p->io_apic_pa = 0;
	p->io_apic_gsi_base = 0;
	for (irq = 0; irq < ISA_IRQS; irq++) {
		p->isa_gsi[irq] = irq;
		p->isa_flags[irq] = 0;
	}
	p->isa_gsi[PIT_IRQ] = PIT_DEFAULT_GSI;
	p->source = source;
}

void acpi_init(void)
{
	struct x86_platform_info *p = &x86_platform;
	const struct acpi_madt *madt;
	phys_addr_t rsdp = x86_boot_rsdp;
	int i;

	platform_reset("ACPI");
	if (!rsdp)
		rsdp = bios_scan("RSD PTR ", 8, 20);
	madt = rsdp ? acpi_find_madt(rsdp) : NULL;
	if (!madt || !parse_madt(madt)) {
		platform_reset("MP table");
		if (!parse_mp_table()) {
			platform_reset("defaults");
			p->io_apic_pa = DEFAULT_IO_APIC_PA;
		}
	}
	printk("smp: %s: %d CPU%s (APIC ids", p->source, p->nr_cpus, p->nr_cpus > 1 ? "s" : "");
	for (i = 0; i < p->nr_cpus; i++)
		printk(" %u", p->apic_id[i]);
	printk("), I/O APIC at %#lx\n", (unsigned long)p->io_apic_pa);
}
