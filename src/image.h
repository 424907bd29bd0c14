/* image.h - pictures: read a PNG or JPEG beside the source (sizes from
 * libpng / libjpeg), scale it into the 版心, add it to the model. */
#ifndef GW_IMAGE_H
#define GW_IMAGE_H
#include "build.h"

#include <stdbool.h>

/* Add a picture block for `url` (relative to the source's folder) with
 * `alt` as its description, and as its printed caption when
 * alt_is_caption (not when a （图为…） line under it is the caption).
 * Reports unreadable, unsupported or outside-folder paths at `pos`.
 * Returns 0 or -1. */
int gw_image_add(gw_build *b, const char *url, const char *alt, bool alt_is_caption,
                 gw_pos pos);

#endif
