TESTS += buddy
buddy_SRCS := mm/page_alloc.c mm/memblock.c tools/testing/fake_phys.c tools/testing/test_buddy.c
buddy_CFLAGS := -I$(TOP)/arch/x86_64/include
