"""The running system as owners and staff use it: messages without text or words, a phone shared by two stores,
a handoff worked in the console and handed back, an opt-out in words during a campaign, and edits sent while a
product is asked about."""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from backend.devenv import read_env_file, run_env_file
from tests.e2e.conftest import PYTHON, ROOT, Console, System

pytestmark = pytest.mark.e2e

COKE_300_CRATE = "BEV-COKE-300G-24"
TEXT_ONLY = {
    "en": "I can only read text",
    "sw": "naweza kusoma maandishi tu",
}


def _console(system: System) -> Console:
    settings = read_env_file(run_env_file({"VAR_DIR": str(system.var)}))
    return Console(system.gateway, settings["CONSOLE_ADMIN_USER"], settings["CONSOLE_ADMIN_PASSWORD"])


def test_messages_without_text_are_answered_and_never_place_the_draft(system: System) -> None:
    phone = "+254712000001"
    assert "YES" in "\n".join(system.exchange(phone, "5 ctn coke 300ml"))
    for text, media in (("", 0), ("   ", 0), ("", 1)):
        [answer] = system.exchange(phone, text, media=media)
        assert TEXT_ONLY["en"] in answer, answer
    # Punctuation alone says nothing either: the order stays open and how to confirm it is said again.
    for text in ("?", "...", "!!"):
        [answer] = system.exchange(phone, text)
        assert "Nothing is placed yet" in answer and "Reply YES to confirm" in answer, answer
    assert system.orders("ST-001") == []

    placed = "\n".join(system.exchange(phone, "YES"))
    [order] = system.orders("ST-001")
    assert order["order_id"] in placed
    assert [(line["sku"], line["quantity"]) for line in order["lines"]] == [(COKE_300_CRATE, 5)]


def test_a_whatsapp_photo_is_answered_in_the_stores_language(system: System) -> None:
    phone = "+254712000003"
    system.whatsapp(phone, media="image")
    [answer] = system.whatsapp_replies(phone, after=0)
    assert TEXT_ONLY["sw"] in answer["text"]["body"], answer
    assert system.orders("ST-003") == []


def test_a_phone_of_two_stores_picks_one_for_each_order_and_gets_each_order_once(system: System) -> None:
    phone = "+254712000002"
    question = "\n".join(system.exchange(phone, "5 ctn coke 300ml"))
    assert "Baraka General Store" in question and "Upendo Shop" in question, question
    number = re.search(r"(\d)\W+Baraka General Store", question)
    assert number, question
    # A price asked before the answer waits with the order: both are answered once the store is known.
    asked_again = "\n".join(system.exchange(phone, "pia coke 500ml bei gani?"))
    assert "Baraka General Store" in asked_again, asked_again
    # So does an edit of that order; a YES confirms nothing, since no order was shown yet.
    for early in ("1 = 6", "ndio"):
        asked_again = "\n".join(system.exchange(phone, early))
        assert "Baraka General Store" in asked_again, asked_again

    draft = "\n".join(system.exchange(phone, number.group(1)))
    # The phone's stores write Swahili: the draft asks for NDIYO (YES).
    assert "3960" in re.sub(r"[,\s]", "", draft) and "NDIYO" in draft, draft
    assert system.orders("ST-002") == []
    assert "Coca-Cola 500ml PET: KES 1,150" in draft, draft
    assert "Hakuna cha kuchagua" not in draft

    placed = "\n".join(system.exchange(phone, "YES"))
    [order] = system.orders("ST-002")
    assert order["order_id"] in placed, placed
    assert system.orders("ST-005") == []

    status = "\n".join(system.exchange(phone, "where is my order"))
    assert order["order_id"] in status, status
    # The phone's next order may be its other store's: it is asked again, and the order goes where it says.
    question = "\n".join(system.exchange(phone, "2 ctn coke 300ml"))
    upendo = re.search(r"(\d)\W+Upendo Shop", question)
    assert upendo, question
    system.exchange(phone, upendo.group(1))
    system.exchange(phone, "ndiyo")
    [other] = system.orders("ST-005")
    assert [(line["sku"], line["quantity"]) for line in other["lines"]] == [(COKE_300_CRATE, 2)]
    assert len(system.orders("ST-002")) == 1


def test_a_handoff_is_worked_in_the_console_and_handed_back(system: System) -> None:
    phone = "+919812000004"
    system.exchange(phone, "5 ctn coke 300ml")
    system.exchange(phone, "AGENT")

    console = _console(system)
    page = console.conversation(phone)
    assert "needs a person" in page
    assert "place_order" in page and COKE_300_CRATE in page, "the console does not show what was understood"
    assert "human_handoff" in page
    dashboard = console.page("/console/dashboard")
    assert re.search(r"<strong>1</strong> handoffs requested", dashboard), dashboard

    page = console.submit(page, "Take over")
    sent = len(system.twilio.bodies(phone))
    system.sms(phone, "is anyone there?")
    time.sleep(3)
    assert system.twilio.bodies(phone)[sent:] == [], "the assistant answered a conversation staff hold"

    page = console.submit(page, "Send", text="Hello from Wanjiru at the depot")
    assert system.sms_replies(phone, after=sent) == ["Hello from Wanjiru at the depot"]

    sent = len(system.twilio.bodies(phone))
    console.submit(page, "Hand back to the assistant")
    back = "\n".join(system.sms_replies(phone, after=sent))
    assert "YES" in back and "3300" in re.sub(r"[,\s]", "", back), f"the open order was not shown on hand back: {back}"
    answer = "\n".join(system.exchange(phone, "naya order 2 ctn coke 300ml"))
    assert "YES" in answer and "1320" in re.sub(r"[,\s]", "", answer), answer


HELD_PHONE = "+254712000784"
HELD_STORE = f"ST-784,Duka la Amina,{HELD_PHONE},Thika,en,Africa/Nairobi,150000.00,true,kiosk"


def test_messages_no_one_answered_are_read_by_the_assistant_when_staff_hand_back_and_ask_it_to(
    system: System, tmp_path: Path
) -> None:
    system.add_store(tmp_path, HELD_STORE)
    system.exchange(HELD_PHONE, "5 ctn coke 300ml")
    system.exchange(HELD_PHONE, "AGENT")
    console = _console(system)
    page = console.submit(console.conversation(HELD_PHONE), "Take over")
    sent = len(system.twilio.bodies(HELD_PHONE))
    system.sms(HELD_PHONE, "also 2 ctn coke 500ml")
    time.sleep(3)
    assert system.twilio.bodies(HELD_PHONE)[sent:] == [], "the assistant answered a conversation staff hold"

    page = console.conversation(HELD_PHONE)
    assert "also 2 ctn coke 500ml" in page and "1 message from the store since staff last wrote" in page, page
    console.submit(page, "Hand back and let the assistant answer")
    back = system.sms_replies(HELD_PHONE, after=sent)
    assert len(back) == 2, back
    # The open order as it stood, then the message no one answered, read into it.
    assert "3300" in re.sub(r"[,\s]", "", back[0]) and "500ml" not in back[0], back
    assert "Coca-Cola 500ml" in back[1] and "YES" in back[1], back
    system.exchange(HELD_PHONE, "YES")
    [order] = system.orders("ST-784")
    assert [(line["sku"], line["quantity"]) for line in order["lines"]] == [
        (COKE_300_CRATE, 5),
        ("BEV-COKE-500P-24", 2),
    ]
    assert "from the store since staff last wrote" not in console.conversation(HELD_PHONE)


def _promotions(system: System, *args: str) -> dict[str, object]:
    done = subprocess.run(
        [PYTHON, "-m", "bot", "promotions", *args],
        env=system.operator_env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


def test_an_opt_out_in_words_stops_a_running_campaign(system: System) -> None:
    phones = ("+254712000001", "+254712000002", "+919812000004")
    created = _promotions(
        system,
        "create",
        "--name",
        "Soda week",
        "--sku",
        COKE_300_CRATE,
        "--text",
        "en=Soda week! {% for p in products %}{{ p.name }} {{ p.price }}{% endfor %} Reply 1 to order, STOP to opt out",
    )
    campaign = str(created["campaign_id"])
    before = {phone: len(system.twilio.bodies(phone)) for phone in phones}

    def promoted() -> list[str]:
        return [p for p in phones if any("Soda week" in b for b in system.twilio.bodies(p)[before[p] :])]

    _promotions(system, "schedule", campaign)
    deadline = time.monotonic() + 60
    while not promoted() and time.monotonic() < deadline:
        time.sleep(0.1)
    first = promoted()
    assert first, "the campaign sent nothing"
    # Sends are paced several seconds apart: this owner says no before the campaign reaches them.
    later = next(p for p in reversed(phones) if p not in first)
    system.exchange(later, "please stop sending me promotions")

    deadline = time.monotonic() + 120
    while _promotions(system, "progress", campaign)["status"] != "done" and time.monotonic() < deadline:
        time.sleep(2)
    # An opt-out is the phone's: a phone of two stores (+254712000002) takes both out of the campaign.
    stores = {"+254712000001": 1, "+254712000002": 2, "+919812000004": 1}
    assert _promotions(system, "progress", campaign)["skipped_opt_out"] == stores[later]
    assert later not in promoted()
    assert set(promoted()) == set(phones) - {later}


def test_products_counted_with_no_word_of_price_are_an_order_and_a_price_asked_is_answered(system: System) -> None:
    phone = "+254712000003"
    draft = "\n".join(system.exchange(phone, "omo 1kg 3ctn"))
    assert "NDIYO" in draft and "14040" in re.sub(r"[,\s]", "", draft), draft
    price = "\n".join(system.exchange(phone, "bei ya omo 1kg"))
    assert "4,680" in price and "NDIYO" not in price, price


def test_an_edit_sent_while_a_product_is_asked_about_is_kept_and_said(system: System) -> None:
    phone = "+254712000001"
    question = "\n".join(system.exchange(phone, "5 ctn coke 300ml and 2 bags sugar 50kg"))
    mumias = re.search(r"(\d)\) Mumias Sugar 50kg", question)
    assert mumias, question
    changed = "\n".join(system.exchange(phone, "change sugar to 4"))
    assert "Changed: your order has 1 line so far." in changed and "Which sugar 50kg?" in changed, changed
    added = "\n".join(system.exchange(phone, "add 3 omo 1kg"))
    assert "Added: your order has 2 lines so far." in added, added
    summary = "\n".join(system.exchange(phone, mumias[1]))
    assert "Mumias Sugar 50kg bag 4 bags" in summary and "YES" in summary, summary
    placed = "\n".join(system.exchange(phone, "YES"))
    order = next(order for order in system.orders("ST-001") if order["order_id"] in placed)
    assert sorted((line["sku"], line["quantity"]) for line in order["lines"]) == [
        (COKE_300_CRATE, 5),
        ("DET-OMO-1KG-12", 3),
        ("SUG-MUMIAS-50KG", 4),
    ]


QUIET_PHONE = "+254712000786"
QUIET_STORE = f"ST-786,Duka la Subira,{QUIET_PHONE},Thika,en,Africa/Nairobi,150000.00,true,kiosk"


def test_staff_write_first_by_sms_to_a_store_that_never_wrote(system: System, tmp_path: Path) -> None:
    system.add_store(tmp_path, QUIET_STORE)
    console = _console(system)
    # Its phone typed into the search opens its conversation, though it has none yet.
    opened = console.page("/console/?" + urlencode({"q": QUIET_PHONE}))
    page = console.submit(opened, "Take over")
    page = console.submit(page, "Send", text="Karibu! Your first order ships free.")
    assert "no channel" not in page, page
    assert system.sms_replies(QUIET_PHONE, after=0) == ["Karibu! Your first order ships free."]
