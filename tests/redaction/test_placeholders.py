"""Placeholder state: stable across turns, keyed digests only, safe to store."""

from __future__ import annotations

import re

import pytest

from redaction import PlaceholderMap, RedactionError, Redactor

KEY = b"k" * 32


def test_same_identifier_same_placeholder() -> None:
    state = PlaceholderMap(KEY)
    assert state.placeholder_for("PERSON", "Jessie Carter") == "[PERSON_1]"
    assert state.placeholder_for("PERSON", "Stacey Hewitt") == "[PERSON_2]"
    assert state.placeholder_for("PERSON", "jessie carter") == "[PERSON_1]"
    assert state.placeholder_for("PHONE", "07700 900321") == "[PHONE_1]"
    assert state.placeholder_for("PHONE", "07700900321") == "[PHONE_1]"


def test_first_name_or_surname_only_is_the_same_person() -> None:
    state = PlaceholderMap(KEY)
    state.placeholder_for("PERSON", "Mrs Sandra Okoro")
    assert state.placeholder_for("PERSON", "Sandra") == "[PERSON_1]"
    assert state.placeholder_for("PERSON", "Okoro") == "[PERSON_1]"
    assert state.placeholder_for("PERSON", "Sandra Smith") == "[PERSON_2]"


def test_a_short_name_first_then_the_full_name() -> None:
    state = PlaceholderMap(KEY)
    state.placeholder_for("PERSON", "Annie")
    assert state.placeholder_for("PERSON", "Annie Smith") == "[PERSON_1]"
    assert state.placeholder_for("PERSON", "Smith") == "[PERSON_1]"


def test_json_round_trip_keeps_assignments() -> None:
    state = PlaceholderMap(KEY)
    state.placeholder_for("PERSON", "Jessie Carter")
    state.placeholder_for("EMAIL", "paula.grant@gmail.com")
    again = PlaceholderMap.from_json(state.to_json(), KEY)
    assert again.placeholder_for("PERSON", "Jessie") == "[PERSON_1]"
    assert again.placeholder_for("EMAIL", "Paula.Grant@gmail.com") == "[EMAIL_1]"
    assert again.placeholder_for("PERSON", "Someone Else") == "[PERSON_2]"


def test_stored_state_holds_no_identifier() -> None:
    state = PlaceholderMap(KEY)
    for label, value in [
        ("PERSON", "Jessie Carter"),
        ("EMAIL", "paula.grant@gmail.com"),
        ("PHONE", "07700 900321"),
    ]:
        state.placeholder_for(label, value)
    stored = state.to_json().lower()
    for fragment in ("jessie", "carter", "paula", "gmail", "07700", "900321"):
        assert fragment not in stored


def test_wrong_key_is_refused() -> None:
    state = PlaceholderMap(KEY)
    state.placeholder_for("PERSON", "Jessie")
    with pytest.raises(RedactionError):
        PlaceholderMap.from_json(state.to_json(), b"x" * 32)


@pytest.mark.parametrize("data", ["", "{}", "[1]", '{"version": 1}', "not json"])
def test_corrupt_state_is_refused(data: str) -> None:
    with pytest.raises(RedactionError):
        PlaceholderMap.from_json(data, KEY)


def test_short_key_is_refused() -> None:
    with pytest.raises(RedactionError):
        PlaceholderMap(b"short")


def test_reserved_numbers_are_not_reused() -> None:
    state = PlaceholderMap(KEY)
    state.reserve("PERSON", 1)
    assert state.placeholder_for("PERSON", "Jessie") == "[PERSON_2]"


def test_new_placeholders_skip_numbers_given_to_avoid() -> None:
    state = PlaceholderMap(KEY)
    assert state.placeholder_for("DOB", "1 March 2008", avoid={1, 2}) == "[DOB_3]"
    assert state.placeholder_for("PERSON", "Jessie Carter", avoid={1}) == "[PERSON_2]"
    assert state.placeholder_for("PERSON", "Stacey Hewitt") == "[PERSON_3]"


def test_avoiding_numbers_never_moves_an_existing_placeholder() -> None:
    state = PlaceholderMap(KEY)
    assert state.placeholder_for("PERSON", "Jessie Carter") == "[PERSON_1]"
    assert state.placeholder_for("PERSON", "Jessie", avoid={1}) == "[PERSON_1]"
    assert state.placeholder_for("PERSON", "Kyle", avoid={2, 3}) == "[PERSON_4]"


def test_a_small_number_inside_a_removed_identifier_is_not_a_placeholder_number(
    blank_redactor: Redactor,
) -> None:
    out = blank_redactor.redact("Mr Trevor Bailey, 2 Orchard Way, DOB 1 March 2008").text
    assert "[PERSON_3]" in out and "[ADDRESS_3]" in out and "[DOB_3]" in out
    assert not {"1", "2"} & set(re.findall(r"\d+", out))
    state = PlaceholderMap(KEY)
    first = blank_redactor.redact("Tyler Brennan rang", state).text
    again = blank_redactor.redact("Tyler Brennan lives at 1 Pingle Street", state).text
    assert first == "[PERSON_1] rang" and again.startswith("[PERSON_1] lives at [ADDRESS_2]")
