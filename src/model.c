/* model.c - small constructors for the document model. */
#include "model.h"
#include "zh.h"

#include <string.h>

gw_block *gw_doc_add(gw_doc *doc, gw_block_kind kind, gw_role role) {
  gw_block *b = gw_arena_alloc(doc->arena, sizeof *b);
  b->kind = kind;
  b->role = role;
  doc->has_tables |= kind == GW_BLOCK_TABLE;
  doc->has_sections |= kind == GW_BLOCK_SECTION;
  if (doc->last)
    doc->last->next = b;
  else
    doc->first = b;
  doc->last = b;
  return b;
}

gw_block *gw_doc_insert_after(gw_doc *doc, gw_block *at, gw_block_kind kind, gw_role role) {
  gw_block *rest = at->next, *last = doc->last == at ? NULL : doc->last;
  doc->last = at;
  gw_block *b = gw_doc_add(doc, kind, role);
  b->next = rest;
  if (last)
    doc->last = last;
  return b;
}

gw_block *gw_doc_add_section(gw_doc *doc, bool landscape) {
  gw_block *b = gw_doc_add(doc, GW_BLOCK_SECTION, GW_ROLE_BODY);
  b->landscape = landscape;
  doc->landscape_before |= landscape;
  return b;
}

bool gw_doc_has_landscape(const gw_doc *doc) { return doc->last_landscape || doc->landscape_before; }

bool gw_doc_in_landscape(const gw_doc *doc, const gw_block *b) {
  if (doc->has_sections) /* else no walk: the page estimate asks at the start */
    for (; b; b = b->next)
      if (b->kind == GW_BLOCK_SECTION)
        return b->landscape;
  return doc->last_landscape;
}

gw_run *gw_runs_append(gw_arena *arena, gw_runs *list, gw_run_kind kind,
                       const char *text, size_t len) {
  gw_run *r = gw_arena_alloc(arena, sizeof *r);
  r->kind = kind;
  r->text = text;
  r->len = len;
  r->role = -1;
  if (list->last)
    list->last->next = r;
  else
    list->first = r;
  list->last = r;
  return r;
}

gw_block *gw_doc_add_text(gw_doc *doc, gw_role role, const char *text) {
  gw_block *b = gw_doc_add(doc, GW_BLOCK_PARA, role);
  gw_runs_append(doc->arena, &b->runs, GW_RUN_TEXT, text, strlen(text));
  return b;
}

bool gw_runs_plain(const gw_runs *runs) {
  for (const gw_run *r = runs->first; r; r = r->next)
    if (r->kind != GW_RUN_TEXT || r->bold || r->role != -1)
      return false;
  return true;
}

gw_runs gw_runs_broken(gw_arena *arena, const char *t, size_t len, const size_t *at, size_t n) {
  gw_runs out = {0};
  size_t from = 0;
  for (size_t i = 0; i < n; i++) {
    gw_runs_append(arena, &out, GW_RUN_TEXT, t + from, at[i] - from);
    gw_runs_append(arena, &out, GW_RUN_BREAK, "", 0);
    from = at[i];
  }
  gw_runs_append(arena, &out, GW_RUN_TEXT, t + from, len - from);
  return out;
}

void gw_runs_join(const gw_runs *runs, gw_buf *out) {
  for (const gw_run *r = runs->first; r; r = r->next)
    gw_buf_append(out, r->text, r->len);
}

char *gw_runs_text(gw_arena *arena, const gw_runs *runs) {
  gw_buf all = {0};
  gw_runs_join(runs, &all);
  char *s = gw_arena_strndup(arena, all.data ? all.data : "", all.len);
  gw_buf_free(&all);
  return s;
}

size_t gw_runs_measure(const gw_runs *runs, size_t *chars) {
  size_t w = 0;
  *chars = 0;
  for (const gw_run *r = runs->first; r; r = r->next)
    if (r->kind == GW_RUN_TEXT) {
      size_t n;
      w += gw_zh_measure(r->text, r->len, &n);
      *chars += n;
    }
  return w;
}

size_t gw_block_measure(gw_block *b, size_t *chars) {
  if (!b->width_plus_one)
    b->width_plus_one = gw_runs_measure(&b->runs, &b->chars) + 1;
  *chars = b->chars;
  return b->width_plus_one - 1;
}

size_t gw_runs_width(const gw_runs *runs) {
  size_t chars;
  return gw_runs_measure(runs, &chars);
}

size_t gw_cell_width(gw_cell *cell) {
  if (!cell->width_plus_one)
    cell->width_plus_one = gw_runs_width(&cell->runs) + 1;
  return cell->width_plus_one - 1;
}

int gw_tail_label_twips(const gw_role_style *rs, const char *label) {
  /* display columns are half a character; the colon takes two */
  return (int)(gw_zh_display_width(label, strlen(label)) + 2) * rs->size_half_pt * 5;
}

size_t gw_list_line_starts(const char *text, size_t len, size_t cap, size_t **out) {
  /* and a wide space: 电话：…　邮箱：… on a contact line */
  static const char *const seps[] = {"，", "、", "；", "\u3000", NULL};
  size_t *v = NULL, n = 0, line = 0, start = 0;
  *out = NULL;
  while (start < len) {
    size_t end = start, sep = 0; /* one name, then the separator after it */
    int depth = 0; /* 各县（市、区）人民政府 is one name */
    while (end < len && !sep) {
      unsigned char c = (unsigned char)text[end]; /* 、 and 　 start E3, ，；（） EF */
      if (c == '(' || strncmp(text + end, "（", 3) == 0)
        depth++;
      else if (depth > 0 && (c == ')' || strncmp(text + end, "）", 3) == 0))
        depth--;
      for (int i = 0; seps[i] && !sep && depth == 0 && (c == 0xE3 || c == 0xEF); i++)
        if (strncmp(text + end, seps[i], strlen(seps[i])) == 0)
          sep = strlen(seps[i]);
      if (!sep)
        end++;
    }
    size_t name = gw_zh_display_width(text + start, end - start);
    if (line > 0 && line + name + (sep ? 2 : 0) > cap) {
      v = gw_xrealloc(v, (n + 1) * sizeof *v);
      v[n++] = start;
      line = 0;
    }
    line += name + (sep ? 2 : 0);
    start = end + sep;
  }
  *out = v;
  return n;
}
