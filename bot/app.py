"""The gateway's app factory: routes, resources in cleanup_ctx, background workers for inbox and outbox."""

from __future__ import annotations

import asyncio
import logging
import uuid
from typing import AsyncIterator, Awaitable, Callable

import aiohttp
import aiohttp_jinja2
import jinja2
from aiohttp import web
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from backend.client import PlatformClient
from bot.console import add_console
from bot.inbox import Inbox
from bot.keys import GATEWAY, SETTINGS, Gateway
from bot.keywords import Keywords
from bot.menus import MenuStore
from bot.messages import Channel
from bot.outbox import Outbox, OutboxPolicy
from bot.promotions.runtime import build_promotions
from bot.promotions.store import CampaignStore
from bot.rasa import RasaClient
from bot.ratelimit import RateLimiter
from bot.sending import Sender, Sending
from bot.settings import Settings
from bot.simulator import SimulatorSender, add_simulator_routes
from bot.streams import PartitionedStream
from bot.transcripts import TranscriptStore
from bot.twilio import TwilioSender, handle_twilio_inbound, handle_twilio_status
from bot.wechat import WeChatLinks, WeChatSender, handle_wechat_message, handle_wechat_verify
from bot.whatsapp import WhatsAppSender, handle_whatsapp_event, handle_whatsapp_verify

log = logging.getLogger("bot.app")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# Tries of a Redis command after its first failure on a lost connection (backoff 0.05 s doubling up to 0.5 s).
REDIS_RETRIES = 4


@web.middleware
async def error_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Turn the unexpected into a logged 500 with a request id; Redis down becomes 503 (Meta retries it; Twilio
    does not, and calls the number's Fallback URL if one is set)."""
    request_id = request.headers.get("X-Request-Id") or uuid.uuid4().hex
    try:
        return await handler(request)
    except web.HTTPException:
        raise
    except (RedisError, OSError) as exc:
        log.error(
            "storage unavailable",
            extra={"ctx_request_id": request_id, "ctx_path": request.path, "ctx_error": type(exc).__name__},
        )
        return web.json_response({"error": "unavailable", "request_id": request_id}, status=503)
    except Exception:
        log.exception("unexpected error", extra={"ctx_request_id": request_id, "ctx_path": request.path})
        return web.json_response({"error": "internal", "request_id": request_id}, status=500)


async def handle_health(request: web.Request) -> web.Response:
    """Each dependency's state; 200 only when all answer."""
    gateway = request.app[GATEWAY]
    checks: dict[str, str] = {}
    try:
        await asyncio.wait_for(gateway.redis.ping(), 2.0)
        checks["redis"] = "ok"
    except (RedisError, OSError, asyncio.TimeoutError) as exc:
        checks["redis"] = f"down: {type(exc).__name__}"
    checks["rasa"] = "ok" if await gateway.rasa.healthy() else "down"
    try:
        async with gateway.http.get(
            f"{gateway.settings.backend_url}/healthz", timeout=aiohttp.ClientTimeout(total=2.0)
        ) as response:
            checks["backend"] = "ok" if response.status == 200 else f"down: HTTP {response.status}"
    except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
        checks["backend"] = f"down: {type(exc).__name__}"
    healthy = all(v == "ok" for v in checks.values())
    return web.json_response(
        {"status": "ok" if healthy else "degraded", "checks": checks, "channels": list(gateway.settings.channels)},
        status=200 if healthy else 503,
    )


def build_senders(settings: Settings, http: aiohttp.ClientSession, redis: Redis) -> dict[str, Sender]:
    """A sender for each enabled channel."""
    senders: dict[str, Sender] = {}
    if settings.has_channel("twilio"):
        twilio = TwilioSender(
            http,
            settings.twilio_api_base,
            settings.twilio_account_sid,
            settings.twilio_auth_token,
            settings.twilio_from,
            settings.twilio_whatsapp_from,
            settings.twilio_messaging_service_sid,
            f"{settings.public_base_url}/webhooks/twilio/status",
            settings.send_timeout,
        )
        senders[Channel.SMS] = senders[Channel.TWILIO_WHATSAPP] = twilio
    if settings.has_channel("whatsapp"):
        senders[Channel.WHATSAPP] = WhatsAppSender(
            http,
            settings.whatsapp_api_base,
            settings.whatsapp_api_version,
            settings.whatsapp_phone_number_id,
            settings.whatsapp_access_token,
            settings.send_timeout,
        )
    if settings.has_channel("wechat"):
        senders[Channel.WECHAT] = WeChatSender(http, redis, WeChatLinks(redis, settings.key_prefix), settings)
    if settings.simulator_enabled:
        senders[Channel.SIMULATOR] = SimulatorSender()
    return senders


def open_redis(settings: Settings) -> Redis:
    """A Redis client whose replies are text, and which outlives a Redis restart.

    A pooled connection Redis closed while restarting fails its next command; redis-py retries that command
    on a new connection (and a connection idle past the health check interval is PINGed first), so a
    request fails only while Redis is really down: after about a second of tries.
    """
    return Redis.from_url(
        settings.redis_url,
        decode_responses=True,
        socket_timeout=5.0,
        socket_connect_timeout=2.0,
        health_check_interval=10,
        retry=Retry(ExponentialBackoff(cap=0.5, base=0.05), REDIS_RETRIES),
        retry_on_error=[RedisConnectionError, RedisTimeoutError],
    )


def build_gateway(settings: Settings, redis: Redis, http: aiohttp.ClientSession) -> Gateway:
    """Wire the gateway's parts together over open connections."""
    prefix = settings.key_prefix
    policy = OutboxPolicy(
        settings.outbox_max_attempts,
        settings.retry_base,
        settings.retry_max,
        settings.dedupe_ttl,
        settings.menu_ttl,
        settings.sms_max_segments,
    )
    transcripts = TranscriptStore(redis, prefix)
    limiter = RateLimiter(redis, prefix, settings.rate_global_per_second, settings.rate_recipient_per_minute)
    sending = Sending(build_senders(settings, http, redis), transcripts, policy)
    menus = MenuStore(redis, prefix, settings.menu_ttl)
    outbox = Outbox(
        redis,
        PartitionedStream(redis, f"{prefix}:outbox", settings.partitions, settings.lease_ttl, settings.instance_id),
        transcripts,
        sending,
        menus,
        limiter,
        policy,
        prefix,
    )
    platform = PlatformClient(settings.backend_url, settings.backend_api_key, timeout=5.0, retries=1)
    rasa = RasaClient(http, settings.rasa_url, settings.rasa_token, settings.rasa_timeout)
    campaigns = CampaignStore(redis, prefix)
    inbox = Inbox(
        redis,
        PartitionedStream(redis, f"{prefix}:inbound", settings.partitions, settings.lease_ttl, settings.instance_id),
        transcripts,
        outbox,
        rasa,
        platform,
        Keywords.load(),
        policy,
        prefix,
        campaigns,
    )
    promotions = build_promotions(settings, redis, campaigns, platform, sending, transcripts, menus, outbox)
    return Gateway(settings, redis, http, platform, rasa, transcripts, outbox, inbox, promotions)


async def gateway_ctx(app: web.Application) -> AsyncIterator[None]:
    """Open Redis and HTTP pools, start one worker per partition for inbox and outbox; stop them at exit."""
    settings = app[SETTINGS]
    redis = open_redis(settings)
    http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=settings.send_timeout))
    gateway = build_gateway(settings, redis, http)
    app[GATEWAY] = gateway
    workers = [
        asyncio.create_task(gateway.inbox.stream.work(p, gateway.inbox.handle)) for p in range(settings.partitions)
    ]
    workers += [
        asyncio.create_task(gateway.outbox.stream.work(p, gateway.outbox.deliver)) for p in range(settings.partitions)
    ]
    if settings.promo_workers:
        workers += gateway.promotions.fanout.tasks()
    log.info(
        "gateway started",
        extra={
            "ctx_channels": list(settings.channels),
            "ctx_mode": settings.mode,
            "ctx_simulator": settings.simulator_enabled,
        },
    )
    yield
    gateway.inbox.stream.stop()
    gateway.outbox.stream.stop()
    gateway.promotions.fanout.stop()
    # A worker finishes the message in hand (a send or an assistant turn) before it returns.
    _, unfinished = await asyncio.wait(workers, timeout=settings.rasa_timeout + 1.0)
    for worker in unfinished:
        worker.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    await gateway.inbox.stream.release()
    await gateway.outbox.stream.release()
    await gateway.platform.close()
    await http.close()
    await redis.close(close_connection_pool=True)


def create_app(settings: Settings) -> web.Application:
    """The gateway application for these settings."""
    app = web.Application(middlewares=[error_middleware], client_max_size=256 * 1024)
    app[SETTINGS] = settings
    app.cleanup_ctx.append(gateway_ctx)
    app.router.add_get("/healthz", handle_health, name="health")
    if settings.has_channel("twilio"):
        app.router.add_post("/webhooks/twilio", handle_twilio_inbound, name="twilio_inbound")
        app.router.add_post("/webhooks/twilio/status", handle_twilio_status, name="twilio_status")
    if settings.has_channel("whatsapp"):
        app.router.add_get("/webhooks/whatsapp", handle_whatsapp_verify, name="whatsapp_verify")
        app.router.add_post("/webhooks/whatsapp", handle_whatsapp_event, name="whatsapp_event")
    if settings.has_channel("wechat"):
        app.router.add_get("/webhooks/wechat", handle_wechat_verify, name="wechat_verify")
        app.router.add_post("/webhooks/wechat", handle_wechat_message, name="wechat_message")
    if settings.simulator_enabled:
        aiohttp_jinja2.setup(app, loader=jinja2.PackageLoader("bot", "templates"), autoescape=True)
        add_simulator_routes(app)
    add_console(app)
    return app
