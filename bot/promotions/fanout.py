"""The campaign fan-out: the audience queued on a Redis stream, sent by a consumer group at each channel's pace.

Exactly once per phone: a phone is claimed in the campaign's `sent` hash right before its send, and the
claim becomes `sent` in the same transaction that acknowledges the entry. A send whose outcome is unknown (its
worker was killed mid-send, or the provider's answer was lost to a timeout) leaves the claim behind and waits,
`awaiting_receipt`, for proof the provider took it: a delivery receipt carrying the promotion's message id,
or, once the receipt grace is over, the provider's message log where it keeps one (Twilio). With proof it
counts as sent; without, the provider never took it, so it is sent again.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass, replace
from typing import Any, Mapping

from redis.asyncio import Redis
from redis.exceptions import RedisError, ResponseError

from backend.client import PlatformClient
from backend.errors import PlatformError
from backend.logs import mask_phone
from backend.models import AudienceStore
from bot.errors import SendRetryable
from bot.menus import MenuStore
from bot.messages import SIMULATOR, SMS, TWILIO_WHATSAPP, WHATSAPP, Outbound
from bot.promotions.campaigns import CampaignStore, SendPlan, compose, promo_message_id, template_parameters
from bot.promotions.model import CANCELLED, DONE, RUNNING, SCHEDULED, Campaign, WhatsAppTemplate
from bot.promotions.pace import ChannelPace
from bot.promotions.schedule import QuietHours
from bot.promotions.templates import TemplateRefused
from bot.sending import DeliveryState, Mark, Outcome, Sending, Sent, TemplateCall
from bot.sms import segment_count, transliterate
from bot.streams import create_group
from bot.transcripts import TranscriptStore

log = logging.getLogger("bot.promotions")

GROUP = "senders"
WHATSAPP_WINDOW = 24 * 3600
SMS_LIKE = frozenset({SMS, SIMULATOR})

# Park an entry until a time (quiet hours over, a receipt's grace over): in a sorted set, acknowledged in the
# stream, counted as waiting.
_PARK = """
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
redis.call('XACK', KEYS[2], ARGV[3], ARGV[4])
redis.call('HINCRBY', KEYS[3], ARGV[5], 1)
return 1
"""

# A cancelled campaign's stores waiting for quiet hours to end will not be sent to.
_DROP_WAITING = """
local n = redis.call('ZCARD', KEYS[1])
if n == 0 then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HINCRBY', KEYS[2], 'waiting_quiet_hours', -n)
redis.call('HINCRBY', KEYS[2], 'cancelled', n)
return n
"""

# A send awaiting its receipt proved taken: the phone's claim becomes sent, counted once.
_PROVED = """
if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
redis.call('HINCRBY', KEYS[3], 'awaiting_receipt', -1)
redis.call('HINCRBY', KEYS[3], 'sent', 1)
return 1
"""

# No proof the provider took it: release the phone's claim and queue the store again.
_UNPROVED = """
if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
local claim = redis.call('HGET', KEYS[2], ARGV[2])
if claim and string.sub(claim, 1, #ARGV[3]) == ARGV[3] then redis.call('HDEL', KEYS[2], ARGV[2]) end
redis.call('XADD', KEYS[4], '*', 'store', ARGV[1])
redis.call('HINCRBY', KEYS[3], 'awaiting_receipt', -1)
return 1
"""

# Move entries whose quiet hours are over back onto the stream.
_WAKE = """
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, member in ipairs(due) do
  redis.call('XADD', KEYS[2], '*', 'store', member)
  redis.call('ZREM', KEYS[1], member)
end
if #due > 0 then redis.call('HINCRBY', KEYS[3], 'waiting_quiet_hours', -#due) end
return #due
"""


@dataclass(frozen=True)
class FanoutPolicy:
    """How the fan-out works: its pace, how many sends in flight, how long a silent worker is trusted."""

    concurrency: int = 8
    page_size: int = 1000
    lease_ttl: float = 15.0
    receipt_grace: float = 600.0
    consent_poll: float = 5.0
    default_channel: str = SMS
    tick: float = 0.5


@dataclass(frozen=True)
class Target:
    """One store as its stream entry carries it."""

    store_id: str
    name: str
    phone: str
    region: str
    language: str
    timezone: str

    @classmethod
    def of(cls, store: AudienceStore) -> Target:
        """The store's first phone is where its promotions go."""
        return cls(store.store_id, store.name, store.phones[0], store.region, store.language, store.timezone)

    def to_field(self) -> str:
        """The stream entry's field."""
        return json.dumps([self.store_id, self.name, self.phone, self.region, self.language, self.timezone])

    @classmethod
    def from_field(cls, raw: str) -> Target:
        """Parse the stream entry's field."""
        return cls(*json.loads(raw))


class PhoneClaim:
    """A promotion's mark on its phone in the campaign's `sent` hash, and its failed attempts."""

    def __init__(self, redis: Redis, sent_key: str, attempts_key: str, phone: str) -> None:
        self._redis = redis
        self._sent_key = sent_key
        self._attempts_key = attempts_key
        self._phone = phone

    async def begin(self, mark: Mark) -> bool:
        """Claim the phone; False when a store (this one before a restart, or another) claimed it first."""
        return bool(await self._redis.hsetnx(self._sent_key, self._phone, mark.encode()))

    async def release(self) -> None:
        """Release the phone's claim."""
        await self._redis.hdel(self._sent_key, self._phone)

    async def count_attempt(self) -> int:
        """Count one more failed attempt."""
        return int(await self._redis.hincrby(self._attempts_key, self._phone, 1))


# Sends awaiting a receipt looked at per campaign and tick.
CHECK_BATCH = 100


@dataclass(frozen=True)
class Prepared:
    """One store's promotion ready to send: its channel, its text, the template outside WhatsApp's window."""

    channel: str
    message: Outbound
    template: WhatsAppTemplate | None
    template_id: str
    parameters: tuple[str, ...]
    cost: int

    @property
    def sendable(self) -> bool:
        """False outside WhatsApp's window when the campaign has no template this channel can send."""
        return self.template is None or bool(self.template_id)

    @property
    def call(self) -> TemplateCall | None:
        """The template to send instead of the text, outside WhatsApp's window."""
        if self.template is None:
            return None
        return TemplateCall(self.template_id, self.template.language, self.parameters)

    @property
    def shown(self) -> str:
        """The promotion as the transcript shows it."""
        if self.template is None:
            return self.message.text
        return f"[template {self.template.name or self.template_id}] " + " | ".join(self.parameters)


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
        self._redis = redis
        self._campaigns = campaigns
        self._platform = platform
        self._sending = sending
        self._transcripts = transcripts
        self._menus = menus
        self._pace = pace
        self._quiet = quiet
        self._policy = policy
        self._instance = instance_id
        self._stopping = False
        self._running: tuple[float, list[str]] = (0.0, [])
        self._cache: dict[str, tuple[Campaign, SendPlan]] = {}
        self._groups: set[str] = set()
        self._next_consent_poll = 0.0
        self._takeovers = 0

    def stop(self) -> None:
        """Ask the workers to finish the send in hand and return."""
        self._stopping = True

    def stream_key(self, campaign_id: str) -> str:
        """The campaign's queue."""
        return self._campaigns.key(campaign_id, "queue")

    def _consumer(self, n: int) -> str:
        return f"{self._instance}:{n}"

    def _alive_key(self, instance: str) -> str:
        return self._campaigns.alive_key(instance)

    async def ensure_group(self, campaign_id: str) -> None:
        """Create the campaign's stream and consumer group."""
        if campaign_id not in self._groups:
            await create_group(self._redis, self.stream_key(campaign_id), GROUP)
            self._groups.add(campaign_id)

    def tasks(self) -> list[asyncio.Task[None]]:
        """The conductor and the senders of this process."""
        return [asyncio.create_task(self.conduct())] + [
            asyncio.create_task(self.send_loop(n)) for n in range(self._policy.concurrency)
        ]

    # The conductor: starts campaigns, queues audiences, wakes deferred stores, takes over dead workers' entries.

    async def conduct(self) -> None:
        """Until stopped, look after every campaign once a tick."""
        while not self._stopping:
            try:
                await self._redis.set(self._alive_key(self._instance), "1", px=int(self._policy.lease_ttl * 1000))
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
        lease = int(self._policy.lease_ttl * 1000)
        if not await self._redis.set(lock, self._instance, nx=True, px=lease):
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
                    pipe.pexpire(lock, lease)
                    await pipe.execute()
                if next_after is None:
                    break
        finally:
            await self._redis.delete(lock)

    async def _look_after(self, campaign_id: str) -> None:
        status = await self._campaigns.status(campaign_id)
        if status == SCHEDULED:
            campaign = await self._campaigns.load(campaign_id)
            if campaign.starts_at > time.time():
                return
            await self._campaigns.set_status(campaign_id, RUNNING)
            log.info("campaign started", extra={"ctx_campaign": campaign_id})
            status = RUNNING
        if status == CANCELLED and not await self._finished(campaign_id):
            await self._reclaim(campaign_id)
            await self._check_unproved(campaign_id)
            await self._finish_if_done(campaign_id, CANCELLED)
        if status != RUNNING:
            return
        state = await self._redis.hgetall(self._campaigns.key(campaign_id, "state"))
        if state.get("queued_all") != "1":
            await self.queue_audience(campaign_id)
        await self._redis.eval(
            _WAKE,
            3,
            self._campaigns.key(campaign_id, "later"),
            self.stream_key(campaign_id),
            self._campaigns.key(campaign_id, "progress"),
            repr(time.time()),
            1000,
        )
        await self._reclaim(campaign_id)
        await self._check_unproved(campaign_id)
        await self._finish_if_done(campaign_id, RUNNING)

    async def queue_audience(self, campaign_id: str) -> int:
        """Queue the audience page by page; each page and its cursor in one transaction, so a crash repeats none."""
        lock = self._campaigns.key(campaign_id, "queuer")
        lease = int(self._policy.lease_ttl * 1000)
        if not await self._redis.set(lock, self._instance, nx=True, px=lease):
            return 0
        await self.ensure_group(campaign_id)
        campaign = await self._campaigns.load(campaign_id)
        state_key = self._campaigns.key(campaign_id, "state")
        after = str(await self._redis.hget(state_key, "cursor") or "")
        total = 0
        while not self._stopping and await self._campaigns.status(campaign_id) == RUNNING:
            query = replace(campaign.audience, after=after, limit=self._policy.page_size)
            stores, next_after = await self._platform.promo_audience(query)
            targets = [Target.of(s) for s in stores if s.phones]
            pipe = self._redis.pipeline(transaction=True)
            for target in targets:
                pipe.xadd(self.stream_key(campaign_id), {"store": target.to_field()})
            if stores:
                pipe.hset(state_key, "cursor", stores[-1].store_id)
            if next_after is None:
                pipe.hset(state_key, "queued_all", "1")
            pipe.hincrby(self._campaigns.key(campaign_id, "progress"), "queued", len(targets))
            pipe.pexpire(lock, lease)
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
        key = self.stream_key(campaign_id)
        try:
            summary = await self._redis.xpending(key, GROUP)
        except ResponseError:
            return
        for n, consumer in enumerate(summary.get("consumers") or ()):
            name = str(consumer["name"])
            instance = name.rsplit(":", 1)[0]
            if instance == self._instance or await self._redis.exists(self._alive_key(instance)):
                continue
            rows = await self._redis.xpending_range(key, GROUP, "-", "+", 100, consumername=name)
            ids = [row["message_id"] for row in rows]
            if ids:
                await self._redis.xclaim(key, GROUP, self._consumer(n % self._policy.concurrency), 0, ids)
                self._takeovers += 1
                log.warning(
                    "took over a stopped worker's promotions",
                    extra={"ctx_campaign": campaign_id, "ctx_count": len(ids)},
                )

    async def _check_unproved(self, campaign_id: str) -> None:
        """Settle the sends awaiting a receipt: proved taken, they count as sent; past their grace unproved, resent."""
        checking = self._campaigns.key(campaign_id, "checking")
        rows = await self._redis.zrange(checking, 0, CHECK_BATCH - 1, withscores=True)
        if not rows:
            return
        campaign, plan = await self._definition(campaign_id)
        sent_key = self._campaigns.key(campaign_id, "sent")
        for field, deadline in rows:
            target = Target.from_field(str(field))
            provider_id = await self._campaigns.taken(campaign_id, target.store_id)
            if provider_id is None and deadline > time.time():
                continue
            prepared = await self._prepare(campaign, plan, target)
            if provider_id is None:
                try:
                    provider_id = await self._look_up(campaign_id, prepared, target)
                except SendRetryable:
                    continue
                if provider_id is None:
                    await self._unproved(campaign_id, str(field), target)
                    continue
            if await self._redis.eval(
                _PROVED,
                3,
                checking,
                sent_key,
                self._campaigns.key(campaign_id, "progress"),
                str(field),
                target.phone,
                Mark(DeliveryState.SENT, target.store_id, provider_id).encode(),
            ):
                await self._record_sent(campaign_id, plan, target, prepared, Sent(provider_id))

    async def _look_up(self, campaign_id: str, prepared: Prepared, target: Target) -> str | None:
        """The provider's id of this promotion from its message log (a template is never looked for there)."""
        if prepared.template is not None:
            return None
        raw = await self._redis.hget(self._campaigns.key(campaign_id, "sent"), target.phone)
        mark = Mark.decode(raw) if raw else None
        since = mark.since if mark is not None and mark.owner == target.store_id else 0.0
        ctx = {"ctx_campaign": campaign_id, "ctx_to": mask_phone(target.phone)}
        return await self._sending.find_sent(prepared.message, since, ctx)

    async def _unproved(self, campaign_id: str, field: str, target: Target) -> None:
        queued_again = await self._redis.eval(
            _UNPROVED,
            4,
            self._campaigns.key(campaign_id, "checking"),
            self._campaigns.key(campaign_id, "sent"),
            self._campaigns.key(campaign_id, "progress"),
            self.stream_key(campaign_id),
            field,
            target.phone,
            Mark(DeliveryState.SENDING, target.store_id).encode(),
        )
        if queued_again:
            log.warning(
                "no sign the provider took a promotion; sending it again",
                extra={"ctx_campaign": campaign_id, "ctx_to": mask_phone(target.phone)},
            )

    async def _finished(self, campaign_id: str) -> bool:
        """True once a campaign's queue was freed: nothing of it is left to send or settle."""
        return bool(await self._redis.hget(self._campaigns.key(campaign_id, "state"), "finished") == "1")

    async def _finish_if_done(self, campaign_id: str, status: str) -> None:
        """Close a campaign whose every store is settled (a cancelled one: its stream drained) and free its queue."""
        key = self.stream_key(campaign_id)
        state_key = self._campaigns.key(campaign_id, "state")
        if await self._redis.zcard(self._campaigns.key(campaign_id, "checking")):
            return
        if status == CANCELLED:
            await self._redis.eval(
                _DROP_WAITING,
                2,
                self._campaigns.key(campaign_id, "later"),
                self._campaigns.key(campaign_id, "progress"),
            )
        elif await self._redis.zcard(self._campaigns.key(campaign_id, "later")):
            return
        if status == RUNNING and await self._redis.hget(state_key, "queued_all") != "1":
            return
        if await self._redis.exists(self._campaigns.key(campaign_id, "queuer")):
            return
        try:
            groups = await self._redis.xinfo_groups(key)
        except ResponseError:
            groups = []  # nothing was ever queued
        group = next((g for g in groups if g["name"] == GROUP), None)
        if group is not None and (group.get("lag") != 0 or int(group["pending"]) != 0):
            return
        pipe = self._redis.pipeline(transaction=True)
        pipe.delete(
            key, *(self._campaigns.key(campaign_id, part) for part in ("later", "checking", "sent", "attempts"))
        )
        pipe.hset(state_key, "finished", "1")
        await pipe.execute()
        if status == RUNNING:
            await self._campaigns.set_status(campaign_id, DONE)
        log.info("campaign finished", extra={"ctx_campaign": campaign_id, "ctx_status": status})

    # The senders.

    async def _running_ids(self) -> list[str]:
        at, ids = self._running
        if time.monotonic() - at < self._policy.tick:
            return ids
        ids = []
        for campaign_id in await self._campaigns.ids():
            status = await self._campaigns.status(campaign_id)
            if status == RUNNING or (status == CANCELLED and not await self._finished(campaign_id)):
                ids.append(campaign_id)
        self._running = (time.monotonic(), ids)
        return ids

    async def _definition(self, campaign_id: str) -> tuple[Campaign, SendPlan]:
        if campaign_id not in self._cache:
            plan = await self._campaigns.plan(campaign_id)
            if plan is None:
                raise TemplateRefused(f"campaign {campaign_id} has no send plan")
            self._cache[campaign_id] = (await self._campaigns.load(campaign_id), plan)
        return self._cache[campaign_id]

    async def send_loop(self, n: int) -> None:
        """Until stopped: this worker's unfinished entries first, then new ones, one at a time.

        Unfinished entries (left by a restart, a takeover, a pause) are looked for at the start, whenever
        the worker found nothing new, and after this process took over a stopped one's entries.
        """
        consumer = self._consumer(n)
        failures = 0
        recheck, takeovers = True, self._takeovers
        while not self._stopping:
            try:
                worked = False
                for campaign_id in await self._running_ids():
                    await self.ensure_group(campaign_id)
                    key = self.stream_key(campaign_id)
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
                            return
                failures = 0
                recheck = not worked or takeovers != self._takeovers
                takeovers = self._takeovers
                if not worked:
                    await asyncio.sleep(self._policy.tick / 2)
            except asyncio.CancelledError:
                raise
            except (RedisError, OSError) as exc:
                failures += 1
                log.warning("promotion sender waiting for redis", extra={"ctx_error": type(exc).__name__})
                await asyncio.sleep(min(0.2 * 2**failures, 5.0))
            except Exception:
                failures += 1
                log.exception("promotion sender failed")
                await asyncio.sleep(min(0.2 * 2**failures, 5.0))

    async def _ack(self, campaign_id: str, entry_id: str, counter: str) -> None:
        pipe = self._redis.pipeline(transaction=True)
        pipe.xack(self.stream_key(campaign_id), GROUP, entry_id)
        pipe.hincrby(self._campaigns.key(campaign_id, "progress"), counter, 1)
        await pipe.execute()

    async def deliver(self, campaign_id: str, entry_id: str, fields: Mapping[str, str]) -> None:
        """Send one store its promotion, or say why not; an entry left unacknowledged is tried again."""
        target = Target.from_field(fields["store"])
        sent_key = self._campaigns.key(campaign_id, "sent")
        status, opted_out, claim = await self._campaigns.standing(campaign_id, target.store_id, target.phone)
        if status == CANCELLED:
            await self._ack(campaign_id, entry_id, "cancelled")
            return
        if status != RUNNING:
            return
        campaign, plan = await self._definition(campaign_id)
        now = time.time()
        if campaign.ends_at and now >= campaign.ends_at:
            await self._ack(campaign_id, entry_id, "expired")
            return
        if opted_out:
            await self._ack(campaign_id, entry_id, "skipped_opt_out")
            return
        allowed = self._quiet.next_allowed(now, target.timezone)
        if allowed > now:
            if campaign.ends_at and allowed >= campaign.ends_at:
                await self._ack(campaign_id, entry_id, "skipped_quiet_hours")
                return
            await self._park(campaign_id, entry_id, target, "later", allowed, "waiting_quiet_hours")
            return
        if claim is not None:
            await self._already_claimed(campaign_id, entry_id, target, claim)
            return
        await self._send(campaign_id, campaign, plan, target, entry_id, sent_key)

    async def _park(
        self, campaign_id: str, entry_id: str, target: Target, where: str, until: float, counter: str
    ) -> None:
        await self._redis.eval(
            _PARK,
            3,
            self._campaigns.key(campaign_id, where),
            self.stream_key(campaign_id),
            self._campaigns.key(campaign_id, "progress"),
            repr(until),
            target.to_field(),
            GROUP,
            entry_id,
            counter,
        )

    async def _await_receipt(self, campaign_id: str, entry_id: str, target: Target) -> None:
        await self._park(
            campaign_id, entry_id, target, "checking", time.time() + self._policy.receipt_grace, "awaiting_receipt"
        )

    async def _already_claimed(self, campaign_id: str, entry_id: str, target: Target, claim: str) -> None:
        """A phone claimed before: by this store before a restart (settled or in flight), or by another store."""
        mark = Mark.decode(claim)
        if mark.owner != target.store_id:
            await self._ack(campaign_id, entry_id, "skipped_same_phone")
        elif mark.state is DeliveryState.SENDING:
            log.warning(
                "a promotion was in flight when its worker stopped; waiting for the provider's receipt",
                extra={"ctx_campaign": campaign_id, "ctx_to": mask_phone(target.phone)},
            )
            await self._await_receipt(campaign_id, entry_id, target)
        else:
            # Settled and counted already: only the acknowledgement was lost.
            await self._redis.xack(self.stream_key(campaign_id), GROUP, entry_id)

    async def _prepare(self, campaign: Campaign, plan: SendPlan, target: Target) -> Prepared:
        """What this store gets: on which channel, the text or the template, and what it costs in pace."""
        channel = await self._channel_for(target.phone)
        _, text = compose(campaign, plan, target.name, target.language, target.region)
        message_id = promo_message_id(campaign.campaign_id, target.store_id)
        template, template_id = None, ""
        if channel in (WHATSAPP, TWILIO_WHATSAPP):
            in_window = time.time() - await self._transcripts.last_inbound_at(target.phone) < WHATSAPP_WINDOW
            if not in_window:
                template = campaign.whatsapp_template or WhatsAppTemplate("")
                template_id = template.content_sid if channel == TWILIO_WHATSAPP else template.name
        if channel in SMS_LIKE:
            text = transliterate(text)
        parameters = template_parameters(campaign, plan, target.name, target.region) if template_id else ()
        cost = segment_count(text) if channel in SMS_LIKE else 1
        message = Outbound(message_id, channel, target.phone, "text", text)
        return Prepared(channel, message, template, template_id, parameters, cost)

    async def _send(
        self, campaign_id: str, campaign: Campaign, plan: SendPlan, target: Target, entry_id: str, sent_key: str
    ) -> None:
        ctx: dict[str, Any] = {"ctx_campaign": campaign_id, "ctx_to": mask_phone(target.phone)}
        prepared = await self._prepare(campaign, plan, target)
        if not prepared.sendable:
            await self._ack(campaign_id, entry_id, "skipped_window")
            return
        channel = prepared.channel
        await self._pace.acquire("sms" if channel in SMS_LIKE else "whatsapp", prepared.cost)
        # A STOP, pause or cancel may have come in while this send waited for its slot.
        status, opted_out, _ = await self._campaigns.standing(campaign_id, target.store_id, target.phone)
        if opted_out:
            await self._ack(campaign_id, entry_id, "skipped_opt_out")
            return
        if status != RUNNING:
            return
        # Claimed only now, so a worker killed while waiting for its slot leaves nothing in flight behind.
        claim = PhoneClaim(self._redis, sent_key, self._campaigns.key(campaign_id, "attempts"), target.phone)
        attempt = await self._sending.send(
            prepared.message, claim, ctx, owner=target.store_id, template=prepared.call, await_receipt=True
        )
        if attempt.outcome is Outcome.CLAIMED:
            await self._already_claimed(
                campaign_id, entry_id, target, str(await self._redis.hget(sent_key, target.phone))
            )
        elif attempt.outcome is Outcome.UNCERTAIN:
            await self._await_receipt(campaign_id, entry_id, target)
        elif attempt.outcome is Outcome.RETRY:
            # The entry stays pending; the whole channel waits out a 429.
            await self._pace.pause("sms" if channel in SMS_LIKE else "whatsapp", attempt.delay)
        elif attempt.sent is None:
            failed = Mark(DeliveryState.FAILED, target.store_id)
            await self._settle(campaign_id, entry_id, sent_key, target, "failed", failed.encode())
        else:
            sent = Mark(DeliveryState.SENT, target.store_id, attempt.sent.provider_id)
            await self._settle(campaign_id, entry_id, sent_key, target, "sent", sent.encode())
            await self._record_sent(campaign_id, plan, target, prepared, attempt.sent)

    async def _record_sent(
        self, campaign_id: str, plan: SendPlan, target: Target, prepared: Prepared, sent: Sent
    ) -> None:
        """What a sent promotion leaves behind: the transcript line, and the offer a reply may order from."""
        now = time.time()
        await self._sending.record_sent(prepared.message, sent, prepared.shown, now)
        await self._campaigns.remember_sent(target.phone, campaign_id, plan, target.region, now)
        # A number typed after a promotion picks from the promotion, not from an older menu.
        await self._menus.forget(target.phone)

    async def _settle(
        self, campaign_id: str, entry_id: str, sent_key: str, target: Target, counter: str, claim: str
    ) -> None:
        """Record the outcome for the phone, count it and acknowledge the entry in one transaction."""
        pipe = self._redis.pipeline(transaction=True)
        pipe.hset(sent_key, target.phone, claim)
        pipe.xack(self.stream_key(campaign_id), GROUP, entry_id)
        pipe.hincrby(self._campaigns.key(campaign_id, "progress"), counter, 1)
        await pipe.execute()

    async def _channel_for(self, phone: str) -> str:
        """The channel the store last wrote on, else the default, else any enabled one."""
        senders = self._sending.senders
        last = await self._transcripts.last_channel(phone)
        if last in senders:
            return last
        if self._policy.default_channel in senders:
            return self._policy.default_channel
        return next(iter(senders))
