"""Messages of coastal dukas: amounts typed with a multiplication sign (`×2`), a brand that is also a sum word
(`total 6kg refill`), an order that follows a price question (`how much is X? also send 2 Y`), kinds a price list
writes with their first word cut to its initial (`C/FAT`, `B/SOAP`), a quarter of a measure (`robo kilo`), money
said before the order (`niko na 5k`, `nimetuma 5,460 paybill`), a flavour in the local word (`embe`) and a brand
that is a word of address (`jamaa`, mate)."""

from __future__ import annotations

import pytest

from nlu import CatalogIndex
from nlu.parser import parse_order
from tests.nlu.conftest import catalog_index, resolved

ROWS = """\
K201,GAS MOTO 6KG REFILL,Moto,GAS & FUEL,6kg,piece,1,1150.00,KES,,30,1,true
K202,GAS MOTO 13KG REFILL,Moto,GAS & FUEL,13kg,piece,1,2850.00,KES,,20,1,true
K203,GAS TOTAL 6KG REFILL,Total,GAS & FUEL,6kg,piece,1,1200.00,KES,,25,1,true
K204,GAS TOTAL 13KG REFILL,Total,GAS & FUEL,13kg,piece,1,2950.00,KES,,15,1,true
K205,D/POWDER NYALI 1KG X12,Nyali,SOAPS & DETERGENTS,1kg,bale,12,3100.00,KES,,40,1,true
K206,C/FAT PWEZA 1KG X12,Pweza,EDIBLE OILS & FATS,1kg,carton,12,3550.00,KES,,40,1,true
K207,MAIZE FLR KILIMO 2KG X12,Kilimo,FLOURS,2kg,bale,12,1820.00,KES,,150,1,true
K208,C/FAT NDOVU 1KG X12,Ndovu,EDIBLE OILS & FATS,1kg,carton,12,3400.00,KES,,30,1,true
K209,B/SOAP NDOVU WHITE 800G X20,Ndovu,SOAPS & DETERGENTS,800g,carton,20,2700.00,KES,,40,1,true
K210,T/SOAP NURU 125G X48,Nuru,SOAPS & DETERGENTS,125g,carton,48,3500.00,KES,,25,1,true
K211,MARGARINE SIMBA 250G X24,Simba,EDIBLE OILS & FATS,250g,carton,24,2900.00,KES,,25,1,true
K212,MARGARINE SIMBA 500G X12,Simba,EDIBLE OILS & FATS,500g,carton,12,2800.00,KES,,25,1,true
K213,JUICE PWANI EMBE 300ML X24,Pwani,JUICES,300ml,case,24,840.00,KES,pwani mango,60,1,true
K214,JUICE BAHARI MANGO 500ML X12,Bahari,JUICES,500ml,case,12,800.00,KES,,50,1,true
K215,JUICE BAHARI TROPICAL 500ML X12,Bahari,JUICES,500ml,case,12,800.00,KES,,40,1,true
K216,T/SOAP JAMAA WHITE 175G X48,Jamaa,SOAPS & DETERGENTS,175g,carton,48,2600.00,KES,,30,1,true
"""


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return catalog_index(ROWS)


@pytest.mark.parametrize("text", ["nyali 1kg ×3", "D/POWDER NYALI 1KG X12 ×3", "nyali 1kg bale ×3"])
def test_a_multiplication_sign_before_the_amount_counts_like_x(text: str, index: CatalogIndex) -> None:
    assert resolved(text, index) == [("K205", 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("moto 13kg refill 1 na total 6kg refill 2", [("K202", 1), ("K203", 2)]),
        ("leta moto 13kg refill 1, total 13kg refill 1", [("K202", 1), ("K204", 1)]),
        ("moto 6kg refill 2, total 2,300", [("K201", 2)]),
    ],
)
def test_a_sum_word_before_a_size_names_the_brand(
    text: str, expected: list[tuple[str, int]], index: CatalogIndex
) -> None:
    assert resolved(text, index) == expected


@pytest.mark.parametrize(
    ("text", "ordered", "asked"),
    [
        ("how much is total 13kg refill? also send 2 moto 6kg", [("K201", 2)], [("K204",)]),
        ("how much is pweza 1kg? also send 2 kilimo 2kg", [("K207", 2)], [("K206",)]),
        ("pweza 1kg bei gani? pia nitumie 3 kilimo 2kg", [("K207", 3)], [("K206",)]),
    ],
)
def test_a_count_before_a_product_after_a_price_question_orders_it(
    text: str, ordered: list[tuple[str, int]], asked: list[tuple[str, ...]], index: CatalogIndex
) -> None:
    parse = parse_order(text, index)
    assert [(line.sku, line.quantity) for line in parse.lines] == ordered
    assert [question.candidates for question in parse.price_questions] == asked


def test_items_after_a_price_question_without_a_count_are_still_asked(index: CatalogIndex) -> None:
    parse = parse_order("how much is moto 6kg refill, total 6kg refill?", index)
    assert not parse.lines or not parse.price_questions
    assert {line.sku for line in parse.lines} | {c for q in parse.price_questions for c in q.candidates} == {
        "K201",
        "K203",
    }


def test_a_kind_said_in_full_finds_the_names_that_cut_its_first_word_to_an_initial(index: CatalogIndex) -> None:
    parse = parse_order("cooking fat 1kg ctn 2", index)
    assert [sorted(item.candidates) for item in parse.ambiguous] == [["K206", "K208"]]
    assert resolved("bar soap ctn 3", index) == [("K209", 3)]
    assert resolved("ndovu cooking fat ctn 1", index) == [("K208", 1)]


def test_a_known_word_before_the_cut_kind_keeps_its_meaning(index: CatalogIndex) -> None:
    parse = parse_order("bei soap nuru?", index)
    assert [line.sku for line in parse.lines] + [c for q in parse.price_questions for c in q.candidates] == ["K210"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("simba robo kilo katoni 2", [("K211", 2)]),
        ("simba quarter kg ctn 1", [("K211", 1)]),
        ("simba a quarter kilo ctn 3", [("K211", 3)]),
        ("simba pav kilo 2 carton", [("K211", 2)]),
        ("simba nusu kilo ctn 1", [("K212", 1)]),
    ],
)
def test_a_quarter_before_a_measure_is_a_quarter_of_it(
    text: str, expected: list[tuple[str, int]], index: CatalogIndex
) -> None:
    assert resolved(text, index) == expected


@pytest.mark.parametrize(
    "text",
    [
        "niko na 5k, nipe kilimo 2kg bale 3",
        "I have 3.5k only. send 3 bales kilimo 2kg",
        "nimetuma 5,460 paybill, tuma kilimo 2kg bale 3",
        "nimetuma 5,460 kwa till. kilimo 2kg bale 3",
    ],
)
def test_money_said_before_an_order_counts_nothing(text: str, index: CatalogIndex) -> None:
    parse = parse_order(text, index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("K207", 3)]
    assert not parse.unknown


def test_a_flavour_in_the_local_word_one_name_writes_is_every_product_of_that_flavour(index: CatalogIndex) -> None:
    parse = parse_order("juice ya embe case 2", index)
    assert [sorted(item.candidates) for item in parse.ambiguous] == [["K213", "K214"]]
    assert resolved("pwani embe case 4", index) == [("K213", 4)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jamaa, nipa bahari tropical case 2", [("K215", 2)]),
        ("jamaa 175g ctn 3 na bahari tropical case 1", [("K216", 3), ("K215", 1)]),
        ("jamaa ctn 2", [("K216", 2)]),
    ],
)
def test_a_brand_that_is_a_word_of_address_is_named_only_with_an_amount_or_size(
    text: str, expected: list[tuple[str, int]], index: CatalogIndex
) -> None:
    assert resolved(text, index) == expected


def test_sheng_form_ni_opening_an_order_is_chatter(index: CatalogIndex) -> None:
    assert resolved("niaje bazu, form ni kilimo 2kg bale 3 na bahari mango case 2", index) == [
        ("K207", 3),
        ("K214", 2),
    ]
