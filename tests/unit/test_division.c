/* test_division.c - kind: division (责任分工): the three source forms,
 * prose parentheses, unit checks with positions, numbering, merging,
 * orientation and widths, the index and the --unit extract. Sources are
 * converted in memory; word/document.xml is read back from the DOCX. */
#include "suites.h"
#include "../../src/arena.h"
#include "../../src/division.h"
#include "../../src/markdown.h"
#include "../../src/gwdoc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

static const char *const FRONT =
    "---\n"
    "kind: division\n"
    "title: 责任分工测试\n"
    "issuer: 共青团阳曲县委员会办公室\n"
    "date: 2021-09-10\n";

typedef struct {
  gw_status status;
  gw_diags diags;
  char *xml; /* word/document.xml, or NULL */
} result;

static char *unzip_part(const gw_bytes *bytes, const char *name) {
  zip_error_t err;
  zip_source_t *src = zip_source_buffer_create(bytes->data, bytes->len, 0, &err);
  zip_t *zip = src ? zip_open_from_source(src, ZIP_RDONLY, &err) : NULL;
  if (!zip)
    return NULL;
  zip_stat_t st;
  char *text = NULL;
  zip_file_t *f = zip_stat(zip, name, 0, &st) == 0 ? zip_fopen(zip, name, 0) : NULL;
  if (f) {
    text = calloc(1, st.size + 1);
    zip_fread(f, text, st.size);
    zip_fclose(f);
  }
  zip_close(zip);
  return text;
}

/* Convert a whole source. */
static result convert_source(const char *src, const char *unit) {
  setenv("GWDOC_TEMPLATES", "templates", 1);
  result r = {0};
  r.diags.quiet = true;
  gw_options opt = {NULL, unit, false};
  gw_bytes out = {0};
  r.status = gw_convert("t.md", src, strlen(src), &opt, &r.diags, &out);
  if (r.status == GW_OK)
    r.xml = unzip_part(&out, "word/document.xml");
  free(out.data);
  return r;
}

/* Convert FRONT + `more_front` + "---" + `body`. */
static result convert(const char *more_front, const char *body, const char *unit) {
  size_t n = strlen(FRONT) + strlen(more_front) + strlen(body) + 8;
  char *src = malloc(n);
  snprintf(src, n, "%s%s---\n%s", FRONT, more_front, body);
  result r = convert_source(src, unit);
  free(src);
  return r;
}

static void done(result *r) {
  free(r->xml);
  gw_diags_free(&r->diags);
}

static int count(const char *hay, const char *needle) {
  int n = 0;
  for (const char *p = hay; p && (p = strstr(p, needle)); p += strlen(needle))
    n++;
  return n;
}

static const gw_diag *first_of(const result *r, gw_severity severity) {
  for (const gw_diag *d = r->diags.first; d; d = d->next)
    if (d->severity == severity)
      return d;
  return NULL;
}

static const gw_diag *first_error(const result *r) { return first_of(r, GW_ERROR); }
static const gw_diag *first_warning(const result *r) { return first_of(r, GW_WARNING); }

/* The text of the XML without its tags: runs split by font slot join
 * again. Cell ends become "|" so cells stay apart. (malloc'ed) */
static char *text_of(const char *xml) {
  char *out = malloc(strlen(xml) + 1), *o = out;
  for (const char *p = xml; *p;) {
    if (*p != '<') {
      *o++ = *p++;
      continue;
    }
    if (strncmp(p, "</w:tc>", 7) == 0)
      *o++ = '|';
    const char *end = strchr(p, '>');
    p = end ? end + 1 : p + strlen(p);
  }
  *o = '\0';
  return out;
}

static bool text_has(const char *xml, const char *needle) {
  char *text = text_of(xml);
  bool found = strstr(text, needle) != NULL;
  free(text);
  return found;
}

/* The sum of the gridCol widths of the first table. */
static int grid_sum(const char *xml) {
  int sum = 0;
  const char *end = strstr(xml, "</w:tblGrid>");
  for (const char *p = xml; (p = strstr(p, "<w:gridCol w:w=\"")) && p < end; p++)
    sum += atoi(p + strlen("<w:gridCol w:w=\""));
  return sum;
}

static const char *const LIST_BODY =
    "## 一、改革团的工作力量选用机制\n\n"
    "1. 将团的工作力量选配与党的政治骨干、年轻干部培育有机结合。\n"
    "   - 牵头单位：县委组织部\n"
    "   - 责任单位：团县委、县人社局\n"
    "   - 完成时限：2021年12月底前\n";

START_TEST(list_form) {
  result r = convert("", LIST_BODY, NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_nonnull(r.xml);
  ck_assert_int_eq(count(r.xml, "<w:tblHeader/>"), 1);
  ck_assert_ptr_nonnull(strstr(r.xml, ">县委组织部<"));
  ck_assert(text_has(r.xml, "团县委、县人社局")); /* a break between the names */
  const char *after = strstr(r.xml, "团县委、</w:t></w:r>");
  ck_assert(after && strstr(after, "<w:br/>") < strstr(after, "县人社局"));
  ck_assert_ptr_nonnull(strstr(r.xml, "<w:gridSpan w:val=\"5\"/>")); /* category row */
  ck_assert_int_eq(grid_sum(r.xml), 8845);
  done(&r);
}
END_TEST

START_TEST(table_form) {
  result r = convert("",
                     "| 改革举措 | 牵头单位 | 责任单位 | 完成时限 |\n"
                     "|---|---|---|---|\n"
                     "| 一、从严管团治团 | | | |\n"
                     "| 建立团干部任期目标责任制。 | 团县委 | 县委组织部 | 持续推进 |\n"
                     "| 严格团内请示报告制度。 | 团县委 | 县委巡察办 | 2021年10月底前 |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_nonnull(strstr(r.xml, "一、从严管团治团"));
  ck_assert_ptr_nonnull(strstr(r.xml, ">2<")); /* 序号 counted */
  ck_assert_ptr_nonnull(strstr(r.xml, "县委巡察办"));
  done(&r);
}
END_TEST

/* A table pasted from several pages repeats its header where each page
 * began: no task, and the 序号 typed after it stays. */
START_TEST(repeated_header_row_skipped) {
  result r = convert("",
                     "| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时间 |\n"
                     "|---|---|---|---|---|\n"
                     "| 1 | 推进重点项目建设。 | 团县委 | 县财政局 | 2025年6月底前 |\n"
                     "| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时间 |\n"
                     "| 2 | 开展项目督导检查。 | 团县委 | 县财政局 | 每季度 |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_null(first_warning(&r));
  ck_assert_int_eq(count(r.xml, ">工作任务<"), 1);
  ck_assert(text_has(r.xml, "|2|开展项目督导检查。|"));
  done(&r);
}
END_TEST

/* A pasted table brings its own column names: with no columns: declared
 * they are the columns (a 序号 column put in front), checked by meaning. */
START_TEST(table_header_is_the_columns) {
  result r = convert("units: [县教育局, 县财政局, 县人社局]\n",
                     "| 重点任务 | 具体措施 | 牵头部门 | 配合单位 | 时间要求 |\n"
                     "|---|---|---|---|---|\n"
                     "| 加强师资队伍建设 | 补充教师100名。 | 县教育局 | 县人社局 | 2024年8月底前 |\n"
                     "| 改善办学条件 | 新建校舍两所。 | 县教育局 | 县财政局 | 2024年12月底前 |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "序号"));
  ck_assert(text_has(r.xml, "具体措施"));
  ck_assert(text_has(r.xml, "牵头部门"));
  ck_assert(text_has(r.xml, "时间要求"));
  ck_assert_ptr_nonnull(strstr(r.xml, ">2<")); /* numbered */
  ck_assert_int_eq(count(r.xml, "<w:tblHeader/>"), 1);
  done(&r);
  r = convert("units: [县教育局, 县财政局, 县人社局]\n",
              "| 序号 | 重点任务 | 牵头部门 | 配合单位 |\n|---|---|---|---|\n"
              "| 1 | 补充教师。 | 县教育局 | 县人设局 |\n",
              NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT); /* 配合单位 is still a unit column */
  ck_assert_ptr_nonnull(strstr(first_error(&r)->message, "县人社局"));
  done(&r);
}
END_TEST

/* A deadline too wide for its column breaks after 年 or 月, never inside
 * a number (2024年12 / 月). */
START_TEST(deadline_breaks_after_year_or_month) {
  result r = convert("units: [县水利局, 县农业农村局, 县发展改革局]\n",
                     "| 序号 | 改革举措 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
                     "| 1 | 深化农业水价综合改革，完善节水激励机制，推进农业用水精细化管理。 | 县水利局 "
                     "| 县农业农村局、县发展改革局 | 2024年12月底前 |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  const char *year = strstr(r.xml, ">年<"); /* runs: 2024 | 年 | break | 12 | 月底前 */
  ck_assert_ptr_nonnull(year);
  const char *br = strstr(year, "<w:br/>"), *twelve = strstr(year, ">12<"),
             *month = strstr(year, ">月底前<");
  ck_assert(br && twelve && month && br < twelve && twelve < month);
  ck_assert(!strstr(twelve, "<w:br/>") || strstr(twelve, "<w:br/>") > month);
  done(&r);
}
END_TEST

/* Deadlines written as a frequency or a standing duty are read; a
 * numbered paragraph whose parentheses cannot be read is still an item,
 * with a warning, not a paragraph after the table. */
START_TEST(prose_deadlines_and_unread_brackets) {
  result r = convert("units: [甲处, 乙处]\n",
                     "1．落实甲项工作。（甲处牵头，乙处配合，每学期）\n\n"
                     "2．落实乙项工作。（甲处牵头，乙处配合，每两个月一次）\n\n"
                     "3．落实丙项工作。（甲处牵头，乙处配合，即日起）\n\n"
                     "4．落实丁项工作。（甲处牵头，乙处配合，看情况再定吧）\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "每学期"));
  ck_assert(text_has(r.xml, "每两个月一次"));
  ck_assert(text_has(r.xml, "即日起"));
  ck_assert_ptr_nonnull(strstr(r.xml, ">4<")); /* the unread one is item 4 */
  const gw_diag *w = NULL;
  for (const gw_diag *d = r.diags.first; d; d = d->next)
    if (strstr(d->message, "看情况再定吧"))
      w = d;
  ck_assert_ptr_nonnull(w);
  ck_assert_uint_eq(w->pos.line, 14);
  done(&r);
}
END_TEST

/* A merged 牵头单位 cell running past a page break starts again, with
 * its text, on the row that starts the page (by the page estimate). */
START_TEST(merge_restarts_on_a_new_page) {
  char body[16384] = "| 序号 | 改革举措 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n";
  for (int i = 1; i <= 12; i++) {
    char row[1024];
    snprintf(row, sizeof row,
             "| %d | 第%d项工作，加强统筹协调，细化工作措施，加强统筹协调，细化工作措施，"
             "加强统筹协调，细化工作措施，确保按期完成。 | 甲处 | 丙处 | 2024年6月底前 |\n",
             i, i);
    strcat(body, row);
  }
  result r = convert("units: [甲处, 丙处]\nmerge: [牵头单位]\n", body, NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_int_ge(count(r.xml, "<w:vMerge w:val=\"restart\"/>"), 2);
  ck_assert_int_eq(count(r.xml, ">甲处<"), count(r.xml, "<w:vMerge w:val=\"restart\"/>"));
  done(&r);
}
END_TEST

/* A row taller than a quarter page that does not fit below the header
 * breaks across the page instead of leaving it nearly empty; short rows
 * never break. */
START_TEST(tall_row_may_split) {
  char body[16384] = "为深入贯彻落实有关文件精神，现将任务分工印发如下。\n\n"
                     "为深入贯彻落实有关文件精神，现将任务分工印发如下。\n\n"
                     "## 一、全面提高教育教学质量\n\n"
                     "| 序号 | 改革举措 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n| 1 | ";
  for (int i = 0; i < 40; i++)
    strcat(body, "严格落实国家课程方案和课程标准，开齐开足开好规定课程。");
  strcat(body, " | 甲处 | 乙处 | 2024年6月底前 |\n| 2 | 短。 | 甲处 | 乙处 | 2024年6月底前 |\n");
  result r = convert("units: [甲处, 乙处]\n", body, NULL);
  ck_assert_int_eq(r.status, GW_OK);
  /* row 1 may break; the row after it (短。) keeps together */
  const char *tall = strstr(r.xml, "严格落实");
  ck_assert_ptr_nonnull(tall);
  const char *row1 = tall;
  while (row1 > r.xml && strncmp(row1, "<w:tr>", 6) != 0)
    row1--;
  ck_assert(!strstr(row1, "<w:cantSplit/>") || strstr(row1, "<w:cantSplit/>") > tall);
  const char *row2 = strstr(tall, "<w:tr>");
  ck_assert(row2 && strncmp(row2, "<w:tr><w:trPr><w:cantSplit/>", 28) == 0);
  done(&r);
}
END_TEST

/* "附件" alone on the first line: 3号黑体 flush left above the title
 * (the mark role); a second table may name a column by a synonym of the
 * first's (完成时限 for 完成时间) when only one column is meant. */
START_TEST(attachment_label_and_header_synonyms) {
  result r = convert("units: [甲处, 乙处]\n",
                     "附件2\n\n为做好工作，现将分工印发如下。\n\n"
                     "| 序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时间 |\n|---|---|---|---|---|\n"
                     "| 1 | 甲项。 | 甲处 | 乙处 | 2024年6月底前 |\n\n"
                     "| 序号 | 改革举措 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
                     "| 2 | 乙项。 | 乙处 | 甲处 | 2024年9月底前 |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  const char *mark = strstr(r.xml, "<w:pStyle w:val=\"gwMark\"/>");
  const char *title = strstr(r.xml, "<w:pStyle w:val=\"gwTitle\"/>");
  ck_assert(mark && title && mark < title);
  ck_assert(text_has(mark, "附件2"));
  ck_assert(text_has(r.xml, "2024年9月底前"));
  ck_assert(text_has(r.xml, "乙项。"));
  done(&r);
}
END_TEST

/* Review cases: a figures table in the preamble does not set the
 * columns; a numbered closing line with a phone number in brackets is no
 * item; a deadline the drafter broke with <br> keeps its break. */
START_TEST(preamble_table_closing_line_and_own_breaks) {
  result r = convert("units: [甲处, 乙处]\n",
                     "为做好工作，现将分工印发如下。\n\n| 指标 | 目标值 |\n|---|---|\n| 团员数 | 1000 |\n\n"
                     "## 一、类\n\n"
                     "| 序号 | 改革举措 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
                     "| 1 | 甲。 | 甲处 | 乙处 | 2021年12月底前完成首批<br>2022年6月底前全部完成 |\n\n"
                     "1、请各单位于每月5日前报送工作进展（联系电话：4184708）。\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_null(strstr(r.xml, ">2<")); /* one item only */
  const char *tbl_end = strstr(strstr(r.xml, "改革举措"), "</w:tbl>");
  ck_assert(tbl_end && strstr(r.xml, "联系电话") > tbl_end);
  const char *first = strstr(r.xml, ">月底前完成首批<");
  ck_assert(first && strncmp(first + strlen(">月底前完成首批<"), "/w:t></w:r><w:r><w:br/>", 22) == 0);
  done(&r);
}
END_TEST

/* Probe 3: a closing line right under a pipe table is a paragraph, not
 * a row; 附件 with the preamble on the next line; a number a PDF broke
 * (1 / 0场); blank cells under a filled one in a merge column. */
START_TEST(pasted_table_closing_and_merge_blanks) {
  result r = convert("units: [甲处, 乙处]\nmerge: [重点任务]\n",
                     "附件\n为加快建设，制定本方案，开展活动不少于1\n0场。\n\n"
                     "| 序号 | 重点任务 | 具体措施 | 牵头单位 | 责任单位 | 完成时限 |\n"
                     "|---|---|---|---|---|---|\n"
                     "| 1 | 深化改革 | 甲。 | 甲处 | 乙处 | 2025年6月底前 |\n"
                     "| 2 |  | 乙。 | 乙处 | 甲处 | 2025年3月—12月 |\n"
                     "各责任单位要切实提高政治站位。\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  const char *tbl_end = strstr(strstr(r.xml, "具体措施"), "</w:tbl>");
  ck_assert(tbl_end && strstr(r.xml, "各责任单位要切实提高政治站位") > tbl_end);
  const char *mark = strstr(r.xml, "<w:pStyle w:val=\"gwMark\"/>");
  ck_assert(mark && mark < strstr(r.xml, "为加快建设"));
  ck_assert(text_has(r.xml, "不少于10场"));
  ck_assert_int_eq(count(r.xml, "<w:vMerge/>"), 1); /* 重点任务 merged down */
  ck_assert_ptr_null(strstr(r.xml, "<w:br/></w:r><w:r><w:t xml:space=\"preserve\">—"));
  done(&r);
}
END_TEST

/* merge: copies a blank cell down only in pipe tables: a list or prose
 * item without a unit has none. */
START_TEST(merge_blanks_only_in_tables) {
  result r = convert("units: [甲处, 乙处, 丙处]\nmerge: [牵头单位, 责任单位]\nindex: by-unit\n",
                     "1. 甲举措。\n   - 牵头单位：甲处\n   - 责任单位：乙处\n\n"
                     "2. 乙举措。\n   - 牵头单位：丙处\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(!text_has(r.xml, "1、2")); /* 乙处 shares item 1 only */
  done(&r);
}
END_TEST

START_TEST(prose_form) {
  result r = convert("",
                     "1.选派优秀青年人才担任青企领航员。（县非公工委、团县委牵头，县工信局配合）\n\n"
                     "2.扩大团的组织覆盖。（县非公工委牵头，各有关部门按职责分工负责）\n\n"
                     "3.建立县域青年人才库。（县人社局负责）\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "县非公工委、团县委"));
  ck_assert_ptr_nonnull(strstr(r.xml, ">各有关部门<"));
  ck_assert_ptr_nonnull(strstr(r.xml, "担任青企领航员。<"));
  ck_assert_ptr_null(strstr(r.xml, "牵头，"));
  ck_assert_ptr_null(strstr(r.xml, "1.选派"));
  done(&r);
}
END_TEST

START_TEST(prose_parse) {
  gw_arena *a = gw_arena_new();
  dv_prose pr;
  ck_assert(dv_parse_prose(a, "……有机结合。（县委组织部牵头，团县委、县人社局配合）", &pr));
  ck_assert_str_eq(pr.lead, "县委组织部");
  ck_assert_str_eq(pr.share, "团县委、县人社局");
  ck_assert(dv_parse_prose(a, "举措。（A、B牵头，各有关部门按职责分工负责）。", &pr));
  ck_assert_str_eq(pr.lead, "A、B");
  ck_assert_str_eq(pr.share, "各有关部门");
  ck_assert(dv_parse_prose(a, "举措（县民政局负责）", &pr));
  ck_assert_str_eq(pr.lead, "县民政局");
  ck_assert_ptr_null(pr.share);
  ck_assert(dv_parse_prose(a, "举措（甲牵头，乙配合，2022年6月底前完成）", &pr));
  ck_assert_str_eq(pr.deadline, "2022年6月底前");
  /* labels parted by full-width spaces, or by a run of ASCII spaces */
  ck_assert(dv_parse_prose(a, "举措。（牵头单位：甲处　责任单位：乙中心　完成时限：2024年8月底前）", &pr));
  ck_assert_str_eq(pr.lead, "甲处");
  ck_assert_str_eq(pr.share, "乙中心");
  ck_assert_str_eq(pr.deadline, "2024年8月底前");
  ck_assert(dv_parse_prose(a, "举措。（牵头单位：甲处  责任单位：乙中心）", &pr));
  ck_assert_str_eq(pr.lead, "甲处");
  ck_assert_str_eq(pr.share, "乙中心");
  ck_assert(dv_parse_prose(a, "举措。（甲局牵头，乙局配合，2024/11/30前）", &pr));
  ck_assert_str_eq(pr.deadline, "2024/11/30前");
  /* several leads, and a lead acting with another */
  ck_assert(dv_parse_prose(a, "举措。（甲局、乙局分别牵头，长期坚持）", &pr));
  ck_assert_str_eq(pr.lead, "甲局、乙局");
  ck_assert(dv_parse_prose(a, "举措。（甲局、乙局共同牵头，丙局配合）", &pr));
  ck_assert_str_eq(pr.lead, "甲局、乙局");
  ck_assert_str_eq(pr.share, "丙局");
  ck_assert(dv_parse_prose(a, "举措。（甲局牵头负责，丙局配合）", &pr));
  ck_assert_str_eq(pr.lead, "甲局");
  ck_assert(dv_parse_prose(a, "举措。（甲局会同丙局负责）", &pr));
  ck_assert_str_eq(pr.lead, "甲局");
  ck_assert_str_eq(pr.share, "丙局");
  ck_assert(!dv_parse_prose(a, "《意见》（以下简称“强团改革50条”）", &pr));
  ck_assert(!dv_parse_prose(a, "没有括号的段落。", &pr));
  ck_assert_uint_eq(dv_number_prefix("12.举措"), 3);
  ck_assert_uint_eq(dv_number_prefix("（3）举措"), strlen("（3）"));
  ck_assert_uint_eq(dv_number_prefix("2021年"), 0);
  const char **names;
  size_t *starts;
  ck_assert_uint_eq(gw_build_split_names(a, "甲、乙，丙, 丁", &names, &starts), 4);
  ck_assert_str_eq(names[3], "丁");
  ck_assert(dv_is_collective("各有关部门"));
  ck_assert(dv_is_collective("市安委会各成员单位"));
  ck_assert(dv_is_collective("县委各部门"));
  ck_assert(dv_is_collective("市安委会成员单位"));
  ck_assert(!dv_is_collective("县教育局"));
  gw_arena_free(a);
}
END_TEST

/* Splitting and measuring see the same names: trimmed, empty ones
 * dropped, a 、 counted after every name but the last. */
START_TEST(unit_names_split_and_measured) {
  gw_arena *a = gw_arena_new();
  const char **names;
  size_t *starts;
  const char *list = "  县人社局 、，县教育局； 团县委 ,";
  ck_assert_uint_eq(gw_build_split_names(a, list, &names, &starts), 3);
  ck_assert_str_eq(names[0], "县人社局");
  ck_assert_str_eq(names[1], "县教育局");
  ck_assert_str_eq(names[2], "团县委");
  ck_assert_uint_eq(starts[1], strlen("  县人社局 、，"));
  /* 县人社局 / 县教育局 are 8 columns + 2 for the 、; 团县委, last, 6 */
  ck_assert_uint_eq(dv_widest_unit(list, strlen(list)), 10);
  ck_assert_uint_eq(dv_widest_unit("县委组织部", strlen("县委组织部")), 10);
  ck_assert_uint_eq(dv_widest_unit("团县委、县委组织部", strlen("团县委、县委组织部")), 10);
  ck_assert_uint_eq(dv_widest_unit("县委组织部、团县委", strlen("县委组织部、团县委")), 12);
  ck_assert_uint_eq(dv_widest_unit("", 0), 0);
  ck_assert_uint_eq(dv_widest_unit(" 、 ", strlen(" 、 ")), 0);
  ck_assert_uint_eq(gw_build_split_names(a, " 、 ", &names, &starts), 0);
  /* a separator inside brackets is part of the name */
  ck_assert_uint_eq(gw_build_split_names(a, "各县（市、区）卫生健康局，委机关(甲,乙)科室", &names, &starts), 2);
  ck_assert_str_eq(names[0], "各县（市、区）卫生健康局");
  ck_assert_str_eq(names[1], "委机关(甲,乙)科室");
  gw_arena_free(a);
}
END_TEST

START_TEST(mixed_forms) {
  char body[4096];
  snprintf(body, sizeof body,
           "为推动改革落地，现将责任分工印发如下。\n\n%s\n"
           "## 二、从严管团治团\n\n"
           "| 改革举措 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|\n"
           "| 建立团干部任期目标责任制。 | 团县委 | 县委组织部 | 持续推进 |\n\n"
           "## 三、拓宽来源渠道\n\n"
           "1.选派青企领航员。（县非公工委牵头，县工信局配合）\n\n"
           "各责任单位要按期报送进展。\n",
           LIST_BODY);
  result r = convert("numbering: per-category\n", body, NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_int_eq(count(r.xml, "<w:gridSpan w:val=\"5\"/>"), 3);
  ck_assert_int_eq(count(r.xml, ">1<"), 3); /* per-category: every 序号 is 1 */
  const char *table = strstr(r.xml, "<w:tbl>");
  ck_assert_ptr_nonnull(table);
  ck_assert(strstr(r.xml, "现将责任分工印发如下") < table);
  ck_assert(strstr(r.xml, "各责任单位要按期报送进展") > table);
  ck_assert(text_has(r.xml, "2021年9月10日印发"));
  ck_assert_ptr_nonnull(strstr(r.xml, "共青团阳曲县委员会办公室"));
  done(&r);
}
END_TEST

START_TEST(unit_typo) {
  result r = convert("units: [县委组织部, 团县委, 县人社局, 县教育局]\n",
                     "1. 举措甲。\n   - 牵头单位：县委组织部\n   - 责任单位：团县委、县人设局\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT);
  const gw_diag *e = first_error(&r);
  ck_assert_ptr_nonnull(e);
  ck_assert_uint_eq(e->pos.line, 10);
  ck_assert_uint_eq(e->pos.col, 15);
  ck_assert_ptr_nonnull(strstr(e->message, "县人设局"));
  ck_assert_ptr_nonnull(strstr(e->message, "“县人社局”"));
  done(&r);
}
END_TEST

/* Space-separated names with one unknown: that one is named, with its
 * full form; a name cut short suggests the listed one it starts; a name
 * two characters away from every listed one suggests nothing. */
START_TEST(unit_suggestions) {
  result r = convert("units: [县委办公室, 县人社局, 县司法局, 市少工委办公室, 县卫生健康局]\n",
                     "1. 甲。\n   - 牵头单位：县司法局\n   - 责任单位：县委办 县人社局\n\n"
                     "2. 乙。\n   - 牵头单位：市少工委\n   - 责任单位：县民政局\n\n"
                     "3. 丙。\n   - 牵头单位：县卫健委\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT);
  int seen = 0;
  for (const gw_diag *d = r.diags.first; d; d = d->next) {
    if (strstr(d->message, "“县委办”") && strstr(d->message, "“县委办公室”"))
      seen |= 1;
    if (strstr(d->message, "“市少工委”") && strstr(d->message, "“市少工委办公室”"))
      seen |= 2;
    if (strstr(d->message, "“县民政局”") && strstr(d->message, "也没有相近的名称"))
      seen |= 4;
    if (strstr(d->message, "“县卫健委”") && strstr(d->message, "“县卫生健康局”"))
      seen |= 8; /* 卫健 is short for 卫生健康 */
  }
  ck_assert_int_eq(seen, 15);
  done(&r);
}
END_TEST

/* A name with its place left off is a short form (组织部, 发改局); a
 * name a character apart may be a slip or another unit, and the message
 * says both. */
START_TEST(unit_short_forms_and_slips) {
  result r = convert("units: [县委组织部, 县财政局, 县发展和改革局]\n",
                     "1. 甲。\n   - 牵头单位：组织部\n   - 责任单位：县民政局、发改局\n", NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT);
  int seen = 0;
  for (const gw_diag *d = r.diags.first; d; d = d->next) {
    if (strstr(d->message, "“组织部”") && strstr(d->message, "像是“县委组织部”的简称"))
      seen |= 1;
    if (strstr(d->message, "“发改局”") && strstr(d->message, "像是“县发展和改革局”的简称"))
      seen |= 2;
    if (strstr(d->message, "“县民政局”") && strstr(d->message, "如是笔误，相近的有“县财政局”；如是另一个单位"))
      seen |= 4;
  }
  ck_assert_int_eq(seen, 7);
  done(&r);
}
END_TEST

/* A unit name wider than its column breaks between its words, the next
 * line starting with a word of two characters; the 、 after a name
 * needs its room too (LibreOffice does not hang it). */
START_TEST(long_unit_name_breaks_between_words) {
  result r = convert("",
                     "1. 深化“高效办成一件事”改革，年内新推出企业信息变更、开办运输企业、水电气网联合报装等10个“一件事”套餐。\n"
                     "   - 牵头单位：市政务服务管理局\n"
                     "   - 责任单位：市工业和信息化局、市交通运输局、市公安局\n"
                     "   - 完成时限：2025年12月底前\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  const char *at = strstr(r.xml, "市政务服务");
  ck_assert_ptr_nonnull(at);
  const char *br = strstr(at, "<w:br/>"), *rest = strstr(at, "管理局");
  ck_assert(br && rest && br < rest);
  at = strstr(r.xml, "市工业和");
  br = strstr(at, "<w:br/>");
  ck_assert(br && br < strstr(at, "信息化局"));
  at = strstr(r.xml, "市交通");
  br = strstr(at, "<w:br/>");
  ck_assert(br && br < strstr(at, "运输局、"));
  done(&r);
}
END_TEST

/* A deadline before the plan's own date (issued 2021-09-10) is last
 * year's copied: a warning; the same month, a start (2021年起) and a
 * later year are not. */
START_TEST(deadline_before_issue_warned) {
  result r = convert("",
                     "1. 甲。\n   - 牵头单位：团县委\n   - 完成时限：2020年12月底前\n"
                     "2. 乙。\n   - 牵头单位：团县委\n   - 完成时限：2021年9月底前\n"
                     "3. 丙。\n   - 牵头单位：团县委\n   - 完成时限：2021年起长期坚持\n"
                     "4. 丁。\n   - 牵头单位：团县委\n   - 完成时限：2021年6月底前完成，2022年6月底前见效\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  int warned = 0;
  for (const gw_diag *d = r.diags.first; d; d = d->next)
    if (d->severity == GW_WARNING && strstr(d->message, "早于本文的日期（2021年9月）")) {
      ck_assert_ptr_nonnull(strstr(d->message, "“2020年12月底前”"));
      ck_assert_uint_eq(d->pos.line, 9); /* the field's line */
      warned++;
    }
  ck_assert_int_eq(warned, 1);
  done(&r);
}
END_TEST

/* A notice that issues the plan: its 附件说明 hangs under the first
 * name, its signature and date are set from the right (sealed: the date
 * four characters in, the name centred over it), and the plan starts a
 * new page under its 附件 label with its own title. */
static const char *const NOTICE =
    "各乡镇人民政府，县直各单位：\n\n"
    "现将《甲方案》印发给你们，请认真抓好落实。\n\n"
    "附件：1.甲方案\n"
    "2.联络员名单\n\n"
    "共青团阳曲县委员会办公室\n\n"
    "2021年9月10日\n\n";

START_TEST(notice_issues_the_plan) {
  char body[1024];
  snprintf(body, sizeof body, "%s附件1\n\n# 甲方案\n\n为了……，制定本方案。\n\n%s", NOTICE,
           "1. 甲。\n   - 牵头单位：团县委\n");
  result r = convert("", body, NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "责任分工测试"));
  /* 附件：1. hangs 附件：1. (3 + 1 characters of 320) under 2 in */
  ck_assert_ptr_nonnull(strstr(r.xml, "<w:ind w:left=\"1920\" w:hanging=\"1280\"/>"));
  ck_assert_ptr_nonnull(strstr(r.xml, "<w:ind w:left=\"1920\" w:hanging=\"320\"/>"));
  /* 12 characters of name over 6.5 of date: (6.5 - 12) / 2 + 4 = 1.25 */
  const char *sig = strstr(r.xml, "gwSignature");
  ck_assert_ptr_nonnull(sig);
  ck_assert_ptr_nonnull(strstr(sig, "w:right=\"400\""));
  ck_assert_ptr_nonnull(strstr(sig, "w:right=\"1280\""));
  const char *label = strstr(r.xml, ">附件</w:t>");
  ck_assert_ptr_nonnull(label);
  ck_assert_ptr_nonnull(strstr(r.xml, "<w:pStyle w:val=\"gwMark\"/><w:pageBreakBefore/>"));
  ck_assert_ptr_nonnull(strstr(label, ">甲方案<"));
  done(&r);
}
END_TEST

/* A second attachment after the plan (附件2, its # title, a table):
 * its own page, label and title, as the first's. */
START_TEST(second_attachment_after_the_plan) {
  char body[1024];
  snprintf(body, sizeof body, "%s附件1\n\n# 甲方案\n\n%s", NOTICE,
           "1. 甲。\n   - 牵头单位：团县委\n\n附件2\n\n# 联络员名单\n\n"
           "| 单位 | 姓名 |\n|---|---|\n| 团县委 | 张三 |\n");
  result r = convert("", body, NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_null(first_warning(&r));
  ck_assert_int_eq(count(r.xml, "<w:pStyle w:val=\"gwMark\"/><w:pageBreakBefore/>"), 2);
  ck_assert_int_eq(count(r.xml, "<w:pStyle w:val=\"gwTitle\"/>"), 3);
  ck_assert(text_has(r.xml, "联络员名单"));
  done(&r);
}
END_TEST

/* With no `#` title the plan's is the one the notice names in 《》, or
 * the notice's own. */
START_TEST(notice_names_the_plan_title) {
  char body[1024];
  snprintf(body, sizeof body, "%s附件1\n\n%s", NOTICE, "1. 甲。\n   - 牵头单位：团县委\n");
  result r = convert("", body, NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_int_eq(count(r.xml, "<w:pStyle w:val=\"gwTitle\"/>"), 2);
  ck_assert_ptr_nonnull(strstr(r.xml, "<w:pStyle w:val=\"gwMark\"/><w:pageBreakBefore/>"));
  done(&r);
}
END_TEST

/* A deadline of clauses breaks after 前 and 并 too, and a clause too
 * long for a line between its words, not where the line runs out. */
START_TEST(deadline_clauses_break_between_words) {
  result r = convert("units: [县水利局, 县农业农村局, 县发展改革局]\n",
                     "| 序号 | 改革举措 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
                     "| 1 | 深化农业水价综合改革，完善节水激励机制，推进农业用水精细化管理。 | 县水利局 "
                     "| 县农业农村局、县发展改革局 | 2024年12月底前完成并长期坚持 |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  char *text = malloc(strlen(r.xml) + 1), *o = text;
  for (const char *p = r.xml; *p;) { /* the cell's text, a / for each break */
    if (strncmp(p, "<w:br/>", 7) == 0)
      *o++ = '/';
    if (*p == '<')
      p = strchr(p, '>') + 1;
    else
      *o++ = *p++;
  }
  *o = '\0';
  ck_assert_ptr_nonnull(strstr(text, "2024年/12月底前/完成并/长期坚持"));
  free(text);
  done(&r);
}
END_TEST

/* A 序号 field in a list is counted like a table's typed number: one
 * that is not the item's place is said, not dropped in silence. */
START_TEST(list_number_field_checked) {
  result r = convert("", "1. 甲。\n   - 序号：5\n   - 牵头单位：团县委\n", NULL);
  ck_assert_int_eq(r.status, GW_OK);
  const gw_diag *w = first_warning(&r);
  ck_assert_ptr_nonnull(w);
  ck_assert_ptr_nonnull(strstr(w->message, "序号写的是 5：这一项按顺序排为第 1 项"));
  done(&r);
  r = convert("", "1. 甲。\n   - 序号：1\n   - 牵头单位：团县委\n", NULL);
  ck_assert_ptr_null(first_warning(&r));
  done(&r);
}
END_TEST

/* An extract for a group with brackets in its name: the title's
 * brackets around it, its own turned to 〔〕. */
START_TEST(extract_title_brackets_nest) {
  result r = convert("", "1. 甲。（各乡镇（街道）负责）\n", "各乡镇（街道）");
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "责任分工测试（各乡镇〔街道〕）"));
  done(&r);
}
END_TEST

/* A long title parts its issuer from its matter (before 关于), and keeps
 * 办公室, 乡村振兴 and a range of years whole. */
START_TEST(notice_title_breaks_between_parts) {
  const char *front =
      "---\nkind: division\n"
      "title: 中共东阳县委办公室　东阳县人民政府办公室关于印发《东阳县2025年乡村振兴重点工作任务清单》的通知\n"
      "issuer: 办公室\ndate: 2025-03-10\n---\n1. 甲。（团县委牵头）\n";
  result r = convert_source(front, NULL);
  ck_assert_int_eq(r.status, GW_OK);
  const char *br = strstr(r.xml, "<w:br/>");
  ck_assert(br && br > strstr(r.xml, "人民政府办公室") && br < strstr(r.xml, ">关于"));
  ck_assert_ptr_null(strstr(r.xml, "乡村</w:t></w:r><w:r><w:br/>"));
  done(&r);
}
END_TEST

/* An extract drops the categories with no task of its unit: the
 * closing's 三、 still follows the whole plan's 二、, no gap said. */
START_TEST(extract_closing_numbers_follow_the_plan) {
  result r = convert("",
                     "## 一、甲类\n\n1. 甲。（团县委牵头）\n\n"
                     "## 二、乙类\n\n2. 乙。（县委组织部牵头）\n\n"
                     "## 三、保障措施\n\n各单位要加强领导。\n",
                     "团县委");
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_null(first_warning(&r));
  done(&r);
}
END_TEST

/* 抄送 and 印发 lines typed after the plan belong to the 版记, which the
 * front matter makes: said, each once. */
START_TEST(typed_tail_lines_warned) {
  result r = convert("", "1. 甲。（团县委牵头）\n\n各单位要加强领导。\n\n抄送：县委办公室。\n\n"
                         "共青团阳曲县委员会办公室　2021年9月10日印发\n", NULL);
  ck_assert_int_eq(r.status, GW_OK);
  int said = 0;
  for (const gw_diag *d = r.diags.first; d; d = d->next)
    said += strstr(d->message, "这一行像是版记的") != NULL;
  ck_assert_int_eq(said, 2);
  done(&r);
}
END_TEST

/* Without units, 组织部 beside 县委组织部 is one unit spelt two ways. */
START_TEST(unit_spelt_with_and_without_place) {
  result r = convert("", "1. 甲。（县委组织部牵头）\n\n2. 乙。（组织部牵头）\n", NULL);
  ck_assert_int_eq(r.status, GW_OK);
  const gw_diag *w = first_warning(&r);
  ck_assert_ptr_nonnull(w);
  ck_assert_ptr_nonnull(strstr(w->message, "“组织部”和前面的“县委组织部”像是同一个单位的两种写法"));
  done(&r);
}
END_TEST

START_TEST(unit_fold) {
  /* Width and spacing variants match the listed name, which is used. */
  result r = convert("units: [县委组织部, 团县委]\n",
                     "1. 举措甲。\n   - 牵头单位：县委 组织部\n   - 责任单位：团县委\n", NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_nonnull(strstr(r.xml, ">县委组织部<"));
  done(&r);
}
END_TEST

START_TEST(unknown_column) {
  /* a field names its column by a synonym, as a table header may */
  result r = convert("", "1. 举措甲。\n   - 牵头部门：县委组织部\n", NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|举措甲。|县委组织部|"));
  done(&r);
  /* fields and their suggestions go by meaning, never to an unrelated column */
  r = convert("units: [甲办, 乙所]\n",
              "| 序号 | 重点工作 | 牵头科室 | 协助单位 | 时间节点 |\n|---|---|---|---|---|\n"
              "| 1 | 甲。 | 甲办 | 乙所 | 2024年10月底前 |\n\n"
              "2. 乙。\n   - 牵头：乙所\n   - 配合单位：甲办\n   - 完成时间：2024年3月底前\n"
              "   - 备注：无\n   - 牵头人：乙所\n",
              NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT);
  const gw_diag *e = first_error(&r);
  ck_assert_ptr_nonnull(strstr(e->message, "“备注”"));
  ck_assert_ptr_null(strstr(e->message, "是不是"));
  ck_assert_ptr_nonnull(e->next);
  ck_assert_ptr_nonnull(strstr(e->next->message, "“牵头人”的列：是不是“牵头科室”？"));
  done(&r);
  r = convert("units: [甲办, 乙所]\n",
              "| 序号 | 重点工作 | 牵头科室 | 协助单位 | 时间节点 |\n|---|---|---|---|---|\n"
              "| 1 | 甲。 | 甲办 | 乙所 | 2024年10月底前 |\n\n"
              "2. 乙。\n   - 牵头：乙所\n   - 配合：甲办\n   - 完成时间：2024年3月底前\n",
              NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|2|乙。|乙所|甲办|2024年3月底前|"));
  done(&r);
  r = convert("columns: [序号, 改革举措, 牵头单位]\n",
              "| 改革举措 | 主办单位 |\n|---|---|\n| 甲 | 乙 |\n", NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT);
  ck_assert_uint_eq(first_error(&r)->pos.line, 8);
  done(&r);
}
END_TEST

START_TEST(office_columns) {
  /* a 教育局 list heads its unit column 责任股室 or 责任科室, and may add
   * 分管领导 and 备注: the table's own header is read, 股室 as units */
  result r = convert("",
                     "| 序号 | 工作任务 | 责任科室 | 完成时限 |\n|---|---|---|---|\n"
                     "| 1 | 推进学前教育普及普惠。 | 基础教育股 | 2024年8月底前 |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "序号|工作任务|责任科室|完成时限|1|推进学前教育普及普惠。|基础教育股|"));
  ck_assert_ptr_null(strstr(r.xml, "牵头单位"));
  ck_assert_ptr_null(first_warning(&r));
  done(&r);
  r = convert("units: [计财股, 基础教育股, 装备中心]\n",
              "| 序号 | 工作任务 | 分管领导 | 责任股室 | 完成时限 | 备注 |\n"
              "|---|---|---|---|---|---|\n"
              "| 1 | 甲。 | 张三 | 基础教育股、计财股 | 2024年8月底前 | 民生实事 |\n"
              "| 2 | 乙。 | 李四 | 装备中心 | 长期坚持 | |\n",
              "计财股");
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|甲。|张三|基础教育股、计财股|"));
  ck_assert_ptr_null(strstr(r.xml, "乙。"));
  done(&r);
  /* and a 股 not in units is caught, as any unit is */
  r = convert("units: [计财股]\n",
              "| 序号 | 工作任务 | 责任股室 | 完成时限 |\n|---|---|---|---|\n"
              "| 1 | 甲。 | 安全稳定股 | 长期坚持 |\n",
              NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(first_error(&r)->message, "安全稳定股"));
  done(&r);
}
END_TEST

START_TEST(unit_with_other_name) {
  /* a listed unit with its other name in brackets (挂牌, 内设) is that
   * unit, printed as written; --unit finds it */
  result r = convert("units: [县自然资源局, 县应急管理局]\n",
                     "| 序号 | 改革举措 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
                     "| 1 | 甲。 | 县自然资源局（县林业局） | 县应急管理局 | 汛期 |\n"
                     "| 2 | 乙。 | 县应急管理局 | | 汛期 |\n",
                     "县自然资源局");
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "县自然资源局（县林业局）|"));
  ck_assert_ptr_null(strstr(r.xml, "乙。"));
  done(&r);
  /* the name before the bracket must still be listed */
  r = convert("units: [县自然资源局, 县应急管理局]\n",
              "| 序号 | 改革举措 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
              "| 1 | 甲。 | 县林草局（县林业局） | 县应急管理局 | 汛期 |\n",
              NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(first_error(&r)->message, "县林草局（县林业局）"));
  done(&r);
}
END_TEST

START_TEST(typed_numbers_checked) {
  /* 序号 typed 1, 2, 2, 5 come out 1 to 4, with a word for each slip */
  result r = convert("",
                     "| 序号 | 改革举措 | 牵头单位 | 完成时限 |\n|---|---|---|---|\n"
                     "| 1 | 甲。 | 县水利局 | 汛期 |\n| 2 | 乙。 | 县水利局 | 汛期 |\n"
                     "| 2 | 丙。 | 县水利局 | 汛期 |\n| 5 | 丁。 | 县水利局 | 汛期 |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|4|丁。|"));
  const gw_diag *w = first_warning(&r);
  ck_assert_ptr_nonnull(w);
  ck_assert_ptr_nonnull(strstr(w->message, "序号 2 与上一项重复：这一项按顺序排为第 3 项"));
  ck_assert_ptr_nonnull(w->next);
  ck_assert_ptr_nonnull(strstr(w->next->message, "序号从 2 跳到 5：这一项按顺序排为第 4 项"));
  done(&r);
  /* numbered again from 1 under each category by hand: no slip */
  r = convert("",
              "| 序号 | 改革举措 | 牵头单位 | 完成时限 |\n|---|---|---|---|\n"
              "| 一 | 教育 | | |\n| 1 | 甲。 | 县水利局 | 汛期 |\n| 2 | 乙。 | 县水利局 | 汛期 |\n"
              "| 二 | 医疗 | | |\n| 1 | 丙。 | 县水利局 | 汛期 |\n",
              NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_null(first_warning(&r));
  done(&r);
}
END_TEST

START_TEST(paren_item_number_dropped) {
  /* （一） typed before a prose item is its number, counted like 1.: not
   * kept in the text beside the 序号 */
  result r = convert("",
                     "一、加强农村集体资产管理\n\n"
                     "（一）开展集体资产清产核资。（县农业农村局牵头，县财政局配合，2022年10月底前）\n\n"
                     "（二）健全集体资产管理制度。（县农业农村局牵头，2022年12月底前）\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|1|开展集体资产清产核资。|县农业农村局|"));
  ck_assert(text_has(r.xml, "|2|健全集体资产管理制度。|"));
  ck_assert_ptr_null(strstr(r.xml, "（一）"));
  done(&r);
}
END_TEST

START_TEST(second_spelling_warned) {
  /* with no units list, 教育局 beside 县教育局 and 县发改局 beside 县发展
   * 改革局 are named; 县委 beside 县非公工委 is no short form */
  result r = convert("",
                     "| 序号 | 改革举措 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
                     "| 1 | 甲。 | 县教育局 | 县发展改革局 | 汛期 |\n"
                     "| 2 | 乙。 | 教育局 | 县发改局 | 汛期 |\n"
                     "| 3 | 丙。 | 县委 | 县非公工委 | 汛期 |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  int n = 0;
  for (const gw_diag *d = r.diags.first; d; d = d->next)
    n += strstr(d->message, "像是同一个单位的两种写法") != NULL;
  ck_assert_int_eq(n, 2);
  const gw_diag *w = first_warning(&r);
  ck_assert_ptr_nonnull(strstr(w->message, "“教育局”和前面的“县教育局”"));
  done(&r);
}
END_TEST

START_TEST(merge_cells) {
  result r = convert("merge: [牵头单位]\n",
                     "1.甲。（团县委牵头，县委组织部配合）\n\n"
                     "2.乙。（团县委牵头，县教育局配合）\n\n"
                     "3.丙。（团县委牵头，县财政局配合）\n\n"
                     "4.丁。（县委组织部牵头，团县委配合）\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_int_eq(count(r.xml, "<w:vMerge w:val=\"restart\"/>"), 1);
  ck_assert_int_eq(count(r.xml, "<w:vMerge/>"), 2);
  done(&r);
  r = convert("merge: [牵头部门]\n", "1.甲。（团县委牵头）\n", NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT);
  done(&r);
}
END_TEST

static const char *const SEVEN_COLUMNS =
    "columns: [序号, 重点任务, 具体措施, 牵头单位, 责任单位, 完成时限, 成果形式]\n";
static const char *const SEVEN_BODY =
    "| 重点任务 | 具体措施 | 牵头单位 | 责任单位 | 完成时限 | 成果形式 |\n"
    "|---|---|---|---|---|---|\n"
    "| 将团的工作力量选配与党的政治骨干、年轻干部培育有机结合，多渠道充实县域各级团的工作骨干"
    " | 选育引进高层次专业人才、选调生等人员兼任青工委委员，从事团建、队建工作充实团的基层力量"
    " | 县委组织部 | 团县委、县人社局、县委编办、县教育局、县财政局 | 2021年12月底前"
    " | 印发实施方案并建立工作台账，每季度通报进展情况 |\n";

START_TEST(landscape_seven_columns) {
  result r = convert(SEVEN_COLUMNS, SEVEN_BODY, NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_nonnull(strstr(r.xml, "w:orient=\"landscape\""));
  ck_assert_int_eq(grid_sum(r.xml), 12756); /* the turned 版心: 225 mm */
  ck_assert_ptr_nonnull(strstr(r.xml, "<w:tblW w:w=\"12756\""));
  ck_assert_int_eq(count(r.xml, "w:footerReference w:type=\"even\""), 1);
  done(&r);
  /* Forced portrait: the seven columns still fit the 156 mm 版心. */
  char front[512];
  snprintf(front, sizeof front, "%sorientation: portrait\n", SEVEN_COLUMNS);
  r = convert(front, SEVEN_BODY, NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_null(strstr(r.xml, "landscape"));
  ck_assert_int_le(grid_sum(r.xml), 8845);
  done(&r);
}
END_TEST

START_TEST(landscape_sections) {
  /* A long preamble portrait, table landscape, a long closing portrait
   * again. */
  char body[8192] = "";
  for (int i = 0; i < 12; i++)
    strcat(body, "为推动改革举措落地见效，现将各项任务分工印发如下。");
  strcat(body, "\n\n## 一、类\n\n1.甲。（团县委牵头）\n\n结尾段落。");
  for (int i = 0; i < 12; i++)
    strcat(body, "各责任单位要按期报送工作进展，确保各项改革举措落地。");
  strcat(body, "\n");
  result r = convert("orientation: landscape\n", body, NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_int_eq(count(r.xml, "<w:sectPr>"), 3);
  const char *land = strstr(r.xml, "w:orient=\"landscape\"");
  ck_assert_ptr_nonnull(land);
  ck_assert(strstr(r.xml, "</w:tbl>") < land);
  ck_assert(strstr(r.xml, "结尾段落") > land);
  done(&r);
}
END_TEST

START_TEST(landscape_short_preamble) {
  /* A line of preamble goes onto the landscape page with the title and
   * the table, and a line of closing stays there with the 版记: no page
   * holding only them. */
  result r = convert("orientation: landscape\n",
                     "前言段落。\n\n## 一、类\n\n1.甲。（团县委牵头）\n\n结尾段落。\n", NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_int_eq(count(r.xml, "<w:sectPr>"), 1);
  const char *land = strstr(r.xml, "w:orient=\"landscape\"");
  ck_assert_ptr_nonnull(land);
  ck_assert(strstr(r.xml, "前言段落") < land && strstr(r.xml, "</w:tbl>") < land);
  ck_assert(strstr(r.xml, "结尾段落") > strstr(r.xml, "</w:tbl>") && strstr(r.xml, "结尾段落") < land);
  done(&r);
}
END_TEST

/* With index: by-unit, a line of closing stays on the landscape page
 * under its table too, and the 各单位任务清单 starts the next section:
 * no portrait page holding only the closing line. */
START_TEST(landscape_short_closing_with_index) {
  result r = convert("orientation: landscape\nindex: by-unit\n",
                     "## 一、类\n\n1.甲。（团县委牵头）\n\n结尾段落。\n", NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_int_eq(count(r.xml, "<w:sectPr>"), 2);
  const char *land = strstr(r.xml, "w:orient=\"landscape\"");
  const char *closing = strstr(r.xml, "结尾段落");
  ck_assert(land && closing && closing > strstr(r.xml, "</w:tbl>") && closing < land);
  const char *index = strstr(r.xml, "各单位任务清单");
  ck_assert(index && index > land);
  const char *para = index;
  while (para > r.xml && strncmp(para, "<w:p>", 5) != 0)
    para--;
  ck_assert(!strstr(para, "<w:pageBreakBefore/>") || strstr(para, "<w:pageBreakBefore/>") > index);
  done(&r);
}
END_TEST

/* The nth gridCol width (from 1) of the first table. */
static int grid_col(const char *xml, int nth) {
  const char *p = xml;
  for (int i = 0; i < nth && p; i++)
    if ((p = strstr(p, "<w:gridCol w:w=\"")))
      p += strlen("<w:gridCol w:w=\"");
  return p ? atoi(p) : 0;
}

/* In landscape a unit column grows to hold a name of seven characters
 * (县教育局人事股), past the portrait cap of six: the measures pay. */
START_TEST(landscape_unit_columns_grow) {
  result r = convert("orientation: landscape\nunits: [县教育局人事股, 县财政局]\n",
                     "| 序号 | 改革举措 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
                     "| 1 | 每百名学生拥有高于规定学历教师数：小学、初中分别达到4.2人以上、5.3人以上。"
                     " | 县教育局人事股 | 县财政局 | 2025年8月底前 |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  int char_w = 280; /* 4号: 14 pt */
  ck_assert_int_ge(grid_col(r.xml, 3), 7 * char_w);
  ck_assert_int_gt(grid_col(r.xml, 2), grid_col(r.xml, 3));
  done(&r);
  /* the same with two text columns (改革事项 short, 具体举措 long): the
   * room comes from them, seven characters (市工业和 / 信息化局 breaks
   * between its words) */
  r = convert("units: [市工业和信息化局, 市财政局]\n",
              "| 序号 | 改革事项 | 具体举措 | 牵头单位 | 责任单位 | 完成时限 |\n"
              "|---|---|---|---|---|---|\n"
              "| 1 | 强化金融支持 | 推进普惠金融服务体系建设，扩大中小微企业首贷、续贷、信用贷规模，"
              "发挥政府性融资担保机构作用。 | 市工业和信息化局 | 市财政局 | 持续推进 |\n",
              NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_int_ge(grid_col(r.xml, 4), 7 * char_w);
  ck_assert_int_gt(grid_col(r.xml, 3), grid_col(r.xml, 4));
  done(&r);
}
END_TEST

START_TEST(index_by_unit) {
  result r = convert("index: by-unit\nunits: [团县委, 县委组织部, 县教育局]\n",
                     "1.甲。（团县委牵头，县委组织部配合）\n\n"
                     "2.乙。（县委组织部牵头，团县委配合）\n\n"
                     "3.丙。（团县委负责）\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_nonnull(strstr(r.xml, "各单位任务清单"));
  ck_assert(text_has(r.xml, "|团县委|1、3|2|"));
  ck_assert(text_has(r.xml, "|县委组织部|2|1|"));
  const char *index = strstr(r.xml, "各单位任务清单");
  ck_assert_ptr_null(strstr(index, ">县教育局<")); /* no task: no empty line */
  done(&r);
}
END_TEST

/* The groups the rows name have their lines after the units: a 乡镇
 * finds its tasks too. */
START_TEST(index_lists_groups) {
  result r = convert("index: by-unit\nunits: [团县委, 县委组织部]\n",
                     "1.甲。（团县委牵头，各乡镇（街道）配合）\n\n"
                     "2.乙。（县委组织部牵头，各乡镇(街道)、团县委配合）\n\n"
                     "3.丙。（县直各单位负责）\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  const char *index = strstr(r.xml, "各单位任务清单");
  ck_assert_ptr_nonnull(index);
  ck_assert(text_has(index, "|团县委|1|2|"));
  ck_assert(text_has(index, "|各乡镇（街道）||1、2|"));
  ck_assert(text_has(index, "|县直各单位|3||"));
  ck_assert_int_eq(count(index, "乡镇"), 1);
  done(&r);
}
END_TEST

/* Without a 牵头 line the first unit named leads, as the warning says,
 * even when the list names it again further on. */
START_TEST(index_first_named_leads) {
  result r = convert("index: by-unit\nunits: [团县委, 县委组织部]\n",
                     "1. 甲。\n   - 责任单位：团县委、县委组织部、团县委\n"
                     "2. 乙。\n   - 牵头单位：县委组织部\n   - 责任单位：团县委\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|团县委|1|2|"));
  ck_assert(text_has(r.xml, "|县委组织部|2|1|"));
  done(&r);
}
END_TEST

/* An extract keeps the 一、 above the （一） of each kept row. */
START_TEST(unit_extract_keeps_parent_category) {
  const char *body = "## 一、甲类工作\n\n### （一）甲一\n\n1.甲一任务。（团县委负责）\n\n"
                     "## 二、乙类工作\n\n### （一）乙一\n\n2.乙一任务。（县委组织部牵头，团县委配合）\n\n"
                     "### （二）乙二\n\n3.乙二任务。（县委组织部负责）\n";
  result r = convert("", body, "团县委");
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_nonnull(strstr(r.xml, ">一、甲类工作<"));
  ck_assert_ptr_nonnull(strstr(r.xml, ">二、乙类工作<"));
  ck_assert_ptr_nonnull(strstr(r.xml, ">（一）乙一<"));
  ck_assert_ptr_null(strstr(r.xml, ">（二）乙二<")); /* no row of its own kept */
  ck_assert(strstr(r.xml, ">一、甲类工作<") < strstr(r.xml, ">（一）甲一<"));
  done(&r);
}
END_TEST

/* Deadlines written without a date (全年, 适时, 根据上级要求) end a prose
 * bracket like 长期坚持: its units are read, not left in the text. */
START_TEST(prose_deadline_words) {
  result r = convert("units: [团县委, 县委组织部]\n",
                     "1.招商引资签约项目不少于5个。（团县委牵头，县委组织部配合，全年）\n\n"
                     "2.适时开展评估。（县委组织部牵头，适时）\n\n"
                     "3.做好迎检。（团县委负责，根据上级要求）\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|1|招商引资签约项目不少于5个。|团县委|县委组织部|全年|"));
  ck_assert(text_has(r.xml, "|2|适时开展评估。|县委组织部||适时|"));
  ck_assert(text_has(r.xml, "|3|做好迎检。|团县委||根据上级要求|"));
  done(&r);
  /* the full stop after the bracket stays with the measure */
  r = convert("units: [团县委]\n", "1.建设换电站10座（团县委牵头，2024年底前）。\n", NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|1|建设换电站10座。|团县委||2024年底前|"));
  done(&r);
  r = convert("units: [团县委]\n", "1.完善社会救助制度（团县委牵头）；\n", NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|1|完善社会救助制度|团县委|")); /* a list's ； is not the cell's */
  done(&r);
}
END_TEST

/* A unit named twice in one cell is printed once, with a warning; a
 * lead named again among the 责任单位 is left as written. */
START_TEST(repeated_unit_printed_once) {
  result r = convert("units: [团县委, 县委组织部, 县教育局]\n",
                     "1.甲。（团县委牵头，团县委、县委组织部配合）\n\n"
                     "2.乙。（县教育局牵头，县委组织部、县委组织部配合）\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|1|甲。|团县委|团县委、县委组织部|"));
  ck_assert(text_has(r.xml, "|2|乙。|县教育局|县委组织部|"));
  ck_assert_uint_eq(r.diags.warnings, 1);
  done(&r);
}
END_TEST

/* A name with a bracket too long for a unit cell's line breaks before
 * the bracket (各乡镇 / （街道）), never inside it. */
START_TEST(unit_cell_breaks_before_bracket) {
  result r = convert("",
                     "1. 开展隐患排查整治，建立问题清单、责任清单、整改清单，实行销号管理，"
                     "确保各类隐患动态清零。\n"
                     "   - 牵头单位：县应急管理局\n"
                     "   - 责任单位：各乡镇（街道）\n"
                     "   - 完成时限：长期坚持\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_nonnull(strstr(r.xml, ">各乡镇</w:t></w:r><w:r><w:br/>"));
  ck_assert_ptr_nonnull(strstr(r.xml, ">（街道）<"));
  done(&r);
}
END_TEST

/* Six columns kept in portrait: the headers break in two (工作 / 内容)
 * rather than every column shrinking alike and the measures going down
 * to three characters (工作内 / 容). */
START_TEST(portrait_six_columns_headers_break) {
  result r = convert("orientation: portrait\n",
                     "| 序号 | 工作内容 | 牵头领导 | 牵头单位 | 责任（配合）单位 | 时间节点 |\n"
                     "|---|---|---|---|---|---|\n"
                     "| 1 | 开展占道经营、店外经营专项整治。 | 王副市长 | 市城市管理局 |"
                     " 各区人民政府、市市场监督管理局 | 2024年6月底前 |\n"
                     "| 2 | 加强建筑工地扬尘管控。 | 张副市长 | 市住房和城乡建设局 |"
                     " 市生态环境局、市城市管理局 | 每年10月至次年3月 |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_int_ge(grid_col(r.xml, 1), 2 * 280 + 170); /* 序号 whole */
  ck_assert_int_ge(grid_col(r.xml, 2), 4 * 280 + 210); /* 工作内容 whole, at the least */
  ck_assert_ptr_nonnull(strstr(r.xml, ">牵头</w:t></w:r><w:r><w:br/>")); /* 牵头 / 领导 */
  ck_assert_int_eq(grid_sum(r.xml), 8845);
  done(&r);
}
END_TEST

/* A list field written like a cell, 县妇联牵头，各乡镇配合: read as one. */
START_TEST(list_field_with_roles) {
  result r = convert("columns: [序号, 重点任务, 责任单位, 完成时限]\nunits: [团县委, 县妇联]\n",
                     "1. 开展美丽庭院创建。\n"
                     "   - 责任单位：县妇联牵头，团县委配合\n"
                     "   - 完成时限：2024年9月底前\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|1|开展美丽庭院创建。|县妇联（牵头）、团县委|2024年9月底前|"));
  done(&r);
}
END_TEST

/* A column most rows leave empty (备注) still holds four characters a
 * line when its few words need them. */
START_TEST(sparse_column_keeps_four_characters) {
  result r = convert("",
                     "| 序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 | 备注 |\n"
                     "|---|---|---|---|---|---|\n"
                     "| 1 | 新建改扩建中小学校舍，秋季开学前全部投入使用。 | 县教育局 | 县财政局 | 2024年8月底前 | 秋季开学前投用 |\n"
                     "| 2 | 加强校园安全管理。 | 县教育局 | 县公安局 | 长期坚持 | |\n"
                     "| 3 | 推进教师队伍建设。 | 县教育局 | 县人社局 | 长期坚持 | |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_int_ge(grid_col(r.xml, 6), 4 * 280 + 210);
  done(&r);
}
END_TEST

START_TEST(unit_extract) {
  const char *body = "## 一、类\n\n1.甲。（团县委牵头，县委组织部配合）\n\n"
                     "## 二、类\n\n2.乙。（县委组织部牵头）\n\n"
                     "3.丙。（县教育局牵头，团县委配合）\n";
  result r = convert("index: by-unit\n", body, "团县委");
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_nonnull(strstr(r.xml, "责任分工测试（团县委）"));
  ck_assert_ptr_nonnull(strstr(r.xml, ">甲。<"));
  ck_assert_ptr_null(strstr(r.xml, ">乙。<"));
  ck_assert_ptr_nonnull(strstr(r.xml, ">丙。<"));
  ck_assert_ptr_nonnull(strstr(r.xml, ">3<")); /* keeps its number */
  ck_assert_ptr_null(strstr(r.xml, "各单位任务清单"));
  done(&r);
  /* a group the rows name, not checked against units:, is selectable */
  r = convert("units: [团县委, 县委组织部]\n",
              "1.甲。（团县委牵头，各乡镇人民政府配合）\n\n2.乙。（县委组织部牵头）\n", "各乡镇人民政府");
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_nonnull(strstr(r.xml, ">甲。<"));
  ck_assert_ptr_null(strstr(r.xml, ">乙。<"));
  done(&r);
  r = convert("", body, "团县委员会");
  ck_assert_int_eq(r.status, GW_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(first_error(&r)->message, "团县委"));
  done(&r);
}
END_TEST

START_TEST(no_items) {
  result r = convert("", "只有一段文字。\n", NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT);
  done(&r);
}
END_TEST

/* Lines that open a numbered item (a paragraph is split before them)
 * and lines that only start with a number. */
START_TEST(item_lines)
{
  static const char *const items[] = {"1、摸清底数", "2.建立台账", "12. 推进", "（1）重点人群",
                                      "(2) 困难群众", "一、教育民生", "（十二）其他", "① 老旧小区",
                                      "⑴ 甲", "⒉ 乙", "3）丙", "4)丁", "5．戊"};
  static const char *const not_items[] = {"3.5万人", "2021.10.18。", "2021年", "第1.2条",
                                          "三是加强", "一是", "(a) 甲", "1１．", "十分重要",
                                          "", "。", "1"};
  for (size_t i = 0; i < sizeof items / sizeof items[0]; i++)
    ck_assert_msg(gw_markdown_starts_item(items[i]), "'%s' opens an item", items[i]);
  for (size_t i = 0; i < sizeof not_items / sizeof not_items[0]; i++)
    ck_assert_msg(!gw_markdown_starts_item(not_items[i]), "'%s' opens no item", not_items[i]);
  /* the section-number test they share: a decimal or a year is none */
  ck_assert(gw_has_section_number("一、甲") && gw_has_section_number("（一）甲") &&
            gw_has_section_number("1.甲") && gw_has_section_number("（1）甲") &&
            gw_has_section_number("　　一、甲") && !gw_has_section_number("3.5万") &&
            !gw_has_section_number("2.1 项目进展") && !gw_has_section_number("（2021）年度") &&
            !gw_has_section_number("2021.10.18 活动") && !gw_has_section_number("甲、乙") &&
            !gw_has_section_number("（甲）"));
}
END_TEST

/* An all-empty pipe-table row (a spreadsheet's leftover line) is
 * skipped with a warning: it takes no number and, under merge:, does not
 * merge up. */
START_TEST(empty_table_row_skipped) {
  result r = convert("units: [甲处, 乙处]\nmerge: [牵头单位]\n",
                     "| 序号 | 改革举措 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
                     "| 1 | 甲。 | 甲处 | 乙处 | 2024年6月底前 |\n"
                     "|  |  |  |  |  |\n"
                     "| 2 | 乙。 | 乙处 | 甲处 | 2024年9月底前 |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|2|乙。|"));
  ck_assert_ptr_null(strstr(r.xml, ">3<"));
  ck_assert_int_eq(count(r.xml, "<w:vMerge"), 0);
  bool warned = false;
  for (const gw_diag *d = r.diags.first; d; d = d->next)
    warned = warned || (d->severity == GW_WARNING && strstr(d->message, "空行") && d->pos.line == 12);
  ck_assert(warned);
  done(&r);
}
END_TEST

/* Lines pasted from a spreadsheet with tabs between the cells: a header
 * line naming the columns, then a row a line, read as a table (CRLF and
 * quoted cells too); a unit typo points into its cell. Tabbed lines with
 * no header are an error at the first one, not one jumbled row. */
START_TEST(tab_separated_lines) {
  result r = convert("units: [县水利局, 县应急管理局, 县气象局]\n",
                     "## 一、汛前准备\r\n\r\n"
                     "序号\t工作任务\t牵头单位\t责任单位\t完成时限\r\n"
                     "1\t开展汛前隐患排查。\t县水利局\t县应急管理局、县气象局\t2025年5月底前\r\n"
                     "2\t\"修订\"\"预案\"\"。\"\t县应急管理局\t县水利局\t2025年5月20日前\r\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|1|开展汛前隐患排查。|县水利局|县应急管理局、县气象局|"));
  ck_assert(text_has(r.xml, "|2|修订“预案”。|县应急管理局|县水利局|"));
  done(&r);
  r = convert("units: [县水利局, 县应急管理局]\n",
              "序号\t工作任务\t牵头单位\t责任单位\n1\t甲。\t县水利局\t县应急管里局\n", NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT);
  ck_assert_uint_eq(first_error(&r)->pos.line, 9);
  ck_assert_uint_eq(first_error(&r)->pos.col, 11);
  done(&r);
  /* a cell Excel copied with a line break in it comes quoted over two
   * lines: one cell, its names parted, a task's break kept */
  r = convert("units: [县公安局, 县民政局]\n",
              "序号\t工作任务\t牵头单位\t责任单位\n1\t\"甲。\n乙。\"\t县公安局\t\"县公安局\n县民政局\"\n"
              "2\t丙。\t县民政局\t县公安局\n",
              NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|1|甲。乙。|县公安局|县公安局、县民政局|"));
  ck_assert_ptr_nonnull(strstr(r.xml, "甲。</w:t></w:r><w:r><w:br/>"));
  ck_assert(text_has(r.xml, "|2|丙。|县民政局|县公安局|"));
  done(&r);
  /* rows pasted without their header line: the first row is no header */
  r = convert("", "1\t开展汛前隐患排查工作。\t县水利局\t县直各有关部门\t2025年5月底前\n"
                  "2\t修订预案。\t县应急管理局\t县水利局\t2025年5月20日前\n", NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(first_error(&r)->message, "表格软件粘贴"));
  done(&r);
  /* a line of text right under the pasted rows: said where it is */
  r = convert("", "序号\t工作任务\t牵头单位\n1\t甲。\t团县委\n2\t乙。\t团县委\n各单位要抓好落实。\n",
              NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT);
  ck_assert_uint_eq(first_error(&r)->pos.line, 10);
  ck_assert_ptr_nonnull(strstr(first_error(&r)->message, "空一行"));
  done(&r);
  /* the same after an empty spreadsheet row: said, no row lost unseen,
   * and no second error that the body has no tasks */
  r = convert("", "序号\t工作任务\t牵头单位\n1\t甲。\t团县委\n\t\t\n2\t乙。\t团县委\n各单位要抓好落实。\n",
              NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT);
  ck_assert_uint_eq(first_error(&r)->pos.line, 11);
  ck_assert_ptr_null(first_error(&r)->next);
  done(&r);
  /* a tab after a row's last cell, as spreadsheets copy it: no extra cell */
  r = convert("", "序号\t工作任务\t牵头单位\t\n1\t甲。\t团县委\t\n", NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_null(first_warning(&r));
  done(&r);
  /* an empty spreadsheet row (all tabs: a blank line) inside the paste */
  r = convert("", "序号\t工作任务\t牵头单位\n1\t甲。\t团县委\n\t\t\n2\t乙。\t团县委\n", NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|2|乙。|团县委|"));
  ck_assert_ptr_nonnull(strstr(first_warning(&r)->message, "空行已跳过"));
  done(&r);
  r = convert("", "1. 甲。（团县委牵头）\n\n1\t乙。\t团县委\n2\t丙。\t团县委\n", NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT);
  ck_assert_uint_eq(first_error(&r)->pos.line, 9);
  ck_assert_ptr_nonnull(strstr(first_error(&r)->message, "制表符"));
  done(&r);
}
END_TEST

/* Unit cells as drafters fill them: <br> and / between names, the lead
 * written in words (甲处牵头，乙处、丙处配合), a role note that keeps
 * whole on its line, a bracketed name never broken at its 、. */
START_TEST(unit_cell_separators) {
  result r = convert("units: [市林业局, 市公安局, 市应急管理局, 甲处, 乙处, 丙处]\n",
                     "| 序号 | 工作任务 | 责任单位 | 完成时限 |\n|---|---|---|---|\n"
                     "| 1 | 严格火源管控，在重点时段、重点部位设卡布控，严查违规野外用火行为，"
                     "加强巡山护林，严防山火发生，确保森林资源安全。 | 市林业局（牵头）、市公安局 | "
                     "2025年3月—6月 |\n"
                     "| 2 | 乙。 | 甲处牵头，乙处、丙处配合 | 长期坚持 |\n"
                     "| 3 | 丙。 | 甲处<br>各县（市、区）政府 | 长期坚持 |\n"
                     "| 4 | 丁。 | 乙处/丙处 | 长期坚持 |\n"
                     "| 5 | 戊。 | 甲处／市应急管理局 | 长期坚持 |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|甲处（牵头）、乙处、丙处|"));
  ck_assert(text_has(r.xml, "|甲处、各县（市、区）政府|"));
  ck_assert(text_has(r.xml, "|乙处、丙处|"));
  ck_assert(text_has(r.xml, "|甲处、市应急管理局|"));
  ck_assert_ptr_nonnull(strstr(r.xml, "市林业局</w:t></w:r><w:r><w:br/>"));
  ck_assert_ptr_null(strstr(r.xml, "（牵</w:t>"));
  ck_assert_ptr_null(strstr(r.xml, "各县（市、</w:t>"));
  done(&r);
  /* with a 牵头 column, the lead written in the 责任单位 cell goes there */
  r = convert("units: [甲处, 乙处, 丙处]\n",
              "| 序号 | 工作任务 | 牵头单位 | 责任单位 |\n|---|---|---|---|\n"
              "| 1 | 甲。 |  | 甲处牵头，乙处、丙处配合 |\n",
              NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|甲。|甲处|乙处、丙处|"));
  done(&r);
}
END_TEST

/* A prose item ending in a bracket of unit names only (listed, or
 * shaped like a unit's name) names the responsible units, the first
 * leading; a bracket of other words stays in the text. */
START_TEST(bare_unit_bracket) {
  result r = convert("units: [宣传中心, 省公共就业服务中心]\nindex: by-unit\n",
                     "1.加强就业政策宣传，制作政策“明白卡”。（宣传中心、省公共就业服务中心）\n\n"
                     "2.做好见习工作。（省公共就业服务中心、省人才交流服务中心）\n\n"
                     "3.落实社保补贴（补贴期限最长不超过1年）。\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT); /* 省人才交流服务中心 is not listed */
  ck_assert_ptr_nonnull(strstr(first_error(&r)->message, "省人才交流服务中心"));
  done(&r);
  r = convert("units: [宣传中心, 省公共就业服务中心]\nindex: by-unit\n",
              "1.加强就业政策宣传，制作政策“明白卡”。（宣传中心、省公共就业服务中心）\n\n"
              "2.落实社保补贴（补贴期限最长不超过1年）。\n",
              NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "明白卡”。|宣传中心|省公共就业服务中心|"));
  ck_assert(text_has(r.xml, "|宣传中心|1||"));
  ck_assert(text_has(r.xml, "落实社保补贴（补贴期限最长不超过1年）。"));
  done(&r);
  /* a place or a note in brackets is no unit: （含…） （以下简称…）, and
   * with units: declared, a bracket naming none of them; a "1. " list
   * item's bracket is read as a numbered paragraph's is */
  r = convert("units: [县民政局, 县行政审批服务管理局]\n",
              "1.完善村级综合服务设施（村民服务中心）。\n   - 牵头单位：县民政局\n\n"
              "2.组建县综合行政执法机构（以下简称县执法局）。\n   - 牵头单位：县民政局\n\n"
              "3.推进政务服务标准化建设（含乡镇便民服务中心）。（县行政审批服务管理局）\n\n"
              "4. 做好救助工作。（县民政局、县行政审批服务管理局）\n",
              NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "（村民服务中心）。|县民政局|"));
  ck_assert(text_has(r.xml, "（以下简称县执法局）。|县民政局|"));
  ck_assert(text_has(r.xml, "（含乡镇便民服务中心）。|县行政审批服务管理局|"));
  ck_assert(text_has(r.xml, "做好救助工作。|县民政局|县行政审批服务管理局|"));
  done(&r);
  /* with one unit column, a lead written as such is marked （牵头）; a
   * bare bracket's first name leads by order, unmarked */
  r = convert("columns: [序号, 工作任务, 责任单位]\nunits: [县民政局, 县财政局]\n",
              "1.甲。（县民政局牵头，县财政局配合）\n\n2.乙。（县民政局、县财政局）\n", NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|甲。|县民政局（牵头）、县财政局|"));
  ck_assert(text_has(r.xml, "|乙。|县民政局、县财政局|"));
  done(&r);
}
END_TEST

/* A unit marked （牵头） in a unit list is the lead: with the 牵头单位
 * cell empty it moves there, unmarked, with no warning of a missing
 * lead, and the index credits it, not the unit named first. */
START_TEST(marked_unit_leads) {
  result r = convert("index: by-unit\nunits: [县发展改革局, 县财政局, 县教育科技局]\n",
                     "1. 甲。\n   - 责任单位：县发展改革局（牵头）、县财政局\n"
                     "   - 完成时限：2024年6月底前\n"
                     "2. 乙。\n   - 牵头单位：县教育科技局（牵头）\n   - 责任单位：县财政局\n"
                     "   - 完成时限：2024年6月底前\n\n"
                     "| 序号 | 改革举措 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
                     "| 3 | 丙。 | | 县财政局、县教育科技局（牵头） | 2024年6月底前 |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_null(first_warning(&r));
  ck_assert(text_has(r.xml, "|1|甲。|县发展改革局|县财政局|"));
  ck_assert(text_has(r.xml, "|2|乙。|县教育科技局|县财政局|"));
  ck_assert(text_has(r.xml, "|3|丙。|县教育科技局|县财政局|"));
  ck_assert_int_eq(count(r.xml, "（牵头）"), 0);
  ck_assert(text_has(r.xml, "|县财政局||1、2、3|"));
  ck_assert(text_has(r.xml, "|县教育科技局|2、3||"));
  done(&r);
  /* one unit column: the mark stays, and the marked unit leads */
  r = convert("index: by-unit\ncolumns: [序号, 工作任务, 责任单位]\nunits: [县民政局, 县财政局]\n",
              "1. 甲。\n   - 责任单位：县财政局、县民政局（牵头）\n", NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|甲。|县财政局、县民政局（牵头）|"));
  ck_assert(text_has(r.xml, "|县民政局|1||"));
  ck_assert(text_has(r.xml, "|县财政局||1|"));
  done(&r);
}
END_TEST

/* A group (各县（区）人民政府, 市直各有关单位) among names parted by
 * spaces is not checked against units:, as it is not among names parted
 * by 、; the names beside it still are. */
START_TEST(space_parted_names_with_a_group) {
  const char *front = "units: [市市场监管局, 市司法局, 市税务局]\n";
  result r = convert(front,
                     "| 序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
                     "| 1 | 甲。 | 市市场监管局 | 市司法局 市税务局 各县（区）人民政府 | 2024年6月底前 |\n"
                     "| 2 | 乙。 | 市市场监管局 | 市司法局 各乡镇（街道） | 2024年6月底前 |\n"
                     "| 3 | 丙。 | 市市场监管局 | 市司法局 市直各有关单位 | 2024年6月底前 |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_null(first_error(&r));
  ck_assert(text_has(r.xml, "|甲。|市市场监管局|市司法局、市税务局、各县（区）人民政府|"));
  ck_assert(text_has(r.xml, "|乙。|市市场监管局|市司法局、各乡镇（街道）|"));
  ck_assert(text_has(r.xml, "|丙。|市市场监管局|市司法局、市直各有关单位|"));
  done(&r);
  r = convert(front,
              "| 序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
              "| 1 | 甲。 | 市市场监管局 | 市司法局 市税物局 市直各有关单位 | 2024年6月底前 |\n",
              NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT); /* the slip beside the group is found */
  ck_assert_ptr_nonnull(strstr(first_error(&r)->message, "市税物局"));
  ck_assert_ptr_nonnull(strstr(first_error(&r)->message, "市税务局"));
  done(&r);
}
END_TEST

START_TEST(space_parted_names_without_list) {
  /* without a units list too, spaces part the units of a field or cell;
   * a space after a bracket (各乡镇（街道） 县财政局) is no space to drop;
   * 县委 组织部, a name typed spaced, stays one */
  result r = convert("",
                     "## 一、类\n\n"
                     "1. 推进户厕改造。\n"
                     "   - 牵头单位：镇农业农村办\n"
                     "   - 责任单位：镇财政所 镇卫生院\u3000各村（社区）\n"
                     "   - 完成时限：2024年10月底前\n"
                     "2. 推进集团化办学。\n"
                     "   - 牵头单位：县委 组织部\n"
                     "   - 责任单位：各乡镇（街道） 县财政局\n"
                     "   - 完成时限：2024年底前\n",
                     "县财政局");
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|推进集团化办学。|县委 组织部|各乡镇（街道）、县财政局|"));
  ck_assert_ptr_null(strstr(r.xml, "户厕"));
  done(&r);
  r = convert("", "## 一、类\n\n1. 推进户厕改造。\n   - 牵头单位：镇农业农村办\n"
                  "   - 责任单位：镇财政所 镇卫生院\u3000各村（社区）\n   - 完成时限：长期坚持\n",
              NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|镇农业农村办|镇财政所、镇卫生院、各村（社区）|"));
  done(&r);
}
END_TEST

START_TEST(table_before_first_category) {
  /* a table of tasks with its own category row, then a ## category and
   * a second table: one plan, 序号 running on; a table of figures before
   * the first category stays in the preamble */
  result r = convert("",
                     "| 指标 | 目标值 |\n|---|---|\n| 团员数 | 1000 |\n\n"
                     "| 序号 | 主要任务 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
                     "| 一、提升政务服务效能 | | | | |\n"
                     "| 1 | 推进跨省通办。 | 区行政审批局 | 区数据局 | 长期坚持 |\n\n"
                     "## 二、维护公平竞争秩序\n\n"
                     "| 序号 | 主要任务 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
                     "| 2 | 开展专项整治。 | 区发展改革局 | 区财政局 | 每半年 |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "指标|目标值|团员数|1000|"));
  ck_assert(text_has(r.xml, "|一、提升政务服务效能|1|推进跨省通办。|"));
  ck_assert(text_has(r.xml, "|二、维护公平竞争秩序|2|开展专项整治。|"));
  ck_assert_ptr_null(first_warning(&r));
  done(&r);
}
END_TEST

START_TEST(field_wrapped_after_dunhao) {
  /* 责任单位：…成员单位、 wrapped in Word onto the next line is one field,
   * not an item of its own */
  result r = convert("",
                     "## 一、强化安全责任\n\n1.落实安全生产责任制。\n牵头单位：县应急管理局\n"
                     "责任单位：县安委会各成员单位、\n各乡镇人民政府\n完成时限：长期坚持\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|1|落实安全生产责任制。|县应急管理局|县安委会各成员单位、各乡镇人民政府|长期坚持|"));
  ck_assert_ptr_null(first_warning(&r));
  done(&r);
}
END_TEST

START_TEST(sub_points_under_measure) {
  /* ①… lines under an item's measure stay in its cell, after it, not in
   * 备注; with 重点任务 and 具体措施 the first line is the task and the
   * lines under it the measures */
  result r = convert("columns: [序号, 改革举措, 牵头单位, 完成时限, 备注]\n",
                     "## 一、优化营商环境\n\n1. 开展对标提升行动。\n   ①制定提升清单；\n"
                     "   ②建立监测点制度。\n   - 牵头单位：市发展改革委\n   - 完成时限：每季度\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|1|开展对标提升行动。①制定提升清单；②建立监测点制度。|市发展改革委|每季度|"));
  done(&r);
  r = convert("columns: [序号, 重点任务, 具体措施, 牵头单位, 完成时限]\n",
              "## 一、优化营商环境\n\n1. 推进改革。\n   1.制定提升清单；\n   2.建立制度。\n"
              "   - 牵头单位：市发展改革委\n   - 完成时限：每季度\n",
              NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|1|推进改革。|1.制定提升清单；2.建立制度。|市发展改革委|"));
  done(&r);
}
END_TEST

START_TEST(inline_fields_without_brackets) {
  /* a Word table turned to text: the fields on the item's own line,
   * after spaces or right after its full stop, no bracket */
  result r = convert("",
                     "1.推进集团化办学。\u3000牵头单位：县教育局\u3000责任单位：县财政局\u3000完成时限：2024年底前\n\n"
                     "2.推进课后服务。牵头单位：县教育局；责任单位：县财政局；完成时限：2024年底前。\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|1|推进集团化办学。|县教育局|县财政局|2024年底前|"));
  ck_assert(text_has(r.xml, "|2|推进课后服务。|县教育局|县财政局|2024年底前|"));
  ck_assert_ptr_null(first_warning(&r));
  done(&r);
  /* the last label's unit ends in a bracket of its own: no prose bracket */
  r = convert("units: [县自然资源局]\n",
              "1.推进造林绿化。\u3000完成时限：2024年底前\u3000牵头单位：县自然资源局（县林业局）\n", NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|1|推进造林绿化。|县自然资源局（县林业局）|"));
  done(&r);
}
END_TEST

START_TEST(field_label_kept_after_measure) {
  /* - 具体措施：… under a measure goes into its cell after it, the label
   * kept to say what follows */
  result r = convert("",
                     "## 一、数字政府\n\n1. 推进数字政府建设。\n   - 牵头单位：市数据局\n"
                     "   - 完成时限：2024年底前\n   - 具体措施：①建设平台；②推进数据共享。\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|1|推进数字政府建设。具体措施：①建设平台；②推进数据共享。|市数据局|"));
  done(&r);
}
END_TEST

START_TEST(plan_prose_sections) {
  /* a 方案: 一、总体要求 and 三、保障措施 hold no task; they are headings
   * before and after the table, their text prose, and 二、 is the one
   * category; the numbers run on with no warning */
  result r = convert("",
                     "一、总体要求\n\n到2024年底，全县农村卫生厕所普及率达到80%以上。\n\n"
                     "二、重点任务\n\n1.推进农村户厕改造。（县农业农村局牵头，各乡镇配合，2024年10月底前）\n\n"
                     "三、保障措施\n\n（一）加强组织领导。成立工作领导小组，统筹推进各项工作。\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "一、总体要求到2024年底，全县农村卫生厕所普及率达到80%以上。序号|"));
  ck_assert(text_has(r.xml, "|二、重点任务|1|推进农村户厕改造。|"));
  ck_assert(text_has(r.xml, "|三、保障措施（一）加强组织领导。"));
  ck_assert_int_eq(count(r.xml, "gwHeading1"), 2);
  ck_assert_ptr_null(first_warning(&r));
  done(&r);
}
END_TEST

START_TEST(nested_sub_points) {
  /* a numbered list under a measure, with no column's label in it: the
   * measure's sub-points, numbered as typed; a misnamed field is still
   * an error */
  result r = convert("",
                     "## 一、优化营商环境\n\n1. 深化“放管服”改革。\n   1. 推行证照分离；\n"
                     "   2. 推进一件事一次办。\n   - 牵头单位：市行政审批局\n   - 完成时限：2024年底前\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|1|深化“放管服”改革。1.推行证照分离；2.推进一件事一次办。|市行政审批局|"));
  ck_assert_ptr_null(first_warning(&r));
  done(&r);
  r = convert("", "## 一、类\n\n1. 甲。\n   - 牵头人：乙所\n", NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(first_error(&r)->message, "“牵头人”"));
  done(&r);
}
END_TEST

START_TEST(numeric_deadline_written_out) {
  /* 2024.12 from a spreadsheet is set 2024年12月, with a word; the space
   * Word puts after an item's number goes */
  result r = convert("",
                     "## 一、疾控\n\n5.\u3000加强疾控体系建设。\n   - 牵头单位：县卫健局\n"
                     "   - 完成时限：2024.12\n\n6. 乙。\n   - 牵头单位：县卫健局\n"
                     "   - 完成时限：2024-06-30前\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|1|加强疾控体系建设。|县卫健局|"));
  ck_assert(text_has(r.xml, "2024年12月|"));
  ck_assert(text_has(r.xml, "2024年6月30日前|"));
  ck_assert_ptr_nonnull(first_warning(&r));
  ck_assert_ptr_nonnull(strstr(first_warning(&r)->message, "“2024.12”已排作“2024年12月”"));
  done(&r);
  /* a range: both dates; a year range and a version stay */
  r = convert("", "## 一、类\n\n1. 甲。\n   - 牵头单位：县卫健局\n   - 完成时限：2024.3—2024.12\n"
                  "2. 乙。\n   - 牵头单位：县卫健局\n   - 完成时限：2024-2025年\n",
              NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "2024年3月—2024年12月|"));
  ck_assert(text_has(r.xml, "2024-2025年|"));
  done(&r);
}
END_TEST

START_TEST(party_and_government_one_unit) {
  /* 各县（市、区）党委、政府: the 党委 and the 政府 of each place, one unit,
   * not 政府 a unit to look for in units; a listed two-character unit
   * after a 、 stays a unit of its own */
  result r = convert("units: [市发展改革委, 市财政局, 团委]\n",
                     "## 一、县域经济\n\n1. 加快县域经济发展。\n   - 牵头单位：各县（市、区）党委、政府\n"
                     "   - 责任单位：市发展改革委、团委\n   - 完成时限：2024年底前\n"
                     "2. 推进乡村振兴。\n   - 牵头单位：市发展改革委\n"
                     "   - 责任单位：各乡镇党委、政府，市财政局\n   - 完成时限：2024年底前\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_null(first_error(&r));
  ck_assert(text_has(r.xml, "各县（市、区）党委、政府|市发展改革委、团委|"));
  done(&r);
  /* two-character shorthand of bodies stays three units */
  r = convert("", "1. 甲。（县住建局牵头，公安、交通、城管配合）\n", "交通");
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|甲。|县住建局|公安、交通、城管|"));
  done(&r);
}
END_TEST

START_TEST(attachment_table_after_items) {
  /* items as a numbered list, then 附件2 with a table of contacts: the
   * table is the attachment's, printed after the plan's table, and gives
   * no columns */
  result r = convert("",
                     "## 一、综合\n\n1. 抓好干部教育培训。\n   - 牵头单位：县委组织部\n"
                     "   - 完成时限：2024年底前\n\n附件2\n\n"
                     "| 单位 | 联络员 | 联系电话 |\n|---|---|---|\n| 县委组织部 | 张三 | 13800000000 |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_null(first_warning(&r));
  ck_assert(text_has(r.xml, "序号|改革举措|牵头单位|责任单位|完成时限|"));
  ck_assert(text_has(r.xml, "附件2单位|联络员|联系电话|县委组织部|张三|13800000000|"));
  done(&r);
  /* the contacts' table numbered with 序号 is no table of tasks either */
  r = convert("",
              "## 一、综合\n\n1. 抓好干部教育培训。\n   - 牵头单位：县委组织部\n\n附件2\n\n"
              "| 序号 | 单位 | 联络员 | 联系电话 |\n|---|---|---|---|\n| 1 | 县委组织部 | 张三 | 13800000000 |\n",
              NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_null(first_warning(&r));
  done(&r);
  /* a plan's own table after a category written as a list still gives
   * its columns (重点任务 and 具体措施 apart) */
  r = convert("",
              "## 一、甲类\n\n1. 甲。\n   - 牵头部门：县委办\n\n## 二、乙类\n\n"
              "| 序号 | 重点任务 | 具体措施 | 牵头部门 | 配合单位 | 时间要求 |\n|---|---|---|---|---|---|\n"
              "| 2 | 建立制度 | 制定办法 | 县委办 | 县财政局 | 2024年底前 |\n",
              NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "|建立制度|制定办法|县委办|县财政局|"));
  done(&r);
}
END_TEST

START_TEST(addressee_flush_left) {
  /* the 主送 line under the title is set flush left (its own style);
   * 现将……如下： is no addressee */
  result r = convert("",
                     "各乡镇党委，县委各部委，县直各单位：\n\n现将有关任务分工如下：\n\n"
                     "## 一、类\n\n1. 甲。（县教育局负责）\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_int_eq(count(r.xml, "gwAddressee"), 1);
  ck_assert(strstr(r.xml, "gwAddressee\"/></w:pPr>") != NULL);
  done(&r);
  /* an extract for one unit goes to that unit */
  r = convert("", "各乡镇党委，县委各部委，县直各单位：\n\n## 一、类\n\n1. 甲。（县教育局负责）\n",
              "县教育局");
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert(text_has(r.xml, "县教育局："));
  ck_assert(!text_has(r.xml, "县直各单位："));
  done(&r);
}
END_TEST

START_TEST(half_marked_lead_cell) {
  /* one unit of the 牵头 cell marked, one not: both lead, and it is said;
   * （共同牵头） marks both, no word */
  result r = convert("",
                     "| 序号 | 改革举措 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
                     "| 1 | 甲。 | 县民政局（牵头）、县财政局 | 县人社局 | 2024年底前 |\n"
                     "| 2 | 乙。 | 县教育局、县人社局（共同牵头） | 县财政局 | 2024年底前 |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  const gw_diag *w = first_warning(&r);
  ck_assert_ptr_nonnull(w);
  ck_assert_ptr_nonnull(strstr(w->message, "只有“县民政局”注了（牵头）：“县财政局”也按牵头单位排"));
  ck_assert_ptr_null(w->next);
  done(&r);
}
END_TEST

/* A missing 完成时限 is warned about at its item, in a list item or a
 * table row, when other items give one; not in a prose item (published
 * plans often give none there), nor in a plan that gives none. A date in
 * a unit column with the 完成时限 empty is a row one cell short. */
START_TEST(missing_deadline) {
  const char *front = "units: [甲局, 乙局, 丙局]\n";
  result r = convert(front,
                     "1. 甲。\n   - 牵头单位：甲局\n   - 责任单位：乙局\n"
                     "2. 乙。\n   - 牵头单位：甲局\n   - 责任单位：乙局\n"
                     "   - 完成时限：2024年6月底前\n\n"
                     "3.丙。（甲局牵头，乙局配合）\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  const gw_diag *w = first_warning(&r);
  ck_assert_ptr_nonnull(w);
  ck_assert_uint_eq(w->pos.line, 8);
  ck_assert_ptr_nonnull(strstr(w->message, "完成时限"));
  ck_assert_ptr_null(w->next); /* the prose item 3: none */
  done(&r);
  /* one dated item among four is no rule the others broke: no warning */
  r = convert(front,
              "| 序号 | 改革举措 | 牵头单位 | 完成时限 |\n|---|---|---|---|\n"
              "| 1 | 甲。 | 甲局 | 2024年6月底前 |\n| 2 | 乙。 | 乙局 | |\n"
              "| 3 | 丙。 | 丙局 | |\n| 4 | 丁。 | 甲局 | |\n",
              NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_null(first_warning(&r));
  done(&r);
  r = convert(front, "1. 甲。\n   - 牵头单位：甲局\n2. 乙。\n   - 牵头单位：乙局\n", NULL);
  ck_assert_int_eq(r.status, GW_OK);
  ck_assert_ptr_null(first_warning(&r)); /* no deadline anywhere */
  done(&r);
  r = convert(front,
              "| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n|---|---|---|---|---|\n"
              "| 1 | 甲。 | 甲局 | 乙局 |\n"
              "| 2 | 乙。 | 甲局 | 乙局 | 2024年6月底前 |\n"
              "| 3 | 丙。 | 丙局 | 2024年12月底前 |\n",
              NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT);
  w = first_warning(&r);
  ck_assert_ptr_nonnull(w);
  ck_assert_uint_eq(w->pos.line, 10);
  ck_assert_ptr_nonnull(strstr(w->message, "完成时限"));
  const gw_diag *e = first_error(&r);
  ck_assert_uint_eq(e->pos.line, 12);
  ck_assert_uint_eq(e->pos.col, 17);
  ck_assert_ptr_nonnull(strstr(e->message, "少了一格"));
  ck_assert_ptr_null(strstr(e->message, "units"));
  ck_assert_int_eq(r.diags.errors, 1);
  done(&r);
}
END_TEST

/* A 完成时限 naming a date that does not exist is an error in render as
 * in lint, at the date; 2024年2月29日 exists. */
START_TEST(impossible_deadline_date) {
  const char *front = "units: [甲局, 乙局]\n";
  result r = convert(front,
                     "| 序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
                     "| 1 | 甲。 | 甲局 | 乙局 | 2024年2月29日前 |\n"
                     "| 2 | 乙。 | 甲局 | 乙局 | 2024年13月底前 |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT);
  const gw_diag *e = first_error(&r);
  ck_assert_str_eq(e->message, "日期不存在：“2024年13月”中没有第 13 月");
  ck_assert_uint_eq(e->pos.line, 11);
  ck_assert_uint_eq(e->pos.col, 22);
  ck_assert_int_eq(r.diags.errors, 1);
  done(&r);
  r = convert(front, "1. 甲。\n   - 牵头单位：甲局\n   - 完成时限：2025年2月29日前\n", NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT);
  e = first_error(&r);
  ck_assert_ptr_nonnull(strstr(e->message, "2025年2月没有29日"));
  ck_assert_uint_eq(e->pos.line, 10);
  done(&r);
  /* in full-width figures too (said at the item: the text was normalised) */
  r = convert(front, "1. 甲。\n   - 牵头单位：甲局\n   - 完成时限：２０２４年１３月\n", NULL);
  ck_assert_int_eq(r.status, GW_ERR_INPUT);
  ck_assert_ptr_nonnull(strstr(first_error(&r)->message, "没有第 13 月"));
  done(&r);
}
END_TEST

/* A row pasted twice (every cell the same; 序号 aside) is warned about
 * at the copy; rows that differ in a cell are not. */
START_TEST(repeated_row) {
  result r = convert("units: [甲局, 乙局]\n",
                     "| 序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n"
                     "| 1 | 甲。 | 甲局 | 乙局 | 2024年6月底前 |\n"
                     "| 2 | 乙。 | 甲局 | 乙局 | 2024年6月底前 |\n"
                     "| 2 | 乙。 | 甲局 | 乙局 | 2024年6月底前 |\n"
                     "| 3 | 乙。 | 乙局 | 甲局 | 2024年6月底前 |\n"
                     "| 4 | 乙。 | 甲局 | 乙局 | 2024年12月底前 |\n",
                     NULL);
  ck_assert_int_eq(r.status, GW_OK);
  const gw_diag *w = first_warning(&r);
  ck_assert_ptr_nonnull(w);
  ck_assert_uint_eq(w->pos.line, 12);
  ck_assert_ptr_nonnull(strstr(w->message, "第 11 行的第 2 项"));
  ck_assert_int_eq((int)r.diags.warnings, 1);
  done(&r);
}
END_TEST

Suite *division_suite(void) {
  Suite *s = suite_create("division");
  TCase *tc = tcase_create("division");
  tcase_set_timeout(tc, 30);
  tcase_add_test(tc, list_form);
  tcase_add_test(tc, table_form);
  tcase_add_test(tc, repeated_header_row_skipped);
  tcase_add_test(tc, table_header_is_the_columns);
  tcase_add_test(tc, merge_blanks_only_in_tables);
  tcase_add_test(tc, pasted_table_closing_and_merge_blanks);
  tcase_add_test(tc, preamble_table_closing_line_and_own_breaks);
  tcase_add_test(tc, unit_suggestions);
  tcase_add_test(tc, typed_tail_lines_warned);
  tcase_add_test(tc, extract_closing_numbers_follow_the_plan);
  tcase_add_test(tc, notice_title_breaks_between_parts);
  tcase_add_test(tc, extract_title_brackets_nest);
  tcase_add_test(tc, list_number_field_checked);
  tcase_add_test(tc, notice_issues_the_plan);
  tcase_add_test(tc, notice_names_the_plan_title);
  tcase_add_test(tc, second_attachment_after_the_plan);
  tcase_add_test(tc, deadline_before_issue_warned);
  tcase_add_test(tc, long_unit_name_breaks_between_words);
  tcase_add_test(tc, unit_short_forms_and_slips);
  tcase_add_test(tc, unit_spelt_with_and_without_place);
  tcase_add_test(tc, attachment_label_and_header_synonyms);
  tcase_add_test(tc, tall_row_may_split);
  tcase_add_test(tc, merge_restarts_on_a_new_page);
  tcase_add_test(tc, prose_deadlines_and_unread_brackets);
  tcase_add_test(tc, deadline_breaks_after_year_or_month);
  tcase_add_test(tc, deadline_clauses_break_between_words);
  tcase_add_test(tc, prose_form);
  tcase_add_test(tc, prose_parse);
  tcase_add_test(tc, unit_names_split_and_measured);
  tcase_add_test(tc, mixed_forms);
  tcase_add_test(tc, unit_typo);
  tcase_add_test(tc, unit_fold);
  tcase_add_test(tc, unknown_column);
  tcase_add_test(tc, office_columns);
  tcase_add_test(tc, unit_with_other_name);
  tcase_add_test(tc, typed_numbers_checked);
  tcase_add_test(tc, paren_item_number_dropped);
  tcase_add_test(tc, second_spelling_warned);
  tcase_add_test(tc, merge_cells);
  tcase_add_test(tc, landscape_seven_columns);
  tcase_add_test(tc, landscape_sections);
  tcase_add_test(tc, landscape_short_preamble);
  tcase_add_test(tc, index_by_unit);
  tcase_add_test(tc, index_lists_groups);
  tcase_add_test(tc, index_first_named_leads);
  tcase_add_test(tc, unit_extract_keeps_parent_category);
  tcase_add_test(tc, prose_deadline_words);
  tcase_add_test(tc, repeated_unit_printed_once);
  tcase_add_test(tc, unit_cell_breaks_before_bracket);
  tcase_add_test(tc, portrait_six_columns_headers_break);
  tcase_add_test(tc, list_field_with_roles);
  tcase_add_test(tc, sparse_column_keeps_four_characters);
  tcase_add_test(tc, unit_extract);
  tcase_add_test(tc, no_items);
  tcase_add_test(tc, item_lines);
  tcase_add_test(tc, empty_table_row_skipped);
  tcase_add_test(tc, tab_separated_lines);
  tcase_add_test(tc, unit_cell_separators);
  tcase_add_test(tc, bare_unit_bracket);
  tcase_add_test(tc, landscape_short_closing_with_index);
  tcase_add_test(tc, landscape_unit_columns_grow);
  tcase_add_test(tc, marked_unit_leads);
  tcase_add_test(tc, space_parted_names_with_a_group);
  tcase_add_test(tc, space_parted_names_without_list);
  tcase_add_test(tc, table_before_first_category);
  tcase_add_test(tc, field_wrapped_after_dunhao);
  tcase_add_test(tc, sub_points_under_measure);
  tcase_add_test(tc, inline_fields_without_brackets);
  tcase_add_test(tc, field_label_kept_after_measure);
  tcase_add_test(tc, plan_prose_sections);
  tcase_add_test(tc, nested_sub_points);
  tcase_add_test(tc, numeric_deadline_written_out);
  tcase_add_test(tc, party_and_government_one_unit);
  tcase_add_test(tc, attachment_table_after_items);
  tcase_add_test(tc, addressee_flush_left);
  tcase_add_test(tc, half_marked_lead_cell);
  tcase_add_test(tc, missing_deadline);
  tcase_add_test(tc, impossible_deadline_date);
  tcase_add_test(tc, repeated_row);
  suite_add_tcase(s, tc);
  return s;
}
