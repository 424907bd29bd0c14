/* font_table.c - word/fontTable.xml: every font the document names, with
 * an alternative name Word and WPS can substitute (仿宋_GB2312 -> 仿宋). */
#include "parts.h"

#include <string.h>

typedef struct {
  const char *names[2 * GW_ROLE_COUNT + 4];
  int count;
} font_set;

static void add_font(font_set *set, const char *name) {
  for (int i = 0; i < set->count; i++)
    if (strcmp(set->names[i], name) == 0)
      return;
  set->names[set->count++] = name;
}

/* The 中易/方正 faces most often missing, and the face to use instead. */
static const char *alt_name(const char *name) {
  static const char *const pairs[][2] = {
      {"仿宋_GB2312", "仿宋"},         {"楷体_GB2312", "楷体"},
      {"方正小标宋简体", "方正小标宋_GBK"}, {"方正小标宋_GBK", "方正小标宋简体"},
      {"黑体", "SimHei"},             {"宋体", "SimSun"},
      {"仿宋", "FangSong"},           {"楷体", "KaiTi"}};
  for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
    if (strcmp(pairs[i][0], name) == 0)
      return pairs[i][1];
  return NULL;
}

static int is_ascii(const char *s) {
  for (; *s; s++)
    if ((unsigned char)*s >= 0x80)
      return 0;
  return 1;
}

/* <w:font> */
static void write_font(gw_xml *x, const char *name) {
  const char *alt = alt_name(name);
  int latin = is_ascii(name);
  gw_xml_start(x, "w:font");
  gw_xml_attr(x, "w:name", name);
  if (alt)
    gw_xml_val(x, "w:altName", alt);
  /* 86 = GB2312 character set: tells Word and WPS it is a Chinese face. */
  gw_xml_val(x, "w:charset", latin ? "00" : "86");
  gw_xml_val(x, "w:family", latin ? "roman" : "auto");
  gw_xml_val(x, "w:pitch", "variable");
  gw_xml_end(x);
}

void gw_font_table_write(gw_xml *x, const gw_doc *doc) {
  const gw_layout *L = &doc->layout;
  font_set set = {{0}, 0};
  for (int i = 0; i < GW_ROLE_COUNT; i++) {
    add_font(&set, L->roles[i].font);
    add_font(&set, L->roles[i].latin);
  }
  add_font(&set, L->page_number.font);
  add_font(&set, L->latin_font);
  gw_xml_start(x, "w:fonts");
  gw_xml_attr(x, "xmlns:w", GW_NS_W);
  for (int i = 0; i < set.count; i++)
    write_font(x, set.names[i]);
  gw_xml_end(x);
}
