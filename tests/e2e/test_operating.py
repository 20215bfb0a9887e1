"""The running system as an operator sees it: no secret on a command line, no phone number or message body in
the logs above DEBUG."""

from __future__ import annotations

import json
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from backend.devenv import read_env_file, run_env_file
from tests.e2e.conftest import System, running_system

pytestmark = pytest.mark.e2e

# A number of no store, and a word no reply contains: wherever either shows in a log, it leaked.
STRANGER = "+254712000009"
MARKER = "zebracorn"


@pytest.fixture(scope="module")
def system(tmp_path_factory: pytest.TempPathFactory) -> Iterator[System]:
    """The whole system logging at INFO."""
    with running_system(tmp_path_factory.mktemp("operating"), LOG_LEVEL="INFO") as started:
        yield started


def _secrets(system: System) -> dict[str, str]:
    settings = read_env_file(run_env_file({"VAR_DIR": str(system.var)}))
    return {name: settings[name] for name in ("RASA_TOKEN", "BACKEND_API_KEY", "CONSOLE_ADMIN_PASSWORD")}


def _command_lines() -> dict[int, str]:
    lines = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                lines[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
    return lines


def _post_to_rasa(system: System, payload: dict[str, object]) -> int:
    request = urllib.request.Request(
        system.rasa + "/webhooks/rest/webhook",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return int(response.status)


def test_no_process_command_line_holds_a_secret(system: System) -> None:
    lines = _command_lines()
    assert any("--enable-api" in line for line in lines.values()), "Rasa is not running"
    for name, secret in _secrets(system).items():
        holders = [pid for pid, line in lines.items() if secret in line]
        assert holders == [], f"{name} is on the command line of {holders}"


def test_rasa_logs_mask_phone_numbers_and_hide_message_bodies(system: System) -> None:
    # Metadata that is not an object fails inside Rasa's REST channel: its failure is logged with the text and
    # a traceback whose frames hold the sender.
    assert _post_to_rasa(system, {"sender": STRANGER, "message": f"{MARKER} 5 ctn coke", "metadata": "x"}) == 200
    assert _post_to_rasa(system, {"sender": STRANGER, "message": f"{MARKER} 2 omo"}) == 200
    system.sms(STRANGER, f"{MARKER} 3 bags sukari")
    system.sms_replies(STRANGER, after=0)
    log = system.var / "run.log"
    deadline = time.monotonic() + 10
    while "rest.message.received.failure" not in log.read_text(errors="replace") and time.monotonic() < deadline:
        time.sleep(0.2)
    text = log.read_text(errors="replace")
    assert "rest.message.received.failure" in text, "the failure was not logged at all"
    assert STRANGER.lstrip("+") not in text
    assert MARKER not in text
    failure = next(json.loads(line) for line in text.splitlines() if "rest.message.received.failure" in line)
    assert failure["text"] == "[hidden]" and failure["level"] == "error"
    assert all(frame["locals"] == "[hidden]" for frame in failure["exception"][0]["frames"])

