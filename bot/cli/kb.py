"""``canishare kb``: list the knowledge base and check it (ids, related ids, sources, review dates)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from knowledge import KnowledgeBase, KnowledgeError


def register(app: typer.Typer) -> None:
    group = typer.Typer(
        name="kb", help="The knowledge base: list entries and check them.", no_args_is_help=True
    )

    @group.command("list")
    def list_entries(
        as_json: Annotated[bool, typer.Option("--json", help="One JSON array of entries.")] = False,
        data_dir: Annotated[Path | None, typer.Option("--data", help="Entry folder to read.")] = None,
    ) -> None:
        """Every entry: id, title, source, last reviewed and review due (stale ones marked)."""
        try:
            kb = KnowledgeBase.load(data_dir)
        except KnowledgeError as exc:
            typer.echo(f"canishare: {exc}", err=True)
            raise typer.Exit(1) from None
        rows = [
            {
                "id": e.id,
                "title": e.title,
                "source": e.source_label,
                "reviewed": e.reviewed.isoformat(),
                "review_due": e.review_due.isoformat(),
                "stale": e.is_stale(),
            }
            for e in sorted(kb.entries.values(), key=lambda e: e.id)
        ]
        if as_json:
            typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        table = Table(title=f"Knowledge base ({len(rows)} entries)")
        for column in ("id", "title", "source", "reviewed", "review_due"):
            table.add_column(column, overflow="fold")
        for row in rows:
            due = f"[red]{row['review_due']} (stale)[/red]" if row["stale"] else str(row["review_due"])
            table.add_row(str(row["id"]), str(row["title"]), str(row["source"]), str(row["reviewed"]), due)
        Console().print(table)

    @group.command("check")
    def check(
        sources: Annotated[
            Path | None, typer.Option("--sources", help="Also verify cited source files exist in DIR.")
        ] = None,
        data_dir: Annotated[Path | None, typer.Option("--data", help="Entry folder to read.")] = None,
    ) -> None:
        """Exit 1 on a missing contract id, dangling related id, unknown source or malformed entry;
        warn about entries past their review date."""
        if sources is not None and not sources.is_dir():
            typer.echo(f"canishare: no such folder: {sources}", err=True)
            raise typer.Exit(2)
        try:
            kb = KnowledgeBase.load(data_dir, strict=False)
        except KnowledgeError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None
        problems = kb.check(sources_dir=sources)
        errors = [p for p in problems if p.level == "error"]
        for p in problems:
            typer.echo(f"{p.level}: {p.file}: {p.id}: {p.message}", err=p.level == "error")
        warnings = len(problems) - len(errors)
        typer.echo(f"{len(kb.entries)} entries, {len(errors)} errors, {warnings} warnings")
        if errors:
            raise typer.Exit(1)

    app.add_typer(group)
