"""Round 7 pass 3 (r7names3): signed changes, shared-head lists, elliptic heads."""

import pytest

from targets.extraction import extract


def _records(head: str, body: str):
    return extract(f"{head}\n{body}", "r7names3.txt").records


def _rows(records):
    return [(r.indicator, r.measure, str(r.value)) for r in records]


# A data sheet's sign before a percent is the change of the figure named before.
SIGNED_CHANGES = [
    (
        "2023年某市主要经济指标",
        "地区生产总值:2105.3亿元,+6.5%",
        [("地区生产总值", "level", "2105.3"), ("地区生产总值", "growth", "6.5")],
    ),
    (
        "2022年某县经济运行情况",
        "社会消费品零售总额:88.6亿元, -3.4%",
        [
            ("社会消费品零售总额", "level", "88.6"),
            ("社会消费品零售总额", "growth", "-3.4"),
        ],
    ),
    (
        "2024年某区统计数据",
        "规模以上工业增加值 +11.2%\n全社会固定资产投资 -2%",
        [("规模以上工业增加值", "growth", "11.2"), ("固定资产投资", "growth", "-2")],
    ),
    (
        "2021年某州經濟指標",
        "進出口總額:45.7億元,＋18%",
        [("进出口总额", "level", "45.7"), ("进出口总额", "growth", "18")],
    ),
    (
        "2023年某市经济运行",
        "一般公共预算收入同比+4.1%,社会消费品零售总额同比+7%。",
        [("一般公共预算收入", "growth", "4.1"), ("社会消费品零售总额", "growth", "7")],
    ),
]


@pytest.mark.parametrize(("head", "body", "rows"), SIGNED_CHANGES)
def test_a_signed_percent_is_a_growth_of_the_named_figure(head, body, rows):
    assert _rows(_records(head, body)) == rows


@pytest.mark.parametrize(
    "body",
    [
        "2023年,全市构建“4+2”产业体系,建成A+级物流企业3家。",
        "2023年,全市完成指标的5%-7%。",
        "2023年,全市气温变化范围为3-5%。",
    ],
)
def test_a_sign_inside_a_name_or_range_is_no_growth(body):
    for r in _records("某市2024年政府工作报告", body):
        assert r.measure != "growth" or "-" not in r.quote.lstrip("-")
        assert not r.indicator.endswith(("+", "增长"))


# A second 分别 list led by a comparison base (较上年同期, 与上年相比, 比2022年)
# takes the first list's names in order, aliases or not.
SECOND_LISTS = [
    (
        "2023年,全县专利申请量、授权量分别为310件、95件,较上年同期分别上升12.5%、8%。",
        ["专利申请量", "专利授权量", "专利申请量", "专利授权量"],
    ),
    (
        "2022年,全市出口额、进口额分别为52亿元、31亿元,与上年相比分别增长6%、3%。",
        ["出口总额", "进口总额", "出口总额", "进口总额"],
    ),
    (
        "2021年,全區出口額、進口額分別為8億元、5億元,同比分別增長16%、4%。",
        ["出口总额", "进口总额", "出口总额", "进口总额"],
    ),
    (
        "2023年,全县专利申请量、授权量分别达到520件、210件,较去年分别增长12%、8%。",
        ["专利申请量", "专利授权量", "专利申请量", "专利授权量"],
    ),
]


@pytest.mark.parametrize(("body", "names"), SECOND_LISTS)
def test_a_second_respective_list_shares_the_first_lists_names(body, names):
    records = _records("某县经济运行情况", body)
    assert [r.indicator for r in records] == names


def test_a_second_list_with_names_of_its_own_keeps_them():
    body = (
        "2023年全市出口额、进口额分别为52亿元、31亿元;"
        "国内生产总值、税收分别增长6%、3%。"
    )
    records = _records("某市经济运行情况", body)
    assert records[2].indicator == "地区生产总值"


# Short forms of official names: 居民 dropped from a per-head income, 投资
# dropped from 固定资产.
SHORT_NAMES = [
    ("2023年,全县农村人均可支配收入同比增长8.1%。", "农村居民人均可支配收入"),
    ("2022年,全市城镇人均可支配收入达到41200元。", "城镇居民人均可支配收入"),
    ("2024年,鄉村人均可支配收入增長7%。", "农村居民人均可支配收入"),
    ("2023年,全县固定资产同比增长28.3%。", "固定资产投资"),
    ("2021年全区全社会固定资产增长5%。", "固定资产投资"),
]


@pytest.mark.parametrize(("body", "name"), SHORT_NAMES)
def test_short_forms_of_official_names(body, name):
    assert [r.indicator for r in _records("某县经济运行", body)] == [name]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("2023年,新增固定资产原值12亿元。", "固定资产原值"),
        ("2023年,全县居民人均可支配收入增长6%。", "居民人均可支配收入"),
    ],
)
def test_longer_names_are_not_shortened(body, name):
    assert [r.indicator for r in _records("某县经济运行", body)] == [name]


# A bare 人均 after the figure of a subject, in a clause of its own.
PER_HEAD = [
    "2023年全县实现地区生产总值25.23亿元,同比增长8.5%,人均达到5.62万元。",
    "2022年,全市GDP完成1300亿元,人均5.1万元。",
    "2024年某区地區生產總值88億元,人均達到6.2萬元。",
]


@pytest.mark.parametrize("body", PER_HEAD)
def test_a_bare_per_head_is_per_head_of_the_subject(body):
    records = _records("某县经济运行", body)
    assert records[-1].indicator == "人均地区生产总值"


def test_a_per_head_amount_of_no_catalog_subject_stays_unnamed():
    records = _records("某县经济运行", "2023年全县发放补贴2000万元,人均500元。")
    assert all(r.indicator != "人均地区生产总值" for r in records)


# A count glued before a rate's name is the rate's base, not a rate.
RATE_BASES = [
    ("2022年,全市336户规上工业企业复工复产率达到99.7%。", "规上工业企业复工复产率"),
    ("2023年,全区52个重点项目开工率达到95%。", "重点项目开工率"),
    ("2024年,全縣18個行政村通客車率為100%。", "行政村通客车率"),
]


@pytest.mark.parametrize(("body", "name"), RATE_BASES)
def test_a_count_before_a_rate_is_its_base(body, name):
    records = _records("某市经济运行", body)
    assert [(r.indicator, r.unit) for r in records] == [(name, "%")]


def test_a_count_of_things_a_rate_describes_is_still_counted():
    records = _records("某县经济运行", "2023年,全县建成5个达标率高的示范村。")
    assert [r.value for r in records] == [5]
