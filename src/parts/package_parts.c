/* package_parts.c - [Content_Types].xml, _rels/.rels and
 * word/_rels/document.xml.rels. */
#include "parts.h"

#include <stdio.h>

#define NS_CT "http://schemas.openxmlformats.org/package/2006/content-types"
#define NS_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL_BASE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CT_WML "application/vnd.openxmlformats-officedocument.wordprocessingml."

/* <Override> */
static void write_override(gw_xml *x, const char *part, const char *type) {
  gw_xml_empty(x, "Override", "PartName", part, "ContentType", type, NULL);
}

void gw_content_types_write(gw_xml *x, const gw_doc *doc) {
  gw_xml_start(x, "Types");
  gw_xml_attr(x, "xmlns", NS_CT);
  gw_xml_empty(x, "Default", "Extension", "rels", "ContentType",
               "application/vnd.openxmlformats-package.relationships+xml", NULL);
  gw_xml_empty(x, "Default", "Extension", "xml", "ContentType", "application/xml", NULL);
  if (doc->images) {
    gw_xml_empty(x, "Default", "Extension", "png", "ContentType", "image/png", NULL);
    gw_xml_empty(x, "Default", "Extension", "jpeg", "ContentType", "image/jpeg", NULL);
  }
  write_override(x, "/word/document.xml", CT_WML "document.main+xml");
  write_override(x, "/word/styles.xml", CT_WML "styles+xml");
  write_override(x, "/word/settings.xml", CT_WML "settings+xml");
  write_override(x, "/word/fontTable.xml", CT_WML "fontTable+xml");
  write_override(x, "/word/footer1.xml", CT_WML "footer+xml");
  write_override(x, "/word/footer2.xml", CT_WML "footer+xml");
  if (gw_doc_has_landscape(doc)) {
    write_override(x, "/word/footer3.xml", CT_WML "footer+xml");
    write_override(x, "/word/footer4.xml", CT_WML "footer+xml");
  }
  write_override(x, "/docProps/core.xml",
                 "application/vnd.openxmlformats-package.core-properties+xml");
  write_override(x, "/docProps/app.xml",
                 "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  gw_xml_end(x);
}

/* <Relationship> */
static void write_relationship(gw_xml *x, const char *id, const char *type,
                               const char *target) {
  gw_xml_empty(x, "Relationship", "Id", id, "Type", type, "Target", target, NULL);
}

void gw_package_rels_write(gw_xml *x, const gw_doc *doc) {
  (void)doc;
  gw_xml_start(x, "Relationships");
  gw_xml_attr(x, "xmlns", NS_REL);
  write_relationship(x, "rId1", REL_BASE "officeDocument", "word/document.xml");
  write_relationship(x, "rId2",
                     "http://schemas.openxmlformats.org/package/2006/relationships/"
                     "metadata/core-properties",
                     "docProps/core.xml");
  write_relationship(x, "rId3", REL_BASE "extended-properties", "docProps/app.xml");
  gw_xml_end(x);
}

void gw_document_rels_write(gw_xml *x, const gw_doc *doc) {
  gw_xml_start(x, "Relationships");
  gw_xml_attr(x, "xmlns", NS_REL);
  write_relationship(x, GW_RID_STYLES, REL_BASE "styles", "styles.xml");
  write_relationship(x, GW_RID_SETTINGS, REL_BASE "settings", "settings.xml");
  write_relationship(x, GW_RID_FONT_TABLE, REL_BASE "fontTable", "fontTable.xml");
  write_relationship(x, GW_RID_FOOTER_ODD, REL_BASE "footer", "footer1.xml");
  write_relationship(x, GW_RID_FOOTER_EVEN, REL_BASE "footer", "footer2.xml");
  if (gw_doc_has_landscape(doc)) {
    write_relationship(x, GW_RID_FOOTER_TURNED_ODD, REL_BASE "footer", "footer3.xml");
    write_relationship(x, GW_RID_FOOTER_TURNED_EVEN, REL_BASE "footer", "footer4.xml");
  }
  for (const gw_image *img = doc->images; img; img = img->next) {
    char id[32], target[48];
    snprintf(id, sizeof id, "rIdImage%d", img->number);
    snprintf(target, sizeof target, "media/image%d.%s", img->number, img->ext);
    write_relationship(x, id, REL_BASE "image", target);
  }
  gw_xml_end(x);
}
