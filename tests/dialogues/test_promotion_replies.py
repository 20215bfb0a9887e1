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


def after_promotion(campaign_id: str, promo_id: str, *skus_and_prices: tuple[str, str]) -> dict[str, Any]:
    """The metadata the gateway adds to a phone's messages after it got a promotion with these numbered items."""
    items = [{"number": n, "sku": sku, "price": price} for n, (sku, price) in enumerate(skus_and_prices, 1)]
    return {"promotion": {"campaign_id": campaign_id, "promo_id": promo_id, "ends_at": "2999-01-01", "items": items}}


async def test_reply_to_a_promotion_reaches_a_confirmed_order_at_the_offer_price(
    agent: Any, platform_client: PlatformClient
) -> None:
    promo = await platform_client.create_promotion(
        "Sugar week", [PromotionItem("KP-SUGAR-1KG-10", Decimal("1200.00"))], "2020-01-01", "2999-01-01", ["Kisumu"]
    )
    metadata = after_promotion("1", promo.promo_id, ("KP-SUGAR-1KG-10", "1200.00"))
    summary = await say(agent, "YES 1 5", metadata)
    assert "Kipepeo Sugar 1kg" in summary and "6,000" in summary, summary
    assert "placed" in await say(agent, "yes", metadata)
    orders = await platform_client.store_orders("K1")
    assert (orders[0].lines[0].sku, orders[0].total) == ("KP-SUGAR-1KG-10", Decimal("6000.00"))


async def test_a_bare_number_orders_that_item_at_its_least_quantity_and_offer_price(
    agent: Any, platform_client: PlatformClient
) -> None:
    promo = await platform_client.create_promotion(
        "Flour and rice",
        [PromotionItem("NY-RICE-5KG-4", Decimal("2500.00")), PromotionItem("ML-FLOUR-2KG-12", Decimal("1400.00"))],
        "2020-01-01",
        "2999-01-01",
        ["Kisumu"],
    )
    metadata = after_promotion("2", promo.promo_id, ("NY-RICE-5KG-4", "2500.00"), ("ML-FLOUR-2KG-12", "1400.00"))
    # Item 2's least order is two bales.
    summary = await say(agent, "2", metadata)
    assert "Mlima Maize Flour 2kg" in summary and "2,800" in summary, summary
    assert "Nyota" not in summary, summary
    assert "placed" in await say(agent, "ndio", metadata)
    [line] = (await platform_client.store_orders("K1"))[0].lines
    assert (line.sku, line.quantity, line.unit_price) == ("ML-FLOUR-2KG-12", 2, Decimal("1400.00"))


async def test_the_offered_product_in_words_is_ordered_at_the_offer_price(
    agent: Any, platform_client: PlatformClient
) -> None:
    promo = await platform_client.create_promotion(
        "Rice week", [PromotionItem("NY-RICE-5KG-4", Decimal("2500.00"))], "2020-01-01", "2999-01-01", ["Kisumu"]
    )
    metadata = after_promotion("3", promo.promo_id, ("NY-RICE-5KG-4", "2500.00"))
    summary = await say(agent, "nipe bale 3 za mchele nyota", metadata)
    assert "Nyota Pishori Rice 5kg" in summary and "7,500" in summary, summary
    assert "placed" in await say(agent, "yes", metadata)
    [line] = (await platform_client.store_orders("K1"))[0].lines
    assert (line.sku, line.quantity, line.unit_price) == ("NY-RICE-5KG-4", 3, Decimal("2500.00"))
