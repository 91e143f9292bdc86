/*
 * Pinning user pages (mm/gup.c), Linux's FOLL_PIN interface: a pin keeps
 * the page itself (not just "some page at that address") for as long as it
 * is held, and reads and writes through it stay coherent with the process,
 * because only exclusive anonymous pages are pinned (mm-semantics.md 3):
 *
 *   - a read-only pin of a possibly shared page first runs the unshare
 *     fault (copy, or take over a page this mm alone uses; the PTE stays
 *     read-only), so a later COW in either process never leaves the pin on
 *     a page the process no longer maps (CVE-2020-29374);
 *   - fork gives the child a copy of a pinned exclusive page instead of
 *     sharing it.
 *
 * Each pinned page holds a folio reference and one _pincount.
 */
#ifndef MM_GUP_H
#define MM_GUP_H

#include <mm/page.h>

#define FOLL_WRITE 0x01		/* the pin will be written through */
#define FOLL_LONGTERM 0x100	/* held for an unbounded time (gup_test, RDMA) */

/*
 * Pin nr_pages pages of the current mm from start (page aligned), faulting
 * them in as needed; pages[i] gets the i-th page. Takes mmap_lock for
 * reading (may sleep). Returns the number pinned (> 0; fewer than asked
 * when a later page fails), or -EFAULT (unmapped / not allowed at start),
 * -ENOMEM, -EINVAL (bad flags or start).
 */
long pin_user_pages(unsigned long start, unsigned long nr_pages, unsigned int gup_flags,
		    struct page **pages);
/*
 * The same, first trying without mmap_lock: walks the page tables with
 * interrupts off, pinning present exclusive anonymous pages (writable ones
 * for FOLL_WRITE) whose PTE did not change after the pin was taken; the
 * rest goes through pin_user_pages().
 */
long pin_user_pages_fast(unsigned long start, unsigned long nr_pages, unsigned int gup_flags,
			 struct page **pages);
/* Drop one pin. Any context that may free pages. */
void unpin_user_page(struct page *page);
void unpin_user_pages(struct page **pages, unsigned long npages);

#endif
