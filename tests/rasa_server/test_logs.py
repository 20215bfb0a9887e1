"""Rasa's log records are scrubbed as they are made: phone numbers masked, bodies only at DEBUG, no locals."""

from __future__ import annotations

import io
import json
import logging
from typing import Iterator

import pytest

from rasa_server.logs import RasaJsonFormatter, install_record_scrubbing, scrub_message

PHONE = "+254712000009"


@pytest.fixture
def scrubbed() -> Iterator[io.StringIO]:
    """Records of this process scrubbed, and a stream where a handler of someone else's writes them."""
    factory = logging.getLogRecordFactory()
    install_record_scrubbing()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    logger = logging.getLogger("sanic.error.test")
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    yield stream
    logger.removeHandler(handler)
    logging.setLogRecordFactory(factory)


def test_circuit_breaker_warning_masks_the_sender() -> None:
    message = f"Circuit breaker tripped. Stopped predicting more actions for sender '{PHONE}'."
    scrubbed = scrub_message(message, logging.WARNING)
    assert "254712000009" not in scrubbed and "***009" in scrubbed


def test_structlog_event_hides_the_text_above_debug_and_keeps_it_at_debug() -> None:
    event = json.dumps({"event": "rest.message.received.failure", "text": "pls send 5 ctn coke", "level": "error"})
    assert json.loads(scrub_message(event, logging.ERROR))["text"] == "[hidden]"
    assert json.loads(scrub_message(event, logging.DEBUG))["text"] == "pls send 5 ctn coke"


def test_structlog_traceback_loses_its_locals_and_masks_phones() -> None:
    event = {
        "event": "rest.message.received.failure",
        "exception": [
            {
                "exc_value": f"no tracker for {PHONE}",
                "frames": [{"name": "receive", "locals": {"sender_id": PHONE, "text": "5 omo"}}],
            }
        ],
    }
    scrubbed = json.loads(scrub_message(json.dumps(event), logging.DEBUG))
    assert scrubbed["exception"][0]["frames"][0]["locals"] == "[hidden]"
    assert "254712000009" not in json.dumps(scrubbed)


def test_any_handler_gets_records_scrubbed_tracebacks_included(scrubbed: io.StringIO) -> None:
    logger = logging.getLogger("sanic.error.test")
    logger.warning("Circuit breaker tripped for sender '%s'.", PHONE)
    try:
        raise KeyError(f"lock for conversation {PHONE}")
    except KeyError:
        logger.exception("Exception occurred while handling uri: 'http://x/conversations/%s/tracker'", PHONE)
    output = scrubbed.getvalue()
    assert "254712000009" not in output
    assert output.count("***009") == 3


def test_formatter_writes_a_structlog_event_as_one_json_line() -> None:
    record = logging.LogRecord("rasa.core.channels.rest", logging.ERROR, __file__, 1, "", None, None)
    record.msg = json.dumps({"event": "rest.message.received.failure", "text": "[hidden]", "level": "error"})
    line = json.loads(RasaJsonFormatter().format(record))
    assert (line["event"], line["logger"], line["level"], line["text"]) == (
        "rest.message.received.failure",
        "rasa.core.channels.rest",
        "error",
        "[hidden]",
    )
