/* template.h - find and load templates, resolve extends:, and merge
 * base <- publication template <- front matter (the source wins). */
#ifndef GW_TEMPLATE_H
#define GW_TEMPLATE_H
#include "arena.h"
#include "diag.h"
#include "value.h"

/* Look-up order for a template NAME: the source's folder, then each
 * folder of $GWDOC_TEMPLATES (colon-separated), then the installed
 * templates, then (for a binary run from the build tree) the repository's
 * templates/. A value with a '/' or ending in .yaml is a path relative to
 * `dir`. Returns the path (arena) or NULL. */
/* Does `name` name a template by its file (a folder in it, or .yaml)
 * rather than by its name? */
bool gw_template_is_path(const char *name);

const char *gw_template_find(gw_arena *arena, const char *name, const char *dir);

/* The folder holding the installed (or build-tree) templates. */
const char *gw_template_home(gw_arena *arena);

/* Load `name` with its extends: chain and merge `front` over it. `at` is
 * the position to blame when the template is not found. Returns the
 * merged configuration or NULL after reporting. */
gw_val *gw_template_config(gw_arena *arena, gw_diags *diags, const char *name,
                           gw_pos at, const char *dir, const gw_val *front);

#endif
