"""Units as written and their base units.

| written | base (`norm_unit`) | scale |
|---|---|---|
| 元, 万元, 亿元 (and a bare 亿: money implied) | 元 | 1, 1e4, 1e8 |
| 美元, 万美元, 亿美元 | 美元 (never 元) | 1, 1e4, 1e8 |
| %, ‰ | as written | 1 |
| 个百分点, 百分点 | pp | 1 |
| 倍 (增长2.1倍) | % | 100 |
| counters 家 个 项 人 名…, physical 吨 公里 亩… | count | 1 (万/亿 before them scale) |
| colloquial 度 (kWh), 方 (m³), only after 万/亿: 23.5亿度, 350亿方 | count | 1e4, 1e8 |
| ratios 吨标准煤/万元, 吨/万元 | as written | 1 |
"""

from __future__ import annotations

from decimal import Decimal

MAGNITUDES = {
    "万亿": Decimal("1000000000000"),
    "千亿": Decimal("100000000000"),
    "百亿": Decimal("10000000000"),
    "亿": Decimal("100000000"),
    "千万": Decimal("10000000"),
    "百万": Decimal("1000000"),
    "十万": Decimal("100000"),
    "万": Decimal("10000"),
    "千": Decimal("1000"),
}

MONEY_SCALE = {"亿元": MAGNITUDES["亿"], "万元": MAGNITUDES["万"], "元": Decimal(1)}
DOLLAR_SCALE = {
    "亿美元": MAGNITUDES["亿"],
    "万美元": MAGNITUDES["万"],
    "美元": Decimal(1),
}

COUNT_UNITS = (
    "场次",
    "人次",
    "家次",
    "项次",
    "家",
    "个",
    "项",
    "人",
    "名",
    "件",
    "场",
    "次",
    "户",
    # 技术合同交易30份, 签订合同1200份: contracts and documents are counted by 份.
    "份",
)
# Physical quantities counted like things: 50万吨 → 500000.
PHYSICAL_UNITS = (
    "吨",
    "斤",
    "立方米",
    "标箱",
    "千瓦时",
    "千瓦",
    "平方公里",
    "平方米",
    "公里",
    "公顷",
    "亩",
    "辆",
    "套",
    "台",
    "座",
    "所",
    "篇",
    "款",
)
# 度 (kilowatt-hours) and 方 (cubic metres) read as units only after a
# magnitude (23.5亿度, 350亿方): alone they are words (一度, 多方).
MAGNITUDE_ONLY_UNITS = ("度", "方")
RATIO_UNITS = ("吨标准煤/万元", "吨/万元")
RATE_UNITS = {"%": "%", "‰": "‰", "个百分点": "pp", "百分点": "pp"}

# Longest first, so the regex alternation prefers 亿元 to 亿 and 万美元 to 万.
UNIT_ALTERNATION = "|".join(
    sorted(
        [
            *RATIO_UNITS,
            *MONEY_SCALE,
            *DOLLAR_SCALE,
            *RATE_UNITS,
            "倍",
            *COUNT_UNITS,
            *PHYSICAL_UNITS,
        ],
        key=len,
        reverse=True,
    )
)

# Units read without any scaling: unit -> norm_unit.
PLAIN = {
    **RATE_UNITS,
    **{u: "count" for u in COUNT_UNITS},
    **{u: "count" for u in PHYSICAL_UNITS},
    **{u: "count" for u in MAGNITUDE_ONLY_UNITS},
    **{u: u for u in RATIO_UNITS},
}


def normalise(
    number: Decimal, mag: str, unit: str
) -> tuple[Decimal, str, Decimal, str]:
    """(value, unit, norm_value, norm_unit) of `number` written with `mag` and `unit`.

    The value stays in the unit as written (2.8 for 2.8亿元); a magnitude before
    money joins the unit (亿 + 元 = 亿元), before anything else it scales the value
    (1.2万家 → 12000家).
    """
    if unit in MONEY_SCALE or unit in DOLLAR_SCALE:
        table = MONEY_SCALE if unit in MONEY_SCALE else DOLLAR_SCALE
        base = "元" if table is MONEY_SCALE else "美元"
        if unit == base and mag in ("亿", "万"):
            unit = mag + base
        elif mag:
            number = number * MAGNITUDES[mag]
        return number, unit, number * table[unit], base
    if unit == "" and mag == "亿":
        # A bare 亿 in these documents is money (新材料产业产值达450亿).
        return number, "亿", number * MAGNITUDES["亿"], "元"
    if mag:
        number = number * MAGNITUDES[mag]
    if unit == "倍":
        return number, "倍", number * 100, "%"
    if unit in ("个百分点", "百分点"):
        return number, "个百分点", number, "pp"
    if unit in PLAIN:
        return number, unit, number, PLAIN[unit]
    return number, unit, number, "count"
