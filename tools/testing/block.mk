# kernel/block.c: the block-device registry and the choice of the swap device.
TESTS += block
block_SRCS := kernel/block.c tools/testing/test_block.c
