/* zh.h - Chinese text rules built on ICU: validation, normalisation,
 * font slots, numerals, dates, display width.
 *
 * All strings are UTF-8. Functions that return a string return a
 * malloc'ed, NUL-terminated buffer the caller frees with free(); they
 * return NULL only when out of memory. */
#ifndef GW_ZH_H
#define GW_ZH_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

/* Check that buf[0..len) is well-formed UTF-8 with no character that
 * XML 1.0 forbids (C0 controls except TAB/LF/CR, U+FFFE, U+FFFF,
 * surrogates). Returns true when valid; otherwise false and sets
 * *bad_offset to the byte offset of the first bad sequence and
 * *bad_is_xml to true when the bytes were valid UTF-8 but the character
 * is not allowed in XML. */
bool gw_zh_validate_utf8(const char *buf, size_t len, size_t *bad_offset,
                         bool *bad_is_xml);

/* Number of code points in buf[0..len) (for editor columns). */
size_t gw_zh_count_chars(const char *buf, size_t len);

/* Font slot of a piece of text. */
typedef enum {
  GW_SLOT_EAST_ASIA, /* Han, kana, full-width forms, CJK punctuation */
  GW_SLOT_LATIN      /* ASCII letters, digits, Latin punctuation */
} gw_slot;

/* One run of characters sharing a slot. `hint_east_asia` is true when
 * the run holds characters shared by Chinese and Western text
 * (“ ” ‘ ’ — … · ：) that must take the eastAsia font: the writer then
 * adds w:hint="eastAsia". */
typedef struct {
  size_t offset; /* byte offset into the input */
  size_t len;    /* byte length */
  gw_slot slot;
  bool hint_east_asia;
  bool xml_clean; /* well-formed, and no character XML forbids */
} gw_slot_run;

/* Called once per run, in order. Return non-zero to stop. */
typedef int (*gw_slot_cb)(const gw_slot_run *run, void *ctx);

/* Split text into runs that change only where the font class changes.
 * Spaces and neutral characters join the run before them (or after, at
 * the start). Returns the first non-zero callback value, else 0. */
int gw_zh_slot_runs(const char *text, size_t len, gw_slot_cb cb, void *ctx);

/* Is code point c a Han character (ICU's script property)? */
bool gw_zh_is_han(int32_t c);

/* Would gw_zh_normalize return `text` unchanged? (The common case,
 * decided without allocating: callers can then copy it themselves.) */
bool gw_zh_is_normal(const char *text, size_t len);

/* Normalise text in Chinese context (see source-format and issue 4):
 * ASCII , . : ; ? ! ( ) next to Chinese become full width; straight
 * quotes become paired “” ‘’; `--` or a lone — becomes ——; `...` becomes
 * ……; spaces between Chinese and digits/Latin are removed; NFC. Never
 * inside URLs, e-mail addresses or numbers such as 0351-4184708 or 7.5.
 * Returns a new string. */
char *gw_zh_normalize(const char *text, size_t len);

/* Chinese numeral for n (1..9999) from ICU's spellout rules:
 * 1 -> 一, 10 -> 十, 11 -> 十一, 99 -> 九十九. Returns a new string. */
char *gw_zh_numeral(int n);

/* The value of a numeral: ASCII digits (12) or Chinese (十二, 一百零一),
 * or Chinese digits one by one as years are written (二〇二一); -1 when
 * text[0..len) is not one whole. */
int gw_zh_numeral_value(const char *text, size_t len);

/* Is (year, month, day) a real calendar date? */
bool gw_zh_date_valid(int year, int month, int day);

/* Format a date as GB/T 9704 writes it: 2021年10月18日 (no zero padding).
 * Returns a new string. */
char *gw_zh_date(int year, int month, int day);

/* Display width in columns of half a Chinese character: East Asian
 * Wide/Fullwidth (and Ambiguous) characters count 2, others 1,
 * combining marks 0. */
size_t gw_zh_display_width(const char *text, size_t len);
/* The same width, and the number of code points in *chars: one pass
 * where a caller needs both (the page estimate and the statistics). */
size_t gw_zh_measure(const char *text, size_t len, size_t *chars);

/* NFKC case-fold and drop white space, for comparing unit names whose
 * width or spacing differ. Returns a new string. */
char *gw_zh_fold(const char *text, size_t len);

/* Word boundaries of text[0..len) (ICU's word break rules, with its
 * dictionary for Chinese): byte offsets, strictly inside the text, in
 * order. Returns how many, with *out malloc'ed (free it); -1 on failure. */
long gw_zh_word_breaks(const char *text, size_t len, size_t **out);
/* The offset of the one tab in text[0..len) (a line, or a piece of
 * one) when it stands between two Han characters inside a sentence: at
 * least three characters and no colon before it, a ，or 。 after it. A
 * stray tab from Word, no column. (size_t)-1 when there is none or more
 * than one. */
size_t gw_zh_stray_tab(const char *text, size_t len);

/* Is `abbr` a short form of `full` (县发改局 of 县发展改革局): its
 * characters appear in `full` in order, the first and the last matching
 * the first and the last of `full`, and `abbr` is shorter? */
bool gw_zh_abbreviates(const char *abbr, const char *full);

/* The first emoji of text[0..len) (👍, ✊: Emoji_Presentation, shown as a
 * picture, which the official fonts have no glyph for), as its byte
 * offset and length; false when there is none. */
bool gw_zh_find_emoji(const char *text, size_t len, size_t *at, size_t *n);

/* Edit distance in code points between two strings (for "did you mean"). */
size_t gw_zh_distance(const char *a, const char *b);

/* The index of the name among names[0..n) nearest to `name` by
 * gw_zh_distance, at most `most` edits away (the first of equals), or
 * -1: the "did you mean" of an unknown key. */
long gw_zh_nearest(const char *name, const char *const *names, size_t n, size_t most);

/* Free the ICU objects cached on first use (the numeral
 * formatter). Call once at exit; the module stays usable afterwards
 * (objects are re-created on demand). */
void gw_zh_cleanup(void);

/* Give ICU its data (icu_data.c), before the first call of a service
 * that reads it: word breaks, spell-out numerals, Hant-Hans, NFKC case
 * folding. NFC and character properties are built into ICU's code, so
 * most documents never need it. Needed by the release binary, which
 * links ICU's code statically; a no-op in other builds. Loads once;
 * returns 0, or -1 after printing why (once). */
int gw_icu_data_load(void);

/* A bracket or quote in a text without its partner. */
typedef struct {
  size_t at;    /* byte offset of the mark */
  bool open;    /* an opening mark never closed; else a closing one never opened */
  int32_t mark; /* the code point as written: （ or ( */
  int kind;     /* which pair, for gw_zh_unpaired_names */
} gw_zh_unpaired;

/* Call fn for each unpaired bracket or quote in text[0..len): closing
 * marks with no opener as they come, then the openers never closed.
 * Marks within the first marker_len bytes belong to a list marker (1）
 * （一）) and are passed over, as is the ） of an enumerator within the
 * text (：1）建立台账；2）…) and a “ opening the text never closed (a
 * quotation of several paragraphs closes only in its last); ’ between
 * Latin letters is an apostrophe.
 * Fastest when text[len] is a NUL (as arena strings and gw_buf are). Stops
 * when fn returns nonzero. Returns the number found. */
size_t gw_zh_each_unpaired(const char *text, size_t len, size_t marker_len,
                           int (*fn)(const gw_zh_unpaired *u, void *ctx), void *ctx);

/* Length of a 1） or a） marker at the start of text (its bracket has no
 * partner), or 0: the marker_len of gw_zh_each_unpaired. */
size_t gw_zh_paren_marker_len(const char *text, size_t len);

/* The mark and the partner it lacks, named as messages cite them:
 * "左括号（" and "右括号）". */
void gw_zh_unpaired_names(const gw_zh_unpaired *u, char *mark, size_t mark_size, char *partner,
                          size_t partner_size);

/* ------------------------------------------------------------------ */
/* Edits (for `gwdoc lint`)                                             */
/* ------------------------------------------------------------------ */

/* What one normalisation edit does. */
typedef enum {
  GW_ZH_EDIT_PUNCT_WIDTH, /* , . : ; ? ! ( ) -> full width */
  GW_ZH_EDIT_QUOTES,      /* straight quote -> “ ” ‘ ’ */
  GW_ZH_EDIT_DASH,        /* -- or a lone — -> —— */
  GW_ZH_EDIT_ELLIPSIS,    /* ... or a lone … -> …… */
  GW_ZH_EDIT_SPACE,       /* space between Han and a digit/Latin removed */
  GW_ZH_EDIT_WIDTH,       /* full-width digit or letter -> ASCII */
  GW_ZH_EDIT_NFC          /* a sequence not in NFC */
} gw_zh_edit_kind;

/* Replace text[offset, offset + len) by repl[0..repl_len). `repl` is
 * valid only during the callback. */
typedef struct {
  gw_zh_edit_kind kind;
  size_t offset, len;
  const char *repl;
  size_t repl_len;
} gw_zh_edit;

typedef int (*gw_zh_edit_cb)(const gw_zh_edit *edit, void *ctx);

/* The changes gw_zh_normalize(text, len) makes, reported as edits of the
 * input, in increasing offset, never overlapping, at code point
 * boundaries. Applying them all gives gw_zh_normalize's result. Returns
 * the first non-zero callback value, 0 when done, -1 when out of memory.
 * Linear in len. */
int gw_zh_normalize_edits(const char *text, size_t len, gw_zh_edit_cb cb,
                          void *ctx);

/* Traditional characters: ICU's "Hant-Hans" transliterator, applied to
 * each run of Han characters as a whole (its context rules keep 著 in
 * 著名, 乾 in 乾坤). Calls cb once per character that the transliterator
 * changes both in its context and on its own (察 is kept in 巡察 although
 * ICU's context rules give 巡查), with the character's byte range and its
 * simplified form (edit->kind is not meaningful here). Returns the first non-zero callback value, 0, or -1
 * when ICU's transliterator is not available or memory runs out. */
int gw_zh_traditional(const char *text, size_t len, gw_zh_edit_cb cb,
                      void *ctx);

/* Free the transliterator cached by gw_zh_traditional (re-created on
 * demand). */
void gw_zh_traditional_cleanup(void);

#endif
