import pytest

from redaction.recognizers.handle import HandleRecognizer

MATCH = [
    ("on telegram as @joe_blogs_99 keeps", "@joe_blogs_99"),
    ("Bilal (@bilal.k.2007) is bullied", "@bilal.k.2007"),
    ("sent images on snapchat jayd3n.w.", "jayd3n.w"),
    ("add her on snap jay.d tonight", "jay.d"),
    ("his insta is kingz_ldn", "kingz_ldn"),
    ("tiktok: xoxo.lola", "xoxo.lola"),
]
NO_MATCH = [
    "she was on snapchat yesterday",
    "we met @ 5pm",
    "email me at a.b@example.com",
    "her school said no",
]


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_handles(find, text: str, expected: str) -> None:
    assert expected in find(HandleRecognizer(), text)


@pytest.mark.parametrize("text", NO_MATCH)
def test_ignores_non_handles(find, text: str) -> None:
    assert find(HandleRecognizer(), text) == []
