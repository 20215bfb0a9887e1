"""Orders written in Kikuyu, Meru and Embu to a Mount Kenya wholesaler of fresh produce, dairy and shop goods."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import catalog_index, resolved

CATALOG = Path(__file__).resolve().parent / "data" / "highlands_fresh_catalog.csv"


@pytest.fixture(scope="module")
def highlands_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(CATALOG))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ndehere kabici globe master pc ikumi", [("HF10221", 10)]),
        ("nguenda mayai kienyeji tray ithatu", [("HF10411", 3)]),
        ("he sukuma wiki bunch mirongo iiri", [("HF10261", 20)]),
        ("ndehere mala brksd 500ml ikumi na igiri", [("HF20131", 12)]),
        ("he mboco rosecoco kilo ikumi na ndengu kilo ithano", [("HF30182", 10), ("HF30186", 5)]),
        ("Mpa waru shangi bag 50kg ijiri", [("HF10212", 2)]),
        ("nkwenda matoke bunch ithanthatu", [("HF10311", 6)]),
    ],
)
def test_kikuyu_and_meru_counting_words_count_the_item(
    text: str, expected: list[tuple[str, int]], highlands_index: CatalogIndex
) -> None:
    assert resolved(text, highlands_index) == expected


def test_kikuyu_price_question_is_answered_not_ordered(highlands_index: CatalogIndex) -> None:
    parse = parse_order("ndehere kabici globe pc ikumi, na mala brksd 500ml ni irihu?", highlands_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("HF10221", 10)]
    assert [question.candidates for question in parse.price_questions] == [("HF20131",)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he nyanya anna crate igiri, aca ithatu", [("HF10251", 3)]),
        ("mayai kienyeji tray 3 aca layers tray 3", [("HF10412", 3)]),
    ],
)
def test_kikuyu_aca_corrects_what_came_before(
    text: str, expected: list[tuple[str, int]], highlands_index: CatalogIndex
) -> None:
    assert resolved(text, highlands_index) == expected


def test_a_kikuyu_word_for_a_kind_asks_among_its_goods(highlands_index: CatalogIndex) -> None:
    parse = parse_order("ndehere matumbi tray ithatu", highlands_index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [{"HF10411", "HF10412"}]


def test_litres_counted_by_a_measure_word_are_ordered_beside_a_price_question(highlands_index: CatalogIndex) -> None:
    parse = parse_order("iria ya cooler lita 20, na yoghurt brksd vanilla ni irihu", highlands_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("HF20121", 20)]
    assert [question.candidates for question in parse.price_questions] == [("HF20142",)]


PACKS = """\
G1,POTATO SHANGI GUNIA 110KG,,FRESH-VEG,110kg,bag,1,5200.00,KES,,40,1,true
G2,POTATO SHANGI BAG 50KG,,FRESH-VEG,50kg,bag,1,2600.00,KES,,60,1,true
G3,MILK FRESH BROOKSIDE 500ML,Brookside,DAIRY,500ml,sachet,1,60.00,KES,,600,10,true
G4,MALA 500ML BRKSD,Brookside,DAIRY,500ml,sachet,1,70.00,KES,,200,10,true
G5,MILK LOOSE COOLER LTR,,DAIRY,1L,piece,1,55.00,KES,,400,5,true
G6,GARLIC CHINA KG,,FRESH-VEG,1kg,piece,1,350.00,KES,,30,1,true
G7,SODA COCA COLA 300ML RGB X24 CRATE,Coca Cola,BEVERAGES,300ml,crate,24,890.00,KES,coke,80,1,true
G8,SODA COCA COLA 500ML PET X12 CASE,Coca Cola,BEVERAGES,500ml,case,12,760.00,KES,coke,50,1,true
G9,TOMATO ANNA F1 CRATE 64KG,,FRESH-VEG,64kg,crate,1,6200.00,KES,,35,1,true
G10,CARROTS NYANDARUA NET 10KG,,FRESH-VEG,10kg,bag,1,700.00,KES,,50,1,true
G11,ONION RED NET 13KG,,FRESH-VEG,13kg,bag,1,1300.00,KES,,60,1,true
G12,GREEN GRAMS NDENGU KG,,DRY-GOODS,1kg,piece,1,190.00,KES,,100,5,true
"""


@pytest.fixture(scope="module")
def packs_index() -> CatalogIndex:
    return catalog_index(PACKS)


def test_a_local_pack_word_one_name_writes_picks_that_pack(packs_index: CatalogIndex) -> None:
    assert resolved("waru shangi gunia 2", packs_index) == [("G1", 2)]
    # Counted after a comma, the pack word typed before still picks it.
    assert resolved("gunia ya shangi imeisha, tuma moja", packs_index) == [("G1", 1)]
    # `bags` is what every sack of it is sold by: still asked.
    parse = parse_order("shangi 2 bags", packs_index)
    assert [set(item.candidates) for item in parse.ambiguous] == [{"G1", "G2"}]


def test_a_brand_written_short_in_some_names_is_the_whole_brand(packs_index: CatalogIndex) -> None:
    parse = parse_order("brkside 500ml pkt 20", packs_index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [{"G3", "G4"}]


def test_milk_packets_sold_by_the_sachet_are_packets(packs_index: CatalogIndex) -> None:
    # Not the cooler's milk sold by the litre alone, which a packet word fitted before.
    parse = parse_order("maziwa packet 10", packs_index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [{"G3", "G5"}]


@pytest.mark.parametrize("text", ["nusu kilo garlic", "garlic kilo 2 na nusu"])
def test_part_of_a_kilo_of_goods_sold_by_the_kilo_is_flagged(text: str, packs_index: CatalogIndex) -> None:
    (line,) = parse_order(text, packs_index).lines
    assert (line.sku, line.unit_mismatch) == ("G6", True)


def test_a_size_before_the_pack_word_of_the_product_said_before_is_its_size(packs_index: CatalogIndex) -> None:
    assert resolved("coke 500 case 2, 300 crate 3", packs_index) == [("G8", 2), ("G7", 3)]


def test_a_count_after_a_size_ends_an_item_beside_counted_packs(packs_index: CatalogIndex) -> None:
    assert resolved("NYANYA ANNA CRATE 1 ONION RED 13KG 2 CARROTS 10KG 1", packs_index) == [
        ("G9", 1),
        ("G11", 2),
        ("G10", 1),
    ]


@pytest.mark.parametrize("text", ["green grams kilo 5", "green grams 5kg", "green grams 5"])
def test_a_measure_a_name_writes_after_a_word_is_a_word_of_the_name(text: str, packs_index: CatalogIndex) -> None:
    assert resolved(text, packs_index) == [("G12", 5)]


SAMPLE = Path(__file__).resolve().parent / "data" / "mtkenya_stores_catalog.csv"


@pytest.fixture(scope="module")
def sample_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(SAMPLE))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ndũmĩra coke 500ml case inya", [("BEV-COKE-500P-24", 4)]),
        ("ntumira coke 300ml crate ithanthatu", [("BEV-COKE-300G-24", 6)]),
        ("ngwenda cukari mumias 50kg mũhuko ũmwe", [("SUG-MUMIAS-50KG", 1)]),
        ("mihuko iiri ya pishori 25kg", [("RIC-MWEA-PISH-25KG", 2)]),
        ("sprite 300ml crate 6 acha ni 5", [("BEV-SPRITE-300G-24", 5)]),
        ("ndumira mumias 1kg bale 2, angikorwo gũtirĩ ndumira kabras 1kg", [("SUG-MUMIAS-1KG-24", 2)]),
        ("ndĩ na coke ya kũiganĩra, ndumira fanta orange 300ml crate 2 tu", [("BEV-FANTAO-300G-24", 2)]),
    ],
)
def test_gikuyu_and_kimeru_words_of_a_shop_order(
    text: str, expected: list[tuple[str, int]], sample_index: CatalogIndex
) -> None:
    # Send me, bags, no, what to send if there is none, and what the shop has enough of.
    assert resolved(text, sample_index) == expected


def test_gikuyu_how_much_asks_the_price(sample_index: CatalogIndex) -> None:
    assert resolved("kimbo 1kg ctn nĩ ciigana atĩa?", sample_index) == [("FAT-KIMBO-1KG-12", 1)]
    parse = parse_order("ndumira jogoo 2kg bale 5, na pembe 2kg ni ciigana atia?", sample_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("FLR-JOGOO-2KG-12", 5)]
    assert [question.candidates for question in parse.price_questions] == [("FLR-PEMBE-2KG-12",)]


def test_a_word_for_fat_or_oil_is_the_oil_where_fats_are_filed_among_oils(sample_index: CatalogIndex) -> None:
    # Never the one 20L oil whose name shares `cooking` with the fats.
    parse = parse_order("maguta 20L ni irihu", sample_index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [
        {"OIL-FRESHFRI-20L", "OIL-GOLDENFRY-20L", "OIL-RINA-20L"}
    ]
    fats = parse_order("maguta 1kg ctn 3", sample_index).ambiguous
    assert [set(item.candidates) for item in fats] == [{"FAT-KIMBO-1KG-12", "FAT-KASUKU-1KG-12", "FAT-CHIPSY-1KG-12"}]


def test_the_smallest_size_said_by_its_pack_is_the_pack(sample_index: CatalogIndex) -> None:
    assert resolved("nido ndogo outer 2", sample_index) == [("DAI-NIDO-26G-48", 2)]
    assert resolved("nido ndogo 20", sample_index) == [("DAI-NIDO-26G-SACHET", 20)]


def test_a_brand_said_for_its_milk_is_not_its_yoghurt(sample_index: CatalogIndex) -> None:
    assert resolved("rũciũ ndũmĩra brookside 500ml ctn ithano", sample_index) == [("DAI-BROOKSIDE-UHT-500-12", 5)]


def test_english_words_say_no_other_language_a_correction_is_read_in(sample_index: CatalogIndex) -> None:
    # `sorry` and `bale` are Indonesian words too, where `si` fills a sentence: here it is Swahili's `not`.
    text = "soko 2kg bale 3 na hostess 2kg bale 2, sorry si 3 ni 4"
    assert resolved(text, sample_index) == [("FLR-SOKO-2KG-12", 4), ("FLR-HOSTESS-2KG-12", 2)]
