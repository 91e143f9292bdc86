/*
 * ESR_ELx, the exception syndrome register (D19.2.37): why a synchronous
 * exception was taken.
 *
 *   31     26 25 24                                   0
 *  +---------+--+--------------------------------------+
 *  |   EC    |IL|                 ISS                  |
 *  +---------+--+--------------------------------------+
 *
 * For instruction/data aborts the ISS holds:
 *   bits 5:0  FSC  fault status: 0b0000LL address size, 0b0001LL
 *                  translation, 0b0010LL access flag, 0b0011LL permission
 *                  fault at level LL; 0b010000 external abort; 0b100001
 *                  alignment; 0b110000 TLB conflict
 *   bit 6     WnR  the access was a write (data aborts)
 *   bit 8     CM   cache maintenance instruction (data aborts)
 *   bit 10    FnV  FAR_ELx is not valid
 */
#ifndef ASM_ESR_H
#define ASM_ESR_H

#define ESR_ELx_EC_SHIFT 26
#define ESR_ELx_EC(esr) (((esr) >> ESR_ELx_EC_SHIFT) & 0x3f)

#define ESR_ELx_EC_UNKNOWN 0x00		/* undefined instruction */
#define ESR_ELx_EC_WFx 0x01
#define ESR_ELx_EC_FP_ASIMD 0x07	/* FP/SIMD access trapped */
#define ESR_ELx_EC_ILL 0x0e		/* illegal execution state */
#define ESR_ELx_EC_SVC64 0x15
#define ESR_ELx_EC_HVC64 0x16
#define ESR_ELx_EC_SMC64 0x17
#define ESR_ELx_EC_SYS64 0x18		/* MSR/MRS/system instruction trapped */
#define ESR_ELx_EC_IABT_LOW 0x20	/* instruction abort from EL0 */
#define ESR_ELx_EC_IABT_CUR 0x21	/* instruction abort from EL1 */
#define ESR_ELx_EC_PC_ALIGN 0x22
#define ESR_ELx_EC_DABT_LOW 0x24	/* data abort from EL0 */
#define ESR_ELx_EC_DABT_CUR 0x25	/* data abort from EL1 */
#define ESR_ELx_EC_SP_ALIGN 0x26
#define ESR_ELx_EC_SERROR 0x2f
#define ESR_ELx_EC_BREAKPT_CUR 0x31
#define ESR_ELx_EC_SOFTSTP_CUR 0x33
#define ESR_ELx_EC_WATCHPT_CUR 0x35
#define ESR_ELx_EC_BRK64 0x3c		/* BRK instruction */

#define ESR_ELx_FSC(esr) ((esr) & 0x3f)
#define ESR_ELx_FSC_TYPE(fsc) ((fsc) & 0x3c)	/* FSC without the level */
#define ESR_ELx_FSC_LEVEL(fsc) ((fsc) & 0x3)
#define ESR_ELx_FSC_ADDRSZ 0x00
#define ESR_ELx_FSC_FAULT 0x04		/* translation fault */
#define ESR_ELx_FSC_ACCESS 0x08		/* access flag fault */
#define ESR_ELx_FSC_PERM 0x0c		/* permission fault */
#define ESR_ELx_FSC_EXTABT 0x10		/* synchronous external abort */
#define ESR_ELx_FSC_ALIGN 0x21
#define ESR_ELx_FSC_TLB_CONFLICT 0x30
#define ESR_ELx_WNR (1UL << 6)
#define ESR_ELx_CM (1UL << 8)
#define ESR_ELx_FnV (1UL << 10)

#endif
