import pytest

from redaction.recognizers.vehicle_registration import VehicleRegistrationRecognizer

MATCH = [
    ("in his car (reg LD21 PXR) in", "LD21 PXR"),
    ("a van YX19KTD parked", "YX19KTD"),
    ("reg ld21 pxr", "ld21 pxr"),
    ("number plate A123 BCD", "A123 BCD"),
]
NO_MATCH = ["she is in year 10", "ab12 cde is not a plate", "abc 123"]


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_registrations(find, text: str, expected: str) -> None:
    assert find(VehicleRegistrationRecognizer(), text) == [expected]


@pytest.mark.parametrize("text", NO_MATCH)
def test_ignores_other_codes(find, text: str) -> None:
    assert find(VehicleRegistrationRecognizer(), text) == []
