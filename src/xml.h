/* xml.h - a thin layer over libxml2's xmlTextWriter with a sticky error
 * flag, so element writers stay one call per tag. libxml2 does all
 * escaping; names are written with their prefixes (w:p, v:rect). */
#ifndef GW_XML_H
#define GW_XML_H
#include <libxml/xmlwriter.h>
#include <stdbool.h>
#include <stddef.h>

/* A fragment of markup the writer made once and repeats raw (see
 * gw_xml_fragment). */
typedef struct {
  const void *key;
  unsigned flags;
  char *open; /* everything up to the text */
} gw_xml_fragment_entry;

enum { GW_XML_FRAGMENTS = 64, GW_XML_FRAGMENT_SLOTS = 256 };

typedef struct {
  xmlBufferPtr buf;
  xmlTextWriterPtr w;
  xmlOutputBufferPtr out; /* the writer's output: text is escaped into it */
  int failed;
  bool tag_open; /* the last write was gw_xml_start or an attribute: more
                    attributes may follow, straight into out */
  gw_xml_fragment_entry fragments[GW_XML_FRAGMENTS];
  int nfragments;
  unsigned char fragment_index[GW_XML_FRAGMENT_SLOTS]; /* by key and flags: a fragment + 1, or 0 */
} gw_xml;

/* Start a part in memory, with the XML declaration (standalone="yes"):
 * for looking at a part whole (the tests); the package streams its parts. */
int gw_xml_open(gw_xml *x);
/* Start a part whose bytes go to `sink` as the writer flushes them, not
 * to memory (x->buf stays NULL); sink returns the length taken, or -1. */
typedef int (*gw_xml_sink)(void *ctx, const char *bytes, int len);
int gw_xml_open_stream(gw_xml *x, gw_xml_sink sink, void *ctx);
/* Finish the document; the bytes stay in x->buf until gw_xml_free (or
 * have all reached the sink). */
int gw_xml_close(gw_xml *x);
void gw_xml_free(gw_xml *x);

void gw_xml_start(gw_xml *x, const char *name);
void gw_xml_end(gw_xml *x);
void gw_xml_attr(gw_xml *x, const char *name, const char *value);
void gw_xml_attr_int(gw_xml *x, const char *name, long value);
/* Text content; characters XML forbids never get here (the source was
 * checked), and libxml2 escapes & < >. */
void gw_xml_text(gw_xml *x, const char *text, size_t len);
/* The same for text already known to be well-formed UTF-8 without a
 * character XML forbids (a pass that decoded it said so): skips the
 * check, which was a tenth of writing a big document. */
void gw_xml_clean_text(gw_xml *x, const char *text, size_t len);
/* Markup made by libxml2 (`open`, from gw_xml_fragment), text as
 * gw_xml_clean_text (`clean`) or gw_xml_text writes it, and closing
 * markup, as one write: a text run is these three, and writing them one
 * by one through the writer cost a tenth of writing a big document. */
void gw_xml_wrapped_text(gw_xml *x, const char *open, const char *text, size_t len, bool clean,
                         const char *close);
/* <name a1="v1" a2="v2"/> with NULL-ended name/value pairs. */
void gw_xml_empty(gw_xml *x, const char *name, ...);
/* <name w:val="value"/> */
void gw_xml_val(gw_xml *x, const char *name, const char *value);
void gw_xml_val_int(gw_xml *x, const char *name, long value);

/* Markup already made by libxml2 (a fragment from gw_xml_fragment),
 * written as it is. Never user text: that goes through gw_xml_text. */
void gw_xml_raw(gw_xml *x, const char *markup);

/* The opening markup that `make` writes with a writer of its own (its
 * elements left open), made once per (key, flags) and cached in `x`.
 * Text runs repeat the same few run openings thousands of times; writing
 * them element by element was most of the time on big documents.
 * Returns NULL when the cache is full or memory ran out (the caller
 * then writes element by element). */
typedef void (*gw_xml_make)(gw_xml *scratch, const void *key, unsigned flags, void *ctx);
const char *gw_xml_fragment(gw_xml *x, const void *key, unsigned flags, gw_xml_make make,
                            void *ctx);

#endif
