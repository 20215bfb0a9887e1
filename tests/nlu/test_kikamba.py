"""Orders written in Kikamba to a Machakos, Kitui, Makueni and Mwingi wholesaler of shop goods."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import catalog_index, resolved

CATALOG = Path(__file__).resolve().parent / "data" / "ukambani_stores_catalog.csv"


@pytest.fixture(scope="module")
def ukambani_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(CATALOG))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nenganisya bale ili sya mumias 1kg", [("FG1401", 2)]),
        ("pembe maize 2kg bale thanthatu", [("FG1203", 6)]),
        ("ndetee coke 300ml crate muonza", [("FG1901", 7)]),
        ("dola 2kg bale nyanya", [("FG1205", 8)]),
        ("ndetee pilsner crate ikumi na ili", [("FG2004", 12)]),
        ("mumias 1kg bale miongo ili", [("FG1401", 20)]),
    ],
)
def test_kikamba_counting_words_count_the_item(
    text: str, expected: list[tuple[str, int]], ukambani_index: CatalogIndex
) -> None:
    assert resolved(text, ukambani_index) == expected


def test_a_count_that_is_a_word_for_goods_elsewhere_names_those_goods() -> None:
    index = catalog_index(
        "T1,TOMATOES ANNA CRATE 64KG,,FRESH-VEG,64kg,crate,1,3200.00,KES,,20,1,true\n"
        "T2,ONIONS RED NET 13KG,,FRESH-VEG,13kg,bag,1,900.00,KES,,20,1,true\n"
    )
    assert resolved("nyanya crate 2 na onions red 3", index) == [("T1", 2), ("T2", 3)]
    assert resolved("tomatoes anna crate nyanya", index) == [("T1", 8)]


def test_kikamba_price_question_is_answered_not_ordered(ukambani_index: CatalogIndex) -> None:
    parse = parse_order("ndetee jogoo 2kg bale 5, na kimbo 1kg ni mbesa ata?", ukambani_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("FG1201", 5)]
    assert [question.candidates for question in parse.price_questions] == [("FG1101",)]


def test_kikamba_no_corrects_the_amount_before_it(ukambani_index: CatalogIndex) -> None:
    assert resolved("kimbo 1kg ctn 3 aiee ti ũu, ni 2", ukambani_index) == [("FG1101", 2)]


def test_a_word_of_a_locale_phrase_typed_with_its_marks_reads_as_listed(ukambani_index: CatalogIndex) -> None:
    parse = parse_order("mũtu wa mbemba 2kg bale 3", ukambani_index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [{"FG1201", "FG1203", "FG1205", "FG1207"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cooking oil 20 litres 2", {"FG1004", "FG1014"}),
        ("mafuta ya kupika lita moja ctn 3", {"FG1001", "FG1005", "FG1007", "FG1010", "FG1013"}),
        ("washing powder 500g bale 1", {"FG2302", "FG2306", "FG2308"}),
        ("sabuni ya unga 1kg bale 2", {"FG2301", "FG2305", "FG2307"}),
    ],
)
def test_a_kind_said_for_what_it_is_for_asks_among_every_name_of_it(
    text: str, expected: set[str], ukambani_index: CatalogIndex
) -> None:
    parse = parse_order(text, ukambani_index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [expected]


def test_jcn_is_a_jerrycan(ukambani_index: CatalogIndex) -> None:
    assert resolved("2 jcn golden fry 5l, 1 jcn rina 5l", ukambani_index) == [("FG1003", 2), ("FG1012", 1)]
