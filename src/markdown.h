/* markdown.h - the Markdown body through cmark-gfm (with pipe tables). */
#ifndef GW_MARKDOWN_H
#define GW_MARKDOWN_H
#include "arena.h" /* gw_span */
#include <cmark-gfm.h>
#include <stdbool.h>
#include <stddef.h>

/* Parse a body; the caller frees the root with gw_markdown_free. Source
 * positions in the tree count lines from the body's first line. The
 * tree's memory is cmark-gfm's arena: nodes added to it must come from
 * cmark_node_new_with_mem(type, cmark_get_arena_mem_allocator()). */
cmark_node *gw_markdown_parse(const char *body, size_t len);
/* A big body (128 KB and more) is parsed in two halves at once, cut at
 * gw_markdown_safe_split; the tree is the one a single parser makes.
 * Where the body may be cut: a line opening with # right after a blank
 * line (every block before it is closed there), the one nearest the
 * middle; an article title (# and a space) before any other, for a
 * bulletin is then built in halves too. 0 when there is none, when an
 * HTML block could run past it, when the body holds a fence anywhere, or
 * when a definition serves the whole body ([x]: url, [^1]: note). */
size_t gw_markdown_safe_split(const char *body, size_t len);
/* gw_markdown_parse's tree of body cut at `split` (0: not cut; else a
 * place gw_markdown_safe_split gave): for tests, which compare it with
 * the tree of one parser. Freed with gw_markdown_free. */
cmark_node *gw_markdown_parse_split(const char *body, size_t len, size_t split);
/* The least body parsed in halves (128 KB; a thread costs more than
 * the half of a smaller one). Tests set it to 1, to cut every body that
 * can be cut, and compare with the whole (SIZE_MAX). Set it before a
 * conversion, never during one. */
enum { GW_MARKDOWN_SPLIT_FROM = 128 * 1024 };
extern size_t gw_markdown_split_from;
/* gw_markdown_parse, saying where a body parsed in halves was cut:
 * *second_half is the first block of the second half, else NULL. */
cmark_node *gw_markdown_parse_halves(const char *body, size_t len, cmark_node **second_half);
/* The tree memory the calling thread took: cmark-gfm allocates as a
 * tree is read, too (a literal is copied out when first asked for). A
 * thread that parsed or read a tree hands it to the thread that frees
 * the tree, which adopts it. */
typedef struct tree_chunk gw_markdown_memory;
gw_markdown_memory *gw_markdown_thread_memory(void);
/* The calling thread is about to read a tree it did not parse, of about
 * `bytes` of source: the literals it asks for are copied into one chunk
 * of that size (instead of chunks that double, each on fresh pages). */
void gw_markdown_expect(size_t bytes);
void gw_markdown_adopt_memory(gw_markdown_memory *memory);
/* Map the tree memory of the next parse now, for another thread to
 * fault its pages in (prefault.h): `mine` bytes for this thread's tree,
 * `beside` for the thread that parses the first half of a body cut in
 * two. Each room is its chunk's free room, or empty when nothing was
 * made (this thread holds tree memory already). What the parse leaves
 * unused is freed with its tree, or by gw_markdown_release. */
void gw_markdown_reserve(size_t mine, size_t beside, gw_span *mine_room, gw_span *beside_room);
/* Free reserved tree memory that no tree took (after a conversion
 * stopped before its parse). */
void gw_markdown_release(void);
/* Free a tree from gw_markdown_parse (accepts NULL). */
void gw_markdown_free(cmark_node *root);

/* The text `node` begins with: its literal, or its first text
 * descendant's (a line or a paragraph may open with **（一）…**); NULL
 * when it has none. */
const char *gw_markdown_lead_text(cmark_node *node);

/* The text of the inlines from `from` to the end of its line (the next
 * soft or hard break), emphasis and links included, in buf (cut at
 * size - 1 bytes). */
void gw_markdown_line_text(cmark_node *from, char *buf, size_t size);

/* Does `text` end a sentence (。！？, perhaps inside a closing quote)? */
bool gw_markdown_ends_sentence(const char *text);

/* Puts a text node holding `text` first in `parent` (a number that a
 * list gave its item, now written out). False when out of memory. */
bool gw_markdown_prepend_text(cmark_node *parent, const char *text);

/* Is text[0, len) a date and nothing else (2024年3月12日)? */
bool gw_markdown_is_date(const char *text, size_t len);

/* Was `para` split off the paragraph before it (a line of its own in
 * the source, with no blank line between: see gw_markdown_parse)? */
bool gw_markdown_continues(cmark_node *para);
/* Split the paragraph holding the line break `br` (one of its own
 * inlines) there: what follows the break moves to a new paragraph after
 * it, which is returned (NULL when it could not be made); the break goes. */
cmark_node *gw_markdown_split_at(cmark_node *br);

/* A paragraph that is really a section heading typed without `##`
 * (一、… level 1, （一）… level 2: a short line, no sentence inside):
 * its level, or 0. Bulletins give it the heading's role; divisions take
 * it as a category. */
int gw_typed_heading_level(const char *text);

/* Does `text` start with a section number such as 一、 （一） 1. （1）? */
bool gw_has_section_number(const char *text);

/* `t` past the spaces (ASCII, tab, U+3000, gw_odd_space_len) it is
 * indented by. */
const char *gw_skip_indent(const char *t);

/* 要求： / 一、…； / 二、…； / 三、…。: is the line numbered `number`
 * (一、 or （一）, its text text[0, len)) an item of such a list rather than
 * a heading? A line ending in ； is, and so is the line numbered next
 * after one. *last_item is the last such item's number (0: none), kept
 * from line to line by the caller and updated here. */
bool gw_listed_item(int *last_item, int number, const char *text, size_t len);
/* 3 or 4 for a line such as 1.加大宣传力度 or （1）开发政策性岗位: a short
 * title (4 to 20 characters) with no punctuation at all after its number;
 * else 0. Whether it is a heading depends on what follows (bulletin.c). */
int gw_typed_subheading_level(const char *text);

/* Bytes of a space pasted from WeChat or a web page at `s`, 0 for
 * anything else; *as (may be NULL) is what it stands for: " " for a
 * no-break or typographic space (U+00A0, U+2002, U+2004-U+200A, U+202F),
 * U+3000 for an em space (U+2003, the drafter's full-width gap), "" for
 * one that takes no room (U+200B, U+2060, U+FEFF). */
size_t gw_odd_space_len(const char *s, const char **as);

/* A section number as `t` opens with it (after any indent), read once. */
typedef struct {
  int level;       /* GB/T 9704 7.3.3: 一、 1, （一） 2, 1. 3, （1） 4 */
  int value;       /* 三、 3, （12） 12; -1 when unreadable */
  size_t start;    /* bytes of indent before it */
  size_t mark_end; /* bytes to the end of its mark (一、 （一） 1.) */
  size_t end;      /* and of the spaces after the mark */
} gw_section_number;

/* Does `t` open with a section number (see gw_has_section_number)?
 * Fills `out` (may be NULL) when it does. */
bool gw_section_number_read(const char *t, gw_section_number *out);

/* Bytes of the section number `t` opens with, with the spaces after it
 * (一、 （一） 1. ...), or 0. */
size_t gw_section_number_len(const char *t);

/* Does `text` open a numbered item as drafters type them at the start of
 * a line: 一、 （一） 1、 1. 1） （1） (1) ① ⑴ ⒈ 附件1： (but not 3.5 or 2021.10),
 * after any spaces it is indented by (　　　2. …)?
 * A paragraph is split before every later line that does (see
 * gw_markdown_parse). */
int gw_markdown_starts_item(const char *text);

/* An article title: a level-1 heading. */
bool gw_markdown_is_title(cmark_node *node);
/* Node type of GFM tables, rows and cells (registered at run time). */
int gw_markdown_is_table(cmark_node *node);
int gw_markdown_is_table_row(cmark_node *node);
int gw_markdown_is_table_cell(cmark_node *node);
int gw_markdown_table_row_is_header(cmark_node *row);
/* Cells a pipe-table row line (one source line, its end of line
 * included or not) holds: unescaped '|', less the optional outer ones.
 * cmark-gfm drops the cells a row has beyond its header, so only the
 * source shows them. */
int gw_markdown_line_cells(const char *line, size_t len);

/* A pipe table's alignment of column `col` from its delimiter row:
 * 'l' (|:---|), 'c' (|:---:|), 'r' (|---:|), or 0 when none is given. */
char gw_markdown_table_align(cmark_node *table, int col);

#endif
