"""The gateway's errors when sending: whether to try again, and when."""

from __future__ import annotations

from aiohttp import ClientConnectorError


class SendError(Exception):
    """A provider did not take a message."""


class SendRetryable(SendError):
    """Worth another try: a server error, a timeout, or throttling (`retry_after` seconds when given).

    `maybe_sent` when the request reached the provider but its answer did not come back (a timeout, a dropped
    connection): the provider may have taken the message, so sending it again may send it twice.
    """

    def __init__(self, message: str, retry_after: float | None = None, maybe_sent: bool = False) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.maybe_sent = maybe_sent


def unanswered(provider: str, exc: BaseException) -> SendRetryable:
    """The error for a send whose answer never came: certain not taken only when no connection was made."""
    return SendRetryable(
        f"{provider} did not answer: {type(exc).__name__}", maybe_sent=not isinstance(exc, ClientConnectorError)
    )


class SendRejected(SendError):
    """The provider refused the message for good (bad number, blocked, opted out)."""


class InvalidSignature(Exception):
    """A webhook request whose signature is missing or wrong."""


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds from a Retry-After header given as a number; None when absent or not a number."""
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        return None


def classify_status(status: int, body: str, retry_after: str | None) -> SendError:
    """The error an HTTP status from a provider's send API stands for."""
    detail = f"HTTP {status}: {body[:200]}"
    if status == 429 or status >= 500:
        return SendRetryable(detail, retry_after_seconds(retry_after))
    return SendRejected(detail)
