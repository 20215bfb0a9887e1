"""The gateway's own texts in the store owner's language, and replies in any script within the channel's limits."""

from __future__ import annotations

from typing import Any

import pytest

from backend.database import PlatformDatabase
from backend.stores_csv import parse_stores_csv
from bot.messages import Button, Channel, Reply
from bot.render import render
from bot.sms import UCS2_MULTI, UCS2_SINGLE, is_gsm7, segment_count
from tests.bot.conftest import Stack, eventually, whatsapp_text

UNREGISTERED_PHONE = "+254799000111"


async def _sent(stack: Stack, count: int) -> bool:
    return len(stack.twilio.requests) >= count


async def test_gateway_texts_follow_the_language_the_assistant_last_answered_in(stack: Stack) -> None:
    stack.rasa.slots = {"language": "hi"}  # the owner of an English store asked for Hindi
    await stack.sms("Hindi mein baat karo")
    await eventually(lambda: _sent(stack, 1))
    stack.rasa.down = True
    await stack.sms("5 ctn coke 300ml")
    await eventually(lambda: _sent(stack, 2))
    assert stack.twilio.bodies()[1].startswith("Maaf kijiye"), stack.twilio.bodies()
    stack.rasa.down = False
    await eventually(lambda: _sent(stack, 3))
    await stack.sms("STOP")
    await eventually(lambda: _sent(stack, 4))
    assert "promotions nahi milenge" in stack.twilio.bodies()[3]


@pytest.mark.parametrize(
    ("message", "answer"),
    [
        ("nataka sukari mbili tafadhali", "Samahani, hatuwezi kujibu"),
        ("bonjour, je veux 2 cartons de lait", "Désolé, nous ne pouvons pas répondre"),
        ("pabili po ng 2 sako bigas", "Sorry po, hindi kami makasagot ngayon"),
        ("ko pesen indomie soto 3 dus sm ayam bawang 2 dus", "Maaf, kami belum bisa membalas sekarang"),
    ],
)
async def test_an_unregistered_phone_is_answered_in_the_language_it_wrote_in(
    stack: Stack, message: str, answer: str
) -> None:
    stack.rasa.down = True
    await stack.sms(message, phone=UNREGISTERED_PHONE)
    await eventually(lambda: _sent(stack, 1))
    assert stack.twilio.bodies()[0].startswith(answer), stack.twilio.bodies()


async def test_a_phone_in_an_unknown_language_is_answered_in_english(stack: Stack) -> None:
    stack.rasa.down = True
    await stack.sms("5 ctn soda 300ml", phone=UNREGISTERED_PHONE)
    await eventually(lambda: _sent(stack, 1))
    assert stack.twilio.bodies()[0].startswith("Sorry, we cannot answer right now")


async def test_a_whatsapp_list_opens_with_a_button_in_the_replys_language(stack: Stack) -> None:
    stack.rasa.slots = {"language": "sw"}
    stack.rasa.reply = lambda turn: [
        {
            "recipient_id": turn["sender"],
            "text": "Soda ipi? Jibu kwa namba.",
            "buttons": [{"title": f"Soda {n}", "payload": str(n)} for n in range(1, 6)],
        }
    ]
    await stack.whatsapp_webhook(whatsapp_text("wamid.in.1", "tuma soda 5"))

    async def listed() -> bool:
        return any(r["json"].get("type") == "interactive" for r in stack.meta.requests)

    await eventually(listed)
    [sent] = [r["json"] for r in stack.meta.requests if r["json"].get("type") == "interactive"]
    action: dict[str, Any] = sent["interactive"]["action"]
    assert action["button"] == "Chagua" and action["sections"][0]["title"] == "Chaguo"


def test_a_devanagari_reply_counts_ucs2_segments_and_is_split_never_cut() -> None:
    lines = [f"{n}) Zuri Cola 350ml can {n} ट्रे x 720 = 3,600" for n in range(1, 9)]
    text = "आपका ऑर्डर:\n" + "\n".join(lines) + "\nकुल KES 28,800। पक्का करने के लिए YES भेजें, हटाने के लिए NO।"
    reply = Reply(text, (Button("YES", "yes"), Button("NO", "no")), language="hi-Deva")
    parts = [part[1] for part in render(reply, Channel.SMS, 2).parts]
    assert len(parts) > 1
    assert not is_gsm7(text) and len(text) > 2 * UCS2_SINGLE
    for part in parts:
        assert segment_count(part) <= 2 and len(part) <= 2 * UCS2_MULTI, part
    assert "\n".join(parts).split() == text.split()
    assert render(reply, Channel.SMS, 2).menu == ()


async def test_gateway_texts_for_a_store_in_hindi_are_hinglish_in_gsm7(stack: Stack) -> None:
    await stack.sms("STOP", phone="+919812000004")  # the demo's kirana store, language hi
    await eventually(lambda: _sent(stack, 1))
    [body] = stack.twilio.bodies()
    assert body.startswith("Ab aapko hamare promotions nahi milenge") and is_gsm7(body)


async def test_gateway_texts_in_french_stay_in_gsm7(stack: Stack) -> None:
    stack.rasa.slots = {"language": "fr"}  # the owner asked for French
    await stack.sms("en français svp")
    await eventually(lambda: _sent(stack, 1))
    await stack.sms("")  # a photo
    await eventually(lambda: _sent(stack, 2))
    await stack.sms("Arrêt")
    await eventually(lambda: _sent(stack, 3))
    await stack.sms("reprendre")
    await eventually(lambda: _sent(stack, 4))
    bodies = stack.twilio.bodies()
    assert bodies[1].startswith("Désolé, je ne lis que le texte"), bodies
    assert bodies[2].startswith("Vous ne recevrez plus nos promotions"), bodies
    assert bodies[3].startswith("Les promotions sont réactivées"), bodies
    assert all(is_gsm7(body) for body in bodies[1:]), bodies


async def test_gateway_texts_in_tagalog(stack: Stack) -> None:
    stack.rasa.slots = {"language": "tl"}  # the owner asked for Tagalog
    await stack.sms("paki-Tagalog")
    await eventually(lambda: _sent(stack, 1))
    await stack.sms("")  # a voice note
    await eventually(lambda: _sent(stack, 2))
    await stack.sms("tigil")
    await eventually(lambda: _sent(stack, 3))
    bodies = stack.twilio.bodies()
    assert bodies[1].startswith("Sorry po, text lang ang nababasa ko"), bodies
    assert bodies[2].startswith("Hindi na kayo makakatanggap ng promo namin"), bodies


async def test_gateway_texts_in_indonesian_stay_in_gsm7(stack: Stack) -> None:
    stack.rasa.slots = {"language": "id"}  # the owner asked for Indonesian
    await stack.sms("pakai bahasa Indonesia")
    await eventually(lambda: _sent(stack, 1))
    await stack.sms("")  # a photo
    await eventually(lambda: _sent(stack, 2))
    await stack.sms("berhenti")
    await eventually(lambda: _sent(stack, 3))
    await stack.sms("mulai")
    await eventually(lambda: _sent(stack, 4))
    bodies = stack.twilio.bodies()
    assert bodies[1].startswith("Maaf, saya hanya bisa membaca teks"), bodies
    assert bodies[2].startswith("Anda tidak akan menerima promo dari kami lagi"), bodies
    assert bodies[3].startswith("Promo aktif lagi"), bodies
    assert all(is_gsm7(body) for body in bodies[1:]), bodies


@pytest.mark.parametrize(
    ("tag", "answer"),
    [
        ("in", "Anda tidak akan menerima promo"),  # Indonesian's code before `id`
        ("id_ID", "Anda tidak akan menerima promo"),
        ("fil", "Hindi na kayo makakatanggap ng promo"),  # CLDR's code for the language the tl catalog is in
        ("sw_KE", "Hutapokea tena matangazo"),
        ("es-GT", "Ya no le mandaremos promociones"),
        ("es_MX", "Ya no le mandaremos promociones"),
        ("es_419", "Ya no le mandaremos promociones"),
    ],
)
async def test_a_store_tagged_with_another_spelling_of_a_language_gets_its_catalog(
    stack: Stack, tag: str, answer: str
) -> None:
    phone = "+6281200000001"
    stores = (
        "store_id,name,phones,region,language,timezone,credit_limit,promo_opt_in\n"
        f"W-1,Warung Bu Sri,{phone},Surabaya,{tag},Asia/Jakarta,5000000.00,true\n"
    )
    db = PlatformDatabase(stack.platform_db)
    db.import_stores(parse_stores_csv(stores, "ID"))
    db.close()
    await stack.sms("STOP", phone=phone)
    await eventually(lambda: _sent(stack, 1))
    assert stack.twilio.bodies()[0].startswith(answer), stack.twilio.bodies()


async def test_gateway_texts_in_spanish_stay_in_gsm7(stack: Stack) -> None:
    stack.rasa.slots = {"language": "es"}  # the owner asked for Spanish
    await stack.sms("en español por favor")
    await eventually(lambda: _sent(stack, 1))
    await stack.sms("")  # a photo
    await eventually(lambda: _sent(stack, 2))
    await stack.sms("Baja")
    await eventually(lambda: _sent(stack, 3))
    await stack.sms("alta")
    await eventually(lambda: _sent(stack, 4))
    await stack.sms("ALTO!")
    await eventually(lambda: _sent(stack, 5))
    bodies = stack.twilio.bodies()
    assert bodies[1].startswith("Disculpe, solo puedo leer texto"), bodies
    assert bodies[2].startswith("Ya no le mandaremos promociones"), bodies
    assert bodies[3].startswith("Las promociones estan activas otra vez"), bodies
    assert bodies[4].startswith("Ya no le mandaremos promociones"), bodies
    assert all(is_gsm7(body) for body in bodies[1:]), bodies
