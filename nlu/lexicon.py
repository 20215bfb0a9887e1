"""Words the parser knows about: pack units, number words, fillers, connectors, read from locale files."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, fields, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterable

from nlu.abbreviations import vowel_drops
from nlu.text import INDIC_SCRIPTS, in_indic_script, romanised, sound, without_marks

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
_VOWELS = frozenset("aeiou")


@dataclass(frozen=True)
class SizeUnit:
    """A measure word such as `ml` or `kg`: its dimension and the factor to the dimension's base."""

    dimension: str
    factor: float


@dataclass(frozen=True)
class Lexicon:
    """Every language's words merged into lookups keyed by the normalised word."""

    unit_words: dict[str, str]
    # Pack words only as a keypad may type them, one or two vowels left out (`krtn`, `gala` of `galao`), which no
    # language writes.
    typed_unit_words: frozenset[str]
    unit_levels: dict[str, str]
    unit_sell_units: dict[str, frozenset[str]]
    pieces_per_unit: dict[str, int]
    size_words: dict[str, SizeUnit]
    size_markers: frozenset[str]
    half_words: frozenset[str]
    # Words for a quarter, a size only before a measure (`robo kilo`, `pav kilo`, `quarter kg`: 250g).
    quarter_words: frozenset[str]
    article_words: frozenset[str]
    # `the gallon one`, `that big one`: a word that points at a product, after which `one` says which, not how many;
    # after a removal word (`remove it`, `comot am`), at the item before.
    pointing_words: frozenset[str]
    number_words: dict[str, int]
    number_words_needing_unit: dict[str, int]
    # A number word another language names goods by (Kikamba `nyanya`, eight; Swahili tomatoes): a count only right
    # after the pack word it counts, ending the item (`bale nyanya`); elsewhere those goods (`nyanya crate 2`).
    number_words_after_unit: dict[str, int]
    # Words a language puts before a count of things (Sesotho and Setswana `tse`, `tse pedi`): such a number word
    # counts right after one as it does right after a pack word.
    count_concords: frozenset[str]
    # One word for a whole number and a half (Hindi `dedh` is 1 and a half, `dhai` 2 and a half).
    number_words_and_a_half: dict[str, int]
    number_multipliers: dict[str, int]
    # Words after a number word that add ten to it (Indonesian `lima belas`, fifteen; Sundanese `dua welas`).
    number_teens: dict[str, int]
    # `second`, `pili`, `doosra`, `第二个`: the option of a numbered question an answer names in words, said alone or
    # with words that only point at it (`the second one`, `hiyo ya pili`, `doosra wala`, `yung pangalawa`).
    ordinal_words: dict[str, int]
    pick_words: frozenset[str]
    # `change 2 to 10`, `badilisha 2 iwe 10`, `2改成10`, `make coke 6`: the verbs that open an edit of a line and
    # the words between the line and its new amount; `coke ko 4 karo`: the verbs that close one, where a language
    # puts its verb last.
    edit_verbs: frozenset[str]
    edit_verbs_after: frozenset[str]
    edit_to_words: frozenset[str]
    # `the sugar should be 3`, `sukari iwe 5`: the words that set a product's line to an amount with no verb.
    edit_copulas: frozenset[str]
    number_joiners: frozenset[str]
    quantity_markers: frozenset[str]
    connectors: frozenset[str]
    correction_markers: frozenset[str]
    filler_phrases_by_first: dict[str, tuple[tuple[str, ...], ...]]
    fillers: frozenset[str]
    availability_cues: frozenset[str]
    price_cues: frozenset[str]
    negations: frozenset[str]
    # Negations that follow the amount they take back (Hindi `5 nahi 6`, Marathi `5 nako 7`: six, seven), where the
    # others come before it (`6 not 5`, `12 si 10`, `不是5箱是6箱`); they are negations too.
    negations_after: frozenset[str]
    # Negations that only ever say `not`, never `no!` alone (`不是`, `not`; not `hapana`, `hindi`): the amount right
    # after one, beside another amount, is the one taken back (`是6箱 不是5箱` orders six).
    not_words: frozenset[str]
    removal_words: frozenset[str]
    # `minus 1`, `one less`, `punguza moja`, `ek kam`: removal words that only ever take an amount off a line, never
    # the whole line (`remove 1` removes line 1; `minus 1` takes one off the last line).
    less_words: frozenset[str]
    # Words that say what is meant right after a no (`不是，是燕京纯生`: no, it is 燕京纯生): the no corrects the
    # line before, and takes back nothing of the product after it.
    restating_words: frozenset[str]
    # Words that ask for goods, politely or not, or address the seller (`need`, `nipe`, `po`, `boss`): products
    # named with these and nothing else (`need omo`, `kape po`, `omo boss`) are an order, whatever the classifier read.
    asking_words: frozenset[str]
    # Words that greet (`habari`, `hello`, `good morning`): products named after a greeting and nothing else
    # (`habari, nataka unga`) are an order, though the classifier reads a greeting.
    greeting_words: frozenset[str]
    # Words that make the number beside them a time of day (`before 10`, `4 pm`, `saa 4`), never an amount.
    time_words: frozenset[str]
    time_suffixes: frozenset[str]
    # Currency words (`5 rupee`, `shilingi 20`, `₦50`): the number beside them is a price point.
    price_point_words: frozenset[str]
    # Words after an amount that make it say which product, not how many (`10 wala`, `1 kg wala`,
    # `4 pack wala 3 peti`); never before a number.
    description_suffixes: frozenset[str]
    # Letters glued to an amount that make it what each pack holds (`100s`, `24's`): they name the pack.
    pack_content_suffixes: frozenset[str]
    # Letters glued to a number that make it thousands of money (`5k`): after an order, what the sender pays or has.
    thousands_suffixes: frozenset[str]
    # Words that open the sender's own sum after an order (`total 408`, `jumla 4000`, `总共408元`): no item.
    sum_words: frozenset[str]
    # A price said in one word (Sheng `mbao`, 20 shillings): the pack sold at that price (`kiwi ya mbao`).
    price_amount_words: dict[str, int]
    # What owners type to the assistant itself (`START`, `MENU`, `ANZA`): a message of only this orders nothing.
    command_words: frozenset[str]
    # Words that say yes (`sí`, `confirmo`): a message of only these is a YES, whatever the classifier read.
    yes_words: frozenset[str]
    # A local word for a kind of goods, in the words catalogs name it with (`sukari` -> `sugar`); several
    # namings, tried in turn (`panlaba` -> `laundry detergent|detergent`).
    product_words: dict[str, tuple[tuple[str, ...], ...]]
    # A word as owners spell it otherwise (`xtra` extra, `lite` light): read as the catalog's spelling where the
    # catalog writes that and not the one typed.
    spellings: dict[str, tuple[str, ...]]
    # A word for a kind of goods and the words names write for the kinds within it (`酱油`: `生抽`, `老抽`): the word
    # names every product whose name writes one of them, as well as those whose name writes the word itself.
    kind_includes: dict[str, frozenset[str]]
    non_order_cues: frozenset[str]
    packaging_words: frozenset[str]
    base_variant_words: frozenset[str]
    # Words that make a product a variant of its brand's plain one (`hot`, `zero`, `multigrain`), not a flavour.
    variant_words: frozenset[str]
    # Words that make goods another kind of them (`brown` sugar, `coarse` salt, `fermented` milk): the kind named
    # alone means the goods without them, of any brand.
    other_kind_words: frozenset[str]
    # Colours a brand names a line by (`Gold`, `Silver`): a variant beside its plain product (`Parle-G Gold`), but
    # beside one of another colour or flavour (`Marlboro Red`) an equal alternative.
    line_colour_words: frozenset[str]
    # Words that say what a whole kind of goods is for (`cooking` oil, `vegetable` oil): beside the kind's category
    # word they name every product of it, not only those whose name writes them.
    kind_use_words: frozenset[str]
    # Words of a brand's line of its own (`matic`): a product whose name adds one is not the brand's plain product,
    # even where the plain one's name adds other words (`Surf Excel Matic` beside `Surf Excel Easy Wash`).
    line_words: frozenset[str]
    # Names of a brand's pack sizes (`mismo`, `swakto`): said, they pick that size; unsaid, they make no other
    # size the plain product.
    size_names: frozenset[str]
    # Words asking for a product's smallest or largest size (`maliit`, `gamay`; `malaki`, `dako`).
    smaller_words: frozenset[str]
    larger_words: frozenset[str]
    # `SARDINES IN TOMATO SAUCE`: what a name writes after such a word is what the product comes in, not what it is.
    contents_words: frozenset[str]
    # Flavours, scents and colours: a word of these names a product even when the catalog does not sell it.
    flavour_words: frozenset[str]
    # Two words names join with `&` (`hot spicy`): letters a name joins so (`TUNA H&S`) are these words, where no
    # name of the catalog writes another pair with those initials.
    joined_pairs: frozenset[str]
    # What goods are packed in (`oil`, `brine`): a product whose name adds only such a word is its brand's plain one
    # beside a product of that size whose name adds only variant words (`TUNA FLKS OIL` beside `TUNA FLKS H&S`).
    medium_words: frozenset[str]
    stop_words: frozenset[str]
    # `tig-2 sprite at royal`, `2 case each`: the one amount said counts every item of the line.
    each_words: frozenset[str]
    # `coke 5 crates, fanta same`: a word that gives an item the amount of the item before it.
    same_amount_words: frozenset[str]
    # `deliver to my shop`, `地址：...`: where to deliver; after an item, or before a colon, never an item.
    place_cues: frozenset[str]
    # `3 case red horse kay aon pista`, `because ...`: why the item is ordered; after an item, never an item.
    reason_words: frozenset[str]
    # `..., kama hakuna weka kabras`, `if none, omo`: what to send where an item is out; after an item, never an item.
    fallback_cues: frozenset[str]
    # `2 or 3 ctn`, `mbili au tatu`: a word between two amounts that leaves the amount open, a range.
    range_words: frozenset[str]
    # Beginnings glued to a pack or measure word that make it one of it (Indonesian `sedus`, `sekilo`).
    one_prefixes: frozenset[str]
    # Beginnings a language writes with a hyphen before the noun or number they belong to (Zulu `i-coke`, `ama-bag`,
    # `u-2`, `ye-ace`): the word after the hyphen is what is named. Those that say `and` (`ne-sprite`, `no-3`)
    # begin another item.
    hyphen_prefixes: frozenset[str]
    and_prefixes: frozenset[str]
    # What an owner says about the open draft at the start of an item message: join it (`and also`, `pia`),
    # add to a line already there (`one more`, `ek aur`), or start afresh (`new order`, `oda mpya`); and anywhere
    # in it, that the amounts sent correct the lines there (`sorry`, `5 nahi 6`, `改成`).
    draft_add_cues: frozenset[str]
    draft_more_cues: frozenset[str]
    draft_new_cues: frozenset[str]
    draft_change_cues: frozenset[str]
    # Endings that join a word to the next (`pulang asukal`, `dalawang kahon`): the word without one is the word.
    linker_suffixes: frozenset[str]
    # A digit owners type for a letter their keypad lacks (Twi `3` for the open e: `s3n`, `mmi3nsa`), and the letter.
    letter_digits: dict[str, str]
    # `ji` for G (`पारले जी`, `parle-ji` of PARLE-G): a letter's name as a language says it, and the letter.
    letter_names: dict[str, str]
    # Pinyin sounds that owners of a region say, and so type, alike (`n` and `l`, `hu` and `f`, `ing` and `in`):
    # the beginnings and endings of syllables, each read as the one it is said for.
    pinyin_initials_alike: dict[str, str]
    pinyin_finals_alike: dict[str, str]
    # The words of the languages that type so: only these are read from a word with a digit in it.
    digit_spelt_words: frozenset[str]
    # The words of the languages owners also type in an Indic script, by the script's name (`scripts` in a language
    # file): a word typed in that script may be read as one of them, never as a word of another language.
    words_typed_in: dict[str, frozenset[str]]
    # Currency words a language file writes in an Indic script (`रुपये`, `ரூபாய்`): only these are a currency when
    # typed in one, never a Latin currency code the letters happen to spell (`केस` is a case, not KES).
    native_price_point_words: frozenset[str]
    max_quantity: int
    # Words one language takes an item back or counts with and another only fills a sentence with (Tagalog `di`,
    # Igbo `di`; Bikol `tolong`, three, Indonesian `tolong`, please), with the languages of each side, and every
    # language's words: such a word means what the message's language says.
    takeback_or_chatter: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = ()
    vocabularies: tuple[tuple[str, frozenset[str]], ...] = ()

    @cached_property
    def chatter_words(self) -> frozenset[str]:
        """Fillers, joining words, connectors, correction words and words for a size among sizes: never the words
        of a product."""
        chatter = self.fillers | self.stop_words | self.connectors | self.correction_markers
        return (chatter | self.smaller_words | self.larger_words) - self.joining_goods_words

    @cached_property
    def article_letters(self) -> frozenset[str]:
        """Latin letters that are also words such as articles (`a`), which a name may write as a grade (`GRADE A`)."""
        return frozenset(word for word in self.stop_words if len(word) == 1 and word.isascii() and word.isalpha())

    @cached_property
    def longer_kinds(self) -> dict[str, tuple[tuple[frozenset[str], tuple[frozenset[str], ...]], ...]]:
        """Each kind's word and the kinds named by a phrase it opens (`maziwa` of `maziwa ya unga`, milk powder):
        the phrase's other words and the words of its namings, where none is a naming of the word alone."""
        found: dict[str, list[tuple[frozenset[str], tuple[frozenset[str], ...]]]] = defaultdict(list)
        for phrase, namings in self.product_words.items():
            first, *rest = phrase.split()
            own = self.product_words.get(first)
            if rest and own is not None and not set(namings) & set(own):
                found[first].append((frozenset(rest) - self.chatter_words, tuple(map(frozenset, namings))))
        return {word: tuple(kinds) for word, kinds in found.items()}

    @cached_property
    def joining_goods_words(self) -> frozenset[str]:
        """Words one language joins items with and another names goods with (Bikol `asin`, and; Tagalog `asin`,
        salt): between two parts of a line they join them, anywhere else they name the goods."""
        return self.connectors.intersection(self.product_words)

    @cached_property
    def token_shaping_words(self) -> frozenset[str]:
        """Words that can make a message word more than a word (a measure, a half, a price, a size marker, a linker
        before a unit, a unit, an article, a number, an `x`): any other word is read as a plain word at once."""
        numbers = (self.number_words, self.number_words_needing_unit, self.number_words_and_a_half)
        return frozenset().union(
            self.size_words,
            self.half_words,
            self.quarter_words,
            self.price_amount_words,
            self.price_point_words,
            self.size_markers,
            self.stop_words,
            self.unit_words,
            self.article_words,
            self.number_multipliers,
            self.quantity_markers,
            *numbers,
        )

    @cached_property
    def part_opening_words(self) -> frozenset[str]:
        """Words that may end a part of a line or open one (a connector, a negation, a correction, a price cue, a
        removal word): any other word stays in the part it is said in, at once."""
        return self.connectors | self.corrections_and_negations | self.price_cues | self.removal_words

    @cached_property
    def element_shaping_words(self) -> frozenset[str]:
        """Words an item's reader may make more than a word of (those shaping a token, a time word, a word for each,
        a half): any other word is a plain word at once."""
        return self.token_shaping_words | self.time_words | self.each_words | self.half_words

    @cached_property
    def amount_words(self) -> frozenset[str]:
        """Words that say a whole amount alone (`tano`, `dozen`), with or without a unit after them."""
        return frozenset(self.number_words.keys() | self.number_words_needing_unit.keys())

    @cached_property
    def one_glued(self) -> dict[str, str]:
        """`sedus`, `sekilo`, `selusin`: a word for one glued to a pack or measure word, and that word; never a word a
        language file lists as it is."""
        known = frozenset().union(*(words for _, words in self.vocabularies))
        return {
            prefix + word: word
            for prefix in self.one_prefixes
            for word in (*self.unit_words, *self.size_words)
            if len(word) > 1 and word.isalpha() and prefix + word not in known
        }

    @cached_property
    def size_order_words(self) -> re.Pattern[str] | None:
        """Finds a word for the smallest or the largest size (`maliit`, `dako`) anywhere in a text, in one search."""
        words = self.smaller_words | self.larger_words
        return re.compile(_trie_alternation(words)) if words else None

    @cached_property
    def cue_words(self) -> frozenset[str]:
        """Words that say what to do with an item (ask its price, take it back, add it to the draft, where to take
        it) or to the assistant, never what the item is."""
        cues = self.price_cues | self.availability_cues | self.negations | self.removal_words | self.command_words
        drafts = self.draft_add_cues | self.draft_more_cues | self.draft_new_cues
        return cues | self.each_words | drafts | self.place_cues | self.reason_words | self.fallback_cues

    @cached_property
    def corrections_and_negations(self) -> frozenset[str]:
        """Words that take back what was said (`sorry`, `not`, `hapana`); worked out once, read for every item."""
        return self.correction_markers | self.negations

    @cached_property
    def fillers_and_corrections(self) -> frozenset[str]:
        """Words that only soften a message or correct it (`please`, `kar do`): never part of an item's phrase."""
        return self.fillers | self.correction_markers

    @cached_property
    def corrections_not_negations(self) -> frozenset[str]:
        """Correction words that are no negation (`sorry`, `badala yake`): beside a product, it takes the place of
        the last one."""
        return self.correction_markers - self.negations

    @cached_property
    def more_cues(self) -> frozenset[str]:
        """Words that add to the draft or to a line already there (`ongeza`, `one more`, `再加`)."""
        return self.draft_add_cues | self.draft_more_cues

    @cached_property
    def phrases_by_first(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Kinds of goods, negations, correction and removal words said in several words (`cold drink`, `kapde ka
        sabun`; `no be`, `kii se`, `ki jagah`; `kar do`, `i mean`; `hata do`), longest first, by first word: each is
        read as one word."""
        words = [*self.product_words, *self.negations, *self.correction_markers, *self.removal_words]
        return _by_first_word({tuple(word.split()) for word in words if " " in word})

    @cached_property
    def phrase_links(self) -> frozenset[str]:
        """Words after which two words may be a kind phrase linked (`asukal na pula`, `pulang asukal`): a joining
        word, or a kind phrase's first word."""
        return self.number_joiners.union(self.phrases_by_first)

    @cached_property
    def kind_naming_words(self) -> frozenset[str]:
        """Every local word for a kind of goods and every word catalogs name those kinds with (`面条`, `挂面`)."""
        named = (word for namings in self.product_words.values() for naming in namings for word in naming)
        return frozenset({*self.product_words, *named})

    @cached_property
    def goods_kind_words(self) -> frozenset[str]:
        """Words for kinds of goods that are no flavour or variant of one (`beans`, `semolina`; not `onion`)."""
        return self.kind_naming_words - self.flavour_words - self.variant_words

    @cached_property
    def catalog_vocabulary(self) -> frozenset[str]:
        """Words catalogs name goods, variants and packaging with (`sauce`, `white`, `pouch`), which a
        distributor's names may write short."""
        named = {word for namings in self.product_words.values() for naming in namings for word in naming}
        listed = self.flavour_words | self.variant_words | self.base_variant_words | self.packaging_words
        return frozenset(named) | listed | self.contents_words

    @cached_property
    def attaching_words(self) -> frozenset[str]:
        """Joining words that also say what a product comes with (`with`)."""
        return self.connectors & self.contents_words

    @cached_property
    def place_phrases_by_first(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Place cues, words giving a reason and cues of what to send instead, in one word or several, longest first,
        by first word."""
        cues = self.place_cues | self.reason_words | self.fallback_cues
        return _by_first_word({tuple(cue.split()) for cue in cues})

    @cached_property
    def spelt_by_sound(self) -> dict[str, dict[str, str]]:
        """By Indic script, one-word locale words of the languages typed in it by how they sound (`nlu.text.sound`),
        where every word sounding so means the same.

        Devanagari read into Latin letters (`vaala`, `graam`, `bhaav`) is then the locale's `wala`, `gram`, `bhav`;
        Tamil `பார்` (`paar`) is no French `par`.
        """
        roles: dict[str, set[tuple[str, object]]] = defaultdict(set)
        for entry in fields(self):
            value = getattr(self, entry.name)
            if entry.name in _KEYED_BY_UNIT or entry.name in _NOT_READ_BY_SOUND:
                continue
            if isinstance(value, frozenset):
                for word in value:
                    if entry.name != "price_point_words" or word in self.native_price_point_words:
                        roles[word].add((entry.name, None))
            elif isinstance(value, dict):
                for word, meaning in value.items():
                    roles[word].add((entry.name, meaning))
        spelt: dict[str, dict[str, str]] = {}
        for script, typed in self.words_typed_in.items():
            alike: dict[str, set[str]] = defaultdict(set)
            for word in typed:
                if word.isalpha() and roles.get(word):
                    alike[sound(word)].add(word)
            spelt[script] = {
                key: min(words)
                for key, words in alike.items()
                if len(key) >= _MIN_SOUNDED and all(roles[word] == roles[min(words)] for word in words)
            }
        return spelt

    @cached_property
    def words_without_marks(self) -> dict[str, str]:
        """Locale words by how they read without tone marks or accents (`meji` for a typed `méjì`), the words of
        locale phrases too (`mutu` of `mutu wa mbemba` for a typed `mũtu`); where a word is listed bare, the bare
        word."""
        found: dict[str, str] = {}
        for entry in fields(self):
            value = getattr(self, entry.name)
            if entry.name not in _KEYED_BY_UNIT and isinstance(value, (frozenset, dict)):
                for phrase in value:
                    for word in phrase.split() if isinstance(phrase, str) else ():
                        plain = without_marks(word)
                        if plain == word or plain not in found:
                            found[plain] = word
        return found

    @cached_property
    def marked_words(self) -> frozenset[str]:
        """Locale words written with tone marks or accents (Igbo `dị`, French `enlève`): typed so, they are the word
        their language lists, not another language's bare spelling."""
        found: set[str] = set()
        for entry in fields(self):
            value = getattr(self, entry.name)
            if entry.name not in _KEYED_BY_UNIT and isinstance(value, (frozenset, dict)):
                found.update(w for w in value if isinstance(w, str) and " " not in w and without_marks(w) != w)
        return frozenset(found)

    @cached_property
    def hyphened_words(self) -> frozenset[str]:
        """Locale words written with a hyphen (`ap-at`, `san-o`, `may-ara`), which a message's tokens split."""
        found: set[str] = set(self.unit_words)
        for entry in fields(self):
            value = getattr(self, entry.name)
            if entry.name not in _KEYED_BY_UNIT and isinstance(value, (frozenset, dict)):
                found.update(value)
        return frozenset(word for word in found if "-" in word and " " not in word and all(word.split("-")))

    @cached_property
    def variant_marks(self) -> frozenset[str]:
        """Words that make a product a variant or a line of its own (`brown`, `low`, `matic`), never those for a
        smaller or larger size (`small`, `big`), which name sizes to ask about."""
        return (self.variant_words | self.line_words) - self.smaller_words - self.larger_words

    @cached_property
    def variant_or_line_words(self) -> frozenset[str]:
        """Words that make a product a variant (`lite`, `brown`) or a brand's line of its own (`matic`), joined once
        rather than for every list of candidates."""
        return self.variant_words | self.line_words

    @cached_property
    def tasted_words(self) -> frozenset[str]:
        """Flavours, colours and what goods are packed in (`white`, `oil`) that are no variant marks: what a plain
        product's name adds beside its variants'."""
        return (self.flavour_words | self.medium_words) - self.variant_marks

    @cached_property
    def currency_words(self) -> frozenset[str]:
        """Price point words of more than one letter (`rs`, `bob`, `naira`): a single letter (`n`, `p`) is as often a
        grade or a unit a name writes (`32.5N` cement)."""
        return frozenset(word for word in self.price_point_words if len(word) > 1)

    @cached_property
    def digit_typed_words(self) -> re.Pattern[str] | None:
        """Finds a word typed with a digit for a letter after a letter (`s3n`, `mmi3nsa`), never an amount with its
        unit (`3kg`) or a count (`x3`, `3x`) unless the word spelt is one of the languages that type so."""
        if not self.letter_digits:
            return None
        digits = "".join(map(re.escape, self.letter_digits))
        return re.compile(rf"(?<![^\W_])[^\W\d_]+[{digits}](?:[^\W\d_]|[{digits}])*(?![^\W_])")

    @cached_property
    def digit_after_letter(self) -> re.Pattern[str] | None:
        """Finds a digit typed for a letter right after a letter: what every word `digit_typed_words` finds has, and
        most texts with such a digit do not (`3 crates`), told in a search far quicker than that one."""
        if not self.letter_digits:
            return None
        return re.compile(rf"[^\W\d_][{''.join(map(re.escape, self.letter_digits))}]")

    @cached_property
    def piece_packaging(self) -> dict[str, frozenset[str]]:
        """The packaging words of each single-piece unit (`tin`: `tins`, `cans`; `bottle`: `bottles`), by unit."""
        found: dict[str, set[str]] = defaultdict(set)
        for word, unit in self.unit_words.items():
            if self.unit_levels.get(unit) == "single" and word in self.packaging_words:
                found[unit].add(word)
        return {unit: frozenset(words) for unit, words in found.items()}

    def sell_units_for(self, unit: str) -> frozenset[str]:
        """The catalog sell units a typed unit names directly (a typed `pkt` names a `pack` SKU too)."""
        return self.unit_sell_units.get(unit, frozenset({unit}))

    @cached_property
    def takeback_or_chatter_words(self) -> frozenset[str]:
        """The words of `takeback_or_chatter`: most messages have none, and are told so in one look."""
        return frozenset(word for word, _, _ in self.takeback_or_chatter)

    def chatter_in(self, words: set[str]) -> frozenset[str]:
        """The words of a message that take an item back, ask its price or count in another language but only fill a
        sentence in the language it is written in: at least two of its other words are that language's alone, none
        the other's. English words, typed in every language (`sorry`, `bale`), are no evidence of another."""
        if self.takeback_or_chatter_words.isdisjoint(words):
            return frozenset()
        found = [entry for entry in self.takeback_or_chatter if entry[0] in words]
        plain = words - {entry[0] for entry in found}
        vocabularies = dict(self.vocabularies)
        english = vocabularies.get(_LINGUA_FRANCA, frozenset())
        chatter = set()
        for word, taking, filling in found:
            taking_words = frozenset().union(*(vocabularies[name] for name in taking))
            filling_words = frozenset().union(*(vocabularies[name] for name in filling))
            evidence = plain & filling_words - taking_words
            filled = len(evidence if _LINGUA_FRANCA in filling else evidence - english) >= _LANGUAGE_EVIDENCE
            if filled and not plain & taking_words - filling_words:
                chatter.add(word)
        return frozenset(chatter)

    def with_chatter(self, words: frozenset[str]) -> Lexicon:
        """This lexicon with the words only filling a sentence, never taking an item back, asking its price or
        counting."""
        numbers = {word: value for word, value in self.number_words.items() if word not in words}
        before_units = {word: value for word, value in self.number_words_needing_unit.items() if word not in words}
        return replace(
            self,
            number_words=numbers,
            number_words_needing_unit=before_units,
            **{key: getattr(self, key) - words for key in _TAKING_BACK},
        )


def _trie_alternation(words: Iterable[str]) -> str:
    """The words as one regular expression, branching letter by letter (`b(?:esar|ig)`): at each place a search tries
    only the words that begin with the letter there. A word that begins a longer one stands for both, so the
    expression finds whether any word is in a text, not which."""
    following: dict[str, list[str]] = defaultdict(list)
    for word in words:
        if word:
            following[word[0]].append(word[1:])
    branches = []
    for first, rests in sorted(following.items()):
        if "" in rests:
            branches.append(re.escape(first))
        elif len(rests) == 1:
            branches.append(re.escape(first + rests[0]))
        else:
            branches.append(f"{re.escape(first)}(?:{_trie_alternation(rests)})")
    return "|".join(branches)

def _words(values: list[str]) -> set[str]:
    return {_word(v) for v in values if v.strip()}


def _word(value: str) -> str:
    """A locale word as message tokens are normalised (Devanagari read in Latin letters)."""
    return " ".join(romanised(part) for part in value.strip().lower().split())


def _by_first_word(phrases: set[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        grouped.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(group) for first, group in grouped.items()}


def _linked(number_words: dict[str, int], language: dict[str, Any]) -> dict[str, int]:
    """Number words with the language's linking ending where it joins them to a noun (`dalawa` -> `dalawang`)."""
    linked = dict(number_words)
    for suffix in language.get("linker_suffixes", []):
        for word, value in number_words.items():
            if word[-1:] in _VOWELS:
                linked.setdefault(word + suffix, value)
    return linked


# Lookups keyed by a unit's name or a part of a syllable rather than by a word a sender types.
_KEYED_BY_UNIT = frozenset(
    {
        "unit_levels",
        "unit_sell_units",
        "pieces_per_unit",
        "filler_phrases_by_first",
        "pinyin_initials_alike",
        "pinyin_finals_alike",
    }
)
# Lookups of words by language or script rather than by what a word means.
_NOT_READ_BY_SOUND = frozenset({"words_typed_in", "native_price_point_words", "digit_spelt_words"})
# A pack word typed without vowels shorter than this is too often some other word (`bot`, `sak`).
_MIN_TYPED_UNIT = 4
# Shorter words have too many that sound alike.
_MIN_SOUNDED = 3
# A message is in a language when this many of its words are that language's.
_LANGUAGE_EVIDENCE = 2
# The language whose words owners of every market type among their own.
_LINGUA_FRANCA = "en"
# What a language takes an item back or asks its price with, and what only fills or joins a sentence.
_TAKING_BACK = ("removal_words", "negations", "negations_after", "not_words", "price_cues", "availability_cues")
_FILLING = ("fillers", "stop_words")

# Keys of a language file whose value is a list of words, each merged into one set of the lexicon.
_WORD_LISTS = (
    "size_markers",
    "half_words",
    "quarter_words",
    "article_words",
    "pointing_words",
    "number_joiners",
    "quantity_markers",
    "connectors",
    "correction_markers",
    "fillers",
    "availability_cues",
    "price_cues",
    "negations",
    "negations_after",
    "not_words",
    "removal_words",
    "less_words",
    "restating_words",
    "asking_words",
    "greeting_words",
    "time_words",
    "time_suffixes",
    "price_point_words",
    "description_suffixes",
    "pack_content_suffixes",
    "sum_words",
    "thousands_suffixes",
    "command_words",
    "yes_words",
    "non_order_cues",
    "packaging_words",
    "base_variant_words",
    "variant_words",
    "other_kind_words",
    "line_colour_words",
    "kind_use_words",
    "line_words",
    "size_names",
    "smaller_words",
    "larger_words",
    "contents_words",
    "flavour_words",
    "joined_pairs",
    "medium_words",
    "stop_words",
    "each_words",
    "same_amount_words",
    "range_words",
    "one_prefixes",
    "hyphen_prefixes",
    "count_concords",
    "and_prefixes",
    "place_cues",
    "reason_words",
    "fallback_cues",
    "draft_add_cues",
    "draft_more_cues",
    "draft_new_cues",
    "draft_change_cues",
    "pick_words",
    "edit_verbs",
    "edit_verbs_after",
    "edit_to_words",
    "edit_copulas",
)
# Keys whose value maps a word to a whole number.
_NUMBER_MAPS = (
    "number_words",
    "number_words_needing_unit",
    "number_words_after_unit",
    "number_words_and_a_half",
    "number_multipliers",
    "number_teens",
    "price_amount_words",
    "ordinal_words",
)
# Every other key a language file may have, with the type of its value (lists hold words).
_OTHER_KEYS: dict[str, type] = {
    "language": str,
    "units": dict,
    "size_units": dict,
    "product_words": dict,
    "spellings": dict,
    "kind_includes": dict,
    "filler_phrases": list,
    "linker_suffixes": list,
    "letter_digits": dict,
    "letter_names": dict,
    "pinyin_initials_alike": dict,
    "pinyin_finals_alike": dict,
    "scripts": list,
}
_COMMON_KEYS: dict[str, type] = {
    "unit_levels": dict,
    "unit_sell_units": dict,
    "pieces_per_unit": dict,
    "max_quantity": int,
    "size_units": dict,
}


class LocaleError(ValueError):
    """A locale file with a key the reader does not know or a value of the wrong shape."""


def _expected_type(key: str) -> type | None:
    if key in _WORD_LISTS:
        return list
    if key in _NUMBER_MAPS:
        return dict
    return _OTHER_KEYS.get(key)


def _check_language(name: str, language: dict[str, Any], common: dict[str, Any]) -> None:
    """Refuse a language file whose keys or values the reader would silently ignore or misread."""
    for key, value in language.items():
        expected = _expected_type(key)
        if expected is None:
            raise LocaleError(f"{name}: unknown key {key!r}")
        if not isinstance(value, expected):
            raise LocaleError(f"{name}: {key!r} must be a {expected.__name__}, not {type(value).__name__}")
        if isinstance(value, list) and not all(isinstance(word, str) for word in value):
            raise LocaleError(f"{name}: {key!r} must list words")
        if (
            key == "kind_includes"
            and isinstance(value, dict)
            and not all(isinstance(ws, list) and all(isinstance(w, str) for w in ws) for ws in value.values())
        ):
            raise LocaleError(f"{name}: {key!r} must map a word to the words it includes")
        if key in _NUMBER_MAPS and isinstance(value, dict) and not all(isinstance(n, int) for n in value.values()):
            raise LocaleError(f"{name}: {key!r} must map words to whole numbers")
    for script in language.get("scripts", []):
        if script not in INDIC_SCRIPTS:
            raise LocaleError(f"{name}: script {script!r} is not one of {sorted(INDIC_SCRIPTS)}")
    for unit in language.get("units", {}):
        if unit not in common["unit_levels"]:
            raise LocaleError(f"{name}: unit {unit!r} is not one of common.json's unit_levels")
    for unit in language.get("size_units", {}):
        if unit not in common["size_units"]:
            raise LocaleError(f"{name}: size unit {unit!r} is not one of common.json's size_units")


def _check_common(common: dict[str, Any]) -> None:
    for key, expected in _COMMON_KEYS.items():
        if not isinstance(common.get(key), expected):
            raise LocaleError(f"common.json: {key!r} must be a {expected.__name__}")
    unknown = common.keys() - _COMMON_KEYS.keys()
    if unknown:
        raise LocaleError(f"common.json: unknown keys {sorted(unknown)}")


def _read_locale(directory: Path) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """`common.json` and every language file of `directory` by its name, each checked against the keys the reader
    reads."""
    common = json.loads((directory / "common.json").read_text(encoding="utf-8"))
    _check_common(common)
    languages = {}
    for path in sorted(directory.glob("*.json")):
        if path.name != "common.json":
            language = json.loads(path.read_text(encoding="utf-8"))
            _check_language(path.name, language, common)
            languages[path.stem] = language
    return common, languages


def _merged_maps(languages: list[dict[str, Any]]) -> dict[str, Any]:
    """Each number map of every language in one; the first language to name a word decides its number."""
    merged: dict[str, dict[str, int]] = {key: {} for key in _NUMBER_MAPS}
    for language in languages:
        for key in _NUMBER_MAPS:
            values = language.get(key, {})
            if key == "number_words":
                values = _linked(values, language)
            for word, value in values.items():
                merged[key].setdefault(_word(word), int(value))
    return merged


def _with_vowels_dropped(unit_words: dict[str, str], lists: dict[str, set[str]]) -> dict[str, str]:
    """Pack words also as owners type them on a keypad, one or two vowels left out (`kahn`, `krtn`, `dsna`), where
    that spelling is no other word the reader knows (Yoruba `paali` typed `paal` is no Tamil `paal`, milk)."""
    known = set(unit_words).union(*lists.values())
    found = dict(unit_words)
    for word, unit in unit_words.items():
        for typed in vowel_drops(word):
            if len(typed) >= _MIN_TYPED_UNIT and typed not in known:
                found.setdefault(typed, unit)
    return found


def _add_namings(product_words: dict[str, tuple[tuple[str, ...], ...]], word: str, meaning: str) -> None:
    """`softdrinks` is `soft drinks` in English and a list's `softdrink` in Tagalog: every language's namings of a
    word are kept, the first language's first."""
    namings = (*product_words.get(word, ()), *(tuple(_word(m).split()) for m in meaning.split("|")))
    product_words[word] = tuple(dict.fromkeys(namings))


def _merged_words(languages: list[dict[str, Any]], common: dict[str, Any]) -> dict[str, Any]:
    """Units, sizes, kinds of goods, filler phrases and every word list of every language, merged."""
    size_units = {
        name: SizeUnit(spec["dimension"], float(spec["factor"])) for name, spec in common["size_units"].items()
    }
    unit_words: dict[str, str] = {}
    size_words: dict[str, SizeUnit] = {}
    product_words: dict[str, tuple[tuple[str, ...], ...]] = {}
    spellings: dict[str, tuple[str, ...]] = {}
    kind_includes: dict[str, set[str]] = defaultdict(set)
    phrases: set[tuple[str, ...]] = set()
    lists: dict[str, set[str]] = {key: set() for key in _WORD_LISTS}
    for language in languages:
        for unit, words in language.get("units", {}).items():
            for word in _words(words):
                unit_words.setdefault(word, unit)
        for unit, words in language.get("size_units", {}).items():
            for word in _words(words):
                size_words.setdefault(word, size_units[unit])
        for word, meaning in language.get("product_words", {}).items():
            _add_namings(product_words, _word(word), meaning)
        for word, others in language.get("spellings", {}).items():
            # `coke` is `coca` where a list writes English and `可口可乐` where it writes Chinese: both are kept.
            spelt = (*spellings.get(_word(word), ()), *(_word(other) for other in others.split("|")))
            spellings[_word(word)] = tuple(dict.fromkeys(spelt))
        for word, within in language.get("kind_includes", {}).items():
            kind_includes[_word(word)].update(_words(within))
        for key, bucket in lists.items():
            bucket.update(_words(language.get(key, [])))
        for phrase in language.get("filler_phrases", []):
            phrases.add(tuple(_word(phrase).split()))
    _fold_kinds(lists)
    return {
        "linker_suffixes": frozenset(s for language in languages for s in language.get("linker_suffixes", [])),
        "letter_digits": {
            digit: letter for language in languages for digit, letter in language.get("letter_digits", {}).items()
        },
        **{
            key: {typed: said for language in languages for typed, said in language.get(key, {}).items()}
            for key in ("pinyin_initials_alike", "pinyin_finals_alike", "letter_names")
        },
        "words_typed_in": _words_typed_in(languages),
        "native_price_point_words": frozenset(
            _word(word)
            for language in languages
            for word in language.get("price_point_words", [])
            if in_indic_script(word)
        ),
        "digit_spelt_words": frozenset(
            word for language in languages if language.get("letter_digits") for word in _language_words(language)
        ),
        "unit_words": (typed := _with_vowels_dropped(unit_words, {**lists, "product_words": set(product_words)})),
        "typed_unit_words": frozenset(typed.keys() - unit_words.keys()),
        "size_words": size_words,
        "product_words": product_words,
        "spellings": spellings,
        "kind_includes": {word: frozenset(within) for word, within in kind_includes.items()},
        "filler_phrases_by_first": _by_first_word(phrases),
        **{key: frozenset(words) for key, words in lists.items()},
    }


def _fold_kinds(lists: dict[str, set[str]]) -> None:
    """A list of a kind of another list's words joins it: a no said after (`7 hapana`) is a no, and a word that takes
    an amount off (`minus`, `punguza`) is a removal word."""
    for kind, within in (("negations_after", "negations"), ("less_words", "removal_words")):
        lists[within] |= lists[kind]


def _words_typed_in(languages: list[dict[str, Any]]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for language in languages:
        sizes = {word for words in language.get("size_units", {}).values() for word in _words(words)}
        for script in language.get("scripts", []):
            found[script].update(_language_words(language) | sizes)
    return {script: frozenset(words) for script, words in found.items()}


def _language_words(language: dict[str, Any]) -> set[str]:
    """Every one word of a language file: its lists, the words its maps key and its units' and phrases' words."""
    words: set[str] = set()
    for key, value in language.items():
        if key in _WORD_LISTS or key == "filler_phrases":
            words.update(word for phrase in _words(value) for word in phrase.split())
        elif key in _NUMBER_MAPS or key in ("product_words", "kind_includes"):
            words.update(_word(word) for word in value)
        elif key == "units":
            words.update(word for unit_words in value.values() for word in _words(unit_words))
    return words


@lru_cache(maxsize=4)
def load_lexicon(directory: Path = LOCALE_DIR) -> Lexicon:
    """Merge `common.json` with every language file in `directory` (read once per directory).

    A key the reader does not know, or a value of the wrong shape, raises `LocaleError` naming the file.
    """
    common, named = _read_locale(directory)
    languages = list(named.values())
    return Lexicon(
        unit_levels=dict(common["unit_levels"]),
        unit_sell_units={k: frozenset(v) for k, v in common["unit_sell_units"].items()},
        pieces_per_unit={k: int(v) for k, v in common["pieces_per_unit"].items()},
        max_quantity=int(common["max_quantity"]),
        **_merged_words(languages, common),
        **_merged_maps(languages),
        takeback_or_chatter=_takeback_or_chatter(named),
        vocabularies=tuple((name, frozenset(_language_words(language))) for name, language in named.items()),
    )


def _takeback_or_chatter(named: dict[str, dict[str, Any]]) -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """Words one language lists to take an item back or to count and another only as a filler or joining word.

    A number said only before a unit (Hindi `do box`) is chatter only where a language joins words with it
    (Portuguese `preço do saco`): an English filler `do` stands before no pack word."""
    taking: dict[str, set[str]] = defaultdict(set)
    filling: dict[str, set[str]] = defaultdict(set)
    before_units = {
        _word(word) for language in named.values() for word in language.get("number_words_needing_unit", {})
    }
    for name, language in named.items():
        takes = set().union(*(_words(language.get(key, [])) for key in _TAKING_BACK))
        for key in ("number_words", "number_words_needing_unit"):
            takes.update(map(_word, _linked(language.get(key, {}), language)))
        fills = set().union(*(_words(language.get(key, [])) for key in _FILLING))
        fills -= before_units - _words(language.get("stop_words", []))
        for word in takes:
            taking[word].add(name)
        for word in fills - takes - _words(language.get("correction_markers", [])):
            filling[word].add(name)
    return tuple(
        (word, frozenset(taking[word]), frozenset(filling[word]))
        for word in sorted(taking.keys() & filling.keys())
        if " " not in word
    )
