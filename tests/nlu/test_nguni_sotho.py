"""Orders texted in isiZulu, isiXhosa, Sesotho and Setswana to a Soweto cash-and-carry: hyphened class beginnings,
counts with their concords, kinds of goods and price questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order

CATALOG = Path(__file__).resolve().parent / "data" / "gauteng_spaza_catalog.csv"


@pytest.fixture(scope="module")
def spaza_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(CATALOG))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sanibonani, ngicela ama-case amabili e-coke 2L", [("10701", 2)]),
        ("ngicela u-5 case coke 2l no-3 case fanta orange 2l", [("10701", 5), ("10711", 3)]),
        ("ngicela i-rama 500g case 2 ne-stay soft case 1", [("10331", 2), ("10334", 1)]),
        ("ndicela iikhesi ezine ze-coke 2L", [("10701", 4)]),
        ("ke kopa iwisa 10kg tse pedi", [("10011", 2)]),
        ("ke kopa tastic 5kg tse supa", [("10052", 7)]),
        ("nthomelela coke 2l case tse nne", [("10701", 4)]),
    ],
)
def test_class_beginnings_and_counts_with_their_concords_count_the_item(
    spaza_index: CatalogIndex, text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(line.sku, line.quantity) for line in parse_order(text, spaza_index).lines] == expected


def test_a_beginning_a_name_writes_before_the_word_stays_part_of_it(spaza_index: CatalogIndex) -> None:
    assert [(line.sku, line.quantity) for line in parse_order("coke no-sugar 2L case 1", spaza_index).lines] == [
        ("10706", 1)
    ]


def test_a_local_word_for_a_kind_asks_which_brand(spaza_index: CatalogIndex) -> None:
    parse = parse_order("ngicela impuphu 10kg u-3", spaza_index)
    assert parse.lines == ()
    assert [set(item.candidates) for item in parse.ambiguous] == [{"10011", "10021", "10031"}]


def test_yimalini_and_ke_bokae_ask_a_price(spaza_index: CatalogIndex) -> None:
    alone = parse_order("yimalini i-iwisa 10kg?", spaza_index)
    assert alone.asks_prices
    assert [line.sku for line in alone.lines] == ["10011"]
    beside = parse_order("ke kopa 5 case coke 2l, pepsi 2L ke bokae?", spaza_index)
    assert [(line.sku, line.quantity) for line in beside.lines] == [("10701", 5)]
    assert [item.candidates for item in beside.price_questions] == [("10751",)]
