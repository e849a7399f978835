"""Round 8, kind split: the execution part of a 计划 scraped onto one line, a
work report's digest whose only year is the one it looks back on, a news
subhead describing a goal, the figures a meeting's decision sets for a year."""

import pytest

from targets.extraction import extract


def _records(text: str) -> list:
    return extract(text, "document.txt").records


def _kinds(text: str) -> dict[float, str]:
    return {float(r.value): r.kind for r in _records(text)}


# --- 一、2022年…计划执行情况 inline on a page scraped into one line ---------

ONE_LINE_PLAN = (
    "某县人民政府关于印发某县2024年国民经济和社会发展计划的通知\n"
    "各乡镇人民政府:   现印发给你们,请认真贯彻执行。   某县人民政府   "
    "某县2024年国民经济和社会发展计划   {head}   {body}   {plan_head}   "
    "全县地区生产总值增长6%左右,一般公共预算收入增长5%。"
)


@pytest.mark.parametrize(
    "head,body",
    [
        (
            "一、2023年国民经济和社会发展计划执行情况",
            "2023年,全县经济运行稳中向好。地区生产总值达到356.2亿元,同比增长5.3%;"
            "完成一般公共预算收入21.4亿元。",
        ),
        (
            "(一)2023年度计划执行情况",
            "全县上下攻坚克难,实现地区生产总值356.2亿元,增长5.3%,"
            "一般公共预算收入完成21.4亿元。",
        ),
        (
            "一、2023年计划完成情况",
            "全年规上工业增加值增长5.3%,固定资产投资完成356.2亿元,"
            "社会消费品零售总额21.4亿元。",
        ),
    ],
)
def test_an_inline_execution_heading_with_its_year_opens_the_report_part(head, body):
    text = ONE_LINE_PLAN.format(
        head=head, body=body, plan_head="二、2024年经济社会发展的主要目标"
    )
    recs = _records(text)
    kinds = {float(r.value): r.kind for r in recs}
    assert {kinds[356.2], kinds[5.3], kinds[21.4]} == {"actual"}
    assert {r.period for r in recs if float(r.value) in (356.2, 5.3, 21.4)} == {"2023"}
    assert kinds[6] == "target"
    assert kinds[5] == "target"


@pytest.mark.parametrize(
    "head",
    [
        # Negative: an inline heading on the plan's year keeps the targets.
        "一、2024年主要预期目标",
        "(一)2024年工作目标",
    ],
)
def test_an_inline_plan_heading_with_its_year_keeps_targets(head):
    text = (
        "某县2024年国民经济和社会发展计划\n"
        "说明:   现印发。   " + head + "   全县地区生产总值增长6%左右,"
        "一般公共预算收入增长5%。"
    )
    kinds = _kinds(text)
    assert kinds[6] == "target"
    assert kinds[5] == "target"


# --- a work report's digest naming only the year it looks back on ------------

DIGEST = "凝心聚力 奋勇争先 为建设美丽某市而努力奋斗--政府工作报告摘登\n{head}\n{body}"


@pytest.mark.parametrize(
    "head,body",
    [
        (
            "踔厉奋发",
            "2023年,在市委的坚强领导下,全市上下攻坚克难,圆满完成了全年目标任务。"
            "全市地区生产总值同比增长6.4%;一般公共预算收入增长8.2%。",
        ),
        (
            "2023年发展取得新成效",
            "2023年,面对复杂严峻的形势,我们迎难而上,经济运行实现了稳中有进。"
            "全市地区生产总值增长6.4%,一般公共预算收入增长8.2%。",
        ),
        (
            "回眸奋进路",
            "2023年,市政府在市委领导下,坚持稳中求进,取得了来之不易的成绩。"
            "地區生產總值增長6.4%,一般公共預算收入增長8.2%。",
        ),
    ],
)
def test_a_digest_whose_one_year_is_looked_back_on_reports_it(head, body):
    recs = _records(DIGEST.format(head=head, body=body))
    got = {float(r.value): (r.kind, r.period) for r in recs}
    assert got[6.4] == ("actual", "2023")
    assert got[8.2] == ("actual", "2023")


@pytest.mark.parametrize(
    "body",
    [
        # Negative: the year opens what is to be done, not what was done.
        "2024年,在市委的坚强领导下,我们将奋力拼搏,全市地区生产总值增长6.4%左右,"
        "一般公共预算收入增长8.2%。",
        "2024年,全市上下要凝心聚力,力争地区生产总值增长6.4%,一般公共预算收入增长8.2%。",
    ],
)
def test_a_digest_year_that_opens_plans_keeps_its_targets(body):
    kinds = _kinds(DIGEST.format(head="奋进新征程", body=body))
    assert kinds[6.4] == "target"
    assert kinds[8.2] == "target"


# --- a news subhead describing a goal ----------------------------------------

NEWS = (
    "某市发展新定位发布\n2024-11-13 10:20 某某网\n{head}\n"
    "国务院批复的规划,重要信息还有很多,发展方向将更加明确。\n"
    "10月25日,某市统计局公布,前三季度全市地区生产总值为3675.1亿元,同比增长5.4%。"
)


@pytest.mark.parametrize(
    "head", ["更加目标化", "发展目标更清晰", "目標更加明確", "规划愈发清晰"]
)
def test_a_subhead_describing_a_goal_opens_no_plan_part(head):
    kinds = _kinds(NEWS.format(head=head))
    assert kinds[3675.1] == "actual"
    assert kinds[5.4] == "actual"


@pytest.mark.parametrize("head", ["发展目标", "主要目标", "明确目标任务"])
def test_a_subhead_naming_the_goals_still_opens_the_plan(head):
    text = (
        "某市发展新定位发布\n2024-11-13 10:20 某某网\n" + head + "\n"
        "到2027年,全市地区生产总值达到4000亿元,高新技术企业达到1500家。"
    )
    kinds = _kinds(text)
    assert kinds[4000] == "target"
    assert kinds[1500] == "target"


# --- the figures a meeting's decision sets for a year -------------------------

MEETING = "某市委全会召开\n2011-03-02\n{body}"


@pytest.mark.parametrize(
    "body",
    [
        "在去年11月召开的市委全会上,书记作了讲话。本次会议确定2010年全市实现地区生产总值870亿元,"
        "增长13%;固定资产投资增长18%以上。",
        "全会明确:2010年全市地区生产总值870亿元,增长13%,固定资产投资增长18%以上。",
        "市委常委会研究确定了2010年的主要指标:地区生产总值870亿元、增长13%,"
        "固定资产投资增长18%以上。",
    ],
)
def test_figures_a_decision_sets_for_a_year_are_its_goals(body):
    recs = _records(MEETING.format(body=body))
    got = {float(r.value): (r.kind, r.period) for r in recs}
    assert got[870] == ("target", "2010")
    assert got[13] == ("target", "2010")
    assert got[18] == ("target", "2010")


@pytest.mark.parametrize(
    "body",
    [
        # Negative: a report quoted as saying what was reached (提出 is no decision).
        "政府工作报告提出,2010年全市地区生产总值增长13%,固定资产投资增长18%。",
        # Negative: the result told after the goal it was set against.
        "会议确定2010年全市地区生产总值增长12%,实际增长13%,固定资产投资增长18%。",
        # Negative: a year reviewed, no decision.
        "会议通报了2010年全市经济运行情况,地区生产总值增长13%,固定资产投资增长18%。",
    ],
)
def test_a_report_of_a_year_quoted_by_a_meeting_stays_actual(body):
    kinds = _kinds(MEETING.format(body=body))
    assert kinds[13] == "actual"
    assert kinds[18] == "actual"


# --- the task a completion ratio measures against -----------------------------

HALF_YEAR = "某县科技局上半年工作总结\n{body}"


@pytest.mark.parametrize(
    "body,result,task,indicator",
    [
        (
            "上半年,完成技术市场交易额356.7万元,占任务300万元的118.9%。",
            356.7,
            300,
            "技术合同成交额",
        ),
        (
            "今年以来,全县技术合同成交额达到1.2亿元,完成年度任务1亿元的120%。",
            1.2,
            1,
            "技术合同成交额",
        ),
        (
            "今年以來,技術合同成交額達到1.2億元,完成年度計劃1億元的120%。",
            1.2,
            1,
            "技术合同成交额",
        ),
        (
            "截至6月底,新增高新技术企业12家,为全年目标任务20家的60%。",
            12,
            20,
            "高新技术企业数",
        ),
    ],
)
def test_the_task_a_completion_ratio_names_is_a_target(body, result, task, indicator):
    recs = _records(HALF_YEAR.format(body=body))
    got = {float(r.value): (r.kind, r.indicator) for r in recs}
    assert got[result] == ("actual", indicator)
    assert got[task] == ("target", indicator)


@pytest.mark.parametrize(
    "body,value",
    [
        # Negative: the size of one project, and a share with no task named.
        ("上半年,争取项目资金500万元的85%用于研发,技术合同成交额356.7万元。", 500),
        ("上半年,技术合同成交额356.7万元,完成计划投资80万元。", 80),
    ],
)
def test_money_without_a_task_ratio_is_no_quoted_target(body, value):
    recs = _records(HALF_YEAR.format(body=body))
    assert all(not (float(r.value) == value and r.kind == "target") for r in recs)


# --- a headline giving last year's output by its place, then this year's goal -


@pytest.mark.parametrize(
    "title,last,goal",
    [
        ("某市去年GDP预计超过1.4万亿元,今年预期目标增长5%以上", 1.4e12, 5),
        ("某县去年地区生产总值增长5.2%,今年目标增长6%", 5.2, 6),
        ("某縣去年GDP增長5.2%,今年預期目標增長6%左右", 5.2, 6),
        ("某区去年经济总量突破800亿元 今年力争增长7%", 8e10, 7),
    ],
)
def test_a_headlines_last_year_after_its_place_reports(title, last, goal):
    text = title + "\n2026-01-19 06:39\n2026年是开局之年。"
    got = {float(r.norm_value): (r.kind, r.period) for r in _records(text)}
    assert got[last] == ("actual", "2025")
    assert got[goal] == ("target", "2026")


def test_last_years_output_as_a_comparison_base_names_no_period():
    # Negative: 比去年GDP is the base of this year's goal.
    text = "某市2026年经济工作要点\n今年GDP比去年GDP增长6%以上。"
    got = {float(r.value): (r.kind, r.period) for r in _records(text)}
    assert got[6] == ("target", "2026")
