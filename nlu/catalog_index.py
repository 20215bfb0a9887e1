"""A catalog prepared for matching: every SKU's words, size, pack level and the word postings."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from rapidfuzz.distance import OSA

from backend.catalog import CatalogItem
from nlu.lexicon import Lexicon, load_lexicon
from nlu.sizes import Size, size_from_text
from nlu.text import catalog_words, clean_text

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
    words: frozenset[str]


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
    words_by_initial: dict[str, tuple[str, ...]]
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
        best: list[WordMatch] = []
        best_distance = allowed + 1
        for candidate in self.words_by_initial.get(word[0], ()):
            if abs(len(candidate) - len(word)) > allowed or len(candidate) < 4:
                continue
            distance = OSA.distance(word, candidate, score_cutoff=allowed)
            if distance > allowed:
                continue
            if distance < best_distance:
                best, best_distance = [], distance
            if distance == best_distance:
                best.append(WordMatch(candidate, 100.0 - 10.0 * distance))
        return tuple(best)


def _content(words: list[str], lexicon: Lexicon) -> list[str]:
    """Letters-only words of a catalog field, without joining words and the units of written sizes."""
    return [
        w
        for previous, w in zip(["", *words], words)
        if not w[0].isdigit()
        and w not in lexicon.stop_words
        and not (w in lexicon.size_words and previous[:1].isdigit())
    ]


def _numbered_words(words: list[str], lexicon: Lexicon) -> set[str]:
    """`2 finger`, `100s`: a number that is part of a product name, read as one word `2finger`."""
    return {
        number + word
        for number, word in zip(words, words[1:])
        if number[:1].isdigit()
        and word[:1].isalpha()
        and word not in lexicon.size_words
        and word not in lexicon.unit_words
        and word not in lexicon.stop_words
        and word not in lexicon.packaging_words
    }


def _mixed_words(text: str, lexicon: Lexicon) -> set[str]:
    """Names that mix digits and letters (`7up`), which messages must read as one word."""
    return {
        w for w in _RAW_MIXED_RE.findall(clean_text(text).casefold()) if not _is_size_or_count(w, lexicon)
    }


def _is_size_or_count(word: str, lexicon: Lexicon) -> bool:
    letters = word.lstrip("0123456789.")
    return letters in lexicon.size_words or letters in lexicon.unit_words


def _joined_pairs(words: list[str], lexicon: Lexicon) -> set[str]:
    """`fresh fri` also as `freshfri`: people drop the space in brand names."""
    plain = [w for w in words if w not in lexicon.packaging_words and w not in lexicon.unit_words]
    return {a + b for a, b in zip(plain, plain[1:])}


def _build(items: list[CatalogItem], lexicon: Lexicon) -> CatalogIndex:
    name_words: list[list[str]] = []
    brand_words: list[frozenset[str]] = []
    cores: list[frozenset[str]] = []
    category_words: list[set[str]] = []
    aliases: list[list[list[str]]] = []
    noise = lexicon.packaging_words | lexicon.base_variant_words | lexicon.stop_words | lexicon.size_markers
    for item in items:
        raw_name = catalog_words(item.name)
        words = _content(raw_name, lexicon)
        brand = frozenset(_content(catalog_words(item.brand), lexicon))
        categories = set(_content(catalog_words(item.category.replace("_", " ")), lexicon))
        name_words.append(words)
        brand_words.append(brand)
        category_words.append(categories)
        cores.append(
            frozenset(
                w
                for w in words
                if w not in brand and w not in noise and lexicon.unit_words.get(w) != item.sell_unit
            )
            | _numbered_words(raw_name, lexicon)
        )
        aliases.append([_content(catalog_words(alias), lexicon) for alias in item.aliases])

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
        free[position].update(name_words[position], brand_words[position], category_words[position])
        for text in (item.name, item.brand, *item.aliases):
            free[position].update(_mixed_words(text, lexicon))
            free[position].update(_numbered_words(catalog_words(text), lexicon))
        free[position].update(_joined_pairs(name_words[position], lexicon))
        free[position].update(_joined_pairs(catalog_words(item.brand), lexicon))
        for alias in aliases[position]:
            home_words = [w for w in alias if w not in generic or item.category in generic[w]]
            if len(home_words) == len(alias):
                free[position].update(alias)
                free[position].update(_joined_pairs(alias, lexicon))
            else:
                free[position].update(home_words)
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
            if _MIXED_RE.match(word):
                mixed.add(word)
        for phrase in phrase_only[position]:
            for word in phrase:
                if word not in free[position]:
                    phrase_sets[word].append((position, phrase))
        for sequence in [catalog_words(items[position].name), catalog_words(items[position].brand)] + [
            catalog_words(a) for a in items[position].aliases
        ]:
            for before, middle, after in zip(sequence, sequence[1:], sequence[2:]):
                if middle in lexicon.connectors:
                    protected.add((before, middle, after))

    by_initial: dict[str, list[str]] = defaultdict(list)
    for word in set(postings_sets) | set(phrase_sets):
        if word and word[0].isalpha():
            by_initial[word[0]].append(word)

    indexed = tuple(
        IndexedItem(
            item=item,
            position=position,
            brand_words=brand_words[position],
            core=cores[position],
            category_words=frozenset(category_words[position]),
            size=size_from_text(item.size, lexicon) or size_from_text(item.name, lexicon),
            level="single" if item.units_per_pack <= 1 else "pack",
            words=frozenset(free[position]),
        )
        for position, item in enumerate(items)
    )
    return CatalogIndex(
        items=indexed,
        postings={w: frozenset(s) for w, s in postings_sets.items()},
        phrase_postings={w: tuple(s) for w, s in phrase_sets.items()},
        words_by_initial={k: tuple(sorted(v)) for k, v in by_initial.items()},
        mixed_words=frozenset(mixed),
        protected_connectors=frozenset(protected),
        positions_by_sku={item.sku: position for position, item in enumerate(items)},
        lexicon=lexicon,
    )
