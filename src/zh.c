/* zh.c - Chinese text rules built on ICU: validation, normalisation,
 * font slots, numerals, dates, display width.
 *
 * All Unicode work goes through ICU: UTF-8 decoding with the U8_NEXT
 * macro (which rejects overlongs, surrogates and values above U+10FFFF),
 * character properties (script, general category, East Asian width),
 * normalisation (NFC, NFKC_Casefold) and spell-out numerals. Dates have
 * one fixed numeric form (see gw_zh_date).
 *
 * The ICU object that costs something to build (the numeral
 * formatter) is created lazily on first use and kept in a static;
 * gw_zh_cleanup() frees it (when no other thread runs). It is made
 * and used under a lock: a big bulletin is built on two threads. The
 * Hant-Hans transliterator is lint's, which runs on one. The word break
 * iterator is kept one a thread (word_breaker), closed when its thread
 * ends. The normaliser instances returned by unorm2_get*Instance() belong to ICU
 * and are never closed. */
#define _GNU_SOURCE /* memmem */
#include "zh.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

/* ------------------------------------------------------------------ */
/* Small helpers                                                        */
/* ------------------------------------------------------------------ */

static char *dup_str(const char *s)
{
  size_t n = strlen(s);
  char *r = malloc(n + 1);
  if (r)
    memcpy(r, s, n + 1);
  return r;
}

/* End of the run of CJK unified ideographs U+4E00..U+9FFF starting at
 * s[i]: the bulk of any Chinese text, and the characters every pass
 * here treats alike (well-formed, inert, East Asian slot, two units
 * wide). Their UTF-8 forms are exactly a lead and second byte from
 * E4 B8 to E9 BF, the second and third bytes continuation bytes
 * (80..BF); each pass skips the run in one tight loop before decoding
 * the rest with U8_NEXT. */
static inline bool han_first_two(unsigned first_two)
{
  return first_two - 0xE4B8u <= 0xE9BFu - 0xE4B8u;
}

static inline bool is_han_at(const uint8_t *s)
{
  return han_first_two((unsigned)s[0] << 8 | s[1]) && ((s[1] ^ 0x80) | (s[2] ^ 0x80)) < 0x40;
}

/* Two ideographs at s, read as one little-endian 8-byte word: four
 * continuation bytes under one mask, then each lead and second byte. */
static inline bool are_two_han_at(const uint8_t *s)
{
  uint64_t w;
  memcpy(&w, s, sizeof w);
  if ((w & 0xC0C000C0C000u) != 0x808000808000u)
    return false;
  return han_first_two(__builtin_bswap16((uint16_t)w)) &&
         han_first_two(__builtin_bswap16((uint16_t)(w >> 24)));
}

static inline size_t skip_han(const uint8_t *s, size_t i, size_t len)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  /* two at a time, the pass's hottest loop (a third of bulletin-1000's
   * Unicode work went here one byte at a time) */
  while (len - i >= 8 && are_two_han_at(s + i))
    i += 6;
#endif
  while (len - i >= 3 && is_han_at(s + i))
    i += 3;
  return i;
}

/* Decode buf[0..len) into code points; an ill-formed sequence (maximal
 * subpart, as ICU defines it) becomes U+FFFD. out must hold len
 * entries. offs, when not NULL, receives each code point's byte
 * offset. Returns the number of code points. */
static size_t decode(const char *buf, size_t len, UChar32 *out, size_t *offs)
{
  const uint8_t *s = (const uint8_t *)buf;
  size_t i = 0, n = 0;
  while (i < len) {
    size_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0)
      c = 0xFFFD;
    out[n] = c;
    if (offs)
      offs[n] = start;
    n++;
  }
  return n;
}

/* UTF-16 buffer -> new UTF-8 string (NULL on failure). */
static char *utf16_to_utf8(const UChar *src, int32_t srclen)
{
  UErrorCode err = U_ZERO_ERROR;
  int32_t need = 0;
  u_strToUTF8(NULL, 0, &need, src, srclen, &err);
  if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
    return NULL;
  char *out = malloc((size_t)need + 1);
  if (!out)
    return NULL;
  err = U_ZERO_ERROR;
  u_strToUTF8(out, need + 1, NULL, src, srclen, &err);
  if (U_FAILURE(err)) {
    free(out);
    return NULL;
  }
  out[need] = '\0';
  return out;
}

/* Normalise src with norm into a new UTF-16 buffer (*outlen units). */
static UChar *normalize16(const UNormalizer2 *norm, const UChar *src,
                          int32_t srclen, int32_t *outlen)
{
  UErrorCode err = U_ZERO_ERROR;
  int32_t need = unorm2_normalize(norm, src, srclen, NULL, 0, &err);
  if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
    return NULL;
  UChar *out = malloc(((size_t)need + 1) * sizeof(UChar));
  if (!out)
    return NULL;
  err = U_ZERO_ERROR;
  unorm2_normalize(norm, src, srclen, out, need + 1, &err);
  if (U_FAILURE(err)) {
    free(out);
    return NULL;
  }
  *outlen = need;
  return out;
}

/* ------------------------------------------------------------------ */
/* Validation and counting                                              */
/* ------------------------------------------------------------------ */

/* XML 1.0 Char is #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD]
 * | [#x10000-#x10FFFF]. Surrogates never come out of U8_NEXT, so only
 * C0 controls (including U+0000) and U+FFFE/U+FFFF remain to reject. */
static bool xml_forbidden(UChar32 c)
{
  if (c < 0x20)
    return c != 0x09 && c != 0x0A && c != 0x0D;
  return c == 0xFFFE || c == 0xFFFF;
}

bool gw_zh_validate_utf8(const char *buf, size_t len, size_t *bad_offset,
                         bool *bad_is_xml)
{
  const uint8_t *s = (const uint8_t *)buf;
  size_t i = 0;
  if (bad_is_xml)
    *bad_is_xml = false;
  while (i < len) {
    if ((i = skip_han(s, i, len)) == len)
      break;
    size_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0 || xml_forbidden(c)) {
      if (bad_offset)
        *bad_offset = start;
      if (bad_is_xml)
        *bad_is_xml = c >= 0;
      return false;
    }
  }
  if (bad_offset)
    *bad_offset = len;
  return true;
}

size_t gw_zh_count_chars(const char *buf, size_t len)
{
  const uint8_t *s = (const uint8_t *)buf;
  size_t i = 0, n = 0;
  while (i < len) {
    size_t han_end = skip_han(s, i, len);
    n += (han_end - i) / 3;
    if ((i = han_end) == len)
      break;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    (void)c;
    n++;
  }
  return n;
}

/* ------------------------------------------------------------------ */
/* Character classes                                                    */
/* ------------------------------------------------------------------ */

enum cls {
  CLS_NEUTRAL,  /* joins the neighbouring run */
  CLS_LATIN,    /* GW_SLOT_LATIN */
  CLS_EA,       /* GW_SLOT_EAST_ASIA, Word picks eastAsia by itself */
  CLS_EA_SHARED /* GW_SLOT_EAST_ASIA, needs w:hint="eastAsia" */
};

/* Characters shared by Chinese and Western text which Word would draw
 * with the hAnsi font unless the run carries w:hint="eastAsia". */
static bool is_shared_punct(UChar32 c)
{
  switch (c) {
  case 0x2018: /* ‘ */
  case 0x2019: /* ’ */
  case 0x201C: /* “ */
  case 0x201D: /* ” */
  case 0x2014: /* — */
  case 0x2026: /* … */
  case 0x00B7: /* · */
  case 0xFF1A: /* ： (full width already; listed as shared by the spec,
                  the hint is harmless) */
  case 0x2103: /* ℃ */
  case 0x203B: /* ※ */
  case 0x2605: /* ★, a bullet typed by hand */
  case 0x2606: /* ☆ */
    return true;
  default:
    /* of ambiguous width, set in the Chinese face in Chinese text (the
     * Latin one has none of them): ①–⑳ ⑴ ⒈ (footnote and item marks),
     * Ⅰ–Ⅻ, and ●○■□▲△◆◇ bullets */
    return (c >= 0x2460 && c <= 0x24FF) || (c >= 0x2160 && c <= 0x217F) ||
           (c >= 0x25A0 && c <= 0x25FF);
  }
}

/* Class of one code point:
 *  1. the shared punctuation above                      -> EA_SHARED
 *  2. CJK blocks: radicals..Kangxi (2E80-2FDF), CJK symbols and
 *     punctuation (3000-303F, including U+3000), kana, Bopomofo,
 *     enclosed/compatibility CJK (3040-33FF), CJK compatibility forms
 *     (FE30-FE4F), half/full-width forms (FF00-FFEF)     -> EA
 *  3. script Han, Hiragana, Katakana, Bopomofo, Hangul   -> EA
 *  4. white space, controls, format characters, combining marks
 *     (Mn, Me), U+FFFD and ASCII punctuation/symbols     -> NEUTRAL
 *  5. East Asian Width Wide/Fullwidth, except emoji      -> EA
 *  6. everything else (ASCII letters and digits, other Latin, Greek,
 *     Cyrillic, symbols, emoji)                          -> LATIN */
static enum cls classify(UChar32 c)
{
  if (c < 0x80) {
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
        (c >= 'a' && c <= 'z'))
      return CLS_LATIN;
    return CLS_NEUTRAL;
  }
  if (is_shared_punct(c))
    return CLS_EA_SHARED;
  if ((c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3000 && c <= 0x33FF) ||
      (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
      (c >= 0x4E00 && c <= 0x9FFF)) /* the unified ideographs: Han, no look-up */
    return CLS_EA;
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript(c, &err);
  if (U_SUCCESS(err) &&
      (sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA ||
       sc == USCRIPT_BOPOMOFO || sc == USCRIPT_HANGUL))
    return CLS_EA;
  if (c == 0xFFFD || u_isUWhiteSpace(c))
    return CLS_NEUTRAL;
  int8_t t = u_charType(c);
  if (t == U_CONTROL_CHAR || t == U_FORMAT_CHAR || t == U_NON_SPACING_MARK ||
      t == U_ENCLOSING_MARK)
    return CLS_NEUTRAL;
  int w = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  /* the emoji properties are ICU data, loaded only now (a look-up before
   * it would fail, and ICU would not try again) */
  if ((w == U_EA_WIDE || w == U_EA_FULLWIDTH) &&
      !(gw_icu_data_load() == 0 && u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION)))
    return CLS_EA;
  return CLS_LATIN;
}

/* Chinese context: a Han/CJK character or CJK punctuation, i.e. any
 * character of the EAST_ASIA slot (shared punctuation included).
 * c < 0 (outside the text) is not Chinese. */
static bool is_cjk(UChar32 c)
{
  if (c < 0)
    return false;
  enum cls k = classify(c);
  return k == CLS_EA || k == CLS_EA_SHARED;
}

bool gw_zh_is_han(int32_t c) {
  UErrorCode err = U_ZERO_ERROR;
  return c >= 0x2E80 && uscript_getScript(c, &err) == USCRIPT_HAN &&
         U_SUCCESS(err);
}

static bool is_ascii_digit(UChar32 c) { return c >= '0' && c <= '9'; }

/* Chinese punctuation: a mark of the East Asian slot (，。、：；！？（）
 * 《》“”‘’—…·), which carries its own spacing; not the ideographic space. */
static bool is_zh_punct(UChar32 c)
{
  return c >= 0x80 && c != 0x3000 && is_cjk(c) && u_ispunct(c);
}

static bool is_ascii_alnum(UChar32 c)
{
  return is_ascii_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* A letter of the Latin script (é, ß, ...), not a full-width form. */
static bool is_latin_letter(UChar32 c)
{
  if (c < 0)
    return false;
  if (c < 0x80)
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  if (c >= 0xFF00 && c <= 0xFFEF)
    return false;
  UErrorCode err = U_ZERO_ERROR;
  return u_isalpha(c) && uscript_getScript(c, &err) == USCRIPT_LATIN &&
         U_SUCCESS(err);
}

/* Digit or Latin letter (the other side of a removable space). */
static bool is_latin_alnum(UChar32 c)
{
  return is_ascii_digit(c) || is_latin_letter(c) ||
         (c >= 0x80 && !(c >= 0xFF00 && c <= 0xFFEF) && u_isdigit(c) &&
          classify(c) == CLS_LATIN);
}

/* ------------------------------------------------------------------ */
/* Font slot runs                                                       */
/* ------------------------------------------------------------------ */

/* Run rule (exact):
 *  - Every code point is classified (see classify()): LATIN, EA,
 *    EA_SHARED or NEUTRAL. Ill-formed bytes count as NEUTRAL.
 *  - The slot of a run is LATIN for LATIN characters and EAST_ASIA for
 *    EA and EA_SHARED characters. A new run starts exactly where a
 *    non-neutral character has a different slot from the current run;
 *    so EA and EA_SHARED characters share one run.
 *  - hint_east_asia is true for an EAST_ASIA run that contains at least
 *    one EA_SHARED character. This is safe: w:hint="eastAsia" does not
 *    change the font of Han, kana or full-width forms (always eastAsia)
 *    nor of ASCII characters (always the ascii font); it only steers the
 *    shared characters (“ ” ‘ ’ — … ·) to the eastAsia font. Hence shared
 *    punctuation is never in a run without the hint, and runs stay as
 *    long as possible.
 *  - NEUTRAL characters (white space, ASCII punctuation and symbols,
 *    controls, format characters, combining marks) join the run before
 *    them; at the start of the text they join the first run after them.
 *    A text made only of neutral characters is one LATIN run without
 *    hint. An empty text gives no run.
 * Example: "2021年“强团改革50条”举措 Times" ->
 *   "2021" LATIN, "年“强团改革" EAST_ASIA+hint, "50" LATIN,
 *   "条”举措 " EAST_ASIA+hint, "Times" LATIN. */
int gw_zh_slot_runs(const char *text, size_t len, gw_slot_cb cb, void *ctx)
{
  const uint8_t *s = (const uint8_t *)text;
  size_t i = 0, start = 0;
  bool have = false;
  gw_slot slot = GW_SLOT_LATIN;
  bool hint = false;
  bool clean = true; /* of the run so far: the XML writer skips its check */
  int rc;

  if (!text || len == 0)
    return 0;
  while (i < len) {
    size_t at = i, han_end = skip_han(s, i, len);
    enum cls k = CLS_EA; /* a run of Han: East Asian, never bad, no hint */
    bool bad = false;
    if (han_end > i) {
      i = han_end;
    } else {
      UChar32 c;
      U8_NEXT(s, i, len, c);
      bad = c < 0 || xml_forbidden(c);
      k = c < 0 ? CLS_NEUTRAL : classify(c);
      /* don’t, People’s, giving—it’s: between Latin letters ’ and — are
       * English, set in the Latin font, not the Chinese one at full width */
      if ((c == 0x2019 || c == 0x2014) && have && slot == GW_SLOT_LATIN && i < len &&
          isalpha(s[i]))
        k = CLS_NEUTRAL;
    }
    if (k == CLS_NEUTRAL) {
      clean = clean && !bad;
      continue;
    }
    gw_slot ks = k == CLS_LATIN ? GW_SLOT_LATIN : GW_SLOT_EAST_ASIA;
    bool kh = k == CLS_EA_SHARED;
    if (!have) {
      have = true;
      slot = ks;
      hint = kh;
      clean = clean && !bad;
      continue;
    }
    if (ks != slot) {
      gw_slot_run run = {start, at - start, slot, hint, clean};
      if ((rc = cb(&run, ctx)) != 0)
        return rc;
      start = at;
      slot = ks;
      hint = kh;
      clean = !bad;
    } else {
      hint = hint || kh;
      clean = clean && !bad;
    }
  }
  gw_slot_run run = {start, len - start, slot, hint, clean};
  return cb(&run, ctx);
}

/* ------------------------------------------------------------------ */
/* Normalisation                                                        */
/* ------------------------------------------------------------------ */

/* gw_zh_normalize - exact rules.
 *
 * The text is decoded into code points (ill-formed UTF-8 becomes
 * U+FFFD). Every rule looks only at the immediate neighbours of a
 * character ("skipping nothing"). "Chinese" (is_cjk) means a character
 * of the EAST_ASIA font slot: Han, kana, Bopomofo, Hangul, CJK symbols
 * and punctuation U+3000-303F, full-width forms U+FF00-FFEF, and the
 * shared punctuation “ ” ‘ ’ — … ·. Where a rule says "resolved", the
 * neighbour is taken after the conversions already decided (so in
 * `好!!` the second ! sees the ！ made of the first).
 *
 * 0. Full-width digits and Latin letters (０-９ Ａ-Ｚ ａ-ｚ) become
 *    ASCII, as GB/T 15835 writes Arabic numerals half width; so do a
 *    full-width ．between two digits (２．３ -> 2.3), a ％ after a digit
 *    (１２％ -> 12%), ．－＠ inside a full-width word (Ｗｉ－Ｆｉ,
 *    ｐｙ＠１６３．ｃｏｍ) and ：／ between full-width digits (８：３０); a ，
 *    stays (５，１００，２００ is three numbers). Every later rule sees
 *    the ASCII characters (第 ３２ 条 -> 第32条).
 * 1. Protected spans are copied unchanged and take part in no rule:
 *    a. URLs: "http://", "https://", "ftp://" or "www." (ASCII case
 *       insensitive, not preceded by an ASCII letter/digit) followed by
 *       at least one URL character; the URL runs over printable ASCII
 *       except space " ' < > ` and then loses trailing . , : ; ? ! and
 *       any ')' that has no matching '(' inside the URL.
 *    b. E-mail addresses: a '@' with at least one [A-Za-z0-9._%+-]
 *       before it and a domain [A-Za-z0-9.-]+ after it (trailing '.'
 *       and '-' dropped) that holds a '.' with a character on each
 *       side. The whole local@domain is protected.
 *    c. Numbers: a . , : - or / with an ASCII digit on each side
 *       (0351-4184708, 7.5, 1,000, 3:30, 2021.10.18, 2021/10/18).
 *       Hence a period between two digits is never converted.
 * Rules 2, 3 and 4 run in that order, and the whole sequence runs
 * twice, so that each rule sees what the others converted (in
 * `好,"a"` the quotes see the ， made of the comma). A conversion is
 * never undone.
 * 2. Pairs, decided in this order: ( ), then " ", then ' '.
 *    a. Parentheses pair with a stack. A pair becomes （ ） when its
 *       content holds a Chinese character or the character before '('
 *       or after ')' (resolved) is Chinese. An unpaired one becomes full
 *       width when a neighbour (resolved) is Chinese.
 *    b. Straight quotes (for ' an apostrophe between two Latin letters,
 *       as in don't, is never a quote). Scanning left to right, a quote
 *       opens when no quote of its kind is open or when the character
 *       before it is the start of text, white space or opening
 *       punctuation (Unicode Ps/Pi: ( [ （ “ 《 ...); otherwise it closes
 *       the open one. A quote with no open partner whose previous
 *       character is not opening-ish and whose next character is the
 *       end, white space, closing punctuation (Pe/Pf) or sentence
 *       punctuation is an unpaired closing quote. So quotes alternate
 *       “ ” “ ”, restarting at an opening position. A pair becomes “ ”
 *       (‘ ’) by the same test as parentheses; an unpaired quote becomes
 *       “ or ” (‘ or ’) by its role when a neighbour is Chinese.
 * 3. Dashes and ellipses, when the character before the sequence or
 *    after it (resolved) is Chinese, and ellipses also after a digit or
 *    % in a text holding Chinese when no letter or digit follows
 *    ("增长76%..."):
 *    - two or more '-' in a row           -> ——
 *    (a lone — U+2014 stays: the 一字线 of ranges, 6月10日—20日)
 *    - three or more '.' in a row         -> ……
 *    - a lone … (U+2026, not doubled)     -> ……
 *    Runs of three or more dots are never treated by rule 4.
 * 4. Single punctuation:
 *    , : ; ? ! -> ， ： ； ？ ！ when the character before or after
 *    (resolved) is Chinese.
 *    '.' -> 。 only when the character before it (resolved) is Chinese
 *    and the one after is the end of the text, white space or Chinese.
 *    '.' after one to three Chinese numerals opening the text, before
 *    Chinese, is a heading number's mark: 三.抓好落实 -> 三、抓好落实.
 *    A mark that ends a Latin word or a number written right after
 *    Chinese (增长5.2%, 同比; 完成率100%.) counts as after Chinese when
 *    the end of the text or white space follows it.
 * 5. A run of ASCII spaces and tabs is removed when it lies between a
 *    Han character and a digit or Latin letter, in either order
 *    ("强团改革 50 条" -> "强团改革50条"); between Chinese punctuation
 *    (resolved; not U+3000) and a Chinese character, digit or Latin
 *    letter, in either order ("以来, 我县" -> "以来，我县"); or after a
 *    digit's '%' before a Han character ("55% 以上"). U+3000 and other
 *    spaces stay, and so does a space between two Han characters.
 *    A space between a Latin word and a curly quote whose inside, next
 *    to it, is Latin stays too: English punctuation (said “hello” to).
 * 6. The result is put in NFC.
 * Every pass is a single left-to-right scan (the pair stack holds at
 * most n entries), so the whole is linear in the length of the text. */

enum {
  NF_PROT = 1,   /* protected span */
  NF_DBL = 2,    /* emit the replacement twice (—— ……) */
  NF_DOTRUN = 4, /* part of a run of 3+ dots */
  NF_DEL = 8,    /* removed */
  NF_WIDE = 16   /* a full-width form made ASCII (rule 0) */
};

typedef struct {
  const UChar32 *cp; /* code points, full-width digits made ASCII */
  UChar32 *rep;      /* replacement (== cp when unchanged) */
  uint8_t *fl;       /* NF_* flags */
  size_t *pre;       /* pre[i] = number of Chinese chars in cp[0..i) */
  size_t *stk;       /* parenthesis stack */
  size_t n;
} norm_ctx;

/* Resolved character at index i (as a signed index; -1 outside). */
static UChar32 res_at(const norm_ctx *x, size_t i, int dir)
{
  /* Characters already removed (the tail of a ... made ……) are no
   * neighbours: in 76%...) the ) sees the …… */
  do {
    if (dir < 0) {
      if (i == 0)
        return -1;
      i--;
    } else {
      if (i + 1 >= x->n)
        return -1;
      i++;
    }
  } while (x->fl[i] & NF_DEL);
  return x->rep[i];
}

static bool cjk_before(const norm_ctx *x, size_t i)
{
  return is_cjk(res_at(x, i, -1));
}

static bool cjk_after(const norm_ctx *x, size_t i)
{
  return is_cjk(res_at(x, i, +1));
}

static bool content_cjk(const norm_ctx *x, size_t open, size_t close)
{
  return x->pre[close] - x->pre[open + 1] > 0;
}

static bool ascii_ieq(const UChar32 *cp, size_t n, size_t i, const char *lit)
{
  for (; *lit; lit++, i++) {
    if (i >= n)
      return false;
    UChar32 c = cp[i];
    if (c >= 'A' && c <= 'Z')
      c += 'a' - 'A';
    if (c != (UChar32)(unsigned char)*lit)
      return false;
  }
  return true;
}

static size_t url_prefix(const UChar32 *cp, size_t n, size_t i)
{
  static const char *const pre[] = {"http://", "https://", "ftp://", "www."};
  for (size_t k = 0; k < sizeof pre / sizeof pre[0]; k++)
    if (ascii_ieq(cp, n, i, pre[k]))
      return strlen(pre[k]);
  return 0;
}

static bool is_url_char(UChar32 c)
{
  return c > 0x20 && c < 0x7F && c != '"' && c != '\'' && c != '<' &&
         c != '>' && c != '`';
}

static bool is_local_char(UChar32 c)
{
  return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' ||
         c == '-';
}

static bool is_domain_char(UChar32 c)
{
  return is_ascii_alnum(c) || c == '.' || c == '-';
}

static void mark(norm_ctx *x, size_t from, size_t to, uint8_t f)
{
  for (size_t k = from; k < to; k++)
    x->fl[k] |= f;
}

/* A reference entry as GB/T 7714 writes it (张三, 李四. 题名[J]. 刊名,
 * 2023(5): 12-15.): its own punctuation, half width by that standard;
 * made full width here and there it would be neither. Its type mark,
 * [J] [M] [N] [C] [D] [R] [S] [P] [Z] [EB/OL], then a full stop. */
static bool is_reference_entry(const UChar32 *cp, size_t n)
{
  static const char *const marks[] = {"[J].", "[M].", "[N].", "[C].", "[D].", "[R].", "[S].",
                                      "[P].", "[Z].", "[EB/OL].", "[J]//", "[C]//", NULL};
  for (size_t i = 0; i + 3 < n; i++) {
    if (cp[i] != '[')
      continue;
    for (int k = 0; marks[k]; k++) {
      size_t m = strlen(marks[k]), j = 0;
      while (j < m && i + j < n && cp[i + j] == (UChar32)(unsigned char)marks[k][j])
        j++;
      if (j == m)
        return true;
    }
  }
  return false;
}

static void protect_spans(norm_ctx *x)
{
  const UChar32 *cp = x->cp;
  size_t n = x->n;

  if (is_reference_entry(cp, n)) {
    mark(x, 0, n, NF_PROT);
    return;
  }

  /* ![说明](images/现场 照片.jpg), a picture Markdown could not read (its
   * address has a space): its brackets are Markdown's, not Chinese text's;
   * made full width it would pass for text (render stops at it instead) */
  for (size_t i = 0; i + 1 < n; i++) {
    if (cp[i] != '!' || cp[i + 1] != '[')
      continue;
    size_t j = i + 2;
    while (j + 1 < n && !(cp[j] == ']' && cp[j + 1] == '('))
      j++;
    size_t k = j + 2;
    while (k < n && cp[k] != ')')
      k++;
    if (k >= n)
      break;
    mark(x, i, i + 2, NF_PROT);
    mark(x, j, k + 1, NF_PROT);
    i = k;
  }

  /* URLs */
  for (size_t i = 0; i < n;) {
    size_t m = url_prefix(cp, n, i);
    if (!m || (i > 0 && is_ascii_alnum(cp[i - 1]))) {
      i++;
      continue;
    }
    size_t j = i + m, opens = 0, closes = 0;
    while (j < n && is_url_char(cp[j])) {
      opens += cp[j] == '(';
      closes += cp[j] == ')';
      j++;
    }
    for (;;) {
      UChar32 c = cp[j - 1];
      if (j > i + m && (c == '.' || c == ',' || c == ':' || c == ';' ||
                        c == '?' || c == '!')) {
        j--;
      } else if (j > i + m && c == ')' && closes > opens) {
        closes--;
        j--;
      } else {
        break;
      }
    }
    if (j == i + m) {
      i++;
      continue;
    }
    mark(x, i, j, NF_PROT);
    i = j;
  }

  /* E-mail addresses */
  for (size_t i = 0; i < n; i++) {
    if (cp[i] != '@' || (x->fl[i] & NF_PROT))
      continue;
    size_t k = i;
    while (k > 0 && is_local_char(cp[k - 1]) && !(x->fl[k - 1] & NF_PROT))
      k--;
    if (k == i)
      continue;
    size_t j = i + 1;
    while (j < n && is_domain_char(cp[j]))
      j++;
    while (j > i + 1 && (cp[j - 1] == '.' || cp[j - 1] == '-'))
      j--;
    bool dot = false;
    for (size_t p = i + 2; p + 1 < j; p++)
      if (cp[p] == '.' && cp[p - 1] != '.' && cp[p + 1] != '.') {
        dot = true;
        break;
      }
    if (!dot || !is_ascii_alnum(cp[i + 1]))
      continue;
    mark(x, k, j, NF_PROT);
    i = j - 1;
  }

  /* Numbers */
  for (size_t i = 1; i + 1 < n; i++) {
    UChar32 c = cp[i];
    if ((c == '.' || c == ',' || c == ':' || c == '-' || c == '/') &&
        is_ascii_digit(cp[i - 1]) && is_ascii_digit(cp[i + 1]))
      x->fl[i] |= NF_PROT;
  }
}

static void pass_parens(norm_ctx *x)
{
  size_t sp = 0;
  for (size_t i = 0; i < x->n; i++) {
    if (x->fl[i] & NF_PROT)
      continue;
    if (x->cp[i] == '(') {
      x->stk[sp++] = i;
    } else if (x->cp[i] == ')') {
      if (sp) {
        size_t o = x->stk[--sp];
        if (content_cjk(x, o, i) || cjk_before(x, o) || cjk_after(x, i)) {
          x->rep[o] = 0xFF08;
          x->rep[i] = 0xFF09;
        }
      } else if (cjk_before(x, i) || cjk_after(x, i)) {
        x->rep[i] = 0xFF09;
      }
    }
  }
  while (sp) {
    size_t o = x->stk[--sp];
    if (cjk_before(x, o) || cjk_after(x, o))
      x->rep[o] = 0xFF08;
  }
}

static bool is_opening_ctx(UChar32 p)
{
  if (p < 0 || u_isUWhiteSpace(p))
    return true;
  int8_t t = u_charType(p);
  return t == U_START_PUNCTUATION || t == U_INITIAL_PUNCTUATION;
}

static bool is_closing_ctx(UChar32 c)
{
  if (c < 0 || u_isUWhiteSpace(c))
    return true;
  int8_t t = u_charType(c);
  if (t == U_END_PUNCTUATION || t == U_FINAL_PUNCTUATION)
    return true;
  switch (c) {
  case ',': case '.': case ';': case ':': case '?': case '!':
  case 0xFF0C: case 0x3002: case 0xFF1B: case 0xFF1A: case 0xFF1F:
  case 0xFF01: case 0x3001:
    return true;
  default:
    return false;
  }
}

static void quote_single(norm_ctx *x, size_t i, UChar32 repl)
{
  if (cjk_before(x, i) || cjk_after(x, i))
    x->rep[i] = repl;
}

static void pass_quotes(norm_ctx *x, UChar32 q, UChar32 open_q,
                        UChar32 close_q)
{
  const UChar32 *cp = x->cp;
  size_t n = x->n;
  bool have_open = false;
  size_t open = 0;

  for (size_t i = 0; i < n; i++) {
    if (cp[i] != q || (x->fl[i] & NF_PROT))
      continue;
    UChar32 p = i > 0 ? cp[i - 1] : -1;
    UChar32 nx = i + 1 < n ? cp[i + 1] : -1;
    if (q == '\'' && is_latin_letter(p) && is_latin_letter(nx))
      continue; /* apostrophe: don't */
    bool openish = is_opening_ctx(p);
    if (have_open && !openish) {
      if (content_cjk(x, open, i) || cjk_before(x, open) || cjk_after(x, i)) {
        x->rep[open] = open_q;
        x->rep[i] = close_q;
      }
      have_open = false;
      continue;
    }
    if (have_open)
      quote_single(x, open, open_q);
    have_open = false;
    if (!openish && is_closing_ctx(nx)) {
      if (!is_ascii_digit(p)) /* 6' is feet, or minutes: no closing quote */
        quote_single(x, i, close_q);
    } else {
      have_open = true;
      open = i;
    }
  }
  if (have_open)
    quote_single(x, open, open_q);
}

/* A straight double quote right after a colon opens one too (他说:"…),
 * as after an opening bracket or the start. (After a comma it may close:
 * "我们一定完成任务，"他说，"…") */
static bool opens_quote_ctx(UChar32 p)
{
  return is_opening_ctx(p) || p == ':' || p == 0xFF1A;
}

/* Straight double quotes pasted around quotes (GB/T 15834: 双引号里面
 * 用单引号): 他说:"开展了"清风行动"和"阳光工程",成效明显." One after a
 * colon or an opening opens; one that a stop, a closing, another quote
 * or the end follows closes; one between two words opens a quote inside one that
 * opened so, when two closing ones follow to close both, and closes
 * otherwise ("A"和"B"). Inside, the pair is ‘’. Returns false when out of
 * memory (the plain alternation of pass_quotes is used then). */
static bool pass_double_quotes(norm_ctx *x)
{
  const UChar32 *cp = x->cp;
  size_t n = x->n, closers = 0, quotes = 0;
  for (size_t i = 0; i < n; i++)
    quotes += cp[i] == '"';
  if (quotes == 0)
    return true; /* most texts: nothing to pair, nothing to allocate */
  uint8_t *closing = calloc(n + 1, 1);
  if (!closing)
    return false;
  for (size_t i = 0; i < n; i++) {
    if (cp[i] != '"' || (x->fl[i] & NF_PROT))
      continue;
    UChar32 p = i > 0 ? cp[i - 1] : -1, nx = i + 1 < n ? cp[i + 1] : -1;
    /* one right before another closes the inner quote (…"民心工程""。) */
    closing[i] = !opens_quote_ctx(p) && (is_closing_ctx(nx) || nx == '"');
    closers += closing[i];
  }
  struct {
    size_t at;
    bool by_ctx;
  } open[2];
  int depth = 0;
  for (size_t i = 0; i < n; i++) {
    if (cp[i] != '"' || (x->fl[i] & NF_PROT))
      continue;
    closers -= closing[i];
    UChar32 p = i > 0 ? cp[i - 1] : -1;
    bool opens = opens_quote_ctx(p);
    bool inner = depth == 1 && open[0].by_ctx && closers >= 2;
    if (depth < 2 && (opens || (!closing[i] && (depth == 0 || inner)))) {
      open[depth].at = i;
      open[depth++].by_ctx = opens;
      continue;
    }
    if (depth == 0) {
      if (!is_ascii_digit(p)) /* 27" is inches, no closing quote */
        quote_single(x, i, 0x201D);
      continue;
    }
    size_t o = open[--depth].at;
    if (content_cjk(x, o, i) || cjk_before(x, o) || cjk_after(x, i)) {
      x->rep[o] = depth == 1 ? 0x2018 : 0x201C;
      x->rep[i] = depth == 1 ? 0x2019 : 0x201D;
    }
  }
  while (depth > 0)
    quote_single(x, open[--depth].at, 0x201C);
  free(closing);
  return true;
}

/* "增长76%..." at the end of a Chinese text: dots after a number, with
 * nothing Latin after them, trail off like an ellipsis (not 1...10). */
static bool number_trails_off(const norm_ctx *x, size_t i, size_t j)
{
  UChar32 before = res_at(x, i, -1), after = res_at(x, j - 1, +1);
  return x->pre[x->n] > 0 && (is_ascii_digit(before) || before == '%') &&
         !is_ascii_alnum(after);
}

/* ― (U+2015, GBK's 破折号 half) and －: doubled, a 破折号. */
static bool is_pasted_dash(UChar32 c) { return c == 0x2015 || c == 0xFF0D; }

/* ・ and ·: three or more in a row, an ellipsis. */
static bool is_pasted_dot(UChar32 c) { return c == 0x30FB || c == 0x00B7 || c == 0xFF65; }

static void pass_dashes(norm_ctx *x)
{
  const UChar32 *cp = x->cp;
  size_t n = x->n;
  for (size_t i = 0; i < n;) {
    UChar32 c = cp[i];
    if ((x->fl[i] & NF_PROT) || (c != '-' && c != '.' && c != 0x2014 && c != 0x2026 &&
                                 c != 0x3002 && !is_pasted_dash(c) && !is_pasted_dot(c))) {
      i++;
      continue;
    }
    size_t j = i;
    while (j < n && cp[j] == c && !(x->fl[j] & NF_PROT))
      j++;
    size_t run = j - i;
    bool ctx = cjk_before(x, i) || cjk_after(x, j - 1) ||
               ((c == '.' || c == 0x2026) && number_trails_off(x, i, j));
    if (c == '.' && run >= 3)
      mark(x, i, j, NF_DOTRUN);
    /* A lone — stays: GB/T 15834 makes it the 一字线 of ranges and
     * links (6月10日—20日, 北京—上海); a 破折号 typed with a Chinese
     * input method is already ——. */
    /* 。。。 typed for an ellipsis: …… whatever is around it */
    /* ―― －－ ・・・ ···: a 破折号 or an ellipsis as other input
     * methods, GBK files and Japanese fonts type them */
    bool conv = ((((c == '-' || is_pasted_dash(c)) && run >= 2) ||
                  ((c == '.' || is_pasted_dot(c)) && run >= 3) || (c == 0x2026 && run == 1)) &&
                 ctx) ||
                (c == 0x3002 && run >= 3);
    if (conv) {
      bool dash = c == '-' || c == 0x2014 || is_pasted_dash(c);
      x->rep[i] = dash ? 0x2014 : 0x2026; /* 。 too: … */
      x->fl[i] |= NF_DBL;
      mark(x, i + 1, j, NF_DEL);
    }
    i = j;
  }
}

/* Does the punctuation at i end a Latin word or a number that itself
 * follows Chinese (增长5.2%, 同比; 推广App, 下载; 完成率100%.)? Then it
 * is Chinese punctuation, though its neighbour is not Chinese. Spaces
 * between the Chinese and the word go by rule 5, so they do not count.
 * A '.' needs a percentage (完成率100%.): after a bare number or a
 * version (共3. v1.0.) it may be part of them. */
static bool ends_token_after_cjk(const norm_ctx *x, size_t i)
{
  size_t k = i;
  bool word = false, percent = false, digit = false;
  while (k > 0 && x->rep[k - 1] < 0x80 &&
         (is_ascii_alnum(x->rep[k - 1]) || x->rep[k - 1] == '%' || x->rep[k - 1] == '.')) {
    word = word || x->rep[k - 1] != '.';
    percent = percent || x->rep[k - 1] == '%';
    digit = digit || is_ascii_digit(x->rep[k - 1]) || x->rep[k - 1] == '.';
    k--;
  }
  while (k > 0 && (x->rep[k - 1] == ' ' || x->rep[k - 1] == '\t'))
    k--;
  /* a '.' after letters alone (开发“智慧政务”APP.) ends the sentence too,
   * but not one inside an English quotation (‘bye.’) */
  bool letters = !digit && k > 0 && x->rep[k - 1] != 0x2018 && x->rep[k - 1] != 0x201C &&
                 x->pre[x->n] > 0;
  return word && (x->cp[i] != '.' || percent || letters) && cjk_before(x, k);
}

/* 零 一 … 九, each at its value. */
static const UChar32 zh_digits[] = {0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
                                    0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};

/* The value of a Chinese digit, 〇 (or ○ as typed) for 零; else -1. */
static int zh_digit_value(UChar32 c)
{
  if (c == 0x3007 || c == 0x25CB)
    return 0;
  for (int k = 0; k < 10; k++)
    if (c == zh_digits[k])
      return k;
  return -1;
}

/* 零 一 … 九 十 〇: the characters of a small Chinese numeral. */
static bool is_zh_digit(UChar32 c)
{
  return c == 0x5341 || (c != 0x25CB && zh_digit_value(c) >= 0);
}

/* Is the '.' at i the mark of a heading number typed with a full stop,
 * 三.抓好落实: one to three Chinese numerals opening the text, then the
 * dot, then Chinese? GB/T 9704 writes that number 三、; a 。 there would
 * end a sentence of one word. (十四.五 and 一.5 are no such number.) */
static bool heading_number_dot(const norm_ctx *x, size_t i)
{
  size_t k = 0;
  while (k < i && (x->cp[k] == ' ' || x->cp[k] == 0x3000))
    k++;
  if (i == k || i - k > 3 || i + 1 >= x->n)
    return false;
  for (size_t j = k; j < i; j++)
    if (!is_zh_digit(x->cp[j]))
      return false;
  UChar32 nx = x->cp[i + 1];
  return is_cjk(nx) && !is_zh_punct(nx) && !is_zh_digit(nx);
}

static void pass_punct(norm_ctx *x)
{
  const UChar32 *cp = x->cp;
  size_t n = x->n;
  for (size_t i = 0; i < n; i++) {
    if ((x->fl[i] & (NF_PROT | NF_DOTRUN | NF_DEL)) || x->rep[i] != cp[i])
      continue;
    UChar32 to;
    switch (cp[i]) {
    case ',': to = 0xFF0C; break;
    case ':': to = 0xFF1A; break;
    case ';': to = 0xFF1B; break;
    case '?': to = 0xFF1F; break;
    case '!': to = 0xFF01; break;
    case '.': to = 0x3002; break;
    default: continue;
    }
    bool after_zh_token = ends_token_after_cjk(x, i);
    if (cp[i] == '.' && heading_number_dot(x, i)) {
      x->rep[i] = 0x3001; /* 、 */
    } else if (cp[i] == '.') {
      UChar32 nx = res_at(x, i, +1);
      if ((cjk_before(x, i) || after_zh_token) &&
          (nx < 0 || u_isUWhiteSpace(nx) || is_cjk(nx)))
        x->rep[i] = to;
    } else if (cjk_before(x, i) || cjk_after(x, i)) {
      x->rep[i] = to;
    } else if (after_zh_token) {
      UChar32 nx = res_at(x, i, +1);
      if (nx < 0 || u_isUWhiteSpace(nx)) /* not 3,000 (protected) nor a,b */
        x->rep[i] = to;
    }
  }
}

/* The spaces of an English sentence around its curly quotes: said
 * “hello” to, a ‘b’ c. The quote and the words on both sides of the
 * gap are Latin, so the quote is English punctuation, not Chinese. */
static bool english_quote_gap(const norm_ctx *x, size_t i, size_t j)
{
  UChar32 a = x->rep[i - 1], b = x->rep[j];
  if (is_latin_alnum(a) && (b == 0x201C || b == 0x2018))
    return j + 1 < x->n && is_latin_alnum(x->rep[j + 1]);
  if ((a == 0x201D || a == 0x2019) && is_latin_alnum(b) && i >= 2) {
    UChar32 in = x->rep[i - 2]; /* the quote's last character */
    return is_latin_alnum(in) || in == '.' || in == ',' || in == '!' || in == '?';
  }
  return false;
}

/* Rule 5: does the run of spaces cp[i..j) go? Between Han and a Latin
 * letter or digit (强团改革 50 条); beside Chinese punctuation, resolved,
 * with Chinese, a letter or a digit on the other side (以来, 我县 ->
 * 以来，我县; 解决 “大班额” 问题); after a percentage before Han
 * (55% 以上). */
static bool space_goes(const norm_ctx *x, size_t i, size_t j)
{
  const UChar32 *cp = x->cp;
  UChar32 a = x->rep[i - 1], b = x->rep[j];
  if (english_quote_gap(x, i, j))
    return false;
  if ((gw_zh_is_han(cp[i - 1]) && is_latin_alnum(cp[j])) ||
      (is_latin_alnum(cp[i - 1]) && gw_zh_is_han(cp[j])))
    return true;
  if ((is_zh_punct(a) && (is_cjk(b) || is_latin_alnum(b))) ||
      (is_zh_punct(b) && (is_cjk(a) || is_latin_alnum(a) || a == '%')))
    return true; /* 95.3% 。 too */
  /* ① 召开会议: a circled number marks an item as 1. does */
  if (a >= 0x2460 && a <= 0x2473 && gw_zh_is_han(b))
    return true;
  return a == '%' && i >= 2 && is_ascii_digit(cp[i - 2]) && gw_zh_is_han(b);
}

static void pass_spaces(norm_ctx *x)
{
  const UChar32 *cp = x->cp;
  size_t n = x->n;
  for (size_t i = 0; i < n;) {
    if (cp[i] != ' ' && cp[i] != '\t') {
      i++;
      continue;
    }
    size_t j = i;
    while (j < n && (cp[j] == ' ' || cp[j] == '\t'))
      j++;
    if (i > 0 && j < n && space_goes(x, i, j))
      mark(x, i, j, NF_DEL);
    i = j;
  }
}

static bool is_fullwidth_alnum(UChar32 c)
{
  return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
         (c >= 0xFF41 && c <= 0xFF5A);
}

/* Rule 0, on the decoded text itself, so that every later rule sees
 * ASCII; NF_WIDE remembers the change for the lint edits. */
static bool is_fullwidth_digit(UChar32 c) { return c >= 0xFF10 && c <= 0xFF19; }

/* Is the full-width mark cp[i] part of what rule 0 converts around it:
 * ．－＠ between full-width letters or digits (Ｗｉ－Ｆｉ, １６３．ｃｏｍ),
 * ：／ between full-width digits (８：３０, １／２)? Also ． after any
 * digit and ％. */
static bool wide_mark_converts(const norm_ctx *x, const UChar32 *cp, size_t i)
{
  UChar32 c = cp[i];
  bool wide_before = i > 0 && (x->fl[i - 1] & NF_WIDE) && is_ascii_alnum(cp[i - 1]);
  bool digit_before = i > 0 && is_ascii_digit(cp[i - 1]);
  UChar32 next = i + 1 < x->n ? cp[i + 1] : -1;
  switch (c) {
  case 0xFF05: /* ％ */
    return digit_before;
  case 0xFF0E: /* ． */
    return (digit_before && (is_ascii_digit(next) || is_fullwidth_digit(next))) ||
           (wide_before && is_fullwidth_alnum(next));
  case 0xFF0D: /* － */
  case 0xFF20: /* ＠ */
    return wide_before && is_fullwidth_alnum(next);
  case 0xFF1A: /* ： */
  case 0xFF0F: /* ／ */
    return wide_before && is_ascii_digit(cp[i - 1]) && is_fullwidth_digit(next);
  default: /* ， stays: between numbers it mostly separates them (５，１００，２００) */
    return false;
  }
}

static void pass_fullwidth(norm_ctx *x, UChar32 *cp)
{
  for (size_t i = 0; i < x->n; i++) {
    UChar32 c = cp[i];
    if (is_fullwidth_alnum(c) || wide_mark_converts(x, cp, i)) {
      cp[i] = c - 0xFEE0;
      x->fl[i] |= NF_WIDE;
    }
  }
}

/* Decode `text` and run every rule over it: x->rep and x->fl then say
 * what changes. `offs` (len + 1 entries, or NULL) receives each code
 * point's byte offset. Returns 0, or -1 when out of memory; free with
 * norm_ctx_free either way. */
static int norm_run(norm_ctx *x, const char *text, size_t len, size_t *offs)
{
  UChar32 *cp = malloc(len * sizeof *cp);
  x->cp = cp;
  x->rep = malloc(len * sizeof *x->rep);
  x->fl = calloc(len, 1);
  x->pre = malloc((len + 1) * sizeof *x->pre);
  x->stk = malloc(len * sizeof *x->stk);
  if (!cp || !x->rep || !x->fl || !x->pre || !x->stk)
    return -1;
  x->n = decode(text, len, cp, offs);
  if (offs)
    offs[x->n] = len;
  pass_fullwidth(x, cp);
  memcpy(x->rep, cp, x->n * sizeof *cp);
  x->pre[0] = 0;
  for (size_t i = 0; i < x->n; i++)
    x->pre[i + 1] = x->pre[i] + (is_cjk(cp[i]) ? 1 : 0);
  protect_spans(x);
  for (int round = 0; round < 2; round++) {
    pass_parens(x);
    if (!pass_double_quotes(x))
      pass_quotes(x, '"', 0x201C, 0x201D);
    pass_quotes(x, '\'', 0x2018, 0x2019);
    pass_dashes(x);
    pass_punct(x);
  }
  pass_spaces(x);
  return 0;
}

static void norm_ctx_free(norm_ctx *x)
{
  free((void *)x->cp);
  free(x->rep);
  free(x->fl);
  free(x->pre);
  free(x->stk);
}

/* Code points NFC leaves alone and no rule here looks at: Han, CJK and
 * full-width punctuation except the shared marks the rules convert, and
 * ASCII letters and digits. Most Chinese text is only these, and then
 * normalising is a copy (the common case, kept cheap). */
static bool inert(UChar32 c)
{
  if (c < 0x80)
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
  if (c == 0x2014 || c == 0x2026)
    return false; /* — and … : the dash and ellipsis rules */
  if (is_fullwidth_alnum(c) || c == 0xFF05 || c == 0xFF0E)
    return false; /* rule 0 (its other marks come only after these) */
  return (c >= 0x2018 && c <= 0x201D) || (c >= 0x3001 && c <= 0x303F) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xFF01 && c <= 0xFF5E) || c == 0x00B7;
}

/* Punctuation after an ASCII digit that no rule changes: a . , : - or /
 * between two digits is part of a number (rule 1c: 3.5, 1,000, 3:30,
 * 0351-4184708, 2021/10/18), and a single '.' after a digit is neither
 * a dot run (rule 3) nor after a Chinese character (rule 4): the "1." of
 * a numbered paragraph, so common that it must not cost the slow path. */
static bool inert_after_digit(UChar32 c, int next)
{
  if (next >= '0' && next <= '9')
    return c == '.' || c == ',' || c == ':' || c == '-' || c == '/';
  return c == '.' && next != '.';
}

/* What the rules would do to a text, as far as a scan without decoding
 * into buffers can tell. */
typedef enum {
  TEXT_CHANGES,    /* some rule may apply: run them all */
  TEXT_NORMAL,     /* no rule applies: the text is its own result */
  TEXT_SPACE_GAPS  /* only rule 5's plainest case applies: spaces between
                      Han and an ASCII letter or digit (强团改革 50 条),
                      among otherwise inert characters */
} text_scan;

/* A run of ASCII spaces between `before` and `after` in an otherwise
 * inert text: kept between two Chinese characters that are not
 * punctuation (标题 甲 乙), removed between Han and an ASCII letter or
 * digit (rule 5), else left to the rules. */
static text_scan space_gap(UChar32 before, UChar32 after)
{
  if (before >= 0x80 && after >= 0x80 && !is_zh_punct(before) && !is_zh_punct(after))
    return TEXT_NORMAL;
  if ((gw_zh_is_han(before) && is_ascii_alnum(after)) || (is_ascii_alnum(before) && gw_zh_is_han(after)))
    return TEXT_SPACE_GAPS;
  return TEXT_CHANGES;
}

static text_scan scan_text(const char *text, size_t len)
{
  int32_t i = 0, n = (int32_t)len;
  UChar32 prev = -1;
  text_scan result = TEXT_NORMAL;
  while (i < n) {
    int32_t han_end = (int32_t)skip_han((const uint8_t *)text, (size_t)i, len);
    if (han_end > i) {
      i = han_end;
      prev = 0x4E00; /* any ideograph: neither a digit nor punctuation */
      continue;
    }
    UChar32 c;
    U8_NEXT(text, i, n, c);
    if (c == ' ' && prev >= 0) {
      while (i < n && text[i] == ' ')
        i++;
      if (i == n)
        return TEXT_CHANGES;
      int32_t k = i;
      UChar32 after;
      U8_NEXT(text, k, n, after);
      text_scan gap = space_gap(prev, after);
      if (gap == TEXT_CHANGES)
        return TEXT_CHANGES;
      if (gap == TEXT_SPACE_GAPS)
        result = TEXT_SPACE_GAPS;
      prev = c;
      continue;
    }
    int next = i < n ? (unsigned char)text[i] : -1;
    if (c < 0 || !(inert(c) || (is_ascii_digit(prev) && inert_after_digit(c, next))))
      return TEXT_CHANGES;
    if ((c == 0x3002 || is_pasted_dot(c) || is_pasted_dash(c)) && prev == c)
      return TEXT_CHANGES; /* 。。。 ・・・ ―― may be an ellipsis or a dash (pass_dashes) */
    prev = c;
  }
  return result;
}

/* What the rules would do to `text`: pure ASCII has no Chinese context,
 * so no rule applies (and ASCII is already NFC); otherwise the scan. */
static text_scan scan_for_rules(const char *text, size_t len)
{
  if (!text || len == 0)
    return TEXT_NORMAL;
  if (len >= INT32_MAX)
    return TEXT_CHANGES;
  bool ascii = true;
  for (size_t i = 0; i < len && ascii; i++)
    ascii = (unsigned char)text[i] < 0x80;
  return ascii ? TEXT_NORMAL : scan_text(text, len);
}

bool gw_zh_is_normal(const char *text, size_t len)
{
  return scan_for_rules(text, len) == TEXT_NORMAL;
}

/* The result for a TEXT_SPACE_GAPS text: each run of spaces between Han
 * and an ASCII letter or digit dropped, every other byte copied. */
static char *drop_space_gaps(const char *text, size_t len)
{
  char *out = malloc(len + 1);
  if (!out)
    return NULL;
  size_t k = 0;
  int32_t i = 0, n = (int32_t)len;
  UChar32 prev = -1;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(text, i, n, c);
    if (c == ' ' && prev >= 0) {
      while (i < n && text[i] == ' ')
        i++;
      int32_t k2 = i;
      UChar32 after;
      U8_NEXT(text, k2, n, after);
      if (space_gap(prev, after) == TEXT_SPACE_GAPS)
        start = i; /* nothing of the run is copied */
    }
    memcpy(out + k, text + start, (size_t)(i - start));
    k += (size_t)(i - start);
    prev = c;
  }
  out[k] = '\0';
  return out;
}

char *gw_zh_normalize(const char *text, size_t len)
{
  if (!text)
    len = 0;
  if (len == 0)
    return dup_str("");
  text_scan scan = scan_for_rules(text, len);
  if (scan == TEXT_SPACE_GAPS)
    return drop_space_gaps(text, len);
  if (scan == TEXT_NORMAL) {
    char *copy = malloc(len + 1);
    if (copy) {
      memcpy(copy, text, len);
      copy[len] = '\0';
    }
    return copy;
  }

  char *result = NULL;
  UChar *u16 = NULL, *nfc = NULL;
  norm_ctx x = {0};
  if (norm_run(&x, text, len, NULL) < 0)
    goto out;

  /* Emit UTF-16: each code point is at most 2 units, doubled at most 4. */
  size_t units = 0;
  for (size_t i = 0; i < x.n; i++) {
    if (x.fl[i] & NF_DEL)
      continue;
    size_t u = (size_t)U16_LENGTH(x.rep[i]);
    units += (x.fl[i] & NF_DBL) ? 2 * u : u;
  }
  if (units > INT32_MAX)
    goto out;
  u16 = malloc((units + 1) * sizeof *u16);
  if (!u16)
    goto out;
  size_t k = 0;
  for (size_t i = 0; i < x.n; i++) {
    if (x.fl[i] & NF_DEL)
      continue;
    int times = (x.fl[i] & NF_DBL) ? 2 : 1;
    while (times--) {
      UBool err = false;
      U16_APPEND(u16, k, units, x.rep[i], err);
      (void)err;
    }
  }

  UErrorCode uerr = U_ZERO_ERROR;
  const UNormalizer2 *nfc_inst = unorm2_getNFCInstance(&uerr);
  if (U_FAILURE(uerr))
    goto out;
  int32_t nfclen = 0;
  nfc = normalize16(nfc_inst, u16, (int32_t)k, &nfclen);
  if (!nfc)
    goto out;
  result = utf16_to_utf8(nfc, nfclen);
out:
  norm_ctx_free(&x);
  free(u16);
  free(nfc);
  return result;
}

/* ------------------------------------------------------------------ */
/* Numerals and dates                                                   */
/* ------------------------------------------------------------------ */

static UNumberFormat *g_numfmt;

/* The "zh" spell-out rules offer %spellout-numbering (the default,
 * 101 -> 一百〇一) and %spellout-cardinal (101 -> 一百零一). Official
 * documents write 零 inside numbers, so the cardinal rule set is used.
 * ICU 72 gives 10 -> 十, 11 -> 十一, 19 -> 十九, 100 -> 一百,
 * 110 -> 一百一十 with both. */
static UNumberFormat *numfmt(void)
{
  if (g_numfmt)
    return g_numfmt;
  if (gw_icu_data_load() < 0)
    return NULL;
  UErrorCode err = U_ZERO_ERROR;
  UNumberFormat *f = unum_open(UNUM_SPELLOUT, NULL, 0, "zh", NULL, &err);
  if (U_FAILURE(err)) {
    if (f)
      unum_close(f);
    return NULL;
  }
  static const UChar rs[] = {'%', 's', 'p', 'e', 'l', 'l', 'o', 'u', 't',
                             '-', 'c', 'a', 'r', 'd', 'i', 'n', 'a', 'l', 0};
  UErrorCode e2 = U_ZERO_ERROR;
  unum_setTextAttribute(f, UNUM_DEFAULT_RULESET, rs, -1, &e2);
  /* On failure the default rule set stays: still a Chinese numeral. */
  g_numfmt = f;
  return f;
}

char *gw_zh_numeral(int n)
{
  char digits[16];
  snprintf(digits, sizeof digits, "%d", n);
  if (n < 1 || n > 9999)
    return dup_str(digits);
  /* One formatter, opened at the first need and used by one thread at a
   * time (a big bulletin is built on two). */
  static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
  pthread_mutex_lock(&lock);
  UNumberFormat *f = numfmt();
  UChar buf[64];
  UErrorCode err = U_ZERO_ERROR;
  int32_t len = f ? unum_format(f, n, buf, 64, NULL, &err) : 0;
  pthread_mutex_unlock(&lock);
  if (!f)
    return dup_str(digits);
  if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING)
    return dup_str(digits);
  return utf16_to_utf8(buf, len);
}

int gw_zh_numeral_value(const char *text, size_t len)
{
  if (len == 0 || len > 64)
    return -1;
  if (text[0] >= '0' && text[0] <= '9') {
    int n = 0;
    for (size_t i = 0; i < len; i++) {
      if (text[i] < '0' || text[i] > '9' || n > 100000)
        return -1;
      n = n * 10 + (text[i] - '0');
    }
    return n;
  }
  /* Heading numbers are small (一 … 九十九, rarely 一百零一): read them
   * digit by digit. ICU's spell-out parser reads them too, but costs
   * about 2 M instructions a call, more than rendering a whole issue. */
  int32_t i = 0, n = (int32_t)len;
  int value = 0, digit = -1, positional = 0, places = 0;
  bool any = false, tens = false;
  while (i < n) {
    UChar32 c;
    U8_NEXT((const uint8_t *)text, i, n, c);
    int d = zh_digit_value(c);
    if (d >= 0) {
      digit = d;
      if (places++ < 6)
        positional = positional * 10 + d;
    } else if (c == 0x5341 || c == 0x767E) { /* 十 百 */
      value += (digit < 0 ? 1 : digit) * (c == 0x5341 ? 10 : 100);
      digit = -1;
      tens = true;
    } else {
      return -1;
    }
    any = true;
  }
  if (!tens && places > 1)
    return places <= 6 ? positional : -1; /* 二〇二一: a year, digit by digit */
  return any ? value + (digit > 0 ? digit : 0) : -1;
}

static bool is_leap(int y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool gw_zh_date_valid(int year, int month, int day)
{
  static const int mdays[12] = {31, 28, 31, 30, 31, 30,
                                31, 31, 30, 31, 30, 31};
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
    return false;
  int dim = mdays[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
  return day <= dim;
}

/* GB/T 9704-2012 7.3.5 fixes the form of a date: Arabic numerals, year,
 * month and day in full, no leading zeros (2021年10月18日). That is what
 * ICU's DateFormat gives for the pattern y年M月d日 in zh_CN (the unit
 * tests check the two agree on every day of several centuries), but
 * opening that formatter loads the locale's calendar, symbols and number
 * data: about a millisecond, a tenth of rendering a bulletin, to print
 * three integers. So the form is composed here. */
char *gw_zh_date(int year, int month, int day)
{
  char text[64];
  snprintf(text, sizeof text, "%d\xE5\xB9\xB4%d\xE6\x9C\x88%d\xE6\x97\xA5", year,
           month, day);
  return dup_str(text);
}

void gw_zh_cleanup(void)
{
  if (g_numfmt) {
    unum_close(g_numfmt);
    g_numfmt = NULL;
  }
}

/* ------------------------------------------------------------------ */
/* Width, folding, distance                                             */
/* ------------------------------------------------------------------ */

/* Width of one code point: 0 for combining marks (Mn, Me), format
 * characters (Cf: ZWSP, ZWJ, ...), other default-ignorable code points
 * and controls; 2 for East Asian Wide, Fullwidth and Ambiguous; else 1.
 * An ill-formed sequence counts 1. */
static size_t cp_width(UChar32 c)
{
  /* The common cases first: printable ASCII, and Han and CJK or
   * full-width punctuation, all East Asian Wide (tables widen cells of
   * thousands of rows through here). */
  if (c >= 0x20 && c < 0x7F)
    return 1;
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303E) ||
      (c >= 0xFF01 && c <= 0xFF60))
    return 2;
  int8_t t = u_charType(c);
  if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK ||
      t == U_FORMAT_CHAR || t == U_CONTROL_CHAR ||
      u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
    return 0;
  int w = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (w == U_EA_WIDE || w == U_EA_FULLWIDTH || w == U_EA_AMBIGUOUS)
    return 2;
  return 1;
}

size_t gw_zh_measure(const char *text, size_t len, size_t *chars)
{
  const uint8_t *s = (const uint8_t *)text;
  size_t i = 0, w = 0, n = 0;
  while (i < len) {
    size_t han_end = skip_han(s, i, len);
    w += 2 * ((han_end - i) / 3);
    n += (han_end - i) / 3;
    if ((i = han_end) == len)
      break;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    w += c < 0 ? 1 : cp_width(c);
    n++;
  }
  *chars = n;
  return w;
}

size_t gw_zh_display_width(const char *text, size_t len)
{
  size_t chars;
  return gw_zh_measure(text, len, &chars);
}

char *gw_zh_fold(const char *text, size_t len)
{
  if (!text)
    len = 0;
  if (len > INT32_MAX)
    return NULL;
  UErrorCode err = U_ZERO_ERROR;
  int32_t need = 0;
  u_strFromUTF8WithSub(NULL, 0, &need, text, (int32_t)len, 0xFFFD, NULL, &err);
  if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
    return NULL;
  UChar *u16 = malloc(((size_t)need + 1) * sizeof *u16);
  if (!u16)
    return NULL;
  err = U_ZERO_ERROR;
  u_strFromUTF8WithSub(u16, need + 1, NULL, text, (int32_t)len, 0xFFFD, NULL,
                       &err);
  char *result = NULL;
  UChar *folded = NULL;
  if (U_FAILURE(err))
    goto out;
  const UNormalizer2 *cf = gw_icu_data_load() == 0 ? unorm2_getNFKCCasefoldInstance(&err) : NULL;
  if (!cf || U_FAILURE(err))
    goto out;
  int32_t flen = 0;
  folded = normalize16(cf, u16, need, &flen);
  if (!folded)
    goto out;
  /* Drop white space in place. */
  int32_t r = 0, w = 0;
  while (r < flen) {
    int32_t at = r;
    UChar32 c;
    U16_NEXT(folded, r, flen, c);
    if (u_isUWhiteSpace(c))
      continue;
    while (at < r)
      folded[w++] = folded[at++];
  }
  result = utf16_to_utf8(folded, w);
out:
  free(u16);
  free(folded);
  return result;
}

/* The Chinese word break iterator, one a thread, opened at its first use
 * and kept: opening one (its rules and dictionary looked up) cost 40 k
 * instructions, a plan's unit names and deadlines ask hundreds of times. */
static pthread_key_t word_breaker_key;
static pthread_once_t word_breaker_once = PTHREAD_ONCE_INIT;

static void close_word_breaker(void *bi) { ubrk_close(bi); }

static void make_word_breaker_key(void)
{
  if (pthread_key_create(&word_breaker_key, close_word_breaker) != 0)
    abort();
}

static UBreakIterator *word_breaker(UErrorCode *err)
{
  pthread_once(&word_breaker_once, make_word_breaker_key);
  UBreakIterator *bi = pthread_getspecific(word_breaker_key);
  if (!bi) {
    bi = ubrk_open(UBRK_WORD, "zh", NULL, 0, err);
    if (U_FAILURE(*err) || pthread_setspecific(word_breaker_key, bi) != 0) {
      ubrk_close(bi);
      return NULL;
    }
  }
  return bi;
}

long gw_zh_word_breaks(const char *text, size_t len, size_t **out)
{
  *out = NULL;
  if (len > INT32_MAX)
    return -1;
  UErrorCode err = U_ZERO_ERROR;
  if (gw_icu_data_load() < 0)
    return -1;
  UText *ut = utext_openUTF8(NULL, text, (int64_t)len, &err);
  UBreakIterator *bi = U_SUCCESS(err) ? word_breaker(&err) : NULL;
  if (bi)
    ubrk_setUText(bi, ut, &err);
  else if (U_SUCCESS(err))
    err = U_MEMORY_ALLOCATION_ERROR;
  long n = -1;
  size_t *v = U_SUCCESS(err) ? malloc((len + 1) * sizeof *v) : NULL;
  if (v) {
    n = 0;
    /* with UTF-8 UText, the native indexes are byte offsets */
    for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi))
      if (b > 0 && (size_t)b < len)
        v[n++] = (size_t)b;
    *out = v;
  }
  if (bi) { /* kept for the next text: let go of this one */
    UErrorCode none = U_ZERO_ERROR;
    ubrk_setText(bi, NULL, 0, &none);
  }
  utext_close(ut);
  return n;
}

size_t gw_zh_stray_tab(const char *text, size_t len)
{
  const char *tab = memchr(text, '\t', len);
  if (!tab || memchr(tab + 1, '\t', len - (size_t)(tab - text) - 1) || tab == text)
    return (size_t)-1;
  int32_t before = (int32_t)(tab - text), after = before + 1, n = (int32_t)len;
  UChar32 prev, next = -1;
  U8_PREV(text, 0, before, prev);
  if (after < n)
    U8_NEXT(text, after, n, next);
  /* 说明⇥见附件1 and 联系人：王小明⇥电话：… are columns; 学校还积极推
   * 进⇥家校共育，… is a sentence cut: the sentence goes on after it */
  size_t after_len = len - (size_t)(tab - text) - 1;
  size_t before_len = (size_t)(tab - text);
  bool sentence = (memmem(tab + 1, after_len, "，", 3) || memmem(tab + 1, after_len, "。", 3)) &&
                  gw_zh_count_chars(text, before_len) >= 3 && !memmem(text, before_len, "：", 3) &&
                  !memchr(text, ':', before_len);
  return sentence && gw_zh_is_han(prev) && next >= 0 && gw_zh_is_han(next)
             ? (size_t)(tab - text)
             : (size_t)-1;
}

bool gw_zh_find_emoji(const char *text, size_t len, size_t *at, size_t *n)
{
  /* emoji shown as pictures lie past U+1F000 (four bytes, lead F0) or
   * among the symbols from U+2300 (lead E2, then 8C or more): the
   * quotes and dashes of Chinese text (U+2000-22FF) are passed over at
   * a byte's cost, and most text has neither */
  const uint8_t *s = (const uint8_t *)text, *end = s + len, *p = s;
  const uint8_t *f0 = memchr(s, 0xF0, len);
  for (;;) {
    const uint8_t *e2 = memchr(p, 0xE2, (size_t)(end - p));
    const uint8_t *c = !e2 ? f0 : !f0 ? e2 : e2 < f0 ? e2 : f0;
    if (!c)
      return false;
    if (c == e2 && (c + 1 >= end || c[1] < 0x8C)) {
      p = c + 1;
      continue;
    }
    size_t start = (size_t)(c - s), i = start;
    UChar32 cp;
    U8_NEXT(s, i, len, cp);
    p = s + i;
    if (c == f0)
      f0 = memchr(p, 0xF0, (size_t)(end - p));
    if (cp < 0 || (cp >= 0x3000 && cp < 0x1F000))
      continue;
    if (gw_icu_data_load() < 0) /* ICU's emoji data, only now */
      return false;
    if (u_hasBinaryProperty(cp, UCHAR_EMOJI_PRESENTATION)) {
      *at = start;
      *n = i - start;
      return true;
    }
  }
}

/* See zh.h. */
bool gw_zh_abbreviates(const char *abbr, const char *full)
{
  const uint8_t *a = (const uint8_t *)abbr, *f = (const uint8_t *)full;
  int32_t al = (int32_t)strlen(abbr), fl = (int32_t)strlen(full), ai = 0, fi = 0;
  int32_t matched = 0, a_chars = 0;
  UChar32 ac = -1, fc = -1, a_last = -1, f_last = -1;
  if (al == 0 || al >= fl)
    return false;
  while (ai < al) {
    U8_NEXT(a, ai, al, ac);
    a_chars++;
    a_last = ac;
    bool found = false;
    while (fi < fl && !found) {
      U8_NEXT(f, fi, fl, fc);
      found = fc == ac;
      if (matched == 0 && !found)
        return false; /* the first characters differ */
    }
    if (!found)
      return false;
    matched++;
  }
  int32_t k = fl;
  U8_BACK_1(f, 0, k);
  U8_GET(f, 0, k, fl, f_last);
  /* 区残联 for 区残疾人联合会, 县委编办 for …编制委员会办公室, 科协 for
   * 科学技术协会: the short form ends with the head of the last word */
  static const struct {
    const char *ending;
    UChar32 head;
  } words[] = {{"联合会", 0x8054 /* 联 */}, {"办公室", 0x529E /* 办 */},
               {"协会", 0x534F /* 协 */}, {"委员会", 0x59D4 /* 委 */}};
  bool head_of_last = false;
  for (size_t w = 0; w < sizeof words / sizeof words[0] && !head_of_last; w++) {
    size_t n = strlen(words[w].ending);
    head_of_last = (size_t)fl > n && memcmp(full + fl - n, words[w].ending, n) == 0 &&
                   a_last == words[w].head;
  }
  return a_chars >= 2 && (a_last == f_last || head_of_last);
}

size_t gw_zh_distance(const char *a, const char *b)
{
  size_t la = a ? strlen(a) : 0, lb = b ? strlen(b) : 0;
  UChar32 *ca = malloc((la + 1) * sizeof *ca);
  UChar32 *cb = malloc((lb + 1) * sizeof *cb);
  size_t *row = NULL;
  size_t result = 0;
  if (!ca || !cb)
    goto fail;
  size_t n = decode(a ? a : "", la, ca, NULL);
  size_t m = decode(b ? b : "", lb, cb, NULL);
  /* Keep the row over the shorter string: O(min(n, m)) memory. */
  if (m > n) {
    UChar32 *t = ca;
    ca = cb;
    cb = t;
    size_t tn = n;
    n = m;
    m = tn;
  }
  row = malloc((m + 1) * sizeof *row);
  if (!row)
    goto fail;
  for (size_t j = 0; j <= m; j++)
    row[j] = j;
  for (size_t i = 1; i <= n; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= m; j++) {
      size_t up = row[j];
      size_t best = diag + (ca[i - 1] == cb[j - 1] ? 0 : 1);
      if (up + 1 < best)
        best = up + 1;
      if (row[j - 1] + 1 < best)
        best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  result = row[m];
  free(ca);
  free(cb);
  free(row);
  return result;
fail:
  /* Out of memory: a safe upper bound. */
  free(ca);
  free(cb);
  free(row);
  return la > lb ? la : lb;
}

long gw_zh_nearest(const char *name, const char *const *names, size_t n, size_t most)
{
  long best = -1;
  size_t best_d = most + 1;
  for (size_t i = 0; i < n; i++) {
    size_t d = gw_zh_distance(name, names[i]);
    if (d < best_d) {
      best_d = d;
      best = (long)i;
    }
  }
  return best;
}

/* ------------------------------------------------------------------ */
/* Normalisation as edits (for lint)                                    */
/* ------------------------------------------------------------------ */

/* The edits below reuse the passes of gw_zh_normalize: the same
 * norm_ctx, the same rules, so the edits cannot drift from the
 * function. Each code point either stays, is replaced (rep != cp), is
 * doubled (NF_DBL, the head of a dash/ellipsis run whose tail is
 * NF_DEL), or is removed (NF_DEL spaces). NFC is computed separately on
 * the input, one normalisation segment (ICU's hasBoundaryBefore) at a
 * time, trimmed to the code points that actually change. */

typedef struct {
  gw_zh_edit e;
  char buf[16];    /* replacement for the punctuation edits */
  char *heap;      /* replacement for NFC edits (malloc'ed) */
} edit_rec;

typedef struct {
  edit_rec *v;
  size_t n, cap;
} edit_vec;

static int edit_push(edit_vec *ev, gw_zh_edit_kind kind, size_t off,
                     size_t len, const char *repl, size_t repl_len)
{
  if (ev->n == ev->cap) {
    size_t cap = ev->cap ? ev->cap * 2 : 16;
    edit_rec *v = realloc(ev->v, cap * sizeof *v);
    if (!v)
      return -1;
    ev->v = v;
    ev->cap = cap;
  }
  edit_rec *r = &ev->v[ev->n];
  memset(r, 0, sizeof *r);
  r->e.kind = kind;
  r->e.offset = off;
  r->e.len = len;
  if (repl_len < sizeof r->buf) {
    memcpy(r->buf, repl, repl_len);
    r->e.repl_len = repl_len;
  } else {
    r->heap = malloc(repl_len + 1);
    if (!r->heap)
      return -1;
    memcpy(r->heap, repl, repl_len);
    r->e.repl_len = repl_len;
  }
  ev->n++;
  return 0;
}

static void edit_vec_free(edit_vec *ev)
{
  for (size_t i = 0; i < ev->n; i++)
    free(ev->v[i].heap);
  free(ev->v);
}

/* UTF-8 of one code point repeated `times` into out (>= 8 bytes). */
static size_t put_cp(char *out, UChar32 c, int times)
{
  size_t k = 0;
  while (times--) {
    UBool err = false;
    U8_APPEND((uint8_t *)out, k, 8, c, err);
    (void)err;
  }
  return k;
}

/* NFC edits of buf[0..len) into ev: one per segment that changes. */
static int nfc_edits(const char *buf, size_t len, const UChar32 *cp,
                     const size_t *offs, size_t n, edit_vec *ev)
{
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
  if (U_FAILURE(err))
    return -1;
  size_t i = 0;
  while (i < n) {
    size_t j = i + 1;
    while (j < n && !unorm2_hasBoundaryBefore(nfc, cp[j]))
      j++;
    /* Fast path: one code point that is NFC by itself. */
    if (j == i + 1 && (cp[i] < 0x300 || unorm2_isInert(nfc, cp[i]))) {
      i = j;
      continue;
    }
    size_t b0 = offs[i], b1 = j < n ? offs[j] : len;
    UChar stack16[64];
    UChar *u16 = stack16;
    size_t cap16 = 2 * (j - i) + 1;
    if (cap16 > 64 && !(u16 = malloc(cap16 * sizeof *u16)))
      return -1;
    int32_t k = 0;
    for (size_t p = i; p < j; p++) {
      UBool e2 = false;
      U16_APPEND(u16, k, (int32_t)cap16, cp[p], e2);
      (void)e2;
    }
    UErrorCode e3 = U_ZERO_ERROR;
    if (!unorm2_isNormalized(nfc, u16, k, &e3) && U_SUCCESS(e3)) {
      int32_t outlen = 0;
      UChar *out = normalize16(nfc, u16, k, &outlen);
      char *s8 = out ? utf16_to_utf8(out, outlen) : NULL;
      free(out);
      if (!s8) {
        if (u16 != stack16)
          free(u16);
        return -1;
      }
      /* Trim the bytes common to both ends, at code point boundaries. */
      size_t olen = strlen(s8), pre = 0, suf = 0;
      const char *orig = buf + b0;
      size_t ilen = b1 - b0;
      while (pre < olen && pre < ilen && s8[pre] == orig[pre])
        pre++;
      while (pre > 0 && U8_IS_TRAIL((uint8_t)orig[pre]))
        pre--;
      while (suf < olen - pre && suf < ilen - pre &&
             s8[olen - 1 - suf] == orig[ilen - 1 - suf])
        suf++;
      while (suf > 0 && U8_IS_TRAIL((uint8_t)orig[ilen - suf]))
        suf--;
      int rc = edit_push(ev, GW_ZH_EDIT_NFC, b0 + pre, ilen - pre - suf,
                         s8 + pre, olen - pre - suf);
      free(s8);
      if (rc < 0) {
        if (u16 != stack16)
          free(u16);
        return -1;
      }
    }
    if (u16 != stack16)
      free(u16);
    i = j;
  }
  return 0;
}

static int cmp_edit(const void *a, const void *b)
{
  const edit_rec *x = a, *y = b;
  if (x->e.offset != y->e.offset)
    return x->e.offset < y->e.offset ? -1 : 1;
  /* Punctuation edits before NFC edits at the same place. */
  return (x->e.kind == GW_ZH_EDIT_NFC) - (y->e.kind == GW_ZH_EDIT_NFC);
}

int gw_zh_normalize_edits(const char *text, size_t len, gw_zh_edit_cb cb,
                          void *ctx)
{
  if (!text || len == 0)
    return 0;
  int rc = -1;
  norm_ctx x = {0};
  edit_vec ev = {0};
  size_t *offs = malloc((len + 1) * sizeof *offs);
  if (!offs || norm_run(&x, text, len, offs) < 0)
    goto out;
  const UChar32 *cp = x.cp;

  for (size_t i = 0; i < x.n;) {
    char buf[16];
    if (x.fl[i] & NF_DBL) {
      size_t j = i + 1;
      while (j < x.n && (x.fl[j] & NF_DEL) && cp[j] == cp[i])
        j++;
      size_t bl = put_cp(buf, x.rep[i], 2);
      if (edit_push(&ev, x.rep[i] == 0x2014 ? GW_ZH_EDIT_DASH
                                            : GW_ZH_EDIT_ELLIPSIS,
                    offs[i], offs[j] - offs[i], buf, bl) < 0)
        goto out;
      i = j;
    } else if (x.fl[i] & NF_DEL) {
      size_t j = i + 1;
      while (j < x.n && (x.fl[j] & NF_DEL) && !(x.fl[j] & NF_DBL) &&
             (cp[j] == ' ' || cp[j] == '\t'))
        j++;
      if (edit_push(&ev, GW_ZH_EDIT_SPACE, offs[i], offs[j] - offs[i], "",
                    0) < 0)
        goto out;
      i = j;
    } else if (x.fl[i] & NF_WIDE) {
      /* a run of full-width digits is one edit: ２０２１ -> 2021 */
      size_t j = i, bl = 0;
      while (j < x.n && (x.fl[j] & NF_WIDE) && x.rep[j] == cp[j] && bl < sizeof buf - 1)
        buf[bl++] = (char)cp[j++];
      if (j == i) { /* converted further by a later rule: its own edit */
        size_t cl = put_cp(buf, x.rep[i], 1);
        if (edit_push(&ev, GW_ZH_EDIT_PUNCT_WIDTH, offs[i], offs[i + 1] - offs[i], buf, cl) < 0)
          goto out;
        i++;
        continue;
      }
      if (edit_push(&ev, GW_ZH_EDIT_WIDTH, offs[i], offs[j] - offs[i], buf, bl) < 0)
        goto out;
      i = j;
    } else if (x.rep[i] != cp[i]) {
      UChar32 r = x.rep[i];
      bool q = r == 0x201C || r == 0x201D || r == 0x2018 || r == 0x2019;
      size_t bl = put_cp(buf, r, 1);
      if (edit_push(&ev, q ? GW_ZH_EDIT_QUOTES : GW_ZH_EDIT_PUNCT_WIDTH,
                    offs[i], offs[i + 1] - offs[i], buf, bl) < 0)
        goto out;
      i++;
    } else {
      i++;
    }
  }
  size_t punct_n = ev.n;
  if (nfc_edits(text, len, cp, offs, x.n, &ev) < 0)
    goto out;
  if (ev.n > punct_n)
    qsort(ev.v, ev.n, sizeof *ev.v, cmp_edit);
  rc = 0;
  size_t end = 0;
  for (size_t i = 0; i < ev.n && rc == 0; i++) {
    edit_rec *r = &ev.v[i];
    /* An NFC change that overlaps a punctuation edit is dropped (the
     * punctuation characters are NFC-inert; this needs a combining mark
     * on a converted character). */
    if (i > 0 && r->e.offset < end)
      continue;
    r->e.repl = r->heap ? r->heap : r->buf;
    end = r->e.offset + r->e.len;
    rc = cb(&r->e, ctx);
  }
out:
  edit_vec_free(&ev);
  free(offs);
  norm_ctx_free(&x);
  return rc;
}

/* ------------------------------------------------------------------ */
/* Traditional characters (ICU Hant-Hans)                               */
/* ------------------------------------------------------------------ */

#include <unicode/utrans.h>

static UTransliterator *g_hant_hans;

static UTransliterator *hant_hans(void)
{
  if (g_hant_hans)
    return g_hant_hans;
  if (gw_icu_data_load() < 0)
    return NULL;
  static const UChar id[] = {'H', 'a', 'n', 't', '-', 'H', 'a', 'n', 's', 0};
  UErrorCode err = U_ZERO_ERROR;
  UTransliterator *t =
      utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
  if (U_FAILURE(err)) {
    if (t)
      utrans_close(t);
    return NULL;
  }
  g_hant_hans = t;
  return t;
}

void gw_zh_traditional_cleanup(void)
{
  if (g_hant_hans) {
    utrans_close(g_hant_hans);
    g_hant_hans = NULL;
  }
}

/* Transliterate one code point; returns the UTF-16 length of the result
 * in out (capacity cap), or -1. */
static int32_t trans_one(UTransliterator *t, UChar32 c, UChar *out,
                         int32_t cap)
{
  int32_t k = 0;
  UBool e = false;
  U16_APPEND(out, k, cap, c, e);
  if (e)
    return -1;
  int32_t lim = k;
  UErrorCode err = U_ZERO_ERROR;
  utrans_transUChars(t, out, &k, cap, 0, &lim, &err);
  return U_FAILURE(err) ? -1 : lim;
}

/* One run of Han characters, cps[0..n) at byte offsets offs[0..n]
 * (offs[n] = end): transliterated as a whole, so that the
 * transliterator's context rules apply (著名 keeps 著); compared
 * position by position when the count of characters is unchanged,
 * else character by character. */
static int trad_run(UTransliterator *t, const UChar32 *cps, const size_t *offs,
                    size_t n, gw_zh_edit_cb cb, void *ctx)
{
  int32_t cap = (int32_t)(4 * n + 16);
  UChar *u = malloc((size_t)cap * sizeof *u);
  UChar32 *out = malloc((2 * n + 8) * sizeof *out);
  int rc = 0;
  if (!u || !out) {
    rc = -1;
    goto done;
  }
  int32_t k = 0;
  for (size_t i = 0; i < n; i++) {
    UBool e = false;
    U16_APPEND(u, k, cap, cps[i], e);
    (void)e;
  }
  int32_t lim = k;
  UErrorCode err = U_ZERO_ERROR;
  utrans_transUChars(t, u, &k, cap, 0, &lim, &err);
  size_t m = 0;
  if (U_SUCCESS(err)) {
    int32_t r = 0;
    while (r < lim && m < 2 * n + 8) {
      UChar32 c;
      U16_NEXT(u, r, lim, c);
      out[m++] = c;
    }
  }
  bool whole = U_SUCCESS(err) && m == n;
  for (size_t i = 0; i < n && rc == 0; i++) {
    UChar one[32];
    int32_t ol;
    if (whole) {
      if (out[i] == cps[i])
        continue;
      /* Only a character that is traditional by itself: 巡察 becomes
       * 巡查 in context, but 察 alone is a simplified character. */
      ol = trans_one(t, cps[i], one, 32);
      int32_t q = 0;
      UChar32 d = -1;
      if (ol > 0)
        U16_NEXT(one, q, ol, d);
      if (ol < 0 || (ol == U16_LENGTH(cps[i]) && d == cps[i]))
        continue;
      ol = 0;
      UBool e = false;
      U16_APPEND(one, ol, 32, out[i], e);
      (void)e;
    } else {
      ol = trans_one(t, cps[i], one, 32);
      if (ol < 0)
        continue;
      int32_t q = 0;
      UChar32 d;
      U16_NEXT(one, q, ol, d);
      if (ol == U16_LENGTH(cps[i]) && d == cps[i])
        continue;
    }
    char *s8 = utf16_to_utf8(one, ol);
    if (!s8) {
      rc = -1;
      break;
    }
    gw_zh_edit e = {GW_ZH_EDIT_PUNCT_WIDTH, offs[i], offs[i + 1] - offs[i], s8,
                    strlen(s8)};
    rc = cb(&e, ctx);
    free(s8);
  }
done:
  free(u);
  free(out);
  return rc;
}

/* Runs longer than this are cut (the rules' context is a few characters). */
enum { TRAD_RUN_MAX = 4096 };

int gw_zh_traditional(const char *text, size_t len, gw_zh_edit_cb cb,
                      void *ctx)
{
  if (!text || len == 0)
    return 0;
  UTransliterator *t = hant_hans();
  if (!t)
    return -1;
  UChar32 *cps = malloc(TRAD_RUN_MAX * sizeof *cps);
  size_t *offs = malloc((TRAD_RUN_MAX + 1) * sizeof *offs);
  if (!cps || !offs) {
    free(cps);
    free(offs);
    return -1;
  }
  const uint8_t *s = (const uint8_t *)text;
  size_t i = 0, n = 0;
  int rc = 0;
  while (rc == 0) {
    size_t at = i;
    UChar32 c = -1;
    if (i < len)
      U8_NEXT(s, i, len, c);
    bool han = c >= 0 && gw_zh_is_han(c);
    if (han && n < TRAD_RUN_MAX) {
      cps[n] = c;
      offs[n++] = at;
      continue;
    }
    if (n) {
      offs[n] = at;
      rc = trad_run(t, cps, offs, n, cb, ctx);
      n = 0;
    }
    if (han) {
      cps[n] = c;
      offs[n++] = at;
    }
    if (at >= len)
      break;
  }
  free(cps);
  free(offs);
  return rc;
}

/* ------------------------------------------------------------------ */
/* Brackets and quotes without their partners                          */
/* ------------------------------------------------------------------ */

typedef struct {
  UChar32 open, close, alt_open, alt_close;
  const char *name; /* 引号: named 左引号“ and 右引号” */
} mark_pair;

static const mark_pair mark_pairs[] = {
    {0xFF08, 0xFF09, '(', ')', "括号"},   {0xFF3B, 0xFF3D, '[', ']', "方括号"},
    {0x3010, 0x3011, 0, 0, "方头括号"},   {0x3014, 0x3015, 0, 0, "六角括号"},
    {0x300A, 0x300B, 0, 0, "书名号"},     {0x3008, 0x3009, 0, 0, "单书名号"},
    {0x300C, 0x300D, 0, 0, "直角引号"},   {0x300E, 0x300F, 0, 0, "双直角引号"},
    {0x201C, 0x201D, 0, 0, "引号"},       {0x2018, 0x2019, 0, 0, "单引号"},
    {0x3016, 0x3017, 0, 0, "空心方头括号"},
};

/* Which pair c belongs to (-1: none), and whether it opens. */
static int mark_pair_of(UChar32 c, bool *open)
{
  /* most characters are none of them: three ranges hold all the marks */
  if (!(c == '(' || c == ')' || c == '[' || c == ']' || (c >= 0x2018 && c <= 0x201D) ||
        (c >= 0x3008 && c <= 0x3017) || (c >= 0xFF08 && c <= 0xFF3D)))
    return -1;
  for (size_t k = 0; k < sizeof mark_pairs / sizeof mark_pairs[0]; k++) {
    if (c == mark_pairs[k].open || (mark_pairs[k].alt_open && c == mark_pairs[k].alt_open)) {
      *open = true;
      return (int)k;
    }
    if (c == mark_pairs[k].close || (mark_pairs[k].alt_close && c == mark_pairs[k].alt_close)) {
      *open = false;
      return (int)k;
    }
  }
  return -1;
}

static UChar32 code_point_at(const char *s, size_t len, size_t i)
{
  if (i >= len)
    return -1;
  UChar32 c;
  int32_t k = 0;
  U8_NEXT(s + i, k, (int32_t)(len - i < 4 ? len - i : 4), c);
  return c;
}

static bool latin_letter(UChar32 c)
{
  return c >= 0 && u_isalpha(c) && !gw_zh_is_han(c);
}

/* Do one to three ASCII letters or digits, standing on their own, end
 * at `at` (the 2 of "；2）定期调度", an enumerator's closing bracket)? */
static bool enumerator_before(const char *text, size_t at)
{
  size_t j = 0;
  while (j < 3 && j < at && isalnum((unsigned char)text[at - j - 1]))
    j++;
  return j > 0 && (j == at || !isalnum((unsigned char)text[at - j - 1]));
}

size_t gw_zh_each_unpaired(const char *text, size_t len, size_t marker_len,
                           int (*fn)(const gw_zh_unpaired *u, void *ctx), void *ctx)
{
  const uint8_t *s = (const uint8_t *)text;
  gw_zh_unpaired fixed[16], *stack = fixed;
  size_t depth = 0, cap = sizeof fixed / sizeof fixed[0], found = 0;
  bool stop = false;
  /* Every mark's UTF-8 starts with one of these bytes, and no Han
   * character's does: strcspn (vectorised in libc) skips the rest. */
  static const char leads[] = "\xE2\xE3\xEF()[]";
  bool terminated = text[len] == '\0';
  for (size_t i = 0; i < len && !stop;) {
    if (terminated) {
      i += strcspn(text + i, leads);
      if (i >= len)
        break;
    }
    size_t at = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    bool open = false;
    int kind = mark_pair_of(c, &open);
    if (kind < 0)
      continue;
    /* ’ inside a word is an apostrophe (don’t), not in 以‘百日行动’为 */
    if (c == 0x2019) {
      int32_t back = (int32_t)at;
      UChar32 prev = -1;
      if (back > 0)
        U8_PREV(s, 0, back, prev);
      if (latin_letter(prev) && latin_letter(code_point_at(text, len, i)))
        continue;
    }
    if (at < marker_len)
      continue;
    gw_zh_unpaired u = {at, open, c, kind};
    if (open) {
      if (depth == cap) {
        gw_zh_unpaired *grown = malloc(2 * cap * sizeof *grown);
        if (!grown)
          break;
        memcpy(grown, stack, depth * sizeof *stack);
        if (stack != fixed)
          free(stack);
        stack = grown;
        cap *= 2;
      }
      stack[depth++] = u;
      continue;
    }
    size_t k = depth;
    while (k > 0 && stack[k - 1].kind != kind)
      k--;
    if (k == 0) {
      if (enumerator_before(text, at))
        continue; /* 主要做法有：1）建立台账；2）定期调度 */
      found++;
      stop = fn(&u, ctx) != 0;
      continue;
    }
    /* openers above the match were never closed */
    for (size_t j = k; j < depth && !stop; j++, found++)
      stop = fn(&stack[j], ctx) != 0;
    depth = k - 1;
  }
  for (size_t j = 0; j < depth && !stop; j++) {
    /* “ opening a paragraph of a quotation that runs on: each paragraph
     * opens with “, only the last closes (GB/T 15834) */
    if (stack[j].mark == 0x201C && stack[j].at == marker_len)
      continue;
    found++;
    stop = fn(&stack[j], ctx) != 0;
  }
  if (stack != fixed)
    free(stack);
  return found;
}

static void name_mark(char *out, size_t size, int kind, bool open, UChar32 c)
{
  char mark[8];
  int32_t k = 0;
  UBool err = false;
  U8_APPEND((uint8_t *)mark, k, (int32_t)sizeof mark - 1, c, err);
  mark[err ? 0 : k] = '\0';
  snprintf(out, size, "%s%s%s", open ? "左" : "右", mark_pairs[kind].name, mark);
}

void gw_zh_unpaired_names(const gw_zh_unpaired *u, char *mark, size_t mark_size, char *partner,
                          size_t partner_size)
{
  const mark_pair *p = &mark_pairs[u->kind];
  name_mark(mark, mark_size, u->kind, u->open, u->mark);
  name_mark(partner, partner_size, u->kind, !u->open, u->open ? p->close : p->open);
}

size_t gw_zh_paren_marker_len(const char *text, size_t len)
{
  size_t k = 0;
  while (k < len && k < 3 && isalnum((unsigned char)text[k]))
    k++;
  if (k == 0 || k >= len)
    return 0;
  UChar32 d = code_point_at(text, len, k);
  if (d == ')')
    return k + 1;
  return d == 0xFF09 ? k + 3 : 0; /* ） is three bytes */
}
