/* test_zh.c - unit tests of the ICU text module (src/zh.c). */
#include <stdbool.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <check.h>
#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

#include "../../src/zh.h"
#include "suites.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ */
/* gw_zh_validate_utf8                                                  */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *name;
  const char *buf;
  size_t len;
  bool ok;
  size_t bad_offset; /* when !ok */
  bool bad_is_xml;   /* when !ok */
} validate_case;

#define S(lit) lit, sizeof(lit) - 1

static const validate_case validate_cases[] = {
    {"empty", S(""), true, 0, false},
    {"ascii", S("hello"), true, 0, false},
    {"han", S("公文"), true, 0, false},
    {"tab lf cr", S("a\tb\nc\rd"), true, 0, false},
    {"four bytes", S("\xF0\x9F\x98\x80"), true, 0, false},
    {"max code point", S("\xF4\x8F\xBF\xBF"), true, 0, false},
    {"U+FFFD allowed", S("\xEF\xBF\xBD"), true, 0, false},
    {"DEL allowed", S("a\x7F"), true, 0, false},
    {"overlong C0 80", S("ab\xC0\x80"), false, 2, false},
    {"overlong C1 BF", S("\xC1\xBF"), false, 0, false},
    {"overlong E0 80 80", S("x\xE0\x80\x80"), false, 1, false},
    {"overlong F0 80 80 80", S("\xF0\x80\x80\x80"), false, 0, false},
    {"lone continuation", S("abc\x80z"), false, 3, false},
    {"continuation after han", S("公\xBF"), false, 3, false},
    {"truncated at end", S("公文\xE6\x96"), false, 6, false},
    {"truncated lead at end", S("a\xE6"), false, 1, false},
    {"truncated then ascii", S("\xE6\x96" "a"), false, 0, false},
    {"surrogate ED A0 80", S("ok\xED\xA0\x80"), false, 2, false},
    {"surrogate ED BF BF", S("\xED\xBF\xBF"), false, 0, false},
    {"above U+10FFFF", S("\xF4\x90\x80\x80"), false, 0, false},
    {"F5 lead", S("\xF5\x80\x80\x80"), false, 0, false},
    {"FF byte", S("a\xFF"), false, 1, false},
    {"xml \\x01", S("ab\x01"), false, 2, true},
    {"xml U+0000", "a\0b", 3, false, 1, true},
    {"xml \\x1F", S("\x1F"), false, 0, true},
    {"xml U+FFFE", S("公\xEF\xBF\xBE"), false, 3, true},
    {"xml U+FFFF", S("\xEF\xBF\xBF"), false, 0, true},
    {"first error wins", S("\x01\xC0\x80"), false, 0, true},
};

/* Emoji shown as pictures are found; the symbols drafters bullet with
 * (★ ☆ √) and Chinese punctuation are not. */
START_TEST(test_find_emoji)
{
  size_t at = 0, n = 0;
  const char *t = "青年志愿者👍✊。";
  ck_assert(gw_zh_find_emoji(t, strlen(t), &at, &n));
  ck_assert_uint_eq(at, strlen("青年志愿者"));
  ck_assert_uint_eq(n, strlen("👍"));
  t = "“五四”★ 青年☆、√ 完成——好…";
  ck_assert(!gw_zh_find_emoji(t, strlen(t), &at, &n));
  t = "完成✊";
  ck_assert(gw_zh_find_emoji(t, strlen(t), &at, &n));
  ck_assert_uint_eq(at, strlen("完成"));
}
END_TEST

START_TEST(test_validate)
{
  const validate_case *c = &validate_cases[_i];
  size_t off = 12345;
  bool xml = !c->bad_is_xml;
  bool ok = gw_zh_validate_utf8(c->buf, c->len, &off, &xml);
  ck_assert_msg(ok == c->ok, "%s: ok=%d", c->name, ok);
  if (!c->ok) {
    ck_assert_msg(off == c->bad_offset, "%s: offset %zu, want %zu", c->name,
                  off, c->bad_offset);
    ck_assert_msg(xml == c->bad_is_xml, "%s: xml=%d", c->name, xml);
  } else {
    ck_assert_msg(!xml, "%s: xml set on success", c->name);
  }
}
END_TEST

START_TEST(test_validate_null_outputs)
{
  ck_assert(!gw_zh_validate_utf8(S("\xC0\x80"), NULL, NULL));
  ck_assert(gw_zh_validate_utf8(S("abc"), NULL, NULL));
}
END_TEST

/* ------------------------------------------------------------------ */
/* gw_zh_count_chars                                                    */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *buf;
  size_t len;
  size_t want;
} count_case;

static const count_case count_cases[] = {
    {S(""), 0},
    {S("abc"), 3},
    {S("公文"), 2},
    {S("2021年“强团改革50条”"), 14},
    {S("\xF0\x9F\x98\x80x"), 2},
    {S("e\xCC\x81"), 2}, /* e + combining acute */
    {S("a\xC0\x80"), 3}, /* each bad byte counts one */
};

START_TEST(test_count)
{
  const count_case *c = &count_cases[_i];
  ck_assert_uint_eq(gw_zh_count_chars(c->buf, c->len), c->want);
}
END_TEST

/* ------------------------------------------------------------------ */
/* gw_zh_slot_runs                                                      */
/* ------------------------------------------------------------------ */

#define MAX_RUNS 8
typedef struct {
  const char *text; /* text of the run */
  gw_slot slot;
  bool hint;
} want_run;

typedef struct {
  const char *name;
  const char *text;
  int nruns;
  want_run runs[MAX_RUNS];
} slot_case;

#define EA GW_SLOT_EAST_ASIA
#define LA GW_SLOT_LATIN

static const slot_case slot_cases[] = {
    {"empty", "", 0, {{0}}},
    {"spec example",
     "2021年“强团改革50条”举措 Times",
     5,
     {{"2021", LA, false},
      {"年“强团改革", EA, true},
      {"50", LA, false},
      {"条”举措 ", EA, true},
      {"Times", LA, false}}},
    {"pure han", "公文处理", 1, {{"公文处理", EA, false}}},
    {"pure latin", "Times New Roman", 1, {{"Times New Roman", LA, false}}},
    {"neutral only", " - ", 1, {{" - ", LA, false}}},
    {"leading neutral joins following", "  (公文", 1, {{"  (公文", EA, false}}},
    {"leading neutral then latin", "(1)公文", 2,
     {{"(1)", LA, false}, {"公文", EA, false}}},
    {"neutrals between digits stay latin", "电话0351-4184708，7.5%的",
     5,
     {{"电话", EA, false},
      {"0351-4184708", LA, false},
      {"，", EA, false},
      {"7.5%", LA, false},
      {"的", EA, false}}},
    {"shared alone", "“Hello”", 3,
     {{"“", EA, true}, {"Hello", LA, false}, {"”", EA, true}}},
    {"em dash and ellipsis", "他说——好……", 1, {{"他说——好……", EA, true}}},
    {"middle dot", "阿卜杜勒·阿齐兹", 1, {{"阿卜杜勒·阿齐兹", EA, true}}},
    {"full-width colon hints", "附件：1", 2,
     {{"附件：", EA, true}, {"1", LA, false}}},
    {"cjk punctuation no hint", "一、二。「三」", 1,
     {{"一、二。「三」", EA, false}}},
    {"ideographic space", "公\u3000文", 1, {{"公\u3000文", EA, false}}},
    {"kana and bopomofo", "ひらがなカタカナㄅㄆ", 1,
     {{"ひらがなカタカナㄅㄆ", EA, false}}},
    {"full-width latin is east asia", "ＡＢＣabc", 2,
     {{"ＡＢＣ", EA, false}, {"abc", LA, false}}},
    {"latin accents", "café中", 2, {{"café", LA, false}, {"中", EA, false}}},
    {"combining mark joins", "e\u0301中", 2,
     {{"e\u0301", LA, false}, {"中", EA, false}}},
    {"trailing space joins latin", "abc 中文", 2,
     {{"abc ", LA, false}, {"中文", EA, false}}},
    {"apostrophe and dash in English stay latin", "I don’t—it’s 好’", 2,
     {{"I don’t—it’s ", LA, false}, {"好’", EA, true}}},
};

typedef struct {
  const char *base;
  int n;
  int stop_at;
  gw_slot_run runs[MAX_RUNS + 4];
} run_log;

static int log_run(const gw_slot_run *run, void *ctx)
{
  run_log *log = ctx;
  if (log->n < (int)N_ELEMS(log->runs))
    log->runs[log->n] = *run;
  log->n++;
  return log->stop_at && log->n == log->stop_at ? 7 : 0;
}

START_TEST(test_slot_runs)
{
  const slot_case *c = &slot_cases[_i];
  run_log log = {c->text, 0, 0, {{0}}};
  size_t len = strlen(c->text);
  int rc = gw_zh_slot_runs(c->text, len, log_run, &log);
  ck_assert_int_eq(rc, 0);
  ck_assert_msg(log.n == c->nruns, "%s: %d runs, want %d", c->name, log.n,
                c->nruns);
  size_t pos = 0;
  for (int k = 0; k < c->nruns; k++) {
    const gw_slot_run *r = &log.runs[k];
    const want_run *w = &c->runs[k];
    ck_assert_msg(r->offset == pos, "%s: run %d at %zu, want %zu", c->name,
                  k, r->offset, pos);
    ck_assert_msg(r->len == strlen(w->text) &&
                      memcmp(c->text + r->offset, w->text, r->len) == 0,
                  "%s: run %d is '%.*s', want '%s'", c->name, k, (int)r->len,
                  c->text + r->offset, w->text);
    ck_assert_msg(r->slot == w->slot, "%s: run %d slot %d", c->name, k,
                  r->slot);
    ck_assert_msg(r->hint_east_asia == w->hint, "%s: run %d hint %d", c->name,
                  k, r->hint_east_asia);
    pos += r->len;
  }
  ck_assert_uint_eq(pos, len);
}
END_TEST

START_TEST(test_slot_runs_stop)
{
  const char *t = "2021年“强团改革50条”举措 Times";
  run_log log = {t, 0, 2, {{0}}};
  ck_assert_int_eq(gw_zh_slot_runs(t, strlen(t), log_run, &log), 7);
  ck_assert_int_eq(log.n, 2);
  log.n = 0;
  log.stop_at = 5; /* the last run */
  ck_assert_int_eq(gw_zh_slot_runs(t, strlen(t), log_run, &log), 7);
  ck_assert_int_eq(log.n, 5);
}
END_TEST

START_TEST(test_slot_runs_invalid_utf8)
{
  /* ill-formed bytes are neutral: they join the run before them */
  const char t[] = "ab\xC0\x80公";
  run_log log = {t, 0, 0, {{0}}};
  ck_assert_int_eq(gw_zh_slot_runs(t, sizeof t - 1, log_run, &log), 0);
  ck_assert_int_eq(log.n, 2);
  ck_assert_uint_eq(log.runs[0].offset, 0);
  ck_assert_uint_eq(log.runs[0].len, 4);
  ck_assert_int_eq(log.runs[0].slot, GW_SLOT_LATIN);
  ck_assert_uint_eq(log.runs[1].offset, 4);
  ck_assert_uint_eq(log.runs[1].len, 3);
  ck_assert_int_eq(log.runs[1].slot, GW_SLOT_EAST_ASIA);
}
END_TEST

START_TEST(test_slot_runs_xml_clean)
{
  /* a run is clean only when every character in its range is: a control
   * XML forbids (U+0001, from an entity such as &#1;) or an ill-formed
   * byte taints its own run and no other */
  const char t[] = "公\x01文abc\xC0" "de中";
  run_log log = {t, 0, 0, {{0}}};
  ck_assert_int_eq(gw_zh_slot_runs(t, sizeof t - 1, log_run, &log), 0);
  ck_assert_int_eq(log.n, 3);
  ck_assert(!log.runs[0].xml_clean); /* 公\x01文 */
  ck_assert(!log.runs[1].xml_clean); /* abc\xC0de */
  ck_assert(log.runs[2].xml_clean);  /* 中 */

  const char u[] = "\x02中文 Times\xEF\xBF\xBE";
  log.n = 0;
  ck_assert_int_eq(gw_zh_slot_runs(u, sizeof u - 1, log_run, &log), 0);
  ck_assert_int_eq(log.n, 2);
  ck_assert(!log.runs[0].xml_clean); /* a leading neutral joins the first run */
  ck_assert(!log.runs[1].xml_clean); /* U+FFFE */

  const char v[] = "2021年“强团改革50条”\t举措\nTimes";
  log.n = 0;
  ck_assert_int_eq(gw_zh_slot_runs(v, sizeof v - 1, log_run, &log), 0);
  for (int k = 0; k < log.n; k++)
    ck_assert_msg(log.runs[k].xml_clean, "run %d of clean text", k);
}
END_TEST

/* ------------------------------------------------------------------ */
/* gw_zh_normalize                                                      */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *in;
  const char *want;
} str_case;

static const str_case normalize_cases[] = {
    /* punctuation next to Chinese */
    {"你好,世界", "你好，世界"},
    {"第一,第二;第三:第四!", "第一，第二；第三：第四！"},
    {"什么?!", "什么？！"},
    {"好吗?", "好吗？"},
    {"abc,中文", "abc，中文"},
    {"abc, def", "abc, def"},
    {"English, 中文", "English, 中文"},
    /* full stop */
    {"截至2021年10月18日.", "截至2021年10月18日。"},
    {"好. 再见", "好。再见"}, /* no space beside Chinese punctuation */
    {"好.再见", "好。再见"},
    {"文件a.txt", "文件a.txt"},
    {"a.中文", "a.中文"},
    {"增长7.5%.", "增长7.5%。"},
    {"中.a", "中.a"},
    /* quotes */
    {"2021年\"强团改革50条\"举措", "2021年“强团改革50条”举措"},
    {"他说：\"你好。\"", "他说：“你好。”"},
    {"\"你好\" \"世界\"", "“你好”“世界”"},
    {"他说\"好\".", "他说“好”。"},
    {"好,\"a\"", "好，“a”"},
    {"\"abc\"中文", "“abc”中文"},
    {"He said \"hi\".", "He said \"hi\"."},
    {"他说'好'", "他说‘好’"},
    {"他说'don't'", "他说‘don't’"},
    {"don't 中文", "don't中文"},
    {"Tom's 书", "Tom's书"},
    {"（\"abc\"）", "（“abc”）"},
    {"中文(\"abc\")", "中文（“abc”）"},
    {"“已是弯引号”", "“已是弯引号”"},
    /* parentheses */
    {"中文(abc)", "中文（abc）"},
    {"(见附件1)", "（见附件1）"},
    {"f(x)很好", "f（x）很好"},
    {"(a(中)b)", "（a（中）b）"},
    {"1)第一项", "1）第一项"},
    {"f(x) = 1", "f(x) = 1"},
    /* dashes and ellipses */
    {"他说--好", "他说——好"},
    {"好---", "好——"},
    {"他说—好", "他说—好"},
    {"6月10日—20日", "6月10日—20日"},
    {"北京—上海", "北京—上海"},
    {"他说——好", "他说——好"},
    {"word—word", "word—word"},
    {"a--b", "a--b"},
    {"等等...", "等等……"},
    {"等等.....", "等等……"},
    {"等等…", "等等……"},
    {"中文……", "中文……"},
    {"百分点。。。", "百分点……"},
    {"完成了。。", "完成了。。"},
    {"见![活动现场](images/现场 照片.jpg)。", "见![活动现场](images/现场 照片.jpg)。"},
    {"wait...", "wait..."},
    {"好..", "好.."},
    /* as other input methods, GBK files and Japanese fonts type them */
    {"改革创新－－坚持", "改革创新——坚持"},
    {"会议强调――要坚持", "会议强调——要坚持"},
    {"北京―上海", "北京―上海"},
    {"15.6亿元・・・创新高", "15.6亿元……创新高"},
    {"又如···。", "又如……。"},
    {"让·雅克", "让·雅克"},
    /* straight quotes pasted around quotes: the inner pair ‘’ */
    {"他说:\"开展了\"清风行动\"和\"阳光工程\",成效明显.\"",
     "他说：“开展了‘清风行动’和‘阳光工程’，成效明显。”"},
    {"他说：\"要开展\"清风行动\"。\"", "他说：“要开展‘清风行动’。”"},
    {"\"甲\"和\"乙\"", "“甲”和“乙”"},
    {"他说:\"好\"的", "他说：“好”的"},
    {"\"我们一定完成任务，\"他说，\"明年再接再厉。\"", "“我们一定完成任务，”他说，“明年再接再厉。”"},
    {"\"今年的目标已经实现，\"王书记表示。", "“今年的目标已经实现，”王书记表示。"},
    {"群众称赞:\"这是\"民心工程\"\"。", "群众称赞：“这是‘民心工程’”。"},
    {"屏幕尺寸为27\"，线缆长6'。", "屏幕尺寸为27\"，线缆长6'。"},
    /* a '.' after letters that follow Chinese ends the sentence */
    {"开发“智慧政务”APP.", "开发“智慧政务”APP。"},
    {"全县共3.", "全县共3."},
    /* a GB/T 7714 reference entry keeps its own punctuation */
    {"张三, 李四. 基层监督体系研究[J]. 中国纪检监察, 2023(5): 12-15.",
     "张三, 李四. 基层监督体系研究[J]. 中国纪检监察, 2023(5): 12-15."},
    /* a circled number marks an item */
    {"① 召开居民议事会", "①召开居民议事会"},
    /* spaces between Han and digits/Latin */
    {"强团改革 50 条", "强团改革50条"},
    {"中文\t2021", "中文2021"},
    {"中文 Times New Roman 字体", "中文Times New Roman字体"},
    {"abc def", "abc def"},
    {"中文　abc", "中文　abc"},
    {"中文 ，", "中文，"},
    {"今年以来, 我县坚持", "今年以来，我县坚持"},
    {"解决 “大班额” 问题", "解决“大班额”问题"},
    /* a heading number typed with a full stop */
    {"三.抓好落实", "三、抓好落实"},
    {"十二.强化保障", "十二、强化保障"},
    {"加强领导.二是", "加强领导。二是"},
    /* an English sentence keeps the spaces around its quotes */
    {"He said “hello” to me", "He said “hello” to me"},
    {"she said ‘bye.’ today", "she said ‘bye.’ today"},
    {"举办 “Hello World” 活动", "举办“Hello World”活动"},
    {"the “一带一路” plan", "the“一带一路”plan"},
    {"完成率55% 以上", "完成率55%以上"},
    {"参与率达到95.3% 。增长37.6% ，同比提高", "参与率达到95.3%。增长37.6%，同比提高"},
    {"联系。 电话：0351-4184708", "联系。电话：0351-4184708"},
    {"标题 甲 乙", "标题 甲 乙"},       /* between two Han characters: kept */
    {"联系。　电话", "联系。　电话"}, /* U+3000 is the drafter's own gap */
    {"C++ 竞赛", "C++ 竞赛"},
    {"café 咖啡", "café咖啡"},
    /* never touched: URLs, e-mail, numbers */
    {"访问 https://www.example.com/a?b=1,2&c=(3).",
     "访问https://www.example.com/a?b=1,2&c=(3)."},
    {"见http://a.cn/x:y;z,中文", "见http://a.cn/x:y;z，中文"},
    /* trailing . , : ; ? ! are not part of a URL */
    {"见http://a.cn/x!,中文", "见http://a.cn/x！，中文"},
    {"见http://a.cn/(x)),中文", "见http://a.cn/(x)），中文"},
    {"www.gov.cn的", "www.gov.cn的"},
    {"网址:HTTP://A.CN/\"q\"", "网址：HTTP://A.CN/\"q\""},
    {"e-mail a.b@c.cn", "e-mail a.b@c.cn"},
    {"请发送至a.b@c.cn.", "请发送至a.b@c.cn."},
    {"邮箱x_y+z@mail.gov.cn,谢谢", "邮箱x_y+z@mail.gov.cn，谢谢"},
    {"电话0351-4184708,传真", "电话0351-4184708，传真"},
    {"电话:0351-4184708.", "电话：0351-4184708."},
    {"长7.5米", "长7.5米"},
    {"共1,000元,时间3:30.", "共1,000元，时间3:30."},
    {"于2021.10.18发布", "于2021.10.18发布"},
    {"于2021/10/18发布", "于2021/10/18发布"},
    /* rule 0: full-width digits and letters */
    {"全县３２个乡镇", "全县32个乡镇"},
    {"第 ３２ 条", "第32条"},
    {"增长２．３个百分点", "增长2.3个百分点"},
    {"占１２％以上", "占12%以上"},
    {"ＧＤＰ增长", "GDP增长"},
    {"（１）加强领导", "（1）加强领导"},
    {"是．", "是．"},
    {"目录１，２３４项", "目录1，234项"},
    {"分别为５，１００，２００", "分别为5，100，200"},
    {"第１，２条", "第1，2条"},
    {"于８：３０召开", "于8:30召开"},
    {"部署Ｗｉ－Ｆｉ热点", "部署Wi-Fi热点"},
    {"邮箱：ｐｙｚｗ＠１６３．ｃｏｍ。", "邮箱：pyzw@163.com。"},
    {"时间：８点", "时间：8点"},
    {"％", "％"},
    /* punctuation after a number or a Latin word that follows Chinese */
    {"增长5.2%, 同比提高", "增长5.2%，同比提高"},
    {"推广App, 下载量", "推广App，下载量"},
    {"完成率100%.", "完成率100%。"},
    {"版本v1.0.", "版本v1.0."},
    {"他说 Hello, world", "他说Hello，world"},
    {"好..", "好.."},
    {"共3,000元", "共3,000元"},
    {"a,b中", "a,b中"},
    /* ellipsis after a number */
    {"完成76%...", "完成76%……"},
    {"第1...10页", "第1...10页"},
    {"v1.0...", "v1.0..."},
    /* NFC */
    {"e\u0301", "\u00e9"},
    {"\u212B", "\u00C5"},
    /* empty and plain */
    {"", ""},
    {"plain ASCII text.", "plain ASCII text."},
};

START_TEST(test_normalize)
{
  const str_case *c = &normalize_cases[_i];
  char *got = gw_zh_normalize(c->in, strlen(c->in));
  ck_assert_ptr_nonnull(got);
  ck_assert_msg(strcmp(got, c->want) == 0, "normalize('%s') = '%s', want '%s'",
                c->in, got, c->want);
  free(got);
}
END_TEST

START_TEST(test_normalize_idempotent)
{
  const str_case *c = &normalize_cases[_i];
  char *once = gw_zh_normalize(c->in, strlen(c->in));
  ck_assert_ptr_nonnull(once);
  char *twice = gw_zh_normalize(once, strlen(once));
  ck_assert_ptr_nonnull(twice);
  ck_assert_msg(strcmp(once, twice) == 0, "not idempotent: '%s' -> '%s'",
                once, twice);
  free(once);
  free(twice);
}
END_TEST

START_TEST(test_normalize_len_and_invalid)
{
  /* only len bytes are read */
  char *got = gw_zh_normalize("你好,世界XYZ", strlen("你好,世界"));
  ck_assert_str_eq(got, "你好，世界");
  free(got);
  /* ill-formed bytes become U+FFFD */
  got = gw_zh_normalize("a\xC0\x80" "b", 4);
  ck_assert_str_eq(got, "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
  free(got);
  got = gw_zh_normalize(NULL, 0);
  ck_assert_str_eq(got, "");
  free(got);
}
END_TEST

START_TEST(test_normalize_long_linear)
{
  /* 200k characters of nested parentheses and quotes: must be quick */
  size_t n = 200000;
  char *buf = malloc(n + 1);
  for (size_t i = 0; i < n; i++)
    buf[i] = "((\"'.-,"[i % 7];
  buf[n] = '\0';
  char *got = gw_zh_normalize(buf, n);
  ck_assert_ptr_nonnull(got);
  free(got);
  free(buf);
}
END_TEST

/* ------------------------------------------------------------------ */
/* gw_zh_numeral                                                        */
/* ------------------------------------------------------------------ */

typedef struct {
  int n;
  const char *want;
} num_case;

static const num_case numeral_cases[] = {
    {1, "一"},       {2, "二"},          {9, "九"},
    {10, "十"},      {11, "十一"},       {15, "十五"},
    {19, "十九"},    {20, "二十"},       {21, "二十一"},
    {99, "九十九"},  {100, "一百"},      {101, "一百零一"},
    {110, "一百一十"}, {111, "一百一十一"}, {999, "九百九十九"},
    {1000, "一千"},  {1001, "一千零一"}, {2021, "二千零二十一"},
    {9999, "九千九百九十九"}, {0, "0"},   {-5, "-5"},
    {10000, "10000"},
};

START_TEST(test_numeral)
{
  const num_case *c = &numeral_cases[_i];
  char *got = gw_zh_numeral(c->n);
  ck_assert_ptr_nonnull(got);
  ck_assert_msg(strcmp(got, c->want) == 0, "numeral(%d) = '%s', want '%s'",
                c->n, got, c->want);
  free(got);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Dates                                                                */
/* ------------------------------------------------------------------ */

typedef struct {
  int y, m, d;
  bool valid;
  const char *want;
} date_case;

static const date_case date_cases[] = {
    {2021, 10, 18, true, "2021年10月18日"},
    {2021, 1, 5, true, "2021年1月5日"},
    {2020, 2, 29, true, "2020年2月29日"},
    {2000, 2, 29, true, "2000年2月29日"},
    {2021, 12, 31, true, "2021年12月31日"},
    {1, 1, 1, true, "1年1月1日"},
    {9999, 12, 31, true, "9999年12月31日"},
    {1582, 10, 10, true, "1582年10月10日"}, /* proleptic Gregorian */
    {1600, 2, 29, true, "1600年2月29日"},
    {1970, 1, 1, true, "1970年1月1日"},
    {2021, 2, 29, false, NULL},
    {1900, 2, 29, false, NULL},
    {1500, 2, 29, false, NULL}, /* leap in Julian only */
    {2021, 4, 31, false, NULL},
    {2021, 13, 1, false, NULL},
    {2021, 0, 1, false, NULL},
    {2021, 1, 0, false, NULL},
    {2021, 1, 32, false, NULL},
    {0, 1, 1, false, NULL},
    {10000, 1, 1, false, NULL},
    {-1, 1, 1, false, NULL},
};

START_TEST(test_date)
{
  const date_case *c = &date_cases[_i];
  ck_assert_msg(gw_zh_date_valid(c->y, c->m, c->d) == c->valid,
                "date_valid(%d,%d,%d)", c->y, c->m, c->d);
  if (c->valid) {
    char *got = gw_zh_date(c->y, c->m, c->d);
    ck_assert_ptr_nonnull(got);
    ck_assert_msg(strcmp(got, c->want) == 0, "date(%d,%d,%d) = '%s'", c->y,
                  c->m, c->d, got);
    free(got);
  }
}
END_TEST

START_TEST(test_date_invalid_formats_plainly)
{
  char *got = gw_zh_date(2021, 2, 29);
  ck_assert_str_eq(got, "2021年2月29日");
  free(got);
}
END_TEST

/* gw_zh_date composes the date itself; ICU's DateFormat with the pattern
 * y年M月d日 (zh_CN, UTC, proleptic Gregorian) is the reference it must
 * match: on every day from 1990 to 2035, on the first, 28th/29th and last
 * days of every month from 1500 to 2600, and at both ends of the accepted
 * range. (Every day of 1,100 years is 400,000 ICU calls: too slow under
 * the sanitizers.) */
static UDateFormat *icu_date_format(void)
{
  static const UChar tz[] = {'U', 'T', 'C', 0};
  static const UChar pat[] = {'y', 0x5E74, 'M', 0x6708, 'd', 0x65E5, 0};
  UErrorCode err = U_ZERO_ERROR;
  UDateFormat *f = udat_open(UDAT_PATTERN, UDAT_PATTERN, "zh_CN", tz, -1, pat, -1, &err);
  UCalendar *cal = ucal_open(tz, -1, "zh_CN", UCAL_GREGORIAN, &err);
  ucal_setGregorianChange(cal, -184303902528000000.0, &err);
  udat_setCalendar(f, cal);
  ucal_close(cal);
  ck_assert_msg(U_SUCCESS(err), "udat_open: %s", u_errorName(err));
  return f;
}

static void check_against_icu(UDateFormat *f, UCalendar *cal, int y, int m, int d)
{
  UErrorCode err = U_ZERO_ERROR;
  ucal_clear(cal);
  ucal_setDate(cal, y, m - 1, d, &err);
  UDate when = ucal_getMillis(cal, &err);
  UChar u16[64];
  int32_t n = udat_format(f, when, u16, 64, NULL, &err);
  char want[128];
  u_strToUTF8(want, sizeof want, NULL, u16, n, &err);
  ck_assert_msg(U_SUCCESS(err), "ICU failed on %d-%d-%d", y, m, d);
  char *got = gw_zh_date(y, m, d);
  ck_assert_msg(strcmp(got, want) == 0, "%d-%d-%d: gwdoc '%s', ICU '%s'", y, m, d, got, want);
  free(got);
}

START_TEST(test_date_matches_icu)
{
  UDateFormat *f = icu_date_format();
  static const UChar tz[] = {'U', 'T', 'C', 0};
  UErrorCode err = U_ZERO_ERROR;
  UCalendar *cal = ucal_open(tz, -1, "zh_CN", UCAL_GREGORIAN, &err);
  ucal_setGregorianChange(cal, -184303902528000000.0, &err);
  int days = 0;
  for (int y = 1500; y <= 2600; y++)
    for (int m = 1; m <= 12; m++)
      for (int d = 1; d <= 31; d++) {
        bool every = y >= 1990 && y <= 2035;
        bool edge = d == 1 || d >= 28;
        if ((every || edge) && gw_zh_date_valid(y, m, d)) {
          check_against_icu(f, cal, y, m, d);
          days++;
        }
      }
  check_against_icu(f, cal, 1, 1, 1);
  check_against_icu(f, cal, 9999, 12, 31);
  ck_assert_int_gt(days, 60000);
  ucal_close(cal);
  udat_close(f);
}
END_TEST

/* gw_zh_normalize copies text that no rule can change without running
 * the rules (the fast path); gw_zh_normalize_edits always runs them.
 * Over random strings of Han, digits, Latin letters, spaces and ASCII and
 * Chinese punctuation, the two must agree on whether anything changes. */
static int count_edit(const gw_zh_edit *e, void *ctx)
{
  (void)e;
  (*(int *)ctx)++;
  return 0;
}

START_TEST(test_normalize_fast_path_agrees_with_rules)
{
  static const char *const pieces[] = {"建", "立", "团", "1", "2", "0", "a", "Z", " ", ".",
                                       ",", ":", "-", "/", "。", "，", "、", "（", "）",
                                       "(", ")", "\"", "'", "…", "—", "　", "@", "w",
                                       "“", "%", "》"};
  enum { NPIECES = sizeof pieces / sizeof pieces[0] };
  unsigned seed = 12345;
  int fast_same = 0;
  for (int round = 0; round < 20000; round++) {
    char text[128] = "";
    int n = 1 + (int)(seed % 10);
    for (int k = 0; k < n; k++) {
      seed = seed * 1103515245u + 12345u;
      strcat(text, pieces[(seed >> 16) % NPIECES]);
    }
    size_t len = strlen(text);
    char *out = gw_zh_normalize(text, len);
    int edits = 0;
    ck_assert_int_eq(gw_zh_normalize_edits(text, len, count_edit, &edits), 0);
    bool same = strcmp(out, text) == 0;
    ck_assert_msg(same == (edits == 0), "'%s' -> '%s' with %d edits", text, out, edits);
    fast_same += same;
    free(out);
  }
  ck_assert_int_gt(fast_same, 1000); /* the unchanged case was exercised */
}
END_TEST

/* The fast paths of gw_zh_normalize (a copy, or only the spaces between
 * Han and a letter or digit dropped) must give what the rules give:
 * gw_zh_normalize_edits always runs the rules, and applying its edits is
 * its result. Random strings lean on the pieces the fast paths accept. */
typedef struct {
  const char *text;
  char out[512];
  size_t done, len;
} applied;

static int apply_edit(const gw_zh_edit *e, void *ctx)
{
  applied *a = ctx;
  memcpy(a->out + a->len, a->text + a->done, e->offset - a->done);
  a->len += e->offset - a->done;
  memcpy(a->out + a->len, e->repl, e->repl_len);
  a->len += e->repl_len;
  a->done = e->offset + e->len;
  return 0;
}

START_TEST(test_normalize_fast_paths_equal_rules)
{
  static const char *const pieces[] = {"建", "立", "〇", "1", "9", "a", "Z", " ", " ", "  ",
                                       "。", "，", "“", "”", "（", "）", "、", "《", "》",
                                       ".", "-", "%", "　", "中国", "5 ", " 条", "㐀", "䷀"};
  enum { NPIECES = sizeof pieces / sizeof pieces[0] };
  unsigned seed = 777;
  int gaps = 0;
  for (int round = 0; round < 30000; round++) {
    char text[160] = "";
    seed = seed * 1103515245u + 12345u;
    int n = 1 + (int)((seed >> 16) % 12);
    for (int k = 0; k < n; k++) {
      seed = seed * 1103515245u + 12345u;
      strcat(text, pieces[(seed >> 16) % NPIECES]);
    }
    size_t len = strlen(text);
    applied a = {text, "", 0, 0};
    ck_assert_int_eq(gw_zh_normalize_edits(text, len, apply_edit, &a), 0);
    memcpy(a.out + a.len, text + a.done, len - a.done);
    a.out[a.len + len - a.done] = '\0';
    char *out = gw_zh_normalize(text, len);
    ck_assert_msg(strcmp(out, a.out) == 0, "'%s': normalize '%s', rules '%s'", text, out, a.out);
    gaps += strlen(out) < len && !strpbrk(text, ".-%");
    free(out);
  }
  ck_assert_int_gt(gaps, 1000); /* the space fast path was exercised */
}
END_TEST

START_TEST(test_numbered_paragraphs_stay)
{
  static const char *const kept[] = {"4976.建立团干部任期目标责任制。", "1.强化组织领导。",
                                     "3.5元", "1,000人", "3:30开会", "电话0351-4184708",
                                     "2021/10/18", "第1.2条", "2021.10.18"};
  for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
    char *out = gw_zh_normalize(kept[i], strlen(kept[i]));
    ck_assert_str_eq(out, kept[i]);
    free(out);
  }
  char *dot = gw_zh_normalize("建立.", strlen("建立."));
  ck_assert_str_eq(dot, "建立。"); /* after a Chinese character it is a full stop */
  free(dot);
}
END_TEST

START_TEST(test_cleanup_and_reuse)
{
  char *a = gw_zh_numeral(11);
  gw_zh_cleanup();
  gw_zh_cleanup(); /* twice is harmless */
  char *b = gw_zh_numeral(11);
  char *d = gw_zh_date(2021, 10, 18);
  gw_zh_cleanup();
  char *e = gw_zh_date(2021, 10, 18);
  ck_assert_str_eq(a, "十一");
  ck_assert_str_eq(b, "十一");
  ck_assert_str_eq(d, "2021年10月18日");
  ck_assert_str_eq(e, "2021年10月18日");
  free(a);
  free(b);
  free(d);
  free(e);
}
END_TEST

/* ------------------------------------------------------------------ */
/* gw_zh_display_width                                                  */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *text;
  size_t want;
} width_case;

static const width_case width_cases[] = {
    {"", 0},
    {"abc", 3},
    {"公文", 4},
    {"ＡＢ", 4},          /* full width */
    {"“”", 4},            /* ambiguous */
    {"·—…", 6},          /* ambiguous */
    {"e\u0301", 1},       /* combining acute */
    {"a\u20DD", 1},       /* enclosing circle */
    {"a\u200Bb", 2},      /* zero width space */
    {"a\u200Db", 2},      /* zero width joiner */
    {"2021年", 6},
    {"ｱ", 1},             /* half-width katakana */
    {"\u3000", 2},        /* ideographic space */
    {"😀", 2},
};

START_TEST(test_width)
{
  const width_case *c = &width_cases[_i];
  size_t got = gw_zh_display_width(c->text, strlen(c->text));
  ck_assert_msg(got == c->want, "width('%s') = %zu, want %zu", c->text, got,
                c->want);
  size_t chars = 99;
  ck_assert_uint_eq(gw_zh_measure(c->text, strlen(c->text), &chars), c->want);
  ck_assert_uint_eq(chars, gw_zh_count_chars(c->text, strlen(c->text)));
}
END_TEST

/* ------------------------------------------------------------------ */
/* gw_zh_fold                                                           */
/* ------------------------------------------------------------------ */

static const str_case fold_cases[] = {
    {"县 教育局", "县教育局"},
    {"县教育局", "县教育局"},
    {"县\u3000教育局", "县教育局"},
    {"ＡＢＣ", "abc"},
    {"ABC def", "abcdef"},
    {"Straße", "strasse"},
    {"\t a\n", "a"},
    {"①", "1"},
    {"e\u0301", "\u00e9"},
    {"", ""},
};

START_TEST(test_fold)
{
  const str_case *c = &fold_cases[_i];
  char *got = gw_zh_fold(c->in, strlen(c->in));
  ck_assert_ptr_nonnull(got);
  ck_assert_msg(strcmp(got, c->want) == 0, "fold('%s') = '%s', want '%s'",
                c->in, got, c->want);
  free(got);
}
END_TEST

START_TEST(test_fold_equal)
{
  char *a = gw_zh_fold("县 教育局", strlen("县 教育局"));
  char *b = gw_zh_fold("县教育局", strlen("县教育局"));
  ck_assert_str_eq(a, b);
  free(a);
  free(b);
}
END_TEST

/* ------------------------------------------------------------------ */
/* gw_zh_distance                                                       */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *a, *b;
  size_t want;
} dist_case;

static const dist_case dist_cases[] = {
    {"", "", 0},
    {"abc", "", 3},
    {"", "公文", 2},
    {"kitten", "sitting", 3},
    {"sitting", "kitten", 3},
    {"公文", "公文", 0},
    {"教育局", "教育厅", 1},
    {"县教育局", "教育局", 1},
    {"flaw", "lawn", 2},
    {"“a”", "\"a\"", 2},
    {"abc", "abc", 0},
    {"ab", "ba", 2},
};

START_TEST(test_numeral_value)
{
  static const struct { const char *text; int want; } cases[] = {
      {"一", 1}, {"九", 9}, {"十", 10}, {"十一", 11}, {"二十", 20}, {"二十三", 23},
      {"九十九", 99}, {"一百", 100}, {"一百零一", 101}, {"一百二十", 120}, {"12", 12},
      {"〇", 0}, {"甲", -1}, {"一a", -1}, {"", -1}, {"二〇二四", 2024}, {"一九九八", 1998},
      {"二〇", 20}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    ck_assert_msg(gw_zh_numeral_value(cases[i].text, strlen(cases[i].text)) == cases[i].want,
                  "value of '%s'", cases[i].text);
}
END_TEST


/* Brackets and quotes without partners: where, which, and the same
 * whether or not the text ends in a NUL at len (the fast path). */
typedef struct {
  char seen[256];
  size_t n;
} unpaired_log;

static int log_unpaired(const gw_zh_unpaired *u, void *ctx)
{
  unpaired_log *log = ctx;
  char mark[48], partner[48];
  gw_zh_unpaired_names(u, mark, sizeof mark, partner, sizeof partner);
  log->n += (size_t)snprintf(log->seen + log->n, sizeof log->seen - log->n, "%zu:%s/%s;", u->at,
                             mark, partner);
  return 0;
}

START_TEST(test_each_unpaired)
{
  static const struct {
    const char *text, *want;
  } cases[] = {
      {"甲（乙）丙", ""},
      {"甲（乙丙", "3:左括号（/右括号）;"},
      {"甲）乙", "3:右括号）/左括号（;"},
      {"“我们将持续打造品牌。", ""}, /* may open a quotation of several paragraphs */
      {"don’t 《甲》", ""},
      {"以‘百日行动’为", ""},
      {"（一）甲", ""},
      {"《甲（乙》", "6:左括号（/右括号）;"},
      {"(a) [b", "4:左方括号[/右方括号］;"},
      {"主要做法有：1）建立台账；2）定期调度。", ""},
      {"“第一，要提高站位。", ""},
      {"他说：“第一，要提高站位。", "9:左引号“/右引号”;"},
      {"甲）乙", "3:右括号）/左括号（;"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const char *t = cases[i].text;
    unpaired_log a = {"", 0}, b = {"", 0};
    gw_zh_each_unpaired(t, strlen(t), 0, log_unpaired, &a);
    char longer[64];
    snprintf(longer, sizeof longer, "%s（", t); /* not a NUL at len: the slow path */
    gw_zh_each_unpaired(longer, strlen(t), 0, log_unpaired, &b);
    ck_assert_msg(strcmp(a.seen, cases[i].want) == 0, "'%s': got '%s'", t, a.seen);
    ck_assert_msg(strcmp(b.seen, cases[i].want) == 0, "'%s' (slow): got '%s'", t, b.seen);
  }
  /* a 1） marker's bracket is passed over */
  unpaired_log m = {"", 0};
  const char *item = "1）完成调研。";
  gw_zh_each_unpaired(item, strlen(item), gw_zh_paren_marker_len(item, strlen(item)), log_unpaired, &m);
  ck_assert_str_eq(m.seen, "");
}
END_TEST

START_TEST(test_abbreviates)
{
  ck_assert(gw_zh_abbreviates("县发改局", "县发展改革局"));
  ck_assert(gw_zh_abbreviates("市发改局", "市发展和改革局"));
  ck_assert(!gw_zh_abbreviates("县发改委", "县发展改革局")); /* the last differs */
  ck_assert(!gw_zh_abbreviates("市发改局", "县发展改革局")); /* the first differs */
  ck_assert(!gw_zh_abbreviates("县财政局", "县财政局"));     /* not shorter */
  ck_assert(!gw_zh_abbreviates("局", "县财政局"));
  ck_assert(!gw_zh_abbreviates("", "县财政局"));
  /* the short form ends with the head of the last word */
  ck_assert(gw_zh_abbreviates("区残联", "区残疾人联合会"));
  ck_assert(gw_zh_abbreviates("县委编办", "县委机构编制委员会办公室"));
  ck_assert(gw_zh_abbreviates("县科协", "县科学技术协会"));
  ck_assert(!gw_zh_abbreviates("区残办", "区残疾人联合会"));
}
END_TEST

START_TEST(test_distance)
{
  const dist_case *c = &dist_cases[_i];
  size_t got = gw_zh_distance(c->a, c->b);
  ck_assert_msg(got == c->want, "distance('%s','%s') = %zu, want %zu", c->a,
                c->b, got, c->want);
}
END_TEST

/* ------------------------------------------------------------------ */

/* Each test frees the cached ICU formatters when it ends, so that a
 * forked test process (Check's default) exits without leaks too. */
static void teardown(void) { gw_zh_cleanup(); }

Suite *zh_suite(void)
{
  Suite *s = suite_create("zh");
  TCase *tc;

  tc = tcase_create("validate");
  tcase_add_loop_test(tc, test_validate, 0, (int)N_ELEMS(validate_cases));
  tcase_add_test(tc, test_validate_null_outputs);
  tcase_add_loop_test(tc, test_count, 0, (int)N_ELEMS(count_cases));
  tcase_add_checked_fixture(tc, NULL, teardown);
  suite_add_tcase(s, tc);

  tc = tcase_create("slots");
  tcase_add_loop_test(tc, test_slot_runs, 0, (int)N_ELEMS(slot_cases));
  tcase_add_test(tc, test_slot_runs_stop);
  tcase_add_test(tc, test_slot_runs_invalid_utf8);
  tcase_add_test(tc, test_slot_runs_xml_clean);
  tcase_add_checked_fixture(tc, NULL, teardown);
  suite_add_tcase(s, tc);

  tc = tcase_create("normalize");
  tcase_set_timeout(tc, 30);
  tcase_add_loop_test(tc, test_normalize, 0, (int)N_ELEMS(normalize_cases));
  tcase_add_loop_test(tc, test_normalize_idempotent, 0,
                      (int)N_ELEMS(normalize_cases));
  tcase_add_test(tc, test_normalize_len_and_invalid);
  tcase_add_test(tc, test_normalize_long_linear);
  tcase_add_checked_fixture(tc, NULL, teardown);
  suite_add_tcase(s, tc);

  tc = tcase_create("numbers_dates");
  tcase_add_loop_test(tc, test_numeral, 0, (int)N_ELEMS(numeral_cases));
  tcase_add_loop_test(tc, test_date, 0, (int)N_ELEMS(date_cases));
  tcase_add_test(tc, test_date_invalid_formats_plainly);
  tcase_add_test(tc, test_date_matches_icu);
  tcase_add_test(tc, test_normalize_fast_path_agrees_with_rules);
  tcase_add_test(tc, test_normalize_fast_paths_equal_rules);
  tcase_add_test(tc, test_numbered_paragraphs_stay);
  tcase_add_test(tc, test_cleanup_and_reuse);
  tcase_add_checked_fixture(tc, NULL, teardown);
  suite_add_tcase(s, tc);

  tc = tcase_create("width_fold_distance");
  tcase_add_loop_test(tc, test_width, 0, (int)N_ELEMS(width_cases));
  tcase_add_loop_test(tc, test_fold, 0, (int)N_ELEMS(fold_cases));
  tcase_add_test(tc, test_fold_equal);
  tcase_add_loop_test(tc, test_distance, 0, (int)N_ELEMS(dist_cases));
  tcase_add_test(tc, test_abbreviates);
  tcase_add_test(tc, test_numeral_value);
  tcase_add_test(tc, test_each_unpaired);
  tcase_add_test(tc, test_find_emoji);
  tcase_add_checked_fixture(tc, NULL, teardown);
  suite_add_tcase(s, tc);

  return s;
}
