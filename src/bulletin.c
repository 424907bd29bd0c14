/* bulletin.c - the 简报 model: 版头 (masthead, 期号, issuer and date, red
 * rule, column line), 编者按, articles, and the 报尾. */
#include "image.h"
#include "kinds.h"
#include "zh.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const gw_bulletin_keys[] = {
    "kind",   "template", "title",   "issuer",       "year",      "number",
    "total",  "label",    "date",    "mark",         "column",    "distribution",
    "copies", "contact",  "numbering", "normalize",  "contents",  "layout",
    NULL};

enum { MAX_BLOCK_DEPTH = 32 };

static const char *format_key(gw_build *b, const char *key) {
  const gw_val *v = gw_val_path(b->config, key);
  return v && v->kind == GW_VAL_STR ? v->str : "";
}

/* The i-th entry of a list under formats (headings, list). */
static const char *format_list(gw_build *b, const char *key, int i) {
  const gw_val *v = gw_val_path(b->config, key);
  if (!v || v->kind != GW_VAL_SEQ)
    return "{n}.";
  const gw_val *item = v->first;
  for (int k = 0; k < i && item && item->next; k++)
    item = item->next;
  return item && item->kind == GW_VAL_STR ? item->str : "{n}.";
}

/* Titles and headings take their weight from their style: a heading
 * typed all in bold (**一、…**, # **标题**, as Word copies them) is not
 * bolder than the ones beside it. */
static void drop_whole_bold(gw_role role, gw_runs *runs) {
  if (role != GW_ROLE_TITLE && role != GW_ROLE_SUBTITLE && (role < GW_ROLE_HEADING1 ||
                                                            role > GW_ROLE_HEADING4))
    return;
  for (const gw_run *r = runs->first; r; r = r->next)
    if (r->kind == GW_RUN_TEXT && r->len && !r->bold)
      return;
  for (gw_run *r = runs->first; r; r = r->next)
    r->bold = 0;
}

/* Is an HTML block only a comment (<!-- … -->)? */
static bool is_html_comment(const char *html) {
  while (html && (*html == ' ' || *html == '\t'))
    html++;
  if (!html || strncmp(html, "<!--", 4) != 0)
    return false;
  const char *end = strstr(html + 4, "-->");
  if (!end)
    return false;
  for (end += 3; *end == ' ' || *end == '\t' || *end == '\r' || *end == '\n'; end++)
    ;
  return *end == '\0';
}

/* A paragraph whose runs were built already. */
static void add_built_para(gw_build *b, gw_role role, cmark_node *node, gw_runs runs) {
  drop_whole_bold(role, &runs);
  gw_block *p = gw_doc_add(b->doc, GW_BLOCK_PARA, role);
  p->pos = gw_build_node_pos(b, node);
  p->runs = runs;
}

static void add_para(gw_build *b, gw_role role, cmark_node *node, const char *prefix) {
  gw_runs runs = {0};
  if (prefix && *prefix)
    gw_runs_append(b->arena, &runs, GW_RUN_TEXT, prefix, strlen(prefix));
  gw_build_inlines(b, node, &runs);
  add_built_para(b, role, node, runs);
}

/* 要求： / 一、抢抓农时，确保颗粒归仓； / 二、强化农机调度； / 三、做好秸
 * 秆禁烧工作。: numbered lines ending in ； are a list's items, not
 * headings, and so is the line numbered next after them, whatever it
 * ends with. (一、基本情况 under 报告如下： stays a heading.) Returns the
 * level to use. */
static int listed_not_heading(gw_body_state *st, const char *plain, int level) {
  gw_section_number sn;
  if (!plain || !gw_section_number_read(plain, &sn) || sn.level > 2) {
    st->item_number = 0;
    return level;
  }
  return gw_listed_item(&st->item_number, sn.value, plain, strlen(plain)) ? 0 : level;
}

/* numbering: auto numbers the headings itself: a number the drafter
 * typed as well (## 一、选拔一批) would print twice (一、一、), so it goes,
 * with one warning a document. */
static void drop_typed_number(gw_build *b, gw_body_state *st, cmark_node *node, gw_run *run) {
  if (!run || run->kind != GW_RUN_TEXT)
    return;
  char *text = gw_arena_strndup(b->arena, run->text, run->len);
  size_t n = gw_section_number_len(text);
  if (n == 0 || n >= run->len)
    return;
  if (!st->told_typed_number)
    gw_warning(b->diags, gw_build_node_pos(b, node),
               "numbering: auto 会自动给标题编号，标题里写的“%.*s”已去掉；"
               "要保留自己写的编号，请改为 numbering: explicit",
               (int)n, run->text);
  st->told_typed_number = true;
  run->text += n;
  run->len -= n;
}

/* 一、　加强… : the space a drafter leaves after a heading's number
 * (often U+3000, from Word) is no part of the standard form. */
static void close_number_gap(gw_build *b, gw_run *run) {
  if (!run || run->kind != GW_RUN_TEXT)
    return;
  char *text = gw_arena_strndup(b->arena, run->text, run->len);
  gw_section_number sn;
  if (!gw_section_number_read(text, &sn) || sn.mark_end == sn.end || sn.end >= run->len)
    return;
  size_t with_gap = sn.end, bare = sn.mark_end;
  char *joined = gw_arena_alloc(b->arena, run->len - (with_gap - bare) + 1);
  memcpy(joined, text, bare);
  memcpy(joined + bare, text + with_gap, run->len - with_gap);
  run->text = joined;
  run->len -= with_gap - bare;
}

/* Typed heading numbers run 一、二、三、 within their level, starting
 * again under each heading above and in each article: a skipped or
 * repeated number is a drafting slip worth a warning (lint says it as
 * an error). */
static void check_heading_number(gw_build *b, gw_body_state *st, cmark_node *node,
                                 const char *text, bool quiet) {
  gw_section_number sn;
  if (!gw_section_number_read(text, &sn) || sn.value < 0)
    return;
  int level = sn.level, value = sn.value;
  int k = level - 1, want = st->last_number[k] + 1;
  const char *mark = gw_arena_strndup(b->arena, text + sn.start, sn.mark_end - sn.start);
  if (value != want && !quiet) {
    if (st->last_number[k] > 0)
      gw_warning(b->diags, gw_build_node_pos(b, node),
                 "标题编号%s：上一个是“%s”，这里是“%s”；请检查编号",
                 value <= st->last_number[k] ? "重复" : "跳号", st->last_mark[k], mark);
    else if (value != 1) {
      static const char *const firsts[] = {"一、", "（一）", "1.", "（1）"};
      gw_warning(b->diags, gw_build_node_pos(b, node),
                 "这一级的标题编号应从“%s”开始，这里是“%s”；请检查编号", firsts[k], mark);
    }
  }
  st->last_number[k] = value;
  st->last_mark[k] = mark;
  for (int i = k + 1; i < 4; i++)
    st->last_number[i] = 0;
}

/* The source text of the body's line `l` (as cmark counts, from 1), or
 * NULL past the source's end. */
static const char *body_line(const gw_build *b, int l) {
  size_t line = b->src->body_line + (size_t)l - 2; /* its index, from 0 */
  return line < b->src->line_count ? b->src->text + b->src->line_starts[line] : NULL;
}

/* Does a source line start and end with a table's bar, | or the
 * full-width ｜ a Chinese keyboard types? */
static bool is_bar_line(const char *p) {
  static const char *const bars[] = {"|", "｜", NULL};
  const char *eol = strchr(p, '\n');
  size_t len = eol ? (size_t)(eol - p) : strlen(p);
  while (len && (*p == ' ' || *p == '\t'))
    p++, len--;
  while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
    len--;
  bool opens = false, closes = false;
  for (int i = 0; bars[i]; i++) {
    size_t n = strlen(bars[i]);
    opens = opens || (len > n && memcmp(p, bars[i], n) == 0);
    closes = closes || (len > n && memcmp(p + len - n, bars[i], n) == 0);
  }
  return opens && closes;
}

/* | 乡镇 | 户数 | lines with no |---| row under the first, or typed with
 * ｜: no table to Markdown, printed as a paragraph of bars. Said once. */
static void warn_unread_table(gw_build *b, cmark_node *para) {
  const char *lead = gw_markdown_lead_text(para);
  int start = cmark_node_get_start_line(para), end = cmark_node_get_end_line(para);
  if (!lead || (lead[0] != '|' && strncmp(lead, "｜", 3) != 0) || start < 1 || end <= start)
    return;
  for (int l = start; l <= end; l++) {
    const char *text = body_line(b, l);
    if (!text || !is_bar_line(text))
      return;
  }
  gw_warning(b->diags, gw_build_node_pos(b, para),
             "这几行像是表格，却没有读成表格，会照原样印出竖线：表头下面要有一行 |---|---|（每列一个 ---），"
             "竖线要用半角的 |");
}

/* Is the heading underlined (a paragraph over a line of --- or ===)?
 * Drafters type --- as a separator; right under a paragraph, Markdown
 * makes that paragraph a heading. */
static bool is_underline(const char *p) {
  while (*p == ' ')
    p++;
  char mark = *p;
  if (mark != '-' && mark != '=')
    return false;
  while (*p == mark || *p == ' ')
    p++;
  return *p == '\n' || *p == '\0';
}

static bool is_underlined(const gw_build *b, cmark_node *node) {
  int start = cmark_node_get_start_line(node), end = cmark_node_get_end_line(node);
  if (start < 1 || end <= start)
    return false; /* one line: a # heading */
  for (int l = start + 1; l <= end; l++) {
    const char *text = body_line(b, l);
    if (text && is_underline(text))
      return true;
  }
  return false;
}

/* Warnings for headings a drafter most likely did not mean: a paragraph
 * over a --- separator, or a section 一、 typed with one # (each # is an
 * article, listed in the contents). */
static void check_heading_meant(gw_build *b, cmark_node *node, int level) {
  if (is_underlined(b, node)) {
    gw_warning(b->diags, gw_build_node_pos(b, node),
               "这一段下面紧接着一行“---”或“===”，Markdown 把这一段读成了标题：如那一行是分隔线，"
               "请在它上面空一行；如要标题，请改用 # 或 ## 开头");
    return;
  }
  gw_section_number sn;
  const char *lead = gw_markdown_lead_text(node);
  if (level == 1 && lead && gw_section_number_read(lead, &sn) && sn.level <= 2)
    gw_warning(b->diags, gw_build_node_pos(b, node),
               "这一行用一个 # 写成了文章标题，却以“%.*s”开头：如是文中的%s标题，请写成“%s %.*s……”"
               "（一个 # 是一篇文章的标题，另起一篇、进本期目录）",
               (int)(sn.mark_end - sn.start), lead + sn.start, sn.level == 1 ? "一级" : "二级",
               sn.level == 1 ? "##" : "###", (int)(sn.mark_end - sn.start), lead + sn.start);
}

/* （2024年3月12日）: a date in brackets and nothing else, as a speech
 * gives the day it was made under the speaker's line. */
static bool is_dated_line(const char *text) {
  size_t len = strlen(text), open = strlen("（");
  if (len <= 2 * open || strncmp(text, "（", open) != 0 || strcmp(text + len - open, "）") != 0)
    return false;
  return gw_markdown_is_date(text + open, len - 2 * open);
}

static void add_heading(gw_build *b, gw_body_state *st, cmark_node *node) {
  int level = cmark_node_get_heading_level(node);
  check_heading_meant(b, node, level);
  if (level == 1) {
    /* each article numbers its headings from 一、 again, typed or not */
    memset(st->last_number, 0, sizeof st->last_number);
    memset(st->heading_counter, 0, sizeof st->heading_counter);
    if (b->doc->last && !(b->doc->last->kind == GW_BLOCK_BLANK))
      gw_doc_add(b->doc, GW_BLOCK_BLANK, GW_ROLE_BODY);
    add_para(b, GW_ROLE_TITLE, node, NULL);
    b->doc->last->keep_next = true;
    gw_build_balance_lines(b, &b->doc->last->runs, GW_ROLE_TITLE, b->doc->layout.text_w);
    st->after_title = true;
    st->articles++;
    return;
  }
  char *text = gw_build_plain_text(b, node);
  /* Under numbering: auto an unnumbered ## is a section, so only a line
   * led by —— is a subtitle. A speech's date under its speaker line,
   * （2024年3月12日）, is a second one. */
  bool dash_led = strncmp(text, "——", 6) == 0;
  if ((st->after_title && level == 2 &&
       (dash_led || (!st->auto_numbering && !gw_has_section_number(text)))) ||
      (st->after_subtitle && level == 2 && is_dated_line(text))) {
    add_para(b, GW_ROLE_SUBTITLE, node, NULL);
    b->doc->last->keep_next = true;
    st->after_title = false;
    st->after_subtitle = true;
    return;
  }
  st->after_title = false;
  st->after_subtitle = false;
  int lvl = level - 2; /* ## is level 1 (一、) */
  if (lvl > 3)
    lvl = 3;
  /* A typed number says the level more surely than the count of #:
   * "### 一、" is a first-level heading (lint warns about the #). */
  gw_section_number sn;
  int numbered = !st->auto_numbering && gw_section_number_read(text, &sn) ? sn.level : 0;
  if (numbered) {
    lvl = numbered - 1;
    check_heading_number(b, st, node, text, false);
  }
  const char *prefix = NULL;
  if (st->auto_numbering) {
    st->heading_counter[lvl]++;
    for (int i = lvl + 1; i < 4; i++)
      st->heading_counter[i] = 0;
    prefix = gw_build_number_text(b, format_list(b, "formats.headings", lvl),
                         st->heading_counter[lvl]);
  }
  add_para(b, (gw_role)(GW_ROLE_HEADING1 + lvl), node, prefix);
  b->doc->last->keep_next = true;
  gw_run *first = b->doc->last->runs.first;
  if (prefix && *prefix)
    drop_typed_number(b, st, node, first ? first->next : NULL);
  else if (prefix)
    drop_typed_number(b, st, node, first); /* an empty number format */
  else
    close_number_gap(b, first);
}

/* 1. 4月下旬: written 1.4月下旬 the item's number reads as a decimal, so
 * a number ending in a dot keeps a space before text opening with a
 * digit. */
static const char *apart_from_figure(gw_build *b, const char *prefix, cmark_node *para) {
  const char *lead = gw_markdown_lead_text(para);
  size_t n = prefix ? strlen(prefix) : 0;
  if (!n || prefix[n - 1] != '.' || !lead || !(lead[0] >= '0' && lead[0] <= '9'))
    return prefix;
  return gw_arena_printf(b->arena, "%s ", prefix);
}

static void add_list(gw_build *b, gw_body_state *st, cmark_node *list, int depth) {
  int ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
  long n = cmark_node_get_list_start(list);
  int list_depth = 0;
  for (cmark_node *up = cmark_node_parent(list); up; up = cmark_node_parent(up))
    if (cmark_node_get_type(up) == CMARK_NODE_LIST)
      list_depth++;
  for (cmark_node *item = cmark_node_first_child(list); item;
       item = cmark_node_next(item), n++) {
    const char *prefix = ordered
        ? gw_build_number_text(b, format_list(b, "formats.list", list_depth), n)
        : NULL;
    for (cmark_node *c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
      cmark_node *only = cmark_node_first_child(c);
      bool picture = only && !cmark_node_next(only) && cmark_node_get_type(only) == CMARK_NODE_IMAGE;
      if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH && !picture) {
        add_para(b, GW_ROLE_BODY, c, apart_from_figure(b, prefix, c));
        prefix = NULL;
      } else { /* a picture on its own line in an item: placed as in the body */
        gw_body_block(b, st, c, depth + 1);
      }
    }
  }
}

/* Past `word` at p, its characters perhaps spaced out (编 者 按), or NULL. */
static const char *match_spaced(const char *p, const char *word) {
  for (const char *w = word; *w;) {
    if (w != word)
      while (*p == ' ' || strncmp(p, "\u3000", 3) == 0)
        p += *p == ' ' ? 1 : 3;
    size_t n = 1;
    while (((unsigned char)w[n] & 0xC0) == 0x80)
      n++;
    if (strncmp(p, w, n) != 0)
      return NULL;
    p += n;
    w += n;
  }
  return p;
}

size_t gw_note_label_len(const char *t, const char **word) {
  const char *p = t, *end;
  bool bracket = false;
  if (strncmp(p, "【", 3) == 0 || strncmp(p, "〔", 3) == 0) {
    p += 3;
    bracket = true;
  } else if (*p == '[') {
    p++;
    bracket = true;
  }
  if ((end = match_spaced(p, "编者按"))) {
    *word = "编者按";
    p = end;
  } else if ((end = match_spaced(p, "按语"))) {
    *word = "按语";
    p = end;
  } else if (strncmp(p, "按", 3) == 0 &&
             (bracket || strncmp(p + 3, "：", 3) == 0 || p[3] == ':')) {
    *word = "按"; /* 按：… or 【按】…, never 按照… */
    p += 3;
  } else {
    return 0;
  }
  if (bracket) {
    if (strncmp(p, "】", 3) == 0 || strncmp(p, "〕", 3) == 0)
      p += 3;
    else if (*p == ']')
      p++;
    else
      return 0;
  }
  if (strncmp(p, "：", 3) == 0)
    p += 3;
  else if (*p == ':')
    p++;
  else if (!bracket && *p != ' ' && strncmp(p, "\u3000", 3) != 0)
    return 0; /* 编者按语… is text, not a label; 编者按　… or 编者按 … (a space) is one */
  while (*p == ' ' || strncmp(p, "\u3000", 3) == 0)
    p += *p == ' ' ? 1 : 3;
  return (size_t)(p - t);
}

/* Could a paragraph starting with `t` be an editor's note? (The cheap
 * test every paragraph takes: 编…, 按…, or a bracket.) */
static bool may_open_note(const char *t) {
  if (strncmp(t, "【", 3) == 0 || strncmp(t, "〔", 3) == 0)
    t += 3;
  else if (*t == '[')
    t++;
  return strncmp(t, "编", 3) == 0 || strncmp(t, "按", 3) == 0;
}

/* Drop the first `n` bytes of `runs` (a label, however it was marked up:
 * **编者按**：, 【编者按】). */
static void drop_bytes(gw_runs *runs, size_t n) {
  while (n > 0 && runs->first) {
    gw_run *r = runs->first;
    if (r->len <= n) {
      n -= r->len;
      runs->first = r->next;
      if (!runs->first)
        runs->last = NULL;
    } else {
      r->text += n;
      r->len -= n;
      n = 0;
    }
  }
}

/* A block quote starting with an editor's-note label is the 编者按: its
 * label in the label's font, written 编者按：, however the drafter
 * marked it. */
static int add_note_from(gw_build *b, cmark_node *first, bool quoted);

static int add_note(gw_build *b, cmark_node *quote) {
  return add_note_from(b, cmark_node_first_child(quote), true);
}

/* The paragraph after `p` in an editor's note: in a block quote
 * (`quoted`) every one; without the >, the lines written under the
 * 【编者按】 line with no blank line between (a note pasted from Word),
 * taken out of the tree so that the body does not see them again. */
static cmark_node *next_note_paragraph(cmark_node *p, bool quoted) {
  cmark_node *next = cmark_node_next(p);
  if (quoted)
    return next;
  if (!gw_markdown_continues(next))
    return NULL;
  /* a heading or an item under the note starts the article below it */
  const char *lead = gw_markdown_lead_text(next);
  if (lead && (gw_markdown_starts_item(lead) || gw_typed_heading_level(lead)))
    return NULL;
  return next;
}

/* A list inside an editor's note (1. 坚持党建带团建；2. …): each item a
 * note paragraph, its number as text, as lists are in the body. */
static void add_note_list(gw_build *b, cmark_node *list) {
  bool ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
  long n = cmark_node_get_list_start(list);
  for (cmark_node *item = cmark_node_first_child(list); item; item = cmark_node_next(item), n++)
    for (cmark_node *c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
      if (cmark_node_get_type(c) != CMARK_NODE_PARAGRAPH)
        continue;
      gw_block *para = gw_doc_add(b->doc, GW_BLOCK_PARA, GW_ROLE_NOTE);
      para->pos = gw_build_node_pos(b, c);
      if (ordered && c == cmark_node_first_child(item)) {
        const char *num = gw_arena_printf(b->arena, "%ld.", n);
        gw_runs_append(b->arena, &para->runs, GW_RUN_TEXT, num, strlen(num));
      }
      gw_build_inlines(b, c, &para->runs);
    }
}

/* A big issue is built in two halves (see start_ahead below). The
 * thread building the second half changes the tree (an editor's note
 * takes the paragraphs under it) only once the first half is known to
 * allow its start: until then the second half may have to be built
 * again here, from the tree as it was. */
typedef struct gw_ahead {
  gw_build b;
  gw_doc doc;
  gw_source src; /* its own cache of the last position */
  gw_diags diags;
  gw_body_state st;
  gw_block seed; /* the block before its first title, as it sees it */
  cmark_node *from;
  size_t bytes; /* of source, from `from` on */
  cmark_node *bare_title;
  gw_markdown_memory *memory;
  pthread_t thread;
  pthread_mutex_t lock;
  pthread_cond_t decided;
  _Atomic int verdict; /* 0 not yet; 1 its start holds; -1 it does not */
} gw_ahead;

/* May this thread change the tree? Ahead, only once its start holds
 * (it waits for the first half to be done); otherwise always. */
static bool may_change_tree(gw_build *b) {
  gw_ahead *a = b->ahead;
  if (!a)
    return true;
  pthread_mutex_lock(&a->lock);
  while (!a->verdict)
    pthread_cond_wait(&a->decided, &a->lock);
  int verdict = a->verdict;
  pthread_mutex_unlock(&a->lock);
  return verdict > 0;
}

/* An editor's note from paragraph `first` on: the paragraphs after it
 * in a block quote (`quoted`), or that one paragraph when a drafter
 * wrote 【编者按】… without the >. */
/* > 编者按 / > 近期，…: the label alone on its first line is the label,
 * as 编者按： would be (joined, the line read 编者按近期，…). */
static void label_on_its_line(gw_build *b, cmark_node *first) {
  cmark_node *text = cmark_node_first_child(first);
  cmark_node *br = text ? cmark_node_next(text) : NULL;
  if (!br || cmark_node_get_type(text) != CMARK_NODE_TEXT ||
      (cmark_node_get_type(br) != CMARK_NODE_SOFTBREAK &&
       cmark_node_get_type(br) != CMARK_NODE_LINEBREAK) || !cmark_node_next(br))
    return;
  const char *lit = gw_skip_indent(cmark_node_get_literal(text));
  size_t n = strlen(lit);
  while (n && lit[n - 1] == ' ')
    n--;
  static const char *const labels[] = {"编者按", "按语", NULL};
  for (int i = 0; labels[i]; i++)
    if (n == strlen(labels[i]) && memcmp(lit, labels[i], n) == 0) {
      if (!may_change_tree(b))
        return;
      char with_colon[32];
      snprintf(with_colon, sizeof with_colon, "%s：", labels[i]);
      cmark_node_set_literal(text, with_colon);
      cmark_node_free(br);
      return;
    }
}

static int add_note_from(gw_build *b, cmark_node *first, bool quoted) {
  if (!first || cmark_node_get_type(first) != CMARK_NODE_PARAGRAPH)
    return 0;
  label_on_its_line(b, first);
  const char *word = NULL;
  if (!gw_note_label_len(gw_skip_indent(gw_build_plain_text(b, first)), &word))
    return 0; /* decided on the text, before building (and warning about) it */
  gw_runs runs = {0};
  gw_build_inlines(b, first, &runs);
  gw_buf joined = {0};
  gw_runs_join(&runs, &joined);
  size_t label = joined.data ? gw_note_label_len(joined.data, &word) : 0;
  gw_buf_free(&joined);
  if (!label)
    return 0;
  for (cmark_node *p = first, *next; p; p = next) {
    next = next_note_paragraph(p, quoted);
    if (p != first && !quoted && may_change_tree(b))
      cmark_node_unlink(p);
    if (cmark_node_get_type(p) == CMARK_NODE_LIST) {
      add_note_list(b, p);
      continue;
    }
    if (cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH)
      continue;
    gw_block *para = gw_doc_add(b->doc, GW_BLOCK_PARA, GW_ROLE_NOTE);
    para->pos = gw_build_node_pos(b, p);
    if (p != first) {
      gw_build_inlines(b, p, &para->runs);
      continue;
    }
    drop_bytes(&runs, label);
    const char *text = gw_arena_printf(b->arena, "%s：", word);
    gw_run *r = gw_runs_append(b->arena, &para->runs, GW_RUN_TEXT, text, strlen(text));
    r->role = GW_ROLE_NOTE_LABEL;
    if (runs.first) {
      r->next = runs.first;
      para->runs.last = runs.last;
    }
  }
  return 1;
}

static void add_literal_lines(gw_build *b, cmark_node *node) {
  const char *lit = cmark_node_get_literal(node);
  gw_pos pos = gw_build_node_pos(b, node);
  while (lit && *lit) {
    const char *nl = strchr(lit, '\n');
    size_t n = nl ? (size_t)(nl - lit) : strlen(lit);
    gw_block *p = gw_doc_add(b->doc, GW_BLOCK_PARA, GW_ROLE_BODY);
    p->pos = pos;
    gw_runs_append(b->arena, &p->runs, GW_RUN_TEXT, gw_arena_strndup(b->arena, lit, n), n);
    lit += n + (nl ? 1 : 0);
  }
}

/* A photo caption as drafters type it: （图为…）, 图为…, ▲… */
static bool is_caption_line(const char *t) {
  static const char *const leads[] = {"（图为", "(图为", "图为", "▲", "△", "（图片", "图：", NULL};
  t = t ? gw_skip_indent(t) : "";
  for (int i = 0; leads[i]; i++)
    if (strncmp(t, leads[i], strlen(leads[i])) == 0)
      return true;
  return false;
}

/* The last block written that is not a blank line (the blank a plan
 * puts under its title: one step back, rarely more). */
static const gw_block *last_written(const gw_doc *doc) {
  if (doc->last && doc->last->kind != GW_BLOCK_BLANK)
    return doc->last;
  const gw_block *last = NULL;
  for (const gw_block *k = doc->first; k; k = k->next)
    if (k->kind != GW_BLOCK_BLANK)
      last = k;
  return last;
}

/* Does every name of a list (parted by ，、) end as a body's name does
 * (…办公室, …各部委, …单位)? Then the list names bodies, no sentence. */
static bool names_bodies(const char *text, size_t len) {
  static const char *const ends[] = {"室", "委", "局", "办", "部", "会", "院", "厅", "府", "位",
                                     "门", "处", "科", "股", "队", "所", "站", "校", "团", "组",
                                     "司", "社", "行", NULL};
  size_t pos = 0, a, z, names = 0;
  while (gw_build_next_name(text, len, &pos, &a, &z)) {
    bool body = false;
    for (int i = 0; ends[i] && !body; i++)
      body = z - a >= strlen(ends[i]) && memcmp(text + z - strlen(ends[i]), ends[i], strlen(ends[i])) == 0;
    if (!body)
      return false;
    names++;
  }
  return names > 0;
}

/* 同志们： under a speech's title and its subtitles, 各乡镇党委，县直各单
 * 位： opening a notice under its title: the addressee, set flush left
 * (GB/T 9704 7.3.2). A short line ending in a colon with no stop in
 * it, naming people (同志, 代表 …) or bodies (各…, or names of bodies
 * only); not a lead such as 现将有关事项通知如下：, 会议指出： or
 * 今年以来，我县重点抓了三个方面的工作：. */
static bool is_addressee(gw_build *b, const char *text) {
  static const char *const stops[] = {"。", "！", "？", "；", "如下", NULL};
  static const char *const people[] = {"同志", "朋友", "代表", "各位", NULL};
  size_t len = strlen(text), colon = strlen("：");
  if (len <= colon || strcmp(text + len - colon, "：") != 0 ||
      gw_zh_count_chars(text, len) > 60)
    return false;
  for (int i = 0; stops[i]; i++)
    if (strstr(text, stops[i]))
      return false;
  bool named = strncmp(text, "各", strlen("各")) == 0 || names_bodies(text, len - colon);
  for (int i = 0; people[i] && !named; i++)
    named = strstr(text, people[i]) != NULL;
  if (!named)
    return false;
  const gw_block *last = last_written(b->doc);
  return last && (last->role == GW_ROLE_TITLE || last->role == GW_ROLE_SUBTITLE);
}

/* 表1 …, 表一 …, 附表2 …: a short line numbering a table, no sentence. */
static bool is_table_title(const char *t) {
  const char *p = strncmp(t, "附表", strlen("附表")) == 0 ? t + strlen("附表")
                  : strncmp(t, "表", strlen("表")) == 0   ? t + strlen("表")
                                                         : NULL;
  if (!p || gw_zh_count_chars(t, strlen(t)) > 40 || strstr(t, "。"))
    return false;
  while (*p == ' ')
    p++;
  static const char *const zh[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL};
  bool numbered = *p >= '0' && *p <= '9';
  for (int i = 0; zh[i] && !numbered; i++)
    numbered = strncmp(p, zh[i], strlen(zh[i])) == 0;
  return numbered || (t != p && strncmp(t, "附表", strlen("附表")) == 0 && !*p);
}

/* A subtitle's text: one phrase of 30 characters at most, no mark that
 * parts clauses or ends a sentence in it. */
static bool is_short_phrase(const char *text) {
  static const char *const stops[] = {"。", "！", "？", "；", "，", "：", NULL};
  if (gw_zh_count_chars(text, strlen(text)) > 30)
    return false;
  for (int i = 0; stops[i]; i++)
    if (strstr(text, stops[i]))
      return false;
  return true;
}

/* ——记孝义市下堡镇党委书记王某某 is a subtitle; ——重温入党誓词。各党支部…
 * opens a list of points led by dashes, and ——“不积跬步…”平遥县委… a
 * lead: a subtitle is short, one phrase, and no dash line follows it. */
static bool is_dash_subtitle(cmark_node *node, const char *text) {
  if (strncmp(text, "——", strlen("——")) != 0 || !is_short_phrase(text))
    return false;
  cmark_node *next = cmark_node_next(node);
  const char *lead = next ? gw_markdown_lead_text(next) : NULL;
  return !(lead && strncmp(gw_skip_indent(lead), "——", strlen("——")) == 0);
}

/* 市委书记　张某某 under a speech's title, with the date it was made
 * under it: a short line with no mark of a sentence, a subtitle as the
 * date is. */
static bool is_speaker_line(cmark_node *node, const char *text) {
  if (!is_short_phrase(text))
    return false;
  cmark_node *next = cmark_node_next(node);
  const char *lead = next ? gw_markdown_lead_text(next) : NULL;
  return lead && is_dated_line(gw_skip_indent(lead));
}

/* Is the paragraph after `node` text of its own, not another numbered
 * line? A 1.加大宣传力度 line above such text is a heading of the third
 * level; a run of short numbered lines (1.加强领导 2.落实责任) is a list. */
static bool ends_with_colon(const char *t) {
  size_t n = strlen(t), c = strlen("：");
  while (n && (t[n - 1] == ' ' || t[n - 1] == '\n'))
    n--;
  return (n >= c && memcmp(t + n - c, "：", c) == 0) || (n && t[n - 1] == ':');
}

static bool heads_text(cmark_node *node, int level) {
  cmark_node *next = cmark_node_next(node), *prev = cmark_node_previous(node);
  if (!next || cmark_node_get_type(next) != CMARK_NODE_PARAGRAPH ||
      cmark_node_get_type(cmark_node_parent(node)) != CMARK_NODE_DOCUMENT)
    return false;
  /* the last of a list (2.开展活动 / 3.推进智慧团建), or a list brought in
   * by a colon (诊疗时间： / 1.上午…, 附件：1.… / 2.…) */
  const char *before = prev && cmark_node_get_type(prev) == CMARK_NODE_PARAGRAPH
                           ? gw_markdown_lead_text(prev) : NULL;
  gw_section_number sn;
  if (before && ((gw_section_number_read(before, &sn) && sn.level == level) ||
                 ends_with_colon(before) || strstr(before, "附件")))
    return false;
  /* over text, not over a signature or another short line */
  const char *lead = gw_markdown_lead_text(next);
  return lead && !gw_has_section_number(lead) && !gw_markdown_starts_item(lead) &&
         (strstr(lead, "。") || strstr(lead, "，"));
}

/* A paragraph of nothing the page shows: no runs, or only empty text. */
static bool no_visible_text(const gw_runs *runs) {
  for (const gw_run *r = runs->first; r; r = r->next)
    if (r->kind != GW_RUN_TEXT || r->len > 0)
      return false;
  return true;
}

/* Take the block after `before` (the last one) off the document. */
static void drop_last(gw_doc *doc, gw_block *before) {
  if (before)
    before->next = NULL;
  else
    doc->first = NULL;
  doc->last = before;
}

void gw_body_block(gw_build *b, gw_body_state *st, cmark_node *node, int depth) {
  if (depth > MAX_BLOCK_DEPTH) {
    gw_warning(b->diags, gw_build_node_pos(b, node),
               "嵌套超过 %d 层，更深的内容按正文处理", MAX_BLOCK_DEPTH);
    add_para(b, GW_ROLE_BODY, node, NULL);
    return;
  }
  switch (cmark_node_get_type(node)) {
  case CMARK_NODE_HEADING:
    add_heading(b, st, node);
    return;
  case CMARK_NODE_PARAGRAPH: {
    if (gw_build_check_unread_image(b, node))
      break;
    warn_unread_table(b, node);
    /* A picture on its own line: centred, its caption below it. */
    cmark_node *only = cmark_node_first_child(node);
    if (only && !cmark_node_next(only) && cmark_node_get_type(only) == CMARK_NODE_IMAGE) {
      const char *url = cmark_node_get_url(only);
      /* a （图为…） line under it is the caption, not a second one */
      cmark_node *next = cmark_node_next(node), *lead = next ? cmark_node_first_child(next) : NULL;
      bool caption_below = next && cmark_node_get_type(next) == CMARK_NODE_PARAGRAPH && lead &&
                           cmark_node_get_type(lead) == CMARK_NODE_TEXT &&
                           is_caption_line(cmark_node_get_literal(lead));
      gw_image_add(b, url ? url : "", gw_build_plain_text(b, only), !caption_below,
                   gw_build_node_pos(b, only));
      break;
    }
    /* 表1　1—2月全县主要经济指标 over its table: the table's title,
     * centred and kept with it, not an indented line of body text */
    if (only && cmark_node_get_type(only) == CMARK_NODE_TEXT && !cmark_node_next(only) &&
        cmark_node_next(node) && gw_markdown_is_table(cmark_node_next(node)) &&
        is_table_title(gw_skip_indent(cmark_node_get_literal(only)))) {
      add_para(b, GW_ROLE_CAPTION, node, NULL);
      b->doc->last->keep_next = true;
      break;
    }
    /* （图为……） under a picture with no caption of its own: its caption */
    if (b->doc->last && b->doc->last->kind == GW_BLOCK_IMAGE && only &&
        cmark_node_get_type(only) == CMARK_NODE_TEXT && is_caption_line(cmark_node_get_literal(only))) {
      gw_block *cap = gw_doc_add(b->doc, GW_BLOCK_PARA, GW_ROLE_CAPTION);
      cap->pos = gw_build_node_pos(b, node);
      gw_build_inlines(b, node, &cap->runs);
      break;
    }
    /* **一、突出重点。**正文 as a run-in head is body text, but its
     * number counts: ## 三、 after **一、** and **二、** is next. A
     * paragraph bold as a whole (**一、提高政治站位**, a heading pasted
     * from Word) is read as the plain line is, below, unless it ends a
     * sentence: the run-in style's lead on a line of its own. */
    cmark_node *first = cmark_node_first_child(node);
    bool whole_bold = first && !cmark_node_next(first) &&
                      cmark_node_get_type(first) == CMARK_NODE_STRONG;
    const char *bold = first && cmark_node_get_type(first) == CMARK_NODE_STRONG
                           ? gw_markdown_lead_text(first) : NULL;
    const char *first_lit = first && cmark_node_get_type(first) == CMARK_NODE_TEXT
                                ? cmark_node_get_literal(first) : NULL;
    if (!bold && first_lit && strncmp(first_lit, "**", 2) == 0)
      bold = first_lit + 2; /* **一、…。**正文: ** CommonMark left as text */
    gw_section_number bold_sn;
    bool bold_numbered = bold && gw_section_number_read(bold, &bold_sn) && bold_sn.level <= 2;
    if (bold_numbered && !whole_bold)
      check_heading_number(b, st, node, bold, true);
    /* ——记…, pasted from Word as a line of its own under a title: the
     * subtitle, as ## ——记… is */
    const char *only_text = only && !cmark_node_next(only) &&
                                    cmark_node_get_type(only) == CMARK_NODE_TEXT
                                ? gw_skip_indent(cmark_node_get_literal(only))
                                : NULL;
    if (only_text && ((st->after_title && (is_dash_subtitle(node, only_text) ||
                                           is_speaker_line(node, only_text))) ||
                      ((st->after_title || st->after_subtitle) && is_dated_line(only_text)))) {
      add_para(b, GW_ROLE_SUBTITLE, node, NULL);
      b->doc->last->keep_next = true;
      st->after_title = false;
      st->after_subtitle = true;
      return;
    }
    if (only_text && is_addressee(b, only_text)) {
      add_para(b, GW_ROLE_ADDRESSEE, node, NULL);
      break;
    }
    /* 【编者按】… or **编者按**：… written without the > of a quote */
    const char *lead = gw_markdown_lead_text(only); /* **编者按**：… */
    bool maybe_note = lead && may_open_note(gw_skip_indent(lead));
    if (maybe_note && add_note_from(b, node, false))
      break;
    /* Cheap test on the first text first; most paragraphs stop there. */
    cmark_node *inner = whole_bold ? cmark_node_first_child(only) : only;
    const char *lit = inner && cmark_node_get_type(inner) == CMARK_NODE_TEXT
                          ? cmark_node_get_literal(inner) : NULL;
    /* a numbered paragraph's runs are built once: read for its level,
     * then kept (a bulletin of 1,000 articles built them twice: a tenth
     * of its work) */
    gw_runs built = {0};
    const char *plain = NULL;
    if (lit && gw_has_section_number(lit)) {
      gw_build_inlines(b, node, &built);
      plain = gw_runs_text(b->arena, &built);
    }
    /* a bold line that ends a sentence (**二、突出重点，科学施策。**) is
     * the lead of a run-in style whose text follows, not a heading */
    bool bold_lead = whole_bold && plain && gw_markdown_ends_sentence(plain);
    int level = plain && !bold_lead ? gw_typed_heading_level(plain) : 0;
    level = listed_not_heading(st, plain, level);
    int sub = !level && plain && !bold_lead ? gw_typed_subheading_level(plain) : 0;
    gw_section_number sn;
    /* 1.加大宣传力度 over its text, next in its level's sequence: 2. only
     * after a heading 1. (附件：1.甲 / 2.乙 is a list whose first line the
     * colon gave away); a second 1. is no heading to warn about */
    if (sub && heads_text(node, sub) && gw_section_number_read(plain, &sn) &&
        sn.value == st->last_number[sub - 1] + 1)
      level = sub;
    gw_block *before = b->doc->last;
    gw_role role = level ? (gw_role)(GW_ROLE_HEADING1 + level - 1) : GW_ROLE_BODY;
    if (plain)
      add_built_para(b, role, node, built);
    else
      add_para(b, role, node, NULL);
    if (!level && no_visible_text(&b->doc->last->runs)) {
      drop_last(b->doc, before); /* only zero-width spaces pasted from a web page */
      break;
    }
    b->doc->last->keep_next = level > 0;
    if (level) {
      close_number_gap(b, b->doc->last->runs.first);
      check_heading_number(b, st, node, plain, false);
    } else if (bold_numbered && whole_bold) {
      check_heading_number(b, st, node, bold, true);
    }
    break;
  }
  case CMARK_NODE_LIST:
    add_list(b, st, node, depth);
    break;
  case CMARK_NODE_BLOCK_QUOTE:
    if (!add_note(b, node))
      for (cmark_node *c = cmark_node_first_child(node); c; c = cmark_node_next(c))
        gw_body_block(b, st, c, depth + 1);
    break;
  case CMARK_NODE_CODE_BLOCK:
    add_literal_lines(b, node);
    break;
  case CMARK_NODE_HTML_BLOCK:
    /* <!-- 编辑备注 -->: a comment, kept out of print as its writer meant */
    if (!is_html_comment(cmark_node_get_literal(node)))
      gw_warning(b->diags, gw_build_node_pos(b, node), "不支持 HTML 块，已忽略");
    break;
  case CMARK_NODE_THEMATIC_BREAK:
    break; /* a drafter's visual separator; the layout has its own rules */
  default:
    if (gw_markdown_is_table(node)) {
      gw_block *t = gw_doc_add(b->doc, GW_BLOCK_TABLE, GW_ROLE_TABLE_CELL);
      t->pos = gw_build_node_pos(b, node);
      t->table = gw_build_table(b, node);
      gw_build_table_widths(b, t->table, b->doc->layout.text_w);
    } else {
      for (cmark_node *c = cmark_node_first_child(node); c; c = cmark_node_next(c))
        gw_body_block(b, st, c, depth + 1);
    }
    break;
  }
  st->after_title = false;
  st->after_subtitle = false;
}

/* The issuer and the date share a line, a right tab apart: a long issuer
 * runs into the date with no gap (or pushes it onto a line of its own).
 * Two characters of gap at least, or a warning. */
/* Does the issuer leave room for the date on its line (`width`: from
 * the issuer's indent to the date's)? If not, the drafter is warned
 * and the date goes to a line of its own, whole. */
static bool issuer_leaves_room(gw_build *b, int width, const char *issuer,
                               const char *last_line, const char *date) {
  /* a display column is half a character of the grid's pitch (the
   * line's 26 characters between the indents); a character between */
  int col = b->doc->layout.char_twips / 2;
  if (!issuer || !date || col <= 0)
    return true;
  size_t need = gw_zh_display_width(last_line, strlen(last_line)) +
                gw_zh_display_width(date, strlen(date)) + 2;
  size_t room = (size_t)(width / col);
  if (need <= room)
    return true;
  const gw_val *v = gw_val_get(b->config, "issuer");
  gw_warning(b->diags, v ? v->pos : gw_build_front_pos(b),
             "编印单位“%s”太长，与日期排在一行放不下（一行约 %zu 字，连日期和间隔要 %zu 字），"
             "日期已移到下一行：如要排在一行，请用简称",
             issuer, room / 2, (need + 1) / 2);
  return false;
}

/* The issuer on its line; two issuers too long for one line (中共某某区委
 * 员会办公室、某某区人民政府办公室) break after the 、 or ， between them,
 * not inside a name. */
static const char *append_issuer(gw_build *b, gw_runs *runs, const char *issuer, int width) {
  int col = b->doc->layout.char_twips / 2;
  size_t len = issuer ? strlen(issuer) : 0;
  size_t room = col > 0 ? (size_t)(width / col) : 0, cut = 0;
  if (len && room && gw_zh_display_width(issuer, len) > room) {
    static const char *const seps[] = {"、", "，", NULL};
    for (int i = 0; seps[i]; i++)
      for (const char *p = issuer; (p = strstr(p, seps[i])); p += strlen(seps[i])) {
        size_t end = (size_t)(p - issuer) + strlen(seps[i]);
        if (gw_zh_display_width(issuer, end) <= room && end > cut && end < len)
          cut = end;
      }
  }
  if (!cut) {
    gw_runs_append(b->arena, runs, GW_RUN_TEXT, issuer ? issuer : "", len);
    return issuer;
  }
  gw_runs_append(b->arena, runs, GW_RUN_TEXT, issuer, cut);
  gw_runs_append(b->arena, runs, GW_RUN_BREAK, "", 0);
  gw_runs_append(b->arena, runs, GW_RUN_TEXT, issuer + cut, len - cut);
  return issuer + cut; /* its last line, which the date may share */
}

/* A 报名 longer than the line (晋中市卫生健康工作简报, 中共清徐县委政法委员
 * 会政法信息) stays on one line, as offices set it by hand: the letter
 * spacing goes first, then the characters narrow (w:w) down to
 * MASTHEAD_MIN_SCALE %, then the size comes down. The masthead role is
 * the masthead's alone, so its style changes with it. */
enum { MASTHEAD_MIN_SCALE = 60 };

static void fit_masthead(gw_build *b, const char *title) {
  gw_role_style *rs = &b->doc->layout.roles[GW_ROLE_MASTHEAD];
  /* a Latin capital or figure of a 初号 face is wider than half a
   * character (2024年GDP运行监测简报 still wrapped): count 0.7 of one */
  double cols = (double)gw_zh_display_width(title, strlen(title));
  for (const char *c = title; *c; c++)
    if ((*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9'))
      cols += 0.4;
  double width = b->doc->layout.text_w - 2 * rs->indent_twips;
  double scale = rs->scale_pct ? rs->scale_pct / 100.0 : 1;
  double glyph = rs->size_half_pt * 5.0; /* twips a display column, unscaled */
  if (cols <= 0 || cols * (glyph * scale + rs->spacing_twips / 2.0) <= width)
    return;
  /* spacing is per character: two display columns */
  int spacing = (int)floor((width / cols - glyph * scale) * 2);
  if (rs->spacing_twips > 0 && spacing >= 0) {
    rs->spacing_twips = spacing;
    return;
  }
  rs->spacing_twips = 0;
  int pct = (int)floor(width / (cols * glyph) * 100);
  if (pct >= MASTHEAD_MIN_SCALE) {
    rs->scale_pct = pct < 100 ? pct : 0;
    return;
  }
  rs->scale_pct = MASTHEAD_MIN_SCALE;
  rs->size_half_pt = (int)floor(width / (cols * 5.0 * MASTHEAD_MIN_SCALE / 100.0));
  if (rs->size_half_pt < 2)
    rs->size_half_pt = 2;
}

/* year: 2023 over date: 2024-03-18 is last year's issue copied and its
 * year left: the 期号 would say 〔2023〕 beside 2024年3月18日. Only an
 * issue of late December dated in January belongs to the year before. */
static void warn_year_unlike_date(gw_build *b, const gw_val *year_val, long year, int date_year,
                                  int date_month) {
  if (year <= 0 || date_year <= 0 || year == date_year ||
      (year == date_year - 1 && date_month == 1))
    return;
  gw_warning(b->diags, year_val->pos,
             "year 是 %ld，而 date 是 %d 年：期号的年份与印发日期不同年，是否忘了改 year？"
             "（不写 year 时按 date 的年份）",
             year, date_year);
}

/* label: (2024)第3期 or 【2024】第3期: GB/T 9704 brackets a 期号's year
 * with 〔〕. The label is set as written but for that, with a word. */
static const char *label_year_bracket(gw_build *b, const char *label) {
  static const char *const opens[] = {"(", "（", "[", "［", "【", "〖", "{", NULL};
  static const char *const closes[] = {")", "）", "]", "］", "】", "〗", "}", NULL};
  for (int i = 0; opens[i]; i++) {
    size_t o = strlen(opens[i]), c = strlen(closes[i]);
    const char *y = label + o;
    if (strncmp(label, opens[i], o) != 0 || strspn(y, "0123456789") != 4 ||
        strncmp(y + 4, closes[i], c) != 0)
      continue;
    const char *fixed = gw_arena_printf(b->arena, "〔%.4s〕%s", y, y + 4 + c);
    gw_warning(b->diags, gw_val_get(b->config, "label")->pos,
               "期号中的年份应使用六角括号〔〕：“%s”已排作“%s”，请在源文件里也改过来", label, fixed);
    return fixed;
  }
  return label;
}

/* Was `v` written in the source (not in its template)? */
static bool in_source(const gw_build *b, const gw_val *v) {
  return v->pos.file && strcmp(v->pos.file, b->src->path) == 0;
}

static bool ends_with(const char *t, const char *end) {
  size_t n = strlen(t), e = strlen(end);
  return n >= e && memcmp(t + n - e, end, e) == 0;
}

/* label: 增刊 with number: 10 beside it: the 期号 line is the label, and
 * the number, which the drafter may think is printed too, is not. */
static void warn_number_unused(gw_build *b, const char *label) {
  const gw_val *number = gw_val_get(b->config, "number");
  if (!label || !number || number->kind != GW_VAL_STR || !*number->str ||
      !in_source(b, number) || strstr(label, "期") || strpbrk(label, "0123456789"))
    return; /* 专刊第2期: the label has its own number */
  gw_warning(b->diags, number->pos,
             "写了 label，期号一行只排“%s”，number（%s）不再排出：如要排期数，请写进 label，"
             "如“label: %s第%s期”",
             label, number->str, label, number->str);
}

/* title: 关于全县秋季开学工作情况的通报: the article's title written
 * where the bulletin's name goes; it would be set as the red masthead. */
static void warn_title_as_masthead(gw_build *b, const char *title) {
  const gw_val *v = gw_val_get(b->config, "title");
  if (!title || !v || !in_source(b, v))
    return;
  /* 督查通报 and 阳曲县创建全国文明城市工作简报 are names of bulletins,
   * long as the second is; 关于…的通报 is no name */
  static const char *const endings[] = {"的通报", "的通知", "的报告", "的意见", "的方案", "。", NULL};
  bool sentence = strncmp(title, "关于", strlen("关于")) == 0;
  for (int i = 0; endings[i] && !sentence; i++)
    sentence = ends_with(title, endings[i]);
  if (sentence)
    gw_warning(b->diags, v->pos,
               "title 是简报的报名（红色报头，如“教育工作简报”），这里的“%s”像是文章标题："
               "文章标题请写在正文里，以 # 开头",
               title);
}

static void add_masthead(gw_build *b) {
  gw_doc *doc = b->doc;
  const char *mark = gw_build_str(b, "mark", false);
  const char *title = gw_build_str(b, "title", true);
  const char *issuer = gw_build_str(b, "issuer", true);
  const char *label = gw_build_str(b, "label", false);
  const char *column = gw_build_str(b, "column", false);
  long year = 0, number = 0, total = 0;
  int has_total = 0;
  /* the 期号's year is the date's unless written (an issue of late
   * December may be dated in the new year) */
  const gw_val *year_val = gw_val_get(b->config, "year");
  bool own_year = year_val && year_val->kind != GW_VAL_NULL; /* year: left empty */
  if (!label && own_year)
    gw_build_int(b, "year", 1900, 9999, true, &year);
  if (!label)
    gw_build_int(b, "number", 1, 100000, true, &number);
  int y = 0, m = 0, d = 0;
  char *date = NULL;
  bool dated = gw_build_date(b, "date", true, &y, &m, &d) == 0;
  if (dated) {
    char *s = gw_zh_date(y, m, d);
    date = gw_arena_strdup(b->arena, s ? s : "");
    free(s);
  }
  if (dated) /* a date refused is said already, its year no year */
    warn_year_unlike_date(b, year_val, year, y, m);
  warn_number_unused(b, label);
  if (!label && !own_year) {
    if (dated)
      year = y;
    else if (!gw_val_get(b->config, "date")) /* a bad date is said already */
      gw_build_int(b, "year", 1900, 9999, true, &year);
  }
  if (gw_val_get(b->config, "total"))
    has_total = gw_build_int(b, "total", 1, 10000000, false, &total) == 0;
  doc->title = title;
  doc->creator = issuer;

  if (mark)
    gw_doc_add_text(doc, GW_ROLE_MARK, mark);
  warn_title_as_masthead(b, title);
  if (title)
    fit_masthead(b, title);
  gw_doc_add_text(doc, GW_ROLE_MASTHEAD, title ? title : "");

  char ys[16], ns[16], ts[16];
  snprintf(ys, sizeof ys, "%ld", year);
  snprintf(ns, sizeof ns, "%ld", number);
  snprintf(ts, sizeof ts, "%ld", total);
  const char *names[] = {"year", "number", "total", NULL};
  const char *values[] = {ys, ns, ts, NULL};
  char *issue = label ? gw_arena_strdup(b->arena, label_year_bracket(b, label))
                      : gw_build_format(b, format_key(b, "formats.issue"), names, values);
  if (has_total)
    issue = gw_arena_printf(b->arena, "%s%s", issue,
                            gw_build_format(b, format_key(b, "formats.total"), names, values));
  gw_doc_add_text(doc, GW_ROLE_ISSUE_NUMBER, issue);

  /* Issuer one character in from the left, the date one character in
   * from the right: a right tab stop one character short of the 版心
   * edge (tab stops count from the margin, not from the indent). */
  gw_block *line = gw_doc_add(doc, GW_BLOCK_PARA, GW_ROLE_ISSUER_LINE);
  const gw_role_style *rs = &doc->layout.roles[GW_ROLE_ISSUER_LINE];
  line->tab_right_twips = doc->layout.text_w - rs->indent_twips;
  line->rule_below = true;
  int width = doc->layout.text_w - 2 * rs->indent_twips;
  const char *last_line = append_issuer(b, &line->runs, issuer, width);
  if (last_line != issuer) /* two lines: both one character in */
    line->indent_left_twips = rs->indent_twips;
  if (!issuer_leaves_room(b, width, issuer, last_line, date))
    gw_runs_append(b->arena, &line->runs, GW_RUN_BREAK, "", 0);
  gw_runs_append(b->arena, &line->runs, GW_RUN_TAB, "", 0);
  gw_runs_append(b->arena, &line->runs, GW_RUN_TEXT, date ? date : "", date ? strlen(date) : 0);

  if (column) { /* a long 专刊 name wraps between words, as a title does */
    gw_doc_add_text(doc, GW_ROLE_COLUMN, column);
    gw_build_balance_lines(b, &doc->last->runs, GW_ROLE_COLUMN, doc->layout.text_w);
  }
}

/* A full-width space after each line break of `runs`. */
static void indent_wrapped_lines(gw_build *b, gw_runs *runs) {
  gw_runs out = {0};
  for (const gw_run *r = runs->first; r; r = r->next) {
    gw_run *copy = gw_runs_append(b->arena, &out, r->kind, r->text, r->len);
    copy->bold = r->bold;
    copy->role = r->role;
    if (r->kind == GW_RUN_BREAK)
      gw_runs_append(b->arena, &out, GW_RUN_TEXT, "\u3000", strlen("\u3000"));
  }
  *runs = out;
}

/* 本期目录: the article titles, for issues of three or more articles. */
static void add_contents(gw_build *b, cmark_node *root, size_t titles) {
  bool want = gw_build_bool(b, "contents", titles >= 3);
  if (!want || titles == 0)
    return;
  gw_doc_add_text(b->doc, GW_ROLE_CONTENTS, format_key(b, "formats.contents_title"));
  /* a long title wraps between words, its lines after the first one
   * character further in than it (a hanging entry, not a new one) */
  int indent = b->doc->layout.roles[GW_ROLE_CONTENTS_ITEM].indent_twips;
  int em = b->doc->layout.roles[GW_ROLE_CONTENTS_ITEM].size_half_pt * 10;
  for (cmark_node *n = cmark_node_first_child(root); n; n = cmark_node_next(n))
    if (gw_markdown_is_title(n)) {
      add_para(b, GW_ROLE_CONTENTS_ITEM, n, NULL);
      gw_block *item = b->doc->last;
      item->indent_left_twips = indent; /* every line, the first's too */
      gw_build_balance_lines(b, &item->runs, GW_ROLE_CONTENTS_ITEM,
                             b->doc->layout.text_w - indent - em);
      indent_wrapped_lines(b, &item->runs);
    }
}

/* An article title with no text under it: a heading pasted without its
 * article, an article still to be written, or the first line of a long
 * title typed as two `#` lines (`next`: the title right under it). */
static void warn_bare_title(gw_build *b, cmark_node *title, cmark_node *next) {
  if (!title)
    return;
  if (next && cmark_node_previous(next) == title)
    gw_warning(b->diags, gw_build_node_pos(b, title),
               "这篇文章只有标题，没有正文：如果下一行 # 是这个标题的后半，请把两行并成一个 # 标题"
               "（标题过长会自动换行）");
  else
    gw_warning(b->diags, gw_build_node_pos(b, title), "这篇文章只有标题，没有正文");
}

/* A `#` with nothing after it: an empty title line and contents entry. */
static void warn_empty_title(gw_build *b, cmark_node *title) {
  const char *text = gw_build_plain_text(b, title);
  size_t a = 0, z = strlen(text);
  gw_build_trim(text, &a, &z);
  if (a == z)
    gw_warning(b->diags, gw_build_node_pos(b, title), "文章标题是空的：请在 # 后写上标题");
}

/* The body's blocks from `n` up to `end` (NULL: to the last). Returns
 * `end`. An article title warns of the one before it when that had
 * nothing under it (*bare_title). */
static cmark_node *build_blocks(gw_build *b, gw_body_state *st, cmark_node *n, cmark_node *end,
                                cmark_node **bare_title) {
  for (; n && n != end; n = cmark_node_next(n)) {
    if (b->ahead && atomic_load(&b->ahead->verdict) < 0)
      break; /* to be built again in order: no use going on */
    if (gw_markdown_is_title(n)) {
      warn_bare_title(b, *bare_title, n);
      warn_empty_title(b, n);
      *bare_title = n;
    } else if (cmark_node_get_type(n) != CMARK_NODE_THEMATIC_BREAK) {
      *bare_title = NULL;
    }
    gw_body_block(b, st, n, 0);
  }
  return end;
}

/* Measure the paragraphs from `b` on for the page estimate
 * (gw_prepare), on the thread that built them. */
static void measure_blocks(gw_block *b) {
  size_t chars;
  for (; b; b = b->next)
    if (b->kind == GW_BLOCK_PARA)
      gw_block_measure(b, &chars);
}

static void *build_ahead(void *arg) {
  gw_ahead *a = arg;
  /* its literals, copied out when first asked for, take some twice its
   * source: in a chunk that size, then one twice that, both under 1 MB
   * for a 1 MB source (small pages, touched only as they fill) */
  gw_markdown_expect(a->bytes);
  build_blocks(&a->b, &a->st, a->from, NULL, &a->bare_title);
  measure_blocks(a->seed.next);
  a->memory = gw_markdown_thread_memory();
  return NULL;
}

static void free_ahead(gw_ahead *a, bool with_arena) {
  if (with_arena)
    gw_arena_free(a->doc.arena);
  gw_diags_free(&a->diags);
  pthread_mutex_destroy(&a->lock);
  pthread_cond_destroy(&a->decided);
  free(a);
}

/* A body parsed in halves whose second half opens with an article title
 * (gw_markdown_parse_halves) is built in halves too: the second on a
 * thread, into a model, an arena and diagnostics of its own, while this
 * thread builds the first. An article starts afresh at its title, so
 * the thread builds as if the body began there, after a paragraph.
 * Headings numbered by gwdoc (numbering: auto) count across articles:
 * such a body is built in order. */
static gw_ahead *start_ahead(gw_build *b, const gw_body_state *st) {
  cmark_node *from = b->second_half;
  if (!from || !gw_markdown_is_title(from) || st->auto_numbering)
    return NULL;
  gw_ahead *a = gw_xmalloc(sizeof *a);
  memset(a, 0, sizeof *a);
  a->from = from;
  a->src = *b->src;
  a->diags.quiet = true;
  a->doc.kind = b->doc->kind;
  a->doc.layout = b->doc->layout;
  a->doc.arena = b->ahead_arena ? b->ahead_arena : gw_arena_new();
  b->ahead_arena = NULL;
  /* the model takes some eight times its source (see gw_convert) */
  unsigned line = b->src->body_line + (unsigned)cmark_node_get_start_line(from) - 1;
  if (line >= 1 && line <= b->src->line_count)
    a->bytes = b->src->len - b->src->line_starts[line - 1];
  gw_arena_expect(a->doc.arena, a->bytes * 8);
  a->seed.kind = GW_BLOCK_PARA;
  a->doc.first = a->doc.last = &a->seed;
  a->b = *b;
  a->b.doc = &a->doc;
  a->b.arena = a->doc.arena;
  a->b.diags = &a->diags;
  a->b.src = &a->src;
  a->b.told_stars = NULL;
  a->b.second_half = NULL;
  a->b.ahead = a;
  pthread_mutex_init(&a->lock, NULL);
  pthread_cond_init(&a->decided, NULL);
  if (pthread_create(&a->thread, NULL, build_ahead, a) == 0)
    return a;
  free_ahead(a, true);
  return NULL;
}

/* The thread's blocks after this thread's, as if built in order: the
 * blank line its first title put after the paragraph it saw before
 * goes when this thread's last block is a blank line already; its
 * pictures are numbered on from this thread's. */
static void join_blocks(gw_doc *doc, gw_ahead *a) {
  gw_block *first = a->seed.next;
  if (first && first->kind == GW_BLOCK_BLANK && doc->last->kind == GW_BLOCK_BLANK)
    first = first->next;
  if (first) {
    doc->last->next = first;
    doc->last = a->doc.last;
  }
  for (gw_image *img = a->doc.images; img; img = img->next)
    img->number += doc->image_count;
  if (a->doc.images) {
    if (doc->images_last)
      doc->images_last->next = a->doc.images;
    else
      doc->images = a->doc.images;
    doc->images_last = a->doc.images_last;
  }
  doc->image_count += a->doc.image_count;
  doc->has_tables |= a->doc.has_tables;
  doc->has_sections |= a->doc.has_sections;
}

/* Once the first half is built: does the second half's start hold? An
 * article takes from the one before only the number of a list item
 * typed as 一、…； (gw_listed_item), when the article ends with one.
 * Then the thread's half is taken (true), or dropped and built again
 * here (false: the caller goes on from ahead->from). */
static bool take_ahead(gw_build *b, gw_body_state *st, gw_ahead *a, cmark_node **bare_title) {
  bool holds = st->item_number == 0;
  pthread_mutex_lock(&a->lock);
  atomic_store(&a->verdict, holds ? 1 : -1);
  pthread_cond_broadcast(&a->decided);
  pthread_mutex_unlock(&a->lock);
  pthread_join(a->thread, NULL);
  gw_markdown_adopt_memory(a->memory);
  if (!holds) {
    free_ahead(a, true);
    return false;
  }
  /* what the title opening the half says of the article before it */
  warn_bare_title(b, *bare_title, a->from);
  *bare_title = a->bare_title;
  join_blocks(b->doc, a);
  gw_diags_take(b->diags, &a->diags);
  gw_arena_adopt(b->arena, a->doc.arena);
  if (a->b.told_stars)
    b->told_stars = a->b.told_stars;
  size_t articles = st->articles;
  *st = a->st;
  st->articles += articles;
  free_ahead(a, false);
  return true;
}

int gw_bulletin_build(gw_build *b, cmark_node *root) {
  size_t errors = b->diags->errors;
  size_t titles = 0;
  for (cmark_node *n = cmark_node_first_child(root); n; n = cmark_node_next(n))
    if (gw_markdown_is_title(n))
      titles++;
  add_masthead(b);
  add_contents(b, root, titles);

  gw_body_state st = {0};
  const char *numbering = gw_build_str(b, "numbering", false);
  st.auto_numbering = numbering && strcmp(numbering, "auto") == 0;
  if (numbering && !st.auto_numbering && strcmp(numbering, "explicit") != 0)
    gw_error(b->diags, gw_val_get(b->config, "numbering")->pos,
             "numbering 应为 explicit 或 auto，而不是“%s”", numbering);

  /* One blank line between the 版头 and the first thing below it. */
  gw_block *before_body = gw_doc_add(b->doc, GW_BLOCK_BLANK, GW_ROLE_BODY);
  cmark_node *bare_title = NULL; /* an article title with nothing under it yet */
  gw_ahead *ahead = start_ahead(b, &st);
  cmark_node *rest = build_blocks(b, &st, cmark_node_first_child(root), ahead ? ahead->from : NULL,
                                  &bare_title);
  if (ahead)
    measure_blocks(before_body);
  if (ahead && take_ahead(b, &st, ahead, &bare_title))
    rest = NULL;
  build_blocks(b, &st, rest, NULL, &bare_title);
  warn_bare_title(b, bare_title, NULL);
  if (b->doc->last == before_body)
    gw_warning(b->diags, gw_build_front_pos(b), "正文为空：只生成了报头和报尾");

  gw_tail *tail = gw_build_tail(b);
  if (!tail->rows && !gw_val_get(b->config, "distribution"))
    gw_warning(b->diags, gw_build_front_pos(b),
               "没有写 distribution（报送范围），报尾只排印数和联系方式：如要排“报：”“送：”“发：”，"
               "请在前置元数据或模板里写上 distribution");
  long copies;
  if (gw_val_get(b->config, "copies") &&
      gw_build_int(b, "copies", 1, 100000000, false, &copies) == 0) {
    char cs[32];
    snprintf(cs, sizeof cs, "%ld", copies);
    const char *names[] = {"copies", NULL};
    const char *values[] = {cs, NULL};
    tail->copies = gw_build_format(b, format_key(b, "formats.copies"), names, values);
  }
  tail->contact = gw_build_str(b, "contact", false);
  if (tail->contact) {
    size_t len;
    tail->contact = gw_build_text(b, tail->contact, strlen(tail->contact), &len);
  }
  if (tail->rows || tail->copies || tail->contact) {
    gw_block *t = gw_doc_add(b->doc, GW_BLOCK_TAIL, GW_ROLE_TAIL);
    t->tail = tail;
  }
  return b->diags->errors > errors ? -1 : 0;
}
