"""Orders written in Hausa, Pidgin and English to a wholesaler in northern Nigeria whose price list writes its
goods short (`G/PENNY SPAG`, `V/OIL`, `G/NUT OIL`) and files them under categories joining two kinds
(`RICE & GRAINS`, `FLOUR & SEMO`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import catalog_index, resolved

CATALOG = Path(__file__).resolve().parent / "data" / "kano_wholesale_catalog.csv"
SPAGHETTI = ["KW-10121", "KW-10122", "KW-10123", "KW-10124"]


@pytest.fixture(scope="module")
def kano_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(CATALOG))


@pytest.mark.parametrize("text", ["spaghetti 10 bag", "taliya buhu biyar"])
def test_spaghetti_said_in_full_asks_among_every_spag_written_short(text: str, kano_index: CatalogIndex) -> None:
    parse = parse_order(text, kano_index)
    assert not parse.lines
    assert [sorted(item.candidates) for item in parse.ambiguous] == [SPAGHETTI]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BUA spaghetti 6 bags", [("KW-10124", 6)]),
        ("a kawo taliya ta honeywell buhu uku", [("KW-10123", 3)]),
        ("mai gyada jarka 25 lita guda 2", [("KW-30111", 2)]),
        ("white beans buhu daya da masara buhu biyu", [("KW-20112", 1), ("KW-20113", 2)]),
        ("kawo min kwali goma na indomie karami", [("KW-10101", 10)]),
    ],
)
def test_hausa_kind_and_size_words_name_the_product(
    text: str, expected: list[tuple[str, int]], kano_index: CatalogIndex
) -> None:
    assert resolved(text, kano_index) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("shinkafa 50kg buhu 3", ["KW-20101", "KW-20102", "KW-20104", "KW-20105", "KW-20107"]),
        ("fulawa buhu biyu", ["KW-20136", "KW-20137"]),
    ],
)
def test_a_kind_of_a_category_joining_two_leaves_out_names_that_write_another_kind(
    text: str, expected: list[str], kano_index: CatalogIndex
) -> None:
    parse = parse_order(text, kano_index)
    assert [sorted(item.candidates) for item in parse.ambiguous] == [expected]


def test_a_brand_named_with_a_kind_of_a_joined_category_is_that_kind(kano_index: CatalogIndex) -> None:
    assert resolved("yallabai ina son buhu 2 na dangote flour", kano_index) == [("KW-20136", 2)]


def test_a_kind_of_a_category_of_one_kind_keeps_names_that_write_another_word_for_it() -> None:
    index = catalog_index(
        "F01,Zawadi Maize Flour 2kg bale of 12,Zawadi,flour,2kg,bale,12,1700.00,ZZZ,,10,1,true\n"
        "F02,Kito Maize Meal 2kg bale of 12,Kito,flour,2kg,bale,12,1650.00,ZZZ,,10,1,true\n"
    )
    parse = parse_order("flour 2kg bale 3", index)
    assert [sorted(item.candidates) for item in parse.ambiguous] == [["F01", "F02"]]


@pytest.mark.parametrize(
    "text",
    [
        "peak sachet 10 pk, sorry dano sachet",
        "peak sachet 10 pk. not peak, dano sachet",
        "peak sachet 10 pk. no be peak, dano sachet",
    ],
)
def test_a_product_named_with_its_pack_word_in_a_correction_takes_the_line_in_its_amount(
    text: str, kano_index: CatalogIndex
) -> None:
    assert resolved(text, kano_index) == [("KW-50105", 10)]


@pytest.mark.parametrize(
    "text",
    [
        "golden penny spaghetti 5 bags. remove it, add 5 bags dangote spaghetti",
        "golden penny spaghetti 5 bags. comot am, add 5 bags dangote spaghetti",
        "golden penny spaghetti 5 bags, a cire shi, a kawo dangote spaghetti buhu 5",
    ],
)
def test_a_removal_pointing_back_takes_off_the_item_before_and_orders_the_one_after(
    text: str, kano_index: CatalogIndex
) -> None:
    assert resolved(text, kano_index) == [("KW-10122", 5)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gino sachet 5 ctn, tastee 3 ctn, na dauke tastee", [("KW-40201", 5)]),
        ("umza 50kg buhu 3 maimakon haka royal stallion", [("KW-20101", 3)]),
        ("royal stallion buhu 3 maimakon umza", [("KW-20101", 3)]),
    ],
)
def test_hausa_removals_and_corrections(text: str, expected: list[tuple[str, int]], kano_index: CatalogIndex) -> None:
    assert resolved(text, kano_index) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("molfix size 4 3 packs", [("KW-70412", 3)]), ("molfix no 5 2 pk", [("KW-70413", 2)])],
)
def test_a_numbered_size_finds_the_name_that_writes_it_in_brackets(
    text: str, expected: list[tuple[str, int]], kano_index: CatalogIndex
) -> None:
    assert resolved(text, kano_index) == expected


def test_a_numbered_size_is_no_number_of_a_weight_range_in_the_name(kano_index: CatalogIndex) -> None:
    parse = parse_order("molfix size 7 2 pk", kano_index)
    assert not parse.lines and not parse.ambiguous


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("toothpaste 140g 2 ctn", ["KW-70301", "KW-70302", "KW-70303", "KW-70305"]),
        ("alewa 10 pk", ["KW-80201", "KW-80203", "KW-80204", "KW-80205"]),
    ],
)
def test_a_kind_word_finds_the_category_the_list_files_it_under(
    text: str, expected: list[str], kano_index: CatalogIndex
) -> None:
    parse = parse_order(text, kano_index)
    assert [sorted(item.candidates) for item in parse.ambiguous] == [expected]
