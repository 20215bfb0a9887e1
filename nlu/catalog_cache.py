"""One catalog version with its index, rebuilt only when the platform's catalog version changes."""

from __future__ import annotations

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

    async def current(self) -> Catalog:
        """The catalog as the platform has it now."""
        snapshot = await self._provider.catalog()
        if self._catalog is None or self._catalog.version != snapshot.version:
            items = {item.sku: item for item in snapshot.items}
            self._catalog = Catalog(snapshot.version, items, CatalogIndex.build(snapshot.items))
        return self._catalog
