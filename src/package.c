/* package.c - the parts deflated with zlib as they are written, packed by
 * libzip in memory, then an atomic save. */
#include "package.h"
#include "deflate.h"
#include "parts/parts.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

/* Deflate level 3: within 2 % of level 6's size on our XML, a third
 * faster. Parts under 1 KB are stored: a deflate stream costs more than
 * the bytes it would save. */
enum { DEFLATE_LEVEL = 3, DEFLATE_MEM_LEVEL = 8, STORE_BELOW_BYTES = 1024 };

typedef void (*part_writer)(gw_xml *x, const gw_doc *doc);

static void write_footer_odd(gw_xml *x, const gw_doc *doc) { gw_footer_write(x, doc, false); }
static void write_footer_even(gw_xml *x, const gw_doc *doc) { gw_footer_write(x, doc, true); }
static void write_footer_turned_odd(gw_xml *x, const gw_doc *doc) {
  gw_footer_write_turned(x, doc, false);
}
static void write_footer_turned_even(gw_xml *x, const gw_doc *doc) {
  gw_footer_write_turned(x, doc, true);
}

/* The parts in package order; the order is part of the output bytes.
 * A part with `wanted` is written only for the documents it says. */
static const struct {
  const char *name;
  part_writer write;
  bool (*wanted)(const gw_doc *doc);
} parts[] = {
    {"[Content_Types].xml", gw_content_types_write, NULL},
    {"_rels/.rels", gw_package_rels_write, NULL},
    {"word/document.xml", gw_document_write, NULL},
    {"word/_rels/document.xml.rels", gw_document_rels_write, NULL},
    {"word/styles.xml", gw_styles_write, NULL},
    {"word/settings.xml", gw_settings_write, NULL},
    {"word/fontTable.xml", gw_font_table_write, NULL},
    {"word/footer1.xml", write_footer_odd, NULL},
    {"word/footer2.xml", write_footer_even, NULL},
    {"word/footer3.xml", write_footer_turned_odd, gw_doc_has_landscape},
    {"word/footer4.xml", write_footer_turned_even, gw_doc_has_landscape},
    {"docProps/core.xml", gw_core_write, NULL},
    {"docProps/app.xml", gw_app_write, NULL},
};
enum { NPARTS = sizeof parts / sizeof parts[0] };

/* Add an entry with a fixed time (1980-01-01 00:00): byte-identical
 * output. Returns its index, or -1. */
static zip_int64_t add_source(zip_t *za, const char *name, zip_source_t *src) {
  zip_int64_t idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8);
  if (idx < 0) {
    zip_source_free(src);
    return -1;
  }
  return zip_file_set_dostime(za, (zip_uint64_t)idx, 0, 0x21, 0) < 0 ? -1 : idx;
}

/* An entry stored as it is; the zip reads `data` at zip_close, and frees
 * it after when `owned` (even on failure). */
static int add_stored(zip_t *za, const char *name, const void *data, size_t len, bool owned) {
  zip_source_t *src = zip_source_buffer(za, data, len, owned);
  if (!src && owned)
    free((void *)data);
  zip_int64_t idx = src ? add_source(za, name, src) : -1;
  return idx < 0 ? -1 : zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
}

/* A part deflated here, as the writer produces it, rather than by
 * libzip. libzip opens a new stream per entry at its largest memory level
 * (a 128 KB hash table cleared on every open: 0.7 M of the seed issue's
 * 9 M instructions); one stream reset between parts does the same job,
 * and streaming means a part's XML is never held whole (8.6 MB for a
 * 5,000-row division). The zip source hands libzip the compressed bytes
 * with their method, sizes and CRC, which is how zip_source_function(3)
 * says compressed data is passed in; libzip copies them as they are. */
typedef struct {
  unsigned char *data; /* compressed */
  zip_uint64_t comp_size, size, offset;
  zip_uint32_t crc;
  zip_error_t error;
} deflated;

static zip_int64_t deflated_callback(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd) {
  deflated *d = ud;
  switch (cmd) {
  case ZIP_SOURCE_OPEN:
    d->offset = 0;
    return 0;
  case ZIP_SOURCE_READ: {
    zip_uint64_t n = d->comp_size - d->offset < len ? d->comp_size - d->offset : len;
    memcpy(data, d->data + d->offset, (size_t)n);
    d->offset += n;
    return (zip_int64_t)n;
  }
  case ZIP_SOURCE_CLOSE:
    return 0;
  case ZIP_SOURCE_STAT: {
    zip_stat_t *st = data;
    zip_stat_init(st);
    st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC |
                ZIP_STAT_ENCRYPTION_METHOD;
    st->size = d->size;
    st->comp_size = d->comp_size;
    st->comp_method = ZIP_CM_DEFLATE;
    st->encryption_method = ZIP_EM_NONE;
    st->crc = d->crc;
    return sizeof *st;
  }
  case ZIP_SOURCE_ERROR:
    return zip_error_to_data(&d->error, data, len);
  case ZIP_SOURCE_FREE:
    free(d->data);
    zip_error_fini(&d->error);
    free(d);
    return 0;
  case ZIP_SOURCE_SUPPORTS:
    return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                          ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
  default:
    zip_error_set(&d->error, ZIP_ER_OPNOTSUPP, 0);
    return -1;
  }
}

/* Where the writer's bytes go while a part is written: the first
 * STORE_BELOW_BYTES kept raw, in case the part turns out small enough to
 * store; past them, all of it deflated as it comes (deflate.c, which
 * uses a second thread for a big part). */
typedef struct {
  z_stream *zs;
  bool *stream_used; /* the stream has deflated a part since deflateInit */
  size_t size;
  unsigned char head[STORE_BELOW_BYTES];
  gw_deflate *deflating; /* once the part outgrows head */
  bool failed;
  unsigned char *out; /* deflated, once finished */
  size_t out_len;
  uint32_t crc;
} part_sink;

/* The part outgrew head: deflate from its first byte on. */
static int start_deflating(part_sink *ps) {
  ps->deflating = gw_deflate_begin(ps->zs, ps->stream_used, DEFLATE_LEVEL, DEFLATE_MEM_LEVEL);
  return ps->deflating && gw_deflate_write(ps->deflating, ps->head, ps->size) == 0 ? 0 : -1;
}

static int part_sink_write(void *ctx, const char *bytes, int len) {
  part_sink *ps = ctx;
  if (ps->failed || len < 0)
    return -1;
  const unsigned char *p = (const unsigned char *)bytes;
  size_t left = (size_t)len;
  if (!ps->deflating) {
    size_t n = STORE_BELOW_BYTES - ps->size < left ? STORE_BELOW_BYTES - ps->size : left;
    memcpy(ps->head + ps->size, p, n);
    ps->size += n;
    p += n;
    left -= n;
    if (left && start_deflating(ps) < 0) {
      ps->failed = true;
      return -1;
    }
  }
  if (left && gw_deflate_write(ps->deflating, p, left) < 0) {
    ps->failed = true;
    return -1;
  }
  ps->size += left;
  return len;
}

/* After the writer's last byte; a part to be stored (all of it in head)
 * is not deflated at all. */
static int finish_sink(part_sink *ps) {
  if (ps->failed)
    return -1;
  if (ps->size < STORE_BELOW_BYTES)
    return 0;
  if (!ps->deflating && start_deflating(ps) < 0)
    return -1;
  gw_deflate *d = ps->deflating;
  ps->deflating = NULL;
  return gw_deflate_finish(d, &ps->out, &ps->out_len, &ps->crc);
}

/* Hand a finished part to libzip: stored when small, else deflated. */
static int add_finished(zip_t *za, const char *name, part_sink *ps) {
  if (ps->size < STORE_BELOW_BYTES) {
    void *copy = malloc(ps->size ? ps->size : 1);
    if (!copy)
      return -1;
    memcpy(copy, ps->head, ps->size);
    return add_stored(za, name, copy, ps->size, true);
  }
  deflated *d = calloc(1, sizeof *d);
  if (!d)
    return -1;
  d->data = ps->out;
  ps->out = NULL;
  d->comp_size = ps->out_len;
  d->size = ps->size;
  d->crc = ps->crc;
  zip_error_init(&d->error);
  zip_source_t *src = zip_source_function(za, deflated_callback, d);
  if (!src) {
    deflated_callback(d, NULL, 0, ZIP_SOURCE_FREE);
    return -1;
  }
  return add_source(za, name, src) < 0 ? -1 : 0;
}

/* One XML part, written straight into the deflate stream. */
static int add_part(zip_t *za, z_stream *zs, bool *stream_used, int i, const gw_doc *doc,
                    gw_xml *x) {
  part_sink ps = {.zs = zs, .stream_used = stream_used};
  int rc = -1;
  if (gw_xml_open_stream(x, part_sink_write, &ps) < 0)
    goto done;
  parts[i].write(x, doc);
  if (gw_xml_close(x) < 0)
    ps.failed = true;
  if (finish_sink(&ps) < 0)
    goto done;
  rc = add_finished(za, parts[i].name, &ps);
done:
  gw_deflate_discard(ps.deflating); /* after a failure: stops its thread */
  gw_xml_free(x);
  free(ps.out);
  return rc;
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
  z_stream zs;
  memset(&zs, 0, sizeof zs);
  bool have_stream = false, stream_used = false;
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
  if (!za || deflateInit2(&zs, DEFLATE_LEVEL, Z_DEFLATED, -MAX_WBITS, DEFLATE_MEM_LEVEL,
                          Z_DEFAULT_STRATEGY) != Z_OK)
    goto done;
  have_stream = true;
  for (int i = 0; i < NPARTS; i++)
    if ((!parts[i].wanted || parts[i].wanted(doc)) &&
        add_part(za, &zs, &stream_used, i, doc, &xml[i]) < 0)
      goto done;
  /* Pictures are stored as they are: PNG and JPEG do not deflate. */
  for (const gw_image *img = doc->images; img; img = img->next) {
    char name[64];
    snprintf(name, sizeof name, "word/media/image%d.%s", img->number, img->ext);
    if (add_stored(za, name, img->data, img->len, false) < 0)
      goto done;
  }
  if (zip_close(za) < 0)
    goto done;
  za = NULL;
  rc = read_source(mem, out);
done:
  if (have_stream)
    deflateEnd(&zs);
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
  /* "untouched" only of a file that is there */
  struct stat st;
  bool exists = stat(path, &st) == 0;
  fprintf(stderr, "%s: error: %s：%s%s\n", path, what, gw_errno_text(saved),
          exists ? "（原文件未改动）" : "");
  return -1;
}

int gw_package_save(const gw_bytes *bytes, const char *path) {
  if (strcmp(path, "-") == 0) {
    if (write_all(STDOUT_FILENO, bytes->data, bytes->len) < 0) {
      fprintf(stderr, "<stdout>: error: 写入标准输出失败：%s\n", gw_errno_text(errno));
      return -1;
    }
    return 0;
  }
  struct stat st;
  if (stat(path, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      errno = EISDIR;
      return save_failed(path, "输出路径是一个目录，请给出文件名");
    }
    if (!S_ISREG(st.st_mode)) {
      /* a device or a pipe: no errno says that, so no strerror either */
      fprintf(stderr, "%s: error: 输出路径不是普通文件（是设备或管道）；要写到标准输出请用 -o -\n",
              path);
      return -1;
    }
    /* A read-only output is the drafter's way of saying "keep this one"
     * (checked on the mode bits: root may write anything). */
    if (!(st.st_mode & 0222)) {
      errno = EACCES;
      return save_failed(path, "输出文件是只读的");
    }
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
