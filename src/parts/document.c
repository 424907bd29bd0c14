/* document.c - word/document.xml: the body, its tables, the 报尾 box and
 * the section properties. */
#include "parts.h"
#include "../zh.h"

#include <stdio.h>
#include <string.h>

static const char *const align_names[] = {"left", "center", "right", "both"};

static const gw_role_style *role_style(const gw_doc *doc, int role) {
  return &doc->layout.roles[role];
}

/* <w:pBdr><w:bottom/></w:pBdr>: the red rule under the masthead. */
static void write_p_bdr(gw_xml *x, const gw_doc *doc) {
  gw_xml_start(x, "w:pBdr");
  gw_xml_start(x, "w:bottom");
  gw_xml_attr(x, "w:val", "single");
  gw_xml_attr_int(x, "w:sz", doc->layout.masthead_rule.width_eighths);
  gw_xml_attr_int(x, "w:space", doc->layout.masthead_rule.space_pt);
  gw_xml_attr(x, "w:color", doc->layout.masthead_rule.color);
  gw_xml_end(x);
  gw_xml_end(x);
}

/* <w:tabs>: one right tab (issuer left, date right). */
static void write_tabs(gw_xml *x, int pos) {
  gw_xml_start(x, "w:tabs");
  gw_xml_start(x, "w:tab");
  gw_xml_attr(x, "w:val", "right");
  gw_xml_attr_int(x, "w:pos", pos);
  gw_xml_end(x);
  gw_xml_end(x);
}

/* <w:pPr> of a body block; the rest comes from the role's style. */
static void write_p_pr(gw_xml *x, const gw_doc *doc, const gw_block *b) {
  gw_xml_start(x, "w:pPr");
  gw_xml_val(x, "w:pStyle", gw_style_id(b->role));
  if (b->keep_next)
    gw_xml_empty(x, "w:keepNext", NULL);
  if (b->page_break_before)
    gw_xml_empty(x, "w:pageBreakBefore", NULL);
  if (b->rule_below)
    write_p_bdr(x, doc);
  if (b->tab_right_twips)
    write_tabs(x, b->tab_right_twips);
  if (b->indent_left_twips || b->indent_right_twips) {
    gw_xml_start(x, "w:ind");
    gw_xml_attr_int(x, "w:left", b->indent_left_twips);
    if (b->indent_right_twips)
      gw_xml_attr_int(x, "w:right", b->indent_right_twips);
    if (b->hanging_twips)
      gw_xml_attr_int(x, "w:hanging", b->hanging_twips);
    else
      gw_xml_attr_int(x, "w:firstLine", 0);
    gw_xml_end(x);
  }
  gw_xml_end(x);
}

static void write_runs(gw_xml *x, const gw_doc *doc, const gw_block *b,
                       const gw_runs *runs, int role) {
  for (const gw_run *r = runs->first; r; r = r->next) {
    const gw_role_style *rs = role_style(doc, r->role >= 0 ? r->role : role);
    bool styled = r->role < 0 || r->role == role;
    if (r->kind == GW_RUN_TEXT) {
      gw_write_text_runs(x, doc, rs, r->bold, styled, r->text, r->len);
      continue;
    }
    gw_xml_start(x, "w:r");
    /* a line break in the paragraph's own style needs no properties of
     * its own (thousands of them in a long plan's unit lists) */
    if (r->kind != GW_RUN_BREAK || !styled || r->bold)
      gw_write_r_pr(x, doc, rs, r->bold, false, styled);
    gw_xml_empty(x, r->kind == GW_RUN_TAB ? "w:tab" : "w:br", NULL);
    gw_xml_end(x);
  }
  (void)b;
}

/* <w:p> */
static void write_p_opening(gw_xml *x, const void *key, unsigned flags, void *p) {
  const gw_block *b = p;
  (void)key;
  (void)flags;
  gw_xml_start(x, "w:p");
  write_p_pr(x, NULL, b);
}

/* <w:p>: a plain paragraph's opening depends only on its role, whether
 * it keeps with the next or starts a page, and whether every line takes
 * its role's indent (本期目录 entries), so it is made once. */
static void write_p(gw_xml *x, const gw_doc *doc, const gw_block *b) {
  const char *open = NULL;
  bool role_indent = b->indent_left_twips &&
                     b->indent_left_twips == role_style(doc, b->role)->indent_twips;
  if (!b->rule_below && !b->tab_right_twips && !b->indent_right_twips && !b->hanging_twips &&
      (!b->indent_left_twips || role_indent))
    open = gw_xml_fragment(x, gw_style_id(b->role),
                           (unsigned)b->keep_next | (unsigned)b->page_break_before << 1 |
                               (unsigned)role_indent << 2,
                           write_p_opening, (void *)b);
  if (open) {
    gw_xml_raw(x, open);
    write_runs(x, doc, b, &b->runs, b->role);
    gw_xml_raw(x, "</w:p>");
    return;
  }
  gw_xml_start(x, "w:p");
  write_p_pr(x, doc, b);
  write_runs(x, doc, b, &b->runs, b->role);
  gw_xml_end(x);
}

/* An empty line at the body pitch. */
static void write_blank(gw_xml *x, const gw_doc *doc, const gw_block *b) {
  gw_xml_start(x, "w:p");
  gw_xml_start(x, "w:pPr");
  gw_xml_val(x, "w:pStyle", gw_style_id(GW_ROLE_BODY));
  if (b->keep_next)
    gw_xml_empty(x, "w:keepNext", NULL);
  if (b->page_break_before)
    gw_xml_empty(x, "w:pageBreakBefore", NULL);
  gw_xml_start(x, "w:rPr");
  gw_xml_val_int(x, "w:sz", role_style(doc, GW_ROLE_BODY)->size_half_pt);
  gw_xml_end(x);
  gw_xml_end(x);
  gw_xml_end(x);
}

/* The spacing and run size of a paragraph one point high: one that only
 * carries something (a section's properties, a text box) must not take
 * a body line, or a table that fills its page pushes it onto a page of
 * its own. */
static void write_hairline_spacing(gw_xml *x) {
  gw_xml_empty(x, "w:spacing", "w:before", "0", "w:after", "0", "w:line", "20",
               "w:lineRule", "exact", NULL);
}

static void write_hairline_r_pr(gw_xml *x) {
  gw_xml_start(x, "w:rPr");
  gw_xml_val(x, "w:sz", "2");
  gw_xml_end(x);
}

/* One border element (top, left, bottom, right, insideH, insideV). */
static void write_border(gw_xml *x, const char *name, int eighths, const char *color) {
  gw_xml_start(x, name);
  gw_xml_attr(x, "w:val", eighths ? "single" : "nil");
  if (eighths) {
    gw_xml_attr_int(x, "w:sz", eighths);
    gw_xml_attr(x, "w:space", "0");
    gw_xml_attr(x, "w:color", color);
  }
  gw_xml_end(x);
}

/* <w:tblPr>: fixed layout at the computed width, centred, ruled. */
static void write_tbl_pr(gw_xml *x, const gw_doc *doc, const gw_table *t, bool ruled) {
  int b = ruled ? doc->layout.table.border_eighths : 0;
  gw_xml_start(x, "w:tblPr");
  gw_xml_start(x, "w:tblW");
  gw_xml_attr_int(x, "w:w", t->width_twips);
  gw_xml_attr(x, "w:type", "dxa");
  gw_xml_end(x);
  gw_xml_val(x, "w:jc", "center");
  gw_xml_start(x, "w:tblBorders");
  write_border(x, "w:top", b, "000000");
  write_border(x, "w:left", b, "000000");
  write_border(x, "w:bottom", b, "000000");
  write_border(x, "w:right", b, "000000");
  write_border(x, "w:insideH", b, "000000");
  write_border(x, "w:insideV", b, "000000");
  gw_xml_end(x);
  gw_xml_empty(x, "w:tblLayout", "w:type", "fixed", NULL);
  gw_xml_start(x, "w:tblCellMar");
  int m = ruled ? doc->layout.table.cell_margin_twips : 0;
  gw_xml_start(x, "w:left");
  gw_xml_attr_int(x, "w:w", m);
  gw_xml_attr(x, "w:type", "dxa");
  gw_xml_end(x);
  gw_xml_start(x, "w:right");
  gw_xml_attr_int(x, "w:w", m);
  gw_xml_attr(x, "w:type", "dxa");
  gw_xml_end(x);
  gw_xml_end(x);
  gw_xml_empty(x, "w:tblLook", "w:val", "0000", NULL);
  gw_xml_end(x);
}

/* <w:tblGrid>: WPS reads these widths, Word reads tcW; both agree. */
static void write_tbl_grid(gw_xml *x, const gw_table *t) {
  gw_xml_start(x, "w:tblGrid");
  for (int i = 0; i < t->ncols; i++) {
    gw_xml_start(x, "w:gridCol");
    gw_xml_attr_int(x, "w:w", t->col_twips[i]);
    gw_xml_end(x);
  }
  gw_xml_end(x);
}

/* A cell paragraph: the cell's role style with the cell's alignment. */
/* The opening of a cell: <w:tc><w:tcPr>…</w:tcPr><w:p><w:pPr>…</w:pPr>,
 * left open for the runs. Its look depends only on the column and the
 * cell's role, alignment, merge and span. */
typedef struct {
  const gw_table *t;
  int col;
  const gw_cell *c;
  bool keep; /* the row keeps with the next (a table kept whole) */
} cell_ctx;

static unsigned cell_flags(const gw_cell *c, bool keep) {
  return (unsigned)c->role | (unsigned)c->align << 5 | (unsigned)c->vmerge << 7 |
         (unsigned)c->span << 9 | (unsigned)keep << 24;
}

static void write_tc_opening(gw_xml *x, const void *key, unsigned flags, void *p) {
  const cell_ctx *cc = p;
  const gw_cell *c = cc->c;
  int w = 0;
  (void)key;
  (void)flags;
  for (int i = cc->col; i < cc->col + c->span && i < cc->t->ncols; i++)
    w += cc->t->col_twips[i];
  gw_xml_start(x, "w:tc");
  gw_xml_start(x, "w:tcPr");
  gw_xml_start(x, "w:tcW");
  gw_xml_attr_int(x, "w:w", w);
  gw_xml_attr(x, "w:type", "dxa");
  gw_xml_end(x);
  if (c->span > 1)
    gw_xml_val_int(x, "w:gridSpan", c->span);
  if (c->vmerge == GW_VMERGE_RESTART)
    gw_xml_val(x, "w:vMerge", "restart");
  else if (c->vmerge == GW_VMERGE_CONTINUE)
    gw_xml_empty(x, "w:vMerge", NULL);
  gw_xml_val(x, "w:vAlign", "center");
  gw_xml_end(x);
  gw_xml_start(x, "w:p");
  gw_xml_start(x, "w:pPr");
  gw_xml_val(x, "w:pStyle", gw_style_id(c->role));
  if (cc->keep)
    gw_xml_empty(x, "w:keepNext", NULL);
  gw_xml_val(x, "w:jc", align_names[c->align]);
  gw_xml_end(x);
}

/* <w:tc>: the opening made once per kind of cell in each column (a
 * table of thousands of rows repeats a few), the runs, the closing. */
static void write_tc(gw_xml *x, const gw_doc *doc, const gw_table *t, int col,
                     const gw_cell *c, bool keep) {
  cell_ctx cc = {t, col, c, keep};
  gw_block fake = {0};
  const char *open =
      gw_xml_fragment(x, &t->col_twips[col], cell_flags(c, keep), write_tc_opening, &cc);
  if (open) {
    gw_xml_raw(x, open);
    write_runs(x, doc, &fake, &c->runs, c->role);
    gw_xml_raw(x, "</w:p></w:tc>");
    return;
  }
  write_tc_opening(x, NULL, 0, &cc);
  write_runs(x, doc, &fake, &c->runs, c->role);
  gw_xml_end(x);
  gw_xml_end(x);
}

/* <w:tr>: header rows repeat on every page; rows do not split, but for
 * a tall one the page estimate lets break (gw_row.may_split). In a table
 * kept whole each row but the last keeps with the next: Word and
 * LibreOffice both move the table to the next page rather than leave
 * its header and a row at a page foot. A category row keeps with the
 * row under it. */
static void write_tr(gw_xml *x, const gw_doc *doc, const gw_table *t, const gw_row *r) {
  bool keep = (t->kept_whole || r->category) && r->next;
  gw_xml_start(x, "w:tr");
  gw_xml_start(x, "w:trPr");
  if (!r->may_split)
    gw_xml_empty(x, "w:cantSplit", NULL);
  if (r->header)
    gw_xml_empty(x, "w:tblHeader", NULL);
  gw_xml_end(x);
  int col = 0;
  for (const gw_cell *c = r->cells; c && col < t->ncols; c = c->next) {
    write_tc(x, doc, t, col, c, keep);
    col += c->span;
  }
  /* A short row (a pipe-table row with missing cells) is padded. */
  for (; col < t->ncols; col++) {
    gw_cell empty = {0};
    empty.role = GW_ROLE_TABLE_CELL;
    empty.span = 1;
    write_tc(x, doc, t, col, &empty, keep);
  }
  gw_xml_end(x);
}

/* <w:tbl> */
static void write_tbl(gw_xml *x, const gw_doc *doc, const gw_table *t) {
  gw_xml_start(x, "w:tbl");
  write_tbl_pr(x, doc, t, true);
  write_tbl_grid(x, t);
  for (const gw_row *r = t->rows; r; r = r->next)
    write_tr(x, doc, t, r);
  gw_xml_end(x);
}

/* ---- The 报尾 / 版记: a table of ruled rows in a text box pinned to the
 * foot of the last page (VML: Word, WPS and LibreOffice all pin it; see
 * layout.md §8). ---- */

typedef enum { TAIL_ROW_LIST, TAIL_ROW_RIGHT, TAIL_ROW_SPLIT, TAIL_ROW_PLAIN } tail_row_kind;

/* A paragraph inside a 报尾 row. */
static void write_tail_p(gw_xml *x, const gw_doc *doc, tail_row_kind kind,
                         const char *label, const char *text, const char *right,
                         gw_role role) {
  const gw_layout *L = &doc->layout;
  const gw_role_style *rs = role_style(doc, role);
  int indent = L->tail.indent_twips;
  gw_xml_start(x, "w:p");
  gw_xml_start(x, "w:pPr");
  gw_xml_val(x, "w:pStyle", gw_style_id(role));
  if (kind == TAIL_ROW_SPLIT)
    write_tabs(x, L->text_w - 2 * indent);
  /* The contact line stands a little apart from the closing rule. */
  if (kind == TAIL_ROW_PLAIN)
    gw_xml_empty(x, "w:spacing", "w:before", "60", NULL);
  gw_xml_start(x, "w:ind");
  if (kind == TAIL_ROW_LIST) {
    /* continuation lines align after the full-width colon */
    int label_w = gw_tail_label_twips(rs, label);
    gw_xml_attr_int(x, "w:left", indent + label_w);
    gw_xml_attr_int(x, "w:right", indent);
    gw_xml_attr_int(x, "w:hanging", label_w);
  } else {
    gw_xml_attr_int(x, "w:left", indent);
    gw_xml_attr_int(x, "w:right", indent);
  }
  gw_xml_end(x);
  gw_xml_val(x, "w:jc", kind == TAIL_ROW_RIGHT ? "right" : "left");
  gw_xml_end(x);
  if (kind == TAIL_ROW_LIST) {
    gw_write_text_runs(x, doc, rs, false, true, label, strlen(label));
    gw_write_text_runs(x, doc, rs, false, true, "：", strlen("："));
  }
  for (const char *seg = text; seg;) { /* lines broken between names (prepare.c) */
    const char *nl = strchr(seg, '\n');
    size_t n = nl ? (size_t)(nl - seg) : strlen(seg);
    gw_write_text_runs(x, doc, rs, false, true, seg, n);
    if (nl) {
      gw_xml_start(x, "w:r");
      gw_xml_empty(x, "w:br", NULL);
      gw_xml_end(x);
    }
    seg = nl ? nl + 1 : NULL;
  }
  if (right) {
    gw_xml_start(x, "w:r");
    gw_write_r_pr(x, doc, rs, false, false, true);
    gw_xml_empty(x, "w:tab", NULL);
    gw_xml_end(x);
    gw_write_text_runs(x, doc, rs, false, true, right, strlen(right));
  }
  gw_xml_end(x);
}

/* One 报尾 row: a one-cell table row with its rules above and below. */
static void write_tail_tr(gw_xml *x, const gw_doc *doc, int top, int bottom,
                          tail_row_kind kind, const char *label, const char *text,
                          const char *right, gw_role role) {
  const gw_layout *L = &doc->layout;
  gw_xml_start(x, "w:tr");
  gw_xml_start(x, "w:tc");
  gw_xml_start(x, "w:tcPr");
  gw_xml_start(x, "w:tcW");
  gw_xml_attr_int(x, "w:w", L->text_w);
  gw_xml_attr(x, "w:type", "dxa");
  gw_xml_end(x);
  gw_xml_start(x, "w:tcBorders");
  write_border(x, "w:top", top, L->tail.color);
  write_border(x, "w:left", 0, L->tail.color);
  write_border(x, "w:bottom", bottom, L->tail.color);
  write_border(x, "w:right", 0, L->tail.color);
  gw_xml_end(x);
  gw_xml_val(x, "w:vAlign", "center");
  gw_xml_end(x);
  write_tail_p(x, doc, kind, label, text, right, role);
  gw_xml_end(x);
  gw_xml_end(x);
}

static void write_tail_table(gw_xml *x, const gw_doc *doc, const gw_tail *tail) {
  const gw_layout *L = &doc->layout;
  gw_table t = {0};
  int col = L->text_w;
  t.ncols = 1;
  t.col_twips = &col;
  t.width_twips = L->text_w;
  int thick = L->tail.thick_eighths, thin = L->tail.thin_eighths;
  gw_xml_start(x, "w:tbl");
  write_tbl_pr(x, doc, &t, false);
  write_tbl_grid(x, &t);
  bool first = true;
  for (const gw_tail_row *r = tail->rows; r; r = r->next) {
    bool last = !r->next && !tail->copies && !tail->issued_right;
    write_tail_tr(x, doc, first ? thick : thin, last ? thick : 0, TAIL_ROW_LIST,
                  r->label, r->text, NULL, GW_ROLE_TAIL);
    first = false;
  }
  if (tail->issued_right)
    write_tail_tr(x, doc, first ? thick : thin, tail->copies ? 0 : thick,
                  TAIL_ROW_SPLIT, NULL, tail->issued_left ? tail->issued_left : "",
                  tail->issued_right, GW_ROLE_TAIL);
  if (tail->copies)
    write_tail_tr(x, doc, first && !tail->issued_right ? thick : thin, thick,
                  TAIL_ROW_RIGHT, NULL, tail->copies, NULL, GW_ROLE_TAIL);
  if (tail->contact)
    write_tail_tr(x, doc, 0, 0, TAIL_ROW_PLAIN, NULL, tail->contact, NULL,
                  GW_ROLE_CONTACT);
  gw_xml_end(x);
  /* A text box must end with a paragraph; keep it one point high. */
  gw_xml_start(x, "w:p");
  gw_xml_start(x, "w:pPr");
  write_hairline_spacing(x);
  write_hairline_r_pr(x);
  gw_xml_end(x);
  gw_xml_end(x);
}

static void write_tail(gw_xml *x, const gw_doc *doc, const gw_block *b) {
  /* On a landscape page the 版记 spans the turned 版心. */
  gw_doc turned;
  if (gw_doc_in_landscape(doc, b)) {
    turned = *doc;
    turned.layout.text_w = doc->layout.text_h;
    doc = &turned;
  }
  const gw_layout *L = &doc->layout;
  char style[512];
  snprintf(style, sizeof style,
           "position:absolute;margin-left:0;margin-top:0;width:%.2fpt;height:%.2fpt;"
           "z-index:1;mso-position-horizontal:center;"
           "mso-position-horizontal-relative:margin;mso-position-vertical:bottom;"
           "mso-position-vertical-relative:margin;v-text-anchor:bottom",
           L->text_w / 20.0, b->tail->height_twips / 20.0);
  gw_xml_start(x, "w:p");
  gw_xml_start(x, "w:pPr");
  gw_xml_val(x, "w:pStyle", gw_style_id(GW_ROLE_BODY));
  if (b->tail->new_page)
    gw_xml_empty(x, "w:pageBreakBefore", NULL);
  write_hairline_spacing(x);
  gw_xml_end(x);
  gw_vml_box_start(x, "gwTail", style, NULL);
  write_tail_table(x, doc, b->tail);
  gw_vml_box_end(x, true);
  gw_xml_end(x);
}

/* <w:sectPr>: page, margins, odd/even footers, line grid. */
static void write_sect_pr(gw_xml *x, const gw_doc *doc, bool landscape) {
  const gw_layout *L = &doc->layout;
  gw_xml_start(x, "w:sectPr");
  gw_xml_empty(x, "w:footerReference", "w:type", "default", "r:id",
               landscape ? GW_RID_FOOTER_TURNED_ODD : GW_RID_FOOTER_ODD, NULL);
  gw_xml_empty(x, "w:footerReference", "w:type", "even", "r:id",
               landscape ? GW_RID_FOOTER_TURNED_EVEN : GW_RID_FOOTER_EVEN, NULL);
  gw_xml_start(x, "w:pgSz");
  gw_xml_attr_int(x, "w:w", landscape ? L->page_h : L->page_w);
  gw_xml_attr_int(x, "w:h", landscape ? L->page_w : L->page_h);
  if (landscape)
    gw_xml_attr(x, "w:orient", "landscape");
  gw_xml_end(x);
  /* A landscape page is the portrait page turned clockwise: the binding
   * edge (订口) becomes the top, so the table head faces it, and the page
   * number keeps its distance below the 版心. */
  int top = landscape ? L->left : L->top, right = landscape ? L->top : L->right;
  int bottom = landscape ? L->right : L->bottom, left = landscape ? L->bottom : L->left;
  int footer = bottom - (L->bottom - L->footer);
  gw_xml_start(x, "w:pgMar");
  gw_xml_attr_int(x, "w:top", top);
  gw_xml_attr_int(x, "w:right", right);
  gw_xml_attr_int(x, "w:bottom", bottom);
  gw_xml_attr_int(x, "w:left", left);
  gw_xml_attr_int(x, "w:header", L->header);
  gw_xml_attr_int(x, "w:footer", footer > 0 ? footer : 0);
  gw_xml_attr_int(x, "w:gutter", 0);
  gw_xml_end(x);
  gw_xml_empty(x, "w:cols", "w:space", "0", NULL);
  gw_xml_start(x, "w:docGrid");
  gw_xml_attr(x, "w:type", "lines");
  gw_xml_attr_int(x, "w:linePitch", L->line_twips);
  gw_xml_end(x);
  gw_xml_end(x);
}

/* A paragraph that closes a section. */
/* An empty paragraph one point high; `landscape` >= 0 ends a section
 * there. */
static void write_hairline_p(gw_xml *x, const gw_doc *doc, int landscape) {
  gw_xml_start(x, "w:p");
  gw_xml_start(x, "w:pPr");
  gw_xml_val(x, "w:pStyle", gw_style_id(GW_ROLE_BODY));
  write_hairline_spacing(x);
  write_hairline_r_pr(x);
  if (landscape >= 0)
    write_sect_pr(x, doc, landscape);
  gw_xml_end(x);
  gw_xml_end(x);
}

void gw_document_write(gw_xml *x, const gw_doc *doc) {
  gw_xml_start(x, "w:document");
  gw_xml_attr(x, "xmlns:w", GW_NS_W);
  gw_xml_attr(x, "xmlns:r", GW_NS_R);
  gw_xml_attr(x, "xmlns:v", "urn:schemas-microsoft-com:vml");
  gw_xml_attr(x, "xmlns:o", "urn:schemas-microsoft-com:office:office");
  gw_xml_attr(x, "xmlns:w10", "urn:schemas-microsoft-com:office:word");
  gw_xml_start(x, "w:body");
  for (const gw_block *b = doc->first; b; b = b->next) {
    switch (b->kind) {
    case GW_BLOCK_PARA:
      write_p(x, doc, b);
      break;
    case GW_BLOCK_BLANK:
      write_blank(x, doc, b);
      break;
    case GW_BLOCK_TABLE:
      write_tbl(x, doc, b->table);
      break;
    case GW_BLOCK_TAIL:
      write_tail(x, doc, b);
      break;
    case GW_BLOCK_SECTION:
      write_hairline_p(x, doc, b->landscape);
      break;
    case GW_BLOCK_IMAGE:
      gw_drawing_write(x, doc, b);
      break;
    }
  }
  /* A body never ends with a table: Word wants a paragraph there. */
  if (doc->last && doc->last->kind == GW_BLOCK_TABLE)
    write_hairline_p(x, doc, -1);
  write_sect_pr(x, doc, doc->last_landscape);
  gw_xml_end(x);
  gw_xml_end(x);
}
