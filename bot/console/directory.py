"""The platform's stores and orders as the console needs them, cached briefly per gateway process."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Generic, TypeVar

from backend.client import PlatformClient
from backend.errors import NotFound
from backend.models import Order, Store

T = TypeVar("T")


@dataclass(frozen=True)
class _Cached(Generic[T]):
    at: float
    value: T


class StoreDirectory:
    """Which stores a phone orders for and their recent orders; list pages ask for many conversations at once."""

    def __init__(self, platform: PlatformClient, ttl: float = 60.0) -> None:
        self._platform = platform
        self._ttl = ttl
        self._stores: dict[str, _Cached[tuple[Store, ...]]] = {}
        self._orders: dict[str, _Cached[tuple[Order, ...]]] = {}

    async def stores(self, phone: str) -> tuple[Store, ...]:
        """The stores this phone orders for (none for an unregistered number)."""
        hit = self._stores.get(phone)
        if hit is not None and time.monotonic() - hit.at < self._ttl:
            return hit.value
        stores = tuple(await self._platform.stores_by_phone(phone))
        self._stores[phone] = _Cached(time.monotonic(), stores)
        return stores

    async def orders(self, store_id: str, fresh: bool = False) -> tuple[Order, ...]:
        """A store's recent orders, newest first."""
        hit = self._orders.get(store_id)
        if not fresh and hit is not None and time.monotonic() - hit.at < self._ttl:
            return hit.value
        try:
            orders = tuple(await self._platform.store_orders(store_id))
        except NotFound:
            orders = ()
        self._orders[store_id] = _Cached(time.monotonic(), orders)
        return orders

    async def regions(self, phone: str) -> tuple[str, ...]:
        """The regions of the phone's stores."""
        return tuple(dict.fromkeys(s.region for s in await self.stores(phone)))
