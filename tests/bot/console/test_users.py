"""Console accounts from the command line and from settings."""

from __future__ import annotations

import asyncio
import io
import uuid

import pytest
from redis.asyncio import Redis

from bot.__main__ import main
from bot.console.users import StaffUser, UserStore
from bot.settings import Settings, SettingsError


def _verify(redis_url: str, prefix: str, username: str, password: str) -> StaffUser | None:
    async def check() -> StaffUser | None:
        redis = Redis.from_url(redis_url, decode_responses=True)
        try:
            return await UserStore(redis, prefix).verify(username, password)
        finally:
            await redis.close(close_connection_pool=True)

    return asyncio.run(check())


def test_users_add_creates_an_account_that_signs_in(redis_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    prefix = f"t{uuid.uuid4().hex[:10]}"
    monkeypatch.setenv("GATEWAY_MODE", "dev")
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("GATEWAY_KEY_PREFIX", prefix)
    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-password-42\n"))
    assert main(["users", "add", "wanjiru", "--role", "agent", "--regions", "Nairobi, Kiambu", "--password-stdin"]) == 0
    user = _verify(redis_url, prefix, "wanjiru", "a-long-password-42")
    assert user is not None and user.role == "agent" and user.regions == ("Nairobi", "Kiambu")
    assert user.password_hash.startswith("$argon2id$")
    assert _verify(redis_url, prefix, "wanjiru", "a-wrong-password") is None


def test_users_add_refuses_a_short_password(redis_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GATEWAY_MODE", "dev")
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["users", "add", "wanjiru", "--password-stdin"]) == 1


def test_admin_from_settings_needs_a_long_password() -> None:
    with pytest.raises(SettingsError):
        Settings.from_env({"GATEWAY_MODE": "dev", "CONSOLE_ADMIN_USER": "admin", "CONSOLE_ADMIN_PASSWORD": "short"})


def test_gateways_starting_together_create_the_first_admin_once_without_failing(redis_url: str) -> None:
    prefix = f"t{uuid.uuid4().hex[:10]}"

    async def start_together() -> list[bool]:
        redis = Redis.from_url(redis_url, decode_responses=True)
        try:
            # Each gateway checks for the account, finds none, then creates it: the second one finds it taken.
            stores = [UserStore(redis, prefix) for _ in range(3)]
            return list(await asyncio.gather(*(s.ensure_admin("admin", "admin-password-0123") for s in stores)))
        finally:
            await redis.close(close_connection_pool=True)

    assert sorted(asyncio.run(start_together())) == [False, False, True]
    assert _verify(redis_url, prefix, "admin", "admin-password-0123") is not None
