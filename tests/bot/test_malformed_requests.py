"""Malformed requests to every endpoint that takes a body: each a 4xx with a reason, nothing queued, no 500."""

from __future__ import annotations

import gzip
import json
import logging
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

import pytest
from twilio.request_validator import RequestValidator

from bot.keys import GATEWAY
from bot.whatsapp import whatsapp_signature
from tests.bot.conftest import APP_SECRET, PUBLIC, STORE_PHONE, TWILIO_TOKEN, Stack, eventually, whatsapp_text

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
BOUNDARY = "b0undary"
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"
GOOD_FORM = b"MessageSid=SMbad&From=%2B254712000001&To=%2B15005550006&Body=hi"


@dataclass(frozen=True)
class Bad:
    """One malformed request and the status it must get."""

    name: str
    path: str
    body: bytes
    content_type: str
    status: int = 400
    headers: dict[str, str] = field(default_factory=dict)
    # Sign the body as Twilio would (over its parameters read as Latin-1) or as Meta would (over the bytes).
    sign: str = ""


def _part(name: str, value: bytes, extra: bytes = b"") -> bytes:
    return (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n'.encode()
        + extra
        + b"\r\n"
        + value
        + b"\r\n"
    )


def _multipart(*parts: bytes, closed: bool = True) -> bytes:
    return b"".join(parts) + (f"--{BOUNDARY}--\r\n".encode() if closed else b"")


def _twilio_parts(body: bytes = b"hi", extra: bytes = b"") -> list[bytes]:
    return [
        _part("MessageSid", b"SMbad"),
        _part("From", b"+254712000001"),
        _part("Body", body, extra),
    ]


BAD_REQUESTS = [
    # Bytes that are not UTF-8, signed or not.
    Bad("twilio form not utf-8, signed", "/webhooks/twilio", GOOD_FORM + b"\xff\xfe", FORM, sign="twilio"),
    Bad("twilio form not utf-8, unsigned", "/webhooks/twilio", b"Body=\xc3\x28&From=%2B254712000001", FORM),
    Bad("twilio status not utf-8", "/webhooks/twilio/status", b"MessageSid=SM1&MessageStatus=\xff", FORM),
    Bad("twilio form in an unknown charset", "/webhooks/twilio", GOOD_FORM, FORM + "; charset=no-such-charset"),
    Bad("simulator form not utf-8", "/simulator/send", b"phone=%2B254712000001&text=\xff", FORM),
    Bad("sign-in form not utf-8", "/console/login", b"csrf=x&username=\xff&password=x", FORM),
    Bad("whatsapp body not utf-8, signed", "/webhooks/whatsapp", b'{"entry": "\xff"}', JSON, sign="meta"),
    Bad("simulator json not utf-8", "/simulator/api/messages", b'{"phone": "+254712000001", "text": "\xff"}', JSON),
    # Multipart bodies that are not multipart.
    Bad(
        "twilio multipart without its closing boundary",
        "/webhooks/twilio",
        _multipart(*_twilio_parts(), closed=False),
        MULTIPART,
    ),
    Bad("twilio multipart without any boundary", "/webhooks/twilio", b"garbage", MULTIPART),
    Bad("twilio multipart with no boundary parameter", "/webhooks/twilio", b"garbage", "multipart/form-data"),
    Bad("twilio multipart part not utf-8", "/webhooks/twilio", _multipart(*_twilio_parts(b"\xff")), MULTIPART),
    Bad(
        "twilio multipart with a broken part header",
        "/webhooks/twilio",
        f"--{BOUNDARY}\r\nno colon here\r\n\r\nx\r\n--{BOUNDARY}--\r\n".encode(),
        MULTIPART,
    ),
    Bad(
        "twilio multipart with an unknown transfer encoding",
        "/webhooks/twilio",
        _multipart(*_twilio_parts(extra=b"Content-Transfer-Encoding: rot13\r\n")),
        MULTIPART,
    ),
    Bad(
        "simulator multipart truncated",
        "/simulator/send",
        _multipart(_part("phone", b"+254712000001"), closed=False),
        MULTIPART,
    ),
    Bad("sign-in multipart truncated", "/console/login", _multipart(_part("csrf", b"x"), closed=False), MULTIPART),
    # Wrong types where the simulator takes {"phone": string, "text": string}.
    Bad("simulator json array", "/simulator/api/messages", b'["+254712000001", "hi"]', JSON),
    Bad("simulator json string", "/simulator/api/messages", b'"hi"', JSON),
    Bad("simulator json null", "/simulator/api/messages", b"null", JSON),
    Bad("simulator json number", "/simulator/api/messages", b"42", JSON),
    Bad("simulator text NaN", "/simulator/api/messages", b'{"phone": "+254712000001", "text": NaN}', JSON),
    Bad("simulator text Infinity", "/simulator/api/messages", b'{"phone": "+254712000001", "text": -Infinity}', JSON),
    Bad("simulator text a number", "/simulator/api/messages", b'{"phone": "+254712000001", "text": 5}', JSON),
    Bad("simulator phone a number", "/simulator/api/messages", b'{"phone": 254712000001, "text": "hi"}', JSON),
    Bad("simulator text an object", "/simulator/api/messages", b'{"phone": "+254712000001", "text": {}}', JSON),
    Bad(
        "simulator text a lone surrogate",
        "/simulator/api/messages",
        b'{"phone": "+254712000001", "text": "\\ud800"}',
        JSON,
    ),
    Bad("simulator json nested past any depth", "/simulator/api/messages", b"[" * 100_000, JSON),
    Bad("simulator not json", "/simulator/api/messages", b"phone=+254712000001&text=hi", FORM),
    Bad("simulator phone not a phone", "/simulator/api/messages", b'{"phone": "call me", "text": "hi"}', JSON),
    Bad("whatsapp not json, signed", "/webhooks/whatsapp", b"entry=1", FORM, sign="meta"),
    Bad("whatsapp json array, signed", "/webhooks/whatsapp", b"[]", JSON, sign="meta"),
    Bad("whatsapp entry a string, signed", "/webhooks/whatsapp", b'{"entry": "x"}', JSON, sign="meta"),
    Bad("whatsapp changes a number, signed", "/webhooks/whatsapp", b'{"entry": [{"changes": 3}]}', JSON, sign="meta"),
    Bad(
        "whatsapp timestamp not a number, signed",
        "/webhooks/whatsapp",
        json.dumps(whatsapp_text("wamid.bad", "hi")).replace('"timestamp": "', '"timestamp": "x').encode(),
        JSON,
        sign="meta",
    ),
    Bad(
        "whatsapp compressed body that does not decompress",
        "/webhooks/whatsapp",
        b"not gzip",
        JSON,
        headers={"Content-Encoding": "gzip"},
    ),
    # Huge bodies.
    Bad("twilio form past the size limit", "/webhooks/twilio", b"Body=" + b"x" * 400_000, FORM, status=413),
    Bad(
        "simulator json past the size limit",
        "/simulator/api/messages",
        b'{"phone": "+254712000001", "text": "' + b"x" * 400_000 + b'"}',
        JSON,
        status=413,
    ),
    Bad(
        "whatsapp past the size limit",
        "/webhooks/whatsapp",
        gzip.compress(b"{}" + b" " * 400_000),
        JSON,
        status=413,
        headers={"Content-Encoding": "gzip"},
    ),
    # Missing fields and signatures.
    Bad("twilio without a signature", "/webhooks/twilio", GOOD_FORM, FORM, status=403),
    Bad(
        "twilio with a wrong signature",
        "/webhooks/twilio",
        GOOD_FORM,
        FORM,
        status=403,
        headers={"X-Twilio-Signature": "bm90IGl0"},
    ),
    Bad("twilio without MessageSid, signed", "/webhooks/twilio", b"From=%2B254712000001&Body=hi", FORM, sign="twilio"),
    Bad("twilio without From, signed", "/webhooks/twilio", b"MessageSid=SMbad&Body=hi", FORM, sign="twilio"),
    Bad(
        "whatsapp without a signature",
        "/webhooks/whatsapp",
        json.dumps(whatsapp_text("wamid.x", "hi")).encode(),
        JSON,
        status=403,
    ),
    Bad("simulator without phone", "/simulator/api/messages", b'{"text": "hi"}', JSON),
    Bad("simulator without text", "/simulator/api/messages", b'{"phone": "+254712000001"}', JSON),
    Bad("simulator with blank text", "/simulator/api/messages", b'{"phone": "+254712000001", "text": " "}', JSON),
    Bad("simulator form without a phone", "/simulator/send", b"text=hi", FORM),
    Bad("simulator with an empty body", "/simulator/api/messages", b"", JSON),
    Bad("sign-in without its CSRF token", "/console/login", b"username=admin&password=x", FORM, status=403),
]


def _headers(bad: Bad) -> dict[str, str]:
    headers = {"Content-Type": bad.content_type, **bad.headers}
    if bad.sign == "twilio":
        params = dict(parse_qsl(bad.body.decode("latin-1"), keep_blank_values=True))
        headers["X-Twilio-Signature"] = RequestValidator(TWILIO_TOKEN).compute_signature(PUBLIC + bad.path, params)
    elif bad.sign == "meta":
        headers["X-Hub-Signature-256"] = whatsapp_signature(bad.body, APP_SECRET)
    return headers


async def _queued(stack: Stack) -> int:
    """Entries ever added to the inbound queue's partitions."""
    stream = stack.client.app[GATEWAY].inbox.stream
    return sum([await stack.redis.xlen(stream.stream_key(p)) for p in range(stack.settings.partitions)])


def test_the_table_holds_at_least_twenty_malformed_requests() -> None:
    assert len(BAD_REQUESTS) >= 20
    assert len({bad.name for bad in BAD_REQUESTS}) == len(BAD_REQUESTS)


@pytest.mark.parametrize("bad", BAD_REQUESTS, ids=[bad.name for bad in BAD_REQUESTS])
async def test_malformed_request_is_refused_with_a_reason_and_nothing_queued(
    stack: Stack, bad: Bad, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="bot")
    response = await stack.client.post(bad.path, data=bad.body, headers=_headers(bad), allow_redirects=False)
    assert response.status == bad.status, await response.text()
    assert (await response.text()).strip()
    assert await _queued(stack) == 0
    assert stack.rasa.turns == [] and await stack.transcript() == []
    # aiohttp's server may log its own failure to drain an undecodable body; ours logs no error.
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR and r.name.startswith("bot")]


async def test_gateway_answers_normally_after_every_malformed_request(stack: Stack) -> None:
    for bad in BAD_REQUESTS:
        response = await stack.client.post(bad.path, data=bad.body, headers=_headers(bad), allow_redirects=False)
        assert 400 <= response.status < 500, (bad.name, response.status)
    assert await _queued(stack) == 0
    assert (await stack.sms("5 ctn coke")).status == 200
    sent = await stack.client.post("/simulator/api/messages", json={"phone": STORE_PHONE, "text": "2 omo"})
    assert sent.status == 202

    async def both_answered() -> bool:
        return sorted(stack.twilio.bodies()) == ["echo: 5 ctn coke"] and len(stack.rasa.turns) == 2

    await eventually(both_answered)
    assert (await stack.client.get("/healthz")).status == 200
