/* test_memory.c - memory made ahead of use: gw_arena_reserve hands out
 * the room it reserved, and the prefault thread (src/prefault.c) leaves
 * every byte as it finds it, even while another thread writes there,
 * and faults in no huge page past a span. (gw_markdown_reserve's chunks
 * are test_markdown.c's.) */
#include "../../src/arena.h"
#include "../../src/prefault.h"
#include "suites.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

enum { MB = 1024 * 1024, HUGE = 2 * MB };

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

/* Can this kernel fault pages in without writing (Linux 5.14)? */
static bool kernel_populates(void) {
  void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  ck_assert(p != MAP_FAILED);
  bool ok = madvise(p, 4096, MADV_POPULATE_WRITE) == 0;
  munmap(p, 4096);
  return ok;
}

/* Is the page holding `at` in memory? */
static bool resident(const void *at) {
  unsigned char vec = 0;
  uintptr_t page = (uintptr_t)at & ~(uintptr_t)4095;
  ck_assert_int_eq(mincore((void *)page, 4096, &vec), 0);
  return vec & 1;
}

static void assert_all_zero(const unsigned char *p, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (p[i])
      ck_abort_msg("byte %zu is %d, not 0", i, p[i]);
}

START_TEST(prefault_faults_in_the_spans_only) {
  size_t size = 8 * MB;
  unsigned char *p = gw_pages_map(size);
  /* a span ending a quarter into a huge page stops at that page's start */
  gw_span spans[2] = {{p + 4096, 3 * MB + MB / 2}, {p + 6 * MB, MB / 4}};
  gw_prefault *pf = gw_prefault_start(spans, 2);
  ck_assert_ptr_nonnull(pf);
  gw_prefault_finish(pf);
  if (kernel_populates()) {
    ck_assert(resident(p + 4096));
    ck_assert(resident(p + 3 * MB + MB / 4)); /* past the middle of its last huge page */
    ck_assert(resident(p + 6 * MB + MB / 8));
    ck_assert(!resident(p + 4 * MB + 4096)); /* between the spans */
  }
  assert_all_zero(p, size);
  gw_pages_unmap(p, size);
}
END_TEST

/* The span's user writes from its start while the thread faults it in
 * from its end: every byte written stays written. */
START_TEST(prefault_leaves_what_is_written) {
  size_t size = 12 * MB;
  unsigned char *p = gw_pages_map(size);
  gw_span span = {p, size};
  gw_prefault *pf = gw_prefault_start(&span, 1);
  for (size_t i = 0; i < size; i += 511)
    p[i] = (unsigned char)(i % 251 + 1);
  gw_prefault_finish(pf);
  for (size_t i = 0; i < size; i++)
    if (p[i] != (i % 511 == 0 ? (unsigned char)(i % 251 + 1) : 0))
      ck_abort_msg("byte %zu changed", i);
  gw_pages_unmap(p, size);
}
END_TEST

START_TEST(prefault_skipped_and_stopped) {
  size_t size = 8 * MB;
  unsigned char *p = gw_pages_map(size);
  gw_span spans[2] = {{p, 2 * MB}, {p + 4 * MB, 4 * MB}};
  gw_prefault *pf = gw_prefault_start(spans, 2);
  gw_prefault_skip_from(pf, 1);
  gw_prefault_skip_from(pf, 0); /* stops between steps */
  gw_prefault_finish(pf);
  gw_prefault_finish(NULL);
  gw_prefault_skip_from(NULL, 0);
  ck_assert_ptr_null(gw_prefault_start(spans, 0));
  assert_all_zero(p, size);
  gw_pages_unmap(p, size);
}
END_TEST

/* The next allocations come from the room reserved, zeroed. */
START_TEST(arena_reserve_is_the_next_room) {
  gw_arena *a = gw_arena_new();
  gw_span room = gw_arena_reserve(a, 3 * MB);
  ck_assert_uint_ge(room.len, 3 * MB);
  char *first = gw_arena_alloc(a, 100);
  ck_assert_ptr_eq(first, room.start);
  assert_all_zero((unsigned char *)first, 100);
  gw_span again = gw_arena_reserve(a, MB); /* fits: nothing new */
  ck_assert_uint_ge(again.len, 3 * MB - 128);
  ck_assert_ptr_eq(gw_arena_alloc(a, 1), again.start);
  ck_assert((char *)again.start > first);
  gw_arena_free(a);
}
END_TEST

Suite *memory_suite(void) {
  Suite *s = suite_create("memory");
  TCase *tc = tcase_create("memory");
  tcase_add_test(tc, prefault_faults_in_the_spans_only);
  tcase_add_test(tc, prefault_leaves_what_is_written);
  tcase_add_test(tc, prefault_skipped_and_stopped);
  tcase_add_test(tc, arena_reserve_is_the_next_room);
  suite_add_tcase(s, tc);
  return s;
}
