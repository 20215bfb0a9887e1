"""The gateway against real Redis and the real platform, with fake providers and a fake Rasa that record calls."""

from __future__ import annotations

import asyncio
import base64
import json
import time
import uuid
from dataclasses import dataclass, field
from email.utils import formatdate
from pathlib import Path
from typing import Any, Awaitable, Callable, Mapping

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from redis.asyncio import Redis
from twilio.request_validator import RequestValidator
from wechatpy.utils import WeChatSigner

from backend.app import BackendSettings
from backend.app import create_app as create_platform_app
from backend.catalog import read_catalog_csv
from backend.database import PlatformDatabase
from backend.stores_csv import read_stores_csv
from bot.app import create_app
from bot.keys import GATEWAY
from bot.settings import Settings
from bot.whatsapp import whatsapp_signature

ROOT = Path(__file__).resolve().parent.parent.parent
PLATFORM_KEY = "platform-key-0123456789"
TWILIO_TOKEN = "twilio-auth-token-0123456789abcdef"
APP_SECRET = "meta-app-secret-0123456789"
PUBLIC = "https://gateway.example.com"
STORE_PHONE = "+254712000001"
OTHER_STORE_PHONE = "+254712000002"
WECHAT_APP_ID = "wx0123456789abcdef"
WECHAT_SECRET = "wechat-app-secret-0123456789"
WECHAT_TOKEN = "wechat-token"
WECHAT_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
WECHAT_ACCOUNT = "gh_0123456789ab"
# The number a fake Messaging Service sends from.
SERVICE_NUMBER = "+15005550010"

Reply = Callable[[dict[str, Any]], Any]


@dataclass
class Recorder:
    """A fake upstream: records each request, answers from a script (status, body, headers, delay).

    A request answered with success (the default, or a scripted 2xx) is taken: it is in `taken` from the
    moment it arrives, even when its answer is delayed and never reaches the caller.
    """

    requests: list[dict[str, Any]] = field(default_factory=list)
    taken: list[dict[str, Any]] = field(default_factory=list)
    script: list[tuple[int, Any, dict[str, str], float]] = field(default_factory=list)
    counter: int = 0

    def then(self, status: int, body: Any = None, headers: dict[str, str] | None = None, delay: float = 0.0) -> None:
        """Answer the next request this way instead of the default success."""
        self.script.append((status, body, headers or {}, delay))

    async def answer(self, default: Any, record: dict[str, Any]) -> web.Response:
        status, body, headers, delay = self.script.pop(0) if self.script else (0, None, {}, 0.0)
        if status == 0 or 200 <= status < 300:
            self.taken.append(record)
        if delay:
            await asyncio.sleep(delay)
        if status == 0:
            return web.json_response(default, status=201 if "sid" in default else 200)
        return web.json_response(body or {"error": "scripted"}, status=status, headers=headers)


class FakeTwilio(Recorder):
    """Twilio's Messages API: create a message, and read the account's message log."""

    def app(self) -> web.Application:
        async def create(request: web.Request) -> web.Response:
            form = dict(await request.post())
            self.requests.append({"form": form, "auth": request.headers.get("Authorization", "")})
            self.counter += 1
            sid = f"SM{self.counter:032d}"
            record = {
                "sid": sid,
                "to": form["To"],
                "from": form.get("From", SERVICE_NUMBER),
                "body": form.get("Body", ""),
                "status": "queued",
                "date_created": formatdate(usegmt=True),
                "status_callback": form.get("StatusCallback", ""),
            }
            return await self.answer({"sid": sid, "status": "queued"}, record)

        async def read(request: web.Request) -> web.Response:
            self.requests.append({"query": dict(request.query), "auth": request.headers.get("Authorization", "")})
            rows = [
                {k: v for k, v in m.items() if k != "status_callback"}
                for m in reversed(self.taken)
                if m["to"] == request.query.get("To") and m["from"] == request.query.get("From", m["from"])
            ]
            size = int(request.query.get("PageSize", "50"))
            return web.json_response({"messages": rows[:size], "next_page_uri": None, "page_size": size})

        app = web.Application()
        app.router.add_post("/2010-04-01/Accounts/{sid}/Messages.json", create)
        app.router.add_get("/2010-04-01/Accounts/{sid}/Messages.json", read)
        return app

    @property
    def sends(self) -> list[dict[str, Any]]:
        """The create requests, taken or not."""
        return [r for r in self.requests if "form" in r]

    def bodies(self, to: str | None = None) -> list[str]:
        """Bodies of the messages asked for, taken or not, in order."""
        return [str(r["form"].get("Body", "")) for r in self.sends if to is None or r["form"]["To"].endswith(to)]


class FakeMeta(Recorder):
    """The WhatsApp Cloud API's messages endpoint."""

    def app(self) -> web.Application:
        async def create(request: web.Request) -> web.Response:
            payload = await request.json()
            record = {"json": payload, "auth": request.headers.get("Authorization", ""), "path": request.path}
            self.requests.append(record)
            self.counter += 1
            record["id"] = f"wamid.{self.counter}"
            return await self.answer({"messaging_product": "whatsapp", "messages": [{"id": record["id"]}]}, record)

        app = web.Application()
        app.router.add_post("/{version}/{phone_id}/messages", create)
        return app


class FakeWeChat(Recorder):
    """WeChat's API: the access token endpoint and the customer-service message send, as documented (JSON out,
    errors as `errcode` with HTTP 200)."""

    def __init__(self, app_id: str = WECHAT_APP_ID, secret: str = WECHAT_SECRET) -> None:
        super().__init__()
        self.app_id, self.secret = app_id, secret
        self.tokens: list[str] = []
        self.valid: set[str] = set()

    def expire_tokens(self) -> None:
        """Every token handed out so far answers 42001 from now on."""
        self.valid.clear()

    def app(self) -> web.Application:
        async def token(request: web.Request) -> web.Response:
            query = dict(request.query)
            self.requests.append({"token": query})
            if query.get("grant_type") != "client_credential" or query.get("appid") != self.app_id:
                return web.json_response({"errcode": 40013, "errmsg": "invalid appid"})
            if query.get("secret") != self.secret:
                return web.json_response({"errcode": 40125, "errmsg": "invalid appsecret"})
            issued = f"ACCESS_TOKEN_{len(self.tokens) + 1}"
            self.tokens.append(issued)
            self.valid.add(issued)
            return web.json_response({"access_token": issued, "expires_in": 7200})

        async def send(request: web.Request) -> web.Response:
            used = request.query.get("access_token", "")
            record = {"json": await request.json(), "access_token": used, "path": request.path}
            self.requests.append(record)
            if used not in self.valid:
                code = 42001 if used in self.tokens else 40001
                return web.json_response({"errcode": code, "errmsg": "access_token expired or invalid"})
            answer: dict[str, Any] = {"errcode": 0, "errmsg": "ok"}
            if "template" in request.path:
                # A template message gets a msgid, which its TEMPLATESENDJOBFINISH event carries back.
                self.counter += 1
                answer["msgid"] = record["msgid"] = self.counter
            return await self.answer(answer, record)

        app = web.Application()
        app.router.add_get("/cgi-bin/token", token)
        app.router.add_post("/cgi-bin/message/custom/send", send)
        app.router.add_post("/cgi-bin/message/template/send", send)
        return app

    def texts(self, openid: str | None = None) -> list[str]:
        """The customer-service texts sent (answered ok or not) to `openid`, in order."""
        return [
            str(r["json"]["text"]["content"])
            for r in self.requests
            if "text" in r.get("json", {}) and (openid is None or r["json"]["touser"] == openid)
        ]

    def templates(self) -> list[dict[str, Any]]:
        """The template messages asked for, each with the msgid it got (if any)."""
        return [r for r in self.requests if "template_id" in r.get("json", {})]


def wechat_env(api: str) -> dict[str, str]:
    """The gateway's settings with the WeChat channel on, its API at `api`."""
    return {
        "GATEWAY_CHANNELS": "twilio,whatsapp,wechat",
        "WECHAT_APP_ID": WECHAT_APP_ID,
        "WECHAT_APP_SECRET": WECHAT_SECRET,
        "WECHAT_TOKEN": WECHAT_TOKEN,
        "WECHAT_AES_KEY": WECHAT_AES_KEY,
        "WECHAT_API_BASE": api,
    }


def wechat_query(token: str, timestamp: int | None = None, **extra: str) -> dict[str, str]:
    """The query WeChat puts on a push to the server: timestamp, nonce and their signature (wechatpy signs)."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    nonce = uuid.uuid4().hex[:10]
    signer = WeChatSigner()
    signer.add_data(token, stamp, nonce)
    return {"signature": signer.signature, "timestamp": stamp, "nonce": nonce, **extra}


def wechat_xml(openid: str, msg_id: int, text: str = "", kind: str = "text", event: str = "") -> str:
    """A message (or event) from an Official Account follower, in WeChat's documented XML."""
    if kind == "text":
        body = f"<Content><![CDATA[{text}]]></Content><MsgId>{msg_id}</MsgId>"
    elif event == "TEMPLATESENDJOBFINISH":
        body = f"<Event><![CDATA[{event}]]></Event><MsgID>{msg_id}</MsgID><Status><![CDATA[{text}]]></Status>"
    elif kind == "event":
        body = f"<Event><![CDATA[{event}]]></Event><EventKey><![CDATA[]]></EventKey>"
    else:
        body = f"<PicUrl><![CDATA[http://mmbiz.qpic.cn/x]]></PicUrl><MediaId><![CDATA[m1]]></MediaId><MsgId>{msg_id}</MsgId>"
    return (
        f"<xml><ToUserName><![CDATA[{WECHAT_ACCOUNT}]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[{kind}]]></MsgType>{body}</xml>"
    )


class FakeRasa:
    """Rasa's REST channel and tracker endpoint; `reply` decides what the assistant says."""

    def __init__(self) -> None:
        self.turns: list[dict[str, Any]] = []
        # What the assistant said to each turn, as the tracker's events keep it.
        self.answers: list[list[dict[str, Any]]] = []
        self.triggered: list[tuple[str, dict[str, Any]]] = []
        self.down = False
        # Seconds each turn takes after it is run and recorded, before the answer goes back.
        self.delay = 0.0
        self.reply: Reply = lambda turn: [{"recipient_id": turn["sender"], "text": f"echo: {turn['message']}"}]
        # The conversation's slots as the tracker endpoint reports them (`language`: what the assistant answers in).
        self.slots: dict[str, Any] = {}

    def app(self) -> web.Application:
        async def webhook(request: web.Request) -> web.Response:
            if self.down:
                return web.json_response({"error": "down"}, status=503)
            turn = await request.json()
            self.turns.append(turn)
            self.answers.append(self.reply(turn))
            await asyncio.sleep(self.delay)
            return web.json_response(self.answers[-1])

        async def tracker(request: web.Request) -> web.Response:
            sender = request.match_info["sender"]
            last = [t for t in self.turns if t["sender"] == sender]
            text = last[-1]["message"] if last else ""
            events = [
                event
                for turn, answer in zip(self.turns, self.answers, strict=True)
                if turn["sender"] == sender
                for event in [
                    {"event": "user", "text": turn["message"], "metadata": turn.get("metadata") or {}},
                    *({"event": "bot", "text": m.get("text"), "data": {"buttons": m.get("buttons")}} for m in answer),
                ]
            ]
            return web.json_response(
                {
                    "sender_id": sender,
                    "events": None if request.query.get("include_events") == "NONE" else events,
                    "slots": self.slots,
                    "latest_message": {
                        "text": text,
                        "intent": {"name": "place_order", "confidence": 0.93},
                        "order": {
                            "lines": [{"sku": "BEV-COKE-300G-24", "quantity": 5, "phrase": text, "score": 97.5}],
                            "ambiguous": [],
                            "unknown": [],
                        },
                    },
                }
            )

        async def trigger(request: web.Request) -> web.Response:
            self.triggered.append((request.match_info["sender"], await request.json()))
            return web.json_response(
                {
                    "tracker": {},
                    "messages": [
                        {"recipient_id": request.match_info["sender"], "text": "You are back with the assistant."}
                    ],
                }
            )

        async def root(request: web.Request) -> web.Response:
            return web.Response(text="Hello from Rasa: 3.6.21")

        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", webhook)
        app.router.add_get("/conversations/{sender}/tracker", tracker)
        app.router.add_post("/conversations/{sender}/trigger_intent", trigger)
        app.router.add_get("/", root)
        return app


@dataclass
class Stack:
    """The gateway under test and everything around it."""

    client: TestClient
    settings: Settings
    twilio: FakeTwilio
    meta: FakeMeta
    rasa: FakeRasa
    redis: Redis
    platform_db: Path

    async def twilio_webhook(
        self, params: Mapping[str, str], path: str = "/webhooks/twilio", signature: str | None = None
    ) -> Any:
        """POST a form the way Twilio does, signed with the official library unless told otherwise."""
        if signature is None:
            signature = RequestValidator(TWILIO_TOKEN).compute_signature(PUBLIC + path, params)
        headers = {"X-Twilio-Signature": signature} if signature else {}
        return await self.client.post(path, data=params, headers=headers)

    async def sms(self, text: str, sid: str | None = None, phone: str = STORE_PHONE) -> Any:
        """A signed inbound SMS."""
        params = {
            "MessageSid": sid or f"SM{uuid.uuid4().hex}",
            "AccountSid": "AC123",
            "From": phone,
            "To": "+15005550006",
            "Body": text,
            "NumMedia": "0",
        }
        return await self.twilio_webhook(params)

    async def whatsapp_webhook(self, payload: dict[str, Any], signature: str | None = None) -> Any:
        """POST a Cloud API webhook signed with the app secret unless told otherwise."""
        body = json.dumps(payload).encode()
        if signature is None:
            signature = whatsapp_signature(body, APP_SECRET)
        headers = {"Content-Type": "application/json"}
        if signature:
            headers["X-Hub-Signature-256"] = signature
        return await self.client.post("/webhooks/whatsapp", data=body, headers=headers)

    async def twilio_status(self, message: dict[str, Any], status: str) -> Any:
        """Twilio's status callback for a message it took, to the StatusCallback URL the send gave."""
        url = str(message["status_callback"])
        assert url.startswith(PUBLIC), url
        params = {
            "MessageSid": message["sid"],
            "MessageStatus": status,
            "AccountSid": "AC123",
            "From": message["from"],
            "To": message["to"],
        }
        return await self.twilio_webhook(params, path=url[len(PUBLIC) :])

    async def meta_status(self, message: dict[str, Any], status: str) -> Any:
        """Meta's status webhook for a message it took, echoing the send's biz_opaque_callback_data."""
        sent = message["json"]
        status_object = {
            "id": message["id"],
            "status": status,
            "timestamp": str(int(time.time())),
            "recipient_id": sent["to"],
        }
        if "biz_opaque_callback_data" in sent:
            status_object["biz_opaque_callback_data"] = sent["biz_opaque_callback_data"]
        return await self.whatsapp_webhook(whatsapp_webhook({"statuses": [status_object]}))

    async def transcript(self, phone: str = STORE_PHONE) -> list[Any]:
        """The conversation as the transcript store holds it."""
        return await self.client.app[GATEWAY].transcripts.conversation(phone)

    async def unfinished(self) -> tuple[int, int]:
        """Inbound and outbound entries queued, or handed out and not yet acknowledged (waiting for a retry)."""
        gateway = self.client.app[GATEWAY]
        counts = []
        for stream in (gateway.inbox.stream, gateway.outbox.stream):
            counts.append(await stream.pending() + await stream.backlog())
        return counts[0], counts[1]

    async def idle(self) -> bool:
        """True when the gateway has nothing left in hand: nothing more is sent until something new comes in."""
        return await self.unfinished() == (0, 0)


def whatsapp_webhook(value: dict[str, Any]) -> dict[str, Any]:
    """Meta's webhook envelope (entry × changes) around one `value`, as its documented examples show it."""
    value = {"messaging_product": "whatsapp", **value}
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "WABA_ID", "changes": [{"field": "messages", "value": value}]}],
    }


def whatsapp_text(message_id: str, text: str, sender: str = "254712000001") -> dict[str, Any]:
    """A Cloud API webhook carrying one text message, shaped like Meta's documented example."""
    return whatsapp_webhook(
        {
            "metadata": {"display_phone_number": "15550001111", "phone_number_id": "PHONE_ID"},
            "contacts": [{"profile": {"name": "Njeri"}, "wa_id": sender}],
            "messages": [
                {
                    "from": sender,
                    "id": message_id,
                    "timestamp": str(int(time.time())),
                    "type": "text",
                    "text": {"body": text},
                }
            ],
        }
    )


async def eventually(check: Callable[[], Awaitable[bool]], timeout: float = 10.0) -> None:
    """Wait until `check` holds, failing with a clear message after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"condition not met within {timeout} s")


def seeded_platform(tmp_path: Path) -> Path:
    """A platform database with the demo catalog and stores."""
    path = tmp_path / "platform.sqlite3"
    db = PlatformDatabase(path)
    db.import_catalog(read_catalog_csv(ROOT / "demo" / "catalog.csv"))
    db.import_stores(read_stores_csv(ROOT / "demo" / "stores.csv", "KE"))
    db.close()
    return path


def gateway_env(
    redis_url: str, rasa_url: str, backend_url: str, twilio_url: str, meta_url: str, **extra: str
) -> dict[str, str]:
    """A production-mode environment for the gateway with fast retries, keys under a fresh prefix."""
    return {
        "GATEWAY_MODE": "production",
        "REDIS_URL": redis_url,
        "GATEWAY_KEY_PREFIX": f"t{uuid.uuid4().hex[:10]}",
        "BACKEND_URL": backend_url,
        "BACKEND_API_KEY": PLATFORM_KEY,
        "RASA_URL": rasa_url,
        "RASA_TOKEN": "rasa-token",
        "PUBLIC_BASE_URL": PUBLIC,
        "TWILIO_ACCOUNT_SID": "AC123",
        "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
        "TWILIO_FROM": "+15005550006",
        "TWILIO_API_BASE": twilio_url,
        "WHATSAPP_APP_SECRET": APP_SECRET,
        "WHATSAPP_VERIFY_TOKEN": "verify-me",
        "WHATSAPP_ACCESS_TOKEN": "meta-access-token",
        "WHATSAPP_PHONE_NUMBER_ID": "PHONE_ID",
        "WHATSAPP_API_BASE": meta_url,
        "DEFAULT_REGION": "KE",
        "GATEWAY_PARTITIONS": "2",
        "RETRY_BASE_SECONDS": "0.05",
        "RETRY_MAX_SECONDS": "2",
        "SEND_TIMEOUT_SECONDS": "1",
        "RASA_TIMEOUT_SECONDS": "2",
        "SIMULATOR_ENABLED": "true",
        **extra,
    }


StackFactory = Callable[..., Awaitable[Stack]]


@pytest.fixture
async def make_stack(aiohttp_client: Any, aiohttp_server: Any, redis_url: str, tmp_path: Path) -> StackFactory:
    """Build the gateway with its fakes; keyword arguments override environment variables."""
    redis = Redis.from_url(redis_url, decode_responses=True)

    async def build(**extra: str) -> Stack:
        twilio, meta, rasa = FakeTwilio(), FakeMeta(), FakeRasa()
        twilio_server: TestServer = await aiohttp_server(twilio.app())
        meta_server: TestServer = await aiohttp_server(meta.app())
        rasa_server: TestServer = await aiohttp_server(rasa.app())
        db_path = seeded_platform(tmp_path)
        platform = await aiohttp_server(
            create_platform_app(BackendSettings(db_path=str(db_path), api_key=PLATFORM_KEY, default_region="KE"))
        )
        env = gateway_env(
            redis_url,
            str(rasa_server.make_url("")).rstrip("/"),
            str(platform.make_url("")).rstrip("/"),
            str(twilio_server.make_url("")).rstrip("/"),
            str(meta_server.make_url("")).rstrip("/"),
            **extra,
        )
        settings = Settings.from_env(env)
        client = await aiohttp_client(create_app(settings))
        return Stack(client, settings, twilio, meta, rasa, redis, db_path)

    yield build
    await redis.close(close_connection_pool=True)


@pytest.fixture
async def stack(make_stack: StackFactory) -> Stack:
    """The gateway with default settings."""
    return await make_stack()


def basic_user(header: str) -> str:
    """The user name in a Basic Authorization header."""
    return base64.b64decode(header.split(" ", 1)[1]).decode().split(":", 1)[0]
