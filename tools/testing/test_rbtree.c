/*
 * Host tests of the red-black tree (lib/rbtree.c): after every insert and
 * erase the tree must still be a binary search tree with correct parent
 * pointers, a black root, no red node with a red child and the same black
 * height on every path; iteration must visit the keys in order.
 */
#include <stdlib.h>
#include <string.h>

#include <kernel/rbtree.h>

#include "host.h"

struct item {
	struct rb_node rb;
	long key;
};

#define is_black(n) (!(n) || ((n)->__rb_parent_color & 1))

static void insert(struct rb_root *root, struct item *it)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (it->key < rb_entry(parent, struct item, rb)->key)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&it->rb, parent, link);
	rb_insert_color(&it->rb, root);
}

/* Black height of the subtree at n, or -1 if an invariant is broken. */
static int check_subtree(const struct rb_node *n, const struct rb_node *parent,
			 long lo, long hi, long *count)
{
	int l, r;
	long key;

	if (!n)
		return 1;
	key = rb_entry(n, struct item, rb)->key;
	if (rb_parent(n) != parent || key < lo || key > hi)
		return -1;
	if (!is_black(n) && (!is_black(n->rb_left) || !is_black(n->rb_right)))
		return -1;
	(*count)++;
	l = check_subtree(n->rb_left, n, lo, key, count);
	r = check_subtree(n->rb_right, n, key, hi, count);
	if (l < 0 || r < 0 || l != r)
		return -1;
	return l + is_black(n);
}

static bool tree_valid(const struct rb_root *root, long expect_count)
{
	long count = 0;

	if (!is_black(root->rb_node))
		return false;
	return check_subtree(root->rb_node, NULL, -(1L << 62), 1L << 62, &count) > 0 &&
	       count == expect_count;
}

static bool in_order(const struct rb_root *root, long expect_count)
{
	const struct rb_node *n;
	long prev = -(1L << 62), count = 0;

	for (n = rb_first(root); n; n = rb_next(n), count++) {
		if (rb_entry(n, struct item, rb)->key < prev)
			return false;
		prev = rb_entry(n, struct item, rb)->key;
	}
	if (count != expect_count)
		return false;
	prev = 1L << 62;
	for (n = rb_last(root); n; n = rb_prev(n), count--) {
		if (rb_entry(n, struct item, rb)->key > prev)
			return false;
		prev = rb_entry(n, struct item, rb)->key;
	}
	return count == 0;
}

TEST(rbtree_empty_tree_has_no_first_or_last)
{
	struct rb_root root = RB_ROOT;

	CHECK(!rb_first(&root) && !rb_last(&root), "empty tree yields nodes");
}

TEST(rbtree_ascending_inserts_stay_balanced)
{
	enum { N = 4096 };
	struct item *items = calloc(N, sizeof(*items));
	struct rb_root root = RB_ROOT;
	int depth = 0;
	struct rb_node *n;

	for (long i = 0; i < N; i++) {
		items[i].key = i;
		insert(&root, &items[i]);
	}
	CHECK(tree_valid(&root, N), "invariants broken after ascending inserts");
	CHECK(in_order(&root, N), "iteration out of order");
	for (n = rb_first(&root); n; n = rb_parent(n))
		depth++;
	CHECK(depth <= 2 * 12 + 1, "leftmost depth %d exceeds 2 log2(n+1)", depth);
	free(items);
}

TEST(rbtree_random_insert_erase_keeps_invariants)
{
	enum { N = 2000 };
	struct item *items = calloc(N, sizeof(*items));
	bool *in = calloc(N, sizeof(*in));
	struct rb_root root = RB_ROOT;
	long count = 0;
	bool ok = true;

	srand(12345);
	for (int round = 0; round < 20000 && ok; round++) {
		int i = rand() % N;

		if (in[i]) {
			rb_erase(&items[i].rb, &root);
			in[i] = false;
			count--;
		} else {
			items[i].key = rand() % 500;	/* duplicates too */
			insert(&root, &items[i]);
			in[i] = true;
			count++;
		}
		if (round % 97 == 0 || round > 19900)
			ok = tree_valid(&root, count) && in_order(&root, count);
	}
	CHECK(ok, "invariants broken under random inserts/erases (count %ld)", count);
	for (int i = 0; i < N; i++)
		if (in[i])
			rb_erase(&items[i].rb, &root);
	CHECK(!root.rb_node, "tree not empty after erasing everything");
	free(items);
	free(in);
}

TEST(rbtree_erase_root_and_inner_nodes)
{
	struct item items[64];
	struct rb_root root = RB_ROOT;
	long count = 64;

	for (long i = 0; i < 64; i++) {
		items[i].key = i * 7 % 64;
		insert(&root, &items[i]);
	}
	while (root.rb_node) {
		rb_erase(root.rb_node, &root);
		count--;
		if (!tree_valid(&root, count) || !in_order(&root, count))
			break;
	}
	CHECK(count == 0, "broke with %ld nodes left", count);
}
