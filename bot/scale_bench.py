"""`make bench-scale`: many stores ordering at once through the whole system, on one and on two of each process.

Each run starts the system with `scripts/run.py --replicas N` (its own Redis, platform, ports and var dir) and a
fake Twilio in this process that records every reply. Every simulated store (a real E.164 phone on the platform)
sends a whole conversation by signed Twilio webhooks, each message once the reply to the one before came:
an order that asks which product, the choice, an edit, YES and a status question, interleaved with all others.
Checked and printed per run: each conversation's replies in the order of its messages with none lost and none
doubled, exactly one order per store on the platform, throughput and p50/p95 latency; the two-replica figures
against the one-replica ones; then two replicas again with one gateway, one Rasa server and one action server
SIGKILLed mid-load (and started again by scripts/run.py), and how long service was degraded.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Sequence
from urllib.parse import urlencode

import aiohttp
from aiohttp import web
from twilio.request_validator import RequestValidator

from backend.catalog import read_catalog_csv
from backend.database import PlatformDatabase
from backend.devenv import read_env_file, run_env_file
from backend.models import Store
from bot import replies
from bot.bench import percentile_ms
from bot.promotions.bench import FakeTwilio, _serve
from bot.redis_server import own_system_env
from i18n import phrasebook

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "bench-scale-twilio-token"
PUBLIC = "https://gateway.bench.example"
OUR_NUMBER = "+15005550006"

# One conversation, and what each of its replies must say, in order.
SCRIPT = ("5 coke", "1", "1 = 7", "YES", "status")
EXPECTED = (
    re.compile(r"^Which coke\?"),
    re.compile(r"^Your order:\n1\) .* 5 \w+ x "),
    re.compile(r"^Your order:\n1\) .* 7 \w+ x "),
    re.compile(r"^Order #(\d+) placed"),
    re.compile(r"^Order #(\d+) \("),
)
APOLOGY = phrasebook("en")._(replies.UNAVAILABLE)
# How long one message may wait for its reply before it counts as lost.
REPLY_TIMEOUT = 240.0


def phone_of(n: int) -> str:
    """The E.164 mobile number of simulated store `n`."""
    return f"+2547{20_000_000 + n:08d}"


def seed(path: Path, stores: int) -> list[Store]:
    """A platform database with the demo catalog, stocked for every store's order, and `stores` stores."""
    db = PlatformDatabase(path)
    db.import_catalog([replace(item, stock=1_000_000) for item in read_catalog_csv(ROOT / "demo" / "catalog.csv")])
    created = [
        Store(
            f"SC-{n:05d}", f"Scale shop {n}", (phone_of(n),), "Nairobi", "en", "Africa/Nairobi", Decimal(10**7), False
        )
        for n in range(stores)
    ]
    db.import_stores(created)
    db.close()
    return created


class RecordingTwilio(FakeTwilio):
    """Twilio's Messages API that also notes when each message arrived, and wakes whoever waits on its phone."""

    def __init__(self) -> None:
        super().__init__()
        self.arrived: dict[str, list[float]] = {}
        self.changed: dict[str, asyncio.Event] = {}

    async def create(self, request: web.Request) -> web.Response:
        response = await super().create(request)
        to = str((await request.post())["To"])
        self.arrived.setdefault(to, []).append(time.perf_counter())
        self.changed.setdefault(to, asyncio.Event()).set()
        return response

    def answers(self, phone: str) -> list[tuple[float, str]]:
        """(arrival, body) of every reply to `phone` but the apologies for a delay, in order."""
        bodies = [m["body"] for m in self.log.get(phone, [])]
        return [(at, body) for at, body in zip(self.arrived.get(phone, []), bodies, strict=True) if body != APOLOGY]

    def apologies(self) -> int:
        """Replies that said the answer would come later."""
        return sum(m["body"] == APOLOGY for messages in self.log.values() for m in messages)

    async def wait_answer(self, phone: str, count: int, timeout: float) -> float | None:
        """When `phone` got its `count`-th answer, waiting up to `timeout`; None if it never came."""
        deadline = time.perf_counter() + timeout
        while len(answers := self.answers(phone)) < count:
            event = self.changed.setdefault(phone, asyncio.Event())
            event.clear()
            try:
                await asyncio.wait_for(event.wait(), max(deadline - time.perf_counter(), 0.001))
            except asyncio.TimeoutError:
                return None
        return answers[count - 1][0]


@dataclass
class Outcome:
    """One run's figures and checks."""

    label: str
    stores: int
    seconds: float = 0.0
    # (when it was sent, seconds until its answer) for each message answered.
    answered: list[tuple[float, float]] = field(default_factory=list)
    refused: int = 0
    refusals: Counter[str] = field(default_factory=Counter)
    lost: int = 0
    doubled: int = 0
    reordered: int = 0
    unexpected: list[str] = field(default_factory=list)
    # The answers of each conversation that broke a check, for the printout.
    broken: dict[str, list[str]] = field(default_factory=dict)
    wrong_orders: int = 0
    apologies: int = 0
    kills: list[str] = field(default_factory=list)
    killed_at: float = 0.0
    degraded: float = 0.0
    back_after: dict[str, float] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        """Messages answered per second."""
        return len(self.answered) / self.seconds if self.seconds else 0.0

    @property
    def slowest(self) -> float:
        """The longest wait for an answer, in seconds."""
        return max((latency for _, latency in self.answered), default=0.0)

    def percentile(self, p: float) -> float:
        """The p-th percentile reply latency in milliseconds."""
        return percentile_ms((latency for _, latency in self.answered), p)

    @property
    def sound(self) -> bool:
        """Nothing refused, lost, doubled or out of order; one order per store."""
        return not (self.refused or self.lost or self.doubled or self.reordered or self.unexpected or self.wrong_orders)

    def line(self) -> str:
        """The run as one printed line."""
        return (
            f"{self.label:<18} {len(self.answered):>5} {self.rate:7.1f} {self.percentile(50):8.0f} "
            f"{self.percentile(95):8.0f} {self.refused:>7} {self.lost:>5} {self.doubled:>7} {self.reordered:>9} "
            f"{self.stores - self.wrong_orders:>5}/{self.stores:<5} {self.apologies:>9}"
        )


HEADER = (
    f"{'setup':<18} {'msgs':>5} {'msg/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'refused':>7} {'lost':>5} {'doubled':>7} "
    f"{'reordered':>9} {'one order':>11} {'apologies':>9}"
)


@dataclass
class System:
    """The system `scripts/run.py` started for one run."""

    launcher: subprocess.Popen[bytes]
    gateway: str
    backend: str
    api_key: str
    log: Path

    def log_text(self) -> str:
        """What the launcher and its processes wrote so far."""
        return self.log.read_text(errors="replace")


def start_system(var: Path, replicas: int, twilio_url: str) -> System:
    """`scripts/run.py --replicas N` on free ports with its own Redis and var dir; returns once it is ready."""
    env = {
        **own_system_env(var),
        "PUBLIC_BASE_URL": PUBLIC,
        "GATEWAY_CHANNELS": "twilio",
        "TWILIO_ACCOUNT_SID": "ACbenchscale",
        "TWILIO_AUTH_TOKEN": TOKEN,
        "TWILIO_FROM": OUR_NUMBER,
        "TWILIO_API_BASE": twilio_url,
        # The bench measures this system, not a provider's pace.
        "RATE_GLOBAL_PER_SECOND": "100000",
        "RATE_RECIPIENT_PER_MINUTE": "100000",
        "RASA_TIMEOUT_SECONDS": "60",
        "PROMO_WORKERS": "false",
    }
    log = var / "run.log"
    with open(log, "wb") as out:
        launcher = subprocess.Popen(
            [sys.executable, str(ROOT / "scripts" / "run.py"), "--replicas", str(replicas)],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    system = System(launcher, f"http://127.0.0.1:{env['GATEWAY_PORT']}", "", "", log)
    deadline = time.monotonic() + 600
    while "press Ctrl-C to stop" not in system.log_text():
        if launcher.poll() is not None or time.monotonic() > deadline:
            stop_system(system)
            raise RuntimeError(f"the system did not start; see {log}")
        time.sleep(0.5)
    settings = read_env_file(run_env_file(env))
    system.backend, system.api_key = settings["BACKEND_URL"], settings["BACKEND_API_KEY"]
    return system


def stop_system(system: System) -> None:
    """Stop the launcher, which stops every process in reverse order."""
    if system.launcher.poll() is None:
        system.launcher.terminate()
    try:
        system.launcher.wait(timeout=300)
    except subprocess.TimeoutExpired:
        system.launcher.kill()
        system.launcher.wait()


def children(launcher: int) -> dict[str, list[int]]:
    """The gateways, Rasa servers and action servers the launcher runs, by kind, from their command lines."""
    kinds = {"rasa_server": "rasa", "rasa_sdk": "actions", "-m bot": "gateway"}
    found: dict[str, list[int]] = {kind: [] for kind in kinds.values()}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            line = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, IndexError, ValueError):
            continue
        if parent == launcher:
            kind = next((k for key, k in kinds.items() if key in line), None)
            if kind is not None:
                found[kind].append(int(entry.name))
    return {kind: sorted(pids) for kind, pids in found.items()}


async def converse(
    http: aiohttp.ClientSession, url: str, twilio: RecordingTwilio, phone: str, outcome: Outcome, sent: list[int]
) -> None:
    """One store's whole conversation, each message once the answer to the one before came."""
    validator = RequestValidator(TOKEN)
    await asyncio.sleep(random.uniform(0, 3))
    for step, text in enumerate(SCRIPT, start=1):
        params = {"MessageSid": f"SM{uuid.uuid4().hex}", "AccountSid": "ACbenchscale", "From": phone}
        params |= {"To": OUR_NUMBER, "Body": text, "NumMedia": "0"}
        headers = {
            "X-Twilio-Signature": validator.compute_signature(PUBLIC + "/webhooks/twilio", params),
            "Content-Type": "application/x-www-form-urlencoded",
        }
        started = time.perf_counter()
        try:
            async with http.post(url, data=urlencode(params), headers=headers) as response:
                refusal = "" if response.status == 200 else f"HTTP {response.status}"
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            refusal = type(exc).__name__
        if refusal:
            # Twilio does not retry a failed incoming-message webhook: the message is lost at the door.
            outcome.refused += 1
            outcome.refusals[refusal] += 1
            return
        sent[0] += 1
        answered = await twilio.wait_answer(phone, step, REPLY_TIMEOUT)
        if answered is None:
            return
        outcome.answered.append((started, answered - started))
        await asyncio.sleep(random.uniform(0.2, 1.0))


def check_conversations(
    twilio: RecordingTwilio, stores: Sequence[Store], orders: dict[str, list[str]], outcome: Outcome
) -> None:
    """Every store's answers, one per message in the order of its messages; exactly one order, the one it was told."""
    for store in stores:
        steps: list[int] = []
        told: set[str] = set()
        for _, body in twilio.answers(store.phones[0]):
            step = next((n for n, pattern in enumerate(EXPECTED) if pattern.search(body)), None)
            if step is None:
                outcome.unexpected.append(body)
                continue
            steps.append(step)
            if (found := EXPECTED[step].search(body)) and found.groups():
                told.add(found.group(1))
        lost = len(set(range(len(EXPECTED))) - set(steps))
        doubled = len(steps) - len(set(steps))
        reordered = int(steps != sorted(steps))
        wrong_order = int(len(orders[store.store_id]) != 1 or told != set(orders[store.store_id]))
        outcome.lost += lost
        outcome.doubled += doubled
        outcome.reordered += reordered
        outcome.wrong_orders += wrong_order
        if lost or doubled or reordered or wrong_order or len(steps) < len(twilio.answers(store.phones[0])):
            outcome.broken[store.phones[0]] = [body for _, body in twilio.answers(store.phones[0])]
    outcome.apologies = twilio.apologies()


async def platform_orders(system: System, stores: Sequence[Store]) -> dict[str, list[str]]:
    """Each store's order ids on the platform."""
    found: dict[str, list[str]] = {}
    async with aiohttp.ClientSession(headers={"X-API-Key": system.api_key}) as http:
        for store in stores:
            async with http.get(f"{system.backend}/v1/stores/{store.store_id}/orders") as response:
                found[store.store_id] = [str(o["order_id"]) for o in (await response.json())["orders"]]
    return found


async def settle(twilio: RecordingTwilio, quiet: float, limit: float) -> None:
    """Wait until no reply arrived for `quiet` seconds (late or doubled ones would come now), at most `limit`."""
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        last = max((times[-1] for times in twilio.arrived.values() if times), default=0.0)
        if time.perf_counter() - last >= quiet:
            return
        await asyncio.sleep(0.5)


async def kill_mid_load(system: System, sent: list[int], at: int, outcome: Outcome) -> None:
    """Once `at` messages went in, SIGKILL one gateway, one Rasa server and one action server at once."""
    while sent[0] < at:
        await asyncio.sleep(0.1)
    running = children(system.launcher.pid)
    outcome.killed_at = time.perf_counter()
    for kind in ("gateway", "rasa", "actions"):
        os.kill(running[kind][0], signal.SIGKILL)
        outcome.kills.append(kind)


async def watch_restarts(system: System, outcome: Outcome) -> None:
    """Note how long after the kills scripts/run.py announced each killed process back."""
    while outcome.killed_at == 0.0 or len(outcome.back_after) < len(outcome.kills):
        for line in system.log_text().splitlines():
            back = re.match(r"\*\*\* (\w+)-\d+ is back \*\*\*", line)
            if back and back.group(1) not in outcome.back_after and outcome.killed_at:
                outcome.back_after[back.group(1)] = time.perf_counter() - outcome.killed_at
        await asyncio.sleep(0.5)


async def run_setup(replicas: int, stores: int, kills: bool, slowest_unfaulted: float = 0.0) -> Outcome:
    """One run: start the system, drive every store's conversation, check, stop."""
    label = f"{replicas} replica{'s' if replicas > 1 else ''}" + (" + kills" if kills else "")
    outcome = Outcome(label, stores)
    twilio = RecordingTwilio()
    app = web.Application()
    app.router.add_post("/2010-04-01/Accounts/{sid}/Messages.json", twilio.create)
    app.router.add_get("/2010-04-01/Accounts/{sid}/Messages.json", twilio.read)
    runner, twilio_url = await _serve(app)
    var = Path(tempfile.mkdtemp(prefix="restock-scale-"))
    created = seed(var / "platform.sqlite3", stores)
    print(f"{label}: starting the system ({var / 'run.log'}) ...", file=sys.stderr, flush=True)
    system = await asyncio.to_thread(start_system, var, replicas, twilio_url)
    try:
        sent = [0]
        limits = aiohttp.TCPConnector(limit=100)
        async with aiohttp.ClientSession(connector=limits, timeout=aiohttp.ClientTimeout(total=30)) as http:
            url = f"{system.gateway}/webhooks/twilio"
            tasks = [converse(http, url, twilio, s.phones[0], outcome, sent) for s in created]
            faults = []
            if kills:
                faults = [
                    asyncio.create_task(kill_mid_load(system, sent, int(0.4 * stores * len(SCRIPT)), outcome)),
                    asyncio.create_task(watch_restarts(system, outcome)),
                ]
            started = time.perf_counter()
            await asyncio.gather(*tasks)
            outcome.seconds = time.perf_counter() - started
            await settle(twilio, quiet=10.0, limit=120.0)
            if faults:
                await asyncio.wait_for(faults[1], 300)
        check_conversations(twilio, created, await platform_orders(system, created), outcome)
        outcome.degraded = degraded_for(outcome, slowest_unfaulted) if kills else 0.0
    finally:
        await asyncio.to_thread(stop_system, system)
        await runner.cleanup()
    if outcome.sound:
        # The logs are kept only for a run that broke a check.
        shutil.rmtree(var, ignore_errors=True)
    return outcome


def degraded_for(outcome: Outcome, normal: float) -> float:
    """Seconds from the kills until the last answer, to a message in flight or sent after them, that took longer
    than `normal` (the slowest answer of the same setup without faults)."""
    late = [
        sent + latency for sent, latency in outcome.answered if sent + latency > outcome.killed_at and latency > normal
    ]
    return max(late, default=outcome.killed_at) - outcome.killed_at


async def bench(stores: int) -> list[Outcome]:
    """One replica, two, and two with kills; printed as they finish."""
    print(HEADER, flush=True)
    one = await run_setup(1, stores, kills=False)
    print(one.line(), flush=True)
    two = await run_setup(2, stores, kills=False)
    print(two.line(), flush=True)
    print(
        f"{'ratio 2 / 1':<18} {'':>5} {two.rate / max(one.rate, 1e-9):7.2f} "
        f"{two.percentile(50) / max(one.percentile(50), 1e-9):8.2f} "
        f"{two.percentile(95) / max(one.percentile(95), 1e-9):8.2f}",
        flush=True,
    )
    faulted = await run_setup(2, stores, kills=True, slowest_unfaulted=two.slowest)
    print(faulted.line(), flush=True)
    print(faults_line(faulted), flush=True)
    for outcome in (one, two, faulted):
        for phone, answers in list(outcome.broken.items())[:3]:
            print(f"{outcome.label}: a conversation that broke a check ({phone}):", flush=True)
            for step, answer in zip(SCRIPT, answers, strict=False):
                print(f"  {step!r:>10} -> {answer[:100]!r}", flush=True)
            for answer in answers[len(SCRIPT) :]:
                print(f"  {'':>10} -> {answer[:100]!r}", flush=True)
    return [one, two, faulted]


def faults_line(outcome: Outcome) -> str:
    """What was killed, when each was back, and how long service was degraded."""
    back = ", ".join(f"{kind} {seconds:.0f} s" for kind, seconds in sorted(outcome.back_after.items()))
    return (
        f"killed {', '.join(outcome.kills)} with SIGKILL after 40% of the messages; back after: {back}; "
        f"service degraded for {outcome.degraded:.1f} s (answers slower than the slowest without faults); "
        f"{'nothing lost, doubled or reordered' if outcome.sound else 'NOT SOUND'}"
    )


def main(argv: list[str] | None = None) -> int:
    """Parse the size and run; the exit code says whether every check held."""
    parser = argparse.ArgumentParser(prog="python -m bot.scale_bench", description=__doc__)
    parser.add_argument("--stores", type=int, default=300, help="simulated stores, one conversation each (300)")
    args = parser.parse_args(argv)
    outcomes = asyncio.run(bench(max(args.stores, 1)))
    return 0 if all(o.sound for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
