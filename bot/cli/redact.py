"""``canishare redact``: text in, redacted text out; ``--jsonl`` for corpora ({"id","text"} lines)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from bot.cli.jsonl import BadLine, read_rows
from bot.config import load_settings
from redaction import PipelineUnavailable, Redacted, RedactionError, Redactor

EXIT_USAGE = 2
EXIT_UNAVAILABLE = 4


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"canishare redact: {message}", err=True)
    return typer.Exit(code)


def _as_json(row_id: Any, result: Redacted) -> str:
    spans = [
        {
            "start": s.start,
            "end": s.end,
            "label": s.label,
            "source": s.source,
            "placeholder": s.placeholder,
            "explanation": s.explanation,
        }
        for s in result.spans
    ]
    return json.dumps({"id": row_id, "redacted": result.text, "spans": spans}, ensure_ascii=False)


def _with_progress(results: Iterator[Redacted], total: int, show: bool) -> Iterator[Redacted]:
    if not show:
        yield from results
        return
    columns = (TextColumn("redacting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("redact", total=total)
        for result in results:
            progress.advance(task)
            yield result


def redact_command(
    file: Annotated[Path | None, typer.Argument(help="Input file (default: standard input).")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help='{"id","text"} lines in, JSON lines out.')] = False,
) -> None:
    """Replace identifiers with placeholders: text in, redacted text out."""
    try:
        raw = file.read_text(encoding="utf-8") if file is not None else sys.stdin.read()
    except (OSError, UnicodeDecodeError):
        raise _fail("the input could not be read as UTF-8 text", EXIT_USAGE) from None
    try:
        rows = read_rows(raw.splitlines()) if jsonl else []
    except BadLine as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    try:
        redactor = Redactor.load(load_settings().redaction_model)
    except PipelineUnavailable as exc:
        raise _fail(f"{exc}. Nothing was redacted.", EXIT_UNAVAILABLE) from None
    try:
        if not jsonl:
            sys.stdout.write(redactor.redact(raw).text)
            return
        show = file is not None and not sys.stdout.isatty()
        results = _with_progress(redactor.redact_many(text for _, _, text in rows), len(rows), show)
        for (_, row_id, _), result in zip(rows, results, strict=True):
            sys.stdout.write(_as_json(row_id, result) + "\n")
    except RedactionError as exc:
        raise _fail(f"{exc}. Output stopped there.", 1) from None


def register(app: typer.Typer) -> None:
    app.command("redact")(redact_command)
