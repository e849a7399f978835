"""Round 8, kind split (second pass): the aim by a named year on an undated
page (力争到2020年…达到), a change still to be reached (要由…增加至), targets
quoted back beside a 完成情况 column, and a review list after this year's goal."""

import pytest

from targets.extraction import extract


def _records(text: str) -> list:
    return extract(text, "document.txt").records


def _kinds(text: str) -> dict[float, str]:
    return {float(r.value): r.kind for r in _records(text)}


# --- 力争到2020年…达到 on a page with no date of its own -------------------


@pytest.mark.parametrize(
    "text",
    [
        "近日,市委召开专题会议,明确了三大目标任务。(1)建设交通枢纽,力争到2020年,"
        "高速公路里程达到612公里。(2)建设产业示范区,力争到2020年,"
        "规模以上工业增加值达到380亿元。",
        "会议要求,争取到2025年,全县高新技术企业达到75家,研发投入强度达到2.6%。",
        "爭取到2030年,全市規模以上工業增加值達到380億元,高新技術企業達到75家。",
        "该区提出,力争 到 2027 年，规模以上工业增加值达到380亿元。",
    ],
)
def test_an_aim_by_a_named_year_is_a_target_on_an_undated_page(text):
    recs = _records(text)
    assert recs
    assert {r.kind for r in recs} == {"target"}
    assert all(r.stretch for r in recs)


@pytest.mark.parametrize(
    "text",
    [
        # Money won (争取到位), not an aim.
        "今年以来,全县争取到位资金3.2亿元,同比增长12%。",
        # A result reached by a year, with no verb of aiming.
        "2019年,全市高新技术企业达到75家,同比增长12%。",
    ],
)
def test_money_won_or_a_result_reached_stays_an_actual(text):
    assert {r.kind for r in _records(text)} <= {"actual"}


# --- 要由上年的X增加至Y: a change still to be reached -------------------------


@pytest.mark.parametrize(
    "text,target,base",
    [
        (
            "某市2017年科技工作要点。研发经费支出要由上年的6.4亿元增加至9.8亿元。",
            9.8,
            6.4,
        ),
        (
            "某县2021年工作安排。全社会研发经费投入要从上年的3亿元提高到4.5亿元。",
            4.5,
            3,
        ),
        ("2022年,全区高新技术企业要增加到64家。", 64, None),
        ("2023年全市高新技術企業要由上年的40家增加到64家。", 64, 40),
    ],
)
def test_a_change_still_to_be_reached_is_a_target(text, target, base):
    kinds = _kinds(text)
    assert kinds[target] == "target"
    if base is not None:
        assert kinds[base] == "actual"


@pytest.mark.parametrize(
    "text",
    [
        "2016年,全县高新技术企业数由上年的30家增加至64家。",
        "2020年,研发经费投入从上年的3亿元提高到4.5亿元,主要是企业投入增加。",
    ],
)
def test_a_change_already_made_stays_an_actual(text):
    assert {r.kind for r in _records(text)} <= {"actual"}


# --- a 完成情况 table scraped one cell per line: the task cell is a target ----

TASK_PAGE = (
    "{title}\n发布日期:2024-07-05 来源:县政府办公室\n\n序号\n\n任务内容\n\n牵头单位\n\n"
    "{progress_head}\n\n{task}\n\n{department}\n\n{progress}\n"
)


@pytest.mark.parametrize(
    "title,progress_head,task,department,progress,target,actual",
    [
        (
            "2024年县政府工作报告重点工作半年度完成情况",
            "半年度进展情况",
            "地区生产总值增长6.5%以上;固定资产投资达到420亿元以上。",
            "县发改局",
            "1-6月,全县地区生产总值增长6.9%。",
            420,
            6.9,
        ),
        (
            "某市2024年重点工作任务三季度推进情况",
            "推进情况",
            "规模以上工业增加值增长8%,居民消费价格涨幅控制在3%以内。",
            "(市经信委)",
            "截至9月底,全市规模以上工业增加值增长8.8%。",
            3,
            8.8,
        ),
        (
            "2024年政府工作報告重點工作落实情况",
            "进展情况",
            "一般公共預算收入增長5%,高新技術企業達到120家。",
            "县科技局",
            "今年以来,全县一般公共预算收入增长7.2%。",
            120,
            7.2,
        ),
    ],
)
def test_a_task_cell_before_its_department_is_a_target(
    title, progress_head, task, department, progress, target, actual
):
    text = TASK_PAGE.format(
        title=title,
        progress_head=progress_head,
        task=task,
        department=department,
        progress=progress,
    )
    kinds = _kinds(text)
    assert kinds[target] == "target"
    assert kinds[actual] == "actual"


def test_a_progress_cell_before_a_department_line_stays_an_actual():
    # The progress cell opens on the months so far: never the task.
    text = TASK_PAGE.format(
        title="2024年重点工作任务半年度完成情况",
        progress_head="进展情况",
        task="推进项目建设。",
        department="县发改局",
        progress="1-6月,全县固定资产投资完成210亿元。\n\n县统计局",
    )
    assert {r.kind for r in _records(text)} == {"actual"}


def test_a_department_line_on_a_page_that_tracks_no_tasks_changes_nothing():
    text = "2023年全县经济运行情况\n\n全县地区生产总值增长6.5%。\n\n县统计局\n"
    assert {r.kind for r in _records(text)} == {"actual"}


# --- 力争…;1-5月,…: the result told after the aim --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "一季度GDP增长7.1%,力争上半年增长7.5%以上;1-5月,全市固定资产投资437亿元。",
        "力争全年增长6%;截至5月底,全市固定资产投资完成437亿元。",
        "確保全年增長6%;1—5月份,全市固定資產投資437億元。",
        "要实现全年增长6%的目标;目前,全市固定资产投资437亿元。",
    ],
)
def test_a_clause_on_the_months_so_far_after_an_aim_reports(text):
    assert _kinds(text)[437] == "actual"


@pytest.mark.parametrize(
    "text",
    [
        "力争全年固定资产投资增长6%;规上工业增加值增长7%。",
        "力争固定资产投资增长6%;上半年规上工业增加值增长7%以上。",
    ],
)
def test_a_clause_without_months_so_far_stays_under_the_aim(text):
    assert _kinds(text)[7] == "target"


# --- a list of ranked results after this year's goal -----------------------

GOAL_THEN_RESULTS = "{goal}\n{results}\n"


@pytest.mark.parametrize(
    "goal,results,year",
    [
        (
            "2月20日,某市第九届人民代表大会第三次会议开幕。今年,某市地区生产总值"
            "预期目标为增长6%左右。",
            "社会消费品零售总额增长8.3%、增速居全省第二,规模以上工业增加值增长9.1%、"
            "增速居全省前列……2023年的成绩单令人振奋。",
            "2023",
        ),
        (
            "某县十七届人大四次会议今日开幕,今年全县经济增长目标定为6%以上。",
            "回看过去一年,外贸进出口总额增长12.4%,位居全市第一;固定资产投资增长9.1%,"
            "排名全市第三。",
            None,
        ),
        (
            "某區人民代表大會會議開幕。今年,某區地區生產總值預期目標為增長6%左右。",
            "固定資產投資增長9.1%、增速居全省第一,外貿進出口總額增長12.4%、居全國第二。",
            None,
        ),
    ],
)
def test_ranked_results_after_a_goal_are_actuals(goal, results, year):
    recs = _records(GOAL_THEN_RESULTS.format(goal=goal, results=results))
    kinds = {float(r.value): r.kind for r in recs}
    assert kinds[6] == "target"
    assert kinds[9.1] == "actual"
    assert kinds[12.4 if 12.4 in kinds else 8.3] == "actual"
    if year:
        assert {r.period for r in recs if float(r.value) == 9.1} == {year}


PLAN_GOALS = (
    "某市2025年国民经济和社会发展计划\n二、2025年经济社会发展的主要目标\n"
    "地区生产总值增长6%左右。\n{results}\n"
)


@pytest.mark.parametrize(
    "results",
    [
        # Aims ranked: still goals.
        "力争固定资产投资增长9.1%、增速居全省前列,外贸进出口总额增长12.4%、居全省第一。",
        "规模以上工业增加值增长9.1%、确保居全市第一,外贸进出口总额增长12.4%、"
        "争取排名全市前列。",
        "固定资产投资增长9.1%、增速保持全省第一,外贸进出口总额增长12.4%、居全省第二。",
        # Only 前列: no place told.
        "固定资产投资增长9.1%、增速居全省前列,外贸进出口总额增长12.4%、居全市前列。",
        # Only one rank: not enough to turn the list.
        "固定资产投资增长9.1%,外贸进出口总额增长12.4%、增速居全省第一。",
    ],
)
def test_goals_ranked_or_ranked_once_stay_targets(results):
    assert _kinds(PLAN_GOALS.format(results=results))[9.1] == "target"
