"""The conversation steps: thin actions that read slots, call the order reader and the platform, and reply."""

from __future__ import annotations

import abc
import enum
import logging
import re
import time
import uuid
from dataclasses import dataclass, field, replace
from typing import Any, Sequence

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from redis.exceptions import RedisError

from actions import replies
from actions.drafts import (
    HOW_MANY,
    PICK_A_NUMBER,
    AddItems,
    Choice,
    Cue,
    Draft,
    EditRejected,
    Joining,
    Pick,
    PricedDraft,
    RemoveLine,
    RemoveProduct,
    SetProductQuantity,
    SetQuantity,
    TakeOff,
    add_parse,
    adds_alone,
    alternative_for,
    alternative_requests,
    amount_in,
    amounts_in,
    answers_by_size,
    answers_choice,
    asks_a_price_alone,
    choose,
    corrects_alone,
    counts_packs,
    credit_fix,
    draft_from_lines,
    draft_lines,
    grouped,
    in_list_order,
    joining,
    narrow,
    new_draft,
    of_size,
    order_ref,
    price_draft,
    read_command,
    read_cue,
    remove_line,
    replace_quantities,
    says_only_amounts,
    set_named_quantity,
    set_quantity,
    settled_on_draft,
    skip_choice,
    take_off_named,
    takes_off_alone,
    whole_amount,
)
from actions.offers import pick_from_offer, with_minimums
from actions.platform import PLATFORM, read_order
from backend.catalog import CatalogItem
from backend.errors import Conflict, NotFound, OrderRejected, PlatformError
from backend.models import Order
from i18n import Phrasebook, detect_language, phrasebook, requested_language
from nlu import AmbiguousItem, Catalog, OrderParse, sold_in_other_sizes
from nlu.chinese import HAN_RE
from nlu.lexicon import load_lexicon
from nlu.parser import says_yes

log = logging.getLogger("actions")

# A language named in a message this short is a request to switch, whatever the classifier made of it.
SWITCH_REQUEST_WORDS = 5


def yes_no(t: Phrasebook) -> list[dict[str, str]]:
    """The YES and NO buttons, titled in the owner's language; the payloads are the same everywhere."""
    return [
        {"title": t.pgettext("button", "YES"), "payload": "yes"},
        {"title": t.pgettext("button", "NO"), "payload": "no"},
    ]


class Awaiting(str, enum.Enum):
    """The `awaiting` slot: the question the assistant asked last, which the owner's next message answers."""

    STORE = "store"  # which of the phone's stores the message is for
    ORDER = "order"  # YES to place the draft shown
    JOIN = "join"  # whether items sent while a draft is open join it or start anew
    CANCEL = "cancel"  # YES to cancel an order


@dataclass
class Turn:
    """One run of an action: what the owner said, for which store, and the events to return."""

    dispatcher: CollectingDispatcher
    tracker: Tracker
    text: str
    t: Phrasebook = field(default_factory=lambda: phrasebook(None))
    store_id: str = ""
    events: list[EventType] = field(default_factory=list)
    learned: dict[str, str] = field(default_factory=dict)

    def say(self, text: str, buttons: Sequence[dict[str, str]] | None = None, **kwargs: Any) -> None:
        """Send one reply."""
        self.dispatcher.utter_message(text=text, buttons=list(buttons or []), **kwargs)

    def set(self, slot: str, value: Any) -> None:
        """Set a slot when the action ends."""
        self.events.append(SlotSet(slot, value))

    def awaits(self, answer: Awaiting | None) -> None:
        """Keep the question the owner's next message answers (None: no question open)."""
        self.set("awaiting", None if answer is None else answer.value)

    @property
    def awaiting(self) -> Awaiting | None:
        """The question this message answers, if one is open."""
        value = self.slot("awaiting")
        return next((answer for answer in Awaiting if answer.value == value), None)

    @property
    def metadata(self) -> dict[str, Any]:
        """What the gateway sent with the message: its channel, its id, the promotion it answers."""
        metadata = self.tracker.latest_message.get("metadata")
        return metadata if isinstance(metadata, dict) else {}

    def slot(self, name: str) -> Any:
        """A slot's value as this turn has left it so far."""
        for event in reversed(self.events):
            if event.get("event") == "slot" and event.get("name") == name:
                return event.get("value")
        return self.tracker.get_slot(name)

    @property
    def draft(self) -> Draft | None:
        """The open draft, if any. One an older version wrote in a shape this one cannot read is dropped, the owner
        told so once and the YES it waited for forgotten, rather than every message after failing on it."""
        data = self.slot("draft")
        if not data:
            return None
        try:
            return Draft.from_slot(data)
        except (AttributeError, KeyError, TypeError, ValueError):
            log.warning("unreadable draft dropped")
            self.set("draft", None)
            if self.awaiting in (Awaiting.ORDER, Awaiting.JOIN):
                self.awaits(None)
            self.say(self.t._(replies.DRAFT_UNREADABLE))
            return None

    @property
    def waiting_draft(self) -> Draft | None:
        """The open draft when it still holds a line or a question, the order waiting for the owner; else None."""
        draft = self.draft
        return draft if draft is not None and (draft.lines or draft.choices) else None

    def speak(self, tag: str, chosen: bool = False) -> None:
        """Reply in language `tag` from now on; kept in the `language` slot (the gateway reads it too)."""
        self.t = phrasebook(tag)
        if self.slot("language") != self.t.tag:
            self.set("language", self.t.tag)
        if chosen and not self.slot("language_chosen"):
            self.set("language_chosen", True)


async def reply_language(turn: Turn) -> str:
    """The language to answer in: the owner's choice, else the store's, else the one the message is written in."""
    if turn.slot("language_chosen") and turn.slot("language"):
        return str(turn.slot("language"))
    phone = turn.tracker.sender_id
    try:
        store_id = turn.slot("store_id")
        if store_id:
            return await PLATFORM.store_language(store_id, phone)
        languages = {store.language for store in await PLATFORM.stores_for_phone(phone)}
        if len(languages) == 1:
            return languages.pop()
    except PlatformError as exc:
        log.warning("store language unavailable: %s", exc.code)
    return detect_language(turn.text) or turn.slot("language") or "en"


class TurnAction(Action, abc.ABC):
    """An action that answers in the owner's language and maps platform failures to a reply."""

    # A message whose words answer the open question or only ask prices is answered so, whatever intent the
    # classifier read; an action the owner asks for by name (a person, a language) is taken as asked.
    read_by_words = True
    # Whether the action's own step reads items: the others leave items said to join the open draft (`ongeza omo
    # moja zaidi` read as reorder) to the words.
    takes_items = False
    # Whether a message of products and nothing else (`kimbo`, `农夫山泉`) read as this action's intent is an order.
    products_are_orders = False

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        turn = Turn(dispatcher, tracker, tracker.latest_message.get("text") or "")
        turn.speak(await reply_language(turn))
        try:
            if self.read_by_words and turn.awaiting is Awaiting.JOIN and lets_join_question_go(turn):
                let_join_question_go(turn)
            if not (self.read_by_words and await answered_by_words(turn, self.name(), self.takes_items)):
                ordered = self.products_are_orders and await names_products_only(turn)
                await (ActionTakeOrder() if ordered else self).serve(turn)
        except PlatformError as exc:
            log.warning("platform error in %s: %s", self.name(), exc.code)
            turn.say(turn.t._(replies.UNAVAILABLE))
        except Exception:
            # A fault of ours (a slot written by an older version, a bug) must not leave the owner unanswered, nor
            # keep half of the turn's changes: the owner is asked to try again, and the conversation stays as it was.
            log.exception("action %s failed", self.name())
            turn.say(turn.t._(replies.UNAVAILABLE))
            return []
        return turn.events

    @abc.abstractmethod
    async def serve(self, turn: Turn) -> None:
        """The action's step."""


class StoreAction(TurnAction, abc.ABC):
    """An action for a known store: finds the store from the phone number first."""

    needs_store = True
    # Sent while a shared phone is asked which store, the request is answered once it says: an order, a price
    # asked, an edit. A YES waits for nothing: no order was shown for it to confirm.
    waits_for_store = True
    # Whether items the action reads with no order open start a new one, which a shared phone says the store of.
    starts_orders = False

    async def serve(self, turn: Turn) -> None:
        """Answer the turn's text for its store: an offer picked, the store asked for, or the action's step."""
        if await order_from_offer(turn, self.name()):
            return
        if self.needs_store and not await find_store(
            turn, self.name() if self.waits_for_store else "", self.new_order(turn)
        ):
            return
        await self.respond(turn)

    def new_order(self, turn: Turn) -> bool:
        """Whether the message's items start a new order: read only by an action that starts orders."""
        if not self.starts_orders or turn.waiting_draft is not None:
            return False
        parse = attached_parse(turn)
        return parse is not None and not parse.is_empty

    @abc.abstractmethod
    async def respond(self, turn: Turn) -> None:
        """The action's own step."""


async def order_from_offer(turn: Turn, action_name: str) -> bool:
    """A reply picking items of the promotion the gateway says this phone just got starts a draft from them."""
    promotion = turn.metadata.get("promotion")
    if not isinstance(promotion, dict) or turn.draft is not None or turn.awaiting:
        return False
    picked = pick_from_offer(turn.text, promotion)
    if picked is None or not await find_store(turn, action_name):
        return picked is not None
    catalog = await PLATFORM.catalog(turn.store_id)
    minimums = {sku: item.min_order_qty for sku, item in catalog.items.items()}
    draft = draft_from_lines(uuid.uuid4().hex[:12], with_minimums(picked, minimums))
    await show_draft(turn, draft, catalog, header=turn.t._(replies.FROM_THE_OFFER))
    return True


async def answered_by_words(turn: Turn, action_name: str, takes_items: bool) -> bool:
    """True when the message's words answered it: a language asked for by name, a bare answer to the open question, a
    question of prices, or (for an action that reads no items) items said to join the open draft. Only the language
    while the owner is asked which store or how to join: those questions take the message as it comes."""
    parse = attached_parse(turn)
    if not (parse and (parse.lines or parse.ambiguous)) and switch_language(turn):
        # `en español por favor` read as a status question, `español` as YES: asked for, whatever the classifier read;
        # `french fries please` orders what a catalog sells.
        return True
    if turn.awaiting in (Awaiting.STORE, Awaiting.JOIN):
        return False
    if await answer_open_choice(turn, action_name) or await answer_price_question(turn, action_name):
        return True
    if await answer_total_asked(turn, action_name):
        return True
    if await amend_last_line(turn, action_name):
        return True
    return not takes_items and await join_by_cue(turn, action_name)


async def amend_last_line(turn: Turn, action_name: str) -> bool:
    """`make it 3`, `4 nahi 6`, `hapana, kreti 4` while an order waits: an amount said alone with a word correcting
    it sets the order's last line, or the item the open question asks which one of; `2 more`, `moja zaidi`, `再加两箱`
    add to it, and `minus 1`, `toa moja`, `ek kam karo` take off it; whatever the classifier read (`4 nahi 6` as NO,
    which would drop the order or the item). Said after the order went through, they change nothing, and the owner
    hears how to change it."""
    if not isinstance(read_command(turn.text), (AddItems, type(None))):
        return False
    more, less = adds_alone(turn.text), takes_off_alone(turn.text)
    said = amounts_in(turn.text)
    if not said or not counts_packs(turn.text) or not (more or less or corrects_alone(turn.text)):
        return False
    if not says_only_amounts(turn.text) or priced_just_before(turn.tracker) is not None:
        # Other words say something else (`is order no 10002 confirmed`); `add 4 of those` right after prices counts
        # the products priced.
        return False
    draft = turn.waiting_draft
    if draft is None:
        # Said after the order went through: the order stands, and the owner hears how to change it.
        if not turn.slot("last_order_id") or not await find_store(turn, action_name):
            return False
        parse = parse_text(turn, turn.text, await PLATFORM.catalog(turn.store_id))
        return parse.is_empty and await corrects_placed_order(turn, parse)
    choice = draft.choices[0] if draft.choices else None
    if choice.asks_amount if choice else not draft.lines:
        return False
    if not await find_store(turn, action_name):
        return True
    catalog = await PLATFORM.catalog(turn.store_id)
    sku, before = (choice.candidates[0], choice.quantity) if choice else (draft.lines[-1].sku, draft.lines[-1].quantity)
    item = catalog.items.get(sku)
    if item is None or not parse_text(turn, turn.text, catalog).is_empty:
        return False
    amount = said[0] if len(said) == 1 else amount_kept(turn, item, said, catalog)
    if amount is None or not amount.is_integer() or amount < 1:
        return False
    quantity = before - int(amount) if less else int(amount) + (before if more else 0)
    if choice is not None and quantity < 1:
        # All of the item asked about taken off: the question stands, its amount as it was.
        return False
    if choice is None:
        amended = set_quantity(draft, len(draft.lines), quantity)
    else:
        # Kept for the answer, said so, and the question asked again.
        amended = replace(
            draft, version=draft.version + 1, choices=(replace(choice, quantity=quantity), *draft.choices[1:])
        )
        say_kept_before_question(turn, draft, amended, changed=True)
    await show_draft(turn, amended, catalog)
    return True


def amount_kept(turn: Turn, item: CatalogItem, said: list[float], catalog: Catalog) -> float | None:
    """Of the amounts a correction says (`4 nahi 6`, `sorry 7 not 5`), the one it keeps: the reader reads them as said
    of the line's product, named with its sell unit first, so every language's words for taking an amount back count."""
    read = parse_text(turn, f"{replies.short_name(item)} {item.sell_unit}, {turn.text}", catalog)
    kept = [line.quantity for line in read.lines if line.sku == item.sku and line.quantity in said]
    return float(kept[0]) if len(read.lines) == 1 and kept else None


async def join_by_cue(turn: Turn, action_name: str) -> bool:
    """Items said with a word that joins them to the open draft (`one more`, `add`, `sorry, make it`) join it,
    whatever the classifier read."""
    if turn.waiting_draft is None or read_cue(turn.text)[0] is None:
        return False
    return await find_store(turn, action_name) and await take_items(turn, await PLATFORM.catalog(turn.store_id))


async def answer_price_question(turn: Turn, action_name: str) -> bool:
    """A message the reader finds only asking prices (`可乐多少钱一箱？` read as YES) is answered, whatever the
    classifier read; what it asks about never joins the draft."""
    parse = attached_parse(turn)
    # Only products the catalog has: `jumla ni ngapi?` (what is my total) asks no product's price.
    if not (parse and parse.asks_prices and parse.skus):
        return False
    if await find_store(turn, action_name):
        catalog = await PLATFORM.catalog(turn.store_id)
        await answer_prices(turn, parse_text(turn, turn.text, catalog), catalog)
    return True


async def answer_total_asked(turn: Turn, action_name: str) -> bool:
    """`how much is all that?` while an order waits, read as help or not understood: the order and its total; `多少钱一
    箱？`, `how much?` while it asks which one or how many: the prices of what the question offers, and it again."""
    draft = turn.waiting_draft
    if draft is None or not asks_a_price_alone(turn.text):
        return False
    if await find_store(turn, action_name):
        catalog = await PLATFORM.catalog(turn.store_id)
        if not draft.choices:
            await show_draft(turn, draft, catalog)
            return True
        offered = [catalog.items[sku] for sku in draft.choices[0].candidates if sku in catalog.items]
        turn.say("\n".join(replies.price_lines(turn.t, [replies.PriceAnswer(item, 1) for item in offered[:6]], [])))
        await ask_open_question_again(turn, catalog)
    return True


async def answer_open_choice(turn: Turn, action_name: str) -> bool:
    """A bare number while the draft asks which one or how many, or words naming some of the products it offers,
    answer that question, whatever the classifier read (`tatu` as a status question, `1L` as a greeting)."""
    draft = turn.draft
    if draft is None or not draft.choices:
        return False
    choice = draft.choices[0]
    # Read last, as it needs the catalog: sizes are alike at every store's prices, so without the store's offers.
    if not (
        answers_choice(turn.text, choice)
        or narrows_choice(turn, choice)
        or answers_by_size(turn.text, choice, (await PLATFORM.catalog()).items)
    ):
        return False
    if await find_store(turn, action_name):
        await edit_open_draft(turn, draft)
    return True


def narrows_choice(turn: Turn, choice: Choice) -> bool:
    """True when every item the reader finds in the message is among the products the open question offers (`rina`
    asked which brand of cooking oil, `jogoo` which 2kg flour): it answers the question rather than adding an item to
    ask about after it. Naming all of several offered (`coke` asked which cola) says the question again."""
    parse = attached_parse(turn)
    if parse is None or parse.asks_prices:
        # `how much is rosy tissue?` asked which rosy tissue: its prices are answered, and the question asked again.
        return False
    offered = set(choice.candidates)
    items = [{line.sku} for line in parse.lines] + [set(item.candidates) for item in parse.ambiguous]
    named = set(parse.skus) & offered
    some = named < offered or (named == offered and len(offered) > 1)
    return bool(items) and not parse.unknown and all(item & offered for item in items) and some


def attached_parse(turn: Turn) -> OrderParse | None:
    """The order reader's parse of the message, which Rasa's pipeline attaches, on the catalog at no store's prices."""
    attached = turn.tracker.latest_message.get("order")
    return OrderParse.from_json(attached) if isinstance(attached, dict) else None


async def names_products_only(turn: Turn) -> bool:
    """True when the message is products and nothing else (`rice`, `pepsi`, `nyota 2`): an order, though the
    classifier, never having seen a brand, may read it as a greeting or thanks."""
    parse = attached_parse(turn)
    if parse is None or not (parse.lines or parse.ambiguous):
        return False
    draft = turn.draft
    if draft is not None and draft.choices and not set(parse.skus).isdisjoint(draft.choices[0].candidates):
        # `kimbo` to `Did you mean Kimbo Cooking Fat 1kg?` says yes to it.
        return False
    return (await PLATFORM.catalog()).index.writes_every_word(turn.text)


async def learned_phrases(store_id: str) -> dict[str, str]:
    """The store's own names for products; ordering goes on without them if Redis is away."""
    if not store_id:
        return {}
    try:
        return await PLATFORM.aliases.get(store_id)
    except RedisError as exc:
        log.warning("learned phrases unavailable: %s", type(exc).__name__)
        return {}


async def pick(turn: Turn, draft: Draft, option: int) -> Draft:
    """The open choice answered with an option's number (typed, or YES to the one offered): remembered as the owner's
    name for that product, then chosen."""
    if draft.choices:
        await learn_choice(turn, draft, option)
    return choose(draft, option)


async def learn_choice(turn: Turn, draft: Draft, option: int) -> None:
    """Remember which SKU the owner meant by the phrase of the choice they just answered."""
    choice = draft.choices[0]
    if choice.groups or not turn.store_id or not 1 <= option <= len(choice.candidates):
        return
    try:
        await PLATFORM.aliases.learn(turn.store_id, replies.product_words(choice.phrase), choice.candidates[option - 1])
    except RedisError as exc:
        log.warning("could not learn a phrase: %s", type(exc).__name__)


# The most requests kept for a shared phone's answer to `which store?`.
MAX_WAITING = 5


async def find_store(turn: Turn, action_name: str, new_order: bool = False) -> bool:
    """Put the store's id on the turn; ask which store when the phone serves several, or explain registering.
    The request of `action_name` (none when empty) waits for the answer. A phone of several stores is asked again
    for the first `new_order` after one is placed; the store it named last stands for everything else."""
    turn.store_id = turn.slot("store_id") or ""
    if turn.store_id and not (new_order and turn.slot("store_options")):
        turn.learned = await learned_phrases(turn.store_id)
        return True
    stores = await PLATFORM.stores_for_phone(turn.tracker.sender_id)
    if not stores:
        turn.say(turn.t._(replies.NOT_REGISTERED))
        return False
    if len(stores) == 1:
        turn.store_id = stores[0].store_id
        turn.set("store_id", turn.store_id)
        turn.learned = await learned_phrases(turn.store_id)
        return True
    question, buttons = replies.which_store(turn.t, stores)
    turn.say(question, buttons)
    # Every request sent before the answer waits for it, in order: an order, then a price asked after it.
    resume = turn.slot("resume") if turn.awaiting is Awaiting.STORE else None
    waiting = resume.get("requests", []) if isinstance(resume, dict) else []
    turn.awaits(Awaiting.STORE)
    turn.set("store_options", [store.store_id for store in stores])
    if action_name:
        waiting = [*waiting, {"action": action_name, "text": turn.text}]
    turn.set("resume", {"requests": waiting[-MAX_WAITING:]})
    return False


def keep_draft(turn: Turn, draft: Draft | None) -> None:
    """Store the draft in its slot (or clear it), with YES now meaning: place it."""
    turn.set("draft", draft.to_slot() if draft else None)
    turn.awaits(Awaiting.ORDER if draft else None)


async def show_draft(
    turn: Turn,
    draft: Draft,
    catalog: Catalog,
    unknown: Sequence[replies.Unsold] = (),
    header: str = "",
    recap: bool = False,
) -> None:
    """Ask the next open choice, or show the summary as the platform quotes it and ask for YES; page it when long.
    With `recap` (the owner asked to see the order, or comes back to it), the lines settled so far come before an
    open choice."""
    t = turn.t
    if draft.choices:
        if recap and draft.lines:
            settled = await quote_draft(turn, replace(draft, choices=()), catalog)
            summary = replies.draft_summary(t, settled, PLATFORM.delivery_estimate(), header=header)
            for page in replies.pages(summary, turn.metadata.get("channel", "")):
                turn.say(page)
        draft = replace(draft, choices=(grouped(draft.choices[0], catalog.items), *draft.choices[1:]))
        question, buttons = ask_choice(t, draft.choices[0], catalog)
        if unknown:
            question = replies.sentences(replies.not_found(t, unknown), question)
        turn.say(question, buttons)
        keep_draft(turn, draft)
        return
    if not draft.lines:
        turn.say(replies.not_found(t, unknown) if unknown else t._(replies.NO_ITEMS))
        keep_draft(turn, None)
        return
    priced = await quote_draft(turn, draft, catalog)
    lines = replies.draft_summary(t, priced, PLATFORM.delivery_estimate(), unknown, header)
    say_pages(turn, [*lines, t._(replies.CONFIRM_PROMPT)], confirm_buttons(t, priced))
    keep_draft(turn, replace(draft, priced_at=time.time()))


def ask_choice(t: Phrasebook, choice: Choice, catalog: Catalog) -> tuple[str, list[dict[str, str]]]:
    """The question an open choice asks: which product, or how many of the one product."""
    if choice.asks_amount:
        return replies.amount_question(t, choice, catalog.items), []
    if choice.groups:
        return replies.group_question(t, choice)
    return replies.choice_question(t, choice, catalog.items)


def confirm_buttons(t: Phrasebook, priced: PricedDraft) -> list[dict[str, str]]:
    """YES and NO; over the credit limit, the cut that fits takes YES's place, a button on WhatsApp that makes it."""
    buttons = yes_no(t)
    fix = credit_fix(priced)
    if fix is None:
        return buttons
    line, keep = fix
    cut = f"{line.number} = {keep}"
    return [{"title": cut, "payload": cut}, *buttons[1:]]


async def quote_draft(turn: Turn, draft: Draft, catalog: Catalog) -> PricedDraft:
    """The draft at the platform's quote for the store: prices it pays, every limit, the credit available."""
    quote = await PLATFORM.client.quote(turn.store_id, draft_lines(draft))
    alternatives = {
        sku: alternative_for(catalog.items[sku], await PLATFORM.client.quote(turn.store_id, siblings), catalog.items)
        for sku, siblings in alternative_requests(draft, catalog.items, quote).items()
    }
    return price_draft(draft, catalog.items, quote, alternatives)


def say_pages(turn: Turn, lines: Sequence[str], buttons: Sequence[dict[str, str]] = ()) -> None:
    """Send the first page and keep the rest for MORE; buttons go with the last page."""
    chunks = replies.pages(lines, turn.metadata.get("channel", ""))
    if len(chunks) == 1:
        turn.say(chunks[0], buttons)
        turn.set("more_pages", None)
        return
    turn.say(chunks[0] + "\n" + turn.t._(replies.MORE_PROMPT))
    turn.set("more_pages", chunks[1:])


def parse_text(turn: Turn, text: str, catalog: Catalog) -> OrderParse:
    """The order reader's parse of `text`."""
    return read_order(text, turn.tracker.latest_message, catalog, turn.learned)


def amount_said(turn: Turn, draft: Draft, catalog: Catalog) -> int:
    """How many of the product asked about the answer says: the amount the reader finds for that product
    (`可乐改成3箱`, `make it 2 trays zuri cola`), else the answer's first number."""
    asked = draft.choices[0].candidates[0]
    said = [
        line.quantity for line in parse_text(turn, turn.text, catalog).lines if line.sku == asked and whole_amount(line)
    ]
    return said[0] if said else amount_in(turn.text)


async def edit_open_draft(turn: Turn, draft: Draft) -> None:
    """Apply a typed edit or a numbered answer to the open draft and show it again."""
    catalog = await PLATFORM.catalog(turn.store_id)
    command = read_command(turn.text)
    unknown: list[replies.Unsold] = []
    before = draft
    try:
        if draft.choices and draft.choices[0].asks_amount and (command is None or isinstance(command, Pick)):
            draft = choose(draft, command.option if isinstance(command, Pick) else amount_said(turn, draft, catalog))
        elif isinstance(command, Pick):
            draft = await pick(turn, draft, command.option)
        elif isinstance(command, SetQuantity):
            draft = set_quantity(draft, command.line, command.quantity)
        elif isinstance(command, RemoveLine):
            draft = remove_line(draft, command.line)
        elif isinstance(command, (RemoveProduct, SetProductQuantity)):
            quantity = command.quantity if isinstance(command, SetProductQuantity) else 0
            draft = set_named_quantity(draft, named_skus(turn, command.phrase, draft, catalog), quantity)
        elif isinstance(command, TakeOff):
            draft = take_off_named(draft, named_skus(turn, command.phrase, draft, catalog), command.amount)
        elif isinstance(command, AddItems):
            parse = parse_text(turn, command.text, catalog)
            if read_cue(turn.text)[0] is Cue.MORE:
                parse = settled_on_draft(draft, parse)
            unknown = unsold(parse, catalog)
            draft = add_parse(draft, other_sizes_offered(parse, catalog))
        elif draft.choices:
            chosen = await choose_by_words(turn, draft, catalog)
            if chosen is None:
                return
            draft = chosen
        else:
            turn.say(replies.sentences(turn.t._(replies.CHANGE_NOT_UNDERSTOOD), turn.t._(replies.CONFIRM_PROMPT)))
            return
    except EditRejected as exc:
        if draft.choices:
            # The question still open is asked again: the edit left it waiting.
            turn.say(replies.edit_rejected(turn.t, exc))
            await show_draft(turn, draft, catalog)
        else:
            turn.say(replies.sentences(replies.edit_rejected(turn.t, exc), turn.t._(replies.CONFIRM_PROMPT)))
        return
    if command is not None and not isinstance(command, Pick):
        say_kept_before_question(turn, before, draft, changed=not isinstance(command, AddItems))
    await show_draft(turn, draft, catalog, unknown)


def say_kept_before_question(turn: Turn, before: Draft, after: Draft, changed: bool) -> None:
    """Items or an edit that leave a question open, whose reply is that question: say they were not lost behind it."""
    if not after.choices:
        return
    if after.lines != before.lines or (changed and after.choices != before.choices):
        turn.say(replies.joined_before_question(turn.t, len(after.lines), changed))
    elif before.choices and len(after.choices) > len(before.choices):
        turn.say(turn.t._(replies.ASKED_AFTER))


def named_skus(turn: Turn, phrase: str, draft: Draft, catalog: Catalog) -> list[str]:
    """The SKUs a product phrase in an edit names: what the reader matches (on a line or an open question), or else
    the draft's lines whose name, brand or alias has every word of it (`futa ketepa` with Ketepa tea bags ordered,
    where `ketepa` alone reads as the loose teas)."""
    skus = parse_text(turn, phrase, catalog).skus
    if any(line.sku in skus for line in draft.lines) or any(set(c.candidates) & set(skus) for c in draft.choices):
        return skus
    chatter = load_lexicon().chatter_words
    words = [word for word in phrase.lower().split() if word not in chatter]

    def named(item: CatalogItem) -> bool:
        names = " ".join((item.name, item.brand, *item.aliases)).lower()
        name_words = set(re.findall(r"\w+", names))
        return all(word in names if HAN_RE.search(word) else word in name_words for word in words)

    return [line.sku for line in draft.lines if words and line.sku in catalog.items and named(catalog.items[line.sku])]


async def choose_by_words(turn: Turn, draft: Draft, catalog: Catalog) -> Draft | None:
    """The open choice answered in words: a size (`5L`), one product (`the 500ml one`, learned as the
    owner's name for it), or fewer products to choose among (`golden fry`). Words naming none of them but other items
    (`不对，牛肉面改成6箱` while asked which oil) change the draft as items do, and the question stays: None."""
    choice = draft.choices[0]
    named = [sku for sku in dict.fromkeys(parse_text(turn, turn.text, catalog).skus) if sku in choice.candidates]
    sized = of_size(turn.text, choice.candidates, catalog.items)
    picked = [sku for sku in named if sku in sized] if named and sized else named or sized
    if not picked and await take_items(turn, catalog):
        return None
    if not picked or len(picked) == len(choice.candidates):
        raise EditRejected(PICK_A_NUMBER, count=len(choice.groups or choice.candidates))
    if len(picked) == 1 and not choice.groups:
        await learn_choice(turn, draft, choice.candidates.index(picked[0]) + 1)
    return narrow(draft, picked)


async def choose_store(turn: Turn, action_name: str) -> None:
    """The answer to `which store?`: remember it and carry on with what the owner asked for. An edit sent instead
    (`remove fanta`) waits for the answer with the order it edits."""
    options = turn.slot("store_options") or []
    command = read_command(turn.text)
    if command is not None and not isinstance(command, Pick):
        await find_store(turn, action_name)
        return
    if not isinstance(command, Pick) or not 1 <= command.option <= len(options):
        if await names_products_only(turn):
            # An order named instead of a store waits for the answer with the others, the question asked again.
            await find_store(turn, ActionTakeOrder().name())
        else:
            turn.say(turn.t._(PICK_A_NUMBER, count=len(options)))
        return
    store = await PLATFORM.client.store(options[command.option - 1])
    if not turn.slot("language_chosen"):
        turn.speak(store.language)
    turn.say(replies.store_chosen(turn.t, store.name))
    turn.set("store_id", store.store_id)
    turn.awaits(None)
    turn.set("store_options", None)
    resume = turn.slot("resume")
    turn.set("resume", None)
    if not isinstance(resume, dict):
        return
    # The requests that waited for the answer are answered in this same turn, in the order they came: a
    # follow-up action would leave the rules without a step to predict after it.
    actions = {action.name(): action for action in store_actions()}
    for request in resume.get("requests", []):
        waiting = actions.get(request.get("action"))
        if waiting is not None:
            turn.text = str(request.get("text", ""))
            await waiting.serve(turn)


def store_actions() -> list[StoreAction]:
    """Every action that serves a store, one of each."""
    return [cls() for cls in StoreAction.__subclasses__()]


class ActionTakeOrder(StoreAction):
    """Items in a message start a draft or join the open one; an edit command edits it."""

    takes_items = True

    starts_orders = True

    def name(self) -> str:
        return "action_take_order"

    async def respond(self, turn: Turn) -> None:
        draft = turn.draft
        if draft is not None and read_command(turn.text) is not None:
            await edit_open_draft(turn, draft)
            return
        if await take_items(turn, await PLATFORM.catalog(turn.store_id)) or await order_what_was_priced(turn):
            return
        if draft is not None and draft.choices:
            # No items: the words answer the open question, or it is asked again with what it needs.
            await edit_open_draft(turn, draft)
        else:
            turn.say(turn.t._(replies.NO_ITEMS))


async def order_what_was_priced(turn: Turn) -> bool:
    """`send 2 of each`, `ok 3`, after `how much is omo 1kg and kimbo 1kg`: the products just priced, that many of
    each, start a draft (or join the open one). False when the message says no amount or nothing was priced."""
    asked = priced_just_before(turn.tracker)
    amount = amount_in(turn.text)
    if asked is None or not amount or isinstance(read_command(turn.text), Pick):
        # A number alone (`2`) answers the question open, if any.
        return False
    counted = OrderParse(turn.text, tuple(replace(line, quantity=amount) for line in asked.lines))
    await put_on_draft(turn, counted, Cue.ADD, await PLATFORM.catalog(turn.store_id))
    return True


def has_items(parse: OrderParse) -> bool:
    """True when a parse names anything to order, found in the catalog or not."""
    return bool(parse.lines or parse.ambiguous or parse.unknown)


async def take_items(turn: Turn, catalog: Catalog) -> bool:
    """The message's items as a new draft, or joined to the open one as the owner says (`and also`, `one more`,
    `new order`) or as they read; asks once when that is unclear. False when the message has no items."""
    cue, text = read_cue(turn.text)
    parse = parse_text(turn, text, catalog)
    draft = turn.draft
    if parse.asks_prices or (cue is None and await asks_after_products(turn, parse)):
        # `how much is omo 1kg`, `sukari ya kipepeo 50kg?` read as an order by the classifier: answered, not ordered.
        await answer_prices(turn, parse, catalog)
        return True
    if not has_items(parse):
        if cue is Cue.NEW and draft is not None:
            turn.say(turn.t._(replies.DRAFT_DISCARDED))
            keep_draft(turn, None)
            turn.set("more_pages", None)
            return True
        return False
    await put_on_draft(turn, parse, cue, catalog)
    return True


async def put_on_draft(turn: Turn, parse: OrderParse, cue: Cue | None, catalog: Catalog) -> None:
    """Items as a new draft, or joined to the open one as the cue says or as they read; asks once when unclear."""
    parse = other_sizes_offered(parse, catalog)
    draft = turn.waiting_draft
    if draft is None:
        if cue is Cue.CHANGE and await corrects_placed_order(turn, parse):
            return
        await show_parsed(turn, new_draft(uuid.uuid4().hex[:12], parse), parse, catalog)
        return
    if cue in (Cue.CHANGE, Cue.MORE):
        parse = settled_on_draft(draft, parse)
    how = joining(draft, parse, cue)
    if how in (Joining.ASK_SAME, Joining.ASK_WHICH):
        ask_how_to_join(turn, draft, parse, how, catalog)
        return
    await join_items(turn, draft, parse, how, catalog)


async def corrects_placed_order(turn: Turn, parse: OrderParse) -> bool:
    """`10 nahi 12 crate coke` (or an amount alone, `sorry 7 not 5`, `2 more`: a parse of no items) after that order
    went through never starts a second order of the same goods: the owner hears the order stands and how to change
    it. False when the message corrects no order still cancellable."""
    last = turn.slot("last_order_id")
    if not last:
        return False
    try:
        order = await PLATFORM.client.order(last)
    except NotFound:
        return False
    corrected = set(parse.skus) & {line.sku for line in order.lines}
    if order.store_id != turn.store_id or not order.cancellable or not (corrected or parse.is_empty):
        return False
    turn.say(replies.placed_unchanged(turn.t, order.order_id))
    return True


async def join_items(turn: Turn, draft: Draft, parse: OrderParse, how: Joining, catalog: Catalog) -> None:
    """Put the parsed items on the open draft (added, or changing the lines they name), or on a new one."""
    if how is Joining.FRESH:
        turn.say(replies.dropped(turn.t, len(draft.lines) + len(draft.choices)))
        joined = new_draft(uuid.uuid4().hex[:12], parse)
    elif how is Joining.CHANGE:
        joined = replace_quantities(draft, parse)
    else:
        joined = add_parse(draft, parse)
    if how is not Joining.FRESH:
        say_kept_before_question(turn, draft, joined, changed=how is Joining.CHANGE)
    await show_parsed(turn, joined, parse, catalog)


async def show_parsed(turn: Turn, draft: Draft, parse: OrderParse, catalog: Catalog) -> None:
    """Show the draft a message changed, with what it named that the catalog lacks and the prices it asked."""
    unknown = unsold(parse, catalog)
    await show_draft(turn, draft, catalog, unknown)
    asked = [
        replies.PriceAnswer(catalog.items[sku], 1)
        for question in parse.price_questions
        for sku in question.candidates
        if sku in catalog.items
    ]
    if asked:
        turn.say("\n".join(replies.price_lines(turn.t, asked[:6], [])))


def ask_how_to_join(turn: Turn, draft: Draft, parse: OrderParse, how: Joining, catalog: Catalog) -> None:
    """Ask once whether the items add to the open order or change it (the same products) or start a new one."""
    if how is Joining.ASK_SAME:
        sent = {line.sku for line in parse.lines}
        question, buttons = replies.add_or_change(
            turn.t, [line for line in draft.lines if line.sku in sent], catalog.items
        )
    else:
        question, buttons = replies.add_or_new(turn.t)
    turn.say(question, buttons)
    turn.awaits(Awaiting.JOIN)
    turn.set("resume", {"join": how.value, "parse": parse.to_json()})


def lets_join_question_go(turn: Turn) -> bool:
    """True when the message answers neither "add them or start anew?" (`1`, `2`, YES, NO) nor only asks a price:
    the items that question waits on are let go (it is asked once)."""
    intent = (turn.tracker.latest_message.get("intent") or {}).get("name") or ""
    command = read_command(turn.text)
    parse = attached_parse(turn)
    return not (
        (isinstance(command, Pick) and command.option in (1, 2))
        or intent in ("affirm", "deny", "check_price")
        or (parse is not None and parse.asks_prices)
    )


def let_join_question_go(turn: Turn) -> None:
    """The items "add them or start anew?" waited on are let go, and the owner told so: never dropped unsaid."""
    resume = turn.slot("resume")
    turn.set("resume", None)
    turn.awaits(Awaiting.ORDER if turn.draft else None)
    if isinstance(resume, dict) and isinstance(resume.get("parse"), dict):
        turn.say(replies.not_added(turn.t, OrderParse.from_json(resume["parse"]).text))


async def ask_open_question_again(turn: Turn, catalog: Catalog) -> None:
    """The question the open order still waits on asked again, after a price the owner asked in between: "add them
    or start anew?" when that was asked last, else which one or how many."""
    resume = turn.slot("resume")
    draft = turn.waiting_draft
    if draft is None:
        return
    if turn.awaiting is Awaiting.JOIN and isinstance(resume, dict):
        ask_how_to_join(turn, draft, OrderParse.from_json(resume["parse"]), Joining(resume["join"]), catalog)
    elif draft.choices:
        await show_draft(turn, draft, catalog)


async def answer_how_to_join(turn: Turn) -> bool:
    """`1` or `2` answering how items join the open draft; anything else lets the question go (it is asked once)."""
    resume = turn.slot("resume")
    draft = turn.draft
    command = read_command(turn.text)
    turn.set("resume", None)
    turn.awaits(Awaiting.ORDER if draft else None)
    if not isinstance(resume, dict) or draft is None or not isinstance(command, Pick) or command.option not in (1, 2):
        return False
    if command.option == 1:
        how = Joining.ADD
    else:
        how = Joining.CHANGE if Joining(resume["join"]) is Joining.ASK_SAME else Joining.FRESH
    await join_items(turn, draft, OrderParse.from_json(resume["parse"]), how, await PLATFORM.catalog(turn.store_id))
    return True


class ActionEditDraft(StoreAction):
    """`2 = 10`, `remove 3`, `add ...`, `make soda 6`, or a number answering the last question."""

    takes_items = True

    needs_store = False

    def name(self) -> str:
        return "action_edit_draft"

    async def respond(self, turn: Turn) -> None:
        if turn.awaiting is Awaiting.STORE:
            await choose_store(turn, self.name())
            return
        if not await find_store(turn, self.name()):
            return
        if turn.awaiting is Awaiting.JOIN and await answer_how_to_join(turn):
            return
        draft = turn.draft
        if draft is not None and (read_command(turn.text) is not None or draft.choices):
            await edit_open_draft(turn, draft)
            return
        # "coke 5" reads like an edit to the classifier: items are an order, or join the open one.
        if await take_items(turn, await PLATFORM.catalog(turn.store_id)):
            return
        if draft is not None:
            await edit_open_draft(turn, draft)
        else:
            turn.say(turn.t._(replies.NO_DRAFT_TO_CHANGE))


class ActionShowMore(TurnAction):
    """The next page of a long summary."""

    # `nyota`, a brand the classifier never saw, read as MORE: products named and nothing else are an order.
    products_are_orders = True

    def name(self) -> str:
        return "action_show_more"

    async def serve(self, turn: Turn) -> None:
        remaining = turn.slot("more_pages") or []
        draft = turn.draft
        turn.store_id = turn.slot("store_id") or ""
        if not remaining and draft is not None and draft.choices and turn.store_id:
            # Nothing more to show, and a question waits for its answer: it is asked again.
            await show_draft(turn, draft, await PLATFORM.catalog(turn.store_id))
            return
        if not remaining:
            turn.say(turn.t._(replies.NO_MORE))
            return
        buttons = yes_no(turn.t) if len(remaining) == 1 and turn.slot("draft") else []
        text = remaining[0] if len(remaining) == 1 else remaining[0] + "\n" + turn.t._(replies.MORE_PROMPT)
        turn.say(text, buttons)
        turn.set("more_pages", remaining[1:] or None)


class ActionShowDraft(StoreAction):
    """`What is my total`, `show my order`: the open draft again, priced today; with none open, where the latest order
    is (`hali ya oda yangu?` asks after an order placed), or that there is none."""

    def name(self) -> str:
        return "action_show_draft"

    async def respond(self, turn: Turn) -> None:
        draft = turn.waiting_draft
        if draft is None:
            order = await latest_order(turn)
            if order is not None:
                turn.say(replies.order_status(turn.t, order))
            return
        await show_draft(turn, draft, await PLATFORM.catalog(turn.store_id), recap=True)


class ActionAnswerYes(StoreAction):
    """YES: place the open draft, or cancel the order the owner was asked about."""

    products_are_orders = True

    waits_for_store = False

    def name(self) -> str:
        return "action_answer_yes"

    async def respond(self, turn: Turn) -> None:
        awaiting = turn.awaiting
        if awaiting is Awaiting.CANCEL:
            await cancel_asked_order(turn)
            return
        draft = turn.waiting_draft
        numbered = re.search(r"\d", turn.text) and not says_yes(turn.text, load_lexicon())
        if order_ref(turn.text) is not None or (draft and not draft.choices and numbered):
            # `is order no 10001 confirmed` read as YES asks where an order is: a number with a YES places nothing,
            # unless it says when to deliver (`ok confirm, deliver before 3pm`).
            await ActionCheckStatus().respond(turn)
            return
        if draft is None:
            asked = priced_just_before(turn.tracker)
            if asked is not None and any(line.quantity > 1 for line in asked.lines):
                # `ok send them` after `how much for 10 bales of jogoo 2kg`: what was priced, drafted for a YES; a
                # price with no count (`how much is omo`) orders nothing when thanked with `ok`.
                await show_parsed(
                    turn, new_draft(uuid.uuid4().hex[:12], asked), asked, await PLATFORM.catalog(turn.store_id)
                )
                return
            last = turn.slot("last_order_id")
            turn.say(replies.already_placed(turn.t, last) if last else turn.t._(replies.NOTHING_TO_CONFIRM))
            return
        if awaiting is Awaiting.JOIN and isinstance(turn.slot("resume"), dict):
            # YES says neither add (1) nor change or start anew (2).
            turn.say(turn.t._(PICK_A_NUMBER, count=2))
            return
        catalog = await PLATFORM.catalog(turn.store_id)
        if draft.choices:
            choice = draft.choices[0]
            if not choice.offers_one:
                # YES picks none of several products, nor an amount: say what answers the question just asked.
                count = len(choice.groups or choice.candidates)
                turn.say(turn.t._(HOW_MANY) if choice.asks_amount else turn.t._(PICK_A_NUMBER, count=count))
                return
            await show_draft(turn, await pick(turn, draft, 1), catalog)
            return
        if draft.stale(time.time(), PLATFORM.settings.draft_max_age_hours * 3600):
            await show_draft(turn, draft, catalog, header=turn.t._(replies.REPRICED))
            return
        await place_draft(turn, draft, catalog)


def priced_just_before(tracker: Tracker) -> OrderParse | None:
    """The reader's parse of the owner's message before this one, when it asked the prices of products it found
    (`how much for 10 bales of jogoo 2kg`, `how much is omo 1kg and kimbo 1kg`)."""
    said = [event for event in tracker.events if event.get("event") == "user"]
    data = (said[-2].get("parse_data") or {}).get("order") if len(said) > 1 else None
    if not isinstance(data, dict):
        return None
    parse = OrderParse.from_json(data)
    return parse if parse.asks_prices and parse.lines else None


async def place_draft(turn: Turn, draft: Draft, catalog: Catalog) -> None:
    """Place the draft once: the idempotency key is the draft's id and version."""
    try:
        order = await PLATFORM.client.create_order(turn.store_id, draft_lines(draft), draft.idempotency_key)
    except OrderRejected:
        # Stock or credit moved since the draft was shown: say what stands in the way now.
        priced = await quote_draft(turn, draft, catalog)
        turn.say(replies.order_rejected(turn.t, priced), confirm_buttons(turn.t, priced))
        return
    turn.say(replies.order_placed(turn.t, order))
    stores = await PLATFORM.stores_for_phone(turn.tracker.sender_id)
    if len(stores) > 1:
        # A phone of several stores says which store its next order is for.
        turn.set("store_options", [store.store_id for store in stores])
    keep_draft(turn, None)
    turn.set("more_pages", None)
    turn.set("last_order_id", order.order_id)


async def cancel_asked_order(turn: Turn) -> None:
    """Cancel the order the owner just said YES to cancelling."""
    order_id = turn.slot("cancel_order_id") or ""
    turn.awaits(Awaiting.ORDER if turn.draft else None)
    turn.set("cancel_order_id", None)
    try:
        order = await PLATFORM.client.cancel_order(order_id)
    except Conflict:
        turn.say(replies.not_cancellable(turn.t, await PLATFORM.client.order(order_id)))
        return
    turn.say(replies.cancelled(turn.t, order))


class ActionAnswerNo(StoreAction):
    """NO: keep the order the owner was asked about cancelling or the draft new items would join, or drop the draft."""

    takes_items = True

    needs_store = False

    def name(self) -> str:
        return "action_answer_no"

    async def respond(self, turn: Turn) -> None:
        if turn.awaiting is Awaiting.CANCEL:
            turn.say(replies.kept(turn.t, turn.slot("cancel_order_id") or ""))
            turn.set("cancel_order_id", None)
            turn.awaits(Awaiting.ORDER if turn.draft else None)
            return
        draft = turn.draft
        if turn.awaiting is Awaiting.JOIN and draft is not None and await find_store(turn, self.name()):
            # NO to "add them or start a new order?": the items just sent are let go, the open draft stays.
            turn.set("resume", None)
            await show_draft(turn, draft, await PLATFORM.catalog(turn.store_id))
            return
        if draft is not None and draft.choices and await find_store(turn, self.name()):
            # NO to "which one?" or "how many?": that item is left out, what else the draft holds stays.
            rest = skip_choice(draft)
            if rest.lines or rest.choices:
                turn.say(replies.left_out(turn.t, draft.choices[0].phrase))
                await show_draft(turn, rest, await PLATFORM.catalog(turn.store_id))
                return
        if draft is not None:
            # `10 nahi 12 crate coke`, `算了可乐不要了` (never mind, no cola) can read as NO to the classifier: an edit
            # or products named change the draft, never drop it.
            if not await find_store(turn, self.name()):
                return
            command = read_command(turn.text)
            if command is not None and not isinstance(command, Pick):
                await edit_open_draft(turn, draft)
                return
            if await take_items(turn, await PLATFORM.catalog(turn.store_id)):
                return
            turn.say(turn.t._(replies.DRAFT_DISCARDED))
            keep_draft(turn, None)
            turn.set("more_pages", None)
            return
        if turn.slot("last_order_id") and await find_store(turn, self.name()):
            if await take_items(turn, await PLATFORM.catalog(turn.store_id)):
                return
        turn.say(turn.t._(replies.NOTHING_DENIED))


async def store_order(turn: Turn, order_id: str) -> Order | None:
    """The order with this number if it is this store's; says so when it is not."""
    try:
        order = await PLATFORM.client.order(order_id)
    except NotFound:
        order = None
    if order is None or order.store_id != turn.store_id:
        turn.say(replies.order_not_found(turn.t, order_id))
        return None
    return order


async def latest_order(turn: Turn, skip_cancelled: bool = False) -> Order | None:
    """The store's newest order (optionally the newest not cancelled); says so when there is none."""
    orders = await PLATFORM.client.store_orders(turn.store_id, limit=10)
    if skip_cancelled:
        orders = [order for order in orders if order.status != "cancelled"] or orders
    if not orders:
        turn.say(turn.t._(replies.NO_ORDERS))
        return None
    return orders[0]


async def referenced_order(turn: Turn, skip_cancelled: bool = False) -> Order | None:
    """The order the message names by number, else the latest one."""
    ref = order_ref(turn.text)
    return await store_order(turn, ref) if ref else await latest_order(turn, skip_cancelled)


class ActionCheckStatus(StoreAction):
    """Where the latest order, or the one named by number, is."""

    def name(self) -> str:
        return "action_check_status"

    async def respond(self, turn: Turn) -> None:
        draft = turn.waiting_draft
        if order_ref(turn.text) is None and draft is not None:
            orders = await PLATFORM.client.store_orders(turn.store_id, limit=1)
            if orders:
                turn.say(replies.order_status(turn.t, orders[0]))
            else:
                # Only a draft so far: say it is not placed, what it holds and what it still needs.
                turn.say(turn.t._(replies.NOT_PLACED_YET))
                await show_draft(turn, draft, await PLATFORM.catalog(turn.store_id), recap=True)
            return
        order = await referenced_order(turn)
        if order is not None:
            turn.say(replies.order_status(turn.t, order))


class ActionRequestCancel(StoreAction):
    """Ask before cancelling an order; an unconfirmed draft is simply dropped."""

    def name(self) -> str:
        return "action_request_cancel"

    async def respond(self, turn: Turn) -> None:
        if turn.draft is not None and order_ref(turn.text) is None:
            turn.say(turn.t._(replies.DRAFT_DISCARDED))
            keep_draft(turn, None)
            return
        order = await referenced_order(turn, skip_cancelled=True)
        if order is None:
            return
        if not order.cancellable:
            turn.say(replies.not_cancellable(turn.t, order))
            return
        turn.say(replies.confirm_cancel(turn.t, order), yes_no(turn.t))
        turn.awaits(Awaiting.CANCEL)
        turn.set("cancel_order_id", order.order_id)


class ActionRepeatOrder(StoreAction):
    """The last order (or the one named) as a new draft at today's prices and stock."""

    def name(self) -> str:
        return "action_repeat_order"

    async def respond(self, turn: Turn) -> None:
        order = await referenced_order(turn, skip_cancelled=True)
        if order is None:
            return
        catalog = await PLATFORM.catalog(turn.store_id)
        draft = draft_from_lines(uuid.uuid4().hex[:12], [(line.sku, line.quantity) for line in order.lines])
        await show_draft(turn, draft, catalog, header=replies.reorder_header(turn.t, order.order_id))


class ActionCheckPrice(StoreAction):
    """Price and availability of the products a message names."""

    takes_items = True

    def name(self) -> str:
        return "action_check_price"

    async def respond(self, turn: Turn) -> None:
        catalog = await PLATFORM.catalog(turn.store_id)
        parse = parse_text(turn, turn.text, catalog)
        # Items said to join the open draft (`add`, `pia`), an order that also asks a price, items counted with no
        # word of price (`omo 1kg 3ctn`) or products named with no other word nor question mark (`mafuta ya kupikia
        # 5L`, not `ya huile 20L?`) are an order; a message the reader finds only asking prices is answered, whatever
        # cue it opens with (`and how much is`).
        joins = turn.draft is not None and read_cue(turn.text)[0] is not None and not parse.asks_prices
        asked = parse.asks_prices or ends_asking(turn.text)
        if (
            (joins and not parse.price_questions)
            or counted(parse)
            or (parse.price_questions and (parse.lines or parse.ambiguous))
            or (not asked and await names_products_only(turn))
        ):
            await take_items(turn, catalog)
            return
        await answer_prices(turn, parse, catalog)


def ends_asking(text: str) -> bool:
    """True when a message ends with a question mark, in any script's form of it."""
    return text.rstrip().endswith(("?", "？"))


def counted(parse: OrderParse) -> bool:
    """True when the reader finds an amount of more than one of an item to order (`omo 1kg 3ctn`)."""
    quantities = [line.quantity for line in parse.lines] + [item.quantity for item in parse.ambiguous]
    return not parse.asks_prices and any(quantity > 1 for quantity in quantities)


async def asks_after_products(turn: Turn, parse: OrderParse) -> bool:
    """True when products named with nothing else but a question mark (`sukari ya kipepeo 50kg?`, `omo?`) ask their
    price and stock, whichever intent the classifier read; counted ones (`omo 3?`) are an order."""
    return ends_asking(turn.text) and not counted(parse) and await names_products_only(turn)


def unsold(parse: OrderParse, catalog: Catalog) -> list[replies.Unsold]:
    """What a message named that the catalog lacks, each with the sizes sold of it when only its size is off."""
    unknown = []
    for item in parse.unknown:
        skus = sold_in_other_sizes(item.phrase, catalog.index)[1]
        sizes = dict.fromkeys(catalog.items[sku].size for sku in skus if sku in catalog.items)
        unknown.append(replies.Unsold(item.phrase, tuple(sizes)))
    return unknown


def other_sizes_offered(parse: OrderParse, catalog: Catalog) -> OrderParse:
    """Goods ordered in a size not sold (`农夫山泉550ml 十箱` of a 570ml water, `unga 5kg 2 bales`) offered in the sizes
    that are, as a question of which one with the amount said, answered with a number or YES rather than the order
    typed again; the item stays among those not found, so the reply says first that its size is not sold. The
    question names the goods without the size (`Which unga?`), as the phrase an answer teaches the store's name of."""
    offered = tuple(
        AmbiguousItem(goods, item.quantity, skus)
        for item in parse.unknown
        for goods, skus in (sold_in_other_sizes(item.phrase, catalog.index),)
        if skus
    )
    return replace(parse, ambiguous=parse.ambiguous + offered) if offered else parse


async def answer_prices(turn: Turn, parse: OrderParse, catalog: Catalog) -> None:
    """The price and stock of every product a message asks about (a few at most), and what the catalog lacks; an
    amount that is no whole number of packs (`half ctn`, `5 bottles` of a crate) is quoted for one sell unit. A
    question still open (which one, how many, add or start anew) is asked again after them: it waits for its answer.
    Asking a price of no product while an order waits asks its total."""
    answers = [
        replies.PriceAnswer(catalog.items[line.sku], line.quantity if whole_amount(line) else 1)
        for line in parse.lines
        if line.sku in catalog.items
    ]
    for item in parse.ambiguous:
        listed = in_list_order(item.candidates, catalog.items)
        answers.extend(replies.PriceAnswer(catalog.items[sku], 1) for sku in listed if sku in catalog.items)
    unknown = unsold(parse, catalog)
    draft = turn.waiting_draft
    if answers or unknown:
        say_pages(turn, replies.price_lines(turn.t, answers[:6], unknown))
    elif draft is None:
        turn.say(turn.t._(replies.PRICE_WHAT))
    elif turn.awaiting is not Awaiting.JOIN:
        # `how much is all that?`, `bei ya zote ni ngapi?` while an order waits: the order and its total.
        await show_draft(turn, draft, catalog)
        return
    await ask_open_question_again(turn, catalog)


class ActionListPromotions(StoreAction):
    """The store's current offers."""

    def name(self) -> str:
        return "action_list_promotions"

    async def respond(self, turn: Turn) -> None:
        store = await PLATFORM.client.store(turn.store_id)
        promotions = await PLATFORM.client.store_promotions(turn.store_id)
        catalog = await PLATFORM.catalog()
        turn.say(replies.promotions(turn.t, promotions, catalog.items, store.promo_opt_in))


class ActionOptOut(StoreAction):
    """STOP: no more promotions for this store."""

    def name(self) -> str:
        return "action_opt_out"

    async def respond(self, turn: Turn) -> None:
        await PLATFORM.client.set_promo_consent(turn.store_id, False, source="text")
        turn.say(turn.t._(replies.OPTED_OUT))


class ActionOptIn(StoreAction):
    """START: promotions again for this store."""

    def name(self) -> str:
        return "action_opt_in"

    async def respond(self, turn: Turn) -> None:
        await PLATFORM.client.set_promo_consent(turn.store_id, True, source="text")
        turn.say(turn.t._(replies.OPTED_IN))


class ActionHandOff(TurnAction):
    """Hand the conversation to staff: the gateway sees the `handoff` payload, the assistant goes quiet. Products and
    words asking for them (`nipe pepsi`, give me pepsi), which name no person, are an order."""

    read_by_words = False
    products_are_orders = True

    def name(self) -> str:
        return "action_hand_off"

    async def serve(self, turn: Turn) -> None:
        turn.say(turn.t._(replies.HANDOFF), json_message={"handoff": "requested"})
        turn.set("handoff", True)


class ActionHandBack(TurnAction):
    """Staff hand the conversation back (external intent EXTERNAL_handback)."""

    read_by_words = False

    def name(self) -> str:
        return "action_hand_back"

    async def serve(self, turn: Turn) -> None:
        turn.set("handoff", False)
        draft = turn.waiting_draft
        turn.store_id = turn.slot("store_id") or ""
        if draft is None or not turn.store_id:
            turn.say(turn.t._(replies.HANDBACK), json_message={"handoff": "released"})
            return
        # The owner picks up where the conversation was: the open order, or its open question, as it stands now.
        # The lines settled so far carry the greeting as their header; a lone question follows it.
        header = turn.t._(replies.HANDBACK_OPEN_DRAFT)
        if not draft.lines:
            turn.say(header, json_message={"handoff": "released"})
        await show_draft(turn, draft, await PLATFORM.catalog(turn.store_id), header=header, recap=True)


class ActionStaySilent(Action):
    """While staff hold the conversation the assistant says nothing."""

    def name(self) -> str:
        return "action_stay_silent"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        return []


class ActionHandleFallback(StoreAction):
    """A message the classifier was unsure of: an answer, an edit or an order if it reads as one, else what I can do."""

    takes_items = True

    needs_store = False

    def name(self) -> str:
        return "action_handle_fallback"

    async def respond(self, turn: Turn) -> None:
        awaiting = turn.awaiting
        if awaiting is Awaiting.STORE:
            await choose_store(turn, self.name())
            return
        if not await find_store(turn, self.name()):
            return
        if awaiting is Awaiting.JOIN and await answer_how_to_join(turn):
            return
        draft = turn.draft
        if draft is not None and read_command(turn.text) is not None:
            await edit_open_draft(turn, draft)
            return
        # An order in words the classifier has not seen is still an order if the catalog knows the items.
        catalog = await PLATFORM.catalog(turn.store_id)
        parse = parse_text(turn, read_cue(turn.text)[1], catalog)
        if (parse.lines or parse.ambiguous) and await take_items(turn, catalog):
            return
        if draft is not None and draft.choices:
            # While a question is open, the answer it needs is said again rather than everything I can do.
            await edit_open_draft(turn, draft)
            return
        if turn.waiting_draft is not None:
            # `?` while an order waits: it is still open, and how to confirm or change it is said again.
            turn.say(
                replies.sentences(
                    turn.t._(replies.NOT_UNDERSTOOD), turn.t._(replies.NOT_PLACED_YET), turn.t._(replies.CONFIRM_PROMPT)
                )
            )
            return
        turn.say(replies.sentences(turn.t._(replies.NOT_UNDERSTOOD), turn.t._(replies.CAPABILITIES)))


def switch_language(turn: Turn) -> bool:
    """Answer a short message naming a language (`English please`, `kwa Kiswahili`) by replying in it from now on."""
    requested = requested_language(turn.text, cue_required=True)
    if requested is None or len(turn.text.split()) > SWITCH_REQUEST_WORDS:
        return False
    turn.speak(requested, chosen=True)
    turn.say(turn.t._(replies.LANGUAGE_SET))
    return True


class ActionSwitchLanguage(TurnAction):
    """`English please`, `kwa Kiswahili tafadhali`, `Hindi mein baat karo`, `हिंदी में`: every reply in that language."""

    read_by_words = False

    def name(self) -> str:
        return "action_switch_language"

    async def serve(self, turn: Turn) -> None:
        requested = requested_language(turn.text)
        if requested is None:
            parse = attached_parse(turn)
            if parse is not None and (parse.lines or parse.ambiguous):
                # No language named, products named (`cola please`): an order the classifier took for a switch.
                await ActionTakeOrder().serve(turn)
            else:
                turn.say(turn.t._(replies.WHICH_LANGUAGE))
            return
        turn.speak(requested, chosen=True)
        turn.say(turn.t._(replies.LANGUAGE_SET))


class ActionAnswerSmallTalk(TurnAction):
    """Greetings, thanks, goodbyes, help and what the assistant does not do, answered from the catalogs."""

    products_are_orders = True

    def name(self) -> str:
        return "action_answer_small_talk"

    async def serve(self, turn: Turn) -> None:
        intent = (turn.tracker.latest_message.get("intent") or {}).get("name") or ""
        waiting = turn.waiting_draft
        # A thanks or goodbye while an order waits is no sign it was placed: what it still needs is said instead.
        if waiting is None or intent not in ("thank", "goodbye"):
            turn.say(turn.t._(replies.SMALL_TALK.get(intent, replies.SMALL_TALK["help"])))
        if waiting is None:
            return
        if waiting.choices:
            await show_draft(turn, waiting, await PLATFORM.catalog(turn.slot("store_id") or ""))
        else:
            turn.say(replies.sentences(turn.t._(replies.NOT_PLACED_YET), turn.t._(replies.CONFIRM_PROMPT)))
