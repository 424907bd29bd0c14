/* gwdoc.c - one conversion, stage by stage. Input errors can arise only
 * up to the model; prepare and the writers see a valid model. */
#include "gwdoc.h"
#include "kinds.h"
#include "prefault.h"
#include "prepare.h"
#include "template.h"
#include "zh.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *gw_strerror(gw_status status) {
  switch (status) {
  case GW_OK: return "成功";
  case GW_ERR_INPUT: return "源文件有错误";
  case GW_ERR_USAGE: return "命令用法错误";
  case GW_ERR_IO: return "无法写入输出";
  case GW_ERR_INTERNAL: return "内部错误";
  }
  return "未知错误";
}

/* Seconds since the epoch for docProps: SOURCE_DATE_EPOCH when set (as
 * reproducible builds expect), else the document's own date. */
static long long created_time(gw_build *b) {
  const char *env = getenv("SOURCE_DATE_EPOCH");
  if (env && *env) {
    char *end;
    long long t = strtoll(env, &end, 10);
    if (!*end && t >= 0 && t < 253402300800LL)
      return t;
  }
  const gw_val *v = gw_val_get(b->config, "date");
  int y, m, d;
  if (v && v->kind == GW_VAL_STR && gw_parse_date(v->str, &y, &m, &d) == 0 &&
      gw_zh_date_valid(y, m, d) && y >= 1970) {
    /* days from civil (Howard Hinnant's algorithm) */
    y -= m <= 2;
    long long era = y / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (era * 146097 + doe - 719468) * 86400;
  }
  return 0;
}

static gw_val *load_config(gw_arena *arena, gw_diags *diags, const gw_source *src,
                           const gw_val *front, const gw_options *opt) {
  const char *name = "gbt9704";
  const char *dir = src->dir;
  gw_pos at = {src->path, 1, 1};
  const gw_val *tv = gw_val_get(front, "template");
  if (opt && opt->template_name) {
    name = opt->template_name;
    at.line = 0; /* named on the command line: no source position */
    /* A path typed in the shell is relative to the working folder; a
     * name is still looked up beside the source first. */
    if (strchr(name, '/') || strstr(name, ".yaml") || strstr(name, ".yml"))
      dir = ".";
  } else if (tv) {
    if (tv->kind != GW_VAL_STR) {
      gw_error(diags, tv->pos, "template 应为模板名称或路径");
      return NULL;
    }
    name = tv->str;
    at = tv->pos;
  }
  return gw_template_config(arena, diags, name, at, dir, front);
}

static int build_model(gw_build *b, const gw_val *front, cmark_node *root,
                       const gw_options *opt) {
  const gw_val *kind = gw_val_get(b->config, "kind");
  if (!kind || kind->kind != GW_VAL_STR) {
    gw_error(b->diags, kind ? kind->pos : gw_build_missing_pos(b),
             "缺少 kind：请在前置元数据里写 kind: bulletin（简报）或 kind: division（责任分工）");
    return -1;
  }
  b->normalize = gw_build_bool(b, "normalize", true);
  gw_build_check_footnotes(b);
  gw_build_check_formats(b);
  if (strcmp(kind->str, "bulletin") == 0) {
    b->doc->kind = GW_KIND_BULLETIN;
    gw_build_check_keys(b->diags, front, gw_bulletin_keys);
    gw_build_check_template_keys(b->diags, b->config, b->src->path, gw_bulletin_keys);
    if (opt && opt->unit)
      gw_error(b->diags, kind->pos, "--unit 只适用于 kind: division");
    return gw_bulletin_build(b, root);
  }
  if (strcmp(kind->str, "division") == 0) {
    b->doc->kind = GW_KIND_DIVISION;
    gw_build_check_keys(b->diags, front, gw_division_keys);
    gw_build_check_template_keys(b->diags, b->config, b->src->path, gw_division_keys);
    return gw_division_build(b, root);
  }
  gw_error(b->diags, kind->pos, "未知的 kind“%s”：应为 bulletin 或 division", kind->str);
  return -1;
}

static void *check_text_on_thread(void *b) {
  gw_build_check_text(b);
  return NULL;
}

/* Below this the text is checked before the package is written: a
 * thread costs more than the check. */
enum { CHECK_BESIDE_FROM_BYTES = 128 * 1024 };

/* Write the package while the text is checked (gw_build_check_text: its
 * warnings only), on a thread beside it for a big source. Both only read
 * the prepared model, and nothing else adds a diagnostic meanwhile, so
 * the warnings come out as they did before. */
static gw_status package_while_checking(gw_build *b, const gw_doc *doc, size_t source_len,
                                        gw_bytes *out) {
  pthread_t thread;
  bool beside = source_len >= CHECK_BESIDE_FROM_BYTES &&
                pthread_create(&thread, NULL, check_text_on_thread, b) == 0;
  if (!beside)
    gw_build_check_text(b);
  int rc = gw_package_build(doc, out);
  if (beside)
    pthread_join(thread, NULL);
  return rc == 0 ? GW_OK : GW_ERR_INTERNAL;
}

/* From this size a source's memory is faulted in on the other core
 * (prefault.h); below it, the thread costs more than the faults. Past
 * PREFAULT_SOURCE_MOST the thread could not keep ahead anyway (it faults
 * in some 14 bytes for each byte the main thread reads and checks), and
 * a source that turns out bad would have it fault in hundreds of MB for
 * nothing: only that much of the source's memory is faulted in ahead. */
enum { PREFAULT_FROM_BYTES = 128 * 1024, PREFAULT_SOURCE_MOST = 4 * 1024 * 1024 };

/* The first `want` bytes of a reserved room, or all of it. */
static gw_span first_of(gw_span room, size_t want) {
  return (gw_span){room.start, want < room.len ? want : room.len};
}

/* The spans, in the order they are needed. */
enum { BESIDE_TREE, MAIN_TREE, MAIN_ARENA, AHEAD_ARENA };

/* The memory a big source's parse and build will fill, mapped and
 * handed to a thread that faults it in while this one reads and checks
 * the source. In source bytes, about as much as a bulletin uses, less
 * than a division does: the arena (the source itself, then the first
 * half's model), each half's tree with the literals read from it, and
 * the model of a bulletin's second half (built on a thread). Returns
 * NULL for a small source. */
static gw_prefault *fault_in_ahead(gw_arena *arena, gw_arena **ahead_arena, size_t source_len) {
  if (source_len < PREFAULT_FROM_BYTES || source_len > GW_SOURCE_MAX_BYTES)
    return NULL; /* small, or refused unread */
  gw_span spans[GW_PREFAULT_MOST], mine, beside;
  /* a tree takes some ten times its source; a first chunk of six times
   * the whole source, as gw_markdown_parse makes for a half */
  gw_markdown_reserve(source_len * 6, source_len * 6, &mine, &beside);
  size_t ahead = source_len < PREFAULT_SOURCE_MOST ? source_len : PREFAULT_SOURCE_MOST;
  spans[BESIDE_TREE] = first_of(beside, ahead * 4);
  spans[MAIN_TREE] = first_of(mine, ahead * 5);
  spans[MAIN_ARENA] = first_of(gw_arena_reserve(arena, source_len * 9), ahead * 7 / 2);
  *ahead_arena = gw_arena_new();
  spans[AHEAD_ARENA] = first_of(gw_arena_reserve(*ahead_arena, source_len * 4), ahead * 2);
  return gw_prefault_start(spans, GW_PREFAULT_MOST);
}

static bool is_bulletin(const gw_val *config) {
  const gw_val *kind = gw_val_get(config, "kind");
  return kind && kind->kind == GW_VAL_STR && strcmp(kind->str, "bulletin") == 0;
}

/* The size of the source to come, before it is read. */
static size_t source_size(const char *path, const char *data, size_t len) {
  struct stat st;
  if (data)
    return len;
  return stat(path, &st) == 0 && st.st_size > 0 ? (size_t)st.st_size : 0;
}

gw_status gw_convert(const char *path, const char *data, size_t len,
                     const gw_options *opt, gw_diags *diags, gw_bytes *out) {
  gw_status status = GW_ERR_INPUT;
  gw_arena *arena = gw_arena_new();
  gw_arena *ahead_arena = NULL;
  gw_prefault *prefault = fault_in_ahead(arena, &ahead_arena, source_size(path, data, len));
  cmark_node *root = NULL;
  gw_source src;
  gw_doc doc;
  memset(&doc, 0, sizeof doc);
  doc.arena = arena;
  out->data = NULL;
  out->len = 0;

  int rc = data ? gw_source_from_memory(arena, diags, path, data, len, &src)
                : gw_source_read(arena, diags, path, &src);
  if (rc < 0)
    goto done;
  /* the model takes some six to eighteen times its source */
  gw_arena_expect(arena, src.len * 8);
  if (!src.front) {
    gw_pos pos = {src.path, 1, 1};
    gw_error(diags, pos, "缺少前置元数据：文件应以一行 --- 开始，写明 kind、title 等，再以 --- 结束");
    goto done;
  }
  gw_val *front = gw_val_parse(arena, diags, src.path, src.front_line, src.front,
                               src.front_len);
  if (!front)
    goto done;
  gw_val *config = load_config(arena, diags, &src, front, opt);
  if (!config || gw_layout_read(diags, config, &doc.layout) < 0)
    goto done;
  if (!is_bulletin(config)) /* only a bulletin is built in halves */
    gw_prefault_skip_from(prefault, AHEAD_ARENA);
  cmark_node *second_half;
  root = gw_markdown_parse_halves(src.body, src.body_len, &second_half);
  gw_build b = {&doc,        arena, diags, &src, config, true, opt ? opt->unit : NULL, NULL,
                second_half, NULL,  ahead_arena, false};
  doc.created = created_time(&b);
  int built = build_model(&b, front, root, opt);
  ahead_arena = b.ahead_arena; /* unused (no thread took it): freed below */
  if (built < 0 || diags->errors)
    goto done;
  if (opt && opt->check_only) {
    gw_build_check_text(&b);
    status = GW_OK;
    goto done;
  }
  gw_prepare(&doc);
  status = package_while_checking(&b, &doc, src.len, out);
done:
  gw_prefault_skip_from(prefault, 0); /* done with, or stopped early */
  gw_prefault_finish(prefault);
  if (root)
    gw_markdown_free(root);
  gw_markdown_release();
  gw_arena_free(ahead_arena);
  gw_arena_free(arena);
  return status;
}

gw_status gw_load_layout(const char *path, const gw_options *opt, gw_diags *diags,
                         gw_arena *arena, gw_layout *out) {
  gw_source src;
  if (gw_source_read(arena, diags, path, &src) < 0)
    return GW_ERR_INPUT;
  gw_val *front = src.front ? gw_val_parse(arena, diags, src.path, src.front_line,
                                           src.front, src.front_len)
                            : NULL;
  if (src.front && !front)
    return GW_ERR_INPUT;
  if (!front) {
    front = gw_arena_alloc(arena, sizeof *front);
    front->kind = GW_VAL_MAP;
  }
  gw_val *merged = load_config(arena, diags, &src, front, opt);
  if (!merged || gw_layout_read(diags, merged, out) < 0)
    return GW_ERR_INPUT;
  return GW_OK;
}
