"""Loading the indicator catalog (targets/data/indicators.csv) into the database."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from targets.models import Direction, Indicator

CATALOG_PATH = Path(__file__).resolve().parent / "data" / "indicators.csv"


@dataclass(frozen=True)
class CatalogLoadResult:
    created: int
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@transaction.atomic
def catalog_load(*, path: Path = CATALOG_PATH) -> CatalogLoadResult:
    """Create or update one Indicator per catalog row; running twice changes nothing."""
    created = updated = unchanged = 0
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            values = {
                "name": row["name"].strip(),
                "unit": row["unit"].strip(),
                "norm_unit": row["norm_unit"].strip(),
                "direction": row.get("better", "").strip() or Direction.HIGHER,
                "aliases": [a for a in row.get("aliases", "").split("|") if a],
                "accumulates": row.get("accumulates", "").strip().lower() == "yes",
                "in_catalog": True,
            }
            indicator = Indicator.objects.filter(code=row["code"].strip()).first()
            if indicator is None:
                # A non-catalog row of the same name (created by an earlier ingest)
                # is adopted rather than duplicated.
                indicator = Indicator.objects.filter(name=values["name"]).first()
            if indicator is None:
                Indicator.objects.create(code=row["code"].strip(), **values)
                created += 1
                continue
            changed = indicator.code != row["code"].strip() or any(
                getattr(indicator, field) != value for field, value in values.items()
            )
            if changed:
                indicator.code = row["code"].strip()
                for field, value in values.items():
                    setattr(indicator, field, value)
                indicator.save()
                updated += 1
            else:
                unchanged += 1
    return CatalogLoadResult(created=created, updated=updated, unchanged=unchanged)
