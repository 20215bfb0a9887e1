"""Orders written in Igbo and Pidgin to an Onitsha wholesaler: counting and pack words, kinds of goods, price
questions, corrections, and a distributor's `RGB` for the returnable glass bottle sold by the crate."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import resolved

CATALOG = Path(__file__).resolve().parent / "data" / "onitsha_market_catalog.csv"


@pytest.fixture(scope="module")
def onitsha_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(CATALOG))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("maggi star pack iri na ise", [("J5Q-2685", 15)]),
        ("dano sachet pack iri abuo", [("T9W-2363", 20)]),
        ("kings oil 1L katon asaa", [("Z7T-1333", 7)]),
        ("A choro m indomie onion katon anọ, golden penny spaghetti katon abụọ", [("S9Z-3406", 4), ("R6G-6449", 2)]),
        ("mmanu nkwu 25 litres 2", [("T5A-4832", 2)]),
        ("red oil 4 litres 5 keg", [("Q0Y-4948", 5)]),
        ("Mo fe hero crate méjì", [("C3M-4328", 2)]),
        ("dano sachet pack ìrí abụọ", [("T9W-2363", 20)]),
        ("kwali goma sha biyu na maltina can", [("K3B-4379", 12)]),
        ("semovita 1kg bale meedogun", [("Q9A-8173", 15)]),
        ("omi eva 75cl paali ogoji", [("R3L-2175", 40)]),
        ("kings oil 5 litres 2 galon", [("N4C-1942", 2)]),
    ],
)
def test_nigerian_pack_counting_and_kind_words_with_or_without_tone_marks_count_the_item(
    text: str, expected: list[tuple[str, int]], onitsha_index: CatalogIndex
) -> None:
    assert resolved(text, onitsha_index) == expected


def test_igbo_kind_word_asks_among_the_brands_of_the_kind(onitsha_index: CatalogIndex) -> None:
    parse = parse_order("osikapa 50kg akpa ise", onitsha_index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [{"Z0K-7375", "Y7D-7393", "Y0N-9842", "W6U-8535"}]
    assert parse.ambiguous[0].quantity == 5


@pytest.mark.parametrize("text", ["coke 50cl 5 pk. obughi 5, o bu 8", "coke 50cl 5 pk. not 5, 8"])
def test_an_amount_after_one_taken_back_replaces_it(text: str, onitsha_index: CatalogIndex) -> None:
    assert resolved(text, onitsha_index) == [("A6U-2742", 8)]


def test_igbo_removal_and_addition_in_one_message(onitsha_index: CatalogIndex) -> None:
    assert resolved("omo 850g 3 bale. wepu omo, tinye ariel 900g 3 bale", onitsha_index) == [("F2X-5741", 3)]


@pytest.mark.parametrize(
    ("text", "expected"), [("hero 10 crates", [("C3M-4328", 10)]), ("fanta 4 crates", [("N4C-8732", 4)])]
)
def test_crates_take_the_returnable_glass_bottle_written_rgb(
    text: str, expected: list[tuple[str, int]], onitsha_index: CatalogIndex
) -> None:
    assert resolved(text, onitsha_index) == expected


def test_a_brand_in_bottles_and_cans_with_no_pack_is_asked(onitsha_index: CatalogIndex) -> None:
    parse = parse_order("hero 3", onitsha_index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [{"C3M-4328", "L3Q-7807"}]


@pytest.mark.parametrize("ending", ["dị", "di"])
def test_igbo_price_question_ending_in_di_asks_the_price_and_takes_nothing_off(
    ending: str, onitsha_index: CatalogIndex
) -> None:
    parse = parse_order(f"hero 5 crates, ego ole ka star can {ending}?", onitsha_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("C3M-4328", 5)]
    assert [question.candidates for question in parse.price_questions] == [("M4T-6081",)]
