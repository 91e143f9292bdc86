TESTS += slab
slab_SRCS := mm/slab.c mm/page_alloc.c mm/memblock.c tools/testing/fake_phys.c tools/testing/test_slab.c
slab_CFLAGS := -I$(TOP)/arch/x86_64/include
