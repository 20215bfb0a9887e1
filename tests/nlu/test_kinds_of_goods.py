"""A kind of goods named alone asks among the products of that kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import catalog_index, resolved

DATA = Path(__file__).resolve().parent / "data"

ROWS = """\
B401,"Sabo Original Soap 70g, carton of 72",Sabo,bathing_soap,70g,carton,72,360.00,NGN,sabo,40,1,true
B402,"Sabo Cool Soap 70g, carton of 72",Sabo,bathing_soap,70g,carton,72,360.00,NGN,sabo cool,30,1,true
B403,"Mira Beauty Soap 70g, carton of 72",Mira,bathing_soap,70g,carton,72,288.00,NGN,mira,40,1,true
B404,"Tamu Salt 1kg, bale of 25",Tamu,salt,1kg,bale,25,620.00,INR,tamu salt,100,1,true
B405,"Tamu Salt Lite 1kg, bale of 10",Tamu,salt,1kg,bale,10,420.00,INR,tamu lite,20,1,true
B406,"Pura Salt 1kg, bale of 25",Pura,salt,1kg,bale,25,560.00,INR,pura salt,50,1,true
"""


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return catalog_index(ROWS)


def asked(text: str, index: CatalogIndex) -> list[set[str]]:
    return [set(item.candidates) for item in parse_order(text, index).ambiguous]


def test_a_kind_named_alone_asks_among_every_line_of_a_brand(index: CatalogIndex) -> None:
    assert asked("bathing soap 70g 4 carton", index) == [{"B401", "B402", "B403"}]


def test_a_kind_named_alone_leaves_out_a_variant_that_must_be_named(index: CatalogIndex) -> None:
    assert asked("namak 5 bale", index) == [{"B404", "B406"}]


def test_a_brand_named_alone_still_means_its_base_product(index: CatalogIndex) -> None:
    assert [(line.sku, line.quantity) for line in parse_order("sabo 70g 2 carton", index).lines] == [("B401", 2)]


def test_a_brand_whose_name_is_an_alias_of_some_products_leaves_out_its_variants_in_other_sizes() -> None:
    rows = """\
R601,"Rola 2-Minute Masala Noodles 70g, carton of 96",Rola,noodles,70g,carton,96,1190.00,INR,rola,150,1,true
R602,"Rola 2-Minute Masala Noodles 280g (4-pack), carton of 24",Rola,noodles,280g,carton,24,1150.00,INR,rola,40,1,true
R603,"Rola Multigrain Masala Noodles 72.5g, carton of 48",Rola,noodles,72.5g,carton,48,1120.00,INR,,30,1,true
"""
    index = catalog_index(rows)
    assert asked("rola 10 peti", index) == [{"R601", "R602"}]


def test_a_kind_named_in_several_words_asks_among_that_kind() -> None:
    rows = """\
C701,"Tums Cola 750ml PET, case of 24",Tums,soft_drinks,750ml,case,24,840.00,INR,tums,60,1,true
C702,"Sprig Lemon 750ml PET, case of 24",Sprig,soft_drinks,750ml,case,24,840.00,INR,sprig,45,1,true
C703,"Mango Drink 750ml, case of 24",Mangi,juice,750ml,case,24,840.00,INR,mangi,45,1,true
"""
    index = catalog_index(rows)
    assert asked("cold drink 750 ml 6 crate", index) == [{"C701", "C702"}]


def test_a_local_word_for_a_narrower_kind_than_the_catalog_sells_is_not_sold() -> None:
    rows = "F801,Kolo Wheat Flour 50kg bag,Kolo,flour,50kg,bag,1,72000.00,NGN,flour,30,1,true\n"
    index = catalog_index(rows)
    parse = parse_order("elubo 5 bags", index)
    assert not parse.lines and not parse.ambiguous and [item.phrase for item in parse.unknown] == ["elubo 5 bags"]


def test_a_flavour_said_leaves_out_the_product_that_adds_a_pepper_soup_flavour() -> None:
    rows = """\
N901,"Nudo Instant Noodles Chicken 70g, carton of 40",Nudo,noodles,70g,carton,40,9800.00,NGN,nudo chicken,300,1,true
N902,"Nudo Chicken Pepper Soup 70g, carton of 40",Nudo,noodles,70g,carton,40,10200.00,NGN,nudo pepper soup,9,1,true
"""
    index = catalog_index(rows)
    lines = [(line.sku, line.quantity) for line in parse_order("nudo chicken 70g 120 pieces", index).lines]
    assert lines == [("N901", 3)]


def test_a_category_word_in_one_pack_name_does_not_make_it_a_variant_of_the_other_pack() -> None:
    rows = """\
S951,"Sudo Multi-Active Detergent 850g, bale of 12",Sudo,detergent,850g,bale,12,27600.00,NGN,sudo,60,1,true
S952,"Sudo Multi-Active ₦100 Sachet (35g), outer of 48",Sudo,detergent,35g,outer,48,4300.00,NGN,sudo sachet,100,1,true
"""
    index = catalog_index(rows)
    assert asked("sudo 4", index) == [{"S951", "S952"}]


OIL_ROWS = """\
K801,"Lumo Cooking Oil 1L, carton of 12",Lumo,cooking_oil,1L,carton,12,540.00,ZZZ,lumo|mafuta,90,1,true
K802,"Sapa Sunflower Oil 1L, carton of 12",Sapa,cooking_oil,1L,carton,12,570.00,ZZZ,sapa,50,1,true
K803,"Lumo Cooking Oil 5L jerrycan",Lumo,cooking_oil,5L,jerrycan,1,215.00,ZZZ,lumo|mafuta,60,1,true
K804,"Sapa Cooking Oil 5L jerrycan",Sapa,cooking_oil,5L,jerrycan,1,205.00,ZZZ,sapa,60,1,true
"""


@pytest.fixture(scope="module")
def oils() -> CatalogIndex:
    return catalog_index(OIL_ROWS)


def test_a_local_kind_word_the_catalog_gives_one_brand_still_asks_among_the_kind(oils: CatalogIndex) -> None:
    assert asked("mafuta 1L 2 ctn", oils) == [{"K801", "K802"}]


def test_a_local_kind_word_beside_one_the_catalog_shares_among_brands_is_a_nickname() -> None:
    rows = """\
S901,"Kiva Salt 1kg, bale of 12",Kiva,salt,1kg,bale,12,132.00,ZZZ,chumvi|omunnyo|kiva,70,1,true
S902,"Lenga Iodised Salt 1kg, bale of 12",Lenga,salt,1kg,bale,12,126.00,ZZZ,chumvi|lenga,50,1,true
"""
    index = catalog_index(rows)
    assert [(line.sku, line.quantity) for line in parse_order("omunnyo 1kg 3 bales", index).lines] == [("S901", 3)]
    assert asked("chumvi 1kg 3 bales", index) == [{"S901", "S902"}]


def test_a_kind_named_after_a_brand_keeps_no_brand_from_the_item_before(oils: CatalogIndex) -> None:
    parse = parse_order("lumo 1L 2 ctn, and how much is cooking oil 5L?", oils)
    assert [set(question.candidates) for question in parse.price_questions] == [{"K803", "K804"}]
    assert asked("lumo 1L 2 ctn, cooking oil 5L 3", oils) == [{"K803", "K804"}]


def test_a_kind_named_alone_means_its_own_category_not_one_that_adds_a_word() -> None:
    rows = """\
L101,"Tusk Lager 375ml, crate of 24",Tusk,beer,375ml,crate,24,310.00,ZZZ,tusk,100,1,true
L102,"Pala Lager 375ml, crate of 24",Pala,beer,375ml,crate,24,320.00,ZZZ,pala,70,1,true
L103,"Mtama Shake 1L, crate of 12",Mtama,opaque_beer,1L,crate,12,150.00,ZZZ,mtama,90,1,true
"""
    assert asked("beer 5 crates", catalog_index(rows)) == [{"L101", "L102"}]


def test_a_kind_that_one_brand_makes_means_that_brands_base_product() -> None:
    rows = """\
M201,"Tamu Maheu Original 500ml, case of 12",Tamu Maheu,maheu,500ml,case,12,96.00,ZZZ,maheu,80,1,true
M202,"Tamu Maheu Banana 500ml, case of 12",Tamu Maheu,maheu,500ml,case,12,96.00,ZZZ,,50,1,true
M203,"Tamu Maheu Original 1L, case of 6",Tamu Maheu,maheu,1L,case,6,90.00,ZZZ,,30,1,true
"""
    index = catalog_index(rows)
    assert [(line.sku, line.quantity) for line in parse_order("maheu 500ml 10 cases", index).lines] == [("M201", 10)]
    assert asked("maheu 6 cases", index) == [{"M201", "M203"}]


def test_a_local_kind_word_reaches_the_same_product_in_another_size() -> None:
    rows = """\
T301,"Jaguar Battery D, box of 24",Jaguar,household,D,box,24,14400.00,ZZZ,jaguar|mabatire,50,1,true
T302,"Jaguar Battery AA, box of 40",Jaguar,household,AA,box,40,12000.00,ZZZ,jaguar aa,40,1,true
T303,"Nuru Battery AA, box of 24",Nuru,household,AA,box,24,9600.00,ZZZ,nuru,30,1,true
"""
    assert asked("mabatire AA box 2", catalog_index(rows)) == [{"T302", "T303"}]


def test_a_local_kind_word_beside_a_brand_says_only_the_kind() -> None:
    rows = """\
W401,"Dema Blue Bar Soap 800g, carton of 20",Dema,soap,800g,carton,20,360.00,ZZZ,dema|sopo,100,1,true
W402,"Dema White Bar Soap 800g, carton of 20",Dema,soap,800g,carton,20,360.00,ZZZ,dema white,50,1,true
"""
    assert asked("sopo ya dema makatoni 5", catalog_index(rows)) == [{"W401", "W402"}]


def test_a_local_kind_word_on_some_of_a_brands_skus_is_no_nickname() -> None:
    rows = """\
S901,"Kiva Salt 1kg, bale of 12",Kiva,salt,1kg,bale,12,132.00,ZZZ,chumvi|omunnyo|kiva,70,1,true
S903,"Kiva Salt 500g, bale of 24",Kiva,salt,500g,bale,24,140.00,ZZZ,chumvi|kiva,70,1,true
S902,"Lenga Iodised Salt 1kg, bale of 12",Lenga,salt,1kg,bale,12,126.00,ZZZ,chumvi|lenga,50,1,true
"""
    assert asked("omunnyo 1kg 3 bales", catalog_index(rows)) == [{"S901", "S902"}]


def _oils_and_fats() -> str:
    """Many cooking oils, some out of stock, and in the same category cooking fats whose names share only `cooking`."""
    pack = "carton,12,3000.00,KES,"
    oils = [
        f'K8{n:02d},"{brand} {kind} Oil {size}, carton of 12",{brand},cooking_oil,{size},{pack},{n % 5},1,true'
        for n, (brand, kind, size) in enumerate(
            (brand, kind, size)
            for brand, kind in (("Zelo", "Cooking"), ("Maru", "Vegetable"), ("Tendo", "Corn"), ("Pirra", "Sunflower"))
            for size in ("500ml", "1L", "2L", "5L")
        )
    ]
    fats = [
        f'K9{n:02d},"{brand} Cooking Fat {size}, carton of 12",{brand},cooking_oil,{size},{pack},90,1,true'
        for n, (brand, size) in enumerate((b, s) for b in ("Lumo", "Kadi") for s in ("250g", "500g", "1kg"))
    ]
    return "\n".join(oils + fats) + "\n"


def test_a_kind_in_several_words_asks_among_its_whole_kind_not_a_kind_sharing_one_word() -> None:
    index = catalog_index(_oils_and_fats())
    (oils,) = asked("2 ctn cooking oil", index)
    assert oils and all(sku.startswith("K8") for sku in oils)
    assert asked("cooking fat 2 ctn", index) == [{f"K9{n:02d}" for n in range(6)}]


def test_a_kind_with_more_products_than_a_question_lists_none_of_them_for_another_kind() -> None:
    index = catalog_index(_oils_and_fats())
    assert asked("cooking oil 2", index) == [{f"K8{n:02d}" for n in range(16)}]


def test_a_word_for_a_kind_that_describes_another_kind_in_an_alias_is_its_own_kind_said_alone() -> None:
    rows = """\
U101,"Kora Maize Flour 2kg, bale of 12",Kora,maize_flour,2kg,bale,12,30000.00,TZS,kora,30,1,true
U102,"Pesi Wheat Flour 2kg, bale of 12",Pesi,wheat_flour,2kg,bale,12,36000.00,TZS,pesi,20,1,true
U103,"Lumi Washing Powder 500g, bale of 24",Lumi,detergent,500g,bale,24,48000.00,TZS,lumi|sabuni ya unga,25,1,true
"""
    index = catalog_index(rows)
    assert asked("unga bale 3", index) == [{"U101", "U102"}]
    assert [(line.sku, line.quantity) for line in parse_order("sabuni ya unga bale 2", index).lines] == [("U103", 2)]


def test_a_pack_unit_before_a_joining_word_never_says_which_goods_of_the_kind_after_it() -> None:
    rows = """\
U801,"Simba Maize Meal 2kg, bale of 12",Simba,flour,2kg,bale,12,1500.00,KES,unga|simba,80,1,true
U802,"Twiga Maize Meal 2kg, bale of 12",Twiga,flour,2kg,bale,12,1520.00,KES,unga|twiga,80,1,true
U803,"Bora Vegetable Oil 3L, carton of 4",Bora,cooking_oil,3L,carton,4,2900.00,KES,mafuta|bora,40,1,true
U804,"Safi Vegetable Oil 3L, carton of 4",Safi,cooking_oil,3L,carton,4,2950.00,KES,mafuta|safi,40,1,true
U805,"Kondo Cooking Fat 2kg, carton of 6",Kondo,cooking_oil,2kg,carton,6,3100.00,KES,kondo|fat,20,1,true
"""
    parse = parse_order("nataka unga kilo mbili 2 bale na mafuta ya kupika lita 3", catalog_index(rows))
    assert parse.lines == ()
    assert [set(item.candidates) for item in parse.ambiguous] == [{"U801", "U802"}, {"U803", "U804"}]


def test_a_category_that_joins_two_kinds_finds_each_product_by_its_own_kind() -> None:
    rows = """\
J101,DANTE SUGAR 500G X20,Dante,Sugar & Salt,500g,bale,20,18000.00,NGN,,50,1,true
J102,DANTE REFINED SALT 500G X20,Dante,Sugar & Salt,500g,bale,20,7200.00,NGN,,80,1,true
J103,MR KOKI TABLE SALT 500G X20,Mr Koki,Sugar & Salt,500g,bale,20,7000.00,NGN,,50,1,true
"""
    index = catalog_index(rows)
    assert [(line.sku, line.quantity) for line in parse_order("dante salt 10 bale", index).lines] == [("J102", 10)]
    assert [(line.sku, line.quantity) for line in parse_order("sugar 3 bale", index).lines] == [("J101", 3)]
    assert asked("salt 4 bale", index) == [{"J102", "J103"}]


def test_pure_water_asks_among_the_sachet_waters_never_a_bottled_water_called_pure() -> None:
    rows = """\
W101,NESTA PURE LIFE 75CL X12,Nesta,Water,75cl,pack,12,3100.00,NGN,pure life,70,1,true
W102,CWELL SACHET WATER 50CL X20,Cwell,Water,50cl,bag,20,500.00,NGN,cwell,400,10,true
W103,GOSHA SACHET WATER 50CL X20,Gosha,Water,50cl,bag,20,400.00,NGN,gosha,500,10,true
"""
    index = catalog_index(rows)
    parse = parse_order("pure water 30 bags", index)
    assert parse.lines == ()
    assert asked("pure water 30 bags", index) == [{"W102", "W103"}]
    assert [(line.sku, line.quantity) for line in parse_order("pure life 5 pk", index).lines] == [("W101", 5)]


UNSOLD_ROWS = """\
G501,"Gauri Pure Ghee 1L pouch, carton of 12",Gauri,ghee,1L,carton,12,7020.00,INR,gauri ghee,15,1,true
G502,"Suraj Gold Oil 1L pouch, carton of 12",Suraj,edible_oil,1L,carton,12,2260.00,INR,suraj,25,1,true
"""


@pytest.mark.parametrize(
    "text", ["gauri taaza doodh 1 ltr 2 crate", "cigarette gold flake 10 packet", "gauri chini mitti 1 ltr 2 carton"]
)
def test_a_product_of_another_kind_or_only_a_variant_word_is_flagged_not_confirmed(text: str) -> None:
    parse = parse_order(text, catalog_index(UNSOLD_ROWS))
    assert not parse.lines and not parse.ambiguous
    assert len(parse.unknown) == 1


@pytest.mark.parametrize(("text", "sku"), [("gauri ghee 1 ltr 2 carton", "G501"), ("suraj gold tel 2 peti", "G502")])
def test_the_brands_own_kind_and_a_variant_beside_its_brand_still_order(text: str, sku: str) -> None:
    assert [(line.sku, line.quantity) for line in parse_order(text, catalog_index(UNSOLD_ROWS)).lines] == [(sku, 2)]


def test_vegetable_oil_asks_among_the_oils_a_distributor_names_veg_oil() -> None:
    rows = """\
V101,KINGLY VEG OIL 1LTR X12,Kingly,Edible Oil,1L,carton,12,34000.00,NGN,,60,1,true
V102,DEVAN VEG OIL 1LTR X12,Devan,Edible Oil,1L,carton,12,35000.00,NGN,,40,1,true
V103,OKUMA RED PALM OIL 4LTR,Okuma,Edible Oil,4L,jerrycan,1,9500.00,NGN,,50,1,true
"""
    index = catalog_index(rows)
    assert asked("vegetable oil 1L 3 carton", index) == [{"V101", "V102"}]


@pytest.mark.parametrize(
    ("text", "line"), [("mbolea ya kupandia 50kg mifuko 2", ("F801", 2)), ("mbolea ya kukuzia 50kg 3", ("F802", 3))]
)
def test_a_swahili_word_for_what_a_fertiliser_is_for_names_it(text: str, line: tuple[str, int]) -> None:
    rows = """\
F801,Rutuba DAP Planting Fertiliser 50kg,Rutuba,fertiliser,50kg,bag,1,3550.00,KES,dap,120,1,true
F802,Rutuba CAN Top Dressing Fertiliser 50kg,Rutuba,fertiliser,50kg,bag,1,3100.00,KES,can,90,1,true
"""
    assert [(found.sku, found.quantity) for found in parse_order(text, catalog_index(rows)).lines] == [line]


def test_a_product_named_without_its_brand_is_the_one_sold_in_the_unit_said() -> None:
    index = catalog_index(
        'H01,"Jinluo Ham Sausage 35g, carton of 100",Jinluo,snacks,35g,carton,100,90.00,CNY,,10,1,true\n'
        'H02,"Shuanghui Ham Sausage 40g, pack of 10",Shuanghui,snacks,40g,pack,10,12.00,CNY,,10,1,true\n'
    )
    assert [(line.sku, line.quantity) for line in parse_order("ham sausage 3 carton", index).lines] == [("H01", 3)]


FORM_ROWS = """\
F101,TIDE PWD ORIG 66G 6S TIE,Tide,LAUNDRY,66g,pack,6,54.00,PHP,,400,5,true
F102,SURF DET BAR 380G 24S,Surf,LAUNDRY,380g,box,24,900.00,PHP,,60,1,true
F103,CHAMPION DET BAR 390G 24S,Champion,LAUNDRY,390g,box,24,840.00,PHP,,90,1,true
"""


def test_a_brand_asked_in_a_form_only_other_brands_are_sold_in_is_flagged_not_ordered() -> None:
    index = catalog_index(FORM_ROWS)
    parse = parse_order("tide bar 2 box", index)
    assert not parse.lines and [item.phrase for item in parse.unknown] == ["tide bar 2 box"]
    assert [(line.sku, line.quantity) for line in parse_order("surf bar 2 box", index).lines] == [("F102", 2)]
    assert [(line.sku, line.quantity) for line in parse_order("tide 2 tie", index).lines] == [("F101", 2)]


def test_a_brands_unsold_kind_is_flagged_though_its_local_word_is_not_in_the_catalog() -> None:
    parse = parse_order("gauri paal 2 carton", catalog_index(UNSOLD_ROWS))
    assert not parse.lines and not parse.ambiguous
    assert [item.phrase for item in parse.unknown] == ["gauri paal 2 carton"]


def test_a_form_sold_by_another_sku_of_the_brand_is_asked_not_guessed() -> None:
    rows = """\
P101,PEAK EVAPORATED MILK 160G TIN X48,Peak,Dairy,160g,carton,48,34500.00,NGN,peak milk,80,1,true
P102,PEAK FULL CREAM POWDER 16G SACHET X10,Peak,Dairy,16g,pack,10,1650.00,NGN,peak sachet,200,1,true
"""
    parse = parse_order("peak milk sachet 20 packs", catalog_index(rows))
    assert not parse.lines
    assert [sorted(item.candidates) for item in parse.ambiguous] == [["P101", "P102"]]


def test_a_word_for_what_a_whole_kind_is_for_asks_among_the_category_not_the_one_name_writing_it() -> None:
    index = catalog_index(
        "O1,KORA SUNFL OIL 5LTR JCN,Kora,FOOD-OIL,,jerrycan,1,26000.00,TZS,,50,1,true\n"
        "O2,OKA COOKING OIL 5LTR JCN,Oka,FOOD-OIL,,jerrycan,1,23500.00,TZS,,45,1,true\n"
        "O3,KIMA COOKING FAT 1KG CTN 12X,Kima,FOOD-FAT,,carton,12,72000.00,TZS,,40,1,true\n"
    )
    assert asked("mafuta ya kupikia lita 5 mitungi 2", index) == [{"O1", "O2"}]
    assert asked("cooking oil 5L 2", index) == [{"O1", "O2"}]
    assert [line.sku for line in parse_order("oka cooking oil 5L 2", index).lines] == ["O2"]


def test_pads_beside_a_brand_whose_name_does_not_write_it_names_the_brands_product() -> None:
    index = catalog_index(
        "P1,ALWAYS MAXI THICK 8S CTN 48X,Always,HPC-FEM,,carton,48,86000.00,TZS,,25,1,true\n"
        "P2,SOFTCARE PADS 8S CTN 48X,Softcare,HPC-FEM,,carton,48,56000.00,TZS,,40,1,true\n"
    )
    assert [line.sku for line in parse_order("always pads ctn 2", index).lines] == ["P1"]


def test_a_word_for_what_a_kind_is_for_that_is_a_flavour_of_another_kind_names_that_flavour() -> None:
    index = catalog_index(
        'N1,"Indo Noodles Chicken 70g, carton of 40",Indo,noodles,70g,carton,40,170.00,GHS,,200,1,true\n'
        'N2,"Tasty Vegetable Noodles 70g, carton of 40",Tasty,noodles,70g,carton,40,160.00,GHS,,200,1,true\n'
        'N3,"Mimi Noodles Beef 70g, carton of 40",Mimi,noodles,70g,carton,40,160.00,GHS,,200,1,true\n'
    )
    assert [line.sku for line in parse_order("vegetable noodles 70g 2 carton", index).lines] == ["N2"]


def test_noodles_said_with_a_brand_leave_out_its_macaroni_of_a_category_joining_noodles_and_pasta() -> None:
    index = catalog_index(
        "N1,ZUMA INST NOODLES CHICKEN 70G X40,Zuma,Noodles & Pasta,70g,carton,40,9000.00,NGN,,10,1,true\n"
        "N2,ZUMA MACARONI 500G X20,Zuma,Noodles & Pasta,500g,carton,20,11000.00,NGN,,10,1,true\n"
        "N3,ZUMA SPAGHETTI 500G X20,Zuma,Noodles & Pasta,500g,carton,20,11000.00,NGN,,10,1,true\n"
    )
    assert resolved("zuma noodles 10 ctn", index) == [("N1", 10)]
    assert [sorted(item.candidates) for item in parse_order("zuma pasta 2 ctn", index).ambiguous] == [["N2", "N3"]]


def test_a_kind_said_alone_leaves_out_the_goods_a_longer_phrase_it_opens_names() -> None:
    index = catalog_index(
        'M1,"Zuri Long Life UHT Milk 500ml, carton of 12",Zuri,dairy,500ml,carton,12,900.00,KES,,10,1,true\n'
        'M2,"Zuri Full Cream Milk Powder 500g, carton of 12",Zuri,dairy,500g,carton,12,4000.00,KES,,10,1,true\n'
    )
    # `maziwa` is milk, `maziwa ya unga` milk powder.
    assert resolved("maziwa zuri 500 ctn 2", index) == [("M1", 2)]
    assert resolved("maziwa ya unga zuri 500 ctn 2", index) == [("M2", 2)]
    assert asked("zuri 500 ctn 2", index) == [{"M1", "M2"}]


@pytest.mark.parametrize(
    ("text", "ordered", "choices"),
    [
        ("mira 70g 2 carton and bathing soap 70g 4 carton", ("B403", 2), {"B401", "B402", "B403"}),
        ("pura salt 1kg bale 2, salt 1kg bale 3", ("B406", 2), {"B404", "B406"}),
    ],
)
def test_a_kind_named_alone_after_a_product_of_it_asks_rather_than_adding_to_that_product(
    index: CatalogIndex, text: str, ordered: tuple[str, int], choices: set[str]
) -> None:
    assert resolved(text, index) == [ordered]
    assert asked(text, index) == [choices]


@pytest.mark.parametrize("text", ["pineapple 5", "pineapples 5"])
def test_a_fruit_said_alone_is_the_fruit_sold_unbranded_not_a_brands_juice_of_it(text: str) -> None:
    rows = (
        "FR1,PINEAPPLE SMOOTH CAYENNE PIECE,,FRESH-FRUIT,,piece,1,120.00,KES,,60,1,true\n"
        "JU1,TAMU PINEAPPLE JUICE 1L X12 CTN,Tamu,BEVERAGES,1L,carton,12,2400.00,KES,,10,1,true\n"
    )
    assert resolved(text, catalog_index(rows)) == [("FR1", 5)]


def test_a_word_for_a_kind_keeps_every_languages_namings_of_it() -> None:
    # English names `softdrinks` as `soft drinks`; Tagalog also as the `SOFTDRINK` a list writes.
    index = CatalogIndex.build(read_catalog_csv(DATA / "zamboanga_sarisari_catalog.csv"))
    parse = parse_order("softdrinks 1.5 2 cs", index)
    assert [sorted(item.candidates) for item in parse.ambiguous] == [["250101", "250104", "250105"]]


def test_a_brand_said_for_some_of_its_goods_leaves_out_its_goods_of_another_kind() -> None:
    index = catalog_index(
        "M1,Dairyland Long Life Milk 500ml,Dairyland,dairy,500ml,carton,12,1100.00,KES,dairyland,50,1,true\n"
        "M2,Dairyland Yoghurt Vanilla 500ml,Dairyland,dairy,500ml,carton,12,1700.00,KES,dairyland yoghurt,50,1,true\n"
        "F1,Snowy Cake Flour 2.5kg,Snowy,flour,2.5kg,bale,10,480.00,ZMW,snowy,50,1,true\n"
        "F2,Snowy Bread Flour 2.5kg,Snowy,flour,2.5kg,bale,10,495.00,ZMW,bread flour,30,1,true\n"
    )
    assert resolved("dairyland 500ml ctn 5", index) == [("M1", 5)]
    # Bread flour is flour too: which of the two is asked.
    assert [set(item.candidates) for item in parse_order("snowy 2.5kg 4 bales", index).ambiguous] == [{"F1", "F2"}]


def test_a_kind_in_several_local_words_one_alias_writes_narrows_nothing_among_its_brands_goods() -> None:
    index = catalog_index(
        "S1,Zavo Cream Bar Soap 800g,Zavo,soap,800g,carton,20,3400.00,KES,zavo|sabuni ya kufua,50,1,true\n"
        "S2,Zavo White Bar Soap 800g,Zavo,soap,800g,carton,20,3400.00,KES,zavo white,50,1,true\n"
        "S3,Jamii Bar Soap 1kg,Jamii,soap,1kg,carton,20,3700.00,KES,jamii|sabuni,50,1,true\n"
    )
    parse = parse_order("sabuni ya kufua zavo 5 carton", index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [{"S1", "S2"}]
    assert resolved("zavo cream ctn 4", index) == [("S1", 4)]
