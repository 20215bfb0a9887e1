"""`python -m bot` runs the gateway; `handback`, `outbox status`, `users add`, `promotions` and `wechat link` are for
operators."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys
from typing import Callable

import aiohttp
from aiohttp import web

from backend.devenv import command_environment
from backend.logs import configure_logging
from backend.phones import InvalidPhone, to_e164
from bot.app import build_gateway, create_app, open_redis
from bot.console.users import ROLES, UserError, UserStore, parse_regions
from bot.promotions import cli as promotions_cli
from bot.rasa import RasaUnavailable
from bot.settings import Settings, SettingsError
from bot.wechat import WeChatLinks


async def hand_back(settings: Settings, phone: str, answer_unanswered: bool = False) -> int:
    """Give a conversation back to the assistant; the number of reply messages queued."""
    redis = open_redis(settings)
    async with aiohttp.ClientSession() as http:
        gateway = build_gateway(settings, redis, http)
        try:
            return await gateway.inbox.hand_back(phone, answer_unanswered)
        finally:
            await gateway.platform.close()
            await redis.close(close_connection_pool=True)


async def outbox_status(settings: Settings) -> dict[str, int]:
    """How many messages wait in the inbound queue and the outbox, and how many failed for good."""
    redis = open_redis(settings)
    async with aiohttp.ClientSession() as http:
        gateway = build_gateway(settings, redis, http)
        try:
            return {
                "inbound_waiting": await gateway.inbox.stream.backlog(),
                "inbound_in_progress": await gateway.inbox.stream.pending(),
                "outbox_waiting": await gateway.outbox.stream.backlog(),
                "outbox_in_progress": await gateway.outbox.stream.pending(),
                "outbox_failed": int(await redis.xlen(f"{settings.key_prefix}:outbox-failed")),
            }
        finally:
            await gateway.platform.close()
            await redis.close(close_connection_pool=True)


async def wechat_link_code(settings: Settings, phone: str) -> tuple[str, list[str]]:
    """A link code for the store phone and the names of its stores; no code for a phone no store has."""
    redis = open_redis(settings)
    async with aiohttp.ClientSession() as http:
        gateway = build_gateway(settings, redis, http)
        try:
            names = [store.name for store in await gateway.platform.stores_by_phone(phone)]
            return (await WeChatLinks(redis, settings.key_prefix).issue_code(phone) if names else ""), names
        finally:
            await gateway.platform.close()
            await redis.close(close_connection_pool=True)


async def add_user(settings: Settings, username: str, password: str, role: str, regions: tuple[str, ...]) -> None:
    """Create a console account."""
    redis = open_redis(settings)
    try:
        await UserStore(redis, settings.key_prefix).add(username, password, role, regions)
    finally:
        await redis.close(close_connection_pool=True)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    password = getpass.getpass("password: ")
    if getpass.getpass("again: ") != password:
        raise UserError("the passwords differ")
    return password


def _parser() -> argparse.ArgumentParser:
    """The gateway's commands and their arguments."""
    parser = argparse.ArgumentParser(prog="python -m bot", description="The messaging gateway.")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("serve", help="run the gateway (the default)")
    handback = commands.add_parser("handback", help="give a conversation back to the assistant")
    handback.add_argument("phone")
    handback.add_argument(
        "--answer", action="store_true", help="let the assistant answer the store's messages no one answered, in order"
    )
    outbox = commands.add_parser("outbox", help="inspect the queues")
    outbox.add_argument("what", choices=["status"])
    promotions_cli.add_commands(commands)
    wechat = commands.add_parser("wechat", help="WeChat accounts")
    wechat_commands = wechat.add_subparsers(dest="wechat_command", required=True)
    link = wechat_commands.add_parser("link", help="a one-time code that links a WeChat account to a store phone")
    link.add_argument("phone")
    users = commands.add_parser("users", help="support console accounts")
    users_commands = users.add_subparsers(dest="users_command", required=True)
    add = users_commands.add_parser("add", help="add a console account (the password is asked for)")
    add.add_argument("username")
    add.add_argument("--role", choices=ROLES, default="agent")
    add.add_argument("--regions", default="", help="comma-separated regions an agent is limited to; empty for all")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    return parser


def _hand_back(settings: Settings, args: argparse.Namespace) -> int:
    try:
        phone = to_e164(args.phone, settings.default_region)
        queued = asyncio.run(hand_back(settings, phone, args.answer))
    except (InvalidPhone, RasaUnavailable) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"handed back {phone}; {queued} message(s) queued")
    return 0


def _wechat_link(settings: Settings, args: argparse.Namespace) -> int:
    try:
        phone = to_e164(args.phone, settings.default_region)
    except InvalidPhone as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    code, stores = asyncio.run(wechat_link_code(settings, phone))
    if not code:
        print(f"error: no store has the phone {phone}", file=sys.stderr)
        return 1
    print(f"link code for {phone} ({', '.join(stores)}): {code}")
    print("the store owner sends it to the WeChat Official Account within 7 days; it works once")
    return 0


def _add_user(settings: Settings, args: argparse.Namespace) -> int:
    try:
        password = _read_password(args.password_stdin)
        asyncio.run(add_user(settings, args.username, password, args.role, parse_regions(args.regions)))
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"added {args.role} {args.username}")
    return 0


def _outbox_status(settings: Settings, args: argparse.Namespace) -> int:
    for name, value in asyncio.run(outbox_status(settings)).items():
        print(f"{name}: {value}")
    return 0


COMMANDS: dict[str, Callable[[Settings, argparse.Namespace], int]] = {
    "handback": _hand_back,
    "wechat": _wechat_link,
    "users": _add_user,
    "promotions": promotions_cli.run,
    "outbox": _outbox_status,
}


def main(argv: list[str] | None = None) -> int:
    """Parse settings and run the command."""
    args = _parser().parse_args(argv)
    env = command_environment(os.environ)
    configure_logging(env.get("LOG_LEVEL", "INFO"))
    try:
        settings = Settings.from_env(env)
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    command = COMMANDS.get(args.command or "serve")
    if command is not None:
        return command(settings, args)
    web.run_app(create_app(settings), host=settings.host, port=settings.port, access_log=None, print=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
