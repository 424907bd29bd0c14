/* package.c - libzip in memory, then an atomic save. */
#include "package.h"
#include "parts/parts.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

/* Deflate level: zlib's default, the usual speed/size balance. */
enum { DEFLATE_LEVEL = 3, STORE_BELOW_BYTES = 1024 };

typedef void (*part_writer)(gw_xml *x, const gw_doc *doc);

static void write_footer_odd(gw_xml *x, const gw_doc *doc) { gw_footer_write(x, doc, false); }
static void write_footer_even(gw_xml *x, const gw_doc *doc) { gw_footer_write(x, doc, true); }

/* The parts in package order; the order is part of the output bytes. */
static const struct {
  const char *name;
  part_writer write;
} parts[] = {
    {"[Content_Types].xml", gw_content_types_write},
    {"_rels/.rels", gw_package_rels_write},
    {"word/document.xml", gw_document_write},
    {"word/_rels/document.xml.rels", gw_document_rels_write},
    {"word/styles.xml", gw_styles_write},
    {"word/settings.xml", gw_settings_write},
    {"word/fontTable.xml", gw_font_table_write},
    {"word/footer1.xml", write_footer_odd},
    {"word/footer2.xml", write_footer_even},
    {"docProps/core.xml", gw_core_write},
    {"docProps/app.xml", gw_app_write},
};
enum { NPARTS = sizeof parts / sizeof parts[0] };

/* Add one entry; the zip reads `data` at zip_close. Fixed times
 * (1980-01-01 00:00) and level: byte-identical output. */
static int add_entry(zip_t *za, const char *name, const void *data, size_t len,
                     zip_int32_t method) {
  zip_source_t *src = zip_source_buffer(za, data, len, 0);
  if (!src)
    return -1;
  zip_int64_t idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8);
  if (idx < 0) {
    zip_source_free(src);
    return -1;
  }
  if (zip_file_set_dostime(za, (zip_uint64_t)idx, 0, 0x21, 0) < 0 ||
      zip_set_file_compression(za, (zip_uint64_t)idx, method,
                               method == ZIP_CM_STORE ? 0 : DEFLATE_LEVEL) < 0)
    return -1;
  return 0;
}

/* An XML part. One of a few hundred bytes is stored: setting up a deflate
 * stream costs more than the bytes it would save. */
static int add_part(zip_t *za, const char *name, gw_xml *x) {
  size_t len = (size_t)xmlBufferLength(x->buf);
  return add_entry(za, name, xmlBufferContent(x->buf), len,
                   len < STORE_BELOW_BYTES ? ZIP_CM_STORE : ZIP_CM_DEFLATE);
}

static int read_source(zip_source_t *src, gw_bytes *out) {
  zip_stat_t st;
  if (zip_source_stat(src, &st) < 0 || !(st.valid & ZIP_STAT_SIZE))
    return -1;
  if (zip_source_open(src) < 0)
    return -1;
  out->len = (size_t)st.size;
  out->data = malloc(out->len ? out->len : 1);
  int rc = out->data && zip_source_read(src, out->data, st.size) == (zip_int64_t)st.size ? 0 : -1;
  zip_source_close(src);
  if (rc < 0) {
    free(out->data);
    out->data = NULL;
  }
  return rc;
}

int gw_package_build(const gw_doc *doc, gw_bytes *out) {
  gw_xml xml[NPARTS];
  memset(xml, 0, sizeof xml);
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &ze);
  zip_t *za = NULL;
  int rc = -1;
  out->data = NULL;
  out->len = 0;
  if (!mem)
    goto done;
  zip_source_keep(mem);
  za = zip_open_from_source(mem, ZIP_TRUNCATE, &ze);
  if (!za)
    goto done;
  for (int i = 0; i < NPARTS; i++) {
    if (gw_xml_open(&xml[i]) < 0)
      goto done;
    parts[i].write(&xml[i], doc);
    if (gw_xml_close(&xml[i]) < 0 || add_part(za, parts[i].name, &xml[i]) < 0)
      goto done;
  }
  /* Pictures are stored as they are: PNG and JPEG do not deflate. */
  for (const gw_image *img = doc->images; img; img = img->next) {
    char name[64];
    snprintf(name, sizeof name, "word/media/image%d.%s", img->number, img->ext);
    if (add_entry(za, name, img->data, img->len, ZIP_CM_STORE) < 0)
      goto done;
  }
  if (zip_close(za) < 0)
    goto done;
  za = NULL;
  rc = read_source(mem, out);
done:
  if (za)
    zip_discard(za);
  if (mem)
    zip_source_free(mem);
  for (int i = 0; i < NPARTS; i++)
    gw_xml_free(&xml[i]);
  zip_error_fini(&ze);
  return rc;
}

/* The temporary file being written, for the signal handler. */
static char temp_path[4096];
static volatile sig_atomic_t temp_active;

void gw_package_abort_save(void) {
  if (temp_active)
    unlink(temp_path); /* async-signal-safe */
  temp_active = 0;
}

static int write_all(int fd, const unsigned char *p, size_t n) {
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

static int save_failed(const char *path, const char *what) {
  int saved = errno;
  gw_package_abort_save();
  fprintf(stderr, "%s: error: %s：%s（原文件未改动）\n", path, what, strerror(saved));
  return -1;
}

int gw_package_save(const gw_bytes *bytes, const char *path) {
  if (strcmp(path, "-") == 0) {
    if (write_all(STDOUT_FILENO, bytes->data, bytes->len) < 0) {
      fprintf(stderr, "<stdout>: error: 写入标准输出失败：%s\n", strerror(errno));
      return -1;
    }
    return 0;
  }
  /* A read-only output is the drafter's way of saying "keep this one"
   * (checked on the mode bits: root may write anything). */
  struct stat st;
  if (stat(path, &st) == 0 && (!S_ISREG(st.st_mode) || !(st.st_mode & 0222))) {
    errno = S_ISREG(st.st_mode) ? EACCES : EISDIR;
    return save_failed(path, S_ISREG(st.st_mode) ? "输出文件是只读的" : "输出路径不是普通文件");
  }
  const char *slash = strrchr(path, '/');
  int n = slash ? snprintf(temp_path, sizeof temp_path, "%.*s/.%s.gwdoc-XXXXXX",
                           (int)(slash - path), path, slash + 1)
                : snprintf(temp_path, sizeof temp_path, ".%s.gwdoc-XXXXXX", path);
  if (n < 0 || (size_t)n >= sizeof temp_path) {
    fprintf(stderr, "%s: error: 输出路径过长\n", path);
    return -1;
  }
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGTERM);
  sigprocmask(SIG_BLOCK, &block, &old);
  int fd = mkstemp(temp_path);
  if (fd >= 0)
    temp_active = 1;
  sigprocmask(SIG_SETMASK, &old, NULL);
  if (fd < 0)
    return save_failed(path, "无法在目标目录创建文件");
  mode_t mask = umask(0);
  umask(mask);
  /* No fsync: the rename already means no reader ever sees half a file,
   * and ext4 (auto_da_alloc) writes a file replaced by rename before the
   * rename itself; a forced flush cost more than the whole conversion of
   * a bulletin (3 ms of 10). */
  if (fchmod(fd, 0666 & ~mask) < 0 || write_all(fd, bytes->data, bytes->len) < 0) {
    int saved = errno;
    close(fd);
    errno = saved;
    return save_failed(path, "写入失败");
  }
  if (close(fd) < 0)
    return save_failed(path, "写入失败");
  if (rename(temp_path, path) < 0)
    return save_failed(path, "无法替换输出文件");
  temp_active = 0;
  return 0;
}
