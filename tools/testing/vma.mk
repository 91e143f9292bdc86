TESTS += vma
vma_SRCS := mm/vma.c lib/rbtree.c tools/testing/test_vma.c
vma_CFLAGS := -I$(TOP)/arch/x86_64/include
