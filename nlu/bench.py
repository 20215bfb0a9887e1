"""`python -m nlu.bench`: index build time, parse throughput and memory on three 50,000-SKU invented catalogs."""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Callable, TypeVar

from rapidfuzz import fuzz, process

from backend.catalog import CatalogItem
from nlu.catalog_index import CatalogIndex
from nlu.chinese import load_libraries
from nlu.compiled import PYTHON_ONLY, in_use
from nlu.parser import parse_order

_T = TypeVar("_T")

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

# The shape of real wholesale catalogs: a few dozen flavour, colour and range words, each in thousands of
# names, on brands that sell in several categories and often share a word (`Royal`, `Golden`) with others.
_FLAVOURS = (
    "orange",
    "chocolate",
    "mint",
    "strawberry",
    "vanilla",
    "lemon",
    "banana",
    "coconut",
    "pineapple",
    "mango",
    "caramel",
    "honey",
    "blackcurrant",
)
_COLOURS = ("red", "blue", "green", "black", "white", "pink", "yellow", "purple")
_SCENTS = ("lavender", "rose", "lemon", "jasmine", "aloe", "coconut", "vanilla", "mint", "fresh")
_RANGES = ("Original", "Classic", "Extra", "Family Pack", "Mini", "Gold", "Lite", "Double")
_BRAND_WORDS = ("Royal", "Golden", "Super", "Star", "Top", "Prime", "Sun", "Mama", "King", "Blue")

_SHARED_WORD_KINDS = (
    _Kind("snacks", "biscuits", _FLAVOURS, ("100g", "200g", "400g"), "carton", 24),
    _Kind("snacks", "wafers", _FLAVOURS, ("50g", "150g"), "carton", 36),
    _Kind("sweets", "toffee", _FLAVOURS, ("100g", "1kg"), "jar", 6),
    _Kind("sweets", "chewing gum", ("mint", "strawberry", "orange", "banana", "lemon"), ("10s", "50s"), "box", 20),
    _Kind("dairy", "yoghurt", _FLAVOURS, ("150ml", "500ml", "1L"), "crate", 12),
    _Kind("dairy", "milk", ("chocolate", "strawberry", "vanilla", "banana"), ("250ml", "500ml"), "case", 24),
    _Kind("drinks", "juice", _FLAVOURS, ("250ml", "500ml", "1L"), "case", 12),
    _Kind("drinks", "soda", ("orange", "lemon", "pineapple", "blackcurrant"), ("300ml", "500ml", "2L"), "crate", 24),
    _Kind("care", "toothpaste", ("mint", "strawberry", "lemon", "white"), ("35g", "70g", "140g"), "dozen", 12),
    _Kind("care", "soap", _SCENTS, ("100g", "175g"), "carton", 48),
    _Kind("care", "lotion", _SCENTS, ("100ml", "200ml", "400ml"), "carton", 12),
    _Kind("household", "detergent", _SCENTS, ("500g", "1kg"), "outer", 24),
    _Kind("household", "candles", _COLOURS, ("6s", "12s"), "carton", 20),
    _Kind("household", "buckets", _COLOURS, ("5L", "10L", "20L"), "bundle", 10),
    _Kind("stationery", "pens", _COLOURS, ("1s", "10s"), "box", 50),
    _Kind("stationery", "exercise books", _COLOURS, ("48 pages", "96 pages"), "bundle", 24),
)


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables))


def _nickname(rng: random.Random, taken: set[str]) -> str:
    """A four-syllable alias no other invented SKU has."""
    nickname = _word(rng, 4)
    while nickname in taken:
        nickname = _word(rng, 4)
    taken.add(nickname)
    return nickname


def _invented_item(
    rng: random.Random,
    sku: str,
    described: str,
    brand: str,
    kind: _Kind,
    size: str,
    aliases: tuple[str, ...],
    packed: str | None = None,
    currency: str = "XYZ",
) -> CatalogItem:
    """One invented SKU of a kind: its name says the pack (`packed`, or in English); price, stock and whether it is
    sold come from `rng`."""
    return CatalogItem(
        sku=sku,
        name=f"{described} {size}{packed}"
        if packed is not None
        else f"{described} {size}, {kind.sell_unit} of {kind.units_per_pack}",
        brand=brand,
        category=kind.category,
        size=size,
        sell_unit=kind.sell_unit,
        units_per_pack=kind.units_per_pack,
        price=Decimal(rng.randint(100, 9000)),
        currency=currency,
        aliases=aliases,
        stock=rng.choice((0, 5, 50, 500)),
        min_order_qty=1,
        active=rng.random() > 0.03,
    )


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
                    nickname = _nickname(rng, nicknames)
                    described = f"{brand} {variant.title()} {kind.product.title()}"
                    aliases = (nickname, f"{brand.lower()} {variant}")
                    sku = f"X{rng.randrange(10**9):09d}{len(items)}"
                    items.append(_invented_item(rng, sku, described, brand, kind, item_size, aliases))
    return items


def shared_words_catalog(size: int, seed: int = 7) -> list[CatalogItem]:
    """Invented brands across several categories whose names share flavour, colour and range words."""
    rng = random.Random(seed)
    items: list[CatalogItem] = []
    brands: set[str] = set()
    names: set[str] = set()
    nicknames: set[str] = set()
    while len(items) < size:
        stem = _word(rng, rng.choice((2, 3, 3))).capitalize()
        shared = rng.random()
        if shared < 0.1:
            stem = rng.choice(_BRAND_WORDS)
        brand = f"{rng.choice(_BRAND_WORDS)} {stem}" if shared < 0.4 else stem
        if brand in brands:
            continue
        brands.add(brand)
        for kind in rng.sample(_SHARED_WORD_KINDS, rng.randint(2, 6)):
            ranges = ("",) + tuple(rng.sample(_RANGES, rng.randint(0, 3)))
            for range_name in ranges:
                for variant in rng.sample(kind.variants, rng.randint(1, min(6, len(kind.variants)))):
                    for item_size in rng.sample(kind.sizes, rng.randint(1, len(kind.sizes))):
                        described = " ".join(w for w in (brand, range_name, variant.title(), kind.product.title()) if w)
                        name = f"{described} {item_size}, {kind.sell_unit} of {kind.units_per_pack}"
                        if len(items) >= size or name in names:
                            continue
                        names.add(name)
                        nickname = _nickname(rng, nicknames)
                        aliases = (nickname, f"{stem.lower()} {variant}")
                        sku = f"Y{rng.randrange(10**9):09d}{len(items)}"
                        items.append(_invented_item(rng, sku, described, brand, kind, item_size, aliases))
    return items


# Chinese kinds of goods, with the word for one piece of their pack (`×24袋`).
_CHINESE_KINDS = (
    (_Kind("方便面", "方便面", ("红烧牛肉", "老坛酸菜", "香辣", "海鲜", "鸡汁"), ("100g", "120g"), "carton", 24), "袋"),
    (_Kind("大米", "大米", ("丝苗", "香粘", "东北", "长粒"), ("5kg", "10kg", "25kg"), "bag", 1), ""),
    (_Kind("食用油", "食用油", ("花生", "菜籽", "玉米", "大豆"), ("1.8L", "5L"), "jerrycan", 1), ""),
    (_Kind("汽水", "汽水", ("可乐", "柠檬", "橙味", "白桃"), ("330ml", "500ml"), "case", 24), "瓶"),
    (_Kind("牛奶", "牛奶", ("纯", "高钙", "低脂", "草莓"), ("200ml", "250ml"), "carton", 16), "盒"),
    (_Kind("饼干", "饼干", ("苏打", "奶油", "巧克力", "芝麻"), ("100g", "400g"), "carton", 12), "包"),
)
_HAN_SYLLABLES = "金华丰禾源泉岚山江南北川福满康乐美佳鑫盛泰和润香晨露雪梅兰竹松鹤龙凤田园海天星月"
_UNIT_WORDS = {"carton": "箱", "bag": "袋", "jerrycan": "桶", "case": "件"}
_CHINESE_NUMBERS = ("一", "两", "三", "五", "十", "十二", "二十", "二十五")


def chinese_catalog(size: int, seed: int = 7) -> list[CatalogItem]:
    """Invented Chinese brands of rice, noodles, oil, drinks, milk and biscuits, with pinyin-free aliases."""
    rng = random.Random(seed)
    items: list[CatalogItem] = []
    brands: set[str] = set()
    while len(items) < size:
        brand = "".join(rng.choice(_HAN_SYLLABLES) for _ in range(rng.choice((2, 3, 3))))
        if brand in brands:
            continue
        brands.add(brand)
        for kind, piece_word in rng.sample(_CHINESE_KINDS, rng.randint(1, 4)):
            for variant in rng.sample(kind.variants, rng.randint(1, len(kind.variants))):
                for item_size in rng.sample(kind.sizes, rng.randint(1, len(kind.sizes))):
                    if len(items) >= size:
                        break
                    sku = f"Z{rng.randrange(10**9):09d}{len(items)}"
                    described = f"{brand} {variant}{kind.product}"
                    packed = f"×{kind.units_per_pack}{piece_word}" if piece_word else ""
                    aliases = (f"{brand}{variant}",)
                    items.append(_invented_item(rng, sku, described, brand, kind, item_size, aliases, packed, "CNY"))
    return items


def chinese_messages(items: list[CatalogItem], count: int, seed: int = 11, unbranded: float = 0.0) -> list[str]:
    """Chinese orders: numerals and measure words before or after the product, a size or none, greetings."""
    rng = random.Random(seed)
    messages = []
    for _ in range(count):
        parts = []
        for item in rng.sample(items, rng.randint(1, 4)):
            named = item.name.split()[1]
            unit = _UNIT_WORDS.get(item.sell_unit, "箱")
            quantity = rng.choice((str(rng.randint(1, 30)), rng.choice(_CHINESE_NUMBERS)))
            amount = f"{quantity}{unit}"
            named = item.brand + named
            parts.append(rng.choice((amount + named, f"{named} {item.size} {amount}", item.aliases[0] + amount)))
        greeting = rng.choice(("", "老板，", "你好，帮我送", "麻烦来"))
        messages.append(greeting + rng.choice(("，", "、", " ", "\n")).join(parts))
    return messages


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 6 or rng.random() > 0.3:
        return word
    position = rng.randrange(1, len(word) - 1)
    return word[:position] + word[position + 1 :]


def synthetic_messages(items: list[CatalogItem], count: int, seed: int = 11, unbranded: float = 0.0) -> list[str]:
    """Order messages in several styles (quantity first or last, typos, greetings, joined by `n`).

    `unbranded` is the share of items named without their brand (`2 carton lemon soap 100g`).
    """
    rng = random.Random(seed)
    messages = []
    for _ in range(count):
        parts = []
        for item in rng.sample(items, rng.randint(1, 4)):
            brand = " ".join(_typo(rng, word) for word in item.brand.lower().split())
            words = item.name.split(",")[0].split()[len(item.brand.split()) :]
            product = " ".join(w.lower() for w in words if not w[0].isdigit())
            named = f"{brand} {product}"
            if unbranded and rng.random() < unbranded:
                brand = named = product
            quantity = rng.randint(1, 30)
            style = rng.randrange(4)
            if style == 0:
                parts.append(f"{quantity} {item.sell_unit} {named} {item.size}")
            elif style == 1:
                parts.append(f"{named} {item.size} x{quantity}")
            elif style == 2:
                parts.append(f"{brand} {item.size} {quantity}")
            else:
                parts.append(f"{item.aliases[0]} {quantity} {item.sell_unit}s")
        greeting = rng.choice(("", "hi boss, ", "habari, pls send ", "namaste bhai "))
        messages.append(greeting + rng.choice((", ", " n ", "\n")).join(parts))
    return messages


def _next_version(items: list[CatalogItem]) -> list[CatalogItem]:
    """The catalog's next version, as a running server refreshes to it: new prices and stock, the same words."""
    return [
        replace(item, price=item.price + 1, stock=item.stock + 5) if position % 20 == 0 else item
        for position, item in enumerate(items)
    ]


def _naive_baseline(items: list[CatalogItem], messages: list[str]) -> float:
    """Split on commas and take rapidfuzz's best name-or-alias string for each piece; messages/s."""
    choices: list[str] = []
    for item in items:
        choices.append(item.name.lower())
        choices.extend(alias.lower() for alias in item.aliases)
    started = _clock()
    for message in messages:
        for piece in message.split(","):
            process.extractOne(piece.lower(), choices, scorer=fuzz.WRatio)
    return len(messages) / (_clock() - started)


def _clock() -> float:
    # CPU time of this process: on a machine shared with other work, what one core spends on the parse.
    return time.process_time()


def _resident_mb() -> float:
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
        return pages * resource.getpagesize() / 1e6
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


@dataclass(frozen=True)
class _Shape:
    title: str
    build: Callable[[int], list[CatalogItem]]
    unbranded: float
    messages: Callable[..., list[str]] = synthetic_messages
    # What the first catalog of this language loads once per process, before any index is built.
    libraries: Callable[[], None] | None = None


_SHAPES = (
    _Shape("distinct words", synthetic_catalog, 0.0),
    # Where names share their words, senders often leave the brand out and name the flavour and product.
    _Shape("shared words", shared_words_catalog, 0.7),
    _Shape("Chinese", chinese_catalog, 0.0, chinese_messages, load_libraries),
)


@dataclass(frozen=True)
class _Figures:
    skus: int
    words: int
    load_seconds: float
    build_seconds: float
    refresh_seconds: float
    messages_per_second: float
    messages: int
    lines: int
    resident_mb: float
    index_mb: float
    baseline: float
    # The same parse with the reader run as Python (NLU_COMPILED=0), when this one ran compiled.
    as_python: float | None = None


def _parsed(messages: list[str], index: CatalogIndex) -> tuple[float, int]:
    """Messages per second of the parse alone, in this process's reader, and the lines it resolved."""
    started = _clock()
    resolved = 0
    for message in messages:
        resolved += len(parse_order(message, index).lines)
    return len(messages) / (_clock() - started), resolved


def _parse_rate(shape: _Shape, skus: int, messages_count: int) -> float:
    """Messages per second of the parse alone, on a catalog of the shape, in this process's reader."""
    items = shape.build(skus)
    messages = shape.messages(items, messages_count, unbranded=shape.unbranded)
    if shape.libraries is not None:
        shape.libraries()
    return _parsed(messages, CatalogIndex.build(items))[0]


def _in_a_process(task: Callable[..., _T], *arguments: object, python_reader: bool = False) -> _T:
    """`task` run alone in a new process; with `python_reader`, one whose reader runs as Python."""
    saved = os.environ.get(PYTHON_ONLY)
    if python_reader:
        os.environ[PYTHON_ONLY] = "0"
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as worker:
            return worker.submit(task, *arguments).result()
    finally:
        os.environ.pop(PYTHON_ONLY, None)
        if saved is not None:
            os.environ[PYTHON_ONLY] = saved


def _measure(shape: _Shape, skus: int, messages_count: int, baseline_messages: int) -> _Figures:
    """One catalog shape's figures, measured in a process of its own so memory counts only that catalog."""
    items = shape.build(skus)
    messages = shape.messages(items, messages_count, unbranded=shape.unbranded)
    before = _resident_mb()
    # A running server loads a language's libraries with its first catalog; a new version is indexed without.
    started = _clock()
    if shape.libraries is not None:
        shape.libraries()
    load_seconds = _clock() - started
    started = _clock()
    index = CatalogIndex.build(items)
    build_seconds = _clock() - started
    ours, resolved = _parsed(messages, index)
    resident = _resident_mb()
    # Built from the index in use, which stays, as the server's refresh thread does.
    started = _clock()
    CatalogIndex.build(_next_version(items), previous=index)
    refresh_seconds = _clock() - started
    return _Figures(
        skus=len(items),
        words=len(index.postings),
        load_seconds=load_seconds,
        build_seconds=build_seconds,
        refresh_seconds=refresh_seconds,
        messages_per_second=ours,
        messages=len(messages),
        lines=resolved,
        resident_mb=resident,
        index_mb=resident - before,
        baseline=_naive_baseline(items, messages[:baseline_messages]),
    )


def main(argv: list[str] | None = None) -> int:
    """Print the figures for both catalog shapes side by side; nothing is asserted."""
    parser = argparse.ArgumentParser(prog="python -m nlu.bench", description=__doc__)
    parser.add_argument("--skus", type=int, default=50_000)
    parser.add_argument("--messages", type=int, default=3_000)
    parser.add_argument("--baseline-messages", type=int, default=60)
    args = parser.parse_args(argv)
    figures: list[_Figures] = []
    compiled = in_use()
    for shape in _SHAPES:
        # One process per shape, one after the other: each parse runs alone on one core.
        measured = _in_a_process(_measure, shape, args.skus, args.messages, args.baseline_messages)
        if compiled:
            python = _in_a_process(_parse_rate, shape, args.skus, args.messages, python_reader=True)
            measured = replace(measured, as_python=python)
        figures.append(measured)
    rows: tuple[tuple[str, str, Callable[[_Figures], float]], ...] = (
        ("SKUs", "{:,}", lambda f: f.skus),
        ("distinct words", "{:,}", lambda f: f.words),
        ("libraries, loaded once per process, s", "{:.2f}", lambda f: f.load_seconds),
        ("index build, s (bar <= 3)", "{:.2f}", lambda f: f.build_seconds),
        ("index build of its next version, s", "{:.2f}", lambda f: f.refresh_seconds),
        ("parse, messages/s on one core (bar >= 2,000)", "{:,.0f}", lambda f: f.messages_per_second),
        ("messages parsed", "{:,}", lambda f: f.messages),
        ("lines resolved", "{:,}", lambda f: f.lines),
        ("resident memory, MB", "{:.0f}", lambda f: f.resident_mb),
        ("index and catalog, MB", "{:.0f}", lambda f: f.index_mb),
        ("naive baseline, messages/s", "{:,.1f}", lambda f: f.baseline),
        ("ours / baseline", "{:,.0f}x", lambda f: f.messages_per_second / f.baseline),
    )
    if compiled:
        rows += (
            ("parse with the reader as Python, messages/s", "{:,.0f}", lambda f: f.as_python or 0.0),
            ("compiled / as Python", "{:.2f}x", lambda f: f.messages_per_second / (f.as_python or 1.0)),
        )
    label_width = max(len(label) for label, _, _ in rows)
    column_width = max(16, *(len(shape.title) for shape in _SHAPES))
    print(" " * label_width + "".join(f"  {shape.title:>{column_width}}" for shape in _SHAPES))
    for label, pattern, value in rows:
        cells = "".join(f"  {pattern.format(value(f)):>{column_width}}" for f in figures)
        print(f"{label:<{label_width}}{cells}")
    print(f"order reader: {'compiled with mypyc (make install)' if compiled else 'run as Python (not compiled)'}")
    print("naive baseline: split on commas, rapidfuzz extractOne (WRatio) over every name and alias")
    print("times are CPU seconds of the measuring process, so other work on the machine does not count")
    print("index build: the catalog's first in a process whose language libraries are loaded (printed apart);")
    print("its next version (new prices and stock) is built while the first is in use, as a running server refreshes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
