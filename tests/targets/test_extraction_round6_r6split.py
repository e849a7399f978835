"""Round 6, target or actual: reviews that name later years than the page's
guessed year (比2012年…, 由X年的A提高到Y年的B), a paragraph that goes on
with a past year's results in a plan's text, and a city's 国内生产总值 after
主要目标是. Each row is a text written for this test (no corpus sentence,
place or number)."""

from __future__ import annotations

import pytest

from tests.targets.extraction_rows import catalog_kinds, kinds

# (case, text, [(kind, indicator, value)]) — every catalog record of the text.
KINDS = [
    # A review since 2012: the later years it names are over (截至2021年底).
    (
        "a ten-year review compares 2021 with 2012",
        "党的十八大以来江城科技创新成效显著\n\n"
        "记者从市新闻发布会获悉,党的十八大以来,我市科技创新能力明显增强。"
        "截至2021年底,全市高新技术企业860家,是2012年的6倍。2021年,全市全社会"
        "研发经费投入31.5亿元,是2012年的4.2倍;全社会研发投入强度2.05%,"
        "比2012年提高了0.9个百分点。\n",
        [
            ("actual", "高新技术企业数", "860"),
            ("actual", "全社会研发经费投入", "31.5"),
            ("actual", "研发投入强度", "2.05"),
            ("actual", "研发投入强度", "0.9"),
        ],
    ),
    (
        "a change from a base year to an end year, and the clause after it",
        "南湖十年发展综述\n\n"
        "十年来,全区森林覆盖率由2013年的38.2%提高到2023年的46.7%,"
        "常住人口城镇化率提升11.4个百分点。\n",
        [("actual", "常住人口城镇化率", "11.4")],
    ),
    (
        "a review in Traditional characters, 由…增至 with no deadline",
        "北嶺十年綜述\n\n"
        "十年來,全市高新技術企業由2014年的120家增至2024年的530家,"
        "技術合同成交額增長3.6倍。\n",
        [
            ("actual", "高新技术企业数", "120"),
            ("actual", "高新技术企业数", "530"),
            ("actual", "技术合同成交额", "3.6"),
        ],
    ),
    (
        "a deadline in the same review stays a target",
        "江城科技创新综述\n\n"
        "党的十八大以来,我市科技创新能力明显增强。截至2021年底,全市高新技术企业"
        "860家,是2012年的6倍。到2026年,全市高新技术企业达到1500家。\n",
        [("actual", "高新技术企业数", "860"), ("target", "高新技术企业数", "1500")],
    ),
    # A plan's news: the paragraph opened by last year goes on with its results.
    (
        "last year's results go on after the first sentence",
        "西岭县2025年经济社会发展主要预期目标公布\n\n"
        "1月20日,西岭县人代会开幕,县长作政府工作报告。\n\n"
        "报告回顾,2024年全县地区生产总值达到356亿元、增长5.6%。一般公共预算收入"
        "完成21.3亿元,社会消费品零售总额增长4.9%。\n\n"
        "2025年主要预期目标是:地区生产总值增长6%左右,一般公共预算收入增长5%。\n",
        [
            ("actual", "地区生产总值", "356"),
            ("actual", "地区生产总值", "5.6"),
            ("actual", "一般公共预算收入", "21.3"),
            ("actual", "社会消费品零售总额", "4.9"),
            ("target", "地区生产总值", "6"),
            ("target", "一般公共预算收入", "5"),
        ],
    ),
    (
        "the next sentence turns to this year with 将 and 力争: targets",
        "西岭县2025年政府工作报告解读\n\n"
        "报告回顾,2024年全县地区生产总值增长5.6%。今年,全县将力争一般公共预算"
        "收入增长6%,社会消费品零售总额增长5.5%。\n",
        [
            ("actual", "地区生产总值", "5.6"),
            ("target", "一般公共预算收入", "6"),
            ("target", "社会消费品零售总额", "5.5"),
        ],
    ),
    (
        "a goal's 左右 after last year's result is not carried back",
        "西岭县公布2025年经济社会发展主要预期目标\n\n"
        "1月20日,西岭县人代会开幕,县长作政府工作报告。\n\n"
        "报告回顾,2024年全县地区生产总值增长5.6%。综合考虑各方面因素,全县地区"
        "生产总值增长6%左右,一般公共预算收入增长5%左右。\n",
        [
            ("actual", "地区生产总值", "5.6"),
            ("target", "地区生产总值", "6"),
            ("target", "一般公共预算收入", "5"),
        ],
    ),
    # A lead that says what the city 要实现 or 实现: the year decides, not the verb.
    (
        "要实现 in the lead of this year's plan news: targets",
        "青山:今年全市经济要实现稳中有进\n\n"
        "青山日报讯 2025年2月18日 2025年,青山市要实现地区生产总值增长5.5%左右,"
        "规上工业增加值增长6%。\n"
        "2月17日,青山市政府工作报告提出上述目标。据悉,2024年,青山完成地区生产总值"
        "1830.6亿元、同比增长5.3%。\n",
        [
            ("target", "地区生产总值", "5.5"),
            ("target", "规模以上工业增加值", "6"),
            ("actual", "地区生产总值", "1830.6"),
            ("actual", "地区生产总值", "5.3"),
        ],
    ),
    (
        "实现 in the lead of last year's results: actuals",
        "青山:2024年经济运行稳中有进\n\n"
        "青山日报讯 2025年1月25日 2024年,青山市实现地区生产总值增长5.3%,"
        "规上工业增加值增长6.1%。\n"
        "1月24日,市统计局发布2024年全市经济运行情况。\n",
        [("actual", "地区生产总值", "5.3"), ("actual", "规模以上工业增加值", "6.1")],
    ),
    (
        "a deadline year far after the page in a review: a target",
        "北川发展综述\n\n2023年5月6日 北川日报\n\n"
        "截至2022年底,全市高新技术企业410家。2027年全市高新技术企业突破800家。\n",
        [("actual", "高新技术企业数", "410"), ("target", "高新技术企业数", "800")],
    ),
    # 国内生产总值 is the city's own GDP here, not the country's.
    (
        "a city's goal named 国内生产总值 after 主要目标是",
        "东江市委书记谈今年发展\n\n2024年02月03日 来源:东江日报\n\n"
        "市委书记在会上表示,今年东江市的主要目标是国内生产总值增长6%以上,"
        "规上工业增加值增长7.5%。\n",
        [("target", "地区生产总值", "6"), ("target", "规模以上工业增加值", "7.5")],
    ),
    (
        "the country's figure, named with 全国, is still left out",
        "东江市委书记谈今年发展\n\n2024年02月03日 来源:东江日报\n\n"
        "今年全国国内生产总值预期增长5%左右,东江市规上工业增加值增长7.5%。\n",
        [("target", "规模以上工业增加值", "7.5")],
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), KINDS, ids=[c[0] for c in KINDS])
def test_target_or_actual(case: str, text: str, expected: list) -> None:
    assert catalog_kinds(text) == kinds(expected), case
