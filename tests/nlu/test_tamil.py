"""Orders from Chennai and Madurai shops, in Tanglish (Tamil in Latin letters) and in Tamil script."""

from __future__ import annotations

import pytest

from nlu import CatalogIndex, parse_order
from nlu.text import romanised
from tests.nlu.conftest import catalog_index

ROWS = """\
T101,SAKTHI SUGAR S-30 50KG BAG,Sakthi Sugars,sugar,50kg,bag,1,2150.00,INR,s30,90,1,true
T102,SRI BALAJI PONNI BOILED RICE 25KG,Sri Balaji,rice,25kg,bag,1,1450.00,INR,ponni|ponni puzhungal,120,1,true
T103,GOLD WINNER SUNFLOWER OIL 1L POUCH (1*10),Gold Winner,edible_oil,1L,carton,10,1450.00,INR,goldwinner,80,1,true
T104,IDHAYAM SESAME OIL 1L POUCH (1*10),Idhayam,edible_oil,1L,carton,10,3600.00,INR,idhayam|nallennai,35,1,true
T105,HAMAM SOAP 100G,Hamam,soap,100g,dozen,12,420.00,INR,hamam,60,1,true
T106,TATA SALT 1KG X 25,Tata,salt,1kg,bale,25,650.00,INR,tata uppu,100,1,true
T107,SURYA CRYSTAL SALT 1KG X 25,Surya,salt,1kg,bale,25,300.00,INR,kal uppu,60,1,true
T108,MAGGI MASALA NOODLES 70G ₹14 (1*96),Maggi,noodles,70g,carton,96,1250.00,INR,maggi|megi,70,1,true
T109,PARACHUTE COCONUT OIL 200ML (1*24),Parachute,coconut_oil,200ml,carton,24,2300.00,INR,parachute,40,1,true
T110,VVD GOLD COCONUT OIL 500ML (1*20),VVD,coconut_oil,500ml,carton,20,3900.00,INR,vvd,20,1,true
T112,RIN DETERGENT BAR ₹10 (1*60),Rin,detergent_bar,140g,box,60,540.00,INR,rin bar,40,1,true
T113,NARASUS FILTER COFFEE 200G (1*24),Narasus,coffee,200g,carton,24,3400.00,INR,narasus,25,1,true
T114,BRU INSTANT COFFEE ₹2 SACHET (1*16),Bru,coffee,1.5g,outer,16,29.00,INR,bru,100,5,true
T115,NESCAFE SUNRISE ₹2 SACHET (1*16),Nescafe,coffee,1.5g,outer,16,29.00,INR,sunrise,100,5,true
T116,SPRITE 750ML PET (1*24),Sprite,soft_drinks,750ml,case,24,840.00,INR,sprite,40,1,true
T111,COCA-COLA 750ML PET (1*24),Coca-Cola,soft_drinks,750ml,case,24,840.00,INR,coke|coca cola,50,1,true
"""


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return catalog_index(ROWS)


@pytest.mark.parametrize(
    ("word", "latin"),
    [
        ("பெட்டி", "petti"),
        ("மூட்டை", "moottai"),
        ("அனுப்புங்க", "anuppunga"),
        ("பச்சரிசி", "pacharisi"),
        ("தேங்காய்", "thengai"),
        ("மேகி", "megi"),
        ("புழுங்கல்", "puzhungal"),
    ],
)
def test_tamil_script_reads_in_the_latin_letters_tanglish_spells_it_with(word: str, latin: str) -> None:
    assert romanised(word) == latin


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("sakkarai 50 kg 4 mootai", [("T101", 4)]),
        ("rendu mootai sakkarai 50kg", [("T101", 2)]),
        ("hamam pathu dozen", [("T105", 10)]),
        ("tata uppu 5 kattu kal uppu 10 kattu", [("T106", 5), ("T107", 10)]),
        ("gold winner 1L 5 petti, illa 6 petti", [("T103", 6)]),
        ("nalla ennai 1 ltr 2 petti", [("T104", 2)]),
        ("nallennai 1 ltr 3 petti", [("T104", 3)]),
        ("tata uppu 5 kattu ku badhila kal uppu 5 kattu", [("T107", 5)]),
        ("சர்க்கரை 50 கிலோ 2 மூட்டை", [("T101", 2)]),
        ("பொன்னி புழுங்கல் அரிசி 25 கிலோ 3 மூட்டை", [("T102", 3)]),
        ("மேகி 70 கிராம் 3 பெட்டி", [("T108", 3)]),
        ("ஹமாம் 10 டஜன்", [("T105", 10)]),
        ("கோக் 750 மில்லி 5 கேஸ்", [("T111", 5)]),
        ("வணக்கம் அண்ணா, கோல்ட் வின்னர் 1 லிட்டர் 5 பெட்டி அனுப்புங்க", [("T103", 5)]),
        ("ஸ்ப்ரைட் 750 மில்லி 3 கேஸ்", [("T116", 3)]),
        ("tata uppu 10 kattu, athukku badhila kal uppu 6 kattu", [("T107", 6)]),
        ("ரின் பார் 2 பாக்ஸ், ஹமாம் 3 டஜன்", [("T112", 2), ("T105", 3)]),
    ],
)
def test_tamil_kinds_pack_words_numbers_and_corrections(
    text: str, lines: list[tuple[str, int]], index: CatalogIndex
) -> None:
    assert [(line.sku, line.quantity) for line in parse_order(text, index).lines] == lines


@pytest.mark.parametrize(
    ("text", "candidates", "quantity"),
    [
        ("uppu 10 kattu", {"T106", "T107"}, 10),
        ("தேங்காய் எண்ணெய் 2 பெட்டி", {"T109", "T110"}, 2),
        # 20 strips fill no whole outer of 16 sachets: the amount is asked once the brand is picked, as for one brand.
        ("coffee 2 rs 20 strip", {"T114", "T115"}, 0),
    ],
)
def test_a_tamil_kind_word_without_a_brand_asks_which(
    text: str, candidates: set[str], quantity: int, index: CatalogIndex
) -> None:
    parse = parse_order(text, index)
    assert not parse.lines
    assert [(set(item.candidates), item.quantity) for item in parse.ambiguous] == [(candidates, quantity)]


@pytest.mark.parametrize(
    "text", ["gold winner 1 litre rate enna?", "idhayam 1 litre vilai enna", "hamam dozen evvalavu anna"]
)
def test_a_tanglish_price_question_names_the_product_without_asking(text: str, index: CatalogIndex) -> None:
    parse = parse_order(text, index)
    assert len(parse.lines) == 1 and parse.lines[0].quantity == 1
    assert not parse.ambiguous and not parse.unknown and not parse.price_questions


def test_a_tamil_word_for_goods_not_sold_is_flagged_never_read_as_another_languages_pack_word(
    index: CatalogIndex,
) -> None:
    parse = parse_order("paal 20 packet", index)
    assert not parse.lines and not parse.ambiguous
    assert [(item.phrase, item.quantity) for item in parse.unknown] == [("paal 20 packet", 20)]
