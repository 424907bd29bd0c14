/* markdown.c - cmark-gfm set-up. */
#include "markdown.h"
#include "arena.h"
#include "zh.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <pthread.h>
#include <unicode/utf8.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The tree's memory. A parse makes a node or a buffer for nearly every
 * line and inline, and freeing them one by one cost more than a tenth of
 * parsing, so the tree lives in chunks handed out by a bump pointer and
 * all dropped when the last tree parsed is freed. The buffer cmark-gfm
 * grows most (the lines of the block being read) is usually the last
 * thing handed out, and then grows in place: cmark-gfm's own arena
 * copied it at every growth and kept every copy. Chunks come from
 * gw_pages_map, zeroed and, from 2 MB, on huge pages. One per thread:
 * a big body's second half is parsed on a thread of its own, whose
 * chunks join the main thread's with its tree (gw_markdown_parse). */
enum { TREE_CHUNK_FIRST = 256 * 1024, TREE_ALIGN = sizeof(max_align_t) };

typedef struct tree_chunk {
  struct tree_chunk *prev;
  size_t size, used;
  max_align_t data[];
} tree_chunk;

/* Each block is its size, padded to TREE_ALIGN, then the caller's bytes. */
typedef union {
  size_t size;
  max_align_t align;
} tree_header;

static _Thread_local tree_chunk *tree_chunks;
static _Thread_local char *tree_last; /* the block handed out last, which may grow in place */
static int live_trees; /* the main thread's */

static size_t tree_round(size_t n) { return (n + TREE_ALIGN - 1) & ~(size_t)(TREE_ALIGN - 1); }

/* The first chunk's size: a tree takes some ten to thirty times its
 * source, so a big source's tree starts in one chunk of huge pages. */
static _Thread_local size_t tree_first_chunk = TREE_CHUNK_FIRST;

static tree_chunk *map_chunk(size_t want, tree_chunk *prev) {
  want = gw_pages_size(sizeof(tree_chunk) + want) - sizeof(tree_chunk);
  tree_chunk *fresh = gw_pages_map(sizeof(tree_chunk) + want);
  fresh->prev = prev;
  fresh->size = want;
  fresh->used = 0;
  return fresh;
}

static void *tree_take(size_t size) {
  size_t need = sizeof(tree_header) + tree_round(size);
  tree_chunk *c = tree_chunks;
  if (!c || c->size - c->used < need) {
    size_t want = c ? c->size * 2 : tree_first_chunk;
    while (want < need)
      want *= 2;
    tree_chunks = c = map_chunk(want, c);
  }
  tree_header *h = (tree_header *)((char *)c->data + c->used);
  c->used += need;
  h->size = size;
  tree_last = (char *)(h + 1);
  return tree_last;
}

static void *tree_calloc(size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) {
    fputs("gwdoc: error: 内存不足\n", stderr);
    abort();
  }
  return tree_take(count * size); /* fresh pages, never handed out before: zero */
}

static void *tree_realloc(void *ptr, size_t size) {
  if (!ptr)
    return tree_take(size);
  tree_header *h = (tree_header *)ptr - 1;
  if (ptr == tree_last) {
    tree_chunk *c = tree_chunks;
    size_t start = (size_t)((char *)ptr - (char *)c->data);
    if (c->size - start >= tree_round(size)) {
      if (start + tree_round(size) > c->used)
        c->used = start + tree_round(size); /* a shrink keeps its pages: only fresh ones are handed out */
      h->size = size;
      return ptr;
    }
  }
  size_t old = h->size;
  void *moved = tree_take(size);
  memcpy(moved, ptr, old < size ? old : size);
  return moved;
}

static void tree_free(void *ptr) { (void)ptr; /* dropped with its chunk */ }

/* Made by gw_markdown_reserve for the thread of a first half, on the
 * main thread before that thread starts. */
static tree_chunk *reserved_beside;

static void tree_reset(void) {
  while (tree_chunks) {
    tree_chunk *prev = tree_chunks->prev;
    gw_pages_unmap(tree_chunks, sizeof *tree_chunks + tree_chunks->size);
    tree_chunks = prev;
  }
  tree_last = NULL;
}

static cmark_mem *tree_mem(void) {
  static cmark_mem mem = {tree_calloc, tree_realloc, tree_free};
  return &mem;
}

/* Does p start with lit? Byte by byte, stopping at the first
 * difference (p's NUL included): called for every line and every mark
 * of the text, it is cheaper inline than strncmp. */
static inline bool starts_with(const char *p, const char *lit) {
  while (*lit)
    if (*p++ != *lit++)
      return false;
  return true;
}

/* Past a number: Chinese numerals (一 … 百 零 〇) and ASCII digits. */
static const char *skip_number(const char *p) {
  /* each numeral is three bytes of UTF-8; most text is rejected on its
   * first byte (every paragraph's first line comes through here) */
  static const char *const zh_digits[] = {"一", "二", "三", "四", "五", "六", "七",
                                          "八", "九", "十", "百", "零", "〇", NULL};
  for (;;) {
    if (*p >= '0' && *p <= '9') {
      p++;
      continue;
    }
    int i = 0;
    if ((unsigned char)*p == 0xE4 || (unsigned char)*p == 0xE5 || (unsigned char)*p == 0xE3 ||
        (unsigned char)*p == 0xE7 || (unsigned char)*p == 0xE9)
      while (zh_digits[i] && !starts_with(p, zh_digits[i]))
        i++;
    else
      i = 13;
    if (!zh_digits[i])
      return p;
    p += 3;
  }
}

/* Does p start with a digit, ASCII or 一 to 九? */
static bool starts_digit(const char *p) {
  static const char *const digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", NULL};
  if (*p >= '0' && *p <= '9')
    return true;
  for (int i = 0; digits[i]; i++)
    if (starts_with(p, digits[i]))
      return true;
  return false;
}

/* Length of an opening parenthesis at p: （ or (, else 0. */
static size_t open_paren(const char *p) {
  return starts_with(p, "（") ? strlen("（") : *p == '(' ? 1 : 0;
}

size_t gw_odd_space_len(const char *s, const char **as) {
  const unsigned char *p = (const unsigned char *)s;
  const char *stands = " ";
  size_t len = 0;
  if (p[0] == 0xC2 && p[1] == 0xA0) /* no-break space */
    len = 2;
  else if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x83)
    len = 3, stands = "\u3000"; /* em space: the drafter's full-width gap */
  else if (p[0] == 0xE2 && p[1] == 0x80 && ((p[2] >= 0x82 && p[2] <= 0x8A) || p[2] == 0xAF))
    len = 3; /* en, thin, hair … spaces; narrow no-break space */
  else if ((p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x8B) ||
           (p[0] == 0xE2 && p[1] == 0x81 && p[2] == 0xA0) ||
           (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF))
    len = 3, stands = ""; /* zero-width space, word joiner, a BOM inside the text */
  if (as)
    *as = stands;
  return len;
}

const char *gw_skip_indent(const char *t) {
  for (;;) {
    size_t odd = gw_odd_space_len(t, NULL);
    if (*t == ' ' || *t == '\t')
      t++;
    else if (starts_with(t, "\u3000"))
      t += 3;
    else if (odd)
      t += odd;
    else
      return t;
  }
}

bool gw_section_number_read(const char *text, gw_section_number *out) {
  const char *t = gw_skip_indent(text);
  const char *p = t + open_paren(t);
  const char *q = skip_number(p);
  if (q == p)
    return false;
  size_t digits = 0;
  for (const char *d = p; d < q && *d >= '0' && *d <= '9'; d++)
    digits++;
  if (digits > 3)
    return false; /* （2021） 2021.10: a year */
  size_t mark;
  if (p != t) {
    mark = starts_with(q, "）") ? strlen("）") : *q == ')' ? 1 : 0;
  } else if (*q == '.' || starts_with(q, "．")) {
    mark = *q == '.' ? 1 : strlen("．");
    bool zh = !(*p >= '0' && *p <= '9');
    if ((q[mark] >= '0' && q[mark] <= '9') || starts_with(q + mark, "．") ||
        (zh && starts_digit(q + mark)))
      mark = 0; /* 2.1, 1.5万, 十四．五 (a plan period; 2.三项制度 is an item) */
  } else {
    mark = starts_with(q, "、") ? strlen("、") : 0;
    /* 一、二年级, 1、2年内, 3、4百人次: two numbers listed, not a heading
     * (一、十大工程 and 一、百日攻坚 are headings, and so is 二、2025年主要
     * 目标: a list names its numbers alike) */
    bool arabic_first = *p >= '0' && *p <= '9', arabic_next = q[mark] >= '0' && q[mark] <= '9';
    if (mark && starts_digit(q + mark) && arabic_first == arabic_next)
      mark = 0;
  }
  if (!mark)
    return false;
  if (out) {
    bool arabic = *p >= '0' && *p <= '9';
    out->level = (p != t ? 2 : 1) + (arabic ? 2 : 0);
    out->value = gw_zh_numeral_value(p, (size_t)(q - p));
    out->start = (size_t)(t - text);
    out->mark_end = (size_t)(q + mark - text);
    out->end = (size_t)(gw_skip_indent(q + mark) - text);
  }
  return true;
}

bool gw_has_section_number(const char *t) { return gw_section_number_read(t, NULL); }

size_t gw_section_number_len(const char *t) {
  gw_section_number sn;
  return gw_section_number_read(t, &sn) ? sn.end : 0;
}

/* Does a measure word follow a number's mark here (（1）班, ①号楼)? Then
 * the number names a thing: a line a PDF broke there, not an item. Only
 * words that do not also start an item's text (组织, 队伍, 班子, 号召). */
static bool names_a_thing(const char *t) {
  static const char *const measures[] = {"班和", "班的", "班、", "班，", "号楼", "号院", "栋",
                                         NULL};
  for (int i = 0; measures[i]; i++)
    if (starts_with(t, measures[i]))
      return true;
  return false;
}

/* 第一，… 第二、… 其三：…, one point a line as drafters list them. */
static bool starts_ordinal(const char *text) {
  static const char *const numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL};
  const char *p = starts_with(text, "第") ? text + strlen("第")
                  : starts_with(text, "其") ? text + strlen("其") : NULL;
  if (!p)
    return false;
  const char *q = p;
  for (bool more = true; more && q - p < 9;) {
    more = false;
    for (int i = 0; numerals[i]; i++)
      if (starts_with(q, numerals[i])) {
        q += strlen(numerals[i]);
        more = true;
        break;
      }
  }
  if (q == p || !(starts_with(q, "，") || starts_with(q, "、") || starts_with(q, "：")))
    return false;
  /* 第一、二季度, 第二、三产业, 第三、第四批次: ordinals listed, mid-sentence */
  const char *after = q + strlen("，");
  return !starts_digit(after) && !starts_with(after, "第");
}

/* ● 招募志愿者… one point a line, bulleted by hand as WeChat and Word
 * copy lists: each line a paragraph, the bullet kept as typed. */
static bool starts_bullet(const char *text) {
  static const char *const bullets[] = {"●", "○", "■", "□", "◆", "◇", "▲", "△", "▶", "►",
                                        "★", "☆", "•", "▪", "◎", "➢", NULL};
  text = gw_skip_indent(text);
  for (int i = 0; bullets[i]; i++)
    if (starts_with(text, bullets[i]))
      return true;
  return false;
}

int gw_markdown_starts_item(const char *text) {
  if (!text)
    return 0;
  text = gw_skip_indent(text); /* 　　　2. indented by hand */
  if (starts_with(text, "附件")) { /* 附件1：… 附件2：… one a line */
    const char *q = skip_number(text + strlen("附件"));
    return q != text + strlen("附件") && (starts_with(q, "：") || *q == ':');
  }
  UChar32 c;
  int32_t i = 0;
  U8_NEXT(text, i, 4, c);
  if (c >= 0x2460 && c <= 0x249B) /* ① … ⑳, ⑴ … ⒇, ⒈ … ⒛ */
    return !names_a_thing(text + i);
  const char *p = text + open_paren(text);
  const char *q = skip_number(p);
  gw_section_number sn;
  if (gw_section_number_read(text, &sn) && names_a_thing(text + sn.mark_end))
    return 0; /* （1）班, 3.号楼: a class or a building named by its number */
  if (gw_has_section_number(text)) {
    if (*q != '.' && !starts_with(q, "．"))
      return 1;
    /* 1. but not 3.5 or 2021.10.18 */
    const char *after = q + (*q == '.' ? 1 : strlen("．"));
    return !(*after >= '0' && *after <= '9') && !starts_with(after, "．");
  }
  /* 1） or 1) with no opening parenthesis */
  return p == text && q != p && *p >= '0' && *p <= '9' && (starts_with(q, "）") || *q == ')');
}

int gw_typed_heading_level(const char *text) {
  static const char *const stops[] = {"。", "！", "？", "；", NULL};
  if (!gw_has_section_number(text))
    return 0;
  text = gw_skip_indent(text);
  int paren = strncmp(text, "（", 3) == 0 || text[0] == '(';
  const char *digit = text + (paren ? (text[0] == '(' ? 1 : 3) : 0);
  if (*digit >= '0' && *digit <= '9')
    return 0; /* 1. and （1） open run-in paragraphs */
  size_t len = strlen(text);
  if (gw_zh_count_chars(text, len) > 40)
    return 0;
  for (int i = 0; stops[i]; i++) {
    const char *at = strstr(text, stops[i]);
    if (at && at + strlen(stops[i]) < text + len)
      return 0;
  }
  if (len >= strlen("；") && strcmp(text + len - strlen("；"), "；") == 0)
    return 0; /* 一、抢抓农时，确保颗粒归仓；: an item of a list */
  return paren ? 2 : 1;
}

bool gw_listed_item(int *last_item, int number, const char *text, size_t len) {
  size_t n = strlen("；");
  bool semicolon = len >= n && memcmp(text + len - n, "；", n) == 0;
  bool next_item = *last_item > 0 && number == *last_item + 1;
  *last_item = semicolon ? number : 0;
  return semicolon || next_item;
}

int gw_typed_subheading_level(const char *text) {
  static const char *const marks[] = {"。", "！", "？", "；", "，", "：", "、", ":", ".", "%",
                                      "/", "—", "-", "～", NULL};
  gw_section_number sn;
  if (!gw_section_number_read(text, &sn) || sn.level < 3)
    return 0;
  const char *rest = text + sn.end;
  size_t len = strlen(rest), chars = gw_zh_count_chars(rest, len);
  if (chars < 4 || chars > 20) /* 1.张三 is a name listed */
    return 0;
  for (int i = 0; marks[i]; i++)
    if (strstr(rest, marks[i]))
      return 0; /* a sentence, or a list of things: text, not a heading */
  return sn.level;
}

const char *gw_markdown_lead_text(cmark_node *node) {
  while (node && cmark_node_get_type(node) != CMARK_NODE_TEXT)
    node = cmark_node_first_child(node);
  return node ? cmark_node_get_literal(node) : NULL;
}

/* The text of the inlines from `from` up to `to` (not included), as far
 * as `size` allows: enough to tell a heading line (40 characters at most). */
static void append_literals(cmark_node *n, char *buf, size_t size, size_t *len) {
  if (cmark_node_first_child(n)) { /* **一、总体*要*求** */
    for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c))
      append_literals(c, buf, size, len);
    return;
  }
  const char *lit = cmark_node_get_literal(n);
  size_t k = lit ? strlen(lit) : 0;
  if (*len + k >= size)
    k = size - 1 - *len;
  memcpy(buf + *len, lit ? lit : "", k);
  *len += k;
  buf[*len] = '\0';
}

static void line_plain(cmark_node *from, cmark_node *to, char *buf, size_t size) {
  size_t len = 0;
  buf[0] = '\0';
  for (cmark_node *n = from; n && n != to; n = cmark_node_next(n))
    append_literals(n, buf, size, &len);
}

void gw_markdown_line_text(cmark_node *from, char *buf, size_t size) {
  cmark_node *to = from;
  while (to && cmark_node_get_type(to) != CMARK_NODE_SOFTBREAK &&
         cmark_node_get_type(to) != CMARK_NODE_LINEBREAK)
    to = cmark_node_next(to);
  line_plain(from, to, buf, size);
}

/* Is the line from `line` to `br` (or to the next break) one picture? */
static bool is_image_line(cmark_node *line, cmark_node *br) {
  cmark_node *end = cmark_node_next(line);
  bool at_end = br ? end == br
                   : !end || cmark_node_get_type(end) == CMARK_NODE_SOFTBREAK ||
                         cmark_node_get_type(end) == CMARK_NODE_LINEBREAK;
  return cmark_node_get_type(line) == CMARK_NODE_IMAGE && at_end;
}

/* Is the line `text` a photo caption in brackets,
 * （图为…）, which ends where its bracket closes? */
static bool is_caption_line(const char *text) {
  size_t len = strlen(text);
  bool opens = starts_with(text, "（图为") || starts_with(text, "(图为");
  return opens && ((len >= 3 && strcmp(text + len - 3, "）") == 0) ||
                   (len >= 1 && text[len - 1] == ')'));
}

/* Does the line `text` end with the units of a plan's item,
 * （县教育局牵头，团县委配合）? The item ends there; a line under it,
 * copied from a PDF with no blank line, is the next paragraph. */
static bool ends_unit_note(const char *text) {
  static const char *const roles[] = {"牵头", "配合", "负责", "落实", NULL};
  size_t len = strlen(text);
  if (len < 3 || strcmp(text + len - 3, "）") != 0)
    return false;
  const char *open = text; /* the bracket may have opened a line above */
  for (const char *p = strstr(text, "（"); p; p = strstr(p + 3, "（"))
    open = p;
  for (int i = 0; roles[i]; i++)
    if (strstr(open, roles[i]))
      return true;
  return false;
}

/* Is the line `text` an attachment label alone (附件, 附件2,
 * 附件：)? What follows it is the attachment, not more of the label. */
static bool is_attachment_label(const char *text) {
  if (!starts_with(text, "附件"))
    return false;
  const char *p = skip_number(text + strlen("附件"));
  if (starts_with(p, "："))
    p += strlen("：");
  else if (*p == ':')
    p++;
  return *p == '\0';
}

/* Does `text` end with one of `marks`? */
static bool ends_with_any(const char *text, const char *const *marks) {
  size_t len = strlen(text);
  for (int i = 0; marks[i]; i++) {
    size_t n = strlen(marks[i]);
    if (len >= n && strcmp(text + len - n, marks[i]) == 0)
      return true;
  }
  return false;
}

bool gw_markdown_ends_sentence(const char *text) {
  static const char *const ends[] = {"。", "！", "？", "。”", "！”", "？”", NULL};
  return ends_with_any(text, ends);
}

/* Where a line ends a paragraph pasted one a line: a stop, also inside
 * a closing quote (straight as WeChat pastes it) or bracket, and an
 * ellipsis. */
static const char *const para_ends[] = {"。", "！", "？", "：", "。”", "！”", "？”", "。\"", "！\"",
                                        "？\"", "……", "……”", "……\"", "。）", "！）", "？）",
                                        ".", "?", "!", NULL};

/* Are the lines from `first` on a PDF's, cut at the page width? Then the
 * width they were cut at, in display columns, else 0. The widest line,
 * 18 to 48 characters, is the page's width when a line about as wide
 * ends mid-sentence: a line pasted from Word is a whole paragraph and
 * ends with its full stop. (Several paragraphs copied at once have short
 * last lines among the full ones: the width is still the widest.) */
static size_t lines_wrap_width(cmark_node *first) {
  size_t most = 0, widths[64], n = 0;
  bool open_end[64];
  cmark_node *line = first;
  for (cmark_node *c = first; c && n < 64; c = cmark_node_next(c)) {
    cmark_node_type type = cmark_node_get_type(c);
    if ((type != CMARK_NODE_SOFTBREAK && type != CMARK_NODE_LINEBREAK) || !cmark_node_next(c))
      continue;
    char text[256];
    line_plain(line, c, text, sizeof text);
    widths[n] = gw_zh_display_width(text, strlen(text));
    open_end[n] = !ends_with_any(text, para_ends);
    most = widths[n] > most ? widths[n] : most;
    n++;
    line = cmark_node_next(c);
  }
  if (most < 2 * 18 || most > 2 * 48)
    return 0;
  for (size_t i = 0; i < n; i++)
    if (open_end[i] && widths[i] + 2 * 2 >= most)
      return most;
  return 0;
}

/* Does the line open with a short label and its colon (联系人：…)? */
static bool starts_label(const char *text) {
  const char *colon = strstr(text, "：");
  if (!colon || colon == text || !colon[strlen("：")])
    return false;
  size_t w = gw_zh_display_width(text, (size_t)(colon - text));
  return w <= 2 * 6 && !memchr(text, ' ', (size_t)(colon - text)) && !strstr(text, "，");
}

/* Quotation marks and brackets `text` opens, less those it closes. Only
 * bytes that may start one are looked at (strcspn): this runs over the
 * whole text of every paragraph. */
static int opened_in(const char *text) {
  static const char *const opens[] = {"“", "‘", "（", "《", NULL};
  static const char *const closes[] = {"”", "’", "）", "》", NULL};
  int n = 0;
  for (const char *p = text; *(p += strcspn(p, "()\xE2\xE3\xEF"));) {
    if (*p == '(' || *p == ')') {
      n += *p == '(' ? 1 : -1;
      p++;
      continue;
    }
    for (int k = 0; opens[k]; k++) {
      if (starts_with(p, opens[k]))
        n++;
      else if (starts_with(p, closes[k]))
        n--;
    }
    p++;
  }
  return n;
}

/* Does a new paragraph start at the line break `br` (the line before it
 * beginning at `line`)? Drafters coming from Word write one paragraph a
 * line with no blank line between: items (1、… / 2、… / （1）…), lines
 * indented by hand with full-width spaces, and a heading line (一、…)
 * above its text. Markdown would join them all into one paragraph. A
 * paste from Word also leaves spaces at the ends of lines, which
 * Markdown reads as a hard break: after a full sentence that is a
 * paragraph's end too (a break inside a sentence, 联系人：张三 / 电话：…,
 * stays a line break). */
typedef struct {
  cmark_node *first; /* the first inline of the paragraph being split */
  bool top;          /* a paragraph of the document, not of a list or quote */
  bool backslash;    /* the hard break was typed as \ (meant, never a paste) */
  bool one_a_line;   /* a paragraph of the document whose lines may be
                        paragraphs pasted one a line */
  size_t wrap_width; /* its lines are a PDF's, cut at this width (display
                        columns); 0: they are not */
  int open;          /* quotation marks and brackets open so far */
} para_ctx;

/* A line that is a date and nothing else: 2024年12月3日. */
static bool is_date_line(const char *t) {
  const char *p = t;
  static const char *const parts[] = {"年", "月", "日"};
  for (int k = 0; k < 3; k++) {
    const char *d = p;
    while (*p >= '0' && *p <= '9')
      p++;
    if (p - d < (k == 0 ? 4 : 1) || p - d > (k == 0 ? 4 : 2) || !starts_with(p, parts[k]))
      return false;
    p += strlen(parts[k]);
  }
  while (*p == ' ')
    p++;
  return *p == '\0' || *p == '\n';
}

bool gw_markdown_is_date(const char *text, size_t len) {
  char line[64];
  if (len >= sizeof line)
    return false;
  memcpy(line, text, len);
  line[len] = '\0';
  return is_date_line(line);
}

/* Does the line starting at inline `n` end its paragraph? */
static bool is_last_line(cmark_node *n) {
  for (; n; n = cmark_node_next(n)) {
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
      return false;
  }
  return true;
}

/* A signing unit's line: short, no punctuation, and not a phrase a date
 * completes (时间为 / 2024年…, 截至 / 2024年…, 分别于…和 / 2024年…). */
static bool is_signature_line(const char *text) {
  static const char *const marks[] = {"，", "。", "、", "：", "；", "—", "“", "”", "（", ",", ":",
                                      "-", NULL};
  static const char *const open[] = {"截至", "截止", "为", "于", "到", "至", "在", "从", "自", "和",
                                     "与", "及", "是", "将", "日期", "时间", NULL};
  if (!*text || gw_zh_count_chars(text, strlen(text)) > 25 || ends_with_any(text, open))
    return false;
  for (int i = 0; marks[i]; i++)
    if (strstr(text, marks[i]))
      return false;
  return true;
}

/* Is the line after break `br` a paragraph's text as Word copies it, one
 * line: ended as a sentence, not a field (工作目标：…) nor a line of a
 * PDF's narrow column cut mid-phrase? */
static bool text_line_follows(cmark_node *br) {
  char text[256];
  gw_markdown_line_text(cmark_node_next(br), text, sizeof text);
  return !starts_label(text) && !gw_markdown_starts_item(text) && gw_markdown_ends_sentence(text);
}

static bool breaks_paragraph(const para_ctx *pc, cmark_node *line, cmark_node *br) {
  char text[256]; /* the line before the break */
  line_plain(line, br, text, sizeof text);
  if (cmark_node_get_type(br) == CMARK_NODE_LINEBREAK)
    return pc->top && !pc->backslash && gw_markdown_ends_sentence(text);
  /* a picture on a line of its own, and the caption line under it; an
   * item's unit bracket ends the item */
  cmark_node *after = cmark_node_next(br);
  bool item = gw_markdown_starts_item(gw_markdown_lead_text(pc->first));
  if (is_image_line(line, br) || (after && is_image_line(after, NULL)) ||
      is_caption_line(text) || (item && ends_unit_note(text)) || is_attachment_label(text))
    return true;
  const char *next = gw_markdown_lead_text(cmark_node_next(br));
  if (gw_markdown_starts_item(next) || (next && (starts_with(next, "\u3000") || starts_bullet(next))))
    return true;
  /* a signature's date under its unit (东山乡人民政府 / 2024年12月3日):
   * the paragraph's last line, under a short line with no mark in it */
  if (next && is_date_line(gw_skip_indent(next)) && is_last_line(cmark_node_next(br)) &&
      is_signature_line(text))
    return true;
  /* Word and WeChat copy one paragraph a line: a line that ends its
   * sentence ends its paragraph, unless the lines are a PDF's, cut at
   * the page width (which may fall after a 。); but … */
  cmark_node *last = cmark_node_previous(br);
  const char *tail = last && cmark_node_get_type(last) == CMARK_NODE_TEXT
                         ? cmark_node_get_literal(last) : NULL;
  /* …完善工作机制。 / （县委办牵头，2024年底前）: a bracket under the
   * sentence belongs to it (a plan's unit note, an aside); so does a
   * line inside a quotation (强调：“一要…。 / 二要…。”); and a PDF's
   * full line, cut at the page width, goes on whatever it ends with */
  bool bracket_next = next && (starts_with(next, "（") || next[0] == '(');
  bool full_line = pc->wrap_width && gw_zh_display_width(text, strlen(text)) + 2 * 4 >= pc->wrap_width;
  if (pc->one_a_line && tail && ends_with_any(tail, para_ends) && !bracket_next &&
      pc->open == 0 && !full_line)
    return true;
  /* 联系人：王晓明 / 联系电话：0354-…: a label's line under another's */
  if (pc->one_a_line && next && starts_label(text) && starts_label(next))
    return true;
  /* 第一，… 第二，… a line each; but not 排名 / 第一， wrapped mid-sentence */
  static const char *const stops[] = {"。", "！", "？", "；", "：", "。”", NULL};
  if (next && starts_ordinal(gw_skip_indent(next)) && ends_with_any(text, stops))
    return true;
  /* a heading line is short of a full line: a paragraph copied from a
   * PDF breaks its lines at the page width (26 characters or more), and
   * its first line may well start 一、 with no full stop in it; nor does
   * it end mid-phrase (关于印发…的 / 通知) */
  static const char *const open_ends[] = {"，", "、", "；", "：", "的", "和", "与", "及", "或", "并",
                                          NULL};
  if (ends_with_any(text, open_ends) || gw_zh_display_width(text, strlen(text)) >= 2 * 25)
    return false;
  /* 1.开发公益性岗位 / （1）开展订单式培训 over their text, as Word
   * copies them: a short line with no mark at all (20 characters at
   * most) over a sentence, not a line of a PDF's narrow column (1.从县
   * 域重点企业选派35岁 / 以下优秀青年…) nor a plan's measure over its
   * fields */
  return gw_typed_heading_level(text) > 0 ||
         (!full_line && gw_typed_subheading_level(text) > 0 && text_line_follows(br));
}

/* Move `from` and the siblings after it to the end of `dest`. */
static void append_siblings(cmark_node *dest, cmark_node *from) {
  for (cmark_node *m = from, *after; m; m = after) {
    after = cmark_node_next(m);
    cmark_node_append_child(dest, m);
  }
}

/* The user data of a paragraph split off the one before it. */
static char continues_marker;

bool gw_markdown_continues(cmark_node *para) {
  return para && cmark_node_get_user_data(para) == &continues_marker;
}

/* Split `para` before each soft line break that starts a paragraph
 * (breaks_paragraph). The new paragraph takes its position from its
 * first inline (the builders look there when a node has none). */
cmark_node *gw_markdown_split_at(cmark_node *br) {
  cmark_node *para = cmark_node_parent(br), *next = cmark_node_next(br);
  if (!para || !next)
    return NULL;
  cmark_node *rest = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, tree_mem());
  if (!rest || !cmark_node_insert_after(para, rest)) {
    cmark_node_free(rest);
    return NULL;
  }
  append_siblings(rest, next);
  cmark_node_set_user_data(rest, &continues_marker);
  cmark_node_free(br);
  return rest;
}

/* A place in the body, moved forward line by line as tables are read and
 * paragraphs split, in document order (back to the start when a line
 * lies behind). */
typedef struct {
  const char *body, *at;
  size_t len;
  int line; /* the line `at` starts (from 1) */
} body_cursor;

/* Body line `line` (from 1): its start in *start, its end returned. */
static const char *body_line(body_cursor *bc, int line, const char **start) {
  const char *end = bc->body + bc->len;
  if (line < bc->line) {
    bc->at = bc->body;
    bc->line = 1;
  }
  for (; bc->line < line && bc->at < end; bc->line++) {
    const char *nl = memchr(bc->at, '\n', (size_t)(end - bc->at));
    bc->at = nl ? nl + 1 : end;
  }
  *start = bc->at;
  const char *nl = bc->at < end ? memchr(bc->at, '\n', (size_t)(end - bc->at)) : NULL;
  return nl ? nl : end;
}

/* Does body line `line` (from 1) end with a backslash? */
static bool line_ends_backslash(body_cursor *bc, int line) {
  const char *p, *e = body_line(bc, line, &p);
  while (e > p && (e[-1] == '\r' || e[-1] == ' '))
    e--;
  return e > p && e[-1] == '\\';
}


/* The first line from `first` on that is cells pasted from a
 * spreadsheet, read whole by the plan's builder: two tabs or more in it.
 * (One tab after a number, 一、⇥项目建设, is Word's numbering made text.)
 * Returns the line break before it, or `first` itself for the first
 * line, or NULL when there is none. (The plan's builder reads those
 * lines from the source by the paragraph's lines, so the paragraph is
 * left whole.) */
static cmark_node *first_tab_row(cmark_node *first) {
  int tabs = 0;
  cmark_node *br = NULL;
  for (cmark_node *c = first; c; c = cmark_node_next(c)) {
    cmark_node_type type = cmark_node_get_type(c);
    if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      tabs = 0;
      br = c;
    }
    const char *lit = type == CMARK_NODE_TEXT ? cmark_node_get_literal(c) : NULL;
    for (const char *t = lit; t && (t = strchr(t, '\t')); t++)
      if (++tabs >= 2)
        return br ? br : first;
  }
  return NULL;
}

static void split_item_lines(cmark_node *para, body_cursor *bc) {
  cmark_node *child = cmark_node_first_child(para);
  cmark_node *line = child;
  cmark_node *parent = cmark_node_parent(para);
  bool top = parent && cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT;
  /* rows pasted from a spreadsheet (一、压减作业总量⇥⇥⇥ among them) are
   * read whole, as a table, by the plan's builder */
  if (first_tab_row(child))
    return;
  para_ctx pc = {child, top, false, top, top ? lines_wrap_width(child) : 0, 0};
  int line_no = cmark_node_get_start_line(para);
  while (child) {
    cmark_node *next = cmark_node_next(child);
    cmark_node_type type = cmark_node_get_type(child);
    if (type == CMARK_NODE_TEXT) {
      pc.open += opened_in(cmark_node_get_literal(child));
      pc.open = pc.open < 0 ? 0 : pc.open;
    }
    bool br = type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK;
    pc.backslash = type == CMARK_NODE_LINEBREAK && line_ends_backslash(bc, line_no);
    line_no += br;
    if (br && next && breaks_paragraph(&pc, line, child)) {
      if (!gw_markdown_split_at(child))
        return;
      pc.open = 0; /* a new paragraph */
      line = next;
      pc.first = next;
    } else if (br) {
      line = next;
    }
    child = next;
  }
}

/* The node after n in document order, not entering n's children, within
 * root; NULL at the end. */
static cmark_node *next_not_below(cmark_node *root, cmark_node *n) {
  for (; n && n != root; n = cmark_node_parent(n)) {
    cmark_node *next = cmark_node_next(n);
    if (next)
      return next;
  }
  return NULL;
}

static void split_all_item_lines(cmark_node *root, body_cursor bc) {
  size_t count = 0, cap = 0;
  cmark_node **paras = NULL;
  /* Every paragraph, in document order. Only blocks are entered, not
   * the inlines of paragraphs and headings: most of the tree's nodes,
   * and a cache miss each. */
  for (cmark_node *n = cmark_node_first_child(root); n;) {
    cmark_node_type type = cmark_node_get_type(n);
    if (type == CMARK_NODE_PARAGRAPH) {
      if (count == cap) {
        size_t grown = cap ? cap * 2 : 64;
        cmark_node **more = realloc(paras, grown * sizeof *more);
        if (!more)
          break;
        paras = more;
        cap = grown;
      }
      paras[count++] = n;
    }
    bool leaf = type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING ||
                (type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE;
    cmark_node *down = leaf ? NULL : cmark_node_first_child(n);
    n = down ? down : next_not_below(root, n);
  }
  /* split after the walk: the iterator must not see the tree change */
  for (size_t k = 0; k < count; k++)
    split_item_lines(paras[k], &bc);
  free(paras);
}

/* A footnote's mark: ① … ⑳, then [21] …; `number` as cmark-gfm gives
 * it (the order of first reference). */
static void footnote_mark(const char *number, char *out, size_t size) {
  long n = strtol(number ? number : "0", NULL, 10);
  if (n >= 1 && n <= 20) {
    int32_t i = 0;
    UBool err = 0;
    U8_APPEND((uint8_t *)out, i, (int32_t)size - 1, (UChar32)(0x2460 + n - 1), err);
    out[err ? 0 : i] = '\0';
  } else {
    snprintf(out, size, "[%ld]", n);
  }
}

bool gw_markdown_prepend_text(cmark_node *parent, const char *text) {
  cmark_node *t = cmark_node_new_with_mem(CMARK_NODE_TEXT, tree_mem());
  if (!t || !cmark_node_set_literal(t, text) || !cmark_node_prepend_child(parent, t)) {
    cmark_node_free(t);
    return false;
  }
  return true;
}

static int replace_with_text(cmark_node *node, const char *text) {
  cmark_node *t = cmark_node_new_with_mem(CMARK_NODE_TEXT, tree_mem());
  if (!t || !cmark_node_set_literal(t, text) || !cmark_node_insert_before(node, t)) {
    cmark_node_free(t);
    return 0;
  }
  cmark_node_free(node);
  return 1;
}

/* The article title (# heading) after the top-level block holding
 * `node`: a note goes before it, at the end of the citing article. NULL
 * for the last article (the note goes to the end of the body). */
static cmark_node *next_article(cmark_node *root, cmark_node *node) {
  while (node && cmark_node_parent(node) != root)
    node = cmark_node_parent(node);
  for (node = node ? cmark_node_next(node) : NULL; node; node = cmark_node_next(node))
    if (gw_markdown_is_title(node))
      return node;
  return NULL;
}

/* Official documents have no Word footnotes here: a reference [^x]
 * becomes its mark (①) in the text, and each definition, which
 * cmark-gfm moved to the end in the order of reference, a paragraph
 * "注①：…" at the end of the article that first cites it (the last
 * article's notes before the 报尾). Nothing a drafter wrote is lost. */
enum { MAX_PLACED_NOTES = 256 };

static void flatten_footnotes(cmark_node *root) {
  int defs = 0;
  cmark_node *before[MAX_PLACED_NOTES + 1] = {0}; /* by note number */
  cmark_node *n = root;
  while (n) {
    cmark_node *next = cmark_node_first_child(n);
    if (!next)
      for (cmark_node *up = n; up && !(next = cmark_node_next(up)); up = cmark_node_parent(up))
        ;
    cmark_node_type type = cmark_node_get_type(n);
    if (type == CMARK_NODE_FOOTNOTE_REFERENCE) {
      char mark[16];
      long number = strtol(cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "0", NULL, 10);
      if (number >= 1 && number <= MAX_PLACED_NOTES && !before[number])
        before[number] = next_article(root, n);
      footnote_mark(cmark_node_get_literal(n), mark, sizeof mark);
      replace_with_text(n, mark);
    } else if (type == CMARK_NODE_FOOTNOTE_DEFINITION) {
      char mark[16], label[32];
      snprintf(mark, sizeof mark, "%d", ++defs);
      footnote_mark(mark, label + 3, sizeof label - 6);
      memcpy(label, "注", 3);
      strcat(label, "：");
      cmark_node *first = cmark_node_first_child(n);
      cmark_node *t = cmark_node_new_with_mem(CMARK_NODE_TEXT, tree_mem());
      if (t && cmark_node_set_literal(t, label) && first &&
          cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH)
        cmark_node_prepend_child(first, t);
      else
        cmark_node_free(t);
      next = cmark_node_next(n);
      cmark_node *at = defs <= MAX_PLACED_NOTES && before[defs] ? before[defs] : n;
      for (cmark_node *m = first; m;) {
        cmark_node *after = cmark_node_next(m);
        cmark_node_insert_before(at, m);
        m = after;
      }
      cmark_node_free(n);
    }
    n = next;
  }
}

/* Does body line `line` (from 1) hold a '|'? */
static bool line_has_pipe(body_cursor *bc, int line) {
  const char *p, *e = body_line(bc, line, &p);
  return memchr(p, '|', (size_t)(e - p)) != NULL;
}

/* A line under a pipe table with no blank line between and no | in it
 * is the paragraph the drafter wrote after the table (各单位要…); GFM
 * makes it a row with its text in the first cell, which a plan drops as
 * a 序号. Such rows at a table's end leave it as one paragraph. */
static void lift_trailing_rows(cmark_node *table, body_cursor *bc) {
  cmark_node *first = NULL;
  for (cmark_node *r = cmark_node_last_child(table); r && r != cmark_node_first_child(table);
       r = cmark_node_previous(r)) {
    if (line_has_pipe(bc, cmark_node_get_start_line(r)))
      break;
    first = r;
  }
  if (!first)
    return;
  cmark_node *para = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, tree_mem());
  if (!para || !cmark_node_insert_after(table, para))
    return;
  for (cmark_node *r = first, *next; r; r = next) {
    next = cmark_node_next(r);
    if (r != first)
      cmark_node_append_child(para, cmark_node_new_with_mem(CMARK_NODE_SOFTBREAK, tree_mem()));
    for (cmark_node *c = cmark_node_first_child(r); c; c = cmark_node_next(c))
      append_siblings(para, cmark_node_first_child(c));
    cmark_node_unlink(r);
  }
}

static void lift_all_trailing_rows(cmark_node *root, body_cursor bc) {
  for (cmark_node *n = cmark_node_first_child(root), *next; n; n = next) {
    next = cmark_node_next(n);
    if (gw_markdown_is_table(n))
      lift_trailing_rows(n, &bc);
  }
}

/* One parser's tree of body[0, len), preceded by `blank_lines` empty
 * lines so that its lines are numbered as in the whole body. */
static cmark_node *parse_lines(const char *body, size_t len, size_t blank_lines) {
  if (!tree_chunks)
    tree_first_chunk = len < TREE_CHUNK_FIRST / 12 ? TREE_CHUNK_FIRST : len * 12;
  cmark_parser *parser =
      cmark_parser_new_with_mem(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES, tree_mem());
  /* Pipe tables only. Not strikethrough: a 公文 strikes nothing out,
   * and its ~ are ranges (招生3~5人，培训7~9天), which GFM's single-tilde
   * strikethrough swallowed. */
  cmark_syntax_extension *table = cmark_find_syntax_extension("table");
  if (table)
    cmark_parser_attach_syntax_extension(parser, table);
  static const char newlines[] = "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n";
  for (size_t n; blank_lines; blank_lines -= n) {
    n = blank_lines < sizeof newlines - 1 ? blank_lines : sizeof newlines - 1;
    cmark_parser_feed(parser, newlines, n);
  }
  cmark_parser_feed(parser, body, len);
  cmark_node *root = cmark_parser_finish(parser);
  cmark_parser_free(parser);
  return root;
}

/* Does the line at p open an HTML block that may run on past a blank
 * line, whose end a split could miss? (One nested in a list item or a
 * quote ends with it, at the line before the heading, as it would at the
 * end of a half.) */
static bool opens_long_block(const char *p, const char *end) {
  for (int i = 0; i < 3 && p < end && *p == ' '; i++)
    p++;
  return p < end && *p == '<';
}

/* Is there a run of three ` or ~ in body[0, len), a fence anywhere? A
 * fence still open where the body is cut ends at the cut either way, but
 * cmark-gfm gives its end as the line that closed it, while a half that
 * ends there gives the half's last line: a fence nested in a list item
 * (- ```) or a quote (> ```) is as much a reason to keep a body whole as
 * one at the margin. Fences are rare in an official document. */
static bool has_fence(const char *body, size_t len) {
  const char *end = body + len;
  for (const char *marks = "`~"; *marks; marks++)
    for (const char *p = body; (p = memchr(p, *marks, (size_t)(end - p))); p++)
      if (end - p >= 3 && p[1] == *marks && p[2] == *marks)
        return true;
  return false;
}

static bool is_blank_line(const char *p, const char *end) {
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  return p == end;
}

/* Is there a "]:" in body[0, len)? A definition ([x]: url, [^1]: note)
 * serves the whole body. memchr for the rare ]: memmem took a byte at a
 * time. */
static bool has_definition(const char *body, size_t len) {
  const char *end = body + len;
  for (const char *p = body; (p = memchr(p, ']', (size_t)(end - p))); p++)
    if (p + 1 < end && p[1] == ':')
      return true;
  return false;
}

static size_t distance(size_t a, size_t b) { return a > b ? a - b : b - a; }

size_t gw_markdown_safe_split(const char *body, size_t len) {
  const char *end = body + len;
  if (memchr(body, '\r', len) || has_definition(body, len) || has_fence(body, len))
    return 0;
  size_t best = 0, best_title = 0;
  bool blank_before = false;
  for (const char *line = body; line < end;) {
    const char *eol = memchr(line, '\n', (size_t)(end - line));
    const char *next = eol ? eol + 1 : end;
    if (opens_long_block(line, eol ? eol : end))
      return 0;
    /* a heading right after a blank line closes every block before it */
    size_t at = (size_t)(line - body);
    if (*line == '#' && blank_before && at > 0) {
      if (best == 0 || distance(at, len / 2) < distance(best, len / 2))
        best = at;
      if (line + 1 < end && line[1] == ' ' &&
          (best_title == 0 || distance(at, len / 2) < distance(best_title, len / 2)))
        best_title = at;
    }
    blank_before = is_blank_line(line, eol ? eol : end);
    line = next;
  }
  return best_title ? best_title : best;
}

/* gwdoc's own changes to the tree of body[from, ...): tables' trailing
 * rows lifted, pasted lines split. Both work block by block, so each half
 * of a cut body takes them on its own thread. */
static void tidy_tree(cmark_node *root, const char *body, size_t len, size_t from, int line) {
  body_cursor at = {body, body + from, len, line};
  lift_all_trailing_rows(root, at);
  split_all_item_lines(root, at);
}

typedef struct {
  const char *body;
  size_t len, split;
  cmark_node *root;
  tree_chunk *chunks; /* the thread's tree memory: reserved for it, or
                         NULL; then all it took, handed back */
} first_half;

static void *parse_first_half(void *arg) {
  first_half *h = arg;
  gw_markdown_adopt_memory(h->chunks); /* reserved for it */
  h->root = parse_lines(h->body, h->split, 0);
  if (h->root)
    tidy_tree(h->root, h->body, h->len, 0, 1);
  h->chunks = gw_markdown_thread_memory();
  return NULL;
}

void gw_markdown_reserve(size_t mine, size_t beside, gw_span *mine_room, gw_span *beside_room) {
  *mine_room = *beside_room = (gw_span){NULL, 0};
  if (!tree_chunks) {
    tree_chunks = map_chunk(mine, NULL);
    *mine_room = (gw_span){tree_chunks->data, tree_chunks->size};
  }
  if (!reserved_beside) {
    reserved_beside = map_chunk(beside, NULL);
    *beside_room = (gw_span){reserved_beside->data, reserved_beside->size};
  }
}

void gw_markdown_release(void) {
  if (live_trees == 0)
    tree_reset();
  if (reserved_beside) {
    gw_pages_unmap(reserved_beside, sizeof *reserved_beside + reserved_beside->size);
    reserved_beside = NULL;
  }
}

void gw_markdown_expect(size_t bytes) {
  if (!tree_chunks && bytes > TREE_CHUNK_FIRST)
    tree_first_chunk = bytes;
}

gw_markdown_memory *gw_markdown_thread_memory(void) {
  tree_chunk *chunks = tree_chunks;
  tree_chunks = NULL;
  tree_last = NULL;
  return chunks;
}

void gw_markdown_adopt_memory(gw_markdown_memory *chunks) {
  if (!chunks)
    return;
  tree_chunk *oldest = chunks;
  while (oldest->prev)
    oldest = oldest->prev;
  oldest->prev = tree_chunks;
  tree_chunks = chunks;
  tree_last = NULL; /* the block last handed out here is not the newest any more */
}

/* The first half on a thread, the second here with blank lines for the
 * first: this parser's root then ends where the whole body's does. No
 * footnotes to number across the halves: a body with a definition is
 * never cut. */
static cmark_node *parse_halves(const char *body, size_t len, size_t split,
                                cmark_node **second_half) {
  first_half first = {body, len, split, NULL, reserved_beside};
  reserved_beside = NULL;
  pthread_t thread;
  bool threaded = pthread_create(&thread, NULL, parse_first_half, &first) == 0;
  size_t lines = 0;
  for (const char *p = body; (p = memchr(p, '\n', (size_t)(body + split - p))); p++)
    lines++;
  cmark_node *root = parse_lines(body + split, len - split, lines);
  if (root)
    tidy_tree(root, body, len, split, (int)lines + 1);
  if (threaded)
    pthread_join(thread, NULL);
  else
    parse_first_half(&first);
  gw_markdown_adopt_memory(first.chunks);
  if (!root || !first.root)
    return NULL;
  /* the first half's blocks go before the second's, in order */
  cmark_node *ahead = cmark_node_first_child(root);
  if (second_half)
    *second_half = ahead;
  for (cmark_node *n = cmark_node_first_child(first.root), *next; n; n = next) {
    next = cmark_node_next(n);
    cmark_node_unlink(n);
    if (ahead)
      cmark_node_insert_before(ahead, n);
    else
      cmark_node_append_child(root, n);
  }
  return root;
}

static cmark_node *parse_cut(const char *body, size_t len, size_t split,
                             cmark_node **second_half) {
  cmark_gfm_core_extensions_ensure_registered();
  live_trees++;
  cmark_node *root;
  if (split > 0 && split < len) {
    root = parse_halves(body, len, split, second_half);
  } else if ((root = parse_lines(body, len, 0))) {
    flatten_footnotes(root);
    tidy_tree(root, body, len, 0, 1);
  }
  /* not cut: this thread's literals go into the room reserved for a
   * first half */
  gw_markdown_adopt_memory(reserved_beside);
  reserved_beside = NULL;
  if (!root)
    gw_markdown_free(NULL);
  return root;
}

cmark_node *gw_markdown_parse_split(const char *body, size_t len, size_t split) {
  return parse_cut(body, len, split, NULL);
}

/* Below this a body is parsed by one parser: a thread costs more than
 * the half it would take. */
size_t gw_markdown_split_from = GW_MARKDOWN_SPLIT_FROM;

cmark_node *gw_markdown_parse_halves(const char *body, size_t len, cmark_node **second_half) {
  *second_half = NULL;
  size_t split = len >= gw_markdown_split_from ? gw_markdown_safe_split(body, len) : 0;
  return parse_cut(body, len, split, second_half);
}

cmark_node *gw_markdown_parse(const char *body, size_t len) {
  cmark_node *second_half;
  return gw_markdown_parse_halves(body, len, &second_half);
}

void gw_markdown_free(cmark_node *root) {
  (void)root; /* its memory is the arena's */
  if (live_trees > 0 && --live_trees == 0)
    tree_reset();
}

/* The extension node types are registered at run time and this cmark-gfm
 * exports no variables for them: compare the type names. */
static int has_type(cmark_node *node, const char *name) {
  const char *type = cmark_node_get_type_string(node);
  return type && strcmp(type, name) == 0;
}

int gw_markdown_is_table(cmark_node *node) { return has_type(node, "table"); }
bool gw_markdown_is_title(cmark_node *node) {
  return cmark_node_get_type(node) == CMARK_NODE_HEADING && cmark_node_get_heading_level(node) == 1;
}
/* The header row's type is "table_header", the others "table_row". */
int gw_markdown_is_table_row(cmark_node *node) {
  return has_type(node, "table_row") || has_type(node, "table_header");
}
int gw_markdown_is_table_cell(cmark_node *node) { return has_type(node, "table_cell"); }
int gw_markdown_table_row_is_header(cmark_node *row) {
  return cmark_gfm_extensions_get_table_row_is_header(row);
}
int gw_markdown_line_cells(const char *p, size_t len) {
  const char *end = p + len;
  const char *line = p;
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  while (end > p && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
    end--;
  if (p < end && *p == '|')
    p++;
  /* cmark-gfm's rule: a '|' right after a backslash is no separator,
   * whatever comes before the backslash; GFM splits inside `code` too */
  if (end > p && end[-1] == '|' && !(end - 1 > line && end[-2] == '\\'))
    end--;
  int pipes = 0;
  for (const char *q = p; q < end; q++)
    if (*q == '|' && !(q > line && q[-1] == '\\'))
      pipes++;
  return pipes + 1;
}

char gw_markdown_table_align(cmark_node *table, int col) {
  uint8_t *align = cmark_gfm_extensions_get_table_alignments(table);
  int ncols = (int)cmark_gfm_extensions_get_table_columns(table);
  if (!align || col < 0 || col >= ncols)
    return 0;
  return align[col] == 'l' || align[col] == 'c' || align[col] == 'r' ? (char)align[col] : 0;
}
