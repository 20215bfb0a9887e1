"""How Nairobi estate dukas write to a wholesaler whose price list names packs the distributor's way (`RGB Crate
(24 pcs)`, `Bale (12 pcs)`): Sheng, Swahili and English, kinds of goods said in several words, money beside an order."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import resolved

CATALOG = Path(__file__).resolve().parent / "data" / "nairobi_estates_catalog.csv"


@pytest.fixture(scope="module")
def estate_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(CATALOG))


def asked(text: str, index: CatalogIndex) -> list[set[str]]:
    return [set(item.candidates) for item in parse_order(text, index).ambiguous]


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("sabuni ya unga 1kg bale 2", {"WS11041", "WS11051", "WS11061"}),
        ("mafuta ya kupaka 100ml dz 2", {"WS11121", "WS11131"}),
    ],
)
def test_a_kind_said_in_several_words_asks_among_that_kind(
    text: str, candidates: set[str], estate_index: CatalogIndex
) -> None:
    assert asked(text, estate_index) == [candidates]


@pytest.mark.parametrize("text", ["mafuta taa 20L mtungi 1", "mafuta ya taa lita 20"])
def test_a_kind_the_catalog_does_not_sell_is_not_the_goods_one_of_its_words_names(
    text: str, estate_index: CatalogIndex
) -> None:
    parse = parse_order(text, estate_index)
    assert not parse.lines and not parse.ambiguous and len(parse.unknown) == 1


def test_still_water_is_what_water_means_beside_sparkling(estate_index: CatalogIndex) -> None:
    assert asked("maji 500ml case 10", estate_index) == [{"WS10211", "WS10221", "WS10231"}]


def test_returnable_glass_written_rgb_is_packaging_not_a_variant(estate_index: CatalogIndex) -> None:
    assert asked("nitumie coke 3", estate_index) == [{"WS10011", "WS10012", "WS10013", "WS10014"}]
    assert resolved("coke crate 3", estate_index) == [("WS10011", 3)]


@pytest.mark.parametrize("money", ["ngiri tano", "elfu tano", "ksh 5000"])
def test_the_money_an_owner_has_is_no_item(money: str, estate_index: CatalogIndex) -> None:
    parse = parse_order(f"niko na {money}, nitumie jogoo 2kg bale 2 na kabras 2kg bale 1", estate_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("WS10511", 2), ("WS10622", 1)]
    assert not parse.unknown


def test_alafu_joins_an_order_and_a_price_question(estate_index: CatalogIndex) -> None:
    parse = parse_order("weka toss 1kg bale 2 alafu mchele pishori 1kg bale ni ngapi", estate_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("WS11051", 2)]
    assert [item.candidates for item in parse.price_questions] == [("WS10911",)]


def test_nimekosea_corrects_the_size_and_keeps_the_count(estate_index: CatalogIndex) -> None:
    assert resolved("fresh fri 5L 3 nimekosea ni 10L", estate_index) == [("WS10724", 3)]


@pytest.mark.parametrize("taken_back", ["wacha hiyo", "remove that"])
def test_a_removal_pointing_back_takes_off_the_item_before_it(taken_back: str, estate_index: CatalogIndex) -> None:
    text = f"ketepa 500g outer 2, {taken_back}, ketepa 250g outer 3"
    assert resolved(text, estate_index) == [("WS10411", 3)]


def test_a_removal_alone_still_takes_off_the_item_after_it(estate_index: CatalogIndex) -> None:
    assert resolved("sprite 500 case 2, fanta orange 500 case 2, futa sprite", estate_index) == [("WS10022", 2)]


def test_swahili_plural_pack_words_count_their_pack(estate_index: CatalogIndex) -> None:
    assert resolved("makatoni mawili ya kimbo 500g", estate_index) == [("WS10812", 2)]
    assert resolved("machupa 48 ya coke 300", estate_index) == [("WS10011", 2)]
    assert resolved("mapakiti 40 indomie chicken", estate_index) == [("WS11211", 1)]


def test_a_brand_corrected_keeps_the_size_a_bare_number_said(estate_index: CatalogIndex) -> None:
    for correction in ("no wait make it dasani", "sorry ni dasani", "not highlands, dasani"):
        assert resolved(f"highlands 500 case 5, {correction}", estate_index) == [("WS10231", 5)]


def test_a_negation_before_another_product_after_a_counted_item_corrects_it(estate_index: CatalogIndex) -> None:
    assert resolved("kabras 2kg bale 3 sio kabras ni mumias", estate_index) == [("WS10612", 3)]
    assert resolved("highlands 500 case 5 sio highlands ni dasani", estate_index) == [("WS10231", 5)]


def test_a_no_set_apart_from_the_product_after_it_corrects_the_item_before(estate_index: CatalogIndex) -> None:
    assert resolved("highlands 500 case 5, hapana ni dasani", estate_index) == [("WS10231", 5)]
    assert resolved("sprite 500 case 2, fanta orange 500 case 2, hapana sprite", estate_index) == [("WS10022", 2)]


def test_the_amount_just_said_taken_back_is_replaced_by_the_next(estate_index: CatalogIndex) -> None:
    for text in ("jogoo 2kg bale 4 sio 4 ni 6", "jogoo 2kg bale 4 sio nne ni sita", "jogoo 2kg bale 4 not 4 but 6"):
        assert resolved(text, estate_index) == [("WS10511", 6)]
