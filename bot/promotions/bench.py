"""`make bench-promotions`: a campaign to many opted-in stores through a fake Twilio, with a kill and restart.

Figures: the time to queue the audience, the achieved send rate against the configured limit, the
stores sent twice (must be 0) or never, and the worker process's peak memory.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import datetime, timezone
from decimal import Decimal
from email.utils import formatdate
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from redis.asyncio import Redis

from backend.catalog import read_catalog_csv
from backend.database import PlatformDatabase
from backend.logs import configure_logging
from backend.models import AudienceQuery, Store
from bot.app import build_gateway
from bot.promotions.model import CampaignStatus
from bot.redis_server import free_port, throwaway_redis
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
KEY = "bench-platform-key-0123456789"


def _awake_zone() -> str:
    offset = (12 - datetime.now(timezone.utc).hour + 12) % 24 - 12
    return f"Etc/GMT{'-' if offset >= 0 else '+'}{abs(offset)}"


def seed(path: Path, stores: int) -> None:
    """The demo catalog and `stores` opted-in stores."""
    db = PlatformDatabase(path)
    db.import_catalog(read_catalog_csv(ROOT / "demo" / "catalog.csv"))
    zone = _awake_zone()
    batch = [
        Store(f"B{n:07d}", f"Shop {n}", (f"+2547{n:08d}",), "Bench", "en", zone, Decimal("1000"), True, "kiosk")
        for n in range(stores)
    ]
    for start in range(0, stores, 10_000):
        db.import_stores(batch[start : start + 10_000])
    db.close()


class FakeTwilio:
    """Counts every message it takes, by recipient, and shows its message log as Twilio's API does."""

    def __init__(self) -> None:
        self.taken: Counter[str] = Counter()
        self.log: dict[str, list[dict[str, str]]] = {}
        self.lookups = 0
        self.first = 0.0
        self.last = 0.0
        self.longest_gap = 0.0

    async def create(self, request: web.Request) -> web.Response:
        form = await request.post()
        now = time.monotonic()
        self.first = self.first or now
        if self.last:
            self.longest_gap = max(self.longest_gap, now - self.last)
        self.last = now
        to = str(form["To"])
        self.taken[to] += 1
        sid = f"SM{uuid.uuid4().hex}"
        message = {"sid": sid, "to": to, "from": str(form["From"]), "body": str(form["Body"])}
        self.log.setdefault(to, []).append({**message, "date_created": formatdate(usegmt=True)})
        return web.json_response({"sid": sid, "status": "queued"}, status=201)

    async def read(self, request: web.Request) -> web.Response:
        self.lookups += 1
        rows = [m for m in self.log.get(request.query.get("To", ""), []) if m["from"] == request.query.get("From")]
        return web.json_response({"messages": rows[::-1], "next_page_uri": None})


async def _serve(app: web.Application, port: int = 0) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    sockets = site._server.sockets if site._server else []  # type: ignore[attr-defined]
    return runner, f"http://127.0.0.1:{sockets[0].getsockname()[1]}"


def _bench_settings(redis_url: str, platform_url: str, twilio_url: str, rate: float) -> Settings:
    """A gateway sending promotions by SMS through the fake Twilio at `rate` segments a second."""
    return Settings.from_env(
        {
            "GATEWAY_MODE": "dev",
            "REDIS_URL": redis_url,
            "GATEWAY_KEY_PREFIX": f"bench{uuid.uuid4().hex[:8]}",
            "BACKEND_URL": platform_url,
            "BACKEND_API_KEY": KEY,
            "TWILIO_ACCOUNT_SID": "AC1",
            "TWILIO_AUTH_TOKEN": "token",
            "TWILIO_FROM": "+15005550006",
            "TWILIO_API_BASE": twilio_url,
            "GATEWAY_CHANNELS": "twilio",
            "PROMO_SMS_SEGMENTS_PER_SECOND": str(rate),
            "PROMO_QUIET_HOURS": "off",
            "PROMO_CONCURRENCY": "16",
            "LOG_LEVEL": "WARNING",
        }
    )


async def _wait_healthy(url: str) -> None:
    for _ in range(100):
        try:
            async with aiohttp.ClientSession() as http:
                async with http.get(f"{url}/healthz"):
                    return
        except aiohttp.ClientError:
            await asyncio.sleep(0.1)


async def _campaign_with_a_kill(
    settings: Settings, redis: Redis, fake: FakeTwilio, stores: int
) -> tuple[dict[str, Any], float]:
    """Queue the campaign, send it from a worker process killed halfway and restarted; its progress and the
    restarted worker's peak memory."""
    async with aiohttp.ClientSession() as http:
        gateway = build_gateway(settings, redis, http)
        promotions = gateway.promotions
        campaign = await promotions.service.create(
            "Bench", {"en": "Hi {{ store_name }}, new stock in. STOP to opt out"}, AudienceQuery(regions=("Bench",))
        )
        cid = campaign.campaign_id
        await promotions.service.schedule(cid)
        await promotions.campaigns.set_status(cid, CampaignStatus.RUNNING)
        started = time.monotonic()
        queued = await promotions.fanout.conductor.queue_audience(cid)
        queue_seconds = time.monotonic() - started
        print(f"queued {queued} stores in {queue_seconds:.1f} s ({queued / queue_seconds:.0f}/s)")

        await gateway.platform.close()
        env = dict(os.environ, **_env(settings))
        worker = _start_worker(env)
        while sum(fake.taken.values()) < stores // 2:
            await asyncio.sleep(0.2)
        worker.send_signal(signal.SIGKILL)  # killed mid-send, as a crash or an OOM kill would
        worker.wait()
        print(f"worker killed after {sum(fake.taken.values())} sends; restarting")
        worker = _start_worker(env)
        while (await promotions.service.progress(cid)).status != CampaignStatus.DONE:
            await asyncio.sleep(0.5)
        memory = _peak_memory_mb(worker.pid)
        worker.terminate()
        worker.wait(timeout=30)
        return (await promotions.service.progress(cid)).to_json(), memory


def _report(fake: FakeTwilio, stores: int, rate: float, progress: dict[str, Any], memory: float) -> None:
    sent = sum(fake.taken.values())
    seconds = fake.last - fake.first
    achieved = (sent - 1) / seconds if seconds > 0 else 0.0
    duplicates = sum(1 for count in fake.taken.values() if count > 1)
    print(f"sent {sent} messages to {len(fake.taken)} of {stores} stores in {seconds:.1f} s")
    print(f"send rate {achieved:.1f}/s against a limit of {rate:.1f}/s: {100 * achieved / rate:.1f} %")
    running = (sent - 1) / (seconds - fake.longest_gap) if seconds > fake.longest_gap else 0.0
    print(
        f"sending stopped {fake.longest_gap:.1f} s for the kill and restart; "
        f"rate while running {running:.1f}/s: {100 * running / rate:.1f} %"
    )
    print(f"duplicates after kill and restart: {duplicates}; never sent: {stores - len(fake.taken)}")
    print(f"sends in flight at the kill, checked in the provider's message log: {fake.lookups}")
    print(f"progress: {progress}")
    print(f"peak memory of the restarted worker process: {memory:.0f} MB")


async def run(stores: int, rate: float, redis_url: str) -> None:
    """Seed the platform, serve it and the fake Twilio, send the campaign through a kill, print the figures."""
    workdir = Path(tempfile.mkdtemp(prefix="bench-promotions-"))
    db_path = workdir / "platform.sqlite3"
    started = time.monotonic()
    seed(db_path, stores)
    print(f"seeded {stores} stores in {time.monotonic() - started:.1f} s")
    port = free_port()
    platform = subprocess.Popen(
        [sys.executable, "-m", "backend", "--db", str(db_path), "serve", "--port", str(port)],
        env=dict(os.environ, BACKEND_API_KEY=KEY, LOG_LEVEL="WARNING"),
        stdout=subprocess.DEVNULL,
    )
    fake = FakeTwilio()
    # The kill cuts requests in half; the fake server's complaints about them are expected.
    logging.getLogger("aiohttp.server").setLevel(logging.CRITICAL)
    app = web.Application()
    app.router.add_post("/2010-04-01/Accounts/{sid}/Messages.json", fake.create)
    app.router.add_get("/2010-04-01/Accounts/{sid}/Messages.json", fake.read)
    fake_runner, fake_url = await _serve(app)
    settings = _bench_settings(redis_url, f"http://127.0.0.1:{port}", fake_url, rate)
    redis = Redis.from_url(redis_url, decode_responses=True)
    try:
        await _wait_healthy(f"http://127.0.0.1:{port}")
        progress, memory = await _campaign_with_a_kill(settings, redis, fake, stores)
        _report(fake, stores, rate, progress, memory)
    finally:
        await redis.close(close_connection_pool=True)
        await fake_runner.cleanup()
        platform.terminate()
        platform.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


def _env(settings: Settings) -> dict[str, str]:
    """The worker's environment: the same gateway settings, campaign workers on, a stable instance id."""
    return {
        "GATEWAY_MODE": "dev",
        "REDIS_URL": settings.redis_url,
        "GATEWAY_KEY_PREFIX": settings.key_prefix,
        "BACKEND_URL": settings.backend_url,
        "BACKEND_API_KEY": settings.backend_api_key,
        "TWILIO_ACCOUNT_SID": settings.twilio_account_sid,
        "TWILIO_AUTH_TOKEN": settings.twilio_auth_token,
        "TWILIO_FROM": settings.twilio_from,
        "TWILIO_API_BASE": settings.twilio_api_base,
        "GATEWAY_CHANNELS": "twilio",
        "PROMO_SMS_SEGMENTS_PER_SECOND": str(settings.promo_sms_per_second),
        "PROMO_QUIET_HOURS": "off",
        "PROMO_CONCURRENCY": str(settings.promo_concurrency),
        "GATEWAY_INSTANCE_ID": "bench-worker",
        # Sends in flight at the kill are settled from the fake's message log this long after the restart.
        "PROMO_RECEIPT_GRACE_SECONDS": "3",
        "LOG_LEVEL": "ERROR",
    }


def _start_worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "bot.promotions.bench", "--worker"], env=env, cwd=ROOT)


def _peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def work() -> None:
    """A campaign worker alone (no webhooks), as a gateway runs it, until killed."""
    configure_logging(os.environ.get("LOG_LEVEL", "INFO"))
    settings = Settings.from_env(os.environ)
    redis = Redis.from_url(settings.redis_url, decode_responses=True)
    async with aiohttp.ClientSession() as http:
        gateway = build_gateway(settings, redis, http)
        await asyncio.gather(*gateway.promotions.fanout.tasks())


def main(argv: list[str] | None = None) -> None:
    """Parse arguments and run the bench."""
    parser = argparse.ArgumentParser(prog="python -m bot.promotions.bench")
    parser.add_argument("--stores", type=int, default=100_000)
    parser.add_argument("--rate", type=float, default=200.0, help="the SMS segments a second the campaign may use")
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL", ""), help="default: a throwaway redis")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        asyncio.run(work())
        return
    if args.redis_url:
        asyncio.run(run(args.stores, args.rate, args.redis_url))
        return
    with throwaway_redis() as redis_url:
        asyncio.run(run(args.stores, args.rate, redis_url))


if __name__ == "__main__":
    main()
