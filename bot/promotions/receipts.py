"""Settling promotions: what a sent one leaves behind, and sends whose outcome is unknown.

A send whose outcome is unknown (its worker was killed mid-send, or the provider's answer was lost to a timeout)
leaves its phone's claim behind and waits, `awaiting_receipt`, for proof the provider took it: a delivery
receipt carrying the promotion's message id, or, once the receipt grace is over, the provider's message log
where it keeps one (Twilio). With proof it counts as sent; without, the provider never took it, so it is sent
again.
"""

from __future__ import annotations

import logging
import time

from backend.logs import mask_phone
from bot.errors import SendRetryable
from bot.menus import MenuStore
from bot.promotions.campaigns import SendPlan
from bot.promotions.message import Prepared, StoreChannels, Target
from bot.promotions.model import Counter
from bot.promotions.store import CampaignStore
from bot.sending import DeliveryState, Mark, Sending, Sent

log = logging.getLogger("bot.promotions")

# Sends awaiting a receipt looked at per campaign and tick.
CHECK_BATCH = 100


class Receipts:
    """Records sent promotions, and settles those awaiting proof that the provider took them."""

    def __init__(
        self,
        campaigns: CampaignStore,
        sending: Sending,
        channels: StoreChannels,
        menus: MenuStore,
        receipt_grace: float,
    ) -> None:
        self._campaigns = campaigns
        self._sending = sending
        self._channels = channels
        self._menus = menus
        self._grace = receipt_grace

    async def record_sent(
        self, campaign_id: str, plan: SendPlan, target: Target, prepared: Prepared, sent: Sent
    ) -> None:
        """What a sent promotion leaves behind: the transcript line, and the offer a reply may order from."""
        now = time.time()
        await self._sending.record_sent(prepared.message, sent, prepared.shown, now)
        await self._campaigns.remember_sent(target.phone, campaign_id, plan, target.region, now)
        # A number typed after a promotion picks from the promotion, not from an older menu.
        await self._menus.forget(target.phone)

    async def await_receipt(self, campaign_id: str, entry_id: str, target: Target) -> None:
        """Set an entry aside until its receipt's grace is over."""
        until = time.time() + self._grace
        await self._campaigns.park(
            campaign_id, entry_id, target.to_field(), "checking", until, Counter.AWAITING_RECEIPT
        )

    async def settle_awaiting(self, campaign_id: str) -> None:
        """Settle the sends awaiting a receipt: proved taken, they count as sent; past their grace unproved, resent."""
        rows = await self._campaigns.awaiting_receipt(campaign_id, CHECK_BATCH)
        if not rows:
            return
        campaign, plan = await self._campaigns.definition(campaign_id)
        for field, deadline in rows:
            target = Target.from_field(field)
            provider_id = await self._campaigns.taken(campaign_id, target.store_id)
            if provider_id is None and deadline > time.time():
                continue
            prepared = await self._channels.prepared(campaign, plan, target)
            if provider_id is None:
                try:
                    provider_id = await self._look_up(campaign_id, prepared, target)
                except SendRetryable:
                    continue
            if provider_id is None:
                await self._unproved(campaign_id, field, target)
                continue
            proved = Mark(DeliveryState.SENT, target.store_id, provider_id)
            if await self._campaigns.proved(campaign_id, field, target.phone, proved):
                await self.record_sent(campaign_id, plan, target, prepared, Sent(provider_id))

    async def _look_up(self, campaign_id: str, prepared: Prepared, target: Target) -> str | None:
        """The provider's id of this promotion from its message log (a template is never looked for there)."""
        if prepared.call is not None:
            return None
        mark = await self._campaigns.mark(campaign_id, target.phone)
        since = mark.since if mark is not None and mark.owner == target.store_id else 0.0
        ctx = {"ctx_campaign": campaign_id, "ctx_to": mask_phone(target.phone)}
        return await self._sending.find_sent(prepared.message, since, ctx)

    async def _unproved(self, campaign_id: str, field: str, target: Target) -> None:
        if await self._campaigns.unproved(campaign_id, field, target.phone, target.store_id):
            log.warning(
                "no sign the provider took a promotion; sending it again",
                extra={"ctx_campaign": campaign_id, "ctx_to": mask_phone(target.phone)},
            )
