"""WeChat Official Account: the URL check, signed (and encrypted) XML messages, the customer-service message API.

A WeChat user is an OpenID, not a phone: a store owner links a WeChat account to a store phone once, by
sending the link code an operator issued for that phone (`python -m bot wechat link PHONE`). From then on
the account's messages are that phone's conversation, on the `wechat` channel, and replies to the phone on
that channel go to the account that wrote last.
"""

from __future__ import annotations

import asyncio
import logging
import re
import secrets
import time
from typing import Any, Mapping
from xml.parsers.expat import ExpatError

import aiohttp
from aiohttp import web
from redis.asyncio import Redis
from wechatpy import parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.utils import check_signature

from backend.errors import PlatformError
from bot import replies
from bot.bodies import read_body
from bot.errors import InvalidSignature, SendError, SendRejected, SendRetryable, provider_answer
from bot.keys import GATEWAY, SETTINGS, Gateway
from bot.messages import Channel, Inbound, Outbound, Reply, StatusEvent
from bot.sending import Sent, TemplateCall
from bot.settings import Settings
from i18n import phrasebook

log = logging.getLogger("bot.wechat")

# A signed request older or newer than this is refused: WeChat retries a message within about 15 s.
MAX_CLOCK_SKEW = 300
LINK_CODE = re.compile(r"(?<!\d)\d{8}(?!\d)")
LINK_CODE_TTL = 7 * 24 * 3600
# Link codes an unlinked account may try per hour: guessing one of 10^8 codes stays hopeless.
LINK_TRIES_PER_HOUR = 5
# The access token is renewed this long before WeChat says it expires.
TOKEN_MARGIN = 300
# WeChat's error codes: the token is invalid or expired; the system is busy; the API's quota is used up.
TOKEN_ERRORS = frozenset({40001, 40014, 42001})
BUSY_ERRORS = frozenset({-1, 45009})


def verify_wechat(query: Mapping[str, str], token: str, now: float) -> None:
    """Raise InvalidSignature unless the query carries WeChat's signature (SHA1 of the sorted token, timestamp
    and nonce) with a timestamp close to `now`."""
    timestamp = query.get("timestamp", "")
    if not (query.get("signature") and timestamp.isdigit() and query.get("nonce")):
        raise InvalidSignature("missing signature, timestamp or nonce")
    if abs(now - int(timestamp)) > MAX_CLOCK_SKEW:
        raise InvalidSignature("timestamp too far from now")
    try:
        check_signature(token, query["signature"], timestamp, query["nonce"])
    except InvalidSignatureException:
        raise InvalidSignature("signature does not match") from None


def open_wechat_body(body: bytes, query: Mapping[str, str], settings: Settings) -> str:
    """The message XML of a verified request: decrypted (and its msg_signature checked) in safe mode."""
    if query.get("encrypt_type", "raw") != "aes":
        return body.decode("utf-8")
    if not settings.wechat_aes_key:
        raise InvalidSignature("an encrypted message, and no WECHAT_AES_KEY to open it")
    crypto = WeChatCrypto(settings.wechat_token, settings.wechat_aes_key, settings.wechat_app_id)
    try:
        return str(crypto.decrypt_message(body, query.get("msg_signature", ""), query["timestamp"], query["nonce"]))
    except (InvalidSignatureException, InvalidAppIdException):
        raise InvalidSignature("msg_signature or app id does not match") from None


class WeChatLinks:
    """Which store phone each WeChat account (OpenID) orders for, and the link codes that make the link."""

    def __init__(self, redis: Redis, prefix: str) -> None:
        self._redis = redis
        self._prefix = prefix

    def _key(self, kind: str, value: str) -> str:
        return f"{self._prefix}:wechat:{kind}:{{{value}}}"

    async def issue_code(self, phone: str) -> str:
        """A one-time code, valid for a week, that links the WeChat account sending it to `phone`."""
        while True:
            code = f"{secrets.randbelow(10**8):08d}"
            if await self._redis.set(self._key("code", code), phone, nx=True, ex=LINK_CODE_TTL):
                return code

    async def redeem(self, openid: str, text: str) -> str | None:
        """Link the account to the phone of the code in `text`; the phone, or None for no valid code."""
        found = LINK_CODE.search(text.replace(" ", ""))
        if found is None:
            return None
        tries = self._key("tries", openid)
        attempts = int(await self._redis.incr(tries))
        if attempts == 1:
            await self._redis.expire(tries, 3600)
        if attempts > LINK_TRIES_PER_HOUR:
            return None
        phone = await self._redis.getdel(self._key("code", found.group()))
        if phone is None:
            return None
        await self._redis.set(self._key("phone", openid), phone)
        await self.reply_to(phone, openid)
        await self._redis.delete(tries)
        return str(phone)

    async def phone_of(self, openid: str) -> str | None:
        """The store phone this account orders for, if linked."""
        phone = await self._redis.get(self._key("phone", openid))
        return str(phone) if phone else None

    async def reply_to(self, phone: str, openid: str) -> None:
        """Send the phone's WeChat replies to this account (the one that wrote last)."""
        await self._redis.set(self._key("openid", phone), openid)

    async def openid_of(self, phone: str) -> str | None:
        """The account that gets the phone's WeChat replies."""
        openid = await self._redis.get(self._key("openid", phone))
        return str(openid) if openid else None


class WeChatSender:
    """Sends text through the customer-service message API, with an access token shared through Redis."""

    def __init__(self, session: aiohttp.ClientSession, redis: Redis, links: WeChatLinks, settings: Settings) -> None:
        self._session = session
        self._redis = redis
        self._links = links
        self._base = settings.wechat_api_base
        self._app_id = settings.wechat_app_id
        self._secret = settings.wechat_app_secret
        self._token_key = f"{settings.key_prefix}:wechat:access-token"
        self._prefix = settings.key_prefix
        self._receipt_ttl = settings.dedupe_ttl
        self._timeout = aiohttp.ClientTimeout(total=settings.send_timeout)

    async def send(self, message: Outbound) -> Sent:
        """Send one text to the account linked to `message.to` (a phone), or to `message.to` as an OpenID."""
        payload = {"touser": await self._openid(message.to), "msgtype": "text", "text": {"content": message.text}}
        await self._post("/cgi-bin/message/custom/send", payload)
        return Sent(f"wechat-{message.message_id}", "sent")

    async def send_template(self, message_id: str, to: str, template: TemplateCall) -> Sent:
        """Send a template message, each parameter filling its data key; WeChat's msgid, whose job-finished event
        comes back to the webhook as the receipt."""
        payload = {
            "touser": await self._openid(to),
            "template_id": template.template_id,
            "data": {key: {"value": value} for key, value in zip(template.keys, template.parameters, strict=True)},
        }
        data = await self._post("/cgi-bin/message/template/send", payload)
        provider_id = str(data.get("msgid", ""))
        if not provider_id:
            raise SendRejected("the WeChat API's answer has no msgid")
        await self._redis.set(template_key(self._prefix, provider_id), message_id, ex=self._receipt_ttl)
        return Sent(provider_id, "sent")

    async def _openid(self, to: str) -> str:
        openid = await self._links.openid_of(to) if to.startswith("+") else to
        if not openid:
            raise SendRejected("no WeChat account is linked to this phone")
        return openid

    async def _post(self, path: str, payload: Mapping[str, Any]) -> dict[str, Any]:
        """POST to the API with the access token, renewed once when WeChat says it is invalid or expired."""
        for renewed in (False, True):
            token = await self.access_token()
            data = await provider_answer(
                "the WeChat API",
                self._session.post(
                    f"{self._base}{path}", params={"access_token": token}, json=payload, timeout=self._timeout
                ),
            )
            code = _errcode(data)
            if code == 0:
                return dict(data)
            if code in TOKEN_ERRORS and not renewed:
                await self._forget(token)
                continue
            raise _send_error(code, data)
        raise SendRetryable("the WeChat API refused a renewed access token")

    async def access_token(self) -> str:
        """The cached access token, or a new one fetched by one gateway while the others wait for it."""
        lock = f"{self._token_key}:renewing"
        for _ in range(50):
            token = await self._redis.get(self._token_key)
            if token:
                return str(token)
            if await self._redis.set(lock, "1", nx=True, ex=int(self._timeout.total or 10) + 1):
                try:
                    return await self._fetch_token()
                finally:
                    await self._redis.delete(lock)
            await asyncio.sleep(0.1)
        raise SendRetryable("no WeChat access token: another gateway is still fetching it")

    async def _fetch_token(self) -> str:
        data = await provider_answer(
            "the WeChat token API",
            self._session.get(
                f"{self._base}/cgi-bin/token",
                params={"grant_type": "client_credential", "appid": self._app_id, "secret": self._secret},
                timeout=self._timeout,
            ),
            sends=False,
        )
        token = data.get("access_token") if isinstance(data, dict) else None
        if not token:
            # A wrong app id or secret, or a server IP not on the account's allow-list: kept for a retry once fixed.
            log.error("WeChat refused an access token", extra={"ctx_errcode": _errcode(data)})
            raise SendRetryable(f"no WeChat access token: errcode {_errcode(data)}")
        lifetime = int(data.get("expires_in", 7200))
        await self._redis.set(self._token_key, str(token), ex=max(lifetime - TOKEN_MARGIN, 60))
        return str(token)

    async def _forget(self, token: str) -> None:
        """Drop the cached token if it is still the one WeChat refused (another gateway may have renewed it)."""
        if await self._redis.get(self._token_key) == token:
            await self._redis.delete(self._token_key)


def template_key(prefix: str, provider_id: str) -> str:
    """Where our id of a template message WeChat knows by `provider_id` is kept until its receipt comes."""
    return f"{prefix}:wechat:template:{{{provider_id}}}"


def _errcode(data: Any) -> int:
    try:
        return int(data.get("errcode", 0)) if isinstance(data, dict) else -1
    except (TypeError, ValueError):
        return -1


def _send_error(code: int, data: Any) -> SendError:
    detail = f"errcode {code}: {str(data.get('errmsg', ''))[:200]}"
    if code in BUSY_ERRORS:
        return SendRetryable(detail, 60.0 if code == 45009 else None)
    # 45015: the 48 hours after the owner's last message are over; 43004: the owner unfollowed the account;
    # 40037: no such template.
    return SendRejected(detail)


async def handle_wechat_verify(request: web.Request) -> web.Response:
    """WeChat's URL check: echo `echostr` when the signature is WeChat's."""
    try:
        verify_wechat(request.query, request.app[SETTINGS].wechat_token, time.time())
    except InvalidSignature as exc:
        log.warning("wechat url check refused", extra={"ctx_reason": str(exc)})
        raise web.HTTPForbidden(text="invalid signature") from None
    return web.Response(text=request.query.get("echostr", ""))


async def handle_wechat_message(request: web.Request) -> web.Response:
    """A message or event pushed by WeChat: verify, open, queue or answer, and say "success" at once."""
    settings = request.app[SETTINGS]
    body = await read_body(request)
    try:
        verify_wechat(request.query, settings.wechat_token, time.time())
        xml = open_wechat_body(body, request.query, settings)
        message = parse_message(xml)
        openid, kind = str(message.source or ""), str(message.type)
    except InvalidSignature as exc:
        log.warning("wechat message refused", extra={"ctx_reason": str(exc)})
        raise web.HTTPForbidden(text="invalid signature") from None
    except (ValueError, KeyError, TypeError, AttributeError, ExpatError) as exc:
        log.warning("wechat message of an unexpected shape refused", extra={"ctx_error": type(exc).__name__})
        raise web.HTTPBadRequest(text="not a WeChat message") from None
    if kind == "event" and message.event == "templatesendjobfinish":
        await record_template_receipt(request.app[GATEWAY], str(message.id), str(message.status or ""))
        return web.Response(text="success")
    if not openid or (kind == "event" and message.event != "subscribe"):
        return web.Response(text="success")
    # Events carry no MsgId: WeChat's advice is to tell them apart by sender and time.
    message_id = str(message.id) if message.id else f"{openid}:{message.time}"
    # A picture, a voice note, a location: no text, so the inbox answers "text only" as it does for media.
    text = str(message.content or "") if kind == "text" else ""
    await receive(request.app[GATEWAY], openid, message_id, text, float(message.time or time.time()), kind == "event")
    return web.Response(text="success")


async def record_template_receipt(gateway: Gateway, provider_id: str, outcome: str) -> None:
    """WeChat's word on a template message: `success`, or `failed:user block` / `failed: system failed`."""
    message_id = str(await gateway.redis.get(template_key(gateway.settings.key_prefix, provider_id)) or "")
    status = "delivered" if outcome == "success" else "failed"
    event = StatusEvent(provider_id, status, outcome if status == "failed" else "", message_id)
    await gateway.transcripts.update_status(event.provider_id, event.status, event.error)
    await gateway.promotions.campaigns.record_receipt(event)


async def receive(gateway: Gateway, openid: str, message_id: str, text: str, received_at: float, follow: bool) -> None:
    """A linked account's message joins its phone's conversation; an unlinked one's may link it."""
    links = WeChatLinks(gateway.redis, gateway.settings.key_prefix)
    phone = await links.phone_of(openid)
    ctx = {"ctx_message_id": message_id, "ctx_linked": phone is not None}
    if phone is not None:
        if follow:
            return
        await links.reply_to(phone, openid)
        accepted = await gateway.inbox.accept(Inbound(message_id, Channel.WECHAT, phone, text, received_at))
        log.info("wechat message received", extra={**ctx, "ctx_duplicate": not accepted})
        return
    seen = f"{gateway.settings.key_prefix}:wechat:seen:{{{openid}:{message_id}}}"
    if not await gateway.redis.set(seen, "1", nx=True, ex=gateway.settings.dedupe_ttl):
        log.info("wechat message received", extra={**ctx, "ctx_duplicate": True})
        return
    linked = None if follow else await links.redeem(openid, text)
    if linked is None:
        language = await gateway.inbox.language(openid, text)
        reply = Reply(phrasebook(language)._(replies.WECHAT_LINK), language=language)
        await gateway.outbox.send_reply(openid, Channel.WECHAT, reply, base_id=f"wechat:{message_id}")
        log.info("wechat account not linked; asked for its link code", extra=ctx)
        return
    # The code is the store's first message on WeChat: promotions follow it there, within WeChat's 48 hours.
    await gateway.transcripts.append_inbound(message_id, Channel.WECHAT, linked, text, received_at)
    try:
        names = ", ".join(store.name for store in await gateway.platform.stores_by_phone(linked))
    except PlatformError:
        names = linked
    language = await gateway.inbox.language(linked, text)
    reply = Reply(phrasebook(language)._(replies.WECHAT_LINKED, stores=names or linked), language=language)
    await gateway.outbox.send_reply(linked, Channel.WECHAT, reply, base_id=f"wechat:{message_id}")
    log.info("wechat account linked to a store phone", extra=ctx)
