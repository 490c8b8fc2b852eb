from __future__ import annotations

import re

from redaction.recognizer import PatternRecognizer

# A scheme or "www.", or a bare domain of a site where people have profiles, with whatever path follows.
_SOCIAL = (
    r"(?:facebook|fb|instagram|tiktok|twitter|x|snapchat|linkedin|youtube|onlyfans|reddit|t)\.(?:com|me)"
)


class UrlRecognizer(PatternRecognizer):
    name = "UrlRecognizer"
    labels = ("URL",)
    pattern = re.compile(
        rf"(?:\bhttps?://|\bwww\.|\b{_SOCIAL}/)[^\s<>\"]*[^\s<>\".,;:!?)\]']",
        re.IGNORECASE,
    )
    explanation = "a web address, which can lead straight to a person's profile or page"
    score = 0.9
