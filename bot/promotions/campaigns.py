"""Campaigns, their status, progress and send plan in Redis; consent and the last promotion each phone got."""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Iterable, Sequence

from redis.asyncio import Redis

from backend.catalog import CatalogItem
from backend.models import Promotion
from bot.messages import StatusEvent
from bot.promotions.model import COUNTERS, Campaign, CampaignNotFound, Progress
from bot.promotions.templates import OfferLine, render_template

# Keep what a phone was last offered this long when the offer has no end of its own.
RECENT_TTL = 3 * 24 * 3600

# The progress counter each final delivery status adds to.
FINAL_STATUSES = {"delivered": "delivered", "read": "delivered", "failed": "failed", "undelivered": "failed"}

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


def promo_message_id(campaign_id: str, store_id: str) -> str:
    """The message id of one store's promotion; providers carry it back in their delivery receipts."""
    return f"promo:{campaign_id}:{store_id}"


def promo_of(message_id: str) -> tuple[str, str] | None:
    """The campaign and store a promotion's message id names; None for any other message."""
    kind, _, rest = message_id.partition(":")
    campaign_id, sep, store_id = rest.partition(":")
    if kind != "promo" or not sep or not campaign_id.isdigit() or not store_id:
        return None
    return campaign_id, store_id


@dataclass(frozen=True)
class SendPlan:
    """The numbered products of a campaign, at offer prices for the offer's regions and catalog prices elsewhere."""

    promo_id: str
    regions: tuple[str, ...]
    offer_ends: str
    ends_at: float
    offer: tuple[OfferLine, ...]
    regular: tuple[OfferLine, ...]

    def applies_to(self, region: str) -> bool:
        """True when the platform prices this region's orders at the offer."""
        return bool(self.promo_id) and (not self.regions or region in self.regions)

    def lines_for(self, region: str) -> tuple[OfferLine, ...]:
        """What a store of this region is told: never an offer price its orders would not get."""
        return self.offer if self.applies_to(region) else self.regular

    def to_json(self) -> str:
        """The stored form."""
        data = asdict(self)
        for key in ("offer", "regular"):
            data[key] = [
                {**line, "price": str(line["price"]), "regular_price": str(line["regular_price"])} for line in data[key]
            ]
        return json.dumps(data)

    @classmethod
    def from_json(cls, raw: str) -> SendPlan:
        """Parse the stored form."""
        data = json.loads(raw)

        def lines(rows: list[dict[str, Any]]) -> tuple[OfferLine, ...]:
            return tuple(
                OfferLine(**{**r, "price": Decimal(r["price"]), "regular_price": Decimal(r["regular_price"])})
                for r in rows
            )

        return cls(
            data["promo_id"],
            tuple(data["regions"]),
            data["offer_ends"],
            data["ends_at"],
            lines(data["offer"]),
            lines(data["regular"]),
        )


def build_plan(promotion: Promotion | None, skus: Sequence[str], catalog: dict[str, CatalogItem]) -> SendPlan:
    """Number the offer's items, then any extra SKUs at catalog price; unknown SKUs are left out."""
    offer_prices = {item.sku: item.offer_price for item in promotion.items} if promotion else {}
    ordered = list(dict.fromkeys([*offer_prices, *skus]))
    offer: list[OfferLine] = []
    regular: list[OfferLine] = []
    for sku in ordered:
        item = catalog.get(sku)
        if item is None:
            continue
        number = len(offer) + 1
        name = f"{item.name}"
        regular_line = OfferLine(number, sku, name, item.sell_unit, item.price, item.price, item.currency)
        regular.append(regular_line)
        price = offer_prices.get(sku, item.price)
        offer.append(OfferLine(number, sku, name, item.sell_unit, min(price, item.price), item.price, item.currency))
    ends_at = 0.0
    offer_ends = ""
    if promotion is not None:
        ends_at = datetime.fromisoformat(promotion.ends_at).timestamp()
        offer_ends = promotion.ends_at[:10]
    return SendPlan(
        promotion.promo_id if promotion else "",
        promotion.regions if promotion else (),
        offer_ends,
        ends_at,
        tuple(offer),
        tuple(regular),
    )


def compose(campaign: Campaign, plan: SendPlan, store_name: str, language: str, region: str) -> tuple[str, str]:
    """The language used and the text one store gets."""
    used, source = campaign.text_for(language)
    applies = plan.applies_to(region)
    return used, render_template(source, store_name, plan.lines_for(region), plan.offer_ends if applies else "")


def template_parameters(campaign: Campaign, plan: SendPlan, store_name: str, region: str) -> tuple[str, ...]:
    """The WhatsApp template's body parameters for one store, each rendered in the sandbox."""
    if campaign.whatsapp_template is None:
        return ()
    lines = plan.lines_for(region)
    ends = plan.offer_ends if plan.applies_to(region) else ""
    return tuple(render_template(p, store_name, lines, ends) for p in campaign.whatsapp_template.parameters)


class CampaignStore:
    """Every key of one campaign shares a hash tag, so its Lua scripts touch one Redis Cluster slot."""

    def __init__(self, redis: Redis, prefix: str) -> None:
        self._redis = redis
        self._prefix = prefix

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
        return Progress(campaign_id, status, {k: int(raw.get(k, 0)) for k in COUNTERS})

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
        counter = FINAL_STATUSES.get(event.status, "")
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
