"""Twilio webhooks: signatures, acknowledgement, deduplication, replies through the Messages API."""

from __future__ import annotations

import asyncio

from multidict import MultiDict
from twilio.request_validator import RequestValidator

from bot.twilio import message_id_of
from tests.bot.conftest import PUBLIC, STORE_PHONE, TWILIO_TOKEN, Stack, StackFactory, basic_user, eventually


async def test_a_signature_made_with_another_token_is_forbidden(stack: Stack) -> None:
    params = {"MessageSid": "SMforged", "From": STORE_PHONE, "Body": "5 ctn coke ✓"}
    forged = RequestValidator("not-the-token").compute_signature(PUBLIC + "/webhooks/twilio", params)
    response = await stack.twilio_webhook(params, signature=forged)
    assert response.status == 403
    assert stack.rasa.turns == []


async def test_a_webhook_with_repeated_parameters_signed_by_twilio_is_accepted(stack: Stack) -> None:
    params = MultiDict([("MessageSid", "SMrepeated"), ("From", STORE_PHONE), ("Body", "x"), ("Body", "y")])
    response = await stack.twilio_webhook(params)
    assert response.status == 200


async def test_signed_sms_is_acknowledged_with_empty_twiml_and_answered(stack: Stack) -> None:
    response = await stack.sms("5 ctn coke 300ml")
    assert response.status == 200
    assert "<Response/>" in await response.text()
    await eventually(lambda: _sent(stack, 1))
    sent = stack.twilio.requests[0]
    assert sent["form"]["To"] == STORE_PHONE
    assert sent["form"]["Body"] == "echo: 5 ctn coke 300ml"
    callback, _, reference = sent["form"]["StatusCallback"].partition("?ref=")
    assert callback == PUBLIC + "/webhooks/twilio/status"
    [reply] = [e for e in await stack.transcript() if e.direction == "out"]
    assert message_id_of(reference) == reply.message_id
    assert basic_user(sent["auth"]) == "AC123"
    assert stack.rasa.turns[0]["sender"] == STORE_PHONE


async def test_a_messaging_service_picks_the_sender_when_configured(make_stack: StackFactory) -> None:
    stack = await make_stack(TWILIO_FROM="", TWILIO_MESSAGING_SERVICE_SID="MG0123456789abcdef0123456789abcdef")
    await stack.sms("hello")
    await eventually(lambda: _sent(stack, 1))
    form = stack.twilio.requests[0]["form"]
    assert form["MessagingServiceSid"] == "MG0123456789abcdef0123456789abcdef"
    assert "From" not in form


async def test_unsigned_webhook_is_forbidden(stack: Stack) -> None:
    response = await stack.twilio_webhook({"MessageSid": "SM1", "From": STORE_PHONE, "Body": "hi"}, signature="")
    assert response.status == 403


async def test_wrongly_signed_webhook_is_forbidden(stack: Stack) -> None:
    params = {"MessageSid": "SM1", "From": STORE_PHONE, "Body": "hi"}
    wrong = RequestValidator("another-token").compute_signature(PUBLIC + "/webhooks/twilio", params)
    assert (await stack.twilio_webhook(params, signature=wrong)).status == 403


async def test_tampered_body_is_forbidden(stack: Stack) -> None:
    params = {"MessageSid": "SM1", "From": STORE_PHONE, "Body": "1 crate"}
    signature = RequestValidator(TWILIO_TOKEN).compute_signature(PUBLIC + "/webhooks/twilio", params)
    response = await stack.twilio_webhook({**params, "Body": "100 crates"}, signature=signature)
    assert response.status == 403
    await eventually(stack.idle)
    assert stack.rasa.turns == []


async def test_signature_for_another_url_is_forbidden(stack: Stack) -> None:
    params = {"MessageSid": "SM1", "From": STORE_PHONE, "Body": "hi"}
    signature = RequestValidator(TWILIO_TOKEN).compute_signature("https://evil.example.com/webhooks/twilio", params)
    assert (await stack.twilio_webhook(params, signature=signature)).status == 403


async def test_duplicate_message_sid_is_processed_once(stack: Stack) -> None:
    for _ in range(3):
        assert (await stack.sms("2 bags sukari", sid="SMdup1")).status == 200
    await eventually(lambda: _sent(stack, 1))
    await eventually(stack.idle)
    assert len(stack.rasa.turns) == 1
    assert len(stack.twilio.requests) == 1


async def test_concurrent_duplicates_are_processed_once(stack: Stack) -> None:
    responses = await asyncio.gather(*(stack.sms("2 bags sukari", sid="SMdup2") for _ in range(8)))
    assert all(r.status == 200 for r in responses)
    await eventually(lambda: _sent(stack, 1))
    await eventually(stack.idle)
    assert len(stack.rasa.turns) == 1


async def test_messages_of_one_conversation_reach_the_assistant_in_order(stack: Stack) -> None:
    for n in range(6):
        await stack.sms(f"message {n}")
    await eventually(lambda: _sent(stack, 6))
    assert [t["message"] for t in stack.rasa.turns] == [f"message {n}" for n in range(6)]
    assert stack.twilio.bodies() == [f"echo: message {n}" for n in range(6)]


async def test_whatsapp_through_twilio_is_answered_on_whatsapp(stack: Stack) -> None:
    params = {"MessageSid": "SMwa1", "From": f"whatsapp:{STORE_PHONE}", "To": "whatsapp:+15005550006", "Body": "hi"}
    assert (await stack.twilio_webhook(params)).status == 200
    await eventually(lambda: _sent(stack, 1))
    assert stack.twilio.requests[0]["form"]["To"] == f"whatsapp:{STORE_PHONE}"
    assert stack.twilio.requests[0]["form"]["From"] == "whatsapp:+15005550006"


async def test_local_number_format_is_normalised_to_e164(stack: Stack) -> None:
    await stack.sms("hello", phone="0712 000001")
    await eventually(lambda: _sent(stack, 1))
    assert stack.rasa.turns[0]["sender"] == STORE_PHONE


async def _sent(stack: Stack, count: int) -> bool:
    return len(stack.twilio.requests) >= count
