import pytest

from redaction.recognizers.card_number import CardNumberRecognizer, luhn_ok

MATCH = [("card 4454794511390933 lost", "4454794511390933"), ("4007 0707 5369 0781", "4007 0707 5369 0781")]
NO_MATCH = ["card 4454794511390934 lost", "1234", "07700 900321"]


def test_luhn() -> None:
    assert luhn_ok("4454794511390933")
    assert not luhn_ok("4454794511390934")


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_card_numbers(find, text: str, expected: str) -> None:
    assert find(CardNumberRecognizer(), text) == [expected]


@pytest.mark.parametrize("text", NO_MATCH)
def test_ignores_numbers_failing_luhn(find, text: str) -> None:
    assert find(CardNumberRecognizer(), text) == []
