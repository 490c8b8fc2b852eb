import pytest

from redaction.recognizers.phone import PhoneRecognizer

MATCH = [
    ("call me back on 07700 900321 about", "07700 900321"),
    ("new number +44 7700 900560 to", "+44 7700 900560"),
    ("Surgery phone 0116 496 0555.", "0116 496 0555"),
    ("rang from 020 7946 0123 about", "020 7946 0123"),
    ("phone number 07700900890 for", "07700900890"),
    ("on (0113) 496-0987 today", "(0113) 496-0987"),
    ("US cousin on +1 415 555 2671", "+1 415 555 2671"),
]
NO_MATCH = ["she is 15 and in year 10", "about 2,500 pounds", "born in 1988"]


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_phone_numbers(find, text: str, expected: str) -> None:
    assert expected in find(PhoneRecognizer(), text)


@pytest.mark.parametrize("text", NO_MATCH)
def test_ignores_non_numbers(find, text: str) -> None:
    assert find(PhoneRecognizer(), text) == []
