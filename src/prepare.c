/* prepare.c - page estimate and 报尾 sizing.
 *
 * The 报尾 sits in a box pinned to the foot of the page that holds its
 * anchor paragraph. When the text above leaves too little room, the box
 * must start a new page, which no renderer decides for us: we count
 * lines. On the 22 x 28 grid every body line has a known height and holds
 * a known number of characters, so the estimate is close; it errs towards
 * a new page. */
#include "prepare.h"
#include "zh.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>


/* Twips of one display column (half a character) in role `rs`: size/2,
 * scaled, plus half the letter spacing. */
static double column_twips(const gw_role_style *rs) {
  double col = rs->size_half_pt * 5.0 * (rs->scale_pct ? rs->scale_pct / 100.0 : 1) +
               rs->spacing_twips / 2.0;
  return col > 0 ? col : 1;
}

int gw_prepare_lines(const gw_role_style *rs, int width, int indent, size_t display_width) {
  double col = column_twips(rs);
  /* Lines hold whole Chinese characters (two columns each): 8845 twips
   * of 15.68 pt characters is 28 a line, not 28.2. */
  double first = 2 * floor((width - indent) / (2 * col)), rest = 2 * floor(width / (2 * col));
  if (first < 2)
    first = 2;
  if (rest < 2)
    rest = 2;
  if (display_width <= first)
    return 1;
  double left = (double)display_width - first;
  int lines = 1 + (int)(left / rest);
  if (left - (lines - 1) * rest > 0.0001)
    lines++;
  return lines;
}

/* Lines of a table cell's text: as gw_prepare_lines, but counted in
 * display columns, not whole characters. A cell is not on the grid, and
 * its figures are half a character wide: 落实第1项工作任务。 (19 columns)
 * is one line of a column 19.96 wide in LibreOffice, two to the
 * whole-character count, and 27 such rows put the estimate five rows
 * long (and the 版记 on a page of its own). */
static int cell_text_lines(const gw_role_style *rs, int width, size_t display_width) {
  double per_line = floor(width / column_twips(rs));
  if (per_line < 2)
    per_line = 2;
  if (display_width <= per_line)
    return 1;
  return (int)ceil((double)display_width / per_line - 0.0001);
}

/* Lines of a cell `w` twips wide inside its margins. A cell broken into
 * lines (unit names one a line, a deadline after 年, <br>) is each part's
 * lines added up: measured whole, one name a line counted as a line or
 * two less and put the table's end, and the 版记, a page early. */
static int cell_lines(const gw_role_style *rs, int w, gw_cell *c) {
  bool broken = false;
  for (const gw_run *r = c->runs.first; r && !broken; r = r->next)
    broken = r->kind == GW_RUN_BREAK;
  if (!broken)
    return cell_text_lines(rs, w, gw_cell_width(c));
  int lines = 0;
  size_t part = 0;
  for (const gw_run *r = c->runs.first;; r = r->next) {
    if (!r || r->kind == GW_RUN_BREAK) {
      lines += cell_text_lines(rs, w, part);
      part = 0;
      if (!r)
        return lines;
      continue;
    }
    part += gw_zh_display_width(r->text, r->len);
  }
}

static int row_height(const gw_doc *doc, const gw_table *t, gw_row *row) {
  const gw_layout *L = &doc->layout;
  int tallest = 1, col = 0;
  for (gw_cell *c = row->cells; c; c = c->next) {
    int w = 0;
    for (int i = col; i < col + c->span && i < t->ncols; i++)
      w += t->col_twips[i];
    w -= 2 * L->table.cell_margin_twips;
    int lines = cell_lines(&L->roles[c->role], w, c);
    if (lines > tallest)
      tallest = lines;
    col += c->span;
  }
  return tallest * L->table.line_twips + 2 * L->table.border_eighths * 20 / 8;
}

/* Break a 报尾 row between recipients, never inside a name (团 / 中央办公厅
 * is what the word processor does), and the contact line after a ， (not
 * 传 / 真): a '\n' before each part that would not fit on the line
 * (gw_list_line_starts). Returns the text, broken or as it was. */
static const char *break_between_names(const gw_doc *doc, const char *t,
                                       const gw_role_style *rs, int width) {
  size_t half = (size_t)rs->size_half_pt * 5; /* twips a display column */
  size_t cap = half && width > 0 ? (size_t)width / half : 0;
  size_t len = strlen(t), *starts;
  if (cap < 4 || strchr(t, '\n'))
    return t; /* no room to speak of, or broken already */
  size_t n = gw_list_line_starts(t, len, cap, &starts);
  if (n == 0)
    return t;
  gw_buf out = {0};
  size_t from = 0;
  for (size_t i = 0; i < n; i++) {
    gw_buf_append(&out, t + from, starts[i] - from);
    gw_buf_puts(&out, "\n");
    from = starts[i];
  }
  gw_buf_append(&out, t + from, len - from);
  const char *broken = gw_arena_strndup(doc->arena, out.data, out.len);
  gw_buf_free(&out);
  free(starts);
  return broken;
}

/* Height of the 报尾 box: its rows, wrapped after the label. */
static int tail_height(const gw_doc *doc, gw_tail *tail, int text_w) {
  const gw_layout *L = &doc->layout;
  const gw_role_style *rs = &L->roles[GW_ROLE_TAIL];
  int width = text_w - 2 * L->tail.indent_twips;
  int lines = 0;
  for (gw_tail_row *r = tail->rows; r; r = r->next) {
    int label_w = gw_tail_label_twips(rs, r->label);
    r->text = break_between_names(doc, r->text, rs, width - label_w);
    /* each line as broken, a name too long for a line wrapping on */
    for (const char *seg = r->text; seg;) {
      const char *nl = strchr(seg, '\n');
      size_t n = nl ? (size_t)(nl - seg) : strlen(seg);
      lines += gw_prepare_lines(rs, width - label_w, 0, gw_zh_display_width(seg, n));
      seg = nl ? nl + 1 : NULL;
    }
  }
  if (tail->issued_right)
    lines++;
  if (tail->copies)
    lines++;
  if (tail->contact) {
    const gw_role_style *cs = &L->roles[GW_ROLE_CONTACT];
    tail->contact = break_between_names(doc, tail->contact, cs, width);
    for (const char *seg = tail->contact; seg;) {
      const char *nl = strchr(seg, '\n');
      size_t n = nl ? (size_t)(nl - seg) : strlen(seg);
      lines += gw_prepare_lines(cs, width, 0, gw_zh_display_width(seg, n));
      seg = nl ? nl + 1 : NULL;
    }
  }
  /* rules, the gap above the contact line, the closing one-point paragraph */
  return lines * L->tail.line_twips + (tail->contact ? 60 : 0) + 40;
}

typedef struct {
  int page_h; /* usable height */
  int width;  /* usable width */
  int used;   /* on the current page */
  int pages;
  int table_top;     /* `used` where the last table's rows on its last page begin */
  bool table_turned; /* and that page is not the one the table started on */
} page_state;

static void advance(page_state *ps, int height, int line) {
  /* Paragraphs break between lines (widow control is off). */
  if (line <= 0)
    line = 1;
  while (ps->used + height > ps->page_h) {
    int room = (ps->page_h - ps->used) / line * line;
    /* A "line" taller than a page (a header row, a picture in a
     * landscape section) is cut at the page foot by the word processor;
     * without this the loop never ended. */
    if (room <= 0 && ps->used == 0)
      room = ps->page_h > 0 ? ps->page_h : height;
    height -= room > 0 ? room : 0;
    ps->used = 0;
    ps->pages++;
    if (height <= 0)
      return;
    if (height <= ps->page_h)
      break;
  }
  ps->used += height;
}

/* Height of a block; a paragraph also adds its characters to *chars
 * (measured in the same pass as its width). */
static int block_height(const gw_doc *doc, gw_block *b, int text_w, int *line,
                        size_t *chars) {
  const gw_layout *L = &doc->layout;
  const gw_role_style *rs = &L->roles[b->role];
  *line = rs->line_twips;
  switch (b->kind) {
  case GW_BLOCK_PARA: {
    int indent = rs->align == GW_ALIGN_CENTER ? 0 : rs->indent_twips;
    size_t display_width = gw_block_measure(b, chars);
    if (b->tab_right_twips) { /* issuer and date: one line, or two when broken */
      int lines = 1;
      for (const gw_run *r = b->runs.first; r; r = r->next)
        lines += r->kind == GW_RUN_BREAK;
      return lines * rs->line_twips;
    }
    return gw_prepare_lines(rs, text_w, indent, display_width) * rs->line_twips;
  }
  case GW_BLOCK_BLANK:
    *line = L->line_twips;
    return L->line_twips;
  case GW_BLOCK_IMAGE:
    *line = (int)(b->image->cy_emu / 635); /* a picture does not break */
    return *line;
  default:
    return 0;
  }
}

/* A merged cell (merge: [牵头单位]) that runs on past a page break
 * shows its text only on the first page: the word processor does not
 * repeat it. So a row that starts a page starts its merged cells again,
 * with their text. */
static void restart_merges(gw_row *r) {
  for (gw_cell *c = r->cells; c; c = c->next)
    if (c->vmerge == GW_VMERGE_CONTINUE && c->merge_text) {
      c->vmerge = GW_VMERGE_RESTART;
      c->runs = *c->merge_text;
      c->width_plus_one = 0;
    }
}

/* A bulletin's short table (a statistics table of a few rows, at most
 * half a page) is kept on one page: split, its header and a row stood at
 * a page foot and the rest went over. Returns its height when it is
 * kept, else 0, and marks it. A plan's long table runs on. */
enum { KEPT_MOST_ROWS = 16 };
static int kept_height(const gw_doc *doc, gw_table *t) {
  if (doc->kind != GW_KIND_BULLETIN || t->nrows > KEPT_MOST_ROWS)
    return 0;
  int h = 0;
  for (gw_row *r = t->rows; r; r = r->next)
    h += row_height(doc, t, r);
  t->kept_whole = h <= doc->layout.text_h / 2;
  return t->kept_whole ? h : 0;
}

/* A table's rows onto pages, the header repeated at the top of each. A
 * row that does not fit moves to the next page whole, unless it is tall
 * (over a quarter of a page): then it breaks across the page rather than
 * leave most of it empty. */
static void place_table(page_state *ps, const gw_doc *doc, gw_table *t) {
  int header = 0, first_page = ps->pages;
  int whole = kept_height(doc, t);
  if (whole && ps->used > 0 && ps->used + whole > ps->page_h) {
    ps->used = 0; /* a short table kept whole starts the next page */
    ps->pages++;
  }
  bool page_has_rows = false, ran_over = false;
  for (gw_row *r = t->rows; r; r = r->next) {
    int h = row_height(doc, t, r);
    if (r->header) {
      header += h;
      advance(ps, h, h);
      continue;
    }
    if (ran_over) { /* the first whole row below a row that broke */
      restart_merges(r);
      h = row_height(doc, t, r);
    }
    bool fits = ps->used + h <= ps->page_h;
    r->may_split = !fits && h > ps->page_h / 4;
    /* a category row goes with the row under it (w:keepNext), not alone
     * at a page foot */
    if (fits && r->category && r->next && !r->next->category) {
      int next_h = row_height(doc, t, r->next);
      fits = next_h > ps->page_h / 4 || ps->used + h + next_h <= ps->page_h;
    }
    if (page_has_rows && !fits && !r->may_split) {
      ps->pages++;
      ps->used = header;
      restart_merges(r);
      h = row_height(doc, t, r); /* the restarted cells hold their text again */
    }
    int pages = ps->pages;
    if (!page_has_rows || ps->used == header)
      ps->table_top = ps->used; /* the first row of the table, or of a page */
    advance(ps, h, doc->layout.table.line_twips);
    ran_over = ps->pages != pages;
    if (ran_over) {
      ps->used += header; /* the repeated header above the rest of the row */
      ps->table_top = header;
    }
    page_has_rows = true;
  }
  ps->table_turned = ps->pages != first_page;
}

/* A title or heading kept with what follows (w:keepNext) goes to the
 * next page when it and the first line after it do not fit: the word
 * processor leaves the rest of the page empty. Not modelled, the gap
 * put the estimate a line behind every few pages, and a long issue's
 * 报尾 on a page of its own. */
static void keep_with_next(page_state *ps, const gw_doc *doc, gw_block *b, int h) {
  if (!b->keep_next || ps->used == 0)
    return;
  int after = 0;
  gw_block *n = b->next;
  for (; n && n->keep_next && n->kind == GW_BLOCK_PARA; n = n->next) {
    int line;
    size_t chars = 0;
    after += block_height(doc, n, ps->width, &line, &chars); /* a title's subtitle */
  }
  if (n && n->kind == GW_BLOCK_PARA)
    after += doc->layout.roles[n->role].line_twips;
  else if (n && n->kind == GW_BLOCK_TABLE)
    after += kept_height(doc, n->table); /* a heading goes with its table */
  if (ps->used + h + after > ps->page_h && h + after <= ps->page_h) {
    ps->used = 0;
    ps->pages++;
  }
}

/* A picture that does not fit the room left on the page is made smaller
 * to fit it, down to layout.picture.min_lines and half its height: moved
 * whole, it left most of the page empty (a drafter's first page: a
 * title, a paragraph, then 60 % white). A line is kept to spare, as the
 * estimate may run short, and room for the caption under it. */
static void fit_picture(page_state *ps, const gw_doc *doc, gw_block *b, int *h) {
  int line = doc->layout.line_twips, caption = 0;
  gw_block *next = b->next;
  if (next && next->kind == GW_BLOCK_PARA && next->role == GW_ROLE_CAPTION) {
    int caption_line;
    size_t chars = 0;
    caption = block_height(doc, next, ps->width, &caption_line, &chars);
  }
  int room = ps->page_h - ps->used - caption - line;
  if (ps->used == 0 || ps->used + *h + caption <= ps->page_h ||
      room < doc->layout.picture_min_lines * line || 2 * room < *h)
    return;
  double scale = (double)room / *h;
  b->image->cx_emu = (long)((double)b->image->cx_emu * scale);
  b->image->cy_emu = (long)((double)b->image->cy_emu * scale);
  *h = (int)(b->image->cy_emu / 635);
}

/* A landscape section turns the 版心: its height becomes the width. */
static void set_orientation(page_state *ps, const gw_doc *doc, const gw_block *from) {
  bool landscape = gw_doc_in_landscape(doc, from);
  ps->page_h = landscape ? doc->layout.text_w : doc->layout.text_h;
  ps->width = landscape ? doc->layout.text_h : doc->layout.text_w;
}

/* The short line that leads into a table kept whole (各行业领域检查情况见
 * 下表。) goes to the next page with it: left behind, it and its heading
 * stood at a page foot over an empty half page. */
static void keep_lead_ins(gw_doc *doc) {
  if (!doc->has_tables)
    return;
  for (gw_block *b = doc->first, *prev = NULL; b; prev = b, b = b->next) {
    if (b->kind != GW_BLOCK_TABLE || !prev || prev->kind != GW_BLOCK_PARA ||
        prev->role != GW_ROLE_BODY || !kept_height(doc, b->table))
      continue;
    int line;
    size_t chars = 0;
    int h = block_height(doc, prev, doc->layout.text_w, &line, &chars);
    if (line > 0 && h <= 2 * line)
      prev->keep_next = true;
  }
}

void gw_prepare(gw_doc *doc) {
  page_state ps = {doc->layout.text_h, doc->layout.text_w, 0, 1, 0, false};
  keep_lead_ins(doc);
  set_orientation(&ps, doc, doc->first);
  for (gw_block *b = doc->first, *prev = NULL; b; prev = b, b = b->next) {
    if (b->kind == GW_BLOCK_PARA)
      doc->paragraphs++;
    if (b->kind == GW_BLOCK_SECTION) {
      ps.used = 0;
      ps.pages++;
      set_orientation(&ps, doc, b->next);
      continue;
    }
    if (b->page_break_before) {
      ps.used = 0;
      ps.pages++;
    }
    if (b->kind == GW_BLOCK_TAIL) {
      b->tail->height_twips = tail_height(doc, b->tail, ps.width);
      /* The box is pinned to the page foot with the text wrapping above
       * it, so when the text leaves no room the word processor moves the
       * block to the next page by itself (checked in LibreOffice). The
       * break is forced only where the estimate is sure the page is full:
       * near the edge, the estimate (a few lines off over a long issue,
       * either way) sent the block to a page of its own though it fit. */
      int room = ps.page_h - ps.used;
      /* Right under a table it must be sure of the room instead: when a
       * table's last rows and the box do not fit, LibreOffice does not
       * move the box but the whole table, and leaves the title alone on
       * the page before (a 25-row plan). */
      bool after_table = prev && prev->kind == GW_BLOCK_TABLE;
      /* A table that began on an earlier page is not moved whole, so
       * there the estimate need only say the box fits. No benefit of the
       * doubt: when it does not fit, LibreOffice moved the last rows
       * over (without the repeated header) and left most of the page
       * before empty, worse than a 版记 on a page of its own. */
      int line = doc->layout.table.line_twips;
      int need = !after_table ? b->tail->height_twips - 2 * doc->layout.line_twips
                 : ps.table_turned ? b->tail->height_twips
                                   : b->tail->height_twips + line;
      /* The estimate gives a table's last page one row: it may well
       * have fitted on the page before (the estimate runs some 10 twips
       * a row long), which then leaves no room. */
      int rows_here = ps.used - ps.table_top;
      bool few_rows = after_table && ps.table_turned && rows_here < 2 * doc->layout.table.line_twips;
      /* With the page full to its last line or two, the break is left
       * to the anchor's own flow: the estimate may be a line or two
       * short, and then the text ran a line over onto a page the forced
       * break left all but empty, the 报尾 on a page after it (two
       * drafters' issues: 21 paragraphs; text thick with figures). */
      bool full = !after_table && room < 2 * doc->layout.line_twips;
      b->tail->new_page = ps.used > 0 && ((room < need && !full) || few_rows);
      continue;
    }
    if (b->kind == GW_BLOCK_TABLE) {
      place_table(&ps, doc, b->table);
      continue;
    }
    int line;
    size_t chars = 0;
    int h = block_height(doc, b, ps.width, &line, &chars);
    doc->characters += chars;
    if (b->kind == GW_BLOCK_IMAGE) {
      fit_picture(&ps, doc, b, &h);
      line = h;
    }
    keep_with_next(&ps, doc, b, h);
    advance(&ps, h, line);
  }
}
