"""Orders in informal Mozambican Portuguese, with Changana words, to a grossista: pack and counting words, cues."""

from __future__ import annotations

import pytest

from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import catalog_index, resolved

ROWS = (
    "501,2M CERVEJA 24X330ML GRADE RET,2M,CERVEJAS,330ml,crate,24,1150.00,MZN,,50,1,true\n"
    "502,LAURENTINA PRETA 24X330ML GRADE RET,Laurentina,CERVEJAS,330ml,crate,24,1270.00,MZN,,50,1,true\n"
    "503,COCA-COLA 6X2L PET FRD,Coca-Cola,REFRIGERANTES,2L,bale,6,510.00,MZN,,50,1,true\n"
    "504,ARROZ MARIA PERFUMADO SC 25KG,Maria,ARROZ,25kg,bag,1,1650.00,MZN,,50,1,true\n"
    "505,OLEO ALIM. FULA 12X1L CX,Fula,OLEOS,1L,case,12,1560.00,MZN,,50,1,true\n"
    "506,PASTA DENTES COLGATE 100ML DZ,Colgate,HIGIENE,100ml,dozen,12,1080.00,MZN,,50,1,true\n"
    "507,OLEO ALIM. OLEOSUL GALAO 5L,Oleosul,OLEOS,5L,jerrycan,1,560.00,MZN,,50,1,true\n"
    "508,ACUCAR CASTANHO MARAGRA SC 50KG,Maragra,ACUCAR,50kg,bag,1,3100.00,MZN,,50,1,true\n"
)


@pytest.fixture(scope="module")
def grossista_index() -> CatalogIndex:
    return catalog_index(ROWS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bom dia patrão, manda 5 grades de 2M e 3 grades laurentina preta pfv", [("501", 5), ("502", 3)]),
        ("mande duas grades de 2M e uma grade de laurentina preta", [("501", 2), ("502", 1)]),
        ("coca 2L seis fardos", [("503", 6)]),
        ("quatro sacos arroz maria 25kg", [("504", 4)]),
        ("oleo fula 1 litro 3 caixas", [("505", 3)]),
        ("oleo 5 litros 10 galões", [("507", 10)]),
        ("pasta de dentes colgate 100ml 5 dúzias", [("506", 5)]),
        ("açúcar castanho 50kg vinte sacos, obg", [("508", 20)]),
    ],
)
def test_portuguese_pack_and_counting_words_count_the_item(
    text: str, expected: list[tuple[str, int]], grossista_index: CatalogIndex
) -> None:
    assert resolved(text, grossista_index) == expected


def test_bottles_of_a_crate_are_counted_in_crates(grossista_index: CatalogIndex) -> None:
    assert resolved("quero 48 garrafas de 2M", grossista_index) == [("501", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2M 5 grades, não, são 6", [("501", 6)]),
        ("arroz maria 25kg 10 sacos afinal 8", [("504", 8)]),
        ("manda 3 grades 2M e 2 grades laurentina preta, tira a laurentina", [("501", 3)]),
    ],
)
def test_portuguese_corrections_and_removals(
    text: str, expected: list[tuple[str, int]], grossista_index: CatalogIndex
) -> None:
    assert resolved(text, grossista_index) == expected


def test_portuguese_price_question_is_answered_not_ordered(grossista_index: CatalogIndex) -> None:
    parse = parse_order("manda 5 grades 2M e quanto custa a laurentina preta?", grossista_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("501", 5)]
    assert [item.candidates for item in parse.price_questions] == [("502",)]


@pytest.mark.parametrize("text", ["bom dia patrão", "obrigado mano", "boa tarde mamã, tudo bem?"])
def test_portuguese_courtesies_alone_ask_for_nothing(text: str, grossista_index: CatalogIndex) -> None:
    assert parse_order(text, grossista_index).is_empty


@pytest.mark.parametrize(
    "text", ["qual é o preço do saco de arroz maria 25kg", "quanto custa o preço do fardo de coca 2L?"]
)
def test_portuguese_do_before_a_pack_word_joins_it_and_counts_nothing(text: str, grossista_index: CatalogIndex) -> None:
    # Hindi `do` (two) before a unit counts; Portuguese `do` (of the) joins the price asked to its pack.
    assert [line.quantity for line in parse_order(text, grossista_index).lines] == [1]


@pytest.mark.parametrize(
    "text",
    [
        "manda 5 grades 2M e ainda tem laurentina preta?",
        "5 grades 2M, tem laurentina preta?",
        "5 crates 2M and do you have laurentina preta?",
    ],
)
def test_asking_whether_there_is_an_item_after_an_order_asks_about_it(
    text: str, grossista_index: CatalogIndex
) -> None:
    parse = parse_order(text, grossista_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("501", 5)]
    assert [item.candidates for item in parse.price_questions] == [("502",)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2M grade ntlhanu", [("501", 5)]),
        ("arroz maria 25kg masaka mambirhi", [("504", 2)]),
        ("coca 2L mafardo manharhu, khanimambo", [("503", 3)]),
    ],
)
def test_changana_counting_words_with_their_noun_class_count_the_item(
    text: str, expected: list[tuple[str, int]], grossista_index: CatalogIndex
) -> None:
    assert resolved(text, grossista_index) == expected


@pytest.mark.parametrize("text", ["2M 330ml 30 garrafas", "2M 330ml 30 bottles"])
def test_bottles_filling_no_whole_crate_leave_out_the_can_case(text: str) -> None:
    index = catalog_index(
        ROWS + "509,2M CERVEJA LATA 24X330ML CX,2M,CERVEJAS,330ml,case,24,1560.00,MZN,,50,1,true\n"
    )
    assert resolved(text, index) == [("501", 30)]



@pytest.mark.parametrize(
    ("category", "tea", "coffee"),
    [("CHÁ E CAFÉ", "CHÁ", "CAFÉ"), ("Tea and Coffee", "TEA", "COFFEE")],
)
def test_a_category_joining_two_kinds_with_a_languages_and_is_read_per_product(
    category: str, tea: str, coffee: str
) -> None:
    index = catalog_index(
        f"601,{tea} JOKO 100 SAQ CX 12UN,Joko,{category},100s,carton,12,2280.00,MZN,,20,1,true\n"
        f"602,{tea} FIVE ROSES 100 SAQ CX 12UN,Five Roses,{category},100s,carton,12,2400.00,MZN,,20,1,true\n"
        f"603,{coffee} RICOFFY 250G LATA CX 12UN,Ricoffy,{category},250g,case,12,2880.00,MZN,,20,1,true\n"
    )
    assert [set(item.candidates) for item in parse_order(f"{tea} 3 cx", index).ambiguous] == [{"601", "602"}]
    assert resolved(f"{coffee} 1 cx", index) == [("603", 1)]


def test_mealie_meal_is_the_maize_meal_a_list_writes_in_portuguese() -> None:
    index = catalog_index(
        "701,FARINHA MILHO MEREC SC 50KG,Merec,FARINHAS,50kg,bag,1,1890.00,MZN,,90,1,true\n"
        "702,FARINHA TRIGO MEREC SC 50KG,Merec,FARINHAS,50kg,bag,1,2450.00,MZN,,60,1,true\n"
    )
    assert resolved("mealie meal merec 50kg 2", index) == [("701", 2)]
