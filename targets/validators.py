"""Range checks for measured values before they reach a DecimalField.

PostgreSQL refuses a number wider than its column with a DataError (a 500 if
nobody checks first); SQLite stores it silently. Importers and serializers check
here and report a clear error for the row instead.
"""

from __future__ import annotations

from decimal import Decimal

# The shape of every stored measured value (Target.value, Actual.value,
# MonthlyFigure.value): DecimalField(max_digits=24, decimal_places=4).
VALUE_MAX_DIGITS = 24
VALUE_DECIMAL_PLACES = 4


def decimal_out_of_range(
    value: Decimal,
    *,
    max_digits: int = VALUE_MAX_DIGITS,
    decimal_places: int = VALUE_DECIMAL_PLACES,
) -> str | None:
    """A Chinese message if `value` does not fit the field, else None."""
    if not value.is_finite():
        return "数值必须是有限数字"
    limit = Decimal(10) ** (max_digits - decimal_places)
    if abs(value) >= limit:
        return f"数值超出可存储范围(绝对值须小于 10^{max_digits - decimal_places})"
    # Rounding to the stored places can carry a 9999.99995 up to the limit.
    if abs(value.quantize(Decimal(1).scaleb(-decimal_places))) >= limit:
        return f"数值超出可存储范围(绝对值须小于 10^{max_digits - decimal_places})"
    return None
