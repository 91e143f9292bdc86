TESTS += memblock
# test_memblock.c includes mm/memblock.c itself (to reset its state).
memblock_SRCS := mm/page_alloc.c tools/testing/fake_phys.c tools/testing/test_memblock.c
memblock_CFLAGS := -I$(TOP)/arch/x86_64/include
$(OUT)/memblock: $(TOP)/mm/memblock.c
