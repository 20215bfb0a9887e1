"""Orders from Hindi-belt kirana and paan shops, read against a distributor's price list (`MRP 10`, `LDI`, `PTI`)."""

from __future__ import annotations

import pytest

from nlu import CatalogIndex
from tests.nlu.conftest import catalog_index, resolved

ROWS = """\
HB-PG-5,PARLE-G GLUCO BISCUIT MRP 5 (CS 1X144),Parle,BISCUIT,50g,case,144,640.00,INR,parle g,300,1,true
HB-PG-10,PARLE-G GLUCO BISCUIT MRP 10 (CS 1X72),Parle,BISCUIT,100g,case,72,640.00,INR,parle g,250,1,true
HB-MG-14,MAGGI MASALA NOODLES 70G MRP 14 (CS 1X96),Nestle,NOODLES,70g,case,96,1230.00,INR,maggi,260,1,true
HB-SE-1K,SURF EXCEL EASY WASH 1KG (CS 1X24),HUL,DETERGENT,1kg,case,24,3000.00,INR,surf,50,1,true
HB-SE-10,SURF EXCEL EASY WASH MRP 10 POUCH (LDI 1X24),HUL,DETERGENT,80g,pack,24,228.00,INR,surf 10 wala,200,1,true
HB-LB-10,LIFEBUOY TOTAL SOAP MRP 10 (CS 1X144),HUL,SABUN,46g,case,144,1310.00,INR,lifebuoy,160,1,true
HB-LB-100,LIFEBUOY TOTAL SOAP 100G (CS 1X18),HUL,SABUN,100g,case,18,1710.00,INR,lifebuoy,40,1,true
HB-CP-1,CLINIC PLUS SHAMPOO MRP 1 (LDI 16 PC),HUL,SHAMPOO,5.5ml,pack,16,14.00,INR,clinic plus,400,5,true
HB-CP-2,CLINIC PLUS SHAMPOO MRP 2 (LDI 16 PC),HUL,SHAMPOO,7.5ml,pack,16,28.00,INR,clinic plus,150,5,true
"""


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return catalog_index(ROWS)


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # An alias that writes `10 wala` leaves `wala` no word of a name: every `10 wala` still names a price point.
        ("lifebuoy 10 wala 5 peti", [("HB-LB-10", 5)]),
        ("parle g 10 wala 3 peti", [("HB-PG-10", 3)]),
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
