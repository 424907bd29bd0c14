/* diag.c - collect and print diagnostics. */
#include "diag.h"
#include "arena.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *gw_diag_format(const gw_diag *diag) {
  const char *word = diag->severity == GW_ERROR ? "error" : "warning";
  const char *file = diag->pos.file ? diag->pos.file : "gwdoc";
  char *out;
  int n;
  if (diag->pos.line)
    n = snprintf(NULL, 0, "%s:%u:%u: %s: %s", file, diag->pos.line,
                 diag->pos.col ? diag->pos.col : 1, word, diag->message);
  else
    n = snprintf(NULL, 0, "%s: %s: %s", file, word, diag->message);
  out = gw_xmalloc((size_t)n + 1);
  if (diag->pos.line)
    snprintf(out, (size_t)n + 1, "%s:%u:%u: %s: %s", file, diag->pos.line,
             diag->pos.col ? diag->pos.col : 1, word, diag->message);
  else
    snprintf(out, (size_t)n + 1, "%s: %s: %s", file, word, diag->message);
  return out;
}

static void print_one(const gw_diags *d, const gw_diag *diag) {
  char *line = gw_diag_format(diag);
  FILE *out = d->print_stream ? d->print_stream : stderr;
  fprintf(out, "%s\n", line);
  free(line);
}

/* Is `diag` the one added last, word for word at the same place? */
static bool same_as_last(const gw_diags *d, const gw_diag *diag) {
  const gw_diag *l = d->last;
  return l && l->severity == diag->severity && l->pos.line == diag->pos.line &&
         l->pos.col == diag->pos.col && strcmp(l->message, diag->message) == 0 &&
         (l->pos.file == diag->pos.file ||
          (l->pos.file && diag->pos.file && strcmp(l->pos.file, diag->pos.file) == 0));
}

void gw_diag_add(gw_diags *d, gw_severity sev, gw_pos pos, const char *fmt, ...) {
  /* The diagnostic outlives the conversion (callers that collect print
   * after gw_convert has freed its arena), so it keeps its own copy of
   * the file name, in the same block. */
  size_t file_len = pos.file ? strlen(pos.file) + 1 : 0;
  gw_diag *diag = gw_xmalloc(sizeof *diag + file_len);
  if (pos.file)
    pos.file = memcpy((char *)(diag + 1), pos.file, file_len);
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0)
    n = 0;
  diag->message = gw_xmalloc((size_t)n + 1);
  diag->message[0] = '\0';
  va_start(ap, fmt);
  vsnprintf(diag->message, (size_t)n + 1, fmt, ap);
  va_end(ap);
  diag->severity = sev;
  diag->pos = pos;
  diag->next = NULL;
  if (same_as_last(d, diag)) { /* one value read twice: said once */
    free(diag->message);
    free(diag);
    return;
  }
  if (d->last)
    d->last->next = diag;
  else
    d->first = diag;
  d->last = diag;
  if (sev == GW_ERROR)
    d->errors++;
  else
    d->warnings++;
  if (!d->quiet)
    print_one(d, diag);
}

void gw_diags_take(gw_diags *into, gw_diags *from) {
  for (gw_diag *diag = from->first; diag; diag = diag->next)
    if (!into->quiet)
      print_one(into, diag);
  if (from->first) {
    if (into->last)
      into->last->next = from->first;
    else
      into->first = from->first;
    into->last = from->last;
  }
  into->errors += from->errors;
  into->warnings += from->warnings;
  from->first = from->last = NULL;
  from->errors = from->warnings = 0;
}

/* Source order; the index keeps ties in the order they came (qsort is
 * not stable). */
typedef struct {
  const gw_diag *diag;
  size_t index;
} placed_diag;

static int by_place(const void *a, const void *b) {
  const placed_diag *x = a, *y = b;
  if (x->diag->pos.line != y->diag->pos.line)
    return x->diag->pos.line < y->diag->pos.line ? -1 : 1;
  if (x->diag->pos.col != y->diag->pos.col)
    return x->diag->pos.col < y->diag->pos.col ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* A drafter reads a screenful, not ninety thousand lines (a plan whose
 * units: list was left out names every unit wrongly): the errors come
 * first, the warnings fill what is left, and one line counts the rest. */
void gw_diags_print_sorted(const gw_diags *d, void *stream) {
  FILE *out = stream ? stream : stderr;
  size_t n = 0;
  for (const gw_diag *diag = d->first; diag; diag = diag->next)
    n++;
  placed_diag *all = gw_xmalloc((n ? n : 1) * sizeof *all);
  size_t shown = 0, errors_left = GW_DIAGS_SHOWN, warnings_left = 0;
  if (d->errors < GW_DIAGS_SHOWN)
    warnings_left = GW_DIAGS_SHOWN - d->errors;
  for (const gw_diag *diag = d->first; diag; diag = diag->next) {
    size_t *left = diag->severity == GW_ERROR ? &errors_left : &warnings_left;
    if (*left == 0)
      continue;
    (*left)--;
    all[shown] = (placed_diag){diag, shown};
    shown++;
  }
  qsort(all, shown, sizeof *all, by_place);
  for (size_t i = 0; i < shown; i++) {
    char *line = gw_diag_format(all[i].diag);
    fprintf(out, "%s\n", line);
    free(line);
  }
  if (shown < n) {
    size_t errors = d->errors - (d->errors < GW_DIAGS_SHOWN ? d->errors : GW_DIAGS_SHOWN);
    size_t warnings = (n - shown) - errors;
    fprintf(out, "gwdoc: 另有");
    if (errors)
      fprintf(out, " %zu 条错误%s", errors, warnings ? "、" : "");
    if (warnings)
      fprintf(out, " %zu 条警告", warnings);
    fprintf(out, "没有列出：请先改正上面这些，再运行一次\n");
  }
  free(all);
}

void gw_diags_free(gw_diags *d) {
  gw_diag *diag = d->first;
  while (diag) {
    gw_diag *next = diag->next;
    free(diag->message);
    free(diag);
    diag = next;
  }
  d->first = d->last = NULL;
  d->errors = d->warnings = 0;
}

const char *gw_errno_text(int err) {
  switch (err) {
  case ENOENT: return "文件或目录不存在";
  case EACCES:
  case EPERM: return "没有访问权限";
  case EISDIR: return "这是一个目录，不是文件";
  case ENOTDIR: return "路径中有一段不是目录";
  case ENOSPC: return "磁盘空间不足";
  case EDQUOT: return "超出磁盘配额";
  case EROFS: return "文件系统是只读的";
  case EEXIST: return "文件已存在";
  case ENAMETOOLONG: return "路径太长";
  case ELOOP: return "符号链接层数太多";
  case EMFILE:
  case ENFILE: return "同时打开的文件太多";
  case ENOMEM: return "内存不足";
  case EIO: return "读写设备出错";
  case EFBIG: return "文件太大";
  case EBUSY:
  case ETXTBSY: return "文件正被占用";
  case EPIPE: return "接收输出的程序已经退出";
  default: return strerror(err);
  }
}
