"""`make install` compiles the reader's hot modules; they serve only while built from the sources beside them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nlu import compiled
from tests.conftest import ROOT

_ASK = "import nlu.compiled; print(nlu.compiled.in_use())"


def _reader_in_use(root: Path, **environment: str) -> str:
    """Which reader a fresh process started in `root` reads messages with: `True` for the compiled one."""
    done = subprocess.run(
        [sys.executable, "-c", _ASK], cwd=root, capture_output=True, text=True, check=True, env=os.environ | environment
    )
    return done.stdout.strip()


@pytest.fixture()
def copied_tree(tmp_path: Path) -> Path:
    """The package and its build, copied where a source can be edited without touching the checkout."""
    if compiled.search_path() == []:
        pytest.skip("the reader is not compiled here (no C compiler when `make install` ran)")
    shutil.copytree(ROOT / "nlu", tmp_path / "nlu", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "backend", tmp_path / "backend", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(compiled.BUILT.parent, tmp_path / "build" / "reader")
    return tmp_path


def test_the_compiled_reader_serves_when_built_from_these_sources(copied_tree: Path) -> None:
    assert compiled.in_use()
    assert _reader_in_use(copied_tree) == "True"


def test_an_edited_module_is_read_as_written_not_as_compiled(copied_tree: Path) -> None:
    edited = copied_tree / "nlu" / "matching.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert _reader_in_use(copied_tree) == "False"


def test_the_reader_runs_as_python_when_asked(copied_tree: Path) -> None:
    assert _reader_in_use(copied_tree, NLU_COMPILED="0") == "False"
