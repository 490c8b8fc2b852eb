"""Reading ``{"id", "text"}`` lines for ``ask --jsonl`` and ``redact --jsonl``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any


class BadLine(ValueError):
    """A line that is not a JSON object with a string ``text``. Names the line number, never its content
    (the content is unredacted)."""

    def __init__(self, number: int) -> None:
        super().__init__(f'line {number} is not a JSON object with a string "text"')
        self.number = number


def read_rows(lines: Iterable[str]) -> list[tuple[int, Any, str]]:
    """Every line parsed before anything is processed, so a bad line stops the run before any output.
    Returns (line number, id, text); a missing id becomes the line number."""
    rows: list[tuple[int, Any, str]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text = item["text"]
            if not isinstance(text, str):
                raise TypeError
        except (ValueError, KeyError, TypeError):
            raise BadLine(number) from None
        rows.append((number, item.get("id", number), text))
    return rows
