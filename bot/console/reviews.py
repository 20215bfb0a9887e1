"""What staff add to a conversation: reviewed mark, tags, private notes."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass

from redis.asyncio import Redis

MAX_TAGS = 20
MAX_NOTE = 2000
_TAG = re.compile(r"^[\w-]{1,30}$")


class ReviewError(ValueError):
    """A tag or note that cannot be stored."""


@dataclass(frozen=True)
class Note:
    """A private note by a member of staff."""

    author: str
    at: float
    text: str


@dataclass(frozen=True)
class Review:
    """The staff's marks on one conversation."""

    reviewed_at: float = 0.0
    reviewed_by: str = ""
    tags: tuple[str, ...] = ()

    def reviewed_since(self, last_at: float) -> bool:
        """True when someone marked it reviewed after its latest message."""
        return self.reviewed_at >= last_at > 0


class ReviewStore:
    """Marks and notes beside the transcript; the phone's hash tag keeps them on the conversation's slot."""

    def __init__(self, redis: Redis, prefix: str) -> None:
        self._redis = redis
        self._prefix = prefix

    def _key(self, phone: str, suffix: str) -> str:
        return f"{self._prefix}:conv:{{{phone}}}:{suffix}"

    async def get(self, phone: str) -> Review:
        """The marks on a conversation."""
        row = await self._redis.hgetall(self._key(phone, "review"))
        return Review(
            float(row.get("reviewed_at") or 0), row.get("reviewed_by", ""), tuple(json.loads(row.get("tags") or "[]"))
        )

    async def mark_reviewed(self, phone: str, by: str) -> None:
        """Mark the conversation reviewed as of now."""
        await self._redis.hset(
            self._key(phone, "review"), mapping={"reviewed_at": repr(time.time()), "reviewed_by": by}
        )

    async def set_tags(self, phone: str, raw: str) -> tuple[str, ...]:
        """Replace the tags with those typed (comma or space separated)."""
        tags = tuple(dict.fromkeys(t.strip().lower() for t in re.split(r"[,\s]+", raw) if t.strip()))
        if len(tags) > MAX_TAGS or not all(_TAG.match(t) for t in tags):
            raise ReviewError(f"up to {MAX_TAGS} tags of letters, digits, dashes or underscores")
        await self._redis.hset(self._key(phone, "review"), "tags", json.dumps(list(tags)))
        return tags

    async def add_note(self, phone: str, author: str, text: str) -> Note:
        """Append a private note."""
        text = text.strip()
        if not text or len(text) > MAX_NOTE:
            raise ReviewError(f"a note has 1 to {MAX_NOTE} characters")
        note = Note(author, time.time(), text)
        await self._redis.rpush(self._key(phone, "notes"), json.dumps(note.__dict__))
        return note

    async def notes(self, phone: str) -> list[Note]:
        """The notes, oldest first."""
        return [Note(**json.loads(raw)) for raw in await self._redis.lrange(self._key(phone, "notes"), 0, -1)]
