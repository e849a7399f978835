"""Chinese numerals in running text and tables flattened with single spaces."""

from decimal import Decimal

import pytest

from targets.extraction import extract
from targets.extraction.numbers import parse_quantity

REPORT = "某某市科技局2024年工作总结\n一、工作完成情况\n2024年，全市{}。\n"


@pytest.mark.parametrize(
    "text,value,unit",
    [
        ("四十二点七亿元", "42.7", "亿元"),
        ("零点二个百分点", "0.2", "个百分点"),
        ("三点五%", "3.5", "%"),
        ("一千三百零五家", "1305", "家"),
        ("二十五场次", "25", "场次"),
    ],
)
def test_chinese_decimals(text, value, unit):
    q = parse_quantity(text)
    assert q is not None and q.value == Decimal(value) and q.unit == unit


@pytest.mark.parametrize(
    "phrase,value,indicator",
    [
        ("新认定省级工程技术研究中心十二家", 12, "省级工程技术研究中心数"),
        ("技术合同成交额四十二点七亿元", 4270000000, "技术合同成交额"),
        ("研发投入强度提高零点二个百分点", Decimal("0.2"), "研发投入强度"),
        ("组织产学研对接活动二十五场次", 25, None),
        ("引进高层次创新团队三个", 3, None),
        ("新增国家级众创空间两家", 2, None),
    ],
)
def test_chinese_numerals_in_running_text(phrase, value, indicator):
    recs = extract(REPORT.format(phrase), "r.txt").records
    assert [r.norm_value for r in recs] == [value]
    assert recs[0].kind == "actual"
    if indicator:
        assert recs[0].indicator == indicator


@pytest.mark.parametrize(
    "phrase",
    [
        "一是进一步推进科技创新一体化",
        "打造一个平台，实施三大行动",
        "统一部署一流学科建设，推进两化融合",
        "十四五期间建设一批四新经济载体",
        "第一批次完成",
    ],
)
def test_chinese_numeral_words_are_not_quantities(phrase):
    assert extract(REPORT.format(phrase), "r.txt").records == []


SPACED = (
    "某某县科技局2024年工作总结\n二、主要指标\n"
    "{header}\n高新技术企业数 家 612 700\n全社会研发经费投入 亿元 42.3 48\n"
    "研发投入强度 % 4.65 4.8\n\n下一段文字。\n"
)


@pytest.mark.parametrize(
    "header,actual_period,target_period",
    [
        ("指标名称 单位 2023年完成值 2024年目标值", "2023", "2024"),
        ("序号 指标 单位 完成情况 2025年预期目标", "2024", "2025"),
        ("指标 计量单位 2024年完成 2025年目标", "2024", "2025"),
    ],
)
def test_space_separated_table(header, actual_period, target_period):
    text = SPACED.format(header=header)
    if header.startswith("序号"):
        text = text.replace("\n高新", "\n1 高新").replace("\n全社会", "\n2 全社会")
        text = text.replace("\n研发投入强度 %", "\n3 研发投入强度 %")
    recs = extract(text, "t.txt").records
    got = {(r.kind, r.indicator, float(r.norm_value), r.period) for r in recs}
    assert ("actual", "高新技术企业数", 612.0, actual_period) in got
    assert ("target", "高新技术企业数", 700.0, target_period) in got
    assert ("target", "研发投入强度", 4.8, target_period) in got
    assert len(recs) == 6
    for r in recs:
        assert text[r.start : r.end] == r.quote
