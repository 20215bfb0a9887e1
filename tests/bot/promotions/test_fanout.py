"""Campaigns end to end in the gateway: real Redis, the real platform, fake Twilio and Meta."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import replace
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any

from backend.database import PlatformDatabase
from backend.models import AudienceQuery, Store
from bot.keys import GATEWAY
from bot.promotions.model import WhatsAppTemplate
from bot.promotions.runtime import build_promotions
from tests.bot.conftest import Stack, StackFactory, eventually

TEXT = (
    "PROMO {{ store_name }}: {% for p in products %}{{ p.number }}. {{ p.name }} {{ p.price }} {% endfor %}"
    "STOP to opt out"
)
FAST = {"PROMO_SMS_SEGMENTS_PER_SECOND": "50", "PROMO_QUIET_HOURS": "20:00-08:00"}
# Workers the test starts and kills itself; a hung send never times out on its own.
KILLABLE = {**FAST, "PROMO_WORKERS": "false", "SEND_TIMEOUT_SECONDS": "60", "PROMO_RECEIPT_GRACE_SECONDS": "1"}


def zone_at(local_hour: int) -> str:
    """A fixed-offset timezone whose local hour is `local_hour` right now."""
    offset = (local_hour - datetime.now(timezone.utc).hour + 12) % 24 - 12
    return f"Etc/GMT{'-' if offset >= 0 else '+'}{abs(offset)}"


def add_stores(stack: Stack, count: int, tz: str = "", opted_in: bool = True, start: int = 0) -> list[str]:
    """Stores in region Promo, one phone each; their phones."""
    db = PlatformDatabase(stack.platform_db)
    stores = [
        Store(
            f"P-{n:03d}",
            f"Promo Shop {n}",
            (f"+2547130{n:05d}",),
            "Promo",
            "en",
            tz or zone_at(12),
            Decimal("1000"),
            opted_in,
            "kiosk",
        )
        for n in range(start, start + count)
    ]
    db.import_stores(stores)
    db.close()
    return [s.phones[0] for s in stores]


def promo_bodies(stack: Stack) -> list[tuple[str, str]]:
    """(phone, body) of every promotion the fake Twilio took."""
    return [(m["to"], m["body"]) for m in stack.twilio.taken if m["body"].startswith("PROMO")]


async def start_campaign(stack: Stack, **kwargs: Any) -> str:
    service = stack.client.app[GATEWAY].promotions.service
    campaign = await service.create("Cola week", {"en": TEXT}, AudienceQuery(regions=("Promo",)), **kwargs)
    await service.schedule(campaign.campaign_id)
    return campaign.campaign_id


async def progress(stack: Stack, campaign_id: str) -> dict[str, Any]:
    return (await stack.client.app[GATEWAY].promotions.service.progress(campaign_id)).to_json()


async def done(stack: Stack, campaign_id: str) -> None:
    async def finished() -> bool:
        return (await progress(stack, campaign_id))["status"] == "done"

    await eventually(finished, timeout=20)


async def kill(workers: list[asyncio.Task[None]]) -> None:
    """Stop the tasks where they stand; repeated, because a cancel that lands as a timeout fires can be lost."""
    while not all(task.done() for task in workers):
        for task in workers:
            task.cancel()
        await asyncio.wait(workers, timeout=0.5)


async def test_opted_out_and_quiet_hour_stores_get_nothing(make_stack: StackFactory) -> None:
    stack = await make_stack(**FAST)
    awake = add_stores(stack, 2)
    opted_out = add_stores(stack, 1, opted_in=False, start=10)
    asleep = add_stores(stack, 1, tz=zone_at(2), start=20)
    campaign_id = await start_campaign(stack, skus=("BEV-COKE-300G-24",))

    async def settled() -> bool:
        counts = await progress(stack, campaign_id)
        return counts["sent"] == 2 and counts["waiting_quiet_hours"] == 1

    await eventually(settled)
    sent_to = sorted(phone for phone, _ in promo_bodies(stack))
    assert sent_to == sorted(awake)
    assert not set(sent_to) & set(opted_out + asleep)
    assert "1. Coca-Cola 300ml glass bottle, crate of 24 660.00" in promo_bodies(stack)[0][1]
    assert (await progress(stack, campaign_id))["queued"] == 3


async def test_stop_mid_campaign_stops_the_rest(make_stack: StackFactory) -> None:
    stack = await make_stack(PROMO_SMS_SEGMENTS_PER_SECOND="2", PROMO_CONCURRENCY="1")
    phones = add_stores(stack, 4)
    campaign_id = await start_campaign(stack)

    async def first_sent() -> bool:
        return len(promo_bodies(stack)) >= 1

    await eventually(first_sent)
    await stack.sms("STOP", phone=phones[3])
    await done(stack, campaign_id)
    assert sorted(p for p, _ in promo_bodies(stack)) == sorted(phones[:3])
    counts = await progress(stack, campaign_id)
    assert (counts["sent"], counts["skipped_opt_out"]) == (3, 1)
    # A finished campaign's queue is freed.
    assert not await stack.redis.exists(stack.client.app[GATEWAY].promotions.campaigns.queue_key(campaign_id))


async def test_opt_out_recorded_on_the_platform_mid_campaign_stops_the_rest(make_stack: StackFactory) -> None:
    stack = await make_stack(PROMO_SMS_SEGMENTS_PER_SECOND="2", PROMO_CONCURRENCY="1", PROMO_CONSENT_POLL_SECONDS="0.2")
    phones = add_stores(stack, 6)
    campaign_id = await start_campaign(stack)

    async def first_sent() -> bool:
        return len(promo_bodies(stack)) >= 1

    await eventually(first_sent)
    # A sales rep records the last store's opt-out on the platform itself, not through the gateway.
    db = PlatformDatabase(stack.platform_db)
    db.set_promo_consent("P-005", False, "staff")
    db.close()
    await done(stack, campaign_id)
    assert sorted(p for p, _ in promo_bodies(stack)) == sorted(phones[:5])
    counts = await progress(stack, campaign_id)
    assert (counts["sent"], counts["skipped_opt_out"]) == (5, 1)


async def test_cancel_mid_campaign_sends_no_more_and_frees_its_queue(make_stack: StackFactory) -> None:
    stack = await make_stack(PROMO_SMS_SEGMENTS_PER_SECOND="2", PROMO_CONCURRENCY="1")
    add_stores(stack, 5)
    add_stores(stack, 1, tz=zone_at(2), start=10)
    campaign_id = await start_campaign(stack)
    promotions = stack.client.app[GATEWAY].promotions

    async def first_sent() -> bool:
        return len(promo_bodies(stack)) >= 1

    await eventually(first_sent)
    await promotions.service.cancel(campaign_id)

    async def queue_freed() -> bool:
        return not await stack.redis.exists(promotions.campaigns.queue_key(campaign_id))

    await eventually(queue_freed)
    sent = len(promo_bodies(stack))
    counts = await progress(stack, campaign_id)
    assert counts["status"] == "cancelled"
    assert sent < 5
    assert (counts["sent"], counts["cancelled"], counts["waiting_quiet_hours"]) == (sent, 6 - sent, 0)

    # Finished only once no sender holds an entry of it: nothing more can be sent.
    async def finished() -> bool:
        return await promotions.campaigns.finished(campaign_id)

    await eventually(finished)
    assert len(promo_bodies(stack)) == sent


def hang_after(stack: Stack, answered: int, *hanging: int) -> int:
    """Twilio answers `answered` sends, then holds the next ones (0: taken, else that status); their count."""
    for _ in range(answered):
        stack.twilio.then(0)
    for status in hanging:
        stack.twilio.then(status, delay=30.0)
    return answered + len(hanging)


async def in_flight(stack: Stack, sends: int) -> None:
    """Wait until Twilio got `sends` requests; later ones are answered at once."""

    async def arrived() -> bool:
        return len(stack.twilio.sends) >= sends

    await eventually(arrived)
    stack.twilio.script.clear()


async def restart(stack: Stack, instance_id: str = "") -> list[asyncio.Task[None]]:
    """Campaign workers as a gateway process starts them: the same one restarted, or another by its id."""
    gateway = stack.client.app[GATEWAY]
    settings = replace(stack.settings, instance_id=instance_id) if instance_id else stack.settings
    restarted = build_promotions(
        settings,
        stack.redis,
        gateway.promotions.campaigns,
        gateway.platform,
        gateway.outbox.sending,
        gateway.transcripts,
        gateway.outbox.menus,
        gateway.outbox,
    )
    return restarted.fanout.tasks()


async def test_worker_killed_mid_send_then_restarted_sends_each_store_exactly_once(make_stack: StackFactory) -> None:
    # Two sends hang when the worker dies: Twilio took one (its answer was lost), the other it never took.
    stack = await make_stack(**KILLABLE, PROMO_CONCURRENCY="2", GATEWAY_INSTANCE_ID="w1")
    phones = add_stores(stack, 12)
    gateway = stack.client.app[GATEWAY]
    hung = hang_after(stack, 4, 0, 503)
    campaign_id = await start_campaign(stack, skus=("BEV-COKE-300G-24",))
    workers = gateway.promotions.fanout.tasks()
    await in_flight(stack, hung)
    await kill(workers)
    taken_unanswered, never_taken = (r["form"]["To"] for r in stack.twilio.sends[4:6])

    workers = await restart(stack)
    try:
        await done(stack, campaign_id)
    finally:
        await kill(workers)
    assert sorted(p for p, _ in promo_bodies(stack)) == sorted(phones)
    assert [r["form"]["To"] for r in stack.twilio.sends].count(never_taken) == 2
    counts = await progress(stack, campaign_id)
    assert (counts["sent"], counts["awaiting_receipt"]) == (12, 0)
    # The store whose send was settled from Twilio's log can answer it with a number, and support sees it.
    assert await gateway.promotions.campaigns.recent(taken_unanswered) is not None
    [shown] = [e.text for e in await stack.transcript(taken_unanswered) if e.direction == "out"]
    assert shown.startswith("PROMO Promo Shop")


async def test_another_gateway_takes_over_a_killed_ones_share_sending_each_store_once(
    make_stack: StackFactory,
) -> None:
    stack = await make_stack(**KILLABLE, PROMO_CONCURRENCY="1", GATEWAY_INSTANCE_ID="gateway-a", LEASE_TTL_SECONDS="1")
    phones = add_stores(stack, 8)
    hung = hang_after(stack, 3, 0)  # gateway A's fourth send: taken, but A dies before the answer
    campaign_id = await start_campaign(stack)
    gateway_a = stack.client.app[GATEWAY].promotions.fanout.tasks()
    await in_flight(stack, hung)
    gateway_b = await restart(stack, instance_id="gateway-b")
    await kill(gateway_a)
    try:
        await done(stack, campaign_id)
    finally:
        await kill(gateway_b)
    assert sorted(p for p, _ in promo_bodies(stack)) == sorted(phones)
    assert len(stack.twilio.sends) == 8
    assert (await progress(stack, campaign_id))["sent"] == 8


async def test_a_lost_answer_is_settled_from_the_providers_log_not_sent_twice(make_stack: StackFactory) -> None:
    stack = await make_stack(**FAST, SEND_TIMEOUT_SECONDS="0.5", PROMO_RECEIPT_GRACE_SECONDS="1")
    phones = add_stores(stack, 3)
    stack.twilio.then(0, delay=2.0)  # taken, but the answer comes after the gateway stopped waiting
    campaign_id = await start_campaign(stack)
    await done(stack, campaign_id)
    assert sorted(p for p, _ in promo_bodies(stack)) == sorted(phones)
    assert len(stack.twilio.sends) == 3
    # Twilio's status callbacks carry the promotion's reference back: delivered and failed are counted per store.
    first, second, third = stack.twilio.taken
    for message, status in ((first, "delivered"), (second, "undelivered"), (third, "sent"), (first, "read")):
        assert (await stack.twilio_status(message, status)).status == 204
    counts = await progress(stack, campaign_id)
    assert (counts["sent"], counts["delivered"], counts["failed"]) == (3, 1, 1)


async def test_whatsapp_receipt_proves_a_send_whose_worker_was_killed(make_stack: StackFactory) -> None:
    stack = await make_stack(**FAST, PROMO_WORKERS="false", PROMO_CONCURRENCY="1", GATEWAY_INSTANCE_ID="w1")
    phones = add_stores(stack, 3)
    gateway = stack.client.app[GATEWAY]
    for phone in phones:
        await gateway.transcripts.append_inbound(f"wamid.in-{phone}", "whatsapp", phone, "hi", time.time() - 60)
    stack.meta.then(0)
    stack.meta.then(0, delay=30.0)
    campaign_id = await start_campaign(stack)
    workers = gateway.promotions.fanout.tasks()

    async def second_in_flight() -> bool:
        return len(stack.meta.requests) >= 2

    await eventually(second_in_flight)
    await kill(workers)
    stack.meta.script.clear()
    # Meta reports the message it took; the receipt names the campaign and store the send tagged it with.
    assert (await stack.meta_status(stack.meta.taken[1], "sent")).status == 200

    workers = await restart(stack)
    try:
        await done(stack, campaign_id)
    finally:
        await kill(workers)
    assert sorted("+" + m["json"]["to"] for m in stack.meta.taken) == sorted(phones)
    for message in stack.meta.taken:
        await stack.meta_status(message, "delivered")
    await stack.meta_status(stack.meta.taken[0], "read")
    counts = await progress(stack, campaign_id)
    assert (counts["sent"], counts["delivered"], counts["awaiting_receipt"]) == (3, 3, 0)


async def test_provider_429_slows_the_campaign_and_loses_nothing(make_stack: StackFactory) -> None:
    stack = await make_stack(PROMO_SMS_SEGMENTS_PER_SECOND="20", PROMO_CONCURRENCY="2")
    phones = add_stores(stack, 6)
    stack.twilio.then(0)
    stack.twilio.then(429, {"code": 20429, "message": "Too Many Requests"}, {"Retry-After": "1"})
    started = time.monotonic()
    campaign_id = await start_campaign(stack)
    await done(stack, campaign_id)
    assert len(stack.twilio.sends) == 7  # six stores, one of them twice: its first try was refused with 429
    assert sorted(p for p, _ in promo_bodies(stack)) == sorted(phones)
    assert time.monotonic() - started >= 1.0
    assert (await progress(stack, campaign_id))["sent"] == 6


async def test_whatsapp_outside_the_window_uses_the_approved_template(make_stack: StackFactory) -> None:
    stack = await make_stack(**FAST)
    recent, lapsed, lapsed_on_twilio = add_stores(stack, 3)
    transcripts = stack.client.app[GATEWAY].transcripts
    await transcripts.append_inbound("wamid.in1", "whatsapp", recent, "hi", time.time() - 3600)
    await transcripts.append_inbound("wamid.in2", "whatsapp", lapsed, "hi", time.time() - 25 * 3600)
    await transcripts.append_inbound("SMin3", "twilio_whatsapp", lapsed_on_twilio, "hi", time.time() - 25 * 3600)
    template = WhatsAppTemplate(
        "cola_week", "en", ("{{ store_name }}", "{{ products[0].price }}"), "HX0123456789abcdef0123456789abcdef"
    )
    campaign_id = await start_campaign(stack, skus=("BEV-COKE-300G-24",), whatsapp_template=template)
    await done(stack, campaign_id)
    by_phone = {r["json"]["to"]: r["json"] for r in stack.meta.requests}
    assert by_phone[recent.lstrip("+")]["type"] == "text"
    sent_template = by_phone[lapsed.lstrip("+")]
    assert sent_template["type"] == "template"
    assert sent_template["template"]["name"] == "cola_week"
    params = sent_template["template"]["components"][0]["parameters"]
    assert [p["text"] for p in params] == ["Promo Shop 1", "660.00"]
    [through_twilio] = [r["form"] for r in stack.twilio.sends]
    assert through_twilio["To"] == f"whatsapp:{lapsed_on_twilio}"
    assert "Body" not in through_twilio
    assert through_twilio["ContentSid"] == "HX0123456789abcdef0123456789abcdef"
    assert json.loads(through_twilio["ContentVariables"]) == {"1": "Promo Shop 2", "2": "660.00"}
    assert (await progress(stack, campaign_id))["sent"] == 3


async def test_whatsapp_outside_the_window_without_a_template_is_skipped(make_stack: StackFactory) -> None:
    stack = await make_stack(**FAST)
    lapsed, lapsed_on_twilio = add_stores(stack, 2)
    transcripts = stack.client.app[GATEWAY].transcripts
    await transcripts.append_inbound("wamid.in1", "whatsapp", lapsed, "hi", time.time() - 25 * 3600)
    await transcripts.append_inbound("SMin2", "twilio_whatsapp", lapsed_on_twilio, "hi", time.time() - 25 * 3600)
    # A template Meta knows by name, but none in Twilio's Content API for the store that writes through Twilio.
    template = WhatsAppTemplate("cola_week", "en", ("{{ store_name }}",))
    campaign_id = await start_campaign(stack, whatsapp_template=template)
    await done(stack, campaign_id)
    assert [r["json"]["to"] for r in stack.meta.requests] == [lapsed.lstrip("+")]
    assert stack.twilio.sends == []
    counts = await progress(stack, campaign_id)
    assert (counts["sent"], counts["skipped_window"]) == (1, 1)


async def test_preview_counts_the_audience_and_sends_nothing(make_stack: StackFactory) -> None:
    stack = await make_stack(**FAST)
    add_stores(stack, 3)
    service = stack.client.app[GATEWAY].promotions.service
    campaign = await service.create(
        "Cola week", {"en": TEXT, "sw": "PROMO {{ store_name }} – bei nafuu! STOP"}, AudienceQuery(regions=("Promo",))
    )
    preview = await service.preview(campaign.campaign_id)
    assert (preview.audience, dict(preview.by_language)) == (3, {"en": 3})
    samples = {s.language: s for s in preview.samples}
    assert samples["en"].text.startswith("PROMO Promo Shop 0")
    assert (samples["en"].segments, samples["en"].encoding) == (1, "GSM-7")
    await service.test_send(campaign.campaign_id, "+254712000001")
    await eventually(stack.idle)
    assert [r["form"]["To"] for r in stack.twilio.sends] == ["+254712000001"]
