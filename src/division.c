/* division.c - the 责任分工 model: the title, the preamble, the table
 * (header row repeated on every page, category rows across the full
 * width, 序号, merged cells, widths from the content, a landscape section
 * when the table needs one), the closing paragraphs, the 各单位任务清单
 * and the 版记. division_body.c reads the rows from the body. */
#define _GNU_SOURCE /* memmem (two-way search: linear) */
#include "division.h"
#include "kinds.h"
#include "prepare.h"
#include "zh.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const gw_division_keys[] = {
    "kind",    "template",    "title", "issuer", "date",  "columns",
    "units",   "numbering",   "orientation", "merge", "index", "distribution",
    "normalize", "layout", NULL};

typedef enum { ORIENT_AUTO, ORIENT_PORTRAIT, ORIENT_LANDSCAPE } orientation;

typedef struct {
  bool per_category;
  orientation orient;
  bool *merge;  /* [ncols] */
  bool index;
  long landscape_columns, min_column_chars, center_max_chars;
  int unit_column_chars; /* a longer unit name wraps (0: none does) */
  long measure_percent;  /* of the width the measures column gets first */
  long landscape_text_chars; /* a preamble or closing this short goes landscape (-1: none) */
} options;

typedef dv_unit_list unit_list;

/* ---- Template and front-matter values. ---- */

static const gw_val *template_val(gw_build *b, const char *path) {
  const gw_val *v = gw_val_path(b->config, path);
  if (!v || v->kind != GW_VAL_STR) {
    gw_error(b->diags, v ? v->pos : gw_build_front_pos(b),
             "模板缺少 %s（或它不是一个值）：请在模板里补上", path);
    return NULL;
  }
  return v;
}

static long template_number(gw_build *b, const char *path, long lo, long hi) {
  const gw_val *v = template_val(b, path);
  if (!v)
    return lo;
  char *end;
  errno = 0;
  long n = strtol(v->str, &end, 10);
  if (*end || errno || n < lo || n > hi) {
    gw_error(b->diags, v->pos, "%s 应为 %ld 到 %ld 之间的整数", path, lo, hi);
    return lo;
  }
  return n;
}

static const char *template_text(gw_build *b, const char *path) {
  const gw_val *v = template_val(b, path);
  return v ? v->str : "";
}

/* A choice among `names`; a template value meant for another kind (the
 * base template's numbering: explicit) leaves the default. */
static int choice(gw_build *b, const char *key, const char *const *names) {
  const gw_val *v = gw_val_get(b->config, key);
  if (!v || v->kind == GW_VAL_NULL)
    return 0;
  for (int i = 0; v->kind == GW_VAL_STR && names[i]; i++)
    if (strcmp(v->str, names[i]) == 0)
      return i;
  if (v->pos.file && strcmp(v->pos.file, b->src->path) != 0)
    return 0;
  gw_error(b->diags, v->pos, "%s 应为 %s%s%s%s%s", key, names[0], names[1] ? " 或 " : "",
           names[1] ? names[1] : "", names[1] && names[2] ? " 或 " : "",
           names[1] && names[2] ? names[2] : "");
  return 0;
}

static void read_merge(gw_build *b, const dv_plan *p, options *o) {
  o->merge = gw_arena_alloc(b->arena, p->ncols * sizeof *o->merge);
  const gw_val *v = gw_val_get(b->config, "merge");
  if (!v || v->kind == GW_VAL_NULL)
    return;
  if (v->kind == GW_VAL_MAP) {
    gw_error(b->diags, v->pos, "merge 应为列名的列表，如 [牵头单位]");
    return;
  }
  const gw_val *one = v->kind == GW_VAL_STR ? v : v->first;
  for (; one; one = v->kind == GW_VAL_STR ? NULL : one->next) {
    int col = one->kind == GW_VAL_STR ? dv_column_named(p, one->str) : -1;
    if (col >= 0)
      o->merge[col] = true;
    else
      gw_error(b->diags, one->pos, "merge 里的“%s”不是 columns 里的列",
               one->kind == GW_VAL_STR ? one->str : "");
  }
}

static void read_options(gw_build *b, const dv_plan *p, options *o) {
  static const char *const numberings[] = {"continuous", "per-category", NULL};
  static const char *const orientations[] = {"auto", "portrait", "landscape", NULL};
  static const char *const indexes[] = {"none", "by-unit", NULL};
  o->per_category = choice(b, "numbering", numberings) == 1;
  o->orient = (orientation)choice(b, "orientation", orientations);
  o->index = choice(b, "index", indexes) == 1;
  read_merge(b, p, o);
  o->landscape_columns = template_number(b, "division.landscape_columns", 2, 100);
  o->min_column_chars = template_number(b, "division.min_column_chars", 1, 50);
  o->center_max_chars = template_number(b, "division.center_max_chars", 0, 50);
  o->unit_column_chars = template_val(b, "division.unit_column_chars") /* else no cap */
      ? (int)template_number(b, "division.unit_column_chars", 2, 50) : 0;
  o->measure_percent = template_val(b, "division.measure_percent")
      ? template_number(b, "division.measure_percent", 0, 90) : 0;
  o->landscape_text_chars = template_val(b, "division.landscape_preamble_chars")
      ? template_number(b, "division.landscape_preamble_chars", 0, 10000) : -1;
}

/* ---- Units: the list, the check, the closest names. ---- */

static const char *fold(gw_build *b, const char *s) {
  char *f = gw_zh_fold(s, strlen(s));
  const char *copy = gw_arena_strdup(b->arena, f ? f : s);
  free(f);
  return copy;
}

static size_t name_hash(const char *s) {
  size_t h = 14695981039346656037u; /* FNV-1a */
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

/* The place of `key` among `keys` through the index `slots`, or -1. */
static long index_find(const size_t *slots, size_t nslots, const char *const *keys,
                       const char *key) {
  if (!nslots)
    return -1;
  for (size_t at = name_hash(key) & (nslots - 1);; at = (at + 1) & (nslots - 1)) {
    if (!slots[at])
      return -1;
    if (strcmp(keys[slots[at] - 1], key) == 0)
      return (long)slots[at] - 1;
  }
}

static void index_put(size_t *slots, size_t nslots, const char *key, size_t place) {
  size_t at = name_hash(key) & (nslots - 1);
  while (slots[at])
    at = (at + 1) & (nslots - 1);
  slots[at] = place + 1;
}

static long unit_find(const unit_list *list, const char *folded) {
  return index_find(list->by_folded, list->slots, list->folded, folded);
}

/* A name spelt exactly as listed: found without folding. */
static long unit_find_name(const unit_list *list, const char *name) {
  return index_find(list->by_name, list->slots, list->names, name);
}

/* Room for one more name, the index kept under half full. */
static void unit_make_room(gw_build *b, unit_list *list) {
  if (list->count == list->cap) {
    size_t cap = list->cap ? list->cap * 2 : 32;
    const char **names = gw_arena_alloc(b->arena, cap * sizeof *names);
    const char **folds = gw_arena_alloc(b->arena, cap * sizeof *folds);
    if (list->count) {
      memcpy(names, list->names, list->count * sizeof *names);
      memcpy(folds, list->folded, list->count * sizeof *folds);
    }
    list->names = names;
    list->folded = folds;
    list->cap = cap;
  }
  if ((list->count + 1) * 2 <= list->slots)
    return;
  size_t slots = list->slots ? list->slots * 2 : 64;
  list->by_name = gw_arena_alloc(b->arena, slots * sizeof *list->by_name);
  list->by_folded = gw_arena_alloc(b->arena, slots * sizeof *list->by_folded);
  memset(list->by_name, 0, slots * sizeof *list->by_name);
  memset(list->by_folded, 0, slots * sizeof *list->by_folded);
  list->slots = slots;
  for (size_t i = 0; i < list->count; i++) {
    index_put(list->by_name, slots, list->names[i], i);
    index_put(list->by_folded, slots, list->folded[i], i);
  }
}

static void unit_add(gw_build *b, unit_list *list, const char *name, const char *folded) {
  unit_make_room(b, list);
  size_t i = list->count++;
  list->names[i] = name;
  list->folded[i] = folded ? folded : fold(b, name);
  if (unit_find_name(list, name) < 0) /* two spellings may fold alike: the first wins */
    index_put(list->by_name, list->slots, name, i);
  index_put(list->by_folded, list->slots, list->folded[i], i);
}

/* `units:` from the front matter or the template; a repeat is a warning. */
static bool read_known_units(gw_build *b, unit_list *known) {
  const gw_val *v = gw_val_get(b->config, "units");
  if (!v || v->kind == GW_VAL_NULL)
    return false;
  size_t n;
  const char **names = gw_build_str_list(b, v, &n);
  const gw_val *item = v->kind == GW_VAL_SEQ ? v->first : v;
  for (size_t i = 0; i < n; i++, item = item ? item->next : NULL) {
    /* [县委办，县政府办]: Chinese commas do not separate YAML items, but a
     * unit name holds none, so they separate names here */
    const char **parts;
    size_t *starts;
    size_t np = gw_build_split_names(b->arena, names[i], &parts, &starts);
    for (size_t k = 0; k < np; k++) {
      const char *folded = fold(b, parts[k]);
      if (unit_find(known, folded) >= 0)
        gw_warning(b->diags, item ? item->pos : v->pos, "units 里“%s”重复出现", parts[k]);
      else
        unit_add(b, known, parts[k], folded);
    }
  }
  return true;
}

/* `folded` with its usual short forms written out (区卫健委: 区卫生健康委),
 * or NULL when it has none. */
static const char *written_out(gw_build *b, const char *folded) {
  static const char *const forms[][2] = {
      {"卫健", "卫生健康"}, {"文旅", "文化和旅游"}, {"应急局", "应急管理局"}};
  for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
    const char *at = strstr(folded, forms[i][0]);
    if (at)
      return gw_arena_printf(b->arena, "%.*s%s%s", (int)(at - folded), folded, forms[i][1],
                             at + strlen(forms[i][0]));
  }
  return NULL;
}

/* `name` without the place that starts it (县委组织部: 组织部), or NULL
 * when it starts with none or would be left too short. */
static const char *without_place(const char *name) {
  static const char *const places[] = {"县委", "市委", "区委", "省委", "县", "市", "区", "省", NULL};
  for (int i = 0; places[i]; i++) {
    size_t n = strlen(places[i]);
    if (strncmp(name, places[i], n) == 0 && gw_zh_count_chars(name + n, strlen(name + n)) >= 2)
      return name + n;
  }
  return NULL;
}

/* Is `name` a short form of `listed`: 县发改局 of 县发展改革局, or with
 * the place left off (组织部 for 县委组织部, 发改局 for 县发展和改革局)? */
static bool short_form_of_listed(const char *name, const char *listed) {
  if (gw_zh_abbreviates(name, listed))
    return true;
  const char *bare = without_place(listed);
  return bare && (strcmp(name, bare) == 0 || gw_zh_abbreviates(name, bare));
}

/* “A”、“B”: up to three known names close to `name`, nearest first;
 * *short_form tells whether the first is one `name` shortens. */
static char *closest_units(gw_build *b, const unit_list *known, const char *name,
                           bool *short_form) {
  const char *folded = fold(b, name);
  /* a slip of a character or so: two of four characters changed is
   * another unit (县民政局 is not 县人社局) */
  size_t limit = gw_zh_count_chars(folded, strlen(folded)) / 3;
  if (limit < 1)
    limit = 1;
  size_t *dist = gw_arena_alloc(b->arena, (known->count + 1) * sizeof *dist);
  const char *full = written_out(b, folded);
  for (size_t i = 0; i < known->count; i++) {
    /* a short form (县发改局 for 县发展改革局) comes first, then a name
     * cut short (市少工委 for 市少工委办公室) */
    size_t fl = strlen(folded);
    bool prefix = fl >= 6 && strncmp(known->folded[i], folded, fl) == 0;
    /* either way: 县发改局 written for 县发展改革局, or 区残疾人联合会
     * written where the list has 区残联 */
    dist[i] = short_form_of_listed(folded, known->folded[i]) ||
                      gw_zh_abbreviates(known->folded[i], folded)
                  ? 0
              : prefix                                    ? 1
                                                          : gw_zh_distance(known->folded[i], folded);
    if (full && gw_zh_distance(known->folded[i], full) < dist[i])
      dist[i] = gw_zh_distance(known->folded[i], full);
  }
  gw_buf out = {0};
  *short_form = false;
  for (int picked = 0; picked < 3; picked++) {
    size_t best = (size_t)-1;
    for (size_t i = 0; i < known->count; i++)
      if (dist[i] <= limit && (best == (size_t)-1 || dist[i] < dist[best]))
        best = i;
    if (best == (size_t)-1)
      break;
    bool shortens = short_form_of_listed(folded, known->folded[best]);
    if (!picked) /* not 团县委 for 团序号县委: a slip, not a short form */
      *short_form = shortens;
    else if (*short_form && !shortens)
      break; /* 像是“…”的简称 names only the short forms, no 县财政局 */
    gw_buf_puts(&out, picked ? "、“" : "“");
    gw_buf_puts(&out, known->names[best]);
    gw_buf_puts(&out, "”");
    dist[best] = (size_t)-1;
  }
  char *s = gw_arena_strndup(b->arena, out.data ? out.data : "", out.len);
  gw_buf_free(&out);
  return s;
}

static void report_unknown_unit(gw_build *b, const unit_list *known, const dv_unit *u) {
  /* Far past what is printed, the search for close names (every listed
   * name compared) would only slow a flood no one reads. */
  bool read = b->diags->errors < 10 * GW_DIAGS_SHOWN;
  bool short_form = false;
  char *near = read ? closest_units(b, known, u->name, &short_form) : "";
  /* a name a character apart may be a slip or another unit (县民政局,
   * 县财政局): the drafter decides, told both */
  if (*near && short_form)
    gw_error(b->diags, u->pos,
             "单位“%s”不在 units 列表里：像是%s的简称，请写成列表里的名称，或把它加进 units", u->name,
             near);
  else if (*near)
    gw_error(b->diags, u->pos,
             "单位“%s”不在 units 列表里：如是笔误，相近的有%s；如是另一个单位，请把它加进 units",
             u->name, near);
  else
    gw_error(b->diags, u->pos, "单位“%s”不在 units 列表里，也没有相近的名称：请改正或把它加进 units",
             u->name);
}

/* Where a note written after a unit name begins (县发展改革局（牵头）,
 * 县财政局(配合), 县财政局等部门): its offset, or 0 when there is none. */
static size_t role_note_at(const char *name) {
  static const char *const roles[] = {"牵头", "配合", "负责", "主责", "协办", "参与", NULL};
  static const char *const others[] = {"等部门", "等单位", "等", NULL};
  size_t len = strlen(name);
  for (int i = 0; others[i]; i++) { /* 县财政局等部门: 县财政局, and the others */
    size_t n = strlen(others[i]);
    if (len > n + 3 && strcmp(name + len - n, others[i]) == 0)
      return len - n;
  }
  size_t close = len >= 3 && strcmp(name + len - 3, "）") == 0 ? 3 : len && name[len - 1] == ')';
  if (!close)
    return 0;
  for (int i = 0; roles[i]; i++) {
    size_t rl = strlen(roles[i]);
    for (size_t open = 1; open <= 3; open += 2) { /* ( or （ */
      size_t at = len - close - rl - open;
      if (len < close + rl + open + 1)
        continue;
      bool paren = open == 3 ? strncmp(name + at, "（", 3) == 0 : name[at] == '(';
      if (paren && strncmp(name + at + open, roles[i], rl) == 0)
        return at;
    }
  }
  return 0;
}

/* Where a bracket that ends a name opens (县自然资源局（县林业局）, 县发展
 * 改革局(营商办)): its offset, or 0 when the name ends with none. */
static size_t end_bracket_at(const char *name) {
  size_t len = strlen(name);
  bool full = len > 3 && strcmp(name + len - 3, "）") == 0;
  if (!full && !(len > 1 && name[len - 1] == ')'))
    return 0;
  const char *open = NULL;
  for (const char *p = name; (p = full ? strstr(p, "（") : strchr(p, '(')); p++)
    open = p;
  return open && open > name ? (size_t)(open - name) : 0;
}

/* Every unit named in a unit column: checked against `units` and given
 * its canonical spelling; without a list, the first spelling seen wins.
 * `order` receives the units in index order. */
bool dv_unit_listed(gw_build *b, const dv_plan *p, const char *name) {
  return unit_find(&p->known, fold(b, name)) >= 0;
}

/* Is unit i of a cell named before it in the same cell? (A lead named
 * again among the 责任单位 is left alone: some plans list every unit
 * responsible there, the lead too.) */
static bool named_before(const dv_units *units, size_t i) {
  for (size_t j = 0; j < i; j++)
    if (!units->items[j].collective && strcmp(units->items[j].name, units->items[i].name) == 0)
      return true;
  return false;
}

/* A unit named twice in one cell (县交通局、县交通局) is printed once,
 * with a warning. The list is copied, not changed in place: a merged
 * cell shares it with the row above. */
static void drop_repeated_units(gw_build *b, const dv_plan *p, dv_row *row) {
  for (size_t c = 0; c < p->ncols; c++) {
    dv_units *units = &row->units[c];
    dv_unit *kept = NULL;
    size_t n = 0;
    for (size_t i = 0; i < units->count; i++) {
      const dv_unit *u = &units->items[i];
      if (u->collective || !named_before(units, i)) {
        if (kept)
          kept[n++] = *u;
        continue;
      }
      gw_warning(b->diags, u->pos, "单位“%s”在这一格里写了两次：只排一次", u->name);
      if (!kept) {
        kept = gw_arena_alloc(b->arena, units->count * sizeof *kept);
        memcpy(kept, units->items, i * sizeof *kept);
        n = i;
      }
    }
    if (kept) {
      units->items = kept;
      units->count = n;
    }
  }
}

/* Does the note written after a unit (（牵头）, （主责）) make it the lead? */
static bool marked_lead(const dv_unit *u) {
  return u->note && (strstr(u->note, "牵头") || strstr(u->note, "主责"));
}

/* A copy of the mentions in `units` marked as leading (leads true), their
 * marks dropped, or of the others; with `all`, of every mention, the
 * marks dropped. A copy: a merged cell shares its list with the row above. */
static dv_units pick_units(gw_build *b, const dv_units *units, bool leads, bool all) {
  dv_units out = {gw_arena_alloc(b->arena, (units->count + 1) * sizeof *out.items), 0};
  for (size_t i = 0; i < units->count; i++) {
    bool marked = marked_lead(&units->items[i]);
    if (!all && marked != leads)
      continue;
    out.items[out.count] = units->items[i];
    if (marked)
      out.items[out.count].note = NULL;
    out.count++;
  }
  return out;
}

/* 责任单位：县发展改革局（牵头）、县财政局 with the 牵头单位 cell empty:
 * the unit marked 牵头 is the lead, as the drafter says, not the one
 * named first. It moves to the 牵头 column, without the mark (the column
 * says it; printed there it would say it twice), and so does not count
 * as an item without a lead. A mark written in the 牵头 column itself is
 * dropped for the same reason. (A 牵头 column with no 责任 column of its
 * own holds both roles: there the marks tell them apart and stay.) */
/* 牵头单位 市公安局 and 责任单位 市应急管理局（牵头）: two leads for one
 * item. The table shows the 牵头 column's, and so does the index; the
 * drafter is asked which it is. */
static void warn_second_lead(gw_build *b, const dv_plan *p, const dv_row *row) {
  const dv_units *share = &row->units[p->share_col];
  for (size_t i = 0; i < share->count; i++)
    if (marked_lead(&share->items[i])) {
      gw_warning(b->diags, row->pos,
                 "这一项的牵头单位是“%s”，%s里的“%s”又注了（牵头）：表格和任务清单按牵头单位一列排；"
                 "如两家共同牵头，请都写在牵头单位一格",
                 row->units[p->lead_col].items[0].name, p->columns[p->share_col],
                 share->items[i].name);
      return;
    }
}

/* 牵头单位：县民政局（牵头）、县财政局: one unit of the 牵头 column marked
 * as leading, one not. Both are printed as leads (the column says so);
 * the drafter may have meant the other to share the work, so it is said
 * which. (县教育局、县人社局（共同牵头）: the mark is both's.) */
static void warn_half_marked_lead(gw_build *b, const dv_units *lead, const dv_row *row) {
  const dv_unit *marked = NULL, *plain = NULL;
  for (size_t i = 0; i < lead->count; i++) {
    const dv_unit *u = &lead->items[i];
    if (u->collective)
      continue;
    if (marked_lead(u) && u->note && strstr(u->note, "共同"))
      return;
    if (marked_lead(u) && !marked)
      marked = u;
    else if (!marked_lead(u) && !plain)
      plain = u;
  }
  if (marked && plain)
    gw_warning(b->diags, row->pos,
               "牵头单位一格里只有“%s”注了（牵头）：“%s”也按牵头单位排、计入任务清单；"
               "如它是配合单位，请移到责任单位一格",
               marked->name, plain->name);
}

static void take_marked_leads(gw_build *b, const dv_plan *p, dv_row *row) {
  if (row->category || p->lead_col < 0 || p->share_col < 0 || p->lead_col == p->share_col)
    return;
  dv_units *lead = &row->units[p->lead_col], *share = &row->units[p->share_col];
  bool in_share = false, in_lead = false;
  for (size_t i = 0; i < share->count; i++)
    in_share = in_share || marked_lead(&share->items[i]);
  for (size_t i = 0; i < lead->count; i++)
    in_lead = in_lead || marked_lead(&lead->items[i]);
  if (in_share && !lead->count) {
    *lead = pick_units(b, share, true, false);
    *share = pick_units(b, share, false, false);
  } else if (in_lead) {
    warn_half_marked_lead(b, lead, row);
    *lead = pick_units(b, lead, true, true);
  }
  if (in_share && lead->count)
    warn_second_lead(b, p, row);
}

/* 教育局 for 县教育局, 县发改局 for 县发展改革局: one unit spelt two ways? */
static bool short_form_of(const char *abbr, const char *full) {
  /* 县委 is no short form of 县非公工委: most of the name must stay */
  size_t a = gw_zh_count_chars(abbr, strlen(abbr)), f = gw_zh_count_chars(full, strlen(full));
  return a >= 3 && 2 * a >= f && gw_zh_abbreviates(abbr, full);
}

static bool same_unit_spelt_apart(const char *a, const char *b) {
  static const char *const places[] = {"县", "市", "区", "省", "镇", "乡", NULL};
  if (short_form_of(a, b) || short_form_of(b, a))
    return true;
  const char *bare_a = without_place(a), *bare_b = without_place(b);
  if ((bare_a && strcmp(bare_a, b) == 0) || (bare_b && strcmp(bare_b, a) == 0))
    return true; /* 组织部 and 县委组织部 */
  for (int i = 0; places[i]; i++) {
    size_t n = strlen(places[i]);
    if ((strncmp(a, places[i], n) == 0 && strcmp(a + n, b) == 0) ||
        (strncmp(b, places[i], n) == 0 && strcmp(b + n, a) == 0))
      return true;
  }
  return false;
}

/* With no units list, each spelling is a unit of its own in the 各单位任
 * 务清单 and for --unit: a second spelling of a name already met is worth
 * a word, once. */
static void warn_second_spelling(gw_build *b, const unit_list *order, const dv_unit *u) {
  for (size_t i = 0; i < order->count; i++)
    if (same_unit_spelt_apart(order->names[i], u->name)) {
      gw_warning(b->diags, u->pos,
                 "“%s”和前面的“%s”像是同一个单位的两种写法：各单位任务清单和 --unit 会把它们当作两个"
                 "单位；请统一写法，或在前置元数据里用 units 列出各单位",
                 u->name, order->names[i]);
      return;
    }
}

static void check_units(gw_build *b, dv_plan *p, unit_list *order) {
  const unit_list *known = &p->known;
  bool listed = p->units_declared;
  if (listed)
    *order = *known;
  for (dv_row *row = p->rows; row; row = row->next)
    for (size_t c = 0; c < p->ncols; c++)
      for (size_t i = 0; i < row->units[c].count; i++) {
        dv_unit *u = &row->units[c].items[i];
        if (u->collective)
          continue;
        size_t note = role_note_at(u->name);
        if (note) { /* checked without its note, printed with it */
          u->note = u->name + note;
          u->name = gw_arena_strndup(b->arena, u->name, note);
        }
        /* Most names are spelt exactly as listed: no folding needed. */
        long at = unit_find_name(order, u->name);
        const char *folded = at >= 0 ? order->folded[at] : fold(b, u->name);
        if (at < 0)
          at = unit_find(order, folded);
        /* 县自然资源局（县林业局）: a listed unit with its other name, or
         * a part of it, noted in brackets; printed as written */
        size_t bracket = at < 0 && listed && !u->note ? end_bracket_at(u->name) : 0;
        if (bracket) {
          const char *bare = gw_arena_strndup(b->arena, u->name, bracket);
          at = unit_find(order, fold(b, bare));
          if (at >= 0)
            u->note = u->name + bracket;
        }
        if (at >= 0)
          u->name = order->names[at];
        else if (listed)
          report_unknown_unit(b, known, u);
        else {
          warn_second_spelling(b, order, u);
          unit_add(b, order, u->name, folded);
        }
      }
  for (dv_row *row = p->rows; row; row = row->next) {
    drop_repeated_units(b, p, row);
    take_marked_leads(b, p, row);
  }
}

/* ---- Rows: numbers, membership, the extract for one unit. ---- */

/* Is a category row a sub-category (（一）… under 一、…)? Numbering per
 * category starts again at 一、二、, not at each （一）. */
static bool is_subcategory(gw_arena *arena, const dv_row *row) {
  gw_section_number sn;
  const char *text = row->cells[0].first ? gw_runs_text(arena, &row->cells[0]) : "";
  return gw_section_number_read(text, &sn) && sn.level == 2;
}

static void number_rows(gw_arena *arena, dv_plan *p, bool per_category) {
  int n = 0, top = 0;
  for (dv_row *row = p->rows; row; row = row->next) {
    bool starts = row->category && !is_subcategory(arena, row);
    top += starts;
    row->category_no = top; /* 二-3 in the index: the 一、二、 it is under */
    if (starts && per_category)
      n = 0;
    if (!row->category)
      row->number = ++n;
  }
}

/* The cells of an item for comparing: all but 序号 (counted, not
 * copied), units as printed (canonical names, role notes), cells parted
 * by a byte no text holds. */
static const char *row_key(gw_build *b, const dv_plan *p, const dv_row *row, gw_buf *key) {
  key->len = 0;
  for (size_t c = 0; c < p->ncols; c++) {
    if ((int)c == p->seq_col)
      continue;
    for (size_t i = 0; p->unit_col[c] && i < row->units[c].count; i++) {
      gw_buf_puts(key, row->units[c].items[i].name);
      if (row->units[c].items[i].note)
        gw_buf_puts(key, row->units[c].items[i].note);
      gw_buf_puts(key, "\x1e");
    }
    if (!p->unit_col[c])
      gw_runs_join(&row->cells[c], key);
    gw_buf_puts(key, "\x1f");
  }
  return gw_arena_strndup(b->arena, key->data ? key->data : "", key->len);
}

/* An item the same as one before it, cell for cell (a row pasted twice),
 * is warned about at the copy. A hash index over the items, so that no
 * row is compared with every other. */
static void check_repeated_rows(gw_build *b, const dv_plan *p) {
  size_t nslots = 64;
  while (nslots < 2 * p->items)
    nslots *= 2;
  const dv_row **rows = gw_arena_alloc(b->arena, nslots * sizeof *rows);
  const char **keys = gw_arena_alloc(b->arena, nslots * sizeof *keys);
  memset(rows, 0, nslots * sizeof *rows);
  gw_buf key = {0};
  for (const dv_row *row = p->rows; row; row = row->next) {
    if (row->category)
      continue;
    const char *k = row_key(b, p, row, &key);
    size_t at = name_hash(k) & (nslots - 1);
    while (rows[at] && strcmp(keys[at], k) != 0)
      at = (at + 1) & (nslots - 1);
    if (rows[at]) {
      gw_warning(b->diags, row->pos,
                 "这一项与第 %u 行的第 %d 项完全相同：如是重复粘贴，请删去其中一项",
                 rows[at]->pos.line, rows[at]->number);
      continue;
    }
    rows[at] = row;
    keys[at] = k;
  }
  gw_buf_free(&key);
}

/* 序号 are counted, not copied: a table typed 1, 2, 2, 5 comes out 1 to
 * 4. A typed number that repeats or skips is a slip worth a word, as a
 * text may cite an item by it (与第5项同步推进). A typed 1 starts again
 * (numbered per category by hand): no slip. */
static void check_typed_numbers(gw_build *b, const dv_plan *p) {
  int prev = 0;
  bool seen = false;
  const dv_row *prev_row = NULL;
  gw_buf key = {0};
  for (const dv_row *row = p->rows; row; prev_row = row, row = row->next) {
    if (row->category || !row->typed_number) {
      prev = row->category ? 0 : prev;
      continue;
    }
    int typed = row->typed_number;
    /* a row pasted twice, number and all: check_repeated_rows says so */
    bool pasted_twice = typed == prev && prev_row && !prev_row->category &&
                        strcmp(row_key(b, p, row, &key), row_key(b, p, prev_row, &key)) == 0;
    /* the first typed number of the plan not its first: 序号：5 over the
     * only item, or a table carried on from another file */
    bool first_off = !seen && typed != row->number && typed != 1;
    seen = true;
    if (first_off || (prev && typed != prev + 1 && typed != 1 && typed != row->number &&
                      !pasted_twice)) {
      const char *what = first_off        ? gw_arena_printf(b->arena, "序号写的是 %d", typed)
                         : typed == prev ? gw_arena_printf(b->arena, "序号 %d 与上一项重复", typed)
                                         : gw_arena_printf(b->arena, "序号从 %d 跳到 %d", prev, typed);
      gw_warning(b->diags, row->pos,
                 "%s：这一项按顺序排为第 %d 项；正文里如有按原序号提到的项（“第%d项”），请核对", what,
                 row->number, typed);
    }
    prev = typed;
  }
  gw_buf_free(&key);
}

/* Does `row` name `unit` (canonical) in any unit column? */
static bool row_names(const dv_plan *p, const dv_row *row, const char *unit) {
  for (size_t c = 0; c < p->ncols; c++)
    for (size_t i = 0; i < row->units[c].count; i++)
      if (strcmp(row->units[c].items[i].name, unit) == 0)
        return true;
  return false;
}

/* Does any mention in `units` carry a 牵头 mark? */
static bool any_marked_lead(const dv_units *units) {
  for (size_t i = 0; i < units->count; i++)
    if (marked_lead(&units->items[i]))
      return true;
  return false;
}

/* Does the mention of unit i in column c of `row` lead? In the 牵头
 * column it does. Without a 牵头 column, or with it empty, so does one
 * marked （牵头）, else the unit the 责任 column names first (layout.md
 * §6). A filled 牵头 column is the lead the table shows, and the index
 * says the same (a mark elsewhere is warned of, see warn_second_lead). */
static bool mention_leads(const dv_plan *p, const dv_row *row, size_t c, size_t i) {
  if ((int)c == p->lead_col)
    return true;
  bool no_lead = p->lead_col < 0 || !row->units[p->lead_col].count;
  if (!no_lead)
    return false;
  if (marked_lead(&row->units[c].items[i]))
    return true;
  return (int)c == p->share_col && i == 0 && !any_marked_lead(&row->units[c]);
}

/* A group named in the rows (各县（市、区）人民政府, not checked against
 * units:) spelt as `folded`, or NULL. */
static const char *collective_named(gw_build *b, const dv_plan *p, const char *folded) {
  for (const dv_row *row = p->rows; row; row = row->next)
    for (size_t c = 0; c < p->ncols; c++)
      for (size_t i = 0; i < row->units[c].count; i++)
        if (row->units[c].items[i].collective &&
            strcmp(fold(b, row->units[c].items[i].name), folded) == 0)
          return row->units[c].items[i].name;
  return NULL;
}

/* Keep only the rows naming `--unit`, and their categories. */
static void keep_unit_rows(gw_build *b, dv_plan *p, const unit_list *order) {
  const char *folded = fold(b, b->unit);
  long at = unit_find(order, folded);
  gw_pos cli = {b->src->path, 0, 0};
  const char *group = at < 0 ? collective_named(b, p, folded) : NULL;
  if (at < 0 && !group) {
    bool short_form;
    char *near = closest_units(b, order, b->unit, &short_form);
    gw_error(b->diags, cli, "--unit：本文件没有单位“%s”%s%s%s", b->unit,
             !*near ? "" : short_form ? "；它像是" : "；最接近的是", near,
             *near && short_form ? "的简称，请写全称" : "");
    return;
  }
  b->unit = group ? group : order->names[at];
  /* A kept row brings its category, and the 一、 above a （一） too: an
   * extract of （一）甲一 and （一）乙一 alone could not be told apart. */
  dv_row *kept = NULL, **tail = &kept, *top = NULL, *sub = NULL;
  for (dv_row *row = p->rows, *next; row; row = next) {
    next = row->next;
    row->next = NULL;
    if (row->category) {
      if (is_subcategory(b->arena, row))
        sub = row;
      else
        top = row, sub = NULL;
      continue;
    }
    if (!row_names(p, row, b->unit))
      continue;
    dv_row *pending[] = {top, sub};
    for (size_t k = 0; k < 2; k++)
      if (pending[k]) {
        *tail = pending[k];
        tail = &pending[k]->next;
      }
    top = sub = NULL;
    *tail = row;
    tail = &row->next;
  }
  p->rows = kept;
  if (!kept)
    gw_error(b->diags, cli, "--unit：单位“%s”在本文件里没有任务", b->unit);
}

/* ---- Model tables. ---- */

static gw_runs text_runs(gw_build *b, const char *text) {
  gw_runs runs = {0};
  if (text && *text)
    gw_runs_append(b->arena, &runs, GW_RUN_TEXT, gw_arena_strdup(b->arena, text), strlen(text));
  return runs;
}

static gw_row *add_table_row(gw_build *b, gw_table *t, gw_pos pos) {
  gw_row *row = gw_arena_alloc(b->arena, sizeof *row);
  row->pos = pos;
  if (t->last_row)
    t->last_row->next = row;
  else
    t->rows = row;
  t->last_row = row;
  t->nrows++;
  return row;
}

static gw_cell *add_cell(gw_build *b, gw_row *row, gw_runs runs, gw_role role, int span) {
  gw_cell *cell = gw_arena_alloc(b->arena, sizeof *cell);
  cell->runs = runs;
  cell->role = role;
  cell->align = role == GW_ROLE_TABLE_HEADER ? GW_ALIGN_CENTER
                                             : b->doc->layout.roles[role].align;
  cell->span = span;
  gw_cell **at = &row->cells;
  while (*at)
    at = &(*at)->next;
  *at = cell;
  return cell;
}

static void add_header_row(gw_build *b, gw_table *t, const char *const *names, size_t n) {
  gw_row *row = add_table_row(b, t, gw_build_front_pos(b));
  row->header = true;
  for (size_t i = 0; i < n; i++)
    add_cell(b, row, text_runs(b, names[i]), GW_ROLE_TABLE_HEADER, 1);
  t->ncols = (int)n;
}

static const char *item_label(gw_build *b, const dv_row *row, bool per_category) {
  char n[16];
  snprintf(n, sizeof n, "%d", row->number);
  if (!per_category || row->category_no == 0)
    return gw_arena_strdup(b->arena, n);
  char *zh = gw_zh_numeral(row->category_no);
  const char *names[] = {"category", "n", NULL};
  const char *values[] = {zh ? zh : "", n, NULL};
  const char *label = gw_build_format(b, template_text(b, "division.index_item"), names, values);
  free(zh);
  return label;
}

static gw_runs units_runs(gw_build *b, const dv_units *u) {
  gw_buf all = {0};
  for (size_t i = 0; i < u->count; i++) {
    if (i)
      gw_buf_puts(&all, "、");
    gw_buf_puts(&all, u->items[i].name);
    if (u->items[i].note)
      gw_buf_puts(&all, u->items[i].note);
  }
  gw_runs runs = {0};
  if (all.len)
    gw_runs_append(b->arena, &runs, GW_RUN_TEXT,
                   gw_arena_strndup(b->arena, all.data, all.len), all.len);
  gw_buf_free(&all);
  return runs;
}

static void add_item_row(gw_build *b, const dv_plan *p, gw_table *t, const dv_row *row) {
  gw_row *out = add_table_row(b, t, row->pos);
  for (size_t c = 0; c < p->ncols; c++) {
    gw_runs runs = row->cells[c];
    if ((int)c == p->seq_col)
      runs = text_runs(b, gw_arena_printf(b->arena, "%d", row->number));
    else if (p->unit_col[c])
      runs = units_runs(b, &row->units[c]);
    add_cell(b, out, runs, GW_ROLE_TABLE_CELL, 1);
  }
}


/* The cell of an ordinary row at column `col`. */
static gw_cell *cell_at(gw_row *row, int col) {
  int at = 0;
  for (gw_cell *c = row->cells; c; at += c->span, c = c->next)
    if (at == col)
      return c;
  return NULL;
}

/* 序号 and 完成时限 centred; so is a column of short cells only. */
static void align_columns(const dv_plan *p, const options *o, gw_table *t) {
  for (int col = 0; col < t->ncols; col++) {
    bool centre = col == p->seq_col || col == p->deadline_col;
    if (!centre && col != p->measure_col) {
      centre = true;
      for (gw_row *r = t->rows; r && centre; r = r->next)
        if (!r->header && !r->category)
          centre = gw_cell_width(cell_at(r, col)) <= (size_t)(2 * o->center_max_chars);
    }
    for (gw_row *r = t->rows; r && centre; r = r->next)
      if (!r->header && !r->category)
        cell_at(r, col)->align = GW_ALIGN_CENTER;
  }
}

/* Equal, non-empty neighbours in a merge column become one cell; a
 * category row ends the run. */
static void merge_columns(gw_build *b, const options *o, gw_table *t) {
  for (int col = 0; col < t->ncols; col++) {
    if (!o->merge[col])
      continue;
    gw_cell *top = NULL;
    const char *top_text = NULL;
    for (gw_row *r = t->rows; r; r = r->next) {
      if (r->header || r->category) {
        top = NULL;
        continue;
      }
      gw_cell *c = cell_at(r, col);
      const char *text = gw_runs_text(b->arena, &c->runs);
      if (top && *text && strcmp(text, top_text) == 0) {
        top->vmerge = GW_VMERGE_RESTART;
        c->vmerge = GW_VMERGE_CONTINUE;
        c->merge_text = &top->runs; /* shown again atop a new page (prepare.c) */
        c->runs = (gw_runs){0};
        continue;
      }
      top = c;
      top_text = text;
    }
  }
}

static gw_table *main_table(gw_build *b, const dv_plan *p, const options *o) {
  gw_table *t = gw_arena_alloc(b->arena, sizeof *t);
  add_header_row(b, t, p->columns, p->ncols);
  for (const dv_row *row = p->rows; row; row = row->next) {
    if (!row->category) {
      add_item_row(b, p, t, row);
      continue;
    }
    gw_row *out = add_table_row(b, t, row->pos);
    out->category = true;
    add_cell(b, out, row->cells[0], GW_ROLE_TABLE_HEADER, (int)p->ncols)->align = GW_ALIGN_LEFT;
  }
  align_columns(p, o, t);
  merge_columns(b, o, t);
  return t;
}

/* Widths that keep rows short: a column's share of the width follows
 * the average display width (ICU) of its cells, within bounds: at least
 * its header and its longest unit name (neither should break), at most
 * its widest cell. What is left when every column is at its widest is
 * shared in proportion. */
typedef struct {
  double lo, hi, weight, width;
  double head;    /* the header's width on one line */
  double body_lo; /* what the cells need (a unit name, a deadline's line) */
  bool fixed;
} column_fit;

static void measure_columns(gw_build *b, const gw_table *t, const bool *unit_col,
                            int deadline_col, int unit_chars, column_fit *fit) {
  const gw_layout *L = &b->doc->layout;
  double unit = L->roles[GW_ROLE_TABLE_CELL].size_half_pt * 5.0;
  double header_unit = L->roles[GW_ROLE_TABLE_HEADER].size_half_pt * 5.0;
  double pad = gw_build_cell_pad(L);
  size_t rows = 0;
  gw_buf text = {0}; /* a unit cell's text, reused cell after cell */
  for (gw_row *r = t->rows; r; r = r->next) {
    if (r->category)
      continue;
    rows += !r->header;
    for (int col = 0; col < t->ncols; col++) {
      gw_cell *c = cell_at(r, col);
      double w = (double)gw_cell_width(c) * (r->header ? header_unit : unit) + pad;
      if (r->header) {
        fit[col].lo = fit[col].hi = fit[col].head = w;
        continue;
      }
      fit[col].weight += (double)gw_cell_width(c);
      if (w > fit[col].hi)
        fit[col].hi = w;
      /* A deadline takes at most two lines, and 2021年10月 keeps its
       * number whole on the first one. */
      double half = (double)((gw_cell_width(c) + 1) / 2 + 2) * unit + pad;
      if (half > 10 * unit + pad)
        half = 10 * unit + pad; /* 每半年开展一次评估: five characters a line, the
                                    measures need the room more */
      if (col == deadline_col && half > fit[col].body_lo)
        fit[col].body_lo = half;
      if (col == deadline_col && half > fit[col].lo)
        fit[col].lo = half;
      if (unit_col && unit_col[col]) {
        text.len = 0;
        gw_runs_join(&c->runs, &text);
        double nw = (double)dv_widest_unit(text.data ? text.data : "", text.len) * unit + pad;
        double cap = unit_chars * 2 * unit + pad;
        if (unit_chars > 0 && nw > cap)
          nw = cap; /* the measures need the room more than a long name */
        if (nw > fit[col].body_lo)
          fit[col].body_lo = nw;
        if (nw > fit[col].lo)
          fit[col].lo = nw;
      }
    }
  }
  gw_buf_free(&text);
  /* A column of text that most rows leave empty (备注) has little weight,
   * and its few words went down to two characters a line (秋季 / 开学 /
   * 前投 / 用): four, when it has that many. */
  double four = 4 * 2 * unit + pad;
  for (int col = 0; col < t->ncols; col++) {
    fit[col].weight = rows && fit[col].weight > rows ? fit[col].weight / (double)rows : 1;
    double floor4 = fit[col].hi < four ? fit[col].hi : four;
    if (!(unit_col && unit_col[col]) && col != deadline_col && fit[col].lo < floor4)
      fit[col].lo = fit[col].body_lo = floor4;
  }
}

/* Share `room` among the free columns by weight; pin a column at a bound
 * it crosses and share again. */
static void fill_columns(column_fit *fit, int n, double room) {
  for (bool pinned = true; pinned;) {
    pinned = false;
    double left = room, weights = 0;
    for (int i = 0; i < n; i++) {
      if (fit[i].fixed)
        left -= fit[i].width;
      else
        weights += fit[i].weight;
    }
    if (weights <= 0)
      return;
    for (int pass = 0; pass < 2 && !pinned; pass++)
      for (int i = 0; i < n; i++) {
        double w = left * fit[i].weight / weights;
        bool below = pass == 0 && w < fit[i].lo, above = pass == 1 && w > fit[i].hi;
        if (!fit[i].fixed && (below || above)) {
          fit[i].width = below ? fit[i].lo : fit[i].hi;
          fit[i].fixed = pinned = true;
        }
      }
    for (int i = 0; i < n && !pinned; i++)
      if (!fit[i].fixed)
        fit[i].width = left * fit[i].weight / weights;
  }
}

/* `floor` (or NULL): widths in twips the columns keep at least. */
/* Too many columns for one-line headers (six in portrait: 责任（配合）单位
 * alone wants eight characters): every column was scaled down alike,
 * the measures to three characters and 工作内容 broken as 工作内 / 容.
 * Headers then break in two instead (工作 / 内容), when that leaves room,
 * so that the measures keep their share. */
static void relax_headers(gw_build *b, column_fit *fit, int n, int avail, const int *floor) {
  const gw_layout *L = &b->doc->layout;
  double header_unit = L->roles[GW_ROLE_TABLE_HEADER].size_half_pt * 5.0;
  double pad = gw_build_cell_pad(L);
  double sum_lo = 0, relaxed = 0;
  double *lo2 = gw_arena_alloc(b->arena, (size_t)n * sizeof *lo2);
  for (int i = 0; i < n; i++) {
    sum_lo += fit[i].lo;
    double cols = (fit[i].head - pad) / header_unit; /* display columns */
    double chars = ceil(cols / 4) > 2 ? ceil(cols / 4) : 2; /* whole, and 序号 stays whole */
    double half = chars * 2 * header_unit + pad;
    lo2[i] = fit[i].body_lo > half ? fit[i].body_lo : half;
    if (lo2[i] > fit[i].lo)
      lo2[i] = fit[i].lo;
    if (floor && lo2[i] < floor[i])
      lo2[i] = floor[i];
    relaxed += lo2[i];
  }
  if (sum_lo < avail || relaxed >= avail)
    return;
  for (int i = 0; i < n; i++)
    fit[i].lo = lo2[i];
}

static void balance_widths(gw_build *b, gw_table *t, const bool *unit_col,
                           int deadline_col, int unit_chars, const bool *text_col,
                           long measure_pct, int avail, const int *floor) {
  int n = t->ncols;
  column_fit *fit = gw_arena_alloc(b->arena, (size_t)n * sizeof *fit);
  measure_columns(b, t, unit_col, deadline_col, unit_chars, fit);
  for (int i = 0; floor && i < n; i++)
    if (fit[i].lo < floor[i])
      fit[i].lo = floor[i];
  relax_headers(b, fit, n, avail, floor);
  double sum_lo = 0, sum_hi = 0, sum = 0;
  for (int i = 0; i < n; i++) {
    if (fit[i].hi < fit[i].lo)
      fit[i].hi = fit[i].lo;
    sum_lo += fit[i].lo;
    sum_hi += fit[i].hi;
  }
  /* The measures come first: their column gets its share of the width
   * (division.measure_percent; layout.md §6: 70 mm of 156) before a
   * long list of units or a long deadline takes it by its weight. */
  if (text_col && measure_pct > 0 && sum_lo < avail) {
    /* with two text columns (重点任务, 具体措施) they share it by weight */
    double want = (double)avail * (double)measure_pct / 100.0, have = 0, weights = 0;
    for (int i = 0; i < n; i++)
      if (text_col[i]) {
        have += fit[i].lo;
        weights += fit[i].weight;
      }
    double add = want - have;
    if (add > avail - sum_lo)
      add = avail - sum_lo;
    for (int i = 0; i < n && add > 0 && weights > 0; i++)
      if (text_col[i]) {
        double more = add * fit[i].weight / weights;
        if (fit[i].lo + more > fit[i].hi)
          more = fit[i].hi - fit[i].lo;
        if (more > 0) {
          fit[i].lo += more;
          sum_lo += more;
        }
      }
  }
  for (int i = 0; i < n; i++) {
    if (sum_lo >= avail)
      fit[i].width = fit[i].lo * avail / sum_lo; /* too many columns: scale */
    else if (sum_hi <= avail)
      fit[i].width = fit[i].hi * avail / sum_hi; /* all fit: share the room */
  }
  if (sum_lo < avail && sum_hi > avail)
    fill_columns(fit, n, avail);
  t->col_twips = gw_arena_alloc(b->arena, (size_t)n * sizeof *t->col_twips);
  for (int i = 0; i < n; i++)
    sum += (t->col_twips[i] = (int)fit[i].width);
  t->col_twips[n - 1] += avail - (int)sum; /* rounding: the table fills exactly */
  t->width_twips = avail;
}

/* In portrait, would a column holding text get narrower than the
 * template's minimum while its text wraps? */
static bool too_narrow(const gw_doc *doc, const gw_table *t, long min_chars) {
  const gw_layout *L = &doc->layout;
  int char_w = L->roles[GW_ROLE_TABLE_CELL].size_half_pt * 10;
  for (int col = 0; col < t->ncols; col++) {
    size_t widest = 0;
    for (gw_row *r = t->rows; r; r = r->next)
      if (!r->header && !r->category && gw_cell_width(cell_at(r, col)) > widest)
        widest = gw_cell_width(cell_at(r, col));
    double fits = (double)(t->col_twips[col] - 2 * L->table.cell_margin_twips) / char_w;
    if (widest > 2 * fits && fits < (double)min_chars)
      return true;
  }
  return false;
}

/* In landscape the unit names' cap grows with the 版心 (225 mm for 156:
 * 6 characters to 9), so 县教育局人事股 keeps whole; the other narrow
 * columns (序号, 完成时限, 备注) keep their widths and the room comes from
 * the measures, while theirs stays the widest column with a quarter of the
 * width. Else the widths stay. */
static void widen_unit_columns(gw_build *b, const dv_plan *p, const options *o, gw_table *t,
                               const bool *text_col) {
  const gw_layout *L = &b->doc->layout;
  if (o->unit_column_chars <= 0)
    return;
  int chars = (int)(((long)o->unit_column_chars * L->text_h * 2 / L->text_w + 1) / 2);
  int *before = t->col_twips, *floor = gw_arena_alloc(b->arena, (size_t)t->ncols * sizeof *floor);
  /* the room comes from the measures: the first text column and the
   * widest (具体措施 beside a short 重点任务), not a narrow 备注 */
  int widest_text = p->measure_col;
  for (int i = 0; i < t->ncols; i++)
    if (text_col[i] && (widest_text < 0 || before[i] > before[widest_text]))
      widest_text = i;
  for (int i = 0; i < t->ncols; i++)
    floor[i] = text_col[i] && (i == p->measure_col || i == widest_text) ? 0 : before[i];
  balance_widths(b, t, p->unit_col, p->deadline_col, chars, text_col, 0, L->text_h, floor);
  /* the measures (重点任务 and 具体措施 both, when there are two) stay the
   * widest column, with a quarter of the width between them */
  int *w = t->col_twips, m = p->measure_col;
  int measures_widest = w[m] > w[widest_text] ? w[m] : w[widest_text];
  long measures = w[m] + (widest_text != m ? w[widest_text] : 0);
  bool widest = true;
  for (int i = 0; i < t->ncols; i++)
    widest = widest && (i == m || i == widest_text || w[i] <= measures_widest);
  if (!widest || measures * 4 < L->text_h)
    t->col_twips = before;
}

/* Nine columns (序号 工作任务 具体措施 责任领导 牵头 责任 推进步骤 成果形式
 * 完成时限) leave every column at its least, even on a landscape page:
 * the measures' column, the one with the most text, came down to four
 * characters a line and a row ran over pages. Nothing better can be
 * laid out; the drafter is told, and told what would help. */
enum { CRAMPED_BELOW_CHARS = 7 };
static void warn_cramped_measures(gw_build *b, const dv_plan *p, gw_table *t) {
  const gw_layout *L = &b->doc->layout;
  int fullest = -1;
  size_t most = 0, widest = 0;
  for (int col = 0; col < t->ncols && col < (int)p->ncols; col++) {
    if (col == p->seq_col || col == p->deadline_col || p->unit_col[col])
      continue;
    size_t text = 0, cell_widest = 0;
    for (gw_row *r = t->rows; r; r = r->next)
      if (!r->header && !r->category) {
        size_t w = gw_cell_width(cell_at(r, col));
        text += w;
        cell_widest = w > cell_widest ? w : cell_widest;
      }
    if (text > most) {
      most = text;
      fullest = col;
      widest = cell_widest;
    }
  }
  int char_w = L->roles[GW_ROLE_TABLE_CELL].size_half_pt * 10;
  if (fullest < 0 || char_w <= 0 || !t->rows)
    return;
  int chars = (t->col_twips[fullest] - 2 * L->table.cell_margin_twips) / char_w;
  /* narrow, and its longest item five lines tall or more (a short text
   * in a narrow column is no trouble) */
  if (chars >= CRAMPED_BELOW_CHARS || (chars > 0 && widest < (size_t)(2 * chars * 5)))
    return;
  gw_pos at = t->rows->pos; /* the first task's row */
  for (gw_row *r = t->rows; r; r = r->next)
    if (!r->header && !r->category) {
      at = r->pos;
      break;
    }
  gw_warning(b->diags, at,
             "表格有 %d 列，放不下：内容最多的一列每行只能排约 %d 个字，一项要占很多行；"
             "请去掉或合并不必要的列（如“责任领导”“推进步骤”“成果形式”，可写进任务内容里）",
             t->ncols, chars);
}

/* Widths for portrait, or for the landscape 版心 when the table goes
 * landscape. Returns whether it does. */
static bool lay_out_table(gw_build *b, const dv_plan *p, const options *o, gw_table *t) {
  const gw_layout *L = &b->doc->layout;
  bool *text_col = gw_arena_alloc(b->arena, (size_t)t->ncols * sizeof *text_col);
  for (int col = 0; col < t->ncols && col < (int)p->ncols; col++)
    text_col[col] = col != p->seq_col && col != p->deadline_col && !p->unit_col[col];
  balance_widths(b, t, p->unit_col, p->deadline_col, o->unit_column_chars, text_col,
                 o->measure_percent, L->text_w, NULL);
  bool landscape = o->orient == ORIENT_LANDSCAPE;
  if (o->orient == ORIENT_AUTO)
    landscape = t->ncols >= o->landscape_columns || too_narrow(b->doc, t, o->min_column_chars);
  if (landscape) {
    balance_widths(b, t, p->unit_col, p->deadline_col, o->unit_column_chars, text_col,
                   o->measure_percent, L->text_h, NULL); /* the 版心 turned: 225 mm wide */
    widen_unit_columns(b, p, o, t, text_col);
  }
  return landscape;
}

/* ---- 各单位任务清单. ---- */

/* Each unit's 牵头 and 参与 item lists (lists[2 * unit + 0 or 1]), in one
 * walk over the rows: a walk per unit was units × rows. A row lists a
 * unit once, as leading when any of its mentions leads (mention_leads). */
static const char **item_lists(gw_build *b, const dv_plan *p, const options *o,
                               const unit_list *order) {
  size_t n = order->count;
  gw_buf *bufs = gw_arena_alloc(b->arena, (2 * n + 1) * sizeof *bufs);
  const dv_row **seen = gw_arena_alloc(b->arena, (n + 1) * sizeof *seen); /* last row naming it */
  bool *leads = gw_arena_alloc(b->arena, (n + 1) * sizeof *leads);
  size_t *named = gw_arena_alloc(b->arena, (n + 1) * sizeof *named), nnamed;
  for (const dv_row *row = p->rows; row; row = row->next) {
    if (row->category)
      continue;
    nnamed = 0;
    for (size_t c = 0; c < p->ncols; c++)
      for (size_t i = 0; i < row->units[c].count; i++) {
        const dv_unit *u = &row->units[c].items[i];
        long at = unit_find_name(order, u->name);
        if (at < 0 && u->collective) /* spelt as the drafter wrote it */
          at = unit_find(order, fold(b, u->name));
        if (at < 0)
          continue;
        bool lead = mention_leads(p, row, c, i);
        if (seen[at] != row) {
          seen[at] = row;
          leads[at] = false;
          if (nnamed < n)
            named[nnamed++] = (size_t)at;
        }
        leads[at] = leads[at] || lead;
      }
    const char *label = nnamed ? item_label(b, row, o->per_category) : NULL;
    for (size_t k = 0; k < nnamed; k++) {
      gw_buf *list = &bufs[2 * named[k] + (leads[named[k]] ? 0 : 1)];
      if (list->len)
        gw_buf_puts(list, "、");
      gw_buf_puts(list, label);
    }
  }
  const char **lists = gw_arena_alloc(b->arena, (2 * n + 1) * sizeof *lists);
  for (size_t i = 0; i < 2 * n; i++) {
    lists[i] = gw_arena_strndup(b->arena, bufs[i].data ? bufs[i].data : "", bufs[i].len);
    gw_buf_free(&bufs[i]);
  }
  return lists;
}

/* Display columns a line of a body cell holds, `col_twips` wide. */
static size_t cell_line_cols(gw_build *b, int col_twips) {
  const gw_layout *L = &b->doc->layout;
  int half = L->roles[GW_ROLE_TABLE_CELL].size_half_pt * 5;
  int room = col_twips - 2 * L->table.cell_margin_twips;
  return half > 0 && room > 0 ? (size_t)(room / half) : 0;
}

/* The cell's text `t`, broken before each offset of at[0..n). */
static void break_cell(gw_build *b, gw_cell *cell, const char *t, const size_t *at, size_t n) {
  cell->runs = gw_runs_broken(b->arena, t, strlen(t), at, n);
  cell->width_plus_one = 0; /* measured again */
}

/* A list of item numbers (1、3、11、…) breaks after a 、, never inside
 * a number (a word processor may break 1 / 1 in a narrow cell): an
 * explicit break before each number that would not fit on the line. */
static void break_after_commas(gw_build *b, gw_cell *cell, int col_twips) {
  size_t cap = cell_line_cols(b, col_twips);
  const char *t = gw_runs_text(b->arena, &cell->runs);
  size_t *starts;
  size_t n = cap < 4 ? 0 : gw_list_line_starts(t, strlen(t), cap, &starts);
  if (n == 0)
    return;
  break_cell(b, cell, t, starts, n);
  free(starts);
}

/* Where the role note of a unit (县林业局（牵头）) starts within
 * t[a..z), or z when it has none. */
static size_t note_start(gw_build *b, const char *t, size_t a, size_t z) {
  size_t at = a + role_note_at(gw_arena_strndup(b->arena, t + a, z - a));
  return at > a ? at : z;
}

/* A header wider than its column (columns too many for one-line
 * headers: relax_headers) breaks in whole halves, 项目 / 名称, not where
 * the word processor runs out of room (项目名 / 称). */
static void halve_header(gw_build *b, gw_cell *cell, int col_twips) {
  const gw_layout *L = &b->doc->layout;
  int half = L->roles[GW_ROLE_TABLE_HEADER].size_half_pt * 5;
  int room = col_twips - 2 * L->table.cell_margin_twips;
  size_t cols = gw_cell_width(cell);
  if (!gw_runs_plain(&cell->runs) || half <= 0 || (int)cols * half <= room || cols < 4)
    return;
  const char *t = gw_runs_text(b->arena, &cell->runs);
  size_t len = strlen(t), want = (cols + 3) / 4 * 2, mid = 0, w = 0; /* whole characters */
  while (mid < len && w < want) {
    int32_t i = (int32_t)mid;
    UChar32 c;
    U8_NEXT(t, i, (int32_t)len, c);
    w += gw_zh_display_width(t + mid, (size_t)i - mid);
    mid = (size_t)i;
  }
  /* around a bracket first (责任（配合）/ 单位), never inside it */
  const char *open = strstr(t, "（"), *close = open ? strstr(open, "）") : NULL;
  size_t tries[] = {close ? (size_t)(close - t) + strlen("）") : 0, open ? (size_t)(open - t) : 0,
                    mid};
  for (size_t k = 0; k < 3; k++) {
    size_t at = tries[k];
    if (at == 0 || at >= len || (k == 2 && open && close && at > (size_t)(open - t) &&
                                 at < (size_t)(close - t) + strlen("）")))
      continue;
    size_t a = gw_zh_display_width(t, at), z = gw_zh_display_width(t + at, len - at);
    if ((int)(a * (size_t)half) <= room && (int)(z * (size_t)half) <= room) {
      break_cell(b, cell, t, &at, 1);
      return;
    }
  }
}

/* Where a bracket that ends t[a..z) opens (各乡镇（街道）), or z. */
static size_t final_paren_start(const char *t, size_t a, size_t z) {
  size_t close = strlen("）");
  if (z - a <= close || memcmp(t + z - close, "）", close) != 0)
    return z;
  for (size_t i = z - close; i > a; i--)
    if (i - a >= 3 && memcmp(t + i - 3, "（", 3) == 0)
      return i - 3 > a ? i - 3 : z;
  return z;
}

/* A name wider than its line (市政务服务管理局, six characters a line)
 * breaks between its words (市政务服务 / 管理局), where the renderer
 * broke it where the line ran out (市政务服务管 / 理局); no one character
 * is left alone on a line (市消防救援 / 支队). A name with a bracket is
 * left to the renderer. Adds the breaks to at[]; returns the width of
 * the name's last line. */
static size_t break_long_name(const char *t, size_t a, size_t z, size_t comma, size_t cap,
                              size_t *at, size_t *n) {
  size_t width = gw_zh_display_width(t + a, z - a) + comma;
  size_t *words = NULL;
  bool bracket = memmem(t + a, z - a, "（", 3) || memchr(t + a, '(', z - a);
  /* the 、 needs its room: Word hangs it past the line, LibreOffice
   * breaks before the name's last character (县委组织 / 部、) */
  long nw = bracket || width <= cap ? -1 : gw_zh_word_breaks(t + a, z - a, &words);
  for (size_t from = a; nw > 0 && width > cap;) {
    size_t best = 0;
    for (long k = 0; k < nw; k++) {
      size_t at_k = a + words[k];
      if (at_k <= from)
        continue;
      size_t head = gw_zh_display_width(t + from, at_k - from);
      if (head > cap)
        break;
      /* the next line starts with a word of two characters or more: not
       * 市工业和信息 / 化局, nor 市消防救援支 / 队 */
      size_t next = k + 1 < nw ? a + words[k + 1] : z;
      if (gw_zh_display_width(t + at_k, next - at_k) >= 4)
        best = at_k;
    }
    if (!best)
      break;
    at[(*n)++] = best;
    from = best;
    width = gw_zh_display_width(t + from, z - from) + comma;
  }
  free(words);
  return width;
}

/* break_long_name's answers by name, column and 、: a plan names the
 * same units in row after row, and ICU's dictionary segmentation of a
 * name cost 30 k instructions. */
typedef struct {
  const char *name; /* bytes [0, len) of a cell's text */
  size_t len, comma, cap, nbreaks, width;
  size_t breaks[8]; /* offsets from the name's start */
} name_breaks;

typedef struct {
  name_breaks *items;
  size_t count, cap;
} name_break_cache;

static size_t break_long_name_cached(gw_build *b, name_break_cache *cache, const char *t,
                                     size_t a, size_t z, size_t comma, size_t cap, size_t *at,
                                     size_t *n) {
  for (size_t i = 0; i < cache->count; i++) {
    const name_breaks *e = &cache->items[i];
    if (e->len == z - a && e->comma == comma && e->cap == cap && memcmp(e->name, t + a, z - a) == 0) {
      for (size_t k = 0; k < e->nbreaks; k++)
        at[(*n)++] = a + e->breaks[k];
      return e->width;
    }
  }
  size_t before = *n, width = break_long_name(t, a, z, comma, cap, at, n);
  if (*n - before > 8)
    return width; /* a name of more lines than the cache keeps */
  if (cache->count == cache->cap) {
    size_t grown = cache->cap ? 2 * cache->cap : 16;
    name_breaks *items = gw_arena_alloc(b->arena, grown * sizeof *items);
    if (cache->count)
      memcpy(items, cache->items, cache->count * sizeof *items);
    cache->items = items;
    cache->cap = grown;
  }
  name_breaks *e = &cache->items[cache->count++];
  *e = (name_breaks){gw_arena_strndup(b->arena, t + a, z - a), z - a, comma, cap, *n - before, width, {0}};
  for (size_t k = 0; k < e->nbreaks; k++)
    e->breaks[k] = at[before + k] - a;
  return width;
}

/* A unit cell breaks between names, each name whole with the 、 after
 * it (各县（市、区）政府 is one name: its 、 is no place to break); a
 * name with its role note too long for a line breaks before the note
 * (市林业局 / （牵头）、), never inside it. */
static void break_unit_cell(gw_build *b, gw_cell *cell, int col_twips, name_break_cache *cache) {
  size_t cap = cell_line_cols(b, col_twips);
  if (cap < 4 || !gw_runs_plain(&cell->runs))
    return;
  const char *t = gw_runs_text(b->arena, &cell->runs);
  size_t len = strlen(t), pos = 0, a, z, line = 0, n = 0;
  size_t *at = gw_arena_alloc(b->arena, (len + 1) * sizeof *at);
  while (gw_build_next_name(t, len, &pos, &a, &z)) {
    size_t comma = z < len ? 2 : 0; /* the 、 stays with its name */
    size_t w = gw_zh_display_width(t + a, z - a) + comma;
    if (line > 0 && line + w > cap) {
      at[n++] = a;
      line = 0;
    }
    size_t note = note_start(b, t, a, z);
    /* 各乡镇（街道）: before its bracket, not inside it (各乡镇（街 / 道）),
     * when the bracket then fits a line (县政府办（县大数据中心） breaking
     * before it took three lines, not two) */
    if (note == z) {
      size_t paren = final_paren_start(t, a, z);
      if (gw_zh_display_width(t + paren, z - paren) + comma <= cap)
        note = paren;
    }
    size_t head = gw_zh_display_width(t + a, note - a);
    if (line == 0 && w > cap && note < z && head <= cap) {
      at[n++] = note;
      line = w - head;
    } else if (line == 0 && w > cap && note == z) {
      line = break_long_name_cached(b, cache, t, a, z, comma, cap, at, &n);
    } else {
      line += w;
    }
  }
  if (n)
    break_cell(b, cell, t, at, n);
}


/* Does a range's dash (—, ～, -) start here? A line never starts with one. */
static bool opens_range(const char *t) {
  return strncmp(t, "—", strlen("—")) == 0 || strncmp(t, "～", strlen("～")) == 0 || *t == '-';
}

/* A line never starts with 、，；。） either. */
static bool starts_closing_mark(const char *t) {
  static const char *const marks[] = {"、", "，", "；", "。", "）", NULL};
  for (int i = 0; marks[i]; i++)
    if (strncmp(t, marks[i], strlen(marks[i])) == 0)
      return true;
  return false;
}

/* 2025年 / 底前 and 2025年 / 内 cut a word: a break there only when
 * there is no other. */
static bool cuts_year_word(const char *t, size_t at) {
  return at >= strlen("年") && strncmp(t + at - strlen("年"), "年", strlen("年")) == 0 &&
         (strncmp(t + at, "底", strlen("底")) == 0 || strncmp(t + at, "内", strlen("内")) == 0);
}

/* Where the line starting at t[from] breaks: after the latest 年, 月, 日,
 * 前, 并 or clause mark that leaves it at most `cap` columns; failing
 * those, a clause wider than the whole line breaks between its words;
 * 0 when nothing fits. */
static size_t deadline_break(const char *t, size_t len, size_t from, size_t cap) {
  /* after 前 and 并: 12月底前 / 完成并 / 长期坚持 */
  static const char *const after[] = {"年", "月", "日", "，", "；", "、", "前", "并", NULL};
  size_t best = 0, before_best = 0;
  for (int strict = 1; strict >= 0 && !best; strict--)
    for (size_t i = from; i < len; i++)
      for (int k = 0; after[k] && (unsigned char)t[i] >= 0xE0; k++) { /* all start E3-EF */
        size_t n = strlen(after[k]);
        if (strncmp(t + i, after[k], n) == 0 && i + n < len && !opens_range(t + i + n) &&
            !starts_closing_mark(t + i + n) && !(strict && cuts_year_word(t, i + n)) &&
            gw_zh_display_width(t + from, i + n - from) <= cap) {
          before_best = best;
          best = i + n;
        }
      }
  /* not 2024年4月 / 底前 when 2024年 / 4月底前 fits: a word or two left
   * alone on the last line reads as cut off */
  if (before_best && gw_zh_display_width(t + best, len - best) <= 4 &&
      gw_zh_display_width(t + before_best, len - before_best) <= cap)
    return before_best;
  /* 完成主体工程，…, past the whole line (not its column to spare):
   * between words, not inside one (主体工 / 程), nor between a number and
   * its 年 */
  if (!best && gw_zh_display_width(t + from, len - from) > cap + 1) {
    size_t *words = NULL;
    long nw = gw_zh_word_breaks(t, len, &words);
    for (long k = 0; k < nw; k++) {
      size_t next = k + 1 < nw ? words[k + 1] : len; /* the word the line starts with */
      if (words[k] > from && words[k] < len && !starts_closing_mark(t + words[k]) &&
          !(t[words[k] - 1] >= '0' && t[words[k] - 1] <= '9') &&
          gw_zh_display_width(t + words[k], next - words[k]) >= 4 &&
          gw_zh_display_width(t + from, words[k] - from) >= 4 && /* not 每 / 季度末 */
          gw_zh_display_width(t + from, words[k] - from) <= cap)
        best = words[k];
    }
    free(words);
  }
  return best;
}

/* A deadline too wide for its column breaks after 年, 月 or 日 (or a
 * clause's ，), never inside a number: an explicit break at the latest
 * such point that fits the line, with a column to spare for the
 * renderer's rounding (a word processor breaks 2024年12 / 月). A cell the
 * drafter broke or marked up is left alone. */
static void break_deadline(gw_build *b, gw_cell *cell, int col_twips) {
  size_t cap = cell_line_cols(b, col_twips);
  if (cap < 5 || !gw_runs_plain(&cell->runs))
    return;
  const char *t = gw_runs_text(b->arena, &cell->runs);
  size_t len = strlen(t), n = 0;
  size_t *at = gw_arena_alloc(b->arena, (len + 1) * sizeof *at);
  for (size_t from = 0; gw_zh_display_width(t + from, len - from) > cap - 1;) {
    size_t next = deadline_break(t, len, from, cap - 1);
    if (!next)
      break;
    at[n++] = from = next;
  }
  if (n)
    break_cell(b, cell, t, at, n);
}

/* The index's rows: the units in order, then the groups the rows name
 * (各乡镇（街道）, 县直各单位), each once: whose office works through the
 * list looks for its own line, and a 乡镇 has no other. 各有关部门 is no
 * office to look. */
static unit_list index_units(gw_build *b, const dv_plan *p, const unit_list *order) {
  unit_list all = {0};
  for (size_t i = 0; i < order->count; i++)
    unit_add(b, &all, order->names[i], order->folded[i]);
  for (const dv_row *row = p->rows; row; row = row->next)
    for (size_t c = 0; c < p->ncols && !row->category; c++)
      for (size_t i = 0; i < row->units[c].count; i++) {
        const dv_unit *u = &row->units[c].items[i];
        /* 各有关部门 and 其他成员单位 name no reader of the list */
        if (!u->collective || unit_find_name(&all, u->name) >= 0 || strstr(u->name, "有关") ||
            strstr(u->name, "相关") || strstr(u->name, "其他"))
          continue;
        const char *folded = fold(b, u->name);
        if (unit_find(&all, folded) < 0)
          unit_add(b, &all, u->name, folded);
      }
  return all;
}

static gw_table *index_table(gw_build *b, const dv_plan *p, const options *o,
                             const unit_list *declared) {
  gw_table *t = gw_arena_alloc(b->arena, sizeof *t);
  size_t n;
  const char **heads = gw_build_str_list(b, gw_val_path(b->config, "division.index_columns"), &n);
  if (n != 3) {
    gw_error(b->diags, gw_build_front_pos(b),
             "模板的 division.index_columns 应有三项：单位、牵头任务、参与任务");
    return NULL;
  }
  add_header_row(b, t, heads, n);
  unit_list all = index_units(b, p, declared);
  const unit_list *order = &all;
  const char **lists = item_lists(b, p, o, order);
  for (size_t i = 0; i < order->count; i++) {
    if (!*lists[2 * i] && !*lists[2 * i + 1])
      continue; /* a listed unit with no task: an empty line reads as left out */
    gw_row *row = add_table_row(b, t, gw_build_front_pos(b));
    add_cell(b, row, text_runs(b, order->names[i]), GW_ROLE_TABLE_CELL, 1);
    add_cell(b, row, text_runs(b, lists[2 * i]), GW_ROLE_TABLE_CELL, 1);
    add_cell(b, row, text_runs(b, lists[2 * i + 1]), GW_ROLE_TABLE_CELL, 1);
  }
  bool unit_col[3] = {true, false, false};
  balance_widths(b, t, unit_col, -1, 0, NULL, 0, b->doc->layout.text_w, NULL);
  for (gw_row *row = t->rows; row; row = row->next)
    if (!row->header)
      for (gw_cell *c = row->cells ? row->cells->next : NULL; c; c = c->next)
        break_after_commas(b, c, t->col_twips[c == row->cells->next ? 1 : 2]);
  return t;
}

/* ---- The document. ---- */

/* An extract's title names its unit (division.unit_title). */
static const char *unit_titled(gw_build *b, const char *title) {
  if (!title || !b->unit)
    return title;
  /* （各乡镇〔街道〕）: brackets inside brackets take another form (GB/T
   * 15834 4.9) */
  gw_buf unit = {0};
  for (const char *u = b->unit; *u;) {
    const char *swap = strncmp(u, "（", 3) == 0 ? "〔" : strncmp(u, "）", 3) == 0 ? "〕" : NULL;
    if (swap)
      gw_buf_puts(&unit, swap);
    else
      gw_buf_append(&unit, u, 1);
    u += swap ? 3 : 1;
  }
  const char *names[] = {"title", "unit", NULL};
  const char *values[] = {title, gw_arena_strndup(b->arena, unit.data, unit.len), NULL};
  gw_buf_free(&unit);
  return gw_build_format(b, template_text(b, "division.unit_title"), names, values);
}

/* The title as written (the notice's, when the plan comes with one). */
static const char *written_title(gw_build *b, const dv_plan *p) {
  const char *title = gw_build_str(b, "title", !p->title_heading);
  if (!title && p->title_heading)
    title = gw_build_plain_text(b, p->title_heading);
  return title ? title : "";
}

static void add_table_block(gw_build *b, gw_table *t) {
  gw_block *block = gw_doc_add(b->doc, GW_BLOCK_TABLE, GW_ROLE_TABLE_CELL);
  block->pos = t->rows ? t->rows->pos : gw_build_front_pos(b);
  block->table = t;
}

static void add_section_end(gw_build *b, bool landscape) {
  gw_doc_add_section(b->doc, landscape);
}

/* A portrait section ends after `at` (the notice): the page break `next`
 * asked for is the section's own. */
static void end_section_after(gw_build *b, gw_block *at, gw_block *next) {
  gw_doc_insert_after(b->doc, at, GW_BLOCK_SECTION, GW_ROLE_BODY)->landscape = false;
  next->page_break_before = false;
}

static void add_blocks(gw_build *b, gw_body_state *st, cmark_node **nodes, size_t n) {
  for (size_t i = 0; i < n; i++)
    gw_body_block(b, st, nodes[i], 0);
}

/* An extract for one unit (--unit) goes to that unit: the 主送 line of
 * the whole plan (各乡镇党委，县直各单位：) names it instead. */
static void address_extract(gw_build *b, gw_block *from) {
  if (!b->unit)
    return;
  for (gw_block *k = from; k; k = k->next)
    if (k->kind == GW_BLOCK_PARA && k->role == GW_ROLE_ADDRESSEE) {
      const char *to = gw_arena_printf(b->arena, "%s：", b->unit);
      k->runs = (gw_runs){0};
      gw_runs_append(b->arena, &k->runs, GW_RUN_TEXT, to, strlen(to));
      return;
    }
}

/* The numbers of the table's categories, into the state the closing's
 * headings are checked with: 一、总体要求 before the table, 二、重点任务 a
 * category in it, 三、保障措施 after it run on. */
static void note_categories(gw_build *b, dv_plan *p) {
  size_t n = 0;
  for (const dv_row *r = p->rows; r; r = r->next)
    n += r->category;
  p->category_rows = gw_arena_alloc(b->arena, (n + 1) * sizeof *p->category_rows);
  for (const dv_row *r = p->rows; r; r = r->next)
    if (r->category)
      p->category_rows[p->ncategory_rows++] = r;
}

static void count_categories(gw_build *b, const dv_plan *p, gw_body_state *st) {
  for (size_t i = 0; i < p->ncategory_rows; i++) {
    const dv_row *r = p->category_rows[i];
    gw_section_number sn;
    const char *text = gw_runs_text(b->arena, &r->cells[0]);
    if (!text || !gw_section_number_read(text, &sn) || sn.value < 0 || sn.level > 4)
      continue;
    st->last_number[sn.level - 1] = sn.value;
    st->last_mark[sn.level - 1] = gw_arena_strndup(b->arena, text + sn.start, sn.mark_end - sn.start);
    for (int i = sn.level; i < 4; i++)
      st->last_number[i] = 0;
  }
}

/* The 印发 date, read with the rest of the front matter (before the body,
 * so that a bad date is reported in the same run as the body's errors). */
typedef struct {
  bool ok;
  int y, m, d;
} issued_date;

static issued_date read_issued_date(gw_build *b) {
  issued_date date = {false, 0, 0, 0};
  date.ok = gw_build_date(b, "date", false, &date.y, &date.m, &date.d) == 0;
  return date;
}

/* The 版记: 抄送 rows from `distribution`, then the 印发 line. */
static void add_tail(gw_build *b, const char *issuer, issued_date issued) {
  gw_tail *tail = gw_build_tail(b);
  if (issued.ok) {
    char *date = gw_zh_date(issued.y, issued.m, issued.d);
    const char *names[] = {"date", NULL};
    const char *values[] = {date ? date : "", NULL};
    tail->issued_left = issuer ? issuer : "";
    tail->issued_right = gw_build_format(b, template_text(b, "formats.issued"), names, values);
    free(date);
  }
  if (tail->rows || tail->issued_right)
    gw_doc_add(b->doc, GW_BLOCK_TAIL, GW_ROLE_TAIL)->tail = tail;
}

/* The parenthesised note a measure ends with when it names a role
 * (牵头, 负责, 配合 …) that the prose reader could not take apart, or NULL. */
static const char *unread_note(gw_build *b, const gw_runs *measure) {
  static const char *const roles[] = {"牵头", "负责", "配合", "落实", "参与", NULL};
  const char *text = gw_runs_text(b->arena, measure);
  const char *open = NULL;
  for (const char *q = text; (q = strstr(q, "（")); q += strlen("（"))
    open = q;
  const char *close = open ? strstr(open, "）") : NULL;
  if (!close)
    return NULL;
  const char *note = gw_arena_strndup(b->arena, open + strlen("（"),
                                      (size_t)(close - open) - strlen("（"));
  for (int i = 0; roles[i]; i++)
    if (strstr(note, roles[i]))
      return note;
  return NULL;
}

/* Warnings for an item that names no unit at all, or no lead unit while
 * the plan has a 牵头 column. (A missing deadline is not warned about:
 * published plans often give none in their prose items.) */
static void check_items_have_units(gw_build *b, const dv_plan *p, bool index) {
  if (p->lead_col < 0 && p->share_col < 0)
    return;
  for (const dv_row *row = p->rows; row; row = row->next) {
    size_t named = 0;
    for (size_t c = 0; c < p->ncols; c++)
      named += row->units[c].count;
    if (!row->category && !named) {
      const char *note = p->measure_col >= 0 ? unread_note(b, &row->cells[p->measure_col]) : NULL;
      if (note)
        gw_warning(b->diags, row->pos,
                   "括号里的“%s”没有读懂，单位没有排进表格：请写成（某单位牵头，某单位配合，"
                   "完成时限）的形式",
                   note);
      else
        gw_warning(b->diags, row->pos, "这一项没有写明牵头单位或责任单位");
    } else if (!row->category && p->lead_col >= 0 && !row->units[p->lead_col].count &&
               p->share_col >= 0 && row->units[p->share_col].count) {
      if (index)
        gw_warning(b->diags, row->pos,
                   "这一项没有牵头单位：各单位任务清单里按责任单位中的第一个“%s”牵头计；"
                   "如不是，请补上牵头单位",
                   row->units[p->share_col].items[0].name);
      else
        gw_warning(b->diags, row->pos, "这一项没有牵头单位，牵头单位一格空着：请补上牵头单位");
    }
  }
}

/* Is `name`, read from a unit column, a deadline (2024年12月底前, 长期坚持)?
 * Asked of the prose reader, which knows how deadlines are written. A
 * listed unit is none; without units: only a date with a figure is one
 * (长期护理保险服务中心 is a unit, 长期 notwithstanding). */
static bool reads_as_deadline(gw_build *b, const dv_plan *p, const char *name) {
  if (p->units_declared && dv_unit_listed(b, p, name))
    return false;
  bool figure = false;
  for (int32_t i = 0, n = (int32_t)strlen(name); i < n && !figure;) {
    UChar32 c;
    U8_NEXT(name, i, n, c);
    figure = u_isdigit(c);
  }
  if (!p->units_declared && !figure)
    return false;
  dv_prose pr;
  dv_parse_prose(b->arena, gw_arena_printf(b->arena, "（%s）", name), &pr);
  return pr.deadline && !pr.lead && !pr.share;
}

/* A deadline written in a unit column of a row whose 完成时限 is empty:
 * a table row one cell short (| 3 | 任务 | 市发展改革委 | 2024年12月底前 |)
 * puts it there. Said as such, not as a unit missing from units:; the
 * mention is dropped (from a copy: a merged cell shares its list). */
static bool misplaced_deadline(gw_build *b, const dv_plan *p, dv_row *row) {
  for (size_t c = 0; c < p->ncols; c++)
    for (size_t i = 0; p->unit_col[c] && i < row->units[c].count; i++) {
      const dv_unit *u = &row->units[c].items[i];
      if (u->collective || !reads_as_deadline(b, p, u->name))
        continue;
      if (row->from_table)
        gw_error(b->diags, u->pos,
                 "这一行少了一格：“%s”是完成时限，却排在了“%s”一列，完成时限一格空着："
                 "请补齐这一行的单元格（空着的格也要写出 | |）",
                 u->name, p->columns[c]);
      else
        gw_error(b->diags, u->pos, "“%s”是完成时限，不是单位：请写在“%s”里", u->name,
                 p->columns[p->deadline_col]);
      dv_units *units = &row->units[c];
      dv_unit *kept = gw_arena_alloc(b->arena, units->count * sizeof *kept);
      memcpy(kept, units->items, i * sizeof *kept);
      memcpy(kept + i, units->items + i + 1, (units->count - i - 1) * sizeof *kept);
      units->items = kept;
      units->count--;
      return true;
    }
  return false;
}

/* Is unit `u` written after a colon, as the value of a field (- 责任单位：
 * 县财政局) or of a labelled clause, rather than in a prose bracket (……。
 * （县财政局牵头，…）)? The body keeps no note of the form an item was
 * written in; the source before the name tells. */
static bool after_colon(gw_build *b, const dv_unit *u) {
  const gw_source *src = b->src;
  if (!u->pos.line || u->pos.line > src->line_count)
    return false;
  size_t start = src->line_starts[u->pos.line - 1];
  size_t end = u->pos.line < src->line_count ? src->line_starts[u->pos.line] : src->len;
  size_t at = start;
  U8_FWD_N(src->text, at, end, u->pos.col - 1);
  while (at > start && src->text[at - 1] == ' ')
    at--;
  return (at > start && src->text[at - 1] == ':') ||
         (at >= start + strlen("：") && memcmp(src->text + at - strlen("："), "：", strlen("：")) == 0);
}

/* Was the row written in the structured forms, a table row or a list item
 * with fields, where a 完成时限 has a place of its own? */
static bool written_in_columns(gw_build *b, const dv_plan *p, const dv_row *row) {
  size_t named = 0;
  for (size_t c = 0; c < p->ncols; c++)
    named += row->units[c].count;
  if (!named)
    return false; /* warned about as naming no unit: one warning a row */
  if (row->from_table)
    return true;
  for (size_t c = 0; c < p->ncols; c++) /* a field's value starts after its colon */
    if (row->units[c].count && after_colon(b, &row->units[c].items[0]))
      return true;
  return false;
}

/* The number written in figures at t[*i] (ASCII or full width: ICU's
 * decimal digit values), *i moved past it; -1 when no figure is there,
 * or more than four (no part of a date). */
static long figures_at(const char *t, int32_t len, int32_t *i) {
  long n = -1;
  int digits = 0;
  for (int32_t k = *i; k < len;) {
    UChar32 c;
    U8_NEXT(t, k, len, c);
    int32_t v = u_charDigitValue(c);
    if (v < 0)
      break;
    if (++digits > 4)
      return -1;
    n = (n < 0 ? 0 : n * 10) + v;
    *i = k;
  }
  return n;
}

static bool word_at(const char *t, int32_t len, int32_t i, const char *word) {
  int32_t n = (int32_t)strlen(word);
  return len - i >= n && memcmp(t + i, word, (size_t)n) == 0;
}

/* A date in a deadline that does not exist (2024年13月底前, 2024年2月30日):
 * its bytes t[*from, *to), its month in *month and day in *day (-1 when
 * it gives none), its year in *year (0 when none); false when all exist. */
static bool impossible_date(const char *t, int32_t *from, int32_t *to, long *year, long *month,
                            long *day) {
  int32_t len = (int32_t)strlen(t);
  for (int32_t i = 0; i < len;) {
    int32_t start = i, k = i;
    long first = figures_at(t, len, &k);
    if (first < 0) {
      U8_FWD_1(t, i, len);
      continue;
    }
    *year = 0;
    *month = *day = -1;
    if (word_at(t, len, k, "年")) {
      *year = first;
      int32_t m = k += (int32_t)strlen("年");
      long n = figures_at(t, len, &m);
      if (n >= 0 && word_at(t, len, m, "月")) {
        *month = n;
        k = m + (int32_t)strlen("月");
      }
    } else if (word_at(t, len, k, "月")) {
      *month = first;
      k += (int32_t)strlen("月");
    }
    int32_t d = k;
    long n = *month >= 0 ? figures_at(t, len, &d) : -1;
    if (n >= 0 && word_at(t, len, d, "日")) {
      *day = n;
      k = d + (int32_t)strlen("日");
    }
    /* no year: 2000, a leap year, so that 2月29日 may be */
    if (*month >= 0 && (*month < 1 || *month > 12 ||
                        (*day >= 0 && !gw_zh_date_valid(*year ? (int)*year : 2000, (int)*month,
                                                        (int)*day)))) {
      *from = start;
      *to = k;
      return true;
    }
    i = k;
  }
  return false;
}

/* Where `text` is written in the row's lines, or the row's own place. */
static gw_pos pos_in_row(gw_build *b, const dv_row *row, const char *text) {
  const gw_source *src = b->src;
  gw_pos pos = row->pos;
  size_t start = pos.line && pos.line <= src->line_count ? src->line_starts[pos.line - 1] : src->len;
  size_t end = row->next && row->next->pos.line > pos.line && row->next->pos.line <= src->line_count
                   ? src->line_starts[row->next->pos.line - 1]
                   : src->len;
  const char *at = start < end ? memmem(src->text + start, end - start, text, strlen(text)) : NULL;
  if (at)
    pos = gw_source_pos_at(src, (size_t)(at - src->text));
  return pos;
}

/* A numeric date at t[i] (2024.12, 2024-12-31, 2024/6, not inside a
 * longer number): its length and parts, or 0. */
static size_t numeric_date_at(const char *t, size_t i, long *y, long *m, long *d) {
  if (i > 0 && ((t[i - 1] >= '0' && t[i - 1] <= '9') || t[i - 1] == '.'))
    return 0;
  char *end;
  *y = strtol(t + i, &end, 10);
  *m = *d = 0;
  char sep = *end;
  if (end - (t + i) != 4 || *y < 1900 || *y > 2100 || (sep != '.' && sep != '-' && sep != '/'))
    return 0;
  const char *q = end + 1;
  if (*q < '0' || *q > '9')
    return 0;
  *m = strtol(q, &end, 10);
  if (end - q > 2 || *m < 1 || *m > 12)
    return 0;
  if (*end == sep && end[1] >= '0' && end[1] <= '9') {
    q = end + 1;
    *d = strtol(q, &end, 10);
    if (end - q > 2 || !gw_zh_date_valid((int)*y, (int)*m, (int)*d))
      return 0;
  }
  if ((*end >= '0' && *end <= '9') || *end == '.' || *end == sep)
    return 0; /* 2024.12.31.5, 2024-12-3-1: no date */
  return (size_t)(end - (t + i));
}

/* 2024.12, 2024-12-31 or 2024.3—2024.12 as a 完成时限 (a spreadsheet's
 * dates): set as a 公文 writes dates, 2024年12月, 2024年12月31日, every
 * one of them, with a word. The words after them (底前) stay. */
static void write_out_numeric_deadline(gw_build *b, const dv_plan *p, dv_row *row) {
  const char *t = gw_runs_text(b->arena, &row->cells[p->deadline_col]);
  gw_buf out = {0};
  size_t len = strlen(t), from = 0, dates = 0;
  for (size_t i = 0; i < len; i++) {
    long y, m, d;
    size_t n = numeric_date_at(t, i, &y, &m, &d);
    if (!n)
      continue;
    gw_buf_append(&out, t + from, i - from);
    char date[48];
    if (d)
      snprintf(date, sizeof date, "%ld年%ld月%ld日", y, m, d);
    else
      snprintf(date, sizeof date, "%ld年%ld月", y, m);
    gw_buf_puts(&out, date);
    from = i + n;
    i = from - 1;
    dates++;
  }
  if (dates) {
    gw_buf_append(&out, t + from, len - from);
    const char *fixed = gw_arena_strndup(b->arena, out.data, out.len);
    gw_warning(b->diags, pos_in_row(b, row, t),
               "%s“%s”已排作“%s”：公文中的日期写作“年月日”；请在源文件里也改过来",
               p->columns[p->deadline_col], t, fixed);
    row->cells[p->deadline_col] = (gw_runs){0};
    gw_runs_append(b->arena, &row->cells[p->deadline_col], GW_RUN_TEXT, fixed, strlen(fixed));
  }
  gw_buf_free(&out);
}

/* A 完成时限 that names a date that does not exist is an error, as lint
 * says (its [date] rule, worded alike): a plan must not set an impossible
 * deadline. Reported where the date is written in the row's lines. */
static void check_deadline_date(gw_build *b, const dv_plan *p, const dv_row *row) {
  const char *t = gw_runs_text(b->arena, &row->cells[p->deadline_col]);
  int32_t from, to;
  long y, m, d;
  if (!impossible_date(t, &from, &to, &y, &m, &d))
    return;
  const char *date = gw_arena_strndup(b->arena, t + from, (size_t)(to - from));
  gw_pos pos = pos_in_row(b, row, date);
  if (m < 1 || m > 12)
    gw_error(b->diags, pos, "日期不存在：“%s”中没有第 %ld 月", date, m);
  else if (y)
    gw_error(b->diags, pos, "日期不存在：%ld年%ld月没有%ld日（“%s”）", y, m, d, date);
  else
    gw_error(b->diags, pos, "日期不存在：%ld月没有%ld日（“%s”）", m, d, date);
}

/* The latest year and month a deadline names (2025年6月底前 → 2025, 6;
 * 2025年底前 → 2025, 12), or false when it names none. A plan's items
 * are due after it is issued. */
static bool latest_month(const char *t, int *year, int *month) {
  bool found = false;
  for (const char *p = t; (p = strstr(p, "年")); p += strlen("年")) {
    const char *q = p;
    while (q > t && q[-1] >= '0' && q[-1] <= '9')
      q--;
    if (p - q != 4)
      continue;
    int y = atoi(q), m = 12;
    const char *after = p + strlen("年");
    if (*after >= '1' && *after <= '9') {
      char *end;
      long mm = strtol(after, &end, 10);
      if (strncmp(end, "月", strlen("月")) == 0 && mm >= 1 && mm <= 12) {
        m = (int)mm;
        after = end + strlen("月");
      }
    }
    if (strncmp(after, "起", strlen("起")) == 0 || strncmp(after, "开始", strlen("开始")) == 0 ||
        strncmp(after, "以来", strlen("以来")) == 0)
      continue; /* 2021年起长期坚持, 2024年3月开始: a start, not a deadline */
    if (!found || y > *year || (y == *year && m > *month))
      *year = y, *month = m;
    found = true;
  }
  return found;
}

/* 2024年12月底前 in a plan issued 2025年3月1日: last year's plan copied,
 * its deadline left. */
static void check_deadline_after_issue(gw_build *b, const dv_plan *p, const dv_row *row,
                                       int issued_y, int issued_m) {
  const char *t = gw_runs_text(b->arena, &row->cells[p->deadline_col]);
  int y = 0, m = 0;
  if (issued_y <= 0 || !latest_month(t, &y, &m) || y > issued_y ||
      (y == issued_y && m >= issued_m))
    return;
  gw_warning(b->diags, pos_in_row(b, row, t),
             "完成时限“%s”早于本文的日期（%d年%d月）：是否沿用了往年的时限？请核对", t, issued_y,
             issued_m);
}

/* An item without a 完成时限 (a list item without the field, a table
 * row whose cell is empty) is warned about when at least half the items
 * of the plan give one: then it is a gap. Items in prose are left alone,
 * and so is a plan whose items mostly give none: published plans often
 * give none in their prose items (samples/yangqu-division.md), and one
 * dated item among six is no rule the others broke. */
static void check_deadlines(gw_build *b, dv_plan *p, int issued_y, int issued_m) {
  if (p->deadline_col < 0)
    return;
  /* of the items written by columns (list fields, table cells): prose
   * items are left alone, so they count for nothing either way */
  size_t items = 0, dated = 0, nbare = 0;
  dv_row **bare = gw_arena_alloc(b->arena, (p->items + 1) * sizeof *bare);
  for (dv_row *row = p->rows; row; row = row->next) {
    if (row->category)
      continue;
    if (row->cells[p->deadline_col].first) {
      write_out_numeric_deadline(b, p, row);
      check_deadline_date(b, p, row);
      check_deadline_after_issue(b, p, row, issued_y, issued_m);
      items++, dated++;
    } else if (misplaced_deadline(b, p, row)) {
      items++, dated++; /* said as a row a cell short */
    } else if (written_in_columns(b, p, row) && nbare < p->items) {
      items++;
      bare[nbare++] = row;
    }
  }
  if (!dated || 2 * dated < items)
    return;
  for (size_t i = 0; i < nbare; i++) {
    const dv_row *row = bare[i];
    if (row->from_table)
      gw_warning(b->diags, row->pos, "这一行的“%s”一格空着：请补上（如“2024年6月底前”"
                 "“长期坚持”）；如是这一行少写了一格，请补齐", p->columns[p->deadline_col]);
    else
      gw_warning(b->diags, row->pos, "这一项没有写%s：请补上（如“%s：2024年6月底前”"
                 "或“长期坚持”）", p->columns[p->deadline_col], p->columns[p->deadline_col]);
  }
}

/* Are the blocks after `before` at most division.landscape_preamble_chars
 * characters (a line or two before the table)? */
static bool short_preamble(const options *o, const gw_block *before) {
  if (o->landscape_text_chars < 0)
    return false;
  size_t chars = 0;
  for (const gw_block *k = before->next; k; k = k->next) {
    if (k->kind != GW_BLOCK_PARA && k->kind != GW_BLOCK_BLANK)
      return false; /* a table or a picture: keep the old layout */
    size_t n;
    gw_runs_measure(&k->runs, &n);
    chars += n;
  }
  return chars <= (size_t)o->landscape_text_chars;
}

/* Are the paragraphs after the table at most
 * division.landscape_preamble_chars long, as a short preamble is? */
static bool short_closing(gw_build *b, const options *o, const dv_plan *p) {
  if (o->landscape_text_chars < 0)
    return false;
  size_t chars = 0;
  for (size_t i = 0; i < p->nclosing; i++) {
    if (cmark_node_get_type(p->closing[i]) != CMARK_NODE_PARAGRAPH)
      return false;
    const char *text = gw_build_plain_text(b, p->closing[i]);
    chars += gw_zh_count_chars(text, strlen(text));
  }
  return chars <= (size_t)o->landscape_text_chars;
}

/* ---- A notice that issues the plan as its attachment. ---- */

/* The plan's own title in a notice's: 关于印发《X》的通知 → X, or NULL. */
static const char *issued_title(gw_build *b, const char *notice) {
  const char *open = strstr(notice, "《"), *close = NULL;
  for (const char *q = open; q && (q = strstr(q, "》")); q += strlen("》"))
    close = q;
  if (!open || !close || close <= open + strlen("《"))
    return NULL;
  return gw_arena_strndup(b->arena, open + strlen("《"), (size_t)(close - open) - strlen("《"));
}

/* The name of the first attachment in the notice's 附件说明 (附件：1.甲
 * or 附件：甲), or NULL. */
static const char *first_attachment_name(gw_build *b, cmark_node **nodes, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (cmark_node_get_type(nodes[i]) != CMARK_NODE_PARAGRAPH)
      continue;
    const char *t = gw_build_plain_text(b, nodes[i]);
    size_t colon = dv_attachment_note_len(t);
    if (!colon)
      continue;
    t += colon;
    t += dv_number_prefix(t);
    size_t a = 0, z = strlen(t);
    gw_build_trim(t, &a, &z);
    return z > a ? gw_arena_strndup(b->arena, t + a, z - a) : NULL;
  }
  return NULL;
}

/* How many preamble blocks are the notice the plan is issued with: those
 * before its 附件 label (附件 / # 方案标题 further down), or before the
 * plan's `#` title when the front matter titles the notice; 0 when the
 * source is the plan alone. *label: the notice ends at an 附件 line. */
static size_t notice_blocks(gw_build *b, const dv_plan *p, const char *title, bool *label,
                            const char **plan_title) {
  *label = false;
  *plan_title = p->title_heading ? gw_build_plain_text(b, p->title_heading) : NULL;
  bool titled = gw_build_str(b, "title", false) != NULL;
  for (size_t i = 1; i < p->npreamble; i++)
    if (dv_mid_attachment_label(b, p->preamble[i])) {
      if (!*plan_title || (p->title_heading && p->title_at <= i))
        *plan_title = issued_title(b, title);
      if (!*plan_title)
        *plan_title = first_attachment_name(b, p->preamble, i);
      if (!*plan_title) /* its title again */
        *plan_title = title;
      if (!titled)
        gw_warning(b->diags, gw_build_front_pos(b),
                   "这份分工方案随通知印发：通知的标题请写在前置元数据的 title 里，"
                   "如“title: 关于印发《……》的通知”");
      *label = true;
      return i;
    }
  /* a # title inside the preamble, under a notice that ends with its date
   * (not # 有关要求 in the closing, nor # 一、总体要求) */
  bool dated = false;
  for (size_t i = 0; p->title_heading && i < p->title_at && i < p->npreamble; i++)
    dated = dated || (cmark_node_get_type(p->preamble[i]) == CMARK_NODE_PARAGRAPH &&
                      dv_is_date_line(gw_build_plain_text(b, p->preamble[i])));
  if (titled && dated && p->title_in_preamble && !gw_has_section_number(*plan_title) &&
      strcmp(*plan_title, title) != 0)
    return p->title_at;
  return 0;
}

static const char *block_text(gw_build *b, const gw_block *k) {
  if (k->kind != GW_BLOCK_PARA || k->role != GW_ROLE_BODY)
    return NULL;
  const char *t = gw_runs_text(b->arena, &k->runs);
  size_t a = 0, z = strlen(t);
  gw_build_trim(t, &a, &z);
  return gw_arena_strndup(b->arena, t + a, z - a);
}

/* A blank line after `at`, unless one is there. */
static void blank_after(gw_build *b, gw_block *at) {
  if (at->kind != GW_BLOCK_BLANK && !(at->next && at->next->kind == GW_BLOCK_BLANK))
    gw_doc_insert_after(b->doc, at, GW_BLOCK_BLANK, GW_ROLE_BODY);
}

/* （此件公开发布）: a 附注 under the date (GB/T 9704 7.3.6). */
static bool is_note(gw_build *b, const gw_block *k) {
  const char *t = block_text(b, k);
  size_t n = t ? strlen(t) : 0;
  return n > 6 && strncmp(t, "（", 3) == 0 && strcmp(t + n - 3, "）") == 0;
}

/* 成文日期 in Arabic figures, 年 月 日 in full and no zero added (GB/T
 * 9704 7.3.5.4): 2025.3.10, 2025年03月10日 and 二〇二五年三月十日 are set
 * 2025年3月10日. */
static void write_date_out(gw_build *b, gw_block *date) {
  int y, m, d;
  if (gw_parse_date(block_text(b, date), &y, &m, &d) != 0)
    return;
  char *s = gw_zh_date(y, m, d);
  if (!s)
    return;
  const char *text = gw_arena_strdup(b->arena, s);
  free(s);
  date->runs = (gw_runs){0};
  gw_runs_append(b->arena, &date->runs, GW_RUN_TEXT, text, strlen(text));
}

/* Twips the signature role's text `t` takes. */
static int signature_width(const gw_layout *L, const char *t) {
  return (int)(gw_zh_display_width(t, strlen(t)) * (size_t)L->roles[GW_ROLE_SIGNATURE].size_half_pt *
               5);
}

/* 发文机关署名 (one line, or one per issuer) over 成文日期 at the end of
 * the blocks after `from`: set from the right as GB/T 9704 7.3.5 says,
 * one blank line under the text. */
static void place_signature(gw_build *b, gw_block *from) {
  const gw_layout *L = &b->doc->layout;
  gw_block *names[4], *date = NULL, *before = from;
  size_t n = 0;
  for (gw_block *k = from ? from->next : NULL; k; k = k->next) {
    const char *t = block_text(b, k);
    /* the last block, or followed by a 附注 alone (（此件公开发布）) */
    if (t && dv_is_date_line(t) && n && (!k->next || (is_note(b, k->next) && !k->next->next))) {
      date = k;
      break;
    }
    if (t && dv_is_signature_name(t) && n < 4) {
      names[n++] = k; /* `before` stays the block before the first */
    } else {
      n = 0;
      before = k;
    }
  }
  if (!date)
    return;
  write_date_out(b, date);
  int wd = signature_width(L, block_text(b, date)), widest = 0;
  for (size_t i = 0; i < n; i++) {
    int w = signature_width(L, block_text(b, names[i]));
    widest = w > widest ? w : widest;
  }
  int date_right, name_right; /* name_right: the widest name's, unsealed */
  if (L->signature.seal) { /* 7.3.5.1: each name centred over the date, below */
    date_right = L->signature.date_right_twips;
    name_right = 0;
  } else { /* 7.3.5.2: the date's first character two right of the name's */
    name_right = L->signature.name_right_twips;
    date_right = name_right + widest - L->signature.date_shift_twips - wd;
    if (date_right < name_right) { /* the date the longer: the name moves left */
      date_right = name_right;
      name_right = date_right + wd + L->signature.date_shift_twips - widest;
    }
  }
  for (size_t i = 0; i < n; i++) {
    int w = signature_width(L, block_text(b, names[i]));
    int right = L->signature.seal ? date_right + (wd - w) / 2 : name_right + widest - w;
    names[i]->role = GW_ROLE_SIGNATURE;
    names[i]->indent_right_twips = right > 0 ? right : 1;
  }
  date->role = GW_ROLE_SIGNATURE;
  date->indent_right_twips = date_right > 0 ? date_right : 1;
  blank_after(b, before); /* one blank line under the text */
  /* the page with the signature carries text too (GB/T 9704 7.3.5) */
  for (gw_block *k = before; k && k != date; k = k->next)
    k->keep_next = true;
}

/* 附件说明: 附件：1.甲 / 2.乙, each name's wrapped lines, and the names
 * below the first, under the first character of the first name (GB/T
 * 9704 7.3.4). */
static void align_attachment_note(gw_build *b, gw_block *from) {
  const gw_layout *L = &b->doc->layout;
  int em = L->roles[GW_ROLE_BODY].size_half_pt * 10, indent = L->roles[GW_ROLE_BODY].indent_twips;
  int half = em / 2, label = 0; /* 附件： */
  for (gw_block *k = from ? from->next : NULL, *prev = from; k; prev = k, k = k->next) {
    const char *t = block_text(b, k);
    size_t colon = t ? dv_attachment_note_len(t) : 0;
    size_t number = t ? dv_number_prefix(t + colon) : 0;
    if (colon)
      label = (int)gw_zh_display_width(t, colon) * half;
    else if (!label || !number || strncmp(t, "附件", strlen("附件")) == 0) {
      label = 0; /* the note ended */
      continue;
    }
    if (colon && k != from->next)
      blank_after(b, prev); /* one blank line under the text */
    int mark = (int)gw_zh_display_width(t + colon, number) * half;
    k->indent_left_twips = indent + label + mark;
    k->hanging_twips = (colon ? label : 0) + mark;
  }
}

static void shape_notice_close(gw_build *b, gw_block *from) {
  align_attachment_note(b, from);
  place_signature(b, from);
}

/* 抄送：… and …2025年3月10日印发 typed at the end of the text: the 版记
 * is made from the front matter, so they would be printed twice. */
static void warn_typed_tail(gw_build *b, gw_block *from) {
  for (gw_block *k = from ? from->next : NULL; k; k = k->next) {
    const char *t = block_text(b, k);
    if (!t)
      continue;
    size_t n = strlen(t);
    bool copy_to = strncmp(t, "抄送：", strlen("抄送：")) == 0 || strncmp(t, "抄送:", strlen("抄送:")) == 0;
    bool issued = n > strlen("日印发") && strcmp(t + n - strlen("日印发"), "日印发") == 0;
    if (copy_to)
      gw_warning(b->diags, k->pos,
                 "这一行像是版记的抄送：抄送要写在前置元数据的 distribution 里（“抄送: [……]”），"
                 "才排在版记里；写在正文里只是一段正文");
    else if (issued)
      gw_warning(b->diags, k->pos,
                 "这一行像是版记的印发机关和日期：版记由前置元数据的 issuer 和 date 排出，"
                 "这一行会印两次：请删去它");
  }
}

/* An attachment's label (附件1: 3号黑体 flush left) and the blank line
 * under it. */
static gw_block *add_attachment_label(gw_build *b, const char *label) {
  gw_block *mark = gw_doc_add_text(b->doc, GW_ROLE_MARK, label);
  gw_doc_add(b->doc, GW_BLOCK_BLANK, GW_ROLE_BODY);
  return mark;
}

/* A title over a portrait page's text, broken into balanced lines, and
 * the blank line under it. */
static void add_portrait_title(gw_build *b, const char *text) {
  gw_block *head = gw_doc_add_text(b->doc, GW_ROLE_TITLE, text);
  head->keep_next = true;
  gw_build_balance_lines(b, &head->runs, GW_ROLE_TITLE, b->doc->layout.text_w);
  gw_doc_add(b->doc, GW_BLOCK_BLANK, GW_ROLE_BODY);
}

/* The text after the table; a plan that ends with its issuer and date
 * (no notice over it) has them set as a signature too. */
static void add_closing(gw_build *b, gw_body_state *prose, dv_plan *p) {
  gw_block *before = b->doc->last;
  for (size_t i = 0; i < p->nclosing; i++) {
    cmark_node *n = p->closing[i];
    const char *label = dv_mid_attachment_label(b, n);
    if (label) { /* 附件2 after the plan: its page, as the first's (7.3.7) */
      gw_block *mark = add_attachment_label(b, label);
      mark->page_break_before = true;
      mark->pos = gw_build_node_pos(b, n);
    } else if (i > 0 && cmark_node_get_type(n) == CMARK_NODE_HEADING &&
               cmark_node_get_heading_level(n) == 1 && dv_mid_attachment_label(b, p->closing[i - 1])) {
      add_portrait_title(b, gw_build_plain_text(b, n));
    } else {
      add_blocks(b, prose, &p->closing[i], 1);
    }
  }
  if (before)
    shape_notice_close(b, before);
  warn_typed_tail(b, before);
}

/* A notice over the plan: where it begins and ends, and the label its
 * attachment starts with. */
typedef struct {
  size_t blocks;        /* preamble blocks it takes; 0: no notice */
  gw_block *start, *end;
  gw_block *label;      /* 附件1, starting the attachment's page */
} notice_part;

/* A # title the front matter's title: leaves unused is said, not dropped
 * in silence. */
static void warn_unused_heading(gw_build *b, const dv_plan *p, const notice_part *n,
                                const char *plan_title) {
  const char *heading = p->title_heading ? gw_build_plain_text(b, p->title_heading) : NULL;
  if (!heading || !gw_build_str(b, "title", false) ||
      (n->blocks && plan_title && strcmp(plan_title, heading) == 0))
    return;
  gw_warning(b->diags, gw_build_node_pos(b, p->title_heading),
             "前置元数据里已有 title，这个 # 标题没有排出：标题请只写一处；"
             "如是小标题，请用 ## 或写成“一、…”");
}

/* The notice (title, text, 附件说明, signature) and the label of the
 * attachment after it; the preamble left is the plan's. */
static void emit_notice(gw_build *b, dv_plan *p, gw_body_state *prose, const char *title,
                        bool labelled, notice_part *n) {
  add_portrait_title(b, title);
  n->start = b->doc->last; /* the blank line under it */
  add_blocks(b, prose, p->preamble, n->blocks);
  shape_notice_close(b, n->start);
  n->end = b->doc->last;
  /* no 附件 line: the attachment takes its label all the same (7.3.7) */
  const char *label = labelled ? dv_attachment_label(b, p->preamble[n->blocks]) : "附件";
  p->preamble += n->blocks + labelled;
  p->npreamble -= n->blocks + labelled;
  n->label = add_attachment_label(b, label);
  n->label->page_break_before = true;
}

static void emit(gw_build *b, dv_plan *p, const options *o, const unit_list *order,
                 const char *title) {
  gw_doc *doc = b->doc;
  bool labelled;
  const char *plan_title;
  notice_part notice = {0};
  notice.blocks = notice_blocks(b, p, title, &labelled, &plan_title);
  warn_unused_heading(b, p, &notice, plan_title);
  gw_body_state prose = {0}; /* the preamble's and closing's headings */
  if (notice.blocks) { /* the notice, then its attachment from a new page */
    emit_notice(b, p, &prose, title, labelled, &notice);
    title = plan_title;
  }
  title = unit_titled(b, title); /* the plan's, not its notice's */
  const char *label = !notice.blocks && p->npreamble ? dv_attachment_label(b, p->preamble[0]) : NULL;
  if (label) { /* 3号黑体 flush left on line 1, the title on line 3 */
    p->preamble++;
    p->npreamble--;
    add_attachment_label(b, label);
  }
  gw_block *head = gw_doc_add_text(doc, GW_ROLE_TITLE, title);
  head->keep_next = true;
  gw_doc_add(doc, GW_BLOCK_BLANK, GW_ROLE_BODY);
  gw_block *before = doc->last;
  add_blocks(b, &prose, p->preamble, p->npreamble);
  address_extract(b, notice.blocks ? notice.start : before);
  count_categories(b, p, &prose);
  gw_table *t = main_table(b, p, o);
  bool landscape = lay_out_table(b, p, o, t);
  warn_cramped_measures(b, p, t);
  /* unit lists break after a 、, deadlines after 年 or 月; a header too
   * wide for its column in halves */
  name_break_cache names = {0};
  for (gw_row *row = t->rows; row; row = row->next) {
    int col = 0;
    for (gw_cell *c = row->cells; c && row->header; c = c->next) {
      if (c->span == 1 && col < t->ncols)
        halve_header(b, c, t->col_twips[col]);
      col += c->span;
    }
    col = 0;
    for (gw_cell *c = row->cells; c && !row->header && !row->category; c = c->next) {
      if (c->span == 1 && col < (int)p->ncols && p->unit_col[col])
        break_unit_cell(b, c, t->col_twips[col], &names);
      else if (c->span == 1 && col == p->deadline_col)
        break_deadline(b, c, t->col_twips[col]);
      col += c->span;
    }
  }
  /* A long preamble stays portrait; with none, or a short one, the
   * title goes on the landscape page with its table, so that the first
   * page is not a title and a line or two (division.landscape_preamble_chars). */
  bool title_portrait = !landscape || (doc->last != before && !short_preamble(o, before));
  if (landscape && title_portrait)
    add_section_end(b, false);
  else if (landscape && notice.blocks) /* the notice stays portrait: its section ends under it */
    end_section_after(b, notice.end, notice.label);
  gw_build_balance_lines(b, &head->runs, GW_ROLE_TITLE,
                         title_portrait ? doc->layout.text_w : doc->layout.text_h);
  add_table_block(b, t);
  bool index = o->index && !b->unit && order->count;
  /* a closing line or two stays on the landscape page under its table
   * (with the 版记, or before the 各单位任务清单) rather than take a
   * portrait page of its own */
  bool short_close = landscape && p->nclosing && short_closing(b, o, p);
  if (p->nclosing && (!landscape || short_close))
    gw_doc_add(doc, GW_BLOCK_BLANK, GW_ROLE_BODY);
  if (short_close)
    add_closing(b, &prose, p);
  bool more = (p->nclosing && !short_close) || index;
  if (landscape && more)
    add_section_end(b, true);
  doc->last_landscape = landscape && !more;
  if (!short_close)
    add_closing(b, &prose, p);
  if (index) {
    gw_table *it = index_table(b, p, o, order);
    gw_block *head = gw_doc_add_text(doc, GW_ROLE_TITLE, template_text(b, "division.index_title"));
    head->keep_next = true;
    /* after a landscape section the new section starts the page */
    head->page_break_before = !(landscape && (!p->nclosing || short_close));
    gw_doc_add(doc, GW_BLOCK_BLANK, GW_ROLE_BODY);
    if (it)
      add_table_block(b, it);
  }
}

/* A table pasted from a spreadsheet leaves a merged cell's text in its
 * first row and the rows below it blank. In a column the drafter asked
 * to merge (merge:), a blank table cell under a filled one in the same
 * category is that cell again: its text and units are copied down, and
 * the equal neighbours then merge as usual. (Rows of lists and prose
 * items are not tables: an item without a unit has none.) */
static void fill_merged_blanks(gw_build *b, dv_plan *p, const options *o) {
  for (size_t col = 0; col < p->ncols; col++) {
    if (!o->merge[col])
      continue;
    const dv_row *above = NULL;
    for (dv_row *row = p->rows; row; row = row->next) {
      if (row->category || !row->from_table) { /* a list or prose item says what it has */
        above = NULL;
        continue;
      }
      bool blank = !row->cells[col].first && !row->units[col].count;
      if (blank && above) {
        for (const gw_run *r = above->cells[col].first; r; r = r->next) {
          gw_run *copy = gw_runs_append(b->arena, &row->cells[col], r->kind, r->text, r->len);
          copy->bold = r->bold;
          copy->role = r->role;
        }
        row->units[col] = above->units[col];
        continue;
      }
      above = blank ? NULL : row;
    }
  }
}

int gw_division_build(gw_build *b, cmark_node *root) {
  size_t errors = b->diags->errors;
  dv_plan p = {0};
  if (dv_plan_columns(b, &p, root) < 0)
    return -1;
  options o = {0};
  read_options(b, &p, &o);
  issued_date issued = read_issued_date(b);
  p.units_declared = read_known_units(b, &p.known); /* the body's reading asks it too */
  dv_read_body(b, &p, root);
  fill_merged_blanks(b, &p, &o);
  if (!p.items) {
    if (b->diags->errors == errors) /* else the body's own error says why */
      gw_error(b->diags, gw_build_front_pos(b),
               "正文里没有找到任务：请用编号列表、表格或“……（某单位牵头）”的段落写出各项任务");
    return -1;
  }
  note_categories(b, &p); /* before an extract drops some */
  check_deadlines(b, &p, issued.ok ? issued.y : 0, issued.m); /* first: a deadline in a unit
                                                                   column is no unit */
  unit_list order = {0};
  check_units(b, &p, &order); /* before: a unit marked （牵头） is the lead */
  check_items_have_units(b, &p, o.index);
  number_rows(b->arena, &p, o.per_category);
  check_typed_numbers(b, &p);
  check_repeated_rows(b, &p); /* numbered: the message names the first */
  if (b->unit)
    keep_unit_rows(b, &p, &order); /* its closing's 三、 follows the whole plan's 二、 */
  if (b->diags->errors > errors)
    return -1;
  const char *issuer = gw_build_str(b, "issuer", false);
  if (!issuer && !gw_val_get(b->config, "issuer"))
    gw_warning(b->diags, gw_build_missing_pos(b),
               "没有写 issuer（印发机关）：版记只排印发日期；请在前置元数据里写上“issuer: 某某办公室”");
  const char *title = written_title(b, &p);
  b->doc->title = unit_titled(b, title);
  b->doc->creator = issuer;
  emit(b, &p, &o, &order, title);
  add_tail(b, issuer, issued);
  return b->diags->errors > errors ? -1 : 0;
}
