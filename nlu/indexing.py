"""How a catalog is read into its index: each SKU's words, size and pack, the word postings and the groups matching
filters by. Compiled with the reader (`nlu/compiled.py`): at 50,000 SKUs the build is a few million small steps."""

from __future__ import annotations

import gc
import re
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import fields, replace
from functools import lru_cache
from itertools import chain, takewhile
from typing import Any, Callable, Collection, Iterable, Iterator, NamedTuple

from backend.catalog import CatalogItem
from nlu.abbreviations import ShortWords, glued_names, shortens, skeleton, written_short
from nlu.catalog_index import CatalogIndex, IndexedItem, SkuGroups, kind_joins, name_marks_of, singular_and_plural
from nlu.chinese import HAN_RE, ChineseReader, reader_for
from nlu.lexicon import Lexicon
from nlu.sizes import SIZE_PRICE, Size, price_point_from_text, size_from_text
from nlu.spelling import Spellings
from nlu.text import (
    RATIO_RE,
    clean_text,
    find_words,
    in_indic_script,
    ratio_word,
    romanised,
    sounds,
    without_marks,
)


class _TextPattern:
    """A pattern, and the same pattern for ASCII text, where a letter is one of a to z and a digit one of 0 to 9: in
    the text of most catalogs, found in two thirds of the time. Used on cleaned text, which has no control
    characters (that ASCII `\\s` would not take for spaces)."""

    __slots__ = ("_any", "_ascii")

    def __init__(self, pattern: str) -> None:
        self._any = re.compile(pattern)
        self._ascii = re.compile(pattern, re.ASCII)

    def findall(self, text: str) -> list[Any]:
        return (self._ascii if text.isascii() else self._any).findall(text)

    def search(self, text: str) -> re.Match[str] | None:
        return (self._ascii if text.isascii() else self._any).search(text)


_MIXED_RE = re.compile(r"^(?:\d+(?:/\d+)?[^\W\d_]+|[^\W\d_]+\d+)[^\W_]*$")
_RAW_MIXED_RE = _TextPattern(r"(?<![\w.])(?:\d+[^\W\d_]+|[^\W\d_]+\d+)[^\W_]*(?![\w])")
# A pack's count of pieces and the word it counts them in (`330ml×24罐`, `x 12 bottles`).
_PIECES_RE = _TextPattern(r"(?:×|\*|(?<![^\W\d_])x)\s*\d+\s*([^\W\d_]+)")
# A count and the word it counts in, inside a name (`outer of 10 boxes`, `10包/条` before the unit it fills).
_COUNTED_RE = _TextPattern(r"(?<![\w.])\d+(?:\s+|(?=[^\W\d_]+\s*/))([^\W\d_]+)")
# The unit after a slash in a name says what the pack is sold by (`24瓶/箱`, `72 pcs/box`).
_SOLD_BY_RE = re.compile(r"/\s*([^\W\d_]+)")
# A brand word this short or shorter is not written shorter still (`KCC`, `Omo`).
_MIN_BRAND_SHORTENED = 3
# `【新日期】`, `【爆款】`: a listing's tag in the brackets Chinese shop platforms write them in.
_LISTING_TAG_RE = re.compile(r"【[^】]*】")
# `W/ FREE MUG`, `with tumbler`: where a name starts writing what comes with the product.
_ATTACHED_RE = re.compile(r"(?<![^\W\d_])w/|\bwith\b")
# A kind a price list writes with its first word cut to the initial (`C/FAT`, `B/SOAP`, `T/TISSUE`).
_SLASHED_INITIAL_RE = re.compile(r"(?<!\w)([^\W\d_])/([^\W\d_]{2,})")
# `3-in-1`, `2-in-1`: a hyphenated name of digits and letters, which messages write as one word (`3in1`).
_HYPHENED_RE = re.compile(r"(?<![\w-])[^\W_]+(?:-[^\W_]+)+(?![\w-])")
# The number that ends a word of letters and digits (`3in1`, `b12`): it belongs to that word, not to the next.
_GLUED_NUMBER_RE = _TextPattern(r"[^\W\d_](\d+)(?![\w.])")
# A grade or rating: a number with one letter after it (`42.5R` cement, `9V` battery), read as one word.
_GRADE_RE = re.compile(r"^(\d+(?:\.\d+)?)[^\W\d_]$")
# Two capitals in a row: the quick test before a catalog text is searched for words in capitals.
_TWO_CAPITALS_RE = re.compile(r"[A-Z]{2}")
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_DIGIT_RE = re.compile(r"\d")
# Most texts have no joined, numbered or mixed words; one shared empty set saves a set per text.
_NOTHING: frozenset[str] = frozenset()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Every object a build allocates stays alive, so cyclic collection passes during it are pure cost.

    What is alive after it is then frozen (`gc.freeze`): the collector never traverses the index again, not once
    after the build nor while messages are read. An index holds no reference cycles, so a version replaced by a
    newer one is still freed, by reference counting.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        if enabled:
            gc.enable()


class _TextFacts(NamedTuple):
    """What one catalog text contributes; brands, categories and aliases repeat, so each is read once.

    A named tuple, made with its fields in order: a build makes one for every name and alias, and a tuple is made in
    half the time of a frozen dataclass, and given its fields in order in half the time of naming each.
    """

    content: tuple[str, ...]
    extra_words: frozenset[str]
    numbered: frozenset[str]
    joined: frozenset[str]
    contributed: frozenset[str]
    connector_triples: tuple[tuple[str, str, str], ...]
    has_number: bool = False
    # The unit word a pack's name counts its pieces in (`罐` of `330ml×24罐`); a name's only, used.
    piece_word: str = ""


def _graded(words: list[str], content: list[str], letters: frozenset[str]) -> set[str]:
    """`gradea` of `GRADE A`: a letter that is also an article names the grade with the word before it, never one."""
    if letters.isdisjoint(words):
        return set()
    return {a + b for a, b in zip(words, words[1:], strict=False) if b in letters and a in content}


def _one_word_facts(word: str, stop_words: frozenset[str], attaching: frozenset[str]) -> _TextFacts:
    """One word of plain letters (most nicknames and many brands): the word is all there is to read."""
    alone: tuple[str, ...] = () if word in stop_words else (word,)
    return _TextFacts(alone, _NOTHING, _NOTHING, _NOTHING, frozenset(alone), _attached_triples(word, attaching))


class _Run(NamedTuple):
    """What the word patterns find in one run of a text between spaces (`carton`, `100g,`, `7up`, `低脂牛奶`)."""

    # The run with its Chinese words apart (`低脂 牛奶`), in a catalog that writes Chinese; else the run itself.
    spaced: str
    words: tuple[str, ...]
    # The numbers that end a word of letters and digits (`12` of `b12`).
    glued: tuple[str, ...]
    # The words that mix digits and letters (`7up`, `100g`).
    mixed: tuple[str, ...]


class _Runs(dict[str, _Run]):
    """The runs of a catalog's texts, each read once: neither the word patterns nor the Chinese segmenter reach across
    a space, so a text's findings are its runs' in order, and names share most of theirs (`carton`, `of`, `24`, a
    brand on each of its SKUs)."""

    def __init__(self, chinese: ChineseReader | None) -> None:
        super().__init__()
        self._chinese = chinese

    def __missing__(self, run: str) -> _Run:
        spaced = run if self._chinese is None else self._chinese.spaced(run, pinyin=False)
        words = tuple(find_words(spaced.replace("'", "").replace("’", "")))
        # Both patterns need a digit, which most runs have none of.
        if _DIGIT_RE.search(spaced) is None:
            found = self[run] = _Run(spaced, words, (), ())
        else:
            found = self[run] = _Run(
                spaced, words, tuple(_GLUED_NUMBER_RE.findall(spaced)), tuple(_RAW_MIXED_RE.findall(spaced))
            )
        return found


def _text_reader(lexicon: Lexicon, chinese: ChineseReader | None) -> Callable[[str], _TextFacts]:
    stop_words, size_words, unit_words = lexicon.stop_words, lexicon.size_words, lexicon.unit_words
    packaging_words, connectors, attaching = lexicon.packaging_words, lexicon.connectors, lexicon.attaching_words
    # `12X` of `500ML PET 12X`: a count before the pack's times sign is the pack's notation, no word of the name.
    # `6U`, `24 UDS`: the letters a list writes after the count of pieces a pack holds name no product.
    counts = lexicon.pack_content_suffixes
    # `10 wala` of an alias (`surf 10 wala`) says which pack the number names, as messages do: no word of the name.
    described = lexicon.description_suffixes
    not_numbered = stop_words.union(
        size_words, unit_words, packaging_words, lexicon.currency_words, counts, lexicon.quantity_markers, described
    )
    not_joined = packaging_words.union(unit_words)
    # After a number, a size's unit (`300 ml`) or a count's letters are no content word either.
    not_after_number = stop_words.union(size_words, unit_words, counts, described)
    size_or_count = size_words.keys() | unit_words.keys()
    runs_read = _Runs(chinese)

    def facts(text: str) -> _TextFacts:
        if text.isascii() and text.isalpha():
            return _one_word_facts(text.casefold(), stop_words, attaching)
        folded = clean_text(text).casefold()
        # Most aliases and brands have no digit: the patterns that need one are not tried on them.
        piece_word = _piece_word(folded, lexicon) if _DIGIT_RE.search(folded) is not None else ""
        runs = [runs_read[run] for run in folded.split()]
        if chinese is not None:
            folded = " ".join(run.spaced for run in runs)
        words = [word for run in runs for word in run.words]
        if not folded.isascii() and in_indic_script(folded):
            # Devanagari names and aliases in the Latin letters messages are read in (`पारले जी`, `parle ji`).
            words = [romanised(word) for word in words]
        content, numbered, has_number = _content_words(words, runs, stop_words, not_after_number, not_numbered)
        extra = set(numbered)
        if chinese is None and not folded.isascii():
            # `DOÑA BLANCA`, `PIÑA`, `SUCRÉ` typed without their marks (`dona`, `pina`, `sucre`): Latin letters only.
            extra.update(bare for word in content if (bare := without_marks(word)) != word and bare.isascii())
        if chinese is not None:
            extra.update(part for word in content for part in chinese.parts(word))
        if has_number:
            extra.update(_mixed_words(runs, folded, size_or_count))
        # `fresh fri` also as `freshfri`: people drop the space in brand names.
        plain = [w for w in content if w not in not_joined]
        joined = {a + b for a, b in zip(plain, plain[1:], strict=False)}
        if len(words) > 1 and words[0] in stop_words and content[:1] == [words[1]]:
            # `leminerale`: a name that opens with a word such as an article (`le minerale`) is typed glued too.
            joined.add(words[0] + words[1])
        joined.update(_graded(words, content, lexicon.article_letters))
        triples = _connector_triples(words, folded, connectors, attaching)
        return _TextFacts(
            tuple(content),
            frozenset(extra) if extra else _NOTHING,
            frozenset(numbered) if numbered else _NOTHING,
            frozenset(joined) if joined else _NOTHING,
            frozenset(content).union(extra, joined),
            triples,
            has_number,
            piece_word,
        )

    return facts


def _mixed_words(runs: list[_Run], folded: str, size_or_count: Collection[str]) -> Iterator[str]:
    """The words of a text with a number that mix digits and letters (`7up`), a ratio (`17-17-17`) or a hyphen
    (`3-in-1`), which messages must read as one word."""
    yield from (w for run in runs for w in run.mixed if w.lstrip("0123456789.") not in size_or_count)
    if folded.count(":") > 1 or folded.count(".") > 1 or folded.count("-") > 1:
        # A ratio writes one of these marks twice (`17-17-17`).
        yield from (ratio_word(m.group()) for m in RATIO_RE.finditer(folded))
    if "-" in folded:
        yield from _hyphened(folded)


def _brand_words(facts: _TextFacts) -> frozenset[str]:
    """The words that name a brand: `7Up` is `7up`, never `up` alone, which a message may say of another brand."""
    words = set(facts.content)
    for mixed in facts.extra_words:
        letters = mixed.lstrip("0123456789")
        if letters != mixed and letters in words:
            words.discard(letters)
            words.add(mixed)
    return frozenset(words)


def _content_words(
    words: list[str],
    runs: list[_Run],
    stop_words: frozenset[str],
    not_after_number: frozenset[str],
    not_numbered: frozenset[str],
) -> tuple[list[str], set[str], bool]:
    """A text's content words (letters, or digits alone: the brand `555`; without joining words and the units of
    written sizes, `300 ml`), the numbers that are part of its name (`2 finger`, `100s`, read as one word `2finger`),
    and whether it has a number."""
    content: list[str] = words[:1] if len(words) == 1 and words[0].isdigit() else []
    numbered: set[str] = set()
    number_before, has_number = "", False
    glued: list[str] | None = None
    for word in words:
        if word[0].isdigit():
            if glued is None:
                glued = [number for run in runs for number in run.glued]
            # Unless it ends a word of its own (`b12`).
            number_before, has_number = ("" if word in glued else word), True
        elif number_before:
            if word not in not_after_number:
                content.append(word)
            if word[0].isalpha() and word not in not_numbered:
                numbered.add(number_before + word)
            number_before = ""
        elif word not in stop_words:
            content.append(word)
    return content, numbered, has_number


def _hyphened(folded: str) -> Iterator[str]:
    """`3in1` of `3-in-1`: hyphenated digits and letters as the one word messages write."""
    for found in _HYPHENED_RE.findall(folded):
        joined = found.replace("-", "")
        if _MIXED_RE.match(joined):
            yield joined


def _counted(words: Iterable[str]) -> dict[str, int]:
    """How many times each word comes, in the order each first comes, as `Counter` counts them: asked of each brand's
    products in each category, thousands of times, where a `Counter` is made in Python."""
    counts: dict[str, int] = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def _product_lines(
    items: list[CatalogItem], cores: list[frozenset[str]], units: Collection[str]
) -> tuple[set[int], dict[int, frozenset[str]]]:
    """SKUs of their brand's main product type, and SKUs of a type another brand of the category is made of."""
    # A type word is a name word several brands of a category use (`jelly`, `lotion`); a brand's main type is
    # one most but not all of its SKUs carry. A SKU without it whose own word is in every SKU of another brand
    # (a `lotion` beside a brand of lotions) is a different product, meant only when that word is said. Words
    # found in other categories too are flavours and scents (`lemon`, `orange`), which stay equal alternatives;
    # so are the packs a product comes in (`袋` and `桶`, its bags and cups of noodles), which are no type of it.
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for position, item in enumerate(items):
        groups[(item.brand.casefold(), item.category)].append(position)
    users: dict[tuple[str, str], set[str]] = defaultdict(set)
    categories_of: dict[str, set[str]] = defaultdict(set)
    line_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (brand, category), members in groups.items():
        counts = _counted(w for p in members for w in cores[p] if w[:1].isalpha() and w not in units)
        for word, count in counts.items():
            users[(category, word)].add(brand)
            categories_of[word].add(category)
            if count == len(members):
                line_of[(category, word)].add(brand)
    main_lines: set[int] = set()
    other_lines: dict[int, frozenset[str]] = {}
    for (brand, category), members in groups.items():
        counts = _counted(w for p in members for w in cores[p] if len(users.get((category, w), ())) >= 2)
        main = {w for w, n in counts.items() if len(members) < 2 * n < 2 * len(members)}
        if not main:
            continue
        on_line = [p for p in members if cores[p] & main]
        main_words = frozenset().union(*(cores[p] for p in on_line))
        for position in members:
            if cores[position] & main:
                main_lines.add(position)
                continue
            own = {
                w
                for w in cores[position] - main_words
                if line_of.get((category, w), set()) - {brand} and len(categories_of[w]) == 1
            }
            if own:
                other_lines[position] = frozenset(own)
    return main_lines, other_lines


def _piece_word(folded: str, lexicon: Lexicon) -> str:
    """The unit word a pack's name counts its pieces in (`罐` of `330ml×24罐`, `bottles` of `x 12 bottles`,
    `boxes` of `outer of 10 boxes`)."""
    found = _PIECES_RE.search(folded) if "x" in folded or "×" in folded or "*" in folded else None
    if found is None:
        counted = _COUNTED_RE.search(folded)
        return counted.group(1) if counted is not None and counted.group(1) in lexicon.unit_words else ""
    word = found.group(1)
    # Chinese writes on without a space (`×24袋装`): the measure word is the first character.
    for candidate in (word, word[:1]) if HAN_RE.match(word) else (word,):
        if candidate in lexicon.unit_words:
            return candidate
    return ""


def build_index(items: list[CatalogItem], lexicon: Lexicon, previous: CatalogIndex | None) -> CatalogIndex:
    with _collector_paused():
        reused = _reused(previous, items, lexicon) if previous is not None else None
        return reused if reused is not None else _build_index(items, lexicon)


def _written(item: CatalogItem) -> tuple[object, ...]:
    """The columns an index reads a SKU's words, size and pack from: all but its code, price, stock and sale."""
    return (item.name, item.brand, item.category, item.size, item.sell_unit, item.units_per_pack, item.aliases)


def _reused(previous: CatalogIndex, items: list[CatalogItem], lexicon: Lexicon) -> CatalogIndex | None:
    """The previous index with a new version's items, when each SKU writes what it did there; None otherwise."""
    if previous.lexicon is not lexicon or len(previous.items) != len(items):
        return None
    pairs = list(zip(previous.items, items, strict=True))
    if any(entry.item is not item and _written(entry.item) != _written(item) for entry, item in pairs):
        return None
    indexed = tuple(entry if entry.item is item else replace(entry, item=item) for entry, item in pairs)
    groups = replace(previous.groups, stock_rank=_stock_rank(indexed), active=_active(indexed))
    # What was read from the words is what the index compares by; its caches of answers start empty, as some
    # answers depend on stock and sale.
    kept = {own.name: getattr(previous, own.name) for own in fields(CatalogIndex) if own.compare}
    return CatalogIndex(**{**kept, "items": indexed, "positions_by_sku": _positions_by_sku(items), "groups": groups})


def _positions_by_sku(items: list[CatalogItem]) -> dict[str, int]:
    return {item.sku: position for position, item in enumerate(items)}


def _stock_rank(indexed: tuple[IndexedItem, ...]) -> list[int]:
    """Each SKU's position, moved after every position when it is out of stock."""
    return [entry.position + len(indexed) if entry.item.stock <= 0 else entry.position for entry in indexed]


def _active(indexed: tuple[IndexedItem, ...]) -> frozenset[int]:
    return frozenset(entry.position for entry in indexed if entry.item.active)


def _build_index(items: list[CatalogItem], lexicon: Lexicon) -> CatalogIndex:
    chinese = reader_for(items, lexicon)
    read = _text_reader(lexicon, chinese)
    # Brands, categories and aliases repeat across SKUs, so each is read once; names are nearly all unique.
    facts = lru_cache(maxsize=None)(read)
    brands = [facts(item.brand) for item in items]
    aliases = [[facts(alias) for alias in item.aliases] for item in items]
    folded_brands = [item.brand.casefold() for item in items]
    brand_sets = {brand: _brand_words(facts(brand)) for brand in {item.brand for item in items}}
    category_sets = {c: frozenset(facts(c.replace("_", " ")).content) for c in {item.category for item in items}}
    # Postings are filled in directly, never as one word set per SKU: at 50,000 SKUs those sets alone
    # would take more memory than the finished index.
    postings_sets: dict[str, set[int]] = defaultdict(set)
    named_units: dict[str, set[int]] = defaultdict(set)
    cores, piece_words, protected = _post_names(items, read, brand_sets, lexicon, postings_sets, named_units)
    priced = _priced_names(items, lexicon, postings_sets)
    # Local words for kinds of goods that a name has; checked now, before brands and aliases are posted.
    kind_words_named = frozenset(w for w in lexicon.product_words if w in postings_sets)
    generic_brands, generic = _generic_aliases(items, aliases, folded_brands, lexicon.product_words)
    category_posts = _category_kinds(items, category_sets, cores, read, lexicon)
    phrase_only = _post_brands_and_aliases(items, brands, aliases, category_posts, generic, postings_sets)
    named_apart = _named_apart(items, aliases, brand_sets, folded_brands, cores, lexicon.packaging_words)
    _post_shared_nicknames(aliases, folded_brands, cores, named_apart, lexicon.size_names, postings_sets)
    _spread_generic_words(items, generic, folded_brands, brand_sets, cores, named_apart, lexicon, postings_sets)
    _post_kinds_within(lexicon, aliases, postings_sets)
    short_words, cores = _post_short_words(lexicon, cores, postings_sets, brand_sets)
    _post_spellings(lexicon, postings_sets)
    _post_brand_initials(brands, items, lexicon, postings_sets)
    cores = _post_lettered_pairs(items, read, cores, lexicon, postings_sets)
    phrase_sets = _phrase_sets(phrase_only, postings_sets)
    protected.update(t for text_read in chain(brands, *aliases) for t in text_read.connector_triples)
    postings = _frozen_postings(postings_sets)
    indexed = _indexed_items(items, aliases, brand_sets, category_sets, cores, piece_words, priced, lexicon)
    return CatalogIndex(
        items=indexed,
        postings=postings,
        phrase_postings={w: tuple(s) for w, s in phrase_sets.items()},
        words_by_initial=_words_by_initial(postings, phrase_sets),
        mixed_words=frozenset(word for word in postings if word[:1].isdigit() and _MIXED_RE.match(word)),
        digit_names=frozenset(word for word in postings if word.isdigit()),
        # Brands spelt wholly with everyday words (`Sawa` is Swahili for "ok"), which messages drop as chatter.
        filler_brands=frozenset(b for b in brand_sets.values() if b and b <= lexicon.fillers),
        protected_connectors=frozenset(protected),
        positions_by_sku=_positions_by_sku(items),
        lexicon=lexicon,
        **_grouped(indexed),
        number_forms=_number_forms(postings),
        grades=_grades(postings),
        capital_names=_capital_names(items, postings, lexicon),
        sounds=_sounds(postings),
        alias_only_words=_alias_only_words(
            lexicon, postings, kind_words_named.union(generic_brands), (*brand_sets.values(), *category_sets.values())
        ),
        alias_first_words=frozenset(words[0] for item in indexed for words in item.alias_words if words),
        saying_contents=_saying_contents(items, lexicon.contents_words),
        chinese=chinese,
        short_words=short_words,
        named_units={unit: frozenset(positions) for unit, positions in named_units.items()},
        slashed_initials=_slashed_initials(items),
    )


def _slashed_initials(items: list[CatalogItem]) -> frozenset[tuple[str, str]]:
    """The initial and the word of every kind a name writes cut short (`c`, `fat` of `C/FAT KIMBO 1KG`)."""
    return frozenset(
        pair for item in items if "/" in item.name for pair in _SLASHED_INITIAL_RE.findall(item.name.casefold())
    )


def _alias_only_words(
    lexicon: Lexicon, postings: dict[str, frozenset[int]], named: frozenset[str], fields: tuple[frozenset[str], ...]
) -> frozenset[str]:
    """Local words for kinds of goods that the catalog writes only in aliases: posted, yet not `named` (in a name, or
    a generic brand) and in no brand or category (`fields`)."""
    return frozenset(
        w for w in lexicon.product_words if w in postings and w not in named and not any(w in words for words in fields)
    )


def _saying_contents(items: list[CatalogItem], contents: frozenset[str]) -> frozenset[int]:
    """The SKUs whose name writes a word that says what the product comes in, as a word of its own."""
    # Most catalogs' names write none of the words: one search of them all rules each word out at once.
    written = "\n".join(item.name for item in items).casefold()
    marks = [mark for word in contents if (mark := f" {word} ") in written]
    if not marks:
        return frozenset()
    found: list[int] = []
    for position, item in enumerate(items):
        folded = item.name.casefold()
        if any(mark in folded for mark in marks):
            found.append(position)
    return frozenset(found)


def _frozen_postings(postings_sets: dict[str, set[int]]) -> dict[str, frozenset[int]]:
    """The postings as the index keeps them, each set freed as soon as it is copied."""
    postings: dict[str, frozenset[int]] = {}
    while postings_sets:
        word, holders = postings_sets.popitem()
        if holders:
            postings[word] = frozenset(holders)
    return postings


def _post(postings_sets: dict[str, set[int]], words: Iterable[str], position: int) -> None:
    for word in words:
        postings_sets[word].add(position)


def _connector_triples(
    words: list[str], folded: str, connectors: frozenset[str], attaching: frozenset[str]
) -> tuple[tuple[str, str, str], ...]:
    """The joining words a name writes with the words either side (`salt and pepper`); the two words an `&`
    joins (`PORK & BEANS`) with every joining word, as senders write the `and` in their own language."""
    triples: tuple[tuple[str, str, str], ...] = ()
    if not connectors.isdisjoint(words):
        triples = tuple(
            (before, middle, after)
            for before, middle, after in zip(words, words[1:], words[2:], strict=False)
            if middle in connectors
        )
    if "&" in folded:
        parts = [find_words(part.replace("'", "").replace("’", "")) for part in folded.split("&")]
        triples += tuple(
            (left[-1], connector, right[0])
            for left, right in zip(parts, parts[1:], strict=False)
            if left and right
            for connector in connectors
        )
    return triples + _attached_triples(folded, attaching)


def _attached_triples(folded: str, attaching: frozenset[str]) -> tuple[tuple[str, str, str], ...]:
    """`W/ FREE MUG`, `with tumbler`: what a name writes after its `with` comes with the product, so `with mug`
    after any word is part of that item (the empty first word of each triple)."""
    # The quick test first: most names write neither.
    found = _ATTACHED_RE.search(folded) if "w/" in folded or "with" in folded else None
    if found is None or not attaching:
        return ()
    words = [w for w in find_words(folded[found.end() :]) if w[0].isalpha()]
    return tuple(("", connector, word) for word in words for connector in attaching)


def _post_names(
    items: list[CatalogItem],
    read: Callable[[str], _TextFacts],
    brand_sets: dict[str, frozenset[str]],
    lexicon: Lexicon,
    postings_sets: dict[str, set[int]],
    named_units: dict[str, set[int]],
) -> tuple[list[frozenset[str]], list[str], set[tuple[str, str, str]]]:
    """Post every name's words and its pack's piece word (`罐装` beside a count of cases says which product); each
    SKU's core (its name's words but brand, packaging and sell unit), its piece word, the connector triples names
    write (`salt and pepper`), and the SKUs by the pack unit a name calls by a local word (`(TALI)`) in
    `named_units`."""
    noise = _core_noise(lexicon)
    local_units = {w: unit for w, unit in lexicon.unit_words.items() if w not in lexicon.packaging_words}
    local_unit_words = frozenset(local_units)
    # `【整箱】` of a case: a name's word for its sell unit, or for a unit that names it, is no word of the product.
    sell_units = {w: lexicon.sell_units_for(unit) for w, unit in lexicon.unit_words.items()}
    cores: list[frozenset[str]] = []
    piece_words: list[str] = []
    protected: set[tuple[str, str, str]] = set()
    unit_words = lexicon.unit_words
    unit_keys = frozenset(unit_words)
    for position, item in enumerate(items):
        name = read(item.name)
        sold_by = _SOLD_BY_RE.findall(item.name.casefold()) if "/" in item.name else ()
        brand_words = brand_sets[item.brand]
        # A listing's tag (`【新日期】`, `【小瓶装】`) is found by its words but makes no product of its own.
        untagged = read(_LISTING_TAG_RE.sub(" ", item.name)) if "【" in item.name else name
        core = frozenset(untagged.content).difference(brand_words, noise)
        if not core.isdisjoint(unit_keys):
            units = [w for w in core if w in unit_words and (w in sold_by or item.sell_unit in sell_units[w])]
            core = core.difference(units)
        cores.append(core | name.numbered)
        for word in name.contributed:
            postings_sets[word].add(position)
        if item.size[:1].isalpha():
            # `EGGS MED` sized `medium`: a size the catalog writes in words is a word of the SKU where its name cuts it.
            _post(postings_sets, _cut_size_words(item.size, name.content), position)
        piece_words.append(name.piece_word)
        if name.connector_triples:
            protected.update(name.connector_triples)
        if not local_unit_words.isdisjoint(name.content):
            for word in name.content:
                if word in local_units:
                    named_units[local_units[word]].add(position)
    for position, word in enumerate(piece_words):
        if word:
            postings_sets[word].add(position)
    return _pieces_of_a_pack_sold_apart(items, cores, lexicon, named_units), piece_words, protected


def _cut_size_words(size: str, written: Iterable[str]) -> list[str]:
    """The words of a size field (`medium`) whose start, and no more, the name writes (`MED`)."""
    if not size or not size[:1].isalpha():
        return []
    return [
        word
        for word in find_words(size.casefold())
        if word.isalpha() and word not in written and any(len(w) >= 3 and word.startswith(w) for w in written)
    ]


def _pieces_of_a_pack_sold_apart(
    items: list[CatalogItem], cores: list[frozenset[str]], lexicon: Lexicon, named_units: dict[str, set[int]]
) -> list[frozenset[str]]:
    """`RED HORSE 500ML BTL CS/12` beside `RED HORSE 500ML BTL PC`: the word a case's name says its pieces come in
    (`BTL`) is no word of the product where its brand sells the product in that size by the piece, whose name the
    word leaves as its sell unit; the case is not a variant of the bottle, nor sold by the bottle."""
    levels, unit_words = lexicon.unit_levels, lexicon.unit_words
    piece_words = frozenset(word for word, unit in unit_words.items() if levels.get(unit) == "single")
    packed = [
        position
        for position, core in enumerate(cores)
        if not core.isdisjoint(piece_words) and levels.get(items[position].sell_unit) == "pack"
    ]
    if not packed:
        return cores
    brands = {items[position].brand for position in packed}
    sold_apart = {
        (item.brand, item.size, cores[position])
        for position, item in enumerate(items)
        if item.brand in brands and levels.get(item.sell_unit) == "single"
    }
    cores = list(cores)
    for position in packed:
        item, core = items[position], cores[position]
        plain = core.difference(piece_words)
        if (item.brand, item.size, plain) in sold_apart:
            cores[position] = plain
            for word in core.intersection(piece_words):
                named_units.get(unit_words[word], set()).discard(position)
    return cores


def _core_noise(lexicon: Lexicon) -> frozenset[str]:
    """Name words that are no word of the product: packaging, the plain variant, joining words, price points."""
    # `Rs` of `Rs 10` marks a price point, a size like `size 4`: packs at two prices are one product.
    currency = lexicon.currency_words
    # `1.5L X 12`: the pack's notation in a name is no word of the product.
    noise = lexicon.packaging_words | lexicon.base_variant_words | lexicon.stop_words | lexicon.size_markers | currency
    return noise | lexicon.quantity_markers


def _post_short_words(
    lexicon: Lexicon,
    cores: list[frozenset[str]],
    postings_sets: dict[str, set[int]],
    brand_sets: dict[str, frozenset[str]],
) -> tuple[ShortWords, list[frozenset[str]]]:
    """Post the words a catalog writes short (`sauce` of `SOY SCE`, `canton` of `PCANTON`) or in their other
    number (`candles` of `CANDLE`) where it writes them; a short form of packaging or of the plain variant (`PCH`,
    `ORIG`) is no word of the product either."""
    # A chat word typed without its vowels (`pwd`: `pwede`) is, in a catalog name, a word written short (`DET PWD`).
    chatter = frozenset(word for word in lexicon.chatter_words if not written_short(word))
    structural = chatter.union(lexicon.unit_words, lexicon.size_words)
    short_words = ShortWords.of((w for w in postings_sets if w not in structural), lexicon.catalog_vocabulary)
    for full, shorts in short_words.expansions(lexicon.catalog_vocabulary).items():
        postings_sets[full].update(*(postings_sets[short] for short in shorts))
    for full in lexicon.catalog_vocabulary.difference(postings_sets):
        forms = [postings_sets[form] for form in singular_and_plural(full) if form in postings_sets]
        if forms:
            postings_sets[full].update(*forms)
    pairs = ((n[0], n[1]) for namings in lexicon.product_words.values() for n in namings if len(n) == 2)
    for word, named in glued_names(short_words.words, pairs, lexicon.catalog_vocabulary).items():
        for name in named:
            postings_sets[name].update(postings_sets[word])
    _post_brand_short_forms(brand_sets, short_words, postings_sets)
    noise = frozenset(short for full in _core_noise(lexicon) for short in short_words.read(full))
    if noise:
        cores = [core - noise if not noise.isdisjoint(core) else core for core in cores]
    return short_words, cores


def _post_brand_short_forms(
    brand_sets: dict[str, frozenset[str]], short_words: ShortWords, postings_sets: dict[str, set[int]]
) -> None:
    """`MALA 500ML BRKSD` beside `MILK FRESH BROOKSIDE 500ML` of the brand Brookside: a brand's word that only its
    own names write short, by its consonants, is a word of every SKU of the brand, as the brand's word is."""
    if not short_words.by_key:
        return
    brand_words = {word for words in brand_sets.values() for word in words}
    for full in brand_words:
        shorts = short_words.by_key.get(skeleton(full)) if len(full) > _MIN_BRAND_SHORTENED else None
        branded = postings_sets.get(full) if shorts else None
        if not branded:
            continue
        for short in shorts or ():
            if shortens(short, full) and postings_sets[short] <= branded:
                postings_sets[short].update(branded)


def _post_spellings(lexicon: Lexicon, postings_sets: dict[str, set[int]]) -> None:
    """`XTRA BIG` beside `EXTRA HOT`, `LIGHT` where owners type `lite`: a word is posted under each other spelling
    of it, so that either finds the SKUs the catalog writes with the other."""
    for word, others in lexicon.spellings.items():
        found = [postings_sets[other] for other in others if other in postings_sets]
        if found:
            postings_sets[word].update(*found)


def _post_lettered_pairs(
    items: list[CatalogItem],
    read: Callable[[str], _TextFacts],
    cores: list[frozenset[str]],
    lexicon: Lexicon,
    postings_sets: dict[str, set[int]],
) -> list[frozenset[str]]:
    """`TUNA H&S` beside `SARDINES HOT&SPICY`: letters a name joins with `&` are the words another name joins so,
    when one pair of its words has those initials and they are not the brand's own (`H&S` of Head & Shoulders);
    where no name writes a pair with those initials, the words names are known to join so (`hot spicy`)."""
    lettered: dict[tuple[str, str], list[int]] = defaultdict(list)
    pairs: set[tuple[str, str]] = set()
    for position, item in enumerate(items):
        if "&" not in item.name:
            continue
        for before, _, after in read(item.name).connector_triples:
            if before.isalpha() and after.isalpha():
                if len(before) == len(after) == 1:
                    lettered[(before, after)].append(position)
                elif len(before) > 1 and len(after) > 1:
                    pairs.add((before, after))
    if not lettered:
        return cores
    known = [tuple(pair.split()) for pair in lexicon.joined_pairs]
    cores = list(cores)
    for (first, second), positions in lettered.items():
        meant = {(a, b) for a, b in pairs if a[0] == first and b[0] == second}
        meant = meant or {(a, b) for a, b in known if a[0] == first and b[0] == second}
        if len(meant) != 1:
            continue
        words = frozenset(next(iter(meant)))
        for position in set(positions):
            brand = [w for w in read(items[position].brand).content if w[:1].isalpha()]
            if "".join(w[0] for w in brand) != first + second:
                _post(postings_sets, words, position)
                cores[position] = cores[position] - {first, second} | words
    return cores


def _post_brand_initials(
    brands: list[_TextFacts], items: list[CatalogItem], lexicon: Lexicon, postings_sets: dict[str, set[int]]
) -> None:
    """`RH` for Red Horse, `GSM` for Ginebra San Miguel: a brand of several words by its initials; and `SML` for
    San Mig Light: the three words such a brand's name opens with before its first figure, by theirs. Only where
    no other brand or name, catalog word or word the reader knows is written so, but an alias of the brand's own."""
    everyday = lexicon.chatter_words.union(
        lexicon.cue_words, lexicon.unit_words, lexicon.size_words, lexicon.number_words
    )
    positions: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for position, brand in enumerate(brands):
        words = tuple(w for w in brand.content if w[:1].isalpha())
        if len(words) >= 2:
            positions[words].append(position)
    for position in [p for branded in positions.values() for p in branded]:
        opening = tuple(takewhile(str.isalpha, items[position].name.casefold().split()))
        if len(opening) == 3:
            positions[opening].append(position)
    owners: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in positions:
        owners["".join(w[0] for w in words)].append(words)
    for initials, named in owners.items():
        # An alias of some of the brand's products (`gt white`) writes its initials too: they still name the brand.
        own = initials not in postings_sets or postings_sets[initials].issubset(positions[named[0]])
        if len(named) == 1 and own and initials not in everyday:
            postings_sets[initials].update(positions[named[0]])


def _generic_aliases(
    items: list[CatalogItem],
    aliases: list[list[_TextFacts]],
    folded_brands: list[str],
    kind_words: dict[str, tuple[tuple[str, ...], ...]],
) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The brands of each one-word alias, and the one-word aliases that are generic terms, with their categories.

    A one-word alias shared by several brands is a generic term ("sugar" in the local language); it belongs to
    the categories where it is used that way. So is a local word for a kind of goods that the catalog gives to
    one brand (`mafuta` on one oil), unless the catalog shares another word for that kind among brands and gives
    this one to every SKU of the brand in its kind: then it is that brand's nickname.
    """
    generic_brands: dict[str, set[str]] = defaultdict(set)
    generic_categories: dict[str, set[str]] = defaultdict(set)
    skus_of_kind = Counter(zip(folded_brands, (item.category for item in items), strict=True))
    kind_phrases: list[tuple[int, tuple[str, ...]]] = []
    kinds = kind_words.keys()
    one_word: list[str] = []
    for position, item in enumerate(items):
        for alias in aliases[position]:
            if len(alias.content) == 1:
                word = alias.content[0]
                one_word.append(word)
                generic_brands[word].add(folded_brands[position])
                generic_categories[word].add(item.category)
            elif kinds >= set(alias.content):
                kind_phrases.append((position, alias.content))
    carriers = Counter(one_word)
    # `sabuni ya kuoga` (bath soap) given to one soap: a kind named in several words is as generic, but for a word
    # that alone names goods of another category (`unga`, flour, of `sabuni ya unga`) or that the product's own
    # name says (`sarson`, mustard, of a mustard oil: the alias describes that product).
    names = [set(find_words(item.name.casefold())) for item in items] if kind_phrases else []
    for position, content in kind_phrases:
        category = items[position].category
        for word in content:
            namings = [set(naming) for naming in kind_words[word]]
            elsewhere = {items[p].category for p, named in enumerate(names) if any(n <= named for n in namings)}
            said = any(naming <= names[position] for naming in namings)
            if not said and (generic_categories.get(word, set()) | elsewhere) <= {category}:
                generic_brands[word].add(folded_brands[position])
                generic_categories[word].add(category)
                carriers[word] += 1
    shared = {w for w, brands in generic_brands.items() if len(brands) >= 2}
    kinds_shared = {naming for w in shared for naming in kind_words.get(w, ())}

    def nickname(word: str) -> bool:
        (brand,) = generic_brands[word]
        whole = sum(skus_of_kind[(brand, category)] for category in generic_categories[word])
        return not kinds_shared.isdisjoint(kind_words[word]) and carriers[word] == whole

    generic = {w: generic_categories[w] for w in generic_brands if w in shared or (w in kind_words and not nickname(w))}
    return generic_brands, generic


def _category_kinds(
    items: list[CatalogItem],
    category_sets: dict[str, frozenset[str]],
    cores: list[frozenset[str]],
    read: Callable[[str], _TextFacts],
    lexicon: Lexicon,
) -> list[frozenset[str]]:
    """The category words each SKU is found by. A category that joins several kinds (`Sugar & Salt`, `Noodles /
    Pasta`) is, for a SKU whose name says some of them, the kinds it says: the salt is no sugar, and `SAOS SAMBAL`
    under `Kecap & Saus` no `kecap` (a locale's `saos` is `saus`). A name that says none (`ONION CHICKEN 70G`) keeps
    every kind."""
    found = [category_sets[item.category] for item in items]
    kinds_of: dict[str, list[frozenset[str]]] = {}
    joins, product_words = kind_joins(lexicon.number_joiners), lexicon.product_words
    for position, item in enumerate(items):
        if item.category not in kinds_of:
            parts = joins.split(item.category) if joins.search(item.category) else []
            kinds_of[item.category] = [kind for part in parts if (kind := frozenset(read(part).content))]
        said = [kind for kind in kinds_of[item.category] if _says_kind(cores[position], kind, product_words)]
        if len(kinds_of[item.category]) > 1 and said:
            found[position] = frozenset().union(*said)
    return found


def _says_kind(
    core: frozenset[str], kind: frozenset[str], product_words: dict[str, tuple[tuple[str, ...], ...]]
) -> bool:
    """True when a name's words have a word of a kind, in either number (`BISCUIT` for `Biscuits`), or a word a
    locale reads as it (`SAOS` for `Saus`)."""
    return any(word in core or not core.isdisjoint(singular_and_plural(word)) for word in kind) or any(
        (word,) in product_words.get(own, ()) for own in core for word in kind
    )


def _post_brands_and_aliases(
    items: list[CatalogItem],
    brands: list[_TextFacts],
    aliases: list[list[_TextFacts]],
    category_posts: list[frozenset[str]],
    generic: dict[str, set[str]],
    postings_sets: dict[str, set[int]],
) -> dict[int, list[frozenset[str]]]:
    """Post brands, categories and aliases; an alias with a generic word of another category is meant only in
    full, so its words are returned by SKU as a phrase."""
    phrase_only: dict[int, list[frozenset[str]]] = defaultdict(list)
    generic_words = generic.keys()
    for position, item in enumerate(items):
        _post(postings_sets, brands[position].contributed, position)
        _post(postings_sets, category_posts[position], position)
        for alias in aliases[position]:
            if generic_words.isdisjoint(alias.content):
                _post(postings_sets, alias.contributed, position)
                continue
            _post(postings_sets, alias.extra_words, position)
            home_words = [w for w in alias.content if w not in generic or item.category in generic[w]]
            # `mafuta ya kimbo` (Kimbo's oil): beside the brand, the generic word is meant only in that phrase.
            branded = len(alias.content) > 1 and not brands[position].contributed.isdisjoint(alias.content)
            if len(home_words) == len(alias.content) and not branded:
                _post(postings_sets, alias.content, position)
                _post(postings_sets, alias.joined, position)
            else:
                _post(postings_sets, [w for w in home_words if not (branded and w in generic)], position)
                phrase_only[position].append(frozenset(alias.content))
    return phrase_only


def _named_apart(
    items: list[CatalogItem],
    aliases: list[list[_TextFacts]],
    brand_sets: dict[str, frozenset[str]],
    folded_brands: list[str],
    cores: list[frozenset[str]],
    packaging: frozenset[str],
) -> frozenset[int]:
    """Sizes the catalog names apart from the other sizes of their product: each has an alias they lack, and more
    than its brand, size and pack (`大桶水` beside the bottles' `矿泉水`; not `tiger aa` beside `tiger`, nor `gemini
    tin` beside `gemini`)."""
    products = list(zip(folded_brands, cores, strict=True))
    # How many SKUs of each product have each alias.
    held = Counter(
        (product, content)
        for product, facts in zip(products, aliases, strict=True)
        for content in {alias.content for alias in facts}
    )
    apart = []
    # Sizes repeat: each one's words are put with the packaging words once.
    plains = {size: packaging.union(find_words(size.casefold())) for size in {item.size for item in items}}
    for position, (item, product, facts) in enumerate(zip(items, products, aliases, strict=True)):
        plain, brand = plains[item.size], brand_sets[item.brand]
        # An alias of no more than the brand, size and pack words says nothing of its own.
        if any(
            held[(product, alias.content)] == 1 and not plain.issuperset(set(alias.content).difference(brand))
            for alias in facts
        ):
            apart.append(position)
    return frozenset(apart)


def _post_shared_nicknames(
    aliases: list[list[_TextFacts]],
    folded_brands: list[str],
    cores: list[frozenset[str]],
    named_apart: frozenset[int],
    size_names: frozenset[str],
    postings_sets: dict[str, set[int]],
) -> None:
    """Pack sizes of one product share their one-word aliases: a nickname for the 1kg also means the 2kg, as does
    the nickname an alias says beside the name of its pack size (`coke` of `coke mismo`); a size named apart takes
    none of theirs, and the name of one pack size (`lapad`, the flat bottle) stays its own."""
    single_aliases: dict[tuple[str, frozenset[str]], set[str]] = defaultdict(set)
    givers: dict[tuple[tuple[str, frozenset[str]], str], int] = defaultdict(int)
    # Cores repeat across brands and sizes: each is put without its size names once.
    unsized = {core: core - size_names for core in set(cores)}
    keys = [(brand, unsized[core]) for brand, core in zip(folded_brands, cores, strict=True)]
    for key, facts in zip(keys, aliases, strict=True):
        for alias in facts:
            if len(alias.content) > 2:
                continue
            named = [word for word in alias.content if word not in size_names]
            if len(named) == 1:
                single_aliases[key].add(named[0])
                givers[(key, named[0])] += 1
    for key, words in single_aliases.items():
        # `大可乐` of one size beside the `可乐` of them all names that size; so does `万绿湖大桶` beside the `万绿湖`
        # another size is given.
        words.difference_update([w for w in words if givers[(key, w)] == 1 and any(o != w and o in w for o in words)])
    if single_aliases:
        for position, key in enumerate(keys):
            if position not in named_apart:
                _post(postings_sets, single_aliases.get(key, ()), position)


def _post_kinds_within(
    lexicon: Lexicon, aliases: list[list[_TextFacts]], postings_sets: dict[str, set[int]]
) -> None:
    """`酱油` is also every 生抽 and 老抽 a name writes: a word for a kind reaches the kinds within it, unless the
    catalog gives the word as an alias (`矿泉水` of one water), saying what it means there."""
    for word, within in lexicon.kind_includes.items():
        holders = postings_sets.get(word, set())
        if any(word in alias.content for position in holders for alias in aliases[position]):
            continue
        found = set().union(*(postings_sets.get(kind, ()) for kind in within))
        if found:
            postings_sets.setdefault(word, set()).update(found)


def _spread_generic_words(
    items: list[CatalogItem],
    generic: dict[str, set[str]],
    folded_brands: list[str],
    brand_sets: dict[str, frozenset[str]],
    cores: list[frozenset[str]],
    named_apart: frozenset[int],
    lexicon: Lexicon,
    postings_sets: dict[str, set[int]],
) -> None:
    """A generic alias reaches the products of its categories that are like the ones it was given to; given by
    one brand, not its sizes named apart (`矿泉水` of the bottles is not the jug the catalog calls `大桶水`)."""
    by_category: dict[str, list[int]] = defaultdict(list)
    for position, item in enumerate(items):
        by_category[item.category].append(position)
    unsized = _unsized_cores(items, cores, lexicon)
    for word, word_categories in generic.items():
        members = [p for category in sorted(word_categories) for p in by_category[category]]
        holders = postings_sets[word]
        carriers = [p for p in members if p in holders]
        carrier_cores = {cores[p] for p in carriers if cores[p]}
        # The same product in another size (`Battery D` beside the `Battery AA` given the word) is like it.
        carrier_cores |= {unsized[p] for p in carriers if unsized[p]}
        # A brand whose aliases give the word to some of its products and not others means the difference.
        carrier_brands = {folded_brands[p] for p in carriers}
        counts = Counter(w for p in carriers for w in cores[p])
        common = {w for w, n in counts.items() if n * 2 >= len(carriers)}
        apart = named_apart if len(carrier_brands) == 1 else frozenset()
        # `patis` (fish sauce) given to the fish sauce: a kind the carriers write in several words reaches only the
        # products that write all of them, never the soy sauce.
        written = [set(n) for n in lexicon.product_words.get(word, ()) if len(n) > 1 and common.issuperset(n)]
        # A brand that names its product's kind (`Malindi Salt`) leaves that word out of the product's core.
        holders.update(
            p
            for p in members
            if ((cores[p] in carrier_cores or unsized[p] in carrier_cores) and p not in apart)
            or (
                folded_brands[p] not in carrier_brands
                and _like_carriers(cores[p] | brand_sets[items[p].brand], common, written)
            )
        )


def _like_carriers(words: frozenset[str], common: set[str], written: list[set[str]]) -> bool:
    """True when a product's words share the words most carriers of a generic word write, all of a kind's where
    they write one in several words."""
    if written:
        return any(words.issuperset(naming) for naming in written)
    return not words.isdisjoint(common)


def _unsized_cores(items: list[CatalogItem], cores: list[frozenset[str]], lexicon: Lexicon) -> list[frozenset[str]]:
    """Each SKU's core without numbers (`48 diapers`) and the words of its size (`aa`, `size 4`), but for words
    that say what it is sold as (`100 bags` of tea bags)."""
    # Cores and sizes repeat across brands: each pair is worked out once.
    unsized: dict[tuple[frozenset[str], str], frozenset[str]] = {}
    found = []
    for item, core in zip(items, cores, strict=True):
        own = unsized.get((core, item.size))
        if own is None:
            size_words = {w for w in find_words(item.size.casefold()) if w not in lexicon.unit_words}
            own = unsized[(core, item.size)] = frozenset(w for w in core if not w[:1].isdigit() and w not in size_words)
        found.append(own)
    return found


def _phrase_sets(
    phrase_only: dict[int, list[frozenset[str]]], postings_sets: dict[str, set[int]]
) -> dict[str, list[tuple[int, frozenset[str]]]]:
    """The SKUs a word reaches only inside a phrase, with that phrase."""
    phrase_sets: dict[str, list[tuple[int, frozenset[str]]]] = defaultdict(list)
    for position, phrases in phrase_only.items():
        for phrase in phrases:
            for word in phrase:
                if position not in postings_sets.get(word, ()):
                    phrase_sets[word].append((position, phrase))
    return phrase_sets


def _words_by_initial(
    postings: dict[str, frozenset[int]], phrase_sets: dict[str, list[tuple[int, frozenset[str]]]]
) -> dict[str, Spellings]:
    """Catalog words by first letter, where misspellings are looked for."""
    by_initial: dict[str, list[str]] = defaultdict(list)
    for word in postings.keys() | phrase_sets.keys():
        if word and word[0].isalpha():
            by_initial[word[0]].append(word)
    return {initial: Spellings.of(words) for initial, words in by_initial.items()}


def _priced_names(items: list[CatalogItem], lexicon: Lexicon, postings_sets: dict[str, set[int]]) -> frozenset[int]:
    """The SKUs whose name writes a price point word or sign (`Rs`, `MRP`, `₹`), or a currency letter glued before
    the amount (`P10`, `N50`): only they are read for a price point, from the names' words already posted."""
    found: set[int] = set().union(*(postings_sets.get(word, ()) for word in lexicon.currency_words))
    # Most catalogs' names write no sign: one search of them all rules each sign out at once.
    names = "\n".join(item.name for item in items)
    signs = [word for word in lexicon.price_point_words if len(word) == 1 and not word.isalpha() and word in names]
    if signs:
        found.update(position for position, item in enumerate(items) if any(sign in item.name for sign in signs))
    letters = frozenset(word for word in lexicon.price_point_words if len(word) == 1 and word.isalpha())
    for word, positions in postings_sets.items():
        if word[:1] in letters and word[1:].isdigit():
            found.update(positions)
    return frozenset(found)


def _indexed_items(
    items: list[CatalogItem],
    aliases: list[list[_TextFacts]],
    brand_sets: dict[str, frozenset[str]],
    category_sets: dict[str, frozenset[str]],
    cores: list[frozenset[str]],
    piece_words: list[str],
    priced: frozenset[int],
    lexicon: Lexicon,
) -> tuple[IndexedItem, ...]:
    sizes = lru_cache(maxsize=None)(lambda text: size_from_text(text, lexicon))
    main_lines, other_lines = _product_lines(items, cores, lexicon.unit_words.keys())
    indexed = []
    for position, item in enumerate(items):
        size = sizes(item.size) or sizes(item.name)
        indexed.append(
            IndexedItem(
                item=item,
                position=position,
                brand_words=brand_sets[item.brand],
                core=cores[position],
                category_words=category_sets[item.category],
                size=size,
                level="single" if item.units_per_pack <= 1 else "pack",
                main_line=position in main_lines,
                other_line=other_lines.get(position, _NOTHING),
                alias_words=tuple(alias.content for alias in aliases[position] if not alias.has_number),
                piece_unit=lexicon.unit_words.get(piece_words[position]) if item.units_per_pack > 1 else None,
                # A name that writes a price point beside its measure (`Frooti ₹10 (125ml)`): `10 wala` names it.
                price_point=(
                    price_point_from_text(item.name, lexicon)
                    if position in priced and size is not None and size.dimension != SIZE_PRICE
                    else None
                ),
            )
        )
    return tuple(indexed)


def _sounds(postings: dict[str, frozenset[int]]) -> dict[str, tuple[str, ...]]:
    """Catalog words by how they sound (`nlu.text.sound`), for words read neither exactly nor by spelling."""
    found: dict[str, list[str]] = defaultdict(list)
    words = [word for word in postings if len(word) >= 3 and word.isalpha()]
    for word, key in zip(words, sounds(words), strict=True):
        found[key].append(word)
    return {key: tuple(words) for key, words in found.items()}


def _sku_groups(indexed: tuple[IndexedItem, ...]) -> SkuGroups:
    """The positions of the SKUs of each brand, category word, sell unit, pack level, size and product."""
    by_brand: dict[frozenset[str], list[int]] = defaultdict(list)
    by_category: dict[frozenset[str], list[int]] = defaultdict(list)
    by_sell_unit: dict[str, list[int]] = defaultdict(list)
    by_piece_unit: dict[str, list[int]] = defaultdict(list)
    by_level: dict[str, list[int]] = defaultdict(list)
    by_size: dict[tuple[str, float, float], list[int]] = defaultdict(list)
    size_of: dict[tuple[str, float, float], Size] = {}
    by_name_price: dict[float, list[int]] = defaultdict(list)
    brands: dict[frozenset[str], int] = {}
    cores: dict[frozenset[str], int] = {}
    core_of: list[int] = []
    products: dict[tuple[int, int], int] = {}
    product_of: list[int] = []
    for entry in indexed:
        position = entry.position
        by_brand[entry.brand_words].append(position)
        by_category[entry.category_words].append(position)
        by_sell_unit[entry.item.sell_unit].append(position)
        if entry.piece_unit is not None:
            by_piece_unit[entry.piece_unit].append(position)
        by_level[entry.level].append(position)
        if entry.size is not None:
            # The unit a size was written in counts too: a bare `35` is 35cl only where the catalog wrote cl.
            key = (entry.size.dimension, entry.size.value, entry.size.written_factor)
            size_of.setdefault(key, entry.size)
            by_size[key].append(position)
        if entry.price_point is not None:
            by_name_price[entry.price_point.value].append(position)
        brand_number = brands.setdefault(entry.brand_words, len(brands))
        core_number = cores.setdefault(entry.core, len(cores))
        core_of.append(core_number)
        product_of.append(products.setdefault((brand_number, core_number), len(products)))
    return SkuGroups(
        by_brand={brand: frozenset(positions) for brand, positions in by_brand.items()},
        brands_by_word=_brands_by_rarest_word(by_brand),
        by_category_word=_by_category_word(by_category),
        by_category={words: frozenset(positions) for words, positions in by_category.items()},
        by_sell_unit={unit: frozenset(positions) for unit, positions in by_sell_unit.items()},
        by_piece_unit={unit: frozenset(positions) for unit, positions in by_piece_unit.items()},
        by_pieces_per_pack=_by_pieces_per_pack(indexed),
        by_level={level: frozenset(positions) for level, positions in by_level.items()},
        sizes=tuple((size_of[key], frozenset(positions)) for key, positions in by_size.items()),
        by_name_price={price: frozenset(positions) for price, positions in by_name_price.items()},
        core_of=core_of,
        cores=tuple(cores),
        product_of=product_of,
        product_brand=[brand_number for brand_number, _ in products],
        product_core=[core_number for _, core_number in products],
        stock_rank=_stock_rank(indexed),
        active=_active(indexed),
        main_line=frozenset(entry.position for entry in indexed if entry.main_line),
        other_line=frozenset(entry.position for entry in indexed if entry.other_line),
    )


def _variant_keys(indexed: tuple[IndexedItem, ...], groups: SkuGroups) -> dict[str, Any]:
    """Each SKU's core, size and brand by number, a size's number the same for equal sizes; and the numbered sizes."""
    numbers: dict[Size | None, int] = {}
    size_numbers = [numbers.setdefault(entry.size, len(numbers)) for entry in indexed]
    brands = map(groups.product_brand.__getitem__, groups.product_of)
    keys = list(zip(groups.core_of, size_numbers, brands, strict=True))
    return {"variant_keys": keys, "numbered_sizes": tuple(numbers)}


def _by_pieces_per_pack(indexed: tuple[IndexedItem, ...]) -> dict[int, frozenset[int]]:
    """The SKUs whose pieces have a unit of their own, by how many pieces their pack holds."""
    found: dict[int, list[int]] = defaultdict(list)
    for entry in indexed:
        if entry.piece_unit is not None:
            found[entry.item.units_per_pack].append(entry.position)
    return {pieces: frozenset(positions) for pieces, positions in found.items()}


def _grouped(indexed: tuple[IndexedItem, ...]) -> dict[str, Any]:
    """The SKU groups, the words of each core that are words of its SKUs' categories, each SKU's variant key, and what
    the names write of their own."""
    groups = _sku_groups(indexed)
    kinds: list[frozenset[str]] = [frozenset()] * len(groups.cores)
    for entry, number in zip(indexed, groups.core_of, strict=True):
        kinds[number] = kinds[number] | (entry.core & entry.category_words)
    marks = name_marks_of(indexed)
    return {"groups": groups, "core_kinds": tuple(kinds), "name_marks": marks, **_variant_keys(indexed, groups)}


def _brands_by_rarest_word(by_brand: dict[frozenset[str], list[int]]) -> dict[str, tuple[frozenset[str], ...]]:
    """Each brand once, under the one of its words that the fewest brands have."""
    brand_counts = Counter(word for brand in by_brand for word in brand)
    brands_by_word: dict[str, list[frozenset[str]]] = defaultdict(list)
    for brand in by_brand:
        if brand:
            brands_by_word[min(brand, key=lambda word: (brand_counts[word], word))].append(brand)
    return {word: tuple(brands) for word, brands in brands_by_word.items()}


def _by_category_word(by_category: dict[frozenset[str], list[int]]) -> dict[str, frozenset[int]]:
    """The SKUs whose category has each word."""
    by_word: dict[str, set[int]] = defaultdict(set)
    for words, positions in by_category.items():
        for word in words:
            by_word[word].update(positions)
    return {word: frozenset(positions) for word, positions in by_word.items()}


def _capital_names(items: list[CatalogItem], postings: dict[str, frozenset[int]], lexicon: Lexicon) -> frozenset[str]:
    """Everyday words (`can`, `all`) that a name or brand not written wholly in capitals writes in capitals.

    Words that count, measure or join items (`CTN`, `KG`, `NA`) keep that meaning whatever their case.
    """
    everyday = lexicon.fillers | lexicon.stop_words | lexicon.packaging_words | lexicon.base_variant_words
    structural = (
        lexicon.unit_words.keys()
        | lexicon.size_words.keys()
        | lexicon.number_words.keys()
        | lexicon.number_words_needing_unit.keys()
        | lexicon.number_multipliers.keys()
        | lexicon.connectors
        | lexicon.quantity_markers
        | lexicon.size_markers
        | lexicon.half_words
        | lexicon.article_words
        | lexicon.correction_markers
    )
    texts = [text for item in items for text in (item.name, item.brand)]
    # Names and brands with no two capitals in a row (`Sunlight Lemon Soap`) write no word in capitals: one search
    # of them all says so.
    if _TWO_CAPITALS_RE.search("\n".join(texts)) is None:
        return frozenset()
    found: set[str] = set()
    for text in set(texts):
        if _TWO_CAPITALS_RE.search(text) is None or text.isupper():
            continue
        for word in _WORD_RE.findall(text):
            folded = word.casefold()
            if word.isupper() and folded in everyday and folded not in structural and folded in postings:
                found.add(folded)
    return frozenset(found)


def _grades(postings: dict[str, frozenset[int]]) -> dict[float, tuple[str, ...]]:
    found: dict[float, list[str]] = defaultdict(list)
    for word in postings:
        if word[:1].isdigit():
            grade = _GRADE_RE.match(word)
            if grade is not None:
                found[float(grade.group(1))].append(word)
    return {number: tuple(sorted(words)) for number, words in found.items()}


def _number_forms(postings: dict[str, frozenset[int]]) -> dict[str, tuple[str, ...]]:
    """Each catalog word with the catalog's other number of it, so `seed` also finds `seeds`."""
    found: dict[str, tuple[str, ...]] = {}
    for word in postings:
        # Only a word ending in `s` or `y` has another number shorter than itself: the rest need `word + s(es)`.
        if word[-1:] in ("s", "y") or word + "s" in postings or word + "es" in postings:
            forms = tuple(form for form in singular_and_plural(word) if form in postings)
            if forms:
                found[word] = forms
    return found
