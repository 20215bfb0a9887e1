"""parse_order: a whole message to order lines, questions to ask and items not sold."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import takewhile
from operator import attrgetter
from typing import Callable, Mapping, NamedTuple, Sequence

from nlu.catalog_index import CatalogIndex, IndexedItem, singular_and_plural
from nlu.chinese import HAN_RE, as_written, unspaced
from nlu.lexicon import Lexicon
from nlu.matching import Match, match_request, names_a_brand, names_only_a_kind
from nlu.model import AmbiguousItem, OrderLine, OrderParse, PriceQuestion, UnknownItem
from nlu.segments import (
    ItemRequest,
    heads_catalog_words,
    read_message,
    says_amount,
    time_of_day,
    unit_words,
)
from nlu.sizes import SIZE_NUMBER, SIZE_PRICE, Size, size_from_text
from nlu.text import Token, catalog_words, clean_text, tokenize, without_marks

_MAX_LEARNED = 2000
_HAN_RUN_RE = re.compile(f"{HAN_RE.pattern}+")
# A word cut short (`spag`) keeps this many letters at least to be read as the catalog word it begins.
_MIN_CUT_SHORT = 4


@dataclass
class _Outcome:
    """What a group of requests came to: lines, questions to ask, items not sold."""

    lines: list[OrderLine] = field(default_factory=list)
    ambiguous: list[AmbiguousItem] = field(default_factory=list)
    unknown: list[UnknownItem] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.lines or self.ambiguous or self.unknown)


@dataclass(frozen=True)
class _Quantity:
    value: int
    unit_mismatch: bool
    acceptable: bool

    # Written out, not left to `@dataclass`: compiled, each field is set in place (see `ItemRequest`).
    def __init__(self, value: int, unit_mismatch: bool, acceptable: bool) -> None:
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "unit_mismatch", unit_mismatch)
        object.__setattr__(self, "acceptable", acceptable)


def parse_order(text: str, index: CatalogIndex, learned: Mapping[str, str] | None = None) -> OrderParse:
    """Read an order message against a catalog index; `learned` maps a store's own phrases to SKUs."""
    index = index.for_message(text)
    if len(text) < 24 and _command(text, index):
        return OrderParse(text=text)
    message = read_message(text, index)
    if message.about_existing_order and not any(_orders_beside(r, index) for r in message.requests):
        return OrderParse(text=text)
    reading = _Reading(index, message.asks_availability, _learned_keys(learned, index) if learned else {})
    for request in message.requests:
        reading.read(request)
    parse = _assembled(text, reading.ordered, reading.asked)
    return parse if index.chinese is None else as_written(parse)


def _orders_beside(request: ItemRequest, index: CatalogIndex) -> bool:
    """An item with its amount beside words about an order already placed (`same as last week plus mumias 50kg 1`):
    a count said with a unit, or a bare number after words that all name goods (never an order number's words)."""
    if request.quantity is not None:
        return True
    words = request.words
    return (
        bool(request.bare_numbers and words)
        and not index.lexicon.non_order_cues.intersection(words)
        and all(word in index.postings for word in words)
    )


def sold_in_other_sizes(phrase: str, index: CatalogIndex) -> tuple[str, tuple[str, ...]]:
    """The words of a phrase the catalog has nothing for that name its goods, without its size and amount (`unga` of
    `unga kilo tano 2`), and the SKUs of those goods the catalog sells in other sizes (the 1kg and 2kg packs),
    smallest first; no SKUs when the phrase says no size or, without it, still names nothing."""
    lexicon = index.lexicon
    tokens = tokenize(clean_text(phrase))
    dimensions = {lexicon.size_words[token.text].dimension for token in tokens if token.text in lexicon.size_words}
    if not dimensions:
        return phrase, ()
    goods = " ".join(
        token.text
        for token in tokens
        if token.kind != "num"
        and token.text not in lexicon.size_words
        and token.text not in lexicon.number_words
        and token.text not in lexicon.unit_words
    )
    items = [indexed.item for sku in parse_order(goods, index).skus if (indexed := index.item_for_sku(sku))]
    sold = [
        (size, item)
        for item in items
        if (size := size_from_text(item.size, lexicon)) is not None and size.dimension in dimensions
    ]
    asked = size_from_text(phrase, lexicon)
    if asked is not None and any(size.matches(asked) for size, _ in sold):
        return goods, ()
    return goods, tuple(item.sku for _, item in sorted(sold, key=lambda entry: (entry[0].value, entry[1].size)))


@dataclass
class _Reading:
    """One message's requests read in order: what it orders and asks so far, and the item read last."""

    index: CatalogIndex
    asks_availability: bool
    learned_keys: dict[str, str]
    ordered: _Outcome = field(default_factory=_Outcome)
    asked: _Outcome = field(default_factory=_Outcome)
    previous: ItemRequest | None = None
    previous_item: IndexedItem | None = None
    # `4 kahon pala yung bulalo`: an amount said before any product, for the product named next without one.
    amount_ahead: ItemRequest | None = None
    # The line a product named again without an amount points at (`..., aki dasani iwe 4`), for the correction
    # that follows; otherwise corrections change the line ordered last.
    focus: int | None = None
    # The request each ordered SKU was read from, for a correction that changes its size or product.
    line_requests: dict[str, ItemRequest] = field(default_factory=dict)
    # `galti se 5 likha, 12 chahiye`: a correction that only says the amount already read; the amount said alone
    # next is the one meant.
    retracted: bool = False
    # `白云边五星2件 算了 换成12年的`: the item the request before took back, for a product named in its place.
    taken_back: ItemRequest | None = None

    def read(self, request: ItemRequest) -> None:
        """Add one request: a correction or removal changes what came before; an item is matched."""
        focus, self.focus = self.focus, None
        lines = self.ordered.lines
        target = focus if focus is not None else len(lines) - 1
        retracted, self.retracted = self.retracted, False
        taken_back, self.taken_back = self.taken_back, None
        if retracted and not (request.words or request.correction or request.removal or request.more):
            request = replace(request, correction=True)
        if _says_a_size(request) and self._sized_choice(request):
            return
        if self._amount_in_place(request, taken_back):
            return
        if request.correction:
            self._read_correction(request, target)
            return
        if request.removal:
            self._take_back(request)
            return
        if self._variant_choice(request):
            return
        completed = self._completed(request)
        if completed is None:
            self._uncompleted(request)
            return
        ahead, self.amount_ahead = self.amount_ahead, None
        if ahead is not None and not _says_amount(completed):
            phrase = f"{ahead.phrase} {completed.phrase}"
            completed = replace(completed, quantity=ahead.quantity, unit=ahead.unit, phrase=phrase)
        completed = self._same_amount(completed)
        if request.replacement and not request.price_question and (asked := self._question_replaced(completed)):
            completed = replace(completed, quantity=asked.quantity, unit=asked.unit)
        if request.replacement and self._restored(completed, taken_back):
            return
        replaces = request.replacement and lines and not request.price_question
        if replaces and (in_place := self._sized_in_place(completed, target)) is not None:
            completed = in_place
        if replaces and _says_amount(completed) and not _only_its_size(completed, self.index):
            if self._amount_corrected(completed):
                return
            self._give_way(completed, target)
        elif (replaces and self._replaced(completed, target)) or self._named_again(completed):
            return
        outcome = self.asked if completed.price_question else self.ordered
        completed, match = self._match(completed)
        if completed.price_question and (sized := _size_priced(completed, match, self.index)) is not None:
            completed, match = sized
        if (not match.candidates or match.confirm) and completed.size_as_count is not None:
            completed, match = self._size_as_count(completed, match, *completed.size_as_count)
        if not match.candidates and _listed(completed) and (apart := _each_apart(completed, self.index)):
            for part in apart:
                self.read(part)
            return
        if not match.candidates or match.confirm:
            self._unclear(completed, match, outcome)
            return
        self._resolve(completed, match, outcome)
        self.previous = completed

    def _read_correction(self, request: ItemRequest, target: int) -> None:
        """A correction: of the line whose amount it takes back, else of `target` (the line ordered last or named
        again), or of the question asked last; with nothing ordered yet, the amount of what follows."""
        taken_back_line = self._line_taken_back(request)
        if taken_back_line is not None:
            target = taken_back_line
        self.retracted = self._restated(request, target)
        if request.denies or (taken_back_line is None and self._question_corrected(request)):
            return
        ahead = _amount_kept(request) if not self.ordered.lines and not request.words else None
        if ahead is not None:
            # `ay mali, 4 kahon pala yung bulalo`, `4 nahi 6 karo coke`: nothing ordered yet to correct, so the
            # amount (the one said in place of the one taken back) is for what follows.
            self.amount_ahead = ahead
            return
        self._correct(request, target)

    def _correct(self, request: ItemRequest, target: int) -> None:
        """A correction changes the line ordered last (or the one named again): its amount, its size or its pack."""
        lines = self.ordered.lines
        if lines and self._counted_in_pieces(request, target):
            return
        previous = self.line_requests.get(lines[target].sku, self.previous) if lines else self.previous
        # `冰峰瓶装10件 哦不 罐装的`, `..., the gallon one`: a pack word alone corrects the pack, as a size does;
        # so does an amount in a pack the line's product is not sold by (`调和油3桶 改成两箱`).
        repacked = _counts_another_pack(request, lines[target] if lines else None, previous, self.index)
        if (request.size is not None or _names_a_pack(request) or repacked) and previous is not None:
            item = _respecify(request, previous, self.ordered, target, self.index)
            if item is None and request.size is not None and request.size.dimension == SIZE_NUMBER:
                # `4 bales, no 5`: a number after `no` that sizes nothing is the new amount.
                _apply_correction(replace(request, bare_numbers=(request.size.value,)), lines, target, self.index)
            elif item is None and repacked:
                _apply_correction(request, lines, target, self.index)
            self.previous_item = item or self.previous_item
        elif previous is None or not self._resized_by_number(request, previous, target):
            _apply_correction(request, lines, target, self.index)

    def _resized_by_number(self, request: ItemRequest, previous: ItemRequest, target: int) -> bool:
        """`可乐330 3箱 不对 要500的`: where the line's size was said as a bare number, a correction that is one bare
        number the same product is also sold in is that size, not the amount; the amount stays."""
        lines = self.ordered.lines
        if not lines or request.words or request.quantity is not None or len(request.bare_numbers) != 1:
            return False
        corrected = self.index.item_for_sku(lines[target].sku)
        said = match_request(previous, self.index).size_from_number
        if corrected is None:
            return False
        if said is not None and said in previous.bare_numbers:
            numbers = tuple(n for n in previous.bare_numbers if n != said) + request.bare_numbers
        elif previous.quantity is not None and previous.unit is not None:
            # `可口可乐罐装5件 不对 换成500的`: the amount was said with its pack word, so a bare number is the size.
            numbers = request.bare_numbers
        else:
            return False
        resized = replace(previous, bare_numbers=numbers)
        match = match_request(resized, self.index)
        same = [c for c in match.candidates if (c.brand_words, c.core) == (corrected.brand_words, corrected.core)]
        # `可口可乐500 5箱 不对 换成330的` where the can's name adds its own words (`摩登罐`): the brand's one
        # product the words name in that size.
        same = same or [c for c in match.candidates if c.brand_words == corrected.brand_words]
        if match.size_from_number != request.bare_numbers[0] or len(same) != 1 or same[0] is corrected:
            return False
        size = same[0].size
        if size is None or size.value != request.bare_numbers[0]:
            # `coke 500 5 ctn, sorry 6`, `..., 不对 2`: a number the name writes for its pieces (`2L x6`), or one that
            # would be a size only in litres or kilos, is the amount.
            return False
        line = lines[target]
        lines[target] = replace(line, sku=same[0].item.sku, phrase=f"{line.phrase}, {request.phrase}")
        self.line_requests[same[0].item.sku] = resized
        self.previous_item = same[0]
        return True

    def _size_as_count(self, request: ItemRequest, match: Match, word: str, number: float) -> tuple[ItemRequest, Match]:
        """`coke litro 2`: no product comes in the size read, so the number counts what the measure word names."""
        counted = replace(request, words=(*request.words, word), size=None, quantity=number, size_as_count=None)
        counted_match = match_request(counted, self.index)
        if counted_match.candidates and not counted_match.confirm:
            return counted, counted_match
        return request, match

    def _sized_choice(self, request: ItemRequest) -> bool:
        """`丝苗米 3袋，不对，要25公斤的`: a size said right after a question among sizes answers it."""
        asked = self.ordered.ambiguous
        previous = self.previous
        if previous is None or not self._asked_among_products():
            return False
        sized = replace(request, words=previous.words, optional_words=previous.optional_words)
        match = match_request(sized, self.index)
        fitting = [c for c in match.candidates if c.item.sku in asked[-1].candidates]
        number = request.quantity if request.quantity is not None else asked[-1].quantity
        whole = number == int(number) and 0 < number <= self.index.lexicon.max_quantity
        if len(fitting) != 1 or match.confirm or not whole:
            return False
        question = asked.pop()
        phrase = f"{question.phrase}, {request.phrase}"
        self.ordered.lines.append(OrderLine(fitting[0].item.sku, int(number), phrase, match.score))
        self.previous_item = fitting[0]
        return True

    def _question_replaced(self, request: ItemRequest) -> ItemRequest | None:
        """`怡宝 10箱 打错了 要景田`: a product of the same kind named without an amount after a correction word takes
        the place of the question just asked among products; the item asked about, whose amount it takes."""
        if says_amount(request) or self.previous is None or not self._asked_among_products():
            return None
        asked = self.ordered.ambiguous[-1]
        kinds = {item.item.category for sku in asked.candidates if (item := self.index.item_for_sku(sku)) is not None}
        candidates = match_request(request, self.index).candidates
        if not candidates or any(c.item.category not in kinds for c in candidates):
            return None
        self.ordered.ambiguous.pop()
        return self.previous

    def _counted_in_pieces(self, request: ItemRequest, target: int) -> bool:
        """`coke 500ml 5 crates, sorry 48 bottles`: an amount alone in the pieces the line's pack holds is that many
        pieces of the line's product (two crates of 24), never the product sold by the piece's packaging."""
        lines, index = self.ordered.lines, self.index
        item = index.item_for_sku(lines[target].sku)
        unit = request.unit
        if item is None or unit is None or request.quantity is None or request.words or request.size is not None:
            return False
        if index.lexicon.unit_levels.get(unit) != "single" or item.item.units_per_pack < 2:
            return False
        if _sold_by(item, unit, index):
            return False  # `调和油2箱 不对 3桶`: the product in that size comes by that piece too
        quantity = _quantity(request, Match((item,), 0.0), item, index)
        if quantity.value <= 0:
            return False
        line = lines[target]
        phrase = f"{line.phrase}, {request.phrase}"
        lines[target] = replace(line, quantity=quantity.value, phrase=phrase, unit_mismatch=quantity.unit_mismatch)
        return True

    def _restated(self, request: ItemRequest, target: int) -> bool:
        """A correction whose one amount is the one already read for what it corrects (`galti se 5 likha`)."""
        amounts = ((request.quantity,) if request.quantity is not None else ()) + request.bare_numbers
        if request.words or request.size is not None or len(amounts) != 1:
            return False
        asked, lines, previous = self.ordered.ambiguous, self.ordered.lines, self.previous
        if asked and previous is not None and asked[-1].phrase == previous.phrase:
            return amounts[0] == asked[-1].quantity
        return bool(lines) and amounts[0] == lines[target].quantity

    def _line_taken_back(self, request: ItemRequest) -> int | None:
        """`5 ctn coke n 2 bags sukari, sorry 7 not 5`: the line a correction of an amount alone corrects where the
        amount it takes back is not the item's read last but an earlier line's (the last such line)."""
        previous = self.previous
        if not request.negated or request.words or previous is None:
            return None
        if previous.quantity in request.negated or any(n in request.negated for n in previous.bare_numbers):
            return None
        found = [position for position, line in enumerate(self.ordered.lines) if line.quantity in request.negated]
        return found[-1] if found else None

    def _question_corrected(self, request: ItemRequest) -> bool:
        """`ketepa 10, sorry 12`: an amount corrected right after the question asked about the item read last is the
        amount that question carries."""
        asked, previous = self.ordered.ambiguous, self.previous
        if not asked or previous is None or asked[-1].phrase != previous.phrase:
            return False
        if request.words or request.size is not None:
            return False
        if asked[-1].reason == "quantity":
            return self._range_settled(request, previous)
        number = _corrected_amount(request, asked[-1].quantity, self.index)
        if number is None:
            return False
        phrase = f"{asked[-1].phrase}, {request.phrase}"
        if previous.unit is None and request.unit is not None:
            # `玻汾改成4箱` of a case and a single bottle: the unit now said may pick one.
            asked.pop()
            self.read(replace(previous, quantity=number, unit=request.unit, bare_numbers=(), phrase=phrase))
            return True
        asked[-1] = replace(asked[-1], quantity=number, phrase=phrase)
        self.previous = replace(previous, phrase=phrase)
        return True

    def _range_settled(self, request: ItemRequest, previous: ItemRequest) -> bool:
        """`toss 1kg bale 4 ama 5 hivi, weka 5`: one amount said right after an amount given as a range settles it."""
        amounts = ((request.quantity,) if request.quantity is not None else ()) + request.bare_numbers
        if not previous.ranged or len(amounts) != 1:
            return False
        self.ordered.ambiguous.pop()
        phrase = f"{previous.phrase}, {request.phrase}"
        unit = request.unit or previous.unit
        self.read(replace(previous, quantity=amounts[0], unit=unit, bare_numbers=(), ranged=False, phrase=phrase))
        return True

    def _asked_among_products(self) -> bool:
        """The question asked last is among products for the item read last."""
        asked = self.ordered.ambiguous
        previous = self.previous
        if not asked or previous is None:
            return False
        return asked[-1].phrase == previous.phrase and asked[-1].reason == "product"

    def _variant_choice(self, request: ItemRequest) -> bool:
        """`kopiko 10 packs, brown`: words alone right after the item read last, naming with its words one product
        of its brand (among those asked about, or other than the one read), say which product that item is."""
        previous, lines, asked = self.previous, self.ordered.lines, self.ordered.ambiguous
        if previous is None or not request.words or says_amount(request) or request.unit is not None:
            return False
        if request.size is not None or request.price_question or request.replacement or request.more:
            return False
        questioned = self._asked_among_products() and asked[-1].quantity > 0
        read_last = bool(lines) and lines[-1].phrase == previous.phrase
        if not questioned and not read_last:
            return False
        named = replace(previous, words=previous.words + request.words)
        match = match_request(named, self.index)
        if len(match.candidates) != 1 or match.confirm:
            return False
        item = match.candidates[0]
        if questioned and item.item.sku in asked[-1].candidates:
            question = asked.pop()
            line = OrderLine(item.item.sku, question.quantity, question.phrase, match.score)
        elif not questioned and (old := self.index.item_for_sku(lines[-1].sku)) is not None:
            if item.item.sku == old.item.sku or item.brand_words != old.brand_words:
                return False
            line = lines.pop()
        else:
            return False
        lines.append(replace(line, sku=item.item.sku, phrase=f"{line.phrase}, {request.phrase}"))
        self.line_requests[item.item.sku] = named
        self.previous_item = item
        return True

    def _completed(self, request: ItemRequest) -> ItemRequest | None:
        """The request with its product words: `CAN` read as an everyday word when it names nothing, and
        `..., 2kg` or `..., 5` (a size or number alone) taking the product said before; None when there is none."""
        if request.capitalised and not match_request(request, self.index).candidates:
            request = _everyday_reading(request, self.index)
        if request.words:
            return request
        if self.index.chinese is not None and says_amount(request) and (heard := _heard(request, self.index)):
            # `好丽有派 2箱`: characters that each name nothing, typed for the sound of a catalog word.
            return heard
        if self.index.chinese is not None and (held := _held_characters(request, self.index)):
            # `钙 5件`: a character alone that only catalog words hold is what the item names, matched or told unknown.
            return replace(request, words=held)
        # `冰峰瓶的5件 罐的5件`: a pack word alone (an optional word) takes the product said before, in that pack.
        said = request.size is not None or request.bare_numbers or request.more or request.optional_words
        if self.previous is not None and not said and request.quantity is not None and request.unit is not None:
            return self._in_another_pack(request, request.unit, self.previous)
        if self.previous is None or not said:
            return None
        optional = request.optional_words or self.previous.optional_words
        carried = replace(request, words=self.previous.words, optional_words=optional)
        return _counted_after_its_size(carried, self.index) or carried

    def _uncompleted(self, request: ItemRequest) -> None:
        """An amount naming no product: ahead of the first item, that item's; in a pack word alone after an item the
        catalog does not sell in it (`omo 1kg 3 bales, 2 bars`), told to the owner, never dropped."""
        if self.previous is None:
            if request.quantity is not None and not self.ordered.lines:
                self.amount_ahead = request
            return
        if request.words or request.quantity is None or request.unit is None or request.size is not None:
            return
        # `10 pack, yung tig-sampung piraso`: pieces each pack holds, no more of it.
        if not (request.bare_numbers or request.more or request.optional_words or request.each):
            self.ordered.unknown.append(UnknownItem(request.phrase, int(request.quantity)))

    def _in_another_pack(self, request: ItemRequest, unit: str, previous: ItemRequest) -> ItemRequest | None:
        """`mighty red 2 ream ug 5 pack`: an amount in another pack word alone after an item is more of that
        product, sold in that pack, when the catalog sells it so; None otherwise. `coke 500ml 5 crates, 12 crates`:
        an amount in the same pack word is a second reading of the same item, a line of its own for the draft to
        show, never dropped."""
        if unit == previous.unit:
            return replace(previous, quantity=request.quantity, phrase=request.phrase, ranged=request.ranged)
        taken = replace(request, words=previous.words, optional_words=previous.optional_words)
        asked = self.ordered.ambiguous
        which = previous.quantity is None and bool(asked) and asked[-1].phrase == previous.phrase
        if which:
            # `ligo 155, 5 cs`: the amount in a pack answers which pack the item said alone is, in the size said with
            # it, with its measure or in figures alone.
            taken = replace(taken, size=request.size or previous.size, bare_numbers=previous.bare_numbers)
        match = match_request(taken, self.index)
        sold_in = self.index.lexicon.sell_units_for(unit)
        if len(match.candidates) != 1 or match.confirm or match.candidates[0].item.sell_unit not in sold_in:
            return None
        if which:
            if match.candidates[0].item.sku not in asked[-1].candidates:
                return None
            asked.pop()
        return taken

    def _match(self, request: ItemRequest) -> tuple[ItemRequest, Match]:
        """The request's match, and the request as read to match: a Chinese typo as the catalog word it sounds."""
        said = " ".join(request.words)
        # A code copied from the price list (`IND-CH-70 x 10`) names its SKU as a phrase the store taught does.
        learned_sku = self.learned_keys.get(said) or said
        learned_item = self.index.item_for_sku(learned_sku)
        if learned_item is not None and _learned_fits(request, learned_item):
            return request, Match((learned_item,), 100.0)
        match = match_request(request, self.index)
        named = _kind_words_named(request, self.index)
        if named is not None and (not match.candidates or _brand_beside_kind_words(request, self.index)):
            # `sopo ya maluwa`: beside a brand named, a local word for the kind says only the kind, even where the
            # catalog gives that word to one of the brand's products.
            widened = match_request(named, self.index)
            if widened.candidates and set(match.candidates) <= set(widened.candidates):
                match = widened
        if (wider := _whole_kind(request, match, self.index)) is not None:
            match = wider
        if (loosened := _kind_alias_loosened(request, match, self.index)) is not None:
            match = loosened
        if not match.candidates and (loose := _kind_words_loosened(request, self.index)) is not None:
            match = match_request(loose, self.index)
        elif match.confirm and (loose := _kind_words_unwritten(request, self.index)) is not None:
            # `bugas sinandomeng 25 kilos`: a local word for the kind that the catalog does not write asks no
            # confirmation of the product the other words name; unless that product says it is another kind (`aavin
            # paal`, milk, where the brand sells only ghee), flagged below.
            loosened = _unless_unsure(match_request(loose, self.index), match)
            match = match if _of_another_kind(request, loosened, self.index) else loosened
        if (not match.candidates or match.confirm) and (initialled := _initials_written(request, self.index)):
            # `argentina corned beef` for `ARGENTINA CB 150G`: two words the catalog writes by their initials.
            match = _unless_unsure(match_request(initialled, self.index), match)
        if _not_sold(request, match, self.index):
            return request, Match((), 0.0)
        if len(match.candidates) == 1 and (other_forms := _brands_other_forms(request, match, self.index)):
            # `peak milk sachet` read as the tinned milk beside Peak's sachets: asked among them, never guessed.
            match = replace(match, candidates=match.candidates + other_forms)
        if not match.candidates and (priced := _price_point_unglued(request, self.index)) is not None:
            match = match_request(priced, self.index)
        if not match.candidates and (unsized := _without_size_order_words(request, self.index)) is not None:
            # `pepsodent small` where only other products' aliases write `small`: the brand's smallest size.
            match = match_request(unsized, self.index)
        if not match.candidates:
            match = _respelt(request, self.index) or match
        if match.confirm and (cut := _cut_short_words_of(request, match, self.index)):
            match = replace(match, candidates=cut, confirm=False)
        if (not match.candidates or match.confirm) and (plain := _without_base_words(request, self.index)):
            # Only a product sold in one kind is its own base; among flavours, one named `original` is not sold.
            found = match_request(plain, self.index)
            if len(found.candidates) == 1 and not found.confirm:
                return plain, found
        if self.index.chinese is not None and not match.candidates and len(request.words) == 1:
            match = _kind_headed(request, self.index) or match
        if len(match.candidates) > 1:
            match = _without_other_kinds(request, match, self.index)
        if self.index.chinese is not None and (not match.candidates or match.confirm):
            return _read_as_chinese(request, match, self.index)
        if self.index.chinese is not None and len(match.candidates) > 1:
            return _heard_among(request, match, self.index)
        return request, match

    def _same_amount(self, request: ItemRequest) -> ItemRequest:
        """`coke 300ml 2 crates, fanta same`, `可乐3箱，王老吉一样`: an item said to be the same takes the amount of the
        item before it."""
        same = self.index.lexicon.same_amount_words.intersection(request.words)
        words = tuple(word for word in request.words if word not in same)
        previous = self.previous
        if not same or not words or previous is None or request.quantity is not None or not says_amount(previous):
            return request
        # `红牛5件 东鹏500一样`: a number that is the product's size counts nothing beside an amount said in full.
        sized = bool(request.bare_numbers) and _only_its_size(replace(request, words=words), self.index)
        if request.bare_numbers and not (sized and previous.quantity is not None):
            return request
        return replace(
            request,
            words=words,
            quantity=previous.quantity,
            unit=previous.unit,
            bare_numbers=request.bare_numbers if sized else previous.bare_numbers,
            ranged=previous.ranged,
        )

    def _unclear(self, request: ItemRequest, match: Match, outcome: _Outcome) -> None:
        """Nothing fits, or what fits needs confirming: flagged only when the item was clearly asked for, and asked
        among when several products fit."""
        said = (
            request.quantity is not None
            or request.unit is not None
            or request.size is not None
            or self.asks_availability
            or request.price_question
            or bool(request.bare_numbers)
        )
        if match.candidates and not said:
            if len(match.candidates) > 1:
                # `..., fanta whatever`: a product named beside a word the catalog lacks is asked about, never dropped.
                outcome.ambiguous.append(AmbiguousItem(request.phrase, 1, tuple(c.item.sku for c in match.candidates)))
            return
        if len(match.candidates) == 1 and not _names_another(request, self.index):
            quantity = _asked_quantity(request, match, match.candidates, self.index)
            outcome.ambiguous.append(
                AmbiguousItem(request.phrase, quantity, (match.candidates[0].item.sku,), "confirm")
            )
        elif said:
            outcome.unknown.append(UnknownItem(request.phrase, _typed_quantity(request, match)))
        self.previous = request

    def _resolve(self, request: ItemRequest, match: Match, outcome: _Outcome) -> None:
        """A line when one SKU is left (or half a pack), else a question among the SKUs left."""
        # The plain product first: a variant ordered before (`century hot n spicy, ... century 155`) is not the one
        # a name without its variant word carries on to.
        candidates = _plain_beside_variants(match.candidates, self.index)
        candidates = _named_as_such(request, self._narrowed(request, candidates), self.index)
        candidates = _plain_beside_variants(candidates, self.index)
        candidates = _plain_of_the_kind(request, candidates, self.index)
        candidates = _not_of_a_longer_kind(request, candidates, self.index)
        half_pack = _half_pack(request, match, candidates)
        if half_pack is not None:
            outcome.lines.append(OrderLine(half_pack.item.sku, 1, request.phrase, match.score))
            self.previous_item = half_pack
            return
        candidates = _filled_packs(request, match, candidates, self.index)
        candidates = _size_said(request, candidates, self.index)
        if len(candidates) > 1:
            skus = tuple(c.item.sku for c in candidates)
            outcome.ambiguous.append(
                AmbiguousItem(request.phrase, _asked_quantity(request, match, candidates, self.index), skus)
            )
            return
        item = candidates[0]
        quantity = _quantity(request, match, item, self.index)
        if quantity.acceptable and not request.ranged:
            line = OrderLine(item.item.sku, quantity.value, request.phrase, match.score, quantity.unit_mismatch)
            if self._amount_of_the_last(request, line, outcome):
                outcome.lines[-1] = replace(line, phrase=f"{outcome.lines[-1].phrase}, {request.phrase}")
            else:
                outcome.lines.append(line)
            self.line_requests[item.item.sku] = request
        else:
            # `2-3 ctn`, an amount of none or past any order: the amount is asked, never guessed.
            amount = 0 if request.ranged else quantity.value
            outcome.ambiguous.append(AmbiguousItem(request.phrase, amount, (item.item.sku,), "quantity"))
        self.previous_item = item

    def _amount_of_the_last(self, request: ItemRequest, line: OrderLine, outcome: _Outcome) -> bool:
        """`mayda kamo fita? 3 pack`, `mt. dew 2 case`: a product named without an amount, then at once again with
        one, is one item in that amount, not two added up."""
        last = outcome.lines[-1] if outcome.lines else None
        if last is None or last.sku != line.sku or not says_amount(request):
            return False
        earlier = self.line_requests.get(line.sku)
        return earlier is not None and not says_amount(earlier) and earlier.unit is None

    def _sized_in_place(self, request: ItemRequest, target: int) -> ItemRequest | None:
        """`dinorado 2 sako, ay hindi, sinandomeng 25 pala`: in place of an ordered line, the one number said that is
        a size of the product named (25kg) is that size, and the line's amount carries over."""
        lines = self.ordered.lines
        before = self.line_requests.get(lines[target].sku) if lines else None
        if before is None or before.quantity is None or request.quantity is not None or len(request.bare_numbers) != 1:
            return None
        carried = replace(request, quantity=before.quantity, unit=before.unit)
        return carried if match_request(carried, self.index).size_from_number == request.bare_numbers[0] else None

    def _named_again(self, request: ItemRequest) -> bool:
        """`..., aki dasani iwe 4`: a product this message ordered on one line, named again without an amount or
        a question, is the line the correction after it changes, not another line."""
        lines = self.ordered.lines
        if not lines or says_amount(request) or request.unit is not None or request.price_question:
            return False
        match = match_request(request, self.index)
        skus = {c.item.sku for c in match.candidates}
        hits = [position for position, line in enumerate(lines) if line.sku in skus]
        if match.confirm or len(hits) != 1:
            return False
        self.focus = hits[0]
        return True

    def _amount_corrected(self, request: ItemRequest) -> bool:
        """`castle 5 crates, eagle 5 crates, sorry castle 3`: a product this message ordered, named again with an
        amount right after a correction word, takes that amount instead of adding to it."""
        lines = self.ordered.lines
        match = match_request(request, self.index)
        skus = {c.item.sku for c in match.candidates}
        hits = [position for position, line in enumerate(lines) if line.sku in skus]
        item = self.index.item_for_sku(lines[hits[0]].sku) if len(hits) == 1 and not match.confirm else None
        if item is None:
            return False
        quantity = _quantity(request, match, item, self.index)
        if not quantity.acceptable:
            return False
        line = lines[hits[0]]
        phrase = f"{line.phrase}, {request.phrase}"
        lines[hits[0]] = replace(line, quantity=quantity.value, phrase=phrase, unit_mismatch=quantity.unit_mismatch)
        return True

    def _take_back(self, request: ItemRequest) -> None:
        """`remove the omo`, `beta malt instead of malta`: the product goes, or gives way to the one named beside it."""
        if _says_amount(request) and self._taken_off(request):
            return
        if not self._swapped(request):
            before = list(self.ordered.lines)
            _remove(request, self.ordered, self.index)
            gone = [line for line in before if line not in self.ordered.lines]
            self.taken_back = request
            if len(gone) == 1 and not _says_amount(request) and (said := self.line_requests.get(gone[0].sku)):
                # `雪花清爽10件 不要雪花了 换成大理V8`: a product taken back by name alone stands for its line, amount
                # and all, for the product named in its place.
                self.taken_back = said

    def _taken_off(self, request: ItemRequest) -> bool:
        """`coke 4 case, remove one`, `toa coke 2`: an amount taken off comes off the line of the product named, or
        of the item said before; True when it was read so, False when the product named is taken back whole."""
        named = request if request.words else self.previous
        if named is None or not named.words:
            return False
        skus = {c.item.sku for c in match_request(named, self.index).candidates}
        lines = self.ordered.lines
        hits = [position for position, line in enumerate(lines) if line.sku in skus]
        if not hits:
            return self._asked_less(request, named, skus)
        line = lines[hits[-1]]
        item = self.index.item_for_sku(line.sku)
        if item is None:
            return False
        taken = _quantity(request, Match((item,), 100.0), item, self.index)
        left = line.quantity - int(taken.value)
        phrase = f"{line.phrase}; {request.phrase}"
        if taken.acceptable and not taken.unit_mismatch and not line.unit_mismatch:
            if left > 0:
                lines[hits[-1]] = replace(line, quantity=left, phrase=phrase)
                return True
            if request.words:
                return False
            # `..., remove 4` of the 4 ordered: the line goes, and stands taken back for a product named in its place.
            del lines[hits[-1]]
            self.taken_back = self.line_requests.get(line.sku, named)
            return True
        # `..., remove 5 bottles` of a case of 24: what is left is no whole pack, so the amount is asked.
        del lines[hits[-1]]
        self.ordered.ambiguous.append(AmbiguousItem(phrase, line.quantity, (line.sku,), "quantity"))
        return True

    def _asked_less(self, request: ItemRequest, named: ItemRequest, skus: set[str]) -> bool:
        """`fanta 2 case, remove one` while which fanta is still asked: the question asks about what is left."""
        asked = self.ordered.ambiguous
        hits = [position for position, item in enumerate(asked) if not skus.isdisjoint(item.candidates)]
        typed = request.quantity if request.quantity is not None else request.bare_numbers[0]
        if not hits or request.unit not in (None, named.unit) or typed != int(typed):
            return False
        item = asked[hits[-1]]
        left = item.quantity - int(typed)
        if left <= 0:
            return False
        asked[hits[-1]] = replace(item, quantity=left, phrase=f"{item.phrase}; {request.phrase}")
        return True

    def _amount_in_place(self, request: ItemRequest, taken_back: ItemRequest | None) -> bool:
        """`红牛5件 算了 换成8件`: an amount said in place of the item just taken back is that item's new amount."""
        if not (request.correction and not request.words and _says_amount(request)):
            return False
        if taken_back is None or not taken_back.words:
            return False
        restored = replace(taken_back, removal=False, correction=False, quantity=request.quantity, unit=request.unit)
        self.read(restored if request.quantity is not None else replace(restored, bare_numbers=request.bare_numbers))
        return True

    def _restored(self, request: ItemRequest, taken_back: ItemRequest | None) -> bool:
        """`白云边五星2件 算了 换成12年的`: a product named in place of the one just taken back with its amount, without
        an amount of its own, takes that item's amount."""
        if taken_back is None or not taken_back.words or request.price_question:
            return False
        if _says_amount(request) or not _says_amount(taken_back):
            return False
        lines = self.ordered.lines
        count = len(lines)
        self.read(replace(taken_back, removal=False))
        if len(lines) == count + 1 and self._replaced(request, count):
            return True
        del lines[count:]
        return False

    def _give_way(self, request: ItemRequest, target: int) -> None:
        """`酸菜面5箱，哦不，鸡汤面5箱`: a line gives way to another product of its kind named with its own amount."""
        line = self.ordered.lines[target]
        item = self.index.item_for_sku(line.sku)
        candidates = match_request(request, self.index).candidates
        if item is None or not candidates or any(c.item.sku == line.sku for c in candidates):
            return
        if all(c.item.category == item.item.category for c in candidates):
            del self.ordered.lines[target]

    def _swapped(self, request: ItemRequest) -> bool:
        """`beta malt instead of malta`, `instead of malta send beta malt`: a product taken back beside another
        one not ordered yet is replaced by it, in the amount it had."""
        lines = self.ordered.lines
        ordered = {line.sku for line in lines}
        for target in range(len(lines) - 1, -1, -1):
            item = self.index.item_for_sku(lines[target].sku)
            if item is None:
                continue
            rest = _without_words_of(request, item)
            if rest is request:
                continue
            if not (request.swaps or self._names_line(replace(request, words=_left_out(request, rest)), target)):
                continue
            found = match_request(rest, self.index).candidates
            # `fanta orange 4 crates, not fanta passion`: the line's brand, written as part of the one product
            # named, names no second product; the line is said not to be that one, and stays.
            shared = set(request.words) - set(rest.words)
            if shared & item.brand_words and any(shared <= c.brand_words | c.core for c in found):
                continue
            if found and not any(c.item.sku in ordered for c in found):
                return self._replaced(replace(rest, removal=False, replacement=True), target)
        return False

    def _names_line(self, request: ItemRequest, target: int) -> bool:
        """`malto 2 ctn, beto instead of malto`: the words taken back name the line's product itself; a brand
        alone (`kopiko brown 10 tie, not kopiko black`) names another of its products, taken back, not swapped."""
        sku = self.ordered.lines[target].sku
        found = [self.index.item_for_sku(c.item.sku) for c in match_request(request, self.index).candidates]
        line = self.index.item_for_sku(sku)
        return line is not None and line in found and all(item is not None and item.core == line.core for item in found)

    def _replaced(self, request: ItemRequest, target: int) -> bool:
        """`mumias 50kg gunia 2, no wait make it kabras`, `fanta orange crate 3, sorry passion`: the line becomes
        the product of the same kind named, in the size, pack and amount it had; its brand carries over when the
        product needs it."""
        lines = self.ordered.lines
        line = lines[target]
        before = self.line_requests.get(line.sku, self.previous)
        item = self.index.item_for_sku(line.sku)
        if before is None or item is None:
            return False
        said, request = request, _without_words_of(request, item)
        replacement = _carried_over(request, before, item, self.index)
        # `coke mismo 5cs, palitan ng royal mismo`: the words it shares with the old line may be what picks it; where
        # they leave sizes to choose, the old line's size read from a bare number (`highlands 500 case 5, sorry ni
        # dasani`) does.
        sizes = (before.size,) if before.size is not None else (None, item.size)
        tried = [(words, size) for size in sizes for words in (request, said)] if replacement is None else []
        for words, size in tried:
            packed = words.optional_words + _pack_named(words, before.unit, self.index)
            match = match_request(
                replace(words, size=words.size or size, unit=before.unit, optional_words=packed), self.index
            )
            if len(match.candidates) == 1 and not match.confirm:
                replacement = match.candidates[0]
                break
        if replacement is None:
            return False
        if _kind_of(replacement.item.category) != _kind_of(item.item.category):
            # A product of another kind is one more item, not a correction of this one.
            return False
        lines[target] = replace(line, sku=replacement.item.sku, phrase=f"{line.phrase}, {request.phrase}")
        self.line_requests[replacement.item.sku] = replace(request, size=request.size or before.size)
        self.previous_item = replacement
        return True

    def _narrowed(self, request: ItemRequest, candidates: tuple[IndexedItem, ...]) -> tuple[IndexedItem, ...]:
        """Several SKUs fit: the one this message already ordered, or the one the item before it carries over."""
        # `kapiri 25kg 10 bags, mealie meal 10kg`, `omo 500g bale 1 na sabuni ya unga 500g bale 2`: a kind of goods
        # named alone keeps no brand said before, nor means the product of its kind already ordered.
        carries = not names_only_a_kind(request, self.index)
        if carries and len(candidates) > 1 and self.ordered.lines:
            # "3 bags mama gold 50kg ..., one more mama gold": the product already ordered in this message.
            ordered_skus = {line.sku for line in self.ordered.lines}
            again = [c for c in candidates if c.item.sku in ordered_skus]
            if len(again) == 1:
                return (again[0],)
        if carries and len(candidates) > 1 and self.previous_item is not None and self.previous is not None:
            carried = _carried_over(request, self.previous, self.previous_item, self.index)
            if carried is not None and carried in candidates:
                return (carried,)
            # `3 tray itlog large at 2 tray medium`: words naming no brand, after goods of no brand, keep their kind.
            kind = self.previous_item.item.category
            same_kind = [c for c in candidates if c.item.category == kind]
            if not self.previous_item.brand_words and len(same_kind) == 1 and not names_a_brand(request, self.index):
                return (same_kind[0],)
        unit = self.previous.unit if self.previous is not None else None
        if len(candidates) > 1 and unit is not None and _counted_bare_of_pack(request):
            # `kreti mbili za tusker, moja ya pilsner`: a count with no pack word after one with a pack word is counted
            # in that pack, where it is how one of the products is sold.
            sold_in = self.index.lexicon.sell_units_for(unit)
            packed = [c for c in candidates if c.item.sell_unit in sold_in]
            if len(packed) == 1:
                return (packed[0],)
        return candidates


def _counted_bare_of_pack(request: ItemRequest) -> bool:
    """An amount said with no pack word and no size."""
    return request.unit is None and request.size is None and _says_amount(request)


def _size_priced(request: ItemRequest, match: Match, index: CatalogIndex) -> tuple[ItemRequest, Match] | None:
    """`mojo 250 case er dam koto`, `ketepa 250 carton ni bei gani`, `bei ya coke 300 crate`: the price of a pack asks
    of no amount, so a number before its pack word that is the size of one of the products named is that size."""
    if request.size is not None or request.quantity is None or request.unit is None or not match.candidates:
        return None
    sized = replace(request, quantity=None, bare_numbers=(request.quantity, *request.bare_numbers))
    found = match_request(sized, index)
    if len(found.candidates) != 1 or found.confirm or found.candidates[0] not in match.candidates:
        return None
    if len(match.candidates) == 1 and found.size_from_number != request.quantity:
        return None
    return sized, found


def _says_a_size(request: ItemRequest) -> bool:
    """A size said as a correction or alone (`..., no, 25kg`, `..., 1.5L`), or a correction that is a number no
    whole count (`..., 1.5 pala`)."""
    if request.size is not None:
        return request.correction or not request.words
    numbers = request.bare_numbers
    return request.correction and not request.words and len(numbers) == 1 and not numbers[0].is_integer()


def _each_apart(request: ItemRequest, index: CatalogIndex) -> list[ItemRequest]:
    """`可乐 雪碧 各5箱`: words that name nothing together, before an amount for each, are the products listed,
    each the longest run of words that names one; none when a word is left naming nothing. A pack word said
    (`可乐罐装 雪碧 各5箱`) still prefers that pack for each."""
    words, items, start = request.words, [], 0
    while start < len(words):
        for end in range(len(words), start, -1):
            item = replace(request, words=words[start:end], each=False)
            if match_request(item, index).candidates:
                items.append(item)
                start = end
                break
        else:
            return []
    return items if len(items) > 1 else []


def _listed(request: ItemRequest) -> bool:
    """Items said one after another: before an amount for each, or in a price question with no amount
    (`红牛怡宝多少钱`)."""
    return request.each or (request.price_question and not _says_amount(request))


def _names_another(request: ItemRequest, index: CatalogIndex) -> bool:
    """`统一老坛酸菜`, `海天蚝油`: a word of the language the catalog does not have names a brand or a product it
    does not sell, not a misspelling of the one it does."""
    chinese = index.chinese
    return chinese is not None and any(chinese.is_word(w) for w in request.words if not index.read_word(w))


def _amount_kept(request: ItemRequest) -> ItemRequest | None:
    """The request with the amount it keeps: its counted amount, else the one bare number not taken back."""
    if request.quantity is not None:
        return request
    kept = [n for n in request.bare_numbers if n not in request.negated]
    if request.negated and len(kept) == 1:
        return replace(request, quantity=kept[0], bare_numbers=())
    return None


def _says_amount(request: ItemRequest) -> bool:
    return request.quantity is not None or bool(request.bare_numbers)


def _only_its_size(request: ItemRequest, index: CatalogIndex) -> bool:
    """`..., sorry red horse 500`: the one number said is the size of the product named, not its amount."""
    if request.quantity is not None or len(request.bare_numbers) != 1:
        return False
    return match_request(request, index).size_from_number == request.bare_numbers[0]


def _assembled(text: str, ordered: _Outcome, asked: _Outcome) -> OrderParse:
    """The parse: lines merged by SKU, and the items only asked about as price questions."""
    asks_prices = not ordered and bool(asked)
    if asks_prices:
        # A message that only asks prices reads its items as lines (the price of one sell unit).
        ordered, asked = asked, _Outcome(unknown=ordered.unknown)
        ordered.unknown[:0] = asked.unknown
    questions = tuple(PriceQuestion(line.phrase, (line.sku,)) for line in asked.lines) + tuple(
        PriceQuestion(item.phrase, item.candidates) for item in asked.ambiguous
    )
    return OrderParse(
        text=text,
        lines=_merged(ordered.lines),
        ambiguous=tuple(ordered.ambiguous),
        unknown=tuple(ordered.unknown + asked.unknown),
        price_questions=questions,
        asks_prices=asks_prices,
    )


def _respecify(
    request: ItemRequest, previous: ItemRequest, ordered: _Outcome, target: int, index: CatalogIndex
) -> IndexedItem | None:
    """`5 bags sugar 1kg, no wait, the 2kg one`: the line becomes the same product in the new size."""
    lines = ordered.lines
    # `coke mismo 2 case, no, 1.5 litre`: the name of the old size (`mismo`) gives way to the size said.
    words = tuple(word for word in previous.words if word not in index.lexicon.size_names) or previous.words
    corrected = index.item_for_sku(lines[target].sku) if lines else None
    if corrected is None:
        return None
    item = _resized(request, previous, words, corrected, index)
    if item is None:
        # `coke small 4 packs, change it to 1L`: a word that named the old size among variants (`small`) gives way
        # too, where the product stays the same one.
        plain = tuple(word for word in words if word not in index.lexicon.variant_words)
        if 0 < len(plain) < len(words):
            item = _resized(request, previous, plain, corrected, index, same_only=True)
    if item is None:
        return None
    number = request.quantity if request.quantity is not None else lines[target].quantity
    phrase = f"{lines[target].phrase}, {request.phrase}"
    if number != int(number) or not 0 < number <= index.lexicon.max_quantity:
        # `sorry, half ctn`: not a count of packs, so the line becomes a question about the amount.
        lines.pop(target)
        ordered.ambiguous.append(AmbiguousItem(phrase, 0, (item.item.sku,), reason="quantity"))
        return item
    lines[target] = replace(lines[target], sku=item.item.sku, quantity=int(number), phrase=phrase)
    return item


def _resized(
    request: ItemRequest,
    previous: ItemRequest,
    words: tuple[str, ...],
    corrected: IndexedItem,
    index: CatalogIndex,
    same_only: bool = False,
) -> IndexedItem | None:
    """The product of the corrected line in the size a correction says: the brand and the kind of goods stay."""
    optional = request.optional_words or previous.optional_words
    match = match_request(replace(request, words=words, optional_words=optional), index)
    if match.confirm:
        return None
    same = [c for c in match.candidates if (c.brand_words, c.core) == (corrected.brand_words, corrected.core)]
    if len(same) == 1:
        return same[0]
    return match.candidates[0] if len(match.candidates) == 1 and not same_only else None


def _remove(request: ItemRequest, ordered: _Outcome, index: CatalogIndex) -> None:
    """`remove the omo`: every line the message had for that product goes, and it leaves every question.

    A question left with one product asks to confirm it (`2 box canton ..., wag na yung payless`).
    """
    skus = set(c.item.sku for c in match_request(request, index).candidates)
    if not skus:
        return
    # `surf 10 wala 5 ladi, surf hata do`: a line whose own words name the product goes too, when the product named
    # alone means its other packs.
    said = set(request.words)
    ordered.lines[:] = [
        line for line in ordered.lines if line.sku not in skus and not said <= set(catalog_words(line.phrase))
    ]
    kept = []
    for item in ordered.ambiguous:
        left = tuple(sku for sku in item.candidates if sku not in skus)
        if len(left) == len(item.candidates):
            kept.append(item)
        elif left:
            kept.append(replace(item, candidates=left, reason="confirm" if len(left) == 1 else item.reason))
    ordered.ambiguous[:] = kept


def _command(text: str, index: CatalogIndex) -> bool:
    """`START`, `Stop!`, `band karo`: a message that is only a word to the assistant itself."""
    return " ".join(t.text for t in tokenize(clean_text(text)) if t.kind == "word") in index.lexicon.command_words


def says_yes(text: str, lexicon: Lexicon) -> bool:
    """`SI`, `Sí!`, `sí, confirmo`: a message of only yes words, or of yes words and then when to deliver (`ok confirm,
    deliver before 3pm`, `ndio, leteni saa 3`). Another word beside one may turn it around in another language
    (Swahili `si hii`, not this one), and a number may be an amount (`12 si 10`)."""
    tokens = tokenize(clean_text(text))
    said = len(list(takewhile(lambda t: t.kind == "sep" or t.text in lexicon.yes_words, tokens)))
    if not any(t.kind == "word" for t in tokens[:said]):
        return False
    return all(t.kind == "sep" for t in tokens[said:]) or _only_when_to_deliver(tokens[said:], lexicon)


def asks_the_total(text: str, lexicon: Lexicon) -> bool:
    """`jumla ni ngapi?`, `how much is the total`, `magkano lahat`: a word of a sum and a word asking a price, and no
    other word but everyday ones; the order's total, never a product's price (`total 408` states a sum and asks
    nothing)."""
    words = catalog_words(text)
    everyday = (lexicon.sum_words, lexicon.price_cues, lexicon.stop_words, lexicon.fillers)
    return (
        not lexicon.sum_words.isdisjoint(words)
        and not lexicon.price_cues.isdisjoint(words)
        and all(any(word in own for own in everyday) for word in words)
    )


# What a message does with the goods the reader found in it: orders them, or asks their price or stock.
ORDERS = "orders"
ASKS = "asks"


def what_goods_are_for(text: str, parse: OrderParse, index: CatalogIndex) -> str | None:
    """`ORDERS` where the reader found goods with an amount said for them (`he nyanya anna crate imwe`, `5 ctn kimbo,
    na bei ya omo?`), whatever words of a language the classifier never saw made it read a greeting or a status
    question; `ASKS` where it only asks their price (`tem oleo fula 2 litros?`) or whether they are in stock (`hay
    azucar?`, `ara pa kamo bear brand 33g?`); None for goods named with no amount (`thanks, the kimbo was good`) or
    only a size (`minola 1 litro`), unless a word that asks for goods asks for them (`he minji kilo ithano`, `manda
    coca`): an order whose amount is its weight or unsaid; None for no goods."""
    if parse.asks_prices:
        return ASKS
    if not (parse.lines or parse.ambiguous):
        return None
    reading = read_message(text, index.for_message(text))
    ordered = [request for request in reading.requests if not request.price_question]
    if any(request.quantity is not None for request in ordered):
        return ORDERS
    if reading.asks_availability:
        # A number beside the goods with no unit may be part of a name (`555 sardinas`) in a question of stock.
        return ASKS
    if any(request.bare_numbers for request in ordered):
        return ORDERS
    return ORDERS if _only_asks_for(text, index) else None


def _only_asks_for(text: str, index: CatalogIndex) -> bool:
    """`he minji kilo ithano`, `manda coca`: a word that asks for goods, and besides it only words the catalog writes
    or local words for them, amounts, units and sizes, greetings and joining words; not `need help with omo`."""
    words = {without_marks(word) for word in catalog_words(text)}
    return not index.lexicon.asking_words.isdisjoint(words) and index.names_goods(index.goods_words(words))


def _only_when_to_deliver(tokens: list[Token], lexicon: Lexicon) -> bool:
    """True when the words say a time of day and, besides it, only everyday words (`deliver`, `please`, `kesho`) that
    neither deny nor correct."""
    timed = False
    position = 0
    while position < len(tokens):
        span = time_of_day(tokens, position, lexicon)
        token = tokens[position]
        if span:
            timed = True
        elif token.kind != "sep" and not _everyday(token.text, lexicon):
            return False
        position += span or 1
    return timed


def _everyday(word: str, lexicon: Lexicon) -> bool:
    # Looked up in the locale's sets, never in their union, which would be made anew for every message.
    return (word in lexicon.fillers or word in lexicon.stop_words) and word not in lexicon.corrections_and_negations


def _everyday_reading(request: ItemRequest, index: CatalogIndex) -> ItemRequest:
    """`CAN you send 2 bags DAP`: a word in capitals that names nothing with the rest is an everyday word again."""
    everyday = set(request.capitalised)
    words = tuple(w for w in request.words if w not in everyday)
    optional = request.optional_words + tuple(w for w in request.capitalised if w in index.postings)
    return replace(request, words=words, optional_words=optional, capitalised=())


def _kind_words_named(request: ItemRequest, index: CatalogIndex) -> ItemRequest | None:
    """`unga ya mahindi`: a local word for a kind of goods that the catalog gives to one product (`mahindi`, the
    grain) is read as the kind (`maize`) when the words together name nothing."""
    words: list[str] = []
    for word in request.words:
        namings = index.namings(word)
        words.extend(namings[0] if namings else (word,))
    return replace(request, words=tuple(words)) if tuple(words) != request.words else None


def _brand_beside_kind_words(request: ItemRequest, index: CatalogIndex) -> bool:
    """`sopo ya maluwa`: the words other than local words for kinds of goods name a brand."""
    kinds = index.lexicon.product_words
    return names_a_brand(replace(request, words=tuple(w for w in request.words if w not in kinds)), index)


def _names_a_pack(request: ItemRequest) -> bool:
    """A pack word (an optional word, or a pack unit said without an amount) and nothing else of the product."""
    return bool(request.optional_words) or (request.unit is not None and request.quantity is None)


def _left_out(request: ItemRequest, rest: ItemRequest) -> tuple[str, ...]:
    """The words of a request that `_without_words_of` left out: those of the product it names beside the new one."""
    return tuple(word for word in request.words if word not in rest.words)


def _without_words_of(request: ItemRequest, item: IndexedItem) -> ItemRequest:
    """`lux er bodole keya`, `badala ya lux, keya`: a correction that names the product it replaces beside the new
    one names the new one; the old one's words are left out where other words remain."""
    old = item.brand_words | item.core | {word for alias in item.alias_words for word in alias}
    words = tuple(word for word in request.words if word not in old)
    return replace(request, words=words) if words and len(words) < len(request.words) else request


def _whole_kind(request: ItemRequest, match: Match, index: CatalogIndex) -> Match | None:
    """`mafuta ya kupikia 5L`, `vegetable oil 1L`, `washing powder 500g`: a kind named by its products' category's
    word (`oil` of `FOOD-OIL`), or by the word its names write (`powder`), and words that say what the whole kind is
    for (`cooking`, `veg`, `washing`), which only some of its names write, means every product of that category that
    fits: asked among them, never guessed from the one name that writes the describing word. Not where a product
    left out writes a flavour (`vegetable noodles` beside `chicken noodles`): the word said is that flavour."""
    use_words = index.lexicon.kind_use_words
    if len(request.words) < 2 or use_words.isdisjoint(request.words) or not match.candidates:
        return None
    found = match.candidates
    shared = frozenset.intersection(*(c.category_words for c in found))
    # `cooking oil` of `EDIBLE OILS`: a category names its kind in the plural. Where it names none (`washing powder`
    # under `DETERGENTS`), the kind is the word every name found writes.
    head = tuple(w for w in request.words if w in shared or w + "s" in shared) or tuple(
        w for w in request.words if w not in use_words and all(w in c.core for c in found)
    )
    if not head or not set(request.words) - set(head) <= use_words:
        return None
    wider = match_request(replace(request, words=head), index)
    categories = {c.item.category for c in found}
    kept = tuple(c for c in wider.candidates if c.item.category in categories)
    if len(kept) <= len(found) or not set(found) <= set(kept):
        return None
    # A word for what the kind is for is no flavour (`Vegetable Oil` beside `COOKING OIL`).
    flavours = index.lexicon.flavour_words.difference(use_words)
    if any(not flavours.isdisjoint(c.core) for c in kept if c not in found):
        return None
    return replace(wider, candidates=kept)


def _kind_alias_loosened(request: ItemRequest, match: Match, index: CatalogIndex) -> Match | None:
    """`sabuni ya kufua menengai`: a kind of goods named in several local words that one SKU's alias writes and its
    name does not, said beside its brand, narrows nothing among the brand's products of that kind: the cream and the
    white bar are both washing soap, so which is asked."""
    if len(match.candidates) != 1:
        return None
    item = match.candidates[0]
    kinds = index.lexicon.product_words
    loose = {w for w in request.words if w in kinds and w not in item.core and w not in item.brand_words}
    if len(loose) < 2 or len(loose) == len(request.words) or not any(loose <= set(a) for a in item.alias_words):
        return None
    rest = replace(request, words=tuple(w for w in request.words if w not in loose))
    if not names_a_brand(rest, index):
        return None
    wider = match_request(rest, index)
    found = wider.candidates
    if len(found) < 2 or item not in found or wider.confirm or any(c.brand_words != item.brand_words for c in found):
        return None
    return wider


def _kind_words_loosened(request: ItemRequest, index: CatalogIndex) -> ItemRequest | None:
    """`lux sabun`: a local word for a kind of goods that the catalog writes for other products narrows nothing.

    When the words together name nothing, such words only prefer the products that have them.
    """
    kinds = tuple(w for w in request.words if w in index.lexicon.product_words)
    if not kinds or len(kinds) == len(request.words):
        return None
    words = tuple(w for w in request.words if w not in kinds)
    return replace(request, words=words, optional_words=request.optional_words + kinds)


def _kind_words_unwritten(request: ItemRequest, index: CatalogIndex) -> ItemRequest | None:
    """The request without its local words for a kind of goods, when they are the only words the catalog does not
    write and the words left name more than a kind (a brand, a variety)."""
    unread = [w for w in request.words if not index.read_word(w)]
    kinds = index.lexicon.product_words
    if not unread or len(unread) == len(request.words) or any(w not in kinds or index.namings(w) for w in unread):
        return None
    loose = replace(request, words=tuple(w for w in request.words if w not in unread))
    return None if names_only_a_kind(loose, index) else loose


def _brands_other_forms(request: ItemRequest, match: Match, index: CatalogIndex) -> tuple[IndexedItem, ...]:
    """The active SKUs of the candidate's brand that write a packaging word said beside it which it does not."""
    candidate = match.candidates[0]
    said = _packaging_said(request, index)
    if not said or not candidate.item.brand:
        return ()
    for word in said:
        positions = index.postings.get(word, frozenset())
        if candidate.position in positions:
            return ()
        items = (index.items[position] for position in sorted(positions))
        others = tuple(other for other in items if other.item.brand == candidate.item.brand and other.item.active)
        if others:
            return others
    return ()


def _packaging_said(request: ItemRequest, index: CatalogIndex) -> list[str]:
    """The packaging words said beside the product (`sachet`, `bar`), in the order said."""
    return [word for word in request.optional_words if word in index.lexicon.packaging_words]


def _of_another_kind(request: ItemRequest, match: Match, index: CatalogIndex) -> bool:
    """True when every candidate's name writes its category's word (`Aavin Ghee`, filed under ghee) and none writes a
    kind that the request's unread local words for kinds of goods say (`paal`, milk), as the catalog spells it."""
    kinds = [
        {read.word for read in index.read_word(word)} | {word}
        for unread in request.words
        if not index.read_word(unread)
        for naming in index.lexicon.product_words.get(unread, ())
        for word in naming
    ]
    if not kinds or not match.candidates:
        return False
    return all(
        candidate.core & candidate.category_words
        and not any(kind & (candidate.core | candidate.category_words) for kind in kinds)
        for candidate in match.candidates
    )


def _not_sold(request: ItemRequest, match: Match, index: CatalogIndex) -> bool:
    """True when the request names a product the catalog does not sell, to flag rather than match: `鸡蛋 3板` beside
    `鸡蛋挂面` (eggs, never the egg noodles); `amul taaza doodh` where the brand sells only ghee, `cigarette gold
    flake` beside Saffola Gold (never one to confirm); `tide bar` where Tide is sold only as powder beside other
    brands' bars (never the powder)."""
    return (
        _kind_only_modifies(request, match, index)
        or (match.confirm and _names_an_unsold_product(request, match, index))
        or _in_a_form_not_sold(request, match, index)
    )


def _names_an_unsold_product(request: ItemRequest, match: Match, index: CatalogIndex) -> bool:
    """Words the catalog does not write beside words it does, where one it does not is a flavour (`indomie goreng
    rendang` beside the brand's other flavours) or a variant (`coke zero` where no Zero is sold), where those it does
    are only variant or flavour words (`gold`), or where one it does not is a local word for a kind none of the
    candidates is (`doodh`, milk, beside a brand's ghee)."""
    unread = {word for word in request.words if not index.read_word(word)}
    if not unread or len(unread) == len(set(request.words)):
        return False
    lexicon = index.lexicon
    if not unread.isdisjoint(lexicon.flavour_words | lexicon.variant_marks) or all(
        word in unread or word in lexicon.variant_words or word in lexicon.flavour_words for word in request.words
    ):
        return True
    kinds = [set(naming) for word in unread for naming in lexicon.product_words.get(word, ())]
    return bool(kinds) and not any(
        kind <= item.core | item.category_words for item in match.candidates for kind in kinds
    )


def _in_a_form_not_sold(request: ItemRequest, match: Match, index: CatalogIndex) -> bool:
    """True when a packaging word said beside the product (`bar`) is written by products of the candidates' kind
    and by none of the candidates' brands: the brand asked for comes in a form the catalog does not sell it in."""
    said = _packaging_said(request, index)
    if not said or not match.candidates:
        return False
    brands = {candidate.item.brand for candidate in match.candidates}
    if "" in brands:
        return False
    categories = {candidate.item.category for candidate in match.candidates}
    items = index.items
    for word in said:
        # A packaging word can be on thousands of SKUs: each test stops at the first that settles it.
        writing = index.postings.get(word, frozenset())
        if any(items[p].item.category in categories for p in writing) and not any(
            items[p].item.brand in brands for p in writing
        ):
            return True
    return False


def _kind_only_modifies(request: ItemRequest, match: Match, index: CatalogIndex) -> bool:
    """True when a Chinese local word for a kind of goods, said alone, is written by every candidate's name and
    aliases only ahead of a longer word (`鸡蛋` of `鸡蛋挂面`), whose last characters say the kind, and no candidate
    is of that kind; a name ending in a kind within it (`籼米` of `大米`, `调和油` of `食用油`) is of it."""
    if index.chinese is None or len(request.words) != 1 or not match.candidates:
        return False
    word = request.words[0]
    namings = index.lexicon.product_words.get(word)
    if not namings or HAN_RE.match(word) is None or word not in index.postings:
        return False
    kinds = (word, *index.lexicon.kind_includes.get(word, ()))
    for candidate in match.candidates:
        if word in candidate.category_words or any(set(naming) <= candidate.category_words for naming in namings):
            return False
        item = candidate.item
        runs = _HAN_RUN_RE.findall(" ".join((item.name, *item.aliases)))
        if any(run.endswith(kind) for run in runs for kind in kinds):
            return False
    return True


def _without_other_kinds(request: ItemRequest, match: Match, index: CatalogIndex) -> Match:
    """`方便面` filed with `鸡蛋挂面`: a Chinese word for a kind of goods said alone leaves out the products whose name
    ends a word with a word for another kind (`挂面`), the kind that product is; unless that leaves one or none, still
    asked among all."""
    if index.chinese is None:
        return _without_named_kinds(request, match, index)
    if len(request.words) != 1:
        return match
    word = request.words[0]
    namings = index.lexicon.product_words.get(word)
    if not namings:
        return match
    said = {word, *(w for naming in namings for w in naming)}
    kinds = index.lexicon.kind_naming_words
    kept = tuple(c for c in match.candidates if _kinds_ending_words(c.item.name, kinds) <= said)
    return replace(match, candidates=kept) if 1 < len(kept) < len(match.candidates) else match


def _without_named_kinds(request: ItemRequest, match: Match, index: CatalogIndex) -> Match:
    """`bugas` (rice) said alone beside `Malagkit Glutinous Rice`: a kind named alone leaves out the products whose
    name writes a local word for a kind of its own within it (`malagkit`, glutinous rice, more than rice), unless that
    leaves one or none; a word for another kind (`KOPI ABC SUSU`, milk) only says what the product holds, and one for
    the same kind (`pancit`, noodles) is that kind."""
    if index.kinds_within_written.isdisjoint(map(_POSITION, match.candidates)) or not names_only_a_kind(request, index):
        return match
    kinds = index.lexicon.product_words
    said = set(request.words) | {w for word in request.words for naming in kinds.get(word, ()) for w in naming}

    def within(word: str) -> bool:
        return word not in said and any(
            not said.isdisjoint(naming) and not said.issuperset(naming) for naming in kinds.get(word, ())
        )

    kept = tuple(c for c in match.candidates if not any(map(within, c.core)))
    return replace(match, candidates=kept) if 1 < len(kept) < len(match.candidates) else match


@lru_cache(maxsize=65536)
def _kinds_ending_words(name: str, kinds: frozenset[str]) -> frozenset[str]:
    """The Chinese words of two characters or more for kinds of goods that end a word of a name (`挂面`)."""
    runs = _HAN_RUN_RE.findall(name)
    return frozenset(k for run in runs for end in range(2, len(run) + 1) if (k := run[-end:]) in kinds)


def _unless_unsure(found: Match, otherwise: Match) -> Match:
    return found if found.candidates and not found.confirm else otherwise


def _kind_headed(request: ItemRequest, index: CatalogIndex) -> Match | None:
    """`水 10箱`, `茶 5箱`: a Chinese character alone is the kind of every product named with a word it ends
    (`纯净水`, `天然水`; `绿茶`, `冰红茶`); one such product is only confirmed."""
    found: dict[str, IndexedItem] = {}
    for word in heads_catalog_words(request.words[0], index):
        for candidate in match_request(replace(request, words=(word,)), index).candidates:
            found.setdefault(candidate.item.sku, candidate)
    if not found:
        return None
    return Match(tuple(found.values()), 100.0, confirm=len(found) == 1)


def _cut_short_words_of(request: ItemRequest, match: Match, index: CatalogIndex) -> tuple[IndexedItem, ...]:
    """`obaapa spag`, `milo choc`, `vocha voda`: the candidates a word of whose name each word the catalog does not
    know begins (four letters at least), so it is that word cut short, and names nothing else; none when none is."""
    unknown = [word for word in request.words if not index.read_word(word)]
    if not unknown or any(len(word) < _MIN_CUT_SHORT or not word.isalpha() for word in unknown):
        return ()
    return tuple(
        candidate
        for candidate in match.candidates
        if all(any(written.startswith(word) for written in candidate.core | candidate.brand_words) for word in unknown)
    )


def _respelt(request: ItemRequest, index: CatalogIndex) -> Match | None:
    """`ashirvad multigrain`, `patanjali sarso tel`: words that each name something but together nothing, or
    `safola 5 litre` where only the 1L carton has that alias, where one is the catalog's other spelling of a word
    (an alias spelt as it sounds, a letter dropped)."""
    for position, word in enumerate(request.words):
        if word not in index.postings:
            continue
        for spelling in index.other_spellings(word):
            words = request.words[:position] + (spelling,) + request.words[position + 1 :]
            match = match_request(replace(request, words=words), index)
            if match.candidates:
                return match
    return None


def _read_as_chinese(request: ItemRequest, match: Match, index: CatalogIndex) -> tuple[ItemRequest, Match]:
    """Chinese whose words name nothing, or whose words that name nothing leave the product to confirm: read
    without the words of the language that name no thing (`赶紧`, `今儿`) and, when nothing is named, with a word
    typed in characters that sound like a catalog word, with a brand typed one character wrong or without a
    character left alone; taken when the words then name a product for sure, among those the other words named,
    or the one product a word heard as a catalog word names. Each reading is worked out only when those before it
    name nothing so."""
    named = {c.item.sku for c in match.candidates}

    def heard() -> ItemRequest | None:
        return _heard(request, index)

    readers: list[Callable[[], ItemRequest | None]] = [
        lambda: _without_chatter(request, index),
        lambda: _brand_spelt(request, match, index),
        heard,
        lambda: _brand_mistyped(request, index),
        lambda: _cut_short(request, index),
        lambda: _size_written(request, index),
    ]
    if not named:
        # `怡保十件`: where nothing is named, a word of the language may have been typed for a catalog word's sound.
        readers.extend((lambda: _without_loose_characters(request), lambda: _heard(request, index, words_too=True)))
    among: tuple[ItemRequest, Match] | None = None
    for read in readers:
        reading = read()
        if reading is None:
            continue
        found = match_request(reading, index)
        if found.confirm and (spelt := _brand_spelt(reading, found, index)) is not None:
            # `gm纯奶`: the word read short names the product, and the letters beside it spell its brand.
            reading, found = spelt, match_request(spelt, index)
        within = all(c.item.sku in named for c in found.candidates if named)
        # `望仔牛奶`: a word that names nothing, heard as one catalog word, names its product even where the words
        # beside it, read alone, named others (`牛奶` the plain milks).
        sounded = read is heard and match.confirm and len(found.candidates) == 1
        if found.candidates and not found.confirm and (within or sounded):
            if len(found.candidates) == 1:
                return reading, found
            # `心相映卷纸`: a word read as chatter may be a brand typed for its sound, which names one of them.
            among = among or (reading, found)
    return among or (request, match)


def _heard_among(request: ItemRequest, match: Match, index: CatalogIndex) -> tuple[ItemRequest, Match]:
    """`到到全菜籽油`: among the products the words name, the one a word typed for its sound names."""
    heard = _heard(request, index)
    if heard is None:
        return request, match
    found = match_request(heard, index)
    named = {c.item.sku for c in match.candidates}
    if len(found.candidates) == 1 and not found.confirm and found.candidates[0].item.sku in named:
        return heard, found
    return request, match


def _size_written(request: ItemRequest, index: CatalogIndex) -> ItemRequest | None:
    """`劲酒半斤的`: a size read from words that a catalog word writes together (`半斤` of the alias `半斤劲酒`) is
    that word, where the size itself names nothing."""
    chinese = index.chinese
    if chinese is None or request.size is None:
        return None
    said = chinese.spaced(request.phrase).split()
    pairs = ("".join(pair) for pair in zip(said, said[1:], strict=False))
    written = tuple(w for w in pairs if w in index.postings and HAN_RE.match(w))
    return replace(request, size=None, words=(*request.words, *written)) if written else None


def _heard(request: ItemRequest, index: CatalogIndex, words_too: bool = False) -> ItemRequest | None:
    """`炸菜`, `老干吗油辣椒`, `康师付红烧面`: the request with its words typed in characters that sound like a catalog
    word (the input method's wrong choice) as that word; with `words_too`, also a word of the language (`怡保`)."""
    chinese = index.chinese
    if chinese is None:
        return None
    return _written_otherwise(request, chinese.heard(request.phrase, words_too), index)


def _brand_mistyped(request: ItemRequest, index: CatalogIndex) -> ItemRequest | None:
    """`康帅傅冰红茶`: the request with a brand typed with one character wrong, a word the catalog lacks, as that
    brand."""
    chinese = index.chinese
    if chinese is None or all(word in index.postings for word in request.words):
        return None
    return _written_otherwise(request, chinese.mistyped(request.phrase), index)


def _written_otherwise(request: ItemRequest, written: str, index: CatalogIndex) -> ItemRequest | None:
    """The request with the words of its phrase written otherwise; None when that changes nothing or names no one
    item."""
    if unspaced(written) == unspaced(request.phrase):
        return None
    named = [r for r in read_message(written, index).requests if r.words]
    if len(named) != 1:
        return None
    return replace(request, words=named[0].words, optional_words=named[0].optional_words)


def _held_characters(request: ItemRequest, index: CatalogIndex) -> tuple[str, ...]:
    """The Chinese characters said alone in an item, neither chatter nor a word the catalog has, that are among
    the characters of its words of two or more: each as the shortest that holds it
    when every other that does holds that one."""
    chatter = index.lexicon.chatter_words
    alone = [w for w in request.phrase.split() if len(w) == 1 and HAN_RE.match(w) and w not in chatter]
    lexicon = index.lexicon
    said = (lexicon.unit_words, lexicon.size_words, lexicon.number_words, lexicon.half_words, lexicon.cue_words)
    alone = [w for w in alone if w not in index.postings and not any(w in words for words in said)]
    held = []
    for character in alone:
        holding = [word for word in index.postings if len(word) > 1 and character in word]
        if holding:
            # Held by one catalog word only (`钙` of `钙奶`, or of words that hold it), it is that word written short.
            held.append(_held_by_all(holding, str.__contains__) or character)
    return tuple(held)


def _cut_short(request: ItemRequest, index: CatalogIndex) -> ItemRequest | None:
    """`康师傅冰红`: a Chinese word the catalog lacks that begins one catalog word only (`冰红茶`) is that word; one
    that no catalog word begins, but whose characters one catalog word only has in that order from its first
    (`纯奶` of `纯牛奶`), is that word written short; one that only ends catalog words that end with the shortest of
    them (`伊面` of `三鲜伊面`) is that one. Words that begin with that word count as that word. A word for
    a kind of goods (`鸡蛋` beside `鸡蛋挂面`) is a word of its own, never another cut short."""
    words = list(request.words)
    for position, word in enumerate(words):
        if word in index.postings or len(word) < 2 or HAN_RE.match(word) is None:
            continue
        if word in index.lexicon.product_words:
            continue
        longer = [w for w in index.postings if len(w) > len(word) and w.startswith(word)]
        if not longer:
            longer = [w for w in index.postings if len(w) > len(word) and w[0] == word[0] and _in_order(word, w)]
        if longer:
            # A name's words joined (`纯牛奶枕` of `纯牛奶 枕包`) begin with the one word they hold.
            words[position] = _held_by_all(longer, str.startswith) or words[position]
        else:
            # `伊面` of `三鲜伊面`: the word a compound ends with names the kind it is one of.
            ending = [w for w in index.postings if len(w) > len(word) and w.endswith(word)]
            words[position] = _held_by_all(ending, str.endswith) or words[position]
    return replace(request, words=tuple(words)) if tuple(words) != request.words else None


def _held_by_all(words: list[str], holds: Callable[[str, str], bool]) -> str:
    """The shortest of `words` when each of them holds it as `holds(word, shortest)` says (begins or ends with it,
    has it inside); empty otherwise."""
    shortest = min(words, key=len, default="")
    return shortest if words and all(holds(word, shortest) for word in words) else ""


def _in_order(short: str, word: str) -> bool:
    """True when a word has every character of `short`, in that order."""
    rest = iter(word)
    return all(character in rest for character in short)


def _brand_spelt(request: ItemRequest, match: Match, index: CatalogIndex) -> ItemRequest | None:
    """`hs干啤`, `gm纯奶`: Latin letters beside Chinese words that name goods, the letters the pinyin or initials of
    one of their brands (too short to name it alone): the request with that brand in their place."""
    chinese = index.chinese
    if chinese is None:
        return None
    brands = {c.item.brand for c in match.candidates}
    words: list[str] = []
    for word in request.words:
        spelt = [brand for brand in brands if chinese.spells(word, brand)]
        words.extend(catalog_words(chinese.spaced(spelt[0].casefold(), pinyin=False)) if len(spelt) == 1 else [word])
    return replace(request, words=tuple(words)) if tuple(words) != request.words else None


def _initials_written(request: ItemRequest, index: CatalogIndex) -> ItemRequest | None:
    """The request with two words side by side that the catalog knows only by their initials as those initials:
    initials a name writes as one of its words, not a brand's (`corned beef` of `CB`, `xtra big` of `XB`), or
    joins with `&` (`hot spicy` of `H&S`, read as the first letter, the word posted); and two letters that are the
    initials of two words a name joins (`p b` of `PORK & BEANS`) as those words."""
    words = list(request.words)
    place, changed = 0, False
    while place < len(words) - 1:
        first, second = words[place], words[place + 1]
        written = index.joined_by_initials.get((first, second)) or _initials_of(first, second, index)
        if written is not None:
            words[place : place + 2] = written
            changed = True
            place += len(written) - 1
        place += 1
    return replace(request, words=tuple(words)) if changed else None


def _initials_of(first: str, second: str, index: CatalogIndex) -> tuple[str] | None:
    lexicon = index.lexicon
    if (
        len(first) < 2
        or len(second) < 2
        or not (first.isalpha() and second.isalpha())
        or (first in index.postings and second in index.postings)
        or {first, second} & lexicon.chatter_words
    ):
        return None
    initials = first[0] + second[0]
    if any(initials in index.items[position].core for position in index.postings.get(initials, ())):
        return (initials,)
    lettered = any((first[0], connector, second[0]) in index.protected_connectors for connector in lexicon.connectors)
    return (first[0],) if lettered and first[0] in index.postings else None


def _without_base_words(request: ItemRequest, index: CatalogIndex) -> ItemRequest | None:
    """`红牛 原味`, `coke original`: the request without the words for a brand's base product, which its name need
    not write."""
    base = index.lexicon.base_variant_words
    words = tuple(w for w in request.words if w not in base)
    return replace(request, words=words) if words and len(words) < len(request.words) else None


def _without_chatter(request: ItemRequest, index: CatalogIndex) -> ItemRequest | None:
    """`赶紧的 纯净水20箱`: the request without the words of the language that name no thing."""
    chinese = index.chinese
    words = tuple(w for w in request.words if chinese is None or not chinese.is_chatter(w))
    if not words or len(words) == len(request.words):
        return None
    return replace(request, words=words)


def _without_loose_characters(request: ItemRequest) -> ItemRequest | None:
    """`红牛5箱 老`: the request without a Chinese character left alone beside its words, which is chatter."""
    words = tuple(w for w in request.words if len(w) > 1 or HAN_RE.match(w) is None)
    if not words or len(words) == len(request.words):
        return None
    return replace(request, words=words)


def _price_point_unglued(request: ItemRequest, index: CatalogIndex) -> ItemRequest | None:
    """`beloxxi 100 naira` read as the catalog's word `100naira` (another product's alias) names nothing: the
    amount and its currency are the price point of the pack instead."""
    if request.size is not None:
        return None
    for word in request.words:
        digits = word.rstrip("abcdefghijklmnopqrstuvwxyz")
        currency = word[len(digits) :]
        if digits and currency in index.lexicon.price_point_words and digits.replace(".", "", 1).isdigit():
            words = tuple(w for w in request.words if w != word)
            return replace(request, words=words, size=Size(SIZE_PRICE, float(digits)))
    return None


def _without_size_order_words(request: ItemRequest, index: CatalogIndex) -> ItemRequest | None:
    """The request without its words for the smallest or largest size, when it has such words and others."""
    lexicon = index.lexicon
    words = tuple(w for w in request.words if w not in lexicon.smaller_words and w not in lexicon.larger_words)
    return replace(request, words=words) if words and len(words) < len(request.words) else None


def _learned_fits(request: ItemRequest, item: IndexedItem) -> bool:
    """A phrase the store taught (`omo`, chosen once as Omo 1kg) stands for its product unless the item says another
    size or a word of which one besides it (`omo 3kg`, `omo kubwa`): those are read as said."""
    if request.optional_words:
        return False
    return request.size is None or (item.size is not None and item.size.matches(request.size))


def _learned_keys(learned: Mapping[str, str], index: CatalogIndex) -> dict[str, str]:
    keys: dict[str, str] = {}
    for phrase, sku in list(learned.items())[:_MAX_LEARNED]:
        for request in read_message(phrase, index).requests[:1]:
            if request.words:
                keys[" ".join(request.words)] = sku
    return keys


def _counted_after_its_size(request: ItemRequest, index: CatalogIndex) -> ItemRequest | None:
    """`coke 500 case 2, 300 crate 3`: of the product said before, a number before the pack word that is a size the
    product comes in, with one number after the pack word, is that size, and the number after is the amount."""
    if request.quantity is None or request.unit is None or request.size is not None or len(request.bare_numbers) != 1:
        return None
    swapped = replace(request, quantity=request.bare_numbers[0], bare_numbers=(request.quantity,))
    match = match_request(swapped, index)
    if match.size_from_number != request.quantity or len(match.candidates) != 1:
        return None
    return swapped if match.candidates[0].item.sell_unit in index.lexicon.sell_units_for(request.unit) else None


def _carried_over(
    request: ItemRequest, previous: ItemRequest, previous_item: IndexedItem, index: CatalogIndex
) -> IndexedItem | None:
    """`royco 200g chicken 2 ctn beef 2 ctn`: the second item keeps the brand and size said before; one that names
    only another brand (`纯牛奶伊利的5箱 蒙牛的3箱`) keeps the product said before."""
    said = set(request.words)
    brand = tuple(sorted(previous_item.brand_words - said))
    if not brand:
        return None
    widened = replace(request, words=brand + request.words, size=request.size or previous.size)
    match = match_request(widened, index)
    if not match.candidates and said and _only_a_brand(said, index):
        product = tuple(w for w in previous.words if w not in previous_item.brand_words and w not in said)
        match = match_request(replace(widened, words=request.words + product), index) if product else match
    return match.candidates[0] if len(match.candidates) == 1 and not match.confirm else None


def _pack_named(request: ItemRequest, line_unit: str | None, index: CatalogIndex) -> tuple[str, ...]:
    """`peak sachet 10 pk, sorry dano sachet`: a pack word said without an amount, in place of a line counted in
    another pack, says which product (the one sold in sachets), not how many."""
    if request.unit is None or request.unit == line_unit or _says_amount(request):
        return ()
    return tuple(unit_words(request.unit, index.lexicon, index))


def _only_a_brand(words: set[str], index: CatalogIndex) -> bool:
    """True when the words are all one brand's, and nothing more."""
    return any(brand == words for word in words for brand in index.groups.brands_by_word.get(word, ()))


def _sold_by(item: IndexedItem, unit: str, index: CatalogIndex) -> bool:
    """True when the catalog sells the item's product, in its size, by the unit said."""
    groups, sold = index.groups, index.lexicon.sell_units_for(unit)
    product = groups.product_of[item.position]
    return any(
        groups.product_of[p] == product and index.items[p].size == item.size and index.items[p].item.sell_unit in sold
        for p in groups.by_brand.get(item.brand_words, frozenset())
    )


def _counts_another_pack(
    request: ItemRequest, line: OrderLine | None, ordered: ItemRequest | None, index: CatalogIndex
) -> bool:
    """A correction of an amount alone in a pack word the corrected line's product is not sold by, and the line
    was not ordered in (`coke 500ml 5 crates, sorry 12 crates` of a PET sold by the case is twelve of them)."""
    if line is None or request.words or request.unit is None or request.quantity is None:
        return False
    if ordered is not None and ordered.unit == request.unit:
        return False
    item = index.item_for_sku(line.sku)
    return item is not None and item.item.sell_unit not in index.lexicon.sell_units_for(request.unit)


def _apply_correction(request: ItemRequest, lines: list[OrderLine], target: int, index: CatalogIndex) -> None:
    """`5 ctn coke, sorry make it 6` or `7 not 5`: the new number replaces the line's quantity."""
    if not lines:
        return
    number = _corrected_amount(request, lines[target].quantity, index)
    if number is not None:
        lines[target] = replace(lines[target], quantity=number, phrase=f"{lines[target].phrase}, {request.phrase}")


def _corrected_amount(request: ItemRequest, quantity: int, index: CatalogIndex) -> int | None:
    """The amount a correction says in place of `quantity`; None when it says no whole amount."""
    numbers = list(((request.quantity,) if request.quantity is not None else ()) + request.bare_numbers)
    if len(numbers) > 1 and quantity in numbers:
        numbers.remove(quantity)  # the amount being corrected, whichever side of the negation
    elif len(numbers) > 1:
        numbers = [n for n in numbers if n not in request.negated]
    # A lone number is the new amount, whatever negation stands beside it ("hindi, 6 pala").
    number = numbers[0] if numbers else None
    if number is None or number != int(number) or not 0 < number <= index.lexicon.max_quantity:
        return None
    return int(number)


# A candidate's position, read for a whole list without a loop in Python.
_POSITION = attrgetter("position")
_CORE = attrgetter("core")


def _named_as_such(
    request: ItemRequest, candidates: tuple[IndexedItem, ...], index: CatalogIndex
) -> tuple[IndexedItem, ...]:
    """`tomato sauce` asks among the tomato sauces, not the `SARDINES IN TOMATO SAUCE`: a product whose name has
    the words said only after a word that says what it comes in (`in`, `with`) is not what was named."""
    if len(candidates) < 2 or index.saying_contents.isdisjoint(map(_POSITION, candidates)):
        return candidates
    said = set(request.words)
    named = tuple(c for c in candidates if not _only_in_contents(said, c, index))
    return named or candidates


def _plain_beside_variants(candidates: tuple[IndexedItem, ...], index: CatalogIndex) -> tuple[IndexedItem, ...]:
    """`century tuna` among its `Flakes in Oil` and `Flakes Hot & Spicy`: what a name says the product comes in
    (`in oil`) makes no variant, so among one brand's products the one whose other words are part of every other's
    is the plain product meant."""
    if len(candidates) < 2:
        return candidates
    brand, contents = candidates[0].brand_words, index.lexicon.contents_words
    if not brand or any(c.brand_words != brand for c in candidates):
        return candidates
    if index.saying_contents.isdisjoint(map(_POSITION, candidates)):
        return candidates
    flavours = index.lexicon.flavour_words
    own = {c.position: c.core - _comes_in(c.item.name, contents, flavours) for c in candidates}
    words, variants = set(own.values()), index.lexicon.variant_words
    plain = [w for w in words if all(_adds_variant(other, w, variants) for other in words - {w})]
    if len(plain) != 1:
        return candidates
    return tuple(c for c in candidates if own[c.position] == plain[0])


def _plain_of_the_kind(
    request: ItemRequest, candidates: tuple[IndexedItem, ...], index: CatalogIndex
) -> tuple[IndexedItem, ...]:
    """`sukari 1kg` among `Kilombero Sugar` and `Kagera Brown Sugar`: a kind of goods named alone means the goods
    without a word that makes them another kind (`brown`, `coarse`), of any brand, where a product of that size is
    named by the kind's words alone; unless the catalog calls the other kind by the words said (`sukari`, an alias
    of a brown sugar). Where every name adds a word (`Washed Sugar`, `Brown Sugar`), the kind is asked."""
    other_kinds = index.lexicon.other_kind_words
    if len(candidates) < 2 or all(map(other_kinds.isdisjoint, map(_CORE, candidates))):
        return candidates
    if not names_only_a_kind(request, index):
        return candidates
    namings = index.lexicon.product_words
    said = {*request.words, *(w for word in request.words for naming in namings.get(word, ()) for w in naming)}
    plain_sizes = {_size_key(c.size) for c in candidates if c.core <= said}
    if not plain_sizes:
        return candidates
    typed = set(catalog_words(request.phrase))
    return tuple(
        c
        for c in candidates
        if other_kinds.isdisjoint(c.core)
        or _size_key(c.size) not in plain_sizes
        or any(typed.issuperset(words) for words in c.alias_words)
    )


def _not_of_a_longer_kind(
    request: ItemRequest, candidates: tuple[IndexedItem, ...], index: CatalogIndex
) -> tuple[IndexedItem, ...]:
    """`maziwa brookside 500` among its UHT milk and its milk powder: a kind's word said alone means the goods it
    names, not those a longer phrase it opens names (`maziwa ya unga`, milk powder), unless another word of that
    phrase, or one of its namings, is said."""
    longer = index.lexicon.longer_kinds
    typed = request.phrase.casefold()
    if len(candidates) < 2 or not any(word in typed for word in longer):
        return candidates
    # The words as typed: a kind's local word may be read as the catalog's word for it (`maziwa` as `milk`).
    said = {*request.words, *catalog_words(typed)}
    namings = [
        naming
        for word in said & longer.keys()
        for rest, kind_namings in longer[word]
        if rest.isdisjoint(said) and not any(naming <= said for naming in kind_namings)
        for naming in kind_namings
    ]
    kept = tuple(c for c in candidates if not any(naming <= c.core for naming in namings))
    return kept or candidates


def _size_key(size: Size | None) -> tuple[str, float] | None:
    return None if size is None else (size.dimension, size.value)


def _adds_variant(other: frozenset[str], plain: frozenset[str], variants: frozenset[str]) -> bool:
    """True when `other` is `plain` with words added, or adds variant words (`hot`, `spicy`) where `plain` has none."""
    added = other - plain
    return plain < other or (bool(added) and added <= variants and (plain - other).isdisjoint(variants))


@lru_cache(maxsize=65536)
def _comes_in(name: str, contents: frozenset[str], flavours: frozenset[str]) -> frozenset[str]:
    """The words a name writes after a word that says what the product comes in (`oil` of `Tuna Flakes in Oil
    155g`), up to a colour or flavour, which names the product again (`red` of `Sardines in Tomato Sauce Red`)."""
    words = catalog_words(name)
    cut = next((position for position, word in enumerate(words) if position and word in contents), None)
    if cut is None:
        return frozenset()
    return frozenset(takewhile(lambda word: word.isalpha() and word not in flavours, words[cut + 1 :]))


def _only_in_contents(said: set[str], candidate: IndexedItem, index: CatalogIndex) -> bool:
    """True when the words said are in what the name says the product comes in, and not in the rest of the name,
    its brand or its aliases."""
    if candidate.position not in index.saying_contents:
        return False
    item = candidate.item
    parts = _name_parts(item.name, item.brand, item.aliases, index.lexicon.contents_words)
    return parts is not None and not said.isdisjoint(parts[1]) and said.isdisjoint(parts[0])


@lru_cache(maxsize=65536)
def _name_parts(
    name: str, brand: str, aliases: tuple[str, ...], contents: frozenset[str]
) -> tuple[frozenset[str], frozenset[str]] | None:
    """The words that name a product (its name's before the first word that says what it comes in, its brand's
    and its aliases') and the words after that word; None for a name without one."""
    words = catalog_words(name)
    cut = next((position for position, word in enumerate(words) if position and word in contents), None)
    if cut is None:
        return None
    named = frozenset(words[:cut]).union(*(catalog_words(text) for text in (brand, *aliases)))
    return named, frozenset(words[cut:])


def _half_pack(request: ItemRequest, match: Match, candidates: tuple[IndexedItem, ...]) -> IndexedItem | None:
    """`half a bag` of a product sold in 50kg and 25kg bags is one 25kg bag; any other half stays a question."""
    if request.unit is None or _typed_number(request, match) != 0.5 or len(candidates) < 2:
        return None
    first = candidates[0]
    if any((c.brand_words, c.core) != (first.brand_words, first.core) for c in candidates):
        return None
    contents = {c.position: _content(c) for c in candidates}
    halves = [
        half
        for half in candidates
        for full in candidates
        if half.item.sell_unit == full.item.sell_unit
        and contents[half.position] is not None
        and contents[half.position] == _halved(contents[full.position])
    ]
    return halves[0] if len(halves) == 1 else None


def _filled_packs(
    request: ItemRequest, match: Match, candidates: tuple[IndexedItem, ...], index: CatalogIndex
) -> tuple[IndexedItem, ...]:
    """`24 pcs` of a soap sold in outers of 12 and cartons of 72 is 2 outers: the only pack it fills whole."""
    if request.unit is None or len(candidates) < 2:
        return candidates
    candidates = _counted_packs(request, candidates, index)
    first = candidates[0]
    if any((c.brand_words, c.core, c.size) != (first.brand_words, first.core, first.size) for c in candidates):
        return candidates
    filled = [c for c in candidates if _fills(_quantity(request, match, c, index))]
    return (filled[0],) if len(filled) == 1 else candidates


def _counted_packs(
    request: ItemRequest, candidates: tuple[IndexedItem, ...], index: CatalogIndex
) -> tuple[IndexedItem, ...]:
    """`2 ream mighty red` of a brand sold in one size by the ream and by the pack: a count of packs of packs
    (ream, case, carton) is of the SKUs sold so, not of those sold one pack at a time; a dozen counts pieces, so it
    may fill either."""
    levels = index.lexicon.unit_levels
    if request.unit in index.lexicon.pieces_per_unit:
        return candidates
    if levels.get(request.unit or "") != "pack" or len({(c.brand_words, c.size) for c in candidates}) != 1:
        return candidates
    packs = tuple(c for c in candidates if levels.get(c.item.sell_unit) == "pack")
    return packs or candidates


def _size_said(
    request: ItemRequest, candidates: tuple[IndexedItem, ...], index: CatalogIndex
) -> tuple[IndexedItem, ...]:
    """`argentina maliit`, `evap dako`: among the sizes of a brand's goods of one kind, the smallest or the largest."""
    lexicon = index.lexicon
    pattern = lexicon.size_order_words
    if pattern is None or pattern.search(request.phrase.casefold()) is None:
        return candidates
    words = {token.text for token in tokenize(clean_text(request.phrase)) if token.kind == "word"}
    first = candidates[0]
    if first.brand_words and first.brand_words <= words:
        # `big cola`: a word for a size that the brand said in full writes is the brand's.
        words -= first.brand_words
    smaller, larger = bool(words & lexicon.smaller_words), bool(words & lexicon.larger_words)
    if smaller == larger:
        return candidates
    if first.size is None:
        # `itlog malaki` among eggs sized `medium` and `large`: the size written as a word for larger (or smaller).
        said = lexicon.smaller_words if smaller else lexicon.larger_words
        named = tuple(c for c in candidates if c.item.size.casefold() in said)
        return named if len(named) == 1 and all(c.size is None for c in candidates) else candidates
    if len(candidates) == 1:
        # A name that only one size answers to (an alias of the big tin): its product's other sizes too.
        groups = index.groups
        siblings = groups.by_brand.get(first.brand_words, frozenset()) & groups.active | {first.position}
        product = groups.product_of[first.position]
        candidates = tuple(index.items[p] for p in sorted(siblings) if groups.product_of[p] == product) or candidates
    # A brand's goods of one kind (its toothpastes, whatever their flavour), sized in one dimension.
    kind = (first.brand_words, first.item.category, first.size.dimension)
    if any(c.size is None or (c.brand_words, c.item.category, c.size.dimension) != kind for c in candidates):
        return candidates
    extreme = min(candidates, key=_size_value) if smaller else max(candidates, key=_size_value)
    if request.unit is not None:
        # `nido ndogo outer 2`: of the smallest size sold both alone and by the outer, the one sold by the pack said.
        sold = lexicon.sell_units_for(request.unit)
        packed = [c for c in candidates if c.size == extreme.size and c.item.sell_unit in sold]
        return (packed[0],) if len(packed) == 1 else (extreme,)
    return (extreme,)


def _size_value(item: IndexedItem) -> float:
    return item.size.value if item.size is not None else 0.0


def _fills(quantity: _Quantity) -> bool:
    return quantity.acceptable and not quantity.unit_mismatch


def _content(item: IndexedItem) -> tuple[str, float] | None:
    """What a SKU's pack holds in all: its size times its pieces, when the size is a measure."""
    size = item.size
    if size is None or size.dimension == SIZE_NUMBER:
        return None
    return size.dimension, round(size.value * max(item.item.units_per_pack, 1), 6)


def _halved(content: tuple[str, float] | None) -> tuple[str, float] | None:
    return None if content is None else (content[0], round(content[1] / 2, 6))


def _typed_number(request: ItemRequest, match: Match) -> float:
    if request.quantity is not None:
        return request.quantity
    if match.amount_from_size is not None:
        return match.amount_from_size
    # `vimba crates hindi 3, 5`: a number a negation takes back is not the amount.
    said = [n for n in request.bare_numbers if n != match.size_from_number]
    kept = [n for n in said if n not in request.negated] or said
    return kept[0] if kept else 1.0


def _typed_quantity(request: ItemRequest, match: Match) -> int:
    if request.ranged:
        return 0
    number = _typed_number(request, match)
    return int(number) if number == int(number) and abs(number) < 1e12 else 0


def _asked_quantity(
    request: ItemRequest, match: Match, candidates: Sequence[IndexedItem], index: CatalogIndex
) -> int:
    """The amount of an item asked about, in sell units, as every product it may be reads it (`48 bottles soda` of
    crates of 24 is 2); none, asked once the product is picked, when they read it apart or in no whole packs (`来瓶水`
    of cases of water)."""
    if request.ranged:
        return 0
    amounts = {_in_sell_units(request, match, pack, index.lexicon) for pack in _packs(request, candidates)}
    amount = amounts.pop() if len(amounts) == 1 else None
    return amount.value if amount is not None and amount.acceptable and not amount.unit_mismatch else 0


class _PackFacts(NamedTuple):
    """All that reading an amount in a SKU's sell units needs of the SKU."""

    sell_unit: str
    units_per_pack: int
    piece_unit: str | None
    level: str
    # A count said with no unit, with the product named in the plural where its name writes the singular.
    plural: bool


# What a SKU's pack facts read of it, for a whole list without a loop in Python.
_SELLING = attrgetter("item.sell_unit", "item.units_per_pack", "piece_unit", "level")


def _packs(request: ItemRequest, candidates: Sequence[IndexedItem]) -> set[_PackFacts]:
    """Each way the candidates are sold. Products of one kind are mostly sold alike, and only a count with no unit
    said of a noun in the plural reads their names: otherwise each way of selling is read once, however many share
    it."""
    plurals = _plural_words(request) if request.unit is None and request.bare_numbers else []
    if not plurals:
        return {_PackFacts(*selling, plural=False) for selling in set(map(_SELLING, candidates))}
    return {_PackFacts(*_SELLING(item), plural=_named_in_the_plural(plurals, item)) for item in candidates}


def _quantity(request: ItemRequest, match: Match, item: IndexedItem, index: CatalogIndex) -> _Quantity:
    """Typed amount in the SKU's sell units; whole packs of pieces convert, anything else is flagged."""
    (pack,) = _packs(request, (item,))
    return _in_sell_units(request, match, pack, index.lexicon)


def _in_sell_units(request: ItemRequest, match: Match, pack: _PackFacts, lexicon: Lexicon) -> _Quantity:
    typed = _typed_number(request, match)
    unit = request.unit
    value, mismatch = typed, False
    # `口味王10元的 50包` of `10元*10包/条`: the word a name counts its pieces in counts pieces, though it may name a
    # pack elsewhere, unless the name counts them in its own sell unit (`10 packs/pack`).
    pieces_named = unit is not None and unit == pack.piece_unit != pack.sell_unit and pack.units_per_pack > 1
    if pack.plural:
        packs = typed / pack.units_per_pack
        value, mismatch = (packs, False) if packs == int(packs) and packs > 0 else (typed, True)
    elif unit is not None and (pack.sell_unit not in lexicon.sell_units_for(unit) or pieces_named):
        pieces: float | None = None
        if unit in lexicon.pieces_per_unit:
            pieces = typed * lexicon.pieces_per_unit[unit]
        elif pack.piece_unit in lexicon.sell_units_for(unit) or (
            lexicon.unit_levels.get(unit) == "single" and pack.units_per_pack > 1
        ):
            pieces = typed
        elif lexicon.unit_levels.get(unit) == "pack" and pack.level == "single":
            mismatch = True
        if pieces is not None:
            packs = pieces / pack.units_per_pack
            if packs == int(packs) and packs > 0:
                value = packs
            else:
                mismatch = True
    if not abs(value) < 1e12:
        return _Quantity(0, mismatch, False)
    part = 0 < value < 1
    if value != int(value) and value > 0:
        # `1.5 ctn`, `dhai bori`, `setengah dus`: kept as typed (its whole part, none for a part of a pack) and
        # flagged, so the amount is asked, never guessed.
        value, mismatch = float(int(value)), True
    whole = value == int(value)
    acceptable = whole and (0 < value <= lexicon.max_quantity or part)
    return _Quantity(int(value) if whole else 0, mismatch, acceptable)


def _plural_words(request: ItemRequest) -> list[tuple[str, tuple[str, ...]]]:
    """The words of a request's phrase that may be nouns in the plural (`cocas`, `jabones`), each with its shorter
    forms in the singular; worked out once for the request, not for each product it may name."""
    plurals = []
    for word in request.phrase.lower().split():
        if word[-1:] == "s":
            singular = tuple(form for form in singular_and_plural(word) if len(form) < len(word))
            if singular:
                plurals.append((word, singular))
    return plurals


def _named_in_the_plural(plurals: list[tuple[str, tuple[str, ...]]], item: IndexedItem) -> bool:
    """`12 cocas`, `50 jabones`: a count said with no unit, of a product a pack of several holds, named by a word its
    name writes in the singular, counts the pieces, as a count of bottles or bars would."""
    if item.item.units_per_pack < 2:
        return False
    named = item.core | item.brand_words
    return any(word not in named and any(form in named for form in singular) for word, singular in plurals)


def _merged(lines: list[OrderLine]) -> tuple[OrderLine, ...]:
    """The same SKU asked twice is one line with the quantities summed."""
    by_sku: dict[str, OrderLine] = {}
    for line in lines:
        seen = by_sku.get(line.sku)
        if seen is None:
            by_sku[line.sku] = line
        else:
            by_sku[line.sku] = OrderLine(
                sku=line.sku,
                quantity=seen.quantity + line.quantity,
                phrase=f"{seen.phrase}; {line.phrase}",
                score=min(seen.score, line.score),
                unit_mismatch=seen.unit_mismatch or line.unit_mismatch,
            )
    return tuple(by_sku.values())


def _kind_of(category: str) -> str:
    """The kind of goods a category is of: `乳品` of `乳品-纯奶` and of `乳品-酸奶`, a list's kinds written with the
    goods they hold."""
    kind, joined, _ = category.partition("-")
    return kind.strip() if joined and kind.strip() else category
