"""Twilio Programmable Messaging: webhook signatures, inbound and status parsing, the send API."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import logging
import time
from typing import Mapping

import aiohttp
from aiohttp import web
from multidict import MultiDict, MultiDictProxy, MultiMapping

from backend.phones import InvalidPhone, to_e164
from bot.errors import InvalidSignature, SendRejected, SendRetryable, classify_status
from bot.keys import GATEWAY, SETTINGS
from bot.messages import SMS, TWILIO_WHATSAPP, Inbound, Outbound, StatusEvent
from bot.outbox import Sent

log = logging.getLogger("bot.twilio")

# Twilio's MessageStatus values on the gateway's one status scale.
TWILIO_STATUSES = {
    "accepted": "queued",
    "scheduled": "queued",
    "queued": "queued",
    "sending": "queued",
    "sent": "sent",
    "delivered": "delivered",
    "read": "read",
    "undelivered": "undelivered",
    "failed": "failed",
    "canceled": "failed",
}


def twilio_signature(url: str, params: MultiMapping[str] | Mapping[str, str], auth_token: str) -> str:
    """Base64 HMAC-SHA1 of the URL followed by each POST parameter name and value, sorted by name."""
    data = url
    for name in sorted(set(params)):
        values = params.getall(name) if isinstance(params, MultiMapping) else [params[name]]
        for value in sorted(set(values)):
            data += name + value
    digest = hmac.new(auth_token.encode(), data.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def verify_twilio(url: str, params: MultiMapping[str], signature: str | None, auth_token: str) -> None:
    """Raise InvalidSignature unless `signature` is Twilio's for this URL and these parameters."""
    if not signature:
        raise InvalidSignature("missing X-Twilio-Signature")
    expected = twilio_signature(url, params, auth_token)
    if not hmac.compare_digest(expected.encode(), signature.encode()):
        raise InvalidSignature("X-Twilio-Signature does not match")


def parse_twilio_inbound(params: Mapping[str, str], default_region: str) -> Inbound:
    """An inbound SMS or WhatsApp-through-Twilio message (ButtonPayload wins over Body when present)."""
    sender = params.get("From", "")
    channel = TWILIO_WHATSAPP if sender.startswith("whatsapp:") else SMS
    payload = params.get("ButtonPayload", "")
    return Inbound(
        message_id=params.get("MessageSid") or params.get("SmsSid") or "",
        channel=channel,
        phone=to_e164(sender, default_region),
        text=payload or params.get("Body", ""),
        received_at=time.time(),
        is_choice=bool(payload),
    )


def parse_twilio_status(params: Mapping[str, str]) -> StatusEvent:
    """A delivery status callback."""
    raw = params.get("MessageStatus") or params.get("SmsStatus") or ""
    return StatusEvent(
        params.get("MessageSid") or params.get("SmsSid") or "",
        TWILIO_STATUSES.get(raw, ""),
        params.get("ErrorCode", ""),
    )


class TwilioSender:
    """Sends SMS and WhatsApp messages through Twilio's Messages API."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        api_base: str,
        account_sid: str,
        auth_token: str,
        sms_from: str,
        whatsapp_from: str,
        status_callback: str,
        timeout: float,
    ) -> None:
        self._session = session
        self._url = f"{api_base}/2010-04-01/Accounts/{account_sid}/Messages.json"
        self._auth = aiohttp.BasicAuth(account_sid, auth_token)
        self._sms_from = sms_from
        self._whatsapp_from = whatsapp_from or f"whatsapp:{sms_from}"
        self._status_callback = status_callback
        self._timeout = aiohttp.ClientTimeout(total=timeout)

    async def send(self, message: Outbound) -> Sent:
        """Send one message; the provider's message SID."""
        whatsapp = message.channel == TWILIO_WHATSAPP
        form = {
            "To": f"whatsapp:{message.to}" if whatsapp else message.to,
            "From": self._whatsapp_from if whatsapp else self._sms_from,
            "Body": message.text,
            "StatusCallback": self._status_callback,
        }
        if message.media_url:
            form["MediaUrl"] = message.media_url
        try:
            async with self._session.post(self._url, data=form, auth=self._auth, timeout=self._timeout) as response:
                body = await response.text()
                if response.status not in (200, 201):
                    raise classify_status(response.status, body, response.headers.get("Retry-After"))
                data = await response.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            raise SendRetryable(f"Twilio did not answer: {type(exc).__name__}") from None
        except ValueError:
            raise SendRetryable("Twilio answered something other than JSON") from None
        sid = data.get("sid") if isinstance(data, dict) else None
        if not sid:
            raise SendRejected("Twilio's answer has no sid")
        return Sent(str(sid), "queued")


def _public_url(request: web.Request) -> str:
    """The URL Twilio signed: the public base URL plus the path and query it called."""
    return request.app[SETTINGS].public_base_url + str(request.rel_url)


async def _verified_form(request: web.Request) -> MultiDictProxy[str]:
    form = await request.post()
    params = MultiDict((k, v) for k, v in form.items() if isinstance(v, str))
    try:
        verify_twilio(
            _public_url(request),
            params,
            request.headers.get("X-Twilio-Signature"),
            request.app[SETTINGS].twilio_auth_token,
        )
    except InvalidSignature as exc:
        log.warning("twilio webhook refused", extra={"ctx_reason": str(exc)})
        raise web.HTTPForbidden(text="invalid signature") from None
    return MultiDictProxy(params)


async def handle_twilio_inbound(request: web.Request) -> web.Response:
    """An inbound SMS or WhatsApp message: verify, dedupe, queue, acknowledge with empty TwiML."""
    params = await _verified_form(request)
    try:
        message = parse_twilio_inbound(params, request.app[SETTINGS].default_region)
    except InvalidPhone:
        log.warning("twilio message from an unusable number ignored")
        return _twiml()
    if not message.message_id:
        raise web.HTTPBadRequest(text="MessageSid missing")
    accepted = await request.app[GATEWAY].inbox.accept(message)
    log.info("twilio message received", extra={"ctx_message_id": message.message_id, "ctx_duplicate": not accepted})
    return _twiml()


async def handle_twilio_status(request: web.Request) -> web.Response:
    """A delivery status callback: the message's status moves forward, never back."""
    event = parse_twilio_status(await _verified_form(request))
    if event.provider_id and event.status:
        await request.app[GATEWAY].transcripts.update_status(event.provider_id, event.status, event.error)
        await request.app[GATEWAY].promotions.campaigns.record_receipt(event.provider_id, event.status)
    return web.Response(status=204)


def _twiml() -> web.Response:
    return web.Response(text='<?xml version="1.0" encoding="UTF-8"?><Response/>', content_type="text/xml")
