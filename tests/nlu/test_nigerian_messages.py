"""Orders in Pidgin, Yoruba and English to a wholesaler whose price list writes naira price points (`GALA N200`),
oils both `V/OIL` and `VEG OIL`, and pasta beside noodles under one category; owners quote naira amounts
(`at N3,600`, `₦45,000`) beside their orders."""

from __future__ import annotations

import pytest

from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import catalog_index, resolved

ROWS = """\
L101,GALA SAUSAGE ROLL N200 X24 CTN,Gala,SNACKS,N200,carton,24,4200.00,NGN,,80,1,true
L102,GALA SAUSAGE ROLL BIG N300 X24 CTN,Gala,SNACKS,N300,carton,24,6300.00,NGN,,60,1,true
L111,BIGI COLA 60CL PET X12 PK,Bigi,SOFT DRINK,60cl,pack,12,3600.00,NGN,,150,1,true
L121,PEAK POWDER SACHET 16G X10 PK,Peak,MILK,16g,pack,10,1650.00,NGN,,300,1,true
L131,INDOMIE CHICKEN 70G X40 CTN,Indomie,NOODLES/PASTA,70g,carton,40,9800.00,NGN,,400,1,true
L132,G/PENNY NOODLES CHICKEN 70G X40 CTN,Golden Penny,NOODLES/PASTA,70g,carton,40,8600.00,NGN,,140,1,true
L133,G/PENNY SPAGHETTINI 250G X40 CTN,Golden Penny,NOODLES/PASTA,250g,carton,40,17200.00,NGN,,40,1,true
L141,POWER OIL 1LTR BTL,Power,VEG OIL,1L,bottle,1,2950.00,NGN,,600,1,true
L142,KINGS VEG OIL 1LTR BTL,Kings,VEG OIL,1L,bottle,1,2800.00,NGN,,400,1,true
L151,TITUS SARDINE IN V/OIL 125G X50 CTN,Titus,TIN FISH,125g,carton,50,47500.00,NGN,,100,1,true
L161,OVALTINE REFILL 400G X12 CTN,Ovaltine,BEVERAGE,400g,carton,12,33600.00,NGN,,0,1,true
L171,DEVON KINGS VEG OIL 25LTR JERRYCAN,Devon Kings,VEG OIL,25L,jerrycan,1,64500.00,NGN,,25,1,true
"""


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return catalog_index(ROWS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bigi cola 10 pack at N3,600", [("L111", 10)]),
        ("bigi cola 10 pack at ₦3,600", [("L111", 10)]),
        ("I don transfer ₦45,000, send 5 ctn indomie", [("L131", 5)]),
        ("the peak sachet wey be ₦1,650 per pack, send 10", [("L121", 10)]),
    ],
)
def test_a_naira_amount_written_in_thousands_is_money_not_an_item(
    text: str, expected: list[tuple[str, int]], index: CatalogIndex
) -> None:
    parse = parse_order(text, index)
    assert resolved(text, index) == expected
    assert not parse.unknown and not parse.ambiguous


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gala 200 2 ctn", [("L101", 2)]),
        ("2 carton gala 300", [("L102", 2)]),
        ("gala 200 naira one 5 ctn", [("L101", 5)]),
    ],
)
def test_a_brand_a_keypad_spelling_of_a_pack_word_would_spell_names_the_brand(
    text: str, expected: list[tuple[str, int]], index: CatalogIndex
) -> None:
    assert resolved(text, index) == expected


@pytest.mark.parametrize("text", ["Elo ni carton Gala 300 bayi?", "HM ctn gala 300"])
def test_a_price_asked_of_a_price_point_names_that_pack(text: str, index: CatalogIndex) -> None:
    assert [line.sku for line in parse_order(text, index).lines] == ["L102"]


def test_vegetable_oil_asks_among_the_oils_not_the_sardine_in_oil(index: CatalogIndex) -> None:
    parse = parse_order("vegetable oil 1 litre 5 bottles", index)
    assert not parse.lines
    assert [sorted(item.candidates) for item in parse.ambiguous] == [["L141", "L142"]]


@pytest.mark.parametrize("text", ["ovaltine don finish?", "e don finish? the ovaltine"])
def test_asking_whether_an_item_is_sold_out_asks_about_it(text: str, index: CatalogIndex) -> None:
    assert [line.sku for line in parse_order(text, index).lines] == ["L161"]


def test_noodles_of_a_brand_leave_out_its_spaghettini(index: CatalogIndex) -> None:
    assert resolved("golden penny noodles 6 carton", index) == [("L132", 6)]


ROLL_ROWS = """\
R1,PEAK POWDER SACHET 16G ROLL X10,Peak,MILK,16g,pack,10,1650.00,NGN,,300,1,true
R2,"Softcare Toilet Tissue, pack of 10 rolls",Softcare,tissue,,pack,10,190.00,GHS,,60,1,true
R3,"Twiga Toilet Tissue, bale of 48",Twiga,tissue,roll,bale,48,2400.00,TZS,,60,1,true
R4,Steelcraft Barbed Wire 20kg roll,Steelcraft,hardware,20kg,piece,1,3400.00,KES,,40,1,true
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("peak sachet 10 roll", [("R1", 10)]),
        ("peak 50 sachets", [("R1", 5)]),
        ("softcare tissue 20 rolls", [("R2", 2)]),
        ("twiga tissue 96 rolls", [("R3", 2)]),
        ("barbed wire 2 rolls", [("R4", 2)]),
    ],
)
def test_a_roll_is_a_pack_of_sachets_or_a_piece_and_counts_pieces_where_a_name_counts_rolls(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert resolved(text, catalog_index(ROLL_ROWS)) == expected


@pytest.mark.parametrize(
    "text", ["akpa garri abuo na katon indomie ato", "biko nye m akpa garri abuo na katon indomie ato"]
)
def test_and_after_a_count_said_after_its_goods_starts_the_next_item(text: str, index: CatalogIndex) -> None:
    parse = parse_order(text, index)
    assert resolved(text, index) == [("L131", 3)]
    assert [item.phrase for item in parse.unknown] == ["akpa garri abuo"]


@pytest.mark.parametrize("text", ["devon kings 25l 2 jery can", "devon kings 25l 2 jerycan", "devon kings 2 jerry can"])
def test_a_jerrycan_spelt_with_one_r_is_the_jerrycan(text: str, index: CatalogIndex) -> None:
    assert resolved(text, index) == [("L171", 2)]


CODE_ROWS = """\
IND-CH-70,INDOMIE CHICKEN 70G X40 CTN,Indomie,NOODLES,70g,carton,40,9800.00,NGN,,400,1,true
PWR-1L-BT,POWER OIL 1LTR BTL,Power,VEG OIL,1L,bottle,1,2950.00,NGN,,600,1,true
PWR-1L-CT,POWER OIL 1LTR X12 CTN,Power,VEG OIL,1L,carton,12,34800.00,NGN,,80,1,true
DNO-SL-SCH,DANO SLIM SACHET 14G ROLL X10,Dano,MILK,14g,pack,10,1350.00,NGN,,120,1,true
2100101,LUCKY ME PANCIT CANTON 60G X72 /BX,Lucky Me,Noodles,60g,box,72,1044.00,PHP,,180,1,true
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IND-CH-70 x 10", [("IND-CH-70", 10)]),
        ("ind-ch-70 5", [("IND-CH-70", 5)]),
        ("PWR-1L-BT 12, PWR-1L-CT 2", [("PWR-1L-BT", 12), ("PWR-1L-CT", 2)]),
        ("2 ctn IND-CH-70 and DNO-SL-SCH 5", [("IND-CH-70", 2), ("DNO-SL-SCH", 5)]),
    ],
)
def test_a_code_copied_from_the_price_list_names_its_sku(text: str, expected: list[tuple[str, int]]) -> None:
    assert resolved(text, catalog_index(CODE_ROWS)) == expected


def test_an_amount_that_is_a_numeric_code_stays_an_amount() -> None:
    assert resolved("indomie 5 ctn", catalog_index(CODE_ROWS)) == [("IND-CH-70", 5)]
    assert not parse_order("2100101", catalog_index(CODE_ROWS)).lines
