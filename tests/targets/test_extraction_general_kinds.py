"""Kinds of error found on documents nobody here has seen, each as a table of
sentences written for this test (no corpus or seed sentence): the region a city
document names only in its title, periods of progress reports and spans, names
that keep verbs or footnotes, CPI, negative growth, task tables, poster layouts,
and counts that are no target."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import extract

# (kind, region, indicator, measure, value, period)
CASES = [
    (
        "city named only in its title, 全市 after",
        "济宁市2024年国民经济和社会发展计划执行情况\n2024年,全市地区生产总值增长5.8%。",
        [("actual", "济宁市", "地区生产总值", "growth", "5.8", "2024")],
    ),
    (
        "short name in a Traditional title",
        "桂林:2024年經濟運行穩中向好\n2024年,全市規上工業增加值增長6.2%。",
        [("actual", "桂林市", "规模以上工业增加值", "growth", "6.2", "2024")],
    ),
    (
        "a district under its parent city's name",
        "济宁市任城区2024年工作总结\n2024年,全区地区生产总值增长6.0%。",
        [("actual", "任城区", "地区生产总值", "growth", "6", "2024")],
    ),
    (
        "a county-level city in passing keeps its own figure only",
        "济宁市2024年工作总结\n2024年,全市地区生产总值增长5.8%。曲阜市新增高新技术企业10家。"
        "全市固定资产投资增长4%。",
        [
            ("actual", "曲阜市", "高新技术企业数", "increase", "10", "2024"),
            ("actual", "济宁市", "固定资产投资", "growth", "4", "2024"),
        ],
    ),
    (
        "今年 with the year only on a date line",
        "梧州市人民政府工作报告\n2024年1月10日\n今年经济社会发展的主要预期目标是:"
        "地区生产总值增长6%左右。",
        [("target", "梧州市", "地区生产总值", "growth", "6", "2024")],
    ),
    (
        "a sentence about last year frames only itself",
        "梧州市2024年1-9月经济运行简况\n2023年,全市地区生产总值增长4.1%。今年以来,"
        "规上工业增加值增长7%。固定资产投资增长3%。",
        [
            ("actual", "梧州市", "地区生产总值", "growth", "4.1", "2023"),
            ("actual", "梧州市", "固定资产投资", "growth", "3", "2024-01/2024-09"),
        ],
    ),
    (
        "去年全年 in a half-year report",
        "梧州市2024年上半年工作总结\n上半年,全市地区生产总值增长5.2%。去年全年增长4.1%。"
        "规上工业增加值增长7%。",
        [
            ("actual", "梧州市", "地区生产总值", "growth", "4.1", "2023"),
            (
                "actual",
                "梧州市",
                "规模以上工业增加值",
                "growth",
                "7",
                "2024-01/2024-06",
            ),
        ],
    ),
    (
        "1-3月 of a dated first-quarter release",
        "一季度全市经济开局良好\n发布时间:2024-04-20\n1-3月,全市地区生产总值增长4.6%。",
        [("actual", None, "地区生产总值", "growth", "4.6", "2024-01/2024-03")],
    ),
    (
        "a first-quarter release out in April that mentions 全年 is this year's",
        "一季度全市经济实现良好开局\n发布时间:2024-04-18\n"
        "1-3月,全市地区生产总值增长5.1%,为完成全年目标打下基础。",
        [("actual", None, "地区生产总值", "growth", "5.1", "2024-01/2024-03")],
    ),
    (
        "全年目标 quoted in a progress report is a goal",
        "全市一季度经济运行情况\n2024-04-18 09:00 来源:市统计局\n"
        "一季度,全市地区生产总值增长5.1%。全年目标增长6%。",
        [("target", None, "地区生产总值", "growth", "6", "2024")],
    ),
    (
        "an average over a span of years",
        "梧州市2024年工作总结\n2021-2024年,全市地区生产总值年均增长5.9%。",
        [("actual", "梧州市", "地区生产总值", "growth", "5.9", "2021-01/2024-12")],
    ),
    (
        "from-to: the start value takes the start year, the end keeps the name",
        "梧州市2024年工作总结\n全市地区生产总值由2020年的1000亿元跃升至2024年的1300亿元。",
        [
            ("actual", "梧州市", "地区生产总值", "level", "1000", "2020"),
            ("actual", "梧州市", "地区生产总值", "level", "1300", "2024"),
        ],
    ),
    (
        "a place prefix and a verb of change before the figure",
        "梧州市2024年工作总结\n梧州市地区生产总值跃升至1300亿元。",
        [("actual", "梧州市", "地区生产总值", "level", "1300", "2024")],
    ),
    (
        "from-to with only the start year written: the end is the year reported on",
        "梧州市2024年工作总结\n全市地区生产总值由2023年的1000亿元增至1300亿元。",
        [
            ("actual", "梧州市", "地区生产总值", "level", "1000", "2023"),
            ("actual", "梧州市", "地区生产总值", "level", "1300", "2024"),
        ],
    ),
    (
        "from 上年的 X",
        "梧州市2024年工作总结\n全市地区生产总值由上年的1000亿元增至1300亿元。",
        [("actual", "梧州市", "地区生产总值", "level", "1000", "2023")],
    ),
    (
        "names without verbs, short forms",
        "梧州市2024年工作总结\n2024年,全市地区生产总值完成1300亿元,社零总额达到500亿元,"
        "新增城镇就业2.1万人。",
        [
            ("actual", "梧州市", "地区生产总值", "level", "1300", "2024"),
            ("actual", "梧州市", "社会消费品零售总额", "level", "500", "2024"),
            ("actual", "梧州市", "城镇新增就业", "level", "21000", "2024"),
        ],
    ),
    (
        "a footnote marker after the name",
        "梧州市2024年国民经济和社会发展统计公报\n全年全市地区生产总值[1]1300亿元,比上年增长5%。",
        [("actual", "梧州市", "地区生产总值", "level", "1300", "2024")],
    ),
    (
        "bare 投入强度 after R&D spending",
        "梧州市2024年工作总结\n2024年,全社会研发经费投入25亿元,投入强度达到2.1%。",
        [("actual", "梧州市", "研发投入强度", "level", "2.1", "2024")],
    ),
    (
        "城镇、农村…分别: the second is 农村",
        "梧州市2024年工作总结\n城镇、农村居民人均可支配收入分别增长4.5%和6.5%。",
        [
            ("actual", "梧州市", "城镇居民人均可支配收入", "growth", "4.5", "2024"),
            ("actual", "梧州市", "农村居民人均可支配收入", "growth", "6.5", "2024"),
        ],
    ),
    (
        "城乡…分别: 城镇 first, 农村 second",
        "梧州市2024年工作总结\n城乡居民人均可支配收入分别达到45000元、21000元。",
        [
            ("actual", "梧州市", "城镇居民人均可支配收入", "level", "45000", "2024"),
            ("actual", "梧州市", "农村居民人均可支配收入", "level", "21000", "2024"),
        ],
    ),
    (
        "CPI falling is its level, negative",
        "梧州市2024年工作总结\n2024年,居民消费价格总水平同比下降0.4%。",
        [("actual", "梧州市", "居民消费价格涨幅", "level", "-0.4", "2024")],
    ),
    (
        "negative growth written 增长-0.5%",
        "梧州市2024年计划执行情况\n2024年,全市一般公共预算收入完成120亿元,增长-0.5%。",
        [
            ("actual", "梧州市", "一般公共预算收入", "level", "120", "2024"),
            ("actual", "梧州市", "一般公共预算收入", "growth", "-0.5", "2024"),
        ],
    ),
    (
        "a completion share of the budget is no figure; the growth keeps its name",
        "梧州市2024年预算执行情况\n2024年,全市一般公共预算收入完成120.3亿元,为预算的101.2%,"
        "增长3.1%。",
        [("actual", "梧州市", "一般公共预算收入", "growth", "3.1", "2024")],
    ),
    (
        "a poster layout: name, number, unit, change on lines of their own",
        "梧州市2024年经济运行\n地区生产总值\n1300.5\n亿元\n增长5.2%\n规上工业增加值\n增长\n7.1%",
        [
            ("actual", "梧州市", "地区生产总值", "level", "1300.5", "2024"),
            ("actual", "梧州市", "地区生产总值", "growth", "5.2", "2024"),
            ("actual", "梧州市", "规模以上工业增加值", "growth", "7.1", "2024"),
        ],
    ),
    (
        "an amount on its own line after the indicator",
        "梧州市2024年经济运行\n一般公共预算收入\n\n  120.3亿元\n同比增长3.1%",
        [("actual", "梧州市", "一般公共预算收入", "level", "120.3", "2024")],
    ),
    (
        "a 任务 | 完成情况 table",
        "梧州市2024年工作总结\n任务\t完成情况\n地区生产总值增长6%\t地区生产总值增长5.5%\n",
        [
            ("target", "梧州市", "地区生产总值", "growth", "6", "2024"),
            ("actual", "梧州市", "地区生产总值", "growth", "5.5", "2024"),
        ],
    ),
    (
        "有望 about a year not over, in a dated mid-year release",
        "梧州:今年经济有望再上台阶\n2025-08-05 10:00 来源:本网\n"
        "今年全市地区生产总值有望突破1500亿元。",
        [("target", "梧州市", "地区生产总值", "level", "1500", "2025")],
    ),
]


def _row(r):
    # values compare in the unit written (1300 亿元 is 1300)
    return (r.kind, r.region, r.indicator, r.measure, r.value, r.period)


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_general_kinds(text, expected):
    got = [_row(r) for r in extract(text, "kinds.txt").records]
    for kind, region, indicator, measure, value, period in expected:
        want = (kind, region, indicator, measure, Decimal(value), period)
        assert want in got, f"{want} not in {got}"


@pytest.mark.parametrize(
    "text",
    [
        "梧州市2025年工作要点\n推进总投资120亿元的35个项目建设。",
        "梧州市2025年工作要点\n在每个重点产业至少建立1家研发机构。",
        "梧州市2025年工作要点\n建成第二污水处理厂3期。",
        "梧州市2025年工作要点\n七、扎实办好12项民生实事项目。",
        "梧州市2025年工作要点\n将全年目标分解为46项具体工作任务。",
    ],
    ids=["project batch", "per-unit rule", "plant phase", "tasks of the year", "tasks"],
)
def test_counts_that_are_no_target(text):
    assert extract(text, "kinds.txt").records == []


def test_completion_share_is_not_a_record():
    text = (
        "梧州市2024年预算执行情况\n全市一般公共预算收入完成120.3亿元,为预算的101.2%。"
    )
    assert [r.value for r in extract(text, "kinds.txt").records] == [Decimal("120.3")]


@pytest.mark.parametrize(
    ("name", "year"),
    [
        ("2023年政府工作报告.docx", 2023),
        ("plan_2021.txt", 2021),
        ("a_2020_2021.txt", None),
    ],
)
def test_a_text_without_a_year_takes_its_file_names(name, year):
    text = "今年全市经济社会发展的主要预期目标是:地区生产总值增长6%左右。"
    records = extract(text, name).records
    assert records and records[0].period == (str(year) if year else None)


def test_a_long_list_of_alike_figures_gives_one_record_each():
    values = [12, 15, 18, 21, 24, 27, 30]
    text = (
        "梧州市2024年经济运行\n规上工业增加值各月分别增长"
        + ",".join(f"{v}%" for v in values)
        + "。"
    )
    records = extract(text, "kinds.txt").records
    assert [r.value for r in records] == [Decimal(v) for v in values]
    assert {(r.indicator, r.measure, r.period) for r in records} == {
        ("规模以上工业增加值", "growth", "2024")
    }
    assert all(r.quote == text[r.start : r.end] for r in records)


def test_a_list_of_named_figures_keeps_each_name():
    text = (
        "梧州市2024年工作总结\n地区生产总值、规上工业增加值、固定资产投资、"
        "社会消费品零售总额分别增长5%、6%、7%、8%。"
    )
    names = [r.indicator for r in extract(text, "kinds.txt").records]
    assert names == [
        "地区生产总值",
        "规模以上工业增加值",
        "固定资产投资",
        "社会消费品零售总额",
    ]


@pytest.mark.parametrize(
    ("text", "kept", "not_stock"),
    [
        # Shares of the larger region and gaps to it are no figure of their own.
        (
            "截至2024年底,全区高新技术企业64家,占比全市21.3%;规上工业企业研发活动覆盖率"
            "达到71.2%,高于全市12.4个百分点,是全市平均水平的1.8倍。",
            [("高新技术企业数", "64"), ("规上工业企业研发活动覆盖率", "71.2")],
            [],
        ),
        # Firms in a process (due for re-examination, evaluated) are not the stock.
        (
            "2024年,对于需要复审的9家高新技术企业,已全部提交材料。"
            "开展国家科技型中小企业评价38家。全年科技型中小企业评价入库120家。",
            [("科技型中小企业数", "120")],
            ["9", "38"],
        ),
    ],
    ids=["shares and gaps", "firms in a process"],
)
def test_shares_gaps_and_processes_are_no_stock(text, kept, not_stock):
    got = [
        (r.indicator, r.value, r.indicator_code)
        for r in extract("某某区科技局2024年工作总结\n" + text, "kinds.txt").records
    ]
    catalog = [(i, str(v)) for i, v, code in got if code is not None]
    assert catalog == kept
    for value in not_stock:
        assert all(str(v) != value for _, v, code in got if code is not None)


@pytest.mark.parametrize("verb", ["新签约", "新注册", "新登记"])
def test_counts_newly_signed_or_registered_are_increases(verb):
    text = f"梧州市2025年工作要点\n确保全年{verb}项目135个。"
    measures = {r.measure for r in extract(text, "kinds.txt").records}
    assert measures == {"increase"}
