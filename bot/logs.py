"""Structured JSON logs: ids, kinds and timings only.

Log calls pass facts as ``extra`` fields; the formatter writes a fixed set of safe fields plus those
extras, and never the exception's message or traceback text, which could quote a user's words.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import IO, Any

_STANDARD = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {"message", "asctime", "taskName"}


# uvicorn repeats its message with terminal colours
_DROPPED = {"color_message"}


# Lines whose text arguments are the server's own address, never anything a user sent.
_ADDRESS_LINES = (("uvicorn.error", "Uvicorn running on "),)


def _event(record: logging.LogRecord) -> str:
    """The message template; its arguments are filled in only when they are all numbers (a pid, a port)
    or the line is one of the server's address lines, since a library could pass the text it was handling."""
    if not isinstance(record.msg, str):
        return type(record.msg).__name__
    args = record.args if isinstance(record.args, tuple) else ()
    if args and all(isinstance(a, int | float) and not isinstance(a, bool) for a in args):
        return record.getMessage()
    if args and any(record.name == name and record.msg.startswith(start) for name, start in _ADDRESS_LINES):
        return record.getMessage()
    return record.msg


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "at": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": _event(record),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and key not in _DROPPED and not key.startswith("_"):
                entry[key] = value if isinstance(value, int | float | bool | None) else str(value)
        if record.exc_info and record.exc_info[0] is not None:
            # the type only: exception messages from libraries can carry the text being processed
            entry["error"] = record.exc_info[0].__name__
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(level: str = "INFO", stream: IO[str] | None = None) -> None:
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # Library loggers at debug level can print request bodies; keep them at warning.
    for noisy in (
        "httpx",
        "httpcore",
        "slack_bolt",
        "slack_sdk",
        "telegram",
        "aiohttp",
        "sqlalchemy.engine",
        "uvicorn.access",
        "alembic",
    ):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
