"""Every operator command the README shows, run as written beside a running `make run`."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT, Console, System, _get

pytestmark = pytest.mark.e2e

COMMAND = re.compile(r"^(echo .*\| )?\.venv/bin/python -m ")


def readme_commands() -> list[str]:
    """The commands of the README's shell blocks and inline code, whole (continued lines and quotes joined)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [line for block in re.findall(r"```sh\n(.*?)```", text, re.S) for line in block.splitlines()]
    lines += re.findall(r"`(\.venv/bin/python -m [^`]+)`", text)
    commands, pending = [], ""
    for line in lines:
        pending = f"{pending}\n{line}" if pending else line
        try:
            shlex.split(pending, comments=True)
        except ValueError:
            continue  # a quoted text going on to the next line
        if pending.endswith("\\"):
            continue
        if COMMAND.match(pending):
            commands.append(pending)
        pending = ""
    return list(dict.fromkeys(commands))


@pytest.fixture()
def workdir(system: System, tmp_path: Path) -> Path:
    """An operator's folder: the checkout's venv, and the files the README's commands name."""
    (tmp_path / ".venv").symlink_to(ROOT / ".venv")
    shutil.copy(ROOT / "demo" / "catalog.csv", tmp_path / "catalog.csv")
    shutil.copy(ROOT / "demo" / "stores.csv", tmp_path / "stores.csv")
    (tmp_path / "cola_sw.txt").write_text(
        "Habari {{ store_name }}! {% for p in products %}{{ p.number }}. {{ p.name }} {{ p.price }}\n{% endfor %}"
        "Jibu 1 kuagiza. STOP kusitisha",
        encoding="utf-8",
    )
    return tmp_path


def _admin_post(system: System, path: str, body: dict[str, object]) -> dict[str, object]:
    request = urllib.request.Request(
        system.backend + path,
        data=json.dumps(body).encode(),
        headers={"X-API-Key": system.api_key, "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return dict(json.loads(response.read()))


def test_every_readme_command_works_beside_make_run(system: System, workdir: Path) -> None:
    commands = readme_commands()
    assert len(commands) >= 15, commands
    # What the commands act on: order 10001 and promotion 1 exist, as they would on a platform in use.
    phone = "+254712000001"
    system.exchange(phone, "5 ctn coke 300ml")
    system.exchange(phone, "YES")
    sent = len(system.twilio.bodies(phone))
    [order] = system.orders("ST-001")
    assert order["order_id"] == "10001"
    promotion = _admin_post(
        system,
        "/v1/admin/promotions",
        {
            "title": "Cola week",
            "items": [{"sku": "BEV-COKE-300G-24", "offer_price": "600.00"}],
            "starts_at": "2020-01-01",
            "ends_at": "2030-01-31T18:00:00+03:00",
        },
    )
    assert promotion["promo_id"] == "1"

    env = {**system.operator_env, "PASSWORD": "ops-password-0123", "PYTHONPATH": str(ROOT)}
    outputs = {}
    for command in commands:
        done = subprocess.run(
            ["bash", "-c", command],
            cwd=workdir,
            env=env,
            input="agent-password-0123\nagent-password-0123\n",
            capture_output=True,
            text=True,
            timeout=120,
            start_new_session=True,  # no terminal: `users add` reads the password it asks for from stdin
        )
        assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
        outputs[command.split(" #")[0].strip()] = done.stdout

    assert "handed back +254712000001" in outputs[".venv/bin/python -m bot handback +254712000001"]
    status, body = _get(f"{system.backend}/v1/orders/10001", {"X-API-Key": system.api_key})
    assert (status, body["status"]) == (200, "dispatched")
    assert "outbox_waiting" in outputs[".venv/bin/python -m bot outbox status"]
    progress = json.loads(outputs[".venv/bin/python -m bot promotions progress 1"])
    assert progress["status"] == "scheduled"
    [listed] = json.loads(outputs[".venv/bin/python -m bot promotions list"])
    assert (listed["campaign_id"], listed["status"]) == ("1", "cancelled")
    test_send = [b for b in system.sms_replies(phone, after=sent) if b.startswith("Hi Mama Njeri Duka!")]
    assert test_send, "the test send never reached the phone"
    Console(system.gateway, "wanjiru", "agent-password-0123")
    Console(system.gateway, "ops", "ops-password-0123")


def test_commands_in_production_mode_read_only_the_environment(system: System, workdir: Path) -> None:
    env = {**system.operator_env, "GATEWAY_MODE": "production", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        ["bash", "-c", ".venv/bin/python -m bot outbox status"],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "production mode needs these settings" in done.stderr
