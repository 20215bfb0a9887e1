"""Promotion campaigns in the console: admins create, preview, test-send and schedule; agents cannot."""

from __future__ import annotations

import re

from bot.keys import GATEWAY
from tests.bot.conftest import eventually
from tests.bot.console.conftest import ADMIN, ADMIN_PASSWORD, AGENT_PASSWORD, ConsoleStack, page_token, sign_in

TEXT = "Hi {{ store_name }}: coke crates at {% for p in products %}{{ p.price }} {% endfor %}Reply STOP to opt out"
TESTER = "+254700000999"


async def test_admin_creates_previews_test_sends_and_schedules_a_campaign(console: ConsoleStack) -> None:
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    token = await page_token(console.client, "/console/campaigns")
    created = await console.client.post(
        "/console/campaigns",
        data={
            "csrf": token,
            "name": "Cola week",
            "text_en": TEXT,
            "regions": "Nairobi",
            "skus": "BEV-COKE-300G-24",
            "wa_template": "cola_week",
            "wa_content_sid": "HX0123456789abcdef0123456789abcdef",
            "wa_language": "en",
            "wa_params": "{{ store_name }}\n{{ products[0].price }}\n",
        },
        allow_redirects=False,
    )
    assert created.status == 303
    detail = created.headers["Location"]
    page = await (await console.client.get(detail)).text()
    assert "would get it" in page and "Hi Mama Njeri Duka" in page
    assert "cola_week · en · Twilio HX0123456789abcdef0123456789abcdef" in page
    campaign_id = detail.rsplit("/", 1)[1]
    template = (await console.stack.client.app[GATEWAY].promotions.service.get(campaign_id)).whatsapp_template
    assert template is not None and template.parameters == ("{{ store_name }}", "{{ products[0].price }}")

    sent = await console.client.post(
        f"/console/campaigns/{campaign_id}/test_send",
        data={"csrf": token, "phone": TESTER, "channel": "sms"},
        allow_redirects=False,
    )
    # Post, redirect, get: the page after an operation can be reloaded without repeating it.
    assert sent.status == 303
    shown = await console.client.get(sent.headers["Location"])
    assert shown.status == 200 and "Test message queued" in await shown.text()

    async def delivered() -> bool:
        return any(body.startswith("Hi Sample Store") for body in console.stack.twilio.bodies(TESTER))

    await eventually(delivered)
    scheduled = await console.client.post(
        f"/console/campaigns/{campaign_id}/schedule", data={"csrf": token, "starts_at": "2099-01-01T08:00"}
    )
    assert scheduled.status == 200 and re.search(r"<small>\S+ · scheduled</small>", await scheduled.text())


async def test_campaign_without_stop_wording_is_refused_with_the_reason(console: ConsoleStack) -> None:
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    token = await page_token(console.client, "/console/campaigns")
    response = await console.client.post(
        "/console/campaigns", data={"csrf": token, "name": "No way out", "text_en": "Buy now"}
    )
    assert response.status == 400 and "reply STOP" in await response.text()


async def test_agent_cannot_open_campaigns(console: ConsoleStack) -> None:
    await console.add_user("amina")
    await sign_in(console.client, "amina", AGENT_PASSWORD)
    assert (await console.client.get("/console/campaigns")).status == 403
    token = await page_token(console.client)
    response = await console.client.post("/console/campaigns", data={"csrf": token, "name": "x", "text_en": "STOP"})
    assert response.status == 403
