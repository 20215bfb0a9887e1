"""Sign-in throttling per account and address, per account, per address; X-Forwarded-For from trusted proxies."""

from __future__ import annotations

import ipaddress
from typing import Any

import pytest

from bot.console.auth import client_address
from bot.console.sessions import ACCOUNT_FACTOR, ADDRESS_FACTOR
from bot.settings import Settings, SettingsError
from tests.bot.conftest import StackFactory
from tests.bot.console.conftest import ADMIN, ADMIN_PASSWORD, AGENT_PASSWORD, ConsoleStack, csrf_of

ATTEMPTS = 3
WRONG = "wrong-password-here"


async def _sign_in(console: ConsoleStack, username: str, password: str, forwarded_for: str = "") -> Any:
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    page = await (await console.client.get("/console/login")).text()
    return await console.client.post(
        "/console/login",
        data={"username": username, "password": password, "csrf": csrf_of(page)},
        headers=headers,
        allow_redirects=False,
    )


async def _console(make_stack: StackFactory, attempts: int = ATTEMPTS, **extra: str) -> ConsoleStack:
    console = ConsoleStack(
        await make_stack(
            CONSOLE_ADMIN_USER=ADMIN,
            CONSOLE_ADMIN_PASSWORD=ADMIN_PASSWORD,
            CONSOLE_LOGIN_ATTEMPTS=str(attempts),
            **extra,
        )
    )
    await console.add_user("amina")
    return console


async def test_failures_for_a_name_that_does_not_exist_leave_the_admin_signing_in(make_stack: StackFactory) -> None:
    console = await _console(make_stack)
    for _ in range(ATTEMPTS * 2):
        assert (await _sign_in(console, "nobody", WRONG)).status in (401, 429)
    assert (await _sign_in(console, ADMIN, ADMIN_PASSWORD)).status == 303


async def test_failures_for_one_account_close_only_that_account_to_that_address(make_stack: StackFactory) -> None:
    console = await _console(make_stack)
    for _ in range(ATTEMPTS):
        assert (await _sign_in(console, "amina", WRONG)).status == 401
    assert (await _sign_in(console, "amina", AGENT_PASSWORD)).status == 429
    assert (await _sign_in(console, ADMIN, ADMIN_PASSWORD)).status == 303


async def test_forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy(make_stack: StackFactory) -> None:
    console = await _console(make_stack)
    for n in range(ATTEMPTS):
        assert (await _sign_in(console, ADMIN, WRONG, forwarded_for=f"198.51.100.{n}")).status == 401
    response = await _sign_in(console, ADMIN, ADMIN_PASSWORD, forwarded_for="198.51.100.99")
    assert response.status == 429 and int(response.headers["Retry-After"]) > 0


async def test_behind_a_trusted_proxy_an_account_closes_only_to_the_address_that_failed(
    make_stack: StackFactory,
) -> None:
    console = await _console(make_stack, CONSOLE_TRUSTED_PROXIES="127.0.0.1, 10.0.0.0/8")
    for _ in range(ATTEMPTS):
        assert (await _sign_in(console, ADMIN, WRONG, forwarded_for="198.51.100.7, 10.1.2.3")).status == 401
    assert (await _sign_in(console, ADMIN, ADMIN_PASSWORD, forwarded_for="198.51.100.7")).status == 429
    assert (await _sign_in(console, ADMIN, ADMIN_PASSWORD, forwarded_for="203.0.113.5")).status == 303


async def test_an_account_failing_from_many_addresses_is_closed_to_every_address(make_stack: StackFactory) -> None:
    console = await _console(make_stack, CONSOLE_TRUSTED_PROXIES="127.0.0.1")
    for n in range(ATTEMPTS * ACCOUNT_FACTOR):
        assert (await _sign_in(console, "amina", WRONG, forwarded_for=f"198.51.100.{n // ATTEMPTS}")).status == 401
    assert (await _sign_in(console, "amina", AGENT_PASSWORD, forwarded_for="203.0.113.5")).status == 429
    assert (await _sign_in(console, ADMIN, ADMIN_PASSWORD, forwarded_for="198.51.100.0")).status == 303


async def test_one_address_trying_many_names_is_closed_far_above_the_account_limit(make_stack: StackFactory) -> None:
    console = await _console(make_stack, attempts=1)
    limit = ADDRESS_FACTOR
    for n in range(limit):
        assert (await _sign_in(console, f"guess{n}", WRONG)).status == 401, n
    response = await _sign_in(console, ADMIN, ADMIN_PASSWORD)
    assert response.status == 429


def test_client_address_is_the_peer_without_trusted_proxies() -> None:
    assert client_address("192.0.2.1", ["198.51.100.9"], ()) == "192.0.2.1"


def test_client_address_walks_back_through_trusted_proxies_only() -> None:
    trusted = (ipaddress.ip_network("10.0.0.0/8"),)
    # The client wrote the first hop itself; the proxies appended the rest.
    assert client_address("10.0.0.1", ["6.6.6.6, 198.51.100.9, 10.0.0.2"], trusted) == "198.51.100.9"
    assert client_address("10.0.0.1", ["not-an-address"], trusted) == "10.0.0.1"
    assert client_address("10.0.0.1", [], trusted) == "10.0.0.1"
    assert client_address("10.0.0.1", ["2001:db8::1"], trusted) == "2001:db8::1"


def test_trusted_proxies_must_be_addresses_or_networks() -> None:
    env = {"GATEWAY_MODE": "dev", "CONSOLE_TRUSTED_PROXIES": "10.0.0.0/8, ::1"}
    assert [str(n) for n in Settings.from_env(env).console_trusted_proxies] == ["10.0.0.0/8", "::1/128"]
    with pytest.raises(SettingsError):
        Settings.from_env({"GATEWAY_MODE": "dev", "CONSOLE_TRUSTED_PROXIES": "proxy.internal"})
