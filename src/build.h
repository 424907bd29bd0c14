/* build.h - what the model builders share: the context, typed access to
 * front-matter values with positions, Markdown inlines to runs, tables
 * and the 报尾. */
#ifndef GW_BUILD_H
#define GW_BUILD_H
#include "markdown.h"
#include "model.h"
#include "source.h"
#include "value.h"

typedef struct {
  gw_doc *doc;
  gw_arena *arena;
  gw_diags *diags;
  const gw_source *src;
  const gw_val *config; /* template merged with the front matter */
  bool normalize;       /* Chinese-context normalisation (normalize:) */
  const char *unit;     /* --unit NAME: a division's extract for one unit */
  const void *told_stars; /* the node last warned of an unpaired **: a
                             node read twice (for its text, then its runs)
                             is warned of once */
  cmark_node *second_half; /* a body parsed in halves: the first block of
                              its second half (gw_markdown_parse_halves) */
  struct gw_ahead *ahead;  /* on a thread building a bulletin's second
                              half ahead (bulletin.c), else NULL */
  gw_arena *ahead_arena;   /* made (and faulted in) ahead for that
                              thread's model, or NULL; taken when used */
  bool probing;            /* reading text only to decide (plain text):
                              a picture dropped is said when built */
} gw_build;

/* Position of a cmark node (its start) in the source file. */
gw_pos gw_build_node_pos(const gw_build *b, cmark_node *node);
/* Where a missing front-matter key is reported: the closing --- line,
 * above which it goes. */
gw_pos gw_build_missing_pos(const gw_build *b);
/* The start of the front matter (for what concerns the whole document). */
gw_pos gw_build_front_pos(const gw_build *b);

/* Typed front-matter values. `required` reports a missing key. Each
 * returns NULL / -1 / false on absence or after reporting a bad type. */
const char *gw_build_str(gw_build *b, const char *key, bool required);
int gw_build_int(gw_build *b, const char *key, long min, long max, bool required,
                 long *out);
int gw_build_bool(gw_build *b, const char *key, bool dflt);
/* An ISO date (2021-10-18) as numbers; 0 ok, -1 absent or bad. */
int gw_build_date(gw_build *b, const char *key, bool required, int *y, int *m, int *d);
/* Parse a date as drafters write it (2021-10-18, 2021年10月18日,
 * 2021.10.18, 2021/10/18). 0 ok, -1 not a date form (not checked for
 * existence). */
int gw_parse_date(const char *s, int *y, int *m, int *d);
/* A list of strings (a YAML sequence, or one string). */
const char **gw_build_str_list(gw_build *b, const gw_val *v, size_t *count);

/* Warn about front-matter keys not in `known` (NULL-ended), naming the
 * nearest known key. */
void gw_build_check_keys(gw_diags *diags, const gw_val *front, const char *const *known);

/* Text after normalisation (when on), in the arena. */
const char *gw_build_text(gw_build *b, const char *text, size_t len, size_t *out_len);

/* Append the inline content under `node` as runs (strong -> bold). */
void gw_build_inlines(gw_build *b, cmark_node *node, gw_runs *runs);
/* Plain text of the inline content under `node` (arena). */
char *gw_build_plain_text(gw_build *b, cmark_node *node);

/* A picture Markdown could not read (![说明](images/现场 照片.jpg): a
 * space in its address) among the inlines of `para`: an error that says
 * how to write it, and true. Its text would be printed as typed. */
bool gw_build_check_unread_image(gw_build *b, cmark_node *para);

/* A GFM pipe table as a model table (widths not yet computed). */
/* Warn when the source line of pipe-table row `row` holds more cells
 * than the header's `header_cells` (cmark-gfm drops the extra ones). */
void gw_build_check_row_cells(gw_build *b, cmark_node *row, int header_cells);
gw_table *gw_build_table(gw_build *b, cmark_node *table);
/* Column widths from the content (display width via ICU), inside
 * `avail_twips`; `min_twips` per column. */
void gw_build_table_widths(gw_build *b, gw_table *t, int avail_twips);
/* Twips a cell's text may not use: its two margins, and some room for
 * the word processor's rounding. */
int gw_build_cell_pad(const gw_layout *L);

/* The 报尾 rows from the `distribution` mapping, in order. */
gw_tail *gw_build_tail(gw_build *b);

/* Warns of a top-level key of the templates (not the source's own, at
 * `source`) that the kind does not know (contacts: for contact). */
void gw_build_check_template_keys(gw_diags *diags, const gw_val *config, const char *source,
                                  const char *const *known);

/* Is the name starting at `start` in `s` (gw_build_split_names) parted
 * from the one before by a 、, spaces between aside? */
bool gw_build_after_dunhao(const char *s, size_t start);

/* Reports placeholders in the formats (formats.issue …) that their text
 * does not know ({yaer}): errors at the template's line. */
void gw_build_check_formats(gw_build *b);

/* A number in a format of formats.headings or formats.list: {n} 3, {zh} 三. */
char *gw_build_number_text(gw_build *b, const char *fmt, long n);

/* Fill a template format such as "〔{year}〕第{number}期". `names` and
 * `values` are parallel, NULL-ended. */
char *gw_build_format(gw_build *b, const char *fmt, const char *const *names,
                      const char *const *values);

/* Break a paragraph of `role` that does not fit on one line of
 * `avail` twips into balanced lines at word boundaries (titles: GB/T
 * 9704 7.3.3, words whole, a trapezoid). */
void gw_build_balance_lines(gw_build *b, gw_runs *runs, gw_role role, int avail);

/* Warn about a footnote label defined twice (the second is dropped). */
void gw_build_check_footnotes(gw_build *b);

/* Trim spaces (ASCII, tab, U+3000) at both ends of s[*start..*end). */
void gw_build_trim(const char *s, size_t *start, size_t *end);
/* The next name of a list (甲、乙，丙；丁) at or after *pos: its trimmed
 * bounds [*a, *z). False when the text is used up. */
bool gw_build_next_name(const char *text, size_t len, size_t *pos, size_t *a, size_t *z);
/* Split a list of names at 、 ， , ；, trimming spaces. Returns the count;
 * `starts` receives each name's byte offset in `text`. */
size_t gw_build_split_names(gw_arena *arena, const char *text, const char ***names,
                            size_t **starts);

/* Warn, once a paragraph or table cell, of a bracket or quote without
 * its partner (an unclosed （ leaves the rest of the text in brackets;
 * lint names the exact place), and of text `gwdoc new` put there to be
 * replaced. Only reads the model, before or after gw_prepare (which
 * repeats a merged cell's text atop a page: checked once, above), so it
 * may run beside the package writer. */
void gw_build_check_text(gw_build *b);

#endif
