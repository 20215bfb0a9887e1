"""Sending one message to its provider, for replies and promotions alike.

Each send leaves an in-flight mark before the provider is called, so a send whose answer was lost (its worker
stopped, or the provider's answer timed out) is told apart from one never made: the provider's message log,
where it keeps one, settles it. A send the provider did not take is tried again after a backoff, and given up
after the policy's attempts; a refusal is final.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from enum import Enum
from typing import Any, Mapping, Protocol, runtime_checkable

from redis.backoff import ExponentialBackoff

from bot.errors import SendRejected, SendRetryable
from bot.messages import Outbound
from bot.transcripts import TranscriptStore

log = logging.getLogger("bot.sending")


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


@runtime_checkable
class TemplateSender(Protocol):
    """A channel that can send a provider-approved template (WhatsApp outside its 24-hour window, WeChat outside
    its 48 hours)."""

    async def send_template(self, message_id: str, to: str, template: TemplateCall) -> Sent:
        """Send the template (Meta: its name; Twilio: its Content SID; WeChat: its template id) with its parameters."""


@dataclass(frozen=True)
class TemplateCall:
    """A provider-approved template to send instead of the message's text, with its body parameters."""

    template_id: str
    language: str
    parameters: tuple[str, ...]
    # WeChat: the data key each parameter fills (`thing1`, `amount2`); WhatsApp's are positional.
    keys: tuple[str, ...] = ()


class DeliveryState(str, Enum):
    """How far a send got, as its mark records it."""

    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


@dataclass(frozen=True)
class Mark:
    """A message's delivery mark: its state, who claimed it (a promotion's store; empty for a reply), a detail.

    The detail is when the send began while it is in flight, and the provider's id once sent.
    """

    state: DeliveryState
    owner: str = ""
    detail: str = ""

    @classmethod
    def in_flight(cls, owner: str = "") -> Mark:
        """The mark left right before the provider is called."""
        return cls(DeliveryState.SENDING, owner, repr(time.time()))

    @property
    def since(self) -> float:
        """When an in-flight send began (0 when not known)."""
        try:
            return float(self.detail) if self.state is DeliveryState.SENDING and self.detail else 0.0
        except ValueError:
            return 0.0

    def encode(self) -> str:
        """The stored form: `state:owner:detail`."""
        return f"{self.state.value}:{self.owner}:{self.detail}"

    @classmethod
    def decode(cls, raw: str) -> Mark:
        """Parse the stored form."""
        state, _, rest = raw.partition(":")
        owner, _, detail = rest.partition(":")
        return cls(DeliveryState(state), owner, detail)


class Ledger(Protocol):
    """Where one message's mark and its attempts are kept."""

    async def begin(self, mark: Mark) -> bool:
        """Leave the in-flight mark; False when the message was already marked and may not be sent."""

    async def release(self) -> None:
        """Drop the in-flight mark: the provider certainly did not take the message."""

    async def count_attempt(self) -> int:
        """Count one more failed attempt; the count so far."""


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try: attempts before giving up, and the backoff between them (doubling up to a cap)."""

    max_attempts: int
    retry_base: float
    retry_max: float

    def backoff(self, attempt: int) -> float:
        """Seconds to wait before attempt number `attempt + 1`."""
        return float(ExponentialBackoff(cap=self.retry_max, base=self.retry_base).compute(max(attempt - 1, 0)))

    def delay(self, error: SendRetryable, attempts: int) -> float:
        """Seconds to wait after `attempts` failed ones: the provider's Retry-After when given, never over the cap."""
        wait = error.retry_after if error.retry_after is not None else self.backoff(attempts)
        return min(wait, self.retry_max)


class Outcome(str, Enum):
    """What became of one attempt to send."""

    SENT = "sent"
    REFUSED = "refused"
    GAVE_UP = "gave_up"
    RETRY = "retry"
    UNCERTAIN = "uncertain"
    CLAIMED = "claimed"


@dataclass(frozen=True)
class Attempt:
    """One attempt's outcome: the provider's answer when sent, the wait before the next try, the error."""

    outcome: Outcome
    sent: Sent | None = None
    delay: float = 0.0
    error: str = ""


class Sending:
    """Sends messages through the enabled channels' senders and records what became of them."""

    def __init__(self, senders: Mapping[str, Sender], transcripts: TranscriptStore, policy: RetryPolicy) -> None:
        self.senders = senders
        self._transcripts = transcripts
        self._policy = policy

    async def send(
        self,
        message: Outbound,
        ledger: Ledger,
        ctx: Mapping[str, Any],
        owner: str = "",
        template: TemplateCall | None = None,
        await_receipt: bool = False,
    ) -> Attempt:
        """Mark the message in flight and send it (its template instead, when given).

        An answer lost after the provider may have taken it is UNCERTAIN when the caller waits for a receipt;
        otherwise it counts as a failed attempt, the mark kept so that the next one looks in the provider's log.
        """
        if not await ledger.begin(Mark.in_flight(owner)):
            return Attempt(Outcome.CLAIMED)
        try:
            sent = await self._call(message, template)
        except SendRetryable as exc:
            if exc.maybe_sent and await_receipt:
                log.warning("provider's answer lost; waiting for its receipt", extra={**ctx, "ctx_error": str(exc)})
                return Attempt(Outcome.UNCERTAIN, error=str(exc))
            if not exc.maybe_sent:
                await ledger.release()
            return await self._failed_attempt(ledger, exc, ctx)
        except SendRejected as exc:
            log.error("provider refused a message", extra={**ctx, "ctx_error": str(exc)})
            return Attempt(Outcome.REFUSED, error=str(exc))
        log.info("message sent", extra={**ctx, "ctx_provider_id": sent.provider_id})
        return Attempt(Outcome.SENT, sent)

    async def _call(self, message: Outbound, template: TemplateCall | None) -> Sent:
        sender = self.senders[message.channel]
        if template is None:
            return await sender.send(message)
        if not isinstance(sender, TemplateSender):
            raise SendRejected(f"channel {message.channel} cannot send templates")
        return await sender.send_template(message.message_id, message.to, template)

    async def _failed_attempt(self, ledger: Ledger, exc: SendRetryable, ctx: Mapping[str, Any]) -> Attempt:
        attempts = await ledger.count_attempt()
        if attempts >= self._policy.max_attempts:
            log.error("giving up on a message", extra={**ctx, "ctx_error": str(exc), "ctx_attempts": attempts})
            return Attempt(Outcome.GAVE_UP, error=str(exc))
        delay = self._policy.delay(exc, attempts)
        log.warning("send failed; will retry", extra={**ctx, "ctx_error": str(exc), "ctx_delay": delay})
        return Attempt(Outcome.RETRY, delay=delay, error=str(exc))

    async def find_sent(self, message: Outbound, since: float, ctx: Mapping[str, Any]) -> str | None:
        """The provider's id of a message whose answer was lost, from its message log; None when not there.

        None too when the channel keeps no log, or refuses to show it: the message is then sent again, as
        one sent twice is better than one never sent. Raises SendRetryable while the log cannot be read.
        """
        sender = self.senders.get(message.channel)
        if not isinstance(sender, SentLookup):
            return None
        try:
            provider_id = await sender.find_sent(message, since)
        except SendRetryable as exc:
            log.warning("provider's message log unavailable", extra={**ctx, "ctx_error": str(exc)})
            raise
        except SendRejected as exc:
            log.error("provider refused to show its message log", extra={**ctx, "ctx_error": str(exc)})
            return None
        if provider_id is not None:
            log.info("found in the provider's log after a lost answer; not sent again", extra=ctx)
        return provider_id

    async def record_sent(self, message: Outbound, sent: Sent, shown: str | None = None, at: float = 0.0) -> None:
        """The transcript's entry of a sent message, with the provider's id.

        A reply's entry was added when it was queued, and takes the status the provider reported; a promotion's
        (`shown`, as support reads it) is added now, queued, and moves on with its receipts.
        """
        if shown is not None:
            await self._transcripts.append_outbound(
                message.message_id, message.channel, message.to, shown, at or time.time()
            )
        await self._transcripts.set_provider_id(message.to, message.message_id, sent.provider_id)
        if shown is None:
            await self._transcripts.set_status(message.to, message.message_id, sent.status)
