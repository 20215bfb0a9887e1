"""Half a pack: one SKU of exactly half the content when the catalog sells it, otherwise a line of none flagged as
not whole packs, so the amount is asked."""

from __future__ import annotations

import pytest

from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import catalog_index

ROWS = """\
H01,Zuri Sugar 50kg bag,Zuri,sugar,50kg,bag,1,7000.00,ZZZ,zuri,10,1,true
H02,Zuri Sugar 25kg bag,Zuri,sugar,25kg,bag,1,3600.00,ZZZ,zuri,10,1,true
H03,Zuri Sugar 10kg bag,Zuri,sugar,10kg,bag,1,1500.00,ZZZ,zuri,10,1,true
H04,"Zuri Sugar 1kg, bale of 24",Zuri,sugar,1kg,bale,24,3500.00,ZZZ,zuri,10,1,true
H05,"Zuri Sugar 2kg, bale of 12",Zuri,sugar,2kg,bale,12,3500.00,ZZZ,zuri,10,1,true
H06,"Zuri Sugar 500g, bale of 24",Zuri,sugar,500g,bale,24,1800.00,ZZZ,zuri,10,1,true
H10,Kito Sugar 50kg bag,Kito,sugar,50kg,bag,1,6900.00,ZZZ,kito,10,1,true
"""


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return catalog_index(ROWS)


@pytest.mark.parametrize("text", ["half a bag zuri sugar", "nusu bag zuri", "zuri aadha bori"])
def test_half_pack_is_one_pack_of_half_the_content_when_the_catalog_sells_it(index: CatalogIndex, text: str) -> None:
    parse = parse_order(text, index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("H02", 1)]


@pytest.mark.parametrize(
    ("text", "sku"),
    [("half a bag kito", "H10"), ("setengah bale zuri sugar 2kg", "H05"), ("nusu bale zuri sugar 2kg", "H05")],
)
def test_half_pack_without_a_half_size_pack_is_a_line_of_none_flagged_as_not_whole_packs(
    index: CatalogIndex, text: str, sku: str
) -> None:
    parse = parse_order(text, index)
    assert [(line.sku, line.quantity, line.unit_mismatch) for line in parse.lines] == [(sku, 0, True)]
    assert not parse.ambiguous and not parse.unknown


def test_half_pack_asks_when_two_packs_of_the_full_content_exist(index: CatalogIndex) -> None:
    parse = parse_order("half a bale zuri", index)
    assert not parse.lines and len(parse.ambiguous) == 1


def test_half_pack_asks_when_the_brand_is_not_named(index: CatalogIndex) -> None:
    parse = parse_order("half a bag sugar", index)
    assert not parse.lines and len(parse.ambiguous) == 1


@pytest.mark.parametrize("text", ["3 bales zuri sugar 2kg and a half", "zuri sugar 2kg 3 bales na nusu"])
def test_a_half_after_a_counted_item_is_half_a_pack_more_never_an_item_of_its_own(
    index: CatalogIndex, text: str
) -> None:
    parse = parse_order(text, index)
    assert [(line.sku, line.quantity, line.unit_mismatch) for line in parse.lines] == [("H05", 3, True)]
    assert not parse.ambiguous and not parse.unknown


@pytest.mark.parametrize(
    "text",
    ["satu setengah bale zuri sugar 2kg", "1 setengah bale zuri sugar 2kg", "one and a half bales zuri sugar 2kg"],
)
def test_a_count_and_a_half_before_its_pack_word_is_one_line_flagged_as_not_whole_packs(
    index: CatalogIndex, text: str
) -> None:
    parse = parse_order(text, index)
    assert [(line.sku, line.quantity, line.unit_mismatch) for line in parse.lines] == [("H05", 1, True)]
    assert not parse.ambiguous and not parse.unknown
