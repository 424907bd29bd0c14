/* diag.h - diagnostics for people: FILE:LINE:COL: error|warning: message.
 * The only code that prints positions. Lines and columns count from 1;
 * columns count code points, as editors do. */
#ifndef GW_DIAG_H
#define GW_DIAG_H
#include <stdbool.h>
#include <stddef.h>

typedef struct {
  const char *file; /* borrowed; lives as long as the conversion */
  unsigned line, col;
} gw_pos;

typedef enum { GW_WARNING, GW_ERROR } gw_severity;

typedef struct gw_diag {
  gw_severity severity;
  gw_pos pos;
  char *message; /* malloc'ed */
  struct gw_diag *next;
} gw_diag;

typedef struct {
  gw_diag *first, *last;
  size_t errors, warnings;
  bool quiet; /* collect, do not print as they come (tests, fuzzing) */
  void *print_stream; /* FILE *, defaults to stderr */
} gw_diags;

/* Record (and print, unless quiet) one diagnostic. */
void gw_diag_add(gw_diags *d, gw_severity sev, gw_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
#define gw_error(d, pos, ...) gw_diag_add((d), GW_ERROR, (pos), __VA_ARGS__)
#define gw_warning(d, pos, ...) gw_diag_add((d), GW_WARNING, (pos), __VA_ARGS__)

/* At most this many diagnostics are printed (errors first); one more
 * line counts the rest. */
enum { GW_DIAGS_SHOWN = 100 };

/* Move every diagnostic of `from` to the end of `into`, in order (and
 * print them, unless `into` is quiet): what a thread found, once it is
 * known to stand. */
void gw_diags_take(gw_diags *into, gw_diags *from);

/* Print the diagnostics collected quietly, in the order of the source
 * (by line and column, those without a place first; ties as they came),
 * to `stream` (a FILE *): checks run in stages, and an editor walks the
 * list from the top. */
void gw_diags_print_sorted(const gw_diags *d, void *stream);

/* Format one diagnostic as its printed line (malloc'ed, no newline). */
char *gw_diag_format(const gw_diag *diag);

/* What a system error means, in Chinese, for a message to a drafter
 * (strerror speaks English); the C library's text for the rare ones. */
const char *gw_errno_text(int err);
void gw_diags_free(gw_diags *d);

#endif
