/* build.c - helpers shared by the model builders. */
#include "build.h"
#include "zh.h"

#include <unicode/utf8.h>

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MAX_INLINE_DEPTH = 200 };

gw_pos gw_build_node_pos(const gw_build *b, cmark_node *node) {
  /* a paragraph split at an item line (markdown.c) has no position of
   * its own: its first inline has */
  while (cmark_node_get_start_line(node) <= 0 && cmark_node_first_child(node))
    node = cmark_node_first_child(node);
  int line = cmark_node_get_start_line(node);
  int col = cmark_node_get_start_column(node);
  if (line <= 0)
    return gw_build_front_pos(b);
  return gw_source_pos_byte_col(b->src, b->src->body_line + (unsigned)line - 1,
                                (unsigned)(col > 0 ? col : 1));
}

bool gw_build_check_unread_image(gw_build *b, cmark_node *para) {
  for (cmark_node *n = cmark_node_first_child(para); n; n = cmark_node_next(n)) {
    const char *lit = cmark_node_get_type(n) == CMARK_NODE_TEXT ? cmark_node_get_literal(n) : NULL;
    if (!lit || !strstr(lit, "!["))
      continue;
    char line[1024];
    gw_markdown_line_text(n, line, sizeof line);
    char *open = strstr(line, "![");
    char *mid = open ? strstr(open, "](") : NULL;
    char *close = mid ? strchr(mid + 2, ')') : NULL;
    if (!close)
      continue;
    *mid = *close = '\0';
    const char *alt = open + 2, *addr = mid + 2;
    if (strchr(addr, ' ') || strstr(addr, "\u3000"))
      gw_error(b->diags, gw_build_node_pos(b, n),
               "图片地址“%s”里有空格，Markdown 读不出这张图片：请把地址写在尖括号里，"
               "如 ![%s](<%s>)，或去掉文件名里的空格",
               addr, alt, addr);
    else
      gw_error(b->diags, gw_build_node_pos(b, n),
               "“![%s](%s)”没有读成图片：请检查方括号、圆括号是否成对，圆括号是否为半角", alt,
               addr);
    return true;
  }
  return false;
}

gw_pos gw_build_front_pos(const gw_build *b) {
  gw_pos pos = {b->src->path, 1, 1};
  return pos;
}

gw_pos gw_build_missing_pos(const gw_build *b) {
  gw_pos pos = {b->src->path, 1, 1};
  if (b->src->front && b->src->body_line > 1)
    pos.line = b->src->body_line - 1; /* the closing ---: a key goes above it */
  return pos;
}

static const gw_val *scalar(gw_build *b, const char *key, bool required) {
  const gw_val *v = gw_val_get(b->config, key);
  if (!v || v->kind == GW_VAL_NULL) {
    if (required)
      gw_error(b->diags, v ? v->pos : gw_build_missing_pos(b),
               "缺少必填项 %s：请在前置元数据里写上“%s: …”", key, key);
    return NULL;
  }
  if (v->kind != GW_VAL_STR) {
    gw_error(b->diags, v->pos, "%s 应为一个值，而不是列表或映射", key);
    return NULL;
  }
  return v;
}

const char *gw_build_str(gw_build *b, const char *key, bool required) {
  const gw_val *v = scalar(b, key, required);
  if (v && !*v->str) {
    if (required)
      gw_error(b->diags, v->pos, "%s 不能为空", key);
    return NULL;
  }
  return v ? v->str : NULL;
}

/* The N of a whole 期号 typed as the number (〔2024〕第3期, 2024年第3期,
 * 第3期): the digits before its 期; else -1. */
static long issue_number_in(const char *s) {
  const char *qi = strstr(s, "期");
  if (!qi)
    return -1;
  const char *p = qi;
  while (p > s && p[-1] >= '0' && p[-1] <= '9')
    p--;
  return p < qi ? strtol(p, NULL, 10) : -1;
}

int gw_build_int(gw_build *b, const char *key, long min, long max, bool required,
                 long *out) {
  const gw_val *v = scalar(b, key, required);
  if (!v)
    return -1;
  /* full-width digits (１４, typed with a Chinese input method) are fine */
  char *ascii = gw_zh_normalize(v->str, strlen(v->str));
  const char *s = ascii ? ascii : v->str;
  char *end;
  errno = 0;
  long n = strtol(s, &end, 10);
  bool bad = !*s || *end || errno || s[0] == '+' || s[0] == ' ';
  /* "14" quoted is still fourteen, and so is 十四 (year 二〇二一 as the
   * 版记 prints it); 14期 is not a number. */
  if (bad && *s) {
    int zh = gw_zh_numeral_value(s, strlen(s));
    if (zh >= 0) {
      n = zh;
      bad = false;
    }
  }
  bad = bad || n < min || n > max;
  long in_issue = bad && strcmp(key, "number") == 0 ? issue_number_in(s) : -1;
  free(ascii);
  if (in_issue > 0) {
    gw_error(b->diags, v->pos,
             "number 只写期数，如“number: %ld”，而不是“%s”：年份写在 year，“〔〕”“第”“期”由模板排出；"
             "期号另有写法的（如“增刊第2期”）请用 label 写出整行",
             in_issue, v->str);
    return -1;
  }
  static const char *const extras[] = {"增刊", "特刊", "专刊", "号外", NULL};
  for (int i = 0; bad && strcmp(key, "number") == 0 && extras[i]; i++)
    if (strstr(v->str, extras[i])) {
      const char *digits = strpbrk(v->str, "0123456789");
      gw_error(b->diags, v->pos,
               "number 只写期数：“%s”这样的期号请用 label 写出整行，如“label: %s第%ld期”，"
               "并删去 number",
               v->str, extras[i], digits ? strtol(digits, NULL, 10) : 1L);
      return -1;
    }
  if (bad) {
    gw_error(b->diags, v->pos, "%s 应为 %ld 到 %ld 之间的整数（如 %s），而不是“%s”", key, min,
             max, strcmp(key, "year") == 0 ? "2024" : "14 或 十四", v->str);
    return -1;
  }
  *out = n;
  return 0;
}

int gw_build_bool(gw_build *b, const char *key, bool dflt) {
  const gw_val *v = scalar(b, key, false);
  if (!v)
    return dflt;
  if (strcmp(v->str, "true") == 0 || strcmp(v->str, "yes") == 0)
    return true;
  if (strcmp(v->str, "false") == 0 || strcmp(v->str, "no") == 0)
    return false;
  gw_error(b->diags, v->pos, "%s 应为 true 或 false，而不是“%s”", key, v->str);
  return dflt;
}

static int parse_ascii_date(const char *s, int *y, int *m, int *d);

/* 二〇二一年十月十八日, as dates are printed in 公文 (and 2021年十月十八日):
 * each part a numeral. */
static int parse_numeral_date(const char *s, int *y, int *m, int *d) {
  const char *nian = strstr(s, "年"), *yue = nian ? strstr(nian, "月") : NULL;
  const char *ri = yue ? strstr(yue, "日") : NULL;
  if (!ri || ri[strlen("日")] != '\0')
    return -1;
  size_t mark = strlen("年"); /* 年 月 日 are all this long */
  *y = gw_zh_numeral_value(s, (size_t)(nian - s));
  *m = gw_zh_numeral_value(nian + mark, (size_t)(yue - nian - mark));
  *d = gw_zh_numeral_value(yue + mark, (size_t)(ri - yue - mark));
  return *y >= 1000 && *m > 0 && *d > 0 ? 0 : -1;
}

int gw_parse_date(const char *s, int *y, int *m, int *d) {
  /* ２０２１年１０月１８日 is the same date (full-width digits made ASCII) */
  char *ascii = gw_zh_normalize(s, strlen(s));
  const char *t = ascii ? ascii : s;
  int rc = parse_ascii_date(t, y, m, d);
  if (rc < 0)
    rc = parse_numeral_date(t, y, m, d);
  free(ascii);
  return rc;
}

static int parse_ascii_date(const char *s, int *y, int *m, int *d) {
  /* What drafters type: 2021-10-18 (ISO), 2021年10月18日, 2021.10.18, 2021/10/18. */
  static const char *const forms[] = {"%4d-%2d-%2d%n", "%4d年%2d月%2d日%n", "%4d.%2d.%2d%n",
                                      "%4d/%2d/%2d%n"};
  for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
    int used = -1;
    if (sscanf(s, forms[i], y, m, d, &used) == 3 && used >= 0 && s[used] == '\0' &&
        !strchr(s, ' ') && !strchr(s, '+'))
      return 0;
  }
  return -1;
}

int gw_build_date(gw_build *b, const char *key, bool required, int *y, int *m,
                  int *d) {
  const gw_val *v = scalar(b, key, required);
  if (!v)
    return -1;
  if (gw_parse_date(v->str, y, m, d) < 0) {
    gw_error(b->diags, v->pos, "%s 应写成 年-月-日，如 2021-10-18 或 2021年10月18日，而不是“%s”",
             key, v->str);
    return -1;
  }
  /* 24-3-5: a year of two digits would print 〔24〕 and 24年 */
  if (*y < 1900) {
    gw_error(b->diags, v->pos, "%s 的年份要写全四位，如 %d-%02d-%02d，而不是“%s”", key,
             *y < 100 ? 2000 + *y : 2024, *m, *d, v->str);
    return -1;
  }
  if (!gw_zh_date_valid(*y, *m, *d)) {
    gw_error(b->diags, v->pos, "%s：%s 不是存在的日期", key, v->str);
    return -1;
  }
  return 0;
}

const char **gw_build_str_list(gw_build *b, const gw_val *v, size_t *count) {
  *count = 0;
  if (!v || v->kind == GW_VAL_NULL)
    return NULL;
  if (v->kind == GW_VAL_STR) {
    const char **one = gw_arena_alloc(b->arena, sizeof *one);
    one[0] = v->str;
    *count = 1;
    return one;
  }
  if (v->kind != GW_VAL_SEQ) {
    gw_error(b->diags, v->pos, "%s 应为列表，如 [甲, 乙]", v->key ? v->key : "此项");
    return NULL;
  }
  const char **items = gw_arena_alloc(b->arena, (v->count + 1) * sizeof *items);
  for (const gw_val *c = v->first; c; c = c->next) {
    if (c->kind != GW_VAL_STR) {
      gw_error(b->diags, c->pos, "列表项应为文字");
      continue;
    }
    items[(*count)++] = c->str;
  }
  return items;
}

/* 报, 送, 发 … : the labels of the 报尾's rows, written with or without
 * their colon. */
/* The length of a 报尾 row's label without the colon a drafter may have
 * written (报：, 报:): the colon is ours. */
static size_t label_len(const char *key) {
  size_t n = strlen(key);
  if (n >= strlen("：") && strcmp(key + n - strlen("："), "：") == 0)
    return n - strlen("：");
  return n >= 1 && key[n - 1] == ':' ? n - 1 : n;
}

static bool is_tail_label(const char *key) {
  static const char *const labels[] = {"报", "送", "发", "抄送", "抄报", "主送", "分送", NULL};
  size_t n = label_len(key);
  for (int i = 0; labels[i]; i++)
    if (strlen(labels[i]) == n && memcmp(labels[i], key, n) == 0)
      return true;
  return false;
}

/* Key c, when neither `known` nor `also` (NULL, or more keys it may be)
 * names it: a warning that it is ignored, with the known key nearest. */
static void warn_unknown_key(gw_diags *diags, const gw_val *c, const char *const *known,
                             const char *const *also, const char *what) {
  size_t n = 0;
  bool found = false;
  for (; known[n]; n++)
    found = found || strcmp(known[n], c->key) == 0;
  for (size_t i = 0; also && also[i] && !found; i++)
    found = strcmp(also[i], c->key) == 0;
  if (found)
    return;
  long best = gw_zh_nearest(c->key, known, n, 3);
  if (best >= 0)
    gw_warning(diags, c->key_pos, "%s“%s”，已忽略：是不是“%s”？", what, c->key, known[best]);
  else
    gw_warning(diags, c->key_pos, "%s“%s”，已忽略", what, c->key);
}

void gw_build_check_keys(gw_diags *diags, const gw_val *front, const char *const *known) {
  for (const gw_val *c = front ? front->first : NULL; c; c = c->next) {
    /* distribution:\n报: [...] with the row not indented: the 报尾 would
     * go without its recipients, so this is no key to ignore */
    if (is_tail_label(c->key)) {
      gw_error(diags, c->key_pos,
               "“%s”是报尾的一行，应写在“distribution:”之下，行首缩进两个空格，"
               "如“  %s: [单位甲, 单位乙]”",
               c->key, c->key);
      continue;
    }
    warn_unknown_key(diags, c, known, NULL, "未知的键");
  }
}

void gw_build_check_template_keys(gw_diags *diags, const gw_val *config, const char *source,
                                  const char *const *known) {
  static const char *const template_only[] = {"extends", "formats", "division",
                                              "distribution_separator", NULL};
  for (const gw_val *c = config ? config->first : NULL; c; c = c->next)
    /* the source's own keys were checked with its front matter */
    if (c->key && c->key_pos.file && !(source && strcmp(c->key_pos.file, source) == 0))
      warn_unknown_key(diags, c, known, template_only, "模板里未知的键");
}

const char *gw_build_text(gw_build *b, const char *text, size_t len, size_t *out_len) {
  if (!b->normalize || gw_zh_is_normal(text, len)) {
    *out_len = len;
    return gw_arena_strndup(b->arena, text, len);
  }
  char *norm = gw_zh_normalize(text, len);
  if (!norm) {
    *out_len = len;
    return gw_arena_strndup(b->arena, text, len);
  }
  *out_len = strlen(norm);
  char *copy = gw_arena_strndup(b->arena, norm, *out_len);
  free(norm);
  return copy;
}

/* Is `c` (a byte in UTF-8) an ASCII letter or digit? Soft line breaks
 * between two such characters keep a space; between Chinese they vanish
 * (pandoc's east_asian_line_breaks, by default). */
static int is_ascii_word(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

typedef struct {
  gw_buf text;
  int bold;
  size_t link_start; /* where the text of the open link began */
} inline_state;

/* <br>, <br/> or <br />, any case: the line break GFM table cells
 * allow no other way to write. */
static int is_br_tag(const char *html) {
  if (!html || strncasecmp(html, "<br", 3) != 0)
    return 0;
  const char *p = html + 3;
  while (*p == ' ')
    p++;
  if (*p == '/')
    p++;
  return p[0] == '>' && p[1] == '\0';
}

/* On paper a link's address is all the reader has: keep it after the
 * text, in full-width parentheses, unless the text already is it. */
static void end_link(inline_state *st, cmark_node *link) {
  const char *url = cmark_node_get_url(link);
  if (!url || !*url || st->link_start > st->text.len)
    return;
  const char *shown = st->text.data ? st->text.data + st->link_start : "";
  size_t shown_len = st->text.len - st->link_start;
  const char *bare = strncmp(url, "mailto:", 7) == 0 ? url + 7 : url;
  if ((shown_len == strlen(url) && memcmp(shown, url, shown_len) == 0) ||
      (shown_len == strlen(bare) && memcmp(shown, bare, shown_len) == 0))
    return;
  gw_buf_puts(&st->text, "（");
  gw_buf_puts(&st->text, bare);
  gw_buf_puts(&st->text, "）");
}

/* A figure grouped by spaces (2 000亩, 1 286 500元, as PDFs and some
 * offices write it) must not break at the end of a line. A no-break
 * space did not hold in LibreOffice on the character grid (4 / 500元),
 * so the spaces go: 公文 write 2000亩 (GB/T 15835 allows either).
 *
 * Only a whole figure written so: 1 to 3 digits, then groups of exactly
 * three, each after one space, with no digit around the whole and no
 * space but one beside Chinese (农田2 000亩, 农田 2 000 亩). Not 98 100
 * 120 分 (three scores), 0351 418 4709, 6228 4800 1234 5678 901 or 型号
 * A 100 200. Returns where the figure at t[i] ends when it is one, else 0. */
static size_t spaced_figure_end(const char *t, size_t len, size_t i) {
  /* 农田2 000亩, or pasted with spaces around: 农田 2 000 亩 (then only
   * a figure of one digit first, 1 286 500, not 98 100 120 分) */
  bool spaced = false;
  if (i > 0 && t[i - 1] == ' ') {
    if (i < 2 || (unsigned char)t[i - 2] < 0x80)
      return 0;
    spaced = true;
  } else if (i > 0 && (unsigned char)t[i - 1] < 0x80) {
    return 0; /* after a digit, letter or ASCII mark: 3:2 100, A100 200 */
  }
  size_t k = i;
  while (k < len && isdigit((unsigned char)t[k]))
    k++;
  if (k == i || k - i > 3 || (spaced && k - i != 1))
    return 0;
  size_t groups = 0;
  while (k + 4 <= len && t[k] == ' ' && isdigit((unsigned char)t[k + 1]) &&
         isdigit((unsigned char)t[k + 2]) && isdigit((unsigned char)t[k + 3]) &&
         (k + 4 == len || !isdigit((unsigned char)t[k + 4]))) {
    k += 4;
    groups++;
  }
  if (!groups || (k < len && isdigit((unsigned char)t[k])))
    return 0;
  /* a space after it only before Chinese (2 000 亩), not before more
   * figures or words (3:2 100 分 is two scores) */
  if (k < len && t[k] == ' ' && (k + 1 >= len || (unsigned char)t[k + 1] < 0x80))
    return 0;
  return k;
}

/* Where the next spaced figure at or after t[i] starts (its end in
 * *end), else len. Only a digit can start one: most bytes are passed
 * over without a call. */
static size_t next_spaced_figure(const char *t, size_t len, size_t i, size_t *end) {
  for (; i < len; i++)
    if (t[i] >= '0' && t[i] <= '9' && (*end = spaced_figure_end(t, len, i)))
      return i;
  return len;
}

static const char *keep_digit_groups(gw_build *b, const char *t, size_t *len) {
  size_t end = 0, i;
  if (!memchr(t, ' ', *len) || (i = next_spaced_figure(t, *len, 0, &end)) == *len)
    return t;
  gw_buf out = {0};
  size_t from = 0;
  while (i < *len) {
    gw_buf_append(&out, t + from, i - from);
    for (; i < end; i++)
      if (t[i] != ' ')
        gw_buf_append(&out, t + i, 1);
    from = end;
    i = next_spaced_figure(t, *len, end, &end);
  }
  gw_buf_append(&out, t + from, *len - from);
  *len = out.len;
  char *copy = gw_arena_strndup(b->arena, out.data, out.len);
  gw_buf_free(&out);
  return copy;
}

static void flush_run(gw_build *b, inline_state *st, gw_runs *runs, int bold) {
  if (!st->text.len)
    return;
  /* figures first, while the spaces around them still tell (为 98 100 分) */
  size_t len = st->text.len;
  const char *raw = keep_digit_groups(b, st->text.data, &len);
  const char *t = gw_build_text(b, raw, len, &len);
  gw_run *r = gw_runs_append(b->arena, runs, GW_RUN_TEXT, t, len);
  r->bold = bold;
  st->text.len = 0;
}

/* CommonMark does not close `**坚持党建带团建。**将…`: a closing `**` after
 * punctuation must be followed by space or punctuation, which Chinese
 * text never has. Drafters write exactly this, so `**` left as literal
 * text is paired up here, when the paragraph holds an even number. */
static int count_literal_stars(cmark_node *node) {
  int count = 0;
  cmark_iter *it = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_TEXT)
      continue;
    for (const char *p = cmark_node_get_literal(n); p && (p = strstr(p, "**")); p += 2)
      count++;
  }
  cmark_iter_free(it);
  return count;
}

static void split_literal_stars(gw_build *b, inline_state *st, gw_runs *runs,
                                const char *lit, int *literal_bold, int strong) {
  const char *p = lit ? lit : "";
  for (const char *star; (star = strstr(p, "**")); p = star + 2) {
    gw_buf_append(&st->text, p, (size_t)(star - p));
    flush_run(b, st, runs, strong || *literal_bold);
    *literal_bold = !*literal_bold;
  }
  gw_buf_puts(&st->text, p);
}

/* Text pasted from WeChat or a web page carries spaces of other kinds
 * (gw_odd_space_len): each is written as what it stands for, a space, a
 * full-width space or nothing; otherwise the gap one leaves beside ，is
 * printed, and 一、 behind one is no heading. A tab Word left inside a
 * sentence (gw_zh_stray_tab) goes. The literal itself when it holds
 * none of these. */
static const char *visible_text(gw_build *b, const char *lit) {
  size_t len, i, tab = gw_zh_stray_tab(lit, strlen(lit));
  if (tab != (size_t)-1) { /* 推进⇥家校共育: a tab Word left, no column */
    char *joined = gw_arena_printf(b->arena, "%.*s%s", (int)tab, lit, lit + tab + 1);
    lit = joined;
  }
  /* every one of them starts C2, E2 or EF: strcspn skips the rest fast */
  for (i = strcspn(lit, "\xC2\xE2\xEF"); lit[i]; i += 1 + strcspn(lit + i + 1, "\xC2\xE2\xEF"))
    if (gw_odd_space_len(lit + i, NULL))
      break;
  if (!lit[i])
    return lit;
  gw_buf out = {0};
  gw_buf_append(&out, lit, i);
  while (lit[i]) {
    const char *as;
    len = gw_odd_space_len(lit + i, &as);
    if (len)
      gw_buf_puts(&out, as);
    else
      gw_buf_append(&out, lit + i, 1);
    i += len ? len : 1;
  }
  char *copy = gw_arena_strndup(b->arena, out.data ? out.data : "", out.len);
  gw_buf_free(&out);
  return copy;
}

/* Drop the spaces a block's text opens with (　　正文…, typed to indent
 * by hand: the style indents already; a cell or a heading has no use
 * for them either). */
static void trim_leading_spaces(gw_runs *runs) {
  while (runs->first && runs->first->kind == GW_RUN_TEXT) {
    gw_run *r = runs->first;
    while (r->len && (r->text[0] == ' ' || r->text[0] == '\t' ||
                      (r->len >= 3 && memcmp(r->text, "\u3000", 3) == 0))) {
      size_t n = r->text[0] == ' ' || r->text[0] == '\t' ? 1 : 3;
      r->text += n;
      r->len -= n;
    }
    if (r->len)
      return;
    runs->first = r->next; /* a run of spaces only */
    if (!runs->first)
      runs->last = NULL;
  }
}

/* And the spaces it ends with: Markdown drops a line's trailing spaces,
 * but not a no-break space pasted there (办结率100%。<U+00A0>), which is a
 * space by now. */
static void trim_trailing_spaces(gw_runs *runs) {
  gw_run *r = runs->last;
  if (!r || r->kind != GW_RUN_TEXT)
    return;
  while (r->len && r->text[r->len - 1] == ' ')
    r->len--;
}

/* 3*5*2=30: stars between figures multiply, but CommonMark reads *5*
 * as emphasis (italics, which a 公文 does not print) and the stars were
 * lost: 352=30. Emphasis that starts with a digit right after a digit
 * is such a product (only * can open inside a word). */
static bool is_product(cmark_node *emph) {
  cmark_node *prev = cmark_node_previous(emph), *first = cmark_node_first_child(emph);
  const char *before = prev && cmark_node_get_type(prev) == CMARK_NODE_TEXT
                           ? cmark_node_get_literal(prev) : NULL;
  const char *inside = first && cmark_node_get_type(first) == CMARK_NODE_TEXT
                           ? cmark_node_get_literal(first) : NULL;
  size_t n = before ? strlen(before) : 0;
  return n && before[n - 1] >= '0' && before[n - 1] <= '9' && inside && inside[0] >= '0' &&
         inside[0] <= '9';
}

void gw_build_inlines(gw_build *b, cmark_node *node, gw_runs *runs) {
  bool block_start = runs->first == NULL;
  inline_state st = {{0}, 0, 0};
  int bold_now = 0, literal_bold = 0;
  int literal_stars = count_literal_stars(node), pairs_literal_stars = literal_stars % 2 == 0;
  if (!pairs_literal_stars && b->told_stars != node)
    gw_warning(b->diags, gw_build_node_pos(b, node),
               "这一段里的“**”有 %d 个，是单数，有一个没有配对：加粗没有生效，“**”按原样印出；"
               "请在要加粗的文字前后各写一个 **，或删去多余的那个",
               literal_stars);
  if (!pairs_literal_stars)
    b->told_stars = node;
  cmark_iter *it = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (n == node)
      continue;
    cmark_node_type type = cmark_node_get_type(n);
    if (type == CMARK_NODE_STRONG) {
      flush_run(b, &st, runs, bold_now);
      st.bold += ev == CMARK_EVENT_ENTER ? 1 : -1;
      bold_now = st.bold > 0 || literal_bold;
      continue;
    }
    if (type == CMARK_NODE_EMPH) {
      if (is_product(n)) /* the stars stay, on entering and on leaving */
        gw_buf_puts(&st.text, "*");
      continue;
    }
    if (type == CMARK_NODE_LINK) {
      if (ev == CMARK_EVENT_ENTER)
        st.link_start = st.text.len;
      else
        end_link(&st, n);
      continue;
    }
    if (ev != CMARK_EVENT_ENTER)
      continue;
    switch (type) {
    case CMARK_NODE_TEXT:
      if (pairs_literal_stars) {
        split_literal_stars(b, &st, runs, visible_text(b, cmark_node_get_literal(n)),
                            &literal_bold, st.bold > 0);
        bold_now = st.bold > 0 || literal_bold;
        break;
      }
      /* fall through */
    case CMARK_NODE_HTML_INLINE:
      if (is_br_tag(cmark_node_get_literal(n))) {
        flush_run(b, &st, runs, bold_now);
        gw_runs_append(b->arena, runs, GW_RUN_BREAK, "", 0);
        break;
      }
      /* fall through */
    case CMARK_NODE_CODE: {
      const char *lit = cmark_node_get_literal(n);
      if (lit)
        gw_buf_puts(&st.text, visible_text(b, lit));
      break;
    }
    case CMARK_NODE_SOFTBREAK: {
      cmark_node *next = cmark_node_next(n);
      const char *after = next ? cmark_node_get_literal(next) : NULL;
      /* a space between two words (data / center); none inside a number
       * a PDF broke at the line's end (不少于1 / 0场) */
      unsigned char last = st.text.len ? (unsigned char)st.text.data[st.text.len - 1] : 0;
      bool digits = last >= '0' && last <= '9' && after && after[0] >= '0' && after[0] <= '9';
      if (is_ascii_word(last) && after && is_ascii_word((unsigned char)after[0]) && !digits)
        gw_buf_puts(&st.text, " ");
      break;
    }
    case CMARK_NODE_LINEBREAK:
      flush_run(b, &st, runs, bold_now);
      gw_runs_append(b->arena, runs, GW_RUN_BREAK, "", 0);
      break;
    case CMARK_NODE_IMAGE:
      if (!b->probing)
        gw_warning(b->diags, gw_build_node_pos(b, n),
                   "图片“%s”没有排入：图片要单独成段（上下各空一行），不能写在句子中间或表格里",
                   cmark_node_get_url(n) ? cmark_node_get_url(n) : "");
      cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
      break;
    default:
      break;
    }
  }
  flush_run(b, &st, runs, bold_now);
  if (block_start) {
    trim_leading_spaces(runs);
    trim_trailing_spaces(runs);
  }
  cmark_iter_free(it);
  gw_buf_free(&st.text);
}

char *gw_build_plain_text(gw_build *b, cmark_node *node) {
  gw_runs runs = {0};
  bool probing = b->probing;
  b->probing = true;
  gw_build_inlines(b, node, &runs);
  b->probing = probing;
  return gw_runs_text(b->arena, &runs);
}

/* Cells written on the source line of pipe-table row `row`. */
static int source_cells(const gw_build *b, cmark_node *row) {
  int line = cmark_node_get_start_line(row);
  size_t idx = b->src->body_line - 1 + (size_t)(line > 0 ? line - 1 : 0);
  if (line <= 0 || idx >= b->src->line_count)
    return 0;
  size_t start = b->src->line_starts[idx];
  size_t end = idx + 1 < b->src->line_count ? b->src->line_starts[idx + 1] : b->src->len;
  int col = cmark_node_get_start_column(row); /* past a "> " the row sits in */
  if (col > 1 && start + (size_t)(col - 1) < end)
    start += (size_t)(col - 1);
  return gw_markdown_line_cells(b->src->text + start, end - start);
}

void gw_build_check_row_cells(gw_build *b, cmark_node *row, int header_cells) {
  int written = source_cells(b, row);
  if (header_cells > 0 && written > header_cells)
    gw_warning(b->diags, gw_build_node_pos(b, row),
               "这一行有 %d 格，表头只有 %d 列：多出的 %d 格不会排出；请在表头补上列名，"
               "或把内容并入前面的格",
               written, header_cells, written - header_cells);
}

/* Body cells take the column's alignment: the one the delimiter row
 * gives (|---:|), else centred when every cell of the column is short
 * (figures, 98.4%: layout.table.center_max_chars), else the role's. */
static void align_columns(gw_build *b, gw_table *t, cmark_node *table) {
  int max = b->doc->layout.table.center_max_cols;
  for (int col = 0; col < t->ncols; col++) {
    char given = gw_markdown_table_align(table, col);
    bool short_cells = max > 0, any = false;
    for (gw_row *r = t->rows; r && short_cells && !given; r = r->next) {
      gw_cell *c = r->cells;
      for (int i = 0; c && i < col; i++)
        c = c->next;
      if (r->header || !c)
        continue;
      any = any || c->runs.first;
      short_cells = gw_cell_width(c) <= (size_t)max;
    }
    gw_align align = given == 'l' ? GW_ALIGN_LEFT
                     : given == 'c' ? GW_ALIGN_CENTER
                     : given == 'r' ? GW_ALIGN_RIGHT
                     : short_cells && any ? GW_ALIGN_CENTER
                                          : b->doc->layout.roles[GW_ROLE_TABLE_CELL].align;
    for (gw_row *r = t->rows; r; r = r->next) {
      gw_cell *c = r->cells;
      for (int i = 0; c && i < col; i++)
        c = c->next;
      if (c && !r->header)
        c->align = align;
    }
  }
}

gw_table *gw_build_table(gw_build *b, cmark_node *table) {
  gw_table *t = gw_arena_alloc(b->arena, sizeof *t);
  gw_row **row_tail = &t->rows;
  for (cmark_node *r = cmark_node_first_child(table); r; r = cmark_node_next(r)) {
    if (!gw_markdown_is_table_row(r))
      continue;
    gw_row *row = gw_arena_alloc(b->arena, sizeof *row);
    row->header = gw_markdown_table_row_is_header(r);
    row->pos = gw_build_node_pos(b, r);
    gw_cell **cell_tail = &row->cells;
    int n = 0;
    for (cmark_node *c = cmark_node_first_child(r); c; c = cmark_node_next(c)) {
      gw_cell *cell = gw_arena_alloc(b->arena, sizeof *cell);
      cell->role = row->header ? GW_ROLE_TABLE_HEADER : GW_ROLE_TABLE_CELL;
      cell->align = row->header ? GW_ALIGN_CENTER : b->doc->layout.roles[GW_ROLE_TABLE_CELL].align;
      cell->span = 1;
      gw_build_inlines(b, c, &cell->runs);
      *cell_tail = cell;
      cell_tail = &cell->next;
      n++;
    }
    if (n > t->ncols)
      t->ncols = n;
    if (!row->header)
      gw_build_check_row_cells(b, r, t->ncols);
    *row_tail = row;
    row_tail = &row->next;
    t->last_row = row;
    t->nrows++;
  }
  align_columns(b, t, table);
  return t;
}

/* A cell of ASCII only (312.56, 98.4%, 1,024, GDP): a figure or a code
 * that a line break would make unreadable. */
static bool ascii_cell(const gw_cell *c) {
  for (const gw_run *r = c->runs.first; r; r = r->next)
    for (size_t i = 0; i < r->len; i++)
      if ((unsigned char)r->text[i] >= 0x80)
        return false;
  return gw_cell_width((gw_cell *)c) <= 24;
}

/* Where a header breaks best: before its unit in brackets (医共体数（个）,
 * 县域内就诊率（%）): the byte offset of the bracket, or 0. */
static size_t header_unit_at(const char *t) {
  const char *wide = strstr(t, "（"), *narrow = strchr(t, '(');
  const char *at = wide && (!narrow || wide < narrow) ? wide : narrow;
  return at && at > t ? (size_t)(at - t) : 0;
}

/* A header wider than its column breaks before its unit: 县域内就诊率 /
 * （%）, not 县域内就诊 / 率（%）. */
static void break_header_unit(gw_build *b, gw_cell *c, int col_twips) {
  const gw_layout *L = &b->doc->layout;
  int col = L->roles[GW_ROLE_TABLE_HEADER].size_half_pt * 5;
  int room = col_twips - 2 * L->table.cell_margin_twips - 40;
  if (!gw_runs_plain(&c->runs))
    return; /* broken or marked up by the drafter */
  const char *t = gw_runs_text(b->arena, &c->runs);
  size_t len = strlen(t), at = header_unit_at(t);
  if (!at || col <= 0 || gw_zh_display_width(t, len) * (size_t)col <= (size_t)room)
    return;
  /* even when the name itself wraps, its unit starts a line of its own
   * (规上工业 / 增加值增 / 速 / （%）, not …速（ / %）) */
  c->runs = gw_runs_broken(b->arena, t, len, &at, 1);
  c->width_plus_one = 0;
}

/* Display columns a cell needs beyond its characters: LibreOffice sets
 * a gap between Chinese and Latin letters or digits even where the
 * style asks for none (第0镇 wrapped as 第0 / 镇), about a quarter of a
 * character each; one column for every two such meetings. */
static size_t script_gaps(const gw_cell *c) {
  size_t meetings = 0;
  int prev = 0; /* 1 Chinese, 2 Latin letter or digit, 0 other */
  for (const gw_run *r = c->runs.first; r; r = r->next) {
    int32_t i = 0, n = (int32_t)r->len;
    while (i < n) {
      UChar32 ch;
      U8_NEXT(r->text, i, n, ch);
      int kind = ch >= 0x3400 ? 1 : (ch < 0x80 && isalnum(ch)) ? 2 : 0;
      meetings += kind && prev && kind != prev;
      prev = kind;
    }
  }
  return (meetings + 1) / 2;
}

/* Each column `lo` wide, and the room left (`avail` - sum_lo) shared in
 * proportion to how far each is from `hi`. */
static void share_beyond(double *width, const double *lo, double sum_lo, const double *hi,
                         double sum_hi, int n, int avail) {
  double spare = avail - sum_lo, want = sum_hi - sum_lo;
  for (int i = 0; i < n; i++)
    width[i] = lo[i] + (hi[i] - lo[i]) * spare / want;
}

int gw_build_cell_pad(const gw_layout *L) { return 2 * L->table.cell_margin_twips + 40; }

void gw_build_table_widths(gw_build *b, gw_table *t, int avail) {
  const gw_layout *L = &b->doc->layout;
  int n = t->ncols > 0 ? t->ncols : 1;
  /* One display column is half a Chinese character of the cell size. */
  double unit = L->roles[GW_ROLE_TABLE_CELL].size_half_pt * 5.0;
  double header_unit = L->roles[GW_ROLE_TABLE_HEADER].size_half_pt * 5.0;
  int pad = gw_build_cell_pad(L);
  /* Widths a column: natural (its widest cell on one line), head
   * (its header and cells of up to six characters unbroken) and data
   * (figures and cells of up to four characters unbroken, the header
   * wrapped onto at most two lines, its unit in brackets whole). */
  double *natural = gw_arena_alloc(b->arena, (size_t)n * sizeof *natural);
  double *head = gw_arena_alloc(b->arena, (size_t)n * sizeof *head);
  double *data = gw_arena_alloc(b->arena, (size_t)n * sizeof *data);
  /* and a fourth, figures: the data cells alone, the header as narrow
   * as it must be (one character a line, for ten columns and more) */
  double *figures = gw_arena_alloc(b->arena, (size_t)n * sizeof *figures);
  /* and between head and data: the header on two lines broken before
   * its unit in brackets (县域内就诊率 / （%）) */
  double *units = gw_arena_alloc(b->arena, (size_t)n * sizeof *units);
  for (int i = 0; i < n; i++)
    units[i] = figures[i] = data[i] = head[i] = natural[i] = 2 * 2 * unit + pad;
  for (gw_row *row = t->rows; row; row = row->next) {
    if (row->category)
      continue;
    int i = 0;
    for (gw_cell *c = row->cells; c && i < n; c = c->next) {
      size_t cw = gw_cell_width(c) + script_gaps(c);
      double w = (double)cw * (row->header ? header_unit : unit) + pad;
      if (c->span == 1) {
        /* A header with its unit in brackets is at most as wide as its
         * longer half: it breaks there (同比增减 / （百分点）) rather than
         * widen a column of figures and squeeze the names beside it. */
        size_t unit_cols = 0; /* of （百分点）: the header's unit */
        double split = 0;       /* the header broken before its unit */
        if (row->header) {
          const char *text = gw_runs_text(b->arena, &c->runs);
          size_t at = header_unit_at(text);
          if (at) {
            size_t a = gw_zh_display_width(text, at);
            unit_cols = cw > a ? cw - a : 0;
            split = (double)(a > unit_cols ? a : unit_cols) * header_unit + pad;
          }
        }
        double whole = split > 0 ? split : w;
        if (whole > natural[i])
          natural[i] = whole;
        if ((row->header || cw <= 12) && whole > head[i])
          head[i] = whole; /* a header or a short cell (<= 6 characters) */
        /* 亿元, 312.56, 98.4%, 杏花岭区: never broken (a lone 区 on a line) */
        bool short_cell = cw <= 8 || ascii_cell(c);
        if (!row->header && short_cell && w > data[i])
          data[i] = w;
        if (!row->header && short_cell && w > figures[i])
          figures[i] = w;
        /* a header's unit in brackets is never cut: （百分 / 点） */
        double bracket = row->header ? (double)unit_cols * header_unit + pad : 0;
        if (bracket > data[i])
          data[i] = bracket;
        if (bracket > figures[i])
          figures[i] = bracket;
        if (row->header && (double)((cw + 3) / 4 * 2) * header_unit + pad > data[i])
          data[i] = (double)((cw + 3) / 4 * 2) * header_unit + pad; /* half, whole chars */
        double two = (double)((cw + 3) / 4 * 2) * header_unit + pad;
        if (row->header && split > 0)
          two = split;
        else if (!row->header)
          two = short_cell ? w : 0;
        if (two > units[i])
          units[i] = two;
      }
      i += c->span;
    }
  }
  double sum_natural = 0, sum_head = 0, sum_units = 0, sum_data = 0, sum_figures = 0;
  for (int i = 0; i < n; i++) {
    if (head[i] > natural[i])
      natural[i] = head[i];
    if (units[i] > head[i])
      units[i] = head[i];
    if (units[i] < data[i])
      units[i] = data[i];
    sum_natural += natural[i];
    sum_head += head[i];
    sum_units += units[i];
    sum_data += data[i];
    sum_figures += figures[i];
  }
  double *width = gw_arena_alloc(b->arena, (size_t)n * sizeof *width);
  /* The first tier that fits keeps every column at its width there and
   * shares the rest of the room in proportion to what a column holds
   * beyond it, towards a wider tier:
   *  - head: short columns keep their minimum, long ones share the rest;
   *  - units: the headers on two lines, broken before their units;
   *  - data: many columns, the figures whole, headers and long names
   *    wrapping alike;
   *  - figures: ten columns and more, the headers towards half their
   *    length. */
  if (sum_natural <= avail) {
    /* Everything fits: share the spare room in proportion. */
    for (int i = 0; i < n; i++)
      width[i] = natural[i] * avail / sum_natural;
  } else if (sum_head < avail) {
    share_beyond(width, head, sum_head, natural, sum_natural, n, avail);
  } else if (sum_units < avail) {
    share_beyond(width, units, sum_units, natural, sum_natural, n, avail);
  } else if (sum_data < avail) {
    share_beyond(width, data, sum_data, natural, sum_natural, n, avail);
  } else if (sum_figures < avail) {
    share_beyond(width, figures, sum_figures, data, sum_data, n, avail);
  } else {
    for (int i = 0; i < n; i++)
      width[i] = figures[i] * avail / sum_figures;
  }
  t->col_twips = gw_arena_alloc(b->arena, (size_t)n * sizeof *t->col_twips);
  int total = 0;
  for (int i = 0; i < n; i++) {
    t->col_twips[i] = (int)width[i];
    total += t->col_twips[i];
  }
  t->col_twips[n - 1] += avail - total; /* rounding: the table fills exactly */
  t->width_twips = avail;
  t->ncols = n;
  for (gw_row *row = t->rows; row; row = row->next) {
    int i = 0;
    for (gw_cell *c = row->cells; c && i < n && row->header; c = c->next) {
      if (c->span == 1)
        break_header_unit(b, c, t->col_twips[i]);
      i += c->span;
    }
  }
}

/* The placeholders each generated text may hold. */
static const struct {
  const char *key, *names;
} format_names[] = {
    {"formats.issue", "{year} {number} {total}"}, {"formats.total", "{year} {number} {total}"},
    {"formats.copies", "{copies}"},               {"formats.headings", "{zh} {n} {circled}"},
    {"formats.list", "{zh} {n} {circled}"},                 {"formats.issued", "{date}"},
    {"division.index_item", "{category} {n}"},    {"division.unit_title", "{title} {unit}"},
};

/* A placeholder of `v` (a format string) that its text does not know, as
 * {yaer} for {year}: it would print as typed in the 期号. */
static void check_format(gw_build *b, const gw_val *v, const char *key, const char *known) {
  if (!v || v->kind != GW_VAL_STR)
    return;
  for (const char *open = strchr(v->str, '{'); open; open = strchr(open + 1, '{')) {
    const char *close = strchr(open, '}');
    if (!close)
      return;
    char name[64];
    int n = (int)(close - open + 1);
    if (n >= (int)sizeof name)
      continue;
    snprintf(name, sizeof name, "%.*s", n, open);
    if (!strstr(known, name))
      gw_error(b->diags, v->pos, "%s 里的“%s”不是可用的占位符：可用的有 %s", key, name, known);
  }
}

void gw_build_check_formats(gw_build *b) {
  for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++) {
    const gw_val *v = gw_val_path(b->config, format_names[i].key);
    if (v && v->kind == GW_VAL_SEQ)
      for (const gw_val *c = v->first; c; c = c->next)
        check_format(b, c, format_names[i].key, format_names[i].names);
    else
      check_format(b, v, format_names[i].key, format_names[i].names);
  }
}

char *gw_build_number_text(gw_build *b, const char *fmt, long n) {
  char num[32], circled[32];
  snprintf(num, sizeof num, "%ld", n);
  char *zh = gw_zh_numeral((int)n);
  /* ① to ⑳ (U+2460 on), past them the figure in brackets */
  if (n >= 1 && n <= 20) {
    int32_t i = 0;
    UBool err = 0;
    U8_APPEND((uint8_t *)circled, i, (int32_t)sizeof circled - 1, (UChar32)(0x2460 + n - 1), err);
    circled[err ? 0 : i] = '\0';
  } else {
    snprintf(circled, sizeof circled, "（%ld）", n);
  }
  const char *names[] = {"n", "zh", "circled", NULL};
  const char *values[] = {num, zh, circled, NULL};
  char *s = gw_build_format(b, fmt, names, values);
  free(zh);
  return s;
}

char *gw_build_format(gw_build *b, const char *fmt, const char *const *names,
                      const char *const *values) {
  gw_buf out = {0};
  const char *p = fmt;
  while (*p) {
    const char *open = strchr(p, '{');
    if (!open) {
      gw_buf_puts(&out, p);
      break;
    }
    gw_buf_append(&out, p, (size_t)(open - p));
    const char *close = strchr(open, '}');
    if (!close) {
      gw_buf_puts(&out, open);
      break;
    }
    size_t n = (size_t)(close - open - 1);
    int done = 0;
    for (size_t i = 0; names[i] && !done; i++)
      if (strlen(names[i]) == n && memcmp(names[i], open + 1, n) == 0) {
        gw_buf_puts(&out, values[i] ? values[i] : "");
        done = 1;
      }
    if (!done)
      gw_buf_append(&out, open, n + 2);
    p = close + 1;
  }
  char *s = gw_arena_strndup(b->arena, out.data ? out.data : "", out.len);
  gw_buf_free(&out);
  return s;
}

void gw_build_trim(const char *s, size_t *start, size_t *end) {
  static const char *const spaces[] = {" ", "\t", "\u3000", NULL};
  for (bool again = true; again && *start < *end;) {
    again = false;
    for (int i = 0; spaces[i]; i++) {
      size_t n = strlen(spaces[i]);
      if (*end - *start >= n && memcmp(s + *start, spaces[i], n) == 0) {
        *start += n;
        again = true;
      }
      if (*end - *start >= n && memcmp(s + *end - n, spaces[i], n) == 0) {
        *end -= n;
        again = true;
      }
    }
  }
}

/* Length of a name separator at s (、 ， , ； ;), or 0. Each starts with
 * one of these bytes (、 E3, ，； EF, ASCII , ;), so most bytes are
 * rejected at once: a table of 5,000 rows splits every unit cell. */
static size_t name_separator_at(const char *s) {
  static const char *const seps[] = {"、", "，", ",", "；", ";", NULL};
  unsigned char c = (unsigned char)s[0];
  if (c != 0xE3 && c != 0xEF && c != ',' && c != ';')
    return 0;
  for (int i = 0; seps[i]; i++)
    if (s[0] == seps[i][0] && strncmp(s, seps[i], strlen(seps[i])) == 0)
      return strlen(seps[i]);
  return 0;
}

bool gw_build_next_name(const char *text, size_t len, size_t *pos, size_t *a, size_t *z) {
  while (*pos <= len) {
    size_t i = *pos, sep = 0;
    int depth = 0; /* 各县（市、区）卫生健康局 is one name */
    for (bool brackets = true;; brackets = false) {
      for (i = *pos; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        bool wide = c == 0xEF; /* （ and ） start with it */
        if (brackets && (c == '(' || (wide && strncmp(text + i, "（", 3) == 0)))
          depth++;
        else if (depth > 0 && (c == ')' || (wide && strncmp(text + i, "）", 3) == 0)))
          depth--;
        else if (depth == 0 && (sep = name_separator_at(text + i)))
          break;
      }
      if (depth == 0 || !brackets)
        break;
      depth = 0; /* a bracket never closed: separators count after all */
    }
    if (i >= len)
      sep = 1; /* the end of the text ends the last name */
    *a = *pos;
    *z = i;
    gw_build_trim(text, a, z);
    *pos = i + sep;
    if (*z > *a)
      return true;
  }
  return false;
}

size_t gw_build_split_names(gw_arena *arena, const char *text, const char ***names,
                            size_t **starts) {
  size_t len = strlen(text), count = 0, pos = 0, a, z;
  /* count the names first: arrays sized to them, not to the text */
  while (gw_build_next_name(text, len, &pos, &a, &z))
    count++;
  *names = gw_arena_alloc(arena, (count + 1) * sizeof **names);
  *starts = gw_arena_alloc(arena, (count + 1) * sizeof **starts);
  count = pos = 0;
  while (gw_build_next_name(text, len, &pos, &a, &z)) {
    (*names)[count] = gw_arena_strndup(arena, text + a, z - a);
    (*starts)[count++] = a;
  }
  return count;
}

bool gw_build_after_dunhao(const char *s, size_t start) {
  while (start > 0 && s[start - 1] == ' ')
    start--;
  return start >= 3 && strncmp(s + start - 3, "、", 3) == 0;
}

/* Does a recipient name people, not a body (…分管领导, …负责同志)? */
static bool ends_with_people(const char *name) {
  static const char *const words[] = {"领导", "同志", "负责人", "成员", NULL};
  size_t len = strlen(name);
  for (int i = 0; words[i]; i++) {
    size_t w = strlen(words[i]);
    if (len > w && strcmp(name + len - w, words[i]) == 0)
      return true;
  }
  return false;
}

/* A distribution row written as one string (报: 市委办公室，市政府办公室):
 * its names, so every row is joined the same way; also a list typed
 * with full-width brackets (［市委办公室，市政府办公室］). */
static const char **split_names(gw_build *b, const char *s, size_t *count) {
  static const char *const opens[] = {"［", "【", "[", NULL}, *const closes[] = {"］", "】", "]", NULL};
  size_t sl = strlen(s);
  for (int i = 0; opens[i]; i++) {
    size_t o = strlen(opens[i]), c = strlen(closes[i]);
    if (sl >= o + c && strncmp(s, opens[i], o) == 0 && strcmp(s + sl - c, closes[i]) == 0) {
      s = gw_arena_strndup(b->arena, s + o, sl - o - c);
      break;
    }
  }
  const char **names;
  size_t *starts;
  size_t n = gw_build_split_names(b->arena, s, &names, &starts), kept = 0;
  /* In a row parted with ，or ；, a 、 joins within one recipient, as
   * Chinese punctuation has it: 团省委机关各部门、直属单位, 市人大常委会、
   * 市政府、市政协主要领导. In a row parted with 、 alone, a word of two
   * characters after a 、 is still the rest of the name before it (各乡镇
   * 党委、政府: the 党委 and the 政府 of each township). */
  bool commas = strstr(s, "，") || strstr(s, "；") || strchr(s, ',') || strchr(s, ';');
  /* 市委、市政府分管领导: the leaders of both, one recipient; parted,
   * the row would send the issue to the whole 市委 */
  bool people = n > 0 && ends_with_people(names[n - 1]);
  for (size_t i = 0; i < n; i++) {
    bool joins = kept > 0 && gw_build_after_dunhao(s, starts[i]) &&
                 (commas || people || gw_zh_count_chars(names[i], strlen(names[i])) <= 2);
    if (joins)
      names[kept - 1] = gw_arena_printf(b->arena, "%s、%s", names[kept - 1], names[i]);
    else
      names[kept++] = names[i];
  }
  *count = kept;
  return names;
}

gw_tail *gw_build_tail(gw_build *b) {
  gw_tail *tail = gw_arena_alloc(b->arena, sizeof *tail);
  const gw_val *dist = gw_val_get(b->config, "distribution");
  gw_tail_row **row_tail = &tail->rows;
  if (dist && dist->kind != GW_VAL_MAP && dist->kind != GW_VAL_NULL) {
    const char *colon = dist->kind == GW_VAL_STR ? strchr(dist->str, ':') : NULL;
    if (dist->kind == GW_VAL_STR && strstr(dist->str, "："))
      gw_error(b->diags, dist->pos,
               "distribution 下的标签后用了中文冒号“：”：前置元数据只认英文冒号加空格，"
               "每个标签一行，如 报: [省委办公厅, 省政府办公厅]");
    else if (colon && colon[1] != ' ' && colon > dist->str) /* 报:[县委办公室] */
      gw_error(b->diags, dist->pos, "distribution 下标签的冒号后面要有一个空格：写成“%.*s: %s”",
               (int)(colon - dist->str), dist->str, colon + 1);
    else
      gw_error(b->diags, dist->pos,
               "distribution 应为“标签: [单位, …]”的映射，如 报: [省委办公厅]");
    return tail;
  }
  const char *sep = "，";
  const gw_val *sepv = gw_val_get(b->config, "distribution_separator");
  if (sepv && sepv->kind == GW_VAL_STR)
    sep = sepv->str;
  /* a bulletin's 报尾 rows (报：送：发：) end with no mark: a 抄送 among
   * them does not either, or one row of the block would */
  bool bulletin_rows = false;
  for (const gw_val *c = dist ? dist->first : NULL; c && b->doc->kind == GW_KIND_BULLETIN;
       c = c->next) {
    size_t n = label_len(c->key);
    bulletin_rows = bulletin_rows || (n == strlen("报") && (strncmp(c->key, "报", n) == 0 ||
                                                           strncmp(c->key, "送", n) == 0 ||
                                                           strncmp(c->key, "发", n) == 0));
  }
  for (const gw_val *c = dist ? dist->first : NULL; c; c = c->next) {
    size_t n;
    const char **names = c->kind == GW_VAL_STR ? split_names(b, c->str, &n)
                                               : gw_build_str_list(b, c, &n);
    gw_buf text = {0};
    for (size_t i = 0; i < n; i++) {
      if (i)
        gw_buf_puts(&text, sep);
      gw_buf_puts(&text, names[i]);
    }
    gw_tail_row *row = gw_arena_alloc(b->arena, sizeof *row);
    row->label = gw_arena_strndup(b->arena, c->key, label_len(c->key));
    /* GB/T 9704 7.4.2: the 抄送 (and a 主送 moved there, or a plan's
     * 分送 or 抄报 line like it) line ends with 。, once, whatever mark
     * the drafter ended it with */
    bool plan = b->doc->kind == GW_KIND_DIVISION;
    if ((strcmp(row->label, "抄送") == 0 || strcmp(row->label, "主送") == 0 ||
         (plan && (strcmp(row->label, "分送") == 0 || strcmp(row->label, "抄报") == 0))) &&
        !bulletin_rows) {
      static const char *const ends[] = {"。", "，", "；", "、", ".", ",", ";", NULL};
      for (bool cut = true; cut && text.len;) {
        cut = false;
        for (int i = 0; ends[i] && !cut; i++) {
          size_t n = strlen(ends[i]);
          if (text.len >= n && memcmp(text.data + text.len - n, ends[i], n) == 0) {
            text.len -= n;
            cut = true;
          }
        }
      }
      if (text.len)
        gw_buf_puts(&text, "。");
    }
    if (!text.len) { /* a label with no names: no row */
      gw_warning(b->diags, c->pos, "distribution 的“%s”下没有单位，这一行不排", row->label);
      gw_buf_free(&text);
      continue;
    }
    size_t len;
    row->text = gw_build_text(b, text.data ? text.data : "", text.len, &len);
    gw_buf_free(&text);
    *row_tail = row;
    row_tail = &row->next;
  }
  return tail;
}

/* ---- Titles that wrap: where the lines break (GB/T 9704 7.3.3). ---- */

static bool ends_with_any(const char *text, size_t at, const char *const *marks) {
  for (int i = 0; marks[i]; i++) {
    size_t n = strlen(marks[i]);
    if (at >= n && memcmp(text + at - n, marks[i], n) == 0)
      return true;
  }
  return false;
}

static bool starts_with_any(const char *text, const char *const *marks) {
  for (int i = 0; marks[i]; i++)
    if (strncmp(text, marks[i], strlen(marks[i])) == 0)
      return true;
  return false;
}

typedef struct {
  size_t at, cut; /* break before text[at]; `cut` bytes (a space) go */
  size_t cols;    /* display columns before it */
  int bonus;      /* columns of imbalance worth accepting to break here (< 0: a bad place) */
} line_break;

/* Where a title may break: between words (ICU), never after an opening
 * mark or before a closing one; best at a space the drafter typed
 * (来远镇：用好“五个一”工作法　打造…), next after a comma or a 、. */
static size_t break_candidates(const char *t, size_t len, line_break **out) {
  static const char *const openers[] = {"“", "‘", "《", "（", "〔", "【", "(", NULL};
  static const char *const closers[] = {"”", "’", "》", "）", "〕", "】", ")", "、", "，", "。",
                                        "：", "；", "！", "？", "…", "—", "·", NULL};
  static const char *const pauses[] = {"，", "、", "：", "；", "”", "》", NULL};
  static const char *const pair_open[] = {"《", "“", "（", "(", NULL};
  static const char *const pair_close[] = {"》", "”", "）", ")", NULL};
  static const char *const inner_pauses[] = {"、", "，", "；", NULL};
  size_t *words = NULL;
  long nw = gw_zh_word_breaks(t, len, &words);
  line_break *v = gw_xmalloc(((size_t)(nw > 0 ? nw : 0) + len + 1) * sizeof *v);
  /* depth[i]: how many 《“（ are open before byte i: a break inside a
   * book title or a quotation splits a name (《中华人民/共和国…》) */
  int *depth = gw_xmalloc((len + 1) * sizeof *depth);
  depth[0] = 0;
  for (size_t i = 0; i < len; i++) {
    int d = depth[i];
    if (starts_with_any(t + i, pair_open))
      d++;
    else if (starts_with_any(t + i, pair_close) && d > 0)
      d--;
    depth[i + 1] = d;
  }
  /* set phrases the word breaker parts (社会/主义, 河/长制): no break
   * inside them */
  static const char *const phrases[] = {"社会主义", "共产主义", "马克思主义", "中国特色", "新时代",
                                        "习近平", "共青团", "共产党", "党中央", "河长制", "湖长制",
                                        "林长制", "田长制", "高质量", "现代化", "主题教育", "委员会",
                                        "全面从严治党", "营商环境", "乡村振兴", "高质量发展",
                                        NULL};
  bool *inside = gw_xmalloc((len + 1) * sizeof *inside);
  memset(inside, 0, (len + 1) * sizeof *inside);
  for (int k = 0; phrases[k]; k++)
    for (const char *f = t; (f = strstr(f, phrases[k])) && f < t + len; f++)
      for (size_t j = (size_t)(f - t) + 1; j < (size_t)(f - t) + strlen(phrases[k]) && j <= len; j++)
        inside[j] = true;
  size_t n = 0;
  for (long i = 0; i < nw; i++) {
    size_t at = words[i];
    if (inside[at])
      continue;
    bool space_before = t[at - 1] == ' ' || ends_with_any(t, at, (const char *const[]){"\u3000", NULL});
    if (space_before || t[at] == ' ' || starts_with_any(t + at, (const char *const[]){"\u3000", NULL}))
      continue; /* spaces are taken below, whole */
    if (ends_with_any(t, at, openers) || starts_with_any(t + at, closers))
      continue;
    if (t[at - 1] >= '0' && t[at - 1] <= '9' &&
        starts_with_any(t + at, (const char *const[]){"年", "月", "日", "号", NULL}))
      continue; /* 2027 / 年）: a number keeps its unit */
    if (t[at] >= '0' && t[at] <= '9' &&
        ends_with_any(t, at, (const char *const[]){"—", "-", "～", "~", NULL}))
      continue; /* 2025— / 2027年: a range keeps whole */
    int bonus = ends_with_any(t, at, pauses) ? 2 : 0;
    /* inside 《…》 “…” （…）: only after a 、 or ， of a list there
     * (“守底线、/查隐患、保安全”) is it no worse than elsewhere */
    if (depth[at] > 0)
      bonus -= ends_with_any(t, at, inner_pauses) ? 2 : 12;
    /* a one-character word on either side (整/改): the segmenter may not
     * know the word, so do not trust the boundary much */
    size_t prev = i > 0 ? words[i - 1] : 0, next = i + 1 < nw ? words[i + 1] : len;
    bonus -= (at - prev == 3 ? 3 : 0) + (next - at == 3 ? 3 : 0);
    /* a body's name ends in a one-character word (教育/局, 委员/会,
     * 团/县委): never start a line with it */
    static const char *const org_ends[] = {"会", "局", "委", "办", "厅", "院", "处", "室", "所",
                                           "站", "队", "部", "署", NULL};
    if (next - at == 3 && starts_with_any(t + at, org_ends))
      bonus -= 12;
    /* nor with the rest of one (东阳县人民政府 / 办公室); a title's
     * issuer and its matter part best before 关于 (GB/T 9704 7.3.1) */
    static const char *const org_tails[] = {"办公室", "委员会", "人民政府", "领导小组", NULL};
    if (starts_with_any(t + at, org_tails))
      bonus -= 12;
    if (starts_with_any(t + at, (const char *const[]){"关于", NULL}))
      bonus += 4;
    v[n++] = (line_break){at, 0, gw_zh_display_width(t, at), bonus};
  }
  free(depth);
  free(inside);
  free(words);
  for (size_t at = 0; at < len;) {
    size_t sp = t[at] == ' ' ? 1 : strncmp(t + at, "\u3000", 3) == 0 ? 3 : 0;
    if (!sp) {
      at++;
      continue;
    }
    size_t end = at;
    while (end < len && (t[end] == ' ' || strncmp(t + end, "\u3000", 3) == 0))
      end += t[end] == ' ' ? 1 : 3;
    if (at > 0 && end < len)
      v[n++] = (line_break){at, end - at, gw_zh_display_width(t, at), 8};
    at = end;
  }
  *out = v;
  return n;
}

/* Break `runs` (one paragraph of `role`, set in a measure of `avail`
 * twips) into balanced lines when it does not fit on one: as many lines
 * as it needs, the upper ones no shorter (a trapezoid), each break at a
 * word boundary. Leaves the runs alone when no such breaks exist. */
void gw_build_balance_lines(gw_build *b, gw_runs *runs, gw_role role, int avail) {
  int half = b->doc->layout.roles[role].size_half_pt * 5; /* twips a display column */
  size_t cap = half > 0 ? (size_t)(avail / half) : 0;
  for (const gw_run *r = runs->first; r; r = r->next)
    if (r->kind != GW_RUN_TEXT)
      return; /* the drafter broke it already */
  size_t chars, width = gw_runs_measure(runs, &chars);
  if (cap < 4 || width <= cap)
    return; /* most lines fit: measured where they lie, nothing joined */
  gw_buf all = {0};
  gw_runs_join(runs, &all);
  const char *t = all.data ? all.data : "";
  size_t lines = (width + cap - 1) / cap;
  line_break *cand;
  size_t nc = break_candidates(t, all.len, &cand);
  line_break *chosen = gw_arena_alloc(b->arena, lines * sizeof *chosen);
  size_t prev_cols = 0, prev_at = 0, picked = 0;
  for (size_t k = 1; k < lines; k++) {
    double target = (double)width * (double)k / (double)lines;
    long best = -1, best_any = -1;
    double best_cost = 0, best_any_cost = 0;
    for (size_t i = 0; i < nc; i++) {
      const line_break *c = &cand[i];
      if (c->at <= prev_at || c->cols - prev_cols > cap)
        continue;
      double cost = (c->cols > target ? c->cols - target : (target - c->cols) + 1) - c->bonus;
      /* a trapezoid: this line no shorter than the lines left will be;
       * but not at the price of a name cut inside 《…》 or “…” */
      size_t rest = width > c->cols ? width - c->cols : 0;
      /* …and not at the price of a last line of a word or two either
       * (…“青春建功乡村振兴” / 工作): then the balanced break wins */
      bool stub = k + 1 == lines && rest * 4 < width;
      bool trapezoid = (c->cols - prev_cols) * (lines - k) >= rest && c->bonus > -10 && !stub;
      /* a space the drafter typed parts a title's two halves (…作风建设
       * 　为高质量发展…): kept though the lower half is up to three
       * characters longer, rather than pull a word up over it */
      size_t space = c->cut ? gw_zh_display_width(t + c->at, c->cut) : 0;
      if (c->cut && k + 1 == lines && rest <= (c->cols - prev_cols) + space + 2 * 3)
        trapezoid = true;
      if (trapezoid && (best < 0 || cost < best_cost)) {
        best = (long)i;
        best_cost = cost;
      }
      if (best_any < 0 || cost < best_any_cost) {
        best_any = (long)i;
        best_any_cost = cost;
      }
    }
    if (best < 0)
      best = best_any; /* no break keeps the shape: the most balanced one */
    if (best < 0)
      break;
    chosen[picked++] = cand[best];
    prev_cols = cand[best].cols + (cand[best].cut ? gw_zh_display_width(t + cand[best].at, cand[best].cut) : 0);
    prev_at = cand[best].at;
  }
  free(cand);
  if (picked + 1 != lines || width - prev_cols > cap) {
    gw_buf_free(&all);
    return; /* no good breaks: the word processor wraps it */
  }
  /* Rebuild the runs with a break run at each chosen place. */
  gw_runs out = {0};
  size_t off = 0, next = 0;
  for (gw_run *r = runs->first; r; r = r->next) {
    size_t start = 0;
    while (next < picked && chosen[next].at < off + r->len) {
      size_t at = chosen[next].at - off, cut = chosen[next].cut;
      if (at > start) {
        gw_run *piece = gw_runs_append(b->arena, &out, GW_RUN_TEXT, r->text + start, at - start);
        piece->role = r->role;
        piece->bold = r->bold;
      }
      gw_runs_append(b->arena, &out, GW_RUN_BREAK, "", 0);
      start = at + cut < r->len ? at + cut : r->len;
      next++;
    }
    if (start < r->len) {
      gw_run *piece = gw_runs_append(b->arena, &out, GW_RUN_TEXT, r->text + start, r->len - start);
      piece->role = r->role;
      piece->bold = r->bold;
    }
    off += r->len;
  }
  *runs = out;
  gw_buf_free(&all);
}

/* Footnotes a drafter cannot see go wrong: a label defined twice ([^1]
 * in each article: cmark-gfm keeps the first definition and drops the
 * second), a definition no text cites (dropped too), and a citation with
 * no definition (its [^1] printed as typed). Read from the source lines,
 * outside fenced code. */
enum { MAX_NOTE_LABELS = 512 }; /* more notes than any issue has: stop looking */

typedef struct {
  const char *label[MAX_NOTE_LABELS];
  size_t offset[MAX_NOTE_LABELS];
  size_t n;
} note_labels;

static bool note_label_in(const note_labels *l, const char *label) {
  for (size_t i = 0; i < l->n; i++)
    if (strcasecmp(l->label[i], label) == 0) /* as cmark-gfm matches them */
      return true;
  return false;
}

static void note_label_add(note_labels *l, const char *label, size_t offset) {
  if (l->n < MAX_NOTE_LABELS) {
    l->label[l->n] = label;
    l->offset[l->n++] = offset;
  }
}

/* The citations [^x] on one line, from p to eol, into refs. */
static void note_citations(gw_build *b, const char *p, const char *eol, note_labels *refs) {
  for (const char *q = p; (q = memchr(q, '[', (size_t)(eol - q))) && q + 2 < eol; q++) {
    if (q[1] != '^')
      continue;
    const char *close = memchr(q + 2, ']', (size_t)(eol - q - 2));
    if (!close || close == q + 2 || memchr(q + 2, ' ', (size_t)(close - q - 2)))
      continue;
    note_label_add(refs, gw_arena_strndup(b->arena, q + 2, (size_t)(close - q - 2)),
                   (size_t)(q - b->src->text));
  }
}

void gw_build_check_footnotes(gw_build *b) {
  const gw_source *src = b->src;
  note_labels *defs = gw_arena_alloc(b->arena, sizeof *defs);
  note_labels *refs = gw_arena_alloc(b->arena, sizeof *refs);
  defs->n = refs->n = 0;
  char fence = 0; /* inside ``` or ~~~: no notes there */
  for (size_t line = src->body_line - 1; line < src->line_count; line++) {
    const char *p = src->text + src->line_starts[line];
    const char *eol = line + 1 < src->line_count ? src->text + src->line_starts[line + 1]
                                                 : src->text + src->len;
    for (int indent = 0; indent < 3 && p < eol && *p == ' '; indent++)
      p++;
    if (eol - p >= 3 && (p[0] == '`' || p[0] == '~') && p[1] == p[0] && p[2] == p[0]) {
      fence = fence == p[0] ? 0 : fence ? fence : p[0];
      continue;
    }
    if (fence || !memchr(p, '[', (size_t)(eol - p)))
      continue;
    const char *close = eol - p >= 5 && strncmp(p, "[^", 2) == 0 ? memchr(p, ']', (size_t)(eol - p))
                                                                 : NULL;
    bool defines = close && close + 1 < eol && close[1] == ':' && close != p + 2;
    if (!defines) {
      note_citations(b, p, eol, refs);
      continue;
    }
    const char *label = gw_arena_strndup(b->arena, p + 2, (size_t)(close - p - 2));
    if (note_label_in(defs, label))
      gw_warning(b->diags, gw_source_pos_at(src, (size_t)(p - src->text)),
                 "脚注标号“[^%s]”前面已经用过：这一条脚注的内容不会排出；"
                 "请给每条脚注不同的标号，如 [^%s-2]",
                 label, label);
    else
      note_label_add(defs, label, (size_t)(p - src->text));
    note_citations(b, close + 1, eol, refs); /* a note may cite another */
  }
  if (defs->n == MAX_NOTE_LABELS || refs->n == MAX_NOTE_LABELS)
    return; /* past what was read: no verdict */
  for (size_t i = 0; i < refs->n; i++)
    if (!note_label_in(defs, refs->label[i]))
      gw_warning(b->diags, gw_source_pos_at(src, refs->offset[i]),
                 "脚注“[^%s]”没有写内容（如另起一行写“[^%s]: 说明……”）：它会原样印出；"
                 "请补上脚注内容，或删去这个标号",
                 refs->label[i], refs->label[i]);
  for (size_t i = 0; i < defs->n; i++)
    if (!note_label_in(refs, defs->label[i]))
      gw_warning(b->diags, gw_source_pos_at(src, defs->offset[i]),
                 "脚注“[^%s]”在正文里没有引用：它的内容不会排出；请在正文相应处写上 [^%s]，"
                 "或删去这条脚注",
                 defs->label[i], defs->label[i]);
}

/* ---- brackets and quotes without partners ---- */

typedef struct {
  gw_build *b;
  gw_pos pos;
} unpaired_warning;

static int warn_unpaired(const gw_zh_unpaired *u, void *p) {
  unpaired_warning *w = p;
  char mark[48], partner[48];
  gw_zh_unpaired_names(u, mark, sizeof mark, partner, sizeof partner);
  gw_warning(w->b->diags, w->pos,
             u->open ? "这一段里的%s没有与之配对的%s：请补上%s，或删去这个%s"
                     "；gwdoc lint 可指出它的确切位置"
                     : "这一段里的%s前面没有与之配对的%s：请补上%s，或删去这个%s"
                       "；gwdoc lint 可指出它的确切位置",
             mark, partner, partner, mark);
  return 1; /* one a paragraph: the first tells the drafter where to look */
}

/* The text of `runs`, NUL-terminated: without copying when it is one
 * whole run. */
static const char *runs_text(gw_buf *buf, const gw_runs *runs, size_t *len) {
  if (runs->first && runs->first == runs->last && runs->first->kind == GW_RUN_TEXT &&
      runs->first->text[runs->first->len] == '\0') {
    *len = runs->first->len;
    return runs->first->text;
  }
  buf->len = 0;
  gw_runs_join(runs, buf);
  *len = buf->len;
  return buf->data ? buf->data : "";
}

/* What `gwdoc new` writes for the drafter to replace (new.c): a skeleton
 * rendered as it is prints 文章标题 and 导语…… without a word. Whole
 * texts, and marks no finished text keeps. */
static const char *placeholder_in(const char *text, size_t len) {
  static const char *const whole[] = {"文章标题", "一、一级标题", "一、类别名称", NULL};
  static const char *const marks[] = {"（按语，可删去）", "（副标题，可删去）", "导语……",
                                      "正文……", "改革举措……", "为……，", NULL};
  /* most text ends with none of … ） and opens with no 为: done at once */
  bool ends_mark = len >= 3 && (memcmp(text + len - 3, "…", 3) == 0 ||
                                memcmp(text + len - 3, "）", 3) == 0);
  bool opens_wei = len >= 3 && memcmp(text, "为", 3) == 0;
  if (!ends_mark && !opens_wei && len != strlen("文章标题") && len != strlen("一、一级标题"))
    return NULL;
  for (int i = 0; whole[i]; i++)
    if (len == strlen(whole[i]) && memcmp(text, whole[i], len) == 0)
      return whole[i];
  /* where the skeleton has them: ending the text (导语……, 编者按：（按语，
   * 可删去）), or for 为……， opening it; not 导语……是消息的开头部分 */
  for (int i = 0; marks[i]; i++) {
    size_t n = strlen(marks[i]);
    bool at_end = len >= n && memcmp(text + len - n, marks[i], n) == 0;
    bool at_start = len >= n && memcmp(text, marks[i], n) == 0;
    if (at_end || (at_start && strcmp(marks[i], "为……，") == 0))
      return marks[i];
  }
  return NULL;
}

static void check_text(gw_build *b, gw_buf *buf, const gw_runs *runs, gw_pos pos) {
  size_t len;
  const char *text = runs_text(buf, runs, &len);
  unpaired_warning w = {b, pos};
  gw_zh_each_unpaired(text, len, gw_zh_paren_marker_len(text, len), warn_unpaired, &w);
  size_t at, n;
  if (gw_zh_find_emoji(text, len, &at, &n))
    gw_warning(b->diags, pos, "这一段里有表情符号“%.*s”：公文字体里没有它的字形，打印出来是方框；请删去",
               (int)n, text + at);
  const char *placeholder = placeholder_in(text, len);
  if (placeholder)
    gw_warning(b->diags, pos, "这里还是 gwdoc new 写下的占位文字“%s”：请换成正文，或删去",
               placeholder);
}

/* The front matter `gwdoc new` writes for a division: its title and
 * issuer are to be replaced too, or they are printed as they are. */
static void check_front_placeholders(gw_build *b) {
  static const char *const keys[] = {"title", "issuer", NULL};
  static const char *const marks[] = {"（文件标题）", "（印发机关）", NULL};
  for (int i = 0; keys[i]; i++) {
    const gw_val *v = gw_val_get(b->config, keys[i]);
    if (v && v->kind == GW_VAL_STR && strstr(v->str, marks[i]))
      gw_warning(b->diags, v->pos, "%s 还是 gwdoc new 写下的占位文字“%s”：请换成实际的%s", keys[i],
                 marks[i], i == 0 ? "文件标题" : "印发机关");
  }
}

void gw_build_check_text(gw_build *b) {
  gw_buf buf = {0};
  check_front_placeholders(b);
  for (const gw_block *blk = b->doc->first; blk; blk = blk->next) {
    if (blk->kind == GW_BLOCK_PARA && blk->pos.line > 0)
      check_text(b, &buf, &blk->runs, blk->pos);
    if (blk->kind == GW_BLOCK_TABLE)
      for (const gw_row *row = blk->table->rows; row; row = row->next)
        for (const gw_cell *c = row->cells; c && row->pos.line > 0; c = c->next)
          if (!c->merge_text) /* merged into the cell above: its text, checked there */
            check_text(b, &buf, &c->runs, row->pos);
  }
  gw_buf_free(&buf);
}
