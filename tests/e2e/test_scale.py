"""Two of everything under load: every store's conversation whole and in order while one of each process is killed."""

from __future__ import annotations

import asyncio

import pytest

from bot.scale_bench import run_setup
from tests.e2e.conftest import MODEL

pytestmark = pytest.mark.e2e


@pytest.mark.timeout(900)
def test_conversations_stay_whole_and_in_order_on_two_replicas_when_one_of_each_is_killed_mid_load() -> None:
    if not MODEL.exists():
        pytest.fail("no trained model at models/current.tar.gz: run `make train`")
    outcome = asyncio.run(run_setup(replicas=2, stores=20, kills=True))
    assert outcome.kills == ["gateway", "rasa", "actions"]
    assert set(outcome.back_after) == {"gateway", "rasa", "actions"}, "a killed process was not started again"
    assert (outcome.refused, outcome.lost, outcome.doubled, outcome.reordered) == (0, 0, 0, 0), outcome.broken
    assert outcome.unexpected == [], outcome.broken
    assert outcome.wrong_orders == 0, "a store has no order, two orders, or was told another order's number"
    assert len(outcome.answered) == 20 * 5
