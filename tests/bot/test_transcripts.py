"""The conversation index the console lists from: waiting ones found however old, recent ones by activity."""

from __future__ import annotations

import time
import uuid
from typing import AsyncIterator

import pytest
from redis.asyncio import Redis

from bot.transcripts import TranscriptStore


@pytest.fixture
async def transcripts(redis_url: str) -> AsyncIterator[TranscriptStore]:
    redis = Redis.from_url(redis_url, decode_responses=True)
    yield TranscriptStore(redis, f"t{uuid.uuid4().hex[:10]}")
    await redis.close(close_connection_pool=True)


async def test_a_conversation_waiting_for_a_person_is_listed_behind_thousands_of_newer_ones(
    transcripts: TranscriptStore,
) -> None:
    now = time.time()
    await transcripts.append_inbound("m-old", "sms", "+254700000000", "nataka mtu", now - 3600)
    await transcripts.set_waiting_for_person("+254700000000", True)
    for n in range(1, 2501):  # a promotion reached 2,500 other stores since
        await transcripts.append_outbound(f"p-{n}", "sms", f"+2547001{n:05d}", "offer", now - 60 + n / 100)
    waiting = await transcripts.conversations(limit=50, waiting_only=True)
    assert [s.phone for s in waiting] == ["+254700000000"]
    latest = await transcripts.conversations(limit=3)
    assert [s.phone for s in latest] == ["+254700102500", "+254700102499", "+254700102498"]

    await transcripts.set_waiting_for_person("+254700000000", False)
    assert await transcripts.conversations(waiting_only=True) == []


async def test_since_keeps_only_conversations_active_after_it(transcripts: TranscriptStore) -> None:
    now = time.time()
    await transcripts.append_inbound("a", "sms", "+254700000001", "hi", now - 20 * 24 * 3600)
    await transcripts.append_inbound("b", "whatsapp", "+254700000002", "hi", now - 3600)
    recent = await transcripts.conversations(limit=100, since=now - 14 * 24 * 3600)
    assert [(s.phone, s.channel) for s in recent] == [("+254700000002", "whatsapp")]
    assert len(await transcripts.conversations(limit=100)) == 2
