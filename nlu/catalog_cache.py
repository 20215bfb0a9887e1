"""One catalog version with its index, rebuilt only when the platform's catalog version changes."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Mapping, Protocol, Sequence

from backend.catalog import CatalogItem
from nlu.catalog_index import CatalogIndex


class CatalogSnapshot(Protocol):
    """The whole catalog at one version, as the platform client returns it."""

    @property
    def version(self) -> str: ...

    @property
    def items(self) -> Sequence[CatalogItem]: ...


class CatalogProvider(Protocol):
    """Anything that can fetch the current catalog (the platform client)."""

    async def catalog(self) -> CatalogSnapshot: ...


@dataclass(frozen=True)
class Catalog:
    """One catalog version: items by SKU and the index the order reader matches against."""

    version: str
    items: Mapping[str, CatalogItem]
    index: CatalogIndex


class CatalogCache:
    """The current catalog; the index is built once per version and reused until the version changes."""

    def __init__(self, provider: CatalogProvider) -> None:
        self._provider = provider
        self._catalog: Catalog | None = None
        self._building = asyncio.Lock()

    async def current(self) -> Catalog:
        """The catalog as the platform has it now."""
        snapshot = await self._provider.catalog()
        if self._catalog is None or self._catalog.version != snapshot.version:
            async with self._building:
                # Callers that waited here for the same version take the index just built.
                if self._catalog is None or self._catalog.version != snapshot.version:
                    # Indexing a large catalog takes seconds; in a worker thread the event loop keeps serving.
                    previous = self._catalog.index if self._catalog is not None else None
                    index = await asyncio.to_thread(CatalogIndex.build, snapshot.items, None, previous)
                    items = {item.sku: item for item in snapshot.items}
                    self._catalog = Catalog(snapshot.version, items, index)
        return self._catalog
