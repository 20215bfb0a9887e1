"""A redis-server of one's own on a free localhost port, gone afterwards: for benchmarks and tests."""

from __future__ import annotations

import os
import random
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def free_port() -> int:
    """A TCP port on localhost that nothing listens on right now, below the range the kernel gives outgoing
    connections their own ports from: a port picked there could be taken by a connection before the process meant
    for it binds it."""
    lowest_outgoing = int(Path(_PORT_RANGE).read_text().split()[0]) if Path(_PORT_RANGE).exists() else 32768
    for port in random.sample(range(10000, lowest_outgoing), 100):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise OSError("no free port on 127.0.0.1 below the outgoing range")


_PORT_RANGE = "/proc/sys/net/ipv4/ip_local_port_range"


def own_system_env(var: Path) -> dict[str, str]:
    """Settings for `scripts/run.py` to start a system of its own: its Redis, free ports, `var` as its var dir."""
    ports = {name: free_port() for name in ("REDIS", "BACKEND", "ACTIONS", "RASA", "GATEWAY")}
    return {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", str(var)),
        "VAR_DIR": str(var),
        "LOG_LEVEL": "WARNING",
        "REDIS_URL": f"redis://127.0.0.1:{ports.pop('REDIS')}/0",
        **{f"{name}_PORT": str(port) for name, port in ports.items()},
    }


@contextmanager
def throwaway_redis() -> Iterator[str]:
    """Start redis-server without persistence; its URL until the block ends."""
    server = shutil.which("redis-server")
    if server is None:
        raise RuntimeError("redis-server is not installed: run `make install`")
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="restock-redis-")
    proc = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", workdir],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)
