"""Catalogs exported from a distributor's ERP (`COCA COLA 500ML PET 12X`, `JAMAA BAR SOAP 175G CTN 72X`): no
local names, sizes only in the name, read the way store owners name the goods."""

from __future__ import annotations

import pytest

from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import catalog_index, resolved

ROWS = (
    "CC3,COCA COLA 300ML RGB CRT24,Coca-Cola,BEV-CSD,,crate,24,12500.00,TZS,,90,1,true\n"
    "CC5,COCA COLA 500ML PET 12X,Coca-Cola,BEV-CSD,,case,12,10800.00,TZS,,90,1,true\n"
    "CZ5,COKE ZERO 500ML PET 12X,Coca-Cola,BEV-CSD,,case,12,10800.00,TZS,,30,1,true\n"
    "SP3,SPRITE 300ML RGB CRT24,Sprite,BEV-CSD,,crate,24,12500.00,TZS,,90,1,true\n"
    "JB8,JAMAA BAR SOAP 800G CTN 20X,Jamaa,HPC-SOAP,,carton,20,56000.00,TZS,,70,1,true\n"
    "JB1,JAMAA BAR SOAP 175G CTN 72X,Jamaa,HPC-SOAP,,carton,72,50000.00,TZS,,50,1,true\n"
    "KO5,KORIE SUNFL OIL 5LTR JCN,Korie,FOOD-OIL,,jerrycan,1,26000.00,TZS,,50,1,true\n"
    "FO3,FANTA ORG 300ML RGB CRT24,Fanta,BEV-CSD,,crate,24,12500.00,TZS,,150,1,true\n"
    "FP3,FANTA PSN 300ML RGB CRT24,Fanta,BEV-CSD,,crate,24,12500.00,TZS,,80,1,true\n"
    "AM1,AZAM MANGO JCE 1LTR 12X,Azam,BEV-JUICE,,carton,12,26400.00,TZS,,60,1,true\n"
    "AO1,AZAM ORG JCE 1LTR 12X,Azam,BEV-JUICE,,carton,12,26400.00,TZS,,60,1,true\n"
)


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return catalog_index(ROWS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `coke` is Coca-Cola however the catalog writes it, and the unqualified name is not the Zero
        ("coke 500ml case 4", [("CC5", 4)]),
        ("kreti 5 coke 300ml", [("CC3", 5)]),
        ("coke zero 500ml case 1", [("CZ5", 1)]),
        # Swahili for the small one picks the smaller size of a brand's goods of one kind
        ("jamaa ndogo ctn 3", [("JB1", 3)]),
        # `badala ya` (instead of) takes back the amount after it, as `instead of` does
        ("korie 5L mitungi 3 badala ya 2", [("KO5", 3)]),
        ("korie 5L mitungi 2, badala yake 3", [("KO5", 3)]),
        # a name's word written without vowels is a word written short, even where a message's chatter spells so
        ("fanta passion 300ml kreti 4", [("FP3", 4)]),
        # the variant a line is said not to be names no second product: the line stays
        ("fanta orange 300 crate 4 not fanta passion", [("FO3", 4)]),
        ("fanta orange 300 kreti 4 sio fanta passion", [("FO3", 4)]),
        # Swahili names of fruit are the flavours the names write in English
        ("juisi ya embe azam lita moja katoni 2", [("AM1", 2)]),
        ("azam chungwa 1L ctn 3", [("AO1", 3)]),
    ],
)
def test_erp_names_read_as_owners_name_the_goods(
    text: str, expected: list[tuple[str, int]], index: CatalogIndex
) -> None:
    assert resolved(text, index) == expected


def test_coke_without_a_size_asks_between_the_coca_colas(index: CatalogIndex) -> None:
    asked = [set(item.candidates) for item in parse_order("coke 5", index).ambiguous]
    assert asked == [{"CC3", "CC5"}]


@pytest.mark.parametrize("text", ["coke 300ml 5 crates, 12 crates", "coke 300ml kreti 5, kreti 12"])
def test_a_second_amount_in_the_same_pack_is_a_second_reading_not_lost(text: str, index: CatalogIndex) -> None:
    assert resolved(text, index) == [("CC3", 17)]


def test_soda_finds_what_a_distributor_files_as_csd(index: CatalogIndex) -> None:
    asked = [set(item.candidates) for item in parse_order("naomba soda za 300ml kreti 6", index).ambiguous]
    assert asked == [{"CC3", "SP3", "FO3", "FP3"}]


SUPERMARKET_ROWS = (
    "P72,Lucky Me! Pancit Canton Original 60g (Box of 72),Lucky Me,Noodles,60g,box,72,1060.00,PHP,,90,1,true\n"
    "P10,Lucky Me! Pancit Canton Original 60g (Pack of 10),Lucky Me,Noodles,60g,pack,10,152.00,PHP,,90,1,true\n"
    "W50,Nature Spring Purified Water 500ml (24 btl/case),Nature Spring,Beverages > Water,500ml,case,24,230.00,PHP,"
    ",90,1,true\n"
    "MD2,Mountain Dew 290ml (12 btl/case),Mountain Dew,Beverages > Soft Drinks,290ml,case,12,190.00,PHP,,60,1,true\n"
    "CK1,Coca-Cola Regular 1.5L (12 btl/case),Coca-Cola,Beverages > Soft Drinks,1.5L,case,12,870.00,PHP,,60,1,true\n"
    "EC3,Eight O'Clock Calamansi Juice Drink 30g (Tie of 12),Eight O'Clock,Grocery > Powdered Drinks,30g,pack,12,"
    "120.00,PHP,,90,1,true\n"
)


@pytest.fixture(scope="module")
def supermarket_index() -> CatalogIndex:
    return catalog_index(SUPERMARKET_ROWS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name copied with its pack note: the note says the unit, its count is no amount, and `!` ends no item
        ("Lucky Me! Pancit Canton Original 60g (Box of 72) 3", [("P72", 3)]),
        ("Lucky Me! Pancit Canton Original 60g (Pack of 10) 20 packs", [("P10", 20)]),
        ("Nature Spring Purified Water 500ml (24 btl/case) - 5", [("W50", 5)]),
        # a letter the name writes an apostrophe after, typed apart
        ("eight o clock calamansi 4 tie", [("EC3", 4)]),
    ],
)
def test_names_copied_from_a_supermarket_export_order_the_amount_said(
    text: str, expected: list[tuple[str, int]], supermarket_index: CatalogIndex
) -> None:
    assert resolved(text, supermarket_index) == expected


def test_a_fraction_size_sold_only_of_other_goods_is_not_sold(supermarket_index: CatalogIndex) -> None:
    parse = parse_order("coke 1.5 2 case, 2 case mountain dew 1.5", supermarket_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("CK1", 2)]
    assert [item.phrase for item in parse.unknown] == ["2 case mountain dew 1.5"]


def test_an_alias_said_in_full_wins_over_another_brand_sharing_some_of_its_words() -> None:
    rows = (
        "SML,San Mig Light 330ml Can x 24,San Miguel,Liquor > Beer,330ml,case,24,1420.00,PHP,san mig light,40,1,true\n"
        "GBL,GSM Blue Light Gin 350ml x 24,Ginebra San Miguel,Gin,350ml,case,24,1580.00,PHP,gsm blue,50,1,true\n"
    )
    assert resolved("san mig light 2 case", catalog_index(rows)) == [("SML", 2)]
