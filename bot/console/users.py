"""Staff accounts: argon2 password hashes, a role, and the regions an agent may see."""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from redis.asyncio import Redis

AGENT = "agent"
ADMIN = "admin"
ROLES = (AGENT, ADMIN)
MIN_PASSWORD = 12
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")


class UserError(ValueError):
    """A staff account cannot be created or changed as asked."""


@dataclass(frozen=True)
class StaffUser:
    """A member of the support staff; an agent with no regions sees every region."""

    username: str
    role: str
    regions: tuple[str, ...] = ()
    password_hash: str = field(default="", repr=False)

    @property
    def is_admin(self) -> bool:
        """True for admins (users, campaigns, aliases for every store)."""
        return self.role == ADMIN

    def may_see(self, regions: tuple[str, ...]) -> bool:
        """True when the user may open a conversation of stores in these regions."""
        return self.is_admin or not self.regions or any(r in self.regions for r in regions)

    def to_json(self) -> str:
        """The stored form."""
        return json.dumps(
            {"username": self.username, "role": self.role, "regions": list(self.regions), "hash": self.password_hash}
        )

    @classmethod
    def from_json(cls, raw: str) -> StaffUser:
        """Read the stored form."""
        data = json.loads(raw)
        return cls(data["username"], data["role"], tuple(data.get("regions", ())), data["hash"])


def parse_regions(raw: str) -> tuple[str, ...]:
    """Regions typed as a comma-separated list, trimmed, without duplicates."""
    return tuple(dict.fromkeys(r.strip() for r in raw.split(",") if r.strip()))


def check_new_user(username: str, password: str, role: str) -> None:
    """Refuse a malformed user name, an unknown role or a short password."""
    if not _USERNAME.match(username):
        raise UserError("user names are 2-40 lower-case letters, digits, dots, dashes or underscores")
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}")
    check_password(password)


def check_password(password: str) -> None:
    """Refuse a password shorter than the minimum."""
    if len(password) < MIN_PASSWORD:
        raise UserError(f"passwords have at least {MIN_PASSWORD} characters")


class UserStore:
    """Staff accounts in one Redis hash; hashing runs off the event loop."""

    def __init__(self, redis: Redis, prefix: str, hasher: PasswordHasher | None = None) -> None:
        self._redis = redis
        self._key = f"{prefix}:console:users"
        self._hasher = hasher or PasswordHasher()
        # Verifying against this when the user is unknown keeps sign-in time the same either way.
        self._dummy = self._hasher.hash("not-a-password-of-anyone")

    async def add(self, username: str, password: str, role: str, regions: tuple[str, ...] = ()) -> StaffUser:
        """Create an account; refuses a taken name."""
        user = await self._create(username, password, role, regions)
        if user is None:
            raise UserError(f"user {username} exists")
        return user

    async def _create(self, username: str, password: str, role: str, regions: tuple[str, ...]) -> StaffUser | None:
        """The account, created unless its name is taken (then None)."""
        check_new_user(username, password, role)
        hashed = await asyncio.to_thread(self._hasher.hash, password)
        user = StaffUser(username, role, regions, hashed)
        return user if await self._redis.hsetnx(self._key, username, user.to_json()) else None

    async def ensure_admin(self, username: str, password: str) -> bool:
        """Create the first admin from settings unless that account exists; True when created.

        Gateways started together all try: one creates the account, the others find it taken.
        """
        if await self.get(username) is not None:
            return False
        return await self._create(username, password, ADMIN, ()) is not None

    async def get(self, username: str) -> StaffUser | None:
        """One account, or None."""
        raw = await self._redis.hget(self._key, username)
        return StaffUser.from_json(raw) if raw else None

    async def all(self) -> list[StaffUser]:
        """Every account, by name."""
        rows = await self._redis.hgetall(self._key)
        return sorted((StaffUser.from_json(v) for v in rows.values()), key=lambda u: u.username)

    async def update(self, username: str, role: str, regions: tuple[str, ...], password: str = "") -> StaffUser:
        """Change an account's role and regions, and its password when one is given."""
        user = await self.get(username)
        if user is None:
            raise UserError(f"no user {username}")
        if role not in ROLES:
            raise UserError(f"role must be one of {', '.join(ROLES)}")
        hashed = user.password_hash
        if password:
            check_password(password)
            hashed = await asyncio.to_thread(self._hasher.hash, password)
        changed = StaffUser(username, role, regions, hashed)
        await self._redis.hset(self._key, username, changed.to_json())
        return changed

    async def remove(self, username: str) -> None:
        """Delete an account."""
        await self._redis.hdel(self._key, username)

    async def verify(self, username: str, password: str) -> StaffUser | None:
        """The account when the password is right, else None."""
        user = await self.get(username)
        hashed = user.password_hash if user else self._dummy
        try:
            await asyncio.to_thread(self._hasher.verify, hashed, password)
        except (VerificationError, InvalidHashError):
            return None
        return user
