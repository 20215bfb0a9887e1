"""`make run`: the whole system on one machine, started in order, kept running, stopped in reverse order.

Every setting comes from the environment (README, "Configuration"); what a newcomer has not set is
filled with local defaults, and missing secrets are generated for this run (development mode).

A process that dies after the start is started again, after a pause that doubles with each death in a
row (1 s up to a minute), and said so loudly on stderr. Ctrl-C stops the processes in the reverse order
of their start, each only once the one started after it has exited: the gateway drains its work while
Rasa, the platform and Redis still answer.

With `--replicas N` (N > 1) it starts N gateways, N Rasa servers and N action servers, each on a loopback port of
its own, and HAProxy (deploy/haproxy.cfg) in front of each kind on the ports a single one would have: the
gateways, Rasa and the action servers are reached at the same addresses as with one of each.
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
from string import Template

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
sys.path.insert(0, str(ROOT))

from backend.devenv import local_settings, run_env_file, var_dir, write_run_env  # noqa: E402
from bot.redis_server import free_port  # noqa: E402

HAPROXY_TEMPLATE = ROOT / "deploy" / "haproxy.cfg"


@dataclass
class Service:
    """One process of the system and how to tell it is ready."""

    name: str
    argv: list[str]
    ready_url: str = ""
    ready_port: int = 0
    timeout: float = 60.0
    # How long the process may take to finish its work after SIGTERM before it is killed.
    drain: float = 15.0
    # A load balancer's: answers 2xx once every replica behind it is in service.
    in_service_url: str = ""
    # Settings of this process alone, over the system's (a replica's own port and id).
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    started_at: float = 0.0
    # Deaths in a row (reset once the process has stayed up for STABLE_SECONDS) and when to start it again.
    deaths: int = 0
    restart_at: float | None = None
    back_announced: bool = True

    def alive(self) -> bool:
        """True while the process runs."""
        return self.process is not None and self.process.poll() is None

    def ready(self) -> bool:
        """True when the process answers."""
        return bool((self.ready_url and url_ok(self.ready_url)) or (self.ready_port and port_open(self.ready_port)))


@dataclass(frozen=True)
class DemoMarket:
    """A demo wholesaler `make run` can load (`DEMO_MARKET`): its files, phone region and database."""

    directory: str
    region: str
    database: str


DEMO_MARKETS = {
    "ke": DemoMarket("demo", "KE", "platform.sqlite3"),
    "cn": DemoMarket("demo/cn", "CN", "platform-cn.sqlite3"),
}


def demo_market(env: dict[str, str]) -> DemoMarket:
    """The demo wholesaler chosen by `DEMO_MARKET` (a Kenyan one by default)."""
    name = env.get("DEMO_MARKET", "ke").strip().lower()
    if name not in DEMO_MARKETS:
        raise RuntimeError(f"DEMO_MARKET must be one of {', '.join(DEMO_MARKETS)}, got {name!r}")
    return DEMO_MARKETS[name]


# A process that stayed up this long has its count of deaths in a row forgotten.
STABLE_SECONDS = 60.0
MAX_RESTART_DELAY = 60.0


def restart_delay(deaths: int) -> float:
    """The pause before starting a process again after its `deaths`-th death in a row: 1, 2, 4 ... 60 s."""
    return float(min(2 ** max(deaths - 1, 0), MAX_RESTART_DELAY))


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
        if service.ready():
            return
        time.sleep(0.3)
    raise RuntimeError(f"{service.name} was not ready after {service.timeout:.0f} s")


def wait_in_service(balancer: Service) -> None:
    """Block until the load balancer has every replica in service (its health checks run each second)."""
    deadline = time.monotonic() + 30
    while not url_ok(balancer.in_service_url):
        if time.monotonic() > deadline:
            raise RuntimeError(f"{balancer.name} did not put every replica in service within 30 s")
        time.sleep(0.2)


def configure(env: dict[str, str]) -> None:
    """Fill in local defaults and development secrets the operator did not set; keep them for the commands."""
    market = demo_market(env)
    # Each demo wholesaler has a platform database of its own; the simulator offers its stores' phones.
    env.setdefault("BACKEND_DB", str(var_dir(env) / market.database))
    env.setdefault("SIMULATOR_STORES", str(ROOT / market.directory / "stores.csv"))
    env.setdefault("DEFAULT_REGION", market.region)
    settings = local_settings(env)
    env.update(settings)
    write_run_env(env, settings)
    env["RASA_TELEMETRY_ENABLED"] = "false"
    # The action server binds where Sanic is told to; it stays on localhost like Rasa and the platform.
    env.setdefault("SANIC_HOST", "127.0.0.1")
    # Rasa's dependencies print pages of deprecation notices at start; they say nothing about this system.
    env.setdefault("PYTHONWARNINGS", "ignore::DeprecationWarning")


def redis_service(env: dict[str, str]) -> list[Service]:
    """Redis, when REDIS_URL points at this machine and nothing listens there yet."""
    redis_port = int(env["REDIS_PORT"])
    if env["REDIS_HOST"] not in ("127.0.0.1", "localhost") or port_open(redis_port):
        return []
    server = shutil.which("redis-server")
    if server is None:
        raise RuntimeError("redis-server is not installed: run `make install`")
    (var_dir(env) / "redis").mkdir(parents=True, exist_ok=True)
    argv = [server, "--port", str(redis_port), "--bind", "127.0.0.1", "--dir", str(var_dir(env) / "redis")]
    argv += ["--appendonly", "yes", "--maxmemory-policy", "noeviction", "--loglevel", "warning"]
    # SIGTERM makes Redis write its append-only file out before it exits.
    return [Service("redis", argv, ready_port=redis_port, drain=30.0)]


def actions_service(name: str, port: str) -> Service:
    """An action server on `port`."""
    return Service(
        name,
        [PYTHON, "-m", "rasa_sdk", "--actions", "actions", "--port", port],
        ready_url=f"http://127.0.0.1:{port}/health",
    )


def rasa_service(env: dict[str, str], name: str, port: str) -> Service:
    """A Rasa server on `port`; the API token reaches it in its environment (RASA_TOKEN), never on a command line."""
    argv = [PYTHON, "-m", "rasa_server", "--model", env["RASA_MODEL"], "--enable-api", "--interface", "127.0.0.1"]
    argv += ["--port", port, "--endpoints", "endpoints.yml", "--credentials", "credentials.yml"]
    return Service(
        name, argv, ready_url=f"http://127.0.0.1:{port}/status?token={env['RASA_TOKEN']}", timeout=180, drain=30.0
    )


def gateway_service(env: dict[str, str], name: str, port: str, own: dict[str, str] | None = None) -> Service:
    """A gateway on `port`; it finishes the assistant turns and sends in hand, each bounded by RASA_TIMEOUT_SECONDS."""
    return Service(
        name,
        [PYTHON, "-m", "bot"],
        ready_url=f"http://127.0.0.1:{port}/healthz",
        drain=float(env.get("RASA_TIMEOUT_SECONDS", "30")) + 15.0,
        env=own or {},
    )


def services(env: dict[str, str], replicas: int = 1) -> list[list[Service]]:
    """The processes in start order: each stage's processes start together, the next stage once they answer."""
    backend = Service("backend", [PYTHON, "-m", "backend", "serve"], ready_url=f"{env['BACKEND_URL']}/healthz")
    stages = [redis_service(env), [backend]]
    if replicas == 1:
        return stages + [
            [actions_service("actions", env["ACTIONS_PORT"])],
            [rasa_service(env, "rasa", env["RASA_PORT"])],
            [gateway_service(env, "gateway", env["GATEWAY_PORT"])],
        ]
    ports = {kind: [str(free_port()) for _ in range(replicas)] for kind in ("actions", "rasa", "gateway")}
    instance = env.get("GATEWAY_INSTANCE_ID") or "gateway"
    return stages + [
        [load_balancer(env, ports)],
        [actions_service(f"actions-{n}", port) for n, port in enumerate(ports["actions"], start=1)],
        [rasa_service(env, f"rasa-{n}", port) for n, port in enumerate(ports["rasa"], start=1)],
        [
            # Behind the load balancer each gateway listens on loopback; a stable id per replica lets one that
            # was restarted take its queue partitions back at once.
            gateway_service(
                env,
                f"gateway-{n}",
                port,
                {"GATEWAY_HOST": "127.0.0.1", "GATEWAY_PORT": port, "GATEWAY_INSTANCE_ID": f"{instance}-{n}"},
            )
            for n, port in enumerate(ports["gateway"], start=1)
        ],
    ]


def load_balancer(env: dict[str, str], ports: dict[str, list[str]]) -> Service:
    """HAProxy in front of each kind of replica, on the ports one of each would listen on."""
    # Debian installs it under /usr/sbin, which a user's PATH may leave out.
    haproxy = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin:/usr/local/sbin")
    if haproxy is None:
        raise RuntimeError("haproxy is not installed: run `make install`")

    def servers(kind: str, check: str) -> str:
        return "\n".join(
            f"    server {kind}-{n} 127.0.0.1:{port} {check}" for n, port in enumerate(ports[kind], start=1)
        )

    ready_port = free_port()
    config = Template(HAPROXY_TEMPLATE.read_text(encoding="utf-8")).substitute(
        ready_port=ready_port,
        replicas=len(ports["gateway"]),
        gateway_host=env.get("GATEWAY_HOST") or "127.0.0.1",
        gateway_port=env["GATEWAY_PORT"],
        rasa_port=env["RASA_PORT"],
        actions_port=env["ACTIONS_PORT"],
        # A gateway answers webhooks while Rasa is down, so only its port is checked.
        gateway_servers=servers("gateway", "check"),
        rasa_servers=servers("rasa", "check"),
        actions_servers=servers("actions", "check"),
    )
    path = var_dir(env) / "haproxy.cfg"
    path.write_text(config, encoding="utf-8")
    return Service(
        "haproxy",
        [haproxy, "-db", "-f", str(path)],
        ready_port=int(env["GATEWAY_PORT"]),
        drain=5.0,
        in_service_url=f"http://127.0.0.1:{ready_port}/ready",
    )


def seed_demo_data(env: dict[str, str]) -> None:
    """Load the demo catalog and stores into a new platform database."""
    if Path(env["BACKEND_DB"]).exists():
        return
    directory = demo_market(env).directory
    for command, name in (("import-catalog", "catalog.csv"), ("import-stores", "stores.csv")):
        subprocess.run([PYTHON, "-m", "backend", command, f"{directory}/{name}"], env=env, cwd=ROOT, check=True)


def launch(service: Service, env: dict[str, str]) -> None:
    """Start the service's process in a session of its own: a Ctrl-C reaches this script only."""
    service.process = subprocess.Popen(service.argv, env={**env, **service.env}, cwd=ROOT, start_new_session=True)
    service.started_at = time.monotonic()


def shout(message: str) -> None:
    """A line an operator must not miss, on stderr."""
    print(f"\n*** {message} ***\n", file=sys.stderr, flush=True)


def supervise(running: list[Service], env: dict[str, str]) -> None:
    """One look at every process: a dead one is started again after its pause; a restarted one is announced
    back once it answers."""
    now = time.monotonic()
    for service in running:
        assert service.process is not None
        if service.restart_at is None and service.process.poll() is not None:
            if now - service.started_at >= STABLE_SECONDS:
                service.deaths = 0
            service.deaths += 1
            delay = restart_delay(service.deaths)
            service.restart_at = now + delay
            shout(
                f"{service.name} exited with code {service.process.returncode}; "
                f"starting it again in {delay:.0f} s (death {service.deaths} in a row)"
            )
        elif service.restart_at is not None and now >= service.restart_at:
            service.restart_at = None
            service.back_announced = False
            print(f"restarting {service.name} ...", file=sys.stderr, flush=True)
            launch(service, env)
        elif not service.back_announced and service.alive() and service.ready():
            service.back_announced = True
            shout(f"{service.name} is back")


def stop(running: list[Service]) -> None:
    """Stop in the reverse order of the start, each once the one started after it has exited (SIGTERM, then
    SIGKILL after the service's drain time)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    for service in reversed(running):
        if not service.alive():
            continue
        assert service.process is not None
        print(f"stopping {service.name} (up to {service.drain:.0f} s) ...", flush=True)
        service.process.terminate()
        try:
            code = service.process.wait(timeout=service.drain)
        except subprocess.TimeoutExpired:
            shout(f"{service.name} did not stop within {service.drain:.0f} s: killed")
            service.process.kill()
            code = service.process.wait()
        print(f"{service.name} stopped (exit code {code})", flush=True)


def main(argv: list[str] | None = None) -> int:
    """Start everything and keep it running until Ctrl-C, or run one command against it and stop."""
    parser = argparse.ArgumentParser(prog="scripts/run.py", description=__doc__)
    parser.add_argument(
        "--replicas", type=int, default=1, help="gateways, Rasa servers and action servers of each (default 1)"
    )
    parser.add_argument(
        "--then", nargs=argparse.REMAINDER, default=[], help="run this command against the system, then stop it"
    )
    args = parser.parse_args(argv)
    if args.replicas < 1:
        parser.error("--replicas must be at least 1")
    env = dict(os.environ)
    try:
        configure(env)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    running: list[Service] = []
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        seed_demo_data(env)
        for stage in services(env, args.replicas):
            for service in stage:
                print(f"starting {service.name} ...", flush=True)
                launch(service, env)
                running.append(service)
            for service in stage:
                wait_ready(service)
        for service in running:
            if service.in_service_url:
                wait_in_service(service)
        if args.then:
            return subprocess.run(args.then, env=env, cwd=ROOT).returncode
        gateway = f"http://127.0.0.1:{env['GATEWAY_PORT']}"
        print(f"\nready: phone simulator at {gateway}/simulator", flush=True)
        print(f"       support console at {gateway}/console/ (user {env['CONSOLE_ADMIN_USER']})", flush=True)
        hooks = ", ".join(f"{gateway}/webhooks/{channel}" for channel in ("twilio", "whatsapp", "wechat"))
        print(f"       webhooks at {hooks}", flush=True)
        print(f"       platform API at {env['BACKEND_URL']} (settings in {run_env_file(env)})", flush=True)
        if args.replicas > 1:
            print(f"       {args.replicas} of each behind HAProxy ({var_dir(env) / 'haproxy.cfg'})", flush=True)
        print("press Ctrl-C to stop", flush=True)
        while True:
            supervise(running, env)
            time.sleep(0.5)
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
