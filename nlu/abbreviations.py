"""Catalog words written short, as distributors write them (`SCE` sauce, `CHKN` chicken, `ORIG` original,
`PCANTON` pancit canton), read as the words they shorten."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

_VOWELS = frozenset("aeiou")
# Letters that follow a consonant at the start of a syllable (`br`, `ch`, `pl`, `tw`, `ny`): a word that starts
# with two consonants otherwise (`PCANTON`) is a letter glued to a word.
_SECOND_OF_ONSET = frozenset("hlrwy")
# A prefix shorter than this is too often a word of its own (`big`, `tea`, `red`).
_MIN_PREFIX = 4
_MIN_GLUED_WORD = 5
# A word's own endings (`salt`ed, `drink`ing): the start of such a word is another word, not a short form.
_ENDINGS = frozenset({"ed", "es", "er", "ers", "ing", "ings", "ies", "ly", "ness"})


def skeleton(word: str) -> str:
    """The first letter and the consonants after it, each run of one letter once (`chicken` -> `chckn`)."""
    kept = [word[0]]
    for letter in word[1:]:
        if letter not in _VOWELS and letter != kept[-1]:
            kept.append(letter)
    return "".join(kept)


def consonants(word: str) -> str:
    """The first letter and the consonants after it, a letter doubled in place once (`sausage` -> `ssg`)."""
    kept = [word[0]]
    for previous, letter in zip(word, word[1:], strict=False):
        if letter not in _VOWELS and letter != previous:
            kept.append(letter)
    return "".join(kept)


def written_short(short: str) -> bool:
    """Consonants but for the first and last letter (`wht`, `sce`, `vngr`): how a word is written short."""
    return not _VOWELS.intersection(short[1:-1]) and sum(letter not in _VOWELS for letter in short) >= 2


def shortens(short: str, full: str) -> bool:
    """True when `short` is `full` written short: its start (`orig`), or its consonants (`vngr`, `chkn`, `pwd`)."""
    if len(short) < 3 or len(full) <= len(short) or short[0] != full[0] or not (short.isalpha() and full.isalpha()):
        return False
    if full.startswith(short):
        # Words are cut short before a vowel (`orig|inal`, `saus|age`); a start before a consonant is mostly a word
        # of its own (`water|melon`, `black|currant`).
        rest = full[len(short) :]
        return len(short) >= _MIN_PREFIX and len(rest) >= 2 and rest[0] in _VOWELS and rest not in _ENDINGS
    if not written_short(short) or (short[-1] in _VOWELS and full[-1] != short[-1]):
        return False
    own, whole = skeleton(short), skeleton(full)
    if own == whole:
        # Two consonants are a short form only with the vowel the word ends in (`sce`), not doubled (`all`), unless
        # the word writes the one consonant twice apart (`SSG`, sausage).
        return len(own) >= 3 or short[-1] in _VOWELS or short == consonants(full)
    if len(own) < 3 or len(whole) != len(own) + 1:
        return False
    return whole.startswith(own) or (own[-1] == whole[-1] and _within(own, whole))


def vowels_dropped(typed: str, full: str) -> bool:
    """True when `typed` is `full` with one or two of its vowels left out (`brwn`, `zro`, `royl`), as owners
    type on a phone keypad."""
    if not 0 < len(full) - len(typed) <= 2 or typed[:1] != full[:1]:
        return False
    letters = iter(full)
    for letter in typed:
        for other in letters:
            if other == letter:
                break
            if other not in _VOWELS:
                return False
        else:
            return False
    return all(rest in _VOWELS for rest in letters)


def vowel_drops(word: str) -> set[str]:
    """The word with one or two of its vowels after the first letter left out (`sfood`, `seafood`), as a keypad or
    a distributor's price list writes it."""
    inner = [i for i, letter in enumerate(word) if i > 0 and letter in _VOWELS]
    drops = {word[:i] + word[i + 1 :] for i in inner}
    drops.update(word[:i] + word[i + 1 : j] + word[j + 1 :] for i in inner for j in inner if i < j)
    return drops if word.isalpha() else set()


def _within(part: str, whole: str) -> bool:
    letters = iter(whole)
    return all(letter in letters for letter in part)


def glued_word(word: str) -> str | None:
    """The word a letter is glued to (`canton` of `pcanton`), when the two first letters start no syllable."""
    if len(word) - 1 < _MIN_GLUED_WORD or not word.isalpha():
        return None
    if word[0] in _VOWELS or word[1] in _VOWELS or not _glues(word):
        return None
    # Letters without a vowel are initials (pinyin `lgmyl`), not a word.
    return word[1:] if _VOWELS.intersection(word) else None


def glued_names(
    words: Iterable[str], pairs: Iterable[tuple[str, str]], vocabulary: Iterable[str]
) -> dict[str, tuple[str, ...]]:
    """Each word that is a letter glued to another (`PCANTON`), or to another written short (`PCTN`: `p` and `ctn`
    of `canton`), with the words it writes: the other, and the first of a two-word name (`pancit canton`) the
    letter begins. A word without a vowel that is itself one word written short (`CNDL` candle) is none."""
    firsts: dict[str, set[str]] = defaultdict(set)
    for first, second in pairs:
        firsts[second].add(first)
    found = {}
    unglued = []
    for word in words:
        glued = glued_word(word)
        if glued is not None:
            found[word] = (glued, *sorted(first for first in firsts.get(glued, ()) if first[0] == word[0]))
        elif len(word) - 1 >= 3 and not _VOWELS.intersection(word) and _glues(word):
            unglued.append(word)
    if not unglued:
        return found
    by_key: dict[str, list[str]] = defaultdict(list)
    for full in vocabulary:
        if len(full) > 3 and full.isalpha():
            for key in _keys(full):
                by_key[key].append(full)
    # A skeleton starts with its word's first letter: a word neither of whose first two letters starts a key (the
    # many words of a catalog written in another script than the vocabulary) is found by neither look-up.
    initials = {key[:1] for key in by_key}
    for word in unglued:
        if word[0] in initials and any(shortens(word, full) for full in by_key.get(skeleton(word), ())):
            continue
        rest = word[1:]
        if rest[0] not in initials:
            continue
        named = {
            name
            for full in by_key.get(skeleton(rest), ())
            if shortens(rest, full)
            for first in firsts.get(full, ())
            if first[0] == word[0]
            for name in (first, full)
        }
        if named:
            found[word] = tuple(sorted(named))
    return found


def _glues(word: str) -> bool:
    """The two first letters start no syllable, so the first is a letter glued to the rest."""
    first, second = word[0], word[1]
    return second not in _SECOND_OF_ONSET and first != "s" and first + second != "ng" and word.isalpha()


def _keys(word: str) -> set[str]:
    """Where a word may be found by what it shortens: its skeleton, and that skeleton one inner letter fewer."""
    whole = skeleton(word)
    keys = {whole, whole[:-1]}
    keys.update(whole[:i] + whole[i + 1 :] for i in range(1, len(whole) - 1))
    return keys


@dataclass(frozen=True)
class ShortWords:
    """A catalog's words that may be others written short, found by skeleton or by start."""

    by_key: dict[str, tuple[str, ...]]
    words: frozenset[str]
    # The catalog's words and the locale's: what is left after a start that is one of them makes two words.
    known: frozenset[str]
    # The locale's words for goods: a start that is one of them is a word of its own.
    vocabulary: frozenset[str]

    @classmethod
    def of(cls, catalog_words: Iterable[str], vocabulary: frozenset[str]) -> ShortWords:
        """Index the catalog words that could shorten another (letters only, three or more)."""
        words = frozenset(w for w in catalog_words if len(w) >= 3 and w.isalpha())
        by_key: dict[str, list[str]] = defaultdict(list)
        for word in words:
            if written_short(word):
                by_key[skeleton(word)].append(word)
        return cls({key: tuple(sorted(found)) for key, found in by_key.items()}, words, words | vocabulary, vocabulary)

    def read(self, full: str) -> tuple[str, ...]:
        """The catalog words that write `full` short."""
        if len(full) < _MIN_PREFIX or not full.isalpha():
            return ()
        # A start that leaves another word is one word of two (`water` of `watermelon`), not a short form, unless the
        # start is no word for goods (`PINE` of `pineapple`).
        found = {
            full[:end]
            for end in range(_MIN_PREFIX, len(full) - 1)
            if full[:end] in self.words
            and (full[end:] not in self.known or full[:end] not in self.vocabulary)
            and shortens(full[:end], full)
        }
        for key in _keys(full):
            found.update(short for short in self.by_key.get(key, ()) if shortens(short, full))
        # `SFOOD` seafood: two vowels left out of a word that keeps others.
        found.update(short for short in vowel_drops(full) if short in self.words and len(short) >= _MIN_PREFIX)
        return tuple(sorted(found))

    def expansions(self, vocabulary: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """Each word of `vocabulary` that the catalog writes short, with the catalog words that shorten it."""
        found = {}
        for full in vocabulary:
            shorts = self.read(full)
            if shorts:
                found[full] = shorts
        return found
