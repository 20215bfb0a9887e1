"""Campaigns in Redis: their definitions, status, progress and send plan, the queue each one is sent from,
consent, the last promotion each phone got and delivery receipts.

Every key of one campaign shares a hash tag, so its Lua scripts touch one Redis Cluster slot. The queue is a
stream read by the consumer group GROUP; a phone is claimed in the campaign's `sent` hash right before its send.
"""

from __future__ import annotations

import json
import time
from typing import Any, Iterable

from redis.asyncio import Redis
from redis.exceptions import ResponseError

from bot.messages import StatusEvent
from bot.promotions.campaigns import SendPlan, promo_of
from bot.promotions.model import Campaign, CampaignNotFound, Counter, Progress
from bot.promotions.templates import TemplateRefused
from bot.sending import DeliveryState, Mark
from bot.streams import create_group

# The consumer group of every campaign's queue.
GROUP = "senders"

# Keep what a phone was last offered this long when the offer has no end of its own.
RECENT_TTL = 3 * 24 * 3600

# The progress counter each final delivery status adds to.
FINAL_STATUSES = {
    "delivered": Counter.DELIVERED,
    "read": Counter.DELIVERED,
    "failed": Counter.FAILED,
    "undelivered": Counter.FAILED,
}

# Delivery receipts of a campaign are kept this long after the last one came.
RECEIPTS_TTL = 7 * 24 * 3600

# A store's receipt: "provider id|counter"; the provider id on its first receipt, one final count per store.
_RECEIPT = """
local seen = redis.call('HGET', KEYS[1], ARGV[1]) or (ARGV[2] .. '|')
if ARGV[3] ~= '' and string.sub(seen, -1) == '|' then
  seen = seen .. ARGV[3]
  redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
end
redis.call('HSET', KEYS[1], ARGV[1], seen)
redis.call('EXPIRE', KEYS[1], ARGV[4])
return 1
"""

# Park an entry until a time (quiet hours over, a receipt's grace over): in a sorted set, acknowledged in the
# stream, counted as waiting.
_PARK = """
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
redis.call('XACK', KEYS[2], ARGV[3], ARGV[4])
redis.call('HINCRBY', KEYS[3], ARGV[5], 1)
return 1
"""

# A cancelled campaign's stores waiting for quiet hours to end (counted in ARGV[1]) will not be sent to (ARGV[2]).
_DROP_WAITING = """
local n = redis.call('ZCARD', KEYS[1])
if n == 0 then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HINCRBY', KEYS[2], ARGV[1], -n)
redis.call('HINCRBY', KEYS[2], ARGV[2], n)
return n
"""

# A send awaiting its receipt (counted in ARGV[4]) proved taken: its claim becomes sent, counted once (ARGV[5]).
_PROVED = """
if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
redis.call('HINCRBY', KEYS[3], ARGV[4], -1)
redis.call('HINCRBY', KEYS[3], ARGV[5], 1)
return 1
"""

# No proof the provider took it: release the phone's claim and queue the store again; no longer awaiting (ARGV[4]).
_UNPROVED = """
if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
local claim = redis.call('HGET', KEYS[2], ARGV[2])
if claim and string.sub(claim, 1, #ARGV[3]) == ARGV[3] then redis.call('HDEL', KEYS[2], ARGV[2]) end
redis.call('XADD', KEYS[4], '*', 'store', ARGV[1])
redis.call('HINCRBY', KEYS[3], ARGV[4], -1)
return 1
"""

# Move entries whose quiet hours are over back onto the stream, no longer counted as waiting (ARGV[3]).
_WAKE = """
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, member in ipairs(due) do
  redis.call('XADD', KEYS[2], '*', 'store', member)
  redis.call('ZREM', KEYS[1], member)
end
if #due > 0 then redis.call('HINCRBY', KEYS[3], ARGV[3], -#due) end
return #due
"""


def consumer_name(instance: str, n: int) -> str:
    """The group consumer of a gateway process's `n`th sender; the process is the part before the last colon."""
    return f"{instance}:{n}"


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


class CampaignStore:
    """Every key of one campaign shares a hash tag, so its Lua scripts touch one Redis Cluster slot."""

    def __init__(self, redis: Redis, prefix: str) -> None:
        self._redis = redis
        self._prefix = prefix
        self._queues: set[str] = set()
        self._definitions: dict[str, tuple[Campaign, SendPlan]] = {}

    def key(self, campaign_id: str, suffix: str) -> str:
        """A key of one campaign."""
        return f"{self._prefix}:promo:{{c{campaign_id}}}:{suffix}"

    def alive_key(self, instance: str) -> str:
        """Present while a gateway process's promotion workers run."""
        return f"{self._prefix}:promo:alive:{{{instance}}}"

    @property
    def index_key(self) -> str:
        """The set of every campaign id."""
        return f"{self._prefix}:promo:campaigns"

    async def next_id(self) -> str:
        """A new campaign id."""
        return str(await self._redis.incr(f"{self._prefix}:promo:next-id"))

    async def save(self, campaign: Campaign, status: str) -> None:
        """Store a campaign definition with its status."""
        pipe = self._redis.pipeline(transaction=True)
        pipe.hset(
            self.key(campaign.campaign_id, "meta"),
            mapping={"definition": campaign.to_json(), "status": status, "updated_at": repr(time.time())},
        )
        pipe.sadd(self.index_key, campaign.campaign_id)
        await pipe.execute()

    async def load(self, campaign_id: str) -> Campaign:
        """A campaign's definition."""
        raw = await self._redis.hget(self.key(campaign_id, "meta"), "definition")
        if raw is None:
            raise CampaignNotFound(f"no campaign {campaign_id}")
        return Campaign.from_json(raw)

    async def definition(self, campaign_id: str) -> tuple[Campaign, SendPlan]:
        """A started campaign's definition and send plan, read once per process: neither changes after its start."""
        if campaign_id not in self._definitions:
            plan = await self.plan(campaign_id)
            if plan is None:
                raise TemplateRefused(f"campaign {campaign_id} has no send plan")
            self._definitions[campaign_id] = (await self.load(campaign_id), plan)
        return self._definitions[campaign_id]

    async def status(self, campaign_id: str) -> str:
        """A campaign's status."""
        status = await self._redis.hget(self.key(campaign_id, "meta"), "status")
        if status is None:
            raise CampaignNotFound(f"no campaign {campaign_id}")
        return str(status)

    async def set_status(self, campaign_id: str, status: str) -> None:
        """Change a campaign's status."""
        await self._redis.hset(
            self.key(campaign_id, "meta"), mapping={"status": status, "updated_at": repr(time.time())}
        )

    async def ids(self) -> list[str]:
        """Every campaign id, oldest first."""
        return sorted((str(i) for i in await self._redis.smembers(self.index_key)), key=int)

    async def save_plan(self, campaign_id: str, plan: SendPlan) -> None:
        """Fix the products and prices once, so every sender tells every store the same."""
        await self._redis.set(self.key(campaign_id, "plan"), plan.to_json(), nx=True)

    async def plan(self, campaign_id: str) -> SendPlan | None:
        """The campaign's send plan, once it started."""
        raw = await self._redis.get(self.key(campaign_id, "plan"))
        return SendPlan.from_json(raw) if raw else None

    async def progress(self, campaign_id: str) -> Progress:
        """The campaign's status and counters."""
        status = await self.status(campaign_id)
        raw = await self._redis.hgetall(self.key(campaign_id, "progress"))
        return Progress(campaign_id, status, {k.value: int(raw.get(k, 0)) for k in Counter})

    # Consent, as the gateway hears it: checked before every send, so STOP stops a running campaign at once.

    @property
    def opted_out_key(self) -> str:
        """The set of stores that opted out: by STOP to the gateway, through staff, or on the platform."""
        return f"{self._prefix}:promo:opted-out"

    async def consent_changed(self, store_ids: Iterable[str], opt_in: bool) -> None:
        """Remember a STOP or START for the stores of a phone."""
        ids = list(store_ids)
        if ids:
            await (self._redis.srem if opt_in else self._redis.sadd)(self.opted_out_key, *ids)

    async def standing(self, campaign_id: str, store_id: str, phone: str) -> tuple[str, bool, str | None]:
        """In one round trip: the campaign's status, whether the store opted out, and the claim on its phone."""
        pipe = self._redis.pipeline(transaction=False)
        pipe.hget(self.key(campaign_id, "meta"), "status")
        pipe.sismember(self.opted_out_key, store_id)
        pipe.hget(self.key(campaign_id, "sent"), phone)
        status, opted_out, claim = await pipe.execute()
        return str(status), bool(opted_out), None if claim is None else str(claim)

    @property
    def consent_cursor_key(self) -> str:
        """The id of the last platform consent change applied to the opted-out set."""
        return f"{self._prefix}:promo:consent-cursor"

    # What a phone was last offered, for the assistant to turn "1" or "YES 1 5" into an order.

    def _recent_key(self, phone: str) -> str:
        return f"{self._prefix}:promo:recent:{{{phone}}}"

    async def remember_sent(self, phone: str, campaign_id: str, plan: SendPlan, region: str, now: float) -> None:
        """Keep the numbered items a phone was offered until the offer ends."""
        lines = plan.lines_for(region)
        if not lines:
            return
        applies = plan.applies_to(region)
        recent = {
            "campaign_id": campaign_id,
            "promo_id": plan.promo_id if applies else "",
            "ends_at": plan.offer_ends if applies else "",
            "items": [{"number": line.number, "sku": line.sku, "price": str(line.price)} for line in lines],
        }
        ttl = int(plan.ends_at - now) if applies and plan.ends_at > now else RECENT_TTL
        await self._redis.set(self._recent_key(phone), json.dumps(recent), ex=max(ttl, 60))

    async def recent(self, phone: str) -> dict[str, Any] | None:
        """The promotion this phone last received while it still runs, if any."""
        raw = await self._redis.get(self._recent_key(phone))
        return json.loads(raw) if raw else None

    # Delivery receipts: every promotion's message id names its campaign and store, and providers echo it back.

    async def record_receipt(self, event: StatusEvent) -> None:
        """Note that the provider took a store's promotion, and count its first final status (read is delivered)."""
        promo = promo_of(event.message_id)
        if promo is None:
            return
        campaign_id, store_id = promo
        counter: str = FINAL_STATUSES.get(event.status, "")
        await self._redis.eval(
            _RECEIPT,
            2,
            self.key(campaign_id, "receipts"),
            self.key(campaign_id, "progress"),
            store_id,
            event.provider_id,
            counter,
            RECEIPTS_TTL,
        )

    async def taken(self, campaign_id: str, store_id: str) -> str | None:
        """The provider's id for the store's promotion when a receipt showed the provider took it."""
        seen = await self._redis.hget(self.key(campaign_id, "receipts"), store_id)
        return str(seen).partition("|")[0] if seen else None

    # The queue a campaign is sent from, and where its entries wait.

    def queue_key(self, campaign_id: str) -> str:
        """The campaign's queue: a stream of its audience, one entry per store."""
        return self.key(campaign_id, "queue")

    async def ensure_queue(self, campaign_id: str) -> None:
        """Create the campaign's queue and its consumer group, once per process."""
        if campaign_id not in self._queues:
            await create_group(self._redis, self.queue_key(campaign_id), GROUP)
            self._queues.add(campaign_id)

    def claim(self, campaign_id: str, phone: str) -> PhoneClaim:
        """The phone's claim in the campaign: where its send's mark and failed attempts are kept."""
        return PhoneClaim(self._redis, self.key(campaign_id, "sent"), self.key(campaign_id, "attempts"), phone)

    async def mark(self, campaign_id: str, phone: str) -> Mark | None:
        """The mark on the phone's claim, if any."""
        raw = await self._redis.hget(self.key(campaign_id, "sent"), phone)
        return Mark.decode(raw) if raw else None

    async def ack(self, campaign_id: str, entry_id: str, counter: str = "") -> None:
        """Acknowledge a queue entry, counting it under `counter` when given, in one transaction."""
        pipe = self._redis.pipeline(transaction=True)
        pipe.xack(self.queue_key(campaign_id), GROUP, entry_id)
        if counter:
            pipe.hincrby(self.key(campaign_id, "progress"), counter, 1)
        await pipe.execute()

    async def settle(self, campaign_id: str, entry_id: str, phone: str, mark: Mark, counter: str) -> None:
        """Record the outcome for the phone, count it and acknowledge the entry in one transaction."""
        pipe = self._redis.pipeline(transaction=True)
        pipe.hset(self.key(campaign_id, "sent"), phone, mark.encode())
        pipe.xack(self.queue_key(campaign_id), GROUP, entry_id)
        pipe.hincrby(self.key(campaign_id, "progress"), counter, 1)
        await pipe.execute()

    async def park(self, campaign_id: str, entry_id: str, field: str, where: str, until: float, counter: str) -> None:
        """Take an entry off the queue until a time, in the sorted set `where`, counted as waiting."""
        await self._redis.eval(
            _PARK,
            3,
            self.key(campaign_id, where),
            self.queue_key(campaign_id),
            self.key(campaign_id, "progress"),
            repr(until),
            field,
            GROUP,
            entry_id,
            counter,
        )

    async def wake(self, campaign_id: str, now: float, limit: int = 1000) -> None:
        """Queue again the entries whose quiet hours are over."""
        await self._redis.eval(
            _WAKE,
            3,
            self.key(campaign_id, "later"),
            self.queue_key(campaign_id),
            self.key(campaign_id, "progress"),
            repr(now),
            limit,
            Counter.WAITING_QUIET_HOURS,
        )

    async def drop_waiting(self, campaign_id: str) -> None:
        """Count the entries waiting for quiet hours to end as cancelled, and drop them."""
        await self._redis.eval(
            _DROP_WAITING,
            2,
            self.key(campaign_id, "later"),
            self.key(campaign_id, "progress"),
            Counter.WAITING_QUIET_HOURS,
            Counter.CANCELLED,
        )

    async def awaiting_receipt(self, campaign_id: str, count: int) -> list[tuple[str, float]]:
        """Up to `count` entries awaiting a receipt, with the end of their grace, soonest first."""
        rows = await self._redis.zrange(self.key(campaign_id, "checking"), 0, count - 1, withscores=True)
        return [(str(field), float(deadline)) for field, deadline in rows]

    async def proved(self, campaign_id: str, field: str, phone: str, mark: Mark) -> bool:
        """A send awaiting its receipt proved taken: the claim becomes `mark`, counted once; False if settled before."""
        return bool(
            await self._redis.eval(
                _PROVED,
                3,
                self.key(campaign_id, "checking"),
                self.key(campaign_id, "sent"),
                self.key(campaign_id, "progress"),
                field,
                phone,
                mark.encode(),
                Counter.AWAITING_RECEIPT,
                Counter.SENT,
            )
        )

    async def unproved(self, campaign_id: str, field: str, phone: str, store_id: str) -> bool:
        """No proof the provider took it: release the store's claim on the phone and queue it again."""
        return bool(
            await self._redis.eval(
                _UNPROVED,
                4,
                self.key(campaign_id, "checking"),
                self.key(campaign_id, "sent"),
                self.key(campaign_id, "progress"),
                self.queue_key(campaign_id),
                field,
                phone,
                Mark(DeliveryState.SENDING, store_id).encode(),
                Counter.AWAITING_RECEIPT,
            )
        )

    async def state(self, campaign_id: str) -> dict[str, str]:
        """The campaign's queueing state: `cursor` (the last store queued), `queued_all`, `finished`."""
        return dict(await self._redis.hgetall(self.key(campaign_id, "state")))

    async def finished(self, campaign_id: str) -> bool:
        """True once a campaign's queue was freed: nothing of it is left to send or settle."""
        return bool(await self._redis.hget(self.key(campaign_id, "state"), "finished") == "1")

    async def queue_drained(self, campaign_id: str) -> bool:
        """True when nothing of the campaign is queued, handed out or being queued."""
        if await self._redis.exists(self.key(campaign_id, "queuer")):
            return False
        try:
            groups = await self._redis.xinfo_groups(self.queue_key(campaign_id))
        except ResponseError:
            return True  # nothing was ever queued
        group = next((g for g in groups if g["name"] == GROUP), None)
        return group is None or (group.get("lag") == 0 and int(group["pending"]) == 0)

    async def free_queue(self, campaign_id: str) -> None:
        """Drop the queue and what sending it needed, and note the campaign finished."""
        pipe = self._redis.pipeline(transaction=True)
        pipe.delete(
            self.queue_key(campaign_id),
            *(self.key(campaign_id, part) for part in ("later", "checking", "sent", "attempts")),
        )
        pipe.hset(self.key(campaign_id, "state"), "finished", "1")
        await pipe.execute()
