/*
 * Constants that both C and assembly include: _AC() drops the C type
 * suffix when assembling, _BITUL() builds an unsigned long bit mask.
 */
#ifndef ASM_CONST_H
#define ASM_CONST_H

#ifdef __ASSEMBLY__
#define _AC(x, y) x
#else
#define _AC(x, y) x##y
#endif

#define _BITUL(n) (_AC(1, UL) << (n))

#endif
