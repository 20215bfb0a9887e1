"""Campaigns on WeChat: text within the 48 hours after a store's last message, a template message after."""

from __future__ import annotations

import time
from typing import Any

from bot.keys import GATEWAY
from bot.promotions.model import WeChatTemplate
from bot.wechat import WeChatLinks
from tests.bot.conftest import (
    WECHAT_TOKEN,
    FakeWeChat,
    Stack,
    StackFactory,
    eventually,
    wechat_env,
    wechat_query,
    wechat_xml,
)
from tests.bot.promotions.test_fanout import FAST, add_stores, done, progress, start_campaign

TEMPLATE = WeChatTemplate(
    "Tpl-Cola-Week-0123456789", (("thing1", "{{ store_name }}"), ("amount2", "{{ products[0].price }}"))
)


async def wechat_stack(make_stack: StackFactory, aiohttp_server: Any) -> tuple[Stack, FakeWeChat]:
    api = FakeWeChat()
    server = await aiohttp_server(api.app())
    return await make_stack(**FAST, **wechat_env(str(server.make_url("")).rstrip("/"))), api


async def wrote_on_wechat(stack: Stack, phone: str, hours_ago: float) -> str:
    """The store's phone linked to a WeChat account that last wrote `hours_ago`; the account's OpenID."""
    openid = f"o{phone.lstrip('+')}"
    await WeChatLinks(stack.redis, stack.settings.key_prefix).reply_to(phone, openid)
    transcripts = stack.client.app[GATEWAY].transcripts
    await transcripts.append_inbound(f"in-{openid}", "wechat", phone, "hi", time.time() - hours_ago * 3600)
    return openid


async def test_wechat_outside_48_hours_gets_the_template_message_and_its_receipt_counts(
    make_stack: StackFactory, aiohttp_server: Any
) -> None:
    stack, api = await wechat_stack(make_stack, aiohttp_server)
    recent, lapsed = add_stores(stack, 2)
    recent_id = await wrote_on_wechat(stack, recent, 47)
    lapsed_id = await wrote_on_wechat(stack, lapsed, 49)
    campaign_id = await start_campaign(stack, skus=("BEV-COKE-300G-24",), wechat_template=TEMPLATE)
    await done(stack, campaign_id)

    [text] = api.texts(recent_id)
    assert text.startswith("PROMO Promo Shop 0")
    [template] = api.templates()
    assert template["json"] == {
        "touser": lapsed_id,
        "template_id": "Tpl-Cola-Week-0123456789",
        "data": {"thing1": {"value": "Promo Shop 1"}, "amount2": {"value": "660.00"}},
    }
    assert (await progress(stack, campaign_id))["sent"] == 2

    finished = wechat_xml(lapsed_id, template["msgid"], "success", kind="event", event="TEMPLATESENDJOBFINISH")
    response = await stack.client.post("/webhooks/wechat", params=wechat_query(WECHAT_TOKEN), data=finished.encode())
    assert await response.text() == "success"
    assert (await progress(stack, campaign_id))["delivered"] == 1


async def test_wechat_outside_48_hours_without_a_template_is_skipped(
    make_stack: StackFactory, aiohttp_server: Any
) -> None:
    stack, api = await wechat_stack(make_stack, aiohttp_server)
    [lapsed] = add_stores(stack, 1)
    await wrote_on_wechat(stack, lapsed, 49)
    campaign_id = await start_campaign(stack)
    await done(stack, campaign_id)
    assert [r for r in api.requests if "json" in r] == []
    assert (await progress(stack, campaign_id))["skipped_window"] == 1


async def test_a_store_that_sent_tuiding_on_wechat_gets_no_promotion(
    make_stack: StackFactory, aiohttp_server: Any
) -> None:
    stack, api = await wechat_stack(make_stack, aiohttp_server)
    stopped, listening = add_stores(stack, 2)
    links = WeChatLinks(stack.redis, stack.settings.key_prefix)
    for n, phone in enumerate((stopped, listening)):
        code = await links.issue_code(phone)
        await stack.client.post(
            "/webhooks/wechat",
            params=wechat_query(WECHAT_TOKEN),
            data=wechat_xml(f"oFollower{n}", 100 + n, code).encode(),
        )
    await stack.client.post(
        "/webhooks/wechat", params=wechat_query(WECHAT_TOKEN), data=wechat_xml("oFollower0", 200, "退订").encode()
    )

    async def opted_out() -> bool:
        return any("no more promotions" in t for t in api.texts("oFollower0"))

    await eventually(opted_out)
    campaign_id = await start_campaign(stack)
    await done(stack, campaign_id)
    assert [t for t in api.texts("oFollower0") if t.startswith("PROMO")] == []
    assert [t for t in api.texts("oFollower1") if t.startswith("PROMO")] != []
