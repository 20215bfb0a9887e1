"""Redis Streams split into partitions by conversation, each worked in order by one lease holder."""

from __future__ import annotations

import asyncio
import logging
import uuid
import zlib
from typing import Awaitable, Callable, Mapping

from redis.asyncio import Redis
from redis.backoff import ExponentialBackoff
from redis.exceptions import RedisError, ResponseError

log = logging.getLogger("bot.streams")

GROUP = "gateway"

# A worker's pause after its `n`th failure in a row (Redis down, a handler's bug): 0.2 s doubling up to 5 s.
WORKER_BACKOFF = ExponentialBackoff(cap=5.0, base=0.2)

# A handler gets the entry id, its fields and how many times it has been handed out before.
Handler = Callable[[str, Mapping[str, str], int], Awaitable[None]]


class RetryLater(Exception):
    """Raised by a handler to leave its entry unacknowledged and see it again after `delay` seconds."""

    def __init__(self, delay: float) -> None:
        super().__init__(f"retry in {delay:.1f} s")
        self.delay = delay


# Renew a lease only if this worker still holds it.
_RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
"""


# Mark a message id as seen and queue it in one step, so a crash can never leave one without the other.
_ADD_ONCE = """
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  return redis.call('XADD', KEYS[2], '*', 'message', ARGV[2])
end
return false
"""


async def create_group(redis: Redis, key: str, group: str) -> None:
    """Create a stream's consumer group (and the stream), reading from its start; one that exists is kept."""
    try:
        await redis.xgroup_create(key, group, id="0", mkstream=True)
    except ResponseError as exc:
        if "BUSYGROUP" not in str(exc):
            raise


def partition_of(key: str, partitions: int) -> int:
    """The partition a conversation's messages go to; the same phone always lands in the same one."""
    return zlib.crc32(key.encode()) % partitions


class PartitionedStream:
    """A stream per partition: at-least-once delivery, in order within a partition, survives restarts."""

    def __init__(self, redis: Redis, name: str, partitions: int, lease_ttl: float = 15.0, owner: str = "") -> None:
        self._redis = redis
        self._name = name
        self._partitions = partitions
        self._lease_ms = int(lease_ttl * 1000)
        # A stable owner (one per replica) takes its partitions back at once after a crash and restart.
        self._owner = owner or uuid.uuid4().hex
        self._groups_ready: set[int] = set()
        self._stopping = False

    def stop(self) -> None:
        """Ask the workers to finish the entry in hand and return."""
        self._stopping = True

    def stream_key(self, partition: int) -> str:
        """The Redis key of one partition; the hash tag lets Redis Cluster place partitions apart."""
        return f"{self._name}:{{{partition}}}"

    def _lease_key(self, partition: int) -> str:
        return f"{self._name}:lease:{{{partition}}}"

    async def add(self, routing_key: str, fields: Mapping[str, str]) -> str:
        """Append an entry to the routing key's partition."""
        key = self.stream_key(partition_of(routing_key, self._partitions))
        entry_id = await self._redis.xadd(key, dict(fields))
        return str(entry_id)

    async def add_once(self, routing_key: str, unique_id: str, message: str, ttl: int) -> bool:
        """Append `message` unless `unique_id` was added in the last `ttl` seconds; False for a repeat."""
        partition = partition_of(routing_key, self._partitions)
        # The seen-marker shares the partition's hash tag, so the script touches one Cluster slot.
        seen = f"{self._name}:seen:{{{partition}}}:{unique_id}"
        added = await self._redis.eval(_ADD_ONCE, 2, seen, self.stream_key(partition), ttl, message)
        return added is not None and added is not False

    async def pending(self) -> int:
        """Entries read but not yet acknowledged, over all partitions."""
        total = 0
        for partition in range(self._partitions):
            try:
                info = await self._redis.xpending(self.stream_key(partition), GROUP)
            except ResponseError:
                continue
            total += int(info["pending"])
        return total

    async def backlog(self) -> int:
        """Entries not yet read by the group (lag), over all partitions."""
        total = 0
        for partition in range(self._partitions):
            try:
                groups = await self._redis.xinfo_groups(self.stream_key(partition))
            except ResponseError:
                continue
            for group in groups:
                if group["name"] == GROUP and group.get("lag") is not None:
                    total += int(group["lag"])
        return total

    async def _ensure_group(self, partition: int) -> None:
        if partition not in self._groups_ready:
            await create_group(self._redis, self.stream_key(partition), GROUP)
            self._groups_ready.add(partition)

    async def _hold_lease(self, partition: int) -> bool:
        key = self._lease_key(partition)
        if await self._redis.set(key, self._owner, nx=True, px=self._lease_ms):
            return True
        return bool(await self._redis.eval(_RENEW, 1, key, self._owner, self._lease_ms))

    async def release(self) -> None:
        """Give up this worker's leases so another gateway can take over at once."""
        for partition in range(self._partitions):
            try:
                await self._redis.eval(_RENEW, 1, self._lease_key(partition), self._owner, 1)
            except RedisError:
                return

    async def work(self, partition: int, handler: Handler, block_ms: int = 500) -> None:
        """Until stopped, hand each entry of one partition to `handler` in order, acknowledging after it returns."""
        key = self.stream_key(partition)
        failures = 0
        while not self._stopping:
            try:
                if not await self._hold_lease(partition):
                    await asyncio.sleep(self._lease_ms / 3000)
                    continue
                await self._ensure_group(partition)
                # Entries a previous holder read but never acknowledged come first, oldest first.
                _, claimed, *_ = await self._redis.xautoclaim(key, GROUP, self._owner, 0, "0-0", count=10)
                entries = [e for e in claimed if e and e[1]]
                redelivered = bool(entries)
                if not entries:
                    batch = await self._redis.xreadgroup(GROUP, self._owner, {key: ">"}, count=10, block=block_ms)
                    entries = batch[0][1] if batch else []
                for entry_id, fields in entries:
                    if self._stopping:
                        return
                    if not await self._hold_lease(partition):
                        # The lease lapsed during a long handler and another gateway holds the partition now: it
                        # hands out the rest, so one conversation never runs in two places at once.
                        break
                    before = await self._times_delivered(key, entry_id) if redelivered else 0
                    # A handler may outlast the lease (an assistant turn waiting on a slow or killed Rasa server):
                    # the lease is renewed meanwhile, so no other gateway takes the partition while it works.
                    keeper = asyncio.create_task(self._keep_lease(partition))
                    try:
                        await handler(str(entry_id), fields, before)
                    finally:
                        keeper.cancel()
                    await self._redis.xack(key, GROUP, entry_id)
                failures = 0
            except asyncio.CancelledError:
                raise
            except RetryLater as retry:
                await asyncio.sleep(retry.delay)
            except ResponseError as exc:
                if "NOGROUP" in str(exc):
                    self._groups_ready.discard(partition)
                    continue
                failures += 1
                log.warning("stream worker error", extra={"ctx_stream": key, "ctx_error": str(exc)})
                await asyncio.sleep(WORKER_BACKOFF.compute(failures))
            except (RedisError, OSError) as exc:
                failures += 1
                log.warning("redis unavailable", extra={"ctx_stream": key, "ctx_error": type(exc).__name__})
                await asyncio.sleep(WORKER_BACKOFF.compute(failures))
            except Exception:
                # The entry stays pending and is handed out again: nothing acknowledged is dropped.
                failures += 1
                log.exception("stream handler failed", extra={"ctx_stream": key})
                await asyncio.sleep(WORKER_BACKOFF.compute(failures))

    async def _keep_lease(self, partition: int) -> None:
        """Renew this worker's lease on a partition every third of its time, until cancelled."""
        while True:
            await asyncio.sleep(self._lease_ms / 3000)
            try:
                await self._hold_lease(partition)
            except (RedisError, OSError):
                # Redis is away: the lease may lapse, and the partition then goes to whoever holds it next.
                continue

    async def _times_delivered(self, key: str, entry_id: str) -> int:
        rows = await self._redis.xpending_range(key, GROUP, min=entry_id, max=entry_id, count=1)
        return max(int(rows[0]["times_delivered"]) - 1, 0) if rows else 0
