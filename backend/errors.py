"""The platform layer's errors: raised by the service, sent as HTTP, raised again by the client."""

from __future__ import annotations

from typing import Sequence

from backend.models import LineProblem


class PlatformError(Exception):
    """Anything the platform refuses or cannot do; `code` is the API's error code."""

    code = "platform_error"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class NotFound(PlatformError):
    """The store, SKU or order does not exist."""

    code = "not_found"


class OrderRejected(PlatformError):
    """An order the platform will not accept as it stands, with the reason for each line."""

    code = "order_rejected"

    def __init__(self, message: str, code: str | None = None, problems: Sequence[LineProblem] = ()) -> None:
        super().__init__(message, code)
        self.problems = tuple(problems)


class IdempotencyKeyReused(PlatformError):
    """An Idempotency-Key already used for a different order."""

    code = "idempotency_key_reused"


class Conflict(PlatformError):
    """A request the order's current state does not allow (cancelling a dispatched order)."""

    code = "conflict"


class InvalidRequest(PlatformError):
    """A request body or parameter that is not of the API's form."""

    code = "invalid_request"


class Unauthorized(PlatformError):
    """The service key is missing or wrong."""

    code = "unauthorized"


class Unavailable(PlatformError):
    """The platform did not answer in time, or answered with a server error."""

    code = "unavailable"


# One table both ways: which HTTP status each error travels as.
HTTP_STATUS: dict[type[PlatformError], int] = {
    InvalidRequest: 400,
    Unauthorized: 401,
    NotFound: 404,
    Conflict: 409,
    OrderRejected: 422,
    IdempotencyKeyReused: 422,
    Unavailable: 503,
}


def error_for(status: int, code: str, message: str, problems: Sequence[LineProblem] = ()) -> PlatformError:
    """The typed error an HTTP error response stands for."""
    if status == 422 and code == IdempotencyKeyReused.code:
        return IdempotencyKeyReused(message)
    if status == 422:
        return OrderRejected(message, code, problems)
    if status >= 500:
        return Unavailable(message, code)
    for error_type, error_status in HTTP_STATUS.items():
        if error_status == status:
            return error_type(message, code)
    return PlatformError(message, code)
