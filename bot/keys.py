"""Typed keys for the gateway's state on the aiohttp application."""

from __future__ import annotations

from dataclasses import dataclass

import aiohttp
from aiohttp import web
from redis.asyncio import Redis

from backend.client import PlatformClient
from bot.inbox import Inbox
from bot.outbox import Outbox
from bot.promotions.runtime import Promotions
from bot.rasa import RasaClient
from bot.settings import Settings
from bot.transcripts import TranscriptStore


@dataclass(frozen=True)
class Gateway:
    """The gateway's open resources, built once at start-up."""

    settings: Settings
    redis: Redis
    http: aiohttp.ClientSession
    platform: PlatformClient
    rasa: RasaClient
    transcripts: TranscriptStore
    outbox: Outbox
    inbox: Inbox
    promotions: Promotions


SETTINGS = web.AppKey("settings", Settings)
GATEWAY = web.AppKey("gateway", Gateway)
