"""What operators (the command line, the console) do with campaigns: create, preview, test, schedule, pause, cancel."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Mapping, Sequence

from backend.client import PlatformClient
from backend.errors import NotFound
from backend.models import AudienceQuery
from bot.messages import Channel, Outbound, Reply
from bot.outbox import Outbox
from bot.promotions.campaigns import SendPlan, build_plan, compose
from bot.promotions.model import (
    DEFAULT_LANGUAGE,
    Campaign,
    CampaignStatus,
    InvalidCampaign,
    Progress,
    WeChatTemplate,
    WhatsAppTemplate,
    WrongState,
)
from bot.promotions.store import CampaignStore
from bot.promotions.templates import check_template
from bot.sms import is_gsm7, segment_count, transliterate


@dataclass(frozen=True)
class Sample:
    """One language's message as a store would get it by SMS."""

    language: str
    text: str
    segments: int
    encoding: str


@dataclass(frozen=True)
class Preview:
    """A dry run: who would get the campaign and what they would read; nothing is sent."""

    campaign_id: str
    audience: int
    by_language: Mapping[str, int]
    samples: tuple[Sample, ...]


class CampaignService:
    """The operations on campaigns; every method is safe to call from any gateway process."""

    def __init__(
        self, campaigns: CampaignStore, platform: PlatformClient, outbox: Outbox, page_size: int = 1000
    ) -> None:
        self._campaigns = campaigns
        self._platform = platform
        self._outbox = outbox
        self._page_size = page_size

    async def create(
        self,
        name: str,
        texts: Mapping[str, str],
        audience: AudienceQuery | None = None,
        starts_at: float = 0.0,
        ends_at: float = 0.0,
        promo_id: str = "",
        skus: Sequence[str] = (),
        whatsapp_template: WhatsAppTemplate | None = None,
        wechat_template: WeChatTemplate | None = None,
    ) -> Campaign:
        """Check and save a new campaign as a draft."""
        if DEFAULT_LANGUAGE not in texts:
            raise InvalidCampaign("a campaign needs an English text: it is what other languages fall back to")
        for language, text in texts.items():
            if "STOP" not in text:
                raise InvalidCampaign(f"the {language} text must tell stores they can reply STOP")
            check_template(text)
        if whatsapp_template is not None:
            for parameter in whatsapp_template.parameters:
                check_template(parameter)
        if wechat_template is not None:
            if not wechat_template.template_id or not all(wechat_template.keys):
                raise InvalidCampaign("a WeChat template needs its template id and a data key for each field")
            for parameter in wechat_template.parameters:
                check_template(parameter)
        if ends_at and ends_at <= max(starts_at, time.time()):
            raise InvalidCampaign("the send window must end in the future, after it starts")
        if promo_id:
            try:
                await self._platform.promotion(promo_id)
            except NotFound:
                raise InvalidCampaign(f"the platform has no promotion {promo_id}") from None
        campaign = Campaign(
            await self._campaigns.next_id(),
            name,
            dict(texts),
            replace(audience or AudienceQuery(), after="", limit=self._page_size),
            starts_at,
            ends_at,
            promo_id,
            tuple(skus),
            whatsapp_template,
            wechat_template,
        )
        await self._campaigns.save(campaign, CampaignStatus.DRAFT)
        return campaign

    async def get(self, campaign_id: str) -> Campaign:
        """One campaign's definition."""
        return await self._campaigns.load(campaign_id)

    async def _plan(self, campaign: Campaign) -> SendPlan:
        plan = await self._campaigns.plan(campaign.campaign_id)
        if plan is not None:
            return plan
        promotion = await self._platform.promotion(campaign.promo_id) if campaign.promo_id else None
        catalog = {item.sku: item for item in (await self._platform.catalog()).items}
        return build_plan(promotion, campaign.skus, catalog)

    async def preview(self, campaign_id: str) -> Preview:
        """The audience size, per language, and a rendered sample per language with its SMS segments."""
        campaign = await self._campaigns.load(campaign_id)
        plan = await self._plan(campaign)
        by_language: dict[str, int] = {}
        first: dict[str, tuple[str, str]] = {}
        after = ""
        while True:
            stores, next_after = await self._platform.promo_audience(replace(campaign.audience, after=after))
            for store in stores:
                if not store.phones:
                    continue
                used, _ = campaign.text_for(store.language)
                by_language[used] = by_language.get(used, 0) + 1
                first.setdefault(used, (store.name, store.region))
            if next_after is None:
                break
            after = next_after
        samples = []
        for language in sorted(set(campaign.texts) | set(first)):
            name, region = first.get(language, ("Sample Store", ""))
            _, text = compose(campaign, plan, name, language, region)
            sms = transliterate(text)
            samples.append(Sample(language, text, segment_count(sms), "GSM-7" if is_gsm7(sms) else "UCS-2"))
        return Preview(campaign_id, sum(by_language.values()), by_language, tuple(samples))

    async def test_send(
        self, campaign_id: str, phone: str, channel: str = Channel.SMS, store_id: str = ""
    ) -> list[Outbound]:
        """Send the campaign's message, as one store (or a sample store) would read it, to one phone."""
        campaign = await self._campaigns.load(campaign_id)
        plan = await self._plan(campaign)
        name, language, region = "Sample Store", DEFAULT_LANGUAGE, ""
        if store_id:
            store = await self._platform.store(store_id)
            name, language, region = store.name, store.language, store.region
        _, text = compose(campaign, plan, name, language, region)
        return await self._outbox.send_reply(
            phone, channel, Reply(text), base_id=f"promo-test:{campaign_id}:{time.time_ns()}", replaces_menu=False
        )

    async def schedule(self, campaign_id: str, starts_at: float | None = None) -> Campaign:
        """Fix the products and prices and let the campaign start at `starts_at` (now when not given)."""
        campaign = await self._campaigns.load(campaign_id)
        status = await self._campaigns.status(campaign_id)
        if status not in (CampaignStatus.DRAFT, CampaignStatus.SCHEDULED):
            raise WrongState(f"campaign {campaign_id} is {status}; only a draft or scheduled campaign can be scheduled")
        if starts_at is not None:
            campaign = replace(campaign, starts_at=starts_at)
        plan = await self._plan(campaign)
        if (campaign.promo_id or campaign.skus) and not plan.offer:
            raise InvalidCampaign("none of the campaign's products is in the catalog")
        await self._campaigns.save_plan(campaign_id, plan)
        await self._campaigns.ensure_queue(campaign_id)
        await self._campaigns.save(campaign, CampaignStatus.SCHEDULED)
        return campaign

    async def pause(self, campaign_id: str) -> None:
        """Stop sending; what is queued waits."""
        await self._move(campaign_id, (CampaignStatus.RUNNING, CampaignStatus.SCHEDULED), CampaignStatus.PAUSED)

    async def resume(self, campaign_id: str) -> None:
        """Send again from where the campaign paused."""
        campaign = await self._campaigns.load(campaign_id)
        await self._move(
            campaign_id,
            (CampaignStatus.PAUSED,),
            CampaignStatus.SCHEDULED if campaign.starts_at > time.time() else CampaignStatus.RUNNING,
        )

    async def cancel(self, campaign_id: str) -> None:
        """Stop for good; stores not yet reached never get it."""
        await self._move(
            campaign_id,
            (CampaignStatus.DRAFT, CampaignStatus.SCHEDULED, CampaignStatus.RUNNING, CampaignStatus.PAUSED),
            CampaignStatus.CANCELLED,
        )

    async def _move(self, campaign_id: str, allowed: tuple[str, ...], to: str) -> None:
        status = await self._campaigns.status(campaign_id)
        if status not in allowed:
            raise WrongState(f"campaign {campaign_id} is {status}; it cannot become {to}")
        await self._campaigns.set_status(campaign_id, to)

    async def progress(self, campaign_id: str) -> Progress:
        """The campaign's status and counters."""
        return await self._campaigns.progress(campaign_id)

    async def campaigns(self) -> list[Progress]:
        """Every campaign's progress, oldest first."""
        return [await self._campaigns.progress(i) for i in await self._campaigns.ids()]

    async def set_consent(self, store_id: str, opt_in: bool, source: str) -> None:
        """Opt a store in or out (staff, an import): on the platform, and at once for running campaigns."""
        await self._platform.set_promo_consent(store_id, opt_in, source)
        await self._campaigns.consent_changed([store_id], opt_in)
