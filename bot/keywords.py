"""Opt-out and opt-in keywords (bot/keywords.json), matched on the whole message like carriers do."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

KEYWORDS_FILE = Path(__file__).with_name("keywords.json")

_PUNCTUATION = re.compile(r"[^\w\s]", re.UNICODE)
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Upper case, punctuation dropped, spaces collapsed: `  stop! ` reads as `STOP`."""
    return _SPACES.sub(" ", _PUNCTUATION.sub("", text)).strip().upper()


@dataclass(frozen=True)
class Keywords:
    """The words that switch promotions off and on (the gateway's answers are in bot/replies.py)."""

    opt_out: frozenset[str]
    opt_in: frozenset[str]

    @classmethod
    def load(cls, path: Path = KEYWORDS_FILE) -> Keywords:
        """Read the keywords file."""
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            frozenset(normalise(w) for w in data["opt_out"]),
            frozenset(normalise(w) for w in data["opt_in"]),
        )

    def consent(self, text: str) -> bool | None:
        """False for an opt-out keyword, True for an opt-in keyword, None for anything else."""
        word = normalise(text)
        if word in self.opt_out:
            return False
        if word in self.opt_in:
            return True
        return None
