"""Orders written in Bemba to a Copperbelt wholesaler: its pack words, counting words, kinds of goods and cues."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import resolved

CATALOG = Path(__file__).resolve().parent / "data" / "copperbelt_market_catalog.csv"


@pytest.fixture(scope="module")
def copperbelt_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(CATALOG))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ndefwaya shuga whitespoon 2kg ama bale yatatu", [("ZS-41207", 3)]),
        ("ntumineniko ubunga bwa kapiri 25kg amabegi 10 napapata", [("ZM-30118", 10)]),
        ("Mosi amakreti ikumi na yabili", [("ZA-90117", 12)]),
        ("Ndefwaya ifikwama fisano ifya kapiri 25kg", [("ZM-30118", 5)]),
        ("amafuta ya zamsun 5L ama container yabili", [("ZO-50229", 2)]),
        ("geisha 3 ctn na lifebuoy 2 ctn. fumyapo lifebuoy", [("ZP-70315", 3)]),
    ],
)
def test_bemba_pack_and_counting_words_count_the_item(
    text: str, expected: list[tuple[str, int]], copperbelt_index: CatalogIndex
) -> None:
    assert resolved(text, copperbelt_index) == expected


def test_bemba_kind_words_ask_among_the_brands_of_the_kind(copperbelt_index: CatalogIndex) -> None:
    parse = parse_order("amafuta 2.5L ama carton 2", copperbelt_index)
    assert [set(item.candidates) for item in parse.ambiguous] == [{"ZO-50211", "ZO-50252"}]


def test_bemba_price_question_inside_an_order_is_answered_not_ordered(copperbelt_index: CatalogIndex) -> None:
    parse = parse_order("coke 300ml 5 crates. Bushe umutengo wa fanta 300ml ni shinga?", copperbelt_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("ZB-80112", 5)]
    assert [question.candidates for question in parse.price_questions] == [("ZB-80187",)]
