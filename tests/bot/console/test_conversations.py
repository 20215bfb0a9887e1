"""Conversations in the console: filters, take over and hand back, teaching aliases, export, dashboard."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from bot.console.state import CONSOLE
from bot.keys import GATEWAY
from bot.transcripts import Understanding
from tests.bot.conftest import OTHER_STORE_PHONE, STORE_PHONE, StackFactory, eventually
from tests.bot.console.conftest import (
    ADMIN,
    ADMIN_PASSWORD,
    AGENT_PASSWORD,
    ConsoleStack,
    page_token,
    sign_in,
)

HANDOFF = {"custom": {"handoff": "requested"}}


def _asks_for_a_person(turn: dict[str, Any]) -> list[dict[str, Any]]:
    if "AGENT" in turn["message"]:
        return [{"recipient_id": turn["sender"], "text": "A person will answer soon."}, HANDOFF]
    return [{"recipient_id": turn["sender"], "text": f"echo: {turn['message']}"}]


async def _post(console: ConsoleStack, path: str, **data: str) -> Any:
    token = await page_token(console.client)
    return await console.client.post(path, data={"csrf": token, **data}, allow_redirects=False)


async def test_list_filters_to_conversations_waiting_for_a_person(console: ConsoleStack) -> None:
    console.stack.rasa.reply = _asks_for_a_person
    await console.store_says("5 ctn coke", phone=STORE_PHONE)
    await console.store_says("AGENT please", phone=OTHER_STORE_PHONE)
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    everything = await (await console.client.get("/console/")).text()
    assert STORE_PHONE in everything and OTHER_STORE_PHONE in everything
    waiting = await (await console.client.get("/console/", params={"needs_person": "1"})).text()
    assert OTHER_STORE_PHONE in waiting and STORE_PHONE not in waiting


async def test_handoff_waiting_longer_than_the_alert_time_is_flagged(make_stack: StackFactory) -> None:
    console = ConsoleStack(
        await make_stack(
            CONSOLE_ADMIN_USER=ADMIN, CONSOLE_ADMIN_PASSWORD=ADMIN_PASSWORD, CONSOLE_HANDOFF_ALERT_MINUTES="0"
        )
    )
    console.stack.rasa.reply = _asks_for_a_person
    await console.store_says("AGENT", phone=STORE_PHONE)
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    page = await (await console.client.get("/console/")).text()
    assert "1 handoff waiting longer than 0 minutes" in page


async def test_search_finds_a_conversation_by_its_words(console: ConsoleStack) -> None:
    await console.store_says("2 bags sukari", phone=STORE_PHONE)
    await console.store_says("5 ctn coke", phone=OTHER_STORE_PHONE)
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    page = await (await console.client.get("/console/", params={"q": "SUKARI"})).text()
    assert STORE_PHONE in page and OTHER_STORE_PHONE not in page


async def test_low_match_filter_finds_a_message_with_an_unknown_item(console: ConsoleStack) -> None:
    await console.store_says("5 ctn coke", phone=STORE_PHONE)
    await console.store_says("2 bags cement", phone=OTHER_STORE_PHONE)
    transcripts = console.client.app[GATEWAY].transcripts
    entry = (await transcripts.conversation(OTHER_STORE_PHONE))[0]
    unknown = Understanding("place_order", 0.9, (), (), ({"phrase": "2 bags cement", "quantity": 2},))
    await transcripts.set_understanding(OTHER_STORE_PHONE, entry.message_id, unknown)
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    page = await (await console.client.get("/console/", params={"low_match": "1"})).text()
    assert OTHER_STORE_PHONE in page and STORE_PHONE not in page


async def test_taken_over_conversation_reaches_the_agent_not_the_assistant_until_handed_back(
    console: ConsoleStack,
) -> None:
    await console.store_says("5 ctn coke")
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    path = f"/console/conversations/{STORE_PHONE}"
    assert (await _post(console, f"{path}/takeover")).status == 303
    turns = len(console.stack.rasa.turns)
    await console.store_says("are you a real person?")
    assert len(console.stack.rasa.turns) == turns
    assert "are you a real person?" in await (await console.client.get(f"{path}/messages")).text()

    assert (await _post(console, f"{path}/reply", text="Yes, Wanjiru here. Sending 5 crates today.")).status == 303

    async def delivered() -> bool:
        return "Yes, Wanjiru here. Sending 5 crates today." in console.stack.twilio.bodies(STORE_PHONE)

    await eventually(delivered)
    assert (await _post(console, f"{path}/handback")).status == 303
    assert console.stack.rasa.triggered[-1] == (STORE_PHONE, {"name": "EXTERNAL_handback"})
    await console.store_says("thanks")
    assert console.stack.rasa.turns[-1]["message"] == "thanks"


async def test_staff_write_first_to_a_store_that_never_wrote_by_sms(console: ConsoleStack) -> None:
    # It said "no channel to answer on": the store's phone had never written, so no channel was known.
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    path = f"/console/conversations/{OTHER_STORE_PHONE}"
    assert (await _post(console, f"{path}/takeover")).status == 303
    sent = await _post(console, f"{path}/reply", text="Habari, your credit limit is raised.")
    assert "done=sent" in sent.headers["Location"], sent.headers["Location"]

    async def delivered() -> bool:
        return "Habari, your credit limit is raised." in console.stack.twilio.bodies(OTHER_STORE_PHONE)

    await eventually(delivered)


async def test_reply_without_taking_over_is_refused(console: ConsoleStack) -> None:
    await console.store_says("5 ctn coke")
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    response = await _post(console, f"/console/conversations/{STORE_PHONE}/reply", text="hello")
    assert "error=not_held" in response.headers["Location"]


async def test_markup_from_a_store_is_shown_escaped(console: ConsoleStack) -> None:
    await console.store_says("<img src=x onerror=alert(1)>")
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    conversation = await (await console.client.get(f"/console/conversations/{STORE_PHONE}")).text()
    listing = await (await console.client.get("/console/")).text()
    for page in (conversation, listing):
        assert "<img src=x" not in page
        assert "&lt;img src=x onerror=alert(1)&gt;" in page


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("3 crates mzinga", "3 × BEV-COKE-300G-24"),
        ("half crate mzinga", "no whole number of packs, the owner is asked how many"),
    ],
)
async def test_alias_taught_for_a_store_rereads_the_message(console: ConsoleStack, text: str, read: str) -> None:
    await console.store_says(text)
    transcripts = console.client.app[GATEWAY].transcripts
    entry = (await transcripts.conversation(STORE_PHONE))[0]
    unknown = Understanding("place_order", 0.9, (), (), ({"phrase": text, "quantity": 3},))
    await transcripts.set_understanding(STORE_PHONE, entry.message_id, unknown)
    await console.add_user("amina")
    await sign_in(console.client, "amina", AGENT_PASSWORD)
    response = await _post(
        console,
        f"/console/conversations/{STORE_PHONE}/aliases",
        message_id=entry.message_id,
        phrase="mzinga",
        sku="BEV-COKE-300G-24",
        scope="ST-001",
    )
    assert response.status == 303
    page = await (await console.client.get(response.headers["Location"])).text()
    assert "Read again now" in page and read in page, page
    assert await console.client.app[CONSOLE].aliases.get("ST-001") == {"mzinga": "BEV-COKE-300G-24"}


async def test_agent_cannot_add_an_alias_for_every_store(console: ConsoleStack) -> None:
    await console.store_says("3 crates mzinga")
    await console.add_user("amina")
    await sign_in(console.client, "amina", AGENT_PASSWORD)
    response = await _post(
        console, f"/console/conversations/{STORE_PHONE}/aliases", phrase="mzinga", sku="BEV-COKE-300G-24", scope="all"
    )
    assert response.status == 403


async def test_admin_adds_a_catalog_alias_for_every_store(console: ConsoleStack) -> None:
    await console.store_says("3 crates mzinga")
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    response = await _post(
        console, f"/console/conversations/{STORE_PHONE}/aliases", phrase="mzinga", sku="BEV-COKE-300G-24", scope="all"
    )
    assert "done=alias_all" in response.headers["Location"]
    item = await console.client.app[GATEWAY].platform.catalog_item("BEV-COKE-300G-24")
    assert "mzinga" in item.aliases


async def test_review_tags_and_notes_are_kept(console: ConsoleStack) -> None:
    await console.store_says("5 ctn coke")
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    path = f"/console/conversations/{STORE_PHONE}"
    await _post(console, f"{path}/reviewed")
    await _post(console, f"{path}/tags", tags="pricing, follow-up")
    await _post(console, f"{path}/notes", note="Owner prefers <b>calls</b>")
    page = await (await console.client.get(path)).text()
    assert "Reviewed by admin" in page and "follow-up" in page and "&lt;b&gt;calls&lt;/b&gt;" in page
    unreviewed = await (await console.client.get("/console/", params={"unreviewed": "1"})).text()
    assert STORE_PHONE not in unreviewed


async def test_conversation_exports_as_a_rasa_test_story(console: ConsoleStack) -> None:
    await console.store_says("5 ctn coke")

    async def answered() -> bool:
        return any(e.direction == "out" for e in await console.stack.transcript())

    await eventually(answered)
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    response = await console.client.get(f"/console/conversations/{STORE_PHONE}/story.yml")
    assert response.status == 200 and "attachment" in response.headers["Content-Disposition"]
    story = yaml.safe_load(await response.text())
    steps = story["stories"][0]["steps"]
    assert steps[0] == {"user": "5 ctn coke", "intent": "place_order"}
    assert steps[1] == {"bot": "echo: 5 ctn coke"}


async def test_dashboard_draws_its_charts_as_svg(console: ConsoleStack) -> None:
    await console.store_says("5 ctn coke")
    await sign_in(console.client, ADMIN, ADMIN_PASSWORD)
    page = await (await console.client.get("/console/dashboard")).text()
    assert page.count("<svg") == 5
    assert "1</strong> messages from stores" in page
