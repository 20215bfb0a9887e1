"""`python -m nlu.bench`: index build time, parse throughput and memory on a 50,000-SKU invented catalog."""

from __future__ import annotations

import argparse
import random
import resource
import time
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz import fuzz, process

from backend.catalog import CatalogItem
from nlu.catalog_index import CatalogIndex
from nlu.parser import parse_order

_SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ra",
    "ze",
    "tu",
    "no",
    "vi",
    "sa",
    "pe",
    "do",
    "ri",
    "gu",
    "fa",
    "be",
    "xo",
    "ly",
    "qu",
)


@dataclass(frozen=True)
class _Kind:
    category: str
    product: str
    variants: tuple[str, ...]
    sizes: tuple[str, ...]
    sell_unit: str
    units_per_pack: int


_KINDS = (
    _Kind(
        "drinks", "soda", ("cola", "lime", "grape", "ginger", "berry"), ("300ml", "500ml", "1.25L", "2L"), "crate", 24
    ),
    _Kind("drinks", "juice", ("mango", "apple", "guava", "mixed fruit"), ("250ml", "500ml", "1L"), "case", 12),
    _Kind("water", "water", ("still", "sparkling"), ("500ml", "1L", "1.5L", "5L"), "case", 12),
    _Kind("staples", "rice", ("long grain", "broken", "aromatic"), ("1kg", "5kg", "25kg"), "bag", 1),
    _Kind("staples", "flour", ("maize", "wheat", "millet"), ("1kg", "2kg", "10kg"), "bale", 12),
    _Kind("staples", "sugar", ("white", "brown"), ("500g", "1kg", "2kg", "50kg"), "bale", 24),
    _Kind("household", "soap", ("lemon", "herbal", "cream", "white"), ("100g", "175g", "800g"), "carton", 48),
    _Kind("household", "detergent", ("lavender", "lemon", "fresh"), ("40g", "500g", "1kg"), "outer", 72),
    _Kind("snacks", "biscuits", ("cream", "ginger", "digestive", "chocolate"), ("100g", "200g", "400g"), "carton", 24),
    _Kind("snacks", "noodles", ("chicken", "beef", "vegetable", "spicy"), ("70g", "120g"), "carton", 40),
    _Kind("care", "toothpaste", ("mint", "herbal", "whitening"), ("35g", "70g", "140g"), "dozen", 12),
    _Kind("care", "lotion", ("cocoa", "aloe", "shea"), ("100ml", "200ml", "400ml"), "carton", 12),
)


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables))


def synthetic_catalog(size: int, seed: int = 7) -> list[CatalogItem]:
    """Invented brands and products with opaque SKU codes, deterministic for a seed."""
    rng = random.Random(seed)
    items: list[CatalogItem] = []
    brands: set[str] = set()
    nicknames: set[str] = set()
    while len(items) < size:
        brand = _word(rng, rng.choice((2, 3, 3, 4))).capitalize()
        if brand in brands:
            continue
        brands.add(brand)
        for kind in rng.sample(_KINDS, rng.randint(1, 3)):
            for variant in rng.sample(kind.variants, rng.randint(1, len(kind.variants))):
                for item_size in rng.sample(kind.sizes, rng.randint(1, len(kind.sizes))):
                    if len(items) >= size:
                        break
                    nickname = _word(rng, 4)
                    while nickname in nicknames:
                        nickname = _word(rng, 4)
                    nicknames.add(nickname)
                    items.append(
                        CatalogItem(
                            sku=f"X{rng.randrange(10**9):09d}{len(items)}",
                            name=f"{brand} {variant.title()} {kind.product.title()} {item_size}, "
                            f"{kind.sell_unit} of {kind.units_per_pack}",
                            brand=brand,
                            category=kind.category,
                            size=item_size,
                            sell_unit=kind.sell_unit,
                            units_per_pack=kind.units_per_pack,
                            price=Decimal(rng.randint(100, 9000)),
                            currency="XYZ",
                            aliases=(nickname, f"{brand.lower()} {variant}"),
                            stock=rng.choice((0, 5, 50, 500)),
                            min_order_qty=1,
                            active=rng.random() > 0.03,
                        )
                    )
    return items


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 6 or rng.random() > 0.3:
        return word
    position = rng.randrange(1, len(word) - 1)
    return word[:position] + word[position + 1 :]


def synthetic_messages(items: list[CatalogItem], count: int, seed: int = 11) -> list[str]:
    """Order messages in several styles (quantity first or last, typos, greetings, joined by `n`)."""
    rng = random.Random(seed)
    messages = []
    for _ in range(count):
        parts = []
        for item in rng.sample(items, rng.randint(1, 4)):
            brand = _typo(rng, item.brand.lower())
            words = item.name.split(",")[0].split()[1:]
            product = " ".join(w.lower() for w in words if not w[0].isdigit())
            quantity = rng.randint(1, 30)
            style = rng.randrange(4)
            if style == 0:
                parts.append(f"{quantity} {item.sell_unit} {brand} {product} {item.size}")
            elif style == 1:
                parts.append(f"{brand} {product} {item.size} x{quantity}")
            elif style == 2:
                parts.append(f"{brand} {item.size} {quantity}")
            else:
                parts.append(f"{item.aliases[0]} {quantity} {item.sell_unit}s")
        greeting = rng.choice(("", "hi boss, ", "habari, pls send ", "namaste bhai "))
        messages.append(greeting + rng.choice((", ", " n ", "\n")).join(parts))
    return messages


def _naive_baseline(items: list[CatalogItem], messages: list[str]) -> float:
    """Split on commas and take rapidfuzz's best name-or-alias string for each piece; messages/s."""
    choices: list[str] = []
    for item in items:
        choices.append(item.name.lower())
        choices.extend(alias.lower() for alias in item.aliases)
    started = time.perf_counter()
    for message in messages:
        for piece in message.split(","):
            process.extractOne(piece.lower(), choices, scorer=fuzz.WRatio)
    return len(messages) / (time.perf_counter() - started)


def _resident_mb() -> float:
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
        return pages * resource.getpagesize() / 1e6
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def main(argv: list[str] | None = None) -> int:
    """Print the figures; nothing is asserted."""
    parser = argparse.ArgumentParser(prog="python -m nlu.bench", description=__doc__)
    parser.add_argument("--skus", type=int, default=50_000)
    parser.add_argument("--messages", type=int, default=3_000)
    parser.add_argument("--baseline-messages", type=int, default=60)
    args = parser.parse_args(argv)
    items = synthetic_catalog(args.skus)
    messages = synthetic_messages(items, args.messages)
    before = _resident_mb()
    started = time.perf_counter()
    index = CatalogIndex.build(items)
    build_seconds = time.perf_counter() - started
    print(f"catalog: {len(items)} SKUs, {len(index.postings)} distinct words")
    print(f"index build: {build_seconds:.2f} s (bar <= 5 s)")
    started = time.perf_counter()
    resolved = 0
    for message in messages:
        resolved += len(parse_order(message, index).lines)
    ours = len(messages) / (time.perf_counter() - started)
    print(f"parse: {ours:,.0f} messages/s on one core over {len(messages)} messages (bar >= 1,000)")
    print(f"lines resolved: {resolved}")
    print(f"resident memory: {_resident_mb():.0f} MB (index and catalog about {_resident_mb() - before:.0f} MB)")
    baseline = _naive_baseline(items, messages[: args.baseline_messages])
    print(f"naive baseline (comma split + extractOne over names and aliases): {baseline:,.1f} messages/s")
    print(f"ours / baseline: {ours / baseline:,.0f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
