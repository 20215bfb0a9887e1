"""Rasa 3.6 graph component that attaches the order parse to every message as `order`, and reads a bare yes word of
any language the reader knows as YES."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu.catalog_source import CatalogSettings, CatalogSource
from nlu.parser import parse_order, says_yes

ORDER = "order"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class OrderParser(GraphComponent):
    """Parses each message against the catalog; actions read `tracker.latest_message["order"]`."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """`catalog` is a CSV path used until (or unless) `BACKEND_URL` serves a catalog."""
        return {"catalog": "demo/catalog.csv", "refresh_seconds": 60, "timeout_seconds": 5}

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
        """Set `order` on each message, in the parse data that reaches the tracker, and `affirm` on a message of yes
        words the classifier may read otherwise (`si`); never waits for the platform."""
        index = self._source.index()
        for message in messages:
            text: Optional[str] = message.get(TEXT)
            parse = parse_order(text or "", index)
            message.set(ORDER, parse.to_json(), add_to_output=True)
            if says_yes(text or "", index.lexicon):
                affirm = {"name": "affirm", "confidence": 1.0}
                message.set(INTENT, affirm, add_to_output=True)
                # The whole ranking too: the words decided, so the fallback classifier after this must see no close
                # second (`SI` read as NO at 0.41 beside a handoff at 0.40; `ndio, leteni saa 3` as an order at 1.0).
                message.set(INTENT_RANKING_KEY, [affirm], add_to_output=True)
        return messages
