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
from bot.promotions.model import Campaign, WhatsAppTemplate
from bot.sending import TemplateCall
from bot.sms import segment_count, transliterate
from bot.transcripts import TranscriptStore

WHATSAPP_WINDOW = 24 * 3600
SMS_LIKE = frozenset({Channel.SMS, Channel.SIMULATOR})
WHATSAPP_LIKE = frozenset({Channel.WHATSAPP, Channel.TWILIO_WHATSAPP})


def pace_of(channel: str) -> str:
    """The pace a channel's sends keep to: SMS segments, or WhatsApp messages."""
    return "sms" if channel in SMS_LIKE else "whatsapp"


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


def prepare(campaign: Campaign, plan: SendPlan, target: Target, channel: str, since_inbound: float) -> Prepared:
    """What this store gets on `channel`, `since_inbound` seconds after it last wrote: the text or the template."""
    _, text = compose(campaign, plan, target.name, target.language, target.region)
    message_id = promo_message_id(campaign.campaign_id, target.store_id)
    template, template_id = None, ""
    if channel in WHATSAPP_LIKE and since_inbound >= WHATSAPP_WINDOW:
        template = campaign.whatsapp_template or WhatsAppTemplate("")
        template_id = template.content_sid if channel == Channel.TWILIO_WHATSAPP else template.name
    if channel in SMS_LIKE:
        text = transliterate(text)
    parameters = template_parameters(campaign, plan, target.name, target.region) if template_id else ()
    cost = segment_count(text) if channel in SMS_LIKE else 1
    message = Outbound(message_id, channel, target.phone, "text", text)
    return Prepared(channel, message, template, template_id, parameters, cost)


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
        """The store's promotion on its channel; WhatsApp's window counted from the store's last message."""
        channel = await self.channel_for(target.phone)
        since_inbound = 0.0
        if channel in WHATSAPP_LIKE:
            since_inbound = time.time() - await self._transcripts.last_inbound_at(target.phone)
        return prepare(campaign, plan, target, channel, since_inbound)
