import pytest

from redaction.recognizers.reference_number import ReferenceNumberRecognizer

MATCH = [
    ("file, case ref LCC-CP-0043921. Can", "LCC-CP-0043921"),
    ("in room 12B has", "12B"),
    ("Ref GCC/CP/77120.", "GCC/CP/77120"),
    ("passport no 123456789", "123456789"),
    ("crime number 22/123456/24", "22/123456/24"),
    ("hospital number RX12345", "RX12345"),
]
NO_MATCH = ["in case 2 people come", "the refuge said", "room for improvement", "she refused"]


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_references(find, text: str, expected: str) -> None:
    assert expected in find(ReferenceNumberRecognizer(), text)


@pytest.mark.parametrize("text", NO_MATCH)
def test_ignores_ordinary_words(find, text: str) -> None:
    assert find(ReferenceNumberRecognizer(), text) == []
