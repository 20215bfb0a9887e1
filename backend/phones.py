"""Phone numbers in one form everywhere: E.164."""

from __future__ import annotations

import phonenumbers


class InvalidPhone(ValueError):
    """A string that is not a valid phone number."""


def to_e164(raw: str, default_region: str) -> str:
    """Normalise a number as a person or provider writes it (`0712 345678`, `whatsapp:+254...`) to E.164."""
    text = raw.strip()
    if ":" in text:
        text = text.split(":", 1)[1]
    if text and text[0].isdigit() and not text.startswith("0") and len(text) > 10:
        text = "+" + text
    try:
        number = phonenumbers.parse(text, default_region.upper())
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhone(f"not a phone number: {exc}") from None
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhone("not a valid phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
