"""The catalog CSV contract: one row a SKU, validated as a whole file before anything changes."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from backend.csv_import import BOOLEANS, ImportRejected, parse_rows, read_csv_file

CATALOG_COLUMNS = (
    "sku",
    "name",
    "brand",
    "category",
    "size",
    "sell_unit",
    "units_per_pack",
    "price",
    "currency",
    "aliases",
    "stock",
    "min_order_qty",
    "active",
)

SELL_UNITS = frozenset(
    {
        "carton",
        "case",
        "crate",
        "bag",
        "bale",
        "dozen",
        "pack",
        "piece",
        "tin",
        "bottle",
        "sachet",
        "outer",
        "jerrycan",
        "tray",
        "box",
    }
)


@dataclass(frozen=True)
class CatalogItem:
    """One SKU as the wholesaler sells it; `price` is per `sell_unit`."""

    sku: str
    name: str
    brand: str
    category: str
    size: str
    sell_unit: str
    units_per_pack: int
    price: Decimal
    currency: str
    aliases: tuple[str, ...]
    stock: int
    min_order_qty: int
    active: bool

    def to_json(self) -> dict[str, object]:
        """The JSON shape the platform API uses (price as a 2-decimal string)."""
        return {
            "sku": self.sku,
            "name": self.name,
            "brand": self.brand,
            "category": self.category,
            "size": self.size,
            "sell_unit": self.sell_unit,
            "units_per_pack": self.units_per_pack,
            "price": f"{self.price:.2f}",
            "currency": self.currency,
            "aliases": list(self.aliases),
            "stock": self.stock,
            "min_order_qty": self.min_order_qty,
            "active": self.active,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> CatalogItem:
        """Rebuild an item from `to_json` output (as the API client receives it)."""
        return cls(
            sku=str(data["sku"]),
            name=str(data["name"]),
            brand=str(data["brand"]),
            category=str(data["category"]),
            size=str(data["size"]),
            sell_unit=str(data["sell_unit"]),
            units_per_pack=int(data["units_per_pack"]),  # type: ignore[call-overload]
            price=Decimal(str(data["price"])),
            currency=str(data["currency"]),
            aliases=tuple(str(a) for a in data["aliases"]),  # type: ignore[attr-defined]
            stock=int(data["stock"]),  # type: ignore[call-overload]
            min_order_qty=int(data["min_order_qty"]),  # type: ignore[call-overload]
            active=bool(data["active"]),
        )


def _int_field(row: int, name: str, value: str, minimum: int) -> int:
    try:
        number = int(value)
    except ValueError:
        raise ImportRejected(row, f"{name} must be a whole number, got {value!r}") from None
    if number < minimum:
        raise ImportRejected(row, f"{name} must be at least {minimum}, got {number}")
    return number


def _price_field(row: int, value: str) -> Decimal:
    try:
        price = Decimal(value)
    except InvalidOperation:
        raise ImportRejected(row, f"price must be a number, got {value!r}") from None
    if not price.is_finite() or price < 0:
        raise ImportRejected(row, f"price must be a non-negative amount, got {value!r}")
    if price != price.quantize(Decimal("0.01")):
        raise ImportRejected(row, f"price has more than 2 decimals: {value!r}")
    return price.quantize(Decimal("0.01"))


def _item_from_row(row: int, values: dict[str, str]) -> CatalogItem:
    for required in ("sku", "name", "sell_unit", "price", "currency"):
        if not values[required]:
            raise ImportRejected(row, f"{required} is empty")
    sell_unit = values["sell_unit"].lower()
    if sell_unit not in SELL_UNITS:
        raise ImportRejected(row, f"unknown sell_unit {values['sell_unit']!r}")
    active = BOOLEANS.get(values["active"].lower())
    if active is None:
        raise ImportRejected(row, f"active must be true or false, got {values['active']!r}")
    currency = values["currency"].upper()
    if len(currency) != 3 or not currency.isalpha():
        raise ImportRejected(row, f"currency must be a 3-letter code, got {values['currency']!r}")
    aliases = tuple(dict.fromkeys(a.strip() for a in values["aliases"].split("|") if a.strip()))
    return CatalogItem(
        sku=values["sku"],
        name=values["name"],
        brand=values["brand"],
        category=values["category"],
        size=values["size"],
        sell_unit=sell_unit,
        units_per_pack=_int_field(row, "units_per_pack", values["units_per_pack"], 1),
        price=_price_field(row, values["price"]),
        currency=currency,
        aliases=aliases,
        stock=_int_field(row, "stock", values["stock"], 0),
        min_order_qty=_int_field(row, "min_order_qty", values["min_order_qty"] or "1", 1),
        active=active,
    )


def parse_catalog_csv(text: str) -> list[CatalogItem]:
    """Validate a whole catalog CSV; raise `ImportRejected` on the first bad row, return every item."""
    return parse_rows(text, CATALOG_COLUMNS, "sku", _item_from_row)


def read_catalog_csv(path: str | Path) -> list[CatalogItem]:
    """Read and validate a catalog CSV file."""
    return parse_catalog_csv(read_csv_file(path))
