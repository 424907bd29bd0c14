/* test_parts.c - unit tests for the pipeline stages: source, values,
 * templates and layout, the model builders through gw_convert, and the
 * part writers element by element. */
#include "suites.h"

#include "../../src/build.h"
#include "../../src/gwdoc.h"
#include "../../src/layout.h"
#include "../../src/markdown.h"
#include "../../src/parts/parts.h"
#include "../../src/source.h"
#include "../../src/template.h"
#include "../../src/value.h"
#include "../../src/zh.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- helpers ---- */

static gw_arena *arena;
static gw_diags diags;

static void setup(void) {
  arena = gw_arena_new();
  memset(&diags, 0, sizeof diags);
  diags.quiet = true;
  setenv("GWDOC_TEMPLATES", "templates", 1); /* the unit binary lives in build/ */
}

static void teardown(void) {
  gw_arena_free(arena);
  gw_diags_free(&diags);
  gw_zh_cleanup();
}

static const char *first_message(void) {
  static char line[1024];
  if (!diags.first)
    return "";
  char *s = gw_diag_format(diags.first);
  snprintf(line, sizeof line, "%s", s);
  free(s);
  return line;
}

/* The base template's layout, as every document starts from it. */
static void base_layout(gw_layout *L) {
  gw_val empty = {0};
  empty.kind = GW_VAL_MAP;
  gw_pos at = {"test", 1, 1};
  gw_val *config = gw_template_config(arena, &diags, "gbt9704", at, "templates", &empty);
  ck_assert_ptr_nonnull(config);
  ck_assert_int_eq(gw_layout_read(&diags, config, L), 0);
}

/* Run one part writer on a doc and return its XML (arena copy). */
static const char *write_part(void (*writer)(gw_xml *, const gw_doc *), const gw_doc *doc) {
  gw_xml x;
  ck_assert_int_eq(gw_xml_open(&x), 0);
  writer(&x, doc);
  ck_assert_int_eq(gw_xml_close(&x), 0);
  const char *s = gw_arena_strdup(arena, (const char *)xmlBufferContent(x.buf));
  gw_xml_free(&x);
  return s;
}

/* Convert a source held in memory; returns the status, diagnostics kept. */
static gw_status convert(const char *text, gw_bytes *out) {
  gw_options opt = {0};
  return gw_convert("samples/t.md", text, strlen(text), &opt, &diags, out);
}

#define FRONT "---\nkind: bulletin\ntemplate: jintuan-yaoxun\nyear: 2021\nnumber: 14\ndate: 2021-10-18\n---\n"

/* ---- source ---- */

/* Diagnostics collected in stages print in the source's order. */
START_TEST(diags_print_in_source_order) {
  gw_diags d = {0};
  d.quiet = true;
  gw_pos late = {"a.md", 12, 3}, early = {"a.md", 5, 7}, early2 = {"a.md", 5, 7}, none = {"a.md", 0, 0};
  gw_error(&d, late, "late");
  gw_warning(&d, early, "early");
  gw_error(&d, early2, "early too");
  gw_error(&d, none, "file");
  FILE *f = tmpfile();
  ck_assert_ptr_nonnull(f);
  gw_diags_print_sorted(&d, f);
  rewind(f);
  char got[512] = "";
  size_t n = fread(got, 1, sizeof got - 1, f);
  got[n] = '\0';
  fclose(f);
  ck_assert_str_eq(got, "a.md: error: file\na.md:5:7: warning: early\na.md:5:7: error: early too\n"
                        "a.md:12:3: error: late\n");
  gw_diags_free(&d);
}
END_TEST

/* Past a hundred, errors are shown before warnings, and the rest
 * counted in one line. */
START_TEST(diags_shown_at_most_a_hundred) {
  gw_diags d = {0};
  d.quiet = true;
  for (unsigned i = 1; i <= 60; i++)
    gw_warning(&d, ((gw_pos){"a.md", i, 1}), "w%u", i);
  for (unsigned i = 61; i <= 150; i++)
    gw_error(&d, ((gw_pos){"a.md", i, 1}), "e%u", i);
  FILE *f = tmpfile();
  ck_assert_ptr_nonnull(f);
  gw_diags_print_sorted(&d, f);
  rewind(f);
  char line[256];
  unsigned warnings = 0, errors = 0;
  char last[256] = "", first[256] = "";
  while (fgets(line, sizeof line, f)) {
    if (!*first)
      strcpy(first, line);
    warnings += strstr(line, ": warning: ") != NULL;
    errors += strstr(line, ": error: ") != NULL;
    strcpy(last, line);
  }
  fclose(f);
  ck_assert_uint_eq(errors, 90);
  ck_assert_uint_eq(warnings, 10);
  ck_assert_str_eq(first, "a.md:1:1: warning: w1\n"); /* still in source order */
  ck_assert_str_eq(last, "gwdoc: 另有 50 条警告没有列出：请先改正上面这些，再运行一次\n");
  gw_diags_free(&d);
}
END_TEST

START_TEST(list_line_starts) {
  /* 12 columns a line: names stay whole, each with its separator */
  const char *t = "省委办公厅，省人大办公厅，团中央办公厅";
  size_t *starts, n = gw_list_line_starts(t, strlen(t), 12, &starts);
  ck_assert_uint_eq(n, 2);
  ck_assert_str_eq(t + starts[0], "省人大办公厅，团中央办公厅");
  ck_assert_str_eq(t + starts[1], "团中央办公厅");
  free(starts);
  ck_assert_uint_eq(gw_list_line_starts(t, strlen(t), 80, &starts), 0); /* fits */
  ck_assert_ptr_null(starts);
  /* 纪委、财政所、 is 14 columns: LibreOffice would not hang the 、 */
  t = "纪委、财政所、县发展改革局";
  n = gw_list_line_starts(t, strlen(t), 12, &starts);
  ck_assert_uint_eq(n, 2);
  ck_assert_str_eq(t + starts[0], "财政所、县发展改革局");
  ck_assert_str_eq(t + starts[1], "县发展改革局");
  free(starts);
  t = "县行政审批服务管理局、县财政局"; /* a name longer than a line stays one piece */
  n = gw_list_line_starts(t, strlen(t), 8, &starts);
  ck_assert_uint_eq(n, 1);
  ck_assert_str_eq(t + starts[0], "县财政局");
  free(starts);
  /* the 、 inside 各县（市、区） parts no names */
  t = "市委办公室，各县（市、区）人民政府";
  n = gw_list_line_starts(t, strlen(t), 16, &starts);
  ck_assert_uint_eq(n, 1);
  ck_assert_str_eq(t + starts[0], "各县（市、区）人民政府");
  free(starts);
}
END_TEST

START_TEST(source_bom_and_crlf) {
  gw_source src;
  const char text[] = "\xEF\xBB\xBF---\r\nkind: bulletin\r\n---\r\n正文\r\n";
  ck_assert_int_eq(gw_source_from_memory(arena, &diags, "a.md", text, strlen(text), &src), 0);
  ck_assert_str_eq(src.text, "---\nkind: bulletin\n---\n正文\n");
  ck_assert_int_eq(src.front_line, 2);
  ck_assert_int_eq(src.body_line, 4);
  ck_assert_str_eq(src.body, "正文\n");
}
END_TEST

START_TEST(source_invalid_utf8_has_position) {
  gw_source src;
  const char text[] = "---\nkind: x\n---\n中文\xC0\x80";
  ck_assert_int_eq(gw_source_from_memory(arena, &diags, "a.md", text, strlen(text), &src), -1);
  ck_assert_str_eq(first_message(),
                   "a.md:4:3: error: 第 22 字节处不是有效的 UTF-8 编码：请把文件另存为 UTF-8");
}
END_TEST

START_TEST(source_nul_is_refused) {
  gw_source src;
  const char text[] = "---\nkind: x\n---\nab\0c";
  ck_assert_int_eq(gw_source_from_memory(arena, &diags, "a.md", text, sizeof text - 1, &src), -1);
  ck_assert_ptr_nonnull(strstr(first_message(), "a.md:4:3: error:"));
  ck_assert_ptr_nonnull(strstr(first_message(), "U+0000"));
}
END_TEST

START_TEST(source_positions_count_code_points) {
  gw_source src;
  const char text[] = "---\na: b\n---\n一二x三\n";
  ck_assert_int_eq(gw_source_from_memory(arena, &diags, "a.md", text, strlen(text), &src), 0);
  const char *x = strchr(src.text, 'x');
  gw_pos pos = gw_source_pos_at(&src, (size_t)(x - src.text));
  ck_assert_int_eq(pos.line, 4);
  ck_assert_int_eq(pos.col, 3);
}
END_TEST

/* ---- values ---- */

START_TEST(value_yaml_error_position) {
  const char yaml[] = "a: 1\nb: [1, 2\n";
  ck_assert_ptr_null(gw_val_parse(arena, &diags, "f.md", 2, yaml, strlen(yaml)));
  ck_assert_int_eq(diags.errors, 1);
  ck_assert_ptr_nonnull(strstr(first_message(), "f.md:4:1: error: YAML 语法错误"));
}
END_TEST

START_TEST(value_duplicate_key) {
  const char yaml[] = "a: 1\na: 2\n";
  ck_assert_ptr_null(gw_val_parse(arena, &diags, "f.md", 2, yaml, strlen(yaml)));
  ck_assert_str_eq(first_message(), "f.md:3:1: error: 重复的键“a”：每个键只能写一次");
}
END_TEST

START_TEST(value_merge_source_wins) {
  const char base[] = "x: {a: 1, b: 2}\ndistribution: {报: [甲], 送: [乙]}\n";
  const char over[] = "x: {b: 3}\ndistribution: {发: [丙]}\n";
  gw_val *b = gw_val_parse(arena, &diags, "b", 1, base, strlen(base));
  gw_val *o = gw_val_parse(arena, &diags, "o", 1, over, strlen(over));
  const char *const whole[] = {"distribution", NULL};
  gw_val *m = gw_val_merge(arena, b, o, whole);
  ck_assert_str_eq(gw_val_path(m, "x.a")->str, "1");
  ck_assert_str_eq(gw_val_path(m, "x.b")->str, "3");
  ck_assert_int_eq(gw_val_get(m, "distribution")->count, 1);
  ck_assert_ptr_nonnull(gw_val_path(m, "distribution.发"));
}
END_TEST

/* ---- layout ---- */

START_TEST(layout_grid_from_template) {
  gw_layout L;
  base_layout(&L);
  ck_assert_int_eq(L.page_w, 11906);
  ck_assert_int_eq(L.page_h, 16838);
  ck_assert_int_eq(L.top, 2098);
  ck_assert_int_eq(L.left, 1587);
  ck_assert_int_eq(L.text_h, 12756);
  ck_assert_int_eq(L.line_twips, 579); /* 22 lines fill the 版心, never 580 */
  ck_assert_int_eq(L.char_twips, 315); /* 28 characters in 156 mm */
  ck_assert_int_eq(L.roles[GW_ROLE_BODY].size_half_pt, 32);
  ck_assert_int_eq(L.roles[GW_ROLE_BODY].spacing_twips, 0);
  ck_assert_int_eq(L.roles[GW_ROLE_BODY].scale_pct, 98); /* 28 in 156 mm */
  ck_assert_int_eq(L.roles[GW_ROLE_BODY].indent_twips, 640);
  ck_assert_int_eq(L.roles[GW_ROLE_TITLE].size_half_pt, 44);
  ck_assert_int_eq(L.roles[GW_ROLE_TITLE].spacing_twips, 0);
  ck_assert_str_eq(L.roles[GW_ROLE_MASTHEAD].color, "FF0000");
  ck_assert_str_eq(L.roles[GW_ROLE_HEADING1].font, "黑体");
  ck_assert_str_eq(L.roles[GW_ROLE_HEADING2].font, "楷体_GB2312");
  ck_assert_int_eq(L.page_number.size_half_pt, 28);
  ck_assert_int_eq(L.page_number.indent_twips, 280);
}
END_TEST

/* ---- part writers ---- */

START_TEST(settings_even_and_odd) {
  gw_doc doc = {0};
  base_layout(&doc.layout);
  const char *xml = write_part(gw_settings_write, &doc);
  ck_assert_ptr_nonnull(strstr(xml, "<w:evenAndOddHeaders/>"));
  ck_assert_ptr_nonnull(strstr(xml, "<w:defaultTabStop w:val=\"630\"/>"));
}
END_TEST

static void footer_odd(gw_xml *x, const gw_doc *d) { gw_footer_write(x, d, false); }
static void footer_even(gw_xml *x, const gw_doc *d) { gw_footer_write(x, d, true); }

START_TEST(footer_sides) {
  gw_doc doc = {0};
  base_layout(&doc.layout);
  const char *odd = write_part(footer_odd, &doc);
  const char *even = write_part(footer_even, &doc);
  ck_assert_ptr_nonnull(strstr(odd, "<w:ind w:right=\"280\" w:firstLine=\"0\"/><w:jc w:val=\"right\"/>"));
  ck_assert_ptr_nonnull(strstr(even, "<w:ind w:left=\"280\" w:firstLine=\"0\"/><w:jc w:val=\"left\"/>"));
  ck_assert_ptr_nonnull(strstr(odd, "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"));
  ck_assert_ptr_nonnull(strstr(odd, "<w:t xml:space=\"preserve\">— </w:t>"));
  ck_assert_ptr_nonnull(strstr(odd, "w:eastAsia=\"宋体\""));
}
END_TEST

START_TEST(styles_no_theme_fonts) {
  gw_doc doc = {0};
  base_layout(&doc.layout);
  const char *xml = write_part(gw_styles_write, &doc);
  ck_assert_ptr_null(strstr(xml, "Theme"));
  ck_assert_ptr_nonnull(strstr(xml, "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
                                    "w:eastAsia=\"仿宋_GB2312\" w:cs=\"Times New Roman\"/>"));
  ck_assert_ptr_nonnull(strstr(xml, "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"579\" "
                                    "w:lineRule=\"exact\"/>"));
}
END_TEST

START_TEST(font_table_alt_names) {
  gw_doc doc = {0};
  base_layout(&doc.layout);
  const char *xml = write_part(gw_font_table_write, &doc);
  ck_assert_ptr_nonnull(strstr(xml, "<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>"
                                    "<w:charset w:val=\"86\"/>"));
}
END_TEST

static void write_mixed(gw_xml *x, const gw_doc *d) {
  const char *t = "2021年“强团改革 50 条”举措Times";
  gw_xml_start(x, "w:p");
  gw_write_text_runs(x, d, &d->layout.roles[GW_ROLE_BODY], false, false, t, strlen(t));
  gw_xml_end(x);
}

/* Text into the writer: an element given no text stays empty, & < > are
 * escaped however the text comes, a run written in one go (short, plain)
 * or in pieces (long, or to escape) reads the same. */
static void write_texts(gw_xml *x, const gw_doc *doc) {
  (void)doc;
  gw_xml_start(x, "a");
  gw_xml_start(x, "empty");
  gw_xml_clean_text(x, "", 0);
  gw_xml_end(x);
  gw_xml_start(x, "t");
  gw_xml_text(x, "甲&乙<丙>", strlen("甲&乙<丙>"));
  gw_xml_end(x);
  gw_xml_wrapped_text(x, "<r>", "团员", strlen("团员"), true, "</r>");
  gw_xml_wrapped_text(x, "<r>", "A&B", 3, true, "</r>");
  gw_xml_wrapped_text(x, "<r>", "x\x01y", 3, false, "</r>");
  static char longer[3001];
  memset(longer, 'z', 3000);
  gw_xml_wrapped_text(x, "<r>", longer, 3000, true, "</r>");
  gw_xml_end(x);
}

START_TEST(xml_text_escaped_and_empty) {
  gw_doc doc = {0};
  const char *xml = write_part(write_texts, &doc);
  ck_assert_ptr_nonnull(strstr(xml, "<a><empty/><t>甲&amp;乙&lt;丙&gt;</t><r>团员</r><r>A&amp;B</r>"
                                    "<r>x\xEF\xBF\xBDy</r><r>zzz"));
  ck_assert_ptr_nonnull(strstr(xml, "zzz</r></a>"));
  ck_assert_uint_eq(strlen(strstr(xml, "<a>")), /* and the document's closing newline */
                    strlen("<a><empty/><t>甲&amp;乙&lt;丙&gt;</t><r>团员</r><r>A&amp;B</r>"
                           "<r>x\xEF\xBF\xBDy</r><r></r></a>") + 3000 + 1);
}
END_TEST

/* Elements and attributes gw_xml writes itself (values that need no
 * escaping) and those it leaves to libxml2: the same bytes as libxml2's
 * writer makes of the same calls. */
static void write_elements(gw_xml *x, const gw_doc *doc) {
  (void)doc;
  gw_xml_start(x, "w:a");
  gw_xml_attr(x, "w:id", "7");
  gw_xml_attr(x, "w:name", "甲&乙");
  gw_xml_attr_int(x, "w:n", -120);
  gw_xml_empty(x, "w:sz", "w:val", "32", NULL);
  gw_xml_empty(x, "w:rFonts", "w:ascii", "Times New Roman", "w:eastAsia", "仿宋_GB2312", NULL);
  gw_xml_empty(x, "w:q", "w:val", "a\"b<c>d", NULL);
  gw_xml_start(x, "w:b");
  gw_xml_text(x, "", 0);
  gw_xml_attr(x, "w:after", "text");
  gw_xml_text(x, "正文", strlen("正文"));
  gw_xml_end(x);
  gw_xml_start(x, "w:c");
  gw_xml_end(x);
  gw_xml_val_int(x, "w:jc", 0);
  gw_xml_val(x, "w:t", "tab\tline\n");
  gw_xml_end(x);
}

/* <name attr="value"/> through libxml2's writer. */
static void libxml2_empty(xmlTextWriterPtr w, const char *name, const char *attr,
                          const char *value) {
  xmlTextWriterStartElement(w, BAD_CAST name);
  xmlTextWriterWriteAttribute(w, BAD_CAST attr, BAD_CAST value);
  xmlTextWriterEndElement(w);
}

static void write_elements_by_libxml2(xmlTextWriterPtr w) {
  xmlTextWriterStartElement(w, BAD_CAST "w:a");
  xmlTextWriterWriteAttribute(w, BAD_CAST "w:id", BAD_CAST "7");
  xmlTextWriterWriteAttribute(w, BAD_CAST "w:name", BAD_CAST "甲&乙");
  xmlTextWriterWriteAttribute(w, BAD_CAST "w:n", BAD_CAST "-120");
  libxml2_empty(w, "w:sz", "w:val", "32");
  xmlTextWriterStartElement(w, BAD_CAST "w:rFonts");
  xmlTextWriterWriteAttribute(w, BAD_CAST "w:ascii", BAD_CAST "Times New Roman");
  xmlTextWriterWriteAttribute(w, BAD_CAST "w:eastAsia", BAD_CAST "仿宋_GB2312");
  xmlTextWriterEndElement(w);
  libxml2_empty(w, "w:q", "w:val", "a\"b<c>d");
  xmlTextWriterStartElement(w, BAD_CAST "w:b");
  xmlTextWriterWriteAttribute(w, BAD_CAST "w:after", BAD_CAST "text");
  xmlTextWriterWriteString(w, BAD_CAST "正文");
  xmlTextWriterEndElement(w);
  xmlTextWriterStartElement(w, BAD_CAST "w:c");
  xmlTextWriterEndElement(w);
  libxml2_empty(w, "w:jc", "w:val", "0");
  libxml2_empty(w, "w:t", "w:val", "tab\tline\n");
  xmlTextWriterEndElement(w);
}

START_TEST(xml_elements_as_libxml2_writes_them) {
  gw_doc doc = {0};
  const char *ours = write_part(write_elements, &doc);
  xmlBufferPtr buf = xmlBufferCreate();
  xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
  ck_assert_ptr_nonnull(w);
  xmlTextWriterStartDocument(w, "1.0", "UTF-8", "yes");
  write_elements_by_libxml2(w);
  xmlTextWriterEndDocument(w);
  xmlFreeTextWriter(w);
  ck_assert_str_eq(ours, (const char *)xmlBufferContent(buf));
  ck_assert_ptr_nonnull(strstr(ours, "<w:sz w:val=\"32\"/>"));
  xmlBufferFree(buf);
}
END_TEST

START_TEST(runs_split_by_font_slot) {
  gw_doc doc = {0};
  base_layout(&doc.layout);
  const char *xml = write_part(write_mixed, &doc);
  /* digits without the hint, Chinese with shared punctuation with it */
  ck_assert_ptr_nonnull(strstr(xml, "w:cs=\"Times New Roman\"/><w:w w:val=\"98\"/>"
                                    "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" "
                                    "w:eastAsia=\"zh-CN\"/></w:rPr><w:t xml:space=\"preserve\">2021</w:t>"));
  ck_assert_ptr_nonnull(strstr(xml, "w:hint=\"eastAsia\"/><w:w w:val=\"98\"/><w:sz w:val=\"32\"/>"
                                    "<w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"
                                    "</w:rPr><w:t xml:space=\"preserve\">年“强团改革 </w:t>"));
  ck_assert_ptr_nonnull(strstr(xml, "<w:t xml:space=\"preserve\">50 </w:t>"));
  ck_assert_ptr_nonnull(strstr(xml, "<w:t xml:space=\"preserve\">Times</w:t>"));
  /* five runs: 2021 | 年“强团改革 | 50 | 条”举措 | Times */
  int runs = 0;
  for (const char *p = xml; (p = strstr(p, "<w:r>")); p++)
    runs++;
  ck_assert_int_eq(runs, 5);
}
END_TEST


START_TEST(dates_as_drafters_write_them) {
  static const struct {
    const char *text;
    int ok, y, m, d;
  } cases[] = {{"2021-10-18", 0, 2021, 10, 18}, {"2021年10月18日", 0, 2021, 10, 18},
               {"2021.9.1", 0, 2021, 9, 1},     {"2021/09/01", 0, 2021, 9, 1},
               {"2021年10月18", -1, 0, 0, 0},   {"2021-10-18 10:00", -1, 0, 0, 0},
               {"十月十八日", -1, 0, 0, 0},     {"2021-10-18x", -1, 0, 0, 0},
               {"二〇二四年三月五日", 0, 2024, 3, 5},   {"二〇二一年十月三十一日", 0, 2021, 10, 31},
               {"2024年三月十五日", 0, 2024, 3, 15},   {"二〇二四年十三月一日", 0, 2024, 13, 1},
               {"二四年三月五日", -1, 0, 0, 0},        {"二〇二四年三月五", -1, 0, 0, 0},
               {"二○二四年一月五日", 0, 2024, 1, 5}}; /* ○ (U+25CB), as most input methods type it */
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    int y = 0, m = 0, d = 0;
    ck_assert_msg(gw_parse_date(cases[i].text, &y, &m, &d) == cases[i].ok, "%s", cases[i].text);
    if (cases[i].ok == 0)
      ck_assert_msg(y == cases[i].y && m == cases[i].m && d == cases[i].d, "%s", cases[i].text);
  }
}
END_TEST

/* ---- whole conversions ---- */

START_TEST(convert_missing_date) {
  gw_bytes out;
  const char src[] = "---\nkind: bulletin\ntemplate: jintuan-yaoxun\nyear: 2021\nnumber: 1\n---\n正文。\n";
  ck_assert_int_eq(convert(src, &out), GW_ERR_INPUT);
  ck_assert_ptr_null(out.data);
  ck_assert_str_eq(first_message(),
                   "samples/t.md:6:1: error: 缺少必填项 date：请在前置元数据里写上“date: …”");
}
END_TEST

/* 十四 and 二〇二一 are numbers, as drafters write them; 14期 is not. */
START_TEST(convert_number_in_chinese) {
  gw_bytes out;
  const char src[] = "---\nkind: bulletin\ntemplate: jintuan-yaoxun\nyear: 二〇二一\nnumber: 十四\n"
                     "date: 2021-10-18\n---\n正文。\n";
  ck_assert_int_eq(convert(src, &out), GW_OK);
  free(out.data);
  gw_diags_free(&diags);
  memset(&diags, 0, sizeof diags);
  diags.quiet = true;
  const char bad[] = "---\nkind: bulletin\ntemplate: jintuan-yaoxun\nyear: 2021\nnumber: 14期\n"
                     "date: 2021-10-18\n---\n正文。\n";
  ck_assert_int_eq(convert(bad, &out), GW_ERR_INPUT);
  ck_assert_str_eq(first_message(),
                   "samples/t.md:5:9: error: number 只写期数，如“number: 14”，而不是“14期”：年份写在 "
                   "year，“〔〕”“第”“期”由模板排出；期号另有写法的（如“增刊第2期”）请用 label 写出整行");
}
END_TEST

START_TEST(convert_unknown_template) {
  gw_bytes out;
  const char src[] = "---\nkind: bulletin\ntemplate: nosuch\n---\n正文。\n";
  ck_assert_int_eq(convert(src, &out), GW_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(first_message(), "samples/t.md:3:11: error: 找不到模板“nosuch”"));
}
END_TEST

START_TEST(convert_unknown_key_warns_nearest) {
  gw_bytes out;
  char text[512];
  snprintf(text, sizeof text, "%s", FRONT);
  /* insert "colum: x" before the closing fence */
  char *close = strstr(text + 4, "---\n");
  memmove(close + 9, close, strlen(close) + 1);
  memcpy(close, "colum: x\n", 9);
  strcat(text, "正文。\n");
  ck_assert_int_eq(convert(text, &out), GW_OK);
  free(out.data);
  ck_assert_int_eq(diags.warnings, 1);
  ck_assert_str_eq(first_message(), "samples/t.md:7:1: warning: 未知的键“colum”，已忽略：是不是“column”？");
}
END_TEST

/* 报: written flush left under distribution: is a row the 报尾 would
 * lose, so it is an error that says to indent it. */
START_TEST(convert_tail_row_not_indented) {
  gw_bytes out;
  const char src[] = "---\nkind: bulletin\ntemplate: jintuan-yaoxun\nyear: 2021\nnumber: 3\n"
                     "date: 2021-10-18\ndistribution:\n报: [县委办公室]\n---\n正文。\n";
  ck_assert_int_eq(convert(src, &out), GW_ERR_INPUT);
  ck_assert_str_eq(first_message(), "samples/t.md:8:1: error: “报”是报尾的一行，应写在“distribution:”"
                                    "之下，行首缩进两个空格，如“  报: [单位甲, 单位乙]”");
}
END_TEST

/* Last year's issue copied with its year left is warned of; a late
 * December issue dated in January is not. */
START_TEST(convert_year_unlike_date) {
  gw_bytes out;
  const char copied[] = "---\nkind: bulletin\ntemplate: jintuan-yaoxun\nyear: 2023\nnumber: 3\n"
                        "date: 2024-03-18\n---\n正文。\n";
  ck_assert_int_eq(convert(copied, &out), GW_OK);
  free(out.data);
  ck_assert_int_eq(diags.warnings, 1);
  ck_assert_str_eq(first_message(), "samples/t.md:4:7: warning: year 是 2023，而 date 是 2024 年："
                                    "期号的年份与印发日期不同年，是否忘了改 year？（不写 year 时按 date 的年份）");
  gw_diags_free(&diags);
  memset(&diags, 0, sizeof diags);
  diags.quiet = true;
  const char december[] = "---\nkind: bulletin\ntemplate: jintuan-yaoxun\nyear: 2023\nnumber: 24\n"
                          "date: 2024-01-04\n---\n正文。\n";
  ck_assert_int_eq(convert(december, &out), GW_OK);
  free(out.data);
  ck_assert_int_eq(diags.warnings, 0);
}
END_TEST

START_TEST(convert_is_deterministic) {
  gw_bytes a, b;
  const char src[] = FRONT "# 标题\n\n正文“强团改革 50 条”。\n";
  ck_assert_int_eq(convert(src, &a), GW_OK);
  ck_assert_int_eq(convert(src, &b), GW_OK);
  ck_assert_uint_eq(a.len, b.len);
  ck_assert_int_eq(memcmp(a.data, b.data, a.len), 0);
  free(a.data);
  free(b.data);
}
END_TEST

/* Every body that can be cut converted in halves (parsed, and a
 * bulletin built, on two threads; gw_markdown_split_from = 1) gives the
 * document and messages of the body converted whole. The shapes meet at
 * the cut: a title with nothing under it, warnings on both sides, an
 * article ending with an item 一、…； (the second half built again in
 * order), a note pasted without > (the tree changed after the check),
 * both (the thread may not change the tree the rebuild reads),
 * numbering: auto (built in order), and an empty first half. */
static char *messages(const gw_diags *d) {
  gw_buf all = {0};
  for (const gw_diag *x = d->first; x; x = x->next) {
    char *line = gw_diag_format(x);
    gw_buf_append(&all, line, strlen(line));
    gw_buf_append(&all, "\n", 1);
    free(line);
  }
  return all.data ? all.data : strdup("");
}

#define FRONT_AUTO                                                                          \
  "---\nkind: bulletin\ntemplate: jintuan-yaoxun\nyear: 2021\nnumber: 14\ndate: 2021-10-18\n" \
  "numbering: auto\n---\n"

START_TEST(convert_in_halves_as_whole) {
  static const char *const bodies[] = {
      "# 甲\n\n正文（一。\n\n## 三、跳号\n\n# 乙\n\n# 丙\n\n正文（二。\n\n## 二、跳号\n\n# 丁\n\n正文。\n",
      "# 甲\n\n正文。\n\n一、做好秋收工作；\n\n# 乙\n\n二、加强统筹协调\n\n正文。\n",
      "# 甲\n\n正文。\n\n# 乙\n\n编者按：这是一段没有引号的按语。\n第二行紧跟其后。\n\n正文。\n",
      "# 甲\n\n%s一、做好秋收工作；\n\n# 乙\n\n编者按：这是一段没有引号的按语。\n第二行紧跟其后。\n\n"
      "二、加强统筹协调\n\n%s",
      "# 甲\n\n## 一、领导\n\n正文。\n\n# 乙\n\n## 一、领导\n\n正文。\n\n# 丙\n\n## 二、机制\n\n正文。\n",
      "\n\n# 乙\n\n正文。\n", /* nothing before the cut: one blank line under the 版头 */
  };
  /* Long halves around the cut, so that the thread reaches its note
   * well before the first half is done. */
  gw_buf filler = {0};
  for (int k = 0; k < 300; k++)
    gw_buf_append(&filler, "团员青年积极参与志愿服务活动。\n\n", strlen("团员青年积极参与志愿服务活动。\n\n"));
  for (int auto_numbering = 0; auto_numbering < 2; auto_numbering++)
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
      const char *body = gw_arena_printf(arena, bodies[i], filler.data, filler.data);
      char *src = gw_arena_printf(arena, "%s\n%s", auto_numbering ? FRONT_AUTO : FRONT, body);
      gw_bytes whole = {0}, cut = {0};
      gw_markdown_split_from = SIZE_MAX;
      gw_status whole_st = convert(src, &whole);
      char *whole_msgs = messages(&diags);
      gw_diags_free(&diags);
      gw_markdown_split_from = 1;
      gw_status cut_st = convert(src, &cut);
      gw_markdown_split_from = GW_MARKDOWN_SPLIT_FROM;
      char *cut_msgs = messages(&diags);
      ck_assert_int_eq(cut_st, whole_st);
      ck_assert_uint_eq(cut.len, whole.len);
      ck_assert_msg(memcmp(cut.data, whole.data, whole.len) == 0, "body %zu: documents differ", i);
      ck_assert_str_eq(cut_msgs, whole_msgs);
      if (i == 0)
        ck_assert_ptr_nonnull(strstr(whole_msgs, "只有标题"));
      free(whole.data);
      free(cut.data);
      free(whole_msgs);
      free(cut_msgs);
      gw_diags_free(&diags);
    }
  gw_buf_free(&filler);
}
END_TEST

Suite *parts_suite(void) {
  Suite *s = suite_create("parts");
  TCase *tc = tcase_create("pipeline");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, list_line_starts);
  tcase_add_test(tc, xml_elements_as_libxml2_writes_them);
  tcase_add_test(tc, diags_print_in_source_order);
  tcase_add_test(tc, diags_shown_at_most_a_hundred);
  tcase_add_test(tc, source_bom_and_crlf);
  tcase_add_test(tc, source_invalid_utf8_has_position);
  tcase_add_test(tc, source_nul_is_refused);
  tcase_add_test(tc, source_positions_count_code_points);
  tcase_add_test(tc, value_yaml_error_position);
  tcase_add_test(tc, value_duplicate_key);
  tcase_add_test(tc, value_merge_source_wins);
  tcase_add_test(tc, layout_grid_from_template);
  tcase_add_test(tc, settings_even_and_odd);
  tcase_add_test(tc, footer_sides);
  tcase_add_test(tc, styles_no_theme_fonts);
  tcase_add_test(tc, font_table_alt_names);
  tcase_add_test(tc, xml_text_escaped_and_empty);
  tcase_add_test(tc, runs_split_by_font_slot);
  tcase_add_test(tc, dates_as_drafters_write_them);
  tcase_add_test(tc, convert_missing_date);
  tcase_add_test(tc, convert_number_in_chinese);
  tcase_add_test(tc, convert_unknown_template);
  tcase_add_test(tc, convert_unknown_key_warns_nearest);
  tcase_add_test(tc, convert_tail_row_not_indented);
  tcase_add_test(tc, convert_year_unlike_date);
  tcase_add_test(tc, convert_is_deterministic);
  tcase_add_test(tc, convert_in_halves_as_whole);
  suite_add_tcase(s, tc);
  return s;
}
