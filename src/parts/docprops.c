/* docprops.c - docProps/core.xml and docProps/app.xml. Dates come from
 * the document (or SOURCE_DATE_EPOCH), never the clock, so the same
 * source gives the same bytes. */
#include "parts.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static void write_element(gw_xml *x, const char *name, const char *text) {
  gw_xml_start(x, name);
  gw_xml_text(x, text, strlen(text));
  gw_xml_end(x);
}

void gw_core_write(gw_xml *x, const gw_doc *doc) {
  char when[32];
  time_t t = (time_t)doc->created;
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
  gw_xml_start(x, "cp:coreProperties");
  gw_xml_attr(x, "xmlns:cp",
              "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  gw_xml_attr(x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  gw_xml_attr(x, "xmlns:dcterms", "http://purl.org/dc/terms/");
  gw_xml_attr(x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  write_element(x, "dc:title", doc->title ? doc->title : "");
  write_element(x, "dc:creator", doc->creator ? doc->creator : "");
  gw_xml_start(x, "dcterms:created");
  gw_xml_attr(x, "xsi:type", "dcterms:W3CDTF");
  gw_xml_text(x, when, strlen(when));
  gw_xml_end(x);
  gw_xml_start(x, "dcterms:modified");
  gw_xml_attr(x, "xsi:type", "dcterms:W3CDTF");
  gw_xml_text(x, when, strlen(when));
  gw_xml_end(x);
  gw_xml_end(x);
}

void gw_app_write(gw_xml *x, const gw_doc *doc) {
  char num[32];
  gw_xml_start(x, "Properties");
  gw_xml_attr(x, "xmlns",
              "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  gw_xml_attr(x, "xmlns:vt",
              "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
  write_element(x, "Application", "gwdoc");
  snprintf(num, sizeof num, "%zu", doc->paragraphs);
  write_element(x, "Paragraphs", num);
  snprintf(num, sizeof num, "%zu", doc->characters);
  write_element(x, "Characters", num);
  write_element(x, "DocSecurity", "0");
  gw_xml_end(x);
}
