"""The outbox: rendered replies queued on Redis Streams and delivered with retries, limits and receipts."""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from typing import Mapping, Protocol, runtime_checkable

from redis.asyncio import Redis

from backend.logs import mask_phone
from bot.errors import SendError, SendRejected, SendRetryable
from bot.messages import Outbound, Reply
from bot.ratelimit import RateLimiter
from bot.render import render
from bot.streams import PartitionedStream, RetryLater
from bot.transcripts import TranscriptStore

log = logging.getLogger("bot.outbox")

# A delivery record while its send is under way: the prefix, then when the send began.
SENDING = "sending:"


@dataclass(frozen=True)
class Sent:
    """A provider took a message: its id there and the status it reported."""

    provider_id: str
    status: str = "queued"


class Sender(Protocol):
    """One channel's way out."""

    async def send(self, message: Outbound) -> Sent:
        """Hand one message to the provider."""


@runtime_checkable
class SentLookup(Protocol):
    """A channel whose provider keeps a log of the messages it took, to settle a send whose answer was lost."""

    async def find_sent(self, message: Outbound, since: float) -> str | None:
        """The provider's id of this message if it took it since `since`, else None."""


@dataclass(frozen=True)
class OutboxPolicy:
    """How hard to try."""

    max_attempts: int
    retry_base: float
    retry_max: float
    record_ttl: int
    menu_ttl: int
    sms_max_segments: int

    def backoff(self, attempt: int) -> float:
        """Seconds to wait before attempt number `attempt + 1`."""
        return float(min(self.retry_base * 2 ** max(attempt - 1, 0), self.retry_max))


class Outbox:
    """Queues rendered replies and delivers them: at least once from the stream, at most once per message id."""

    def __init__(
        self,
        redis: Redis,
        stream: PartitionedStream,
        transcripts: TranscriptStore,
        senders: Mapping[str, Sender],
        limiter: RateLimiter,
        policy: OutboxPolicy,
        prefix: str,
    ) -> None:
        self._redis = redis
        self.stream = stream
        self._transcripts = transcripts
        self._senders = senders
        self._limiter = limiter
        self._policy = policy
        self._prefix = prefix

    def _menu_key(self, phone: str) -> str:
        return f"{self._prefix}:menu:{{{phone}}}"

    async def forget_menu(self, phone: str) -> None:
        """Drop the phone's last numbered menu, so a number typed next is not read as a pick from it."""
        await self._redis.delete(self._menu_key(phone))

    async def send_reply(
        self, phone: str, channel: str, reply: Reply, base_id: str, replaces_menu: bool = True
    ) -> list[Outbound]:
        """Render a reply for the channel, remember its numbered menu (or forget the old one), queue its parts."""
        rendered = render(reply, channel, self._policy.sms_max_segments)
        if rendered.menu:
            await self._redis.set(self._menu_key(phone), json.dumps(list(rendered.menu)), ex=self._policy.menu_ttl)
        elif replaces_menu:
            await self._redis.delete(self._menu_key(phone))
        messages = [
            Outbound(f"{base_id}:{n}", channel, phone, kind, text, choices, media_url=media, language=reply.language)
            for n, (kind, text, choices, media) in enumerate(rendered.parts)
        ]
        for message in messages:
            shown = message.text or message.media_url
            await self._transcripts.append_outbound(message.message_id, channel, phone, shown, time.time())
            await self.stream.add(phone, message.to_fields())
        return messages

    async def menu_choice(self, phone: str, text: str) -> str | None:
        """The payload a typed number picks from the last numbered menu sent to this phone, if any."""
        number = text.strip().rstrip(".")
        if not number.isdigit():
            return None
        menu = await self._redis.get(self._menu_key(phone))
        if menu is None:
            return None
        payloads = json.loads(menu)
        index = int(number) - 1
        return str(payloads[index]) if 0 <= index < len(payloads) else None

    async def deliver(self, entry_id: str, fields: Mapping[str, str], handed_out_before: int) -> None:
        """Send one queued message (the stream handler); raises RetryLater to try again after a pause."""
        message = Outbound.from_fields(fields)
        record_key = f"{self._prefix}:delivery:{{{message.message_id}}}"
        record = await self._redis.get(record_key)
        ctx = {"ctx_message_id": message.message_id, "ctx_channel": message.channel, "ctx_to": mask_phone(message.to)}
        if record is not None and not record.startswith(SENDING):
            return
        sender = self._senders.get(message.channel)
        if sender is None:
            log.error("no sender for channel; message dropped", extra=ctx)
            await self._finish(message, record_key, "failed", "channel disabled")
            return
        if record is not None and await self._found_sent(message, sender, record, record_key, ctx):
            return
        wait = await self._limiter.wait_time(message.to)
        if wait > 0:
            raise RetryLater(wait)
        await self._redis.set(record_key, f"{SENDING}{time.time()!r}", ex=self._policy.record_ttl)
        try:
            sent = await sender.send(message)
        except SendRetryable as exc:
            if not exc.maybe_sent:
                await self._redis.delete(record_key)
            attempts = int(await self._redis.incr(f"{record_key}:attempts"))
            await self._redis.expire(f"{record_key}:attempts", self._policy.record_ttl)
            if attempts >= self._policy.max_attempts:
                log.error("giving up on a message", extra={**ctx, "ctx_error": str(exc), "ctx_attempts": attempts})
                await self._finish(message, record_key, "failed", str(exc))
                return
            delay = exc.retry_after if exc.retry_after is not None else self._policy.backoff(attempts)
            log.warning("send failed; will retry", extra={**ctx, "ctx_error": str(exc), "ctx_delay": delay})
            raise RetryLater(min(delay, self._policy.retry_max)) from None
        except SendRejected as exc:
            log.error("provider refused a message", extra={**ctx, "ctx_error": str(exc)})
            await self._finish(message, record_key, "failed", str(exc))
            return
        await self._sent(message, record_key, sent)
        log.info("message sent", extra={**ctx, "ctx_provider_id": sent.provider_id})

    async def _sent(self, message: Outbound, record_key: str, sent: Sent) -> None:
        await self._redis.set(record_key, f"sent:{sent.provider_id}", ex=self._policy.record_ttl)
        await self._transcripts.set_provider_id(message.to, message.message_id, sent.provider_id)
        await self._transcripts.set_status(message.to, message.message_id, sent.status)

    async def _found_sent(
        self, message: Outbound, sender: Sender, record: str, record_key: str, ctx: Mapping[str, str]
    ) -> bool:
        """A send whose answer was lost (its gateway stopped, or it timed out): True if the provider's log has it.

        Without a log to read, or when reading it fails, the message is sent again: a reply sent twice
        is better than one never sent.
        """
        if isinstance(sender, SentLookup):
            try:
                provider_id = await sender.find_sent(message, float(record[len(SENDING) :] or 0))
            except SendError as exc:
                log.warning("provider's message log unavailable", extra={**ctx, "ctx_error": str(exc)})
                provider_id = None
            if provider_id is not None:
                log.info("found in the provider's log after a lost answer; not sent again", extra=ctx)
                await self._sent(message, record_key, Sent(provider_id))
                return True
        log.warning("delivery uncertain; sending again", extra=ctx)
        return False

    async def _finish(self, message: Outbound, record_key: str, status: str, error: str) -> None:
        await self._redis.set(record_key, status, ex=self._policy.record_ttl)
        await self._transcripts.set_status(message.to, message.message_id, status, error)
        await self._redis.xadd(f"{self._prefix}:outbox-failed", message.to_fields(), maxlen=10000, approximate=True)
