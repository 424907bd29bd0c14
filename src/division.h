/* division.h - what the parts of the 责任分工 builder share: the plan
 * (the columns and what each one means), the rows read from the body in
 * any of its three source forms, and unit names with their positions.
 * division_body.c reads the body; division.c checks units, numbers the
 * rows and turns them into the model. */
#ifndef GW_DIVISION_H
#define GW_DIVISION_H
#include "build.h"

/* One unit named in a unit column. */
typedef struct {
  const char *name; /* as written; the canonical name once checked */
  const char *note; /* a role note written after it: （牵头）, or NULL */
  gw_pos pos;       /* where it is written */
  bool collective;  /* 各有关部门, 相关单位 …: not a name of the list */
} dv_unit;

typedef struct {
  dv_unit *items;
  size_t count;
} dv_units;

typedef struct dv_row {
  bool category;    /* a category row: its text is cells[0] */
  bool from_table;  /* a row of a pipe table (not a list or prose item) */
  gw_runs *cells;   /* [ncols] */
  dv_units *units;  /* [ncols]: the names of unit columns */
  int number;       /* 序号, within its category under per-category */
  int typed_number; /* the 序号 a table row was typed with; 0: none */
  int category_no;  /* 1-based ordinal of its category; 0 before any */
  gw_pos pos;
  struct dv_row *next;
} dv_row;

/* Unit names in order, with their NFKC-folded forms for comparing, and
 * a hash index over each (slot: place + 1, 0 empty) so that a lookup
 * does not walk the list: a plan names a unit in every row. */
typedef struct {
  const char **names;
  const char **folded;
  size_t count, cap;
  size_t *by_name, *by_folded, slots; /* slots: a power of two, or 0 */
} dv_unit_list;

typedef struct {
  const char **columns;
  size_t ncols;
  int seq_col;      /* 序号 */
  int measure_col;  /* the first text column: the measure */
  int lead_col;     /* 牵头单位 */
  int share_col;    /* 责任单位 / 配合单位 */
  int deadline_col; /* 完成时限 */
  bool *unit_col;   /* [ncols] */
  dv_row *rows, *last;
  size_t items;
  int categories;
  cmark_node **preamble, **closing; /* body blocks around the table */
  size_t npreamble, nclosing;
  cmark_node *title_heading;        /* a `#` heading, when there is one */
  size_t title_at;                  /* how many preamble blocks come before it */
  bool title_in_preamble;           /* it comes before the plan's first row */
  const dv_row **category_rows;     /* every category row, an extract's dropped ones too */
  size_t ncategory_rows;
  int *tab_map;                     /* the columns of the last tab-separated table */
  size_t tab_nmap;
  dv_unit_list known;               /* units: as declared (read before the body) */
  bool units_declared;
} dv_plan;

/* The columns and their meanings: columns: when declared, else the header
 * of the body's first pipe table, else the template's default. Returns
 * 0, or -1 after reporting. */
int dv_plan_columns(gw_build *b, dv_plan *p, cmark_node *root);
/* The column called `name` (NFKC-folded compare), or -1. */
int dv_column_named(const dv_plan *p, const char *name);
/* Read the body: categories, items in the three forms, and the blocks
 * before and after them. */
void dv_read_body(gw_build *b, dv_plan *p, cmark_node *root);

/* The units in full-width parentheses that end a prose item. */
typedef struct {
  const char *lead, *share, *deadline; /* clause texts joined by 、, or NULL */
  size_t cut; /* byte offset where the parentheses start */
  bool lead_by_order; /* the lead is only the first name, not written as such */
} dv_prose;

/* Is line[0..len), tab-separated, a plan's header line that render reads
 * a pasted table by (序号 工作任务 牵头单位 …; not a row of tasks)? */
bool dv_tab_header_line(gw_arena *arena, const char *line, size_t len);

/* "附件", "附件1", "附件 2：", "附　件" alone on a line: the label of the
 * attachment a plan is (附件 / # 方案标题); the label as set, or NULL. */
const char *dv_attachment_label(gw_build *b, cmark_node *para);
/* Bytes of the 附件： (or 附件:) a 附件说明 line starts with, or 0. */
size_t dv_attachment_note_len(const char *t);
/* Is `t` (trimmed) a date and nothing else: 2025年3月10日, 二〇二五年三月十日? */
bool dv_is_date_line(const char *t);
/* A 发文机关署名 line: short, no sentence in it (某某县人民政府办公室). */
bool dv_is_signature_name(const char *t);

/* Such a label mid-body, where a notice ends (not 附件： over the list
 * of the attachments' names), or NULL. */
const char *dv_mid_attachment_label(gw_build *b, cmark_node *node);

/* Is `name` one of the plan's declared units (compared folded)? */
bool dv_unit_listed(gw_build *b, const dv_plan *p, const char *name);

/* Parse `text` as a prose item: ……。（A牵头，B、C配合）. Returns true and
 * fills `out` when it ends in such parentheses. */
bool dv_parse_prose(gw_arena *arena, const char *text, dv_prose *out);
/* Bytes of a leading item number: "1." "1．" "1、" "（1）". */
size_t dv_number_prefix(const char *text);
/* Display width (half-character columns) of the widest unit name in
 * text[0..len), counting the 、 that follows every name but the last:
 * what a unit column must hold on one line. Allocates nothing. */
size_t dv_widest_unit(const char *text, size_t len);
/* 各有关部门, 相关单位 …: a group named by its duty, not a unit. */
bool dv_is_collective(const char *name);

#endif
