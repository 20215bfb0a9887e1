"""Whole dialogues in-process: one loaded Agent, the real action server, the real platform on temp SQLite.

The action server runs as a subprocess (`python -m rasa_sdk`): that is how it runs in production, it keeps
Sanic's own loop and signal handling out of pytest's loop, and it can be restarted mid-test to show that no
conversation state lives in its memory. The platform runs in the test session's loop on a fixed free port,
so a test can stop it (platform down) and start it again.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any, AsyncIterator, Iterator

import pytest
import pytest_asyncio
from aiohttp import web

from backend.app import BackendSettings, create_app
from backend.catalog import parse_catalog_csv
from backend.client import PlatformClient
from backend.database import PlatformDatabase
from backend.stores_csv import parse_stores_csv
from bot.redis_server import free_port
from tests.conftest import ROOT
from tests.dialogues.seed import (
    CATALOG_CSV,
    CHINESE_STORE_PHONES,
    DEVANAGARI_STORE_PHONES,
    FRENCH_STORE_PHONES,
    HINDI_STORE_PHONES,
    INDONESIAN_STORE_PHONES,
    SINGLE_STORE_PHONES,
    SPANISH_STORE_PHONES,
    SWAHILI_STORE_PHONES,
    TAGALOG_STORE_PHONES,
    stores_csv,
)

API_KEY = "dialogue-test-key-0123456789"
MODEL = ROOT / "models" / "current.tar.gz"


class Platform:
    """The reference platform on its own thread and loop, on a fixed port that a test can stop and start again.

    Its own loop, because the Rasa-side order parser fetches the catalog synchronously: served from the
    test loop, that fetch would wait on itself.
    """

    def __init__(self, settings: BackendSettings, port: int) -> None:
        self.settings = settings
        self.port = port
        self._runner: web.AppRunner | None = None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=10)

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(timeout=10)

    def close(self) -> None:
        self.stop()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)

    async def _start(self) -> None:
        # Without an access log, as `python -m backend serve` runs it.
        self._runner = web.AppRunner(create_app(self.settings), access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    async def _stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


@pytest.fixture(scope="session")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    """The platform app on a seeded temp SQLite file."""
    path = tmp_path_factory.mktemp("platform") / "platform.sqlite3"
    db = PlatformDatabase(path)
    db.import_catalog(parse_catalog_csv(CATALOG_CSV))
    db.import_stores(parse_stores_csv(stores_csv(), "KE"))
    db.close()
    served = Platform(BackendSettings(db_path=str(path), api_key=API_KEY, default_region="KE"), free_port())
    served.start()
    yield served
    served.close()


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def platform_client(platform: Platform) -> AsyncIterator[PlatformClient]:
    """A client for checking what the platform holds after a dialogue."""
    async with PlatformClient(platform.url, API_KEY, timeout=5.0) as client:
        yield client


def _wait_for_port(port: int, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"action server exited with {proc.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("action server did not start")


@dataclass
class ActionServer:
    """`python -m rasa_sdk --actions actions` as a subprocess on a free port."""

    env: dict[str, str]
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhook"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(self.port)],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for_port(self.port, self.proc)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=20)
            self.proc = None


@pytest.fixture(scope="session")
def action_server(platform: Platform, redis_url: str) -> Iterator[ActionServer]:
    """The real action server, pointed at the test platform."""
    env = dict(os.environ, BACKEND_URL=platform.url, BACKEND_API_KEY=API_KEY, REDIS_URL=redis_url, BACKEND_TIMEOUT="2")
    server = ActionServer(env)
    server.start()
    yield server
    server.stop()


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def agent(action_server: ActionServer) -> Any:
    """The trained model, loaded once per session (about 30 s), executing actions on the action server."""
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig

    if not MODEL.exists():
        pytest.fail("no trained model: run `make train`")
    # The order parser in the NLU pipeline reads the catalog from the platform named in the environment.
    os.environ["BACKEND_URL"] = action_server.env["BACKEND_URL"]
    os.environ["BACKEND_API_KEY"] = API_KEY
    return Agent.load(str(MODEL), action_endpoint=EndpointConfig(url=action_server.url))


class Phones:
    """Hands each test its own store phone, so conversations and orders never mix."""

    def __init__(self, phones: list[str] = SINGLE_STORE_PHONES) -> None:
        self._free = list(phones)

    def take(self) -> str:
        return self._free.pop(0)


@pytest.fixture(scope="session")
def phones() -> Phones:
    """The pool of single-store phone numbers (stores whose language is English)."""
    return Phones()


@pytest.fixture(scope="session")
def language_phones() -> dict[str, Phones]:
    """Pools of single-store phones by the store's language: Swahili, Hinglish, Devanagari, Chinese, French, Tagalog,
    Indonesian, Spanish."""
    return {
        "sw": Phones(SWAHILI_STORE_PHONES),
        "hi": Phones(HINDI_STORE_PHONES),
        "hi-Deva": Phones(DEVANAGARI_STORE_PHONES),
        "zh": Phones(CHINESE_STORE_PHONES),
        "fr": Phones(FRENCH_STORE_PHONES),
        "tl": Phones(TAGALOG_STORE_PHONES),
        "id": Phones(INDONESIAN_STORE_PHONES),
        "es": Phones(SPANISH_STORE_PHONES),
    }


@dataclass
class Chat:
    """One store owner talking to the assistant."""

    agent: Any
    phone: str
    # The channel the gateway says the message came by, as it does in the message's metadata.
    channel: str = "sms"

    async def say(self, text: str) -> list[dict[str, Any]]:
        """Send a message; the assistant's replies."""
        from rasa.core.channels.channel import UserMessage

        message = UserMessage(text, sender_id=self.phone, metadata={"channel": self.channel})
        return list(await self.agent.handle_message(message) or [])

    async def text(self, text: str) -> str:
        """Send a message; the replies' text joined."""
        return "\n".join(reply.get("text") or "" for reply in await self.say(text))

    async def slot(self, name: str) -> Any:
        """A slot of this conversation's tracker."""
        tracker = await self.agent.tracker_store.get_or_create_tracker(self.phone)
        return tracker.get_slot(name)


@pytest.fixture
def chat(agent: Any, phones: Phones) -> Chat:
    """A fresh conversation for a store with one phone."""
    return Chat(agent, phones.take())
