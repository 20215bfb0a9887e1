"""`python -m rasa_server`: the token comes from the environment, never from the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def _run(*args: str, token: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "RASA_TOKEN"}
    if token is not None:
        env["RASA_TOKEN"] = token
    return subprocess.run(
        [sys.executable, "-m", "rasa_server", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_rasa_does_not_start_without_a_token_in_the_environment() -> None:
    done = _run("--enable-api", token=None)
    assert done.returncode != 0 and "RASA_TOKEN is not set" in done.stderr


def test_a_token_on_the_command_line_is_refused() -> None:
    done = _run("--enable-api", "--auth-token", "on-the-command-line", token="from-the-environment")
    assert done.returncode != 0 and "not on the command line" in done.stderr
