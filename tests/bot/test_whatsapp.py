"""WhatsApp Cloud API: verify handshake, X-Hub-Signature-256, batched webhooks, statuses, interactive replies."""

from __future__ import annotations

import time
from typing import Any

from bot.whatsapp import whatsapp_signature
from tests.bot.conftest import APP_SECRET, STORE_PHONE, Stack, eventually, whatsapp_text, whatsapp_webhook


async def _sent(stack: Stack, count: int) -> bool:
    return len(stack.meta.requests) >= count


async def test_verify_handshake_echoes_the_challenge(stack: Stack) -> None:
    response = await stack.client.get(
        "/webhooks/whatsapp",
        params={"hub.mode": "subscribe", "hub.verify_token": "verify-me", "hub.challenge": "1158201444"},
    )
    assert response.status == 200
    assert await response.text() == "1158201444"


async def test_verify_handshake_with_a_wrong_token_is_forbidden(stack: Stack) -> None:
    response = await stack.client.get(
        "/webhooks/whatsapp", params={"hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "1"}
    )
    assert response.status == 403


def test_signature_matches_a_known_answer_computed_with_openssl() -> None:
    body = b'{"object":"whatsapp_business_account","entry":[]}'
    expected = "sha256=56a21e195072d3c07ec2bbf608e0dfeaf322e1917ec30f0cb399c2a43588216e"
    assert whatsapp_signature(body, "secret") == expected


async def test_text_message_is_answered_through_the_cloud_api(stack: Stack) -> None:
    response = await stack.whatsapp_webhook(whatsapp_text("wamid.in1", "5 ctn coke 300ml"))
    assert response.status == 200
    await eventually(lambda: _sent(stack, 1))
    sent = stack.meta.requests[0]
    assert sent["path"] == "/v21.0/PHONE_ID/messages"
    assert sent["auth"] == "Bearer meta-access-token"
    callback_data = sent["json"].pop("biz_opaque_callback_data")
    assert sent["json"] == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": "254712000001",
        "type": "text",
        "text": {"preview_url": False, "body": "echo: 5 ctn coke 300ml"},
    }
    [reply] = [e for e in await stack.transcript() if e.direction == "out"]
    assert callback_data == reply.message_id
    assert stack.rasa.turns[0]["sender"] == STORE_PHONE


async def test_unsigned_webhook_is_forbidden(stack: Stack) -> None:
    assert (await stack.whatsapp_webhook(whatsapp_text("wamid.x", "hi"), signature="")).status == 403


async def test_tampered_webhook_is_forbidden(stack: Stack) -> None:
    signature = whatsapp_signature(b'{"entry": []}', APP_SECRET)
    response = await stack.whatsapp_webhook(whatsapp_text("wamid.x", "hi"), signature=signature)
    assert response.status == 403
    await eventually(stack.idle)
    assert stack.rasa.turns == []


async def test_batched_webhook_handles_every_message_once(stack: Stack) -> None:
    first = whatsapp_text("wamid.b1", "one")
    second = whatsapp_text("wamid.b2", "two", sender="254712000002")
    first["entry"].append(second["entry"][0])
    first["entry"][0]["changes"][0]["value"]["messages"].append(
        {
            "from": "254712000001",
            "id": "wamid.b3",
            "timestamp": str(int(time.time())),
            "type": "text",
            "text": {"body": "three"},
        }
    )
    for _ in range(2):
        assert (await stack.whatsapp_webhook(first)).status == 200
    await eventually(lambda: _sent(stack, 3))
    await eventually(stack.idle)
    assert sorted(t["message"] for t in stack.rasa.turns) == ["one", "three", "two"]


async def test_buttons_become_reply_buttons_and_a_tap_sends_the_payload(stack: Stack) -> None:
    question = [
        {
            "text": "Confirm order of KES 3,300?",
            "buttons": [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}],
        }
    ]
    stack.rasa.reply = lambda turn: question if turn["message"] == "5 coke" else []
    await stack.whatsapp_webhook(whatsapp_text("wamid.q", "5 coke"))
    await eventually(lambda: _sent(stack, 1))
    interactive = stack.meta.requests[0]["json"]["interactive"]
    assert interactive["type"] == "button"
    assert [b["reply"] for b in interactive["action"]["buttons"]] == [
        {"id": "/affirm", "title": "Yes"},
        {"id": "/deny", "title": "No"},
    ]
    tap = whatsapp_text("wamid.tap", "")
    tap["entry"][0]["changes"][0]["value"]["messages"][0] |= {
        "type": "interactive",
        "interactive": {"type": "button_reply", "button_reply": {"id": "/affirm", "title": "Yes"}},
    }
    await stack.whatsapp_webhook(tap)
    await eventually(lambda: _turns(stack, 2))
    assert stack.rasa.turns[1]["message"] == "/affirm"


async def test_many_choices_become_a_list_and_a_row_pick_sends_the_payload(stack: Stack) -> None:
    choices = [{"title": f"Coca-Cola option number {n} long name", "payload": f'/choose{{"n": {n}}}'} for n in range(5)]
    stack.rasa.reply = lambda turn: [{"text": "Which one?", "buttons": choices}] if turn["message"] == "coke" else []
    await stack.whatsapp_webhook(whatsapp_text("wamid.l", "coke"))
    await eventually(lambda: _sent(stack, 1))
    interactive = stack.meta.requests[0]["json"]["interactive"]
    assert interactive["type"] == "list"
    rows = interactive["action"]["sections"][0]["rows"]
    assert len(rows) == 5 and all(len(r["title"]) <= 24 for r in rows)
    assert rows[0]["description"] == "Coca-Cola option number 0 long name"
    pick = whatsapp_text("wamid.pick", "")
    pick["entry"][0]["changes"][0]["value"]["messages"][0] |= {
        "type": "interactive",
        "interactive": {"type": "list_reply", "list_reply": {"id": rows[3]["id"], "title": "x"}},
    }
    await stack.whatsapp_webhook(pick)
    await eventually(lambda: _turns(stack, 2))
    assert stack.rasa.turns[1]["message"] == '/choose{"n": 3}'


async def test_status_events_move_the_message_forward_only(stack: Stack) -> None:
    await stack.whatsapp_webhook(whatsapp_text("wamid.s", "hi"))
    await eventually(lambda: _sent(stack, 1))
    await eventually(lambda: _provider_id_set(stack))
    for status in ("read", "delivered", "sent"):
        assert (await stack.whatsapp_webhook(_status("wamid.1", status))).status == 200
    outbound = [e for e in await stack.transcript() if e.direction == "out"]
    assert outbound[0].status == "read"


async def test_meta_throttling_is_retried(stack: Stack) -> None:
    stack.meta.then(429, {"error": {"code": 130429}}, {"Retry-After": "0.2"})
    await stack.whatsapp_webhook(whatsapp_text("wamid.t", "hi"))
    await eventually(lambda: _sent(stack, 2))


def _status(message_id: str, status: str) -> dict[str, Any]:
    return whatsapp_webhook(
        {
            "metadata": {"phone_number_id": "PHONE_ID"},
            "statuses": [
                {
                    "id": message_id,
                    "status": status,
                    "timestamp": str(int(time.time())),
                    "recipient_id": "254712000001",
                }
            ],
        }
    )


async def _turns(stack: Stack, count: int) -> bool:
    return len(stack.rasa.turns) >= count


async def _provider_id_set(stack: Stack) -> bool:
    return any(e.provider_id for e in await stack.transcript())
