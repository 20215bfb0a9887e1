"""How messages are read against a catalog the parser has never been tuned on."""

from __future__ import annotations

from dataclasses import replace

import pytest

from backend.catalog import CatalogItem
from nlu import CatalogIndex, OrderParse, parse_order
from tests.nlu.conftest import catalog_index, resolved


def lines_of(parse: OrderParse) -> list[tuple[str, int]]:
    return [(line.sku, line.quantity) for line in parse.lines]


@pytest.mark.parametrize(
    "text",
    [
        "5 crates vimba 350ml",
        "vimba 350ml 5 crates",
        "vimba 350ml x5",
        "2x vimba 350ml, 3x vimba 350ml",
        "vimba 350ml - 5",
        "crate 5 vimba 350ml",
        "5crates vimba 350ml",
        "five crates vimba 350ml",
        "tano crates vimba 350ml",
        "paanch crates vimba 350ml",
        "५ crates vimba 350ml",
    ],
)
def test_quantity_is_read_in_any_position_and_language(invented_index: CatalogIndex, text: str) -> None:
    assert lines_of(parse_order(text, invented_index)) == [("Q101", 5)]


def test_unqualified_name_means_the_base_product_not_a_named_variant(invented_index: CatalogIndex) -> None:
    assert lines_of(parse_order("vimba 600ml 2 cases", invented_index)) == [("Q102", 2)]
    assert lines_of(parse_order("vimba light 600ml 2 cases", invented_index)) == [("Q103", 2)]


def test_missing_flavour_asks_with_active_candidates_only(invented_index: CatalogIndex) -> None:
    parse = parse_order("korro 600ml 3 cases", invented_index)
    assert not parse.lines
    assert len(parse.ambiguous) == 1
    assert set(parse.ambiguous[0].candidates) == {"Q104", "Q105"}
    assert parse.ambiguous[0].quantity == 3


def test_out_of_stock_sku_named_exactly_is_still_a_line(invented_index: CatalogIndex) -> None:
    assert lines_of(parse_order("korro grape 600ml 1 case", invented_index)) == [("Q105", 1)]


def test_inactive_sku_named_exactly_is_a_line_so_the_assistant_can_say_so(invented_index: CatalogIndex) -> None:
    assert lines_of(parse_order("korro melon 600ml 1 case", invented_index)) == [("Q106", 1)]


def test_inactive_size_is_not_chosen_when_an_active_one_fits(invented_index: CatalogIndex) -> None:
    assert lines_of(parse_order("siki 4 cases", invented_index)) == [("Q114", 4)]


def test_local_generic_word_asks_across_brands_without_named_variants(invented_index: CatalogIndex) -> None:
    parse = parse_order("kulu 1kg 2 bales", invented_index)
    assert set(parse.ambiguous[0].candidates) == {"Q107", "Q109"}


def test_piece_count_making_whole_packs_converts_to_sell_units(invented_index: CatalogIndex) -> None:
    assert lines_of(parse_order("48 bottles vimba 350ml", invented_index)) == [("Q101", 2)]


def test_a_count_of_the_pieces_a_name_counts_its_pack_in_converts() -> None:
    index = catalog_index('M501,"Simba Safety Matches, outer of 10 boxes",Simba,matches,,outer,10,18.00,ZZZ,,90,1,true')
    assert lines_of(parse_order("simba matches 20 boxes", index)) == [("M501", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("96 cans zuri", [("Z303", 4)]), ("48 bottles zuri", [("Z301", 2)]), ("48 btl nuru", [("N401", 2)])],
)
def test_pieces_counted_in_a_packaging_are_of_packs_holding_it(text: str, expected: list[tuple[str, int]]) -> None:
    rows = """\
Z301,"Zuri Cola 300ml glass bottle, crate of 24",Zuri,soft_drinks,300ml,crate,24,700.00,ZZZ,zuri,50,1,true
Z302,"Zuri Cola 500ml PET, case of 24",Zuri,soft_drinks,500ml,case,24,900.00,ZZZ,zuri,50,1,true
Z303,"Zuri Cola 330ml can, tray of 24",Zuri,soft_drinks,330ml,tray,24,950.00,ZZZ,zuri,50,1,true
N401,"Nuru Lager 375ml, crate of 24",Nuru,beer,375ml,crate,24,310.00,ZZZ,nuru,100,1,true
N402,"Nuru Lager 500ml can, tray of 24",Nuru,beer,500ml,tray,24,420.00,ZZZ,nuru can,30,1,true
"""
    assert lines_of(parse_order(text, catalog_index(rows))) == expected


def test_piece_count_not_making_whole_packs_is_kept_and_flagged(invented_index: CatalogIndex) -> None:
    parse = parse_order("30 bottles vimba 350ml", invented_index)
    assert lines_of(parse) == [("Q101", 30)]
    assert parse.lines[0].unit_mismatch


@pytest.mark.parametrize(
    ("text", "expected"), [("48 vimbas 350ml", ("Q101", 2)), ("24 dunn & gale creams", ("Q113", 2))]
)
def test_a_count_of_a_product_named_in_the_plural_counts_its_pieces(
    invented_index: CatalogIndex, text: str, expected: tuple[str, int]
) -> None:
    assert lines_of(parse_order(text, invented_index)) == [expected]


def test_a_count_of_a_product_named_in_the_plural_in_spanish_counts_its_bars() -> None:
    index = catalog_index('J201,"JABON BARRA LUMA AZUL 350G CJ 25U",Luma,limpieza,350g,case,25,150.00,ZZZ,,70,1,true')
    assert lines_of(parse_order("50 jabones luma", index)) == [("J201", 2)]
    assert lines_of(parse_order("luma 2 cajas", index)) == [("J201", 2)]


def test_a_count_of_a_product_named_in_the_plural_not_filling_packs_is_kept_and_flagged(
    invented_index: CatalogIndex,
) -> None:
    parse = parse_order("5 vimbas 350ml", invented_index)
    assert lines_of(parse) == [("Q101", 5)]
    assert parse.lines[0].unit_mismatch


def test_pieces_pick_the_single_piece_sku_and_cartons_the_carton(invented_index: CatalogIndex) -> None:
    assert lines_of(parse_order("10 pcs pola", invented_index)) == [("Q112", 10)]
    assert lines_of(parse_order("pola 2 ctn", invented_index)) == [("Q111", 2)]


def test_a_dozen_and_half_dozen_are_quantities(invented_index: CatalogIndex) -> None:
    assert lines_of(parse_order("half dozen pola bars", invented_index)) == [("Q112", 6)]
    assert lines_of(parse_order("a dozen pola bars", invented_index)) == [("Q112", 12)]
    assert lines_of(parse_order("a dozen crates vimba 350ml", invented_index)) == [("Q101", 12)]


def test_a_decimal_comma_before_a_measure_is_one_size(invented_index: CatalogIndex) -> None:
    assert lines_of(parse_order("siki 0,25L 2 cases", invented_index)) == [("Q115", 2)]
    assert lines_of(parse_order("vimba 0,6L 3 cases", invented_index)) == [("Q102", 3)]


def test_product_not_sold_is_unknown_and_the_rest_still_resolves(invented_index: CatalogIndex) -> None:
    parse = parse_order("2 bags cement and 3 bales nyali 1kg", invented_index)
    assert lines_of(parse) == [("Q109", 3)]
    assert [item.phrase for item in parse.unknown] == ["2 bags cement"]


def test_size_that_is_not_stocked_is_unknown_not_substituted(invented_index: CatalogIndex) -> None:
    parse = parse_order("vimba 500ml 2 cases", invented_index)
    assert not parse.lines and not parse.ambiguous
    assert len(parse.unknown) == 1


def test_same_item_twice_is_summed(invented_index: CatalogIndex) -> None:
    assert lines_of(parse_order("vimba 350ml 2 crates, 3 crates vimba 350ml", invented_index)) == [("Q101", 5)]


def test_correction_replaces_the_last_quantity(invented_index: CatalogIndex) -> None:
    assert lines_of(parse_order("5 crates vimba 350ml, sorry make it 6", invented_index)) == [("Q101", 6)]


def test_typo_and_missing_space_still_match(invented_index: CatalogIndex) -> None:
    assert lines_of(parse_order("vimbaa 350ml 1 crate", invented_index)) == [("Q101", 1)]
    assert lines_of(parse_order("dunngale cream 1 ctn", invented_index)) == [("Q113", 1)]


def test_connector_inside_a_brand_name_does_not_split_the_item(invented_index: CatalogIndex) -> None:
    assert lines_of(parse_order("dunn n gale 2 ctn na rundu 5L 1", invented_index)) == [("Q113", 2), ("Q116", 1)]


def test_greeting_list_and_sign_off_around_an_order(invented_index: CatalogIndex) -> None:
    text = "Habari boss!\nOrder:\n1. vimba 350ml 2 crates\n2. rundu 5L 3\nasante sana"
    assert lines_of(parse_order(text, invented_index)) == [("Q101", 2), ("Q116", 3)]


def test_words_in_an_unknown_language_before_the_quantity_are_not_product_words(invented_index: CatalogIndex) -> None:
    assert lines_of(parse_order("sawubona ngicela 5 crates vimba 350ml", invented_index)) == [("Q101", 5)]
    parse = parse_order("ngicela 2 bags cement", invented_index)
    assert not parse.lines and [item.quantity for item in parse.unknown] == [2]


def test_unknown_word_beside_a_known_product_is_still_asked_about(invented_index: CatalogIndex) -> None:
    parse = parse_order("rundu zorbo 5L 2 jerrycans", invented_index)
    assert not parse.lines
    assert [(item.candidates, item.reason) for item in parse.ambiguous] == [(("Q116",), "confirm")]


@pytest.mark.parametrize("text", ["rundu 5L 2 jerrycans zorbo", "rundu 5L 2 jerrycans by tomorrow morning pls"])
def test_unknown_words_after_the_amount_never_turn_a_clear_match_into_a_question(
    invented_index: CatalogIndex, text: str
) -> None:
    assert lines_of(parse_order(text, invented_index)) == [("Q116", 2)]


def test_status_question_mentioning_a_product_orders_nothing(invented_index: CatalogIndex) -> None:
    assert parse_order("where is my order of vimba?", invented_index).is_empty


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("do you have blue band 500g?", [("BB-500", 1)]),
        ("blue band 250g 2 ctn", [("BB-250", 2)]),
        ("order band karo", []),
    ],
)
def test_a_word_asking_about_an_order_among_words_of_a_name_is_the_product(
    text: str, lines: list[tuple[str, int]]
) -> None:
    index = catalog_index(
        'BB-250,"Blue Band Margarine 250g, carton of 24",Blue Band,dairy,250g,carton,24,3120.00,KES,,50,1,true\n'
        'BB-500,"Blue Band Margarine 500g, carton of 12",Blue Band,dairy,500g,carton,12,3000.00,KES,,50,1,true\n'
    )
    assert lines_of(parse_order(text, index)) == lines


def test_zero_and_huge_quantities_are_asked_about_not_accepted(invented_index: CatalogIndex) -> None:
    parse = parse_order("vimba 350ml 0 crates, rundu 5L 1,000,000", invented_index)
    assert not parse.lines
    assert [item.reason for item in parse.ambiguous] == ["quantity", "quantity"]


def test_learned_phrase_is_used_before_matching(invented_index: CatalogIndex) -> None:
    learned = {"ile kubwa": "Q102"}
    assert lines_of(parse_order("ile kubwa 4", invented_index, learned=learned)) == [("Q102", 4)]


def test_single_phrase_edit_reads_like_an_order(invented_index: CatalogIndex) -> None:
    assert lines_of(parse_order("add 2 pola 2 ctn", invented_index)) in ([("Q111", 2)],)


def test_to_json_has_the_contract_shape_and_round_trips(invented_index: CatalogIndex) -> None:
    parse = parse_order("30 bottles vimba 350ml, korro 600ml 1, 2 bags cement", invented_index)
    data = parse.to_json()
    assert set(data) == {"text", "lines", "ambiguous", "unknown", "price_questions"}
    assert set(data["lines"][0]) >= {"sku", "quantity", "phrase", "score"}
    assert set(data["ambiguous"][0]) >= {"phrase", "quantity", "candidates"}
    assert set(data["unknown"][0]) == {"phrase", "quantity"}
    assert OrderParse.from_json(data) == parse


@pytest.mark.parametrize(
    "text", ["1. vimba 600ml 2 cases 2. korro lime 3 cases", "1) vimba 600ml 2 cases 2) korro lime 3 cases"]
)
def test_a_list_numbered_on_one_line_parts_items_and_counts_nothing(invented_index: CatalogIndex, text: str) -> None:
    assert lines_of(parse_order(text, invented_index)) == [("Q102", 2), ("Q104", 3)]


def test_a_whole_number_after_each_product_is_its_count_where_no_unit_counts(invented_index: CatalogIndex) -> None:
    assert resolved("vimba 600ml 2 korro lime 3", invented_index) == [("Q102", 2), ("Q104", 3)]


def test_a_whole_number_before_each_product_is_its_count_where_no_unit_counts(invented_index: CatalogIndex) -> None:
    # Read as one item it named nothing, and the whole order was lost.
    assert resolved("2 vimba 600ml 3 korro lime", invented_index) == [("Q102", 2), ("Q104", 3)]
    assert resolved("nitumie 2 vimba 600ml 3 korro lime", invented_index) == [("Q102", 2), ("Q104", 3)]


@pytest.mark.parametrize("text", ["korro lime: 2", "korro lime, 2", "korro lime：2"])
def test_an_amount_alone_after_an_item_said_without_one_is_its_amount(invented_index: CatalogIndex, text: str) -> None:
    assert resolved(text, invented_index) == [("Q104", 2)]


@pytest.mark.parametrize("text", ["kulu kg 25 bag 2", "kulu kilo 25 bag 2"])
def test_a_measure_written_short_before_its_amount_is_the_size(invented_index: CatalogIndex, text: str) -> None:
    assert resolved(text, invented_index) == [("Q108", 2)]


def test_the_unit_typed_picks_the_brands_sku_sold_in_it() -> None:
    rows = """\
K201,STELLA LAGER 60CL RGB X12,Stella,Beer,60cl,crate,12,8400.00,NGN,stella lager,80,1,true
K202,STELLA SAFETY MATCHES 10 BOXES,Stella,Home Care,10 boxes,pack,10,700.00,NGN,stella matches,200,1,true
K203,ARIA DETERGENT POWDER 900G X12,Aria,Home Care,900g,bale,12,31000.00,NGN,aria,40,1,true
K204,ARIA DETERGENT ₦100 SACHET 35G X48,Aria,Home Care,35g,outer,48,4400.00,NGN,aria sachet,80,1,true
"""
    index = catalog_index(rows)
    assert resolved("stella 5 crates", index) == [("K201", 5)]
    assert resolved("aria 5 bale", index) == [("K203", 5)]
    assert resolved("aria 2 outer", index) == [("K204", 2)]


def test_zero_beside_a_product_is_a_word_of_its_name_never_a_count() -> None:
    rows = "Z301,COLA-COLA 50CL PET X12,Cola-Cola,CSD,50cl,pack,12,5000.00,NGN,cola,100,1,true\n"
    parse = parse_order("cola zero 2 pk", catalog_index(rows))
    assert parse.lines == ()
    assert [item.phrase for item in parse.unknown] == ["cola zero 2 pk"]


def test_a_new_version_selling_another_size_reuses_the_words_read_and_picks_that_size(
    invented_items: list[CatalogItem],
) -> None:
    in_use = CatalogIndex.build(invented_items)
    swapped = [
        replace(item, active=not item.active) if item.sku in ("Q114", "Q115") else item for item in invented_items
    ]
    refreshed = CatalogIndex.build(swapped, previous=in_use)
    assert refreshed.postings is in_use.postings
    assert lines_of(parse_order("siki 4 cases", refreshed)) == [("Q115", 4)]
    assert lines_of(parse_order("siki 4 cases", in_use)) == [("Q114", 4)]


def test_a_new_version_that_renames_a_sku_is_read_from_its_new_name(invented_items: list[CatalogItem]) -> None:
    in_use = CatalogIndex.build(invented_items)
    renamed = [
        replace(item, name="Rundu Cooking Fat 5L jerrycan") if item.sku == "Q116" else item for item in invented_items
    ]
    refreshed = CatalogIndex.build(renamed, previous=in_use)
    assert lines_of(parse_order("rundu cooking fat 2", refreshed)) == [("Q116", 2)]
    assert "fat" not in in_use.postings


SODA_ROWS = """\
C1,"Coca-Cola 300ml glass bottle, crate of 24",Coca-Cola,soda,300ml,crate,24,660.00,KES,coke,90,1,true
F1,"Fanta Orange 300ml glass bottle, crate of 24",Fanta,soda,300ml,crate,24,660.00,KES,,90,1,true
F2,"Fanta Orange 500ml PET, case of 24",Fanta,soda,500ml,case,24,1150.00,KES,,90,1,true
S1,"Sprite 300ml glass bottle, crate of 24",Sprite,soda,300ml,crate,24,660.00,KES,,90,1,true
"""


def test_a_product_named_beside_a_word_the_catalog_lacks_is_asked_about_never_dropped() -> None:
    parse = parse_order("coke 300ml 2 crates, fanta whatever", catalog_index(SODA_ROWS))
    assert [(line.sku, line.quantity) for line in parse.lines] == [("C1", 2)]
    assert [set(item.candidates) for item in parse.ambiguous] == [{"F1", "F2"}]


@pytest.mark.parametrize(
    ("text", "lines", "asked"),
    [
        ("coke 300ml 2 crates, sprite 300ml same", [("C1", 2), ("S1", 2)], []),
        # The pack word carried over says which fanta: the one sold in crates.
        ("coke 300ml 3 crates, fanta same", [("C1", 3), ("F1", 3)], []),
        ("3 kahon coke 300ml, sprite 300ml pareho", [("C1", 3), ("S1", 3)], []),
        ("5 peti coke 300ml aur sprite 300ml utne", [("C1", 5), ("S1", 5)], []),
    ],
)
def test_an_item_said_to_be_the_same_takes_the_amount_of_the_item_before_it(
    text: str, lines: list[tuple[str, int]], asked: list[tuple[set[str], int]]
) -> None:
    parse = parse_order(text, catalog_index(SODA_ROWS))
    assert [(line.sku, line.quantity) for line in parse.lines] == lines
    assert [(set(item.candidates), item.quantity) for item in parse.ambiguous] == asked
