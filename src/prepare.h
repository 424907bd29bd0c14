/* prepare.h - the pass between the model builders and the writers: it
 * estimates where pages end (to place the 报尾), sizes the 报尾 box and
 * counts statistics. After it the model is read-only. */
#ifndef GW_PREPARE_H
#define GW_PREPARE_H
#include "model.h"

void gw_prepare(gw_doc *doc);

/* Lines a paragraph of `text` takes in role `rs` at width `width_twips`
 * (characters measured by East Asian width). */
int gw_prepare_lines(const gw_role_style *rs, int width_twips, int first_indent_twips,
                     size_t display_width);

#endif
