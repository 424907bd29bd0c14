/* fuzz_convert.c - libFuzzer target over the whole pipeline: source bytes
 * -> front matter + Markdown -> model -> DOCX bytes in memory, through
 * gw_convert exactly as `gwdoc render` calls it, minus the file I/O.
 *
 * The normal build has no main (libFuzzer supplies one: `make fuzz`).
 * With -DGW_FUZZ_STANDALONE a small main replays files given on the
 * command line, for compilers without libFuzzer (gcc, valgrind runs). */
#include "../../src/gwdoc.h"
#include "../../src/markdown.h"
#include "../../src/zh.h"

#include <libxml/parser.h>
#include <zip.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The DOCX must be a zip whose every XML part is well formed: a
 * character XML forbids, or a broken tag, would make Word refuse it. */
static void check_docx(const gw_bytes *out) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(out->data, out->len, 0, &ze);
  zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
  if (!za)
    abort();
  zip_int64_t n = zip_get_num_entries(za, 0);
  for (zip_int64_t i = 0; i < n; i++) {
    const char *name = zip_get_name(za, (zip_uint64_t)i, 0);
    size_t nl = name ? strlen(name) : 0;
    if (!name || !(nl > 4 && (strcmp(name + nl - 4, ".xml") == 0 ||
                              strcmp(name + nl - 5, ".rels") == 0)))
      continue;
    zip_stat_t st;
    zip_file_t *f = zip_fopen_index(za, (zip_uint64_t)i, 0);
    if (!f || zip_stat_index(za, (zip_uint64_t)i, 0, &st) < 0)
      abort();
    char *buf = malloc(st.size + 1);
    if (!buf || zip_fread(f, buf, st.size) != (zip_int64_t)st.size)
      abort();
    zip_fclose(f);
    xmlDocPtr doc = xmlReadMemory(buf, (int)st.size, name, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) {
      fprintf(stderr, "fuzz_convert: %s is not well-formed XML\n", name);
      abort();
    }
    xmlFreeDoc(doc);
    free(buf);
  }
  zip_discard(za); /* frees src */
  zip_error_fini(&ze);
}

/* A big body is parsed in two halves at once: wherever the input,
 * read as a body, may be cut, the cut tree must be the whole one. */
static char *tree_xml(const char *body, size_t len, size_t split) {
  cmark_node *root = gw_markdown_parse_split(body, len, split);
  char *xml = root ? strdup(cmark_render_xml(root, CMARK_OPT_SOURCEPOS)) : NULL;
  gw_markdown_free(root);
  return xml;
}

/* Returns whether the input has a place to cut (its body may have). */
static bool check_split_parse(const uint8_t *data, size_t size) {
  char *body = malloc(size + 1);
  if (!body)
    abort();
  memcpy(body, data, size);
  body[size] = '\0';
  size_t split = gw_markdown_safe_split(body, size);
  if (split) {
    char *whole = tree_xml(body, size, 0), *cut = tree_xml(body, size, split);
    if (!whole || !cut || strcmp(whole, cut) != 0) {
      fprintf(stderr, "fuzz_convert: the body cut at byte %zu parses differently\n", split);
      abort();
    }
    free(whole);
    free(cut);
  }
  free(body);
  return split != 0;
}

/* The source "lives" in a folder of its own that does not exist, so a
 * relative template path or name finds nothing beside it: only the
 * installed templates (GWDOC_TEMPLATE_DIR, $GWDOC_TEMPLATES). */
static gw_status convert(const uint8_t *data, size_t size, gw_diags *diags, gw_bytes *out) {
  diags->quiet = true;
  return gw_convert("/nonexistent-gwdoc-fuzz/input.md", data ? (const char *)data : "", size,
                    NULL, diags, out);
}

static bool same_diags(const gw_diags *a, const gw_diags *b) {
  const gw_diag *x = a->first, *y = b->first;
  for (; x && y; x = x->next, y = y->next)
    if (x->severity != y->severity || x->pos.line != y->pos.line || x->pos.col != y->pos.col ||
        strcmp(x->message, y->message) != 0)
      return false;
  return !x && !y;
}

/* Converted again with every body that can be cut cut in halves (parsed,
 * and a bulletin built, on two threads): the same document and the same
 * messages, in the same order, as the body converted whole. */
static void check_halves(const uint8_t *data, size_t size, gw_status st, const gw_bytes *out,
                         const gw_diags *diags) {
  gw_diags cut_diags = {0};
  gw_bytes cut_out = {0};
  gw_markdown_split_from = 1;
  gw_status cut_st = convert(data, size, &cut_diags, &cut_out);
  gw_markdown_split_from = GW_MARKDOWN_SPLIT_FROM;
  if (cut_st != st || cut_out.len != out->len ||
      (out->len && memcmp(cut_out.data, out->data, out->len) != 0) ||
      !same_diags(&cut_diags, diags)) {
    fprintf(stderr, "fuzz_convert: converted in halves, the document or messages differ\n");
    abort();
  }
  free(cut_out.data);
  gw_diags_free(&cut_diags);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  bool cuttable = check_split_parse(data, size);
  gw_diags diags = {0};
  gw_bytes out = {0};
  gw_status st = convert(data, size, &diags, &out);
  /* The contract: a DOCX exactly when there are no errors, and an error
   * whenever there is no DOCX. */
  if (st == GW_OK && (!out.data || out.len == 0 || diags.errors))
    abort();
  if (st == GW_ERR_INPUT && (out.data || !diags.errors))
    abort();
  if (st != GW_OK && st != GW_ERR_INPUT)
    abort(); /* internal (zip/XML writer) failure on a valid model */
  if (st == GW_OK)
    check_docx(&out);
  if (cuttable)
    check_halves(data, size, st, &out, &diags);
  /* Every printed diagnostic must format (exercise diag.c too). */
  for (const gw_diag *d = diags.first; d; d = d->next)
    free(gw_diag_format(d));
  free(out.data);
  gw_diags_free(&diags);
  return 0;
}

#ifdef GW_FUZZ_STANDALONE
int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb");
    if (!f) {
      perror(argv[i]);
      return 2;
    }
    size_t cap = 1 << 16, len = 0, n;
    unsigned char *buf = malloc(cap);
    while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0)
      if ((len += n) == cap)
        buf = realloc(buf, cap *= 2);
    fclose(f);
    if (!buf)
      return 2;
    LLVMFuzzerTestOneInput(buf, len);
    free(buf);
  }
  gw_zh_cleanup();
  return 0;
}
#endif
