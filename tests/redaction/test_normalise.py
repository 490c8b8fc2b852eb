"""Normalisation: tricks that would split or disguise a name, and the offset map back to the original."""

from __future__ import annotations

import pytest

from redaction.normalise import normalise

TRICKS = [
    ("Jes\u200bsie Carter", "Jessie Carter"),  # zero-width space
    ("Jes\u00adsie", "Jessie"),  # soft hyphen
    ("J\u200fessie \u202eCarter", "Jessie Carter"),  # bidi marks
    ("J\u043essie", "Jossie"),  # Cyrillic o inside a Latin word
    ("Tell \u0422\u043e\u0440\u0430 now", "Tell Topa now"),  # only look-alikes, in an English sentence
    ("\uff2a\uff45\uff53\uff53\uff49\uff45", "Jessie"),  # full-width
    ("Jessie\u00a0Carter", "Jessie Carter"),  # no-break space
    ("Jose\u0301", "Jos\u00e9"),  # combining accent composed
]


@pytest.mark.parametrize(("raw", "clean"), TRICKS)
def test_tricks_are_undone(raw: str, clean: str) -> None:
    assert normalise(raw).text == clean


def test_real_greek_and_cyrillic_words_are_left_alone() -> None:
    assert normalise("Λευκωσία and Москва").text == "Λευκωσία and Москва"


@pytest.mark.parametrize("raw", [t for t, _ in TRICKS])
def test_offsets_map_back_to_the_original(raw: str) -> None:
    norm = normalise(raw)
    assert norm.original_range(0, len(norm.text))[1] == len(raw)
    for i in range(len(norm.text)):
        s, e = norm.original_range(i, i + 1)
        assert 0 <= s < e <= len(raw)


def test_empty_text() -> None:
    norm = normalise("")
    assert norm.text == ""
    assert norm.original_range(0, 0) == (0, 0)
