"""Status, cancel, reorder, prices, promotions, consent, small talk and handoff, end to end."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from rasa.core.channels import CollectingOutputChannel

from backend.client import PlatformClient
from backend.models import PromotionItem
from tests.dialogues.conftest import Chat
from tests.dialogues.seed import OFFER_REGION_PHONE

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def place(chat: Chat, text: str) -> str:
    """Order by text and confirm; the new order's number."""
    await chat.text(text)
    placed = await chat.text("yes")
    assert "placed" in placed, placed
    return placed.split("#", 1)[1].split(" ", 1)[0].rstrip(":")


async def test_status_of_the_latest_order_and_of_one_by_number_in_any_form(chat: Chat) -> None:
    first = await place(chat, "2 box mishumaa")
    second = await place(chat, "1 bag sukari kipepeo 50kg")
    assert f"Order #{second}" in await chat.text("where is my order?")
    for text in (f"#{first}?", f"ORD-{first} status pls", f"is order no {first} confirmed"):
        assert f"Order #{first}" in await chat.text(text), text


async def test_an_order_number_asked_about_while_an_order_is_open_never_changes_its_amount(chat: Chat) -> None:
    await chat.text("5 tray zuri cola 350ml")
    await chat.text("is order no 12 confirmed")
    assert "1) Zuri Cola 350ml can 5 trays" in await chat.text("show my order")


async def test_status_before_any_order_is_placed_shows_the_open_one_and_what_it_needs(chat: Chat) -> None:
    await chat.text("zuri cola 3 trays")
    status = await chat.text("where is my order?")
    assert status.startswith("Nothing is placed yet: your order is still open.") and "3 trays" in status, status
    assert "Reply YES to confirm" in status, status


async def test_status_while_a_product_is_asked_about_shows_the_settled_lines_and_the_question(chat: Chat) -> None:
    await chat.text("4 box mishumaa and 3 zuri cola")
    status = await chat.text("where is my order?")
    assert status.startswith("Nothing is placed yet: your order is still open."), status
    assert "1) Taa Candles 6 pack 4 boxes" in status and "Which zuri cola?" in status, status


async def test_asking_after_my_order_with_none_open_says_where_the_latest_one_is(chat: Chat) -> None:
    assert "can't find any orders" in await chat.text("show my order")
    order_id = await place(chat, "2 box mishumaa")
    for text in ("show my order", "hali ya oda yangu?"):
        assert f"Order #{order_id}" in await chat.text(text), text


async def test_status_of_another_stores_order_is_not_shown(chat: Chat, agent: Any, phones: Any) -> None:
    theirs = await place(Chat(agent, phones.take()), "2 box mishumaa")
    assert "can't find order" in await chat.text(f"status of order {theirs}")


async def test_cancel_asks_first_and_cancels_on_yes(chat: Chat, platform_client: PlatformClient) -> None:
    order_id = await place(chat, "2 box mishumaa")
    replies = await chat.say("cancel my last order")
    assert f"Cancel order #{order_id}" in replies[-1]["text"]
    assert replies[-1]["buttons"][0]["payload"] == "yes"
    assert "is cancelled" in await chat.text("yes")
    assert (await platform_client.order(order_id)).status == "cancelled"


async def test_cancel_then_no_keeps_the_order(chat: Chat, platform_client: PlatformClient) -> None:
    order_id = await place(chat, "2 box mishumaa")
    await chat.text(f"cancel ORD-{order_id}")
    assert "stays as it is" in await chat.text("no")
    assert (await platform_client.order(order_id)).status == "placed"


async def test_dispatched_order_cannot_be_cancelled_and_says_why(chat: Chat, platform_client: PlatformClient) -> None:
    order_id = await place(chat, "2 box mishumaa")
    await platform_client.move_order(order_id, "confirmed")
    await platform_client.move_order(order_id, "dispatched")
    refused = await chat.text("cancel my order")
    assert "already dispatched" in refused and "can't be cancelled" in refused


async def test_reorder_makes_a_new_draft_of_the_last_order_at_todays_prices(
    chat: Chat, platform_client: PlatformClient
) -> None:
    order_id = await place(chat, "3 box mishumaa, 2 bales unga mlima")
    summary = await chat.text("kama kawaida")
    assert f"Same as order #{order_id}" in summary
    assert "1) Taa Candles 6 pack 3 boxes" in summary and "2) Mlima Maize Flour 2kg 2 bales" in summary
    second = await chat.text("yes")
    assert "placed" in second
    orders = await platform_client.store_orders(str(await chat.slot("store_id")))
    assert len(orders) == 2 and orders[0].order_id != order_id


async def test_reorder_without_any_order_says_so(chat: Chat) -> None:
    assert "can't find any orders" in await chat.text("same as last time")


async def test_price_check_gives_price_and_availability(chat: Chat) -> None:
    reply = await chat.text("hw much is zuri cola 2L")
    assert "Zuri Cola 2L PET: KES 870/case, in stock" in reply
    assert "out of stock" in await chat.text("bei ya zuri cola 1L ni ngapi?")


async def test_prices_of_a_brand_in_several_sizes_are_listed_smallest_first_those_out_of_stock_last(chat: Chat) -> None:
    reply = await chat.text("how much is zuri cola?")
    sizes = [line.split(":")[0] for line in reply.splitlines() if line.startswith("Zuri Cola")]
    assert sizes == ["Zuri Cola 350ml can", "Zuri Cola 2L PET", "Zuri Cola 1L PET"], reply


async def test_promotions_say_there_are_none_right_now(chat: Chat) -> None:
    assert "no offers right now" in await chat.text("kuna offer gani leo?")


async def test_running_offers_are_listed_and_orders_are_priced_at_them(
    agent: Any, platform_client: PlatformClient
) -> None:
    await platform_client.create_promotion(
        "Cola deal", [PromotionItem("ZC-2L-6", Decimal("800.00"))], "2020-01-01", "2999-01-01", ["Kisumu"]
    )
    chat = Chat(agent, OFFER_REGION_PHONE)
    offers = await chat.text("any offers?")
    assert "Zuri Cola 2L PET KES 800/case (was 870) till Tue, 1 Jan" in offers
    summary = await chat.text("2 case zuri cola 2L")
    assert "1,600" in summary or "1600" in summary, summary
    assert "placed" in await chat.text("yes")
    orders = await platform_client.store_orders("K1")
    assert str(orders[0].total) == "1600.00"


async def test_stop_and_start_set_the_stores_promotion_consent(chat: Chat, platform_client: PlatformClient) -> None:
    assert "won't get promotions" in await chat.text("STOP")
    store = await platform_client.store(str(await chat.slot("store_id")))
    assert store.promo_opt_in is False
    assert "get our offers" in await chat.text("START")
    assert (await platform_client.store(store.store_id)).promo_opt_in is True


async def test_greet_help_thanks_and_goodbye_are_answered(chat: Chat) -> None:
    assert "Send your order" in await chat.text("mambo boss")
    assert "STATUS" in await chat.text("how do i order?")
    assert "Karibu" in await chat.text("asante sana")
    assert "Goodbye" in await chat.text("kwaheri")


async def test_out_of_scope_says_what_the_assistant_can_do(chat: Chat) -> None:
    assert "orders" in await chat.text("can you fix my phone screen")


async def test_handoff_marks_the_conversation_and_the_assistant_stays_quiet_until_handed_back(
    chat: Chat, agent: Any
) -> None:
    replies = await chat.say("I want to talk to a person")
    assert {"handoff": "requested"} in [reply.get("custom") for reply in replies]
    assert await chat.slot("handoff") is True
    assert await chat.say("hello?") == []
    assert await chat.say("5 box mishumaa") == []
    output = CollectingOutputChannel()
    tracker = await agent.processor.fetch_tracker_with_initial_session(chat.phone, output)
    await agent.trigger_intent("EXTERNAL_handback", [], output, tracker)
    assert any("I'm back" in message.get("text", "") for message in output.messages)
    assert await chat.slot("handoff") is False
    assert "Send your order" in await chat.text("hi")


async def test_hand_back_shows_the_open_order_where_the_owner_left_it(chat: Chat, agent: Any) -> None:
    await chat.text("2 bales unga mlima")
    await chat.say("I want to talk to a person")
    output = CollectingOutputChannel()
    tracker = await agent.processor.fetch_tracker_with_initial_session(chat.phone, output)
    await agent.trigger_intent("EXTERNAL_handback", [], output, tracker)
    back = "\n".join(message.get("text", "") for message in output.messages)
    assert back.startswith("I'm back. Your order is still open:\n1) Mlima"), back
    assert "Your order:" not in back, back
    assert "1) Mlima Maize Flour 2kg 2 bales" in back and "YES" in back, back
    assert "placed" in await chat.text("yes")
