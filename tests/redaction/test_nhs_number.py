import pytest

from redaction.recognizers.nhs_number import NhsNumberRecognizer, nhs_checksum_ok

MATCH = [
    ("(NHS 943 476 5919) has", "943 476 5919"),
    ("NHS number 9434765919", "9434765919"),
    ("nhs no 943-476-5919", "943-476-5919"),
    ("it is 94 34 76 59 19 I think", "94 34 76 59 19"),  # valid checksum, odd grouping, no cue
    ("NHS 943 476 5910", "943 476 5910"),  # fails the checksum, rescued by the cue word
]
NO_MATCH = ["ref 943 476 5910 on file", "she is 15", "call 12345"]


def test_checksum() -> None:
    assert nhs_checksum_ok("9434765919")
    assert nhs_checksum_ok("5432319489")
    assert not nhs_checksum_ok("9434765910")


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_nhs_numbers(find, text: str, expected: str) -> None:
    assert find(NhsNumberRecognizer(), text) == [expected]


@pytest.mark.parametrize("text", NO_MATCH)
def test_ignores_other_numbers(find, text: str) -> None:
    assert find(NhsNumberRecognizer(), text) == []


def test_valid_checksum_scores_higher_than_cue_alone(blank_redactor) -> None:
    valid = blank_redactor.redact("NHS 943 476 5919").spans[0]
    invalid = blank_redactor.redact("NHS 943 476 5910").spans[0]
    assert valid.score > invalid.score
    assert "checksum" in valid.explanation
