"""Orders from Mumbai and Pune shops, in Hinglish with Marathi words and in Devanagari Marathi."""

from __future__ import annotations

import pytest

from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import catalog_index

ROWS = """\
M101,Sahyadri Sugar S-30 50kg bag,Sahyadri,sugar,50kg,bag,1,2140.00,INR,sahyadri,60,1,true
M102,"Madhur Pure Sugar 1kg, bale of 20",Madhur,sugar,1kg,bale,20,960.00,INR,madhur,50,1,true
M103,"Tata Salt 1kg, bale of 25",Tata,salt,1kg,bale,25,625.00,INR,tata salt,100,1,true
M104,"Annapurna Iodised Salt 1kg, bale of 25",Annapurna,salt,1kg,bale,25,560.00,INR,annapurna,40,1,true
M105,"Gemini Refined Sunflower Oil 1L pouch, carton of 10",Gemini,edible_oil,1L,carton,10,1390.00,INR,gemini,60,1,true
M106,Gemini Refined Sunflower Oil 15L tin,Gemini,edible_oil,15L,tin,1,1990.00,INR,gemini,30,1,true
M107,Shree Wada Kolam Rice 25kg bag,Shree,rice,25kg,bag,1,1375.00,INR,wada kolam|kolam,45,1,true
M110,"Colgate Strong Teeth 100g, dozen",Colgate,toothpaste,100g,dozen,12,600.00,INR,colgate,60,1,true
M111,"Sunsilk Black Shine Shampoo Rs 2 Sachet, strip of 16",Sunsilk,shampoo,Rs 2,pack,16,28.00,INR,sunsilk,200,10,true
M112,"Bisleri Mineral Water 1L, case of 12",Bisleri,water,1L,case,12,180.00,INR,bisleri,150,1,true
M113,"Coca-Cola 750ml PET, case of 24",Coca-Cola,soft_drinks,750ml,case,24,840.00,INR,coke,40,1,true
"""


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return catalog_index(ROWS)


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("sakhar 50 kilo 3 poti", [("M101", 3)]),
        ("gemini 1 ltr 5 khoke ani tata salt 2 bale", [("M105", 5), ("M103", 2)]),
        ("don poti kolam 25 kilo", [("M107", 2)]),
        ("saha dazan colgate 100 gm", [("M110", 6)]),
        ("tata salt 10 bale, nako 8 bale kara", [("M103", 8)]),
        ("sunsilk 2 rupaye wala 160 pudi", [("M111", 10)]),
        ("साखर ५० किलो २ पोती", [("M101", 2)]),
        ("gemini tel cha dabba 3", [("M106", 3)]),
        ("gemini 15 litre 2 dabe", [("M106", 2)]),
        ("colgate 100g 24 nos", [("M110", 2)]),
        ("coke 750ml 4 case, 4 ki jagah 6", [("M113", 6)]),
        ("coke 750ml 4 case, 4 chya aivaji 6", [("M113", 6)]),
        ("tata salt 5 bale ki jagah annapurna 5 bale", [("M104", 5)]),
    ],
)
def test_marathi_kinds_pack_words_numbers_and_corrections(
    text: str, lines: list[tuple[str, int]], index: CatalogIndex
) -> None:
    assert [(line.sku, line.quantity) for line in parse_order(text, index).lines] == lines


def test_a_marathi_kind_word_without_a_brand_asks_which(index: CatalogIndex) -> None:
    parse = parse_order("mith 1kg 6 bale", index)
    assert not parse.lines
    assert [(set(item.candidates), item.quantity) for item in parse.ambiguous] == [({"M103", "M104"}, 6)]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("20 case coke 750 kitne ka padega", ("M113", 20)),
        ("bisleri 1 litre ahe ka stock madhe?", ("M112", 1)),
        ("gemini 15 ltr dabba cha rate kay ahe?", ("M106", 1)),
    ],
)
def test_a_price_or_stock_question_in_hindi_or_marathi_names_the_product_without_asking(
    text: str, line: tuple[str, int], index: CatalogIndex
) -> None:
    parse = parse_order(text, index)
    assert [(found.sku, found.quantity) for found in parse.lines] == [line]
    assert not parse.ambiguous and not parse.unknown


def test_a_brand_misspelt_in_one_skus_alias_names_the_brand_in_every_size() -> None:
    rows = """\
S201,"Saffola Gold Oil 1L pouch, carton of 12",Saffola,edible_oil,1L,carton,12,2260.00,INR,saffola|safola,25,1,true
S202,Saffola Gold Oil 5L jar,Saffola,edible_oil,5L,jerrycan,1,920.00,INR,saffola jar|saffola,15,1,true
"""
    assert [(line.sku, line.quantity) for line in parse_order("safola 5 litre 4", catalog_index(rows)).lines] == [
        ("S202", 4)
    ]
