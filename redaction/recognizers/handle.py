from __future__ import annotations

import re

from redaction.context import Context
from redaction.recognizer import PatternRecognizer

_PLATFORM = (
    r"snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|tiktok|telegram|twitter|discord|kik|x|threads|roblox|xbox"
    r"|psn|fortnite|twitch"
)
_LEAD = r"(?:\s+(?:is|as|name|handle|username|user|id|called|account|acc))*\s*[:=]?\s*"


class HandleRecognizer(PatternRecognizer):
    """``@name`` anywhere, or a user name straight after a platform ("on snapchat jayd3n.w", "snap jay.d")."""

    name = "HandleRecognizer"
    labels = ("HANDLE",)
    pattern = re.compile(
        rf"(?<![\w.@])@[A-Za-z0-9_][A-Za-z0-9_.]*[A-Za-z0-9_]|(?<![\w@])@[A-Za-z0-9_]"
        rf"|\b(?:{_PLATFORM})\b{_LEAD}(?P<value>@?[A-Za-z0-9_][A-Za-z0-9_.\-]*[A-Za-z0-9_])",
        re.IGNORECASE,
    )
    explanation = "a social media handle"
    score = 0.9

    def check(self, match: re.Match[str], ctx: Context) -> tuple[float, str] | None:
        handle = match.group("value")
        if handle is None:
            return self.score, "an @handle"
        low = handle.lower().lstrip("@")
        # After a platform word, plain words ("on snapchat yesterday") are not handles; a handle has a
        # digit, dot or underscore in it, or is not an English word.
        if any(c in low for c in "._0123456789") or handle.startswith("@"):
            return self.score, "a user name given after the name of a platform"
        if low in ctx.lexicon.english_words or low in ctx.lexicon.keep_terms:
            return None
        return 0.7, "a user name given after the name of a platform"
