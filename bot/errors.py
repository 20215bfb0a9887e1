"""The gateway's errors when sending: whether to try again, and when."""

from __future__ import annotations

import asyncio
from typing import Any, AsyncContextManager, Callable, Collection

from aiohttp import ClientConnectorError, ClientError, ClientResponse


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


async def provider_answer(
    provider: str,
    request: AsyncContextManager[ClientResponse],
    ok: Collection[int] = (200,),
    classify: Callable[[int, str, str | None], SendError] | None = None,
    sends: bool = True,
) -> Any:
    """The JSON answer to one call of a provider's API, or the SendError it stands for.

    A call that `sends` and whose answer never came (a timeout, a dropped connection, a garbled body) may
    have been taken all the same; only a connection never made is certain not to have been.
    """
    try:
        async with request as response:
            body = await response.text()
            if response.status not in ok:
                raise (classify or classify_status)(response.status, body, response.headers.get("Retry-After"))
            return await response.json(content_type=None)
    except (ClientError, asyncio.TimeoutError) as exc:
        raise SendRetryable(
            f"{provider} did not answer: {type(exc).__name__}",
            maybe_sent=sends and not isinstance(exc, ClientConnectorError),
        ) from None
    except ValueError:
        raise SendRetryable(f"{provider} answered something other than JSON", maybe_sent=sends) from None


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
