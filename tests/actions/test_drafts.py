"""The draft model, its edit commands and pricing, on plain data."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actions.drafts import (
    AddItems,
    Choice,
    Cue,
    Draft,
    DraftLine,
    EditRejected,
    Joining,
    Pick,
    RemoveLine,
    RemoveProduct,
    SetProductQuantity,
    SetQuantity,
    TakeOff,
    add_parse,
    alternative_for,
    alternative_requests,
    amount_in,
    amounts_in,
    answers_by_size,
    answers_choice,
    choose,
    credit_fix,
    draft_from_lines,
    draft_lines,
    grouped,
    joining,
    line_number_for,
    new_draft,
    of_size,
    order_ref,
    price_draft,
    read_command,
    read_cue,
    remove_line,
    replace_quantities,
    set_quantity,
    takes_off_alone,
)
from actions.replies import draft_line, draft_summary, pages, product_words
from backend.catalog import CatalogItem
from backend.database import PlatformDatabase, RequestedLine
from backend.models import Quote, Store
from i18n import phrasebook
from nlu.model import OrderLine, OrderParse


def item(
    sku: str, brand: str = "Zuri", price: str = "100.00", stock: int = 50, minimum: int = 1, active: bool = True
) -> CatalogItem:
    return CatalogItem(
        sku,
        f"{brand} {sku}, case of 12",
        brand,
        "drinks",
        "1L",
        "case",
        12,
        Decimal(price),
        "KES",
        (),
        stock,
        minimum,
        active,
    )


CATALOG = {
    "A": item("A", price="660.00"),
    "B": item("B", price="1150.00", stock=0),
    "C": item("C", price="1080.00"),
    "D": item("D", brand="Mlima", price="50.00", minimum=5),
    "E": item("E", brand="Mlima", price="70.00", active=False),
}

PARSE = OrderParse.from_json(
    {
        "text": "5 zuri n 2 mlima, cola",
        "lines": [{"sku": "A", "quantity": 5, "phrase": "5 zuri"}, {"sku": "D", "quantity": 2, "phrase": "2 mlima"}],
        "ambiguous": [{"phrase": "cola", "quantity": 3, "candidates": ["A", "C"]}],
        "unknown": [{"phrase": "tusker", "quantity": 1}],
    }
)


def parsed(*lines: tuple[str, int]) -> OrderParse:
    return OrderParse(text="", lines=tuple(OrderLine(sku, quantity, "", 100.0) for sku, quantity in lines))


def test_new_draft_takes_resolved_lines_and_keeps_ambiguous_items_as_choices() -> None:
    draft = new_draft("d1", PARSE)
    assert draft.lines == (DraftLine("A", 5), DraftLine("D", 2))
    assert [c.candidates for c in draft.choices] == [("A", "C")]
    assert draft.version == 1


def test_choosing_an_option_adds_it_with_the_asked_quantity_merging_same_sku() -> None:
    draft = choose(new_draft("d1", PARSE), 1)
    assert draft.lines == (DraftLine("A", 8), DraftLine("D", 2))
    assert draft.choices == ()


def products(brands: tuple[str, ...], sizes: tuple[str, ...]) -> dict[str, CatalogItem]:
    return {
        f"{brand}-{size}": replace(item(f"{brand}-{size}", brand=brand), size=size)
        for brand in brands
        for size in sizes
    }


OILS = products(("Fry", "Salit", "Rina", "Elianto"), ("20L", "1L", "5L"))


def test_more_products_than_one_sms_lists_are_asked_by_size_first_smallest_first() -> None:
    choice = grouped(Choice("cooking oil", 2, tuple(OILS)), OILS)
    assert choice.by == "size" and [size for size, _ in choice.groups] == ["1L", "5L", "20L"]
    draft = Draft("d1", 0, (), (choice,))
    by_number = choose(draft, 1).choices[0]
    assert (by_number.candidates, by_number.groups) == (("Fry-1L", "Salit-1L", "Rina-1L", "Elianto-1L"), ())
    assert of_size("5 litres", choice.candidates, OILS) == ["Fry-5L", "Salit-5L", "Rina-5L", "Elianto-5L"]
    assert of_size("2kg", choice.candidates, OILS) == [] and answers_by_size("1L", choice, OILS)
    assert not answers_by_size("1L", replace(choice, candidates=("Fry-1L", "Rina-1L")), OILS)
    assert choose(choose(draft, 1), 3).lines == (DraftLine("Rina-1L", 2),)
    assert Draft.from_slot(draft.to_slot()) == draft


def test_brands_are_asked_first_when_they_split_the_products_into_fewer_options_than_sizes() -> None:
    soaps = products(("Omo", "Jamaa", "Geisha"), ("100g", "200g", "500g", "1kg"))
    choice = grouped(Choice("sabuni", 3, tuple(soaps)), soaps)
    assert choice.by == "brand" and [brand for brand, _ in choice.groups] == ["Geisha", "Jamaa", "Omo"]
    assert answers_by_size("500g", choice, soaps) and not answers_by_size("omo soap 500g", choice, soaps)
    draft = Draft("d1", 0, (), (choice,))
    assert choose(draft, 2).choices[0].candidates == ("Jamaa-100g", "Jamaa-200g", "Jamaa-500g", "Jamaa-1kg")
    assert Draft.from_slot(draft.to_slot()) == draft


def test_products_neither_sizes_nor_brands_split_into_one_sms_are_listed_whole() -> None:
    many = products(tuple(f"B{n}" for n in range(13)), tuple(f"{n}00g" for n in range(1, 14)))
    plain = {sku: replace(product, brand="", size="") for sku, product in products(("x", "y"), tuple("abcde")).items()}
    for catalog in (many, plain):
        choice = Choice("soap", 1, tuple(catalog))
        assert grouped(choice, catalog) == choice


def test_a_few_products_are_listed_without_asking_the_size() -> None:
    few = Choice("oil", 2, ("Fry-1L", "Fry-5L", "Rina-1L"))
    assert grouped(few, OILS) == few


def test_choosing_a_number_out_of_range_is_rejected() -> None:
    with pytest.raises(EditRejected, match="1 to 2"):
        choose(new_draft("d1", PARSE), 3)


def test_every_edit_bumps_the_version_and_so_the_idempotency_key() -> None:
    draft = new_draft("d1", PARSE)
    edited = set_quantity(draft, 1, 10)
    assert edited.lines[0] == DraftLine("A", 10)
    assert edited.idempotency_key != draft.idempotency_key
    assert edited.idempotency_key == "draft-d1-v2"


def test_setting_a_line_to_zero_removes_it() -> None:
    draft = set_quantity(new_draft("d1", PARSE), 1, 0)
    assert draft.lines == (DraftLine("D", 2),)


def test_removing_a_line_that_does_not_exist_is_rejected() -> None:
    with pytest.raises(EditRejected, match="no line 4"):
        remove_line(new_draft("d1", PARSE), 4)


def test_adding_a_parse_merges_lines_of_the_same_sku() -> None:
    draft = add_parse(new_draft("d1", PARSE), parsed(("A", 1), ("C", 2)))
    assert draft.lines == (DraftLine("A", 6), DraftLine("D", 2), DraftLine("C", 2))


def test_a_product_phrase_must_point_at_exactly_one_line() -> None:
    draft = draft_from_lines("d1", [("A", 1), ("C", 2)])
    assert line_number_for(draft, ["C", "X"]) == 2
    with pytest.raises(EditRejected, match="lines 1, 2"):
        line_number_for(draft, ["A", "C"])
    with pytest.raises(EditRejected, match="not in your draft"):
        line_number_for(draft, ["X"])


def test_draft_round_trips_through_its_slot() -> None:
    draft = new_draft("d1", PARSE)
    assert Draft.from_slot(draft.to_slot()) == draft


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("2 = 10", SetQuantity(2, 10)),
        ("2=10", SetQuantity(2, 10)),
        ("line 3 = 0", SetQuantity(3, 0)),
        ("change 2 to 5", SetQuantity(2, 5)),
        ("badilisha 2 iwe 6", SetQuantity(2, 6)),
        ("remove 3", RemoveLine(3)),
        ("FUTA 1", RemoveLine(1)),
        ("2 hatao", RemoveLine(2)),
        ("2", Pick(2)),
        ("option 1", Pick(1)),
        ("namba 3", Pick(3)),
        ("ya pili", Pick(2)),
        ("hiyo ya kwanza", Pick(1)),
        ("the second one", Pick(2)),
        ("doosra wala", Pick(2)),
        ("दूसरा वाला", Pick(2)),
        ("le deuxième", Pick(2)),
        ("yung pangalawa", Pick(2)),
        ("rendavadhu", Pick(2)),
        ("第三个", Pick(3)),
        ("second hand soap", None),
        ("删掉3", RemoveLine(3)),
        ("删掉三", RemoveLine(3)),
        ("删掉第二行", RemoveLine(2)),
        ("第三个不要了", RemoveLine(3)),
        ("2改成10", SetQuantity(2, 10)),
        ("第2行改成10", SetQuantity(2, 10)),
        ("palitan 2 gawing 5", SetQuantity(2, 5)),
        ("weka sukari 5", SetProductQuantity("sukari", 5)),
        ("enlève le 3", RemoveLine(3)),
        ("tanggalin ang 2", RemoveLine(2)),
        ("remove 3 pls", RemoveLine(3)),
        ("2 hata do", RemoveLine(2)),
        ("omo hatao", RemoveProduct("omo")),
        ("可乐不要了", RemoveProduct("可乐")),
        ("wag na yung coke", RemoveProduct("coke")),
        ("di na", None),
        ("usiweke omo, ongeza sukari 2", None),
        ("remove the soda", RemoveProduct("soda")),
        ("add 2 omo 1kg", AddItems("2 omo 1kg")),
        ("ongeza sukari bale 2", AddItems("sukari bale 2")),
        ("make coke 6", SetProductQuantity("coke", 6)),
        ("change soda to 4", SetProductQuantity("soda", 4)),
        ("no wait, make the sprite 5", SetProductQuantity("the sprite", 5)),
        ("sorry make coke 6", SetProductQuantity("coke", 6)),
        ("hapana, weka sukari 5", SetProductQuantity("sukari", 5)),
        ("sorry, change 2 to 10", SetQuantity(2, 10)),
        ("no make it 6", None),
        ("no the sugar should be 3", SetProductQuantity("sugar", 3)),
        ("coke 500ml must be 4 cases", SetProductQuantity("coke 500ml", 4)),
        ("unga iwe 4", SetProductQuantity("unga", 4)),
        ("sorry it should be 3", None),
        ("hapana, weka mitungi 2", None),
        ("actually remove the coke", RemoveProduct("coke")),
        ("sorry remove 3", RemoveLine(3)),
        ("ay mali, tanggalin ang coke", RemoveProduct("coke")),
        ("5 ctn soda 300ml", None),
        ("where is my order", None),
        # An amount taken off a product named: never the line removed, nor set to the amount.
        ("reduce coke by 1", TakeOff("coke", 1)),
        ("reduce coke 2", TakeOff("coke", 2)),
        ("reduce coke to 2", SetProductQuantity("coke", 2)),
        ("coke 500ml minus 2", TakeOff("coke 500ml", 2)),
        ("one less sugar", TakeOff("sugar", 1)),
        ("punguza sukari moja", TakeOff("sukari", 1)),
        ("toa omo mbili", TakeOff("omo", 2)),
        ("coke ek kam karo", TakeOff("coke", 1)),
        ("remove seven up", RemoveProduct("seven up")),
    ],
)
def test_read_command_reads_sms_edits(text: str, command: object) -> None:
    assert read_command(text) == command


HOW_MANY = Choice("zuri cola 2 or 3 cases", 0, ("ZC-1",))
WHICH = Choice("zuri cola", 2, ("ZC-1", "ZC-2"))


@pytest.mark.parametrize(
    ("text", "choice", "answers"),
    [
        ("2", WHICH, True),
        ("option 2", WHICH, True),
        ("tatu", HOW_MANY, True),
        ("5 ctn", HOW_MANY, True),
        ("2.5", HOW_MANY, True),
        ("三箱", HOW_MANY, True),
        ("tatu", WHICH, True),
        ("5 ctn", WHICH, False),
        ("where is order 12345", HOW_MANY, False),
        ("no", HOW_MANY, False),
    ],
)
def test_a_bare_number_answers_the_open_question_whatever_the_intent(text: str, choice: Choice, answers: bool) -> None:
    assert answers_choice(text, choice) is answers


@pytest.mark.parametrize(("text", "amount"), [("tatu", 3), ("5 ctn", 5), ("2.5", 0), ("五箱", 5), ("a few", 0)])
def test_an_amount_answer_is_its_first_whole_number(text: str, amount: int) -> None:
    assert amount_in(text) == amount


@pytest.mark.parametrize(
    ("text", "amounts", "taken_off"),
    [
        ("toa moja", [1], True),
        ("minus 2", [2], True),
        ("2 less", [2], True),
        ("do kam karo", [2], True),
        ("do aur", [2], False),
        ("remove 1", [1], False),
        ("do it", [], False),
        ("删掉3", [3], False),
    ],
)
def test_an_amount_taken_off_alone_is_told_from_a_line_removed(text: str, amounts: list[int], taken_off: bool) -> None:
    assert amounts_in(text) == amounts
    assert takes_off_alone(text) is taken_off


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("#10234", "10234"),
        ("ORD-10234 status", "10234"),
        ("order no 10234", "10234"),
        ("ORD10498 imefika wapi", "10498"),
        ("where is my order", None),
        ("5 ctn soda 300ml", None),
    ],
)
def test_order_ref_finds_the_number_in_any_form(text: str, ref: str | None) -> None:
    assert order_ref(text) == ref


def quote(draft: Draft, credit_limit: str = "1000000.00") -> Quote:
    """The reference platform's quote of the draft for a store with this credit limit (SQLite in memory)."""
    db = PlatformDatabase(":memory:")
    db.import_catalog(list(CATALOG.values()))
    db.import_stores(
        [Store("S1", "Duka", ("+254712000001",), "Nakuru", "en", "Africa/Nairobi", Decimal(credit_limit), True)]
    )
    try:
        return db.quote("S1", [RequestedLine(sku, quantity) for sku, quantity in draft_lines(draft)])
    finally:
        db.close()


def test_pricing_flags_problems_and_leaves_them_out_of_the_total() -> None:
    draft = draft_from_lines("d1", [("A", 2), ("B", 1), ("D", 2), ("E", 1), ("GONE", 1)])
    priced = price_draft(draft, CATALOG, quote(draft))
    assert [line.problem for line in priced.lines] == [
        None,
        "out_of_stock",
        "below_minimum",
        "discontinued",
        "unknown_sku",
    ]
    assert priced.total == Decimal("1320.00")
    assert priced.currency == "KES"


def alternatives(draft: Draft, catalog: dict[str, CatalogItem]) -> dict[str, CatalogItem | None]:
    """The stand-in for each line the platform cannot take, from the platform's quote of its siblings."""
    asked = alternative_requests(draft, catalog, quote(draft))
    return {
        sku: alternative_for(catalog[sku], quote(draft_from_lines("s", lines)), catalog) for sku, lines in asked.items()
    }


def test_out_of_stock_line_offers_the_closest_orderable_size_of_the_same_brand() -> None:
    draft = draft_from_lines("d", [("B", 1)])
    assert alternatives(draft, CATALOG) == {"B": CATALOG["C"]}
    line = price_draft(draft, CATALOG, quote(draft), alternatives(draft, CATALOG)).lines[0]
    assert "try Zuri C" in draft_line(phrasebook("en"), line)


def test_discontinued_line_without_an_orderable_sibling_has_no_alternative() -> None:
    draft = draft_from_lines("d", [("E", 1)])
    assert alternatives(draft, {"E": CATALOG["E"], "A": CATALOG["A"]}).get("E") is None


def test_money_drops_zero_cents_and_groups_thousands() -> None:
    english = phrasebook("en")
    assert english.money(Decimal("3300.00"), "KES") == "KES 3,300"
    assert english.money(Decimal("1080.50")) == "1,080.50"


@given(st.lists(st.text(alphabet="abc xyz", min_size=1, max_size=60), max_size=20))
def test_pages_keep_every_line_in_order_and_stay_under_the_limit_unless_one_line_is_longer(lines: list[str]) -> None:
    result = pages(lines, limit=80)
    assert "\n".join(result) == "\n".join(lines)
    # Over the limit only: a page of one line, or a page ended by the last line, which would have paged alone.
    assert all(len(page) <= 80 or "\n" not in page for page in result[:-1])
    assert not result or len(result[-1].rsplit("\n", 1)[0]) <= 80 or "\n" not in result[-1]


def test_a_prompt_that_would_page_alone_ends_the_page_before_it() -> None:
    lines = ["1) Coca-Cola 300ml glass bottle 5 crates x 660 = 3,300", "Total KES 3,300.", "Reply YES to confirm."]
    assert pages(lines, limit=60) == ["\n".join(lines[:1]), "\n".join(lines[1:])]
    assert pages(lines[:2] + ["x" * 10], limit=60) == [lines[0], f"{lines[1]}\nxxxxxxxxxx"]
    assert pages(lines[:1] + lines[2:], limit=60) == ["\n".join(lines[:1] + lines[2:])]


def test_over_credit_cuts_the_largest_line_to_fit_and_says_the_credit_available() -> None:
    draft = draft_from_lines("d", [("A", 10), ("C", 5)])
    priced = price_draft(draft, CATALOG, quote(draft, credit_limit="9000.00"))
    assert priced.over_credit and priced.total == Decimal("12000.00")
    line, keep = credit_fix(priced) or (None, 0)
    assert line is not None and (line.sku, keep) == ("A", 5)
    text = "\n".join(draft_summary(phrasebook("en"), priced, date(2026, 6, 2)))
    assert "Over your credit limit: KES 9,000 available, this order is KES 12,000." in text
    assert "Reduce Zuri A to 5 cases to fit your credit (reply 1 = 5)." in text
    assert "9000.00" not in text


def test_over_credit_that_no_single_line_can_fit_says_by_how_much_to_cut() -> None:
    draft = draft_from_lines("d", [("A", 1), ("C", 1)])
    priced = price_draft(draft, CATALOG, quote(draft, credit_limit="100.00"))
    assert credit_fix(priced) is None
    assert "Reduce the order by KES 1,640 to fit your credit." in draft_summary(
        phrasebook("en"), priced, date(2026, 6, 2)
    )


@pytest.mark.parametrize(
    ("text", "cue", "rest"),
    [
        ("and also 2 bales flour", Cue.ADD, "2 bales flour"),
        ("pls add 6 pkts spaghetti", Cue.ADD, "6 pkts spaghetti"),
        ("pia mifuko 2 sukari", Cue.ADD, "mifuko 2 sukari"),
        ("aur 2 bori chawal", Cue.ADD, "2 bori chawal"),
        ("और 2 बोरी चावल", Cue.ADD, "2 बोरी चावल"),
        ("one more bag sugar", Cue.MORE, "bag sugar"),
        ("moja zaidi sukari 50kg", Cue.MORE, "sukari 50kg"),
        ("ek aur bori cheeni", Cue.MORE, "bori cheeni"),
        ("2 more bales flour", Cue.MORE, "2 more bales flour"),
        ("ongeza omo moja zaidi", Cue.MORE, "omo moja zaidi"),
        ("add 2 more bales flour", Cue.MORE, "2 more bales flour"),
        ("new order: 5 ctn soda", Cue.NEW, "5 ctn soda"),
        ("oda mpya mishumaa 3", Cue.NEW, "mishumaa 3"),
        ("naya order", Cue.NEW, ""),
        ("start over", Cue.NEW, ""),
        ("5 ctn soda 300ml, 2 bags sugar", None, "5 ctn soda 300ml, 2 bags sugar"),
        ("2 bori cheeni aur 3 peti maggi", None, "2 bori cheeni aur 3 peti maggi"),
    ],
)
def test_a_draft_cue_is_read_from_the_locale_words_and_cut_from_the_items(
    text: str, cue: Cue | None, rest: str
) -> None:
    assert read_cue(text) == (cue, rest)


def test_items_join_an_open_draft_as_said_or_as_they_read() -> None:
    draft = draft_from_lines("d", [("A", 2), ("C", 1)])
    assert joining(draft, parsed(("D", 5)), None) is Joining.ADD
    assert joining(draft, parsed(("A", 1)), Cue.MORE) is Joining.ADD
    assert joining(draft, parsed(("A", 1)), Cue.ADD) is Joining.ADD
    assert joining(draft, parsed(("D", 5)), Cue.NEW) is Joining.FRESH
    assert joining(draft, parsed(("A", 3), ("C", 2), ("D", 5)), None) is Joining.FRESH
    assert joining(draft, parsed(("A", 3)), None) is Joining.ASK_SAME
    assert joining(draft, parsed(("A", 3), ("D", 5)), None) is Joining.ASK_WHICH
    assert joining(draft_from_lines("d", [("A", 2)]), parsed(("A", 3), ("D", 5)), None) is Joining.ASK_WHICH


@pytest.mark.parametrize(("join", "first"), [(add_parse, DraftLine("A", 5)), (replace_quantities, DraftLine("A", 3))])
def test_the_same_product_again_adds_to_its_line_or_changes_it(join: Any, first: DraftLine) -> None:
    draft = draft_from_lines("d", [("A", 2), ("C", 1)])
    assert join(draft, parsed(("A", 3), ("D", 5))).lines == (first, DraftLine("C", 1), DraftLine("D", 5))


def test_a_draft_is_stale_once_its_prices_are_older_than_the_limit() -> None:
    draft = Draft.from_slot(replace(draft_from_lines("d", [("A", 2)]), priced_at=1000.0).to_slot())
    assert draft.priced_at == 1000.0
    assert not draft.stale(1000.0 + 12 * 3600, 12 * 3600)
    assert draft.stale(1001.0 + 12 * 3600, 12 * 3600)


@pytest.mark.parametrize(
    ("phrase", "product"),
    [
        ("3 zuri cola", "zuri cola"),
        ("sukari kilo 2", "sukari kilo 2"),
        ("2 बोरी चीनी", "चीनी"),
        ("३ पेटी कोक", "कोक"),
        ("5 crates of coke", "coke"),
        ("chupa 48 za soda", "soda"),
        ("2 cajas de coca", "coca"),
        ("mafuta ya kupika 3", "mafuta ya kupika"),
    ],
)
def test_a_question_names_the_product_without_the_amount_or_the_word_joining_it(phrase: str, product: str) -> None:
    assert product_words(phrase) == product
