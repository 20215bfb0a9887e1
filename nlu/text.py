"""Turning raw message text into normalised tokens that keep their place in the original text."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from indic_transliteration import sanscript


def _mark_ranges() -> str:
    """Every combining mark (accents, and the vowel signs and viramas of Indic scripts: `ா`, `ை`, `्`), which a
    regular expression's letters leave out, as a character class's ranges."""
    ranges: list[str] = []
    start = None
    for code in range(0x0300, 0x10000):
        if unicodedata.category(chr(code)).startswith("M"):
            start = code if start is None else start
        elif start is not None:
            ranges.append(f"{chr(start)}-{chr(code - 1)}")
            start = None
    return "".join(ranges)


# A letter, or a mark written on one: the letters of a word in any script.
_LETTER = rf"(?:[^\W\d_]|[{_mark_ranges()}])"
# Fractions of an inch or a kilo (`1/2`, `3/4`, `5/8`) are one number; other slashes separate items.
_FRACTION = r"(?<![\d/])(?:1/2|[13]/4|[1357]/8|(?:1[135]|[13579])/16)(?![\d/])"
# A ratio of three numbers (NPK `17:17:17`, also `17-17-17` or `17.17.17`) names a blend or grade, never an
# amount; it is one word, written with colons.
_RATIO = r"(?<![\d:.\-])\d{1,2}(?P<ratio_mark>[:.\-])\d{1,2}(?P=ratio_mark)\d{1,2}(?![\d:.\-])"
# A decimal comma before a measure, written on or after a space (`2,5L`, `1,5 kg`): one number.
_DECIMAL_COMMA = r"\d+,\d{1,2}(?= ?(?i:kg|kgs|kilos?|g|gm|gms|ml|cl|l|lt|ltrs?|lts|litres?|liters?)(?![^\W\d_]))"


def _token_re(word: str, currencies: str, dashes: str) -> re.Pattern[str]:
    # Thousands separators only when the groups are exactly three digits, so "2,3" stays two numbers.
    return re.compile(
        rf"(?P<ratio>{_RATIO})"
        rf"|(?P<num>{_FRACTION}|{_DECIMAL_COMMA}|\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:\.\d+)?)"
        rf"|(?P<word>{word})"
        rf"|(?P<currency>[{currencies}])"
        r"|(?P<sep>[,;\n+&/?!:|()\[\]{}<>=])"
        r"|(?P<dot>\.)"
        rf"|(?P<dash>[{dashes}])"
    )


_TOKEN_RE = _token_re(rf"{_LETTER}+(?:['’][^\W\d_]+)?", "₹₦₱$£€@", "-–—~*•·×")
# The same tokens in ASCII text, where a letter is a to z and no mark, currency sign or dash is past ASCII: found
# without trying every script's marks at each letter.
_ASCII_TOKEN_RE = _token_re("[A-Za-z]+(?:'[A-Za-z]+)?", "$@", "-~*")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
# An inch mark after a number (`20"`, `3/4''`, `2.5”`) is the word inch, however the catalog or sender writes it.
_INCH_MARK_RE = re.compile(r"(?<=\d)\s?(?:\"|''|”|″|′′)(?![^\W\d_])")
_MAX_CHARS = 4000


class Token(NamedTuple):
    """One number, word or separator with its character span in the cleaned text.

    A named tuple: a message makes a few dozen, each made in half the time of a frozen dataclass.
    """

    kind: str
    text: str
    start: int
    end: int
    value: float = 0.0
    # `2-3`, `2 or 3`: the top of a range of amounts whose bottom is `value`; 0 when the number is one amount.
    upto: float = 0.0


def clean_text(text: str) -> str:
    """NFKC-normalise, turn control characters into spaces and cap the length a message is read to."""
    # Printable ASCII is already NFKC and free of control characters: most catalog fields and messages.
    if len(text) <= _MAX_CHARS and text.isascii() and text.isprintable():
        return _inch_marks(text)
    text = unicodedata.normalize("NFKC", text[: _MAX_CHARS * 2])
    if not text.isprintable():
        # Printable text has no line break, tab or control character: nothing to replace.
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
        text = _CONTROL_RE.sub(" ", text)
    return _inch_marks(text)[:_MAX_CHARS]


def _inch_marks(text: str) -> str:
    # Most texts have no inch mark: each mark is looked for on its own, the quickest way to say so.
    if '"' not in text and "''" not in text and "”" not in text and "″" not in text and "′′" not in text:
        return text
    return _INCH_MARK_RE.sub(" inch", text)


def normalise_word(word: str) -> str:
    """Case-fold and drop apostrophes so `That's` and `thats` are one word; Devanagari as Hinglish spells it."""
    if word.isascii():
        return word.casefold().replace("'", "")
    return romanised(_folded(word))


def _folded(word: str) -> str:
    """A word case-folded, without apostrophes: all `normalise_word` does to a word of no Indic script."""
    return word.casefold().replace("'", "").replace("’", "")


# The Indic scripts by their Unicode blocks: the name locale files give a script (`scripts`), how its words are
# read in Latin letters (the library's scheme to Devanagari, None when read otherwise), and whether its words drop
# the inherent `a` at their end as Hindi does (Gujarati, Punjabi) or say every vowel they write (Odia, Telugu...).
INDIC_SCRIPTS = {
    "Devanagari": (re.compile(r"[\u0900-\u097f]"), None, True),
    "Bengali": (re.compile(r"[\u0980-\u09ff]"), None, True),
    "Gurmukhi": (re.compile(r"[\u0a00-\u0a7f]"), sanscript.GURMUKHI, True),
    "Gujarati": (re.compile(r"[\u0a80-\u0aff]"), sanscript.GUJARATI, True),
    "Odia": (re.compile(r"[\u0b00-\u0b7f]"), sanscript.ORIYA, False),
    "Tamil": (re.compile(r"[\u0b80-\u0bff]"), None, False),
    "Telugu": (re.compile(r"[\u0c00-\u0c7f]"), sanscript.TELUGU, False),
    "Kannada": (re.compile(r"[\u0c80-\u0cff]"), sanscript.KANNADA, False),
    "Malayalam": (re.compile(r"[\u0d00-\u0d7f]"), sanscript.MALAYALAM, False),
}
_INDIC = re.compile(r"[\u0900-\u0d7f]")
# Tamil writes one letter for k and g, c and s, t and d, p and b: Tanglish spells it voiced between vowels and after
# a nasal (`மேகி` megi, `அனுப்புங்க` anuppunga, `தேங்காய்` thengai), `c` as s (`அரிசி` arisi) and doubled as
# ch (`பச்சரிசி` pacharisi), and the long vowels as Hinglish does. Rules in order, on the library's ISO letters.
_TAMIL_VOWELS = "aāiīuūeēoō"
_TAMIL_AS_SAID = tuple(
    (re.compile(pattern), said)
    for pattern, said in (
        ("ṅk", "ng"), ("ñc", "nj"), ("ṇṭ", "nd"), ("nt", "nd"), ("mp", "mb"), ("ṉṟ", "ndr"), ("ṟṟ", "tr"),
        (f"(?<=[{_TAMIL_VOWELS}])k(?=[{_TAMIL_VOWELS}])", "g"),
        (f"(?<=[{_TAMIL_VOWELS}])t(?=[{_TAMIL_VOWELS}])", "dh"),
        (f"(?<=[{_TAMIL_VOWELS}])p(?=[{_TAMIL_VOWELS}])", "b"),
        (f"(?<=[{_TAMIL_VOWELS}])ṭ(?=[{_TAMIL_VOWELS}])", "d"),
        ("cc", "ch"), ("(?<!c)c(?!h)", "s"), ("(?<![td])t(?![th])", "th"),
        ("ḻ", "zh"), ("[ṉṇṅ]", "n"), ("ñ", "nj"), ("ṟ", "r"), ("ḷ", "l"), ("ṭ", "t"), ("[śṣ]", "sh"), ("ṁ", "m"),
        ("(?:[aāeē])y$", "ai"),
        ("ā$", "a"), ("ī$", "i"), ("ū$", "u"), ("ā", "aa"), ("ī", "ee"), ("ū", "oo"), ("ē", "e"), ("ō", "o"),
    )
)
# Bengali's one letter for b and v (`ব`) is said b; its ya sign after a consonant (`ড্যানো`, Dano) only colours
# the vowel. Read so once in Devanagari, a Bengali word goes the way Hindi ones go.
_BENGALI_AS_SAID = str.maketrans({"व": "ब"})
# The candra vowels Hindi and Marathi write English words with (`बॅग` bag, `मॅगी` Maggi, `ऑर्डर` order, `बॉक्स`
# box) are said as the plain `a` and `o`: read so, the transliteration gives the Latin letters owners type.
_CANDRA_AS_SAID = str.maketrans({"\u0945": "", "\u090d": "\u0905", "\u0949": "\u094b", "\u0911": "\u0913"})
_VIRAMA = "\u094d"
_CONSONANTS = frozenset(chr(c) for c in range(0x0915, 0x093A)) | frozenset(chr(c) for c in range(0x0958, 0x0960))
_NUKTA = "\u093c"
_MARKS = frozenset("\u0901\u0902\u0903")  # chandrabindu, anusvara, visarga
_LONG_AT_END = {vowel: re.compile(f"{vowel}$") for vowel in "AIU"}
# Latin letters the transliteration scheme uses for sounds Hinglish writes plainly.
_PLAIN = str.maketrans({".": "", "^": "", "~": ""})


def in_indic_script(text: str) -> bool:
    """True when the text has a letter of an Indic script (Devanagari, Bengali, Tamil...): words read in Latin
    letters."""
    return _INDIC.search(text) is not None


def indic_script(text: str) -> str | None:
    """The name of the Indic script a text is written in (`Tamil` for `பெட்டி`), None for other text."""
    if _INDIC.search(text) is None:
        return None
    return next((name for name, (letters, _, _) in INDIC_SCRIPTS.items() if letters.search(text)), None)


def romanised(word: str) -> str:
    """A word of an Indic script in the Latin letters senders use (`पारले` -> `parle`, `তেল` -> `tel`, `பெட்டி`
    -> `petti`); others unchanged."""
    script = indic_script(word)
    if script is None:
        return word
    if script == "Tamil":
        return _tamil_romanised(word)
    if script == "Bengali":
        word = _bengali_in_devanagari(word)
    _, scheme, drops_schwas = INDIC_SCRIPTS[script]
    if scheme is not None:
        word = str(sanscript.transliterate(word, scheme, sanscript.DEVANAGARI))
    return _romanised(word, drops_schwas)


# Tamil's one letter for a voiceless and a voiced stop, read either way (`கோல்ட்` kolt may be gold), and its `ai`
# for the English long i (`டைகர்` taigar, tiger; `ஸ்ப்ரைட்` sprait, sprite).
_TAMIL_READINGS = re.compile(r"ai|[kgtdpb]")
_TAMIL_OTHER_READING = {"ai": "i", "k": "g", "g": "k", "t": "d", "d": "t", "p": "b", "b": "p"}
_MAX_READINGS = 4


def voicings(word: str, script: str) -> list[str]:
    """Other Latin spellings a word typed in an Indic script may stand for where the script writes two sounds with
    one letter (Tamil: `kolt`, `golt`, `kold`, `gold`); none for other scripts or long words."""
    places = list(_TAMIL_READINGS.finditer(word)) if script == "Tamil" else []
    if not places or len(places) > _MAX_READINGS:
        return []
    found = []
    for flips in range(1, 2 ** len(places)):
        parts, start = [], 0
        for bit, place in enumerate(places):
            said = _TAMIL_OTHER_READING[place.group()] if flips >> bit & 1 else place.group()
            parts.append(word[start : place.start()] + said)
            start = place.end()
        found.append("".join(parts) + word[start:])
    return found


@lru_cache(maxsize=8192)
def _tamil_romanised(word: str) -> str:
    latin = str(sanscript.transliterate(word, "tamil_superscripted", sanscript.ISO))
    for pattern, said in _TAMIL_AS_SAID:
        latin = pattern.sub(said, latin)
    return latin


@lru_cache(maxsize=8192)
def _bengali_in_devanagari(word: str) -> str:
    devanagari = str(sanscript.transliterate(word, sanscript.BENGALI, sanscript.DEVANAGARI))
    return devanagari.translate(_BENGALI_AS_SAID).replace("\u094dय", "")


@lru_cache(maxsize=8192)
def _romanised(word: str, drops_schwas: bool = True) -> str:
    said = word.translate(_CANDRA_AS_SAID)
    if drops_schwas:
        said = _without_schwas(said)
    latin = str(sanscript.transliterate(said, sanscript.DEVANAGARI, sanscript.OPTITRANS))
    latin = latin.replace(".N", "n").replace("M", "n").replace("H", "h")
    # Long vowels as Hinglish writes them: doubled inside a word (`teen`, `paanch`), single at its end.
    for long, inside, final in (("A", "aa", "a"), ("I", "ee", "i"), ("U", "oo", "u")):
        latin = _LONG_AT_END[long].sub(final, latin).replace(long, inside)
    return latin.lower().translate(_PLAIN)


def _without_schwas(word: str) -> str:
    """Hindi drops the inherent `a` at a word's end and between a vowel and a consonant that has one."""
    syllables: list[list[str]] = []  # [consonants and viramas, vowel sign] per syllable
    for ch in word:
        if ch in _CONSONANTS and not (syllables and syllables[-1][0].endswith(_VIRAMA) and not syllables[-1][1]):
            syllables.append([ch, ""])
        elif syllables and (ch in _CONSONANTS or ch in (_VIRAMA, _NUKTA)) and not syllables[-1][1]:
            syllables[-1][0] += ch
        elif syllables and not syllables[-1][1] and not syllables[-1][0].endswith(_VIRAMA):
            syllables[-1][1] = ch
        else:
            syllables.append(["", ch])

    def bare(position: int) -> bool:
        consonants, vowel = syllables[position]
        return bool(consonants) and not consonants.endswith(_VIRAMA) and (not vowel or vowel in _MARKS)

    last = len(syllables) - 1
    if len(syllables) > 1 and bare(last) and not syllables[last][1]:
        syllables[last][0] += _VIRAMA
    for position in range(last - 1, 0, -1):
        if bare(position) and not syllables[position][1]:
            following = syllables[position + 1]
            if following[0] and not following[0].endswith(_VIRAMA):
                syllables[position][0] += _VIRAMA
    return "".join(consonants + vowel for consonants, vowel in syllables)


def _number_value(raw: str) -> float:
    if "/" in raw:
        numerator, denominator = raw.split("/")
        return _number_value(numerator) / _number_value(denominator)
    whole, comma, rest = raw.rpartition(",")
    digits = f"{whole}.{rest}" if comma and len(rest) < 3 else raw.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        return float("".join(str(unicodedata.digit(ch, 0)) if ch != "." else "." for ch in digits))


def tokenize(text: str) -> list[Token]:
    """Split cleaned text into tokens; a dot counts as a separator only where it ends a sentence."""
    tokens: list[Token] = []
    # A text with no letter of an Indic script has no word to romanise: its words are only folded.
    normalised = normalise_word if _INDIC.search(text) else _folded
    for match in (_ASCII_TOKEN_RE if text.isascii() else _TOKEN_RE).finditer(text):
        kind = match.lastgroup or "sep"
        raw = match.group()
        start, end = match.span()
        if kind == "ratio":
            tokens.append(Token("word", ratio_word(raw), start, end))
        elif kind == "num":
            tokens.append(Token("num", raw, start, end, _number_value(raw)))
        elif kind in ("word", "currency"):
            tokens.append(Token("word", normalised(raw), start, end))
        elif kind == "dot":
            if end >= len(text) or text[end].isspace():
                tokens.append(Token("sep", ".", start, end))
        elif kind == "dash":
            tokens.append(Token("dash", raw, start, end))
        elif raw == "&":
            # `pork & beans`, `2 coke & 3 fanta`: the word `and`, which joins two items unless a name writes it.
            tokens.append(Token("word", "and", start, end))
        else:
            tokens.append(Token("sep", raw, start, end))
    return tokens


def ratio_word(raw: str) -> str:
    """`17-17-17` and `17.17.17` as the one word `17:17:17`."""
    return re.sub(r"[.\-]", ":", raw)


RATIO_RE = re.compile(_RATIO)
_NUMBER_OR_LETTERS = rf"\d+(?:\.\d+)?|{_LETTER}+"
_CATALOG_WORD_RE = re.compile(rf"{_FRACTION}|{_NUMBER_OR_LETTERS}")
# Every fraction has a `/`: a text without one has the same words, found without trying a fraction at each place.
_UNFRACTIONED_WORD_RE = re.compile(_NUMBER_OR_LETTERS)


# In ASCII text the only letters are a to z: the same words, found without trying each script's marks.
_ASCII_NUMBER_OR_LETTERS = r"\d+(?:\.\d+)?|[A-Za-z]+"
_ASCII_CATALOG_WORD_RE = re.compile(rf"{_FRACTION}|{_ASCII_NUMBER_OR_LETTERS}")
_ASCII_WORD_RE = re.compile(_ASCII_NUMBER_OR_LETTERS)


def find_words(text: str) -> list[str]:
    """The words and numbers of a text as written (a fraction such as `1/2` one number), in order."""
    if text.isascii():
        return (_ASCII_CATALOG_WORD_RE if "/" in text else _ASCII_WORD_RE).findall(text)
    return (_CATALOG_WORD_RE if "/" in text else _UNFRACTIONED_WORD_RE).findall(text)


# How a word sounds, spelt one way: English spellings and Hinglish or Devanagari renderings of a brand
# (`colgate`, `kolget`; `surf excel`, `sarf eksel`; `super`, `supa`; `sunlight`, `sunlite`) reduce to the same
# key. Plain replacements, in order, and three patterns, run once over a whole catalog's vocabulary, a word a line.
_SOUND_REPLACEMENTS = (
    ("ee", "i"), ("ii", "i"), ("ie", "i"), ("ey", "i"), ("ea", "e"), ("oo", "u"), ("ou", "u"), ("aa", "a"),
    ("ai", "a"), ("igh", "i"), ("aw", "o"), ("ow", "o"), ("au", "o"), ("ph", "f"), ("bh", "b"), ("dh", "d"),
    ("gh", "g"), ("jh", "j"), ("kh", "k"), ("th", "t"), ("ck", "k"), ("q", "k"), ("xc", "ks"), ("x", "ks"),
    ("ce", "se"), ("ci", "si"), ("cy", "sy"), ("ch", "\0"), ("c", "k"), ("\0", "ch"), ("w", "v"), ("z", "j"),
    ("y", "i"), ("u", "a"),
)
_MAGIC_E = re.compile(r"a([^aeiou\n])e$", re.MULTILINE)
_DOUBLED = re.compile(r"(.)\1+")
# A final `-ar` or `-er` is said `a`, a final `e` after a consonant not at all; the `r` is read first, so no word
# loses both.
_R_ENDING = re.compile(r"(?<=..)[ae]r$", re.MULTILINE)
_SILENT_E = re.compile(r"(?<=[^aeiou\n])e$", re.MULTILINE)


@lru_cache(maxsize=65536)
def sound(word: str) -> str:
    """A key that spellings of one spoken word share (`kolget` and `colgate` both give `kolget`)."""
    return sounds([word])[0]


def sounds(words: list[str]) -> list[str]:
    """The `sound` of each word, worked out for all of them at once."""
    if not words:
        return []
    text = "\n".join(words)
    for spelt, said in _SOUND_REPLACEMENTS:
        text = text.replace(spelt, said)
    text = _DOUBLED.sub(r"\1", _MAGIC_E.sub(r"e\1", text))
    return _SILENT_E.sub("", _R_ENDING.sub("a", text)).split("\n")


def catalog_words(text: str) -> list[str]:
    """Words and numbers of a catalog field, normalised the same way as message tokens."""
    words = find_words(clean_text(text).casefold().replace("'", "").replace("’", ""))
    return [romanised(word) for word in words]


# Letters with a stroke, which no Unicode decomposition takes apart: Vietnamese owners type `đường` as `duong`.
_STROKED = str.maketrans({"đ": "d", "Đ": "D"})


def without_marks(word: str) -> str:
    """A word without its tone marks, accents and strokes (`méjì` -> `meji`, `abụọ` -> `abuo`, `đường` -> `duong`)."""
    bare = "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))
    return bare.translate(_STROKED)
