"""Redis going away and coming back: webhooks are refused meanwhile, nothing acknowledged is lost."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path
from typing import Iterator

import pytest

from bot.redis_server import free_port
from tests.bot.conftest import Stack, StackFactory, eventually


class RedisProcess:
    """A redis-server with an append-only file that fsyncs every write, restartable on the same port."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.workdir = workdir
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        server = shutil.which("redis-server")
        assert server is not None
        self.proc = subprocess.Popen(
            [
                server,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.workdir),
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--save",
                "",
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait(timeout=10)


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisProcess]:
    """A redis-server only this test uses."""
    server = RedisProcess(tmp_path)
    server.start()
    yield server
    if server.proc is not None and server.proc.poll() is None:
        server.proc.terminate()
        server.proc.wait(timeout=10)


async def test_redis_killed_mid_stream_loses_no_acknowledged_message(
    make_stack: StackFactory, own_redis: RedisProcess
) -> None:
    stack = await make_stack(REDIS_URL=own_redis.url)
    stack.rasa.down = True
    assert (await stack.sms("one", sid="SMone")).status == 200
    await eventually(lambda: _count(stack, 1))
    own_redis.kill()
    refused = await stack.sms("two", sid="SMtwo")
    assert refused.status == 503
    own_redis.start()
    stack.rasa.down = False
    await eventually(lambda: _count(stack, 2), timeout=20)
    assert (await stack.sms("two", sid="SMtwo")).status == 200
    await eventually(lambda: _count(stack, 3), timeout=20)
    assert [t["message"] for t in stack.rasa.turns] == ["one", "two"]
    assert stack.twilio.bodies()[1:] == ["echo: one", "echo: two"]


async def _count(stack: Stack, count: int) -> bool:
    return len(stack.twilio.requests) >= count
