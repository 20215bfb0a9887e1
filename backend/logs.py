"""JSON log lines with a request id, shared by every process of the project."""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import datetime, timezone

_PHONE = re.compile(r"\+?\d[\d ]{7,}\d")


def mask_phone(phone: str) -> str:
    """Keep the last three digits of a phone number, enough to tell two apart in a log."""
    digits = [c for c in phone if c.isdigit()]
    return "***" + "".join(digits[-3:]) if digits else "***"


def mask_phones(text: str) -> str:
    """The text with everything that looks like a phone number masked."""
    return _PHONE.sub(lambda m: mask_phone(m.group()), text)


class JsonFormatter(logging.Formatter):
    """One JSON object a line; anything that looks like a phone number in the message or traceback is masked."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": mask_phones(record.getMessage()),
        }
        for key, value in record.__dict__.items():
            if key.startswith("ctx_"):
                entry[key[4:]] = value
        if record.exc_info:
            entry["exc"] = mask_phones(record.exc_text or self.formatException(record.exc_info))
        return json.dumps(entry, default=str)


def configure_logging(level: str = "INFO") -> None:
    """Send every log line to stderr as JSON."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
