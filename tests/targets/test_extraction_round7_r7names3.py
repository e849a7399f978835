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
