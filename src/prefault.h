/* prefault.h - fresh pages faulted in on the idle core, ahead of use.
 *
 * The first touch of a page costs the kernel its zeroing: here about
 * 0.2 ms a MB on huge pages and 0.6 on small ones, so a 1,000-article
 * bulletin (some 12 MB of tree and model) spent 2 to 3 ms of its critical
 * path in the page-fault handler. Meanwhile the other core sat idle
 * while the source was read and checked. So the memory the parse and the
 * build will fill is mapped first, and a thread faults it in while the
 * main thread reads the source.
 *
 * Each span is faulted from its end backward, 2 MB at a time: its user
 * fills it from the start, faulting in itself what it reaches before the
 * helper, instead of queueing behind it page by page. */
#ifndef GW_PREFAULT_H
#define GW_PREFAULT_H
#include "arena.h" /* gw_span */

typedef struct gw_prefault gw_prefault;

/* Fault in `spans` (up to GW_PREFAULT_MOST, in this order) on a thread.
 * NULL when there is nothing to do, or the system can do none of it. */
enum { GW_PREFAULT_MOST = 4 };
gw_prefault *gw_prefault_start(const gw_span *spans, int count);
/* Leave spans `first` and after: the memory will not be used after all
 * (0: stop). One being faulted in stops at its next step. */
void gw_prefault_skip_from(gw_prefault *p, int first);
/* Wait for the thread: before any of the spans is unmapped. Accepts
 * NULL. */
void gw_prefault_finish(gw_prefault *p);

#endif
