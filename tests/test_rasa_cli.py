"""The Rasa CLI checks: the training data validates, and the test stories predict every action."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

RASA = str(ROOT / ".venv" / "bin" / "rasa")
ENV = dict(os.environ, RASA_TELEMETRY_ENABLED="false")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([RASA, *args], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=280)


def test_training_data_and_domain_validate_cleanly() -> None:
    result = run("data", "validate")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_test_stories_predict_every_action(tmp_path: Path) -> None:
    model = ROOT / "models" / "current.tar.gz"
    if not model.exists():
        pytest.fail("no trained model: run `make train`")
    result = run(
        "test",
        "core",
        "--model",
        str(model),
        "--stories",
        "tests/stories/test_stories.yml",
        "--fail-on-prediction-errors",
        "--out",
        str(tmp_path),
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
