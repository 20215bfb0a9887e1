"""A price asked inside an order, and corrections made inside one message, in several languages."""

from __future__ import annotations

import pytest

from nlu import CatalogIndex, OrderParse, parse_order
from tests.nlu.conftest import catalog_index


def lines_of(parse: OrderParse) -> list[tuple[str, int]]:
    return [(line.sku, line.quantity) for line in parse.lines]


def questions_of(parse: OrderParse) -> list[tuple[tuple[str, ...], int, str]]:
    """What the parse asks about, when it orders nothing."""
    assert parse.lines == ()
    return [(item.candidates, item.quantity, item.reason) for item in parse.ambiguous]


def asked_of(parse: OrderParse) -> list[tuple[str, ...]]:
    return [question.candidates for question in parse.price_questions]


@pytest.mark.parametrize(
    "text",
    [
        "5 crates vimba 350ml, and how much is siki 1L?",
        "tuma 5 crates vimba 350ml, pia siki 1L bei gani?",
        "5 crates vimba 350ml bhejo, siki 1L ka kya rate hai",
        "abeg send 5 crates vimba 350ml, wetin be price of siki 1L",
        "5 crates vimba 350ml, siki 1L inaenda aje",
        "5 crates vimba 350ml. Na je siki 1L?",
        "5 crates vimba 350ml na unipatie rate ya siki 1L",
    ],
)
def test_a_price_asked_inside_an_order_is_answered_not_ordered(invented_index: CatalogIndex, text: str) -> None:
    parse = parse_order(text, invented_index)
    assert lines_of(parse) == [("Q101", 5)]
    assert asked_of(parse) == [("Q114",)]


@pytest.mark.parametrize(
    "text",
    [
        "5 crates vimba 350ml, pia siki 1L na rundu 5L bei gani?",
        "5 crates vimba 350ml, also siki 1L and rundu 5L how much?",
    ],
)
def test_a_price_asked_after_two_items_joined_behind_an_order_asks_about_both(
    invented_index: CatalogIndex, text: str
) -> None:
    parse = parse_order(text, invented_index)
    assert lines_of(parse) == [("Q101", 5)]
    assert asked_of(parse) == [("Q114",), ("Q116",)]


def test_a_price_asked_of_a_product_in_several_kinds_names_every_candidate(invented_index: CatalogIndex) -> None:
    parse = parse_order("2 bales tamu 1kg, and the price of korro 600ml?", invented_index)
    assert lines_of(parse) == [("Q107", 2)]
    assert [set(c) for c in asked_of(parse)] == [{"Q104", "Q105"}]


def test_a_message_that_only_asks_prices_reads_its_items_as_lines(invented_index: CatalogIndex) -> None:
    parse = parse_order("bei ya siki 1L na rundu 5L", invented_index)
    assert sorted(lines_of(parse)) == [("Q114", 1), ("Q116", 1)]
    assert parse.price_questions == ()


@pytest.mark.parametrize(
    "text",
    [
        "how much for 2 bales tamu 1kg and 3 crates vimba 350ml?",
        "magkano kung 2 bales tamu 1kg at 3 crates vimba 350ml",
    ],
)
def test_a_price_asked_of_counted_items_joined_by_a_connector_asks_about_all_of_them(
    invented_index: CatalogIndex, text: str
) -> None:
    parse = parse_order(text, invented_index)
    assert sorted(lines_of(parse)) == [("Q101", 3), ("Q107", 2)]
    assert parse.price_questions == ()


def test_a_counted_item_after_a_price_asked_in_another_sentence_is_ordered(invented_index: CatalogIndex) -> None:
    parse = parse_order("how much for 2 bales tamu 1kg? send 3 crates vimba 350ml", invented_index)
    assert lines_of(parse) == [("Q101", 3)]
    assert asked_of(parse) == [("Q107",)]


@pytest.mark.parametrize(
    "text",
    [
        "5 crates vimba 350ml sorry 7 not 5",
        "5 crates vimba 350ml, sorry make it 7",
        "5 crates vimba 350ml, 5 nahi, 7 karo",
        "5 crates vimba 350ml badala yake weka 7",
        "pakisend po 5 crates vimba 350ml, ay hindi 7 pala",
        "5 crates vimba 350ml, galti se likha, 7 crates",
        "5 crates vimba 350ml, imbes na 5, 7",
        "5 crates vimba 350ml, maimakon 5, 7",
        "5 crates vimba 350ml, dipo 5, 7",
        "5 crates vimba 350ml, 7 au lieu de 5",
        "7 crates vimba 350ml instead of 5",
        "5 peti vimba 350ml, 7 kar do",
        "5 crates vimba 350ml, a canza zuwa 7",
        "5 crates vimba 350ml no wait 7",
        "5 crates vimba 350ml oops 7",
        "5 peti vimba 350ml, galti se 5 likha, 7 chahiye",
        "5 crates vimba 350ml, sorry 5, 7",
        "5 crates vimba 350ml hindi, 7",
        "vimba 350ml 5 crates bukan, 7",
        "vimba 350ml 5 crates hapana, 7 crates",
        "vimba 350 crate 5 nahi 7",
        "vimba 350ml crates 5 no 7",
        "vimba 350ml 5 crates no 7",
    ],
)
def test_a_corrected_amount_replaces_the_earlier_one(invented_index: CatalogIndex, text: str) -> None:
    assert lines_of(parse_order(text, invented_index)) == [("Q101", 7)]


@pytest.mark.parametrize("text", ["5 nahi 7 karo vimba 350ml", "5 nahi, 7 karo vimba 350ml", "not 5, 7 vimba 350ml"])
def test_an_amount_corrected_before_its_product_counts_it(invented_index: CatalogIndex, text: str) -> None:
    assert lines_of(parse_order(text, invented_index)) == [("Q101", 7)]


@pytest.mark.parametrize(
    "text",
    [
        "5 crates vimba 350ml, 3 cases siki 1L, sorry 7 not 5",
        "5 crates vimba 350ml na siki 1L case 3, 7 hapana 5",
        "5 crates vimba 350ml, siki 1L 3 case, 5 nahi 7 karo",
    ],
)
def test_a_correction_that_takes_back_an_earlier_amount_changes_that_line(
    invented_index: CatalogIndex, text: str
) -> None:
    assert sorted(lines_of(parse_order(text, invented_index))) == [("Q101", 7), ("Q114", 3)]


def test_a_no_ending_an_item_with_nothing_after_it_keeps_the_amount(invented_index: CatalogIndex) -> None:
    parse = parse_order("siki 1L 3 case, vimba 350ml 5 crates hindi", invented_index)
    assert sorted(lines_of(parse)) == [("Q101", 5), ("Q114", 3)]


def test_an_amount_taken_back_is_never_moved_to_the_item_asked_about_last(invented_index: CatalogIndex) -> None:
    parse = parse_order("5 crates vimba 350ml na 2 bales kulu, sorry 7 not 5", invented_index)
    assert lines_of(parse) == [("Q101", 7)]
    assert [item.quantity for item in parse.ambiguous] == [2]


def test_a_corrected_size_keeps_the_amount_and_the_product(invented_index: CatalogIndex) -> None:
    parse = parse_order("3 cases siki 1L, no wait, the 250ml one", invented_index)
    assert lines_of(parse) == [("Q115", 3)]


def test_a_question_particle_is_not_a_removal(invented_index: CatalogIndex) -> None:
    assert lines_of(parse_order("meron ba kayong siki 1L?", invented_index)) == [("Q114", 1)]


@pytest.mark.parametrize("removal", ["remove the pola", "pola nahi chahiye", "ondoa pola"])
def test_a_product_removed_later_in_the_message_is_not_ordered(invented_index: CatalogIndex, removal: str) -> None:
    parse = parse_order(f"5 crates vimba 350ml, 2 ctn pola, {removal}", invented_index)
    assert lines_of(parse) == [("Q101", 5)]


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("5 crates vimba 350ml, remove one", 4),
        ("5 crates vimba 350ml, toa moja", 4),
        ("5 crates vimba 350ml, minus 2", 3),
        ("5 crates vimba 350ml, 2 ctn pola, toa vimba 2", 3),
        ("5 crates vimba 350ml, remove 48 bottles", 3),
        # With no comma before it, and `by` no time of day after a word taking an amount off.
        ("5 crates vimba 350ml minus 2", 3),
        ("5 crates vimba 350ml one less", 4),
        ("5 crates vimba 350ml reduce by 2", 3),
        ("5 crates vimba 350ml toa moja", 4),
        ("5 crates vimba 350ml remove 2", 3),
        ("5 crates vimba 350ml, reduce by 1", 4),
    ],
)
def test_an_amount_taken_off_comes_off_its_line_never_added(invented_index: CatalogIndex, text: str, left: int) -> None:
    assert lines_of(parse_order(text, invented_index))[0] == ("Q101", left)


def test_an_item_after_an_amount_taken_off_is_ordered_not_taken_off(invented_index: CatalogIndex) -> None:
    parse = parse_order("5 crates vimba 350ml, toa moja, na pola ctn 2", invented_index)
    assert lines_of(parse) == [("Q101", 4), ("Q111", 2)]


def test_an_amount_taken_off_that_leaves_no_whole_pack_asks_the_amount(invented_index: CatalogIndex) -> None:
    parse = parse_order("5 crates vimba 350ml, remove 5 bottles", invented_index)
    assert questions_of(parse) == [(("Q101",), 5, "quantity")]


def test_every_pack_taken_off_takes_the_line_off(invented_index: CatalogIndex) -> None:
    assert lines_of(parse_order("5 crates vimba 350ml, 2 ctn pola, remove 2", invented_index)) == [("Q101", 5)]


@pytest.mark.parametrize(
    "text",
    [
        "5 crates vimba 350ml, kama hakuna weka siki 1L",
        "5 crates vimba 350ml ikikosa siki",
        "5 crates vimba 350ml, if none send siki",
        "5 crates vimba 350ml, if none, siki 1L",
        "5 crates vimba 350ml, kung nuay, siki 1L",
        "5 crates vimba 350ml, ka onge to siki",
        "5 peti vimba 350ml, nahi hai to siki",
    ],
)
def test_what_to_send_if_an_item_is_out_is_never_ordered(invented_index: CatalogIndex, text: str) -> None:
    parse = parse_order(text, invented_index)
    assert (lines_of(parse), parse.ambiguous, parse.unknown) == ([("Q101", 5)], (), ())


@pytest.mark.parametrize(
    "text",
    ["vimba 350ml ama 600ml 2", "vimba 350ml or 600ml 2", "vimba 350ml 2 au 600ml", "vimba 350ml 2, ama ni 600ml"],
)
def test_a_size_offered_in_place_of_another_asks_between_them(invented_index: CatalogIndex, text: str) -> None:
    assert questions_of(parse_order(text, invented_index)) == [(("Q101", "Q102"), 2, "product")]


def test_an_amount_in_a_pack_the_item_is_not_sold_in_is_told_never_dropped(invented_index: CatalogIndex) -> None:
    parse = parse_order("5 crates vimba 350ml, 2 bars", invented_index)
    assert lines_of(parse) == [("Q101", 5)]
    assert [(item.phrase, item.quantity) for item in parse.unknown] == [("2 bars", 2)]


@pytest.mark.parametrize("text", ["START", "Stop!", "MENU", "anza", "help"])
def test_a_command_word_alone_is_never_an_order_line(invented_index: CatalogIndex, text: str) -> None:
    assert parse_order(text, invented_index).is_empty


@pytest.mark.parametrize("text", ["वीम्बा 350ml 5 crates", "wimba 350ml 5 crates", "veemba 350ml 5 crates"])
def test_a_brand_written_as_it_sounds_is_read(invented_index: CatalogIndex, text: str) -> None:
    assert lines_of(parse_order(text, invented_index)) == [("Q101", 5)]


@pytest.mark.parametrize(
    "text",
    [
        "5 crates vimba 350ml na siki 1L case 3, aki siki iwe 4",
        "5 crates vimba 350ml, 3 cases siki 1L, vimba sorry 4",
        "5 crates vimba 350ml, 3 cases siki 1L, sorry vimba 4",
        "siki 1L case 3 na 5 crates vimba 350ml, sorry siki 4",
    ],
)
def test_a_product_named_again_is_the_line_its_correction_changes(invented_index: CatalogIndex, text: str) -> None:
    parse = parse_order(text, invented_index)
    corrected = dict(lines_of(parse))
    assert len(parse.lines) == 2
    assert corrected["Q114" if "iwe" in text or "siki 4" in text else "Q101"] == 4


def test_a_product_named_again_with_a_new_size_changes_its_own_line(invented_index: CatalogIndex) -> None:
    parse = parse_order("tamu 1kg bale 2 na pola ctn 1. hapana, tamu iwe 25kg", invented_index)
    assert sorted(lines_of(parse)) == [("Q108", 2), ("Q111", 1)]


@pytest.mark.parametrize(
    "text",
    [
        "2 bales tamu 1kg... no wait make it nyali",
        "2 bales tamu 1kg, sorry nyali",
        "2 bales tamu 1kg sorry make it nyali",
        "2 bales tamu 1kg, not tamu, nyali",
        "2 bales tamu 1kg. sorry, sio tamu, nyali",
    ],
)
def test_a_product_named_in_a_correction_replaces_the_last_one(invented_index: CatalogIndex, text: str) -> None:
    assert lines_of(parse_order(text, invented_index)) == [("Q109", 2)]


def test_a_correction_naming_another_kind_of_goods_is_one_more_item(invented_index: CatalogIndex) -> None:
    parse = parse_order("2 bales tamu 1kg, sorry rundu", invented_index)
    assert lines_of(parse) == [("Q107", 2), ("Q116", 1)]


def test_a_number_after_no_that_sizes_nothing_is_the_new_amount(invented_index: CatalogIndex) -> None:
    assert lines_of(parse_order("pola ctn 4, no 5", invented_index)) == [("Q111", 5)]


def test_a_question_alone_after_an_uncounted_item_asks_its_price(invented_index: CatalogIndex) -> None:
    parse = parse_order("5 crates vimba 350ml, siki 1L, how much?", invented_index)
    assert lines_of(parse) == [("Q101", 5)]
    assert asked_of(parse) == [("Q114",)]


@pytest.mark.parametrize(
    "text",
    [
        "vimba 350ml 2-3 ctn",
        "2 or 3 crates vimba 350ml",
        "vimba 350ml 2 au 3 crates",
        "vimba 350ml crates mbili tatu",
        "vimba 350ml do teen crate",
        "2 o 3 kahon vimba 350ml",
    ],
)
def test_a_range_of_amounts_asks_how_many(invented_index: CatalogIndex, text: str) -> None:
    assert questions_of(parse_order(text, invented_index)) == [(("Q101",), 0, "quantity")]


@pytest.mark.parametrize(
    "text",
    [
        "vimba 350ml not 3, 5 crates",
        "vimba 350ml not 3 but 5 crates",
        "vimba 350ml crates si 3 ni 5",
        "vimba 350ml 3 nahi 5 crate",
        "vimba 350ml hindi 3, 5 crates",
    ],
)
def test_the_amount_after_the_one_taken_back_is_ordered(invented_index: CatalogIndex, text: str) -> None:
    assert lines_of(parse_order(text, invented_index)) == [("Q101", 5)]


@pytest.mark.parametrize("text", ["siki 1L, rundu 5 each", "siki 1L, rundu tig-5", "tig-5 siki 1L at rundu"])
def test_one_amount_for_each_counts_every_product_listed(invented_index: CatalogIndex, text: str) -> None:
    assert sorted(lines_of(parse_order(text, invented_index))) == [("Q114", 5), ("Q116", 5)]


PLACES = ["deliver to my shop", "\naddress: plot 12 main street", "\nlocation: stall 12, kariakor"]


@pytest.mark.parametrize("text", [f"5 crates vimba 350ml {place}" for place in PLACES])
def test_where_to_deliver_is_never_an_item(invented_index: CatalogIndex, text: str) -> None:
    parse = parse_order(text, invented_index)
    assert (lines_of(parse), parse.ambiguous, parse.unknown) == ([("Q101", 5)], (), ())


WHEN = ["deliver by 3pm", "deliver at 10:30", "deliver at 2:30 pm", "before 10.30am", "leteni saa nne", "saa 3 asubuhi"]


@pytest.mark.parametrize("text", [f"5 crates vimba 350ml, {when}" for when in WHEN])
def test_when_to_deliver_is_never_an_amount_or_an_item(invented_index: CatalogIndex, text: str) -> None:
    # `10:30` was a line of 30 added to the 5 crates; the `pm` of `3pm` a word of the product, which was then asked.
    parse = parse_order(text, invented_index)
    assert (lines_of(parse), parse.ambiguous, parse.unknown) == ([("Q101", 5)], (), ())


@pytest.mark.parametrize(
    "text", ["vimba 350ml crates moja na nusu", "1.5 crates vimba 350ml", "one and a half crates vimba 350ml"]
)
def test_a_count_and_a_half_of_packs_is_kept_as_typed_and_flagged(invented_index: CatalogIndex, text: str) -> None:
    parse = parse_order(text, invented_index)
    assert [(line.sku, line.quantity, line.unit_mismatch) for line in parse.lines] == [("Q101", 1, True)]
    assert not parse.ambiguous


SWAP_ROWS = """\
W1,"Malto Drink 330ml can, carton of 24",Malto,malt drinks,330ml,carton,24,192.00,GHS,malto,90,1,true
W2,"Beto Malt 330ml can, carton of 24",Beto,malt drinks,330ml,carton,24,168.00,GHS,beto,70,1,true
W3,"Nudo Noodles Onion 70g, carton of 40",Nudo,noodles,70g,carton,40,176.00,GHS,nudo onion,80,1,true
"""


@pytest.mark.parametrize(
    "text",
    [
        "malto 2 ctn, beto malt instead of malto",
        "malto 2 ctn, instead of malto send beto",
        "malto 2 ctn, malto er bodole beto",
        "malto 2 ctn, badala ya malto beto",
    ],
)
def test_a_product_named_instead_of_one_ordered_takes_its_place(text: str) -> None:
    assert lines_of(parse_order(text, catalog_index(SWAP_ROWS))) == [("W2", 2)]


SHARED_BRAND_ROWS = """\
K1,"Kopi Black 3in1 30g, tie of 10",Kopi,coffee,30g,pack,10,78.00,PHP,,300,5,true
K2,"Kopi Brown 3in1 27g, tie of 10",Kopi,coffee,27g,pack,10,78.00,PHP,,300,5,true
"""


@pytest.mark.parametrize(
    "text",
    [
        "10 tie kopi brown, not kopi black",
        "10 tie kopi brown instead of kopi black",
        "10 tie kopi brown imbes na kopi black",
    ],
)
def test_a_product_of_the_same_brand_named_after_a_negation_is_not_the_one_ordered(text: str) -> None:
    assert lines_of(parse_order(text, catalog_index(SHARED_BRAND_ROWS))) == [("K2", 10)]


CRACKER_ROWS = """\
C1,"Fita Crackers 30g, pack of 10",M.Y. San,snacks,30g,pack,10,64.00,PHP,,150,1,true
C2,"Mountain Dew 290ml, case of 12",Mountain Dew,softdrinks,290ml,case,12,204.00,PHP,,70,1,true
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fita? fita 3 pack", [("C1", 3)]),
        ("mt. dew 2 case", [("C2", 2)]),
        ("fita 2 pack, fita 3 pack", [("C1", 5)]),
    ],
)
def test_a_product_named_then_at_once_named_with_an_amount_is_one_item(text: str, expected: list) -> None:
    assert lines_of(parse_order(text, catalog_index(CRACKER_ROWS))) == expected


def test_a_removal_word_with_nothing_after_it_takes_off_the_item_before_it() -> None:
    parse = parse_order("malto 2 ctn, nudo onion 3 ctn, remove it", catalog_index(SWAP_ROWS))
    assert lines_of(parse) == [("W1", 2)]


OIL_ROWS = """\
L1,"Fryo Cooking Oil 1L, carton of 12",Fryo,cooking oil,1L,carton,12,432.00,GHS,fryo,60,1,true
L2,"Fryo Cooking Oil 5L, jerrycan",Fryo,cooking oil,5L,jerrycan,1,185.00,GHS,fryo,50,1,true
"""


@pytest.mark.parametrize(
    "text", ["fryo 1L 3 ctn, no wait the gallon one", "fryo 1L 3 ctn, sorry gallon", "fryo 1L 3 ctn, sorry the 5L one"]
)
def test_a_pack_said_alone_after_a_correction_word_changes_the_pack_and_keeps_the_amount(text: str) -> None:
    assert lines_of(parse_order(text, catalog_index(OIL_ROWS))) == [("L2", 3)]


def test_one_after_a_pack_word_with_nothing_pointing_at_it_still_counts() -> None:
    assert lines_of(parse_order("fryo 1L carton one", catalog_index(OIL_ROWS))) == [("L1", 1)]


TEA_ROWS = """\
T1,"Chaiya Leaf Tea 50g, outer of 48",Chaiya,tea,50g,outer,48,1680.00,KES,chaiya,40,1,true
T2,"Chaiya Leaf Tea 100g, outer of 40",Chaiya,tea,100g,outer,40,2600.00,KES,chaiya,40,1,true
T3,"Chaiya Leaf Tea 250g, outer of 20",Chaiya,tea,250g,outer,20,3100.00,KES,chaiya,40,1,true
T4,"Chaiya Leaf Tea 500g, outer of 12",Chaiya,tea,500g,outer,12,3600.00,KES,chaiya,40,1,true
"""
TEA_SIZES = ("T1", "T2", "T3", "T4")


@pytest.mark.parametrize(
    "text",
    [
        "chaiya 12 not 10",
        "sorry chaiya 12 not 10",
        "chaiya 12, not 10",
        "chaiya not 10 but 12",
        "samahani, chaiya ni 12 si 10",
        "chaiya 12 sio 10",
        "chaiya 10 nahi 12",
        "chaiya 10 ki jagah 12",
        "chaiya 10 nako 12",
        "chaiya 12 hindi 10",
        "chaiya 12 no be 10",
        "chaiya 12 kii se 10",
        "chaiya 12 pas 10",
        "chaiya 12 不是 10",
        "chaiya 12 ctn not 10",
        "chaiya 12 not 10 ctn",
        "chaiya 10 ctn nahi 12",
    ],
)
def test_an_amount_said_in_place_of_another_is_never_a_pack_count(text: str) -> None:
    """Neither the amount ordered nor the one taken back picks the size whose pack holds that many."""
    assert questions_of(parse_order(text, catalog_index(TEA_ROWS))) == [(TEA_SIZES, 12, "product")]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [("chaiya 500g 12 si 10", 12), ("chaiya 500g 10 nahi 12", 12), ("chaiya 500g 12 ctn nahi, 10", 10)],
)
def test_a_correction_beside_a_size_orders_the_amount_kept(text: str, quantity: int) -> None:
    assert lines_of(parse_order(text, catalog_index(TEA_ROWS))) == [("T4", quantity)]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("chaiya 500g 12 ctn, not 10", 12),
        ("chaiya 500g 12 ctn, si 10", 12),
        ("chaiya 500g 12 ctn, 不是10箱", 12),
        ("chaiya 500g 12 ctn nahi, 10", 10),
        ("chaiya 500g 12 ctn, nahi 10", 10),
        ("chaiya 500g 12 ctn, not 12, 10", 10),
    ],
)
def test_an_amount_denied_after_a_line_changes_it_only_when_another_is_said(text: str, quantity: int) -> None:
    """`12 ctn, not 10` restates the order; `12 ctn nahi, 10` (Hindi puts the amount taken back first) changes it."""
    assert lines_of(parse_order(text, catalog_index(TEA_ROWS))) == [("T4", quantity)]


@pytest.mark.parametrize(
    "text",
    ["chaiya 10, sorry 12", "chaiya 10 ctn, sorry make it 12", "chaiya 10, 10 nahi 12", "chaiya 10 badala yake 12"],
)
def test_an_amount_corrected_after_a_question_changes_the_amount_asked_about(text: str) -> None:
    assert questions_of(parse_order(text, catalog_index(TEA_ROWS))) == [(TEA_SIZES, 12, "product")]


CRATE_ROWS = """\
C1,"Zuri Cola 300ml glass bottle, crate of 24",Zuri,drinks,300ml,crate,24,660.00,KES,zuri,40,1,true
C2,"Zuri Cola 500ml PET, case of 24",Zuri,drinks,500ml,case,24,1150.00,KES,zuri,40,1,true
"""


def test_an_amount_corrected_after_a_question_leaves_the_line_before_it() -> None:
    parse = parse_order("zuri 500ml 5 cases, chaiya 10, sorry 12", catalog_index(TEA_ROWS + CRATE_ROWS))
    assert lines_of(parse) == [("C2", 5)]
    assert [(item.candidates, item.quantity) for item in parse.ambiguous] == [(TEA_SIZES, 12)]


def test_an_amount_corrected_in_the_pack_word_it_was_ordered_in_keeps_the_product() -> None:
    """The PET sold by the case, ordered in crates, stays the PET when `12 crates` corrects it."""
    assert lines_of(parse_order("zuri 500ml 5 crates, sorry 12 crates", catalog_index(CRATE_ROWS))) == [("C2", 12)]


@pytest.mark.parametrize(
    ("text", "quantity", "flagged"),
    [
        ("zuri 500ml 5 cases, sorry 48 bottles", 2, False),
        ("zuri 500ml 5 cases, sorry make it 72 pcs", 3, False),
        ("zuri 500ml 5 cases, sorry 12 bottles", 12, True),
    ],
)
def test_an_amount_corrected_in_pieces_counts_the_packs_of_the_line(text: str, quantity: int, flagged: bool) -> None:
    """Pieces of the line's own product, never the glass bottles sold by the crate."""
    (line,) = parse_order(text, catalog_index(CRATE_ROWS)).lines
    assert (line.sku, line.quantity, line.unit_mismatch) == ("C2", quantity, flagged)


@pytest.mark.parametrize("text", ["kulu 3 kar do", "kulu 3 please"])
def test_a_word_that_only_asks_or_corrects_is_no_part_of_the_phrase_a_question_shows(
    invented_index: CatalogIndex, text: str
) -> None:
    assert [item.phrase for item in parse_order(text, invented_index).ambiguous] == ["kulu 3"]


def test_a_number_before_the_pack_whose_price_is_asked_is_the_size_it_names() -> None:
    index = catalog_index(
        'M1,"Zuko Cola 250ml PET, case of 24",Zuko,soft drinks,250ml,case,24,600.00,BDT,zuko,100,1,true\n'
        'M2,"Zuko Cola 500ml PET, case of 24",Zuko,soft drinks,500ml,case,24,1080.00,BDT,zuko,60,1,true\n'
    )
    parse = parse_order("2 case zuko 500ml, and how much is zuko 250 case?", index)
    assert lines_of(parse) == [("M2", 2)]
    assert asked_of(parse) == [("M1",)]
    assert [set(item.candidates) for item in parse_order("zuko 250 case", index).ambiguous] == [{"M1", "M2"}]


@pytest.mark.parametrize(("text", "phrase"), [("雪碧多少钱一箱？", "雪碧1箱"), ("cement price per bag", "cement bag")])
def test_a_price_question_said_inside_an_item_is_no_part_of_its_phrase(text: str, phrase: str) -> None:
    index = catalog_index("C1,可口可乐 330ml×24罐,可口可乐,beverages,330ml,case,24,52.00,CNY,可乐,100,1,true")
    [unknown] = parse_order(text, index).unknown
    assert unknown.phrase == phrase


@pytest.mark.parametrize("text", ["coke 300ml 5 crates no, 6", "coke 300ml 5 crates nahi, 6"])
def test_a_no_after_an_amount_takes_it_back_for_the_one_said_next(text: str) -> None:
    index = catalog_index("K1,Coca-Cola 300ml bottle,Coca-Cola,beverages,300ml,crate,24,660.00,KES,coke,100,1,true")
    [line] = parse_order(text, index).lines
    assert (line.sku, line.quantity) == ("K1", 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ligo 155, 5 cs", [("L1", 5)]),
        ("ligo 155, 24 pcs", [("L2", 24)]),
        ("tiene pa kamo ligo 155? manda 5 caja", [("L1", 5)]),
        ("do you have ligo 155g? send 2 cs", [("L1", 2)]),
    ],
)
def test_an_amount_in_a_pack_after_an_item_said_with_its_size_alone_answers_which_pack(
    text: str, expected: list[tuple[str, int]]
) -> None:
    rows = (
        "L1,SARDINES TOMATO SAUCE 155G LIGO X100 CS,Ligo,CANNED GOODS,155g,case,100,2350.00,PHP,,160,1,true\n"
        "L2,SARDINES TOMATO SAUCE 155G LIGO PC,Ligo,CANNED GOODS,155g,piece,1,24.50,PHP,,900,1,true\n"
        "L3,SARDINES TOMATO SAUCE 425G LIGO X24 CS,Ligo,CANNED GOODS,425g,case,24,1560.00,PHP,,40,1,true\n"
    )
    parse = parse_order(text, catalog_index(rows))
    assert ([(line.sku, line.quantity) for line in parse.lines], parse.ambiguous, parse.unknown) == (expected, (), ())


def test_a_size_taken_back_beside_the_size_meant_is_not_the_size() -> None:
    index = catalog_index(
        "T1,TOOTHPASTE FRESH 100G (DZN),Freshy,TOOTHPASTE,100g,dozen,12,620.00,INR,freshy,90,1,true\n"
        "T2,TOOTHPASTE FRESH 200G (DZN),Freshy,TOOTHPASTE,200g,dozen,12,1150.00,INR,freshy,30,1,true\n"
    )
    assert lines_of(parse_order("freshy 100g 5 darjan... sorry 100g nahi 200g", index)) == [("T2", 5)]
    assert lines_of(parse_order("freshy 100g 5 dz, not 100g but 200g", index)) == [("T2", 5)]
