"""Sign-in and sign-out, and the middlewares every console request passes: headers, session, CSRF."""

from __future__ import annotations

import hmac
import ipaddress
import logging
import secrets
from typing import Any, Awaitable, Callable, Sequence

import aiohttp_jinja2
import jinja2
from aiohttp import web

from bot.bodies import read_form
from bot.console.sessions import StaffSession
from bot.console.state import CONSOLE
from bot.console.users import StaffUser
from bot.keys import SETTINGS
from bot.settings import Network

log = logging.getLogger("bot.console")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

SESSION_COOKIE = "console_session"
LOGIN_CSRF_COOKIE = "console_login_csrf"
STAFF_KEY = "console_staff"
SESSION_KEY = "console_session"
LOGIN_PATH = "/console/login"
STATIC_PATH = "/console/static/"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CONSOLE_TEMPLATES = web.AppKey("console_templates", jinja2.Environment)

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def staff(request: web.Request) -> StaffUser:
    """The signed-in member of staff."""
    user: StaffUser = request[STAFF_KEY]
    return user


def session(request: web.Request) -> StaffSession:
    """The request's session."""
    current: StaffSession = request[SESSION_KEY]
    return current


def serves_https(request: web.Request) -> bool:
    """True when cookies must be Secure: forced by settings, or the browser reached us over HTTPS."""
    return (
        request.config_dict[SETTINGS].console_secure_cookies
        or request.secure
        or request.headers.get("X-Forwarded-Proto", "").lower() == "https"
    )


def client_address(peer: str, forwarded_for: Sequence[str], trusted: Sequence[Network]) -> str:
    """The address a request came from: the peer, or when the peer is a proxy the operator trusts, the nearest
    address in X-Forwarded-For that is not one (each trusted proxy appends the address it was reached from)."""
    current = _ip(peer)
    if current is None:
        return peer or "unknown"
    hops = [hop.strip() for header in forwarded_for for hop in header.split(",")]
    for hop in reversed(hops):
        if not _trusted(current, trusted):
            break
        previous = _ip(hop)
        if previous is None:
            # Anything a trusted proxy passed on unparsed was written by the client: stop at the proxy.
            break
        current = previous
    return str(current)


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address, trusted: Sequence[Network]) -> bool:
    return any(address.version == network.version and address in network for network in trusted)


def _set_cookie(request: web.Request, response: web.StreamResponse, name: str, value: str, max_age: int) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/console",
        httponly=True,
        samesite="Strict",
        secure=serves_https(request),
    )


@web.middleware
async def console_guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Console paths get security headers, need a session (but sign-in) and a CSRF token on every change."""
    if not (request.path == "/console" or request.path.startswith("/console/")):
        return await handler(request)
    try:
        response = await _require_staff(request, handler)
    except web.HTTPException as exc:
        exc.headers.update(SECURITY_HEADERS)
        raise
    response.headers.update(SECURITY_HEADERS)
    return response


async def _require_staff(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every page but sign-in needs a live session of an existing account."""
    if request.path == LOGIN_PATH or request.path.startswith(STATIC_PATH):
        return await _require_csrf(request, handler)
    console = request.config_dict[CONSOLE]
    current = await console.sessions.get(request.cookies.get(SESSION_COOKIE, ""))
    user = await console.users.get(current.username) if current else None
    if current is None or user is None:
        if current is not None:
            await console.sessions.end(current.session_id)
        if request.method in SAFE_METHODS:
            raise web.HTTPSeeOther(request.app.router["console_login"].url_for())
        raise web.HTTPUnauthorized(text="sign in first")
    request[STAFF_KEY] = user
    request[SESSION_KEY] = current
    return await _require_csrf(request, handler)


async def _require_csrf(request: web.Request, handler: Handler) -> web.StreamResponse:
    """A state-changing request must carry the session's CSRF token (the sign-in form: its cookie's token)."""
    if request.method in SAFE_METHODS:
        return await handler(request)
    # Read once here (aiohttp keeps it for the handler); a malformed form is a 400 with its reason.
    form = await read_form(request)
    sent = form.get("csrf", "") or request.headers.get("X-CSRF-Token", "")
    if request.path == LOGIN_PATH:
        expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    else:
        expected = session(request).csrf_token
    if not expected or not sent or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise web.HTTPForbidden(text="missing or wrong CSRF token; reload the page and try again")
    return await handler(request)


def _login_page(request: web.Request, error: str = "", status: int = 200) -> web.Response:
    token = secrets.token_urlsafe(32)
    response = aiohttp_jinja2.render_template(
        "console/login.html",
        request,
        {"app": request.app, "csrf": token, "error": error},
        status=status,
        app_key=CONSOLE_TEMPLATES,
    )
    _set_cookie(request, response, LOGIN_CSRF_COOKIE, token, 3600)
    return response


async def handle_console_login_page(request: web.Request) -> web.Response:
    """The sign-in form."""
    return _login_page(request)


async def handle_console_login(request: web.Request) -> web.Response:
    """Check the password (throttled); on success end any old session and start a new one."""
    console = request.config_dict[CONSOLE]
    form = await request.post()
    username = str(form.get("username", "")).strip().lower()[:64]
    password = str(form.get("password", ""))[:1024]
    address = client_address(
        request.remote or "",
        request.headers.getall("X-Forwarded-For", []),
        request.config_dict[SETTINGS].console_trusted_proxies,
    )
    wait = await console.throttle.blocked_for(username, address)
    if wait:
        log.warning("sign-in throttled", extra={"ctx_user": username, "ctx_address": address, "ctx_wait": wait})
        response = _login_page(request, f"Too many failed attempts. Try again in {wait // 60 + 1} minutes.", 429)
        response.headers["Retry-After"] = str(wait)
        return response
    user = await console.users.verify(username, password)
    if user is None:
        await console.throttle.failed(username, address)
        log.warning("sign-in refused", extra={"ctx_user": username, "ctx_address": address})
        return _login_page(request, "Wrong user name or password.", 401)
    await console.throttle.succeeded(username, address)
    old = request.cookies.get(SESSION_COOKIE, "")
    if old:
        await console.sessions.end(old)
    fresh = await console.sessions.start(user.username)
    log.info("signed in", extra={"ctx_user": user.username, "ctx_role": user.role})
    response = web.HTTPSeeOther(request.app.router["console_conversations"].url_for())
    _set_cookie(request, response, SESSION_COOKIE, fresh.session_id, request.config_dict[SETTINGS].console_session_idle)
    response.del_cookie(LOGIN_CSRF_COOKIE, path="/console")
    raise response


async def handle_console_logout(request: web.Request) -> web.Response:
    """End the session and forget the cookie."""
    await request.config_dict[CONSOLE].sessions.end(session(request).session_id)
    log.info("signed out", extra={"ctx_user": staff(request).username})
    response = web.HTTPSeeOther(request.app.router["console_login"].url_for())
    response.del_cookie(SESSION_COOKIE, path="/console")
    raise response


def page_context(request: web.Request, **values: Any) -> dict[str, Any]:
    """What every signed-in page's template needs besides its own values."""
    return {"app": request.app, "staff": staff(request), "csrf": session(request).csrf_token, **values}
