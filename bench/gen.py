#!/usr/bin/env python3
"""Generate the benchmark inputs for gwdoc (deterministic, stdlib only).

usage: gen.py OUTDIR

Writes into OUTDIR:
  seed.md                      the seed issue (晋团要讯〔2021〕第14期) as a clean bulletin source
  bulletin-10.md, -100, -1000  bulletins of N articles recombined from the seed's sentences
  division-50.md, -500, -5000  责任分工 sources of N rows, in the list, table and prose forms

Every run writes byte-identical files: the only randomness is random.Random with fixed
seeds, and no date is read from the clock.  bulletin-10 is a prefix (in articles) of
bulletin-100, which is a prefix of bulletin-1000; the divisions share their rows the same
way (only the last category of the smaller one is cut short).
"""
import os
import random
import sys

# ---------------------------------------------------------------------------
# The seed issue: 晋团要讯 2021年第14期, cleaned (page breaks joined, headings levelled).
# Each section: (heading, [(run-in head, rest of paragraph), ...]).
# ---------------------------------------------------------------------------

SEED_FRONT = """\
kind: bulletin
template: jintuan-yaoxun
title: 晋团要讯
issuer: 共青团山西省委
year: 2021
number: 14
date: 2021-10-18
column: 全国县域共青团基层组织改革试点专刊二
distribution:
  报: [省委办公厅, 省人大办公厅, 省政府办公厅, 省政协办公厅, 团中央办公厅]
  送: [省直有关单位, 各市党委政府, 团省委班子成员]
  发: [市级团委, 团省委机关各部门、直属事业单位]
contact: 如需详情，请与团省委办公室联系。电话：0351-4184708
"""

SEED_NOTE = ("全国县域共青团基层组织改革试点工作开展以来，团阳曲县委在积极争取地方党政支持，"
             "主动协调相关部门推进试点改革工作的基础上，不断强化自身建设，取得了阶段性成效。"
             "现编发其经验做法，供各地学习借鉴。")

SEED_TITLE = "夯实政治责任 强化自身建设"
SEED_SUBTITLE = "团阳曲县委扎实推进基层组织改革试点工作"
SEED_LEAD = ("县域共青团基层组织改革试点工作开展以来，团阳曲县委深入贯彻落实《关于扩大县域共青团基层组织改革试点的指导意见》，"
             "紧紧围绕团省委工作要求，在强化改革试点组织保障，协调推动试点工作落实和强化自身建设上持续发力，"
             "切实肩负起试点先行的政治使命。")

SEED_SECTIONS = [
    ("一、夯实政治责任，强化组织保障", [
        ("坚持党建带团建。",
         "将党的领导贯彻改革试点工作始终，第一时间向县委书记和县长就改革工作进行专题汇报，"
         "并多次向县委分管副书记汇报改革进展情况，积极争取党政领导最大支持，为改革试点顺利推进提供指导、支持和保障。"
         "县委负责同志对“改革团的工作力量选用机制”和“推动完善地方党的领导机制和支持保障”两方面给予了大力支持，"
         "并对“拓宽团的工作骨干来源渠道”方面的改革举措作出明确指示，为推动改革试点工作提供组织保证，奠定坚实基础。"),
        ("切实强化组织领导。",
         "提请召开县委常委会（扩大）会议专题研究成员单位责任分工和“强团改革 50 条”举措，"
         "并成立了由县委书记任组长，县委副书记、县长任第一副组长，县委分管副书记任常务副组长的工作领导小组。"
         "印发《关于做好阳曲县共青团基层组织改革试点工作的通知》，督促各成员单位扎实推进改革举措，"
         "为高质量推动改革试点工作提供坚实制度保障。"),
        ("积极凝聚改革合力。",
         "团阳曲县委主动与组织部、教育局、财政局、人社局、党校、非公工委、巡查办等相关责任单位对接，"
         "积极同相关单位主要负责同志多次协调沟通，深入探讨改革举措，助力改革落地见效。"
         "县委常委、组织部长召开专题会议，就改革试点工作具体举措进行深入研究、讨论，"
         "各责任单位充分发挥自身优势，注重协调联动，凝聚起推进改革试点工作的强大合力。"),
    ]),
    ("二、深刻领会精神，协调推动落实", [
        ("研读文件精神，理清工作思路。",
         "第一时间召开改革试点工作专题研讨会，专题传达学习改革试点工作相关文件精神及任务要求，"
         "结合阳曲青年工作实际，逐项分析改革指标，提高站位、统一思想、理清思路。"),
        ("借鉴成功经验，完备改革举措。",
         "组织精干力量参加了团中央组织的第二批改革试点地区观摩学习首批改革试点地区的经验成果并参加专题研讨培训班，"
         "积极学习试点地区先进工作经验，分析研究首轮改革试点地区经验成果，"
         "结合阳曲实际深入研讨改革举措，明确工作路线图和时间表。"),
        ("拟制责任分工，广泛征求意见。",
         "起草《阳曲县共青团基层组织改革试点工作责任分工》，制定“强团改革 50 条”举措，"
         "在提交太原团市委指导审核后，先后同阳曲 19 家相关单位进行协商并征求意见，"
         "充分吸纳了县委组织部、编办、教育局的7条相关建议，修改完善后印发全县执行。"),
    ]),
    ("三、强化自身建设，改革成效明显", [
        ("外引内培选育，打造团干队伍。",
         "通过与组织人事部门对接，将团的工作力量选配与党的政治骨干、年轻干部培育有机结合，"
         "多渠道充实县域各级团的工作骨干，选育引进高层次专业人才、选调生等人员兼任青工委委员，"
         "从事阳曲团建、队建工作充实团的基层力量；探索从县域重点企业选派35岁以下优秀青年人才担任青企领航员，"
         "打造一支具有阳曲特色的企业团建领航员队伍，实现一企一领航员、一业一联络人，团聚青年力量，助力阳曲经济发展。"),
        ("加强制度建设，从严管团治团。",
         "一是建立团干部任期目标责任制。通过“约定式管理”的做法，明确“任务表”，立好“军令状”，画好实绩“肖像图”，"
         "强化团干部责任意识，激发团干部工作内生动力；二是明确违规发展团员核查处置负面清单。"
         "从严从实做好违规发展团员核查处置，扎实做好团员发展和管理工作；三是严格团内请示报告制度。"
         "把重大事项请示报告贯彻到团组织的各项工作中，体现到实际行动上，持续增强“四个意识”、坚定“四个自信”、做到“两个维护”；"
         "四是建立工作日常考核制度。制定《2021年度阳曲县共青团工作目标管理考核细则评分表》。"
         "着力在团干部“做什么、怎么做、做出什么”上下功夫，并与年度考核、任期考核有机结合，做到“多考合一”，"
         "减轻基层“迎考”负担；五是探索建立青年评议“我心中的好团干”机制。"
         "推动团干部全心全意服务青年、服务企业、服务群众，增强团组织的政治性、先进性、群众性，"
         "推动基层团的组织力、引领力、服务力和大局贡献度协同提升。"),
        ("服务青年需求，增强组织活力。",
         "立足青年需求与兴趣，通过线上线下对青年的用网习惯、行为喜好发起社会调查，收集“阳曲青年精准自画像”，"
         "并以此为基础确定网络社群主阵地，梳理出突击应急、志愿服务、工作交流、信息共享、学习提升、婚恋交友、兴趣爱好等青年网络社群。"
         "同时，广泛建立团组织主导的志愿服务、创业服务、文艺体育、社会实践等功能明确、便于青年参与的青年组织，"
         "探索破解基层团组织形态单一化、组织设置行政化和青年分布多样化、青年需求个性化之间的矛盾，"
         "创新了团的基层组织形态和工作方法，激活了基层团组织活力。"),
    ]),
]

# ---------------------------------------------------------------------------
# Material for recombination.
# ---------------------------------------------------------------------------

COUNTIES = ["阳曲", "清徐", "娄烦", "平遥", "灵石", "寿阳", "昔阳", "和顺", "左权", "榆社",
            "祁县", "文水", "交城", "岚县", "兴县", "临县", "柳林", "石楼", "中阳", "方山",
            "静乐", "宁武", "代县", "繁峙", "五台", "定襄", "偏关", "河曲", "保德", "神池",
            "五寨", "岢岚"]

SUB_VERBS = ["扎实推进", "深入推进", "全面推进", "稳步推进", "持续深化", "统筹推进", "高质量推进"]
SUB_OBJECTS = ["基层组织改革试点工作", "县域共青团基层组织改革", "团的基层组织建设", "强团改革各项举措",
               "改革试点重点任务", "青年工作体制机制创新"]

# Four-to-eight character phrases from the seed's headings and run-in heads.
PHRASES = ["夯实政治责任", "强化组织保障", "深刻领会精神", "协调推动落实", "强化自身建设",
           "改革成效明显", "坚持党建带团建", "切实强化组织领导", "积极凝聚改革合力", "研读文件精神",
           "理清工作思路", "借鉴成功经验", "完备改革举措", "拟制责任分工", "广泛征求意见",
           "外引内培选育", "打造团干队伍", "加强制度建设", "从严管团治团", "服务青年需求",
           "增强组织活力", "激发基层活力", "凝聚青年力量", "创新工作方法"]

CN_DIGITS = "零一二三四五六七八九"


def cn_number(n):
    """1..9999 in Chinese numerals as written in headings: 一, 十, 十一, 二十一, 一百零五, 一千零一十."""
    if n < 1 or n > 9999:
        raise ValueError(n)
    if n < 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    units = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
    out = []
    zero = False
    started = False
    for value, name in units:
        d = (n // value) % 10
        if d == 0:
            if started:
                zero = True
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(CN_DIGITS[d] + name)
        started = True
    return "".join(out)


def split_sentences(text):
    """Split at 。 and ；, keeping the mark; skip a split inside “…” or 《…》 or （…）."""
    out, cur, depth = [], [], 0
    for ch in text:
        cur.append(ch)
        if ch in "“《（":
            depth += 1
        elif ch in "”》）":
            depth = max(0, depth - 1)
        elif ch in "。；" and depth == 0:
            s = "".join(cur).strip()
            if s.endswith("；"):
                s = s[:-1] + "。"
            out.append(s)
            cur = []
    if "".join(cur).strip():
        out.append("".join(cur).strip())
    return out


def sentence_pool():
    pool = []
    for _, paras in SEED_SECTIONS:
        for _, rest in paras:
            pool.extend(split_sentences(rest))
    pool.extend(split_sentences(SEED_LEAD))
    # Drop fragments that only read well inside their enumeration ("三是严格团内请示报告制度。").
    return [s for s in pool if len(s) >= 12 and not (s[1:2] == "是" and len(s) < 24)]


HEADS = [h for _, paras in SEED_SECTIONS for h, _ in paras]

# ---------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------


def seed_markdown():
    lines = ["---", SEED_FRONT.rstrip("\n"), "---", ""]
    lines += ["> 编者按：" + SEED_NOTE, ""]
    lines += ["# " + SEED_TITLE, "", "## " + SEED_SUBTITLE, "", SEED_LEAD, ""]
    for heading, paras in SEED_SECTIONS:
        lines += ["## " + heading, ""]
        for i, (head, rest) in enumerate(paras, 1):
            lines += ["%d.**%s**%s" % (i, head, rest), ""]
    return "\n".join(lines)


def bulletin_front(n):
    issue = {10: 15, 100: 16, 1000: 17}.get(n, 18)
    return SEED_FRONT.replace("number: 14", "number: %d" % issue) \
                     .replace("column: 全国县域共青团基层组织改革试点专刊二",
                              "column: 全国县域共青团基层组织改革试点经验汇编（%d篇）" % n)


def article(rng, pool):
    county = rng.choice(COUNTIES)
    a, b = rng.sample(PHRASES, 2)
    title = "%s %s" % (a, b)
    subtitle = "团%s县委%s%s" % (county, rng.choice(SUB_VERBS), rng.choice(SUB_OBJECTS))

    def sents(k):
        return "".join(rng.sample(pool, k)).replace("阳曲", county)

    lines = ["# " + title, "", "## " + subtitle, "", sents(1), ""]
    nsec = rng.choice((1, 1, 2))
    for s in range(1, nsec + 1):
        c, d = rng.sample(PHRASES, 2)
        lines += ["## %s、%s，%s" % (cn_number(s), c, d), ""]
        for p in range(1, rng.choice((1, 1, 2)) + 1):
            lines += ["%d.**%s**%s" % (p, rng.choice(HEADS), sents(1)), ""]
    return lines


def bulletin_markdown(n):
    rng = random.Random(20211018)
    pool = sentence_pool()
    lines = ["---", bulletin_front(n).rstrip("\n"), "---", ""]
    lines += ["> 编者按：" + SEED_NOTE, ""]
    for _ in range(n):
        lines += article(rng, pool)
    return "\n".join(lines)


UNITS = ["县委组织部", "县委编办", "县教育局", "县财政局", "县人社局", "县委党校", "县非公工委",
         "县委巡察办", "团县委", "县民政局", "县卫健局", "县文旅局", "县总工会", "县妇联", "县科协",
         "县工信局", "县农业农村局", "县融媒体中心", "县委宣传部"]

CATEGORIES = ["改革团的工作力量选用机制", "拓宽团的工作骨干来源渠道", "推动完善地方党的领导机制和支持保障",
              "改革县域团的基层组织设置", "健全团员发展和管理机制", "加强团干部教育管理监督",
              "创新团的工作方式方法", "强化青年服务阵地建设"]

MEASURES = [
    "将团的工作力量选配与党的政治骨干、年轻干部培育有机结合。",
    "选育引进高层次专业人才、选调生等人员兼任青工委委员，充实团的基层力量。",
    "探索从县域重点企业选派35岁以下优秀青年人才担任青企领航员。",
    "建立团干部任期目标责任制，明确任务表，立好军令状。",
    "明确违规发展团员核查处置负面清单，从严从实做好违规发展团员核查处置。",
    "严格团内请示报告制度，把重大事项请示报告贯彻到团组织的各项工作中。",
    "建立工作日常考核制度，制定共青团工作目标管理考核细则评分表。",
    "探索建立青年评议“我心中的好团干”机制。",
    "广泛建立团组织主导的志愿服务、创业服务、文艺体育、社会实践等青年组织。",
    "梳理突击应急、志愿服务、工作交流、信息共享、学习提升等青年网络社群。",
    "将团的建设纳入党建工作总体布局，纳入党建工作述职评议考核内容。",
    "县委每年至少专题听取一次共青团工作汇报，研究解决改革重大问题。",
    "保障团的工作经费，将团组织工作经费列入县级财政预算。",
    "在县委党校主体班次中设置共青团工作专题课程。",
    "推动非公企业和社会组织团建工作，扩大团组织覆盖面。",
    "将团干部培养纳入全县年轻干部培养规划，统筹使用。",
    "建立乡镇团委书记专职化配备机制，配齐配强专职副书记。",
    "依托县融媒体中心开设青年工作专栏，讲好县域青年故事。",
    "推动在县域重点产业园区建立青年之家阵地，提供学习交流场所。",
    "组织开展青年人才回引工程，吸引外出青年返乡创业就业。",
    "完善少先队辅导员选配机制，加强中小学团队衔接。",
    "健全团代表常任制，发挥团代表联系青年作用。",
    "深化青年志愿者行动，建立县级志愿服务项目库。",
    "协调推动团组织参与基层社会治理，建立青年议事会制度。",
]

DEADLINES = ["2021年10月底前", "2021年12月底前", "2022年3月底前", "2022年6月底前", "2022年12月底前", "长期坚持"]

DIVISION_PREAMBLE = ("为深入贯彻落实《关于扩大县域共青团基层组织改革试点的指导意见》，"
                     "扎实推进我县共青团基层组织改革试点工作，现将“强团改革”各项举措责任分工如下。")


def division_markdown(n):
    rng = random.Random(20210910)
    front = [
        "kind: division",
        "title: 阳曲县共青团基层组织改革试点工作责任分工",
        "issuer: 中共阳曲县委办公室",
        "date: 2021-09-10",
        "columns: [序号, 改革举措, 牵头单位, 责任单位, 完成时限]",
        "units: [%s]" % ", ".join(UNITS),
        "numbering: continuous",
        "distribution:",
        "  抄送: [太原团市委, 县委各部门, 县直各单位, 各乡镇党委]",
    ]
    lines = ["---"] + front + ["---", "", DIVISION_PREAMBLE, ""]
    row = 0
    cat = 0
    while row < n:
        cat += 1
        size = min(n - row, rng.randint(6, 14))
        form = cat % 3          # 1: list, 2: table, 0: prose
        lines += ["## %s、%s" % (cn_number(cat), CATEGORIES[(cat - 1) % len(CATEGORIES)]), ""]
        rows = []
        for _ in range(size):
            row += 1
            picked = rng.sample(UNITS, 1 + rng.randint(1, 3))
            rows.append((row, rng.choice(MEASURES), picked[0], picked[1:], rng.choice(DEADLINES)))
        if form == 1:
            for num, measure, lead, others, when in rows:
                pad = " " * len("%d. " % num)     # nested items must start at the content column
                lines += ["%d. %s" % (num, measure),
                          pad + "- 牵头单位：%s" % lead,
                          pad + "- 责任单位：%s" % "、".join(others),
                          pad + "- 完成时限：%s" % when]
            lines.append("")
        elif form == 2:
            lines += ["| 序号 | 改革举措 | 牵头单位 | 责任单位 | 完成时限 |",
                      "|---|---|---|---|---|"]
            for num, measure, lead, others, when in rows:
                lines.append("| %d | %s | %s | %s | %s |" % (num, measure, lead, "、".join(others), when))
            lines.append("")
        else:
            for num, measure, lead, others, when in rows:
                lines += ["%d.%s（%s牵头，%s配合）" % (num, measure, lead, "、".join(others)), ""]
    return "\n".join(lines)


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: gen.py OUTDIR\n")
        return 2
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    files = {"seed.md": seed_markdown()}
    for n in (10, 100, 1000):
        files["bulletin-%d.md" % n] = bulletin_markdown(n)
    for n in (50, 500, 5000):
        files["division-%d.md" % n] = division_markdown(n)
    for name, text in files.items():
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text.rstrip("\n") + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
