"""The console's pages: conversations (list, one, take over, teach), dashboard, staff accounts."""

from __future__ import annotations

import asyncio
import logging
import re
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from markupsafe import Markup

from backend.errors import PlatformError
from backend.models import Order, Store
from backend.phones import InvalidPhone, to_e164
from bot.console.auth import CONSOLE_TEMPLATES, page_context, staff
from bot.console.charts import Series, bar_chart
from bot.console.dashboard import DashboardFigures, figures
from bot.console.filters import FLAGS, ConversationFacts, ConversationQuery, Thresholds, facts, is_low_match
from bot.console.reviews import Review, ReviewError
from bot.console.state import CONSOLE
from bot.console.teach import rasa_test_story, reparse
from bot.console.users import ROLES, UserError, parse_regions
from bot.keys import GATEWAY, SETTINGS
from bot.messages import Direction, Reply
from bot.rasa import RasaUnavailable
from bot.transcripts import ConversationSummary, TranscriptEntry
from nlu.aliases import MAX_PHRASE_CHARS, alias_phrase

log = logging.getLogger("bot.console")

PAGE_SIZE = 25
MAX_SCANNED = 2000
MAX_REPLY = 1600
DASHBOARD_DAYS = 14
AGENT_MESSAGE_PREFIX = "agent:"
# What a phone number typed into the search looks like: digits, with a `+`, spaces, dashes or brackets.
_PHONE_TYPED = re.compile(r"\+?[\d\s().-]{7,20}")

# Outcomes shown after a form, by code: nothing a person typed is reflected back through the URL.
NOTICES = {
    "reviewed": "Marked reviewed.",
    "tagged": "Tags saved.",
    "noted": "Note added.",
    "taken": "You hold this conversation: the assistant is paused and the store's messages come to you.",
    "sent": "Reply queued.",
    "handed_back": "Handed back to the assistant.",
    "alias_store": "Alias learned for this store; the message is read again below.",
    "alias_all": "Alias added to the catalog for every store; the message is read again below.",
    "user_saved": "Account saved.",
    "user_removed": "Account removed.",
}
ERRORS = {
    "not_held": "Take the conversation over before writing to the store.",
    "empty": "Write something first.",
    "too_long": f"A reply has at most {MAX_REPLY} characters.",
    "rasa_down": "The assistant did not answer; the conversation is still yours. Try again.",
    "no_channel": "This store has never written, and no channel that may write first (SMS) is configured.",
    "bad_tags": "Tags are up to 20 words of letters, digits, dashes or underscores.",
    "bad_note": "A note has 1 to 2000 characters.",
    "bad_alias": "Give a phrase and a SKU from the catalog.",
    "platform": "The platform refused the change.",
}


@dataclass(frozen=True)
class ConversationRow:
    """One line of the conversation list."""

    summary: ConversationSummary
    stores: tuple[Store, ...]
    facts: ConversationFacts
    review: Review
    held_by: str
    overdue: bool


def _render(name: str, request: web.Request, context: dict[str, Any]) -> web.Response:
    return aiohttp_jinja2.render_template(name, request, context, app_key=CONSOLE_TEMPLATES)


def _thresholds(request: web.Request) -> Thresholds:
    settings = request.config_dict[SETTINGS]
    return Thresholds(settings.console_low_confidence, settings.console_low_score)


def _phone(request: web.Request) -> str:
    try:
        return to_e164(request.match_info["phone"], request.config_dict[SETTINGS].default_region)
    except InvalidPhone:
        raise web.HTTPNotFound(text="no such conversation") from None


async def _visible_stores(request: web.Request, phone: str) -> tuple[Store, ...]:
    """The phone's stores, or 403 when the user's regions do not cover them."""
    stores = await request.config_dict[CONSOLE].directory.stores(phone)
    if not staff(request).may_see(tuple(s.region for s in stores)):
        raise web.HTTPForbidden(text="this conversation belongs to a region you do not cover")
    return stores


def _back(request: web.Request, phone: str, anchor: str = "", **query: str) -> web.HTTPSeeOther:
    url = request.app.router["console_conversation"].url_for(phone=phone).with_query(query)
    return web.HTTPSeeOther(str(url) + (f"#{anchor}" if anchor else ""))


def _overdue(summary: ConversationSummary, alert_minutes: int, now: float) -> bool:
    return summary.waiting_for_person and summary.waiting_since > 0 and now - summary.waiting_since > alert_minutes * 60


@dataclass(frozen=True)
class Visible:
    """The conversations a member of staff may see, with what the list's filters offer and its overdue handoffs."""

    conversations: tuple[tuple[ConversationSummary, tuple[Store, ...], bool], ...]
    regions: tuple[str, ...]
    channels: tuple[str, ...]
    overdue: tuple[ConversationSummary, ...]


async def _visible_conversations(request: web.Request, now: float) -> Visible:
    """Each conversation the user may see (newest first) with its stores and whether its handoff is overdue."""
    gateway = request.config_dict[GATEWAY]
    directory = request.config_dict[CONSOLE].directory
    alert_minutes = request.config_dict[SETTINGS].console_handoff_alert_minutes
    user = staff(request)
    visible = []
    regions: set[str] = set()
    channels: set[str] = set()
    for summary in await gateway.transcripts.conversations(limit=MAX_SCANNED):
        stores = await directory.stores(summary.phone)
        store_regions = tuple(s.region for s in stores)
        if not user.may_see(store_regions):
            continue
        regions.update(store_regions)
        channels.add(summary.channel)
        visible.append((summary, stores, _overdue(summary, alert_minutes, now)))
    return Visible(
        tuple(visible),
        tuple(sorted(regions)),
        tuple(sorted(c for c in channels if c)),
        tuple(summary for summary, _, late in visible if late),
    )


async def _matching_row(
    request: web.Request,
    query: ConversationQuery,
    summary: ConversationSummary,
    stores: tuple[Store, ...],
    late: bool,
) -> ConversationRow | None:
    """The list's row for a conversation when it passes every filter of the query, else None."""
    gateway = request.config_dict[GATEWAY]
    if not query.matches_summary(summary):
        return None
    if query.region and query.region not in {s.region for s in stores}:
        return None
    if query.store and query.store not in {s.store_id for s in stores}:
        return None
    entries = await gateway.transcripts.conversation(summary.phone)
    if not query.matches_text(entries, summary.phone):
        return None
    review = await request.config_dict[CONSOLE].reviews.get(summary.phone)
    found = facts(entries, _thresholds(request))
    if not query.matches_facts(found, review.reviewed_since(summary.last_at)):
        return None
    if "has_order" in query.flags and not await _has_order(request, stores):
        return None
    return ConversationRow(summary, stores, found, review, await gateway.inbox.held_by(summary.phone), late)


async def handle_console_conversations(request: web.Request) -> web.Response:
    """Conversations with newest activity first, filtered, searched and paged; overdue handoffs flagged."""
    query = ConversationQuery.from_query(request.query)
    store_phone = await _store_phone(request, query.text)
    if store_phone:
        # A store's phone searched for opens its conversation, one it never wrote in too: staff may write first.
        raise _back(request, store_phone)
    visible = await _visible_conversations(request, time.time())
    rows = [
        row
        for summary, stores, late in visible.conversations
        if (row := await _matching_row(request, query, summary, stores, late)) is not None
    ]
    pages = max((len(rows) + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    page = min(query.page, pages)
    return _render(
        "console/conversations.html",
        request,
        page_context(
            request,
            rows=rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE],
            total=len(rows),
            page=page,
            pages=pages,
            params={k: v for k, v in request.query.items() if k != "page"},
            query=query,
            flags=FLAGS,
            regions=list(visible.regions),
            channels=list(visible.channels),
            overdue=list(visible.overdue),
            alert_minutes=request.config_dict[SETTINGS].console_handoff_alert_minutes,
            when=_when,
        ),
    )


async def _store_phone(request: web.Request, text: str) -> str:
    """The phone in E.164 when the text is the phone of a store the user may see; else empty."""
    if not text or not _PHONE_TYPED.fullmatch(text):
        return ""
    try:
        phone = to_e164(text, request.config_dict[SETTINGS].default_region)
    except InvalidPhone:
        return ""
    stores = await request.config_dict[CONSOLE].directory.stores(phone)
    return phone if stores and staff(request).may_see(tuple(s.region for s in stores)) else ""


async def _has_order(request: web.Request, stores: tuple[Store, ...]) -> bool:
    directory = request.config_dict[CONSOLE].directory
    for store in stores:
        if await directory.orders(store.store_id):
            return True
    return False


def _when(at: float) -> str:
    return datetime.fromtimestamp(at, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


@dataclass(frozen=True)
class TeachChoice:
    """A line the assistant may have misread, with the phrase to teach and the SKUs to offer."""

    phrase: str
    candidates: tuple[str, ...]


def _teach_choices(entry: TranscriptEntry, thresholds: Thresholds) -> list[TeachChoice]:
    reading = entry.understanding
    choices = [TeachChoice(str(a.get("phrase", "")), tuple(a.get("candidates") or ())) for a in reading.ambiguous]
    choices += [TeachChoice(str(u.get("phrase", "")), ()) for u in reading.unknown]
    if is_low_match(entry, thresholds):
        choices += [TeachChoice(str(line.get("phrase", "")), (str(line.get("sku", "")),)) for line in reading.lines]
    return [c for c in choices if c.phrase]


async def _conversation_context(request: web.Request, phone: str) -> dict[str, Any]:
    gateway = request.config_dict[GATEWAY]
    console = request.config_dict[CONSOLE]
    stores = await _visible_stores(request, phone)
    entries = await gateway.transcripts.conversation(phone)
    if not entries and not stores:
        raise web.HTTPNotFound(text="no such conversation")
    orders: list[tuple[Store, tuple[Order, ...]]] = [
        (store, (await console.directory.orders(store.store_id, fresh=True))[:5]) for store in stores
    ]
    thresholds = _thresholds(request)
    catalog = await console.catalog.current()
    reparsed = None
    wanted = request.query.get("reparse", "")
    for entry in entries:
        if entry.message_id == wanted and entry.direction == Direction.IN:
            learned = await console.aliases.get(stores[0].store_id) if stores else {}
            reparsed = (entry.message_id, reparse(entry.text, catalog, learned))
    summaries = {s.phone: s for s in await gateway.transcripts.conversations(limit=MAX_SCANNED, waiting_only=True)}
    return {
        "phone": phone,
        "stores": stores,
        "orders": orders,
        "entries": entries,
        "teach": {e.message_id: _teach_choices(e, thresholds) for e in entries if e.direction == Direction.IN},
        "thresholds": thresholds,
        "facts": facts(entries, thresholds),
        "review": await console.reviews.get(phone),
        "notes": await console.reviews.notes(phone),
        "held_by": await gateway.inbox.held_by(phone),
        "unanswered": await gateway.inbox.unanswered(phone),
        "waiting": phone in summaries,
        "catalog": catalog,
        "reparsed": reparsed,
        "agent_prefix": AGENT_MESSAGE_PREFIX,
        "when": _when,
    }


async def handle_console_conversation(request: web.Request) -> web.Response:
    """One conversation: every message with what the assistant understood, the store's orders, staff marks."""
    phone = _phone(request)
    context = await _conversation_context(request, phone)
    notice = NOTICES.get(request.query.get("done", ""), "")
    error = ERRORS.get(request.query.get("error", ""), "")
    return _render(
        "console/conversation.html",
        request,
        page_context(
            request,
            **context,
            notice=notice,
            error=error,
            max_reply=MAX_REPLY,
            max_segments=request.config_dict[SETTINGS].sms_max_segments,
        ),
    )


async def handle_console_messages(request: web.Request) -> web.Response:
    """The messages alone, as an HTML fragment the page polls while someone holds the conversation."""
    phone = _phone(request)
    context = await _conversation_context(request, phone)
    return _render("console/messages.html", request, page_context(request, **context))


async def handle_console_review(request: web.Request) -> web.Response:
    """Mark reviewed, set tags or add a note (one form each)."""
    phone = _phone(request)
    await _visible_stores(request, phone)
    reviews = request.config_dict[CONSOLE].reviews
    form = await request.post()
    what = request.match_info["what"]
    try:
        if what == "reviewed":
            await reviews.mark_reviewed(phone, staff(request).username)
        elif what == "tags":
            await reviews.set_tags(phone, str(form.get("tags", ""))[:600])
        elif what == "notes":
            await reviews.add_note(phone, staff(request).username, str(form.get("note", "")))
        else:
            raise web.HTTPNotFound()
    except ReviewError:
        raise _back(request, phone, error="bad_tags" if what == "tags" else "bad_note") from None
    raise _back(request, phone, done={"reviewed": "reviewed", "tags": "tagged", "notes": "noted"}[what])


async def handle_console_take_over(request: web.Request) -> web.Response:
    """Pause the assistant for this conversation; the store's messages now come to staff."""
    phone = _phone(request)
    await _visible_stores(request, phone)
    await request.config_dict[GATEWAY].inbox.take_over(phone, staff(request).username)
    log.info("conversation taken over", extra={"ctx_user": staff(request).username})
    raise _back(request, phone, "reply", done="taken")


async def handle_console_reply(request: web.Request) -> web.Response:
    """Write to the store through the normal outbox, while holding the conversation."""
    phone = _phone(request)
    await _visible_stores(request, phone)
    gateway = request.config_dict[GATEWAY]
    text = str((await request.post()).get("text", "")).strip()
    if not await gateway.inbox.held_by(phone):
        raise _back(request, phone, "reply", error="not_held")
    if not text:
        raise _back(request, phone, "reply", error="empty")
    if len(text) > MAX_REPLY:
        raise _back(request, phone, "reply", error="too_long")
    channel = await gateway.outbox.channel_to_write(phone)
    if not channel:
        raise _back(request, phone, "reply", error="no_channel")
    base_id = f"{AGENT_MESSAGE_PREFIX}{staff(request).username}:{uuid.uuid4().hex}"
    await gateway.inbox.send_from_person(phone, channel, Reply(text), base_id)
    log.info("agent reply queued", extra={"ctx_user": staff(request).username, "ctx_channel": channel})
    raise _back(request, phone, "reply", done="sent")


async def handle_console_hand_back(request: web.Request) -> web.Response:
    """Give the conversation back to the assistant (it says so to the store), which may answer what no one did."""
    phone = _phone(request)
    await _visible_stores(request, phone)
    answer = (await request.post()).get("answer") == "unanswered"
    try:
        await request.config_dict[GATEWAY].inbox.hand_back(phone, answer_unanswered=answer)
    except RasaUnavailable:
        raise _back(request, phone, "reply", error="rasa_down") from None
    log.info("conversation handed back", extra={"ctx_user": staff(request).username})
    raise _back(request, phone, done="handed_back")


async def handle_console_teach(request: web.Request) -> web.Response:
    """Turn a misread phrase into an alias for this store, or (admins) for every store; then re-read the message."""
    phone = _phone(request)
    stores = await _visible_stores(request, phone)
    console = request.config_dict[CONSOLE]
    form = await request.post()
    message_id = str(form.get("message_id", ""))[:200]
    phrase = str(form.get("phrase", "")).strip()[:MAX_PHRASE_CHARS]
    sku = str(form.get("sku", "")).strip()
    scope = str(form.get("scope", ""))
    catalog = await console.catalog.current()
    if not alias_phrase(phrase) or sku not in catalog.items:
        raise _back(request, phone, f"m-{message_id}", error="bad_alias")
    if scope == "all":
        if not staff(request).is_admin:
            raise web.HTTPForbidden(text="only admins add aliases for every store")
        try:
            await request.config_dict[GATEWAY].platform.add_alias(sku, phrase)
        except PlatformError:
            raise _back(request, phone, f"m-{message_id}", error="platform") from None
        done = "alias_all"
    else:
        store_ids = {s.store_id for s in stores}
        if scope not in store_ids:
            raise web.HTTPForbidden(text="that store does not write from this phone")
        await console.aliases.learn(scope, phrase, sku)
        done = "alias_store"
    log.info("alias taught", extra={"ctx_user": staff(request).username, "ctx_scope": scope, "ctx_sku": sku})
    raise _back(request, phone, f"m-{message_id}", done=done, reparse=message_id)


async def handle_console_story(request: web.Request) -> web.Response:
    """The conversation as a Rasa test story file."""
    phone = _phone(request)
    await _visible_stores(request, phone)
    entries = await request.config_dict[GATEWAY].transcripts.conversation(phone)
    digits = "".join(c for c in phone if c.isdigit())
    return web.Response(
        text=rasa_test_story(phone, entries),
        content_type="application/x-yaml",
        headers={"Content-Disposition": f'attachment; filename="test_story_{digits}.yml"'},
    )


async def _dashboard_figures(request: web.Request) -> DashboardFigures:
    """The figures of the conversations and orders the user may see over the dashboard's days."""
    gateway = request.config_dict[GATEWAY]
    directory = request.config_dict[CONSOLE].directory
    user = staff(request)
    summaries = []
    conversations = []
    store_ids: set[str] = set()
    held = 0
    since = time.time() - DASHBOARD_DAYS * 24 * 3600
    for summary in await gateway.transcripts.conversations(limit=MAX_SCANNED, since=since):
        stores = await directory.stores(summary.phone)
        if not user.may_see(tuple(s.region for s in stores)):
            continue
        summaries.append(summary)
        store_ids.update(s.store_id for s in stores)
        conversations.append(await gateway.transcripts.conversation(summary.phone))
        held += 1 if await gateway.inbox.held_by(summary.phone) else 0
    orders = [o for orders in await asyncio.gather(*(directory.orders(s) for s in store_ids)) for o in orders]
    today = datetime.now(timezone.utc).date()
    return figures(today, DASHBOARD_DAYS, conversations, orders, summaries, held, _thresholds(request))


def _dashboard_charts(found: DashboardFigures) -> list[Markup]:
    """The dashboard's charts, as SVG."""
    labels = [d.strftime("%d %b") for d in found.days]
    return [
        bar_chart(
            "Messages per day",
            labels,
            [
                Series("from stores", tuple(map(float, found.inbound)), "s1"),
                Series("to stores", tuple(map(float, found.outbound)), "s2"),
            ],
        ),
        bar_chart("Orders per day", labels, [Series("orders", tuple(map(float, found.orders)), "s3")]),
        bar_chart(
            "Understood without fallback (% of messages)",
            labels,
            [Series("understood %", found.understood_share, "s1")],
        ),
        bar_chart(
            "Match scores of parsed lines",
            found.score_labels,
            [Series("lines", tuple(map(float, found.score_counts)), "s2")],
        ),
        bar_chart("Handoffs requested per day", labels, [Series("handoffs", tuple(map(float, found.handoffs)), "s4")]),
    ]


async def handle_console_dashboard(request: web.Request) -> web.Response:
    """Orders and messages per day, understood share, match scores, handoffs; charts as SVG."""
    found = await _dashboard_figures(request)
    return _render(
        "console/dashboard.html",
        request,
        page_context(
            request,
            figures=found,
            charts=_dashboard_charts(found),
            days=DASHBOARD_DAYS,
            campaigns=await request.config_dict[GATEWAY].promotions.service.campaigns(),
        ),
    )


def _require_admin(request: web.Request) -> None:
    if not staff(request).is_admin:
        raise web.HTTPForbidden(text="admins only")


async def handle_console_users(request: web.Request) -> web.Response:
    """Staff accounts (admins only)."""
    _require_admin(request)
    return _render(
        "console/users.html",
        request,
        page_context(
            request,
            users=await request.config_dict[CONSOLE].users.all(),
            roles=ROLES,
            notice=NOTICES.get(request.query.get("done", ""), ""),
            error=request.query.get("error", "") == "1",
        ),
    )


async def handle_console_user_save(request: web.Request) -> web.Response:
    """Create an account, or change one's role, regions and password (admins only)."""
    _require_admin(request)
    users = request.config_dict[CONSOLE].users
    form = await request.post()
    username = str(form.get("username", "")).strip().lower()
    role = str(form.get("role", ""))
    regions = parse_regions(str(form.get("regions", "")))
    password = str(form.get("password", ""))
    target = request.app.router["console_users"].url_for()
    try:
        if form.get("existing") == "1":
            if username == staff(request).username and role != staff(request).role:
                raise UserError("you cannot change your own role")
            await users.update(username, role, regions, password)
        else:
            await users.add(username, password, role, regions)
    except UserError as exc:
        log.info("account change refused", extra={"ctx_user": staff(request).username, "ctx_error": str(exc)})
        raise web.HTTPSeeOther(target.with_query(error="1")) from None
    log.info("account saved", extra={"ctx_user": staff(request).username, "ctx_account": username})
    raise web.HTTPSeeOther(target.with_query(done="user_saved"))


async def handle_console_user_remove(request: web.Request) -> web.Response:
    """Delete an account (admins only; not one's own); its sessions end at their next request."""
    _require_admin(request)
    username = request.match_info["username"]
    if username != staff(request).username:
        await request.config_dict[CONSOLE].users.remove(username)
        log.info("account removed", extra={"ctx_user": staff(request).username, "ctx_account": username})
    raise web.HTTPSeeOther(request.app.router["console_users"].url_for().with_query(done="user_removed"))
