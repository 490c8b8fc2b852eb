import pytest

from redaction.recognizers.date_of_birth import DateOfBirthRecognizer

MATCH = [
    ("DOB 12/09/1988, NI", "12/09/1988"),
    ("DOB 1 March 2008, was", "1 March 2008"),
    ("Her DOB is 03.04.1951.", "03.04.1951"),
    ("d.o.b. 17th June 1946", "17th June 1946"),
    ("date of birth: 1988-09-12", "1988-09-12"),
    ("born on March 1, 2008", "March 1, 2008"),
    ("born 2/8/35", "2/8/35"),
    ("Jo (12/09/2010) was", "12/09/2010"),
]
NO_MATCH = ["on 12/09/2023 she said", "in March 2024", "she is 15", "meeting on 1 March"]


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_dates_of_birth(find, text: str, expected: str) -> None:
    assert find(DateOfBirthRecognizer(), text) == [expected]


@pytest.mark.parametrize("text", NO_MATCH)
def test_ignores_other_dates(find, text: str) -> None:
    assert find(DateOfBirthRecognizer(), text) == []
