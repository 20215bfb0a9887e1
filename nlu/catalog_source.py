"""Where the parser's catalog comes from: a CSV file, or the platform API refreshed in the background."""

from __future__ import annotations

import json
import logging
import threading
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


@dataclass(frozen=True)
class _Loaded:
    """The index in use, with the platform version and ETag it was built from (None for a CSV file)."""

    index: CatalogIndex
    version: str | None = None
    etag: str | None = None


class CatalogSource:
    """Keeps a `CatalogIndex` current without ever fetching or building one on the caller's path.

    `start` loads the catalog once (the platform's, else the CSV file) and, with a platform, starts a
    thread that looks for a new version every `refresh_seconds`. A new version's index is built in that
    thread and replaces the one in use in a single assignment; a failed refresh keeps the one in use.
    """

    def __init__(self, settings: CatalogSettings, fetch: Fetch = fetch_catalog) -> None:
        self._settings = settings
        self._fetch = fetch
        self._loaded: _Loaded | None = None
        self._stopping = threading.Event()
        self._refresher: threading.Thread | None = None

    @property
    def version(self) -> str | None:
        """The version of the catalog in use (None for a CSV file)."""
        return self._loaded.version if self._loaded is not None else None

    def index(self) -> CatalogIndex:
        """The index in use; never waits for the platform."""
        loaded = self._loaded
        if loaded is None:
            raise RuntimeError("CatalogSource.start() loads the catalog before the first parse")
        return loaded.index

    def start(self) -> None:
        """Load the catalog, then keep it current from a background thread when a platform is configured."""
        if self._loaded is None:
            if self._settings.backend_url:
                self.refresh()
            if self._loaded is None:
                self._loaded = _Loaded(self._from_csv())
        if self._settings.backend_url and self._refresher is None:
            self._refresher = threading.Thread(target=self._keep_current, name="catalog-refresh", daemon=True)
            self._refresher.start()

    def close(self) -> None:
        """Stop looking for new versions; the index in use stays."""
        self._stopping.set()
        if self._refresher is not None:
            self._refresher.join(self._settings.timeout_seconds + 1.0)

    def refresh(self) -> bool:
        """Ask the platform once; True when a new version was loaded. Errors are logged and keep the old index."""
        loaded = self._loaded
        url = f"{(self._settings.backend_url or '').rstrip('/')}/v1/catalog"
        headers = {"X-API-Key": self._settings.api_key or "", "Accept": "application/json"}
        if loaded is not None and loaded.etag:
            headers["If-None-Match"] = loaded.etag
        try:
            response = self._fetch(url, headers, self._settings.timeout_seconds)
            if response.items is None or (
                loaded is not None and response.version is not None and response.version == loaded.version
            ):
                if loaded is not None and response.etag and response.etag != loaded.etag:
                    self._loaded = _Loaded(loaded.index, loaded.version, response.etag)
                return False
            index = CatalogIndex.build(response.items, previous=loaded.index if loaded is not None else None)
        except Exception as error:
            # The reason only: an answer's body is never logged.
            log.warning("catalog refresh failed (%s); keeping catalog version %s", _reason(error), _shown(loaded))
            return False
        self._loaded = _Loaded(index, response.version, response.etag)
        log.info("catalog version %s loaded with %d items", response.version, len(index))
        return True

    def _keep_current(self) -> None:
        while not self._stopping.wait(self._settings.refresh_seconds):
            self.refresh()

    def _from_csv(self) -> CatalogIndex:
        path = self._settings.csv_path
        if path.exists():
            return CatalogIndex.build(read_catalog_csv(path))
        log.warning("catalog file %s not found; every item will be unknown until a catalog loads", path)
        return CatalogIndex.build([])


def _reason(error: Exception) -> str:
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP {error.code}"
    if isinstance(error, urllib.error.URLError):
        return f"{type(error).__name__}: {error.reason}"
    return type(error).__name__


def _shown(loaded: _Loaded | None) -> str:
    if loaded is None:
        return "none yet"
    return loaded.version or "from the CSV file"
