"""Conducting campaigns: start them when due, queue their audiences, wake stores after quiet hours, take over the
entries of stopped workers, settle sends awaiting receipts, and finish each campaign once nothing is left."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, replace

from redis.asyncio import Redis
from redis.exceptions import RedisError, ResponseError

from backend.client import PlatformClient
from backend.errors import PlatformError
from bot.messages import Channel
from bot.promotions.message import Target
from bot.promotions.model import CampaignStatus, Counter
from bot.promotions.receipts import Receipts
from bot.promotions.store import GROUP, CampaignStore, consumer_name

log = logging.getLogger("bot.promotions")


@dataclass(frozen=True)
class FanoutPolicy:
    """How the fan-out works: its pace, how many sends in flight, how long a silent worker is trusted."""

    concurrency: int = 8
    page_size: int = 1000
    lease_ttl: float = 15.0
    receipt_grace: float = 600.0
    consent_poll: float = 5.0
    default_channel: str = Channel.SMS
    tick: float = 0.5


class Conductor:
    """Looks after every campaign once a tick; any number of gateways may run one, locks keep them apart."""

    def __init__(
        self,
        redis: Redis,
        campaigns: CampaignStore,
        platform: PlatformClient,
        receipts: Receipts,
        policy: FanoutPolicy,
        instance_id: str,
    ) -> None:
        self._redis = redis
        self._campaigns = campaigns
        self._platform = platform
        self._receipts = receipts
        self._policy = policy
        self._instance = instance_id
        self._stopping = False
        self._next_consent_poll = 0.0
        # How many times this process took over a stopped one's entries: its senders then look at theirs again.
        self.takeovers = 0

    def stop(self) -> None:
        """Ask the conductor to finish the campaign in hand and return."""
        self._stopping = True

    @property
    def _lease_ms(self) -> int:
        return int(self._policy.lease_ttl * 1000)

    async def conduct(self) -> None:
        """Until stopped, look after every campaign once a tick."""
        while not self._stopping:
            try:
                await self._redis.set(self._campaigns.alive_key(self._instance), "1", px=self._lease_ms)
                await self.follow_consent()
                for campaign_id in await self._campaigns.ids():
                    await self._look_after(campaign_id)
            except asyncio.CancelledError:
                raise
            except (RedisError, OSError, PlatformError) as exc:
                log.warning("campaign conductor waiting", extra={"ctx_error": type(exc).__name__})
            except Exception:
                log.exception("campaign conductor failed")
            await asyncio.sleep(self._policy.tick)

    async def follow_consent(self) -> None:
        """Apply the platform's consent changes (staff, imports) in order, so running campaigns honour them too."""
        if time.monotonic() < self._next_consent_poll:
            return
        self._next_consent_poll = time.monotonic() + self._policy.consent_poll
        lock = f"{self._campaigns.consent_cursor_key}:lock"
        if not await self._redis.set(lock, self._instance, nx=True, px=self._lease_ms):
            return
        try:
            after = int(await self._redis.get(self._campaigns.consent_cursor_key) or 0)
            while not self._stopping:
                changes, next_after = await self._platform.consent_changes(after)
                for change in changes:
                    await self._campaigns.consent_changed([change.store_id], change.opt_in)
                if changes:
                    after = changes[-1].change_id
                    pipe = self._redis.pipeline(transaction=True)
                    pipe.set(self._campaigns.consent_cursor_key, after)
                    pipe.pexpire(lock, self._lease_ms)
                    await pipe.execute()
                if next_after is None:
                    break
        finally:
            await self._redis.delete(lock)

    async def _look_after(self, campaign_id: str) -> None:
        status = await self._start_if_due(campaign_id)
        if status == CampaignStatus.CANCELLED and not await self._campaigns.finished(campaign_id):
            await self._reclaim(campaign_id)
            await self._receipts.settle_awaiting(campaign_id)
            await self._finish_if_done(campaign_id, CampaignStatus.CANCELLED)
        if status != CampaignStatus.RUNNING:
            return
        if (await self._campaigns.state(campaign_id)).get("queued_all") != "1":
            await self.queue_audience(campaign_id)
        await self._campaigns.wake(campaign_id, time.time())
        await self._reclaim(campaign_id)
        await self._receipts.settle_awaiting(campaign_id)
        await self._finish_if_done(campaign_id, CampaignStatus.RUNNING)

    async def _start_if_due(self, campaign_id: str) -> str:
        """The campaign's status, once a scheduled one whose start came is running."""
        status = await self._campaigns.status(campaign_id)
        if status != CampaignStatus.SCHEDULED:
            return status
        campaign = await self._campaigns.load(campaign_id)
        if campaign.starts_at > time.time():
            return status
        await self._campaigns.set_status(campaign_id, CampaignStatus.RUNNING)
        log.info("campaign started", extra={"ctx_campaign": campaign_id})
        return CampaignStatus.RUNNING

    async def queue_audience(self, campaign_id: str) -> int:
        """Queue the audience page by page; each page and its cursor in one transaction, so a crash repeats none."""
        lock = self._campaigns.key(campaign_id, "queuer")
        if not await self._redis.set(lock, self._instance, nx=True, px=self._lease_ms):
            return 0
        await self._campaigns.ensure_queue(campaign_id)
        campaign = await self._campaigns.load(campaign_id)
        state_key = self._campaigns.key(campaign_id, "state")
        after = (await self._campaigns.state(campaign_id)).get("cursor", "")
        total = 0
        while not self._stopping and await self._campaigns.status(campaign_id) == CampaignStatus.RUNNING:
            query = replace(campaign.audience, after=after, limit=self._policy.page_size)
            stores, next_after = await self._platform.promo_audience(query)
            targets = [Target.of(s) for s in stores if s.phones]
            pipe = self._redis.pipeline(transaction=True)
            for target in targets:
                pipe.xadd(self._campaigns.queue_key(campaign_id), {"store": target.to_field()})
            if stores:
                pipe.hset(state_key, "cursor", stores[-1].store_id)
            if next_after is None:
                pipe.hset(state_key, "queued_all", "1")
            pipe.hincrby(self._campaigns.key(campaign_id, "progress"), Counter.QUEUED, len(targets))
            pipe.pexpire(lock, self._lease_ms)
            await pipe.execute()
            total += len(targets)
            if next_after is None:
                break
            after = next_after
        await self._redis.delete(lock)
        log.info("campaign audience queued", extra={"ctx_campaign": campaign_id, "ctx_count": total})
        return total

    async def _reclaim(self, campaign_id: str) -> None:
        """Take the unfinished entries of workers whose process stopped answering."""
        key = self._campaigns.queue_key(campaign_id)
        try:
            summary = await self._redis.xpending(key, GROUP)
        except ResponseError:
            return
        for n, consumer in enumerate(summary.get("consumers") or ()):
            name = str(consumer["name"])
            instance = name.rsplit(":", 1)[0]
            if instance == self._instance or await self._redis.exists(self._campaigns.alive_key(instance)):
                continue
            rows = await self._redis.xpending_range(key, GROUP, "-", "+", 100, consumername=name)
            ids = [row["message_id"] for row in rows]
            if ids:
                taker = consumer_name(self._instance, n % self._policy.concurrency)
                await self._redis.xclaim(key, GROUP, taker, 0, ids)
                self.takeovers += 1
                log.warning(
                    "took over a stopped worker's promotions",
                    extra={"ctx_campaign": campaign_id, "ctx_count": len(ids)},
                )

    async def _finish_if_done(self, campaign_id: str, status: str) -> None:
        """Close a campaign whose every store is settled (a cancelled one: its stream drained) and free its queue."""
        if await self._redis.zcard(self._campaigns.key(campaign_id, "checking")):
            return
        if status == CampaignStatus.CANCELLED:
            await self._campaigns.drop_waiting(campaign_id)
        elif await self._redis.zcard(self._campaigns.key(campaign_id, "later")):
            return
        if status == CampaignStatus.RUNNING and (await self._campaigns.state(campaign_id)).get("queued_all") != "1":
            return
        if not await self._campaigns.queue_drained(campaign_id):
            return
        await self._campaigns.free_queue(campaign_id)
        if status == CampaignStatus.RUNNING:
            await self._campaigns.set_status(campaign_id, CampaignStatus.DONE)
        log.info("campaign finished", extra={"ctx_campaign": campaign_id, "ctx_status": status})
