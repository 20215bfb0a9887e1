"""Twilio Programmable Messaging: webhook signatures, inbound and status parsing, the send API."""

from __future__ import annotations

import base64
import json
import logging
import time
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any, Mapping

import aiohttp
from aiohttp import web
from multidict import MultiDictProxy, MultiMapping
from twilio.request_validator import RequestValidator

from backend.phones import InvalidPhone, to_e164
from bot.bodies import read_form
from bot.errors import InvalidSignature, SendRejected, provider_answer
from bot.keys import GATEWAY, SETTINGS
from bot.messages import Channel, Inbound, Outbound, StatusEvent
from bot.sending import Sent, TemplateCall

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


def verify_twilio(url: str, params: MultiMapping[str], signature: str | None, auth_token: str) -> None:
    """Raise InvalidSignature unless `signature` is Twilio's for this URL and these parameters (Twilio's own check)."""
    if not signature:
        raise InvalidSignature("missing X-Twilio-Signature")
    if not RequestValidator(auth_token).validate(url, params, signature):
        raise InvalidSignature("X-Twilio-Signature does not match")


def parse_twilio_inbound(params: Mapping[str, str], default_region: str) -> Inbound:
    """An inbound SMS or WhatsApp-through-Twilio message (ButtonPayload wins over Body when present)."""
    sender = params.get("From", "")
    channel = Channel.TWILIO_WHATSAPP if sender.startswith("whatsapp:") else Channel.SMS
    payload = params.get("ButtonPayload", "")
    return Inbound(
        message_id=params.get("MessageSid") or params.get("SmsSid") or "",
        channel=channel,
        phone=to_e164(sender, default_region),
        text=payload or params.get("Body", ""),
        received_at=time.time(),
        is_choice=bool(payload),
    )


def callback_reference(message_id: str) -> str:
    """Our message id as a status callback query value: unreserved characters only, so no proxy re-encodes it."""
    return base64.urlsafe_b64encode(message_id.encode()).decode().rstrip("=")


def message_id_of(reference: str) -> str:
    """The message id a status callback's reference carries; empty when it is not one of ours."""
    try:
        return base64.urlsafe_b64decode(reference + "=" * (-len(reference) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return ""


def parse_twilio_status(params: Mapping[str, str], reference: str = "") -> StatusEvent:
    """A delivery status callback; `reference` is the `ref` query value of the callback URL the send gave."""
    raw = params.get("MessageStatus") or params.get("SmsStatus") or ""
    return StatusEvent(
        params.get("MessageSid") or params.get("SmsSid") or "",
        TWILIO_STATUSES.get(raw, ""),
        params.get("ErrorCode", ""),
        message_id_of(reference) if reference else "",
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
        messaging_service_sid: str,
        status_callback: str,
        timeout: float,
    ) -> None:
        self._session = session
        self._url = f"{api_base}/2010-04-01/Accounts/{account_sid}/Messages.json"
        self._auth = aiohttp.BasicAuth(account_sid, auth_token)
        self._sms_from = sms_from
        self._whatsapp_from = whatsapp_from or f"whatsapp:{sms_from}"
        self._service = messaging_service_sid
        self._status_callback = status_callback
        self._timeout = aiohttp.ClientTimeout(total=timeout)

    def _addresses(self, message: Outbound) -> dict[str, str]:
        """To, and From or the Messaging Service that picks the sender (SMS with Advanced Opt-Out)."""
        if message.channel == Channel.TWILIO_WHATSAPP:
            return {"To": f"whatsapp:{message.to}", "From": self._whatsapp_from}
        if self._service:
            return {"To": message.to, "MessagingServiceSid": self._service}
        return {"To": message.to, "From": self._sms_from}

    async def send(self, message: Outbound) -> Sent:
        """Send one message; the provider's message SID. Its status callbacks carry the message id back."""
        form = {**self._addresses(message), "Body": message.text}
        if message.media_url:
            form["MediaUrl"] = message.media_url
        return await self._create(message.message_id, form)

    async def send_template(self, message_id: str, to: str, template: TemplateCall) -> Sent:
        """Send an approved WhatsApp template by its Content SID; its language is part of the content there."""
        form = {
            "To": f"whatsapp:{to}",
            "From": self._whatsapp_from,
            "ContentSid": template.template_id,
            "ContentVariables": json.dumps({str(n): value for n, value in enumerate(template.parameters, 1)}),
        }
        return await self._create(message_id, form)

    async def _create(self, message_id: str, form: dict[str, str]) -> Sent:
        form["StatusCallback"] = f"{self._status_callback}?ref={callback_reference(message_id)}"
        data = await provider_answer(
            "Twilio", self._session.post(self._url, data=form, auth=self._auth, timeout=self._timeout), (200, 201)
        )
        sid = data.get("sid") if isinstance(data, dict) else None
        if not sid:
            raise SendRejected("Twilio's answer has no sid")
        return Sent(str(sid), "queued")

    async def find_sent(self, message: Outbound, since: float) -> str | None:
        """The SID of a message with this body Twilio took for this number since `since`, from its message log."""
        addresses = self._addresses(message)
        query = {"To": addresses["To"], "PageSize": "50"}
        if "From" in addresses:
            query["From"] = addresses["From"]
        data = await provider_answer(
            "Twilio", self._session.get(self._url, params=query, auth=self._auth, timeout=self._timeout), sends=False
        )
        for row in data.get("messages") or () if isinstance(data, dict) else ():
            if row.get("body") == message.text and _created_at(row) >= since - CLOCK_SKEW:
                return str(row.get("sid"))
        return None


# Twilio's clock and ours may disagree by this many seconds.
CLOCK_SKEW = 120.0


def _created_at(row: Mapping[str, Any]) -> float:
    """A message resource's date_created (RFC 2822) as a timestamp; 0 when missing or malformed."""
    try:
        created: datetime = parsedate_to_datetime(str(row.get("date_created") or ""))
    except (TypeError, ValueError):
        return 0.0
    return created.timestamp()


def _public_url(request: web.Request) -> str:
    """The URL Twilio signed: the public base URL plus the path and query it called."""
    return request.app[SETTINGS].public_base_url + str(request.rel_url)


async def _verified_form(request: web.Request) -> MultiDictProxy[str]:
    # A body that is not a well-formed form has no parameters to check a signature over: 400, before the check.
    params = await read_form(request)
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
    return params


async def handle_twilio_inbound(request: web.Request) -> web.Response:
    """An inbound SMS or WhatsApp message: verify, dedupe, queue, acknowledge with empty TwiML."""
    params = await _verified_form(request)
    if not (params.get("MessageSid") or params.get("SmsSid")):
        raise web.HTTPBadRequest(text="MessageSid missing")
    if not params.get("From"):
        raise web.HTTPBadRequest(text="From missing")
    try:
        message = parse_twilio_inbound(params, request.app[SETTINGS].default_region)
    except InvalidPhone:
        # A short code or an alphanumeric sender: Twilio's own traffic, nobody to answer.
        log.warning("twilio message from an unusable number ignored")
        return _twiml()
    accepted = await request.app[GATEWAY].inbox.accept(message)
    log.info("twilio message received", extra={"ctx_message_id": message.message_id, "ctx_duplicate": not accepted})
    return _twiml()


async def handle_twilio_status(request: web.Request) -> web.Response:
    """A delivery status callback: the message's status moves forward, never back."""
    event = parse_twilio_status(await _verified_form(request), request.query.get("ref", ""))
    if event.provider_id and event.status:
        await request.app[GATEWAY].transcripts.update_status(event.provider_id, event.status, event.error)
        await request.app[GATEWAY].promotions.campaigns.record_receipt(event)
    return web.Response(status=204)


def _twiml() -> web.Response:
    return web.Response(text='<?xml version="1.0" encoding="UTF-8"?><Response/>', content_type="text/xml")
