import pytest

from redaction.recognizers.postcode import PostcodeRecognizer

MATCH = [
    ("14 Ashby Road, LE12 9BS. Older", "LE12 9BS"),
    ("at 7 Elm Grove, B15 2TT", "B15 2TT"),
    ("postcode le30qd please", "le30qd"),
    ("in SW1A 1AA", "SW1A 1AA"),
    ("to EC1A  1BB today", "EC1A  1BB"),
    ("ZIP: 7412 SL", "7412 SL"),
    ("Aalborg 9100", "9100"),
]
NO_MATCH = ["she is 15", "LE12 is the area", "in March 2024 we met", "year 2019 she moved", "AB1 is fine"]


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_postcodes(find, text: str, expected: str) -> None:
    assert expected in find(PostcodeRecognizer(), text)


@pytest.mark.parametrize("text", NO_MATCH)
def test_ignores_non_postcodes(find, text: str) -> None:
    assert find(PostcodeRecognizer(), text) == []
