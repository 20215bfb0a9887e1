"""Partitioned streams: one conversation's entries are worked by one gateway at a time, in order."""

from __future__ import annotations

import asyncio
import uuid
from typing import Mapping

from redis.asyncio import Redis

from bot.streams import Handler, PartitionedStream


async def test_a_handler_slower_than_the_lease_keeps_its_partition_from_a_second_gateway(redis_url: str) -> None:
    redis = Redis.from_url(redis_url, decode_responses=True)
    name = f"t{uuid.uuid4().hex[:10]}:inbound"
    first = PartitionedStream(redis, name, 1, lease_ttl=0.3, owner="gateway-1")
    second = PartitionedStream(redis, name, 1, lease_ttl=0.3, owner="gateway-2")
    running: list[str] = []
    overlaps: list[str] = []
    handled: list[tuple[str, str]] = []

    def handler(owner: str) -> Handler:
        async def handle(entry_id: str, fields: Mapping[str, str], before: int) -> None:
            if running:
                overlaps.append(fields["text"])
            running.append(owner)
            # Three times the lease: a turn waiting on a slow assistant.
            await asyncio.sleep(0.9 if fields["text"] == "slow" else 0.01)
            running.pop()
            handled.append((owner, fields["text"]))

        return handle

    try:
        await first.add("+254712000001", {"text": "slow"})
        await first.add("+254712000001", {"text": "next"})
        workers = [asyncio.create_task(first.work(0, handler("gateway-1"), block_ms=50))]
        await asyncio.sleep(0.1)
        workers.append(asyncio.create_task(second.work(0, handler("gateway-2"), block_ms=50)))
        for _ in range(100):
            if len(handled) == 2:
                break
            await asyncio.sleep(0.05)
        first.stop()
        second.stop()
        await asyncio.gather(*workers)
        assert overlaps == []
        assert [text for _, text in handled] == ["slow", "next"]
        assert handled[0][0] == "gateway-1"
    finally:
        await redis.close(close_connection_pool=True)
