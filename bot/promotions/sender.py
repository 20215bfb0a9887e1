"""Sending promotions: each worker reads its campaign entries one at a time and sends each store its promotion.

Exactly once per phone: a phone is claimed in the campaign's `sent` hash right before its send, and the claim
becomes `sent` in the same transaction that acknowledges the entry; a send whose outcome is unknown waits for
its receipt (`bot/promotions/receipts.py`).
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, Mapping

from redis.asyncio import Redis
from redis.exceptions import RedisError

from backend.logs import mask_phone
from bot.promotions.campaigns import SendPlan
from bot.promotions.conductor import Conductor, FanoutPolicy
from bot.promotions.message import StoreChannels, Target, pace_of
from bot.promotions.model import Campaign, CampaignStatus, Counter
from bot.promotions.pace import ChannelPace
from bot.promotions.receipts import Receipts
from bot.promotions.schedule import QuietHours
from bot.promotions.store import GROUP, CampaignStore, consumer_name
from bot.sending import DeliveryState, Mark, Outcome, Sending
from bot.streams import WORKER_BACKOFF

log = logging.getLogger("bot.promotions")


class PromotionSender:
    """The promotion workers of one gateway process; any number of processes share each campaign's queue."""

    def __init__(
        self,
        redis: Redis,
        campaigns: CampaignStore,
        sending: Sending,
        channels: StoreChannels,
        receipts: Receipts,
        conductor: Conductor,
        pace: ChannelPace,
        quiet: QuietHours,
        policy: FanoutPolicy,
        instance_id: str,
    ) -> None:
        self._redis = redis
        self._campaigns = campaigns
        self._sending = sending
        self._channels = channels
        self._receipts = receipts
        self._conductor = conductor
        self._pace = pace
        self._quiet = quiet
        self._policy = policy
        self._instance = instance_id
        self._stopping = False
        self._running: tuple[float, list[str]] = (0.0, [])

    def stop(self) -> None:
        """Ask the workers to finish the send in hand and return."""
        self._stopping = True

    async def _running_ids(self) -> list[str]:
        at, ids = self._running
        if time.monotonic() - at < self._policy.tick:
            return ids
        ids = []
        for campaign_id in await self._campaigns.ids():
            status = await self._campaigns.status(campaign_id)
            if status == CampaignStatus.RUNNING or (
                status == CampaignStatus.CANCELLED and not await self._campaigns.finished(campaign_id)
            ):
                ids.append(campaign_id)
        self._running = (time.monotonic(), ids)
        return ids

    async def send_loop(self, n: int) -> None:
        """Until stopped: this worker's unfinished entries first, then new ones, one at a time.

        Unfinished entries (left by a restart, a takeover, a pause) are looked for at the start, whenever
        the worker found nothing new, and after this process took over a stopped one's entries.
        """
        consumer = consumer_name(self._instance, n)
        failures = 0
        recheck, takeovers = True, self._conductor.takeovers
        while not self._stopping:
            try:
                worked = await self._work_once(consumer, recheck)
                failures = 0
                recheck = not worked or takeovers != self._conductor.takeovers
                takeovers = self._conductor.takeovers
                if not worked:
                    await asyncio.sleep(self._policy.tick / 2)
            except asyncio.CancelledError:
                raise
            except (RedisError, OSError) as exc:
                failures += 1
                log.warning("promotion sender waiting for redis", extra={"ctx_error": type(exc).__name__})
                await asyncio.sleep(WORKER_BACKOFF.compute(failures))
            except Exception:
                failures += 1
                log.exception("promotion sender failed")
                await asyncio.sleep(WORKER_BACKOFF.compute(failures))

    async def _work_once(self, consumer: str, recheck: bool) -> bool:
        """One entry of each running campaign (its own unfinished one first when `recheck`); False when none."""
        worked = False
        for campaign_id in await self._running_ids():
            await self._campaigns.ensure_queue(campaign_id)
            key = self._campaigns.queue_key(campaign_id)
            entries = []
            if recheck:
                batch = await self._redis.xreadgroup(GROUP, consumer, {key: "0"}, count=1)
                entries = [e for e in (batch[0][1] if batch else []) if e[1]]
            if not entries:
                batch = await self._redis.xreadgroup(GROUP, consumer, {key: ">"}, count=1)
                entries = batch[0][1] if batch else []
            for entry_id, fields in entries:
                worked = True
                await self.deliver(campaign_id, str(entry_id), fields)
                if self._stopping:
                    return worked
        return worked

    async def deliver(self, campaign_id: str, entry_id: str, fields: Mapping[str, str]) -> None:
        """Send one store its promotion, or say why not; an entry left unacknowledged is tried again."""
        target = Target.from_field(fields["store"])
        status, opted_out, claim = await self._campaigns.standing(campaign_id, target.store_id, target.phone)
        if status == CampaignStatus.CANCELLED:
            await self._campaigns.ack(campaign_id, entry_id, Counter.CANCELLED)
            return
        if status != CampaignStatus.RUNNING:
            return
        campaign, plan = await self._campaigns.definition(campaign_id)
        now = time.time()
        if campaign.ends_at and now >= campaign.ends_at:
            await self._campaigns.ack(campaign_id, entry_id, Counter.EXPIRED)
            return
        if opted_out:
            await self._campaigns.ack(campaign_id, entry_id, Counter.SKIPPED_OPT_OUT)
            return
        allowed = self._quiet.next_allowed(now, target.timezone)
        if allowed > now:
            if campaign.ends_at and allowed >= campaign.ends_at:
                await self._campaigns.ack(campaign_id, entry_id, Counter.SKIPPED_QUIET_HOURS)
                return
            await self._campaigns.park(
                campaign_id, entry_id, target.to_field(), "later", allowed, Counter.WAITING_QUIET_HOURS
            )
            return
        if claim is not None:
            await self._already_claimed(campaign_id, entry_id, target, Mark.decode(claim))
            return
        await self._send(campaign_id, campaign, plan, target, entry_id)

    async def _already_claimed(self, campaign_id: str, entry_id: str, target: Target, mark: Mark | None) -> None:
        """A phone claimed before: by this store before a restart (settled or in flight), or by another store."""
        if mark is None or mark.owner != target.store_id:
            await self._campaigns.ack(campaign_id, entry_id, Counter.SKIPPED_SAME_PHONE)
        elif mark.state is DeliveryState.SENDING:
            log.warning(
                "a promotion was in flight when its worker stopped; waiting for the provider's receipt",
                extra={"ctx_campaign": campaign_id, "ctx_to": mask_phone(target.phone)},
            )
            await self._receipts.await_receipt(campaign_id, entry_id, target)
        else:
            # Settled and counted already: only the acknowledgement was lost.
            await self._campaigns.ack(campaign_id, entry_id)

    async def _send(self, campaign_id: str, campaign: Campaign, plan: SendPlan, target: Target, entry_id: str) -> None:
        ctx: dict[str, Any] = {"ctx_campaign": campaign_id, "ctx_to": mask_phone(target.phone)}
        prepared = await self._channels.prepared(campaign, plan, target)
        if not prepared.sendable:
            await self._campaigns.ack(campaign_id, entry_id, Counter.SKIPPED_WINDOW)
            return
        await self._pace.acquire(pace_of(prepared.channel), prepared.cost)
        # A STOP, pause or cancel may have come in while this send waited for its slot.
        status, opted_out, _ = await self._campaigns.standing(campaign_id, target.store_id, target.phone)
        if opted_out:
            await self._campaigns.ack(campaign_id, entry_id, Counter.SKIPPED_OPT_OUT)
            return
        if status != CampaignStatus.RUNNING:
            return
        # Claimed only now, so a worker killed while waiting for its slot leaves nothing in flight behind.
        claim = self._campaigns.claim(campaign_id, target.phone)
        attempt = await self._sending.send(
            prepared.message, claim, ctx, owner=target.store_id, template=prepared.call, await_receipt=True
        )
        if attempt.outcome is Outcome.CLAIMED:
            mark = await self._campaigns.mark(campaign_id, target.phone)
            await self._already_claimed(campaign_id, entry_id, target, mark)
        elif attempt.outcome is Outcome.UNCERTAIN:
            await self._receipts.await_receipt(campaign_id, entry_id, target)
        elif attempt.outcome is Outcome.RETRY:
            # The entry stays pending; the whole channel waits out a 429.
            await self._pace.pause(pace_of(prepared.channel), attempt.delay)
        elif attempt.sent is None:
            failed = Mark(DeliveryState.FAILED, target.store_id)
            await self._campaigns.settle(campaign_id, entry_id, target.phone, failed, Counter.FAILED)
        else:
            sent = Mark(DeliveryState.SENT, target.store_id, attempt.sent.provider_id)
            await self._campaigns.settle(campaign_id, entry_id, target.phone, sent, Counter.SENT)
            await self._receipts.record_sent(campaign_id, plan, target, prepared, attempt.sent)
