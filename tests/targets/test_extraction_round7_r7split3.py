"""Round 7 (r7split3): an untitled agenda page sets goals, a told result does not."""

import pytest

from targets.extraction import extract
from targets.extraction.document import document_context


def _kinds(text: str):
    return [(r.indicator, r.kind) for r in extract(text, "r7split3.txt").records]


# Pages cut from the plan part of a report: no heading, no year, clauses led
# by what is to be done; varied lead words, orders, punctuation and script.
AGENDA_PAGES = [
    (
        "提升城市品质。加快老旧小区改造,推进雨污分流工程建设,完善社区养老服务设施。"
        "强化交通组织,优化公交线网,新建停车泊位800个。\n"
        "做强县域经济。培育壮大特色产业集群,支持龙头企业扩能改造,力争引进亿元项目20个。"
        "深化营商环境改革,持续开展“一网通办”,确保企业开办时间压缩到1个工作日。\n"
        "筑牢安全底线。健全应急管理体系,落实安全生产责任制,统筹发展和安全。",
        "停车泊位",
    ),
    (
        "——加大生态保护力度。全面推行河湖长制;实施退化林修复工程;\n"
        "——积极扩大有效投资。谋划储备一批重大项目;争取专项债券资金;"
        "全社会固定资产投资增长9%;\n"
        "——着力稳定就业。落实援企稳岗政策;开展职业技能培训;支持返乡创业;"
        "构建和谐劳动关系;建立就业监测机制;",
        "固定资产投资",
    ),
    (
        "推進產業升級。加快傳統產業改造,培育新興產業,規模以上工業增加值增長7%。"
        "積極發展數字經濟,推動企業上雲,打造智能工廠3家。\n"
        "統籌城鄉發展。實施鄉村建設行動,完善農村基礎設施,"
        "促進農民增收,優化人居環境,構建城鄉融合機制,確保糧食安全。",
        "规模以上工业增加值",
    ),
]


@pytest.mark.parametrize(("text", "indicator"), AGENDA_PAGES)
def test_an_untitled_agenda_page_is_a_plan(text, indicator):
    assert document_context(text).kind == "plan"
    kinds = [k for name, k in _kinds(text) if indicator in (name or "")]
    assert kinds and set(kinds) == {"target"}


# Pages much like those but telling results: they stay reports (negative rows).
TOLD_PAGES = [
    # A comparison with last year.
    "提升城市品质。加快老旧小区改造,推进雨污分流工程建设,完善社区养老服务设施。"
    "强化交通组织,优化公交线网,新建停车泊位800个,比上年增加120个。\n"
    "做强县域经济。培育壮大特色产业集群,支持龙头企业扩能改造,引进亿元项目20个。"
    "深化营商环境改革,持续开展“一网通办”,推动企业开办提速。\n"
    "筑牢安全底线。健全应急管理体系,落实安全生产责任制,统筹发展和安全。",
    # Work already done (已…).
    "——加大生态保护力度。全面推行河湖长制;实施退化林修复工程;\n"
    "——积极扩大有效投资。谋划储备一批重大项目;已争取专项债券资金12亿元;"
    "全社会固定资产投资增长9%;\n"
    "——着力稳定就业。落实援企稳岗政策;开展职业技能培训;支持返乡创业;"
    "构建和谐劳动关系;建立就业监测机制;",
    # A quarter's figures told (一季度).
    "推进产业升级。加快传统产业改造,培育新兴产业,一季度规模以上工业增加值增长7%。"
    "积极发展数字经济,推动企业上云,打造智能工厂3家。\n"
    "统筹城乡发展。实施乡村建设行动,完善农村基础设施,"
    "促进农民增收,优化人居环境,构建城乡融合机制,确保粮食安全。",
    # A rank or a record had (跃居, 创历年新高, 荣获), then what is asked next.
    "全县新增规上工业企业15家,创历年新高;区域创新能力跃居全市第3位。"
    "会上提出要求:要加快产业升级,推动企业上云;加强人才引育,强化平台建设;"
    "优化营商环境,深化放管服改革;促进城乡融合,完善基础设施;统筹发展和安全。",
    "全市榮獲省級科技進步獎12項。會議要求:要加快創新平台建設,推進成果轉化;"
    "加強企業培育,強化人才支撐;優化創新生態,深化科技體制改革;"
    "促進產學研合作,完善激勵機制;確保各項任務落實。",
]


@pytest.mark.parametrize("text", TOLD_PAGES)
def test_an_agenda_page_that_tells_a_result_stays_a_report(text):
    assert document_context(text).kind == "report"


NARRATIVE_PAGES = [
    # Few clauses led by a verb of what is to be done: a news story.
    "全市经济运行总体平稳。地区生产总值达到520亿元,增长6.1%。"
    "工业生产稳中有升,规模以上工业增加值增长7.2%。消费市场持续回暖。",
    "今年前三季度,全县完成固定资产投资86亿元,增长10.4%;"
    "社会消费品零售总额达到45亿元,增长5.6%。",
    "截至目前,全区高新技术企业达到126家,科技型中小企业入库320家。",
]


@pytest.mark.parametrize("text", NARRATIVE_PAGES)
def test_a_page_of_results_stays_a_report(text):
    assert document_context(text).kind == "report"
    assert all(k == "actual" for _, k in _kinds(text))


def test_a_titled_report_is_not_turned_into_a_plan():
    text = (
        "某县2025年工作总结\n"
        "推进产业升级。加快传统产业改造,培育新兴产业,规模以上工业增加值增长7%。"
        "积极发展数字经济,推动企业上云,打造智能工厂3家。\n"
        "统筹城乡发展。实施乡村建设行动,完善农村基础设施,"
        "促进农民增收,优化人居环境,构建城乡融合机制,确保粮食安全。"
    )
    assert document_context(text).kind != "plan"


# A result set against the goal (均符合预期目标,其中…): the figures after it are
# results of the year so far, not goals; varied verbs, places and script.
MET_GOAL = [
    (
        "某区2024年一季度经济运行情况\n今年8项指标均符合预期目标,其中,"
        "社会消费品零售总额同比增长12.5%,一般公共预算收入增长9%。",
        "社会消费品零售总额",
    ),
    (
        "某县2023年上半年重点工作推进情况\n主要指标满足年度预期目标,"
        "其中固定资产投资增长11%,规模以上工业增加值增长8.2%。",
        "固定资产投资",
    ),
    (
        "某市2022年前三季度經濟運行\n各項指標符合預期目標,其中,"
        "地區生產總值增長6.3%,進出口總額增長15%。",
        "地区生产总值",
    ),
]


@pytest.mark.parametrize(("text", "indicator"), MET_GOAL)
def test_a_result_measured_against_the_goal_is_an_actual(text, indicator):
    kinds = [k for name, k in _kinds(text) if name == indicator]
    assert kinds == ["actual"]


# Negative rows: the goal itself, set or quoted, is still a target.
GOAL_SET = [
    (
        "某区2024年政府工作报告\n今年的预期目标是:地区生产总值增长6%左右。",
        "地区生产总值",
    ),
    (
        "某县2023年一季度经济运行情况\n一季度全县地区生产总值增长5%,"
        "全年预期目标为增长7%。",
        "地区生产总值",
    ),
    (
        "某市2025年工作要点\n主要预期目标:固定资产投资增长10%以上。",
        "固定资产投资",
    ),
]


@pytest.mark.parametrize(("text", "indicator"), GOAL_SET)
def test_a_goal_set_stays_a_target(text, indicator):
    kinds = [k for name, k in _kinds(text) if name == indicator]
    assert "target" in kinds
