"""SMS segments and splitting: GSM-7 or UCS-2, never a lost character, never over the limit."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.sms import GSM7_BASIC, GSM7_EXTENDED, is_gsm7, segment_count, segments, split_message, transliterate

GSM_TEXT = st.text(alphabet=sorted(GSM7_BASIC | GSM7_EXTENDED), max_size=800)
ANY_TEXT = st.text(max_size=600)


def _septets(text: str) -> int:
    return sum(2 if c in GSM7_EXTENDED else 1 for c in text)


def _ucs2_units(text: str) -> int:
    return sum(2 if ord(c) > 0xFFFF else 1 for c in text)


def test_160_gsm_characters_fit_one_segment_and_161_take_two() -> None:
    assert segment_count("a" * 160) == 1
    assert segment_count("a" * 161) == 2
    assert segment_count("a" * 306) == 2
    assert segment_count("a" * 307) == 3


def test_extended_characters_count_twice() -> None:
    assert segment_count("€" * 80) == 1
    assert segment_count("€" * 81) == 2


def test_one_non_gsm_character_switches_to_ucs2_limits() -> None:
    assert segment_count("a" * 69 + "ł") == 1
    assert segment_count("a" * 70 + "ł") == 2
    assert segment_count("a" * 134 + "ł") == 3


def test_smart_quotes_and_dashes_become_gsm7() -> None:
    text = transliterate("It’s “ready” – 5 crates… ok")
    assert text == 'It\'s "ready" - 5 crates... ok'
    assert is_gsm7(text)


@given(GSM_TEXT)
def test_gsm_segments_rejoin_to_the_text_and_each_fits(text: str) -> None:
    parts = segments(text)
    assert "".join(parts) == text
    if _septets(text) <= 160:
        assert len(parts) <= 1
    else:
        assert all(_septets(p) <= 153 for p in parts)
        # An escape pair is never split, which may cost one more segment than plain arithmetic.
        assert -(-_septets(text) // 153) <= len(parts) <= -(-_septets(text) // 153) + 1


@given(ANY_TEXT)
def test_any_text_segments_rejoin_and_respect_the_encoding_limits(text: str) -> None:
    parts = segments(text)
    assert "".join(parts) == text
    if is_gsm7(text):
        limit, single = 153, 160
        size = _septets
    else:
        limit, single = 67, 70
        size = _ucs2_units
    if len(parts) > 1:
        assert all(size(p) <= limit for p in parts)
    else:
        assert size(text) <= single


@settings(max_examples=150)
@given(st.text(alphabet=st.sampled_from(list("abc de.\n€ł")), max_size=1500), st.integers(min_value=1, max_value=4))
def test_split_messages_keep_every_word_and_fit_the_segment_budget(text: str, max_segments: int) -> None:
    messages = split_message(text, max_segments)
    assert all(segment_count(m) <= max_segments for m in messages)
    assert "".join(text.split()) == "".join("".join(messages).split())


def test_long_reply_splits_at_paragraphs_before_words() -> None:
    paragraph = "Coca-Cola 300ml crate x5 = KES 3,300. " * 4
    text = f"{paragraph.strip()}\n\n{paragraph.strip()}"
    assert split_message(text, 1) == [paragraph.strip(), paragraph.strip()]
