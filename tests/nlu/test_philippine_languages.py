"""Orders in the languages of Philippine sari-sari owners: Tagalog, Cebuano, Ilocano, Bikol, Hiligaynon, Kinaray-a,
Aklanon, Waray, Chavacano, Kapampangan and Pangasinan words and pack words."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import catalog_index
from tests.nlu.test_other_market import resolved

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def pampanga_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(DATA / "pampanga_wholesale_catalog.csv"))


@pytest.fixture(scope="module")
def luzon_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(DATA / "luzon_market_catalog.csv"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("innem a case ti pepsi 8oz", [("PP90011", 6)]),
        ("sangapulo a banig ti milo", [("ML60020", 10)]),
        ("siam a pack ti rebisco", [("RB15010", 9)]),
        ("a case of pepsi 8oz", [("PP90011", 1)]),
        ("tallo nga case ti zonrox 1L ken dua nga case ti mother's best suka", [("ZR12041", 3), ("MB80021", 2)]),
        ("duwang kaso na cobra, ay sala, tulo palan", [("CB90070", 3)]),
        ("anom na kaso kan pepsi 8oz, Dios mabalos", [("PP90011", 6)]),
        ("apat na ream na marlboro red", [("MR11010", 4)]),
        ("bond paper short 3 ream", [("HC16030", 3)]),
        ("labing-anim na kahon ng homi beef", [("HM10201", 16)]),
        ("labing apat na case cobra", [("CB90070", 14)]),
        ("labintatlong case cobra", [("CB90070", 13)]),
        ("bente-singko case cobra", [("CB90070", 25)]),
        ("katorse kahon perla", [("PL12030", 14)]),
        ("3 case cobra, este 4 case", [("CB90070", 4)]),
        ("3 case cobra, gawin nating 5", [("CB90070", 5)]),
        ("3 case ginebra, tanduay na lang pala", [("TD90100", 3)]),
        ("duha ka case cobra og usa ka case red horse", [("CB90070", 2), ("RH90080", 1)]),
        ("napulog duha ka kahon perla", [("PL12030", 12)]),
        ("kawhaan ka banig breeze", [("BZ12010", 20)]),
        ("katunga ka sako dinorado", [("GP14010", 1)]),
        ("hatagi ko'g duha ka kahon homi beef, pahatod ugma", [("HM10201", 2)]),
        ("yung 500ml na jolly 2 case", [("JL14051", 2)]),
        ("25kg na sampaguita 2 sako", [("SP14020", 2)]),
        ("pulang asukal 1 sako", [("HC14042", 1)]),
        ("asukal na pula 1 sako", [("HC14042", 1)]),
        ("karne norte maliit 2 case", [("CD50010", 2)]),
        ("cobra 24 x 350ml 2 case", [("CB90070", 2)]),
        ("homi beef 2 kahon 72 pcs", [("HM10201", 2)]),
        ("karne norte malaki 2 case", [("CD50011", 2)]),
        ("karne norte tall 2 case", [("CD50011", 2)]),
        ("tall karne norte 3 case", [("CD50011", 3)]),
        ("hapee gamay 3 box ug hapee dako 1 box", [("HP13050", 3), ("HP13051", 1)]),
        ("asukal na washed 2 sako at mantika na canola 1 case", [("HC14041", 2), ("SN14060", 1)]),
        ("sardinas na master 2 case", [("MS40020", 2)]),
        ("master na sardinas 2 case", [("MS40020", 2)]),
    ],
)
def test_philippine_numbers_linkers_corrections_and_reams_count_the_item(
    text: str, expected: list[tuple[str, int]], luzon_index: CatalogIndex
) -> None:
    assert resolved(text, luzon_index) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2 case cobra ug 2 case red horse, tangtanga ang red horse",
        "2 case cobra at 2 case red horse. di na pala red horse",
        "2 case cobra at 2 case red horse, kanselahin ang red horse",
    ],
)
def test_a_removal_in_tagalog_or_cebuano_takes_the_item_off(text: str, luzon_index: CatalogIndex) -> None:
    assert resolved(text, luzon_index) == [("CB90070", 2)]


def test_an_amount_after_an_availability_question_orders_the_item_asked_about(luzon_index: CatalogIndex) -> None:
    text = "may stock pa kayo ng piattos? kung meron pa-order 3 pack"
    assert resolved(text, luzon_index) == [("PT15040", 3)]


@pytest.mark.parametrize(
    "text",
    [
        "3 case cobra tas mag kano yung red horse",
        "3 case cobra tapos red horse magkano po kaya",
        "3 case cobra. mgkano red horse?",
        "3 case cobra, pakisabi po kung magkano ang red horse",
    ],
)
def test_a_tagalog_price_question_after_an_order_asks_and_orders_nothing_more(
    text: str, luzon_index: CatalogIndex
) -> None:
    parse = parse_order(text, luzon_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("CB90070", 3)]
    assert [question.candidates for question in parse.price_questions] == [("RH90080",)]


@pytest.mark.parametrize(("text", "kind"), [("biskwit 5 pack", {"HN15020", "HN15021"})])
def test_a_tagalog_word_for_a_kind_of_goods_asks_among_that_kind(
    text: str, kind: set[str], luzon_index: CatalogIndex
) -> None:
    assert [set(item.candidates) for item in parse_order(text, luzon_index).ambiguous] == [kind]


def test_a_ream_of_cigarettes_is_the_carton_not_the_single_pack() -> None:
    rows = (
        "R1,MIGHTY RED 20S REAM,Mighty,TOBACCO,20s,carton,10,780.00,PHP,,90,1,true\n"
        "R2,MIGHTY RED 20S PER PACK,Mighty,TOBACCO,20s,pack,20,80.00,PHP,,300,1,true\n"
    )
    index = catalog_index(rows)
    assert resolved("mighty red 2 ream", index) == [("R1", 2)]
    assert resolved("mighty red 5 pack", index) == [("R2", 5)]


def test_one_more_in_tagalog_and_bikol_counts_one(luzon_index: CatalogIndex) -> None:
    assert resolved("isa pang kahon ng homi beef", luzon_index) == [("HM10201", 1)]
    assert resolved("saro pang kahon na homi chicken", luzon_index) == [("HM10202", 1)]


def test_an_ilocano_yes_before_adding_more_is_no_item(luzon_index: CatalogIndex) -> None:
    parse = parse_order("quickchow 5 kahon. wen, dagdagan yo pay iti 3", luzon_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("QC20115", 8)]
    assert not parse.unknown


def test_a_3in1_name_still_has_its_plain_product(luzon_index: CatalogIndex) -> None:
    assert resolved("san mig 10 pack", luzon_index) == [("SG70010", 10)]
    assert resolved("san mig sugar free 5 pack", luzon_index) == [("SG70011", 5)]


def test_a_named_pack_size_is_no_variant_of_the_brand() -> None:
    rows = (
        'C1,"Cola Mismo 300ml, case of 12",Cola,soft drinks,300ml,case,12,216.00,PHP,,300,1,true\n'
        'C2,"Cola 1.5L, case of 12",Cola,soft drinks,1.5L,case,12,816.00,PHP,,90,1,true\n'
        'C3,"Cola Zero 1.5L, case of 12",Cola,soft drinks,1.5L,case,12,840.00,PHP,,60,1,true\n'
    )
    index = catalog_index(rows)
    assert [set(item.candidates) for item in parse_order("cola 5 case", index).ambiguous] == [{"C1", "C2"}]
    assert resolved("cola mismo 2 case", index) == [("C1", 2)]
    assert resolved("cola zero 2 case", index) == [("C3", 2)]


@pytest.fixture(scope="module")
def mindanao_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(DATA / "mindanao_market_catalog.csv"))


PILSEN, LIGHT, SACK_25, BATCHOY = "4801759314693", "4805297635623", "4809999626293", "4806690382763"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("palihog pa-order ko sang tatlo ka kaha pilsen kag isa ka kaha san mig light", [(PILSEN, 3), (LIGHT, 1)]),
        ("anom ka kaha pilsen, ay indi, pito gali", [(PILSEN, 7)]),
        ("alayon pakidara tulo ka kahon han pilsen ngan usa ka kahon han san mig light", [(PILSEN, 3), (LIGHT, 1)]),
        ("manda kanamon cinco caja de pilsen y diez caja de san mig light", [(PILSEN, 5), (LIGHT, 10)]),
        ("cuatro saco de sinandomeng 25kg", [(SACK_25, 4)]),
        ("pakipadala yu ku atlung kahun ning pilsen ampo adwang kahun ning san mig light", [(PILSEN, 3), (LIGHT, 2)]),
        ("apulung kahun ning lucky me batchoy", [(BATCHOY, 10)]),
        ("san mig light, 12 ka kaha", [(LIGHT, 12)]),
        ("tig-3 ka kaha pilsen kag san mig light", [(PILSEN, 3), (LIGHT, 3)]),
        ("tig 4 case coke 1.5 ug sprite 1.5", [("4802418995758", 4), ("4801244488946", 4)]),
        ("dos caja de hunts pork and beans grande", [("4801790813742", 2)]),
        ("evap gutiay 3 case", [("4801590310984", 3)]),
    ],
)
def test_hiligaynon_waray_chavacano_and_kapampangan_orders_count_each_item(
    text: str, expected: list[tuple[str, int]], mindanao_index: CatalogIndex
) -> None:
    assert resolved(text, mindanao_index) == expected


def test_a_chavacano_price_question_reads_the_product_not_the_article(mindanao_index: CatalogIndex) -> None:
    assert resolved("cuanto el precio del pilsen?", mindanao_index) == [(PILSEN, 1)]


def test_half_a_sack_in_chavacano_is_the_smaller_sack(mindanao_index: CatalogIndex) -> None:
    assert resolved("medio saco de sinandomeng", mindanao_index) == [(SACK_25, 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gud pm po! 3 kaha pilsen", [(PILSEN, 3)]),
        ("pilsen 2 kaha jud, unya sml 3 kaha", [(PILSEN, 2), (LIGHT, 3)]),
        ("pakuha ko 2 kaha pilsen puhon", [(PILSEN, 2)]),
        ("10 pack fabcon del", [("4804396254537", 10)]),
        ("pilit 10 kilos", [("4801279774281", 10)]),
        ("sunsilk itom 5 tali", [("4802313597057", 5)]),
    ],
)
def test_greetings_chatter_short_names_and_colours_in_local_words_name_the_goods(
    text: str, expected: list[tuple[str, int]], mindanao_index: CatalogIndex
) -> None:
    assert resolved(text, mindanao_index) == expected


@pytest.fixture(scope="module")
def cebu_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(DATA / "cebu_distributor_catalog.csv"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # colours and fruits in Tagalog and Cebuano spellings say the flavour or the colour
        ("c2 apol 2cs", [("20707", 2)]),
        ("safeguard puti 2 box", [("20901", 2)]),
        ("zesto mangga 10 pack", [("20710", 10)]),
        ("2 case pilsen para sunod semana", [("20717", 2)]),
        ("2 case pilsen later hehe", [("20717", 2)]),
        # a measure word alone before the count of packs is one of it: the one-litre water, three cases
        ("nature spring litro 3 cs", [("20713", 3)]),
    ],
)
def test_flavours_and_colours_in_filipino_words(
    text: str, expected: list[tuple[str, int]], cebu_index: CatalogIndex
) -> None:
    assert resolved(text, cebu_index) == expected


@pytest.fixture(scope="module")
def quezon_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(DATA / "quezon_grocery_catalog.csv"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an amount said before the product, a correction word between them, is that product's amount
        ("4 kahon pala yung bulalo", [("A-1005", 4)]),
        ("ay mali, 4 kahon pala yung bulalo", [("A-1005", 4)]),
        ("yung dinorado gawin nyong 3 sako", [("A-1601", 3)]),
        # the amount after `instead of` is the one taken back
        ("red horse 500 5 case instead of 3", [("A-1802", 5)]),
        # words to the seller and of haste after the item are chatter, not a doubt about the product
        ("2 case kasalo suki", [("A-1701", 2)]),
        ("2 case kasalo bay, paspas lang", [("A-1701", 2)]),
        ("2 case kasalo pakisuyo", [("A-1701", 2)]),
        # short words typed without their vowels, as on a phone keypad
        ("mlo 10 pack", [("A-1305", 10)]),
        ("kopiko brwn 10 pack", [("A-1403", 10)]),
        ("royl 2 case", [("A-1704", 2)]),
        ("bulalo 3 kahn", [("A-1005", 3)]),
    ],
)
def test_tagalog_amounts_said_before_or_after_a_correction(
    text: str, expected: list[tuple[str, int]], quezon_index: CatalogIndex
) -> None:
    assert resolved(text, quezon_index) == expected


@pytest.fixture(scope="module")
def panay_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(DATA / "panay_negros_catalog.csv"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("darwa ka ream it marlboro", [("310601", 2)]),
        ("ginebra darwa ka kaha, bukon gali, tatlo", [("310503", 3)]),
        ("napueo ka tali it downy", [("310806", 10)]),
        # a counting word Aklanon writes with a hyphen, where it holds a glottal stop
        ("ap-at ka kaha it cobra", [("310411", 4)]),
        ("an-om ka kaha it c2 apple", [("310408", 6)]),
    ],
)
def test_kinaray_a_and_aklanon_counting_words_and_linkers_count_the_item(
    text: str, expected: list[tuple[str, int]], panay_index: CatalogIndex
) -> None:
    assert resolved(text, panay_index) == expected


@pytest.mark.parametrize("text", ["pilsen 3 kaha indi gali red horse 500", "pilsen 3 kaha sorry red horse 500"])
def test_a_product_corrected_with_its_size_alone_keeps_the_amount_said(text: str, panay_index: CatalogIndex) -> None:
    assert resolved(text, panay_index) == [("310506", 3)]


def test_a_local_word_for_the_kind_the_catalog_does_not_write_asks_no_confirmation(cebu_index: CatalogIndex) -> None:
    assert resolved("bugas sinandomeng 25 kilos 2 sako", cebu_index) == [("20602", 2)]


@pytest.mark.parametrize("text", ["mighty red 2 ream ug 5 pack", "2 ream mighty red, 5 pack"])
def test_an_amount_in_another_pack_alone_is_more_of_the_product_in_that_pack(
    text: str, mindanao_index: CatalogIndex
) -> None:
    assert resolved(text, mindanao_index) == [("4801262783580", 2), ("4801276820387", 5)]


@pytest.fixture(scope="module")
def manila_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(DATA / "manila_taglish_catalog.csv"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dua ya kahon na canton chilimansi tan talo ya case na century tuna", [("110202", 2), ("120101", 3)]),
        ("labay ko so dua ya ream na marlboro red", [("250101", 2)]),
        ("samplo ya tali na bear brand 33g", [("130101", 10)]),
        ("dua ya case na coke mismo, aliwa, talora", [("190102", 3)]),
        ("talo ya case na sprite mismo tan dua ya case na royal mismo, ekalen yo so sprite", [("190202", 2)]),
    ],
)
def test_pangasinan_counting_words_linkers_corrections_and_removals(
    text: str, expected: list[tuple[str, int]], manila_index: CatalogIndex
) -> None:
    assert resolved(text, manila_index) == expected


def test_a_pangasinan_price_question_asks_the_price_of_the_product(manila_index: CatalogIndex) -> None:
    parse = parse_order("pigara so sakey ya case na red horse litro?", manila_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("200102", 1)]
    assert not parse.unknown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("555 3cs", [("120201", 3)]),
        ("3 cases 555 hot", [("120202", 3)]),
        ("tig-2 cs century tuna at 555 hot", [("120101", 2), ("120202", 2)]),
    ],
)
def test_a_brand_written_in_digits_names_the_product_and_counts_nothing(
    text: str, expected: list[tuple[str, int]], manila_index: CatalogIndex
) -> None:
    assert resolved(text, manila_index) == expected


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("tigdalawang case coke mismo at royal mismo", 2),
        ("tigatlong case coke mismo tsaka royal mismo", 3),
        ("tiglima ka case coke mismo ug royal mismo", 5),
        ("tagduha ka case coke mismo ug royal mismo", 2),
    ],
)
def test_a_word_for_each_typed_tight_to_its_number_counts_every_item(
    text: str, amount: int, manila_index: CatalogIndex
) -> None:
    assert resolved(text, manila_index) == [("190102", amount), ("190202", amount)]


@pytest.mark.parametrize(
    "text",
    [
        "coke mismo 5cs, palitan mo ng royal mismo",
        "coke mismo 5cs sorry royal mismo",
        "coke mismo 5cs... royal mismo pala",
    ],
)
def test_a_product_replaced_by_one_of_the_same_size_name_takes_the_line_and_its_amount(
    text: str, manila_index: CatalogIndex
) -> None:
    assert resolved(text, manila_index) == [("190202", 5)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sandaang tali kopiko black", [("140201", 100)]),
        ("2 case bawat isa ng coke mismo at royal mismo", [("190102", 2), ("190202", 2)]),
        ("3 rim marlboro red", [("250101", 3)]),
        ("5cs coke mismo, imbes royal mismo na lang", [("190202", 5)]),
        ("dalawang kaban sinandomeng 50kg", [("180102", 2)]),
        ("walu a kahun ning canton chilimansi", [("110202", 8)]),
    ],
)
def test_tagalog_and_kapampangan_counts_each_reams_cavans_and_instead(
    text: str, expected: list[tuple[str, int]], manila_index: CatalogIndex
) -> None:
    assert resolved(text, manila_index) == expected


def test_laundry_soap_said_in_two_tagalog_words_asks_among_the_detergents(manila_index: CatalogIndex) -> None:
    parse = parse_order("sabong panlaba 5 tali", manila_index)
    assert not parse.unknown and not parse.lines
    # A tali is a strip of sachets: the powders sold by it, not the bars sold by the box.
    assert [set(item.candidates) for item in parse.ambiguous] == [{"230101", "230102", "230201", "230301"}]


def test_laundry_soap_said_in_two_tagalog_words_by_the_box_is_the_one_sold_by_the_box(
    manila_index: CatalogIndex,
) -> None:
    assert resolved("sabon panlaba 2bx", manila_index) == [("230401", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lapad 2cs", [("200301", 2)]),
        ("tanduay lapad 2cs", [("200301", 2)]),
        ("gsm blue 1cs, lapad 1cs", [("200501", 1), ("200301", 1)]),
    ],
)
def test_the_name_of_one_pack_size_given_as_its_alias_names_that_size_alone(
    text: str, expected: list[tuple[str, int]], manila_index: CatalogIndex
) -> None:
    assert resolved(text, manila_index) == expected


def test_the_brand_alone_still_asks_between_the_sizes_when_no_size_is_its_alias(manila_index: CatalogIndex) -> None:
    assert [set(item.candidates) for item in parse_order("tanduay 2cs", manila_index).ambiguous] == [
        {"200301", "200302"}
    ]


def test_the_brand_given_as_one_sizes_alias_means_that_size_beside_a_size_with_its_own_name(
    panay_index: CatalogIndex,
) -> None:
    assert resolved("tanduay 2 kaha kag lapad 3 kaha", panay_index) == [("310501", 2), ("310502", 3)]


@pytest.fixture(scope="module")
def sarisari_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(DATA / "northmin_sarisari_catalog.csv"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a digit typed for a sound (`2mrw` tomorrow) is a word, not a count
        ("pls send 2mrw: 3cs cobra, 2cs sting", [("B3-5701", 3), ("B3-5702", 2)]),
        ("coke sakto 2day 3 case", [("B1-5501", 3)]),
        # `dapat` (should be) after a correction says nothing more
        ("red horse 500 5cs, sorry 6 dapat", [("B4-5801", 6)]),
        # `mucho`, the litre bottle's own name, is no nickname of the other sizes
        ("mucho 2 case", [("B4-5802", 2)]),
        # `bot` a bottle: 24 of a case of 12 are two cases
        ("red horse 500 24 bot", [("B4-5801", 2)]),
        # sachets counted fill the brand's strips of 10, not its pouches by the dozen
        ("milo 100 sachet", [("F3-2221", 10)]),
        ("trenta ka sachet milo", [("F3-2221", 3)]),
        # Cebuano `unsa` (what) before a price word asks about the product, no word of it
        ("unsa presyo sa pilsen karon?", [("B4-5805", 1)]),
    ],
)
def test_sari_sari_text_speak_bottle_names_and_corrections(
    text: str, expected: list[tuple[str, int]], sarisari_index: CatalogIndex
) -> None:
    assert resolved(text, sarisari_index) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("20 sachet milo", [("ML60020", 2)]), ("milo 30 sachets", [("ML60020", 3)])]
)
def test_sachets_counted_fill_the_strips_of_the_size_they_fill(
    text: str, expected: list[tuple[str, int]], luzon_index: CatalogIndex
) -> None:
    assert resolved(text, luzon_index) == expected


def test_a_size_word_after_goods_of_no_brand_keeps_their_kind() -> None:
    rows = """\
E1,Fresh Eggs Large - 30 pcs/tray,,Eggs,large,tray,30,270.00,PHP,,80,1,true
E2,Fresh Eggs Medium - 30 pcs/tray,,Eggs,medium,tray,30,240.00,PHP,,100,1,true
E3,EQ Dry Diaper Medium 4s - 48 packs/case,EQ,Personal Care,medium,case,48,2400.00,PHP,,20,1,true
"""
    text = "pabili po ng 3 tray itlog large at 2 tray medium"
    assert resolved(text, catalog_index(rows)) == [("E1", 3), ("E2", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("colgate tag-12 3 tie", [("0112022", 3)]),
        ("magic sarap ung tig-5 8 tie", [("0104002", 8)]),
        ("oishi tag 17 2 pck", [("0110006", 2)]),
        ("oishi tag-7 4 pck", [("0110005", 4)]),
    ],
)
def test_a_price_each_before_the_amount_picks_that_price_point_and_counts_nothing(
    text: str, expected: list[tuple[str, float]], pampanga_index: CatalogIndex
) -> None:
    assert resolved(text, pampanga_index) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 box pancit canton xtra hot", [("0101004", 3)]),
        ("2 kaha san mig lite", [("0108002", 2)]),
        ("payless xtra big original 4 box", [("0101021", 4)]),
    ],
)
def test_a_word_spelt_another_way_finds_what_the_catalog_spells_either_way(
    text: str, expected: list[tuple[str, float]], pampanga_index: CatalogIndex
) -> None:
    assert resolved(text, pampanga_index) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tie, the strip of sachets, is a pack: also of goods whose name writes the strip `BANIG`
        ("5 tie downy antibac", [("0111022", 5)]),
        ("tide 5 tie", [("0111003", 5)]),
        # Pangasinan numbers with the linker, Kapampangan chatter and removal
        ("limaran tie na milo tan limaran tie na bear brand tie", [("0103021", 5), ("0103001", 5)]),
        ("pakipadala yu pu 3 sako sinandomeng ngeni", [("0105003", 3)]),
        # an article before the amount: `na` still links the amount to its product
        ("labay ko so duaran sako na jasmine 25kg", [("0105001", 2)]),
        ("2 box canton chilimansi ampo 2 box extra hot, ikuang mu ne ing extra hot", [("0101002", 2)]),
    ],
)
def test_ties_and_kapampangan_and_pangasinan_words(
    text: str, expected: list[tuple[str, int]], pampanga_index: CatalogIndex
) -> None:
    assert resolved(text, pampanga_index) == expected


def test_cooking_oil_in_tagalog_asks_among_every_oil_sold_by_the_unit_said(pampanga_index: CatalogIndex) -> None:
    (asked,) = parse_order("mantika 2 kaha pu", pampanga_index).ambiguous
    assert set(asked.candidates) == {"0106001", "0106002", "0106003"}


def test_a_nickname_said_beside_the_name_of_one_pack_size_names_every_size(pampanga_index: CatalogIndex) -> None:
    assert resolved("4 cs coke 1.5", pampanga_index) == [("0107003", 4)]
    assert resolved("coke mismo 2 cs", pampanga_index) == [("0107001", 2)]
    parse = parse_order("coke 2 cs", pampanga_index)
    assert [set(item.candidates) for item in parse.ambiguous] == [{"0107001", "0107002", "0107003"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("adda kadi ti itlog a dadakkel?", [("0113012", 1)]),
        ("itlog malaki 2 tray", [("0113012", 2)]),
        ("minola bassit 2 kaha", [("0106001", 2)]),
    ],
)
def test_a_word_for_larger_or_smaller_picks_the_size_a_list_writes_in_words(
    text: str, expected: list[tuple[str, int]], pampanga_index: CatalogIndex
) -> None:
    assert resolved(text, pampanga_index) == expected


def test_catsup_and_ketchup_name_one_kind_of_goods(pampanga_index: CatalogIndex) -> None:
    assert resolved("ufc banana ketchup 3 cs", pampanga_index) == [("0104021", 3)]
    assert resolved("catsup 3 cs", pampanga_index) == [("0104021", 3)]


@pytest.mark.parametrize("text", ["downy antibac 6 banig, wag na pala", "downy antibac 6 banig, ayaw na pala"])
def test_a_removal_word_with_a_correction_word_after_it_takes_off_the_item_before(
    text: str, pampanga_index: CatalogIndex
) -> None:
    assert parse_order(text, pampanga_index).is_empty


@pytest.mark.parametrize("text", ["supot 5 pack", "5 pack supot"])
def test_a_unit_word_a_catalog_gives_a_product_as_its_alias_names_it_beside_another_unit(
    text: str, pampanga_index: CatalogIndex
) -> None:
    assert resolved(text, pampanga_index) == [("0113003", 5)]


@pytest.mark.parametrize("text", ["corned beef duha ka kahon", "kornbip 2 case"])
def test_corned_beef_asks_among_the_carne_norte_a_catalog_writes_in_spanish(text: str) -> None:
    rows = """\
K1,LUCKY 7 CARNE NORTE 150G 48S,Lucky 7,CANNED GOODS,150g,case,48,1390.00,PHP,,110,1,true
K2,555 CARNE NORTE 150G 48S,555,CANNED GOODS,150g,case,48,1420.00,PHP,,100,1,true
"""
    parse = parse_order(text, catalog_index(rows))
    assert [sorted(item.candidates) for item in parse.ambiguous] == [["K1", "K2"]]


def test_corned_beef_finds_the_corned_beef_a_catalog_writes_as_cb() -> None:
    rows = """\
K3,ARGENTINA CB 150G 48S,Argentina,DE LATA,150g,case,48,1920.00,PHP,,100,1,true
K4,ARGENTINA CB 260G 24S,Argentina,DE LATA,260g,case,24,1680.00,PHP,,50,1,true
"""
    assert resolved("argentina corned beef 260 2cs", catalog_index(rows)) == [("K4", 2)]


def test_canton_chili_is_the_chilimansi_a_catalog_sells_without_a_chili_flavour() -> None:
    rows = """\
N1,LUCKY ME PANCIT CANTON ORIGINAL 60G (72S/BX),Lucky Me,NOODLES,60g,box,72,1045.00,PHP,,180,1,true
N2,LUCKY ME PANCIT CANTON CHILIMANSI 60G (72S/BX),Lucky Me,NOODLES,60g,box,72,1045.00,PHP,,150,1,true
N3,LUCKY ME PANCIT CANTON KALAMANSI 60G (72S/BX),Lucky Me,NOODLES,60g,box,72,1045.00,PHP,,140,1,true
"""
    assert resolved("3bx canton chili", catalog_index(rows)) == [("N2", 3)]


def test_a_tali_is_the_strip_of_sachets_not_a_case_of_jars() -> None:
    rows = """\
C1,NESCAFE 3IN1 ORIG 28G 10S,Nescafe,FOOD-COFFEE,28g,pack,10,80.00,PHP,,280,5,true
C2,NESCAFE 3IN1 ORIG 28G 10S W/ FREE MUG,Nescafe,FOOD-COFFEE,28g,pack,10,95.00,PHP,,30,1,true
C3,NESCAFE CLASSIC 50G JAR X 24,Nescafe,FOOD-COFFEE,50g,case,24,2280.00,PHP,,40,1,true
S1,IODIZED SALT 1KG 25S,,CONDIMENTS,1kg,bale,25,450.00,PHP,asin,60,1,true
"""
    assert resolved("nescafe 5 tali", catalog_index(rows)) == [("C1", 5)]
    assert resolved("asin 5 tali", catalog_index(rows)) == [("S1", 5)]


@pytest.mark.parametrize("text", ["Hunts P&B 230g 2cs", "hunts p and b 230g 2cs"])
def test_the_initials_of_two_words_a_name_joins_name_the_product_not_two_items(text: str) -> None:
    rows = """\
H1,HUNT'S PORK & BEANS 230G 48S,Hunt's,CANNED GOODS,230g,case,48,1340.00,PHP,hunts,90,1,true
H2,HUNT'S PORK & BEANS 390G 24S,Hunt's,CANNED GOODS,390g,case,24,1080.00,PHP,,60,1,true
H3,BAGUIO VEG OIL 1L 12S,Baguio,MANTIKA,1L,case,12,1140.00,PHP,,70,1,true
"""
    parse = parse_order(text, catalog_index(rows))
    assert [(line.sku, line.quantity) for line in parse.lines] == [("H1", 2)]
    assert not parse.unknown


def test_mami_is_the_instant_mami_a_distributor_writes_im() -> None:
    rows = """\
M1,LM IM BEEF 55G 72S,Lucky Me,NOODLES,55g,box,72,828.00,PHP,,120,1,true
M2,LM IM CHKN 55G 72S,Lucky Me,NOODLES,55g,box,72,828.00,PHP,,110,1,true
M3,LM PCTN ORIG 60G 72S,Lucky Me,NOODLES,60g,box,72,1044.00,PHP,,180,1,true
"""
    index = catalog_index(rows)
    assert resolved("duha ka kahon mami beef ug usa ka kahon mami chicken", index) == [("M1", 2), ("M2", 1)]
    assert [sorted(item.candidates) for item in parse_order("mami 2 kahon", index).ambiguous] == [["M1", "M2"]]


def test_bikol_asin_joins_two_items_and_alone_is_salt() -> None:
    rows = """\
B1,Cobra Energy Drink Orig 350ml x24 /cs,Cobra,Energy Drink,350ml,case,24,552.00,PHP,,120,1,true
B2,Sting Energy Drink Strawberry 330ml x24 /cs,Sting,Energy Drink,330ml,case,24,480.00,PHP,,110,1,true
B3,Iodized Salt 1kg x25 /bdl,,Condiments,1kg,bale,25,450.00,PHP,,60,1,true
B4,Tang Orange 20g x12 /tie,Tang,Juice,20g,pack,12,84.00,PHP,,300,5,true
"""
    index = catalog_index(rows)
    assert resolved("cobra 3 case asin sting 2 case", index) == [("B1", 3), ("B2", 2)]
    assert resolved("cobra 3 case dangan tang 5 tie", index) == [("B1", 3), ("B4", 5)]
    assert resolved("asin 2 bdl", index) == [("B3", 2)]
    assert resolved("2 bdl asin", index) == [("B3", 2)]
    assert resolved("cobra 2 cs asin sting 1 cs, dae na an sting", index) == [("B1", 2)]


def test_a_gallon_written_gal_is_the_jerrycan_and_a_brand_alone_asks_between_its_sizes() -> None:
    rows = """\
Z1,Zonrox Bleach Orig 250ml x24 /cs,Zonrox,Laundry,250ml,case,24,432.00,PHP,,80,1,true
Z2,Zonrox Bleach Orig 1 Gal /gal,Zonrox,Laundry,1gal,jerrycan,1,265.00,PHP,,40,1,true
"""
    index = catalog_index(rows)
    assert resolved("zonrox 2 gal", index) == [("Z2", 2)]
    assert resolved("zonrox 1 galon 5", index) == [("Z2", 5)]
    assert resolved("zonrox 2 case", index) == [("Z1", 2)]
    assert [sorted(item.candidates) for item in parse_order("zonrox 2", index).ambiguous] == [["Z1", "Z2"]]


def test_evap_and_evaporada_name_one_kind_of_milk_and_condensed_the_condensada() -> None:
    rows = """\
E1,Alaska Evaporada 370ml x48 /cs,Alaska,Milk,370ml,case,48,1632.00,PHP,,90,1,true
E2,Carnation Evap 370ml x48 /cs,Carnation,Milk,370ml,case,48,1896.00,PHP,,50,1,true
E3,Jersey Condensada 300ml x48 /cs,Jersey,Milk,300ml,case,48,1920.00,PHP,,60,1,true
"""
    index = catalog_index(rows)
    assert resolved("alaska evap 4 case", index) == [("E1", 4)]
    assert resolved("carnation evaporated 2 cs", index) == [("E2", 2)]
    assert resolved("jersey condensed 1 cs", index) == [("E3", 1)]
    assert [sorted(item.candidates) for item in parse_order("evap 3 case", index).ambiguous] == [["E1", "E2"]]


@pytest.mark.parametrize(
    "text", ["order q 10 tie kopiko black", "order q 4 d store: kopiko black 10 tie", "pa order q 10 tie kopiko black"]
)
def test_text_speak_q_for_ko_and_4_d_for_for_the_are_no_item(text: str) -> None:
    rows = """\
K1,Kopiko Blk 3in1 30g x10 /tie,Kopiko,Coffee,30g,pack,10,78.00,PHP,,350,5,true
K2,Kopiko Brown 3in1 27.5g x10 /tie,Kopiko,Coffee,27.5g,pack,10,78.00,PHP,,300,5,true
"""
    parse = parse_order(text, catalog_index(rows))
    assert [(line.sku, line.quantity) for line in parse.lines] == [("K1", 10)]
    assert not parse.unknown



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("datu puti vinegar 1L 3 cs", [("D1", 3)]),
        ("soy sauce silver swan 2 cs", [("D2", 2)]),
        ("fish sauce 1 case", [("D3", 1)]),
    ],
)
def test_an_english_word_for_goods_finds_what_a_catalog_writes_in_tagalog(
    text: str, expected: list[tuple[str, int]]
) -> None:
    rows = """\
D1,Datu Puti Suka 1L x12 /cs,Datu Puti,Condiments,1L,case,12,720.00,PHP,,90,1,true
D2,SS Toyo 1L x12 /cs,Silver Swan,Condiments,1L,case,12,840.00,PHP,,80,1,true
D3,Rufina Patis 750ml x12 /cs,Rufina,Condiments,750ml,case,12,900.00,PHP,,50,1,true
D4,Saba Mackerel Tom. Sce 155g x100 /cs,Saba,Canned Fish,155g,case,100,2650.00,PHP,,60,1,true
"""
    assert resolved(text, catalog_index(rows)) == expected


def test_carne_and_karne_norte_are_one_word_and_corned_beef_finds_either() -> None:
    rows = """\
K5,CDO Karne Norte 150g x48 /cs,CDO,Canned Meat,150g,case,48,1380.00,PHP,,80,1,true
K6,CDO Meatloaf 150g x48 /cs,CDO,Canned Meat,150g,case,48,1250.00,PHP,,60,1,true
"""
    index = catalog_index(rows)
    assert resolved("carne norte cdo 3cs", index) == [("K5", 3)]
    assert resolved("corned beef 2 cs", index) == [("K5", 2)]


def test_what_a_pack_holds_said_as_a_name_writes_it_elsewhere_only_prefers_the_names_writing_it() -> None:
    rows = """\
L1,Ligo Sard. Tom. Sce (Red) 155g x100 /cs,Ligo,Canned Fish,155g,case,100,2350.00,PHP,,150,1,true
L2,Plastic Labo 8x14 100s /pk,,Household,8x14,pack,100,45.00,PHP,,200,1,true
L3,Plastic Labo 10x16 50s /pk,,Household,10x16,pack,50,45.00,PHP,,200,1,true
"""
    index = catalog_index(rows)
    assert resolved("ligo red 100s 3", index) == [("L1", 3)]
    assert resolved("plastic labo 100s 5 pack", index) == [("L2", 5)]


@pytest.mark.parametrize("text", ["asukal na pula 1kg 2 bdl", "pulang asukal 1kg 2 bdl", "asukal pula 1kg 2 bdl"])
def test_a_kind_said_in_two_words_is_that_kind_with_a_linker_between_or_after_them(text: str) -> None:
    rows = """\
S1,Brown Sugar 1kg x20 /bdl,,Sugar,1kg,bale,20,1240.00,PHP,,50,1,true
S2,Refined Sugar 1kg x20 /bdl,,Sugar,1kg,bale,20,1560.00,PHP,,40,1,true
"""
    assert resolved(text, catalog_index(rows)) == [("S1", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "coke 1.5 saka royal 1.5, tig 2 case",
        "coke 1.5 asin royal 1.5, tig duwang case",
        "coke 1.5 at royal 1.5, 2 case each",
    ],
)
def test_an_amount_of_each_said_apart_after_sized_items_counts_each_once(text: str) -> None:
    rows = """\
R1,Coca-Cola 1.5L x12 /cs,Coca-Cola,Softdrinks,1.5L,case,12,816.00,PHP,,90,1,true
R2,Royal Tru-Orange 1.5L x12 /cs,Royal,Softdrinks,1.5L,case,12,780.00,PHP,,80,1,true
"""
    assert resolved(text, catalog_index(rows)) == [("R1", 2), ("R2", 2)]


def test_wite_as_owners_type_white_names_the_white_variant() -> None:
    rows = """\
W1,Nescafe 3-in-1 Orig 28g x10 /tie,Nescafe,Coffee,28g,pack,10,80.00,PHP,,280,5,true
W2,Nescafe 3-in-1 Creamy White 29g x10 /tie,Nescafe,Coffee,29g,pack,10,84.00,PHP,,200,5,true
"""
    assert resolved("nescafe creamy wite 5 tie", catalog_index(rows)) == [("W2", 5)]


def test_rice_said_alone_asks_among_the_rices_not_the_glutinous_rice() -> None:
    rows = """\
R1,SINANDOMENG WELL-MILLED RICE 50KG,,RICE,50kg,bag,1,2350.00,PHP,,80,1,true
R2,PRINCESS JASMINE RICE 50KG,Princess,RICE,50kg,bag,1,2450.00,PHP,,40,1,true
R3,MALAGKIT GLUTINOUS RICE 50KG,,RICE,50kg,bag,1,3400.00,PHP,,200,1,true
"""
    index = catalog_index(rows)
    assert [sorted(item.candidates) for item in parse_order("bugas 3 sako", index).ambiguous] == [["R1", "R2"]]
    assert resolved("malagkit 1 sako", index) == [("R3", 1)]


ILOCANO_ROWS = """\
I1,LUCKY ME MAMI BEEF 55G BX/72,Lucky Me,GROC-NOODLES,55g,box,72,836.00,PHP,,120,1,true
I2,LUCKY ME MAMI CHICKEN 55G BX/72,Lucky Me,GROC-NOODLES,55g,box,72,836.00,PHP,,110,1,true
I3,KOPIKO BROWN 27.5G TIE/10,Kopiko,BEV-COFFEE,27.5g,pack,10,80.00,PHP,,300,5,true
I4,SUNSHINE MATCHES BDL/10,Sunshine,HOME-GENERAL,10s,bale,10,26.00,PHP,posporo,300,1,true
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sangakahon a mami chicken", [("I2", 1)]),
        ("sangabugkos nga posporo", [("I4", 1)]),
        ("sangapulo ket lima a tali kopiko brown", [("I3", 15)]),
        ("mami beef 5 kahon, haan, 6 ketdi", [("I1", 6)]),
        ("mami beef 2 kahon, baliwan iti mami chicken", [("I2", 2)]),
    ],
)
def test_ilocano_sanga_for_one_ket_joining_tens_and_ketdi_or_baliwan_correcting(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert resolved(text, catalog_index(ILOCANO_ROWS)) == expected


def test_ilocano_manu_asks_a_price_inside_an_order() -> None:
    parse = parse_order("mami beef 2 kahon, manu ti kopiko brown?", catalog_index(ILOCANO_ROWS))
    assert [(line.sku, line.quantity) for line in parse.lines] == [("I1", 2)]
    assert [item.candidates for item in parse.price_questions] == [("I3",)]


PRICE_LIST_ROWS = """\
P1,555 SARD TSC 155G CS/100,555,GROC-CANNED FISH,155g,case,100,2250.00,PHP,,110,1,true
P2,555 SARD HOT&SPCY 155G CS/100,555,GROC-CANNED FISH,155g,case,100,2290.00,PHP,,70,1,true
P3,ARGENTINA CORNBF 150G CS/48,Argentina,GROC-CANNED MEAT,150g,case,48,1940.00,PHP,,90,1,true
P4,ARGENTINA CORNBF 260G CS/24,Argentina,GROC-CANNED MEAT,260g,case,24,1580.00,PHP,,40,1,true
P5,DATU PUTI VINEGAR 1L CS/12,Datu Puti,GROC-CONDIMENTS,1L,case,12,730.00,PHP,,90,1,true
P6,DATU PUTI SOY 1L CS/12,Datu Puti,GROC-CONDIMENTS,1L,case,12,790.00,PHP,,70,1,true
P7,SILVER SWAN SOY 1L CS/12,Silver Swan,GROC-CONDIMENTS,1L,case,12,850.00,PHP,,80,1,true
P8,BAGUIO VEG OIL 1L CS/12,Baguio,STAPLES-OIL,1L,case,12,1150.00,PHP,,70,1,true
P9,MINOLA COCO OIL 1L CS/12,Minola,STAPLES-OIL,1L,case,12,1520.00,PHP,,60,1,true
P10,MARLBORO RED 20S RM/10,Marlboro,TOBACCO,20s,carton,10,1560.00,PHP,,60,1,true
P11,FORTUNE RED 20S RM/10,Fortune,TOBACCO,20s,carton,10,1060.00,PHP,,80,1,true
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("555 sardines tomato sauce 3 case", [("P1", 3)]),
        ("argentina corned beef 150g 2 cs", [("P3", 2)]),
        ("argentina corn beef 260 1 cs", [("P4", 1)]),
        ("toyo datu puti 1L 2 kaha", [("P6", 2)]),
        ("baguio cooking oil 1L 2 cs", [("P8", 2)]),
    ],
)
def test_kind_words_find_what_a_price_list_writes_short(text: str, expected: list[tuple[str, int]]) -> None:
    assert resolved(text, catalog_index(PRICE_LIST_ROWS)) == expected


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("toyo 2 kaha", ["P6", "P7"]),
        ("cooking oil 2 cs", ["P8", "P9"]),
        ("sigarilyo 2 ream", ["P10", "P11"]),
        ("cigarettes 2 ream", ["P10", "P11"]),
    ],
)
def test_a_kind_word_alone_asks_among_what_a_price_list_writes_short_or_files_under_it(
    text: str, candidates: list[str]
) -> None:
    parse = parse_order(text, catalog_index(PRICE_LIST_ROWS))
    assert [sorted(item.candidates) for item in parse.ambiguous] == [candidates]
    assert not parse.lines


def test_gin_is_the_ginebra_a_list_writes_for_it() -> None:
    rows = """\
G1,GINEBRA BILOG 350ML CS/24,Ginebra San Miguel,LIQUOR,350ml,case,24,1750.00,PHP,,60,1,true
G2,TANDUAY 5YRS LAPAD 375ML CS/24,Tanduay,LIQUOR,375ml,case,24,1690.00,PHP,,70,1,true
"""
    index = catalog_index(rows)
    assert resolved("gin bilog 2 case", index) == [("G1", 2)]
    assert resolved("maysa pay a kaha ti gin bilog", index) == [("G1", 1)]


@pytest.mark.parametrize(
    "text",
    ["Tagtallo a tali: milo, bear brand", "tig tallo a tali: milo, bear brand", "tig-3 tali: milo, bear brand"],
)
def test_an_amount_of_each_in_words_before_a_colon_counts_every_item_after_it(text: str) -> None:
    rows = """\
T1,MILO PWD 22G TIE/10,Milo,GROC-MILK,22g,pack,10,90.00,PHP,,350,5,true
T2,BEAR BRAND PWD 33G TIE/12,Bear Brand,GROC-MILK,33g,pack,12,140.00,PHP,,400,5,true
"""
    assert resolved(text, catalog_index(rows)) == [("T1", 3), ("T2", 3)]


SOUTHERN_TAGALOG_ROWS = """\
B1,MEGA SARDINES RED 100x155g CS,Mega,DELATA,155g,case,100,2300.00,PHP,,110,1,true
B2,MEGA SARDINES GREEN CHILI 100x155g CS,Mega,DELATA,155g,case,100,2340.00,PHP,,60,1,true
B3,SAN MIGUEL PALE PILSEN 320ml x 24 CS,San Miguel,ALAK,320ml,case,24,1150.00,PHP,,100,1,true
B4,SAN MIGUEL LIGHT 330ml x 24 CS,San Miguel,ALAK,330ml,case,24,1220.00,PHP,,50,1,true
B5,DINORADO 25KG SCK,,BIGAS,25kg,bag,1,1680.00,PHP,,50,1,true
B6,MARLBORO RED 10x20s RM,Marlboro,SIGARILYO,20s,carton,10,1560.00,PHP,,60,1,true
B7,MIGHTY RED 10x20s RM,Mighty,SIGARILYO,20s,carton,10,900.00,PHP,,50,1,true
B8,COKE LITRO 1L RGB x 12 CS,Coca-Cola,SOFTDRINKS,1L,crate,12,380.00,PHP,,50,1,true
B9,AJINOMOTO 24x11g PCK,Ajinomoto,PAMPALASA,11g,pack,24,105.00,PHP,,300,2,true
B10,MAGIC SARAP 12x8g PCK,Maggi,PAMPALASA,8g,pack,12,62.00,PHP,,500,2,true
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mega sardines pula 4 cs", [("B1", 4)]),
        ("san mig light 2 case", [("B4", 2)]),
        ("tatlong case ng pale pilsen tas dalawa ng san mig light", [("B3", 3), ("B4", 2)]),
        ("meron ga kayong mighty red? 2 ream sana", [("B7", 2)]),
        ("ala eh ire ang order ko: 2 ream marlboro red", [("B6", 2)]),
        ("sampung sako dinorado para sa carinderia", [("B5", 10)]),
        ("2 case pale pilsen deliver sa tanauan", [("B3", 2)]),
        ("coke litro 3 crate, pakibalik yung mga bote", [("B8", 3)]),
        ("budget ko P3000, 2 ream mighty red lang muna", [("B7", 2)]),
        ("vetsin 10 pack", [("B9", 10)]),
    ],
)
def test_southern_tagalog_particles_place_and_chatter_words_and_short_names(
    text: str, expected: list[tuple[str, int]]
) -> None:
    parse = parse_order(text, catalog_index(SOUTHERN_TAGALOG_ROWS))
    assert [(line.sku, line.quantity) for line in parse.lines] == expected
    assert not parse.ambiguous
    assert not parse.unknown


def test_batangueno_ga_and_baga_ask_a_price_inside_an_order() -> None:
    parse = parse_order("marlboro red 2 ream. magkano ga ang mighty red?", catalog_index(SOUTHERN_TAGALOG_ROWS))
    assert [(line.sku, line.quantity) for line in parse.lines] == [("B6", 2)]
    assert [item.candidates for item in parse.price_questions] == [("B7",)]
    alone = parse_order("ala eh magkano baga ang are na mighty red?", catalog_index(SOUTHERN_TAGALOG_ROWS))
    assert [(line.sku, line.quantity) for line in alone.lines] == [("B7", 1)]
    assert not alone.unknown


def test_a_filler_of_another_language_that_a_name_holds_names_it_in_a_counted_part() -> None:
    parse = parse_order("san mig apple 3 case tsaka pale 2 case", catalog_index(SOUTHERN_TAGALOG_ROWS))
    assert [(line.sku, line.quantity) for line in parse.lines] == [("B3", 2)]
    assert [item.phrase for item in parse.unknown] == ["san mig apple 3 case"]


def test_a_brand_said_again_without_its_variant_word_is_the_plain_product_not_the_variant_ordered_before() -> None:
    rows = """\
C1,CENTURY TUNA FLAKES IN OIL 48x155g CS,Century,DELATA,155g,case,48,1730.00,PHP,,100,1,true
C2,CENTURY TUNA HOT & SPICY 48x155g CS,Century,DELATA,155g,case,48,1760.00,PHP,,60,1,true
"""
    text = "1 case century hot n spicy, 2 case century 155"
    assert resolved(text, catalog_index(rows)) == [("C2", 1), ("C1", 2)]


def test_laundry_soap_asks_among_what_a_list_files_under_laba() -> None:
    rows = """\
L1,TIDE BAR ORIGINAL 36x125g CS,Tide,LABA,125g,case,36,720.00,PHP,,60,1,true
L2,CHAMPION BAR ORIGINAL 24x390g CS,Champion,LABA,390g,case,24,850.00,PHP,,70,1,true
L3,SAFEGUARD PURE WHITE 48x60g CS,Safeguard,PERSONAL CARE,60g,case,48,1200.00,PHP,,80,1,true
"""
    parse = parse_order("sabon panlaba 2 case", catalog_index(rows))
    assert [sorted(item.candidates) for item in parse.ambiguous] == [["L1", "L2"]]


def test_the_one_at_a_price_each_picked_out_by_yung_is_a_price_point_not_a_count() -> None:
    rows = """\
M1,MILO 10x22g PCK,Milo,GATAS,22g,pack,10,80.00,PHP,,400,2,true
M2,MILO 24x300g CS,Milo,GATAS,300g,case,24,2880.00,PHP,,30,1,true
"""
    index = catalog_index(rows)
    assert resolved("milo yung tig-sampu, 10 pack", index) == [("M1", 10)]
    assert resolved("yung tig 2 case milo", index) == [("M2", 2)]


def test_a_dozen_counts_pieces_so_it_fills_the_pack_of_twelve_not_the_case() -> None:
    rows = """\
N1,LM INST MAMI BEEF 72x55g CS,Lucky Me,NOODLES,55g,case,72,830.00,PHP,,120,1,true
N2,LM INST MAMI BEEF 12x55g PCK,Lucky Me,NOODLES,55g,pack,12,142.00,PHP,,200,2,true
"""
    index = catalog_index(rows)
    assert resolved("isang dosenang mami beef", index) == [("N2", 1)]
    assert resolved("mami beef 2 case", index) == [("N1", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("chippy barbecue 10 pck", [("S1", 10)]),
        ("skyflakes 5 pack, rebisco ganun din", [("S2", 5), ("S3", 5)]),
        ("skyflakes 10 pack tsaka 5 pack nung rebisco", [("S2", 10), ("S3", 5)]),
        ("2 pack skyflakes pero bukas na lang", [("S2", 2)]),
    ],
)
def test_bbq_spelt_out_ganun_din_the_same_amount_and_nung_and_pero_filling(
    text: str, expected: list[tuple[str, int]]
) -> None:
    rows = """\
S1,CHIPPY BBQ 10x27g PCK,Jack 'n Jill,BISKWIT & CHICHIRYA,27g,pack,10,95.00,PHP,,200,2,true
S2,SKYFLAKES 10x25g PCK,M.Y. San,BISKWIT & CHICHIRYA,25g,pack,10,66.00,PHP,,400,2,true
S3,REBISCO CRACKERS 10x32g PCK,Rebisco,BISKWIT & CHICHIRYA,32g,pack,10,62.00,PHP,,250,2,true
"""
    parse = parse_order(text, catalog_index(rows))
    assert [(line.sku, line.quantity) for line in parse.lines] == expected
    assert not parse.ambiguous


def test_corned_beef_asks_among_the_corned_beefs_and_the_karne_norte_a_list_writes_beside_them() -> None:
    rows = """\
K1,ARGENTINA CORNED BEEF 48x150g CS,Argentina,DELATA,150g,case,48,1780.00,PHP,,100,1,true
K2,CDO KARNE NORTE 48x150g CS,CDO,DELATA,150g,case,48,1540.00,PHP,,70,1,true
K3,555 CORNED BEEF 48x150g CS,555,DELATA,150g,case,48,1490.00,PHP,,60,1,true
K4,ARGENTINA MEAT LOAF 48x150g CS,Argentina,DELATA,150g,case,48,1190.00,PHP,,70,1,true
"""
    index = catalog_index(rows)
    parse = parse_order("corned beef 150g 2 case", index)
    assert [sorted(item.candidates) for item in parse.ambiguous] == [["K1", "K2", "K3"]]
    assert resolved("argentina corned beef 2 case", index) == [("K1", 2)]


def test_de_lata_and_lata_name_the_canned_form_a_list_writes_can() -> None:
    rows = """\
G1,BEAR BRAND FORTIFIED 24x150g CS,Bear Brand,GATAS,150g,case,24,1390.00,PHP,,60,1,true
G2,BEAR BRAND STERILIZED CAN 48x140ml CS,Bear Brand,GATAS,140ml,case,48,1510.00,PHP,,40,1,true
"""
    index = catalog_index(rows)
    assert resolved("bear brand de lata 1 case", index) == [("G2", 1)]
    assert resolved("bear brand lata 2 case", index) == [("G2", 2)]


@pytest.mark.parametrize(
    "text", ["dinorado 2 sako... ay hindi, sinandomeng 25 pala", "dinorado 2 sako, sorry sinandomeng 25"]
)
def test_a_number_said_in_place_of_an_ordered_line_that_sizes_the_new_product_keeps_the_amount(text: str) -> None:
    rows = """\
R1,DINORADO 25KG SCK,,BIGAS,25kg,bag,1,1680.00,PHP,,50,1,true
R2,SINANDOMENG 25KG SCK,,BIGAS,25kg,bag,1,1260.00,PHP,,70,1,true
R3,SINANDOMENG 50KG SCK,,BIGAS,50kg,bag,1,2480.00,PHP,,60,1,true
R4,SINANDOMENG 1KG TINGI,,BIGAS,1kg,piece,1,52.00,PHP,,400,5,true
"""
    assert resolved(text, catalog_index(rows)) == [("R2", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2bx mami beef, 1bx mami chix", [("N1", 2), ("N2", 1)]),
        ("mami chkn 3 box", [("N2", 3)]),
        ("3 box mami beef instead na 2", [("N1", 3)]),
    ],
)
def test_chicken_typed_short_and_taglish_instead_na(text: str, expected: list[tuple[str, int]]) -> None:
    rows = """\
N1,LM INST MAMI BEEF 72x55g CS,Lucky Me,NOODLES,55g,box,72,830.00,PHP,,120,1,true
N2,LM INST MAMI CHICKEN 72x55g CS,Lucky Me,NOODLES,55g,box,72,830.00,PHP,,120,1,true
"""
    parse = parse_order(text, catalog_index(rows))
    assert [(line.sku, line.quantity) for line in parse.lines] == expected
    assert not parse.ambiguous
    assert not parse.unknown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("trenta'y singko pack milo", [("M1", 35)]),
        ("kwarenta'y dos pack milo", [("M1", 42)]),
        ("sandosenang pack milo", [("M1", 12)]),
        ("sandosena mami beef", [("N2", 1)]),
    ],
)
def test_spanish_tens_joined_by_y_and_san_for_one_glued_to_a_dozen(text: str, expected: list[tuple[str, int]]) -> None:
    rows = """\
M1,MILO 10x22g PCK,Milo,GATAS,22g,pack,10,80.00,PHP,,400,2,true
N1,LM INST MAMI BEEF 72x55g CS,Lucky Me,NOODLES,55g,case,72,830.00,PHP,,120,1,true
N2,LM INST MAMI BEEF 12x55g PCK,Lucky Me,NOODLES,55g,pack,12,142.00,PHP,,200,2,true
"""
    assert resolved(text, catalog_index(rows)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ipadara anem ka kaha cobra ag sampulo ka kaha red horse", [("C1", 6), ("R1", 10)]),
        ("darwa ka kaha cobra, indi gali, tatlo", [("C1", 3)]),
        ("Mayad nga timprano! ipadara aroman isara ka kaha red horse", [("R1", 1)]),
        ("pa order 2 case cobra tska 1 case red horse", [("C1", 2), ("R1", 1)]),
    ],
)
def test_cuyonon_counts_joins_corrects_and_greets(text: str, expected: list[tuple[str, int]]) -> None:
    rows = """\
C1,Cobra Energy Drink Original 350ml (24 btl/case),Cobra,Beverages > Energy Drinks,350ml,case,24,540.00,PHP,,80,1,true
R1,Red Horse Beer 500ml x 12,Red Horse,Liquor > Beer,500ml,case,12,780.00,PHP,,80,1,true
"""
    parse = parse_order(text, catalog_index(rows))
    assert [(line.sku, line.quantity) for line in parse.lines] == expected
    assert not parse.ambiguous
    assert not parse.unknown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bugay kaku duwa kahun canton iban tu kahun mami", [("N1", 2), ("M1", 3)]),
        ("kiyaptan kami unum kahun canton, salamat tuud", [("N1", 6)]),
        ("canton kahun hangpu", [("N1", 10)]),
        ("canton upat kahun, bukun, pitu na", [("N1", 7)]),
        ("canton tu kahun, ay, lima na hadja", [("N1", 5)]),
        ("dowa kahon canton ago telo kahon mami", [("N1", 2), ("M1", 3)]),
        ("sapolo kahon canton endu enem kahon mami", [("N1", 10), ("M1", 6)]),
        ("telo kahon canton, di, siyaw", [("N1", 9)]),
        ("duwa-duwa kahun canton iban mami", [("N1", 2), ("M1", 2)]),
        ("canton 3 kahon, wait 4 na lang", [("N1", 4)]),
    ],
)
def test_tausug_and_maranao_counts_joins_and_corrections(text: str, expected: list[tuple[str, int]]) -> None:
    rows = """\
N1,NDL LM PCTN ORIG 60G X72,Lucky Me,NOODLES,60g,box,72,1044.00,PHP,canton,200,1,true
M1,NDL LM MAMI CHKN 55G X72,Lucky Me,NOODLES,55g,box,72,828.00,PHP,mami,110,1,true
"""
    parse = parse_order(text, catalog_index(rows))
    assert [(line.sku, line.quantity) for line in parse.lines] == expected
    assert not parse.ambiguous
    assert not parse.unknown


@pytest.mark.parametrize(
    ("text", "asked"),
    [("pila in canton?", "N1"), ("pira i mami?", "M1"), ("awn ba canton?", "N1"), ("aden ba mami?", "M1")],
)
def test_tausug_and_maranao_price_and_stock_questions_name_the_product(text: str, asked: str) -> None:
    rows = """\
N1,NDL LM PCTN ORIG 60G X72,Lucky Me,NOODLES,60g,box,72,1044.00,PHP,canton,200,1,true
M1,NDL LM MAMI CHKN 55G X72,Lucky Me,NOODLES,55g,box,72,828.00,PHP,mami,110,1,true
"""
    parse = parse_order(text, catalog_index(rows))
    assert [line.sku for line in parse.lines] + [c for q in parse.price_questions for c in q.candidates] == [asked]


def test_corned_beef_asks_also_about_the_carne_norte_a_list_names_otherwise() -> None:
    rows = """\
A1,CB ARGENTINA HALAL 150G X48,Argentina,CANNED GOODS,150g,case,48,1930.00,PHP,argentina corned beef,100,1,true
C1,CB CDO HALAL 150G X48,CDO,CANNED GOODS,150g,case,48,1480.00,PHP,cdo corned beef,80,1,true
F1,CB 555 CARNE NORTE 150G X48,555,CANNED GOODS,150g,case,48,1420.00,PHP,555 carne norte,90,1,true
"""
    parse = parse_order("corned beef 150g 2 case", catalog_index(rows))
    assert [sorted(item.candidates) for item in parse.ambiguous] == [["A1", "C1", "F1"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("century tuna 2 case", [("T1", 2)]),
        ("century hot and spicy 1 case", [("T2", 1)]),
        ("century h&s 3 case", [("T2", 3)]),
    ],
)
def test_plain_tuna_is_the_one_in_oil_beside_the_hot_and_spicy_written_h_and_s(
    text: str, expected: list[tuple[str, int]]
) -> None:
    rows = """\
T1,TUNA CENTURY FLKS OIL 155G X48,Century,CANNED GOODS,155g,case,48,1740.00,PHP,,100,1,true
T2,TUNA CENTURY FLKS H&S 155G X48,Century,CANNED GOODS,155g,case,48,1790.00,PHP,,70,1,true
S1,SHMP H&S CLASSIC 12MLX12,Head & Shoulders,PERSONAL CARE,12ml,pack,12,96.00,PHP,,250,5,true
"""
    parse = parse_order(text, catalog_index(rows))
    assert [(line.sku, line.quantity) for line in parse.lines] == expected
    assert not parse.ambiguous


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("padad-a ko tulo ka kahon canton kay aon pista sa amo", [("N1", 3)]),
        ("ipadara an lima ka kahon canton ug duha ka kahon mami kay waya na ako stock", [("N1", 5), ("M1", 2)]),
        ("canton 2 box because my stock ran out, mami 1 box", [("N1", 2), ("M1", 1)]),
        ("usa ka kahon canton, aon ba mami?", [("N1", 1)]),
    ],
)
def test_surigaonon_orders_and_the_reasons_they_give(text: str, expected: list[tuple[str, int]]) -> None:
    rows = """\
N1,NDL LM PCTN ORIG 60G X72,Lucky Me,NOODLES,60g,box,72,1044.00,PHP,canton,200,1,true
M1,NDL LM MAMI CHKN 55G X72,Lucky Me,NOODLES,55g,box,72,828.00,PHP,mami,110,1,true
"""
    parse = parse_order(text, catalog_index(rows))
    assert [(line.sku, line.quantity) for line in parse.lines] == expected
    assert not parse.ambiguous
    assert not parse.unknown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("manda kanamon 5 caja ligo, no, cambia con 3", [("L1", 3)]),
        ("manda kanamon ahora mismo 4 caja ligo", [("L1", 4)]),
        ("quiere yo dos caja ligo spicy", [("L2", 2)]),
        ("ligo spcy 1 cs y canton orig 2 box", [("L2", 1), ("C1", 2)]),
        ("quiere yo 2 box canton hot, si nuay, canton original", [("C2", 2)]),
        ("dos lata spring 18L", [("O1", 2)]),
        ("nescafe original 3 tie", [("N1", 3)]),
    ],
)
def test_chavacano_orders_with_a_list_that_writes_the_brand_after_the_description(
    text: str, expected: list[tuple[str, int]]
) -> None:
    rows = """\
L1,SARDINES TOMATO SAUCE 155G LIGO X100 CS,Ligo,CANNED GOODS,155g,case,100,2350.00,PHP,,160,1,true
L2,SARDINES TOMATO SAUCE HOT 155G LIGO X100 CS,Ligo,CANNED GOODS,155g,case,100,2400.00,PHP,,90,1,true
C1,PANCIT CANTON ORIGINAL 60G LUCKY ME X72 BX,Lucky Me,NOODLES,60g,box,72,1060.00,PHP,,250,1,true
C2,PANCIT CANTON HOT CHILI 60G LUCKY ME X72 BX,Lucky Me,NOODLES,60g,box,72,1060.00,PHP,,140,1,true
N1,3IN1 COFFEE ORIG 20G NESCAFE 10S TIE,Nescafe,COFFEE,20g,pack,10,78.00,PHP,,300,1,true
O1,COOKING OIL PALM 18L SPRING TIN,Spring,COOKING ESSENTIALS,18L,tin,1,1690.00,PHP,,15,1,true
"""
    parse = parse_order(text, catalog_index(rows))
    assert [(line.sku, line.quantity) for line in parse.lines] == expected
    assert not parse.ambiguous
    assert not parse.unknown


def test_a_local_word_for_a_kind_named_in_two_words_reaches_no_product_that_writes_only_one() -> None:
    rows = """\
F1,FISH SAUCE 750ML RUFINA X12 CS,Rufina,COOKING ESSENTIALS,750ml,case,12,780.00,PHP,patis,40,1,true
S1,SOY SAUCE 1L SILVER SWAN X12 CS,Silver Swan,COOKING ESSENTIALS,1L,case,12,660.00,PHP,,80,1,true
S2,SOY SAUCE 1L DATU PUTI X12 CS,Datu Puti,COOKING ESSENTIALS,1L,case,12,640.00,PHP,,50,1,true
"""
    index = catalog_index(rows)
    assert resolved("patis 2 cs", index) == [("F1", 2)]
    assert resolved("fish sauce 1 cs", index) == [("F1", 1)]
