/* image.h - pictures: read a PNG or JPEG beside the source (sizes from
 * libpng / libjpeg), scale it into the 版心, add it to the model. */
#ifndef GW_IMAGE_H
#define GW_IMAGE_H
#include "build.h"

/* Add a picture block for `url` (relative to the source's folder) with
 * its caption `alt`. Reports unreadable, unsupported or outside-folder
 * paths at `pos`. Returns 0 or -1. */
int gw_image_add(gw_build *b, const char *url, const char *alt, gw_pos pos);

#endif
