"""Orders written in Guatemalan and Mexican Spanish to a mayorista: its pack words, counting words, pounds and cues."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import resolved

CATALOG = Path(__file__).resolve().parent / "data" / "chapina_abarrotes_catalog.csv"


@pytest.fixture(scope="module")
def chapina_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(CATALOG))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Buenas seño, me manda porfa 3 fardos de coca de 3 litros y 2 fardos de pepsi 3lt",
            [("110101", 3), ("110121", 2)],
        ),
        ("dos quintales de maiz blanco y una arroba de frijol negro", [("130131", 2), ("130122", 1)]),
        ("rubios rojo 2 cartones", [("195101", 2)]),
        ("candelas numero 8 dos docenas", [("196103", 2)]),
        ("maltiox, 3 tiras de tortrix limon", [("160112", 3)]),
        ("20 pacas de agua salvavidas en bolsa", [("110154", 20)]),
    ],
)
def test_spanish_pack_and_counting_words_count_the_item(
    text: str, expected: list[tuple[str, int]], chapina_index: CatalogIndex
) -> None:
    assert resolved(text, chapina_index) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("necesito 100 libras de frijol negro", [("130121", 1)]),
        ("25 libras de azucar", [("130142", 1)]),
        ("Maseca de 4.5 libras 3 fardos", [("130102", 3)]),
        ("maseca 4.5 lb 3 fardos", [("130102", 3)]),
    ],
)
def test_pounds_are_a_weight_a_size_is_written_in(
    text: str, expected: list[tuple[str, int]], chapina_index: CatalogIndex
) -> None:
    assert resolved(text, chapina_index) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 cajas gallo lata, no, que sean 4", [("120102", 4)]),
        ("10 pacas salvavidas bolsa, no perdon, 12", [("110154", 12)]),
    ],
)
def test_spanish_correction_takes_the_new_amount(
    text: str, expected: list[tuple[str, int]], chapina_index: CatalogIndex
) -> None:
    assert resolved(text, chapina_index) == expected


def test_spanish_price_question_inside_an_order_is_answered_not_ordered(chapina_index: CatalogIndex) -> None:
    parse = parse_order("5 fardos coca 600 y a cuanto el garrafon salvavidas", chapina_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("110104", 5)]
    assert [question.candidates for question in parse.price_questions] == [("110151",)]


def test_a_diminutive_of_the_packaging_a_name_writes_picks_that_pack(chapina_index: CatalogIndex) -> None:
    assert resolved("aceite ideal en bolsita 2 cajas", chapina_index) == [("140103", 2)]


def test_kiche_and_mam_courtesies_alone_ask_for_nothing(chapina_index: CatalogIndex) -> None:
    assert parse_order("saqarik don, maltiox", chapina_index).is_empty
    assert parse_order("chjonte", chapina_index).is_empty
