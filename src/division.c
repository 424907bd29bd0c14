/* division.c - the 责任分工 model (placeholder until issue 3 lands). */
#include "kinds.h"

const char *const gw_division_keys[] = {
    "kind",    "template",    "title", "issuer", "date",  "columns",
    "units",   "numbering",   "orientation", "merge", "index", "distribution",
    "normalize", "layout", NULL};

int gw_division_build(gw_build *b, cmark_node *root) {
  (void)root;
  gw_error(b->diags, gw_build_front_pos(b), "kind: division 尚未实现");
  return -1;
}
