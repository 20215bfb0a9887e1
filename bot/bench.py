"""`python -m bot.bench`: throughput and reply latency through the gateway vs. Rasa's REST channel directly.

Needs Redis and a Rasa server (with its action server and the platform) already running, e.g. from
`make run`; reads REDIS_URL, RASA_URL and RASA_TOKEN. Starts the gateway and a fake Twilio in this process
on localhost, sends a bounded number of messages, prints the figures and exits.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
import uuid
from dataclasses import dataclass
from typing import Iterable
from urllib.parse import urlencode

import aiohttp
from aiohttp import web
from twilio.request_validator import RequestValidator

from bot.app import create_app
from bot.settings import Settings

TEXTS = ("hello", "5 ctn coke 300ml", "where is my order", "2 bags sugar 50kg", "thanks")
TOKEN = "bench-twilio-token"
PUBLIC = "http://bench.local"


def percentile_ms(latencies: Iterable[float], p: float) -> float:
    """The p-th percentile of latencies in seconds, in milliseconds (0 when there are none)."""
    ordered = sorted(latencies)
    return 1000 * ordered[min(int(p / 100 * len(ordered)), len(ordered) - 1)] if ordered else 0.0


@dataclass(frozen=True)
class Figures:
    """One run's results."""

    label: str
    count: int
    seconds: float
    latencies: tuple[float, ...]

    @property
    def rate(self) -> float:
        """Messages answered per second."""
        return self.count / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        """The p-th percentile latency in milliseconds."""
        return percentile_ms(self.latencies, p)

    def line(self) -> str:
        """The figures as one printed line."""
        return (
            f"{self.label:<10} {self.count:>5} msgs  {self.rate:8.1f} msg/s  p50 {self.percentile(50):8.1f} ms"
            f"  p95 {self.percentile(95):8.1f} ms"
        )


def _phone(n: int) -> str:
    return f"+2547990{n:05d}"


async def bench_rasa(rasa_url: str, count: int, concurrency: int, run: str) -> Figures:
    """Send `count` messages straight to Rasa's REST channel, `concurrency` at a time, each from a new sender."""
    latencies: list[float] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(count):
        queue.put_nowait(n)
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as http:

        async def worker() -> None:
            while not queue.empty():
                n = queue.get_nowait()
                started = time.perf_counter()
                body = {"sender": f"{run}-{_phone(n)}", "message": TEXTS[n % len(TEXTS)]}
                async with http.post(f"{rasa_url}/webhooks/rest/webhook", json=body) as response:
                    await response.read()
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return Figures("rasa", count, time.perf_counter() - started, tuple(latencies))


class FakeTwilio:
    """Twilio's Messages API on localhost: notes when each phone gets its first reply."""

    def __init__(self) -> None:
        self.replied_at: dict[str, float] = {}
        self.waiters: dict[str, asyncio.Event] = {}

    def expect(self, phone: str) -> asyncio.Event:
        """An event set when `phone` gets its first reply."""
        return self.waiters.setdefault(phone, asyncio.Event())

    async def handle(self, request: web.Request) -> web.Response:
        """Record the reply and answer like Twilio."""
        phone = str((await request.post())["To"])
        self.replied_at.setdefault(phone, time.perf_counter())
        self.expect(phone).set()
        return web.json_response({"sid": f"SM{uuid.uuid4().hex}"}, status=201)


async def _serve(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return runner, f"http://127.0.0.1:{runner.addresses[0][1]}"


async def bench_gateway(base: Settings, count: int, concurrency: int) -> tuple[Figures, Figures]:
    """Closed loop like the direct run (each phone new, reply awaited), then a burst that measures the ack."""
    fake = FakeTwilio()
    fake_app = web.Application()
    fake_app.router.add_post("/2010-04-01/Accounts/{sid}/Messages.json", fake.handle)
    fake_runner, fake_url = await _serve(fake_app)
    settings = Settings.from_env({**_env(base), "TWILIO_API_BASE": fake_url})
    runner, gateway_url = await _serve(create_app(settings))
    url = f"{gateway_url}/webhooks/twilio"
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as http:

        async def webhook(n: int, acks: list[float]) -> None:
            params = {
                "MessageSid": f"SM{uuid.uuid4().hex}",
                "From": _phone(n),
                "To": "+15005550006",
                "Body": TEXTS[n % len(TEXTS)],
            }
            headers = {
                "X-Twilio-Signature": RequestValidator(TOKEN).compute_signature(PUBLIC + "/webhooks/twilio", params),
                "Content-Type": "application/x-www-form-urlencoded",
            }
            started = time.perf_counter()
            async with http.post(url, data=urlencode(params), headers=headers) as response:
                await response.read()
            acks.append(time.perf_counter() - started)

        latencies: list[float] = []
        queue: asyncio.Queue[int] = asyncio.Queue()
        for n in range(count):
            queue.put_nowait(n)

        async def closed_loop() -> None:
            while not queue.empty():
                n = queue.get_nowait()
                replied = fake.expect(_phone(n))
                started = time.perf_counter()
                await webhook(n, [])
                await asyncio.wait_for(replied.wait(), 120)
                latencies.append(fake.replied_at[_phone(n)] - started)

        started = time.perf_counter()
        await asyncio.gather(*(closed_loop() for _ in range(concurrency)))
        through = Figures("gateway", len(latencies), time.perf_counter() - started, tuple(latencies))

        acks: list[float] = []
        burst = range(count, 2 * count)
        started = time.perf_counter()
        await asyncio.gather(*(webhook(n, acks) for n in burst))
        for n in burst:
            await asyncio.wait_for(fake.expect(_phone(n)).wait(), 300)
        drained = Figures("burst", count, time.perf_counter() - started, tuple(acks))
    await runner.cleanup()
    await fake_runner.cleanup()
    return through, drained


def _env(settings: Settings) -> dict[str, str]:
    return {
        "GATEWAY_MODE": "dev",
        "REDIS_URL": settings.redis_url,
        "RASA_URL": settings.rasa_url,
        "RASA_TOKEN": settings.rasa_token,
        "BACKEND_URL": settings.backend_url,
        "BACKEND_API_KEY": settings.backend_api_key,
        "GATEWAY_KEY_PREFIX": settings.key_prefix,
        "PUBLIC_BASE_URL": PUBLIC,
        "TWILIO_ACCOUNT_SID": "ACbench",
        "TWILIO_AUTH_TOKEN": TOKEN,
        "TWILIO_FROM": "+15005550006",
        "GATEWAY_CHANNELS": "twilio",
        "SIMULATOR_ENABLED": "false",
        "RATE_GLOBAL_PER_SECOND": "100000",
        "RATE_RECIPIENT_PER_MINUTE": "100000",
        "SMS_MAX_SEGMENTS": "10",
        "RASA_TIMEOUT_SECONDS": "120",
        "GATEWAY_PARTITIONS": str(settings.partitions),
    }


async def run(count: int, concurrency: int) -> None:
    """Both runs, then the comparison."""
    base = Settings.from_env(
        {**os.environ, "GATEWAY_MODE": "dev", "GATEWAY_KEY_PREFIX": f"bench{uuid.uuid4().hex[:8]}"}
    )
    direct = await bench_rasa(base.rasa_url, count, concurrency, base.key_prefix)
    through, burst = await bench_gateway(base, count, concurrency)
    print(direct.line())
    print(through.line())
    print(
        f"ratio      gateway/rasa  msg/s {through.rate / direct.rate if direct.rate else 0:.2f}"
        f"  p50 {through.percentile(50) / max(direct.percentile(50), 1e-9):.2f}"
        f"  p95 {through.percentile(95) / max(direct.percentile(95), 1e-9):.2f}"
    )
    print(
        f"burst      {burst.count} webhooks at once: ack p50 {burst.percentile(50):.1f} ms"
        f"  p99 {burst.percentile(99):.1f} ms  max {1000 * max(burst.latencies, default=0):.1f} ms;"
        f"  all answered at {burst.rate:.1f} msg/s"
    )


def main(argv: list[str] | None = None) -> None:
    """Parse the bounds and run."""
    parser = argparse.ArgumentParser(prog="python -m bot.bench", description=__doc__)
    parser.add_argument("--messages", type=int, default=200, help="messages per run (default 200)")
    parser.add_argument("--concurrency", type=int, default=8, help="conversations at once (default 8)")
    args = parser.parse_args(argv)
    asyncio.run(run(min(args.messages, 5000), min(args.concurrency, 64)))


if __name__ == "__main__":
    main()
