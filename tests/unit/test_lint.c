/* test_lint.c - unit tests for `gwdoc lint` (src/lint.c) and the edit
 * API it uses in src/zh.c (gw_zh_normalize_edits, gw_zh_traditional). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "../../src/arena.h"
#include "../../src/gwdoc.h"
#include "../../src/lint.h"
#include "../../src/zh.h"
#include "suites.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

static void teardown(void) {
  gw_zh_cleanup();
  gw_zh_traditional_cleanup();
}

/* ------------------------------------------------------------------ */
/* gw_zh_normalize_edits                                                */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *text;
  gw_buf out;
  size_t at; /* bytes of text copied so far */
  size_t count;
  bool ordered;
  char kinds[256];
} apply_ctx;

static int apply_edit(const gw_zh_edit *e, void *vctx) {
  apply_ctx *x = vctx;
  if (e->offset < x->at)
    x->ordered = false;
  gw_buf_append(&x->out, x->text + x->at, e->offset - x->at);
  gw_buf_append(&x->out, e->repl, e->repl_len);
  x->at = e->offset + e->len;
  static const char *const names[] = {"P", "Q", "D", "E", "S", "W", "N"};
  size_t kl = strlen(x->kinds);
  snprintf(x->kinds + kl, sizeof x->kinds - kl, "%s%s@%zu+%zu", kl ? " " : "",
           names[e->kind], e->offset, e->len);
  x->count++;
  return 0;
}

/* Applying the edits must give exactly gw_zh_normalize's result. */
static const char *const edit_inputs[] = {
    "你好,世界",
    "第一,第二;第三:第四!",
    "什么?!",
    "截至2021年10月18日.",
    "好. 再见",
    "2021年\"强团改革50条\"举措",
    "他说：\"你好。\"",
    "\"你好\" \"世界\"",
    "他说'don't'",
    "中文(\"abc\")",
    "(a(中)b)",
    "1)第一项",
    "他说--好",
    "好---",
    "他说—好",
    "等等.....",
    "等等…",
    "强团改革 50 条",
    "中文\t2021",
    "中文 Times New Roman 字体",
    "café 咖啡",
    "访问 https://www.example.com/a?b=1,2&c=(3).",
    "见http://a.cn/(x)),中文",
    "邮箱x_y+z@mail.gov.cn,谢谢",
    "电话:0351-4184708.",
    "共1,000元,时间3:30.",
    "e\xCC\x81",
    "\xE2\x84\xAB",
    "中文e\xCC\x81, 好",
    "a\xCC\xA3\xCC\x87 中",
    "plain ASCII text.",
    "第 ３２ 条，增长２．３个百分点，占１２％以上",
    "ＧＤＰ和5Ｇ",
    "目录１，２３４项，按照１：５００比例，Ｗｉ－Ｆｉ，ｐｙｚｗ＠１６３．ｃｏｍ，第１，２条",
    "完成76%...",
    "第1...10页",
    "全县GDP增长5.2%, 同比提高1.1个百分点; 推广App, 下载量达12万次，完成率100%.",
    "",
};

START_TEST(test_edits_apply_to_normalize)
{
  const char *in = edit_inputs[_i];
  apply_ctx x = {in, {0}, 0, 0, true, {0}};
  ck_assert_int_eq(gw_zh_normalize_edits(in, strlen(in), apply_edit, &x), 0);
  gw_buf_append(&x.out, in + x.at, strlen(in) - x.at);
  gw_buf_append(&x.out, "", 1);
  char *want = gw_zh_normalize(in, strlen(in));
  ck_assert_msg(strcmp(x.out.data, want) == 0, "edits of '%s' give '%s', want '%s'", in,
                x.out.data, want);
  ck_assert(x.ordered);
  /* Nothing left to do on the result. */
  apply_ctx y = {want, {0}, 0, 0, true, {0}};
  gw_zh_normalize_edits(want, strlen(want), apply_edit, &y);
  ck_assert_msg(y.count == 0, "'%s' still has edits: %s", want, y.kinds);
  free(want);
  gw_buf_free(&x.out);
  gw_buf_free(&y.out);
}
END_TEST

typedef struct {
  const char *in;
  const char *want; /* kind@offset+len ... */
} edit_case;

static const edit_case edit_cases[] = {
    {"你好,世界", "P@6+1"},
    {"他说\"好\".", "Q@6+1 Q@10+1 P@11+1"},
    {"他说--好", "D@6+2"},
    {"他说—好", ""},
    {"等等...", "E@6+3"},
    {"等等…", "E@6+3"},
    {"强团改革 50 条", "S@12+1 S@15+1"},
    {"中文  \t2021", "S@6+3"},
    {"e\xCC\x81", "N@0+3"},
    {"ab\xE2\x84\xAB", "N@2+3"},
    {"电话0351-4184708", ""},
    {"长7.5米", ""},
    {"见http://a.cn/a,b", ""},
    {"第３２条", "W@3+6"},
    {"第 ３２ 条", "S@3+1 W@4+6 S@10+1"},
    {"增长２．３", "W@6+9"},
    {"占１２％", "W@3+9"},
    {"１２３４５６７８９０１２３４５６７", "W@0+45 W@45+6"},
    {"完成76%...", "E@9+3"},
    {"第1...10页", ""},
    {"是．", ""},
};

START_TEST(test_edits_exact)
{
  const edit_case *c = &edit_cases[_i];
  apply_ctx x = {c->in, {0}, 0, 0, true, {0}};
  gw_zh_normalize_edits(c->in, strlen(c->in), apply_edit, &x);
  ck_assert_msg(strcmp(x.kinds, c->want) == 0, "edits of '%s': '%s', want '%s'", c->in,
                x.kinds, c->want);
  gw_buf_free(&x.out);
}
END_TEST

static int stop_at_first(const gw_zh_edit *e, void *ctx) {
  (void)e;
  ++*(int *)ctx;
  return 7;
}

START_TEST(test_edits_stop_and_empty)
{
  int n = 0;
  ck_assert_int_eq(gw_zh_normalize_edits("中,文,字", strlen("中,文,字"), stop_at_first, &n), 7);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(gw_zh_normalize_edits(NULL, 0, stop_at_first, &n), 0);
  ck_assert_int_eq(gw_zh_normalize_edits("", 0, stop_at_first, &n), 0);
  ck_assert_int_eq(n, 1);
}
END_TEST

START_TEST(test_traditional)
{
  const char *in = "這是繁體字，简体不变。著名乾坤巡察";
  apply_ctx x = {in, {0}, 0, 0, true, {0}};
  ck_assert_int_eq(gw_zh_traditional(in, strlen(in), apply_edit, &x), 0);
  gw_buf_append(&x.out, in + x.at, strlen(in) - x.at);
  gw_buf_append(&x.out, "", 1);
  ck_assert_uint_eq(x.count, 2);
  ck_assert_str_eq(x.out.data, "这是繁体字，简体不变。著名乾坤巡察");
  gw_buf_free(&x.out);
  /* Cleanup and reuse. */
  gw_zh_traditional_cleanup();
  int n = 0;
  ck_assert_int_eq(gw_zh_traditional("發", 3, stop_at_first, &n), 7);
  ck_assert_int_eq(n, 1);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Lint rules: every rule with the line and column it must report       */
/* ------------------------------------------------------------------ */

/* A front matter render accepts (lint reports render's front-matter
 * errors too), on one line as a YAML flow mapping so that the body
 * starts on line 4; FM_WITH adds keys to it. FM_REST completes a front
 * matter written one key a line, after the keys a case is about. */
#define FM_KEYS "kind: bulletin, template: jintuan-yaoxun, year: 2021, number: 14, date: 2021-10-18"
#define FM "---\n{" FM_KEYS "}\n---\n"
#define FM_WITH(more) "---\n{" FM_KEYS ", " more "}\n---\n"
#define FM_REST_NO_DATE "template: jintuan-yaoxun\nyear: 2021\nnumber: 14\n"
#define FM_REST FM_REST_NO_DATE "date: 2021-10-18\n"

typedef struct {
  const char *name;
  const char *src;
  const char *want; /* "LINE:COL severity rule" joined by "; " */
} lint_case;

static const lint_case lint_cases[] = {
    /* normalisations */
    {"punct-width", FM "你好,世界.\n", "4:3 warning punct-width; 4:6 warning punct-width"},
    {"punct-width paren", FM "见附件(一份)\n",
     "4:4 warning punct-width; 4:7 warning punct-width"},
    {"quotes", FM "2021年\"强团改革50条\"举措\n", "4:6 warning quotes; 4:14 warning quotes"},
    {"single quotes", FM "他说'好'\n", "4:3 warning quotes; 4:5 warning quotes"},
    {"dash", FM "他说--好\n", "4:3 warning dash"},
    {"lone dash: a 一字线", FM "他说—好\n", ""},
    {"ellipsis", FM "等等...\n", "4:3 warning ellipsis"},
    {"cjk-space", FM "“强团改革 50 条”举措\n", "4:6 warning cjk-space; 4:9 warning cjk-space"},
    {"nfc", FM "中文cafe\xCC\x81\n", "4:6 warning nfc"},
    /* spaces a copy out of a PDF leaves */
    {"spaced-han", FM "全 县 共 有 学 校126所。\n", "4:1 warning spaced-han"},
    {"spaced-han: words and a spaced-out name are not a PDF's",
     FM "学习 贯彻 落实精神，张三 李四参加。\n\n联系人：张  三\n", ""},
    {"percent-space", FM "增长5.2 %。\n", "4:6 warning percent-space"},

    {"never in URL", FM "见<http://a.cn/x,y>和http://b.cn/a,b的说明\n", ""},
    {"never in e-mail", FM "请发送至a.b@c.cn,谢谢\n", "4:13 warning punct-width"},
    {"never in numbers", FM "电话：0351-4184708，增长7.5%。\n", ""},
    {"never in code span", FM "运行 `a, b` 命令。\n", ""},
    {"never in code block", FM "```\n中文,代码\n```\n", ""},
    {"never in HTML", FM "<div>中文,HTML</div>\n", ""},
    {"never in link destination", FM "见[附件](http://x.cn/中,文)。\n", ""},
    /* year brackets */
    {"year-bracket square", FM "晋团发[2021]14号\n", "4:4 warning year-bracket"},
    {"year-bracket paren", FM "晋团发(2021)14号\n", "4:4 warning year-bracket"},
    {"year-bracket lenticular", FM "〔2021〕第14期、【2021】第15期\n", "4:12 warning year-bracket"},
    {"year-bracket full-width paren", FM "晋团发（2021）14号\n", "4:4 warning year-bracket"},
    {"year in parentheses is not a number", FM "本年度（2021）工作\n", ""},
    /* headings */
    {"heading-sequence skip", FM "## 一、甲\n\n## 二、乙\n\n## 四、丁\n",
     "8:4 error heading-sequence"},
    {"heading-sequence repeat", FM "## 一、甲\n\n## 一、乙\n", "6:4 error heading-sequence"},
    {"heading-sequence start", FM "## 二、乙\n", "4:4 error heading-sequence"},
    {"heading-sequence nested resets", FM "## 一、甲\n\n### （一）子\n\n### （二）子\n\n"
                                         "## 二、乙\n\n### （一）子\n",
     ""},
    {"heading-sequence article resets", FM "# 文一\n\n## 一、甲\n\n# 文二\n\n## 一、甲\n", ""},
    {"heading-level", FM "## （一）甲\n", "4:4 warning heading-level"},
    /* numbering: auto: render numbers the headings and drops typed numbers */
    {"numbering auto: typed numbers are not checked",
     FM_WITH("numbering: auto") "# 标题\n\n## 一、甲\n\n### （二）乙\n\n## 三、丙\n\n## （一）丁\n",
     "6:1 warning numbering"},
    {"numbering auto: unnumbered headings", FM_WITH("numbering: auto")
                                            "# 标题\n\n## 甲\n\n### 乙\n\n## ——副\n",
     ""},
    {"numbering explicit still checks", FM_WITH("numbering: explicit") "## 一、甲\n\n## 三、丙\n",
     "6:4 error heading-sequence"},
    {"heading-level deep", FM "## 一、甲\n\n### 1.乙\n", "6:5 warning heading-level"},
    {"subtitle after title", FM "# 标题\n\n## 团阳曲县委扎实推进工作\n", ""},
    /* list markers */
    {"list-marker", FM "1、坚持党建带团建。\n", "4:1 warning list-marker"},
    {"list-marker in bold", FM "**2、坚持党建带团建。**\n", "4:3 warning list-marker"},
    {"list-marker heading", FM "## 一、甲\n\n### （一）乙\n\n#### 1、丙\n",
     "8:6 warning list-marker"},
    {"arabic dot is right", FM "1.坚持党建带团建。\n", ""},
    /* figures listed with a 、 are no item's number: 1.2号楼 would be wrong */
    {"1、2号楼 is no list marker", FM "1、2号楼已完工，5、6月份开展整治。\n", ""},
    {"1、2023年… is one", FM "1、2023年全县完成投资。\n", "4:1 warning list-marker"},
    {"heading-end in a quote", FM "> ## 一、落实责任。\n", "4:12 warning heading-end"},
    /* the dot of 三. is the number's: 、, not a full stop 。 as well */
    {"list-marker 二. heading", FM "## 一、甲\n\n## 二.乙\n", "6:4 warning list-marker"},
    {"list-marker 二. paragraph", FM "一、甲\n\n正文。\n\n二.乙\n", "8:1 warning list-marker"},

    /* dates */
    {"weekday wrong", FM "2026年12月15日（星期三）召开会议。\n", "4:1 warning date"},
    {"weekday right", FM "2026年12月15日（星期二）召开会议，2024年3月10日（周日）开展活动。\n", ""},
    {"range-dash years", FM "2021-2023年连续三年获评先进。\n", "4:5 warning range-dash"},
    {"no range-dash in a code", FM "编号2021-20231年。\n", ""},
    {"date nonexistent", FM "定于2021年2月29日召开。\n", "4:3 error date"},
    {"date bad month", FM "定于13月1日召开。\n", "4:3 error date"},
    {"date leap day without year", FM "定于2月29日召开。\n", ""},
    {"date zero-padded", FM "定于2021年09月08日召开。\n", "4:3 warning date"},
    {"date valid", FM "定于2021年10月18日召开，2024年2月29日结束。\n", ""},
    /* GB/T 9704 7.3.5: 2024年3月5日, not 2024.3.5 */
    {"date-format", FM "会议于2024.3.5召开，2024/3/5通报，2024-03-05总结。\n",
     "4:4 warning date-format; 4:15 warning date-format; 4:26 warning date-format"},
    {"date-format: a range in figures is one finding", FM "检查时间：2024.11.25-2024.11.29。\n",
     "4:6 warning date-format"},
    {"date-format: versions, phones, URLs and impossible dates are no dates",
     FM "版本3.5.1，电话0351-4184708，见https://a.cn/2024/3/5/x.html，v2024.3.5，"
        "2024.3.5.1，2024.2.30，2024.13.1。\n",
     ""},
    {"date in front matter", "---\nkind: bulletin\ndate: 2021-02-30\n" FM_REST_NO_DATE "---\n正文。\n",
     "3:7 error front-matter"},
    /* figures: a full-width comma as the thousands separator */
    {"number-comma", FM "共检查1，286家次，金额12，345，678元。\n",
     "4:5 warning number-comma; 4:16 warning number-comma"},
    {"number-comma: lists and years are no figures",
     FM "第1，2，3项，2021，2022年，120，135，1，1，2，286，3.5，286，1，2860。\n", ""},
    /* characters */
    {"traditional", FM "這是繁體字。\n", "4:1 warning traditional; 4:4 warning traditional"},
    {"simplified words ICU would change", FM "县委巡察办取得显著成效，乾隆年间，慰藉。\n", ""},
    {"fullwidth-digit", FM "共１２３人。\n", "4:2 warning fullwidth-digit"},
    /* balance */
    {"unbalanced quote", FM "他说“好。\n", "4:3 error unbalanced"},
    {"unbalanced close", FM "他说好）。\n", "4:4 error unbalanced"},
    {"unbalanced mismatch", FM "《关于（通知》。\n", "4:4 error unbalanced"},
    {"balanced nesting", FM "“关于《通知》（试行）‘好’”。\n", ""},
    {"marker is not a bracket", FM "1）第一项。\n\n（1）第二项。\n", ""},
    /* broken paragraph */
    {"broken-paragraph", FM "印发《通知》，督促各\n\n成员单位扎实推进。\n",
     "6:1 warning broken-paragraph"},
    {"broken-paragraph after 、", FM "县委组织部、编办、\n\n教育局的7条建议。\n",
     "6:1 warning broken-paragraph"},
    /* a heading typed as a paragraph ends with no full stop: the next
     * paragraph is not its continuation (merging them would be wrong) */
    {"no broken-paragraph after a typed heading",
     FM "一、强化组织领导，压实工作责任\n\n全县各级各部门要高度重视。\n", ""},
    {"no broken-paragraph after a typed level-2 heading",
     FM "（一）加强组织领导\n\n各单位要高度重视。\n", ""},
    {"paragraph ends properly", FM "督促各单位落实。\n\n成员单位扎实推进。\n", ""},
    {"next paragraph is numbered", FM "工作如下，分为\n\n1.成员单位。\n", ""},
    {"next paragraph is a label", FM "送：各市，团省委班子成员\n\n发：市级团委。\n", ""},
    {"title lines are not sentences", FM "共青团山西省委\n\n2021年10月18日\n", ""},
    {"heading in between", FM "工作如下，分为\n\n## 一、甲\n\n成员单位。\n", ""},
    /* headings as render reads them: 二． is 二、 written wrong, and a
     * bold line is a run-in head, not a heading out of sequence */
    {"二． is heading 二、 with the wrong mark",
     FM "一、甲\n\n正文。\n\n二．乙\n\n正文。\n\n三、丙\n\n正文。\n", "8:1 warning list-marker"},
    {"a bold 二、 line is no heading", FM "**一、甲。**正文。\n\n**二、乙。**\n\n正文。\n", ""},
    {"十四．五 is a plan period, not a heading", FM "十四．五期间，我县经济发展。\n", ""},
    {"bold heads count in the sequence, and end no sentence",
     FM "**一、突出重点**\n\n正文一。\n\n**二、强化考核**\n\n正文二。\n\n## 三、下一步打算\n\n正文三。\n", ""},
    /* tabs: the columns of a paste from a spreadsheet, never stray spaces */
    {"tab-separated rows", FM "序号\t工作任务\t牵头单位\n1\t开展排查。\t县水利局\t2025年5月底前\n"
                              "2\t修订预案。\t县应急管理局\t2025年5月20日前\n",
     "4:1 warning tab-columns"},
    /* a plan's paste with its header line is a table to render: its
     * Excel quoting stays, its empty rows part nothing */
    {"a plan's tab-separated table",
     "---\nkind: division\ntitle: 分工\nissuer: 办公室\ndate: 2024-03-01\n---\n"
     "序号\t工作任务\t牵头单位\n1\t\"整治占道、\n乱堆乱放\"\t街道城管中队\n\t\t\n"
     "2\t背街小巷整治\t街道城管中队\n",
     ""},
    {"tab-separated rows split at their numbers",
     FM "正文。\n\n（1）\t开展排查\t县水利局\n（2）\t修订预案\t县应急管理局\n",
     "6:1 warning tab-columns"},
    {"one line with a tab", FM "说明\t见附件1。\n", ""},
    /* a 附件说明's first name is numbered as the rest; the signature and
     * date under it are no sentence cut */
    {"附件说明 1、", FM "附件：1、甲方案\n\n2.乙名单\n\n某某县人民政府办公室\n\n2025年3月10日\n",
     "4:4 warning list-marker"},
    /* one tab Word left inside a sentence, between two Han: a gap */
    {"a stray tab in a sentence", FM "学校还积极推进\t家校共育，成效明显。\n", "4:8 warning cjk-space"},
    {"a tab between Han with no sentence", FM "姓名\t职务\n", ""},
    /* positions in every kind of block */
    {"list item", FM "- 列表项 1 个\n", "4:6 warning cjk-space; 4:8 warning cjk-space"},
    {"ordered item", FM "1. 第一,第二\n", "4:6 warning punct-width"},
    {"block quote", FM "> 编者按：引用里的文字,也查.\n",
     "4:13 warning punct-width; 4:16 warning punct-width"},
    {"table cell", FM "| 序号 | 内容 |\n|---|---|\n| 1 | 表格里的文字,好 |\n",
     "6:13 warning punct-width"},
    {"second line of a paragraph", FM "第一行。\n第二行,好\n", "5:4 warning punct-width"},
    {"after emphasis and link", FM "**强调**,见[链接](http://x.cn/a),好\n",
     "4:7 warning punct-width; 4:28 warning punct-width"},
    {"front matter value", "---\nkind: bulletin\ntitle: 晋团要讯,测试\n" FM_REST "---\n",
     "3:12 warning punct-width"},
    {"front matter quoted",
     "---\nkind: bulletin\ncontact: \"联系电话:0351-4184708\"\n" FM_REST "---\n",
     "3:15 warning punct-width"},
    {"front matter list",
     "---\nkind: bulletin\ndistribution:\n  报: [省委办公厅, 團中央]\n" FM_REST "---\n",
     "4:14 warning traditional"},
    {"front matter literal block",
     "---\nkind: bulletin\ncontact: |\n  第一行\n  第二行,好\n" FM_REST "---\n",
     "5:6 warning punct-width"},
    /* (a template that is not there is render's error, not a comma's) */
    {"template and kind are not prose",
     "---\nkind: bulletin\ntemplate: 模板,a\nyear: 2021\nnumber: 14\ndate: 2021-10-18\n---\n",
     "3:11 error front-matter"},
    {"crlf", "---\r\n{" FM_KEYS "}\r\n---\r\n你好,世界\r\n", "4:3 warning punct-width"},
    {"bom", "\xEF\xBB\xBF" FM "你好,世界\n", "4:3 warning punct-width"},
    {"yaml error", "---\nkind: [bulletin\n---\n正文。\n", "3:1 error -"},
    {"bad utf-8", FM "中\xFF文\n", "4:2 error -"},
};

/* "LINE:COL severity rule; ..." for the diagnostics; render's own
 * warnings (tagged render or front-matter) left out unless asked for:
 * a rule's case tests the rule. */
static char *summary_of(const gw_diags *d, bool render_warnings) {
  gw_buf b = {0};
  for (const gw_diag *g = d->first; g; g = g->next) {
    const char *rule = "-";
    size_t rl = 1;
    size_t ml = strlen(g->message);
    if (ml && g->message[ml - 1] == ']') {
      const char *open = strrchr(g->message, '[');
      if (open) {
        rule = open + 1;
        rl = (size_t)(g->message + ml - 1 - rule);
      }
    }
    bool from_render = (rl == 6 && strncmp(rule, "render", 6) == 0) ||
                       (rl == 12 && strncmp(rule, "front-matter", 12) == 0);
    if (!render_warnings && from_render && g->severity != GW_ERROR)
      continue;
    char head[64];
    snprintf(head, sizeof head, "%s%u:%u %s ", b.len ? "; " : "", g->pos.line, g->pos.col,
             g->severity == GW_ERROR ? "error" : "warning");
    gw_buf_puts(&b, head);
    gw_buf_append(&b, rule, rl);
  }
  gw_buf_append(&b, "", 1);
  return b.data;
}

static char *summary(const gw_diags *d) { return summary_of(d, false); }

/* lint shows render's warnings on lines its rules say nothing of (a
 * drafter's review: lint was silent on four a plan's render gave). */
START_TEST(test_render_warnings_in_lint)
{
  static const char src[] =
      "---\nkind: division\ntitle: 分工\ndate: 2024-03-01\n---\n\n## 一、类\n\n"
      "1. 甲。\n   - 牵头单位：县委办\n   - 完成时限：2024年底前\n"
      "2. 乙。\n   - 牵头单位：县委办公室\n   - 完成时限：2024年底前\n";
  gw_diags d = {0};
  d.quiet = true;
  setenv("GWDOC_TEMPLATES", "templates", 1);
  gw_lint_buffer("t.md", src, strlen(src), &d, NULL, NULL);
  char *got = summary_of(&d, true);
  ck_assert_msg(strcmp(got, "5:1 warning front-matter; 13:11 warning render") == 0, "got '%s'", got);
  free(got);
  gw_diags_free(&d);
}
END_TEST

START_TEST(test_lint_rule)
{
  const lint_case *c = &lint_cases[_i];
  gw_diags d = {0};
  d.quiet = true;
  gw_lint_buffer("t.md", c->src, strlen(c->src), &d, NULL, NULL);
  char *got = summary(&d);
  ck_assert_msg(strcmp(got, c->want) == 0, "%s: got '%s', want '%s'", c->name, got,
                c->want);
  free(got);
  gw_diags_free(&d);
}
END_TEST

START_TEST(test_messages)
{
  static const char src[] = FM "晋团发[2021]14号，“强团改革 50 条”。\n\n## 一、甲\n\n## 三、丙\n";
  gw_diags d = {0};
  d.quiet = true;
  gw_lint_buffer("t.md", src, strlen(src), &d, NULL, NULL);
  const char *want[] = {
      "t.md:4:4: warning: 期号、文号中的年份应使用六角括号〔〕：把“[2021]”改为“〔2021〕” "
      "[year-bracket]",
      "t.md:4:19: warning: 汉字与数字、西文之间不加空格：删去“改革 50”中的空格 [cjk-space]",
      "t.md:4:22: warning: 汉字与数字、西文之间不加空格：删去“50 条”中的空格 [cjk-space]",
      "t.md:8:4: error: 标题编号跳号：上一个是“一、”，这里应为“二、”，而不是“三、” "
      "[heading-sequence]",
  };
  size_t i = 0;
  for (gw_diag *g = d.first; g; g = g->next, i++) {
    char *line = gw_diag_format(g);
    ck_assert_msg(i < 4, "extra: %s", line);
    ck_assert_str_eq(line, want[i]);
    free(line);
  }
  ck_assert_uint_eq(i, 4);
  gw_diags_free(&d);
}
END_TEST

/* One finding's full text, for the rules whose message is the point. */
static void assert_message(const char *src, const char *want) {
  gw_diags d = {0};
  d.quiet = true;
  gw_lint_buffer("t.md", src, strlen(src), &d, NULL, NULL);
  ck_assert_ptr_nonnull(d.first);
  char *line = gw_diag_format(d.first);
  ck_assert_str_eq(line, want);
  free(line);
  gw_diags_free(&d);
}

START_TEST(test_number_comma_message)
{
  assert_message(FM "全市共检查医疗卫生机构1，286家次。\n",
                 "t.md:4:13: warning: 数字中间的全角逗号会把一个数读成两个数：“1，286”应写作"
                 "“1286”（或用半角逗号分节：“1,286”） [number-comma]");
}
END_TEST

START_TEST(test_date_format_message)
{
  assert_message(FM "会议于2024-3-5召开。\n",
                 "t.md:4:4: warning: 日期应写作“2024年3月5日”（GB/T 9704 7.3.5），"
                 "而不是“2024-3-5” [date-format]");
}
END_TEST

/* The excerpt shows a number whole (校 126, not 校 12). */
START_TEST(test_space_messages)
{
  assert_message(FM "全 县 共 有 学 校。\n",
                 "t.md:4:1: warning: 汉字之间不加空格（像是从 PDF 复制的文字）："
                 "删去“全 县 共 有 学 校”中的空格 [spaced-han]");
  assert_message(FM "学校 126 所。\n",
                 "t.md:4:3: warning: 汉字与数字、西文之间不加空格：删去“学校 126”中的空格 [cjk-space]");
  assert_message(FM "增长 5.2%。\n",
                 "t.md:4:3: warning: 汉字与数字、西文之间不加空格：删去“增长 5.2”中的空格 [cjk-space]");
  assert_message(FM "增长5.2 %。\n",
                 "t.md:4:6: warning: 数字与百分号之间不加空格：删去“5.2 %”中的空格 [percent-space]");
}
END_TEST

/* Under numbering: auto lint says what render says of a typed number. */
START_TEST(test_auto_numbering_message)
{
  static const char src[] = FM_WITH("numbering: auto") "# 标题\n\n"
                            "## 一、坚持政治引领\n\n## 三、夯实基层基础\n";
  gw_diags d = {0};
  d.quiet = true;
  gw_lint_buffer("t.md", src, strlen(src), &d, NULL, NULL);
  ck_assert_uint_eq(d.errors, 0);
  ck_assert_uint_eq(d.warnings, 1);
  char *line = gw_diag_format(d.first);
  ck_assert_str_eq(line, "t.md:6:1: warning: numbering: auto 会自动给标题编号，标题里写的“一、”已去掉；"
                         "要保留自己写的编号，请改为 numbering: explicit [numbering]");
  free(line);
  gw_diags_free(&d);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The front matter: what render rejects, lint reports the same way      */
/* ------------------------------------------------------------------ */

#define BODY "\n# 标题\n\n正文。\n"

typedef struct {
  const char *name;
  const char *src;
  /* lint's errors, "LINE:COL message" joined by "\n"; NULL: some error,
   * as render's; AS_RENDER: whatever render says (it may change) */
  const char *want;
} front_case;

static const char AS_RENDER[] = "(as render)";

static const front_case front_cases[] = {
    {"missing keys",
     "---\nkind: bulletin\ntemplate: gbt9704\ntitel: 安全生产简报\nyear: 2024\n---\n" BODY,
     "6:1 缺少必填项 title：请在前置元数据里写上“title: …”\n"
     "6:1 缺少必填项 issuer：请在前置元数据里写上“issuer: …”\n"
     "6:1 缺少必填项 number：请在前置元数据里写上“number: …”\n"
     "6:1 缺少必填项 date：请在前置元数据里写上“date: …”"},
    {"number and copies with units",
     "---\nkind: bulletin\ntemplate: jintuan-yaoxun\nyear: 2024\nnumber: 第3期\n"
     "date: 2024-03-05\ncopies: 120份\n---\n" BODY,
     "5:9 number 只写期数，如“number: 3”，而不是“第3期”：年份写在 year，“〔〕”“第”“期”由模板排出；"
     "期号另有写法的（如“增刊第2期”）请用 label 写出整行\n"
     "7:9 copies 应为 1 到 100000000 之间的整数（如 14 或 十四），而不是“120份”"},
    {"date with a year of two digits",
     "---\nkind: bulletin\ntemplate: jintuan-yaoxun\nnumber: 3\ndate: 24-3-5\n---\n" BODY,
     "5:7 date 的年份要写全四位，如 2024-03-05，而不是“24-3-5”"},
    {"template not there",
     "---\nkind: bulletin\ntemplate: anquan-jianbao-nowhere\nyear: 2024\nnumber: 3\n"
     "date: 2024-03-05\n---\n" BODY,
     NULL /* the message names the folders searched: compared with render's only */},
    {"date that does not exist", "---\nkind: bulletin\ndate: 2024-02-30\n" FM_REST_NO_DATE "---\n" BODY,
     "3:7 date：2024-02-30 不是存在的日期"},
    {"date in no form render reads", "---\nkind: bulletin\ndate: 3月5日\n" FM_REST_NO_DATE "---\n" BODY,
     "3:7 date 应写成 年-月-日，如 2021-10-18 或 2021年10月18日，而不是“3月5日”"},
    /* dates as drafters write them: whatever render reads, lint reads */
    {"Chinese date", "---\nkind: bulletin\ndate: 2024年3月5日\n" FM_REST_NO_DATE "---\n" BODY, ""},
    {"zero-padded Chinese date",
     "---\nkind: bulletin\ndate: 2024年03月05日\n" FM_REST_NO_DATE "---\n" BODY, ""},
    {"Chinese numeral date",
     "---\nkind: bulletin\ndate: 二〇二四年三月五日\n" FM_REST_NO_DATE "---\n" BODY, AS_RENDER},
    {"no front matter", "# 标题\n\n正文。\n",
     "1:1 缺少前置元数据：文件应以一行 --- 开始，写明 kind、title 等，再以 --- 结束"},
    {"accepted", FM BODY, ""},
};

/* The errors in `d` as "LINE:COL message" lines, a trailing " [rule]" cut. */
static char *error_lines(const gw_diags *d) {
  gw_buf b = {0};
  for (const gw_diag *g = d->first; g; g = g->next) {
    if (g->severity != GW_ERROR)
      continue;
    const char *msg = g->message;
    size_t ml = strlen(msg);
    const char *tag = strstr(msg, " [front-matter]");
    if (tag && tag + strlen(" [front-matter]") == msg + ml)
      ml = (size_t)(tag - msg);
    char head[32];
    snprintf(head, sizeof head, "%s%u:%u ", b.len ? "\n" : "", g->pos.line, g->pos.col);
    gw_buf_puts(&b, head);
    gw_buf_append(&b, msg, ml);
  }
  gw_buf_append(&b, "", 1);
  return b.data;
}

START_TEST(test_front_matter_as_render)
{
  const front_case *c = &front_cases[_i];
  gw_diags lint = {0}, render = {0};
  lint.quiet = render.quiet = true;
  gw_lint_buffer("t.md", c->src, strlen(c->src), &lint, NULL, NULL);
  gw_bytes docx = {0};
  gw_convert("t.md", c->src, strlen(c->src), NULL, &render, &docx);
  free(docx.data);
  char *got = error_lines(&lint), *want = error_lines(&render);
  ck_assert_msg(strcmp(got, want) == 0, "%s: lint says\n%s\nrender says\n%s", c->name, got,
                want);
  if (!c->want)
    ck_assert_msg(*got, "%s: no error", c->name);
  else if (c->want != AS_RENDER)
    ck_assert_msg(strcmp(got, c->want) == 0, "%s: got\n%s\nwant\n%s", c->name, got, c->want);
  for (const gw_diag *g = lint.first; g; g = g->next)
    ck_assert(g->severity != GW_ERROR || strstr(g->message, "[front-matter]"));
  free(got);
  free(want);
  gw_diags_free(&lint);
  gw_diags_free(&render);
}
END_TEST

/* Render's front-matter errors never keep --fix from the text. */
START_TEST(test_fix_despite_front_matter_errors)
{
  static const char src[] = "---\nkind: bulletin\n---\n你好,世界\n";
  gw_diags d = {0};
  d.quiet = true;
  char *out = NULL;
  size_t out_len = 0;
  ck_assert_uint_eq(gw_lint_buffer("t.md", src, strlen(src), &d, &out, &out_len), 1);
  ck_assert_str_eq(out, "---\nkind: bulletin\n---\n你好，世界\n");
  ck_assert_uint_gt(d.errors, 0);
  free(out);
  gw_diags_free(&d);
}
END_TEST

/* ------------------------------------------------------------------ */
/* --fix                                                                */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *src;
  const char *fixed;
} fix_case;

static const fix_case fix_cases[] = {
    {FM "你好,世界.\n", FM "你好，世界。\n"},
    {FM "他说\"你好\"--然后...走了\n", FM "他说“你好”——然后……走了\n"},
    {FM "**强团改革 50 条**举措\n", FM "**强团改革50条**举措\n"},
    {FM "晋团发(2021)14号、[2021]第2期\n", FM "晋团发〔2021〕14号、〔2021〕第2期\n"},
    {FM "1、坚持。\n", FM "1.坚持。\n"},
    /* a paragraph over --- keeps its full stop: it is no heading meant */
    {FM "会议由团县委书记主持。\n---\n\n正文。\n", FM "会议由团县委书记主持。\n---\n\n正文。\n"},
    {FM "1、2号楼已完工。\n", FM "1、2号楼已完工。\n"},
    {FM "## 一、甲\n\n## 二.抓好落实\n", FM "## 一、甲\n\n## 二、抓好落实\n"},

    {FM "共１２３人\n", FM "共123人\n"},
    {FM "全 县 共 有 学 校，增长5.2 %\n", FM "全县共有学校，增长5.2%\n"},

    {FM "会议于2024.3.5召开，2024/12/31结束\n", FM "会议于2024年3月5日召开，2024年12月31日结束\n"},

    {FM "中文cafe\xCC\x81\n", FM "中文caf\xC3\xA9\n"},
    /* markup, code, URLs and the rules that are only reported stay */
    {FM "见`a, b`和[链接](http://x.cn/a,b)和<http://y.cn/c,d>\n",
     FM "见`a, b`和[链接](http://x.cn/a,b)和<http://y.cn/c,d>\n"},
    {FM "這是2021年2月30日“未闭合\n", FM "這是2021年2月30日“未闭合\n"},
    /* tabs stay: --fix must not merge the columns */
    {FM "1\t开展排查。\t县水利局\t2025年5月底前\n2\t修订预案。\t县应急管理局\n",
     FM "1\t开展排查。\t县水利局\t2025年5月底前\n2\t修订预案。\t县应急管理局\n"},
    /* front matter */
    {"---\nkind: bulletin\ntitle: 晋团要讯,测试\nlabel: 增刊[2021]第2期\n---\n",
     "---\nkind: bulletin\ntitle: 晋团要讯，测试\nlabel: 增刊〔2021〕第2期\n---\n"},
    /* line ends and BOM survive */
    {"\xEF\xBB\xBF---\r\nkind: bulletin\r\n---\r\n你好,世界\r\n\r\n强团 50 条\r\n",
     "\xEF\xBB\xBF---\r\nkind: bulletin\r\n---\r\n你好，世界\r\n\r\n强团50条\r\n"},
    {"---\rkind: bulletin\r---\r你好,世界\r", "---\rkind: bulletin\r---\r你好，世界\r"},
};

START_TEST(test_fix)
{
  const fix_case *c = &fix_cases[_i];
  gw_diags d = {0};
  d.quiet = true;
  char *out = NULL;
  size_t out_len = 0;
  gw_lint_buffer("t.md", c->src, strlen(c->src), &d, &out, &out_len);
  ck_assert_ptr_nonnull(out);
  ck_assert_msg(out_len == strlen(c->fixed) && memcmp(out, c->fixed, out_len) == 0,
                "fix of '%s' gave '%.*s', want '%s'", c->src, (int)out_len, out, c->fixed);
  gw_diags_free(&d);
  /* Idempotent: fixing the fixed text changes nothing. */
  char *again = NULL;
  size_t again_len = 0;
  size_t n = gw_lint_buffer("t.md", out, out_len, &d, &again, &again_len);
  ck_assert_uint_eq(n, 0);
  ck_assert(again_len == out_len && memcmp(again, out, out_len) == 0);
  gw_diags_free(&d);
  free(out);
  free(again);
}
END_TEST

START_TEST(test_fix_reports_only_the_rest)
{
  static const char src[] = FM "你好,世界。這是“未闭合\n";
  gw_diags d = {0};
  d.quiet = true;
  char *out = NULL;
  size_t out_len = 0;
  size_t n = gw_lint_buffer("t.md", src, strlen(src), &d, &out, &out_len);
  ck_assert_uint_eq(n, 1);
  char *got = summary(&d);
  ck_assert_str_eq(got, "4:7 warning traditional; 4:9 error unbalanced");
  free(got);
  free(out);
  gw_diags_free(&d);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The seed: a real bulletin as extracted from print, uncleaned         */
/* ------------------------------------------------------------------ */

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  gw_buf b = {0};
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    gw_buf_append(&b, chunk, n);
  fclose(f);
  *len = b.len;
  return b.data;
}

START_TEST(test_seed)
{
  size_t len = 0;
  char *data = slurp("tests/lint/seed-2021-14.md", &len);
  ck_assert_msg(data != NULL, "tests/lint/seed-2021-14.md missing (run from the repo root)");
  gw_diags d = {0};
  d.quiet = true;
  gw_lint_buffer("seed.md", data, len, &d, NULL, NULL);
  char *got = summary(&d);
  /* The artefacts: ### for 一、 and 三、 (level 1 numbers), the spaces in
   * “强团改革 50 条” and “阳曲 19 家”, and four paragraphs split at page or
   * line ends. Nothing on the correct text. */
  ck_assert_str_eq(got, "31:5 warning heading-level; "
                        "35:45 warning cjk-space; 35:48 warning cjk-space; "
                        "37:1 warning broken-paragraph; "
                        "47:49 warning cjk-space; 47:52 warning cjk-space; "
                        "47:77 warning cjk-space; 47:80 warning cjk-space; "
                        "49:1 warning broken-paragraph; "
                        "51:5 warning heading-level; "
                        "57:1 warning broken-paragraph; "
                        "65:1 warning broken-paragraph; "
                        "73:17 warning cjk-space"); /* 联系。 电话: an ASCII space after 。 */
  free(got);
  gw_diags_free(&d);
  /* Fixed once, it keeps only what a person must decide. */
  char *out = NULL;
  size_t out_len = 0;
  ck_assert_uint_eq(gw_lint_buffer("seed.md", data, len, &d, &out, &out_len), 7); /* 6 spaces and 联系。 电话 */
  gw_diags_free(&d);
  char *again = NULL;
  size_t again_len = 0;
  ck_assert_uint_eq(gw_lint_buffer("seed.md", out, out_len, &d, &again, &again_len), 0);
  ck_assert(again_len == out_len && memcmp(again, out, out_len) == 0);
  ck_assert_uint_eq(d.warnings, 6);
  ck_assert_uint_eq(d.errors, 0);
  gw_diags_free(&d);
  free(out);
  free(again);
  free(data);
}
END_TEST

/* Many findings on one long line stay fast (positions in one pass). */
START_TEST(test_long_line_linear)
{
  gw_buf b = {0};
  gw_buf_puts(&b, FM);
  for (int i = 0; i < 20000; i++)
    gw_buf_puts(&b, "强团改革 50 条,");
  gw_buf_puts(&b, "\n");
  gw_diags d = {0};
  d.quiet = true;
  gw_lint_buffer("t.md", b.data, b.len, &d, NULL, NULL);
  ck_assert_uint_eq(d.warnings, 60000);
  ck_assert_uint_eq(d.last->pos.line, 4);
  gw_diags_free(&d);
  gw_buf_free(&b);
}
END_TEST

/* A block pasted from Word: lines indented with full-width spaces and
 * no blank line between (each its own paragraph once split). Every line
 * is checked and fixed, however far it lies from the block's start. */
static char *pasted_block(int lines) {
  gw_buf b = {0};
  gw_buf_puts(&b, FM "# 标题\n\n");
  for (int i = 0; i < lines; i++) {
    char line[160];
    snprintf(line, sizeof line, "\u3000\u3000第%d句有很多很多的文字在这里很多很多的文字在这里,有逗号。\n", i);
    gw_buf_puts(&b, line);
  }
  gw_buf_append(&b, "", 1);
  return b.data;
}

START_TEST(test_long_pasted_block)
{
  char *src = pasted_block(40);
  gw_diags d = {0};
  d.quiet = true;
  gw_lint_buffer("t.md", src, strlen(src), &d, NULL, NULL);
  ck_assert_uint_eq(d.warnings, 80); /* an indent and a comma on every line */
  ck_assert_uint_eq(d.last->pos.line, 6 + 39);
  ck_assert_uint_eq(d.last->pos.col, 28);
  gw_diags_free(&d);
  char *out = NULL;
  size_t out_len = 0;
  ck_assert_uint_eq(gw_lint_buffer("t.md", src, strlen(src), &d, &out, &out_len), 80);
  size_t body = strlen(FM); /* the front matter's flow mapping has commas */
  ck_assert_ptr_null(memchr(out + body, ',', out_len - body));
  gw_diags_free(&d);
  free(out);
  free(src);
}
END_TEST

/* The command line: usage errors. */
START_TEST(test_main_usage)
{
  char *none[] = {NULL};
  ck_assert_int_eq(gw_lint_main(0, none), 2);
  char *bad[] = {"--nope", "x.md", NULL};
  ck_assert_int_eq(gw_lint_main(2, bad), 2);
}
END_TEST

Suite *lint_suite(void) {
  Suite *s = suite_create("lint");
  TCase *tc = tcase_create("zh_edits");
  tcase_add_loop_test(tc, test_edits_apply_to_normalize, 0, (int)N_ELEMS(edit_inputs));
  tcase_add_loop_test(tc, test_edits_exact, 0, (int)N_ELEMS(edit_cases));
  tcase_add_test(tc, test_edits_stop_and_empty);
  tcase_add_test(tc, test_traditional);
  tcase_add_checked_fixture(tc, NULL, teardown);
  suite_add_tcase(s, tc);

  tc = tcase_create("rules");
  tcase_set_timeout(tc, 30);
  tcase_add_loop_test(tc, test_lint_rule, 0, (int)N_ELEMS(lint_cases));
  tcase_add_test(tc, test_messages);
  tcase_add_test(tc, test_auto_numbering_message);
  tcase_add_test(tc, test_number_comma_message);
  tcase_add_test(tc, test_date_format_message);
  tcase_add_test(tc, test_space_messages);
  tcase_add_test(tc, test_long_line_linear);
  tcase_add_test(tc, test_long_pasted_block);
  tcase_add_test(tc, test_main_usage);
  tcase_add_checked_fixture(tc, NULL, teardown);
  suite_add_tcase(s, tc);

  tc = tcase_create("front matter");
  tcase_set_timeout(tc, 30);
  tcase_add_loop_test(tc, test_front_matter_as_render, 0, (int)N_ELEMS(front_cases));
  tcase_add_test(tc, test_fix_despite_front_matter_errors);
  tcase_add_test(tc, test_render_warnings_in_lint);
  tcase_add_checked_fixture(tc, NULL, teardown);
  suite_add_tcase(s, tc);

  tc = tcase_create("fix");
  tcase_add_loop_test(tc, test_fix, 0, (int)N_ELEMS(fix_cases));
  tcase_add_test(tc, test_fix_reports_only_the_rest);
  tcase_add_test(tc, test_seed);
  tcase_add_checked_fixture(tc, NULL, teardown);
  suite_add_tcase(s, tc);
  return s;
}
