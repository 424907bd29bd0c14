/* footer.c - word/footer1.xml (odd pages) and footer2.xml (even pages):
 * "— N —" in 4号宋体, odd right and even left, one character in. */
#include "parts.h"

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

void gw_footer_write(gw_xml *x, const gw_doc *doc, bool even) {
  const gw_layout *L = &doc->layout;
  gw_role_style rs = {0};
  rs.font = L->page_number.font;
  rs.latin = L->page_number.font;
  rs.size_half_pt = L->page_number.size_half_pt;
  const char *text = L->page_number.text;
  const char *slot = strstr(text, "{n}");

  gw_xml_start(x, "w:ftr");
  gw_xml_attr(x, "xmlns:w", GW_NS_W);
  gw_xml_attr(x, "xmlns:r", GW_NS_R);
  gw_xml_start(x, "w:p");
  gw_xml_start(x, "w:pPr");
  gw_xml_empty(x, "w:spacing", "w:before", "0", "w:after", "0", "w:line", "240",
               "w:lineRule", "auto", NULL);
  gw_xml_start(x, "w:ind");
  gw_xml_attr_int(x, even ? "w:left" : "w:right", L->page_number.indent_twips);
  gw_xml_attr(x, "w:firstLine", "0");
  gw_xml_end(x);
  gw_xml_val(x, "w:jc", even ? "left" : "right");
  gw_xml_end(x);
  if (slot) {
    write_plain_run(x, doc, &rs, text, (size_t)(slot - text));
    write_page_field(x, doc, &rs);
    write_plain_run(x, doc, &rs, slot + 3, strlen(slot + 3));
  } else {
    write_plain_run(x, doc, &rs, text, strlen(text));
  }
  gw_xml_end(x);
  gw_xml_end(x);
}
