"""The store list CSV a wholesaler exports: validated as a whole file before anything changes."""

from __future__ import annotations

import zoneinfo
from decimal import Decimal, InvalidOperation
from pathlib import Path

from backend.csv_import import BOOLEANS, ImportRejected, parse_rows, read_csv_file
from backend.models import Store
from backend.phones import InvalidPhone, to_e164

STORE_COLUMNS = ("store_id", "name", "phones", "region", "language", "timezone", "credit_limit", "promo_opt_in")


def _store_from_row(row: int, values: dict[str, str], default_region: str) -> Store:
    for required in ("store_id", "name", "phones", "timezone", "credit_limit", "promo_opt_in"):
        if not values[required]:
            raise ImportRejected(row, f"{required} is empty")
    phones: list[str] = []
    for raw in values["phones"].split("|"):
        if not raw.strip():
            continue
        try:
            phones.append(to_e164(raw, default_region))
        except InvalidPhone as exc:
            raise ImportRejected(row, f"bad phone {raw.strip()!r}: {exc}") from None
    try:
        zoneinfo.ZoneInfo(values["timezone"])
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ImportRejected(row, f"unknown timezone {values['timezone']!r}") from None
    try:
        credit_limit = Decimal(values["credit_limit"])
    except InvalidOperation:
        raise ImportRejected(row, f"credit_limit must be a number, got {values['credit_limit']!r}") from None
    if not credit_limit.is_finite() or credit_limit < 0:
        raise ImportRejected(row, f"credit_limit must be a non-negative amount, got {values['credit_limit']!r}")
    opt_in = BOOLEANS.get(values["promo_opt_in"].lower())
    if opt_in is None:
        raise ImportRejected(row, f"promo_opt_in must be true or false, got {values['promo_opt_in']!r}")
    return Store(
        store_id=values["store_id"],
        name=values["name"],
        phones=tuple(dict.fromkeys(phones)),
        region=values["region"],
        language=values["language"].lower() or "en",
        timezone=values["timezone"],
        credit_limit=credit_limit.quantize(Decimal("0.01")),
        promo_opt_in=opt_in,
        store_type=values.get("store_type", ""),
    )


def parse_stores_csv(text: str, default_region: str) -> list[Store]:
    """Validate a whole store CSV; raise `ImportRejected` with the row number on the first bad row."""
    return parse_rows(text, STORE_COLUMNS, "store_id", lambda row, values: _store_from_row(row, values, default_region))


def read_stores_csv(path: str | Path, default_region: str) -> list[Store]:
    """Read and validate a store CSV file."""
    return parse_stores_csv(read_csv_file(path), default_region)
