"""`python -m bot` runs the gateway; `handback`, `outbox status`, `users add` and `promotions` are for operators."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys

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


async def hand_back(settings: Settings, phone: str) -> int:
    """Give a conversation back to the assistant; the number of reply messages queued."""
    redis = open_redis(settings)
    async with aiohttp.ClientSession() as http:
        gateway = build_gateway(settings, redis, http)
        try:
            return await gateway.inbox.hand_back(phone)
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


def main(argv: list[str] | None = None) -> int:
    """Parse settings and run the command."""
    parser = argparse.ArgumentParser(prog="python -m bot", description="The messaging gateway.")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("serve", help="run the gateway (the default)")
    handback = commands.add_parser("handback", help="give a conversation back to the assistant")
    handback.add_argument("phone")
    outbox = commands.add_parser("outbox", help="inspect the queues")
    outbox.add_argument("what", choices=["status"])
    promotions_cli.add_commands(commands)
    users = commands.add_parser("users", help="support console accounts")
    users_commands = users.add_subparsers(dest="users_command", required=True)
    add = users_commands.add_parser("add", help="add a console account (the password is asked for)")
    add.add_argument("username")
    add.add_argument("--role", choices=ROLES, default="agent")
    add.add_argument("--regions", default="", help="comma-separated regions an agent is limited to; empty for all")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    args = parser.parse_args(argv)

    env = command_environment(os.environ)
    configure_logging(env.get("LOG_LEVEL", "INFO"))
    try:
        settings = Settings.from_env(env)
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.command == "handback":
        try:
            phone = to_e164(args.phone, settings.default_region)
            queued = asyncio.run(hand_back(settings, phone))
        except (InvalidPhone, RasaUnavailable) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"handed back {phone}; {queued} message(s) queued")
        return 0
    if args.command == "users":
        try:
            password = _read_password(args.password_stdin)
            asyncio.run(add_user(settings, args.username, password, args.role, parse_regions(args.regions)))
        except UserError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"added {args.role} {args.username}")
        return 0
    if args.command == "promotions":
        return promotions_cli.run(settings, args)
    if args.command == "outbox":
        for name, value in asyncio.run(outbox_status(settings)).items():
            print(f"{name}: {value}")
        return 0
    web.run_app(create_app(settings), host=settings.host, port=settings.port, access_log=None, print=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
