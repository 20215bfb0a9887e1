"""What a campaign says: its send plan (the numbered products at the prices each region pays), each store's text
and template parameters, and the message id that names a store's promotion."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Sequence

from backend.catalog import CatalogItem
from backend.models import Promotion
from bot.promotions.model import Campaign
from bot.promotions.templates import OfferLine, render_template


def promo_message_id(campaign_id: str, store_id: str) -> str:
    """The message id of one store's promotion; providers carry it back in their delivery receipts."""
    return f"promo:{campaign_id}:{store_id}"


def promo_of(message_id: str) -> tuple[str, str] | None:
    """The campaign and store a promotion's message id names; None for any other message."""
    kind, _, rest = message_id.partition(":")
    campaign_id, sep, store_id = rest.partition(":")
    if kind != "promo" or not sep or not campaign_id.isdigit() or not store_id:
        return None
    return campaign_id, store_id


@dataclass(frozen=True)
class SendPlan:
    """The numbered products of a campaign, at offer prices for the offer's regions and catalog prices elsewhere."""

    promo_id: str
    regions: tuple[str, ...]
    offer_ends: str
    ends_at: float
    offer: tuple[OfferLine, ...]
    regular: tuple[OfferLine, ...]

    def applies_to(self, region: str) -> bool:
        """True when the platform prices this region's orders at the offer."""
        return bool(self.promo_id) and (not self.regions or region in self.regions)

    def lines_for(self, region: str) -> tuple[OfferLine, ...]:
        """What a store of this region is told: never an offer price its orders would not get."""
        return self.offer if self.applies_to(region) else self.regular

    def to_json(self) -> str:
        """The stored form."""
        data = asdict(self)
        for key in ("offer", "regular"):
            data[key] = [
                {**line, "price": str(line["price"]), "regular_price": str(line["regular_price"])} for line in data[key]
            ]
        return json.dumps(data)

    @classmethod
    def from_json(cls, raw: str) -> SendPlan:
        """Parse the stored form."""
        data = json.loads(raw)

        def lines(rows: list[dict[str, Any]]) -> tuple[OfferLine, ...]:
            return tuple(
                OfferLine(**{**r, "price": Decimal(r["price"]), "regular_price": Decimal(r["regular_price"])})
                for r in rows
            )

        return cls(
            data["promo_id"],
            tuple(data["regions"]),
            data["offer_ends"],
            data["ends_at"],
            lines(data["offer"]),
            lines(data["regular"]),
        )


def build_plan(promotion: Promotion | None, skus: Sequence[str], catalog: dict[str, CatalogItem]) -> SendPlan:
    """Number the offer's items, then any extra SKUs at catalog price; unknown SKUs are left out.

    An offered SKU is at the price the platform says the offer's stores pay for it.
    """
    offer_prices = {item.sku: item.unit_price for item in promotion.items} if promotion else {}
    ordered = list(dict.fromkeys([*offer_prices, *skus]))
    offer: list[OfferLine] = []
    regular: list[OfferLine] = []
    for sku in ordered:
        item = catalog.get(sku)
        if item is None:
            continue
        number = len(offer) + 1
        name = f"{item.name}"
        regular_line = OfferLine(number, sku, name, item.sell_unit, item.price, item.price, item.currency)
        regular.append(regular_line)
        price = offer_prices.get(sku) or item.price
        offer.append(OfferLine(number, sku, name, item.sell_unit, price, item.price, item.currency))
    ends_at = 0.0
    offer_ends = ""
    if promotion is not None:
        ends_at = datetime.fromisoformat(promotion.ends_at).timestamp()
        offer_ends = promotion.ends_at[:10]
    return SendPlan(
        promotion.promo_id if promotion else "",
        promotion.regions if promotion else (),
        offer_ends,
        ends_at,
        tuple(offer),
        tuple(regular),
    )


def compose(campaign: Campaign, plan: SendPlan, store_name: str, language: str, region: str) -> tuple[str, str]:
    """The language used and the text one store gets."""
    used, source = campaign.text_for(language)
    applies = plan.applies_to(region)
    return used, render_template(source, store_name, plan.lines_for(region), plan.offer_ends if applies else "")


def template_parameters(parameters: Sequence[str], plan: SendPlan, store_name: str, region: str) -> tuple[str, ...]:
    """A template's parameters for one store, each rendered in the sandbox."""
    lines = plan.lines_for(region)
    ends = plan.offer_ends if plan.applies_to(region) else ""
    return tuple(render_template(p, store_name, lines, ends) for p in parameters)
