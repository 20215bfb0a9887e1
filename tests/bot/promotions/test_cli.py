"""`python -m bot promotions ...` against real Redis and the real platform."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from bot.__main__ import main
from tests.bot.conftest import StackFactory


async def test_operator_creates_previews_schedules_and_cancels_from_the_command_line(
    make_stack: StackFactory, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stack = await make_stack(PROMO_WORKERS="false")
    settings = stack.settings
    for name, value in {
        "GATEWAY_MODE": "dev",
        "REDIS_URL": settings.redis_url,
        "GATEWAY_KEY_PREFIX": settings.key_prefix,
        "BACKEND_URL": settings.backend_url,
        "BACKEND_API_KEY": settings.backend_api_key,
    }.items():
        monkeypatch.setenv(name, value)

    def cli(*argv: str) -> Any:
        code = main(["promotions", *argv])
        out = capsys.readouterr()
        assert code == 0, out.err
        return json.loads(out.out)

    created = await asyncio.to_thread(
        cli, "create", "--name", "Soap days", "--text", "en=Hi {{ store_name }}! STOP to opt out", "--region", "Nairobi"
    )
    campaign_id = created["campaign_id"]
    preview = await asyncio.to_thread(cli, "preview", campaign_id)
    assert preview["audience"] == 1
    assert preview["samples"][0]["text"] == "Hi Mama Njeri Duka! STOP to opt out"
    assert (await asyncio.to_thread(cli, "schedule", campaign_id))["status"] == "scheduled"
    assert (await asyncio.to_thread(cli, "pause", campaign_id))["status"] == "paused"
    assert (await asyncio.to_thread(cli, "cancel", campaign_id))["status"] == "cancelled"
    assert [c["campaign_id"] for c in await asyncio.to_thread(cli, "list")] == [campaign_id]
