"""Chinese text cut into a dictionary's words as jieba cuts it without its HMM, in compiled code: jieba's own cut is
pure Python, and a catalog of 50,000 Chinese names asks it for every brand, alias and run of its names."""

from __future__ import annotations

import math
import re

# jieba's own patterns: a block it cuts by the dictionary, the whitespace it keeps as it is, a letter or digit.
_BLOCK_RE = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
_SKIP_RE = re.compile("(\r\n|\\s)")
_LATIN_RE = re.compile("[a-zA-Z0-9]")


def dictionary_words(text: str, frequencies: dict[str, int], total: int) -> list[str]:
    """The words of `text` as jieba's `Tokenizer.cut(text, HMM=False)` gives them for a dictionary of these word
    frequencies (and their sum): each block the most likely words, every other character alone."""
    words: list[str] = []
    log_total = math.log(total)
    for block in _BLOCK_RE.split(text):
        if not block:
            continue
        if _BLOCK_RE.match(block):
            words.extend(_block_words(block, frequencies, log_total))
            continue
        for piece in _SKIP_RE.split(block):
            if _SKIP_RE.match(piece):
                words.append(piece)
            else:
                words.extend(piece)
    return words


def searched_words(text: str, frequencies: dict[str, int], total: int) -> list[str]:
    """The words of `text` as jieba's `Tokenizer.cut_for_search(text, HMM=False)` gives them: each word, after the
    dictionary words of two and of three characters inside it."""
    found: list[str] = []
    for word in dictionary_words(text, frequencies, total):
        for length in (2, 3):
            if len(word) > length:
                for start in range(len(word) - length + 1):
                    inside = word[start : start + length]
                    if frequencies.get(inside):
                        found.append(inside)
        found.append(word)
    return found


def _block_words(block: str, frequencies: dict[str, int], log_total: float) -> list[str]:
    size = len(block)
    # From each character on, the likeliest cut of the rest (the sum of its words' log shares of the total) and
    # where that cut's first word ends, worked out from the block's end, as jieba's route.
    scores = [0.0] * (size + 1)
    ends = [0] * (size + 1)
    for start in range(size - 1, -1, -1):
        best, best_end = 0.0, -1
        # The dictionary's words that begin here (jieba's DAG), each looked up once: a prefix of a word is in the
        # dictionary at frequency 0, so the search stops where no word goes on.
        end = start
        frequency = frequencies.get(block[start])
        while frequency is not None:
            if frequency:
                score = math.log(frequency) - log_total + scores[end + 1]
                # On a tie the longer word, as jieba's `max` over (score, end) pairs takes it.
                if best_end < 0 or score >= best:
                    best, best_end = score, end
            end += 1
            if end == size:
                break
            frequency = frequencies.get(block[start : end + 1])
        if best_end < 0:
            # No word begins here: the character alone.
            best, best_end = math.log(frequencies.get(block[start]) or 1) - log_total + scores[start + 1], start
        scores[start], ends[start] = best, best_end
    words: list[str] = []
    # Letters and digits the dictionary has no word for stay together, as jieba keeps them.
    latin = ""
    start = 0
    while start < size:
        word = block[start : ends[start] + 1]
        if len(word) == 1 and _LATIN_RE.match(word):
            latin += word
        else:
            if latin:
                words.append(latin)
                latin = ""
            words.append(word)
        start = ends[start] + 1
    if latin:
        words.append(latin)
    return words

