/* test_deflate.c - the chunked deflate (src/deflate.c): whatever the
 * size and however the bytes are fed, zlib's inflate gives them back,
 * the CRC is theirs, the output is the same bytes every time, and a part
 * of one chunk is exactly zlib's own one-stream deflate. */
#include "../../src/deflate.h"
#include "suites.h"

#include <stdlib.h>
#include <string.h>

enum { LEVEL = 3, MEM_LEVEL = 8 };

/* XML-like text: sentences from a small stock, as a part repeats its
 * runs and properties, so matches reach far back. */
static unsigned char *sample(size_t len, unsigned seed) {
  enum { STOCK = 48, LONGEST = 160 };
  static unsigned char stock[STOCK][LONGEST];
  static size_t stock_len[STOCK];
  for (int k = 0; k < STOCK; k++) {
    seed = seed * 1103515245u + 12345u;
    stock_len[k] = 24 + (seed >> 16) % (LONGEST - 24);
    for (size_t i = 0; i < stock_len[k]; i++) {
      seed = seed * 1103515245u + 12345u;
      stock[k][i] = (unsigned char)(' ' + (seed >> 16) % 90);
    }
  }
  unsigned char *p = malloc(len ? len : 1);
  ck_assert_ptr_nonnull(p);
  for (size_t at = 0; at < len;) {
    seed = seed * 1103515245u + 12345u;
    int k = (int)((seed >> 16) % STOCK);
    size_t n = len - at < stock_len[k] ? len - at : stock_len[k];
    memcpy(p + at, stock[k], n);
    at += n;
  }
  return p;
}

typedef struct {
  unsigned char *data;
  size_t len;
  uint32_t crc;
} deflated;

/* A raw deflate stream at gwdoc's settings, as package.c opens it. */
static void open_stream(z_stream *zs) {
  memset(zs, 0, sizeof *zs);
  ck_assert_int_eq(deflateInit2(zs, LEVEL, Z_DEFLATED, -MAX_WBITS, MEM_LEVEL, Z_DEFAULT_STRATEGY),
                   Z_OK);
}

/* Deflate `len` bytes fed in pieces of `step`, on a fresh stream. */
static deflated deflate_all(const unsigned char *in, size_t len, size_t step) {
  z_stream zs;
  open_stream(&zs);
  bool used = false;
  gw_deflate *d = gw_deflate_begin(&zs, &used, LEVEL, MEM_LEVEL);
  ck_assert_ptr_nonnull(d);
  for (size_t at = 0; at < len; at += step)
    ck_assert_int_eq(gw_deflate_write(d, in + at, len - at < step ? len - at : step), 0);
  deflated out = {0};
  ck_assert_int_eq(gw_deflate_finish(d, &out.data, &out.len, &out.crc), 0);
  deflateEnd(&zs);
  return out;
}

static unsigned char *inflate_all(const deflated *def, size_t expect) {
  unsigned char *out = malloc(expect + 16);
  ck_assert_ptr_nonnull(out);
  z_stream zs;
  memset(&zs, 0, sizeof zs);
  ck_assert_int_eq(inflateInit2(&zs, -MAX_WBITS), Z_OK);
  zs.next_in = def->data;
  zs.avail_in = (uInt)def->len;
  zs.next_out = out;
  zs.avail_out = (uInt)expect + 16;
  ck_assert_int_eq(inflate(&zs, Z_FINISH), Z_STREAM_END); /* one stream, ended once */
  ck_assert_uint_eq(zs.total_out, expect);
  ck_assert_uint_eq(zs.avail_in, 0); /* nothing after the final block */
  inflateEnd(&zs);
  return out;
}

static const size_t sizes[] = {1,
                               1000,
                               GW_DEFLATE_CHUNK - 1,
                               GW_DEFLATE_CHUNK,
                               GW_DEFLATE_CHUNK + 1,
                               3 * GW_DEFLATE_CHUNK,
                               7 * GW_DEFLATE_CHUNK + 12345};

START_TEST(round_trip_at_every_size) {
  size_t len = sizes[_i];
  unsigned char *in = sample(len, (unsigned)len);
  deflated def = deflate_all(in, len, 4000); /* libxml2 hands on some 4 KB at a time */
  unsigned char *back = inflate_all(&def, len);
  ck_assert_int_eq(memcmp(in, back, len), 0);
  ck_assert_uint_eq(def.crc, (uint32_t)crc32(crc32(0, Z_NULL, 0), in, (uInt)len));
  free(back);
  free(def.data);
  free(in);
}
END_TEST

START_TEST(same_bytes_however_fed) {
  size_t len = 5 * GW_DEFLATE_CHUNK + 777;
  unsigned char *in = sample(len, 7);
  deflated a = deflate_all(in, len, 4000), b = deflate_all(in, len, 65536 + 3),
           c = deflate_all(in, len, len);
  ck_assert_uint_eq(a.len, b.len);
  ck_assert_uint_eq(a.len, c.len);
  ck_assert_int_eq(memcmp(a.data, b.data, a.len), 0);
  ck_assert_int_eq(memcmp(a.data, c.data, a.len), 0);
  free(a.data);
  free(b.data);
  free(c.data);
  free(in);
}
END_TEST

/* A part of one chunk (most parts of most documents) is the stream
 * zlib writes for it on its own: no dictionary, no flush marker. */
START_TEST(one_chunk_is_plain_deflate) {
  size_t len = GW_DEFLATE_CHUNK - 100;
  unsigned char *in = sample(len, 3);
  deflated ours = deflate_all(in, len, 4000);
  z_stream zs;
  open_stream(&zs);
  uLong bound = deflateBound(&zs, len);
  unsigned char *plain = malloc(bound);
  zs.next_in = in;
  zs.avail_in = (uInt)len;
  zs.next_out = plain;
  zs.avail_out = (uInt)bound;
  ck_assert_int_eq(deflate(&zs, Z_FINISH), Z_STREAM_END);
  ck_assert_uint_eq(ours.len, zs.total_out);
  ck_assert_int_eq(memcmp(ours.data, plain, ours.len), 0);
  deflateEnd(&zs);
  free(plain);
  free(ours.data);
  free(in);
}
END_TEST

/* Each chunk starts from the 32 KB before it, so cutting a part costs
 * next to nothing against one stream: a few bytes a chunk. */
START_TEST(chunks_keep_the_ratio) {
  size_t len = 6 * GW_DEFLATE_CHUNK;
  unsigned char *in = sample(len, 5);
  deflated ours = deflate_all(in, len, 4000);
  uLongf plain_len = compressBound(len);
  unsigned char *plain = malloc(plain_len);
  ck_assert_int_eq(compress2(plain, &plain_len, in, len, LEVEL), Z_OK);
  ck_assert_uint_le(ours.len, plain_len + 6 * 16);
  free(plain);
  free(ours.data);
  free(in);
}
END_TEST

/* A part dropped half-way (a writer failed) leaves no thread running and
 * nothing allocated (valgrind and ASan see to the second). */
START_TEST(discard_half_way) {
  size_t len = 9 * GW_DEFLATE_CHUNK;
  unsigned char *in = sample(len, 11);
  z_stream zs;
  open_stream(&zs);
  bool used = false;
  gw_deflate *d = gw_deflate_begin(&zs, &used, LEVEL, MEM_LEVEL);
  ck_assert_int_eq(gw_deflate_write(d, in, len), 0);
  gw_deflate_discard(d);
  gw_deflate_discard(NULL);
  deflateEnd(&zs);
  free(in);
}
END_TEST

Suite *deflate_suite(void) {
  Suite *s = suite_create("deflate");
  TCase *tc = tcase_create("deflate");
  tcase_set_timeout(tc, 60);
  tcase_add_loop_test(tc, round_trip_at_every_size, 0, (int)(sizeof sizes / sizeof sizes[0]));
  tcase_add_test(tc, same_bytes_however_fed);
  tcase_add_test(tc, one_chunk_is_plain_deflate);
  tcase_add_test(tc, chunks_keep_the_ratio);
  tcase_add_test(tc, discard_half_way);
  suite_add_tcase(s, tc);
  return s;
}
