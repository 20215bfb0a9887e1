"""Orders in Chinese: words apart without spaces, Chinese numerals, measure words, pinyin and its initials."""

from __future__ import annotations

import pytest

from nlu import CatalogIndex, parse_order
from tests.nlu.conftest import catalog_index

ROWS = """\
C01,岭丰 红烧牛肉面 120g×24袋,岭丰,noodles,120g,carton,24,55.00,CNY,红烧牛肉面,100,1,true
C02,岭丰 红烧牛肉面 五连包,岭丰,noodles,5×120g,pack,5,12.50,CNY,五连包,100,2,true
C03,岭丰 酸菜面 120g×24袋,岭丰,noodles,120g,carton,24,55.00,CNY,酸菜面,100,1,true
C04,泉心湾 饮用纯净水 550ml×24瓶,泉心湾,drinks,550ml,case,24,22.00,CNY,纯净水,100,1,true
C05,可口可乐 330ml×24罐,可口可乐,drinks,330ml,case,24,52.00,CNY,可乐,100,1,true
C06,可口可乐 500ml×6瓶,可口可乐,drinks,500ml,pack,6,15.00,CNY,可乐,100,1,true
C07,禾香 丝苗米 10kg,禾香,rice,10kg,bag,1,62.00,CNY,丝苗米,100,1,true
C08,禾香 丝苗米 25kg,禾香,rice,25kg,bag,1,148.00,CNY,丝苗米,100,1,true
C09,山茶湾 花生油 5L,山茶湾,oil,5L,jerrycan,1,118.00,CNY,花生油,100,1,true
"""


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return catalog_index(ROWS)


def _lines(text: str, index: CatalogIndex) -> list[tuple[str, int]]:
    return [(line.sku, line.quantity) for line in parse_order(text, index).lines]


def _asked(text: str, index: CatalogIndex) -> list[list[str]]:
    return [sorted(item.candidates) for item in parse_order(text, index).ambiguous]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("来5箱岭丰红烧牛肉面，2桶山茶湾花生油", [("C01", 5), ("C09", 2)]),
        ("纯净水 二十五箱", [("C04", 25)]),
        ("酸菜面十箱、纯净水两箱", [("C03", 10), ("C04", 2)]),
        ("再加两提可乐", [("C06", 2)]),
        ("可乐 三箱", [("C05", 3)]),
        ("丝苗米 25公斤 两袋", [("C08", 2)]),
        ("丝苗米 50斤 一袋", [("C08", 1)]),
        ("纯净水 48瓶", [("C04", 2)]),
        # The product before a colon, its amount after it.
        ("可乐：3箱", [("C05", 3)]),
        ("酸菜面: 5箱，纯净水：2箱", [("C03", 5), ("C04", 2)]),
        # What a case holds, written beside the count of cases, counts nothing.
        ("纯净水550ml*24 十箱", [("C04", 10)]),
        ("可乐5箱24罐装", [("C05", 5)]),
        # The pieces a pack's name counts (`×24罐`, `×6瓶`) say which pack.
        ("可乐 48罐", [("C05", 2)]),
        ("可乐 12瓶", [("C06", 2)]),
        ("可乐罐装 3箱", [("C05", 3)]),
        # The pack's notation copied from a price list counts nothing; between two numbers `x` counts the second.
        ("纯净水550ml*24瓶 10箱", [("C04", 10)]),
        ("纯净水550x20", [("C04", 20)]),
        # `、` numbers a list counted 1, 2, 3; `廿` is twenty.
        ("1、纯净水 2箱\n2、花生油 1桶", [("C04", 2), ("C09", 1)]),
        ("纯净水廿箱", [("C04", 20)]),
        # A pack word alone after an item is that product in that pack.
        ("可乐瓶装的2提 罐装的3箱", [("C06", 2), ("C05", 3)]),
        ("可乐，罐的3箱", [("C05", 3)]),
        ("可乐瓶装2提 哦不 罐装的", [("C05", 2)]),
        # `再来一` that the language writes as one word: one more, then the number its measure word counts.
        ("纯净水两箱 再来一箱可乐", [("C04", 2), ("C05", 1)]),
    ],
)
def test_chinese_numerals_and_measure_words_count_sell_units(index: CatalogIndex, text: str, expected: list) -> None:
    assert _lines(text, index) == expected


@pytest.mark.parametrize("text", ["quanxinwan 纯净水 3箱", "qxw 3箱", "QXW纯净水3件"])
def test_a_brand_typed_in_pinyin_or_its_initials_is_the_brand(index: CatalogIndex, text: str) -> None:
    assert _lines(text, index) == [("C04", 3)]


def test_a_product_the_catalog_does_not_sell_is_unknown_in_the_owners_words(index: CatalogIndex) -> None:
    parse = parse_order("纯净水2箱，再来3箱雪碧", index)
    assert _lines("纯净水2箱", index) == [("C04", 2)]
    assert [(item.phrase, item.quantity) for item in parse.unknown] == [("再来3箱雪碧", 3)]


def test_a_missing_size_is_asked(index: CatalogIndex) -> None:
    parse = parse_order("丝苗米两袋", index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [{"C07", "C08"}]


def test_a_size_said_in_a_correction_answers_the_question_among_sizes(index: CatalogIndex) -> None:
    parse = parse_order("丝苗米 3袋，不对，要25公斤的", index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("C08", 3)]
    assert not parse.ambiguous


def test_a_price_question_in_chinese_orders_nothing(index: CatalogIndex) -> None:
    parse = parse_order("酸菜面5箱，花生油多少钱一桶？", index)
    assert _lines("酸菜面5箱", index) == [("C03", 5)]
    assert [line.sku for line in parse.lines] == ["C03"]
    assert [item.candidates for item in parse.price_questions] == [("C09",)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("老板儿 整俩箱可乐嘛[抱拳]", [("C05", 2)]),
        ("[微笑]帅哥 搞仨箱纯净水", [("C04", 3)]),
        ("酸菜面再加5箱", [("C03", 5)]),
        ("酸菜面5箱，另外酸菜面再来2箱", [("C03", 7)]),
        ("大哥 酸菜面补货5箱 急需 下午送", [("C03", 5)]),
        # An amount said as more is more of the item before it.
        ("酸菜面 五箱 再加五箱", [("C03", 10)]),
        ("酸菜面5箱 纯净水3箱 再加2箱", [("C03", 5), ("C04", 5)]),
        # Haste, payment, the person written to and the shop: chatter around an item.
        ("酸菜面 别忘了 5箱 月结", [("C03", 5)]),
        ("小哥 方便的话 酸菜面5箱 着急 小卖部缺货", [("C03", 5)]),
        ("酸菜面5箱 纯净水5箱 纯净水下次再说", [("C03", 5)]),
        ("酸菜面 5箱 酸菜面换红烧牛肉面", [("C01", 5)]),
        # Cantonese words for giving, correcting and joining.
        ("俾我5箱酸菜面 唔该", [("C03", 5)]),
        ("老细 听日送啲酸菜面过嚟 3箱", [("C03", 3)]),
        ("纯净水5箱，唔系，8箱", [("C04", 8)]),
        ("纯净水10箱 讲错 系5箱", [("C04", 5)]),
        ("丝苗米 10kg 3袋，唔啱，要25公斤嘅", [("C08", 3)]),
        ("酸菜面 两箱 换做红烧牛肉面", [("C01", 2)]),
        ("酸菜面同红烧牛肉面各2箱", [("C03", 2), ("C01", 2)]),
    ],
)
def test_regional_words_and_wechat_emoji_are_not_products(index: CatalogIndex, text: str, expected: list) -> None:
    assert _lines(text, index) == expected


def test_another_brand_of_a_product_sold_is_unknown_not_confirmed(index: CatalogIndex) -> None:
    parse = parse_order("统一酸菜面 5箱", index)
    assert not parse.lines and not parse.ambiguous
    assert [(item.phrase, item.quantity) for item in parse.unknown] == [("统一酸菜面5箱", 5)]


def test_a_measure_said_as_the_amount_counts_the_bags_it_fills(index: CatalogIndex) -> None:
    assert _lines("花生油 10升", index) == [("C09", 2)]
    # 50kg is five 10kg bags or two 25kg ones: not a choice the reader makes.
    assert not parse_order("丝苗米 50公斤", index).lines


@pytest.mark.parametrize("text", ["可乐多少钱一箱，来3箱", "可乐一箱多少钱？要3箱"])
def test_an_amount_after_a_price_question_orders_the_product_asked_about(index: CatalogIndex, text: str) -> None:
    assert _lines(text, index) == [("C05", 3)]


def test_a_price_asked_the_sichuan_way_is_a_price_question(index: CatalogIndex) -> None:
    parse = parse_order("酸菜面5箱，花生油好多钱一桶", index)
    assert [line.sku for line in parse.lines] == ["C03"]
    assert [item.candidates for item in parse.price_questions] == [("C09",)]


def test_a_correction_replaces_the_amount(index: CatalogIndex) -> None:
    assert _lines("纯净水5箱，不对，改成8箱", index) == [("C04", 8)]


def test_a_removal_among_items_without_commas_takes_off_its_own_item(index: CatalogIndex) -> None:
    assert _lines("酸菜面5箱 纯净水2箱 纯净水算了不要", index) == [("C03", 5)]


def test_an_amount_on_condition_of_stock_orders_the_product_asked_about(index: CatalogIndex) -> None:
    assert _lines("有没有花生油，有的话来3桶", index) == [("C09", 3)]


@pytest.mark.parametrize("text", ["酸菜面5箱，哦不，红烧牛肉面3箱", "酸菜面5箱 不对 红烧牛肉面3箱"])
def test_another_product_with_its_amount_after_a_correction_takes_the_lines_place(
    index: CatalogIndex, text: str
) -> None:
    assert _lines(text, index) == [("C01", 3)]


def test_one_catalogs_words_never_reach_another_catalogs_reader(index: CatalogIndex) -> None:
    row = "D01,岭丰米业 长粒香 5kg,岭丰米业,rice,5kg,bag,1,30.00,CNY,长粒香,9,1,true"
    other = catalog_index(row + "\n")
    assert other.chinese is not None and index.chinese is not None
    assert "岭丰米业" in other.chinese.spaced("岭丰米业 2袋").split()
    assert "岭丰米业" not in index.chinese.spaced("岭丰米业 2袋").split()
    assert _lines("lingfengmiye 2袋", other) == [("D01", 2)]
    assert _lines("岭丰红烧牛肉面 1箱", index) == [("C01", 1)]


def test_a_catalog_without_chinese_has_no_chinese_reader(invented_index: CatalogIndex) -> None:
    assert invented_index.chinese is None


def test_asking_whether_a_product_is_there_names_the_one_not_sold(index: CatalogIndex) -> None:
    parse = parse_order("有冰红茶吗？", index)
    assert not parse.lines
    assert [item.phrase for item in parse.unknown] == ["有冰红茶"]


def test_a_price_asked_in_passing_is_answered_not_ordered(index: CatalogIndex) -> None:
    parse = parse_order("来5箱酸菜面，顺便问下花生油多少钱", index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("C03", 5)]
    assert [item.candidates for item in parse.price_questions] == [("C09",)]


def test_a_one_character_kind_of_goods_is_read_as_that_kind(index: CatalogIndex) -> None:
    parse = parse_order("米 两袋", index)
    assert [set(item.candidates) for item in parse.ambiguous] == [{"C07", "C08"}]
    assert [(item.phrase, item.quantity) for item in parse_order("来5箱糖", index).unknown] == [("5箱糖", 5)]


@pytest.mark.parametrize("text", ["酸菜面两三箱", "酸菜面 五六箱", "来三四箱酸菜面"])
def test_two_numerals_one_apart_are_a_range_the_owner_is_asked_about(index: CatalogIndex, text: str) -> None:
    parse = parse_order(text, index)
    assert parse.lines == ()
    assert [(item.candidates, item.quantity, item.reason) for item in parse.ambiguous] == [(("C03",), 0, "quantity")]


@pytest.mark.parametrize(
    "text",
    [
        "酸菜面不是3箱是5箱",
        "酸菜面3箱，不是3箱是5箱",
        "酸菜面3箱，不是，5箱",
        "酸菜面 是5箱 不是3箱",
        "酸菜面5箱 唔系3箱",
        "酸菜面3箱，不要3箱 要5箱",
        "酸菜面3箱，唔要3箱，要5箱",
    ],
)
def test_the_amount_after_bushi_is_taken_back(index: CatalogIndex, text: str) -> None:
    assert _lines(text, index) == [("C03", 5)]


@pytest.mark.parametrize("text", ["可乐 纯净水 各5箱", "可乐纯净水各5箱", "可乐，纯净水各5箱"])
def test_ge_gives_its_amount_to_every_product_listed_before_it(index: CatalogIndex, text: str) -> None:
    assert sorted(_lines(text, index)) == [("C04", 5), ("C05", 5)]


@pytest.mark.parametrize("text", ["酸菜面纯净水各来五", "酸菜面 纯净水 各5"])
def test_ge_gives_a_number_without_a_unit_to_every_product_listed_before_it(index: CatalogIndex, text: str) -> None:
    assert sorted(_lines(text, index)) == [("C03", 5), ("C04", 5)]


def test_ge_gives_its_amount_to_each_size_listed_before_it(index: CatalogIndex) -> None:
    assert _lines("可口可乐330和500各3箱", index) == [("C05", 3), ("C06", 3)]


@pytest.mark.parametrize(
    "text", ["酸菜面5箱 老地方", "酸菜面5箱 送老地方", "酸菜面5箱\n地址：城南路12号", "地址：城南路12号\n酸菜面5箱"]
)
def test_where_to_deliver_is_never_an_item(index: CatalogIndex, text: str) -> None:
    parse = parse_order(text, index)
    assert (_lines(text, index), parse.unknown) == ([("C03", 5)], ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("山查湾 2桶", [("C09", 2)]),
        ("全心湾 3箱", [("C04", 3)]),
        # Beside words that name a product, the word typed for the sound says which one, never asked to confirm.
        ("岭风红烧牛肉面 5箱", [("C01", 5)]),
        ("禾乡丝苗米 25公斤 2袋", [("C08", 2)]),
    ],
)
def test_a_brand_typed_in_characters_that_sound_the_same_is_the_brand(
    index: CatalogIndex, text: str, expected: list
) -> None:
    assert _lines(text, index) == expected


def test_a_character_left_alone_beside_an_item_is_not_part_of_its_name() -> None:
    rows = "S1,老火锅底料 400g×30袋,红油,condiments,400g,carton,30,60.00,CNY,火锅底料,100,1,true\n" + ROWS
    index = catalog_index(rows)
    assert "老" in index.postings
    assert _lines("可乐3箱 老", index) == [("C05", 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Words the catalog does not know before the first amount: each amount comes before its product.
        ("老铁 来5箱酸菜面 2箱纯净水", [("C03", 5), ("C04", 2)]),
        # Words of the language that name no thing (`赶紧`, `顺便`) leave a product named for sure.
        ("赶紧的 纯净水3箱", [("C04", 3)]),
    ],
)
def test_chatter_around_amounts_and_products_is_not_part_of_an_item(
    index: CatalogIndex, text: str, expected: list
) -> None:
    parse = parse_order(text, index)
    assert (_lines(text, index), parse.ambiguous, parse.unknown) == (expected, (), ())


def test_a_price_asked_after_an_item_without_a_comma_is_a_question_of_its_own(index: CatalogIndex) -> None:
    parse = parse_order("酸菜面5箱 顺便问下花生油啥价", index)
    assert _lines("酸菜面5箱 顺便问下花生油啥价", index) == [("C03", 5)]
    assert [question.candidates for question in parse.price_questions] == [("C09",)]


def test_a_brand_alone_after_an_item_keeps_that_items_product() -> None:
    rows = "M1,禾田 纯牛奶 250ml×24盒,禾田,dairy,250ml,carton,24,62.00,CNY,,100,1,true\n"
    rows += "M2,牧云 纯牛奶 250ml×16盒,牧云,dairy,250ml,carton,16,46.00,CNY,,100,1,true\n"
    rows += "M3,牧云 特浓 250ml×12盒,牧云,dairy,250ml,carton,12,60.00,CNY,特浓,100,1,true\n"
    assert _lines("纯牛奶禾田的5箱 牧云的3箱", catalog_index(rows)) == [("M1", 5), ("M2", 3)]


def test_a_brand_of_two_words_is_known_by_their_first_characters() -> None:
    rows = "B1,松江啤酒 冰爽 500ml*12听,松江啤酒,beer,500ml,case,12,45.00,CNY,冰爽,100,1,true\n"
    rows += "B2,雪岭 纯生 500ml*12听,雪岭,beer,500ml,case,12,58.00,CNY,纯生,100,1,true\n"
    index = catalog_index(rows)
    assert _lines("松啤冰爽 5箱", index) == [("B1", 5)]
    assert _lines("songpi bingshuang 2箱", index) == [("B1", 2)]


def test_a_brand_written_in_numerals_is_the_brand_not_an_amount() -> None:
    rows = "Y1,丰禾 大豆油 5L×4桶,丰禾,oil,5L,carton,4,240.00,CNY,,100,1,true\n"
    rows += "Y2,九三 大豆油 5L,九三,oil,5L,jerrycan,1,58.00,CNY,,100,1,true\n"
    index = catalog_index(rows)
    assert _lines("九三 3桶", index) == [("Y2", 3)]
    assert parse_order("九三豆油", index).ambiguous == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("冰茶瓶装 5箱", [("P1", 5)]),
        ("冰茶罐装 5箱", [("P2", 5)]),
        ("冰茶 听装 2箱", [("P2", 2)]),
        ("冰茶罐装多少钱？要3箱", [("P2", 3)]),
    ],
)
def test_a_measure_word_packed_names_what_the_pack_holds(text: str, expected: list) -> None:
    rows = "P1,岭泉 冰茶 500ml*15瓶,岭泉,drinks,500ml,case,15,45.00,CNY,冰茶,100,1,true\n"
    rows += "P2,岭泉 冰茶 310ml*24罐,岭泉,drinks,310ml,case,24,60.00,CNY,冰茶罐装,100,1,true\n"
    assert _lines(text, catalog_index(rows)) == expected


@pytest.mark.parametrize(("text", "expected"), [("紅燒牛肉麵 5箱", [("C01", 5)]), ("山茶灣花生油 2桶", [("C09", 2)])])
def test_traditional_characters_read_as_the_simplified_ones(index: CatalogIndex, text: str, expected: list) -> None:
    assert _lines(text, index) == expected


def test_characters_that_each_name_nothing_typed_for_a_brands_sound_are_the_brand() -> None:
    rows = "H1,好丽友 巧克力派 6枚*16盒,好丽友,snacks,204g,carton,16,160.00,CNY,好丽友派,100,1,true\n" + ROWS
    assert _lines("好丽有派 2箱", catalog_index(rows)) == [("H1", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("丝苗米 大袋 2袋", [("C08", 2)]),
        ("丝苗米 小袋的 3袋", [("C07", 3)]),
        # The base product's word where the catalog writes none, and a distributor's `规格` (spec), name no other.
        ("花生油 原味 2桶", [("C09", 2)]),
        ("酸菜面 规格120g*24 3箱", [("C03", 3)]),
        # `6瓶装` says what the pack holds; the amount is the packs counted after it.
        ("可乐 6瓶装 3提", [("C06", 3)]),
    ],
)
def test_the_bigger_or_smaller_pack_and_words_that_name_no_other_product(
    index: CatalogIndex, text: str, expected: list
) -> None:
    assert _lines(text, index) == expected


def test_a_kind_said_in_one_character_is_that_kind_not_a_piece_of_another_name() -> None:
    rows = "S2,老岭 风味豆豉油制辣椒 280g×12瓶,老岭,seasoning,280g,case,12,118.00,CNY,豆豉,100,1,true\n" + ROWS
    index = catalog_index(rows)
    assert "油" in index.postings
    assert _lines("油 2桶", index) == [("C09", 2)]


def test_rolls_counted_fill_the_packs_of_rolls() -> None:
    rows = "R1,柔云 卷纸 4层*10卷,柔云,household,10卷,pack,10,24.00,CNY,卷纸|卫生纸,100,1,true\n" + ROWS
    assert _lines("卫生纸 30卷", catalog_index(rows)) == [("R1", 3)]


def test_a_price_asked_after_two_uncounted_items_asks_about_both(index: CatalogIndex) -> None:
    parse = parse_order("酸菜面和花生油多少钱", index)
    assert parse.asks_prices and sorted(line.sku for line in parse.lines) == ["C03", "C09"]


@pytest.mark.parametrize("text", ["酸菜面3箱 纯净水不要", "酸菜面3箱 纯净水唔要", "酸菜面3箱 可乐5箱 可乐唔要啦"])
def test_a_product_taken_off_after_a_counted_one_leaves_that_one_ordered(index: CatalogIndex, text: str) -> None:
    assert _lines(text, index) == [("C03", 3)]


def test_a_price_asked_in_cantonese_or_as_a_trade_price_orders_nothing(index: CatalogIndex) -> None:
    asked = ["花生油而家几多钱一桶", "花生油咩价", "花生油点卖", "花生油批发价多少", "花生油怎么批", "花生油涨价了吗"]
    for text in asked:
        parse = parse_order(text, index)
        assert parse.asks_prices and [line.sku for line in parse.lines] == ["C09"], text
    assert _lines("有冇花生油", index) == _lines("有没有花生油", index) == [("C09", 1)]


def test_a_word_for_the_kind_beside_a_product_not_named_with_it_is_no_other_product() -> None:
    rows = (
        "M1,牧原 特选 250ml*12盒,牧原,dairy,250ml,carton,12,60.00,CNY,特选,100,1,true\n"
        "M2,牧原 纯牛奶 250ml*16盒,牧原,dairy,250ml,carton,16,46.00,CNY,,100,1,true\n"
        "M3,鲜厨 鸡精 200g*50袋,鲜厨,seasoning,200g,carton,50,300.00,CNY,鸡精,100,1,true\n" + ROWS
    )
    index = catalog_index(rows)
    assert _lines("特选牛奶 2箱", index) == [("M1", 2)]
    assert _lines("鲜厨鸡精调料 1箱", index) == [("M3", 1)]


def test_a_character_alone_that_ends_catalog_words_asks_among_their_products() -> None:
    rows = (
        "W1,山泉 天然水 550ml*24瓶,山泉,drinks,550ml,case,24,30.00,CNY,,100,1,true\n"
        "W2,响水 石板大米 10kg,响水,rice,10kg,bag,1,88.00,CNY,,100,1,true\n" + ROWS
    )
    parse = parse_order("水 10箱", catalog_index(rows))
    assert parse.lines == ()
    assert [(sorted(item.candidates), item.quantity) for item in parse.ambiguous] == [(["C04", "W1"], 10)]


@pytest.mark.parametrize("text", ["可乐 5箱 打错了 要纯净水", "可乐 5箱，不对，纯净水"])
def test_a_product_named_after_a_correction_takes_the_place_of_the_question_and_its_amount(
    index: CatalogIndex, text: str
) -> None:
    parse = parse_order(text, index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("C04", 5)] and parse.ambiguous == ()


def test_a_word_cut_short_that_begins_one_catalog_word_is_that_word() -> None:
    rows = "T1,泉心湾 冰红茶 500ml*15瓶,泉心湾,drinks,500ml,case,15,45.00,CNY,,100,1,true\n" + ROWS
    assert _lines("泉心湾冰红 5箱", catalog_index(rows)) == [("T1", 5)]


def test_a_word_for_a_kind_said_alone_asks_among_the_whole_kind_not_only_the_names_that_write_it() -> None:
    rows = (
        "B1,北岭啤酒 冰爽 500ml*12听,北岭啤酒,beer,500ml,case,12,45.00,CNY,,100,1,true\n"
        "B2,雪山 勇闯 500ml*12听,雪山,beer,500ml,case,12,48.00,CNY,,100,1,true\n" + ROWS
    )
    parse = parse_order("啤酒 10箱", catalog_index(rows))
    assert [(sorted(item.candidates), item.quantity) for item in parse.ambiguous] == [(["B1", "B2"], 10)]


@pytest.mark.parametrize(("before", "after"), [("", "/箱"), ("【整箱】", "")])
def test_a_name_s_word_for_its_sell_unit_is_no_word_of_the_product(before: str, after: str) -> None:
    rows = (
        f"T1,{before}泉心湾 冰红茶 500ml*15瓶{after},泉心湾,drinks,500ml,case,15,42.00,CNY,冰红茶,100,1,true\n"
        f"T2,{before}泉心湾 冰红茶 1L*12瓶{after},泉心湾,drinks,1L,case,12,48.00,CNY,大冰红茶,100,1,true\n"
        f"T3,{before}北岭 冰红茶 500ml*15瓶{after},北岭,drinks,500ml,case,15,40.00,CNY,冰红茶,100,1,true\n"
        f"T4,{before}山泉 杏皮水 310ml*20罐{after},山泉,drinks,310ml,case,20,60.00,CNY,杏皮水|杏皮茶,100,1,true\n"
    )
    parse = parse_order("冰红茶 5箱", catalog_index(rows))
    assert [(sorted(item.candidates), item.quantity) for item in parse.ambiguous] == [(["T1", "T2", "T3"], 5)]


@pytest.mark.parametrize("text", ["下午三点前送到 纯净水 十箱", "明天送到 纯净水10箱"])
def test_a_time_of_day_and_a_place_cue_before_the_order_leave_it_an_order(index: CatalogIndex, text: str) -> None:
    assert _lines(text, index) == [("C04", 10)]


@pytest.mark.parametrize(("text", "sku"), [("矿泉水 二十箱", "S1"), ("大桶水 2箱", "S2"), ("大可乐 4件", "K2")])
def test_a_size_the_catalog_names_apart_is_the_one_its_own_alias_names(text: str, sku: str) -> None:
    rows = (
        "S1,山泉 饮用天然水 550ml*24瓶/箱,山泉,drinks,550ml,case,24,30.00,CNY,山泉水|矿泉水,100,1,true\n"
        "S2,山泉 饮用天然水 4L*6桶/箱,山泉,drinks,4L,case,6,36.00,CNY,大桶水,100,1,true\n"
        "K1,可口可乐 330ml*24罐/箱,可口可乐,drinks,330ml,case,24,52.00,CNY,可乐罐装,100,1,true\n"
        "K2,可口可乐 2L*6瓶/箱,可口可乐,drinks,2L,case,6,40.00,CNY,大可乐,100,1,true\n"
    )
    assert [line.sku for line in parse_order(text, catalog_index(rows)).lines] == [sku]


@pytest.mark.parametrize(
    ("text", "line"), [("hs干啤 20件", ("H1", 20)), ("汉斯纯奶 3箱", ("H2", 3)), ("hs纯奶 3箱", ("H2", 3))]
)
def test_a_brand_spelt_by_its_initials_and_a_word_written_short_agree_with_the_product(text: str, line: tuple) -> None:
    rows = (
        "H1,汉斯 干啤 500ml*12罐/箱,汉斯,beer,500ml,case,12,42.00,CNY,汉斯干啤|干啤,100,1,true\n"
        "H2,汉斯 纯牛奶 枕包 180g*16袋/箱,汉斯,dairy,180g,carton,16,36.00,CNY,,100,1,true\n"
        "H3,汉斯 酸奶 205g*12盒/箱,汉斯,dairy,205g,carton,12,60.00,CNY,,100,1,true\n"
        "H4,北岭 纯牛奶 250ml*24盒/箱,北岭,dairy,250ml,carton,24,62.00,CNY,,100,1,true\n"
    )
    parse = parse_order(text, catalog_index(rows))
    assert [(found.sku, found.quantity) for found in parse.lines] == [line]
    assert parse.ambiguous == ()


@pytest.mark.parametrize("text", ["纯净水 3 花生油 5", "纯净水3 花生油5"])
def test_a_whole_number_after_each_product_is_its_count_where_no_unit_counts(index: CatalogIndex, text: str) -> None:
    assert _lines(text, index) == [("C04", 3), ("C09", 5)]


@pytest.mark.parametrize("text", ["可乐罐装*3", "可乐 罐装 x3"])
def test_a_packed_measure_word_names_the_pack_beside_an_amount_without_a_unit(index: CatalogIndex, text: str) -> None:
    assert _lines(text, index) == [("C05", 3)]


def test_a_brand_said_alone_means_the_products_whose_name_writes_it() -> None:
    rows = (
        "W1,山泉 饮用天然水 550ml*24瓶,山泉,drinks,550ml,case,24,30.00,CNY,,100,1,true\n"
        "W2,山泉 饮用天然水 1.5L*12瓶,山泉,drinks,1.5L,case,12,32.00,CNY,,100,1,true\n"
        "W3,东方叶 茉莉花茶 500ml*15瓶,山泉,drinks,500ml,case,15,60.00,CNY,,100,1,true\n"
    )
    parse = parse_order("山泉 20箱", catalog_index(rows))
    assert [(sorted(item.candidates), item.quantity) for item in parse.ambiguous] == [(["W1", "W2"], 20)]


def test_a_pack_word_said_before_each_still_says_which_pack() -> None:
    rows = (
        "K1,可口可乐 330ml*24罐,可口可乐,drinks,330ml,case,24,52.00,CNY,,100,1,true\n"
        "K2,可口可乐 500ml*24瓶,可口可乐,drinks,500ml,case,24,58.00,CNY,,100,1,true\n"
        "K3,雪碧 330ml*24罐,雪碧,drinks,330ml,case,24,52.00,CNY,,100,1,true\n"
    )
    assert _lines("可口可乐罐装 雪碧 各5箱", catalog_index(rows)) == [("K1", 5), ("K3", 5)]


def test_the_one_flavour_whose_name_writes_the_base_word_is_the_base_product() -> None:
    rows = (
        "Y1,光明 莫斯利安 原味酸奶 200g*12盒,光明,dairy,200g,carton,12,62.00,CNY,莫斯利安,100,1,true\n"
        "Y2,光明 莫斯利安 香草味 200g*12盒,光明,dairy,200g,carton,12,64.00,CNY,,100,1,true\n"
    )
    assert _lines("莫斯利安 3箱", catalog_index(rows)) == [("Y1", 3)]


@pytest.mark.parametrize(("text", "quantity"), [("十三香10条", 10), ("十条十三香", 10), ("十三香 20盒", 2)])
def test_a_strip_of_boxes_is_counted_in_strips(text: str, quantity: int) -> None:
    rows = "X1,豫香 十三香 45g*10盒/条,豫香,seasoning,45g,pack,10,36.00,CNY,十三香,100,1,true\n"
    assert _lines(text, catalog_index(rows)) == [("X1", quantity)]


@pytest.mark.parametrize("text", ["生抽老抽各两箱，蚝油一箱", "蚝油1箱 生抽 老抽 各2箱", "生抽、老抽各2箱 蚝油1箱"])
def test_an_amount_for_each_counts_the_items_said_with_it_beside_an_item_counted_apart(text: str) -> None:
    rows = (
        "S1,鲜味坊 生抽 500ml*12瓶/箱,鲜味坊,seasoning,500ml,carton,12,66.00,CNY,生抽,100,1,true\n"
        "S2,鲜味坊 老抽 500ml*12瓶/箱,鲜味坊,seasoning,500ml,carton,12,70.00,CNY,老抽,100,1,true\n"
        "S3,鲜味坊 蚝油 715g*12瓶/箱,鲜味坊,seasoning,715g,carton,12,84.00,CNY,蚝油,100,1,true\n"
    )
    assert sorted(_lines(text, catalog_index(rows))) == [("S1", 2), ("S2", 2), ("S3", 1)]


@pytest.mark.parametrize(("text", "asked"), [("白酒2箱", ["L1", "L2"]), ("糖 两箱", ["T1", "T2"])])
def test_a_word_for_liquor_or_sugar_asks_among_the_kind_where_no_name_writes_it(text: str, asked: list) -> None:
    rows = (
        "L1,豫河 粮液 42度 500ml*6瓶/箱,豫河,spirits,500ml,case,6,228.00,CNY,,100,1,true\n"
        "L2,北岭 二锅头 56度 500ml*12瓶/箱,北岭,spirits,500ml,case,12,180.00,CNY,二锅头,100,1,true\n"
        "T1,甜田 绵白糖 400g*30袋/箱,甜田,sugar,400g,carton,30,102.00,CNY,白糖,100,1,true\n"
        "T2,甜田 单晶冰糖 454g*24袋/箱,甜田,sugar,454g,carton,24,186.00,CNY,冰糖,100,1,true\n"
        "B1,北岭 清爽啤酒 500ml*12罐/箱,北岭,beer,500ml,case,12,46.00,CNY,,100,1,true\n"
    )
    parse = parse_order(text, catalog_index(rows))
    assert not parse.lines
    assert [(sorted(item.candidates), item.quantity) for item in parse.ambiguous] == [(asked, 2)]


def test_a_word_for_a_kind_of_goods_that_only_begins_a_product_s_name_is_not_that_product() -> None:
    rows = (
        "N1,麦香 鸡蛋挂面 1kg*10包/箱,麦香,noodles,1kg,carton,10,58.00,CNY,鸡蛋挂面,100,1,true\n"
        "N2,麦香 红烧牛肉面 103g*24袋/箱,麦香,noodles,103g,carton,24,52.00,CNY,,100,1,true\n"
        "H1,豫肉 泡面搭档 火腿肠 40g*60支/箱,豫肉,snacks,40g,carton,60,70.00,CNY,泡面搭档,100,1,true\n"
    )
    index = catalog_index(rows)
    eggs = parse_order("鸡蛋3箱", index)
    assert not eggs.lines
    assert [(item.phrase, item.quantity) for item in eggs.unknown] == [("鸡蛋3箱", 3)]
    noodles = parse_order("泡面十箱", index)
    assert not noodles.lines
    assert [(sorted(item.candidates), item.quantity) for item in noodles.ambiguous] == [(["N1", "N2"], 10)]
    assert _lines("鸡蛋挂面2箱 泡面搭档1箱", index) == [("N1", 2), ("H1", 1)]


@pytest.mark.parametrize(("text", "line"), [("调和油3桶 改成两箱", ("O1", 2)), ("调和油2箱 不对 3桶", ("O2", 3))])
def test_an_amount_corrected_to_another_pack_orders_the_product_in_that_pack(text: str, line: tuple) -> None:
    rows = (
        "O1,金穗 调和油 5L*4桶/箱,金穗,oil,5L,carton,4,228.00,CNY,调和油,100,1,true\n"
        "O2,金穗 调和油 5L/桶,金穗,oil,5L,jerrycan,1,58.00,CNY,调和油,100,1,true\n"
    )
    assert _lines(text, catalog_index(rows)) == [line]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("纯净水有现货没", [("C04", 1)]),
        ("纯净水有没有货", [("C04", 1)]),
        ("酸菜面5箱 纯净水3箱 纯净水不用了", [("C03", 5)]),
        ("酸菜面5箱 纯净水3箱 纯净水别送了", [("C03", 5)]),
        # Minnan words: `有无`, `敢有` is there any; `免了` no need; `偌济钱`, `几箍` how much.
        ("纯净水有无", [("C04", 1)]),
        ("敢有纯净水", [("C04", 1)]),
        ("酸菜面5箱 纯净水3箱 纯净水免了", [("C03", 5)]),
        ("纯净水偌济钱", [("C04", 1)]),
        ("纯净水几箍一箱", [("C04", 1)]),
    ],
)
def test_stock_asked_and_an_item_taken_back_in_everyday_words(index: CatalogIndex, text: str, expected: list) -> None:
    assert _lines(text, index) == expected


def test_a_no_that_ends_a_question_whether_there_is_any_takes_nothing_back(index: CatalogIndex) -> None:
    assert _lines("纯净水有不", index) == [("C04", 1)]
    asked = parse_order("恁家有芬达不", index)
    assert not asked.lines
    assert [item.phrase for item in asked.unknown] == ["有芬达不"]


def test_a_name_that_begins_with_a_particle_is_its_own_item_not_more_of_the_line_before(index: CatalogIndex) -> None:
    # `哈` ends many a phrase (`来5箱哈`), but `哈啤` is a beer this catalog does not sell: asked about, never five more
    # of the water before it, and never dropped when it stands alone.
    more = parse_order("纯净水10箱 再来5箱哈啤", index)
    assert [(line.sku, line.quantity) for line in more.lines] == [("C04", 10)]
    assert [item.phrase for item in more.unknown] == ["再来5箱哈啤"]
    assert [item.phrase for item in parse_order("哈啤5箱", index).unknown] == ["哈啤5箱"]
    assert _lines("纯净水5箱哈", index) == [("C04", 5)]


# A brand whose name heads several products, one whose name heads one product and another line, waters, teas,
# names with a numeral and a nickname for one size.
KINDS = """\
W1,旺旺 仙贝 52g*24包/箱,旺旺,biscuits,52g,carton,24,62.00,CNY,仙贝,100,1,true
W2,旺旺 雪饼 84g*24包/箱,旺旺,biscuits,84g,carton,24,66.00,CNY,雪饼,100,1,true
W3,旺仔 牛奶 245ml*24罐/箱,旺旺,milk drinks,245ml,case,24,98.00,CNY,旺仔牛奶,100,1,true
N1,农夫山泉 饮用天然水 550ml*24瓶/箱,农夫山泉,water,550ml,case,24,36.00,CNY,,100,1,true
N2,农夫山泉 饮用天然水 4L*6桶/箱,农夫山泉,water,4L,case,6,42.00,CNY,,100,1,true
N3,东方树叶 茉莉花茶 500ml*15瓶/箱,农夫山泉,tea drinks,500ml,case,15,60.00,CNY,东方树叶,100,1,true
S1,怡宝 纯净水 555ml*24瓶/箱,怡宝,water,555ml,case,24,34.00,CNY,,100,1,true
T1,八马 安溪铁观音 250g/罐,八马,tea,250g,tin,1,128.00,CNY,铁观音,100,1,true
T2,八马 武夷岩茶 大红袍 250g/罐,八马,tea,250g,tin,1,168.00,CNY,大红袍,100,1,true
X1,王守义 十三香 45g*10盒/条,王守义,seasoning,45g,pack,10,38.00,CNY,十三香,100,1,true
X2,养元 六个核桃 240ml*20罐/箱,养元,milk drinks,240ml,case,20,76.00,CNY,六个核桃,100,1,true
K1,可口可乐 330ml*24罐/箱,可口可乐,soft drinks,330ml,case,24,52.00,CNY,可乐,100,1,true
K2,可口可乐 2L*6瓶/箱,可口可乐,soft drinks,2L,case,6,45.00,CNY,可乐|大可乐,100,1,true
"""


@pytest.fixture(scope="module")
def kinds_index() -> CatalogIndex:
    return catalog_index(KINDS)


def test_a_brand_whose_name_heads_several_products_asks_among_all_its_lines(kinds_index: CatalogIndex) -> None:
    # `旺旺` writes two snacks' names; its milk is named `旺仔`: the brand alone is any of the three. A brand whose
    # name writes one product (the water of `农夫山泉`) is still that product, not the tea it also makes.
    assert _asked("旺旺 5箱", kinds_index) == [["W1", "W2", "W3"]]
    assert _asked("农夫山泉 5箱", kinds_index) == [["N1", "N2"]]


def test_mineral_water_and_tea_leaves_ask_among_their_kind(kinds_index: CatalogIndex) -> None:
    # `矿泉水` is any bottled water where the catalog files them under water, not the one purified water whose name
    # writes `纯净水`; `茶叶` is tea leaves.
    assert _asked("矿泉水 10箱", kinds_index) == [["N1", "N2", "S1"]]
    assert _asked("茶叶 3罐", kinds_index) == [["T1", "T2"]]


def test_a_correction_that_is_another_size_of_the_product_keeps_the_amount(index: CatalogIndex) -> None:
    # The size was said as a bare number (`可乐330`), so `要500的` is the 500 ml cola, still three; `不对 5` is five.
    assert _lines("可乐330 3箱 不对 要500的", index) == [("C06", 3)]
    assert _lines("可乐330 3箱 不对 5", index) == [("C05", 5)]


def test_soy_sauce_asks_among_the_light_and_dark_ones_whose_names_do_not_write_it() -> None:
    # `酱油` is 生抽 and 老抽 too; a catalog that gives `矿泉水` as one water's alias keeps that meaning.
    rows = (
        "J1,海天 金标生抽 500ml*12瓶/箱,海天,seasoning,500ml,carton,12,60.00,CNY,,100,1,true\n"
        "J2,海天 草菇老抽 500ml*12瓶/箱,海天,seasoning,500ml,carton,12,62.00,CNY,,100,1,true\n"
        "J3,海天 味极鲜酱油 760ml*12瓶/箱,海天,seasoning,760ml,carton,12,90.00,CNY,,100,1,true\n"
        "S1,娃哈哈 纯净水 596ml*24瓶,娃哈哈,drinks,596ml,case,24,24.00,CNY,,100,1,true\n"
        "S2,农夫山泉 饮用天然水 550ml*24瓶,农夫山泉,drinks,550ml,case,24,30.00,CNY,矿泉水,100,1,true\n"
    )
    index = catalog_index(rows)
    assert _asked("酱油 3箱", index) == [["J1", "J2", "J3"]]
    assert _lines("海天酱油 老抽 2箱", index) == [("J2", 2)]
    assert _lines("矿泉水 10箱", index) == [("S2", 10)]


def test_a_word_for_a_kind_asks_among_the_kinds_within_it_and_no_other() -> None:
    # `水` is the bottled waters, not the soda (`汽水`) whose name also ends in it; `黄酒` is also Shanghai's `老酒`.
    rows = (
        "W1,娃哈哈 纯净水 596ml*24瓶,娃哈哈,drinks,596ml,case,24,24.00,CNY,,100,1,true\n"
        "W2,农夫山泉 饮用天然水 550ml*24瓶,农夫山泉,drinks,550ml,case,24,30.00,CNY,,100,1,true\n"
        "W3,大窑 橙味汽水 520ml*12瓶,大窑,drinks,520ml,case,12,40.00,CNY,,100,1,true\n"
        "H1,古越龙山 五年陈 黄酒 500ml*12瓶,古越龙山,spirits,500ml,case,12,150.00,CNY,,100,1,true\n"
        "H2,石库门 上海老酒 红标 500ml*12瓶,石库门,spirits,500ml,case,12,168.00,CNY,,100,1,true\n"
    )
    index = catalog_index(rows)
    assert _asked("水 10箱", index) == [["W1", "W2"]]
    assert _asked("黄酒 5箱", index) == [["H1", "H2"]]


def test_a_product_sold_in_bags_and_in_cups_asks_which_though_another_brand_sells_only_cups() -> None:
    # `桶` is the pack the cup noodles come in, not a type of noodles of their own that must be said to be meant.
    rows = (
        "N1,岭丰 红烧牛肉面 袋装 105g×24袋,岭丰,noodles,105g,carton,24,52.00,CNY,,100,1,true\n"
        "N2,岭丰 红烧牛肉面 桶装 110g×12桶,岭丰,noodles,110g,carton,12,48.00,CNY,,100,1,true\n"
        "N3,岭丰 酸菜牛肉面 袋装 114g×24袋,岭丰,noodles,114g,carton,24,52.00,CNY,,100,1,true\n"
        "N4,白家 酸辣粉 桶装 105g×12桶,白家,noodles,105g,carton,12,66.00,CNY,,100,1,true\n"
        "N5,光友 酸辣粉 袋装 100g×30袋,光友,noodles,100g,carton,30,75.00,CNY,,100,1,true\n"
    )
    index = catalog_index(rows)
    assert _asked("岭丰红烧牛肉面 5箱", index) == [["N1", "N2"]]
    assert _lines("岭丰红烧牛肉面 桶装 5箱", index) == [("N2", 5)]


def test_a_brand_typed_with_one_character_wrong_is_that_brand_where_the_other_words_name_its_product() -> None:
    # `岭北丰` is `岭南丰` mistyped: the iced tea is theirs, not the other brand's; laughter (`哈哈哈`) is no `娃哈哈`.
    rows = (
        "T1,岭南丰 冰红茶 500ml×15瓶,岭南丰,drinks,500ml,case,15,40.00,CNY,,100,1,true\n"
        "T2,统一 冰红茶 500ml×15瓶,统一,drinks,500ml,case,15,39.00,CNY,,100,1,true\n"
        "T3,娃哈哈 纯净水 596ml×24瓶,娃哈哈,drinks,596ml,case,24,24.00,CNY,,100,1,true\n"
    )
    index = catalog_index(rows)
    assert _lines("岭北丰冰红茶 5箱", index) == [("T1", 5)]
    assert _lines("哈哈哈 5箱", index) == []


def test_beijing_and_tianjin_words_for_how_much_and_this_week_are_read(index: CatalogIndex) -> None:
    # `多儿钱` is how much in Beijing; `介个礼拜` is Tianjin's this week, no product.
    parse = parse_order("酸菜面多儿钱", index)
    assert parse.asks_prices and _lines("酸菜面多儿钱", index) == [("C03", 1)]
    assert _lines("介个礼拜先来 酸菜面5箱", index) == [("C03", 5)]


def test_a_category_that_joins_two_kinds_gives_each_word_its_own_kind() -> None:
    # `调味品-鸡精味精` files chicken essence beside MSG: `鸡精` is the one, `味精` the other.
    rows = (
        "K1,太太乐 鸡精 200g*40袋/件,太太乐,调味品-鸡精味精,200g,bale,40,320.00,CNY,,30,1,true\n"
        "K2,莲花 味精 400g*25袋/件,莲花,调味品-鸡精味精,400g,bale,25,150.00,CNY,,50,1,true\n"
        "K3,中盐 加碘精制盐 400g*40袋/件,中盐,调味品-盐,400g,bale,40,60.00,CNY,,100,1,true\n"
    )
    index = catalog_index(rows)
    assert _lines("鸡精 1件", index) == [("K1", 1)]
    assert _lines("味精 2件", index) == [("K2", 2)]


def test_a_name_with_a_numeral_is_read_when_its_numeral_is_typed_in_digits(kinds_index: CatalogIndex) -> None:
    # `13香` is `十三香`, `6个核桃` is `六个核桃`.
    assert _lines("13香 10条", kinds_index) == [("X1", 10)]
    assert _lines("6个核桃 3箱", kinds_index) == [("X2", 3)]


def test_a_nickname_of_one_size_built_on_the_nickname_of_all_names_that_size(kinds_index: CatalogIndex) -> None:
    # `大可乐` is the 2 L bottle's alias, beside the `可乐` every size has: it is no question between sizes.
    assert _lines("大可乐 2箱", kinds_index) == [("K2", 2)]
    assert _asked("可乐 2箱", kinds_index) == [["K1", "K2"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `n` and `l`, `hu` and `f`: owners who say them alike type the characters they hear.
        ("龙夫山泉550 10件", [("W1", 10)]),
        ("鲁花发生油5升 1桶", [("O1", 1)]),
        # Among the oils the kind names, the brand typed for its sound says which.
        ("到到全菜籽油 3桶", [("O2", 3)]),
    ],
)
def test_a_brand_typed_as_a_region_says_it_is_the_brand(text: str, expected: list) -> None:
    index = catalog_index(
        "W1,农夫山泉 饮用天然水 550ml*24瓶/箱,农夫山泉,饮料/饮用水,550ml,case,24,28.00,CNY,农夫,400,1,true\n"
        "W2,怡宝 纯净水 555ml*24瓶/箱,怡宝,饮料/饮用水,555ml,case,24,27.00,CNY,,200,1,true\n"
        "O1,鲁花 5S压榨一级 花生油 5L/桶,鲁花,粮油/食用油,5L,jerrycan,1,152.00,CNY,鲁花花生油,60,1,true\n"
        "O2,道道全 纯香菜籽油 5L/桶,道道全,粮油/食用油,5L,jerrycan,1,82.00,CNY,,200,1,true\n"
        "O3,金龙鱼 外婆乡小榨 菜籽油 5L/桶,金龙鱼,粮油/食用油,5L,jerrycan,1,96.00,CNY,外婆乡,100,1,true\n"
    )
    assert _lines(text, index) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `块` is a yuan before a word saying `the one`, a bar or a piece otherwise.
        ("口味王10块的 5条", [("B10", 5)]),
        ("口味王十块钱的 3条", [("B10", 3)]),
        ("口味王 20元的 2条", [("B20", 2)]),
        ("香皂 72块", [("S1", 1)]),
        # The packets a strip holds (`10包/条`) counted fill strips.
        ("口味王10元的 50包", [("B10", 5)]),
    ],
)
def test_a_price_point_said_in_yuan_or_kuai_names_the_pack_sold_at_that_price(text: str, expected: list) -> None:
    index = catalog_index(
        "B10,口味王 青果槟榔 10元*10包/条,口味王,休闲食品/槟榔,10元,pack,10,85.00,CNY,,300,1,true\n"
        "B20,口味王 青果槟榔 20元*10包/条,口味王,休闲食品/槟榔,20元,pack,10,170.00,CNY,,200,1,true\n"
        "S1,舒肤佳 纯白清香 香皂 108g*72块/箱,舒肤佳,日用百货/洗护清洁,108g,carton,72,270.00,CNY,,30,1,true\n"
    )
    assert _lines(text, index) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The amount said with its pack word: the bare number after the correction is the size.
        ("可口可乐罐装5件 不对 换成500的", [("K2", 5)]),
        ("罐装可乐 5件 不对 8", [("K1", 8)]),
        # The product named in place of one just taken back takes its amount.
        ("可口可乐罐装5件 算了 换成雪碧", [("X1", 5)]),
        ("可口可乐罐装5件 不要了 换成雪碧3件", [("X1", 3)]),
    ],
)
def test_a_correction_after_an_item_taken_back_or_said_with_its_pack_word(text: str, expected: list) -> None:
    index = catalog_index(
        "K1,可口可乐 汽水 330ml*24罐/箱,可口可乐,饮料/碳酸饮料,330ml,case,24,50.00,CNY,罐装可乐,200,1,true\n"
        "K2,可口可乐 汽水 500ml*24瓶/箱,可口可乐,饮料/碳酸饮料,500ml,case,24,56.00,CNY,瓶装可乐,200,1,true\n"
        "X1,雪碧 柠檬味汽水 500ml*24瓶/箱,雪碧,饮料/碳酸饮料,500ml,case,24,56.00,CNY,,150,1,true\n"
    )
    assert _lines(text, index) == expected


def test_the_last_order_named_beside_an_item_is_no_word_of_the_item(index: CatalogIndex) -> None:
    assert _lines("上回的单再来一遍 纯净水多要5箱", index) == [("C04", 5)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The product named right before the correction word, after other items, is the line corrected.
        ("酸菜面5箱 纯净水5箱 酸菜面改成3箱", [("C03", 3), ("C04", 5)]),
        ("酸菜面5箱 纯净水5箱 改成3箱", [("C03", 5), ("C04", 3)]),
    ],
)
def test_a_product_named_before_a_correction_word_is_the_line_corrected(
    index: CatalogIndex, text: str, expected: list
) -> None:
    assert _lines(text, index) == expected


def test_a_size_that_a_catalog_word_writes_together_is_that_word() -> None:
    index = catalog_index(
        "J1,劲牌 中国劲酒 35度 125ml*48瓶/箱,劲牌,酒水/保健酒,125ml,case,48,480.00,CNY,劲酒|小劲酒,60,1,true\n"
        "J2,劲牌 中国劲酒 35度 258ml*24瓶/箱,劲牌,酒水/保健酒,258ml,case,24,468.00,CNY,劲酒|半斤劲酒,40,1,true\n"
    )
    assert _lines("劲酒半斤的 2件", index) == [("J2", 2)]


@pytest.mark.parametrize("text", ["钙 5件", "AD钙 5件", "红牛5箱 钙 5件"])
def test_a_character_alone_that_one_catalog_word_holds_is_asked_never_lost(text: str) -> None:
    index = catalog_index(
        "W1,娃哈哈 AD钙奶 220g×24瓶/箱,娃哈哈,drinks,220g,case,24,48.00,CNY,,150,1,true\n"
        "W2,娃哈哈 AD钙奶 100g×40瓶/箱,娃哈哈,drinks,100g,case,40,40.00,CNY,,100,1,true\n"
        "R1,红牛 维生素功能饮料 250ml×24罐/箱,红牛,drinks,250ml,case,24,118.00,CNY,,100,1,true\n"
    )
    parse = parse_order(text, index)
    assert [(sorted(item.candidates), item.quantity) for item in parse.ambiguous] == [(["W1", "W2"], 5)]


def test_a_character_alone_that_many_catalog_words_hold_is_told_unknown() -> None:
    index = catalog_index(
        "R1,红牛 维生素功能饮料 250ml×24罐/箱,红牛,drinks,250ml,case,24,118.00,CNY,,100,1,true\n"
        "M1,伊利 纯牛奶 250ml×24盒/箱,伊利,dairy,250ml,carton,24,62.00,CNY,,150,1,true\n"
    )
    assert [item.quantity for item in parse_order("牛 5件", index).unknown] == [5]


@pytest.mark.parametrize(("text", "expected"), [("六个核桃 8提", [("L2", 8)]), ("6个核桃 5箱", [("L1", 5)])])
def test_a_name_with_a_numeral_inside_is_typed_whole(text: str, expected: list) -> None:
    index = catalog_index(
        "L1,养元 六个核桃 240ml×20罐/箱,养元,drinks,240ml,case,20,72.00,CNY,,120,1,true\n"
        "L2,养元 六个核桃 240ml×12罐/提 礼盒装,养元,drinks,240ml,pack,12,48.00,CNY,,80,1,true\n"
    )
    assert _lines(text, index) == expected


def test_an_item_named_by_a_local_word_keeps_its_amount_before_a_price_question() -> None:
    index = catalog_index(
        "S1,中盐 加碘精制盐 400g×40袋/件,中盐,seasoning,400g,bale,40,60.00,CNY,,100,1,true\n"
        "Y1,海天 金标生抽 500ml×12瓶/箱,海天,seasoning,500ml,carton,12,60.00,CNY,,100,1,true\n"
    )
    parse = parse_order("碘盐3件 生抽多少钱", index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("S1", 3)]
    assert [question.candidates for question in parse.price_questions] == [("Y1",)]


def test_a_kind_written_only_ahead_of_another_kind_is_not_sold() -> None:
    index = catalog_index(
        "N1,望乡 鸡蛋挂面 1kg×10袋/箱,望乡,noodles,1kg,carton,10,75.00,CNY,,60,1,true\n"
        "N2,金沙河 龙须挂面 1kg×10袋/箱,金沙河,noodles,1kg,carton,10,68.00,CNY,,60,1,true\n"
    )
    parse = parse_order("鸡蛋 3板", index)
    assert (list(parse.lines), [item.quantity for item in parse.unknown]) == ([], [3])
    assert _lines("鸡蛋挂面 3箱", index) == [("N1", 3)]


def test_a_kind_said_alone_leaves_out_the_products_of_another_kind() -> None:
    index = catalog_index(
        "I1,康师傅 红烧牛肉面 103g×24袋/箱,康师傅,noodles,103g,carton,24,52.00,CNY,,300,1,true\n"
        "I2,白象 大骨面 75g×30袋/箱,白象,noodles,75g,carton,30,38.00,CNY,,150,1,true\n"
        "N1,望乡 鸡蛋挂面 1kg×10袋/箱,望乡,noodles,1kg,carton,10,75.00,CNY,,60,1,true\n"
    )
    assert _asked("方便面 5箱", index) == [["I1", "I2"]]


def test_a_size_corrected_by_a_bare_number_finds_the_brands_product_named_its_own_way() -> None:
    index = catalog_index(
        "K1,可口可乐 500ml×24瓶/箱 整箱装,可口可乐,drinks,500ml,case,24,60.00,CNY,,200,1,true\n"
        "K2,可口可乐 330ml×24罐/箱 摩登罐,可口可乐,drinks,330ml,case,24,56.00,CNY,,150,1,true\n"
    )
    assert _lines("可口可乐500 5箱 不对 换成330的", index) == [("K2", 5)]


def test_rice_said_as_mi_asks_among_the_rices_filed_under_a_chinese_category_not_the_corn_oil() -> None:
    # `米` alone is rice (`大米`), never the `米` inside `玉米油` (corn oil) or a name's `珍珠米` alone.
    index = catalog_index(
        "R1,古船 东北珍珠米 10kg/袋,古船,粮油-大米,10kg,bag,1,68.00,CNY,,100,1,true\n"
        "R2,福临门 东北大米 5kg/袋,福临门,粮油-大米,5kg,bag,1,38.00,CNY,,80,1,true\n"
        "O1,福临门 非转基因 玉米油 5L/桶,福临门,粮油-食用油,5L,jerrycan,1,79.00,CNY,,10,1,true\n"
    )
    assert _asked("米 3袋", index) == [["R1", "R2"]]
    assert _lines("玉米油 2桶", index) == [("O1", 2)]


BEER_ROWS = (
    "B1,燕京啤酒 11度清爽 500ml*12听,燕京,酒水-啤酒,500ml,case,12,36.00,CNY,燕京清爽,300,1,true\n"
    "B2,燕京啤酒 11度清爽 600ml*12瓶 玻璃瓶,燕京,酒水-啤酒,600ml,crate,12,30.00,CNY,燕京清爽,200,1,true\n"
    "B3,雪花 勇闯天涯 500ml*12听,雪花,酒水-啤酒,500ml,case,12,48.00,CNY,勇闯,150,1,true\n"
    "B4,雪花 勇闯天涯 330ml*24听,雪花,酒水-啤酒,330ml,carton,24,60.00,CNY,,150,1,true\n"
)


def test_a_xiang_counts_crates_of_bottles_as_well_as_cases_and_cartons() -> None:
    # `箱` is any packing case: the crate of glass bottles is a beer sold by the `箱` too.
    index = catalog_index(BEER_ROWS)
    assert _asked("啤酒 20箱", index) == [["B1", "B2", "B3", "B4"]]
    assert _lines("燕京清爽瓶的 5箱", index) == [("B2", 5)]


def test_a_glass_bottle_written_in_a_name_is_the_pack_not_a_product_to_be_named() -> None:
    # `玻璃瓶` says what the beer comes in: the cans and the bottles are one product, asked which when neither is said.
    index = catalog_index(BEER_ROWS)
    assert _asked("燕京清爽 10箱", index) == [["B1", "B2"]]
    assert _lines("燕京清爽 玻璃瓶 5箱", index) == [("B2", 5)]
    assert _lines("燕京清爽 听装 10箱", index) == [("B1", 10)]


def test_a_no_then_what_is_meant_puts_that_product_in_the_place_of_the_line_before(index: CatalogIndex) -> None:
    # `不是 是X`: no, it is X; the no corrects the line before and takes nothing of X back.
    assert _lines("岭丰红烧牛肉面5箱 不是 是酸菜面", index) == [("C03", 5)]
    assert _lines("岭丰红烧牛肉面5箱 不对 是酸菜面", index) == [("C03", 5)]


def test_a_brand_run_into_a_name_with_a_numeral_is_a_word_of_its_own() -> None:
    # `统一老坛酸菜牛肉面`: the brand's `一` makes the run no name typed whole; what follows the brand is read apart.
    index = catalog_index(
        "A1,康师傅 老坛酸菜牛肉面(袋) 114g×24包/件,康师傅,方便面,114g,carton,24,52.00,CNY,,100,1,true\n"
        "A2,统一老坛酸菜牛肉面(袋) 121g×24包/件,统一,方便面,121g,carton,24,54.00,CNY,,100,1,true\n"
        "A3,养元六个核桃 240ml×20罐/件,养元,饮料,240ml,case,20,72.00,CNY,,100,1,true\n"
    )
    assert _asked("老坛酸菜 4件", index) == [["A1", "A2"]]
    assert _lines("六个核桃 5件", index) == [("A3", 5)]


@pytest.mark.parametrize(("text", "expected"), [("纯净水拾件", 10), ("纯净水 叁件", 3), ("纯净水贰拾伍件", 25)])
def test_the_capital_numerals_of_receipts_count(text: str, expected: int, index: CatalogIndex) -> None:
    assert _lines(text, index) == [("C04", expected)]


def test_salt_is_not_a_low_salt_soy_sauce_and_pure_milk_is_the_brands_pure_milk() -> None:
    # `薄盐` says which soy sauce, the way `零度` says which cola; `纯奶` is how owners shorten `纯牛奶`.
    index = catalog_index(
        "S1,中盐加碘精制盐 400g×40袋/件,中盐,调味品,400g,bale,40,60.00,CNY,,100,1,true\n"
        "S2,李锦记薄盐生抽 500ml×12瓶/件,李锦记,调味品,500ml,carton,12,96.00,CNY,,100,1,true\n"
        "M1,伊利纯牛奶 250ml×24盒/件,伊利,奶制品,250ml,carton,24,62.00,CNY,,100,1,true\n"
        "M2,伊利优酸乳 原味 250ml×24盒/件,伊利,奶制品,250ml,carton,24,48.00,CNY,,100,1,true\n"
    )
    assert _lines("盐 5件", index) == [("S1", 5)]
    assert _lines("伊利纯奶 10件", index) == [("M1", 10)]


def test_rice_oil_and_vinegar_reach_the_kinds_a_price_list_writes_in_their_place() -> None:
    # A list filing rice and oil under one `粮油` writes `籼米`, `丝苗米`, `调和油`, `菜籽油`, `香醋`, never the kind.
    index = catalog_index(
        "R1,万家籼米 10kg/袋,万家,粮油,10kg,bag,1,62.00,CNY,,100,1,true\n"
        "R2,禾香丝苗米 10kg/袋,禾香,粮油,10kg,bag,1,58.00,CNY,,100,1,true\n"
        "R3,禾香 东北大米 5kg/袋,禾香,粮油,5kg,bag,1,38.00,CNY,,100,1,true\n"
        "O1,金谷黄金比例调和油 5L/桶,金谷,粮油,5L,jerrycan,1,68.00,CNY,,100,1,true\n"
        "O2,金谷小榨菜籽油 5L/桶,金谷,粮油,5L,jerrycan,1,96.00,CNY,,100,1,true\n"
        "O3,山城 风味豆豉油制辣椒 280g×12瓶/件,山城,调味品,280g,carton,12,130.00,CNY,,100,1,true\n"
        "V1,恒顺镇江香醋 500ml×12瓶/件,恒顺,调味品,500ml,carton,12,45.00,CNY,,100,1,true\n"
    )
    assert _asked("大米 10公斤的 4袋", index) == [["R1", "R2"]]
    assert _asked("油 5桶", index) == [["O1", "O2"]]
    assert _lines("醋两件", index) == [("V1", 2)]


def test_what_follows_a_brand_an_alias_runs_into_is_said_alone() -> None:
    # `雪花纯生` is one word of the list, yet owners say `纯生` of either brand, and put the brand after it.
    index = catalog_index(
        "B1,雪花纯生 500ml×12听/件,雪花,啤酒,500ml,case,12,58.00,CNY,雪花纯生,100,1,true\n"
        "B2,青岛啤酒纯生 500ml×12听/件,青岛啤酒,啤酒,500ml,case,12,66.00,CNY,青岛纯生,100,1,true\n"
    )
    assert _asked("纯生 4件", index) == [["B1", "B2"]]
    assert _lines("纯生雪花5件", index) == [("B1", 5)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("coke 500 10件", [("K1", 10)]),
        ("sprite 罐 5件", [("S2", 5)]),
        ("redbull 5件", [("R1", 5)]),
        ("雪碧听装 5件", [("S2", 5)]),
        ("hongniu 20jian", [("R1", 20)]),
        ("给俺来两件红牛 可照", [("R1", 2)]),
    ],
)
def test_english_brand_names_pinyin_cases_and_cans_said_either_way(text: str, expected: list) -> None:
    index = catalog_index(
        "K1,可口可乐 500ml×24瓶/件,可口可乐,饮料,500ml,case,24,60.00,CNY,,100,1,true\n"
        "K2,可口可乐 330ml×24罐/件,可口可乐,饮料,330ml,case,24,56.00,CNY,,100,1,true\n"
        "S1,雪碧 500ml×24瓶/件,雪碧,饮料,500ml,case,24,60.00,CNY,,100,1,true\n"
        "S2,雪碧 330ml×24罐/件,雪碧,饮料,330ml,case,24,56.00,CNY,,100,1,true\n"
        "R1,红牛维生素功能饮料 250ml×24罐/件,红牛,饮料,250ml,case,24,118.00,CNY,,100,1,true\n"
    )
    assert _lines(text, index) == expected


def test_a_flavour_said_with_wei_and_tissues_said_as_zhijin_find_their_products() -> None:
    # `白桃味` of a name writing `白桃`; `纸巾` is the `抽纸` and `手帕纸` a list writes.
    index = catalog_index(
        "Q1,元气森林白桃苏打气泡水 480ml×15瓶/件,元气森林,饮料,480ml,case,15,68.00,CNY,,100,1,true\n"
        "Q2,元气森林青瓜苏打气泡水 480ml×15瓶/件,元气森林,饮料,480ml,case,15,68.00,CNY,,100,1,true\n"
        "P1,心相印抽纸 3层 130抽×10包/提,心相印,纸品日化,130抽,pack,10,22.00,CNY,,100,1,true\n"
        "P2,洁柔手帕纸 4层 10包/条,洁柔,纸品日化,10包,pack,10,6.00,CNY,,100,1,true\n"
    )
    assert _lines("元气森林白桃味的 3件", index) == [("Q1", 3)]
    assert _lines("心相印纸巾 5提", index) == [("P1", 5)]
    assert _asked("纸巾 5提", index) == [["P1", "P2"]]


def test_a_product_taken_back_before_another_leaves_the_other_ordered(index: CatalogIndex) -> None:
    # `X不要了 Y5箱` with no comma: the removal word closes what it takes off.
    assert _lines("纯净水不要了 酸菜面5箱", index) == [("C03", 5)]
    assert _lines("纯净水先不要 酸菜面5箱", index) == [("C03", 5)]
    assert _lines("酸菜面5箱 纯净水2箱 纯净水不要了", index) == [("C03", 5)]


def test_a_correction_naming_the_pack_taken_back_and_the_new_one_keeps_the_new_one(index: CatalogIndex) -> None:
    assert _lines("可乐罐装3箱 不是罐装 是瓶装", index) == [("C06", 3)]


@pytest.mark.parametrize("text", ["纯净水酸菜面多少钱", "纯净水 酸菜面 分别多少钱"])
def test_products_listed_without_a_joining_word_in_a_price_question_are_each_asked(
    text: str, index: CatalogIndex
) -> None:
    assert sorted(_lines(text, index)) == [("C03", 1), ("C04", 1)]


def test_fenbie_before_an_amount_counts_each_item(index: CatalogIndex) -> None:
    assert _lines("纯净水酸菜面分别5箱", index) == [("C04", 5), ("C03", 5)]


@pytest.mark.parametrize(
    "text", ["酸菜面5箱 纯净水一箱多少钱", "酸菜面5箱 纯净水一箱好多钱", "酸菜面5箱，纯净水啷个卖"]
)
def test_an_item_asked_per_one_unit_or_with_langge_mai_after_an_order_is_a_price_question(
    text: str, index: CatalogIndex
) -> None:
    parse = parse_order(text, index)
    assert _lines(text, index) == [("C03", 5)]
    assert [list(item.candidates) for item in parse.price_questions] == [["C04"]]


def test_tiao_counts_cartons_of_cigarettes_as_well_as_strips_of_packs() -> None:
    strip_index = catalog_index(
        "T01,岚峰(软) 条,岚峰,卷烟,20支*10包,outer,10,150.00,CNY,,100,1,true\n"
        "T02,棉语 手帕纸 10包/条,棉语,纸品,10包,pack,10,5.50,CNY,手帕纸,100,1,true\n"
    )
    assert _lines("岚峰 5条", strip_index) == [("T01", 5)]
    assert _lines("岚峰软 两条", strip_index) == [("T01", 2)]
    assert _lines("岚峰 20包", strip_index) == [("T01", 2)]
    assert _lines("手帕纸 10条", strip_index) == [("T02", 10)]


@pytest.mark.parametrize("text", ["月相映卷纸 5提", "月相映 卷纸 5提"])
def test_a_brand_typed_for_its_sound_as_an_everyday_word_picks_it_among_the_kind(text: str) -> None:
    rolls = catalog_index(
        "P01,月相印 卷纸 4层*10卷/提,月相印,纸品,10卷,pack,10,22.00,CNY,卷纸,100,1,true\n"
        "P02,柔点 卷纸 4层*10卷/提,柔点,纸品,10卷,pack,10,24.00,CNY,卷纸,100,1,true\n"
    )
    assert _lines(text, rolls) == [("P01", 5)]


@pytest.mark.parametrize("text", ["酸菜面10箱 不要酸菜面了 换成红烧牛肉面", "酸菜面10箱，酸菜面不要了，换成红烧牛肉面"])
def test_a_product_taken_back_by_name_alone_gives_its_amount_to_the_one_named_in_its_place(
    text: str, index: CatalogIndex
) -> None:
    assert _lines(text, index) == [("C01", 10)]


def test_rice_said_as_dami_reaches_the_soft_rice_of_yunnan() -> None:
    rices = catalog_index(
        "R01,滇禾 云南软米 10kg/袋,滇禾,粮油,10kg,bag,1,58.00,CNY,,100,1,true\n"
        "R02,禾香 丝苗米 10kg/袋,禾香,粮油,10kg,bag,1,62.00,CNY,,100,1,true\n"
    )
    assert _asked("大米 5袋", rices) == [["R01", "R02"]]


def test_a_product_given_the_same_amount_without_a_comma_is_an_item_of_its_own(index: CatalogIndex) -> None:
    assert _lines("酸菜面5箱 纯净水一样", index) == [("C03", 5), ("C04", 5)]


def test_saying_that_will_do_after_an_amount_names_no_product() -> None:
    liquor = catalog_index(
        "J01,岭丰 红烧牛肉面 120g×24袋,岭丰,noodles,120g,carton,24,55.00,CNY,红烧牛肉面,100,1,true\n"
        "J02,黔山 坤沙酱酒 53度 500ml*6瓶/件,黔山,酒水,500ml,case,6,588.00,CNY,酱酒|坤沙,20,1,true\n"
    )
    assert parse_order("5件就行", liquor).is_empty
    assert _lines("红烧牛肉面5件就可以了", liquor) == [("J01", 5)]


@pytest.mark.parametrize("text", ["酸菜面5箱 有没得纯净水", "酸菜面5箱 有没有纯净水"])
def test_a_product_asked_for_after_an_order_without_a_comma_is_asked_about_apart(
    text: str, index: CatalogIndex
) -> None:
    parse = parse_order(text, index)
    assert _lines(text, index) == [("C03", 5)]
    assert [list(item.candidates) for item in parse.price_questions] == [["C04"]]


def test_products_joined_after_an_order_and_asked_a_price_keep_the_order(index: CatalogIndex) -> None:
    parse = parse_order("红烧牛肉面5箱 酸菜面和纯净水多少钱", index)
    assert _lines("红烧牛肉面5箱 酸菜面和纯净水多少钱", index) == [("C01", 5)]
    assert sorted(list(item.candidates) for item in parse.price_questions) == [["C03"], ["C04"]]


@pytest.mark.parametrize("text", ["酸菜面5箱 算了 换成8箱", "酸菜面5箱 算了换成8箱", "酸菜面5箱 不要了 改成8箱"])
def test_an_amount_said_in_place_of_the_item_just_taken_back_is_its_new_amount(text: str, index: CatalogIndex) -> None:
    assert _lines(text, index) == [("C03", 8)]


def test_a_product_with_its_size_given_the_same_amount_takes_the_amount() -> None:
    sizes = catalog_index(
        "D01,岭丰 红烧牛肉面 120g×24袋,岭丰,noodles,120g,carton,24,55.00,CNY,红烧牛肉面,100,1,true\n"
        "D02,鹏达特饮 500ml*24瓶/件,鹏达,饮料,500ml,case,24,84.00,CNY,鹏达,100,1,true\n"
        "D03,鹏达特饮 250ml*24瓶/件,鹏达,饮料,250ml,case,24,60.00,CNY,鹏达,100,1,true\n"
    )
    assert _lines("红烧牛肉面5件 鹏达500一样", sizes) == [("D01", 5), ("D02", 5)]
    assert _lines("红烧牛肉面5件，鹏达250也一样", sizes) == [("D01", 5), ("D03", 5)]


PACKS = """\
M1,蒙牛 纯牛奶 250ml*24盒/提,蒙牛,乳品-纯奶,250ml,pack,24,56.00,CNY,纯牛奶,200,1,true
M2,蒙牛 纯牛奶 250ml*16盒/提,蒙牛,乳品-纯奶,250ml,pack,16,40.00,CNY,纯牛奶,150,1,true
M3,蒙牛 特仑苏 250ml*12盒/提,蒙牛,乳品-纯奶,250ml,pack,12,62.00,CNY,特仑苏,120,1,true
M4,伊利 安慕希 原味 205g*12盒/箱,伊利,乳品-酸奶,205g,carton,12,60.00,CNY,安慕希,150,1,true
P1,心相印 手帕纸 4层 10包/条,心相印,纸品-手帕纸,10包,pack,10,5.50,CNY,手帕纸,200,1,true
Y1,莜面 2.5kg/袋,,粮油-杂粮,2.5kg,bag,1,35.00,CNY,莜麦面,150,1,true
Y2,塞北 莜面 5kg/袋,塞北,粮油-杂粮,5kg,bag,1,66.00,CNY,,60,1,true
50010001,汾酒 黄盖玻汾 475ml*12瓶/箱,汾酒,酒水-白酒,475ml,carton,12,660.00,CNY,玻汾,80,1,true
50010002,汾酒 黄盖玻汾 475ml/瓶,汾酒,酒水-白酒,475ml,bottle,1,56.00,CNY,玻汾,200,2,true
"""


@pytest.fixture(scope="module")
def packs_index() -> CatalogIndex:
    return catalog_index(PACKS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("蒙牛纯牛奶24盒的 3提", [("M1", 3)]),
        ("蒙牛纯奶 16盒 5提", [("M2", 5)]),
        ("蒙牛纯奶24盒 5提 安慕希 4箱", [("M1", 5), ("M4", 4)]),
    ],
)
def test_what_a_pack_holds_before_the_count_of_packs_picks_the_pack(
    text: str, expected: list[tuple[str, int]], packs_index: CatalogIndex
) -> None:
    assert _lines(text, packs_index) == expected


def test_pieces_a_name_counts_before_its_slash_fill_its_packs(packs_index: CatalogIndex) -> None:
    assert _lines("手帕纸 一百包", packs_index) == [("P1", 10)]


def test_a_correction_to_a_product_of_the_same_kind_of_goods_replaces_the_line(packs_index: CatalogIndex) -> None:
    # The milk and the yoghurt are both `乳品`, filed apart as `纯奶` and `酸奶`.
    assert _lines("特仑苏十提 不对 是安慕希", packs_index) == [("M4", 10)]


def test_a_weight_that_bags_of_two_sizes_make_asks_which_bag(packs_index: CatalogIndex) -> None:
    assert _asked("莜面 二十斤", packs_index) == [["Y1", "Y2"]]


def test_a_code_of_digits_names_its_sku_beside_an_amount(packs_index: CatalogIndex) -> None:
    assert _lines("货号50010001 2箱", packs_index) == [("50010001", 2)]
    assert _lines("50010001 十箱", packs_index) == [("50010001", 10)]
    assert not parse_order("50010001", packs_index).lines


@pytest.mark.parametrize(("text", "sku"), [("玻汾改成4箱", "50010001"), ("玻汾 改成4瓶", "50010002")])
def test_a_unit_said_with_the_new_amount_picks_the_pack_asked_about(
    text: str, sku: str, packs_index: CatalogIndex
) -> None:
    assert _lines(text, packs_index) == [(sku, 4)]


@pytest.mark.parametrize("text", ["酸菜面5箱 纯净水还有冇", "酸菜面5箱 纯净水有没有"])
def test_a_product_named_after_an_order_then_asked_whether_there_is_any_is_asked_about_apart(
    text: str, index: CatalogIndex
) -> None:
    parse = parse_order(text, index)
    assert _lines(text, index) == [("C03", 5)]
    assert [list(item.candidates) for item in parse.price_questions] == [["C04"]]


def test_another_size_with_its_amount_after_an_item_said_with_its_size_orders_that_size(index: CatalogIndex) -> None:
    assert _lines("丝苗米10kg两袋 25kg三袋", index) == [("C07", 2), ("C08", 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("𠊎爱三箱纯净水 天光日下昼送", [("C04", 3)]),
        ("同𠊎送五箱酸菜面 承蒙", [("C03", 5)]),
        ("酸菜面5箱 纯净水3箱 纯净水唔爱了", [("C03", 5)]),
        ("酸菜面二十箱 算了 十箱就够", [("C03", 10)]),
        ("酸菜面十箱 唔爱咁多 五箱就好", [("C03", 5)]),
        ("唔爱酸菜面了 爱纯净水五箱", [("C04", 5)]),
        ("不要酸菜面了 要纯净水五箱", [("C04", 5)]),
    ],
)
def test_hakka_words_for_i_want_tomorrow_thanks_and_not_wanted(
    text: str, expected: list[tuple[str, int]], index: CatalogIndex
) -> None:
    assert _lines(text, index) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("酸菜面多少钱一箱 来5箱", [("C03", 5)]), ("酸菜面五箱 多少钱一箱", [("C03", 5)])],
)
def test_a_price_asked_per_one_unit_orders_only_the_amount_said(
    text: str, expected: list[tuple[str, int]], index: CatalogIndex
) -> None:
    assert _lines(text, index) == expected


NAMED = """\
W1,清溪湖 天然矿泉水 550ml*24瓶/箱,清溪湖,饮料/水,550ml,case,24,26.00,CNY,清溪湖,200,1,true
W2,清溪湖 天然矿泉水 4.5L*4桶/箱,清溪湖,饮料/水,4.5L,case,4,32.00,CNY,清溪湖大桶,80,1,true
K1,可口可乐 330ml*24罐/箱,可口可乐,饮料/碳酸,330ml,case,24,55.00,CNY,可乐,150,1,true
K2,可口可乐 500ml*24瓶/箱,可口可乐,饮料/碳酸,500ml,case,24,62.00,CNY,可乐,120,1,true
K3,百事可乐 330ml*24罐/箱,百事,饮料/碳酸,330ml,case,24,52.00,CNY,百事,80,1,true
N1,旺旺 旺仔牛奶 245ml*24罐/箱,旺旺,乳品/含乳饮料,245ml,case,24,110.00,CNY,旺仔牛奶,120,1,true
N2,伊利 纯牛奶 250ml*24盒/箱,伊利,乳品/牛奶,250ml,carton,24,62.00,CNY,伊利纯奶,200,1,true
N3,蒙牛 纯牛奶 250ml*24盒/箱,蒙牛,乳品/牛奶,250ml,carton,24,60.00,CNY,蒙牛纯奶,150,1,true
"""


@pytest.fixture(scope="module")
def named_index() -> CatalogIndex:
    return catalog_index(NAMED)


def test_a_nickname_built_on_another_sizes_nickname_names_its_own_size(named_index: CatalogIndex) -> None:
    assert _lines("清溪湖大桶 5箱", named_index) == [("W2", 5)]
    assert _asked("清溪湖 5箱", named_index) == [["W1", "W2"]]


def test_an_alias_inside_another_brands_name_asks_among_both_brands(named_index: CatalogIndex) -> None:
    assert _asked("可乐 5箱", named_index) == [["K1", "K2", "K3"]]


def test_a_word_typed_for_a_catalog_words_sound_names_its_product_beside_a_kind(named_index: CatalogIndex) -> None:
    assert _lines("望仔牛奶五箱", named_index) == [("N1", 5)]


def test_a_word_of_the_language_typed_for_a_brands_sound_names_it_where_nothing_else_is_named() -> None:
    water = catalog_index(
        "Y1,怡宝 纯净水 555ml*24瓶/箱,怡宝,饮料,555ml,case,24,28.00,CNY,怡宝,200,1,true\n"
        "Y2,红塔山 (经典1956) 条,红塔山,卷烟,20支*10包,outer,10,100.00,CNY,红塔山,80,1,true\n"
    )
    assert _lines("怡保十件", water) == [("Y1", 10)]
    assert [item.phrase for item in parse_order("中南海 5条", water).unknown] == ["中南海5条"]
