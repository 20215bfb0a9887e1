"""Which SKUs an unqualified name means: the brand's main product, not its variants or its other product types."""

from __future__ import annotations

import pytest

from nlu import CatalogIndex, OrderParse, parse_order
from tests.nlu.conftest import catalog_index, resolved

ROWS = """\
V01,"Lumo Petroleum Jelly 50ml, dozen",Lumo,skin_care,50ml,dozen,12,900.00,ZZZ,lumo,10,1,true
V02,"Lumo Petroleum Jelly 100ml, dozen",Lumo,skin_care,100ml,dozen,12,1500.00,ZZZ,lumo,10,1,true
V03,"Lumo Petroleum Jelly 250ml, dozen",Lumo,skin_care,250ml,dozen,12,3000.00,ZZZ,lumo,10,1,true
V04,"Lumo Body Lotion 400ml, carton of 12",Lumo,skin_care,400ml,carton,12,5000.00,ZZZ,lumo lotion,10,1,true
V05,"Sava Body Lotion 400ml, carton of 12",Sava,skin_care,400ml,carton,12,4800.00,ZZZ,sava,10,1,true
V06,"Kira Milking Jelly 50ml, dozen",Kira,skin_care,50ml,dozen,12,800.00,ZZZ,kira,10,1,true
V10,"Fizz Cola 600ml PET, case of 24",Fizz,sodas,600ml,case,24,900.00,ZZZ,fizz,10,1,true
V11,"Fizz Cola 2L PET, case of 6",Fizz,sodas,2L,case,6,900.00,ZZZ,fizz,10,1,true
V12,"Fizz Lemon 600ml PET, case of 24",Fizz,sodas,600ml,case,24,900.00,ZZZ,fizz lemon,10,1,true
V13,"Pop Cola 600ml PET, case of 24",Pop,sodas,600ml,case,24,900.00,ZZZ,pop,10,1,true
V14,"Zest Lemon 600ml PET, case of 24",Zest,sodas,600ml,case,24,900.00,ZZZ,zest,10,1,true
V20,"Shine Lemon Dish Soap 400ml, carton of 12",Shine,cleaning,400ml,carton,12,900.00,ZZZ,shine,10,1,true
T01,"Tusk Beer 500ml, case of 12",Tusk,beer,500ml,case,12,720.00,ZZZ,,80,1,true
T02,"Tusk Stallion Beer 1L, case of 12",Tusk,beer,1L,case,12,1200.00,ZZZ,,60,1,true
T03,"Tusk Lite Beer 330ml, case of 24",Tusk,beer,330ml,case,24,1100.00,ZZZ,,60,1,true
W01,"Brite Easy Wash 1kg, case of 12",Brite,detergent,1kg,case,12,1560.00,ZZZ,brite,40,1,true
W02,"Brite Easy Wash 500g, case of 24",Brite,detergent,500g,case,24,1560.00,ZZZ,brite,40,1,true
W03,"Brite Matic Top Load 1kg, case of 12",Brite,detergent,1kg,case,12,2600.00,ZZZ,brite,15,1,true
G01,"Gino Gin Bilog 350ml, case of 24",Gino,liquor,350ml,case,24,1500.00,ZZZ,,15,1,true
G02,"Gino Gin Kwatro Kantos 700ml, case of 12",Gino,liquor,700ml,case,12,1900.00,ZZZ,,15,1,true
"""


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return catalog_index(ROWS)


def asked(parse: OrderParse) -> list[set[str]]:
    return [set(item.candidates) for item in parse.ambiguous]


def read(text: str, rows: str) -> tuple[list[tuple[str, int]], list[set[str]]]:
    """The lines and the questions of one message."""
    parse = parse_order(text, catalog_index(rows))
    return [(line.sku, line.quantity) for line in parse.lines], asked(parse)


def test_brand_alone_means_its_main_product_type_when_another_brand_makes_the_other(index: CatalogIndex) -> None:
    assert asked(parse_order("lumo 3 dz", index)) == [{"V01", "V02", "V03"}]


def test_other_product_type_is_chosen_when_its_word_is_said(index: CatalogIndex) -> None:
    parse = parse_order("lumo lotion 2 ctn", index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("V04", 2)]


def test_type_word_without_the_brand_keeps_every_brand(index: CatalogIndex) -> None:
    assert asked(parse_order("jelly 50ml 2 dz", index)) == [{"V01", "V06"}]


def test_flavour_stays_a_question_when_its_word_is_used_in_other_categories(index: CatalogIndex) -> None:
    assert asked(parse_order("fizz 600ml 5 cases", index)) == [{"V10", "V12"}]


COFFEE_ROWS = """\
C01,"Kafe Black 3in1 Coffee 30g, pack of 10",Kafe,coffee,30g,pack,10,78.00,PHP,,350,5,true
C02,"Kafe Brown 3in1 Coffee 27.5g, pack of 10",Kafe,coffee,27.5g,pack,10,78.00,PHP,,300,5,true
C03,"Brown Sugar 1kg, bale of 20",Sweet,sugar,1kg,bale,20,1500.00,PHP,,90,1,true
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [("kafe 10 packs, brown", [("C02", 10)]), ("kafe 10 packs, black", [("C01", 10)])],
)
def test_a_variant_word_after_a_comma_says_which_product_the_line_before_is(
    text: str, expected: list[tuple[str, int]]
) -> None:
    parse = parse_order(text, catalog_index(COFFEE_ROWS))
    assert [(line.sku, line.quantity) for line in parse.lines] == expected
    assert not parse.ambiguous


def test_a_product_of_its_own_after_a_comma_is_another_line() -> None:
    parse = parse_order("kafe black 10 packs, brown sugar", catalog_index(COFFEE_ROWS))
    assert [(line.sku, line.quantity) for line in parse.lines] == [("C01", 10), ("C03", 1)]


def test_a_variant_word_after_a_comma_changes_the_product_read_for_the_line_before() -> None:
    rows = COFFEE_ROWS.replace(",,350,5,true", ",kafe,350,5,true", 1)
    parse = parse_order("kafe 10 packs, brown", catalog_index(rows))
    assert [(line.sku, line.quantity) for line in parse.lines] == [("C02", 10)]


CANNED = """\
T01,Sea Star Tuna Flakes in Oil 155g x48,Sea Star,Canned Fish,155g,case,48,1850.00,ZZZ,,10,1,true
T02,Sea Star Tuna Flakes Hot & Spicy 155g x48,Sea Star,Canned Fish,155g,case,48,1890.00,ZZZ,,10,1,true
T03,Reef Tuna in Water 180g x48,Reef,Canned Fish,180g,case,48,1900.00,ZZZ,,10,1,true
T04,Reef Tuna Hot & Spicy 180g x48,Reef,Canned Fish,180g,case,48,1950.00,ZZZ,,10,1,true
T05,Bay Sardines in Tomato Sauce Red 155g x100,Bay,Canned Fish,155g,case,100,2380.00,ZZZ,,10,1,true
T06,Bay Sardines Hot & Spicy Green 155g x100,Bay,Canned Fish,155g,case,100,2420.00,ZZZ,,10,1,true
"""


@pytest.mark.parametrize(("text", "sku"), [("sea star tuna 2 case", "T01"), ("reef tuna 3 case", "T03")])
def test_what_a_name_says_the_product_comes_in_makes_no_variant(text: str, sku: str) -> None:
    parse = parse_order(text, catalog_index(CANNED))
    assert [line.sku for line in parse.lines] == [sku]


def test_a_colour_after_what_the_product_comes_in_still_names_a_product_of_its_own() -> None:
    assert asked(parse_order("bay sardines 3 case", catalog_index(CANNED))) == [{"T05", "T06"}]


BOTTLES = """\
B01,Vimba Cola 1.5L x12,Vimba,Softdrinks,1.5L,case,12,790.00,ZZZ,,10,1,true
B02,Vimba Cola 8oz Returnable x24,Vimba,Softdrinks,8oz,crate,24,230.00,ZZZ,,10,1,true
B03,Pino Cola Kasalo 1.5L x12,Pino,Softdrinks,1.5L,case,12,780.00,ZZZ,,10,1,true
B04,"Pino Cola 8oz 237ml, case of 24",Pino,Softdrinks,237ml,case,24,264.00,ZZZ,,10,1,true
"""


def test_a_returnable_bottle_is_a_pack_of_the_product_not_a_variant() -> None:
    assert asked(parse_order("vimba 3", catalog_index(BOTTLES))) == [{"B01", "B02"}]


def test_ounces_are_the_millilitres_a_label_rounds_them_to() -> None:
    assert [line.sku for line in parse_order("pino 8oz 2 case", catalog_index(BOTTLES)).lines] == ["B04"]
    assert asked(parse_order("pino 3 case", catalog_index(BOTTLES))) == [{"B03", "B04"}]



@pytest.mark.parametrize(
    ("text", "lines", "asked"),
    [
        ("brite 1kg 3 case", [("W01", 3)], []),
        ("brite matic 1kg 2 case", [("W03", 2)], []),
        ("brite 5 case", [], [{"W01", "W02"}]),
    ],
)
def test_a_brands_machine_line_is_named_to_be_chosen_beside_its_plain_powder(
    text: str, lines: list[tuple[str, int]], asked: list[set[str]], index: CatalogIndex
) -> None:
    parse = parse_order(text, index)
    assert [(line.sku, line.quantity) for line in parse.lines] == lines
    assert [set(item.candidates) for item in parse.ambiguous] == asked


@pytest.mark.parametrize(("text", "sizes"), [("tusk 2 case", {"T01", "T02"}), ("gino 3 case", {"G01", "G02"})])
def test_a_brand_alone_asks_its_size_where_words_name_the_bigger_bottle_and_no_variant(
    text: str, sizes: set[str], index: CatalogIndex
) -> None:
    parse = parse_order(text, index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [sizes]


def test_a_kind_named_beside_its_only_discontinued_product_leaves_each_brands_own_line_to_be_named() -> None:
    rows = ROWS + (
        'W04,"Bluo Washing Powder 1kg, case of 12",Bluo,detergent,1kg,case,12,1400.00,ZZZ,,0,1,false\n'
        'W05,"Cleen Active 1kg, case of 12",Cleen,detergent,1kg,case,12,1500.00,ZZZ,,40,1,true\n'
    )
    assert asked(parse_order("washing powder 1kg 4 case", catalog_index(rows))) == [{"W01", "W05"}]


KINDS = """\
S01,"Tamu White Sugar 1kg, bale of 20",Tamu,sugar,1kg,bale,20,1500.00,ZZZ,,10,1,true
S02,"Tamu Brown Sugar 1kg, bale of 20",Tamu,sugar,1kg,bale,20,1600.00,ZZZ,,10,1,true
S03,"Lulu Sugar 1kg, bale of 20",Lulu,sugar,1kg,bale,20,1450.00,ZZZ,,10,1,true
S04,"Pana White Bread 400g, crate of 20",Pana,bread,400g,crate,20,1200.00,ZZZ,,10,1,true
S05,"Pana Brown Bread 400g, crate of 20",Pana,bread,400g,crate,20,1300.00,ZZZ,,10,1,true
S06,"Duka White Bread 400g, crate of 20",Duka,bread,400g,crate,20,1200.00,ZZZ,,10,1,true
\
M01,"Kora Full Cream Long Life Milk 500ml, carton of 12",Kora,milk,500ml,carton,12,900.00,ZZZ,,10,1,true
M02,"Kora Low Fat Long Life Milk 500ml, carton of 12",Kora,milk,500ml,carton,12,950.00,ZZZ,,10,1,true
M03,"Vuma Full Cream Long Life Milk 500ml, carton of 12",Vuma,milk,500ml,carton,12,880.00,ZZZ,,10,1,true
M04,"Kora Breakfast Mealie Meal 25kg bag",Kora,mealie_meal,25kg,bag,1,300.00,ZZZ,,10,1,true
M05,"Kora Roller Meal 25kg bag",Kora,mealie_meal,25kg,bag,1,280.00,ZZZ,,10,1,true
M06,"Vuma Breakfast Mealie Meal 25kg bag",Vuma,mealie_meal,25kg,bag,1,310.00,ZZZ,,10,1,true
M07,"Dalo Toor Dal 1kg, bale of 10",Dalo,dal,1kg,bale,10,900.00,ZZZ,,10,1,true
M08,"Dalo Chana Dal 1kg, bale of 10",Dalo,dal,1kg,bale,10,850.00,ZZZ,,10,1,true
M09,"Pulo Toor Dal 1kg, bale of 10",Pulo,dal,1kg,bale,10,920.00,ZZZ,,10,1,true
"""


@pytest.mark.parametrize(
    ("text", "lines", "asked"),
    [
        ("tamu 1kg 3 bales", [("S01", 3)], []),
        ("tamu brown 1kg 3 bales", [("S02", 3)], []),
        ("sugar 1kg 3 bales", [], [{"S01", "S03"}]),
        # No bread is named by its kind alone, so white and brown are equal alternatives.
        ("bread 3 crates", [], [{"S04", "S05", "S06"}]),
        ("milk 500ml 4 ctn", [], [{"M01", "M03"}]),
        ("low fat milk 500ml 2 ctn", [("M02", 2)], []),
        ("mealie meal 25kg 20 bags", [], [{"M04", "M06"}]),
        # A word no locale knows as a variant (`chana`) is a kind within the kind, asked about.
        ("dal 1kg 2 bales", [], [{"M07", "M08", "M09"}]),
    ],
)
def test_a_variant_beside_its_brands_plain_product_or_the_kinds_common_one_is_named_to_be_chosen(
    text: str, lines: list[tuple[str, int]], asked: list[set[str]]
) -> None:
    assert read(text, KINDS) == (lines, asked)


def test_a_variant_the_catalog_does_not_sell_is_flagged_never_its_plain_product_to_confirm(index: CatalogIndex) -> None:
    parse = parse_order("pop diet 3 case", index)
    assert not parse.lines
    assert not parse.ambiguous
    assert [item.phrase for item in parse.unknown] == ["pop diet 3 case"]


def test_a_brand_that_is_the_alias_of_its_classic_product_means_it_beside_its_other_products() -> None:
    index = catalog_index(
        'S1,"Tasa Classic Seasoning Cube 4g, pack of 100",Tasa,seasoning,4g,pack,100,60.00,GHS,tasa,10,1,true\n'
        'S2,"Tasa Stew Seasoning 10g sachet, pack of 50",Tasa,seasoning,10g,pack,50,55.00,GHS,tasa stew,10,1,true\n'
    )
    assert resolved("tasa 5 pack", index) == [("S1", 5)]
    assert resolved("tasa stew 5 pack", index) == [("S2", 5)]


def test_an_alias_said_alone_is_not_the_product_another_brand_is_called_by_with_its_brand() -> None:
    index = catalog_index(
        'N1,"Tiko Pancit Canton Original 60g, box of 72",Tiko,noodles,60g,box,72,1080.00,PHP,canton,10,1,true\n'
        'N2,"Rapa Xtra Big Pancit Canton 130g, box of 36",Rapa,noodles,130g,box,36,900.00,PHP,rapa canton,10,1,true\n'
    )
    assert resolved("canton 10 box", index) == [("N1", 10)]
    assert resolved("rapa canton 3 box", index) == [("N2", 3)]


def test_a_kind_named_alone_means_the_goods_without_a_word_of_another_kind_beside_its_plain_product() -> None:
    index = catalog_index(
        'K1,"Kito Sugar 1kg, bale of 20",Kito,sugar,1kg,bale,20,60000.00,TZS,,10,1,true\n'
        'K2,"Ruma Sugar 1kg, bale of 20",Ruma,sugar,1kg,bale,20,61000.00,TZS,,10,1,true\n'
        'K3,"Lenga Brown Sugar 1kg, bale of 20",Lenga,sugar,1kg,bale,20,58000.00,TZS,,10,1,true\n'
        'K4,"Lenga Brown Sugar 50kg bag",Lenga,sugar,50kg,bag,1,140000.00,TZS,sukari,10,1,true\n'
        'K5,"Kito Sugar 50kg bag",Kito,sugar,50kg,bag,1,150000.00,TZS,,10,1,true\n'
        'B1,"Sunny Washed Sugar 2kg, bale of 10",Sunny,sugar,2kg,bale,10,30000.00,TZS,,10,1,true\n'
        'B2,"Sunny Brown Sugar 2kg, bale of 10",Sunny,sugar,2kg,bale,10,29000.00,TZS,,10,1,true\n'
    )
    assert asked(parse_order("sukari 1kg bale 10", index)) == [{"K1", "K2"}]
    assert resolved("brown sugar 1kg bale 2", index) == [("K3", 2)]
    # The catalog calls the brown sugar `sukari`; where every name adds a word, the kind is asked.
    assert asked(parse_order("sukari 50kg 2 bags", index)) == [{"K4", "K5"}]
    assert asked(parse_order("sugar 2kg bale 3", index)) == [{"B1", "B2"}]


def test_a_brand_alone_means_its_white_loaf_where_every_name_writes_bread_and_one_a_word_of_another_kind() -> None:
    index = catalog_index(
        'L1,"BREAD LAMU WHITE 400G PC",Lamu,BAKERY,400g,piece,1,60.00,KES,,10,1,true\n'
        'L2,"BREAD LAMU WHITE 800G PC",Lamu,BAKERY,800g,piece,1,115.00,KES,,10,1,true\n'
        'L3,"BREAD LAMU BROWN 400G PC",Lamu,BAKERY,400g,piece,1,62.00,KES,,10,1,true\n'
        'P1,"Pili Turmeric Powder 100g, carton of 50",Pili,spices,100g,carton,50,2250.00,BDT,,10,1,true\n'
        'P2,"Pili Chilli Powder 100g, carton of 50",Pili,spices,100g,carton,50,2350.00,BDT,,10,1,true\n'
    )
    assert resolved("lamu 400g 30", index) == [("L1", 30)]
    assert asked(parse_order("lamu 15", index)) == [{"L1", "L2"}]
    assert resolved("lamu brown 400g 5", index) == [("L3", 5)]
    # Chilli powder is a spice of its own, no variant of the turmeric.
    assert asked(parse_order("pili 3 carton", index)) == [{"P1", "P2"}]


def test_chilli_is_a_flavour_to_ask_about_beside_cheese_while_hot_still_makes_a_variant() -> None:
    index = catalog_index(
        'K1,"Kamu Puffs Cheese 20g, box of 50",Kamu,snacks,20g,box,50,900.00,MWK,,10,1,true\n'
        'K2,"Kamu Puffs Chilli 20g, box of 50",Kamu,snacks,20g,box,50,900.00,MWK,,10,1,true\n'
        'S1,"Sako Sardines Red 155g, case of 100",Sako,canned,155g,case,100,2300.00,PHP,,10,1,true\n'
        'S2,"Sako Sardines Hot 155g, case of 100",Sako,canned,155g,case,100,2300.00,PHP,,10,1,true\n'
    )
    assert asked(parse_order("kamu 10 box", index)) == [{"K1", "K2"}]
    assert resolved("kamu chilli 2 box", index) == [("K2", 2)]
    assert resolved("sako 3 case", index) == [("S1", 3)]


def test_a_variant_word_a_list_writes_short_still_makes_a_variant() -> None:
    index = catalog_index(
        "C1,CENTURY TUNA FLKS OIL 155G X 48 CS,Century,CANNED GOODS,155g,case,48,1728.00,PHP,,10,1,true\n"
        "C2,CENTURY TUNA FLKS HOT&SPCY 155G X 48 CS,Century,CANNED GOODS,155g,case,48,1776.00,PHP,,10,1,true\n"
    )
    assert resolved("century tuna 2 cs", index) == [("C1", 2)]
    assert resolved("century hot and spicy 1 cs", index) == [("C2", 1)]


COLOUR_ROWS = """\
K01,"Crest Red 20s, ream of 10",Crest,cigarettes,20s,carton,10,1560.00,PHP,,60,1,true
K02,"Crest Gold 20s, ream of 10",Crest,cigarettes,20s,carton,10,1560.00,PHP,,40,1,true
S01,"Tamu White Sugar 1kg, bale of 20",Tamu,sugar,1kg,bale,20,48000.00,MWK,,120,1,true
S02,"Tamu Brown Sugar 1kg, bale of 20",Tamu,sugar,1kg,bale,20,46000.00,MWK,,60,1,true
"""


def test_a_colour_that_names_a_line_is_asked_beside_another_colour() -> None:
    assert read("crest 2 ream", COLOUR_ROWS) == ([], [{"K01", "K02"}])


def test_a_colour_that_makes_another_kind_of_goods_is_the_variant_beside_its_brands_other_colour() -> None:
    assert read("tamu sugar 1kg 3 bales", COLOUR_ROWS) == ([("S01", 3)], [])
