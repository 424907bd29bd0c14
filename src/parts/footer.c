/* footer.c - word/footer1.xml (odd pages) and footer2.xml (even pages):
 * "— N —" in 4号宋体, odd right and even left, one character in; and
 * footer3.xml and footer4.xml, the same for landscape pages, turned. */
#include "parts.h"

#include <stdio.h>
#include <string.h>

static void write_page_field(gw_xml *x, const gw_doc *doc, const gw_role_style *rs) {
  static const char *const kinds[] = {"begin", NULL, "separate", "1", "end"};
  for (int i = 0; i < 5; i++) {
    gw_xml_start(x, "w:r");
    gw_write_r_pr(x, doc, rs, false, true, false);
    if (i == 1) {
      gw_xml_start(x, "w:instrText");
      gw_xml_attr(x, "xml:space", "preserve");
      gw_xml_text(x, " PAGE ", 6);
      gw_xml_end(x);
    } else if (i == 3) {
      gw_xml_start(x, "w:t");
      gw_xml_text(x, "1", 1);
      gw_xml_end(x);
    } else {
      gw_xml_empty(x, "w:fldChar", "w:fldCharType", kinds[i], NULL);
    }
    gw_xml_end(x);
  }
}

/* A plain run: the dashes and spaces around the number. Every slot names
 * 宋体, with the East Asian hint, so the dash is the 一字线 of 宋体. */
static void write_plain_run(gw_xml *x, const gw_doc *doc, const gw_role_style *rs,
                            const char *text, size_t len) {
  if (!len)
    return;
  gw_xml_start(x, "w:r");
  gw_write_r_pr(x, doc, rs, false, true, false);
  gw_xml_start(x, "w:t");
  gw_xml_attr(x, "xml:space", "preserve");
  gw_xml_text(x, text, len);
  gw_xml_end(x);
  gw_xml_end(x);
}

/* The number's style: its font in every slot, its size. */
static gw_role_style number_style(const gw_doc *doc) {
  const gw_layout *L = &doc->layout;
  gw_role_style rs = {0};
  rs.font = L->page_number.font;
  rs.latin = L->page_number.font;
  rs.size_half_pt = L->page_number.size_half_pt;
  return rs;
}

/* "— N —": the template's text with the PAGE field for {n}. */
static void write_number_runs(gw_xml *x, const gw_doc *doc) {
  gw_role_style rs = number_style(doc);
  const char *text = doc->layout.page_number.text;
  const char *slot = strstr(text, "{n}");
  if (slot) {
    write_plain_run(x, doc, &rs, text, (size_t)(slot - text));
    write_page_field(x, doc, &rs);
    write_plain_run(x, doc, &rs, slot + 3, strlen(slot + 3));
  } else {
    write_plain_run(x, doc, &rs, text, strlen(text));
  }
}

static void write_single_spacing(gw_xml *x) {
  gw_xml_empty(x, "w:spacing", "w:before", "0", "w:after", "0", "w:line", "240",
               "w:lineRule", "auto", NULL);
}

static void start_footer(gw_xml *x, bool vml) {
  gw_xml_start(x, "w:ftr");
  gw_xml_attr(x, "xmlns:w", GW_NS_W);
  gw_xml_attr(x, "xmlns:r", GW_NS_R);
  if (vml) {
    gw_xml_attr(x, "xmlns:v", "urn:schemas-microsoft-com:vml");
    gw_xml_attr(x, "xmlns:o", "urn:schemas-microsoft-com:office:office");
  }
}

void gw_footer_write(gw_xml *x, const gw_doc *doc, bool even) {
  const gw_layout *L = &doc->layout;
  start_footer(x, false);
  gw_xml_start(x, "w:p");
  gw_xml_start(x, "w:pPr");
  write_single_spacing(x);
  gw_xml_start(x, "w:ind");
  gw_xml_attr_int(x, even ? "w:left" : "w:right", L->page_number.indent_twips);
  gw_xml_attr(x, "w:firstLine", "0");
  gw_xml_end(x);
  gw_xml_val(x, "w:jc", even ? "left" : "right");
  gw_xml_end(x);
  write_number_runs(x, doc);
  gw_xml_end(x);
  gw_xml_end(x);
}

/* A landscape page is bound as the portrait page turned clockwise (its
 * top at the binding edge, see document.c): the portrait foot is its
 * left edge, the portrait right its bottom. GB/T 9704 (tables) keeps the
 * number where the other pages have it: in a text box by the left edge,
 * its text turned (layout-flow: vertical), odd pages near the bottom (the
 * portrait right, one character in) and even pages near the top.
 * Checked in LibreOffice's page images. */
void gw_footer_write_turned(gw_xml *x, const gw_doc *doc, bool even) {
  const gw_layout *L = &doc->layout;
  double size_pt = L->page_number.size_half_pt / 2.0;
  double across = size_pt * 1.3, along = size_pt * 8; /* room for "— 999 —" */
  double from_left = L->footer / 20.0;
  double start = even ? (L->left + L->page_number.indent_twips) / 20.0
                      : (L->page_w - L->right - L->page_number.indent_twips) / 20.0 - along;
  char style[320];
  snprintf(style, sizeof style,
           "position:absolute;margin-left:%.2fpt;margin-top:%.2fpt;width:%.2fpt;height:%.2fpt;"
           "z-index:2;mso-position-horizontal-relative:page;mso-position-vertical-relative:page",
           from_left, start, across, along);
  start_footer(x, true);
  gw_xml_start(x, "w:p");
  gw_xml_start(x, "w:pPr");
  write_single_spacing(x);
  gw_xml_end(x);
  gw_vml_box_start(x, even ? "gwPageNumberEven" : "gwPageNumberOdd", style,
                   "layout-flow:vertical");
  gw_xml_start(x, "w:p");
  gw_xml_start(x, "w:pPr");
  write_single_spacing(x);
  gw_xml_val(x, "w:jc", even ? "left" : "right"); /* along the turned line */
  gw_xml_end(x);
  write_number_runs(x, doc);
  gw_xml_end(x); /* w:p */
  gw_vml_box_end(x, false);
  gw_xml_end(x); /* w:p */
  gw_xml_end(x); /* w:ftr */
}
