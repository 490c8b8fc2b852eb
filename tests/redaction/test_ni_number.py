import pytest

from redaction.recognizers.ni_number import NiNumberRecognizer

MATCH = [
    ("NI AB 12 34 56 C.", "AB 12 34 56 C"),
    ("NI CE 45 67 89 A", "CE 45 67 89 A"),
    ("number JK482107D", "JK482107D"),
    ("ni jk 48 21 07 d today", "jk 48 21 07 d"),
    ("NI: AB-12-34-56", "AB-12-34-56"),
]
NO_MATCH = ["GB 12 34 56 A", "BG123456A", "DA123456A", "AO123456A", "she is 12"]


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_ni_numbers(find, text: str, expected: str) -> None:
    assert find(NiNumberRecognizer(), text) == [expected]


@pytest.mark.parametrize("text", NO_MATCH)
def test_refuses_prefixes_hmrc_never_issues(find, text: str) -> None:
    assert find(NiNumberRecognizer(), text) == []
