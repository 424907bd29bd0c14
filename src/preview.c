/* preview.c - LibreOffice and pdftoppm as child processes. */
/* nftw */
#define _XOPEN_SOURCE 700
#include "preview.h"
#include "template.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

int gw_have_program(const char *name) {
  const char *path = getenv("PATH");
  char buf[4096];
  while (path && *path) {
    const char *colon = strchr(path, ':');
    size_t n = colon ? (size_t)(colon - path) : strlen(path);
    snprintf(buf, sizeof buf, "%.*s/%s", (int)n, path, name);
    if (access(buf, X_OK) == 0)
      return 1;
    path += n + (colon ? 1 : 0);
  }
  return 0;
}

int gw_spawn(char *const argv[], char *const env_add[], int timeout, int keep_stdout) {
  pid_t pid = fork();
  if (pid < 0)
    return -1;
  if (pid == 0) {
    setpgid(0, 0); /* its own group: a timeout kills soffice's children too */
    for (int i = 0; env_add && env_add[i]; i++)
      putenv(env_add[i]);
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
      if (!keep_stdout)
        dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
      dup2(null, STDIN_FILENO);
    }
    execvp(argv[0], argv);
    _exit(127);
  }
  setpgid(pid, pid);
  int status = 0;
  time_t deadline = time(NULL) + timeout;
  for (;;) {
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid)
      break;
    if (r < 0 && errno != EINTR)
      return -1;
    if (time(NULL) > deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      return -1;
    }
    struct timespec ts = {0, 20 * 1000 * 1000};
    nanosleep(&ts, NULL);
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

char *gw_preview_aliases(void) {
  gw_arena *arena = gw_arena_new();
  const char *home = gw_template_home(arena);
  char *path = gw_xmalloc(strlen(home) + 64);
  sprintf(path, "%s/../fonts/65-gbt9704-cjk-aliases.conf", home);
  gw_arena_free(arena);
  if (access(path, R_OK) == 0)
    return path;
  free(path);
  return NULL;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st;
  (void)flag;
  (void)ftw;
  return remove(path);
}

static int copy_file(const char *from, const char *to) {
  FILE *in = fopen(from, "rb");
  if (!in)
    return -1;
  FILE *out = fopen(to, "wb");
  if (!out) {
    fclose(in);
    return -1;
  }
  char buf[65536];
  size_t n;
  int rc = 0;
  while ((n = fread(buf, 1, sizeof buf, in)) > 0)
    if (fwrite(buf, 1, n, out) != n)
      rc = -1;
  if (ferror(in))
    rc = -1;
  fclose(in);
  if (fclose(out) != 0)
    rc = -1;
  return rc;
}

int gw_preview_pdf(const char *docx_path, const char *pdf_path) {
  if (!gw_have_program("soffice")) {
    fprintf(stderr, "%s: error: 未找到 LibreOffice（soffice）：请安装 libreoffice-writer-nogui 后再用 --pdf\n",
            pdf_path);
    return -1;
  }
  char dir[] = "/tmp/gwdoc-preview-XXXXXX";
  if (!mkdtemp(dir)) {
    fprintf(stderr, "%s: error: 无法创建临时目录：%s\n", pdf_path, gw_errno_text(errno));
    return -1;
  }
  char conf[4200], profile[4200], docx_copy[4200], produced[4200], home[4200];
  char *aliases = gw_preview_aliases();
  if (!aliases)
    fprintf(stderr, "%s: warning: 没有找到预览用的字体映射（模板目录旁的 fonts/65-gbt9704-cjk-aliases.conf，"
                    "make install 会装好）：预览用本机的默认字体，与印出来的不同\n",
            pdf_path);
  snprintf(conf, sizeof conf, "%s/fonts.conf", dir);
  FILE *f = fopen(conf, "w");
  if (f) {
    fprintf(f, "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n"
               "<fontconfig>\n  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n");
    if (aliases)
      fprintf(f, "  <include ignore_missing=\"yes\">%s</include>\n", aliases);
    fprintf(f, "</fontconfig>\n");
    fclose(f);
  }
  free(aliases);
  /* A private profile and HOME: parallel runs never share one, and an
   * unwritable HOME cannot hang LibreOffice. */
  snprintf(profile, sizeof profile, "-env:UserInstallation=file://%s/profile", dir);
  snprintf(docx_copy, sizeof docx_copy, "%s/preview.docx", dir);
  snprintf(produced, sizeof produced, "%s/preview.pdf", dir);
  snprintf(home, sizeof home, "HOME=%s", dir);
  int rc = -1;
  if (copy_file(docx_path, docx_copy) == 0) {
    char fc_env[4300];
    snprintf(fc_env, sizeof fc_env, "FONTCONFIG_FILE=%s", conf);
    char *env[] = {fc_env, home, NULL};
    char *argv[] = {"soffice", "--headless", "--norestore", profile, "--convert-to",
                    "pdf:writer_pdf_Export", "--outdir", dir, docx_copy, NULL};
    int status = gw_spawn(argv, env, GW_PREVIEW_TIMEOUT, 0);
    if (status == 0 && access(produced, R_OK) == 0 && copy_file(produced, pdf_path) == 0)
      rc = 0;
    else if (status < 0)
      fprintf(stderr, "%s: error: LibreOffice 转换失败或超时（%d 秒）\n", pdf_path,
              GW_PREVIEW_TIMEOUT);
    else
      fprintf(stderr, "%s: error: LibreOffice 没有生成 PDF\n", pdf_path);
  } else {
    fprintf(stderr, "%s: error: 无法复制 DOCX 到临时目录\n", pdf_path);
  }
  nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
  return rc;
}

int gw_preview_png(const char *pdf_path, const char *dir, const char *base) {
  if (!gw_have_program("pdftoppm")) {
    fprintf(stderr, "%s: error: 未找到 pdftoppm：请安装 poppler-utils 后再用 --png\n", pdf_path);
    return -1;
  }
  if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
    fprintf(stderr, "%s: error: 无法创建目录：%s\n", dir, gw_errno_text(errno));
    return -1;
  }
  char prefix[4200];
  snprintf(prefix, sizeof prefix, "%s/%s", dir, base);
  char *argv[] = {"pdftoppm", "-r", "100", "-png", (char *)pdf_path, prefix, NULL};
  if (gw_spawn(argv, NULL, GW_PREVIEW_TIMEOUT, 0) != 0) {
    fprintf(stderr, "%s: error: pdftoppm 转换失败\n", pdf_path);
    return -1;
  }
  return 0;
}
