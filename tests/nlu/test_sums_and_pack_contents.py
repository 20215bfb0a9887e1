"""Figures beside an order that count nothing: the sender's own sum (`total 408`, `jumla 4000`, `总共408元`), money
in thousands (`nina 5k tu`), what each pack holds (`2 case 100s`, `24's`), and the price each costs (`@2350`)."""

from __future__ import annotations

import pytest

from nlu import CatalogIndex
from tests.nlu.conftest import catalog_index
from tests.nlu.test_other_market import resolved

ROWS = """\
S301,"Isda Sardines 155g, case of 100",Isda,canned fish,155g,case,100,2350.00,PHP,isda,150,1,true
S302,"Bahari Tuna 155g, case of 48",Bahari,canned fish,155g,case,48,2900.00,PHP,bahari,90,1,true
S303,"Pamba Soap 200g, carton of 24",Pamba,soap,200g,carton,24,1200.00,KES,pamba,80,1,true
S304,"Hongli Cola 330ml, case of 24",Hongli,soft drinks,330ml,case,24,60.00,CNY,红力可乐,80,1,true
"""


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return catalog_index(ROWS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("isda 2 case, bahari 3 case, total 408", [("S301", 2), ("S302", 3)]),
        ("isda 2 case\nbahari 3 case\ntotal 5", [("S301", 2), ("S302", 3)]),
        ("isda 2 case at bahari 3 case lahat 5", [("S301", 2), ("S302", 3)]),
        ("pamba 2 ctn na bahari 1 case jumla 4000", [("S303", 2), ("S302", 1)]),
        ("pamba 2 ctn, bahari 1 case, kul 500 rs", [("S303", 2), ("S302", 1)]),
        ("红力可乐2箱，pamba 3 ctn，总共408元", [("S304", 2), ("S303", 3)]),
        ("isda 2 case, bahari 3 case, total: 408", [("S301", 2), ("S302", 3)]),
        ("isda 2 case, bahari 3 case, total = ₱408", [("S301", 2), ("S302", 3)]),
        ("pamba 2 ctn\nbahari 1 case\nJUMLA ksh 4,000.00", [("S303", 2), ("S302", 1)]),
        ("pamba 2 ctn, nina 5k tu", [("S303", 2)]),
        ("isda 2 case, I have 2.5k only", [("S301", 2)]),
    ],
)
def test_the_senders_sum_after_an_order_is_no_item(
    text: str, expected: list[tuple[str, int]], index: CatalogIndex
) -> None:
    assert resolved(text, index) == expected


def test_a_sum_word_before_the_only_amount_still_counts(index: CatalogIndex) -> None:
    assert resolved("isda total 3 case", index) == [("S301", 3)]


@pytest.mark.parametrize(
    "text",
    [
        "isda 2 case 100s",
        "isda 2 case 100's",
        "isda 2 cs 100s",
        "isda 2 case x100",
        "isda 2 case per 100",
        "isda 155g 100s 2 case",
        "isda 155g 100's 2 case",
    ],
)
def test_what_each_pack_holds_after_the_count_names_the_pack(text: str, index: CatalogIndex) -> None:
    assert resolved(text, index) == [("S301", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("isda 2 case @2350", [("S301", 2)]),
        ("pamba 3 ctn @ 1200, bahari 1 case", [("S303", 3), ("S302", 1)]),
        ("pamba 200g 3 ctn @50 = 150", [("S303", 3)]),
    ],
)
def test_a_price_after_an_at_sign_is_no_amount(text: str, expected: list[tuple[str, int]], index: CatalogIndex) -> None:
    assert resolved(text, index) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("isda 2 case 2350/cs, bahari 1 case 2900/case", [("S301", 2), ("S302", 1)]),
        ("pamba 3 ctn (1200)", [("S303", 3)]),
        ("isda 2 case (2350), bahari 1 case", [("S301", 2), ("S302", 1)]),
    ],
)
def test_a_price_over_a_unit_or_in_brackets_after_the_count_is_no_amount(
    text: str, expected: list[tuple[str, int]], index: CatalogIndex
) -> None:
    assert resolved(text, index) == expected


def test_a_pack_said_by_what_it_holds_before_the_count_picks_that_pack() -> None:
    rows = """\
L1,SRD LIGO RED TS 155G X100,Ligo,CANNED GOODS,155g,case,100,2390.00,PHP,,140,1,true
L2,SRD LIGO RED TS 425G X24,Ligo,CANNED GOODS,425g,case,24,1560.00,PHP,,40,1,true
"""
    index = catalog_index(rows)
    assert resolved("ligo red x100 3 case", index) == [("L1", 3)]
    assert resolved("ligo red x24 2 case", index) == [("L2", 2)]
    assert resolved("ligo red 3 case x100", index) == [("L1", 3)]
