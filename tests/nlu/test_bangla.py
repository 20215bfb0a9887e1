"""Orders written in Bangla (Latin letters) to a Bangladeshi wholesaler: counting and pack words, kinds of goods,
price and stock questions, and names that end in a joining word."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import resolved

CATALOG = Path(__file__).resolve().parent / "data" / "dhaka_market_catalog.csv"


@pytest.fixture(scope="module")
def dhaka_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(CATALOG))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fresh tel 1 litre dui kartun", [("BD-4101", 2)]),
        ("aci lobon choy bale", [("BD-4401", 6)]),
        ("vai 3 bosta miniket pathiye den", [("BD-4605", 3)]),
        ("holud gura 2 kartun ar morich gura 2 kartun", [("BD-4501", 2), ("BD-4502", 2)]),
        ("energy plus 3 ctn", [("BD-5605", 3)]),
        ("speed big 2 case", [("BD-5950", 2)]),
    ],
)
def test_bangla_orders_count_the_item(text: str, expected: list[tuple[str, int]], dhaka_index: CatalogIndex) -> None:
    assert resolved(text, dhaka_index) == expected


def test_a_bangla_word_for_a_kind_asks_among_its_brands(dhaka_index: CatalogIndex) -> None:
    parse = parse_order("gura dudh 500g 4 ctn", dhaka_index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [{"BD-4801", "BD-4805", "BD-4808"}]


def test_a_bangla_price_question_inside_an_order_is_answered(dhaka_index: CatalogIndex) -> None:
    parse = parse_order("lux 3 ctn, ar lifebuoy er dam koto?", dhaka_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("BD-5201", 3)]
    assert [item.candidates for item in parse.price_questions] == [("BD-5205",)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lux 2 ctn, lux er bodole keya den", [("BD-5210", 2)]),
        ("maggi 3 ctn, mr noodles 2 ctn, maggi bad den", [("BD-5501", 2)]),
        ("24 ta mojo 250", [("BD-5001", 1)]),
        ("maggi 3 ctn ar mr noodles 2 ctn, maggi lagbe na", [("BD-5501", 2)]),
    ],
)
def test_bangla_corrections_removals_and_piece_counts(
    text: str, expected: list[tuple[str, int]], dhaka_index: CatalogIndex
) -> None:
    assert resolved(text, dhaka_index) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ফ্রেশ তেল ১ লিটার ৫ কার্টন", [("BD-4101", 5)]),
        ("লাক্স ২ কার্টন", [("BD-5201", 2)]),
        ("ড্যানো ৫০০ গ্রাম ২ কার্টন", [("BD-4801", 2)]),
        ("তীর আটা ৫ বেল", [("BD-4301", 5)]),
        ("রশিদ মিনিকেট চাল ২ বস্তা", [("BD-4605", 2)]),
    ],
)
def test_bengali_script_and_digits_are_read_in_latin_letters(
    text: str, expected: list[tuple[str, int]], dhaka_index: CatalogIndex
) -> None:
    assert resolved(text, dhaka_index) == expected


def test_a_currency_word_without_an_amount_is_no_word_of_the_product(dhaka_index: CatalogIndex) -> None:
    parse = parse_order("teer atta koto taka?", dhaka_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("BD-4301", 1)]


def test_the_price_of_a_product_the_catalog_lacks_is_flagged_not_dropped(dhaka_index: CatalogIndex) -> None:
    parse = parse_order("lux 2 ctn, pepsi er dam koto?", dhaka_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("BD-5201", 2)]
    assert [item.phrase for item in parse.unknown] == ["pepsi"]


@pytest.mark.parametrize("text", ["holud gura 2 kartun, na na 3 kartun", "holud gura 2 kartun na na 3"])
def test_a_bangla_no_no_before_another_amount_corrects_the_amount(text: str, dhaka_index: CatalogIndex) -> None:
    assert resolved(text, dhaka_index) == [("BD-4501", 3)]
