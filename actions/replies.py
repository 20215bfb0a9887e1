"""What the assistant says: short plain text that reads well on a 160-character SMS screen, in the owner's language.

Every text is a message id of the catalogs (i18n/locales); the layout around it (numbered lines, `x`, `=`,
`/unit`) is the same in every language, so numbered choices and edits work alike everywhere.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Mapping, Sequence

from actions.drafts import (
    HOW_MANY,
    Choice,
    DraftLine,
    EditRejected,
    PricedDraft,
    PricedLine,
    Problem,
    amounts_in,
    credit_fix,
)
from backend.catalog import CatalogItem
from backend.models import Order, Promotion, Store
from bot.sms import GSM7_MULTI, UCS2_MULTI, is_gsm7
from i18n import N_, Phrasebook
from nlu.lexicon import load_lexicon
from nlu.text import romanised

# About three SMS segments; longer summaries are sent a page at a time ("reply MORE").
PAGE_CHARS = 400
# Chat apps have no segments: a page there is what one of their messages holds, with its buttons
# (WhatsApp's interactive body takes 1,024 characters; a WeChat text 2,048 bytes, 680 Chinese characters).
CHAT_PAGE_CHARS = {"whatsapp": 1000, "twilio_whatsapp": 1000, "wechat": 680}

UNAVAILABLE = N_("Sorry, I can't reach the order system right now, please try again in a few minutes.")
DRAFT_UNREADABLE = N_("Sorry, I could not read the order you had open after an update. Please send your items again.")
NOT_REGISTERED = N_(
    "This number is not registered with a store, so I can't take orders from it yet. "
    "Ask your sales rep to add this number to your store, then message again."
)
CAPABILITIES = N_(
    "I can take orders (e.g. 5 ctn soda 300ml, 2 bags sugar 50kg), check prices, order STATUS, CANCEL, "
    "reorder (same as last week), offers, STOP/START promos, AGENT for a person."
)
NOT_UNDERSTOOD = N_("Sorry, I didn't get that.")
CONFIRM_PROMPT = N_("Reply YES to confirm, NO to drop it, or edit: 2 = 10, remove 3, add 2 soap 1kg.")
CHANGE_NOT_UNDERSTOOD = N_("Sorry, I didn't get that change.")
NOTHING_TO_CONFIRM = N_("There is no order waiting for a YES. Send the items you need, e.g. 5 ctn soda 300ml.")
DRAFT_DISCARDED = N_("OK, I dropped that draft. Nothing was ordered. Send a new order any time.")
NO_ITEMS = N_("I couldn't find any items in that. Send e.g. 5 ctn soda 300ml, 2 bags sugar 50kg.")
NO_DRAFT_TO_CHANGE = N_("There is no open order to change. Send e.g. 5 ctn soda 300ml, 2 bags sugar 50kg.")
NOT_PLACED_YET = N_("Nothing is placed yet: your order is still open.")
NO_ORDERS = N_("I can't find any orders for your store yet. Send the items you need to place one.")
NOTHING_DENIED = N_("OK. Send your order any time, or reply HELP.")
HANDOFF = N_("OK, someone from our team will reply here soon.")
HANDBACK = N_("I'm back. Send your order, or reply HELP for what I can do.")
HANDBACK_OPEN_DRAFT = N_("I'm back. Your order is still open:")
# Items sent while a question is open that need a question of their own: asked once this one is answered.
ASKED_AFTER = N_("Noted: I'll ask about that after this question.")
OPTED_OUT = N_("Done: you won't get promotions any more. Reply START to get them again.")
OPTED_IN = N_("Done: you'll get our offers. Reply STOP any time to stop them.")
NO_OFFERS = N_("There are no offers right now. I'll tell you when there are.")
PRICE_WHAT = N_("Which product? Send e.g. price of sugar 2kg.")
NO_MORE = N_("That was everything. Reply YES to confirm an open order, or send a new one.")
MORE_PROMPT = N_("Reply MORE for the rest.")
YOUR_ORDER = N_("Your order:")
FROM_THE_OFFER = N_("From the offer:")
NOT_ACCEPTED = N_("the order system did not accept it")
REPRICED = N_("Prices and stock may have changed since you last saw this order. Here it is at today's:")
ADD_OR_NEW = N_("Add to your open order (1) or start a new one (2)?")

# The small talk the assistant answers from the catalogs, by intent.
SMALL_TALK = {
    "greet": N_("Hello! Send your order, e.g. 5 ctn soda 300ml, 2 bags sugar 50kg. Reply HELP for more."),
    "goodbye": N_("Goodbye, asante! Send your next order any time."),
    "thank": N_("Karibu! Send your next order any time."),
    "help": N_(
        "Send your order like: 5 ctn soda 300ml, 2 bags sugar 50kg. Also: STATUS, CANCEL, same as last week, "
        "price of rice 5kg, offers, STOP or START for promos, AGENT for a person."
    ),
    "out_of_scope": N_(
        "Sorry, I only help with orders: send items to order, ask price or status, cancel, reorder, "
        "or AGENT for a person."
    ),
}
LANGUAGE_SET = N_(
    "OK, I'll reply in English. For Kiswahili, Hindi, French, Tagalog, Indonesian or Chinese, just say so."
)
WHICH_LANGUAGE = N_(
    "Which language should I reply in? Send English, Kiswahili, Hindi, French, Tagalog, Indonesian or Chinese."
)

_PROBLEM_TEXT = {
    Problem.OUT_OF_STOCK: N_("out of stock"),
    Problem.NOT_ENOUGH_STOCK: N_("not enough stock"),
    Problem.BELOW_MINIMUM: N_("below the minimum order"),
    Problem.DISCONTINUED: N_("no longer sold"),
    Problem.UNKNOWN_SKU: N_("not in the catalog"),
    Problem.INVALID_QUANTITY: N_("quantity not accepted"),
}


def short_name(item: CatalogItem) -> str:
    """The catalog name up to its pack description (`Coca-Cola 300ml glass bottle`)."""
    return item.name.split(",")[0].strip()


def names_apart(items: Sequence[CatalogItem]) -> dict[str, str]:
    """Each product's short name by SKU, or its whole name where products said together differ only in their pack
    (`Rosy Toilet Tissue, bale of 10 rolls` and `of 40 rolls`): the owner tells them apart."""
    shared = {name for name, count in Counter(short_name(item) for item in items).items() if count > 1}
    return {item.sku: item.name if short_name(item) in shared else short_name(item) for item in items}


def unit_name(t: Phrasebook, unit: str, quantity: int) -> str:
    """A sell unit (DESIGN.md's list) for `quantity` of it in the owner's language; any other as the catalog has it."""
    names = {
        "bag": t.npgettext("unit", "bag", "bags", quantity),
        "bale": t.npgettext("unit", "bale", "bales", quantity),
        "bottle": t.npgettext("unit", "bottle", "bottles", quantity),
        "box": t.npgettext("unit", "box", "boxes", quantity),
        "carton": t.npgettext("unit", "carton", "cartons", quantity),
        "case": t.npgettext("unit", "case", "cases", quantity),
        "crate": t.npgettext("unit", "crate", "crates", quantity),
        "dozen": t.npgettext("unit", "dozen", "dozens", quantity),
        "jerrycan": t.npgettext("unit", "jerrycan", "jerrycans", quantity),
        "outer": t.npgettext("unit", "outer", "outers", quantity),
        "pack": t.npgettext("unit", "pack", "packs", quantity),
        "packet": t.npgettext("unit", "packet", "packets", quantity),
        "piece": t.npgettext("unit", "piece", "pieces", quantity),
        "sachet": t.npgettext("unit", "sachet", "sachets", quantity),
        "tin": t.npgettext("unit", "tin", "tins", quantity),
        "tray": t.npgettext("unit", "tray", "trays", quantity),
    }
    return names.get(unit.lower(), unit)


def _per_unit(t: Phrasebook, item: CatalogItem) -> str:
    """`660/crate`: the price of one sell unit."""
    return f"{t.money(item.price)}/{unit_name(t, item.sell_unit, 1)}"


def _availability(t: Phrasebook, item: CatalogItem) -> str:
    if not item.active:
        return t._("no longer sold")
    return t._("out of stock") if item.stock <= 0 else t._("in stock")


def _unavailable(t: Phrasebook, item: CatalogItem) -> str:
    """` (out of stock)` after an option the owner would be refused if they picked it; nothing after one in stock."""
    return f" ({_availability(t, item)})" if not item.active or item.stock <= 0 else ""


def problem_text(t: Phrasebook, line: PricedLine) -> str:
    """Why a line can't be ordered, and what would work instead."""
    item = line.item
    problem = line.problem
    reason = t._(_PROBLEM_TEXT[problem]) if problem is not None else ""
    if item is not None and problem is Problem.NOT_ENOUGH_STOCK:
        reason = t.ngettext("only %(count)s left", "only %(count)s left", item.stock)
    if item is not None and problem is Problem.BELOW_MINIMUM:
        minimum = item.min_order_qty
        least = f"{t.number(minimum)} {unit_name(t, item.sell_unit, minimum)}"
        reason = t._("minimum is %(quantity)s", quantity=least)
    if line.alternative is not None:
        other = f"{short_name(line.alternative)} {_per_unit(t, line.alternative)}"
        reason += t._("; try %(product)s", product=other)
    return reason


def draft_line(t: Phrasebook, line: PricedLine) -> str:
    """`1) Coca-Cola 300ml glass bottle 5 crates x 660 = 3,300`."""
    if line.item is None:
        return f"{line.number}) {line.sku} x{line.quantity}: {problem_text(t, line)}"
    item = line.item
    quantity = f"{t.number(line.quantity)} {unit_name(t, item.sell_unit, line.quantity)}"
    text = f"{line.number}) {short_name(item)} {quantity} x {t.money(item.price)}"
    if line.problem:
        return f"{text}: {problem_text(t, line)}"
    return f"{text} = {t.money(line.line_total)}"


@dataclass(frozen=True)
class Unsold:
    """A phrase the catalog has nothing for, and the sizes it sells of the same goods when only the size is off."""

    phrase: str
    sizes: tuple[str, ...] = ()


def not_found(t: Phrasebook, unknown: Sequence[Unsold]) -> str:
    """The phrases the catalog has nothing for; goods sold in other sizes than asked are told the sizes there are."""
    missing = ", ".join(item.phrase for item in unknown if not item.sizes)
    return sentences(
        t._("We don't sell or couldn't find: %(items)s.", items=missing) if missing else "",
        *(
            # Translators: a size not sold: "unga 5kg: not in that size. We have 1kg, 2kg."
            t._("%(item)s: not in that size. We have %(sizes)s.", item=item.phrase, sizes=", ".join(item.sizes))
            for item in unknown
            if item.sizes
        ),
    )


def left_out(t: Phrasebook, phrase: str) -> str:
    """NO to an open question: the item it asked about is left out, the rest of the draft stays."""
    return t._("OK, I left out %(item)s.", item=phrase)


def not_added(t: Phrasebook, message: str) -> str:
    """Items sent while a draft was open, let go when the owner answered neither add to it nor start anew."""
    return t._('I did not add "%(sent)s": send it again to order it.', sent=message)


def credit_lines(t: Phrasebook, priced: PricedDraft) -> list[str]:
    """Over the credit limit: the credit available, and the one cut that would fit it (or by how much to cut)."""
    if not priced.over_credit or priced.credit_available is None:
        return []
    lines = [
        t._(
            "Over your credit limit: %(available)s available, this order is %(total)s.",
            available=t.money(priced.credit_available, priced.currency),
            total=t.money(priced.total, priced.currency),
        )
    ]
    fix = credit_fix(priced)
    if fix is not None and fix[0].item is not None:
        line, keep = fix
        quantity = f"{t.number(keep)} {unit_name(t, fix[0].item.sell_unit, keep)}"
        lines.append(
            t._(
                "Reduce %(product)s to %(quantity)s to fit your credit (reply %(number)s = %(keep)s).",
                product=short_name(fix[0].item),
                quantity=quantity,
                number=line.number,
                keep=keep,
            )
        )
    else:
        excess = t.money(priced.total - priced.credit_available, priced.currency)
        lines.append(t._("Reduce the order by %(amount)s to fit your credit.", amount=excess))
    return lines


def draft_summary(
    t: Phrasebook, priced: PricedDraft, delivery: date, unknown: Sequence[Unsold] = (), header: str = ""
) -> list[str]:
    """The summary as lines of text: numbered lines, total, delivery estimate, credit, what was not understood."""
    lines = [header or t._(YOUR_ORDER), *(draft_line(t, line) for line in priced.lines)]
    if priced.lines:
        values = {"total": t.money(priced.total, priced.currency), "day": t.day(delivery)}
        if priced.has_problems:
            lines.append(t._("Total %(total)s (lines with a problem not counted). Delivery by %(day)s.", **values))
        else:
            lines.append(t._("Total %(total)s. Delivery by %(day)s.", **values))
        lines.extend(credit_lines(t, priced))
    else:
        lines.append(t._("No items yet."))
    if unknown:
        lines.append(not_found(t, unknown))
    return lines


_COUNT = re.compile(r"[x×]|x?\d+(?:[.,-]\d+)*x?")
# A count and its measure word written onto a Chinese product name (`2桶金龙鱼`, `可乐1箱半`).
_CJK_COUNT = r"\d+(?:\.\d+)?(?P<unit>\w)半?"
_CJK_COUNT_BEFORE = re.compile(_CJK_COUNT)
_CJK_COUNT_AFTER = re.compile(_CJK_COUNT + "$")
_FULL_WIDTH_STOPS = ("。", "？", "！", "：")


def product_words(phrase: str) -> str:
    """The product part of an item phrase, without the amount said before or after it: "3 zuri cola" asks "Which
    zuri cola?", "mafuta ya kupika 3" "Which mafuta ya kupika?", "coke 2 or 3 ctn" "Which coke?", "5 crates of coke"
    "Which coke?"."""
    lexicon = load_lexicon()
    words = phrase.split()

    def counts(word: str) -> bool:
        word = romanised(word.lower().strip(",.;:!?"))  # `2 बोरी चीनी` asks "Kaunsa चीनी?"
        if _COUNT.fullmatch(word) or lexicon.number_words.get(word, 0) > 0:  # `zero` names a product (Coke Zero)
            return True
        return any(word in table for table in (lexicon.unit_words, lexicon.range_words, lexicon.half_words))

    # `5 crates of coke`, `chupa 48 za soda`, `pls 2 kahon ng sardinas`: the words asking for it and joining the amount
    # to the product go too.
    joining = lexicon.stop_words | lexicon.fillers
    while words and (counts(words[0]) or (len(words) > 1 and words[0].lower() in joining)):
        words.pop(0)
    while words and (
        (counts(words[-1]) and not (len(words) > 1 and words[-2].lower() in lexicon.size_words))
        or (len(words) > 1 and words[-1].lower() in joining)
    ):
        words.pop()  # a number after `kilo` is the size (`sukari kilo 2`), kept
    if words and (cjk := _CJK_COUNT_AFTER.search(words[-1])) and cjk["unit"] in lexicon.unit_words and cjk.start():
        words[-1] = words[-1][: cjk.start()]
    if words and (cjk := _CJK_COUNT_BEFORE.match(words[0])) and cjk["unit"] in lexicon.unit_words:
        words[0] = words[0][cjk.end() :] or words[0]
    return " ".join(words) or phrase


def capitalised(sentence: str) -> str:
    """A sentence that opens with the owner's words (`zuri cola ipi?`, `unga ya ukubwa gani?`) opens with a capital."""
    return sentence[:1].upper() + sentence[1:]


def sentences(*parts: str) -> str:
    """Sentences said together: spaced, except after a full-width stop (`。`, `？`), where Chinese puts no space."""
    text = ""
    for part in filter(None, parts):
        text += part if not text or text.endswith(_FULL_WIDTH_STOPS) else f" {part}"
    return text


def choice_question(
    t: Phrasebook, choice: Choice, catalog: Mapping[str, CatalogItem]
) -> tuple[str, list[dict[str, str]]]:
    """`Which coke? 1) ... 2) ...` and its buttons; the payload is the number, so SMS works the same."""
    options = []
    buttons = []
    names = names_apart([item for sku in choice.candidates if (item := catalog.get(sku)) is not None])
    for number, sku in enumerate(choice.candidates, start=1):
        item = catalog.get(sku)
        title = f"{names[sku]} {_per_unit(t, item)}{_unavailable(t, item)}" if item else sku
        options.append(f"{number}) {title}")
        buttons.append({"title": title, "payload": str(number)})
    question = t._(
        "Which %(product)s? %(options)s. Reply with the number.",
        product=product_words(choice.phrase),
        options=" ".join(options),
    )
    return capitalised(question), buttons


SIZE_QUESTION = N_("Which size of %(product)s? %(options)s. Reply with the number.")
BRAND_QUESTION = N_("Which brand of %(product)s? %(options)s. Reply with the number.")


def group_question(t: Phrasebook, choice: Choice) -> tuple[str, list[dict[str, str]]]:
    """`Which size of cooking oil? 1) 500ml 2) 1L ...` or `Which brand of sabuni? 1) Omo 2) Jamaa ...`: asked first
    when more products fit than one SMS lists."""
    options = " ".join(f"{number}) {label}" for number, (label, _) in enumerate(choice.groups, start=1))
    asked = BRAND_QUESTION if choice.by == "brand" else SIZE_QUESTION
    question = t._(asked, product=product_words(choice.phrase), options=options)
    return capitalised(question), [
        {"title": label, "payload": str(number)} for number, (label, _) in enumerate(choice.groups, 1)
    ]


def amount_question(t: Phrasebook, choice: Choice, catalog: Mapping[str, CatalogItem]) -> str:
    """`How many trays of Coca-Cola 330ml can? One tray holds 24.`: the amount the owner's words left open."""
    item = catalog.get(choice.candidates[0])
    if item is None:
        return t._(HOW_MANY)
    units = unit_name(t, item.sell_unit, 2)
    question = t._("How many %(units)s of %(product)s? Reply with a number.", units=units, product=short_name(item))
    most = load_lexicon().max_quantity
    if any(amount > most for amount in amounts_in(choice.phrase)):
        # `coke 100000 crates`: the owner hears why the amount typed is asked again.
        question = sentences(
            t._("One order takes at most %(most)s %(units)s of a product.", most=most, units=units), question
        )
    if item.units_per_pack <= 1:
        return question
    holds = t._("One %(unit)s holds %(pack)s.", unit=unit_name(t, item.sell_unit, 1), pack=item.units_per_pack)
    return sentences(question, holds)


def _sms_size(text: str) -> int:
    """A text's length in GSM-7 characters: UCS-2 text (Devanagari) fills a segment with fewer characters."""
    return len(text) if is_gsm7(text) else -(-len(text) * GSM7_MULTI // UCS2_MULTI)


def pages(lines: Sequence[str], channel: str = "", limit: int = PAGE_CHARS) -> list[str]:
    """The lines joined into pages, split between lines: on SMS of at most `limit` GSM-7 characters' worth, on a chat
    app of what one of its messages holds. A last line that would make a page alone (the YES prompt) ends the page
    before it instead: asking for MORE would cost as much as saying it."""
    size = len if channel in CHAT_PAGE_CHARS else _sms_size
    limit = CHAT_PAGE_CHARS.get(channel, limit)
    result: list[str] = []
    current = ""
    for line in lines:
        candidate = f"{current}\n{line}" if current else line
        if current and size(candidate) > limit:
            result.append(current)
            current = line
        else:
            current = candidate
    if current and result and "\n" not in current and channel not in CHAT_PAGE_CHARS:
        result[-1] = f"{result[-1]}\n{current}"
    elif current:
        result.append(current)
    return result


def order_placed(t: Phrasebook, order: Order) -> str:
    """The answer to YES: order number, total and delivery date."""
    return t.ngettext(
        "Order #%(order_id)s placed: %(count)s line, total %(total)s. Delivery by %(day)s. Reply STATUS any time.",
        "Order #%(order_id)s placed: %(count)s lines, total %(total)s. Delivery by %(day)s. Reply STATUS any time.",
        len(order.lines),
        order_id=order.order_id,
        total=t.money(order.total, order.currency),
        day=t.day(order.estimated_delivery),
    )


def already_placed(t: Phrasebook, order_id: str) -> str:
    """A second YES after the order went through."""
    return t._("Your order #%(order_id)s is already placed. Reply STATUS to see where it is.", order_id=order_id)


def placed_unchanged(t: Phrasebook, order_id: str) -> str:
    """A correction sent after the order it corrects was placed."""
    return t._(
        "Order #%(order_id)s is already placed, so I did not change it. To change it, reply CANCEL, then send the "
        "order again.",
        order_id=order_id,
    )


def order_rejected(t: Phrasebook, priced: PricedDraft) -> str:
    """Why the platform refused the order, line by line and for credit, and how to fix it."""
    parts = [
        t._(
            "Line %(number)s %(product)s: %(reason)s.",
            number=line.number,
            product=short_name(line.item) if line.item else line.sku,
            reason=problem_text(t, line),
        )
        for line in priced.lines
        if line.problem
    ]
    parts.extend(credit_lines(t, priced))
    if not parts:
        parts.append(t._(NOT_ACCEPTED).capitalize() + ".")
    return t._(
        "I couldn't place the order. %(reasons)s Edit it (e.g. remove 2) and reply YES.", reasons=" ".join(parts)
    )


def add_or_change(
    t: Phrasebook, lines: Sequence[DraftLine], catalog: Mapping[str, CatalogItem]
) -> tuple[str, list[dict[str, str]]]:
    """The products sent again are on the open order already: add to their lines (1) or change them (2)?"""
    named = []
    for line in lines:
        item = catalog.get(line.sku)
        unit = unit_name(t, item.sell_unit, line.quantity) if item else ""
        named.append(f"{short_name(item) if item else line.sku} {t.number(line.quantity)} {unit}".strip())
    question = t._(
        "Already on your order: %(products)s. Add what you sent to it (1) or change it to what you sent (2)?",
        products=", ".join(named),
    )
    buttons = [
        {"title": t.pgettext("button", "Add"), "payload": "1"},
        {"title": t.pgettext("button", "Change"), "payload": "2"},
    ]
    return question, buttons


def add_or_new(t: Phrasebook) -> tuple[str, list[dict[str, str]]]:
    """Items that partly repeat the open order: add them to it (1) or start a new order (2)?"""
    buttons = [
        {"title": t.pgettext("button", "Add to order"), "payload": "1"},
        {"title": t.pgettext("button", "New order"), "payload": "2"},
    ]
    return t._(ADD_OR_NEW), buttons


def order_status(t: Phrasebook, order: Order) -> str:
    """Where an order is."""
    values = {"order_id": order.order_id, "total": t.money(order.total, order.currency)}
    if order.status == "delivered":
        return t._("Order #%(order_id)s (%(total)s) was delivered.", **values)
    if order.status == "cancelled":
        return t._("Order #%(order_id)s (%(total)s) was cancelled.", **values)
    values["day"] = t.day(order.estimated_delivery)
    if order.status == "placed":
        return t._("Order #%(order_id)s (%(total)s) is received. Delivery by %(day)s.", **values)
    if order.status == "confirmed":
        return t._("Order #%(order_id)s (%(total)s) is confirmed and being packed. Delivery by %(day)s.", **values)
    if order.status == "dispatched":
        return t._("Order #%(order_id)s (%(total)s) is on the way. Delivery by %(day)s.", **values)
    return t._("Order #%(order_id)s (%(total)s) is %(status)s. Delivery by %(day)s.", status=order.status, **values)


def order_not_found(t: Phrasebook, order_id: str) -> str:
    """An order number that isn't this store's."""
    return t._(
        "I can't find order #%(order_id)s for your store. Check the number, or reply STATUS for your latest order.",
        order_id=order_id,
    )


def confirm_cancel(t: Phrasebook, order: Order) -> str:
    """The question before cancelling."""
    return t._(
        "Cancel order #%(order_id)s (%(total)s)? Reply YES to cancel or NO to keep it.",
        order_id=order.order_id,
        total=t.money(order.total, order.currency),
    )


def not_cancellable(t: Phrasebook, order: Order) -> str:
    """Why an order can no longer be cancelled."""
    if order.status == "cancelled":
        return t._("Order #%(order_id)s is already cancelled.", order_id=order.order_id)
    statuses = {
        "confirmed": t.pgettext("order status", "confirmed"),
        "dispatched": t.pgettext("order status", "dispatched"),
        "delivered": t.pgettext("order status", "delivered"),
    }
    return t._(
        "Order #%(order_id)s is already %(status)s, so it can't be cancelled here. Reply AGENT to talk to our team.",
        order_id=order.order_id,
        status=statuses.get(order.status, order.status),
    )


def cancelled(t: Phrasebook, order: Order) -> str:
    """The cancel went through."""
    return t._("Order #%(order_id)s is cancelled. Nothing will be delivered or charged.", order_id=order.order_id)


def kept(t: Phrasebook, order_id: str) -> str:
    """NO to the cancel question."""
    return t._("OK, order #%(order_id)s stays as it is.", order_id=order_id)


def which_store(t: Phrasebook, stores: Sequence[Store]) -> tuple[str, list[dict[str, str]]]:
    """The question for a phone that serves several stores."""
    options = " ".join(f"{n}) {store.name}" for n, store in enumerate(stores, start=1))
    buttons = [{"title": store.name, "payload": str(n)} for n, store in enumerate(stores, start=1)]
    return t._("Which store is this for? %(options)s. Reply with the number.", options=options), buttons


def store_chosen(t: Phrasebook, store_name: str) -> str:
    """After the owner picks a store."""
    return t._("OK, %(store)s.", store=store_name)


def edit_rejected(t: Phrasebook, rejected: EditRejected) -> str:
    """An edit that does not fit the draft, said in the owner's language."""
    return t._(rejected.message, **rejected.values)


@dataclass(frozen=True)
class PriceAnswer:
    """One product's price and availability, for a price check."""

    item: CatalogItem
    quantity: int


def price_lines(t: Phrasebook, answers: Sequence[PriceAnswer], unknown: Sequence[Unsold]) -> list[str]:
    """`Coca-Cola 300ml glass bottle: KES 660/crate, in stock.` for each product asked about."""
    lines = []
    names = names_apart([answer.item for answer in answers])
    for answer in answers:
        item = answer.item
        price = f"{t.money(item.price, item.currency)}/{unit_name(t, item.sell_unit, 1)}"
        values = {"product": names[item.sku], "price": price, "availability": _availability(t, item)}
        if answer.quantity > 1 and item.active:
            # Translators: a price asked for several: "Omo 1kg: KES 1,950/bale, in stock; 3 = KES 5,850."
            total = t.money(item.price * answer.quantity)
            lines.append(
                t._(
                    "%(product)s: %(price)s, %(availability)s; %(count)s = %(total)s.",
                    count=t.number(answer.quantity),
                    total=total,
                    **values,
                )
            )
        else:
            # Translators: a price asked: "Omo 1kg: KES 1,950/bale, in stock."
            lines.append(t._("%(product)s: %(price)s, %(availability)s.", **values))
    if unknown:
        lines.append(not_found(t, unknown))
    return lines


def dropped(t: Phrasebook, lines: int) -> str:
    """Said when a new order replaces an unconfirmed draft."""
    return t.ngettext(
        "Started a new order; the earlier unconfirmed draft (%(count)s line) was dropped.",
        "Started a new order; the earlier unconfirmed draft (%(count)s lines) was dropped.",
        lines,
    )


def joined_before_question(t: Phrasebook, lines: int, changed: bool) -> str:
    """Items joined a draft that still has a question open (added, or changing the lines they name): they are on
    it, the question comes next."""
    if changed:
        return t.ngettext(
            "Changed: your order has %(count)s line so far.",
            "Changed: your order has %(count)s lines so far.",
            lines,
        )
    return t.ngettext(
        "Added: your order has %(count)s line so far.",
        "Added: your order has %(count)s lines so far.",
        lines,
    )


def reorder_header(t: Phrasebook, order_id: str) -> str:
    """The header of a draft made from an earlier order."""
    return t._("Same as order #%(order_id)s, at today's prices:", order_id=order_id)


def promotions(t: Phrasebook, running: Sequence[Promotion], catalog: Mapping[str, CatalogItem], opted_in: bool) -> str:
    """The store's current offers: each item at its offer price, and until when."""
    offers = []
    for promotion in running:
        for offer in promotion.items:
            item = catalog.get(offer.sku)
            if item is not None:
                price = f"{t.money(offer.offer_price, item.currency)}/{unit_name(t, item.sell_unit, 1)}"
                offers.append(
                    t._(
                        "%(product)s %(price)s (was %(regular)s)",
                        product=short_name(item),
                        price=price,
                        regular=t.money(item.price),
                    )
                )
        if offers:
            offers[-1] += " " + t._("till %(day)s", day=t.day(promotion.ends_at))
    if not offers:
        return t._(NO_OFFERS)
    text = t._("Offers: %(offers)s.", offers="; ".join(offers))
    if opted_in:
        return text
    return text + " " + t._("Reply START to get offers by message.")
