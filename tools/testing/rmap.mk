TESTS += rmap
rmap_SRCS := mm/rmap.c mm/vma.c lib/rbtree.c tools/testing/fake_mm.c tools/testing/test_rmap.c
rmap_CFLAGS := -I$(TOP)/arch/x86_64/include
