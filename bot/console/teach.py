"""Teaching the assistant: a message re-parsed, and a conversation as a Rasa test story."""

from __future__ import annotations

from typing import Mapping, Sequence

import yaml

from bot.messages import Direction
from bot.transcripts import TranscriptEntry
from nlu import Catalog, OrderParse, parse_order


def reparse(text: str, catalog: Catalog, learned: Mapping[str, str]) -> OrderParse:
    """The message read again with today's catalog and the store's learned phrases."""
    return parse_order(text, catalog.index, learned)


def rasa_test_story(phone: str, entries: Sequence[TranscriptEntry]) -> str:
    """The conversation as a Rasa end-to-end test story: each message with its intent, each reply as bot text."""
    steps: list[dict[str, str]] = []
    for entry in entries:
        if entry.direction == Direction.IN:
            step = {"user": entry.text}
            if entry.understanding.intent:
                step["intent"] = entry.understanding.intent
            steps.append(step)
        elif entry.text:
            steps.append({"bot": entry.text})
    story = {"version": "3.1", "stories": [{"story": f"conversation {phone}", "steps": steps}]}
    return str(yaml.safe_dump(story, allow_unicode=True, sort_keys=False, width=1000))
