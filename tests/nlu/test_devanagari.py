"""Messages and catalogs written in Devanagari read like the same words in Latin letters."""

from __future__ import annotations

import pytest

from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import catalog_index

ROWS = """\
D301,"Kanta Toothpaste 100g, dozen",Kanta,toothpaste,100g,dozen,12,600.00,INR,kanta,60,1,true
D302,"Kanta Toothpaste 200g, dozen",Kanta,toothpaste,200g,dozen,12,1180.00,INR,kanta,30,1,true
D303,"Bolo-B Biscuit Rs 5 Pack, carton of 120",Bolo,biscuits,Rs 5,carton,120,540.00,INR,bolo b|बोलो बी,200,1,true
D304,"Bolo-B Biscuit Rs 10 Pack, carton of 60",Bolo,biscuits,Rs 10,carton,60,540.00,INR,bolo b|बोलो बी,120,1,true
D305,"Bolo Cream Rs 10 Pack, carton of 60",Bolo,biscuits,Rs 10,carton,60,540.00,INR,bolo cream,40,1,true
D306,"Tata Salt 1kg, bale of 25",Tata,salt,1kg,bale,25,620.00,INR,tata namak,100,1,true
D307,"Pura Salt 1kg, bale of 25",Pura,salt,1kg,bale,25,560.00,INR,pura namak,50,1,true
"""


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return catalog_index(ROWS)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("कांता 200 ग्राम तीन दर्जन", ("D302", 3)),
        ("कांता १०० ग्राम ४ दर्जन", ("D301", 4)),
        ("बोलो बी ५ वाला ५ पेटी, नहीं ७ पेटी कर दो", ("D303", 7)),
        ("टाटा नमक १० बेल", ("D306", 10)),
        ("कांता 100 ग्राम दो दर्जन", ("D301", 2)),
        ("टाटा नमक 1 किलो 5 बेल", ("D306", 5)),
        ("बोलो बी ५ रुपये वाला ५ पेटी", ("D303", 5)),
        ("bolo b 10 rupye vaala 2 peti", ("D304", 2)),
        ("टाटा नमक का रेट क्या है", ("D306", 1)),
    ],
)
def test_devanagari_measures_and_pack_words_read_as_the_locale_spells_them(
    text: str, line: tuple[str, int], index: CatalogIndex
) -> None:
    assert [(found.sku, found.quantity) for found in parse_order(text, index).lines] == [line]


def test_a_catalog_alias_in_devanagari_names_its_products(index: CatalogIndex) -> None:
    parse = parse_order("5 पेटी बोलो बी भेज दो", index)
    assert [set(item.candidates) for item in parse.ambiguous] == [{"D303", "D304"}]


def test_candra_vowels_of_english_words_read_as_the_plain_vowel() -> None:
    rows = """\
C101,Dhanu Chakki Atta 10kg bag,Dhanu,atta_flour,10kg,bag,1,420.00,INR,dhanu,80,1,true
C102,"Dhanu Chakki Atta 1kg, bale of 10",Dhanu,atta_flour,1kg,bale,10,460.00,INR,dhanu,40,1,true
C103,"Lakme Eyeconic Kajal, dozen",Lakme,cosmetics,0.35g,dozen,12,2400.00,INR,lakme,20,1,true
"""
    index = catalog_index(rows)
    assert [(line.sku, line.quantity) for line in parse_order("धनु आटा ३ बॅग", index).lines] == [("C101", 3)]
    assert [(line.sku, line.quantity) for line in parse_order("लॅक्मे काजल २ डझन", index).lines] == [("C103", 2)]


def test_millilitres_spelt_in_devanagari_letters_are_a_size() -> None:
    rows = """\
T101,"Thanda Cola 600ml PET, case of 24",Thanda,cold_drinks,600ml,case,24,840.00,INR,thanda,40,1,true
T102,"Thanda Cola 250ml PET, case of 24",Thanda,cold_drinks,250ml,case,24,400.00,INR,thanda,40,1,true
"""
    assert [(line.sku, line.quantity) for line in parse_order("थंडा ६०० एमएल ५ पेटी", catalog_index(rows)).lines] == [
        ("T101", 5)
    ]


@pytest.mark.parametrize(
    "text",
    ["बोलो बी १० रुपये ५ केस", "বোলো বি ১০ টাকা ৫ কেস", "bolo b 10 rs 5 case"],
)
def test_case_typed_in_an_indic_script_is_a_case_never_the_latin_currency_code_its_letters_spell(
    text: str, index: CatalogIndex
) -> None:
    assert [(line.sku, line.quantity) for line in parse_order(text, index).lines] == [("D304", 5)]
