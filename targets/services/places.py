"""Regions and indicators by name: found, or created on first sight."""

from __future__ import annotations

from targets.models import (
    Indicator,
    NormUnit,
    Region,
    RegionLevel,
    is_norm_unit,
)


def region_resolve(*, name: str, parent: Region | None = None) -> Region:
    """The region of that name (南昌 = 南昌市), created on first sight."""
    canonical = Region.canonical_name(name)
    region = Region.objects.filter(name=canonical).first()
    if region is not None:
        return region
    level = RegionLevel.CITY
    if canonical.endswith("省"):
        level = RegionLevel.PROVINCE
    elif canonical.endswith(("县", "区")):
        level = RegionLevel.COUNTY
    # A county named in a city's document sits under that city; nothing else is
    # guessed.
    if (
        level != RegionLevel.COUNTY
        or parent is None
        or parent.level != RegionLevel.CITY
    ):
        parent = None
    region, _ = Region.objects.get_or_create(
        name=canonical[:64], defaults={"level": level, "parent": parent}
    )
    return region


def indicator_resolve(
    *, code: str | None, name: str, unit: str = "", norm_unit: str = ""
) -> Indicator:
    """The catalog indicator by code or name; otherwise a non-catalog indicator."""
    if code:
        found = Indicator.objects.filter(code=code).first()
        if found is not None:
            return found
    found = Indicator.objects.filter(name=name[:128]).first()
    if found is not None:
        return found
    indicator, _ = Indicator.objects.get_or_create(
        name=name[:128],
        defaults={
            "unit": unit[:16],
            "norm_unit": norm_unit if is_norm_unit(norm_unit) else NormUnit.COUNT,
            "in_catalog": False,
        },
    )
    return indicator
