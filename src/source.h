/* source.h - read a source file, check its text, split front matter from
 * the Markdown body, and map byte positions to editor positions. */
#ifndef GW_SOURCE_H
#define GW_SOURCE_H
#include "arena.h"
#include "diag.h"

typedef struct {
  const char *path;     /* as given ("-" for stdin shown as <stdin>) */
  const char *dir;      /* folder of the source, for relative look-ups */
  char *text;           /* whole text, LF line ends, no BOM (arena) */
  size_t len;
  const char *front;    /* front matter between the --- lines, or NULL */
  size_t front_len;
  unsigned front_line;  /* line number of the front matter's first line */
  const char *body;     /* Markdown body */
  size_t body_len;
  unsigned body_line;   /* line number of the body's first line */
  size_t *line_starts;  /* byte offset of each line (index 0 = line 1) */
  size_t line_count;
  /* The last position computed (gw_source_pos_at): positions come in
   * document order, so a column is counted from there, not from the
   * start of its line (a 1 MB line with many diagnostics stays linear). */
  size_t pos_line, pos_offset;
  unsigned pos_col;
} gw_source;

/* Largest source accepted: far beyond any real document, small enough to
 * keep memory bounded. */
#define GW_SOURCE_MAX_BYTES (32u * 1024u * 1024u)

/* Read and check a source: UTF-8 (error with the byte offset), characters
 * XML forbids, BOM and CR/CRLF accepted. Returns 0 or -1 after reporting. */
int gw_source_read(gw_arena *arena, gw_diags *diags, const char *path,
                   gw_source *src);
/* The same from a buffer already in memory (stdin, fuzzing, tests). */
int gw_source_from_memory(gw_arena *arena, gw_diags *diags, const char *path,
                          const char *data, size_t len, gw_source *src);

/* Line number (from 1) of a byte offset into src->text. */
unsigned gw_source_line_of(const gw_source *src, size_t offset);
/* Position of a byte offset into src->text. */
gw_pos gw_source_pos_at(const gw_source *src, size_t offset);
/* Position from a line number and a 1-based byte column on that line. */
gw_pos gw_source_pos_byte_col(const gw_source *src, unsigned line,
                              unsigned byte_col);

#endif
