"""Catalog words within one or two edits of a message word, found without scoring every word of a catalog."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from itertools import groupby
from typing import Iterable

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

_ONE = np.uint64(1)


@dataclass(frozen=True)
class Spellings:
    """Catalog words of one first letter, shortest first and in a stable order within a length, each with a
    fingerprint of the letters it uses.

    A word is looked for among several lengths of words (those within its edits, those it may write short): held in
    one array, they are screened in one pass, where a pass per length cost as much again for each length, as each
    length holds few words.
    """

    words: tuple[str, ...]
    letters: npt.NDArray[np.uint64]
    # The length of each word, in the same order: where each length's words begin and end.
    lengths: tuple[int, ...]

    @classmethod
    def of(cls, words: Iterable[str]) -> Spellings:
        """Words that all begin with the same letter."""
        ordered = tuple(sorted(words, key=lambda word: (len(word), word)))
        fingerprints = [_fingerprints(list(same)) for _, same in groupby(ordered, key=len)]
        letters = np.concatenate(fingerprints) if fingerprints else np.zeros(0, dtype=np.uint64)
        return cls(ordered, letters, tuple(map(len, ordered)))

    def between(self, shortest: int, longest: int) -> tuple[str, ...]:
        """The words of `shortest` to `longest` letters."""
        start, end = self._span(shortest, longest)
        return self.words[start:end]

    def within(self, word: str, edits: int, shortest: int, longest: int) -> list[tuple[str, int]]:
        """Words of `shortest` to `longest` letters at most `edits` OSA edits from `word`: shortest first, and the
        closest first among words of one length."""
        start, end = self._span(shortest, longest)
        # An edit adds or removes at most one letter from the set a word uses, so words whose letter sets differ by
        # more than two per edit cannot be close; this screens out nearly all of them.
        close = _at_most_bits(self.letters[start:end] ^ np.uint64(_fingerprint(word)), 2 * edits)
        choices = self._at(np.flatnonzero(close), start)
        found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=edits, limit=None)
        # Choices are shortest first: their places order a length's words as they were scored.
        ranked = sorted(found, key=lambda scored: (len(scored[0]), scored[1], scored[2]))
        return [(str(candidate), int(distance)) for candidate, distance, _ in ranked]

    def holding(self, word: str, shortest: int, longest: int) -> list[str]:
        """The words of `shortest` to `longest` letters that use every letter `word` uses (`chicken` for `chkn`):
        those it may write short."""
        start, end = self._span(shortest, longest)
        mask = np.uint64(_fingerprint(word))
        return self._at(np.flatnonzero((self.letters[start:end] & mask) == mask), start)

    def _at(self, places: npt.NDArray[np.intp], start: int) -> list[str]:
        # Thousands of words may pass a screen: their places are read as plain integers in one call, not one by one.
        return list(map(self.words.__getitem__, (places + start).tolist()))

    def _span(self, shortest: int, longest: int) -> tuple[int, int]:
        return bisect_left(self.lengths, shortest), bisect_left(self.lengths, longest + 1)


def _fingerprints(words: list[str]) -> npt.NDArray[np.uint64]:
    """The fingerprint of each of words that all have the same length, in one pass."""
    width = len(words[0])
    codes = np.array(words, dtype=f"<U{width}").view("<u4").reshape(len(words), width)
    bits = np.left_shift(_ONE, (codes % 64).astype(np.uint64))
    fingerprints: npt.NDArray[np.uint64] = np.bitwise_or.reduce(bits, axis=1)
    return fingerprints


def _fingerprint(word: str) -> int:
    mask = 0
    for character in word:
        mask |= 1 << (ord(character) % 64)
    return mask


def _at_most_bits(values: npt.NDArray[np.uint64], most: int) -> npt.NDArray[np.bool_]:
    """True where a value has at most `most` bits set: each step clears the lowest set bit, fewer steps than a count
    of every bit."""
    for _ in range(most):
        values = values & (values - _ONE)
    cleared: npt.NDArray[np.bool_] = values == 0
    return cleared
