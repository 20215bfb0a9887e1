"""The reference platform service: the HTTP API of backend/openapi.yaml over SQLite."""

from __future__ import annotations

import hmac
import logging
import os
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, AsyncIterator, Awaitable, Callable, Mapping

from aiohttp import web

from backend.database import PlatformDatabase, RequestedLine
from backend.errors import HTTP_STATUS, InvalidRequest, OrderRejected, PlatformError
from backend.models import AudienceQuery, PromotionItem
from backend.phones import InvalidPhone, to_e164

log = logging.getLogger("backend")

API_KEY_HEADER = "X-API-Key"
CONSENT_SOURCES = frozenset({"text", "staff", "import"})
CONSENT_PAGE_DEFAULT, CONSENT_PAGE_MAX = 500, 5000
SQLITE_MAX_INTEGER = 2**63 - 1
PUBLIC_PATHS = frozenset({"/healthz"})


@dataclass(frozen=True)
class BackendSettings:
    """Everything the platform service needs, read once at start."""

    db_path: str
    api_key: str
    host: str = "127.0.0.1"
    port: int = 8090
    delivery_days: int = 1
    default_region: str = "KE"

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ, **overrides: Any) -> BackendSettings:
        """Build settings from BACKEND_* variables, then apply explicit overrides (command-line flags)."""
        values: dict[str, Any] = {
            "db_path": env.get("BACKEND_DB", "var/platform.sqlite3"),
            "api_key": env.get("BACKEND_API_KEY", ""),
            "host": env.get("BACKEND_HOST", "127.0.0.1"),
            "port": int(env.get("BACKEND_PORT", "8090")),
            "delivery_days": int(env.get("BACKEND_DELIVERY_DAYS", "1")),
            "default_region": env.get("DEFAULT_REGION", "KE"),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def require_api_key(self) -> None:
        """Refuse to serve without a service-to-service key."""
        if len(self.api_key) < 16:
            raise SystemExit("BACKEND_API_KEY must be set to a secret of at least 16 characters")


SETTINGS = web.AppKey("settings", BackendSettings)
DATABASE = web.AppKey("database", PlatformDatabase)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def error_response(status: int, code: str, message: str, **extra: Any) -> web.Response:
    """The API's one error shape."""
    return web.json_response({"error": {"code": code, "message": message, **extra}}, status=status)


def platform_error_response(exc: PlatformError) -> web.Response:
    """A typed platform error as its HTTP response."""
    extra: dict[str, Any] = {}
    if isinstance(exc, OrderRejected):
        extra["lines"] = [problem.to_json() for problem in exc.problems]
    return error_response(HTTP_STATUS.get(type(exc), 400), exc.code, exc.message, **extra)


@web.middleware
async def request_id_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Tag every request with an id, map typed errors to HTTP, and turn the unexpected into a logged 500."""
    request_id = request.headers.get("X-Request-Id") or uuid.uuid4().hex
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        response = error_response(exc.status, exc.reason.lower().replace(" ", "_"), exc.reason)
    except PlatformError as exc:
        response = platform_error_response(exc)
    except Exception:
        log.exception("unhandled error", extra={"ctx_request_id": request_id, "ctx_path": request.path})
        response = error_response(500, "internal_error", f"unexpected error; request id {request_id}")
    response.headers["X-Request-Id"] = request_id
    return response


@web.middleware
async def api_key_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every endpoint but the health check needs the service key, compared in constant time."""
    if request.path not in PUBLIC_PATHS:
        given = request.headers.get(API_KEY_HEADER, "").encode()
        if not hmac.compare_digest(given, request.app[SETTINGS].api_key.encode()):
            return error_response(401, "unauthorized", f"a valid {API_KEY_HEADER} header is required")
    return await handler(request)


async def _json_body(request: web.Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        raise InvalidRequest("the body must be JSON") from None
    if not isinstance(body, dict):
        raise InvalidRequest("the body must be a JSON object")
    return body


def _limit(request: web.Request) -> int:
    raw = request.query.get("limit", "20")
    if not raw.isdigit() or not 1 <= int(raw) <= 100:
        raise InvalidRequest("limit must be a whole number from 1 to 100")
    return int(raw)


async def handle_health(request: web.Request) -> web.Response:
    """Liveness and the database's reachability."""
    return web.json_response({"status": "ok", "catalog_version": request.app[DATABASE].catalog_version()})


async def handle_catalog(request: web.Request) -> web.Response:
    """Every SKU with a version; a client that sends the version's ETag back gets 304."""
    db = request.app[DATABASE]
    version = db.catalog_version()
    etag = f'"{version}"'
    if request.headers.get("If-None-Match") == etag:
        return web.Response(status=304, headers={"ETag": etag})
    items = [item.to_json() for item in db.catalog()]
    return web.json_response({"version": version, "items": items}, headers={"ETag": etag})


async def handle_catalog_item(request: web.Request) -> web.Response:
    """One SKU."""
    return web.json_response(request.app[DATABASE].catalog_item(request.match_info["sku"]).to_json())


async def handle_admin_add_alias(request: web.Request) -> web.Response:
    """Teach the catalog another name for a SKU, for every store."""
    alias = (await _json_body(request)).get("alias")
    if not isinstance(alias, str):
        raise InvalidRequest("alias must be a string")
    return web.json_response(request.app[DATABASE].add_alias(request.match_info["sku"], alias).to_json())


async def handle_stores_by_phone(request: web.Request) -> web.Response:
    """The stores a phone number orders for (none, one or several)."""
    raw = request.query.get("phone", "")
    try:
        phone = to_e164(raw, request.app[SETTINGS].default_region)
    except InvalidPhone as exc:
        raise InvalidRequest(f"phone: {exc}") from None
    stores = request.app[DATABASE].stores_by_phone(phone)
    return web.json_response({"stores": [store.to_json() for store in stores]})


async def handle_store(request: web.Request) -> web.Response:
    """One store."""
    return web.json_response(request.app[DATABASE].store(request.match_info["store_id"]).to_json())


async def handle_store_consent(request: web.Request) -> web.Response:
    """Opt a store in or out of promotions, recording the source of the change."""
    body = await _json_body(request)
    opt_in, source = body.get("opt_in"), body.get("source")
    if not isinstance(opt_in, bool):
        raise InvalidRequest("opt_in must be true or false")
    if source not in CONSENT_SOURCES:
        raise InvalidRequest(f"source must be one of {', '.join(sorted(CONSENT_SOURCES))}")
    store = request.app[DATABASE].set_promo_consent(request.match_info["store_id"], opt_in, source)
    return web.json_response(store.to_json())


async def handle_store_consent_history(request: web.Request) -> web.Response:
    """Every consent change of a store, oldest first."""
    history = request.app[DATABASE].consent_history(request.match_info["store_id"])
    return web.json_response({"changes": history})


def _whole_number(request: web.Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query.get(name, str(default))
    # Length first: int() refuses very long digit strings, and SQLite integers stop at 2**63 - 1.
    if not (raw.isascii() and raw.isdigit() and len(raw) <= len(str(high)) and low <= int(raw) <= high):
        raise InvalidRequest(f"{name} must be a whole number from {low} to {high}")
    return int(raw)


async def handle_consent_changes(request: web.Request) -> web.Response:
    """Consent changes of every store after change `after`, oldest first; `next_after` pages on."""
    after = _whole_number(request, "after", 0, 0, SQLITE_MAX_INTEGER)
    limit = _whole_number(request, "limit", CONSENT_PAGE_DEFAULT, 1, CONSENT_PAGE_MAX)
    changes = request.app[DATABASE].consent_changes(after, limit)
    next_after = changes[-1].change_id if len(changes) == limit else None
    return web.json_response({"changes": [c.to_json() for c in changes], "next_after": next_after})


async def handle_store_orders(request: web.Request) -> web.Response:
    """A store's orders, newest first."""
    orders = request.app[DATABASE].store_orders(request.match_info["store_id"], _limit(request))
    return web.json_response({"orders": [order.to_json() for order in orders]})


def _requested_lines(body: Mapping[str, Any]) -> list[RequestedLine]:
    lines = body.get("lines")
    if not isinstance(lines, list):
        raise InvalidRequest("lines must be a list")
    parsed = []
    for n, line in enumerate(lines, start=1):
        if not isinstance(line, dict) or not isinstance(line.get("sku"), str):
            raise InvalidRequest(f"line {n}: sku must be a string")
        quantity = line.get("quantity")
        if not isinstance(quantity, int) or isinstance(quantity, bool):
            raise InvalidRequest(f"line {n}: quantity must be a whole number")
        parsed.append(RequestedLine(line["sku"], quantity))
    return parsed


async def handle_create_order(request: web.Request) -> web.Response:
    """Place an order exactly once per Idempotency-Key; a retry gets the same order back."""
    key = request.headers.get("Idempotency-Key", "")
    if not 8 <= len(key) <= 200:
        raise InvalidRequest("an Idempotency-Key header of 8 to 200 characters is required")
    body = await _json_body(request)
    store_id = body.get("store_id")
    if not isinstance(store_id, str) or not store_id:
        raise InvalidRequest("store_id must be a string")
    order, created = request.app[DATABASE].create_order(store_id, _requested_lines(body), key)
    if created:
        log.info("order placed", extra={"ctx_order_id": order.order_id, "ctx_store_id": store_id})
    return web.json_response(order.to_json(), status=201 if created else 200)


async def handle_quote(request: web.Request) -> web.Response:
    """What an order of these lines would cost the store now and every limit it breaks; nothing is placed."""
    body = await _json_body(request)
    store_id = body.get("store_id")
    if not isinstance(store_id, str) or not store_id:
        raise InvalidRequest("store_id must be a string")
    return web.json_response(request.app[DATABASE].quote(store_id, _requested_lines(body)).to_json())


async def handle_order(request: web.Request) -> web.Response:
    """One order by number."""
    return web.json_response(request.app[DATABASE].order(request.match_info["order_id"]).to_json())


async def handle_cancel_order(request: web.Request) -> web.Response:
    """Cancel an order before dispatch."""
    return web.json_response(request.app[DATABASE].cancel_order(request.match_info["order_id"]).to_json())


async def handle_admin_order_status(request: web.Request) -> web.Response:
    """Move an order along placed → confirmed → dispatched → delivered (or cancelled)."""
    body = await _json_body(request)
    status = body.get("status")
    if not isinstance(status, str):
        raise InvalidRequest("status must be a string")
    order = request.app[DATABASE].move_order(request.match_info["order_id"], status)
    return web.json_response(order.to_json())


def _promotion_items(body: Mapping[str, Any]) -> list[PromotionItem]:
    items = body.get("items")
    if not isinstance(items, list):
        raise InvalidRequest("items must be a list")
    parsed = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("sku"), str):
            raise InvalidRequest(f"item {n}: sku must be a string")
        try:
            parsed.append(PromotionItem(item["sku"], Decimal(str(item.get("offer_price")))))
        except InvalidOperation:
            raise InvalidRequest(f"item {n}: offer_price must be an amount") from None
    return parsed


async def handle_admin_create_promotion(request: web.Request) -> web.Response:
    """Create an offer that orders from the stores of its regions are priced at while it runs."""
    body = await _json_body(request)
    title, regions = body.get("title"), body.get("regions", [])
    if not isinstance(title, str) or not title.strip():
        raise InvalidRequest("title must be a non-empty string")
    if not isinstance(regions, list) or not all(isinstance(r, str) for r in regions):
        raise InvalidRequest("regions must be a list of strings")
    starts_at, ends_at = body.get("starts_at"), body.get("ends_at")
    if not isinstance(starts_at, str) or not isinstance(ends_at, str):
        raise InvalidRequest("starts_at and ends_at must be ISO 8601 strings")
    promotion = request.app[DATABASE].create_promotion(
        title.strip(), _promotion_items(body), starts_at, ends_at, regions
    )
    return web.json_response(promotion.to_json(), status=201)


async def handle_promotions(request: web.Request) -> web.Response:
    """Every promotion, newest first."""
    return web.json_response({"promotions": [p.to_json() for p in request.app[DATABASE].promotions()]})


async def handle_promotion(request: web.Request) -> web.Response:
    """One promotion."""
    return web.json_response(request.app[DATABASE].promotion(request.match_info["promo_id"]).to_json())


async def handle_admin_end_promotion(request: web.Request) -> web.Response:
    """Stop an offer now."""
    return web.json_response(request.app[DATABASE].end_promotion(request.match_info["promo_id"]).to_json())


async def handle_store_promotions(request: web.Request) -> web.Response:
    """The offers running now for one store."""
    promotions = request.app[DATABASE].store_promotions(request.match_info["store_id"])
    return web.json_response({"promotions": [p.to_json() for p in promotions]})


def _days(request: web.Request, name: str, default: int) -> int:
    raw = request.query.get(name, str(default))
    if not raw.isdigit() or not 0 <= int(raw) <= 3650:
        raise InvalidRequest(f"{name} must be a whole number of days from 0 to 3650")
    return int(raw)


def _names(request: web.Request, name: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in request.query.get(name, "").split(",") if v.strip())


async def handle_promo_audience(request: web.Request) -> web.Response:
    """One page of the opted-in stores a campaign's filters select, in store id order; `next` pages on."""
    raw_limit = request.query.get("limit", "1000")
    if not raw_limit.isdigit() or not 1 <= int(raw_limit) <= 5000:
        raise InvalidRequest("limit must be a whole number from 1 to 5000")
    query = AudienceQuery(
        regions=_names(request, "region"),
        languages=_names(request, "language"),
        store_types=_names(request, "store_type"),
        bought_category=request.query.get("bought_category", ""),
        bought_within_days=_days(request, "bought_within_days", 30),
        idle_days=_days(request, "idle_days", 0),
        after=request.query.get("after", ""),
        limit=int(raw_limit),
    )
    stores = request.app[DATABASE].promo_audience(query)
    next_after = stores[-1].store_id if len(stores) == query.limit else None
    return web.json_response({"stores": [s.to_json() for s in stores], "next": next_after})


def create_app(settings: BackendSettings) -> web.Application:
    """The platform service, its database opened on start and closed on cleanup."""
    app = web.Application(middlewares=[request_id_middleware, api_key_middleware])
    app[SETTINGS] = settings

    async def database_ctx(app: web.Application) -> AsyncIterator[None]:
        app[DATABASE] = PlatformDatabase(settings.db_path, settings.delivery_days)
        yield
        app[DATABASE].close()

    app.cleanup_ctx.append(database_ctx)
    router = app.router
    router.add_get("/healthz", handle_health, name="health")
    router.add_get("/v1/catalog", handle_catalog, name="catalog")
    router.add_get("/v1/catalog/{sku}", handle_catalog_item, name="catalog_item")
    router.add_post("/v1/admin/catalog/{sku}/aliases", handle_admin_add_alias, name="admin_add_alias")
    router.add_get("/v1/stores", handle_stores_by_phone, name="stores_by_phone")
    router.add_get("/v1/stores/{store_id}", handle_store, name="store")
    router.add_get("/v1/stores/{store_id}/orders", handle_store_orders, name="store_orders")
    router.add_put("/v1/stores/{store_id}/promo-consent", handle_store_consent, name="store_consent")
    router.add_get("/v1/stores/{store_id}/promo-consent", handle_store_consent_history, name="store_consent_history")
    router.add_get("/v1/stores/{store_id}/promotions", handle_store_promotions, name="store_promotions")
    router.add_get("/v1/consent-changes", handle_consent_changes, name="consent_changes")
    router.add_post("/v1/orders", handle_create_order, name="create_order")
    router.add_post("/v1/quotes", handle_quote, name="quote")
    router.add_get("/v1/orders/{order_id}", handle_order, name="order")
    router.add_post("/v1/orders/{order_id}/cancel", handle_cancel_order, name="cancel_order")
    router.add_post("/v1/admin/orders/{order_id}/status", handle_admin_order_status, name="admin_order_status")
    router.add_get("/v1/promo-audience", handle_promo_audience, name="promo_audience")
    router.add_get("/v1/promotions", handle_promotions, name="promotions")
    router.add_get("/v1/promotions/{promo_id}", handle_promotion, name="promotion")
    router.add_post("/v1/admin/promotions", handle_admin_create_promotion, name="admin_create_promotion")
    router.add_post("/v1/admin/promotions/{promo_id}/end", handle_admin_end_promotion, name="admin_end_promotion")
    return app
