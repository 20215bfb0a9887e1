"""The message catalogs: every text the code says is translated in every shipped language, placeholders intact."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import pytest
import yaml
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bot.sms import is_gsm7
from i18n.languages import DOMAIN, LOCALES_DIR, catalogs
from tests.conftest import ROOT

# Each shipped catalog, and whether its texts must stay in the GSM-7 alphabet (one SMS segment = 160 characters):
# the Latin-script ones. A catalog added under i18n/locales is checked here without a change to this file.
SHIPPED = {name: script == "Latn" for (_, script), name in catalogs().items()}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
# Words owners type: a translation keeps the word, or says a local one the assistant understands as well.
KEYWORDS = {
    "YES": {"YES", "NDIYO", "SI"},
    "NO": {"NO", "HAPANA"},
    "MORE": {"MORE", "ZAIDI"},
    "HELP": {"HELP", "MSAADA"},
    "STOP": {"STOP"},
    "START": {"START"},
    "STATUS": {"STATUS"},
    "AGENT": {"AGENT"},
    "CANCEL": {"CANCEL"},
}
Key = tuple[str | None, str]


def source_messages() -> dict[Key, tuple[str, ...]]:
    """Every text the code marks for translation, read from the code itself (what `make messages` extracts)."""
    method_map = [("actions/**.py", "python"), ("bot/**.py", "python"), ("i18n/**.py", "python")]
    found: dict[Key, tuple[str, ...]] = {}
    for _, _, message, _, context in extract_from_dir(str(ROOT), method_map=method_map):
        forms = (message,) if isinstance(message, str) else tuple(message)
        found[(context, forms[0])] = forms
    return found


def catalog(locale: str) -> Catalog:
    with (LOCALES_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as handle:
        return read_po(handle, locale=locale, domain=DOMAIN)


def translated(locale: str) -> Iterator[tuple[Message, tuple[str, ...]]]:
    """Each message of a catalog with its translated forms."""
    for message in catalog(locale):
        if message.id:
            forms = (message.string,) if isinstance(message.string, str) else tuple(message.string)
            yield message, forms


def test_swahili_hinglish_devanagari_chinese_french_tagalog_indonesian_and_spanish_catalogs_are_shipped() -> None:
    gsm7 = {"sw": True, "hi_Latn": True, "hi": False, "zh_Hans": False, "fr": True, "tl": True, "id": True, "es": True}
    assert SHIPPED == gsm7 | SHIPPED
    assert set(gsm7) <= set(SHIPPED)


def test_the_source_marks_the_texts_owners_read() -> None:
    messages = source_messages()
    assert len(messages) > 100
    assert (None, "Your order:") in messages and ("button", "YES") in messages
    assert (None, "Sorry, I can only read text. Please type your message, e.g. 5 ctn soda 300ml.") in messages


@pytest.mark.parametrize("locale", sorted(SHIPPED))
def test_every_message_has_a_translation_in_every_shipped_language(locale: str) -> None:
    entries = {(m.context, m.id if isinstance(m.id, str) else m.id[0]): (m, forms) for m, forms in translated(locale)}
    # A language with one plural form (Chinese) writes one; the others at least two.
    plurals = min(2, catalog(locale).num_plurals)
    missing = []
    for key, source in source_messages().items():
        entry = entries.get(key)
        if entry is None:
            missing.append(f"{key}: not in the catalog (run make messages)")
            continue
        message, forms = entry
        if message.fuzzy or not all(forms) or (len(source) > 1 and len(forms) < plurals):
            missing.append(f"{key}: untranslated or fuzzy")
    assert not missing, "\n".join(missing)


def placeholder_errors(messages: Catalog) -> list[str]:
    """Translations whose `%(name)s` placeholders differ from their message id's (dropped or invented)."""
    wrong = []
    for message in messages:
        if not message.id or not message.string:
            continue
        ids = (message.id,) if isinstance(message.id, str) else tuple(message.id)
        forms = (message.string,) if isinstance(message.string, str) else tuple(message.string)
        expected = {name for text in ids for name in PLACEHOLDER.findall(text)}
        wrong += [f"{ids[0]!r} -> {form!r}" for form in forms if set(PLACEHOLDER.findall(form)) != expected]
    return wrong


@pytest.mark.parametrize("locale", sorted(SHIPPED))
def test_no_translation_drops_or_invents_a_placeholder(locale: str) -> None:
    messages = catalog(locale)
    assert not placeholder_errors(messages), "\n".join(placeholder_errors(messages))
    assert not [error for _, errors in messages.check() for error in errors]


def test_a_translation_that_drops_or_misspells_a_placeholder_is_caught() -> None:
    broken = Catalog(locale="sw")
    broken.add("Order #%(order_id)s placed.", "Oda imewekwa.", flags=["python-format"])
    broken.add("Total %(total)s.", "Jumla %(jumla)s.", flags=["python-format"])
    broken.add("Your order:", "Oda yako:")
    assert len(placeholder_errors(broken)) == 2


@pytest.mark.parametrize("locale", [locale for locale, gsm in SHIPPED.items() if gsm])
def test_latin_script_replies_stay_in_the_gsm7_alphabet(locale: str) -> None:
    outside = [form for _, forms in translated(locale) for form in forms if not is_gsm7(form)]
    assert not outside, outside


@pytest.mark.parametrize("locale", sorted(SHIPPED))
def test_keywords_owners_type_survive_translation(locale: str) -> None:
    lost = []
    for message, forms in translated(locale):
        ids = (message.id,) if isinstance(message.id, str) else tuple(message.id)
        for keyword, accepted in KEYWORDS.items():
            if message.context is None and re.search(rf"\b{keyword}\b", ids[0]):
                lost += [form for form in forms if not any(re.search(rf"\b{w}\b", form) for w in accepted)]
    assert not lost, lost


def test_the_domain_keeps_no_second_copy_of_any_reply() -> None:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert not domain.get("responses")
    rules = (ROOT / "data" / "rules.yml").read_text(encoding="utf-8")
    assert "utter_" not in rules


def test_every_shipped_catalog_compiles(tmp_path: Path) -> None:
    from babel.messages.mofile import write_mo

    for locale in SHIPPED:
        with (tmp_path / f"{locale}.mo").open("wb") as handle:
            write_mo(handle, catalog(locale))
        assert (tmp_path / f"{locale}.mo").stat().st_size > 1000
