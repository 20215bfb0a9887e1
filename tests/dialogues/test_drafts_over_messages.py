"""A draft that grows over several messages, every limit said before YES, and a stale draft priced again."""

from __future__ import annotations

import time
from typing import Any

import pytest
from rasa.shared.core.events import SlotSet

from backend.client import PlatformClient
from tests.dialogues.conftest import Chat, Phones
from tests.dialogues.seed import CREDIT_PHONE, STRAY_STATE_PHONE

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_three_item_messages_make_one_draft_of_three_lines(chat: Chat, platform_client: PlatformClient) -> None:
    await chat.text("5 tray zuri cola 350ml")
    await chat.text("2 bales unga mlima")
    third = await chat.text("3 box mishumaa")
    assert "dropped" not in third
    assert "1) Zuri Cola 350ml can 5 trays x 720 = 3,600" in third
    assert "2) Mlima Maize Flour 2kg 2 bales x 1,500 = 3,000" in third
    assert "3) Taa Candles 6 pack 3 boxes x 300 = 900" in third
    assert "Total KES 7,500" in third
    placed = await chat.text("yes")
    [order] = await platform_client.store_orders(str(await chat.slot("store_id")))
    assert order.order_id in placed
    assert [(line.sku, line.quantity) for line in order.lines] == [
        ("ZC-350C-24", 5),
        ("ML-FLOUR-2KG-12", 2),
        ("TA-CANDLE-6-20", 3),
    ]


@pytest.mark.parametrize(
    ("language", "also"),
    [
        ("en", "and also 2 bales unga mlima"),
        ("sw", "pia bale 2 unga mlima"),
        ("hi", "aur 2 bale unga mlima"),
        ("hi-Deva", "और 2 bales unga mlima"),
    ],
)
async def test_and_also_in_each_language_adds_to_the_open_draft(
    agent: Any, phones: Phones, language_phones: dict[str, Phones], language: str, also: str
) -> None:
    chat = Chat(agent, (phones if language == "en" else language_phones[language]).take())
    await chat.text("3 box mishumaa")
    added = await chat.text(also)
    assert "1) Taa Candles 6 pack 3" in added, added
    assert "2) Mlima Maize Flour 2kg 2" in added, added
    assert "KES 3,900" in added, added


async def test_new_order_starts_afresh_and_says_the_draft_was_dropped(chat: Chat) -> None:
    await chat.text("4 box mishumaa")
    fresh = await chat.text("new order: 2 bales unga mlima")
    assert "earlier unconfirmed draft (1 line) was dropped" in fresh
    assert "1) Mlima Maize Flour 2kg 2 bales" in fresh and "Taa Candles" not in fresh


async def test_a_whole_order_restated_starts_afresh(chat: Chat) -> None:
    await chat.text("4 box mishumaa, 2 bales unga mlima")
    restated = await chat.text("5 box mishumaa and 3 bales unga mlima")
    assert "was dropped" in restated
    assert "1) Taa Candles 6 pack 5 boxes" in restated and "2) Mlima Maize Flour 2kg 3 bales" in restated


async def test_an_unclear_message_is_asked_about_once_and_the_answer_joins_it(chat: Chat) -> None:
    await chat.text("4 box mishumaa")
    asked = await chat.say("2 box mishumaa and 2 bales unga mlima")
    assert asked[-1]["text"] == "Add to your open order (1) or start a new one (2)?"
    assert [button["payload"] for button in asked[-1]["buttons"]] == ["1", "2"]
    joined = await chat.text("1")
    assert "1) Taa Candles 6 pack 6 boxes" in joined and "2) Mlima Maize Flour 2kg 2 bales" in joined
    again = await chat.text("2 box mishumaa and 1 bale mchele nyota")
    assert again.endswith("start a new one (2)?")
    fresh = await chat.text("2")
    assert "was dropped" in fresh and "1) Taa Candles 6 pack 2 boxes" in fresh and "2) Nyota Pishori Rice" in fresh


async def test_a_price_asked_meanwhile_is_answered_and_the_question_asked_again(chat: Chat) -> None:
    await chat.text("4 box mishumaa")
    await chat.text("2 box mishumaa and 2 bales unga mlima")
    priced = await chat.text("how much is sukari kipepeo 1kg?")
    assert "Kipepeo Sugar 1kg" in priced and priced.endswith("start a new one (2)?"), priced
    joined = await chat.text("1")
    assert "1) Taa Candles 6 pack 6 boxes" in joined and "2) Mlima Maize Flour 2kg 2 bales" in joined, joined


async def test_a_price_asked_meanwhile_asks_again_the_question_asked_last(chat: Chat) -> None:
    await chat.text("4 box mishumaa")
    assert (await chat.text("zuri cola 3 cases")).startswith("Which zuri cola"), "a choice is open"
    asked = await chat.text("2 box mishumaa and 2 bales unga mlima")
    assert asked.endswith("start a new one (2)?"), asked
    priced = await chat.text("how much is sukari kipepeo 1kg?")
    assert "Kipepeo Sugar 1kg" in priced and priced.endswith("start a new one (2)?"), priced


async def test_items_the_question_waits_on_are_never_dropped_unsaid(chat: Chat) -> None:
    await chat.text("4 box mishumaa")
    await chat.text("2 box mishumaa and 2 bales unga mlima")
    corrected = await chat.text("sorry 5 not 4 box mishumaa")
    assert 'I did not add "2 box mishumaa and 2 bales unga mlima": send it again' in corrected, corrected
    assert "1) Taa Candles 6 pack 5 boxes" in corrected and "Mlima" not in corrected.split("order it.")[1], corrected


async def test_no_to_the_question_keeps_the_open_draft_as_it_was(chat: Chat) -> None:
    await chat.text("4 box mishumaa")
    await chat.text("2 box mishumaa and 2 bales unga mlima")
    kept = await chat.text("no")
    assert "dropped" not in kept and "1) Taa Candles 6 pack 4 boxes" in kept and "2)" not in kept
    assert "placed" in await chat.text("yes")


async def test_the_same_product_again_asks_add_or_change_and_one_more_adds(chat: Chat) -> None:
    await chat.text("4 box mishumaa")
    asked = await chat.text("2 box mishumaa")
    assert "Already on your order: Taa Candles 6 pack 4 boxes." in asked
    assert "1) Taa Candles 6 pack 2 boxes" in await chat.text("2")
    assert "1) Taa Candles 6 pack 3 boxes" in await chat.text("one more box mishumaa")


async def test_a_draft_over_credit_says_the_credit_available_and_the_fix_before_yes(
    agent: Any, platform_client: PlatformClient
) -> None:
    chat = Chat(agent, CREDIT_PHONE)
    [shown] = await chat.say("12 bags sukari kipepeo 50kg and 10 bales mchele nyota")
    summary = shown["text"]
    # The cut comes first, where YES would be: `1` typed back on SMS makes it.
    assert [b["payload"] for b in shown["buttons"]] == ["1 = 8", "no"]
    assert "Over your credit limit: KES 80,000 available, this order is KES 103,400." in summary
    assert "Reduce Kipepeo Sugar 50kg bag to 8 bags to fit your credit (reply 1 = 8)." in summary
    assert "80000.00" not in summary
    refused = await chat.text("yes")
    assert "couldn't place the order" in refused and "KES 80,000 available" in refused
    assert await platform_client.store_orders("C1") == []
    fixed = await chat.text("1 = 8")
    assert "Total KES 78,600" in fixed and "credit" not in fixed
    placed = await chat.text("yes")
    [order] = await platform_client.store_orders("C1")
    assert order.order_id in placed and order.total == 78600


async def test_a_stale_draft_is_priced_again_on_yes_instead_of_placed(
    chat: Chat, agent: Any, platform_client: PlatformClient
) -> None:
    await chat.text("2 box mishumaa")
    tracker = await agent.tracker_store.get_or_create_tracker(chat.phone)
    draft = dict(tracker.get_slot("draft"))
    draft["priced_at"] -= 13 * 3600
    tracker.update(SlotSet("draft", draft))
    await agent.tracker_store.save(tracker)
    repriced = await chat.text("yes")
    assert "Prices and stock may have changed" in repriced and "1) Taa Candles 6 pack 2 boxes x 300" in repriced
    assert await platform_client.store_orders(str(await chat.slot("store_id"))) == []
    assert time.time() - (await chat.slot("draft"))["priced_at"] < 60
    assert "placed" in await chat.text("yes")


async def test_items_sent_while_a_choice_is_open_join_the_draft_and_the_question_comes_again(chat: Chat) -> None:
    await chat.text("3 zuri cola")
    replies = await chat.say("2 bales unga mlima")
    assert replies[0]["text"] == "Added: your order has 1 line so far."
    assert replies[-1]["text"].startswith("Which zuri cola?")
    # The 1L is out of stock: offered, and said so, before a pick that would be refused.
    assert "Zuri Cola 1L PET 960.50/case (out of stock)" in replies[-1]["text"], replies[-1]["text"]
    two_litre = next(b["payload"] for b in replies[-1]["buttons"] if "2L" in b["title"])
    summary = await chat.text(two_litre)
    assert "1) Mlima Maize Flour 2kg 2 bales" in summary and "2) Zuri Cola 2L PET 3 cases" in summary


async def test_an_item_sent_while_a_choice_is_open_that_needs_its_own_question_is_asked_next(chat: Chat) -> None:
    await chat.text("3 zuri cola")
    replies = await chat.say("sukari kipepeo 2")
    assert replies[0]["text"] == "Noted: I'll ask about that after this question.", replies
    assert replies[-1]["text"].startswith("Which zuri cola?")
    # The 1L is out of stock: offered, and said so, before a pick that would be refused.
    assert "Zuri Cola 1L PET 960.50/case (out of stock)" in replies[-1]["text"], replies[-1]["text"]
    two_litre = next(b["payload"] for b in replies[-1]["buttons"] if "2L" in b["title"])
    assert (await chat.text(two_litre)).startswith("Which sukari kipepeo?")


async def test_options_are_listed_as_a_price_list_lists_them_by_size_with_those_out_of_stock_last(chat: Chat) -> None:
    question = await chat.text("3 zuri cola")
    assert question.index("1) Zuri Cola 350ml can") < question.index("2) Zuri Cola 2L PET"), question
    assert question.index("2) Zuri Cola 2L PET") < question.index("3) Zuri Cola 1L PET"), question


async def test_yes_to_a_choice_of_several_says_how_to_answer_it(chat: Chat) -> None:
    await chat.text("3 zuri cola")
    assert await chat.text("yes") == "Please reply with a number from 1 to 3."
    assert "1) Zuri Cola 1L PET 3 cases" in await chat.text("3")


async def test_a_line_changed_while_a_choice_is_open_is_said_changed_and_the_question_comes_again(chat: Chat) -> None:
    await chat.text("4 box mishumaa and 3 zuri cola")
    await chat.text("2 box mishumaa")
    replies = await chat.say("2")
    assert replies[0]["text"] == "Changed: your order has 1 line so far."
    assert replies[-1]["text"].startswith("Which zuri cola?")
    summary = await chat.text("1")
    assert "1) Taa Candles 6 pack 2 boxes" in summary, summary


async def test_a_correction_sent_after_the_draft_changes_its_line_without_asking(chat: Chat) -> None:
    await chat.text("2 bales unga mlima na 5 cases zuri cola 2l")
    summary = await chat.text("sorry 5 nahi 6 cases zuri cola 2l")
    assert "Zuri Cola 2L PET 6 cases" in summary and "Mlima Maize Flour 2kg 2 bales" in summary, summary
    assert "11 cases" not in summary and "(2)" not in summary, summary


async def test_an_amount_corrected_or_added_alone_changes_the_last_line_and_never_drops_the_draft(
    chat: Chat, platform_client: PlatformClient
) -> None:
    await chat.text("2 bales unga mlima")
    await chat.text("and 5 cases zuri cola 2l")
    said_and_expected = (
        ("sorry make it 3", 3),
        ("4 nahi 6", 6),
        ("hapana, case 4", 4),
        ("no, 7 not 4", 7),
        ("2 more", 9),
        ("moja zaidi", 10),
        ("make it 12", 12),
        ("toa moja", 11),
        ("minus 2", 9),
        ("ek kam karo", 8),
        ("remove one", 7),
        ("2 less", 5),
        ("make it 12", 12),
    )
    for said, expected in said_and_expected:
        summary = await chat.text(said)
        assert f"Zuri Cola 2L PET {expected} cases" in summary, (said, summary)
        assert "Mlima Maize Flour 2kg 2 bales" in summary, (said, summary)
    await chat.text("yes")
    [order] = await platform_client.store_orders(str(await chat.slot("store_id")))
    assert [(line.sku, line.quantity) for line in order.lines] == [("ML-FLOUR-2KG-12", 2), ("ZC-2L-6", 12)]


async def test_all_of_the_last_line_taken_off_alone_removes_it_and_remove_1_still_removes_line_1(chat: Chat) -> None:
    await chat.text("2 bales unga mlima")
    await chat.text("and 2 cases zuri cola 2l")
    summary = await chat.text("punguza mbili")
    assert "Zuri Cola" not in summary and "Mlima Maize Flour 2kg 2 bales" in summary, summary
    await chat.text("3 box mishumaa")
    summary = await chat.text("remove 1")
    assert "Mlima" not in summary and "Taa Candles 6 pack 3 boxes" in summary, summary


async def test_an_amount_taken_off_a_product_named_changes_only_its_line(chat: Chat) -> None:
    await chat.text("2 bales unga mlima na 5 cases zuri cola 2l")
    summary = await chat.text("reduce unga mlima by 1")
    assert "Mlima Maize Flour 2kg 1 bale" in summary and "Zuri Cola 2L PET 5 cases" in summary, summary
    summary = await chat.text("punguza zuri cola mbili")
    assert "Zuri Cola 2L PET 3 cases" in summary and "Mlima Maize Flour 2kg 1 bale" in summary, summary
    summary = await chat.text("unga mlima minus 3")
    assert "Mlima" not in summary and "Zuri Cola 2L PET 3 cases" in summary, summary


async def test_an_amount_corrected_while_asked_which_one_is_kept_for_the_answer(chat: Chat) -> None:
    await chat.text("2 bales unga mlima")
    question = await chat.text("3 zuri cola")
    assert question.startswith("Which zuri cola?"), question
    # Read as NO, which would leave the cola out: it corrects the amount, says so, and asks the question again.
    replies = await chat.say("no, make it 5")
    assert replies[0]["text"] == "Changed: your order has 1 line so far.", replies
    assert replies[-1]["text"] == question, replies
    summary = await chat.text("2")
    assert "Zuri Cola 2L PET 5 cases" in summary and "Mlima Maize Flour 2kg 2 bales" in summary, summary


async def test_yes_to_add_or_change_says_how_to_answer_it(chat: Chat) -> None:
    await chat.text("5 cases zuri cola 2l")
    assert "(2)" in await chat.text("zuri cola 2l 3 cases")
    assert await chat.text("yes") == "Please reply with a number from 1 to 2."
    assert "Zuri Cola 2L PET 3 cases" in await chat.text("2")


async def test_an_amount_for_the_product_asked_about_is_kept_for_the_answer(chat: Chat) -> None:
    await chat.text("4 box mishumaa and 3 zuri cola")
    replies = await chat.say("change zuri cola to 5")
    assert replies[0]["text"] == "Changed: your order has 1 line so far.", replies
    assert replies[-1]["text"].startswith("Which zuri cola?"), replies
    two_litre = next(b["payload"] for b in replies[-1]["buttons"] if "2L" in b["title"])
    summary = await chat.text(two_litre)
    assert "2) Zuri Cola 2L PET 5 cases" in summary, summary


async def test_removing_the_product_asked_about_drops_the_question(chat: Chat) -> None:
    await chat.text("4 box mishumaa and 3 zuri cola")
    summary = await chat.text("remove zuri cola")
    assert "1) Taa Candles 6 pack 4 boxes" in summary and "Zuri" not in summary and "YES" in summary, summary


async def test_a_typed_edit_while_a_choice_is_open_is_said_done_before_the_question(chat: Chat) -> None:
    await chat.text("4 box mishumaa and 3 zuri cola")
    replies = await chat.say("add 2 bales unga mlima")
    assert replies[0]["text"] == "Added: your order has 2 lines so far.", replies
    replies = await chat.say("1 = 6")
    assert replies[0]["text"] == "Changed: your order has 2 lines so far.", replies
    assert replies[-1]["text"].startswith("Which zuri cola?"), replies
    summary = await chat.text("1")
    assert "1) Taa Candles 6 pack 6 boxes" in summary and "Mlima Maize Flour 2kg 2 bales" in summary, summary


@pytest.mark.parametrize(
    ("language", "second"),
    [("en", "the second one"), ("sw", "hiyo ya pili"), ("hi", "doosra wala"), ("hi-Deva", "दूसरा वाला")],
)
async def test_an_option_named_by_its_ordinal_word_is_chosen(
    agent: Any, phones: Phones, language_phones: dict[str, Phones], language: str, second: str
) -> None:
    chat = Chat(agent, (phones if language == "en" else language_phones[language]).take())
    replies = await chat.say("3 zuri cola")
    named = " ".join(replies[-1]["buttons"][1]["title"].split()[:3])
    summary = await chat.text(second)
    assert f"1) {named}" in summary and "2,610" in summary, (named, summary)


async def test_a_draft_written_in_a_shape_no_longer_read_is_dropped_with_a_word_and_the_next_order_goes_through(
    chat: Chat, agent: Any, platform_client: PlatformClient
) -> None:
    await chat.text("2 box mishumaa")
    tracker = await agent.tracker_store.get_or_create_tracker(chat.phone)
    # A draft as a version that wrote its lines otherwise would have left it: every message failed on it, each
    # answered "please try again", until the draft expired.
    draft = {**tracker.get_slot("draft"), "lines": [{"item": "TA-CANDLE-6-20", "count": 2}]}
    tracker.update(SlotSet("draft", draft))
    await agent.tracker_store.save(tracker)
    dropped = await chat.text("yes")
    assert "could not read the order you had open" in dropped and "try again in a few minutes" not in dropped
    assert await chat.slot("draft") is None and await chat.slot("awaiting") is None
    assert "1) Taa Candles 6 pack 2 boxes" in await chat.text("2 box mishumaa")
    placed = await chat.text("YES")
    [order] = await platform_client.store_orders(await chat.slot("store_id"))
    assert order.order_id in placed


async def test_a_fault_of_ours_is_answered_and_changes_nothing(agent: Any) -> None:
    chat = Chat(agent, STRAY_STATE_PHONE)
    assert "Which store" in await chat.text("2 box mishumaa")
    tracker = await agent.tracker_store.get_or_create_tracker(chat.phone)
    # Requests waiting for the store, as a version that kept them otherwise would have left them.
    tracker.update(SlotSet("resume", {"requests": ["2 box mishumaa"]}))
    await agent.tracker_store.save(tracker)
    # The owner was left without an answer.
    assert "please try again" in await chat.text("1")
    assert await chat.slot("store_id") is None and await chat.slot("awaiting") == "store"
