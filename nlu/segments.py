"""Splitting a message into item requests: product words, quantity, pack unit and size for each."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import pairwise

from nlu.catalog_index import CatalogIndex, copied_marks, singular_and_plural
from nlu.chinese import HAN_RE
from nlu.lexicon import Lexicon
from nlu.sizes import SIZE_NUMBER, SIZE_PRICE, Size
from nlu.text import (
    Token,
    catalog_words,
    clean_text,
    find_words,
    indic_script,
    sound,
    tokenize,
    voicings,
    without_marks,
)

_LIST_CLOSERS = frozenset({".", ")"})
_NEUTRAL_SEPARATORS = frozenset({"(", ")", "[", "]", "{", "}", "<", ">", "="})
_MAX_TOKENS = 600
# A measure written this short (`kg`, `ltr`) is the measure wherever it stands; one in full may be a name's word.
_MIN_SPELLED_MEASURE = 4
_THOUSAND = 1000.0
_NO_POSITIONS: frozenset[int] = frozenset()
# A code as a price list writes it: letters and digits, perhaps joined by hyphens; with a letter, and a digit or a
# hyphen, unlike a word or an amount.
_CODE_RE = re.compile(r"(?<![\w-])(?=[\w-]*[^\W\d_])[^\W_](?:[\w-]*[^\W_])?(?![\w-])")
_CODE_MARK_RE = re.compile(r"[\d-]")
# What a code can be: a run of letters, digits and hyphens, each of which a code is or is not as a whole.
_CODE_RUN_RE = re.compile(r"[\w-]+")
# A code of digits alone (`50010001`): a long run of digits, beside no digit, letter or decimal mark.
_NUMBER_CODE_RE = re.compile(r"(?<![0-9A-Za-z.,-])[0-9]{6,}(?![0-9A-Za-z.,-])")
_THOUSANDS_GROUP_RE = re.compile(r",\d{3}(?!\d)")
# The fewest letters a list cuts a word to (`veg` of vegetable).
_MIN_CUT_WORD = 3
# The fewest letters of each catalog word a word typed as two of them written together holds (`tea` of `teabags`).
_MIN_SPLIT_PART = 3


@dataclass(frozen=True, slots=True)
class ItemRequest:
    """One thing the sender asked for, before it is matched to the catalog."""

    phrase: str
    words: tuple[str, ...]
    optional_words: tuple[str, ...] = ()
    quantity: float | None = None
    unit: str | None = None
    size: Size | None = None
    bare_numbers: tuple[float, ...] = ()
    correction: bool = False
    # Everyday words kept as product words only because they were written in capitals (`CAN` fertiliser).
    capitalised: tuple[str, ...] = ()
    # Numbers a negation takes back (`7 not 5`, `4 nahi`): the old amount, never the new one.
    negated: tuple[float, ...] = ()
    # `12 ctn, not 10`: an amount alone that a `not` takes back (never a `no`, which may open the amount meant:
    # `hindi, 6 pala`); with no amount after it, it says what the line is not and changes nothing.
    denies: bool = False
    # `... and how much is X?`: X is asked about, not ordered.
    price_question: bool = False
    # `remove the omo`, `coke nahi chahiye`: the product comes off what the message ordered.
    removal: bool = False
    # `..., no wait make it kabras`, `sorry, passion`: a product without an amount replaces the one ordered last.
    replacement: bool = False
    # `imbes royal mismo`, `badala ya malto beto`: the word that takes a product back also corrects, so another named
    # beside it may take the ordered one's place; a negation alone (`not X`, `instead of X`) only takes X back.
    swaps: bool = False
    # `红牛5箱 再加5箱`: an amount alone said as more is more of the item before it.
    more: bool = False
    # `2-3 ctn`, `两三箱`: the amount is a range, so the sender is asked how many.
    ranged: bool = False
    # `可乐 雪碧 各5箱`: one amount for each item of the line, so its words may name several products.
    each: bool = False
    # `蒙牛纯奶24盒的 3提`: how many pieces the pack said holds, which picks that pack.
    pack_of: int | None = None
    # `coke litro 2`: a measure word before a whole number, read as a size, and that number; where no product
    # comes in that size, the number counts what the measure word names.
    size_as_count: tuple[str, float] | None = None
    # `ketepa 100g or 250g`: a second size offered in place of the first, so the sender is asked which.
    other_size: Size | None = None

    # Written out, not left to `@dataclass`: compiled, each field is set in place, where the `__init__` a dataclass
    # is given runs as Python and looks `object.__setattr__` up for every field; a message makes one for each item.
    def __init__(
        self,
        phrase: str,
        words: tuple[str, ...],
        optional_words: tuple[str, ...] = (),
        quantity: float | None = None,
        unit: str | None = None,
        size: Size | None = None,
        bare_numbers: tuple[float, ...] = (),
        correction: bool = False,
        capitalised: tuple[str, ...] = (),
        negated: tuple[float, ...] = (),
        denies: bool = False,
        price_question: bool = False,
        removal: bool = False,
        replacement: bool = False,
        swaps: bool = False,
        more: bool = False,
        ranged: bool = False,
        each: bool = False,
        pack_of: int | None = None,
        size_as_count: tuple[str, float] | None = None,
        other_size: Size | None = None,
    ) -> None:
        object.__setattr__(self, "phrase", phrase)
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "optional_words", optional_words)
        object.__setattr__(self, "quantity", quantity)
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "size", size)
        object.__setattr__(self, "bare_numbers", bare_numbers)
        object.__setattr__(self, "correction", correction)
        object.__setattr__(self, "capitalised", capitalised)
        object.__setattr__(self, "negated", negated)
        object.__setattr__(self, "denies", denies)
        object.__setattr__(self, "price_question", price_question)
        object.__setattr__(self, "removal", removal)
        object.__setattr__(self, "replacement", replacement)
        object.__setattr__(self, "swaps", swaps)
        object.__setattr__(self, "more", more)
        object.__setattr__(self, "ranged", ranged)
        object.__setattr__(self, "each", each)
        object.__setattr__(self, "pack_of", pack_of)
        object.__setattr__(self, "size_as_count", size_as_count)
        object.__setattr__(self, "other_size", other_size)


@dataclass(frozen=True)
class MessageReading:
    """The item requests of a message and the cues that say whether it is an order at all."""

    requests: tuple[ItemRequest, ...]
    asks_availability: bool
    about_existing_order: bool

    # Written out, not left to `@dataclass`: compiled, each field is set in place (see `ItemRequest`).
    def __init__(
        self,
        requests: tuple[ItemRequest, ...],
        asks_availability: bool,
        about_existing_order: bool,
    ) -> None:
        object.__setattr__(self, "requests", requests)
        object.__setattr__(self, "asks_availability", asks_availability)
        object.__setattr__(self, "about_existing_order", about_existing_order)


class _Element:
    """A word, number, unit, size or sign of a chunk, where it is in the message and what it says.

    A plain class rather than a dataclass: compiled, it is made without the Python `__init__` a dataclass is given,
    and a message makes one for each of its tokens.
    """

    __slots__ = ("kind", "start", "end", "text", "value", "unit", "size", "used", "named", "upto", "packed")

    def __init__(
        self,
        kind: str,
        start: int,
        end: int,
        text: str = "",
        value: float = 0.0,
        unit: str = "",
        size: Size | None = None,
        used: bool = False,
        named: bool = False,
        upto: float = 0.0,
        packed: bool = False,
    ) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.value = value
        self.unit = unit
        self.size = size
        self.used = used
        self.named = named
        self.upto = upto
        # A unit that says what the pack holds (`罐装`): it names the product and never counts.
        self.packed = packed

    def __eq__(self, other: object) -> bool:
        # Elements that say the same thing at the same place are the same element.
        return isinstance(other, _Element) and self._said() == other._said()

    def as_word(self) -> _Element:
        """The element read as a word, all else as it is."""
        return _Element("word", *self._said()[1:])

    def _said(self) -> tuple[str, int, int, str, float, str, Size | None, bool, bool, float, bool]:
        return (
            self.kind,
            self.start,
            self.end,
            self.text,
            self.value,
            self.unit,
            self.size,
            self.used,
            self.named,
            self.upto,
            self.packed,
        )


@dataclass(slots=True)
class _Group:
    first: int
    last: int
    quantity: float
    unit: str | None = None
    upto: float = 0.0


@dataclass(slots=True)
class _Piece:
    elements: list[_Element]
    groups: list[_Group] = field(default_factory=list)


def read_message(text: str, index: CatalogIndex) -> MessageReading:
    """Read a message into item requests; never raises on odd input."""
    lexicon = index.lexicon
    cleaned = _digits_read_as_letters(copied_marks(clean_text(text), index), lexicon)
    if index.chinese is not None:
        cleaned = index.chinese.spaced(cleaned)
    tokens = _locale_spellings(_digits_for_sounds(_tokens(cleaned, lexicon), lexicon), cleaned, index)
    tokens = _codes_copied(_split_words(_initials_joined(tokens, index), index), cleaned, index)
    tokens = _letters_named(_amounts_said_twice(tokens, lexicon), index)
    tokens = _words_apart(_initials_spelt_out(tokens, index), index)
    tokens = _merge_mixed(_digit_names(_without_sums(_halves_joined(tokens, lexicon), lexicon), index), index)
    tokens = _ranges(_phrases(_joined_words(_counts_after_packs(tokens, lexicon), index), index), lexicon)
    words = {t.text for t in tokens if t.kind == "word"}
    names = _capitalised_names(tokens, cleaned, index)
    requests: list[ItemRequest] = []
    for line in _numbered_lines(_lines(tokens)):
        asking = correcting = removing = swapping = False
        in_line: list[ItemRequest] = []
        for chunk in _chunks(_without_header(_without_place(line, lexicon), lexicon), lexicon, index):
            said = {t.text for t in chunk if t.kind == "word"}
            found = _requests(chunk, cleaned, lexicon, index, names)
            asking = _asks_price(found, chunk, line, in_line, asking, lexicon)
            if asking and not found and in_line and in_line[-1].words and in_line[-1].quantity is None:
                # `lux ndi zingati?`, `sprite 500ml, how much?`: a question alone asks about the item before it.
                in_line[-1] = replace(in_line[-1], price_question=True)
            elif found and in_line and (joined := _asked_with(chunk, in_line, lexicon)):
                # `红牛和王老吉多少钱`, `coke and fanta how much`: a price asked after the items asks about all of them.
                in_line[-joined:] = [replace(r, price_question=True) for r in in_line[-joined:]]
            if correcting:
                # `..., 哦不, 鸡汤面5箱`: an amount alone corrects the last amount, a product replaces the last line.
                found = [replace(r, correction=True) if not r.words else replace(r, replacement=True) for r in found]
            if removing:
                found = _removed(found, said, in_line, lexicon)
            # `remove, the omo`: a removal word alone takes off what follows it; with a word pointing back (`wacha
            # hiyo`, `remove that`), the item before it; a correction word or filler after it keeps it so.
            removing = (_says(said, lexicon.removal_words, index) and not any(r.words or r.removal for r in found)) or (
                removing and not found and said <= lexicon.correction_markers | lexicon.fillers
            )
            if removing and said & lexicon.pointing_words and _taken_off_last(in_line):
                removing = False
            if swapping and found and found[0].words and not (found[0].removal or found[0].price_question):
                # `chama 5kg 6 bags, not chama, mongu`: the product said after the one taken back replaces it.
                in_line.pop()
                found[0] = replace(found[0], replacement=True)
            swapping = _takes_back_alone(found, said, lexicon, index)
            if said & lexicon.corrections_and_negations and not any(says_amount(r) or r.words for r in found):
                # `no wait,` / `sorry,`: what comes next corrects what came before; `哦不 罐装的`, a pack alone, too.
                correcting, found = True, [_correcting(r, in_line) for r in found if r.optional_words or r.unit]
            else:
                correcting = False
            in_line.extend(replace(r, price_question=True) if asking else r for r in found)
        if removing:
            # `indomie onion 3 ctn, remove it`: a removal word with nothing after it takes off the item before it.
            _taken_off_last(in_line)
        requests.extend(_each_counted(_amounts_joined(in_line, lexicon, index), line, lexicon))
    return MessageReading(
        requests=tuple(requests),
        asks_availability=bool(words & lexicon.availability_cues),
        about_existing_order=_about_existing_order(words, index),
    )


def _tokens(cleaned: str, lexicon: Lexicon) -> list[Token]:
    """The message's first tokens, without the times it writes as a clock does."""
    return _clock_times(tokenize(cleaned)[:_MAX_TOKENS], lexicon)


def _asks_price(
    found: list[ItemRequest],
    chunk: list[Token],
    line: list[Token],
    in_line: list[ItemRequest],
    asking: bool,
    lexicon: Lexicon,
) -> bool:
    """Whether a part of a line asks about its items: a price cue covers its own part of the sentence, the uncounted
    items joined to it and items counted as the asked one was, joined to it; after items ordered, a part asking
    whether there is an item with no amount of its own (`4 fardos namaacha, e tem vumba?`, `..., do you have vumba
    1.5?`) asks about it rather than ordering it."""
    said = {t.text for t in chunk if t.kind == "word"}
    if said & lexicon.price_cues or (asking and _goes_on_asking(found, chunk, lexicon)):
        return True
    if _counted_alike(found, chunk, line, in_line, lexicon):
        return True
    return (
        bool(said & lexicon.availability_cues)
        and any(r.words and r.quantity is not None for r in in_line)
        and bool(found)
        and all(r.words and r.quantity is None for r in found)
    )


def _counted_alike(
    found: list[ItemRequest], chunk: list[Token], line: list[Token], in_line: list[ItemRequest], lexicon: Lexicon
) -> bool:
    """`how much for 5 cases X and 3 cases Y?`, `magkano kung 5 kahon X at 3 kahon Y`: items counted as the asked
    item before them was, joined to it by a connector, are asked about with it."""
    if not found or not in_line or not (in_line[-1].price_question and in_line[-1].quantity is not None):
        return False
    before = [t for t in line if t.end <= chunk[0].start]
    joined = bool(before) and before[-1].kind == "word" and before[-1].text in lexicon.connectors
    return joined and all(r.words and r.quantity is not None for r in found)


def _about_existing_order(words: set[str], index: CatalogIndex) -> bool:
    """Whether the words ask about an order already placed (`kab aayega`, `order band karo`). A cue word among other
    words of the catalog names a product (`blue band`, where Hindi `band` says stop)."""
    cues = words & index.lexicon.non_order_cues
    if not cues:
        return False
    in_catalog = {word for word in words if word in index.postings}
    return any(word not in in_catalog or len(in_catalog) < 2 for word in cues)


def _removed(
    found: list[ItemRequest], said: set[str], in_line: list[ItemRequest], lexicon: Lexicon
) -> list[ItemRequest]:
    """The items after a removal word said alone, taken off; but where a correction word and an item with its amount
    follow it (`modelo, ya no, mejor 2 cajas de gallo`), the item before it is taken off and the one after is meant."""
    replacing = any(r.words and says_amount(r) for r in found) and said & lexicon.corrections_not_negations
    if replacing and _taken_off_last(in_line):
        return found
    return [replace(r, removal=True) if r.words else r for r in found]


def _taken_off_last(in_line: list[ItemRequest]) -> bool:
    """Take off the item said last, where there is one still on; True when there was."""
    if not in_line or not in_line[-1].words or in_line[-1].removal:
        return False
    in_line.append(replace(in_line[-1], removal=True, quantity=None, unit=None, bare_numbers=()))
    return True


def _without_sums(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """`..., total 408`, `jumla: ksh 4,000.00`, `总共408元`: after an amount has been said, a sum word with its number
    (and that number's unit or currency) is the sender's own sum, never an item or more of the last one; before one,
    a sum word with money written in thousands is too (`transfer 500rb`); and so is what one unit costs."""
    tokens = _without_unit_prices(tokens, lexicon)
    said = {token.text for token in tokens}
    grouped = any(token.kind == "num" and "," in token.text for token in tokens)
    priced = not lexicon.price_point_words.isdisjoint(said)
    if lexicon.sum_words.isdisjoint(said) and lexicon.thousands_suffixes.isdisjoint(said) and not (grouped or priced):
        return tokens
    kept: list[Token] = []
    counted = False
    position = 0
    while position < len(tokens):
        token = tokens[position]
        end = None
        if token.text in lexicon.sum_words:
            if counted:
                end = _sum_end(tokens, position + 1, lexicon)
            elif position + 1 < len(tokens) and _money_in_thousands(tokens, position + 1, lexicon):
                end = position + 3  # `transfer 500rb, ...`: money with its thousands letter is a sum before any count
        elif grouped and (end := _money_grouped_end(tokens, position, lexicon)) is not None:
            # `at N3,600`, `₦45,000`: a currency before an amount written in thousands is money wherever it is said,
            # never an item, more of the last one or a pack's price point.
            pass
        elif counted and priced and (end := _price_said_end(tokens, position, lexicon)) is not None:
            # `jogoo 2kg bale 2 ksh 1860`, `..., @ 1860`: after an amount, a currency before a figure in thousands is
            # the price the sender expects, never an item or more of the last one.
            pass
        if end is not None:
            position = end
            continue
        if _money_in_thousands(tokens, position, lexicon) and (counted or _chatter_around(tokens, position, lexicon)):
            # `jogoo bale 2, nina 5k tu`: after an amount, a number with its thousands letter is money, never more;
            # so is the currency before it (`@21rb`, `rp 21rb`); before one, it is where nothing but chatter is said
            # beside it (`niko na 5k, nipe ...`).
            if kept and kept[-1].text in lexicon.price_point_words:
                kept.pop()
            position += 2
            continue
        counted = counted or token.kind == "num"
        kept.append(token)
        position += 1
    return kept


def _without_unit_prices(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """`evap 2 case 1632/cs`, `coke mismo 3cs (216)`: after an amount, a figure written over a unit word is what one
    costs, and so is a figure alone in brackets right after a counted pack; never an item or more of the last one."""
    if not any(token.text in ("/", "(") for token in tokens):
        return tokens
    kept: list[Token] = []
    counted = False
    position = 0
    while position < len(tokens):
        token = tokens[position]
        end = _unit_price_end(tokens, position, kept, lexicon) if counted else None
        if end is not None:
            if kept and kept[-1].text in lexicon.price_point_words:
                kept.pop()
            position = end
            continue
        if token.kind == "sep" and token.text in (",", ";", "\n"):
            counted = False
        elif token.kind == "num":
            counted = True
        kept.append(token)
        position += 1
    return kept


def _unit_price_end(tokens: list[Token], position: int, kept: list[Token], lexicon: Lexicon) -> int | None:
    """Where a price per unit (`1632/cs`) or in brackets after a counted pack (`3cs (216)`) ends; None when the
    tokens from the position are no such price."""
    token = tokens[position]
    if position + 2 >= len(tokens):
        return None
    first, second = tokens[position + 1], tokens[position + 2]
    if (
        token.kind == "num"
        and first.text == "/"
        and second.text in lexicon.unit_words
        and first.start == token.end
        and second.start == first.end
    ):
        return position + 3
    packed = len(kept) >= 2 and kept[-1].text in lexicon.unit_words and kept[-2].kind == "num"
    if token.text == "(" and packed and first.kind == "num" and second.text == ")":
        return position + 3
    return None


def _halves_joined(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """`4 trays zuri cola 350ml and a half`: a half joined on at the end of a counted item is half a pack more of the
    amount said, never an item of its own."""
    if lexicon.half_words.isdisjoint(token.text for token in tokens):
        return tokens
    kept: list[Token] = []
    count: int | None = None
    position = 0
    while position < len(tokens):
        token = tokens[position]
        before = kept[-1] if kept else None
        if token.kind == "sep":
            count = None
        elif before is not None and token.text in lexicon.unit_words and before.kind == "num":
            count = len(kept) - 1  # `4 trays`
        elif before is not None and token.kind == "num" and before.text in lexicon.unit_words:
            count = len(kept)  # `trays 4`
        end = _half_end(tokens, position, lexicon) if count is not None else None
        if end is not None and count is not None:
            amount = kept[count]
            kept[count] = amount._replace(value=amount.value + 0.5)
            count = None
            position = end
            continue
        measured = _measure_and_a_half(tokens, position, lexicon)
        if measured is not None:
            # `litro y medio`, `2 kilos y medio`: a measure and a half is half a measure more of it, one if no amount
            # is said, never an item of its own.
            if before is not None and before.kind == "num":
                kept[-1] = before._replace(value=before.value + 0.5)
            elif before is not None and before.text in lexicon.number_words:
                kept[-1] = before._replace(kind="num", value=lexicon.number_words[before.text] + 0.5)
            else:
                kept.append(Token("num", "1.5", token.start, token.start, 1.5))
            kept.append(token)
            position = measured
            continue
        kept.append(token)
        position += 1
    return kept


def _measure_and_a_half(tokens: list[Token], position: int, lexicon: Lexicon) -> int | None:
    """Past `y medio` of a measure written out at `position` (`litro y medio`); None where no half follows it."""
    token = tokens[position]
    if token.kind != "word" or len(token.text) < 4 or token.text not in lexicon.size_words:
        return None
    after = position + 1
    if after >= len(tokens) or tokens[after].text not in lexicon.number_joiners:
        return None
    after += 1
    if after < len(tokens) and tokens[after].text in lexicon.article_words:
        after += 1
    return after + 1 if after < len(tokens) and tokens[after].text in lexicon.half_words else None


def _half_end(tokens: list[Token], position: int, lexicon: Lexicon) -> int | None:
    """Past `and a half` at `position` when it ends its part of the line; None otherwise."""
    if tokens[position].text not in lexicon.number_joiners:
        return None
    position += 1
    if position < len(tokens) and tokens[position].text in lexicon.article_words:
        position += 1
    if position >= len(tokens) or tokens[position].text not in lexicon.half_words:
        return None
    position += 1
    return position if position == len(tokens) or tokens[position].kind == "sep" else None


def _chatter_around(tokens: list[Token], position: int, lexicon: Lexicon) -> bool:
    """True when the words of the part around a number and its thousands letter are chatter and currencies only."""
    start = next((p + 1 for p in range(position - 1, -1, -1) if tokens[p].kind == "sep"), 0)
    end = next((p for p in range(position + 2, len(tokens)) if tokens[p].kind == "sep"), len(tokens))
    chatter = lexicon.fillers | lexicon.stop_words | lexicon.connectors | lexicon.price_point_words
    return all(t.kind != "word" or t.text in chatter for t in (*tokens[start:position], *tokens[position + 2 : end]))


def _money_in_thousands(tokens: list[Token], position: int, lexicon: Lexicon) -> bool:
    """A number with a letter for thousands glued to it (`5k`, `2.5k`)."""
    token = tokens[position]
    following = tokens[position + 1] if position + 1 < len(tokens) else None
    return (
        token.kind == "num"
        and following is not None
        and following.start == token.end
        and following.text in lexicon.thousands_suffixes
    )


def _price_said_end(tokens: list[Token], position: int, lexicon: Lexicon) -> int | None:
    """Where currency words and the figure of a thousand or more after them end; None when the token is no currency
    before such a figure, or the figure counts a pack."""
    end = position
    while end < len(tokens) and tokens[end].text in lexicon.price_point_words:
        end += 1
    if end == position or end >= len(tokens) or tokens[end].kind != "num" or tokens[end].value < _THOUSAND:
        return None
    if end + 1 < len(tokens) and tokens[end + 1].text in lexicon.unit_words:
        return None
    return end + 1


def _money_grouped_end(tokens: list[Token], position: int, lexicon: Lexicon) -> int | None:
    """Where a currency and the amount after it written with a thousands comma (`₦45,000`, `Ksh 3,100.00`) end;
    None when the token is no currency before such an amount."""
    if tokens[position].text not in lexicon.price_point_words or position + 1 >= len(tokens):
        return None
    amount = tokens[position + 1]
    if amount.kind != "num" or "," not in amount.text or amount.value < _THOUSAND:
        return None
    end = position + 2
    if end < len(tokens) and tokens[end].kind == "num" and tokens[end].start <= amount.end + 1:
        end += 1  # the cents after the decimal point
    return end


def _sum_end(tokens: list[Token], position: int, lexicon: Lexicon) -> int | None:
    """Where the sum after a sum word ends: past `:`/`=` and a currency, its number with any decimals glued to it,
    and a unit or currency after it; None when no number follows or the number is a size."""
    while position < len(tokens) and (
        tokens[position].text in (":", "=") or tokens[position].text in lexicon.price_point_words
    ):
        position += 1
    if position >= len(tokens) or tokens[position].kind != "num":
        return None
    position += 1
    while position < len(tokens) and tokens[position].kind == "num":
        if tokens[position].start > tokens[position - 1].end + 1:
            break
        position += 1
    if position < len(tokens) and tokens[position].text in lexicon.size_words:
        # `total 6kg refill`: a sum is money, never a size; the sum word is a name (a brand) there.
        return None
    if position < len(tokens) and (
        tokens[position].text in lexicon.unit_words or tokens[position].text in lexicon.price_point_words
    ):
        position += 1
    return position


def _codes_copied(tokens: list[Token], text: str, index: CatalogIndex) -> list[Token]:
    """`IND-CH-70 x 10`, `DNO-SL-SCH 5`, `货号50010001 2箱`: a SKU's code copied from the price list, letters with
    digits or hyphens or a long run of digits, is one word, the code as the catalog writes it, which names that SKU
    alone."""
    codes = index.positions_by_sku
    found: list[tuple[int, int, str]] = []
    # A code is a whole run of letters, digits and hyphens, and a message has few runs a catalog writes as a code:
    # only those are read for one.
    for match in _CODE_RUN_RE.finditer(text):
        code = match.group()
        sku = code if code in codes else code.upper()
        if sku in codes and _CODE_MARK_RE.search(code) and _CODE_RE.fullmatch(code):
            found.append((match.start(), match.end(), sku))
    numbered = [(m.start(), m.end(), m.group()) for m in _NUMBER_CODE_RE.finditer(text) if m.group() in codes]
    # Digits alone are a code only beside an amount of their own: a number said alone may be an amount.
    if numbered and sum(t.kind == "num" for t in tokens) > len(numbered):
        found = sorted(found + numbered)
    if not found:
        return tokens
    read: list[Token] = []
    at = 0
    for start, end, sku in found:
        read.extend(t for t in tokens[at:] if t.end <= start)
        at = next((i for i, t in enumerate(tokens) if t.start >= end), len(tokens))
        read.append(Token("word", sku, start, end))
    read.extend(tokens[at:])
    return read


def _digits_read_as_letters(text: str, lexicon: Lexicon) -> str:
    """`y3 s3n`, `mmi3nsa`: a word typed with a digit for a letter, read as the word it spells where that is a word of
    a language that types so (Twi `sen`, `mmiensa`); same length, so every span stays where it was. Digits that go
    on in thousands (`N3,600`) are an amount after its currency, not a word."""
    found = lexicon.digit_typed_words
    if found is None or lexicon.digit_after_letter is None or lexicon.digit_after_letter.search(text) is None:
        return text

    def spelt(match: re.Match[str]) -> str:
        typed = match.group()
        if _THOUSANDS_GROUP_RE.match(match.string, match.end()):
            return typed
        word = "".join(lexicon.letter_digits.get(ch, ch) for ch in typed)
        return word if word.casefold() in lexicon.digit_spelt_words else typed

    return found.sub(spelt, text)


def _digits_for_sounds(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """`2mrw`, `2day`: a digit typed for the sound of a word (`2` to), glued to the letters after it, is one word
    where the language's words have it, not a count."""
    kept: list[Token] = []
    for token in tokens:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.kind == "num"
            and token.kind == "word"
            and previous.end == token.start
            and previous.text + token.text in lexicon.fillers
        ):
            kept[-1] = Token("word", previous.text + token.text, previous.start, token.end)
            continue
        kept.append(token)
    return kept


def _amounts_said_twice(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """`2-2 peti`, `10-10 ladi`, `ek ek darjan`, `duwa-duwa case`: an amount said twice over is that amount of each
    item."""
    # Most messages say no amount twice: one pass over the pairs rules them out.
    if not any(
        (first.kind == "dash" and second.kind in ("num", "word"))
        or (first.kind == "word" and first.text == second.text)
        for first, second in zip(tokens, tokens[1:], strict=False)
    ):
        return tokens
    each = min((word for word in lexicon.each_words if word.isalpha()), default=None)
    if each is None:
        return tokens
    read: list[Token] = []
    position = 0
    while position < len(tokens):
        token, parts = tokens[position], tokens[position : position + 3]
        if (
            len(parts) == 3
            and [part.kind for part in parts] == ["num", "dash", "num"]
            and parts[2].value == token.value
            and token.end == parts[1].start
            and parts[1].end == parts[2].start
        ):
            read += [token, Token("word", each, parts[2].start, parts[2].end)]
            position += 3
            continue
        if (
            len(parts) == 3
            and [part.kind for part in parts] == ["word", "dash", "word"]
            and parts[2].text == token.text
            and token.text in lexicon.number_words
            and token.end == parts[1].start
            and parts[1].end == parts[2].start
        ):
            read += [token, Token("word", each, parts[2].start, parts[2].end)]
            position += 3
            continue
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if following is not None and token.kind == following.kind == "word" and token.text == following.text:
            if token.text in lexicon.number_words:
                read += [token, following._replace(text=each)]
                position += 2
                continue
        read.append(token)
        position += 1
    return read


def _counts_after_packs(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """`bale nyanya` (Kikamba, eight bales): a number word another language names goods by (Swahili `nyanya`,
    tomatoes) counts the pack word right before it where it ends the item, as it does after a word put before a
    count (Sesotho `tse pedi`, two; Swahili `pedi`, pads); elsewhere (`nyanya crate 2`, `crate nyanya anna`) it is
    those goods."""
    counts = lexicon.number_words_after_unit
    read = tokens
    for position, token in enumerate(tokens):
        value = counts.get(token.text) if position and token.kind == "word" else None
        before = tokens[position - 1].text
        if value is None or (before not in lexicon.unit_words and before not in lexicon.count_concords):
            continue
        if position + 1 == len(tokens) or tokens[position + 1].kind == "sep":
            read = read if read is not tokens else list(tokens)
            read[position] = Token("num", str(value), token.start, token.end, float(value))
    return read


def _initials_joined(tokens: list[Token], index: CatalogIndex) -> list[Token]:
    """`h&s 5 tali` for Head & Shoulders: two letters joined by an `&` that open an item are the brand's initials,
    where the catalog knows a brand by them; after another word (`century tuna h&s`) they stay letters, which a
    name may join so for other words (`TUNA H&S`, hot & spicy)."""
    if not any(t.text == "and" and t.end - t.start == 1 for t in tokens):
        return tokens
    lexicon = index.lexicon
    read: list[Token] = []
    position = 0
    while position < len(tokens):
        first = tokens[position]
        window = tokens[position : position + 3]
        before = read[-1] if read else None
        opening = before is None or before.kind != "word" or before.text in lexicon.chatter_words
        initials = _joined_letters(window) if len(window) == 3 and opening else ""
        if initials and initials in index.postings:
            read.append(Token("word", initials, first.start, window[2].end))
            position += 3
            continue
        read.append(first)
        position += 1
    return read


def _joined_letters(window: list[Token]) -> str:
    """The two letters of `h&s` as one word, or nothing where the tokens are not two letters joined by an `&`."""
    first, amp, second = window
    letters = all(t.kind == "word" and len(t.text) == 1 and t.text.isalpha() for t in (first, second))
    joined = amp.text == "and" and first.end == amp.start and amp.end - amp.start == 1 and amp.end == second.start
    return first.text + second.text if letters and joined else ""


def _letters_named(tokens: list[Token], index: CatalogIndex) -> list[Token]:
    """`पारले जी`, `parle-ji` for PARLE-G: a letter's name said right after a word (a hyphen between or not) is the
    letter where the catalog writes that word and letter as one name; `xtra hot` for XHOT: the word a letter stands
    for, said right before a word the catalog writes joined to that letter, is the two joined; `grade a` of GRADE A:
    a letter that is an article elsewhere is read with the word the catalog writes it after."""
    names, article_letters = index.lexicon.letter_names, index.lexicon.article_letters
    read: list[Token] = []
    skip = 0
    for position, token in enumerate(tokens):
        if position < skip:
            continue
        if token.text in article_letters and read and _joined_in(read[-1], token, index):
            read[-1] = Token("word", read[-1].text + token.text, read[-1].start, token.end)
            continue
        letter = names.get(token.text) if token.kind == "word" else None
        if letter is not None:
            after, before = _word_beside(tokens, position, 1), _word_beside(tokens, position, -1)
            if after is not None and letter + tokens[after].text in index.postings:
                token = Token("word", letter + tokens[after].text, token.start, tokens[after].end)
                skip = after + 1
            elif before is not None and _letter_after(tokens[before], token, letter, index):
                token = token._replace(text=letter)
        read.append(token)
    return read


def _letter_after(before: Token, named: Token, letter: str, index: CatalogIndex) -> bool:
    """Whether a word and the letter named after it are a name the catalog writes (`parle ji`), where the name is no
    catalog word itself (`jabon xtra` of the brand Xtra)."""
    return named.text not in index.postings and bool(index.read_word(before.text + letter))


def _joined_in(word: Token, letter: Token, index: CatalogIndex) -> bool:
    """Whether the catalog writes a word with the letter after it as one name (`GRADE A`)."""
    return word.kind == "word" and word.text + letter.text in index.postings


def _word_beside(tokens: list[Token], position: int, step: int) -> int | None:
    """Where the word right before (`step` -1) or after (1) a token is, past one hyphen; None where there is none."""
    beside = position + step
    if 0 <= beside < len(tokens) and tokens[beside].kind == "dash":
        beside += step
    return beside if 0 <= beside < len(tokens) and tokens[beside].kind == "word" else None


def _locale_spellings(tokens: list[Token], text: str, index: CatalogIndex) -> list[Token]:
    """Words written in an Indic script, read in Latin letters, as the locale spells the word that sounds the same
    in a language typed in that script (`वाला` reads `vaala`, the locale's `wala`), unless a catalog word other than
    that one sounds so (`टाटा` is `tata`), and never as a Latin currency code (`केस` is no KES); a word typed with
    tone marks the locale writes without (Yoruba `méjì`, Igbo `iteghete`), as the locale writes it, unless the locale
    writes it with those marks."""
    if text.isascii():
        return tokens
    lexicon = index.lexicon
    plain = lexicon.words_without_marks
    indic = indic_script(text) is not None
    read: list[Token] = []
    for token in tokens:
        typed = text[token.start : token.end]
        script = indic_script(typed) if indic and token.kind == "word" else None
        if script is not None:
            key = sound(token.text)
            spelt = lexicon.spelt_by_sound.get(script, {}).get(key)
            # `চাল` (chaal) is the locale's `chal` also where the catalog writes `chal`.
            if token.text not in index.postings and (key not in index.sounds or spelt in index.sounds[key]):
                token = token._replace(text=spelt or _voiced(token, script, index))
            if token.text in lexicon.price_point_words and token.text not in lexicon.native_price_point_words:
                # The letters spell a currency code: the word is the pack it names, if any (`केस`, a case).
                token = token._replace(text=lexicon.unit_words.get(token.text, typed.casefold()))
        elif token.kind == "word" and not token.text.isascii() and token.text not in index.postings:
            # A word as one language writes it with its marks (Igbo `dị`) means what that language says, never what
            # another language's bare spelling means (Tagalog `di`).
            if token.text not in lexicon.marked_words:
                spelt = plain.get(without_marks(token.text), token.text)
                token = token if spelt == token.text else token._replace(text=spelt)
        read.append(token)
    return read


def _voiced(token: Token, script: str, index: CatalogIndex) -> str:
    """A word of a script with one letter for voiced and voiceless stops as the one catalog word it may be read as
    (Tamil `கோல்ட்`, `kolt`: gold), unless it is a word of a language typed in that script."""
    if token.text in index.lexicon.words_typed_in.get(script, ()):
        return token.text
    found = {key for spelt in voicings(token.text, script) if (key := sound(spelt)) in index.sounds}
    return index.sounds[found.pop()][0] if len(found) == 1 else token.text


def _ranges(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """`2-3 ctn`, `2 or 3`, `mbili au tatu`, `do teen`, `两三箱`: two amounts that leave it open are one range."""
    read: list[Token] = []
    amounts = lexicon.amount_words
    position = 0
    while position < len(tokens):
        token = tokens[position]
        low = _amount_value(token, lexicon) if token.kind == "num" or token.text in amounts else None
        if low is None:
            read.append(token)
            position += 1
            continue
        between = tokens[position + 1] if position + 1 < len(tokens) else None
        # A dash makes a range written tight (`2-3`); `no.3 - 4 packs` is a size, then its amount.
        dashed = between is not None and between.kind == "dash" and token.end == between.start
        joined = between is not None and (dashed or between.text in lexicon.range_words)
        span = 3 if joined else 2
        top = tokens[position + span - 1] if position + span - 1 < len(tokens) else None
        high = _amount_value(top, lexicon) if top is not None else None
        sized = position > 0 and tokens[position - 1].text in lexicon.size_markers
        if top is not None and high is not None and low < high <= 2 * low + 1 and not sized:
            # Side by side, only two number words one apart (`mbili tatu`), never digits or `twenty one`, nor an
            # article before a number word (`un par`, a pair).
            side_by_side = token.kind == top.kind == "word" and token.text not in lexicon.article_words
            if joined or (side_by_side and high == low + 1 and high < 10):
                read.append(Token("num", f"{low:g}-{high:g}", token.start, top.end, low, high))
                position += span
                continue
        read.append(token)
        position += 1
    return read


def _counted_sized(chunk: list[Token], position: int, lexicon: Lexicon) -> bool:
    """`mumias 1kg bale 2 no 3`: a word right after an amount or its unit, in an item whose size is said already,
    follows a count, and names no second size."""
    before = chunk[position - 1] if position else None
    unit_counted = position > 1 and before is not None and before.text in lexicon.unit_words
    counted = before is not None and (before.kind == "num" or (unit_counted and chunk[position - 2].kind == "num"))
    sized = any(chunk[i].kind == "num" and chunk[i + 1].text in lexicon.size_words for i in range(position - 1))
    return counted and sized


def _amount_value(token: Token, lexicon: Lexicon) -> float | None:
    """A whole number of one token, in digits or in a word; None for anything else."""
    if token.kind == "num":
        value: float | None = token.value
    elif token.kind == "word":
        known = lexicon.number_words.get(token.text, lexicon.number_words_needing_unit.get(token.text))
        value = float(known) if known is not None else None
    else:
        value = None
    return value if value is not None and value == int(value) and 0 < value <= lexicon.max_quantity else None


def _amounts_joined(requests: list[ItemRequest], lexicon: Lexicon, index: CatalogIndex) -> list[ItemRequest]:
    """`mantika 1 litro, 2 case po`, `korro lime: 2`: an amount alone right after an uncounted item counts that
    item; after a question about one item's price (`红牛多少钱一箱，来5箱`) it orders that item, and the pack word
    the question said (`王老吉罐装多少钱？要3件`) still says which."""
    joined: list[ItemRequest] = []
    for request in requests:
        previous = joined[-1] if joined else None
        if previous is not None and previous.words and _offered_in_place(request):
            # `ketepa 100g ctn 2, ama ni 250g`: the size offered instead is asked beside the item's own.
            joined[-1] = replace(previous, other_size=request.other_size, phrase=f"{previous.phrase}, {request.phrase}")
            continue
        if previous is not None and _taken_back_then_said(previous, request):
            # `..., not 5, 8`, `obughi 5, o bu 8`: the amount after one taken back is what the correction says.
            amounts = ((request.quantity,) if request.quantity is not None else ()) + request.bare_numbers
            phrase = f"{previous.phrase}, {request.phrase}"
            joined[-1] = replace(previous, phrase=phrase, bare_numbers=previous.bare_numbers + amounts, denies=False)
            continue
        # `12 ctn nahi, 10`: an amount alone after an item whose amount is taken back counts it.
        uncounted = previous is not None and (not _counted(previous) or _only_taken_back(previous))
        amount = request.quantity is not None or (request.bare_numbers and uncounted)
        if (
            previous is not None
            and previous.words
            and (
                not _counted(previous)
                or _only_taken_back(previous)
                or (previous.price_question and not request.price_question)
            )
            and not request.words
            and amount
            and request.size is None
            and not (request.correction or request.removal or previous.correction or previous.removal)
        ):
            said = unit_words(previous.unit, lexicon, index) if previous.unit != request.unit else []
            if len(said) > 1:
                # `gunia ya shangi, moja`: the pack word typed says which product, before the catalog's others for it.
                typed = set(catalog_words(previous.phrase))
                said = [w for w in said if w in typed] or said
            joined[-1] = replace(
                previous,
                phrase=f"{previous.phrase}, {request.phrase}",
                optional_words=previous.optional_words + tuple(said) + request.optional_words,
                quantity=request.quantity,
                unit=request.unit,
                bare_numbers=request.bare_numbers,
                price_question=False,
                ranged=request.ranged,
            )
        else:
            joined.append(request)
    return joined


def unit_words(unit: str | None, lexicon: Lexicon, index: CatalogIndex) -> list[str]:
    """The catalog's words for a pack unit (`罐` for `听`, both a tin), which say which product."""
    return [w for w, meaning in lexicon.unit_words.items() if meaning == unit and w in index.postings] if unit else []


def _offered_in_place(request: ItemRequest) -> bool:
    """True when `request` only offers another size (`ama ni 250g`), naming and counting nothing."""
    return request.other_size is not None and request.size is None and not request.words and not says_amount(request)


def _taken_back_then_said(previous: ItemRequest, request: ItemRequest) -> bool:
    """True when `previous` only takes back an amount (`not 5`) and `request` is an amount alone after it (`8`)."""
    return (
        previous.correction
        and not previous.words
        and _only_taken_back(previous)
        and not (request.words or request.correction or request.removal)
        and request.size is None
        and _counted(request)
    )


def _only_taken_back(request: ItemRequest) -> bool:
    """`vimba not 3, 5 crates`: every amount of the item is one a negation takes back."""
    amounts = ((request.quantity,) if request.quantity is not None else ()) + request.bare_numbers
    return bool(amounts) and all(amount in request.negated for amount in amounts)


def _counted(request: ItemRequest) -> bool:
    return request.quantity is not None or bool(request.bare_numbers)


def _each_counted(requests: list[ItemRequest], line: list[Token], lexicon: Lexicon) -> list[ItemRequest]:
    """`tig-2 case sprite at royal`, `sprite and royal 2 cases each`, `coke, sprite 5 each`: the one amount counts
    every item of the line; the items are marked, so that words naming nothing together are read apart."""
    if not lexicon.each_words.intersection(t.text for t in line if t.kind == "word"):
        return requests
    listed = sum(1 for r in requests if r.words) > 1 or any(
        _says_each(r.phrase, lexicon) and not r.price_question for r in requests
    )
    if not any(r.quantity is not None for r in requests) and listed:
        # `coke, sprite 5 each`, `红牛东鹏各来五`: a whole number alone beside one of the items is the amount of each.
        bare = [r for r in requests if len(r.bare_numbers) == 1 and _counted_bare(r)]
        if len(bare) == 1:
            requests = [
                replace(r, quantity=r.bare_numbers[0], bare_numbers=()) if r is bare[0] else r for r in requests
            ]
    counted = [r for r in requests if r.quantity is not None]
    if len(counted) > 1:
        # `生抽老抽各两箱，蚝油一箱`: the amount said with the word for each counts the items said with it, not the
        # items counted apart in the same line.
        carrying = [r for r in counted if _says_each(r.phrase, lexicon)]
        if len(carrying) != 1:
            return requests
        at = requests.index(carrying[0])
        start = max((i + 1 for i, r in enumerate(requests[:at]) if r.quantity is not None), default=0)
        return requests[:start] + _each_counted(requests[start : at + 1], line, lexicon) + requests[at + 1 :]
    if not counted:
        return requests
    amount = counted[0]
    # `可口可乐330和2L各3箱`: beside an amount of each in its pack, a number alone at an item is its size.
    sized_by_bare = amount.unit is not None
    given = [
        bool(r.words)
        and r.quantity is None
        and (sized_by_bare or not _counted_bare(r))
        and not (r.correction or r.removal)
        for r in requests
    ]
    # `coke 1.5 at royal 1.5, tig 2 case`: an amount said apart, once it counts each item, is no amount of its own.
    apart = not (amount.words or amount.size or amount.bare_numbers) and any(given)
    return [
        replace(r, quantity=amount.quantity, unit=r.unit or amount.unit, ranged=amount.ranged, each=True)
        if gets
        else replace(r, each=True)
        for r, gets in zip(requests, given, strict=True)
        if not (apart and r is amount)
    ]


def _says_each(phrase: str, lexicon: Lexicon) -> bool:
    """True when a phrase writes a word for each: as a word of its own, or inside a run of Chinese characters."""
    text = phrase.casefold()
    return any(
        word in text if HAN_RE.match(word) else re.search(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", text)
        for word in lexicon.each_words
    )


def _counted_bare(request: ItemRequest) -> bool:
    """True when a number beside the item may count it: `sprite 1.5` has a size, not an amount."""
    return any(number == int(number) for number in request.bare_numbers)


def _capitalised_names(tokens: list[Token], text: str, index: CatalogIndex) -> frozenset[int]:
    """Where an everyday word names a product: `2 bags of CAN` when the catalog writes `CAN` in capitals.

    Capitals say so only in a message that is not written wholly in capitals; the starts of such words.
    """
    if not index.capital_names or not any(ch.islower() for ch in text):
        return frozenset()
    return frozenset(
        t.start
        for t in tokens
        if t.kind == "word" and t.text in index.capital_names and text[t.start : t.end].isupper()
    )


def _digit_names(tokens: list[Token], index: CatalogIndex) -> list[Token]:
    """`555 hot 3 cases`, `3 case 555`: a number the catalog writes as a name (the brand `555`) is that name, unless
    a unit word after it makes it a count."""
    if not index.digit_names:
        return tokens
    units = index.lexicon.unit_words
    return [
        token._replace(kind="word")
        if token.kind == "num"
        and token.text in index.digit_names
        and not (position + 1 < len(tokens) and tokens[position + 1].text in units)
        else token
        for position, token in enumerate(tokens)
    ]


def _merge_mixed(tokens: list[Token], index: CatalogIndex) -> list[Token]:
    """Glue `7` + `up` (or `4 finger`) back into `7up` / `4finger` when the catalog has such a name.

    Product codes that start with letters (`H614`, `DK8031`, also written `DK 8031`) are glued the same way
    when the catalog has the code, so their digits name the product instead of counting it.
    """
    merged: list[Token] = []
    for token in _three_part_names(tokens, index):
        if not merged or {merged[-1].kind, token.kind} != {"num", "word"}:
            merged.append(token)
            continue
        joined = merged[-1].text.casefold() + token.text
        touching = merged[-1].end == token.start
        digits_first = merged[-1].kind == "num"
        if (digits_first and joined in index.mixed_words) or (
            not digits_first
            and token.text.isdigit()
            and merged[-1].text not in index.lexicon.quantity_markers
            and joined in index.postings
        ):
            if touching or digits_first or merged[-1].end + 1 == token.start:
                previous = merged.pop()
                merged.append(Token("word", joined, previous.start, token.end))
                continue
        merged.append(token)
    return merged


def _three_part_names(tokens: list[Token], index: CatalogIndex) -> list[Token]:
    """`3in1`, `2in1`, `3 in 1` typed as digits, letters and digits: one word when the catalog has it (`3-IN-1`)."""
    if not index.mixed_words:
        return tokens
    read: list[Token] = []
    position = 0
    while position < len(tokens):
        parts = tokens[position : position + 3] if tokens[position].kind == "num" else ()
        if (
            len(parts) == 3
            and [t.kind for t in parts] == ["num", "word", "num"]
            and parts[1].start - parts[0].end <= 1
            and parts[2].start - parts[1].end <= 1
            and (joined := "".join(t.text.casefold() for t in parts)) in index.mixed_words
        ):
            read.append(Token("word", joined, parts[0].start, parts[2].end))
            position += 3
            continue
        read.append(tokens[position])
        position += 1
    return read


def _hyphened(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """`ap-at`, `an-om`, `san-o`: a word, a hyphen and a word typed tight, as a locale writes them, are one word."""
    words = lexicon.hyphened_words
    if all(token.kind != "dash" for token in tokens):
        return tokens
    read: list[Token] = []
    for token in tokens:
        if (
            len(read) >= 2
            and token.kind == read[-2].kind == "word"
            and read[-1].kind == "dash"
            and read[-2].end == read[-1].start
            and read[-1].end == token.start
            and f"{read[-2].text}-{token.text}" in words
        ):
            first = read[-2]
            read[-2:] = [Token("word", f"{first.text}-{token.text}", first.start, token.end)]
        else:
            read.append(token)
    return read


def _words_apart(tokens: list[Token], index: CatalogIndex) -> list[Token]:
    """Words typed joined by a hyphen or glued to a word for one or each, read as the words they are."""
    tokens = _prefixes_apart(_hyphened(tokens, index.lexicon), index)
    return _one_glued(_each_apart(tokens, index), index)


def _prefixes_apart(tokens: list[Token], index: CatalogIndex) -> list[Token]:
    """`i-coke`, `ama-bag amabili`, `ye-ace`: a beginning a language writes with a hyphen before a word or a number
    is not part of it, and one that says `and` (`ne-sprite`, `no-3`) begins another item; never where a name of the
    catalog writes the beginning before that word (`no sugar`)."""
    if all(token.kind != "dash" for token in tokens):
        return tokens
    lexicon = index.lexicon
    prefixes = lexicon.hyphen_prefixes | lexicon.and_prefixes
    read: list[Token] = []
    for position, token in enumerate(tokens):
        head = read[-1] if read and token.kind == "dash" else None
        after = tokens[position + 1] if position + 1 < len(tokens) else None
        if (
            head is not None
            and after is not None
            and head.kind == "word"
            and head.text in prefixes
            and after.kind in ("word", "num")
            and head.end == token.start
            and token.end == after.start
            and not (after.kind == "word" and _catalog_writes((head.text, after.text), index))
        ):
            read.pop()
            if head.text in lexicon.and_prefixes:
                read.append(Token("sep", ",", head.start, token.end))
            continue
        read.append(token)
    return read


def _each_apart(tokens: list[Token], index: CatalogIndex) -> list[Token]:
    """`tigdalawang case`, `tiglima`, `tagduha`: a word for each typed tight to a number word is the two words (as
    `tig-2`), unless the catalog writes it."""
    lexicon = index.lexicon
    # Most words start with no word for each: one look at all of them says so.
    heads = tuple(lexicon.each_words)
    read: list[Token] = []
    for token in tokens:
        if token.kind != "word" or not token.text.startswith(heads):
            read.append(token)
            continue
        head = next(w for w in heads if token.text.startswith(w))
        if token.text[len(head) :] in lexicon.number_words and token.text not in index.postings:
            split = token.start + len(head)
            read.append(Token("word", head, token.start, split))
            token = Token("word", token.text[len(head) :], split, token.end)
        read.append(token)
    return read


def _initials_spelt_out(tokens: list[Token], index: CatalogIndex) -> list[Token]:
    """`cooking fat`, `bar soap` for a list's `C/FAT`, `B/SOAP`: a word the catalog lacks and the reader does not
    know otherwise, before the word a name writes after a slashed initial of its first letter, is that initial;
    unless the catalog also writes the word cut short (`VEG OIL` beside `V/OIL`), which names the rest."""
    pairs = index.slashed_initials
    if not pairs:
        return tokens
    lexicon = index.lexicon
    read = list(tokens)
    for position, (token, following) in enumerate(zip(tokens, tokens[1:], strict=False)):
        if (
            token.kind == following.kind == "word"
            and (token.text[:1], following.text) in pairs
            and len(token.text) > 1
            and token.text not in index.postings
            and token.text not in lexicon.chatter_words
            and token.text not in lexicon.cue_words
            and not any(token.text[:end] in index.postings for end in range(_MIN_CUT_WORD, len(token.text)))
        ):
            read[position] = token._replace(text=token.text[:1])
    return read


def _one_glued(tokens: list[Token], index: CatalogIndex) -> list[Token]:
    """`sedus`, `sekilo`: a word for one glued to a pack or measure word is one of it, unless the catalog writes it."""
    glued = index.lexicon.one_glued
    read: list[Token] = []
    for token in tokens:
        word = glued.get(token.text) if token.kind == "word" else None
        if word is None or token.text in index.postings:
            read.append(token)
            continue
        split = token.end - len(word)
        read.append(Token("num", "1", token.start, split, 1.0))
        read.append(Token("word", word, split, token.end))
    return read


def _split_words(tokens: list[Token], index: CatalogIndex) -> list[Token]:
    """`teabags` for a catalog's `TEA BAGS`: a word the catalog lacks that is two of its words written together, on
    one SKU at least, is those two words."""
    postings = index.postings
    read: list[Token] = []
    for token in tokens:
        text = token.text
        if token.kind != "word" or text in postings or not _splittable(text):
            read.append(token)
            continue
        parts = next(
            (
                (text[:cut], text[cut:])
                for cut in range(_MIN_SPLIT_PART, len(text) - _MIN_SPLIT_PART + 1)
                if not postings.get(text[:cut], _NO_POSITIONS).isdisjoint(postings.get(text[cut:], _NO_POSITIONS))
            ),
            None,
        )
        if parts is None:
            read.append(token)
            continue
        middle = token.start + len(parts[0])
        read.extend((Token("word", parts[0], token.start, middle), Token("word", parts[1], middle, token.end)))
    return read


def _splittable(text: str) -> bool:
    return len(text) >= 2 * _MIN_SPLIT_PART and text.isascii() and text.isalpha()


def _joined_words(tokens: list[Token], index: CatalogIndex) -> list[Token]:
    """`tooth paste` for a catalog's `toothpaste`: two words that the catalog writes as one and not apart; never
    single letters (`50g x5` is no `gx`), but the one a name writes an apostrophe after (`o clock` of `O'Clock`)."""
    postings = index.postings
    joined: list[Token] = []
    for token in tokens:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind == token.kind == "word"
            and previous.end + 1 == token.start
            and previous.text + token.text in postings
            and (
                min(len(previous.text), len(token.text)) > 1
                or previous.text + token.text in index.name_marks.elided_words
            )
            and not (previous.text in postings and token.text in postings)
        ):
            joined[-1] = Token("word", previous.text + token.text, previous.start, token.end)
        else:
            joined.append(token)
    return joined


def _phrases(tokens: list[Token], index: CatalogIndex) -> list[Token]:
    """`cold drink`, `mafuta ya taa`: words that together name a kind of goods in a locale are one word, read as
    that kind, unless the catalog writes the words together (`cold drink` in a name); a kind the catalog does not
    sell is then not sold, never the goods one of its words names alone (`mafuta`, oil; `pure` of `PURE LIFE`).
    So is a negation in several words (`12 no be 10`, `5 ki jagah 7`): the amount beside it is the one taken back."""
    phrases = index.lexicon.phrases_by_first
    # A kind said in several words, or with a linker, has a word that begins one: most messages have none.
    if phrases.keys().isdisjoint(t.text for t in tokens):
        return tokens
    links = index.lexicon.phrase_links
    read: list[Token] = []
    position = 0
    while position < len(tokens):
        token = tokens[position]
        span = 1
        for phrase in phrases.get(token.text, ()) if token.kind == "word" else ():
            window = tokens[position : position + len(phrase)]
            if [t.text for t in window] == list(phrase) and not _catalog_writes(phrase, index):
                token, span = Token("word", " ".join(phrase), token.start, window[-1].end), len(phrase)
                break
        else:
            following = tokens[position + 1].text if position + 1 < len(tokens) else ""
            linked = _linked_phrase(tokens, position, index) if following in links else None
            if linked is not None:
                token, span = linked
        read.append(token)
        position += span
    return read


def _linked_phrase(tokens: list[Token], position: int, index: CatalogIndex) -> tuple[Token, int] | None:
    """`asukal na pula`, `pulang asukal`: a kind said in two words (`asukal pula`) with a linker between them, or
    the second first with a linking ending, is that kind."""
    head, after = tokens[position], tokens[position + 1]
    lexicon = index.lexicon
    phrases = lexicon.phrases_by_first
    if head.kind != "word" or after.kind != "word":
        return None
    if after.text in lexicon.number_joiners:
        last = tokens[position + 2] if position + 2 < len(tokens) else None
        phrase = (head.text, last.text) if last is not None and last.kind == "word" else ()
        if phrase and phrase in phrases.get(head.text, ()) and not _catalog_writes(phrase, index):
            return Token("word", " ".join(phrase), head.start, tokens[position + 2].end), 3
        return None
    for suffix in lexicon.linker_suffixes if after.text in phrases else ():
        phrase = (after.text, head.text.removesuffix(suffix))
        if phrase[1] != head.text and phrase in phrases[after.text] and not _catalog_writes(phrase, index):
            return Token("word", " ".join(phrase), head.start, after.end), 2
    return None


def _catalog_writes(phrase: tuple[str, ...], index: CatalogIndex) -> bool:
    """True when a name or an alias of the catalog writes the words of a kind phrase together."""
    postings = index.postings
    if not all(word in postings for word in phrase):
        return False
    together = " ".join(phrase)
    shared = frozenset.intersection(*(postings[word] for word in phrase))
    return any(
        together in " ".join(find_words(text.casefold()))
        for position in shared
        for text in (index.items[position].item.name, *index.items[position].item.aliases)
    )


def _lines(tokens: list[Token]) -> list[list[Token]]:
    lines: list[list[Token]] = [[]]
    for token in tokens:
        if token.kind == "sep" and token.text == "\n":
            lines.append([])
        else:
            lines[-1].append(token)
    return [line for line in lines if line]


def _numbered_lines(lines: list[list[Token]]) -> list[list[Token]]:
    """Drop bullets, and list numbers (`1.`, `2)`; `1、`, read as a comma, when the lines count 1, 2, 3) when
    several lines are numbered."""
    bulleted = [line[1:] if line[0].kind == "dash" else line for line in lines]
    numbered = []
    expected = 1.0
    for line in bulleted:
        marked = len(line) > 2 and line[0].kind == "num" and line[1].kind == "sep"
        closed = marked and line[1].text in _LIST_CLOSERS
        counted = marked and line[1].text == "," and line[0].value == expected
        expected += counted
        numbered.append(closed or counted)
    if sum(numbered) >= 2:
        return [line[2:] if flag else line for line, flag in zip(bulleted, numbered, strict=False)]
    return [_inline_numbered(line) for line in bulleted]


def _inline_numbered(line: list[Token]) -> list[Token]:
    """`1. tide 20 pack 2. surf 10 pack 3. zonrox 1 case`: a list numbered 1, 2, 3 on one line; its numbers part
    the items and count nothing."""
    if len(line) < 3 or not _list_number(line, 0, 1):
        return line
    markers = [0]
    for position in range(2, len(line) - 1):
        if _list_number(line, position, len(markers) + 1):
            markers.append(position)
    if len(markers) < 2:
        return line
    read: list[Token] = []
    for start, end in zip(markers, [*markers[1:], len(line)], strict=True):
        if read:
            read.append(Token("sep", ",", line[start].start, line[start + 1].end))
        read.extend(line[start + 2 : end])
    return read


def _list_number(line: list[Token], position: int, expected: int) -> bool:
    token, after = line[position], line[position + 1]
    return token.kind == "num" and token.value == expected and after.kind == "sep" and after.text in _LIST_CLOSERS


def _without_place(line: list[Token], lexicon: Lexicon) -> list[Token]:
    """`..., deliver to my shop`, `红牛5箱 老地方`, `地址：...`: where to deliver is no item, nor why (`..., kay aon
    pista`). A place cue before a colon labels the rest of the line; after an amount, it names the place (or a
    reason word the reason) up to the next separator."""
    if lexicon.place_phrases_by_first.keys().isdisjoint(t.text for t in line):
        return line
    counted = False
    for position, token in enumerate(line):
        # `下午3点前送到 ...`: a time of day is no amount, so what follows the cue may still be the order.
        timed = token.kind == "num" and time_of_day(line, position, lexicon) > 0
        counted = counted or (token.kind == "num" and not timed) or token.text in lexicon.number_words
        for phrase in lexicon.place_phrases_by_first.get(token.text, ()) if token.kind == "word" else ():
            window = line[position : position + len(phrase)]
            if [t.text for t in window] != list(phrase):
                continue
            after = line[position + len(phrase)] if position + len(phrase) < len(line) else None
            if after is not None and after.kind == "sep" and after.text == ":":
                return line[:position]
            if counted:
                rest = line[position:]
                end = next((i for i, t in enumerate(rest) if t.kind == "sep"), len(rest))
                if end == len(phrase) and " ".join(phrase) in lexicon.fallback_cues:
                    # `..., if none, the antibac`: what to send instead follows the cue's own comma.
                    end = next((i for i, t in enumerate(rest) if t.kind == "sep" and i > end), len(rest))
                return line[:position] + rest[end:]
    return line


def _without_header(line: list[Token], lexicon: Lexicon) -> list[Token]:
    """`Order:` or `tea:` before a list is a heading, not an item, when it holds no number, in figures or in words
    (`tig-tallo a tali:` counts each item after it); before an amount alone (`红牛：5箱`, `sugar: 2 bales`) it is
    the item."""
    for position, token in enumerate(line):
        if token.kind == "sep" and token.text == ":":
            counted = any(t.kind == "num" or t.text in lexicon.number_words for t in line[:position])
            if not counted and not _amount_only(line[position + 1 :], lexicon):
                return line[position + 1 :]
            break
    return line


def _amount_only(tokens: list[Token], lexicon: Lexicon) -> bool:
    """True when the tokens up to the next comma are a number with at most its unit and chatter: no product."""
    counted = False
    for token in tokens:
        if token.kind == "sep":
            break
        if token.kind == "num" or token.text in lexicon.number_words:
            counted = True
        elif token.kind == "word" and token.text not in lexicon.unit_words and token.text not in lexicon.chatter_words:
            return False
    return counted


def _is_connector(line: list[Token], position: int, lexicon: Lexicon, index: CatalogIndex) -> bool:
    token = line[position]
    if token.kind != "word" or token.text not in lexicon.connectors:
        return False
    before = line[position - 1] if position > 0 else None
    after = line[position + 1] if position + 1 < len(line) else None
    if token.text in lexicon.joining_goods_words and not (
        before is not None and after is not None and before.kind != "sep" and after.kind != "sep"
    ):
        return False  # "asin 2 bdl": a word that also names goods joins nothing at an end of a part
    if (
        after is not None
        and after.kind == "num"
        and after.start == token.end
        and token.text in lexicon.price_point_words
    ):
        return False  # "N100": a currency letter written onto its price, not "n" for "and"
    if _opens_filler_phrase(line, position, lexicon):
        return False  # "sprite na lang": `na` begins a phrase that only softens, it joins nothing
    if _ends_a_name(before, token, after, index):
        return False
    if before is not None and after is not None:
        if _protected(before.text, token.text, after.text, index):
            return False
        if position > 1 and line[position - 2].kind == "word" and _lettered(before.text, token.text, after.text, index):
            return False  # "ligo hot and spicy": after the product's first word, the two words a name writes `H&S`
        if (before.text, after.text) in index.joined_by_initials:
            return False  # "hunts p&b": the initials of the two words a name joins (`PORK & BEANS`)
        # "kumi na mbili" is one number (12), not two items.
        if (
            (before.kind == "num" or before.text in lexicon.number_words)
            and after.text in lexicon.unit_words
            and not _counts_its_own_unit(line, position - 1, lexicon)
        ):
            return False  # "apat na kahon": a linker between a number and its unit
        if token.text in lexicon.number_joiners and (
            _says_which(before.text, after.text, lexicon, index) or _says_which(after.text, before.text, lexicon, index)
        ):
            return False  # "asukal na pula", "sardinas na ligo": a kind of goods linked to the word that says which
        if token.text in lexicon.number_joiners:
            if after.text in lexicon.half_words and (before.kind == "num" or before.text in lexicon.number_words):
                return False  # "mbili na nusu" is two and a half
            left = lexicon.number_words.get(before.text)
            right = lexicon.number_words.get(after.text)
            tens = line[position - 2].text if position > 1 else ""
            if left is not None and tens in lexicon.number_multipliers:
                left *= lexicon.number_multipliers[tens]  # "mirongo itatu na ithano", "piero adek gi abich": 35
            if left is not None and right is not None and left >= 10 and right < 10:
                return False
    return True


def _counts_its_own_unit(line: list[Token], at: int, lexicon: Lexicon) -> bool:
    """True when the count at `at` is the only one of its part and a pack word opens the goods it counts (Igbo `akpa
    garri abuo`, Yoruba `paali titus meji`): it counts that pack, so a unit after it starts the next item."""
    unit_said = False
    for token in reversed(line[:at]):
        if token.kind == "sep":
            break
        if token.kind == "num" or token.text in lexicon.number_words:
            return False
        unit_said = unit_said or token.text in lexicon.unit_words
    return unit_said


def _protected(before: str, connector: str, after: str, index: CatalogIndex) -> bool:
    """True when the catalog writes the connector between these words (`salt and pepper`), either word in
    either number (`head n shoulder` for `head n shoulders`) or written short (`PRK&BNS`), or writes what follows
    it as what a product comes with (`with mug`)."""
    protected = index.protected_connectors
    written_after = index.written_after_connector.get(connector)
    if written_after is None:
        return False
    short = index.short_words.read if index.short_words is not None else lambda word: ()
    # Most words after a joining word are none a name writes after it: the word before is then never read further.
    lasts = [last for last in (after, *singular_and_plural(after), *short(after)) if last in written_after]
    return bool(lasts) and any(
        (first, connector, last) in protected
        for first in (before, *singular_and_plural(before), *short(before), "")
        for last in lasts
    )


def _lettered(before: str, connector: str, after: str, index: CatalogIndex) -> bool:
    """True when a name joins the initials of these two words with `&` (`H&S`, hot and spicy)."""
    return (
        len(before) > 1
        and len(after) > 1
        and before.isalpha()
        and after.isalpha()
        and (before[0], connector, after[0]) in index.protected_connectors
    )


def _opens_filler_phrase(line: list[Token], position: int, lexicon: Lexicon) -> bool:
    for phrase in lexicon.filler_phrases_by_first.get(line[position].text, ()):
        window = line[position : position + len(phrase)]
        if len(window) == len(phrase) and all(t.text == w for t, w in zip(window, phrase, strict=True)):
            return True
    return False


def _says_which(kind: str, word: str, lexicon: Lexicon, index: CatalogIndex) -> bool:
    """`word` says which goods of the local `kind` word are meant: a catalog word that is no other kind, and no
    brand unless the brand sells that kind (`ligo` sardines, not `omo` for `sukari`)."""
    namings = lexicon.product_words.get(kind)
    if namings is None or word not in index.postings or word in lexicon.product_words or word in lexicon.unit_words:
        return False  # a pack unit (`bale na mafuta`) says how goods come, never which
    brands = index.groups.brands_by_word.get(word)
    if not brands:
        return True
    postings, by_brand = index.postings, index.groups.by_brand
    return any(
        all(by_brand.get(brand, frozenset()) & postings.get(w, frozenset()) for w in naming)
        for brand in brands
        for naming in namings
    )


def _chunks(line: list[Token], lexicon: Lexicon, index: CatalogIndex) -> list[list[Token]]:
    chunks: list[list[Token]] = [[]]
    opening, availability = lexicon.part_opening_words, lexicon.availability_cues
    skipped: set[int] = set()
    for position, token in enumerate(line):
        if position in skipped:
            continue
        if token.kind != "sep" and token.text not in opening:
            if _names_instead(line, position, lexicon, index) or (
                token.text in availability and _starts_question(line, position, lexicon, index)
            ):
                # `红牛5件 有没得雪碧`: a product asked about after an order is a part of its own.
                chunks.append([])
            elif token.text in availability and (asked := _asked_after_item(chunks[-1], lexicon, index)):
                # `红牛5箱 沉缸酒还有冇`: so is one named after a counted item and then asked whether there is any.
                chunks[-1] = chunks[-1][: len(chunks[-1]) - len(asked)]
                chunks.append(asked)
            chunks[-1].append(token)
            if _priced_per_unit(chunks[-1], lexicon) and _counts_on(line[position + 1 :]):
                # `红牛多少钱一箱 来5箱`: the unit a price is asked per ends the question; what follows is said apart.
                chunks.append([])
            elif (opened := _removal_closed(chunks[-1], lexicon, index)) is not None:
                # `不要红牛了 要东鹏5箱`: a removal word and the particle closing it take off what they hold, apart.
                chunks[-1:] = [chunks[-1][:opened], chunks[-1][opened:], []]
            continue
        if token.kind == "sep" and token.text in _NEUTRAL_SEPARATORS:
            continue
        if token.kind == "sep" or (
            _is_connector(line, position, lexicon, index) and not _only_amount(chunks[-1], lexicon, index)
        ):
            if token.kind != "sep" and _price_asked_ahead(line, position, lexicon):
                # `红牛5件 雪碧和芬达好多钱`: the product after a counted item, joined to one whose price is asked, is
                # asked about with it, in a part of its own.
                asked = _asked_after_item(chunks[-1], lexicon, index)
                if asked:
                    chunks[-1] = chunks[-1][: len(chunks[-1]) - len(asked)]
                    chunks.append(asked)
            chunks.append([])
        elif _no_set_apart(line, position, lexicon, index):
            chunks.extend(([token], []))
        elif (taken := _takes_off_after_count(chunks[-1], line[position:], lexicon, index)) is not None:
            chunks[-1:] = [chunks[-1][: len(chunks[-1]) - len(taken)], [*taken, token]]
        elif _starts_correction(line, position, lexicon, index) or _starts_question(line, position, lexicon, index):
            named = _named_before_correction(chunks[-1], token, lexicon, index)
            chunks[-1] = chunks[-1][: len(chunks[-1]) - len(named)]
            chunks.append([*named, token])
        elif _asked_per_unit(line, position, chunks[-1], lexicon):
            # `特仑苏五提 多少钱一提`: after a counted item, a price asked per one unit asks about that item.
            chunks.extend(([token], []))
            skipped.update((position + 1, position + 2))
        elif token.text in lexicon.price_cues and (asked := _asked_after_item(chunks[-1], lexicon, index)):
            chunks[-1] = chunks[-1][: len(chunks[-1]) - len(asked)]
            chunks.append([*asked, token])
        elif _takes_back_before_another(line, position, lexicon, index):
            # `雪碧不要了 红牛5件`: the product a removal word follows is taken off; the one after it is ordered.
            chunks[-1].append(token)
            chunks.append([])
        else:
            chunks[-1].append(token)
    return [chunk for chunk in chunks if chunk]


def _asked_per_unit(line: list[Token], position: int, before: list[Token], lexicon: Lexicon) -> bool:
    """True for a price cue right after an amount and its unit that one unit alone follows, to the line's end or a
    separator."""
    rest = line[position + 1 : position + 4]
    if line[position].text not in lexicon.price_cues or len(rest) < 2 or (len(rest) == 3 and rest[2].kind != "sep"):
        return False
    if rest[0].kind != "num" or rest[0].value != 1 or rest[1].text not in lexicon.unit_words:
        return False
    return len(before) > 1 and before[-2].kind == "num" and before[-1].text in lexicon.unit_words


def _removal_closed(chunk: list[Token], lexicon: Lexicon, index: CatalogIndex) -> int | None:
    """Where the removal word opens that a part's last word closes, when the two make one removal word (`不要` ... `了`
    of `不要了`) around words that name a product; None otherwise."""
    closing = chunk[-1].text
    if closing not in lexicon.fillers:
        return None
    for position in range(len(chunk) - 2, -1, -1):
        opening = chunk[position].text
        if opening in lexicon.removal_words:
            held = chunk[position + 1 : -1]
            named = any(t.kind == "word" and index.knows_word(t.text) for t in held)
            return position if named and opening + closing in lexicon.removal_words else None
    return None


def _priced_per_unit(chunk: list[Token], lexicon: Lexicon) -> bool:
    """True when a part ends with a price cue, one and a unit (`多少钱一箱`): the price is asked per that unit."""
    if len(chunk) < 3 or chunk[-1].text not in lexicon.unit_words:
        return False
    return chunk[-2].kind == "num" and chunk[-2].value == 1 and chunk[-3].text in lexicon.price_cues


def _counts_on(rest: list[Token]) -> bool:
    """True when a number is said before the line's next separator."""
    for token in rest:
        if token.kind == "sep":
            return False
        if token.kind == "num":
            return True
    return False


def _correcting(request: ItemRequest, in_line: list[ItemRequest]) -> ItemRequest:
    """The request as a correction of the line before it; one repeating that line's word beside a new one (`罐装5件
    不是罐装 要瓶装的`) keeps the new one only."""
    said = set(in_line[-1].optional_words) if in_line else set()
    kept = tuple(word for word in request.optional_words if word not in said)
    if kept and len(kept) < len(request.optional_words):
        return replace(request, correction=True, optional_words=kept)
    return replace(request, correction=True)


def _takes_back_before_another(line: list[Token], position: int, lexicon: Lexicon, index: CatalogIndex) -> bool:
    """True for a removal word right after a product's words (fillers aside) that another product's follow."""
    if line[position].text not in lexicon.removal_words:
        return False
    passing = lexicon.fillers | lexicon.stop_words
    before = next((t for t in reversed(line[:position]) if t.kind != "word" or t.text not in passing), None)
    if before is None or before.kind != "word" or before.text in lexicon.unit_words:
        return False
    if before.text in lexicon.cue_words or not index.knows_word(before.text):
        return False
    for after in line[position + 1 :]:
        if after.kind == "sep":
            return False
        if after.kind == "word" and after.text not in passing and after.text not in lexicon.cue_words:
            return index.knows_word(after.text)
    return False


def _price_asked_ahead(line: list[Token], position: int, lexicon: Lexicon) -> bool:
    """True when a price cue follows the position before the line's next separator."""
    for after in line[position + 1 :]:
        if after.kind == "sep":
            return False
        if after.kind == "word" and after.text in lexicon.price_cues:
            return True
    return False


def _starts_question(line: list[Token], position: int, lexicon: Lexicon, index: CatalogIndex) -> bool:
    """`2 case royal magkano sprite`, `红牛5件 有没得雪碧`: after a counted item, a price or availability cue followed
    by a catalog word asks about that product, in a part of its own."""
    token = line[position]
    if token.kind != "word" or token.text in index.postings:
        return False
    if token.text not in lexicon.price_cues and token.text not in lexicon.availability_cues:
        return False
    before: list[Token] = []
    for earlier in line[:position]:
        before = [] if earlier.kind == "sep" else [*before, earlier]
    if not any(t.kind == "num" or t.text in lexicon.number_words for t in before):
        return False
    if token.text not in lexicon.price_cues and not any(t.kind == "word" and index.knows_word(t.text) for t in before):
        # An availability cue asks apart only after an item ordered (`una` of `una still get X` is no amount).
        return False
    ignored = lexicon.fillers.union(lexicon.cue_words, lexicon.stop_words, lexicon.unit_words)
    for after in line[position + 1 :]:
        if after.kind == "sep":
            return False
        if after.kind == "word" and after.text not in ignored:
            return index.knows_word(after.text)
    return False


def _asked_with(chunk: list[Token], before: list[ItemRequest], lexicon: Lexicon) -> int:
    """How many items before a part that asks a price after naming its item are asked about with it: the uncounted
    ones said since the last counted item (`coke and fanta how much`, `sukari 2 bale, pia ketepa na blueband bei
    gani`)."""
    cues = lexicon.price_cues
    if chunk[0].text in cues or not any(t.kind == "word" and t.text in cues for t in chunk):
        return 0
    uncounted = 0
    for request in reversed(before):
        # `iria ya cooler lita 20, na yoghurt ... ni irihu`: litres counted by a measure word are an amount too.
        if not request.words or request.quantity is not None or request.bare_numbers or request.size_as_count:
            break
        uncounted += 1
    return uncounted


def _asked_after_item(chunk: list[Token], lexicon: Lexicon, index: CatalogIndex) -> list[Token]:
    """`红牛5箱 顺便问下旺仔啥价`: before a price cue, the words after a counted item that name a product, or a kind of
    goods in a local word (`碘盐3件 酱油多少钱`), are asked about, in a part of their own; empty when there are none."""
    for position in range(len(chunk) - 2, 0, -1):
        if position + 2 == len(chunk) and chunk[position].value == 1:
            # `特仑苏一提好多钱`: one unit right before the cue is the unit the price is asked per, not an order.
            continue
        if chunk[position].kind == "num" and chunk[position + 1].text in lexicon.unit_words:
            asked, named = chunk[position + 2 :], chunk[:position]
            break
    else:
        return []

    def names(tokens: list[Token]) -> bool:
        fillers = lexicon.fillers
        return any(t.kind == "word" and t.text not in fillers and _known(t.text, lexicon, index) for t in tokens)

    return asked if names(asked) and names(named) else []


def _named_before_correction(chunk: list[Token], marker: Token, lexicon: Lexicon, index: CatalogIndex) -> list[Token]:
    """`红牛5件 东鹏5件 红牛改成3件`: after a counted item, the words naming a product right before a correction word,
    none taking anything back (`怡宝免了 换...`), name the line it corrects; empty when there are none."""
    if marker.text not in lexicon.correction_markers:
        return []
    named = _asked_after_item(chunk, lexicon, index)
    taking_back = lexicon.removal_words | lexicon.negations
    return [] if any(t.text in taking_back for t in named) else named


def _goes_on_asking(found: list[ItemRequest], chunk: list[Token], lexicon: Lexicon) -> bool:
    """After a price cue, a part asks on while its items are uncounted; one whose first word past the fillers is a
    count before a product word (`how much is X? also send 2 jogoo 2kg`) orders that product."""
    if any(r.quantity is not None for r in found):
        return False
    words = [t for t in chunk if not (t.kind == "word" and t.text in lexicon.fillers)]
    if len(words) < 2:
        return True
    first, following = words[0], words[1]
    counts = first.kind == "num" or first.text in lexicon.number_words
    return not (counts and following.kind == "word" and following.text not in lexicon.size_words)


def _only_amount(chunk: list[Token], lexicon: Lexicon, index: CatalogIndex) -> bool:
    """`kwali uku na Maltina`, `dalawang kahon na canton`, `385ml na datu puti`, `P7 na shampoo`: after an amount,
    a size or a price point alone (an article before it too: `so duaran sako na jasmine`), `na` links it to its
    product; an everyday word that is a brand (`jamaa 800g ctn 3 na ...`) names one there."""
    counted = False
    brands = index.groups.brands_by_word
    for token in chunk:
        if token.kind == "num" or token.text in lexicon.number_words:
            counted = True
        elif token.kind != "word" or not (
            token.text in lexicon.unit_words
            or (token.text in lexicon.fillers and token.text not in brands)
            or token.text in lexicon.stop_words
            or token.text in lexicon.size_words
            or token.text in lexicon.price_point_words
        ):
            return False
    return counted


def _no_set_apart(line: list[Token], position: int, lexicon: Lexicon, index: CatalogIndex) -> bool:
    """`..., hapana ni dasani`: a `no` that opens a part, set apart from the product after it by a word of its own
    (`ni`, it is), says `no,`: the product corrects the item before it, never takes itself off."""
    token = line[position]
    if token.text not in lexicon.negations or token.text in lexicon.not_words or token.text in index.postings:
        return False
    if position == 0 or line[position - 1].kind != "sep" or position + 2 >= len(line):
        return False
    between, after = line[position + 1], line[position + 2]
    return (
        between.kind == "word"
        and between.text in lexicon.fillers
        and after.kind == "word"
        and after.text not in lexicon.chatter_words
        and index.knows_word(after.text)
    )


def _names_instead(line: list[Token], position: int, lexicon: Lexicon, index: CatalogIndex) -> bool:
    """`..., sio sprite ni fanta orange 300`, `not coke it is sprite`: words of their own (`ni`, it is) after a `not`
    and the product it takes back, before another product, open the part naming the product said instead."""
    fillers = lexicon.fillers
    if line[position].text not in fillers or line[position].kind != "word":
        return False
    after = next((t for t in line[position + 1 :] if t.kind != "word" or t.text not in fillers), None)
    if after is None or after.kind != "word" or after.text in lexicon.chatter_words or not index.knows_word(after.text):
        return False
    named = False
    for earlier in reversed(line[:position]):
        if earlier.kind == "word" and earlier.text in lexicon.not_words:
            return named
        if earlier.kind != "word" or earlier.text in lexicon.chatter_words or not index.knows_word(earlier.text):
            return False
        named = True
    return False


def _takes_off_after_count(
    part: list[Token], ahead: list[Token], lexicon: Lexicon, index: CatalogIndex
) -> list[Token] | None:
    """After an item counted in its part, a word taking an amount off (`ahead[0]`: `minus`, `punguza`, or one removing,
    `toa`, before an amount) opens a part of its own, so the amount taken off is said apart from the item's own (`coke
    500ml case 4 minus 1`, `... toa moja`): the tokens of the part that move into it with the amount (`4 one less`:
    `one`), none where the amount follows the word; None where it opens no part."""
    token = ahead[0]
    if token.text not in lexicon.removal_words or index.names_with(token.text, {t.text for t in part}):
        return None
    counted = [position for position, t in enumerate(part) if _said_amount(t, lexicon) is not None]
    if any(_said_amount(t, lexicon) is not None for t in ahead[1:3]):
        return [] if counted else None
    if token.text in lexicon.less_words and len(counted) > 1 and counted[-1] == len(part) - 1:
        return part[counted[-1] :]
    return None


def _starts_correction(line: list[Token], position: int, lexicon: Lexicon, index: CatalogIndex) -> bool:
    """`5 ctn coke sorry 7 not 5`: a correction word followed soon by a number begins a part of its own; so
    does one, or a negation, followed soon by a product after a counted item (`kukoma 1L ctn 2 sorry make it
    sunseed`, `kabras 2kg bale 3 sio kabras ni mumias`)."""
    token = line[position]
    negation = token.text in lexicon.negations
    if token.kind != "word" or (token.text not in lexicon.correction_markers and not negation):
        return False
    if position == 0 or index.names_with(token.text, {t.text for t in line if t.kind == "word"}):
        return False
    soon = line[position + 1 : position + 4]
    before: list[Token] = []
    for earlier in line[:position]:
        before = [] if earlier.kind == "sep" else [*before, earlier]
    after = [amount for t in soon if (amount := _said_amount(t, lexicon)) is not None]
    if after:
        # `4 nahi 6`: a negation keeps its amounts in its own part, but for the amount just said taken back
        # (`jogoo bale 4 sio 4 ni 6`).
        said = [amount for t in before if (amount := _said_amount(t, lexicon)) is not None]
        return not negation or (bool(said) and said[-1] == after[0])
    return any(t.kind == "num" for t in before) and any(
        t.kind == "word" and t.text not in lexicon.chatter_words and index.knows_word(t.text) for t in soon
    )


def _said_amount(token: Token, lexicon: Lexicon) -> float | None:
    """The amount a number or a number word says; None for any other token."""
    if token.kind == "num":
        return token.value
    return lexicon.number_words.get(token.text)


def _drop_filler_phrases(chunk: list[Token], lexicon: Lexicon) -> list[Token]:
    if lexicon.filler_phrases_by_first.keys().isdisjoint(t.text for t in chunk):
        return chunk
    kept: list[Token] = []
    position = 0
    while position < len(chunk):
        for phrase in lexicon.filler_phrases_by_first.get(chunk[position].text, ()):
            window = chunk[position : position + len(phrase)]
            if len(window) == len(phrase) and all(t.text == w for t, w in zip(window, phrase, strict=False)):
                position += len(phrase)
                break
        else:
            kept.append(chunk[position])
            position += 1
    return kept


def _number_word(chunk: list[Token], position: int, lexicon: Lexicon) -> tuple[float, int] | None:
    """A number written in words starting at `position`, and how many tokens it spans."""
    word = chunk[position].text
    following = chunk[position + 1] if position + 1 < len(chunk) else None
    if word in lexicon.number_words_and_a_half:
        return lexicon.number_words_and_a_half[word] + 0.5, 1
    if word in lexicon.number_words_needing_unit:
        if following is not None and following.text in lexicon.unit_words:
            return float(lexicon.number_words_needing_unit[word]), 1
        if following is None or following.text not in lexicon.number_multipliers:
            return None
        # Vietnamese `hai chục`, `hai mươi` (twenty): a multiplier after the word makes it a number too.
        value, span = float(lexicon.number_words_needing_unit[word]), 1
    elif word in lexicon.number_multipliers and word not in lexicon.number_words:
        # A multiplier before what it multiplies (`dari biyu`, Igbo `iri abụọ` twenty), then what it adds
        # (`iri na ise`, fifteen).
        times = lexicon.number_words.get(following.text) if following is not None else None
        value = float(lexicon.number_multipliers[word] * (1 if times is None else times))
        span = 1 if times is None else 2
    elif word in lexicon.number_words:
        value, span = float(lexicon.number_words[word]), 1
    else:
        return None
    while position + span < len(chunk):
        nxt = chunk[position + span].text
        if nxt in lexicon.number_multipliers and chunk[position + span].kind == "word" and value < 100:
            value *= lexicon.number_multipliers[nxt]
            span += 1
        elif nxt in lexicon.number_joiners and position + span + 1 < len(chunk):
            if chunk[position + span + 1].text in lexicon.half_words:
                return value + 0.5, span + 2  # `moja na nusu`, one and a half
            if _article_and_half(chunk, position + span + 1, lexicon):
                return value + 0.5, span + 3  # `one and a half`
            after = lexicon.number_words.get(chunk[position + span + 1].text)
            if after is None or value < 10 or after >= 10:
                break
            value += after
            span += 2
        elif nxt in lexicon.number_words and value >= 10 and value % 10 == 0 and lexicon.number_words[nxt] < 10:
            value += lexicon.number_words[nxt]
            span += 1
        elif nxt in lexicon.number_teens and value < 10:
            value += lexicon.number_teens[nxt]  # `lima belas`, fifteen
            span += 1
        else:
            break
    # `coke zero`: nothing is counted in zeros, so the word is the product's.
    return (value, span) if value else None


# What a reader of one token found: the elements it makes, and how many tokens they span.
_Read = tuple[list[_Element], int]


def _elements(
    chunk: list[Token], lexicon: Lexicon, index: CatalogIndex, names: frozenset[int] = frozenset()
) -> list[_Element]:
    """The chunk's tokens read as numbers, units, sizes, markers and words, several tokens at a time where
    they belong together (`50 kg`, `kilo tano`, `half a bag`)."""
    elements: list[_Element] = []
    plain = lexicon.element_shaping_words
    position = 0
    while position < len(chunk):
        token = chunk[position]
        if token.kind == "word" and token.text not in plain:
            elements.append(_plain_word(token, names))
            position += 1
            continue
        following = chunk[position + 1] if position + 1 < len(chunk) else None
        after_next = chunk[position + 2] if position + 2 < len(chunk) else None
        if token.kind == "dash":
            found, span = [_Element("dash", token.start, token.end)], 1
        elif timed := time_of_day(chunk, position, lexicon):
            found, span = [], timed  # "before 10", "4 pm", "by 3pm": when to deliver, not how many
        elif _pack_contents(chunk, position, lexicon):
            found, span = [], 2  # "2 case 100s", "3 ctn 24's": what each pack holds names the pack, not a count
        elif token.kind == "num":
            found, span = _number_token(token, following, after_next, lexicon)
        elif token.text in lexicon.each_words and (priced := _price_each(chunk, position, lexicon)) is not None:
            found, span = priced
        elif _half_after_count(elements, token, following, lexicon):
            # `1箱半`, `2 ctn half`: the count of packs before it and a half
            elements[-2].value += 0.5
            elements[-1].end = token.end
            found, span = [], 1
        elif _half_after_number(elements, chunk[position - 1 : position + 2], lexicon):
            # `satu setengah dus`, `1 half ctn`: the whole count before it and a half, of the pack after it
            elements[-1].value += 0.5
            elements[-1].end = token.end
            found, span = [], 1
        else:
            found, span = _word_token(chunk, position, lexicon, index, names)
        elements.extend(found)
        position += span
    return elements


def _price_each(chunk: list[Token], position: int, lexicon: Lexicon) -> _Read | None:
    """`colgate tag-12 5 tie`, `sinigang ung tig 10 3 tie`: a word for each before an amount that another amount
    follows says the price each piece sells at (the pack of that price point), not a count; so does one after a word
    picking one out (`milo yung tig-sampu, 10 pack`: the one at ten each). A number typed tight to the word is part
    of it (`masing2`, each, Indonesian `masing-masing`)."""
    token = chunk[position]
    at = position + 2 if position + 1 < len(chunk) and chunk[position + 1].kind == "dash" else position + 1
    if at >= len(chunk) or chunk[at].start == token.end:
        return None
    amount = chunk[at]
    value = amount.value if amount.kind == "num" else lexicon.number_words.get(amount.text)
    after = chunk[at + 1] if at + 1 < len(chunk) else None
    ends = after is None or not (
        after.kind == "num" or after.text in lexicon.unit_words or after.text in lexicon.price_point_words
    )
    picked = position > 0 and chunk[position - 1].text in lexicon.pick_words and ends
    followed = after is not None and after.kind == "num" and amount.kind == "num"
    if value is None or not (followed or picked):
        return None
    return [_Element("size", token.start, amount.end, size=Size(SIZE_PRICE, value))], at + 1 - position


def _number_token(token: Token, following: Token | None, after_next: Token | None, lexicon: Lexicon) -> _Read:
    """Digits: a pack's notation, a price point, a size with its measure, or a number."""
    if _pack_notation(following, after_next, lexicon):
        return [], 2  # "3pc pack": what the pack holds; the pack word is read next
    if following is not None and (
        (_price_word(following, after_next, lexicon) and not _opens_a_price(following, after_next, token))
        or following.text in lexicon.description_suffixes
    ):
        # "5 rupee", "10 wala", "50 naira": the pack sold at that price
        return [_Element("size", token.start, following.end, size=Size(SIZE_PRICE, token.value))], 2
    size_unit = lexicon.size_words.get(following.text) if following and following.kind == "word" else None
    if size_unit is not None and following is not None:
        size = Size(size_unit.dimension, token.value * size_unit.factor)
        return [_Element("size", token.start, following.end, size=size)], 2
    return [_Element("num", token.start, token.end, value=token.value, upto=token.upto)], 1


def _opens_a_price(word: Token, following: Token | None, before: Token) -> bool:
    """`10 @21rb`, `5 rs20`: a currency typed tight to the number after it, apart from the one before, is that
    number's."""
    return following is not None and following.kind == "num" and following.start == word.end > before.end


def _price_word(word: Token, following: Token | None, lexicon: Lexicon) -> bool:
    """A currency word after an amount; one that is also a pack word (Chinese `块`, a piece and a yuan) only where
    a word saying `the one` follows (`10块的`, the ten-yuan pack; `72块`, seventy-two bars)."""
    if word.text not in lexicon.price_point_words:
        return False
    return word.text not in lexicon.unit_words or (following is not None and following.text in lexicon.stop_words)


def _word_token(
    chunk: list[Token], position: int, lexicon: Lexicon, index: CatalogIndex, names: frozenset[int]
) -> _Read:
    """A word: a measure written out, a half, a price, a size marker, a unit, a number word, or a word."""
    token = chunk[position]
    word = token.text
    if word not in lexicon.token_shaping_words:
        return [_plain_word(token, names)], 1
    following = chunk[position + 1] if position + 1 < len(chunk) else None
    spelled = None if _measure_named(chunk, position, index) else _spelled_size(chunk, position, lexicon)
    if spelled is not None:
        size, span = spelled
        digits = chunk[position + 1] if span == 2 and chunk[position + 1].kind == "num" else None
        counted = digits.value if digits is not None else 0.0
        end = chunk[position + span - 1].end
        return [_Element("size", token.start, end, text=word, value=counted, size=size)], span
    if word in lexicon.half_words:
        return _half(chunk, position, lexicon)
    if word in lexicon.quarter_words and (quarter := _quarter(chunk, position, lexicon)) is not None:
        return quarter
    if word in lexicon.price_amount_words:
        price = Size(SIZE_PRICE, float(lexicon.price_amount_words[word]))
        return [_Element("size", token.start, token.end, size=price)], 1
    if following is not None and following.kind == "num":
        counts_each = word in lexicon.each_words and _counts_the_unit_after(chunk, position + 1, lexicon)
        if word in lexicon.price_point_words and not counts_each:  # "rs 5", "shilingi 20", "₦50"; not `@2 dus`
            return [_Element("size", token.start, following.end, size=Size(SIZE_PRICE, following.value))], 2
        taking_back = word in lexicon.negations and _counted_sized(chunk, position, lexicon)
        if word in lexicon.size_markers and not taking_back:
            return [_Element("size", token.start, following.end, size=Size(SIZE_NUMBER, following.value))], 2
    if following is not None and following.text in lexicon.unit_words and word in lexicon.stop_words:
        previous = chunk[position - 1] if position else None
        if (
            previous is not None
            and (previous.kind == "num" or previous.text in lexicon.number_words)
            and not (word in lexicon.connectors or (position > 1 and chunk[position - 2].text in lexicon.unit_words))
        ):
            # `20 ka buok`, `innem a case`, `5 nga kahon`: after a number, the language's linker joins it to its
            # unit, so the number counts that unit.
            return [], 1
        if word in lexicon.article_words:
            return [_Element("num", token.start, token.end, value=1.0)], 1
    if _said_as_pack(chunk, position, lexicon, index):
        packed = following is not None and following.text in lexicon.description_suffixes
        unit = lexicon.unit_words[word]
        return [_Element("unit", token.start, token.end, text=word, unit=unit, packed=packed)], 1
    if word in lexicon.article_words and _points_at_one(chunk, position, lexicon):
        return [], 1
    number = _number_word(chunk, position, lexicon)
    # `coke zero`, `indomie moja`: a number word the catalog writes names the product, except beside a unit (`tray
    # mbili` beside SIMBA MBILI tea) and where it is an everyday word (`sprite moja zaidi`); zero never counts.
    names_product = word in index.postings and (
        (number is not None and number[0] == 0)
        or not (word in lexicon.fillers or _beside_a_unit(chunk, position, lexicon))
    )
    if number is not None and not names_product:
        return _number_read(chunk, position, number, lexicon)
    if word in lexicon.quantity_markers:
        return [_Element("x", token.start, token.end, text=word)], 1
    return [_plain_word(token, names)], 1


def _beside_a_unit(chunk: list[Token], position: int, lexicon: Lexicon) -> bool:
    """Whether a word comes right before a pack word, or right after one no number counts (`tray mbili`; not `2 fdo
    seven up`)."""
    after = chunk[position + 1] if position + 1 < len(chunk) else None
    if after is not None and after.text in lexicon.unit_words:
        return True
    if position == 0 or chunk[position - 1].text not in lexicon.unit_words:
        return False
    counted = position > 1 and (chunk[position - 2].kind == "num" or chunk[position - 2].text in lexicon.number_words)
    return not counted


def _measure_named(chunk: list[Token], position: int, index: CatalogIndex) -> bool:
    """`green grams kilo 5`: a measure written out in full that a name writes right after the word before it
    (`GREEN GRAMS NDENGU KG`) is a word of that name, not a measure."""
    word = chunk[position].text
    if position == 0 or len(word) < _MIN_SPELLED_MEASURE or chunk[position - 1].kind != "word":
        return False
    return word in index.lexicon.size_words and _catalog_writes((chunk[position - 1].text, word), index)


def _said_as_pack(chunk: list[Token], position: int, lexicon: Lexicon, index: CatalogIndex) -> bool:
    """A pack word that counts no unit after it; one only as a keypad may type it is the catalog's word where a name
    writes it (a brand `Gala` is no `galao` typed short)."""
    word = chunk[position].text
    if word not in lexicon.unit_words or (word in lexicon.typed_unit_words and word in index.postings):
        return False
    if word in lexicon.product_words and not (position and chunk[position - 1].kind == "num"):
        # Vietnamese `10 chai`, bottles; Hindi and Swahili `chai patti`, tea: a pack only after a number.
        return False
    return not _counts_the_unit_after_it(chunk, position, lexicon)


def _number_read(chunk: list[Token], position: int, number: tuple[float, int], lexicon: Lexicon) -> _Read:
    """A number written in words: a size where a measure follows it (`tres litros`, `two litres`), as digits are;
    otherwise an amount."""
    value, span = number
    start = chunk[position].start
    measure = chunk[position + span] if position + span < len(chunk) else None
    size_unit = lexicon.size_words.get(measure.text) if measure is not None and measure.kind == "word" else None
    if measure is not None and size_unit is not None:
        size = Size(size_unit.dimension, value * size_unit.factor)
        return [_Element("size", start, measure.end, size=size)], span + 1
    return [_Element("num", start, chunk[position + span - 1].end, value=value)], span


def _counts_the_unit_after_it(chunk: list[Token], position: int, lexicon: Lexicon) -> bool:
    """`dos caja`, `sak bal`, `dus peti`: a word one language counts with and another packs with, before a pack word
    and after no count, counts that pack."""
    word = chunk[position].text
    if word not in lexicon.number_words and word not in lexicon.number_words_needing_unit:
        return False
    following = chunk[position + 1] if position + 1 < len(chunk) else None
    previous = chunk[position - 1] if position else None
    return (
        following is not None
        and following.text in lexicon.unit_words
        and not (previous is not None and (previous.kind == "num" or previous.text in lexicon.number_words))
    )


def _plain_word(token: Token, names: frozenset[int]) -> _Element:
    return _Element("word", token.start, token.end, text=token.text, named=token.start in names)


def _repacked(elements: list[_Element], raw_words: set[str], lexicon: Lexicon) -> bool:
    """`..., no wait, the gallon one`: a pack said alone after a correction word corrects the pack."""
    return any(e.kind == "unit" for e in elements) and bool(raw_words & lexicon.corrections_and_negations)


def _points_at_one(chunk: list[Token], position: int, lexicon: Lexicon) -> bool:
    """`no wait, the gallon one`: `one` closing a stretch a pointing word opened says which product, not how many."""
    if position + 1 < len(chunk) and chunk[position + 1].kind != "sep":
        return False
    return any(token.text in lexicon.pointing_words for token in chunk[max(0, position - 3) : position])


def _half_after_count(elements: list[_Element], token: Token, following: Token | None, lexicon: Lexicon) -> bool:
    """A half word right after a whole count and its unit, with no measure of its own after it."""
    if token.text not in lexicon.half_words or len(elements) < 2 or elements[-1].kind != "unit":
        return False
    count = elements[-2]
    if count.kind != "num" or count.value != int(count.value):
        return False
    return following is None or not (following.text in lexicon.unit_words or following.text in lexicon.size_words)


def _article_and_half(chunk: list[Token], position: int, lexicon: Lexicon) -> bool:
    """An article and a half word at `position` (`a half`)."""
    return (
        position + 1 < len(chunk)
        and chunk[position].text in lexicon.article_words
        and chunk[position + 1].text in lexicon.half_words
    )


def _half_after_number(elements: list[_Element], around: list[Token], lexicon: Lexicon) -> bool:
    """A half word right after a whole count, no article (`un demi carton` is half a carton), and right before the
    pack word it counts; `around` is the token before the half word, the half word and the token after it."""
    if len(around) < 3 or not elements or around[1].text not in lexicon.half_words:
        return False
    count = elements[-1]
    return (
        count.kind == "num"
        and count.value == int(count.value)
        and around[0].text not in lexicon.article_words
        and around[2].text in lexicon.unit_words
    )


def _half(chunk: list[Token], position: int, lexicon: Lexicon) -> _Read:
    """`half a kilo` is a size; `half a dozen` is six pieces, `nusu gunia` half a bag; `half` alone is 0.5."""
    token = chunk[position]
    if position + 1 < len(chunk):
        skip = 1 if chunk[position + 1].text in lexicon.article_words and position + 2 < len(chunk) else 0
        target = chunk[position + 1 + skip]
        size_unit = lexicon.size_words.get(target.text)
        if size_unit is not None:
            size = Size(size_unit.dimension, 0.5 * size_unit.factor)
            return [_Element("size", token.start, target.end, size=size)], 2 + skip
        target_unit = lexicon.unit_words.get(target.text)
        if target_unit is not None:
            pieces = lexicon.pieces_per_unit.get(target_unit)
            value = pieces / 2 if pieces else 0.5
            number = _Element("num", token.start, token.end, value=value)
            unit = _Element("unit", target.start, target.end, unit="piece" if pieces else target_unit)
            return [number, unit], 2 + skip
    return [_Element("num", token.start, token.end, value=0.5)], 1


def _quarter(chunk: list[Token], position: int, lexicon: Lexicon) -> _Read | None:
    """`robo kilo`, `a quarter kg`: a quarter before a measure is a size; anything else is the word."""
    token = chunk[position]
    skip = 1 if position + 2 < len(chunk) and chunk[position + 1].text in lexicon.article_words else 0
    target = chunk[position + 1 + skip] if position + 1 + skip < len(chunk) else None
    size_unit = lexicon.size_words.get(target.text) if target is not None else None
    if target is None or size_unit is None:
        return None
    size = Size(size_unit.dimension, 0.25 * size_unit.factor)
    return [_Element("size", token.start, target.end, size=size)], 2 + skip


def _pack_notation(following: Token | None, after_next: Token | None, lexicon: Lexicon) -> bool:
    """`3pc pack`, `4 pcs pack`: a count of pieces that names a pack rather than counting."""
    if following is None or after_next is None:
        return False
    return lexicon.unit_words.get(following.text) == "piece" and lexicon.unit_words.get(after_next.text) in (
        "pack",
        "packet",
    )


def _pack_contents(chunk: list[Token], position: int, lexicon: Lexicon) -> bool:
    """A number with a pack-content ending glued to it (`100s`, `24's`) after a count of packs already said."""
    token = chunk[position]
    following = chunk[position + 1] if position + 1 < len(chunk) else None
    if token.kind != "num" or following is None or following.text not in lexicon.pack_content_suffixes:
        return False
    if following.start > token.end + 1 or position < 2:
        return False
    return chunk[position - 1].text in lexicon.unit_words and chunk[position - 2].kind == "num"


def time_of_day(tokens: list[Token], position: int, lexicon: Lexicon) -> int:
    """How many tokens from `position` say a time of day: a number with a time word before it (`by 10`, `saa nne`) or
    after it (`4 pm`), or both (`by 3pm`), unless a pack unit counts it, or a clock's time (`10:30`, `at 2:30 pm`);
    when to deliver, not how many. 0 when they say none."""
    token = tokens[position]
    following = tokens[position + 1] if position + 1 < len(tokens) else None
    if following is None:
        return 0
    if token.kind == "num" and following.text in lexicon.time_suffixes:
        return 2
    clock = _clock_span(tokens, position, lexicon)
    if clock or token.text not in lexicon.time_words:
        return clock
    if clock := _clock_span(tokens, position + 1, lexicon):
        return 1 + clock
    # `saa nne`, `at two`: a number in words after a time word is an hour too.
    if following.kind != "num" and following.text not in lexicon.number_words:
        return 0
    after_next = tokens[position + 2] if position + 2 < len(tokens) else None
    if after_next is not None and after_next.text in lexicon.time_suffixes:
        return 3
    if after_next is not None and after_next.text in lexicon.unit_words:
        return 0
    # `reduce coke by 1`: after a word that takes an amount off, the number is that amount.
    return 0 if any(t.text in lexicon.less_words for t in tokens[:position]) else 2


def _clock_times(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """Without the times written as a clock does (`10:30`, `at 2:30 pm`): when to deliver, never an amount or a line
    apart (the colon would otherwise part `10` from `30`). Other times of day are read where amounts are."""
    if not any(t.text == ":" for t in tokens):
        return tokens
    kept: list[Token] = []
    position = 0
    while position < len(tokens):
        span = time_of_day(tokens, position, lexicon)
        if span and any(t.text == ":" for t in tokens[position : position + span]):
            position += span
        else:
            kept.append(tokens[position])
            position += 1
    return kept


def _clock_span(tokens: list[Token], position: int, lexicon: Lexicon) -> int:
    """3 for `10:30` at `position` (4 with `pm` after it), an hour and its minutes written tight; else 0."""
    if position + 2 >= len(tokens):
        return 0
    hour, colon, minutes = tokens[position : position + 3]
    if hour.kind != "num" or minutes.kind != "num":
        return 0
    if colon.text != ":" or colon.start != hour.end or minutes.start != colon.end or len(minutes.text) != 2:
        return 0
    if not (hour.value.is_integer() and 0 <= hour.value <= 24 and minutes.value < 60):
        return 0
    after = tokens[position + 3] if position + 3 < len(tokens) else None
    return 4 if after is not None and after.text in lexicon.time_suffixes else 3


def _spelled_size(chunk: list[Token], position: int, lexicon: Lexicon) -> tuple[Size, int] | None:
    """`kilo tano`, `lita mbili na nusu`, `litre 2`, `kg 25`: a measure, its amount after it (written short, only in
    digits); `ya lita`, one of it (`golden fry ya lita` is the one-litre one)."""
    word = chunk[position].text
    unit = lexicon.size_words.get(word)
    if unit is None or len(word) < 2 or chunk[position].kind != "word":
        return None
    following = chunk[position + 1] if position + 1 < len(chunk) else None
    if len(word) < 4 and (following is None or following.kind != "num"):
        return None
    spoken = _number_word(chunk, position + 1, lexicon) if following is not None else None
    # `coke litro 3 cs`, `gallo litro cuatro cajas`: the number counts the packs after it, and the measure alone is
    # one of it.
    counted = following is not None and following.kind == "num" and _counts_the_unit_after(chunk, position + 1, lexicon)
    if counted or (spoken is not None and _counts_the_unit_after(chunk, position + spoken[1], lexicon)):
        return Size(unit.dimension, unit.factor), 1
    previous = chunk[position - 1] if position > 0 else None
    if following is not None and following.kind == "num":
        value, span = following.value, 2
    elif spoken is not None:
        value, span = spoken[0], spoken[1] + 1
    elif previous is not None and previous.kind == "word" and previous.text not in lexicon.number_words:
        # `golden fry ya lita`, `rinso kilo`, `salvavidas litro y medio`: a measure after a word, with no amount, is
        # one of it.
        value, span = 1.0, 1
    else:
        return None
    rest = [t.text for t in chunk[position + span : position + span + 2]]
    if len(rest) == 2 and rest[0] in lexicon.number_joiners and rest[1] in lexicon.half_words:
        value, span = value + 0.5, span + 2
    return Size(unit.dimension, value * unit.factor), span


def _counts_the_unit_after(chunk: list[Token], position: int, lexicon: Lexicon) -> bool:
    """The number at `position` counts the pack unit after it, no other amount following (`litro 3 cs`, not
    `lita 25 jarka biyu`)."""
    after = chunk[position + 1 : position + 3]
    if not after or after[0].text not in lexicon.unit_words:
        return False
    return len(after) == 1 or not (after[1].kind == "num" or after[1].text in lexicon.number_words)


def _quantity_groups(elements: list[_Element]) -> list[_Group]:
    """Pair numbers with units (`5 ctn`, `bale 2`), `x` markers (`x5`, `2x`) and dashes (`- 4`)."""
    groups: list[_Group] = []

    def claim(first: int, last: int, number: _Element, unit: str | None) -> None:
        for element in elements[first : last + 1]:
            element.used = True
        groups.append(_Group(first, last, number.value, unit, number.upto))

    pairs = list(zip(range(len(elements)), elements, elements[1:], strict=False))
    for position, left, right in pairs:
        if not left.used and not right.used and left.kind == "num" and right.kind == "unit":
            before = elements[position - 1] if position > 0 else None
            after = elements[position + 2] if position + 2 < len(elements) else None
            # In "jik 750 ctn 2" the number after the unit is the quantity; 750 is left as a size. A Chinese
            # measure word always follows its number (`5箱24罐装` is five cases of 24 cans).
            after_unit = elements[position + 3] if position + 3 < len(elements) else None
            counted_after = (
                before is not None
                and before.kind == "word"
                and after is not None
                and after.kind == "num"
                and not (after_unit is not None and after_unit.kind == "unit")
            )
            if counted_after and HAN_RE.match(right.text) is None:
                continue
            claim(position, position + 1, left, right.unit)
    for position, left, right in pairs:
        if not left.used and not right.used and left.kind == "unit" and right.kind == "num":
            claim(position, position + 1, right, left.unit)
    for _, left, right in pairs:
        # `coke 300 x 5 crates`: an `x` before a number counted with its unit belongs to it; 300 is the size.
        left.used = left.used or (left.kind == "x" and right.kind == "num" and right.used)
    for position, left, right in pairs:
        if left.used or right.used:
            continue
        if left.kind == "x" and right.kind == "num":
            claim(position, position + 1, right, None)
        elif left.kind == "num" and right.kind == "x":
            following = elements[position + 2] if position + 2 < len(elements) else None
            if following is not None and following.kind == "num" and not any(e.kind == "size" for e in elements):
                # `农夫550x20`: between two numbers and no size, the `x` counts the one after it; 550 is the size.
                # (`coke 500ml 2 x 24`, sized, is two cases of 24.)
                continue
            if _pack_described(elements, left, following, bool(groups)):
                left.used = right.used = True
            else:
                claim(position, position + 1, left, None)
        elif left.kind == "dash" and right.kind == "num":
            claim(position, position + 1, right, None)
    for group in groups:
        if group.unit is None:
            trailing = elements[group.last + 1] if group.last + 1 < len(elements) else None
            if trailing is not None and trailing.kind == "unit" and not trailing.used:
                trailing.used = True
                group.unit = trailing.unit
                group.last += 1
    return sorted(groups, key=lambda g: g.first)


def _pack_described(elements: list[_Element], number: _Element, following: _Element | None, counted: bool) -> bool:
    """`sprite 12 x 300ml 2 case`, `12 coca cola 24x300ml`: beside another amount, a number, its `x` and the size
    following say what the pack holds."""
    if following is None or following.kind != "size":
        return False
    return counted or any(e.kind == "num" and not e.used and e is not number for e in elements)


def _notation_unclaimed(groups: list[_Group], elements: list[_Element]) -> list[_Group]:
    """`250ml*24盒 10箱`, `coke 300ml x24 5`: a count right after a size and its `*` or `x`, before another count or
    beside a number of its own, is the pack's notation copied from the price list, not an amount."""

    def notation(group: _Group) -> bool:
        # A group begins at its number or at the mark before it.
        mark = group.first if elements[group.first].kind in ("x", "dash") else group.first - 1
        return mark > 0 and elements[mark].kind in ("x", "dash") and elements[mark - 1].kind == "size"

    counted = any(element.kind == "num" and not element.used for element in elements)
    last = [group for group in groups[-1:] if not (counted and notation(group))]
    return [group for group in groups[:-1] if not notation(group)] + last


def _pack_contents_unclaimed(groups: list[_Group], lexicon: Lexicon) -> list[_Group]:
    """`2 kahon 72 pcs`: a count of pieces right after a count of packs says what each pack holds."""
    described = {
        id(after)
        for before, after in zip(groups, groups[1:], strict=False)
        if after.first == before.last + 1
        and lexicon.unit_levels.get(before.unit or "") == "pack"
        and after.unit == "piece"
    }
    return [group for group in groups if id(group) not in described] if described else groups


def _pieces(elements: list[_Element], groups: list[_Group], lexicon: Lexicon, index: CatalogIndex) -> list[_Piece]:
    """Two quantities in one stretch of text without separators are two items."""

    def has_words(part: list[_Element]) -> bool:
        # `雪碧 是6箱 不是5箱`: a `not` before an amount is no word of an item; the amount it takes back stays beside
        # the one it corrects. `冰峰瓶的5件 罐的5件`: a pack word the catalog writes, counting nothing, names one.
        return any(
            (e.kind == "unit" and not e.used and e.text in index.postings)
            or (
                e.kind == "word"
                and (e.named or (e.text not in lexicon.fillers and not _says_not(part, position, lexicon)))
            )
            for position, e in enumerate(part)
        )

    def adds_more(part: list[_Element]) -> bool:
        # `红牛5箱 再加2箱`: an amount said as more is an item of its own, more of the one before.
        return any(e.kind == "word" and e.text in lexicon.more_cues for e in part)

    taken_off = _taken_off_after(elements, groups, lexicon, index)
    if taken_off:
        # `王老吉3件 加多宝不要`, `红牛5件 雪碧一样`: a product taken off, or given the same amount, after the last
        # amount is an item of its own, not a word of the one counted.
        return [*_pieces(elements[:taken_off], groups, lexicon, index), _Piece(elements[taken_off:])]
    if not groups and (cuts := _bare_count_cuts(elements, index) or _bare_count_first_cuts(elements, index)):
        return [_Piece(elements[a:b]) for a, b in zip(cuts, cuts[1:], strict=False)]
    sized_counts = _sized_counts(elements, groups, index)
    if sized_counts:
        groups = sorted([*groups, *sized_counts], key=lambda g: g.first)
    if len(groups) < 2:
        return [_Piece(elements, groups)]
    prefix_style = not has_words(elements[: groups[0].first]) or (
        # `老铁 来20件勇闯 10件雪花纯生`: words the catalog does not know before the first amount, and words after
        # the last, say each amount comes before its product.
        has_words(elements[groups[-1].last + 1 :])
        and not any(e.kind == "word" and index.knows_word(e.text) for e in elements[: groups[0].first])
    )
    # `蒙牛纯奶24盒 5提 特仑苏 3提`: a count of what a pack holds and the count of packs after it are one item's.
    pairs = [
        (before, after)
        for before, after in zip(groups, groups[1:], strict=False)
        if not _holds_then_counts(before, after, elements, lexicon, index)
    ]
    bounds = [after.first if prefix_style else before.last + 1 for before, after in pairs]
    cuts = [0, *bounds, len(elements)]
    parts = [elements[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
    if not has_words(parts[0]) or not all(
        has_words(part) or adds_more(part) or (not prefix_style and _sized_anew(part, before))
        for before, part in zip(parts, parts[1:], strict=False)
    ):
        return [_Piece(elements, [group for group in groups if group not in sized_counts])]
    for group in sized_counts:
        elements[group.first].used = True
    pieces: list[_Piece] = []
    for (a, b), part in zip(zip(cuts, cuts[1:], strict=False), parts, strict=False):
        own = [_Group(g.first - a, g.last - a, g.quantity, g.unit, g.upto) for g in groups if a <= g.first < b]
        pieces.append(_Piece(part, own))
    return pieces


def _sized_anew(part: list[_Element], before: list[_Element]) -> bool:
    """`客家娘酒1.5L两箱 500ml三箱`: after an item said with its size, another size with its amount is the same product
    in that size; a price after the amount (`milo 22g 10 tali @88 = 880`) is no size of it."""
    sizes = {e.size for e in part if e.kind == "size" and e.size is not None and e.size.dimension != SIZE_PRICE}
    said = {e.size for e in before if e.kind == "size"}
    return bool(sizes) and bool(said) and sizes.isdisjoint(said)


def _bare_count_cuts(elements: list[_Element], index: CatalogIndex) -> list[int]:
    """`coke 3 fanta 5`, `红牛 3 东鹏 5`: where no unit counts anything, whole numbers that each end words the catalog
    knows, the last ending the text, end one item each; where the text is cut. Empty when it is not so."""
    numbers = [position for position, e in enumerate(elements) if e.kind == "num"]
    if len(numbers) < 2 or numbers[-1] != len(elements) - 1:
        return []
    cuts = [0, *(position + 1 for position in numbers)]
    return cuts if _each_counts_known_words(elements, numbers, zip(cuts, numbers, strict=False), index) else []


def _bare_count_first_cuts(elements: list[_Element], index: CatalogIndex) -> list[int]:
    """`5 coke 500ml 3 fanta 500ml`: where no unit counts anything, the text opening with a whole number (after words
    the catalog does not know) and another before words the catalog knows, each whole number begins an item and counts
    it; where the text is cut (the words opening it are left out). Empty when it is not so."""
    numbers = [position for position, e in enumerate(elements) if e.kind == "num"]
    if len(numbers) < 2 or numbers[-1] == len(elements) - 1:
        return []
    # `nitumie 5 coke ...`: words the catalog does not know may open the text.
    if any(e.kind != "word" or index.knows_word(e.text) for e in elements[: numbers[0]]):
        return []
    cuts = [*numbers, len(elements)]
    spans = zip((start + 1 for start in numbers), cuts[1:], strict=False)
    return cuts if _each_counts_known_words(elements, numbers, spans, index) else []


def _each_counts_known_words(
    elements: list[_Element], numbers: list[int], spans: Iterable[tuple[int, int]], index: CatalogIndex
) -> bool:
    """True when each number is a whole count and the span of elements beside it has a word the catalog knows."""
    for number, (start, end) in zip(numbers, spans, strict=False):
        value = elements[number].value
        words = [e for e in elements[start:end] if e.kind == "word"]
        if not value.is_integer() or value <= 0 or not any(index.knows_word(e.text) for e in words):
            return False
    return True


def _sized_counts(elements: list[_Element], groups: list[_Group], index: CatalogIndex) -> list[_Group]:
    """`nyanya crate 1 onion red 13kg 2 carrots 10kg 1`: beside amounts counted in units, a whole number right after
    a size and words the catalog knows, ending the text or followed by another word, counts an item of its own."""
    if not groups:
        return []
    suffixes = index.lexicon.pack_content_suffixes
    found: list[_Group] = []
    start = 0
    for position, element in enumerate(elements):
        if element.kind != "num" or element.used or position == 0 or elements[position - 1].kind != "size":
            continue
        following = elements[position + 1] if position + 1 < len(elements) else None
        if not element.value.is_integer() or element.value <= 0 or (following is not None and following.kind != "word"):
            continue
        if following is not None and following.start <= element.end + 1 and following.text in suffixes:
            continue  # `argentina 150g 48s 2 case`: what each pack holds, never a count
        if any(e.kind == "word" and index.knows_word(e.text) for e in elements[start:position]):
            found.append(_Group(position, position, element.value))
        start = position + 1
    return found


def _says_not(part: list[_Element], position: int, lexicon: Lexicon) -> bool:
    """True when the word at the position is a `not` (`不是`, `not`) right before an amount."""
    following = part[position + 1] if position + 1 < len(part) else None
    return part[position].text in lexicon.not_words and following is not None and following.kind == "num"


def _taken_off_after(elements: list[_Element], groups: list[_Group], lexicon: Lexicon, index: CatalogIndex) -> int:
    """Where a product said after the last amount with a word that removes it, or that gives it the same amount
    (`红牛5件 雪碧一样`), begins; 0 when there is none."""
    if not groups:
        return 0
    cut = groups[-1].last + 1
    words = [e for e in elements[cut:] if e.kind == "word"]
    said = {e.text for e in words}
    if not (_says(said, lexicon.removal_words, index) or said & lexicon.same_amount_words):
        return 0
    before = [e for e in elements[: groups[-1].first] if e.kind == "word"]
    cues = lexicon.removal_words | lexicon.same_amount_words
    named = [e for e in words if e.text not in cues and index.knows_word(e.text)]
    if not named or not any(index.knows_word(e.text) for e in before):
        return 0
    return cut


def _requests(
    chunk: list[Token], text: str, lexicon: Lexicon, index: CatalogIndex, names: frozenset[int] = frozenset()
) -> list[ItemRequest]:
    raw_words = {t.text for t in chunk if t.kind == "word"}
    chunk = _drop_filler_phrases(chunk, lexicon)
    if not chunk:
        return []
    elements = _elements(chunk, lexicon, index, names)
    groups = _pack_contents_unclaimed(_notation_unclaimed(_quantity_groups(elements), elements), lexicon)
    requests = []
    pieces = _pieces(elements, groups, lexicon, index)
    for piece in pieces:
        request = _request(piece, text, lexicon, index, raw_words, len(pieces) == 1)
        if request is not None:
            requests.append(request)
    return requests


def _counting_group(piece: _Piece, lexicon: Lexicon) -> _Group | None:
    """The quantity that counts: beside `3 cases`, an `x12` with no unit of its own is the pack's notation.

    Likewise `4 pack wala 3 peti`: beside a count of cartons, a count of packs says what a carton holds.
    """
    if not piece.groups:
        return None
    counting = [g for g in piece.groups if not _described(piece.elements, g, lexicon)]
    if counting and len(counting) < len(piece.groups):
        # `1 kg wala 25 pkt`, `4 pack wala 3 peti`: an amount followed by `wala` says which product.
        piece = _Piece(piece.elements, counting)
    kept = [g for g in piece.groups if not _taken_back(piece.elements, g, lexicon)]
    if kept and len(kept) < len(piece.groups):
        # `不是3箱是5箱`, `not 3 but 5 ctn`: the amount a negation takes back never counts beside another.
        piece = _Piece(piece.elements, kept)
    first = piece.groups[0]
    if first.unit is None and piece.elements[first.first].kind in ("x", "dash"):
        return next((g for g in piece.groups if g.unit is not None), first)
    if first.unit is not None and lexicon.unit_levels.get(first.unit) == "single":
        return next((g for g in piece.groups[1:] if lexicon.unit_levels.get(g.unit or "") == "pack"), first)
    return first


def _counted_beside_notation(piece: _Piece, lexicon: Lexicon) -> tuple[int | None, _Group | None]:
    """The quantity that counts and, beside it, how many the pack holds where an `x100` with no unit of its own
    says so (`ligo red x100 3 case`)."""
    listed = _listed_pack_then_count(piece)
    if listed is not None:
        return listed
    group = _counting_group(piece, lexicon)
    for other in piece.groups:
        notation = other is not group and other.unit is None and piece.elements[other.first].kind == "x"
        if notation and other.quantity.is_integer() and other.quantity > 1:
            return int(other.quantity), group
    return None, group


def _listed_pack_then_count(piece: _Piece) -> tuple[int, _Group] | None:
    """`KOPIKO BLANCA 30G 10S X 24 CS 2`, `... 60G X 72 BX x 3`: a list's `X 24 CS` says what the case holds, and
    the bare count that ends the item after it how many cases."""
    elements = piece.elements
    last = len(elements) - 1
    if last < 3 or elements[last].kind != "num":
        return None
    first = last - 1 if elements[last - 1].kind == "x" else last
    if first < 3:
        return None
    x, holds, unit = elements[first - 3 : first]
    count = elements[last].value
    if x.kind != "x" or holds.kind != "num" or unit.kind != "unit" or not unit.unit:
        return None
    if not (holds.value.is_integer() and holds.value > 1 and count.is_integer() and count > 0):
        return None
    return int(holds.value), _Group(first, last, count, unit.unit)


def _count_after_contents(piece: _Piece, lexicon: Lexicon, index: CatalogIndex) -> tuple[int, _Group] | None:
    """`蒙牛纯奶24盒的 3提`: how many pieces the pack said holds, and the count of packs after it."""
    if len(piece.groups) != 2:
        return None
    first, second = piece.groups
    if not _holds_then_counts(first, second, piece.elements, lexicon, index):
        return None
    return int(first.quantity), second


def _holds_then_counts(
    first: _Group, second: _Group, elements: list[_Element], lexicon: Lexicon, index: CatalogIndex
) -> bool:
    """`24盒的 3提`, `24 boxes 5 packs`: a count of the pieces a pack on the list holds, right before a count in
    another unit, says which pack; the count after it is how many."""
    if first.unit is None or second.unit is None or first.unit == second.unit or not first.quantity.is_integer():
        return False
    if any(e.kind != "word" or e.text not in lexicon.stop_words for e in elements[first.last + 1 : second.first]):
        return False
    groups = index.groups
    holders = groups.by_pieces_per_pack.get(int(first.quantity), _NO_POSITIONS)
    counted_so = (groups.by_piece_unit.get(unit, _NO_POSITIONS) for unit in lexicon.sell_units_for(first.unit))
    return any(not holders.isdisjoint(packs) for packs in counted_so)


def _taken_back(elements: list[_Element], group: _Group, lexicon: Lexicon) -> bool:
    """True when a negation stands right before the amount (`not 3 ctn`, `不是3箱`), or one of the negations that
    follow their amount right after it (`3 ctn nahi`)."""
    before = elements[group.first - 1] if group.first > 0 else None
    after = elements[group.last + 1] if group.last + 1 < len(elements) else None
    if after is not None and after.kind == "word" and after.text in lexicon.negations_after:
        return True
    return (
        before is not None
        and before.kind == "word"
        and before.text in lexicon.negations
        and before.text not in lexicon.negations_after
    )


def _described(elements: list[_Element], group: _Group, lexicon: Lexicon) -> bool:
    """True when a word such as `wala` follows the amount: it names the product's pack, not a count of it."""
    following = elements[group.last + 1] if group.last + 1 < len(elements) else None
    return following is not None and following.kind == "word" and following.text in lexicon.description_suffixes


def _leading_chatter(
    product_words: list[_Element], elements: list[_Element], group: _Group | None, index: CatalogIndex
) -> list[_Element]:
    """`tafadhali nitumie 5 crates ...`: words before a counted quantity that the catalog does not know.

    Senders put their verbs and greetings, in any language, before the amount and the product after it;
    those words are left out when catalog words follow the quantity.
    """
    if group is None:
        return []
    first, last = elements[group.first].start, elements[group.last].end
    before = [e for e in product_words if e.end <= first]
    if not before or not any(e.start >= last and index.knows_word(e.text) for e in product_words):
        return []
    return [e for e in before if not index.knows_word(e.text)]


def _trailing_chatter(
    product_words: list[_Element], elements: list[_Element], group: _Group | None, lexicon: Lexicon, index: CatalogIndex
) -> list[_Element]:
    """`Engine 15L 3 tins by tomorrow`, `... buhu goma gobe`: words after the counted quantity that the catalog
    does not know, when catalog words came before it, are when and how to deliver, not what."""
    if group is None:
        return []
    first, last = elements[group.first].start, elements[group.last].end
    after = [e for e in product_words if e.start >= last]
    if not after or not any(e.end <= first and _known(e.text, lexicon, index) for e in product_words):
        return []
    return [e for e in after if not _known(e.text, lexicon, index)]


def _chatter_before_a_brand(product_words: list[_Element], lexicon: Lexicon, index: CatalogIndex) -> list[_Element]:
    """`nipee stoney crate mbili`, `juice ya minute maid`: words the catalog does not know, before any it knows,
    in an item that names a brand in full.

    They are what the sender says, not which product; without a brand (`azam juice`) they may be a brand the
    catalog does not sell, and a flavour or variant word (`grape fanta`) may be a product it does not sell.
    """
    leading: list[_Element] = []
    for element in product_words:
        if element.text in index.postings or _known(element.text, lexicon, index):
            break
        if element.text in lexicon.variant_words or element.text in lexicon.flavour_words:
            return []
        leading.append(element)
    if not leading or len(leading) == len(product_words):
        return []
    said = {e.text for e in product_words}
    brands_by_word = index.groups.brands_by_word
    named = any(brand <= said for word in said for brand in brands_by_word.get(word, ()))
    return leading if named else []


def _known(word: str, lexicon: Lexicon, index: CatalogIndex) -> bool:
    """True when the catalog knows the word, or the kind of goods it names in a local language."""
    return any(index.knows_word(w) for w in _catalog_words(word, lexicon, index))


def _request(
    piece: _Piece, text: str, lexicon: Lexicon, index: CatalogIndex, raw_words: set[str], alone: bool = True
) -> ItemRequest | None:
    """One item: its product words, its amount and unit, its size, and what the sender does with it."""
    elements, product_words = _named_elements(piece.elements, lexicon, index)
    other_size, product_words = _size_or_other(elements, product_words, lexicon)
    pack_of, group = _count_after_contents(piece, lexicon, index) or _counted_beside_notation(piece, lexicon)
    leading = _leading_chatter(product_words, elements, group, index)
    leading += _trailing_chatter(product_words, elements, group, lexicon, index)
    leading += _chatter_before_a_brand(product_words, lexicon, index)
    sizes = _sizes_meant(elements, lexicon, index)
    required, optional = _required_and_optional(product_words, leading, piece, group, bool(sizes), lexicon, index)
    bare = [e.value for e in elements if e.kind == "num" and not e.used]
    packed = any(e.kind == "unit" and e.packed for e in elements)
    said = required or sizes or group is not None or bare or (packed and optional)
    said = said or _repacked(elements, raw_words, lexicon)
    if not said or not (meaningful := _meaningful(elements, required, leading, lexicon)):
        return None
    counting = [e.unit for e in elements if e.kind == "unit" and not e.used and not e.packed]
    quantity, unit = _amount(group, counting, lexicon)
    negated = _negated(elements, lexicon, index) or _taken_back_by_a_closing_no(quantity, elements, lexicon, index)
    quantity, bare = _said_in_place(quantity, bare, negated, _said_after(elements, group))
    uncounted = group is None and not bare and not sizes
    # `辣条5箱 魔芋爽2箱 魔芋爽算了不要`: of several items in one stretch, the removal word takes off its own.
    own_words = raw_words if alone else {e.text for e in elements if e.kind == "word"}
    # `10 nako 12`: a removal word that takes back an amount beside the one meant corrects the amount; beside no
    # product, an amount taken off (`..., remove one`, `toa moja`) comes off the item before it.
    removes = _says(own_words, lexicon.removal_words, index) and not _said_in_place_of(quantity, bare, negated)
    # A negation with a product (`pola nahi chahiye`) takes it off; a correction word alone puts it in its place.
    correcting = _says(raw_words, lexicon.corrections_not_negations, index) or _no_then_restated(elements, lexicon)
    in_place = _opens_in_place_of_the_last(elements, lexicon) or _named_then_corrected(elements, lexicon)
    # Counted, the product replaces the last one only right after the correction word (`哦不 鸡汤面5箱`).
    opens = (elements[0].kind == "word" and elements[0].text in lexicon.correction_markers) or in_place
    replaces = bool(required) and (uncounted or opens) and not removes and (correcting or in_place)
    ranged = (group is not None and group.upto > 0) or any(e.upto for e in elements if e.kind == "num" and not e.used)
    spelled = [e for e in elements if e.kind == "size" and e.value.is_integer() and e.value > 0]
    return ItemRequest(
        size_as_count=(spelled[0].text, spelled[0].value) if spelled and quantity is None and not bare else None,
        phrase=_phrase(text, meaningful, elements, lexicon),
        words=tuple(required),
        optional_words=tuple(optional),
        quantity=quantity,
        unit=unit,
        # A size offered alone (`ama ni 250g`) is the other size of the item before, not this one's.
        size=sizes[0] if sizes and not (other_size is not None and len(sizes) == 1) else None,
        other_size=other_size,
        pack_of=pack_of,
        bare_numbers=tuple(bare),
        correction=not required and _takes_back(raw_words, negated, elements, alone, lexicon),
        capitalised=tuple(e.text for e in product_words if e.named and e.text in required),
        negated=negated,
        denies=not required and _denies(quantity, bare, negated, elements, lexicon),
        removal=(bool(required) or (removes and (group is not None or bool(bare))))
        and not replaces
        and (removes or (group is None and not bare and _negates(elements, raw_words, lexicon, index))),
        replacement=replaces,
        swaps=_says(own_words, lexicon.correction_markers, index),
        more=not required and group is not None and _says(own_words, lexicon.more_cues, index),
        ranged=ranged,
    )


def _size_or_other(
    elements: list[_Element], product_words: list[_Element], lexicon: Lexicon
) -> tuple[Size | None, list[_Element]]:
    """`100g or 250g`, `100g ama 250g`: the size a word leaving the choice open puts beside the first one said, and
    the product words without that word, which names no product."""
    other, offering = _offered_size(elements, lexicon)
    if not offering:
        return None, product_words
    return other, [e for e in product_words if all(e is not o for o in offering)]


def _offered_size(elements: list[_Element], lexicon: Lexicon) -> tuple[Size | None, list[_Element]]:
    """The size offered beside the first, and the words offering it."""
    offering = lexicon.range_words
    if not any(e.kind == "word" and e.text in offering for e in elements):
        return None, []
    sized = [position for position, e in enumerate(elements) if e.kind == "size" and e.size is not None]
    for first, second in pairwise(sized):
        between = elements[first + 1 : second]
        # The amount may stand between them (`100g ctn 2 au 250g`).
        words = [e for e in between if e.kind not in ("unit", "num")]
        if words and all(e.kind == "word" and e.text in offering for e in words) and between[-1].kind == "word":
            return elements[second].size, words
    fillers, stops = lexicon.fillers, lexicon.stop_words
    rest = [e for e in elements[1:] if e.kind != "size"]
    if len(sized) == 1 and elements[0].text in offering and all(e.text in fillers or e.text in stops for e in rest):
        # `..., ama ni 250g`: a size alone offered after an item, for the item before it.
        return elements[sized[0]].size, [elements[0]]
    return None, []


def _takes_back(
    raw_words: set[str], negated: tuple[float, ...], elements: list[_Element], alone: bool, lexicon: Lexicon
) -> bool:
    """`sorry 7`, `hapana gunia 4`: beside no product, a correction word or a negation takes back the last amount;
    `怡宝二十箱 算了 十箱就够`: beside the item before it, a part opened by a removal word says what becomes of that
    item's amount."""
    if raw_words & lexicon.corrections_and_negations or negated:
        return True
    return not alone and elements[0].kind == "word" and elements[0].text in lexicon.removal_words


def _no_then_restated(elements: list[_Element], lexicon: Lexicon) -> bool:
    """`不是 是燕京纯生`: a no that is also a correction word, then a word saying what is meant, corrects the line
    before rather than taking back the product after it."""
    return any(
        e.kind == "word"
        and e.text in lexicon.correction_markers
        and following.kind == "word"
        and following.text in lexicon.restating_words
        for e, following in zip(elements, elements[1:], strict=False)
    )


def _named_then_corrected(elements: list[_Element], lexicon: Lexicon) -> bool:
    """`红牛改成3件`, `橘子的改成3件`: a product named, then a correction word, then its amount: the amount corrects
    that product's line."""
    marker = next(
        (i for i, e in enumerate(elements) if e.kind == "word" and e.text in lexicon.correction_markers), None
    )
    return (
        marker is not None
        and marker > 0
        and all(e.kind == "word" for e in elements[:marker])
        and any(e.kind == "num" for e in elements[marker + 1 :])
    )


def _opens_in_place_of_the_last(elements: list[_Element], lexicon: Lexicon) -> bool:
    """`tiger 2 box ku badhila parle g 2 box`, `X ki jagah Y`: a negation that follows what it takes back, opening a
    product with its own amount (past the fillers before it), puts that product in the place of the line before."""
    fillers, stops = lexicon.fillers, lexicon.stop_words
    first = next((e for e in elements if e.kind != "word" or (e.text not in fillers and e.text not in stops)), None)
    return first is not None and first.kind == "word" and first.text in lexicon.negations_after


def _meaningful(
    elements: list[_Element], required: list[str], leading: list[_Element], lexicon: Lexicon
) -> list[_Element]:
    """The elements an item's phrase spans: its amounts, units and sizes, and its words but fillers, chatter and
    price questions (a correction word such as `kar do` left after the amount, `多少钱` after the product, is no part
    of it)."""
    chatter = lexicon.fillers_and_corrections
    return [
        e
        for e in elements
        if e.kind in ("size", "unit", "num")
        or (
            e.kind == "word"
            and ((e.text not in chatter and e.text not in lexicon.price_cues) or e.text in required)
            and e not in leading
        )
    ]


def _phrase(text: str, meaningful: list[_Element], elements: list[_Element], lexicon: Lexicon) -> str:
    """The words of the message an item spans, without a price question said inside them (`cement price per bag` is
    `cement bag`, `雪碧多少钱一箱` is `雪碧一箱`): the item as the owner named it."""
    first, last = meaningful[0], meaningful[-1]
    cues = lexicon.price_cues
    if all(element.text not in cues for element in elements):
        return text[first.start : last.end].strip()
    runs: list[list[_Element]] = [[]]
    for element in elements:
        if not first.start < element.start < last.end:
            continue
        if element.kind == "word" and element not in meaningful:
            runs[-1].append(element)
        elif runs[-1]:
            runs.append([])
    asked = [run for run in runs if any(e.text in cues for e in run)]
    parts, start = [], first.start
    for run in asked:
        parts.append(text[start : run[0].start].strip())
        start = run[-1].end
    parts.append(text[start : last.end].strip())
    return " ".join(part for part in parts if part)


def _taken_back_by_a_closing_no(
    quantity: float | None, elements: list[_Element], lexicon: Lexicon, index: CatalogIndex
) -> tuple[float, ...]:
    """`5 dus bukan, 6`, `5 crates vimba hindi, 7`: a no said last in its part of the message, after an item's amount,
    takes that amount back, as one said before the next amount would (`hapana, 3`)."""
    last = elements[-1]
    if quantity is None or last.kind != "word" or last.text not in lexicon.negations or len(elements) < 2:
        return ()
    return () if index.names_with(last.text, {e.text for e in elements if e.kind == "word"}) else (quantity,)


def _said_in_place(
    quantity: float | None, bare: list[float], negated: tuple[float, ...], after: list[float]
) -> tuple[float | None, list[float]]:
    """`12 not 10 ctn`, `12 ctn nahi, 10`: the amount said in place of the one taken back is counted in its unit;
    beside a number that may be the size (`vimba 350 crate 5 nahi 7`), it is the one said after the amount."""
    kept = [n for n in bare if n not in negated]
    if quantity not in negated or not kept:
        return quantity, bare
    if len(kept) == 1:
        return kept[0], [quantity]
    following = [n for n in after if n in kept]
    if not following:
        return quantity, bare
    kept.remove(following[0])
    return following[0], [*kept, quantity]


def _said_after(elements: list[_Element], group: _Group | None) -> list[float]:
    """The numbers no unit counts, said after the counted amount."""
    if group is None:
        return []
    return [e.value for e in elements[group.last + 1 :] if e.kind == "num" and not e.used]


def _said_in_place_of(quantity: float | None, bare: list[float], negated: tuple[float, ...]) -> bool:
    """True when an amount is taken back and another said beside it."""
    return bool(negated) and any(n not in negated for n in _amounts_said(quantity, bare))


def _denies(
    quantity: float | None, bare: list[float], negated: tuple[float, ...], elements: list[_Element], lexicon: Lexicon
) -> bool:
    """`..., not 10`: every amount said is one a `not` takes back."""
    amounts = _amounts_said(quantity, bare)
    if not amounts or not all(n in negated for n in amounts):
        return False
    return any(e.kind == "word" and e.text in lexicon.not_words for e in elements)


def _amounts_said(quantity: float | None, bare: list[float]) -> list[float]:
    return [*bare, *([quantity] if quantity is not None else [])]


def _negates(elements: list[_Element], raw_words: set[str], lexicon: Lexicon, index: CatalogIndex) -> bool:
    """A negation takes the product back, unless it ends a question whether there is any (`有百威不`: or not)."""
    if not _says(raw_words, lexicon.negations, index):
        return False
    last = elements[-1]
    if last.kind == "word" and last.text in lexicon.negations and raw_words & lexicon.availability_cues:
        return False
    # `no hay frijol rojo?`, `no tienen pampers?`: a negation right before a word asking whether there is any asks it.
    return not any(
        before.text in lexicon.negations and after.text in lexicon.availability_cues
        for before, after in zip(elements, elements[1:], strict=False)
    )


def _sizes_a_name(word: str, lexicon: Lexicon, index: CatalogIndex) -> bool:
    """A word for the smallest or largest size that the catalog itself writes (`guinness small`): part of the name."""
    return (word in lexicon.smaller_words or word in lexicon.larger_words) and word in index.postings


def _ends_a_name(
    before: Token | _Element | None, word: Token | _Element, after: Token | _Element | None, index: CatalogIndex
) -> bool:
    """`energy plus 3 ctn`: a joining word a name writes after the word before it, with no word after it."""
    return (
        before is not None
        and (after is None or after.kind != "word")
        and (before.text, word.text) in index.connector_heads
    )


def _named_elements(
    elements: list[_Element], lexicon: Lexicon, index: CatalogIndex
) -> tuple[list[_Element], list[_Element]]:
    """An item's elements and those of its words that may name the product. `supot 5 pack`: beside an amount
    counted in another unit and no word of a product, a unit word that the catalog gives a product as an alias
    (`supot` of plastic bags) is that product's word, never a message lost."""
    product_words = _product_words(elements, lexicon, index)
    if not product_words and any(e.kind == "size" for e in elements):
        # `rin 10 wala 2 peti`: beside a size or price point and no word of a product, a word that is chatter in some
        # language (Tagalog `rin`, also) and a word of the catalog's names, opening the item, is that word.
        first = elements[0]
        if (
            first.kind == "word"
            and len(first.text) > 2
            and first.text in index.postings
            and first.text in lexicon.fillers
            and first.text not in lexicon.negations
            and first.text not in lexicon.edit_verbs
        ):
            product_words = [first]
    if product_words or not any(e.kind == "unit" and e.used for e in elements):
        return elements, product_words
    elements = [
        e.as_word() if e.kind == "unit" and not e.used and _an_alias(e.text, index) else e for e in elements
    ]
    return elements, _product_words(elements, lexicon, index)


def _joined_initials(words: list[_Element], index: CatalogIndex) -> list[_Element]:
    """`p`, `b` of `hunts p&b`: two letters side by side that are the initials of two words a name joins."""
    joined = index.joined_by_initials
    if not joined or all(len(e.text) > 1 for e in words):
        return []
    return [
        e
        for pair in zip(words, words[1:], strict=False)
        if (pair[0].text, pair[1].text) in joined
        for e in pair
    ]


def _an_alias(word: str, index: CatalogIndex) -> bool:
    """True when the catalog gives the word to a product as an alias of its own, or as its brand (`PK` gum)."""
    items = index.items
    return any(
        (word,) in items[p].alias_words or items[p].brand_words == {word} for p in index.postings.get(word, ())
    )


def _product_words(elements: list[_Element], lexicon: Lexicon, index: CatalogIndex) -> list[_Element]:
    """The words that may name the product: not fillers, joining, correcting or cue words the catalog lacks.

    A Chinese character alone that ends catalog words (`水` of `纯净水`, `茶` of `绿茶`) names their kind when no
    other word names a product."""
    said = {e.text for e in elements if e.kind == "word"}
    possible = [
        e
        for before, e, after in zip([None, *elements], elements, [*elements[1:], None], strict=False)
        if e.kind == "word"
        and (
            # The plain word first: it is most words, and it is told without a call.
            (
                e.text not in lexicon.chatter_words
                and (e.text not in lexicon.cue_words or index.names_with(e.text, said))
                and (e.text not in lexicon.time_words or e.text in index.postings)
                and (e.text not in lexicon.price_point_words or e.text in index.postings)
            )
            or e.named
            or _sizes_a_name(e.text, lexicon, index)
            or _ends_a_name(before, e, after, index)
        )
    ]
    initials = _joined_initials(possible, index)
    named = [
        e
        for e in possible
        if e.named or len(e.text) > 1 or e.text in index.postings or e.text in lexicon.product_words or e in initials
    ]
    if not possible:
        # `tsaka pale 2 case`: a filler of one language that a name of the catalog holds (Swahili `pale`, the Pale
        # Pilsen), never as part of a brand (`salama` of Lala Salama), names that product in a part counted in packs
        # that has no other word for one.
        listed = [
            e
            for e in elements
            if e.kind == "word"
            and e.text in lexicon.fillers
            and e.text in index.postings
            and not any(e.text in index.items[p].brand_words for p in index.postings[e.text])
        ]
        counted = any(e.kind == "num" for e in elements) and any(e.kind == "unit" for e in elements)
        return listed if counted and len(listed) == 1 else []
    if named or len(possible) != 1 or not heads_catalog_words(possible[0].text, index):
        return named
    return possible


def heads_catalog_words(character: str, index: CatalogIndex) -> tuple[str, ...]:
    """The catalog's Chinese words of two or more characters that end with the character, the kind they name;
    never a brand's (`响水` is no water)."""
    if len(character) != 1 or HAN_RE.match(character) is None:
        return ()
    brands = index.groups.brands_by_word
    return tuple(
        w for w in index.postings if len(w) > 1 and w.endswith(character) and HAN_RE.match(w) and w not in brands
    )


def _required_and_optional(
    product_words: list[_Element],
    chatter: list[_Element],
    piece: _Piece,
    group: _Group | None,
    sized: bool,
    lexicon: Lexicon,
    index: CatalogIndex,
) -> tuple[list[str], list[str]]:
    """The catalog words every match must have, and those that only prefer the products having them."""
    naming = [e for e in product_words if e not in chatter]
    # `ligo red 100s 3`: what a pack holds, glued to its ending, only prefers the names that write it.
    contents = [e.text for e in naming if _pack_count(e.text, lexicon)]
    if contents and len(contents) < len(naming):
        naming = [e for e in naming if e.text not in contents]
    else:
        contents = []
    written = tuple(e.text for e in naming if e.text in index.postings)
    required = [w for e in naming for w in _catalog_words(e.text, lexicon, index, len(naming) == 1, written)]
    words = [e for e in piece.elements if e.kind == "word"]
    optional = [e.text for e in words if e.text in lexicon.fillers and e.text in index.postings and not e.named]
    optional.extend(contents)
    if not required and (sized or group is not None) and index.filler_brands:
        # "sawa 1L ctn": a brand spelt wholly with everyday words ("sawa" is "ok") and named in full is the
        # product when no other word names one and the item has a size or a counted amount.
        said = set(optional)
        required = sorted({w for brand in index.filler_brands if brand <= said for w in brand})
        optional = [w for w in optional if w not in required]
    spare_units = [e for e in piece.elements if e.kind == "unit" and not e.used]
    # In "tomi sachet 3 ctn" the carton counts and "sachet" says which product: a pack word the catalog
    # uses in names, beyond the one that counts, narrows the choice like any other optional word.
    counting = [e for e in spare_units if not e.packed]
    describing = spare_units if group is not None and group.unit else [e for e in spare_units if e not in counting[:1]]
    for element in describing:
        # `听装` of a pack the catalog counts in `罐`: the catalog's word for the same unit.
        optional.extend([element.text] if element.text in index.postings else unit_words(element.unit, lexicon, index))
    return required, optional


def _pack_count(word: str, lexicon: Lexicon) -> bool:
    """`100s`, `24's`: a number with a pack-content ending, what each pack holds."""
    return word[:1].isdigit() and any(
        word.endswith(suffix) and word[: -len(suffix)].isdigit() for suffix in lexicon.pack_content_suffixes
    )


def _amount(group: _Group | None, units: list[str], lexicon: Lexicon) -> tuple[float | None, str | None]:
    """The counted amount and its unit; `a dozen pola bars` counts twelve bars, `a dozen crates` twelve crates."""
    quantity = group.quantity if group else None
    unit = group.unit if group and group.unit else (units[0] if units else None)
    dozen_of = lexicon.pieces_per_unit.get(unit or "")
    counted = [u for u in units if u != unit and u not in lexicon.pieces_per_unit]
    if quantity is not None and dozen_of and counted:
        return quantity * dozen_of, counted[0]
    return quantity, unit


def _kind_holds(word: str, holders: frozenset[int] | None, index: CatalogIndex) -> bool:
    """True when the first naming of the kind the word says names more products, every one the word names among
    them, and no alias gives the word to a product (`面粉` for one flour names that flour)."""
    namings = index.namings(word)
    if not namings or holders is None:
        return False
    if any(word in words for item in index.items for words in item.alias_words):
        return False
    kind = index.posted_under_all(list(namings[0]))
    return holders < kind


def _widest_first(namings: tuple[tuple[str, ...], ...], index: CatalogIndex) -> tuple[tuple[str, ...], ...]:
    """`maguta` (fat or oil) where the catalog files its fats among its oils: of a word's namings in one word each,
    the one whose products hold every other's is the kind said, taken first. A naming of several words (`indomie
    noodles`) names a brand or a narrower kind, never taken for a wider one."""
    if any(len(naming) > 1 for naming in namings):
        return namings
    found = [index.posted_under_all(list(naming)) for naming in namings]
    for naming, positions in zip(namings, found, strict=True):
        if all(other <= positions for other in found):
            return (naming, *(other for other in namings if other != naming))
    return namings


def _catalog_words(
    word: str, lexicon: Lexicon, index: CatalogIndex, alone: bool = False, beside: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """A local word for a kind of goods, in the catalog's own words when the catalog does not name a product with it.

    A catalog that writes the word only for goods of that kind (an alias `suka datu puti` for one vinegar)
    still sells the other goods of the kind, so the word is read as the kind; the first naming whose words
    the catalog all has is taken, or, beside catalog words said with it, the first a product of those writes
    (`unga jogoo`: `MAIZE MEAL JOGOO` where other names write `FLOUR`). A naming the catalog has only part of is
    not the kind (`elubo`, yam flour, is not any flour): the word stays itself.
    """
    namings = lexicon.product_words.get(word)
    if namings is None:
        unlinked = _unlinked(word, lexicon, index)
        return (word,) if unlinked is None else _catalog_words(unlinked, lexicon, index)
    holders = index.postings.get(word)
    # A Chinese character said alone (`油 2桶`, `米`) is in a catalog only as the piece its segmenter left of a longer
    # name (`豆豉油制辣椒`), never as the name of one product: it is the kind.
    loose = alone and len(word) == 1 and HAN_RE.match(word) is not None
    # `啤酒 10箱`: a Chinese word for a kind said alone, which some names write (`哈尔滨啤酒`) and others do not
    # (`雪花 勇闯天涯`), is the whole kind when that kind holds every product the word names.
    loose = loose or (alone and HAN_RE.match(word) is not None and _kind_holds(word, holders, index))
    namings = index.namings(word)
    if holders is None and beside:
        namings = tuple(sorted(namings, key=lambda naming: not index.posted_under_all([*beside, *naming])))
    elif holders is None and len(namings) > 1:
        namings = _widest_first(namings, index)
    for naming in namings:
        alias_only = word in index.alias_only_words and holders is not None
        if holders is None or loose:
            return naming
        if not alias_only:
            # `juice ya embe` where one name writes the flavour in the local word (`AZAM EMBE`) and others in the
            # catalog's (`MANGO`): the flavour, whichever word a name writes it in.
            flavour = len(naming) == 1 and naming[0] in lexicon.flavour_words
            if flavour and word not in index.groups.brands_by_word and holders < index.posted_under_all(list(naming)):
                return naming
            return (word,)
        if holders <= index.posted_under_all(list(naming)) or alone and _describes(word, holders, index):
            return naming
        return (word,)
    return (word,)


def _describes(word: str, holders: frozenset[int], index: CatalogIndex) -> bool:
    """`unga` (flour) only in an alias `sabuni ya unga` (powder soap): beside another word for a kind of goods, the
    word describes that kind, so said alone it is its own kind, not those products."""
    product_words = index.lexicon.product_words
    return all(
        any(w != word and w in product_words for w in alias)
        for p in holders
        for alias in index.items[p].alias_words
        if word in alias
    )


def _unlinked(word: str, lexicon: Lexicon, index: CatalogIndex) -> str | None:
    """`pulang`, `sabong`: a word the catalog lacks, with the linker it wears before the next word, is the
    catalog's or the language's word for goods."""
    if word in index.postings:
        return None
    for suffix in lexicon.linker_suffixes:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and (stem in index.postings or stem in lexicon.product_words):
            return None if _typed_short(word, stem, index) else stem
    return None


def _typed_short(word: str, stem: str, index: CatalogIndex) -> bool:
    """`goldn` of `golden`, `dawat` of `daawat`: a word a slip away from a catalog word is that word, not a stem wearing
    a linker, where the catalog word goes on from the stem or the stem names nothing the catalog sells."""
    spelt = [found.word for found in index.read_word(word) if found.word != stem]
    if not spelt:
        return False
    return any(w.startswith(stem) for w in spelt) or (stem not in index.postings and not index.namings(stem))


def _says(words: set[str], cues: frozenset[str], index: CatalogIndex) -> bool:
    """True when one of the words is such a cue and names no product beside the others."""
    return any(not index.names_with(w, words) for w in words & cues)


def _takes_back_alone(found: list[ItemRequest], said: set[str], lexicon: Lexicon, index: CatalogIndex) -> bool:
    """`not chama`, `te chama`: a negation takes back one product, with no amount and no word that removes it."""
    if len(found) != 1 or not found[0].removal or says_amount(found[0]):
        return False
    return _says(said, lexicon.negations, index) and not _says(said, lexicon.removal_words, index)


def says_amount(request: ItemRequest) -> bool:
    """True when a request says an amount or a size."""
    return request.quantity is not None or request.size is not None or bool(request.bare_numbers)


def _negated(elements: list[_Element], lexicon: Lexicon, index: CatalogIndex) -> tuple[float, ...]:
    """The number a negation stands beside: on the side its language takes back, after it (`not 5`, `12 si 10`)
    or before it (`5 nahi 6`), else on the other side (`4 nahi`, `nahi, 6`)."""
    return tuple(number.value for number in _beside_negations(elements, "num", lexicon, index))


def _sizes_meant(elements: list[_Element], lexicon: Lexicon, index: CatalogIndex) -> list[Size]:
    """The sizes said, but one a negation takes back where another is said (`sorry 100g nahi 200g` is 200g)."""
    sizes = [e.size for e in elements if e.kind == "size" and e.size is not None]
    if len(sizes) < 2:
        return sizes
    taken_back = _beside_negations(elements, "size", lexicon, index)
    meant = [e for e in elements if e.kind == "size" and not any(e is t for t in taken_back)]
    return [e.size for e in meant if e.size is not None] or sizes


def _beside_negations(elements: list[_Element], kind: str, lexicon: Lexicon, index: CatalogIndex) -> list[_Element]:
    """The elements of a kind (amounts, sizes) that negations stand beside, each on the side its language takes
    back first."""
    found = []
    said = {e.text for e in elements if e.kind == "word"}
    for position, element in enumerate(elements):
        if element.kind != "word" or element.text not in lexicon.negations or index.names_with(element.text, said):
            continue
        after = elements[position + 1] if position + 1 < len(elements) else None
        before = elements[position - 1] if position > 0 else None
        if element.text in lexicon.negations_after and before is not None and before.kind == "unit" and position > 1:
            before = elements[position - 2]  # `12 ctn nahi, 10`: the amount its unit follows
        sides = (before, after) if element.text in lexicon.negations_after else (after, before)
        beside = next((side for side in sides if side is not None and side.kind == kind), None)
        if beside is not None:
            found.append(beside)
    return found
