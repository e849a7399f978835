"""Round 7 pass 2, kind split: a paragraph of a plan's text (a meeting's news,
a work report) opened on a year before the plan's, bare or after a lead-in
(会议指出, 报告显示:, 據統計), reports that year; a programme's name (倍增计划,)
is no word of aim."""

import pytest

from targets.extraction import extract

# A page whose first line is no title: the headline naming the year of the
# meeting opens the text as a heading of that (the plan's) year.
MEETING = "首页|登录\n{head}\n\n{lead}\n\n{body}\n\n{plan}"


@pytest.mark.parametrize(
    ("head", "lead", "body", "plan"),
    [
        (
            "2024年全市科技工作会议召开",
            "3月1日,全市科技工作会议召开。会议总结2023年工作,安排部署2024年重点任务。",
            "会议指出,2023年全市科技系统真抓实干,各项工作取得新进展。高新技术企业达到53家,"
            "同比提高35.9%,技术合同成交额1.89亿元。",
            "会议强调,2024年力争高新技术企业达到60家。",
        ),
        (
            "2025年全县农业农村工作会议举行",
            "1月9日,全县农业农村工作会议举行,回顾2024年工作,部署2025年任务。",
            "会上通报:2024年,全县粮食总产量达到41.2万吨,增长2.6%;农村居民人均可支配收入18760元。",
            "会议要求,2025年全县要确保粮食总产量稳定在41万吨以上。",
        ),
        (
            "2023年全區工業經濟工作會議召開",
            "2月3日,全區工業經濟工作會議召開。會議總結2022年工作,安排部署2023年工作。",
            "據統計,2022年全區工業經濟穩中有進。規模以上工業增加值增長7.4%,新增規上工業企業26家。",
            "會議提出,2023年力爭規模以上工業增加值增長8%。",
        ),
        (
            "2024年全市商务工作会议召开",
            "会议总结了2023年商务工作,部署了2024年重点工作。",
            "报告显示,2023年全市商务运行总体平稳。社会消费品零售总额812亿元,同比增长6.1%。"
            "推进外贸主体培育计划,新增外贸企业45家。",
            "会议提出,2024年社会消费品零售总额力争增长6.5%。",
        ),
    ],
)
def test_a_meeting_review_paragraph_on_last_year_reports(head, lead, body, plan):
    text = MEETING.format(head=head, lead=lead, body=body, plan=plan)
    records = extract(text, "document.txt").records
    plan_start = text.index(plan)
    review = [r for r in records if r.start < plan_start]
    goals = [r for r in records if r.start >= plan_start]
    assert review and {r.kind for r in review} == {"actual"}
    year = int(head[:4])
    assert {r.period for r in review} == {str(year - 1)}
    assert goals and {r.kind for r in goals} == {"target"}


@pytest.mark.parametrize(
    "body",
    [
        # Negative: a word of aim after the past year turns the paragraph to the plan.
        "会议指出,2023年全市工作成效明显。今年全市高新技术企业达到60家,技术合同成交额2亿元。",
        "会议指出,2023年全市工作成效明显。综合考虑各方面因素,高新技术企业达到60家。",
        "会议指出,2023年各项工作取得新进展,2024年要推动高新技术企业达到60家。",
        "会议明确,2023年打下了基础。全年目标是:高新技术企业达到60家。",
        # A goal's 左右 is not a result.
        "会议指出,2023年工作扎实。全市地区生产总值增长6%左右。",
    ],
)
def test_a_turn_to_the_plan_keeps_the_targets(body):
    text = MEETING.format(
        head="2024年全市科技工作会议召开",
        lead="会议总结2023年工作,安排部署2024年重点任务。",
        body=body,
        plan="会议强调,2024年力争技术合同登记数达到150项。",
    )
    records = extract(text, "document.txt").records
    assert records and {r.kind for r in records} == {"target"}


@pytest.mark.parametrize(
    "body",
    [
        # Negative: a paragraph opening on the plan's own year keeps its targets.
        "会议指出,2024年全市高新技术企业达到60家,技术合同成交额2亿元。",
        "2024年,全市高新技术企业达到60家,技术合同成交额2亿元。",
        # A deadline year after the plan's.
        "会议指出,到2026年全市高新技术企业达到80家。",
    ],
)
def test_a_paragraph_on_the_plans_year_is_unchanged(body):
    text = MEETING.format(
        head="2024年全市科技工作会议召开",
        lead="会议总结2023年工作,安排部署2024年重点任务。",
        body=body,
        plan="会议强调,力争技术合同登记数达到150项。",
    )
    records = extract(text, "document.txt").records
    assert records and {r.kind for r in records} == {"target"}


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # A programme's name closing its clause is no aim.
        ("实施人才引育计划,引进高层次人才120名。", "actual"),
        ("推进科技合作倍增计划、促成合作项目10项。", "actual"),
        ("落实“千企升级”计划;完成技改项目85个。", "actual"),
        # Negative: 计划 as a verb still aims.
        ("计划引进高层次人才150名。", "target"),
        ("全年计划完成技改项目90个。", "target"),
    ],
)
def test_a_programmes_name_is_no_aim(sentence, kind):
    text = MEETING.format(
        head="2024年全市科技工作会议召开",
        lead="会议总结2023年工作,安排部署2024年重点任务。",
        body="会议指出,2023年全市科技工作取得新进展。" + sentence,
        plan="会议强调,2024年力争技术合同登记数达到150项。",
    )
    records = extract(text, "document.txt").records
    figure = [r for r in records if r.start < text.index("会议强调")]
    assert figure and {r.kind for r in figure} == {kind}


def _by_value(text: str) -> dict[float, str]:
    return {float(r.value): r.kind for r in extract(text, "document.txt").records}


@pytest.mark.parametrize(
    "body",
    [
        "“全县生产总值增长7%左右,固定资产投资增长9%,一般公共预算收入增长6%。”这是某县今年的主要预期目标。",
        "全市地区生产总值增长6.5%,社会消费品零售总额增长8%。以上为全市明年经济社会发展的奋斗目标。",
        "「規模以上工業增加值增長9%,一般公共預算收入增長6%。」這些都是全區今年的預期目標。",
        "全区生产总值增长7%,固定资产投资增长9%;这就是我们今年的目标任务。",
    ],
)
def test_a_list_closed_by_a_label_of_goals_is_targets(body):
    text = "记者从会上获悉\n\n今年,某地积极适应新常态。" + body + "\n"
    assert set(_by_value(text).values()) == {"target"}


@pytest.mark.parametrize(
    "body",
    [
        # Negative: a label saying the goal was met, or no label.
        "全县生产总值增长7.2%,固定资产投资增长9.5%。这是超额完成年度目标的一年。",
        "全县生产总值增长7.2%,固定资产投资增长9.5%。这是近五年来最好成绩。",
        "全县生产总值增长7.2%,固定资产投资增长9.5%。",
    ],
)
def test_a_result_without_a_goal_label_stays_actual(body):
    text = "2023年某县经济运行情况\n\n2023年,某县经济稳中向好。" + body + "\n"
    assert set(_by_value(text).values()) == {"actual"}


@pytest.mark.parametrize(
    "heading",
    ["二、重点工作", "(二)2021年重点工作", "三、工作重点", "二、重點工作"],
)
def test_a_heading_of_the_work_to_do_opens_the_plan(heading):
    text = (
        "科技创新工作要点\n一、总体要求\n深入实施创新驱动战略。\n"
        f"{heading}\n1.加快高新技术产业发展。科技型中小企业备案数超20家,"
        "有效高新技术企业达到19家,实施高新技术产品项目15个。\n"
    )
    assert set(_by_value(text).values()) == {"target"}


def test_a_heading_of_work_done_under_a_reporting_title_still_reports():
    # Negative: the title says the page reports on the work (完成情况).
    text = (
        "市科技局2022年重点工作完成情况\n一、年度重点工作\n"
        "一是培育企业。全年新认定高新技术企业120家,技术合同成交额增长21%。\n"
    )
    assert set(_by_value(text).values()) == {"actual"}


TASKS = "某区政府督查室关于2023年政府工作报告重点任务前三季度推进情况的报告\n二、重点工作任务进展情况\n{item}\n"  # noqa: E501


@pytest.mark.parametrize(
    ("item", "task", "done"),
    [
        ("1.实现数字经济增加值增长8%1-9月,全区数字经济增加值同比增长3.1%。", 8, 3.1),
        ("2.新建5G基站1200个。截至9月底,已建成5G基站860个。", 1200, 860),
        (
            "(3)完成棚户区改造2000户;前三季度累计完成棚户区改造1350户,进度滞后。",
            2000,
            1350,
        ),
        ("4、引进整车进口企业6家。目前,已引进整车进口企业4家。", 6, 4),
    ],
)
def test_a_task_restated_in_a_progress_report_is_the_target(item, task, done):
    kinds = _by_value(TASKS.format(item=item))
    assert kinds[float(task)] == "target"
    assert kinds[float(done)] == "actual"


def test_a_numbered_result_without_a_progress_lead_stays_actual():
    # Negative: no progress told after the first sentence.
    kinds = _by_value(
        TASKS.format(item="1.前三季度,全区数字经济增加值同比增长3.1%,增速回落。")
    )
    assert set(kinds.values()) == {"actual"}


@pytest.mark.parametrize(
    "body",
    [
        # The past-year opening in other styles: a statistics lead, a bare
        # figure line, a speech's look back.
        "据初步核算:2023年,全县经济运行稳中有进。地区生产总值完成312亿元,增长5.4%。",
        "统计数据显示,2023年全区规上工业企业达到210户,新增28户。",
        "回头看,2023年我们啃下了不少硬骨头。全市新增市场主体2.1万户,城镇新增就业1.3万人。",
    ],
)
def test_the_past_year_opening_in_other_styles(body):
    text = MEETING.format(
        head="2024年全县经济工作会议召开",
        lead="会议总结2023年工作,安排部署2024年经济工作。",
        body=body,
        plan="会议要求,2024年力争地区生产总值增长6%。",
    )
    kinds = {(r.kind, r.period) for r in extract(text, "document.txt").records}
    assert kinds == {("actual", "2023"), ("target", "2024")}
