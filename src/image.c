/* image.c - PNG and JPEG pictures. */
#include "image.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <jpeglib.h>
#include <limits.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Pictures larger than this are refused: a bulletin photo is far smaller. */
#define MAX_IMAGE_BYTES (20u * 1024u * 1024u)
#define EMU_PER_INCH 914400L
#define EMU_PER_TWIP 635L

typedef struct {
  long width, height; /* pixels */
  double dpi_x, dpi_y; /* 0 = unknown */
} pixel_size;

static int read_png_size(const unsigned char *data, size_t len, pixel_size *ps) {
  png_image img;
  memset(&img, 0, sizeof img);
  img.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&img, data, len))
    return -1;
  ps->width = (long)img.width;
  ps->height = (long)img.height;
  png_image_free(&img);
  return 0;
}

typedef struct {
  struct jpeg_error_mgr mgr;
  jmp_buf jump;
} jpeg_error;

static void jpeg_fail(j_common_ptr cinfo) { longjmp(((jpeg_error *)cinfo->err)->jump, 1); }

static int read_jpeg_size(const unsigned char *data, size_t len, pixel_size *ps) {
  struct jpeg_decompress_struct cinfo;
  jpeg_error err;
  cinfo.err = jpeg_std_error(&err.mgr);
  err.mgr.error_exit = jpeg_fail;
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&cinfo);
    return -1;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, data, (unsigned long)len);
  jpeg_read_header(&cinfo, TRUE);
  ps->width = (long)cinfo.image_width;
  ps->height = (long)cinfo.image_height;
  if (cinfo.density_unit == 1 && cinfo.X_density > 0 && cinfo.Y_density > 0) {
    ps->dpi_x = cinfo.X_density;
    ps->dpi_y = cinfo.Y_density;
  }
  jpeg_destroy_decompress(&cinfo);
  return 0;
}

/* A path that stays inside the source's folder: relative, no "..". */
static int path_is_inside(const char *url) {
  if (url[0] == '/' || strstr(url, "://"))
    return 0;
  for (const char *p = url; *p;) {
    const char *slash = strchr(p, '/');
    size_t n = slash ? (size_t)(slash - p) : strlen(p);
    if (n == 2 && p[0] == '.' && p[1] == '.')
      return 0;
    p += n + (slash ? 1 : 0);
  }
  return 1;
}

/* Read a regular file of at most MAX_IMAGE_BYTES. A FIFO or device is
 * refused before reading (it could block forever). Sets *err to the
 * errno of the failure, or EFBIG. */
static unsigned char *read_file(gw_arena *arena, const char *path, size_t *len, int *err) {
  int fd = open(path, O_RDONLY | O_NONBLOCK);
  struct stat st;
  *err = 0;
  if (fd < 0 || fstat(fd, &st) < 0) {
    *err = errno;
    if (fd >= 0)
      close(fd);
    return NULL;
  }
  if (!S_ISREG(st.st_mode) || st.st_size > (off_t)MAX_IMAGE_BYTES) {
    *err = S_ISREG(st.st_mode) ? EFBIG : EINVAL;
    close(fd);
    return NULL;
  }
  unsigned char *data = gw_arena_alloc(arena, (size_t)st.st_size + 1);
  size_t got = 0;
  while (got < (size_t)st.st_size) {
    ssize_t n = read(fd, data + got, (size_t)st.st_size - got);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      *err = n < 0 ? errno : EIO;
      close(fd);
      return NULL;
    }
    got += (size_t)n;
  }
  close(fd);
  *len = got;
  return data;
}

/* Does `path` resolve (symbolic links followed) inside `dir`? */
static int resolves_inside(const char *path, const char *dir) {
  char *real = realpath(path, NULL), *base = realpath(dir, NULL);
  size_t n = base ? strlen(base) : 0;
  int inside = real && base &&
               (strcmp(base, "/") == 0 ||
                (strncmp(real, base, n) == 0 && (real[n] == '/' || real[n] == '\0')));
  free(real);
  free(base);
  return inside;
}

int gw_image_add(gw_build *b, const char *url, const char *alt, bool alt_is_caption,
                 gw_pos pos) {
  if (!path_is_inside(url)) {
    gw_error(b->diags, pos, "图片“%s”不在源文件所在目录内：请把图片放到源文件旁边，用相对路径引用", url);
    return -1;
  }
  const char *path = gw_arena_printf(b->arena, "%s/%s", b->src->dir, url);
  size_t len = 0;
  int err = 0;
  const unsigned char *data = NULL;
  if (access(path, F_OK) == 0 && !resolves_inside(path, b->src->dir)) {
    gw_error(b->diags, pos, "图片“%s”是指向源文件所在目录以外的链接：请把图片本身放到源文件旁边", url);
    return -1;
  }
  data = read_file(b->arena, path, &len, &err);
  if (!data) {
    if (err == EFBIG)
      gw_error(b->diags, pos, "图片“%s”超过 %u MB：请压缩后再用", url, MAX_IMAGE_BYTES >> 20);
    else if (err == EINVAL)
      gw_error(b->diags, pos, "图片“%s”不是普通文件", url);
    else
      gw_error(b->diags, pos, "无法读取图片“%s”：%s", url, gw_errno_text(err));
    return -1;
  }
  pixel_size ps = {0, 0, 0, 0};
  const char *ext = NULL;
  if (len >= 8 && png_sig_cmp((png_const_bytep)data, 0, 8) == 0 &&
      read_png_size(data, len, &ps) == 0)
    ext = "png";
  else if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF &&
           read_jpeg_size(data, len, &ps) == 0)
    ext = "jpeg";
  if (!ext || ps.width <= 0 || ps.height <= 0) {
    gw_error(b->diags, pos, "图片“%s”不是可读的 PNG 或 JPEG 文件", url);
    return -1;
  }
  const gw_layout *L = &b->doc->layout;
  /* Natural size at the file's resolution (96 dpi when it names none),
   * then scaled down, aspect kept, to the 版心 width and the template's
 * greatest height. */
  double dpi_x = ps.dpi_x > 0 ? ps.dpi_x : 96, dpi_y = ps.dpi_y > 0 ? ps.dpi_y : 96;
  double cx = ps.width * EMU_PER_INCH / dpi_x, cy = ps.height * EMU_PER_INCH / dpi_y;
  double max_w = (double)L->text_w * EMU_PER_TWIP;
  double max_h = (double)L->picture_max_lines * L->line_twips * EMU_PER_TWIP;
  double scale = 1;
  if (cx > max_w)
    scale = max_w / cx;
  if (cy * scale > max_h)
    scale = max_h / cy;
  gw_image *img = gw_arena_alloc(b->arena, sizeof *img);
  img->data = data;
  img->len = len;
  img->ext = ext;
  img->number = ++b->doc->image_count;
  img->cx_emu = (long)(cx * scale);
  img->cy_emu = (long)(cy * scale);
  img->descr = alt;
  if (b->doc->images_last)
    b->doc->images_last->next = img;
  else
    b->doc->images = img;
  b->doc->images_last = img;
  gw_block *blk = gw_doc_add(b->doc, GW_BLOCK_IMAGE, GW_ROLE_CAPTION);
  blk->image = img;
  blk->keep_next = true;
  blk->pos = pos;
  if (alt_is_caption && alt && *alt)
    gw_doc_add_text(b->doc, GW_ROLE_CAPTION, alt)->pos = pos;
  return 0;
}
