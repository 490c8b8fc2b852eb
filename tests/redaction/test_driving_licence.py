import pytest

from redaction.recognizers.driving_licence import DrivingLicenceRecognizer

MATCH = [
    ("licence MORGA753116SM9IJ please", "MORGA753116SM9IJ"),
    ("SMITH801234AB1CD 35", "SMITH801234AB1CD 35"),
]
NO_MATCH = ["MORGAN is here", "ABCDE123", "she is 15"]


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_licence_numbers(find, text: str, expected: str) -> None:
    assert find(DrivingLicenceRecognizer(), text) == [expected]


@pytest.mark.parametrize("text", NO_MATCH)
def test_ignores_other_codes(find, text: str) -> None:
    assert find(DrivingLicenceRecognizer(), text) == []
