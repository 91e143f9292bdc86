TESTS += rbtree
rbtree_SRCS := lib/rbtree.c tools/testing/test_rbtree.c
