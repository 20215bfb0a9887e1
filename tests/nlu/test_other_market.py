"""Invented markets (other brands, currencies, pack words, languages and opaque SKU codes) meet the bars."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from backend.catalog import read_catalog_csv
from nlu import CatalogIndex, parse_order
from nlu.evaluate import counts_for_orders, evaluate
from nlu.text import tokenize
from tests.conftest import ROOT
from tests.nlu.conftest import catalog_index, resolved

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def market_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(DATA / "other_market_catalog.csv"))


@pytest.fixture(scope="module")
def fourth_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(DATA / "fourth_market_catalog.csv"))


@pytest.fixture(scope="module")
def fifth_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(DATA / "fifth_market_catalog.csv"))


def market_cases(market: str) -> list[dict[str, Any]]:
    lines = (DATA / f"{market}_cases.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def market_figures(market: str) -> dict[str, float]:
    index = CatalogIndex.build(read_catalog_csv(DATA / f"{market}_catalog.csv"))
    return evaluate(market_cases(market), index)["whole"].figures()


# Each market was labelled before the parser first ran on it; the floors are its figures when it was tuned on.
#   third: a small Indian kirana wholesaler (Hinglish pack words: peti, bori, ladi).
#   fourth: a Ugandan wholesaler (UGX, numeric SKUs; English, Swahili and Luganda). The one miss: "maziwa ya
#     unga" is an alias of the milk powder tin only, not its sachet.
#   fifth: a Kenyan agro-dealer and hardware wholesaler (seed variety codes, fertiliser blends, inch and gauge
#     sizes). Its misses ask rather than guess.
#   sixth: an Indian kirana wholesaler (Hinglish, Devanagari); seventh: a Nigerian one (Pidgin, Hausa, Yoruba).
#   visayas: a Philippine sari-sari wholesaler (Tagalog, Cebuano, Taglish); rift: a Kenyan wholesaler of fresh
#     produce and shop goods (Swahili, Sheng, English).
#   malawi: a Malawian wholesaler (Chichewa and English, MWK, opaque SKUs). First run, before any Chichewa words:
#     case exact 0.537, line F1 0.750, wrong lines 0.012, asked 0.481, unknowns flagged 0.333. 0.926 / 0.980 ->
#     0.963 / 0.990 once brown sugar beside its brand's white sugar is a variant to be named.
#   kenya_town: fresh messages of Kenyan town dukas on the shared sample catalog (Swahili, Sheng, English,
#     feature-phone shorthand). First run: case exact 0.865, line F1 0.932, wrong lines 0.022, asked 0.862.
#   luzon: a Luzon sari-sari wholesaler (Tagalog, Taglish, Ilocano, Bikol; banig, ream, tali, dosena). First read:
#     case exact 0.792, line F1 0.845, wrong lines 3.1 %, ambiguity asked 0.893. Its misses: Bikol `asin` (and)
#     is Tagalog salt; `kape 3in1` and `silka` take the plain product where the labels ask.
#   sichuan: a Chengdu wholesaler on WeChat (Sichuan words, pinyin and initials, homophone typos, emoji names);
#     first read at 0.778 case exact, 0.867 line F1, 0.012 wrong lines, 0.889 asked, 0.833 unknowns flagged.
#   mindanao: a Mindanao and Western Visayas wholesaler (Hiligaynon, Waray, Chavacano, Kapampangan, Cebuano, Taglish;
#     distributor names such as `SPRITE 1.5L X 12`, `25G 12S (TINGI)`, `PER PC`; barcode SKUs; coarse categories).
#     First read: case exact 0.600, line F1 0.731, wrong lines 3.3 %, ambiguity asked 0.808, unknowns flagged 1.0.
#     Tuned to 0.947 / 0.986, no wrong line; its misses: `555 caldereta` (a brand written in digits read as 555
#     cases), `corned beef` for CARNE NORTE, `beer` for PALE PILSEN and SAN MIG LIGHT, a bundle's `with tumbler`
#     read as another item.
#   cebu_distributor: a Cebu distributor to sari-sari stores (abbreviated distributor names such as `LM PCANTON ORIG
#     60G X 72`, `SOY SCE`, `PCH`, `SHMP`, `TP`, `1X48`; category codes such as `HPC-HAIR`; bundles and tingi strips;
#     Cebuano, Tagalog, Taglish and English shorthand). First read: case exact 0.713, line F1 0.844, wrong lines 3.7 %,
#     ambiguity asked 0.696, unknowns flagged 1.0, price questions 1.0.
#   dongbei: a northeastern wholesaler on WeChat (specs written `500ml*12听`, `5Lx4桶`, `5kg/袋`; northern words such as
#     俺, 捎, 今儿, 老铁, 仨; shortened brands such as 哈啤; pinyin and initials; homophone typos; traditional
#     characters). First read: case exact 0.897, line F1 0.945, wrong lines 0 %, ambiguity asked 0.765, unknowns
#     flagged 1.0, price questions 0.667.
#   copperbelt: a Copperbelt (Zambia) wholesaler (Bemba, Nyanja and English; ZMW; opaque SKUs; Bemba counting words
#     and noun classes, `container` for a jerrycan). First read, before any Bemba words: case exact 0.728, line F1
#     0.861, wrong lines 1.2 %, ambiguity asked 0.872, unknowns flagged 1.0, price questions 0.444. With the Bemba
#     locale and general rules: 0.930 / 0.983, no wrong line, every ambiguity asked. Its misses are named variants
#     its labels leave out and the reader asks about (coarse salt, lemon soap; 0.944 once brown beside its brand's
#     white sugar is a variant to be named, 0.967 once roller meal and low fat milk are variants beside the breakfast
#     meal and full cream milk other brands make too), `brkfst` and `cine lubali` (seven), and `fanta 4 crates`
#     asking about the pineapple case.
#   quezon_grocery: a Southern Tagalog grocery wholesaler (Title-case names with slash pack notation `72 pcs/box`,
#     `10 packs/ream`; Tagalog, Taglish, Batangueno and Bikol), labelled after the Cebu distributor's rules landed.
#     First read: case exact 0.930, line F1 0.955, wrong lines 0 %, ambiguity asked 0.842, unknowns flagged 1.0,
#     price questions 1.0.
#   lingnan: a Guangdong wholesaler on WeChat (specs written `500ml*12瓶`, `10盘*60盒`; Cantonese words such as
#     俾, 啲, 嘅, 唔要, 要多兩箱, 唔系, 幾錢, 有冇; dozens (打), bottles counted in 支 and 樽; pinyin and initials;
#     traditional characters). First read: case exact 0.923, line F1 0.953, wrong lines 1.4 %, ambiguity asked
#     0.889, unknowns flagged 1.0, price questions 1.0. With the Cantonese words and the general rules its misses
#     pointed at: 0.981 / 0.990, no wrong line; 0.987 once a size's own alias (`大怡宝`) named it apart. Left:
#     `调和油 3件` and `蚝油 2箱` read as the SKU sold in cases where the labels ask.
#   lake: a Tanzanian lake-zone wholesaler (Swahili and English; TZS; oils and a cooking fat filed in one category,
#     maize and wheat flour, washing powder beside bar soap, drinking water). First read: case exact 0.804, line F1
#     0.883, wrong lines 2.8 %, ambiguity asked 0.692, unknowns flagged 1.0, price questions 1.0; its misses were
#     Swahili words for goods and packs (`dumu`, `mafuta ya alizeti`, `maji ya kunywa`, `sabuni ya mche`, `sabuni
#     ya kufulia`), `unga` alone read as the washing powder aliased `sabuni ya unga`, and `kg 25` left unread as a
#     size; now 0.941 / 0.975, none wrong. Left: `bando` (a bundle), brown sugar asked beside white, `vegetable oil`
#     where the catalog names sunflower and cooking oils.
#   panay_negros: a Western Visayas sari-sari wholesaler of Iloilo and Bacolod (Hiligaynon, Kinaray-a, Aklanon, Negros
#     Cebuano, Taglish; `(tali)` strips, `lapad` and `bilog` bottles, returnable crates, sugar in 50kg sacks and 1kg
#     bales, six-digit SKUs). First read: case exact 0.868, line F1 0.926, wrong lines 0.5 %, ambiguity asked 0.926,
#     unknowns flagged 0.750, price questions 1.0. Its misses: Kinaray-a and Aklanon counting words and the `it`
#     linker, `orig` for original, quantities in brackets, a product corrected after `indi gali`. With the Kinaray-a
#     and Aklanon words and the general rules they pointed at (hyphened words, a start typed for a long word, what a
#     name says a product comes in, ounces and returnable bottles, a correction with only a size): 0.974 / 0.988, no
#     wrong line. Left: `corned beef` for CDO Karne Norte, `nescafe 5 tali` read as the one sold in strips, `red
#     horse` read as the 500ml beside the Stallion, `canton chili` beside `xtra hot`, `tanduay ice` confirmed as the
#     rhum where the label says unknown.
#   xibei: a Xi'an and Lanzhou wholesaler on WeChat (specs written `248ml*24瓶/箱`, `45g*10盒/条`, the unit after
#     the slash what the pack is sold by; flour in 25kg bags, oil by the jug beside cartons of jugs; names with
#     numbers: 西凤375, 一袋半, 六个核桃; Shaanxi and Gansu words: 额, 嫑, 撒价, 多钱, 有么, 尕, 得是; numbered lists,
#     times of day, homophone typos, pinyin and initials). First read: case exact 0.892, line F1 0.939, wrong lines
#     1.9 %, ambiguity asked 0.941, unknowns flagged 0.857, price questions 1.0. With the general rules its misses
#     pointed at: 0.976 / 0.989 / 0.9 %; with a jug corrected to cartons (`3桶 改成2箱`) read, 0.981 / 0.993 / 0.4 %.
#     Left: `13香` (digits for a name's numerals), `兰州烟` read as the noodles, the cup noodles left out of
#     `红烧牛肉面` (labellers differ: the northeast market calls the bag the base).
#   ashanti: a Kumasi (Ghana) wholesaler (Twi, Ghanaian Pidgin and English; GHS; opaque SKUs; sachet water by the
#     `rubber` of 30, oil by the `gallon`, beer by the crate; Twi counting words, `kotoku`, `adaka`, and `3` typed for
#     the open e: `y3 s3n`, `mmi3nsa`). First read: case exact 0.732, line F1 0.855, wrong lines 2.5 %, ambiguity asked
#     0.931, unknowns flagged 1.0, price questions 0.571. Twenty-nine of its labels then took a bare Fanta, Alvaro,
#     Maggi, gari and Indomie as the one aliased product where the conventions (and the dev set's `fanta 500ml`) ask
#     for the flavour or size left unsaid; with them asked, the same read is 0.871 / 0.930, 2.5 % wrong, asked 0.966.
#     With the Twi words and the general rules its misses pointed at: 0.979 / 0.991, no wrong line. Left: `onga` asks
#     between the classic cube and the stew seasoning, `guinness 2 crt` also offers Malta Guinness (sold by the carton).
#   dhaka: a Bangladeshi wholesaler (Bangla typed in Latin letters and in Bengali script, English; BDT; opaque SKUs;
#     soybean oil in 1L and 5L cartons, rice and sugar by the `bosta`, atta and salt by the bale; `tin` is three,
#     `ta` counts pieces; `dam koto`, `ache?`, `lagbe`, `bad den`, `bodole`). First read: case exact 0.688, line F1
#     0.809, wrong lines 5.8 %, ambiguity asked 0.783, unknowns flagged 1.0, price questions 0.25. With the Bangla
#     words, Bengali script read through the transliteration library and the general rules: 0.928 / 0.936, 1.6 % wrong.
#     Left: Bangla `na` after what it takes back (`10 na, 12 case`, `closeup lagbe na`: Swahili's `na` joins items),
#     `tin` (three) beside the pack word `tin`, `কেস` (case) read as the currency KES, `mojo 250 case` read as 250
#     cases.
#   jiangnan: a Shanghai and Zhejiang wholesaler on WeChat (names tagged `【整箱】`, `【整提】`; rice wine by the
#     jar, `坛`; Wu words: 阿拉, 侬, 伐, 几钿, 覅, 勿要, 拨我, 明朝, 廿; lists numbered `1、`), labelled after the
#     northwest market's rules landed. First read: case exact 0.847, line F1 0.923, wrong lines 2.3 %, ambiguity
#     asked 0.917, unknowns flagged 0.800, price questions 0.5. Now 0.971 / 0.993 / 0.7 %. Left: `黄酒` and `粽子`
#     (labelled from knowing the goods: a 黄酒 whose name does not say so, an alias given to one filling), `鸡蛋 3板`
#     read as the egg-flavoured 沙琪玛.
#   manila_taglish: a Metro Manila distributor to sari-sari stores (names such as `LUCKY ME PANCIT CANTON CHILIMANSI
#     60G (72S/BX)`, `(12S/TALI)`, `(10 PACKS/REAM)`; English-heavy Taglish with SMS shorthand: `2cs`, `1bx`, `dz`,
#     `tig-3`, `pki`, `hm`, `pow`; Tagalog distributives `tigdalawa`, `tiglima`; Pangasinan from the northern route).
#     First read: case exact 0.866, line F1 0.896, wrong lines 1.6 %, ambiguity asked 1.0, unknowns flagged 0.875,
#     price questions 1.0; intent accuracy 0.936 (check_price F1 0.73). Four of its labels then took `canton original`
#     and `argentina 150g` as one product where the catalog has the same words under two brands (Lucky Me and
#     Payless) or two products (corned beef and meat loaf) and the conventions ask; with them asked, the same read
#     is 0.882 / 0.911. With the Pangasinan words and the general rules its misses pointed at (a brand written in
#     digits, `tig` typed tight to its number, a replacement picked by the size name it shares, `sabon panlaba`):
#     0.963 / 0.982, no wrong line; 0.989 / 0.995 once the name of one pack size (`lapad`, the flat 375ml bottle)
#     given as its alias stayed that size's. Left: `canton chili` for CHILIMANSI; `sabon panlaba 2bx` asks among
#     the detergents where the label takes the one sold by the box.
#   zhongyuan: a Henan, Shandong and Hebei wholesaler on WeChat (specs written `500ml*24瓶/箱`, `45g*10盒/条`;
#     flour and rice by the bag, said in 斤 as often as in kg: `50斤的` is the 25kg bag; oil by the jug beside
#     cartons of jugs; messages typed without spaces; Central Plains words: 俺, 恁, 中, 木有, 嘞, 哩, 甭, 拉倒,
#     夜儿个, 后晌; pinyin initials, slips of the input method). First read: case exact 0.904, line F1 0.950, wrong
#     lines 1.6 %, ambiguity asked 0.854, unknowns flagged 0.750, price questions 1.0; intent accuracy 0.967
#     (check_price F1 0.82). Three labels then asked among variants the conventions leave out unless named
#     (特仑苏 beside plain milk, a strawberry 安慕希 beside the plain one, 纯生 beside the classic 青岛); with them
#     the same read is 0.915 / 0.952 / 1.6 %, asked 0.872. With the general rules its misses pointed at (条 a strip
#     of boxes, 各 beside an item counted apart, 白酒 and 糖 asked, a kind word that begins a name is not that
#     product, a correction to another pack, a no ending a question whether there is any): 0.945 / 0.974 / 0.4 %,
#     asked 0.936, unknowns 0.917; 0.982 once a word of the dictionary typed for a brand's sound (`怡保`) names it where
#     nothing else is named. Left: `老母鸡` beside a name segmented `老母 鸡汤`, the homophone slips
#     `加多包` (its 包 read as the pack), `康帅傅`, `卫生纸` unknown where no
#     name writes it (as a kind word it would also offer facial tissue where other markets' aliases say rolls), `泡面`
#     and `方便面` also offering dried noodles, `葵花籽油` of a discontinued SKU asked among the oils, `ksf红烧` asked
#     between bag and cup beside the bag's alias.
#   nairobi_estates: Nairobi estate dukas (Kayole, Githurai, Kawangware) writing to a wholesaler whose price list names
#     packs the distributor's way (`Coca Cola 300ml RGB Crate (24 pcs)`, `Jogoo Maize Meal 2kg Bale (12 pcs)`, opaque
#     SKUs; Sheng, Swahili and English: `mse`, `bazu`, `ngiri`, `ka-crate`, `mnauza aje`, `wacha hiyo`). First read:
#     case exact 0.924, line F1 0.982, wrong lines 1.2 %, ambiguity asked 0.919, unknowns flagged 0.900, price
#     questions 0.800; Rasa intent accuracy 0.970. With the Swahili and Sheng words and the general rules its misses
#     pointed at (kinds said in several words, sparkling beside still water, RGB as packaging, money beside an order,
#     a removal pointing back, `hapana ni`, a negation before another product): 0.994 / 0.994, no wrong line. Left:
#     `omo 500g bale 1 na sabuni ya unga 500g bale 2` adds to the Omo line where the label asks which powder.
#   onitsha: an Onitsha, Aba and Enugu wholesaler (Igbo with and without tone marks, Pidgin, English; distributor
#     names in capitals with `X40`, `1LTR`, `PET` and `RGB` for the returnable glass bottle; beer and malt by the
#     crate, oil by the `keg`; coarse categories such as `CSD`, `Sugar & Salt`). First read, before any Igbo words:
#     case exact 0.712, line F1 0.820, wrong lines 8.7 %, ambiguity asked 0.705, unknowns flagged 0.917, price
#     questions 0.8; intents 0.945. With the Igbo words, `RGB` a packaging word, `keg` a jerrycan, an amount after
#     one taken back (`not 5, 8`) read as the correction, a category joining two kinds (`Sugar & Salt`) read per
#     product, `pure water` never `PURE LIFE`, the unit typed picking its brand's SKU (`star 5 crates`) and `zero`
#     a word, not a count: 0.938 / 0.983 / 0.4 %, asked 0.932. Left: `vegetable oil` where names write `VEG OIL`
#     (and Power Oil names neither), powder milk, Omo sachets and cream crackers whose names do not say milk,
#     detergent or biscuit, `golden penny noodles` asking beside the brand's pasta in `Noodles & Pasta`, a bare
#     `indomie` also offering its onion flavour, `pepsi plastic` confirmed (PET), `ego ole ka X dị?` (Tagalog `di`
#     takes the item back), `peak 3 ctn` taking the powder refill beside the tins. 0.947, every unknown flagged,
#     once `coke zero` where the catalog has no Zero is flagged rather than confirmed as plain Coke.
#   yungui: a Yunnan and Guizhou wholesaler on WeChat (Southwestern Mandarin: `莫得`, `整`, `拿…过来`, `咋个卖`,
#     `好多钱`; pinyin and initials, homophone slips, cigarettes by the `条`, specs written `500ml*24瓶/件`).
#     First read: case exact 0.939, line F1 0.973, wrong lines 0.8 %, ambiguity asked 0.944, unknowns flagged 1.0,
#     price questions 0.75. With `咋个卖`, a price asked per one unit after an order (`特仑苏一提好多钱`), `条`
#     counting cartons of cigarettes and a brand typed for its sound as an everyday word (`心相映卷纸`): 0.950 /
#     0.980 / 0.3 %; 0.956 / 0.983 with `软米` a rice and a product taken back by name alone (`不要雪花了 换成...`)
#     giving its amount to the one named in its place. `咋个卖` then left out as one word (0.953 / 0.982 / 0.6 %): the
#     intent classifier's tokenizer splits its training data with the same words, and the model trained on them
#     read Chinese orders such as `千禾 2件` as edits (china_market intents 0.983 -> 0.930). 0.956 / 0.985 once the
#     packets a name counts before its slash (`10包/条`) are counted into its packs (`手帕纸 一百包`).
#     Left: `可乐` and `青岛` read as the aliases and the classic say, `啤酒` where names say only the brand, `清爽型`,
#     `怡保` (a word of its own) for `怡宝`.
#   jinmeng: a Taiyuan, Datong and Hohhot/Baotou wholesaler on WeChat (Jin and Inner Mongolian Mandarin: `甚价`,
#     `咋卖`, `要上`, `给拿上`, `各来`, `算球了`, `额`, `俺`, `明儿个后晌`; pinyin and initials, homophone slips,
#     traditional characters, a B2B list's specs `420ml*12瓶/箱` and `10包/条`, categories `乳品-纯奶`, numeric item
#     codes). First read: case exact 0.936, line F1 0.963, wrong lines 0.5 %, ambiguity asked 0.929, unknowns flagged
#     0.857, price questions 1.0. With what a pack holds said before the count of packs (`蒙牛纯奶24盒的 3提`), the
#     pieces a name counts before its slash (`10包/条`, `手帕纸 一百包`), a correction to a product filed under the
#     same kind (`特仑苏十提 不对 是安慕希`), a weight two bag sizes make asked about (`莜面 二十斤`), item codes of
#     digits beside an amount (`货号50010001 2箱`) and `甚价`: 0.972 / 0.988 / 0.3 % / 0.966; 0.975 / 0.991 with a
#     number without a unit after `各` counting each product (`特仑苏安慕希各来三`), 0.978 / 0.992 with a unit said
#     with a corrected amount picking the pack asked about (`玻汾改成4箱`). One label asked the case of a 玻汾
#     whose single bottle is on the list too, for a price asked with no pack: it now asks which. Left: `红塔山` read
#     as its `经典1956` (the name's number is no word of it), `蒙牛纯奶` also asking the 特仑苏 filed under `纯奶`,
#     `刀削面 挂面 各来三件` (the one is filed under the other), homophone slips `东胡`, `纯真` and `六个合桃` (read as
#     `河套`), `蒙牛奶特` asking among the brand's milks.
MARKET_FLOORS = [
    # market, cases, case exact, line F1, wrong lines at most, ambiguity asked, unknowns flagged
    ("other_market", 40, 0.90, 0.95, 0.01, 0.90, 0.90),
    ("third_market", 40, 0.97, 0.97, 0.0, 0.95, 0.90),
    ("fourth_market", 75, 0.995, 0.995, 0.0, 1.0, 1.0),
    ("fifth_market", 70, 0.97, 0.98, 0.0, 1.0, 1.0),
    ("ashanti_market", 190, 0.98, 0.99, 0.0, 1.0, 1.0),
    ("dhaka_market", 135, 0.94, 0.945, 0.017, 1.0, 1.0),
    ("sixth_market", 90, 0.95, 0.97, 0.0, 1.0, 1.0),
    # Pune and Mumbai kirana: Hinglish with Marathi words, Devanagari Marathi and Hindi, opaque numeric item codes.
    # First read 0.679 / 0.829, 1.7 % wrong lines, asked 0.730, unknowns 0.571, price questions 0.667; intent
    # accuracy 0.921 (check_price F1 0.70). With Marathi words and the general rules: 0.937 / 0.973, no wrong line,
    # asked 0.973, unknowns 0.857. Surf Excel Matic a line to be named (line_words), केस read as a case, `X galti se 4
    # likha, 3` read: 0.964 / 0.987; 0.968 once a kind named beside a discontinued product of that name leaves its
    # brands' own lines to be named. Left: Devanagari brand spellings (रेड लेबल, जेमिनी, थम्स अप).
    ("pune_kirana", 220, 0.965, 0.985, 0.0, 0.94, 0.85),
    ("seventh_market", 100, 1.0, 1.0, 0.0, 1.0, 1.0),
    ("visayas_market", 110, 0.96, 0.98, 0.0, 1.0, 1.0),
    ("panay_negros", 190, 0.975, 0.99, 0.0, 0.96, 0.75),
    ("guangxi_market", 125, 1.0, 1.0, 0.0, 1.0, 1.0),
    ("rift_market", 95, 0.985, 0.995, 0.0, 0.95, 1.0),
    ("kenya_town", 170, 0.975, 0.99, 0.0, 1.0, 1.0),
    ("malawi_market", 105, 0.96, 0.99, 0.0, 0.92, 1.0),
    ("luzon_market", 175, 0.975, 0.98, 0.006, 0.92, 1.0),
    ("sichuan_market", 190, 0.965, 0.98, 0.0, 0.88, 1.0),
    ("mindanao_market", 170, 0.955, 0.99, 0.0, 0.92, 1.0),
    ("cebu_distributor", 220, 0.975, 0.99, 0.0, 1.0, 1.0),
    ("dongbei_market", 230, 0.99, 0.998, 0.0, 0.99, 1.0),
    ("copperbelt_market", 210, 0.965, 0.985, 0.0, 1.0, 1.0),
    ("quezon_grocery", 155, 0.98, 0.99, 0.0, 0.94, 1.0),
    ("lingnan_market", 155, 0.985, 0.99, 0.0, 0.88, 1.0),
    ("lake_market", 50, 0.96, 0.97, 0.0, 0.92, 1.0),
    ("xibei_market", 210, 0.985, 0.995, 0.005, 0.94, 0.85),
    ("jiangnan_market", 135, 0.97, 0.99, 0.008, 0.91, 0.8),
    ("zhongyuan_market", 270, 0.96, 0.985, 0.0, 0.97, 1.0),
    ("manila_taglish", 185, 0.985, 0.99, 0.0, 1.0, 1.0),
    ("nairobi_estates", 170, 0.99, 0.99, 0.0, 0.97, 1.0),
    ("onitsha_market", 240, 0.945, 0.98, 0.005, 0.95, 0.99),
    # Abidjan distributor: French with Nouchi and Dioula words, casiers, fardeaux, bidons, prices in F CFA. First
    # read 0.590 / 0.696, 5.9 % wrong lines, asked 0.818, unknowns 0.643, price questions 0.000; intent accuracy
    # 0.810 (check_price F1 0.22, human_handoff 0.00). With the French locale: 0.865 / 0.901; 0.871 / 0.907 once an
    # amount said in place of another (`12 pas 10`) is never read as a pack count; 0.893 / 0.916 once glass and cans
    # name no variant; 0.904 / 0.935, 2.0 % wrong lines, once `non` of `NON SUCRE` alone is a no; 0.916 / 0.942 with
    # what a product comes in (`A L'HUILE`) no variant; 0.921 / 0.948, 1.3 % wrong lines, once French `je` is no
    # Swahili question word; 0.927 once a spicy sardine beside the one in oil of its brand and another's is a variant
    # when only the kind is named; 0.933 once `omo` asks its 100F sachet too. Left: Dioula counting words (`saba` is
    # Swahili 7), half packs (asked), `café` and `thé` for NESCAFE and THE LIPTON, `lessive` beside a name writing it.
    ("abidjan_market", 175, 0.93, 0.945, 0.014, 0.9, 1.0),
    # A Northern Mindanao sari-sari wholesaler: opaque codes (`F1-0413`), names cut to consonants (`LM PCTN CHSMNSI
    # 60G 72S`, `SFGRD PURE WHT`, `BNNA KTCHP`), price points glued to a currency letter (`P10`, `P19`), strips sold
    # by the `TIE` and `BANIG`, reams, tingi pouches; owners write Bisaya, Tagalog and English text-speak (`q`, `nmn`,
    # `2mrw`, `d2`) with Spanish and Cebuano numbers. First read: case exact 0.796, line F1 0.871, wrong lines 1.9 %,
    # ambiguity asked 0.938, unknowns flagged 0.833, price questions 1.0; intent accuracy 0.949.
    ("northmin_sarisari", 190, 0.92, 0.95, 0.012, 0.93, 0.83),
    # Minnan: a Quanzhou and Xiamen wholesaler on WeChat (Fujian beers, 银鹭 and 达利 drinks, 盼盼 and 友臣 snacks,
    # 兴化米粉, 面线, 沙茶酱, 古龙 tins, 安溪 tea; Minnan-flavoured Mandarin: 阮, 有无, 敢有, 偌济钱, 几箍, 免了, 歹势,
    # 明仔载; full-width digits, `x5`, `*3`, `24入`, `12支装`, pinyin initials, slips of voice input). First read:
    # case exact 0.928, line F1 0.971, wrong lines 1.2 %, ambiguity asked 0.919, unknowns flagged 0.900, price
    # questions 0.750; intent accuracy 0.953 (check_price F1 0.80). With the Minnan words and the general rules its
    # misses pointed at (a name a particle begins, 哈啤; a brand heading several products asks among all its lines;
    # 矿泉水 and 茶叶 asked among their kind; a bare number correcting a size said as a bare number, 要500的):
    # 0.974 / 0.989, no wrong line, asked 0.973; 0.979 / 0.991 once a nickname of one size built on the nickname of
    # all (`大可乐` beside `可乐`) named that size. Left: `bw` (two-letter initials are read only beside other words
    # of the name), `和其证` (its 和 taken as `and` before the slip is heard as 和其正), a bare `可比克` taking the
    # 原味 one (the label asks between flavours) and `方便面` also offering the 面线 filed under noodles.
    ("minnan_market", 190, 0.975, 0.99, 0.0, 0.97, 1.0),
    # Chennai kirana: Tanglish and Tamil script, a distributor's price list (opaque codes, MRP points, 1*12 packs).
    # First read 0.578 / 0.768, 3.6 % wrong lines, asked 0.585, unknowns 0.889, price questions 0.250; intent
    # accuracy 0.901 (check_price F1 0.64). With Tamil script read through the transliteration library, Tamil words
    # and the general rules: 0.978 / 0.991, 0.4 % wrong lines, asked 0.951; 0.982 once `washing powder 1kg` no longer
    # asks the Matic too. Left: `maggi 4 pack` (a pack count in the name), `lays 10 rs` (Classic read as the base),
    # `paste` alone. `aavin paal` (a brand's unsold kind) is flagged: 0.991 / 0.996, no wrong line.
    ("chennai_kirana", 220, 0.98, 0.99, 0.005, 0.95, 0.88),
    # Pampanga grocery wholesaler: a supermarket-style price list (long descriptive names, POS item codes, `SACHET
    # 12S TIE`, `BANIG`, `PCK/10`, `BX/72`, `CS/24`, `REAM/10`, peso price points `P7`, `P10` in names); sari-sari
    # owners of Pampanga, Tarlac and Pangasinan write Kapampangan (`buri ku`, `dinan yu ku`, `ampo`, `metung`, `atlu`,
    # `pilan`, `atin pa`, `e pala`), Pangasinan (`labay ko`, `tan`, `pigara`, `walay`, `aliwa`), Ilocano, Tagalog
    # and text-speak, `tig-5`, `tag-7`, Spanish numbers. First read: case exact 0.766, line F1 0.850, wrong lines
    # 3.7 %, ambiguity asked 0.818, unknowns flagged 1.000, price questions 0.889; 0.803 / 0.874, asked 0.851, with
    # `canton original` labelled as the conventions say (Payless's XTRA BIG ORIGINAL fits it too: ask the brand);
    # 0.883 / 0.940, 2.8 % wrong lines, asked 0.915, with `tie` a pack and Kapampangan, Pangasinan and Ilocano words;
    # 0.908 / 0.953 with `xtra`, `lite` read as spelt and `mantika` any oil; 0.933 / 0.972, 1.2 % wrong lines, with
    # `coke` of the alias `coke mismo` naming every size of the regular Coca-Cola; 0.937 / 0.974 once a word for
    # larger picks the size a list writes in words (`itlog a dadakkel` of eggs sized medium and large); 0.950 / 0.980,
    # every ambiguity asked, once words naming a brand's other size (`kwatro kantos`) ask the size; 0.954 / 0.984
    # with an article before an amount that `na` links to its product (`so duaran sako na jasmine`); 0.958 / 0.986,
    # 0.8 % wrong lines, once `wag na pala` after an item takes it off; 0.962 / 0.988 with a unit word the list gives
    # a product as its alias (`supot 5 pack`) read as that product beside another unit.
    ("pampanga_wholesale", 235, 0.96, 0.985, 0.009, 0.99, 1.0),
    # Huguang: a Changsha, Xiangtan and Wuhan wholesaler on WeChat whose price list names SKUs the platform way
    # (brand, series, flavour, spec: `125ml*48瓶/箱`, `10元*10包/条`, `2粒*20卡/盒`; a single bottle beside its
    # case; categories written `酒水/白酒`; numeric item codes); Xiang and Wuhan words (好多钱, 几多钱, 冇得,
    # 有冇得, 么子, 莫要了, 不消了, 哒, 咯, 搞), n/l and f/h slips of the input method, price points
    # (`口味王10块的`), voice run-ons. First read: case exact 0.910, line F1 0.949, wrong lines 1.5 %, ambiguity
    # asked 0.884, unknowns flagged 1.0, price questions 1.0. With the Xiang and Wuhan words, `泡面` for the
    # catalog's `方便面` and `5号` a numbered size: 0.945 / 0.962 / 0.4 %, asked 0.930; 0.952 / 0.966 with the sounds
    # Xiang speakers say alike (`龙夫山泉`, `鲁花发生油`) heard as the brand; 0.958 / 0.968 with `10块的` a price point;
    # 0.962 / 0.972 with `50包` of `10包/条` five strips; 0.969 / 0.979, no wrong line, with a bare number after a
    # correction of an amount said with its pack word a size, and a product named in place of one taken back taking
    # its amount; 0.972 / 0.981 with `上回的单再来一遍` (the last order again) no words of an item; 0.976 / 0.983 with
    # the product named before a correction word (`..., 橘子的改成3件`) the line corrected; 0.979 / 0.985 with a brand
    # typed for its sound picking among the products the other words name (`到到全菜籽油`). One label then asked between
    # flavours where the conventions take the plain one (`薯片` beside `乐事`, the 原味 chips); with it as they say, the
    # first read is 0.913 / 0.951, asked 0.905, and now 0.983 / 0.987, asked 0.952; 0.986 / 0.989 with `半斤的` the
    # catalog's word `半斤`, not a size nothing comes in.
    ("huguang_market", 285, 0.985, 0.985, 0.0, 0.95, 1.0),
    # Java and Sunda grosir: an Indonesian wholesaler's price list (`INDOMIE GORENG SPESIAL 85GR DUS ISI 40`, `RCG ISI
    # 10` strips of sachets, `BAL`, `KARUNG`, `SLOP`, `LUSIN`, `KODI`; IDR; opaque codes) and warung owners on WhatsApp
    # in Bahasa Indonesia with Javanese and Sundanese words (`brp`, `sm`, `yg`, `ds`, `sedus`, `rong dus`, `tilu`,
    # `eh salah`, `ga jadi`, `ganti`, `ada stok?`, `ready?`, `regane piro`, `sabaraha`). First read, before any
    # Indonesian words: case exact 0.442, line F1 0.604, wrong lines 3.2 %, ambiguity asked 0.645, unknowns flagged
    # 0.889, price questions 0.000. With the Indonesian words: 0.713 / 0.817, 2.2 % wrong lines, asked 0.968; with
    # `spesial` the base product's word and an unsold flavour beside a brand unknown: 0.797 / 0.867; with `se-` glued
    # for one (`sedus`), teens (`lima belas`), a decimal comma before a spaced measure, the one number beside a count
    # that some names write (`surya 12 2 slop`) and a number word of another language read as the message's own
    # word (Bikol `tolong`, three; Indonesian please): 0.876 / 0.926, 1.8 % wrong lines; with the Javanese and
    # Sundanese words (`rong`, `limang`, `sak bal`, `karo`, `regane piro`; `tilu`, `opat`, `sareng`, `sabaraha`):
    # 0.888 / 0.939; with a price cue for whether there is any (`ada stok?`, `ready?`) and a pack a name calls by
    # its local word leaving other brands' SKUs of another pack level out (`gula pasir 1 karung`): 0.912 / 0.952,
    # 0.4 % wrong lines, every ambiguity asked; with `ga jadi` (not after all) taking an item back and `kodi` a pack:
    # 0.920 / 0.956, no wrong line; with the one number in a price question that some names write naming those
    # (`regane surya 12 piro?`): 0.924 / 0.958; with a currency typed tight to the price after a count (`10 @21rb`)
    # that price's: 0.928 / 0.962; with money sent before an order (`transfer 500rb`) no item: 0.932 / 0.962.
    # 0.936 / 0.962 once `kosongnya` (the empties) is chatter; 0.940 / 0.971 with `@2 dus` two of each; 0.944 /
    # 0.973 with a name spelling one kind of its joined category another way (`SAOS` under `Kecap & Saus`).
    # Left: `leminerale`, `soklin` (a brand's space dropped after a short word), `sunlite`, half packs (asked),
    # `surya 12 : 3 slop` (a colon list), `teh botol sosro 48 botol` (bottles beside a carton of boxes), the plain
    # (putih) condensed milk and `susu bendera coklat`, `vetsin`, Sundanese `teh` (sister) taken for tea.
    ("java_grosir", 240, 0.94, 0.97, 0.0, 1.0, 1.0),
    # A Naga and Legazpi sari-sari wholesaler: a kind-then-size price list (`Ligo Sard. Tom. Sce (Red) 155g x100 /cs`,
    # `SS Toyo 1L x12 /cs`, `RH Beer 1L x6 /cs`, `Coconut Cooking Oil 1 Gal /gal`, sell marks `/bx`, `/tie`, `/bdl`,
    # `/sk`, `/banig`) and owners writing Bikol (`tabi`, `asin` for and, `saro`, `duwang`, `tulong`, `dangan`,
    # `dae na`, `sala palan`, `pira`, `igwa pa`, `hain`, `kasuarin`), Tagalog, Taglish and text-speak. First read:
    # case exact 0.841, line F1 0.912, wrong lines 2.7 %, ambiguity asked 0.833, unknowns flagged 0.857, price
    # questions 1.0. With `asin` joining two items, `gal` a jerrycan, `evap` the Evaporada, `100s` a pack's contents
    # and the general rules its misses pointed at: 0.959 / 0.977, 0.9 % wrong lines, asked 0.929.
    ("bicol_wholesale", 240, 0.955, 0.975, 0.009, 0.92, 0.85),
    # Jingjin: a Beijing, Tianjin and Hebei wholesaler on WeChat (specs written `103g*24袋`,
    # categories `方便食品-方便面` and `调味品-鸡精味精`; 燕京 in cans beside glass-bottle crates,
    # 北冰洋, 二锅头 by nickname: 大二, 小二, 牛二; 王致和, 六必居; Beijing and Tianjin words:
    # 甭, 得嘞, 仨, 今儿, 明儿, 多儿钱, 嘛价, 介个, 齐活; initials ksf, nfsq, wlj). First read: case exact 0.940,
    # line F1 0.976, wrong lines 0.5 %, ambiguity asked 0.948, unknowns flagged 1.0, price questions 0.800.
    # With the Beijing and Tianjin words and the general rules its misses pointed at (a category running two
    # kinds together, 米 the rices, 箱 a crate too, 玻璃瓶 a pack, `不是 是X`): 0.980 / 0.995, none wrong.
    # Left: `方便面` leaving out a brand's flavours beside its 红烧, `王致和腐乳` also offering
    # the 臭豆腐 (itself a 腐乳), a bare `盐` taken as the iodised one, `燕京啤酒` also offering
    # U8 and 纯生, `酱油醋各一箱` (two kinds run together).
    ("jingjin_market", 250, 0.98, 0.995, 0.0, 0.96, 1.0),
    # Ganwan: a Nanchang, Jiujiang, Hefei and Wuhu wholesaler on WeChat whose list runs brand and product
    # together (`统一老坛酸菜牛肉面(袋) 121g×24包/件`, `5L×4桶/件`; rice filed under `粮油` as `籼米` and
    # `丝苗米`; 四特, 李渡, 古井贡, 口子窖, 洽洽, 三只松鼠, 煌上煌, 润田); Gan and Jianghuai words (么得, 冇得,
    # 几多钱, 咯, 撒, 搞, 要得, 莫, 俺, 可照), pinyin and initials, input-method slips, cheque numerals, English
    # brand names. First read: case exact 0.893, line F1 0.943, wrong lines 0.4 %, ambiguity asked 0.880. With a
    # brand run into a numbered name read apart, `叁` and `拾`, `薄盐` a variant, `纯奶`, the kinds a list writes
    # for rice, oil and vinegar, what follows a brand an alias runs into, English brand names, `听` for `罐`,
    # pinyin `jian`, `X不要了 Y` and `不是罐装 是瓶装`: 0.969 / 0.987, none wrong, asked 0.980.
    # Left: `农夫山泉` and `润田` alone (the label takes the water the brand is named for; the reader asks
    # among the brand's lines), `李渡1955几多钱一件`, `330罐装`, `六个合桃` and `冰红差` (slips in a name's
    # own words), `yyjx`, `莫发雪碧 发可乐`, `王老吉 罐的 瓶的 各五件`.
    ("ganwan_market", 285, 0.965, 0.985, 0.0, 0.97, 1.0),
    # An Ilocos and La Union wholesaler to sari-sari stores (Laoag, Vigan, San Fernando): a price list written
    # `LUCKY ME CANTON X-HOT 60G BX/72`, `ARGENTINA CORNBF 150G CS/48`, `555 SARD TSC`, `DATU PUTI SOY 1L CS/12`,
    # `RM/10`, `/SK`, `/GAL`, categories `GROC-NOODLES`, `STAPLES-OIL`, `TOBACCO`; Sukang Iloko, bugguong, basi; owners
    # writing Ilocano (`ag-order ak`, `dua a kahon`, `sangakahon`, `sangapulo ket lima`, `tagdua`, `ken`, `mano`,
    # `adda pay kadi`, `gayam`, `ketdi`, `ikkat`), Pangasinan (`duaran`, `talora`, `tan`, `pigara`), Tagalog, Taglish
    # and text-speak. First read: case exact 0.895, line F1 0.943, wrong lines 0.6 %, ambiguity asked 0.839,
    # unknowns flagged 0.952, price questions 0.900. With the Ilocano words (`sanga-`, `ket`, `ketdi`, `baliwan`,
    # `manu`) and kind words finding what the list writes short or files under a category (`toyo` the SOY sauces,
    # `cooking oil`, `corned beef` CORNBF, `tomato sauce` TSC, `sigarilyo` the TOBACCO shelf): 0.941 / 0.968; 0.949 /
    # 0.982, no wrong line, with `sml` the initials of SAN MIG LIGHT, `gin` the ginebra and an amount of each in
    # words before a colon (`tagtallo a tali: ...`). Left: what the plain `canton`, `lucky me`, `coke`, `ginebra`,
    # `marlboro`, `silka` ask among (the reader asks among or takes the base products where the labels ask among
    # all); `xtra hot` beside a brand's XTRA BIG, `mantika 1 galon` (a bare 1 read as the 1L), `beer` (no name
    # writes it), Ilocano `no` (if) read as no, `dagdagan ... iti 5` (five more), `kopiko 78`, `mega sardines red`.
    ("ilocos_wholesale", 350, 0.945, 0.98, 0.0, 0.89, 0.95),
    # Pwani coast: a Mombasa, Kilifi, Malindi and Ukunda wholesaler whose price list puts the kind first, cut short
    # (`MAIZE FLR JOGOO 2KG X12`, `V/OIL FRESH FRI 5LTR JCN`, `C/FAT`, `B/SOAP`, `D/POWDER`, `T/TISSUE`), bread by the
    # loaf, eggs by the tray, gas refills; duka owners write coastal Swahili (`nipa`, `nnataka`, `nitilie`, `kasha`,
    # `debe`, `robo kilo`, `mia tatu`), Sheng and English, paste M-Pesa confirmations and name brands that are
    # everyday words (`sawa`, `jamaa`, `tamu`, `total`). First read: case exact 0.905, line F1 0.957, wrong lines
    # 0.7 %, ambiguity asked 0.957, unknowns flagged 1.0, price questions 0.857. With `×` read as `x`, a sum word
    # before a size a name (`total 6kg refill`) and a count before a product after a price question an order:
    # 0.919 / 0.966 / 0.4 %, price questions 1.0. With kinds found by the words a list cuts to an initial (`cooking
    # fat` for `C/FAT`), `robo kilo` a quarter, money before an order (`niko na 5k`, `nimetuma ... paybill`), `embe`
    # every mango product and `jamaa` (mate) a word of address: 0.944 / 0.973, no wrong line, every ambiguity asked;
    # 0.947 / 0.975 with Sheng `form ni` (the plan is) chatter.
    # Left: a white loaf asked beside the brown one (both colours named), `maziwa` also offering the `MALA` filed
    # under `MILK & DAIRY`, `debe` (the 20-litre can) and `kings 386?` (the grade read as the amount).
    ("pwani_coast", 280, 0.94, 0.97, 0.0, 0.98, 1.0),
    # Kano wholesale: a Kano, Kaduna and Zaria distributor to provision shops and kiosks, whose price list writes
    # goods short (`G/PENNY SPAG 500G X20 BAG`, `POWER OIL V/OIL 25L JCN`, `G/NUT OIL`, `TOM PASTE`, `PEPPER CHKN`),
    # sells by CTN, BAG, PK, CRT, JCN and BALE, and files goods under categories joining two kinds (`RICE & GRAINS`,
    # `FLOUR & SEMO`); owners write Hausa (`kawo min`, `kwali biyar`, `buhun shinkafa`, `rabin buhu`, `a cire`,
    # `maimakon haka`, `nawa ne`, `akwai`), Pidgin and English. First read: case exact 0.889, line F1 0.940, wrong
    # lines 2.1 %, ambiguity asked 0.889, unknowns flagged 0.955, price questions 1.0. With `spag` written for
    # spaghetti, Hausa kind and size words (`mai gyada`, `masara`, `karami`), a kind of a joined category leaving out
    # names that write another kind, a pack word naming the product in a correction (`..., sorry dano sachet`) and
    # a removal pointing back (`remove it`, `comot am`, `a cire shi`): 0.938 / 0.967, 0.7 % wrong lines; 0.948 /
    # 0.969, asked 0.963, with a numbered size written in brackets (`MOLFIX MAXI (4)`) and `toothpaste` the ORAL CARE
    # shelf. One label offered a flavour among the sweets (`alewa`) where the conventions take the plain one.
    # Left: plain `indomie` (the list's Hungry Man, a named size, asked beside the 70g), `semolina` for Semovita,
    # `vegetable oil` also offering groundnut and palm oil, `milo` also offering its cubes, `closeup green` (the
    # menthol), `pad` and `diaper` for brands whose names do not say so, `ba omo ba` (Hausa `not ... not`).
    ("kano_wholesale", 324, 0.945, 0.965, 0.007, 0.96, 0.95),
    # Chapina abarrotes: a Quetzaltenango, Huehuetenango and Chiapas mayorista whose price list writes `COCA COLA 3LT
    # PET FDO 6U`, `LATA 24X355ML CJ`, `GFN 5GL`, `ARROZ BLANCO PRIMERA QQ 100LB`, `ARROBA 25LB`, `TIRA 24U`, `DISP`,
    # `CTN 10X20`, sizes in pounds, categories `GRANOS-FRIJOL` and `LIMPIEZA-CLORO`, prices in GTQ; tienda owners write
    # informal Guatemalan and Mexican Spanish (`mandeme`, `porfa`, `seño`, `fardo`, `quintal`, `a como esta`, `hay`,
    # `no, que sean`, `quite`, `ya no`, `me regala`) with a K'iche' or Mam greeting. First read, before any Spanish
    # words: case exact 0.497, line F1 0.722, wrong lines 3.0 %, ambiguity asked 0.333, unknowns flagged 0.778, price
    # questions 0.444. With the Spanish words, pounds a weight, `qq` and `arroba` the names of a sack's sizes and
    # `BOT` a bottle: 0.837 / 0.916, 1.6 % wrong lines, asked 0.923. With the count a name writes after its pack
    # (`FDO 6U`) no word of the product, a measure with a number word (`tres litros`), with none (`rinso kilo`) or and
    # a half (`litro y medio`) a size, and a size said to its round figure (`3 litros` for the 3.03L): 0.886 / 0.939,
    # 0.9 % wrong lines; 0.895 / 0.945, 0.6 % wrong lines, with a removal said alone before a corrected item taking
    # off the item before it (`modelo, ya no, mejor 2 cajas de gallo`), `no hay X?` asking whether there is any and
    # `un par` a pair, not a range; 0.898 / 0.950, 0.3 % wrong lines, asked 0.949, with `big` of a brand said in full
    # (`big cola`) no word for the largest size and a bare `3` the 3.03L; 0.901 / 0.951 with a name's marks left off
    # as owners type it (`dona blanca` for DOÑA BLANCA).
    # Left: `azucar` with `qq` (the list writes AZUCAR BLANCA beside AZUCAR MORENA: both colours named, asked, as white
    # and brown bread are), `12 cocas` and `50 jabones` (pieces counted by the product's own name), `1 de azucar` after
    # items by the quintal (the pack carried over), `big naranja` for BIG ORANGE, `lo mismo de sprite`.
    ("chapina_abarrotes", 330, 0.895, 0.945, 0.005, 0.94, 1.0),
    # Mozambique grossista: a Maputo, Matola, Beira and Nampula wholesaler to cantinas, barracas and lojas whose price
    # list writes `2M CERVEJA 24X330ML GRADE RET`, `COCA-COLA 6X2L PET FRD`, `FARINHA MILHO MEREC SC 25KG`, `CX 24UN`,
    # `DISPLAY 24UN`, `VOL 10X20`, `DZ`, prices in MZN; owners write informal Portuguese (`manda`, `pfv`, `obg`,
    # `grade`, `fardo`, `saco`, `dúzia`, `quanto custa`, `ainda tem`, `afinal`, `não, são`, `tira`, `já não`,
    # `patrão`, `mamã`) with Changana and Emakhuwa words (`xewani`, `khanimambo`, `ntlhanu`). First read, before any
    # Portuguese words: case exact 0.615, line F1 0.761, wrong lines 4.6 %, ambiguity asked 0.667, unknowns flagged
    # 0.846, price questions 0.0. With the Portuguese words and `garrafa` a bottle, not Spanish's jug: 0.918 / 0.954,
    # 0.3 % wrong lines, asked 0.957, unknowns 1.0, price questions 0.9; 0.921 / 0.957 once Portuguese `do` (of the)
    # before a pack word is no Hindi two (`preço do volume`); 0.945 / 0.967, no wrong line, asked 0.971, with Changana
    # counting words, `e tem X?` after an order a question, bottles leaving out the can case, `CHA E CAFE` read per
    # product and `mealie meal` the maize meal. Left: `refresco` (Spanish's word, not the list's REFRIGERANTES),
    # `velas numero 8` for `N8`, P/M/G diaper sizes said `pequeno`/`grande`, `meia duzia` (asked as six pieces),
    # `24X300ML coca cola 12` (the spec read as the count), OMO not written as a detergent, `caixa` also offering a
    # DISPLAY box, `gt 4 vol` dropped, a pasted name before `x 2`, `maria 25kg x 3 chibuto 25kg x 3` run together.
    ("mozambique_grossista", 375, 0.94, 0.96, 0.0, 0.97, 1.0),
    # Bihar kirana: a Patna, Gaya, Muzaffarpur and Bhagalpur distributor's price list (opaque codes, `MRP 10`, `CS
    # 1X144`, `BORI 1X25`, `LDI 16 PC`, `12X1L`, `PTI`) and kirana and paan-gumti owners writing Hindi in Devanagari,
    # Hinglish, Bhojpuri and Maithili (`dihi`, `bhejab`, `ka bhaav ba`, `go`, `tho`, `aa`), Devanagari digits,
    # `5 wala`, `dedh`, `dhai`, `aadha`. First read: case exact 0.619, line F1 0.780, wrong lines 3.1 %, ambiguity
    # asked 0.721, unknowns flagged 0.842, price questions 0.714. With `10 wala` of an alias (`surf 10 wala`) no word
    # of a name and `LDI`, `PTI` pack words: 0.734 / 0.861 / 2.0 %; 0.773 / 0.880 / 1.9 % with Bhojpuri and Maithili
    # words (`chahi`, `dihi`, `mangwani`, `ka bhaav ba`), `जी` the letter G after a name's word and `kanch`, `kaju`;
    # 0.793 / 0.892 / 0.6 % with `rehne do` taking a line off, a line taken off by its own words (`surf hata do` of
    # `surf 10 wala`), a word of chatter elsewhere opening an item a catalog word (`rin`), `pichhli baar jaisa`;
    # 0.804 / 0.897 with `bada`, `chhota` size words, TETRA packaging and `चावल` (chaaval) the list's CHAWAL; 0.826 /
    # 0.910 once a price point a name writes is a size for the alias (`parle g 10 wala` beside PARLE-G GOLD MRP 10);
    # 0.832 / 0.913, asked 0.860, with `sarson` and `tel` other spellings of `mustard` and `oil`; unknowns flagged
    # 0.895 once a price point no name writes, where every name writes one, fits nothing (`parle g 50 wala`). Left:
    # Colgate's other line (`colgate` asks the tooth powder too), `chini` asking the GUR its category holds,
    # Devanagari brand spellings (`फॉर्च्यून`, `साइकिल`), `2-2 peti` (two each), `sunsilk` and `tata chai` beside
    # a brand's other line of one price.
    ("bihar_kirana", 355, 0.83, 0.91, 0.007, 0.85, 0.89),
    # Lagos market: a Lagos and Ibadan wholesaler (Mushin, Oshodi, Ikorodu, Bodija, Dugbe) to provision shops, kiosks
    # and food sellers whose price list files goods under its own opaque codes (`IND-CH-70`, `PWR-25L-JC`) and writes
    # `INDOMIE CHICKEN 70G X40 CTN`, `COCA-COLA 35CL RGB X24 CRT`, `CWAY SACHET WATER 50CL X20 BG`, `PEAK POWDER
    # SACHET 16G ROLL X10`, `TITUS SARDINE IN V/OIL` beside `KINGS VEG OIL`, price points `GALA SAUSAGE ROLL N200`,
    # prices in NGN; owners write Pidgin (`abeg`, `una get`, `wetin be price`, `e don finish`, `make am 6 no be 5`,
    # `comot`), Yoruba (`e jowo`, `paali meji`, `apo`, `kireti`, `elo ni`, `ko si`), Igbo (`biko`, `katon abuo`,
    # `akpa`, `ego ole`) and English, and quote naira (`at N3,600`, `₦45,000`). First read: case exact 0.906, line
    # F1 0.956, no wrong line, ambiguity asked 0.844, unknowns flagged 0.875, price questions 1.0. With a naira
    # amount in thousands money wherever it stands, a brand a keypad spelling of a pack word would spell the brand
    # (`gala 200`), `vegetable` left whole where the list also writes `VEG`, `spaghettini` a pasta, and Pidgin
    # `don finish` and `wey`, Yoruba `bayi`: 0.936 / 0.970; 0.947 / 0.980, asked 0.886, with a `roll` a pack of
    # sachets or a piece, counting pieces where a name counts its rolls; 0.953 / 0.985, unknowns 0.938, with `na`
    # after a count said after its goods (`akpa garri abuo na katon ...`) starting the next item; 0.956 / 0.987
    # with `jery` a jerrycan; 0.961 / 0.991 with a code copied from the list (`IND-CH-70 x 10`) naming its SKU. One
    # label asked between a plain sardine and its hot variant where the conventions take the plain one. Left: plain
    # `indomie` and `peak` (the list's flavours and lines, asked otherwise than labelled), `toothpaste` and `diaper`
    # for brands whose names do not say so, `star can` and `dano` beside a Radler and a Slim that add no word to
    # the plain name, `checkers custard` read as crackers, `paali gino sachet meji` (the count read as sachets).
    ("lagos_market", 361, 0.955, 0.985, 0.0, 0.88, 0.93),
    # Rift Valley and central highlands: a Nakuru, Eldoret, Naivasha, Nyahururu, Kericho and Nyeri wholesaler to
    # dukas, kiosks and hotels whose price list writes `JOGOO MAIZE MEAL 12X2KG BALE`, `TUSKER LAGER 500ML RGB 25PC
    # CRATE`, `VEG OIL`, `C/FAT` spelt out, `T/TISSUE`, `KSH10` sachets and categories joining kinds (`TEA/BEVERAGES`);
    # owners write Swahili, Sheng (`form ni`, `ashara`, `doh`, `ka-crate`), Kenyan English and Kalenjin or Kikuyu
    # courtesies (`chamgei`, `kongoi`, `wega`). First read: case exact 0.892, line F1 0.952, wrong lines 0.3 %,
    # ambiguity asked 0.857, unknowns flagged 1.0, price questions 1.0. With a beer brand said alone its lager,
    # `shingapi`, `imeisha` and `siku hizi` in price questions, `mafuta ya kupika` the oils, `ngano` the baking
    # flours, Sheng `doh` (money) and `ashara` (ten): 0.933 / 0.969 / 0.3 %, asked 0.914. With `sio X ni Y` (not X,
    # it is Y) before an amount, the size before a pack word of one product in a price question, an item counted
    # beside a repeat order and a name typed a letter short not read as a stem with a linker (`dawat`, `goldn`):
    # 0.949 / 0.980, no wrong line; 0.956 / 0.983 with a count after one in a pack word counted in that pack
    # (`kreti mbili za tusker, moja ya pilsner`), one amount after a range settling it and `baridi` (cold) chatter.
    # Left: `fresha` and `brookside` asked between the fresh milk and the Mala or long-life milk (a base-word rule
    # for `fresh` costs six markets cases), `pembe 2kg` taken as the maize meal beside the brand's baking flour,
    # `unga wa ugali` taken as the one name that writes `UGALI`, `majani ya chai` also offering the tea bags and the
    # Ribena filed under `TEA/BEVERAGES`, `teabags` written as one word, `kipande` (a piece) as a brand after a count,
    # `diapers` beside a name that does not say so, and the spellings `blubend`, `softkea`, `nyc n luvly`.
    ("rift_valley_stores", 297, 0.95, 0.98, 0.0, 0.91, 1.0),
    # Batangas sari-sari: a Southern Tagalog wholesaler (Batangas, Lipa, Tanauan, Lucena) to sari-sari stores and
    # carinderias whose price list writes the pack before the size (`LM PCANTON ORIGINAL 72x60g CS`, `MARLBORO RED
    # 10x20s RM`, `COKE LITRO 1L RGB x 12 CS`, `DINORADO 25KG SCK`, `SINANDOMENG 1KG TINGI`) under Tagalog categories
    # (`GATAS`, `DELATA`, `PAMPALASA`, `BIGAS`, `MANTIKA`, `LABA`); owners write Tagalog, Batangueno (`ala eh`, `are`,
    # `ire`, `ga`, `baga`), Spanish-derived numbers, Taglish and text-speak. First read: case exact 0.897, line F1
    # 0.964, wrong lines 0.6 %, ambiguity asked 0.927, unknowns flagged 0.947, price questions 0.750. With the
    # Batangueno particles chatter, `san mig` San Miguel, `pula` red, `vetsin` the Ajinomoto, `deliver sa` and `para
    # sa` a place, and returning the empties (`pakibalik yung mga bote`) or a budget no item: 0.934 / 0.976; 0.943 /
    # 0.983 with a filler of another language a name holds naming it in a counted part (`tsaka pale 2 case`), a brand
    # said again without its variant word the plain product, and counted items joined to a counted price question
    # asked with it; 0.948 / 0.986, 0.3 % wrong lines, asked 0.945, with `panlaba` the list's `LABA`, `yung tig-sampu`
    # (the one at ten each) a price point and a dozen counting pieces; 0.951 / 0.987 with `barbecue` the list's
    # `BBQ`; 0.954 with `corned beef` also the `KARNE NORTE` beside it; 0.960 / 0.990 with `de lata` the list's
    # `CAN` and a number said in place of an ordered line that sizes the new product (`..., ay hindi, sinandomeng 25
    # pala`) its size. One label asked among bread with the wheat loaf, a variant to be named. Left: `beer`,
    # `shampoo` and `juice` for brands whose names do not say so, `1 gallon 3`, `20 kaha` (packs of a ream), `kopiko
    # 78` (an unsold line beside the brand's), and plain `canton`, `marlboro` and `fortune` read as their original,
    # red and red where the labels ask.
    ("batangas_sarisari", 348, 0.955, 0.985, 0.004, 0.94, 0.94),
    # Mimaropa sari-sari: a wholesaler of Calapan, Puerto Princesa and Boac whose price list is a supermarket export
    # (long Title Case names with pack notes in brackets, `Lucky Me! Pancit Canton Kalamansi 60g (Pack of 10)`,
    # `Nature Spring Purified Water 500ml (24 btl/case)`, `Ginebra San Miguel Gin 350ml (Bilog) x 24`; barcode SKUs;
    # categories such as `Grocery > Noodles`); owners write Tagalog of Mindoro and Marinduque (`laang`, `kamo`, `ga`,
    # `ngani`), Cuyonon (`ipadara darwa ka kaha ... ag ...`, `anem`, `sampulo`, `pila`, `ara`, `ray`, `indi gali`,
    # `mayad nga timprano`, `aroman`), Hiligaynon, Cebuano, Spanish numbers, `tig-` amounts each and text-speak. First
    # read: case exact 0.957, line F1 0.986, wrong lines 0.3 %, ambiguity asked 0.941, unknowns flagged 0.941, price
    # questions 1.0. With the Cuyonon words and Taglish `tska`: 0.970 / 0.990; 0.977 / 0.993 once a name copied with
    # its bracketed pack note and the `!` of `Lucky Me!` orders the amount after it in the note's unit; 0.980, no
    # wrong line, unknowns flagged 1.0, once a fraction size sold only of other goods (`mountain dew 1.5`) is not sold;
    # 0.983 / 0.996 with `o clock` read as `O'Clock`; 0.987 / 0.997 once the alias `san mig light` said in full wins
    # over the GSM Blue Light of the brand Ginebra San Miguel. One label asked between the Century tunas for a plain
    # `century tuna`; it now takes the one in oil, as the conventions read an unqualified name. Left: `coke 5 case`
    # leaving out the Litro sold by the crate, plain `marlboro` read as the red, and `sa tindahan sa Boac` (a place
    # after the item) left to be confirmed; `sa tindahan` as a place word loses a Pampanga case where it opens a list.
    ("mimaropa_sarisari", 301, 0.98, 0.99, 0.0, 0.95, 0.95),
    ("yungui_market", 360, 0.95, 0.98, 0.006, 0.94, 1.0),
    ("jinmeng_market", 350, 0.97, 0.985, 0.004, 0.96, 0.85),
    # Hakka market: a Meizhou, Heyuan, Ganzhou and Longyan wholesaler to 小卖部 and 夫妻店 on WeChat whose price list
    # runs brand and product together with a distributor's spec (`康师傅红烧牛肉面 105g*24袋`, `金龙鱼大豆油
    # 5L*4桶/箱`), barcode SKUs, categories `粮油/食用油`, local goods (客家娘酒, 长乐烧, 沉缸酒, 腌面, 梅干菜,
    # 兴国米粉, 万绿湖, 连城地瓜干); owners write Mandarin with Hakka words (`𠊎`, `涯`, `爱`, `唔係 係`, `唔爱了`,
    # `冇`, `还有冇`, `几多钱`, `麽个价`, `同𠊎`, `承蒙`, `天光日`, `今晡日`, `下昼`) and dictate by voice input (no
    # stops, homophone slips `康师父`, `金龙于`, `王老急`, `雪璧`, `农夫三泉`, `望仔`), with pinyin and initials (`ksf`,
    # `nfsq`, `wlj`). First read: case exact 0.938, line F1 0.967, wrong lines 1.0 %, ambiguity asked 0.920, unknowns
    # flagged 1.0, price questions 0.727. One label took the 纯生 for a plain `珠江啤酒` where neither of the brand's
    # two beers is the plain one (the Guangdong market's labels ask); with it asked, the first read is 0.940. With the
    # Hakka words: 0.959 / 0.977 / 0.4 %; 0.963, price questions 0.909, with an item named after an order and then asked
    # whether there is any (`腌面5箱 沉缸酒还有冇`) asked apart; 0.968 with another size and its amount after an item
    # said with its size (`客家娘酒1.5L两箱 500ml三箱`) the same product in that size; 0.970 with a word typed for a
    # catalog word's sound beside a kind word (`望仔牛奶`) heard; 0.977 with a one-size nickname built on another size's
    # (`万绿湖大桶` beside `万绿湖`) naming its size only; 0.982 with an amount after `算了` or `唔爱咁多` correcting
    # the item's; 0.986, asked 0.962, with an alias asking among other brands' names that hold it inside a word (`可乐`
    # of `百事可乐`, `大豆油` of `一级大豆油`); 0.989 / 0.992 with a price asked per one unit and then an amount,
    # without a stop (`腌面几多钱一箱 𠊎爱五箱`), ordering that amount. Left: `长乐烧 24瓶` and `十二瓶` read as single
    # bottles where the labels take whole cases (labellers differ where the bottle is sold too), `金龙鱼大米 20斤` taken
    # as the 10kg bag the weight names where the label asks between it and two 5kg bags, a price asked after an item
    # counted before its name (`𠊎爱五箱王老吉 加多宝几多钱一箱`), and a voice run-on correcting a product typed for its
    # sound (`三箱家多宝不对是四箱家多宝`) adding the two amounts.
    ("hakka_market", 430, 0.98, 0.985, 0.005, 0.95, 1.0),
    # Nyanza fresh: a Kisumu, Siaya, Homa Bay and Kakamega wholesaler to dukas and mama mboga stalls whose price list
    # puts the kind first with its variety and grade (`TOMATOES ANNA F1 CRATE 64KG`, `ONIONS RED NET 13KG`, `EGGS
    # KIENYEJI TRAY 30`, `MANGO APPLE KG`, `OMENA DRY GOROGORO 2KG`) under categories such as `FRESH-VEG`, `FRESH-FISH`
    # and `DRY-GOODS`, and sells greens and bananas by the bunch and fish and fruit by the kg; owners write Dholuo
    # (`kelna`, `adwaro`, `ami`, achiel to apar, `piero ariyo`, `apar gi abich`, `nyiedhi`, `nengo en adi`, `nitie`,
    # `ngege`, `rech`, `tong'`, `chak`, `ero kamano`), Luhya (`mulembe`, `mba`, `ndenya`, `tsibili`), Swahili, Sheng
    # and English, with prices beside items, halves and quarters and corrections. First read, before any Dholuo words:
    # case exact 0.627, line F1 0.771, wrong lines 4.8 %, ambiguity asked 0.682, unknowns flagged 1.0, price questions
    # 0.400. With the Dholuo and Luhya words, a category's word naming no kind (FRESH of FRESH-FISH) no longer making
    # the discontinued OMENA FRESH the base of the dry omena, and `unga` beside a brand reaching `MAIZE MEAL`: 0.838 /
    # 0.925 / 1.6 %; with goods counted by the bunch and a fruit no brand makes said by its flavour's word (`mango`,
    # `onions`) asking among its varieties: 0.857 / 0.930 / 1.3 %, asked 0.909, price questions 0.8. Left: `tilapia`
    # asks between the fresh and the fried fish its labels take as the base and a variant, `grade a` (the letter read
    # as an article), weights said of goods sold in packs or by the kg (`shangi kilo 100`, `omena kilo mbili na nusu`,
    # `robo kilo tangawizi`), a price after a kg amount (`hoho kg 3 kwa 140`), `300 crate 3` with its product carried
    # over read as 300 crates, and `jamaa 5` dropped as a word of address. Then 0.889 / 0.947 / 0.8 %, asked 0.886,
    # once what to send if an item is out (`ka onge to kienyeji`) is no second line and a fruit said alone is the
    # fruit sold unbranded (`pineapple`, `machungwa`), never a brand's juice or Fanta of that flavour; `machungwa 100`
    # is now 100 loose oranges where its label also offers the net of 50.
    ("nyanza_fresh", 370, 0.88, 0.94, 0.01, 0.88, 1.0),
    # Highlands fresh: a Nyeri, Murang'a, Meru and Embu wholesaler to dukas, mama mboga stalls and small hotels whose
    # price list puts the kind first (`POTATO SHANGI GUNIA 110KG`, `CABBAGE GLOBE MASTER PC`, `MILK FRESH BROOKSIDE
    # 500ML`, `MALA 500ML BRKSD`) under `FRESH-VEG`, `DAIRY` and `DRY-GOODS`, and sells milk by the packet, the crate
    # and the litre from the cooler; owners write Kikuyu (`he`, `ndehere`, `nguenda`, imwe to ikumi, `mirongo iiri`,
    # `ikumi na igiri`, `ni irihu`, `ni mbeca ciigana`, `kuri na`, `aca`, `ningi`, `mboco`, `minji`, `matumbi`,
    # `iria`), Meru (`mpa`, `nkwenda`, `ijiri`), Embu, Swahili, Sheng and English. First read, before any Kikuyu
    # words: case exact 0.514, line F1 0.679, wrong lines 3.6 %, ambiguity asked 0.754, unknowns flagged 0.917, price
    # questions 0.417. With the Kikuyu, Meru and Embu words and a packet word reaching milk sold by the sachet: 0.872 /
    # 0.947 / 0.7 %; 0.901 / 0.961 once a local pack word one name writes picks that pack (`shangi gunia 2`) and a
    # brand written short in some names (`BRKSD`) is the whole brand; 0.930 / 0.978 / 0.5 %, price questions 1.0,
    # with a count after a size ending an item beside counted packs (`NYANYA ANNA CRATE 1 ONION RED 13KG 2 ...`), a
    # size before the pack word of the product said before (`coke 500 case 2, 300 crate 3`), halves of a kilo of goods
    # sold by the kilo flagged (`nusu kilo garlic`) and litres said by a measure word kept out of a price question
    # after them; 0.935 / 0.980 with `mirongo itatu na ithano` one number before the goods (nyanza_fresh 0.857 -> 0.881
    # on the way); 0.937 / 0.981 once a measure a name writes after a word (`green grams kilo 5`) is the
    # name's word. One label that took a Brookside 500ml packet for the milk now asks milk or mala, as the others like
    # it do; 0.940, wrong lines 0.2 %, once the pack word typed before an amount said after a comma still picks the
    # product whose name writes it (`gunia ya shangi imeisha, tuma moja`). Left: Kikuyu `ti` (not), which is
    # Ilocano's `ti`, and `tiga` (leave out), Indonesian three; `magunia` not reaching the gunia; `mboga` and
    # `jamaa` read as no goods; `maziwa` and `beans` also
    # offering the UHT milk and French beans, `nyanya kilo` the tree tomato; `pinaple`, `ovacado hass 50`, and `kuku
    # kienyeji` confirming the eggs.
    ("highlands_fresh", 414, 0.92, 0.97, 0.006, 0.94, 0.9),
    # Bangsamoro sari-sari: a Cotabato City, Marawi, Jolo and Zamboanga distributor of halal goods whose ERP export
    # writes opaque codes and short names (`SRD LIGO GRN TS W/CHILI 155G X100`, `NESC 3IN1 ORIG 20GX30`, `CB CDO
    # HALAL 150G X48`, `TUNA CENTURY FLKS H&S 155G X48`, `RCE WM LOCAL PER GANTA 2.25KG`), reams beside packs and load
    # cards by the piece; owners write Tausug (`bugay kaku`, `kiyaptan`, isa to hangpu, `iban`, `pila in`, `awn ba`,
    # `bukun`, `hadja`, `magsukul`), Maranao (dowa to sapolo, `ago`, `pira i`, `aden ba`, `da`, `sukur`),
    # Maguindanaon (`telu`, `enem`, `sapulu`, `endu`), Chavacano, Cebuano, Tagalog and English, with prices beside
    # items, corrections and quantities after the unit. First read: case exact 0.831, line F1 0.880, wrong lines
    # 0.6 %, ambiguity asked 0.938, unknowns flagged 0.944, price questions 0.867. With the Tausug and Maranao words:
    # 0.899 / 0.944, no wrong line, every unknown and price question. Nineteen labels read `ligo red` without its size
    # as the 155g and plain `canton` or `shampoo` against the conventions (the tall 425g and Payless are equal
    # alternatives, the original and the classic the base ones) and `h&s` against the list's own alias: fixed, 0.942.
    # Then 0.947 with `wait` and Maranao `di` taking an amount back, 0.952 / 0.974 with a price over a unit
    # (`1632/cs`) or in brackets after the count (`3cs (216)`) no amount, 0.954 with `x100` before the count picking
    # the pack of 100, 0.957 with `duwa-duwa` two of each, 0.959 with `corned beef` also asking about the `CARNE
    # NORTE`, 0.961 / 0.980 with Tausug `ay` correcting; 0.978 / 0.987 once `H&S` reads as hot and spicy and the
    # tuna adding only `OIL` is the plain one beside it. Left: `@2390` beside `ligo red` not picking the pack of that
    # price, `tall` for the 425g, `XHOT` for extra hot, `CB` for a brand's corned beef, `beef na beef` also asking
    # about Knorr's beef cubes, `h&s` typed for Head & Shoulders, and a load card's denomination before its price
    # (`smart load 100 @97`, `globe 100 load 10`).
    ("bangsamoro_sarisari", 414, 0.97, 0.98, 0.0, 0.98, 0.98),
    # Caraga sari-sari: a Butuan, Surigao City and Bislig wholesaler to sari-sari stores and carinderias whose
    # distributor export sells one product on two rows, by the case and by the tie, pack, dozen or piece
    # (`KOPIKO BLANCA 30G 10S TIE` beside `KOPIKO BLANCA 30G 10S X 24 CS`, `RED HORSE 500ML BTL CS/12` beside its
    # `PC` row), with units written in the name (`PK/10`, `BX`, `DZ`, `SCK`, `GAL`, `RM`), short brands and variants
    # (`GT`, `CRND BF`, `HOT&SPCY`), numeric SKUs and upper-case categories; owners write Surigaonon (usa to napulo,
    # `padad-a`, `ipadara`, `aon ba`, `adunay`, `waya`, `pila`, `kay`), Cebuano, Taglish, English and text-speak, with
    # Spanish numbers (`dos`, `singko`, `dyis`, `beinte`). A unit said picks the row; none said asks which. First
    # read: case exact 0.908, line F1 0.954, wrong lines 1.8 %, ambiguity asked 0.947, unknowns flagged 1.0, price
    # questions 0.75. With the Surigaonon words: 0.937 / 0.967, price questions 0.917; 0.946 / 0.971 once a variant
    # word a list writes short (`HOT&SPCY`) makes a variant, so plain `century tuna` is the one in oil; 0.952 / 0.977 /
    # 0.9 % with a dozen of a product sold by the piece too counting pieces (`usa ka dosena alaska evap`); 0.962 /
    # 0.984 with the list's `X 24 CS` before the count saying what the case holds; 0.965 / 0.986, asked 0.974, with the
    # bottle a case's name writes (`BTL CS/12`) no variant of the bottle sold apart, so `red horse 500 10` asks which;
    # 0.968 / 0.987 with a reason after `kay` (because) no part of the item. Left: `CRND BF` for corned beef, `1 gal`
    # read as a count of jerrycans beside the 1L bottle, `ligo hot and spicy` for the green with chili, `beer` also
    # offering the liquor its category files with it, `h&s` for Head & Shoulders, a second amount of the product in
    # another unit that equals what its case holds (`2 cs ug 12 btl`) read as the case's contents, the pieces taken
    # back by their unit alone (`ay dili na ang pcs`), and a price of the 1.5L asked after cases ordered priced by the
    # case where the label asks which row.
    ("caraga_sarisari", 300, 0.96, 0.98, 0.01, 0.96, 1.0),
    # Ukambani stores: a Machakos, Kitui, Makueni and Mwingi wholesaler to dukas, kiosks and hotels whose ERP export
    # writes names in several shapes (`GOLDEN FRY VEG OIL 5LTR JCN`, `Elianto Corn Oil 1L (12 pcs/ctn)`, `C/FAT KASUKU
    # 100GM*48 (KSH30)`, `SAFARICOM AIRTIME 50/- X100 CARDS`) under categories such as `EDIBLE OILS` and `DETERGENTS`,
    # many brands in several sizes and several brands of one kind; owners write Kikamba (`ndetee`, `nenganisya`, imwe
    # to ikumi, `bale ili sya ...`, `ikumi na ili`, `miongo ili`, `ona`, `ve`, `ni mbesa ata`, `mbesa syiana ata`,
    # `aiee ti ũu`, `ũmũnthĩ`, `ũnĩ`, `sukali`, `maũta`, `mũtu wa mbemba`), Swahili, Sheng and English. First read,
    # before any Kikamba words: case exact 0.841, line F1 0.923, wrong lines 0.2 %, ambiguity asked 0.879, unknowns
    # flagged 1.0, price questions 0.600. Two labels then took `royco beef` as the Mchuzi Mix where the beef cubes,
    # sold by the outer too, fit as well: they now ask. With the Kikamba words (`nyanya`, eight, counting only the
    # pack word it ends an item after: it is Swahili's tomatoes), words of a locale phrase typed with their marks
    # (`mũtu`, `ũu`), `jcn` a jerrycan, a kind said for what it is for asking among every name of it where the
    # category is plural (`cooking oil` of `EDIBLE OILS`), where a name writes `Vegetable` and where the category
    # names no kind (`washing powder`, `sabuni ya unga` under `DETERGENTS`): 0.980 / 0.991, no wrong line, asked
    # 0.985. Left: `tea bags` beside a name writing `TEABAGS`, `kericho gold` leaving out its tea bags (the dev set
    # asks them), Kikamba `ti 3 ni 5` (`ti` is Ilocano's `of`), `sm` and `saf` for Sportsman and Safaricom, and a
    # card's value that is also its pack count (`safaricom 100 box`).
    ("ukambani_stores", 390, 0.975, 0.985, 0.0, 0.98, 1.0),
    # Zamboanga sari-sari: a Zamboanga City, Basilan and Pagadian distributor to sari-sari stores, carinderias and
    # bakeries whose grocery-chain export writes the description first and the brand last or between
    # (`SARDINES TOMATO SAUCE 155G LIGO X100 CS`, `3IN1 COFFEE ORIG 20G NESCAFE 10S TIE`, `ALL IN ONE SEASONING 8G
    # MAGGI MAGIC SARAP 12S TIE`), pack codes (`X24`, `10S`, `12S`, `CS`, `BX`, `PK`, `TIE`, `SK`, `BL`, `RM`), one
    # brand in several sizes and flavours, `HOT`, `XHOT` and `SPCY` variants, numeric SKUs and upper-case categories;
    # owners write Chavacano (`manda kanamon`, `quiere yo`, uno to doce, `media`, `un docena`, `tiene`, `hay`, `nuay`,
    # `cuanto`, `cambia con`, `si nuay`, `mañana`, `gracias`), Bisaya, Tausug, Taglish, English and text-speak. First
    # read: case exact 0.932, line F1 0.967, wrong lines 0.9 %, ambiguity asked 0.964, unknowns flagged 0.867, price
    # questions 1.0. With the Chavacano words (`cambia` correcting, `si nuay` and `kung nuay` naming what to send if
    # none, `media`, `lata`, `botellas`, `huevos`, `harina`), `spicy` and `SPCY` read as a list's `HOT`, `sch` a
    # sachet, `orig` and `original` one word, and what to send instead after its cue's own comma never ordered
    # (`..., kung nuay, antibac lang`): 0.971 / 0.988 / 0.4 %; 0.973 once a brand's initials name it beside an alias
    # of one of its products that writes them (`gt caramel` beside the `gt white` alias). One label that asked which
    # Ligo where the message had ordered the Ligo 155 already now adds to it, as the reader does with a product said
    # again: 0.975 / 0.991, asked 1.0; 0.980 / 0.994 once a local word for a kind a list writes in two words
    # (`patis`, fish sauce) reaches no product writing only one of them (the soy sauces). Left: a discontinued cup
    # noodle named without its brand offering the other noodles, `kopiko 10 tie` also offering the Kopiko candy its
    # name files as coffee, `el mismo como antes` read as asking a price (Spanish `como`), a sack's size carried from
    # a rice of the placeholder brand `Local` to the next half sack (`..., media saco dinorado`), `2 caja safeguard`
    # also asking about the lemon sold by the dozen, the list's `12s x 12` not picking the case, and two products not
    # sold (`magnolia ice cream`, `datu puti oyster sauce`) offered as a near name to confirm.
    ("zamboanga_sarisari", 440, 0.975, 0.99, 0.006, 0.98, 0.85),
    # mtkenya_stores: the sample catalog's wholesaler serving dukas, kiosks and butcheries of Nyeri, Murang'a,
    # Kirinyaga, Embu and Meru (Gikuyu and Kimeru with and without their tildes, Swahili, Sheng, English, text-speak).
    # First read: case exact 0.886, line F1 0.945, wrong lines 0.6 %, ambiguity asked 0.915, unknowns flagged 1.0,
    # price questions 1.0. Two labels then guessed where the words fit several: `colgate dz` asks the Regular's sizes
    # (the plain product; the dev set's `5 dz colgate` asks the variants too), `always pakiti` the Normal and Long
    # packs. With the Gikuyu and Kimeru words (`ndumira`, `ntumira`, `muhuko`, `ni ciigana atia`, `acha`,
    # `angikorwo gutiri`, `kuiganira`), a word for fat or oil read as the oil where the catalog files its fats among
    # its oils (`maguta 20L` was one oil), the smallest size said with its pack (`nido ndogo outer`), a brand said
    # for its milk leaving out its yoghurt, English words no evidence of Indonesian (`sorry si 3 ni 4` beside a
    # `bale`) and a size taken back beside the one meant (bihar_kirana 0.835 -> 0.854, kenya_town 0.982 -> 0.988):
    # 0.986 / 0.996, no wrong line. Left: Sheng `maze` read as maize, `nescafe ctn` asking the sachets' box too,
    # `pampers size 3` read as the brand where the dev set asks every size-3 diaper, `soda` the alias of Coke and
    # Fanta Orange only, and `brookside ctn` asking the yoghurt and powder beside the milk.
    ("mtkenya_stores", 350, 0.98, 0.99, 0.0, 0.97, 1.0),
    # gauteng_spaza: a Soweto cash-and-carry serving spaza shops of Gauteng and KwaZulu-Natal, whose price list writes
    # brand, kind and size in capitals with the pack after an `x` (`IWISA SUPER MAIZE MEAL 10KG`, `SIMBA CHIPS
    # CHEESE&ONION 36G x48`, `COCA COLA 2L x6`), several brands and sizes of each kind and numeric SKUs; owners write
    # isiZulu, isiXhosa, Sesotho, Setswana, Tsotsitaal and South African English (`ngicela u-2 bag iwisa 10kg`,
    # `ke kopa 5 case coke 2l`, `ndicela iikhesi ezine ze-coke 2L`, `sharp, dropa 3 boxes simba`). First read: case
    # exact 0.558, line F1 0.744, wrong lines 1.1 %, ambiguity asked 0.426, unknowns flagged 0.933, price questions
    # 0.375. With the four languages' words, class beginnings typed with a hyphen read apart (`i-coke`, `ama-bag`,
    # `ye-ace`; `ne-` and `no-` begin another item) and a number word another language names goods by counting after
    # Sesotho `tse` (`tse pedi`): 0.937 / 0.965 / 0.3 %; 0.939 / 0.967, asked 0.979, once `minestrone` is a flavour;
    # 0.942 / 0.968 once `can I get` asks for goods rather than naming a can. Left: Twi `enye` (not) beside Xhosa
    # `enye` (one) making `engeza enye` a correction, `bar one` read as one, `sasko bread` taken as the white beside
    # the brown, sugar and flour asked with their brown and self-raising kinds, Sesotho `le` (and) unread (French's
    # article), a count before the goods (`dikgetsi tse pedi tsa iwisa`), `mashome a mabedi` (twenty), glued `x3`
    # counts in a run of items, and `lion matches` counted alone asked between the pack and the outer.
    ("gauteng_spaza", 390, 0.93, 0.96, 0.005, 0.97, 1.0),
    # saigon_taphoa: a Ho Chi Minh City distributor serving tạp hóa stores of the city and the Mekong delta, whose
    # price list writes Vietnamese names with and without diacritics, the pack in the name (`Mì Hảo Hảo tôm chua cay
    # 75g thùng 30 gói`, `Thuốc lá Jet cây 10 gói`), VND prices and numeric SKUs; owners text with and without
    # diacritics, in teencode and number words (`cho e 5 thung hao hao`, `lấy 2 thùng bia sg`, `nam thung tiger
    # nau`). First read: case exact 0.351, line F1 0.501, wrong lines 14.2 %, ambiguity asked 0.450, unknowns flagged
    # 0.643, price questions 0.0. With the Vietnamese words, `đ` read as the `d` owners type (`duong` is `Đường`) and
    # `chai` a bottle only after a number (Hindi and Swahili `chai patti` stays tea): 0.780 / 0.863 / 0.9 %. Twelve
    # labels that took `sting` alone for the strawberry one now ask between it and the ginseng one, as a flavour
    # unsaid does: 0.798 / 0.874, asked 0.885; 0.806 / 0.881 once a number word counting only before a pack counts
    # before a multiplier too (`hai chục`, `hai mươi`: twenty) and `mười lăm` is fifteen; 0.810 / 0.882, unknowns
    # 0.857, with `sửa` and `đổi` (change) correcting and `thoi`, `duoc`, `roi` typed bare. Left: a brand the list's
    # alias names in words its other flavours' names write too (`hao hao`, `gau do`) asked among them, short
    # Vietnamese words other languages stop at (`bò húc`, `sting do`), `chục` (ten) after digits (`2 chục chai`)
    # and `333` and `555` read as counts.
    ("saigon_taphoa", 485, 0.80, 0.87, 0.015, 0.87, 0.85),
]


@pytest.mark.parametrize(
    ("market", "cases", "case_exact", "line_f1", "wrong_lines", "asked", "unknowns"), MARKET_FLOORS
)
def test_invented_market_keeps_its_figures(
    market: str, cases: int, case_exact: float, line_f1: float, wrong_lines: float, asked: float, unknowns: float
) -> None:
    figures = market_figures(market)
    assert figures["cases"] >= cases
    assert figures["case_exact"] >= case_exact
    assert figures["line_f1"] >= line_f1
    assert figures["wrong_line_rate"] <= wrong_lines
    assert figures["ambiguous_asked"] >= asked
    assert figures["unknown_flagged"] >= unknowns


MARKETS = sorted(path.name.removesuffix("_cases.jsonl") for path in DATA.glob("*_cases.jsonl"))


@pytest.mark.parametrize("market", MARKETS)
def test_every_labelled_message_carries_an_intent_the_assistant_knows(market: str) -> None:
    known = set(yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["intents"])
    unknown = [case["id"] for case in market_cases(market) if case.get("intent") not in known]
    assert not unknown, f"{market}: cases {unknown} carry no intent of domain.yml"


def test_fourth_market_messages_that_are_not_orders_ask_for_nothing(fourth_index: CatalogIndex) -> None:
    others = [case["text"] for case in market_cases("fourth_market") if not counts_for_orders(case)]
    assert len(others) >= 5
    assert all(parse_order(text, fourth_index).is_empty for text in others)


def test_fifth_market_messages_that_are_not_orders_ask_for_nothing(fifth_index: CatalogIndex) -> None:
    others = [case["text"] for case in market_cases("fifth_market") if not counts_for_orders(case)]
    assert len(others) >= 5
    assert all(parse_order(text, fifth_index).is_empty for text in others)


def test_centilitre_sizes_and_bare_numbers_in_centilitres(market_index: CatalogIndex) -> None:
    assert [(line.sku, line.quantity) for line in parse_order("zinga 60cl 2 packs", market_index).lines] == [
        ("P-10241", 2)
    ]
    assert [(line.sku, line.quantity) for line in parse_order("zinga 35 3 crates", market_index).lines] == [
        ("P-10240", 3)
    ]


def test_pack_word_beside_the_counted_unit_picks_the_product(market_index: CatalogIndex) -> None:
    parse = parse_order("tomi tin 2 ctn, rosa sachet 10 packs", market_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("P-10391", 2), ("P-10302", 10)]


def test_sell_unit_named_by_the_message_fits_a_multi_piece_pack(market_index: CatalogIndex) -> None:
    parse = parse_order("rosa powder 10 packs", market_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("P-10302", 10)]


def test_generic_alias_does_not_reach_a_brand_product_its_aliases_leave_out(market_index: CatalogIndex) -> None:
    parse = parse_order("rosa evap 3 ctn", market_index)
    assert [(line.sku, line.quantity) for line in parse.lines] == [("P-10300", 3)]


@pytest.mark.parametrize("text", ["2 bunda kikoma 1kg", "kikoma 1kg 2 bundles", "kikoma 1kg bdl 2"])
def test_bundle_words_count_bales(text: str, fourth_index: CatalogIndex) -> None:
    assert resolved(text, fourth_index) == [("420110", 2)]


def test_common_unit_misspellings_count_their_unit(fourth_index: CatalogIndex) -> None:
    assert resolved("kikoma 25kg 3 bgs", fourth_index) == [("420111", 3)]
    assert resolved("tabasamu 100ml 2 dozn", fourth_index) == [("530330", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pishori 25kg mifuko minne", [("420142", 4)]),
        ("vipande vitano vya jembe", [("530301", 5)]),
        ("ngano 50kg magunia mawili", [("420161", 2)]),
    ],
)
def test_swahili_numbers_agreeing_with_the_counted_noun(
    text: str, expected: list[tuple[str, int]], fourth_index: CatalogIndex
) -> None:
    assert resolved(text, fourth_index) == expected


def test_swahili_size_adjective_does_not_make_the_product_unknown(fourth_index: CatalogIndex) -> None:
    assert resolved("maji makubwa 1.5L cases 6", fourth_index) == [("310071", 6)]


def test_luganda_units_numbers_and_joining_word(fourth_index: CatalogIndex) -> None:
    text = "mwattu nsindikira sukaali 50kg ensawo bbiri ne kisima 500ml katoni ttaano. webale nnyo"
    assert resolved(text, fourth_index) == [("420112", 2), ("310070", 5)]
    assert resolved("posho 10kg ensawo kkumi na bbiri", fourth_index) == [("420151", 12)]


def test_luganda_courtesies_alone_ask_for_nothing(fourth_index: CatalogIndex) -> None:
    assert parse_order("oli otya ssebo, webale nnyo", fourth_index).is_empty


@pytest.mark.parametrize("text", ["mpala cola 500ml x12 3 cases", "mpala cola 500ml (x12) 3 cases"])
def test_pack_notation_beside_a_counted_quantity_is_not_the_quantity(text: str, fourth_index: CatalogIndex) -> None:
    assert resolved(text, fourth_index) == [("310046", 3)]


@pytest.mark.parametrize("text", ["mpala cola 500ml x3", "3x mpala cola 500ml", "mpala cola 500ml x 3 cases"])
def test_a_times_sign_alone_still_counts(text: str, fourth_index: CatalogIndex) -> None:
    assert resolved(text, fourth_index) == [("310046", 3)]


def test_pieces_go_to_the_one_pack_size_they_fill_whole(fourth_index: CatalogIndex) -> None:
    assert resolved("pendo soap 24 pcs", fourth_index) == [("530311", 2)]


@pytest.mark.parametrize("text", ["pendo soap 72 pcs", "6 dozen pendo", "pendo soap 30 pcs"])
def test_pieces_that_fill_both_pack_sizes_or_neither_are_asked_about(text: str, fourth_index: CatalogIndex) -> None:
    parse = parse_order(text, fourth_index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [{"530310", "530311"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("exercise books 48 pages 3 dz", [("530380", 3)]), ("daftari 96pg dozen 5", [("530381", 5)])],
)
def test_page_counts_pick_the_exercise_book(
    text: str, expected: list[tuple[str, int]], fourth_index: CatalogIndex
) -> None:
    assert resolved(text, fourth_index) == expected


def test_half_a_box_never_swaps_one_page_count_for_another() -> None:
    # Half a box of 96-page books is not a box of 48-page ones: page counts do not add up like grams.
    rows = (
        '401,"Shule Exercise Book 48pg, box of 24",Shule,stationery,48pg,box,24,9600.00,UGX,,50,1,true\n'
        '402,"Shule Exercise Book 96pg, box of 24",Shule,stationery,96pg,box,24,16800.00,UGX,,40,1,true\n'
    )
    index = catalog_index(rows)
    parse = parse_order("half box shule", index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [{"401", "402"}]


def test_brand_spelt_with_an_everyday_word_is_the_product_when_it_has_an_amount(fourth_index: CatalogIndex) -> None:
    assert resolved("sawa 1L ctn how much?", fourth_index) == [("420171", 1)]
    assert resolved("mafuta 5L 2 jerrycan, sawa 20L 1", fourth_index) == [("420172", 2), ("420173", 1)]
    assert [set(item.candidates) for item in parse_order("sawa 2 ctn", fourth_index).ambiguous] == [
        {"420170", "420171"}
    ]


@pytest.mark.parametrize("text", ["sawa", "sawa asante", "sawa 2", "salama 3 ctn"])
def test_everyday_word_alone_or_part_of_a_brand_orders_nothing(text: str, fourth_index: CatalogIndex) -> None:
    assert parse_order(text, fourth_index).is_empty


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("H614 2kg pkts 20", [("K7F203", 20)]),
        ("h614 10kg bag 5, dk8031 2kg 30 pkts", [("K7F204", 5), ("Q2D118", 30)]),
        ("DK 8031 2kg 15", [("Q2D118", 15)]),
    ],
)
def test_product_codes_of_letters_and_digits_name_the_product(
    text: str, expected: list[tuple[str, int]], fifth_index: CatalogIndex
) -> None:
    assert resolved(text, fifth_index) == expected


def test_a_code_the_catalog_does_not_have_is_asked_about_not_guessed(fifth_index: CatalogIndex) -> None:
    parse = parse_order("dk8033 2kg 10 pkts", fifth_index)
    assert not parse.lines
    assert [set(item.candidates) for item in parse.ambiguous] == [{"Q2D118", "Q2D140"}]


def test_a_times_sign_before_a_number_is_never_glued_into_a_code(fourth_index: CatalogIndex) -> None:
    assert resolved("mpala cola 500ml x 12", fourth_index) == [("310046", 12)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pvc pipe 1/2 inch 10 pcs", [("P1V101", 10)]),
        ('bomba ya maji 3/4" 6', [("P1V102", 6)]),
        ("1 inch pvc pipes 4", [("P1V103", 4)]),
        ("elbow 1/2 20pcs", [("P1V110", 20)]),
    ],
)
def test_fractions_of_an_inch_are_one_size_not_two_items(
    text: str, expected: list[tuple[str, int]], fifth_index: CatalogIndex
) -> None:
    assert resolved(text, fifth_index) == expected


@pytest.mark.parametrize("text", ['panga 20" 6', "panga 20'' 6", "panga 20 inch 6", "panga 20” 6"])
def test_an_inch_mark_after_a_number_is_the_word_inch(text: str, fifth_index: CatalogIndex) -> None:
    assert resolved(text, fifth_index) == [("J5T711", 6)]


def test_a_quote_around_a_word_is_not_an_inch_mark(fifth_index: CatalogIndex) -> None:
    assert resolved('jogoo "slasher" 3', fifth_index) == [("J5T720", 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NPK 17:17:17 50kg x 4", [("R4T130", 4)]),
        ("npk 23:23:0 3 bags", [("R4T131", 3)]),
        ("npk 17-17-17 10kg 2 bags", [("R4T132", 2)]),
        ("npk 17.17.17 50kg 1", [("R4T130", 1)]),
    ],
)
def test_a_ratio_of_three_numbers_names_the_blend_and_never_counts(
    text: str, expected: list[tuple[str, int]], fifth_index: CatalogIndex
) -> None:
    assert resolved(text, fifth_index) == expected


def test_two_slash_separated_counts_stay_two_numbers() -> None:
    assert [t.text for t in tokenize("coke 5/6 ctn")] == ["coke", "5", "/", "6", "ctn"]
    assert [t.value for t in tokenize("sugar 1/2 kg")][1] == 0.5


@pytest.mark.parametrize(
    ("text", "expected"),
    [("mabati gauge 30 3m 20 pcs", [("I8S902", 20)]), ("iron sheet geji 28 3m vipande 10", [("I8S912", 10)])],
)
def test_a_gauge_is_a_numbered_size(text: str, expected: list[tuple[str, int]], fifth_index: CatalogIndex) -> None:
    assert resolved(text, fifth_index) == expected


def test_sheets_without_a_gauge_are_asked_about(fifth_index: CatalogIndex) -> None:
    assert [set(item.candidates) for item in parse_order("mabati 2m 10 pcs", fifth_index).ambiguous] == [
        {"I8S901", "I8S911"}
    ]


@pytest.mark.parametrize("text", ["gumboots size 9 6 pairs", "gumboots size 9 jozi 6"])
def test_pairs_count_pieces(text: str, fifth_index: CatalogIndex) -> None:
    assert resolved(text, fifth_index) == [("I3G302", 6)]


def test_swahili_do_you_have_asks_about_the_product(fifth_index: CatalogIndex) -> None:
    assert resolved("mna wheelbarrow?", fifth_index) == [("K6W730", 1)]


@pytest.fixture(scope="module")
def visayas_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(DATA / "visayas_market_catalog.csv"))


@pytest.mark.parametrize(
    "text", ["tig-2 case sprite at royal", "tag-duha ka case sprite ug royal", "sprite and royal 2 cases each"]
)
def test_one_amount_said_for_each_counts_every_item(text: str, visayas_index: CatalogIndex) -> None:
    assert sorted(resolved(text, visayas_index)) == [("RTO0300", 2), ("SPM0300", 2)]


@pytest.mark.parametrize(
    "text",
    ["3 case sprite, 2 case royal, tanggalin na lang yung sprite", "3 case sprite, 2 case royal, remove, the sprite"],
)
def test_a_removal_word_takes_off_the_product_after_it(text: str, visayas_index: CatalogIndex) -> None:
    assert resolved(text, visayas_index) == [("RTO0300", 2)]


def test_a_kind_word_the_catalog_uses_only_inside_one_brands_alias_asks_among_the_kind(
    visayas_index: CatalogIndex,
) -> None:
    parse = parse_order("toyo 1 litro 3 case", visayas_index)
    assert not parse.lines
    assert [sorted(item.candidates) for item in parse.ambiguous] == [["MPS1000", "SSY1000"]]


def test_an_alias_said_names_the_plain_product_not_its_hot_variant(visayas_index: CatalogIndex) -> None:
    assert resolved("ligo 5 case", visayas_index) == [("LGR1552", 5)]
    assert [sorted(item.candidates) for item in parse_order("c2 2 case", visayas_index).ambiguous] == [
        ["C2A0230", "C2L0230"]
    ]


def test_tagalog_number_words_take_their_linking_ending(visayas_index: CatalogIndex) -> None:
    assert resolved("labindalawang pack sunsilk", visayas_index) == [("SSP0013", 12)]


def test_a_kind_named_only_by_a_discontinued_product_asks_among_the_kind_still_sold() -> None:
    index = CatalogIndex.build(read_catalog_csv(DATA / "sixth_market_catalog.csv"))
    parse = parse_order("washing pawder 1 kg 4 bale", index)
    assert not parse.lines
    assert [sorted(item.candidates) for item in parse.ambiguous] == [["BF-80844", "CF-70210", "SW-71111", "ZE-67421"]]


def test_a_local_kind_word_the_product_lacks_narrows_nothing() -> None:
    index = CatalogIndex.build(read_catalog_csv(DATA / "third_market_catalog.csv"))
    parse = parse_order("neelam sabun 2 peti", index)
    assert [sorted(item.candidates) for item in parse.ambiguous] == [["K7-2291", "K7-2292"]]


@pytest.fixture(scope="module")
def seventh_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(DATA / "seventh_market_catalog.csv"))


def test_an_amount_alone_is_linked_to_the_product_after_na(seventh_index: CatalogIndex) -> None:
    text = "Ina son kwali uku na Maltina can da kwali biyu na Amstel Malta"
    assert resolved(text, seventh_index) == [("PWJ3901", 3), ("XDF7689", 2)]


def test_two_words_the_catalog_writes_as_one_are_read_as_one(seventh_index: CatalogIndex) -> None:
    parse = parse_order("tooth paste 140g 36 pcs", seventh_index)
    assert [sorted(item.candidates) for item in parse.ambiguous] == [["FMY4886", "TMW8185", "XUR3707"]]


def test_a_currency_letter_written_onto_a_number_is_a_price_point(seventh_index: CatalogIndex) -> None:
    assert resolved("omo N100 sachet 5 outer", seventh_index) == [("GRG9224", 5)]


@pytest.fixture(scope="module")
def rift_index() -> CatalogIndex:
    return CatalogIndex.build(read_catalog_csv(DATA / "rift_market_catalog.csv"))


@pytest.mark.parametrize("text", ["nipee stoney crate mbili", "wekea stoney case mbili", "tafadhali stoney 2 crates"])
def test_words_the_catalog_does_not_know_before_a_brand_are_chatter(text: str, rift_index: CatalogIndex) -> None:
    assert resolved(text, rift_index) == [("BV-92924", 2)]


def test_an_unknown_word_before_a_kind_of_goods_is_not_dropped(rift_index: CatalogIndex) -> None:
    parse = parse_order("azam juice 2 crates", rift_index)
    assert not parse.lines


def test_an_unknown_brand_is_not_a_brand_that_writes_a_digit_before_the_same_word() -> None:
    index = catalog_index(
        'SD1,"7Up 500ml PET, case of 24",7Up,beverages,500ml,case,24,1100.00,KES,7up|seven up,10,1,true\n'
        'SD2,"Pepsi 500ml PET, case of 24",Pepsi,beverages,500ml,case,24,1100.00,KES,,10,1,true\n'
    )
    assert not parse_order("thums up 500ml 2 crates", index).lines
    for text in ("7up 500ml 2 crates", "nipe 7 up crate 2", "pls send seven up 2 crates"):
        assert resolved(text, index) == [("SD1", 2)], text


def test_a_price_said_in_one_sheng_word_picks_the_pack_sold_at_it(rift_index: CatalogIndex) -> None:
    assert resolved("kiwi ya mbao dazeni 2", rift_index) == [("HH-93024", 2)]


def test_a_negation_beside_a_new_amount_corrects_the_last_line(rift_index: CatalogIndex) -> None:
    assert resolved("viazi gunia 3, hapana gunia 4", rift_index) == [("FR-20957", 4)]


def test_kila_moja_counts_each_item(rift_index: CatalogIndex) -> None:
    assert sorted(resolved("stoney na krest crate 2 kila moja", rift_index)) == [("BV-92924", 2), ("BV-92937", 2)]


def test_an_amount_alone_after_an_uncounted_item_counts_it(visayas_index: CatalogIndex) -> None:
    parse = parse_order("ang mantika 1 litro, 2 case po", visayas_index)
    assert [(sorted(item.candidates), item.quantity) for item in parse.ambiguous] == [(["BGV1000", "MNC1000"], 2)]


def test_removing_one_product_of_a_question_leaves_the_others_to_confirm() -> None:
    index = catalog_index(
        'N1,"Tiko Pancit Canton 60g, box of 72",Tiko,noodles,60g,box,72,1080.00,PHP,,10,1,true\n'
        'N2,"Payless Pancit Canton 130g, box of 36",Payless,noodles,130g,box,36,900.00,PHP,payless,10,1,true\n'
    )
    parse = parse_order("2 box canton tsaka 3 box payless, wag na pala yung payless", index)
    assert not parse.lines
    assert [(item.candidates, item.quantity, item.reason) for item in parse.ambiguous] == [(("N1",), 2, "confirm")]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("pila man ang century tuna karon? ug 2 case sa mega", "CTF1550"),
        ("2 kahon lucky me beef. hm ung lucky me chicken?", "JTE6627"),
    ],
)
def test_a_price_asked_in_tagalog_or_cebuano_beside_an_order(
    text: str, asked: str, visayas_index: CatalogIndex
) -> None:
    assert [item.candidates for item in parse_order(text, visayas_index).price_questions] == [(asked,)]


def test_chatter_before_a_brand_named_later_is_dropped_but_not_a_flavour(rift_index: CatalogIndex) -> None:
    assert resolved("niwekee maziwa tuzo 500ml crate 2", rift_index) == [("DY-30112", 2)]
    assert not parse_order("grape stoney 500ml crate 2", rift_index).lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dalawampu't limang pack ng great taste", [("GTW3305", 25)]),
        ("tatlumpung pack kopiko barako", [("KBK6190", 30)]),
        ("isang daang pack ng great taste", [("GTW3305", 100)]),
    ],
)
def test_tagalog_tens_and_hundreds(text: str, expected: list[tuple[str, int]], visayas_index: CatalogIndex) -> None:
    assert resolved(text, visayas_index) == expected


def test_a_kind_named_alone_asks_among_the_products_sold_in_the_unit_said(visayas_index: CatalogIndex) -> None:
    parse = parse_order("gatas 2 case", visayas_index)
    assert [sorted(item.candidates) for item in parse.ambiguous] == [["ALC0300", "ALE2370"]]


@pytest.mark.parametrize("text", ["2 case royal magkano sprite", "2 case royal tapos magkano na po sprite"])
def test_a_price_cue_after_a_counted_item_asks_about_the_product_after_it(
    text: str, visayas_index: CatalogIndex
) -> None:
    parse = parse_order(text, visayas_index)
    assert resolved(text, visayas_index) == [("RTO0300", 2)]
    assert [item.candidates for item in parse.price_questions] == [("SPM0300",)]


def test_cebuano_articles_and_verbs_are_not_product_words(visayas_index: CatalogIndex) -> None:
    assert resolved("palihug ko og duha ka kahon nga canton chilimansi", visayas_index) == [("WZN5530", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lucky me xtra hot 3 box", [("LM-XH", 3)]),
        ("extra hot canton 1 box", [("LM-XH", 1)]),
        ("canton xtra-hot 2 box", [("LM-XH", 2)]),
        ("payless xtra big 2 box", [("PL-XB", 2)]),
        ("parle ji 2 peti", [("PG-5", 2)]),
        ("jabon xtra 2 cajas", [("XT-J", 2)]),
    ],
)
def test_the_word_a_letter_stands_for_reads_as_the_letter_a_name_joins(
    text: str, expected: list[tuple[str, int]]
) -> None:
    index = catalog_index(
        "LM-XH,LM PCTN XHOT 60G 72S,Lucky Me,NOODLES,60g,box,72,1044.00,PHP,,90,1,true\n"
        "LM-OR,LM PCTN ORIG 60G 72S,Lucky Me,NOODLES,60g,box,72,1044.00,PHP,,90,1,true\n"
        "PL-XB,PAYLESS XTRA BIG CANTON 130G BX/36,Payless,NOODLES,130g,box,36,738.00,PHP,,70,1,true\n"
        "PG-5,PARLE-G 5 RS (PETI 1X144),Parle,BISCUIT,5rs,case,144,600.00,INR,,50,1,true\n"
        "XT-J,JABON BARRA XTRA AZUL 350G CJ 25U,Xtra,LIMPIEZA,350g,case,25,150.00,GTQ,,70,1,true\n"
    )
    assert resolved(text, index) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("eggs grade a tray 3", [("EG-A", 3)]),
        ("mayai grade b 2 trays", [("EG-B", 2)]),
        ("mayai kienyeji tray 3, sorry, grade a tray 3", [("EG-A", 3)]),
        ("a tray of kienyeji eggs", [("EG-K", 1)]),
    ],
)
def test_a_grade_written_as_a_letter_that_is_an_article_names_the_grade(
    text: str, expected: list[tuple[str, int]]
) -> None:
    index = catalog_index(
        "EG-K,EGGS KIENYEJI TRAY 30,,EGGS,30s,tray,30,600.00,KES,,40,1,true\n"
        "EG-A,EGGS KENCHIC GRADE A TRAY 30,Kenchic,EGGS,30s,tray,30,450.00,KES,,90,1,true\n"
        "EG-B,EGGS LAYERS GRADE B TRAY 30,,EGGS,30s,tray,30,400.00,KES,,60,1,true\n"
    )
    assert resolved(text, index) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mayai kienyeji tray mbili", [("EG-K", 2)]),
        ("simba mbili 2 outer", [("TEA-SM", 2)]),
        ("2 outer simba mbili", [("TEA-SM", 2)]),
    ],
)
def test_a_number_word_a_brand_writes_counts_after_a_pack_word_not_yet_counted(
    text: str, expected: list[tuple[str, int]]
) -> None:
    index = catalog_index(
        "EG-K,EGGS KIENYEJI TRAY 30,,EGGS,30s,tray,30,600.00,KES,,40,1,true\n"
        "TEA-SM,TEA SIMBA MBILI 50G X100 OUTER,Simba Mbili,DRY-GOODS,50g,outer,100,2600.00,KES,,15,1,true\n"
    )
    assert resolved(text, index) == expected
