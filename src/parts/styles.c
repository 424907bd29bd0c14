/* styles.c - word/styles.xml: document defaults and one paragraph style
 * per text role, all fonts named explicitly (no theme fonts). */
#include "parts.h"

static const char *const align_names[] = {"left", "center", "right", "both"};

/* <w:docDefaults>: the body role's fonts and size, exact body pitch. */
static void write_doc_defaults(gw_xml *x, const gw_doc *doc) {
  const gw_layout *L = &doc->layout;
  const gw_role_style *body = &L->roles[GW_ROLE_BODY];
  gw_xml_start(x, "w:docDefaults");
  gw_xml_start(x, "w:rPrDefault");
  gw_write_r_pr(x, doc, body, false, false, false);
  gw_xml_end(x);
  gw_xml_start(x, "w:pPrDefault");
  gw_xml_start(x, "w:pPr");
  gw_xml_empty(x, "w:widowControl", "w:val", "0", NULL);
  gw_xml_empty(x, "w:autoSpaceDE", "w:val", "0", NULL);
  gw_xml_empty(x, "w:autoSpaceDN", "w:val", "0", NULL);
  gw_xml_start(x, "w:spacing");
  gw_xml_attr(x, "w:before", "0");
  gw_xml_attr(x, "w:after", "0");
  gw_xml_attr_int(x, "w:line", L->line_twips);
  gw_xml_attr(x, "w:lineRule", "exact");
  gw_xml_end(x);
  gw_xml_end(x);
  gw_xml_end(x);
  gw_xml_end(x);
}

/* <w:pPr> of a role style. Table and 报尾 roles use their own line
 * height: the body pitch would inflate every row. */
static void write_role_p_pr(gw_xml *x, const gw_doc *doc, gw_role role) {
  const gw_layout *L = &doc->layout;
  const gw_role_style *rs = &L->roles[role];
  int line = rs->line_twips;
  if (role == GW_ROLE_TABLE_CELL || role == GW_ROLE_TABLE_HEADER)
    line = L->table.line_twips;
  else if (role == GW_ROLE_TAIL || role == GW_ROLE_CONTACT)
    line = L->tail.line_twips;
  gw_xml_start(x, "w:pPr");
  if (role == GW_ROLE_TITLE || role == GW_ROLE_SUBTITLE ||
      (role >= GW_ROLE_HEADING1 && role <= GW_ROLE_HEADING4))
    gw_xml_empty(x, "w:keepNext", NULL);
  gw_xml_empty(x, "w:widowControl", "w:val", "0", NULL);
  /* No extra space between Chinese and digits or Latin: it would break
   * the 28-character line and 〔2021〕第14期 must stay tight. */
  gw_xml_empty(x, "w:autoSpaceDE", "w:val", "0", NULL);
  gw_xml_empty(x, "w:autoSpaceDN", "w:val", "0", NULL);
  gw_xml_empty(x, "w:snapToGrid", "w:val", "0", NULL);
  gw_xml_start(x, "w:spacing");
  gw_xml_attr(x, "w:before", "0");
  gw_xml_attr(x, "w:after", "0");
  gw_xml_attr_int(x, "w:line", line);
  gw_xml_attr(x, "w:lineRule", "exact");
  gw_xml_end(x);
  gw_xml_start(x, "w:ind");
  gw_xml_attr(x, "w:left", "0");
  gw_xml_attr(x, "w:right", "0");
  gw_xml_attr_int(x, "w:firstLine", rs->align == GW_ALIGN_CENTER ? 0 : rs->indent_twips);
  gw_xml_end(x);
  gw_xml_val(x, "w:jc", align_names[rs->align]);
  if (role >= GW_ROLE_HEADING1 && role <= GW_ROLE_HEADING4)
    gw_xml_val_int(x, "w:outlineLvl", role - GW_ROLE_HEADING1 + 1);
  else if (role == GW_ROLE_TITLE)
    gw_xml_val_int(x, "w:outlineLvl", 0);
  gw_xml_end(x);
}

/* <w:style> for one role; the issuer line indents at both ends. */
static void write_style(gw_xml *x, const gw_doc *doc, gw_role role) {
  gw_xml_start(x, "w:style");
  gw_xml_attr(x, "w:type", "paragraph");
  gw_xml_attr(x, "w:customStyle", "1");
  gw_xml_attr(x, "w:styleId", gw_style_id(role));
  gw_xml_val(x, "w:name", gw_role_names[role]);
  gw_xml_val(x, "w:basedOn", "Normal");
  gw_xml_empty(x, "w:qFormat", NULL);
  write_role_p_pr(x, doc, role);
  gw_write_r_pr(x, doc, &doc->layout.roles[role], false, false, false);
  gw_xml_end(x);
}

/* <w:style> Normal and the default table style. */
static void write_normal(gw_xml *x, const gw_doc *doc) {
  gw_xml_start(x, "w:style");
  gw_xml_attr(x, "w:type", "paragraph");
  gw_xml_attr(x, "w:default", "1");
  gw_xml_attr(x, "w:styleId", "Normal");
  gw_xml_val(x, "w:name", "Normal");
  gw_xml_empty(x, "w:qFormat", NULL);
  gw_xml_start(x, "w:pPr");
  gw_xml_empty(x, "w:widowControl", "w:val", "0", NULL);
  gw_xml_val(x, "w:jc", "both");
  gw_xml_end(x);
  gw_write_r_pr(x, doc, &doc->layout.roles[GW_ROLE_BODY], false, false, false);
  gw_xml_end(x);

  gw_xml_start(x, "w:style");
  gw_xml_attr(x, "w:type", "table");
  gw_xml_attr(x, "w:default", "1");
  gw_xml_attr(x, "w:styleId", "TableNormal");
  gw_xml_val(x, "w:name", "Normal Table");
  gw_xml_empty(x, "w:semiHidden", NULL);
  gw_xml_start(x, "w:tblPr");
  gw_xml_start(x, "w:tblCellMar");
  const char *sides[] = {"w:top", "w:left", "w:bottom", "w:right"};
  for (int i = 0; i < 4; i++)
    gw_xml_empty(x, sides[i], "w:w", "0", "w:type", "dxa", NULL);
  gw_xml_end(x);
  gw_xml_end(x);
  gw_xml_end(x);
}

void gw_styles_write(gw_xml *x, const gw_doc *doc) {
  gw_xml_start(x, "w:styles");
  gw_xml_attr(x, "xmlns:w", GW_NS_W);
  write_doc_defaults(x, doc);
  write_normal(x, doc);
  for (int role = 0; role < GW_ROLE_COUNT; role++)
    write_style(x, doc, (gw_role)role);
  gw_xml_end(x);
}
