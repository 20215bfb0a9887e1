"""Rasa's log records scrubbed as they are made: phone numbers masked, message bodies only at DEBUG.

Rasa logs through the standard library and through structlog (one JSON object a record, with
`FORCE_JSON_LOGGING`), and Sanic and coloredlogs bring handlers of their own; scrubbing each record when
it is created reaches every handler, whoever installed it.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, timezone
from typing import Any, Callable

from backend.logs import JsonFormatter, mask_phones

HIDDEN = "[hidden]"

# Keys of Rasa's structlog events that carry what a person wrote or was told (Rasa's own anonymizer's list),
# and `locals`: the variables of every frame of a traceback, which hold all of it and secrets besides.
BODY_KEYS = frozenset(
    {
        "text",
        "response_text",
        "user_text",
        "slot_values",
        "parse_data_text",
        "parse_data_entities",
        "prediction_events",
        "tracker_latest_message",
        "prefilled_slots",
        "message",
        "response",
        "slot_candidates",
        "rasa_event",
        "rasa_events",
        "tracker_states",
        "current_states",
        "old_states",
        "successes",
        "current_entity",
        "next_entity",
        "states",
        "entity",
        "token_text",
        "user_message",
        "json_message",
        "metadata",
    }
)
ALWAYS_HIDDEN = frozenset({"locals"})


def scrub_event(value: Any, hide_bodies: bool) -> Any:
    """A structlog event (or any part of one) with bodies hidden when asked, locals hidden, phones masked."""
    if isinstance(value, dict):
        return {
            key: HIDDEN
            if key in ALWAYS_HIDDEN or (hide_bodies and key in BODY_KEYS)
            else scrub_event(item, hide_bodies)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [scrub_event(item, hide_bodies) for item in value]
    if isinstance(value, str):
        return mask_phones(value)
    return value


def scrub_message(message: str, level: int) -> str:
    """A record's message: a structlog JSON event scrubbed key by key, anything else with its phones masked."""
    event = _json_object(message) if message.startswith("{") else None
    if event is not None:
        return json.dumps(scrub_event(event, hide_bodies=level > logging.DEBUG), default=str)
    return mask_phones(message)


_formatter = logging.Formatter()


def scrub_record(record: logging.LogRecord) -> None:
    """Scrub a record in place: its message, and its traceback formatted now so no handler formats it raw."""
    try:
        message = record.getMessage()
    except (TypeError, ValueError):
        # A logging call whose arguments do not fit its format: logging reports that itself, later.
        return
    record.msg = scrub_message(message, record.levelno)
    record.args = None
    if record.exc_info and not record.exc_text:
        record.exc_text = mask_phones(_formatter.formatException(record.exc_info))
    if record.stack_info:
        record.stack_info = mask_phones(record.stack_info)


def install_record_scrubbing() -> None:
    """Make every log record of this process scrubbed from the moment it is created."""
    make: Callable[..., logging.LogRecord] = logging.getLogRecordFactory()

    def scrubbed_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make(*args, **kwargs)
        scrub_record(record)
        return record

    logging.setLogRecordFactory(scrubbed_record)


class RasaJsonFormatter(JsonFormatter):
    """Our JSON lines for Rasa's records: a structlog event's keys at the top level, beside time and logger."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        event = _json_object(message) if message.startswith("{") else None
        if event is None:
            return super().format(record)
        entry = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "logger": record.name,
            **event,
            "level": record.levelname.lower(),
        }
        return json.dumps(entry, default=str)


def _json_object(text: str) -> dict[str, Any] | None:
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
