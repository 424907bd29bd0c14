/* image.c - PNG and JPEG pictures. */
#include "image.h"

#include <errno.h>
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

static unsigned char *read_file(gw_arena *arena, const char *path, size_t *len, int *too_big) {
  FILE *f = fopen(path, "rb");
  *too_big = 0;
  if (!f)
    return NULL;
  gw_buf buf = {0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && buf.len <= MAX_IMAGE_BYTES)
    gw_buf_append(&buf, chunk, n);
  int bad = ferror(f);
  fclose(f);
  if (buf.len > MAX_IMAGE_BYTES)
    *too_big = 1;
  unsigned char *data = NULL;
  if (!bad && !*too_big) {
    data = gw_arena_alloc(arena, buf.len ? buf.len : 1);
    memcpy(data, buf.data ? buf.data : "", buf.len);
    *len = buf.len;
  }
  gw_buf_free(&buf);
  return data;
}

int gw_image_add(gw_build *b, const char *url, const char *alt, gw_pos pos) {
  if (!path_is_inside(url)) {
    gw_error(b->diags, pos, "图片“%s”不在源文件所在目录内：请把图片放到源文件旁边，用相对路径引用", url);
    return -1;
  }
  const char *path = gw_arena_printf(b->arena, "%s/%s", b->src->dir, url);
  size_t len = 0;
  int too_big;
  const unsigned char *data = read_file(b->arena, path, &len, &too_big);
  if (!data) {
    if (too_big)
      gw_error(b->diags, pos, "图片“%s”超过 %u MB：请压缩后再用", url, MAX_IMAGE_BYTES >> 20);
    else
      gw_error(b->diags, pos, "无法读取图片“%s”：%s", url, strerror(errno));
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
   * then scaled down, aspect kept, to the 版心 width and height. */
  double dpi_x = ps.dpi_x > 0 ? ps.dpi_x : 96, dpi_y = ps.dpi_y > 0 ? ps.dpi_y : 96;
  double cx = ps.width * EMU_PER_INCH / dpi_x, cy = ps.height * EMU_PER_INCH / dpi_y;
  double max_w = (double)L->text_w * EMU_PER_TWIP;
  double max_h = (double)(L->text_h - 2 * L->line_twips) * EMU_PER_TWIP;
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
  if (alt && *alt)
    gw_doc_add_text(b->doc, GW_ROLE_CAPTION, alt)->pos = pos;
  return 0;
}
