"""Ordering by text end to end: draft, edits, choices, confirmation, refusals and platform failures."""

from __future__ import annotations

import re
from typing import Any

import pytest

from backend.client import PlatformClient
from tests.dialogues.conftest import ActionServer, Chat, Platform

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def store_id(chat: Chat) -> str:
    return str(await chat.slot("store_id"))


async def test_order_is_summarised_with_prices_and_placed_once_on_yes(
    chat: Chat, platform_client: PlatformClient
) -> None:
    summary = await chat.text("pls send 5 tray zuri cola 350ml n 2 bales unga mlima")
    assert "1) Zuri Cola 350ml can 5 trays x 720 = 3,600" in summary
    assert "2) Mlima Maize Flour 2kg 2 bales x 1,500 = 3,000" in summary
    assert "Total KES 6,600" in summary and "Delivery by" in summary and "YES" in summary
    placed = await chat.text("YES")
    assert "placed" in placed and "KES 6,600" in placed
    again = await chat.text("yes")
    assert "already placed" in again
    orders = await platform_client.store_orders(await store_id(chat))
    assert len(orders) == 1
    assert orders[0].order_id in placed


@pytest.mark.parametrize("correction", ["sorry 7 not 5", "2 more", "make it 7", "ek aur", "zuri cola 350ml 5 nahi 7"])
async def test_an_amount_corrected_after_the_order_went_through_changes_nothing_and_says_how(
    chat: Chat, platform_client: PlatformClient, correction: str
) -> None:
    await chat.text("5 tray zuri cola 350ml")
    placed = await chat.text("YES")
    answer = await chat.text(correction)
    [order] = await platform_client.store_orders(await store_id(chat))
    assert f"Order #{order.order_id} is already placed, so I did not change it." in answer, (placed, answer)
    assert "reply CANCEL" in answer and [(line.sku, line.quantity) for line in order.lines] == [("ZC-350C-24", 5)]


async def test_confirm_question_comes_with_yes_no_buttons(chat: Chat) -> None:
    replies = await chat.say("3 box mishumaa")
    assert replies[-1]["buttons"] == [{"title": "YES", "payload": "yes"}, {"title": "NO", "payload": "no"}]


async def test_edits_change_quantity_remove_and_add_lines_before_confirming(
    chat: Chat, platform_client: PlatformClient
) -> None:
    await chat.text("5 tray zuri cola 350ml, 2 bales unga mlima, 1 box mishumaa")
    assert "2) Mlima Maize Flour 2kg 10 bales" in await chat.text("2 = 10")
    removed = await chat.text("remove 3")
    assert "Taa Candles" not in removed
    added = await chat.text("add 1 bag sukari kipepeo 50kg")
    assert "3) Kipepeo Sugar 50kg bag 1 bag x 6,200" in added
    assert "1) Zuri Cola 350ml can 6 trays" in await chat.text("make zuri cola 350ml 6")
    placed = await chat.text("yes")
    order = (await platform_client.store_orders(await store_id(chat)))[0]
    assert order.order_id in placed
    assert [(line.sku, line.quantity) for line in order.lines] == [
        ("ZC-350C-24", 6),
        ("ML-FLOUR-2KG-12", 10),
        ("KP-SUGAR-50KG", 1),
    ]


async def test_ambiguous_item_is_asked_with_buttons_and_a_typed_number_answers_it(chat: Chat) -> None:
    replies = await chat.say("3 zuri cola")
    question = replies[-1]
    assert question["text"].startswith("Which zuri cola?")
    assert [button["payload"] for button in question["buttons"]] == ["1", "2", "3"]
    two_litre = next(b["payload"] for b in question["buttons"] if "2L" in b["title"])
    summary = await chat.text(two_litre)
    assert "1) Zuri Cola 2L PET 3 cases x 870 = 2,610" in summary


async def test_a_chosen_option_is_learned_for_the_stores_next_order(chat: Chat) -> None:
    question = (await chat.say("3 zuri cola"))[-1]
    await chat.text(next(b["payload"] for b in question["buttons"] if "2L" in b["title"]))
    await chat.text("no")
    summary = await chat.text("4 zuri cola")
    assert "Which" not in summary
    assert "1) Zuri Cola 2L PET 4 cases" in summary


async def test_unknown_items_are_said_plainly_and_the_rest_is_drafted(chat: Chat) -> None:
    summary = await chat.text("1 bag sukari kipepeo 50kg and 2 crates tusker")
    assert "couldn't find: 2 crates tusker" in summary
    assert "1) Kipepeo Sugar 50kg bag" in summary


async def test_out_of_stock_and_discontinued_lines_are_flagged_with_an_alternative(chat: Chat) -> None:
    summary = await chat.text("2 cases zuri cola 1L na 1 ctn sabuni bafu 200g")
    assert "out of stock; try Zuri Cola 2L PET" in summary
    assert "no longer sold; try Bafu Soap bar 800g" in summary
    refused = await chat.text("yes")
    assert "couldn't place the order" in refused and "Line 1" in refused
    fixed = await chat.text("remove 1")
    assert "Bafu Soap bar 200g" in fixed


async def test_below_minimum_is_refused_with_the_minimum(chat: Chat) -> None:
    await chat.text("1 bale unga mlima")
    refused = await chat.text("yes")
    assert "minimum is 2 bales" in refused
    assert "placed" in await chat.text("1 = 2") + await chat.text("yes")


async def test_no_discards_the_draft_and_nothing_is_ordered(chat: Chat, platform_client: PlatformClient) -> None:
    await chat.text("4 box mishumaa")
    assert "dropped that draft" in await chat.text("no")
    assert "no order waiting" in await chat.text("yes")
    assert await platform_client.store_orders(await store_id(chat)) == []


async def test_a_new_order_replaces_an_unconfirmed_draft_and_says_so(chat: Chat) -> None:
    await chat.text("4 box mishumaa")
    replaced = await chat.text("new order 2 bales unga mlima")
    assert "earlier unconfirmed draft" in replaced
    assert "Taa Candles" not in replaced.split("dropped.")[1]


async def test_long_summary_pages_with_more(chat: Chat) -> None:
    first = await chat.text(
        "5 tray zuri cola 350ml, 2 cases zuri cola 2L, 2 bales unga mlima, 1 ctn sabuni bafu 800g, "
        "3 box mishumaa, 1 bale sukari kipepeo 1kg, 1 bag sukari kipepeo 50kg, 2 bales mchele nyota"
    )
    assert "Reply MORE" in first
    assert len(first) < 460
    rest = await chat.text("MORE")
    assert "Total KES" in rest


async def test_a_long_summary_on_a_chat_app_comes_whole_in_one_message(chat: Chat) -> None:
    chat.channel = "whatsapp"
    summary = await chat.text(
        "5 tray zuri cola 350ml, 2 cases zuri cola 2L, 2 bales unga mlima, 1 ctn sabuni bafu 800g, "
        "3 box mishumaa, 1 bale sukari kipepeo 1kg, 1 bag sukari kipepeo 50kg, 2 bales mchele nyota"
    )
    assert "MORE" not in summary and "8) Nyota Pishori Rice" in summary and "Total KES" in summary, summary


async def test_over_the_credit_limit_is_said_plainly(agent: Any) -> None:
    from tests.dialogues.seed import LOW_CREDIT_PHONE

    chat = Chat(agent, LOW_CREDIT_PHONE)
    await chat.text("2 bales mchele nyota")
    refused = await chat.text("yes")
    assert "credit limit" in refused


async def test_platform_down_gets_a_graceful_reply_and_the_draft_survives(chat: Chat, platform: Platform) -> None:
    await chat.text("2 box mishumaa")
    platform.stop()
    try:
        down = await chat.text("yes")
    finally:
        platform.start()
    assert "can't reach the order system" in down
    assert "placed" in await chat.text("yes")


async def test_draft_survives_an_action_server_restart(chat: Chat, action_server: ActionServer) -> None:
    await chat.text("2 box mishumaa")
    action_server.stop()
    action_server.start()
    assert "placed" in await chat.text("yes")


async def test_unregistered_phone_is_told_how_to_register(agent: Any) -> None:
    from tests.dialogues.seed import UNREGISTERED_PHONE

    chat = Chat(agent, UNREGISTERED_PHONE)
    reply = await chat.text("please send 5 box mishumaa")
    assert "not registered" in reply
    assert await chat.slot("draft") is None


async def test_phone_with_two_stores_is_asked_which_store_once_for_each_order(
    agent: Any, platform_client: PlatformClient
) -> None:
    from tests.dialogues.seed import TWO_STORE_PHONE

    chat = Chat(agent, TWO_STORE_PHONE)
    replies = await chat.say("2 box mishumaa")
    assert [b["title"] for b in replies[-1]["buttons"]] == ["Mama Shop Town", "Mama Shop Village"]
    resumed = await chat.text("2")
    assert "Mama Shop Village" in resumed and "Taa Candles" in resumed
    assert await chat.slot("store_id") == "T2"
    assert "Which store" not in await chat.text("and 1 box mishumaa")
    placed = await chat.text("yes")
    status = await chat.text("where is my order")
    assert "Which store" not in status and placed.split(" placed")[0].split()[-1] in status, (placed, status)
    # The next order may be the other store's: it is asked, and goes where the owner says.
    assert "Which store" in await chat.text("4 box mishumaa")
    assert "4 boxes" in await chat.text("1")
    await chat.text("yes")
    [town] = await platform_client.store_orders("T1")
    [village] = await platform_client.store_orders("T2")
    assert [(line.sku, line.quantity) for line in (*village.lines, *town.lines)] == [
        ("TA-CANDLE-6-20", 3),
        ("TA-CANDLE-6-20", 4),
    ]


async def test_goods_ordered_in_a_size_not_sold_are_offered_in_the_sizes_that_are(
    chat: Chat, platform_client: PlatformClient
) -> None:
    # Told only that the size is not sold, the owner had to type the order again.
    offered = await chat.text("2 bale mlima flour 1kg")
    assert "not in that size. We have 2kg." in offered and "Which mlima flour? 1) Mlima Maize Flour 2kg" in offered
    summary = await chat.text("YES")
    assert "1) Mlima Maize Flour 2kg 2 bales x 1,500 = 3,000" in summary, summary
    # Several sizes: the one picked by its number, with the amount said.
    offered = await chat.text("and 5 bales sukari kipepeo 2kg")
    assert "We have 1kg, 50kg." in offered and "2) Kipepeo Sugar 50kg bag" in offered, offered
    summary = await chat.text("1")
    assert "2) Kipepeo Sugar 1kg 5 bales" in summary, summary
    placed = await chat.text("YES")
    [order] = await platform_client.store_orders(await store_id(chat))
    assert order.order_id in placed
    assert sorted((line.sku, line.quantity) for line in order.lines) == [("KP-SUGAR-1KG-10", 5), ("ML-FLOUR-2KG-12", 2)]


async def test_a_product_named_while_asked_which_store_waits_for_the_answer(agent: Any) -> None:
    from tests.dialogues.seed import SHARED_PHONE

    chat = Chat(agent, SHARED_PHONE)
    assert "Which store" in await chat.text("where is my order")
    # A brand alone, which the classifier may read as a greeting or thanks: an order for the store to be named.
    again = await chat.text("nyota")
    assert "Which store" in again and "Hello" not in again
    resumed = await chat.text("2")
    assert "Jirani Shop Market" in resumed and "Nyota" in resumed
    assert await chat.slot("store_id") == "T4"


async def test_a_short_order_read_as_an_edit_still_starts_a_draft(chat: Chat) -> None:
    summary = await chat.text("mishumaa 3")
    assert "1) Taa Candles 6 pack 3 boxes" in summary


async def test_a_price_asked_inside_an_order_is_answered_with_the_draft_and_never_ordered(
    chat: Chat, platform_client: PlatformClient
) -> None:
    reply = await chat.text("pls send 5 tray zuri cola 350ml, and how much is nyota rice 5kg?")
    assert "1) Zuri Cola 350ml can 5 trays x 720 = 3,600" in reply
    assert "Nyota Pishori Rice 5kg" in reply and "2,900" in reply
    assert "2)" not in reply
    placed = await chat.text("YES")
    [order] = await platform_client.store_orders(await store_id(chat))
    assert order.order_id in placed
    assert [(line.sku, line.quantity) for line in order.lines] == [("ZC-350C-24", 5)]


@pytest.mark.parametrize(
    "question", ["and how much is nyota rice 5kg?", "pia nyota rice 5kg bei gani", "how much nyota rice 5kg"]
)
async def test_a_price_asked_while_a_draft_is_open_is_answered_and_never_joins_it(chat: Chat, question: str) -> None:
    await chat.text("5 tray zuri cola 350ml")
    answer = await chat.text(question)
    assert "Nyota Pishori Rice 5kg" in answer and "2,900" in answer, answer
    summary = await chat.text("show my order")
    assert "1) Zuri Cola 350ml can 5 trays" in summary and "Nyota" not in summary, summary


async def test_show_my_order_while_a_question_is_open_shows_the_lines_so_far_then_the_question(chat: Chat) -> None:
    await chat.text("2 bales unga mlima")
    question = await chat.text("zuri cola 3 cases")
    assert question.startswith("Which zuri cola"), question
    recap = await chat.text("show my order")
    assert "1) Mlima Maize Flour 2kg 2 bales" in recap and recap.endswith(question), recap
    summary = await chat.text("1")
    assert "Mlima" in summary and "Zuri Cola" in summary and "YES" in summary, summary


@pytest.mark.parametrize("edit", ["remove the 2L", "make the 2L 1"])
async def test_a_line_named_by_words_of_its_name_alone_is_edited(chat: Chat, edit: str) -> None:
    await chat.text("3 case zuri cola 2L, 2 box mishumaa")
    summary = await chat.text(edit)
    assert "Taa Candles 6 pack 2 boxes" in summary and "Zuri Cola 2L PET 3 cases" not in summary, summary


@pytest.mark.parametrize("edit", ["actually remove the zuri cola", "sorry, remove 1"])
async def test_a_removal_opened_by_words_taking_back_removes_the_line(chat: Chat, edit: str) -> None:
    await chat.text("3 case zuri cola 2L, 2 box mishumaa")
    summary = await chat.text(edit)
    assert "Taa Candles 6 pack 2 boxes" in summary and "Zuri Cola" not in summary, summary


@pytest.mark.parametrize("asked", ["how much is all that?", "how much for everything", "bei ya zote ni ngapi?"])
async def test_a_price_asked_of_the_whole_order_says_its_total(chat: Chat, asked: str) -> None:
    await chat.text("3 case zuri cola 2L, 2 box mishumaa")
    summary = await chat.text(asked)
    assert "Zuri Cola 2L PET 3 cases" in summary and "Taa Candles 6 pack 2 boxes" in summary, summary
    assert "Total KES" in summary or "Jumla KES" in summary, summary


@pytest.mark.parametrize(
    "edit", ["no wait, make the mishumaa 5", "sorry, change 2 to 5", "no, the mishumaa should be 5"]
)
async def test_an_edit_opened_by_words_taking_back_edits_the_line(chat: Chat, edit: str) -> None:
    await chat.text("3 case zuri cola 2L, 2 box mishumaa")
    summary = await chat.text(edit)
    assert "Taa Candles 6 pack 5 boxes" in summary and "Zuri Cola 2L PET 3 cases" in summary, summary
    assert "Which" not in summary, summary


async def test_the_brand_asked_about_said_again_is_no_new_item(chat: Chat) -> None:
    question = await chat.text("zuri cola 3 cases")
    assert question.startswith("Which zuri cola"), question
    again = await chat.text("zuri")
    assert "Added" not in again and "Noted" not in again, again
    assert "reply with a number from 1 to" in again, again
    draft = await chat.slot("draft")
    assert draft["lines"] == [] and len(draft["choices"]) == 1, draft


async def test_thanks_while_an_order_waits_says_it_is_not_placed(chat: Chat) -> None:
    await chat.text("3 box mishumaa")
    thanked = await chat.text("thank you")
    assert "Nothing is placed yet" in thanked and "Reply YES to confirm" in thanked, thanked
    asked = await chat.text("zuri cola 3 cases")
    assert "Which zuri cola" in asked, asked
    again = await chat.text("thanks")
    assert "Which zuri cola" in again and "any time" not in again, again


async def test_more_while_a_question_is_open_asks_it_again(chat: Chat) -> None:
    question = await chat.text("zuri cola 3 cases")
    assert question.startswith("Which zuri cola"), question
    assert await chat.text("MORE") == question


async def test_yes_after_the_price_of_a_counted_product_drafts_it_for_a_yes(
    chat: Chat, platform_client: PlatformClient
) -> None:
    assert "2 = 600" in await chat.text("how much for 2 boxes mishumaa?")
    summary = await chat.text("ok send them")
    assert "1) Taa Candles 6 pack 2 boxes x 300 = 600" in summary and "YES" in summary, summary
    assert await platform_client.store_orders(str(await chat.slot("store_id"))) == []
    assert "placed" in await chat.text("yes")
    await chat.text("how much is mishumaa")
    assert "Your order:" not in await chat.text("ok") and await chat.slot("draft") is None


async def test_an_amount_after_prices_orders_that_many_of_each_product_priced(chat: Chat) -> None:
    prices = await chat.text("how much is mishumaa and zuri cola 350ml?")
    assert "Taa Candles" in prices and "Zuri Cola 350ml" in prices, prices
    summary = await chat.text("ok send 3 of each")
    assert "Taa Candles 6 pack 3 boxes" in summary and "Zuri Cola 350ml can 3 trays" in summary, summary


async def test_an_amount_of_those_priced_while_an_order_is_open_adds_the_product_priced(chat: Chat) -> None:
    # `add 4` with a line on the order would otherwise add to that line; `those` is no product (Toss).
    await chat.text("2 bales unga mlima")
    assert "Taa Candles" in await chat.text("how much is mishumaa?")
    added = await chat.text("ok add 4 of those")
    assert "1) Mlima Maize Flour 2kg 2 bales" in added and "2) Taa Candles 6 pack 4 boxes x 300" in added, added


async def test_an_amount_of_those_priced_while_asked_which_one_adds_the_product_priced(chat: Chat) -> None:
    question = await chat.text("3 zuri cola")
    assert "Taa Candles" in await chat.text("how much is mishumaa?")
    added = await chat.text("ok add 4 of those")
    assert added.endswith(question) and "Toss" not in added, added
    summary = await chat.text("1")
    assert "Taa Candles 6 pack 4 boxes x 300" in summary and "Zuri Cola 350ml can 3 trays" in summary, summary


async def test_pieces_that_fill_no_whole_pack_are_asked_as_packs_never_ordered_as_packs(chat: Chat) -> None:
    question = await chat.text("50 cans zuri cola 350ml")
    assert question.startswith("How many trays of Zuri Cola 350ml can? Reply with a number. One tray holds 24.")
    summary = await chat.text("2")
    assert "1) Zuri Cola 350ml can 2 trays x 720 = 1,440" in summary


async def test_bottles_of_a_brand_sold_in_cases_of_several_sizes_are_asked_as_cases_once_the_size_is_picked(
    chat: Chat,
) -> None:
    which = await chat.text("12 bottles zuri cola")
    assert which.startswith("Which zuri cola?"), which
    number = re.search(r"(\d)\W+Zuri Cola 2L", which)
    assert number, which
    how_many = await chat.text(number.group(1))
    # 12 bottles are 2 cases of 2L: never 12 cases (72 bottles).
    assert how_many.startswith("How many cases of Zuri Cola 2L"), how_many
    summary = await chat.text("2")
    assert "1) Zuri Cola 2L PET 2 cases x 870 = 1,740" in summary, summary


async def test_an_amount_past_what_one_order_takes_is_asked_again_saying_why(chat: Chat) -> None:
    question = await chat.text("zuri cola 2L 5000 cases")
    assert question.startswith(
        "One order takes at most 1000 cases of a product. How many cases of Zuri Cola 2L PET? Reply with a number."
    ), question
    summary = await chat.text("50")
    assert "1) Zuri Cola 2L PET 50 cases" in summary, summary


async def test_the_price_of_a_part_of_a_pack_is_the_price_of_one_pack(chat: Chat) -> None:
    answer = await chat.text("how much is half tray zuri cola 350ml?")
    assert "Zuri Cola 350ml can: KES 720/tray, in stock." in answer and "0 =" not in answer, answer


async def test_a_range_is_asked_after_the_product_is_chosen(chat: Chat) -> None:
    which = await chat.text("zuri cola 2 or 3 cases")
    assert which.startswith("Which zuri cola"), which
    how_many = await chat.text("2")
    assert how_many.startswith("How many cases of Zuri Cola"), how_many
    summary = await chat.text("tatu")
    assert "3 cases" in summary and "Which" not in summary, summary


async def test_no_to_a_question_leaves_out_that_item_and_keeps_the_rest(chat: Chat) -> None:
    which = await chat.text("2 bales unga mlima, zuri cola 2 or 3 cases")
    assert which.startswith("Which zuri cola"), which
    summary = await chat.text("no")
    assert "left out zuri cola" in summary and "Mlima Maize Flour 2kg 2 bales" in summary, summary
    assert "Zuri Cola" not in summary and "YES" in summary, summary


async def test_yes_to_the_one_product_offered_for_an_unsure_word_takes_it(chat: Chat) -> None:
    which = await chat.text("3 bales mlima flour special")
    assert which.startswith("Which mlima flour special? 1) Mlima Maize Flour 2kg"), which
    summary = await chat.text("yes")
    assert "1) Mlima Maize Flour 2kg 3 bales" in summary and "Which" not in summary, summary
    assert "YES" in summary, summary


async def test_an_answer_that_is_no_whole_number_asks_again(chat: Chat) -> None:
    question = await chat.text("half tray zuri cola 350ml")
    assert question.startswith("How many trays of Zuri Cola 350ml can? Reply with a number. One tray holds 24.")
    again = await chat.text("2.5")
    assert "how many" in again.lower(), again
    assert "1) Zuri Cola 350ml can 4 trays" in await chat.text("4 trays")


async def test_goods_asked_in_a_size_not_sold_are_told_the_sizes_there_are(chat: Chat) -> None:
    summary = await chat.text("1 bag sukari kipepeo 10kg and 2 crates tusker")
    assert "sukari kipepeo 10kg: not in that size. We have 1kg, 50kg." in summary
    assert "couldn't find: 2 crates tusker" in summary


async def test_a_product_named_with_no_word_of_price_is_ordered_even_when_read_as_a_price_question(chat: Chat) -> None:
    # The classifier reads `sukari 50kg` as a price question; the reader finds only a product in it.
    ordered = await chat.text("sukari 50kg")
    assert "1) Kipepeo Sugar 50kg bag 1 bag x 6,200" in ordered and "YES" in ordered, ordered
    asked = await chat.text("sukari ya kipepeo 50kg?")
    assert "Kipepeo Sugar 50kg bag: KES 6,200" in asked and "Total" not in asked, asked


async def test_a_product_and_please_is_an_order_not_a_request_for_a_language(chat: Chat) -> None:
    # The classifier reads `<anything> please` as a request to switch language; no language is named.
    ordered = await chat.text("mishumaa please")
    assert "1) Taa Candles 6 pack 1 box x 300" in ordered and "language" not in ordered, ordered
    asked = await chat.text("language please")
    assert "Which language" in asked, asked


@pytest.mark.parametrize("message", ["need mishumaa", "nipe mishumaa", "mishumaa chahiye", "mishumaa boss"])
async def test_a_product_asked_for_in_a_word_of_want_is_ordered_never_greeted(chat: Chat, message: str) -> None:
    # Never having seen the product's name, the classifier may read the words around it as small talk.
    ordered = await chat.text(message)
    assert "1) Taa Candles 6 pack 1 box x 300" in ordered and "Hello" not in ordered, ordered


@pytest.mark.parametrize("message", ["habari, nataka mishumaa", "hello, mishumaa", "good morning boss, need mishumaa"])
async def test_a_product_asked_for_after_a_greeting_is_ordered_never_only_greeted(chat: Chat, message: str) -> None:
    # The classifier reads the greeting; the request after it would be lost with a greeting back.
    ordered = await chat.text(message)
    assert "1) Taa Candles 6 pack 1 box x 300" in ordered and "Hello" not in ordered, ordered


async def test_a_greeting_with_a_word_of_address_is_still_a_greeting(chat: Chat) -> None:
    greeted = await chat.text("hello boss")
    assert greeted.startswith("Hello!") and "1)" not in greeted, greeted


@pytest.mark.parametrize("asked", ["how much is mishumaa?", "bei ya sukari kipepeo 50kg"])
async def test_a_price_asked_while_a_question_is_open_is_answered_then_the_question_again(
    chat: Chat, asked: str
) -> None:
    await chat.text("2 bales unga mlima")
    question = await chat.text("zuri cola 3 cases")
    assert question.startswith("Which zuri cola"), question
    answered = await chat.text(asked)
    assert "KES" in answered and answered.endswith(question), answered
    summary = await chat.text("1")
    assert "Mlima" in summary and "Zuri Cola" in summary and "YES" in summary, summary


async def test_an_edit_of_a_line_there_is_not_says_so_and_asks_the_open_question_again(chat: Chat) -> None:
    question = await chat.text("zuri cola 3 cases")
    assert question.startswith("Which zuri cola"), question
    rejected = await chat.text("2 = 4")
    assert rejected.startswith("There is no line 2 in your order.") and rejected.endswith(question), rejected


async def test_a_product_taken_off_the_order_with_a_no_keeps_the_rest(chat: Chat) -> None:
    await chat.text("3 case zuri cola 2L, 2 box mishumaa")
    rest = await chat.text("no, remove the candles")
    assert "1) Zuri Cola 2L PET 3 cases" in rest and "Taa" not in rest and "dropped" not in rest, rest


async def test_a_number_with_nothing_to_choose_places_nothing_and_says_how_to_confirm(chat: Chat) -> None:
    await chat.text("3 box mishumaa")
    one = await chat.text("1")
    assert one.startswith("There is nothing to choose right now. Reply YES to confirm, NO to drop it"), one
    assert "placed" in await chat.text("yes")
