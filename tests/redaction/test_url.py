import pytest

from redaction.recognizers.url import UrlRecognizer

MATCH = [
    ("posted on her facebook facebook.com/kayleigh.marsh.5 that", "facebook.com/kayleigh.marsh.5"),
    ("see https://www.tiktok.com/@jay.d22/video/1 now", "https://www.tiktok.com/@jay.d22/video/1"),
    ("profile: www.instagram.com/joe.h.", "www.instagram.com/joe.h"),
    ("(instagram.com/joe.harrison.22)", "instagram.com/joe.harrison.22"),
]
NO_MATCH = ["she is on facebook a lot", "the website was down", "ratio 3.5/10"]


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_urls(find, text: str, expected: str) -> None:
    assert find(UrlRecognizer(), text) == [expected]


@pytest.mark.parametrize("text", NO_MATCH)
def test_ignores_non_urls(find, text: str) -> None:
    assert find(UrlRecognizer(), text) == []
