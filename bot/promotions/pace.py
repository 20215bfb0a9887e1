"""Per-channel send pacing shared by every gateway through Redis: a rate in units a second, and pauses on 429."""

from __future__ import annotations

import asyncio
import time
from typing import Mapping

from redis.asyncio import Redis

# Reserve the next free slot of a channel: each send books `cost / rate` seconds after the one before it.
_RESERVE = """
local now = tonumber(ARGV[1])
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > nxt then nxt = paused end
if nxt < now then nxt = now end
redis.call('SET', KEYS[1], string.format('%.6f', nxt + tonumber(ARGV[2]) / tonumber(ARGV[3])), 'EX', 3600)
return string.format('%.6f', nxt - now)
"""

# Push a channel's pause forward (never back).
_PAUSE = """
local until_ = tonumber(ARGV[1])
if until_ > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], string.format('%.6f', until_), 'EX', 3600)
end
return 1
"""


class ChannelPace:
    """Books send slots per channel so that all processes together keep to the channel's rate."""

    def __init__(self, redis: Redis, prefix: str, rates: Mapping[str, float]) -> None:
        self._redis = redis
        self._prefix = prefix
        self._rates = dict(rates)

    def rate(self, channel: str) -> float:
        """Units a second for a channel."""
        return self._rates[channel]

    def _keys(self, channel: str) -> tuple[str, str]:
        return f"{self._prefix}:promo:pace:{{{channel}}}", f"{self._prefix}:promo:pause:{{{channel}}}"

    async def acquire(self, channel: str, cost: float) -> None:
        """Wait for this send's slot; a pause that begins while waiting books a new slot after it."""
        slot, pause = self._keys(channel)
        while True:
            wait = float(await self._redis.eval(_RESERVE, 2, slot, pause, repr(time.time()), cost, self.rate(channel)))
            if wait <= 0:
                return  # the slot is now, and no pause was on when it was booked
            await asyncio.sleep(wait)
            paused_until = float(await self._redis.get(pause) or 0)
            if paused_until <= time.time():
                return

    async def pause(self, channel: str, seconds: float) -> None:
        """Hold every send on a channel for `seconds` (the provider said 429 / Retry-After)."""
        await self._redis.eval(_PAUSE, 1, self._keys(channel)[1], repr(time.time() + seconds))
