import pytest

from redaction.recognizers.email import EmailRecognizer

MATCH = [
    ("emailed from r.chowdhury77@yahoo.co.uk asking", "r.chowdhury77@yahoo.co.uk"),
    ("Paula (paula.grant@gmail.com) asked", "paula.grant@gmail.com"),
    ("send to duty.team@leics.gov.uk.", "duty.team@leics.gov.uk"),
    ("mail o'neil+safe@example.org now", "o'neil+safe@example.org"),
]
NO_MATCH = ["we met @ the park", "her email is on file", "tag @jay on insta"]


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_emails(find, text: str, expected: str) -> None:
    assert find(EmailRecognizer(), text) == [expected]


@pytest.mark.parametrize("text", NO_MATCH)
def test_ignores_non_emails(find, text: str) -> None:
    assert find(EmailRecognizer(), text) == []
