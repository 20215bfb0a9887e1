"""The order draft: what the owner has asked for so far, the edits they can make, and its pricing."""

from __future__ import annotations

import enum
import math
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from typing import Any, Iterable, Mapping, Sequence, TypeVar

from backend.catalog import CatalogItem
from backend.models import Quote, QuoteLine
from i18n import N_
from nlu.chinese import HAN_RE, NUMERAL_RUN, numeral_value
from nlu.lexicon import load_lexicon
from nlu.model import OrderLine, OrderParse
from nlu.sizes import Size, size_from_text
from nlu.text import normalise_word, romanised

T = TypeVar("T")


@dataclass(frozen=True)
class DraftLine:
    """One resolved line: a SKU and how many sell units."""

    sku: str
    quantity: int


@dataclass(frozen=True)
class Choice:
    """An item the text could not pin down: the owner picks one of `candidates` by number, and when `quantity` is 0
    (a range, a part of a pack, pieces that fill no whole pack) then says how many sell units of it."""

    phrase: str
    quantity: int
    candidates: tuple[str, ...]
    # Too many candidates for one SMS: a size or a brand is asked first (`by`), each with its candidates.
    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()
    by: str = ""

    @property
    def asks_amount(self) -> bool:
        """The product is known (one candidate) and the owner is asked how many."""
        return self.quantity == 0 and len(self.candidates) == 1

    @property
    def offers_one(self) -> bool:
        """One product offered for words the reader was unsure of (`Which parle g? 1) ...`): YES takes it, as `1`."""
        return self.quantity > 0 and len(self.candidates) == 1 and not self.groups


@dataclass(frozen=True)
class Draft:
    """An unconfirmed order; every change bumps `version`, so each version has its own idempotency key."""

    draft_id: str
    version: int
    lines: tuple[DraftLine, ...]
    choices: tuple[Choice, ...] = ()
    # When the owner was last shown this draft priced (Unix seconds); an older price is checked again before YES.
    priced_at: float = 0.0

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
                {
                    "phrase": c.phrase,
                    "quantity": c.quantity,
                    "candidates": list(c.candidates),
                    **({"groups": [[label, list(skus)] for label, skus in c.groups], "by": c.by} if c.groups else {}),
                }
                for c in self.choices
            ],
            "priced_at": self.priced_at,
        }

    @classmethod
    def from_slot(cls, data: Mapping[str, Any]) -> Draft:
        """Rebuild a draft from the `draft` slot."""
        return cls(
            draft_id=str(data["id"]),
            version=int(data["version"]),
            lines=tuple(DraftLine(str(line["sku"]), int(line["quantity"])) for line in data["lines"]),
            choices=tuple(
                Choice(
                    str(c["phrase"]),
                    int(c["quantity"]),
                    tuple(str(s) for s in c["candidates"]),
                    tuple((str(label), tuple(str(s) for s in skus)) for label, skus in c.get("groups", [])),
                    str(c.get("by", "")),
                )
                for c in data.get("choices", [])
            ),
            priced_at=float(data.get("priced_at") or 0.0),
        )

    def stale(self, now: float, max_age: float) -> bool:
        """True when the prices the owner last saw are older than `max_age` seconds."""
        return now - self.priced_at > max_age


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


def whole_amount(line: OrderLine) -> bool:
    """A line's amount is a whole number of sell units: not `50 cans` of trays of 24."""
    return not line.unit_mismatch and line.quantity > 0


def add_parse(draft: Draft, parse: OrderParse) -> Draft:
    """The draft with a parsed message's resolved lines and open choices added. An amount that is no whole number of
    sell units (`50 cans` of trays of 24, `2-3 ctn`, `half ctn`) is never guessed: it becomes a question."""
    lines = draft.lines
    for line in parse.lines:
        if whole_amount(line):
            lines = _merge(lines, line.sku, line.quantity)
    amounts = tuple(Choice(line.phrase, 0, (line.sku,)) for line in parse.lines if not whole_amount(line))
    choices = tuple(
        Choice(a.phrase, 0 if a.reason == "quantity" else max(a.quantity, 0), a.candidates)
        for a in parse.ambiguous
        if a.candidates
    )
    return Draft(draft.draft_id, draft.version + 1, lines, draft.choices + amounts + choices)


def new_draft(draft_id: str, parse: OrderParse) -> Draft:
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
        raise EditRejected(N_("There is no line %(number)s in your order."), number=number)
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


def set_named_quantity(draft: Draft, skus: Sequence[str], quantity: int) -> Draft:
    """The line a product phrase names (what it matched: `skus`) set to `quantity`, zero removing it. With no such
    line, the one open question about those products takes it: `change sugar to 4` while asked which sugar keeps
    the question with 4 as its amount, `remove sugar` drops it."""
    asked = [n for n, choice in enumerate(draft.choices) if set(choice.candidates) & set(skus)]
    if any(line.sku in skus for line in draft.lines) or len(asked) != 1:
        return set_quantity(draft, line_number_for(draft, skus), quantity)
    choice = draft.choices[asked[0]]
    lines, choices = draft.lines, list(draft.choices)
    if quantity <= 0:
        del choices[asked[0]]
    elif choice.asks_amount:
        lines = _merge(lines, choice.candidates[0], quantity)
        del choices[asked[0]]
    else:
        choices[asked[0]] = replace(choice, quantity=quantity)
    return Draft(draft.draft_id, draft.version + 1, lines, tuple(choices))


def take_off_named(draft: Draft, skus: Sequence[str], amount: int) -> Draft:
    """The line a product phrase names (`skus`), or the one open question about those products, less `amount`; taking
    off all of it, or more, removes it."""
    asked = [choice for choice in draft.choices if set(choice.candidates) & set(skus)]
    if any(line.sku in skus for line in draft.lines) or len(asked) != 1 or asked[0].asks_amount:
        before = draft.lines[line_number_for(draft, skus) - 1].quantity
    else:
        before = asked[0].quantity
    return set_named_quantity(draft, skus, max(before - amount, 0))


HOW_MANY = N_("Please reply with how many, as a whole number.")
PICK_A_NUMBER = N_("Please reply with a number from 1 to %(count)s.")
# More options than this on one question are asked by size or brand first.
MAX_OPTIONS = 8
# Sizes and brands are short: up to twelve of them still ask in one SMS page.
MAX_GROUPS = 12


def choose(draft: Draft, option: int) -> Draft:
    """The first open choice answered: `option` is a candidate's number (1-based), or the amount it asks for. A product
    picked whose amount is still open becomes the question of how many."""
    if not draft.choices:
        raise EditRejected(N_("There is nothing to choose right now."))
    choice = draft.choices[0]
    if choice.asks_amount:
        if option < 1:
            raise EditRejected(HOW_MANY)
        lines = _merge(draft.lines, choice.candidates[0], option)
        return Draft(draft.draft_id, draft.version + 1, lines, draft.choices[1:])
    options = choice.groups or choice.candidates
    if not 1 <= option <= len(options):
        raise EditRejected(PICK_A_NUMBER, count=len(options))
    return narrow(draft, choice.groups[option - 1][1] if choice.groups else (choice.candidates[option - 1],))


def narrow(draft: Draft, skus: Sequence[str]) -> Draft:
    """The first open choice left with `skus`: one product with its amount said is a line; one whose amount is open
    becomes the question of how many; several stay a question among them."""
    choice = draft.choices[0]
    if len(skus) == 1 and choice.quantity > 0:
        lines = _merge(draft.lines, skus[0], choice.quantity)
        return Draft(draft.draft_id, draft.version + 1, lines, draft.choices[1:])
    narrowed = Choice(choice.phrase, choice.quantity, tuple(skus))
    return Draft(draft.draft_id, draft.version + 1, draft.lines, (narrowed, *draft.choices[1:]))


def grouped(choice: Choice, items: Mapping[str, CatalogItem]) -> Choice:
    """A choice among more products than one SMS lists well, asked first by whichever of size and brand splits them
    into the fewest options (size when both split alike), sizes smallest first, brands in alphabetical order; a choice
    that one SMS lists well lists its products so, by brand and then size, as a price list does, those out of stock
    last."""
    if choice.groups:
        return choice
    if len(choice.candidates) <= MAX_OPTIONS:
        return replace(choice, candidates=in_list_order(choice.candidates, items))
    splits = []
    for by in ("size", "brand"):
        groups: dict[str, list[str]] = {}
        for sku in choice.candidates:
            item = items.get(sku)
            groups.setdefault(getattr(item, by).strip() if item else "", []).append(sku)
        if "" not in groups and 2 <= len(groups) <= MAX_GROUPS:
            splits.append((len(groups), by, groups))
    if not splits:
        return choice
    _, by, groups = min(splits, key=lambda split: split[0])
    if by == "size":
        lexicon = load_lexicon()
        labels = sorted(groups, key=lambda label: _size_key(size_from_text(label, lexicon)))
    else:
        labels = sorted(groups, key=str.casefold)
    return replace(choice, groups=tuple((label, tuple(groups[label])) for label in labels), by=by)


def of_size(text: str, skus: Sequence[str], items: Mapping[str, CatalogItem]) -> list[str]:
    """The products among `skus` in the size a reply such as `1L` or `5 litres` names: none when it names no size."""
    lexicon = load_lexicon()
    said = size_from_text(text, lexicon)
    if said is None:
        return []
    sizes = {sku: size_from_text(items[sku].size, lexicon) for sku in skus if sku in items}
    return [sku for sku, size in sizes.items() if size is not None and size.matches(said)]


def in_list_order(skus: Sequence[str], items: Mapping[str, CatalogItem]) -> tuple[str, ...]:
    """Products as a price list lists them: by brand and then size, those out of stock or not sold last."""
    return tuple(sorted(skus, key=lambda sku: _listed(items.get(sku))))


def _listed(item: CatalogItem | None) -> tuple[bool, str, tuple[int, str, float], str]:
    if item is None:
        return (True, "", _size_key(None), "")
    size = _size_key(size_from_text(item.size, load_lexicon()))
    return (item.stock <= 0 or not item.active, item.brand.casefold(), size, item.name.casefold())


def _size_key(size: Size | None) -> tuple[int, str, float]:
    return (1, "", 0.0) if size is None else (0, size.dimension, size.value)


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
class TakeOff:
    """`reduce soda by 1`, `punguza sukari moja`: the line whose product the phrase names, less an amount."""

    phrase: str
    amount: int


@dataclass(frozen=True)
class AddItems:
    """`add 2 soap 1kg`: more items, parsed like an order."""

    text: str


@dataclass(frozen=True)
class Pick:
    """`2` (or a button payload): the answer to a numbered question."""

    option: int


Command = SetQuantity | RemoveLine | RemoveProduct | SetProductQuantity | TakeOff | AddItems | Pick

_LINE = r"(?:line|no\.?|namba|nambari|number|#|第)?\s*(\d{1,2})\s*(?:行|项)?"
# A line taken off by its number, in Chinese numerals too: `删掉三`, `删掉第三行`, `第二个不要了`.
_NUMERAL = "([一二两三四五六七八九十]{1,3})"
_REMOVED_LINE = re.compile(rf"^(?:{_LINE}|第?{_NUMERAL}\s*(?:行|项)?|第{_NUMERAL}个)$")
_PICK = re.compile(r"^(?:option|no\.?|namba|nambari|number|choice|#)?\s*(\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:one|wala))?$")
_ADD = re.compile(r"^(?:add|ongeza|plus|also|aur)\s+(?:karo\s+)?(.+?)(?:\s+add karo)?$")


@lru_cache(maxsize=1)
def _edits() -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
    """`change 2 to 10` (a line set to an amount) and `make coke 6`, `coke ko 6 karo`, `the sugar should be 3` (a
    product's line, its verb before or after it or none), in every language's edit words."""
    lexicon = load_lexicon()
    verbs, verbs_after, to, copulas = (
        "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
        for words in (lexicon.edit_verbs, lexicon.edit_verbs_after, lexicon.edit_to_words, lexicon.edit_copulas)
    )
    line_set = re.compile(rf"^(?:(?:{verbs})\s*)?{_LINE}\s*(?:=|:|->|{to})\s*(\d{{1,4}})(?!\d)")
    amount = rf"\s+(?:(?:{to})\s+)?(\d{{1,4}})(?:\s+[a-z]+)?"
    product_set = (
        re.compile(rf"^(?:{verbs})\s+(\D.*?){amount}$"),
        re.compile(rf"^(\D.*?){amount}\s+(?:{verbs_after})$"),
        re.compile(rf"^(\D.*?)\s+(?:{copulas})\s+(\d{{1,4}})(?:\s+[a-z]+)?$"),
    )
    return line_set, product_set


def read_command(text: str) -> Command | None:
    """The edit command a message spells, or None when it is not one (an amount taken off the last line, `minus 1`,
    `toa moja`, is no command)."""
    if takes_off_alone(text):
        return None
    words = " ".join(re.sub(r"[,，、]", " ", text.lower()).split()).strip(" .!?。！？")
    line_set, product_set = _edits()
    forms = _openings(words)
    if match := _first(line_set.match(form) for form in forms):
        return SetQuantity(int(match[1]), int(match[2]))
    if taken := taken_off(text):
        return taken
    removing = _first(removal(form) for form in forms)
    if removing is not None and (match := _REMOVED_LINE.match(removing)):
        return RemoveLine(int(_number_in(next(group for group in match.groups() if group)) or 0))
    if match := _PICK.match(words):
        return Pick(int(match[1]))
    if option := ordinal(words):
        return Pick(option)
    if removing and not any(word.isdigit() for word in removing.split()):
        return RemoveProduct(removing)
    if match := _ADD.match(words):
        return AddItems(match[1])
    # The barest form first: `no, the sugar should be 3` names the sugar, not `no the sugar`.
    match = _first(pattern.match(form) for form in reversed(forms) for pattern in product_set)
    lexicon = load_lexicon()
    if match and not set(match[1].split()) <= lexicon.chatter_words | lexicon.unit_words.keys():
        # `make it 6`, `weka mitungi 2` name no product: an amount said alone, of the line just ordered or asked about.
        return SetProductQuantity(match[1], int(match[2]))
    return None


def _openings(words: str) -> list[str]:
    """A message, then the message without each word in turn that opens it as a correction (`no wait`, `sorry`,
    `actually`, `hapana`, `ay mali`): `no wait, make the sprite 5` edits as `make the sprite 5` does."""
    lexicon = load_lexicon()
    opening = lexicon.corrections_and_negations | lexicon.fillers
    said = words.split()
    forms = [words]
    while len(said) > 1 and said[0] in opening:
        said.pop(0)
        forms.append(" ".join(said))
    return forms


def _first(found: Iterable[T | None]) -> T | None:
    """The first of several readings that is something."""
    return next((each for each in found if each is not None), None)


def removal(words: str) -> str | None:
    """What a message takes off the draft with a removal word of any language the reader knows, said before or
    after it (`remove 3`, `futa omo`, `omo hatao`, `enlève le 3`, `tanggalin ang 2`, `删掉3`, `可乐不要了`), without
    the words that only point at it or fill the sentence; None when the message starts or ends with no removal
    word."""
    lexicon = load_lexicon()
    said_words = [romanised(word) for word in words.split()]
    if said_words and said_words[0].rstrip(",.!") in lexicon.negations:
        # `no, remove the candles`: the no opens what is taken off.
        said_words.pop(0)
    words = " ".join(said_words)
    removal_words, idle = _removal_words()
    # A word that only fills a sentence in the message's language (Igbo `di`) takes nothing off.
    chatter = lexicon.chatter_in(set(words.split()))
    for word, joined in removal_words:
        if word in chatter:
            continue
        if words.startswith(word) and (joined or words[len(word) : len(word) + 1] in ("", " ")):
            rest = words[len(word) :]
        elif words.endswith(word) and (joined or words[-len(word) - 1 : -len(word)] in ("", " ")):
            rest = words[: -len(word)]
        else:
            continue
        said = _without_joined(rest, removal_words).split()
        while said and said[0] in idle:
            said.pop(0)
        while said and said[-1] in idle:
            said.pop()
        return " ".join(said)
    return None


def _without_joined(rest: str, removal_words: tuple[tuple[str, bool], ...]) -> str:
    """What is taken off without a second removal word written in Chinese characters at either end of it
    (`算了可乐不要了`: never mind, no cola, takes off the cola)."""
    rest = rest.strip()
    for word, joined in removal_words:
        if joined:
            rest = rest.removeprefix(word).removesuffix(word).strip()
    return rest


@lru_cache(maxsize=1)
def _removal_words() -> tuple[tuple[tuple[str, bool], ...], frozenset[str]]:
    """Every language's removal words, longest first (`hata do` before `hata`), each with whether it is written in
    Chinese characters, which join the words beside them without a space; and the words around what is taken off
    that name none of it (`the`, `yung`, `pls`)."""
    lexicon = load_lexicon()
    words = sorted(lexicon.removal_words, key=len, reverse=True)
    return tuple((word, HAN_RE.match(word) is not None) for word in words), lexicon.pick_words | lexicon.fillers


def ordinal(words: str) -> int | None:
    """The option an answer names with an ordinal word (`the second one`, `hiyo ya kwanza`, `doosra wala`,
    `le deuxième`, `yung pangalawa`, `第二个`), in any language the reader knows; None when it names none."""
    lexicon = load_lexicon()
    said = [word for word in map(romanised, words.split()) if word not in lexicon.pick_words]
    return lexicon.ordinal_words.get(said[0]) if len(said) == 1 else None


_ORDER_REF = re.compile(r"(?<![\d.,])(\d{4,9})(?![\d.,]*\d|[a-z])", re.IGNORECASE)


def order_ref(text: str) -> str | None:
    """The order number in `#10234`, `ORD-10234`, `order no 10234` or a bare 10234, digits only."""
    match = _ORDER_REF.search(text)
    return match[1] if match else None


class Problem(str, enum.Enum):
    """Why a draft line cannot be ordered: the platform's problem codes (backend/openapi.yaml), and not enough
    stock for out of stock with some left."""

    INVALID_QUANTITY = "invalid_quantity"
    UNKNOWN_SKU = "unknown_sku"
    DISCONTINUED = "discontinued"
    OUT_OF_STOCK = "out_of_stock"
    NOT_ENOUGH_STOCK = "not_enough_stock"
    BELOW_MINIMUM = "below_minimum"


@dataclass(frozen=True)
class PricedLine:
    """A draft line at the price the store pays now, with what stands in the way of ordering it, if anything."""

    number: int
    item: CatalogItem | None
    sku: str
    quantity: int
    line_total: Decimal
    problem: Problem | None
    alternative: CatalogItem | None


@dataclass(frozen=True)
class PricedDraft:
    """A draft as the platform quoted it: lines, the total of those that can be ordered, the credit left."""

    lines: tuple[PricedLine, ...]
    total: Decimal
    currency: str
    credit_available: Decimal | None = None

    @property
    def has_problems(self) -> bool:
        """True when some line cannot be ordered as it stands."""
        return any(line.problem for line in self.lines)

    @property
    def over_credit(self) -> bool:
        """True when the lines that can be ordered cost more than the store's credit allows."""
        return self.credit_available is not None and self.total > self.credit_available


def alternative_requests(
    draft: Draft, catalog: Mapping[str, CatalogItem], quote: Quote
) -> dict[str, list[tuple[str, int]]]:
    """For each line the platform cannot take as it is (a minimum aside), the (sku, quantity) lines to ask it to
    quote of the other sizes or packs of the same brand and category: each at the line's quantity, or its minimum."""
    quoted = {line.sku: line for line in quote.lines}
    asked: dict[str, list[tuple[str, int]]] = {}
    for line in draft.lines:
        item = catalog.get(line.sku)
        problem = _quoted_problem(quoted.get(line.sku))
        if item is None or problem is None or problem is Problem.BELOW_MINIMUM:
            continue
        siblings = [
            (other.sku, max(line.quantity, other.min_order_qty))
            for other in catalog.values()
            if other.sku != item.sku and other.brand == item.brand and other.category == item.category
        ]
        if siblings:
            asked[line.sku] = siblings
    return asked


def alternative_for(item: CatalogItem, siblings: Quote, catalog: Mapping[str, CatalogItem]) -> CatalogItem | None:
    """The stand-in for `item` among its siblings' quote: one the platform would take, at the closest price."""
    options = [catalog[line.sku] for line in siblings.lines if line.problem is None and line.sku in catalog]
    # The closest price is the likeliest stand-in (the next size up or down).
    return min(options, key=lambda other: (abs(other.price - item.price), other.sku), default=None)


def _quoted_problem(line: QuoteLine | None) -> Problem | None:
    """The platform's problem with a quoted line; out of stock with some stock left is not enough stock."""
    if line is None:
        return Problem.UNKNOWN_SKU
    if line.problem is None:
        return None
    problem = Problem(line.problem.code)
    return Problem.NOT_ENOUGH_STOCK if problem is Problem.OUT_OF_STOCK and line.problem.available else problem


def draft_lines(draft: Draft) -> list[tuple[str, int]]:
    """The draft's (sku, quantity) pairs, as the platform's order and quote calls take them."""
    return [(line.sku, line.quantity) for line in draft.lines]


def price_draft(
    draft: Draft,
    catalog: Mapping[str, CatalogItem],
    quote: Quote,
    alternatives: Mapping[str, CatalogItem | None] | None = None,
) -> PricedDraft:
    """The draft at the platform's quote, each line's item at the price the store pays, with the alternative
    found (by SKU) for a line that cannot be ordered."""
    quoted = {line.sku: line for line in quote.lines}
    priced = []
    for number, line in enumerate(draft.lines, start=1):
        quote_line = quoted.get(line.sku)
        item = catalog.get(line.sku)
        if item is not None and quote_line is not None and quote_line.unit_price is not None:
            item = replace(item, price=quote_line.unit_price)
        problem = _quoted_problem(quote_line)
        alternative = (alternatives or {}).get(line.sku) if problem else None
        total = quote_line.line_total if quote_line is not None and problem is None else Decimal(0)
        priced.append(PricedLine(number, item, line.sku, line.quantity, total, problem, alternative))
    currency = quote.currency or next((p.item.currency for p in priced if p.item), "")
    return PricedDraft(tuple(priced), quote.total, currency, quote.credit_available)


def credit_fix(priced: PricedDraft) -> tuple[PricedLine, int] | None:
    """One line cut to the quantity that brings the draft within the credit available, if one line can do it.

    The largest line first: it needs the smallest cut in units, and never below its minimum order.
    """
    if not priced.over_credit or priced.credit_available is None:
        return None
    excess = priced.total - priced.credit_available
    for line in sorted(priced.lines, key=lambda line: line.line_total, reverse=True):
        if line.problem or line.item is None or line.item.price <= 0:
            continue
        keep = line.quantity - math.ceil(excess / line.item.price)
        if keep >= max(line.item.min_order_qty, 1):
            return line, keep
    return None


class Joining(enum.Enum):
    """What items sent while a draft is open do to it."""

    ADD = "add"
    FRESH = "fresh"
    CHANGE = "change"
    ASK_SAME = "same"
    ASK_WHICH = "which"


class Cue(enum.Enum):
    """What the owner said about the open draft at the start of an item message (locale words)."""

    ADD = "add"
    MORE = "more"
    NEW = "new"
    CHANGE = "change"


_DIGITS_RUN = re.compile(r"\d+(?:\.\d+)?")


def amount_in(text: str) -> int:
    """How many the owner's answer says: its first number, in any script's digits or any language's number words the
    reader knows (`5`, `5 ctn`, `५`, `tano`, `五箱`; inside Chinese written without spaces, `那来3箱`, `要两提`); 0 when
    it says none or not a whole number."""
    said = amounts_in(text)
    return int(said[0]) if said and said[0].is_integer() else 0


def amounts_in(text: str) -> list[float]:
    """Every number a message says, in order, as `amount_in` reads them (`4 nahi 6`, `不是3箱是5箱`); a number word
    that is also a word of another language (Hindi `do`, two) counts before a pack word or one adding or taking off
    (`do peti`, `do aur`, `do kam karo`)."""
    words = _answer_words(text)
    needing = load_lexicon().number_words_needing_unit
    found: list[float] = []
    for position, word in enumerate(words):
        if HAN_RE.search(word):
            found.extend(value for run in _number_runs(word) if (value := _number_in(run.group())) is not None)
        elif (value := _number_in(word)) is not None:
            found.append(value)
        elif word in needing and position + 1 < len(words) and words[position + 1] in _amount_followers():
            found.append(float(needing[word]))
    return found


@lru_cache(maxsize=1)
def _amount_followers() -> frozenset[str]:
    """The words after which a number word needing a unit is one: pack words and words adding or taking off."""
    lexicon = load_lexicon()
    phrases = lexicon.draft_more_cues | lexicon.less_words
    return frozenset(lexicon.unit_words.keys() | {phrase.split()[0] for phrase in phrases})


def _number_runs(word: str) -> list[re.Match[str]]:
    """The runs of digits and of Chinese numerals in a word written without spaces (`改成3箱`, `再加两箱`), in order."""
    return sorted([*_DIGITS_RUN.finditer(word), *NUMERAL_RUN.finditer(word)], key=lambda run: run.start())


def counts_packs(text: str) -> bool:
    """False when a number written in Chinese counts something no pack or measure word names (`再来一单`: one more
    order), which is no amount of a product."""
    counters = _chinese_counters()
    for word in _answer_words(text):
        if HAN_RE.search(word):
            for run in _number_runs(word):
                after = word[run.end() :]
                if after and not after.startswith(counters) and not NUMERAL_RUN.match(after):
                    return False
    return True


@lru_cache(maxsize=1)
def _chinese_counters() -> tuple[str, ...]:
    lexicon = load_lexicon()
    return tuple(word for word in (*lexicon.unit_words, *lexicon.size_words) if HAN_RE.search(word))


def corrects_alone(text: str) -> bool:
    """True when a message says a word correcting an amount (`make it 3`, `4 nahi 6`, `hapana, kreti 4`, `改成5箱`)."""
    lexicon = load_lexicon()
    words = [normalise_word(word) for word in _answer_words(text)]
    correcting = (
        lexicon.corrections_and_negations | lexicon.draft_change_cues | lexicon.edit_verbs | lexicon.edit_copulas
    )
    return _says_anywhere(words, text, correcting)


def says_only_amounts(text: str) -> bool:
    """True when every word of a message is an amount no larger than one line takes, a pack word, a word correcting or
    adding to an amount, or one that fills a sentence (`sorry make it 3`, `hapana, kreti 4`, `ek aur`; a word in
    Chinese characters counted as such, `改成5箱`): not `is order no 10002 confirmed`."""
    lexicon = load_lexicon()
    words = [normalise_word(word) for word in _answer_words(text)]
    read = [(word, _number_in(word)) for word in words if not HAN_RE.search(word)]
    amounts = [value for _, value in read if value is not None]
    plain = [word for word, value in read if value is None]
    return all(0 < value <= lexicon.max_quantity for value in amounts) and set(plain) <= _amount_words()


@lru_cache(maxsize=1)
def _amount_words() -> frozenset[str]:
    """The words an amount said alone may come with, in every language: pack words, number words, words correcting or
    adding to it, and words that fill a sentence or ask for goods."""
    lexicon = load_lexicon()
    phrases = (
        lexicon.corrections_and_negations
        | lexicon.draft_change_cues
        | lexicon.draft_add_cues
        | lexicon.draft_more_cues
        | lexicon.edit_verbs
        | lexicon.edit_verbs_after
        | lexicon.edit_to_words
        | lexicon.edit_copulas
        | lexicon.removal_words
        | lexicon.asking_words
    )
    words = {word for phrase in phrases for word in phrase.split()}
    numbers = lexicon.number_words.keys() | lexicon.number_words_needing_unit.keys()
    return frozenset(words | lexicon.chatter_words | lexicon.unit_words.keys() | numbers)


def asks_a_price_alone(text: str) -> bool:
    """True when a message asks a price and names nothing else, a pack it is asked by at most (`how much is all
    that?`, `bei ya zote ni ngapi?`, `how much per case?`, `多少钱一箱？`): of an order waiting, its total; of the
    products an open question offers, their prices."""
    lexicon = load_lexicon()
    words = [normalise_word(word) for word in _answer_words(text)]
    if not words or not _says_anywhere(words, text, lexicon.price_cues):
        return False
    said = {word for phrase in lexicon.price_cues for word in phrase.split()}
    besides = said | lexicon.chatter_words | lexicon.stop_words | lexicon.each_words | lexicon.unit_words.keys()
    if any(HAN_RE.search(word) for word in words):
        # Chinese runs on without spaces: what is left once its price words and the pack asked by are taken out.
        rest = "".join(words)
        for phrase in sorted((p for p in lexicon.price_cues if HAN_RE.search(p)), key=len, reverse=True):
            rest = rest.replace(phrase, " ")
        words = [w for w in re.split(r"[\s。？！，、.]+", _per_pack().sub(" ", rest)) if w]
    return set(words) <= besides | {"1", "one", "a"}


def takes_off_alone(text: str) -> bool:
    """True when a message only takes an amount off (`minus 1`, `one less`, `punguza moja`, `ek kam karo`, and with a
    removal word the amount in words: `remove one`, `toa moja`); `remove 1`, a digit, removes line 1."""
    lexicon = load_lexicon()
    words = [normalise_word(word) for word in _answer_words(text)]
    if not amounts_in(text) or not says_only_amounts(text):
        return False
    if _says_anywhere(words, text, lexicon.less_words):
        return True
    counted = [word for word in words if HAN_RE.search(word) or _number_in(word) is not None]
    return _says_anywhere(words, text, lexicon.removal_words) and all(w in lexicon.number_words for w in counted)


def taken_off(text: str) -> TakeOff | None:
    """A product and an amount taken off it (`reduce coke by 1`, `coke 500ml minus 2`, `one less sugar`, `punguza
    sukari moja`, `coke ek kam karo`; with a removal word the amount last, in words: `toa coke moja`); None when it
    says no such thing, or sets an amount (`reduce coke to 3`)."""
    lexicon = load_lexicon()
    words = [normalise_word(word) for word in _answer_words(text)]
    needing = lexicon.number_words_needing_unit
    counted = [w for w in words if w.isdigit() or w in lexicon.number_words or (w in needing and w != words[-1])]
    if len(counted) != 1 or not set(words).isdisjoint(lexicon.edit_to_words):
        return None
    # A removal word takes off an amount only in words, said last: `remove 2` is line 2, `remove seven up` a product.
    last_word = counted[0] == words[-1] and (counted[0] in lexicon.number_words or counted[0] in needing)
    if not _says_anywhere(words, text, lexicon.less_words) and not (
        last_word and _says_anywhere(words, text, lexicon.removal_words)
    ):
        return None
    taking = {word for phrase in lexicon.less_words | lexicon.removal_words for word in phrase.split()}
    dropped = taking | lexicon.chatter_words | lexicon.time_words | set(counted)
    named = " ".join(word for word in words if word not in dropped)
    amount = int(_number_in(counted[0]) or needing[counted[0]])
    return TakeOff(named, amount) if named and amount > 0 else None


def adds_alone(text: str) -> bool:
    """True when a message says a word adding more (`2 more`, `moja zaidi`, `ek aur`, `add 2`, `再加两箱`)."""
    lexicon = load_lexicon()
    words = [normalise_word(word) for word in _answer_words(text)]
    return read_cue(text)[0] in (Cue.MORE, Cue.ADD) or _says_anywhere(words, text, lexicon.draft_add_cues)


def answers_choice(text: str, choice: Choice) -> bool:
    """True when the whole message is a number answering the open choice (`2`, `option 2`; for how many also `tatu`,
    `5 ctn`, `2.5`, `三箱`): it answers the question whatever the intent classifier read."""
    if isinstance(read_command(text), Pick):
        return True
    words = _answer_words(text)
    return choice.asks_amount and 1 <= len(words) <= 2 and _number_in(words[0]) is not None


def answers_by_size(text: str, choice: Choice, items: Mapping[str, CatalogItem]) -> bool:
    """True when the whole message is a size some but not all of the open choice's products are in (`1L`,
    `5 litres`): it answers the question whatever the intent classifier read."""
    sized = of_size(text, choice.candidates, items) if len(_answer_words(text)) <= 2 else []
    return 0 < len(sized) < len(choice.candidates)


@lru_cache(maxsize=1)
def _per_pack() -> re.Pattern[str]:
    """`一箱`, `每提`: the pack a price is asked by, in Chinese."""
    chinese = [re.escape(unit) for unit in load_lexicon().unit_words if all(map(HAN_RE.match, unit))]
    return re.compile(rf"[一每]?(?:{'|'.join(sorted(chinese, key=len, reverse=True))})" if chinese else r"(?!)")


def _answer_words(text: str) -> list[str]:
    return [word for word in re.split(r"[\s,;:!?]+", text.lower()) if word]


def _number_in(word: str) -> float | None:
    """The number a word opens with: digits of any script, Chinese numerals, or a number word; None if none."""
    if match := _DIGITS_RUN.match(word):
        return float(match[0])
    if match := NUMERAL_RUN.match(word):
        return numeral_value(match[0])
    value = load_lexicon().number_words.get(word)
    return None if value is None else float(value)


def read_cue(text: str) -> tuple[Cue | None, str]:
    """The draft cue an item message opens with (after fillers such as `pls`), and the text after it.

    A `more` cue (`2 more bales`, `mfuko mmoja zaidi`) or else a `change` cue (`sorry 5 nahi 6`, `可乐改成5箱`)
    counts anywhere in the message; a cue is cut only at the start.
    """
    lexicon = load_lexicon()
    kinds = ((Cue.NEW, lexicon.draft_new_cues), (Cue.MORE, lexicon.draft_more_cues), (Cue.ADD, lexicon.draft_add_cues))
    spans = [(m.end(), normalise_word(m.group().strip(",.:;!?-"))) for m in re.finditer(r"\S+", text)]
    words = [word for _, word in spans]
    start = 0
    while start < len(words):
        for size in (3, 2, 1):
            phrase = " ".join(words[start : start + size])
            for cue, phrases in kinds:
                if start + size <= len(words) and phrase in phrases:
                    rest = text[spans[start + size - 1][0] :].lstrip(" ,.:;!-")
                    # `ongeza omo moja zaidi`: add, and what is added is more of a product ordered.
                    more = cue is Cue.ADD and _says_anywhere(words[start + size :], rest, lexicon.draft_more_cues)
                    return (Cue.MORE if more else cue), rest
        if words[start] not in lexicon.fillers:
            break
        start += 1
    for cue, phrases in ((Cue.MORE, lexicon.draft_more_cues), (Cue.CHANGE, lexicon.draft_change_cues)):
        if _says_anywhere(words, text, phrases):
            return cue, text
    return None, text


def _says_anywhere(words: list[str], text: str, phrases: frozenset[str]) -> bool:
    """Whether a text says one of the phrases: as its words, or for a phrase in Chinese, anywhere in its characters."""
    spaced = any(" ".join(words[i : i + size]) in phrases for size in (1, 2) for i in range(len(words)))
    return spaced or any(HAN_RE.search(phrase) and phrase in text for phrase in phrases)


def joining(draft: Draft, parse: OrderParse, cue: Cue | None) -> Joining:
    """How items sent while `draft` is open change it.

    Said outright (`new order`, `and also`, `one more`, `sorry, 6 not 5`) it is done; items not on the draft join
    it; a message naming every product of a draft of several lines restates the order and starts afresh; the same
    products again ask whether to add to their lines or change them; a mix of both asks whether to add or start anew.
    """
    sent = {line.sku for line in parse.lines}
    open_skus = {line.sku for line in draft.lines}
    asked_amounts = {choice.candidates[0] for choice in draft.choices if choice.asks_amount}
    if cue is Cue.NEW:
        return Joining.FRESH
    if cue is Cue.CHANGE and sent & (open_skus | asked_amounts):
        return Joining.CHANGE
    if cue is not None:
        return Joining.ADD
    if not sent & open_skus:
        return Joining.ADD
    if len(open_skus) > 1 and open_skus <= sent:
        return Joining.FRESH
    if sent <= open_skus and not parse.ambiguous:
        return Joining.ASK_SAME
    return Joining.ASK_WHICH


def settled_on_draft(draft: Draft, parse: OrderParse) -> OrderParse:
    """A correction's or a `more`'s items that could be several products, one of them on the draft, read as that one:
    `3 nahi 5 case zuri cola` with Zuri Cola 2L ordered corrects that line, `omo moja zaidi` adds to the Omo there,
    where `zuri cola` or `omo` alone would ask which size."""
    open_skus = {line.sku for line in draft.lines}
    lines = list(parse.lines)
    ambiguous = []
    for item in parse.ambiguous:
        on_draft = open_skus.intersection(item.candidates)
        if item.reason == "product" and len(on_draft) == 1:
            lines.append(OrderLine(on_draft.pop(), item.quantity, item.phrase, 100.0))
        else:
            ambiguous.append(item)
    return replace(parse, lines=tuple(lines), ambiguous=tuple(ambiguous))


def replace_quantities(draft: Draft, parse: OrderParse) -> Draft:
    """The draft with the quantities of the products a message names again set to what it says, and the question of
    how many of one of them answered so; the rest added."""
    sent = {line.sku: line.quantity for line in parse.lines if whole_amount(line)}
    lines = tuple(DraftLine(line.sku, sent.pop(line.sku, line.quantity)) for line in draft.lines)
    choices = tuple(choice for choice in draft.choices if not (choice.asks_amount and choice.candidates[0] in sent))
    rest = replace(parse, lines=tuple(line for line in parse.lines if line.sku in sent or not whole_amount(line)))
    return add_parse(replace(draft, lines=lines, choices=choices), rest)
