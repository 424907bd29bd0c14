/* lint.c - `gwdoc lint`: the Chinese text rules, reported at their exact
 * place in the source, and the mechanical ones fixed in place.
 *
 * How positions stay exact: the linter never re-prints the Markdown. It
 * works on the source text itself. cmark-gfm says which blocks hold prose
 * (paragraphs, headings, table cells; list items and block quotes hold
 * paragraphs) and gives each block's first and last line; the literal of
 * every text node is then found in the source, moving forward from the
 * block's start (text literals never span lines, and what lies between
 * two of them is markup: emphasis delimiters, link destinations, code
 * spans, which are stepped over). The literals of one block are joined
 * into one "prose" string with a map back to source byte offsets; code
 * spans, inline HTML, images, autolinks and backslash escapes become
 * U+FFFC (seen as a neutral object, never changed) and line breaks "\n".
 * Every rule runs on the prose string; a finding's offset goes through
 * the map to a source offset; LINE:COL (columns in code points) are
 * computed at the end in one pass over the text. A fix is kept only when
 * it lies inside one mapped piece, so --fix never touches markup. Front-matter values are located the same
 * way from libyaml's positions (gw_val_parse) and checked byte for byte.
 *
 * Every search is bounded (a window after the cursor, or the code span's
 * closing backticks), so the whole is linear in the size of the source. */
#define _GNU_SOURCE /* memmem (two-way search: linear) */
#include "lint.h"
#include "build.h"
#include "division.h"
#include "arena.h"
#include "gwdoc.h"
#include "kinds.h"
#include "markdown.h"
#include "package.h"
#include "source.h"
#include "value.h"
#include "zh.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

/* ------------------------------------------------------------------ */
/* Findings                                                             */
/* ------------------------------------------------------------------ */

typedef struct {
  size_t off, len; /* source bytes replaced (src->text offsets) */
  char *repl;      /* malloc'ed */
  size_t repl_len;
} fix_edit;

typedef struct {
  gw_severity sev;
  gw_pos pos;       /* filled from `off` at the end when has_off */
  size_t off;       /* source offset (src->text) */
  bool has_off;
  const char *rule; /* NULL for errors of the reader or YAML */
  char *msg;        /* malloc'ed */
  fix_edit edits[2];
  size_t nedits;
  bool unfixable; /* an edit did not map onto the source: report only */
  bool fixed;
  size_t seq;
} finding;

/* One prose block: the joined text and its map to the source. */
typedef struct {
  size_t poff, roff, len;
} seg;

typedef struct {
  gw_buf text;
  seg *segs;
  size_t nseg, cap;
  size_t cur, end;  /* source cursor and the block's last byte */
  size_t start;     /* source offset of the block start */
  unsigned char *claimed; /* per prose byte: owned by a year-bracket fix */
} prose;

typedef struct {
  gw_source src;
  gw_arena *arena;
  finding *v;
  size_t n, cap;
  /* headings */
  int last[4];      /* last number seen per marker rank */
  char last_text[4][32];
  bool after_title;
  bool plan; /* kind: division */
  bool auto_numbering;    /* numbering: auto: render numbers the headings */
  bool told_typed_number; /* its one warning about a typed number is out */
  /* paragraphs */
  cmark_node *prev_para;
  bool prev_open;          /* it ended in the middle of a sentence */
  char prev_tail[64];      /* its last characters, for the message */
  unsigned prev_line;      /* line of its last character */
  int item_number;         /* the last 一、…； item's number (render reads
                              those, and the line numbered next, as a
                              list, not headings), or 0 */
  /* lines of tab-separated cells (a paste from a spreadsheet) */
  cmark_node *tab_para;    /* the last paragraph that had some */
  size_t tab_rows;         /* such lines in a row so far */
  size_t tab_start;        /* source offset of the first of them */
  bool tab_told;           /* the run is reported already */
  bool tab_table;          /* a plan's paste with its header line: render reads it */
} linter;

static const char OBJ[] = "\xEF\xBF\xBC"; /* U+FFFC */

/* A new finding at the end, zeroed but for its place in the order. */
static finding *append_finding(linter *l, gw_severity sev) {
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 32;
    l->v = gw_xrealloc(l->v, l->cap * sizeof *l->v);
  }
  finding *f = &l->v[l->n];
  memset(f, 0, sizeof *f);
  f->sev = sev;
  f->seq = l->n++;
  return f;
}

static finding *new_finding(linter *l, gw_severity sev, size_t off,
                            const char *rule, const char *fmt, va_list ap) {
  finding *f = append_finding(l, sev);
  f->off = off;
  f->has_off = true;
  f->rule = rule;
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  f->msg = gw_xmalloc((size_t)(n < 0 ? 0 : n) + 1);
  vsnprintf(f->msg, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  return f;
}

/* ------------------------------------------------------------------ */
/* Prose strings                                                        */
/* ------------------------------------------------------------------ */

static void prose_init(prose *pr, size_t start, size_t end) {
  memset(pr, 0, sizeof *pr);
  pr->start = pr->cur = start;
  pr->end = end;
}

static void prose_free(prose *pr) {
  gw_buf_free(&pr->text);
  free(pr->segs);
  free(pr->claimed);
}

static void prose_raw(prose *pr, const gw_source *src, size_t roff, size_t len) {
  if (len == 0)
    return;
  if (pr->nseg && pr->segs[pr->nseg - 1].roff + pr->segs[pr->nseg - 1].len == roff &&
      pr->segs[pr->nseg - 1].poff + pr->segs[pr->nseg - 1].len == pr->text.len) {
    pr->segs[pr->nseg - 1].len += len; /* contiguous: one piece */
  } else {
    if (pr->nseg == pr->cap) {
      pr->cap = pr->cap ? pr->cap * 2 : 8;
      pr->segs = gw_xrealloc(pr->segs, pr->cap * sizeof *pr->segs);
    }
    seg s = {pr->text.len, roff, len};
    pr->segs[pr->nseg++] = s;
  }
  gw_buf_append(&pr->text, src->text + roff, len);
}

static void prose_opaque(prose *pr, const char *s, size_t len) {
  gw_buf_append(&pr->text, s, len);
}

/* The piece holding prose offset p, or the first piece after it. */
static size_t seg_at(const prose *pr, size_t p) {
  size_t lo = 0, hi = pr->nseg;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (pr->segs[mid].poff + pr->segs[mid].len <= p)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Source offset for prose offset p (the next mapped byte when p is not
 * mapped, the block start when nothing follows). */
static size_t prose_src_off(const prose *pr, size_t p) {
  size_t k = seg_at(pr, p);
  if (k == pr->nseg)
    return pr->nseg ? pr->segs[pr->nseg - 1].roff + pr->segs[pr->nseg - 1].len
                    : pr->start;
  if (p < pr->segs[k].poff)
    return pr->segs[k].roff;
  return pr->segs[k].roff + (p - pr->segs[k].poff);
}

/* Source range of prose [p, p+len) when it lies inside one piece. */
static bool prose_src_range(const prose *pr, size_t p, size_t len, size_t *roff) {
  size_t k = seg_at(pr, p);
  if (k == pr->nseg || p < pr->segs[k].poff ||
      p + len > pr->segs[k].poff + pr->segs[k].len)
    return false;
  *roff = pr->segs[k].roff + (p - pr->segs[k].poff);
  return true;
}

static finding *report(linter *l, const prose *pr, size_t p, gw_severity sev,
                       const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static finding *report(linter *l, const prose *pr, size_t p, gw_severity sev,
                       const char *rule, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  finding *f = new_finding(l, sev, prose_src_off(pr, p), rule, fmt, ap);
  va_end(ap);
  return f;
}

/* A finding at source offset `off`, for rules that read no prose. */
static finding *lint_at(linter *l, size_t off, gw_severity sev, const char *rule,
                        const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static finding *lint_at(linter *l, size_t off, gw_severity sev, const char *rule,
                        const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  finding *f = new_finding(l, sev, off, rule, fmt, ap);
  va_end(ap);
  return f;
}

static void add_edit(const prose *pr, finding *f, size_t p, size_t len,
                     const char *repl, size_t repl_len) {
  size_t roff;
  if (f->unfixable || f->nedits == 2 || !prose_src_range(pr, p, len, &roff)) {
    f->unfixable = true;
    return;
  }
  fix_edit *e = &f->edits[f->nedits++];
  e->off = roff;
  e->len = len;
  e->repl = gw_xmalloc(repl_len + 1);
  memcpy(e->repl, repl, repl_len);
  e->repl[repl_len] = '\0';
  e->repl_len = repl_len;
}

/* ------------------------------------------------------------------ */
/* Characters                                                           */
/* ------------------------------------------------------------------ */

static UChar32 next_cp(const char *s, size_t len, size_t *i) {
  UChar32 c;
  U8_NEXT((const uint8_t *)s, *i, len, c);
  return c;
}

static UChar32 prev_cp(const char *s, size_t *i) {
  UChar32 c;
  int32_t k = (int32_t)*i;
  U8_PREV((const uint8_t *)s, 0, k, c);
  *i = (size_t)k;
  return c;
}

static bool is_ascii_digit(UChar32 c) { return c >= '0' && c <= '9'; }
static bool is_fw_digit(UChar32 c) { return c >= 0xFF10 && c <= 0xFF19; }
static bool is_any_digit(UChar32 c) { return is_ascii_digit(c) || is_fw_digit(c); }
static int digit_val(UChar32 c) { return is_fw_digit(c) ? (int)(c - 0xFF10) : (int)(c - '0'); }

static bool is_latin_alnum(UChar32 c) {
  return is_ascii_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* 一..九 as 1..9, 〇/零 as 0, else -1. */
static int zh_digit(UChar32 c) {
  static const UChar32 d[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                              0x516D, 0x4E03, 0x516B, 0x4E5D};
  for (int i = 0; i < 10; i++)
    if (d[i] == c)
      return i;
  return c == 0x96F6 ? 0 : -1;
}

/* A Chinese numeral 1..99 (一, 十, 十二, 二十, 二十三) starting at *i;
 * returns its value and moves *i past it, or -1 (and *i unchanged). */
static int zh_number(const char *s, size_t len, size_t *i) {
  size_t j = *i, k = j;
  int tens = -1, units = -1;
  UChar32 c = j < len ? next_cp(s, len, &k) : -1;
  if (zh_digit(c) > 0) {
    units = zh_digit(c);
    j = k;
    c = j < len ? next_cp(s, len, &k) : -1;
  }
  if (c == 0x5341) { /* 十 */
    tens = units < 0 ? 1 : units;
    units = 0;
    j = k;
    c = j < len ? next_cp(s, len, &k) : -1;
    if (zh_digit(c) > 0) {
      units = zh_digit(c);
      j = k;
    }
  }
  if (units < 0 && tens < 0)
    return -1;
  *i = j;
  return (tens < 0 ? 0 : tens * 10) + units;
}

/* ------------------------------------------------------------------ */
/* Number markers: 一、 （一） 1. （1） and the wrong 1、                   */
/* ------------------------------------------------------------------ */

enum { MK_NONE = -1, MK_CN_DUN = 0, MK_CN_PAREN = 1, MK_AR_DOT = 2, MK_AR_PAREN = 3 };

typedef struct {
  int rank;      /* MK_* : the heading level the marker belongs to (0..3) */
  int number;    /* its value, -1 when not readable */
  size_t len;    /* bytes of the marker */
  bool dun;      /* 1、 instead of 1. */
  size_t dun_at; /* offset of that 、 (or of the dot of 二．) */
  size_t dot;    /* 二． or 二. instead of 二、: the dot's bytes, else 0 */
} marker;

static marker parse_marker(const char *s, size_t len) {
  marker m = {MK_NONE, -1, 0, false, 0, 0};
  size_t i = 0;
  UChar32 c = len ? next_cp(s, len, &i) : -1;
  if (c == '(' || c == 0xFF08) {
    size_t j = i;
    int n = zh_number(s, len, &j);
    int rank = MK_CN_PAREN;
    if (n < 0) {
      n = 0;
      size_t k = j, digits = 0;
      while (k < len) {
        size_t k2 = k;
        UChar32 d = next_cp(s, len, &k2);
        if (!is_ascii_digit(d))
          break;
        n = n * 10 + (d - '0');
        k = k2;
        if (++digits > 3)
          return m;
      }
      if (!digits)
        return m;
      j = k;
      rank = MK_AR_PAREN;
    }
    size_t k = j;
    UChar32 d = j < len ? next_cp(s, len, &k) : -1;
    if (d != ')' && d != 0xFF09)
      return m;
    m.rank = rank;
    m.number = n;
    m.len = k;
    return m;
  }
  i = 0;
  int n = zh_number(s, len, &i);
  if (n > 0) {
    size_t k = i;
    UChar32 mark = i < len ? next_cp(s, len, &k) : -1;
    size_t k2 = k, k3 = k;
    bool figure_after = k < len && is_any_digit(next_cp(s, len, &k2));
    /* 十四．五 (the 14th five-year plan), 二.3: a number, not a mark */
    bool numeral_after = mark != 0x3001 && k < len && (k3 = k, zh_number(s, len, &k3) > 0);
    if (mark == 0x3001 ||
        ((mark == 0xFF0E || mark == '.') && !figure_after && !numeral_after)) { /* 、 ． . */
      m.rank = MK_CN_DUN;
      m.number = n;
      m.len = k;
      m.dun_at = i;
      m.dot = mark == 0x3001 ? 0 : k - i; /* render reads 二． as 二、 too */
    }
    return m;
  }
  i = 0;
  n = 0;
  size_t digits = 0;
  while (i < len) {
    size_t k = i;
    UChar32 d = next_cp(s, len, &k);
    if (!is_ascii_digit(d))
      break;
    n = n * 10 + (d - '0');
    i = k;
    if (++digits > 3)
      return m;
  }
  if (!digits || i >= len)
    return m;
  size_t k = i;
  UChar32 d = next_cp(s, len, &k);
  if (d == '.' || d == 0xFF0E) {
    size_t k2 = k;
    if (k < len && is_any_digit(next_cp(s, len, &k2)))
      return m; /* 7.5 */
  } else if (d != 0x3001) {
    return m;
  }
  m.rank = MK_AR_DOT;
  m.number = n;
  m.len = k;
  m.dun = d == 0x3001;
  m.dun_at = i;
  return m;
}

/* The marker written for number n at rank r, e.g. “三、” “（二）” “4.”. */
static void marker_text(int rank, int n, char *out, size_t cap) {
  char *zh = rank <= MK_CN_PAREN ? gw_zh_numeral(n) : NULL;
  switch (rank) {
  case MK_CN_DUN: snprintf(out, cap, "%s、", zh ? zh : "?"); break;
  case MK_CN_PAREN: snprintf(out, cap, "（%s）", zh ? zh : "?"); break;
  case MK_AR_DOT: snprintf(out, cap, "%d.", n); break;
  default: snprintf(out, cap, "（%d）", n); break;
  }
  free(zh);
}

static const char *const level_names[] = {"一级", "二级", "三级", "四级"};
static const char *const level_hashes[] = {"##", "###", "####", "#####"};

/* ------------------------------------------------------------------ */
/* Rules on one prose string                                            */
/* ------------------------------------------------------------------ */

static void short_copy(char *out, size_t cap, const char *s, size_t len) {
  if (len >= cap)
    len = cap - 1;
  while (len > 0 && U8_IS_TRAIL((uint8_t)s[len]))
    len--;
  memcpy(out, s, len);
  out[len] = '\0';
}

/* [year-bracket]: an open bracket, a four-digit year, a close bracket,
 * then 第? digits 号|期: a 期号 or 文号. */
static bool is_year_open(UChar32 c) {
  return c == '[' || c == '(' || c == 0x3010 || c == 0xFF08 || c == 0xFF3B ||
         c == 0x3016 || c == 0xFF5B || c == '{';
}
static bool is_year_close(UChar32 c) {
  return c == ']' || c == ')' || c == 0x3011 || c == 0xFF09 || c == 0xFF3D ||
         c == 0x3017 || c == 0xFF5D || c == '}';
}

static void rule_year_bracket(linter *l, prose *pr) {
  const char *s = pr->text.data;
  size_t len = pr->text.len;
  for (size_t i = 0; i < len;) {
    size_t at = i;
    UChar32 c = next_cp(s, len, &i);
    if (!is_year_open(c))
      continue;
    size_t j = i, digits = 0;
    while (j < len && digits < 5 && is_any_digit((UChar32)(unsigned char)s[j]))
      j++, digits++;
    if (digits != 4)
      continue;
    size_t close_at = j;
    UChar32 cl = j < len ? next_cp(s, len, &j) : -1;
    if (!is_year_close(cl))
      continue;
    size_t after_close = j, k = j;
    if (k < len && next_cp(s, len, &k) == 0x7B2C) /* 第 */
      j = k;
    size_t nd = 0;
    while (j < len) {
      k = j;
      if (!is_any_digit(next_cp(s, len, &k)))
        break;
      j = k;
      nd++;
    }
    k = j;
    UChar32 end = j < len ? next_cp(s, len, &k) : -1;
    if (!nd || (end != 0x53F7 && end != 0x671F)) /* 号 期 */
      continue;
    char was[64];
    short_copy(was, sizeof was, s + at, after_close - at);
    finding *f = report(l, pr, at, GW_WARNING, "year-bracket",
                        "期号、文号中的年份应使用六角括号〔〕：把“%s”改为“〔%.4s〕”",
                        was, s + i);
    add_edit(pr, f, at, i - at, "〔", 3);
    add_edit(pr, f, close_at, after_close - close_at, "〕", 3);
    memset(pr->claimed + at, 1, i - at);
    memset(pr->claimed + close_at, 1, after_close - close_at);
    i = after_close;
  }
}

/* The code point at i. */
static UChar32 peek_cp(const char *s, size_t len, size_t i) {
  return next_cp(s, len, &i);
}

/* Inside a number: a . , or : between two digits (5.2, 1,286, 8:30). */
static bool number_joint(UChar32 c) { return c == '.' || c == ',' || c == ':'; }

/* Where the number that ends before i starts. */
static size_t number_start(const char *s, size_t i) {
  while (i > 0) {
    size_t k = i;
    UChar32 c = prev_cp(s, &k);
    size_t k2 = k;
    if (!is_any_digit(c) && !(number_joint(c) && k > 0 && is_any_digit(prev_cp(s, &k2))))
      break;
    i = k;
  }
  return i;
}

/* Where the number that starts at i ends. */
static size_t number_end(const char *s, size_t len, size_t i) {
  while (i < len) {
    size_t k = i;
    UChar32 c = next_cp(s, len, &k);
    if (!is_any_digit(c) && !(number_joint(c) && k < len && is_any_digit(peek_cp(s, len, k))))
      break;
    i = k;
  }
  return i;
}

/* [punct-width] [quotes] [dash] [ellipsis] [cjk-space] [fullwidth-digit] [nfc] */
typedef struct {
  linter *l;
  prose *pr;
} norm_ctx;

/* A punctuation mark a removed space stood beside: Chinese, or ASCII
 * that becomes Chinese in this context (以来, 我县). */
static bool is_space_mark(UChar32 c) {
  if (c >= 0x80)
    return u_ispunct(c);
  return c > 0 && strchr(",.:;!?()\"'", (int)c) != NULL;
}

static int on_norm_edit(const gw_zh_edit *e, void *vctx) {
  norm_ctx *x = vctx;
  prose *pr = x->pr;
  const char *s = pr->text.data;
  for (size_t k = e->offset; k < e->offset + e->len; k++)
    if (pr->claimed[k])
      return 0; /* the year-bracket fix owns these bytes */
  char was[64], now[64];
  short_copy(was, sizeof was, s + e->offset, e->len);
  short_copy(now, sizeof now, e->repl, e->repl_len);
  finding *f = NULL;
  switch (e->kind) {
  case GW_ZH_EDIT_PUNCT_WIDTH:
    f = report(x->l, pr, e->offset, GW_WARNING, "punct-width",
               "中文语境中应使用全角标点：把“%s”改为“%s”", was, now);
    break;
  case GW_ZH_EDIT_QUOTES:
    /* In rows pasted from a spreadsheet a " is Excel's quoting of a cell
     * ("甲、⏎乙", ""预案""): render reads it so; curled by --fix, the
     * cell came apart. */
    if (memchr(s, '\t', pr->text.len))
      return 0;
    f = report(x->l, pr, e->offset, GW_WARNING, "quotes",
               "中文应使用成对的弯引号：把直引号 %s 改为 %s", was, now);
    break;
  case GW_ZH_EDIT_DASH:
    f = report(x->l, pr, e->offset, GW_WARNING, "dash",
               "破折号应占两个字的位置：把“%s”改为“——”", was);
    break;
  case GW_ZH_EDIT_ELLIPSIS:
    f = report(x->l, pr, e->offset, GW_WARNING, "ellipsis",
               "省略号应为两个“…”：把“%s”改为“……”", was);
    break;
  case GW_ZH_EDIT_SPACE: {
    /* A tab is never a stray space between Chinese characters: it parts
     * the columns of a paste from a spreadsheet (see tab_rows_rule). */
    if (memchr(s + e->offset, '\t', e->len))
      return 0;
    /* Up to two letters, digits, Han characters or Chinese punctuation
     * marks on each side. */
    size_t b = e->offset, a2 = e->offset + e->len;
    bool punct = false;
    for (int k = 0; k < 2 && b > 0; k++) {
      size_t b2 = b;
      UChar32 c = prev_cp(s, &b2);
      bool mark = k == 0 && is_space_mark(c); /* the mark beside it only */
      if (!gw_zh_is_han(c) && !is_latin_alnum(c) && !u_isalpha(c) && !mark)
        break;
      punct = punct || mark;
      b = b2;
      if (mark)
        break;
    }
    for (int k = 0; k < 2 && a2 < pr->text.len; k++) {
      size_t a3 = a2;
      UChar32 c = next_cp(s, pr->text.len, &a3);
      bool mark = k == 0 && is_space_mark(c);
      if (!gw_zh_is_han(c) && !is_latin_alnum(c) && !u_isalpha(c) && !mark)
        break;
      punct = punct || mark;
      a2 = a3;
      if (mark)
        break;
    }
    /* a number beside the space is shown whole: “校 126”, not “校 12” */
    if (b < e->offset && is_any_digit(peek_cp(s, pr->text.len, b)))
      b = number_start(s, b);
    size_t last = a2;
    if (a2 > e->offset + e->len && is_any_digit(prev_cp(s, &last)))
      a2 = number_end(s, pr->text.len, a2);
    char ctx[64];
    short_copy(ctx, sizeof ctx, s + b, a2 - b);
    f = report(x->l, pr, e->offset, GW_WARNING, "cjk-space",
               punct ? "中文标点前后不加空格：删去“%s”中的空格"
                     : "汉字与数字、西文之间不加空格：删去“%s”中的空格",
               ctx);
    break;
  }
  case GW_ZH_EDIT_WIDTH:
    f = report(x->l, pr, e->offset, GW_WARNING, "fullwidth-digit",
               "数字和西文字母应使用半角：把“%s”改为“%s”", was, now);
    break;
  case GW_ZH_EDIT_NFC:
    f = report(x->l, pr, e->offset, GW_WARNING, "nfc",
               "字符未按 Unicode NFC 规范化：应改为“%s”", now);
    break;
  }
  if (f)
    add_edit(pr, f, e->offset, e->len, e->repl, e->repl_len);
  return 0;
}

static void rule_normalize(linter *l, prose *pr) {
  norm_ctx x = {l, pr};
  gw_zh_normalize_edits(pr->text.data, pr->text.len, on_norm_edit, &x);
}

/* [traditional] */
/* Characters ICU's Hant-Hans changes that the 通用规范汉字表 (2013) keeps
 * as standard simplified characters in some words (显著, 乾隆, 瞭望,
 * 慰藉, 宫商角徵羽, 夥颐, 幺麽 ...): never reported. */
static bool standard_anyway(const char *s, size_t len) {
  static const char *const keep[] = {"著", "乾", "瞭", "藉", "徵", "夥", "麽", "餘",
                                     "覆", "昇", "陞", "喆", "堃", "甯", "迺", "仝",
                                     "邨", "吒", "蒐", "摺", "嚮", "剋", "榖", NULL};
  for (int i = 0; keep[i]; i++)
    if (strlen(keep[i]) == len && memcmp(keep[i], s, len) == 0)
      return true;
  return false;
}

static int on_trad(const gw_zh_edit *e, void *vctx) {
  norm_ctx *x = vctx;
  if (standard_anyway(x->pr->text.data + e->offset, e->len))
    return 0;
  char was[16], now[32];
  short_copy(was, sizeof was, x->pr->text.data + e->offset, e->len);
  short_copy(now, sizeof now, e->repl, e->repl_len);
  report(x->l, x->pr, e->offset, GW_WARNING, "traditional",
         "简体文件中出现繁体字“%s”：应写作“%s”", was, now);
  return 0;
}

static void rule_traditional(linter *l, prose *pr) {
  norm_ctx x = {l, pr};
  gw_zh_traditional(pr->text.data, pr->text.len, on_trad, &x);
}

/* [date]: Y年M月D日, Y年M月, M月D日 in digits (ASCII or full width). */
typedef struct {
  int value;
  size_t digits;
  bool zero;  /* written with a leading zero */
  size_t end; /* offset after the unit character */
} date_part;

/* Digits at *i followed by `unit`; fills p and returns true. */
static bool date_num(const char *s, size_t len, size_t i, UChar32 unit, date_part *p) {
  p->value = 0;
  p->digits = 0;
  p->zero = false;
  while (i < len) {
    size_t k = i;
    UChar32 c = next_cp(s, len, &k);
    if (!is_any_digit(c))
      break;
    if (p->digits == 0 && digit_val(c) == 0)
      p->zero = true;
    if (++p->digits > 4)
      return false;
    p->value = p->value * 10 + digit_val(c);
    i = k;
  }
  if (!p->digits || i >= len)
    return false;
  size_t k = i;
  if (next_cp(s, len, &k) != unit)
    return false;
  p->end = k;
  return true;
}

/* The day of the week of a date (0 Sunday), by Zeller's congruence. */
static int weekday(int y, int m, int d) {
  if (m < 3) {
    m += 12;
    y--;
  }
  int h = (d + 13 * (m + 1) / 5 + y + y / 4 - y / 100 + y / 400) % 7; /* 0 Saturday */
  return (h + 6) % 7;
}

/* （星期三） or （周三） right after a date at `at`: does it name another
 * day than the date's? */
static bool wrong_weekday(const char *s, size_t len, size_t at, int y, int m, int d) {
  static const char *const opens[] = {"（", "(", NULL}, *const words[] = {"星期", "周", "礼拜", NULL};
  static const char *const days[] = {"日", "一", "二", "三", "四", "五", "六", "天", NULL};
  for (int i = 0; opens[i]; i++) {
    size_t o = strlen(opens[i]);
    if (at + o > len || memcmp(s + at, opens[i], o) != 0)
      continue;
    for (int w = 0; words[w]; w++) {
      size_t p = at + o, n = strlen(words[w]);
      if (p + n > len || memcmp(s + p, words[w], n) != 0)
        continue;
      p += n;
      for (int k = 0; days[k]; k++)
        if (p + 3 <= len && memcmp(s + p, days[k], 3) == 0)
          return (k == 7 ? 0 : k) != weekday(y, m, d);
    }
  }
  return false;
}

static void rule_dates(linter *l, prose *pr) {
  const char *s = pr->text.data;
  size_t len = pr->text.len;
  bool after_digit = false;
  for (size_t i = 0; i < len;) {
    size_t at = i;
    UChar32 c = next_cp(s, len, &i);
    bool digit = is_any_digit(c);
    if (!digit || after_digit) {
      after_digit = digit;
      continue;
    }
    after_digit = true;
    date_part y = {0}, m = {0}, d = {0};
    bool has_y = date_num(s, len, at, 0x5E74, &y) && y.digits == 4; /* 年 */
    size_t p = has_y ? y.end : at;
    bool has_m = date_num(s, len, p, 0x6708, &m) && m.digits <= 2; /* 月 */
    if (!has_m)
      continue;
    bool has_d = date_num(s, len, m.end, 0x65E5, &d) && d.digits <= 2; /* 日 */
    size_t end = has_d ? d.end : m.end;
    char was[64];
    short_copy(was, sizeof was, s + at, end - at);
    int year = has_y ? y.value : 2000; /* a leap year: 2月29日 may exist */
    if (m.value < 1 || m.value > 12) {
      report(l, pr, at, GW_ERROR, "date", "日期不存在：“%s”中没有第 %d 月", was, m.value);
    } else if (has_d && !gw_zh_date_valid(year, m.value, d.value)) {
      if (has_y)
        report(l, pr, at, GW_ERROR, "date", "日期不存在：%d年%d月没有%d日（“%s”）",
               y.value, m.value, d.value, was);
      else
        report(l, pr, at, GW_ERROR, "date", "日期不存在：%d月没有%d日（“%s”）", m.value,
               d.value, was);
    } else if (has_y && has_d && wrong_weekday(s, len, d.end, y.value, m.value, d.value)) {
      static const char *const days[] = {"日", "一", "二", "三", "四", "五", "六"};
      report(l, pr, at, GW_WARNING, "date", "“%s”是星期%s，与后面写的星期不符：请核对日期", was,
             days[weekday(y.value, m.value, d.value)]);
    } else if ((m.zero && m.digits == 2) || (has_d && d.zero && d.digits == 2)) {
      char want[64];
      if (has_y && has_d)
        snprintf(want, sizeof want, "%d年%d月%d日", y.value, m.value, d.value);
      else if (has_y)
        snprintf(want, sizeof want, "%d年%d月", y.value, m.value);
      else
        snprintf(want, sizeof want, "%d月%d日", m.value, d.value);
      report(l, pr, at, GW_WARNING, "date", "日期中的月、日不补零：把“%s”改为“%s”", was,
             want);
    }
    i = end;
    after_digit = false;
  }
}

/* [unbalanced]: brackets and curly quotes, per block (gw_zh_each_unpaired,
 * the check render warns with too). */
typedef struct {
  linter *l;
  prose *pr;
} unpaired_ctx;

static int report_unpaired(const gw_zh_unpaired *u, void *p) {
  unpaired_ctx *c = p;
  char mark[48], partner[48];
  gw_zh_unpaired_names(u, mark, sizeof mark, partner, sizeof partner);
  if (u->open)
    report(c->l, c->pr, u->at, GW_ERROR, "unbalanced", "%s没有与之配对的%s：请补上%s，或删去这个%s",
           mark, partner, partner, mark);
  else
    report(c->l, c->pr, u->at, GW_ERROR, "unbalanced",
           "%s前面没有与之配对的%s：请补上%s，或删去这个%s", mark, partner, partner, mark);
  return 0;
}

static void rule_unbalanced(linter *l, prose *pr, size_t marker_len) {
  unpaired_ctx c = {l, pr};
  gw_zh_each_unpaired(pr->text.data, pr->text.len, marker_len, report_unpaired, &c);
}

/* Bytes a rule has taken: the normalising rules leave them alone. */
static void claim(prose *pr, size_t at, size_t len) {
  if (!pr->claimed) {
    pr->claimed = calloc(pr->text.len + 1, 1);
    if (!pr->claimed)
      abort();
  }
  memset(pr->claimed + at, 1, len);
}

/* At `i`, right after 1、: one or two figures that count things with the
 * one before (2号楼, 6月份, 3、4层), not a year or an amount starting
 * the item's text? */
static bool figures_listed(const char *s, size_t len, size_t i) {
  static const char *const counted[] = {"号", "月", "楼", "栋", "层", "期", "日", "届", "批",
                                        "、", "，", NULL};
  size_t j = i;
  while (j < len && j - i < 3 && s[j] >= '0' && s[j] <= '9')
    j++;
  if (j == i || j - i > 2)
    return false;
  for (int k = 0; counted[k]; k++)
    if (len - j >= strlen(counted[k]) && memcmp(s + j, counted[k], strlen(counted[k])) == 0)
      return true;
  return false;
}

/* [list-marker]: 1、 at the start of a paragraph or heading. It runs
 * before the normalising rules and takes the mark it changes: the dot of
 * 三.抓好落实 is the heading number's, to become 、, not a full stop to
 * become 。 (one finding, and --fix writes 三、). */
static void rule_list_marker(linter *l, prose *pr, const marker *m) {
  if (m->rank == MK_CN_DUN && m->dot) {
    char was[32];
    short_copy(was, sizeof was, pr->text.data, m->len);
    finding *f = report(l, pr, 0, GW_WARNING, "list-marker",
                        "中文数字序号后用顿号，不用点：把“%s”的点改为“、”", was);
    add_edit(pr, f, m->dun_at, m->dot, "、", strlen("、"));
    claim(pr, m->dun_at, m->dot);
    return;
  }
  if (m->rank != MK_AR_DOT || !m->dun)
    return;
  /* 1、2号楼, 5、6月份: figures listed with a 、, no item's number (a
   * dot there would read 1.2号楼, 5.6月份); 1、2023年全县… is one */
  if (figures_listed(pr->text.data, pr->text.len, m->dun_at + 3))
    return;
  char was[32];
  short_copy(was, sizeof was, pr->text.data, m->len);
  finding *f = report(l, pr, 0, GW_WARNING, "list-marker",
                      "阿拉伯数字序号后用下脚点，不用顿号：把“%s”改为“%d.”", was,
                      m->number);
  add_edit(pr, f, m->dun_at, 3, ".", 1);
  claim(pr, m->dun_at, 3);
}

/* [list-marker] 附件：1、甲: the first name of a 附件说明 is numbered as
 * the ones under it (2.乙), 1. not 1、. */
static void attachment_marker_rule(linter *l, prose *pr) {
  const char *t = pr->text.data;
  size_t len = pr->text.len;
  size_t lab = t ? dv_attachment_note_len(t) : 0; /* the prose text ends in a NUL */
  if (!lab || lab == len)
    return;
  marker m = parse_marker(t + lab, len - lab);
  if (m.rank != MK_AR_DOT || !m.dun)
    return;
  finding *f = report(l, pr, lab, GW_WARNING, "list-marker",
                      "阿拉伯数字序号后用下脚点，不用顿号：把“%d、”改为“%d.”", m.number, m.number);
  add_edit(pr, f, lab + m.dun_at, 3, ".", 1);
  claim(pr, lab + m.dun_at, 3);
}

/* [range-dash] 1-6月, 9月1日-9月10日: the 起止 of dates takes the 一字线
 * — (GB/T 15834). Only where a date says so: a hyphen between digits
 * that a 月 or 日 follows, or right after 月 or 日 and before a digit
 * (not 0351-4184708, G5-1, COVID-19). */
static void rule_range_dash(linter *l, prose *pr) {
  const char *s = pr->text.data;
  size_t len = pr->text.len;
  for (size_t i = 1; i + 1 < len; i++) {
    if (s[i] != '-' || pr->claimed[i] || !(s[i + 1] >= '0' && s[i + 1] <= '9'))
      continue;
    bool after_date = i >= 3 && (memcmp(s + i - 3, "月", 3) == 0 || memcmp(s + i - 3, "日", 3) == 0);
    bool between_digits = s[i - 1] >= '0' && s[i - 1] <= '9';
    size_t k = i + 1;
    while (k < len && s[k] >= '0' && s[k] <= '9')
      k++;
    bool date_after = k + 3 <= len && (memcmp(s + k, "月", 3) == 0 || memcmp(s + k, "日", 3) == 0);
    size_t j = i; /* the digits before: a short number, not a phone's */
    while (j > 0 && s[j - 1] >= '0' && s[j - 1] <= '9')
      j--;
    bool short_before = i - j <= 2 && !(j > 0 && (s[j - 1] == '-' || s[j - 1] == '.'));
    /* 2021-2023年: years, four digits each side, then 年 */
    bool years = between_digits && i - j == 4 && k - i - 1 == 4 && k + 3 <= len &&
                 memcmp(s + k, "年", 3) == 0 && !(j > 0 && (s[j - 1] == '-' || s[j - 1] == '.'));
    if (after_date || years ||
        (between_digits && date_after && short_before && k - i - 1 <= 2)) {
      finding *f = report(l, pr, i, GW_WARNING, "range-dash",
                          "表示日期起止用一字线“—”：把“-”改为“—”");
      add_edit(pr, f, i, 1, "—", strlen("—"));
      claim(pr, i, 1);
    }
  }
}

/* Digits (ASCII or full width) from i: how many, and *end after them. */
static size_t digit_run(const char *s, size_t len, size_t i, size_t *end) {
  size_t n = 0;
  while (i < len) {
    size_t k = i;
    if (!is_any_digit(next_cp(s, len, &k)))
      break;
    i = k;
    n++;
  }
  *end = i;
  return n;
}

static const char FW_COMMA[] = "\xEF\xBC\x8C"; /* ， U+FF0C */

/* Does a ， followed by digits start at j? Their count, *end after them. */
static size_t comma_group(const char *s, size_t len, size_t j, size_t *end) {
  size_t n = sizeof FW_COMMA - 1;
  if (j + n > len || memcmp(s + j, FW_COMMA, n) != 0)
    return 0;
  return digit_run(s, len, j + n, end);
}

/* Do the digits at `at` go on from a figure before them: the decimals
 * of 3.5, or the next of a list 1，2，286? */
static bool continues_figures(const char *s, size_t at) {
  size_t n = sizeof FW_COMMA - 1, k = at - n;
  if (at > 0 && s[at - 1] == '.')
    return true;
  return at > n && memcmp(s + k, FW_COMMA, n) == 0 && is_any_digit(prev_cp(s, &k));
}

/* The figure s[at, end) of digits and ， as it should be written: in
 * ASCII digits, without separators and with ASCII commas. */
static void number_forms(const char *s, size_t at, size_t end, gw_buf *plain,
                         gw_buf *comma) {
  for (size_t p = at; p < end;) {
    UChar32 c = next_cp(s, end, &p);
    char d = is_any_digit(c) ? (char)('0' + digit_val(c)) : ',';
    if (d != ',')
      gw_buf_append(plain, &d, 1);
    gw_buf_append(comma, &d, 1);
  }
}

/* [number-comma] 1，286家次: a thousands separator typed in full width
 * reads as two numbers (1 and 286). A number is taken for one when 1 to
 * 3 digits come before the first ， and every group after a ， has
 * exactly three (1，286，000). 1，2，3 and 2021，2022年 are lists, and so
 * is a run with a group of another length before or after it
 * (120，135，1; 1，2，286), or one after a decimal point (3.5，286). Only reported: whether the
 * figure wants 1286 or 1,286 is the drafter's choice. */
static void rule_number_comma(linter *l, prose *pr) {
  const char *s = pr->text.data;
  size_t len = pr->text.len;
  for (size_t i = 0; i < len;) {
    size_t at = i, end, k;
    if (!is_any_digit(next_cp(s, len, &i)))
      continue;
    size_t lead = digit_run(s, len, at, &end), groups = 0;
    i = end;
    if (lead > 3 || continues_figures(s, at))
      continue;
    while (comma_group(s, len, i, &k) == 3) {
      i = k;
      groups++;
    }
    if (!groups || comma_group(s, len, i, &k) > 0)
      continue;
    gw_buf plain = {0}, comma = {0};
    number_forms(s, at, i, &plain, &comma);
    report(l, pr, end, GW_WARNING, "number-comma",
           "数字中间的全角逗号会把一个数读成两个数：“%.*s”应写作“%.*s”（或用半角逗号分节：“%.*s”）",
           (int)(i - at), s + at, (int)plain.len, plain.data, (int)comma.len, comma.data);
    gw_buf_free(&plain);
    gw_buf_free(&comma);
  }
}

/* ASCII digits from i, at most `max`: their value, or -1 when there are
 * none or more than `max`; *end after them. */
static int ascii_number(const char *s, size_t len, size_t i, size_t max, size_t *end) {
  int v = 0;
  size_t n = 0;
  for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, n++)
    if (n < max)
      v = v * 10 + (s[i] - '0');
  *end = i;
  return n == 0 || n > max ? -1 : v;
}

/* Is an ASCII letter, digit or symbol glued on at s[at - 1]? A date in
 * a URL, a path or a version (http://a.cn/2024/3/5, v2024.3.5) has one;
 * a bracket or a quote before it is no glue. */
static bool glued_before(const char *s, size_t at) {
  unsigned char c = at > 0 ? (unsigned char)s[at - 1] : ' ';
  return c > ' ' && c < 0x7F && !strchr("([{\"'", c);
}

/* ... or after s[end]: a letter or digit, or a separator that goes on
 * with one (2024.3.5.1, 2024-3-5-b). */
static bool glued_after(const char *s, size_t len, size_t end) {
  if (end >= len)
    return false;
  if ((s[end] >= '0' && s[end] <= '9') || (s[end] >= 'A' && s[end] <= 'Z') ||
      (s[end] >= 'a' && s[end] <= 'z'))
    return true;
  return memchr("./-_:", s[end], 5) && end + 1 < len &&
         is_latin_alnum((UChar32)(unsigned char)s[end + 1]);
}

/* A date in figures at i (2024.3.5, 2024/3/5, 2024-3-5: the same
 * separator twice) that exists; its end in *end. */
static bool figure_date_at(const char *s, size_t len, size_t i, int *y, int *m, int *d,
                           size_t *end) {
  size_t k;
  *y = ascii_number(s, len, i, 4, &k);
  if (*y < 1900 || *y > 2100 || k - i != 4 || k >= len || !memchr("./-", s[k], 3))
    return false;
  char sep = s[k];
  *m = ascii_number(s, len, k + 1, 2, &k);
  if (*m < 0 || k >= len || s[k] != sep)
    return false;
  *d = ascii_number(s, len, k + 1, 2, end);
  return *d >= 0 && gw_zh_date_valid(*y, *m, *d);
}

/* 2024.11.25-2024.11.29 (or ~): the second date of a range in figures
 * right after the first's end; its values and end, and *want the range
 * as GB/T 9704 writes it, its second date cut to what differs
 * (2024年11月25日—29日). */
static bool figure_range_at(const char *s, size_t len, size_t end, int y, int m, int d,
                            size_t *end2, char *want, size_t cap) {
  int y2, m2, d2;
  if (end + 1 >= len || (s[end] != '-' && s[end] != '~') ||
      !figure_date_at(s, len, end + 1, &y2, &m2, &d2, end2) || glued_after(s, len, *end2))
    return false;
  if (y2 != y)
    snprintf(want, cap, "%d年%d月%d日—%d年%d月%d日", y, m, d, y2, m2, d2);
  else if (m2 != m)
    snprintf(want, cap, "%d年%d月%d日—%d月%d日", y, m, d, m2, d2);
  else
    snprintf(want, cap, "%d年%d月%d日—%d日", y, m, d, d2);
  return true;
}

/* [date-format] 会议于2024.3.5召开: GB/T 9704 (7.3.5) writes a date with
 * 年 月 日 in full, 2024年3月5日, and so does the rest of the document.
 * Only a date that exists, with a four-digit year of this era and
 * nothing glued on either side: version numbers (3.5.1), phone numbers
 * (0351-4184708), paths and URLs are no dates. The fix writes it so. */
static void rule_figure_date(linter *l, prose *pr) {
  const char *s = pr->text.data;
  size_t len = pr->text.len;
  for (size_t i = 0; i < len; i++) {
    int y, m, d;
    size_t end;
    if (s[i] < '0' || s[i] > '9' || glued_before(s, i) ||
        !figure_date_at(s, len, i, &y, &m, &d, &end))
      continue;
    char want[96];
    size_t range_end;
    if (figure_range_at(s, len, end, y, m, d, &range_end, want, sizeof want))
      end = range_end;
    else if (glued_after(s, len, end))
      continue;
    else
      snprintf(want, sizeof want, "%d年%d月%d日", y, m, d);
    finding *f = report(l, pr, i, GW_WARNING, "date-format",
                        "日期应写作“%s”（GB/T 9704 7.3.5），而不是“%.*s”", want,
                        (int)(end - i), s + i);
    add_edit(pr, f, i, end - i, want, strlen(want));
    claim(pr, i, end - i);
    i = end - 1;
  }
}

/* [spaced-han] 全 县 共 有 学 校: text copied out of a PDF keeps a space
 * between every two characters, and the normalising rules keep a space
 * between Han characters (标题 甲 乙). A run of three Han characters or
 * more with one ASCII space between each two is such a copy; a name
 * spaced out in a signature (张  三: two characters, two spaces) and a
 * space between two words (学习 贯彻) are not. The fix closes the run. */
static void rule_spaced_han(linter *l, prose *pr) {
  const char *s = pr->text.data;
  size_t len = pr->text.len;
  for (size_t i = 0; i < len;) {
    size_t at = i;
    if (!gw_zh_is_han(next_cp(s, len, &i)))
      continue;
    size_t end = i, chars = 1; /* then a space and a Han character, again and again */
    while (end + 1 < len && s[end] == ' ' && gw_zh_is_han(peek_cp(s, len, end + 1))) {
      end++;
      next_cp(s, len, &end);
      chars++;
    }
    i = end;
    if (chars < 3)
      continue;
    gw_buf closed = {0};
    for (size_t p = at; p < end; p++)
      if (s[p] != ' ')
        gw_buf_append(&closed, s + p, 1);
    char was[160];
    short_copy(was, sizeof was, s + at, end - at);
    finding *f = report(l, pr, at, GW_WARNING, "spaced-han",
                        "汉字之间不加空格（像是从 PDF 复制的文字）：删去“%s”中的空格", was);
    add_edit(pr, f, at, end - at, closed.data, closed.len);
    gw_buf_free(&closed);
  }
}

/* [percent-space] 增长5.2 %: a percentage is written with its sign next
 * to the figure (GB/T 15835); the normalising rules leave a space
 * between a digit and % alone. */
static void rule_percent_space(linter *l, prose *pr) {
  const char *s = pr->text.data;
  size_t len = pr->text.len;
  for (size_t i = 1; i < len; i++) {
    size_t sign = s[i] == '%' ? 1 : 0;
    if (i + strlen("％") <= len && memcmp(s + i, "％", strlen("％")) == 0)
      sign = strlen("％");
    if (!sign || s[i - 1] != ' ')
      continue;
    size_t gap = i - 1;
    while (gap > 0 && s[gap - 1] == ' ')
      gap--;
    size_t from = number_start(s, gap);
    if (from == gap)
      continue; /* no figure before the spaces */
    char was[64];
    short_copy(was, sizeof was, s + from, i + sign - from);
    finding *f = report(l, pr, gap, GW_WARNING, "percent-space",
                        "数字与百分号之间不加空格：删去“%s”中的空格", was);
    add_edit(pr, f, gap, i - gap, "", 0);
    claim(pr, gap, i - gap);
  }
}

static void text_rules(linter *l, prose *pr, size_t marker_len) {
  if (!pr->text.len)
    return;
  claim(pr, 0, 0);
  rule_year_bracket(l, pr);
  rule_figure_date(l, pr);
  rule_range_dash(l, pr);
  rule_number_comma(l, pr);
  rule_spaced_han(l, pr);
  rule_percent_space(l, pr);
  rule_normalize(l, pr);
  rule_traditional(l, pr);
  rule_dates(l, pr);
  rule_unbalanced(l, pr, marker_len);
}

/* ------------------------------------------------------------------ */
/* Markdown blocks to prose                                             */
/* ------------------------------------------------------------------ */

/* Source offset of body line `line` (cmark, from 1), byte column `col`. */
static size_t body_off(const gw_source *src, int line, int col) {
  size_t idx = src->body_line - 1 + (size_t)(line > 0 ? line - 1 : 0);
  if (idx >= src->line_count)
    return src->len;
  size_t off = src->line_starts[idx] + (size_t)(col > 0 ? col - 1 : 0);
  size_t eol = idx + 1 < src->line_count ? src->line_starts[idx + 1] : src->len;
  return off > eol ? eol : off;
}

/* Is heading `node` one underlined with --- or ===, not led by #? (Read
 * from its own column: past a quote's > or an item's marker.) */
static bool is_setext(const gw_source *src, cmark_node *node) {
  size_t off = body_off(src, cmark_node_get_start_line(node), cmark_node_get_start_column(node));
  while (off < src->len && src->text[off] == ' ')
    off++;
  return off < src->len && src->text[off] != '#';
}

/* Offset of the end of body line `line` (its '\n' or the text end). */
static size_t body_eol(const gw_source *src, int line) {
  size_t idx = src->body_line - 1 + (size_t)(line > 0 ? line - 1 : 0);
  if (idx + 1 >= src->line_count)
    return src->len;
  return src->line_starts[idx + 1] - 1;
}



/* First node from `node` upwards with a start line. */
static cmark_node *positioned(cmark_node *node) {
  while (node && cmark_node_get_start_line(node) <= 0)
    node = cmark_node_parent(node);
  return node;
}

/* Search window: markup between two literals is short (emphasis, a link
 * label, which cmark caps at 999 bytes); link destinations, code spans
 * and HTML are stepped over explicitly. */
enum { WINDOW = 1100 };

static const char *find_in(const gw_source *src, size_t from, size_t to,
                           const char *lit, size_t n) {
  if (from > to || n == 0 || to - from < n)
    return NULL;
  return memmem(src->text + from, to - from, lit, n);
}

static size_t window_end(const prose *pr, size_t n) {
  size_t w = pr->cur + n + WINDOW;
  return w < pr->end ? w : pr->end;
}

static void take_text(prose *pr, const gw_source *src, const char *lit) {
  size_t n = strlen(lit);
  if (!n)
    return;
  const char *hit = find_in(src, pr->cur, window_end(pr, n), lit, n);
  if (!hit) {
    prose_opaque(pr, OBJ, sizeof OBJ - 1); /* an entity, or unmatched */
    return;
  }
  size_t off = (size_t)(hit - src->text);
  if (n == 1 && off > pr->cur && src->text[off - 1] == '\\' &&
      strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", lit[0])) {
    prose_opaque(pr, OBJ, sizeof OBJ - 1); /* a backslash escape */
    pr->cur = off + 1;
    return;
  }
  prose_raw(pr, src, off, n);
  pr->cur = off + n;
}

/* Step over a literal found verbatim (inline HTML, a URL). */
static void skip_literal(prose *pr, const gw_source *src, const char *lit) {
  size_t n = lit ? strlen(lit) : 0;
  const char *hit = find_in(src, pr->cur, window_end(pr, n), lit, n);
  if (hit)
    pr->cur = (size_t)(hit - src->text) + n;
}

/* Step over a code span: the first backtick run, then the next run of
 * the same length. */
static void skip_code(prose *pr, const gw_source *src) {
  const char *t = src->text;
  size_t i = pr->cur;
  while (i < pr->end && t[i] != '`')
    i++;
  size_t k = 0;
  while (i < pr->end && t[i] == '`')
    i++, k++;
  while (i < pr->end) {
    if (t[i] != '`') {
      i++;
      continue;
    }
    size_t r = 0;
    while (i < pr->end && t[i] == '`')
      i++, r++;
    if (r == k) {
      pr->cur = i;
      return;
    }
  }
}

static bool is_autolink(cmark_node *link) {
  cmark_node *child = cmark_node_first_child(link);
  const char *url = cmark_node_get_url(link);
  if (!child || cmark_node_next(child) || cmark_node_get_type(child) != CMARK_NODE_TEXT ||
      !url)
    return false;
  const char *lit = cmark_node_get_literal(child);
  if (!lit)
    return false;
  if (strncmp(url, "mailto:", 7) == 0 && strcmp(url + 7, lit) == 0)
    return true;
  return strcmp(url, lit) == 0;
}

/* The inline content of `block` into pr. */
static void gather(prose *pr, const gw_source *src, cmark_node *block) {
  cmark_iter *it = cmark_iter_new(block);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (n == block)
      continue;
    cmark_node_type type = cmark_node_get_type(n);
    if (ev == CMARK_EVENT_EXIT) {
      if (type == CMARK_NODE_LINK) {
        skip_literal(pr, src, cmark_node_get_url(n));
        skip_literal(pr, src, cmark_node_get_title(n));
      }
      continue;
    }
    switch (type) {
    case CMARK_NODE_TEXT:
      take_text(pr, src, cmark_node_get_literal(n));
      break;
    case CMARK_NODE_CODE:
      skip_code(pr, src);
      prose_opaque(pr, OBJ, sizeof OBJ - 1);
      break;
    case CMARK_NODE_HTML_INLINE:
      skip_literal(pr, src, cmark_node_get_literal(n));
      prose_opaque(pr, OBJ, sizeof OBJ - 1);
      break;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK: {
      const char *nl = memchr(src->text + pr->cur, '\n', pr->end - pr->cur);
      if (nl)
        pr->cur = (size_t)(nl - src->text) + 1;
      prose_opaque(pr, "\n", 1);
      break;
    }
    case CMARK_NODE_LINK:
      if (is_autolink(n)) {
        skip_literal(pr, src, cmark_node_get_literal(cmark_node_first_child(n)));
        prose_opaque(pr, OBJ, sizeof OBJ - 1);
        cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
      }
      break;
    case CMARK_NODE_IMAGE: {
      /* Alt text is not prose of the document: step over it. */
      cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
      const char *url = cmark_node_get_url(n);
      skip_literal(pr, src, url);
      prose_opaque(pr, OBJ, sizeof OBJ - 1);
      /* The EXIT event of an image comes next: nothing to do there. */
      break;
    }
    default:
      break; /* emphasis, strong: transparent */
    }
  }
  cmark_iter_free(it);
}

/* A paragraph split off the one before it (gw_markdown_parse: a line
 * pasted from Word, with no blank line above) has no position of its
 * own; its first inline has. Without it the block would start where its
 * container does, and the literal search, bounded by WINDOW, would lose
 * the text a kilobyte or so further down. */
static cmark_node *first_positioned(cmark_node *node) {
  while (cmark_node_get_start_line(node) <= 0 && cmark_node_first_child(node))
    node = cmark_node_first_child(node);
  return cmark_node_get_start_line(node) > 0 ? node : NULL;
}

static void block_bounds(const gw_source *src, cmark_node *node, size_t *start,
                         size_t *end) {
  cmark_node *p = positioned(node);
  if (!p) {
    *start = *end = src->len;
    return;
  }
  cmark_node *first = cmark_node_get_start_line(node) > 0 ? NULL : first_positioned(node);
  cmark_node *from = first ? first : p;
  *start = body_off(src, cmark_node_get_start_line(from), cmark_node_get_start_column(from));
  int el = cmark_node_get_end_line(p);
  if (el < cmark_node_get_start_line(p))
    el = cmark_node_get_start_line(p);
  *end = body_eol(src, el);
  if (*start > *end)
    *start = *end;
}

/* ------------------------------------------------------------------ */
/* Block rules: headings and broken paragraphs                          */
/* ------------------------------------------------------------------ */

static void sequence_rule(linter *l, prose *pr, const marker *m);

/* [heading-end] ## 基本情况。 or ## 主要做法：: a heading on its own line
 * ends without a full stop or a colon. All the marks go in one edit
 * (：. too), so --fix needs one run; dots of an ellipsis stay, and so
 * does the 1. of a heading that is only its number. */
static void heading_end_rule(linter *l, prose *pr) {
  static const char *const ends[] = {"。", "：", ":", ".", NULL};
  const char *s = pr->text.data;
  size_t len = pr->text.len, cut = len;
  if (!s || (len >= 2 && s[len - 1] == '.' && s[len - 2] == '.'))
    return;
  for (bool more = true; more;) {
    more = false;
    for (int i = 0; ends[i] && !more; i++) {
      size_t n = strlen(ends[i]);
      if (cut > n && memcmp(s + cut - n, ends[i], n) == 0) {
        cut -= n;
        more = true;
      }
    }
  }
  if (cut == len)
    return;
  char *all = strndup(s, len);
  bool only_number = all && gw_section_number_len(all) >= len; /* ## 1. */
  free(all);
  if (only_number)
    return;
  char mark[16];
  short_copy(mark, sizeof mark, s + cut, len - cut);
  finding *f = report(l, pr, cut, GW_WARNING, "heading-end", "单独成行的标题末尾不加“%s”：删去", mark);
  add_edit(pr, f, cut, len - cut, "", 0);
  claim(pr, cut, len - cut);
}

/* Under numbering: auto render numbers the headings by their #s and
 * drops a number typed as well, warning once a document (bulletin.c,
 * drop_typed_number): the same warning here, at the heading's start,
 * and no level or sequence check on numbers that will not be printed. */
static void auto_number_rule(linter *l, prose *pr, size_t heading_start) {
  char *text = strndup(pr->text.data ? pr->text.data : "", pr->text.len);
  size_t n = text ? gw_section_number_len(text) : 0;
  if (n > 0 && n < pr->text.len && !l->told_typed_number) {
    lint_at(l, heading_start, GW_WARNING, "numbering",
            "numbering: auto 会自动给标题编号，标题里写的“%.*s”已去掉；"
            "要保留自己写的编号，请改为 numbering: explicit",
            (int)n, text);
    l->told_typed_number = true;
  }
  free(text);
}

static void heading_rules(linter *l, prose *pr, int level, const marker *m,
                          size_t heading_start) {
  const char *s = pr->text.data;
  size_t len = pr->text.len;
  if (level == 1) { /* an article title: numbering starts again */
    memset(l->last, 0, sizeof l->last);
    l->after_title = true;
    return;
  }
  bool after_title = l->after_title;
  l->after_title = false;
  if (l->auto_numbering) {
    if (!(after_title && level == 2 && len >= 6 && memcmp(s, "——", 6) == 0))
      auto_number_rule(l, pr, heading_start);
    return;
  }
  if (m->rank == MK_NONE)
    return; /* a subtitle, or numbering: auto */
  if (after_title && level == 2 && len >= 6 && memcmp(s, "——", 6) == 0)
    return;
  int want_rank = level - 2 > 3 ? 3 : level - 2;
  char mk[32];
  short_copy(mk, sizeof mk, s, m->len);
  if (m->rank != want_rank) {
    char right[32];
    marker_text(want_rank, m->number > 0 ? m->number : 1, right, sizeof right);
    report(l, pr, 0, GW_WARNING, "heading-level",
           "“%s”是%s标题的编号，这里是%s标题（%s）：应写作“%s %s…”，或把编号改为“%s”",
           mk, level_names[m->rank], level_names[want_rank], level_hashes[want_rank],
           level_hashes[m->rank], mk, right);
  }
  sequence_rule(l, pr, m);
}

/* [heading-sequence] 一、二、四、: numbers in order within their level. */
static void sequence_rule(linter *l, prose *pr, const marker *m) {
  const char *s = pr->text.data;
  char mk[32];
  short_copy(mk, sizeof mk, s, m->len);
  int r = m->rank;
  if (m->number > 0) {
    int want = l->last[r] + 1;
    char exp[32];
    marker_text(r, want, exp, sizeof exp);
    if (m->number != want) {
      if (l->last[r] > 0 && m->number <= l->last[r])
        report(l, pr, 0, GW_ERROR, "heading-sequence",
               "标题编号重复：前面已有“%s”，这里应为“%s”", mk, exp);
      else if (l->last[r] > 0)
        report(l, pr, 0, GW_ERROR, "heading-sequence",
               "标题编号跳号：上一个是“%s”，这里应为“%s”，而不是“%s”", l->last_text[r], exp,
               mk);
      else
        report(l, pr, 0, GW_ERROR, "heading-sequence",
               "标题编号应从“%s”开始，而不是“%s”", exp, mk);
    }
    l->last[r] = m->number;
    marker_text(r, m->number, l->last_text[r], sizeof l->last_text[r]);
  }
  for (int k = r + 1; k < 4; k++)
    l->last[k] = 0;
}

/* Characters that may end a paragraph. */
static bool is_ender(UChar32 c) {
  switch (c) {
  case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF1B: case 0xFF1A: case 0x2026:
  case 0x2014: case 0x201D: case 0x2019: case 0x300D: case 0x300F: case 0xFF09:
  case 0x300B: case 0x3011: case 0x3015: case 0x3009: case 0x3017: case 0xFF3D:
  case '.': case '!': case '?': case ';': case ':': case ')': case ']': case '"':
  case '\'': case 0xFFFC:
    return true;
  default:
    return false;
  }
}

static bool is_inner_punct(UChar32 c) {
  return c == 0xFF0C || c == 0x3002 || c == 0x3001 || c == 0xFF1B || c == 0xFF1A ||
         c == 0xFF01 || c == 0xFF1F;
}

/* Does the paragraph end in the middle of a sentence? A prose paragraph
 * (it holds sentence punctuation) whose last character is a Han
 * character, a letter or digit, or 、 ，. */
static bool ends_open(const prose *pr, char *tail, size_t cap) {
  const char *s = pr->text.data;
  size_t len = pr->text.len;
  while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n'))
    len--;
  if (!len)
    return false;
  if (len >= strlen("附件") && memcmp(s, "附件", strlen("附件")) == 0)
    return false; /* 附件 / 附件：某某分工: a label line */
  size_t i = len;
  UChar32 last = prev_cp(s, &i);
  if (is_ender(last))
    return false;
  bool open = last == 0x3001 || last == 0xFF0C || last == ',';
  if (!open) {
    if (!gw_zh_is_han(last) && !is_latin_alnum(last))
      return false;
    bool inner = false;
    for (size_t k = 0; k < len && !inner;) {
      UChar32 c = next_cp(s, len, &k);
      inner = is_inner_punct(c);
    }
    if (!inner)
      return false; /* a title or label line, not a sentence */
  }
  size_t from = len;
  for (int n = 0; n < 6 && from > 0; n++)
    prev_cp(s, &from);
  short_copy(tail, cap, s + from, len - from);
  return true;
}

/* 来源：榆次区教育局, 电话：13800000000: a labelled line of its own, no
 * sentence a blank line cut (its label: one to six Han characters; its
 * value one thing, not a list a page end may have cut: 报：甲，乙，). */
static bool label_line(const prose *pr) {
  const char *s = pr->text.data;
  size_t len = pr->text.len, i = 0;
  int han = 0;
  while (i < len) {
    UChar32 c = next_cp(s, len, &i);
    if (c == 0xFF1A || c == ':') {
      const char *rest = s + i;
      size_t n = len - i;
      return han >= 1 && han <= 6 && !memmem(rest, n, "，", 3) && !memmem(rest, n, "、", 3);
    }
    if (!gw_zh_is_han(c) || ++han > 6)
      return false;
  }
  return false;
}

/* Does the paragraph carry on a sentence? It starts with a Han
 * character, a letter or digit, or 、 ，, and not with a number marker
 * (一、 （一） 1. （1） 1） ① 第一 一是) nor a short label ending in ：;
 * and it is no 发文机关署名 or 成文日期 line under a 附件说明. */
static bool starts_mid(const prose *pr, const marker *m) {
  if (pr->text.data) {
    char *t = strndup(pr->text.data, pr->text.len);
    bool signature = t && (dv_is_date_line(t) || dv_is_signature_name(t));
    free(t);
    if (signature)
      return false;
  }
  const char *s = pr->text.data;
  size_t len = pr->text.len;
  if (!len || m->rank != MK_NONE)
    return false;
  size_t i = 0;
  UChar32 c = next_cp(s, len, &i);
  if (!(gw_zh_is_han(c) || is_latin_alnum(c) || c == 0x3001 || c == 0xFF0C))
    return false;
  if (c >= 0x2460 && c <= 0x24FF)
    return false;
  size_t j = 0;
  if (c == 0x7B2C) /* 第 */
    j = i;
  size_t k = j;
  if (zh_number(s, len, &k) > 0 && k < len) {
    size_t k2 = k;
    UChar32 d = next_cp(s, len, &k2);
    if (d == 0x662F || j > 0) /* 一是 第一 */
      return false;
  }
  /* 1） a） */
  k = 0;
  while (k < len && is_latin_alnum((UChar32)(unsigned char)s[k]))
    k++;
  if (k > 0 && k < len) {
    size_t k2 = k;
    UChar32 d = next_cp(s, len, &k2);
    if (d == ')' || d == 0xFF09)
      return false;
  }
  /* a label: up to 8 characters then ： */
  k = 0;
  for (int n = 0; n < 9 && k < len; n++) {
    UChar32 d = next_cp(s, len, &k);
    if (d == 0xFF1A || d == ':')
      return false;
    if (!gw_zh_is_han(d) && !is_latin_alnum(d))
      break;
  }
  return true;
}

/* ------------------------------------------------------------------ */
/* Walking the document                                                 */
/* ------------------------------------------------------------------ */

static size_t paren_marker_len(const prose *pr) {
  return gw_zh_paren_marker_len(pr->text.data, pr->text.len);
}

/* [indent] 　　正文…: the layout indents paragraphs itself; spaces typed
 * to indent would double it (render drops them). A line indented under
 * the line before it, with no blank line between, is a paragraph of its
 * own (pasted from Word): the fix puts the blank line in, or the lines
 * would join once the spaces are gone. */
static void indent_rule(linter *l, prose *pr, bool own_line) {
  const char *s = pr->text.data;
  size_t len = pr->text.len, n = 0;
  bool wide = false; /* ASCII spaces alone: Markdown drops them */
  while (s && n < len) {
    if (n + 3 <= len && memcmp(s + n, "\u3000", 3) == 0) {
      n += 3;
      wide = true;
    } else if (s[n] == ' ' || s[n] == '\t') {
      n++;
    } else {
      break;
    }
  }
  if (!wide)
    return;
  finding *f = report(l, pr, 0, GW_WARNING, "indent",
                      own_line ? "段首不用全角空格缩进：排版时自动缩进两字，删去这些空格，"
                                 "与上一段之间空一行"
                               : "段首不用全角空格缩进：排版时自动缩进两字，删去这些空格");
  add_edit(pr, f, 0, n, own_line ? "\n" : "", own_line ? 1 : 0);
  claim(pr, 0, n);
}

/* [number-gap] （一）　加强…: no space after a heading's number. */
static void number_gap_rule(linter *l, prose *pr, const marker *m) {
  const char *s = pr->text.data;
  size_t len = pr->text.len, gap = 0;
  bool wide = false; /* ASCII spaces alone are cjk-space's */
  if (m->rank == MK_NONE || !s)
    return;
  for (;;) {
    size_t at = m->len + gap;
    if (at + 3 <= len && memcmp(s + at, "\u3000", 3) == 0) {
      gap += 3;
      wide = true;
    } else if (at < len && (s[at] == ' ' || s[at] == '\t')) {
      gap++;
    } else {
      break;
    }
  }
  if (!wide)
    return;
  char mk[32];
  short_copy(mk, sizeof mk, s, m->len);
  finding *f = report(l, pr, m->len, GW_WARNING, "number-gap",
                      "标题编号“%s”后面不空格：删去全角空格", mk);
  add_edit(pr, f, m->len, gap, "", 0);
  claim(pr, m->len, gap);
}

/* [unpaired-bold] 落实**安全责任: the ** CommonMark left as text, an odd
 * number of them, as render warns (build.c): one has no partner. */
static void unpaired_bold_rule(linter *l, const prose *pr) {
  const char *s = pr->text.data ? pr->text.data : "";
  size_t count = 0, first = 0;
  for (const char *p = s; (p = strstr(p, "**")); p += 2)
    if (count++ == 0)
      first = (size_t)(p - s);
  if (count % 2)
    report(l, pr, first, GW_WARNING, "unpaired-bold",
           "这一段里的“**”有 %zu 个，是单数，有一个没有配对：加粗没有生效，“**”按原样印出；"
           "请在要加粗的文字前后各写一个 **，或删去多余的那个",
           count);
}

/* 要求： / 一、…； / 二、…； / 三、…。: is this numbered paragraph an item
 * of such a list, as render reads it (gw_listed_item)? */
static bool listed_item(linter *l, const prose *pr, const marker *m) {
  if (m->rank == MK_NONE || m->rank > MK_CN_PAREN) {
    l->item_number = 0;
    return false;
  }
  return gw_listed_item(&l->item_number, m->number, pr->text.data ? pr->text.data : "",
                        pr->text.len);
}

/* A heading typed as a paragraph (一、加强组织领导): it ends without a
 * full stop, and the paragraph after it is no continuation to merge. */
static bool typed_heading(const prose *pr) {
  char *text = strndup(pr->text.data ? pr->text.data : "", pr->text.len);
  bool heading = text && gw_typed_heading_level(text) > 0;
  free(text);
  return heading;
}

/* Is `para` a later line of an editor's note written without the >
 * (【编者按】… with its lines under it)? Its indent is how the drafter
 * parted the note's paragraphs, and render reads it so: no finding. */
static bool in_plain_note(cmark_node *para) {
  if (!gw_markdown_continues(para))
    return false;
  while (gw_markdown_continues(para) && cmark_node_previous(para))
    para = cmark_node_previous(para);
  const char *lead = gw_markdown_lead_text(para);
  const char *word;
  return lead && gw_note_label_len(gw_skip_indent(lead), &word) > 0;
}

/* Lines of `pr` with a tab between two cells (not an indent): their
 * count, and in *first the prose offset of the first of them. */
static size_t tab_lines(const prose *pr, size_t *first) {
  const char *s = pr->text.data;
  size_t len = pr->text.len, count = 0;
  for (size_t at = 0; at < len;) {
    const char *nl = memchr(s + at, '\n', len - at);
    size_t end = nl ? (size_t)(nl - s) : len;
    size_t k = at;
    while (k < end && (s[k] == ' ' || s[k] == '\t'))
      k++;
    const char *tab = k < end ? memchr(s + k, '\t', end - k) : NULL;
    /* 一、⇥主要做法: Word's numbering as text, one tab after the number,
     * which render reads as a heading; no spreadsheet's row */
    gw_section_number sn;
    bool numbered = tab && !memchr(tab + 1, '\t', (size_t)(s + end - tab - 1)) &&
                    gw_section_number_read(s + k, &sn) && s + k + sn.mark_end == tab;
    bool stray = tab && gw_zh_stray_tab(s + at, end - at) != (size_t)-1; /* stray_tab_rule's */
    if (tab && tab + 1 < s + end && !numbered && !stray && !count++)
      *first = at;
    at = end + 1;
  }
  return count;
}

/* Is the line of `pr` at `at` a plan's header line, as render reads a
 * paste by (dv_tab_header_line)? */
static bool names_plan_columns(linter *l, const prose *pr, size_t at) {
  const char *t = pr->text.data + at;
  const char *nl = memchr(t, '\n', pr->text.len - at);
  return dv_tab_header_line(l->arena, t, nl ? (size_t)(nl - t) : pr->text.len - at);
}

/* [cjk-space] One tab between two Chinese characters inside a sentence
 * (学校还积极推进⇥家校共育): left by Word, printed as a wide gap; render
 * drops it (gw_zh_stray_tab). */
static void stray_tab_rule(linter *l, const prose *pr) {
  const char *s = pr->text.data;
  for (size_t from = 0; s && from < pr->text.len;) { /* line by line, as render reads it */
    const char *nl = memchr(s + from, '\n', pr->text.len - from);
    size_t end = nl ? (size_t)(nl - s) : pr->text.len;
    size_t at = gw_zh_stray_tab(s + from, end - from);
    if (at != (size_t)-1) {
      finding *f = report(l, pr, from + at, GW_WARNING, "cjk-space",
                          "汉字之间有一个制表符（多半是从 Word 粘贴带来的），排出来是一段空白：删去它");
      add_edit(pr, f, from + at, 1, "", 0);
    }
    from = end + 1;
  }
}

/* [tab-columns] Rows pasted from a spreadsheet keep its tabs between
 * the cells: Markdown reads them as a paragraph, not a table. Two such
 * lines in a row (in one paragraph, or in the lines split off it) are
 * reported once, at the first. */
static void tab_rows_rule(linter *l, cmark_node *node, const prose *pr) {
  size_t first = 0, rows = tab_lines(pr, &first);
  bool next_to = l->tab_para && cmark_node_previous(node) == l->tab_para;
  bool joined = next_to && gw_markdown_continues(node);
  /* A plan's paste that starts with its header line is read by render as
   * a table, its rows of tabs only (Excel's empty rows) skipped: nothing
   * to change in it, nor in the rows after such an empty one. */
  bool read_as_table = rows && l->plan && ((next_to && l->tab_table) || names_plan_columns(l, pr, first));
  l->tab_para = rows ? node : NULL;
  l->tab_table = read_as_table;
  if (!rows || read_as_table)
    return;
  if (!joined) {
    l->tab_rows = 0;
    l->tab_start = prose_src_off(pr, first);
    l->tab_told = false;
  }
  l->tab_rows += rows;
  if (l->tab_rows >= 2 && !l->tab_told) {
    lint_at(l, l->tab_start, GW_WARNING, "tab-columns",
            "这几行像是从表格软件粘贴的制表符分隔内容，请改成管道表格（|）");
    l->tab_told = true;
  }
}

static void lint_block(linter *l, cmark_node *node, size_t *row_cur) {
  const gw_source *src = &l->src;
  cmark_node_type type = cmark_node_get_type(node);
  size_t start, end;
  block_bounds(src, node, &start, &end);
  prose pr;
  prose_init(&pr, start, end);
  if (row_cur && *row_cur > pr.cur && *row_cur <= end)
    pr.cur = *row_cur;
  gather(&pr, src, node);
  if (row_cur)
    *row_cur = pr.cur;
  if (pr.nseg)
    pr.start = pr.segs[0].roff;

  bool numbered = type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING;
  marker m = {MK_NONE, -1, 0, false, 0, 0};
  if (numbered) {
    /* 　　一、… : the marker after a hand indent (indent removes that) */
    const char *t = pr.text.data ? pr.text.data : "";
    size_t ind = (size_t)(gw_skip_indent(t) - t);
    if (ind > pr.text.len)
      ind = pr.text.len;
    m = parse_marker(t + ind, pr.text.len - ind);
    if (m.rank != MK_NONE) {
      m.len += ind;
      m.dun_at += ind;
    }
  }
  /* The rules that remove a mark or a space run first: at the same
   * place they win over the normalising ones (one --fix, not two). */
  /* as render reads them: **二、突出重点。** in bold is a run-in head of
   * the body, not a heading (its first inline is no plain text) */
  cmark_node *lead = cmark_node_first_child(node);
  bool plain_lead = lead && cmark_node_get_type(lead) == CMARK_NODE_TEXT;
  bool typed = type == CMARK_NODE_PARAGRAPH && m.rank != MK_NONE && plain_lead &&
               typed_heading(&pr);
  if (type == CMARK_NODE_PARAGRAPH && listed_item(l, &pr, &m))
    typed = false; /* read every paragraph: it keeps the list's count */
  /* **一、突出重点** (alone, or running into its text): a bold head whose
   * number still counts in the sequence, and that ends no sentence */
  bool bold_head = type == CMARK_NODE_PARAGRAPH && m.rank != MK_NONE && m.rank <= MK_CN_PAREN &&
                   lead && cmark_node_get_type(lead) == CMARK_NODE_STRONG;
  /* **一、…。**正文: CommonMark leaves these ** literal (render pairs them) */
  if (type == CMARK_NODE_PARAGRAPH && m.rank == MK_NONE && pr.text.len > 2 &&
      memcmp(pr.text.data, "**", 2) == 0) {
    marker bm = parse_marker(pr.text.data + 2, pr.text.len - 2);
    if (bm.rank != MK_NONE && bm.rank <= MK_CN_PAREN) {
      m = bm;
      m.len += 2;
      m.dun_at += 2;
      bold_head = true;
    }
  }
  /* a paragraph over --- is a heading to Markdown by mistake: render
   * says so (taken below); its full stop is no heading's to cut */
  bool setext = type == CMARK_NODE_HEADING && is_setext(&l->src, node);
  if (type == CMARK_NODE_HEADING && !setext)
    heading_end_rule(l, &pr);
  if (type == CMARK_NODE_HEADING || typed)
    number_gap_rule(l, &pr, &m);
  /* in a list item or a quote a blank line would need the container's
   * indent or > too: there the fix only removes the spaces */
  bool top = cmark_node_parent(node) &&
             cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT;
  if (numbered && !in_plain_note(node))
    indent_rule(l, &pr, gw_markdown_continues(node) && top);
  if (numbered)
    rule_list_marker(l, &pr, &m);
  if (type == CMARK_NODE_PARAGRAPH && m.rank == MK_NONE)
    attachment_marker_rule(l, &pr);
  text_rules(l, &pr, m.rank != MK_NONE ? m.len : paren_marker_len(&pr));
  if (type == CMARK_NODE_HEADING && !setext)
    heading_rules(l, &pr, cmark_node_get_heading_level(node), &m, start);
  if (typed || bold_head) /* 一、… typed as a paragraph: numbered in order all the same */
    sequence_rule(l, &pr, &m);
  if (type == CMARK_NODE_PARAGRAPH) {
    tab_rows_rule(l, node, &pr);
    stray_tab_rule(l, &pr);
    unpaired_bold_rule(l, &pr);
  }
  if (type == CMARK_NODE_PARAGRAPH) {
    if (l->prev_para && cmark_node_previous(node) == l->prev_para && l->prev_open &&
        starts_mid(&pr, &m))
      report(l, &pr, 0, GW_WARNING, "broken-paragraph",
             "段落在句子中间断开：上一段（第 %u 行）以“%s”结尾，没有句末标点，本段接着上文："
             "请删去两段之间的空行，合为一段",
             l->prev_line, l->prev_tail);
    l->prev_para = node;
    /* pasted spreadsheet rows end in a cell, not mid-sentence */
    bool tab_rows = pr.text.data && memchr(pr.text.data, '\t', pr.text.len);
    l->prev_open = ends_open(&pr, l->prev_tail, sizeof l->prev_tail) && !typed && !bold_head &&
                   !tab_rows && !label_line(&pr);
    size_t last = pr.nseg ? pr.segs[pr.nseg - 1].roff + pr.segs[pr.nseg - 1].len - 1
                          : pr.start;
    l->prev_line = gw_source_line_of(src, last);
  }
  if (type == CMARK_NODE_HEADING)
    l->prev_para = NULL; /* after a heading a paragraph starts afresh */
  prose_free(&pr);
}

/* [table-cells] A row with more cells than its header loses them. */
static void table_cells_rule(linter *l, cmark_node *row, size_t start, size_t end) {
  cmark_node *header = cmark_node_first_child(cmark_node_parent(row));
  if (gw_markdown_table_row_is_header(row) || !header)
    return;
  int heads = 0;
  for (cmark_node *c = cmark_node_first_child(header); c; c = cmark_node_next(c))
    heads++;
  const char *line = l->src.text + start; /* the row's own column: past a "> " */
  int cells = gw_markdown_line_cells(line, (size_t)(l->src.text + end - line));
  if (cells > heads)
    lint_at(l, (size_t)(line - l->src.text), GW_WARNING, "table-cells",
            "这一行有 %d 格，表头只有 %d 列：多出的 %d 格不会排出；请在表头补上列名，"
            "或把内容并入前面的格",
            cells, heads, cells - heads);
}

static void lint_body(linter *l) {
  const gw_source *src = &l->src;
  cmark_node *root = gw_markdown_parse(src->body, src->body_len);
  if (!root)
    return;
  cmark_iter *it = cmark_iter_new(root);
  cmark_event_type ev;
  size_t row_cur = 0;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER)
      continue;
    cmark_node *n = cmark_iter_get_node(it);
    cmark_node_type type = cmark_node_get_type(n);
    if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING) {
      lint_block(l, n, NULL);
      cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
    } else if (gw_markdown_is_table_row(n)) {
      size_t s, e;
      block_bounds(src, n, &s, &e);
      row_cur = s;
      table_cells_rule(l, n, s, e);
    } else if (gw_markdown_is_table_cell(n)) {
      lint_block(l, n, &row_cur);
      cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
    }
  }
  cmark_iter_free(it);
  gw_markdown_free(root);
}

/* ------------------------------------------------------------------ */
/* Front matter                                                         */
/* ------------------------------------------------------------------ */

/* Source offset of a libyaml position (line, column in code points). */
static size_t pos_off(const gw_source *src, gw_pos pos) {
  if (pos.line == 0 || pos.line > src->line_count)
    return src->len;
  size_t i = src->line_starts[pos.line - 1];
  size_t eol = pos.line < src->line_count ? src->line_starts[pos.line] - 1 : src->len;
  for (unsigned c = 1; c < pos.col && i < eol; c++)
    next_cp(src->text, eol, &i);
  return i;
}

/* [front-key] a key render would ignore (nubmer: for number:), as
 * render warns of it, so that lint alone finds it. */
static void lint_front_keys(gw_diags *out, const gw_val *front) {
  const gw_val *kind = gw_val_get(front, "kind");
  if (!kind || kind->kind != GW_VAL_STR)
    return;
  const char *const *keys = strcmp(kind->str, "bulletin") == 0   ? gw_bulletin_keys
                            : strcmp(kind->str, "division") == 0 ? gw_division_keys
                                                                  : NULL;
  if (!keys)
    return;
  gw_diags found = {0};
  found.quiet = true;
  gw_build_check_keys(&found, front, keys);
  for (const gw_diag *d = found.first; d; d = d->next)
    gw_diag_add(out, d->severity, d->pos, "%s [front-key]", d->message);
  gw_diags_free(&found);
}

/* Did lint's own front-key rule say `d` already (its words, tagged)? */
static bool said_by_lint(const gw_diags *lint, const gw_diag *d) {
  size_t n = strlen(d->message);
  for (const gw_diag *x = lint->first; x; x = x->next)
    if (x->pos.line == d->pos.line && x->pos.col == d->pos.col &&
        strncmp(x->message, d->message, n) == 0)
      return true;
  return false;
}

/* [front-matter] What render says of the front matter (a missing title
 * or date, number: 第3期, a date that does not exist, a template that is
 * not there, no distribution), found by render's own code: the source
 * goes through gw_convert and its errors and warnings there are taken,
 * word for word at the same place (a template's at the template's). The
 * body's go to `body`, for take_render_errors; a source without front
 * matter gets render's error for that. */
static void lint_front_as_render(gw_diags *out, gw_diags *body, const gw_diags *lint,
                                 const gw_source *src, const char *path, const char *data,
                                 size_t len) {
  gw_diags found = {0};
  found.quiet = true;
  gw_bytes none = {0};
  gw_options check = {.check_only = true};
  gw_convert(path, data, len, &check, &found, &none);
  for (const gw_diag *d = found.first; d; d = d->next) {
    /* a template's error is reported at the template's line */
    bool elsewhere = d->pos.file && strcmp(d->pos.file, path) != 0;
    bool in_front = elsewhere || (src->front ? d->pos.line >= 1 && d->pos.line < src->body_line
                                             : d->pos.line == 1);
    gw_pos pos = d->pos;
    if (!elsewhere)
      pos.file = path;
    /* render's warnings too (no distribution, a unit spelt two ways, an
     * item without its units): lint is the drafter's check before render */
    if (d->severity == GW_ERROR || !said_by_lint(lint, d))
      gw_diag_add(in_front ? out : body, d->severity, pos, "%s [%s]", d->message,
                  in_front ? "front-matter" : "render");
  }
  gw_diags_free(&found);
}

/* [render] The body's errors render stops at that no rule above names on
 * their line (a unit not in units, a row short of a cell): lint passes
 * no file render refuses. Render's warnings, on lines lint says nothing
 * of. After resolve_positions: findings have lines. */
static void take_render_errors(linter *l, gw_diags *body, const char *path) {
  size_t known = l->n;
  for (gw_diag *d = body->first; d; d = d->next) {
    /* an error where lint names no error; a warning where it names
     * nothing at all (its own rules say most of render's warnings) */
    bool named = false;
    for (size_t i = 0; i < known && !named; i++)
      named = (l->v[i].sev == GW_ERROR || d->severity != GW_ERROR) &&
              l->v[i].pos.line == d->pos.line;
    if (named)
      continue;
    finding *f = append_finding(l, d->severity);
    f->pos = d->pos;
    f->pos.file = path;
    f->msg = gw_xstrdup(d->message);
  }
  gw_diags_free(body);
}

static void lint_scalar(linter *l, const gw_val *v) {
  const gw_source *src = &l->src;
  const char *t = src->text;
  size_t off = pos_off(src, v->pos);
  size_t n = strlen(v->str);
  if (off >= src->len || n == 0)
    return;
  prose pr;
  prose_init(&pr, off, off);
  if (!v->quoted && !strchr(v->str, '\n') && off + n <= src->len &&
      memcmp(t + off, v->str, n) == 0) {
    prose_raw(&pr, src, off, n);
  } else if (v->quoted && (t[off] == '"' || t[off] == '\'') && off + n + 2 <= src->len &&
             memcmp(t + off + 1, v->str, n) == 0 && t[off + 1 + n] == t[off] &&
             !memchr(t + off + 1, '\\', n)) {
    prose_raw(&pr, src, off + 1, n);
  } else if (t[off] == '|') {
    /* A literal block: each line of the value is a line of the source. */
    size_t line = v->pos.line; /* index of the line after the indicator */
    const char *p = v->str;
    while (*p && line < src->line_count) {
      const char *nl = strchr(p, '\n');
      size_t pl = nl ? (size_t)(nl - p) : strlen(p);
      size_t ls = src->line_starts[line];
      size_t le = line + 1 < src->line_count ? src->line_starts[line + 1] - 1 : src->len;
      const char *hit = pl ? find_in(src, ls, le, p, pl) : NULL;
      if (pl && !hit)
        break;
      if (hit)
        prose_raw(&pr, src, (size_t)(hit - t), pl);
      if (!nl)
        break;
      prose_opaque(&pr, "\n", 1);
      p = nl + 1;
      line++;
    }
  }
  if (pr.nseg)
    text_rules(l, &pr, 0);
  prose_free(&pr);
}

static void lint_values(linter *l, const gw_val *v, int depth, const char *top_key) {
  if (!v)
    return;
  if (v->kind == GW_VAL_STR) {
    /* kind, template and date are names and a date, not prose (render
     * checks the date: lint_front_as_render) */
    if (!(depth == 1 && top_key &&
          (strcmp(top_key, "kind") == 0 || strcmp(top_key, "template") == 0 ||
           strcmp(top_key, "date") == 0)))
      lint_scalar(l, v);
    return;
  }
  for (const gw_val *c = v->first; c; c = c->next)
    lint_values(l, c, depth + 1, depth == 0 ? c->key : top_key);
}

/* ------------------------------------------------------------------ */
/* Driver                                                               */
/* ------------------------------------------------------------------ */

static int cmp_offset(const void *a, const void *b) {
  const finding *x = a, *y = b;
  if (x->has_off != y->has_off)
    return x->has_off ? -1 : 1;
  if (x->off != y->off)
    return x->off < y->off ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* LINE:COL of every finding, in one pass over the text (findings sorted
 * by offset), so that many findings on one long line stay linear. */
static void resolve_positions(linter *l) {
  if (l->n > 1)
    qsort(l->v, l->n, sizeof *l->v, cmp_offset);
  const gw_source *src = &l->src;
  size_t line = 0, at = 0, col = 1;
  for (size_t i = 0; i < l->n && l->v[i].has_off; i++) {
    size_t off = l->v[i].off > src->len ? src->len : l->v[i].off;
    while (line + 1 < src->line_count && src->line_starts[line + 1] <= off) {
      line++;
      at = src->line_starts[line];
      col = 1;
    }
    col += gw_zh_count_chars(src->text + at, off - at);
    at = off;
    gw_pos pos = {src->path, (unsigned)line + 1, (unsigned)col};
    l->v[i].pos = pos;
  }
}

static int cmp_finding(const void *a, const void *b) {
  const finding *x = a, *y = b;
  if (x->pos.line != y->pos.line)
    return x->pos.line < y->pos.line ? -1 : 1;
  if (x->pos.col != y->pos.col)
    return x->pos.col < y->pos.col ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

typedef struct {
  size_t off, len;
  const char *repl;
  size_t repl_len;
  finding *owner;
} flat_edit;

static int cmp_flat(const void *a, const void *b) {
  const flat_edit *x = a, *y = b;
  if (x->off != y->off)
    return x->off < y->off ? -1 : 1;
  return x->owner->seq < y->owner->seq ? -1 : x->owner->seq > y->owner->seq;
}

/* Apply the fixes. Offsets are in src->text (LF line ends, no BOM); the
 * output is the original bytes, so they are mapped back while copying. */
static size_t apply_fixes(linter *l, const char *data, size_t len, char **out,
                          size_t *out_len) {
  size_t ne = 0;
  for (size_t i = 0; i < l->n; i++)
    if (!l->v[i].unfixable)
      ne += l->v[i].nedits;
  flat_edit *fe = gw_xmalloc((ne ? ne : 1) * sizeof *fe);
  size_t k = 0;
  for (size_t i = 0; i < l->n; i++) {
    finding *f = &l->v[i];
    if (f->unfixable)
      continue;
    for (size_t j = 0; j < f->nedits; j++) {
      flat_edit e = {f->edits[j].off, f->edits[j].len, f->edits[j].repl,
                     f->edits[j].repl_len, f};
      fe[k++] = e;
    }
  }
  if (ne > 1)
    qsort(fe, ne, sizeof *fe, cmp_flat);
  /* Overlaps: the finding that comes later loses all its edits. */
  size_t end = 0;
  for (size_t i = 0; i < ne; i++) {
    if (fe[i].owner->unfixable)
      continue;
    if (i > 0 && fe[i].off < end) {
      fe[i].owner->unfixable = true;
      continue;
    }
    end = fe[i].off + fe[i].len;
  }
  gw_buf b = {0};
  size_t ri = 0, ti = 0; /* raw index, text index */
  const char *cr = memchr(data, '\r', len);
  bool crlf = cr && (size_t)(cr - data) + 1 < len && cr[1] == '\n';
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
    gw_buf_append(&b, data, 3);
    ri = 3;
  }
  size_t applied = 0;
  for (size_t i = 0; i < ne; i++) {
    if (fe[i].owner->unfixable)
      continue;
    /* Copy up to fe[i].off, mapping CR LF / CR to the LF of the text. */
    while (ti < fe[i].off && ri < len) {
      if (data[ri] == '\r') {
        size_t n = ri + 1 < len && data[ri + 1] == '\n' ? 2 : 1;
        gw_buf_append(&b, data + ri, n);
        ri += n;
      } else {
        gw_buf_append(&b, data + ri, 1);
        ri++;
      }
      ti++;
    }
    for (size_t c = 0; c < fe[i].repl_len; c++) /* a line end as the file writes it */
      if (fe[i].repl[c] == '\n' && crlf)
        gw_buf_puts(&b, "\r\n");
      else
        gw_buf_append(&b, fe[i].repl + c, 1);
    ri += fe[i].len; /* edits never cover a line end */
    ti += fe[i].len;
    fe[i].owner->fixed = true;
  }
  if (ri < len)
    gw_buf_append(&b, data + ri, len - ri);
  for (size_t i = 0; i < l->n; i++)
    if (l->v[i].fixed && !l->v[i].unfixable)
      applied++;
    else
      l->v[i].fixed = false;
  free(fe);
  *out = b.data ? b.data : gw_xstrdup("");
  *out_len = b.len;
  return applied;
}

/* Diagnostics that carry their own position, as findings (freed). */
static void take_diags(linter *l, gw_diags *from, const char *path) {
  for (gw_diag *d = from->first; d; d = d->next) {
    finding *f = append_finding(l, d->severity);
    f->pos = d->pos;
    /* d->pos.file lives in d, freed below; a template's name is kept */
    f->pos.file = d->pos.file && strcmp(d->pos.file, path) != 0
                      ? gw_arena_strdup(l->arena, d->pos.file)
                      : path;
    f->msg = gw_xstrdup(d->message);
  }
  gw_diags_free(from);
}

size_t gw_lint_buffer(const char *path, const char *data, size_t len, gw_diags *diags,
                      char **fixed, size_t *fixed_len) {
  linter l;
  memset(&l, 0, sizeof l);
  l.arena = gw_arena_new();
  gw_diags inner = {0}, as_render = {0}, render_body = {0};
  inner.quiet = as_render.quiet = render_body.quiet = true;
  size_t applied = 0;
  if (fixed) {
    *fixed = NULL;
    *fixed_len = 0;
  }
  if (gw_source_from_memory(l.arena, &inner, path, data, len, &l.src) == 0) {
    if (l.src.front) {
      gw_val *front = gw_val_parse(l.arena, &inner, l.src.path, l.src.front_line,
                                   l.src.front, l.src.front_len);
      if (front) {
        const gw_val *numbering = gw_val_get(front, "numbering");
        l.auto_numbering = numbering && numbering->kind == GW_VAL_STR &&
                           strcmp(numbering->str, "auto") == 0;
        const gw_val *kind = gw_val_get(front, "kind");
        l.plan = kind && kind->kind == GW_VAL_STR && strcmp(kind->str, "division") == 0;
        lint_values(&l, front, 0, NULL);
        lint_front_keys(&inner, front);
      }
    }
    if (inner.errors == 0) /* a YAML error: render would stop at the same */
      lint_front_as_render(&as_render, &render_body, &inner, &l.src, path, data, len);
    lint_body(&l);
  }
  /* Only errors of the reader and of YAML keep --fix from running: the
   * text can still be mapped when render would reject a value. */
  if (fixed && inner.errors == 0)
    applied = apply_fixes(&l, data, len, fixed, fixed_len);
  take_diags(&l, &inner, path);
  take_diags(&l, &as_render, path);
  resolve_positions(&l);
  take_render_errors(&l, &render_body, path);
  if (l.n > 1)
    qsort(l.v, l.n, sizeof *l.v, cmp_finding);
  for (size_t i = 0; i < l.n; i++) {
    finding *f = &l.v[i];
    if (!f->fixed) {
      if (f->rule)
        gw_diag_add(diags, f->sev, f->pos, "%s [%s]", f->msg, f->rule);
      else
        gw_diag_add(diags, f->sev, f->pos, "%s", f->msg);
    }
    free(f->msg);
    for (size_t j = 0; j < f->nedits; j++)
      free(f->edits[j].repl);
  }
  free(l.v);
  gw_arena_free(l.arena);
  return applied;
}

/* ------------------------------------------------------------------ */
/* Command line                                                         */
/* ------------------------------------------------------------------ */

static int read_all(const char *path, gw_buf *buf) {
  int is_stdin = strcmp(path, "-") == 0;
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f)
    return -1;
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
    gw_buf_append(buf, chunk, n);
    if (buf->len > GW_SOURCE_MAX_BYTES)
      break;
  }
  int bad = ferror(f);
  int saved = errno;
  if (!is_stdin)
    fclose(f);
  errno = saved;
  return bad ? -1 : 0;
}

int gw_lint_main(int argc, char **argv) {
  bool fix = false, werror = false;
  int files = 0;
  for (int i = 0; i < argc; i++) {
    if (strcmp(argv[i], "--fix") == 0)
      fix = true;
    else if (strcmp(argv[i], "--werror") == 0)
      werror = true;
    else if (strcmp(argv[i], "--") == 0)
      break;
    else if (argv[i][0] == '-' && argv[i][1] != '\0') {
      fprintf(stderr, "gwdoc: error: lint 不认识的选项 %s（可用 --fix、--werror）\n", argv[i]);
      return 2;
    } else
      files++;
  }
  for (int i = 0; i < argc; i++)
    if (strcmp(argv[i], "--") == 0)
      files += argc - i - 1;
  if (files == 0) {
    fputs("gwdoc: error: lint 需要至少一个源文件：gwdoc lint 源文件... [--fix] [--werror]\n",
          stderr);
    return 2;
  }
  gw_diags diags = {0};
  diags.print_stream = stdout;
  bool dashdash = false;
  for (int i = 0; i < argc; i++) {
    const char *path = argv[i];
    if (!dashdash && strcmp(path, "--") == 0) {
      dashdash = true;
      continue;
    }
    if (!dashdash && path[0] == '-' && path[1] != '\0')
      continue;
    const char *shown = strcmp(path, "-") == 0 ? "<stdin>" : path;
    if (fix && strcmp(path, "-") == 0) {
      gw_pos pos = {shown, 0, 0};
      gw_error(&diags, pos, "--fix 不能修正标准输入：请给出文件名");
      continue;
    }
    gw_buf buf = {0};
    if (read_all(path, &buf) < 0) {
      gw_pos pos = {shown, 0, 0};
      gw_error(&diags, pos, "无法读取源文件：%s", gw_errno_text(errno));
      gw_buf_free(&buf);
      continue;
    }
    char *out = NULL;
    size_t out_len = 0;
    size_t applied = gw_lint_buffer(shown, buf.data ? buf.data : "", buf.len, &diags,
                                    fix ? &out : NULL, &out_len);
    if (fix && applied > 0 && out &&
        (out_len != buf.len || memcmp(out, buf.data, out_len) != 0)) {
      /* Write through the real file behind a symbolic link, and keep
       * its permissions. */
      char *real = realpath(path, NULL);
      const char *target = real ? real : path;
      struct stat st;
      bool have_mode = stat(target, &st) == 0;
      gw_bytes bytes = {(unsigned char *)out, out_len};
      if (gw_package_save(&bytes, target) == 0) {
        if (have_mode)
          chmod(target, st.st_mode & 07777);
        fprintf(stderr, "%s: 已修正 %zu 处\n", shown, applied);
      } else {
        diags.errors++;
      }
      free(real);
    }
    free(out);
    gw_buf_free(&buf);
  }
  fflush(stdout);
  int rc = diags.errors > 0 || (werror && diags.warnings > 0) ? 1 : 0;
  gw_diags_free(&diags);
  gw_zh_traditional_cleanup();
  return rc;
}
