"""Replies in the store owner's language: message catalogs (gettext, managed with Babel) and locale formats."""

from i18n.languages import (
    ENGLISH,
    HINDI,
    HINDI_DEVANAGARI,
    SWAHILI,
    Language,
    detect_language,
    language_for,
    reply_languages,
    requested_language,
)
from i18n.phrasebook import N_, Phrasebook, phrasebook

__all__ = [
    "ENGLISH",
    "HINDI",
    "HINDI_DEVANAGARI",
    "SWAHILI",
    "Language",
    "N_",
    "Phrasebook",
    "detect_language",
    "language_for",
    "phrasebook",
    "reply_languages",
    "requested_language",
]
