"""Matching one item request to catalog SKUs: a single SKU, a short list to ask about, or nothing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from nlu.catalog_index import CatalogIndex, IndexedItem, WordMatch
from nlu.segments import ItemRequest
from nlu.text import catalog_words

MAX_CANDIDATES = 20


@dataclass(frozen=True)
class Match:
    """The SKUs that fit a request, best first; one SKU means the request is resolved."""

    candidates: tuple[IndexedItem, ...]
    score: float
    confirm: bool = False
    size_from_number: float | None = None


def match_request(request: ItemRequest, index: CatalogIndex) -> Match:
    """Candidates for a request after word, size, pack and variant filters (empty when nothing fits)."""
    readings = [index.read_word(word) for word in request.words]
    known = [(word, found) for word, found in zip(request.words, readings, strict=False) if found]
    foreign = len(known) < len(request.words)
    if not known:
        return Match((), 0.0)
    canonical = {m.word for _, found in known for m in found}
    canonical.update(w for w in request.optional_words if w in index.postings)
    covers: list[tuple[frozenset[int] | set[int], tuple[WordMatch, ...]]] = []
    for _, found in known:
        cover: frozenset[int] | set[int] = frozenset()
        for reading in found:
            extra = index.postings.get(reading.word, frozenset())
            phrased = {p for p, phrase in index.phrase_postings.get(reading.word, ()) if phrase <= canonical}
            cover = (cover | extra | phrased) if (cover or phrased) else extra
        if not cover:
            return Match((), 0.0)
        covers.append((cover, found))
    covers.sort(key=lambda pair: len(pair[0]))
    candidate_positions: set[int] = set(covers[0][0])
    for cover, _ in covers[1:]:
        candidate_positions &= cover
        if not candidate_positions:
            return Match((), 0.0)
    candidates = [index.items[p] for p in sorted(candidate_positions or ())]
    candidates, size_number = _by_size(candidates, request, index)
    if not candidates:
        return Match((), 0.0)
    candidates = _by_brand_named(candidates, canonical)
    candidates = _by_category_named(candidates, canonical)
    candidates = _by_optional_words(candidates, request, index)
    candidates = _by_pack(candidates, request, index)
    candidates = _without_named_variants(candidates, canonical, index)
    candidates = _without_other_lines(candidates, canonical)
    if len(candidates) > 1:
        active = [c for c in candidates if c.item.active]
        candidates = active or candidates
    readings_found = [found for _, found in covers]
    # Scored only now: the filters above usually leave a handful of the thousands a common word covers.
    scores = {c.position: _score(c.position, readings_found, index) for c in candidates}
    ranked = sorted(
        candidates,
        key=lambda c: (
            -scores[c.position],
            len(c.core - canonical),
            c.item.stock <= 0,
            c.position,
        ),
    )
    best = scores[ranked[0].position] if ranked else 0.0
    return Match(tuple(ranked[:MAX_CANDIDATES]), best, confirm=foreign, size_from_number=size_number)


def _score(position: int, readings: list[tuple[WordMatch, ...]], index: CatalogIndex) -> float:
    """Mean over the message words of how exactly each was read as a word this SKU has."""
    total = 0.0
    for found in readings:
        if len(found) == 1:
            total += found[0].score
        else:
            total += max((r.score for r in found if position in index.postings.get(r.word, ())), default=found[0].score)
    return total / len(readings) if readings else 0.0


def _by_size(
    candidates: list[IndexedItem], request: ItemRequest, index: CatalogIndex
) -> tuple[list[IndexedItem], float | None]:
    """A stated size must exist; a bare number that is a size or grade of the product is read as that."""
    if request.size is not None:
        return [c for c in candidates if c.size is not None and c.size.matches(request.size)], None
    counted_elsewhere = len(request.bare_numbers) > 1 or request.quantity is not None
    for number in sorted(request.bare_numbers, reverse=True):
        sized = [c for c in candidates if c.size is not None and c.size.matches_number(number)]
        if sized and (number >= 100 or counted_elsewhere):
            return sized, number
    # A fraction never counts items, so `42.5` alone is a grade; a whole number needs another number to count.
    graded = [
        (number, found)
        for number in request.bare_numbers
        if number >= 100 or counted_elsewhere or number % 1
        for found in (_by_grade(candidates, number, index),)
        if found
    ]
    if len(graded) == 1:
        return graded[0][1], graded[0][0]
    return candidates, None


def _by_grade(candidates: list[IndexedItem], number: float, index: CatalogIndex) -> list[IndexedItem]:
    """`cement 42.5` for a catalog's `42.5R`: the SKUs of the one grade that starts with the number.

    Nothing is chosen when two grades start with it (`42.5N`, `42.5R`) or a candidate writes the number alone.
    """
    grades = index.grades.get(number)
    if not grades:
        return []
    positions = {c.position for c in candidates}
    carried = [g for g in grades if not positions.isdisjoint(index.postings[g])]
    if len(carried) != 1:
        return []
    holders = index.postings[carried[0]]
    graded = [c for c in candidates if c.position in holders]
    others = [c for c in candidates if c.position not in holders]
    if any(_writes_number(c, number) for c in others):
        return []
    return graded


def _writes_number(candidate: IndexedItem, number: float) -> bool:
    item = candidate.item
    return any(
        word[:1].isdigit() and "/" not in word and float(word) == number
        for word in catalog_words(f"{item.name} {item.size}")
    )


def _by_brand_named(candidates: list[IndexedItem], mentioned: set[str]) -> list[IndexedItem]:
    """A brand named in full wins over SKUs that only share a word or a nickname with it."""
    named = [c for c in candidates if c.brand_words and c.brand_words <= mentioned]
    return named or candidates


def _by_category_named(candidates: list[IndexedItem], mentioned: set[str]) -> list[IndexedItem]:
    """`sugar` names the sugar category; a drink that merely has the word in its name is not meant."""
    named = [c for c in candidates if c.category_words & mentioned]
    return named or candidates


def _by_optional_words(candidates: list[IndexedItem], request: ItemRequest, index: CatalogIndex) -> list[IndexedItem]:
    for word in request.optional_words:
        holders = index.postings.get(word, frozenset())
        having = [c for c in candidates if c.position in holders]
        if having and len(having) < len(candidates):
            candidates = having
    return candidates


def _by_pack(candidates: list[IndexedItem], request: ItemRequest, index: CatalogIndex) -> list[IndexedItem]:
    """A single-piece unit picks single-piece SKUs; within one product, the named pack picks its SKU."""
    if request.unit is None:
        return candidates
    lexicon = index.lexicon
    level = lexicon.unit_levels.get(request.unit)
    sell_units = lexicon.sell_units_for(request.unit)
    # A typed unit that is a SKU's own sell unit fits it whatever the pack holds ("2 packs" of a 12-pack).
    same_level = [c for c in candidates if c.level == level or c.item.sell_unit in sell_units]
    if same_level:
        candidates = same_level
    products: dict[tuple[frozenset[str], frozenset[str]], list[IndexedItem]] = defaultdict(list)
    for candidate in candidates:
        products[(candidate.brand_words, candidate.core)].append(candidate)
    kept: list[IndexedItem] = []
    for group in products.values():
        named = [c for c in group if c.item.sell_unit in sell_units]
        kept.extend(named or group)
    return sorted(kept, key=lambda c: c.position)


def _without_named_variants(
    candidates: list[IndexedItem], mentioned: set[str], index: CatalogIndex
) -> list[IndexedItem]:
    """An unqualified name means the base product: drop SKUs that add unmentioned words to a sibling's."""
    by_brand: dict[frozenset[str], list[IndexedItem]] = defaultdict(list)
    for candidate in candidates:
        by_brand[candidate.brand_words].append(candidate)
    kept: list[IndexedItem] = []
    for siblings in by_brand.values():
        extras = [c.core - mentioned for c in siblings]
        for candidate, own in zip(siblings, extras, strict=False):
            if not any(other < own for other in extras):
                kept.append(candidate)
    return sorted(kept, key=lambda c: c.position)


def _without_other_lines(candidates: list[IndexedItem], mentioned: set[str]) -> list[IndexedItem]:
    """A brand named alone means its main product type: its SKUs of another type need that type said."""
    main_brands = {
        (c.brand_words, c.item.category)
        for c in candidates
        if c.main_line and c.brand_words and c.brand_words <= mentioned
    }
    return [
        c
        for c in candidates
        if not c.other_line or c.other_line & mentioned or (c.brand_words, c.item.category) not in main_brands
    ]
