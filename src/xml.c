/* xml.c - xmlTextWriter helpers. */
#include "xml.h"

#include <stdarg.h>
#include <stdio.h>

#define BAD(x, call)                                                           \
  do {                                                                         \
    if (!(x)->failed && (call) < 0)                                            \
      (x)->failed = 1;                                                         \
  } while (0)

int gw_xml_open(gw_xml *x) {
  x->failed = 0;
  x->buf = xmlBufferCreate();
  x->w = x->buf ? xmlNewTextWriterMemory(x->buf, 0) : NULL;
  if (!x->w)
    return -1;
  BAD(x, xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", "yes"));
  return x->failed ? -1 : 0;
}

int gw_xml_close(gw_xml *x) {
  BAD(x, xmlTextWriterEndDocument(x->w));
  BAD(x, xmlTextWriterFlush(x->w));
  xmlFreeTextWriter(x->w);
  x->w = NULL;
  return x->failed ? -1 : 0;
}

void gw_xml_free(gw_xml *x) {
  if (x->w)
    xmlFreeTextWriter(x->w);
  if (x->buf)
    xmlBufferFree(x->buf);
  x->w = NULL;
  x->buf = NULL;
}

void gw_xml_start(gw_xml *x, const char *name) {
  BAD(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
}

void gw_xml_end(gw_xml *x) { BAD(x, xmlTextWriterEndElement(x->w)); }

void gw_xml_attr(gw_xml *x, const char *name, const char *value) {
  BAD(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST value));
}

void gw_xml_attr_int(gw_xml *x, const char *name, long value) {
  char num[32];
  snprintf(num, sizeof num, "%ld", value);
  gw_xml_attr(x, name, num);
}

void gw_xml_text(gw_xml *x, const char *text, size_t len) {
  /* xmlTextWriterWriteString needs a NUL-terminated string; write in
   * pieces through a small buffer to avoid copying large texts. */
  char chunk[4096];
  while (len) {
    size_t n = len < sizeof chunk - 1 ? len : sizeof chunk - 1;
    /* never split a UTF-8 sequence */
    while (n < len && n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
      n--;
    for (size_t i = 0; i < n; i++)
      chunk[i] = text[i];
    chunk[n] = '\0';
    BAD(x, xmlTextWriterWriteString(x->w, BAD_CAST chunk));
    text += n;
    len -= n;
  }
}

void gw_xml_empty(gw_xml *x, const char *name, ...) {
  va_list ap;
  gw_xml_start(x, name);
  va_start(ap, name);
  for (;;) {
    const char *attr = va_arg(ap, const char *);
    if (!attr)
      break;
    gw_xml_attr(x, attr, va_arg(ap, const char *));
  }
  va_end(ap);
  gw_xml_end(x);
}

void gw_xml_val(gw_xml *x, const char *name, const char *value) {
  gw_xml_empty(x, name, "w:val", value, NULL);
}

void gw_xml_val_int(gw_xml *x, const char *name, long value) {
  char num[32];
  snprintf(num, sizeof num, "%ld", value);
  gw_xml_val(x, name, num);
}
