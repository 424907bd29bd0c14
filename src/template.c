/* template.c - template look-up and merging. */
#include "template.h"
#include "source.h"
#include "zh.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef GWDOC_TEMPLATE_DIR
#define GWDOC_TEMPLATE_DIR "/usr/local/share/gwdoc/templates"
#endif

enum { MAX_EXTENDS = 8 };

/* Keys a later layer replaces whole instead of merging into: a source's
 * distribution list is the list, not an addition to the template's. */
static const char *const replace_whole[] = {"distribution", "units", "columns",
                                            NULL};

static int is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* A template value with a '/' or a .yaml/.yml ending is a path, not a name. */
bool gw_template_is_path(const char *name) {
  return strchr(name, '/') || ends_with(name, ".yaml") || ends_with(name, ".yml");
}

const char *gw_template_home(gw_arena *arena) {
  /* A binary in the build tree (repo/gwdoc) uses repo/templates, so the
   * repository works without installing; an installed one (PREFIX/bin)
   * uses PREFIX/share/gwdoc/templates wherever PREFIX was moved to. */
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) {
      *slash = '\0';
      /* repo/gwdoc, or repo/build/asan/gwdoc-bin and the like */
      static const char *const ups[] = {"", "/..", "/../.."};
      for (size_t i = 0; i < sizeof ups / sizeof ups[0]; i++) {
        const char *local = gw_arena_printf(arena, "%s%s/templates", exe, ups[i]);
        if (is_file(gw_arena_printf(arena, "%s/gbt9704.yaml", local)) &&
            is_file(gw_arena_printf(arena, "%s/../src/gwdoc.c", local)))
          return local;
      }
      const char *installed = gw_arena_printf(arena, "%s/../share/gwdoc/templates", exe);
      if (is_file(gw_arena_printf(arena, "%s/gbt9704.yaml", installed)))
        return installed;
    }
  }
  return GWDOC_TEMPLATE_DIR;
}

/* `file` in folder `dir`; in the current folder, named as the drafter
 * reads it (typo.yaml, not ./typo.yaml). */
static const char *in_dir(gw_arena *arena, const char *dir, const char *file) {
  return strcmp(dir, ".") == 0 ? file : gw_arena_printf(arena, "%s/%s", dir, file);
}

const char *gw_template_find(gw_arena *arena, const char *name, const char *dir) {
  if (!*name)
    return NULL;
  if (gw_template_is_path(name)) {
    while (name[0] == '.' && name[1] == '/')
      name += 2; /* ./x.yaml: x.yaml beside the source, named as the drafter reads it */
    const char *path = name[0] == '/' ? name : in_dir(arena, dir, name);
    return is_file(path) ? path : NULL;
  }
  const char *candidate = in_dir(arena, dir, gw_arena_printf(arena, "%s.yaml", name));
  if (is_file(candidate))
    return candidate;
  const char *env = getenv("GWDOC_TEMPLATES");
  if (env && *env) {
    const char *p = env;
    while (*p) {
      const char *colon = strchr(p, ':');
      size_t len = colon ? (size_t)(colon - p) : strlen(p);
      if (len) {
        candidate = gw_arena_printf(arena, "%.*s/%s.yaml", (int)len, p, name);
        if (is_file(candidate))
          return candidate;
      }
      p += len + (colon ? 1 : 0);
    }
  }
  const char *home = gw_template_home(arena);
  if (is_dir(home)) {
    candidate = gw_arena_printf(arena, "%s/%s.yaml", home, name);
    if (is_file(candidate))
      return candidate;
  }
  return NULL;
}

/* Read and parse one template file; its own errors carry its own
 * positions, and `at` (the template: line that named it) is blamed too,
 * so the drafter sees why that file was read at all. */
static gw_val *load_file(gw_arena *arena, gw_diags *diags, const char *name,
                         const char *path, gw_pos at) {
  gw_source src;
  gw_val *v = NULL;
  if (gw_source_read(arena, diags, path, &src) == 0)
    v = gw_val_parse(arena, diags, path, 1, src.text, src.len);
  if (!v && strcmp(name, path) == 0)
    gw_error(diags, at, "模板“%s”无法使用：错误见模板文件处的报错", name);
  else if (!v)
    gw_error(diags, at, "模板“%s”（%s）无法使用：错误见该文件处的报错", name, path);
  return v;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Adds the templates of folder `dir` (NAME.yaml) to names[*n], unless
 * there already; at most `cap`. */
static void add_template_names(gw_arena *arena, const char *dir, const char **names, size_t *n,
                               size_t cap) {
  DIR *d = dir ? opendir(dir) : NULL;
  struct dirent *ent;
  while (d && (ent = readdir(d)) && *n < cap) {
    size_t len = strlen(ent->d_name);
    if (len <= 5 || ent->d_name[0] == '.' || strcmp(ent->d_name + len - 5, ".yaml") != 0)
      continue;
    const char *stem = gw_arena_strndup(arena, ent->d_name, len - 5);
    bool seen = false;
    for (size_t i = 0; i < *n && !seen; i++)
      seen = strcmp(names[i], stem) == 0;
    if (!seen)
      names[(*n)++] = stem;
  }
  if (d)
    closedir(d);
}

/* The names of the templates a source in `dir` can use, sorted: for the
 * message when the one it names is not there. */
static const char **template_names(gw_arena *arena, const char *dir, size_t *n) {
  enum { MAX_LISTED = 64 };
  const char **names = gw_arena_alloc(arena, MAX_LISTED * sizeof *names);
  *n = 0;
  add_template_names(arena, dir, names, n, MAX_LISTED);
  const char *env = getenv("GWDOC_TEMPLATES");
  for (const char *p = env ? env : ""; *p;) {
    size_t len = strcspn(p, ":");
    if (len)
      add_template_names(arena, gw_arena_strndup(arena, p, len), names, n, MAX_LISTED);
    p += len + (p[len] == ':');
  }
  add_template_names(arena, gw_template_home(arena), names, n, MAX_LISTED);
  qsort(names, *n, sizeof *names, by_name);
  return names;
}

static gw_val *load_chain(gw_arena *arena, gw_diags *diags, const char *name,
                          gw_pos at, const char *dir, int depth) {
  if (depth > MAX_EXTENDS) {
    gw_error(diags, at, "模板 extends 层数过多：“%s”一层层 extends 回到了自己（或超过 %d 层）；请检查各模板的 extends",
             name, MAX_EXTENDS);
    return NULL;
  }
  /* A path must name a YAML file: a source that says template:
   * /etc/passwd or ../../secret.txt gets a clear error, and no file that
   * is not a template is ever read. Paths are relative to the folder of
   * the file that names them (and may leave it: teams keep a shared
   * templates folder beside the issues). */
  if (gw_template_is_path(name) && !ends_with(name, ".yaml") && !ends_with(name, ".yml")) {
    gw_error(diags, at, "模板路径“%s”不是 .yaml 文件：请写模板名称，或以 .yaml 结尾的模板文件路径",
             name);
    return NULL;
  }
  const char *path = gw_template_find(arena, name, dir);
  if (!path) {
    size_t n;
    const char **names = template_names(arena, dir, &n);
    long near = gw_template_is_path(name) ? -1 : gw_zh_nearest(name, names, n, 3);
    gw_buf list = {0};
    for (size_t i = 0; i < n; i++) {
      gw_buf_puts(&list, i ? "、" : "");
      gw_buf_puts(&list, names[i]);
    }
    gw_error(diags, at, "找不到模板“%s”：%s%s%s已在源文件所在目录、$GWDOC_TEMPLATES 和 %s 中查找%s%s",
             name, near >= 0 ? "是不是“" : "", near >= 0 ? names[near] : "",
             near >= 0 ? "”？" : "", gw_template_home(arena), n ? "；可用的模板有 " : "",
             n ? list.data : "");
    gw_buf_free(&list);
    return NULL;
  }
  gw_val *tpl = load_file(arena, diags, name, path, at);
  if (!tpl)
    return NULL;
  gw_val *ext = gw_val_get(tpl, "extends");
  if (!ext)
    return tpl;
  if (ext->kind != GW_VAL_STR) {
    gw_error(diags, ext->pos, "extends 应为模板名称");
    return NULL;
  }
  const char *slash = strrchr(path, '/');
  const char *tdir = slash ? gw_arena_strndup(arena, path, (size_t)(slash - path)) : ".";
  gw_val *base = load_chain(arena, diags, ext->str, ext->pos, tdir, depth + 1);
  return base ? gw_val_merge(arena, base, tpl, replace_whole) : NULL;
}

gw_val *gw_template_config(gw_arena *arena, gw_diags *diags, const char *name,
                           gw_pos at, const char *dir, const gw_val *front) {
  gw_val *tpl = load_chain(arena, diags, name, at, dir, 0);
  return tpl ? gw_val_merge(arena, tpl, front, replace_whole) : NULL;
}
