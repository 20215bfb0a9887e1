"""The outbox: rendered replies queued on Redis Streams and delivered with retries, limits and receipts."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Mapping

from redis.asyncio import Redis

from backend.logs import mask_phone
from bot.errors import SendRetryable
from bot.menus import MenuStore
from bot.messages import FIRST_WRITERS, Outbound, Reply
from bot.ratelimit import RateLimiter
from bot.render import render
from bot.sending import DeliveryState, Mark, Outcome, RetryPolicy, Sending, Sent
from bot.streams import PartitionedStream, RetryLater
from bot.transcripts import TranscriptStore

log = logging.getLogger("bot.outbox")


@dataclass(frozen=True)
class OutboxPolicy(RetryPolicy):
    """How hard to try, how long delivery records and menus are kept, how long an SMS may be."""

    record_ttl: int
    menu_ttl: int
    sms_max_segments: int


class ReplyLedger:
    """A reply's delivery mark and failed attempts, each in a key of its own that expires."""

    def __init__(self, redis: Redis, key: str, ttl: int) -> None:
        self._redis = redis
        self.key = key
        self._ttl = ttl

    async def read(self) -> Mark | None:
        """The reply's mark, if it has one."""
        raw = await self._redis.get(self.key)
        return None if raw is None else Mark.decode(raw)

    async def settle(self, mark: Mark) -> None:
        """Record how the reply's delivery ended."""
        await self._redis.set(self.key, mark.encode(), ex=self._ttl)

    async def begin(self, mark: Mark) -> bool:
        """Leave the in-flight mark (over one left by a send whose answer was lost)."""
        await self.settle(mark)
        return True

    async def release(self) -> None:
        """Drop the in-flight mark."""
        await self._redis.delete(self.key)

    async def count_attempt(self) -> int:
        """Count one more failed attempt."""
        attempts = int(await self._redis.incr(f"{self.key}:attempts"))
        await self._redis.expire(f"{self.key}:attempts", self._ttl)
        return attempts


class Outbox:
    """Queues rendered replies and delivers them: at least once from the stream, at most once per message id."""

    def __init__(
        self,
        redis: Redis,
        stream: PartitionedStream,
        transcripts: TranscriptStore,
        sending: Sending,
        menus: MenuStore,
        limiter: RateLimiter,
        policy: OutboxPolicy,
        prefix: str,
    ) -> None:
        self._redis = redis
        self.stream = stream
        self._transcripts = transcripts
        self.sending = sending
        self.menus = menus
        self._limiter = limiter
        self._policy = policy
        self._prefix = prefix

    async def channel_to_write(self, phone: str) -> str:
        """The channel a person writes to a store on: the one it last wrote on, else one on which a business may write
        first (SMS; the simulator in dev), where WhatsApp and WeChat allow no free text to someone who never wrote.
        Empty when none is enabled."""
        last = await self._transcripts.last_channel(phone)
        if last:
            return last
        return next((channel for channel in FIRST_WRITERS if channel in self.sending.senders), "")

    async def send_reply(
        self, phone: str, channel: str, reply: Reply, base_id: str, replaces_menu: bool = True
    ) -> list[Outbound]:
        """Render a reply for the channel, remember its numbered menu (or forget the old one), queue its parts."""
        rendered = render(reply, channel, self._policy.sms_max_segments)
        if rendered.menu:
            await self.menus.remember(phone, rendered.menu)
        elif replaces_menu:
            await self.menus.forget(phone)
        messages = [
            Outbound(f"{base_id}:{n}", channel, phone, kind, text, choices, media_url=media, language=reply.language)
            for n, (kind, text, choices, media) in enumerate(rendered.parts)
        ]
        for message in messages:
            shown = message.text or message.media_url
            await self._transcripts.append_outbound(message.message_id, channel, phone, shown, time.time())
            await self.stream.add(phone, message.to_fields())
        return messages

    def _ledger(self, message: Outbound) -> ReplyLedger:
        return ReplyLedger(self._redis, f"{self._prefix}:delivery:{{{message.message_id}}}", self._policy.record_ttl)

    async def deliver(self, entry_id: str, fields: Mapping[str, str], handed_out_before: int) -> None:
        """Send one queued message (the stream handler); raises RetryLater to try again after a pause."""
        message = Outbound.from_fields(fields)
        ledger = self._ledger(message)
        mark = await ledger.read()
        ctx = {"ctx_message_id": message.message_id, "ctx_channel": message.channel, "ctx_to": mask_phone(message.to)}
        if mark is not None and mark.state is not DeliveryState.SENDING:
            return
        if message.channel not in self.sending.senders:
            log.error("no sender for channel; message dropped", extra=ctx)
            await self._failed(message, ledger, "channel disabled")
            return
        if mark is not None and await self._found_sent(message, ledger, mark, ctx):
            return
        wait = await self._limiter.wait_time(message.to)
        if wait > 0:
            raise RetryLater(wait)
        attempt = await self.sending.send(message, ledger, ctx)
        if attempt.outcome is Outcome.RETRY:
            raise RetryLater(attempt.delay)
        if attempt.sent is None:
            await self._failed(message, ledger, attempt.error)
            return
        await self._sent(message, ledger, attempt.sent)

    async def _sent(self, message: Outbound, ledger: ReplyLedger, sent: Sent) -> None:
        await ledger.settle(Mark(DeliveryState.SENT, detail=sent.provider_id))
        await self.sending.record_sent(message, sent)

    async def _found_sent(self, message: Outbound, ledger: ReplyLedger, mark: Mark, ctx: Mapping[str, str]) -> bool:
        """A send whose answer was lost: True when the provider's log has it, else it is sent again."""
        try:
            provider_id = await self.sending.find_sent(message, mark.since, ctx)
        except SendRetryable:
            provider_id = None
        if provider_id is not None:
            await self._sent(message, ledger, Sent(provider_id))
            return True
        log.warning("delivery uncertain; sending again", extra=ctx)
        return False

    async def _failed(self, message: Outbound, ledger: ReplyLedger, error: str) -> None:
        await ledger.settle(Mark(DeliveryState.FAILED))
        await self._transcripts.set_status(message.to, message.message_id, "failed", error)
        await self._redis.xadd(f"{self._prefix}:outbox-failed", message.to_fields(), maxlen=10000, approximate=True)
