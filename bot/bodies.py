"""Request bodies read strictly: a body that is not a well-formed form or JSON object is a 400 with the reason."""

from __future__ import annotations

import json
from typing import Any, NoReturn

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.web_protocol import RequestPayloadError
from multidict import MultiDict, MultiDictProxy

FORM_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})

# aiohttp's form reader tells a malformed body by any of these: bytes that are not in the declared charset
# (UnicodeDecodeError), an unknown charset (LookupError), a broken multipart boundary or part (ValueError,
# RuntimeError, AssertionError on a truncated part, HttpProcessingError on a bad part header), and a body that
# does not decompress as its Content-Encoding says (RequestPayloadError).
_MALFORMED = (ValueError, LookupError, RuntimeError, AssertionError, HttpProcessingError, RequestPayloadError)


class MalformedBody(web.HTTPBadRequest):
    """A request body that cannot be read as what its endpoint takes."""

    def __init__(self, reason: str) -> None:
        super().__init__(text=reason)


def _reason(exc: BaseException, what: str) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"the {what} is not valid {exc.encoding}"
    if isinstance(exc, LookupError):
        return f"the {what} names an unknown charset"
    if isinstance(exc, RequestPayloadError):
        return f"the {what} does not decode as its Content-Encoding says"
    return f"the {what} is malformed"


def _refuse(exc: BaseException, what: str) -> NoReturn:
    refusal = MalformedBody(_reason(exc, what))
    if isinstance(exc, RequestPayloadError):
        # The rest of the body cannot be read either: the connection is closed, never reused by the client.
        refusal.force_close()
    raise refusal from None


async def read_form(request: web.Request) -> MultiDictProxy[str]:
    """The text fields of a form body (file parts are left out); an empty form for another content type."""
    try:
        form = await request.post()
    except _MALFORMED as exc:
        _refuse(exc, "form")
    return MultiDictProxy(MultiDict((k, v) for k, v in form.items() if isinstance(v, str)))


async def read_body(request: web.Request) -> bytes:
    """The raw body, decompressed as its Content-Encoding says."""
    try:
        return await request.read()
    except RequestPayloadError as exc:
        _refuse(exc, "body")


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def parse_json_object(body: bytes) -> dict[str, Any]:
    """A JSON object from a raw body: strict JSON (no NaN or Infinity) in UTF-8, its strings valid Unicode."""
    try:
        text = body.decode("utf-8")
        payload = json.loads(text, parse_constant=_no_constant)
        # A lone surrogate ("\ud800") parses, but could never be stored or sent on.
        json.dumps(payload, ensure_ascii=False).encode("utf-8")
    except UnicodeError:
        raise MalformedBody("the body is not valid UTF-8 JSON") from None
    except (ValueError, RecursionError):
        raise MalformedBody("the body is not JSON") from None
    if not isinstance(payload, dict):
        raise MalformedBody("the body is not a JSON object")
    return payload


async def read_json_object(request: web.Request) -> dict[str, Any]:
    """The request's body as a JSON object."""
    return parse_json_object(await read_body(request))
