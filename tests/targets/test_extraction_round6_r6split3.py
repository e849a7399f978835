"""Round 6 (third pass), target or actual: a page that is only numbered tasks
(工作要点 cut to its items), a goal quoted beside its result in brackets or by
who set it (年初预期目标(6.8%), 控制在市定目标4%以内), a congress news whose
paragraph opens on the year it reviews (报告显示,2023年,…) before 一年来, the
base of a change a goal sets (由2.1%提高到2.4%), a project list's planned sum
(计划投资额) and effort toward a figure (努力实现…). Each row is a text written
for this test (no corpus sentence, place or number)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import extract
from tests.targets.extraction_rows import catalog_kinds, kinds

# (case, text, [(kind, indicator, value)]) — every catalog record of the text.
KINDS = [
    # 1. A bare numbered task list: what it counts is to be done.
    (
        "numbered tasks with no cue word are targets",
        "1.实施科技型企业培育行动,新增高新技术企业25家。\n"
        "2.建设省级以上研发平台8个,组织申报科技项目15项。\n"
        "3.推动技术合同成交额突破12亿元。\n"
        "4.举办科技活动周,普及科学知识。\n",
        [
            ("target", "高新技术企业数", "25"),
            ("target", "技术合同成交额", "12"),
        ],
    ),
    (
        "numbered tasks in Traditional with pinyin glosses",
        "1.推進(jìn)企業(yè)創(chuàng)新,培育高新技術(shù)企業(yè)30家。\n"
        "2.組織實(shí)施重點(diǎn)科技項(xiàng)目12項(xiàng)。\n"
        "3.技術(shù)合同成交額(é)達(dá)到9億元。\n",
        [
            ("target", "高新技术企业数", "30"),
            ("target", "技术合同成交额", "9"),
        ],
    ),
    (
        "tasks numbered (一)(二)(三) under short headings",
        "(一)培育创新主体。新增科技型中小企业120家,新增高新技术企业18家。\n"
        "(二)建设创新平台。新建市级以上研发机构10家。\n"
        "(三)促进成果转化。技术合同成交额达到6亿元。\n",
        [
            ("target", "科技型中小企业数", "120"),
            ("target", "高新技术企业数", "18"),
            ("target", "技术合同成交额", "6"),
        ],
    ),
    (
        "a report's section headed 重点任务 lists targets",
        "某市科技局2023年工作总结\n一、工作成效\n全年新增高新技术企业20家。\n"
        "二、2024年重点任务\n1.新增高新技术企业30家。\n2.技术合同成交额达到8亿元。\n",
        [
            ("actual", "高新技术企业数", "20"),
            ("target", "高新技术企业数", "30"),
            ("target", "技术合同成交额", "8"),
        ],
    ),
    # Negative: a numbered list that tells results is a report.
    (
        "numbered items set against last year stay actuals",
        "1.全年新增高新技术企业25家,同比增长12%。\n"
        "2.已建成省级以上研发平台8个。\n"
        "3.技术合同成交额达到12亿元,比上年增长20%。\n",
        [
            ("actual", "高新技术企业数", "25"),
            ("actual", "高新技术企业数", "12"),
            ("actual", "技术合同成交额", "12"),
            ("actual", "技术合同成交额", "20"),
        ],
    ),
    # 2. A goal quoted back beside its result.
    (
        "goals quoted in brackets, with glosses, and by who set them",
        "关于北川县2023年国民经济和社会发展计划执行情况的报告\n"
        "(一)2023年目标完成情况。\n"
        "--规模以上工业增加值增长7.2%,高于年初预期目标(6.8%)0.4个百分点。\n"
        "--固定資產(chǎn)投資(zī)增長(zhǎng)4.1%,低於年初預(yù)期目標(biāo)(8%)3.9個(gè)百分點(diǎn)。\n"
        "--城镇登记失业率为2.6%,控制在市定目标4%以内。\n"
        # Negative: a gap to the goal is no goal.
        "--社会消费品零售总额增长6.1%,超过省定目标0.5个百分点。\n",
        [
            ("actual", "规模以上工业增加值", "7.2"),
            ("target", "规模以上工业增加值", "6.8"),
            ("actual", "固定资产投资", "4.1"),
            ("target", "固定资产投资", "8"),
            ("actual", "城镇登记失业率", "2.6"),
            ("target", "城镇登记失业率", "4"),
            ("actual", "社会消费品零售总额", "6.1"),
        ],
    ),
    # 3. A congress news whose paragraph opens on the year it reviews.
    (
        "报告显示,2023年,… then 一年来: actuals of 2023",
        "东川区第五届人民代表大会第四次会议召开\n"
        "1 月 8 日,东川区第五届人民代表大会第四次会议召开,区长作政府工作报告。\n"
        "报告显示,2023 年,全区规模以上工业增加值增长 7.4%,一般公共预算收入增长 3.9%。\n"
        "一年来,全区上下攻坚克难,经济运行稳中向好。\n",
        [
            ("actual", "规模以上工业增加值", "7.4"),
            ("actual", "一般公共预算收入", "3.9"),
        ],
    ),
    (
        "市长在报告中说,2022年,… then 过去的一年",
        "南湖市第九届人民代表大会第二次会议开幕\n"
        "1 月 12 日,南湖市第九届人民代表大会第二次会议开幕,市长作政府工作报告。\n"
        "市长在报告中说,2022 年,全市地区生产总值增长 4.8%,"
        "居民人均可支配收入增长 5.6%。\n"
        "过去的一年,面对复杂形势,全市经济稳中有进。\n",
        [
            ("actual", "地区生产总值", "4.8"),
            ("actual", "居民人均可支配收入", "5.6"),
        ],
    ),
    # Negative: a word of aim keeps the year's figures goals.
    (
        "报告指出,2024年,全区力争… stays a target",
        "东川区第五届人民代表大会第四次会议召开\n"
        "1 月 8 日,东川区第五届人民代表大会第四次会议召开,区长作政府工作报告。\n"
        "报告指出,2024 年,全区力争地区生产总值增长 6%,固定资产投资增长 8%。\n"
        "过去一年,全区上下攻坚克难,经济运行稳中向好。\n",
        [
            ("target", "地区生产总值", "6"),
            ("target", "固定资产投资", "8"),
        ],
    ),
    # 5. Effort toward a figure in a report's plan part.
    (
        "努力实现…增长10%-10.5% is a goal range",
        "桂山市政府工作报告\n2016年1月10日\n2015年全市地区生产总值增长8.1%。\n"
        "努力实现社会消费品零售总额增长10%-10.5%,规模以上工业增加值增长9%。\n",
        [
            ("actual", "地区生产总值", "8.1"),
            ("target", "社会消费品零售总额", "10"),
            ("target", "社会消费品零售总额", "10.5"),
            ("target", "规模以上工业增加值", "9"),
        ],
    ),
    # Negative: effort that got the figure.
    (
        "经过努力,实现… and 共同努力实现了… are results",
        "某县2023年工作总结\n经过努力,实现地区生产总值增长5%,"
        "全县上下共同努力实现了规模以上工业增加值增长6.2%。\n",
        [
            ("actual", "地区生产总值", "5"),
            ("actual", "规模以上工业增加值", "6.2"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("case", "text", "expected"), KINDS, ids=[row[0] for row in KINDS]
)
def test_kind(case: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert catalog_kinds(text) == kinds(expected), case


def _kinds_of(text: str) -> list[tuple[str, Decimal, str | None]]:
    return [(r.kind, r.value, r.period) for r in extract(text, "t.txt").records]


# 4. The start of a change a goal sets is its base, never a goal.
FROM_TO = [
    (
        "力争…由2.1%提高到2.4%: the base is the year before's",
        "2024年工作要点\n一、主要目标\n"
        "力争全社会研发投入强度由2.1%提高到2.4%,高新技术企业数量由520家增加到600家。\n",
        [
            ("actual", "2.1", "2023"),
            ("target", "2.4", "2024"),
            ("actual", "520", "2023"),
            ("target", "600", "2024"),
        ],
    ),
    (
        "从2.3%提升至2.5% does not carry a past year to the next item",
        "2024年工作计划\n1.推动全市研发经费投入强度从2.3%提升至2.5%;规上工业增加值增长7%。\n",
        [("actual", "2.3", "2023"), ("target", "2.5", "2024"), ("target", "7", "2024")],
    ),
    (
        "由2023年的50亿元增长到60亿元: the base takes the year it names",
        "2024年工作要点\n力争技术合同成交额由2023年的50亿元增长到60亿元。\n",
        [("actual", "50", "2023"), ("target", "60", "2024")],
    ),
    # Negative: in a report both ends are results of the year.
    (
        "a report's 占比由22.7%提升至25.8%: both actuals",
        "西岭县2024年工作总结\n全年制造业投资占比由22.7%提升至25.8%。\n",
        [("actual", "22.7", "2024"), ("actual", "25.8", "2024")],
    ),
]


@pytest.mark.parametrize(
    ("case", "text", "expected"), FROM_TO, ids=[row[0] for row in FROM_TO]
)
def test_from_to(case: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    got = _kinds_of(text)
    assert got == [(k, Decimal(v), p) for k, v, p in expected], case


def test_planned_sum_of_projects_is_no_goal() -> None:
    text = (
        "北川县人民政府工作报告\n2月1日在北川县第十届人民代表大会第三次会议上\n"
        "过去一年,全年准入社会投资项目22个,计划投资额同比增长7%。"
        "全县地区生产总值增长5.2%。\n"
    )
    assert all(k == "actual" for k, _, _ in _kinds_of(text))


# 1. A progress table set one cell per line (blank lines between), its rows
# skipping numbers in an excerpt: the task cell states targets, the progress
# cell actuals, the year from the page title that captions it.
PROGRESS_TABLE = (
    "县工信局落实2026年重点工作一季度进展情况表\n\n"
    "序号\n\n具体任务与要求\n\n进展情况\n\n牵头单位\n\n牵头领导\n\n"
    "4\n\n实施企业梯度培育行动,新增高新技术企业40家、科技型中小企业90家,"
    "推动产业链上下游协同发展。\n\n"
    "开展企业申报辅导,已有16家企业提交高新技术企业申报材料。\n\n"
    "县工信局\n\n县科技局\n\n县财政局\n\n张某某\n\n"
    "9\n\n推进创新平台建设,新建市级以上研发机构12家,完善成果转化服务体系。\n\n"
    "新建市级以上研发机构3家,组织对接活动5场。\n\n县科技局\n\n李某某\n"
)


def test_progress_table_cells() -> None:
    got = [
        (r.kind, r.value, r.period)
        for r in extract(PROGRESS_TABLE, "t.txt").records
        if r.value in (40, 90, 16, 12, 3)
    ]
    assert [(k, int(v), p[:4]) for k, v, p in got] == [
        ("target", 40, "2026"),
        ("target", 90, "2026"),
        ("actual", 16, "2026"),
        ("target", 12, "2026"),
        ("actual", 3, "2026"),
    ]
