"""Orders written in West African French to an Abidjan distributor: its pack words, counting words and cues."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import catalog_index, resolved

CATALOG = Path(__file__).resolve().parent / "data" / "abidjan_market_catalog.csv"


@pytest.fixture(scope="module")
def abidjan_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(CATALOG))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bjr. il me faut cinq sacs de riz cassé 25kg et 2 bidons dinor 5L", [("CI-200149", 5), ("CI-210126", 2)]),
        ("douze casiers de bock", [("CI-300117", 12)]),
        ("Vieux père envoie moi une dizaine de casiers de flag", [("CI-300125", 10)]),
        ("awa 1.5 quinze fardeaux", [("CI-320116", 15)]),
        ("maggi étoile dix boites et adja cinq boites", [("CI-240129", 10), ("CI-240145", 5)]),
        ("mayo 24 pots", [("CI-250173", 2)]),
        ("sucrivoire 1kg 5 balles, pardon 8", [("CI-220139", 8)]),
    ],
)
def test_french_pack_and_counting_words_count_the_item(
    text: str, expected: list[tuple[str, int]], abidjan_index: CatalogIndex
) -> None:
    assert resolved(text, abidjan_index) == expected


def test_french_price_question_inside_an_order_is_answered_not_ordered(abidjan_index: CatalogIndex) -> None:
    parse = parse_order("4 casiers ivoire et donne moi prix de beaufort", abidjan_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("CI-300141", 4)]
    assert [question.candidates for question in parse.price_questions] == [("CI-300150",)]


def test_french_generic_word_asks_among_the_kind(abidjan_index: CatalogIndex) -> None:
    parse = parse_order("huile 1L 5 cartons", abidjan_index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [{"CI-210118", "CI-210142", "CI-210169"}]


@pytest.mark.parametrize("text", ["coca 10", "flag 6"])
def test_french_brand_in_a_glass_and_another_pack_with_no_size_is_asked(text: str, abidjan_index: CatalogIndex) -> None:
    parse = parse_order(text, abidjan_index)
    assert not parse.lines and len(parse.ambiguous) == 1 and len(parse.ambiguous[0].candidates) == 2


def test_french_no_that_a_catalog_name_writes_is_a_correction_when_said_alone(abidjan_index: CatalogIndex) -> None:
    assert resolved("dinor 1L 5 cartons, non pardon 7", abidjan_index) == [("CI-210118", 7)]
    assert resolved("gloria non sucré 2 cartons", abidjan_index) == [("CI-230124", 2)]


def test_french_what_a_product_comes_in_is_no_variant_and_spicy_is(abidjan_index: CatalogIndex) -> None:
    assert resolved("titus 5 cartons", abidjan_index) == [("CI-250149", 5)]
    assert resolved("titus pimenté 2 cartons", abidjan_index) == [("CI-250157", 2)]


def test_french_je_is_no_swahili_question_word(abidjan_index: CatalogIndex) -> None:
    parse = parse_order("mimi 5 cartons, je veux dire indomie", abidjan_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("CI-260142", 5)]
    assert not parse.price_questions


@pytest.mark.parametrize(
    "text", ["2 sacs riz parapluie 25kg, le 5kg à la place", "2 sacs riz parapluie 25kg, a la place 5kg"]
)
def test_french_instead_puts_the_size_said_in_place_of_the_one_before(text: str, abidjan_index: CatalogIndex) -> None:
    assert resolved(text, abidjan_index) == [("CI-200122", 2)]


def test_dioula_how_much_asks_the_price_of_the_kind_named(abidjan_index: CatalogIndex) -> None:
    parse = parse_order("malo joli?", abidjan_index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [
        {"CI-200114", "CI-200122", "CI-200130", "CI-200149", "CI-200157"}
    ]


ENGLISH_LIST = """\
E1,"Kabras Sugar 50kg bag",Kabras,sugar,50kg,bag,1,7700.00,KES,,10,1,true
E2,"Mumias Sugar 50kg bag",Mumias,sugar,50kg,bag,1,7800.00,KES,,10,1,true
E3,"Golden Fry Cooking Oil 5L jerrycan",Golden Fry,cooking oil,5L,jerrycan,1,1320.00,KES,,10,1,true
E4,"Salit Cooking Oil 5L jerrycan",Salit,cooking oil,5L,jerrycan,1,1300.00,KES,,10,1,true
E5,"Jamaa Bar Soap 1kg, carton of 20",Jamaa,soap,1kg,carton,20,2400.00,KES,,10,1,true
"""


@pytest.mark.parametrize(
    ("text", "kind"),
    [("2 sacs de sucre 50kg", {"E1", "E2"}), ("huile 5L 2 bidons", {"E3", "E4"}), ("du savon 1kg 2 cartons", {"E5"})],
)
def test_french_words_for_a_kind_reach_a_list_written_in_english(text: str, kind: set[str]) -> None:
    # A French-speaking owner ordering from an English price list: `sucre` was an unknown item.
    parse = parse_order(text, catalog_index(ENGLISH_LIST))
    found = {line.sku for line in parse.lines} | {sku for item in parse.ambiguous for sku in item.candidates}
    assert found == kind and not parse.unknown
