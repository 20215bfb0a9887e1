"""Whatever arrives by SMS, parsing returns a well-formed result quickly and never raises."""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlu import CatalogIndex, OrderParse, parse_order

ORDER_WORDS = ["vimba", "korro", "5", "ctn", "na", "x3", "half", "dozen", "350ml", ",", "\n", "sorry", "१०", "1,000"]


def assert_well_formed(parse: OrderParse, text: str) -> None:
    data = parse.to_json()
    assert data["text"] == text
    for line in data["lines"]:
        # A line of none only when flagged as no whole number of packs (`half ctn`), so the amount is asked.
        assert (line["quantity"] > 0 or line.get("unit_mismatch") is True) and isinstance(line["sku"], str)
    for item in data["ambiguous"]:
        assert item["candidates"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_text_parses_without_error(invented_index: CatalogIndex, text: str) -> None:
    assert_well_formed(parse_order(text, invented_index), text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(ORDER_WORDS), max_size=40).map(" ".join))
def test_order_like_word_salad_parses_without_error(invented_index: CatalogIndex, text: str) -> None:
    assert_well_formed(parse_order(text, invented_index), text)


def test_random_bytes_decoded_any_way_parse_without_error(invented_index: CatalogIndex) -> None:
    rng = random.Random(1234)
    for _ in range(300):
        raw = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 200)))
        for text in (raw.decode("utf-8", "replace"), raw.decode("latin-1")):
            assert_well_formed(parse_order(text, invented_index), text)


def test_empty_whitespace_emoji_and_control_characters_order_nothing(invented_index: CatalogIndex) -> None:
    for text in ("", "   ", "\n\t\r", "😊🙏👍", "\x00\x07\x1b[31m", "\u200b\ufeff"):
        assert parse_order(text, invented_index).is_empty


def test_ten_kilobyte_message_parses_in_bounded_time(invented_index: CatalogIndex) -> None:
    text = ("vimba 350ml 2 crates, korro lime 600ml 1 case, random words here; " * 200)[:10_000]
    started = time.perf_counter()
    parse = parse_order(text, invented_index)
    assert time.perf_counter() - started < 2.0
    assert parse.lines


def test_mixed_scripts_and_thousands_separators(invented_index: CatalogIndex) -> None:
    parse = parse_order("नमस्ते vimba 350ml २ crates, rundu 5L 1,200", invented_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("Q101", 2)]
    assert parse.ambiguous[0].reason == "quantity" and parse.ambiguous[0].quantity == 1200


def test_a_correction_to_half_a_pack_is_never_an_order_line_of_nothing(invented_index: CatalogIndex) -> None:
    text = "vimba ctn sorry ctn half 350ml"
    parse = parse_order(text, invented_index)
    assert_well_formed(parse, text)
    assert [item.quantity for item in parse.ambiguous] == [0] and not parse.lines


@pytest.mark.parametrize("text", ["5 am", "0AM", "by 10 pm"])
def test_a_time_of_day_alone_orders_nothing(invented_index: CatalogIndex, text: str) -> None:
    assert parse_order(text, invented_index).is_empty
