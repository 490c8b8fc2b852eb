from __future__ import annotations

import ipaddress
import re

from redaction.context import Context
from redaction.recognizer import PatternRecognizer


class IpAddressRecognizer(PatternRecognizer):
    name = "IpAddressRecognizer"
    labels = ("IP_ADDRESS",)
    pattern = re.compile(
        r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])|(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])",
        re.IGNORECASE,
    )
    explanation = "an IP address, which can trace a device"
    score = 0.85

    def check(self, match: re.Match[str], ctx: Context) -> tuple[float, str] | None:
        try:
            ipaddress.ip_address(match.group())
        except ValueError:
            return None
        return self.score, self.explanation
