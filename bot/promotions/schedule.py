"""Quiet hours in each store's own timezone: when a promotion may go out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class InvalidQuietHours(ValueError):
    """Quiet hours not written as HH:MM-HH:MM."""


@dataclass(frozen=True)
class QuietHours:
    """Local times between which no promotion is sent; `start` after `end` spans midnight (20:00-08:00)."""

    start: time = time(20, 0)
    end: time = time(8, 0)

    @classmethod
    def parse(cls, text: str) -> QuietHours:
        """`20:00-08:00`; an empty string or `off` means no quiet hours."""
        if text.strip().lower() in ("", "off", "none"):
            return cls(time(0, 0), time(0, 0))
        try:
            start, end = (time.fromisoformat(part.strip()) for part in text.split("-"))
        except ValueError:
            raise InvalidQuietHours(f"quiet hours must look like 20:00-08:00, not {text!r}") from None
        return cls(start, end)

    def is_quiet(self, local: time) -> bool:
        """True when a local wall-clock time falls inside the quiet hours."""
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def next_allowed(self, now: float, tz_name: str) -> float:
        """The earliest moment at or after `now` (epoch seconds) outside the quiet hours in the store's timezone."""
        zone = _zone(tz_name)
        local = datetime.fromtimestamp(now, timezone.utc).astimezone(zone)
        if not self.is_quiet(local.time()):
            return now
        end = local.replace(hour=self.end.hour, minute=self.end.minute, second=0, microsecond=0)
        if end <= local:
            end = (end + timedelta(days=1)).replace(tzinfo=zone)
        # Rebuild from wall-clock parts so a daylight-saving change in between lands on the local end time.
        wall = datetime(end.year, end.month, end.day, end.hour, end.minute, tzinfo=zone)
        return wall.timestamp()


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")
