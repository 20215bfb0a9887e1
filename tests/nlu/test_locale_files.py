"""Locale files are checked when read: a misspelt key or a value of the wrong shape fails loudly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from nlu.lexicon import LOCALE_DIR, LocaleError, load_lexicon


def locale_with(tmp_path: Path, language: dict[str, object]) -> Path:
    shutil.copy(LOCALE_DIR / "common.json", tmp_path / "common.json")
    (tmp_path / "xx.json").write_text(json.dumps(language), encoding="utf-8")
    return tmp_path


def test_the_shipped_locale_files_are_read() -> None:
    assert "sukari" in load_lexicon().product_words


def test_tausug_and_maranao_count_to_ten() -> None:
    lexicon = load_lexicon()
    numbers = {**lexicon.number_words, **lexicon.number_words_needing_unit}
    tausug = ("isa", "duwa", "tu", "upat", "lima", "unum", "pitu", "walu", "siyam", "hangpu")
    maranao = ("isa", "dowa", "telo", "pat", "lima", "nem", "pito", "walo", "siyaw", "sapolo")
    assert [numbers[w] for w in tausug] == [numbers[w] for w in maranao] == list(range(1, 11))


def test_a_misspelt_key_names_the_file_and_the_key(tmp_path: Path) -> None:
    with pytest.raises(LocaleError, match=r"xx\.json: unknown key 'filers'"):
        load_lexicon(locale_with(tmp_path, {"filers": ["pls"]}))


@pytest.mark.parametrize(
    "language",
    [
        {"fillers": "pls"},
        {"number_words": {"moja": "one"}},
        {"units": {"cartn": ["katoni"]}},
        {"size_units": {"litre": ["lita"]}},
    ],
)
def test_a_value_of_the_wrong_shape_is_refused(tmp_path: Path, language: dict[str, object]) -> None:
    with pytest.raises(LocaleError, match=r"xx\.json"):
        load_lexicon(locale_with(tmp_path, language))


def test_a_valid_language_file_adds_its_words(tmp_path: Path) -> None:
    lexicon = load_lexicon(locale_with(tmp_path, {"fillers": ["tafadhali"], "number_words": {"moja": 1}}))
    assert "tafadhali" in lexicon.fillers
    assert lexicon.number_words["moja"] == 1


def test_surigaonon_counts_to_ten_and_asks_whether_there_is_any() -> None:
    lexicon = load_lexicon()
    numbers = {**lexicon.number_words, **lexicon.number_words_needing_unit}
    surigaonon = ("usa", "duha", "tulo", "upat", "lima", "unom", "pito", "walo", "siyam", "napulo")
    assert [numbers[w] for w in surigaonon] == list(range(1, 11))
    assert {"aon", "adunay"} <= lexicon.availability_cues
    assert "waya" in lexicon.negations
    assert {"padad-a", "ipadara"} <= lexicon.fillers


def test_kikamba_counts_to_ten() -> None:
    lexicon = load_lexicon()
    numbers = {**lexicon.number_words, **lexicon.number_words_after_unit}
    kikamba = ("imwe", "ili", "itatu", "inya", "itano", "thanthatu", "muonza", "nyanya", "kenda", "ikumi")
    assert [numbers[w] for w in kikamba] == list(range(1, 11))
    assert "nyanya" not in lexicon.number_words


def test_chavacano_counts_to_twelve_halves_and_says_what_to_send_if_there_is_none() -> None:
    lexicon = load_lexicon()
    numbers = {**lexicon.number_words, **lexicon.number_words_needing_unit}
    chavacano = ("uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce")
    assert [numbers[w] for w in chavacano] == list(range(1, 13))
    assert "media" in lexicon.half_words
    assert {"si nuay", "kung nuay"} <= lexicon.fallback_cues
    assert "cambia" in lexicon.correction_markers


def test_vietnamese_counts_to_ten_and_its_bare_spellings_count_only_before_a_pack() -> None:
    lexicon = load_lexicon()
    numbers = {**lexicon.number_words, **lexicon.number_words_needing_unit}
    vietnamese = ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười")
    assert [numbers[w] for w in vietnamese] == list(range(1, 11))
    # `nam` of Nam Ngư, `tam` of Tam Thái Tử, `chin` of Chin-su: without diacritics, a count only before a pack.
    assert {"nam", "tam", "chin", "muoi"} <= lexicon.number_words_needing_unit.keys()
    assert lexicon.number_multipliers["chục"] == lexicon.number_multipliers["mươi"] == 10
