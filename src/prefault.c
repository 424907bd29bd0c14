/* prefault.c - fresh pages faulted in on the idle core (see prefault.h). */
#include "prefault.h"
#include "arena.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Linux 5.14: fault pages in writable, as a write would, without
 * writing (the user may be writing to them at the same time). Older
 * kernels refuse it, and then nothing is faulted in ahead. */
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

/* madvise holds the memory map's lock while it works, and the main
 * thread's mmap and brk wait behind it: one huge page at a time. */
enum { STEP = 2 * 1024 * 1024, PAGE = 4096 };

struct gw_prefault {
  gw_span spans[GW_PREFAULT_MOST];
  atomic_int count; /* lowered by gw_prefault_skip_from; 0 to stop */
  pthread_t thread;
};

/* The whole pages inside a span: madvise takes page-aligned ranges. A
 * span of huge pages ends on the huge page boundary nearest its end:
 * touching any byte of a huge page faults in all its 2 MB. */
static gw_span whole_pages(gw_span s) {
  uintptr_t from = ((uintptr_t)s.start + PAGE - 1) & ~(uintptr_t)(PAGE - 1);
  uintptr_t unit = s.len >= STEP ? STEP : PAGE;
  uintptr_t to = ((uintptr_t)s.start + s.len + unit / 2) & ~(unit - 1);
  gw_span pages = {(void *)from, to > from ? to - from : 0};
  return pages;
}

static bool fault_in(gw_prefault *p, int i) {
  gw_span s = p->spans[i];
  for (size_t end = s.len; end > 0;) {
    if (i >= atomic_load_explicit(&p->count, memory_order_relaxed))
      return false;
    /* back to the huge page's start, so that each step is one */
    uintptr_t at = ((uintptr_t)s.start + end - 1) & ~(uintptr_t)(STEP - 1);
    size_t step = at > (uintptr_t)s.start ? (uintptr_t)s.start + end - at : end;
    end -= step;
    if (madvise((char *)s.start + end, step, MADV_POPULATE_WRITE) != 0)
      return false; /* not supported here, or out of memory: leave it */
  }
  return true;
}

static void *prefault_main(void *arg) {
  gw_prefault *p = arg;
  for (int i = 0; i < atomic_load_explicit(&p->count, memory_order_relaxed); i++)
    if (!fault_in(p, i))
      break;
  return NULL;
}

gw_prefault *gw_prefault_start(const gw_span *spans, int count) {
  gw_prefault *p = gw_xmalloc(sizeof *p);
  memset(p, 0, sizeof *p);
  int kept = 0;
  for (int i = 0; i < count && i < GW_PREFAULT_MOST; i++)
    p->spans[kept++] = whole_pages(spans[i]); /* an empty one is a no-op, and keeps its index */
  atomic_init(&p->count, kept);
  if (!kept || pthread_create(&p->thread, NULL, prefault_main, p) != 0) {
    free(p);
    return NULL;
  }
  return p;
}

void gw_prefault_skip_from(gw_prefault *p, int first) {
  if (p && first < atomic_load(&p->count))
    atomic_store(&p->count, first);
}

void gw_prefault_finish(gw_prefault *p) {
  if (!p)
    return;
  pthread_join(p->thread, NULL);
  free(p);
}
