import pytest

from redaction.recognizers.bank_account import BankAccountRecognizer, iban_ok

MATCH = [
    ("from GB82WEST12345698765432 to", "GB82WEST12345698765432"),
    ("IBAN GB82 WEST 1234 5698 7654 32", "GB82 WEST 1234 5698 7654 32"),
    ("sort code 12-34-56 12345678", "12-34-56 12345678"),
]
NO_MATCH = ["GB82WEST12345698765433", "LE12 9BS", "AB12 CDE"]


def test_iban_check() -> None:
    assert iban_ok("GB82WEST12345698765432")
    assert not iban_ok("GB82WEST12345698765433")


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_accounts(find, text: str, expected: str) -> None:
    assert find(BankAccountRecognizer(), text) == [expected]


@pytest.mark.parametrize("text", NO_MATCH)
def test_ignores_other_codes(find, text: str) -> None:
    assert find(BankAccountRecognizer(), text) == []
