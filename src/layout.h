/* layout.h - the template's layout numbers, read once and converted to
 * OOXML units (twips, half-points, eighths of a point). No layout number
 * lives in C: everything here comes from templates/. */
#ifndef GW_LAYOUT_H
#define GW_LAYOUT_H
#include "diag.h"
#include "value.h"
#include <stdbool.h>

/* Text roles; their names are the keys under layout.roles. */
typedef enum {
  GW_ROLE_BODY,
  GW_ROLE_MARK,
  GW_ROLE_MASTHEAD,
  GW_ROLE_ISSUE_NUMBER,
  GW_ROLE_ISSUER_LINE,
  GW_ROLE_COLUMN,
  GW_ROLE_CONTENTS,
  GW_ROLE_CONTENTS_ITEM,
  GW_ROLE_NOTE_LABEL,
  GW_ROLE_NOTE,
  GW_ROLE_TITLE,
  GW_ROLE_SUBTITLE,
  GW_ROLE_HEADING1,
  GW_ROLE_HEADING2,
  GW_ROLE_HEADING3,
  GW_ROLE_HEADING4,
  GW_ROLE_CAPTION,
  GW_ROLE_TAIL,
  GW_ROLE_CONTACT,
  GW_ROLE_TABLE_HEADER,
  GW_ROLE_TABLE_CELL,
  GW_ROLE_ADDRESSEE, /* 主送机关 or a speech's 同志们：, flush left */
  GW_ROLE_SIGNATURE, /* 发文机关署名 and 成文日期 under a notice, set from the right */
  GW_ROLE_COUNT
} gw_role;

extern const char *const gw_role_names[GW_ROLE_COUNT];

typedef enum { GW_ALIGN_LEFT, GW_ALIGN_CENTER, GW_ALIGN_RIGHT, GW_ALIGN_BOTH } gw_align;

typedef struct {
  const char *font;      /* the Chinese face (w:eastAsia) */
  const char *latin;     /* digits and Latin (w:ascii, w:hAnsi) */
  int size_half_pt;      /* w:sz */
  gw_align align;
  int indent_twips;      /* first-line indent */
  bool bold;
  const char *color;     /* RRGGBB or NULL */
  int line_twips;        /* exact line height */
  int spacing_twips;     /* character spacing (w:spacing in w:rPr) */
  int scale_pct;         /* character width scale (w:w), 0 = 100 % */
} gw_role_style;

typedef struct {
  int page_w, page_h;            /* twips */
  int top, bottom, left, right;  /* margins, twips */
  int header, footer;            /* header/footer distance, twips */
  int text_w, text_h;            /* the 版心 */
  int lines, chars;              /* grid */
  int line_twips;                /* body line pitch */
  int char_twips;                /* body character pitch */
  const char *latin_font;
  gw_role_style roles[GW_ROLE_COUNT];
  struct {
    const char *font;
    int size_half_pt;
    int indent_twips;
    const char *text; /* "— {n} —" */
  } page_number;
  struct {
    int width_eighths;
    const char *color;
    int space_pt;
  } masthead_rule;
  struct {
    int thick_eighths, thin_eighths;
    const char *color;
    int indent_twips;
    int line_twips;
  } tail;
  struct {
    int line_twips;
    int border_eighths;
    int cell_margin_twips;
    int center_max_cols; /* display columns: a column no longer is centred */
  } table;
  int picture_max_lines; /* a picture's greatest height, in body lines */
  int picture_min_lines; /* smallest a picture is made to fit a page's foot */
  struct {
    bool seal;            /* 7.3.5.1: the date set in, the name centred over it */
    int date_right_twips; /* sealed: the date's room at the right */
    int name_right_twips; /* unsealed: the name's room at the right */
    int date_shift_twips; /* unsealed: the date's first character right of the name's */
  } signature;
} gw_layout;

/* Read config.layout into `out`. Reports missing or bad values at their
 * template position. Returns 0 or -1. */
int gw_layout_read(gw_diags *diags, const gw_val *config, gw_layout *out);

/* Unit conversions (not layout numbers: definitions of the units). */
int gw_mm_to_twips(double mm);
int gw_pt_to_twips(double pt);

#endif
