/* parts.h - one writer per OOXML part. Each assembles its part's XML in
 * schema order from a prepared, read-only model. */
#ifndef GW_PARTS_H
#define GW_PARTS_H
#include "../model.h"
#include "../xml.h"

/* Relationship ids in word/_rels/document.xml.rels (rels.c writes them in
 * this order; document.c refers to them). */
#define GW_RID_STYLES "rId1"
#define GW_RID_SETTINGS "rId2"
#define GW_RID_FONT_TABLE "rId3"
#define GW_RID_FOOTER_ODD "rId4"
#define GW_RID_FOOTER_EVEN "rId5"
#define GW_RID_FOOTER_TURNED_ODD "rId6"  /* landscape pages (footer3.xml) */
#define GW_RID_FOOTER_TURNED_EVEN "rId7" /* (footer4.xml) */

void gw_content_types_write(gw_xml *x, const gw_doc *doc);
void gw_package_rels_write(gw_xml *x, const gw_doc *doc);
void gw_document_rels_write(gw_xml *x, const gw_doc *doc);
void gw_document_write(gw_xml *x, const gw_doc *doc);
void gw_styles_write(gw_xml *x, const gw_doc *doc);
void gw_settings_write(gw_xml *x, const gw_doc *doc);
void gw_font_table_write(gw_xml *x, const gw_doc *doc);
void gw_footer_write(gw_xml *x, const gw_doc *doc, bool even);
/* The footer of a landscape page: the number where the portrait pages
 * have it once the page is turned, its text turned with it. */
void gw_footer_write_turned(gw_xml *x, const gw_doc *doc, bool even);
void gw_core_write(gw_xml *x, const gw_doc *doc);
void gw_app_write(gw_xml *x, const gw_doc *doc);
/* A picture paragraph (document.c calls it for GW_BLOCK_IMAGE). */
void gw_drawing_write(gw_xml *x, const gw_doc *doc, const gw_block *b);
/* A VML text box placed by `style` (the 报尾, a landscape page number):
 * Word, WPS and LibreOffice all place it. Opens <w:r><w:pict><v:rect>
 * <v:textbox style=flow><w:txbxContent>, left open for its paragraphs
 * (flow NULL: none); gw_vml_box_end closes it, with a top-and-bottom
 * wrap when `wrap`. */
void gw_vml_box_start(gw_xml *x, const char *id, const char *style, const char *flow);
void gw_vml_box_end(gw_xml *x, bool wrap);

/* Shared by document.c and footer.c: run properties and text runs. */
/* `styled`: the paragraph's style is this role's, so only the fonts,
 * bold and language are written. */
void gw_write_r_pr(gw_xml *x, const gw_doc *doc, const gw_role_style *rs,
                   bool bold, bool hint_east_asia, bool styled);
/* Text split into runs where the font slot changes (zh.c). */
void gw_write_text_runs(gw_xml *x, const gw_doc *doc, const gw_role_style *rs,
                        bool bold, bool styled, const char *text, size_t len);
/* The style id of a role: "gw" + its name in CamelCase. */
const char *gw_style_id(gw_role role);

/* Namespaces of WordprocessingML parts. */
#define GW_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define GW_NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

#endif
