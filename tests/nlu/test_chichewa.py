"""Orders written in Chichewa to a Malawian wholesaler: its pack words, number words and kinds of goods."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order

CATALOG = Path(__file__).resolve().parent / "data" / "malawi_market_catalog.csv"


@pytest.fixture(scope="module")
def malawi_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(CATALOG))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ndikufuna makatoni atatu a kukoma 1L", [("MF-50118", 3)]),
        ("matumba awiri a kilombero 5kg", [("MP-40211", 2)]),
        ("coke 300ml makreti 10 ndi fanta 500ml ma case 5", [("ZK-90111", 10), ("ZK-90153", 5)]),
        ("coke 300ml crate 5, pepani 7", [("ZK-90111", 7)]),
        ("shuga wa illovo 2kg mabelo 2 ndi wina umodzi", [("KB-20433", 3)]),
    ],
)
def test_chichewa_pack_and_number_words_count_the_item(
    malawi_index: CatalogIndex, text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(line.sku, line.quantity) for line in parse_order(text, malawi_index).lines] == expected


def test_a_chichewa_price_question_is_a_price_not_an_order(malawi_index: CatalogIndex) -> None:
    parse = parse_order("mtengo wa kukoma 5L ndi zingati?", malawi_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("MF-50131", 1)]
    assert parse.ambiguous == ()


def test_a_question_after_an_item_asks_its_price_inside_an_order(malawi_index: CatalogIndex) -> None:
    parse = parse_order("illovo 1kg bale 2. Nanga lux ndi zingati?", malawi_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("KB-20417", 2)]
    assert [question.candidates for question in parse.price_questions] == [("SP-60254",)]
