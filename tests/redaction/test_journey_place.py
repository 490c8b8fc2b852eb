import pytest

from redaction.recognizers.journey_place import JourneyPlaceRecognizer

MATCH = [
    ("Hamid (16) arrived from Calais last week", "Calais"),
    ("she was trafficked to Great Yarmouth", "Great Yarmouth"),
]
NO_MATCH = ["he came from Syria in 2019", "she lives in Leicester", "a referral from Children's Services"]


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_places_on_a_journey(find, text: str, expected: str) -> None:
    assert find(JourneyPlaceRecognizer(), text) == [expected]


@pytest.mark.parametrize("text", NO_MATCH)
def test_keeps_countries_and_towns_lived_in(find, text: str) -> None:
    assert find(JourneyPlaceRecognizer(), text) == []
