"""Staff sessions in Redis (sliding idle timeout) and sign-in throttling."""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from dataclasses import dataclass, field

from redis.asyncio import Redis


@dataclass(frozen=True)
class StaffSession:
    """A signed-in member of staff; the CSRF token belongs to the session."""

    session_id: str = field(repr=False)
    username: str
    csrf_token: str = field(repr=False)
    started_at: float


# Kept over aiohttp-session's RedisStorage, which keys each session by its raw cookie value (a copy of Redis would
# hold usable cookies) and would still leave the CSRF token and the sliding idle timeout to be written here.
class SessionStore:
    """Sessions keyed by a hash of their id, so a copy of Redis holds no usable cookie."""

    def __init__(self, redis: Redis, prefix: str, idle_seconds: int) -> None:
        self._redis = redis
        self._prefix = prefix
        self._idle = idle_seconds

    def _key(self, session_id: str) -> str:
        digest = hashlib.sha256(session_id.encode()).hexdigest()
        return f"{self._prefix}:console:session:{digest}"

    async def start(self, username: str) -> StaffSession:
        """A new session with fresh id and CSRF token."""
        session = StaffSession(secrets.token_urlsafe(32), username, secrets.token_urlsafe(32), time.time())
        data = json.dumps({"username": username, "csrf": session.csrf_token, "started_at": session.started_at})
        await self._redis.set(self._key(session.session_id), data, ex=self._idle)
        return session

    async def get(self, session_id: str) -> StaffSession | None:
        """The live session for this id, its idle clock restarted; None when unknown or idle too long."""
        if not session_id or len(session_id) > 128:
            return None
        key = self._key(session_id)
        raw = await self._redis.getex(key, ex=self._idle)
        if raw is None:
            return None
        data = json.loads(raw)
        return StaffSession(session_id, data["username"], data["csrf"], float(data["started_at"]))

    async def end(self, session_id: str) -> None:
        """Forget a session."""
        await self._redis.delete(self._key(session_id))


# An account is closed to every address after this many times the per-address-and-account limit (guessing
# spread over several addresses); an address is closed to every account after this many times (one address
# trying name after name), far above what the mistyped passwords of one office behind one address reach.
ACCOUNT_FACTOR = 4
ADDRESS_FACTOR = 20


class LoginThrottle:
    """Counts failed sign-ins per account and address, per account, and per address, each within the window.

    `attempts` failures for one account from one address close that account to that address only; other
    accounts, and the same account from elsewhere, sign in as before.
    """

    def __init__(self, redis: Redis, prefix: str, attempts: int, window: int) -> None:
        self._redis = redis
        self._prefix = prefix
        self._window = window
        self._limits = (attempts, attempts * ACCOUNT_FACTOR, attempts * ADDRESS_FACTOR)

    def _keys(self, username: str, address: str) -> tuple[str, str, str]:
        """The account-and-address, account and address counters, in the order of `_limits`."""
        base = f"{self._prefix}:console:login-failures"
        account = username.lower()[:64]
        return (f"{base}:pair:{address}:{account}", f"{base}:user:{account}", f"{base}:addr:{address}")

    async def blocked_for(self, username: str, address: str) -> int:
        """Seconds until this account may be tried from this address; 0 when it may be now."""
        keys = self._keys(username, address)
        wait = 0
        for key, count, limit in zip(keys, await self._redis.mget(keys), self._limits, strict=True):
            if int(count or 0) >= limit:
                wait = max(wait, int(await self._redis.ttl(key)), 1)
        return wait

    async def failed(self, username: str, address: str) -> None:
        """Count a failed attempt on all three counters."""
        pipe = self._redis.pipeline(transaction=True)
        for key in self._keys(username, address):
            pipe.incr(key)
            pipe.expire(key, self._window, nx=True)
        await pipe.execute()

    async def succeeded(self, username: str, address: str) -> None:
        """A right password clears the account's count from this address; the wider counts run their window."""
        await self._redis.delete(self._keys(username, address)[0])
