"""The console's parts, built once the gateway's connections are open."""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from bot.console.directory import StoreDirectory
from bot.console.reviews import ReviewStore
from bot.console.sessions import LoginThrottle, SessionStore
from bot.console.users import UserStore
from nlu import AliasStore, CatalogCache


@dataclass(frozen=True)
class Console:
    """Staff accounts, sessions and marks in Redis; the platform's stores and catalog seen through caches."""

    users: UserStore
    sessions: SessionStore
    throttle: LoginThrottle
    reviews: ReviewStore
    directory: StoreDirectory
    catalog: CatalogCache
    aliases: AliasStore


CONSOLE = web.AppKey("console", Console)
