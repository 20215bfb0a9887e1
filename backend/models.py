"""The platform's JSON shapes as frozen dataclasses, shared by the service and its client."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Mapping

ORDER_STATUSES = ("placed", "confirmed", "dispatched", "delivered", "cancelled")

# The lifecycle: each status and the statuses it may move to.
ORDER_TRANSITIONS: Mapping[str, frozenset[str]] = {
    "placed": frozenset({"confirmed", "cancelled"}),
    "confirmed": frozenset({"dispatched", "cancelled"}),
    "dispatched": frozenset({"delivered"}),
    "delivered": frozenset(),
    "cancelled": frozenset(),
}

CANCELLABLE_STATUSES = frozenset({"placed", "confirmed"})


def money(value: Decimal) -> str:
    """A price as the API writes it: a string with two decimals."""
    return f"{value:.2f}"


@dataclass(frozen=True)
class Store:
    """A shop that orders from the platform; one phone may serve several stores."""

    store_id: str
    name: str
    phones: tuple[str, ...]
    region: str
    language: str
    timezone: str
    credit_limit: Decimal
    promo_opt_in: bool
    store_type: str = ""

    def to_json(self) -> dict[str, Any]:
        """The API's JSON shape."""
        return {
            "store_id": self.store_id,
            "name": self.name,
            "phones": list(self.phones),
            "region": self.region,
            "language": self.language,
            "timezone": self.timezone,
            "credit_limit": money(self.credit_limit),
            "promo_opt_in": self.promo_opt_in,
            "store_type": self.store_type,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Store:
        """Parse the API's JSON shape."""
        return cls(
            store_id=data["store_id"],
            name=data["name"],
            phones=tuple(data["phones"]),
            region=data["region"],
            language=data["language"],
            timezone=data["timezone"],
            credit_limit=Decimal(data["credit_limit"]),
            promo_opt_in=bool(data["promo_opt_in"]),
            store_type=data.get("store_type", ""),
        )


@dataclass(frozen=True)
class ConsentChange:
    """One opt-in or opt-out of a store, numbered in the order the platform recorded it."""

    change_id: int
    store_id: str
    opt_in: bool
    source: str
    at: str

    def to_json(self) -> dict[str, Any]:
        """The API's JSON shape."""
        return {
            "change_id": self.change_id,
            "store_id": self.store_id,
            "opt_in": self.opt_in,
            "source": self.source,
            "at": self.at,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ConsentChange:
        """Parse the API's JSON shape."""
        return cls(
            change_id=int(data["change_id"]),
            store_id=data["store_id"],
            opt_in=bool(data["opt_in"]),
            source=data["source"],
            at=data["at"],
        )


@dataclass(frozen=True)
class OrderLine:
    """One priced line of a placed order; prices are those at the time of ordering."""

    sku: str
    name: str
    sell_unit: str
    quantity: int
    unit_price: Decimal
    line_total: Decimal

    def to_json(self) -> dict[str, Any]:
        """The API's JSON shape."""
        return {
            "sku": self.sku,
            "name": self.name,
            "sell_unit": self.sell_unit,
            "quantity": self.quantity,
            "unit_price": money(self.unit_price),
            "line_total": money(self.line_total),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> OrderLine:
        """Parse the API's JSON shape."""
        return cls(
            sku=data["sku"],
            name=data["name"],
            sell_unit=data["sell_unit"],
            quantity=int(data["quantity"]),
            unit_price=Decimal(data["unit_price"]),
            line_total=Decimal(data["line_total"]),
        )


@dataclass(frozen=True)
class StatusChange:
    """When an order reached a status."""

    status: str
    at: str

    def to_json(self) -> dict[str, Any]:
        """The API's JSON shape."""
        return {"status": self.status, "at": self.at}


@dataclass(frozen=True)
class Order:
    """An order as the platform holds it; the server computes every total."""

    order_id: str
    store_id: str
    status: str
    lines: tuple[OrderLine, ...]
    total: Decimal
    currency: str
    created_at: str
    estimated_delivery: str
    history: tuple[StatusChange, ...]

    @property
    def cancellable(self) -> bool:
        """True while the order has not left the warehouse."""
        return self.status in CANCELLABLE_STATUSES

    def to_json(self) -> dict[str, Any]:
        """The API's JSON shape."""
        return {
            "order_id": self.order_id,
            "store_id": self.store_id,
            "status": self.status,
            "lines": [line.to_json() for line in self.lines],
            "total": money(self.total),
            "currency": self.currency,
            "created_at": self.created_at,
            "estimated_delivery": self.estimated_delivery,
            "history": [change.to_json() for change in self.history],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Order:
        """Parse the API's JSON shape."""
        return cls(
            order_id=data["order_id"],
            store_id=data["store_id"],
            status=data["status"],
            lines=tuple(OrderLine.from_json(line) for line in data["lines"]),
            total=Decimal(data["total"]),
            currency=data["currency"],
            created_at=data["created_at"],
            estimated_delivery=data["estimated_delivery"],
            history=tuple(StatusChange(c["status"], c["at"]) for c in data["history"]),
        )


@dataclass(frozen=True)
class LineProblem:
    """Why the platform refused one line of an order, with what would be accepted."""

    sku: str
    code: str
    available: int | None = None
    min_order_qty: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The API's JSON shape."""
        data: dict[str, Any] = {"sku": self.sku, "code": self.code}
        if self.available is not None:
            data["available"] = self.available
        if self.min_order_qty is not None:
            data["min_order_qty"] = self.min_order_qty
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LineProblem:
        """Parse the API's JSON shape."""
        return cls(
            sku=data["sku"],
            code=data["code"],
            available=data.get("available"),
            min_order_qty=data.get("min_order_qty"),
        )


@dataclass(frozen=True)
class PromotionItem:
    """A SKU on offer, its offer price per sell unit, and (as the platform says it) the price a store of the
    offer's regions pays under the offer: the offer price, or the catalog price when that is now lower."""

    sku: str
    offer_price: Decimal
    unit_price: Decimal | None = None

    def to_json(self) -> dict[str, Any]:
        """The API's JSON shape."""
        data = {"sku": self.sku, "offer_price": money(self.offer_price)}
        if self.unit_price is not None:
            data["unit_price"] = money(self.unit_price)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PromotionItem:
        """Parse the API's JSON shape."""
        unit = data.get("unit_price")
        return cls(
            sku=data["sku"],
            offer_price=Decimal(data["offer_price"]),
            unit_price=None if unit is None else Decimal(unit),
        )


@dataclass(frozen=True)
class Promotion:
    """An offer the platform honours on orders between `starts_at` and `ends_at` (UTC, ISO 8601)."""

    promo_id: str
    title: str
    items: tuple[PromotionItem, ...]
    starts_at: str
    ends_at: str
    regions: tuple[str, ...]
    ended: bool

    def to_json(self) -> dict[str, Any]:
        """The API's JSON shape."""
        return {
            "promo_id": self.promo_id,
            "title": self.title,
            "items": [item.to_json() for item in self.items],
            "starts_at": self.starts_at,
            "ends_at": self.ends_at,
            "regions": list(self.regions),
            "ended": self.ended,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Promotion:
        """Parse the API's JSON shape."""
        return cls(
            promo_id=data["promo_id"],
            title=data["title"],
            items=tuple(PromotionItem.from_json(item) for item in data["items"]),
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            regions=tuple(data["regions"]),
            ended=bool(data["ended"]),
        )


@dataclass(frozen=True)
class AudienceQuery:
    """Which opted-in stores a campaign reaches: every filter given must hold; one page after `after`."""

    regions: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    store_types: tuple[str, ...] = ()
    bought_category: str = ""
    bought_within_days: int = 30
    idle_days: int = 0
    after: str = ""
    limit: int = 1000

    def to_params(self) -> dict[str, str]:
        """The query string of `GET /v1/promo-audience`."""
        params = {"after": self.after, "limit": str(self.limit)}
        for name, values in (("region", self.regions), ("language", self.languages), ("store_type", self.store_types)):
            if values:
                params[name] = ",".join(values)
        if self.bought_category:
            params["bought_category"] = self.bought_category
            params["bought_within_days"] = str(self.bought_within_days)
        if self.idle_days:
            params["idle_days"] = str(self.idle_days)
        return params


@dataclass(frozen=True)
class AudienceStore:
    """What a campaign needs of one store: where to send, in which language and timezone."""

    store_id: str
    name: str
    phones: tuple[str, ...]
    region: str
    language: str
    timezone: str
    store_type: str

    def to_json(self) -> dict[str, Any]:
        """The API's JSON shape."""
        return {
            "store_id": self.store_id,
            "name": self.name,
            "phones": list(self.phones),
            "region": self.region,
            "language": self.language,
            "timezone": self.timezone,
            "store_type": self.store_type,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> AudienceStore:
        """Parse the API's JSON shape."""
        return cls(
            data["store_id"],
            data["name"],
            tuple(data["phones"]),
            data["region"],
            data["language"],
            data["timezone"],
            data["store_type"],
        )


@dataclass(frozen=True)
class QuoteLine:
    """One line of a quote: the price this store pays for the SKU now, and what would stop it being ordered."""

    sku: str
    quantity: int
    unit_price: Decimal | None
    regular_price: Decimal | None
    line_total: Decimal
    problem: LineProblem | None = None

    def to_json(self) -> dict[str, Any]:
        """The API's JSON shape."""
        return {
            "sku": self.sku,
            "quantity": self.quantity,
            "unit_price": None if self.unit_price is None else money(self.unit_price),
            "regular_price": None if self.regular_price is None else money(self.regular_price),
            "line_total": money(self.line_total),
            "problem": None if self.problem is None else self.problem.to_json(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> QuoteLine:
        """Parse the API's JSON shape."""
        unit, regular = data["unit_price"], data["regular_price"]
        return cls(
            sku=data["sku"],
            quantity=int(data["quantity"]),
            unit_price=None if unit is None else Decimal(unit),
            regular_price=None if regular is None else Decimal(regular),
            line_total=Decimal(data["line_total"]),
            problem=None if data["problem"] is None else LineProblem.from_json(data["problem"]),
        )


@dataclass(frozen=True)
class Quote:
    """What an order of these lines would cost a store now, and every limit it would break; nothing is placed."""

    store_id: str
    currency: str
    lines: tuple[QuoteLine, ...]
    total: Decimal
    credit_limit: Decimal
    credit_available: Decimal

    @property
    def over_credit_limit(self) -> bool:
        """True when the lines that can be ordered cost more than the store's credit allows."""
        return self.total > self.credit_available

    @property
    def placeable(self) -> bool:
        """True when the platform would accept this order as it stands."""
        return bool(self.lines) and not self.over_credit_limit and all(line.problem is None for line in self.lines)

    def to_json(self) -> dict[str, Any]:
        """The API's JSON shape."""
        return {
            "store_id": self.store_id,
            "currency": self.currency,
            "lines": [line.to_json() for line in self.lines],
            "total": money(self.total),
            "credit": {"limit": money(self.credit_limit), "available": money(self.credit_available)},
            "over_credit_limit": self.over_credit_limit,
            "placeable": self.placeable,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Quote:
        """Parse the API's JSON shape."""
        return cls(
            store_id=data["store_id"],
            currency=data["currency"],
            lines=tuple(QuoteLine.from_json(line) for line in data["lines"]),
            total=Decimal(data["total"]),
            credit_limit=Decimal(data["credit"]["limit"]),
            credit_available=Decimal(data["credit"]["available"]),
        )
