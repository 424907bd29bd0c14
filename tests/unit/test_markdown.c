/* test_markdown.c - a big body is parsed in two halves at once
 * (gw_markdown_parse_split): where it may be cut, and that the tree is
 * the one a single parser makes, source positions and gwdoc's own
 * changes (lifted table rows, pasted lines split) included, whether or
 * not its memory was reserved ahead. */
#include "../../src/arena.h"
#include "../../src/markdown.h"
#include "suites.h"

#include <stdlib.h>
#include <string.h>

/* The tree as cmark-gfm's XML with source positions (a copy: the
 * rendering lives in the tree's memory). */
static char *tree_xml(const char *body, size_t split) {
  cmark_node *root = gw_markdown_parse_split(body, strlen(body), split);
  ck_assert_ptr_nonnull(root);
  char *xml = strdup(cmark_render_xml(root, CMARK_OPT_SOURCEPOS));
  gw_markdown_free(root);
  return xml;
}

static void assert_same_tree_when_cut(const char *body) {
  size_t split = gw_markdown_safe_split(body, strlen(body));
  ck_assert_uint_gt(split, 0);
  char *whole = tree_xml(body, 0), *cut = tree_xml(body, split);
  ck_assert_str_eq(cut, whole);
  free(whole);
  free(cut);
}

/* One article as drafters write them: a title, numbered paragraphs one a
 * line, a list, a quote, a table with a trailing row pasted under it. */
static void append_article(gw_buf *b, int k) {
  char line[256];
  snprintf(line, sizeof line, "# 第%d篇 加强基层团组织建设\n\n", k);
  gw_buf_puts(b, line);
  gw_buf_puts(b, "## 县委书记讲话\n\n"
                 "一、提高政治站位\n"
                 "1.服务青年需求。全县共建立团组织 25 个。\n"
                 "2.增强组织活力。\n\n"
                 "- 第一项\n- 第二项\n\n  接着第二项\n\n"
                 "> 编者按：这是按语。\n> 第二行\n\n"
                 "| 序号 | 任务 | 牵头单位 |\n|---|---|---|\n| 1 | 建立制度 | 县委办 |\n"
                 "| 2 | 完善机制 | 县政府办 |\n第 3 项 | 落实责任 | 团县委\n\n"
                 "联系人：张三\n联系电话：0351-4184708\n\n");
}

static char *articles(int n) {
  gw_buf b = {0};
  for (int k = 1; k <= n; k++)
    append_article(&b, k);
  return b.data;
}

START_TEST(cut_tree_is_the_whole_tree) {
  char *body = articles(6);
  assert_same_tree_when_cut(body);
  free(body);
}
END_TEST

START_TEST(big_body_parses_as_one) {
  char *body = articles(400); /* past the size from which gw_markdown_parse cuts */
  size_t len = strlen(body);
  ck_assert_uint_ge(len, 128 * 1024);
  cmark_node *root = gw_markdown_parse(body, len);
  char *parsed = strdup(cmark_render_xml(root, CMARK_OPT_SOURCEPOS));
  gw_markdown_free(root);
  char *whole = tree_xml(body, 0);
  ck_assert_str_eq(parsed, whole);
  free(parsed);
  free(whole);
  free(body);
}
END_TEST

/* The body is cut where `rest` begins, and the cut tree is the whole. */
static void assert_cut_at(const char *body, const char *rest) {
  size_t split = gw_markdown_safe_split(body, strlen(body));
  ck_assert_str_eq(body + split, rest);
  assert_same_tree_when_cut(body);
}

START_TEST(cut_nearest_the_middle) {
  assert_cut_at("# 一\n\n正文\n\n# 二\n\n正文正文正文正文\n\n# 三\n\n正文\n",
                "# 二\n\n正文正文正文正文\n\n# 三\n\n正文\n");
}
END_TEST

/* An article title is the cut before a nearer section heading (## or
 * #hash): a bulletin cut at a title is built in halves too. A body
 * without titles is cut at the heading nearest the middle. */
START_TEST(cut_at_a_title_first) {
  assert_cut_at("# 一\n\n正文\n\n## 二\n\n正文正文正文\n\n## 三\n\n正文正文正文正文正文正文\n\n# 四\n\n正文\n",
                "# 四\n\n正文\n");
  assert_cut_at("正文\n\n## 一\n\n正文\n\n## 二\n\n正文\n\n#话题 正文\n", "## 二\n\n正文\n\n#话题 正文\n");
}
END_TEST

/* A heading straight after text (no blank line) or indented is no place
 * to cut; neither is the first line. */
START_TEST(cut_only_after_a_blank_line) {
  ck_assert_uint_eq(gw_markdown_safe_split("# 一\n正文\n# 二\n正文\n", 24), 0);
  ck_assert_uint_eq(gw_markdown_safe_split("正文\n\n # 二\n正文\n", 22), 0);
  const char *body = "# 一\n\n正文\n# 二\n正文\n";
  ck_assert_uint_eq(gw_markdown_safe_split(body, strlen(body)), 0);
}
END_TEST

/* Blocks that may run past a blank line, and definitions the whole body
 * shares, keep a body whole. */
START_TEST(never_cut_across_long_blocks) {
  static const char *const bodies[] = {
      "正文\n\n```\n代码\n\n# 不是标题\n```\n\n# 二\n\n正文\n",
      "正文\n\n~~~\n代码\n~~~\n\n# 二\n\n正文\n",
      /* a fence in a list item, still open at the heading (found by the
       * fuzzer: its end line was the heading's in the whole tree) */
      "- 项\n  - 项\n    ~~~~ 代码\n    代码\n\n# 二\n\n正文\n",
      "> ```\n> 代码\n\n# 二\n\n正文\n",
      "正文\n\n<!-- 注释\n\n# 不是标题 -->\n\n# 二\n\n正文\n",
      "见[文件][1]。\n\n# 二\n\n[1]: http://example.com\n",
      "正文[^1]。\n\n# 二\n\n[^1]: 注释\n",
      "正文\r\n\r\n# 二\r\n\r\n正文\r\n",
  };
  for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++)
    ck_assert_msg(gw_markdown_safe_split(bodies[i], strlen(bodies[i])) == 0, "cut: %s", bodies[i]);
}
END_TEST

enum { MEGABYTE = 1024 * 1024 };

/* A parse into memory reserved ahead (gw_markdown_reserve), cut or not,
 * is the parse without it; reserved memory no parse took is released. */
START_TEST(reserved_memory_keeps_the_tree) {
  char *body = articles(60);
  size_t split = gw_markdown_safe_split(body, strlen(body));
  ck_assert_uint_gt(split, 0);
  char *plain_whole = tree_xml(body, 0), *plain_cut = tree_xml(body, split);
  gw_span mine, beside;
  for (int cut = 0; cut < 2; cut++) {
    gw_markdown_reserve(MEGABYTE, MEGABYTE, &mine, &beside);
    ck_assert_ptr_nonnull(mine.start);
    ck_assert_ptr_nonnull(beside.start);
    ck_assert_uint_ge(mine.len, MEGABYTE);
    ck_assert_uint_ge(beside.len, MEGABYTE);
    char *xml = tree_xml(body, cut ? split : 0);
    ck_assert_str_eq(xml, cut ? plain_cut : plain_whole);
    free(xml);
  }
  gw_markdown_reserve(MEGABYTE, MEGABYTE, &mine, &beside);
  gw_markdown_release();
  free(plain_whole);
  free(plain_cut);
  free(body);
}
END_TEST

Suite *markdown_suite(void) {
  Suite *s = suite_create("markdown");
  TCase *tc = tcase_create("split");
  tcase_set_timeout(tc, 30);
  tcase_add_test(tc, cut_tree_is_the_whole_tree);
  tcase_add_test(tc, cut_at_a_title_first);
  tcase_add_test(tc, big_body_parses_as_one);
  tcase_add_test(tc, cut_nearest_the_middle);
  tcase_add_test(tc, cut_only_after_a_blank_line);
  tcase_add_test(tc, never_cut_across_long_blocks);
  tcase_add_test(tc, reserved_memory_keeps_the_tree);
  suite_add_tcase(s, tc);
  return s;
}
