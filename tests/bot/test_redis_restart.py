"""Redis going away and coming back: webhooks are refused meanwhile, nothing acknowledged is lost."""

from __future__ import annotations

import asyncio
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


async def test_redis_restarted_under_steady_webhooks_loses_nothing_and_refuses_nothing_once_back(
    make_stack: StackFactory, own_redis: RedisProcess
) -> None:
    stack = await make_stack(REDIS_URL=own_redis.url)
    answers: list[tuple[str, int, float]] = []  # (text, status, when it was sent)
    stop = asyncio.Event()

    async def steady_stream(sender: int) -> None:
        number = 0
        while not stop.is_set():
            number += 1
            text = f"order {sender}-{number}"
            sent_at = time.monotonic()
            response = await stack.sms(text, sid=f"SMsteady{sender}x{number:05d}", phone=PHONES[sender % len(PHONES)])
            answers.append((text, response.status, sent_at))
            await asyncio.sleep(0.05)

    # Several webhooks in flight at once, as when many stores write: the pool holds many connections.
    senders = [asyncio.create_task(steady_stream(n)) for n in range(8)]
    await eventually(lambda: _answered(answers, 100))
    own_redis.kill()
    own_redis.start()
    back = time.monotonic()
    await asyncio.sleep(15)
    stop.set()
    await asyncio.gather(*senders)

    refused = [(text, status, round(at - back, 2)) for text, status, at in answers if status != 200 and at > back]
    assert refused == [], f"{len(refused)} refused after Redis was back: {refused[:5]}"
    acknowledged = {text for text, status, _ in answers if status == 200}
    assert len(acknowledged) > 200

    async def all_handled() -> bool:
        return acknowledged <= {turn["message"] for turn in stack.rasa.turns}

    await eventually(all_handled, timeout=60)


PHONES = ("+254712000001", "+254712000002", "+254712000003")


async def _answered(answers: list[tuple[str, int, float]], count: int) -> bool:
    return sum(1 for _, status, _ in answers if status == 200) >= count
