"""The order draft: what the owner has asked for so far, the edits they can make, and its pricing."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Mapping, Sequence

from backend.catalog import CatalogItem
from i18n import N_


@dataclass(frozen=True)
class DraftLine:
    """One resolved line: a SKU and how many sell units."""

    sku: str
    quantity: int


@dataclass(frozen=True)
class Choice:
    """An item the text could not pin to one SKU; the owner picks one of `candidates` by number."""

    phrase: str
    quantity: int
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class Draft:
    """An unconfirmed order; every change bumps `version`, so each version has its own idempotency key."""

    draft_id: str
    version: int
    lines: tuple[DraftLine, ...]
    choices: tuple[Choice, ...] = ()

    @property
    def idempotency_key(self) -> str:
        """The key that makes a repeated YES on this exact version place one order."""
        return f"draft-{self.draft_id}-v{self.version}"

    def to_slot(self) -> dict[str, Any]:
        """The JSON kept in the `draft` slot."""
        return {
            "id": self.draft_id,
            "version": self.version,
            "lines": [{"sku": line.sku, "quantity": line.quantity} for line in self.lines],
            "choices": [
                {"phrase": c.phrase, "quantity": c.quantity, "candidates": list(c.candidates)} for c in self.choices
            ],
        }

    @classmethod
    def from_slot(cls, data: Mapping[str, Any]) -> Draft:
        """Rebuild a draft from the `draft` slot."""
        return cls(
            draft_id=str(data["id"]),
            version=int(data["version"]),
            lines=tuple(DraftLine(str(line["sku"]), int(line["quantity"])) for line in data["lines"]),
            choices=tuple(
                Choice(str(c["phrase"]), int(c["quantity"]), tuple(str(s) for s in c["candidates"]))
                for c in data.get("choices", [])
            ),
        )


class EditRejected(ValueError):
    """An edit that does not fit the draft; `message` (a catalog text) and its `values` are said to the owner."""

    def __init__(self, message: str, **values: object) -> None:
        super().__init__(message % values if values else message)
        self.message = message
        self.values = values


def _merge(lines: Sequence[DraftLine], sku: str, quantity: int) -> tuple[DraftLine, ...]:
    """Add a line, or add to the quantity of the line that already has this SKU."""
    if any(line.sku == sku for line in lines):
        return tuple(DraftLine(line.sku, line.quantity + quantity) if line.sku == sku else line for line in lines)
    return (*lines, DraftLine(sku, quantity))


def _quantity(value: Any) -> int:
    """A parsed quantity as whole sell units; anything below one counts as one."""
    return max(int(round(float(value or 1))), 1)


def add_parse(draft: Draft, parse: Mapping[str, Any]) -> Draft:
    """The draft with a parsed message's resolved lines and open choices added (DESIGN.md parse JSON)."""
    lines = draft.lines
    for line in parse.get("lines", []):
        lines = _merge(lines, str(line["sku"]), _quantity(line.get("quantity")))
    choices = draft.choices + tuple(
        Choice(str(a["phrase"]), _quantity(a.get("quantity")), tuple(str(s) for s in a["candidates"]))
        for a in parse.get("ambiguous", [])
        if a.get("candidates")
    )
    return Draft(draft.draft_id, draft.version + 1, lines, choices)


def new_draft(draft_id: str, parse: Mapping[str, Any]) -> Draft:
    """A fresh draft from one parsed message."""
    return add_parse(Draft(draft_id, 0, ()), parse)


def draft_from_lines(draft_id: str, lines: Sequence[tuple[str, int]]) -> Draft:
    """A fresh draft from (sku, quantity) pairs, e.g. a previous order's lines."""
    merged: tuple[DraftLine, ...] = ()
    for sku, quantity in lines:
        merged = _merge(merged, sku, quantity)
    return Draft(draft_id, 1, merged)


def _line_index(draft: Draft, number: int) -> int:
    if not 1 <= number <= len(draft.lines):
        raise EditRejected(
            N_("There is no line %(number)s; the draft has %(count)s line(s)."), number=number, count=len(draft.lines)
        )
    return number - 1


def set_quantity(draft: Draft, number: int, quantity: int) -> Draft:
    """Line `number` (1-based) set to `quantity`; zero removes it."""
    index = _line_index(draft, number)
    if quantity <= 0:
        return remove_line(draft, number)
    lines = list(draft.lines)
    lines[index] = DraftLine(lines[index].sku, quantity)
    return replace(draft, version=draft.version + 1, lines=tuple(lines))


def remove_line(draft: Draft, number: int) -> Draft:
    """The draft without line `number` (1-based)."""
    index = _line_index(draft, number)
    return replace(draft, version=draft.version + 1, lines=draft.lines[:index] + draft.lines[index + 1 :])


def line_number_for(draft: Draft, skus: Sequence[str]) -> int:
    """The one draft line whose SKU is among `skus` (what a product phrase matched)."""
    numbers = [n for n, line in enumerate(draft.lines, start=1) if line.sku in skus]
    if not numbers:
        raise EditRejected(N_("That item is not in your draft."))
    if len(numbers) > 1:
        raise EditRejected(
            N_("That matches lines %(numbers)s; reply e.g. %(first)s = 5."),
            numbers=", ".join(map(str, numbers)),
            first=numbers[0],
        )
    return numbers[0]


def choose(draft: Draft, option: int) -> Draft:
    """The first open choice answered with option `option` (1-based)."""
    if not draft.choices:
        raise EditRejected(N_("There is nothing to choose right now."))
    choice = draft.choices[0]
    if not 1 <= option <= len(choice.candidates):
        raise EditRejected(N_("Please reply with a number from 1 to %(count)s."), count=len(choice.candidates))
    lines = _merge(draft.lines, choice.candidates[option - 1], choice.quantity)
    return Draft(draft.draft_id, draft.version + 1, lines, draft.choices[1:])


def skip_choice(draft: Draft) -> Draft:
    """The draft without its first open choice (the owner wants none of the options)."""
    return replace(draft, version=draft.version + 1, choices=draft.choices[1:])


# Edit commands typed before confirming. Numbers are line numbers as shown in the summary.
@dataclass(frozen=True)
class SetQuantity:
    """`2 = 10`: set line 2 to 10 sell units."""

    line: int
    quantity: int


@dataclass(frozen=True)
class RemoveLine:
    """`remove 3`."""

    line: int


@dataclass(frozen=True)
class RemoveProduct:
    """`remove soda`: the line whose product the phrase names."""

    phrase: str


@dataclass(frozen=True)
class SetProductQuantity:
    """`make soda 6`: the line whose product the phrase names, set to a quantity."""

    phrase: str
    quantity: int


@dataclass(frozen=True)
class AddItems:
    """`add 2 soap 1kg`: more items, parsed like an order."""

    text: str


@dataclass(frozen=True)
class Pick:
    """`2` (or a button payload): the answer to a numbered question."""

    option: int


Command = SetQuantity | RemoveLine | RemoveProduct | SetProductQuantity | AddItems | Pick

_NUMBER_WORDS = {
    "first": 1,
    "kwanza": 1,
    "pehla": 1,
    "pahla": 1,
    "second": 2,
    "pili": 2,
    "doosra": 2,
    "dusra": 2,
    "third": 3,
    "tatu": 3,
    "teesra": 3,
    "tisra": 3,
}
_LINE = r"(?:line|no\.?|namba|nambari|number|#)?\s*(\d{1,2})"
_SET = re.compile(
    rf"^(?:change|badilisha|weka|make|set)?\s*{_LINE}\s*(?:=|:|->|to|iwe|ziwe|kuwa|ko|ki jagah)\s*(\d{{1,4}})\b"
)
_REMOVE = re.compile(rf"^(?:remove|delete|drop|futa|ondoa|toa|hatao|hata do|cancel)\s+{_LINE}$")
_REMOVE_AFTER = re.compile(r"^(\d{1,2})\s+(?:hatao|hata do|futa|ondoa|remove|delete)$")
_REMOVE_PRODUCT = re.compile(r"^(?:remove|delete|drop|futa|ondoa|toa|hatao)\s+(?:the\s+)?(\D.*)$")
_PICK = re.compile(r"^(?:option|no\.?|namba|nambari|number|choice|#)?\s*(\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:one|wala))?$")
_PICK_WORD = re.compile(r"^(?:the\s+|ya\s+)?(\w+)(?:\s+(?:one|wala))?$")
_ADD = re.compile(r"^(?:add|ongeza|plus|also|aur)\s+(?:karo\s+)?(.+?)(?:\s+add karo)?$")
_MAKE = re.compile(
    r"^(?:make|change|badilisha|set|weka|increase|reduce)\s+(\D.*?)\s+(?:to\s+|iwe\s+|kuwa\s+)?(\d{1,4})(?:\s+[a-z]+)?$"
)


def read_command(text: str) -> Command | None:
    """The edit command a message spells, or None when it is not one."""
    words = " ".join(text.lower().replace(",", " ").split()).strip(" .!?")
    if match := _SET.match(words):
        return SetQuantity(int(match[1]), int(match[2]))
    if match := _REMOVE.match(words) or _REMOVE_AFTER.match(words):
        return RemoveLine(int(match[1]))
    if match := _PICK.match(words):
        return Pick(int(match[1]))
    if (match := _PICK_WORD.match(words)) and match[1] in _NUMBER_WORDS:
        return Pick(_NUMBER_WORDS[match[1]])
    if match := _REMOVE_PRODUCT.match(words):
        return RemoveProduct(match[1])
    if match := _ADD.match(words):
        return AddItems(match[1])
    if match := _MAKE.match(words):
        return SetProductQuantity(match[1], int(match[2]))
    return None


_ORDER_REF = re.compile(r"(?<![\d.,])(\d{4,9})(?![\d.,]*\d|[a-z])", re.IGNORECASE)


def order_ref(text: str) -> str | None:
    """The order number in `#10234`, `ORD-10234`, `order no 10234` or a bare 10234, digits only."""
    match = _ORDER_REF.search(text)
    return match[1] if match else None


@dataclass(frozen=True)
class PricedLine:
    """A draft line at today's price, with what stands in the way of ordering it, if anything."""

    number: int
    item: CatalogItem | None
    sku: str
    quantity: int
    line_total: Decimal
    problem: str | None
    alternative: CatalogItem | None


@dataclass(frozen=True)
class PricedDraft:
    """A draft priced against the current catalog."""

    lines: tuple[PricedLine, ...]
    total: Decimal
    currency: str

    @property
    def has_problems(self) -> bool:
        """True when some line cannot be ordered as it stands."""
        return any(line.problem for line in self.lines)


def line_problem(item: CatalogItem | None, quantity: int) -> str | None:
    """Why a quantity of an item cannot be ordered (the platform's LineProblem codes), or None."""
    if item is None:
        return "unknown_sku"
    if not item.active:
        return "discontinued"
    if item.stock <= 0:
        return "out_of_stock"
    if quantity > item.stock:
        return "not_enough_stock"
    if quantity < item.min_order_qty:
        return "below_minimum"
    return None


def alternative_for(item: CatalogItem | None, quantity: int, catalog: Mapping[str, CatalogItem]) -> CatalogItem | None:
    """Another size or pack of the same brand and category that can be ordered in this quantity."""
    if item is None:
        return None
    options = [
        other
        for other in catalog.values()
        if other.sku != item.sku
        and other.brand == item.brand
        and other.category == item.category
        and line_problem(other, max(quantity, other.min_order_qty)) is None
    ]
    # The closest price is the likeliest stand-in (the next size up or down).
    return min(options, key=lambda other: (abs(other.price - item.price), other.sku), default=None)


def price_draft(draft: Draft, catalog: Mapping[str, CatalogItem]) -> PricedDraft:
    """The draft's lines at today's prices and stock."""
    priced = []
    for number, line in enumerate(draft.lines, start=1):
        item = catalog.get(line.sku)
        problem = line_problem(item, line.quantity)
        alternative = alternative_for(item, line.quantity, catalog) if problem and problem != "below_minimum" else None
        total = item.price * line.quantity if item else Decimal(0)
        priced.append(PricedLine(number, item, line.sku, line.quantity, total, problem, alternative))
    currency = next((p.item.currency for p in priced if p.item), "")
    return PricedDraft(tuple(priced), sum((p.line_total for p in priced if not p.problem), Decimal(0)), currency)
