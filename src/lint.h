/* lint.h - `gwdoc lint SOURCE... [--fix] [--werror]`: report the Chinese
 * text rules at their exact place in the source, and fix the mechanical
 * ones in place.
 *
 * Rules (name in brackets at the end of each message) and severities:
 *   warning, fixed by --fix:
 *     [punct-width] [quotes] [dash] [ellipsis] [cjk-space] [nfc]
 *         the normalisations of gw_zh_normalize, one finding per change
 *     [year-bracket]   [2021] (2021) 【2021】 in 期号/文号 -> 〔2021〕
 *     [list-marker]    1、 at the start of a paragraph or heading -> 1.
 *     [fullwidth-digit] ２０２１ -> 2021
 *   warning, reported only:
 *     [heading-level]  a number for another level (（一） on a ## heading)
 *     [numbering]      under numbering: auto, a number typed in a heading
 *                      (render drops it; its warning, once)
 *     [tab-columns]    lines of tab-separated cells pasted from a
 *                      spreadsheet (tabs are never stray spaces)
 *     [front-key]      a front-matter key render ignores
 *     [date]           a zero-padded date (2021年09月08日)
 *     [traditional]    a traditional character (ICU Hant-Hans; characters
 *                      the 通用规范汉字表 keeps, such as 著 乾 瞭 藉, never)
 *     [broken-paragraph] a paragraph cut in the middle of a sentence
 *   error:
 *     [date]           a date in the text that does not exist (2021年2月30日)
 *     [heading-sequence] heading numbers that skip or repeat (一、二、四、;
 *                      not under numbering: auto)
 *     [unbalanced]     a quote or bracket without its partner
 *     [front-matter]   what render rejects in the front matter (a missing
 *                      title, number: 第3期, a date that does not exist, a
 *                      template that is not there): render's own checks,
 *                      its words, its positions; they do not stop --fix
 * Only prose is looked at: text of paragraphs, headings, list items, table
 * cells and front-matter values; never code spans, code blocks, HTML, link
 * destinations or autolinks (and gw_zh_normalize itself leaves URLs,
 * e-mail addresses and numbers alone). */
#ifndef GW_LINT_H
#define GW_LINT_H
#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

/* Run the lint command on argv (the arguments after "lint"). Returns the
 * exit code: 0 clean, 1 errors found (warnings too with --werror), 2 bad
 * usage. Findings go to standard output, sorted by position. */
int gw_lint_main(int argc, char **argv);

/* Lint one source held in memory; `path` names it in positions and, as
 * for render, is where a template named in it is looked for first
 * (render's front-matter checks run on it: [front-matter]).
 * Every finding is added to `diags` (the message ends with " [rule]").
 * With `fixed` not NULL the mechanical fixes are applied: *fixed receives
 * the new file contents (malloc'ed, *fixed_len bytes; the input bytes
 * except at the fixes, so CR LF line ends and a BOM survive), and only
 * the findings that were not fixed are added to `diags`. Returns the
 * number of fixes applied (0 when `fixed` is NULL). */
size_t gw_lint_buffer(const char *path, const char *data, size_t len,
                      gw_diags *diags, char **fixed, size_t *fixed_len);

#endif
