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
            differing = _bit_count(self.letters ^ np.uint64(_fingerprint(word)))
            choices = [self.words[i] for i in np.flatnonzero(differing <= 2 * edits)]
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


def _bit_count(values: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    values = values - ((values >> _ONE) & np.uint64(0x5555555555555555))
    values = (values & np.uint64(0x3333333333333333)) + ((values >> np.uint64(2)) & np.uint64(0x3333333333333333))
    values = (values + (values >> np.uint64(4))) & np.uint64(0x0F0F0F0F0F0F0F0F)
    result: npt.NDArray[np.uint64] = (values * np.uint64(0x0101010101010101)) >> np.uint64(56)
    return result
