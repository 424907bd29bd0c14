/* arena.h - one arena per conversion: the model, its strings and lists
 * come from it and are freed together by gw_arena_free. */
#ifndef GW_ARENA_H
#define GW_ARENA_H
#include <stddef.h>

typedef struct gw_arena gw_arena;

gw_arena *gw_arena_new(void);
void gw_arena_free(gw_arena *arena); /* accepts NULL */
/* Zeroed memory that lives until the arena is freed. Aborts when out of
 * memory (see gw_xmalloc). */
void *gw_arena_alloc(gw_arena *arena, size_t size);
/* About `bytes` more will be asked for: make the next chunk that big
 * (one chunk, on huge pages when big, instead of many that double). */
void gw_arena_expect(gw_arena *arena, size_t bytes);
/* A stretch of memory. */
typedef struct {
  void *start;
  size_t len;
} gw_span;
/* Make room for the next `bytes` now (a chunk mapped, not yet touched)
 * and say where it is, for another thread to fault its pages in
 * (prefault.h): the chunk's free room, where the next allocations go. */
gw_span gw_arena_reserve(gw_arena *arena, size_t bytes);
/* Take over the memory of `from` (another thread's arena, whose
 * allocations now live as long as `arena`), and free `from`. */
void gw_arena_adopt(gw_arena *arena, gw_arena *from);
/* Copy of s[0..len) with a terminating NUL. */
char *gw_arena_strndup(gw_arena *arena, const char *s, size_t len);
char *gw_arena_strdup(gw_arena *arena, const char *s);
/* printf into the arena. */
char *gw_arena_printf(gw_arena *arena, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* malloc/realloc that abort with a message when memory runs out: a CLI
 * has nothing better to do, and it keeps every caller simple. */
void *gw_xmalloc(size_t size);
void *gw_xrealloc(void *ptr, size_t size);
char *gw_xstrdup(const char *s);

/* Zeroed memory straight from the kernel, for big blocks that live as
 * long as a conversion; from 1 MB they are whole 2 MB huge pages where
 * the system allows. Aborts when out of memory. Unmap with the same size. */
void *gw_pages_map(size_t size);
/* Pages for a buffer about to be written whole (a deflate chunk's
 * input), all made in this one call rather than faulted in one by one
 * (72 traps for 288 KB, each dearer on a VM than the page's zeroing);
 * NULL when out of memory. Unmapped with gw_pages_unmap. */
void *gw_pages_map_populated(size_t size);
void gw_pages_unmap(void *p, size_t size); /* accepts NULL */
/* What gw_pages_map really maps for `size`: whole pages. */
size_t gw_pages_size(size_t size);

/* A growable byte buffer (malloc'ed). */
typedef struct {
  char *data;
  size_t len, cap;
} gw_buf;

void gw_buf_append(gw_buf *buf, const char *s, size_t len);
void gw_buf_puts(gw_buf *buf, const char *s);
void gw_buf_free(gw_buf *buf);

#define GW_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
