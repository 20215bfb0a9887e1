"""One assistant reply rendered per channel: numbered SMS menus or WhatsApp buttons and lists."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from bot import replies
from bot.messages import NUMBERED_MENU_CHANNELS, Button, Channel, Choice, Reply
from bot.sms import split_message, transliterate
from i18n import phrasebook

# Meta's limits for interactive messages.
WA_MAX_BUTTONS = 3
WA_BUTTON_TITLE = 20
WA_BUTTON_ID = 256
WA_MAX_ROWS = 10
WA_ROW_TITLE = 24
WA_ROW_DESCRIPTION = 72
WA_ROW_ID = 200
WA_INTERACTIVE_BODY = 1024
WA_TEXT_BODY = 4096
# Characters in one WeChat text: 2048 bytes of UTF-8 hold 682 Chinese characters.
WECHAT_TEXT_LIMIT = 680


@dataclass(frozen=True)
class Rendered:
    """A reply as a channel sends it: each part is (kind, text, choices, media_url); `menu` maps numbers."""

    parts: tuple[tuple[str, str, tuple[Choice, ...], str], ...]
    menu: tuple[str, ...]


def reply_from_rasa(messages: Sequence[Mapping[str, Any]]) -> Reply:
    """Merge the messages of one Rasa turn into one reply (texts in order, the buttons offered, handoff)."""
    texts: list[str] = []
    buttons: list[Button] = []
    image = ""
    handoff = False
    for message in messages:
        if message.get("text"):
            texts.append(str(message["text"]).strip())
        for button in message.get("buttons") or ():
            buttons.append(Button(str(button.get("title", "")), str(button.get("payload", button.get("title", "")))))
        if message.get("image"):
            image = str(message["image"])
        custom = message.get("custom")
        if isinstance(custom, Mapping) and custom.get("handoff") == "requested":
            handoff = True
        if isinstance(custom, Mapping) and custom.get("text"):
            texts.append(str(custom["text"]).strip())
    return Reply("\n\n".join(t for t in texts if t), tuple(buttons), image, handoff)


def numbered(text: str, buttons: Sequence[Button]) -> tuple[str, tuple[str, ...]]:
    """The text followed by the choices as a numbered menu, and the payloads its numbers stand for; unless the text
    already names every choice, when no number stands for one the owner was not shown (`1` is no YES)."""
    if all(re.search(rf"(?<!\w){re.escape(b.title)}(?!\w)", text) for b in buttons):
        # Listing them again would only cost the store owner another SMS segment.
        return text, ()
    lines = [f"{n}. {b.title}" for n, b in enumerate(buttons, start=1)]
    return (f"{text}\n" + "\n".join(lines) if text else "\n".join(lines)), tuple(b.payload for b in buttons)


def render(reply: Reply, channel: str, max_segments: int) -> Rendered:
    """Render a reply for a channel."""
    if channel == Channel.WHATSAPP:
        return render_whatsapp(reply)
    if channel == Channel.WECHAT:
        return render_wechat(reply)
    if channel not in NUMBERED_MENU_CHANNELS:
        raise ValueError(f"no renderer for channel {channel}")
    return render_sms(reply, max_segments)


def render_sms(reply: Reply, max_segments: int) -> Rendered:
    """Plain GSM-friendly text with numbered choices, split into messages of at most `max_segments`."""
    text, menu = numbered(reply.text, reply.buttons)
    if reply.image:
        text = f"{text}\n{reply.image}" if text else reply.image
    parts = tuple(("text", part, (), "") for part in split_message(transliterate(text), max_segments))
    return Rendered(parts, menu)


def render_wechat(reply: Reply) -> Rendered:
    """Text with numbered choices, in parts within the customer-service API's 2048 bytes (UTF-8, so 3 a Chinese
    character): no SMS segments, no transliteration."""
    text, menu = numbered(reply.text, reply.buttons)
    if reply.image:
        text = f"{text}\n{reply.image}" if text else reply.image
    parts = tuple(("text", part, (), "") for part in _chunks(text, WECHAT_TEXT_LIMIT))
    return Rendered(parts, menu)


def render_whatsapp(reply: Reply) -> Rendered:
    """Reply buttons (up to 3 short titles) or a list (up to 10 rows), else a numbered menu in text."""
    parts: list[tuple[str, str, tuple[Choice, ...], str]] = []
    if reply.image:
        parts.append(("image", "", (), reply.image))
    buttons = reply.buttons
    interactive = _interactive(reply.text, buttons, reply.language)
    if interactive is not None:
        return Rendered(tuple(parts) + interactive, ())
    text, menu = numbered(reply.text, buttons)
    for chunk in _chunks(text, WA_TEXT_BODY):
        parts.append(("text", chunk, (), ""))
    return Rendered(tuple(parts), menu)


def _interactive(
    text: str, buttons: Sequence[Button], language: str
) -> tuple[tuple[str, str, tuple[Choice, ...], str], ...] | None:
    """The interactive parts for these buttons, or None when Meta's limits rule them out."""
    if not buttons or len(buttons) > WA_MAX_ROWS:
        return None
    please_choose = phrasebook(language)._(replies.PLEASE_CHOOSE)
    body = text or please_choose
    lead: tuple[tuple[str, str, tuple[Choice, ...], str], ...] = ()
    if len(body) > WA_INTERACTIVE_BODY:
        lead = tuple(("text", chunk, (), "") for chunk in _chunks(body, WA_TEXT_BODY))
        body = please_choose
    if (
        len(buttons) <= WA_MAX_BUTTONS
        and all(len(b.title) <= WA_BUTTON_TITLE for b in buttons)
        and all(0 < len(b.payload) <= WA_BUTTON_ID for b in buttons)
    ):
        return lead + (("buttons", body, tuple(Choice(b.payload, b.title) for b in buttons), ""),)
    if all(0 < len(b.payload) <= WA_ROW_ID for b in buttons):
        rows = tuple(_row(b) for b in buttons)
        return lead + (("list", body, rows, ""),)
    return None


def _row(button: Button) -> Choice:
    """A list row; a title over the limit is shortened and kept whole in the description."""
    if len(button.title) <= WA_ROW_TITLE:
        return Choice(button.payload, button.title)
    return Choice(button.payload, _shorten(button.title, WA_ROW_TITLE), _shorten(button.title, WA_ROW_DESCRIPTION))


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _chunks(text: str, limit: int) -> list[str]:
    """Split a long WhatsApp text at line boundaries so that no part exceeds Meta's limit."""
    if len(text) <= limit:
        return [text]
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current:
        chunks.append(current)
    return chunks
