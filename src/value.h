/* value.h - YAML (front matter and templates) as a small tree of values
 * with source positions, parsed with libyaml. */
#ifndef GW_VALUE_H
#define GW_VALUE_H
#include "arena.h"
#include "diag.h"
#include <stdbool.h>

typedef enum { GW_VAL_NULL, GW_VAL_STR, GW_VAL_SEQ, GW_VAL_MAP } gw_val_kind;

typedef struct gw_val {
  gw_val_kind kind;
  const char *key;     /* when the parent is a map */
  gw_pos key_pos;
  const char *str;     /* scalar text */
  bool quoted;         /* a quoted scalar is always a string */
  struct gw_val *first, *last, *next; /* children (seq items, map entries) */
  size_t count;
  gw_pos pos;
} gw_val;

/* Parse one YAML document. `first_line` is the line of the text's first
 * line within `file`. Returns the root (an empty map for empty text), or
 * NULL after reporting a syntax error with libyaml's position. */
gw_val *gw_val_parse(gw_arena *arena, gw_diags *diags, const char *file,
                     unsigned first_line, const char *text, size_t len);

/* Child of a map by key, or NULL. */
gw_val *gw_val_get(const gw_val *map, const char *key);
/* Follow a dotted path "layout.page.top_mm" through maps. */
gw_val *gw_val_path(const gw_val *map, const char *path);

/* Merge `over` onto `base` (both maps): keys of `over` win; maps merge
 * recursively except the keys listed in `replace_whole` (NULL-ended),
 * which `over` replaces entirely. Returns a new map (shares leaves). */
gw_val *gw_val_merge(gw_arena *arena, const gw_val *base, const gw_val *over,
                     const char *const *replace_whole);

#endif
