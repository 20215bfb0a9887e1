"""Phrases a store uses for a SKU, learned from corrections and used before fuzzy matching."""

from __future__ import annotations

from typing import Protocol

from redis.asyncio import Redis

from nlu.text import catalog_words

MAX_PHRASE_CHARS = 120


def alias_phrase(phrase: str) -> str:
    """The stored form of a phrase: lower case, single spaces, no punctuation."""
    return " ".join(catalog_words(phrase[:MAX_PHRASE_CHARS]))


class AliasStore(Protocol):
    """Where a store's own names for products live."""

    async def get(self, store_id: str) -> dict[str, str]:
        """Every phrase the store taught, mapped to its SKU."""
        ...

    async def learn(self, store_id: str, phrase: str, sku: str) -> None:
        """Remember that this store means `sku` when it writes `phrase`."""
        ...

    async def forget(self, store_id: str, phrase: str) -> None:
        """Drop a phrase the store no longer uses that way."""
        ...


class InMemoryAliasStore:
    """An `AliasStore` in a dict, for tests and single-process tools."""

    def __init__(self) -> None:
        self._phrases: dict[str, dict[str, str]] = {}

    async def get(self, store_id: str) -> dict[str, str]:
        """Every phrase the store taught, mapped to its SKU."""
        return dict(self._phrases.get(store_id, {}))

    async def learn(self, store_id: str, phrase: str, sku: str) -> None:
        """Remember that this store means `sku` when it writes `phrase`."""
        key = alias_phrase(phrase)
        if key:
            self._phrases.setdefault(store_id, {})[key] = sku

    async def forget(self, store_id: str, phrase: str) -> None:
        """Drop a phrase the store no longer uses that way."""
        self._phrases.get(store_id, {}).pop(alias_phrase(phrase), None)


class RedisAliasStore:
    """An `AliasStore` with one Redis hash per store; the `{store}` hash tag keeps it on one cluster slot."""

    def __init__(self, redis: Redis, prefix: str = "restock:nlu:aliases", max_phrases: int = 1000) -> None:
        self._redis = redis
        self._prefix = prefix
        self._max_phrases = max_phrases

    def key(self, store_id: str) -> str:
        """The hash holding one store's phrases."""
        return f"{self._prefix}:{{{store_id}}}"

    async def get(self, store_id: str) -> dict[str, str]:
        """Every phrase the store taught, mapped to its SKU."""
        raw = await self._redis.hgetall(self.key(store_id))
        return {_text(phrase): _text(sku) for phrase, sku in raw.items()}

    async def learn(self, store_id: str, phrase: str, sku: str) -> None:
        """Remember that this store means `sku` when it writes `phrase` (bounded per store)."""
        key = alias_phrase(phrase)
        if not key:
            return
        name = self.key(store_id)
        if await self._redis.hlen(name) >= self._max_phrases and not await self._redis.hexists(name, key):
            return
        await self._redis.hset(name, key, sku)

    async def forget(self, store_id: str, phrase: str) -> None:
        """Drop a phrase the store no longer uses that way."""
        await self._redis.hdel(self.key(store_id), alias_phrase(phrase))


def _text(value: bytes | str) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value
