/* kinds.h - the model builders, one per document kind. Each reads the
 * merged configuration and the Markdown AST, reports every input problem
 * it finds, and fills b->doc. Return 0, or -1 when errors were reported. */
#ifndef GW_KINDS_H
#define GW_KINDS_H
#include "build.h"

int gw_bulletin_build(gw_build *b, cmark_node *root);
int gw_division_build(gw_build *b, cmark_node *root);

/* Front-matter keys each kind knows (NULL-ended), for unknown-key warnings. */
extern const char *const gw_bulletin_keys[];
extern const char *const gw_division_keys[];

/* Shared by both kinds: body blocks (paragraphs, headings, lists, quotes,
 * tables) in document order. */
typedef struct {
  bool auto_numbering;
  int heading_counter[4];
  bool after_title;     /* the previous block was an article title */
  bool after_subtitle;  /* the previous block was a subtitle */
  bool told_typed_number; /* numbering: auto met a typed 一、 (said once) */
  int last_number[4];      /* typed heading numbers so far, by level */
  const char *last_mark[4];
  int item_number;         /* the number of the last numbered line that was
                              a list item (一、…；), or 0 */
  size_t articles;
} gw_body_state;

void gw_body_block(gw_build *b, gw_body_state *st, cmark_node *node, int depth);
/* Bytes of an editor's-note label at the start of `t`: 编者按： 按语：
 * (any colon, or a full-width space), 【编者按】 [编者按], 【编者按】：,
 * the characters perhaps spaced out (编 者 按：); 0 when there is none.
 * `word` gets 编者按 or 按语. */
size_t gw_note_label_len(const char *t, const char **word);

#endif
