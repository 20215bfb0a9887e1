"""How Kenyan town dukas write to a wholesaler on the sample catalog: number words the catalog also writes,
pack notation beside a size, and the other habits the Kenyan town market measures."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import resolved

CATALOG = Path(__file__).resolve().parent / "data" / "kenya_town_catalog.csv"


@pytest.fixture(scope="module")
def town_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(CATALOG))


def test_a_number_word_that_names_a_variant_before_a_unit_is_not_a_count(town_index: CatalogIndex) -> None:
    assert resolved("coke zero case 2", town_index) == [("BEV-COKEZ-500P-24", 2)]


def test_an_everyday_number_word_the_catalog_also_writes_still_counts(town_index: CatalogIndex) -> None:
    text = "sprite 500ml case 2, fanta orange 500ml case 2 na sprite moja zaidi"
    assert resolved(text, town_index) == [("BEV-SPRITE-500P-24", 3), ("BEV-FANTAO-500P-24", 2)]


@pytest.mark.parametrize("text", ["coke 300 x 5 crates", "coke 300ml x5", "5x coke 300"])
def test_a_times_sign_before_a_counted_number_leaves_the_size(town_index: CatalogIndex, text: str) -> None:
    assert resolved(text, town_index) == [("BEV-COKE-300G-24", 5)]


def test_a_times_sign_between_count_and_pack_still_counts_the_first(town_index: CatalogIndex) -> None:
    assert resolved("coke 500ml 2 x 24", town_index) == [("BEV-COKE-500P-24", 2)]


def asked(text: str, index: CatalogIndex) -> list[set[str]]:
    return [set(item.candidates) for item in parse_order(text, index).ambiguous]


def test_a_kind_word_a_catalog_gives_to_one_product_reads_as_the_kind_when_nothing_else_fits(
    town_index: CatalogIndex,
) -> None:
    maize_meal = {"FLR-JOGOO-1KG-24", "FLR-PEMBE-1KG-24", "FLR-SOKO-1KG-24", "FLR-HOSTESS-1KG-24"}
    assert asked("unga ya mahindi 1kg bale 5", town_index) == [maize_meal]
    assert resolved("mahindi gunia 5", town_index) == [("GRN-SOKOBORA-MAIZE-90KG", 5)]


def test_a_description_alias_of_one_brand_asks_among_its_kind(town_index: CatalogIndex) -> None:
    maize_meal = {"FLR-JOGOO-2KG-12", "FLR-PEMBE-2KG-12", "FLR-SOKO-2KG-12", "FLR-HOSTESS-2KG-12", "FLR-JIMBI-2KG-12"}
    assert asked("unga wa ugali 2kg bale 10", town_index) == [maize_meal]


def test_a_kind_said_in_several_words_given_to_one_product_asks_among_that_kind(town_index: CatalogIndex) -> None:
    assert asked("sabuni ya kuoga 100g ctn 2", town_index) == [{"TOI-GEISHA-100G-72", "TOI-PROTEX-HERB-100G-72"}]
    parse = parse_order("sabuni ya kufua ctn 2", town_index)
    assert not parse.lines and len(parse.ambiguous) == 1
    assert {"SOP-MENENGAI-CRM-800G-20", "SOP-JAMAA-1KG-20", "SOP-USHINDI-800G-20"} <= set(parse.ambiguous[0].candidates)


def test_a_carton_typed_for_a_brand_of_bales_and_a_carton_is_asked_not_guessed(town_index: CatalogIndex) -> None:
    parse = parse_order("sunlight 3 ctn", town_index)
    assert not parse.lines and len(parse.ambiguous) == 1
    assert {"DET-SUNLIGHT-500G-24", "DET-SUNLIGHT-1KG-12"} <= set(parse.ambiguous[0].candidates)


def test_a_flavour_said_leaves_out_the_products_that_add_another_flavour(town_index: CatalogIndex) -> None:
    assert resolved("2 ctn indomie chicken 70g", town_index) == [("NOD-INDOMIE-CHK-70G-40", 2)]
    assert asked("indomie chicken 5 ctns", town_index) == [{"NOD-INDOMIE-CHK-70G-40", "NOD-INDOMIE-CHK-120G-40"}]


def test_flavours_stay_equal_alternatives_when_none_is_said(town_index: CatalogIndex) -> None:
    fanta = {"BEV-FANTAO-500P-24", "BEV-FANTAP-500P-24", "BEV-FANTAPN-500P-24", "BEV-FANTABC-500P-24"}
    assert asked("fanta 500ml case 6", town_index) == [fanta]


def test_a_pack_word_in_the_other_number_than_the_catalog_writes_still_names_the_pack(
    town_index: CatalogIndex,
) -> None:
    assert resolved("ketepa tea bag 5 boxes", town_index) == [("TEA-KETEPA-BAGS100", 5)]


def test_a_delivery_time_after_the_product_never_makes_it_a_question(town_index: CatalogIndex) -> None:
    parse = parse_order("Kindly deliver 2 cartons Fresh Fri 2L by kesho asubuhi. Thanks", town_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("OIL-FRESHFRI-2L-6", 2)]
    assert parse.ambiguous == ()


def test_a_number_beside_the_count_that_is_what_a_pack_holds_names_that_pack(town_index: CatalogIndex) -> None:
    assert resolved("rosy ya 40 bale 2", town_index) == [("SAN-ROSY-TP-40", 2)]
    assert asked("rosy bale 2", town_index) == [{"SAN-ROSY-TP-10", "SAN-ROSY-TP-40"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("leta ctn mbili za golden fry ya lita", [("OIL-GOLDENFRY-1L-12", 2)]),
        ("unga jogoo ya kilo bale 2", [("FLR-JOGOO-1KG-24", 2)]),
    ],
)
def test_a_measure_word_alone_after_of_is_one_of_it(
    town_index: CatalogIndex, text: str, expected: list[tuple[str, int]]
) -> None:
    assert resolved(text, town_index) == expected


def test_a_generic_word_in_one_brands_phrase_alias_does_not_make_that_brand_of_the_kind(
    town_index: CatalogIndex,
) -> None:
    oils = asked("mafuta 2 ctn", town_index)
    assert oils and not any(sku.startswith("FAT-") for sku in oils[0])
    assert resolved("mafuta ya kimbo 250g ctn 2", town_index) == [("FAT-KIMBO-250G-48", 2)]


def test_wanting_to_know_a_price_asks_it(town_index: CatalogIndex) -> None:
    parse = parse_order("nataka kujua bei ya mumias 2kg", town_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("SUG-MUMIAS-2KG-12", 1)]
    assert parse.unknown == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("manze nipeni coke 300ml crate 2 jumamosi, nitalipa mpesa", [("BEV-COKE-300G-24", 2)]),
        ("tumieni dasani ya 500ml case 3 kwanza", [("WAT-DASANI-500-24", 3)]),
    ],
)
def test_swahili_requests_days_and_payment_words_are_never_products(
    town_index: CatalogIndex, text: str, expected: list[tuple[str, int]]
) -> None:
    parse = parse_order(text, town_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == expected
    assert parse.unknown == () and parse.ambiguous == ()
