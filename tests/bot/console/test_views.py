"""The console's views against the real gateway: sign-in, sessions, CSRF, roles, region limits, throttling."""

from __future__ import annotations

from bot.console.auth import SESSION_COOKIE
from bot.keys import GATEWAY
from tests.bot.conftest import OTHER_STORE_PHONE, STORE_PHONE, StackFactory, eventually
from tests.bot.console.conftest import (
    ADMIN,
    ADMIN_PASSWORD,
    AGENT_PASSWORD,
    ConsoleStack,
    csrf_of,
    page_token,
    sign_in,
)


def _session_cookie(console: ConsoleStack) -> str:
    return next(c.value for c in console.client.session.cookie_jar if c.key == SESSION_COOKIE)


async def _status_with_session(console: ConsoleStack, session_id: str) -> int:
    """The list page's status for a browser that presents only this session cookie."""
    console.client.session.cookie_jar.clear()
    response = await console.client.get(
        "/console/", headers={"Cookie": f"{SESSION_COOKIE}={session_id}"}, allow_redirects=False
    )
    return response.status


async def test_first_admin_from_settings_signs_in(console: ConsoleStack) -> None:
    response = await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    assert response.status == 303
    page = await (await console.client.get("/console/")).text()
    assert "Conversations" in page and "admin (admin)" in page


async def test_pages_redirect_to_sign_in_without_a_session(console: ConsoleStack) -> None:
    response = await console.client.get("/console/", allow_redirects=False)
    assert response.status == 303 and response.headers["Location"] == "/console/login"


async def test_wrong_password_is_refused(console: ConsoleStack) -> None:
    response = await sign_in(console.client, ADMIN, "not-the-password")
    assert response.status == 401
    assert (await console.client.get("/console/", allow_redirects=False)).status == 303


async def test_session_cookie_is_httponly_and_samesite(console: ConsoleStack) -> None:
    response = await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    cookie = response.cookies[SESSION_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Strict" and not cookie["secure"]


async def test_session_cookie_is_secure_when_served_over_https(console: ConsoleStack) -> None:
    page = await (await console.client.get("/console/login")).text()
    response = await console.client.post(
        "/console/login",
        data={"username": ADMIN, "password": ADMIN_PASSWORD, "csrf": csrf_of(page)},
        headers={"X-Forwarded-Proto": "https"},
        allow_redirects=False,
    )
    assert response.status == 303 and response.cookies[SESSION_COOKIE]["secure"]


async def test_pages_send_security_headers(console: ConsoleStack) -> None:
    response = await console.client.get("/console/login")
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"


async def test_sign_in_rotates_the_session(console: ConsoleStack) -> None:
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    first = _session_cookie(console)
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    second = _session_cookie(console)
    assert first != second
    assert await _status_with_session(console, second) == 200
    assert await _status_with_session(console, first) == 303


async def test_sign_out_ends_the_session(console: ConsoleStack) -> None:
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    cookie = _session_cookie(console)
    token = await page_token(console.client)
    response = await console.client.post("/console/logout", data={"csrf": token}, allow_redirects=False)
    assert response.status == 303
    assert await _status_with_session(console, cookie) == 303


async def test_session_idle_longer_than_the_timeout_is_signed_out(console: ConsoleStack) -> None:
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    redis = console.stack.redis
    keys = await redis.keys(f"{console.stack.settings.key_prefix}:console:session:*")
    for key in keys:
        await redis.pexpire(key, 1)

    # Wait for Redis to have expired them, so no request can touch a session in its last millisecond.
    async def expired() -> bool:
        return not await redis.exists(*keys)

    await eventually(expired)
    assert (await console.client.get("/console/", allow_redirects=False)).status == 303


async def test_post_without_csrf_token_is_forbidden(console: ConsoleStack) -> None:
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    response = await console.client.post(f"/console/conversations/{STORE_PHONE}/reviewed")
    assert response.status == 403


async def test_post_with_another_sessions_csrf_token_is_forbidden(console: ConsoleStack) -> None:
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    old_token = await page_token(console.client)
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    response = await console.client.post(f"/console/conversations/{STORE_PHONE}/reviewed", data={"csrf": old_token})
    assert response.status == 403


async def test_sign_in_without_csrf_token_is_forbidden(console: ConsoleStack) -> None:
    response = await console.client.post("/console/login", data={"username": ADMIN, "password": ADMIN_PASSWORD})
    assert response.status == 403


async def test_repeated_failed_sign_ins_are_throttled(make_stack: StackFactory) -> None:
    console = ConsoleStack(
        await make_stack(CONSOLE_ADMIN_USER=ADMIN, CONSOLE_ADMIN_PASSWORD=ADMIN_PASSWORD, CONSOLE_LOGIN_ATTEMPTS="3")
    )
    for _ in range(3):
        assert (await sign_in(console.client, ADMIN, "wrong-password-here")).status == 401
    response = await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    assert response.status == 429 and int(response.headers["Retry-After"]) > 0


async def test_agent_cannot_open_staff_accounts(console: ConsoleStack) -> None:
    await console.add_user("amina")
    await sign_in(console.client, "amina", AGENT_PASSWORD)
    assert (await console.client.get("/console/users")).status == 403
    token = await page_token(console.client)
    response = await console.client.post(
        "/console/users", data={"csrf": token, "username": "eve", "password": "x" * 12, "role": "admin"}
    )
    assert response.status == 403


async def test_admin_adds_an_agent_who_can_sign_in(console: ConsoleStack) -> None:
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    token = await page_token(console.client, "/console/users")
    response = await console.client.post(
        "/console/users",
        data={"csrf": token, "username": "baraka", "password": AGENT_PASSWORD, "role": "agent", "regions": "Nairobi"},
        allow_redirects=False,
    )
    assert response.status == 303 and "done=user_saved" in response.headers["Location"]
    assert (await sign_in(console.client, "baraka", AGENT_PASSWORD)).status == 303


async def test_agent_cannot_open_another_regions_conversation_by_url(console: ConsoleStack) -> None:
    await console.store_says("5 ctn coke", phone=STORE_PHONE)
    await console.store_says("2 bags sugar", phone=OTHER_STORE_PHONE)
    directory = console.client.app[GATEWAY].platform
    own = (await directory.stores_by_phone(STORE_PHONE))[0].region
    other = (await directory.stores_by_phone(OTHER_STORE_PHONE))[0].region
    assert own != other
    await console.add_user("amina", regions=(own,))
    await sign_in(console.client, "amina", AGENT_PASSWORD)
    assert (await console.client.get(f"/console/conversations/{STORE_PHONE}")).status == 200
    assert (await console.client.get(f"/console/conversations/{OTHER_STORE_PHONE}")).status == 403
    listing = await (await console.client.get("/console/")).text()
    assert STORE_PHONE in listing and OTHER_STORE_PHONE not in listing
