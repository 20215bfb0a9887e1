"""`make run`: the whole system on one machine, started in order, stopped together on Ctrl-C.

Every setting comes from the environment (README, "Configuration"); what a newcomer has not set is
filled with local defaults, and missing secrets are generated for this run (development mode).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
sys.path.insert(0, str(ROOT))

from backend.devenv import local_settings, run_env_file, var_dir, write_run_env  # noqa: E402


@dataclass
class Service:
    """One process of the system and how to tell it is ready."""

    name: str
    argv: list[str]
    ready_url: str = ""
    ready_port: int = 0
    timeout: float = 60.0
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)


def port_open(port: int) -> bool:
    """True when something accepts connections on localhost:port."""
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.3).close()
        return True
    except OSError:
        return False


def url_ok(url: str) -> bool:
    """True when the URL answers 2xx."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return 200 <= int(response.status) < 300
    except OSError:
        return False


def wait_ready(service: Service) -> None:
    """Block until the service answers, or stop everything if it dies or takes too long."""
    deadline = time.monotonic() + service.timeout
    while time.monotonic() < deadline:
        assert service.process is not None
        if service.process.poll() is not None:
            raise RuntimeError(f"{service.name} exited with code {service.process.returncode}")
        if (service.ready_url and url_ok(service.ready_url)) or (service.ready_port and port_open(service.ready_port)):
            return
        time.sleep(0.3)
    raise RuntimeError(f"{service.name} was not ready after {service.timeout:.0f} s")


def configure(env: dict[str, str]) -> None:
    """Fill in local defaults and development secrets the operator did not set; keep them for the commands."""
    settings = local_settings(env)
    env.update(settings)
    write_run_env(env, settings)
    env["RASA_TELEMETRY_ENABLED"] = "false"
    # The action server binds where Sanic is told to; it stays on localhost like Rasa and the platform.
    env.setdefault("SANIC_HOST", "127.0.0.1")
    # Rasa's dependencies print pages of deprecation notices at start; they say nothing about this system.
    env.setdefault("PYTHONWARNINGS", "ignore::DeprecationWarning")


def services(env: dict[str, str]) -> list[Service]:
    """The processes in start order."""
    planned = []
    redis_port = int(env["REDIS_PORT"])
    if env["REDIS_HOST"] in ("127.0.0.1", "localhost") and not port_open(redis_port):
        server = shutil.which("redis-server")
        if server is None:
            raise RuntimeError("redis-server is not installed: run `make install`")
        (var_dir(env) / "redis").mkdir(parents=True, exist_ok=True)
        planned.append(
            Service(
                "redis",
                [
                    server,
                    "--port",
                    str(redis_port),
                    "--bind",
                    "127.0.0.1",
                    "--dir",
                    str(var_dir(env) / "redis"),
                    "--appendonly",
                    "yes",
                    "--maxmemory-policy",
                    "noeviction",
                    "--loglevel",
                    "warning",
                ],
                ready_port=redis_port,
            )
        )
    planned += [
        Service("backend", [PYTHON, "-m", "backend", "serve"], ready_url=f"{env['BACKEND_URL']}/healthz"),
        Service(
            "actions",
            [PYTHON, "-m", "rasa_sdk", "--actions", "actions", "--port", env["ACTIONS_PORT"]],
            ready_url=f"http://127.0.0.1:{env['ACTIONS_PORT']}/health",
        ),
        Service(
            "rasa",
            # The API token reaches Rasa in its environment (RASA_TOKEN), never on a command line.
            [
                PYTHON,
                "-m",
                "rasa_server",
                "--model",
                env["RASA_MODEL"],
                "--enable-api",
                "--interface",
                "127.0.0.1",
                "--port",
                env["RASA_PORT"],
                "--endpoints",
                "endpoints.yml",
                "--credentials",
                "credentials.yml",
            ],
            ready_url=f"{env['RASA_URL']}/status?token={env['RASA_TOKEN']}",
            timeout=180,
        ),
        Service("gateway", [PYTHON, "-m", "bot"], ready_url=f"http://127.0.0.1:{env['GATEWAY_PORT']}/healthz"),
    ]
    return planned


def seed_demo_data(env: dict[str, str]) -> None:
    """Load the demo catalog and stores into a new platform database."""
    if Path(env["BACKEND_DB"]).exists():
        return
    for command, path in (("import-catalog", "demo/catalog.csv"), ("import-stores", "demo/stores.csv")):
        subprocess.run([PYTHON, "-m", "backend", command, path], env=env, cwd=ROOT, check=True)


def stop(running: list[Service]) -> None:
    """Stop services in reverse order: SIGTERM, then SIGKILL after a grace period."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    for service in reversed(running):
        if service.process and service.process.poll() is None:
            service.process.terminate()
    for service in reversed(running):
        if service.process:
            try:
                service.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                service.process.kill()


def main(argv: list[str] | None = None) -> int:
    """Start everything, then wait for Ctrl-C or a crash, or run one command against it and stop."""
    parser = argparse.ArgumentParser(prog="scripts/run.py", description=__doc__)
    parser.add_argument(
        "--then", nargs=argparse.REMAINDER, default=[], help="run this command against the system, then stop it"
    )
    then = parser.parse_args(argv).then
    env = dict(os.environ)
    configure(env)
    running: list[Service] = []
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        seed_demo_data(env)
        for service in services(env):
            print(f"starting {service.name} ...", flush=True)
            # Own session: a Ctrl-C reaches this script only, which then stops everything in order.
            service.process = subprocess.Popen(service.argv, env=env, cwd=ROOT, start_new_session=True)
            running.append(service)
            wait_ready(service)
        if then:
            return subprocess.run(then, env=env, cwd=ROOT).returncode
        gateway = f"http://127.0.0.1:{env['GATEWAY_PORT']}"
        print(f"\nready: phone simulator at {gateway}/simulator", flush=True)
        print(f"       support console at {gateway}/console/ (user {env['CONSOLE_ADMIN_USER']})", flush=True)
        print(f"       webhooks at {gateway}/webhooks/twilio and {gateway}/webhooks/whatsapp", flush=True)
        print(f"       platform API at {env['BACKEND_URL']} (settings in {run_env_file(env)})", flush=True)
        print("press Ctrl-C to stop", flush=True)
        while all(s.process is not None and s.process.poll() is None for s in running):
            time.sleep(0.5)
        crashed = [s.name for s in running if s.process is not None and s.process.poll() is not None]
        print(f"stopping: {', '.join(crashed)} exited", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nstopping ...", flush=True)
        return 0
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        stop(running)


if __name__ == "__main__":
    sys.exit(main())
