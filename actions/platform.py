"""The action server's view of the platform: settings from env, one lazy client, the catalog and its index."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Mapping

from redis.asyncio import Redis

from backend.client import PlatformClient
from backend.errors import InvalidRequest
from backend.models import Store
from nlu import AliasStore, Catalog, CatalogCache, OrderParse, RedisAliasStore, parse_order


@dataclass(frozen=True)
class ActionSettings:
    """What the action server needs to know, read once from the environment."""

    backend_url: str
    backend_api_key: str
    redis_url: str
    timeout: float = 5.0
    delivery_days: int = 1
    draft_max_age_hours: float = 12.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> ActionSettings:
        """Settings from BACKEND_URL, BACKEND_API_KEY, REDIS_URL (and optional BACKEND_TIMEOUT, DELIVERY_DAYS,
        DRAFT_MAX_AGE_HOURS)."""
        api_key = env.get("BACKEND_API_KEY", "")
        if not api_key:
            raise RuntimeError("BACKEND_API_KEY is not set")
        return cls(
            backend_url=env.get("BACKEND_URL", "http://127.0.0.1:8080"),
            backend_api_key=api_key,
            redis_url=env.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
            timeout=float(env.get("BACKEND_TIMEOUT", "5")),
            delivery_days=int(env.get("DELIVERY_DAYS", "1")),
            draft_max_age_hours=float(env.get("DRAFT_MAX_AGE_HOURS", "12")),
        )


# Stores change rarely; a language or phone changed on the platform reaches conversations within a minute.
STORE_CACHE_SECONDS = 60.0


class Platform:
    """The process's single platform client, created on first use, plus the catalog index for its version."""

    def __init__(self) -> None:
        self._settings: ActionSettings | None = None
        self._client: PlatformClient | None = None
        self._catalog: CatalogCache | None = None
        self._aliases: AliasStore | None = None
        self._stores: dict[str, tuple[float, tuple[Store, ...]]] = {}

    @property
    def settings(self) -> ActionSettings:
        """Settings, read from env on first use (not at import)."""
        if self._settings is None:
            self._settings = ActionSettings.from_env()
        return self._settings

    @property
    def client(self) -> PlatformClient:
        """The one client of this process."""
        if self._client is None:
            settings = self.settings
            self._client = PlatformClient(settings.backend_url, settings.backend_api_key, timeout=settings.timeout)
        return self._client

    @property
    def aliases(self) -> AliasStore:
        """The stores' learned phrases (a lazy Redis connection)."""
        if self._aliases is None:
            self._aliases = RedisAliasStore(Redis.from_url(self.settings.redis_url, socket_timeout=2))
        return self._aliases

    async def stores_for_phone(self, phone: str) -> tuple[Store, ...]:
        """The stores a phone orders for (none for a number that is not one), read at most once a minute."""
        cached = self._stores.get(phone)
        if cached is not None and time.monotonic() - cached[0] < STORE_CACHE_SECONDS:
            return cached[1]
        try:
            stores = tuple(await self.client.stores_by_phone(phone))
        except InvalidRequest:
            stores = ()
        self._stores[phone] = (time.monotonic(), stores)
        return stores

    async def store_language(self, store_id: str, phone: str) -> str:
        """A store's language as the platform has it (the phone's stores, read at most once a minute)."""
        stores = {store.store_id: store for store in await self.stores_for_phone(phone)}
        store = stores.get(store_id) or await self.client.store(store_id)
        return store.language

    async def catalog(self, store_id: str = "") -> Catalog:
        """The current catalog, at the prices a store pays now when one is named (the platform's quote of the
        SKUs on its running offers).

        The index is rebuilt only when the catalog version changes.
        """
        if self._catalog is None:
            self._catalog = CatalogCache(self.client)
        catalog = await self._catalog.current()
        if not store_id:
            return catalog
        offered = sorted(
            {item.sku for promotion in await self.client.store_promotions(store_id) for item in promotion.items}
        )
        if not offered:
            return catalog
        quote = await self.client.quote(store_id, [(sku, 1) for sku in offered])
        prices = {line.sku: line.unit_price for line in quote.lines if line.unit_price is not None}
        items = {
            sku: replace(item, price=prices[sku]) if sku in prices else item for sku, item in catalog.items.items()
        }
        return Catalog(catalog.version, items, catalog.index)

    def delivery_estimate(self, today: date | None = None) -> date:
        """When a draft placed now would arrive (the platform gives the exact date once placed)."""
        return (today or date.today()) + timedelta(days=self.settings.delivery_days)


def read_order(
    text: str, message: Mapping[str, Any], catalog: Catalog, learned: Mapping[str, str] | None = None
) -> OrderParse:
    """The parse of `text`, read once as it enters the actions: the one the NLU pipeline attached to the message
    (DESIGN.md JSON), or a fresh one.

    A fresh one when the store has learned phrases (the pipeline does not know the store) or when the
    attached parse names SKUs this server's catalog version does not have.
    """
    attached = message.get("order")
    if not learned and isinstance(attached, dict) and attached.get("text") == text:
        parse = OrderParse.from_json(attached)
        if _known_skus(parse, catalog):
            return parse
    return parse_order(text, catalog.index, dict(learned or {}))


PLATFORM = Platform()


def _known_skus(parse: OrderParse, catalog: Catalog) -> bool:
    return all(sku in catalog.items for sku in parse.skus)
