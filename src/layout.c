/* layout.c - read layout numbers from the merged template. */
#include "layout.h"
#include "zh.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const gw_role_names[] = {
    "body",     "mark",     "masthead", "issue_number", "issuer_line",
    "column",   "contents", "contents_item", "note_label", "note",
    "title",    "subtitle", "heading1", "heading2", "heading3",
    "heading4", "caption",  "tail",     "contact",  "table_header",
    "table_cell", "addressee", "signature"};
_Static_assert(sizeof gw_role_names / sizeof *gw_role_names == GW_ROLE_COUNT, "a name per role");

int gw_mm_to_twips(double mm) { return (int)lround(mm * 1440.0 / 25.4); }
int gw_pt_to_twips(double pt) { return (int)lround(pt * 20.0); }

typedef struct {
  gw_diags *diags;
  const gw_val *config;
  gw_pos where; /* position to blame when a key is missing */
  int failed;
} reader;

static const gw_val *need(reader *r, const gw_val *map, const char *key) {
  const gw_val *v = gw_val_get(map, key);
  if (!v) {
    gw_error(r->diags, map ? map->pos : r->where,
             "模板缺少版式数值 %s：请在模板里补上", key);
    r->failed = 1;
  }
  return v;
}

static int parse_number(const gw_val *v, double *out) {
  if (!v || v->kind != GW_VAL_STR || !*v->str)
    return -1;
  char *end;
  double d = strtod(v->str, &end);
  if (*end || !isfinite(d))
    return -1;
  *out = d;
  return 0;
}

static double number(reader *r, const gw_val *map, const char *key, double lo,
                     double hi) {
  const gw_val *v = need(r, map, key);
  double d = 0;
  if (!v)
    return 0;
  if (parse_number(v, &d) < 0 || d < lo || d > hi) {
    gw_error(r->diags, v->pos, "版式数值 %s 应为 %g 到 %g 之间的数字", key, lo, hi);
    r->failed = 1;
    return lo;
  }
  return d;
}

static double number_or(reader *r, const gw_val *map, const char *key, double lo,
                        double hi, double dflt) {
  return gw_val_get(map, key) ? number(r, map, key, lo, hi) : dflt;
}

static const char *string(reader *r, const gw_val *map, const char *key) {
  const gw_val *v = need(r, map, key);
  if (!v)
    return "";
  if (v->kind != GW_VAL_STR) {
    gw_error(r->diags, v->pos, "版式项 %s 应为文字", key);
    r->failed = 1;
    return "";
  }
  return v->str;
}

/* A size is a Chinese size name from layout.sizes, or points. */
static int size_half_pt(reader *r, const gw_val *sizes, const gw_val *v) {
  double pt;
  if (v && v->kind == GW_VAL_STR) {
    const gw_val *named = gw_val_get(sizes, v->str);
    if (named && parse_number(named, &pt) == 0)
      return (int)lround(pt * 2);
    if (parse_number(v, &pt) == 0 && pt >= 4 && pt <= 200)
      return (int)lround(pt * 2);
  }
  gw_error(r->diags, v ? v->pos : r->where,
           "字号应为字号名称（如 三号、四号）或磅值（如 16）");
  r->failed = 1;
  return 32;
}

/* A colour is a name from layout.colors or six hex digits. */
static const char *color(reader *r, const gw_val *colors, const gw_val *v) {
  if (v && v->kind == GW_VAL_STR) {
    const gw_val *named = gw_val_get(colors, v->str);
    const char *hex = named && named->kind == GW_VAL_STR ? named->str : v->str;
    size_t n = strlen(hex);
    int ok = n == 6;
    for (size_t i = 0; ok && i < n; i++)
      ok = strchr("0123456789abcdefABCDEF", hex[i]) != NULL;
    if (ok)
      return hex;
  }
  gw_error(r->diags, v ? v->pos : r->where,
           "颜色应为 layout.colors 里的名称或六位十六进制数（如 FF0000）");
  r->failed = 1;
  return "000000";
}

static gw_align alignment(reader *r, const gw_val *v) {
  static const char *const names[] = {"left", "center", "right", "both"};
  for (size_t i = 0; v && v->kind == GW_VAL_STR && i < 4; i++)
    if (strcmp(v->str, names[i]) == 0)
      return (gw_align)i;
  gw_error(r->diags, v ? v->pos : r->where,
           "对齐方式应为 left、center、right 或 both");
  r->failed = 1;
  return GW_ALIGN_LEFT;
}

static bool boolean(reader *r, const gw_val *v) {
  if (v && v->kind == GW_VAL_STR &&
      (strcmp(v->str, "true") == 0 || strcmp(v->str, "false") == 0))
    return strcmp(v->str, "true") == 0;
  gw_error(r->diags, v ? v->pos : r->where, "此项应为 true 或 false");
  r->failed = 1;
  return false;
}

static void read_page(reader *r, const gw_val *page, gw_layout *L) {
  L->page_w = gw_mm_to_twips(number(r, page, "width_mm", 50, 2000));
  L->page_h = gw_mm_to_twips(number(r, page, "height_mm", 50, 2000));
  L->top = gw_mm_to_twips(number(r, page, "top_mm", 0, 500));
  L->bottom = gw_mm_to_twips(number(r, page, "bottom_mm", 0, 500));
  L->left = gw_mm_to_twips(number(r, page, "left_mm", 0, 500));
  L->right = gw_mm_to_twips(number(r, page, "right_mm", 0, 500));
  L->header = gw_mm_to_twips(number(r, page, "header_mm", 0, 500));
  L->footer = gw_mm_to_twips(number(r, page, "footer_mm", 0, 500));
  L->text_w = L->page_w - L->left - L->right;
  L->text_h = L->page_h - L->top - L->bottom;
  if (!r->failed && (L->text_w < 1440 || L->text_h < 1440)) {
    gw_error(r->diags, page->pos, "页边距过大：版心不足 1 英寸");
    r->failed = 1;
  }
}

static void read_role(reader *r, const gw_val *layout, const gw_val *spec,
                      int body_size, gw_role_style *s, const gw_layout *L) {
  const gw_val *sizes = gw_val_get(layout, "sizes");
  const gw_val *colors = gw_val_get(layout, "colors");
  const gw_val *v;
  s->font = string(r, spec, "font");
  s->latin = gw_val_get(spec, "latin_font") ? string(r, spec, "latin_font") : L->latin_font;
  s->size_half_pt = size_half_pt(r, sizes, need(r, spec, "size"));
  s->align = (v = gw_val_get(spec, "align")) ? alignment(r, v) : GW_ALIGN_LEFT;
  s->bold = (v = gw_val_get(spec, "bold")) ? boolean(r, v) : false;
  s->color = (v = gw_val_get(spec, "color")) ? color(r, colors, v) : NULL;
  double indent = number_or(r, spec, "indent_chars", 0, 20, 0);
  s->indent_twips = (int)lround(indent * s->size_half_pt * 10);
  s->line_twips = (int)lround(number_or(r, spec, "lines", 0.5, 10, 1) * L->line_twips);
  /* Text in the body size is narrowed onto the character grid (16 pt
   * characters into 15.79 pt cells: 98 %), so 28 fit a line in Word, WPS
   * and LibreOffice alike. Scaling, not negative letter spacing: with
   * spacing LibreOffice drops a comma hanging at the end of a justified
   * line. Other sizes keep their width unless the template sets
   * letter_spacing_pt. */
  s->spacing_twips = 0;
  s->scale_pct = 0;
  if (gw_val_get(spec, "letter_spacing_pt"))
    s->spacing_twips = gw_pt_to_twips(number(r, spec, "letter_spacing_pt", -20, 100));
  else if (s->size_half_pt == body_size && L->char_twips < body_size * 10)
    s->scale_pct = L->char_twips * 100 / (body_size * 10);
}

/* A role a template names that gwdoc has not (titel: for title): it would
 * change nothing, silently. */
static void warn_unknown_roles(reader *r, const gw_val *roles) {
  if (roles->kind != GW_VAL_MAP)
    return;
  for (const gw_val *k = roles->first; k; k = k->next) {
    bool known = false;
    for (int i = 0; i < GW_ROLE_COUNT && !known; i++)
      known = strcmp(k->key, gw_role_names[i]) == 0;
    if (known)
      continue;
    long near = gw_zh_nearest(k->key, gw_role_names, GW_ROLE_COUNT, 2); /* a slip or two */
    if (near >= 0)
      gw_warning(r->diags, k->key_pos, "layout.roles 里没有“%s”这个角色，这一项不起作用：是不是“%s”？",
                 k->key, gw_role_names[near]);
    else
      gw_warning(r->diags, k->key_pos,
                 "layout.roles 里没有“%s”这个角色，这一项不起作用：角色名见 templates/gbt9704.yaml",
                 k->key);
  }
}

/* 发文机关署名 and 成文日期 (GB/T 9704 7.3.5), in body characters; a
 * template older than the key: sealed, the date four characters in. */
static void read_signature(reader *r, const gw_val *sig, gw_layout *L) {
  int em = L->roles[GW_ROLE_SIGNATURE].size_half_pt * 10;
  const gw_val *seal = sig ? gw_val_get(sig, "seal") : NULL;
  L->signature.seal = !seal || boolean(r, seal);
  L->signature.date_right_twips = (int)lround(number_or(r, sig, "date_right_chars", 0, 20, 4) * em);
  L->signature.name_right_twips = (int)lround(number_or(r, sig, "name_right_chars", 0, 20, 2) * em);
  L->signature.date_shift_twips = (int)lround(number_or(r, sig, "date_shift_chars", 0, 20, 2) * em);
}

int gw_layout_read(gw_diags *diags, const gw_val *config, gw_layout *L) {
  reader r = {diags, config, config->pos, 0};
  memset(L, 0, sizeof *L);
  const gw_val *layout = need(&r, config, "layout");
  if (!layout)
    return -1;
  const gw_val *page = need(&r, layout, "page");
  const gw_val *grid = need(&r, layout, "grid");
  const gw_val *roles = need(&r, layout, "roles");
  if (r.failed)
    return -1;
  read_page(&r, page, L);
  L->lines = (int)number(&r, grid, "lines", 1, 200);
  L->chars = (int)number(&r, grid, "chars", 1, 200);
  if (r.failed)
    return -1;
  /* Whole twips that still fit: 12756 / 22 = 579 (not 580, which would
   * put only 21 lines on a page in Word; layout.md §3). */
  L->line_twips = L->text_h / L->lines;
  L->char_twips = L->text_w / L->chars;
  L->latin_font = string(&r, layout, "latin_font");

  const gw_val *body = need(&r, roles, "body");
  if (!body)
    return -1;
  int body_size = size_half_pt(&r, gw_val_get(layout, "sizes"), need(&r, body, "size"));
  for (int i = 0; i < GW_ROLE_COUNT; i++) {
    /* a template older than the addressee role: the body's, flush left */
    if (i == GW_ROLE_ADDRESSEE && !gw_val_get(roles, gw_role_names[i])) {
      L->roles[i] = L->roles[GW_ROLE_BODY];
      L->roles[i].indent_twips = 0;
      continue;
    }
    /* older than the signature role: the body's, set from the right */
    if (i == GW_ROLE_SIGNATURE && !gw_val_get(roles, gw_role_names[i])) {
      L->roles[i] = L->roles[GW_ROLE_BODY];
      L->roles[i].indent_twips = 0;
      L->roles[i].align = GW_ALIGN_RIGHT;
      continue;
    }
    const gw_val *spec = need(&r, roles, gw_role_names[i]);
    if (spec)
      read_role(&r, layout, spec, body_size, &L->roles[i], L);
  }
  warn_unknown_roles(&r, roles);

  const gw_val *pn = need(&r, layout, "page_number");
  if (pn) {
    L->page_number.font = string(&r, pn, "font");
    L->page_number.size_half_pt =
        size_half_pt(&r, gw_val_get(layout, "sizes"), need(&r, pn, "size"));
    L->page_number.indent_twips = (int)lround(
        number(&r, pn, "indent_chars", 0, 10) * L->page_number.size_half_pt * 10);
    L->page_number.text = string(&r, pn, "text");
  }
  const gw_val *mr = need(&r, layout, "masthead_rule");
  if (mr) {
    L->masthead_rule.width_eighths = (int)lround(number(&r, mr, "width_pt", 0.25, 12) * 8);
    L->masthead_rule.color = color(&r, gw_val_get(layout, "colors"), need(&r, mr, "color"));
    L->masthead_rule.space_pt = (int)lround(number(&r, mr, "space_pt", 0, 31));
  }
  const gw_val *tail = need(&r, layout, "tail");
  if (tail) {
    L->tail.thick_eighths = (int)lround(number(&r, tail, "thick_pt", 0.25, 12) * 8);
    L->tail.thin_eighths = (int)lround(number(&r, tail, "thin_pt", 0.25, 12) * 8);
    L->tail.color = color(&r, gw_val_get(layout, "colors"), need(&r, tail, "color"));
    L->tail.indent_twips = (int)lround(number(&r, tail, "indent_chars", 0, 10) *
                                       L->roles[GW_ROLE_TAIL].size_half_pt * 10);
    L->tail.line_twips = gw_pt_to_twips(number(&r, tail, "line_pt", 6, 100));
  }
  const gw_val *table = need(&r, layout, "table");
  if (table) {
    L->table.line_twips = gw_pt_to_twips(number(&r, table, "line_pt", 6, 100));
    L->table.border_eighths = (int)lround(number(&r, table, "border_pt", 0.25, 12) * 8);
    L->table.cell_margin_twips = gw_mm_to_twips(number(&r, table, "cell_margin_mm", 0, 20));
    L->table.center_max_cols = 2 * (int)number_or(&r, table, "center_max_chars", 0, 50, 0);
  }
  /* Pictures: at most this many body lines tall (a template without
   * the key: all but two lines of the 版心). */
  const gw_val *picture = gw_val_get(layout, "picture");
  L->picture_max_lines = L->lines - 2;
  if (picture)
    L->picture_max_lines = (int)lround(number_or(&r, picture, "max_lines", 1, L->lines > 1 ? L->lines : 1,
                                                 L->picture_max_lines));
  L->picture_min_lines = L->picture_max_lines; /* none made smaller, unless the template says */
  if (picture)
    L->picture_min_lines = (int)lround(number_or(&r, picture, "min_lines", 1, L->picture_max_lines,
                                                 L->picture_min_lines));
  read_signature(&r, gw_val_get(layout, "signature"), L);
  return r.failed ? -1 : 0;
}
