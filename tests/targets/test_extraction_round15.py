"""Round 15: kinds of error seen on held-out pages, each as a table of
sentences written for this test."""

from __future__ import annotations

import pytest

from targets.extraction.regions import gazetteer
from tests.targets.test_extraction_round13 import _regions


@pytest.mark.parametrize(
    ("text", "region", "parent"),
    [
        # Divisions abolished or renamed since: older pages name them, and a
        # county that has become a district speaks for itself in them.
        (
            "崇明县2016年政府工作报告\n2015年,全县地区生产总值增长7.5%。",
            "崇明县",
            "上海市",
        ),
        (
            "关于莱芜市2017年国民经济和社会发展计划执行情况的报告\n"
            "2017年,全市地区生产总值增长6.8%。",
            "莱芜市",
            "山东省",
        ),
        (
            "2018年广丰县工作总结\n全县财政总收入完成41.2亿元,增长8%。",
            "广丰县",
            "上饶市",
        ),
    ],
)
def test_a_former_division_names_its_own_page(
    text: str, region: str, parent: str
) -> None:
    assert _regions(text) == {region}
    gz = gazetteer()
    assert gz.parent(gz.by_name[region][0]).name == parent
