/* deflate.c - one part deflated in fixed chunks, on two threads (see
 * deflate.h). */
#include "deflate.h"
#include "arena.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* DICT_BYTES: deflate's window, the most a match may reach back into the
 * chunk before. MOST_WAITING: chunks handed on and not yet taken before
 * the writer deflates one itself (so a part's XML is never held whole:
 * 8.6 MB for a 5,000-row division). */
enum { DICT_BYTES = 32 * 1024, MOST_WAITING = 4, FIRST_CAP = 64 * 1024, SPARES = 8 };
enum { FULL_CAP = DICT_BYTES + GW_DEFLATE_CHUNK }; /* a primed chunk's input */

typedef struct chunk {
  struct chunk *next;  /* in the part's order */
  unsigned char *in;   /* dict_len bytes of dictionary, then len bytes;
                          given up once deflated */
  size_t dict_len, len, cap;
  bool mapped;         /* `in` is FULL_CAP of gw_pages_map_populated, else
                          malloc'ed (the first chunk, which grows) */
  bool last;           /* ends the stream (Z_FINISH), else a sync flush */
  unsigned char *out;  /* deflated */
  size_t out_len, out_cap;
  uint32_t crc;        /* of its len bytes, made where it is deflated */
} chunk;

struct gw_deflate {
  z_stream *zs; /* the writer's stream */
  bool *zs_used;
  int level, mem_level;
  chunk *first, *tail; /* every chunk handed on, in order */
  chunk *cur;          /* being filled */
  unsigned char *dict; /* the last bytes handed on, DICT_BYTES (made at
                          the first full chunk: most parts have one) */
  size_t dict_len;
  /* shared with the thread, under mu once it runs */
  unsigned char *spare[SPARES]; /* mapped inputs of deflated chunks,
                                   for the next chunks */
  int nspare;
  chunk *waiting; /* the first chunk handed on and not yet taken */
  int nwaiting, handed, done;
  bool failed, ended;
  bool threaded, no_thread; /* no_thread: starting one failed; stay in line */
  pthread_t thread;
  pthread_mutex_t mu;
  pthread_cond_t work;     /* a chunk waiting, or the end */
  pthread_cond_t finished; /* a chunk deflated */
};

static int grow_out(chunk *c) {
  size_t cap = c->out_cap ? c->out_cap * 2 : c->len / 4 + 4096;
  unsigned char *grown = realloc(c->out, cap);
  if (!grown)
    return -1;
  c->out = grown;
  c->out_cap = cap;
  return 0;
}

/* Deflate one chunk on stream zs: primed with the bytes before it, ended
 * with a sync flush (byte-aligned, not final) or, for the last, Z_FINISH. */
static int deflate_chunk(z_stream *zs, bool *used, chunk *c) {
  c->crc = (uint32_t)crc32(0, c->in + c->dict_len, (uInt)c->len);
  if (*used && deflateReset(zs) != Z_OK)
    return -1;
  *used = true;
  if (c->dict_len && deflateSetDictionary(zs, c->in, (uInt)c->dict_len) != Z_OK)
    return -1;
  zs->next_in = c->in + c->dict_len;
  zs->avail_in = (uInt)c->len;
  int flush = c->last ? Z_FINISH : Z_SYNC_FLUSH;
  for (;;) {
    if (c->out_cap - c->out_len < 64 && grow_out(c) < 0)
      return -1;
    uInt room = (uInt)(c->out_cap - c->out_len);
    zs->next_out = c->out + c->out_len;
    zs->avail_out = room;
    int z = deflate(zs, flush);
    c->out_len += room - zs->avail_out;
    if (z == Z_STREAM_END || (flush == Z_SYNC_FLUSH && z == Z_OK && zs->avail_out > 0))
      return 0; /* a sync flush is complete once deflate leaves room */
    if (z != Z_OK && z != Z_BUF_ERROR)
      return -1;
  }
}

/* Under mu when threaded: the next chunk waiting, taken, or NULL. */
static chunk *take(gw_deflate *d) {
  chunk *c = d->waiting;
  if (c) {
    d->waiting = c->next;
    d->nwaiting--;
  }
  return c;
}

static void free_input(chunk *c) {
  if (c->mapped)
    gw_pages_unmap(c->in, FULL_CAP);
  else
    free(c->in);
  c->in = NULL;
}

/* Under mu when threaded: a taken chunk is done; its input is kept for
 * a chunk to come. */
static void finished_one(gw_deflate *d, chunk *c, bool ok) {
  d->done++;
  if (!ok)
    d->failed = true;
  if (c->mapped && d->nspare < SPARES) {
    d->spare[d->nspare++] = c->in;
    c->in = NULL;
  }
  free_input(c);
}

/* Under mu: deflate a taken chunk on stream zs (NULL: it could not be
 * set up) with the lock let go meanwhile, then count it done. */
static void deflate_taken(gw_deflate *d, z_stream *zs, bool *used, chunk *c) {
  pthread_mutex_unlock(&d->mu);
  bool ok = zs && deflate_chunk(zs, used, c) == 0;
  pthread_mutex_lock(&d->mu);
  finished_one(d, c, ok);
  pthread_cond_signal(&d->finished);
}

static void *deflater_main(void *arg) {
  gw_deflate *d = arg;
  z_stream zs;
  memset(&zs, 0, sizeof zs);
  bool ready = deflateInit2(&zs, d->level, Z_DEFLATED, -MAX_WBITS, d->mem_level,
                            Z_DEFAULT_STRATEGY) == Z_OK;
  bool used = false;
  pthread_mutex_lock(&d->mu);
  for (;;) {
    while (!d->waiting && !d->ended)
      pthread_cond_wait(&d->work, &d->mu);
    chunk *c = take(d);
    if (!c)
      break; /* ended, nothing left */
    deflate_taken(d, ready ? &zs : NULL, &used, c);
  }
  pthread_mutex_unlock(&d->mu);
  if (ready)
    deflateEnd(&zs);
  return NULL;
}

static void start_thread(gw_deflate *d) {
  d->no_thread = true; /* unless all of it works */
  if (pthread_mutex_init(&d->mu, NULL) != 0)
    return;
  if (pthread_cond_init(&d->work, NULL) != 0) {
    pthread_mutex_destroy(&d->mu);
    return;
  }
  if (pthread_cond_init(&d->finished, NULL) != 0) {
    pthread_cond_destroy(&d->work);
    pthread_mutex_destroy(&d->mu);
    return;
  }
  if (pthread_create(&d->thread, NULL, deflater_main, d) != 0) {
    pthread_cond_destroy(&d->finished);
    pthread_cond_destroy(&d->work);
    pthread_mutex_destroy(&d->mu);
    return;
  }
  d->no_thread = false;
  d->threaded = true;
}

/* Tell the thread no more chunks will come, and wait for it. */
static void stop_thread(gw_deflate *d) {
  if (!d->threaded)
    return;
  pthread_mutex_lock(&d->mu);
  d->ended = true;
  pthread_cond_signal(&d->work);
  pthread_mutex_unlock(&d->mu);
  pthread_join(d->thread, NULL);
  pthread_cond_destroy(&d->finished);
  pthread_cond_destroy(&d->work);
  pthread_mutex_destroy(&d->mu);
  d->threaded = false;
}

gw_deflate *gw_deflate_begin(z_stream *zs, bool *used, int level, int mem_level) {
  gw_deflate *d = calloc(1, sizeof *d);
  if (!d)
    return NULL;
  d->zs = zs;
  d->zs_used = used;
  d->level = level;
  d->mem_level = mem_level;
  return d;
}

/* A spare input of FULL_CAP bytes, or NULL. */
static unsigned char *take_spare(gw_deflate *d) {
  if (d->threaded)
    pthread_mutex_lock(&d->mu);
  unsigned char *in = d->nspare ? d->spare[--d->nspare] : NULL;
  if (d->threaded)
    pthread_mutex_unlock(&d->mu);
  return in;
}

/* A new chunk to fill, primed with the last bytes handed on (all chunks
 * but the first hold DICT_BYTES of them: FULL_CAP). */
static int new_chunk(gw_deflate *d) {
  chunk *c = calloc(1, sizeof *c);
  if (!c)
    return -1;
  c->cap = d->dict_len ? FULL_CAP : FIRST_CAP;
  c->mapped = d->dict_len > 0;
  if (c->mapped)
    c->in = take_spare(d);
  if (!c->in)
    c->in = c->mapped ? gw_pages_map_populated(FULL_CAP) : malloc(c->cap);
  if (!c->in) {
    free(c);
    return -1;
  }
  if (d->dict_len)
    memcpy(c->in, d->dict, d->dict_len);
  c->dict_len = d->dict_len;
  d->cur = c;
  return 0;
}

/* Under mu when threaded: c goes at the end of the part's chunks. */
static void append(gw_deflate *d, chunk *c) {
  if (d->tail)
    d->tail->next = c;
  else
    d->first = c;
  d->tail = c;
}

/* Hand the chunk being filled on: to the thread when there is one (started
 * at the first full chunk), else deflate it here. The writer deflates a
 * waiting chunk itself when too many wait. */
static int hand_on(gw_deflate *d, bool last) {
  chunk *c = d->cur;
  d->cur = NULL;
  c->last = last;
  const unsigned char *bytes = c->in + c->dict_len;
  if (!last && !d->dict && !(d->dict = malloc(DICT_BYTES)))
    d->failed = true;
  if (!last && d->dict) {
    d->dict_len = c->len < DICT_BYTES ? c->len : DICT_BYTES;
    memcpy(d->dict, bytes + c->len - d->dict_len, d->dict_len);
  }
  if (!d->threaded && !d->no_thread && !last)
    start_thread(d); /* failing that, deflate in line */
  if (!d->threaded) {
    append(d, c);
    d->handed++;
    finished_one(d, c, deflate_chunk(d->zs, d->zs_used, c) == 0);
    return d->failed ? -1 : 0;
  }
  pthread_mutex_lock(&d->mu);
  append(d, c); /* the thread follows the links */
  d->handed++;
  if (!d->waiting)
    d->waiting = c;
  d->nwaiting++;
  pthread_cond_signal(&d->work);
  chunk *mine = d->nwaiting > MOST_WAITING ? take(d) : NULL;
  if (mine)
    deflate_taken(d, d->zs, d->zs_used, mine);
  bool failed = d->failed;
  pthread_mutex_unlock(&d->mu);
  return failed ? -1 : 0;
}

int gw_deflate_write(gw_deflate *d, const unsigned char *bytes, size_t len) {
  while (len) {
    if (!d->cur && new_chunk(d) < 0)
      return -1;
    chunk *c = d->cur;
    size_t n = GW_DEFLATE_CHUNK - c->len < len ? GW_DEFLATE_CHUNK - c->len : len;
    if (c->dict_len + c->len + n > c->cap) {
      size_t cap = c->cap * 2 < c->dict_len + GW_DEFLATE_CHUNK ? c->cap * 2
                                                                 : c->dict_len + GW_DEFLATE_CHUNK;
      unsigned char *grown = realloc(c->in, cap);
      if (!grown)
        return -1;
      c->in = grown;
      c->cap = cap;
      continue; /* room for more now */
    }
    memcpy(c->in + c->dict_len + c->len, bytes, n);
    c->len += n;
    bytes += n;
    len -= n;
    if (c->len == GW_DEFLATE_CHUNK && hand_on(d, false) < 0)
      return -1;
  }
  return 0;
}

static void free_chunks(gw_deflate *d) {
  for (chunk *c = d->first, *next; c; c = next) {
    next = c->next;
    free_input(c);
    free(c->out);
    free(c);
  }
  if (d->cur) {
    free_input(d->cur);
    free(d->cur);
  }
  while (d->nspare)
    gw_pages_unmap(d->spare[--d->nspare], FULL_CAP);
  free(d->dict);
  free(d);
}

/* The stream is the chunks' pieces in order; the part's CRC, theirs
 * combined. */
static int join_pieces(gw_deflate *d, unsigned char **out, size_t *out_len, uint32_t *crc) {
  size_t total = 0;
  uLong whole = crc32(0, Z_NULL, 0);
  for (chunk *c = d->first; c; c = c->next) {
    total += c->out_len;
    whole = crc32_combine(whole, c->crc, (z_off_t)c->len);
  }
  *crc = (uint32_t)whole;
  unsigned char *joined = malloc(total ? total : 1);
  if (!joined)
    return -1;
  size_t at = 0;
  for (chunk *c = d->first; c; c = c->next) {
    memcpy(joined + at, c->out, c->out_len);
    at += c->out_len;
  }
  *out = joined;
  *out_len = total;
  return 0;
}

int gw_deflate_finish(gw_deflate *d, unsigned char **out, size_t *out_len, uint32_t *crc) {
  int rc = !d->cur && new_chunk(d) < 0 ? -1 : hand_on(d, true);
  if (d->threaded) {
    /* the writer is done: it deflates what still waits, beside the thread */
    pthread_mutex_lock(&d->mu);
    for (chunk *c; (c = take(d));)
      deflate_taken(d, d->zs, d->zs_used, c);
    while (d->done < d->handed)
      pthread_cond_wait(&d->finished, &d->mu);
    pthread_mutex_unlock(&d->mu);
    stop_thread(d);
  }
  if (d->failed)
    rc = -1;
  if (rc == 0)
    rc = join_pieces(d, out, out_len, crc);
  free_chunks(d);
  return rc;
}

void gw_deflate_discard(gw_deflate *d) {
  if (!d)
    return;
  if (d->threaded) {
    pthread_mutex_lock(&d->mu);
    d->waiting = NULL; /* the thread takes no more */
    pthread_mutex_unlock(&d->mu);
    stop_thread(d);
  }
  free_chunks(d);
}
