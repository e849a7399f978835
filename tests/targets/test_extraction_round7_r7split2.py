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
