import pytest

from redaction.recognizers.uk_address import UkAddressRecognizer

MATCH = [
    ("lives at 14 Ashby Road, LE12 9BS", "14 Ashby Road"),
    ("Mr Bailey, 2 Orchard Way, Syston, has no", "2 Orchard Way, Syston"),
    ("the lady at flat 4 kingfisher court mrs", "flat 4 kingfisher court"),
    ("at Flat 7, 22 Gipsy Lane with", "Flat 7, 22 Gipsy Lane"),
    ("lives at The Old Rectory, Main Street, Anstey.", "The Old Rectory, Main Street, Anstey"),
    ("moved to 27 Heol y Felin last", "27 Heol y Felin"),
    ("works on Narborough Road at", "Narborough Road"),
    ("discharged to Flat 9, Peacock Lane with", "Flat 9, Peacock Lane"),
    ("address 41A Mere Road", "41A Mere Road"),
]
NO_MATCH = [
    "she walked down the road",
    "for 2 years close to her nan",
    "the court said no",
    "we have 3 kids close by",
    "no way",
]


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_uk_addresses(find, text: str, expected: str) -> None:
    found = find(UkAddressRecognizer(), text)
    # A house name and its street may come as two overlapping candidates; together they are the address.
    assert expected in found
    assert all(part in expected for part in found)


@pytest.mark.parametrize("text", NO_MATCH)
def test_ignores_street_words_in_ordinary_use(find, text: str) -> None:
    assert find(UkAddressRecognizer(), text) == []
