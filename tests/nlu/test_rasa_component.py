"""The Rasa graph component, run directly on Message objects, and its catalog source."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.nlu.training_data.message import Message

from backend.catalog import CatalogItem
from nlu.catalog_source import CatalogResponse, CatalogSettings, CatalogSource
from nlu.rasa_component import OrderParser


def test_component_puts_the_order_parse_in_the_output_data(shared_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BACKEND_URL", raising=False)
    component = OrderParser.create(
        {"catalog": str(shared_dir / "catalog" / "sample_catalog.csv")},
        None,
        None,
        None,  # type: ignore[arg-type]
    )
    message = Message(data={"text": "pls send 5 crates coke 300ml n 2 bags cement"})
    component.process([message])
    output = message.as_dict(only_output_properties=True)
    assert output["order"]["lines"][0]["quantity"] == 5
    assert [u["phrase"] for u in output["order"]["unknown"]] == ["2 bags cement"]


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
    now = [0.0]
    platform = FakePlatform(
        [
            CatalogResponse("v1", '"e1"', invented_items[:3]),
            CatalogResponse(None, '"e1"', None),
            OSError("connection refused"),
            CatalogResponse("v2", '"e2"', invented_items),
        ]
    )
    settings = CatalogSettings(tmp_path / "none.csv", "http://platform.test", "secret", 60.0, 2.0)
    source = CatalogSource(settings, fetch=platform, clock=lambda: now[0])
    assert len(source.index()) == 3 and source.version == "v1"
    assert platform.headers[0]["X-API-Key"] == "secret"
    now[0] = 30.0
    assert len(source.index()) == 3 and len(platform.headers) == 1
    now[0] = 61.0
    assert len(source.index()) == 3
    assert platform.headers[1]["If-None-Match"] == '"e1"'
    now[0] = 122.0
    assert len(source.index()) == 3 and source.version == "v1"
    now[0] = 183.0
    assert len(source.index()) == len(invented_items) and source.version == "v2"
