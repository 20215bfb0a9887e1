"""Orders in the languages of Philippine sari-sari owners: Tagalog, Ilocano and Bikol words and pack words."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def luzon_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(DATA / "luzon_market_catalog.csv"))


def resolved(text: str, index: CatalogIndex) -> list[tuple[str, int]]:
    return [(line.sku, line.quantity) for line in parse_order(text, index).lines]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("innem a case ti pepsi 8oz", [("PP90011", 6)]),
        ("sangapulo a banig ti milo", [("ML60020", 10)]),
        ("tallo nga case ti zonrox 1L ken dua nga case ti mother's best suka", [("ZR12041", 3), ("MB80021", 2)]),
        ("duwang kaso na cobra, ay sala, tulo palan", [("CB90070", 3)]),
        ("anom na kaso kan pepsi 8oz, Dios mabalos", [("PP90011", 6)]),
    ],
)
def test_ilocano_and_bikol_numbers_linkers_and_corrections(
    text: str, expected: list[tuple[str, int]], luzon_index: CatalogIndex
) -> None:
    assert resolved(text, luzon_index) == expected


def test_an_article_after_a_number_links_it_to_the_unit_and_alone_still_counts_one(luzon_index: CatalogIndex) -> None:
    assert resolved("siam a pack ti rebisco", luzon_index) == [("RB15010", 9)]
    assert resolved("a case of pepsi 8oz", luzon_index) == [("PP90011", 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("apat na ream na marlboro red", [("MR11010", 4)]), ("bond paper short 3 ream", [("HC16030", 3)])],
)
def test_a_ream_counts_cigarette_cartons_and_packs_of_paper(
    text: str, expected: list[tuple[str, int]], luzon_index: CatalogIndex
) -> None:
    assert resolved(text, luzon_index) == expected


def test_one_more_in_tagalog_and_bikol_counts_one(luzon_index: CatalogIndex) -> None:
    assert resolved("isa pang kahon ng homi beef", luzon_index) == [("HM10201", 1)]
    assert resolved("saro pang kahon na homi chicken", luzon_index) == [("HM10202", 1)]


def test_a_3in1_name_still_has_its_plain_product(luzon_index: CatalogIndex) -> None:
    assert resolved("san mig 10 pack", luzon_index) == [("SG70010", 10)]
    assert resolved("san mig sugar free 5 pack", luzon_index) == [("SG70011", 5)]
