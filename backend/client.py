"""The async client that actions/ and bot/ use to talk to the platform API (backend/openapi.yaml)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any, Mapping, Sequence
from urllib.parse import quote

import aiohttp

from backend.catalog import CatalogItem
from backend.errors import PlatformError, Unavailable, error_for
from backend.models import (
    AudienceQuery,
    AudienceStore,
    ConsentChange,
    LineProblem,
    Order,
    Promotion,
    PromotionItem,
    Quote,
    Store,
)

log = logging.getLogger("backend.client")

RETRY_STATUSES = frozenset({500, 502, 503, 504})


@dataclass(frozen=True)
class CatalogSnapshot:
    """The whole catalog at one version."""

    version: str
    items: tuple[CatalogItem, ...]


class PlatformClient:
    """One client per process; every call has a timeout and only safe calls are retried."""

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        timeout: float = 5.0,
        retries: int = 2,
        backoff: float = 0.2,
    ) -> None:
        self._base_url = base_url.rstrip("/")
        self._headers = {"X-API-Key": api_key}
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._retries = retries
        self._backoff = backoff
        self._session: aiohttp.ClientSession | None = None
        self._catalog: tuple[str, CatalogSnapshot] | None = None

    async def close(self) -> None:
        """Close the connection pool."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def __aenter__(self) -> PlatformClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(headers=self._headers, timeout=self._timeout)
        return self._session

    async def _request(
        self,
        method: str,
        path: str,
        *,
        json: Mapping[str, Any] | None = None,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        retry: bool,
    ) -> tuple[int, Any, Mapping[str, str]]:
        """Send one request; retry connection failures, timeouts and 5xx when `retry` says it is safe."""
        attempts = 1 + (self._retries if retry else 0)
        last_error = "no attempt made"
        for attempt in range(attempts):
            if attempt:
                await asyncio.sleep(self._backoff * 2 ** (attempt - 1))
            try:
                async with self._http().request(
                    method, self._base_url + path, json=json, params=params, headers=headers
                ) as response:
                    body = await response.json(content_type=None) if response.status != 304 else None
                    if response.status in RETRY_STATUSES and attempt + 1 < attempts:
                        last_error = f"HTTP {response.status}"
                        continue
                    return response.status, body, response.headers
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as exc:
                last_error = type(exc).__name__
                log.warning(
                    "platform call failed",
                    extra={"ctx_path": path, "ctx_attempt": attempt + 1, "ctx_error": last_error},
                )
        raise Unavailable(f"the platform did not answer {method} {path}: {last_error}")

    async def _call(
        self,
        method: str,
        path: str,
        *,
        expect: frozenset[int] = frozenset({200}),
        retry: bool | None = None,
        **kwargs: Any,
    ) -> Any:
        status, body, _ = await self._request(method, path, retry=method == "GET" if retry is None else retry, **kwargs)
        if status in expect:
            return body
        raise _error_from(status, body)

    async def catalog(self) -> CatalogSnapshot:
        """The whole catalog; unchanged versions are not downloaded again (ETag)."""
        headers = {"If-None-Match": self._catalog[0]} if self._catalog else None
        status, body, response_headers = await self._request("GET", "/v1/catalog", headers=headers, retry=True)
        if status == 304 and self._catalog is not None:
            return self._catalog[1]
        if status != 200:
            raise _error_from(status, body)
        snapshot = CatalogSnapshot(body["version"], tuple(CatalogItem.from_json(i) for i in body["items"]))
        self._catalog = (response_headers.get("ETag", ""), snapshot)
        return snapshot

    async def catalog_item(self, sku: str) -> CatalogItem:
        """One SKU."""
        return CatalogItem.from_json(await self._call("GET", f"/v1/catalog/{_quote(sku)}"))

    async def add_alias(self, sku: str, alias: str) -> CatalogItem:
        """Teach the catalog another name for a SKU (an operator's call)."""
        return CatalogItem.from_json(
            await self._call("POST", f"/v1/admin/catalog/{_quote(sku)}/aliases", json={"alias": alias})
        )

    async def stores_by_phone(self, phone: str) -> list[Store]:
        """The stores a phone number orders for."""
        body = await self._call("GET", "/v1/stores", params={"phone": phone})
        return [Store.from_json(s) for s in body["stores"]]

    async def store(self, store_id: str) -> Store:
        """One store."""
        return Store.from_json(await self._call("GET", f"/v1/stores/{_quote(store_id)}"))

    async def set_promo_consent(self, store_id: str, opt_in: bool, source: str) -> Store:
        """Opt a store in or out of promotions; the same request twice has the same effect."""
        body = await self._call(
            "PUT", f"/v1/stores/{_quote(store_id)}/promo-consent", json={"opt_in": opt_in, "source": source}, retry=True
        )
        return Store.from_json(body)

    async def consent_changes(self, after: int, limit: int = 500) -> tuple[list[ConsentChange], int | None]:
        """One page of every store's consent changes after change `after`, and the `after` of the next page."""
        body = await self._call("GET", "/v1/consent-changes", params={"after": str(after), "limit": str(limit)})
        return [ConsentChange.from_json(c) for c in body["changes"]], body["next_after"]

    async def promo_audience(self, query: AudienceQuery) -> tuple[list[AudienceStore], str | None]:
        """One page of the opted-in stores matching a campaign's audience, and the `after` of the next page."""
        body = await self._call("GET", "/v1/promo-audience", params=query.to_params())
        return [AudienceStore.from_json(s) for s in body["stores"]], body["next"]

    async def store_orders(self, store_id: str, limit: int = 20) -> list[Order]:
        """A store's orders, newest first."""
        body = await self._call("GET", f"/v1/stores/{_quote(store_id)}/orders", params={"limit": str(limit)})
        return [Order.from_json(o) for o in body["orders"]]

    async def create_order(self, store_id: str, lines: Sequence[tuple[str, int]], idempotency_key: str) -> Order:
        """Place an order; retried safely because the key makes a repeat return the same order."""
        body = await self._call(
            "POST",
            "/v1/orders",
            json={"store_id": store_id, "lines": [{"sku": sku, "quantity": qty} for sku, qty in lines]},
            headers={"Idempotency-Key": idempotency_key},
            expect=frozenset({200, 201}),
            retry=True,
        )
        return Order.from_json(body)

    async def quote(self, store_id: str, lines: Sequence[tuple[str, int]]) -> Quote:
        """What these lines would cost the store now and every limit they break; places nothing, so it is retried."""
        body = await self._call(
            "POST",
            "/v1/quotes",
            json={"store_id": store_id, "lines": [{"sku": sku, "quantity": qty} for sku, qty in lines]},
            retry=True,
        )
        return Quote.from_json(body)

    async def order(self, order_id: str) -> Order:
        """One order by number."""
        return Order.from_json(await self._call("GET", f"/v1/orders/{_quote(order_id)}"))

    async def cancel_order(self, order_id: str) -> Order:
        """Cancel an order that has not been dispatched."""
        return Order.from_json(await self._call("POST", f"/v1/orders/{_quote(order_id)}/cancel"))

    async def move_order(self, order_id: str, status: str) -> Order:
        """Move an order along its lifecycle (an operator's call)."""
        body = await self._call("POST", f"/v1/admin/orders/{_quote(order_id)}/status", json={"status": status})
        return Order.from_json(body)

    async def store_promotions(self, store_id: str) -> list[Promotion]:
        """The offers running now for a store."""
        body = await self._call("GET", f"/v1/stores/{_quote(store_id)}/promotions")
        return [Promotion.from_json(p) for p in body["promotions"]]

    async def promotion(self, promo_id: str) -> Promotion:
        """One promotion."""
        return Promotion.from_json(await self._call("GET", f"/v1/promotions/{_quote(promo_id)}"))

    async def create_promotion(
        self, title: str, items: Sequence[PromotionItem], starts_at: str, ends_at: str, regions: Sequence[str] = ()
    ) -> Promotion:
        """Create an offer (an operator's call)."""
        body = await self._call(
            "POST",
            "/v1/admin/promotions",
            json={
                "title": title,
                "items": [item.to_json() for item in items],
                "starts_at": starts_at,
                "ends_at": ends_at,
                "regions": list(regions),
            },
            expect=frozenset({201}),
        )
        return Promotion.from_json(body)

    async def end_promotion(self, promo_id: str) -> Promotion:
        """Stop an offer now (an operator's call)."""
        return Promotion.from_json(await self._call("POST", f"/v1/admin/promotions/{_quote(promo_id)}/end"))


def _quote(segment: str) -> str:
    return quote(segment, safe="")


def _error_from(status: int, body: Any) -> PlatformError:
    error = body.get("error", {}) if isinstance(body, dict) else {}
    problems = [LineProblem.from_json(p) for p in error.get("lines", [])]
    return error_for(status, error.get("code", f"http_{status}"), error.get("message", f"HTTP {status}"), problems)
