/* arena.c - bump allocator in large chunks, plus checked malloc. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { CHUNK_MIN = 64 * 1024 };

typedef struct chunk {
  struct chunk *next;
  size_t used, size;
  max_align_t data[];
} chunk;

struct gw_arena {
  chunk *head;
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
  return a;
}

void gw_arena_free(gw_arena *arena) {
  if (!arena)
    return;
  chunk *c = arena->head;
  while (c) {
    chunk *next = c->next;
    free(c);
    c = next;
  }
  free(arena);
}

void *gw_arena_alloc(gw_arena *arena, size_t size) {
  const size_t align = sizeof(max_align_t);
  size = (size + align - 1) / align * align;
  chunk *c = arena->head;
  if (!c || c->size - c->used < size) {
    size_t want = size > CHUNK_MIN ? size : CHUNK_MIN;
    /* Chunks grow with the document, so a big source needs few of them. */
    if (c && want < c->size * 2 && c->size < (SIZE_MAX / 4))
      want = c->size * 2;
    c = gw_xmalloc(sizeof(chunk) + want);
    c->size = want;
    c->used = 0;
    c->next = arena->head;
    arena->head = c;
  }
  void *p = (char *)c->data + c->used;
  c->used += size;
  memset(p, 0, size);
  return p;
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
