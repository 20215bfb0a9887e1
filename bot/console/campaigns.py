"""Promotion campaigns in the console (admins only): the same operations as the campaign service offers."""

from __future__ import annotations

import logging
from datetime import datetime, timezone

import aiohttp_jinja2
from aiohttp import web
from multidict import MultiDictProxy

from backend.errors import PlatformError
from backend.models import AudienceQuery
from backend.phones import InvalidPhone, to_e164
from bot.console.auth import CONSOLE_TEMPLATES, page_context, staff
from bot.console.users import parse_regions
from bot.keys import GATEWAY, SETTINGS
from bot.messages import Channel
from bot.promotions.model import DEFAULT_LANGUAGE, CampaignError, Counter, WhatsAppTemplate

log = logging.getLogger("bot.console")

LANGUAGES = (("en", "English (required)"), ("sw", "Swahili"), ("hi", "Hinglish"))
# Each operation and what the page says once it is done.
OPERATIONS = {
    "test_send": "Test message queued.",
    "schedule": "Scheduled.",
    "pause": "Paused.",
    "resume": "Resumed.",
    "cancel": "Cancelled.",
}


def _require_admin(request: web.Request) -> None:
    if not staff(request).is_admin:
        raise web.HTTPForbidden(text="admins only")


def _timestamp(raw: str) -> float:
    """A `datetime-local` field read as UTC; 0 when empty."""
    if not raw:
        return 0.0
    try:
        return datetime.fromisoformat(raw).replace(tzinfo=timezone.utc).timestamp()
    except ValueError:
        raise CampaignError(f"not a date and time: {raw[:40]}") from None


async def _list_page(request: web.Request, error: str = "", status: int = 200) -> web.Response:
    service = request.config_dict[GATEWAY].promotions.service
    return aiohttp_jinja2.render_template(
        "console/campaigns.html",
        request,
        page_context(request, campaigns=await service.campaigns(), languages=LANGUAGES, error=error),
        status=status,
        app_key=CONSOLE_TEMPLATES,
    )


async def handle_console_campaigns(request: web.Request) -> web.Response:
    """Every campaign with its progress, and the form for a new one."""
    _require_admin(request)
    return await _list_page(request)


async def handle_console_campaign_create(request: web.Request) -> web.Response:
    """Save a new campaign as a draft."""
    _require_admin(request)
    form = await request.post()
    texts = {code: str(form.get(f"text_{code}", "")).strip() for code, _ in LANGUAGES}
    audience = AudienceQuery(
        regions=parse_regions(str(form.get("regions", ""))),
        languages=parse_regions(str(form.get("languages", ""))),
        store_types=parse_regions(str(form.get("store_types", ""))),
    )
    service = request.config_dict[GATEWAY].promotions.service
    try:
        campaign = await service.create(
            str(form.get("name", "")).strip()[:120],
            {code: text for code, text in texts.items() if text},
            audience,
            starts_at=_timestamp(str(form.get("starts_at", ""))),
            ends_at=_timestamp(str(form.get("ends_at", ""))),
            promo_id=str(form.get("promo_id", "")).strip(),
            skus=parse_regions(str(form.get("skus", ""))),
            whatsapp_template=_whatsapp_template(form),
        )
    except CampaignError as exc:
        return await _list_page(request, str(exc), 400)
    log.info("campaign created", extra={"ctx_user": staff(request).username, "ctx_campaign": campaign.campaign_id})
    raise web.HTTPSeeOther(request.app.router["console_campaign"].url_for(campaign_id=campaign.campaign_id))


def _whatsapp_template(form: MultiDictProxy[str | bytes | web.FileField]) -> WhatsAppTemplate | None:
    """The approved template for outside WhatsApp's window, from the form; None when neither id is given."""
    name = str(form.get("wa_template", "")).strip()
    content_sid = str(form.get("wa_content_sid", "")).strip()
    if not name and not content_sid:
        return None
    parameters = tuple(line.strip() for line in str(form.get("wa_params", "")).splitlines() if line.strip())
    language = str(form.get("wa_language", "")).strip() or DEFAULT_LANGUAGE
    return WhatsAppTemplate(name, language, parameters, content_sid)


async def _detail_page(request: web.Request, notice: str = "", error: str = "", status: int = 200) -> web.Response:
    service = request.config_dict[GATEWAY].promotions.service
    campaign_id = request.match_info["campaign_id"]
    try:
        campaign = await service.get(campaign_id)
        progress = await service.progress(campaign_id)
    except CampaignError:
        raise web.HTTPNotFound(text="no such campaign") from None
    try:
        preview = await service.preview(campaign_id)
    except (CampaignError, PlatformError) as exc:
        preview, error = None, error or f"No preview: {exc}"
    return aiohttp_jinja2.render_template(
        "console/campaign.html",
        request,
        page_context(
            request,
            campaign=campaign,
            progress=progress,
            counters=tuple(Counter),
            preview=preview,
            channels=(Channel.SMS, Channel.WHATSAPP),
            notice=notice,
            error=error,
        ),
        status=status,
        app_key=CONSOLE_TEMPLATES,
    )


async def handle_console_campaign(request: web.Request) -> web.Response:
    """One campaign: its definition, a preview of who gets what, its progress, and what can be done next."""
    _require_admin(request)
    return await _detail_page(request, notice=OPERATIONS.get(request.query.get("done", ""), ""))


async def handle_console_campaign_operation(request: web.Request) -> web.Response:
    """Test-send, schedule, pause, resume or cancel."""
    _require_admin(request)
    operation = request.match_info["operation"]
    if operation not in OPERATIONS:
        raise web.HTTPNotFound()
    campaign_id = request.match_info["campaign_id"]
    service = request.config_dict[GATEWAY].promotions.service
    form = await request.post()
    try:
        if operation == "test_send":
            phone = to_e164(str(form.get("phone", "")), request.config_dict[SETTINGS].default_region)
            channel = str(form.get("channel", Channel.SMS))
            if channel not in (Channel.SMS, Channel.WHATSAPP):
                raise CampaignError("choose sms or whatsapp")
            await service.test_send(campaign_id, phone, channel, str(form.get("store_id", "")).strip())
        elif operation == "schedule":
            starts_at = _timestamp(str(form.get("starts_at", "")))
            await service.schedule(campaign_id, starts_at or None)
        else:
            await getattr(service, operation)(campaign_id)
    except InvalidPhone:
        return await _detail_page(request, error="Not a phone number.", status=400)
    except (CampaignError, PlatformError) as exc:
        return await _detail_page(request, error=str(exc), status=409)
    log.info(
        "campaign operation",
        extra={"ctx_user": staff(request).username, "ctx_campaign": campaign_id, "ctx_op": operation},
    )
    # Post, redirect, get: reloading the page repeats nothing.
    detail = request.app.router["console_campaign"].url_for(campaign_id=campaign_id)
    raise web.HTTPSeeOther(detail.with_query(done=operation))


def add_campaign_routes(router: web.UrlDispatcher) -> None:
    """The campaign pages under /console/campaigns."""
    router.add_get("/console/campaigns", handle_console_campaigns, name="console_campaigns")
    router.add_post("/console/campaigns", handle_console_campaign_create)
    router.add_get("/console/campaigns/{campaign_id}", handle_console_campaign, name="console_campaign")
    router.add_post(
        "/console/campaigns/{campaign_id}/{operation}",
        handle_console_campaign_operation,
        name="console_campaign_operation",
    )
