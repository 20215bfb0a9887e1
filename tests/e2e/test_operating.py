"""The running system as an operator sees it: no secret on a command line, no phone number or message body in
the logs above DEBUG, a process that dies started again, and Ctrl-C stopping everything in reverse order."""

from __future__ import annotations

import json
import os
import signal
import time
import urllib.request
from pathlib import Path
from typing import Callable, Iterator

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


def _children(launcher: int) -> dict[str, int]:
    """The processes `make run` started, by name, from their command lines."""
    names = {"redis-server": "redis", "-m backend": "backend", "rasa_sdk": "actions", "rasa_server": "rasa"}
    found = {}
    for pid, line in _command_lines().items():
        try:
            parent = int((Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if parent != launcher:
            continue
        name = next((n for key, n in names.items() if key in line), "gateway" if "-m bot" in line else "")
        if name:
            found[name] = pid
    return found


def _log(system: System) -> str:
    return (system.var / "run.log").read_text(errors="replace")


def _wait_for(check: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.3)
    raise AssertionError(f"not within {timeout:.0f} s")


@pytest.mark.parametrize("name", ["actions", "gateway", "redis"])
def test_a_process_that_dies_is_started_again_and_said_so(system: System, name: str) -> None:
    assert system.launcher is not None
    before = _children(system.launcher.pid)
    assert set(before) == {"redis", "backend", "actions", "rasa", "gateway"}, before
    os.kill(before[name], signal.SIGKILL)
    _wait_for(lambda: f"*** {name} exited with code -9; starting it again" in _log(system), 10)
    _wait_for(lambda: f"*** {name} is back ***" in _log(system), 120)
    after = _children(system.launcher.pid)
    assert after[name] != before[name]
    assert {n: p for n, p in after.items() if n != name} == {n: p for n, p in before.items() if n != name}
    phone = "+254712000001"
    sent = len(system.twilio.bodies(phone))
    system.sms(phone, "5 ctn coke 300ml")
    draft = system.sms_replies(phone, after=sent)
    assert "YES" in "\n".join(draft), f"no draft after {name} came back"
    system.sms(phone, "NO")
    system.sms_replies(phone, after=sent + len(draft))


def test_ctrl_c_stops_processes_in_reverse_order_each_after_the_one_before_has_exited(system: System) -> None:
    assert system.launcher is not None
    phone = "+254712000001"
    sent = len(system.twilio.bodies(phone))
    system.sms(phone, "5 ctn coke 300ml")
    system.sms_replies(phone, after=sent)
    mark = len(_log(system))
    system.launcher.send_signal(signal.SIGINT)
    assert system.launcher.wait(timeout=180) == 0
    shutdown = _log(system)[mark:]
    order = ["gateway", "rasa", "actions", "backend", "redis"]
    positions = []
    for name in order:
        stopping, stopped = shutdown.find(f"stopping {name} "), shutdown.find(f"{name} stopped (exit code")
        assert 0 <= stopping < stopped, f"{name} was not stopped in turn:\n{shutdown}"
        positions += [stopping, stopped]
    assert positions == sorted(positions), shutdown
    assert "did not stop within" not in shutdown and "starting it again" not in shutdown
    # The gateway drained while Redis still answered.
    gateway_part = shutdown[: shutdown.find("gateway stopped")]
    assert "redis unavailable" not in gateway_part and "storage unavailable" not in gateway_part
