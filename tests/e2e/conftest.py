"""The whole system as real processes: platform, action server, Rasa, the gateway; fake providers in a thread."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlencode, urlparse

import pytest
from aiohttp import web
from twilio.request_validator import RequestValidator

from bot.redis_server import free_port
from bot.whatsapp import whatsapp_signature
from tests.bot.conftest import FakeMeta, FakeTwilio, whatsapp_webhook

ROOT = Path(__file__).resolve().parent.parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
RASA = str(ROOT / ".venv" / "bin" / "rasa")
MODEL = ROOT / "models" / "current.tar.gz"
TWILIO_TOKEN = "e2e-twilio-token"
APP_SECRET = "e2e-app-secret"
PUBLIC = "https://gateway.e2e.example"


class ThreadedServer:
    """An aiohttp app served from its own thread and event loop, so that blocking tests can talk to it."""

    def __init__(self, app: web.Application) -> None:
        self.port = free_port()
        self._app = app
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        runner = web.AppRunner(self._app, access_log=None)
        self._loop.run_until_complete(runner.setup())
        self._loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", self.port).start())
        self._ready.set()
        self._loop.run_forever()
        self._loop.run_until_complete(runner.cleanup())
        pending = asyncio.all_tasks(self._loop)
        for task in pending:
            task.cancel()
        self._loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        self._loop.close()

    def start(self) -> str:
        self._thread.start()
        self._ready.wait(10)
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)


def _get(url: str, headers: dict[str, str] | None = None, timeout: float = 5.0) -> tuple[int, Any]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
            return response.status, json.loads(body) if body.strip().startswith((b"{", b"[")) else body.decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(errors="replace")
    except OSError:
        return 0, None


def _post(url: str, data: bytes, headers: dict[str, str]) -> int:
    request = urllib.request.Request(url, data=data, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


@dataclass
class System:
    """The running system and the fakes that stand in for Twilio and Meta."""

    gateway: str
    backend: str
    api_key: str
    twilio: FakeTwilio
    meta: FakeMeta

    def sms(self, phone: str, text: str) -> None:
        """A signed inbound SMS from `phone`."""
        params = {
            "MessageSid": f"SM{uuid.uuid4().hex}",
            "AccountSid": "ACe2e",
            "From": phone,
            "To": "+15005550006",
            "Body": text,
            "NumMedia": "0",
        }
        signature = RequestValidator(TWILIO_TOKEN).compute_signature(PUBLIC + "/webhooks/twilio", params)
        status = _post(
            self.gateway + "/webhooks/twilio",
            urlencode(params).encode(),
            {"X-Twilio-Signature": signature, "Content-Type": "application/x-www-form-urlencoded"},
        )
        assert status == 200

    def whatsapp(self, phone: str, text: str = "", reply_id: str = "") -> None:
        """A signed Cloud API webhook from `phone`: a text, or a tap on a reply button."""
        message: dict[str, Any] = {
            "from": phone.lstrip("+"),
            "id": f"wamid.{uuid.uuid4().hex}",
            "timestamp": str(int(time.time())),
        }
        if reply_id:
            message |= {
                "type": "interactive",
                "interactive": {"type": "button_reply", "button_reply": {"id": reply_id, "title": "x"}},
            }
        else:
            message |= {"type": "text", "text": {"body": text}}
        payload = whatsapp_webhook({"metadata": {"phone_number_id": "PHONE_ID"}, "messages": [message]})
        body = json.dumps(payload).encode()
        status = _post(
            self.gateway + "/webhooks/whatsapp",
            body,
            {"X-Hub-Signature-256": whatsapp_signature(body, APP_SECRET), "Content-Type": "application/json"},
        )
        assert status == 200

    def sms_replies(self, phone: str, after: int, quiet: float = 2.0, timeout: float = 90.0) -> list[str]:
        """SMS bodies sent to `phone` beyond the first `after`, once no more arrive for `quiet` seconds."""
        return _settle(lambda: self.twilio.bodies(phone)[after:], quiet, timeout)

    def whatsapp_replies(
        self, phone: str, after: int, quiet: float = 2.0, timeout: float = 90.0
    ) -> list[dict[str, Any]]:
        """Cloud API message payloads sent to `phone` beyond the first `after`."""
        digits = phone.lstrip("+")
        return _settle(
            lambda: [r["json"] for r in self.meta.requests if r["json"]["to"] == digits][after:], quiet, timeout
        )

    def orders(self, store_id: str) -> list[dict[str, Any]]:
        """The store's orders on the platform, newest first."""
        status, body = _get(f"{self.backend}/v1/stores/{store_id}/orders", {"X-API-Key": self.api_key})
        assert status == 200
        return list(body["orders"])


def _settle(read: Any, quiet: float, timeout: float) -> Any:
    deadline = time.monotonic() + timeout
    seen = read()
    changed = time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.2)
        now = read()
        if len(now) != len(seen):
            seen, changed = now, time.monotonic()
        elif seen and time.monotonic() - changed >= quiet:
            return seen
    raise AssertionError(f"no reply settled within {timeout:.0f} s (got {seen!r})")


def _wait(url: str, proc: subprocess.Popen[bytes], name: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited with code {proc.returncode}")
        status, _ = _get(url, timeout=2)
        if status == 200:
            return
        time.sleep(0.5)
    raise RuntimeError(f"{name} not ready after {timeout:.0f} s")


@pytest.fixture(scope="module")
def system(redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[System]:
    """Start every process once for the module; stop them all afterwards."""
    if not MODEL.exists():
        pytest.fail("no trained model at models/current.tar.gz: run `make train`")
    work = tmp_path_factory.mktemp("e2e")
    redis = urlparse(redis_url)
    api_key = uuid.uuid4().hex
    ports = {name: free_port() for name in ("backend", "actions", "rasa", "gateway")}
    twilio, meta = FakeTwilio(), FakeMeta()
    fakes = [ThreadedServer(twilio.app()), ThreadedServer(meta.app())]
    twilio_url, meta_url = (fake.start() for fake in fakes)
    env = {
        **os.environ,
        "RASA_TELEMETRY_ENABLED": "false",
        "BACKEND_API_KEY": api_key,
        "BACKEND_URL": f"http://127.0.0.1:{ports['backend']}",
        "REDIS_URL": redis_url,
        "LOG_LEVEL": "WARNING",
    }
    db = str(work / "platform.sqlite3")
    for command, path in (("import-catalog", "demo/catalog.csv"), ("import-stores", "demo/stores.csv")):
        subprocess.run(
            [PYTHON, "-m", "backend", "--db", db, command, path],
            env=env,
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    endpoints = work / "endpoints.yml"
    prefix = f"e2e{uuid.uuid4().hex[:8]}"
    endpoints.write_text(
        f"action_endpoint:\n  url: http://127.0.0.1:{ports['actions']}/webhook\n"
        f"tracker_store:\n  type: redis\n  url: {redis.hostname}\n  port: {redis.port}\n  db: 0\n"
        f"  key_prefix: {prefix}\n"
        f"lock_store:\n  type: redis\n  url: {redis.hostname}\n  port: {redis.port}\n  db: 0\n  key_prefix: {prefix}\n"
    )
    logs = {name: open(work / f"{name}.log", "wb") for name in ports}
    procs: list[subprocess.Popen[bytes]] = []

    def spawn(name: str, argv: list[str], extra: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(
            argv, env={**env, **(extra or {})}, cwd=ROOT, stdout=logs[name], stderr=subprocess.STDOUT
        )
        procs.append(proc)
        return proc

    rasa_token = uuid.uuid4().hex
    try:
        backend = spawn("backend", [PYTHON, "-m", "backend", "--db", db, "serve", "--port", str(ports["backend"])])
        actions = spawn("actions", [RASA, "run", "actions", "--actions", "actions", "-p", str(ports["actions"])])
        rasa = spawn(
            "rasa",
            [
                RASA,
                "run",
                "-m",
                str(MODEL),
                "--enable-api",
                "--auth-token",
                rasa_token,
                "-i",
                "127.0.0.1",
                "-p",
                str(ports["rasa"]),
                "--endpoints",
                str(endpoints),
                "--credentials",
                str(ROOT / "credentials.yml"),
            ],
        )
        gateway = spawn(
            "gateway",
            [PYTHON, "-m", "bot"],
            {
                "GATEWAY_MODE": "production",
                "GATEWAY_HOST": "127.0.0.1",
                "GATEWAY_PORT": str(ports["gateway"]),
                "GATEWAY_KEY_PREFIX": prefix,
                "RASA_URL": f"http://127.0.0.1:{ports['rasa']}",
                "RASA_TOKEN": rasa_token,
                "PUBLIC_BASE_URL": PUBLIC,
                "TWILIO_ACCOUNT_SID": "ACe2e",
                "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
                "TWILIO_FROM": "+15005550006",
                "TWILIO_API_BASE": twilio_url,
                "WHATSAPP_APP_SECRET": APP_SECRET,
                "WHATSAPP_VERIFY_TOKEN": "e2e-verify",
                "WHATSAPP_ACCESS_TOKEN": "e2e-access",
                "WHATSAPP_PHONE_NUMBER_ID": "PHONE_ID",
                "WHATSAPP_API_BASE": meta_url,
                "DEFAULT_REGION": "KE",
                "RASA_TIMEOUT_SECONDS": "60",
                "GATEWAY_PARTITIONS": "2",
            },
        )
        _wait(f"http://127.0.0.1:{ports['backend']}/healthz", backend, "backend", 30)
        _wait(f"http://127.0.0.1:{ports['actions']}/health", actions, "action server", 120)
        _wait(f"http://127.0.0.1:{ports['rasa']}/", rasa, "rasa", 240)
        _wait(f"http://127.0.0.1:{ports['gateway']}/healthz", gateway, "gateway", 30)
        yield System(
            f"http://127.0.0.1:{ports['gateway']}", f"http://127.0.0.1:{ports['backend']}", api_key, twilio, meta
        )
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        for fake in fakes:
            fake.stop()
        for log in logs.values():
            log.close()
        print(f"e2e process logs in {work}", file=sys.stderr)
