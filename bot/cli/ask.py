"""``canishare ask``: one-shot advice, as text or as the JSON object of the contract."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer

from bot.app import load_advisor, load_redactor
from bot.cli.common import EXIT_UNAVAILABLE, EXIT_USAGE, fail, settings
from bot.cli.jsonl import BadLine, read_rows
from knowledge import Advice, Advisor
from redaction import PipelineUnavailable, Redacted, RedactionError, Redactor


def contract(advice: Advice, redacted: Redacted) -> dict[str, Any]:
    out = dict(advice.to_contract())
    out["redacted"] = redacted.text
    out["removed"] = redacted.counts()
    return out


def _read_jsonl(path: Path) -> list[tuple[int, Any, str]]:
    try:
        if str(path) == "-":
            return read_rows(sys.stdin)
        with path.open(encoding="utf-8") as handle:
            return read_rows(handle)
    except BadLine as exc:
        fail(f"{path}: {exc}", EXIT_USAGE)


def register(app: typer.Typer) -> None:
    @app.command()
    def ask(
        text: str = typer.Argument(None, help="The question (omit with --jsonl)."),
        as_json: bool = typer.Option(False, "--json", help="Print the JSON object of the contract."),
        jsonl: Path = typer.Option(None, "--jsonl", help='File of {"id","text"} lines (- for stdin).'),
    ) -> None:
        """One-shot advice on a question. Nothing is stored."""
        if (text is None) == (jsonl is None):
            fail("give either a question or --jsonl FILE", EXIT_USAGE)
        if jsonl is not None and str(jsonl) != "-" and not jsonl.is_file():
            fail(f"no such file: {jsonl}", EXIT_USAGE)
        config = settings()
        rows = _read_jsonl(jsonl) if jsonl is not None else []
        try:
            redactor: Redactor = load_redactor(config)
        except PipelineUnavailable as exc:
            fail(f"{exc} Nothing was read.", EXIT_UNAVAILABLE)
        advisor: Advisor = load_advisor(config)
        if jsonl is None:
            try:
                redacted = redactor.redact(text)
            except RedactionError as exc:
                fail(f"{exc} Nothing was read.", EXIT_UNAVAILABLE)
            advice = advisor.advise(redacted.text)
            if as_json:
                typer.echo(json.dumps(contract(advice, redacted), ensure_ascii=False, indent=2))
            else:
                if redacted.removed_summary():
                    typer.echo(f"({redacted.removed_summary()})")
                typer.echo(advice.render_text())
            return
        failures = 0
        for (number, row_id, _), redacted in zip(
            rows, redactor.redact_many(t for _, _, t in rows), strict=True
        ):
            try:
                out = {"id": row_id, **contract(advisor.advise(redacted.text), redacted)}
            except Exception as exc:  # one bad line must not lose the others
                failures += 1
                typer.echo(f"canishare: line {number}: {type(exc).__name__}", err=True)
                out = {"id": row_id, "error": type(exc).__name__}
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        if failures:
            raise typer.Exit(1)
