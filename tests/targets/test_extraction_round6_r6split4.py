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


# A task-progress report opens each part by restating its task in one sentence:
# the target of the year; what follows reports what has been done.
TASK_HEADINGS = [
    (
        "一、实施科技企业培育工程,科技型中小企业达到900家。(第8条)",
        "一是开展科技型中小企业评价,目前已入库科技型中小企业700家。",
        ("target", "科技型中小企业数", "900"),
    ),
    (
        "二、推动产学研合作,新增省级重点实验室3家。",
        "一是组织申报,上半年新增省级重点实验室1家。",
        ("target", "省级重点实验室数", "3"),
    ),
    (
        "三、技术合同成交额突破40亿元。(第21条、成果科)",
        "截至9月底,全市技术合同成交额达到31亿元。",
        ("target", "技术合同成交额", "40"),
    ),
]


@pytest.mark.parametrize(("heading", "progress", "task"), TASK_HEADINGS)
def test_a_task_restated_at_the_head_of_its_part(heading, progress, task):
    title = "市科技局关于2023年市《政府工作报告》确定的主要目标任务三季度进展情况报告"
    rows = _rows(f"{title}\n\n{heading}\n\n{progress}\n")
    kind, name, value = task
    assert rows[0][:3] == (kind, name, Decimal(value))
    assert rows[0][3] == "2023"
    assert [r[0] for r in rows[1:]] == ["actual"]


def test_a_numbered_result_in_a_plain_report_stays_an_actual():
    text = "某区2023年工作总结\n\n一、经济平稳运行,全年地区生产总值增长6.1%。\n"
    assert [r[0] for r in _rows(text)] == ["actual"]


# Figures listed before the goal word they share (9%和10%的目标) are targets
# quoted back, each of them.
LISTED_GOALS = [
    "城镇居民人均可支配收入增长6%,低于年初提出的7%和8%的目标。",
    "城镇居民人均可支配收入增长6%,与人代会确定的7.5%、8%的预期目标仍有差距。",
    "城镇居民人均可支配收入增长6%,距全年7%及8%的目标还有差距。",
]


@pytest.mark.parametrize("body", LISTED_GOALS)
def test_figures_listed_before_a_shared_goal_word(body):
    rows = _rows(f"某市2022年经济运行情况\n2022年,全市{body}\n")
    assert [r[0] for r in rows] == ["actual", "target", "target"]


# Statements that give no figure of an indicator: a rate set against a rate,
# places counted past a mark, participants, a list of applications, the shares
# of a list of contributions.
NO_FIGURE = [
    "一般公共预算收入增长12%,增速较上年同期增长5.2%。",
    "居民人均可支配收入增长7%,增幅比上年加快1.5%。",
    "全市有5个县市区地区生产总值突破200亿元。",
    "3个开发区生产总值超过50亿元。",
    "12家重点企业中9个研发投入增幅超过20%。",
    "今年以来组织860家企业参加高新技术企业培训。",
    "动员120家企业开展科技型中小企业自评。",
    "推荐申报省专精特新企业12家、省级高新技术企业40家。",
    "三次产业对经济增长的贡献率分别为4.1%、35.6%和60.3%。",
]


@pytest.mark.parametrize("body", NO_FIGURE)
def test_statements_that_give_no_figure_of_an_indicator(body):
    rows = _rows(f"某市2023年工作总结\n2023年,{body}\n")
    assert [r for r in rows if r[2] not in (Decimal(12), Decimal(7))] == []


STILL_FIGURES = [
    ("规上工业增加值增速同比增长2.5%。", "规模以上工业增加值", "2.5"),
    ("全市组织实施科技项目后,高新技术企业达到320家。", "高新技术企业数", "320"),
    ("全市12个县区中,全市地区生产总值达到980亿元。", "地区生产总值", "980"),
]


@pytest.mark.parametrize(("body", "name", "value"), STILL_FIGURES)
def test_figures_next_to_those_cues_still_count(body, name, value):
    rows = _rows(f"某市2023年工作总结\n2023年,{body}\n")
    assert [(r[1], r[2]) for r in rows] == [(name, Decimal(value))]


# Money put into a counted batch of projects is what they took, not the
# region's fixed-asset investment.
PROJECT_MONEY = [
    "218项省市重点项目加快建设,累计完成投资356亿元。",
    "56个重大产业项目全部开工,完成投资额达到120.5亿元。",
    "全年实施城建工程项目90个,完成投资48亿元。",
]


@pytest.mark.parametrize("body", PROJECT_MONEY)
def test_money_of_a_batch_of_projects_is_no_fixed_asset_investment(body):
    rows = _rows(f"某市2023年工作总结\n2023年,{body}全市固定资产投资增长6%。\n")
    assert [(r[1], r[2]) for r in rows] == [("固定资产投资", Decimal(6))]


def test_fixed_asset_investment_completed_is_still_a_figure():
    text = (
        "某市2023年工作总结\n2023年,120个项目集中开工,全市完成固定资产投资865亿元。\n"
    )
    rows = _rows(text)
    assert [(r[1], r[2]) for r in rows] == [("固定资产投资", Decimal(865))]
