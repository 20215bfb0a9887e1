"""A reply to a promotion ("1", "YES 1 5") becomes a draft at the offer price and a confirmed order."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from rasa.core.channels import UserMessage

from backend.client import PlatformClient
from backend.models import PromotionItem
from tests.dialogues.seed import OFFER_REGION_PHONE

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def say(agent: Any, text: str, metadata: dict[str, Any]) -> str:
    """One message with the metadata the gateway adds after a promotion; the replies' text."""
    replies = await agent.handle_message(UserMessage(text, sender_id=OFFER_REGION_PHONE, metadata=metadata))
    return "\n".join(r.get("text") or "" for r in replies or [])


async def test_reply_to_a_promotion_reaches_a_confirmed_order_at_the_offer_price(
    agent: Any, platform_client: PlatformClient
) -> None:
    promo = await platform_client.create_promotion(
        "Sugar week", [PromotionItem("KP-SUGAR-1KG-10", Decimal("1200.00"))], "2020-01-01", "2999-01-01", ["Kisumu"]
    )
    metadata = {
        "promotion": {
            "campaign_id": "1",
            "promo_id": promo.promo_id,
            "ends_at": "2999-01-01",
            "items": [{"number": 1, "sku": "KP-SUGAR-1KG-10", "price": "1200.00"}],
        }
    }
    summary = await say(agent, "YES 1 5", metadata)
    assert "Kipepeo Sugar 1kg" in summary and "6,000" in summary, summary
    assert "placed" in await say(agent, "yes", metadata)
    orders = await platform_client.store_orders("K1")
    assert (orders[0].lines[0].sku, orders[0].total) == ("KP-SUGAR-1KG-10", Decimal("6000.00"))
