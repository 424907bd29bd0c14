/* main.c - the gwdoc command line: options, one gw_convert per source,
 * status to exit code (0 ok, 1 bad input or output failure, 2 bad usage). */
#include "gwdoc.h"
#include "lint.h"
#include "zh.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage_text[] =
    "用法：gwdoc render 源文件... [-o 输出.docx] [--template 模板名|路径]\n"
    "      gwdoc lint 源文件... [--fix] [--werror]\n"
    "      gwdoc --help | --version\n"
    "\n"
    "把 Markdown + YAML 源文件排成符合 GB/T 9704-2012 的公文 DOCX（简报、责任分工）。\n"
    "\n"
    "命令：\n"
    "  render        生成 DOCX；默认输出为同名的 .docx 文件，“-”表示标准输入/输出\n"
    "  lint          检查中文文字规范（标点、括号、编号、日期、繁体字等），--fix 就地修正\n"
    "\n"
    "选项：\n"
    "  -o, --output 文件   输出文件（只有一个源文件时可用）\n"
    "  -t, --template 模板 使用指定模板，覆盖源文件里的 template:\n"
    "      --unit 单位     责任分工：只输出该单位的任务\n"
    "  -h, --help          显示本帮助\n"
    "  -V, --version       显示版本\n"
    "\n"
    "模板按以下顺序查找：源文件所在目录、$GWDOC_TEMPLATES、安装目录。\n"
    "错误以“文件:行:列: error: 说明”的格式报告。退出码：0 成功，1 源文件或输出有错，2 用法错误。\n";

static void on_signal(int sig) {
  gw_package_abort_save();
  signal(sig, SIG_DFL);
  raise(sig);
}

static int usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "gwdoc: error: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\n请运行 gwdoc --help 查看用法。\n");
  return 2;
}

/* issue.md -> issue.docx; other names get .docx appended. */
static char *default_output(const char *src) {
  static const char *const exts[] = {".md", ".markdown", ".txt"};
  size_t n = strlen(src);
  for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
    size_t m = strlen(exts[i]);
    if (n > m && strcmp(src + n - m, exts[i]) == 0) {
      n -= m;
      break;
    }
  }
  char *out = malloc(n + 6);
  if (!out)
    return NULL;
  memcpy(out, src, n);
  strcpy(out + n, ".docx");
  return out;
}

static int same_file(const char *a, const char *b) {
  struct stat sa, sb;
  if (strcmp(a, b) == 0)
    return 1;
  return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

static int render_one(const char *src, const char *out_path, const gw_options *opt) {
  char *owned = NULL;
  if (!out_path)
    out_path = strcmp(src, "-") == 0 ? "-" : (owned = default_output(src));
  if (!out_path)
    return 1;
  if (strcmp(src, "-") != 0 && strcmp(out_path, "-") != 0 && same_file(src, out_path)) {
    fprintf(stderr, "%s: error: 输出文件不能是源文件本身：请换一个 -o 文件名\n", src);
    free(owned);
    return 1;
  }
  gw_diags diags = {0};
  gw_bytes bytes;
  gw_status st = gw_convert(src, NULL, 0, opt, &diags, &bytes);
  int rc = 0;
  if (st == GW_OK) {
    rc = gw_package_save(&bytes, out_path) == 0 ? 0 : 1;
  } else {
    if (st != GW_ERR_INPUT)
      fprintf(stderr, "%s: error: %s\n", src, gw_strerror(st));
    rc = 1;
  }
  free(bytes.data);
  gw_diags_free(&diags);
  free(owned);
  return rc;
}

static int cmd_render(int argc, char **argv) {
  gw_options opt = {0};
  const char *out = NULL;
  const char **sources = calloc((size_t)argc + 1, sizeof *sources);
  int nsources = 0, rc = 0;
  if (!sources)
    return 1;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    const char **slot = NULL;
    if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0)
      slot = &out;
    else if (strcmp(a, "-t") == 0 || strcmp(a, "--template") == 0)
      slot = &opt.template_name;
    else if (strcmp(a, "--unit") == 0)
      slot = &opt.unit;
    if (slot) {
      if (i + 1 >= argc) {
        free(sources);
        return usage_error("选项 %s 缺少参数", a);
      }
      *slot = argv[++i];
    } else if (a[0] == '-' && a[1] != '\0') {
      free(sources);
      return usage_error("未知选项 %s", a);
    } else {
      sources[nsources++] = a;
    }
  }
  if (nsources == 0)
    rc = usage_error("%s", "render 需要至少一个源文件");
  else if (out && nsources > 1)
    rc = usage_error("%s", "-o 只能用于一个源文件");
  for (int i = 0; rc != 2 && i < nsources; i++)
    if (render_one(sources[i], out, &opt) != 0)
      rc = 1;
  free(sources);
  return rc;
}

int main(int argc, char **argv) {
  signal(SIGINT, on_signal);
  signal(SIGTERM, on_signal);
  int rc;
  if (argc < 2)
    rc = usage_error("%s", "缺少命令");
  else if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
    fputs(usage_text, stdout);
    rc = 0;
  } else if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
    printf("gwdoc %s\n", GWDOC_VERSION);
    rc = 0;
  } else if (strcmp(argv[1], "render") == 0)
    rc = cmd_render(argc - 2, argv + 2);
  else
    rc = usage_error("未知命令 %s", argv[1]);
  gw_zh_cleanup();
  return rc;
}
