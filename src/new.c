/* new.c - write a new source: front matter through libyaml's emitter,
 * the next issue number from the sources beside it, today's date, the
 * template's distribution lists, and a stub body. */
#include "new.h"
#include "diag.h"
#include "package.h"
#include "source.h"
#include "template.h"
#include "value.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>

static const char bulletin_body[] =
    "\n"
    "> 编者按：（按语，可删去）\n"
    "\n"
    "# 文章标题\n"
    "\n"
    "## （副标题，可删去）\n"
    "\n"
    "导语……\n"
    "\n"
    "## 一、一级标题\n"
    "\n"
    "1.**段首小标题。**正文……\n";

static const char division_body[] =
    "\n"
    "为……，现将有关任务分工如下。\n"
    "\n"
    "## 一、类别名称\n"
    "\n"
    "1. 改革举措……\n"
    "    - 牵头单位：\n"
    "    - 责任单位：\n"
    "    - 完成时限：\n";

typedef struct {
  yaml_emitter_t em;
  int failed;
} emitter;

static int write_to_buf(void *data, unsigned char *buffer, size_t size) {
  gw_buf_append(data, (const char *)buffer, size);
  return 1;
}

static void emit(emitter *e, yaml_event_t *ev) {
  if (!e->failed && !yaml_emitter_emit(&e->em, ev))
    e->failed = 1;
}

static void scalar(emitter *e, const char *s) {
  yaml_event_t ev;
  yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1,
                               YAML_ANY_SCALAR_STYLE);
  emit(e, &ev);
}

static void pair(emitter *e, const char *key, const char *value) {
  scalar(e, key);
  scalar(e, value);
}

/* Emit a template value as it is (maps and lists in flow style for lists). */
static void value(emitter *e, const gw_val *v) {
  yaml_event_t ev;
  if (v->kind == GW_VAL_STR || v->kind == GW_VAL_NULL) {
    scalar(e, v->str ? v->str : "");
  } else if (v->kind == GW_VAL_SEQ) {
    yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_FLOW_SEQUENCE_STYLE);
    emit(e, &ev);
    for (const gw_val *c = v->first; c; c = c->next)
      value(e, c);
    yaml_sequence_end_event_initialize(&ev);
    emit(e, &ev);
  } else {
    yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
    emit(e, &ev);
    for (const gw_val *c = v->first; c; c = c->next) {
      scalar(e, c->key);
      value(e, c);
    }
    yaml_mapping_end_event_initialize(&ev);
    emit(e, &ev);
  }
}

/* A template's name as files are named after it: ./平遥动态.yaml and
 * 平遥动态 are one template, 平遥动态. */
static const char *template_stem(gw_arena *arena, const char *tpl) {
  const char *base = strrchr(tpl, '/') ? strrchr(tpl, '/') + 1 : tpl;
  size_t n = strlen(base);
  if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
    n -= 5;
  else if (n > 4 && strcmp(base + n - 4, ".yml") == 0)
    n -= 4;
  return gw_arena_strndup(arena, base, n);
}

/* The issues already in the folder: the latest of a template (or of any,
 * for the default), to number the next one after. */
typedef struct {
  char *template; /* the latest issue's template, as written (malloc'ed) */
  long number;    /* its number, 0: none found */
  long total;     /* the highest total (总第N期) of the template, any year; 0: none */
} last_issue;

/* The latest issue in `dir` this year: of template `stem`, or of any
 * when stem is NULL. */
static last_issue latest_issue(const char *dir, const char *stem, int year) {
  last_issue last = {NULL, 0, 0};
  DIR *d = opendir(dir);
  if (!d)
    return last;
  struct dirent *ent;
  while ((ent = readdir(d))) {
    size_t n = strlen(ent->d_name);
    if (n < 4 || strcmp(ent->d_name + n - 3, ".md") != 0)
      continue;
    gw_arena *arena = gw_arena_new();
    gw_diags diags = {0};
    diags.quiet = true;
    gw_source src;
    const char *path = gw_arena_printf(arena, "%s/%s", dir, ent->d_name);
    gw_val *front = NULL;
    if (gw_source_read(arena, &diags, path, &src) == 0 && src.front)
      front = gw_val_parse(arena, &diags, path, src.front_line, src.front, src.front_len);
    const gw_val *t = gw_val_get(front, "template"), *y = gw_val_get(front, "year"),
                 *num = gw_val_get(front, "number"), *total = gw_val_get(front, "total");
    bool same = t && t->kind == GW_VAL_STR && (!stem || strcmp(template_stem(arena, t->str), stem) == 0);
    if (same && total && total->kind == GW_VAL_STR && atol(total->str) > last.total)
      last.total = atol(total->str); /* the run of totals goes on over the years */
    if (same && y && num && y->kind == GW_VAL_STR && num->kind == GW_VAL_STR &&
        atoi(y->str) == year && atol(num->str) > last.number) {
      free(last.template);
      last.template = strdup(t->str);
      last.number = atol(num->str);
    }
    gw_diags_free(&diags);
    gw_arena_free(arena);
  }
  closedir(d);
  return last;
}

/* A template named by its file on the command line (./平遥动态.yaml) is
 * found from the current folder; the new source, in another folder,
 * names it from there. Returns the path as the source must write it. */
static const char *template_from(gw_arena *arena, const char *tpl, const char *dir) {
  if (!dir || tpl[0] == '/' || !gw_template_is_path(tpl))
    return tpl;
  char *abs = realpath(tpl, NULL);
  if (!abs)
    return tpl;
  const char *out = gw_arena_strdup(arena, abs);
  free(abs);
  return out;
}

static struct tm today(void) {
  const char *epoch = getenv("SOURCE_DATE_EPOCH");
  time_t now = epoch && *epoch ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
  struct tm tm;
  localtime_r(&now, &tm);
  return tm;
}

int gw_new_main(int argc, char **argv) {
  const char *kind = NULL, *tpl = NULL, *out = NULL;
  for (int i = 0; i < argc; i++) {
    if ((strcmp(argv[i], "-t") == 0 || strcmp(argv[i], "--template") == 0) && i + 1 < argc)
      tpl = argv[++i];
    else if ((strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) && i + 1 < argc)
      out = argv[++i];
    else if (!kind && (strcmp(argv[i], "bulletin") == 0 || strcmp(argv[i], "division") == 0))
      kind = argv[i];
    else if (!kind && argv[i][0] != '-') {
      fprintf(stderr, "gwdoc: error: 不认识的文件种类“%s”：请写 bulletin（简报）或 division（责任分工）\n",
              argv[i]);
      return 2;
    } else {
      fprintf(stderr, "gwdoc: error: 用法：gwdoc new bulletin|division [--template 模板] [-o 文件]\n");
      return 2;
    }
  }
  if (!kind) {
    fprintf(stderr, "gwdoc: error: 请指定 bulletin（简报）或 division（责任分工）\n");
    return 2;
  }
  int bulletin = strcmp(kind, "bulletin") == 0;
  gw_arena *arena = gw_arena_new();
  gw_diags diags = {0};
  int rc = 1;
  gw_val empty = {0};
  empty.kind = GW_VAL_MAP;
  gw_pos at = {"gwdoc", 0, 0};
  char *dir = NULL;
  if (out && strrchr(out, '/'))
    dir = gw_arena_strndup(arena, out, (size_t)(strrchr(out, '/') - out));
  struct tm tm = today();
  int year = tm.tm_year + 1900;
  /* no --template: the one the folder's latest issue uses (as it names
   * it, from that folder), else ours */
  last_issue last = {NULL, 0, 0};
  if (tpl)
    tpl = template_from(arena, tpl, dir);
  if (bulletin && !tpl) {
    last = latest_issue(dir ? dir : ".", NULL, year);
    tpl = last.template ? gw_arena_strdup(arena, last.template) : NULL;
    free(last.template);
  }
  if (!tpl)
    tpl = bulletin ? "jintuan-yaoxun" : "gbt9704";
  gw_val *config = gw_template_config(arena, &diags, tpl, at, dir ? dir : ".", &empty);
  if (!config)
    goto done;
  const char *stem = template_stem(arena, tpl);
  if (bulletin) {
    last = latest_issue(dir ? dir : ".", stem, year);
    free(last.template);
  }
  long number = last.number + 1;
  char date[48], ybuf[16], nbuf[32], tbuf[32];
  snprintf(date, sizeof date, "%04d-%02d-%02d", year, tm.tm_mon + 1, tm.tm_mday);
  snprintf(ybuf, sizeof ybuf, "%d", year);
  snprintf(nbuf, sizeof nbuf, "%ld", number);
  snprintf(tbuf, sizeof tbuf, "%ld", last.total + 1); /* 总第N期 runs on */
  if (!out)
    out = bulletin ? gw_arena_printf(arena, "%s-%d-%ld.md", stem, year, number)
                   : gw_arena_printf(arena, "division-%s.md", date);
  if (strcmp(out, "-") != 0 && access(out, F_OK) == 0) {
    fprintf(stderr, "%s: error: 文件已存在，不覆盖：请用 -o 指定新文件名\n", out);
    goto done;
  }

  gw_buf text = {0};
  emitter e = {0};
  yaml_event_t ev;
  yaml_emitter_initialize(&e.em);
  yaml_emitter_set_output(&e.em, write_to_buf, &text);
  yaml_emitter_set_unicode(&e.em, 1);
  yaml_emitter_set_width(&e.em, -1);
  yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
  emit(&e, &ev);
  yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 0);
  emit(&e, &ev);
  yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
  emit(&e, &ev);
  pair(&e, "kind", kind);
  pair(&e, "template", tpl);
  if (bulletin) {
    pair(&e, "year", ybuf);
    pair(&e, "number", nbuf);
    if (last.total)
      pair(&e, "total", tbuf);
  } else {
    pair(&e, "title", "（文件标题）责任分工");
    pair(&e, "issuer", "（印发机关）");
  }
  pair(&e, "date", date);
  const gw_val *dist = gw_val_get(config, "distribution");
  if (dist) {
    scalar(&e, "distribution");
    value(&e, dist);
  }
  yaml_mapping_end_event_initialize(&ev);
  emit(&e, &ev);
  yaml_document_end_event_initialize(&ev, 1);
  emit(&e, &ev);
  yaml_stream_end_event_initialize(&ev);
  emit(&e, &ev);
  yaml_emitter_delete(&e.em);

  gw_buf file = {0};
  gw_buf_puts(&file, "---\n");
  /* libyaml starts the document with "---"; keep only what follows. */
  const char *yaml = text.data ? text.data : "";
  if (strncmp(yaml, "---", 3) == 0)
    yaml = strchr(yaml, '\n') ? strchr(yaml, '\n') + 1 : "";
  gw_buf_puts(&file, yaml);
  gw_buf_puts(&file, "---\n");
  gw_buf_puts(&file, bulletin ? bulletin_body : division_body);
  gw_bytes bytes = {(unsigned char *)file.data, file.len};
  if (!e.failed && gw_package_save(&bytes, out) == 0) {
    if (strcmp(out, "-") != 0)
      printf("%s\n", out);
    rc = 0;
  }
  gw_buf_free(&text);
  gw_buf_free(&file);
done:
  gw_diags_free(&diags);
  gw_arena_free(arena);
  return rc;
}
