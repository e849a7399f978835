"""Round 7 (r7periods): the document's own year and the spans of progress
reports: a date run onto the title, a repost's stamp, a congress early or late
in the year, a work report's tasks reported on by quarter."""

from __future__ import annotations

import pytest

from targets.extraction import extract

ROWS = [
    (
        "a work report's tasks by quarter, date run onto the title",
        (
            "某某县人民政府督查室关于2023年县政府工作报告重点任务一季度推进情况的报告"
            " 发布日期:2023-04-20\n\n县政府:\n\n现将有关情况报告如下。"
            "\n\n一、8项主要预期目标情况\n\n一季度,全县地区生产总值增长6.2%,"
            "固定资产投资增长9.1%,一般公共预算收入增长4.5%。\n"
        ),
        [
            ("actual", 6.2, "2023-01/2023-03"),
            ("actual", 9.1, "2023-01/2023-03"),
            ("actual", 4.5, "2023-01/2023-03"),
        ],
    ),
    (
        "a progress report, 前三季度 title, bare 三季度 in the body",
        (
            "某市发展改革委关于2022年市政府工作报告重点任务前三季度落实情况的报告 发"
            "布时间:2022-10-28\n\n市政府:\n\n现将有关情况报告如下。"
            "\n\n三季度,全市规模以上工业增加值增长7.4%,社会消费品零售总额增长5.3"
            "%。\n"
        ),
        [("actual", 7.4, "2022-01/2022-09"), ("actual", 5.3, "2022-01/2022-09")],
    ),
    (
        "a progress report, 上半年, date and time run onto the title",
        (
            "关于2024年区政府工作报告重点任务上半年推进情况的报告 发布日期:"
            "2024-07-25 09:30\n\n区政府:\n\n上半年,全区地区生产总值增长"
            "5.6%,进出口总额增长12%。\n"
        ),
        [("actual", 5.6, "2024-01/2024-06"), ("actual", 12.0, "2024-01/2024-06")],
    ),
    (
        "negative: a plain summary keeps its year",
        (
            "2023年某县科技工作总结\n\n2023年,全县新认定高新技术企业12家,"
            "技术合同成交额增长15%。\n"
        ),
        [("actual", 12.0, "2023"), ("actual", 15.0, "2023")],
    ),
    (
        "a bulletin's repost stamp with glosses before it",
        (
            "2023年某某市国民经济和社会发展统计公报(gōng)(bào)(2024年"
            "更新)\n\n全年全市地区生产总值3120.5亿元,比上年增长5.8%。"
            "一般公共预算收入210.3亿元,增长3.1%。\n"
        ),
        [
            ("actual", 3120.5, "2023"),
            ("actual", 5.8, "2023"),
            ("actual", 210.3, "2023"),
            ("actual", 3.1, "2023"),
        ],
    ),
    (
        "a revision stamp in full-width brackets",
        (
            "2022年某县国民经济和社会发展统计(tǒng)(jì)公报（2023年修订"
            "）\n\n全年全县地区生产总值412.6亿元,比上年增长4.9%。"
            "\n"
        ),
        [("actual", 412.6, "2022"), ("actual", 4.9, "2022")],
    ),
    (
        "a stamp with a month, traditional characters",
        (
            "2021年某區國民經濟和社會發展統計公報(jīng)(fā)(2022年3月"
            "更新)\n\n全年全区社会消费品零售总额188.2亿元,增长10.4%。"
            "\n"
        ),
        [("actual", 188.2, "2021"), ("actual", 10.4, "2021")],
    ),
    (
        "a glossed bulletin title with a stamp, long lead sentence",
        (
            "2023年某某省某某市人民政府國民經(jīng)濟和社會發(fā)展統(tǒ"
            "ng)計公報(2024年更新)\n2023年,面對復(fù)雜形勢,"
            "全市上下堅持穩(wěn)中求進,深入學習貫徹上級決策部署,多措並舉穩增長,"
            "順勢而為促轉型,千方百計惠民生,扎實推動經濟社會高質量發展邁出新的堅實步伐。"
            "\n綜合\n全市全年完成地區(qū)生產總值3120.5億元,比上年增長5.8%"
            "。\n"
        ),
        [("actual", 3120.5, "2023"), ("actual", 5.8, "2023")],
    ),
    (
        "a glossed district bulletin with a 修订 stamp",
        (
            "2022年某某市某某区人民政府国民经(jīng)济和社会发(fā)展统(tǒ"
            "ng)计公报(2023年修订)\n2022年,面对多重压力,全区上下坚持稳中求"
            "进,深入学习贯彻上级决策部署,多措并举稳增长,顺势而为促转型,"
            "千方百计惠民生,扎实推动经济社会高质量发展迈出新的坚实步伐。"
            "\n综合\n全区全年完成地区生产总值512.4亿元,比上年增长4.2%。"
            "\n"
        ),
        [("actual", 512.4, "2022"), ("actual", 4.2, "2022")],
    ),
    (
        "a glossed county bulletin with a stamp",
        (
            "2021年某某市某某县人民政府国民经(jīng)济和社会发(fā)展统(tǒ"
            "ng)计公报(2022年更新)\n2021年,面对疫情冲击,全县上下坚持稳中求"
            "进,深入学习贯彻上级决策部署,多措并举稳增长,顺势而为促转型,"
            "千方百计惠民生,扎实推动经济社会高质量发展迈出新的坚实步伐。"
            "\n综合\n全县全年社会消费品零售总额88.2亿元,比上年增长10.4%。"
            "\n"
        ),
        [("actual", 88.2, "2021"), ("actual", 10.4, "2021")],
    ),
    (
        "negative: a bulletin with no stamp",
        (
            "2023年某某市国民经济和社会发展统计公报\n\n全年全市地区生产总值3120."
            "5亿元,比上年增长5.8%。\n"
        ),
        [("actual", 3120.5, "2023"), ("actual", 5.8, "2023")],
    ),
    (
        "a congress early in the year: 去年 is the year reviewed, plans the new year's",
        (
            "2月3日,某某市十六届人大三次会议开幕。代表们热议该市2023年交出的成绩单"
            "。\n2023年,全市经济回升向好。去年,全市地区生产总值增长5.1%。"
            "\n今年的政府工作报告提出,全市将推动规上工业增加值增长7%,"
            "固定资产投资增长8%以上。\n"
        ),
        [("actual", 5.1, "2023"), ("target", 7.0, "2024"), ("target", 8.0, "2024")],
    ),
    (
        "negative: a congress whose targets were already the new year's",
        (
            "1月9日,某县第十届人民代表大会第四次会议隆重开幕。会议回顾了2022年工作"
            "。\n2022年,全县奋力攻坚。去年,全县一般公共预算收入增长6.3%。"
            "\n报告提出,全县要确保地区生产总值增长6.5%左右,社会消费品零售总额增长8"
            "%。\n"
        ),
        [("actual", 6.3, "2022"), ("target", 6.5, "2023"), ("target", 8.0, "2023")],
    ),
    (
        "a congress late in the year: the next year's plans open a sentence",
        (
            "12月27日,记者从某县第八届人民代表大会第五次会议获悉,该县明确2025年"
            "主要预期目标。\n2024年,某县先后获评全国文明县城等称号。"
            "2025年,该县将坚持工业强县,深入实施强县工程。力争实现地区生产总值增长7"
            "%以上,固定资产投资增长9%以上。\n"
        ),
        [("target", 7.0, "2025"), ("target", 9.0, "2025")],
    ),
    (
        "late-in-year news, 要 opens the next year's plans",
        (
            "12月20日,记者从某市人民代表大会获悉,该市明确2024年经济社会发展主要"
            "目标。\n2023年,某市获评省级创新型城市。2024年,全市要聚焦高质量发展"
            "。确保规模以上工业增加值增长8%,社会消费品零售总额增长6%以上。"
            "\n"
        ),
        [("target", 8.0, "2024"), ("target", 6.0, "2024")],
    ),
    (
        "negative: plans already dated by their own year",
        (
            "12月29日,某区第五届人民代表大会第六次会议召开,部署2026年工作。"
            "\n2025年,某区荣获多项称号。2026年,全区将加快建设现代化产业体系。"
            "力争技术合同成交额增长20%,高新技术企业达到150家。\n"
        ),
        [("target", 20.0, "2026"), ("target", 150.0, "2026")],
    ),
    (
        "negative: late-in-year results of the year stay actuals of it",
        (
            "12月27日,记者从某县人民代表大会获悉,该县明确2025年主要预期目标。"
            "\n2024年,某县地区生产总值增长6.1%,固定资产投资增长5%。"
            "\n"
        ),
        [("actual", 6.1, "2024"), ("actual", 5.0, "2024")],
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_document_year_and_spans(case: str, text: str, expected: list) -> None:
    got = [
        (r.kind, float(r.value), r.period)
        for r in extract(text, "t.txt").records
        if r.indicator_code
    ]
    assert got == expected, case


# Spans whose characters carry pinyin glosses (一(yi)季(ji)度(du)).
GLOSS_ROWS = [
    (
        "glossed 一季度, 上半年, 前三季度 in a year's review; 全年 stays the year",
        (
            "2022年某某市经济运行情况\n2022年,全市经济总体平稳。"
            "一(yi)季(ji)度(du)开(kai)局良好,地区生产总值增(zeng)"
            "长(chang)5.2%;上(shang)半(ban)年地区生产总值增(ze"
            "ng)长(chang)3.6%;前(qian)三(san)季(ji)度(du"
            ")地区生产总值增(zeng)长(chang)4.1%;全年地区生产总值增(z"
            "eng)长(chang)4.6%。\n"
        ),
        [
            ("actual", 5.2, "2022-01/2022-03"),
            ("actual", 3.6, "2022-01/2022-06"),
            ("actual", 4.1, "2022-01/2022-09"),
            ("actual", 4.6, "2022"),
        ],
    ),
    (
        "glossed spans opening their sentences",
        (
            "2021年某县经济运行简况\n2021年,全县经济稳中有进。上(shang)半"
            "年,规模以上工业增加值增(zeng)长(chang)12.3%。"
            "前(qian)三季(ji)度(du),社会消费品零售总额增(zeng)长(c"
            "hang)9.8%。\n"
        ),
        [("actual", 12.3, "2021-01/2021-06"), ("actual", 9.8, "2021-01/2021-09")],
    ),
    (
        "a glossed first quarter after 分季度看",
        (
            "2024年某区统计简报\n2024年,全区经济持续回升。分季(ji)度(du)"
            "看,一(yi)季(ji)度(du)平稳开(kai)局,固定资产投资增(zen"
            "g)长(chang)6.1%。\n"
        ),
        [("actual", 6.1, "2024-01/2024-03")],
    ),
    (
        "a glossed span after a year in its sentence takes that year",
        (
            "某某市2024年政府工作报告\n过去一年,全市经济回升向好。\n"
            "2023年,上(shang)半年地区生产总值增(zeng)长(chang)4"
            ".8%,前(qian)三季(ji)度(du)增(zeng)长(chang)5"
            ".0%。\n"
        ),
        [("actual", 4.8, "2023-01/2023-06"), ("actual", 5.0, "2023-01/2023-09")],
    ),
    (
        "negative: glosses but no span",
        (
            "2022年某某市经济运行情况\n2022年,全市经济总(zong)体平稳。"
            "全年地区生产总值增(zeng)长(chang)4.6%,一般公共预算收入增("
            "zeng)长(chang)2.1%。\n"
        ),
        [("actual", 4.6, "2022"), ("actual", 2.1, "2022")],
    ),
    (
        "negative: an unglossed span reads as before",
        (
            "2022年某某市经济运行情况\n2022年,全市经济总体平稳。"
            "上半年地区生产总值增长3.6%;全年地区生产总值增长4.6%。"
            "\n"
        ),
        [("actual", 3.6, "2022-01/2022-06"), ("actual", 4.6, "2022")],
    ),
]


@pytest.mark.parametrize(
    ("case", "text", "expected"), GLOSS_ROWS, ids=[r[0] for r in GLOSS_ROWS]
)
def test_glossed_spans(case: str, text: str, expected: list) -> None:
    got = [
        (r.kind, float(r.value), r.period)
        for r in extract(text, "t.txt").records
        if r.indicator_code
    ]
    assert got == expected, case


# The end of a five-year plan (十二五末) and averages over its term.
PLAN_END_ROWS = [
    (
        "an undated digest opening on 十二五末 reports on 2015 throughout",
        (
            "某县发展成就综述\n\n一、经济实力\n\n“十二五”末,全县地区生产总值达到186"
            ".4亿元。\n\n二、城乡建设\n\n城区建成区面积拓展到18平方公里,"
            "常住人口城镇化率达到41.5%。\n"
        ),
        [("actual", 186.4, "2015"), ("actual", 41.5, "2015")],
    ),
    (
        "a congress's digest on 十三五末 reviews 2020",
        (
            "某市两会政府工作报告解读\n\n十三五末,全市一般公共预算收入达到65亿元。"
            "\n\n全市社会消费品零售总额达到520亿元。\n"
        ),
        [("actual", 65.0, "2020"), ("actual", 520.0, "2020")],
    ),
    (
        "十三五期末 in an undated review dates its other figures",
        (
            "某区五年回眸\n\n“十三五”期末,全区规模以上工业增加值达到95亿元。"
            "\n\n城镇居民人均可支配收入达到41200元。\n"
        ),
        [("actual", 95.0, "2020"), ("actual", 41200.0, "2020")],
    ),
    (
        "negative: a text naming its year keeps it",
        (
            "某县发展成就综述\n\n2019年,全县地区生产总值达到176亿元。"
            "“十三五”末,全县常住人口城镇化率达到45%。\n"
        ),
        [("actual", 176.0, "2019"), ("target", 45.0, "2020")],
    ),
    (
        "十二五末 dates levels to 2015, 年均 to the plan's term",
        (
            "某某县“十二五”发展成就\n“十二五”末,全县地区生产总值达到186.4亿元,"
            "年均增长11.2%;一般公共预算收入达到12.8亿元,年均增长15.6%。"
            "\n"
        ),
        [
            ("actual", 186.4, "2015"),
            ("actual", 11.2, "2011-01/2015-12"),
            ("actual", 12.8, "2015"),
            ("actual", 15.6, "2011-01/2015-12"),
        ],
    ),
    (
        "an unquoted 十二五末 with 五年年均 and 累计 over the term",
        (
            "某市经济社会发展回顾\n十二五末,全市社会消费品零售总额达到420亿元,"
            "五年年均增长13%;累计完成固定资产投资2600亿元。\n"
        ),
        [
            ("actual", 420.0, "2015"),
            ("actual", 13.0, "2011-01/2015-12"),
            ("actual", 2600.0, "2011-01/2015-12"),
        ],
    ),
    (
        "十三五末 as before, its average now over the term",
        (
            "某区五年发展综述\n“十三五”末,全区规模以上工业增加值达到95亿元,"
            "年均增长8.5%;城镇居民人均可支配收入达到41200元。\n"
        ),
        [
            ("actual", 95.0, "2020"),
            ("actual", 8.5, "2016-01/2020-12"),
            ("actual", 41200.0, "2020"),
        ],
    ),
    (
        # (since round 14 the yearly goal is dated, as the contract says, by the
        # first year it applies to)
        "a plan's goal for the term's end is that year's; its average from the first",
        (
            "某县“十二五”规划纲要\n到“十二五”末,全县地区生产总值力争达到300亿元,"
            "年均增长12%。\n"
        ),
        [("target", 300.0, "2015"), ("target", 12.0, "2011")],
    ),
    (
        "negative: a year written out wins",
        ("2016年某县政府工作报告\n2015年,全县地区生产总值达到186.4亿元,增长9.2%。\n"),
        [("actual", 186.4, "2015"), ("actual", 9.2, "2015")],
    ),
]


@pytest.mark.parametrize(
    ("case", "text", "expected"), PLAN_END_ROWS, ids=[r[0] for r in PLAN_END_ROWS]
)
def test_plan_end(case: str, text: str, expected: list) -> None:
    got = [
        (r.kind, float(r.value), r.period)
        for r in extract(text, "t.txt").records
        if r.indicator_code
    ]
    assert got == expected, case
