"""The compiled cut of Chinese text cuts as jieba's own does, over its dictionary and a catalog's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.catalog import read_catalog_csv
from nlu.chinese import _catalog_tokenizer, _dictionary
from nlu.segmenter import dictionary_words, searched_words

DATA = Path(__file__).parent / "data"
MESSAGES = (
    "来5箱康师傅红烧牛肉面，2桶金龙鱼5升",
    "农夫山泉550ml 十箱",
    "再加两提可乐",
    "上次那样再来一单",
    "多少钱一箱？",
    "老板 帮我送 雪花纯生 500ml×12 3件, 蒙牛纯奶24盒的 3提",
    "康師傅 紅燒牛肉麵 ksf 10箱\n王老吉3件 加多宝唔要",
)


def _texts() -> list[str]:
    texts = list(MESSAGES)
    for market in ("dongbei_market", "hakka_market", "jinmeng_market", "xibei_market"):
        for item in read_catalog_csv(DATA / f"{market}_catalog.csv"):
            texts.extend((item.name, item.brand, *item.aliases))
    return [text for text in texts if text]


@pytest.mark.parametrize("with_catalog_words", [False, True])
def test_the_compiled_cut_gives_the_words_jieba_gives(with_catalog_words: bool) -> None:
    texts = _texts()
    tokenizer = _catalog_tokenizer({"康师傅", "金龙鱼", "雪花纯生"}) if with_catalog_words else _dictionary()
    for text in texts:
        assert dictionary_words(text, tokenizer.FREQ, tokenizer.total) == list(tokenizer.cut(text, HMM=False)), text
        searched = searched_words(text, tokenizer.FREQ, tokenizer.total)
        assert searched == list(tokenizer.cut_for_search(text, HMM=False)), text
