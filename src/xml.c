/* xml.c - xmlTextWriter helpers. */
#include "xml.h"

#include <stdlib.h>

#include <unicode/utf8.h>

#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The source was checked for characters XML 1.0 forbids, but some text
 * is made after the check: CommonMark decodes &#1; and &#xFFFF;, YAML
 * decodes "\x01". Whatever reaches the writer, the XML stays well formed:
 * a forbidden code point (or a broken UTF-8 sequence) is written as
 * U+FFFD, as CommonMark does for &#0;. Returns the length of the clean
 * prefix of s[0..len): the caller copies that much as it is. */
static size_t clean_prefix(const char *s, size_t len) {
  int32_t i = 0, n = len > INT32_MAX ? INT32_MAX : (int32_t)len;
  while (i < n) {
    unsigned char b = (unsigned char)s[i];
    if (b >= 0x20 && b < 0x80) {
      i++;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D) || c == 0xFFFE ||
        c == 0xFFFF || U_IS_SURROGATE(c))
      return (size_t)start;
  }
  return (size_t)i;
}

/* Length of the bad sequence at s (at least one byte). */
static size_t bad_length(const char *s, size_t len) {
  int32_t i = 0, n = len > 4 ? 4 : (int32_t)len;
  UChar32 c;
  U8_NEXT(s, i, n, c);
  return i > 0 ? (size_t)i : 1;
}

/* A NUL-terminated copy of s[0..len) with forbidden characters replaced,
 * or NULL when s is clean (the usual case: no copy). */
static char *cleaned(const char *s, size_t len) {
  size_t ok = clean_prefix(s, len);
  if (ok == len)
    return NULL;
  char *out = malloc(len * 3 + 1); /* one byte can become three */
  if (!out)
    return NULL;
  size_t o = 0;
  while (len) {
    ok = clean_prefix(s, len);
    memcpy(out + o, s, ok);
    o += ok;
    s += ok;
    len -= ok;
    if (len) {
      size_t bad = bad_length(s, len);
      memcpy(out + o, "\xEF\xBF\xBD", 3);
      o += 3;
      s += bad;
      len -= bad;
    }
  }
  out[o] = '\0';
  return out;
}

#define BAD(x, call)                                                           \
  do {                                                                         \
    if (!(x)->failed && (call) < 0)                                            \
      (x)->failed = 1;                                                         \
  } while (0)

/* Begin a part writing to `out` (NULL: it could not be made); the
 * writer owns `out` from here. */
static int start_part(gw_xml *x, xmlOutputBufferPtr out) {
  x->failed = 0;
  x->tag_open = false;
  x->nfragments = 0;
  memset(x->fragment_index, 0, sizeof x->fragment_index);
  x->w = out ? xmlNewTextWriter(out) : NULL;
  x->out = x->w ? out : NULL;
  if (out && !x->w)
    xmlOutputBufferClose(out);
  if (!x->w)
    return -1;
  BAD(x, xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", "yes"));
  return x->failed ? -1 : 0;
}

int gw_xml_open(gw_xml *x) {
  x->buf = xmlBufferCreate();
  return start_part(x, x->buf ? xmlOutputBufferCreateBuffer(x->buf, NULL) : NULL);
}

int gw_xml_open_stream(gw_xml *x, gw_xml_sink sink, void *ctx) {
  x->buf = NULL;
  return start_part(x, xmlOutputBufferCreateIO(sink, NULL, ctx, NULL));
}

int gw_xml_close(gw_xml *x) {
  BAD(x, xmlTextWriterEndDocument(x->w));
  BAD(x, xmlTextWriterFlush(x->w));
  xmlFreeTextWriter(x->w);
  x->w = NULL;
  x->out = NULL;
  return x->failed ? -1 : 0;
}

void gw_xml_free(gw_xml *x) {
  for (int i = 0; i < x->nfragments; i++)
    xmlFree(x->fragments[i].open);
  x->nfragments = 0;
  if (x->w)
    xmlFreeTextWriter(x->w);
  if (x->buf)
    xmlBufferFree(x->buf);
  x->w = NULL;
  x->out = NULL;
  x->buf = NULL;
}

void gw_xml_start(gw_xml *x, const char *name) {
  BAD(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
  x->tag_open = true;
}

void gw_xml_end(gw_xml *x) {
  x->tag_open = false;
  BAD(x, xmlTextWriterEndElement(x->w));
}

/* Does `value` go into an attribute as it is? Printable ASCII but for
 * what libxml2 escapes there (& < > "): the numbers, names and ids that
 * nearly every attribute holds. */
static bool attr_verbatim(const char *value) {
  for (const unsigned char *p = (const unsigned char *)value; *p; p++)
    if (*p < 0x20 || *p > 0x7E || *p == '&' || *p == '<' || *p == '>' || *p == '"')
      return false;
  return true;
}

/* Append s to out[*at..cap); false when it does not fit. */
static bool put(char *out, size_t cap, size_t *at, const char *s) {
  size_t n = strlen(s);
  if (cap - *at < n)
    return false;
  memcpy(out + *at, s, n);
  *at += n;
  return true;
}

/* Append  name="value"  as libxml2's writer puts it; false when the
 * value needs escaping or it does not fit. */
static bool put_attr(char *out, size_t cap, size_t *at, const char *name, const char *value) {
  return attr_verbatim(value) && put(out, cap, at, " ") && put(out, cap, at, name) &&
         put(out, cap, at, "=\"") && put(out, cap, at, value) && put(out, cap, at, "\"");
}

/* value in decimal, into num (at least 24 bytes): snprintf was a tenth
 * of writing a small part. */
static const char *decimal(long value, char *num) {
  char *p = num + 23;
  *p = '\0';
  unsigned long v = value < 0 ? 0UL - (unsigned long)value : (unsigned long)value;
  do
    *--p = (char)('0' + v % 10);
  while (v /= 10);
  if (value < 0)
    *--p = '-';
  return p;
}

void gw_xml_attr(gw_xml *x, const char *name, const char *value) {
  /* In a start tag just opened, a value that goes as it is is written
   * straight after the tag's name, as the writer would: the writer took
   * some 300 instructions an attribute. */
  char joined[256];
  size_t n = 0;
  if (x->tag_open && put_attr(joined, sizeof joined, &n, name, value)) {
    BAD(x, xmlOutputBufferWrite(x->out, (int)n, joined));
    return;
  }
  char *clean = cleaned(value, strlen(value));
  BAD(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST(clean ? clean : value)));
  free(clean);
}

void gw_xml_attr_int(gw_xml *x, const char *name, long value) {
  char num[24];
  gw_xml_attr(x, name, decimal(value, num));
}

void gw_xml_text(gw_xml *x, const char *text, size_t len) {
  char *clean = cleaned(text, len);
  if (clean)
    gw_xml_clean_text(x, clean, strlen(clean));
  else
    gw_xml_clean_text(x, text, len);
  free(clean);
}

/* Length of the start of text[0..len) that XML text content carries as
 * it is: before the first of the only bytes libxml2's content escaping
 * changes (& < > and CR). */
static size_t verbatim_len(const char *text, size_t len) {
  static const char escaped[] = "&<>\r";
  size_t n = len < INT_MAX ? len : INT_MAX; /* xmlOutputBufferWrite's int */
  for (const char *e = escaped; *e; e++) {
    const char *at = memchr(text, *e, n);
    if (at)
      n = (size_t)(at - text);
  }
  return n;
}

/* Let the writer finish what it has pending (the '>' of a start tag), so
 * that bytes may go straight to its output. */
static void settle(gw_xml *x) {
  x->tag_open = false;
  BAD(x, xmlTextWriterWriteRawLen(x->w, BAD_CAST "", 0));
}

/* Clean text into the output, the writer settled. Most text (Chinese
 * prose) has nothing to escape: it goes straight out, and libxml2
 * escapes the rest from the first byte that needs it. Escaping all of
 * it cost bulletin-1000 a tenth of its time. `plain`: verbatim_len of
 * the text, which a caller may have in hand already. */
static void write_clean_text(gw_xml *x, const char *text, size_t len, size_t plain) {
  if (plain) {
    BAD(x, xmlOutputBufferWrite(x->out, (int)plain, text));
    text += plain;
    len -= plain;
  }
  /* xmlOutputBufferWriteEscape needs a NUL-terminated string; write in
   * pieces through a small buffer to avoid copying large texts. */
  char chunk[4096];
  while (len) {
    size_t n = len < sizeof chunk - 1 ? len : sizeof chunk - 1;
    /* never split a UTF-8 sequence (a run of continuation bytes longer
     * than the chunk is not UTF-8, and was cleaned above) */
    while (n < len && n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
      n--;
    if (n == 0)
      n = len < sizeof chunk - 1 ? len : sizeof chunk - 1;
    memcpy(chunk, text, n);
    chunk[n] = '\0';
    /* Straight into the output, escaped by libxml2 (& < > and CR):
     * xmlTextWriterWriteString would allocate an escaped copy of every
     * piece. */
    BAD(x, xmlOutputBufferWriteEscape(x->out, BAD_CAST chunk, NULL));
    text += n;
    len -= n;
  }
}

void gw_xml_clean_text(gw_xml *x, const char *text, size_t len) {
  if (!len)
    return; /* an element with no text stays empty: <dc:creator/> */
  settle(x);
  write_clean_text(x, text, len, verbatim_len(text, len));
}

void gw_xml_wrapped_text(gw_xml *x, const char *open, const char *text, size_t len, bool clean,
                         const char *close) {
  char *copy = clean ? NULL : cleaned(text, len);
  if (copy) {
    text = copy;
    len = strlen(copy);
  }
  size_t open_len = strlen(open), close_len = strlen(close);
  settle(x);
  /* A short run with nothing to escape (nearly all) is one write: each
   * write into libxml2's output costs some thirty instructions. */
  char joined[1024];
  size_t plain = verbatim_len(text, len);
  if (open_len + len + close_len <= sizeof joined && plain == len) {
    memcpy(joined, open, open_len);
    memcpy(joined + open_len, text, len);
    memcpy(joined + open_len + len, close, close_len);
    BAD(x, xmlOutputBufferWrite(x->out, (int)(open_len + len + close_len), joined));
  } else {
    BAD(x, xmlOutputBufferWrite(x->out, (int)open_len, open));
    write_clean_text(x, text, len, plain);
    BAD(x, xmlOutputBufferWrite(x->out, (int)close_len, close));
  }
  free(copy);
}

/* <name a="v" .../> as libxml2's writer puts it, when every value goes
 * as it is and it fits: its length, else 0. */
static size_t empty_element(char *out, size_t cap, const char *name, va_list ap) {
  size_t at = 0;
  if (!put(out, cap, &at, "<") || !put(out, cap, &at, name))
    return 0;
  for (;;) {
    const char *attr = va_arg(ap, const char *);
    if (!attr)
      break;
    if (!put_attr(out, cap, &at, attr, va_arg(ap, const char *)))
      return 0;
  }
  return put(out, cap, &at, "/>") ? at : 0;
}

void gw_xml_empty(gw_xml *x, const char *name, ...) {
  /* Most empty elements (<w:sz w:val="32"/>) go out in one write, as
   * the writer would put them: through it, each cost some 900
   * instructions, a sixth of a small bulletin's. */
  char joined[512];
  va_list ap;
  va_start(ap, name);
  size_t n = empty_element(joined, sizeof joined, name, ap);
  va_end(ap);
  if (n) {
    settle(x);
    BAD(x, xmlOutputBufferWrite(x->out, (int)n, joined));
    return;
  }
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
  char num[24];
  gw_xml_val(x, name, decimal(value, num));
}

void gw_xml_raw(gw_xml *x, const char *markup) {
  x->tag_open = false;
  BAD(x, xmlTextWriterWriteRaw(x->w, BAD_CAST markup));
}

const char *gw_xml_fragment(gw_xml *x, const void *key, unsigned flags, gw_xml_make make,
                            void *ctx) {
  /* a slot of the index first (a search of all of them was as dear as
   * writing the run), then all of them */
  unsigned slot = ((unsigned)((uintptr_t)key >> 3) ^ flags * 2654435761u) % GW_XML_FRAGMENT_SLOTS;
  int at = x->fragment_index[slot] - 1;
  if (at >= 0 && x->fragments[at].key == key && x->fragments[at].flags == flags)
    return x->fragments[at].open;
  for (int i = 0; i < x->nfragments; i++)
    if (x->fragments[i].key == key && x->fragments[i].flags == flags) {
      x->fragment_index[slot] = i + 1;
      return x->fragments[i].open;
    }
  if (x->nfragments == GW_XML_FRAGMENTS)
    return NULL;
  gw_xml scratch = {0};
  scratch.buf = xmlBufferCreate();
  scratch.out = scratch.buf ? xmlOutputBufferCreateBuffer(scratch.buf, NULL) : NULL;
  scratch.w = scratch.out ? xmlNewTextWriter(scratch.out) : NULL;
  if (scratch.out && !scratch.w)
    xmlOutputBufferClose(scratch.out);
  char *open = NULL;
  if (scratch.w) {
    /* A UTF-8 document, as the part's, so text is written as it is and
     * not as character references; the declaration is left out. */
    BAD(&scratch, xmlTextWriterStartDocument(scratch.w, "1.0", "UTF-8", NULL));
    BAD(&scratch, xmlTextWriterFlush(scratch.w));
    int start = xmlBufferLength(scratch.buf);
    make(&scratch, key, flags, ctx);
    /* an empty string closes the last start tag ('>') */
    BAD(&scratch, xmlTextWriterWriteString(scratch.w, BAD_CAST ""));
    BAD(&scratch, xmlTextWriterFlush(scratch.w));
    if (!scratch.failed)
      open = (char *)xmlStrdup(xmlBufferContent(scratch.buf) + start);
  }
  gw_xml_free(&scratch);
  if (!open)
    return NULL;
  x->fragments[x->nfragments].key = key;
  x->fragments[x->nfragments].flags = flags;
  x->fragments[x->nfragments].open = open;
  x->fragment_index[slot] = x->nfragments + 1;
  return x->fragments[x->nfragments++].open;
}
