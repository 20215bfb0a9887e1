"""The gateway with its console: a first admin from settings, staff added through the real user store."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from bot.console.state import CONSOLE
from bot.keys import GATEWAY
from tests.bot.conftest import STORE_PHONE, Stack, StackFactory, eventually

ADMIN = "admin"
ADMIN_PASSWORD = "admin-password-0123"
AGENT_PASSWORD = "agent-password-0123"
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_of(page: str) -> str:
    """The CSRF token in a page's first form."""
    found = _CSRF.search(page)
    assert found, "no CSRF token on the page"
    return found.group(1)


async def sign_in(client: TestClient, username: str, password: str) -> Any:
    """Sign in through the form the way a browser does; the response of the form's POST."""
    page = await (await client.get("/console/login")).text()
    return await client.post(
        "/console/login",
        data={"username": username, "password": password, "csrf": csrf_of(page)},
        allow_redirects=False,
    )


async def page_token(client: TestClient, path: str = "/console/") -> str:
    """The session's CSRF token, read from a signed-in page."""
    return csrf_of(await (await client.get(path)).text())


@dataclass
class ConsoleStack:
    """The gateway, its fakes, and helpers to talk as a store and as staff."""

    stack: Stack

    @property
    def client(self) -> TestClient:
        """The test client (one cookie jar: one browser)."""
        return self.stack.client

    async def add_user(self, username: str, role: str = "agent", regions: tuple[str, ...] = ()) -> None:
        """Create an account through the console's user store."""
        await self.client.app[CONSOLE].users.add(username, AGENT_PASSWORD, role, regions)

    async def store_says(self, text: str, phone: str = STORE_PHONE) -> None:
        """An SMS from a store, handled to the end (recorded, and answered unless staff hold it)."""
        before = len(await self.stack.transcript(phone))
        await self.stack.sms(text, phone=phone)

        async def recorded() -> bool:
            return len(await self.stack.transcript(phone)) > before

        await eventually(recorded)
        inbox = self.client.app[GATEWAY].inbox

        async def settled() -> bool:
            return await inbox.stream.backlog() == 0 and await inbox.stream.pending() == 0

        await eventually(settled)


@pytest.fixture
async def console(make_stack: StackFactory) -> ConsoleStack:
    """The gateway with a first admin from settings."""
    return ConsoleStack(await make_stack(CONSOLE_ADMIN_USER=ADMIN, CONSOLE_ADMIN_PASSWORD=ADMIN_PASSWORD))
