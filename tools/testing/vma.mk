TESTS += vma
vma_SRCS := mm/vma.c mm/rmap.c lib/rbtree.c tools/testing/fake_mm.c tools/testing/test_vma.c
vma_CFLAGS := -I$(TOP)/arch/x86_64/include
