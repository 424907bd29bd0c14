/* arena.c - bump allocator in large chunks, plus checked malloc. */
#include "arena.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

enum {
  CHUNK_MIN = 64 * 1024,
  SMALL_PAGE = 4096,
  HUGE_PAGE = 2 * 1024 * 1024,
  /* Filling a 2 MB page costs about as much as 80 first touches of small
   * ones; a chunk of 1 MB or more is used enough to pay for it. */
  HUGE_FROM = 1024 * 1024,
  /* A chunk made for one big block (a source file read into it) is
   * filled at once: its pages are populated in one call. */
  POPULATE_FROM = 256 * 1024
};

/* Round n up to a multiple of `unit` (a power of two). */
static size_t round_up(size_t n, size_t unit) { return (n + unit - 1) & ~(unit - 1); }

size_t gw_pages_size(size_t size) {
  return round_up(size, size >= HUGE_FROM ? HUGE_PAGE : SMALL_PAGE);
}

/* A first touch of a 4 KB page costs the kernel about 2.4 us here, and
 * a 1,000-article bulletin touches some 4,000 of them: a fifth of its
 * time. A mapping of 1 MB or more is made whole 2 MB pages, placed
 * on a 2 MB boundary and asked for huge pages, which the kernel fills
 * 2 MB per touch (where transparent huge pages are enabled; elsewhere
 * the advice is ignored and the untouched rest costs nothing). */
void *gw_pages_map(size_t size) {
  size = gw_pages_size(size);
  size_t slack = size >= HUGE_FROM ? HUGE_PAGE : 0;
  char *p = mmap(NULL, size + slack, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    fputs("gwdoc: error: 内存不足\n", stderr);
    abort();
  }
  if (!slack)
    return p;
  char *start = (char *)round_up((size_t)p, HUGE_PAGE);
  if (start > p)
    munmap(p, (size_t)(start - p));
  if (p + slack > start)
    munmap(start + size, (size_t)(p + slack - start));
#ifdef MADV_HUGEPAGE
  madvise(start, size, MADV_HUGEPAGE);
#endif
  return start;
}

void *gw_pages_map_populated(size_t size) {
#ifdef MAP_POPULATE
  void *p = mmap(NULL, gw_pages_size(size), PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
#else
  void *p = mmap(NULL, gw_pages_size(size), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                 -1, 0);
#endif
  return p == MAP_FAILED ? NULL : p;
}

void gw_pages_unmap(void *p, size_t size) {
  if (p)
    munmap(p, gw_pages_size(size));
}

typedef struct chunk {
  struct chunk *next;
  size_t used, size;
  bool mapped; /* by gw_pages_map, so already zeroed; else malloc'ed */
  max_align_t data[];
} chunk;

struct gw_arena {
  chunk *head;
  size_t next_chunk; /* gw_arena_expect's size for the next chunk */
};

void *gw_xmalloc(size_t size) {
  void *p = malloc(size ? size : 1);
  if (!p) {
    fputs("gwdoc: error: 内存不足\n", stderr);
    abort();
  }
  return p;
}

void *gw_xrealloc(void *ptr, size_t size) {
  void *p = realloc(ptr, size ? size : 1);
  if (!p) {
    fputs("gwdoc: error: 内存不足\n", stderr);
    abort();
  }
  return p;
}

char *gw_xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(gw_xmalloc(n), s, n);
}

gw_arena *gw_arena_new(void) {
  gw_arena *a = gw_xmalloc(sizeof *a);
  a->head = NULL;
  a->next_chunk = 0;
  return a;
}

void gw_arena_free(gw_arena *arena) {
  if (!arena)
    return;
  chunk *c = arena->head;
  while (c) {
    chunk *next = c->next;
    if (c->mapped)
      gw_pages_unmap(c, sizeof(chunk) + c->size);
    else
      free(c);
    c = next;
  }
  free(arena);
}

/* A new chunk at the head, for at least `size` more bytes. */
static chunk *add_chunk(gw_arena *arena, size_t size) {
  chunk *c = arena->head;
  size_t want = size > CHUNK_MIN ? size : CHUNK_MIN;
  /* Chunks grow with the document, so a big source needs few of them. */
  if (c && want < c->size * 2 && c->size < (SIZE_MAX / 4))
    want = c->size * 2;
  if (want < arena->next_chunk)
    want = arena->next_chunk;
  arena->next_chunk = 0;
  bool huge = sizeof(chunk) + want >= HUGE_FROM;
  /* (under HUGE_FROM once rounded to pages, or unmapping would round
   * it to a huge page) */
  bool one_block = want == size && want >= POPULATE_FROM &&
                   round_up(sizeof(chunk) + want, SMALL_PAGE) < HUGE_FROM;
  c = huge        ? gw_pages_map(sizeof(chunk) + want)
      : one_block ? gw_pages_map_populated(sizeof(chunk) + want)
                  : NULL;
  bool mapped = c != NULL; /* zeroed by the kernel, unmapped at the end */
  if (mapped) /* all of the pages mapped */
    want = gw_pages_size(sizeof(chunk) + want) - sizeof(chunk);
  else
    c = gw_xmalloc(sizeof(chunk) + want);
  c->size = want;
  c->used = 0;
  c->mapped = mapped;
  c->next = arena->head;
  arena->head = c;
  return c;
}

void *gw_arena_alloc(gw_arena *arena, size_t size) {
  const size_t align = sizeof(max_align_t);
  size = (size + align - 1) / align * align;
  chunk *c = arena->head;
  if (!c || c->size - c->used < size)
    c = add_chunk(arena, size);
  void *p = (char *)c->data + c->used;
  c->used += size;
  if (!c->mapped)
    memset(p, 0, size);
  return p;
}

void gw_arena_adopt(gw_arena *arena, gw_arena *from) {
  chunk *oldest = from->head;
  if (oldest) {
    while (oldest->next)
      oldest = oldest->next;
    /* behind the chunk in use, which keeps its room */
    chunk **behind = arena->head ? &arena->head->next : &arena->head;
    oldest->next = *behind;
    *behind = from->head;
  }
  free(from);
}

gw_span gw_arena_reserve(gw_arena *arena, size_t bytes) {
  chunk *c = arena->head;
  if (!c || c->size - c->used < bytes) {
    arena->next_chunk = bytes;
    c = add_chunk(arena, 0);
  }
  return (gw_span){(char *)c->data + c->used, c->size - c->used};
}

void gw_arena_expect(gw_arena *arena, size_t bytes) {
  chunk *c = arena->head;
  if (!c || c->size - c->used < bytes)
    arena->next_chunk = bytes;
}

char *gw_arena_strndup(gw_arena *arena, const char *s, size_t len) {
  char *p = gw_arena_alloc(arena, len + 1);
  if (len)
    memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

char *gw_arena_strdup(gw_arena *arena, const char *s) {
  return gw_arena_strndup(arena, s, strlen(s));
}

char *gw_arena_printf(gw_arena *arena, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *p = gw_arena_alloc(arena, (size_t)(n < 0 ? 0 : n) + 1);
  va_start(ap, fmt);
  vsnprintf(p, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return p;
}

void gw_buf_append(gw_buf *buf, const char *s, size_t len) {
  if (buf->len + len + 1 > buf->cap) {
    size_t cap = buf->cap ? buf->cap : 256;
    while (cap < buf->len + len + 1)
      cap *= 2;
    buf->data = gw_xrealloc(buf->data, cap);
    buf->cap = cap;
  }
  if (len)
    memcpy(buf->data + buf->len, s, len);
  buf->len += len;
  buf->data[buf->len] = '\0';
}

void gw_buf_puts(gw_buf *buf, const char *s) { gw_buf_append(buf, s, strlen(s)); }

void gw_buf_free(gw_buf *buf) {
  free(buf->data);
  buf->data = NULL;
  buf->len = buf->cap = 0;
}
