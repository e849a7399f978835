"""How dabiao writes its vocabulary for Chinese readers — the one place for it.

Status names, labels and their order; comparator symbols (≥ ≤ 约); numbers with
thousands separators; money scaled to 亿元/万元. Templates (``reports.templatetags``),
the admin, the scorecard, flags, the 赛马 workbook and bulletin all read from here.
Pure: no Django, so the judgment (``targets.evaluation``) can use it too. The
extraction engine keeps its own unit grammar (``targets.extraction.numbers``).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

# --- Target statuses --------------------------------------------------------------

MET = "met"
ON_TRACK = "on_track"
AT_RISK = "at_risk"
MISSED = "missed"
NO_DATA = "no_data"

# Reading order, best first: tables, counts, filters and the scorecard's 总览.
STATUS_ORDER = (MET, ON_TRACK, AT_RISK, MISSED, NO_DATA)
STATUS_LABELS = {
    MET: "已完成",
    ON_TRACK: "进行中",
    AT_RISK: "有风险",
    MISSED: "未完成",
    NO_DATA: "暂无数据",
}


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


# --- Comparators ------------------------------------------------------------------

COMPARATOR_LABELS = {
    ">=": "不低于",
    ">": "超过",
    "=": "达到",
    "~": "左右",
    "<=": "不超过",
    "<": "低于",
}
# As a comparator reads in front of a number in a Chinese table: ≥750, 约10%.
COMPARATOR_SYMBOLS = {">=": "≥", ">": ">", "=": "", "~": "约", "<=": "≤", "<": "<"}

BASE_TIER = "base"
STRETCH_TIER = "stretch"


def comparator_symbol(comparator: str) -> str:
    return COMPARATOR_SYMBOLS.get(comparator, comparator)


def target_text(
    comparator: str, value: Decimal, unit: str = "", tier: str = BASE_TIER
) -> str:
    """A target as a reader writes it: ≥750家, ≤5%, 约10, ≥1,350家, ≥800(力争)."""
    text = f"{comparator_symbol(comparator)}{amount_text(value, unit)}"
    if tier == STRETCH_TIER:
        text += "(力争)"
    elif tier and tier != BASE_TIER:
        text += f"({tier})"
    return text


# --- Review statements --------------------------------------------------------------

# A reviewed statement's kind and the fields a reviewer can change, as the review
# pages name them.
STATEMENT_KIND_LABELS = {"target": "目标", "actual": "实际值"}
STATEMENT_FIELD_LABELS = {
    "kind": "类型",
    "indicator": "指标",
    "value": "数值",
    "unit": "单位",
    "period": "期间",
    "region": "地区",
    "measure": "口径",
    "comparator": "比较",
    "tier": "层级",
}


def statement_kind_label(kind: str) -> str:
    return STATEMENT_KIND_LABELS.get(kind, kind)


# --- Numbers and money ------------------------------------------------------------

# How many 元 one of each written money unit is; longest prefix first.
MONEY_SCALES = (
    ("万亿", Decimal(10) ** 12),
    ("千亿", Decimal(10) ** 11),
    ("百亿", Decimal(10) ** 10),
    ("亿", Decimal(10) ** 8),
    ("千万", Decimal(10) ** 7),
    ("百万", Decimal(10) ** 6),
    ("十万", Decimal(10) ** 5),
    ("万", Decimal(10) ** 4),
    ("千", Decimal(10) ** 3),
)
YI = Decimal(10) ** 8
WAN = Decimal(10) ** 4


def money_scale(unit: str) -> Decimal | None:
    """How many 元 one ``unit`` is (亿元 → 1e8, 万元 → 1e4, 元 → 1, bare 亿 → 1e8);
    None when the unit is not money."""
    unit = (unit or "").strip()
    if unit == "元":
        return Decimal(1)
    for prefix, scale in MONEY_SCALES:
        if unit in (prefix, f"{prefix}元"):
            return scale
    return None


def plain(value: Decimal) -> str:
    """A stored decimal without trailing zeros: 750.0000 → 750, 12.5000 → 12.5."""
    return f"{value.normalize():f}" if value else "0"


def format_number(value: Decimal, places: int = 2) -> str:
    """Thousands separators, at most ``places`` decimals: 12345.6 → 12,345.6."""
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_money(yuan: Decimal, places: int = 2) -> str:
    """An amount in 元 the way an office writes it: 2.44亿元, 3,500万元, 800元."""
    if abs(yuan) >= YI:
        return f"{format_number(yuan / YI, places)}亿元"
    if abs(yuan) >= WAN:
        return f"{format_number(yuan / WAN, places)}万元"
    return f"{format_number(yuan, places)}元"


def amount_text(value: Decimal, unit: str = "") -> str:
    """A figure with its unit as people read it: money scaled to 亿元/万元
    (300000万元 → 30亿元, 0.35亿元 → 3,500万元), anything else with thousands
    separators (1,350家)."""
    scale = money_scale(unit)
    if scale is not None and (unit or "").strip().endswith("元"):
        return format_money(value * scale, places=4)
    return f"{format_number(value, places=4)}{unit}"


def format_percent(ratio: Decimal, places: int = 1) -> str:
    """A ratio as a percentage: 1.3556 → 135.6%."""
    scaled = (ratio * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{scaled:f}%"


def format_value(value: Decimal, norm_unit: str) -> str:
    """A normalised value (元, %, pp, count) for a sentence: 2.44亿元, 12.5%,
    1.2个百分点, 1,200."""
    if norm_unit == "元":
        return format_money(value)
    if norm_unit == "%":
        return f"{format_number(value)}%"
    if norm_unit == "pp":
        return f"{format_number(value)}个百分点"
    if norm_unit == "美元":
        return format_money(value).replace("元", "美元")
    if norm_unit and norm_unit != "count":
        return f"{format_number(value)}{norm_unit}"  # ‰, 吨标准煤/万元
    return format_number(value)


# --- Stored reasons ---------------------------------------------------------------

# A comparator written the engine's way in front of a number ("目标>=50家").
_ASCII_COMPARATOR = re.compile(r"(>=|<=|~|‹=|›=)(?=[\d.,-])")
_ASCII_SYMBOLS = {">=": "≥", "<=": "≤", "~": "约", "‹=": "≤", "›=": "≥"}
# “file.txt”称 / “file.docx”: a document quoted by its file name.
_QUOTED_NAME = re.compile(
    r"“([^“”\n]{1,255}\.(?:txt|docx?|pdf|html?|xlsx?|wps))”", re.I
)


def quoted_file_names(reason: str) -> set[str]:
    """File names a stored reason quotes (to look their titles up)."""
    return set(_QUOTED_NAME.findall(reason or ""))


def reason_text(reason: str, titles: dict[str, str] | None = None) -> str:
    """A stored flag reason as people read it: ≥ ≤ 约 instead of >= <= ~, and a
    document's title (《…》) instead of its file name where ``titles`` knows it."""
    text = _ASCII_COMPARATOR.sub(lambda m: _ASCII_SYMBOLS[m[1]], reason or "")
    if titles:
        text = _QUOTED_NAME.sub(
            lambda m: f"《{titles[m[1]]}》" if titles.get(m[1]) else m[0], text
        )
    return text
