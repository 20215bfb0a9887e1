"""A catalog prepared for matching: every SKU's words, size, pack level and the word postings."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Callable, Iterable, NamedTuple

from backend.catalog import CatalogItem
from nlu.abbreviations import ShortWords, shortens, skeleton, vowels_dropped, written_short
from nlu.chinese import ChineseReader
from nlu.lexicon import Lexicon, load_lexicon
from nlu.sizes import Size
from nlu.spelling import Spellings
from nlu.text import (
    catalog_words,
    sound,
    without_marks,
)

# A message's words, for the language it is in.
_LETTERS_RE = re.compile(r"[^\W\d_]+")
# Indexes kept for the words messages asked to read as chatter.
_MAX_VIEWS = 64
# A note in brackets a name writes (`(Box of 72)`, `(24 btl/case)`), a letter it writes an apostrophe after (`O'Clock`),
# and a word it writes `!` after, the name going on (`Lucky Me! Pancit Canton`).
_BRACKETED_RE = re.compile(r"\(([^()\n]*)\)")
_ELIDED_RE = re.compile(r"(?<![^\W\d_])([^\W\d_])['’]([^\W\d_]{2,})")
_EXCLAIMED_RE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)!(?=[ \t]*[^\W\d_])")
_FUZZY_CACHE_LIMIT = 50_000
# A typed start shorter than this is too often a word of its own (`big`, `red`); one cut more than this many
# letters short of its word is no longer that word.
_MIN_TYPED_START = 4
_MAX_TYPED_CUT = 6
# A word typed as its consonants leaves out this many vowels at most (`chkn` chicken, `brkfst` breakfast: three).
_MAX_VOWELS_LEFT_OUT = 4
# Sizes and numbers come from senders, so their caches are bounded like the spelling cache.
_SIZE_CACHE_LIMIT = 10_000
# Words on this many SKUs (flavours, colours, `classic`, `family`) cost more to intersect than to look up.
_COMMON_WORD = 512
_COMMON_CACHE_LIMIT = 4_096
_NO_POSITIONS: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class IndexedItem:
    """One SKU with the facts matching needs, derived only from its catalog columns."""

    item: CatalogItem
    position: int
    brand_words: frozenset[str]
    core: frozenset[str]
    category_words: frozenset[str]
    size: Size | None
    level: str
    main_line: bool = False
    other_line: frozenset[str] = frozenset()
    # The words of each alias written without digits: a message that says them all says the alias.
    alias_words: tuple[tuple[str, ...], ...] = ()
    # The unit a pack's name counts its pieces in (`tin` for `330ml×24罐`): a count of those fills packs.
    piece_unit: str | None = None
    # The price point a name writes beside another size (`Frooti ₹10 (125ml)`): `10 wala` names it too.
    price_point: Size | None = None


@dataclass(frozen=True, slots=True)
class WordMatch:
    """A catalog word a message word was read as, and how sure that reading is (100 = exact)."""

    word: str
    score: float


@dataclass(frozen=True)
class SkuGroups:
    """SKU positions grouped by what matching filters on, so each filter is a set intersection."""

    by_brand: dict[frozenset[str], frozenset[int]]
    # Each brand once, under the one of its words that the fewest brands have: a brand named in full is
    # found through that word, without reading every brand that shares a common word (`Royal`, `Golden`).
    brands_by_word: dict[str, tuple[frozenset[str], ...]]
    by_category_word: dict[str, frozenset[int]]
    by_category: dict[frozenset[str], frozenset[int]]
    by_sell_unit: dict[str, frozenset[int]]
    by_piece_unit: dict[str, frozenset[int]]
    # The SKUs of `by_piece_unit` by how many pieces their pack holds: which packs a count of pieces fills.
    by_pieces_per_pack: dict[int, frozenset[int]]
    by_level: dict[str, frozenset[int]]
    sizes: tuple[tuple[Size, frozenset[int]], ...]
    # SKUs whose name writes a price point beside the measure they are sized by (`Frooti ₹10 (125ml)`), by price.
    by_name_price: dict[float, frozenset[int]]
    # SKUs by the number of their core, and the cores; a product is a brand's words with a core, and its
    # pack sizes and sell units share its number. The numbers are lists, never changed: matching reads them
    # through `map(list.__getitem__, ...)`, several times faster than a tuple's `__getitem__`.
    core_of: list[int]
    cores: tuple[frozenset[str], ...]
    product_of: list[int]
    product_brand: list[int]
    product_core: list[int]
    # A SKU's position, moved after every position when it is out of stock: the ranking's last two keys.
    stock_rank: list[int]
    active: frozenset[int]
    main_line: frozenset[int]
    other_line: frozenset[int]


class NameMarks(NamedTuple):
    """What names write of their own: each note in brackets with a count (`(Box of 72)`, `(24 btl/case)`, `(12s)`),
    case-folded and without spaces, with the unit the SKUs writing it are sold by (empty where they are sold by
    several); the words written with a letter and an apostrophe before the rest (`oclock` of `Eight O'Clock`), which
    a message may type apart (`o clock`); and the words written with `!` after and more of the name following (`me`
    of `Lucky Me! Pancit Canton`)."""

    pack_notes: dict[str, str]
    elided_words: frozenset[str]
    exclaimed_words: frozenset[str]


_UNMARKED = NameMarks({}, frozenset(), frozenset())


def name_marks_of(items: Iterable[IndexedItem]) -> NameMarks:
    """What the names of a catalog write of their own, read once as it is indexed."""
    units: dict[str, set[str]] = defaultdict(set)
    elided: set[str] = set()
    exclaimed: set[str] = set()
    for indexed in items:
        name = indexed.item.name
        if "(" in name:
            for note in _BRACKETED_RE.findall(name):
                if any(map(str.isdecimal, note)):
                    units[pack_note_key(note)].add(indexed.item.sell_unit)
        if "'" in name or "’" in name:
            elided.update((match.group(1) + match.group(2)).casefold() for match in _ELIDED_RE.finditer(name))
        if "!" in name:
            exclaimed.update(match.group(1).casefold() for match in _EXCLAIMED_RE.finditer(name))
    notes = {note: next(iter(sold)) if len(sold) == 1 else "" for note, sold in units.items()}
    return NameMarks(notes, frozenset(elided), frozenset(exclaimed))


@dataclass(frozen=True)
class CatalogIndex:
    """Everything matching needs, built once per catalog and shared by every parse."""

    items: tuple[IndexedItem, ...]
    postings: dict[str, frozenset[int]]
    phrase_postings: dict[str, tuple[tuple[int, frozenset[str]], ...]]
    # Catalog words by their first letter, where misspellings and short forms are looked for.
    words_by_initial: dict[str, Spellings]
    mixed_words: frozenset[str]
    # Names written in digits alone (the brand `555`): a message's number that is one names the product.
    digit_names: frozenset[str]
    filler_brands: frozenset[frozenset[str]]
    protected_connectors: frozenset[tuple[str, str, str]]
    positions_by_sku: dict[str, int]
    lexicon: Lexicon
    groups: SkuGroups
    # Catalog words whose singular or plural the catalog also writes (`seed` and `seeds`).
    number_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Grade words (`42.5r`) by the number they start with, for a sender who leaves the letter out.
    grades: dict[float, tuple[str, ...]] = field(default_factory=dict)
    # Everyday words the catalog writes in capitals as a product name or brand (`CAN` fertiliser).
    capital_names: frozenset[str] = frozenset()
    # Catalog words by how they sound (`kolget` is how `colgate` sounds, written from Devanagari).
    sounds: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Local words for kinds of goods that the catalog writes only inside longer aliases (`suka` of
    # `suka datu puti`), never alone or in a name, brand or category.
    alias_only_words: frozenset[str] = frozenset()
    # The words of each core (by its number in `groups`) that are words of its SKUs' categories (`detergent` of
    # an `Omo Detergent`).
    core_kinds: tuple[frozenset[str], ...] = ()
    # Each SKU's core, size and brand by number (one size number for equal sizes, and one for none), and the size of
    # each size number: what the variant filter compares of a SKU, read in one look, so it compares each distinct
    # product and size once, however many SKUs share them, and tells a list of one size without comparing sizes.
    variant_keys: list[tuple[int, int, int]] = field(default_factory=list)
    numbered_sizes: tuple[Size | None, ...] = ()
    # The first word of every alias written without digits: a message without one of them says no alias in full.
    alias_first_words: frozenset[str] = frozenset()
    # SKUs whose name has a word that says what the product comes in (`in` of `Sardines in Tomato Sauce`).
    saying_contents: frozenset[int] = frozenset()
    # The catalog's Chinese segmenter and pinyin spellings, when it writes Chinese.
    chinese: ChineseReader | None = None
    # Catalog words that may be others written short (`SHMP`, `SAUS`): what a message word in full finds.
    short_words: ShortWords | None = None
    # SKUs by the pack unit their name calls by a local word (`25G 12S (TINGI)`, `(TALI)`).
    named_units: dict[str, frozenset[int]] = field(default_factory=dict)
    # The initial and the word a name writes as a kind cut short (`c`, `fat` of `C/FAT`).
    slashed_initials: frozenset[tuple[str, str]] = frozenset()
    # What names write of their own that a message copying them writes too; read with the rest of the index, so no
    # message waits while every name is read.
    name_marks: NameMarks = _UNMARKED
    _fuzzy_cache: dict[str, tuple[WordMatch, ...]] = field(default_factory=dict, compare=False, repr=False)
    _spellings_cache: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)
    _size_cache: dict[tuple[str, float], frozenset[int]] = field(default_factory=dict, compare=False, repr=False)
    _common_cache: dict[tuple[str, ...], frozenset[int]] = field(default_factory=dict, compare=False, repr=False)
    _readings_cache: dict[tuple[str, ...], tuple[frozenset[int], str | None]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _sold_in_categories: dict[frozenset[str], frozenset[int]] = field(default_factory=dict, compare=False, repr=False)
    _brand_in_name: dict[int, bool] = field(default_factory=dict, compare=False, repr=False)
    _views: dict[frozenset[str], CatalogIndex] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(
        cls, items: Iterable[CatalogItem], lexicon: Lexicon | None = None, previous: CatalogIndex | None = None
    ) -> CatalogIndex:
        """Index a catalog; any iterable of `CatalogItem` works, SKU strings are never interpreted. Given the index in
        use (`previous`), a new version whose SKUs all write what they did (new prices and stock) reuses what was
        read from their words."""
        # The builder is compiled with the reader and makes instances of this class: imported when first used.
        from nlu.indexing import build_index

        return build_index(list(items), lexicon or load_lexicon(), previous)

    def __len__(self) -> int:
        return len(self.items)

    @cached_property
    def connector_heads(self) -> frozenset[tuple[str, str]]:
        """Each joining word a name writes with the word before it (`energy`, `plus` of `Energy Plus Biscuit`)."""
        return frozenset((first, connector) for first, connector, _ in self.protected_connectors if first)

    @cached_property
    def written_after_connector(self) -> dict[str, frozenset[str]]:
        """The words a name writes after each joining word (`pepper` after `and` of `Salt and Pepper`)."""
        after: dict[str, set[str]] = defaultdict(set)
        for _, connector, last in self.protected_connectors:
            after[connector].add(last)
        return {connector: frozenset(lasts) for connector, lasts in after.items()}

    @cached_property
    def joined_by_initials(self) -> dict[tuple[str, str], tuple[str, str]]:
        """The two words a name joins (`PORK & BEANS`) by their initials (`p`, `b`), where no other two words a name
        joins have those initials: what a sender's `P&B` writes."""
        pairs: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        for first, _, last in self.protected_connectors:
            if len(first) > 1 and len(last) > 1 and first.isalpha() and last.isalpha():
                pairs[(first[0], last[0])].add((first, last))
        return {letters: next(iter(words)) for letters, words in pairs.items() if len(words) == 1}

    @cached_property
    def brand_words(self) -> frozenset[str]:
        """Every word of every brand."""
        return frozenset().union(*self.groups.by_brand)

    def names_with(self, word: str, said: set[str]) -> bool:
        """True when a word the catalog writes names a product here: it is a brand's, or another word said is
        written on a SKU with it (`non sucré`, not `non, pardon 7`)."""
        postings = self.postings.get(word)
        if postings is None:
            return False
        return word in self.brand_words or any(
            other != word and not postings.isdisjoint(self.postings.get(other, ())) for other in said
        )

    def brand_in_name(self, positions: Iterable[int]) -> frozenset[int]:
        """Those of the SKUs whose name writes their brand (`农夫山泉 饮用天然水`, not the `东方树叶` tea of the same
        brand). Asked only of a brand named in a message, so each SKU is read when first asked about, not all at
        once."""
        written = self._brand_in_name
        for position in positions:
            if position not in written:
                item = self.items[position].item
                written[position] = item.brand.casefold() in item.name.casefold()
        return frozenset(position for position in positions if written[position])

    @cached_property
    def kinds_within_written(self) -> frozenset[int]:
        """The SKUs whose core writes a local word for a kind named in more words than one (`malagkit`, glutinous
        rice): a kind within a kind."""
        kinds = self.lexicon.product_words
        words = [word for word, namings in kinds.items() if any(len(naming) > 1 for naming in namings)]
        return frozenset().union(*(self.postings.get(word, frozenset()) for word in words))

    @cached_property
    def kind_joined_written(self) -> frozenset[int]:
        """The SKUs of a category joining two kinds (`RICE & GRAINS`) that write a word for a kind of goods
        (`BEANS`): of another kind than the category's one said, where their name does not write that one."""
        items, kinds = self.items, self.lexicon.goods_kind_words
        # A category's SKUs are posted under its words: one SKU of each says how its name is written.
        joined = [
            positions
            for positions in self.groups.by_category.values()
            if _joins_kinds(items[next(iter(positions))].item.category, self.lexicon)
        ]
        return frozenset(p for positions in joined for p in positions if not items[p].core.isdisjoint(kinds))

    @cached_property
    def base_written(self) -> frozenset[int]:
        """The SKUs whose catalog words include a word for the base product (`原味酸奶`, `Original`)."""
        return frozenset().union(*(self.postings.get(word, frozenset()) for word in self.lexicon.base_variant_words))

    def for_message(self, text: str) -> CatalogIndex:
        """The index whose lexicon reads a word as the language the message is in says: Igbo `di` ending a question
        fills it, never taking the item off as Tagalog `di` would."""
        words = set(_LETTERS_RE.findall(text.casefold()))
        chatter = self.lexicon.chatter_in(words)
        if not chatter:
            return self
        view = self._views.get(chatter)
        if view is None:
            if len(self._views) >= _MAX_VIEWS:
                self._views.clear()
            view = self._views[chatter] = replace(self, lexicon=self.lexicon.with_chatter(chatter))
        return view

    def item_for_sku(self, sku: str) -> IndexedItem | None:
        """The indexed SKU, or None when the catalog does not have it."""
        position = self.positions_by_sku.get(sku)
        return None if position is None else self.items[position]

    def writes_every_word(self, text: str) -> bool:
        """True when every word of `text` but its amounts, units, the words joining them (`ya`, `of`), words asking
        for them (`need`, `nipe`, `po`) and greetings (`habari`, `hello`) is a word the catalog writes, or a local word
        for one beside one it writes (`pepsi`, `nyota 2`, `mafuta ya kupikia 5L`, `habari, need omo`): a message of
        products and nothing else, a misspelt word not counted."""
        words = self.goods_words(catalog_words(text))
        return any(word in self.postings for word in words) and self.names_goods(words)

    def goods_words(self, words: Iterable[str]) -> list[str]:
        """The words but amounts, units, sizes, the words joining them, asking for them and greetings."""
        lexicon = self.lexicon
        besides = (
            lexicon.stop_words,
            lexicon.unit_words,
            lexicon.size_words,
            lexicon.number_words,
            lexicon.asking_words,
            lexicon.greeting_words,
        )
        return [word for word in words if not (word.isdigit() or any(word in own for own in besides))]

    def names_goods(self, words: Iterable[str]) -> bool:
        """True when every word is one the catalog writes, or a local word for one."""
        return all(word in self.postings or self.namings(word) for word in words)

    def knows_word(self, word: str) -> bool:
        """True when the word, or a close spelling of it, names something in the catalog."""
        return bool(self.read_word(word))

    def read_word(self, word: str) -> tuple[WordMatch, ...]:
        """Catalog words a message word may be: itself, or spellings one or two edits away."""
        if word in self.postings or word in self.phrase_postings:
            other_forms = self.number_forms.get(word)
            if other_forms:
                return (WordMatch(word, 100.0), *(WordMatch(form, 100.0) for form in other_forms))
            return (WordMatch(word, 100.0),)
        cached = self._fuzzy_cache.get(word)
        if cached is not None:
            return cached
        plain = without_marks(word)
        # `étoile`, `crème`: owners type the accents a distributor's capitals leave out.
        found = self.read_word(plain) if plain != word and plain.isascii() else self._fuzzy(word)
        if len(self._fuzzy_cache) >= _FUZZY_CACHE_LIMIT:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[word] = found
        return found

    def namings(self, kind: str) -> tuple[tuple[str, ...], ...]:
        """The locale's namings of a kind of goods whose words the catalog writes, those it writes together on one
        SKU first (`washed sugar` before `white sugar` where no SKU is both)."""
        namings = self.lexicon.product_words.get(kind)
        if namings is None:
            return ()
        written = [naming for naming in namings if all(w in self.postings for w in naming)]
        return tuple(sorted(written, key=lambda naming: not self.posted_under_all(list(naming))))

    def other_spellings(self, word: str) -> tuple[str, ...]:
        """Catalog words that a catalog word may also be written for: those sounding the same, or an edit or two
        away (`ashirvad` for `aashirvaad`, `sarso` for `sarson`)."""
        # Asked of catalog words only, so the cache holds at most the catalog's words.
        spellings = self._spellings_cache.get(word)
        if spellings is None:
            found = (*self._sounding_alike(word), *self._misspelt(word, besides=word))
            spellings = self._spellings_cache[word] = tuple(dict.fromkeys(m.word for m in found if m.word != word))
        return spellings

    def posted_under_all(self, words: list[str]) -> frozenset[int]:
        """Positions of the SKUs posted under every one of the catalog words, rarest word first."""
        if len(self.postings[words[0]]) < _COMMON_WORD:
            return self._posted_under_all(words)
        # Every word is common: a catalog has a few hundred such words, and orders combine them the same
        # few ways (`lemon soap`, `family pack vanilla`), so each combination is intersected once, starting
        # from the combination of all but the commonest word, which other orders share.
        key = tuple(sorted(words))
        found = self._common_cache.get(key)
        if found is None:
            found = (
                self.posted_under_all(words[:-1]) & self.postings[words[-1]]
                if len(words) > 1
                else self.postings[words[0]]
            )
            if len(self._common_cache) >= _COMMON_CACHE_LIMIT:
                self._common_cache.clear()
            self._common_cache[key] = found
        return found

    def posted_under_any(self, readings: tuple[WordMatch, ...]) -> tuple[frozenset[int], str | None]:
        """The SKUs posted under any of a message word's readings, and the reading whose postings they are when one
        reading's hold every other's (`biscuits` and `biscuit` on the same SKUs): that word then intersects as one
        posting does, through `posted_under_all`."""
        if len(readings) == 1:
            word = readings[0].word
            found = self.postings.get(word)
            return (found, word) if found is not None else (_NO_POSITIONS, None)
        # A word read several ways is read so in message after message, and its postings can be thousands.
        key = tuple(reading.word for reading in readings)
        cached = self._readings_cache.get(key)
        if cached is None:
            posted = [(self.postings[word], word) for word in key if word in self.postings]
            union = frozenset().union(*(found for found, _ in posted))
            widest = max(posted, key=lambda entry: len(entry[0]), default=(_NO_POSITIONS, None))
            cached = widest if len(widest[0]) == len(union) and union else (union, None)
            if len(self._readings_cache) >= _COMMON_CACHE_LIMIT:
                self._readings_cache.clear()
            self._readings_cache[key] = cached
        return cached

    def sold_in_categories_of(self, position: int) -> frozenset[int]:
        """The active SKUs in a category with every word of this SKU's category; a catalog has few categories, so
        each is worked out once."""
        words = self.items[position].category_words
        found = self._sold_in_categories.get(words)
        if found is None:
            found = self.groups.active
            for word in words:
                found = found & self.groups.by_category_word.get(word, _NO_POSITIONS)
            self._sold_in_categories[words] = found
        return found

    def _posted_under_all(self, words: list[str]) -> frozenset[int]:
        found = self.postings[words[0]]
        for word in words[1:]:
            found = found & self.postings[word]
            if not found:
                break
        return found

    def sized(self, size: Size) -> frozenset[int]:
        """Positions of the SKUs whose size is `size`."""
        key = (size.dimension, size.value)
        found = self._size_cache.get(key)
        if found is None:
            found = self._cached_size(key, lambda own: own.matches(size))
        return found

    def priced_in_name(self, price: float) -> frozenset[int]:
        """Positions of the SKUs whose name writes this price point beside the measure they are sized by."""
        return self.groups.by_name_price.get(price, frozenset())

    def sized_in(self, dimension: str) -> frozenset[int]:
        """Positions of the SKUs whose size is written in this dimension (a price point, a numbered size)."""
        return self._cached_size((dimension, -1.0), lambda own: own.dimension == dimension)

    def sized_as(self, number: float) -> frozenset[int]:
        """Positions of the SKUs whose size a bare number can be (`300` for 300ml, `1.25` for 1.25L)."""
        key = ("", number)
        found = self._size_cache.get(key)
        if found is None:
            found = self._cached_size(key, lambda own: own.matches_number(number))
        return found

    def _cached_size(self, key: tuple[str, float], fits: Callable[[Size], bool]) -> frozenset[int]:
        # A catalog has few distinct sizes, so each question is answered once over them and then remembered.
        found = frozenset().union(*(positions for own, positions in self.groups.sizes if fits(own)))
        if len(self._size_cache) >= _SIZE_CACHE_LIMIT:
            self._size_cache.clear()
        self._size_cache[key] = found
        return found

    def _fuzzy(self, word: str) -> tuple[WordMatch, ...]:
        # `pipe` for a catalog's `pipes`, `nails` for its `nail`: the same noun, not a misspelling.
        same_noun = tuple(WordMatch(form, 100.0) for form in singular_and_plural(word) if form in self.postings)
        if same_noun:
            return same_noun
        found = self._misspelt(word) or self._sounding_alike(word)
        # `creamy` beside `cream`: a name that writes every consonant of the word (`CRMY`) writes that word.
        found += tuple(m for m in self._written_short(word) if not found or skeleton(m.word) == skeleton(word))
        return found or self._vowels_dropped(word) or self._typed_short(word) or self._typed_consonants(word)

    def _vowels_dropped(self, word: str) -> tuple[WordMatch, ...]:
        """`brwn`, `zro`, `royl`: a short word typed without its vowels, too short to be read as a misspelling."""
        if not 3 <= len(word) < 5 or not word.isalpha():
            return ()
        spellings = self.words_by_initial.get(word[0])
        found = [] if spellings is None else spellings.between(len(word) + 1, len(word) + 2)
        return tuple(WordMatch(full, 85.0) for full in found if vowels_dropped(word, full))

    def _typed_short(self, word: str) -> tuple[WordMatch, ...]:
        """`orig` for a catalog's `original`, `kalam` for its `kalamansi`: the start of a catalog word, cut before a
        vowel, as owners type a long word short."""
        if len(word) < _MIN_TYPED_START or not word.isalpha():
            return ()
        spellings = self.words_by_initial.get(word[0])
        found = [] if spellings is None else spellings.between(len(word) + 2, len(word) + _MAX_TYPED_CUT)
        return tuple(WordMatch(full, 85.0) for full in found if full.startswith(word) and shortens(word, full))

    def _typed_consonants(self, word: str) -> tuple[WordMatch, ...]:
        """`blk` for a catalog's `black`, `chkn` for its `chicken`, `chlmnsi` for its `chilimansi`: a word typed as
        its consonants, as distributors write their names short."""
        if len(word) < 3 or not word.isalpha() or not written_short(word):
            return ()
        spellings = self.words_by_initial.get(word[0])
        found = [] if spellings is None else spellings.holding(word, len(word) + 1, len(word) + _MAX_VOWELS_LEFT_OUT)
        return tuple(WordMatch(full, 80.0) for full in found if shortens(word, full))

    def _written_short(self, word: str) -> tuple[WordMatch, ...]:
        """`shampoo` for a distributor's `SHMP`, `sausage` for its `SAUS`."""
        if self.short_words is None:
            return ()
        return tuple(WordMatch(short, 90.0) for short in self.short_words.read(word))

    def _sounding_alike(self, word: str) -> tuple[WordMatch, ...]:
        """`kolget` for `colgate`, `supa` for `super`: a brand written as it sounds, often from Devanagari."""
        if len(word) < 3 or not word.isalpha():
            return ()
        return tuple(WordMatch(known, 90.0) for known in self.sounds.get(sound(word), ()))

    def _misspelt(self, word: str, besides: str = "") -> tuple[WordMatch, ...]:
        # Short words have too many one-edit neighbours to guess; a wrong first letter is rarely a typo.
        if len(word) < 5 or not word[0].isalpha():
            return ()
        allowed = 1 if len(word) < 8 else 2
        spellings = self.words_by_initial.get(word[0])
        if spellings is None:
            return ()
        # Only lengths within the allowed edits can be that close.
        shortest, longest = max(4, len(word) - allowed), len(word) + allowed
        found = [spelling for spelling in spellings.within(word, allowed, shortest, longest) if spelling[0] != besides]
        if not found:
            return ()
        closest = min(distance for _, distance in found)
        return tuple(
            WordMatch(candidate, 100.0 - 10.0 * distance) for candidate, distance in found if distance == closest
        )


def singular_and_plural(word: str) -> tuple[str, ...]:
    """The other number of an English noun (`seed`/`seeds`, `box`/`boxes`, `battery`/`batteries`)."""
    if len(word) < 3 or not word.isalpha():
        return ()
    forms = [word + "s", word + "es"]
    if word.endswith("y"):
        forms.append(word[:-1] + "ies")
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    return tuple(form for form in forms if len(form) >= 3)


@lru_cache(maxsize=8)
def kind_joins(joiners: frozenset[str]) -> re.Pattern[str]:
    """What joins two kinds in a category's name: a sign (`RICE & GRAINS`, `NOODLES/PASTA`) or a word a language
    joins numbers with (`Tea and Coffee`, `CHA E CAFE`, `Té y Café`)."""
    words = "|".join(sorted((re.escape(word) for word in joiners if word.isalpha()), key=len, reverse=True))
    return re.compile(rf"\s*(?:&|/|\+|,|\b(?:{words})\b)\s*", re.IGNORECASE)


def _joins_kinds(category: str, lexicon: Lexicon) -> bool:
    return sum(1 for part in kind_joins(lexicon.number_joiners).split(category) if part.strip()) > 1


def pack_note_key(note: str) -> str:
    """A note in brackets as names and messages are compared by it: case-folded, without spaces."""
    return "".join(note.casefold().split())


def copied_marks(text: str, index: CatalogIndex) -> str:
    """`Lucky Me! Pancit Canton Kalamansi 60g (Box of 72) 3`: what a name copied from the price list writes of its
    own. A `!` after a word a name writes it after goes on with the name; a pack note in brackets that names write
    says the unit its SKUs are sold by, none of its numbers an amount. Same length, so every span stays put."""
    marks = index.name_marks
    if "(" in text and marks.pack_notes:
        notes = marks.pack_notes

        def noted(match: re.Match[str]) -> str:
            unit = notes.get(pack_note_key(match.group(1)))
            if unit is None:
                return match.group()
            written = f" {unit} " if unit else " "
            return written.ljust(len(match.group())) if len(written) <= len(match.group()) else " " * len(match.group())

        text = _BRACKETED_RE.sub(noted, text)
    if "!" in text and marks.exclaimed_words:
        exclaimed = marks.exclaimed_words
        text = _EXCLAIMED_RE.sub(lambda m: m.group(1) + " " if m.group(1).casefold() in exclaimed else m.group(), text)
    return text
