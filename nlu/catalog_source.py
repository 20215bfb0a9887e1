"""Where the parser's catalog comes from: a CSV file, or the platform API refreshed in the background."""

from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from backend.catalog import CatalogItem, read_catalog_csv
from nlu.catalog_index import CatalogIndex

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CatalogSettings:
    """Where to read the catalog and how often to look for a new version."""

    csv_path: Path
    backend_url: str | None = None
    api_key: str | None = None
    refresh_seconds: float = 60.0
    timeout_seconds: float = 5.0


@dataclass(frozen=True)
class CatalogResponse:
    """One answer of `GET /v1/catalog`; `items` is None when the server said 304 Not Modified."""

    version: str | None
    etag: str | None
    items: list[CatalogItem] | None


Fetch = Callable[[str, dict[str, str], float], CatalogResponse]


def fetch_catalog(url: str, headers: dict[str, str], timeout: float) -> CatalogResponse:
    """Fetch the catalog with the standard library, honouring `If-None-Match`."""
    request = urllib.request.Request(url, headers=headers, method="GET")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body: dict[str, Any] = json.loads(response.read().decode("utf-8"))
            etag = response.headers.get("ETag")
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return CatalogResponse(None, headers.get("If-None-Match"), None)
        raise
    items = [CatalogItem.from_json(item) for item in body.get("items", [])]
    return CatalogResponse(str(body.get("version", "")), etag, items)


class CatalogSource:
    """Keeps a `CatalogIndex` current: rebuilt only when the catalog version changes, kept on errors."""

    def __init__(
        self,
        settings: CatalogSettings,
        fetch: Fetch = fetch_catalog,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._settings = settings
        self._fetch = fetch
        self._clock = clock
        self._index: CatalogIndex | None = None
        self._version: str | None = None
        self._etag: str | None = None
        self._checked_at: float | None = None

    @property
    def version(self) -> str | None:
        """The version of the catalog in use (None for a CSV file)."""
        return self._version

    def index(self) -> CatalogIndex:
        """The current index, refreshing from the platform at most once per refresh interval."""
        now = self._clock()
        if self._settings.backend_url and (
            self._checked_at is None or now - self._checked_at >= self._settings.refresh_seconds
        ):
            self._checked_at = now
            self._refresh()
        if self._index is None:
            self._index = self._from_csv()
        return self._index

    def _refresh(self) -> None:
        url = f"{(self._settings.backend_url or '').rstrip('/')}/v1/catalog"
        headers = {"X-API-Key": self._settings.api_key or "", "Accept": "application/json"}
        if self._etag and self._index is not None:
            headers["If-None-Match"] = self._etag
        try:
            response = self._fetch(url, headers, self._settings.timeout_seconds)
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("catalog refresh failed, keeping the last good catalog: %s", error)
            return
        if response.items is None or (response.version is not None and response.version == self._version):
            self._etag = response.etag or self._etag
            return
        self._index = CatalogIndex.build(response.items)
        self._version = response.version
        self._etag = response.etag
        log.info("catalog version %s loaded with %d items", self._version, len(self._index))

    def _from_csv(self) -> CatalogIndex:
        path = self._settings.csv_path
        if path.exists():
            return CatalogIndex.build(read_catalog_csv(path))
        log.warning("catalog file %s not found; every item will be unknown until a catalog loads", path)
        return CatalogIndex.build([])
