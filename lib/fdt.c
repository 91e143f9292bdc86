/*
 * Flattened device tree (DTB) reader: read-only, allocation-free, and safe
 * on corrupt blobs. The arm64 boot code runs it on the blob the firmware or
 * QEMU left in RAM, before the memory manager exists.
 *
 * Blob layout (version 17, every number big-endian):
 *
 *   0              +------------------------------------+
 *                  | header, 10 x be32 (40 bytes):      |
 *                  |  magic 0xd00dfeed, totalsize,      |
 *                  |  off_dt_struct, off_dt_strings,    |
 *                  |  off_mem_rsvmap, version,          |
 *                  |  last_comp_version, boot_cpuid_phys|
 *                  |  size_dt_strings, size_dt_struct   |
 *   off_mem_rsvmap +------------------------------------+
 *                  | {be64 address, be64 size} ...      | memory reservation
 *                  | {0, 0}                             | block, 8-aligned
 *   off_dt_struct  +------------------------------------+
 *                  | FDT_BEGIN_NODE "name\0" pad to 4   | structure block:
 *                  | FDT_PROP be32 len, be32 nameoff,   | a pre-order walk
 *                  |          value[len] pad to 4       | of the tree, every
 *                  | FDT_NOP (ignored)                  | token 4-aligned;
 *                  | ... child nodes ...                | properties come
 *                  | FDT_END_NODE                       | before subnodes
 *                  | FDT_END                            |
 *   off_dt_strings +------------------------------------+
 *                  | "compatible\0reg\0..."             | property names,
 *                  +------------------------------------+ at nameoff
 *   totalsize (may leave free space after the blocks)
 *
 * Safety argument: fdt_check() proves the header's blocks lie inside
 * totalsize <= the caller's buffer. After that, every read of the structure
 * block goes through fdt_next_tag(), which checks each token, name and
 * property value against size_dt_struct, and every property name goes
 * through fdt_string(), which checks it against size_dt_strings.
 */
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/fdt.h>
#include <kernel/string.h>

struct fdt_header {
	fdt32_t magic;
	fdt32_t totalsize;
	fdt32_t off_dt_struct;
	fdt32_t off_dt_strings;
	fdt32_t off_mem_rsvmap;
	fdt32_t version;
	fdt32_t last_comp_version;
	fdt32_t boot_cpuid_phys;
	fdt32_t size_dt_strings;
	fdt32_t size_dt_struct;
};

#define fdt_hdr(fdt, field) \
	fdt32_ld(&((const struct fdt_header *)(fdt))->field)

/* Structure block tokens. */
#define FDT_BEGIN_NODE 0x1	/* followed by the NUL-terminated unit name */
#define FDT_END_NODE 0x2
#define FDT_PROP 0x3		/* followed by len, nameoff, value */
#define FDT_NOP 0x4
#define FDT_END 0x9
#define FDT_TAG_BAD 0x0		/* fdt_next_tag(): malformed token */
#define FDT_TAGSIZE 4
#define FDT_RSV_ENTRY 16	/* two be64 */

static const char *fdt_struct(const void *fdt)
{
	return (const char *)fdt + fdt_hdr(fdt, off_dt_struct);
}

/* Is [off, off + size) inside a blob of total bytes, past the header? */
static bool fdt_block_ok(u32 off, u32 size, u32 total)
{
	return off >= sizeof(struct fdt_header) && off <= total &&
	       size <= total - off;
}

/*
 * Pointer to the len bytes at offset off of the structure block, or NULL if
 * they are not all inside it.
 */
static const void *fdt_struct_ptr(const void *fdt, int off, u32 len)
{
	u32 size = fdt_hdr(fdt, size_dt_struct);

	if (off < 0 || (u32)off > size || len > size - (u32)off)
		return NULL;
	return fdt_struct(fdt) + off;
}

/*
 * The name at nameoff in the strings block, or NULL if it starts outside
 * the block or its NUL is not inside it.
 */
static const char *fdt_string(const void *fdt, u32 nameoff)
{
	u32 size = fdt_hdr(fdt, size_dt_strings);
	const char *s;

	if (nameoff >= size)
		return NULL;
	s = (const char *)fdt + fdt_hdr(fdt, off_dt_strings) + nameoff;
	return strnlen(s, size - nameoff) < size - nameoff ? s : NULL;
}

/*
 * Decode the token at structure offset off: returns its tag and sets *nextp
 * to the offset of the token after it, or returns FDT_TAG_BAD if off is
 * misaligned, the token is unknown, or the node name / property value runs
 * past the structure block. The only function that steps through tokens.
 */
static u32 fdt_next_tag(const void *fdt, int off, int *nextp)
{
	const fdt32_t *p = fdt_struct_ptr(fdt, off, FDT_TAGSIZE);
	u32 size = fdt_hdr(fdt, size_dt_struct);
	u32 tag, next, len;

	if (!p || !IS_ALIGNED(off, FDT_TAGSIZE))
		return FDT_TAG_BAD;
	tag = fdt32_ld(p);
	next = (u32)off + FDT_TAGSIZE;
	switch (tag) {
	case FDT_BEGIN_NODE:
		/* A name without NUL makes next > size below. */
		next += strnlen((const char *)(p + 1), size - next) + 1;
		break;
	case FDT_PROP:
		p = fdt_struct_ptr(fdt, next, 2 * sizeof(fdt32_t));
		if (!p)
			return FDT_TAG_BAD;
		next += 2 * sizeof(fdt32_t);
		len = fdt32_ld(p);
		if (len > size - next)
			return FDT_TAG_BAD;
		next += len;
		break;
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		break;
	default:
		return FDT_TAG_BAD;
	}
	next = ALIGN(next, FDT_TAGSIZE);
	if (next > size)
		return FDT_TAG_BAD;
	*nextp = (int)next;
	return tag;
}

/* Walk every token once: one root, balanced nodes, named properties. */
static int fdt_check_structure(const void *fdt)
{
	int off = 0, next, depth = 0;
	bool seen_root = false;
	const fdt32_t *p;

	for (;; off = next) {
		switch (fdt_next_tag(fdt, off, &next)) {
		case FDT_BEGIN_NODE:
			if (depth == 0 && seen_root)
				return -EINVAL;		/* a second root */
			seen_root = true;
			depth++;
			break;
		case FDT_END_NODE:
			if (--depth < 0)
				return -EINVAL;
			break;
		case FDT_PROP:
			p = fdt_struct_ptr(fdt, off, 3 * sizeof(fdt32_t));
			if (depth == 0 || !fdt_string(fdt, fdt32_ld(p + 2)))
				return -EINVAL;
			break;
		case FDT_NOP:
			break;
		case FDT_END:
			return seen_root && depth == 0 ? 0 : -EINVAL;
		default:
			return -EINVAL;
		}
	}
}

/*
 * Returns 0 if the blob at fdt (8-byte aligned, with max_size readable
 * bytes) is a well-formed v17 device tree no larger than max_size, else
 * -EINVAL. Reads nothing outside [fdt, fdt + max_size).
 */
int fdt_check(const void *fdt, size_t max_size)
{
	u32 total;

	if (!fdt || !IS_ALIGNED((uintptr_t)fdt, 8) ||
	    max_size < sizeof(struct fdt_header))
		return -EINVAL;
	if (fdt_hdr(fdt, magic) != FDT_MAGIC ||
	    fdt_hdr(fdt, version) < FDT_VERSION ||
	    fdt_hdr(fdt, last_comp_version) > FDT_VERSION)
		return -EINVAL;
	total = fdt_hdr(fdt, totalsize);
	if (total > max_size || total > INT32_MAX)
		return -EINVAL;
	if (!fdt_block_ok(fdt_hdr(fdt, off_mem_rsvmap), FDT_RSV_ENTRY, total) ||
	    !IS_ALIGNED(fdt_hdr(fdt, off_mem_rsvmap), 8) ||
	    !fdt_block_ok(fdt_hdr(fdt, off_dt_struct),
			  fdt_hdr(fdt, size_dt_struct), total) ||
	    !IS_ALIGNED(fdt_hdr(fdt, off_dt_struct), FDT_TAGSIZE) ||
	    !fdt_block_ok(fdt_hdr(fdt, off_dt_strings),
			  fdt_hdr(fdt, size_dt_strings), total))
		return -EINVAL;
	if (fdt_num_mem_rsv(fdt) < 0)
		return -EINVAL;
	return fdt_check_structure(fdt);
}

u32 fdt_totalsize(const void *fdt)
{
	return fdt_hdr(fdt, totalsize);
}

/*
 * Number of memory reservation entries before the {0, 0} terminator, or
 * -EINVAL if there is no terminator inside totalsize.
 */
int fdt_num_mem_rsv(const void *fdt)
{
	u32 off = fdt_hdr(fdt, off_mem_rsvmap), total = fdt_hdr(fdt, totalsize);
	const fdt32_t *e;
	int n;

	for (n = 0; off <= total && FDT_RSV_ENTRY <= total - off;
	     n++, off += FDT_RSV_ENTRY) {
		e = (const fdt32_t *)((const char *)fdt + off);
		if (!fdt_read_number(e, 2) && !fdt_read_number(e + 2, 2))
			return n;
	}
	return -EINVAL;
}

/* Entry n of the memory reservation block: 0, or -ENOENT past the last. */
int fdt_get_mem_rsv(const void *fdt, int n, u64 *addr, u64 *size)
{
	int count = fdt_num_mem_rsv(fdt);
	const fdt32_t *e;

	if (count < 0)
		return count;
	if (n < 0 || n >= count)
		return -ENOENT;
	e = (const fdt32_t *)((const char *)fdt + fdt_hdr(fdt, off_mem_rsvmap) +
			      (u32)n * FDT_RSV_ENTRY);
	*addr = fdt_read_number(e, 2);
	*size = fdt_read_number(e + 2, 2);
	return 0;
}

/*
 * The node after offset in pre-order (offset < 0: start before the root,
 * so the root comes first). With depth non-NULL, *depth goes up by one for
 * every node entered and down for every node left; if it would drop below
 * zero (the walk leaves the subtree it started in) the walk stops.
 * Returns the node's offset, -ENOENT at the end, -EINVAL on a bad token.
 */
int fdt_next_node(const void *fdt, int offset, int *depth)
{
	int next = 0;

	if (offset >= 0 && fdt_next_tag(fdt, offset, &next) != FDT_BEGIN_NODE)
		return -EINVAL;
	for (;;) {
		offset = next;
		switch (fdt_next_tag(fdt, offset, &next)) {
		case FDT_BEGIN_NODE:
			if (depth)
				(*depth)++;
			return offset;
		case FDT_END_NODE:
			if (depth && --(*depth) < 0)
				return -ENOENT;
			break;
		case FDT_PROP:
		case FDT_NOP:
			break;
		case FDT_END:
			return -ENOENT;
		default:
			return -EINVAL;
		}
	}
}

static int fdt_root(const void *fdt)
{
	return fdt_next_node(fdt, -1, NULL);
}

/* First child of node, or -ENOENT if it has none. */
int fdt_first_child(const void *fdt, int node)
{
	int depth = 0;

	return fdt_next_node(fdt, node, &depth);
}

/* The next node with the same parent as node, or -ENOENT. */
int fdt_next_sibling(const void *fdt, int node)
{
	int depth = 1;

	do {
		node = fdt_next_node(fdt, node, &depth);
		if (node < 0)
			return node;
	} while (depth > 1);
	return node;
}

/* Depth of node (root 0), or -ENOENT if no node starts at that offset. */
int fdt_node_depth(const void *fdt, int node)
{
	int off = -1, depth = -1;

	while ((off = fdt_next_node(fdt, off, &depth)) >= 0)
		if (off == node)
			return depth;
	return off;
}

/*
 * Parent of node: the last node one level up that precedes it in pre-order.
 * O(size of the tree). -ENOENT for the root.
 */
int fdt_parent_offset(const void *fdt, int node)
{
	int target = fdt_node_depth(fdt, node);
	int off = -1, depth = -1, parent = -ENOENT;

	if (target <= 0)
		return target == 0 ? -ENOENT : target;
	while ((off = fdt_next_node(fdt, off, &depth)) >= 0 && off != node)
		if (depth == target - 1)
			parent = off;
	return off < 0 ? off : parent;
}

/* Name of node ("" for the root, else "name@unit"), NULL if not a node. */
const char *fdt_get_name(const void *fdt, int node, int *lenp)
{
	const char *name;
	int next;

	if (fdt_next_tag(fdt, node, &next) != FDT_BEGIN_NODE) {
		if (lenp)
			*lenp = -EINVAL;
		return NULL;
	}
	name = fdt_struct(fdt) + node + FDT_TAGSIZE;
	if (lenp)
		*lenp = (int)strlen(name);
	return name;
}

/* First property at or after structure offset off (NOPs skipped). */
static int fdt_scan_property(const void *fdt, int off)
{
	int next;

	for (;; off = next) {
		switch (fdt_next_tag(fdt, off, &next)) {
		case FDT_PROP:
			return off;
		case FDT_NOP:
			break;
		case FDT_TAG_BAD:
			return -EINVAL;
		default:
			return -ENOENT;
		}
	}
}

/* Offset of node's first property, -ENOENT if it has none. */
int fdt_first_property_offset(const void *fdt, int node)
{
	int next;

	if (fdt_next_tag(fdt, node, &next) != FDT_BEGIN_NODE)
		return -EINVAL;
	return fdt_scan_property(fdt, next);
}

/* Offset of the property after the one at offset, -ENOENT at the last. */
int fdt_next_property_offset(const void *fdt, int offset)
{
	int next;

	if (fdt_next_tag(fdt, offset, &next) != FDT_PROP)
		return -EINVAL;
	return fdt_scan_property(fdt, next);
}

/*
 * Value of the property at offset; sets *namep to its name and *lenp to its
 * length in bytes. NULL (with *lenp = -EINVAL) if offset is not a property
 * or its name lies outside the strings block.
 */
const void *fdt_getprop_by_offset(const void *fdt, int offset,
				  const char **namep, int *lenp)
{
	const fdt32_t *p;
	const char *name;
	int next;

	if (fdt_next_tag(fdt, offset, &next) != FDT_PROP)
		goto bad;
	p = fdt_struct_ptr(fdt, offset, 3 * sizeof(fdt32_t));
	name = fdt_string(fdt, fdt32_ld(p + 2));
	if (!name)
		goto bad;
	if (namep)
		*namep = name;
	if (lenp)
		*lenp = (int)fdt32_ld(p + 1);
	return p + 3;
bad:
	if (lenp)
		*lenp = -EINVAL;
	return NULL;
}

static const void *fdt_getprop_namelen(const void *fdt, int node,
				       const char *name, int namelen, int *lenp)
{
	const char *pname;
	const void *val;
	int prop, len;

	fdt_for_each_property_offset(prop, fdt, node) {
		val = fdt_getprop_by_offset(fdt, prop, &pname, &len);
		if (!val)
			break;
		if ((int)strlen(pname) == namelen &&
		    !memcmp(pname, name, namelen)) {
			if (lenp)
				*lenp = len;
			return val;
		}
	}
	if (lenp)
		*lenp = prop < 0 ? prop : -EINVAL;
	return NULL;
}

/*
 * Value of node's property name (4-byte aligned inside the blob), its
 * length in *lenp. NULL if absent, *lenp then -ENOENT (or -EINVAL).
 */
const void *fdt_getprop(const void *fdt, int node, const char *name, int *lenp)
{
	return fdt_getprop_namelen(fdt, node, name, (int)strlen(name), lenp);
}

/* Reads a one-cell property; false if it is absent or not 4 bytes long. */
bool fdt_getprop_u32(const void *fdt, int node, const char *name, u32 *val)
{
	int len;
	const fdt32_t *p = fdt_getprop(fdt, node, name, &len);

	if (!p || len != sizeof(*p))
		return false;
	*val = fdt32_ld(p);
	return true;
}

/*
 * Does the string list (NUL-separated, len bytes, as in "compatible")
 * hold str? An unterminated last entry never matches.
 */
bool fdt_stringlist_contains(const char *list, int len, const char *str)
{
	int slen = (int)strlen(str), n;

	while (len > 0) {
		n = (int)strnlen(list, len);
		if (n == len)
			return false;
		if (n == slen && !memcmp(list, str, slen))
			return true;
		list += n + 1;
		len -= n + 1;
	}
	return false;
}

/*
 * Does the node name (len bytes) match name (namelen bytes)? Exactly, or
 * without the unit address: "serial" matches "serial@7e201000".
 */
static bool fdt_name_matches(const char *node_name, int len, const char *name,
			     int namelen)
{
	if (len < namelen || memcmp(node_name, name, namelen))
		return false;
	return len == namelen || node_name[namelen] == '@';
}

/* Child of parent called name (see fdt_name_matches), or -ENOENT. */
int fdt_subnode_offset_namelen(const void *fdt, int parent, const char *name,
			       int namelen)
{
	const char *cname;
	int child, len;

	fdt_for_each_child(child, fdt, parent) {
		cname = fdt_get_name(fdt, child, &len);
		if (cname && fdt_name_matches(cname, len, name, namelen))
			return child;
	}
	return child;
}

int fdt_subnode_offset(const void *fdt, int parent, const char *name)
{
	return fdt_subnode_offset_namelen(fdt, parent, name, (int)strlen(name));
}

/*
 * The node at the first pathlen bytes of path: "/soc/serial@7e201000", or
 * an alias from /aliases optionally followed by "/more/components".
 * -ENOENT if a component or the alias does not exist.
 */
int fdt_path_offset_namelen(const void *fdt, const char *path, int pathlen)
{
	const char *end = path + pathlen, *p = path, *q, *alias;
	int off;

	if (pathlen <= 0)
		return -EINVAL;
	if (*path != '/') {
		for (q = p; q < end && *q != '/'; q++)
			;
		alias = fdt_get_alias_namelen(fdt, p, (int)(q - p));
		if (!alias)
			return -ENOENT;
		if (alias[0] != '/')
			return -EINVAL;		/* aliases must be full paths */
		off = fdt_path_offset(fdt, alias);
		p = q;
	} else {
		off = fdt_root(fdt);
	}
	while (off >= 0 && p < end) {
		while (p < end && *p == '/')
			p++;
		if (p == end)
			break;
		for (q = p; q < end && *q != '/'; q++)
			;
		off = fdt_subnode_offset_namelen(fdt, off, p, (int)(q - p));
		p = q;
	}
	return off;
}

int fdt_path_offset(const void *fdt, const char *path)
{
	return fdt_path_offset_namelen(fdt, path, (int)strlen(path));
}

/* The path /aliases gives for name (len bytes), NULL if none. */
const char *fdt_get_alias_namelen(const void *fdt, const char *name, int len)
{
	int aliases = fdt_path_offset(fdt, "/aliases"), plen;
	const char *path;

	if (aliases < 0)
		return NULL;
	path = fdt_getprop_namelen(fdt, aliases, name, len, &plen);
	if (!path || plen <= 0 || path[plen - 1] != '\0')
		return NULL;
	return path;
}

const char *fdt_get_alias(const void *fdt, const char *name)
{
	return fdt_get_alias_namelen(fdt, name, (int)strlen(name));
}

/*
 * The console the boot loader asks for: /chosen stdout-path (or
 * linux,stdout-path), a path or alias with the ":options" cut off, falling
 * back to alias serial0. Returns a node offset or -ENOENT.
 */
int fdt_chosen_stdout(const void *fdt)
{
	int chosen = fdt_path_offset(fdt, "/chosen"), len, n, off;
	const char *path = NULL;

	if (chosen >= 0) {
		path = fdt_getprop(fdt, chosen, "stdout-path", &len);
		if (!path)
			path = fdt_getprop(fdt, chosen, "linux,stdout-path", &len);
	}
	if (path && len > 0 && path[len - 1] == '\0') {
		for (n = 0; path[n] && path[n] != ':'; n++)
			;
		off = fdt_path_offset_namelen(fdt, path, n);
		if (off >= 0)
			return off;
	}
	return fdt_path_offset(fdt, "serial0");
}

/*
 * 0 if node's "compatible" list holds compat, 1 if it does not, -ENOENT
 * if the node has no "compatible".
 */
int fdt_node_check_compatible(const void *fdt, int node, const char *compat)
{
	int len;
	const char *list = fdt_getprop(fdt, node, "compatible", &len);

	if (!list)
		return len;
	return fdt_stringlist_contains(list, len, compat) ? 0 : 1;
}

/*
 * First node after startoffset (-1: from the root) compatible with compat;
 * -ENOENT if none.
 */
int fdt_node_offset_by_compatible(const void *fdt, int startoffset,
				  const char *compat)
{
	int off = startoffset;

	while ((off = fdt_next_node(fdt, off, NULL)) >= 0)
		if (fdt_node_check_compatible(fdt, off, compat) == 0)
			return off;
	return off;
}

/*
 * First node after startoffset (-1: from the root) whose property name is
 * exactly the len bytes at val (e.g. device_type = "memory" with len 7,
 * counting the NUL); -ENOENT if none.
 */
int fdt_node_offset_by_prop_value(const void *fdt, int startoffset,
				  const char *name, const void *val, int len)
{
	int off = startoffset, plen;
	const void *p;

	while ((off = fdt_next_node(fdt, off, NULL)) >= 0) {
		p = fdt_getprop(fdt, off, name, &plen);
		if (p && plen == len && !memcmp(p, val, len))
			return off;
	}
	return off;
}

/* node's phandle ("phandle" or the older "linux,phandle"), 0 if none. */
u32 fdt_get_phandle(const void *fdt, int node)
{
	u32 ph;

	if (fdt_getprop_u32(fdt, node, "phandle", &ph) ||
	    fdt_getprop_u32(fdt, node, "linux,phandle", &ph))
		return ph;
	return 0;
}

/* The node with this phandle; -EINVAL for 0 and ~0, -ENOENT if none. */
int fdt_node_offset_by_phandle(const void *fdt, u32 phandle)
{
	int off = -1;

	if (phandle == 0 || phandle == ~0u)
		return -EINVAL;
	while ((off = fdt_next_node(fdt, off, NULL)) >= 0)
		if (fdt_get_phandle(fdt, off) == phandle)
			return off;
	return off;
}

/* "#address-cells"-style property of node, dflt if absent. */
static int fdt_cells(const void *fdt, int node, const char *name, int dflt)
{
	int len;
	const fdt32_t *p = fdt_getprop(fdt, node, name, &len);

	if (!p)
		return len == -ENOENT ? dflt : len;
	if (len != sizeof(*p) || fdt32_ld(p) > FDT_MAX_NCELLS)
		return -EINVAL;
	return (int)fdt32_ld(p);
}

/* Cells per address in node's children's "reg" (default 2), or -EINVAL. */
int fdt_address_cells(const void *fdt, int node)
{
	return fdt_cells(fdt, node, "#address-cells", 2);
}

/* Cells per size in node's children's "reg" (default 1), or -EINVAL. */
int fdt_size_cells(const void *fdt, int node)
{
	return fdt_cells(fdt, node, "#size-cells", 1);
}

/*
 * Entry index of node's "reg", read with its parent's #address-cells and
 * #size-cells: the address is in the parent bus's space (translate it with
 * fdt_translate_address()). size may be NULL. false if there is no such
 * entry or the cells do not fit in 64 bits.
 */
bool fdt_get_reg(const void *fdt, int node, int index, u64 *addr, u64 *size)
{
	int parent = fdt_parent_offset(fdt, node), ac, sc, len;
	const fdt32_t *reg;

	if (parent < 0 || index < 0)
		return false;
	ac = fdt_address_cells(fdt, parent);
	sc = fdt_size_cells(fdt, parent);
	if (ac < 1 || ac > 2 || sc < 0 || sc > 2)
		return false;
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg || index >= len / (int)sizeof(*reg) / (ac + sc))
		return false;
	reg += index * (ac + sc);
	*addr = fdt_read_number(reg, ac);
	if (size)
		*size = fdt_read_number(reg + ac, sc);
	return true;
}

/*
 * Map addr from bus's child address space to its parent's through bus's
 * non-empty "ranges" (entries <child-addr parent-addr size>).
 */
static u64 fdt_apply_ranges(const void *fdt, int bus, int parent,
			    const fdt32_t *r, int len, u64 addr)
{
	int cac = fdt_address_cells(fdt, bus), csc = fdt_size_cells(fdt, bus);
	int pac = fdt_address_cells(fdt, parent), stride, i;
	u64 child, size;

	if (cac < 1 || cac > 2 || csc < 1 || csc > 2 || pac < 1 || pac > 2)
		return FDT_BAD_ADDR;
	stride = cac + pac + csc;
	for (i = 0; i < len / (int)sizeof(*r) / stride; i++, r += stride) {
		child = fdt_read_number(r, cac);
		size = fdt_read_number(r + cac + pac, csc);
		if (addr >= child && addr - child < size)
			return fdt_read_number(r + cac, pac) + (addr - child);
	}
	return FDT_BAD_ADDR;
}

/*
 * CPU physical address of addr, an address on node's parent bus (as
 * fdt_get_reg() returns it): applies the "ranges" of every ancestor bus up
 * to the root ("ranges;" empty = identity). FDT_BAD_ADDR if some bus has no
 * "ranges" (not memory mapped) or no range covers addr.
 */
u64 fdt_translate_address(const void *fdt, int node, u64 addr)
{
	int root = fdt_root(fdt), bus = fdt_parent_offset(fdt, node), parent;
	const fdt32_t *ranges;
	int len;

	while (bus >= 0 && bus != root) {
		parent = fdt_parent_offset(fdt, bus);
		ranges = fdt_getprop(fdt, bus, "ranges", &len);
		if (parent < 0 || !ranges)
			return FDT_BAD_ADDR;
		if (len > 0)
			addr = fdt_apply_ranges(fdt, bus, parent, ranges, len, addr);
		if (addr == FDT_BAD_ADDR)
			return addr;
		bus = parent;
	}
	return bus == root ? addr : FDT_BAD_ADDR;
}

/*
 * The interrupt controller node's interrupts go to: its own or the nearest
 * ancestor's "interrupt-parent" phandle. -ENOENT if there is none.
 */
int fdt_interrupt_parent(const void *fdt, int node)
{
	u32 ph;

	for (; node >= 0; node = fdt_parent_offset(fdt, node))
		if (fdt_getprop_u32(fdt, node, "interrupt-parent", &ph))
			return fdt_node_offset_by_phandle(fdt, ph);
	return -ENOENT;
}

/*
 * Copies entry index of node's "interrupts" into cells (the interrupt
 * parent's #interrupt-cells of them, at most max_cells) and returns how
 * many; -ENOENT past the last entry, -EINVAL if the controller is missing
 * its #interrupt-cells or needs more than max_cells.
 */
int fdt_get_interrupt(const void *fdt, int node, int index, u32 *cells,
		      int max_cells)
{
	int ic = fdt_interrupt_parent(fdt, node), len, i;
	const fdt32_t *p;
	u32 n;

	if (ic < 0)
		return ic;
	if (!fdt_getprop_u32(fdt, ic, "#interrupt-cells", &n) || n == 0 ||
	    n > (u32)max_cells)
		return -EINVAL;
	p = fdt_getprop(fdt, node, "interrupts", &len);
	if (!p)
		return len;
	if (index < 0 || index >= len / (int)sizeof(*p) / (int)n)
		return -ENOENT;
	p += index * n;
	for (i = 0; i < (int)n; i++)
		cells[i] = fdt32_ld(p + i);
	return (int)n;
}
