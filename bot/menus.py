"""The numbered menu last sent to each phone, so that a number typed back picks from it."""

from __future__ import annotations

import json
from typing import Sequence

from redis.asyncio import Redis


class MenuStore:
    """Each phone's last numbered menu: the payloads its numbers stand for, kept for a while."""

    def __init__(self, redis: Redis, prefix: str, ttl: int) -> None:
        self._redis = redis
        self._prefix = prefix
        self._ttl = ttl

    def _key(self, phone: str) -> str:
        return f"{self._prefix}:menu:{{{phone}}}"

    async def remember(self, phone: str, payloads: Sequence[str]) -> None:
        """Keep the payloads of a numbered menu just sent to the phone."""
        await self._redis.set(self._key(phone), json.dumps(list(payloads)), ex=self._ttl)

    async def forget(self, phone: str) -> None:
        """Drop the phone's last numbered menu, so a number typed next is not read as a pick from it."""
        await self._redis.delete(self._key(phone))

    async def choice(self, phone: str, text: str) -> str | None:
        """The payload a typed number picks from the last numbered menu sent to this phone, if any."""
        number = text.strip().rstrip(".")
        if not number.isdigit():
            return None
        menu = await self._redis.get(self._key(phone))
        if menu is None:
            return None
        payloads = json.loads(menu)
        index = int(number) - 1
        return str(payloads[index]) if 0 <= index < len(payloads) else None
