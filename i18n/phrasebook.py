"""What to say in one language: texts from the message catalogs, numbers, money and dates as its locale writes them."""

from __future__ import annotations

import gettext
import io
import logging
import re
import unicodedata
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Mapping

from babel import Locale
from babel.dates import format_skeleton
from babel.numbers import format_currency, format_decimal
from babel.support import Translations

from bot.sms import is_gsm7
from i18n.languages import DOMAIN, LOCALES_DIR, Language, language_for

log = logging.getLogger("i18n")

# Letters then digits with nothing between (`KES3,300`): CLDR puts a space there, Babel does not.
_CODE_THEN_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)")
_DIGIT_THEN_CODE = re.compile(r"(?<=\d)(?=[^\W\d_])")
_FRACTION = re.compile(r"\.0+")
# The spaces CLDR groups digits with (`3 300` in French): a plain space, which GSM-7 has.
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def N_(message: str) -> str:
    """Mark a text for the catalogs where it is defined; it is translated where it is said."""
    return message


class Phrasebook:
    """One reply language's texts and formats; every method returns text ready to send."""

    def __init__(self, language: Language, translations: gettext.NullTranslations) -> None:
        self.language = language
        self._translations = translations
        self._locale = Locale.parse(language.formats)

    @property
    def tag(self) -> str:
        """The language tag replies are in (`en`, `sw`, `hi`, `hi-Deva`)."""
        return self.language.tag

    def _(self, message: str, **values: object) -> str:
        """`message` in this language, its `%(name)s` placeholders filled from `values`."""
        text = self._translations.gettext(message)
        return _filled(text, values) if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: object) -> str:
        """The form for `n` (`%(count)s line`, `%(count)s lines`); `%(count)s` is `n` as the locale writes it."""
        text = self._translations.ngettext(singular, plural, n)
        return _filled(text, {"count": self.number(n), **values})

    def pgettext(self, context: str, message: str, **values: object) -> str:
        """`message` in `context` (a button, a unit), for words that translate differently there."""
        text = self._translations.pgettext(context, message)
        return _filled(text, values) if values else text

    def npgettext(self, context: str, singular: str, plural: str, n: int, **values: object) -> str:
        """The form for `n` of a word in `context`."""
        text = self._translations.npgettext(context, singular, plural, n)
        return _filled(text, {"count": self.number(n), **values})

    def number(self, value: int | Decimal) -> str:
        """`1,080.50`, `3,300`, `1,00,000` (Indian grouping): no decimals when there are none."""
        return self.money(Decimal(value))

    def money(self, amount: Decimal, currency: str = "") -> str:
        """`KES 3,300`, `KES 1,080.50`, `INR 1,00,000`, `₹1,00,000` in Devanagari, `Rp 12.500` in Indonesian: no cents
        when there are none."""
        pattern = self._locale.currency_formats["standard"].pattern.split(";")[0]
        if amount == amount.to_integral_value():
            pattern = _FRACTION.sub("", pattern)
        if not currency:
            pattern = pattern.replace("¤", "").strip("\u00a0 ")
            return format_decimal(amount, format=pattern, locale=self._locale, decimal_quantization=True).translate(
                _SPACES
            )
        if not (self.language.currency_symbol or currency == self.language.local_currency):
            pattern = pattern.replace("¤", "¤¤")
        text = format_currency(amount, currency, format=pattern, locale=self._locale, currency_digits=False)
        text = text.translate(_SPACES)
        return _DIGIT_THEN_CODE.sub(" ", _CODE_THEN_DIGIT.sub(" ", text))

    def day(self, value: date | str) -> str:
        """A delivery day with its weekday: `Tue, 3 Jun`, `Jumanne, 3 Jun`, `Mangal, 3 Jun`, `ven. 9 aout`.

        Latin-script replies keep to GSM-7: a letter it lacks (the `û` of French `août`) loses its accent.
        """
        when = date.fromisoformat(value[:10]) if isinstance(value, str) else value
        text = format_skeleton("MMMEd", when, locale=self._locale)
        if self.language.currency_symbol:
            return text
        return "".join(c if is_gsm7(c) else unicodedata.normalize("NFD", c)[0] for c in text.translate(_SPACES))


def _filled(text: str, values: Mapping[str, object]) -> str:
    """`text` with its `%(name)s` placeholders filled: a value that ends with its own full stop (French `lun. 7 déc.`)
    takes the place of the stop after it, never `déc..`."""
    for name, value in values.items():
        if isinstance(value, str) and value.endswith("."):
            text = text.replace(f"%({name})s.", f"%({name})s")
    return text % values


def phrasebook(tag: str | None) -> Phrasebook:
    """The phrasebook for a language tag (a store's `language`, an owner's choice); English when unknown."""
    language = language_for(tag)
    return Phrasebook(language, _translations(language.catalog))


@lru_cache(maxsize=None)
def _translations(catalog: str | None) -> gettext.NullTranslations:
    """A catalog's compiled translations; read from its .po when the .mo is missing or older (not yet compiled)."""
    if catalog is None:
        return gettext.NullTranslations()
    directory = LOCALES_DIR / catalog / "LC_MESSAGES"
    mo, po = directory / f"{DOMAIN}.mo", directory / f"{DOMAIN}.po"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as handle:
            return Translations(handle, domain=DOMAIN)
    if not po.exists():
        log.error("no message catalog for %s; replies fall back to English", catalog)
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    log.warning("%s is not compiled (run make install); reading the .po", catalog)
    with po.open("rb") as handle:
        compiled = io.BytesIO()
        write_mo(compiled, read_po(handle, locale=catalog, domain=DOMAIN))
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)
