"""How Rift Valley and central highlands dukas, kiosks and hotels write to a wholesaler whose price list writes
`12X2KG BALE` and `25PC CRATE`: Swahili and Sheng with Kenyan English, Kalenjin and Kikuyu courtesies, number words,
price questions said the Swahili way."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import catalog_index, resolved

CATALOG = Path(__file__).resolve().parent / "data" / "rift_valley_stores_catalog.csv"


@pytest.fixture(scope="module")
def highland_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(CATALOG))


def asked(text: str, index: CatalogIndex) -> list[set[str]]:
    return [set(item.candidates) for item in parse_order(text, index).ambiguous]


def test_a_beer_brand_said_alone_is_its_lager_beside_its_lite_and_malt() -> None:
    index = catalog_index(
        "B1,Kilele Lager 500ml (25 pcs),Kilele,beer,500ml,crate,25,4000.00,ZZZ,,10,1,true\n"
        "B2,Kilele Lite 500ml (25 pcs),Kilele,beer,500ml,crate,25,4100.00,ZZZ,,10,1,true\n"
        "B3,Kilele Malt 500ml (25 pcs),Kilele,beer,500ml,crate,25,4200.00,ZZZ,,10,1,true\n"
    )
    assert resolved("kilele crate 3", index) == [("B1", 3)]
    assert resolved("kilele lite crate 2", index) == [("B2", 2)]


@pytest.mark.parametrize(
    ("text", "sku"),
    [
        ("elianto 1l ctn ni shingapi", "NK1408"),
        ("kimbo 10kg imeisha?", "NK1414"),
        ("pishori 25kg ni how much siku hizi", "NK1202"),
    ],
)
def test_swahili_price_and_stock_questions_ask_about_the_product(
    text: str, sku: str, highland_index: CatalogIndex
) -> None:
    assert resolved(text, highland_index) == [(sku, 1)]


def test_sheng_money_sent_is_no_item(highland_index: CatalogIndex) -> None:
    parse = parse_order("niaje, nimetuma doh ya ngiri tano, leta kabras 50kg moja", highland_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("NK1306", 1)]
    assert not parse.unknown


def test_ashara_counts_ten(highland_index: CatalogIndex) -> None:
    assert resolved("form ni crates ashara za tusker", highland_index) == [("NK2001", 10)]


def test_texted_snd_asks_for_the_goods(highland_index: CatalogIndex) -> None:
    assert resolved("plz snd 2ctn golden fry 1ltr", highland_index) == [("NK1401", 2)]


@pytest.mark.parametrize("text", ["mafuta ya kupika lita moja katoni 3", "mafuta ya kupikia lita moja ctn 3"])
def test_cooking_oil_in_swahili_asks_among_the_oils_not_the_cooking_fats(
    text: str, highland_index: CatalogIndex
) -> None:
    assert asked(text, highland_index) == [{"NK1401", "NK1405", "NK1408", "NK1410"}]


def test_wheat_flour_in_swahili_finds_the_baking_flours_a_list_names() -> None:
    index = catalog_index(
        "F1,Mlima Home Baking Flour 2kg (12 pcs),Mlima,flour,2kg,bale,12,2100.00,ZZZ,,10,1,true\n"
        "F2,Tembo Baking Flour 2kg (12 pcs),Tembo,flour,2kg,bale,12,2000.00,ZZZ,,10,1,true\n"
        "F3,Tembo Maize Meal 2kg (12 pcs),Tembo,flour,2kg,bale,12,1800.00,ZZZ,,10,1,true\n"
    )
    assert asked("unga wa ngano 2kg bale 2", index) == [{"F1", "F2"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sprite 300 crate 3, sio sprite ni fanta orange 300", [("NK1921", 3)]),
        ("coke 500 case 3, not coke it is sprite 500", [("NK1932", 3)]),
    ],
)
def test_not_this_it_is_that_puts_the_other_product_in_its_place(
    text: str, expected: list[tuple[str, int]], highland_index: CatalogIndex
) -> None:
    parse = parse_order(text, highland_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == expected
    assert not parse.unknown


def test_the_size_before_the_pack_word_of_one_product_is_no_count_in_a_price_question(
    highland_index: CatalogIndex,
) -> None:
    assert resolved("bei ya coke 300 crate", highland_index) == [("NK1911", 1)]
    assert resolved("coke 300 crate 5", highland_index) == [("NK1911", 5)]


@pytest.mark.parametrize(
    "text", ["rudia oda ya last week pamoja na mumias 50kg 1", "same as last week plus mumias 50kg 1"]
)
def test_an_item_counted_beside_a_repeat_order_is_read(text: str, highland_index: CatalogIndex) -> None:
    assert resolved(text, highland_index) == [("NK1303", 1)]


def test_an_order_number_beside_words_about_the_order_is_no_item(highland_index: CatalogIndex) -> None:
    parse = parse_order("order yangu #45120 imefika wapi", highland_index)
    assert not parse.lines and not parse.ambiguous and not parse.unknown


@pytest.mark.parametrize(("text", "sku"), [("dawat 5kg 1 bag", "NK1205"), ("goldn fry 1ltr 2ctn", "NK1401")])
def test_a_name_typed_a_letter_short_is_not_read_as_a_stem_with_a_linker(
    text: str, sku: str, highland_index: CatalogIndex
) -> None:
    assert [line.sku for line in parse_order(text, highland_index).lines] == [sku]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nataka kreti mbili za tusker, moja ya pilsner", [("NK2001", 2), ("NK2005", 1)]),
        ("5 crates of tusker and 3 of pilsner", [("NK2001", 5), ("NK2005", 3)]),
    ],
)
def test_a_count_without_a_pack_word_after_one_with_it_is_in_that_pack(
    text: str, expected: list[tuple[str, int]], highland_index: CatalogIndex
) -> None:
    assert resolved(text, highland_index) == expected


@pytest.mark.parametrize("text", ["toss 1kg bale 4 ama 5 hivi, weka 5", "toss 1kg bale 4 or 5, make it 5"])
def test_one_amount_said_after_a_range_settles_it(text: str, highland_index: CatalogIndex) -> None:
    parse = parse_order(text, highland_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("NK2106", 5)]
    assert not parse.ambiguous


def test_a_range_left_alone_is_still_asked(highland_index: CatalogIndex) -> None:
    assert [(item.candidates, item.reason) for item in parse_order("toss 1kg 4-5 bales", highland_index).ambiguous] == [
        (("NK2106",), "quantity")
    ]


def test_cold_in_swahili_is_no_word_of_the_product(highland_index: CatalogIndex) -> None:
    assert resolved("tusker baridi crate 2", highland_index) == [("NK2001", 2)]


FRESH_ROWS = (
    "P1,Brookside Fresh Milk 500ml (12 pcs),Brookside,Dairy,500ml,crate,12,660.00,ZZZ,,50,1,true\n"
    "P2,Brookside Mala 500ml (12 pcs),Brookside,Dairy,500ml,crate,12,720.00,ZZZ,,50,1,true\n"
    "P3,Brookside Yoghurt Strawberry 500ml (12 pcs),Brookside,Dairy,500ml,crate,12,900.00,ZZZ,,50,1,true\n"
    "P4,Potatoes Shangi 50kg Bag,Farm,Fresh Produce,50kg,bag,1,3200.00,ZZZ,,50,1,true\n"
    "P5,Cabbage (each),Farm,Fresh Produce,,piece,1,60.00,ZZZ,,50,1,true\n"
    "P6,Bananas Bunch,Farm,Fresh Produce,,piece,1,350.00,ZZZ,,50,1,true\n"
    "P7,Carrots per kg,Farm,Fresh Produce,1kg,piece,1,80.00,ZZZ,,50,1,true\n"
    "P8,Avocado per kg,Farm,Fresh Produce,1kg,piece,1,150.00,ZZZ,,50,1,true\n"
    "P9,Green Chillies per kg,Farm,Fresh Produce,1kg,piece,1,200.00,ZZZ,,50,1,true\n"
    "P10,Tropical Heat Black Pepper 50g (12 pcs),Tropical Heat,Spices,50g,outer,12,1700.00,ZZZ,,50,1,true\n"
    "P11,Red Onions per kg,Farm,Fresh Produce,1kg,piece,1,100.00,ZZZ,,50,1,true\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("maziwa lala 500ml crate 2", [("P2", 2)]),
        ("maziwa 500ml crate 2", [("P1", 2)]),
        ("mtindi 500ml crate 1", [("P3", 1)]),
        ("viazi gunia 1", [("P4", 1)]),
        ("waru gunia 1", [("P4", 1)]),
        ("kabichi 10", [("P5", 10)]),
        ("ndizi 3", [("P6", 3)]),
        ("karoti kilo 5", [("P7", 5)]),
        ("parachichi kilo 4", [("P8", 4)]),
        ("pilipili kilo 1", [("P9", 1)]),
        ("pilipili manga outer 1", [("P10", 1)]),
        ("kitunguu 10kg", [("P11", 10)]),
    ],
)
def test_swahili_words_for_fresh_goods_find_what_the_list_names_in_english(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert resolved(text, catalog_index(FRESH_ROWS)) == expected


@pytest.mark.parametrize(
    "text", ["jogoo 2kg bale 2 ksh 1860", "jogoo 2kg bale 2 @ 1860", "jogoo 2kg bale 2 @ 1860 = 3720"]
)
def test_the_price_written_after_a_counted_item_is_no_amount(text: str, highland_index: CatalogIndex) -> None:
    parse = parse_order(text, highland_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("NK1101", 2)]
    assert not parse.ambiguous


def test_a_price_point_said_before_the_count_still_names_the_pack(highland_index: CatalogIndex) -> None:
    assert resolved("omo ya bob 10 bale 3", highland_index) == [("NK2103", 3)]


@pytest.mark.parametrize(
    ("text", "sku"),
    [("vitunguu vyekundu kilo 10", "P11"), ("kitunguu nyekundu kilo 5", "P11"), ("vitunguu vyeupe kilo 5", "P12")],
)
def test_swahili_colour_words_pick_the_colour_a_list_names(text: str, sku: str) -> None:
    index = catalog_index(FRESH_ROWS + "P12,White Onions per kg,Farm,Fresh Produce,1kg,piece,1,110.00,ZZZ,,50,1,true\n")
    assert [line.sku for line in parse_order(text, index).lines] == [sku]
