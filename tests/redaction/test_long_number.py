import pytest

from redaction.recognizers.long_number import LongNumberRecognizer

MATCH = [
    ("account 630427373398 closed", "630427373398"),
    ("SSN 460-89-9847", "460-89-9847"),
    ("(37) 788-063", "(37) 788-063"),
]
NO_MATCH = ["she is 15", "in 2024", "£250,000 owed", "when: 2000-04-16 11:34:35", "12345"]


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_long_digit_runs(find, text: str, expected: str) -> None:
    assert find(LongNumberRecognizer(), text) == [expected]


@pytest.mark.parametrize("text", NO_MATCH)
def test_ignores_short_numbers_dates_and_amounts(find, text: str) -> None:
    assert find(LongNumberRecognizer(), text) == []
