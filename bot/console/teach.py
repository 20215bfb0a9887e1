"""Teaching the assistant: the catalog index for re-parsing, and a conversation as a Rasa test story."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import yaml

from backend.catalog import CatalogItem
from backend.client import PlatformClient
from bot.transcripts import TranscriptEntry
from nlu import CatalogIndex, OrderParse, parse_order


@dataclass(frozen=True)
class Catalog:
    """One catalog version and its index."""

    version: str
    items: Mapping[str, CatalogItem]
    index: CatalogIndex


class CatalogCache:
    """The catalog index, rebuilt only when the platform's catalog version changes (a new alias changes it)."""

    def __init__(self, platform: PlatformClient) -> None:
        self._platform = platform
        self._catalog: Catalog | None = None

    async def current(self) -> Catalog:
        """The catalog as the platform has it now."""
        snapshot = await self._platform.catalog()
        if self._catalog is None or self._catalog.version != snapshot.version:
            items = {item.sku: item for item in snapshot.items}
            self._catalog = Catalog(snapshot.version, items, CatalogIndex.build(snapshot.items))
        return self._catalog


def reparse(text: str, catalog: Catalog, learned: Mapping[str, str]) -> OrderParse:
    """The message read again with today's catalog and the store's learned phrases."""
    return parse_order(text, catalog.index, learned)


def rasa_test_story(phone: str, entries: Sequence[TranscriptEntry]) -> str:
    """The conversation as a Rasa end-to-end test story: each message with its intent, each reply as bot text."""
    steps: list[dict[str, str]] = []
    for entry in entries:
        if entry.direction == "in":
            step = {"user": entry.text}
            if entry.understanding.intent:
                step["intent"] = entry.understanding.intent
            steps.append(step)
        elif entry.text:
            steps.append({"bot": entry.text})
    story = {"version": "3.1", "stories": [{"story": f"conversation {phone}", "steps": steps}]}
    return str(yaml.safe_dump(story, allow_unicode=True, sort_keys=False, width=1000))
