"""Reply languages: a store's tag, an owner's request, a guess from words; numbers, money and dates per locale."""

from __future__ import annotations

import csv
import json
from datetime import date
from decimal import Decimal
from typing import Iterator

import pytest

from i18n import detect_language, language_for, phrasebook, requested_language
from tests.conftest import ROOT

MARKETS = ROOT / "tests" / "nlu" / "data"
# Markets kept unseen: not one of their messages is read here.
HELD_OUT = {"kenya_fresh", "philippines_market", "china_market"}
# The currencies of the markets that write Spanish: Guatemala's quetzal and Mexico's peso.
SPANISH_PRICES = {"GTQ", "MXN"}


@pytest.mark.parametrize(
    ("tag", "shown", "catalog"),
    [
        ("en", "en", None),
        ("sw", "sw", "sw"),
        ("hi", "hi", "hi_Latn"),
        ("hi-Deva", "hi-Deva", "hi"),
        ("hi-deva", "hi-Deva", "hi"),
        ("HI_Latn", "hi", "hi_Latn"),
        ("en-IN", "en-IN", None),
        ("sw-TZ", "sw-TZ", "sw"),
        ("fr", "fr", "fr"),
        ("fr-CI", "fr-CI", "fr"),
        # Tagalog is tagged `tl` as stores are, though CLDR files its formats under Filipino.
        ("tl", "tl", "tl"),
        ("tl-PH", "tl-PH", "tl"),
        # A tag in another spelling of a language (CLDR's aliases) or in a script or territory no catalog has
        # gets that language's closest catalog, never English.
        ("fil", "tl", "tl"),
        ("fil-PH", "tl-PH", "tl"),
        ("tgl", "tl", "tl"),
        ("swa", "sw", "sw"),
        ("sw_KE", "sw-KE", "sw"),
        ("zh_CN", "zh-CN", "zh_Hans"),
        ("zh-Hant-TW", "zh-TW", "zh_Hans"),
        ("fr_FR.UTF-8", "fr-FR", "fr"),
        ("pt_BR", "en-BR", None),
        ("id", "id", "id"),
        ("id_ID", "id-ID", "id"),
        # `in` is the code Indonesian had before `id` (Java's Locale still says in_ID); `ind` its three letters.
        ("in", "id", "id"),
        ("in_ID", "id-ID", "id"),
        ("ind", "id", "id"),
        ("id-ID.UTF-8", "id-ID", "id"),
        ("es", "es", "es"),
        ("es-GT", "es-GT", "es"),
        ("es_MX", "es-MX", "es"),
        ("es_419", "es-419", "es"),
        # Languages without a catalog: English where it is official in their country, which the order reader
        # reads too; else the country's own official language.
        ("pcm", "en", None),
        ("ceb", "en", None),
        ("yo", "en", None),
        ("lg", "en", None),
        ("jv", "id", "id"),
        ("su_ID", "id-ID", "id"),
        ("wo", "fr", "fr"),
        ("ln-CD", "fr-CD", "fr"),
        ("", "en", None),
        ("not a tag", "en", None),
    ],
)
def test_a_store_language_tag_picks_the_reply_catalog(tag: str, shown: str, catalog: str | None) -> None:
    language = language_for(tag)
    assert (language.tag, language.catalog) == (shown, catalog)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("English please", "en"),
        ("reply in english", "en"),
        ("kwa Kiswahili tafadhali", "sw"),
        ("Kiingereza tafadhali", "en"),
        ("Hindi mein baat karo", "hi"),
        ("angrezi mein likho", "en"),
        ("हिंदी में", "hi-Deva"),
        ("हिन्दी में बात करो", "hi-Deva"),
        ("अंग्रेज़ी में", "en"),
        ("en français svp", "fr"),
        ("French please", "fr"),
        ("répondez en francais", "fr"),
        ("en anglais svp", "en"),
        ("paki-Tagalog", "tl"),
        ("reply in Tagalog", "tl"),
        ("Filipino please", "tl"),
        ("pakai bahasa Indonesia", "id"),
        ("bahasa indonesia saja", "id"),
        ("tolong pake bhs indonesia", "id"),
        ("Indonesian please", "id"),
        ("pakai bahasa Inggris", "en"),
        ("en español por favor", "es"),
        ("en espanol porfa", "es"),
        ("Spanish please", "es"),
        ("respóndame en español", "es"),
        ("en inglés por favor", "en"),
        ("hello", None),
        ("english or kiswahili?", None),
    ],
)
def test_an_owner_asks_for_a_language_in_words(text: str, language: str | None) -> None:
    assert requested_language(text) == language


def test_a_language_name_alone_is_a_request_only_where_the_classifier_said_so_or_it_is_no_other_word() -> None:
    # Tagalog's "hindi" is "no": without a word asking for it, a bare name switches nothing.
    assert requested_language("hindi po", cue_required=True) is None
    assert requested_language("hindi ko alam", cue_required=True) is None
    assert requested_language("Hindi mein baat karo", cue_required=True) == "hi"
    assert requested_language("Tagalog po", cue_required=True) is None
    assert requested_language("Tagalog po") == "tl"
    assert requested_language("paki-Tagalog", cue_required=True) == "tl"
    assert requested_language("bahasa indonesia saja", cue_required=True) == "id"
    # `aja`, `saja` (just) end many orders: they ask for no language.
    assert requested_language("kopi indonesia 5 dus aja", cue_required=True) is None
    # A name no order-reader locale reads as a word asks for its language alone.
    assert requested_language("español", cue_required=True) == "es"
    assert requested_language("Castellano!", cue_required=True) == "es"
    assert requested_language("español 2 cajas", cue_required=True) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("nataka sukari mbili tafadhali", "sw"),
        ("habari boss, bei ya unga?", "sw"),
        ("bhai 5 cheeni bhejo", "hi"),
        ("mera order kab aayega", "hi"),
        ("please send 5 cartons of soda", "en"),
        ("नमस्ते भाई", "hi-Deva"),
        ("bonjour, je veux 2 cartons de lait", "fr"),
        ("donne moi 3 sacs de riz stp", "fr"),
        ("pabili po ng 2 sako bigas", "tl"),
        ("magkano po ang asukal", "tl"),
        ("ko pesen indomie soto 3 dus sm ayam bawang 2 dus", "id"),
        ("harganya berapa ya", "id"),
        ("pesanan saya sudah sampai mana", "id"),
        # Words Indonesian shares with Tagalog (lima, five; Malay words), Swahili and the greetings Muslims use
        # everywhere count for no Indonesian guess.
        ("lima ka kahon payless", "tl"),
        # `dus` is ten in Hinglish and a box in Indonesian: alone it says neither.
        ("indomie 4 dus", None),
        ("dus packet bhejo", "hi"),
        ("nataka sukari mbili tafadhali, asante", "sw"),
        ("Assalamualaikum", None),
        ("buenas seño, me manda 3 fardos de coca porfa", "es"),
        ("a como esta la libra de azucar", "es"),
        ("donde esta mi pedido", "es"),
        # Portuguese writes many of Spanish's words (`manda`, `pedido`): it is guessed Spanish by none of them.
        ("onde está o meu pedido?", None),
        ("manda 5 fardos de coca 2L por favor", None),
        ("papel higienico 3 fardos", None),
        # A word for a flavour or a size names products everywhere (Kopiko Blanca): alone it says no Spanish.
        ("kopiko blanca x10", None),
        ("zuri 5", None),
        # Taglish texts `box` too, as English does: a word French or Tagalog borrow stays English's, and counts
        # (as Indonesian writes it too) only beside a word English has alone.
        ("5 box mishumaa", "sw"),
        ("please send 5 box of candles", "en"),
        ("", None),
    ],
)
def test_the_language_a_message_is_written_in_is_guessed_from_the_order_readers_words(
    text: str, language: str | None
) -> None:
    assert detect_language(text) == language


def test_money_and_numbers_follow_each_locale() -> None:
    assert phrasebook("en").money(Decimal("3300.00"), "KES") == "KES 3,300"
    assert phrasebook("en").money(Decimal("1080.50"), "KES") == "KES 1,080.50"
    assert phrasebook("sw").money(Decimal("125000"), "KES") == "KES 125,000"
    # Indian grouping for Hindi and Indian English stores; Hinglish keeps the GSM-7 currency code.
    assert phrasebook("hi").money(Decimal("100000"), "INR") == "INR 1,00,000"
    assert phrasebook("en-IN").number(Decimal("1234567")) == "12,34,567"
    assert phrasebook("hi-Deva").money(Decimal("250000.5"), "INR") == "₹2,50,000.50"
    # French groups digits with a space (a plain one, which GSM-7 has) and writes the code after the amount.
    assert phrasebook("fr-CI").money(Decimal("1080.50"), "XOF") == "1 080,50 XOF"
    assert phrasebook("fr").number(Decimal("1234567")) == "1 234 567"
    assert phrasebook("tl").money(Decimal("1080.50"), "PHP") == "PHP 1,080.50"
    # Indonesian writes rupiah as Indonesia does (Rp, in GSM-7), dots between thousands; other currencies by code.
    assert phrasebook("id").money(Decimal("12500"), "IDR") == "Rp 12.500"
    assert phrasebook("id-ID").money(Decimal("1080.50"), "KES") == "KES 1.080,50"
    assert phrasebook("id").number(Decimal("1234567")) == "1.234.567"
    # Swahili's own country's shilling too (TSh); the Kenyan one stays KES.
    assert phrasebook("sw-TZ").money(Decimal("5000"), "TZS") == "TSh 5,000"
    # Spanish's own country's `€` is outside GSM-7: a Guatemalan store reads its quetzal as Guatemala writes it,
    # a Mexican one the peso by its code (its `$` says no country); plain `es` writes as Spain does.
    assert phrasebook("es-GT").money(Decimal("1080.50"), "GTQ") == "Q 1,080.50"
    assert phrasebook("es-MX").money(Decimal("3300"), "MXN") == "MXN 3,300"
    assert phrasebook("es").money(Decimal("1080.50"), "GTQ") == "1.080,50 GTQ"
    assert phrasebook("es-GT").money(Decimal("3300"), "KES") == "KES 3,300"


def test_dates_carry_each_locales_day_and_month_names() -> None:
    tuesday = date(2030, 6, 4)
    assert phrasebook("en").day(tuesday) == "Tue, 4 Jun"
    assert phrasebook("sw").day(tuesday) == "Jumanne, 4 Jun"
    assert phrasebook("hi").day("2030-06-04") == "Mangal, 4 Jun"
    assert phrasebook("hi-Deva").day(tuesday) == "मंगल, 4 जून"
    assert phrasebook("fr").day(tuesday) == "mar. 4 juin"
    # August is `août` in French: its `û` is outside GSM-7, so an SMS says `aout` and stays 160 characters a segment.
    assert phrasebook("fr").day(date(2030, 8, 9)) == "ven. 9 aout"
    assert phrasebook("tl").day(tuesday) == "Mar, Hun 4"
    assert phrasebook("id").day(tuesday) == "Sel, 4 Jun"
    assert phrasebook("es-GT").day(tuesday) == "mar, 4 jun"
    assert phrasebook("es-MX").day(date(2030, 8, 9)) == "vie 9 de ago"


def test_a_date_that_ends_with_its_own_stop_ends_the_sentence_with_one() -> None:
    french = phrasebook("fr")
    said = french._("Total %(total)s. Delivery by %(day)s.", total="9 360 KES", day=french.day(date(2030, 12, 6)))
    assert said == "Total 9 360 KES. Livraison le ven. 6 déc.", said


def test_plural_forms_and_placeholders_are_filled_per_language() -> None:
    english, swahili = phrasebook("en"), phrasebook("sw")
    assert english.npgettext("unit", "crate", "crates", 1) == "crate"
    assert english.npgettext("unit", "crate", "crates", 5) == "crates"
    assert swahili.npgettext("unit", "bag", "bags", 1) == "gunia"
    assert swahili.npgettext("unit", "bag", "bags", 3) == "magunia"
    assert swahili._("Your order:") == "Oda yako:"
    assert phrasebook("hi")._("Your order:") == "Aapka order:"
    assert phrasebook("hi-Deva")._("Your order:") == "आपका ऑर्डर:"
    assert phrasebook("fr")._("Your order:") == "Votre commande:"
    assert phrasebook("fr").npgettext("unit", "bag", "bags", 0) == "sac"
    assert phrasebook("fr").npgettext("unit", "bag", "bags", 2) == "sacs"
    assert phrasebook("tl")._("Your order:") == "Order ninyo:"
    # Tagalog nouns do not change for a number: 1 sako, 4 sako.
    assert {phrasebook("tl").npgettext("unit", "bag", "bags", n) for n in (1, 4, 5)} == {"sako"}
    assert phrasebook("id")._("Your order:") == "Pesanan Anda:"
    # Indonesian has one form for any number: 1 karung, 4 karung.
    assert {phrasebook("id").npgettext("unit", "bag", "bags", n) for n in (1, 4)} == {"karung"}
    assert phrasebook("es")._("Your order:") == "Su pedido:"
    # Spanish says 1 costal, 0 and 4 costales (CLDR's `many`, a million costales, is plural too).
    assert [phrasebook("es-GT").npgettext("unit", "bag", "bags", n) for n in (1, 0, 4, 1000000)] == [
        "costal",
        "costales",
        "costales",
        "costales",
    ]
    assert swahili._("OK, %(store)s.", store="Duka 01") == "Sawa, Duka 01."
    # A text the catalogs do not have is said as written (English), never dropped.
    assert swahili._("Not a catalog text") == "Not a catalog text"


def _market_messages(currencies: set[str], priced_in: bool) -> Iterator[tuple[str, str]]:
    """(market, message) of each labelled market whose price list is in one of `currencies`, or in none; held-out
    ones never read."""
    for cases in sorted(MARKETS.glob("*_cases.jsonl")):
        market = cases.name.removesuffix("_cases.jsonl")
        if market in HELD_OUT:
            continue
        with (MARKETS / f"{market}_catalog.csv").open(encoding="utf-8") as handle:
            priced = any(row["currency"] in currencies for row in csv.DictReader(handle))
        if priced == priced_in:
            for line in filter(None, cases.read_text(encoding="utf-8").splitlines()):
                yield market, json.loads(line)["text"]


def test_no_message_of_a_market_outside_indonesia_is_guessed_indonesian() -> None:
    guessed = [(market, text) for market, text in _market_messages({"IDR"}, False) if detect_language(text) == "id"]
    assert not guessed, guessed


def test_most_messages_of_indonesian_warungs_are_guessed_indonesian() -> None:
    guesses = [detect_language(text) for _, text in _market_messages({"IDR"}, True)]
    # 222 of 302: the rest say only words another language has too or none; none is taken for Hinglish.
    assert len(guesses) > 300 and guesses.count("id") / len(guesses) > 0.7
    assert "hi" not in guesses


# Markets whose owners write Chavacano, a Spanish creole: `adios, hasta mañana` is Spanish as much as Chavacano, and
# a Spanish reply is one they read.
CHAVACANO_MARKETS = frozenset({"zamboanga_sarisari", "mindanao_market"})


def test_no_message_of_a_market_outside_guatemala_and_mexico_is_guessed_spanish() -> None:
    guessed = [
        (market, text)
        for market, text in _market_messages(SPANISH_PRICES, False)
        if market not in CHAVACANO_MARKETS and detect_language(text) == "es"
    ]
    assert not guessed, guessed


def test_most_messages_of_guatemalan_abarroterias_are_guessed_spanish() -> None:
    guesses = [detect_language(text) for _, text in _market_messages(SPANISH_PRICES, True)]
    # 204 of 373: the rest say only words another language has too (a brand's English, `de`, `me`), words
    # Portuguese writes alike (`papel higienico 3 fardos`) or none.
    assert len(guesses) > 370 and guesses.count("es") / len(guesses) > 0.54


@pytest.mark.parametrize(
    "text",
    [
        "ngicela isaka elilodwa le-ace 10kg",
        "ke kopa iwisa 10kg tse pedi",
        "ndicela ingxowa enye ye-ace 10kg",
        "ke kopa bohobe ba sasko bo sootho 20",
    ],
)
def test_a_message_in_a_south_african_language_is_guessed_no_other_reply_language(text: str) -> None:
    assert detect_language(text) in (None, "en")


def test_most_messages_of_south_african_spaza_shops_are_guessed_no_other_reply_language() -> None:
    guesses = [detect_language(text) for market, text in _market_messages({"ZAR"}, True) if market == "gauteng_spaza"]
    # 439 of 446: the rest say only words French or Swahili writes too (`le na le`, `cha`).
    assert len(guesses) > 440 and sum(guess in (None, "en") for guess in guesses) / len(guesses) > 0.98


def test_most_messages_of_vietnamese_tap_hoa_stores_are_guessed_no_other_reply_language() -> None:
    guesses = [detect_language(text) for market, text in _market_messages({"VND"}, True) if market == "saigon_taphoa"]
    # 530 of 539: the rest say only words Tagalog or French writes too (`ba ba ba 3 thung`, `javel 1 lít 10 chai`).
    assert len(guesses) > 530 and sum(guess in (None, "en") for guess in guesses) / len(guesses) > 0.98
