/* markdown.c - cmark-gfm set-up. */
#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <string.h>

cmark_node *gw_markdown_parse(const char *body, size_t len) {
  cmark_gfm_core_extensions_ensure_registered();
  cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  const char *names[] = {"table", "strikethrough"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    cmark_syntax_extension *ext = cmark_find_syntax_extension(names[i]);
    if (ext)
      cmark_parser_attach_syntax_extension(parser, ext);
  }
  cmark_parser_feed(parser, body, len);
  cmark_node *root = cmark_parser_finish(parser);
  cmark_parser_free(parser);
  return root;
}

/* The extension node types are registered at run time and this cmark-gfm
 * exports no variables for them: compare the type names. */
static int has_type(cmark_node *node, const char *name) {
  const char *type = cmark_node_get_type_string(node);
  return type && strcmp(type, name) == 0;
}

int gw_markdown_is_table(cmark_node *node) { return has_type(node, "table"); }
/* The header row's type is "table_header", the others "table_row". */
int gw_markdown_is_table_row(cmark_node *node) {
  return has_type(node, "table_row") || has_type(node, "table_header");
}
int gw_markdown_is_table_cell(cmark_node *node) { return has_type(node, "table_cell"); }
int gw_markdown_is_strikethrough(cmark_node *node) {
  return has_type(node, "strikethrough");
}
int gw_markdown_table_row_is_header(cmark_node *row) {
  return cmark_gfm_extensions_get_table_row_is_header(row);
}
