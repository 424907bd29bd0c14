/* division_body.c - the body of a 责任分工 source, in its three forms
 * (mixed freely):
 *   list form   1. measure  +  nested "- 牵头单位：县委组织部" fields
 *   table form  a GFM pipe table whose header names are columns
 *   prose form  ……有机结合。（县委组织部牵头，团县委、县人社局配合）
 * `##` headings are categories. Blocks before the first category (or,
 * without categories, before the first item; or before a table of
 * items that comes first) are the preamble; blocks after the last item
 * follow the table. */
#include "division.h"
#include "kinds.h"
#include "zh.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

/* ---- Text helpers. Separators and role words are whole UTF-8
 * sequences compared as bytes; no character is decoded here. ---- */

static bool has_prefix(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool has_suffix(const char *s, size_t len, const char *suffix) {
  size_t n = strlen(suffix);
  return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

/* Length of the separator at s, or 0. */
static size_t separator_at(const char *s, const char *const *seps) {
  for (int i = 0; seps[i]; i++)
    if (s[0] == seps[i][0] && has_prefix(s, seps[i])) /* first byte: cheap reject */
      return strlen(seps[i]);
  return 0;
}

size_t dv_widest_unit(const char *text, size_t len) {
  size_t pos = 0, a, z, widest = 0, prev = 0;
  bool have_prev = false;
  while (gw_build_next_name(text, len, &pos, &a, &z)) {
    /* a name and the 、 after it stay on one line */
    if (have_prev && prev + 2 > widest)
      widest = prev + 2;
    prev = gw_zh_display_width(text + a, z - a);
    have_prev = true;
  }
  return have_prev && prev > widest ? prev : widest;
}

bool dv_is_collective(const char *name) {
  size_t len = strlen(name);
  /* 市安委会各成员单位, 县委各部门: each body of a group */
  bool each = strstr(name, "各") &&
              (has_suffix(name, len, "单位") || has_suffix(name, len, "部门"));
  return has_prefix(name, "各") || strstr(name, "有关") || strstr(name, "相关") ||
         strstr(name, "其他") || strstr(name, "直各") || /* 县直各部门, 市直各单位 */
         strstr(name, "各部门") || strstr(name, "各单位") || strstr(name, "成员单位") || each;
}

size_t dv_number_prefix(const char *text) {
  const char *p = text;
  bool paren = has_prefix(p, "（");
  if (paren)
    p += strlen("（");
  size_t digits = strspn(p, "0123456789");
  if (!digits)
    return 0;
  p += digits;
  static const char *const ends[] = {".", "．", "、", NULL};
  static const char *const paren_ends[] = {"）", NULL};
  size_t n = separator_at(p, paren ? paren_ends : ends);
  if (!n)
    return 0;
  p += n;
  while (*p == ' ')
    p++;
  return (size_t)(p - text);
}

/* ---- Prose form: the parentheses that end an item. ---- */

static const char *const lead_words[] = {"牵头抓落实", "牵头组织实施", "牵头落实", "牵头负责",
                                         "分别牵头", "共同牵头", "联合牵头", "牵头", NULL};
static const char *const share_words[] = {"配合", "参与", "协助", "协同", "协办", "落实", "实施", NULL};
/* 负责 alone names the responsible unit; after a 牵头 clause it shares. */
static const char *const duty_words[] = {"负责组织实施", "负责落实", "负责", NULL};
/* Said of a group's share: 各有关部门按职责分工负责. */
static const char *const duty_qualifiers[] = {"按职责分工", "按职责", "分别", "共同", NULL};
static const char *const standing_deadlines[] = {"持续推进", "长期坚持", "长期推进",
                                                 "常态化推进", NULL};

/* The role word that ends s[0..len), or NULL. */
static const char *ending_word(const char *s, size_t len, const char *const *words) {
  for (int i = 0; words[i]; i++)
    if (has_suffix(s, len, words[i]))
      return words[i];
  return NULL;
}

static bool is_deadline(const char *s, size_t len) {
  for (int i = 0; standing_deadlines[i]; i++)
    if (len == strlen(standing_deadlines[i]) && memcmp(s, standing_deadlines[i], len) == 0)
      return true;
  bool digit = false;
  for (size_t i = 0; i < len && !digit; i++)
    digit = s[i] >= '0' && s[i] <= '9';
  char *copy = strndup(s, len);
  bool dated = copy && (strstr(copy, "年") || strstr(copy, "月"));
  /* 2024/11/30前, 2024.11.30, 2024-11-30: a date written in figures */
  static const char *const figures[] = {"%4d/%2d/%2d", "%4d.%2d.%2d", "%4d-%2d-%2d", NULL};
  for (int i = 0; copy && !dated && figures[i]; i++) {
    int y = 0, m = 0, d = 0;
    dated = sscanf(copy, figures[i], &y, &m, &d) == 3 && y > 1900 && m >= 1 && m <= 12;
  }
  /* dates without a number: 年底前完成, 上半年, 每季度 */
  static const char *const relative[] = {"年底", "年内", "月底", "季度", "上半年", "下半年",
                                         "每年", "每月", "前完成", "每半年", "每学期", "学期",
                                         "每周", "每旬", "每日", "每天", "即日起", "立即",
                                         "长期", "持续", "常态化", "按时序", "年度", "全年",
                                         "年初", "年中", "年末", "适时", "及时", "定期", "随时",
                                         "根据上级", "按上级", "按照上级", "按要求", NULL};
  bool relative_date = false;
  for (int i = 0; copy && relative[i] && !relative_date; i++)
    relative_date = strstr(copy, relative[i]) != NULL;
  /* a frequency: 每两个月一次, 每学期 */
  relative_date = relative_date || (copy && has_prefix(copy, "每"));
  free(copy);
  return (digit && dated) || relative_date;
}

static const char *const lead_labels[] = {"牵头单位", "牵头部门", "主责单位", NULL};
static const char *const share_labels[] = {"责任单位", "配合单位", "责任部门", "配合部门",
                                           "参与单位", "协办单位", NULL};
static const char *const deadline_labels[] = {"完成时限", "完成时间", "时间要求", "时限", NULL};

/* Does a label with its colon (责任单位：) start at s? */
static bool label_at(const char *s) {
  const char *const *groups[] = {lead_labels, share_labels, deadline_labels};
  for (size_t g = 0; g < 3; g++)
    for (int i = 0; groups[g][i]; i++)
      if (has_prefix(s, groups[g][i]) &&
          separator_at(s + strlen(groups[g][i]), (const char *const[]){"：", ":", NULL}))
        return true;
  return false;
}

/* Spaces before a label part two clauses as a comma would: （牵头单位：
 * A　责任单位：B　完成时限：C）, typed with full-width spaces. Their
 * length, or 0. */
static size_t spaces_before_label(const char *s) {
  size_t n = 0;
  while (s[n] == ' ' || has_prefix(s + n, "\u3000"))
    n += s[n] == ' ' ? 1 : strlen("\u3000");
  return n && label_at(s + n) ? n : 0;
}

static void join_into(gw_arena *arena, const char **dst, const char *s, size_t len) {
  const char *part = gw_arena_strndup(arena, s, len);
  *dst = *dst ? gw_arena_printf(arena, "%s、%s", *dst, part) : part;
}

/* One clause of the parentheses: A、B牵头 | C配合 | D负责 | 2021年底前. */
static bool read_clause(gw_arena *arena, const char *s, size_t len, dv_prose *out,
                        const char **duty) {
  const char *w;
  if ((w = ending_word(s, len, lead_words)) && len > strlen(w)) {
    join_into(arena, &out->lead, s, len - strlen(w));
    return true;
  }
  /* 负责 before the share words: 县委组织部负责落实 is a duty, not a
   * share of 县委组织部负责 */
  if ((w = ending_word(s, len, duty_words)) && len > strlen(w)) {
    size_t n = len - strlen(w);
    const char *q;
    while ((q = ending_word(s, n, duty_qualifiers)) && n > strlen(q))
      n -= strlen(q);
    /* 县公安局会同县财政局负责: the first leads, the one it acts with shares */
    const char *with = NULL;
    for (size_t k = 1; k + strlen("会同") < n && !with; k++)
      if (memcmp(s + k, "会同", strlen("会同")) == 0)
        with = s + k;
    if (with) {
      size_t before = (size_t)(with - s), after = before + strlen("会同");
      join_into(arena, &out->lead, s, before);
      join_into(arena, &out->share, s + after, n - after);
      return true;
    }
    join_into(arena, duty, s, n);
    return true;
  }
  if ((w = ending_word(s, len, share_words)) && len > strlen(w)) {
    size_t n = len - strlen(w);
    const char *q;
    while ((q = ending_word(s, n, duty_qualifiers)) && n > strlen(q))
      n -= strlen(q); /* 有关部门按职责落实 */
    if (n > strlen("由") && strncmp(s, "由", strlen("由")) == 0) {
      s += strlen("由"); /* 由有关部门落实 */
      n -= strlen("由");
    }
    /* 落实 and 实施 end other phrases too (牵头组织落实, 抓落实): then the
     * clause is left unread, and said so */
    bool doing = strcmp(w, "落实") == 0 || strcmp(w, "实施") == 0;
    static const char *const inner[] = {"牵头", "负责", NULL}, *const tails[] = {"组织", "抓", "具体", NULL};
    char *part = doing ? strndup(s, n) : NULL;
    bool role = false;
    for (int i = 0; part && inner[i]; i++)
      role = role || strstr(part, inner[i]);
    if (part && ending_word(part, n, tails))
      role = true;
    free(part);
    if (role)
      return false;
    join_into(arena, &out->share, s, n);
    return true;
  }
  /* （牵头单位：A；责任单位：B；完成时限：C）: labelled clauses */
  for (int k = 0; k < 2; k++) {
    const char *const *labels = k == 0 ? lead_labels : share_labels;
    for (int i = 0; labels[i]; i++) {
      size_t n = strlen(labels[i]);
      size_t colon = len > n ? separator_at(s + n, (const char *const[]){"：", ":", NULL}) : 0;
      if (len > n + colon && memcmp(s, labels[i], n) == 0 && colon) {
        size_t a = n + colon;
        while (a < len && s[a] == ' ')
          a++;
        join_into(arena, k == 0 ? &out->lead : &out->share, s + a, len - a);
        return true;
      }
    }
  }
  /* （县民政局负责；完成时限：2022年6月底前）: the label names the
   * column the date goes to, it is not part of the date */
  for (int i = 0; deadline_labels[i]; i++) {
    size_t n = strlen(deadline_labels[i]);
    if (len > n && memcmp(s, deadline_labels[i], n) == 0) {
      size_t colon = separator_at(s + n, (const char *const[]){"：", ":", NULL});
      if (colon) {
        s += n + colon;
        len -= n + colon;
        while (len && *s == ' ')
          s++, len--;
        break;
      }
    }
  }
  if (is_deadline(s, len)) {
    /* 2022年6月底前完成，长期坚持: every clause of the deadline is kept */
    const char *d = gw_arena_strndup(arena, s, len);
    out->deadline = out->deadline ? gw_arena_printf(arena, "%s，%s", out->deadline, d) : d;
    return true;
  }
  return false;
}

/* The （ that the ） at `close` closes, nested pairs skipped (各乡（镇）人民
 * 政府牵头 inside the note), or -1. Scans forward: the opens still
 * unclosed form a stack. */
static long last_open_paren(const char *text, size_t close) {
  size_t cap = 16, n = 0;
  size_t *open = gw_xmalloc(cap * sizeof *open);
  for (size_t i = 0; i < close;) {
    if (strncmp(text + i, "（", 3) == 0) {
      if (n == cap) {
        cap *= 2;
        open = gw_xrealloc(open, cap * sizeof *open);
      }
      open[n++] = i;
      i += 3;
    } else if (strncmp(text + i, "）", 3) == 0) {
      if (n)
        n--;
      i += 3;
    } else {
      i++;
    }
  }
  long at = n ? (long)open[n - 1] : -1;
  free(open);
  return at;
}

/* The bracket an item's text ends with (past a closing 。 ； or
 * spaces): its （ at the return value and its ） at *close; -1 when the
 * text ends otherwise. */
static long final_bracket(const char *text, size_t *close) {
  static const char *const trailing[] = {"。", "；", ";", " ", NULL};
  size_t end = strlen(text);
  for (const char *w; (w = ending_word(text, end, trailing));)
    end -= strlen(w);
  if (!has_suffix(text, end, "）"))
    return -1;
  *close = end - strlen("）");
  return last_open_paren(text, *close);
}

static bool names_units_only(gw_arena *arena, const char *s, size_t len);

/* Is text[from, to) a clause giving only a deadline (2024年12月底前,
 * 完成时限：…)? */
static bool deadline_clause(gw_arena *arena, const char *text, size_t from, size_t to) {
  gw_build_trim(text, &from, &to);
  dv_prose probe;
  memset(&probe, 0, sizeof probe);
  const char *duty = NULL;
  return to > from && read_clause(arena, text + from, to - from, &probe, &duty) &&
         probe.deadline && !probe.lead && !probe.share && !duty;
}

/* 推进集团化办学。　牵头单位：县教育局　责任单位：县财政局　完成时限：…:
 * labelled clauses after the measure with no bracket, after spaces or
 * right after its full stop, as a Word table turned into text leaves
 * them. Where the measure ends (*cut), the clauses begin (*begin) and
 * end (*end); false when there are none. */
static bool inline_labels(const char *text, size_t *cut, size_t *begin, size_t *end) {
  size_t len = strlen(text);
  for (size_t i = 1; i < len; i++) {
    size_t sp = spaces_before_label(text + i);
    bool after_stop = has_suffix(text, i, "。") || has_suffix(text, i, "；");
    if (!sp && !(after_stop && label_at(text + i)))
      continue;
    *cut = i;
    *begin = i + sp;
    while (len > *begin && (has_suffix(text, len, "。") || has_suffix(text, len, "；") ||
                            text[len - 1] == ' '))
      len -= text[len - 1] == ' ' ? 1 : strlen("。");
    *end = len;
    return true;
  }
  return false;
}

/* The clauses of text[begin, close) into `out`; the measure ends at
 * `cut`. */
static bool read_clauses(gw_arena *arena, const char *text, size_t cut, size_t begin,
                         size_t close, dv_prose *out);

bool dv_parse_prose(gw_arena *arena, const char *text, dv_prose *out) {
  size_t close, begin, cut;
  long open = final_bracket(text, &close);
  if (open >= 0 &&
      read_clauses(arena, text, (size_t)open, (size_t)open + strlen("（"), close, out))
    return true;
  /* labels inline, the last of them perhaps ending in a unit's bracket
   * (…牵头单位：县自然资源局（县林业局）) */
  return inline_labels(text, &cut, &begin, &close) &&
         read_clauses(arena, text, cut, begin, close, out);
}

static bool read_clauses(gw_arena *arena, const char *text, size_t cut, size_t begin,
                         size_t close, dv_prose *out) {
  memset(out, 0, sizeof *out);
  static const char *const clause_separators[] = {"，", ",", "；", ";", NULL};
  const char *duty = NULL;
  size_t names_end = begin, clause = begin; /* unit names run on to names_end */
  for (size_t i = begin; i <= close;) {
    size_t sep = i < close ? separator_at(text + i, clause_separators) : 1;
    if (!sep && i < close)
      sep = spaces_before_label(text + i);
    if (!sep) {
      i++;
      continue;
    }
    size_t a = begin, z = i;
    gw_build_trim(text, &a, &z);
    /* （甲牵头，乙，丙，2024年底前）: names ran on and a date follows with
     * no 配合 between: the names share the work, the date is the date */
    if (clause > begin && deadline_clause(arena, text, clause, i)) {
      size_t na = begin, nz = names_end;
      gw_build_trim(text, &na, &nz);
      join_into(arena, &out->share, text + na, nz - na);
      a = clause;
      gw_build_trim(text, &a, &z);
    }
    bool read = z > a && read_clause(arena, text + a, z - a, out, &duty);
    /* （甲牵头，乙，丙配合）: units parted by ， as by 、 (the spec allows
     * both): a clause of unit names alone runs on into the next one */
    if (!read && i < close && z > a && names_units_only(arena, text + a, z - a)) {
      names_end = i;
      i += sep;
      clause = i;
      continue;
    }
    /* （甲牵头，乙、丙）: the names after a lead share the work */
    if (!read && i >= close && out->lead && z > a && names_units_only(arena, text + a, z - a)) {
      join_into(arena, &out->share, text + a, z - a);
      read = true;
    }
    if (!read)
      return false;
    i += sep;
    begin = clause = i;
  }
  if (duty)
    join_into(arena, out->lead ? &out->share : &out->lead, duty, strlen(duty));
  /* a lone 2022年6月底前完成 is the date 2022年6月底前 */
  size_t dl = out->deadline ? strlen(out->deadline) : 0;
  if (dl && !strstr(out->deadline, "，") && has_suffix(out->deadline, dl, "完成"))
    out->deadline = gw_arena_strndup(arena, out->deadline, dl - strlen("完成"));
  out->cut = cut;
  return out->lead || out->share;
}

/* ---- Prose form: a bare list of units, （宣传中心、省就业服务中心）. ---- */

/* Does `name` end as the name of a body does (局, 委员会, 中心 …), with
 * at least two characters before the ending? */
static bool looks_like_unit(const char *name) {
  static const char *const endings[] = {
      "局", "委", "办", "部", "厅", "处", "室", "科", "股", "中心", "院", "校", "会", "站",
      "所", "队", "团", "馆", "社", "政府", "单位", "部门", "公司", "集团", "支队", "大队",
      "联", "协", NULL}; /* 市残联, 县妇联, 市科协 */
  size_t len = strlen(name);
  for (int i = 0; endings[i]; i++)
    if (has_suffix(name, len, endings[i]) &&
        gw_zh_count_chars(name, len - strlen(endings[i])) >= 2)
      return true;
  return false;
}

/* Does `name` open a note rather than name a body (含乡镇便民服务中心,
 * 以下简称县执法局, 包括…)? */
static bool opens_note(const char *name) {
  static const char *const openers[] = {"含", "包括", "包含", "不含", "以下简称", "简称", "即",
                                        "如", "例如", "见", "详见", "参见", "其中", "除", "注",
                                        NULL};
  for (int i = 0; openers[i]; i++)
    if (has_prefix(name, openers[i]))
      return true;
  return false;
}

/* Is s[0..len) nothing but unit names parted by 、 (市财政局、市生态环境局,
 * 各乡镇（街道）), each shaped like one and none opening a note? */
static bool names_units_only(gw_arena *arena, const char *s, size_t len) {
  const char **names;
  size_t *starts;
  size_t n = gw_build_split_names(arena, gw_arena_strndup(arena, s, len), &names, &starts);
  for (size_t i = 0; i < n; i++)
    if (opens_note(names[i]) || !(looks_like_unit(names[i]) || dv_is_collective(names[i])))
      return false;
  return n > 0;
}

/* ……“明白卡”。（宣传中心、省公共就业服务中心）: a bracket ending the item
 * that holds nothing but unit names names the responsible units, the
 * first leading. Each must be shaped like a unit's name (or be listed,
 * or a group), none may open a note (含…, 以下简称…), and with units:
 * declared one at least must be listed: （村民服务中心） in a task is a
 * place, while a typo beside a listed name is still reported. */
static bool parse_bare_units(gw_build *b, const dv_plan *p, const char *text, dv_prose *out) {
  memset(out, 0, sizeof *out);
  size_t close;
  long open = final_bracket(text, &close);
  if (open < 0)
    return false;
  size_t from = (size_t)open + strlen("（");
  const char *inside = gw_arena_strndup(b->arena, text + from, close - from);
  const char **names;
  size_t *starts;
  size_t n = gw_build_split_names(b->arena, inside, &names, &starts);
  bool declared = p->known.count > 0;
  size_t known = 0;
  for (size_t i = 0; i < n; i++) {
    bool listed = declared && (dv_is_collective(names[i]) || dv_unit_listed(b, p, names[i]));
    known += listed;
    if (opens_note(names[i]) || !(listed || looks_like_unit(names[i]) || dv_is_collective(names[i])))
      return false;
  }
  if (n == 0 || (declared && !known))
    return false;
  out->lead = names[0];
  out->share = n > 1 ? gw_arena_strdup(b->arena, inside + starts[1]) : NULL;
  out->lead_by_order = true;
  out->cut = (size_t)open;
  return true;
}

/* ---- Columns. ---- */

int dv_column_named(const dv_plan *p, const char *name) {
  for (size_t i = 0; i < p->ncols; i++) /* the usual case: written as declared */
    if (strcmp(p->columns[i], name) == 0)
      return (int)i;
  char *want = gw_zh_fold(name, strlen(name));
  int found = -1;
  for (size_t i = 0; i < p->ncols && found < 0; i++) {
    char *have = gw_zh_fold(p->columns[i], strlen(p->columns[i]));
    if (want && have && strcmp(want, have) == 0)
      found = (int)i;
    free(have);
  }
  free(want);
  return found;
}

/* Names plans give the same column; the first of a group is gwdoc's
 * default. Offices write 牵头部门, 配合单位, 重点任务, 时间要求 …: the
 * suggestion should name the column they mean, not the nearest string. */
static const char *const column_synonyms[][20] = {
    {"牵头单位", "牵头部门", "主责单位", "主责部门", "牵头", "牵头科室", "牵头处室", "牵头股室",
     NULL},
    {"责任单位", "配合单位", "配合部门", "责任部门", "参与单位", "协办单位", "协同单位",
     "协助单位", "配合科室", "责任科室", "配合处室", "责任处室", "配合股室", "责任股室",
     "责任主体", "配合", "协助", "参与", NULL},
    {"改革举措", "重点任务", "工作任务", "主要任务", "具体任务", "工作措施", "具体措施",
     "任务内容", "工作内容", "主要内容", "改革任务", "重点工作", "工作重点", "项目内容",
     "工作事项", NULL},
    {"完成时限", "完成时间", "时间要求", "时限要求", "时限", "完成期限", "时间节点", NULL},
    {"序号", "编号", NULL},
};

/* How many declared columns share a synonym group with `name`; the
 * first of them in *first. */
static int synonym_columns(const dv_plan *p, const char *name, int *first) {
  int count = 0;
  for (size_t g = 0; g < sizeof column_synonyms / sizeof column_synonyms[0]; g++) {
    bool in_group = false;
    for (int k = 0; column_synonyms[g][k] && !in_group; k++)
      in_group = strcmp(column_synonyms[g][k], name) == 0;
    for (size_t i = 0; in_group && i < p->ncols; i++)
      for (int k = 0; column_synonyms[g][k]; k++)
        if (strcmp(column_synonyms[g][k], p->columns[i]) == 0 && count++ == 0)
          *first = (int)i;
  }
  return count;
}

/* The declared column in the same synonym group as `name`, or NULL. */
static const char *synonym_column(const dv_plan *p, const char *name) {
  int first;
  return synonym_columns(p, name, &first) ? p->columns[first] : NULL;
}

/* The one declared column in the same synonym group as `name` (a second
 * table writing 完成时限 where the first wrote 完成时间), or -1 when
 * there is none or more than one (重点任务 and 具体措施 both). */
static int synonym_column_index(const dv_plan *p, const char *name) {
  int first;
  return synonym_columns(p, name, &first) == 1 ? first : -1;
}

/* All declared columns, joined with 、 (for messages). */
static const char *column_list(gw_build *b, const dv_plan *p) {
  const char *all = NULL;
  for (size_t i = 0; i < p->ncols; i++)
    join_into(b->arena, &all, p->columns[i], strlen(p->columns[i]));
  return all ? all : "";
}

/* The role a column name speaks of, by its words (牵头科室, 协助单位,
 * 时间节点): what dv_plan_columns reads the columns by. */
typedef enum { MEANS_NOTHING, MEANS_SEQ, MEANS_LEAD, MEANS_SHARE, MEANS_DEADLINE } column_meaning;

/* 县教育局 plans name their offices 股室, 市直 ones 处室 or 科室; a
 * 责任清单 often heads its unit column 责任主体. */
static const char *const unit_words[] = {"单位", "部门", "科室", "处室", "股室", "责任主体", NULL};

static bool contains_any(const char *s, const char *const *words);

static column_meaning meaning_of(const char *name) {
  static const char *const seq[] = {"序号", "编号", NULL};
  static const char *const lead[] = {"牵头", "主责", "主办", NULL};
  static const char *const share[] = {"配合", "协助", "协办", "参与", "责任", NULL};
  static const char *const deadline[] = {"时限", "时间", "期限", NULL};
  if (contains_any(name, seq))
    return MEANS_SEQ;
  if (contains_any(name, lead))
    return MEANS_LEAD;
  if (contains_any(name, share) || contains_any(name, unit_words))
    return MEANS_SHARE;
  return contains_any(name, deadline) ? MEANS_DEADLINE : MEANS_NOTHING;
}

/* The column `name` stands for: a declared name, or the one declared
 * column of its synonym group (a field or a header written 完成时间
 * where the plan says 时间节点); -1 when none or several may be meant. */
static int column_meant(const dv_plan *p, const char *name) {
  int col = dv_column_named(p, name);
  return col >= 0 ? col : synonym_column_index(p, name);
}

/* The declared column doing what `name` says by its words (主办科室: the
 * lead), for suggestions only: a guess, not a reading. -1 when none. */
static int column_of_meaning(const dv_plan *p, const char *name) {
  switch (meaning_of(name)) {
  case MEANS_SEQ:
    return p->seq_col;
  case MEANS_LEAD:
    return p->lead_col;
  case MEANS_SHARE:
    return p->share_col;
  case MEANS_DEADLINE:
    return p->deadline_col;
  default:
    return -1;
  }
}

/* The column name nearest to `name`, for "did you mean": the column it
 * means, else one a slip or two away; NULL when no column is near (an
 * unrelated column is no help). */
static const char *nearest_column(const dv_plan *p, const char *name) {
  int meant = column_meant(p, name);
  if (meant < 0)
    meant = column_of_meaning(p, name);
  if (meant >= 0)
    return p->columns[meant];
  const char *synonym = synonym_column(p, name);
  if (synonym)
    return synonym;
  const char *best = NULL;
  size_t best_d = (size_t)-1, limit = gw_zh_count_chars(name, strlen(name)) / 2;
  for (size_t i = 0; i < p->ncols; i++) {
    size_t d = gw_zh_distance(p->columns[i], name);
    if (d < best_d && d <= limit) {
      best_d = d;
      best = p->columns[i];
    }
  }
  return best;
}

/* "：是不是“X”？" when a column is near, else nothing. */
static const char *did_you_mean(gw_build *b, const dv_plan *p, const char *name) {
  const char *near = nearest_column(p, name);
  return near ? gw_arena_printf(b->arena, "：是不是“%s”？", near) : "。";
}

static bool contains_any(const char *s, const char *const *words) {
  for (int i = 0; words[i]; i++)
    if (strstr(s, words[i]))
      return true;
  return false;
}

/* A column name without the spaces Word puts between its characters
 * (序　号, 牵 头 单 位). */
static const char *without_spaces(gw_arena *arena, const char *s, size_t len) {
  char *out = gw_arena_alloc(arena, len + 1);
  size_t k = 0;
  for (size_t i = 0; i < len;) {
    if (s[i] == ' ' || s[i] == '\t')
      i++;
    else if (len - i >= 3 && memcmp(s + i, "\u3000", 3) == 0)
      i += 3;
    else
      out[k++] = s[i++];
  }
  out[k] = '\0';
  return out;
}

/* Is a header a plan's: a unit column and a column for the task? (A
 * table of figures in the preamble, 指标 | 目标值, is not.) */
static bool looks_like_plan(const char **names, size_t n) {
  bool unit = false, task = false;
  for (size_t i = 0; i < n; i++) {
    /* a row of tasks is no header: 1 | 开展“安全生产月”活动… | 县直各有关部门 */
    size_t len = strlen(names[i]), digits = strspn(names[i], "0123456789");
    if ((len && digits == len) || gw_zh_count_chars(names[i], len) > 10)
      return false;
    bool is_unit = contains_any(names[i], unit_words);
    unit = unit || is_unit;
    task = task || (!is_unit && !strstr(names[i], "序号") && !strstr(names[i], "时限") &&
                    !strstr(names[i], "时间") && !strstr(names[i], "期限"));
  }
  return unit && task;
}

bool dv_tab_header_line(gw_arena *arena, const char *line, size_t len) {
  size_t n = 1;
  for (size_t i = 0; i < len; i++)
    n += line[i] == '\t';
  const char **names = gw_arena_alloc(arena, n * sizeof *names);
  n = 0;
  for (size_t from = 0; from <= len;) {
    const char *tab = memchr(line + from, '\t', len - from);
    size_t to = tab ? (size_t)(tab - line) : len;
    names[n++] = without_spaces(arena, line + from, to - from);
    from = to + 1;
  }
  while (n > 1 && !names[n - 1][0])
    n--; /* a tab after the last cell is no extra cell */
  return looks_like_plan(names, n);
}

static bool is_tab_table(gw_build *b, cmark_node *para);
static const char **tab_header_names(gw_build *b, cmark_node *para, size_t *n, gw_pos *pos);
static int text_under_tab_rows(gw_build *b, cmark_node *para);

/* A line of text (starting at byte `from`) right under rows pasted from
 * a spreadsheet, with no blank line between. */
static void error_text_under_rows(gw_build *b, size_t from) {
  gw_error(b->diags, gw_source_pos_at(b->src, from),
           "制表符分隔的表格下面紧接着这一行文字：请在表格和这一行之间空一行");
}

/* The header of pipe table `t` as column names, when every cell names
 * something and the names are a plan's (looks_like_plan); else NULL. */
static const char **pipe_header_names(gw_build *b, cmark_node *t, size_t *n, gw_pos *pos) {
  cmark_node *head = cmark_node_first_child(t);
  if (!head || !gw_markdown_table_row_is_header(head))
    return NULL;
  size_t count = 0;
  for (cmark_node *c = cmark_node_first_child(head); c; c = cmark_node_next(c))
    count++;
  const char **names = gw_arena_alloc(b->arena, (count + 1) * sizeof *names);
  *n = 0;
  for (cmark_node *c = cmark_node_first_child(head); c; c = cmark_node_next(c)) {
    const char *text = gw_build_plain_text(b, c);
    size_t from = 0, to = strlen(text);
    gw_build_trim(text, &from, &to);
    if (from == to)
      return NULL; /* an unnamed column: the default columns and their message */
    names[(*n)++] = without_spaces(b->arena, text + from, to - from);
  }
  *pos = gw_build_node_pos(b, head);
  return *n >= 2 && looks_like_plan(names, *n) ? names : NULL;
}

/* Does a header name a unit's role (牵头, 责任, 配合 …) or a deadline,
 * as a plan's does and a table of contacts does not? */
static bool names_roles(const char **names, size_t n) {
  static const char *const words[] = {"牵头", "责任", "配合", "协办", "主责", "参与", "时限",
                                      "时间", "期限", NULL};
  for (size_t i = 0; i < n; i++)
    if (contains_any(names[i], words))
      return true;
  return false;
}

/* The header of the body's first table, as column names, when it is a
 * plan's: a table pasted from a spreadsheet brings its own columns (序号 |
 * 重点任务 | 具体措施 | 牵头部门 | 配合单位 | 时间要求), and a drafter who
 * has not declared columns: means those. */
static const char **table_header_names(gw_build *b, cmark_node *root, size_t *n, gw_pos *pos) {
  for (cmark_node *t = root ? cmark_node_first_child(root) : NULL; t; t = cmark_node_next(t)) {
    if (is_tab_table(b, t))
      return tab_header_names(b, t, n, pos);
    if (gw_markdown_is_table(t))
      return pipe_header_names(b, t, n, pos);
    /* items already written as a numbered list: a table after them
     * gives the columns only when they are plainly a plan's (牵头部门,
     * 时间要求), not an attachment's (附件2 单位 | 联络员 | 联系电话) */
    if (cmark_node_get_type(t) == CMARK_NODE_LIST &&
        cmark_node_get_list_type(t) == CMARK_ORDERED_LIST) {
      for (cmark_node *u = cmark_node_next(t); u; u = cmark_node_next(u))
        if (gw_markdown_is_table(u) || is_tab_table(b, u)) {
          const char **names = gw_markdown_is_table(u) ? pipe_header_names(b, u, n, pos)
                                                       : tab_header_names(b, u, n, pos);
          return names && names_roles(names, *n) ? names : NULL;
        }
      return NULL;
    }
  }
  return NULL;
}

/* Is `n` a table of tasks by its header (pasted from a spreadsheet, or
 * a pipe table whose header is a plan's)? */
static bool is_plan_table(gw_build *b, cmark_node *n) {
  size_t count;
  gw_pos pos;
  return is_tab_table(b, n) || (gw_markdown_is_table(n) && pipe_header_names(b, n, &count, &pos));
}

static bool contains_any(const char *s, const char *const *words);

/* Items are always numbered: a table without a 序号 column gets the
 * default columns' one in front. */
static const char **with_seq_column(gw_build *b, const char **names, size_t *n,
                                    const char *const *seq_words) {
  for (size_t i = 0; i < *n; i++)
    if (contains_any(names[i], seq_words))
      return names;
  size_t nd = 0;
  const char **defaults =
      gw_build_str_list(b, gw_val_path(b->config, "division.columns"), &nd);
  for (size_t i = 0; i < nd; i++)
    if (contains_any(defaults[i], seq_words)) {
      const char **all = gw_arena_alloc(b->arena, (*n + 2) * sizeof *all);
      all[0] = defaults[i];
      memcpy(all + 1, names, *n * sizeof *names);
      (*n)++;
      return all;
    }
  return names;
}

int dv_plan_columns(gw_build *b, dv_plan *p, cmark_node *root) {
  static const char *const seq_words[] = {"序号", "编号", NULL};
  static const char *const deadline_words[] = {"时限", "时间", "期限", NULL};
  const gw_val *v = gw_val_get(b->config, "columns");
  gw_pos pos = v ? v->pos : gw_build_front_pos(b);
  if (!v || v->kind == GW_VAL_NULL)
    p->columns = table_header_names(b, root, &p->ncols, &pos);
  if (p->columns)
    p->columns = with_seq_column(b, p->columns, &p->ncols, seq_words);
  if (!p->columns) {
    if (!v || v->kind == GW_VAL_NULL)
      v = gw_val_path(b->config, "division.columns");
    p->columns = gw_build_str_list(b, v, &p->ncols);
    pos = v ? v->pos : gw_build_front_pos(b);
  }
  if (p->ncols < 2) {
    gw_error(b->diags, pos,
             "columns 至少要有两列，如 [序号, 改革举措, 牵头单位, 责任单位, 完成时限]");
    return -1;
  }
  p->seq_col = p->measure_col = p->lead_col = p->share_col = p->deadline_col = -1;
  p->unit_col = gw_arena_alloc(b->arena, p->ncols * sizeof *p->unit_col);
  int failed = 0;
  for (size_t i = 0; i < p->ncols; i++) {
    const char *c = p->columns[i];
    int col = (int)i;
    if (dv_column_named(p, c) != col) {
      gw_error(b->diags, pos, "columns 里“%s”出现了两次：每一列只写一次", c);
      failed = 1;
    }
    if (contains_any(c, seq_words) && p->seq_col < 0)
      p->seq_col = col;
    else if (contains_any(c, unit_words)) {
      p->unit_col[i] = true;
      if (strstr(c, "牵头") && p->lead_col < 0)
        p->lead_col = col;
      else if (p->share_col < 0)
        p->share_col = col;
    } else if (contains_any(c, deadline_words) && p->deadline_col < 0)
      p->deadline_col = col;
    else if (p->measure_col < 0)
      p->measure_col = col;
  }
  if (p->measure_col < 0) {
    gw_error(b->diags, pos, "columns 里需要一列写任务内容，如“改革举措”或“重点任务”");
    failed = 1;
  }
  return failed ? -1 : 0;
}

/* ---- Rows. ---- */

static dv_row *add_row(gw_build *b, dv_plan *p, gw_pos pos, bool category) {
  dv_row *row = gw_arena_alloc(b->arena, sizeof *row);
  row->category = category;
  row->cells = gw_arena_alloc(b->arena, p->ncols * sizeof *row->cells);
  row->units = gw_arena_alloc(b->arena, p->ncols * sizeof *row->units);
  row->pos = pos;
  if (category)
    p->categories++;
  else
    p->items++;
  row->category_no = p->categories;
  if (p->last)
    p->last->next = row;
  else
    p->rows = row;
  p->last = row;
  return row;
}

/* The runs covering bytes [from, to) of their joined text. */
static gw_runs runs_slice(gw_build *b, const gw_runs *runs, size_t from, size_t to) {
  gw_runs out = {0};
  size_t at = 0;
  for (const gw_run *r = runs->first; r; r = r->next) {
    size_t a = from > at ? from - at : 0, z = to > at ? to - at : 0;
    if (z > r->len)
      z = r->len;
    bool inside = r->len ? a < z : (at >= from && at < to);
    if (inside) {
      gw_run *copy = gw_runs_append(b->arena, &out, r->kind, r->text + a, z - a);
      copy->bold = r->bold;
      copy->role = r->role;
    }
    at += r->len;
  }
  return out;
}

static void append_runs(gw_build *b, gw_runs *dst, const gw_runs *src) {
  if (dst->first && src->first)
    gw_runs_append(b->arena, dst, GW_RUN_BREAK, "", 0);
  for (const gw_run *r = src->first; r; r = r->next) {
    gw_run *copy = gw_runs_append(b->arena, dst, r->kind, r->text, r->len);
    copy->bold = r->bold;
    copy->role = r->role;
  }
}

/* Byte offset in the source of a node's start line and column. */
static size_t node_offset(gw_build *b, cmark_node *n, bool end) {
  int line = end ? cmark_node_get_end_line(n) : cmark_node_get_start_line(n);
  int col = end ? cmark_node_get_end_column(n) : cmark_node_get_start_column(n);
  size_t index = b->src->body_line + (size_t)(line > 0 ? line : 1) - 2;
  if (index >= b->src->line_count)
    return b->src->len;
  size_t off = b->src->line_starts[index] + (size_t)(col > 0 ? col - 1 + end : 0);
  if (end && col <= 0)
    off = index + 1 < b->src->line_count ? b->src->line_starts[index + 1] : b->src->len;
  return off < b->src->len ? off : b->src->len;
}

/* Offset of `needle` in the source within [from, to), or (size_t)-1. */
static size_t find_in_source(gw_build *b, size_t from, size_t to, const char *needle) {
  size_t n = strlen(needle);
  for (size_t i = from; n && i + n <= to; i++)
    if (memcmp(b->src->text + i, needle, n) == 0)
      return i;
  return (size_t)-1;
}

/* 市交通运输局/市林业局: a slash (/ or ／) between unit names parts them
 * as a 、 does. */
static const char *slashes_as_commas(gw_build *b, const char *text) {
  if (!strchr(text, '/') && !strstr(text, "／"))
    return text;
  gw_buf out = {0};
  for (const char *q = text; *q;) {
    size_t n = *q == '/' ? 1 : has_prefix(q, "／") ? strlen("／") : 0;
    if (n)
      gw_buf_puts(&out, "、");
    else
      gw_buf_append(&out, q, 1);
    q += n ? n : 1;
  }
  const char *s = gw_arena_strndup(b->arena, out.data, out.len);
  gw_buf_free(&out);
  return s;
}

/* Is `name` the part of a body that a 、 adds to the body named before
 * it (各乡镇党委、政府: the 党委 and the 政府 of each township)? */
static bool part_of_body(const char *name) {
  static const char *const parts[] = {"政府", "党委", "党组", "人大", "政协", "纪委", "监委", NULL};
  for (int i = 0; parts[i]; i++)
    if (strcmp(name, parts[i]) == 0)
      return true;
  return false;
}

/* 各县（市、区）党委、政府, 各乡镇党委、政府: 政府 after a 、 under a name
 * of 各… is the rest of that name, one unit; unless it is a listed unit
 * itself. (公安、交通、城管 stay three.) Joins such names in place;
 * returns their new count. */
static size_t join_short_names(gw_build *b, const dv_plan *p, const char *text, const char **names,
                               const size_t *starts, size_t n) {
  size_t kept = 0;
  for (size_t i = 0; i < n; i++) {
    bool joins = kept > 0 && gw_build_after_dunhao(text, starts[i]) && part_of_body(names[i]) &&
                 has_prefix(names[kept - 1], "各") &&
                 !(p->units_declared && dv_unit_listed(b, p, names[i]));
    if (joins)
      names[kept - 1] = gw_arena_printf(b->arena, "%s、%s", names[kept - 1], names[i]);
    else
      names[kept++] = names[i];
  }
  return kept;
}

/* Is there a space (ASCII or 　) outside brackets at s[i]? Its length. */
static size_t space_at(const char *s, size_t i, int depth) {
  if (depth > 0)
    return 0;
  return s[i] == ' ' ? 1 : has_prefix(s + i, "　") ? strlen("　") : 0;
}

/* Is text[a, z), a part between spaces, a unit's name: a listed one,
 * or three characters or more, the first a Han one (县财政局, not 牵头,
 * : or -; and 县委 组织部 typed spaced stays one)? */
static bool names_a_unit(gw_build *b, const dv_plan *p, const char *text, size_t a, size_t z) {
  const char *part = gw_arena_strndup(b->arena, text + a, z - a);
  if (p->units_declared && dv_unit_listed(b, p, part))
    return true;
  int32_t i = 0, end = (int32_t)(z - a);
  UChar32 c;
  U8_NEXT(part, i, end, c);
  return c >= 0 && gw_zh_is_han(c) && gw_zh_count_chars(part, z - a) >= 3;
}

/* The parts of `name` between its spaces outside brackets (镇财政所
 * 镇卫生院), each normalised, appended to out[*n]; when a part names no
 * unit, `name` stays whole and false is returned. */
static bool add_space_parts(gw_build *b, const dv_plan *p, const char *name, const char **out,
                            size_t *n) {
  size_t len = strlen(name), start = 0, first = *n;
  int depth = 0;
  for (size_t i = 0; i <= len;) {
    size_t sp = i < len ? space_at(name, i, depth) : 1;
    if (sp) {
      size_t a = start, z = i, out_len;
      gw_build_trim(name, &a, &z);
      if (z > a && !names_a_unit(b, p, name, a, z)) {
        *n = first;
        return false;
      }
      if (z > a)
        out[(*n)++] = gw_build_text(b, name + a, z - a, &out_len);
      start = i += sp;
      continue;
    }
    if (has_prefix(name + i, "（") || name[i] == '(')
      depth++;
    else if (depth > 0 && (has_prefix(name + i, "）") || name[i] == ')'))
      depth--;
    i++;
  }
  return true;
}

/* Units parted by spaces, as a cell pasted from Excel or a line typed
 * in Word parts them (各乡镇（街道） 县财政局): one unit each, unless the
 * whole is a unit of the `units` list. Names come normalised. */
static const char **space_parted_names(gw_build *b, const dv_plan *p, const char **names,
                                       size_t *count) {
  size_t parts = 0;
  for (size_t i = 0; i < *count; i++)
    parts += 1 + gw_zh_count_chars(names[i], strlen(names[i]));
  const char **out = gw_arena_alloc(b->arena, (parts + 1) * sizeof *out);
  size_t n = 0;
  for (size_t i = 0; i < *count; i++) {
    size_t len;
    const char *name = gw_build_text(b, names[i], strlen(names[i]), &len);
    if (!strchr(names[i], ' ') && !strstr(names[i], "　"))
      out[n++] = name;
    else if (p->units_declared && dv_unit_listed(b, p, name))
      out[n++] = name;
    else if (!add_space_parts(b, p, names[i], out, &n))
      out[n++] = name;
  }
  *count = n;
  return out;
}

/* The units of `text` into a unit column, each with the position where
 * it is written (searched in the source bytes [from, to); `at` when it
 * is not found there). */
static void set_units(gw_build *b, dv_plan *p, dv_row *row, int col, const char *text,
                      size_t from, size_t to, gw_pos at_pos) {
  if (col < 0)
    return;
  if (!p->unit_col[col]) {
    gw_runs_append(b->arena, &row->cells[col], GW_RUN_TEXT, text, strlen(text));
    return;
  }
  const char **names;
  size_t *starts;
  const char *all = slashes_as_commas(b, text);
  size_t n = gw_build_split_names(b->arena, all, &names, &starts);
  n = join_short_names(b, p, all, names, starts, n);
  names = space_parted_names(b, p, names, &n);
  dv_units *u = &row->units[col];
  dv_unit *items = gw_arena_alloc(b->arena, (u->count + n + 1) * sizeof *items);
  if (u->count)
    memcpy(items, u->items, u->count * sizeof *items);
  for (size_t i = 0; i < n; i++) {
    dv_unit *unit = &items[u->count++];
    unit->name = names[i];
    unit->collective = dv_is_collective(names[i]);
    size_t at = find_in_source(b, from, to, names[i]);
    unit->pos = at != (size_t)-1 ? gw_source_pos_at(b->src, at) : at_pos;
    if (at != (size_t)-1)
      from = at + strlen(names[i]);
  }
  u->items = items;
}

/* set_units for text written inside `node`, from byte `from` on. */
static void set_node_units(gw_build *b, dv_plan *p, dv_row *row, int col, const char *text,
                           cmark_node *node, size_t from) {
  set_units(b, p, row, col, text, from, node_offset(b, node, true), gw_build_node_pos(b, node));
}

/* Units found in prose go to the lead and share columns (the other one
 * when a column set has only one). */
static void set_prose_units(gw_build *b, dv_plan *p, dv_row *row, const dv_prose *pr,
                            cmark_node *node) {
  size_t from = node_offset(b, node, false), to = node_offset(b, node, true);
  for (size_t at; (at = find_in_source(b, from, to, "（")) != (size_t)-1;)
    from = at + strlen("（");
  int lead = p->lead_col >= 0 ? p->lead_col : p->share_col;
  int share = p->share_col >= 0 ? p->share_col : p->lead_col;
  if (pr->lead) {
    size_t before = row->units[lead].count;
    set_node_units(b, p, row, lead, pr->lead, node, from);
    /* one unit column for both: the lead comes first, marked, as in a
     * cell written 甲牵头，乙配合 */
    for (size_t i = before; pr->share && lead == share && !pr->lead_by_order &&
                            i < row->units[lead].count;
         i++)
      row->units[lead].items[i].note = "（牵头）";
  }
  if (pr->share)
    set_node_units(b, p, row, share, pr->share, node, from);
  if (pr->deadline && p->deadline_col >= 0)
    set_node_units(b, p, row, p->deadline_col, pr->deadline, node, from);
  else if (pr->deadline)
    gw_warning(b->diags, row->pos, "columns 里没有完成时限一列：“%s”已忽略", pr->deadline);
}

/* Bytes of an item's own number: 1. 1、 （1） as dv_number_prefix reads
 * them, or （一） typed before an item (its unit bracket makes it one,
 * not a sub-category): 序号 are counted, so the typed one goes. */
static size_t item_number_len(const char *text) {
  size_t n = dv_number_prefix(text);
  gw_section_number sn;
  if (!n && gw_section_number_read(text, &sn) && sn.level == 2 && sn.start == 0)
    n = sn.end;
  return n;
}

/* The measure paragraph of an item; prose parentheses are read when the
 * item has no field list. */
static void read_measure(gw_build *b, dv_plan *p, dv_row *row, cmark_node *para,
                         bool strip_number, bool try_prose) {
  gw_runs runs = {0};
  gw_build_inlines(b, para, &runs);
  char *text = gw_runs_text(b->arena, &runs);
  size_t head = strip_number ? item_number_len(text) : 0, end = strlen(text);
  /* 5.　加强…: the space Word puts after a number goes with it */
  while (head && (text[head] == ' ' || strncmp(text + head, "\u3000", 3) == 0))
    head += text[head] == ' ' ? 1 : 3;
  dv_prose pr;
  if (try_prose && (dv_parse_prose(b->arena, text + head, &pr) ||
                    parse_bare_units(b, p, text + head, &pr))) {
    end = head + pr.cut;
    set_prose_units(b, p, row, &pr, para);
  }
  gw_runs measure = runs_slice(b, &runs, head, end);
  /* 建设换电站10座（市工信局牵头）。: the full stop after the bracket ends
   * the measure (a ； there parted items of a list, not this cell's) */
  size_t len = strlen(text);
  if (end < len && has_suffix(text, len, "。") && !has_suffix(text, end, "。") &&
      !has_suffix(text, end, "；"))
    gw_runs_append(b->arena, &measure, GW_RUN_TEXT, "。", strlen("。"));
  append_runs(b, &row->cells[p->measure_col], &measure);
}

static bool read_roles(gw_build *b, dv_plan *p, dv_row *row, int col, const char *text,
                       size_t from, size_t to, gw_pos pos);

static void drop_final_mark(gw_runs *runs, const char *const *marks);

/* The colon after a field's column name, ：or :, whichever comes first
 * (NULL: none); its length in *clen. */
static const char *field_colon(const char *text, size_t *clen) {
  const char *colon = strstr(text, "："), *ascii = strchr(text, ':');
  *clen = strlen("：");
  if (!colon || (ascii && ascii < colon)) {
    colon = ascii;
    *clen = 1;
  }
  return colon;
}

/* The inlines of `node` as typed, not normalised: unit names are
 * normalised one by one (set_units), after the spaces that may part
 * them (各乡镇（街道） 县财政局) are read. */
static void typed_inlines(gw_build *b, cmark_node *node, gw_runs *runs) {
  bool normalize = b->normalize;
  b->normalize = false;
  gw_build_inlines(b, node, runs);
  b->normalize = normalize;
}

static bool is_note_column(const char *name);

/* Has the plan one column for text (改革举措), none beside it (具体措施)? */
static bool one_text_column(const dv_plan *p) {
  for (int col = 0; col < (int)p->ncols; col++)
    if (col != p->seq_col && col != p->deadline_col && col != p->measure_col &&
        !p->unit_col[col] && !is_note_column(p->columns[col]))
      return false;
  return true;
}

/* The value of a unit field as typed (typed_inlines). */
static const char *unit_field_value(gw_build *b, cmark_node *para) {
  gw_runs runs = {0};
  typed_inlines(b, para, &runs);
  char *text = gw_runs_text(b->arena, &runs);
  size_t clen;
  const char *colon = field_colon(text, &clen);
  size_t va = colon ? (size_t)(colon - text) + clen : 0, vz = strlen(text);
  gw_build_trim(text, &va, &vz);
  return gw_arena_strndup(b->arena, text + va, vz - va);
}

static int typed_number(const char *text);

/* One "列名：值" field of the item in `row`; `text_pending`: the item has
 * text of its own not yet in its cells (a list item's paragraph, placed
 * after its fields). */
static bool read_field(gw_build *b, dv_plan *p, dv_row *row, cmark_node *para,
                       bool text_pending) {
  gw_runs runs = {0};
  gw_build_inlines(b, para, &runs);
  char *text = gw_runs_text(b->arena, &runs);
  size_t clen;
  const char *colon = field_colon(text, &clen);
  if (!colon) {
    gw_error(b->diags, gw_build_node_pos(b, para),
             "任务下的列表项应写成“列名：值”，如“牵头单位：县委组织部”");
    return false;
  }
  size_t a = 0, z = (size_t)(colon - text);
  gw_build_trim(text, &a, &z);
  char *name = gw_arena_strndup(b->arena, text + a, z - a);
  int col = column_meant(p, name);
  if (col < 0) {
    gw_error(b->diags, gw_build_node_pos(b, para),
             "没有名为“%s”的列%s列有 %s（可在前置元数据里用 columns 改列名）",
             name, did_you_mean(b, p, name), column_list(b, p));
    return false;
  }
  size_t va = (size_t)(colon - text) + clen, vz = strlen(text);
  gw_build_trim(text, &va, &vz);
  if (col == p->seq_col) { /* 序号 is counted, not copied: a slip is said */
    row->typed_number = typed_number(gw_arena_strndup(b->arena, text + va, vz - va));
    return true;
  }
  if (p->unit_col[col]) {
    /* - 责任单位：县妇联牵头，各乡镇配合, read as in a cell */
    const char *value = unit_field_value(b, para);
    size_t from = node_offset(b, para, false);
    if (!read_roles(b, p, row, col, value, from, node_offset(b, para, true),
                    gw_build_node_pos(b, para)))
      set_node_units(b, p, row, col, value, para, from);
  } else {
    /* - 具体措施：①… under a measure already written: appended to it,
     * the label stays to say what follows */
    bool labelled = (row->cells[col].first || (text_pending && one_text_column(p))) &&
                    col != p->deadline_col && strcmp(name, p->columns[col]) != 0;
    gw_runs value = runs_slice(b, &runs, labelled ? a : va, vz);
    if (col == p->deadline_col) /* 完成时限：2024年12月底前。 */
      drop_final_mark(&value, (const char *const[]){"。", "；", "，", NULL});
    append_runs(b, &row->cells[col], &value);
  }
  return true;
}

/* A column for remarks (备注): no measure text is put there unasked. */
static bool is_note_column(const char *name) {
  return strstr(name, "备注") || strstr(name, "附注");
}

/* The measure column, or when a field has filled it, the first other
 * text column (not 序号, units, 完成时限 or 备注) still empty. */
static int free_text_column(const dv_plan *p, const dv_row *row) {
  if (!row->cells[p->measure_col].first)
    return p->measure_col;
  for (int col = 0; col < (int)p->ncols; col++)
    if (col != p->seq_col && col != p->deadline_col && !p->unit_col[col] &&
        !is_note_column(p->columns[col]) && !row->cells[col].first)
      return col;
  return p->measure_col;
}

/* The item's own paragraphs into the text columns left free by its
 * fields. With two text columns (重点任务, 具体措施) the first paragraph
 * is the task and the ones under it (①…, 1.…) the measures; with one,
 * all go to it, in order. */
static void read_item_paragraphs(gw_build *b, dv_plan *p, dv_row *row, cmark_node **paras,
                                 size_t n, bool fields) {
  int saved = p->measure_col;
  for (size_t i = 0; i < n; i++) {
    if (i <= 1)
      p->measure_col = free_text_column(p, row);
    gw_runs head = i == 0 ? row->cells[p->measure_col] : (gw_runs){0};
    if (i == 0)
      row->cells[p->measure_col] = (gw_runs){0};
    read_measure(b, p, row, paras[i], false, i == 0 && !fields);
    append_runs(b, &row->cells[p->measure_col], &head);
  }
  p->measure_col = saved;
}

/* 1. 推行证照分离； in a list under an item's measure, with no column's
 * "列名：" in it: a sub-point of the measure, not a field. */
static bool is_sub_point(gw_build *b, cmark_node *para) {
  /* the line's own text when it starts plain (the usual 牵头单位：…), else
   * its text built: a field's inlines are built once more when read */
  cmark_node *first = cmark_node_first_child(para);
  const char *text = first && cmark_node_get_type(first) == CMARK_NODE_TEXT && !cmark_node_next(first)
                         ? cmark_node_get_literal(first)
                         : gw_build_plain_text(b, para);
  size_t clen;
  const char *colon = field_colon(text, &clen);
  /* a short label before a colon is a field, perhaps misnamed (said so) */
  return !colon || gw_zh_count_chars(text, (size_t)(colon - text)) > 12;
}

/* The number an ordered list gave sub-point n, as the template numbers
 * lists (formats.list: 1.). */
static const char *sub_point_number(gw_build *b, long n) {
  const gw_val *fmts = gw_val_path(b->config, "formats.list");
  const char *fmt = fmts && fmts->first && fmts->first->kind == GW_VAL_STR ? fmts->first->str
                                                                         : "{n}.";
  return gw_build_number_text(b, fmt, n);
}

/* One ordered- or bullet-list item: its measure paragraphs, its fields
 * ("- 列名：值") and sub-points, the paragraphs placed after the fields
 * (read_item_paragraphs). */
static void read_list_item(gw_build *b, dv_plan *p, cmark_node *item) {
  dv_row *row = add_row(b, p, gw_build_node_pos(b, item), false);
  size_t n = 0;
  for (cmark_node *c = cmark_node_first_child(item); c; c = cmark_node_next(c))
    for (cmark_node *li = cmark_node_first_child(c); li; li = cmark_node_next(li))
      n++; /* paragraphs and sub-points both */
  cmark_node **paras = gw_arena_alloc(b->arena, (n + 1) * sizeof *paras);
  size_t nparas = 0;
  bool fields = false;
  for (cmark_node *c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
    cmark_node_type type = cmark_node_get_type(c);
    if (type == CMARK_NODE_PARAGRAPH) {
      paras[nparas++] = c;
    } else if (type == CMARK_NODE_LIST) {
      bool ordered = cmark_node_get_list_type(c) == CMARK_ORDERED_LIST;
      long number = cmark_node_get_list_start(c);
      for (cmark_node *li = cmark_node_first_child(c); li; li = cmark_node_next(li), number++) {
        cmark_node *para = cmark_node_first_child(li);
        if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH)
          continue;
        if (nparas > 0 && is_sub_point(b, para)) {
          if (ordered)
            gw_markdown_prepend_text(para, sub_point_number(b, number));
          paras[nparas++] = para;
          continue;
        }
        read_field(b, p, row, para, nparas > 0);
        fields = true;
      }
    } else {
      gw_warning(b->diags, gw_build_node_pos(b, c), "任务里的这一块无法放进表格，已忽略");
    }
  }
  read_item_paragraphs(b, p, row, paras, nparas, fields);
}

/* A category heading; the number 一、 is written when it has none. */
static void read_category(gw_build *b, dv_plan *p, cmark_node *heading) {
  dv_row *row = add_row(b, p, gw_build_node_pos(b, heading), true);
  char *text = gw_build_plain_text(b, heading);
  if (!gw_has_section_number(text)) {
    const gw_val *fmts = gw_val_path(b->config, "formats.headings");
    const char *fmt = fmts && fmts->first && fmts->first->kind == GW_VAL_STR
                          ? fmts->first->str
                          : "{zh}、";
    char *prefix = gw_build_number_text(b, fmt, row->category_no);
    gw_runs_append(b->arena, &row->cells[0], GW_RUN_TEXT, prefix, strlen(prefix));
  }
  gw_build_inlines(b, heading, &row->cells[0]);
}

/* A cell of a pipe table, or of a line pasted from a spreadsheet with
 * tabs between its cells: both are read the same way. */
typedef struct {
  cmark_node *node; /* the pipe-table cell, or NULL for a pasted one */
  const char *text; /* plain text, trimmed */
  size_t from, to;  /* its bytes in the source */
  gw_pos pos;
} dv_cell;

static dv_cell node_cell(gw_build *b, cmark_node *c) {
  dv_cell cell = {c, gw_build_plain_text(b, c), node_offset(b, c, false), node_offset(b, c, true),
                  gw_build_node_pos(b, c)};
  return cell;
}

/* The text of a unit cell: a <br> the drafter put between two names
 * separates them like a 、 (市农业农村局<br>各县（市、区）政府). */
static const char *cell_unit_text(gw_build *b, const dv_cell *c) {
  if (!c->node) { /* a line break in a pasted cell parts names like a 、 */
    if (!strchr(c->text, '\n'))
      return c->text;
    gw_buf all = {0};
    for (const char *q = c->text; *q; q++)
      if (*q == '\n')
        gw_buf_puts(&all, "、");
      else
        gw_buf_append(&all, q, 1);
    const char *text = gw_arena_strndup(b->arena, all.data, all.len);
    gw_buf_free(&all);
    return text;
  }
  gw_runs runs = {0};
  typed_inlines(b, c->node, &runs);
  gw_buf all = {0};
  for (const gw_run *r = runs.first; r; r = r->next)
    if (r->kind == GW_RUN_BREAK)
      gw_buf_puts(&all, "、");
    else
      gw_buf_append(&all, r->text, r->len);
  const char *text = gw_arena_strndup(b->arena, all.data ? all.data : "", all.len);
  gw_buf_free(&all);
  return text;
}

/* The cell's content as runs, appended to `runs`. */
static void cell_runs(gw_build *b, const dv_cell *c, gw_runs *runs) {
  if (c->node) {
    gw_build_inlines(b, c->node, runs);
    return;
  }
  /* a line break inside a cell pasted from a spreadsheet stays one */
  for (const char *line = c->text;;) {
    const char *nl = strchr(line, '\n');
    size_t len, n = nl ? (size_t)(nl - line) : strlen(line);
    const char *t = gw_build_text(b, line, n, &len);
    if (len)
      gw_runs_append(b->arena, runs, GW_RUN_TEXT, t, len);
    if (!nl)
      return;
    gw_runs_append(b->arena, runs, GW_RUN_BREAK, "", 0);
    line = nl + 1;
  }
}

/* A row holding only a numbered heading such as 一、…. */
static bool is_category_row(const dv_cell *cells, size_t n, size_t *which) {
  size_t filled = 0;
  for (size_t i = 0; i < n; i++)
    if (*cells[i].text) {
      filled++;
      *which = i;
    }
  return filled == 1 && gw_has_section_number(cells[*which].text);
}

/* A row whose 序号 cell holds a Chinese numeral (一, 二、, or （一） for a
 * sub-category) and one other cell its name, the rest empty: a category,
 * as spreadsheets lay it out. *head is its number as a heading writes it
 * (一、, （一）). */
static bool is_numbered_category_row(gw_build *b, const dv_plan *p, const dv_cell *cells,
                                     size_t n, const int *map, const char **head,
                                     size_t *which) {
  long seq = -1, other = -1;
  for (size_t i = 0; i < n; i++) {
    if (!*cells[i].text)
      continue;
    if (map[i] == p->seq_col && seq < 0)
      seq = (long)i;
    else if (other < 0)
      other = (long)i;
    else
      return false; /* a third filled cell: a task */
  }
  if (seq < 0 || other < 0 || p->seq_col < 0)
    return false;
  const char *text = cells[seq].text;
  size_t len = strlen(text);
  bool paren = has_prefix(text, "（") && has_suffix(text, len, "）") &&
               len > strlen("（）");
  if (paren) {
    text += strlen("（");
    len -= strlen("（）");
  } else if (has_suffix(text, len, "、")) {
    len -= strlen("、");
  }
  if (len == 0 || (unsigned char)text[0] < 0x80 || gw_zh_numeral_value(text, len) <= 0)
    return false; /* 1, 2 …: tasks are numbered in Arabic */
  *head = gw_arena_printf(b->arena, paren ? "（%.*s）" : "%.*s、", (int)len, text);
  *which = (size_t)other;
  return true;
}

static bool all_cells_empty(const dv_cell *cells, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (*cells[i].text)
      return false;
  return true;
}

/* A unit cell worded as prose is (市民政局牵头，市文化和旅游局、市教育局
 *配合): read as the prose bracket is, the lead to the 牵头 column and the
 * others to the 责任 column. With one unit column both go there, the
 * lead first and marked （牵头）. Returns whether the cell was such. */
static bool read_roles(gw_build *b, dv_plan *p, dv_row *row, int col, const char *text,
                       size_t from, size_t to, gw_pos pos) {
  static const char *const role_words[] = {"牵头", "配合", "负责", "参与", "协助", "协同", NULL};
  if (!contains_any(text, role_words))
    return false;
  dv_prose pr;
  const char *bracket = gw_arena_printf(b->arena, "（%s）", text);
  if (!dv_parse_prose(b->arena, bracket, &pr) || pr.deadline)
    return false;
  int lead = p->lead_col >= 0 ? p->lead_col : col;
  int share = p->share_col >= 0 && p->share_col != lead ? p->share_col : col;
  if (pr.lead) {
    size_t before = row->units[lead].count;
    set_units(b, p, row, lead, pr.lead, from, to, pos);
    for (size_t i = before; pr.share && lead == share && i < row->units[lead].count; i++)
      row->units[lead].items[i].note = "（牵头）";
  }
  if (pr.share)
    set_units(b, p, row, share, pr.share, from, to, pos);
  return true;
}

static bool read_cell_roles(gw_build *b, dv_plan *p, dv_row *row, int col, const dv_cell *c) {
  return read_roles(b, p, row, col, cell_unit_text(b, c), c->from, c->to, c->pos);
}

/* One row of a table: a category, a task, or an empty line skipped. */
/* A row whose only words are units, under a task read from a table:
 * its 序号, text and 完成时限 cells empty. */
static bool continues_row_above(const dv_plan *p, const dv_cell *cells, size_t n, const int *map,
                                size_t nmap) {
  if (!p->last || p->last->category || !p->last->from_table)
    return false;
  bool units = false;
  for (size_t i = 0; i < n && i < nmap; i++) {
    if (!cells[i].text[0])
      continue;
    if (map[i] < 0 || !p->unit_col[map[i]])
      return false;
    units = true;
  }
  return units;
}

/* The number a 序号 cell was typed with (12, 12., 12、), or 0. */
static int typed_number(const char *text) {
  int n = 0;
  size_t i = 0;
  for (; text[i] >= '0' && text[i] <= '9' && n < 100000; i++)
    n = n * 10 + (text[i] - '0');
  const char *rest = text + i;
  bool ends = !*rest || strcmp(rest, ".") == 0 || strcmp(rest, "、") == 0 ||
              strcmp(rest, "．") == 0;
  return i && ends ? n : 0;
}

static void read_cells_row(gw_build *b, dv_plan *p, const dv_cell *cells, size_t n,
                           const int *map, size_t nmap, gw_pos pos) {
  if (all_cells_empty(cells, n)) {
    /* | | | | |, a spreadsheet's leftover line: no task, no number */
    gw_warning(b->diags, pos, "表格里的空行已跳过");
    return;
  }
  size_t which;
  if (is_category_row(cells, n, &which)) {
    dv_row *row = add_row(b, p, pos, true);
    cell_runs(b, &cells[which], &row->cells[0]);
    return;
  }
  const char *head;
  if (is_numbered_category_row(b, p, cells, n < nmap ? n : nmap, map, &head, &which)) {
    /* | 一 | 教育民生 | | | |, pasted from a spreadsheet: the category 一、教育民生;
     * | （一） | 健全机制 | | |: the sub-category （一）健全机制 */
    dv_row *row = add_row(b, p, pos, true);
    gw_runs_append(b->arena, &row->cells[0], GW_RUN_TEXT, head, strlen(head));
    cell_runs(b, &cells[which], &row->cells[0]);
    return;
  }
  if (continues_row_above(p, cells, n, map, nmap)) {
    /* | 1 | 谋划项目。 | 县发改局 | 县财政局 | … | over | | | | 县水利局 | |:
     * a spreadsheet's merged cells, the row above's more units */
    for (size_t i = 0; i < n && i < nmap; i++)
      if (map[i] >= 0 && p->unit_col[map[i]] && cells[i].text[0])
        set_units(b, p, p->last, map[i], cell_unit_text(b, &cells[i]), cells[i].from,
                  cells[i].to, cells[i].pos);
    return;
  }
  dv_row *row = add_row(b, p, pos, false);
  row->from_table = true;
  for (size_t i = 0; i < n && i < nmap; i++) {
    int col = map[i];
    if (col == p->seq_col && col >= 0)
      row->typed_number = typed_number(cells[i].text);
    if (col < 0 || col == p->seq_col)
      continue;
    if (p->unit_col[col] && read_cell_roles(b, p, row, col, &cells[i]))
      continue;
    if (p->unit_col[col])
      set_units(b, p, row, col, cell_unit_text(b, &cells[i]), cells[i].from, cells[i].to,
                cells[i].pos);
    else
      cell_runs(b, &cells[i], &row->cells[col]);
  }
  if (n > nmap)
    gw_warning(b->diags, cells[nmap].pos, "这一行的单元格比表头多，多出的已忽略");
}

/* The columns a header's cells name (in any order, any subset): map[i]
 * for cell i, reported when it names none. */
static int *map_header(gw_build *b, dv_plan *p, const dv_cell *cells, size_t n) {
  int *map = gw_arena_alloc(b->arena, (n + 1) * sizeof *map);
  const char *header = NULL; /* the table's own names, for the fix */
  for (size_t i = 0; i < n; i++)
    header = header ? gw_arena_printf(b->arena, "%s, %s", header, cells[i].text) : cells[i].text;
  for (size_t i = 0; i < n; i++) {
    const char *name = without_spaces(b->arena, cells[i].text, strlen(cells[i].text));
    map[i] = column_meant(p, name);
    if (map[i] < 0)
      gw_error(b->diags, cells[i].pos,
               "表头“%s”不是 columns 里的列%s表头应与 columns（%s）一致；"
               "要用表格自己的列名，请在前置元数据里写 columns: [%s]",
               name, did_you_mean(b, p, name), column_list(b, p), header ? header : "");
  }
  return map;
}

/* The cells of a pipe-table row. */
static dv_cell *row_cells(gw_build *b, cmark_node *r, size_t *n) {
  *n = 0;
  for (cmark_node *c = cmark_node_first_child(r); c; c = cmark_node_next(c))
    (*n)++;
  dv_cell *cells = gw_arena_alloc(b->arena, (*n + 1) * sizeof *cells);
  *n = 0;
  for (cmark_node *c = cmark_node_first_child(r); c; c = cmark_node_next(c))
    cells[(*n)++] = node_cell(b, c);
  return cells;
}

/* A table pasted from pages of Word or Excel repeats its header row
 * where each page began: the same texts as the header, no task. */
static bool repeats_header(const dv_cell *cells, size_t n, const dv_cell *head, size_t nhead) {
  size_t same = 0;
  for (size_t i = 0; i < n && i < nhead; i++) {
    if (*cells[i].text && strcmp(cells[i].text, head[i].text) != 0)
      return false;
    same += *cells[i].text != '\0';
  }
  return same >= 2;
}

/* A pipe table: its header names columns (in any order, any subset).
 * Every child of a table is a row; the header row's type name is
 * "table_header", so ask the extension, not the type name. */
static void read_table(gw_build *b, dv_plan *p, cmark_node *table) {
  int *map = NULL;
  size_t nmap = 0, n;
  dv_cell *head = NULL;
  for (cmark_node *r = cmark_node_first_child(table); r; r = cmark_node_next(r)) {
    dv_cell *cells = row_cells(b, r, &n);
    if (gw_markdown_table_row_is_header(r)) {
      map = map_header(b, p, cells, n);
      nmap = n;
      head = cells;
    } else if (map && repeats_header(cells, n, head, nmap)) {
      continue;
    } else if (map) {
      gw_build_check_row_cells(b, r, (int)nmap);
      read_cells_row(b, p, cells, n, map, nmap, gw_build_node_pos(b, r));
    }
  }
}

/* ---- Lines pasted from a spreadsheet: cells separated by tabs. ---- */

/* Source bytes [*from, *to) of the body line `line` (as cmark counts). */
static bool body_line(gw_build *b, int line, size_t *from, size_t *to) {
  size_t index = b->src->body_line + (size_t)(line > 0 ? line : 1) - 2;
  if (index >= b->src->line_count)
    return false;
  *from = b->src->line_starts[index];
  *to = index + 1 < b->src->line_count ? b->src->line_starts[index + 1] : b->src->len;
  while (*to > *from && b->src->text[*to - 1] == '\n')
    (*to)--;
  return true;
}

/* Where a quoted cell that runs on (a cell Excel copied with a line
 * break in it, "县公安局⏎县民政局") takes the row: the quote state of
 * `text[from..to)` after it, starting `quoted`. */
static size_t cell_end(const char *text, size_t i, size_t to, bool *quoted);

static bool still_quoted(const char *text, size_t from, size_t to, bool quoted) {
  for (size_t i = from; i < to;)
    i = cell_end(text, i, to, &quoted) + 1;
  return quoted;
}

/* From `i` (a cell's start, or inside its quotes when *quoted) to the tab
 * that ends the cell outside quotes, or `to`; *quoted tells whether a
 * quoted cell is still open there. */
static size_t cell_end(const char *text, size_t i, size_t to, bool *quoted) {
  bool cell_start = !*quoted;
  for (; i < to; i++) {
    char c = text[i];
    if (*quoted) {
      if (c == '"' && i + 1 < to && text[i + 1] == '"')
        i++; /* "" inside a quoted cell is one " */
      else if (c == '"')
        *quoted = false;
      continue;
    }
    if (c == '\t')
      return i;
    if (c == '"' && cell_start)
      *quoted = true;
    cell_start = cell_start && c == ' ';
  }
  return to;
}

/* The last body line of the pasted row that starts at `line` (no later
 * than `last`): further lines while a quoted cell is open. */
static int row_end_line(gw_build *b, int line, int last) {
  size_t from, to;
  if (!body_line(b, line, &from, &to) || !memchr(b->src->text + from, '"', to - from))
    return line; /* no quote, no cell running on (the common case, and cheap) */
  bool quoted = false;
  int end = line;
  for (; end <= last && body_line(b, end, &from, &to); end++) {
    quoted = still_quoted(b->src->text, from, to, quoted);
    if (!quoted)
      return end;
  }
  return end > line ? end - 1 : line;
}

/* How many lines of a paragraph hold a tab, and whether all do. */
static size_t tab_lines(gw_build *b, cmark_node *para, bool *all) {
  size_t tabbed = 0, from, to;
  int first = cmark_node_get_start_line(para), last = cmark_node_get_end_line(para);
  *all = true;
  for (int line = first; line <= last && body_line(b, line, &from, &to);) {
    int end = row_end_line(b, line, last);
    bool tab = false;
    for (int l = line; l <= end && body_line(b, l, &from, &to); l++)
      tab = tab || memchr(b->src->text + from, '\t', to - from) != NULL;
    tabbed += tab;
    *all = *all && tab;
    line = end + 1;
  }
  return tabbed;
}

/* A spreadsheet cell copied with quotes ("甲""乙"): its text. */
static const char *unquoted(gw_build *b, const char *s, size_t len) {
  if (len < 2 || s[0] != '"' || s[len - 1] != '"')
    return gw_arena_strndup(b->arena, s, len);
  char *out = gw_arena_alloc(b->arena, len);
  size_t k = 0;
  for (size_t i = 1; i + 1 < len; i++) {
    out[k++] = s[i];
    if (s[i] == '"' && s[i + 1] == '"')
      i++;
  }
  out[k] = '\0';
  return out;
}

/* The cells of the pasted row on body lines first..last, split at the
 * tabs outside quoted cells. */
static dv_cell *tab_cells(gw_build *b, int first, int last, size_t *n) {
  size_t from = 0, to = 0, end = 0;
  body_line(b, first, &from, &to);
  if (!body_line(b, last, &end, &to))
    to = from;
  const char *text = b->src->text;
  size_t count = 1;
  for (size_t i = from; i < to; i++)
    count += text[i] == '\t';
  dv_cell *cells = gw_arena_alloc(b->arena, (count + 1) * sizeof *cells);
  *n = 0;
  bool quoted = false;
  for (size_t start = from;;) {
    size_t i = cell_end(text, start, to, &quoted);
    size_t a = start, z = i;
    gw_build_trim(text, &a, &z);
    dv_cell *c = &cells[(*n)++];
    c->text = unquoted(b, text + a, z - a);
    c->from = a;
    c->to = z;
    c->pos = gw_source_pos_at(b->src, a);
    if (i >= to)
      break;
    start = i + 1;
  }
  /* a spreadsheet often copies a row with a tab after its last cell:
   * trailing empty cells are no cells */
  while (*n > 1 && !cells[*n - 1].text[0])
    (*n)--;
  return cells;
}

/* Lines pasted from a spreadsheet (序号<TAB>工作任务<TAB>牵头单位…): a
 * header line naming the plan's columns, then a row a line. */
static bool is_tab_table(gw_build *b, cmark_node *para) {
  bool all;
  if (cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH || tab_lines(b, para, &all) < 2 || !all)
    return false;
  size_t n;
  gw_pos pos;
  const char **names = tab_header_names(b, para, &n, &pos);
  return looks_like_plan(names, n);
}

/* Two or more lines with tabs that are no plan table (no header line,
 * or a line without tabs among them): said, not printed jumbled. */
/* Is source line `line` a plan's header pasted from a spreadsheet? */
static bool header_line_at(gw_build *b, int line, int last) {
  size_t n;
  dv_cell *head = tab_cells(b, line, row_end_line(b, line, last), &n);
  const char **names = gw_arena_alloc(b->arena, (n + 1) * sizeof *names);
  for (size_t i = 0; i < n; i++)
    names[i] = without_spaces(b->arena, head[i].text, strlen(head[i].text));
  return looks_like_plan(names, n);
}

static bool report_tab_lines(gw_build *b, cmark_node *para) {
  bool all;
  if (cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH || tab_lines(b, para, &all) < 2)
    return false;
  size_t from, to;
  int line = cmark_node_get_start_line(para);
  /* a plan's header and rows, then a line of text with no blank line
   * between: say that, not that the header is missing */
  int first_plain = text_under_tab_rows(b, para);
  size_t n = 0;
  gw_pos pos;
  const char **head = first_plain > line + 1 ? tab_header_names(b, para, &n, &pos) : NULL;
  if (head && looks_like_plan(head, n) && body_line(b, first_plain, &from, &to)) {
    error_text_under_rows(b, from);
    return true;
  }
  int start = line;
  while (body_line(b, line, &from, &to) && !memchr(b->src->text + from, '\t', to - from))
    line++;
  /* 现将任务分工如下。 right over the header line: the header is there,
   * the blank line is not */
  if (line > start && header_line_at(b, line, cmark_node_get_end_line(para))) {
    gw_error(b->diags, gw_source_pos_at(b->src, from),
             "表头上面紧接着一行文字：请在表头（序号、工作任务……这一行）前空一行");
    return true;
  }
  gw_error(b->diags, gw_source_pos_at(b->src, from),
           "这几行像是从表格软件粘贴的制表符分隔内容：请改成管道表格（| 序号 | … |），"
           "或在第一行写上表头（序号、工作任务、牵头单位……，用制表符隔开）");
  return true;
}

/* The header line of lines pasted from a spreadsheet, as column names. */
static const char **tab_header_names(gw_build *b, cmark_node *para, size_t *n, gw_pos *pos) {
  int first = cmark_node_get_start_line(para);
  dv_cell *head = tab_cells(b, first, row_end_line(b, first, cmark_node_get_end_line(para)), n);
  const char **names = gw_arena_alloc(b->arena, (*n + 1) * sizeof *names);
  for (size_t i = 0; i < *n; i++)
    names[i] = without_spaces(b->arena, head[i].text, strlen(head[i].text));
  *pos = head[0].pos;
  return names;
}

static void read_tab_rows(gw_build *b, dv_plan *p, int first, int last) {
  for (int line = first, end; line <= last; line = end + 1) {
    size_t n;
    end = row_end_line(b, line, last);
    dv_cell *cells = tab_cells(b, line, end, &n);
    read_cells_row(b, p, cells, n, p->tab_map, p->tab_nmap, cells[0].pos);
  }
}

static void read_tab_table(gw_build *b, dv_plan *p, cmark_node *para) {
  int first = cmark_node_get_start_line(para), last = cmark_node_get_end_line(para);
  int head_end = row_end_line(b, first, last);
  dv_cell *head = tab_cells(b, first, head_end, &p->tab_nmap);
  p->tab_map = map_header(b, p, head, p->tab_nmap);
  read_tab_rows(b, p, head_end + 1, last);
}

/* Tab-separated rows after a blank line (an empty spreadsheet row, all
 * tabs, is a blank line to Markdown) that follow a tab-separated table:
 * more of its rows, the empty one skipped as in a pipe table. */
static bool follows_tab_table(gw_build *b, cmark_node *para);

static bool continues_tab_table(gw_build *b, cmark_node *para) {
  bool all;
  if (cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH || !tab_lines(b, para, &all) || !all)
    return false;
  return follows_tab_table(b, para);
}

static bool follows_tab_table(gw_build *b, cmark_node *para) {
  cmark_node *prev = cmark_node_previous(para);
  return prev && (is_tab_table(b, prev) || continues_tab_table(b, prev));
}

/* The first body line of `para` with no tab when lines with tabs come
 * before it and none after it (a line of text right under pasted rows),
 * else 0. */
static int text_under_tab_rows(gw_build *b, cmark_node *para) {
  size_t from, to;
  int first_plain = 0, line = cmark_node_get_start_line(para);
  for (int l = line; l <= cmark_node_get_end_line(para) && body_line(b, l, &from, &to); l++) {
    bool tab = memchr(b->src->text + from, '\t', to - from) != NULL;
    if (!tab && !first_plain)
      first_plain = l;
    else if (tab && first_plain)
      return 0; /* tabs again below it: not a closing line */
  }
  return first_plain > line ? first_plain : 0;
}

/* Rows pasted after an empty spreadsheet row, with a line of text right
 * under them: said, rather than the rows set as a jumbled paragraph. */
static bool report_text_under_continuation(gw_build *b, cmark_node *para) {
  size_t from, to;
  int plain = cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH ? text_under_tab_rows(b, para) : 0;
  if (!plain || !follows_tab_table(b, para) || !body_line(b, plain, &from, &to))
    return false;
  error_text_under_rows(b, from);
  return true;
}

static void read_tab_continuation(gw_build *b, dv_plan *p, cmark_node *para) {
  int first = cmark_node_get_start_line(para);
  gw_pos blank = {b->src->path, b->src->body_line + (unsigned)first - 2, 1};
  gw_warning(b->diags, blank, "表格里的空行已跳过");
  if (p->tab_map)
    read_tab_rows(b, p, first, cmark_node_get_end_line(para));
}

/* ---- The body, block by block. ---- */

typedef enum { NODE_OTHER, NODE_TITLE, NODE_CATEGORY, NODE_ITEMS } node_class;

/* A prose item: its parentheses name the units; or a numbered
 * paragraph ending in parentheses that speak of units but cannot be read
 * (一个单位牵头 with a deadline typed oddly), which is still an item,
 * warned about where its units are checked, rather than a paragraph set
 * after the table unseen. */
static bool is_prose_item(gw_build *b, const dv_plan *p, cmark_node *para) {
  char *text = gw_build_plain_text(b, para);
  size_t number = dv_number_prefix(text);
  dv_prose pr;
  if (dv_parse_prose(b->arena, text + number, &pr) ||
      (number && parse_bare_units(b, p, text + number, &pr)))
    return true;
  size_t end = strlen(text);
  while (end > number && (has_suffix(text, end, "。") || has_suffix(text, end, "；") ||
                          text[end - 1] == ' '))
    end -= has_suffix(text, end, "。") || has_suffix(text, end, "；") ? 3 : 1;
  if (number == 0 || !has_suffix(text, end, "）"))
    return false;
  /* the bracket must speak of units: （联系电话：…） is no item */
  long open = last_open_paren(text, end - strlen("）"));
  if (open < 0)
    return false;
  const char *note = gw_arena_strndup(b->arena, text + open, end - (size_t)open);
  static const char *const role_words[] = {"牵头", "配合", "负责", "落实", "参与", "协助",
                                           "协同", "协办", "主责", NULL};
  for (int i = 0; role_words[i]; i++)
    if (strstr(note, role_words[i]))
      return true;
  return false;
}

static bool is_field_list(gw_build *b, const dv_plan *p, cmark_node *list);

/* Does `text` start "列名：" for a column of this plan (牵头单位：…)? */
static bool starts_field(gw_build *b, const dv_plan *p, const char *text) {
  size_t clen;
  const char *colon = text ? field_colon(text, &clen) : NULL;
  size_t n = colon ? (size_t)(colon - text) : 0;
  return n > 0 && n <= 24 && column_meant(p, gw_arena_strndup(b->arena, text, n)) >= 0;
}

/* A paragraph that is one "列名：值" line: a field of the item above. */
static bool is_field_para(gw_build *b, const dv_plan *p, cmark_node *n) {
  return n && cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH &&
         starts_field(b, p, gw_markdown_lead_text(n));
}

/* Does the text node end in 、，；(or , ;), a list going on? */
static bool ends_in_separator(cmark_node *text) {
  static const char *const separators[] = {"、", "，", "；", ",", ";", NULL};
  if (!text || cmark_node_get_type(text) != CMARK_NODE_TEXT)
    return false;
  const char *s = cmark_node_get_literal(text);
  for (int i = 0; separators[i]; i++)
    if (has_suffix(s, strlen(s), separators[i]))
      return true;
  return false;
}

/* 1.加强组织领导。 / 牵头单位：县委办 / 完成时限：2024年底前, typed (or
 * pasted from Word) a line each with no list marks: each field line
 * becomes a paragraph of its own, read as a field of the item above. */
static void split_field_lines(gw_build *b, const dv_plan *p, cmark_node *para) {
  cmark_node *first = cmark_node_first_child(para);
  bool field = first && cmark_node_get_type(first) == CMARK_NODE_TEXT &&
               starts_field(b, p, cmark_node_get_literal(first));
  for (cmark_node *c = first, *next; c; c = next) {
    next = cmark_node_next(c);
    cmark_node_type type = cmark_node_get_type(c);
    if ((type != CMARK_NODE_SOFTBREAK && type != CMARK_NODE_LINEBREAK) || !next)
      continue;
    bool next_field = cmark_node_get_type(next) == CMARK_NODE_TEXT &&
                      starts_field(b, p, cmark_node_get_literal(next));
    /* a field is its line: the text under 完成时限：… is no part of it,
     * unless the line broke inside a list of units (…成员单位、) */
    if (field && !next_field && ends_in_separator(cmark_node_previous(c)))
      continue;
    if ((next_field || field) && !gw_markdown_split_at(c))
      return;
    field = next_field;
  }
}

/* Does a header cell of pipe table `t` name a column of the plan? A
 * table with none (附件2's 单位 | 联络员 | 联系电话, a preamble's 指标 |
 * 目标值) is no table of tasks: it stays where it is written. One with a
 * column misspelt still is, and its header is checked. */
static bool names_a_column(gw_build *b, const dv_plan *p, cmark_node *t) {
  cmark_node *head = cmark_node_first_child(t);
  for (cmark_node *c = head ? cmark_node_first_child(head) : NULL; c; c = cmark_node_next(c)) {
    const char *text = gw_build_plain_text(b, c);
    size_t from = 0, to = strlen(text);
    gw_build_trim(text, &from, &to);
    int col = column_meant(p, without_spaces(b->arena, text + from, to - from));
    if (col >= 0 && col != p->seq_col) /* any table may number its rows */
      return true;
  }
  return false;
}

static node_class classify(gw_build *b, const dv_plan *p, cmark_node *n) {
  switch (cmark_node_get_type(n)) {
  case CMARK_NODE_HEADING:
    return cmark_node_get_heading_level(n) == 1 ? NODE_TITLE : NODE_CATEGORY;
  case CMARK_NODE_LIST:
    return NODE_ITEMS;
  case CMARK_NODE_PARAGRAPH:
    if (is_tab_table(b, n) || continues_tab_table(b, n))
      return NODE_ITEMS;
    if (report_tab_lines(b, n) || report_text_under_continuation(b, n))
      return NODE_OTHER;
    if (is_prose_item(b, p, n))
      return NODE_ITEMS;
    /* 1.完善……。 with its "   - 牵头单位：…" fields under it (no space
     * after "1.", so no Markdown list): an item, the first one too */
    if (dv_number_prefix(gw_build_plain_text(b, n)) && is_field_list(b, p, cmark_node_next(n)))
      return NODE_ITEMS;
    /* the same with its fields a line each, no list marks; and those
     * lines themselves */
    if ((dv_number_prefix(gw_build_plain_text(b, n)) && is_field_para(b, p, cmark_node_next(n))) ||
        is_field_para(b, p, n))
      return NODE_ITEMS;
    /* 二、医疗民生 typed as a plain line (pasted from Word) is a category,
     * not an item without units */
    return gw_typed_heading_level(gw_build_plain_text(b, n)) ? NODE_CATEGORY : NODE_OTHER;
  default:
    return gw_markdown_is_table(n) && names_a_column(b, p, n) ? NODE_ITEMS : NODE_OTHER;
  }
}

/* "10. 举措" with its "   - 牵头单位：…" lines indented three spaces, as
 * for 1. to 9.: Markdown wants four under 10., so the fields come as a
 * list of their own after the item. A bullet list whose every item is
 * "column：value" belongs to the item before it. */
static bool is_field_list(gw_build *b, const dv_plan *p, cmark_node *list) {
  if (!list || cmark_node_get_type(list) != CMARK_NODE_LIST ||
      cmark_node_get_list_type(list) != CMARK_BULLET_LIST)
    return false;
  for (cmark_node *item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
    cmark_node *para = cmark_node_first_child(item);
    if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH || cmark_node_next(para))
      return false;
    const char *text = gw_build_plain_text(b, para);
    size_t clen;
    const char *colon = field_colon(text, &clen);
    if (!colon || column_meant(p, gw_arena_strndup(b->arena, text, (size_t)(colon - text))) < 0)
      return false;
  }
  return true;
}

static bool fields_of_last_item(gw_build *b, dv_plan *p, cmark_node *list) {
  if (!p->last || p->last->category || !is_field_list(b, p, list))
    return false;
  for (cmark_node *item = cmark_node_first_child(list); item; item = cmark_node_next(item))
    read_field(b, p, p->last, cmark_node_first_child(item), false);
  return true;
}

/* Drop one of `marks` ending the runs' text: 1.加强组织领导： over its
 * fields, 完成时限：2024年12月底前。 */
static void drop_final_mark(gw_runs *runs, const char *const *marks) {
  gw_run *last = runs->last;
  if (!last || last->kind != GW_RUN_TEXT)
    return;
  for (int i = 0; marks[i]; i++) {
    size_t n = strlen(marks[i]);
    if (last->len >= n && memcmp(last->text + last->len - n, marks[i], n) == 0) {
      last->len -= n;
      return;
    }
  }
}

static void read_items(gw_build *b, dv_plan *p, cmark_node *n) {
  if (cmark_node_get_type(n) == CMARK_NODE_LIST && fields_of_last_item(b, p, n))
    return;
  if (p->last && !p->last->category && is_field_para(b, p, n)) {
    read_field(b, p, p->last, n, false);
    return;
  }
  if (cmark_node_get_type(n) == CMARK_NODE_LIST) {
    for (cmark_node *item = cmark_node_first_child(n); item; item = cmark_node_next(item))
      read_list_item(b, p, item);
  } else if (gw_markdown_is_table(n)) {
    read_table(b, p, n);
  } else if (is_tab_table(b, n)) {
    read_tab_table(b, p, n);
  } else if (continues_tab_table(b, n)) {
    read_tab_continuation(b, p, n);
  } else {
    dv_row *row = add_row(b, p, gw_build_node_pos(b, n), false);
    read_measure(b, p, row, n, true, true);
    if (is_field_para(b, p, cmark_node_next(n)))
      drop_final_mark(&row->cells[p->measure_col], (const char *const[]){"：", ":", NULL});
  }
}

static void take_title(gw_build *b, dv_plan *p, cmark_node *n) {
  if (!p->title_heading)
    p->title_heading = n;
  else
    gw_warning(b->diags, gw_build_node_pos(b, n), "多余的 # 标题：文件只有一个标题，已忽略");
}

/* A category's level: ## 1, ### 2; typed, 一、 1 and （一） 2. */
static int category_level(gw_build *b, cmark_node *n) {
  if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
    return cmark_node_get_heading_level(n) - 1;
  return gw_typed_heading_level(gw_build_plain_text(b, n));
}

/* "附件", "附件1", "附件 2：", "附　件" alone on a line: its label as set,
 * or NULL; *colon: the line ended with a colon. */
static const char *read_attachment_label(gw_build *b, cmark_node *para, bool *colon) {
  if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH)
    return NULL;
  /* most paragraphs start with anything but 附: no text made for them */
  cmark_node *first = cmark_node_first_child(para);
  while (first && cmark_node_get_type(first) != CMARK_NODE_TEXT && cmark_node_first_child(first))
    first = cmark_node_first_child(first); /* **附件1** */
  const char *lead = first && cmark_node_get_type(first) == CMARK_NODE_TEXT
                         ? gw_skip_indent(cmark_node_get_literal(first)) : NULL;
  if (!lead || strncmp(lead, "附", strlen("附")) != 0)
    return NULL;
  const char *text = gw_build_plain_text(b, para);
  size_t a = 0, z = strlen(text);
  gw_build_trim(text, &a, &z);
  /* 附　件, spread by a space: gap, its bytes */
  size_t gap = strncmp(text + a, "附\u3000件", strlen("附\u3000件")) == 0 ? 3
               : strncmp(text + a, "附 件", strlen("附 件")) == 0       ? 1
                                                                         : 0;
  bool spaced = gap > 0;
  if (z - a < strlen("附件") || (strncmp(text + a, "附件", strlen("附件")) != 0 && !spaced))
    return NULL;
  size_t end = z;
  if (end - a >= strlen("：") && strncmp(text + end - strlen("："), "：", strlen("：")) == 0)
    end -= strlen("：");
  else if (end > a && text[end - 1] == ':')
    end--;
  *colon = end < z;
  size_t number = a + strlen("附件") + gap;
  while (number < end && (text[number] == ' ' || strncmp(text + number, "\u3000", 3) == 0))
    number += text[number] == ' ' ? 1 : 3;
  bool digits = true;
  for (size_t i = number; i < end; i++)
    digits = digits && text[i] >= '0' && text[i] <= '9';
  if (number < end && !digits && gw_zh_numeral_value(text + number, end - number) <= 0)
    return NULL; /* 附件说明…: text */
  if (spaced) /* 附　件 typed to spread it: set as 附件 */
    return gw_arena_printf(b->arena, "附件%.*s", (int)(end - number), text + number);
  return gw_arena_strndup(b->arena, text + a, end - a);
}

size_t dv_attachment_note_len(const char *t) {
  static const char *const labels[] = {"附件：", "附件:", NULL};
  for (int i = 0; labels[i]; i++)
    if (strncmp(t, labels[i], strlen(labels[i])) == 0)
      return strlen(labels[i]);
  return 0;
}

/* Is `t` (trimmed) a date and nothing else: 2025年3月10日, 二〇二五年三月十日? */
bool dv_is_date_line(const char *t) {
  int y, m, d;
  return *t && gw_parse_date(t, &y, &m, &d) == 0 && y >= 1900;
}

/* A 发文机关署名 line: short, no sentence in it (某某县人民政府办公室). */
bool dv_is_signature_name(const char *t) {
  static const char *const marks[] = {"。", "，", "；", "：", "！", "？", ",", ";", ":", NULL};
  size_t chars = gw_zh_count_chars(t, strlen(t));
  if (chars < 2 || chars > 30 || dv_is_date_line(t) || strncmp(t, "附件", strlen("附件")) == 0 ||
      dv_number_prefix(t)) /* 2.各单位联络员名单: the 附件说明's */
    return false;
  for (int i = 0; marks[i]; i++)
    if (strstr(t, marks[i]))
      return false;
  return true;
}

/* 中共某某县委办公室 / 某某县人民政府办公室 / 2025年3月10日 typed on lines
 * of one paragraph: each issuer of a joint notice, and the date, a
 * paragraph of its own (Markdown joins the lines into one name). */
static void split_signature_lines(gw_build *b, cmark_node *para) {
  cmark_node *breaks[8];
  size_t nb = 0;
  bool ok = true;
  gw_buf line = {0};
  for (cmark_node *c = cmark_node_first_child(para); c && ok; c = cmark_node_next(c)) {
    cmark_node_type type = cmark_node_get_type(c);
    if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      ok = nb < 8 && dv_is_signature_name(gw_arena_strndup(b->arena, line.data ? line.data : "", line.len));
      if (ok)
        breaks[nb++] = c;
      line.len = 0;
    } else if (type == CMARK_NODE_TEXT) {
      gw_buf_puts(&line, cmark_node_get_literal(c));
    } else {
      ok = false;
    }
  }
  const char *last = gw_arena_strndup(b->arena, line.data ? line.data : "", line.len);
  gw_buf_free(&line);
  if (!ok || !nb)
    return; /* most paragraphs: a line of text in them */
  cmark_node *next = cmark_node_next(para);
  bool dated = dv_is_date_line(last) ||
               (dv_is_signature_name(last) && next && cmark_node_get_type(next) == CMARK_NODE_PARAGRAPH &&
                dv_is_date_line(gw_build_plain_text(b, next)));
  if (!dated)
    return;
  while (nb)
    gw_markdown_split_at(breaks[--nb]);
}

const char *dv_attachment_label(gw_build *b, cmark_node *para) {
  bool colon;
  return read_attachment_label(b, para, &colon);
}

const char *dv_mid_attachment_label(gw_build *b, cmark_node *node) {
  bool colon = false;
  const char *label = read_attachment_label(b, node, &colon);
  /* 附件： over 1.… / 2.…: the 附件说明 (附件1 over a list of tasks is a label) */
  cmark_node *next = cmark_node_next(node);
  return label && !(colon && next && cmark_node_get_type(next) == CMARK_NODE_LIST) ? label : NULL;
}

/* 一、总体要求 … 二、重点任务 … 三、保障措施: a 方案's numbered sections
 * with no task in them (down to the next section of their level or
 * higher), before the first that has one or after the last task, are
 * its prose: headings before or after the table, not empty categories
 * with their text made tasks. */
static void keep_prose_sections(gw_build *b, cmark_node **nodes, node_class *cls, size_t n) {
  long first_tasked = -1, last_item = -1;
  bool *tasked = gw_arena_alloc(b->arena, (n + 1) * sizeof *tasked);
  for (size_t i = 0; i < n; i++) {
    if (cls[i] == NODE_ITEMS)
      last_item = (long)i;
    if (cls[i] != NODE_CATEGORY)
      continue;
    int level = category_level(b, nodes[i]);
    for (size_t k = i + 1; k < n && !tasked[i]; k++) {
      if (cls[k] == NODE_CATEGORY && category_level(b, nodes[k]) <= level)
        break;
      /* a numbered line is a task, its units forgotten (and said so) */
      tasked[i] = cls[k] == NODE_ITEMS ||
                  (cmark_node_get_type(nodes[k]) == CMARK_NODE_PARAGRAPH &&
                   dv_number_prefix(gw_build_plain_text(b, nodes[k])));
    }
    if (tasked[i] && first_tasked < 0)
      first_tasked = (long)i;
  }
  if (first_tasked < 0)
    return;
  for (size_t i = 0; i < n; i++)
    if (cls[i] == NODE_CATEGORY && !tasked[i] &&
        ((long)i < first_tasked || (long)i > last_item))
      cls[i] = NODE_OTHER;
}

void dv_read_body(gw_build *b, dv_plan *p, cmark_node *root) {
  size_t n = 0;
  for (cmark_node *c = cmark_node_first_child(root); c; c = cmark_node_next(c), n++)
    if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) {
      split_field_lines(b, p, c); /* the paragraphs it adds are walked next */
      split_signature_lines(b, c);
    }
  cmark_node **nodes = gw_arena_alloc(b->arena, (n + 1) * sizeof *nodes);
  node_class *cls = gw_arena_alloc(b->arena, (n + 1) * sizeof *cls);
  long first_category = -1, first_items = -1, first_table = -1, last = -1;
  n = 0;
  for (cmark_node *c = cmark_node_first_child(root); c; c = cmark_node_next(c), n++) {
    nodes[n] = c;
    cls[n] = classify(b, p, c);
  }
  keep_prose_sections(b, nodes, cls, n);
  /* a notice issuing the plan ends at its 附件 line: a list there
   * (附件： / 1.… / 2.…) names the attachments, no tasks */
  for (size_t i = 1; i < n; i++)
    if (dv_mid_attachment_label(b, nodes[i])) {
      bool later = false;
      for (size_t k = i + 1; k < n && !later; k++)
        later = cls[k] == NODE_CATEGORY || cls[k] == NODE_ITEMS;
      for (size_t k = 0; k < i && later; k++)
        if (cls[k] == NODE_CATEGORY || cls[k] == NODE_ITEMS)
          cls[k] = NODE_OTHER;
      break;
    }
  for (size_t i = 0; i < n; i++) {
    if (cls[i] == NODE_CATEGORY && first_category < 0)
      first_category = (long)i;
    if (cls[i] == NODE_ITEMS && first_items < 0)
      first_items = (long)i;
    if (cls[i] == NODE_ITEMS && first_table < 0 && is_plan_table(b, nodes[i]))
      first_table = (long)i;
    if (cls[i] == NODE_CATEGORY || cls[i] == NODE_ITEMS)
      last = (long)i;
  }
  /* Text before the first category is the preamble, but a table of
   * tasks there (its own category rows inside it, a heading after it)
   * is the plan's first rows. */
  long first = first_category >= 0 ? first_category : first_items;
  if (first_table >= 0 && (first < 0 || first_table < first))
    first = first_table;
  p->preamble = gw_arena_alloc(b->arena, (n + 1) * sizeof *p->preamble);
  p->closing = gw_arena_alloc(b->arena, (n + 1) * sizeof *p->closing);
  for (size_t i = 0; i < n; i++) {
    long at = (long)i;
    if (cls[i] == NODE_TITLE && p->title_heading && at > last && i > 0 &&
        dv_mid_attachment_label(b, nodes[i - 1])) {
      p->closing[p->nclosing++] = nodes[i]; /* 附件2's title, after the plan */
    } else if (cls[i] == NODE_TITLE) {
      if (!p->title_heading) {
        p->title_at = p->npreamble;
        p->title_in_preamble = first < 0 || at < first;
      }
      take_title(b, p, nodes[i]);
    } else if (first < 0 || at < first)
      p->preamble[p->npreamble++] = nodes[i];
    else if (at > last)
      p->closing[p->nclosing++] = nodes[i];
    else if (cls[i] == NODE_CATEGORY)
      read_category(b, p, nodes[i]);
    else if (cls[i] == NODE_ITEMS || cmark_node_get_type(nodes[i]) == CMARK_NODE_PARAGRAPH)
      read_items(b, p, nodes[i]); /* a paragraph between items is one */
    else if (cmark_node_get_type(nodes[i]) != CMARK_NODE_THEMATIC_BREAK)
      gw_warning(b->diags, gw_build_node_pos(b, nodes[i]),
                 "任务之间的这一块无法放进表格，已忽略：请移到第一类之前或最后一项之后");
  }
}
