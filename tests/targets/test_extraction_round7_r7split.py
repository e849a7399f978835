"""Round 7, kind split: the review paragraph that names the year's goal, the
plan list after a short lead sentence, the heading on what is still to do."""

import pytest

from targets.extraction import extract


def _kinds(text: str) -> dict[float, str]:
    return {float(r.value): r.kind for r in extract(text, "document.txt").records}


GWR = "某市政府工作报告\n——2025年1月10日在某市人民代表大会上\n各位代表:\n一、2024年工作回顾\n{body}\n二、2025年工作安排\n全市生产总值增长5.5%左右。"  # noqa: E501


@pytest.mark.parametrize(
    "body",
    [
        "2024年是实现“十四五”规划目标任务的关键一年。全市生产总值增长5.1%,一般公共预算收入增长4.2%。",
        "2024年是完成规划目标的攻坚之年。一年来,规上工业增加值增长7.3%,固定资产投资增长6.1%。",
        "2024年是攻坚克难、完成规划目标的关键一年。全年地区生产总值增长5.3%。",
    ],
)
def test_a_review_paragraph_naming_the_years_goal_still_reports(body):
    kinds = _kinds(GWR.format(body=body))
    assert kinds[5.5] == "target"
    assert {k for v, k in kinds.items() if v != 5.5} == {"actual"}


@pytest.mark.parametrize(
    "body",
    [
        # Negative: a plan paragraph opening on the plan's year keeps its targets.
        "2025年的主要目标是:全市生产总值增长5.5%左右,一般公共预算收入增长4%。",
        "2025年工作的总体安排和目标任务:规上工业增加值增长7%,固定资产投资增长6%。",
    ],
)
def test_a_plan_paragraph_of_the_plans_year_is_unchanged(body):
    text = (
        "某市政府工作报告\n——2025年1月10日\n一、2024年工作回顾\n全市生产总值增长5.1%。\n"
        + body
    )
    kinds = _kinds(text)
    assert kinds[5.1] == "actual"
    assert {k for v, k in kinds.items() if v != 5.1} == {"target"}


NEWS = "某县召开人代会\n12月20日,某县第十届人民代表大会第三次会议召开。2023年,某县地区生产总值增长6.2%。\n{body}"  # noqa: E501


@pytest.mark.parametrize(
    "body",
    [
        "该县将重点抓好五个方面工作。一是壮大工业。全年新增规上工业企业30家。二是抓项目。新开工亿元以上项目40个。",
        "全县将着力做好六件事。一是培育企业,新增高新技术企业12家。二是扩大投资,完成投资150亿元以上。",
        "我们要突出抓好四项工作。一是强化创新,新备案科技型中小企业120家。二是招商,引进项目25个以上。",
    ],
)
def test_a_list_after_a_short_lead_of_what_will_be_done_is_the_plan(body):
    kinds = _kinds(NEWS.format(body=body))
    assert kinds[6.2] == "actual"
    assert {k for v, k in kinds.items() if v != 6.2} == {"target"}


@pytest.mark.parametrize(
    "body",
    [
        # Negative: a lead of what was done, or a lead stating a figure.
        "该县重点抓好五个方面工作。一是壮大工业,新增规上工业企业30家。二是抓项目,新开工项目40个。",
        "一年来,该县扎实推进各项工作。一是壮大工业,新增规上工业企业30家。",
        "全县年度计划执行情况良好。一是壮大工业,新增规上工业企业30家。",
        "该县将各项工作抓出了成效。一是壮大工业,新增规上工业企业30家。",
    ],
)
def test_a_list_after_a_lead_of_work_done_still_reports(body):
    kinds = _kinds(NEWS.format(body=body))
    assert set(kinds.values()) == {"actual"}


REPORT = "某市去年经济运行\n2023年,全市生产总值增长5.8%。\n{head}\n全市制造业投资增长12%以上,新增规上企业60家。"  # noqa: E501


@pytest.mark.parametrize(
    "head",
    ["2024年某市还要怎么“拼”", "2024年,某市要怎么干", "2024年将如何发力"],
)
def test_a_heading_on_what_is_still_to_do_next_year_opens_the_plan(head):
    kinds = _kinds(REPORT.format(head=head))
    assert kinds[5.8] == "actual"
    assert kinds[12] == "target" and kinds[60] == "target"


@pytest.mark.parametrize(
    "head",
    # Negative: a heading on the reported year, or on next year with no modal.
    ["2023年某市还要怎么看", "2024年某市经济观察"],
)
def test_other_headings_with_a_year_do_not_open_the_plan(head):
    kinds = _kinds(REPORT.format(head=head))
    assert kinds[12] == "actual" and kinds[60] == "actual"


PLAN_NEWS = "某市人代会开幕\n2025年1月10日,某市人代会开幕,代表们热议政府工作报告。\n{body}\n今年,全市将推动工业产值增长8%以上,新增高新技术企业50家。"  # noqa: E501


@pytest.mark.parametrize(
    "body",
    [
        "2024年,全市交出了一份亮眼答卷。前三季度,地区生产总值增长6.1%;全年规上工业增加值增长9.2%。",
        "过去的2024年,我们取得了来之不易的成绩,全市生产总值增长5.7%,一般公共预算收入增长3.4%。",
        "2024年,全市书写了高质量发展新篇章。前三季度,固定资产投资增长4.6%,社会消费品零售总额增长6.3%。",
    ],
)
def test_a_paragraph_telling_what_its_year_achieved_reports_in_a_plan(body):
    kinds = _kinds(PLAN_NEWS.format(body=body))
    assert kinds[8] == "target" and kinds[50] == "target"
    assert {k for v, k in kinds.items() if v not in (8, 50)} == {"actual"}


@pytest.mark.parametrize(
    "body",
    [
        # Negative: a paragraph on the year to come, or the achievement as a goal.
        "2025年,全市力争地区生产总值增长6%,规上工业增加值增长8.5%。",
        "2024年,全市将实现地区生产总值增长6%,规上工业增加值增长8.5%。",
    ],
)
def test_a_paragraph_of_goals_opening_on_a_year_keeps_its_targets(body):
    kinds = _kinds(PLAN_NEWS.format(body=body))
    assert set(kinds.values()) == {"target"}
