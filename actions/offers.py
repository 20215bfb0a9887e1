"""Replies to a promotion: "1", "YES 1 5", "1 5 2 3" pick its numbered items (and quantities)."""

from __future__ import annotations

import re
from typing import Any, Mapping, Sequence

_WORDS = re.compile(r"[^\w]+", re.UNICODE)
YES_WORDS = frozenset({"yes", "y", "ndio", "ndiyo", "sawa", "haan", "ha", "ok", "okay"})


def offer_items(promotion: Mapping[str, Any]) -> dict[int, str]:
    """The promotion's item numbers and their SKUs."""
    return {int(item["number"]): str(item["sku"]) for item in promotion.get("items") or ()}


def pick_from_offer(text: str, promotion: Mapping[str, Any]) -> list[tuple[str, int]] | None:
    """(sku, quantity) pairs the reply picks, a quantity of 0 meaning the least that may be ordered; None if none.

    "1" is item 1; "1 5" or "YES 1 5" is five of item 1; "1 5 2 3" pairs up; a bare YES takes the only item.
    """
    items = offer_items(promotion)
    words = [w for w in _WORDS.split(text.lower()) if w]
    if words and words[0] in YES_WORDS:
        words = words[1:]
        if not words:
            return [(items[1], 0)] if len(items) == 1 and 1 in items else None
    if not words or not all(w.isdigit() for w in words) or len(words) > 2 * len(items):
        return None
    numbers = [int(w) for w in words]
    if len(numbers) % 2:
        if len(numbers) != 1:
            return None
        numbers.append(0)
    picked: list[tuple[str, int]] = []
    for number, quantity in zip(numbers[::2], numbers[1::2], strict=True):
        if number not in items:
            return None
        picked.append((items[number], quantity))
    return picked


def with_minimums(picked: Sequence[tuple[str, int]], minimums: Mapping[str, int]) -> list[tuple[str, int]]:
    """Fill a quantity of 0 with the item's minimum order."""
    return [(sku, quantity or max(minimums.get(sku, 1), 1)) for sku, quantity in picked]
