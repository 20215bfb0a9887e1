"""Delivery: retries on provider trouble, Retry-After, give-up, and status callbacks that never go backwards."""

from __future__ import annotations

import time

from bot.keys import GATEWAY
from tests.bot.conftest import Stack, StackFactory, eventually


async def _bodies(stack: Stack, count: int) -> bool:
    return len(stack.twilio.requests) >= count


async def _outbound(stack: Stack) -> list:
    return [e for e in await stack.transcript() if e.direction == "out"]


async def test_provider_server_error_is_retried_until_delivered(stack: Stack) -> None:
    stack.twilio.then(500)
    stack.twilio.then(503)
    await stack.sms("hello")
    await eventually(lambda: _bodies(stack, 3))
    await eventually(stack.idle)
    assert stack.twilio.bodies() == ["echo: hello"] * 3
    [sent] = await _outbound(stack)
    assert sent.status == "queued" and sent.provider_id == "SM00000000000000000000000000000003"


async def test_throttled_send_waits_for_retry_after(stack: Stack) -> None:
    stack.twilio.then(429, {"code": 20429}, {"Retry-After": "1"})
    started = time.monotonic()
    await stack.sms("hello")
    await eventually(lambda: _bodies(stack, 2))
    assert time.monotonic() - started >= 0.9
    assert len(stack.twilio.requests) == 2


async def test_provider_timeout_is_retried_when_the_provider_never_took_the_message(stack: Stack) -> None:
    stack.twilio.then(503, delay=1.5)
    await stack.sms("hello")
    await eventually(lambda: _bodies(stack, 2))
    await eventually(lambda: _status_is(stack, "queued", provider_id="SM00000000000000000000000000000002"))
    assert [m["body"] for m in stack.twilio.taken] == ["echo: hello"]


async def test_a_timed_out_send_the_provider_took_is_found_in_its_log_not_sent_twice(stack: Stack) -> None:
    stack.twilio.then(201, {"sid": "SMslow"}, delay=1.5)  # taken, but the answer comes after the timeout
    await stack.sms("hello")
    await eventually(lambda: _status_is(stack, "queued", provider_id="SM00000000000000000000000000000001"))
    await eventually(stack.idle)
    assert stack.twilio.bodies() == ["echo: hello"]


async def test_provider_refusal_marks_the_message_failed_without_retrying(stack: Stack) -> None:
    stack.twilio.then(400, {"code": 21211, "message": "invalid To"})
    await stack.sms("hello")
    await eventually(lambda: _status_is(stack, "failed"))
    await eventually(stack.idle)
    assert len(stack.twilio.requests) == 1


async def test_persistent_server_errors_give_up_after_max_attempts(make_stack: StackFactory) -> None:
    stack = await make_stack(OUTBOX_MAX_ATTEMPTS="3")
    for _ in range(5):
        stack.twilio.then(500)
    await stack.sms("hello")
    await eventually(lambda: _status_is(stack, "failed"))
    assert len(stack.twilio.requests) == 3


async def test_status_callbacks_out_of_order_never_move_a_status_back(stack: Stack) -> None:
    await stack.sms("hello")
    await eventually(lambda: _bodies(stack, 1))
    await eventually(lambda: _status_is(stack, "queued", provider_id="SM00000000000000000000000000000001"))
    sid = "SM00000000000000000000000000000001"
    for status in ("delivered", "sent", "queued", "delivered"):
        response = await stack.twilio_webhook(
            {"MessageSid": sid, "MessageStatus": status, "AccountSid": "AC123"}, path="/webhooks/twilio/status"
        )
        assert response.status == 204
    [sent] = await _outbound(stack)
    assert sent.status == "delivered"


async def test_failed_status_is_final(stack: Stack) -> None:
    await stack.sms("hello")
    await eventually(lambda: _status_is(stack, "queued", provider_id="SM00000000000000000000000000000001"))
    sid = "SM00000000000000000000000000000001"
    for status in ("undelivered", "delivered", "read"):
        await stack.twilio_webhook(
            {"MessageSid": sid, "MessageStatus": status, "ErrorCode": "30003"}, path="/webhooks/twilio/status"
        )
    [sent] = await _outbound(stack)
    assert sent.status == "undelivered" and sent.error == "30003"


async def test_unsigned_status_callback_is_forbidden(stack: Stack) -> None:
    response = await stack.twilio_webhook(
        {"MessageSid": "SM1", "MessageStatus": "delivered"}, path="/webhooks/twilio/status", signature=""
    )
    assert response.status == 403


async def test_per_recipient_rate_limit_holds_back_extra_messages(make_stack: StackFactory) -> None:
    stack = await make_stack(RATE_RECIPIENT_PER_MINUTE="2")
    for n in range(3):
        await stack.sms(f"m{n}")
    await eventually(lambda: _bodies(stack, 2))
    await eventually(lambda: _one_held_back(stack))
    assert len(stack.twilio.requests) == 2


async def test_outbox_restart_sends_queued_messages_once(make_stack: StackFactory) -> None:
    stack = await make_stack()
    stack.twilio.then(201, {"sid": "SMslow"}, delay=1.5)
    await stack.sms("hello")
    await eventually(lambda: _bodies(stack, 1))
    await stack.client.close()
    again = await make_stack(GATEWAY_KEY_PREFIX=stack.settings.key_prefix)
    await eventually(lambda: _bodies(again, 1))
    await eventually(again.idle)
    assert again.twilio.bodies() == ["echo: hello"]
    assert again.rasa.turns == []


async def _one_held_back(stack: Stack) -> bool:
    """Every message handled, one reply read from the outbox and held there for a later try."""
    return await stack.unfinished() == (0, 1) and await stack.client.app[GATEWAY].outbox.stream.backlog() == 0


async def _status_is(stack: Stack, status: str, provider_id: str | None = None) -> bool:
    entries = await _outbound(stack)
    return (
        bool(entries)
        and entries[-1].status == status
        and (provider_id is None or entries[-1].provider_id == provider_id)
    )
