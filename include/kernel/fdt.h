/*
 * Read-only flattened device tree (DTB v17) parser, lib/fdt.c.
 *
 * It works on the blob where the boot loader left it, never allocates and
 * never trusts the blob: fdt_check() validates the header and walks the
 * whole structure block once, and every accessor bounds-checks again, so a
 * corrupt tree yields an error instead of a read out of bounds.
 *
 * Offsets: a node or property is named by the byte offset of its token in
 * the structure block (the root node is offset 0). Names follow libfdt.
 *
 * Errors (negative int returns): -ENOENT "no such node/property/entry, or
 * no more of them"; -EINVAL "the blob (or the value asked about) is
 * malformed". Every function but fdt_check() requires a blob that passed
 * fdt_check().
 */
#ifndef KERNEL_FDT_H
#define KERNEL_FDT_H

#include <kernel/types.h>

#define FDT_MAGIC 0xd00dfeed
#define FDT_VERSION 17		/* the format we read (and the oldest we accept) */
#define FDT_MAX_NCELLS 4	/* largest #address-cells / #size-cells accepted */
#define FDT_BAD_ADDR (~0ULL)	/* fdt_translate_address(): no CPU address */

/* A big-endian cell in the blob; may alias the blob's bytes. */
typedef u32 __attribute__((may_alias)) fdt32_t;

/* Host-order value of the big-endian cell at p (4-byte aligned). */
static inline u32 fdt32_ld(const fdt32_t *p)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return __builtin_bswap32(*p);
#else
	return *p;
#endif
}

/*
 * The number made of n big-endian cells at p (like Linux of_read_number):
 * only the last two cells fit in a u64, higher ones are dropped.
 */
static inline u64 fdt_read_number(const fdt32_t *p, int n)
{
	u64 v = 0;

	while (n-- > 0)
		v = (v << 32) | fdt32_ld(p++);
	return v;
}

/* Validate the header, the memory reservation block and the structure. */
int fdt_check(const void *fdt, size_t max_size);
u32 fdt_totalsize(const void *fdt);

/* Memory reservation block ("/memreserve/" entries). */
int fdt_num_mem_rsv(const void *fdt);
int fdt_get_mem_rsv(const void *fdt, int n, u64 *addr, u64 *size);

/* Walking nodes. */
int fdt_next_node(const void *fdt, int offset, int *depth);
int fdt_first_child(const void *fdt, int node);
int fdt_next_sibling(const void *fdt, int node);
int fdt_parent_offset(const void *fdt, int node);
int fdt_node_depth(const void *fdt, int node);
const char *fdt_get_name(const void *fdt, int node, int *lenp);

#define fdt_for_each_child(child, fdt, parent)                 \
	for ((child) = fdt_first_child(fdt, parent); (child) >= 0; \
	     (child) = fdt_next_sibling(fdt, child))

/* Finding nodes. */
int fdt_subnode_offset_namelen(const void *fdt, int parent, const char *name,
			       int namelen);
int fdt_subnode_offset(const void *fdt, int parent, const char *name);
int fdt_path_offset_namelen(const void *fdt, const char *path, int pathlen);
int fdt_path_offset(const void *fdt, const char *path);
const char *fdt_get_alias_namelen(const void *fdt, const char *name, int len);
const char *fdt_get_alias(const void *fdt, const char *name);
int fdt_chosen_stdout(const void *fdt);
int fdt_node_check_compatible(const void *fdt, int node, const char *compat);
int fdt_node_offset_by_compatible(const void *fdt, int startoffset,
				  const char *compat);
int fdt_node_offset_by_prop_value(const void *fdt, int startoffset,
				  const char *name, const void *val, int len);
u32 fdt_get_phandle(const void *fdt, int node);
int fdt_node_offset_by_phandle(const void *fdt, u32 phandle);

/* Properties. */
int fdt_first_property_offset(const void *fdt, int node);
int fdt_next_property_offset(const void *fdt, int offset);
const void *fdt_getprop_by_offset(const void *fdt, int offset,
				  const char **namep, int *lenp);
const void *fdt_getprop(const void *fdt, int node, const char *name, int *lenp);
bool fdt_getprop_u32(const void *fdt, int node, const char *name, u32 *val);
bool fdt_stringlist_contains(const char *list, int len, const char *str);

#define fdt_for_each_property_offset(prop, fdt, node)                 \
	for ((prop) = fdt_first_property_offset(fdt, node); (prop) >= 0; \
	     (prop) = fdt_next_property_offset(fdt, prop))

/* Addresses. */
int fdt_address_cells(const void *fdt, int node);
int fdt_size_cells(const void *fdt, int node);
bool fdt_get_reg(const void *fdt, int node, int index, u64 *addr, u64 *size);
u64 fdt_translate_address(const void *fdt, int node, u64 addr);

/* Interrupts. */
int fdt_interrupt_parent(const void *fdt, int node);
int fdt_get_interrupt(const void *fdt, int node, int index, u32 *cells,
		      int max_cells);

#endif
