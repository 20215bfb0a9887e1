"""The client of the Rasa server: the REST channel for turns, the HTTP API for what it understood."""

from __future__ import annotations

import asyncio
from typing import Any, Mapping
from urllib.parse import quote

import aiohttp

from bot.transcripts import Understanding


def conversation_path(sender: str) -> str:
    """The HTTP API path of a conversation, naming the one the REST channel keeps for `sender`.

    Rasa's server does not decode percent-escapes in a path, so `+` stays as it is: `%2B2547...`
    would address a second, empty conversation instead of the owner's `+2547...`.
    """
    return f"/conversations/{quote(sender, safe='+')}"


class RasaUnavailable(Exception):
    """Rasa did not answer in time or answered with an error."""


class RasaClient:
    """Talks to one Rasa server; the conversation id (sender) is the store owner's E.164 phone."""

    def __init__(self, session: aiohttp.ClientSession, base_url: str, token: str, timeout: float) -> None:
        self._session = session
        self._base_url = base_url.rstrip("/")
        self._token = token
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        # The longest this client waits for a turn.
        self.turn_seconds = timeout
        self._short = aiohttp.ClientTimeout(total=min(timeout, 5.0))

    def _params(self) -> dict[str, str]:
        return {"token": self._token} if self._token else {}

    async def send(self, sender: str, text: str, metadata: Mapping[str, Any]) -> list[dict[str, Any]]:
        """One turn through the REST channel; the assistant's messages in order."""
        body = {"sender": sender, "message": text, "metadata": dict(metadata)}
        result = await self._call("POST", "/webhooks/rest/webhook", json=body, timeout=self._timeout)
        if not isinstance(result, list):
            raise RasaUnavailable("the REST channel answered something other than a list")
        return [m for m in result if isinstance(m, dict)]

    async def turn_of(self, sender: str, message_id: str) -> list[dict[str, Any]] | None:
        """The assistant's messages in answer to the sender's message `message_id` if it handled it, else None."""
        params = {"include_events": "AFTER_RESTART", **self._params()}
        tracker = await self._call("GET", f"{conversation_path(sender)}/tracker", params=params, timeout=self._timeout)
        events = tracker.get("events") or [] if isinstance(tracker, dict) else []
        for n, event in enumerate(events):
            if event.get("event") == "user" and (event.get("metadata") or {}).get("message_id") == message_id:
                answer = []
                for later in events[n + 1 :]:
                    if later.get("event") == "user":
                        break
                    if later.get("event") == "bot":
                        data = {key: value for key, value in (later.get("data") or {}).items() if value}
                        answer.append({"text": later.get("text"), **data})
                return answer
        return None

    async def understanding(self, sender: str) -> Understanding:
        """What the assistant made of the sender's latest message (intent, confidence, parsed order, language)."""
        params = {"include_events": "NONE", **self._params()}
        tracker = await self._call(
            "GET", f"{conversation_path(sender)}/tracker", params=params, timeout=self._short
        )
        latest = tracker.get("latest_message") or {} if isinstance(tracker, dict) else {}
        slots = tracker.get("slots") or {} if isinstance(tracker, dict) else {}
        intent = latest.get("intent") or {}
        order = latest.get("order") or {}
        return Understanding(
            intent=str(intent.get("name") or ""),
            confidence=float(intent.get("confidence") or 0.0),
            lines=tuple(order.get("lines") or ()),
            ambiguous=tuple(order.get("ambiguous") or ()),
            unknown=tuple(order.get("unknown") or ()),
            language=str(slots.get("language") or ""),
        )

    async def trigger_intent(self, sender: str, name: str) -> list[dict[str, Any]]:
        """Trigger an intent in a conversation from outside; the messages the assistant sent in reply."""
        result = await self._call(
            "POST",
            f"{conversation_path(sender)}/trigger_intent",
            json={"name": name},
            params=self._params(),
            timeout=self._timeout,
        )
        messages = result.get("messages") if isinstance(result, dict) else None
        return [m for m in messages or () if isinstance(m, dict)]

    async def healthy(self) -> bool:
        """True when the server answers its root URL."""
        try:
            async with self._session.get(self._base_url + "/", timeout=self._short) as response:
                return response.status == 200
        except (aiohttp.ClientError, asyncio.TimeoutError):
            return False

    async def _call(self, method: str, path: str, *, timeout: aiohttp.ClientTimeout, **kwargs: Any) -> Any:
        try:
            async with self._session.request(method, self._base_url + path, timeout=timeout, **kwargs) as response:
                if response.status >= 300:
                    raise RasaUnavailable(f"Rasa answered HTTP {response.status} to {method} {path.split('/')[1]}")
                return await response.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as exc:
            raise RasaUnavailable(f"Rasa did not answer: {type(exc).__name__}") from None
