/*
 * The legacy 8259A interrupt controller pair (i8259.c).
 */
#ifndef ASM_I8259_H
#define ASM_I8259_H

/* Remap both PICs to PIC_VECTOR_BASE and mask every line: the APICs take over. */
void pic_disable(void);

#endif
