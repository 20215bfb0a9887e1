"""Catalog words within one or two edits of a message word, found without scoring every word of a catalog."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

# Below this many words a bucket is scored directly; the fingerprint pass would cost more than it saves.
_SCREEN_FROM = 64
_ONE = np.uint64(1)


@dataclass(frozen=True)
class Spellings:
    """Catalog words of one first letter and length, each with a fingerprint of the letters it uses."""

    words: tuple[str, ...]
    letters: npt.NDArray[np.uint64]

    @classmethod
    def of(cls, words: Iterable[str]) -> Spellings:
        """Words that all have the same length, in a stable order."""
        ordered = tuple(sorted(words))
        if len(ordered) < _SCREEN_FROM:
            return cls(ordered, np.zeros(0, dtype=np.uint64))
        width = len(ordered[0])
        codes = np.array(ordered, dtype=f"<U{width}").view("<u4").reshape(len(ordered), width)
        bits = np.left_shift(_ONE, (codes % 64).astype(np.uint64))
        return cls(ordered, np.bitwise_or.reduce(bits, axis=1))

    def within(self, word: str, edits: int) -> list[tuple[str, int]]:
        """Words at most `edits` OSA edits from `word`, closest first."""
        choices: tuple[str, ...] | list[str] = self.words
        if len(self.letters):
            # An edit adds or removes at most one letter from the set a word uses, so words whose letter
            # sets differ by more than two per edit cannot be close; this screens out nearly all of them.
            close = _at_most_bits(self.letters ^ np.uint64(_fingerprint(word)), 2 * edits)
            choices = [self.words[i] for i in np.flatnonzero(close)]
        return [
            (str(candidate), int(distance))
            for candidate, distance, _ in process.extract(
                word, choices, scorer=OSA.distance, score_cutoff=edits, limit=None
            )
        ]


    def holding(self, word: str) -> list[str]:
        """The words that use every letter `word` uses (`chicken` for `chkn`): those it may write short."""
        if not len(self.letters):
            return list(self.words)
        mask = np.uint64(_fingerprint(word))
        return [self.words[i] for i in np.flatnonzero((self.letters & mask) == mask)]


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
