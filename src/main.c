/* main.c - the gwdoc command line: options, one gw_convert per source,
 * status to exit code (0 ok, 1 bad input or output failure, 2 bad usage). */
#include "gwdoc.h"
#include "fonts.h"
#include "lint.h"
#include "new.h"
#include "preview.h"
#include "zh.h"

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char usage_text[] =
    "用法：gwdoc render 源文件... [-o 输出.docx] [--template 模板名|路径]\n"
    "      gwdoc lint 源文件... [--fix] [--werror]\n"
    "      gwdoc new bulletin|division [--template 模板] [-o 文件]\n"
    "      gwdoc fonts [源文件]\n"
    "      gwdoc --help | --version\n"
    "\n"
    "把 Markdown + YAML 源文件排成符合 GB/T 9704-2012 的公文 DOCX（简报、责任分工）。\n"
    "\n"
    "命令：\n"
    "  render        生成 DOCX；默认输出为同名的 .docx 文件，“-”表示标准输入/输出\n"
    "  new           新建源文件：自动填好下一期期号、今天的日期、模板里的报送范围\n"
    "  fonts         列出各角色用的字体、本机是否安装、预览时的替代字体\n"
    "  lint          检查中文文字规范（标点、括号、编号、日期、繁体字等），--fix 就地修正\n"
    "\n"
    "选项：\n"
    "  -o, --output 文件   输出文件（只有一个源文件时可用）\n"
    "  -t, --template 模板 使用指定模板，覆盖源文件里的 template:\n"
    "      --unit 单位     责任分工：只输出该单位的任务\n"
    "      --pdf           同时用 LibreOffice 生成 PDF 预览（同名 .pdf）\n"
    "      --png 目录      把每页预览图（PNG）写到该目录\n"
    "  -j, --jobs N        多个源文件时并行处理 N 个\n"
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

typedef struct {
  gw_options opt;
  const char *out;     /* -o, one source only */
  bool pdf;            /* --pdf: also OUT.pdf */
  const char *png_dir; /* --png DIR: page images */
  long jobs;           /* -j N */
  bool batch;          /* several sources: a line per file and a summary */
} render_args;

/* OUT.docx -> OUT.pdf */
static char *pdf_name(const char *docx) {
  size_t n = strlen(docx);
  if (n > 5 && strcmp(docx + n - 5, ".docx") == 0)
    n -= 5;
  char *pdf = malloc(n + 5);
  if (pdf) {
    memcpy(pdf, docx, n);
    strcpy(pdf + n, ".pdf");
  }
  return pdf;
}

/* The base name of a path without its extension, for page images. */
static char *stem(const char *path) {
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  const char *dot = strrchr(base, '.');
  size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
  char *s = malloc(n + 1);
  if (s) {
    memcpy(s, base, n);
    s[n] = '\0';
  }
  return s;
}

static int previews(const char *docx, const render_args *a) {
  if (!a->pdf && !a->png_dir)
    return 0;
  if (strcmp(docx, "-") == 0) {
    fprintf(stderr, "gwdoc: error: 输出到标准输出时不能生成 --pdf/--png 预览\n");
    return 1;
  }
  char *pdf = pdf_name(docx);
  char *base = stem(docx);
  char tmp_pdf[] = "/tmp/gwdoc-page-XXXXXX";
  int rc = 0;
  const char *target = pdf;
  if (!a->pdf) { /* images only: the PDF is a temporary */
    int fd = mkstemp(tmp_pdf);
    if (fd >= 0)
      close(fd);
    target = tmp_pdf;
  }
  if (!pdf || !base || gw_preview_pdf(docx, target) < 0)
    rc = 1;
  else if (a->png_dir && gw_preview_png(target, a->png_dir, base) < 0)
    rc = 1;
  if (!a->pdf)
    unlink(tmp_pdf);
  free(pdf);
  free(base);
  return rc;
}

static int render_one(const char *src, const render_args *a) {
  char *owned = NULL;
  const char *out_path = a->out;
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
  diags.quiet = true; /* printed below, in the source's order */
  gw_bytes bytes;
  gw_status st = gw_convert(src, NULL, 0, &a->opt, &diags, &bytes);
  gw_diags_print_sorted(&diags, stderr);
  int rc = 0;
  if (st == GW_OK) {
    rc = gw_package_save(&bytes, out_path) == 0 ? 0 : 1;
    if (rc == 0)
      rc = previews(out_path, a);
  } else {
    if (st != GW_ERR_INPUT)
      fprintf(stderr, "%s: error: %s\n", src, gw_strerror(st));
    rc = 1;
  }
  if (a->batch)
    printf(rc == 0 ? "成功  %s -> %s\n" : "失败  %s\n", src, out_path);
  fflush(stdout);
  free(bytes.data);
  gw_diags_free(&diags);
  free(owned);
  return rc;
}

/* Render in up to `jobs` child processes (gw_convert keeps ICU caches per
 * process, so processes, not threads). Returns the number that failed. */
static int render_parallel(const char **sources, int n, const render_args *a) {
  int failed = 0, running = 0, next = 0;
  while (next < n || running > 0) {
    while (running < a->jobs && next < n) {
      pid_t pid = fork();
      if (pid == 0) {
        int rc = render_one(sources[next], a);
        gw_zh_cleanup();
        _exit(rc);
      }
      if (pid < 0) { /* no more processes: render here */
        failed += render_one(sources[next], a) != 0;
      } else {
        running++;
      }
      next++;
    }
    int status;
    if (running > 0 && wait(&status) > 0) {
      running--;
      failed += !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
  }
  return failed;
}

static int cmd_render(int argc, char **argv) {
  render_args a = {0};
  a.jobs = 1;
  const char *jobs_text = NULL;
  const char **sources = calloc((size_t)argc + 1, sizeof *sources);
  int nsources = 0, rc = 0;
  if (!sources)
    return 1;
  for (int i = 0; i < argc; i++) {
    const char *arg = argv[i];
    const char **slot = NULL;
    if (strcmp(arg, "-o") == 0 || strcmp(arg, "--output") == 0)
      slot = &a.out;
    else if (strcmp(arg, "-t") == 0 || strcmp(arg, "--template") == 0)
      slot = &a.opt.template_name;
    else if (strcmp(arg, "--unit") == 0)
      slot = &a.opt.unit;
    else if (strcmp(arg, "--png") == 0)
      slot = &a.png_dir;
    else if (strcmp(arg, "-j") == 0 || strcmp(arg, "--jobs") == 0)
      slot = &jobs_text;
    if (slot) {
      if (i + 1 >= argc || !argv[i + 1][strspn(argv[i + 1], " \t")]) { /* "" or "  " */
        free(sources);
        return usage_error("选项 %s 缺少参数", arg);
      }
      if (*slot) { /* --unit 甲 --unit 乙: which one was meant? */
        free(sources);
        return usage_error("选项 %s 只能给一次", arg);
      }
      *slot = argv[++i];
    } else if (strcmp(arg, "--pdf") == 0) {
      a.pdf = true;
    } else if (arg[0] == '-' && arg[1] != '\0') {
      free(sources);
      return usage_error("未知选项 %s", arg);
    } else {
      sources[nsources++] = arg;
    }
  }
  char *end = NULL;
  if (jobs_text && ((a.jobs = strtol(jobs_text, &end, 10)) < 1 || a.jobs > 256 || *end))
    rc = usage_error("-j 应为 1 到 256 的整数，而不是 %s", jobs_text);
  else if (nsources == 0)
    rc = usage_error("%s", "render 需要至少一个源文件");
  else if (a.out && nsources > 1)
    rc = usage_error("%s", "-o 只能用于一个源文件");
  if (rc == 2) {
    free(sources);
    return rc;
  }
  a.batch = nsources > 1;
  int failed = 0;
  if (a.jobs > 1 && nsources > 1)
    failed = render_parallel(sources, nsources, &a);
  else
    for (int i = 0; i < nsources; i++)
      failed += render_one(sources[i], &a) != 0;
  if (a.batch)
    printf("共 %d 个文件：成功 %d 个，失败 %d 个\n", nsources, nsources - failed, failed);
  free(sources);
  return failed ? 1 : 0;
}

int main(int argc, char **argv) {
  /* Clean up a half-written output on Ctrl-C or kill; a signal the
   * caller chose to ignore (nohup) stays ignored. */
  if (signal(SIGINT, on_signal) == SIG_IGN)
    signal(SIGINT, SIG_IGN);
  if (signal(SIGTERM, on_signal) == SIG_IGN)
    signal(SIGTERM, SIG_IGN);
  static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
  } commands[] = {
      {"render", cmd_render}, {"new", gw_new_main}, {"fonts", gw_fonts_main}, {"lint", gw_lint_main}};
  if (argc < 2)
    return usage_error("%s", "缺少命令");
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
    fputs(usage_text, stdout);
    return 0;
  }
  if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
    printf("gwdoc %s\n", GWDOC_VERSION);
    return 0;
  }
  size_t i = 0;
  while (i < sizeof commands / sizeof commands[0] && strcmp(argv[1], commands[i].name) != 0)
    i++;
  if (i == sizeof commands / sizeof commands[0]) {
    /* rendr, reder: a slip of a letter or two */
    for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++)
      if (gw_zh_distance(argv[1], commands[k].name) <= 2) {
        char what[256];
        snprintf(what, sizeof what, "未知命令 %.100s：是不是 %s？", argv[1], commands[k].name);
        return usage_error("%s", what);
      }
    return usage_error("未知命令 %s", argv[1]);
  }
  int rc = commands[i].run(argc - 2, argv + 2);
  gw_zh_cleanup();
  return rc;
}
