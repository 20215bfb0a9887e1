"""Rasa 3.6 graph component that attaches the order parse to every message as `order`, reads a bare yes word of any
language the reader knows as YES, goods ordered with an amount as an order and goods only asked about as a price
question."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu.catalog_index import CatalogIndex
from nlu.catalog_source import CatalogSettings, CatalogSource
from nlu.model import OrderParse
from nlu.parser import ASKS, ORDERS, asks_the_total, parse_order, says_yes, what_goods_are_for

ORDER = "order"
# The fallback classifier's threshold in config.yml: an intent read with less is read unsure.
UNSURE_BELOW = 0.4
# Intents the goods a message names decide: those of messages that carry no goods, and an order or a price question
# itself. A message of one of them the reader finds goods with an amount in is an order the classifier misread through
# words it never saw (`he nyanya anna crate imwe` as a status question, `sawa 5 ctn kimbo` as a YES) or read unsure,
# which the fallback classifier would turn into "not understood"; an order that also asks a price is an order that
# gets a price too. One that only asks the price or stock of goods the reader found (`tem oleo fula 2 litros?`, `hay
# azucar?`) is a price question, answered with their prices and stock. An order is never a request to join or leave
# the offers or to see the draft (`starship 2 kartun` read as joining the offers would have joined them). Intents whose
# messages may name goods of their own (a choice, an edit, a cancel, a reorder, NO with a correction) are left as read.
_DECIDED_BY_GOODS = frozenset(
    {
        "place_order",
        "greet",
        "goodbye",
        "thank",
        "help",
        "out_of_scope",
        "order_status",
        "switch_language",
        "check_price",
        "affirm",
        "opt_in",
        "opt_out",
        "show_more",
        "show_draft",
    }
)
# Intents only a question of goods decides: `kuna omo?`, `有冇元气森林` are questions of stock the classifier takes for
# ones of offers, which name no goods; goods with an amount there still ask about offers (`discount ikiwa nanunua
# bags 10 za sukari?`).
_DECIDED_BY_A_QUESTION = frozenset({"ask_promotions"})


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class OrderParser(GraphComponent):
    """Parses each message against the catalog; actions read `tracker.latest_message["order"]`."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """`catalog` is a CSV path used until (or unless) `BACKEND_URL` serves a catalog; below `unsure_below` (the
        fallback classifier's threshold) an intent is read unsure, and goods ordered decide it whatever it is."""
        return {
            "catalog": "demo/catalog.csv",
            "refresh_seconds": 60,
            "timeout_seconds": 5,
            "unsure_below": UNSURE_BELOW,
        }

    def __init__(self, config: Dict[Text, Any], source: CatalogSource) -> None:
        self._config = config
        self._source = source
        # Rasa calls `process` from its event loop, so the catalog is loaded now, when the model loads, and
        # new versions are fetched and indexed by the source's own thread, never while a message waits.
        self._source.start()

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> OrderParser:
        """Build the catalog source from the config and the process environment."""
        merged = {**cls.get_default_config(), **config}
        settings = CatalogSettings(
            csv_path=Path(str(merged["catalog"])),
            backend_url=os.environ.get("BACKEND_URL") or None,
            api_key=os.environ.get("BACKEND_API_KEY") or None,
            refresh_seconds=float(merged["refresh_seconds"]),
            timeout_seconds=float(merged["timeout_seconds"]),
        )
        return cls(merged, CatalogSource(settings))

    @staticmethod
    def required_packages() -> List[Text]:
        """Packages the component imports."""
        return ["rapidfuzz"]

    def close(self) -> None:
        """Stop looking for new catalog versions (Rasa has no shutdown hook; the thread is a daemon)."""
        self._source.close()

    def process(self, messages: List[Message]) -> List[Message]:
        """Set `order` on each message, in the parse data that reaches the tracker, and the intent its words decide
        (`intent_from_words`) where the classifier read another; never waits for the platform."""
        index = self._source.index()
        for message in messages:
            text: str = message.get(TEXT) or ""
            parse = parse_order(text, index)
            message.set(ORDER, parse.to_json(), add_to_output=True)
            decided = intent_from_words(text, message.get(INTENT), parse, index, self._config["unsure_below"])
            if decided is not None:
                _decided(message, decided)
        return messages


def intent_from_words(
    text: str, read: Optional[Mapping[Text, Any]], parse: OrderParse, index: CatalogIndex, unsure_below: float
) -> Optional[str]:
    """The intent the words decide, whatever the classifier read (`read`: its intent and confidence): unsure for a
    message of punctuation alone; YES for a message of yes words; for one read without goods, as an order or a price
    question, or unsure, the draft for a question of the total (`jumla ni ngapi?`), else what the goods the reader
    found in it are for (an order, a question of price or stock); None to keep what it read."""
    if not has_words(text):
        # `?`, `...`: nothing said, so never a YES placing the order or a NO dropping it, whatever the classifier read.
        return "nlu_fallback"
    if says_yes(text, index.lexicon):
        return "affirm"
    if not read:
        return None
    name = read.get("name")
    by_goods = name in _DECIDED_BY_GOODS or float(read.get("confidence") or 0.0) < float(unsure_below)
    if by_goods and asks_the_total(text, index.lexicon):
        return "show_draft"
    if not (by_goods or name in _DECIDED_BY_A_QUESTION):
        return None
    goods = what_goods_are_for(text, parse, index)
    if goods == ASKS:
        return "check_price"
    return "place_order" if goods == ORDERS and by_goods else None


def has_words(text: str) -> bool:
    """Whether a message says anything: a letter or digit of any script, or a symbol such as 👍; not `?` or `...`."""
    return any(char.isalnum() or unicodedata.category(char) == "So" for char in text)


def _decided(message: Message, intent: str) -> None:
    """The intent the words decide, and the whole ranking too, so the fallback classifier after this sees no close
    second (`SI` read as NO at 0.41 beside a handoff at 0.40; `ndio, leteni saa 3` as an order at 1.0)."""
    decided = {"name": intent, "confidence": 1.0}
    message.set(INTENT, decided, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [decided], add_to_output=True)
