"""Campaign messages rendered in a strict jinja2 sandbox that sees only the variables a campaign may use."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Mapping, Sequence

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from bot.promotions.model import InvalidCampaign

# The only names a campaign template can see.
VARIABLES = ("store_name", "products", "offer_ends")


class TemplateRefused(InvalidCampaign):
    """A template that reaches outside its variables, or does not render."""


class CampaignSandbox(SandboxedEnvironment):
    """No globals, no attribute of any object: only the variables' keys (`p.name` reads a plain dict's key)."""

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return False

    def is_safe_callable(self, obj: Any) -> bool:
        return False


def _money(value: Any) -> str:
    return f"{Decimal(str(value)):,.2f}"


_ENV = CampaignSandbox(undefined=StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True)
_ENV.globals.clear()
_ENV.filters["money"] = _money


@dataclass(frozen=True)
class OfferLine:
    """One numbered product of a promotion as a store is told about it."""

    number: int
    sku: str
    name: str
    unit: str
    price: Decimal
    regular_price: Decimal
    currency: str

    def variables(self) -> dict[str, Any]:
        """The product as the template sees it: a plain dict of strings and numbers."""
        return {
            "number": self.number,
            "name": self.name,
            "unit": self.unit,
            "price": _money(self.price),
            "regular_price": _money(self.regular_price),
            "on_offer": self.price < self.regular_price,
            "currency": self.currency,
        }


def check_template(source: str) -> None:
    """Refuse a template that does not compile or render with sample variables."""
    render_template(
        source,
        "Sample Store",
        [OfferLine(1, "SKU", "Sample product", "carton", Decimal("9.50"), Decimal("10.00"), "KES")],
        "2030-01-31",
    )


def render_template(source: str, store_name: str, lines: Sequence[OfferLine], offer_ends: str) -> str:
    """The message for one store; TemplateRefused when the template reaches outside its variables."""
    variables: Mapping[str, Any] = {
        "store_name": store_name,
        "products": [line.variables() for line in lines],
        "offer_ends": offer_ends,
    }
    try:
        return _ENV.from_string(source).render(variables).strip()
    except TemplateError as exc:
        raise TemplateRefused(f"template refused: {exc}") from None
