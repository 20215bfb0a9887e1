"""Handling a message: opt-out keywords, numbered menus, understanding, handoff, and dependencies down."""

from __future__ import annotations

import pytest

from backend.database import PlatformDatabase
from bot.__main__ import hand_back, outbox_status
from bot.keys import GATEWAY
from bot.messages import Channel, Reply
from tests.bot.conftest import OTHER_STORE_PHONE, STORE_PHONE, Stack, StackFactory, eventually

MENU_REPLY = [
    {
        "recipient_id": STORE_PHONE,
        "text": "Which coke?",
        "buttons": [
            {"title": "Coca-Cola 300ml crate", "payload": '/choose{"sku": "BEV-COKE-300G-24"}'},
            {"title": "Coca-Cola 500ml case", "payload": '/choose{"sku": "BEV-COKE-500P-24"}'},
        ],
    }
]


def _promo_opt_in(stack: Stack, store_id: str) -> bool:
    db = PlatformDatabase(stack.platform_db)
    try:
        return db.store(store_id).promo_opt_in
    finally:
        db.close()


async def _sent(stack: Stack, count: int) -> bool:
    return len(stack.twilio.requests) >= count


@pytest.mark.parametrize(
    "word",
    [
        "STOP",
        "stop",
        " Unsubscribe. ",
        "ACHA",
        "sitisha",
        "Wacha",
        "acha kunitumia",
        "Band karo",
        "RUKO",
        "itigil na",
        "Hunong",
        "Kwusi",
        "daina",
        "Duro",
        "stop am",
        "Berhenti",
    ],
)
async def test_opt_out_keyword_stops_promotions_without_the_assistant(stack: Stack, word: str) -> None:
    assert _promo_opt_in(stack, "ST-001")
    await stack.sms(word)
    await eventually(lambda: _sent(stack, 1))
    assert not _promo_opt_in(stack, "ST-001")
    assert "no more promotions" in stack.twilio.bodies()[0]
    assert stack.rasa.turns == []


async def test_opt_out_covers_every_store_of_the_phone_and_start_brings_promotions_back_in_its_language(
    stack: Stack,
) -> None:
    await stack.sms("STOP", phone=OTHER_STORE_PHONE)
    await eventually(lambda: _sent(stack, 1))
    assert not _promo_opt_in(stack, "ST-002")
    await stack.sms("anza", phone=OTHER_STORE_PHONE)
    await eventually(lambda: _sent(stack, 2))
    assert _promo_opt_in(stack, "ST-002")
    assert "Matangazo yamerudi" in stack.twilio.bodies()[1]  # the phone's stores write Swahili


async def test_cancel_goes_to_the_assistant_not_to_opt_out(stack: Stack) -> None:
    await stack.sms("cancel")
    await eventually(lambda: _sent(stack, 1))
    assert [t["message"] for t in stack.rasa.turns] == ["cancel"]
    assert _promo_opt_in(stack, "ST-001")


async def test_numbered_reply_sends_the_menu_payload_back(stack: Stack) -> None:
    stack.rasa.reply = lambda turn: MENU_REPLY if turn["message"] == "2 coke" else []
    await stack.sms("2 coke")
    await eventually(lambda: _sent(stack, 1))
    assert stack.twilio.bodies()[0] == "Which coke?\n1. Coca-Cola 300ml crate\n2. Coca-Cola 500ml case"
    await stack.sms("2")
    await eventually(lambda: _turns(stack, 2))
    assert stack.rasa.turns[1]["message"] == '/choose{"sku": "BEV-COKE-500P-24"}'


async def test_number_outside_the_menu_goes_through_as_typed(stack: Stack) -> None:
    stack.rasa.reply = lambda turn: MENU_REPLY if turn["message"] == "2 coke" else []
    await stack.sms("2 coke")
    await eventually(lambda: _sent(stack, 1))
    await stack.sms("7")
    await eventually(lambda: _turns(stack, 2))
    assert stack.rasa.turns[1]["message"] == "7"


async def test_transcript_records_both_directions_with_what_the_assistant_understood(stack: Stack) -> None:
    await stack.sms("5 ctn coke 300ml")
    await eventually(lambda: _sent(stack, 1))
    entries = await stack.transcript()
    inbound, outbound = entries
    assert (inbound.direction, inbound.text, inbound.channel) == ("in", "5 ctn coke 300ml", "sms")
    assert inbound.understanding.intent == "place_order"
    assert inbound.understanding.confidence == pytest.approx(0.93)
    assert inbound.understanding.lines[0]["sku"] == "BEV-COKE-300G-24"
    assert (outbound.direction, outbound.text) == ("out", "echo: 5 ctn coke 300ml")


async def test_rasa_down_gets_an_apology_and_the_message_is_answered_later(stack: Stack) -> None:
    stack.rasa.down = True
    await stack.sms("5 ctn coke")
    await eventually(lambda: _sent(stack, 1))
    assert "Sorry" in stack.twilio.bodies()[0]
    await eventually(lambda: _waiting_for_a_retry(stack))
    assert len(stack.twilio.requests) == 1
    stack.rasa.down = False
    await eventually(lambda: _sent(stack, 2))
    assert stack.twilio.bodies()[1] == "echo: 5 ctn coke"


async def test_a_turn_the_assistant_finished_after_the_gateway_gave_up_is_answered_once_and_not_run_again(
    stack: Stack,
) -> None:
    stack.rasa.delay = 3.0  # longer than the gateway waits (RASA_TIMEOUT_SECONDS=2)
    await stack.sms("5 ctn coke")
    await eventually(lambda: _sent(stack, 2), timeout=20)
    await eventually(lambda: _all_handled(stack))
    assert [t["message"] for t in stack.rasa.turns] == ["5 ctn coke"]
    assert stack.twilio.bodies()[1:] == ["echo: 5 ctn coke"]
    assert "Sorry" in stack.twilio.bodies()[0]


async def test_later_messages_wait_behind_one_the_assistant_could_not_take(stack: Stack) -> None:
    stack.rasa.down = True
    await stack.sms("first")
    await stack.sms("second")
    await eventually(lambda: _sent(stack, 1))
    stack.rasa.down = False
    await eventually(lambda: _sent(stack, 3))
    assert [t["message"] for t in stack.rasa.turns] == ["first", "second"]


async def test_backend_down_during_opt_out_gets_an_apology_and_is_applied_later(make_stack: StackFactory) -> None:
    stack = await make_stack(BACKEND_URL="http://127.0.0.1:9")
    await stack.sms("STOP")
    await eventually(lambda: _sent(stack, 1))
    assert "Sorry" in stack.twilio.bodies()[0]
    pending = await stack.client.app[GATEWAY].inbox.stream.pending()
    assert pending == 1


async def test_handoff_request_marks_the_conversation_waiting_and_handback_clears_it(stack: Stack) -> None:
    stack.rasa.reply = lambda turn: [
        {"recipient_id": STORE_PHONE, "text": "A person will call you."},
        {"recipient_id": STORE_PHONE, "custom": {"handoff": "requested"}},
    ]
    await stack.sms("I want to talk to someone")
    await eventually(lambda: _sent(stack, 1))
    gateway = stack.client.app[GATEWAY]
    [waiting] = await gateway.transcripts.conversations(waiting_only=True)
    assert waiting.phone == STORE_PHONE
    assert await gateway.inbox.hand_back(STORE_PHONE) == 1
    assert stack.rasa.triggered == [(STORE_PHONE, {"name": "EXTERNAL_handback"})]
    await eventually(lambda: _sent(stack, 2))
    assert stack.twilio.bodies()[1] == "You are back with the assistant."
    assert await gateway.transcripts.conversations(waiting_only=True) == []


async def _turns(stack: Stack, count: int) -> bool:
    return len(stack.rasa.turns) >= count


async def test_operator_handback_command_queues_the_assistants_reply(stack: Stack) -> None:
    await stack.sms("hello")
    await eventually(lambda: _sent(stack, 1))
    assert await hand_back(stack.settings, STORE_PHONE) == 1
    await eventually(lambda: _sent(stack, 2))
    assert stack.twilio.bodies()[1] == "You are back with the assistant."


async def _held_messages(stack: Stack, *texts: str) -> None:
    gateway = stack.client.app[GATEWAY]
    await gateway.inbox.take_over(STORE_PHONE, "wanjiru")
    for text in texts:
        await stack.sms(text)
    await eventually(lambda: _unanswered(stack, len(texts)))
    assert stack.rasa.turns == []


async def _unanswered(stack: Stack, count: int) -> bool:
    return len(await stack.client.app[GATEWAY].inbox.unanswered(STORE_PHONE)) >= count


async def test_handback_with_answers_lets_the_assistant_read_unanswered_messages_in_order_before_later_ones(
    stack: Stack,
) -> None:
    stack.rasa.reply = lambda turn: [{"recipient_id": STORE_PHONE, "text": f"read: {turn['message']}"}]
    await _held_messages(stack, "2 crates coke", "and 1 bag sugar")
    gateway = stack.client.app[GATEWAY]
    assert [m.text for m in await gateway.inbox.unanswered(STORE_PHONE)] == ["2 crates coke", "and 1 bag sugar"]
    assert await gateway.inbox.hand_back(STORE_PHONE, answer_unanswered=True) == 1
    await stack.sms("where is my order")
    await eventually(lambda: _sent(stack, 4))
    assert stack.twilio.bodies() == [
        "You are back with the assistant.",
        "read: 2 crates coke",
        "read: and 1 bag sugar",
        "read: where is my order",
    ]
    assert await gateway.inbox.unanswered(STORE_PHONE) == []


async def test_plain_handback_leaves_unanswered_messages_to_the_transcript(stack: Stack) -> None:
    stack.rasa.reply = lambda turn: [{"recipient_id": STORE_PHONE, "text": f"read: {turn['message']}"}]
    await _held_messages(stack, "ok thanks")
    gateway = stack.client.app[GATEWAY]
    assert await gateway.inbox.hand_back(STORE_PHONE) == 1
    await stack.sms("hello")
    await eventually(lambda: _sent(stack, 2))
    assert stack.twilio.bodies() == ["You are back with the assistant.", "read: hello"]
    assert [t["message"] for t in stack.rasa.turns] == ["hello"]


async def test_a_reply_from_staff_answers_the_messages_before_it(stack: Stack) -> None:
    await _held_messages(stack, "is anyone there?")
    gateway = stack.client.app[GATEWAY]
    await gateway.inbox.send_from_person(STORE_PHONE, Channel.SMS, Reply("Hello, Wanjiru here"), "agent:wanjiru:1")
    assert await gateway.inbox.unanswered(STORE_PHONE) == []
    await stack.sms("I need 3 crates")
    await eventually(lambda: _unanswered(stack, 1))
    assert [m.text for m in await gateway.inbox.unanswered(STORE_PHONE)] == ["I need 3 crates"]


async def test_outbox_status_command_counts_failed_messages(make_stack: StackFactory) -> None:
    stack = await make_stack()
    stack.twilio.then(400, {"code": 21211})
    await stack.sms("hello")
    await eventually(lambda: _sent(stack, 1))
    await eventually(stack.idle)
    status = await outbox_status(stack.settings)
    assert status["outbox_failed"] == 1
    assert status["inbound_waiting"] == 0


async def test_menu_number_sent_while_rasa_is_down_still_picks_from_the_menu(stack: Stack) -> None:
    stack.rasa.reply = lambda turn: MENU_REPLY if turn["message"] == "2 coke" else []
    await stack.sms("2 coke")
    await eventually(lambda: _sent(stack, 1))
    stack.rasa.down = True
    await stack.sms("1")
    await eventually(lambda: _sent(stack, 2))
    stack.rasa.down = False
    await eventually(lambda: _turns(stack, 2))
    assert stack.rasa.turns[1]["message"] == '/choose{"sku": "BEV-COKE-300G-24"}'


async def _all_handled(stack: Stack) -> bool:
    """Nothing left in the inbox or the outbox."""
    return await stack.unfinished() == (0, 0)


async def _waiting_for_a_retry(stack: Stack) -> bool:
    """The apology delivered, the message itself kept in the inbox for a later try."""
    return await stack.unfinished() == (1, 0)
