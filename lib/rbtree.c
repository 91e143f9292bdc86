/*
 * Red-black trees with Linux's interface (include/kernel/rbtree.h).
 *
 * The tree stores no keys: the user walks down to the insertion point,
 * links the new node as a red leaf (rb_link_node) and calls
 * rb_insert_color() to restore the invariants, which are:
 *
 *   1. every node is red or black, and the root is black;
 *   2. a red node has no red child;
 *   3. every path from a node down to a NULL leaf crosses the same number
 *      of black nodes.
 *
 * They keep the height below 2 log2(n + 1), so lookups are O(log n).
 * The colour lives in bit 0 of __rb_parent_color (nodes are word aligned):
 * 0 is red, 1 is black, so a freshly linked node is red.
 */
#include <kernel/rbtree.h>

#define RB_RED 0UL
#define RB_BLACK 1UL

static inline unsigned long rb_color(const struct rb_node *n)
{
	return n->__rb_parent_color & 1;
}

/* NULL leaves count as black. */
static inline bool rb_is_red(const struct rb_node *n)
{
	return n && rb_color(n) == RB_RED;
}

static inline bool rb_is_black(const struct rb_node *n)
{
	return !rb_is_red(n);
}

static inline void rb_set_parent(struct rb_node *n, struct rb_node *p)
{
	n->__rb_parent_color = rb_color(n) | (unsigned long)p;
}

static inline void rb_set_color(struct rb_node *n, unsigned long color)
{
	n->__rb_parent_color = (n->__rb_parent_color & ~1UL) | color;
}

/* Make whatever pointed to old (its parent's link, or the root) point to new. */
static void rb_change_child(struct rb_node *old, struct rb_node *new,
			    struct rb_node *parent, struct rb_root *root)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
}

/*
 *      x                y
 *     / \              / \
 *    a   y     ->     x   c
 *       / \          / \
 *      b   c        a   b
 */
static void rb_rotate_left(struct rb_node *x, struct rb_root *root)
{
	struct rb_node *y = x->rb_right, *parent = rb_parent(x);

	x->rb_right = y->rb_left;
	if (y->rb_left)
		rb_set_parent(y->rb_left, x);
	y->rb_left = x;
	rb_set_parent(y, parent);
	rb_change_child(x, y, parent, root);
	rb_set_parent(x, y);
}

/* The mirror image of rb_rotate_left(). */
static void rb_rotate_right(struct rb_node *x, struct rb_root *root)
{
	struct rb_node *y = x->rb_left, *parent = rb_parent(x);

	x->rb_left = y->rb_right;
	if (y->rb_right)
		rb_set_parent(y->rb_right, x);
	y->rb_right = x;
	rb_set_parent(y, parent);
	rb_change_child(x, y, parent, root);
	rb_set_parent(x, y);
}

/*
 * node was just linked as a red leaf. While its parent is red too
 * (breaking rule 2): a red uncle lets us push the red up to the
 * grandparent and retry there; a black uncle is fixed by at most two
 * rotations, which leave a black subtree root: done.
 */
void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *parent, *gparent, *uncle;

	while ((parent = rb_parent(node)) && rb_is_red(parent)) {
		gparent = rb_parent(parent);	/* exists: the root is black */
		if (parent == gparent->rb_left) {
			uncle = gparent->rb_right;
			if (rb_is_red(uncle)) {
				rb_set_color(uncle, RB_BLACK);
				rb_set_color(parent, RB_BLACK);
				rb_set_color(gparent, RB_RED);
				node = gparent;
				continue;
			}
			if (node == parent->rb_right) {
				rb_rotate_left(parent, root);
				parent = node;
			}
			rb_set_color(parent, RB_BLACK);
			rb_set_color(gparent, RB_RED);
			rb_rotate_right(gparent, root);
			break;
		} else {
			uncle = gparent->rb_left;
			if (rb_is_red(uncle)) {
				rb_set_color(uncle, RB_BLACK);
				rb_set_color(parent, RB_BLACK);
				rb_set_color(gparent, RB_RED);
				node = gparent;
				continue;
			}
			if (node == parent->rb_left) {
				rb_rotate_right(parent, root);
				parent = node;
			}
			rb_set_color(parent, RB_BLACK);
			rb_set_color(gparent, RB_RED);
			rb_rotate_left(gparent, root);
			break;
		}
	}
	rb_set_color(root->rb_node, RB_BLACK);
}

/*
 * A black node was removed from below parent, and node (possibly NULL)
 * took its place: the paths through node are one black short. Either
 * recolour node black, or borrow a black from the sibling's side by
 * rotation, or make the sibling red and move the shortage up a level.
 */
static void rb_erase_fixup(struct rb_node *node, struct rb_node *parent,
			   struct rb_root *root)
{
	struct rb_node *sib;

	while (rb_is_black(node) && node != root->rb_node) {
		if (parent->rb_left == node) {
			sib = parent->rb_right;
			if (rb_is_red(sib)) {
				rb_set_color(sib, RB_BLACK);
				rb_set_color(parent, RB_RED);
				rb_rotate_left(parent, root);
				sib = parent->rb_right;
			}
			if (rb_is_black(sib->rb_left) && rb_is_black(sib->rb_right)) {
				rb_set_color(sib, RB_RED);
				node = parent;
				parent = rb_parent(node);
				continue;
			}
			if (rb_is_black(sib->rb_right)) {
				rb_set_color(sib->rb_left, RB_BLACK);
				rb_set_color(sib, RB_RED);
				rb_rotate_right(sib, root);
				sib = parent->rb_right;
			}
			rb_set_color(sib, rb_color(parent));
			rb_set_color(parent, RB_BLACK);
			rb_set_color(sib->rb_right, RB_BLACK);
			rb_rotate_left(parent, root);
		} else {
			sib = parent->rb_left;
			if (rb_is_red(sib)) {
				rb_set_color(sib, RB_BLACK);
				rb_set_color(parent, RB_RED);
				rb_rotate_right(parent, root);
				sib = parent->rb_left;
			}
			if (rb_is_black(sib->rb_left) && rb_is_black(sib->rb_right)) {
				rb_set_color(sib, RB_RED);
				node = parent;
				parent = rb_parent(node);
				continue;
			}
			if (rb_is_black(sib->rb_left)) {
				rb_set_color(sib->rb_right, RB_BLACK);
				rb_set_color(sib, RB_RED);
				rb_rotate_left(sib, root);
				sib = parent->rb_left;
			}
			rb_set_color(sib, rb_color(parent));
			rb_set_color(parent, RB_BLACK);
			rb_set_color(sib->rb_left, RB_BLACK);
			rb_rotate_right(parent, root);
		}
		node = root->rb_node;
		break;
	}
	if (node)
		rb_set_color(node, RB_BLACK);
}

/*
 * Unlink node. A node with two children is replaced by its in-order
 * successor (which has no left child), so the node physically removed
 * from its position always has at most one child.
 */
void rb_erase(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *child, *parent;
	unsigned long color;

	if (node->rb_left && node->rb_right) {
		struct rb_node *succ = node->rb_right;

		while (succ->rb_left)
			succ = succ->rb_left;
		child = succ->rb_right;
		parent = rb_parent(succ);
		color = rb_color(succ);
		if (parent == node) {
			parent = succ;
		} else {
			if (child)
				rb_set_parent(child, parent);
			parent->rb_left = child;
			succ->rb_right = node->rb_right;
			rb_set_parent(node->rb_right, succ);
		}
		/* succ takes node's place, parent and colour. */
		rb_change_child(node, succ, rb_parent(node), root);
		succ->__rb_parent_color = node->__rb_parent_color;
		succ->rb_left = node->rb_left;
		rb_set_parent(node->rb_left, succ);
	} else {
		child = node->rb_left ? node->rb_left : node->rb_right;
		parent = rb_parent(node);
		color = rb_color(node);
		if (child)
			rb_set_parent(child, parent);
		rb_change_child(node, child, parent, root);
	}
	if (color == RB_BLACK)
		rb_erase_fixup(child, parent, root);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	if (!n)
		return NULL;
	while (n->rb_left)
		n = n->rb_left;
	return n;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	if (!n)
		return NULL;
	while (n->rb_right)
		n = n->rb_right;
	return n;
}

/* In-order successor: leftmost of the right subtree, or the first
 * ancestor reached from a left child. */
struct rb_node *rb_next(const struct rb_node *node)
{
	struct rb_node *parent;

	if (node->rb_right) {
		node = node->rb_right;
		while (node->rb_left)
			node = node->rb_left;
		return (struct rb_node *)node;
	}
	while ((parent = rb_parent(node)) && node == parent->rb_right)
		node = parent;
	return parent;
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	struct rb_node *parent;

	if (node->rb_left) {
		node = node->rb_left;
		while (node->rb_right)
			node = node->rb_right;
		return (struct rb_node *)node;
	}
	while ((parent = rb_parent(node)) && node == parent->rb_left)
		node = parent;
	return parent;
}
