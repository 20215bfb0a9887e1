"""The pipeline's tokenizer: Chinese runs become their words, every other message is tokenized as before."""

from __future__ import annotations

import pytest
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message

from nlu.rasa_tokenizer import ChineseWhitespaceTokenizer


def _tokens(tokenizer: WhitespaceTokenizer, text: str) -> list[tuple[str, int]]:
    return [(token.text, token.start) for token in tokenizer.tokenize(Message(data={"text": text}), "text")]


@pytest.mark.parametrize(
    "text",
    ["pls send 5 ctn coke 300ml n 2 bags sukari 50kg", "bei ya sukari?", "2 = 10", "कुल कितना हुआ", "STOP"],
)
def test_messages_without_chinese_keep_the_whitespace_tokens(text: str) -> None:
    config = WhitespaceTokenizer.get_default_config()
    assert _tokens(ChineseWhitespaceTokenizer(config), text) == _tokens(WhitespaceTokenizer(config), text)


def test_chinese_is_split_into_words_with_numerals_as_digits() -> None:
    tokenizer = ChineseWhitespaceTokenizer(ChineseWhitespaceTokenizer.get_default_config())
    assert [word for word, _ in _tokens(tokenizer, "来5箱可乐，丝苗米两袋 thanks")] == [
        "来", "5", "箱", "可乐", "丝苗", "米", "2", "袋", "thanks",
    ]  # fmt: skip
    assert _tokens(tokenizer, "上次那样")[0] == ("上次", 0)
