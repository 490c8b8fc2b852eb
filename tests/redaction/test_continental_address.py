import pytest

from redaction.recognizers.continental_address import ContinentalAddressRecognizer

MATCH = [
    ("his address: 450 Præstevænget 15, København", "Præstevænget 15"),
    ("at Villacher Strasse 89 now", "Villacher Strasse 89"),
    ("Via Franscini 71", "Via Franscini 71"),
    ("PSC 0413, Box 8144 APO AA 42323", "PSC 0413, Box 8144 APO AA 42323"),
    ("send to Suite 828 please", "Suite 828"),
]
NO_MATCH = ["she is in year 10", "Covid 19 rules", "page 3 of the form"]


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_name_then_number_addresses(find, text: str, expected: str) -> None:
    assert any(expected in found for found in find(ContinentalAddressRecognizer(), text))


@pytest.mark.parametrize("text", NO_MATCH)
def test_ignores_numbered_things(find, text: str) -> None:
    assert find(ContinentalAddressRecognizer(), text) == []
