/*
 * arm64 system registers: the bits the kernel sets, by name, for head.S and
 * C alike, plus read_sysreg()/write_sysreg() for C. Only bits we use are
 * named; the Arm ARM (DDI 0487) section is given for each register.
 */
#ifndef ASM_SYSREG_H
#define ASM_SYSREG_H

#include <asm/memory.h>		/* _AC() */

#define SYS_BIT(n) (_AC(1, UL) << (n))

/* CurrentEL: the exception level lives in bits [3:2]. */
#define CurrentEL_EL1 (1 << 2)
#define CurrentEL_EL2 (2 << 2)

/* Exception level the boot CPU was entered at (boot_cpu_mode). */
#define BOOT_CPU_MODE_EL1 1
#define BOOT_CPU_MODE_EL2 2

/*
 * SCTLR_EL1, system control (D19.2.118).
 * RES1 bits of ARMv8.0: EOS(11) TSCXT(20) EIS(22) SPAN(23) nTLSMD(28)
 * LSMAOE(29). EE (25) and E0E (24) stay 0: little endian at EL1 and EL0.
 */
#define SCTLR_ELx_M SYS_BIT(0)		/* stage 1 MMU enable */
#define SCTLR_ELx_C SYS_BIT(2)		/* data caches follow the page tables */
#define SCTLR_ELx_SA SYS_BIT(3)		/* SP alignment check at EL1 */
#define SCTLR_EL1_SA0 SYS_BIT(4)	/* SP alignment check at EL0 */
#define SCTLR_ELx_I SYS_BIT(12)		/* instruction cache enable */
#define SCTLR_EL1_DZE SYS_BIT(14)	/* EL0 may use DC ZVA */
#define SCTLR_EL1_UCT SYS_BIT(15)	/* EL0 may read CTR_EL0 */
#define SCTLR_EL1_nTWI SYS_BIT(16)	/* EL0 WFI does not trap */
#define SCTLR_EL1_nTWE SYS_BIT(18)	/* EL0 WFE does not trap */
#define SCTLR_ELx_WXN SYS_BIT(19)	/* writable implies XN (kept off) */
#define SCTLR_EL1_SPAN SYS_BIT(23)	/* 0: exceptions to EL1 set PSTATE.PAN (ARMv8.1) */
#define SCTLR_EL1_UCI SYS_BIT(26)	/* EL0 may clean/invalidate caches by VA */
#define SCTLR_EL1_RES1 (SYS_BIT(11) | SYS_BIT(20) | SYS_BIT(22) | SYS_BIT(23) | \
			SYS_BIT(28) | SYS_BIT(29))
#define SCTLR_EL1_MMU_OFF SCTLR_EL1_RES1
/* EL0 gets what Linux gives it: DC ZVA, CTR_EL0, WFI/WFE, cache maintenance. */
#define SCTLR_EL1_MMU_ON (SCTLR_EL1_RES1 | SCTLR_ELx_M | SCTLR_ELx_C | \
			  SCTLR_ELx_SA | SCTLR_EL1_SA0 | SCTLR_ELx_I |     \
			  SCTLR_EL1_DZE | SCTLR_EL1_UCT | SCTLR_EL1_nTWI |  \
			  SCTLR_EL1_nTWE | SCTLR_EL1_UCI)

/* CPACR_EL1.FPEN (bits 21:20) = 0b11: FP/SIMD does not trap at EL0 or EL1. */
#define CPACR_EL1_FPEN (_AC(3, UL) << 20)

/* ID_AA64MMFR1_EL1.PAN, bits [23:20]: nonzero if PSTATE.PAN exists. */
#define ID_AA64MMFR1_PAN_SHIFT 20
#define ID_AA64MMFR1_PAN_MASK 0xf

/* MSR PAN, #1 (ARMv8.1), spelled as its encoding for ARMv8.0 assemblers. */
#define SET_PSTATE_PAN_1 ".inst 0xd500419f"

/*
 * TCR_EL1, translation control (D19.2.139):
 *
 *  38 37 36 34..32 31 30 29 28 27 26 25 24 23 22 21..16 15 14 13 12 11 10 9 8  7  5..0
 * +--+--+--+------+-----+-----+-----+-----+--+--+------+-----+-----+-----+---+--+-----+
 * |TBI|..|AS| IPS | TG1 | SH1 |ORGN1|IRGN1|EPD1|A1|T1SZ| TG0 | SH0 |ORGN0|IRGN0|EPD0|T0SZ|
 * +--+--+--+------+-----+-----+-----+-----+--+--+------+-----+-----+-----+---+--+-----+
 */
#define TCR_VA_BITS 48
#define TCR_T0SZ(x) ((_AC(64, UL) - (x)) << 0)	/* TTBR0 covers 2^x bytes */
#define TCR_EPD0 SYS_BIT(7)		/* no walks through TTBR0 */
#define TCR_IRGN0_WBWA (_AC(1, UL) << 8) /* walks: inner write-back, write-allocate */
#define TCR_ORGN0_WBWA (_AC(1, UL) << 10) /* walks: outer write-back, write-allocate */
#define TCR_SH0_INNER (_AC(3, UL) << 12) /* walks: inner shareable */
#define TCR_TG0_4K (_AC(0, UL) << 14)	/* TTBR0 granule 4 KiB */
#define TCR_T1SZ(x) ((_AC(64, UL) - (x)) << 16) /* TTBR1 covers 2^x bytes */
#define TCR_EPD1 SYS_BIT(23)		/* no walks through TTBR1 */
#define TCR_IRGN1_WBWA (_AC(1, UL) << 24)
#define TCR_ORGN1_WBWA (_AC(1, UL) << 26)
#define TCR_SH1_INNER (_AC(3, UL) << 28)
#define TCR_TG1_4K (_AC(2, UL) << 30)	/* TTBR1 granule 4 KiB (encoding differs from TG0) */
#define TCR_IPS_SHIFT 32		/* intermediate physical size, from PARange */
#define TCR_IPS_48BIT 5			/* largest PARange we program (256 TiB) */
#define TCR_EL1_INIT (TCR_T0SZ(TCR_VA_BITS) | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | \
		      TCR_SH0_INNER | TCR_TG0_4K | TCR_T1SZ(TCR_VA_BITS) |      \
		      TCR_IRGN1_WBWA | TCR_ORGN1_WBWA | TCR_SH1_INNER | TCR_TG1_4K)

/* TTBR0_EL1 / TTBR1_EL1: table address, ASID in bits [63:48] (TCR.A1 picks which). */
#define TTBR_ASID(asid) ((_AC(0, UL) + (asid)) << 48)

/* ID_AA64MMFR0_EL1.PARange, bits [3:0]: supported physical address size. */
#define ID_AA64MMFR0_PARANGE_MASK 0xf

/*
 * MAIR_EL1: eight one-byte memory attributes; a descriptor's AttrIndx picks
 * one. Indices match MT_* in <asm/pgtable.h>.
 */
#define MAIR_ATTR_DEVICE_nGnRnE 0x00	/* device, no gather/reorder/early ack */
#define MAIR_ATTR_NORMAL 0xff		/* normal, inner+outer WB RW-allocate */
#define MAIR_ATTR_NORMAL_NC 0x44	/* normal, inner+outer non-cacheable */
#define MAIR_ATTR(idx, attr) (_AC(attr, UL) << (8 * (idx)))
#define MAIR_EL1_INIT (MAIR_ATTR(0, MAIR_ATTR_DEVICE_nGnRnE) | \
		       MAIR_ATTR(1, MAIR_ATTR_NORMAL) |         \
		       MAIR_ATTR(2, MAIR_ATTR_NORMAL_NC))

/* HCR_EL2, hypervisor configuration (D19.2.46). */
#define HCR_EL2_RW SYS_BIT(31)		/* EL1 is AArch64 */

/* CNTHCTL_EL2 (with HCR_EL2.E2H == 0): EL1 may use the physical counter/timer. */
#define CNTHCTL_EL1PCTEN SYS_BIT(0)
#define CNTHCTL_EL1PCEN SYS_BIT(1)

/* CPTR_EL2: RES1 bits [13:12], [9:0]; TFP (10) = 0 does not trap FP/SIMD. */
#define CPTR_EL2_RES1 0x33ff

/*
 * SPSR_ELx / PSTATE: mode M[3:0] and the DAIF interrupt masks.
 *   9 8 7 6 5 4 3..0
 *   D A I F - - M
 */
#define PSR_MODE_EL0t 0x0
#define PSR_MODE_EL1h 0x5
#define PSR_MODE_MASK 0xf
#define PSR_F_BIT SYS_BIT(6)		/* FIQ masked */
#define PSR_I_BIT SYS_BIT(7)		/* IRQ masked */
#define PSR_A_BIT SYS_BIT(8)		/* SError masked */
#define PSR_D_BIT SYS_BIT(9)		/* debug exceptions masked */
#define PSR_DAIF_MASK (PSR_D_BIT | PSR_A_BIT | PSR_I_BIT | PSR_F_BIT)

/* DAIFSet/DAIFClr immediates: one bit per mask, D=8 A=4 I=2 F=1. */
#define DAIF_IRQ_IMM 2
#define DAIF_ALL_IMM 0xf

/* CNTKCTL_EL1: EL0 may read the virtual counter CNTVCT_EL0 (as on Linux). */
#define CNTKCTL_EL0VCTEN SYS_BIT(1)

/* CNTV_CTL_EL0, virtual timer control. */
#define CNTV_CTL_ENABLE SYS_BIT(0)
#define CNTV_CTL_IMASK SYS_BIT(1)	/* interrupt masked */
#define CNTV_CTL_ISTATUS SYS_BIT(2)	/* condition met */

#ifndef __ASSEMBLY__
#include <kernel/types.h>

#define read_sysreg(r)                                              \
	({                                                          \
		u64 __v;                                            \
		__asm__ __volatile__("mrs %0, " #r : "=r"(__v));    \
		__v;                                                \
	})
#define write_sysreg(v, r) \
	__asm__ __volatile__("msr " #r ", %x0" ::"rZ"((u64)(v)) : "memory")
#endif

#endif
