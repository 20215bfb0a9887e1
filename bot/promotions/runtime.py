"""The promotion parts of one gateway process, wired from its settings."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from redis.asyncio import Redis

from backend.client import PlatformClient
from bot.menus import MenuStore
from bot.messages import Channel
from bot.outbox import Outbox
from bot.promotions.conductor import FanoutPolicy
from bot.promotions.fanout import Fanout
from bot.promotions.pace import ChannelPace
from bot.promotions.schedule import QuietHours
from bot.promotions.service import CampaignService
from bot.promotions.store import CampaignStore
from bot.sending import Sending
from bot.settings import Settings
from bot.transcripts import TranscriptStore


@dataclass(frozen=True)
class Promotions:
    """Campaign records, the fan-out workers and the operators' service."""

    campaigns: CampaignStore
    fanout: Fanout
    service: CampaignService


def build_promotions(
    settings: Settings,
    redis: Redis,
    campaigns: CampaignStore,
    platform: PlatformClient,
    sending: Sending,
    transcripts: TranscriptStore,
    menus: MenuStore,
    outbox: Outbox,
) -> Promotions:
    """Wire campaigns to the gateway's connections, sending, transcripts, menus and outbox."""
    pace = ChannelPace(
        redis,
        settings.key_prefix,
        {
            "sms": settings.promo_sms_per_second,
            "whatsapp": settings.promo_whatsapp_per_second,
            "wechat": settings.promo_wechat_per_second,
        },
    )
    policy = FanoutPolicy(
        concurrency=settings.promo_concurrency,
        lease_ttl=settings.lease_ttl,
        receipt_grace=settings.promo_receipt_grace,
        consent_poll=settings.promo_consent_poll,
        default_channel=settings.promo_default_channel or Channel.SMS,
    )
    fanout = Fanout(
        redis,
        campaigns,
        platform,
        sending,
        transcripts,
        menus,
        pace,
        QuietHours.parse(settings.promo_quiet_hours),
        policy,
        # Without a stable id a restarted process is a new worker; the old one's entries are taken over after its lease.
        settings.instance_id or uuid.uuid4().hex,
    )
    return Promotions(campaigns, fanout, CampaignService(campaigns, platform, outbox))
