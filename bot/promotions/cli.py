"""`python -m bot promotions ...`: operators create, preview, test, schedule, pause, resume and cancel campaigns."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import aiohttp

from backend.errors import PlatformError
from backend.models import AudienceQuery
from backend.phones import InvalidPhone, to_e164
from bot.promotions.model import CampaignError, CampaignStatus, Counter, WeChatTemplate, WhatsAppTemplate
from bot.settings import Settings


def add_commands(commands: Any) -> None:
    """The `promotions` sub-commands."""
    parser = commands.add_parser("promotions", help="promotion campaigns")
    sub = parser.add_subparsers(dest="action", required=True)
    create = sub.add_parser("create", help="save a campaign as a draft; prints its id")
    create.add_argument("--name", required=True)
    create.add_argument("--text", action="append", default=[], metavar="LANG=TEMPLATE", help="repeat per language")
    create.add_argument("--text-file", action="append", default=[], metavar="LANG=PATH")
    create.add_argument("--region", action="append", default=[])
    create.add_argument("--language", action="append", default=[])
    create.add_argument("--store-type", action="append", default=[])
    create.add_argument("--bought-category", default="")
    create.add_argument("--bought-within-days", type=int, default=30)
    create.add_argument("--idle-days", type=int, default=0)
    create.add_argument("--start", default="", help="ISO 8601; when sending may begin (default: when scheduled)")
    create.add_argument("--end", default="", help="ISO 8601; stores not reached by then are not sent to")
    create.add_argument("--promo-id", default="", help="the platform promotion whose items and prices it offers")
    create.add_argument("--sku", action="append", default=[], help="a product at catalog price (repeat)")
    create.add_argument("--wa-template", default="", help="approved WhatsApp template for outside the 24 h window")
    create.add_argument("--wa-language", default="en")
    create.add_argument("--wa-param", action="append", default=[], help="a template body parameter (repeat)")
    create.add_argument("--wa-content-sid", default="", help="the same template's Twilio Content SID (HX...)")
    create.add_argument("--wechat-template", default="", help="WeChat template id for outside the 48 h window")
    create.add_argument(
        "--wechat-field", action="append", default=[], metavar="KEY=TEMPLATE", help="a template data key (repeat)"
    )
    for name, text in (
        ("preview", "dry run: audience size, a sample per language, SMS segments"),
        ("schedule", "fix prices and start at --start (or now)"),
        ("pause", "stop sending; the rest waits"),
        ("resume", "send again"),
        ("cancel", "stop for good"),
        ("progress", "queued, sent, delivered, failed, skipped"),
    ):
        command = sub.add_parser(name, help=text)
        command.add_argument("campaign_id")
        if name == "schedule":
            command.add_argument("--start", default="")
    test = sub.add_parser("test-send", help="send the campaign's message to one phone")
    test.add_argument("campaign_id")
    test.add_argument("phone")
    test.add_argument("--channel", default="sms")
    test.add_argument("--store-id", default="", help="render it as this store would read it")
    sub.add_parser("list", help="every campaign and its progress")


def _epoch(text: str) -> float:
    if not text:
        return 0.0
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def _texts(args: argparse.Namespace) -> dict[str, str]:
    texts = {}
    for pair in args.text:
        language, _, text = pair.partition("=")
        texts[language.strip()] = text
    for pair in args.text_file:
        language, _, path = pair.partition("=")
        texts[language.strip()] = Path(path).read_text(encoding="utf-8")
    return texts


def _wechat_template(args: argparse.Namespace) -> WeChatTemplate | None:
    if not args.wechat_template:
        return None
    pairs = (pair.partition("=") for pair in args.wechat_field)
    return WeChatTemplate(args.wechat_template, tuple((key.strip(), value) for key, _, value in pairs))


async def _run(settings: Settings, args: argparse.Namespace) -> Any:
    from bot.app import build_gateway, open_redis

    redis = open_redis(settings)
    async with aiohttp.ClientSession() as http:
        gateway = build_gateway(settings, redis, http)
        service = gateway.promotions.service
        try:
            if args.action == "create":
                template = WhatsAppTemplate(
                    args.wa_template, args.wa_language, tuple(args.wa_param), args.wa_content_sid
                )
                campaign = await service.create(
                    args.name,
                    _texts(args),
                    AudienceQuery(
                        tuple(args.region),
                        tuple(args.language),
                        tuple(args.store_type),
                        args.bought_category,
                        args.bought_within_days,
                        args.idle_days,
                    ),
                    _epoch(args.start),
                    _epoch(args.end),
                    args.promo_id,
                    tuple(args.sku),
                    template if args.wa_template or args.wa_content_sid else None,
                    _wechat_template(args),
                )
                return {"campaign_id": campaign.campaign_id, "status": CampaignStatus.DRAFT.value}
            if args.action == "preview":
                return asdict(await service.preview(args.campaign_id))
            if args.action == "test-send":
                phone = to_e164(args.phone, settings.default_region)
                queued = await service.test_send(args.campaign_id, phone, args.channel, args.store_id)
                return {Counter.QUEUED.value: len(queued)}
            if args.action == "schedule":
                campaign = await service.schedule(args.campaign_id, _epoch(args.start) if args.start else None)
                return {
                    "campaign_id": campaign.campaign_id,
                    "status": CampaignStatus.SCHEDULED.value,
                    "starts_at": campaign.starts_at,
                }
            if args.action in ("pause", "resume", "cancel"):
                await getattr(service, args.action)(args.campaign_id)
                return (await service.progress(args.campaign_id)).to_json()
            if args.action == "progress":
                return (await service.progress(args.campaign_id)).to_json()
            return [p.to_json() for p in await service.campaigns()]
        finally:
            await gateway.platform.close()
            await redis.close(close_connection_pool=True)


def run(settings: Settings, args: argparse.Namespace) -> int:
    """Run one `promotions` command; print its result as JSON."""
    try:
        result = asyncio.run(_run(settings, args))
    except (CampaignError, PlatformError, InvalidPhone, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2, ensure_ascii=False, default=str))
    return 0
