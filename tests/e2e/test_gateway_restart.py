"""The gateway process killed (SIGKILL) and started again: queued work resumes, a send cut by the kill is
settled from Twilio's message log, and sent again only when Twilio never took it."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import uuid
from pathlib import Path
from typing import Iterator

import pytest

from bot.redis_server import free_port
from tests.bot.conftest import FakeRasa, FakeTwilio
from tests.e2e.conftest import PUBLIC, PYTHON, ROOT, TWILIO_TOKEN, System, ThreadedServer, _get

pytestmark = pytest.mark.e2e

PHONE = "+254712000001"


class GatewayProcess:
    """`python -m bot` with fake Rasa and Twilio, restartable on the same port and Redis prefix."""

    def __init__(self, redis_url: str, rasa_url: str, twilio_url: str, log: Path) -> None:
        self.port = free_port()
        self.log = log
        self.env = {
            **os.environ,
            "GATEWAY_MODE": "production",
            "GATEWAY_HOST": "127.0.0.1",
            "GATEWAY_PORT": str(self.port),
            "GATEWAY_KEY_PREFIX": f"kill{uuid.uuid4().hex[:8]}",
            "REDIS_URL": redis_url,
            "RASA_URL": rasa_url,
            "RASA_TOKEN": "t",
            "BACKEND_URL": "http://127.0.0.1:9",
            "BACKEND_API_KEY": "k",
            "PUBLIC_BASE_URL": PUBLIC,
            "GATEWAY_CHANNELS": "twilio",
            "TWILIO_ACCOUNT_SID": "ACkill",
            "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
            "TWILIO_FROM": "+15005550006",
            "TWILIO_API_BASE": twilio_url,
            "SEND_TIMEOUT_SECONDS": "10",
            "RETRY_BASE_SECONDS": "0.1",
            "GATEWAY_PARTITIONS": "1",
            "GATEWAY_INSTANCE_ID": "gateway-1",
        }
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [PYTHON, "-m", "bot"], env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if _get(self.url + "/healthz", timeout=1)[0] in (200, 503):
                return
            time.sleep(0.2)
        raise RuntimeError("gateway did not start")

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)


@pytest.fixture
def killable(redis_url: str, tmp_path: Path) -> Iterator[tuple[GatewayProcess, FakeTwilio, System]]:
    """A gateway process with its fakes; the System wrapper signs webhooks for it."""
    twilio, rasa = FakeTwilio(), FakeRasa()
    servers = [ThreadedServer(twilio.app()), ThreadedServer(rasa.app())]
    twilio_url, rasa_url = (s.start() for s in servers)
    gateway = GatewayProcess(redis_url, rasa_url, twilio_url, tmp_path / "gateway.log")
    gateway.start()
    yield gateway, twilio, System(gateway.url, "", "", twilio, None, tmp_path, {})  # type: ignore[arg-type]
    if gateway.proc is not None and gateway.proc.poll() is None:
        gateway.proc.terminate()
        gateway.proc.wait(timeout=10)
    for server in servers:
        server.stop()


def _wait_for(check: object, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


def test_gateway_killed_while_sends_fail_delivers_each_message_once_after_restart(
    killable: tuple[GatewayProcess, FakeTwilio, System],
) -> None:
    gateway, twilio, system = killable
    for _ in range(3):
        twilio.then(500)
    system.sms(PHONE, "one")
    system.sms(PHONE, "two")
    _wait_for(lambda: len(twilio.requests) >= 2)
    gateway.kill()
    gateway.start()
    _wait_for(lambda: twilio.bodies().count("echo: two") >= 1)
    time.sleep(1.0)
    delivered = twilio.bodies()[3:]
    assert delivered == ["echo: one", "echo: two"]


def test_gateway_killed_mid_send_finds_what_twilio_took_in_its_log_and_sends_it_once(
    killable: tuple[GatewayProcess, FakeTwilio, System],
) -> None:
    gateway, twilio, system = killable
    twilio.then(201, {"sid": "SMslow"}, delay=5.0)  # taken, but the gateway dies before the answer
    system.sms(PHONE, "one")
    _wait_for(lambda: len(twilio.sends) >= 1)
    gateway.kill()
    gateway.start()
    _wait_for(lambda: any("query" in r for r in twilio.requests))
    time.sleep(1.0)
    assert twilio.bodies() == ["echo: one"]


def test_gateway_killed_mid_send_sends_again_what_twilio_never_took(
    killable: tuple[GatewayProcess, FakeTwilio, System],
) -> None:
    gateway, twilio, system = killable
    twilio.then(503, delay=5.0)  # the gateway dies before Twilio answers, and Twilio never took it
    system.sms(PHONE, "one")
    _wait_for(lambda: len(twilio.sends) >= 1)
    gateway.kill()
    gateway.start()
    _wait_for(lambda: len(twilio.sends) >= 2)
    time.sleep(1.0)
    assert twilio.bodies() == ["echo: one", "echo: one"]
    assert [m["body"] for m in twilio.taken] == ["echo: one"]
