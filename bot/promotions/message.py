"""Each store's promotion as it will be sent: its channel, its text or template, its cost in the channel's pace.

`prepare` is pure; `StoreChannels` reads, from the transcripts, the channel each store last wrote on and when.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Collection

from backend.models import AudienceStore
from bot.messages import Channel, Outbound
from bot.promotions.campaigns import SendPlan, compose, promo_message_id, template_parameters
from bot.promotions.model import Campaign
from bot.sending import TemplateCall
from bot.sms import segment_count, transliterate
from bot.transcripts import TranscriptStore

SMS_LIKE = frozenset({Channel.SMS, Channel.SIMULATOR})
# How long after a store's last message each channel takes free-form text; past it only a template goes.
SERVICE_WINDOWS: dict[str, int] = {
    Channel.WHATSAPP: 24 * 3600,
    Channel.TWILIO_WHATSAPP: 24 * 3600,
    Channel.WECHAT: 48 * 3600,
}


def pace_of(channel: str) -> str:
    """The pace a channel's sends keep to: SMS segments, WeChat messages or WhatsApp messages."""
    return "sms" if channel in SMS_LIKE else "wechat" if channel == Channel.WECHAT else "whatsapp"


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


@dataclass(frozen=True)
class Prepared:
    """One store's promotion ready to send: its channel, its text, and outside the channel's window its template
    (`outside_window` with no `call` when the campaign has none this channel can send)."""

    channel: str
    message: Outbound
    cost: int
    outside_window: bool = False
    call: TemplateCall | None = None
    template_name: str = ""

    @property
    def sendable(self) -> bool:
        """False outside the channel's window when the campaign has no template this channel can send."""
        return not self.outside_window or self.call is not None

    @property
    def shown(self) -> str:
        """The promotion as the transcript shows it."""
        if self.call is None:
            return self.message.text
        return f"[template {self.template_name}] " + " | ".join(self.call.parameters)


def prepare(campaign: Campaign, plan: SendPlan, target: Target, channel: str, since_inbound: float) -> Prepared:
    """What this store gets on `channel`, `since_inbound` seconds after it last wrote: the text or the template."""
    _, text = compose(campaign, plan, target.name, target.language, target.region)
    message_id = promo_message_id(campaign.campaign_id, target.store_id)
    if channel in SMS_LIKE:
        text = transliterate(text)
    cost = segment_count(text) if channel in SMS_LIKE else 1
    message = Outbound(message_id, channel, target.phone, "text", text)
    window = SERVICE_WINDOWS.get(channel)
    if window is None or since_inbound < window:
        return Prepared(channel, message, cost)
    if channel == Channel.WECHAT:
        wechat = campaign.wechat_template
        if wechat is None:
            return Prepared(channel, message, cost, outside_window=True)
        values = template_parameters(wechat.parameters, plan, target.name, target.region)
        call = TemplateCall(wechat.template_id, target.language, values, wechat.keys)
        return Prepared(channel, message, cost, True, call, wechat.template_id)
    whatsapp = campaign.whatsapp_template
    template_id = ""
    if whatsapp is not None:
        template_id = whatsapp.content_sid if channel == Channel.TWILIO_WHATSAPP else whatsapp.name
    if whatsapp is None or not template_id:
        return Prepared(channel, message, cost, outside_window=True)
    values = template_parameters(whatsapp.parameters, plan, target.name, target.region)
    call = TemplateCall(template_id, whatsapp.language, values)
    return Prepared(channel, message, cost, True, call, whatsapp.name or template_id)


class StoreChannels:
    """Where each store is reached: the channel it last wrote on, else the default, else any enabled one."""

    def __init__(self, transcripts: TranscriptStore, channels: Collection[str], default_channel: str) -> None:
        self._transcripts = transcripts
        self._channels = channels
        self._default = default_channel

    async def channel_for(self, phone: str) -> str:
        """The channel a promotion to this phone goes on."""
        last = await self._transcripts.last_channel(phone)
        if last in self._channels:
            return last
        if self._default in self._channels:
            return self._default
        return next(iter(self._channels))

    async def prepared(self, campaign: Campaign, plan: SendPlan, target: Target) -> Prepared:
        """The store's promotion on its channel; WhatsApp's and WeChat's windows counted from its last message."""
        channel = await self.channel_for(target.phone)
        since_inbound = 0.0
        if channel in SERVICE_WINDOWS:
            since_inbound = time.time() - await self._transcripts.last_inbound_at(target.phone)
        return prepare(campaign, plan, target, channel, since_inbound)
