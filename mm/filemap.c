/*
 * The folio lock (PG_locked): a sleeping bit lock that serialises decisions
 * about one folio across the mms that map it (a write fault's reuse check;
 * later swap-out and collapse). All sleepers share one wait queue and
 * re-check on every unlock: simple, and folio locks are rarely contended.
 * Lock order: the folio lock before any page-table lock (mm-semantics.md 6).
 */
#include <kernel/sched.h>
#include <kernel/wait.h>
#include <mm/page.h>

static DECLARE_WAIT_QUEUE_HEAD(folio_wait);

void folio_lock(struct folio *folio)
{
	wait_event(folio_wait, folio_trylock(folio));
}

void folio_unlock(struct folio *folio)
{
	__atomic_fetch_and(&folio->page.flags, ~(1UL << PG_locked), __ATOMIC_RELEASE);
	wake_up(&folio_wait);
}
