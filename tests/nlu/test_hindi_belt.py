"""Orders from Hindi-belt kirana and paan shops, read against a distributor's price list (`MRP 10`, `LDI`, `PTI`)."""

from __future__ import annotations

import pytest

from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import catalog_index, resolved

ROWS = """\
HB-PG-5,PARLE-G GLUCO BISCUIT MRP 5 (CS 1X144),Parle,BISCUIT,50g,case,144,640.00,INR,parle g,300,1,true
HB-PG-10,PARLE-G GLUCO BISCUIT MRP 10 (CS 1X72),Parle,BISCUIT,100g,case,72,640.00,INR,parle g,250,1,true
HB-PGG-10,PARLE-G GOLD MRP 10 (CS 1X60),Parle,BISCUIT,80g,case,60,540.00,INR,,60,1,true
HB-MG-14,MAGGI MASALA NOODLES 70G MRP 14 (CS 1X96),Nestle,NOODLES,70g,case,96,1230.00,INR,maggi,260,1,true
HB-SE-1K,SURF EXCEL EASY WASH 1KG (CS 1X24),HUL,DETERGENT,1kg,case,24,3000.00,INR,surf,50,1,true
HB-SE-10,SURF EXCEL EASY WASH MRP 10 POUCH (LDI 1X24),HUL,DETERGENT,80g,pack,24,228.00,INR,surf 10 wala,200,1,true
HB-LB-10,LIFEBUOY TOTAL SOAP MRP 10 (CS 1X144),HUL,SABUN,46g,case,144,1310.00,INR,lifebuoy,160,1,true
HB-LB-100,LIFEBUOY TOTAL SOAP 100G (CS 1X18),HUL,SABUN,100g,case,18,1710.00,INR,lifebuoy,40,1,true
HB-CP-1,CLINIC PLUS SHAMPOO MRP 1 (LDI 16 PC),HUL,SHAMPOO,5.5ml,pack,16,14.00,INR,clinic plus,400,5,true
HB-CP-2,CLINIC PLUS SHAMPOO MRP 2 (LDI 16 PC),HUL,SHAMPOO,7.5ml,pack,16,28.00,INR,clinic plus,150,5,true
HB-TS-1,TATA SALT 1KG (BORI 1X25),Tata,NAMAK,1kg,bag,25,640.00,INR,tata namak,400,1,true
HB-TT-250,TATA TEA PREMIUM 250G (CS 1X40),Tata,CHAI PATTI,250g,case,40,5200.00,INR,tata chai,40,1,true
HB-FR-10,FROOTI MANGO DRINK MRP 10 TETRA (CS 1X40),Parle Agro,COLD DRINK,125ml,case,40,340.00,INR,frooti,200,1,true
HB-FR-20,FROOTI MANGO DRINK MRP 20 PET (CS 1X30),Parle Agro,COLD DRINK,250ml,case,30,510.00,INR,frooti,80,1,true
HB-TU-250,THUMS UP 250ML RGB GLASS (CRATE 1X24),Coca-Cola,COLD DRINK,250ml,crate,24,300.00,INR,thums up,120,1,true
HB-TU-250P,THUMS UP 250ML PET (PTI 1X30),Coca-Cola,COLD DRINK,250ml,case,30,480.00,INR,thums up,120,1,true
HB-GD-10,BRIT GOOD DAY CASHEW MRP 10 (CS 1X60),Britannia,BISCUIT,75g,case,60,540.00,INR,good day,180,1,true
HB-GB-10,BRIT GOOD DAY BUTTER MRP 10 (CS 1X60),Britannia,BISCUIT,75g,case,60,540.00,INR,good day,140,1,true
"""


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return catalog_index(ROWS)


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # An alias that writes `10 wala` leaves `wala` no word of a name: every `10 wala` still names a price point.
        ("lifebuoy 10 wala 5 peti", [("HB-LB-10", 5)]),
        # The alias `parle g` names the plain biscuit beside PARLE-G GOLD of the same price point, another weight.
        ("parle g 10 wala 3 peti", [("HB-PG-10", 3)]),
        ("parle g gold 10 wala 2 peti", [("HB-PGG-10", 2)]),
        ("surf 10 wala 10 ladi", [("HB-SE-10", 10)]),
        # `PTI` and `LDI`, a price list's short forms of peti and ladi, count packs.
        ("maggi 14 wala 2 pti", [("HB-MG-14", 2)]),
        ("clinic plus 2 wala 20 ldi", [("HB-CP-2", 20)]),
    ],
)
def test_price_points_and_pack_words_of_a_kirana_price_list(
    text: str, lines: list[tuple[str, int]], index: CatalogIndex
) -> None:
    assert resolved(text, index) == lines


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # `जी`, `ji`: the letter G after the word a name writes it beside (PARLE-G), and a courtesy elsewhere.
        ("पारले जी 5 वाला 2 पेटी", [("HB-PG-5", 2)]),
        ("parle-ji 10 wala 3 peti", [("HB-PG-10", 3)]),
        ("maggi 14 wala 2 peti bhej do ji", [("HB-MG-14", 2)]),
        # Bhojpuri and Maithili: `chahi` (want) is no tea, `rauaa se ... mangwani` (I ask of you) no product.
        ("tata namak 5 bori chahi", [("HB-TS-1", 5)]),
        ("rauaa se 2 peti frooti 10 wala mangwani", [("HB-FR-10", 2)]),
        ("parle g 10 wala 4 tho peti", [("HB-PG-10", 4)]),
        # Devanagari `क्रेट`, and `kanch` (glass), `kaju` (cashew) naming what a name writes in English.
        ("thums up 250 ml 3 क्रेट", [("HB-TU-250", 3)]),
        ("thums up kanch wala 250 ml 2 peti", [("HB-TU-250", 2)]),
        ("good day 10 rs kaju wala 3 cs", [("HB-GD-10", 3)]),
    ],
)
def test_hindi_bhojpuri_and_devanagari_words(text: str, lines: list[tuple[str, int]], index: CatalogIndex) -> None:
    assert resolved(text, index) == lines


def test_a_bhojpuri_price_question_asks_the_price(index: CatalogIndex) -> None:
    parse = parse_order("tata namak ke ka bhaav ba", index)
    assert [line.sku for line in parse.lines] == ["HB-TS-1"]
    assert parse.asks_prices


RIN_ROWS = """\
RN-10,RIN DETERGENT BAR MRP 10 (CS 1X100),HUL,DETERGENT,130g,case,100,950.00,INR,,90,1,true
RN-1K,RIN POWDER 1KG (CS 1X24),HUL,DETERGENT,1kg,case,24,2280.00,INR,,30,1,true
"""


def test_a_chatter_word_opening_an_item_is_the_name_it_is_in_the_catalog() -> None:
    # Tagalog `rin` (also) is RIN where it opens an item with an amount and no other word of a product.
    index = catalog_index(ROWS + RIN_ROWS)
    assert resolved("rin 10 wala 2 peti", index) == [("RN-10", 2)]
    assert resolved("rin 10 wala 2 peti nahi 1 peti", index) == [("RN-10", 1)]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # `surf` alone means the powders, yet `surf hata do` takes off the line that named the pouch `surf 10 wala`.
        ("lifebuoy 10 wala 2 peti, surf 10 wala 5 ladi, surf hata do", [("HB-LB-10", 2)]),
        ("surf excel 1 kg 2 peti, maggi 14 wala 1 peti. surf rehne do", [("HB-MG-14", 1)]),
        ("frooti 10 wala 5 peti aur thums up 250 ml 2 crate. thums up rehne dijiye", [("HB-FR-10", 5)]),
        # `pichhli baar jaisa` (as last time) before the items is no word of a product.
        ("pichhli baar jaisa hi bhejo bas maggi 14 wala 2 peti", [("HB-MG-14", 2)]),
    ],
)
def test_lines_taken_back_in_hindi_and_a_reorder_with_items(
    text: str, lines: list[tuple[str, int]], index: CatalogIndex
) -> None:
    assert resolved(text, index) == lines


SIZES_ROWS = """\
MB-6,MOMBATTI SAFED NO.6 (PKT 6 PC),Local,GENERAL,no.6,pack,6,30.00,INR,candle,200,5,true
MB-10,MOMBATTI SAFED BADA NO.10 (PKT 10 PC),Local,GENERAL,no.10,pack,10,75.00,INR,candle bada,80,5,true
KT-25,KATARNI CHAWAL BHAGALPURI 25KG BORI,Bhagalpuri,CHAWAL,25kg,bag,1,1850.00,INR,katarni,45,1,true
SN-25,SONAM CHAWAL 25KG BORI,Sonam,CHAWAL,25kg,bag,1,1180.00,INR,sonam,80,1,true
"""


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # `bada` (big) names a variant, as `big` does: unsaid, the plain product is meant.
        ("mombatti 10 packet", [("MB-6", 10)]),
        ("mombatti bada 5 pkt", [("MB-10", 5)]),
        # `चावल` read `chaaval` is the list's `CHAWAL`.
        ("कटरनी चावल 3 बोरी", [("KT-25", 3)]),
        ("katarni chaaval 3 bori", [("KT-25", 3)]),
    ],
)
def test_hindi_size_words_and_spellings(text: str, lines: list[tuple[str, int]]) -> None:
    assert resolved(text, catalog_index(SIZES_ROWS)) == lines


def test_a_tetra_pack_is_packaging_not_a_variant(index: CatalogIndex) -> None:
    # FROOTI's TETRA beside its PET: both are what the drink comes in, so `frooti` asks between its sizes.
    parse = parse_order("frooti 4 peti", index)
    assert [set(item.candidates) for item in parse.ambiguous] == [{"HB-FR-10", "HB-FR-20"}]


OIL_ROWS = """\
FK-1P,FORTUNE KACHI GHANI MUSTARD OIL 1L POUCH (12X1L),Fortune,TEL,1L,carton,12,1980.00,INR,,180,1,true
DK-1P,DHARA KACHI GHANI MUSTARD OIL 1L POUCH (12X1L),Dhara,TEL,1L,carton,12,1950.00,INR,,120,1,true
EN-1P,ENGINE KACHI GHANI SARSON TEL 1L POUCH (12X1L),Engine,TEL,1L,carton,12,1840.00,INR,engine,70,1,true
"""


def test_sarson_tel_is_every_mustard_oil_whichever_words_a_name_writes() -> None:
    # One list writes SARSON TEL where the others write MUSTARD OIL: the kind is asked among all of them.
    index = catalog_index(OIL_ROWS)
    parse = parse_order("sarson tel 1 litre 10 peti", index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [{"FK-1P", "DK-1P", "EN-1P"}]
    assert resolved("engine tel 1 litre 3 peti", index) == [("EN-1P", 3)]
    assert resolved("dhara mustard oil 1 ltr 2 peti", index) == [("DK-1P", 2)]


def test_a_price_point_no_name_writes_fits_nothing_where_every_name_writes_one(index: CatalogIndex) -> None:
    # PARLE-G MRP 5 and MRP 10 are sold, no Rs 50 pack: `parle g 50 wala` is flagged, not asked among the others.
    parse = parse_order("parle g 50 wala 2 peti", index)
    assert not parse.lines and not parse.ambiguous
    assert [item.phrase for item in parse.unknown] == ["parle g 50 wala 2 peti"]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # An amount said twice over (`2-2`, `das das`) is that amount of each item before it.
        ("lifebuoy 10 wala aur maggi 14 wala 2-2 peti", [("HB-LB-10", 2), ("HB-MG-14", 2)]),
        ("parle g 5 wala aur parle g 10 wala das das peti", [("HB-PG-5", 10), ("HB-PG-10", 10)]),
        ("clinic plus 1 wala aur clinic plus 2 wala dono 10-10 ladi", [("HB-CP-1", 10), ("HB-CP-2", 10)]),
        # Said of one item, it is that item's amount.
        ("maggi 14 wala 5-5 peti", [("HB-MG-14", 5)]),
    ],
)
def test_an_amount_said_twice_counts_each_item(text: str, lines: list[tuple[str, int]], index: CatalogIndex) -> None:
    assert resolved(text, index) == lines


THICK_ROW = "HB-SS-1,SUNSILK THICK & LONG SHAMPOO MRP 1 (LDI 16 PC),HUL,SHAMPOO,5.5ml,pack,16,14.00,INR,,90,5,true\n"


def test_thik_is_okay_not_a_misspelt_name() -> None:
    # `thik` (okay) is one letter from THICK, the name of a shampoo: it names nothing, with or without an order.
    index = catalog_index(ROWS + THICK_ROW)
    assert resolved("thik hai bhai, maggi 14 wala 2 peti", index) == [("HB-MG-14", 2)]
    assert not parse_order("haan thik hai", index).lines
    assert resolved("sunsilk thick 3 ladi", index) == [("HB-SS-1", 3)]
