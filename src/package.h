/* package.h - assemble the parts into a DOCX (zip, in memory) and write
 * it atomically: a temporary file beside the target, renamed into place
 * only when every byte is on disk. */
#ifndef GW_PACKAGE_H
#define GW_PACKAGE_H
#include "model.h"
#include <stddef.h>

typedef struct {
  unsigned char *data; /* malloc'ed */
  size_t len;
} gw_bytes;

/* Write every part and zip them. Returns 0 or -1 (memory/zip failure). */
int gw_package_build(const gw_doc *doc, gw_bytes *out);

/* Write bytes to `path` ("-" = stdout) atomically. On failure prints
 * "PATH: error: …" to stderr, leaves any old file untouched and removes
 * the temporary file. Returns 0 or -1. */
int gw_package_save(const gw_bytes *bytes, const char *path);

/* Remove the temporary file being written, if any (signal handlers). */
void gw_package_abort_save(void);

#endif
