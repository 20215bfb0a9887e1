"""The phone simulator: chat as a demo store through the real pipeline; what people type is escaped."""

from __future__ import annotations

from tests.bot.conftest import ROOT, STORE_PHONE, Stack, StackFactory, eventually


async def _replied(stack: Stack) -> bool:
    response = await stack.client.get("/simulator/api/conversation", params={"phone": STORE_PHONE})
    messages = (await response.json())["messages"]
    return any(m["direction"] == "out" and m["status"] == "delivered" for m in messages)


async def test_page_lists_demo_store_phones(stack: Stack) -> None:
    response = await stack.client.get("/simulator")
    assert response.status == 200
    page = await response.text()
    assert "Mama Njeri Duka" in page and STORE_PHONE in page


async def test_page_lists_the_phones_of_the_demo_market_it_is_given(make_stack: StackFactory) -> None:
    stack = await make_stack(SIMULATOR_STORES=str(ROOT / "demo" / "cn" / "stores.csv"))
    page = await (await stack.client.get("/simulator")).text()
    assert "张记便利店" in page and "+8613800138001" in page
    assert "Mama Njeri Duka" not in page


async def test_message_typed_in_the_simulator_goes_through_the_assistant_and_back(stack: Stack) -> None:
    response = await stack.client.post(
        "/simulator/send", data={"phone": STORE_PHONE, "text": "5 ctn coke"}, allow_redirects=False
    )
    assert response.status == 303
    await eventually(lambda: _replied(stack))
    turn = stack.rasa.turns[0]
    assert (turn["sender"], turn["message"], turn["metadata"]["channel"]) == (STORE_PHONE, "5 ctn coke", "simulator")
    page = await (await stack.client.get("/simulator", params={"phone": STORE_PHONE})).text()
    assert "echo: 5 ctn coke" in page
    assert stack.twilio.requests == [] and stack.meta.requests == []


async def test_markup_typed_by_a_person_is_shown_escaped(stack: Stack) -> None:
    response = await stack.client.post(
        "/simulator/api/messages", json={"phone": STORE_PHONE, "text": "<script>alert(1)</script>"}
    )
    assert response.status == 202
    await eventually(lambda: _replied(stack))
    page = await (await stack.client.get("/simulator/transcript", params={"phone": STORE_PHONE})).text()
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


async def test_simulator_is_absent_in_production_unless_enabled(make_stack: StackFactory) -> None:
    stack = await make_stack(SIMULATOR_ENABLED="false")
    assert (await stack.client.get("/simulator")).status == 404


async def test_health_reports_each_dependency(stack: Stack) -> None:
    response = await stack.client.get("/healthz")
    body = await response.json()
    assert response.status == 200
    assert body["checks"] == {"redis": "ok", "rasa": "ok", "backend": "ok"}


async def test_health_names_the_dependency_that_is_down(make_stack: StackFactory) -> None:
    stack = await make_stack(RASA_URL="http://127.0.0.1:9")
    response = await stack.client.get("/healthz")
    body = await response.json()
    assert response.status == 503
    assert body["checks"]["rasa"] == "down" and body["checks"]["redis"] == "ok"
