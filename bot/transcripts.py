"""Every message in and out, per conversation, with status and what the assistant understood."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any, Mapping

from redis.asyncio import Redis

from bot.messages import Direction

# A status only moves forward (queued < sent < delivered < read); failed and undelivered end the story.
_ADVANCE = """
local current = redis.call('HGET', KEYS[1], 'status')
if not current then return 0 end
local rank = {received=0, queued=1, sent=2, delivered=3, read=4, failed=9, undelivered=9}
if current == 'failed' or current == 'undelivered' then return 0 end
if rank[ARGV[1]] == nil or rank[ARGV[1]] <= rank[current] then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'status_at', ARGV[2])
if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'error', ARGV[3]) end
return 1
"""


@dataclass(frozen=True)
class Understanding:
    """What the assistant made of a message."""

    intent: str = ""
    confidence: float = 0.0
    lines: tuple[Mapping[str, Any], ...] = ()
    ambiguous: tuple[Mapping[str, Any], ...] = ()
    unknown: tuple[Mapping[str, Any], ...] = ()
    # The language the assistant answered in (its `language` slot); not kept in the transcript.
    language: str = ""


@dataclass(frozen=True)
class TranscriptEntry:
    """One message of a conversation as the support console shows it."""

    message_id: str
    direction: Direction
    channel: str
    phone: str
    text: str
    at: float
    status: str
    provider_id: str = ""
    error: str = ""
    understanding: Understanding = field(default_factory=Understanding)


@dataclass(frozen=True)
class ConversationSummary:
    """A conversation in the console's list."""

    phone: str
    last_at: float
    channel: str
    waiting_for_person: bool
    waiting_since: float = 0.0


class TranscriptStore:
    """Conversations in Redis; each conversation's keys share a hash tag so a Cluster keeps them together."""

    def __init__(self, redis: Redis, prefix: str, retention: int = 90 * 24 * 3600) -> None:
        self._redis = redis
        self._prefix = prefix
        self._retention = retention

    def _key(self, phone: str, suffix: str) -> str:
        return f"{self._prefix}:conv:{{{phone}}}:{suffix}"

    async def append_inbound(self, message_id: str, channel: str, phone: str, text: str, at: float) -> None:
        """Record a message a person sent; recording the same message again changes nothing."""
        await self._append(message_id, Direction.IN, channel, phone, text, at, "received")

    async def append_outbound(self, message_id: str, channel: str, phone: str, text: str, at: float) -> None:
        """Record a message queued for a person."""
        await self._append(message_id, Direction.OUT, channel, phone, text, at, "queued")

    async def _append(
        self, message_id: str, direction: Direction, channel: str, phone: str, text: str, at: float, status: str
    ) -> None:
        entry = self._key(phone, f"msg:{message_id}")
        if await self._redis.exists(entry):
            return
        pipe = self._redis.pipeline(transaction=True)
        pipe.hset(
            entry,
            mapping={
                "message_id": message_id,
                "direction": direction,
                "channel": channel,
                "phone": phone,
                "text": text,
                "at": repr(at),
                "status": status,
            },
        )
        pipe.expire(entry, self._retention)
        pipe.zadd(self._key(phone, "timeline"), {message_id: at})
        pipe.expire(self._key(phone, "timeline"), self._retention)
        pipe.hset(self._key(phone, "meta"), mapping={"last_at": repr(at), "channel": channel})
        if direction == Direction.IN:
            pipe.hset(self._key(phone, "meta"), "last_in_at", repr(at))
        pipe.expire(self._key(phone, "meta"), self._retention)
        await pipe.execute()
        index = self._index(waiting=False)
        await self._redis.zadd(index, {phone: at})
        await self._redis.zremrangebyscore(index, "-inf", f"({time.time() - self._retention!r}")

    async def set_understanding(self, phone: str, message_id: str, understanding: Understanding) -> None:
        """Attach what the assistant understood to an inbound message."""
        await self._redis.hset(
            self._key(phone, f"msg:{message_id}"),
            mapping={
                "intent": understanding.intent,
                "confidence": repr(understanding.confidence),
                "lines": json.dumps(list(understanding.lines)),
                "ambiguous": json.dumps(list(understanding.ambiguous)),
                "unknown": json.dumps(list(understanding.unknown)),
            },
        )

    def _early_key(self, provider_id: str) -> str:
        return f"{self._prefix}:early-status:{{{provider_id}}}"

    async def set_provider_id(self, phone: str, message_id: str, provider_id: str) -> None:
        """Link an outbound message to the provider's id so status callbacks find it; apply any that came first."""
        await self._redis.hset(self._key(phone, f"msg:{message_id}"), "provider_id", provider_id)
        await self._redis.set(
            f"{self._prefix}:provider-msg:{{{provider_id}}}", f"{phone}\t{message_id}", ex=self._retention
        )
        for early in await self._redis.lrange(self._early_key(provider_id), 0, -1):
            status, _, error = str(early).partition("\t")
            await self.set_status(phone, message_id, status, error)

    async def update_status(self, provider_id: str, status: str, error: str = "") -> bool:
        """Move a message's status forward by the provider's id; a stale or repeated status changes nothing."""
        link = await self._redis.get(f"{self._prefix}:provider-msg:{{{provider_id}}}")
        if link is None:
            # A callback can overtake the send API's answer: keep it until the message is linked.
            pipe = self._redis.pipeline(transaction=True)
            pipe.rpush(self._early_key(provider_id), f"{status}\t{error}")
            pipe.expire(self._early_key(provider_id), 3600)
            await pipe.execute()
            return False
        phone, message_id = str(link).split("\t", 1)
        return await self.set_status(phone, message_id, status, error)

    async def set_status(self, phone: str, message_id: str, status: str, error: str = "") -> bool:
        """Move a message's status forward by our id."""
        changed = await self._redis.eval(
            _ADVANCE, 1, self._key(phone, f"msg:{message_id}"), status, repr(time.time()), error
        )
        return bool(changed)

    def _index(self, waiting: bool) -> str:
        """Phones by their last activity; or those waiting for a person, by when they began to wait."""
        return f"{self._prefix}:conversations" + (":waiting" if waiting else "")

    async def set_waiting_for_person(self, phone: str, waiting: bool) -> None:
        """Mark or clear a conversation as waiting for a person."""
        now = time.time()
        pipe = self._redis.pipeline(transaction=True)
        pipe.hset(
            self._key(phone, "meta"),
            mapping={"waiting_for_person": "1" if waiting else "0", "waiting_since": repr(now) if waiting else "0"},
        )
        if waiting:
            pipe.zadd(self._index(waiting=True), {phone: now})
        else:
            pipe.zrem(self._index(waiting=True), phone)
        await pipe.execute()

    async def last_channel(self, phone: str) -> str:
        """The channel the person last used, or an empty string."""
        return str(await self._redis.hget(self._key(phone, "meta"), "channel") or "")

    async def last_inbound_at(self, phone: str) -> float:
        """When the person last wrote (epoch seconds), 0 when never: WhatsApp's 24-hour window starts there."""
        return float(await self._redis.hget(self._key(phone, "meta"), "last_in_at") or 0.0)

    async def conversation(self, phone: str, limit: int = 200) -> list[TranscriptEntry]:
        """A conversation's messages, oldest first (the last `limit`)."""
        ids = await self._redis.zrange(self._key(phone, "timeline"), -limit, -1)
        pipe = self._redis.pipeline(transaction=False)
        for message_id in ids:
            pipe.hgetall(self._key(phone, f"msg:{message_id}"))
        return [_entry(row) for row in await pipe.execute() if row]

    async def conversations(
        self, limit: int = 50, waiting_only: bool = False, since: float = 0.0
    ) -> list[ConversationSummary]:
        """Conversations, most recent first, active since `since`; `waiting_only` keeps those waiting for a person."""
        phones = await self._redis.zrevrangebyscore(
            self._index(waiting_only), "+inf", repr(since) if since else "-inf", start=0, num=limit
        )
        pipe = self._redis.pipeline(transaction=False)
        for phone in phones:
            pipe.hgetall(self._key(phone, "meta"))
        summaries = []
        for phone, meta in zip(phones, await pipe.execute(), strict=True):
            if not meta:
                continue
            summary = ConversationSummary(
                phone,
                float(meta.get("last_at", 0)),
                meta.get("channel", ""),
                meta.get("waiting_for_person") == "1",
                float(meta.get("waiting_since") or 0),
            )
            if waiting_only and not summary.waiting_for_person:
                continue
            summaries.append(summary)
        return summaries


def _entry(row: Mapping[str, str]) -> TranscriptEntry:
    understanding = Understanding(
        intent=row.get("intent", ""),
        confidence=float(row.get("confidence") or 0.0),
        lines=tuple(json.loads(row.get("lines") or "[]")),
        ambiguous=tuple(json.loads(row.get("ambiguous") or "[]")),
        unknown=tuple(json.loads(row.get("unknown") or "[]")),
    )
    return TranscriptEntry(
        message_id=row["message_id"],
        direction=Direction(row["direction"]),
        channel=row["channel"],
        phone=row["phone"],
        text=row.get("text", ""),
        at=float(row["at"]),
        status=row.get("status", ""),
        provider_id=row.get("provider_id", ""),
        error=row.get("error", ""),
        understanding=understanding,
    )
