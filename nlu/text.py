"""Turning raw message text into normalised tokens that keep their place in the original text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Fractions of an inch or a kilo (`1/2`, `3/4`, `5/8`) are one number; other slashes separate items.
_FRACTION = r"(?<![\d/])(?:1/2|[13]/4|[1357]/8|(?:1[135]|[13579])/16)(?![\d/])"
# A ratio of three numbers (NPK `17:17:17`, also `17-17-17` or `17.17.17`) names a blend or grade, never an
# amount; it is one word, written with colons.
_RATIO = r"(?<![\d:.\-])\d{1,2}(?P<ratio_mark>[:.\-])\d{1,2}(?P=ratio_mark)\d{1,2}(?![\d:.\-])"
# Thousands separators only when the groups are exactly three digits, so "2,3" stays two numbers.
_TOKEN_RE = re.compile(
    rf"(?P<ratio>{_RATIO})"
    rf"|(?P<num>{_FRACTION}|\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:\.\d+)?)"
    r"|(?P<word>(?:[^\W\d_]|[\u0300-\u036f\u0900-\u0965\u0970-\u097f])+(?:['’][^\W\d_]+)?)"
    r"|(?P<sep>[,;\n+&/?!:|()\[\]{}<>=])"
    r"|(?P<dot>\.)"
    r"|(?P<dash>[-–—~*•·])"
)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
# An inch mark after a number (`20"`, `3/4''`, `2.5”`) is the word inch, however the catalog or sender writes it.
_INCH_MARK_RE = re.compile(r"(?<=\d)\s?(?:\"|''|”|″|′′)(?![^\W\d_])")
_INCH_MARKS = ('"', "''", "”", "″", "′′")
_MAX_CHARS = 4000


@dataclass(frozen=True)
class Token:
    """One number, word or separator with its character span in the cleaned text."""

    kind: str
    text: str
    start: int
    end: int
    value: float = 0.0


def clean_text(text: str) -> str:
    """NFKC-normalise, turn control characters into spaces and cap the length a message is read to."""
    # Printable ASCII is already NFKC and free of control characters: most catalog fields and messages.
    if len(text) <= _MAX_CHARS and text.isascii() and text.isprintable():
        return _inch_marks(text)
    text = unicodedata.normalize("NFKC", text[: _MAX_CHARS * 2])
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _inch_marks(_CONTROL_RE.sub(" ", text))[:_MAX_CHARS]


def _inch_marks(text: str) -> str:
    if not any(mark in text for mark in _INCH_MARKS):
        return text
    return _INCH_MARK_RE.sub(" inch", text)


def normalise_word(word: str) -> str:
    """Case-fold and drop apostrophes so `That's` and `thats` are one word."""
    return word.casefold().replace("'", "").replace("’", "")


def _number_value(raw: str) -> float:
    if "/" in raw:
        numerator, denominator = raw.split("/")
        return _number_value(numerator) / _number_value(denominator)
    digits = raw.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        return float("".join(str(unicodedata.digit(ch, 0)) if ch != "." else "." for ch in digits))


def tokenize(text: str) -> list[Token]:
    """Split cleaned text into tokens; a dot counts as a separator only where it ends a sentence."""
    tokens: list[Token] = []
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup or "sep"
        raw = match.group()
        start, end = match.span()
        if kind == "ratio":
            tokens.append(Token("word", ratio_word(raw), start, end))
        elif kind == "num":
            tokens.append(Token("num", raw, start, end, _number_value(raw)))
        elif kind == "word":
            tokens.append(Token("word", normalise_word(raw), start, end))
        elif kind == "dot":
            if end >= len(text) or text[end].isspace():
                tokens.append(Token("sep", ".", start, end))
        elif kind == "dash":
            tokens.append(Token("dash", raw, start, end))
        else:
            tokens.append(Token("sep", raw, start, end))
    return tokens


def ratio_word(raw: str) -> str:
    """`17-17-17` and `17.17.17` as the one word `17:17:17`."""
    return re.sub(r"[.\-]", ":", raw)


RATIO_RE = re.compile(_RATIO)
CATALOG_WORD_RE = re.compile(rf"{_FRACTION}|\d+(?:\.\d+)?|(?:[^\W\d_]|[\u0300-\u036f\u0900-\u0965\u0970-\u097f])+")


def catalog_words(text: str) -> list[str]:
    """Words and numbers of a catalog field, normalised the same way as message tokens."""
    return CATALOG_WORD_RE.findall(clean_text(text).casefold().replace("'", "").replace("’", ""))
