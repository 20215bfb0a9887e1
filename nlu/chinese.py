"""Chinese text as the order reader reads spaced languages: words segmented, numerals as digits, pinyin as Hanzi."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from backend.catalog import CatalogItem
from nlu.lexicon import Lexicon
from nlu.model import OrderParse
from nlu.segmenter import dictionary_words, searched_words

if TYPE_CHECKING:
    import jieba

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RE = re.compile(f"[{_HAN}]")
_HAN_RUN_RE = re.compile(f"[{_HAN}]+")
_LATIN_RUN_RE = re.compile(r"[A-Za-z]+")
_WORD_OR_HAN_RUN_RE = re.compile(f"[{_HAN}]+|[^\\W_{_HAN}]+")
# A space the reader put between two Hanzi, or between a Hanzi and a digit.
_ADDED_SPACE_RE = re.compile(f"(?<=[{_HAN}]) (?=[{_HAN}\\d])|(?<=\\d) (?=[{_HAN}])")
# WeChat sends its emoji as their names in brackets (`[抱拳]`, `[微笑]`): a greeting, never a product.
_WECHAT_EMOJI_RE = re.compile(f"\\[[{_HAN}]{{1,4}}\\]")
# The capital numerals of cheques and receipts (`叁`, `拾`) count as the everyday ones do.
_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟")
_NUMBER_CHARACTERS = "".join(_NUMERALS) + "半"
NUMERAL_RUN = re.compile(f"[{''.join(sorted(_NUMERALS))}]+")
# Punctuation NFKC leaves as it is: `、` lists items, `。` ends a sentence.
_PUNCTUATION = str.maketrans({"、": ",", "。": ","})
# Initials name a word only from three characters on: two letters are too often something else.
_MIN_INITIALS = 3
# How often jieba should think a catalog's or the lexicon's word occurs: enough to keep it whole. jieba scores
# a split by the sum of its parts' log shares of its total (over 60 million); two parts score at most twice
# the log share of its commonest word (under 900,000), which is below the log share of 50,000.
_USER_WORD_FREQUENCY = 50_000
# The characters jieba segments with its dictionary; a run of them that is a known word is that word.
_DICTIONARY_RUN_RE = re.compile("[\u4e00-\u9fd5]+")
# Runs of Chinese repeat (a brand, `红烧牛肉面`), in catalogs and messages alike; each is read once.
_RUN_CACHE_LIMIT = 50_000
# The longest catalog word a message's homophone typo is looked for as (`老干吗` for `老干妈`).
_MAX_HEARD = 6
# A brand this long or longer, typed with one character wrong, is still told from every other word.
_MIN_MISTYPED = 3


@lru_cache(maxsize=1)
def _dictionary() -> jieba.Tokenizer:
    """jieba's own dictionary, loaded once and never changed: each catalog adds its words to a copy."""
    # Imported here: only catalogs that write Chinese pay for the segmenter and its dictionary.
    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


class ChineseReader:
    """One catalog's segmenter (its brands and aliases as jieba user words) and its pinyin spellings."""

    def __init__(self, items: list[CatalogItem], lexicon: Lexicon) -> None:
        # Loaded now rather than on the catalog's first message, which would otherwise wait half a second.
        load_libraries()
        self._lexicon_words = _lexicon_words(lexicon)
        # `罐装`, `瓶装`: a measure word with a word that says nothing more is that measure word, what the pack holds.
        self._packed = {unit + word for unit in lexicon.unit_words if len(unit) == 1 for word in lexicon.stop_words}
        self._measure_words = frozenset(lexicon.unit_words)
        self._kinds = frozenset(lexicon.product_words)
        # `哈`, `嘛`, not `给`: the one-character words owners end a phrase with.
        self._particles = frozenset(
            word for word in lexicon.fillers if len(word) == 1 and word not in _leading_characters()
        )
        brands, aliases = _catalog_words(items)
        aliases |= _numbered_name_words(items, lexicon) - brands
        self._known = brands | aliases | self._lexicon_words
        self._shortened = _shortened_brands(brands, self._known)
        self._tokenizer = _catalog_tokenizer(self._known | self._shortened.keys())
        self._runs: dict[str, str] = {}
        self._heard_runs: dict[str, str] = {}
        # Every character of every message is read by its sound: each is worked out once.
        self._said_characters: dict[str, str] = {}
        # Longest first: `zh` before `z`, `hu` before `h`.
        self._alike = tuple(
            tuple(sorted(alike.items(), key=lambda pair: -len(pair[0])))
            for alike in (lexicon.pinyin_initials_alike, lexicon.pinyin_finals_alike)
        )
        self._pinyin = _pinyin_spellings(
            brands | self._shortened.keys(), aliases, _latin_words(items) | _latin_lexicon_words(lexicon)
        )
        self._catalog_words = brands | aliases
        self._brands = frozenset(brands)
        # `13香` for `十三香`, `6个核桃` for `六个核桃`: names with a numeral, typed in digits.
        self._in_digits = _in_digits(self._catalog_words, lexicon)
        self._in_digits_re = (
            re.compile("|".join(map(re.escape, sorted(self._in_digits, key=len, reverse=True))))
            if self._in_digits
            else None
        )
        # Every brand and alias is asked for its parts as the catalog is indexed, each many times over.
        self._parts = {word: self._own_parts(word, parts(word)) for word in self._catalog_words}
        # Read when a message first needs them, never as the catalog is indexed.
        self._spellings_but_one: tuple[dict[str, set[str]], frozenset[int]] | None = None
        self._sounds_read: dict[str, str] | None = None

    def spaced(self, text: str, pinyin: bool = True) -> str:
        """Text with its Chinese words apart, Chinese numerals as digits and (in messages) pinyin as Hanzi."""
        if pinyin and self._pinyin:
            text = _LATIN_RUN_RE.sub(lambda m: self._pinyin.get(m.group().casefold(), m.group()), text)
        if pinyin and self._in_digits_re is not None:
            text = self._in_digits_re.sub(lambda m: self._in_digits[m.group()], text)
        if not HAN_RE.search(text):
            return text
        text = _WECHAT_EMOJI_RE.sub(" ", text)
        return _HAN_RUN_RE.sub(lambda m: self._spaced_run(m.group()), text.translate(_PUNCTUATION))

    def is_word(self, word: str) -> bool:
        """True for a word of the language as its dictionary has it (`统一`, `蚝油`), not a name it lacks."""
        return len(word) > 1 and HAN_RE.match(word) is not None and bool(self._tokenizer.FREQ.get(word))

    def parts(self, word: str) -> tuple[str, ...]:
        """The shorter dictionary words inside a longer catalog word (`牛奶` in `纯牛奶`), which owners also say alone;
        not a measure word packed (`罐装` in `可口可乐罐装`), which says what the pack holds, nor a word for a kind of
        goods that begins the word (`鸡蛋` of `鸡蛋挂面`, `泡面` of `泡面搭档`): it says what the product is made with
        or for, and the word's last part what it is. What follows a brand an alias runs into (`纯生` of `雪花纯生`) is
        said alone too. Asked of catalog words only, each many times over (a brand on every SKU), so each is answered
        once."""
        found = self._parts.get(word)
        if found is None:
            found = self._parts[word] = self._own_parts(word, parts(word))
        return found

    def _own_parts(self, word: str, found: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(
            part
            for part in (*found, *self._after_brand(word))
            if part not in self._packed and not (part in self._kinds and word.startswith(part))
        )

    def _after_brand(self, word: str) -> tuple[str, ...]:
        """The rest of a word that begins with one of the catalog's brands, when it is two characters or more."""
        for end in range(len(word) - 2, 1, -1):
            if word[:end] in self._brands:
                return (word[end:],)
        return ()

    def spells(self, letters: str, word: str) -> bool:
        """True when Latin letters are a Chinese word's pinyin or its initials (`hs` of `汉斯`), however short."""
        if not letters.isascii() or not letters.isalpha() or HAN_RE.search(word) is None:
            return False
        syllables = _word_syllables(word)
        return letters.casefold() in ("".join(syllables), "".join(s[0] for s in syllables if s))

    def mistyped(self, phrase: str) -> str:
        """A phrase as the reader spaced it with a brand of three characters or more typed with one character wrong
        as the brand (`康帅傅` for `康师傅`): only where one brand is that near, the characters typed are whole words
        as the reader cut them, and they are no word of the language (`哈哈哈` is laughter, not `娃哈哈`)."""
        spellings, lengths = self._brands_but_one()
        words = phrase.split()
        if not lengths or not any(HAN_RE.match(word) for word in words):
            return phrase
        frequencies = _dictionary().FREQ
        start, written = 0, []
        while start < len(words):
            for end in range(min(len(words), start + max(lengths)), start, -1):
                typed = "".join(words[start:end])
                if len(typed) not in lengths or typed in self._known or frequencies.get(typed):
                    continue
                if not _HAN_RUN_RE.fullmatch(typed):
                    continue
                near = {b for i in range(len(typed)) for b in spellings.get(_but_one(typed, i), ())}
                if len(near) == 1:
                    written.append(near.pop())
                    start = end
                    break
            else:
                written.append(words[start])
                start += 1
        return " ".join(written)

    def _brands_but_one(self) -> tuple[dict[str, set[str]], frozenset[int]]:
        """The catalog's Hanzi brands of three characters or more under each spelling with one character as `?`, and
        the lengths of those brands: what a mistyped one is looked for as."""
        if self._spellings_but_one is None:
            found: dict[str, set[str]] = {}
            for brand in self._brands:
                if len(brand) >= _MIN_MISTYPED:
                    for i in range(len(brand)):
                        found.setdefault(_but_one(brand, i), set()).add(brand)
            self._spellings_but_one = (found, frozenset(len(spelling) for spelling in found))
        return self._spellings_but_one

    def is_chatter(self, word: str) -> bool:
        """True for a word the catalog does not write that the language uses for how, when, who or whether
        (`赶紧`, `今儿`, `顺便`), never for a thing."""
        return word not in self._known and word in _everyday_words()

    def heard(self, phrase: str, words_too: bool = False) -> str:
        """A phrase with its homophone typos as the catalog writes them (`康师父` -> `康师傅`, `炸菜` -> `榨菜`): the
        input method offered the wrong characters for the right sounds. Only a sound one catalog word has counts.
        `words_too`: a word of the language typed in its place is heard too (`怡保` for `怡宝`), where nothing else
        the phrase says names a product."""
        if words_too:
            return _HAN_RUN_RE.sub(lambda m: "".join(self._heard_words(m.group(), True)), unspaced(phrase))
        return _HAN_RUN_RE.sub(lambda m: self._heard_run(m.group()), unspaced(phrase))

    def _sounds(self) -> dict[str, str]:
        if self._sounds_read is None:
            self._sounds_read = _sounds(self._catalog_words, self._said)
        return self._sounds_read

    def _said(self, character: str) -> str:
        """A character's syllable as it is said where sounds the locale lists alike are one (`农` read `long`)."""
        said = self._said_characters.get(character)
        if said is None:
            said = self._said_characters[character] = _said_alike(_syllable(character), *self._alike)
        return said

    def _heard_run(self, run: str) -> str:
        heard = self._heard_runs.get(run)
        if heard is None:
            if len(self._heard_runs) >= _RUN_CACHE_LIMIT:
                self._heard_runs.clear()
            heard = self._heard_runs[run] = "".join(self._heard_words(run))
        return heard

    def _heard_words(self, run: str, words_too: bool = False) -> Iterator[str]:
        syllables = [self._said(ch) for ch in run]
        sounds = self._sounds()
        frequencies = _dictionary().FREQ
        start = 0
        while start < len(run):
            for end in range(min(len(run), start + _MAX_HEARD), start + 1, -1):
                typed = run[start:end]
                word = sounds.get("".join(syllables[start:end]))
                if word is None or _NUMERALS.intersection(typed):
                    continue
                # A word of the language typed as it is (`师父`, `统一`) is meant; so is a word the reader knows.
                if word != typed and ((frequencies.get(typed) and not words_too) or typed in self._known):
                    continue
                yield word
                start = end
                break
            else:
                yield run[start]
                start += 1

    def _spaced_run(self, run: str) -> str:
        spaced = self._runs.get(run)
        if spaced is None:
            if len(self._runs) >= _RUN_CACHE_LIMIT:
                self._runs.clear()
            # Traditional characters (`康師傅 紅燒牛肉麵`) are read as the simplified ones catalogs and owners share.
            spaced = self._runs[run] = f" {' '.join(self._words(_simplified(run)))} "
        return spaced

    def _words(self, run: str) -> list[str]:
        words: list[str] = []
        numeral = ""
        whole = run in self._known and _DICTIONARY_RUN_RE.fullmatch(run) is not None
        cut = list(self._joined_characters((run,) if whole else self._cut(run)))
        for position, word in enumerate(cut):
            # A brand written in numerals (`九三`) is that brand, not a number.
            counts = word in _NUMERALS or (len(word) > 1 and all(ch in _NUMERALS for ch in word))
            if counts and word not in self._catalog_words:
                numeral += word
                continue
            trail = len(word) - len(word.rstrip(_NUMBER_CHARACTERS))
            counted = 0 < trail < len(word) and position + 1 < len(cut) and cut[position + 1] in self._measure_words
            if counted and word not in self._catalog_words:
                # `再来一` `箱` that jieba keeps as a word of the language: the word, then the number the measure word
                # after it counts.
                if numeral:
                    words.append(_number(numeral))
                words.extend(self._unpacked(word[:-trail]))
                numeral = word[-trail:]
                continue
            lead = len(word) - len(word.lstrip(_NUMBER_CHARACTERS))
            if lead and word not in self._lexicon_words and word[lead:] in self._lexicon_words:
                # `两袋`, `半箱` that jieba keeps as one word: the number and its measure word.
                if word[:lead] in self._lexicon_words:
                    words.append(word[:lead])
                else:
                    numeral += word[:lead]
                word = word[lead:]
            if numeral:
                words.append(_number(numeral))
                numeral = ""
            words.extend(self._unpacked(word))
        if numeral:
            words.append(_number(numeral))
        return words

    def _cut(self, run: str) -> list[str]:
        return dictionary_words(run, self._tokenizer.FREQ, self._tokenizer.total)

    def _unpacked(self, word: str) -> tuple[str, ...]:
        """A word as the reader takes it: a measure word packed (`罐装`, also in `冰茶罐装`) apart from its word, and a
        brand's short form as the brand."""
        if word in self._packed:
            return tuple(word)
        if len(word) > 2 and word[-2:] in self._packed:
            return (word[:-2], word[-2], word[-1])
        if len(word) > 2 and word[:2] in self._packed:
            return (word[0], word[1], word[2:])
        return (self._shortened.get(word, word),)

    def _joined_characters(self, words: Iterable[str]) -> Iterator[str]:
        """Characters the dictionaries know only one by one (`雪` `碧`) as the one word they are (a name it lacks). A
        character no word has, left alone after a one-character particle (`哈` `啤`), is a name the particle begins
        (`哈啤`), never dropped."""
        loose, before = "", ""
        for word in words:
            if len(word) == 1 and word not in _NUMERALS and word not in self._known:
                loose += word
                continue
            if loose:
                yield from self._loose(before, loose)
                before, loose = "", ""
            elif before:
                yield before
            before = word
        if loose:
            yield from self._loose(before, loose)
        elif before:
            yield before

    def _loose(self, before: str, loose: str) -> Iterator[str]:
        if len(loose) == 1 and before in self._particles:
            yield before + loose
            return
        if before:
            yield before
        yield loose

def _catalog_tokenizer(words: set[str]) -> jieba.Tokenizer:
    """A copy of jieba's dictionary with a catalog's words added, as jieba's `add_word` adds them one by one (each
    start of a word not in the dictionary at frequency 0, so the segmenter looks on to the whole word), in one pass;
    the shared dictionary stays as loaded."""
    import jieba

    base = _dictionary()
    frequencies = dict(base.FREQ)
    for word in words:
        for end in range(1, len(word)):
            frequencies.setdefault(word[:end], 0)
    frequencies.update(dict.fromkeys(words, _USER_WORD_FREQUENCY))
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = frequencies
    tokenizer.total = base.total + _USER_WORD_FREQUENCY * len(words)
    tokenizer.initialized = True
    return tokenizer


def _but_one(word: str, place: int) -> str:
    """A word with its character at `place` as `?`: the spelling words one character apart share."""
    return f"{word[:place]}?{word[place + 1 :]}"


@lru_cache(maxsize=65536)
def parts(word: str) -> tuple[str, ...]:
    """The shorter dictionary words inside a longer Chinese word (`牛奶` in `纯牛奶`), which owners also say alone."""
    if len(word) < 3 or not HAN_RE.search(word):
        return ()
    base = _dictionary()
    return tuple(w for w in searched_words(word, base.FREQ, base.total) if 1 < len(w) < len(word))


def segmented(text: str) -> list[tuple[str, int]]:
    """The words of a text as the order reader reads them without a catalog (numerals as digits, `两袋` as `2 袋`),
    each with where it starts; punctuation and spaces left out."""
    reader = _reader_without_catalog()
    words: list[tuple[str, int]] = []
    for match in _WORD_OR_HAN_RUN_RE.finditer(text):
        if not HAN_RE.match(match.group()):
            words.append((match.group(), match.start()))
            continue
        start = match.start()
        for word in reader._words(match.group()):
            words.append((word, min(start, match.end() - 1)))
            start += len(word)
    return words


@lru_cache(maxsize=1)
def _reader_without_catalog() -> ChineseReader:
    from nlu.lexicon import load_lexicon

    return ChineseReader([], load_lexicon())


def as_written(parse: OrderParse) -> OrderParse:
    """A parse whose phrases read as the owner wrote them, without the spaces put between Chinese words."""
    return replace(
        parse,
        lines=tuple(replace(line, phrase=unspaced(line.phrase)) for line in parse.lines),
        ambiguous=tuple(replace(item, phrase=unspaced(item.phrase)) for item in parse.ambiguous),
        unknown=tuple(replace(item, phrase=unspaced(item.phrase)) for item in parse.unknown),
        price_questions=tuple(replace(item, phrase=unspaced(item.phrase)) for item in parse.price_questions),
    )


def unspaced(text: str) -> str:
    """Text without the spaces the reader put between Chinese words."""
    return _ADDED_SPACE_RE.sub("", " ".join(text.split()))


def reader_for(items: list[CatalogItem], lexicon: Lexicon) -> ChineseReader | None:
    """A reader for a catalog that writes Chinese; None for the others, which never pay for it."""
    # One text of them all, a line each: whether it is ASCII, or has a Hanzi, is asked once.
    texts = "\n".join(text for item in items for text in (item.name, item.brand, *item.aliases))
    if texts.isascii() or HAN_RE.search(texts) is None:
        return None
    return ChineseReader(items, lexicon)


def load_libraries() -> None:
    """Load jieba's dictionary and its everyday words, pypinyin, cn2an and OpenCC: once per process, so only the
    first Chinese catalog waits for them (most of a second), and neither a new version of it nor a message."""
    _dictionary()
    _everyday_words()
    _pinyin_reader()
    _numeral_reader()
    _simplifier()


@lru_cache(maxsize=1)
def _pinyin_reader() -> Callable[[str], list[str]]:
    from pypinyin import lazy_pinyin

    reader: Callable[[str], list[str]] = lazy_pinyin
    return reader


@lru_cache(maxsize=1)
def _simplifier() -> Callable[[str], str]:
    """OpenCC's converter from traditional to simplified characters, loaded once."""
    import opencc

    converter: Callable[[str], str] = opencc.OpenCC("t2s").convert
    return converter


def _simplified(run: str) -> str:
    """A run in simplified characters; one GB2312 writes wholly (the simplified set) is converted no further."""
    try:
        run.encode("gb2312")
    except UnicodeEncodeError:
        return _simplifier()(run)
    return run


@lru_cache(maxsize=1)
def _numeral_reader() -> Callable[[str, str], float]:
    """cn2an's numeral reader: its import compiles large patterns, so it is loaded once, with a Chinese catalog."""
    import cn2an

    reader: Callable[[str, str], float] = cn2an.cn2an
    return reader


def numeral_value(numeral: str) -> float | None:
    """A Chinese numeral's value (`二十五` is 25, `两` is 2), or None when it is none."""
    try:
        return float(_numeral_reader()(numeral, "smart"))
    except ValueError:
        return None


# Two numerals one apart (`两三`, `五六`, `三四十`) say about how many, a range, never one number (23).
_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_RANGE_RE = re.compile(f"([{''.join(_DIGITS)}])([{''.join(_DIGITS)}])([十百千]?)")


@lru_cache(maxsize=4096)
def _number(numeral: str) -> str:
    ranged = _RANGE_RE.fullmatch(numeral)
    if ranged is not None and _DIGITS[ranged.group(2)] == _DIGITS[ranged.group(1)] + 1:
        scale = {"": 1, "十": 10, "百": 100, "千": 1000}[ranged.group(3)]
        return f"{_DIGITS[ranged.group(1)] * scale}-{_DIGITS[ranged.group(2)] * scale}"
    value = numeral_value(numeral)
    return numeral if value is None else f"{value:g}"


def _in_digits(words: set[str], lexicon: Lexicon) -> dict[str, str]:
    """Catalog words whose numeral owners type in digits (`13香` -> `十三香`), by that spelling; not a numeral that
    ends the word (`统一`) or counts a measure word that ends it (`一袋半`): typed in digits, those are amounts."""
    counted = set(lexicon.unit_words) | set(lexicon.half_words)
    found: dict[str, str] = {}
    for word in words:
        match = NUMERAL_RUN.search(word)
        if match is None or match.end() == len(word) or not set(word[match.end() :]) - counted:
            continue
        digits = _number(match.group())
        if digits[:1].isdigit():
            found[f"{word[: match.start()]}{digits}{word[match.end() :]}"] = word
    return found


def _catalog_words(items: list[CatalogItem]) -> tuple[set[str], set[str]]:
    """The brands and the aliases a catalog writes in Hanzi: the words its owners type whole."""
    brands: set[str] = set()
    aliases: set[str] = set()
    # Each brand and alias once: a brand has many SKUs.
    for brand in {item.brand for item in items}:
        brands.update(_HAN_RUN_RE.findall(brand))
    for alias in {alias for item in items for alias in item.aliases}:
        aliases.update(_HAN_RUN_RE.findall(alias))
    return brands, aliases - brands


def _numbered_name_words(items: list[CatalogItem], lexicon: Lexicon) -> set[str]:
    """`六个核桃`, `十三香` written apart in a name: a product's name with a numeral inside, which counts nothing, is
    typed whole like an alias; not one whose numeral counts the measure words that end it (`五袋`, `一袋半`), nor
    the brand a name runs into it (`养元六个核桃`), a word of its own (`统一老坛酸菜` is `统一` and what follows)."""
    counted = set(lexicon.unit_words) | set(lexicon.half_words)
    found: set[str] = set()
    # Most names write no numeral: only those that do are read.
    for name, brand in {(item.name, item.brand) for item in items if NUMERAL_RUN.search(item.name)}:
        for run in _HAN_RUN_RE.findall(name):
            run = run.removeprefix(brand) if brand and run != brand else run
            match = NUMERAL_RUN.search(run)
            if match is not None and match.end() < len(run) and set(run[match.end() :]) - counted:
                found.add(run)
    return found


def _shortened_brands(brands: set[str], known: set[str]) -> dict[str, str]:
    """Brands of two words as owners shorten them, the first character of each (`哈啤` for `哈尔滨啤酒`, `青啤` for
    `青岛啤酒`); a short form that is already a word, or that two brands share, is neither's."""
    base = _dictionary()
    found: dict[str, set[str]] = {}
    for brand in brands:
        words = dictionary_words(brand, base.FREQ, base.total) if len(brand) >= 4 else []
        if len(words) == 2 and all(len(word) >= 2 for word in words):
            found.setdefault(words[0][0] + words[1][0], set()).add(brand)
    return {
        short: next(iter(named))
        for short, named in found.items()
        if len(named) == 1 and short not in known and not base.FREQ.get(short)
    }


# jieba's part-of-speech tags of words that never name a thing: adverbs, verbs, pronouns, times, prepositions,
# conjunctions, particles, interjections, directions, numerals and measure words.
_EVERYDAY_TAGS = frozenset(
    {"d", "ad", "v", "vd", "vg", "r", "rr", "rz", "t", "tg", "p", "c", "u", "uj", "ul", "uz", "ug", "ud", "uv"}
    | {"y", "e", "o", "f", "m", "q", "mq", "zg"}
)
_LEADING_TAGS = frozenset({"v", "vd", "p", "r", "rr", "rz", "d", "c"})


@lru_cache(maxsize=1)
def _everyday_words() -> frozenset[str]:
    """The words of two characters or more that jieba's dictionary tags as never naming a thing; read once, with
    the other libraries."""
    return _tagged_words()[0]


@lru_cache(maxsize=1)
def _leading_characters() -> frozenset[str]:
    """The characters jieba's dictionary tags as verbs, prepositions or pronouns (`给`, `来`, `我`): they lead into
    the words after them."""
    return _tagged_words()[1]


@lru_cache(maxsize=1)
def _tagged_words() -> tuple[frozenset[str], frozenset[str]]:
    import jieba

    words: set[str] = set()
    leading: set[str] = set()
    with jieba.get_dict_file() as lines:
        for line in lines:
            entry = line.decode("utf-8").split()
            if len(entry) != 3:
                continue
            if len(entry[0]) > 1 and entry[2] in _EVERYDAY_TAGS:
                words.add(entry[0])
            elif len(entry[0]) == 1 and entry[2] in _LEADING_TAGS:
                leading.add(entry[0])
    return frozenset(words), frozenset(leading)


def _lexicon_words(lexicon: Lexicon) -> set[str]:
    known = (
        set(lexicon.unit_words)
        | set(lexicon.number_words)
        | set(lexicon.size_words)
        | set(lexicon.product_words)
        | lexicon.fillers
        | lexicon.connectors
        | lexicon.correction_markers
        | lexicon.cue_words
        | lexicon.non_order_cues
        | lexicon.half_words
        | lexicon.variant_words
        | lexicon.stop_words
        | lexicon.draft_add_cues
        | lexicon.draft_more_cues
        | lexicon.draft_new_cues
        | lexicon.place_cues
        | lexicon.smaller_words
        | lexicon.larger_words
        | lexicon.price_point_words
        | lexicon.same_amount_words
    )
    return {word for word in known if HAN_RE.search(word) and " " not in word}


def _latin_words(items: list[CatalogItem]) -> set[str]:
    texts = {text for item in items for text in (item.name, item.brand, *item.aliases)}
    # Read as one text, a line each: a run of Latin letters never crosses a line, and one search is quicker.
    return {word.casefold() for word in _LATIN_RUN_RE.findall("\n".join(texts))}


def _latin_lexicon_words(lexicon: Lexicon) -> set[str]:
    return set(lexicon.unit_words) | set(lexicon.size_words) | set(lexicon.number_words) | lexicon.fillers


@lru_cache(maxsize=16384)
def _syllable(character: str) -> str:
    return "".join(_pinyin_reader()(character))


@lru_cache(maxsize=16384)
def _said_alike(
    syllable: str, initials: tuple[tuple[str, str], ...], finals: tuple[tuple[str, str], ...]
) -> str:
    """`nong` as `long`, `hua` as `fa`, `qing` as `qin`: a syllable with its beginning and its ending as said."""
    for typed, said in initials:
        if syllable.startswith(typed):
            syllable = said + syllable[len(typed) :]
            break
    for typed, said in finals:
        if syllable.endswith(typed):
            syllable = syllable[: -len(typed)] + said
            break
    return syllable


def _sounds(words: set[str], said: Callable[[str], str]) -> dict[str, str]:
    """Catalog words by their sounds, character by character as a message's are read; a sound two words share
    names neither."""
    heard = [word for word in words if 1 < len(word) <= _MAX_HEARD]
    # A catalog's many words share few characters: each is read once.
    sound_of = {character: said(character) for character in set().union(*heard)}
    by_sound: dict[str, set[str]] = {}
    for word in heard:
        by_sound.setdefault("".join(map(sound_of.__getitem__, word)), set()).add(word)
    return {sound: next(iter(named)) for sound, named in by_sound.items() if len(named) == 1}


@lru_cache(maxsize=65536)
def _word_syllables(word: str) -> tuple[str, ...]:
    """A brand's syllables, read as one word; remembered, so a catalog's next version reads only its new brands."""
    return tuple(_pinyin_reader()(word))


def _pinyin_spellings(brands: set[str], aliases: set[str], taken: set[str]) -> dict[str, str]:
    """`kangshifu` and `ksf` for 康师傅: a spelling two words share, or one that is already a word, names neither.

    Brands are read as whole words, so a character with two readings takes the one the word gives it; the
    many more aliases character by character, so a large catalog is indexed in time.
    """
    spellings: dict[str, set[str]] = {}
    for word in brands | aliases:
        if len(word) < 2:
            continue
        syllables = _word_syllables(word) if word in brands else [_syllable(ch) for ch in word]
        spellings.setdefault("".join(syllables), set()).add(word)
        if len(word) >= _MIN_INITIALS:
            spellings.setdefault("".join(s[0] for s in syllables if s), set()).add(word)
    return {
        spelling: next(iter(named))
        for spelling, named in spellings.items()
        if len(named) == 1 and spelling not in taken and spelling.isascii() and spelling.isalpha()
    }
