TESTS += pgtable_x86
pgtable_x86_SRCS := mm/pgtable.c tools/testing/test_pgtable.c
pgtable_x86_CFLAGS := -I$(TOP)/arch/x86_64/include -DTEST_ARCH_X86
