"""The languages replies are written in: a store's language tag, an owner's request to switch, a guess from words."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from babel import Locale, UnknownLocaleError
from babel.core import get_global, parse_locale
from babel.numbers import get_territory_currencies

from nlu.chinese import HAN_RE
from nlu.lexicon import LOCALE_DIR

ENGLISH = "en"
SWAHILI = "sw"
HINDI = "hi"
CHINESE = "zh"
FRENCH = "fr"
TAGALOG = "tl"
INDONESIAN = "id"
SPANISH = "es"
# Hindi in Devanagari; a store whose language is plain `hi` is answered in Hinglish (Latin letters, GSM-7).
HINDI_DEVANAGARI = "hi-Deva"

LOCALES_DIR = Path(__file__).resolve().parent / "locales"
DOMAIN = "messages"
# A language's script when a tag names none, where it is not the one CLDR expects: Hindi is texted in Latin
# letters (Hinglish, GSM-7) unless the store's language says `hi-Deva`.
_DEFAULT_SCRIPT = {HINDI: "Latn"}
# English is the catalogs' source language; its numbers and dates follow international English.
_ENGLISH_FORMATS = "en_001"

_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_WORD = re.compile(r"(?:[^\W\d_]|[\u0900-\u097f])+")


@dataclass(frozen=True)
class Language:
    """A reply language: its tag, the catalog its texts come from, the locale its numbers and dates follow."""

    tag: str
    catalog: str | None
    formats: str
    # Replies outside the Latin script (UCS-2 anyway) name the currency by its symbol; GSM-7 ones by its code,
    # but for the currency of the language's own country when its symbol is letters GSM-7 has (IDR as `Rp`).
    currency_symbol: bool = False
    local_currency: str | None = None


@lru_cache(maxsize=1)
def catalogs() -> dict[tuple[str, str], str]:
    """Every shipped catalog (`locales/<locale>/LC_MESSAGES/messages.po`) by language and script.

    `sw` is Swahili in Latin letters, `hi_Latn` Hindi in Latin letters, `hi` Hindi in Devanagari: a
    catalog added there is a reply language, with no code to change. The language is CLDR's code for the
    one the directory names (`fil` for `tl`), so a store tagged with either finds it.
    """
    found: dict[tuple[str, str], str] = {}
    for po in sorted(LOCALES_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        name = po.parent.parent.name
        language = _canonical(name.split("_")[0])
        found[(language, Locale.parse(name).script or _likely_script(language))] = name
    return found


def _canonical(language: str) -> str:
    """A language code as CLDR spells it now: `in` is Indonesian `id`, `tl` and `tgl` Filipino `fil`, `swa` `sw`."""
    alias = get_global("language_aliases").get(language)
    return str(alias).split("_")[0] if alias else language


def _likely_script(language: str) -> str:
    """The script CLDR expects a language to be written in (Deva for Hindi, Latn for Swahili)."""
    likely = str(get_global("likely_subtags").get(language) or "")  # `hi_Deva_IN`
    return next((part for part in likely.split("_") if len(part) == 4), "Latn")


def _default_script(language: str) -> str:
    """The script replies in a language are written in when its tag names none."""
    return _DEFAULT_SCRIPT.get(language) or _likely_script(language)


def _closest_catalog(language: str, script: str | None) -> tuple[str, str] | None:
    """The catalog (and its script) closest to a language and script: the same script, else the language's
    usual one (Chinese in traditional characters reads the simplified), else none."""
    shipped = {found: name for (code, found), name in catalogs().items() if code == language}
    for wanted in (script, _default_script(language)):
        if wanted and wanted in shipped:
            return shipped[wanted], wanted
    return None


def _shown(catalog: str, script: str) -> str:
    """The tag replies in a catalog carry: its directory's language, and its script where not the usual one."""
    language = catalog.split("_")[0]
    return language + (f"-{script}" if script != _default_script(_canonical(language)) else "")


def language_for(tag: str | None) -> Language:
    """The reply language for a store's language tag (`en`, `sw`, `hi`, `hi-Deva`, `en-IN`); English otherwise.

    A tag is read as Babel reads a locale (`id_ID`, `fr-CI`, `id_ID.UTF-8`), through CLDR's aliases (`in`
    and `ind` are Indonesian, `fil` the Tagalog catalog, `swa` Swahili); a script or territory no catalog
    has gets the language's closest one. A language without a catalog is answered in English where English
    is official in its country (Pidgin, Hausa, Luganda, Cebuano), else in the country's most spoken official
    language that has one (Javanese and Sundanese in Indonesian, Wolof and Lingala in French). A territory
    (`en-IN`, `sw-TZ`) changes how numbers and dates are written.
    """
    try:
        language, territory, script = parse_locale((tag or "").strip().replace("-", "_"))[:3]
    except ValueError:
        language, territory, script = ENGLISH, None, None
    language = _canonical(language)
    closest = _closest_catalog(language, script) or _national_catalog(language)
    catalog, script = closest or (None, "Latn")
    shown = _shown(catalog, script) if catalog else ENGLISH
    formats = catalog or _ENGLISH_FORMATS
    if territory:
        # The catalog's locale (keeping its script) in the store's territory, if Babel knows that locale.
        local = "_".join([*(part for part in formats.split("_") if part != "001"), territory])
        formats = local if _known_locale(local) else formats
        shown += f"-{territory}"
    return Language(shown, catalog, formats, currency_symbol=script != "Latn", local_currency=_local_currency(formats))


def _national_catalog(language: str) -> tuple[str, str] | None:
    """For a language without a catalog, the catalog of its country's most spoken official language (CLDR's
    territory languages of the country its likely subtags name), unless English is official there too."""
    territory = str(get_global("likely_subtags").get(language) or "").rpartition("_")[2]
    spoken = get_global("territory_languages").get(territory, {})
    official = sorted(
        (facts.get("population_percent", 0), code)
        for code, facts in spoken.items()
        if facts.get("official_status") in ("official", "de_facto_official")
    )
    if any(code == ENGLISH for _, code in official):
        return None
    return next(
        (found for _, code in reversed(official) if (found := _closest_catalog(_canonical(code), None))), None
    )


def _local_currency(formats: str) -> str | None:
    """The currency of a locale's language's own country (IDR for Indonesian), if the locale writes it in plain
    letters (`Rp`, `TSh`): prices there are written so. Where that country's symbol is none GSM-7 has (Spanish's
    `€`), the store's country's, if the language is the one most spoken there (`Q`, the quetzal, in es-GT). None
    for a symbol GSM-7 lacks (`₱`, `₹`, `€`, Mexico's `$`)."""
    locale = Locale.parse(formats)
    home = Locale.parse(str(get_global("likely_subtags").get(locale.language) or locale.language)).territory
    for country in (home, locale.territory if _main_language(locale.territory) == locale.language else None):
        currencies = get_territory_currencies(country) if country else []
        symbol = locale.currency_symbols.get(currencies[0], "") if currencies else ""
        if symbol.isascii() and symbol.isalpha() and symbol != currencies[0]:
            return currencies[0]
    return None


def _main_language(territory: str | None) -> str | None:
    """The most spoken official language of a country (CLDR's territory languages), if known."""
    spoken = get_global("territory_languages").get(territory or "", {})
    official = [
        (facts.get("population_percent", 0), code)
        for code, facts in spoken.items()
        if facts.get("official_status") in ("official", "de_facto_official")
    ]
    return max(official)[1] if official else None


@lru_cache(maxsize=64)
def _known_locale(name: str) -> bool:
    try:
        Locale.parse(name)
    except (UnknownLocaleError, ValueError):
        return False
    return True


def reply_languages() -> tuple[str, ...]:
    """The tags replies are written in: English and one per shipped catalog (`sw`, `hi`, `hi-Deva`)."""
    return (ENGLISH, *sorted(_shown(name, script) for (_, script), name in catalogs().items()))


# How owners name each language when they ask to switch: in English, Swahili, Hindi (both scripts), Chinese,
# French, Tagalog, Indonesian and Spanish.
_NAMES = {
    ENGLISH: (
        "english",
        "eng",
        "kiingereza",
        "kizungu",
        "angrezi",
        "angreji",
        "angrezee",
        "अंग्रेजी",
        "अंग्रेज़ी",
        "英文",
        "英语",
        "anglais",
        "ingles",
        "inglés",
        "inggris",
    ),
    SWAHILI: ("kiswahili", "swahili", "kiswahii", "swahilli"),
    HINDI: ("hindi", "hindee", "हिंदी", "हिन्दी"),
    CHINESE: ("chinese", "mandarin", "zhongwen", "中文", "汉语", "普通话", "华语"),
    FRENCH: ("french", "francais", "français", "fransé", "pranses"),
    TAGALOG: ("tagalog", "tagalo", "taglish", "filipino", "pilipino"),
    INDONESIAN: ("indonesia", "indonesian", "indonésien", "印尼语"),
    SPANISH: ("spanish", "español", "espanol", "castellano", "espagnol", "西班牙语"),
}
_DEVANAGARI_WORDS = ("devanagari", "देवनागरी")


# Reply languages in the order their words are claimed when guessing a message's language: each keeps the words
# it shares with a later tier. Those after the first two count only words no other order-reader locale lists.
_TIERS = ((ENGLISH, SWAHILI, HINDI), (FRENCH, TAGALOG), (SPANISH,), (INDONESIAN,))
_STRICT = frozenset(tag for tier in _TIERS[2:] for tag in tier)
# Languages whose words for flavours and sizes name products everywhere (`Kopiko Blanca`, `Huggies talla 3`): such a
# word counts for the language only beside one of its everyday words.
_NAMING_LANGUAGES = frozenset({SPANISH})
# Languages no reply is written in that write most of a strict one's shop words too (`manda`, `pedido`, `esta` are
# Portuguese and Spanish alike; Chavacano, a Spanish creole, writes `tiene`, `cambia`): a message is guessed the
# strict one only with a word its kin do not write (`donde`, `porfa`), and not with as many words only the kin write
# (`caixa`, `quero`, `nuay`); else it is no guess.
_KIN = {SPANISH: ("pt", "cbk")}
# Languages no reply is written in whose owners read English and none of the other reply languages (isiZulu,
# isiXhosa, Sesotho and Setswana in South Africa; Vietnamese): a message with as many words only they write as the
# guessed language's is no guess, where their words would make it French (`le-joko`), Swahili (`tse pedi`), Hindi
# (`ye-ace`, `tiger nau`) or Tagalog (`bột ngọt ajinomoto 454g 20 bịch`).
_READ_IN_ENGLISH = ("zu", "xh", "st", "tn", "vi")
_PRODUCT_KEYS = ("flavour_words", "size_markers")

# Words that make a language's name a request (`in English`, `kwa Kiswahili`, `Hindi mein`, `en français svp`,
# `paki-Tagalog`, `pakai bahasa Indonesia`, `en español por favor`): Tagalog's `hindi` means "no", so a name alone
# is a request only where the classifier said so, or where no order-reader locale reads it as a word (`español`).
_REQUEST_CUES = frozenset(
    "please pls plz in reply language speak talk write use only kwa tafadhali lugha ongea andika jibu tumia "
    "mein me main baat bolo karo kijiye kariye likho bhasha chahiye में मैं बात करो बोलो लिखो भाषा कीजिए "
    "请 用 说 讲 回复 换成 改用 改成 "
    "en svp stp parle parlez parler langue réponds répondez reponds repondez écris écrivez ecris ecrivez "
    "wika salita magsalita sumagot sagot paki gamitin "
    "bahasa bhs pakai pake balas jawab "
    "por favor porfa hable hableme hábleme responda respondame respóndame conteste escriba idioma".split()
)
# Chinese is written without spaces, so its names and cues are found inside the text (`请用中文`).
_HAN_WORDS = frozenset(
    word for word in (*_REQUEST_CUES, *(n for names in _NAMES.values() for n in names)) if HAN_RE.search(word)
)


def requested_language(text: str, cue_required: bool = False) -> str | None:
    """The language a message asks replies to be in (`English please`, `kwa Kiswahili`, `हिंदी में`), if one.

    Hindi asked for in Devanagari letters (or naming Devanagari) is answered in Devanagari. With
    `cue_required`, a name counts only beside a word that asks for it (`please`, `kwa`, `mein`), or alone when
    it is no word the order reader reads (`español`; not Tagalog's `hindi`, no).
    """
    words = {word.lower() for word in _WORD.findall(text.replace("़", ""))}
    words.update(word for word in _HAN_WORDS if word in text)
    named = [tag for tag, names in _NAMES.items() if words & {name.replace("़", "") for name in names}]
    if len(named) != 1:
        return None
    alone = words <= set(_NAMES[named[0]]) and not words & _reader_words()
    if cue_required and not (words & _REQUEST_CUES or alone):
        return None
    if named[0] == HINDI and (_DEVANAGARI.search(text) or words & set(_DEVANAGARI_WORDS)):
        return HINDI_DEVANAGARI
    return named[0]


def detect_language(text: str) -> str | None:
    """The reply language a message seems written in, from the order reader's words; None when it can't tell."""
    if _DEVANAGARI.search(text):
        return HINDI_DEVANAGARI
    if HAN_RE.search(text):
        return CHINESE
    words = [word.lower() for word in _WORD.findall(text)]
    if not words:
        return None
    counts = {}
    for tag, (own, lent) in _vocabularies().items():
        mine = sum(1 for word in words if word in own)
        # A word the last tier's languages write too (`dus`, ten in Hinglish and a box in Indonesian), or a word
        # products are named with (`blanca`), counts only beside one of the language's own: `indomie 4 dus` is no
        # Hinglish, `kopiko blanca x10` no Spanish.
        counts[tag] = mine + sum(1 for word in words if word in lent) if mine else 0
    best = max(counts.values())
    winners = [tag for tag, count in counts.items() if count == best]
    # Spanish and Indonesian win only outright: a tie with one goes to the others.
    winners = [tag for tag in winners if tag not in _STRICT] or winners
    if best == 0 or len(winners) != 1:
        return None
    if winners[0] != ENGLISH and sum(word in _read_in_english_words() for word in words) >= best:
        return None
    return None if winners[0] in _KIN and _kin_writes_it_too(words, winners[0], best) else winners[0]


def _kin_writes_it_too(words: list[str], tag: str, count: int) -> bool:
    """True when a message could as well be in the language's kin: it has no word the kin does not write, or as
    many words only the kin writes as the language's own."""
    kin_only, unshared = _kin_words(tag)
    return not any(word in unshared for word in words) or sum(word in kin_only for word in words) >= count


@lru_cache(maxsize=1)
def _vocabularies() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Words of each reply language's order-reader locale that count for it alone, and the ones of those that the
    last tier's languages write too (its locale files and those of its country's other languages).

    French and Tagalog text many English shop words (`box`, `order`, `total`, `ok`): those stay English's, so
    English, Swahili and Hindi keep every word only a later tier shares with them. Indonesian lends and borrows
    most (Malay words Tagalog has, `lima`; Arabic greetings, `assalamualaikum`; English ones, `jam`), and Spanish
    lends to every Philippine language and borrows English brand words (`light`, `zero`): they count only words no
    other order-reader locale lists. A word Indonesian writes too counts for an earlier language only beside one of
    its own; the English words Spanish writes too (`total`, `super`) stay English's.
    """
    found: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    claimed: list[str] = []
    locales = [path.stem for path in Path(LOCALE_DIR).glob("*.json")]
    # Javanese and Sundanese, answered in Indonesian, write Indonesian's words.
    answered_last = {language_for(tag).catalog for tag in _TIERS[-1]}
    last_tier = set().union(*(_locale_file_words(t) for t in locales if language_for(t).catalog in answered_last))
    for tier in _TIERS:
        for tag in tier:
            others = [t for t in (*claimed, *tier) if t != tag]
            if tag in _STRICT:
                others = [t for t in locales if t != tag and t not in _KIN.get(tag, ())]
            shared = set().union(*map(_locale_file_words, others))
            words = frozenset(w for w in _locale_file_words(tag) if len(w) > 1 and w not in shared)
            if tag not in _STRICT:
                lent = words & last_tier
            else:
                lent = words & _product_words(tag) if tag in _NAMING_LANGUAGES else frozenset()
            found[tag] = (words - lent, lent)
        claimed += tier
    return found


@lru_cache(maxsize=None)
def _kin_words(tag: str) -> tuple[frozenset[str], frozenset[str]]:
    """Words only a strict language's kin (`_KIN`) lists, and words only the language's own locale file lists."""
    existing = [kin for kin in _KIN[tag] if (Path(LOCALE_DIR) / f"{kin}.json").exists()]
    kin_words: frozenset[str] = frozenset().union(*map(_locale_file_words, existing))
    own = _locale_file_words(tag)
    return frozenset(w for w in kin_words - own if len(w) > 1), frozenset(w for w in own - kin_words if len(w) > 1)


@lru_cache(maxsize=1)
def _read_in_english_words() -> frozenset[str]:
    """Words the locale files of `_READ_IN_ENGLISH` list and no other order-reader locale file does."""
    locales = [path.stem for path in Path(LOCALE_DIR).glob("*.json")]
    others = frozenset().union(*(_locale_file_words(tag) for tag in locales if tag not in _READ_IN_ENGLISH))
    theirs = frozenset().union(*(_locale_file_words(tag) for tag in locales if tag in _READ_IN_ENGLISH))
    return frozenset(word for word in theirs - others if len(word) > 1)


@lru_cache(maxsize=1)
def _reader_words() -> frozenset[str]:
    """Every word of every order-reader locale."""
    return frozenset().union(*(_locale_file_words(path.stem) for path in Path(LOCALE_DIR).glob("*.json")))


@lru_cache(maxsize=None)
def _product_words(tag: str) -> frozenset[str]:
    """Words an order-reader locale lists for flavours and sizes (`blanca`, `talla`)."""
    data = json.loads((Path(LOCALE_DIR) / f"{tag}.json").read_text(encoding="utf-8"))
    return frozenset(word for key in _PRODUCT_KEYS for word in _locale_words(data.get(key, []), key))


@lru_cache(maxsize=None)
def _locale_file_words(tag: str) -> frozenset[str]:
    """Every word of an order-reader locale file (`nlu/locale/<tag>.json`)."""
    return frozenset(_locale_words(json.loads((Path(LOCALE_DIR) / f"{tag}.json").read_text(encoding="utf-8"))))


def _locale_words(data: object, key: str = "") -> Iterator[str]:
    """Every word a locale file spells in its language: list entries, local names (not the catalog's words), but
    the beginnings it writes with a hyphen (`i-coke`), which other languages write as words (Indonesian `isi`)."""
    if key in ("language", "size_units", "hyphen_prefixes", "and_prefixes"):
        return
    if isinstance(data, str):
        yield from (word.lower() for word in _WORD.findall(data))
    elif isinstance(data, dict):
        for name, value in data.items():
            if isinstance(value, (int, float)) or key == "product_words":
                yield from _locale_words(name)
            else:
                yield from _locale_words(value, name)
    elif isinstance(data, Iterable):
        for value in data:
            yield from _locale_words(value, key)
