"""The Rasa graph component, run directly on Message objects, and its catalog source."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import pytest
from aiohttp import web
from rasa.shared.nlu.training_data.message import Message

from backend.catalog import CatalogItem
from bot.redis_server import free_port
from nlu.catalog_source import CatalogResponse, CatalogSettings, CatalogSource
from nlu.rasa_component import OrderParser


@pytest.fixture
def component(shared_dir: Path, monkeypatch: pytest.MonkeyPatch) -> OrderParser:
    """The component reading the sample catalog from its CSV, no platform."""
    monkeypatch.delenv("BACKEND_URL", raising=False)
    return OrderParser.create(
        {"catalog": str(shared_dir / "catalog" / "sample_catalog.csv")},
        None,
        None,
        None,  # type: ignore[arg-type]
    )


def test_component_puts_the_order_parse_in_the_output_data(component: OrderParser) -> None:
    message = Message(data={"text": "pls send 5 crates coke 300ml n 2 bags cement"})
    component.process([message])
    output = message.as_dict(only_output_properties=True)
    assert output["order"]["lines"][0]["quantity"] == 5
    assert [u["phrase"] for u in output["order"]["unknown"]] == ["2 bags cement"]


@pytest.mark.parametrize(("text", "unsure"), [("?", True), ("...", True), ("!! ?", True), ("👍", False), ("ok", False)])
def test_punctuation_alone_is_never_a_yes_or_a_no(text: str, unsure: bool, component: OrderParser) -> None:
    read = {"name": "affirm", "confidence": 0.93}
    message = Message(data={"text": text, "intent": read, "intent_ranking": [read]})
    component.process([message])
    assert (message.get("intent")["name"] == "nlu_fallback") is unsure


@pytest.mark.parametrize(
    ("text", "yes"),
    [
        ("SI", True),
        ("Sí!", True),
        ("sí, confirmo", True),
        ("si hii", False),
        ("12 si 10", False),
        # Yes, and when to deliver: read as where the order is, the YES was lost and the order stayed open.
        ("ok confirm, deliver before 3pm", True),
        ("yes please deliver at 10:30", True),
        ("ndio, leteni saa 3 asubuhi", True),
        ("haan bhej do 5 baje tak", True),
        # Hinglish `thik` (okay) is no misspelt `thick` of a shampoo's name.
        ("haan ji, thik", True),
        ("ok confirm, kesho saa nne", True),
        ("yes but no, 3pm", False),
        ("yes, 2 crates coke by 3pm", False),
        ("yes where is my order 10:30", False),
        ("ok thanks", False),
    ],
)
def test_a_message_of_only_yes_words_is_a_yes_whatever_the_classifier_read(
    text: str, yes: bool, component: OrderParser
) -> None:
    # The classifier reads a bare `si` as no: a YES to a draft would drop it.
    read = [{"name": "deny", "confidence": 0.87}, {"name": "place_order", "confidence": 0.13}]
    message = Message(data={"text": text, "intent": read[0], "intent_ranking": read})
    component.process([message])
    assert message.get("intent")["name"] == ("affirm" if yes else "deny")
    # Nothing close beside it for the fallback classifier to call the message unclear.
    assert [i["name"] for i in message.get("intent_ranking")] == (["affirm"] if yes else ["deny", "place_order"])


@pytest.mark.parametrize(
    ("text", "read", "intent"),
    [
        # Kikuyu and Kikamba words the classifier never saw made an order a status question, a YES, a greeting.
        ("he coke 300ml crate imwe", ("order_status", 0.91), "place_order"),
        ("ndehere sprite 500ml case igiri", ("affirm", 0.66), "place_order"),
        ("nguenda fanta 300ml crate igiri", ("greet", 0.97), "place_order"),
        # An order read as joining or leaving the offers would have changed the store's consent.
        ("omo 1kg 3 ctn", ("opt_in", 0.83), "place_order"),
        ("kimbo 1kg 2 ctn", ("opt_out", 0.71), "place_order"),
        ("unga 2kg 3 bales", ("show_draft", 0.77), "place_order"),
        # A question of the order's total, read as one of a product's price: the draft, with its total.
        ("jumla ni ngapi?", ("check_price", 0.9), "show_draft"),
        ("how much is the total", ("check_price", 0.8), "show_draft"),
        ("total 408", ("place_order", 0.6), "place_order"),
        # An order read unsure, whatever intent was on top: the fallback classifier would call it not understood.
        ("mpa kimbo 1kg ctn imwe", ("reorder", 0.26), "place_order"),
        # An order that also asks a price gets its draft and the price.
        ("5 crates coke 300ml, and price of fanta 500ml?", ("check_price", 0.88), "place_order"),
        # Goods asked for in words that ask for goods, their amount a weight (`kilo igiri`) or unsaid.
        ("he sukari kilo igiri", ("order_status", 0.9), "place_order"),
        ("manda omo", ("affirm", 0.8), "place_order"),
        ("need help with omo", ("help", 0.9), "help"),
        # Goods with no amount said, or only asked the price of, are what the classifier read.
        ("thanks, the kimbo was good", ("thank", 0.99), "thank"),
        ("coke 500ml bei gani", ("check_price", 0.97), "check_price"),
        # Only the price or stock of goods asked, read as an order or thanks: a price question, as it is answered.
        ("bei ya kimbo 1kg ni ngapi", ("place_order", 0.88), "check_price"),
        ("how much is omo 1kg?", ("thank", 0.7), "check_price"),
        ("mnayo sukari?", ("greet", 0.8), "check_price"),
        ("kuna omo?", ("ask_promotions", 0.96), "check_price"),
        ("any offers this week?", ("ask_promotions", 0.99), "ask_promotions"),
        ("discount ikiwa nanunua bags 10 za sukari?", ("ask_promotions", 0.9), "ask_promotions"),
        # Asked whether it is in stock, with its size only: no amount, no order.
        ("mnayo kimbo 1kg?", ("check_price", 0.91), "check_price"),
        ("do you still have coke 2L", ("check_price", 0.93), "check_price"),
        ("where is my order 1234", ("order_status", 0.99), "order_status"),
        # Intents whose messages name goods of their own are left as read.
        ("cancel 2 crates coke 300ml", ("cancel_order", 0.93), "cancel_order"),
        ("same as last week plus kimbo 1kg 2 ctn", ("reorder", 0.81), "reorder"),
    ],
)
def test_goods_ordered_with_an_amount_decide_an_intent_read_without_goods_or_unsure(
    text: str, read: tuple[str, float], intent: str, component: OrderParser
) -> None:
    ranking = [{"name": read[0], "confidence": read[1]}, {"name": "place_order", "confidence": 1 - read[1]}]
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking})
    component.process([message])
    assert message.get("intent")["name"] == intent
    if intent != read[0]:
        assert [i["name"] for i in message.get("intent_ranking")] == [intent]


def test_component_without_a_catalog_file_reports_everything_unknown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BACKEND_URL", raising=False)
    component = OrderParser.create({"catalog": str(tmp_path / "missing.csv")}, None, None, None)  # type: ignore[arg-type]
    message = Message(data={"text": "5 crates coke"})
    component.process([message])
    assert message.get("order")["unknown"][0]["quantity"] == 5


class FakePlatform:
    """Answers catalog requests from a script and records the headers it was sent."""

    def __init__(self, answers: list[CatalogResponse | Exception]) -> None:
        self.answers = answers
        self.headers: list[dict[str, str]] = []

    def __call__(self, url: str, headers: dict[str, str], timeout: float) -> CatalogResponse:
        assert url == "http://platform.test/v1/catalog"
        assert timeout == 2.0
        self.headers.append(dict(headers))
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def test_catalog_source_refreshes_on_new_versions_and_keeps_the_last_good_one(
    invented_items: list[CatalogItem], tmp_path: Path
) -> None:
    platform = FakePlatform(
        [
            CatalogResponse("v1", '"e1"', invented_items[:3]),
            CatalogResponse(None, '"e1"', None),
            OSError("connection refused"),
            CatalogResponse("v2", '"e2"', invented_items),
        ]
    )
    settings = CatalogSettings(tmp_path / "none.csv", "http://platform.test", "secret", 60.0, 2.0)
    source = CatalogSource(settings, fetch=platform)
    source.start()
    try:
        assert len(source.index()) == 3 and source.version == "v1"
        assert platform.headers[0]["X-API-Key"] == "secret"
        assert not source.refresh() and len(source.index()) == 3
        assert platform.headers[1]["If-None-Match"] == '"e1"'
        assert not source.refresh() and len(source.index()) == 3 and source.version == "v1"
        assert source.refresh() and len(source.index()) == len(invented_items) and source.version == "v2"
    finally:
        source.close()


@dataclass
class SlowPlatform:
    """The platform's `GET /v1/catalog` on its own thread and loop; it can be told to answer slowly or fail."""

    catalog: tuple[str, list[CatalogItem]]
    delay: float = 0.0
    fail_with: int = 0
    # Header names in lower case, as HTTP compares them.
    headers: list[dict[str, str]] = field(default_factory=list)
    asked: threading.Event = field(default_factory=threading.Event)

    async def handle_catalog(self, request: web.Request) -> web.Response:
        self.headers.append({name.lower(): value for name, value in request.headers.items()})
        version, items = self.catalog
        self.asked.set()
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.fail_with:
            return web.json_response({"error": "catalog down for +255712000103"}, status=self.fail_with)
        etag = f'"{version}"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        body = {"version": version, "items": [item.to_json() for item in items]}
        return web.json_response(body, headers={"ETag": etag})

    def serve(self) -> Iterator[str]:
        """Serve until the caller is done; yields the base URL."""
        app = web.Application()
        app.router.add_get("/v1/catalog", self.handle_catalog)
        loop = asyncio.new_event_loop()
        runner = web.AppRunner(app, access_log=None)
        port = free_port()
        loop.run_until_complete(runner.setup())
        loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", port).start())
        thread = threading.Thread(target=loop.run_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(10)
            loop.run_until_complete(runner.cleanup())
            loop.close()


@pytest.fixture
def slow_platform(invented_items: list[CatalogItem]) -> Iterator[tuple[SlowPlatform, str]]:
    """A platform serving the first three invented SKUs as version v1."""
    platform = SlowPlatform(("v1", invented_items[:3]))
    for url in platform.serve():
        yield platform, url


@pytest.fixture
def platform_parser(
    slow_platform: tuple[SlowPlatform, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[OrderParser]:
    """The component as Rasa creates it, configured from the environment, looking for new versions often."""
    monkeypatch.setenv("BACKEND_URL", slow_platform[1])
    monkeypatch.setenv("BACKEND_API_KEY", "secret")
    config = {"catalog": str(tmp_path / "none.csv"), "refresh_seconds": 0.1, "timeout_seconds": 10}
    component = OrderParser.create(config, None, None, None)  # type: ignore[arg-type]
    yield component
    component.close()


def _order(component: OrderParser, text: str) -> dict[str, Any]:
    message = Message(data={"text": text})
    component.process([message])
    order: dict[str, Any] = message.get("order")
    return order


def test_parse_while_the_platform_is_slow_uses_the_current_catalog_at_once_then_the_new_one(
    slow_platform: tuple[SlowPlatform, str], platform_parser: OrderParser, invented_items: list[CatalogItem]
) -> None:
    platform, _ = slow_platform
    text = "5 cases korro lime 600ml, 2 crates vimba cola 350ml"
    before = _order(platform_parser, text)
    assert [line["sku"] for line in before["lines"]] == ["Q101"]
    assert platform.headers[0]["x-api-key"] == "secret"

    platform.catalog = ("v2", invented_items)
    platform.delay = 5.0
    platform.asked.clear()
    assert platform.asked.wait(5), "the background refresh never asked the platform"
    started = time.monotonic()
    during = _order(platform_parser, text)
    assert time.monotonic() - started < 1.0
    assert during == before
    assert platform.headers[-1]["if-none-match"] == '"v1"'

    deadline = time.monotonic() + 15
    after = during
    while time.monotonic() < deadline and len(after["lines"]) < 2:
        time.sleep(0.1)
        after = _order(platform_parser, text)
    assert sorted((line["sku"], line["quantity"]) for line in after["lines"]) == [("Q101", 2), ("Q104", 5)]


def test_failed_refresh_keeps_the_catalog_and_warns_without_the_answer(
    slow_platform: tuple[SlowPlatform, str], platform_parser: OrderParser, caplog: pytest.LogCaptureFixture
) -> None:
    platform, _ = slow_platform
    caplog.set_level(logging.WARNING, logger="nlu.catalog_source")
    platform.fail_with = 503
    platform.asked.clear()
    assert platform.asked.wait(5)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not _warnings(caplog):
        time.sleep(0.05)
    assert "HTTP 503" in _warnings(caplog)[0]
    assert "+255712000103" not in caplog.text and "catalog down" not in caplog.text
    assert [line["sku"] for line in _order(platform_parser, "2 crates vimba cola 350ml")["lines"]] == ["Q101"]


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "nlu.catalog_source" and r.levelno == logging.WARNING]
