"""The JSON log formatter: ids and numbers are written, text a library was handling is not."""

from __future__ import annotations

import json
import logging
import sys

from bot.logs import JsonFormatter


def line(name: str, msg: str, *args: object, **extra: object) -> dict[str, object]:
    record = logging.LogRecord(name, logging.INFO, __file__, 1, msg, args, None)
    record.__dict__.update(extra)
    entry: dict[str, object] = json.loads(JsonFormatter().format(record))
    return entry


def test_numeric_arguments_are_filled_in_and_text_arguments_are_not() -> None:
    started = line("uvicorn.error", "Started server process [%d]", 4242)
    assert started["event"] == "Started server process [4242]"
    leaked = line("some.library", "could not parse %s", "Jessie Carter 07700 900321")
    assert leaked["event"] == "could not parse %s"
    assert "Jessie" not in json.dumps(leaked)


def test_the_servers_address_line_is_readable() -> None:
    template = "Uvicorn running on %s://%s:%d (Press CTRL+C to quit)"
    entry = line("uvicorn.error", template, "http", "0.0.0.0", 8000)
    assert entry["event"] == "Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)"
    # the same words from any other logger keep their arguments out
    other = line("canishare.x", "Uvicorn running on %s", "Jessie Carter")
    assert other["event"] == "Uvicorn running on %s"


def test_extras_are_written_and_exceptions_only_by_type() -> None:
    try:
        raise ValueError("broken on Jessie Carter")
    except ValueError:
        record = logging.LogRecord("canishare", logging.ERROR, __file__, 1, "turn failed", (), sys.exc_info())
    record.__dict__.update({"conversation": "c1", "ms": 12.5})
    entry = json.loads(JsonFormatter().format(record))
    assert entry["conversation"] == "c1" and entry["ms"] == 12.5 and entry["error"] == "ValueError"
    assert "Jessie" not in json.dumps(entry)
