"""Send-rate limits shared by every gateway through Redis: overall per second, per recipient per minute."""

from __future__ import annotations

import time

from redis.asyncio import Redis


class RateLimiter:
    """Fixed-window counters; a recipient's keys carry its phone as a hash tag so a Cluster can shard them."""

    def __init__(self, redis: Redis, prefix: str, global_per_second: int, recipient_per_minute: int) -> None:
        self._redis = redis
        self._prefix = prefix
        self._global = global_per_second
        self._recipient = recipient_per_minute

    async def wait_time(self, recipient: str) -> float:
        """Take a slot to send to `recipient` now, or say how many seconds until a slot frees up."""
        now = time.time()
        second = int(now)
        global_key = f"{self._prefix}:rate:global:{second}"
        used = await self._incr(global_key, 2)
        if used > self._global:
            return second + 1 - now
        minute = int(now // 60)
        used = await self._incr(f"{self._prefix}:rate:{{{recipient}}}:{minute}", 120)
        if used > self._recipient:
            return (minute + 1) * 60 - now
        return 0.0

    async def _incr(self, key: str, ttl: int) -> int:
        pipe = self._redis.pipeline(transaction=True)
        pipe.incr(key)
        pipe.expire(key, ttl)
        count, _ = await pipe.execute()
        return int(count)
