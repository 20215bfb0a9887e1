"""SMS text as the network carries it: GSM-7 or UCS-2, counted and split into segments."""

from __future__ import annotations

import re

# The GSM 03.38 default alphabet (one septet each) and its extension table (escape + one septet).
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = frozenset("\f^{}\\[~]|€")

GSM7_SINGLE, GSM7_MULTI = 160, 153
UCS2_SINGLE, UCS2_MULTI = 70, 67

# Typographic characters that phones and editors put in text, and their GSM-7 stand-ins.
_TRANSLITERATIONS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u2026": "...",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2007": " ",
    "\u200b": "",
    "\u2022": "-",
    "\u00b7": "-",
    "\u00d7": "x",
    "\t": " ",
}
_TRANSLATE = str.maketrans(_TRANSLITERATIONS)


def transliterate(text: str) -> str:
    """Replace smart quotes, dashes and similar typography with their GSM-7 equivalents."""
    return text.translate(_TRANSLATE)


def is_gsm7(text: str) -> bool:
    """True when every character of `text` has a GSM-7 encoding."""
    return all(c in GSM7_BASIC or c in GSM7_EXTENDED for c in text)


def _units(text: str, gsm: bool) -> list[tuple[str, int]]:
    """Each character with the septets (GSM-7) or UTF-16 code units (UCS-2) it takes."""
    if gsm:
        return [(c, 2 if c in GSM7_EXTENDED else 1) for c in text]
    return [(c, 2 if ord(c) > 0xFFFF else 1) for c in text]


def segments(text: str) -> list[str]:
    """The segments a single SMS of `text` is sent as; an escape pair or surrogate pair is never split."""
    if not text:
        return []
    gsm = is_gsm7(text)
    units = _units(text, gsm)
    single, multi = (GSM7_SINGLE, GSM7_MULTI) if gsm else (UCS2_SINGLE, UCS2_MULTI)
    if sum(size for _, size in units) <= single:
        return [text]
    parts: list[str] = []
    current: list[str] = []
    used = 0
    for char, size in units:
        if used + size > multi:
            parts.append("".join(current))
            current, used = [], 0
        current.append(char)
        used += size
    parts.append("".join(current))
    return parts


def segment_count(text: str) -> int:
    """How many segments one SMS of `text` costs."""
    return len(segments(text))


_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


def split_message(text: str, max_segments: int) -> list[str]:
    """Split `text` into messages of at most `max_segments` segments each, at the widest boundary that fits."""
    text = text.strip()
    if not text:
        return []
    if segment_count(text) <= max_segments:
        return [text]
    for pattern in _BREAKS:
        pieces = [p for p in pattern.split(text) if p.strip()]
        if len(pieces) > 1:
            joiner = "\n\n" if pattern is _BREAKS[0] else "\n" if pattern is _BREAKS[1] else " "
            return _pack(pieces, joiner, max_segments)
    return _hard_split(text, max_segments)


def _pack(pieces: list[str], joiner: str, max_segments: int) -> list[str]:
    """Greedily join pieces into messages that fit; a piece too long alone is split further."""
    messages: list[str] = []
    current = ""
    for piece in pieces:
        piece = piece.strip()
        candidate = f"{current}{joiner}{piece}" if current else piece
        if segment_count(candidate) <= max_segments:
            current = candidate
            continue
        if current:
            messages.append(current)
        if segment_count(piece) <= max_segments:
            current = piece
        else:
            *full, current = split_message(piece, max_segments)
            messages.extend(full)
    if current:
        messages.append(current)
    return messages


def _hard_split(text: str, max_segments: int) -> list[str]:
    """Split a text without any whitespace at segment edges (a very long word or number)."""
    segs = segments(text)
    return ["".join(segs[i : i + max_segments]) for i in range(0, len(segs), max_segments)]
