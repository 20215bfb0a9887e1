"""Orders written in Twi and Ghanaian Pidgin to a Kumasi wholesaler: counting and pack words, price and stock
questions, and words typed with `3` for the open e."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import resolved

CATALOG = Path(__file__).resolve().parent / "data" / "ashanti_market_catalog.csv"


@pytest.fixture(scope="module")
def ashanti_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(CATALOG))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("malta katon mmi3nsa", [("M9T-2201", 3)]),
        ("Me pe tissue bale anan", [("H9Q-3040", 4)]),
        ("fa belaqua rubber du ma me", [("J2W-3125", 10)]),
        ("Boss, soma me frytol galon mmienu ne zomi katon baako", [("L6F-8005", 2), ("L6F-8020", 1)]),
        ("club 5 crates, enye 5, ye no 6", [("B7X-4001", 6)]),
    ],
)
def test_twi_pack_and_counting_words_count_the_item(
    text: str, expected: list[tuple[str, int]], ashanti_index: CatalogIndex
) -> None:
    assert resolved(text, ashanti_index) == expected


def test_a_price_typed_with_3_for_e_is_asked_not_ordered(ashanti_index: CatalogIndex) -> None:
    parse = parse_order("Gino sachet 3 ctn. Tasty tom sachet y3 s3n?", ashanti_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("N5V-6101", 3)]
    assert [item.candidates for item in parse.price_questions] == [("N5V-6110",)]


@pytest.mark.parametrize("text", ["Ideal small carton y3 s3n?", "Titus wo ho?", "royal aroma 25kg sen?"])
def test_twi_price_and_stock_questions_name_the_product_once(text: str, ashanti_index: CatalogIndex) -> None:
    parse = parse_order(text, ashanti_index)
    assert [line.quantity for line in parse.lines] + [len(q.candidates) for q in parse.price_questions] == [1]
    assert not parse.ambiguous and not parse.unknown


def test_an_amount_glued_to_its_unit_keeps_its_digit(ashanti_index: CatalogIndex) -> None:
    assert resolved("royal aroma 5kg 3bags", ashanti_index) == [("R8C-7001", 3)]
