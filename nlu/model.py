"""What order understanding returns: resolved lines, items to ask about, items not sold."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class OrderLine:
    """A phrase resolved to one SKU; `quantity` counts the SKU's sell units."""

    sku: str
    quantity: int
    phrase: str
    score: float
    unit_mismatch: bool = False

    # Written out, not left to `@dataclass`: compiled, each field is set in place (see `ItemRequest` in `nlu.segments`).
    def __init__(
        self,
        sku: str,
        quantity: int,
        phrase: str,
        score: float,
        unit_mismatch: bool = False,
    ) -> None:
        object.__setattr__(self, "sku", sku)
        object.__setattr__(self, "quantity", quantity)
        object.__setattr__(self, "phrase", phrase)
        object.__setattr__(self, "score", score)
        object.__setattr__(self, "unit_mismatch", unit_mismatch)

    def to_json(self) -> dict[str, Any]:
        """The contract shape, plus `unit_mismatch` when the typed unit did not make whole packs."""
        data: dict[str, Any] = {
            "sku": self.sku,
            "quantity": self.quantity,
            "phrase": self.phrase,
            "score": round(self.score, 1),
        }
        if self.unit_mismatch:
            data["unit_mismatch"] = True
        return data


@dataclass(frozen=True)
class AmbiguousItem:
    """A phrase the text cannot pin to one SKU; `candidates` are active SKUs, best first."""

    phrase: str
    quantity: int
    candidates: tuple[str, ...]
    reason: str = "product"

    # Written out, not left to `@dataclass`: compiled, each field is set in place (see `ItemRequest` in `nlu.segments`).
    def __init__(
        self,
        phrase: str,
        quantity: int,
        candidates: tuple[str, ...],
        reason: str = "product",
    ) -> None:
        object.__setattr__(self, "phrase", phrase)
        object.__setattr__(self, "quantity", quantity)
        object.__setattr__(self, "candidates", candidates)
        object.__setattr__(self, "reason", reason)

    def to_json(self) -> dict[str, Any]:
        """The contract shape; `reason` is `quantity` when the SKU is clear but the amount is not."""
        data: dict[str, Any] = {"phrase": self.phrase, "quantity": self.quantity, "candidates": list(self.candidates)}
        if self.reason != "product":
            data["reason"] = self.reason
        return data


@dataclass(frozen=True)
class UnknownItem:
    """A phrase nothing in the catalog fits."""

    phrase: str
    quantity: int

    def to_json(self) -> dict[str, Any]:
        """The contract shape."""
        return {"phrase": self.phrase, "quantity": self.quantity}


@dataclass(frozen=True)
class PriceQuestion:
    """A product whose price is asked inside an order: answered, never ordered; several candidates ask which."""

    phrase: str
    candidates: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """The contract shape."""
        return {"phrase": self.phrase, "candidates": list(self.candidates)}


@dataclass(frozen=True)
class OrderParse:
    """Everything a message asked for, split into lines, questions to ask and items not sold."""

    text: str
    lines: tuple[OrderLine, ...] = ()
    ambiguous: tuple[AmbiguousItem, ...] = ()
    unknown: tuple[UnknownItem, ...] = ()
    price_questions: tuple[PriceQuestion, ...] = ()
    # The message only asks prices: its lines are what it asks about (one sell unit each), not an order.
    asks_prices: bool = False

    # Written out, not left to `@dataclass`: compiled, each field is set in place (see `ItemRequest` in `nlu.segments`).
    def __init__(
        self,
        text: str,
        lines: tuple[OrderLine, ...] = (),
        ambiguous: tuple[AmbiguousItem, ...] = (),
        unknown: tuple[UnknownItem, ...] = (),
        price_questions: tuple[PriceQuestion, ...] = (),
        asks_prices: bool = False,
    ) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "lines", lines)
        object.__setattr__(self, "ambiguous", ambiguous)
        object.__setattr__(self, "unknown", unknown)
        object.__setattr__(self, "price_questions", price_questions)
        object.__setattr__(self, "asks_prices", asks_prices)

    @property
    def skus(self) -> list[str]:
        """Every SKU the parse names: its lines', then the candidates of each item it asks about."""
        return [line.sku for line in self.lines] + [sku for item in self.ambiguous for sku in item.candidates]

    @property
    def is_empty(self) -> bool:
        """True when the message asked for nothing (a greeting, a status question)."""
        return not (self.lines or self.ambiguous or self.unknown or self.price_questions)

    def to_json(self) -> dict[str, Any]:
        """The `python -m nlu.parse` output shape."""
        return {
            "text": self.text,
            "lines": [line.to_json() for line in self.lines],
            "ambiguous": [item.to_json() for item in self.ambiguous],
            "unknown": [item.to_json() for item in self.unknown],
            "price_questions": [item.to_json() for item in self.price_questions],
            **({"asks_prices": True} if self.asks_prices else {}),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OrderParse:
        """Rebuild a parse from `to_json` output (as stored in Rasa's parse data)."""
        return cls(
            text=str(data.get("text", "")),
            lines=tuple(
                OrderLine(
                    sku=str(line["sku"]),
                    quantity=int(line["quantity"]),
                    phrase=str(line.get("phrase", "")),
                    score=float(line.get("score", 0.0)),
                    unit_mismatch=bool(line.get("unit_mismatch", False)),
                )
                for line in data.get("lines", [])
            ),
            ambiguous=tuple(
                AmbiguousItem(
                    phrase=str(item.get("phrase", "")),
                    quantity=int(item.get("quantity", 1)),
                    candidates=tuple(str(c) for c in item.get("candidates", [])),
                    reason=str(item.get("reason", "product")),
                )
                for item in data.get("ambiguous", [])
            ),
            unknown=tuple(
                UnknownItem(phrase=str(item.get("phrase", "")), quantity=int(item.get("quantity", 1)))
                for item in data.get("unknown", [])
            ),
            price_questions=tuple(
                PriceQuestion(
                    phrase=str(item.get("phrase", "")), candidates=tuple(str(c) for c in item.get("candidates", []))
                )
                for item in data.get("price_questions", [])
            ),
            asks_prices=bool(data.get("asks_prices", False)),
        )
