/* runs.c - w:rPr and text runs, shared by the document and the footers. */
#include "parts.h"
#include "../zh.h"

#include <stdio.h>

const char *gw_style_id(gw_role role) {
  static const char *const ids[] = {
      "gwBody",        "gwMark",      "gwMasthead",   "gwIssueNumber",
      "gwIssuerLine",  "gwColumn",    "gwContents",   "gwContentsItem",
      "gwNoteLabel",   "gwNote",      "gwTitle",      "gwSubtitle",
      "gwHeading1",    "gwHeading2",  "gwHeading3",   "gwHeading4",
      "gwCaption",     "gwTail",      "gwContact",    "gwTableHeader",
      "gwTableCell",   "gwAddressee", "gwSignature"};
  _Static_assert(sizeof ids / sizeof *ids == GW_ROLE_COUNT, "a style per role");
  return ids[role];
}

/* <w:rFonts>: every slot named, so no theme font can creep in. A run
 * with the East Asian hint holds Chinese text and the punctuation both
 * scripts share (“ ” — …): Word sets that punctuation in the eastAsia
 * font for the hint, but LibreOffice ignores the hint and gives a quote
 * after a figure (“12345”) or opening a line the Latin font, a narrow
 * curly quote; so such a run names the Chinese font in every slot. */
static void write_r_fonts(gw_xml *x, const gw_role_style *rs, bool hint) {
  gw_xml_start(x, "w:rFonts");
  gw_xml_attr(x, "w:ascii", hint ? rs->font : rs->latin);
  gw_xml_attr(x, "w:hAnsi", hint ? rs->font : rs->latin);
  gw_xml_attr(x, "w:eastAsia", rs->font);
  gw_xml_attr(x, "w:cs", rs->latin);
  if (hint)
    gw_xml_attr(x, "w:hint", "eastAsia");
  gw_xml_end(x);
}

void gw_write_r_pr(gw_xml *x, const gw_doc *doc, const gw_role_style *rs,
                   bool bold, bool hint, bool styled) {
  (void)doc;
  gw_xml_start(x, "w:rPr");
  write_r_fonts(x, rs, hint);
  if (bold || (!styled && rs->bold)) {
    gw_xml_empty(x, "w:b", NULL);
    gw_xml_empty(x, "w:bCs", NULL);
  }
  /* In a paragraph of its own role the style carries colour, spacing and
   * size; repeating them in every run would only double the XML. */
  if (!styled) {
    if (rs->color)
      gw_xml_val(x, "w:color", rs->color);
    if (rs->spacing_twips)
      gw_xml_val_int(x, "w:spacing", rs->spacing_twips);
    if (rs->scale_pct)
      gw_xml_val_int(x, "w:w", rs->scale_pct);
    gw_xml_val_int(x, "w:sz", rs->size_half_pt);
    gw_xml_val_int(x, "w:szCs", rs->size_half_pt);
  }
  /* Latin text in en-US, as Word writes it for Chinese documents: with
   * zh-CN there LibreOffice breaks lines inside figures (231/6人). */
  gw_xml_empty(x, "w:lang", "w:val", "en-US", "w:eastAsia", "zh-CN", NULL);
  gw_xml_end(x);
}

static void write_t(gw_xml *x, const char *text, size_t len) {
  gw_xml_start(x, "w:t");
  gw_xml_attr(x, "xml:space", "preserve");
  gw_xml_text(x, text, len);
  gw_xml_end(x);
}

typedef struct {
  gw_xml *x;
  const gw_doc *doc;
  const gw_role_style *rs;
  bool bold, styled;
  const char *text;
} slot_ctx;

/* <w:rPr> of a run in a paragraph of its own role: the style has the
 * size, colour, spacing and language, so the run names just the font
 * slot it uses (split by gw_zh_slot_runs) and its bold. */
static void write_styled_r_pr(gw_xml *x, const gw_role_style *rs, bool bold,
                              const gw_slot_run *run) {
  gw_xml_start(x, "w:rPr");
  gw_xml_start(x, "w:rFonts");
  if (run->slot == GW_SLOT_LATIN) {
    gw_xml_attr(x, "w:ascii", rs->latin);
    gw_xml_attr(x, "w:hAnsi", rs->latin);
    gw_xml_attr(x, "w:cs", rs->latin);
  } else if (run->hint_east_asia) { /* see write_r_fonts */
    gw_xml_attr(x, "w:ascii", rs->font);
    gw_xml_attr(x, "w:hAnsi", rs->font);
    gw_xml_attr(x, "w:eastAsia", rs->font);
    gw_xml_attr(x, "w:hint", "eastAsia");
  } else {
    gw_xml_attr(x, "w:eastAsia", rs->font);
  }
  gw_xml_end(x);
  if (bold) {
    gw_xml_empty(x, "w:b", NULL);
    gw_xml_empty(x, "w:bCs", NULL);
  }
  gw_xml_end(x);
}

enum { RUN_BOLD = 1, RUN_HINT = 2, RUN_LATIN = 4, RUN_STYLED = 8 };

/* <w:r><w:rPr>…</w:rPr><w:t xml:space="preserve"> for one kind of run. */
static void make_run_opening(gw_xml *x, const void *key, unsigned flags, void *ctx) {
  const gw_role_style *rs = key;
  const gw_doc *doc = ctx;
  gw_slot_run run = {.slot = (flags & RUN_LATIN) ? GW_SLOT_LATIN : GW_SLOT_EAST_ASIA,
                     .hint_east_asia = (flags & RUN_HINT) != 0};
  gw_xml_start(x, "w:r");
  if (flags & RUN_STYLED)
    write_styled_r_pr(x, rs, flags & RUN_BOLD, &run);
  else
    gw_write_r_pr(x, doc, rs, flags & RUN_BOLD, flags & RUN_HINT, false);
  gw_xml_start(x, "w:t");
  gw_xml_attr(x, "xml:space", "preserve");
}

/* One run: its opening made once by libxml2 and repeated, the text
 * escaped by libxml2, the closing tags. */
static int write_slot_run(const gw_slot_run *run, void *p) {
  slot_ctx *c = p;
  unsigned flags = (c->bold ? RUN_BOLD : 0) | (run->hint_east_asia ? RUN_HINT : 0) |
                   (c->styled ? RUN_STYLED : 0) |
                   (c->styled && run->slot == GW_SLOT_LATIN ? RUN_LATIN : 0);
  const char *open = gw_xml_fragment(c->x, c->rs, flags, make_run_opening, (void *)c->doc);
  if (open) {
    gw_xml_wrapped_text(c->x, open, c->text + run->offset, run->len, run->xml_clean,
                        "</w:t></w:r>");
    return 0;
  }
  gw_xml_start(c->x, "w:r");
  if (c->styled)
    write_styled_r_pr(c->x, c->rs, c->bold, run);
  else
    gw_write_r_pr(c->x, c->doc, c->rs, c->bold, run->hint_east_asia, false);
  write_t(c->x, c->text + run->offset, run->len);
  gw_xml_end(c->x);
  return 0;
}

void gw_write_text_runs(gw_xml *x, const gw_doc *doc, const gw_role_style *rs,
                        bool bold, bool styled, const char *text, size_t len) {
  slot_ctx c = {x, doc, rs, bold, styled, text};
  gw_zh_slot_runs(text, len, write_slot_run, &c);
}
