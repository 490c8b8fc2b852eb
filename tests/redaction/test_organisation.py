import pytest

from redaction.recognizers.organisation import OrganisationRecognizer

MATCH = [
    ("Ewan from Glenfield Primary told", "Glenfield Primary"),
    ("ring her GP at Charnwood Medical Group?", "Charnwood Medical Group"),
    ("missing from Rosewood Children's Home.", "Rosewood Children's Home"),
    ("in the Tesco Extra car park", "Tesco Extra"),
    ("Hawkins, Richardson and Santana", "Hawkins, Richardson and Santana"),
    ("I work for Microbilt Corporation", "Microbilt Corporation"),
    ("St Barnabas Church food bank", "St Barnabas Church"),
]
NO_MATCH = [
    "tell Adult Social Care today",
    "the Home Office wants",
    "Leicester Hospital said",
    "the school nurse",
    "she works at the hospital",
]


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_named_places_of_people(find, text: str, expected: str) -> None:
    assert expected in find(OrganisationRecognizer(), text)


@pytest.mark.parametrize("text", NO_MATCH)
def test_keeps_agencies_and_generic_services(find, text: str) -> None:
    assert find(OrganisationRecognizer(), text) == []
