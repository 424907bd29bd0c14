/* deflate.h - one part deflated in fixed chunks, on two threads.
 *
 * Deflate is the larger half of writing a big document (on 2,800 KB of
 * XML, zlib alone takes longer than the writer that makes it), and one
 * deflate stream can use only one core. So a part is cut into chunks of
 * GW_DEFLATE_CHUNK bytes, each deflated on its own with the 32 KB before
 * it as its dictionary and ended with a sync flush, and the pieces are
 * joined: the method of pigz, and one valid raw deflate stream. A second
 * thread deflates chunks while the writer goes on; the writer deflates
 * too when it gets ahead, and at the end. Where the chunks fall depends
 * only on the bytes, not on the threads, so the output is the same bytes
 * every run; a part of one chunk is the plain deflate of it. */
#ifndef GW_DEFLATE_H
#define GW_DEFLATE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <zlib.h>

enum { GW_DEFLATE_CHUNK = 256 * 1024 };

typedef struct gw_deflate gw_deflate;

/* Start a part. `zs` is the caller's stream (raw deflate, set up with
 * deflateInit2), used on the caller's thread and reset before each
 * chunk; `used` says whether it has deflated anything since its init.
 * NULL when out of memory. */
gw_deflate *gw_deflate_begin(z_stream *zs, bool *used, int level, int mem_level);

/* Feed the part's next bytes. 0, or -1 once anything has failed. */
int gw_deflate_write(gw_deflate *d, const unsigned char *bytes, size_t len);

/* After the last byte: the whole deflated part (malloc'ed, the caller's)
 * and the CRC-32 of what was written. Frees d, whatever happens. 0 or
 * -1. */
int gw_deflate_finish(gw_deflate *d, unsigned char **out, size_t *out_len, uint32_t *crc);

/* Drop a part (after a failure): stops the thread and frees d. */
void gw_deflate_discard(gw_deflate *d);

#endif
