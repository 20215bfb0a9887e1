"""Rasa 3.6 tokenizer: words split on whitespace as before, and each run of Chinese split into its words by jieba."""

from __future__ import annotations

from typing import List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message

from nlu.chinese import HAN_RE, segmented


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class ChineseWhitespaceTokenizer(WhitespaceTokenizer):  # type: ignore[misc]
    """The whitespace tokenizer, except that a token holding Chinese (`来5箱可乐，谢谢`) becomes its words."""

    @staticmethod
    def not_supported_languages() -> None:
        """Every language: Chinese is what it adds."""
        return None

    def remove_emoji(self, text: str) -> str:
        """Emoji removed as before; a word with Chinese in it is kept (Rasa's emoji ranges span every Hanzi)."""
        return text if HAN_RE.search(text) else str(super().remove_emoji(text))

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        """Whitespace tokens, with the Chinese ones segmented by jieba's own dictionary."""
        tokens: List[Token] = []
        for token in super().tokenize(message, attribute):
            if not HAN_RE.search(token.text):
                tokens.append(token)
                continue
            tokens.extend(Token(word, token.start + start) for word, start in segmented(token.text))
        return tokens
