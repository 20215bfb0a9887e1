"""What a conversation's transcript says about it, and the list filters over those facts (pure functions)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Mapping, Sequence

from bot.messages import Direction
from bot.transcripts import ConversationSummary, TranscriptEntry

FAILED_STATUSES = frozenset({"failed", "undelivered"})
FALLBACK_INTENTS = frozenset({"", "nlu_fallback", "out_of_scope"})
CONFIRM_INTENTS = frozenset({"affirm"})

# Filter names as they appear in the list's query string, and their labels.
FLAGS = {
    "needs_person": "needs a person",
    "low_confidence": "low intent confidence",
    "low_match": "low match or open question",
    "abandoned": "abandoned draft",
    "failed": "failed delivery",
    "has_order": "has an order",
    "unreviewed": "not yet reviewed",
}


@dataclass(frozen=True)
class Thresholds:
    """Below these the assistant's reading deserves a look."""

    confidence: float
    score: float


@dataclass(frozen=True)
class ConversationFacts:
    """What the list shows and filters on, read from one transcript."""

    low_confidence: bool
    low_match: bool
    abandoned: bool
    failed: bool
    last_inbound: str
    messages: int


def is_low_match(entry: TranscriptEntry, thresholds: Thresholds) -> bool:
    """True when a parsed line scored low, or the message left a question or an unknown item."""
    understood = entry.understanding
    if understood.ambiguous or understood.unknown:
        return True
    return any(float(line.get("score") or 0) < thresholds.score for line in understood.lines)


def is_low_confidence(entry: TranscriptEntry, thresholds: Thresholds) -> bool:
    """True when the assistant read the message's intent with low confidence (and did read it)."""
    understood = entry.understanding
    return bool(understood.intent) and understood.confidence < thresholds.confidence


def facts(entries: Sequence[TranscriptEntry], thresholds: Thresholds) -> ConversationFacts:
    """The facts of one conversation, oldest message first."""
    inbound = [e for e in entries if e.direction == Direction.IN]
    draft_at = 0.0
    confirmed_at = 0.0
    for entry in inbound:
        if entry.understanding.lines:
            draft_at = entry.at
        if entry.understanding.intent in CONFIRM_INTENTS:
            confirmed_at = entry.at
    summary_sent = draft_at > 0 and any(e.direction == Direction.OUT and e.at >= draft_at for e in entries)
    return ConversationFacts(
        low_confidence=any(is_low_confidence(e, thresholds) for e in inbound),
        low_match=any(is_low_match(e, thresholds) for e in inbound),
        abandoned=summary_sent and confirmed_at < draft_at,
        failed=any(e.direction == Direction.OUT and e.status in FAILED_STATUSES for e in entries),
        last_inbound=inbound[-1].text if inbound else "",
        messages=len(entries),
    )


@dataclass(frozen=True)
class ConversationQuery:
    """The list's filters, read from a query string."""

    flags: frozenset[str] = frozenset()
    store: str = ""
    region: str = ""
    channel: str = ""
    since: date | None = None
    until: date | None = None
    text: str = ""
    page: int = 1

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> ConversationQuery:
        """Read filters, ignoring what is malformed rather than failing the page."""
        return cls(
            flags=frozenset(f for f in FLAGS if query.get(f) == "1"),
            store=query.get("store", "").strip()[:64],
            region=query.get("region", "").strip()[:64],
            channel=query.get("channel", "").strip()[:32],
            since=_date(query.get("since", "")),
            until=_date(query.get("until", "")),
            text=query.get("q", "").strip()[:200],
            page=max(_int(query.get("page", "1")), 1),
        )

    def matches_summary(self, summary: ConversationSummary) -> bool:
        """The checks that need only the list entry."""
        day = datetime.fromtimestamp(summary.last_at, timezone.utc).date()
        if self.channel and summary.channel != self.channel:
            return False
        if self.since and day < self.since:
            return False
        if self.until and day > self.until:
            return False
        return not ("needs_person" in self.flags and not summary.waiting_for_person)

    def matches_facts(self, found: ConversationFacts, reviewed: bool) -> bool:
        """The checks on what the transcript says and on the staff's marks."""
        wanted = {
            "low_confidence": found.low_confidence,
            "low_match": found.low_match,
            "abandoned": found.abandoned,
            "failed": found.failed,
            "unreviewed": not reviewed,
        }
        return all(value for name, value in wanted.items() if name in self.flags)

    def matches_text(self, entries: Sequence[TranscriptEntry], phone: str) -> bool:
        """Every word of the search appears in the phone number or some message (case-insensitive)."""
        if not self.text:
            return True
        haystack = " ".join([phone, *(e.text for e in entries)]).casefold()
        return all(word in haystack for word in self.text.casefold().split())


def _date(raw: str) -> date | None:
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def _int(raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        return 1
