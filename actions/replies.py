"""What the assistant says: short plain text that reads well on a 160-character SMS screen."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Mapping, Sequence

from actions.drafts import Choice, PricedDraft, PricedLine
from backend.catalog import CatalogItem
from backend.models import LineProblem, Order, Promotion, Store

# About three SMS segments; longer summaries are sent a page at a time ("reply MORE").
PAGE_CHARS = 400

UNAVAILABLE = "Sorry, I can't reach the order system right now, please try again in a few minutes."
NOT_REGISTERED = (
    "This number is not registered with a store, so I can't take orders from it yet. "
    "Ask your sales rep to add this number to your store, then message again."
)
CAPABILITIES = (
    "I can take orders (e.g. 5 ctn soda 300ml, 2 bags sugar 50kg), check prices, order STATUS, CANCEL, "
    "reorder (same as last week), offers, STOP/START promos, AGENT for a person."
)
CONFIRM_PROMPT = "Reply YES to confirm, NO to drop it, or edit: 2 = 10, remove 3, add 2 soap 1kg."
NOTHING_TO_CONFIRM = "There is no order waiting for a YES. Send the items you need, e.g. 5 ctn soda 300ml."
DRAFT_DISCARDED = "OK, I dropped that draft. Nothing was ordered. Send a new order any time."
NO_ITEMS = "I couldn't find any items in that. Send e.g. 5 ctn soda 300ml, 2 bags sugar 50kg."
NO_ORDERS = "I can't find any orders for your store yet. Send the items you need to place one."
HANDOFF = "OK, someone from our team will reply here soon."
HANDBACK = "I'm back. Send your order, or reply HELP for what I can do."
OPTED_OUT = "Done: you won't get promotions any more. Reply START to get them again."
OPTED_IN = "Done: you'll get our offers. Reply STOP any time to stop them."
NO_OFFERS = "There are no offers right now. I'll tell you when there are."
PRICE_WHAT = "Which product? Send e.g. price of sugar 2kg."
NO_MORE = "That was everything. Reply YES to confirm an open order, or send a new one."

_PROBLEM_TEXT = {
    "out_of_stock": "out of stock",
    "not_enough_stock": "not enough stock",
    "below_minimum": "below the minimum order",
    "discontinued": "no longer sold",
    "unknown_sku": "not in the catalog",
    "invalid_quantity": "quantity not accepted",
}


def money(amount: Decimal, currency: str = "") -> str:
    """`KES 3,300` or `KES 1,080.50`: no cents when there are none."""
    text = f"{amount:,.2f}".removesuffix(".00")
    return f"{currency} {text}".strip()


def short_name(item: CatalogItem) -> str:
    """The catalog name up to its pack description (`Coca-Cola 300ml glass bottle`)."""
    return item.name.split(",")[0].strip()


def day(value: date | str) -> str:
    """`Tue 3 Jun`."""
    when = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{when:%a} {when.day} {when:%b}"


def _unit(item: CatalogItem, quantity: int) -> str:
    unit = item.sell_unit
    if quantity == 1 or unit.endswith("s"):
        return unit
    return f"{unit}es" if unit.endswith(("x", "ch")) else f"{unit}s"


def problem_text(line: PricedLine) -> str:
    """Why a line can't be ordered, and what would work instead."""
    item = line.item
    reason = _PROBLEM_TEXT.get(line.problem or "", line.problem or "")
    if item is not None and line.problem == "not_enough_stock":
        reason = f"only {item.stock} left"
    if item is not None and line.problem == "below_minimum":
        reason = f"minimum is {item.min_order_qty} {_unit(item, item.min_order_qty)}"
    if line.alternative is not None:
        reason += f"; try {short_name(line.alternative)} {money(line.alternative.price)}/{line.alternative.sell_unit}"
    return reason


def draft_line(line: PricedLine) -> str:
    """`1) Coca-Cola 300ml glass bottle 5 crates x 660 = 3,300`."""
    if line.item is None:
        return f"{line.number}) {line.sku} x{line.quantity}: {problem_text(line)}"
    item = line.item
    text = f"{line.number}) {short_name(item)} {line.quantity} {_unit(item, line.quantity)} x {money(item.price)}"
    if line.problem:
        return f"{text}: {problem_text(line)}"
    return f"{text} = {money(line.line_total)}"


def draft_summary(
    priced: PricedDraft, delivery: date, unknown: Sequence[str] = (), header: str = "Your order:"
) -> list[str]:
    """The summary as lines of text: numbered lines, total, delivery estimate, what was not understood."""
    lines = [header, *(draft_line(line) for line in priced.lines)]
    if priced.lines:
        counted = " (lines with a problem not counted)" if priced.has_problems else ""
        lines.append(f"Total {money(priced.total, priced.currency)}{counted}. Delivery by {day(delivery)}.")
    else:
        lines.append("No items yet.")
    if unknown:
        lines.append(f"We don't sell or couldn't find: {', '.join(unknown)}.")
    return lines


def product_words(phrase: str) -> str:
    """The product part of an item phrase: "3 zuri cola" asks "Which zuri cola?", the quantity is known."""
    return re.sub(r"^\s*\d+\s*(?:x\s*)?", "", phrase) or phrase


def choice_question(choice: Choice, catalog: Mapping[str, CatalogItem]) -> tuple[str, list[dict[str, str]]]:
    """`Which coke? 1) ... 2) ...` and its buttons; the payload is the number, so SMS works the same."""
    options = []
    buttons = []
    for number, sku in enumerate(choice.candidates, start=1):
        item = catalog.get(sku)
        title = f"{short_name(item)} {money(item.price)}/{item.sell_unit}" if item else sku
        options.append(f"{number}) {title}")
        buttons.append({"title": title, "payload": str(number)})
    return f"Which {product_words(choice.phrase)}? " + " ".join(options) + ". Reply with the number.", buttons


def pages(lines: Sequence[str], limit: int = PAGE_CHARS) -> list[str]:
    """The lines joined into pages of at most `limit` characters, split between lines."""
    result: list[str] = []
    current = ""
    for line in lines:
        candidate = f"{current}\n{line}" if current else line
        if current and len(candidate) > limit:
            result.append(current)
            current = line
        else:
            current = candidate
    if current:
        result.append(current)
    return result


def order_placed(order: Order) -> str:
    """The answer to YES: order number, total and delivery date."""
    count = len(order.lines)
    return (
        f"Order #{order.order_id} placed: {count} line{'s' if count != 1 else ''}, "
        f"total {money(order.total, order.currency)}. Delivery by {day(order.estimated_delivery)}. "
        "Reply STATUS any time."
    )


def already_placed(order_id: str) -> str:
    """A second YES after the order went through."""
    return f"Your order #{order_id} is already placed. Reply STATUS to see where it is."


def order_rejected(problems: Sequence[LineProblem], priced: PricedDraft, message: str) -> str:
    """Why the platform refused the order, line by line, and how to fix it."""
    by_sku = {line.sku: line for line in priced.lines}
    parts = []
    for problem in problems:
        line = by_sku.get(problem.sku)
        if line is None:
            continue
        name = short_name(line.item) if line.item else line.sku
        shown = PricedLine(
            line.number, line.item, line.sku, line.quantity, line.line_total, problem.code, line.alternative
        )
        if problem.code == "out_of_stock" and problem.available:
            shown = PricedLine(
                line.number, line.item, line.sku, line.quantity, line.line_total, "not_enough_stock", line.alternative
            )
        parts.append(f"Line {line.number} {name}: {problem_text(shown)}.")
    if not parts:
        parts.append(message.rstrip(".") + ".")
    return "I couldn't place the order. " + " ".join(parts) + " Edit it (e.g. remove 2) and reply YES."


def over_credit(message: str) -> str:
    """The order is over the store's credit limit."""
    return (
        f"I couldn't place the order: {message.rstrip('.')}. Reduce it (e.g. 1 = 2, remove 3) or pay, then reply YES."
    )


def order_status(order: Order) -> str:
    """Where an order is."""
    total = money(order.total, order.currency)
    if order.status == "delivered":
        return f"Order #{order.order_id} ({total}) was delivered."
    if order.status == "cancelled":
        return f"Order #{order.order_id} ({total}) was cancelled."
    where = {"placed": "received", "confirmed": "confirmed and being packed", "dispatched": "on the way"}
    state = where.get(order.status, order.status)
    return f"Order #{order.order_id} ({total}) is {state}. Delivery by {day(order.estimated_delivery)}."


def order_not_found(order_id: str) -> str:
    """An order number that isn't this store's."""
    return f"I can't find order #{order_id} for your store. Check the number, or reply STATUS for your latest order."


def confirm_cancel(order: Order) -> str:
    """The question before cancelling."""
    return (
        f"Cancel order #{order.order_id} ({money(order.total, order.currency)})? Reply YES to cancel or NO to keep it."
    )


def not_cancellable(order: Order) -> str:
    """Why an order can no longer be cancelled."""
    if order.status == "cancelled":
        return f"Order #{order.order_id} is already cancelled."
    return (
        f"Order #{order.order_id} is already {order.status}, so it can't be cancelled here. "
        "Reply AGENT to talk to our team."
    )


def cancelled(order: Order) -> str:
    """The cancel went through."""
    return f"Order #{order.order_id} is cancelled. Nothing will be delivered or charged."


def kept(order_id: str) -> str:
    """NO to the cancel question."""
    return f"OK, order #{order_id} stays as it is."


def which_store(stores: Sequence[Store]) -> tuple[str, list[dict[str, str]]]:
    """The question for a phone that serves several stores."""
    options = " ".join(f"{n}) {store.name}" for n, store in enumerate(stores, start=1))
    buttons = [{"title": store.name, "payload": str(n)} for n, store in enumerate(stores, start=1)]
    return f"Which store is this for? {options}. Reply with the number.", buttons


def store_chosen(store_name: str) -> str:
    """After the owner picks a store."""
    return f"OK, {store_name}."


@dataclass(frozen=True)
class PriceAnswer:
    """One product's price and availability, for a price check."""

    item: CatalogItem
    quantity: int


def price_lines(answers: Sequence[PriceAnswer], unknown: Sequence[str]) -> list[str]:
    """`Coca-Cola 300ml glass bottle: KES 660/crate, in stock.` for each product asked about."""
    lines = []
    for answer in answers:
        item = answer.item
        if not item.active:
            availability = "no longer sold"
        elif item.stock <= 0:
            availability = "out of stock"
        else:
            availability = "in stock"
        text = f"{short_name(item)}: {money(item.price, item.currency)}/{item.sell_unit}, {availability}"
        if answer.quantity > 1 and item.active:
            text += f"; {answer.quantity} = {money(item.price * answer.quantity)}"
        lines.append(text + ".")
    if unknown:
        lines.append(f"We don't sell or couldn't find: {', '.join(unknown)}.")
    return lines


def dropped(lines: int) -> str:
    """Said when a new order replaces an unconfirmed draft."""
    return f"Started a new order; the earlier unconfirmed draft ({lines} line{'s' if lines != 1 else ''}) was dropped."


def promotions(running: Sequence[Promotion], catalog: Mapping[str, CatalogItem], opted_in: bool) -> str:
    """The store's current offers: each item at its offer price, and until when."""
    offers = []
    for promotion in running:
        for offer in promotion.items:
            item = catalog.get(offer.sku)
            if item is not None:
                price = money(offer.offer_price, item.currency)
                offers.append(f"{short_name(item)} {price}/{item.sell_unit} (was {item.price:.0f})")
        if offers:
            offers[-1] += f" till {promotion.ends_at[:10]}"
    if not offers:
        return NO_OFFERS
    tail = "" if opted_in else " Reply START to get offers by message."
    return "Offers: " + "; ".join(offers) + "." + tail
