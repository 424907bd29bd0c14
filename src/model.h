/* model.h - the document model: what the page carries, in order, with
 * roles instead of formatting. Builders (bulletin.c, division.c) make it
 * from the front matter and the Markdown AST; the part writers read it.
 * Everything lives in the conversion's arena. */
#ifndef GW_MODEL_H
#define GW_MODEL_H
#include "arena.h"
#include "diag.h"
#include "layout.h"
#include <stdbool.h>

typedef enum { GW_RUN_TEXT, GW_RUN_TAB, GW_RUN_BREAK } gw_run_kind;

typedef struct gw_run {
  gw_run_kind kind;
  const char *text; /* UTF-8, normalised */
  size_t len;
  bool bold;
  int role; /* font role of this run; -1: the paragraph's */
  struct gw_run *next;
} gw_run;

/* A run list with its end, so appending stays constant time. */
typedef struct {
  gw_run *first, *last;
} gw_runs;

typedef enum {
  GW_BLOCK_PARA,
  GW_BLOCK_BLANK,   /* one empty line at the body pitch */
  GW_BLOCK_TABLE,
  GW_BLOCK_TAIL,    /* 报尾 / 版记 pinned to the foot of the last page */
  GW_BLOCK_SECTION, /* ends a section (orientation changes after it) */
  GW_BLOCK_IMAGE    /* a picture, centred, its caption in the next block */
} gw_block_kind;

typedef enum { GW_VMERGE_NONE, GW_VMERGE_RESTART, GW_VMERGE_CONTINUE } gw_vmerge;

typedef struct gw_cell {
  gw_runs runs;
  size_t width_plus_one; /* display width + 1 once measured (gw_cell_width) */
  gw_role role;
  gw_align align;
  gw_vmerge vmerge;
  const gw_runs *merge_text; /* GW_VMERGE_CONTINUE: the text of the merged cell */
  int span; /* columns spanned (1 = one) */
  struct gw_cell *next;
} gw_cell;

typedef struct gw_row {
  gw_cell *cells;
  bool header;   /* repeated on every page */
  bool category; /* a full-width category row */
  bool may_split; /* set by the page estimate: a tall row that would
                     leave most of a page empty breaks across it */
  gw_pos pos;
  struct gw_row *next;
} gw_row;

typedef struct {
  int ncols;
  int *col_twips; /* widths, summing to width_twips */
  int width_twips;
  gw_row *rows;
  gw_row *last_row; /* where the next row goes (tables of 5,000 rows) */
  size_t nrows;
  bool kept_whole; /* set by the page estimate: a short table kept on one
                      page (its rows keep with the next, w:keepNext) */
} gw_table;

typedef struct gw_tail_row {
  const char *label; /* 报 / 送 / 发 / 抄送 … (without the colon) */
  const char *text;  /* the recipients, joined */
  struct gw_tail_row *next;
} gw_tail_row;

typedef struct {
  gw_tail_row *rows;
  const char *issued_left;  /* 印发 line: organisation, or NULL */
  const char *issued_right; /* 印发 line: date + 印发 */
  const char *copies;       /* 共印N份, or NULL */
  const char *contact;      /* below the closing rule, or NULL */
  bool new_page;            /* set by prepare: no room left on the page */
  int height_twips;         /* set by prepare */
} gw_tail;

/* A picture embedded as word/media/imageN.EXT. */
typedef struct gw_image {
  const unsigned char *data; /* the file's bytes (arena) */
  size_t len;
  const char *ext;           /* "png" or "jpeg" */
  int number;                /* N in imageN and rIdImageN */
  long cx_emu, cy_emu;       /* size on the page */
  const char *descr;         /* alternative text */
  struct gw_image *next;
} gw_image;

typedef struct gw_block {
  gw_block_kind kind;
  gw_role role;
  gw_runs runs;
  bool rule_below;      /* the red rule under the masthead */
  bool keep_next;       /* titles and headings stay with what follows */
  bool page_break_before;
  int tab_right_twips;  /* a right tab stop (issuer left, date right) */
  int indent_left_twips; /* every line indented so (the issuer on two lines), not
                            just the first; 0: the style's */
  int indent_right_twips; /* room at the right (a signature, 成文日期) */
  int hanging_twips;      /* the first line this much left of the others (附件说明) */
  bool landscape;       /* GW_BLOCK_SECTION: the section that ends here */
  gw_table *table;
  gw_tail *tail;
  gw_image *image;
  gw_pos pos;
  size_t width_plus_one; /* display width of the runs, plus one, once */
  size_t chars;          /* measured (gw_block_measure); else 0 */
  struct gw_block *next;
} gw_block;

typedef enum { GW_KIND_BULLETIN, GW_KIND_DIVISION } gw_kind;

typedef struct {
  gw_kind kind;
  gw_arena *arena;
  gw_layout layout;
  gw_block *first, *last;
  bool last_landscape;  /* orientation of the final section */
  bool landscape_before; /* a section before the final one is landscape
                            (gw_doc_add_section): read by every part that
                            asks, where a walk of the blocks cost 1 ms */
  bool has_tables, has_sections; /* a block of the kind was added
                                    (gw_doc_add): the page estimate's
                                    walks for them are skipped without */
  gw_image *images, *images_last; /* every picture, in order */
  int image_count;
  const char *title;    /* docProps title */
  const char *creator;  /* docProps creator */
  long long created;    /* seconds since the epoch, for docProps */
  size_t paragraphs, characters; /* docProps/app.xml statistics */
} gw_doc;

gw_block *gw_doc_add(gw_doc *doc, gw_block_kind kind, gw_role role);
/* A block put after `at` (one of the document's), not at the end. */
gw_block *gw_doc_insert_after(gw_doc *doc, gw_block *at, gw_block_kind kind, gw_role role);
/* The end of a section (the pages before it since the last one), set
 * landscape or not. */
gw_block *gw_doc_add_section(gw_doc *doc, bool landscape);
/* Does any page of the document lie landscape? */
bool gw_doc_has_landscape(const gw_doc *doc);
/* Is the section holding `b` landscape? The next section end says so;
 * after the last one (or in a document of one section), the document's
 * final section. */
bool gw_doc_in_landscape(const gw_doc *doc, const gw_block *b);
/* Append a run to a list (copies nothing: text must be arena-owned).
 * Returns the run. */
gw_run *gw_runs_append(gw_arena *arena, gw_runs *list, gw_run_kind kind,
                       const char *text, size_t len);
/* Where a list of names (甲，乙、丙) breaks so that no line is wider than
 * `cap` display columns and no name is cut (团 / 中央办公厅): the byte
 * offsets of the names that start a new line, in order. A separator
 * (，、；) stays at the end of its line, within `cap` (LibreOffice does
 * not hang it past the line as Word does). Returns how
 * many; *out is malloc'ed (free it), NULL when there are none. */
size_t gw_list_line_starts(const char *text, size_t len, size_t cap, size_t **out);

/* A paragraph's display width and code points (*chars), measured once:
 * the page estimate asks for them, after the runs are built, and a big
 * bulletin's halves are measured on the threads that built them. */
size_t gw_block_measure(gw_block *b, size_t *chars);
/* Display width of a run list (ICU East Asian width; tabs and breaks 0). */
size_t gw_runs_width(const gw_runs *runs);
/* The same width, and the number of code points in *chars. */
size_t gw_runs_measure(const gw_runs *runs, size_t *chars);
/* Is the list plain text: text runs only, none bold or in a font of its
 * own? (What may be rebuilt from its joined text.) */
bool gw_runs_plain(const gw_runs *runs);
/* Text runs of t[0..len) (arena-owned) with a line break before each
 * offset of at[0..n), increasing and inside the text. */
gw_runs gw_runs_broken(gw_arena *arena, const char *t, size_t len, const size_t *at, size_t n);
/* Append the text of every run to `out`. */
void gw_runs_join(const gw_runs *runs, gw_buf *out);
/* All the text of a run list, as one string in `arena`. */
char *gw_runs_text(gw_arena *arena, const gw_runs *runs);
/* A cell's display width, measured once: column widths, alignment and the
 * page estimate all ask for it. */
size_t gw_cell_width(gw_cell *cell);

/* Width of a 报尾 label with its full-width colon ("报："): where the
 * wrapped names align, and what the page estimate subtracts. */
int gw_tail_label_twips(const gw_role_style *rs, const char *label);

/* A paragraph of one text run. */
gw_block *gw_doc_add_text(gw_doc *doc, gw_role role, const char *text);

#endif
