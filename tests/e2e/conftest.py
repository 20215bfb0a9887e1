"""The whole system as real processes: platform, action server, Rasa, the gateway; fake providers in a thread."""

from __future__ import annotations

import asyncio
import html
import json
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlencode

import pytest
import requests
from aiohttp import web
from twilio.request_validator import RequestValidator

from backend.devenv import read_env_file, run_env_file
from bot.redis_server import free_port, own_system_env
from bot.whatsapp import whatsapp_signature
from tests.bot.conftest import FakeMeta, FakeTwilio, whatsapp_webhook

ROOT = Path(__file__).resolve().parent.parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
MODEL = ROOT / "models" / "current.tar.gz"
TWILIO_TOKEN = "e2e-twilio-token"
APP_SECRET = "e2e-app-secret"
STORES_HEADER = "store_id,name,phones,region,language,timezone,credit_limit,promo_opt_in,store_type\n"
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
    var: Path
    operator_env: dict[str, str]
    rasa: str = ""
    launcher: subprocess.Popen[bytes] | None = None

    def sms(self, phone: str, text: str, media: int = 0) -> None:
        """A signed inbound SMS (MMS with `media` pictures) from `phone`."""
        params = {
            "MessageSid": f"SM{uuid.uuid4().hex}",
            "AccountSid": "ACe2e",
            "From": phone,
            "To": "+15005550006",
            "Body": text,
            "NumMedia": str(media),
        }
        for n in range(media):
            params[f"MediaUrl{n}"] = f"https://api.twilio.com/2010-04-01/Accounts/ACe2e/Messages/MM{n}/Media/ME{n}"
            params[f"MediaContentType{n}"] = "image/jpeg"
        signature = RequestValidator(TWILIO_TOKEN).compute_signature(PUBLIC + "/webhooks/twilio", params)
        status = _post(
            self.gateway + "/webhooks/twilio",
            urlencode(params).encode(),
            {"X-Twilio-Signature": signature, "Content-Type": "application/x-www-form-urlencoded"},
        )
        assert status == 200

    def whatsapp(self, phone: str, text: str = "", reply_id: str = "", media: str = "") -> None:
        """A signed Cloud API webhook from `phone`: a text, a tap on a reply button, or media of this type."""
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
        elif media:
            message |= {"type": media, media: {"id": "1234", "mime_type": "image/jpeg", "sha256": "x"}}
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

    def exchange(self, phone: str, text: str, media: int = 0) -> list[str]:
        """Send an SMS from `phone` and wait for the replies it gets."""
        sent = len(self.twilio.bodies(phone))
        self.sms(phone, text, media=media)
        return self.sms_replies(phone, after=sent)

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

    def simulator(self, phone: str, text: str) -> list[str]:
        """Type `text` as `phone` in the phone simulator; the replies to it, once no more arrive for 2 s."""
        conversation = f"{self.gateway}/simulator/api/conversation"
        seen = len(requests.get(conversation, params={"phone": phone}, timeout=10).json()["messages"])
        sent = requests.post(f"{self.gateway}/simulator/api/messages", json={"phone": phone, "text": text}, timeout=10)
        assert sent.status_code == 202, sent.text

        def replies() -> list[str]:
            messages = requests.get(conversation, params={"phone": phone}, timeout=10).json()["messages"][seen:]
            return [str(m["text"]) for m in messages if m["direction"] == "out"]

        return list(_settle(replies, 2.0, 90.0))

    def command(self, *args: str) -> str:
        """`python ARGS` as an operator runs it beside the system (`-m backend import-stores FILE`); its output."""
        done = subprocess.run(
            [PYTHON, *args],
            cwd=ROOT,
            env={**self.operator_env, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def add_store(self, folder: Path, row: str) -> None:
        """Add one store (a row of the stores CSV) as the README has operators add stores beside `make run`."""
        (folder / "stores.csv").write_text(STORES_HEADER + row + "\n", encoding="utf-8")
        self.command("-m", "backend", "import-stores", str(folder / "stores.csv"))

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


@contextmanager
def running_system(var: Path, **overrides: str) -> Iterator[System]:
    """`make run`'s launcher with its own Redis, ports and var dir (`var`), the providers faked; stopped after."""
    if not MODEL.exists():
        pytest.fail("no trained model at models/current.tar.gz: run `make train`")
    twilio, meta = FakeTwilio(), FakeMeta()
    fakes = [ThreadedServer(twilio.app()), ThreadedServer(meta.app())]
    twilio_url, meta_url = (fake.start() for fake in fakes)
    env = {
        **own_system_env(var),
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
        "RASA_TIMEOUT_SECONDS": "60",
        "GATEWAY_PARTITIONS": "2",
        "PROMO_QUIET_HOURS": "off",
        # A campaign's texts go out seconds apart, and only the assistant tells it of an opt-out in words.
        "PROMO_SMS_SEGMENTS_PER_SECOND": "0.1",
        "PROMO_CONSENT_POLL_SECONDS": "3600",
        **overrides,
    }
    log = open(var / "run.log", "wb")
    run = subprocess.Popen(
        [PYTHON, str(ROOT / "scripts" / "run.py")], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        _wait(f"http://127.0.0.1:{env['GATEWAY_PORT']}/healthz", run, "make run", 300)
        settings = read_env_file(run_env_file(env))
        yield System(
            f"http://127.0.0.1:{env['GATEWAY_PORT']}",
            settings["BACKEND_URL"],
            settings["BACKEND_API_KEY"],
            twilio,
            meta,
            var,
            {"PATH": env["PATH"], "HOME": env["HOME"], "VAR_DIR": str(var)},
            settings["RASA_URL"],
            run,
        )
    finally:
        if run.poll() is None:
            run.terminate()
        try:
            # Each process drains in turn (scripts/run.py): the gateway alone may take RASA_TIMEOUT_SECONDS + 15 s.
            run.wait(timeout=200)
        except subprocess.TimeoutExpired:
            run.kill()
        for fake in fakes:
            fake.stop()
        log.close()
        print(f"e2e logs in {var / 'run.log'}", file=sys.stderr)


@pytest.fixture(scope="module")
def system(tmp_path_factory: pytest.TempPathFactory) -> Iterator[System]:
    """The whole system, started once for a test module."""
    with running_system(tmp_path_factory.mktemp("e2e")) as started:
        yield started


class Console:
    """A staff member's browser on the support console: a cookie jar, and the forms the pages render."""

    def __init__(self, gateway: str, username: str, password: str) -> None:
        self.gateway = gateway
        self.http = requests.Session()
        page = self.http.get(f"{gateway}/console/login", timeout=10)
        signed_in = self.http.post(
            f"{gateway}/console/login",
            data={"csrf": _csrf(page.text), "username": username, "password": password},
            timeout=10,
        )
        assert signed_in.status_code == 200 and "Sign out" in signed_in.text, signed_in.text[:500]

    def page(self, path: str) -> str:
        """A page's HTML, signed in."""
        response = self.http.get(self.gateway + path, timeout=20)
        assert response.status_code == 200, (path, response.status_code)
        return response.text

    def conversation(self, phone: str) -> str:
        """The page of the conversation with `phone`, reached from the list as staff do."""
        listing = self.page("/console/")
        link = re.search(r'href="(/console/conversations/[^"]*)"[^>]*>\s*' + re.escape(phone), listing)
        assert link, f"{phone} not in the conversation list"
        return self.page(html.unescape(link.group(1)))

    def submit(self, page: str, button: str, **fields: str) -> str:
        """Press the button of the form on `page` whose button reads `button`; the page it leads to."""
        for form in re.findall(r"<form[^>]*>.*?</form>", page, re.S):
            if re.search(rf"<button[^>]*>\s*{re.escape(button)}\s*</button>", form):
                action = html.unescape(re.search(r'action="([^"]*)"', form).group(1))  # type: ignore[union-attr]
                # As a browser does: the form's hidden inputs go with the fields typed in.
                hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
                assert "csrf" in hidden, "no CSRF token in the form"
                response = self.http.post(self.gateway + action, data={**hidden, **fields}, timeout=60)
                assert response.status_code == 200, (button, response.status_code, response.text[:300])
                return response.text
        raise AssertionError(f"no form with a {button!r} button on the page")


def _csrf(html_text: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html_text)
    assert found, "no CSRF token on the page"
    return found.group(1)
