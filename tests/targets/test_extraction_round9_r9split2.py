"""Round 9 (r9split2): a plan's part on where it starts from, a report's
reading whose title names the year reviewed, a numbered part taken for the
title, dashed list items, a goal's amount before 的…目标, an award's season."""

import pytest

from targets.extraction import extract


def _recs(text: str, name: str = "r9split2.txt"):
    return [
        (r.kind, r.indicator, str(r.value), r.period)
        for r in extract(text, name).records
    ]


def _kinds(text: str):
    return [(k, i, v) for k, i, v, _ in _recs(text)]


# A plan's part headed 发展基础 (发展现状, “十三五”发展成就) reviews the years
# before the plan: its changes (由X提升至Y) are results, of the year before.
PLAN = (
    "某市科技创新“十四五”规划\n发布时间:2021-09-10\n"
    "一、{head}\n{body}\n二、主要目标\n{goals}\n"
)
BODY = "研发投入强度由1.5%提升至2.1%,技术合同成交额由10亿元增加至40亿元。"
GOALS = "到2025年,研发投入强度达到2.8%。"


@pytest.mark.parametrize(
    "head", ["发展基础", "发展现状", "“十三五”发展成就", "发展基础与面临形势"]
)
def test_a_plans_base_part_reports_the_years_before(head):
    recs = _recs(PLAN.format(head=head, body=BODY, goals=GOALS))
    done = [r for r in recs if r[2] in ("2.1", "40")]
    assert [r[0] for r in done] == ["actual", "actual"]
    assert all(r[3] == "2020" for r in done)
    assert ("target", "研发投入强度", "2.8", "2025") in recs


@pytest.mark.parametrize("head", ["夯实发展基础", "发展目标"])
def test_a_plans_other_parts_still_set_goals(head):
    kinds = _kinds(PLAN.format(head=head, body="研发投入强度提升至2.6%。", goals=GOALS))
    assert ("target", "研发投入强度", "2.6") in kinds


# 政府工作报告解读丨2024年…指标 on a page of 2025-01 whose lead says the report
# 总结了2024年: the title's year is reviewed, 预计 figures of it are results.
READING = (
    "政府工作报告解读丨{y}年某市主要经济指标稳中有进\n时间:{pub}\n"
    "《政府工作报告》全面总结了{y}年某市发展成果,安排部署下一年重点工作。\n"
    "{y}年,某市交出了一份厚重答卷。预计地区生产总值增长6%左右。\n"
)


def test_a_report_reading_reviews_its_titles_year():
    recs = _recs(READING.format(y=2024, pub="2025-01-09 10:00"))
    assert recs == [("actual", "地区生产总值", "6", "2024")]


def test_a_report_of_the_titles_year_still_plans_it():
    # The report itself (its own year in the title), reposted the year after.
    text = (
        "某市政府工作报告(2024年1月5日)\n时间:2025-02-20 10:00\n"
        "今年经济社会发展的主要预期目标是:地区生产总值增长6%左右。\n"
    )
    assert _recs(text) == [("target", "地区生产总值", "6", "2024")]


# An excerpt opening on a numbered part (一、2021年…执行情况) had it taken for
# its title: the part still opens there, and its headings of effort report.
EXEC = (
    "一、2021年国民经济和社会发展计划执行情况\n"
    "刚刚过去的一年,全市上下克服多重困难,高质量发展稳步推进,主要发展指标总体实现年初确定的预期目标:\n"
    "——地区生产总值增长8%左右;\n"
    "——单位地区生产总值能耗下降率完成上级任务。\n"
    "(一)全力以赴抓项目,转型升级迈出新步伐\n"
    "聚力做强重点产业链,扎实推进12个特色产业园区建设,新开工重大项目16个。\n"
)


def test_a_title_that_is_a_numbered_review_part_opens_it():
    kinds = _kinds(EXEC)
    assert kinds and all(k[0] == "actual" for k in kinds)


def test_a_numbered_plan_part_as_title_still_plans():
    text = "二、2022年国民经济和社会发展计划\n全市地区生产总值增长6%左右。\n"
    assert _kinds(text) == [("target", "地区生产总值", "6")]


# 努力实现…、…达到1200亿元的增长目标: the amount before 的…目标 is a goal's
# value (stretch under 努力实现), not the size of one project.
def test_an_amount_before_a_goal_is_kept():
    text = (
        "某市政府工作报告\n“十四五”时期,努力实现旅游人次达到1.5亿人次、"
        "旅游总收入达到900亿元的增长目标。\n"
    )
    recs = extract(text, "r9split2.txt").records
    got = [(r.kind, r.indicator, r.value, r.stretch) for r in recs]
    assert ("target", "旅游总收入", 900, True) in got


def test_a_projects_size_is_still_no_figure():
    text = "某市政府工作报告\n今年,全市新开工投资50亿元的项目。\n"
    assert not [r for r in extract(text, "r9split2.txt").records if r.value == 50]


# 今年上半年揭晓的2023年度…奖: the award of a year is given the year after; an
# undated page naming it so speaks from that later year.
def test_an_award_given_this_year_dates_the_page():
    text = (
        "某市特刊\n上半年地区生产总值增长6%。在今年上半年揭晓的2023年度国家科学技术奖中,"
        "某市企业参与的2项成果获奖。\n"
    )
    recs = _recs(text)
    assert ("actual", "地区生产总值", "6", "2024-01/2024-06") in recs


# 政府工作报告中提到,今年…建成…: on a page out in January the speaker's 今年 is
# the year just over (nothing of a year is done in its first weeks).
JANUARY = (
    "某州日报 {pub}\n“预计全年实现地区生产总值200亿元,同比增长8%。”政府工作报告中,"
    "一组组数字赢得了阵阵掌声。\n“政府工作报告中提到,{clause}。”委员告诉记者。\n"
)


def test_this_year_on_a_january_page_is_the_year_just_over():
    text = JANUARY.format(pub="2019年01月10日", clause="今年全州接待游客1500万人次")
    assert ("actual", "接待游客人次", "15000000", "2018") in _recs(text)


@pytest.mark.parametrize(
    "clause",
    ["今年全州力争接待游客1500万人次", "今年全州将接待游客1500万人次"],
)
def test_an_aim_on_a_january_page_stays_a_target(clause):
    kinds = _kinds(JANUARY.format(pub="2019年01月10日", clause=clause))
    assert ("target", "接待游客人次", "15000000") in kinds


def test_this_year_later_in_the_year_is_unchanged():
    text = JANUARY.format(pub="2019年06月10日", clause="今年全州接待游客1500万人次")
    assert ("actual", "接待游客人次", "15000000", "2018") not in _recs(text)


def test_a_goal_worded_figure_on_a_january_page_stays_a_target():
    text = JANUARY.format(pub="2019年01月10日", clause="今年全州地区生产总值增长7%左右")
    assert ("target", "地区生产总值", "7") in _kinds(text)


# “十三五”期间,…。…由X提升至Y: the base of a change over the term told in a
# paragraph framed by it is the year before the term.
def test_the_base_of_a_change_over_a_term_is_the_year_before_it():
    body = "“十三五”期间,全市科技工作快速发展。" + BODY
    recs = _recs(PLAN.format(head="发展基础", body=body, goals=GOALS))
    assert ("actual", "研发投入强度", "1.5", "2015") in recs
    assert ("actual", "研发投入强度", "2.1", "2020") in recs


def test_the_base_of_a_change_with_no_term_named_is_unchanged():
    recs = _recs(PLAN.format(head="发展基础", body=BODY, goals=GOALS))
    assert ("actual", "研发投入强度", "1.5", "2020") in recs
