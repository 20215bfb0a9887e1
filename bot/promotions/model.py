"""A campaign as operators define it, and its typed errors."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Mapping

from backend.models import AudienceQuery
from bot.messages import Name

DEFAULT_LANGUAGE = "en"


class CampaignStatus(Name):
    """The life of a campaign: draft -> scheduled -> running -> done, with pause/resume and cancel on the way."""

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    RUNNING = "running"
    PAUSED = "paused"
    CANCELLED = "cancelled"
    DONE = "done"


class Counter(Name):
    """A campaign's progress counters, in the order operators read them."""

    QUEUED = "queued"
    SENT = "sent"
    DELIVERED = "delivered"
    FAILED = "failed"
    SKIPPED_OPT_OUT = "skipped_opt_out"
    SKIPPED_QUIET_HOURS = "skipped_quiet_hours"
    WAITING_QUIET_HOURS = "waiting_quiet_hours"
    SKIPPED_WINDOW = "skipped_window"
    SKIPPED_SAME_PHONE = "skipped_same_phone"
    AWAITING_RECEIPT = "awaiting_receipt"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


class CampaignError(Exception):
    """A campaign operation that cannot be done."""


class CampaignNotFound(CampaignError):
    """No campaign with this id."""


class InvalidCampaign(CampaignError):
    """A campaign definition that may not be saved (bad template, window, language)."""


class WrongState(CampaignError):
    """The operation does not fit the campaign's status (resume a cancelled one, schedule a running one)."""


@dataclass(frozen=True)
class WhatsAppTemplate:
    """A Meta-approved template for stores outside the 24-hour window: its name, language and body parameters.

    Each parameter is itself a campaign template (`{{ store_name }}`), rendered in the same sandbox.
    `content_sid` is the same template in Twilio's Content API (HX...), for WhatsApp sent through Twilio.
    """

    name: str
    language: str = DEFAULT_LANGUAGE
    parameters: tuple[str, ...] = ()
    content_sid: str = ""


@dataclass(frozen=True)
class WeChatTemplate:
    """A WeChat template message for stores past the 48 hours after their last message, when WeChat allows
    no other: its template id and, for each of its data keys (`thing1`, `amount2`), a campaign template
    (`{{ store_name }}`) rendered per store in the same sandbox."""

    template_id: str
    fields: tuple[tuple[str, str], ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        """The data keys, in order."""
        return tuple(key for key, _ in self.fields)

    @property
    def parameters(self) -> tuple[str, ...]:
        """The campaign templates that fill the keys, in order."""
        return tuple(value for _, value in self.fields)


@dataclass(frozen=True)
class Campaign:
    """What to send, to whom, when; `texts` maps a language to its message template (English is required)."""

    campaign_id: str
    name: str
    texts: Mapping[str, str]
    audience: AudienceQuery = field(default_factory=AudienceQuery)
    starts_at: float = 0.0
    ends_at: float = 0.0
    promo_id: str = ""
    skus: tuple[str, ...] = ()
    whatsapp_template: WhatsAppTemplate | None = None
    wechat_template: WeChatTemplate | None = None

    def text_for(self, language: str) -> tuple[str, str]:
        """The language actually used for a store's language, and its template (English when none)."""
        if language in self.texts:
            return language, self.texts[language]
        return DEFAULT_LANGUAGE, self.texts[DEFAULT_LANGUAGE]

    def to_json(self) -> str:
        """The stored form."""
        data: dict[str, Any] = asdict(self)
        data["texts"] = dict(self.texts)
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, raw: str) -> Campaign:
        """Parse the stored form."""
        data = json.loads(raw)
        audience = data.pop("audience")
        template = data.pop("whatsapp_template")
        wechat = data.pop("wechat_template", None)
        return cls(
            **{**data, "skus": tuple(data["skus"])},
            audience=AudienceQuery(
                **{
                    **audience,
                    "regions": tuple(audience["regions"]),
                    "languages": tuple(audience["languages"]),
                    "store_types": tuple(audience["store_types"]),
                }
            ),
            whatsapp_template=(
                WhatsAppTemplate(
                    template["name"], template["language"], tuple(template["parameters"]), template["content_sid"]
                )
                if template
                else None
            ),
            wechat_template=(
                WeChatTemplate(wechat["template_id"], tuple((key, value) for key, value in wechat["fields"]))
                if wechat
                else None
            ),
        )


@dataclass(frozen=True)
class Progress:
    """How far a campaign got: its status and each counter."""

    campaign_id: str
    status: str
    counts: Mapping[str, int]

    def to_json(self) -> dict[str, Any]:
        """A JSON-friendly form for the command line and the console."""
        return {
            "campaign_id": self.campaign_id,
            "status": self.status,
            **{k.value: self.counts.get(k, 0) for k in Counter},
        }
