import pytest

from redaction.recognizers.address_cue import AddressCueRecognizer

MATCH = [
    ("Billing address: 28245 Puruntie 82 Apt. 595 LAPPEENRANTA", "28245 Puruntie 82 Apt. 595 LAPPEENRANTA"),
    ("please send a new one to 14 Crown Street Suite 321 LONDON? I am", "14 Crown Street Suite 321 LONDON"),
    (
        "Please return to Unit 4719 Box 7394 DPO AP 70942 in case of an issue.",
        "Unit 4719 Box 7394 DPO AP 70942",
    ),
    ("she lives at 7 Elm Grove and her kids are alone", "7 Elm Grove"),
]
NO_MATCH = [
    "she lives at home with mum",
    "he is at school",
    "lives at Leicester",
    "is at risk",
    "moved to Nan's",
]


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_takes_the_clause_after_an_address_cue(find, text: str, expected: str) -> None:
    assert find(AddressCueRecognizer(), text) == [expected]


@pytest.mark.parametrize("text", NO_MATCH)
def test_ignores_cues_not_followed_by_an_address(find, text: str) -> None:
    assert find(AddressCueRecognizer(), text) == []
