"""Orders warung owners text an Indonesian grosir: glued `se-` for one, teens, cigarette names with numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import resolved

CATALOG = Path(__file__).resolve().parent / "data" / "java_grosir_catalog.csv"


@pytest.fixture(scope="module")
def grosir_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(CATALOG))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("minyakita sedus", [("SR20106", 1)]),
        ("gulaku sekilo 3 bal", [("SR40101", 3)]),
        ("le minerale 600 dua belas dus", [("SR70105", 12)]),
        ("beng beng dua puluh lima box", [("SR14102", 25)]),
        ("coca cola 1,5 lt 2 dus", [("SR71105", 2)]),
        ("djarum 76 3 slop", [("SR90107", 3)]),
        ("surya 16 4 slop, surya 12 2 slop", [("SR90102", 4), ("SR90101", 2)]),
        ("indomie goreng 6 dus", [("SR10101", 6)]),
    ],
)
def test_indonesian_amounts_count_the_item(
    text: str, expected: list[tuple[str, int]], grosir_index: CatalogIndex
) -> None:
    assert resolved(text, grosir_index) == expected


def test_a_please_one_language_counts_with_is_no_amount_in_indonesian(grosir_index: CatalogIndex) -> None:
    # Bikol `tolong` is three; in an Indonesian message it asks a favour.
    assert resolved("aqua gelas 4 dus, tolong dikirim besok ya", grosir_index) == [("SR70103", 4)]


def test_an_unsold_flavour_of_a_brand_is_not_found(grosir_index: CatalogIndex) -> None:
    parse = parse_order("pop mie rasa rendang 2 dus", grosir_index)
    assert not parse.lines and not parse.ambiguous and len(parse.unknown) == 1


def test_a_pack_a_name_calls_by_its_word_leaves_other_packs_of_the_kind_out(grosir_index: CatalogIndex) -> None:
    # `KARUNG` in one sugar's name, `BAL` in the others': the sack said is that sugar, not another brand's bale.
    assert resolved("gula pasir 2 karung", grosir_index) == [("SR40104", 2)]
    parse = parse_order("gula 3 bal", grosir_index)
    assert [set(item.candidates) for item in parse.ambiguous] == [{"SR40101", "SR40102", "SR40103"}]


def test_whether_there_is_any_after_an_order_is_asked_not_ordered(grosir_index: CatalogIndex) -> None:
    parse = parse_order("bimoli 2L 3 dus, minyakita ready?", grosir_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("SR20101", 3)]
    assert [question.candidates for question in parse.price_questions] == [("SR20106",)]


def test_a_number_some_names_write_in_a_price_question_names_those(grosir_index: CatalogIndex) -> None:
    parse = parse_order("surya 16 brp seslop?", grosir_index)
    assert [line.sku for line in parse.lines] + [s for q in parse.price_questions for s in q.candidates] == ["SR90102"]


@pytest.mark.parametrize("text", ["aqua galon 8 @21rb", "aqua galon 8 @21000", "aqua galon 8 rp 21rb"])
def test_the_price_each_after_a_count_is_no_amount(text: str, grosir_index: CatalogIndex) -> None:
    assert resolved(text, grosir_index) == [("SR70104", 8)]


def test_money_sent_before_an_order_is_no_item(grosir_index: CatalogIndex) -> None:
    assert resolved("tf 300rb ya, kirim le minerale 600 3 dus", grosir_index) == [("SR70105", 3)]


def test_an_at_sign_before_a_count_of_packs_counts_each_item(grosir_index: CatalogIndex) -> None:
    assert resolved("teh pucuk, le minerale 600 @3 dus", grosir_index) == [("SR61104", 3), ("SR70105", 3)]


def test_a_name_spelling_one_kind_of_its_joined_category_otherwise_is_that_kind(grosir_index: CatalogIndex) -> None:
    # `SAOS SAMBAL ABC` under `Kecap & Saus`: the chilli sauce is no soy sauce (`kecap`).
    assert resolved("kecap abc 3 dus", grosir_index) == [("SR13103", 3)]
