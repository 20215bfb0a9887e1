"""Catalogs as distributors export them (`HUNT'S PORK & BEANS 230G 48S`, `MIGHTY RED 20S REAM`) read the way
store owners name the goods."""

from __future__ import annotations

import pytest

from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import catalog_index
from tests.nlu.test_other_market import resolved

ROWS = (
    "PB1,HUNT'S PORK & BEANS 230G 48S,Hunt's,CANNED GOODS,230g,case,48,1340.00,PHP,,90,1,true\n"
    "TS1,DEL MONTE TOMATO SAUCE 250G 24S,Del Monte,CANNED GOODS,250g,case,24,790.00,PHP,,90,1,true\n"
    "MR1,MIGHTY RED 20S REAM,Mighty,TOBACCO,20s,carton,10,780.00,PHP,,90,1,true\n"
    "MP1,MIGHTY RED 20S PER PACK,Mighty,TOBACCO,20s,pack,20,80.00,PHP,,300,1,true\n"
    "MG1,MIGHTY GREEN MENTHOL 20S REAM,Mighty,TOBACCO,20s,carton,10,780.00,PHP,,70,1,true\n"
    "VC1,VIMBA COLA REGULAR 1.5L X 12,Vimba,BEVERAGES,1.5L,case,12,780.00,PHP,,150,1,true\n"
    "VC2,VIMBA COLA ZERO 1.5L X 12,Vimba,BEVERAGES,1.5L,case,12,780.00,PHP,,60,1,true\n"
    "VC3,VIMBA COLA 200ML 24S,Vimba,BEVERAGES,200ml,case,24,250.00,PHP,,140,1,true\n"
    "SD1,HAKONE SARDINES IN TOMATO SAUCE 155G 100S,Hakone,CANNED GOODS,155g,case,100,1880.00,PHP,,120,1,true\n"
    "CN1,KAGURA CUP NDLS SFOOD 40G 24S,Kagura,NOODLES,40g,case,24,600.00,PHP,,60,1,true\n"
    "CN2,KAGURA CUP NDLS BEEF 40G 24S,Kagura,NOODLES,40g,case,24,600.00,PHP,,50,1,true\n"
)


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return catalog_index(ROWS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words a name joins with an ampersand stay one item, however the `and` is written
        ("pork and beans 2 case", [("PB1", 2)]),
        ("pork n beans 2 case", [("PB1", 2)]),
        ("pork & beans 2 case", [("PB1", 2)]),
        ("2 kaha pork ug beans", [("PB1", 2)]),
        ("2 case pork and beans & 3 case tomato sauce", [("PB1", 2), ("TS1", 3)]),
        # a ream counts the SKU sold by the ream, a pack the one sold by the pack
        ("mighty red 2 ream", [("MR1", 2)]),
        ("mighty red 5 pakete", [("MP1", 5)]),
        # what a product comes in does not name it
        ("tomato sauce 5 case", [("TS1", 5)]),
        ("sardines in tomato sauce 2 case", [("SD1", 2)]),
        ("hakone tomato sauce 2 case", [("SD1", 2)]),
        # a name's word with two of its vowels left out (`SFOOD`) is the word
        ("cup noodles seafood 3 cs", [("CN1", 3)]),
    ],
)
def test_distributor_names_read_as_owners_name_the_goods(
    text: str, expected: list[tuple[str, int]], index: CatalogIndex
) -> None:
    assert resolved(text, index) == expected


def test_a_ream_of_a_brand_in_two_variants_asks_between_the_reams_only(index: CatalogIndex) -> None:
    asked = [set(item.candidates) for item in parse_order("mighty 3 ream", index).ambiguous]
    assert asked == [{"MR1", "MG1"}]


def test_the_pack_notation_of_a_name_is_no_variant_word(index: CatalogIndex) -> None:
    asked = [set(item.candidates) for item in parse_order("vimba cola 3 case", index).ambiguous]
    assert asked == [{"VC1", "VC3"}]


TWO_ROWS = (
    "EV1,ALASKO EVAP 370ML X 48 CS,Alasko,MILK,370ml,case,48,1632.00,PHP,,80,1,true\n"
    "EV2,ALASKO EVAP 370ML PC,Alasko,MILK,370ml,piece,1,35.00,PHP,,400,1,true\n"
    "CD1,ALASKO CONDENSADA 300ML X 48 CS,Alasko,MILK,300ml,case,48,2160.00,PHP,,60,1,true\n"
    "KB1,KOPI BLANCA 30G 10S TIE,Kopi,COFFEE,30g,pack,10,82.00,PHP,,450,1,true\n"
    "KB2,KOPI BLANCA 30G 10S X 24 CS,Kopi,COFFEE,30g,case,24,1930.00,PHP,,60,1,true\n"
)


@pytest.fixture(scope="module")
def two_rows() -> CatalogIndex:
    return catalog_index(TWO_ROWS)


def test_a_dozen_of_a_product_sold_by_the_piece_and_by_the_case_is_twelve_pieces(two_rows: CatalogIndex) -> None:
    assert resolved("usa ka dosena alasko evap", two_rows) == [("EV2", 12)]
    assert resolved("alasko evap 2 dozen", two_rows) == [("EV2", 24)]
    # Sold only by the case, a dozen is still counted against the case and flagged.
    parse = parse_order("alasko condensada 1 dozen", two_rows)
    assert [(line.sku, line.unit_mismatch) for line in parse.lines] == [("CD1", True)]


@pytest.mark.parametrize("text", ["KOPI BLANCA 30G 10S X 24 CS 2", "kopi blanca x 24 cs 2", "kopi blanca x 24 cs x 2"])
def test_a_pack_notation_copied_from_the_list_before_the_count_says_what_the_pack_holds(
    text: str, two_rows: CatalogIndex
) -> None:
    assert resolved(text, two_rows) == [("KB2", 2)]


BOTTLE_ROWS = (
    "RH1,RED HOOF 500ML BTL CS/12,Red Hoof,BEER,500ml,case,12,780.00,PHP,,150,1,true\n"
    "RH2,RED HOOF 500ML BTL PC,Red Hoof,BEER,500ml,piece,1,68.00,PHP,,600,1,true\n"
)


def test_the_bottle_a_case_name_writes_makes_no_variant_of_the_bottle_sold_apart() -> None:
    index = catalog_index(BOTTLE_ROWS)
    assert [set(item.candidates) for item in parse_order("red hoof 500 10", index).ambiguous] == [{"RH1", "RH2"}]
    assert resolved("red hoof 500ml 24 btl", index) == [("RH2", 24)]
    assert resolved("red hoof 500 2 cs", index) == [("RH1", 2)]


def test_corned_beef_written_crnd_bf_is_the_corned_beef_asked_for() -> None:
    rows = (
        "AC1,ARGENA CRND BF 150G X 48 CS,Argena,CANNED GOODS,150g,case,48,1920.00,PHP,,90,1,true\n"
        "AC2,ARGENA CRND BF 260G X 24 CS,Argena,CANNED GOODS,260g,case,24,1680.00,PHP,,40,1,true\n"
        "AL1,ARGENA LUNCHEON MEAT 150G X 48 CS,Argena,CANNED GOODS,150g,case,48,1800.00,PHP,,40,1,true\n"
    )
    assert resolved("argena corned beef 150g 3 cs", catalog_index(rows)) == [("AC1", 3)]


def test_a_brands_initials_joined_by_an_ampersand_name_the_brand_and_a_names_pair_stays_its_words() -> None:
    rows = (
        "HS1,H&S SHMP CLASSIC CLEAN 12ML 12S TIE,Head & Shoulders,PERSONAL CARE,12ml,pack,12,84.00,PHP,,150,1,true\n"
        "TN1,TUNA KAGURA FLKS H&S 155G X48,Kagura,CANNED GOODS,155g,case,48,1790.00,PHP,,70,1,true\n"
        "TN2,TUNA KAGURA FLKS OIL 155G X48,Kagura,CANNED GOODS,155g,case,48,1750.00,PHP,,70,1,true\n"
        "SD1,SARDINES KAGURA HOT&SPICY 155G X100,Kagura,CANNED GOODS,155g,case,100,2000.00,PHP,,70,1,true\n"
    )
    index = catalog_index(rows)
    assert resolved("h&s 5 tie", index) == [("HS1", 5)]
    assert resolved("kagura tuna h&s 2 case", index) == [("TN1", 2)]
