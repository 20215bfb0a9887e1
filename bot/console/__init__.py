"""The support console: staff review conversations, take over, and teach the assistant (mounted at /console)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import AsyncIterator

import aiohttp_jinja2
import jinja2
from aiohttp import web

from bot.console import auth, views
from bot.console.campaigns import add_campaign_routes
from bot.console.directory import StoreDirectory
from bot.console.reviews import ReviewStore
from bot.console.sessions import LoginThrottle, SessionStore
from bot.console.state import CONSOLE, Console
from bot.console.users import UserStore
from bot.keys import GATEWAY, SETTINGS
from nlu import CatalogCache, RedisAliasStore

log = logging.getLogger("bot.console")

STATIC = Path(__file__).resolve().parent.parent / "static" / "console"


async def console_ctx(app: web.Application) -> AsyncIterator[None]:
    """Build the console over the gateway's open connections; create the first admin from settings."""
    settings = app[SETTINGS]
    gateway = app[GATEWAY]
    prefix = settings.key_prefix
    users = UserStore(gateway.redis, prefix)
    app[CONSOLE] = Console(
        users=users,
        sessions=SessionStore(gateway.redis, prefix, settings.console_session_idle),
        throttle=LoginThrottle(gateway.redis, prefix, settings.console_login_attempts, settings.console_login_window),
        reviews=ReviewStore(gateway.redis, prefix),
        directory=StoreDirectory(gateway.platform),
        catalog=CatalogCache(gateway.platform),
        # The same phrases the assistant's actions learn and read: one store, one Redis.
        aliases=RedisAliasStore(gateway.redis),
    )
    if settings.console_admin_user and await users.ensure_admin(
        settings.console_admin_user, settings.console_admin_password
    ):
        log.info("first console admin created from settings", extra={"ctx_user": settings.console_admin_user})
    yield


def add_console(app: web.Application) -> None:
    """Mount the console under /console; its state is built after the gateway's."""
    app.cleanup_ctx.append(console_ctx)
    app.middlewares.append(auth.console_guard)
    aiohttp_jinja2.setup(
        app, loader=jinja2.PackageLoader("bot", "templates"), autoescape=True, app_key=auth.CONSOLE_TEMPLATES
    )
    router = app.router
    router.add_static("/console/static", STATIC, name="console_static")
    router.add_get("/console/login", auth.handle_console_login_page, name="console_login")
    router.add_post("/console/login", auth.handle_console_login)
    router.add_post("/console/logout", auth.handle_console_logout, name="console_logout")
    router.add_get("/console/", views.handle_console_conversations, name="console_conversations")
    router.add_get("/console/dashboard", views.handle_console_dashboard, name="console_dashboard")
    conversation = "/console/conversations/{phone}"
    router.add_get(conversation, views.handle_console_conversation, name="console_conversation")
    router.add_get(f"{conversation}/messages", views.handle_console_messages, name="console_messages")
    router.add_get(f"{conversation}/story.yml", views.handle_console_story, name="console_story")
    router.add_post(f"{conversation}/takeover", views.handle_console_take_over, name="console_take_over")
    router.add_post(f"{conversation}/reply", views.handle_console_reply, name="console_reply")
    router.add_post(f"{conversation}/handback", views.handle_console_hand_back, name="console_hand_back")
    router.add_post(f"{conversation}/aliases", views.handle_console_teach, name="console_teach")
    router.add_post(conversation + "/{what}", views.handle_console_review, name="console_review")
    router.add_get("/console/users", views.handle_console_users, name="console_users")
    router.add_post("/console/users", views.handle_console_user_save)
    router.add_post("/console/users/{username}/remove", views.handle_console_user_remove, name="console_user_remove")
    add_campaign_routes(router)
