"""Words the catalog writes in another form than the sender: singular and plural, grades, capitals."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order
from nlu.catalog_index import singular_and_plural
from tests.nlu.conftest import catalog_index, resolved

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def fifth_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(DATA / "fifth_market_catalog.csv"))


def catalog(rows: str) -> CatalogIndex:
    return catalog_index(rows)


@pytest.mark.parametrize(
    ("word", "other"),
    [("seed", "seeds"), ("seeds", "seed"), ("box", "boxes"), ("boxes", "box"), ("battery", "batteries")],
)
def test_an_english_noun_has_its_other_number(word: str, other: str) -> None:
    assert other in singular_and_plural(word)


def test_a_double_s_is_not_a_plural_ending() -> None:
    assert "glas" not in singular_and_plural("glass")


@pytest.mark.parametrize("word", ["ok", "h614", "17:17:17"])
def test_short_words_codes_and_blends_have_no_other_number(word: str) -> None:
    assert singular_and_plural(word) == ()


def test_singular_finds_a_category_written_in_the_plural(fifth_index: CatalogIndex) -> None:
    # One brand has "Seed" in its name; the others are only in the category "seeds".
    parse = parse_order("maize seed 2kg 10 pkts", fifth_index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [
        {"K7F203", "K7F211", "K7F230", "Q2D118", "Q2D140", "P9N301"}
    ]


@pytest.mark.parametrize("text", ["2 pipe 1/2 inch", "2 pipes 1/2 inch"])
def test_singular_or_plural_finds_the_catalog_word_in_either_number(text: str) -> None:
    index = catalog(
        "1,Kenpipe PVC Pipes 1/2 inch,Kenpipe,plumbing,1/2 inch,piece,1,290.00,KES,,10,1,true\n"
        "2,Steelcraft Wire Nail 2 inch,Steelcraft,hardware,2 inch,pack,1,210.00,KES,,10,1,true\n"
    )
    assert resolved(text, index) == [("1", 2)]
    assert resolved("steelcraft nails 2 inch 3", index) == [("2", 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tembo 42.5 cement bags 10", [("C9M002", 10)]),
        ("simiti 32.5 mifuko 50", [("C9M001", 50)]),
        ("tembo 42.5R 3 bags", [("C9M002", 3)]),
    ],
)
def test_a_number_without_its_grade_letter_names_the_one_grade(
    text: str, expected: list[tuple[str, int]], fifth_index: CatalogIndex
) -> None:
    assert resolved(text, fifth_index) == expected


@pytest.mark.parametrize("text", ["cement 52.5 4 bags", "cement 32.5 42.5 3 bags", "cement 42 5 bags"])
def test_a_grade_the_catalog_lacks_or_two_grades_are_asked_about(text: str, fifth_index: CatalogIndex) -> None:
    parse = parse_order(text, fifth_index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [{"C9M001", "C9M002"}]


def test_two_grades_after_one_number_are_asked_about() -> None:
    index = catalog(
        "1,Tembo Cement 42.5N 50kg,Tembo,cement,50kg,bag,1,720.00,KES,,10,1,true\n"
        "2,Tembo Cement 42.5R 50kg,Tembo,cement,50kg,bag,1,820.00,KES,,10,1,true\n"
    )
    assert [set(item.candidates) for item in parse_order("tembo 42.5 bags 4", index).ambiguous] == [{"1", "2"}]


def test_a_grade_is_not_chosen_over_a_product_that_writes_the_number_alone() -> None:
    index = catalog(
        "1,Volta Battery 9V,Volta,batteries,,piece,1,90.00,KES,,10,1,true\n"
        "2,Volta Battery 9 Cell,Volta,batteries,,piece,1,60.00,KES,,10,1,true\n"
    )
    assert [set(item.candidates) for item in parse_order("volta battery 9 4 pcs", index).ambiguous] == [{"1", "2"}]
    only_rated = catalog("1,Volta Battery 9V,Volta,batteries,,piece,1,90.00,KES,,10,1,true\n")
    assert resolved("volta battery 9 4 pcs", only_rated) == [("1", 4)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two bags of CAN 25kg", [("R4T111", 2)]),
        ("Can you send 2 bags CAN 50kg", [("R4T110", 2)]),
        ("DAP 50kg 3 bags, CAN 25kg 2 bags", [("R4T111", 2)]),
    ],
)
def test_an_everyday_word_in_capitals_that_the_catalog_writes_in_capitals_names_the_product(
    text: str, expected: list[tuple[str, int]], fifth_index: CatalogIndex
) -> None:
    assert resolved(text, fifth_index) == expected


def test_a_capitalised_name_after_another_item_does_not_inherit_it(fifth_index: CatalogIndex) -> None:
    parse = parse_order("Habari boss, nitumie DAP 50kg mifuko 10 na CAN 50kg mifuko 5", fifth_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("R4T110", 5)]
    assert [set(item.candidates) for item in parse.ambiguous] == [{"R4T101", "M8V210"}]


@pytest.mark.parametrize(
    "text",
    ["CAN YOU SEND 2 BAGS DAP", "can you send 2 bags dap", "CAN you send 2 bags DAP", "please CAN I get 2 bags DAP"],
)
def test_can_written_as_the_everyday_word_still_asks_which_dap(text: str, fifth_index: CatalogIndex) -> None:
    parse = parse_order(text, fifth_index)
    assert not parse.lines and not parse.unknown
    assert [set(item.candidates) for item in parse.ambiguous] == [{"R4T101", "R4T102", "R4T103", "M8V210"}]


def test_capitals_count_only_where_the_catalog_writes_the_word_in_capitals() -> None:
    rows = (
        "1,Rutuba CAN Fertiliser 50kg,Rutuba,fertiliser,50kg,bag,1,3000.00,KES,,10,1,true\n"
        "2,Coca-Cola 330ml Can,Coca-Cola,soft_drinks,330ml,case,24,900.00,KES,coke,10,1,true\n"
        "3,SHAMBA ALL PURPOSE FEED 50KG,Shamba,feeds,50kg,bag,1,2000.00,KES,,10,1,true\n"
    )
    index = catalog(rows)
    assert index.capital_names == frozenset({"can"})
    assert resolved("2 bags CAN", index) == [("1", 2)]


def test_a_count_word_in_capitals_still_counts() -> None:
    index = catalog("1,Jogoo Maize Flour 2kg BALE,Jogoo,flour,2kg,bale,12,1500.00,KES,,10,1,true\n")
    assert index.capital_names == frozenset()
    assert resolved("jogoo 2kg 3 BALE", index) == [("1", 3)]


def test_a_name_joined_by_n_keeps_together_when_a_word_is_said_in_the_other_number() -> None:
    index = catalog(
        'H701,"Heron & Stones Shampoo Rs 3 Sachet, strip of 16",Heron & Stones,shampoo,Rs 3,pack,16,42.00,INR,'
        "heron n stones,150,5,true\n"
    )
    assert resolved("heron n stone 3 rs ki 10 ladi", index) == [("H701", 10)]


@pytest.mark.parametrize(
    ("text", "line"),
    [("ashirvad multigrain 5kg do bag", ("M802", 2)), ("patanjal sarso tel 1 litre teen peti", ("M804", 3))],
)
def test_a_word_the_catalog_spells_another_way_for_other_products_finds_the_product_named(
    text: str, line: tuple[str, int]
) -> None:
    index = catalog(
        "M801,Aashirvaad Atta 5kg bag,Aashirvaad,atta_flour,5kg,bag,1,250.00,INR,ashirvad|aata,90,1,true\n"
        "M802,Aashirvaad Multigrain Atta 5kg bag,Aashirvaad,atta_flour,5kg,bag,1,345.00,INR,,25,1,true\n"
        'M803,"Engine Mustard Oil 1L, carton of 12",Engine,edible_oil,1L,carton,12,1850.00,INR,sarso tel,80,1,true\n'
        'M804,"Patanjal Mustard Oil 1L, carton of 12",Patanjal,edible_oil,1L,carton,12,20.00,INR,sarson tel,9,1,true\n'
    )
    assert resolved(text, index) == [line]


def test_a_verb_between_the_words_of_a_kind_of_goods_leaves_the_question_among_them() -> None:
    index = catalog(
        'W901,"Rin Bar 250g, box of 40",Rin,detergent_bar,250g,box,40,1080.00,INR,kapde ka sabun,35,1,true\n'
        'W902,"Ghadi Cake 150g, box of 60",Ghadi,detergent_bar,150g,box,60,600.00,INR,kapde ka sabun,30,1,true\n'
    )
    asked = [set(item.candidates) for item in parse_order("kapde dhone ka sabun 3 peti", index).ambiguous]
    assert asked == [{"W901", "W902"}]


@pytest.mark.parametrize("text", ["lazuma 600ml 2 case", "la zuma 600ml 2 case"])
def test_a_name_that_opens_with_an_article_is_found_typed_glued(text: str) -> None:
    index = catalog(
        'W01,"La Zuma Water 600ml, case of 24",La Zuma,water,600ml,case,24,500.00,ZZZ,,10,1,true\n'
        'W02,"Kito Water 600ml, case of 24",Kito,water,600ml,case,24,480.00,ZZZ,,10,1,true\n'
    )
    assert resolved(text, index) == [("W01", 2)]


def test_a_name_spelt_as_it_sounds_with_ite_for_ight_is_read() -> None:
    index = catalog(
        'W11,"Sunlight Lemon 750ml, carton of 12",Sunlight,dishwash,750ml,carton,12,300.00,ZZZ,,10,1,true\n'
        'W12,"Vim Lemon 750ml, carton of 12",Vim,dishwash,750ml,carton,12,280.00,ZZZ,,10,1,true\n'
    )
    assert resolved("sunlite 750ml 2 ctn", index) == [("W11", 2)]


def test_a_brand_nickname_reaches_the_sizes_whose_aliases_only_add_their_pack() -> None:
    index = catalog(
        'W21,"Gemini Sunflower Oil 1L pouch, carton of 10",Gemini,oil,1L,carton,10,900.00,ZZZ,gemini|jemini,10,1,true\n'
        'W22,"Gemini Sunflower Oil 15L tin",Gemini,oil,15L,tin,1,1900.00,ZZZ,gemini tin|gemini,10,1,true\n'
    )
    assert resolved("jemini 15 litre 2 tin", index) == [("W22", 2)]


@pytest.mark.parametrize("text", ["pk outer 5", "pk 5 outer"])
def test_a_unit_word_that_is_a_brand_names_it_beside_another_unit(text: str) -> None:
    index = catalog(
        'G1,"PK Chewing Gum 100s, outer",PK,sweets,,outer,100,90.00,TZS,,10,1,true\n'
        'G2,"Tip Top Lollipop 50s, box",Tip Top,sweets,,box,50,40.00,TZS,,10,1,true\n'
    )
    assert resolved(text, index) == [("G1", 5)]


def test_two_catalog_words_typed_as_one_are_those_words() -> None:
    rows = (
        "TB1,KETEPA TEA BAGS 100S X12 CTN,Ketepa,TEA,100s,carton,12,2900.00,KES,,25,1,true\n"
        "TL1,KETEPA PRIDE TEA 250G X20 CTN,Ketepa,TEA,250g,carton,20,3600.00,KES,,60,1,true\n"
    )
    assert resolved("ketepa teabags ctn 2", catalog_index(rows)) == [("TB1", 2)]
