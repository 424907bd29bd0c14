/* value.c - libyaml events to a tree of gw_val. */
#include "value.h"
#include "zh.h"

#include <ctype.h>
#include <limits.h>
#include <string.h>
#include <yaml.h>

/* Bounds that no real front matter reaches; they keep hostile input cheap
 * (duplicate-key checks are linear per key). */
enum { MAX_DEPTH = 64, MAX_ENTRIES = 4096 };

static gw_pos mark_pos(const char *file, unsigned first_line, yaml_mark_t m) {
  gw_pos pos = {file, first_line + (unsigned)m.line, (unsigned)m.column + 1};
  return pos;
}

static void append_child(gw_val *parent, gw_val *child) {
  if (parent->last)
    parent->last->next = child;
  else
    parent->first = child;
  parent->last = child;
  parent->count++;
}

typedef struct {
  gw_arena *arena;
  gw_diags *diags;
  const char *file;
  unsigned first_line;
  yaml_parser_t parser;
  const char *text; /* the YAML, for a better message than libyaml's */
  size_t len;
} reader;

/* libyaml's problems, said for a drafter. */
static const struct {
  const char *problem, *say;
} yaml_problems[] = {
    {"could not find expected ':'", "这一行不是“名称: 值”的形式：名称后面要有英文冒号和空格"},
    {"mapping values are not allowed in this context",
     "值里有“: ”（冒号加空格）：请给整个值加英文引号，如 contact: \"联系人: 王强\""},
    {"did not find expected key", "缩进不一致：同一层的名称要左端对齐，列表项以“- ”开头"},
    {"did not find expected '-' indicator", "缩进不一致：同一列表的各项要左端对齐"},
    {"found unexpected end of stream", "引号没有闭合：请补上另一半引号"},
    {"found character that cannot start any token",
     "这里的字符不能作值的开头（如 @、`、%）：请给值加英文引号"},
    {"did not find expected node content", "这里缺少值"},
    {"did not find expected ',' or ']'", "方括号列表没有闭合，或列表项之间没有用英文逗号隔开：请补上“]”或“,”"},
    {"did not find expected ',' or '}'", "花括号没有闭合：请补上“}”"},
};

/* The two ways drafters mistype a key's colon, which make libyaml
 * complain on the key's line or the next one. */
typedef enum {
  COLON_FULLWIDTH, /* title： 政法信息 */
  COLON_UNSPACED   /* title:政法信息 */
} colon_slip;

/* Find such a key on lines first..last: a line, not a list item, whose
 * first colon is "：" with no space before it, or an ASCII key (letters,
 * digits, _) whose ":" has text right after it. Returns the byte offset
 * of the colon, or -1. */
static long mistyped_colon_key(const char *text, size_t len, unsigned first, unsigned last,
                               unsigned *line, colon_slip *slip) {
  const char *p = text, *end = text + len;
  for (unsigned l = 0; p < end && l <= last; l++) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol)
      eol = end;
    const char *q = p;
    while (q < eol && *q == ' ')
      q++;
    if (l < first || (q < eol && *q == '-')) {
      p = eol + 1;
      continue;
    }
    const char *colon = q;
    bool ascii_key = true;
    while (colon < eol && *colon != ':' && *colon != ' ' && *colon != '#' && *colon != '"' &&
           *colon != '\'' && strncmp(colon, "：", 3) != 0) {
      /* 送:[县委常委] under distribution: a Chinese key slips too */
      ascii_key = ascii_key && (isalnum((unsigned char)*colon) || *colon == '_' ||
                                (unsigned char)*colon >= 0x80);
      colon++;
    }
    *line = l;
    if (colon > q && colon + 3 <= eol && strncmp(colon, "：", 3) == 0) {
      *slip = COLON_FULLWIDTH;
      return colon - text;
    }
    if (colon > q && ascii_key && colon + 1 < eol && *colon == ':' && colon[1] != ' ' &&
        colon[1] != '\r') {
      *slip = COLON_UNSPACED;
      return colon - text;
    }
    p = eol + 1;
  }
  return -1;
}

/* Is the character at `m` (line, column in characters), or the
 * indentation of its line, a tab? */
static bool tab_at(const char *text, size_t len, yaml_mark_t m) {
  const char *p = text, *end = text + len;
  for (size_t l = 0; l < m.line && p < end; l++) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    p = eol ? eol + 1 : end;
  }
  const char *bol = p;
  while (p < end && *p == ' ')
    p++;
  if (p < end && *p == '\t')
    return true; /* indented with a tab */
  p = bol;
  for (size_t c = 0; c < m.column && p < end && *p != '\n'; c++)
    do
      p++;
    while (p < end && (*p & 0xC0) == 0x80); /* to the next character's lead byte */
  return p < end && *p == '\t';
}

/* The error for a key's mistyped colon at byte `at` of line `line`.
 * Returns -1 (an error was reported). */
static int report_colon_slip(reader *r, long at, unsigned line, colon_slip slip) {
  const char *bol = r->text + at;
  while (bol > r->text && bol[-1] != '\n')
    bol--;
  gw_pos here = {r->file, r->first_line + line,
                 (unsigned)gw_zh_count_chars(bol, (size_t)(r->text + at - bol)) + 1};
  if (slip == COLON_FULLWIDTH)
    gw_error(r->diags, here, "名称后面要用英文冒号“:”，这里是中文冒号“：”");
  else {
    const char *value = r->text + at + 1, *eol = value;
    while (eol < r->text + r->len && *eol != '\n' && *eol != '\r')
      eol++;
    const char *key = bol;
    while (*key == ' ')
      key++; /* the key as written, without its indent */
    int key_len = (int)(r->text + at - key);
    gw_error(r->diags, here, "名称“%.*s”的冒号后面要有一个空格：写成“%.*s: %.*s”", key_len, key,
             key_len, key, (int)(eol - value), value);
  }
  return -1;
}

/* label: [2024]第3期: a value opening with [ or { is a list or a map to
 * YAML, and the text after its closing bracket an error. When line
 * `line` holds such a value, its start (and *len), else NULL. */
static const char *bracketed_value(const char *text, size_t len, unsigned line, int *vlen) {
  const char *p = text, *end = text + len;
  for (unsigned l = 0; p < end && l < line; l++) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    p = eol ? eol + 1 : end;
  }
  const char *eol = memchr(p, '\n', (size_t)(end - p));
  if (!eol)
    eol = end;
  const char *colon = memchr(p, ':', (size_t)(eol - p));
  if (!colon || colon + 2 >= eol || colon[1] != ' ')
    return NULL;
  const char *v = colon + 2;
  while (v < eol && *v == ' ')
    v++;
  if (v >= eol || (*v != '[' && *v != '{'))
    return NULL;
  const char *close = memchr(v, *v == '[' ? ']' : '}', (size_t)(eol - v));
  const char *after = close ? close + 1 : eol;
  while (after < eol && (*after == ' ' || *after == '\r'))
    after++;
  if (!close || after >= eol || *after == '#' || *after == ',')
    return NULL;
  const char *vend = eol;
  while (vend > v && (vend[-1] == ' ' || vend[-1] == '\r'))
    vend--;
  *vlen = (int)(vend - v);
  return v;
}

/* The slip at `at`, and the same on the lines after it: a slip made
 * once is often made on every line (kind：bulletin, title：…), said in
 * one run, not one a run. Returns -1. */
static int report_colon_slips(reader *r, long at, unsigned line, colon_slip slip) {
  do
    report_colon_slip(r, at, line, slip);
  while ((at = mistyped_colon_key(r->text, r->len, line + 1, UINT_MAX - 1, &line, &slip)) >= 0);
  return -1;
}

static int next_event(reader *r, yaml_event_t *ev) {
  if (yaml_parser_parse(&r->parser, ev))
    return 0;
  yaml_mark_t m = r->parser.problem_mark;
  gw_pos pos = mark_pos(r->file, r->first_line, m);
  unsigned line;
  colon_slip slip;
  unsigned last = (unsigned)m.line, first = last > 0 ? last - 1 : 0;
  long at = mistyped_colon_key(r->text, r->len, first, last, &line, &slip);
  if (at >= 0)
    return report_colon_slips(r, at, line, slip);
  if (tab_at(r->text, r->len, m)) {
    gw_error(r->diags, pos, "YAML 不能用 Tab 缩进或分隔：请改用空格");
    return -1;
  }
  int vlen;
  const char *v = bracketed_value(r->text, r->len, (unsigned)m.line, &vlen);
  if (v) {
    gw_error(r->diags, pos,
             "值以“%c”开头，YAML 把它读成了%s，括号后的文字就多了出来：请给整个值加英文引号，如“\"%.*s\"”",
             *v, *v == '[' ? "列表" : "映射", vlen, v);
    return -1;
  }
  const char *problem = r->parser.problem ? r->parser.problem : "无法解析";
  for (size_t i = 0; i < sizeof yaml_problems / sizeof yaml_problems[0]; i++)
    if (strcmp(problem, yaml_problems[i].problem) == 0) {
      gw_error(r->diags, pos, "YAML 语法错误：%s", yaml_problems[i].say);
      return -1;
    }
  if (r->parser.context)
    gw_error(r->diags, pos, "YAML 语法错误：%s（%s）：请检查缩进、冒号和引号", problem,
             r->parser.context);
  else
    gw_error(r->diags, pos, "YAML 语法错误：%s：请检查缩进、冒号和引号", problem);
  return -1;
}

/* The source was checked before parsing, but YAML escapes in quoted
 * scalars ("\0", "\x01", "\uFFFE") make characters XML forbids (or a
 * NUL that would cut the text short): refuse them where they are written. */
static int check_scalar(reader *r, const yaml_event_t *ev) {
  size_t bad = 0;
  bool bad_xml = false;
  if (gw_zh_validate_utf8((const char *)ev->data.scalar.value, ev->data.scalar.length,
                          &bad, &bad_xml))
    return 0;
  gw_error(r->diags, mark_pos(r->file, r->first_line, ev->start_mark),
           "引号里的转义写出了不允许的字符（如 \\0、\\x01）：请删除这个转义");
  return -1;
}

/* Read the node whose first event is `ev` (already taken). */
static gw_val *read_node(reader *r, yaml_event_t *ev, int depth) {
  gw_val *v = gw_arena_alloc(r->arena, sizeof *v);
  v->pos = mark_pos(r->file, r->first_line, ev->start_mark);
  if (depth > MAX_DEPTH) {
    gw_error(r->diags, v->pos, "YAML 嵌套过深（超过 %d 层）", MAX_DEPTH);
    return NULL;
  }
  switch (ev->type) {
  case YAML_SCALAR_EVENT: {
    if (check_scalar(r, ev) < 0)
      return NULL;
    const char *s = (const char *)ev->data.scalar.value;
    size_t len = ev->data.scalar.length;
    int plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    if (plain && (len == 0 || (len == 1 && s[0] == '~') ||
                  (len == 4 && memcmp(s, "null", 4) == 0))) {
      v->kind = GW_VAL_NULL;
      v->str = "";
    } else {
      v->kind = GW_VAL_STR;
      v->str = gw_arena_strndup(r->arena, s, len);
      v->quoted = !plain;
    }
    return v;
  }
  case YAML_ALIAS_EVENT:
    gw_error(r->diags, v->pos, "不支持 YAML 别名（*name）：请直接写出内容");
    return NULL;
  case YAML_SEQUENCE_START_EVENT:
  case YAML_MAPPING_START_EVENT: {
    int is_map = ev->type == YAML_MAPPING_START_EVENT;
    yaml_event_type_t end = is_map ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
    v->kind = is_map ? GW_VAL_MAP : GW_VAL_SEQ;
    for (;;) {
      yaml_event_t child_ev;
      if (next_event(r, &child_ev) < 0)
        return NULL;
      if (child_ev.type == end) {
        yaml_event_delete(&child_ev);
        return v;
      }
      const char *key = NULL;
      gw_pos key_pos = {0};
      if (is_map) {
        key_pos = mark_pos(r->file, r->first_line, child_ev.start_mark);
        if (child_ev.type != YAML_SCALAR_EVENT) {
          gw_error(r->diags, key_pos, "YAML 的键必须是简单文字");
          yaml_event_delete(&child_ev);
          return NULL;
        }
        if (check_scalar(r, &child_ev) < 0) {
          yaml_event_delete(&child_ev);
          return NULL;
        }
        key = gw_arena_strndup(r->arena, (const char *)child_ev.data.scalar.value,
                               child_ev.data.scalar.length);
        yaml_event_delete(&child_ev);
        if (strncmp(key, "\u3000", 3) == 0) {
          /* 　报: [...]: a key whose name starts with U+3000, indented by
           * hand with full-width spaces; the 报尾 would lose it */
          gw_pos line_start = {key_pos.file, key_pos.line, 1};
          gw_error(r->diags, line_start, "YAML 不能用全角空格缩进：请改用英文空格");
          return NULL;
        }
        if (next_event(r, &child_ev) < 0)
          return NULL;
      }
      gw_val *child = read_node(r, &child_ev, depth + 1);
      yaml_event_delete(&child_ev);
      if (!child)
        return NULL;
      if (v->count >= MAX_ENTRIES) {
        gw_error(r->diags, v->pos, "YAML 列表或映射的项数超过 %d", MAX_ENTRIES);
        return NULL;
      }
      if (is_map) {
        if (gw_val_get(v, key)) {
          gw_error(r->diags, key_pos, "重复的键“%s”：每个键只能写一次", key);
          return NULL;
        }
        child->key = key;
        child->key_pos = key_pos;
      }
      append_child(v, child);
    }
  }
  default:
    gw_error(r->diags, v->pos, "无法理解的 YAML 内容");
    return NULL;
  }
}

gw_val *gw_val_parse(gw_arena *arena, gw_diags *diags, const char *file,
                     unsigned first_line, const char *text, size_t len) {
  reader r = {arena, diags, file, first_line, {0}, text, len};
  gw_val *root = NULL;
  yaml_event_t ev;
  if (!yaml_parser_initialize(&r.parser))
    return NULL;
  yaml_parser_set_input_string(&r.parser, (const unsigned char *)text, len);
  yaml_parser_set_encoding(&r.parser, YAML_UTF8_ENCODING);
  /* stream start, then document start or stream end */
  if (next_event(&r, &ev) < 0)
    goto done;
  yaml_event_delete(&ev);
  if (next_event(&r, &ev) < 0)
    goto done;
  if (ev.type == YAML_STREAM_END_EVENT) {
    yaml_event_delete(&ev);
    root = gw_arena_alloc(arena, sizeof *root);
    root->kind = GW_VAL_MAP;
    root->pos.file = file;
    root->pos.line = first_line;
    root->pos.col = 1;
    goto done;
  }
  yaml_event_delete(&ev);
  if (next_event(&r, &ev) < 0)
    goto done;
  root = read_node(&r, &ev, 0);
  yaml_event_delete(&ev);
  if (root && root->kind == GW_VAL_NULL) {
    root->kind = GW_VAL_MAP; /* an empty document */
  } else if (root && root->kind != GW_VAL_MAP) {
    unsigned line;
    colon_slip slip;
    long at = mistyped_colon_key(text, len, 0, 0, &line, &slip); /* kind： bulletin */
    if (at >= 0)
      report_colon_slips(&r, at, line, slip);
    else
      gw_error(diags, root->pos, "YAML 内容必须是“键: 值”的形式，而不是单独的文字或列表");
    root = NULL;
  }
  if (root) {
    /* document end; a second document is an error */
    if (next_event(&r, &ev) < 0) {
      root = NULL;
      goto done;
    }
    yaml_event_delete(&ev);
    if (next_event(&r, &ev) < 0) {
      root = NULL;
      goto done;
    }
    if (ev.type != YAML_STREAM_END_EVENT) {
      gw_error(diags, mark_pos(file, first_line, ev.start_mark),
               "前置元数据里只能有一个 YAML 文档");
      root = NULL;
    }
    yaml_event_delete(&ev);
  }
done:
  yaml_parser_delete(&r.parser);
  return root;
}

gw_val *gw_val_get(const gw_val *map, const char *key) {
  if (!map || map->kind != GW_VAL_MAP)
    return NULL;
  for (gw_val *c = map->first; c; c = c->next)
    if (strcmp(c->key, key) == 0)
      return c;
  return NULL;
}

gw_val *gw_val_path(const gw_val *map, const char *path) {
  char part[128];
  const gw_val *v = map;
  while (v && *path) {
    const char *dot = strchr(path, '.');
    size_t n = dot ? (size_t)(dot - path) : strlen(path);
    if (n >= sizeof part)
      return NULL;
    memcpy(part, path, n);
    part[n] = '\0';
    v = gw_val_get(v, part);
    path += n + (dot ? 1 : 0);
  }
  return (gw_val *)v;
}

static int in_list(const char *key, const char *const *list) {
  for (; list && *list; list++)
    if (strcmp(key, *list) == 0)
      return 1;
  return 0;
}

static gw_val *copy_entry(gw_arena *arena, const gw_val *src) {
  gw_val *c = gw_arena_alloc(arena, sizeof *c);
  *c = *src;
  c->next = NULL;
  return c;
}

gw_val *gw_val_merge(gw_arena *arena, const gw_val *base, const gw_val *over,
                     const char *const *replace_whole) {
  gw_val *out = gw_arena_alloc(arena, sizeof *out);
  *out = *base;
  out->first = out->last = NULL;
  out->count = 0;
  out->next = NULL;
  for (const gw_val *b = base->first; b; b = b->next) {
    const gw_val *o = gw_val_get(over, b->key);
    gw_val *entry;
    if (!o)
      entry = copy_entry(arena, b);
    else if (o->kind == GW_VAL_MAP && b->kind == GW_VAL_MAP &&
             !in_list(b->key, replace_whole)) {
      entry = gw_val_merge(arena, b, o, NULL);
      entry->key = o->key;
      entry->key_pos = o->key_pos;
    } else
      entry = copy_entry(arena, o);
    append_child(out, entry);
  }
  for (const gw_val *o = over->first; o; o = o->next)
    if (!gw_val_get(base, o->key))
      append_child(out, copy_entry(arena, o));
  return out;
}
