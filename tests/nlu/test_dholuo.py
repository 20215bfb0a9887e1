"""Orders written in Dholuo and Luhya to a Nyanza and Western Kenya wholesaler of fresh produce and shop goods."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import catalog_index, resolved

CATALOG = Path(__file__).resolve().parent / "data" / "nyanza_fresh_catalog.csv"


@pytest.fixture(scope="module")
def nyanza_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(CATALOG))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kelna nyanya anna crate ariyo", [("NZ40112", 2)]),
        ("ami sukuma wiki bundle ang'wen", [("NZ40142", 4)]),
        ("kelna sukuma bunch piero ariyo", [("NZ40141", 20)]),
        ("adwaro kunde bunch apar gi abich", [("NZ40148", 15)]),
        ("kelna apar gariyo mar sukuma bunch", [("NZ40141", 12)]),
        ("omena kg abich kod fulu kg ariyo", [("NZ40311", 5), ("NZ40327", 2)]),
        ("Mulembe. mba jogoo 2kg bale tsibili na kasuku 1kg ctn ndala", [("NZ50111", 2), ("NZ50155", 1)]),
    ],
)
def test_dholuo_and_luhya_counting_words_count_the_item(
    text: str, expected: list[tuple[str, int]], nyanza_index: CatalogIndex
) -> None:
    assert resolved(text, nyanza_index) == expected


def test_dholuo_price_question_is_answered_not_ordered(nyanza_index: CatalogIndex) -> None:
    parse = parse_order("kelna nyanya anna crate ariyo, to omena gorogoro nyiedhi adi?", nyanza_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("NZ40112", 2)]
    assert [question.candidates for question in parse.price_questions] == [("NZ40312",)]


def test_dholuo_word_for_a_kind_asks_among_its_goods(nyanza_index: CatalogIndex) -> None:
    parse = parse_order("tong' tray adek", nyanza_index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [{"NZ40411", "NZ40412", "NZ40414"}]


def test_goods_counted_by_the_bunch_are_counted_in_pieces(nyanza_index: CatalogIndex) -> None:
    assert resolved("kunde 10 bunch", nyanza_index) == [("NZ40148", 10)]
    assert resolved("matoke 5 bunches", nyanza_index) == [("NZ40212", 5)]


PRODUCE = """\
P1,OMENA DRY KG,,FRESH-FISH,1kg,piece,1,260.00,KES,,200,1,true
P2,OMENA FRESH KG,,FRESH-FISH,1kg,piece,1,200.00,KES,,0,1,false
P3,MANGO APPLE KG,,FRESH-FRUIT,1kg,piece,1,110.00,KES,,200,5,true
P4,MANGO NGOWE KG,,FRESH-FRUIT,1kg,piece,1,90.00,KES,,150,5,true
P5,MAIZE MEAL JOGOO 2KG X12 BALE,Jogoo,DRY-GOODS,2kg,bale,12,1750.00,KES,,100,1,true
P6,WHEAT FLOUR EXE 2KG X12 BALE,EXE,DRY-GOODS,2kg,bale,12,2100.00,KES,,60,1,true
"""


@pytest.fixture(scope="module")
def produce_index() -> CatalogIndex:
    return catalog_index(PRODUCE)


def test_a_category_word_that_names_no_kind_still_tells_products_apart(produce_index: CatalogIndex) -> None:
    # FRESH of FRESH-FISH: the fresh omena is no base product, so the discontinued one is never taken for omena.
    assert resolved("omena kg 5", produce_index) == [("P1", 5)]


def test_a_fruit_said_by_its_flavour_word_asks_among_its_varieties(produce_index: CatalogIndex) -> None:
    parse = parse_order("mango kg 10", produce_index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [{"P3", "P4"}]


def test_a_local_word_for_flour_beside_a_brand_reaches_a_name_writing_maize_meal(produce_index: CatalogIndex) -> None:
    assert resolved("unga jogoo 2kg bale 5", produce_index) == [("P5", 5)]
