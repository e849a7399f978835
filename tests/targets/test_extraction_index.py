"""The text index's shortcuts find exactly what the plain scans find."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from targets.extraction import document, lexicon, load_document, periods, regions
from targets.extraction.catalog import finditer_from
from targets.extraction.periods import (
    _PERIOD_FIRST_RE,
    _PERIOD_INDEX_FIRST_RE,
    _PERIOD_RE,
)

ROOT = Path(__file__).resolve().parents[2]


def _texts() -> list[str]:
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    paths += sorted((ROOT / "tests" / "data" / "extraction").glob("*.txt"))
    paths += sorted((ROOT / "tests" / "data" / "corpus" / "docs").glob("*.txt"))
    return [load_document(p).text for p in paths]


@pytest.mark.parametrize(
    "text",
    [
        "2018年至2021年,1-6月,1月份至5月,5年来,近3年,2024年度上半年增长12%,15%,",
        "截至10月底,今年以来,“十四五”期末,过去一年,2020~2022年,1 ~ 3月,1—6月,前11个月",
        *_texts(),
    ],
)
def test_stricter_period_first_finds_the_same_periods(text: str) -> None:
    plain = [m.span() for m in finditer_from(_PERIOD_RE, _PERIOD_FIRST_RE, text)]
    index = [m.span() for m in finditer_from(_PERIOD_RE, _PERIOD_INDEX_FIRST_RE, text)]
    assert index == plain


def test_the_texts_state_periods() -> None:
    # The comparison above is not vacuous: the texts hold many periods.
    found = sum(
        1 for t in _texts() for _ in finditer_from(_PERIOD_RE, _PERIOD_FIRST_RE, t)
    )
    assert found > 500


# Each per-document scan that skips to its first characters, with words it must
# find (every alternative of its opening), so the check below is not vacuous.
_FIRST_SCANS = [
    (
        regions.FURNITURE_RE,
        regions._FURNITURE_FIRST_RE,
        "版权所有 版權所有 Copyright copyright © All Rights Reserved 主办单位 主辦單位"
        " 主办: 主辦: 承办单位 承辦單位 承办: 协办 技术支持 技術支持 运行维护 运维单位"
        " 网站标识码 網站標識碼 ICP备 备案号 備案號 公网安备 公網安備 联系我们 联系电话"
        " 聯繫電話 网站地图 网站声明 免责声明 建议使用 分辨率 浏览器",
    ),
    (
        regions.CAPTION_RE,
        regions._CAPTION_FIRST_RE,
        "资料图 资料照片 图片来源 图源: 供图 视觉中国 记者 张三 摄 通讯员 李四 摄",
    ),
    (
        regions._SLOGAN_PLACE_RE,
        regions._SLOGAN_PLACE_FIRST_RE,
        "现代化某县、美丽某县、幸福清徐、文明某市、和谐某市、平安某市、生态湛江、活力某市、"
        "富裕某市、魅力某市、宜居某市、锦绣某市、大美某市、创新资源、新城区。",
    ),
    (
        regions._SELF_RE,
        regions._SELF_FIRST_RE,
        "全省 我市 本县 全区 我州 全旗 本盟,该市 该县 城该区",
    ),
    (
        regions._INSTITUTION_RE,
        regions._INSTITUTION_FIRST_RE,
        "省委 市政府 县人民政府 区人大 州政协 省十四届 市《 全省委 城区委",
    ),
    (
        document._REDACTED_YEAR_RE,
        document._REDACTED_YEAR_FIRST_RE,
        "20XX年 xx年 ××年 ＸＸ年 **年 AXX年",
    ),
    (
        document._PLAN_TERM_RE,
        document._PLAN_TERM_FIRST_RE,
        "今年是“十四五”规划的收官之年 本年是十三五开局 明年十五五起步 是十二五最后一年",
    ),
    (
        document._YEAR_AS_WHAT_RE,
        document._CENTURY_FIRST_RE,
        "2020年全年 1999年同期 2023年底 2022年末 12023年末",
    ),
    (
        document._BODY_YEAR_RE,
        document._CENTURY_FIRST_RE,
        "2023年,全市… 1998年以来 比2022年 2020年前三季度 2024年度“",
    ),
    (
        document._CONTRAST_RE,
        document._CENTURY_FIRST_RE,
        "2023年全市增长5%。今年 2022年以来增长3%,今年",
    ),
    (
        document._REVIEW_YEAR_RE,
        document._REVIEW_YEAR_FIRST_RE,
        "刚刚过去的2023年 过去的2022年 回顾了2021年 回望2020年"
        " 总结2019年 2024年工作总结",
    ),
    (
        periods._GLOSS_RE,
        periods._GLOSS_FIRST_RE,
        "技术(shu)经(jing)济(ji) (a) 中(lü)",
    ),
    (
        lexicon._ESTIMATE_BELOW_RE,
        lexicon._ESTIMATE_BELOW_FIRST_RE,
        "预计(下同) 初步核算数(以下同) (预估值,下同)"
        " (以下均为预计数) (下文是初步测算值)",
    ),
]


@pytest.mark.parametrize(("pattern", "first", "words"), _FIRST_SCANS)
def test_first_character_scans_find_what_the_plain_scans_find(
    pattern: re.Pattern[str], first: re.Pattern[str], words: str
) -> None:
    assert pattern.search(words) is not None
    for text in [words, *_texts()]:
        plain = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        quick = [(m.span(), m.groups()) for m in finditer_from(pattern, first, text)]
        assert quick == plain
