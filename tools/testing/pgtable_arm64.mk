TESTS += pgtable_arm64
pgtable_arm64_SRCS := mm/pgtable.c tools/testing/test_pgtable.c
pgtable_arm64_CFLAGS := -I$(TOP)/arch/arm64/include -DTEST_ARCH_ARM64
