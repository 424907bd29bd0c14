/* gwdoc.h - the conversion: source -> front matter + Markdown AST ->
 * document model -> prepared model -> DOCX bytes. Used by main.c, the
 * tests and the fuzzer. */
#ifndef GW_GWDOC_H
#define GW_GWDOC_H
#include "diag.h"
#include "package.h"

#define GWDOC_VERSION "0.1.0"

typedef enum {
  GW_OK = 0,
  GW_ERR_INPUT,   /* the source has errors (reported as diagnostics) */
  GW_ERR_USAGE,   /* bad command line */
  GW_ERR_IO,      /* cannot write the output */
  GW_ERR_INTERNAL /* a library failed (zip, XML writer) */
} gw_status;

typedef struct {
  const char *template_name; /* --template NAME|PATH, overrides template: */
  const char *unit;          /* --unit NAME: a division's extract for one unit */
  bool check_only;           /* report the source's problems; make no DOCX */
} gw_options;

/* Convert one source. With `data` NULL the file `path` is read ("-" is
 * standard input); otherwise `data[0..len)` is the source and `path` only
 * names it in messages. On GW_OK `out` holds the DOCX (free out->data),
 * unless opt->check_only (then only `diags` is filled).
 * Not for several threads at once: the Markdown tree lives in cmark-gfm's
 * process-wide memory and ICU objects are cached in statics (gwdoc -j
 * converts in child processes). */
gw_status gw_convert(const char *path, const char *data, size_t len,
                     const gw_options *opt, gw_diags *diags, gw_bytes *out);

const char *gw_strerror(gw_status status);

/* The layout a source would be rendered with: its front matter over its
 * template (a source without front matter gets the base layout). For
 * `gwdoc fonts`. */
#include "arena.h"
#include "layout.h"
gw_status gw_load_layout(const char *path, const gw_options *opt, gw_diags *diags,
                         gw_arena *arena, gw_layout *out);

#endif
