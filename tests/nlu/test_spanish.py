"""Orders written in Guatemalan and Mexican Spanish to a mayorista: its pack words, counting words, pounds and cues."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import catalog_index, resolved

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


MEASURED = (
    "801,Coca-Cola 2L PET x6,Coca-Cola,Soft Drinks,2L,pack,6,540.00,KES,,50,1,true\n"
    "802,Coca-Cola 1.5L PET x6,Coca-Cola,Soft Drinks,1.5L,pack,6,450.00,KES,,50,1,true\n"
    "803,Coca-Cola 500ml PET x12,Coca-Cola,Soft Drinks,500ml,pack,12,600.00,KES,,50,1,true\n"
    "804,Omo 1kg x12,Omo,Detergents,1kg,bale,12,2400.00,KES,,50,1,true\n"
    "805,Omo 500g x24,Omo,Detergents,500g,bale,24,2500.00,KES,,50,1,true\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("coke two litres 3 packs", [("801", 3)]),
        ("cinco paquetes de coca de dos litros", [("801", 5)]),
        ("coca litro y medio 2 paquetes", [("802", 2)]),
        ("omo kilo 2 bales", [("804", 2)]),
        ("2 fardos omo kilo", [("804", 2)]),
    ],
)
def test_a_measure_written_out_with_a_number_word_or_none_is_the_size(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert resolved(text, catalog_index(MEASURED)) == expected


def test_the_count_a_name_writes_after_its_pack_names_no_product_of_its_own(chapina_index: CatalogIndex) -> None:
    # `SOPA LAKY MEN GALLINA 85G CJ 24U` beside its `VASO GALLINA 65G CJ 12U`: the counts tell no flavour apart.
    assert resolved("laky men gallina 4 cajas", chapina_index) == [("150111", 4)]
    parse = parse_order("mandeme coca", chapina_index)
    assert [set(item.candidates) for item in parse.ambiguous] == [
        {"110101", "110102", "110103", "110104", "110105", "110106"}
    ]


def test_a_size_said_to_its_round_figure_is_the_size_written_exactly() -> None:
    rows = (
        "901,Big Cola 3.03L PET x6,Big Cola,Soft Drinks,3.03L,pack,6,84.00,GTQ,,50,1,true\n"
        "902,Big Cola 625ml PET x12,Big Cola,Soft Drinks,625ml,pack,12,60.00,GTQ,,50,1,true\n"
        "903,Coca-Cola 3L PET x6,Coca-Cola,Soft Drinks,3L,pack,6,118.00,GTQ,,50,1,true\n"
    )
    index = catalog_index(rows)
    assert resolved("big cola 3 litros 2 paquetes", index) == [("901", 2)]
    assert resolved("big cola 3 2 paquetes", index) == [("901", 2)]
    # `big` of the brand said in full asks for no largest size.
    assert [set(item.candidates) for item in parse_order("10 paquetes big cola", index).ambiguous] == [{"901", "902"}]


def test_a_removal_alone_before_a_corrected_item_takes_off_the_item_before_it(chapina_index: CatalogIndex) -> None:
    assert resolved("1 caja de modelo, ya no, mejor 2 cajas de gallo lata", chapina_index) == [("120102", 2)]


@pytest.mark.parametrize("text", ["no hay incaparina de 150?", "no tienen incaparina de 150?"])
def test_a_no_before_asking_whether_there_is_any_asks_it(text: str, chapina_index: CatalogIndex) -> None:
    assert resolved(text, chapina_index) == [("130106", 1)]


def test_an_article_before_a_number_word_is_no_range(chapina_index: CatalogIndex) -> None:
    assert resolved("un par de cajas de colgate de 50", chapina_index) == [("180102", 2)]


def test_a_name_written_with_marks_is_found_typed_without_them() -> None:
    rows = (
        "701,ARROZ DOÑA BLANCA 2LB FDO 20U,Doña Blanca,GRANOS-ARROZ,2lb,bale,20,172.00,GTQ,,45,1,true\n"
        "702,ARROZ DON PEDRO 2LB FDO 20U,Don Pedro,GRANOS-ARROZ,2lb,bale,20,168.00,GTQ,,45,1,true\n"
    )
    assert resolved("arroz dona blanca 2lb 1 fdo", catalog_index(rows)) == [("701", 1)]
