"""The dashboard's figures over the last days, computed from transcripts and orders (pure functions)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Iterable, Sequence

from backend.models import Order
from bot.console.filters import FALLBACK_INTENTS, Thresholds
from bot.messages import Direction
from bot.transcripts import ConversationSummary, TranscriptEntry

SCORE_BUCKETS = (0, 50, 60, 70, 80, 90, 95)
HANDOFF_INTENT = "human_handoff"


@dataclass(frozen=True)
class DashboardFigures:
    """Per-day counts (oldest day first) and the match-score histogram."""

    days: tuple[date, ...]
    inbound: tuple[int, ...]
    outbound: tuple[int, ...]
    orders: tuple[int, ...]
    handoffs: tuple[int, ...]
    understood_share: tuple[float, ...]
    score_labels: tuple[str, ...]
    score_counts: tuple[int, ...]
    waiting_now: int
    held_now: int

    @property
    def understood_overall(self) -> float:
        """Share of inbound messages understood without fallback over the whole period, in percent."""
        total = sum(self.inbound)
        weighted = sum(share * n for share, n in zip(self.understood_share, self.inbound, strict=True))
        return weighted / total if total else 0.0


def _day(at: float) -> date:
    return datetime.fromtimestamp(at, timezone.utc).date()


def understood(entry: TranscriptEntry, thresholds: Thresholds) -> bool:
    """True when the assistant named an intent other than a fallback, with enough confidence."""
    reading = entry.understanding
    return reading.intent not in FALLBACK_INTENTS and reading.confidence >= thresholds.confidence


def score_bucket(score: float) -> int:
    """The histogram bucket a match score falls in."""
    index = 0
    for i, low in enumerate(SCORE_BUCKETS):
        if score >= low:
            index = i
    return index


def figures(
    today: date,
    days: int,
    conversations: Iterable[Sequence[TranscriptEntry]],
    orders: Iterable[Order],
    summaries: Sequence[ConversationSummary],
    held: int,
    thresholds: Thresholds,
) -> DashboardFigures:
    """Count messages, understood messages and orders per day, and line scores, over the last `days` days."""
    span = tuple(today - timedelta(days=n) for n in range(days - 1, -1, -1))
    first = span[0]
    inbound: Counter[date] = Counter()
    outbound: Counter[date] = Counter()
    understood_count: Counter[date] = Counter()
    handoffs: Counter[date] = Counter()
    scores = [0] * len(SCORE_BUCKETS)
    for entries in conversations:
        for entry in entries:
            day = _day(entry.at)
            if day < first:
                continue
            if entry.direction == Direction.OUT:
                outbound[day] += 1
                continue
            inbound[day] += 1
            if understood(entry, thresholds):
                understood_count[day] += 1
            if entry.understanding.intent == HANDOFF_INTENT:
                handoffs[day] += 1
            for line in entry.understanding.lines:
                scores[score_bucket(float(line.get("score") or 0))] += 1
    per_day_orders: Counter[date] = Counter()
    for order in orders:
        try:
            day = datetime.fromisoformat(order.created_at.replace("Z", "+00:00")).date()
        except ValueError:
            continue
        per_day_orders[day] += 1
    labels = tuple(
        f"{low}-{SCORE_BUCKETS[i + 1] - 1}" if i + 1 < len(SCORE_BUCKETS) else f"{low}-100"
        for i, low in enumerate(SCORE_BUCKETS)
    )
    return DashboardFigures(
        days=span,
        inbound=tuple(inbound[d] for d in span),
        outbound=tuple(outbound[d] for d in span),
        orders=tuple(per_day_orders[d] for d in span),
        handoffs=tuple(handoffs[d] for d in span),
        understood_share=tuple(100.0 * understood_count[d] / inbound[d] if inbound[d] else 0.0 for d in span),
        score_labels=labels,
        score_counts=tuple(scores),
        waiting_now=sum(1 for s in summaries if s.waiting_for_person),
        held_now=held,
    )
