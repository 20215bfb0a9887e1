"""The main flows in Swahili, Hinglish, Devanagari, French, Tagalog, Indonesian and Spanish: every reply in the
store's language, and switching by text."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from rasa.core.channels import CollectingOutputChannel, UserMessage

from backend.client import PlatformClient
from backend.models import PromotionItem
from bot.sms import segment_count
from tests.dialogues.conftest import Chat, Phones
from tests.dialogues.languages import language_of
from tests.dialogues.seed import (
    HINDI_OFFER_PHONE,
    OLD_CODE_INDONESIAN_PHONE,
    SWAHILI_OFFER_PHONE,
    UNREGISTERED_PHONE,
)

pytestmark = pytest.mark.asyncio(loop_scope="session")

SWAHILI_DAY = re.compile(r"(Jumatatu|Jumanne|Jumatano|Alhamisi|Ijumaa|Jumamosi|Jumapili), \d{1,2} ")
HINGLISH_DAY = re.compile(r"(Som|Mangal|Budh|Guru|Shukra|Shani|Ravi), \d{1,2} ")
FRENCH_DAY = re.compile(r"(lun|mar|mer|jeu|ven|sam|dim)\. \d{1,2} ")
TAGALOG_DAY = re.compile(r"(Lun|Mar|Miy|Huw|Biy|Sab|Lin), \w{3} \d{1,2}")
INDONESIAN_DAY = re.compile(r"(Sen|Sel|Rab|Kam|Jum|Sab|Min), \d{1,2} \w{3}")
SPANISH_DAY = re.compile(r"(lun|mar|mié|jue|vie|sab|dom), \d{1,2} \w{3}")


@pytest.fixture
def sw(agent: Any, language_phones: dict[str, Phones]) -> Chat:
    """A store whose language is Swahili."""
    return Chat(agent, language_phones["sw"].take())


@pytest.fixture
def hi(agent: Any, language_phones: dict[str, Phones]) -> Chat:
    """A store whose language is Hindi: answered in Hinglish."""
    return Chat(agent, language_phones["hi"].take())


@pytest.fixture
def deva(agent: Any, language_phones: dict[str, Phones]) -> Chat:
    """A store whose language is Hindi in Devanagari."""
    return Chat(agent, language_phones["hi-Deva"].take())


@pytest.fixture
def fr(agent: Any, language_phones: dict[str, Phones]) -> Chat:
    """A store in Abidjan whose language is French."""
    return Chat(agent, language_phones["fr"].take())


@pytest.fixture
def tl(agent: Any, language_phones: dict[str, Phones]) -> Chat:
    """A sari-sari store whose language is Tagalog: answered in Taglish."""
    return Chat(agent, language_phones["tl"].take())


@pytest.fixture
def id_(agent: Any, language_phones: dict[str, Phones]) -> Chat:
    """A warung in Surabaya whose language is Indonesian."""
    return Chat(agent, language_phones["id"].take())


@pytest.fixture
def es(agent: Any, language_phones: dict[str, Phones]) -> Chat:
    """A tienda in Xela (Quetzaltenango) whose language is Spanish (es-GT)."""
    return Chat(agent, language_phones["es"].take())


async def said(chat: Chat, text: str, language: str) -> list[dict[str, Any]]:
    """Send a message; every reply must be in `language`."""
    replies = await chat.say(text)
    assert replies, f"no reply to {text!r}"
    for reply in replies:
        if reply.get("text"):
            assert language_of(reply["text"]) == language, f"{text!r} answered in another language: {reply['text']!r}"
    return replies


async def text(chat: Chat, message: str, language: str) -> str:
    """Send a message; the replies' text, each checked to be in `language`."""
    return "\n".join(reply.get("text") or "" for reply in await said(chat, message, language))


async def handed_back(agent: Any, chat: Chat) -> str:
    """Staff hand the conversation back; what the assistant says."""
    output = CollectingOutputChannel()
    tracker = await agent.processor.fetch_tracker_with_initial_session(chat.phone, output)
    await agent.trigger_intent("EXTERNAL_handback", [], output, tracker)
    return "\n".join(message.get("text", "") for message in output.messages)


async def test_a_swahili_store_orders_chooses_edits_and_confirms_in_swahili(
    sw: Chat, platform_client: PlatformClient
) -> None:
    question = (await said(sw, "3 zuri cola", "sw"))[-1]
    assert question["text"].startswith("Zuri cola ipi? 1) ") and question["text"].endswith("Jibu kwa namba.")
    two_litre = next(b["payload"] for b in question["buttons"] if "2L" in b["title"])
    assert "870/kesi" in next(b["title"] for b in question["buttons"] if "2L" in b["title"])
    replies = await said(sw, two_litre, "sw")
    summary = replies[-1]["text"]
    assert summary.startswith("Oda yako:\n1) Zuri Cola 2L PET 3 kesi x 870 = 2,610\nJumla KES 2,610. Itafika ")
    assert SWAHILI_DAY.search(summary), summary
    assert "Jibu NDIYO kuthibitisha, HAPANA kuifuta" in summary
    assert replies[-1]["buttons"] == [{"title": "NDIYO", "payload": "yes"}, {"title": "HAPANA", "payload": "no"}]
    assert "2) Taa Candles 6 pack 2 maboksi x 300 = 600" in await text(sw, "ongeza 2 boksi mishumaa", "sw")
    assert "1) Zuri Cola 2L PET 4 kesi x 870 = 3,480" in await text(sw, "1 = 4", "sw")
    again = await text(sw, "jumla ni ngapi?", "sw")
    assert again.startswith("Oda yako:") and "Jumla KES 4,080." in again
    placed = await text(sw, "ndiyo", "sw")
    assert re.match(r"Oda #\d+ imewekwa: mistari 2, jumla KES 4,080\. Itafika ", placed), placed
    [order] = await platform_client.store_orders(str(await sw.slot("store_id")))
    assert order.order_id in placed
    status = await text(sw, "oda yangu iko wapi", "sw")
    assert status.startswith(f"Oda #{order.order_id} (KES 4,080) imepokelewa. Itafika "), status
    assert "tayari imewekwa" in await text(sw, "ndiyo", "sw")


async def test_a_swahili_store_cancels_reorders_asks_prices_opts_out_and_reaches_a_person_in_swahili(
    sw: Chat, agent: Any, platform_client: PlatformClient
) -> None:
    await text(sw, "2 boksi mishumaa", "sw")
    order_id = (await text(sw, "ndiyo", "sw")).split("#", 1)[1].split(" ", 1)[0]
    asked = (await said(sw, "futa oda yangu", "sw"))[-1]
    assert asked["text"] == f"Ufute oda #{order_id} (KES 600)? Jibu NDIYO kuifuta au HAPANA kuibakiza."
    assert [b["title"] for b in asked["buttons"]] == ["NDIYO", "HAPANA"]
    assert f"Oda #{order_id} imefutwa." in await text(sw, "ndiyo", "sw")
    assert (await platform_client.order(order_id)).status == "cancelled"
    again = await text(sw, "kama kawaida", "sw")
    assert again.startswith(f"Kama oda #{order_id}, kwa bei za leo:\n1) Taa Candles 6 pack 2 maboksi")
    assert "Sawa, nimeifuta oda hiyo." in await text(sw, "hapana", "sw")
    assert "Zuri Cola 2L PET: KES 870/kesi, ipo stoo." in await text(sw, "bei ya zuri cola 2L ni ngapi?", "sw")
    assert "hutapokea matangazo tena" in await text(sw, "STOP", "sw")
    store_id = str(await sw.slot("store_id"))
    assert (await platform_client.store(store_id)).promo_opt_in is False
    assert "utapokea ofa zetu" in await text(sw, "START", "sw")
    assert (await platform_client.store(store_id)).promo_opt_in is True
    replies = await said(sw, "nataka kuongea na mtu", "sw")
    assert {"handoff": "requested"} in [reply.get("custom") for reply in replies]
    assert "mtu wa timu yetu atakujibu" in replies[0]["text"]
    back = await handed_back(agent, sw)
    assert back.startswith("Nimerudi.") and language_of(back) == "sw"
    assert (await text(sw, "habari", "sw")).startswith("Habari! Tuma oda yako")


async def test_a_swahili_store_hears_its_offers_and_orders_from_one_in_swahili(
    agent: Any, platform_client: PlatformClient
) -> None:
    promo = await platform_client.create_promotion(
        "Cola ya wiki", [PromotionItem("ZC-2L-6", Decimal("800.00"))], "2020-01-01", "2999-01-01", ["Eldoret"]
    )
    chat = Chat(agent, SWAHILI_OFFER_PHONE)
    offers = await text(chat, "kuna ofa gani leo?", "sw")
    assert "Ofa: Zuri Cola 2L PET KES 800/kesi (ilikuwa 870) hadi Jumanne, 1 Jan." in offers, offers
    metadata = {
        "promotion": {
            "campaign_id": "sw-1",
            "promo_id": promo.promo_id,
            "ends_at": "2999-01-01",
            "items": [{"number": 1, "sku": "ZC-2L-6", "price": "800.00"}],
        }
    }
    replies = await agent.handle_message(UserMessage("YES 1 5", sender_id=chat.phone, metadata=metadata))
    summary = "\n".join(r.get("text") or "" for r in replies)
    assert summary.startswith("Kutoka kwenye ofa:\n1) Zuri Cola 2L PET 5 kesi x 800 = 4,000"), summary
    assert language_of(summary) == "sw"
    placed = await agent.handle_message(UserMessage("ndio", sender_id=chat.phone, metadata=metadata))
    assert "imewekwa" in placed[-1]["text"] and language_of(placed[-1]["text"]) == "sw"


async def test_a_hindi_store_orders_chooses_edits_and_confirms_in_hinglish(
    hi: Chat, platform_client: PlatformClient
) -> None:
    question = (await said(hi, "3 zuri cola bhejo", "hi"))[-1]
    assert question["text"].startswith("Kaunsa zuri cola? 1) ") and question["text"].endswith("Number bhejein.")
    two_litre = next(b["payload"] for b in question["buttons"] if "2L" in b["title"])
    replies = await said(hi, two_litre, "hi")
    summary = replies[-1]["text"]
    assert summary.startswith("Aapka order:\n1) Zuri Cola 2L PET 3 case x 870 = 2,610\nTotal KES 2,610. Delivery ")
    assert HINGLISH_DAY.search(summary), summary
    assert "Confirm karne ke liye YES bhejein" in summary
    assert [b["title"] for b in replies[-1]["buttons"]] == ["YES", "NO"]
    assert "2) Taa Candles 6 pack 2 box x 300 = 600" in await text(hi, "add 2 box mishumaa", "hi")
    assert "Taa Candles" not in await text(hi, "2 hatao", "hi")
    again = await text(hi, "total kitna hua?", "hi")
    assert again.startswith("Aapka order:") and "Total KES 2,610." in again
    placed = await text(hi, "haan", "hi")
    assert re.match(r"Order #\d+ ho gaya: 1 line, total KES 2,610\. Delivery ", placed), placed
    [order] = await platform_client.store_orders(str(await hi.slot("store_id")))
    status = await text(hi, "mera order kahan hai", "hi")
    assert status.startswith(f"Order #{order.order_id} (KES 2,610) mil gaya hai. Delivery "), status


@pytest.mark.parametrize("edit", ["zuri cola ko 5 karo", "zuri cola 5 kar do", "zuri cola 5 case kijiye"])
async def test_a_hindi_edit_with_its_verb_last_sets_the_line(hi: Chat, edit: str) -> None:
    assert "1) Zuri Cola 2L PET 3 case x 870" in await text(hi, "zuri cola 2L 3 case bhejo", "hi")
    edited = await text(hi, edit, "hi")
    assert edited.startswith("Aapka order:\n1) Zuri Cola 2L PET 5 case x 870 = 4,350\n"), edited


@pytest.mark.parametrize(
    ("first", "more", "line"),
    [
        ("nitumie kesi 3 zuri cola 2L", "ongeza zuri cola moja zaidi", "1) Zuri Cola 2L PET 4 kesi x 870 = 3,480"),
        ("nitumie kesi 3 zuri cola 2L", "zuri cola moja zaidi tafadhali", "1) Zuri Cola 2L PET 4 kesi x 870 = 3,480"),
        # Read by the classifier as a reorder and as MORE (the next page): the words decide.
        ("sabuni bafu 800g katoni 2", "ongeza sabuni bafu moja zaidi", "1) Bafu Soap bar 800g 3 katoni x 2,650"),
        ("mishumaa boksi 2", "ongeza mishumaa moja zaidi", "1) Taa Candles 6 pack 3 maboksi x 300 = 900"),
    ],
)
async def test_one_more_of_a_product_adds_to_the_one_ordered_whatever_the_classifier_read(
    sw: Chat, first: str, more: str, line: str
) -> None:
    assert "1) " in await text(sw, first, "sw")
    summary = await text(sw, more, "sw")
    assert line in summary and "2)" not in summary, summary


@pytest.mark.parametrize("correction", ["3 nahi 5 case zuri cola", "galti se 3 bola, zuri cola 5 case"])
async def test_a_correction_that_reads_like_no_changes_the_line_and_never_drops_the_draft(
    hi: Chat, correction: str
) -> None:
    assert "3 case x 870" in await text(hi, "3 case zuri cola 2L bhejo", "hi")
    summary = await text(hi, correction, "hi")
    assert "1) Zuri Cola 2L PET 5 case x 870 = 4,350" in summary and "2)" not in summary, summary
    assert "Order #" in await text(hi, "haan", "hi")


async def test_a_correction_after_the_order_is_placed_says_it_stands_and_starts_no_second_order(
    hi: Chat, platform_client: PlatformClient
) -> None:
    await text(hi, "3 case zuri cola 2L bhejo", "hi")
    assert "Order #" in await text(hi, "haan", "hi")
    answer = await text(hi, "3 nahi 5 case zuri cola", "hi")
    assert "isliye maine use nahi badla" in answer and "CANCEL" in answer, answer
    assert await hi.slot("draft") is None
    [order] = await platform_client.store_orders(str(await hi.slot("store_id")))
    assert [(line.sku, line.quantity) for line in order.lines] == [("ZC-2L-6", 3)]


async def test_a_hindi_store_cancels_reorders_asks_prices_opts_out_and_reaches_a_person_in_hinglish(
    hi: Chat, agent: Any, platform_client: PlatformClient
) -> None:
    await text(hi, "2 box mishumaa bhejo", "hi")
    order_id = (await text(hi, "YES", "hi")).split("#", 1)[1].split(" ", 1)[0]
    asked = await text(hi, "mera order cancel karo bhai", "hi")
    assert asked == f"Order #{order_id} (KES 600) cancel karein? Cancel ke liye YES, rakhne ke liye NO bhejein."
    assert f"Order #{order_id} cancel ho gaya." in await text(hi, "haan", "hi")
    again = await text(hi, "pichhla wala", "hi")
    assert again.startswith(f"Order #{order_id} jaisa, aaj ke rate par:\n1) Taa Candles 6 pack 2 box")
    assert "woh draft hata diya" in await text(hi, "nahi", "hi")
    assert "Kipepeo Sugar 50kg bag: KES 6,200/bori, stock mein hai." in await text(
        hi, "kipepeo cheeni 50kg ka rate kya hai", "hi"
    )
    assert "promotions nahi milenge" in await text(hi, "STOP", "hi")
    assert "hamare offers milenge" in await text(hi, "START", "hi")
    replies = await said(hi, "AGENT", "hi")
    assert {"handoff": "requested"} in [reply.get("custom") for reply in replies]
    back = await handed_back(agent, hi)
    assert back.startswith("Main wapas aa gaya.") and language_of(back) == "hi"


async def test_hindi_totals_are_grouped_the_indian_way(hi: Chat) -> None:
    summary = await text(hi, "400 box mishumaa bhejo", "hi")
    assert "1) Taa Candles 6 pack 400 box x 300 = 1,20,000" in summary and "Total KES 1,20,000." in summary


async def test_a_hindi_store_hears_its_offers_in_hinglish(agent: Any, platform_client: PlatformClient) -> None:
    await platform_client.create_promotion(
        "Cola hafta", [PromotionItem("ZC-2L-6", Decimal("800.00"))], "2020-01-01", "2999-01-01", ["Nashik"]
    )
    offers = await text(Chat(agent, HINDI_OFFER_PHONE), "koi offer hai kya?", "hi")
    assert "Offers: Zuri Cola 2L PET KES 800/case (pehle 870) Mangal, 1 Jan tak." in offers, offers


async def test_a_devanagari_store_orders_pages_and_confirms_in_devanagari(
    deva: Chat, platform_client: PlatformClient
) -> None:
    first = await text(
        deva,
        "5 tray zuri cola 350ml, 2 cases zuri cola 2L, 2 bales unga mlima, 1 ctn sabuni bafu 800g, "
        "3 box mishumaa, 1 bale sukari kipepeo 1kg, 2 bales mchele nyota",
        "hi-Deva",
    )
    assert first.startswith("आपका ऑर्डर:\n1) Zuri Cola 350ml can 5 ट्रे x 720 = 3,600")
    # Devanagari is UCS-2 (70 characters a segment): the summary comes a few segments at a time.
    pages = [first]
    while pages[-1].endswith("बाक़ी के लिए MORE भेजें।") and len(pages) < 6:
        pages.append(await text(deva, "MORE", "hi-Deva"))
    assert len(pages) > 2 and all(segment_count(page) <= 4 for page in pages), pages
    everything = "\n".join(pages)
    assert "7) Nyota Pishori Rice 5kg" in everything and "कुल KES" in everything and "डिलीवरी" in everything
    # The YES prompt ends the last page of lines, never a page alone.
    *_, total, prompt = pages[-1].split("\n")
    assert total.startswith("कुल KES") and prompt.startswith("पक्का करने के लिए YES भेजें"), pages[-1]
    placed = await text(deva, "YES", "hi-Deva")
    assert re.match(r"ऑर्डर #\d+ हो गया: 7 लाइनें, कुल KES ", placed), placed
    status = await text(deva, "where is my order", "hi-Deva")
    assert "मिल गया है" in status


async def test_an_owner_switches_language_by_text_and_it_is_kept(agent: Any, phones: Phones) -> None:
    chat = Chat(agent, phones.take())  # an English store
    assert "Sawa, nitajibu kwa Kiswahili." in await text(chat, "kwa Kiswahili tafadhali", "sw")
    assert (await chat.slot("language"), await chat.slot("language_chosen")) == ("sw", True)
    assert (await text(chat, "3 box mishumaa", "sw")).startswith("Oda yako:\n1) Taa Candles 6 pack 3 maboksi")
    assert "Hindi mein jawab dunga" in await text(chat, "Hindi mein baat karo", "hi")
    assert "Confirm karne ke liye YES bhejein" in await text(chat, "total kitna hua?", "hi")
    assert "अब मैं हिंदी में जवाब दूँगा" in await text(chat, "हिंदी में", "hi-Deva")
    assert "OK, I'll reply in English." in await text(chat, "English please", "en")
    assert (await text(chat, "yes", "en")).startswith("Order #")


async def test_an_unregistered_phone_is_answered_in_the_language_it_writes(agent: Any) -> None:
    chat = Chat(agent, UNREGISTERED_PHONE)
    assert "Namba hii haijasajiliwa" in await text(chat, "nataka sukari mbili tafadhali", "sw")
    assert "Yeh number kisi store" in await text(chat, "bhai 5 cheeni bhejo", "hi")
    assert "Nomor ini belum terdaftar" in await text(chat, "mau pesan gula 2 karung", "id")
    assert "Este numero no esta registrado" in await text(chat, "buenas, me manda 2 costales de azucar porfa", "es")
    assert "not registered" in await text(chat, "please send 5 boxes of candles", "en")


async def test_pieces_that_fill_no_whole_tray_are_asked_in_swahili(sw: Chat) -> None:
    question = await text(sw, "zuri cola 350ml tray moja na nusu", "sw")
    assert question.startswith("Zuri Cola 350ml can: trei ngapi? Jibu kwa namba. Kila trei ina 24."), question
    assert "1) Zuri Cola 350ml can 2 trei" in await text(sw, "2", "sw")


async def test_goods_asked_in_a_size_not_sold_are_told_the_sizes_there_are_in_swahili(sw: Chat) -> None:
    question = await text(sw, "sukari kipepeo kilo tano gunia 2, unga mlima bale 2", "sw")
    assert "sukari kipepeo kilo tano gunia 2: haipo kwa ukubwa huo. Tunazo 1kg, 50kg." in question, question
    # The sizes there are offered, with the amount said, for a number in reply.
    assert "Sukari kipepeo ipi? 1) Kipepeo Sugar 1kg" in question and "2) Kipepeo Sugar 50kg bag" in question
    summary = await text(sw, "2", "sw")
    assert "1) Mlima Maize Flour 2kg" in summary and "2) Kipepeo Sugar 50kg bag 2 magunia" in summary, summary


async def test_a_french_store_orders_chooses_edits_confirms_and_opts_out_in_french(
    fr: Chat, platform_client: PlatformClient
) -> None:
    question = (await said(fr, "3 zuri cola", "fr"))[-1]
    assert question["text"].startswith("Quel zuri cola? 1) ") and question["text"].endswith("Répondez par le numéro.")
    two_litre = next(b["payload"] for b in question["buttons"] if "2L" in b["title"])
    replies = await said(fr, two_litre, "fr")
    summary = replies[-1]["text"]
    assert summary.startswith("Votre commande:\n1) Zuri Cola 2L PET 3 caisses x 870 = 2 610\nTotal 2 610 KES."), summary
    assert FRENCH_DAY.search(summary), summary
    assert "Répondez YES pour valider, NO pour annuler" in summary
    assert [b["title"] for b in replies[-1]["buttons"]] == ["YES", "NO"]
    assert "2) Taa Candles 6 pack 2 boites x 300 = 600" in await text(fr, "ajoutez 2 boites de candles", "fr")
    assert "1) Zuri Cola 2L PET 4 caisses x 870 = 3 480" in await text(fr, "1 = 4", "fr")
    placed = await text(fr, "YES", "fr")
    assert re.match(r"Commande #\d+ passée: 2 lignes, total 4 080 KES\. Livraison le ", placed), placed
    [order] = await platform_client.store_orders(str(await fr.slot("store_id")))
    assert order.order_id in placed
    status = await text(fr, "STATUS", "fr")
    assert status.startswith(f"Commande #{order.order_id} (4 080 KES) enregistrée. Livraison le "), status
    assert "vous ne recevrez plus de promotions" in await text(fr, "STOP", "fr")
    assert (await platform_client.store(str(await fr.slot("store_id")))).promo_opt_in is False


async def test_a_french_store_orders_and_confirms_in_its_own_words(fr: Chat, platform_client: PlatformClient) -> None:
    summary = await text(fr, "bonjour patron, 2 boites de candles svp", "fr")
    assert "1) Taa Candles 6 pack 2 boites x 300 = 600" in summary, summary
    placed = await text(fr, "oui", "fr")
    [order] = await platform_client.store_orders(str(await fr.slot("store_id")))
    assert placed.startswith(f"Commande #{order.order_id} passée"), placed


async def test_a_tagalog_store_orders_chooses_edits_confirms_and_opts_out_in_taglish(
    tl: Chat, platform_client: PlatformClient
) -> None:
    question = (await said(tl, "3 zuri cola po", "tl"))[-1]
    assert question["text"].startswith("Aling zuri cola? 1) ") and question["text"].endswith("Reply ang numero.")
    two_litre = next(b["payload"] for b in question["buttons"] if "2L" in b["title"])
    replies = await said(tl, two_litre, "tl")
    summary = replies[-1]["text"]
    assert summary.startswith("Order ninyo:\n1) Zuri Cola 2L PET 3 case x 870 = 2,610\nTotal KES 2,610."), summary
    assert TAGALOG_DAY.search(summary), summary
    assert "Reply YES para i-confirm, NO para i-cancel" in summary
    assert [b["title"] for b in replies[-1]["buttons"]] == ["YES", "NO"]
    assert "2) Taa Candles 6 pack 2 kahon x 300 = 600" in await text(tl, "dagdag 2 kahon candles", "tl")
    assert "1) Zuri Cola 2L PET 4 case x 870 = 3,480" in await text(tl, "1 = 4", "tl")
    placed = await text(tl, "YES", "tl")
    assert re.match(r"Order #\d+ na-place na: 2 line, total KES 4,080\. Deliver sa ", placed), placed
    [order] = await platform_client.store_orders(str(await tl.slot("store_id")))
    assert order.order_id in placed
    status = await text(tl, "asan na order ko", "tl")
    assert status.startswith(f"Natanggap na ang order #{order.order_id} (KES 4,080). Deliver sa "), status
    assert "hindi na kayo makakatanggap ng promo" in await text(tl, "STOP", "tl")
    assert (await platform_client.store(str(await tl.slot("store_id")))).promo_opt_in is False


@pytest.mark.parametrize(("request_", "language", "answer"), [
    ("en français svp", "fr", "OK, je réponds en francais."),
    ("paki-Tagalog", "tl", "Sige po, sasagot ako sa Tagalog."),
    ("pakai bahasa Indonesia", "id", "Oke, saya balas dalam Bahasa Indonesia."),
    ("bahasa indonesia saja", "id", "Oke, saya balas dalam Bahasa Indonesia."),
    ("en español por favor", "es", "Esta bien, le respondo en español."),
    ("Spanish please", "es", "Esta bien, le respondo en español."),
    # The classifier reads a bare `español` as YES: the language is asked for all the same.
    ("español", "es", "Esta bien, le respondo en español."),
])  # fmt: skip
async def test_an_english_store_switches_to_french_tagalog_indonesian_or_spanish_by_text(
    chat: Chat, request_: str, language: str, answer: str
) -> None:
    assert (await text(chat, request_, language)).startswith(answer)
    # The choice stays: the next reply, to an edit with no open order, is in that language too.
    assert await text(chat, "2 = 5", language)


async def test_an_indonesian_store_orders_chooses_edits_confirms_and_opts_out_in_indonesian(
    id_: Chat, platform_client: PlatformClient
) -> None:
    question = (await said(id_, "3 zuri cola ya", "id"))[-1]
    assert question["text"].startswith("Zuri cola yang mana? 1) "), question["text"]
    assert question["text"].endswith("Balas dengan nomornya.")
    two_litre = next(b["payload"] for b in question["buttons"] if "2L" in b["title"])
    replies = await said(id_, two_litre, "id")
    summary = replies[-1]["text"]
    assert summary.startswith("Pesanan Anda:\n1) Zuri Cola 2L PET 3 dus x 870 = 2.610\nTotal KES 2.610."), summary
    assert INDONESIAN_DAY.search(summary), summary
    assert "Balas YES untuk konfirmasi, NO untuk batal" in summary
    assert [b["title"] for b in replies[-1]["buttons"]] == ["YES", "NO"]
    assert "2) Taa Candles 6 pack 2 kotak x 300 = 600" in await text(id_, "tambah 2 kotak candles", "id")
    assert "1) Zuri Cola 2L PET 4 dus x 870 = 3.480" in await text(id_, "1 = 4", "id")
    placed = await text(id_, "YES", "id")
    assert re.match(r"Pesanan #\d+ berhasil: 2 baris, total KES 4\.080\. Diantar ", placed), placed
    [order] = await platform_client.store_orders(str(await id_.slot("store_id")))
    assert order.order_id in placed
    status = await text(id_, "STATUS", "id")
    assert status.startswith(f"Pesanan #{order.order_id} (KES 4.080) sudah diterima. Diantar "), status
    assert "Anda tidak akan menerima promo lagi" in await text(id_, "STOP", "id")
    assert (await platform_client.store(str(await id_.slot("store_id")))).promo_opt_in is False


async def test_a_store_tagged_with_indonesians_old_code_is_answered_in_indonesian(agent: Any) -> None:
    chat = Chat(agent, OLD_CODE_INDONESIAN_PHONE)  # the store's language is `in`, as older systems write it
    summary = await text(chat, "2 kotak candles", "id")
    assert summary.startswith("Pesanan Anda:\n1) Taa Candles 6 pack 2 kotak x 300 = 600\nTotal KES 600."), summary
    assert await chat.slot("language") == "id"


async def test_a_spanish_store_orders_edits_and_confirms_with_si_in_spanish(
    es: Chat, platform_client: PlatformClient
) -> None:
    replies = await said(es, "buenas seño, me manda 3 cajas de zuri cola 2L porfa", "es")
    summary = replies[-1]["text"]
    assert summary.startswith("Su pedido:\n1) Zuri Cola 2L PET 3 cajas x 870 = 2,610\nTotal KES 2,610."), summary
    assert SPANISH_DAY.search(summary), summary
    assert "Responda SI para confirmar, NO para cancelar" in summary
    assert [b["title"] for b in replies[-1]["buttons"]] == ["SI", "NO"]
    assert "2) Taa Candles 6 pack 2 cajas x 300 = 600" in await text(es, "agregue 2 cajas de candles", "es")
    # The classifier reads a bare `si` as NO: the owner's SI places the order all the same.
    placed = await text(es, "SI", "es")
    assert re.match(r"Pedido #\d+ realizado: 2 lineas, total KES 3,210\. Entrega: ", placed), placed
    [order] = await platform_client.store_orders(str(await es.slot("store_id")))
    assert order.order_id in placed
    assert "ya esta hecho" in await text(es, "sí", "es")
    assert "ya no recibira promociones" in await text(es, "STOP", "es")
    assert (await platform_client.store(str(await es.slot("store_id")))).promo_opt_in is False
