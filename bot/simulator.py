"""A local phone simulator: chat as a demo store through the same pipeline a real message takes."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import aiohttp_jinja2
from aiohttp import web

from backend.phones import InvalidPhone, to_e164
from backend.stores_csv import read_stores_csv
from bot.bodies import read_form, read_json_object
from bot.keys import GATEWAY, SETTINGS
from bot.messages import Channel, Inbound, Outbound
from bot.sending import Sent

MAX_TEXT = 1600


class SimulatorSender:
    """The simulator's way out: a message counts as delivered once the transcript holds it."""

    async def send(self, message: Outbound) -> Sent:
        """Deliver to the simulated phone (the page reads the transcript)."""
        return Sent(f"sim-{message.message_id}", "delivered")


def _phone(request: web.Request, raw: str) -> str:
    try:
        return to_e164(raw, request.app[SETTINGS].default_region)
    except InvalidPhone:
        raise web.HTTPBadRequest(text="not a phone number") from None


def _demo_stores(path: Path, region: str) -> list[tuple[str, str]]:
    if not path.exists():
        return []
    return [(store.name, phone) for store in read_stores_csv(path, region) for phone in store.phones]


async def _queue(request: web.Request, phone: str, text: str) -> str:
    text = text.strip()[:MAX_TEXT]
    if not text:
        raise web.HTTPBadRequest(text="empty message")
    message = Inbound(f"sim-{uuid.uuid4().hex}", Channel.SIMULATOR, phone, text, time.time())
    await request.app[GATEWAY].inbox.accept(message)
    return message.message_id


@aiohttp_jinja2.template("simulator.html")
async def handle_simulator_page(request: web.Request) -> dict[str, object]:
    """The page: pick a store phone, then chat as it."""
    raw = request.query.get("phone", "")
    phone = _phone(request, raw) if raw else ""
    entries = await request.app[GATEWAY].transcripts.conversation(phone) if phone else []
    settings = request.app[SETTINGS]
    stores = _demo_stores(Path(settings.simulator_stores), settings.default_region)
    return {"stores": stores, "phone": phone, "entries": entries}


@aiohttp_jinja2.template("simulator_transcript.html")
async def handle_simulator_transcript(request: web.Request) -> dict[str, object]:
    """The conversation as an HTML fragment, polled by the page."""
    phone = _phone(request, request.query.get("phone", ""))
    return {"entries": await request.app[GATEWAY].transcripts.conversation(phone)}


async def handle_simulator_send(request: web.Request) -> web.Response:
    """The page's form: queue the text as a message from the chosen phone and go back to the chat."""
    form = await read_form(request)
    phone = _phone(request, form.get("phone", ""))
    await _queue(request, phone, form.get("text", ""))
    raise web.HTTPSeeOther(request.app.router["simulator"].url_for().with_query(phone=phone))


async def handle_simulator_api_send(request: web.Request) -> web.Response:
    """API: `{"phone", "text"}` in (both strings), the queued message id out."""
    body = await read_json_object(request)
    raw, text = body.get("phone"), body.get("text")
    if not isinstance(raw, str) or not isinstance(text, str):
        raise web.HTTPBadRequest(text='"phone" and "text" must be strings')
    phone = _phone(request, raw)
    message_id = await _queue(request, phone, text)
    return web.json_response({"message_id": message_id, "phone": phone}, status=202)


async def handle_simulator_api_conversation(request: web.Request) -> web.Response:
    """API: the simulated phone's conversation, oldest first."""
    phone = _phone(request, request.query.get("phone", ""))
    entries = await request.app[GATEWAY].transcripts.conversation(phone)
    return web.json_response(
        {
            "phone": phone,
            "messages": [
                {
                    "id": e.message_id,
                    "direction": e.direction,
                    "text": e.text,
                    "status": e.status,
                    "at": e.at,
                    "intent": e.understanding.intent,
                    "confidence": e.understanding.confidence,
                }
                for e in entries
            ],
        }
    )


def add_simulator_routes(app: web.Application) -> None:
    """Mount the simulator under /simulator."""
    app.router.add_get("/simulator", handle_simulator_page, name="simulator")
    app.router.add_get("/simulator/transcript", handle_simulator_transcript, name="simulator_transcript")
    app.router.add_post("/simulator/send", handle_simulator_send, name="simulator_send")
    app.router.add_post("/simulator/api/messages", handle_simulator_api_send, name="simulator_api_send")
    app.router.add_get(
        "/simulator/api/conversation", handle_simulator_api_conversation, name="simulator_api_conversation"
    )
