"""Order understanding: a store owner's message in, catalog lines, questions and unknown items out.

Public API (plain Python; nothing here touches the network at import time):

    from nlu import CatalogIndex, parse_order, OrderParse

    index = CatalogIndex.build(items)            # items: Iterable[backend.catalog.CatalogItem]; build once, reuse
    parse = parse_order(text, index, learned=None)  # learned: a store's {phrase: sku}, tried before fuzzy matching
    parse.lines       # tuple[OrderLine]: sku, quantity (sell units), phrase, score, unit_mismatch
                      #   (no whole number of packs: `half ctn` is quantity 0, `1.5 ctn` 1, both flagged)
    parse.ambiguous   # tuple[AmbiguousItem]: phrase, quantity, candidates (active SKUs, best first),
                      #   reason: "product" (which one?), "confirm" (unsure word) or "quantity" (a range)
    parse.unknown     # tuple[UnknownItem]: phrase, quantity
    parse.price_questions  # tuple[PriceQuestion]: phrase, candidates: products whose price an order also asks
    parse.asks_prices # True when the message only asks prices: its lines are what it asks about, not an order
    parse.to_json()   # the DESIGN.md contract dict; OrderParse.from_json(data) rebuilds it

A single phrase works too (`parse_order("add 2 omo 1kg", index)`), which is how draft edits are read.
`sold_in_other_sizes(phrase, index)`: for an unknown phrase that names goods in a size not sold (`unga 5kg`), the
SKUs of the sizes that are (the 1kg and 2kg packs), so the reply can say them and offer them.
Per-store learned phrases: `AliasStore` (protocol), `RedisAliasStore`, `InMemoryAliasStore`;
`await store.get(store_id)` gives the `learned` mapping. The Rasa component is `nlu.rasa_component.OrderParser`
and sets `tracker.latest_message["order"]` to `parse.to_json()`.

Command line: `python -m nlu.parse --catalog CSV`, `python -m nlu.evaluate --catalog CSV --cases JSONL [--split whole]`,
`python -m nlu.bench`.
"""

from __future__ import annotations

from nlu.compiled import search_path

# The compiled modules, when built from these sources, are found before the sources (nlu/compiled.py).
__path__[:0] = search_path()

from nlu.aliases import AliasStore, InMemoryAliasStore, RedisAliasStore  # noqa: E402
from nlu.catalog_cache import Catalog, CatalogCache  # noqa: E402
from nlu.catalog_index import CatalogIndex  # noqa: E402
from nlu.model import AmbiguousItem, OrderLine, OrderParse, UnknownItem  # noqa: E402
from nlu.parser import parse_order, sold_in_other_sizes  # noqa: E402

__all__ = [
    "AliasStore",
    "AmbiguousItem",
    "Catalog",
    "CatalogCache",
    "CatalogIndex",
    "InMemoryAliasStore",
    "OrderLine",
    "OrderParse",
    "RedisAliasStore",
    "UnknownItem",
    "parse_order",
    "sold_in_other_sizes",
]
