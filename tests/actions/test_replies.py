"""What the assistant's questions quote of the owner's words."""

from __future__ import annotations

import pytest

from actions.replies import product_words


@pytest.mark.parametrize(
    ("phrase", "asked"),
    [
        ("3 zuri cola", "zuri cola"),
        ("5 crates of coke", "coke"),
        ("sukari kilo 2", "sukari kilo 2"),
        # The words asking for it and joining the amount were quoted: "Aling ng sardinas ligo?", "Which pls 5 ctn coke?"
        ("2 kahon ng sardinas ligo", "sardinas ligo"),
        ("pls 5 ctn coke", "coke"),
        ("send me 3 bags sugar", "sugar"),
    ],
)
def test_which_product_is_asked_in_the_owners_words_without_the_amount_or_asking(phrase: str, asked: str) -> None:
    assert product_words(phrase) == asked
