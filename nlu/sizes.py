"""Product sizes (300ml, 1.25L, half kg, size 4, 96pg) as comparable values."""

from __future__ import annotations

from dataclasses import dataclass, field

from nlu.lexicon import Lexicon
from nlu.text import Token, clean_text, tokenize

# Numbered sizes name a kind of piece and never add up: diaper size 4, and page counts (`96pg`),
# whose words common.json puts in this dimension.
SIZE_NUMBER = "size"
# A price point that names a pack (`Parle-G Rs 5`, `Cabin Biscuit ₦50`, `ya shilingi 20`).
SIZE_PRICE = "price"
# How far two figures of one size may differ: a label rounds `8oz` (236.6ml) to `237ml`.
_ROUNDING = 0.005
# A size of whole litres or kilos is said to its round figure (`3 litros` of the 3.03L), never one of millilitres or
# grams (`550` of a `555ml` beside a `550ml`).
_ROUND_FIGURE = 0.01
_WHOLE_MEASURE = 1000


@dataclass(frozen=True, slots=True)
class Size:
    """A size in a base unit: millilitres, grams, or a numbered size such as diaper size 4 or a 96-page book."""

    dimension: str
    value: float
    # The factor of the unit the size was written in (10 for `35cl`), so a bare `35` can be read in it.
    written_factor: float = field(default=1.0, compare=False)

    # Written out, not left to `@dataclass`: compiled, each field is set in place (see `ItemRequest`).
    def __init__(self, dimension: str, value: float, written_factor: float = 1.0) -> None:
        object.__setattr__(self, "dimension", dimension)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "written_factor", written_factor)

    def matches(self, other: Size) -> bool:
        """Same dimension and the same amount, allowing for rounding in `1.25L` style figures and for a label's
        millilitres rounded from ounces (`8oz` is the `237ml` bottle)."""
        value = self.value
        allowed = (_ROUND_FIGURE if value >= _WHOLE_MEASURE else _ROUNDING) * max(1.0, value)
        return self.dimension == other.dimension and abs(value - other.value) <= allowed

    def matches_number(self, number: float) -> bool:
        """A bare number such as `300` or `1.25` read as this size in its own unit (`300` ml, `1.25` L)."""
        if self.dimension in (SIZE_NUMBER, SIZE_PRICE):
            return abs(self.value - number) < 1e-9
        value = self.value
        if any(abs(value - number * factor) <= 0.001 * max(1.0, value) for factor in (1, 1000, self.written_factor)):
            return True
        # Digits typed in whole litres or kilos may round the size (`big cola 3`); in millilitres or grams, not.
        return value >= _WHOLE_MEASURE and abs(value - number * _WHOLE_MEASURE) <= _ROUND_FIGURE * value


def size_from_text(text: str, lexicon: Lexicon) -> Size | None:
    """The first size written in a catalog field (`1.25L`, `500 g`, `Size 3`), if any."""
    tokens = tokenize(clean_text(text))
    for position, token in enumerate(tokens):
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if token.kind == "num" and following is not None and following.kind == "word":
            unit = lexicon.size_words.get(following.text)
            if unit is not None:
                return Size(unit.dimension, token.value * unit.factor, unit.factor)
        if token.kind == "word" and token.text in lexicon.size_markers and following is not None:
            if following.kind == "num":
                return Size(SIZE_NUMBER, following.value)
        if (price := _price_point(token, following, lexicon)) is not None:
            return price
    return None


def price_point_from_text(text: str, lexicon: Lexicon) -> Size | None:
    """The price point a catalog name writes, also beside its measure (`Frooti ₹10 (125ml)`, `Vim Bar MRP 10`)."""
    tokens = tokenize(clean_text(text))
    for position, token in enumerate(tokens):
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if (price := _price_point(token, following, lexicon)) is not None:
            return price
    return None


def _price_point(token: Token, following: Token | None, lexicon: Lexicon) -> Size | None:
    """`Rs 10`, `₹10`, `10 rupees`: a currency word or sign before an amount, or a currency word after one."""
    if following is None:
        return None
    if token.kind in ("word", "currency") and token.text in lexicon.price_point_words and following.kind == "num":
        return Size(SIZE_PRICE, following.value)
    if token.kind == "num" and following.text in lexicon.price_point_words:
        return Size(SIZE_PRICE, token.value)
    return None
