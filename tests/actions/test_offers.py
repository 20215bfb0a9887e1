"""Replies to a promotion read as picks of its numbered items."""

from __future__ import annotations

from actions.offers import pick_from_offer, with_minimums

PROMO = {"items": [{"number": 1, "sku": "A"}, {"number": 2, "sku": "B"}]}
ONE = {"items": [{"number": 1, "sku": "A"}]}


def test_numbers_and_yes_pick_items_and_quantities() -> None:
    assert pick_from_offer("1", PROMO) == [("A", 0)]
    assert pick_from_offer("YES 1 5", PROMO) == [("A", 5)]
    assert pick_from_offer("1 5, 2 3", PROMO) == [("A", 5), ("B", 3)]
    assert pick_from_offer("yes", ONE) == [("A", 0)]
    assert with_minimums([("A", 0), ("B", 4)], {"A": 2}) == [("A", 2), ("B", 4)]


def test_other_replies_are_not_picks_from_the_offer() -> None:
    for text in ("yes", "3", "1 2 3", "5 coke", "where is my order", ""):
        assert pick_from_offer(text, PROMO) is None, text
