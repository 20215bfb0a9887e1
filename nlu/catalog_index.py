"""A catalog prepared for matching: every SKU's words, size, pack level and the word postings."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from backend.catalog import CatalogItem
from nlu.lexicon import Lexicon, load_lexicon
from nlu.sizes import Size, size_from_text
from nlu.text import catalog_words as _catalog_words
from nlu.text import clean_text

_MIXED_RE = re.compile(r"^(?:\d+[^\W\d_]+|[^\W\d_]+\d+)[^\W_]*$")
_RAW_MIXED_RE = re.compile(r"(?<![\w.])(?:\d+[^\W\d_]+|[^\W\d_]+\d+)[^\W_]*(?![\w])")
_FUZZY_CACHE_LIMIT = 50_000


@dataclass(frozen=True)
class IndexedItem:
    """One SKU with the facts matching needs, derived only from its catalog columns."""

    item: CatalogItem
    position: int
    brand_words: frozenset[str]
    core: frozenset[str]
    category_words: frozenset[str]
    size: Size | None
    level: str


@dataclass(frozen=True)
class WordMatch:
    """A catalog word a message word was read as, and how sure that reading is (100 = exact)."""

    word: str
    score: float


@dataclass(frozen=True)
class CatalogIndex:
    """Everything matching needs, built once per catalog and shared by every parse."""

    items: tuple[IndexedItem, ...]
    postings: dict[str, frozenset[int]]
    phrase_postings: dict[str, tuple[tuple[int, frozenset[str]], ...]]
    words_by_shape: dict[tuple[str, int], tuple[str, ...]]
    mixed_words: frozenset[str]
    protected_connectors: frozenset[tuple[str, str, str]]
    positions_by_sku: dict[str, int]
    lexicon: Lexicon
    _fuzzy_cache: dict[str, tuple[WordMatch, ...]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, items: Iterable[CatalogItem], lexicon: Lexicon | None = None) -> CatalogIndex:
        """Index a catalog; any iterable of `CatalogItem` works, SKU strings are never interpreted."""
        return _build(list(items), lexicon or load_lexicon())

    def __len__(self) -> int:
        return len(self.items)

    def item_for_sku(self, sku: str) -> IndexedItem | None:
        """The indexed SKU, or None when the catalog does not have it."""
        position = self.positions_by_sku.get(sku)
        return None if position is None else self.items[position]

    def knows_word(self, word: str) -> bool:
        """True when the word, or a close spelling of it, names something in the catalog."""
        return bool(self.read_word(word))

    def read_word(self, word: str) -> tuple[WordMatch, ...]:
        """Catalog words a message word may be: itself, or spellings one or two edits away."""
        if word in self.postings or word in self.phrase_postings:
            return (WordMatch(word, 100.0),)
        cached = self._fuzzy_cache.get(word)
        if cached is not None:
            return cached
        found = self._fuzzy(word)
        if len(self._fuzzy_cache) >= _FUZZY_CACHE_LIMIT:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[word] = found
        return found

    def _fuzzy(self, word: str) -> tuple[WordMatch, ...]:
        # Short words have too many one-edit neighbours to guess; a wrong first letter is rarely a typo.
        if len(word) < 5 or not word[0].isalpha():
            return ()
        allowed = 1 if len(word) < 8 else 2
        choices = [
            candidate
            for length in range(len(word) - allowed, len(word) + allowed + 1)
            for candidate in self.words_by_shape.get((word[0], length), ())
        ]
        extracted = process.extract(word, choices, scorer=OSA.distance, score_cutoff=allowed, limit=None)
        found = [(str(candidate), float(distance)) for candidate, distance, _ in extracted if len(candidate) >= 4]
        if not found:
            return ()
        closest = min(distance for _, distance in found)
        return tuple(
            WordMatch(candidate, 100.0 - 10.0 * distance) for candidate, distance in found if distance == closest
        )


def _content(words: list[str], lexicon: Lexicon) -> list[str]:
    """Letters-only words of a catalog field, without joining words and the units of written sizes."""
    stop_words, size_words = lexicon.stop_words, lexicon.size_words
    kept = []
    previous = ""
    for word in words:
        if not word[0].isdigit() and word not in stop_words and not (word in size_words and previous[:1].isdigit()):
            kept.append(word)
        previous = word
    return kept


def _numbered_words(words: list[str], lexicon: Lexicon) -> set[str]:
    """`2 finger`, `100s`: a number that is part of a product name, read as one word `2finger`."""
    if not any(w[0].isdigit() for w in words):
        return set()
    return {
        number + word
        for number, word in zip(words, words[1:], strict=False)
        if number[:1].isdigit()
        and word[:1].isalpha()
        and word not in lexicon.size_words
        and word not in lexicon.unit_words
        and word not in lexicon.stop_words
        and word not in lexicon.packaging_words
    }


def _mixed_words(text: str, lexicon: Lexicon) -> set[str]:
    """Names that mix digits and letters (`7up`), which messages must read as one word."""
    if not any(ch.isdigit() for ch in text):
        return set()
    return {w for w in _RAW_MIXED_RE.findall(clean_text(text).casefold()) if not _is_size_or_count(w, lexicon)}


def _is_size_or_count(word: str, lexicon: Lexicon) -> bool:
    letters = word.lstrip("0123456789.")
    return letters in lexicon.size_words or letters in lexicon.unit_words


def _joined_pairs(words: list[str], lexicon: Lexicon) -> set[str]:
    """`fresh fri` also as `freshfri`: people drop the space in brand names."""
    plain = [w for w in words if w not in lexicon.packaging_words and w not in lexicon.unit_words]
    return {a + b for a, b in zip(plain, plain[1:], strict=False)}


@dataclass(frozen=True)
class _TextFacts:
    """What one catalog text contributes; brands, categories and aliases repeat, so each is read once."""

    words: tuple[str, ...]
    content: tuple[str, ...]
    extra_words: frozenset[str]
    numbered: frozenset[str]
    joined: frozenset[str]
    has_connector: bool


def _text_facts(lexicon: Lexicon) -> Callable[[str], _TextFacts]:
    @lru_cache(maxsize=None)
    def facts(text: str) -> _TextFacts:
        words = tuple(_catalog_words(text))
        content = tuple(_content(list(words), lexicon))
        numbered = frozenset(_numbered_words(list(words), lexicon))
        return _TextFacts(
            words=words,
            content=content,
            extra_words=frozenset(_mixed_words(text, lexicon)) | numbered,
            numbered=numbered,
            joined=frozenset(_joined_pairs(list(content), lexicon)),
            has_connector=any(w in lexicon.connectors for w in words),
        )

    return facts


def _build(items: list[CatalogItem], lexicon: Lexicon) -> CatalogIndex:
    facts = _text_facts(lexicon)
    sizes = lru_cache(maxsize=None)(lambda text: size_from_text(text, lexicon))
    name_words: list[tuple[str, ...]] = []
    brand_words: list[frozenset[str]] = []
    cores: list[frozenset[str]] = []
    category_words: list[frozenset[str]] = []
    aliases: list[list[tuple[str, ...]]] = []
    noise = lexicon.packaging_words | lexicon.base_variant_words | lexicon.stop_words | lexicon.size_markers
    for item in items:
        name = facts(item.name)
        brand = frozenset(facts(item.brand).content)
        name_words.append(name.content)
        brand_words.append(brand)
        category_words.append(frozenset(facts(item.category.replace("_", " ")).content))
        cores.append(
            frozenset(
                w
                for w in name.content
                if w not in brand and w not in noise and lexicon.unit_words.get(w) != item.sell_unit
            )
            | name.numbered
        )
        aliases.append([facts(alias).content for alias in item.aliases])

    free: list[set[str]] = [set() for _ in items]
    phrase_only: list[list[frozenset[str]]] = [[] for _ in items]

    # A one-word alias shared by several brands is a generic term ("sugar" in the local language);
    # it belongs to the categories where it is used that way.
    generic_brands: dict[str, set[str]] = defaultdict(set)
    generic_categories: dict[str, set[str]] = defaultdict(set)
    for position, item in enumerate(items):
        for alias in aliases[position]:
            if len(alias) == 1:
                generic_brands[alias[0]].add(item.brand.casefold())
                generic_categories[alias[0]].add(item.category)
    generic = {w: generic_categories[w] for w, brands in generic_brands.items() if len(brands) >= 2}

    for position, item in enumerate(items):
        own = free[position]
        name_facts = facts(item.name)
        brand_facts = facts(item.brand)
        own.update(name_facts.content, brand_words[position], category_words[position])
        own.update(name_facts.extra_words, name_facts.joined, brand_facts.extra_words, brand_facts.joined)
        for alias_text, alias in zip(item.aliases, aliases[position], strict=False):
            own.update(facts(alias_text).extra_words)
            home_words = [w for w in alias if w not in generic or item.category in generic[w]]
            if len(home_words) == len(alias):
                own.update(alias)
                own.update(facts(alias_text).joined)
            else:
                own.update(home_words)
                phrase_only[position].append(frozenset(alias))

    # Pack sizes of one product share their one-word aliases: a nickname for the 1kg also means the 2kg.
    single_aliases: dict[tuple[str, frozenset[str]], set[str]] = defaultdict(set)
    for position, item in enumerate(items):
        for alias in aliases[position]:
            if len(alias) == 1:
                single_aliases[(item.brand.casefold(), cores[position])].add(alias[0])
    for position, item in enumerate(items):
        free[position].update(single_aliases[(item.brand.casefold(), cores[position])])

    by_category: dict[str, list[int]] = defaultdict(list)
    for position, item in enumerate(items):
        by_category[item.category].append(position)
    for word, categories in generic.items():
        members = [p for category in sorted(categories) for p in by_category[category]]
        carriers = [p for p in members if word in free[p]]
        carrier_cores = {cores[p] for p in carriers if cores[p]}
        counts = Counter(w for p in carriers for w in cores[p])
        common = {w for w, n in counts.items() if n * 2 >= len(carriers)}
        for position in members:
            if cores[position] in carrier_cores or cores[position] & common:
                free[position].add(word)

    postings_sets: dict[str, set[int]] = defaultdict(set)
    phrase_sets: dict[str, list[tuple[int, frozenset[str]]]] = defaultdict(list)
    protected: set[tuple[str, str, str]] = set()
    mixed: set[str] = set()
    for position in range(len(items)):
        for word in free[position]:
            postings_sets[word].add(position)
        for phrase in phrase_only[position]:
            for word in phrase:
                if word not in free[position]:
                    phrase_sets[word].append((position, phrase))
        for text in (items[position].name, items[position].brand, *items[position].aliases):
            text_facts = facts(text)
            if not text_facts.has_connector:
                continue
            sequence = text_facts.words
            for before, middle, after in zip(sequence, sequence[1:], sequence[2:], strict=False):
                if middle in lexicon.connectors:
                    protected.add((before, middle, after))

    mixed.update(word for word in postings_sets if word[:1].isdigit() and _MIXED_RE.match(word))
    by_shape: dict[tuple[str, int], list[str]] = defaultdict(list)
    for word in set(postings_sets) | set(phrase_sets):
        if word and word[0].isalpha():
            by_shape[(word[0], len(word))].append(word)

    indexed = tuple(
        IndexedItem(
            item=item,
            position=position,
            brand_words=brand_words[position],
            core=cores[position],
            category_words=category_words[position],
            size=sizes(item.size) or sizes(item.name),
            level="single" if item.units_per_pack <= 1 else "pack",
        )
        for position, item in enumerate(items)
    )
    return CatalogIndex(
        items=indexed,
        postings={w: frozenset(s) for w, s in postings_sets.items()},
        phrase_postings={w: tuple(s) for w, s in phrase_sets.items()},
        words_by_shape={k: tuple(sorted(v)) for k, v in by_shape.items()},
        mixed_words=frozenset(mixed),
        protected_connectors=frozenset(protected),
        positions_by_sku={item.sku: position for position, item in enumerate(items)},
        lexicon=lexicon,
    )
