"""Names a distributor writes short (`SOY SCE`, `CHKN`, `SHMP`, `PCANTON`, `ORIG`) read as the words owners type."""

from __future__ import annotations

import pytest

from nlu import CatalogIndex, parse_order
from nlu.abbreviations import glued_word, shortens
from tests.nlu.conftest import catalog_index, resolved

ROWS = (
    "K1,ZORA SOY SCE 1L X 12,Zora,FOOD-CONDIMENTS,1L,case,12,840.00,PHP,,80,1,true\n"
    "K2,ZORA SOY SCE 200ML PCH X 48,Zora,FOOD-CONDIMENTS,200ml,case,48,720.00,PHP,,90,1,true\n"
    "K3,BELO VNGR 1L X 12,Belo,FOOD-CONDIMENTS,1L,case,12,720.00,PHP,,90,1,true\n"
    "K4,TIKO INST NDLS CHKN 55G X 72,Tiko,FOOD-NOODLES,55g,box,72,864.00,PHP,,100,1,true\n"
    "K5,TIKO INST NDLS BEEF 55G X 72,Tiko,FOOD-NOODLES,55g,box,72,864.00,PHP,,100,1,true\n"
    "K6,TIKO PCANTON ORIG 60G X 72,Tiko,FOOD-NOODLES,60g,box,72,1080.00,PHP,,200,1,true\n"
    "K7,TIKO PCANTON XTRA HOT 60G X 72,Tiko,FOOD-NOODLES,60g,box,72,1080.00,PHP,,90,1,true\n"
    "K8,LUMA SHMP PINK 13ML 12S,Luma,HPC-HAIR,13ml,pack,12,66.00,PHP,,300,5,true\n"
    "K9,LUMA COND PINK 13ML 12S,Luma,HPC-HAIR,13ml,pack,12,66.00,PHP,,300,5,true\n"
    "K10,RENA VIENNA SAUS 130G X 48,Rena,FOOD-CANNED,130g,case,48,1780.00,PHP,,70,1,true\n"
    "K11,NOVA CANDLE #5 12S,Nova,GM,#5,dozen,12,96.00,PHP,,150,1,true\n"
    "K12,VIMBA COLA REG 1.5L X 12,Vimba,BEV-CSD,1.5L,case,12,816.00,PHP,,90,1,true\n"
    "K13,VIMBA COLA ZERO 1.5L X 12,Vimba,BEV-CSD,1.5L,case,12,840.00,PHP,,60,1,true\n"
    "K14,FINE SALT 1KG X 25,,FOOD-CONDIMENTS,1kg,bale,25,450.00,PHP,,60,1,true\n"
    "K15,BROWN SUGAR 1KG REPACK X 20,,FOOD-STAPLES,1kg,bale,20,1240.00,PHP,,50,1,true\n"
    "K16,WASHED SUGAR 1KG REPACK X 20,,FOOD-STAPLES,1kg,bale,20,1500.00,PHP,,40,1,true\n"
    "K17,MIRA PWD MLK 33G 12S (TALI),Mira,FOOD-DAIRY,33g,pack,12,156.00,PHP,,500,5,true\n"
    "K18,MIRA PWD MLK 150G X 24,Mira,FOOD-DAIRY,150g,box,24,1632.00,PHP,,60,1,true\n"
    "K19,SELA TP FRESH MINT 25ML X 12,Sela,HPC-ORAL,25ml,box,12,264.00,PHP,,120,1,true\n"
    "K20,SELA TP GREAT REG 150ML X 12,Sela,HPC-ORAL,150ml,box,12,1140.00,PHP,,60,1,true\n"
    "K21,Novo Coffee 3-in-1 Original 28g - 10 sachets/pack,Novo,Coffee,28g,pack,10,80.00,PHP,,300,5,true\n"
    "K22,Novo Coffee Classic 2g Stick - 48 sticks/pack,Novo,Coffee,2g,pack,48,96.00,PHP,,200,5,true\n"
    "K23,Novo Coffee 3-in-1 Original 28g W/ Free Mug - 10 sachets/pack,Novo,Coffee,28g,pack,10,95.00,PHP,,30,1,true\n"
    "K24,RADO HILL BEER 500ML X 12,Rado Hill,BEV-ALCO,500ml,case,12,720.00,PHP,,100,1,true\n"
    "K25,OMA TUNA FLKS H&S 155G X 48,Oma,FOOD-CANNED,155g,case,48,1776.00,PHP,,70,1,true\n"
    "K26,PIKO SARD HOT&SPICY 155G X 100,Piko,FOOD-CANNED,155g,case,100,2400.00,PHP,,90,1,true\n"
    "K27,H&S SHMP COOL MENTHOL 12ML 12S,Head & Shoulders,HPC-HAIR,12ml,pack,12,84.00,PHP,,300,5,true\n"
)


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return catalog_index(ROWS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("soy sauce 1L 3 case", [("K1", 3)]),
        ("toyo 1 litro 2 kaha", [("K1", 2)]),
        ("vinegar 1L 2 case", [("K3", 2)]),
        ("tiko noodles chicken 2 box", [("K4", 2)]),
        ("canton 5 box", [("K6", 5)]),
        ("canton original 5 box", [("K6", 5)]),
        ("canton xtra hot 2 box", [("K7", 2)]),
        ("shampoo pink 10 pack", [("K8", 10)]),
        ("vienna sausage 1 case", [("K10", 1)]),
        # a kind of goods said in the other number than the catalog writes it
        ("kandila 3 dosena", [("K11", 3)]),
        # `REG` is the plain product, as `regular` is
        ("vimba cola 1.5 2 case", [("K12", 2)]),
        ("asin 2 putos", [("K14", 2)]),
        ("asukal pula 3 bale", [("K15", 3)]),
        ("asukal puti 1kg 2 bale", [("K16", 2)]),
        ("vimba zero 2 case, usba, 3 na lang", [("K13", 3)]),
        ("yung dati po, dagdag lang 2 case vimba zero", [("K13", 2)]),
        # `(TALI)`: the name calls the pack by the word the owner types
        ("mira 5 tali", [("K17", 5)]),
        ("mira 150g 2 box", [("K18", 2)]),
        ("3 kahon pancit canton xtra hot", [("K7", 3)]),
        # a size word picks among a brand's goods of one kind, whatever their flavour
        ("sela dako 1 box", [("K20", 1)]),
        ("sela gamay 2 box", [("K19", 2)]),
        # `3-in-1` in a name is the `3in1` owners type
        ("novo 3in1 10 pack", [("K21", 10)]),
        ("novo 3 in 1 10 pack", [("K21", 10)]),
        ("novo stick 5 pack, gawin mong 6", [("K22", 6)]),
        ("tolong box tiko beef", [("K5", 3)]),
        # what a name writes after `W/` comes with the product: `with mug` is no second item
        ("novo 3in1 with mug 3 pack", [("K23", 3)]),
        ("novo stick 2 pack with zora pouch 1 case", [("K22", 2), ("K2", 1)]),
        # a brand of several words by its initials
        ("RH 500 5cs", [("K24", 5)]),
        # letters joined by `&` (H&S) are the words another name joins so (HOT&SPICY), but not the brand's own
        ("oma tuna hot and spicy 1 case", [("K25", 1)]),
        ("head and shoulders 10 pack", [("K27", 10)]),
    ],
)
def test_words_the_catalog_writes_short_name_its_products(
    text: str, expected: list[tuple[str, int]], index: CatalogIndex
) -> None:
    assert resolved(text, index) == expected


def test_a_short_packaging_word_leaves_the_sizes_one_product(index: CatalogIndex) -> None:
    parse = parse_order("zora 3 case", index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [{"K1", "K2"}]
    assert resolved("zora pouch 2 case", index) == [("K2", 2)]


@pytest.mark.parametrize(
    ("short", "full", "written_short"),
    [
        ("sce", "sauce", True),
        ("chkn", "chicken", True),
        ("pwd", "powder", True),
        ("orig", "original", True),
        ("big", "bigas", False),
        ("mang", "mango", False),
        ("tea", "teacher", False),
        ("sauce", "sce", False),
        ("water", "watermelon", False),
        ("salt", "salted", False),
        ("ssg", "sausage", True),
        ("sg", "sausage", False),
        ("all", "allow", False),
    ],
)
def test_what_counts_as_a_word_written_short(short: str, full: str, written_short: bool) -> None:
    assert shortens(short, full) is written_short


@pytest.mark.parametrize(("word", "glued"), [("pcanton", "canton"), ("sprite", None), ("bread", None), ("lgmyl", None)])
def test_a_letter_glued_to_a_word_only_where_no_syllable_starts(word: str, glued: str | None) -> None:
    assert glued_word(word) == glued


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("canton orig 4 kahon", [("G1", 4)]),
        ("pancit canton kalamansi 2bx", [("G2", 2)]),
        # a short form of one word (`CNDL` candle) is no letter glued to another
        ("kandila 2 dosena", [("G3", 2)]),
    ],
)
def test_a_letter_glued_to_a_word_written_short_names_the_two_words(text: str, expected: list[tuple[str, int]]) -> None:
    rows = (
        "G1,BN PCTN ORIG 60G 72S,Bini,NOODLES,60g,box,72,1044.00,PHP,,180,1,true\n"
        "G2,BN PCTN KLMNSI 60G 72S,Bini,NOODLES,60g,box,72,1044.00,PHP,,90,1,true\n"
        "G3,LIWA CNDL #5 12S,Liwa,GEN MERCH,#5,dozen,12,96.00,PHP,,150,1,true\n"
    )
    assert resolved(text, catalog_index(rows)) == expected


INITIALS_ROWS = (
    "C1,ZORRO CB 150G 48S,Zorro,DE LATA,150g,case,48,1920.00,PHP,,100,1,true\n"
    "C2,ZORRO CB 260G 24S,Zorro,DE LATA,260g,case,24,1680.00,PHP,,50,1,true\n"
    "C3,ZORRO IM BEEF 55G 72S,Zorro,NOODLES,55g,box,72,828.00,PHP,,120,1,true\n"
    "C4,SMB PALE PLSN 320ML 24S,San Miguel,ALAK,320ml,case,24,1150.00,PHP,,200,1,true\n"
)


@pytest.mark.parametrize(
    ("text", "expected"), [("corned beef 260 2cs", [("C2", 2)]), ("zorro corned beef 150g 2 cs", [("C1", 2)])]
)
def test_two_words_a_name_writes_by_their_initials_name_it(text: str, expected: list[tuple[str, int]]) -> None:
    assert resolved(text, catalog_index(INITIALS_ROWS)) == expected


def test_initials_of_a_brand_are_no_name_two_words_make() -> None:
    assert not parse_order("san marino 5 case", catalog_index(INITIALS_ROWS)).lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("piko hot and spicy usa ka kaha", [("L2", 1)]),
        ("piko sardinas hot n spicy 2 case", [("L2", 2)]),
        ("pork n beans 2 cs", [("L3", 2)]),
    ],
)
def test_words_a_name_joins_by_their_letters_stay_one_item(text: str, expected: list[tuple[str, int]]) -> None:
    rows = (
        "L1,PIKO SARD TS RED 155G 100S,Piko,DE LATA,155g,case,100,2350.00,PHP,,150,1,true\n"
        "L2,PIKO SARD H&S GRN 155G 100S,Piko,DE LATA,155g,case,100,2400.00,PHP,,90,1,true\n"
        "L3,RENA PRK&BNS 230G 48S,Rena,DE LATA,230g,case,48,1340.00,PHP,,90,1,true\n"
    )
    assert resolved(text, catalog_index(rows)) == expected


def test_a_word_whose_consonants_a_name_writes_is_that_word_beside_a_near_spelling() -> None:
    rows = (
        "W1,NOVO 3N1 ORIG 28G 10S TIE,Novo,GATAS/KAPE,28g,pack,10,80.00,PHP,,280,5,true\n"
        "W2,NOVO 3N1 CRMY WHT 29G 10S TIE,Novo,GATAS/KAPE,29g,pack,10,84.00,PHP,,200,5,true\n"
        "W3,CREAM-O CHOCO 33G 10S,Universal Robina,SITSIRYA,33g,pack,10,68.00,PHP,,200,5,true\n"
    )
    assert resolved("novo creamy white 5 tie", catalog_index(rows)) == [("W2", 5)]


def test_a_size_written_in_words_names_the_sku_whose_name_cuts_it_short() -> None:
    rows = (
        "T1,EGGS MED 30S TRAY,,FOOD-FRESH,medium,tray,30,240.00,PHP,,100,1,true\n"
        "T2,EGGS LARGE 30S TRAY,,FOOD-FRESH,large,tray,30,270.00,PHP,,80,1,true\n"
    )
    assert resolved("itlog medium 5 tray", catalog_index(rows)) == [("T1", 5)]


CUT_SHORT_ROWS = (
    'S1,"Oba Spaghetti 400g, carton of 20",Oba,pasta,400g,carton,20,260.00,GHS,oba,50,1,true\n'
    'S2,"Indo Instant Noodles Chicken 70g, carton of 40",Indo,noodles,70g,carton,40,170.00,GHS,indo,200,1,true\n'
)


def test_a_word_cut_short_that_begins_a_word_of_the_name_is_that_word() -> None:
    assert resolved("oba spag 2 carton", catalog_index(CUT_SHORT_ROWS)) == [("S1", 2)]


def test_a_word_cut_short_names_the_one_candidate_whose_name_it_begins() -> None:
    rows = (
        "V1,VODACOM VOCHA 1000 BOX 100X,Vodacom,AIRTIME,,box,100,97000.00,TZS,,50,1,true\n"
        "V2,AIRTEL VOCHA 1000 BOX 100X,Airtel,AIRTIME,,box,100,97000.00,TZS,,40,1,true\n"
    )
    assert resolved("vocha voda 1000 box 2", catalog_index(rows)) == [("V1", 2)]


def test_a_word_cut_short_that_begins_no_word_of_the_name_still_asks_to_confirm() -> None:
    parse = parse_order("indo pepp 2 carton", catalog_index(CUT_SHORT_ROWS))
    assert not parse.lines
    assert [(item.candidates, item.reason) for item in parse.ambiguous] == [(("S2",), "confirm")]


TYPED_SHORT = (
    "S1,Tala Pancit Canton Original 60g x72,Tala,Noodles,60g,box,72,1050.00,PHP,,100,1,true\n"
    "S2,Tala Pancit Canton Chilimansi 60g x72,Tala,Noodles,60g,box,72,1050.00,PHP,,100,1,true\n"
    "S3,Bida Pancit Canton 130g x24,Bida,Noodles,130g,box,24,560.00,PHP,,70,1,true\n"
    "S4,Tala Pancit Canton Kalamansi 60g x72,Tala,Noodles,60g,box,72,1050.00,PHP,,100,1,true\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("canton orig 5 box", [("S1", 5)]), ("canton chilim 2 box", [("S2", 2)]), ("tala kalam 3 box", [("S4", 3)])],
)
def test_a_long_catalog_word_typed_short_by_its_start_is_that_word(text: str, expected: list[tuple[str, int]]) -> None:
    assert resolved(text, catalog_index(TYPED_SHORT)) == expected


def test_a_lone_letter_of_a_name_is_too_little_to_order_by() -> None:
    index = catalog_index(
        'G1,"Big G Chewing Gum, box of 100",Big G,snacks,pcs,box,100,450.00,KES,big g|bigg,125,1,true\n'
        'G2,"Tamu Glucose Biscuits 100g, carton of 48",Tamu,snacks,100g,carton,48,960.00,KES,tamu,80,1,true\n'
    )
    unread = parse_order("10 peti parle g", index)
    assert (unread.lines, unread.ambiguous, [item.phrase for item in unread.unknown]) == ((), (), ["10 peti parle g"])
    assert [(line.sku, line.quantity) for line in parse_order("10 peti big g", index).lines] == [("G1", 10)]


TYPED_ROWS = (
    "T1,Tiko Instant Mami Chicken 55g Box/72,Tiko,Noodles,55g,box,72,830.00,PHP,,100,1,true\n"
    "T2,Tiko Instant Mami Beef 55g Box/72,Tiko,Noodles,55g,box,72,830.00,PHP,,100,1,true\n"
    "T3,Kapa Breakfast Mealie Meal 25kg,Kapa,Meal,25kg,bag,1,300.00,ZMW,,100,1,true\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("tiko mami chkn 2 box", [("T1", 2)]), ("kapa brkfst 25kg x 8", [("T3", 8)])],
)
def test_a_word_typed_as_its_consonants_names_the_catalog_word(text: str, expected: list[tuple[str, int]]) -> None:
    assert resolved(text, catalog_index(TYPED_ROWS)) == expected


def test_a_flavour_a_name_writes_by_its_first_word_is_read_whole() -> None:
    index = catalog_index(
        "P1,ZEST PINE 300ML RGB CRT24,Zest,BEV-CSD,300ml,crate,24,480.00,TZS,,50,1,true\n"
        "P2,ZEST ORANGE 300ML RGB CRT24,Zest,BEV-CSD,300ml,crate,24,480.00,TZS,,50,1,true\n"
        "W1,AQUA WATER 500ML CTN24,Aqua,BEV-WATER,500ml,carton,24,300.00,TZS,,50,1,true\n"
    )
    assert resolved("zest pineapple kreti 2", index) == [("P1", 2)]
    assert not resolved("watermelon 2 ctn", index)


def test_a_word_written_short_with_a_consonant_its_word_repeats_names_the_product() -> None:
    rows = """\
V1,PUREFOODS VNNA SSG 130G 48S,Purefoods,DE LATA,130g,case,48,1780.00,PHP,,70,1,true
V2,HUNTS PRK&BNS 230G 48S,Hunt's,DE LATA,230g,case,48,1340.00,PHP,,90,1,true
"""
    assert resolved("vienna sausage 1 case lng", catalog_index(rows)) == [("V1", 1)]


def test_the_initials_of_the_words_a_name_opens_with_name_it_not_a_brand_spelt_alike() -> None:
    rows = (
        "B1,SAN MIG PALE PILSEN 320ML CS/24,San Miguel,LIQUOR,320ml,case,24,1160.00,PHP,,180,1,true\n"
        "B2,SAN MIG LIGHT 330ML CS/24,San Miguel,LIQUOR,330ml,case,24,1210.00,PHP,,80,1,true\n"
        "B3,GSM BLUE 350ML CS/24,Ginebra San Miguel,LIQUOR,350ml,case,24,1460.00,PHP,,70,1,true\n"
    )
    index = catalog_index(rows)
    assert resolved("sml 5 cs", index) == [("B2", 5)]
    assert resolved("3 case pilsen saka 2 case sml", index) == [("B1", 3), ("B2", 2)]
    assert resolved("gsm 2 cs", index) == [("B3", 2)]


def test_a_brands_initials_name_it_beside_an_alias_of_one_of_its_products_that_writes_them() -> None:
    index = catalog_index(
        "G1,3IN1 COFFEE WHITE 30G GREAT TASTE 10S TIE,Great Taste,COFFEE,30g,pack,10,75.00,PHP,gt white,350,1,true\n"
        "G2,3IN1 COFFEE CARAMEL 30G GREAT TASTE 10S TIE,Great Taste,COFFEE,30g,pack,10,78.00,PHP,,150,1,true\n"
    )
    assert resolved("gt caramel 5 tie", index) == [("G2", 5)]
    assert resolved("gt white 5 tie", index) == [("G1", 5)]
