"""Amounts that say which product rather than how many: `1 kg wala`, `4 pack wala`, price points."""

from __future__ import annotations

import pytest

from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import catalog_index, resolved

ROWS = """\
K201,"Dhanu Chakki Atta 1kg, bale of 10",Dhanu,atta_flour,1kg,bale,10,540.00,INR,dhanu,40,1,true
K202,Dhanu Chakki Atta 5kg bag,Dhanu,atta_flour,5kg,bag,1,250.00,INR,dhanu,90,1,true
K203,"Rola Masala Noodles 70g, carton of 96",Rola,noodles,70g,carton,96,1190.00,INR,rola,150,1,true
K204,"Rola Masala Noodles 280g (4-pack), carton of 24",Rola,noodles,280g,carton,24,1150.00,INR,rola,40,1,true
"""


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return catalog_index(ROWS)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("dhanu atta 1 kg wala 20 pkt", ("K201", 2)),
        ("rola 280g 4 pack wala 3 peti", ("K204", 3)),
        ("rola 70g wale 5 peti", ("K203", 5)),
    ],
)
def test_an_amount_before_wala_names_the_pack_and_the_other_amount_counts(
    text: str, line: tuple[str, int], index: CatalogIndex
) -> None:
    assert resolved(text, index) == [line]


def test_a_price_point_that_another_products_alias_writes_names_the_pack_of_the_brand_said() -> None:
    rows = """\
P501,"Zuma Detergent ₦100 Sachet (35g), outer of 48",Zuma,detergent,35g,outer,48,4300.00,NGN,zuma 100 naira,100,1,true
P502,"Kolo Crackers ₦100 Pack, carton of 24",Kolo,biscuits,₦100,carton,24,2100.00,NGN,kolo,45,1,true
P503,"Kolo Crackers ₦50 Pack, carton of 36",Kolo,biscuits,₦50,carton,36,1620.00,NGN,kolo,45,1,true
"""
    index = catalog_index(rows)
    assert resolved("kolo 100 naira 3 ctn", index) == [("P502", 3)]


def test_a_pack_sold_at_a_price_point_is_another_size_of_the_same_product() -> None:
    rows = """\
P601,"Kanta Soft Soap 100g, 3pc pack",Kanta,bathing_soap,100g,pack,3,128.00,INR,kanta,120,1,true
P602,"Kanta Soft Soap Rs 10 (41g), dozen",Kanta,bathing_soap,41g,dozen,12,110.00,INR,kanta,80,1,true
"""
    index = catalog_index(rows)
    assert [set(item.candidates) for item in parse_order("kanta 6", index).ambiguous] == [{"P601", "P602"}]


PRICED_ROWS = """\
P701,"Mango Rani Drink ₹10 (125ml), carton of 40",Mango Rani,juice,125ml,carton,40,340.00,INR,mango rani,70,1,true
P702,"Mango Rani Drink 600ml PET, case of 24",Mango Rani,juice,600ml,case,24,780.00,INR,mango rani,30,1,true
P703,"Chamak Dishwash Bar MRP 10 (120g), box of 48",Chamak,dishwash,120g,box,48,432.00,INR,chamak,40,1,true
P704,"Chamak Dishwash Bar 300g, box of 36",Chamak,dishwash,300g,box,36,1080.00,INR,chamak,25,1,true
"""


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("mango rani 10 wala 5 peti", ("P701", 5)),
        ("mango rani 40 nag 10 wala", ("P701", 1)),
        ("10 rs mango rani 2 carton", ("P701", 2)),
        ("chamak mrp 10 wala 4 box", ("P703", 4)),
        ("chamak 10 rupaye wala 2 box", ("P703", 2)),
    ],
)
def test_a_price_point_a_name_writes_beside_its_measure_names_that_pack(text: str, line: tuple[str, int]) -> None:
    assert resolved(text, catalog_index(PRICED_ROWS)) == [line]


@pytest.mark.parametrize(
    ("text", "line"),
    [("tamis sinigang ₱19 2 tie", ("P802", 2)), ("tamis sinigang ung 10 pesos 3 tie", ("P801", 3))],
)
def test_a_price_point_a_name_writes_with_its_currency_letter_names_that_pack(text: str, line: tuple[str, int]) -> None:
    rows = """\
P801,TAMIS SNGNG SMPLK 20G P10 12S TIE,Tamis,CONDIMENTS,20g,pack,12,108.00,PHP,,300,5,true
P802,TAMIS SNGNG SMPLK 40G P19 12S TIE,Tamis,CONDIMENTS,40g,pack,12,210.00,PHP,,150,5,true
"""
    assert resolved(text, catalog_index(rows)) == [line]


def test_a_price_point_one_brands_name_writes_picks_no_brand_among_others() -> None:
    other_brand = 'P705,"Ujala Dishwash Bar 120g, box of 48",Ujala,dishwash,120g,box,48,420.00,INR,ujala,40,1,true'
    rows = PRICED_ROWS + other_brand + "\n"
    parse = parse_order("dishwash bar 10 wala 4 box", catalog_index(rows))
    assert not parse.lines
    assert [(set(item.candidates), item.quantity) for item in parse.ambiguous] == [({"P703", "P704", "P705"}, 4)]


@pytest.mark.parametrize(("text", "whole"), [("dhanu atta 5kg dhai bora", 2), ("डेढ़ बोरी धनु आटा 5 किलो", 1)])
def test_a_count_of_packs_and_a_half_is_kept_as_typed_and_flagged(text: str, whole: int, index: CatalogIndex) -> None:
    parse = parse_order(text, index)
    assert [(line.sku, line.quantity, line.unit_mismatch) for line in parse.lines] == [("K202", whole, True)]
    assert not parse.ambiguous


LITRE_ROWS = """\
F01,"Fizz Cola 1.5L, case of 12",Fizz,soft drinks,1.5L,case,12,816.00,PHP,fizz litro|fizz 1.5,90,1,true
F02,"Fizz Cola 300ml, case of 12",Fizz,soft drinks,300ml,case,12,216.00,PHP,fizz mismo,300,1,true
F03,"Bubbly Cola 2L, case of 6",Bubbly,soft drinks,2L,case,6,600.00,PHP,bubbly,90,1,true
"""


@pytest.mark.parametrize(
    ("text", "line"),
    [("fizz litro 2", ("F01", 2)), ("fizz litro 3 at bubbly litro 2", ("F01", 3)), ("bubbly litro 2", ("F03", 1))],
)
def test_a_number_after_a_measure_word_counts_it_where_no_product_comes_in_that_size(
    text: str, line: tuple[str, int]
) -> None:
    assert resolved(text, catalog_index(LITRE_ROWS))[0] == line


@pytest.mark.parametrize("text", ["fizz 2 case, 1.5 pala", "fizz 2 case, 1.5L", "fizz 2 case, no, 1.5 litre"])
def test_a_size_said_after_a_question_among_sizes_answers_it(text: str) -> None:
    assert resolved(text, catalog_index(LITRE_ROWS)) == [("F01", 2)]


@pytest.mark.parametrize("text", ["fizz mismo 2 case, no, 1.5 litre", "fizz mismo 2 case, 1.5L pala"])
def test_a_size_corrected_replaces_the_name_of_the_old_size(text: str) -> None:
    assert resolved(text, catalog_index(LITRE_ROWS)) == [("F01", 2)]


def test_a_size_corrected_replaces_a_word_that_named_the_old_size() -> None:
    rows = """\
C01,"Kola 350ml PET, pack of 12",Kola,soft drinks,350ml,pack,12,66.00,GHS,kola|kola small,120,1,true
C02,"Kola 1L PET, pack of 12",Kola,soft drinks,1L,pack,12,150.00,GHS,kola|kola big,60,1,true
C03,"Kola Zero 350ml PET, pack of 12",Kola,soft drinks,350ml,pack,12,66.00,GHS,kola zero,60,1,true
"""
    index = catalog_index(rows)
    assert resolved("kola small 4 packs, change it to 1L", index) == [("C02", 4)]
    assert resolved("kola zero 4 packs, sorry 1L", index) == [("C03", 4)]


def test_a_price_point_written_in_a_name_is_its_size_not_a_variant() -> None:
    rows = """\
K01,"Kiwi Black Shoe Polish 20 Bob, dozen",Kiwi,shoe polish,20 bob,dozen,12,216.00,KES,kiwi,30,1,true
K02,"Kiwi Black Shoe Polish 50ml, dozen",Kiwi,shoe polish,50ml,dozen,12,1080.00,KES,kiwi kubwa,20,1,true
"""
    parse = parse_order("kiwi dazeni 2", catalog_index(rows))
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [{"K01", "K02"}]


SIZE_WORD_ROWS = """\
T01,"Denta Toothpaste 70g, carton of 72",Denta,toothpaste,70g,carton,72,504.00,GHS,denta,40,1,true
T02,"Denta Toothpaste 140g, carton of 48",Denta,toothpaste,140g,carton,48,576.00,GHS,denta,20,1,true
M01,"Lacta Evaporated Milk 160g tin, carton of 48",Lacta,milk,160g,carton,48,432.00,GHS,lacta small,70,1,true
M02,"Lacta Evaporated Milk 385g tin, carton of 24",Lacta,milk,385g,carton,24,408.00,GHS,lacta big,40,1,true
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("denta small 2 carton", [("T01", 2)]),
        ("denta big 2 carton", [("T02", 2)]),
        ("lacta small 3 ctn", [("M01", 3)]),
        ("My sister I beg add 2 ctn lacta big", [("M02", 2)]),
    ],
)
def test_small_and_big_pick_the_size_where_only_other_products_aliases_write_them(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert resolved(text, catalog_index(SIZE_WORD_ROWS)) == expected


@pytest.mark.parametrize(
    "text",
    ["24X300ML coca cola 12", "12 coca cola 24x300ml", "coca cola 300ml x24 12", "coca cola 300ml x24 12 crates"],
)
def test_a_pack_copied_from_the_price_list_beside_an_amount_says_what_the_pack_holds(text: str) -> None:
    rows = 'C1,"Coca-Cola 300ml glass bottle, crate of 24",Coca-Cola,soda,300ml,crate,24,660.00,KES,coke,90,1,true\n'
    assert resolved(text, catalog_index(rows)) == [("C1", 12)]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("minola 1 gal 2", ("G102", 2)),
        ("zonrox 1 gallon 3", ("G104", 3)),
        ("minola 1L 2 cs", ("G101", 2)),
        ("zonrox 1 ltr 4 case", ("G103", 4)),
    ],
)
def test_a_number_before_a_unit_the_product_is_sold_by_counts_it_rather_than_naming_another_size(
    text: str, line: tuple[str, int]
) -> None:
    # `1 gal`: the jerrycan the oil is also sold in, not the litre bottles sold by the case.
    rows = """\
G101,MINOLA COCO OIL 1L X 12 CS,Minola,COOKING OIL,1L,case,12,1290.00,PHP,,40,1,true
G102,MINOLA COCO OIL 1 GAL,Minola,COOKING OIL,3.785L,jerrycan,1,450.00,PHP,,60,1,true
G103,ZONROX BLEACH ORIG 1L X 12 CS,Zonrox,SOAP & DETERGENT,1L,case,12,480.00,PHP,,30,1,true
G104,ZONROX BLEACH ORIG 1 GAL,Zonrox,SOAP & DETERGENT,3.785L,jerrycan,1,138.00,PHP,,60,1,true
"""
    assert resolved(text, catalog_index(rows)) == [line]


KOFI_ROWS = """\
F01,KAFO BLACK 3IN1 TWIN 10x60g PCK,Kafo,COFFEE,60g,pack,10,150.00,PHP,,200,2,true
F02,KAFO BROWN TWIN 10x55g PCK,Kafo,COFFEE,55g,pack,10,148.00,PHP,,200,2,true
"""


@pytest.mark.parametrize("text", ["kafo 78 2 pack", "2 pack kafo 78"])
def test_a_number_after_a_name_that_no_pack_of_it_writes_names_a_product_not_sold(text: str) -> None:
    parse = parse_order(text, catalog_index(KOFI_ROWS))
    assert (parse.lines, parse.ambiguous, len(parse.unknown)) == ((), (), 1)


@pytest.mark.parametrize(("text", "line"), [("kafo 60 2 pack", ("F01", 2)), ("kafo 55 3 pack", ("F02", 3))])
def test_a_number_after_a_name_that_is_a_size_of_it_still_names_that_size(text: str, line: tuple[str, int]) -> None:
    assert resolved(text, catalog_index(KOFI_ROWS)) == [line]
