"""The platform client: typed errors, caching, and retries only where they are safe."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any, Awaitable, Callable

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from backend.app import BackendSettings, create_app
from backend.client import PlatformClient
from backend.errors import Conflict, IdempotencyKeyReused, NotFound, OrderRejected, Unauthorized, Unavailable
from backend.models import PromotionItem
from tests.backend.conftest import API_KEY

ServerFactory = Callable[..., Awaitable[TestServer]]


@pytest.fixture
async def client(aiohttp_server: ServerFactory, platform_settings: BackendSettings) -> Any:
    """A client of the real platform service on a localhost port."""
    server = await aiohttp_server(create_app(platform_settings))
    async with PlatformClient(str(server.make_url("")), API_KEY, timeout=5) as platform:
        yield platform


class FakePlatform:
    """A stand-in upstream that answers from a script and records what it was sent."""

    def __init__(self, script: list[Callable[[], Awaitable[web.Response]]]) -> None:
        self.script = script
        self.requests: list[tuple[str, str, dict[str, str]]] = []

    async def handle(self, request: web.Request) -> web.Response:
        self.requests.append((request.method, request.path, dict(request.headers)))
        step = self.script[min(len(self.requests), len(self.script)) - 1]
        return await step()

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self.handle)
        return app


def status(code: int) -> Callable[[], Awaitable[web.Response]]:
    async def answer() -> web.Response:
        return web.json_response({"error": {"code": "boom", "message": "upstream trouble"}}, status=code)

    return answer


def order_json() -> Callable[[], Awaitable[web.Response]]:
    async def answer() -> web.Response:
        return web.json_response(
            {
                "order_id": "10001",
                "store_id": "S2",
                "status": "placed",
                "lines": [
                    {
                        "sku": "X",
                        "name": "X",
                        "sell_unit": "case",
                        "quantity": 1,
                        "unit_price": "1.00",
                        "line_total": "1.00",
                    }
                ],
                "total": "1.00",
                "currency": "TZS",
                "created_at": "2026-01-01T00:00:00+00:00",
                "estimated_delivery": "2026-01-02",
                "history": [{"status": "placed", "at": "2026-01-01T00:00:00+00:00"}],
            },
            status=201,
        )

    return answer


def store_json() -> Callable[[], Awaitable[web.Response]]:
    async def answer() -> web.Response:
        return web.json_response(
            {
                "store_id": "S1",
                "name": "Duka One",
                "phones": ["+255712000101"],
                "region": "Arusha",
                "language": "sw",
                "timezone": "Africa/Dar_es_Salaam",
                "credit_limit": "100.00",
                "promo_opt_in": True,
                "store_type": "",
            }
        )

    return answer


def slow(seconds: float) -> Callable[[], Awaitable[web.Response]]:
    async def answer() -> web.Response:
        await asyncio.sleep(seconds)
        return web.json_response({})

    return answer


async def test_client_places_and_reads_orders_with_typed_results(client: PlatformClient) -> None:
    order = await client.create_order("S2", [("X100", 2)], "client-0001")
    again = await client.create_order("S2", [("X100", 2)], "client-0001")
    assert order == again
    assert str(order.total) == "1440.00"
    assert (await client.order(order.order_id)).lines[0].quantity == 2
    assert [o.order_id for o in await client.store_orders("S2")] == [order.order_id]
    assert [s.store_id for s in await client.stores_by_phone("+255712000103")] == ["S2", "S3"]


async def test_each_refusal_arrives_as_its_own_error_type(client: PlatformClient) -> None:
    with pytest.raises(NotFound):
        await client.order("999999")
    with pytest.raises(OrderRejected) as rejected:
        await client.create_order("S2", [("X101", 1), ("X300", 1)], "client-0002")
    assert [(p.sku, p.code) for p in rejected.value.problems] == [("X101", "out_of_stock"), ("X300", "discontinued")]
    await client.create_order("S2", [("X100", 1)], "client-0003")
    with pytest.raises(IdempotencyKeyReused):
        await client.create_order("S2", [("X100", 5)], "client-0003")
    order = await client.create_order("S2", [("X100", 1)], "client-0004")
    await client.move_order(order.order_id, "confirmed")
    await client.move_order(order.order_id, "dispatched")
    with pytest.raises(Conflict) as conflict:
        await client.cancel_order(order.order_id)
    assert conflict.value.code == "not_cancellable"


async def test_wrong_key_is_unauthorized(aiohttp_server: ServerFactory, platform_settings: BackendSettings) -> None:
    server = await aiohttp_server(create_app(platform_settings))
    async with PlatformClient(str(server.make_url("")), "wrong-key-0123456789") as platform:
        with pytest.raises(Unauthorized):
            await platform.catalog()


async def test_catalog_is_downloaded_again_only_when_its_version_changes(client: PlatformClient) -> None:
    first = await client.catalog()
    assert await client.catalog() is first
    await client.create_order("S2", [("X400", 1)], "client-0005")
    refreshed = await client.catalog()
    assert refreshed.version != first.version
    assert next(i for i in refreshed.items if i.sku == "X400").stock == 999


async def test_reads_are_retried_after_server_errors(aiohttp_server: ServerFactory) -> None:
    fake = FakePlatform([status(503), status(502), store_json()])
    server = await aiohttp_server(fake.app())
    async with PlatformClient(str(server.make_url("")), API_KEY, backoff=0.01) as platform:
        store = await platform.store("S1")
    assert store.name == "Duka One"
    assert len(fake.requests) == 3


async def test_order_creation_is_retried_with_the_same_idempotency_key(aiohttp_server: ServerFactory) -> None:
    fake = FakePlatform([status(500), order_json()])
    server = await aiohttp_server(fake.app())
    async with PlatformClient(str(server.make_url("")), API_KEY, backoff=0.01) as platform:
        order = await platform.create_order("S2", [("X", 1)], "retry-key-0001")
    assert order.order_id == "10001"
    assert [r[2]["Idempotency-Key"] for r in fake.requests] == ["retry-key-0001", "retry-key-0001"]


async def test_cancel_is_not_retried_and_a_dead_platform_is_unavailable(aiohttp_server: ServerFactory) -> None:
    fake = FakePlatform([status(503)])
    server = await aiohttp_server(fake.app())
    async with PlatformClient(str(server.make_url("")), API_KEY, backoff=0.01) as platform:
        with pytest.raises(Unavailable):
            await platform.cancel_order("10001")
    assert len(fake.requests) == 1


async def test_a_slow_platform_times_out_as_unavailable(aiohttp_server: ServerFactory) -> None:
    fake = FakePlatform([slow(2)])
    server = await aiohttp_server(fake.app())
    async with PlatformClient(str(server.make_url("")), API_KEY, timeout=0.2, retries=1, backoff=0.01) as platform:
        with pytest.raises(Unavailable):
            await platform.order("10001")
    assert len(fake.requests) == 2


async def test_client_creates_and_lists_the_offers_a_store_sees(client: PlatformClient) -> None:
    promo = await client.create_promotion(
        "Flour deal", [PromotionItem("X200", Decimal("1400.00"))], "2020-01-01", "2999-01-01", ["Arusha"]
    )
    assert [p.promo_id for p in await client.store_promotions("S1")] == [promo.promo_id]
    assert await client.store_promotions("S2") == []
    ended = await client.end_promotion(promo.promo_id)
    assert ended.ended and (await client.promotion(promo.promo_id)).ended


async def test_client_reads_a_quote_as_typed_lines_and_credit(client: PlatformClient) -> None:
    quote = await client.quote("S1", [("X100", 14), ("X300", 1)])
    assert [(line.sku, line.unit_price, line.problem and line.problem.code) for line in quote.lines] == [
        ("X100", Decimal("720.00"), None),
        ("X300", Decimal("2400.00"), "discontinued"),
    ]
    assert (quote.total, quote.credit_available, quote.over_credit_limit, quote.placeable) == (
        Decimal("10080.00"),
        Decimal("10000.00"),
        True,
        False,
    )
    assert await client.store_orders("S1") == []
