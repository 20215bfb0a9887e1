"""WhatsApp Cloud API (Meta): verify handshake, signatures, batched webhooks, the messages API."""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
from typing import Any, Mapping, Sequence

import aiohttp
from aiohttp import web

from backend.phones import InvalidPhone, to_e164
from bot import replies
from bot.bodies import parse_json_object, read_body
from bot.errors import (
    InvalidSignature,
    SendError,
    SendRejected,
    SendRetryable,
    classify_status,
    provider_answer,
    retry_after_seconds,
)
from bot.keys import GATEWAY, SETTINGS
from bot.messages import Channel, Inbound, Outbound, StatusEvent
from bot.sending import Sent, TemplateCall
from i18n import phrasebook

log = logging.getLogger("bot.whatsapp")

WHATSAPP_STATUSES = {"sent": "sent", "delivered": "delivered", "read": "read", "failed": "failed"}


def whatsapp_signature(body: bytes, app_secret: str) -> str:
    """The X-Hub-Signature-256 header value Meta sends for this raw body."""
    return "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


def verify_whatsapp(body: bytes, signature: str | None, app_secret: str) -> None:
    """Raise InvalidSignature unless `signature` is Meta's for this raw body."""
    if not signature:
        raise InvalidSignature("missing X-Hub-Signature-256")
    if not hmac.compare_digest(whatsapp_signature(body, app_secret).encode(), signature.strip().encode()):
        raise InvalidSignature("X-Hub-Signature-256 does not match")


def verify_challenge(query: Mapping[str, str], verify_token: str) -> str | None:
    """The challenge to echo when Meta's subscription handshake carries our verify token, else None."""
    token = query.get("hub.verify_token", "")
    if query.get("hub.mode") == "subscribe" and token and hmac.compare_digest(token.encode(), verify_token.encode()):
        return query.get("hub.challenge", "")
    return None


def parse_whatsapp_webhook(payload: Mapping[str, Any], default_region: str) -> tuple[list[Inbound], list[StatusEvent]]:
    """The messages and statuses of one (possibly batched) webhook: entry x changes x value."""
    inbound: list[Inbound] = []
    statuses: list[StatusEvent] = []
    for entry in payload.get("entry") or ():
        for change in entry.get("changes") or ():
            value = change.get("value") or {}
            for message in value.get("messages") or ():
                parsed = _parse_message(message, default_region)
                if parsed is not None:
                    inbound.append(parsed)
            for status in value.get("statuses") or ():
                errors = status.get("errors") or [{}]
                statuses.append(
                    StatusEvent(
                        str(status.get("id", "")),
                        WHATSAPP_STATUSES.get(str(status.get("status", "")), ""),
                        str(errors[0].get("code", "")) if status.get("status") == "failed" else "",
                        str(status.get("biz_opaque_callback_data", "")),
                    )
                )
    return inbound, statuses


# Messages a person sent that carry no text of their own (an image may carry a caption); reactions and
# system notices are not messages to answer.
MEDIA_TYPES = frozenset({"image", "audio", "video", "document", "sticker", "location", "contacts", "unsupported"})


def _parse_message(message: Mapping[str, Any], default_region: str) -> Inbound | None:
    """One inbound message: text, a reply button or list row (its id is the payload), media, else None."""
    kind = message.get("type")
    text, is_choice = "", False
    if kind == "text":
        text = str((message.get("text") or {}).get("body", ""))
    elif kind == "interactive":
        interactive = message.get("interactive") or {}
        reply = interactive.get("button_reply") or interactive.get("list_reply") or {}
        text, is_choice = str(reply.get("id", "")), True
    elif kind == "button":
        button = message.get("button") or {}
        text, is_choice = str(button.get("payload") or button.get("text") or ""), True
    elif kind in MEDIA_TYPES:
        # Answered as "text only" by the inbox unless a caption says something.
        text = str((message.get(kind) or {}).get("caption") or "")
    else:
        log.info("whatsapp message of this type ignored", extra={"ctx_type": kind, "ctx_message_id": message.get("id")})
        return None
    if not message.get("id") or (is_choice and not text):
        log.info("whatsapp message without text ignored", extra={"ctx_type": kind, "ctx_message_id": message.get("id")})
        return None
    try:
        phone = to_e164(str(message.get("from", "")), default_region)
    except InvalidPhone:
        return None
    received = message.get("timestamp")
    return Inbound(
        str(message["id"]), Channel.WHATSAPP, phone, text, float(received) if received else time.time(), is_choice
    )


def _envelope(to: str, message_id: str) -> dict[str, Any]:
    """What every Cloud API send carries; Meta echoes `biz_opaque_callback_data` in each status webhook."""
    return {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": to.lstrip("+"),
        "biz_opaque_callback_data": message_id,
    }


def whatsapp_payload(message: Outbound) -> dict[str, Any]:
    """The Cloud API JSON for one rendered message."""
    base = _envelope(message.to, message.message_id)
    if message.kind == "image":
        return {**base, "type": "image", "image": {"link": message.media_url}}
    if message.kind == "buttons":
        buttons = [{"type": "reply", "reply": {"id": c.id, "title": c.title}} for c in message.choices]
        return {
            **base,
            "type": "interactive",
            "interactive": {"type": "button", "body": {"text": message.text}, "action": {"buttons": buttons}},
        }
    if message.kind == "list":
        t = phrasebook(message.language)
        rows = [
            {"id": c.id, "title": c.title, **({"description": c.description} if c.description else {})}
            for c in message.choices
        ]
        return {
            **base,
            "type": "interactive",
            "interactive": {
                "type": "list",
                "body": {"text": message.text},
                "action": {"button": t._(replies.CHOOSE), "sections": [{"title": t._(replies.OPTIONS), "rows": rows}]},
            },
        }
    return {**base, "type": "text", "text": {"preview_url": False, "body": message.text}}


def whatsapp_template_payload(
    message_id: str, to: str, name: str, language: str, parameters: Sequence[str]
) -> dict[str, Any]:
    """The Cloud API JSON for an approved template with positional body parameters."""
    template: dict[str, Any] = {"name": name, "language": {"code": language}}
    if parameters:
        template["components"] = [{"type": "body", "parameters": [{"type": "text", "text": p} for p in parameters]}]
    return {**_envelope(to, message_id), "type": "template", "template": template}


class WhatsAppSender:
    """Sends messages through the Cloud API's /{phone-number-id}/messages."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        api_base: str,
        version: str,
        phone_number_id: str,
        access_token: str,
        timeout: float,
    ) -> None:
        self._session = session
        self._url = f"{api_base}/{version}/{phone_number_id}/messages"
        self._headers = {"Authorization": f"Bearer {access_token}"}
        self._timeout = aiohttp.ClientTimeout(total=timeout)

    async def send(self, message: Outbound) -> Sent:
        """Send one message; Meta's message id (wamid)."""
        return await self._post(whatsapp_payload(message))

    async def send_template(self, message_id: str, to: str, template: TemplateCall) -> Sent:
        """Send an approved template (the only kind allowed outside the 24-hour window); Meta's message id."""
        return await self._post(
            whatsapp_template_payload(message_id, to, template.template_id, template.language, template.parameters)
        )

    async def _post(self, payload: Mapping[str, Any]) -> Sent:
        data = await provider_answer(
            "the Cloud API",
            self._session.post(self._url, json=payload, headers=self._headers, timeout=self._timeout),
            classify=_error,
        )
        messages = data.get("messages") if isinstance(data, dict) else None
        if not messages or not messages[0].get("id"):
            raise SendRejected("the Cloud API's answer has no message id")
        return Sent(str(messages[0]["id"]), "queued")


# Meta's throttling codes arrive with HTTP 400: throughput, pair rate and spam rate limits.
_THROTTLING_CODES = frozenset({4, 80007, 130429, 131048, 131056})


def _error(status: int, body: str, retry_after: str | None) -> SendError:
    if status == 400 and any(f'"code":{code}' in body.replace(" ", "") for code in _THROTTLING_CODES):
        return SendRetryable(f"HTTP {status} throttled: {body[:200]}", retry_after_seconds(retry_after))
    return classify_status(status, body, retry_after)


async def handle_whatsapp_verify(request: web.Request) -> web.Response:
    """Meta's subscription handshake: echo the challenge when the verify token matches."""
    challenge = verify_challenge(request.query, request.app[SETTINGS].whatsapp_verify_token)
    if challenge is None:
        raise web.HTTPForbidden(text="verification failed")
    return web.Response(text=challenge)


async def handle_whatsapp_event(request: web.Request) -> web.Response:
    """A batched webhook: verify the raw body, queue each message, record each status, answer 200."""
    body = await read_body(request)
    try:
        verify_whatsapp(body, request.headers.get("X-Hub-Signature-256"), request.app[SETTINGS].whatsapp_app_secret)
    except InvalidSignature as exc:
        log.warning("whatsapp webhook refused", extra={"ctx_reason": str(exc)})
        raise web.HTTPForbidden(text="invalid signature") from None
    payload = parse_json_object(body)
    gateway = request.app[GATEWAY]
    try:
        messages, statuses = parse_whatsapp_webhook(payload, request.app[SETTINGS].default_region)
    except (AttributeError, TypeError, ValueError, IndexError) as exc:
        # Parsed whole before anything is queued: a webhook of another shape changes nothing.
        log.warning("whatsapp webhook of an unexpected shape refused", extra={"ctx_error": type(exc).__name__})
        raise web.HTTPBadRequest(text="not a webhook of the Cloud API's shape") from None
    for message in messages:
        accepted = await gateway.inbox.accept(message)
        log.info(
            "whatsapp message received", extra={"ctx_message_id": message.message_id, "ctx_duplicate": not accepted}
        )
    for status in statuses:
        if status.provider_id and status.status:
            await gateway.transcripts.update_status(status.provider_id, status.status, status.error)
            await gateway.promotions.campaigns.record_receipt(status)
    return web.Response(text="ok")
