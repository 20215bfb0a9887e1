"""Session fixtures shared by every test package: a real redis-server and the shared dev data."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Iterator

import pytest

from bot.redis_server import throwaway_redis

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEMO_CATALOG = ROOT / "demo" / "catalog.csv"


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """The Redis that `make test` started (TEST_REDIS_URL), or one this session starts itself."""
    given = os.environ.get("TEST_REDIS_URL")
    if given:
        yield given
        return
    if shutil.which("redis-server") is None:
        pytest.fail("redis-server is not installed: run `make install`")
    with throwaway_redis() as url:
        yield url


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared dev data beside the checkout (catalog and labelled messages)."""
    if not (SHARED / "catalog" / "sample_catalog.csv").exists():
        pytest.fail(f"shared dev data not found at {SHARED}")
    return SHARED
