"""The campaign fan-out of one gateway process: its conductor and its senders, sharing the campaigns' queues
with every other gateway through Redis."""

from __future__ import annotations

import asyncio

from redis.asyncio import Redis

from backend.client import PlatformClient
from bot.menus import MenuStore
from bot.promotions.conductor import Conductor, FanoutPolicy
from bot.promotions.message import StoreChannels
from bot.promotions.pace import ChannelPace
from bot.promotions.receipts import Receipts
from bot.promotions.schedule import QuietHours
from bot.promotions.sender import PromotionSender
from bot.promotions.store import CampaignStore
from bot.sending import Sending
from bot.transcripts import TranscriptStore


class Fanout:
    """Queues each running campaign's audience and sends it; any number of gateways share the work."""

    def __init__(
        self,
        redis: Redis,
        campaigns: CampaignStore,
        platform: PlatformClient,
        sending: Sending,
        transcripts: TranscriptStore,
        menus: MenuStore,
        pace: ChannelPace,
        quiet: QuietHours,
        policy: FanoutPolicy,
        instance_id: str,
    ) -> None:
        channels = StoreChannels(transcripts, sending.senders, policy.default_channel)
        receipts = Receipts(campaigns, sending, channels, menus, policy.receipt_grace)
        self.conductor = Conductor(redis, campaigns, platform, receipts, policy, instance_id)
        self.sender = PromotionSender(
            redis, campaigns, sending, channels, receipts, self.conductor, pace, quiet, policy, instance_id
        )
        self._concurrency = policy.concurrency

    def stop(self) -> None:
        """Ask the conductor and the senders to finish what they hold and return."""
        self.conductor.stop()
        self.sender.stop()

    def tasks(self) -> list[asyncio.Task[None]]:
        """The conductor and the senders of this process."""
        return [asyncio.create_task(self.conductor.conduct())] + [
            asyncio.create_task(self.sender.send_loop(n)) for n in range(self._concurrency)
        ]
