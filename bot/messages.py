"""Provider-neutral messages: what an adapter parses a webhook into and what the outbox sends."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import Enum
from typing import Mapping


class Name(str, Enum):
    """A state or kind named once: equal to its value, and stored, formatted and printed as it."""

    def __str__(self) -> str:
        return str(self.value)


class Channel(Name):
    """How a conversation reaches a person and how a reply to it is rendered."""

    SMS = "sms"
    TWILIO_WHATSAPP = "twilio_whatsapp"
    WHATSAPP = "whatsapp"
    SIMULATOR = "simulator"
    WECHAT = "wechat"


NUMBERED_MENU_CHANNELS = frozenset({Channel.SMS, Channel.TWILIO_WHATSAPP, Channel.SIMULATOR, Channel.WECHAT})
# Where a business may write first to someone who never wrote: WhatsApp and WeChat then allow only templates.
FIRST_WRITERS = (Channel.SMS, Channel.SIMULATOR)


class Direction(Name):
    """Which way a message went: from a person, or to one."""

    IN = "in"
    OUT = "out"


@dataclass(frozen=True)
class Inbound:
    """One message a person sent, already verified and normalised (phone in E.164)."""

    message_id: str
    channel: str
    phone: str
    text: str
    received_at: float
    is_choice: bool = False

    def to_fields(self) -> dict[str, str]:
        """The flat form stored in a Redis stream entry."""
        return {"message": json.dumps(asdict(self))}

    @classmethod
    def from_fields(cls, fields: Mapping[str, str]) -> Inbound:
        """Parse a stream entry written by `to_fields`."""
        return cls(**json.loads(fields["message"]))


@dataclass(frozen=True)
class StatusEvent:
    """A provider's word on how far an outbound message got; `message_id` is ours when the send tagged it."""

    provider_id: str
    status: str
    error: str = ""
    message_id: str = ""


@dataclass(frozen=True)
class Button:
    """A choice the assistant offers; `payload` goes back to it verbatim when picked."""

    title: str
    payload: str


@dataclass(frozen=True)
class Reply:
    """What the assistant said in one turn, before it is rendered for a channel; `language` is the one it is in."""

    text: str
    buttons: tuple[Button, ...] = ()
    image: str = ""
    handoff: bool = False
    language: str = ""


@dataclass(frozen=True)
class Choice:
    """One row of an interactive WhatsApp message."""

    id: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Outbound:
    """One message to send, rendered for its channel; `kind` is text, buttons, list or image; `language` its own."""

    message_id: str
    channel: str
    to: str
    kind: str
    text: str
    choices: tuple[Choice, ...] = ()
    media_url: str = ""
    language: str = ""

    def to_fields(self) -> dict[str, str]:
        """The flat form stored in a Redis stream entry."""
        return {"message": json.dumps(asdict(self))}

    @classmethod
    def from_fields(cls, fields: Mapping[str, str]) -> Outbound:
        """Parse a stream entry written by `to_fields`."""
        data = json.loads(fields["message"])
        data["choices"] = tuple(Choice(**c) for c in data.get("choices", ()))
        return cls(**data)
