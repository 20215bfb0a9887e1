"""Matching one item request to catalog SKUs: a single SKU, a short list to ask about, or nothing."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, compress, repeat
from operator import add
from typing import Callable, Iterable, Iterator, TypeAlias

from nlu.abbreviations import shortens, written_short
from nlu.catalog_index import CatalogIndex, IndexedItem, WordMatch
from nlu.chinese import HAN_RE
from nlu.lexicon import Lexicon
from nlu.segments import ItemRequest
from nlu.sizes import SIZE_NUMBER, SIZE_PRICE, Size
from nlu.text import catalog_words

MAX_CANDIDATES = 20
# A kilogram or a litre, in the grams and millilitres sizes are kept in: what goods sold by the measure are sold by.
_ONE_MEASURE = 1000.0
# A numbered size a name writes in brackets (`(4)`) or after a word (`Size 4`: the word is checked to be a size word).
_NUMBERED_SIZE_RE = re.compile(r"\(\s*(\d+)\s*\)|([a-z]+)\s*(\d+)\b")

# Positions of SKUs in the index: a posting as the index holds it, or what is left of one after a filter.
Positions: TypeAlias = "frozenset[int] | set[int]"
_NOTHING: frozenset[str] = frozenset()
_NONE: frozenset[frozenset[str]] = frozenset()
_NO_POSITIONS: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Match:
    """The SKUs that fit a request, best first; one SKU means the request is resolved."""

    candidates: tuple[IndexedItem, ...]
    score: float
    confirm: bool = False
    size_from_number: float | None = None
    # `花椒 10斤` of a pepper sold in 500g bags: the weight said is the amount, ten bags.
    amount_from_size: float | None = None

    # Written out, not left to `@dataclass`: compiled, each field is set in place (see `ItemRequest`).
    def __init__(
        self,
        candidates: tuple[IndexedItem, ...],
        score: float,
        confirm: bool = False,
        size_from_number: float | None = None,
        amount_from_size: float | None = None,
    ) -> None:
        object.__setattr__(self, "candidates", candidates)
        object.__setattr__(self, "score", score)
        object.__setattr__(self, "confirm", confirm)
        object.__setattr__(self, "size_from_number", size_from_number)
        object.__setattr__(self, "amount_from_size", amount_from_size)


_Cover: TypeAlias = "tuple[Positions, tuple[WordMatch, ...], str | None]"
# What the variant filter reads of a SKU: its core, its size and its brand, by number. Typed as a tuple of any length,
# compiled code passes on the index's own tuples, where it would unpack three numbers and pack them anew at each read.
_Key: TypeAlias = "tuple[int, ...]"


def match_request(request: ItemRequest, index: CatalogIndex) -> Match:
    """Candidates for a request after word, size, pack and variant filters (empty when nothing fits)."""
    readings = [index.read_word(word) for word in request.words]
    known = [found for found in readings if found]
    if not known or all(_a_letter(word) for word, found in zip(request.words, readings, strict=True) if found):
        return Match((), 0.0)  # `parle g`: a lone letter of a name (`Big G`) is too little to name a product by
    canonical = {m.word for found in known for m in found}
    canonical.update(w for w in request.optional_words if w in index.postings)
    covers = _covers(known, canonical, index)
    found = _intersected(covers, index) if covers else _NO_POSITIONS
    otherwise, naming_words = _named_otherwise(request, index) if found else (_NO_POSITIONS, frozenset())
    found = found | otherwise
    candidates, size_number = _by_size(found, request, index)
    amount = None
    if not candidates and found:
        candidates, amount = _weighed_out(found, request, index)
    if not candidates:
        return Match((), 0.0)
    groups = index.groups
    several = len(candidates) > 1
    if several:
        candidates = _by_brand_named(candidates, canonical, index)
        candidates = _by_category_named(candidates, canonical, index)
        candidates = _of_the_whole_kind(candidates, canonical, index)
        candidates = _by_optional_words(candidates, request, index)
        held = _pack_word_written(_by_pack_held(candidates, request, index), request, index)
        candidates = _by_pack(held, request, index, canonical)
    # What each SKU's name adds to the words said, read by the variant filter and the ranking. Many brands
    # share a name's words (`lemon soap`), so it is worked out once per distinct set of words.
    # Another naming of the kind said (`carne norte` of `corned beef`) is said too: no flavour its product adds.
    unsaid = canonical | index.lexicon.size_names | naming_words
    extras = {core: groups.cores[core] - unsaid for core in set(map(groups.core_of.__getitem__, candidates))}
    if several:
        kind_only = _only_a_kind(request, canonical, index) and _of_several_brands(candidates, index)
        candidates = _without_named_variants(candidates, extras, index, kind_only)
        candidates = _without_other_lines(candidates, canonical, index)
        candidates = _without_unsaid_flavours(candidates, extras, canonical, index)
    if len(candidates) > 1:
        candidates = (candidates & groups.active) or candidates
    elif not candidates & groups.active and _names_a_kind(request, canonical, index):
        candidates = _sold_of_the_kind(candidates, request, index) or candidates
        for core in set(map(groups.core_of.__getitem__, candidates)) - extras.keys():
            extras[core] = groups.cores[core] - canonical
        if len(candidates) > 1:
            # `washing powder 1kg` where only a discontinued product is named so: the kind's products still sold,
            # each brand's own lines and variants (`Surf Excel Matic`) still to be named.
            candidates = _without_named_variants(candidates, extras, index, kind_only=True)
    if 1 < len(candidates) <= MAX_CANDIDATES and not index.alias_first_words.isdisjoint(canonical):
        candidates = _by_alias_said(candidates, canonical, index)
    ranked, best = _ranked(candidates, [found for _, found, _ in covers], extras, index)
    items = index.items
    foreign = len(known) < len(request.words)
    return Match(
        tuple(map(items.__getitem__, ranked)),
        best,
        confirm=foreign,
        size_from_number=size_number,
        amount_from_size=amount,
    )


def _named_otherwise(request: ItemRequest, index: CatalogIndex) -> tuple[Positions, frozenset[str]]:
    """`corned beef` where one list writes `CORNED BEEF` and another product `KARNE NORTE`: a kind said in its own
    words is also every product the catalog names by another naming of it in as many words; with the words of the
    namings that found one."""
    if len(request.words) < 2:
        return _NO_POSITIONS, frozenset()
    namings = index.lexicon.product_words.get(" ".join(request.words), ())
    found: Positions = _NO_POSITIONS
    words: frozenset[str] = frozenset()
    for naming in namings:
        if len(naming) > 1 and naming != request.words and all(w in index.postings for w in naming):
            named = index.posted_under_all(list(naming))
            if named:
                found = found | named
                words = words.union(naming)
    return found, words


def _a_letter(word: str) -> bool:
    return len(word) == 1 and word.isascii() and word.isalpha()


def _covers(known: list[tuple[WordMatch, ...]], canonical: set[str], index: CatalogIndex) -> list[_Cover]:
    """Each word's SKUs, fewest first, with the catalog word whose postings they are when they are one word's:
    those intersect by word. Empty when a word covers nothing."""
    covers: list[_Cover] = []
    phrase_postings = index.phrase_postings
    for found in known:
        cover: Positions
        cover, word = index.posted_under_any(found)
        for reading in found:
            in_phrases = phrase_postings.get(reading.word)
            if in_phrases:
                phrased = {p for p, phrase in in_phrases if phrase <= canonical}
                if phrased:
                    cover, word = cover | phrased, None
        if not cover:
            return []
        covers.append((cover, found, word))
    covers.sort(key=lambda entry: len(entry[0]))
    return covers


def _intersected(covers: list[_Cover], index: CatalogIndex) -> Positions:
    """The SKUs every word covers.

    Candidates stay positions until the end: every filter after this is then an intersection with a group
    the index holds, so a word thousands of SKUs share costs no more than the SKUs left after the others.
    """
    posted = [word for _, _, word in covers if word is not None]
    if len(posted) == len(covers):
        return index.posted_under_all(posted)
    candidates = covers[0][0]
    for cover, _, _ in covers[1:]:
        candidates = candidates & cover
        if not candidates:
            break
    return candidates


def _ranked(
    candidates: Positions,
    readings: list[tuple[WordMatch, ...]],
    extras: dict[int, frozenset[str]],
    index: CatalogIndex,
) -> tuple[list[int], float]:
    """The best candidates in order, and the best score.

    Scored only now: the filters usually leave a handful of the thousands a common word covers. Best score,
    then fewest unsaid words, then in stock, then catalog order. The last three are one number per SKU, made
    with `map` and sorted as plain integers, so a list of hundreds costs little more than the twenty kept.
    """
    groups = index.groups
    order = list(candidates)
    count = len(index.items)
    unsaid = {core: len(words) * 2 * count for core, words in extras.items()}
    ranks = map(groups.stock_rank.__getitem__, order)
    if len(set(unsaid.values())) > 1:
        # Otherwise every key has the same multiple of `count` added, which changes neither order nor position.
        ranks = map(add, map(unsaid.__getitem__, map(groups.core_of.__getitem__, order)), ranks)
    keys = list(ranks)
    if all(len(found) == 1 for found in readings):
        # Every word was read one way only, so every candidate scores the same.
        ranked = [key % count for key in sorted(keys)[:MAX_CANDIDATES]]
        return ranked, sum(found[0].score for found in readings) / len(readings) if ranked else 0.0
    scores = _scores(order, readings, index)
    scored = sorted(zip([-scores[p] for p in order], keys, strict=True))
    ranked = [key % count for _, key in scored[:MAX_CANDIDATES]]
    return ranked, scores[ranked[0]] if ranked else 0.0


def _scores(order: list[int], readings: list[tuple[WordMatch, ...]], index: CatalogIndex) -> dict[int, float]:
    """Each SKU's mean over the message words of how exactly each was read as a word the SKU has.

    A word read one way scores the same for every SKU, so it is added once. The SKUs are split by the score each
    word read several ways gives them, a reading's postings at a time, best reading first: a few groups of
    SKUs, each scored once, instead of every reading looked up for every SKU. Scores are whole numbers, so the
    sum is the same in whatever order it is taken.
    """
    postings = index.postings
    fixed = sum(found[0].score for found in readings if len(found) == 1)
    count = len(readings)
    parts: list[tuple[float, Positions]] = [(0, set(order))]
    for found in readings:
        if len(found) > 1:
            parts = [
                part for total, positions in parts for part in _split_by_reading(total, positions, found, postings)
            ]
    scores: dict[int, float] = {}
    for total, positions in parts:
        scores.update(dict.fromkeys(positions, (fixed + total) / count))
    return scores


def _split_by_reading(
    total: float, positions: Positions, found: tuple[WordMatch, ...], postings: dict[str, frozenset[int]]
) -> Iterator[tuple[float, Positions]]:
    """The SKUs by the best score of the readings of one word they have, added to `total`; the first reading's
    score for those with none."""
    left = positions
    for reading in sorted(found, key=lambda r: -r.score):
        posted = left & postings.get(reading.word, _NO_POSITIONS)
        if posted:
            yield total + reading.score, posted
            left = left - posted
    if left:
        yield total + found[0].score, left


def _by_size(candidates: Positions, request: ItemRequest, index: CatalogIndex) -> tuple[Positions, float | None]:
    """A stated size must exist; a bare number that is a size or grade of the product is read as that."""
    if request.size is not None:
        return _by_stated_size(candidates, request, request.size, index), None
    # `ketepa 12 si 10`, `5 nahi 6`: an amount taken back and the one said in its place are amounts, never a
    # size or a pack's count, and neither counts beside another.
    numbers = [n for n in request.bare_numbers if n not in request.negated] if request.negated else request.bare_numbers
    if not numbers:
        return candidates, None
    counted = request.quantity is not None and request.quantity not in request.negated
    counted_elsewhere = len(numbers) > 1 or counted
    for number in sorted(numbers, reverse=True):
        sized = candidates & index.sized_as(number)
        counts = number >= 100 or counted_elsewhere or number % 1
        if sized and counts and not _sold_otherwise(sized, candidates, request, index):
            return sized, number
    # A fraction never counts items, so `42.5` alone is a grade; a whole number needs another number to count.
    graded = [
        (number, found)
        for number in numbers
        if number >= 100 or counted_elsewhere or number % 1
        for found in (_by_grade(candidates, number, index),)
        if found
    ]
    if len(graded) == 1:
        return graded[0][1], graded[0][0]
    if counted_elsewhere and len(candidates) <= MAX_CANDIDATES:
        items = index.items
        for number in numbers:
            # `rosy ya 40 bale 2`: beside a count, a number that is what some of the packs hold names those packs.
            holding = {p for p in candidates if items[p].item.units_per_pack == number}
            if holding and len(holding) < len(candidates):
                return holding, number
    if len(numbers) == 1 and (counted_elsewhere or request.price_question) and len(candidates) <= MAX_CANDIDATES:
        # `surya 12 2 slop`, `djarum 76 1 slop`, `regane surya 12 piro?`: beside a count, or in a price question,
        # the one number some of the names write names those.
        written = {p for p in candidates if _writes_number(index.items[p], numbers[0])}
        if written and len(written) < len(candidates):
            return written, numbers[0]
    if counted_elsewhere and _sized_for_other_goods(candidates, numbers, index):
        return _NO_POSITIONS, None
    if counted and len(numbers) == 1 and _names_another_product(candidates, request, numbers[0], index):
        return _NO_POSITIONS, None
    return candidates, None


def _names_another_product(candidates: Positions, request: ItemRequest, number: float, index: CatalogIndex) -> bool:
    """`kopiko 78 2 case` beside Kopiko's coffee sachets: beside a count, a whole number typed right after a word of
    the product's name, which none of its names, sizes or packs writes nor comes near, names another product of it
    (the bottled Kopiko 78), one the catalog does not sell."""
    if number % 1 or number < _NAMED_NUMBER:
        return False
    words = catalog_words(request.phrase)
    typed = f"{number:g}"
    if typed not in words[1:]:
        return False
    before = words[words.index(typed) - 1]
    items = index.items
    if not any(before in items[p].brand_words or before in items[p].core for p in candidates):
        return False
    for position in candidates:
        candidate = items[position]
        if candidate.size is None:
            return False
        for near in (candidate.size.value, candidate.item.units_per_pack, *_numbers_in(candidate.item.name)):
            if near / _ANOTHER_SIZE <= number <= near * _ANOTHER_SIZE:
                return False
    return True


def _by_stated_size(candidates: Positions, request: ItemRequest, size: Size, index: CatalogIndex) -> Positions:
    """The candidates in the size said, or in the other size offered beside it (`100g or 250g`)."""
    sized = candidates & index.sized(size)
    if request.other_size is not None:
        sized = sized | (candidates & index.sized(request.other_size))
    if not sized and size.dimension == SIZE_PRICE:
        named = candidates & index.priced_in_name(size.value)
        if len(named) > 1 or (named and len({index.items[p].brand_words for p in candidates}) == 1):
            # "frooti 10 wala": among one brand's packs, the one whose name writes the price (`₹10 (125ml)`);
            # "coffee 2 rs": among brands, those whose names write it, still to ask among.
            return named
        if not candidates & index.sized_in(SIZE_PRICE) and (named or not _price_written(candidates, index)):
            # "campa 10 wala" where the catalog sizes this product otherwise: the price cannot narrow it. Where
            # every name writes its price point (`PARLE-G MRP 5`, `MRP 10`), one none writes fits nothing.
            return candidates
    if not sized and size.dimension == SIZE_NUMBER and len(candidates) <= MAX_CANDIDATES:
        # `molfix size 4` of `MOLFIX MAXI (4) 7-14KG`: a numbered size the catalog writes in the name only.
        written = {p for p in candidates if _numbers_size(index.items[p], size.value, index)}
        if written and not candidates & index.sized_in(SIZE_NUMBER):
            return written
    return sized


def _sold_otherwise(sized: Positions, candidates: Positions, request: ItemRequest, index: CatalogIndex) -> bool:
    """`minola 1 gal 2` beside `MINOLA COCO OIL 1L X 12 CS`: a number read as a size picks only products sold by
    another unit than the one said, where the product is also sold by that one (`MINOLA COCO OIL 1 GAL`, by the
    jerrycan): the number counts the unit, and is no size."""
    unit = request.unit
    if unit is None or request.size is not None:
        return False
    return not _any_sold_in(sized, unit, index) and _any_sold_in(candidates - sized, unit, index)


def _any_sold_in(candidates: Positions, unit: str, index: CatalogIndex) -> bool:
    """True when a candidate is sold by a sell unit the typed unit names."""
    by_sell_unit = index.groups.by_sell_unit
    return not all(
        candidates.isdisjoint(by_sell_unit.get(u, _NO_POSITIONS)) for u in index.lexicon.sell_units_for(unit)
    )


def _sized_for_other_goods(candidates: Positions, numbers: Iterable[float], index: CatalogIndex) -> bool:
    """`2 case mountain dew 1.5` where only its 290ml is sold: a fraction beside a count is a size, and one the
    catalog sells of other goods in the measure these are sold by, and of none of these, names none of them."""
    items = index.items
    measures = {own.dimension if (own := items[p].size) is not None else None for p in candidates}
    if None in measures:
        return False
    for number in numbers:
        if not number % 1 or candidates & (sized := index.sized_as(number)):
            continue
        if any(own is not None and own.dimension in measures for own in (items[p].size for p in sized)):
            return True
    return False


def _price_written(candidates: Positions, index: CatalogIndex) -> bool:
    """True when every candidate's name writes a price point beside its measure."""
    return candidates <= frozenset().union(*index.groups.by_name_price.values())


def _weighed_out(candidates: Positions, request: ItemRequest, index: CatalogIndex) -> tuple[Positions, float | None]:
    """`花椒 10斤`, `5kg` of a spice sold in 500g bags and no pack of that size: the measure is the amount, in
    bags of the one size it is a whole number of; where bags of several sizes each make it, those bags."""
    size = request.size
    if size is None or request.quantity is not None or request.bare_numbers:
        return _NO_POSITIONS, None
    items = index.items
    counts: dict[float, set[int]] = defaultdict(set)
    for position in candidates:
        own = items[position].size
        if items[position].level == "single" and own is not None and own.dimension == size.dimension and own.value:
            count = size.value / own.value
            if count >= 1 and abs(count - round(count)) < 1e-6:
                counts[round(count)].add(position)
    if len(counts) > 1:
        # `莜面 二十斤` of 2.5kg and 5kg bags: each fills it whole, so which bag is asked.
        return frozenset().union(*counts.values()), None
    if not counts:
        return _by_the_measure(candidates, size, index)
    ((count, positions),) = counts.items()
    return positions, float(count)


def _by_the_measure(candidates: Positions, size: Size, index: CatalogIndex) -> tuple[Positions, float | None]:
    """`nusu kilo garlic`, `pishori kilo 2 na nusu` of goods sold by the kg: halves and quarters of the measure are
    that many of it, an amount in no whole packs."""
    items = index.items
    by_measure = {
        p
        for p in candidates
        if items[p].level == "single" and (own := items[p].size) is not None and own.dimension == size.dimension
        and own.value == _ONE_MEASURE
    }
    count = size.value / _ONE_MEASURE
    if not by_measure or count * 4 != round(count * 4) or count == round(count):
        return _NO_POSITIONS, None
    return by_measure, count


def _by_grade(candidates: Positions, number: float, index: CatalogIndex) -> Positions:
    """`cement 42.5` for a catalog's `42.5R`: the SKUs of the one grade that starts with the number.

    Nothing is chosen when two grades start with it (`42.5N`, `42.5R`) or a candidate writes the number alone.
    """
    grades = index.grades.get(number)
    if not grades:
        return frozenset()
    carried = [g for g in grades if not candidates.isdisjoint(index.postings[g])]
    if len(carried) != 1:
        return frozenset()
    holders = index.postings[carried[0]]
    if any(_writes_number(index.items[p], number) for p in candidates - holders):
        return frozenset()
    return candidates & holders


def _numbers_size(candidate: IndexedItem, number: float, index: CatalogIndex) -> bool:
    """True when the name writes the number as a numbered size: in brackets (`(4)`) or after a size word (`Size 4`)."""
    words = _NUMBERED_SIZE_RE.findall(candidate.item.name.casefold())
    markers = index.lexicon.size_markers
    return any(float(bracketed or after) == number for bracketed, word, after in words if bracketed or word in markers)


def _writes_number(candidate: IndexedItem, number: float) -> bool:
    item = candidate.item
    return number in _numbers_in(f"{item.name} {item.size}")


def _numbers_in(text: str) -> list[float]:
    """The numbers a catalog field writes as words of their own (not fractions such as `1/2`)."""
    return [float(word) for word in catalog_words(text) if word[:1].isdigit() and "/" not in word]


def _by_brand_named(candidates: Positions, mentioned: set[str], index: CatalogIndex) -> Positions:
    """A brand named in full wins over SKUs that only share a word or a nickname with it; among the brand's own,
    those whose name writes it win over its other lines where they are one product (`农夫山泉` is the water, not
    `东方树叶` tea it also makes); where they are several (`旺旺` 仙贝 and 雪饼), the brand is all its lines."""
    by_brand = index.groups.by_brand
    named: set[int] = set()
    for brand in _brands_named(mentioned, index):
        named.update(candidates & by_brand[brand])
    written = index.brand_in_name(named)
    if len({index.groups.product_of[position] for position in written}) > 1:
        return named
    return written or named or candidates


def _brands_named(mentioned: set[str], index: CatalogIndex) -> set[frozenset[str]]:
    """Brands whose every word was said."""
    brands_by_word = index.groups.brands_by_word
    return {brand for word in mentioned for brand in brands_by_word.get(word, ()) if brand <= mentioned}


def _by_category_named(candidates: Positions, mentioned: set[str], index: CatalogIndex) -> Positions:
    """`sugar` names the sugar category; a drink that merely has the word in its name is not meant. `beer` names
    the beer category, not `opaque beer`, where both are on the list."""
    named: set[int] = set()
    for word in mentioned:
        holders = index.groups.by_category_word.get(word)
        if holders is not None:
            named.update(candidates & holders)
    if not named:
        return candidates
    by_category = index.groups.by_category
    said = sorted(w for w in mentioned if w in index.groups.by_category_word)
    whole: set[int] = set()
    for size in range(1, min(len(said), _CATEGORY_WORDS) + 1):
        for words in combinations(said, size):
            whole.update(named & by_category.get(frozenset(words), _NO_POSITIONS))
    return _without_sibling_kinds(whole or named, set(said), index)


def _without_sibling_kinds(candidates: Positions, said: set[str], index: CatalogIndex) -> Positions:
    """`鸡精` of a category `鸡精味精`, `rice` of `RICE & GRAINS`: where some names write the word said of a category
    joining two kinds, a name that writes another kind of goods instead (`味精`, `BEANS`, `SEMOLINA`) is of that
    other kind, not the one named. Chinese joins them in a word, the category's other word; `maize flour` is a kind
    of flour, and a flavour (`Onion Chicken`) no other kind."""
    joined = index.kind_joined_written
    if candidates.isdisjoint(joined) and not any(map(HAN_RE.match, said)):
        return candidates
    items = index.items
    writing = {p for p in candidates if not said.isdisjoint(items[p].core)}
    if not writing or len(writing) == len(candidates):
        return candidates
    kinds = index.lexicon.goods_kind_words
    other = {
        p
        for p in candidates - writing
        if any(
            word in items[p].category_words if HAN_RE.match(word) else p in joined and word in kinds
            for word in items[p].core - said
        )
    }
    return candidates - other if other else candidates


def _of_the_whole_kind(candidates: Positions, mentioned: set[str], index: CatalogIndex) -> Positions:
    """`cooking oil`, `mafuta ya kupika`: a kind named in several words of a category means the products whose name
    has the word the others describe (the category's last), or none of its words; not `Cooking Fat`, whose name
    shares only a describing word. Those are left out when at least two of the whole kind are there to choose from."""
    category_words = index.groups.by_category_word
    kind = {w for w in mentioned if w in category_words}
    if len(kind) < 2:
        return candidates
    items = index.items
    categories = {items[p].item.category for p in candidates if kind <= items[p].category_words}
    heads = {next((w for w in reversed(catalog_words(c.replace("_", " "))) if w in kind), "") for c in categories}
    if len(heads) != 1:
        return candidates
    (head,) = heads
    named = {p: items[p].core | items[p].brand_words for p in candidates}
    partial = {p for p, words in named.items() if head not in words and not words.isdisjoint(kind)}
    if partial and len(candidates) - len(partial) >= 2:
        return candidates - partial
    return candidates


# Categories are named in a few words (`soft drinks`, `cooking oil`); more said at once are tried no further.
_CATEGORY_WORDS = 3


def _by_optional_words(candidates: Positions, request: ItemRequest, index: CatalogIndex) -> Positions:
    postings = index.postings
    for word in request.optional_words:
        # `tea bag` for a catalog's `Tea Bags`: the word in either number.
        forms = (word, *index.number_forms.get(word, ()))
        # Each form's postings cut to the candidates first: a common word's are thousands of SKUs.
        having = frozenset().union(*(candidates & postings.get(form, _NO_POSITIONS) for form in forms))
        if having and len(having) < len(candidates):
            candidates = having
    return candidates


def _by_pack_held(candidates: Positions, request: ItemRequest, index: CatalogIndex) -> Positions:
    """`蒙牛纯奶24盒的 3提`, `ligo red x100 3 case`: the pack said by what it holds, where the list has it."""
    if request.pack_of is None:
        return candidates
    held = candidates & index.groups.by_pieces_per_pack.get(request.pack_of, _NO_POSITIONS)
    if held:
        return held
    items = index.items
    return frozenset(p for p in candidates if items[p].item.units_per_pack == request.pack_of) or candidates


def _by_pack(
    candidates: Positions, request: ItemRequest, index: CatalogIndex, mentioned: set[str] | None = None
) -> Positions:
    """A single-piece unit picks single-piece SKUs; within one product, the named pack picks its SKU, and for a
    kind of goods named alone (`gatas 2 case`), the products sold in that unit are the ones to choose from."""
    if request.unit is None:
        return candidates
    lexicon = index.lexicon
    groups = index.groups
    sold_so = _any_sold_in(candidates, request.unit, index)
    level = _counted_level(candidates, request.unit, index) if not sold_so else lexicon.unit_levels.get(request.unit)
    if level == "single" and not sold_so:
        candidates = _by_piece_packaging(candidates, request, index)
    # `(TALI)`: a name that calls the typed unit by a local word is its brand's SKU sold in it; its brand's goods
    # sold in that unit too (`康师傅 红烧牛肉面 整箱` beside its `老坛酸菜` by the case) are as much in it.
    named_unit = candidates & index.named_units.get(request.unit, frozenset())
    if named_unit:
        brand_of = groups.product_brand
        named_brands = {brand_of[groups.product_of[p]] for p in named_unit}
        # Only the candidates are looked up in the unit's SKUs, never the catalog's thousands sold in it.
        sold_in = [groups.by_sell_unit.get(u, _NO_POSITIONS) for u in lexicon.sell_units_for(request.unit)]
        candidates = named_unit.union(
            p
            for p in candidates
            if brand_of[groups.product_of[p]] not in named_brands or any(p in sold for sold in sold_in)
        )
    # A typed unit that is a SKU's own sell unit fits it whatever the pack holds ("2 packs" of a 12-pack), and
    # so does the unit its pieces are counted in when the count fills whole packs (`48罐` of a case of `×24罐`).
    selling: set[int] = set()
    for sell_unit in lexicon.sell_units_for(request.unit):
        selling.update(candidates & groups.by_sell_unit.get(sell_unit, frozenset()))
        selling.update(_filled_by(candidates & groups.by_piece_unit.get(sell_unit, frozenset()), request, index))
    same_level = selling.union(candidates & groups.by_level[level]) if level in groups.by_level else selling
    # A kind of goods named alone (`gatas 2 case`), or a product's own name without its brand (`火腿肠 3箱`,
    # `beef na beef 5 box`): the products sold in that unit. A kind beside other words (`energy drink`) asks.
    if named_unit:
        # Other brands' SKUs sold at another level are not the pack said (`gula pasir 1 karung`: the sack, not
        # another brand's bale).
        if selling and mentioned is not None and _named_without_brand(request, mentioned, index):
            return named_unit | selling
        return named_unit | same_level
    if same_level:
        candidates = same_level
    if not selling or len(selling) == len(candidates):
        return candidates
    if mentioned is not None and _named_without_brand(request, mentioned, index):
        return selling
    # Products with a SKU in the named unit keep only those, and so do brands with a SKU sold in that very unit
    # (`star 5 crates` is the lager, not the brand's matches; `ariel 5 bale` the powder, not its sachets by the
    # outer), unless owners type the unit for other packs too (`sunlight 3 ctn` of powder bales beside a carton of
    # dishwashing liquid); the others keep every pack.
    product_of, brand_of, items = groups.product_of, groups.product_brand, index.items
    named_products = {product_of[p] for p in selling}
    exact = lexicon.sell_units_for(request.unit) == {request.unit}
    named_brands = {brand_of[product_of[p]] for p in selling if exact and items[p].item.sell_unit == request.unit}
    return selling.union(
        p for p in candidates if product_of[p] not in named_products and brand_of[product_of[p]] not in named_brands
    )


def _counted_level(candidates: Positions, unit: str, index: CatalogIndex) -> str | None:
    """The level a unit no candidate is sold in counts at; a dozen counts pieces where the product is sold by the
    piece too (`usa ka dosena alaska evap` of a can sold by the piece and by the case of 48)."""
    lexicon = index.lexicon
    single = index.groups.by_level.get("single", _NO_POSITIONS)
    if unit in lexicon.pieces_per_unit and not candidates.isdisjoint(single):
        return "single"
    return lexicon.unit_levels.get(unit)


def _pack_word_written(candidates: Positions, request: ItemRequest, index: CatalogIndex) -> Positions:
    """`shangi gunia 2` beside `POTATO SHANGI GUNIA 110KG` and `POTATO SHANGI BAG 50KG`: the local word for a pack
    typed as one of a product's names writes it is that SKU, not the product's other SKUs sold in the same unit,
    unless their names call the unit by a local word too (`/箱` beside `/件`: only how the list writes a case)."""
    named_unit = candidates & index.named_units.get(request.unit, frozenset()) if request.unit else _NO_POSITIONS
    if not named_unit:
        return candidates
    unit_words, postings = index.lexicon.unit_words, index.postings
    typed = [w for w in catalog_words(request.phrase) if unit_words.get(w) == request.unit and w in postings]
    writing = named_unit & postings[typed[0]] if typed else _NO_POSITIONS
    if not writing:
        return candidates
    product_of = index.groups.product_of
    products = {product_of[p] for p in writing}
    if any(product_of[p] in products for p in named_unit - writing):
        return candidates
    return {p for p in candidates if p in writing or product_of[p] not in products}


def _named_without_brand(request: ItemRequest, mentioned: set[str], index: CatalogIndex) -> bool:
    """No brand said, and the words are all words for a kind of goods or none is."""
    if _brands_named(mentioned, index):
        return False
    kinds = list(map(_kind_word_test(index), request.words))
    return all(kinds) or not any(kinds)


def _by_piece_packaging(candidates: Positions, request: ItemRequest, index: CatalogIndex) -> Positions:
    """`96 cans sprite`, `48 bottles mosi`: pieces counted in one packaging, filling whole packs where no SKU is sold
    by the piece, are of the packs whose name writes it, else of those whose name writes no other (a tray of cans is
    no crate of bottles). A packaging said with no count that fills a pack (`tasty tom tin 2`, `... sachet how much`)
    still names the product whose name writes it."""
    packaging = index.lexicon.piece_packaging
    unit, count = request.unit, request.quantity
    if unit not in packaging:
        return candidates
    items = index.items
    filled = (
        {p for p in candidates if items[p].item.units_per_pack > 1 and count % items[p].item.units_per_pack == 0}
        if count is not None and count > 0
        else set()
    )
    pool = filled or candidates

    def writing(words: Iterable[str]) -> set[int]:
        found: set[int] = set()
        for word in words:
            for form in (word, *index.number_forms.get(word, ())):
                found.update(pool & index.postings.get(form, _NO_POSITIONS))
        return found

    own = writing(packaging[unit])
    if own and len(own) < len(candidates):
        return own
    other = writing(w for other_unit, words in packaging.items() if other_unit != unit for w in words)
    if not filled:
        # `30 garrafas` of a crate of 24 beside its can case: a count filling no pack still leaves out the packs
        # whose name writes another packaging.
        return candidates - other or candidates if count else candidates
    kept = filled - other
    if other:
        return kept or candidates
    # `100 sachet milo` beside the 300g pouches by the dozen: no name says how its pieces are packed, so the count
    # that fills whole packs of one brand's goods picks them.
    groups = index.groups
    return filled if len({groups.product_brand[groups.product_of[p]] for p in candidates}) == 1 else candidates


def _filled_by(packs: Positions, request: ItemRequest, index: CatalogIndex) -> Positions:
    """The packs a count of their pieces fills whole (48 of a case of 24); all of them when nothing is counted."""
    if not packs or request.quantity is None:
        return packs
    filled: set[int] = set()
    if request.quantity > 0:
        # A catalog has few pack contents, so each is tried once instead of each pack.
        for pieces, holders in index.groups.by_pieces_per_pack.items():
            held = packs & holders
            if held and request.quantity % pieces == 0:
                filled.update(held)
    return filled


def _without_named_variants(
    candidates: Positions, extras: dict[int, frozenset[str]], index: CatalogIndex, kind_only: bool = False
) -> Positions:
    """An unqualified name means the base product: drop SKUs that add unmentioned words to a sibling's.

    A kind of goods named alone (`noodles`, `bathing soap`) asks among its flavours and lines too: only a SKU
    that adds a variant word (`lite`, `brown`, `zero`) or a word of a brand's own line (`matic`) is dropped then.
    """
    if len(extras) < 2:
        # Every candidate's name adds the same words, so none adds to another's.
        return candidates
    groups = index.groups
    # A word of the category every candidate is in adds no variant (`Omo Multi-Active Detergent` beside its
    # sachet); a brand's soy sauce beside its vinegar stays two products. A category's word that names no kind of
    # goods still does (`OMENA FRESH` beside `OMENA DRY` under `FRESH-FISH`).
    kinds = frozenset().union(*map(index.core_kinds.__getitem__, extras)) & index.lexicon.kind_naming_words
    shared = {w for w in kinds if candidates <= groups.by_category_word[w]}
    if shared:
        extras = {core: own - shared for core, own in extras.items()}
    marking = index.lexicon.variant_or_line_words if kind_only else _NOTHING
    # A kind named alone drops a SKU only for a variant or line word its name adds: where no name adds one, the
    # thousands of SKUs of a kind are not compared with their siblings, and where none adds only variant marks
    # either, not read at all.
    beside_plain_only = kind_only and all(map(marking.isdisjoint, extras.values()))
    if beside_plain_only and not _marking_only(extras, index):
        return candidates
    # Whether a SKU is dropped depends only on its core, size and brand: each distinct key is decided once, and the
    # SKUs are read twice, for their keys and for those dropped.
    order = list(candidates)
    keys: list[_Key] = list(map(index.variant_keys.__getitem__, order))
    sized = set(keys)
    if beside_plain_only:
        dropped = _variants_beside_plain(sized, extras, index, kind_only)
    else:
        dropped = _variant_keys_dropped(sized, candidates, extras, index, kind_only)
    return candidates.difference(compress(order, map(dropped.__contains__, keys))) if dropped else candidates


def _variant_keys_dropped(
    sized: set[_Key], candidates: Positions, extras: dict[int, frozenset[str]], index: CatalogIndex, kind_only: bool
) -> set[_Key]:
    """The keys of the SKUs that add words to a base product's or a sibling's, and of the variants beside a plain
    product; for a kind named alone, of the former only those whose names add a variant or line word."""
    dropped: set[_Key] = set()
    rest = sized
    bases = {core for core, own in extras.items() if not own} or _written_as_base(candidates, sized, extras, index)
    if bases:
        # A SKU whose name adds nothing to the words said is the base product, and every SKU of its brand
        # that adds something is a variant of it: decided for the whole list at once, without comparing.
        based = {brand for core, _, brand in sized if core in bases}
        with_base = {key for key in sized if key[2] in based}
        dropped = {key for key in with_base if key[0] not in bases}
        rest = sized - with_base
    dropped.update(_sibling_variants(rest, extras, index))
    if dropped:
        dropped.difference_update(_size_names(sized, dropped, extras, index))
    if dropped and kind_only:
        marking = index.lexicon.variant_or_line_words
        dropped = {key for key in dropped if not extras[key[0]].isdisjoint(marking)}
    dropped.update(_variants_beside_plain(sized - dropped, extras, index, kind_only))
    return dropped


def _variants_beside_plain(
    sized: set[_Key], extras: dict[int, frozenset[str]], index: CatalogIndex, kind_only: bool
) -> set[_Key]:
    """`Illovo Brown Sugar` beside `Illovo White Sugar`: a product whose name adds only variant words (`brown`) is a
    variant of one of its brand and size whose name adds only a flavour or colour (`white`), when its brand was
    named; when only a kind was (`shuga 1kg`), where another product of that size adds nothing (`Dwangwa Sugar`),
    and of one whose words, no flavour, another brand's product of that size adds too (`milk 500ml`: `Parmalat Low
    Fat` beside `Parmalat Full Cream` and `Dairy King Full Cream`; `mealie meal`: `Roller` beside `Breakfast`)."""
    lexicon = index.lexicon
    marking_only = _marking_only(extras, index)
    if not marking_only:
        return set()
    everyone = frozenset.intersection(*extras.values())
    own = {core: words - everyone for core, words in extras.items()}
    # A colour that names a line (`Marlboro Gold` beside `Marlboro Red`) is an equal alternative, not a variant.
    lines = lexicon.line_colour_words
    marked = {key for key in sized if key[0] in marking_only and not own[key[0]] <= lines}
    tasted = lexicon.tasted_words
    tasted_only = {core for core, words in own.items() if words and words <= tasted}
    plain = {(size, brand) for core, size, brand in sized if core in tasted_only}
    if kind_only:
        adding = {core for core, words in own.items() if words}
        bare = {size for core, size, _ in sized if core not in adding}
        plain = {(size, brand) for size, brand in plain if size in bare}
        common = _said_by_other_brands(sized, own)
        marked = {key for key in marked if key[:2] not in common}
        flavours = lexicon.flavour_words
        for (core, size), brands in common.items():
            if own[core].isdisjoint(flavours):
                plain.update(zip(repeat(size), brands))
    return {key for key in marked if key[1:] in plain}


def _marking_only(extras: dict[int, frozenset[str]], index: CatalogIndex) -> set[int]:
    """The cores whose names add only variant marks (`brown`, `low fat`) to the words every name on the list adds.

    Words every name adds (`Long Life`, `Bread`) tell none of them apart. Decided on the few distinct names first:
    most lists have no name adding only variant words."""
    everyone = frozenset.intersection(*extras.values())
    marking = index.lexicon.variant_marks
    flavours = index.lexicon.flavour_words
    return {
        core
        for core, words in extras.items()
        if (rest := words - everyone) and (rest <= marking or _marks_only(rest, marking, flavours))
    }


def _marks_only(words: frozenset[str], marking: frozenset[str], flavours: frozenset[str]) -> bool:
    """True when every word is a variant mark, or one written short as a list writes it (`HOT&SPCY`)."""
    return all(word in marking or _shortens_a_mark(word, marking, flavours) for word in words)


@lru_cache(maxsize=4096)
def _shortens_a_mark(word: str, marking: frozenset[str], flavours: frozenset[str]) -> bool:
    """`spcy` of spicy; not `wht`, which writes white (a colour) as well as wheat."""
    if not written_short(word):
        return False
    meant = {full for full in marking.union(flavours) if shortens(word, full)}
    return bool(meant) and meant <= marking


def _said_by_other_brands(
    sized: set[_Key], own: dict[int, frozenset[str]]
) -> dict[tuple[int, int], set[int]]:
    """The products whose every added word another brand's product of their size adds too (`Mulonga Breakfast`
    beside `Kapiri Breakfast`, `Tata Tea Premium` beside `Wagh Bakri Premium`): the kind's common product, the
    brands of each of its names and sizes. Brands of a kind share their names' words, so each is weighed once."""
    brands_of: dict[tuple[int, int], set[int]] = defaultdict(set)
    for core, size, brand in sized:
        brands_of[(core, size)].add(brand)
    brands_saying: dict[tuple[int, str], set[int]] = defaultdict(set)
    for (core, size), brands in brands_of.items():
        for word in own[core]:
            brands_saying[(size, word)].update(brands)
    return {
        (core, size): brands
        for (core, size), brands in brands_of.items()
        if own[core] and all(len(brands_saying[(size, w)]) > 1 for w in own[core])
    }


# The least number that names a product (`kopiko 78`); smaller ones are as often a count or a size written short.
_NAMED_NUMBER = 10
# A size this many times another is another size, not the same pack written differently.
_ANOTHER_SIZE = 1.25


def _size_names(
    sized: set[_Key], dropped: set[_Key], extras: dict[int, frozenset[str]], index: CatalogIndex
) -> set[_Key]:
    """`Red Horse Stallion 1L` beside `Red Horse 500ml`, `Ginebra Kwatro Kantos 700ml` beside `Ginebra Bilog 350ml`:
    words no locale knows as a variant or flavour, on a SKU of a size its brand's plain product is not sold in, name
    that size, so the brand said alone asks the size."""
    lexicon = index.lexicon
    known = (lexicon.variant_words, lexicon.flavour_words, lexicon.base_variant_words, lexicon.packaging_words)
    # The word test is the same for every SKU of a core, and most lists have no such word: sizes are read only then.
    cores = {core for core, _, _ in dropped}
    naming = {core for core in cores if (own := extras[core]) and all(map(own.isdisjoint, known))}
    if not naming:
        return set()
    suspects = [key for key in dropped if key[0] in naming]
    brands = {brand for _, _, brand in suspects}
    sizes = index.numbered_sizes
    # Each brand's kept sizes once, by their number, and each suspect's size weighed once for its brand.
    kept_sizes: dict[int, dict[int, Size]] = defaultdict(dict)
    for _, number, brand in sized - dropped:
        size = sizes[number]
        if brand in brands and size is not None:
            kept_sizes[brand][number] = size
    weighed: dict[_Key, bool] = {}
    named: set[_Key] = set()
    for key in suspects:
        _, number, brand = key
        another = weighed.get(key[1:])
        if another is None:
            others = kept_sizes.get(brand)
            another = weighed[key[1:]] = _of_another_size(sizes[number], list(others.values()) if others else None)
        if another:
            named.add(key)
    return named


def _of_another_size(size: Size | None, others: list[Size] | None) -> bool:
    """True when a size is clearly none of the others (`1L` beside `500ml`, not `110g` beside `108g`)."""
    if size is None or not others:
        return False
    return all(
        other.dimension == size.dimension
        and max(size.value, other.value) >= _ANOTHER_SIZE * min(size.value, other.value)
        for other in others
    )


def _written_as_base(
    candidates: Positions, sized: set[_Key], extras: dict[int, frozenset[str]], index: CatalogIndex
) -> set[int]:
    """`原味酸奶` beside `香草味` of one size: where no name adds nothing to the words said, the one product whose
    name writes the base word (`原味`, `original`) is the base, unless it writes a flavour too (`Classic Salted`
    beside `Magic Masala`): then it is one flavour among others, to ask about."""
    if len({size for _, size, _ in sized}) != 1:
        return set()
    cores = set(map(index.groups.core_of.__getitem__, candidates & index.base_written))
    if len(cores) != 1:
        return set()
    (core,) = cores
    return cores if extras[core].isdisjoint(index.lexicon.flavour_words) else set()


def _sibling_variants(sized: set[_Key], extras: dict[int, frozenset[str]], index: CatalogIndex) -> set[_Key]:
    """The keys of the SKUs whose name adds words to the words another product of their brand adds."""
    # Pack sizes of one product have the same words, so each product (a brand with a core) is compared once, not
    # each SKU; and only products whose brand has another product on the list have a sibling to compare with.
    products = {(core, brand) for core, _, brand in sized}
    counts = Counter(brand for _, brand in products)
    if len(counts) == len(products):
        return set()
    siblings: dict[int, set[frozenset[str]]] = defaultdict(set)
    for core, brand in products:
        if counts[brand] > 1:
            siblings[brand].add(extras[core])
    line_words = index.lexicon.line_words
    # Brands of a kind often add the same words to their names (`香辣`, `海鲜` beside `红烧牛肉`): each set of sets
    # is decided once for every brand that has it.
    decided: dict[frozenset[frozenset[str]], set[frozenset[str]]] = {}
    variants: dict[int, set[frozenset[str]]] = {}
    for brand, names in siblings.items():
        if len(names) > 1:
            key = frozenset(names)
            found = decided.get(key)
            if found is None:
                found = decided[key] = _variants(names) or _other_lines(names, line_words)
            if found:
                variants[brand] = found
    if not variants:
        return set()
    return {key for key in sized if extras[key[0]] in variants.get(key[2], _NONE)}


def _variants(extras: set[frozenset[str]]) -> set[frozenset[str]]:
    """The word sets of which another of `extras` is a proper part."""
    if _NOTHING in extras:
        return extras - {_NOTHING}
    # Without the empty set, a one-word set has no proper part here.
    return {own for own in extras if len(own) > 1 and _has_part_in(own, extras)}


def _other_lines(extras: set[frozenset[str]], line_words: frozenset[str]) -> set[frozenset[str]]:
    """`Surf Excel Matic Top Load` beside `Surf Excel Easy Wash`: where some of a brand's names add a word of a
    line of its own and others add none, those adding one are that line's, to be named to be chosen."""
    marked = {own for own in extras if not own.isdisjoint(line_words)}
    return marked if len(marked) < len(extras) else set()


def _has_part_in(own: frozenset[str], extras: set[frozenset[str]]) -> bool:
    # A brand can have hundreds of products on one list; a name has few words, so its parts are fewer.
    if 1 << len(own) <= len(extras):
        return any(frozenset(part) in extras for size in range(1, len(own)) for part in combinations(own, size))
    return any(other < own for other in extras)


def _kind_word_test(index: CatalogIndex) -> Callable[[str], bool]:
    product_words, category_words = index.lexicon.product_words, index.groups.by_category_word
    return lambda word: word in product_words or word in category_words


def _of_several_brands(candidates: Positions, index: CatalogIndex) -> bool:
    """`maheu` where one brand makes every maheu: the kind named is that brand's, and means its base product."""
    product_brand, product_of = index.groups.product_brand, index.groups.product_of
    first = product_brand[product_of[next(iter(candidates))]]
    return any(product_brand[product_of[p]] != first for p in candidates)


def _only_a_kind(request: ItemRequest, mentioned: set[str], index: CatalogIndex) -> bool:
    """True when every word names a kind of goods (a category's word or a locale's word for one), and no brand."""
    return all(map(_kind_word_test(index), request.words)) and not _brands_named(mentioned, index)


def names_a_brand(request: ItemRequest, index: CatalogIndex) -> bool:
    """True when a request says a brand's every word (`maluwa`, `golden pride`)."""
    return bool(_brands_named(set(request.words), index))


def names_only_a_kind(request: ItemRequest, index: CatalogIndex) -> bool:
    """True when a request's words all name a kind of goods (`cooking oil 5L`, `sukari`) and no brand."""
    return bool(request.words) and _only_a_kind(request, set(request.words), index)


def _names_a_kind(request: ItemRequest, mentioned: set[str], index: CatalogIndex) -> bool:
    """True when the words name a kind of goods (a category's word or a locale's word for one) and no brand."""
    return any(map(_kind_word_test(index), request.words)) and not _brands_named(mentioned, index)


def _sold_of_the_kind(candidates: Positions, request: ItemRequest, index: CatalogIndex) -> Positions:
    """`washing powder 1kg` when the only product named so is discontinued: the products of its kind still sold
    in that size and pack, to choose from; none when fewer than two are."""
    (position,) = candidates
    kind, _ = _by_size(index.sold_in_categories_of(position), request, index)
    kind = _by_pack(kind, request, index)
    return kind if len(kind) > 1 else _NO_POSITIONS


def _by_alias_said(candidates: Positions, mentioned: set[str], index: CatalogIndex) -> Positions:
    """`aashirvaad 5kg`, `century tuna`: among a few look-alikes, the SKUs the catalog gives an alias said in full.

    They win over their brand's products that only add a variant word (`hot`, `spicy`, `multigrain`) in the
    same size, and over other brands' products whose names lack one of the alias's words (`san mig light` beside the
    GSM Blue Light of the brand Ginebra San Miguel). Flavours and other sizes stay equal alternatives to ask about,
    and an alias of common words (`pads`) names no one product.
    """
    items = index.items
    lexicon = index.lexicon
    best: dict[int, frozenset[str]] = {}
    said = mentioned.issuperset
    for position in candidates:
        words: tuple[str, ...] = max(filter(said, items[position].alias_words), key=len, default=())
        if words:
            best[position] = frozenset(words)
    if not best or len(best) == len(candidates):
        return candidates
    longest = max(map(len, best.values()))
    named = {p for p, words in best.items() if len(words) == longest}
    if any(w in lexicon.product_words for p in named for w in best[p]):
        return candidates
    own_words: dict[frozenset[str], set[str]] = defaultdict(set)
    sizes: dict[frozenset[str], set[Size | None]] = defaultdict(set)
    for position in named:
        own_words[items[position].brand_words].update(items[position].core)
        # A price point the name writes beside its measure is a size too: PARLE-G GOLD MRP 10 (80g) is a variant
        # of the PARLE-G MRP 10 (100g) the alias names.
        sizes[items[position].brand_words].update((items[position].size, items[position].price_point))
    alias_words = frozenset().union(*(best[p] for p in named))
    # The brand's own name as the alias of some of its products (`maggi` of the masala noodles, not of the atta
    # ones): the brand said alone means those in any size, and its variants, and its sizes with a name of their own
    # (`lapad` beside the `tanduay`), must be named.
    plain = {items[p].brand_words for p in named if best[p] == items[p].brand_words}
    based = {items[p].brand_words for p in named & index.base_written if best[p] == items[p].brand_words}
    for position in candidates - named:
        item = items[position]
        if item.brand_words in own_words:
            added = item.core - own_words[item.brand_words]
            if (
                item.brand_words in plain
                and added
                and all(w in lexicon.variant_words or w in lexicon.size_names for w in added)
            ):
                continue
            if item.brand_words in plain and _of_another_kind(item, added, own_words[item.brand_words], lexicon):
                # `brookside 500ml` the alias of its milk: the brand's yoghurt of that size must be named.
                continue
            if added and item.brand_words in based:
                # `onga` the alias of `Onga Classic`: the brand said alone is its base product, whose name says so,
                # and its other products (`Onga Stew`), of any size, are to be named.
                continue
            own_sizes = sizes[item.brand_words]
            sized = item.size in own_sizes or (item.price_point is not None and item.price_point in own_sizes)
            if not sized or not added or not added <= lexicon.variant_words:
                return candidates
        elif _name_holds(item, alias_words, index) and not _called_by_brand(item, alias_words):
            return candidates
    return named


def _of_another_kind(item: IndexedItem, added: frozenset[str], named: set[str], lexicon: Lexicon) -> bool:
    """True when the words a SKU's name adds to those of its brand's products named by an alias name a kind of goods,
    and its name writes none of the kinds theirs write: Brookside's yoghurt beside its milk, Colgate's tooth powder
    beside its toothpaste; never Snowflake's bread flour beside its cake flour, both flour."""
    kinds = lexicon.goods_kind_words
    named_kinds = kinds.intersection(named)
    return not added.isdisjoint(kinds) and (not named_kinds or named_kinds.isdisjoint(item.core))


def _name_holds(item: IndexedItem, words: frozenset[str], index: CatalogIndex) -> bool:
    """True when a SKU's name writes every one of the words, as a word of its own or inside a Chinese word (`可乐` of
    `百事可乐`), which owners also say alone."""
    held = item.core | item.brand_words
    if words <= held:
        return True
    chinese = index.chinese
    return chinese is not None and words <= held.union(*(chinese.parts(word) for word in item.core))


def _called_by_brand(item: IndexedItem, said: frozenset[str]) -> bool:
    """`payless canton` beside the `canton` said: another brand's product the catalog calls by the alias said with
    its brand, so the alias said alone is not it."""
    if not said.isdisjoint(item.brand_words):
        return False
    return any(said < (own := frozenset(words)) and own - said <= item.brand_words for words in item.alias_words)


def _without_unsaid_flavours(
    candidates: Positions, extras: dict[int, frozenset[str]], mentioned: set[str], index: CatalogIndex
) -> Positions:
    """`indomie chicken`: with a flavour said, a product whose name adds another flavour (`onion chicken`) is not
    meant while a product that adds none fits. A flavour's word said alone of goods no brand makes names the goods
    themselves, whose other words are varieties (`mango` of `MANGO APPLE` and `MANGO NGOWE`, `onions` of `ONIONS
    RED` and `ONIONS SPRING`): they are asked among."""
    flavours = index.lexicon.flavour_words
    said = flavours & mentioned
    if len(candidates) < 2 or not said:
        return candidates
    items = index.items
    if all(any(map(word.startswith, said)) for word in mentioned):
        # `pineapple 5` beside `PINEAPPLE SMOOTH CAYENNE` and a brand's pineapple juice: the fruit itself, where it is
        # sold unbranded; the brand's goods of that flavour are named by their brand or kind.
        unbranded = frozenset(p for p in candidates if not items[p].brand_words)
        if unbranded:
            return unbranded
    core_of = index.groups.core_of
    cores = set(map(core_of.__getitem__, candidates))
    flavoured = {core for core in cores if not flavours.isdisjoint(extras[core])}
    if not flavoured or flavoured == cores:
        return candidates
    return {p for p in candidates if core_of[p] not in flavoured}


def _without_other_lines(candidates: Positions, mentioned: set[str], index: CatalogIndex) -> Positions:
    """A brand named alone means its main product type: its SKUs of another type need that type said."""
    groups = index.groups
    others = candidates & groups.other_line
    if not others:
        return candidates
    items = index.items
    main_brands = {
        (items[p].brand_words, items[p].item.category)
        for brand in _brands_named(mentioned, index)
        for p in candidates & groups.by_brand[brand] & groups.main_line
    }
    if not main_brands:
        return candidates
    dropped = [
        p
        for p in others
        if not items[p].other_line & mentioned and (items[p].brand_words, items[p].item.category) in main_brands
    ]
    return candidates.difference(dropped) if dropped else candidates
