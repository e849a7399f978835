"""Round 6 (r6split4): target or actual by the role of a table's column."""

from decimal import Decimal

import pytest

from targets.extraction import extract


def _rows(text: str):
    records = extract(text, "r6split4.txt").records
    return [
        (r.kind, r.indicator, r.value, r.period) for r in records if r.indicator_code
    ]


# A task-completion table set one cell per line: the task restates the year's
# target, the completion cell reports the actual.
def _stacked(cells: list[str], sep: str = "\n\n") -> str:
    return sep.join(cells) + "\n"


PROGRESS_TABLES = [
    (
        _stacked(
            [
                "2024年重点工作任务完成情况",
                "序号",
                "工作任务",
                "完  成  情  况",
                "责任单位",
                "一、主要预期目标",
                "1",
                "地区生产总值增长7%左右。",
                "全年地区生产总值1850亿元,增长6.2%。",
                "市发展改革委",
                "2",
                "社会消费品零售总额增长8%。",
                "全年社会消费品零售总额增长6.9%。",
                "市商务局",
            ]
        ),
        [
            ("target", "地区生产总值", "7", "2024"),
            ("actual", "地区生产总值", "1850", "2024"),
            ("actual", "地区生产总值", "6.2", "2024"),
            ("target", "社会消费品零售总额", "8", "2024"),
            ("actual", "社会消费品零售总额", "6.9", "2024"),
        ],
    ),
    (
        _stacked(
            [
                "关于2021年重点目标任务上半年完成情况的通报",
                "序号 |",
                "目标任务 |",
                "完成情况 |",
                "牵头单位 |",
                "1 |",
                "一般公共预算收入增长5%。 |",
                "上半年,全市一般公共预算收入完成30.2亿元,增长9.1%。 |",
                "市财政局 |",
                "2 |",
                "城镇登记失业率控制在4%以内。 |",
                "上半年末,城镇登记失业率2.8%。 |",
                "市人社局 |",
            ],
            "\n",
        ),
        [
            ("target", "一般公共预算收入", "5", "2021"),
            ("actual", "一般公共预算收入", "30.2", "2021-01/2021-06"),
            ("actual", "一般公共预算收入", "9.1", "2021-01/2021-06"),
            ("target", "城镇登记失业率", "4", "2021"),
            ("actual", "城镇登记失业率", "2.8", "2021-01/2021-06"),
        ],
    ),
    (
        _stacked(
            [
                "2022年重点工作任务落实情况",
                "序号",
                "重点任务",
                "进展情况",
                "责任单位",
                "1",
                "固定资产投资增长10%。",
                "全年固定资产投资增长4.5%。",
                "区发改局",
                "二、做强工业",
                "(一)壮大制造业。",
                "2",
                "规上工业增加值增长8%以上。",
                "全年规上工业增加值增长7.1%。",
                "区经信局",
            ]
        ),
        [
            ("target", "固定资产投资", "10", "2022"),
            ("actual", "固定资产投资", "4.5", "2022"),
            ("target", "规模以上工业增加值", "8", "2022"),
            ("actual", "规模以上工业增加值", "7.1", "2022"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PROGRESS_TABLES)
def test_task_and_completion_columns(text, expected):
    assert _rows(text) == [(k, i, Decimal(v), p) for k, i, v, p in expected]


def test_a_spaced_heading_over_prose_is_no_table():
    text = (
        "某市2023年工作总结\n\n工  作  回  顾\n\n"
        "全年地区生产总值增长6%,一般公共预算收入增长5.5%。\n"
    )
    assert [r[0] for r in _rows(text)] == ["actual", "actual"]
