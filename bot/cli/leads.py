"""``canishare leads``: the safeguarding lead's side in the console."""

from __future__ import annotations

import getpass
import json
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from bot.app import load_redactor, open_database
from bot.cli.common import EXIT_REFUSED, EXIT_UNAVAILABLE, fail, settings
from bot.errors import CaseConflict, CaseNotFound, InputRejected, NotALead
from bot.handoff.queue import CaseView, HandoffQueue
from bot.storage import DatabaseUnavailable
from redaction import PipelineUnavailable

AS_HELP = "Who you are: a console name (alice) or platform:id (slack:U123). Must be in CANISHARE_LEADS."


def _actor(as_: str | None) -> str:
    name = as_ or getpass.getuser()
    return name if ":" in name else f"console:{name}"


def _queue() -> HandoffQueue:
    config = settings()
    try:
        return HandoffQueue(config, open_database(config), load_redactor(config))
    except PipelineUnavailable as exc:
        fail(f"{exc} Nothing was read or stored.", EXIT_UNAVAILABLE)
    except DatabaseUnavailable as exc:
        fail(str(exc), EXIT_UNAVAILABLE)


def _run(action: Any) -> Any:
    try:
        return action()
    except NotALead as exc:
        fail(str(exc), EXIT_REFUSED)
    except (CaseNotFound, CaseConflict, InputRejected) as exc:
        fail(str(exc), 1)
    except DatabaseUnavailable as exc:
        fail(str(exc), EXIT_UNAVAILABLE)


def _print_case(view: CaseView) -> None:
    console = Console()
    flag = "[bold red]URGENT[/] " if view.urgent else ""
    console.print(
        f"{flag}[bold]Case {view.ref}[/] ({view.status}) from {view.platform}, opened {view.created_at}"
    )
    console.print(f"Asker: {view.asker or 'anonymous'}   Held by: {view.claimed_by or 'nobody yet'}")
    console.print(f"Verdict so far: [bold]{view.verdict}[/] (inform: {view.inform})")
    console.print(f"Summary: {view.summary}", markup=False)
    console.print(f"Why it came to you: {view.rationale}", markup=False)
    console.print(
        "Facts: " + ("; ".join(f"{f.get('name')}={f.get('value')}" for f in view.facts) or "none"),
        markup=False,
    )
    console.print("Cited: " + (", ".join(view.rules) or "none"), markup=False)
    if view.answers:
        console.print(
            "Follow-up answers: " + ", ".join(f"{k}={v}" for k, v in view.answers.items()), markup=False
        )
    console.print("Conversation (redacted):")
    for item in view.messages or view.transcript:
        console.print(f"  {item.get('role')}: {item.get('text')}", markup=False)
    if view.outcome:
        console.print(f"Outcome: {view.outcome}", markup=False)


def register(app: typer.Typer) -> None:
    leads = typer.Typer(
        help="The safeguarding lead's side: list, show, claim, reply to and close cases.",
        no_args_is_help=True,
    )
    app.add_typer(leads, name="leads")

    @leads.command("list")
    def list_(
        as_: str = typer.Option(None, "--as", help=AS_HELP),
        as_json: bool = typer.Option(False, "--json"),
        all_: bool = typer.Option(False, "--all", help="Include closed cases."),
    ) -> None:
        """Open cases, urgent first, then oldest."""
        queue = _queue()
        views: list[CaseView] = _run(lambda: queue.list(_actor(as_), include_closed=all_))
        if as_json:
            typer.echo(json.dumps([v.to_json() for v in views], ensure_ascii=False, indent=2))
            return
        table = Table("case", "status", "urgent", "verdict", "held by", "opened", "summary")
        for v in views:
            table.add_row(
                v.ref,
                v.status,
                "yes" if v.urgent else "",
                v.verdict,
                v.claimed_by or "",
                v.created_at[:16],
                v.summary[:60],
            )
        Console().print(table)

    @leads.command()
    def show(
        case: str,
        as_: str = typer.Option(None, "--as", help=AS_HELP),
        as_json: bool = typer.Option(False, "--json"),
    ) -> None:
        """One case in full: redacted transcript, facts, verdict so far, cited ids."""
        queue = _queue()
        view: CaseView = _run(lambda: queue.show(_actor(as_), case))
        if as_json:
            typer.echo(json.dumps(view.to_json(), ensure_ascii=False, indent=2))
        else:
            _print_case(view)

    @leads.command()
    def claim(
        case: str,
        as_: str = typer.Option(None, "--as", help=AS_HELP),
        as_json: bool = typer.Option(False, "--json"),
    ) -> None:
        """Take a case. Exits 1 and names the holder when another lead has it."""
        queue = _queue()
        result = _run(lambda: queue.claim(_actor(as_), case))
        if as_json:
            typer.echo(json.dumps({"won": result.won, "holder": result.holder, "case": result.case.ref}))
        elif result.won:
            typer.echo(f"You hold case {result.case.ref}.")
        if not result.won:
            fail(f"case {result.case.ref} is held by {result.holder}", 1)

    @leads.command()
    def reply(
        case: str,
        text: str,
        as_: str = typer.Option(None, "--as", help=AS_HELP),
        as_json: bool = typer.Option(False, "--json"),
    ) -> None:
        """Reply to the asker (redacted before it is stored or sent)."""
        queue = _queue()
        sent: str = _run(lambda: queue.reply(_actor(as_), case, text))
        if as_json:
            typer.echo(json.dumps({"case": case.upper(), "sent": sent}, ensure_ascii=False))
        else:
            typer.echo(f"Sent to the asker: {sent}")

    @leads.command()
    def close(
        case: str,
        outcome: str = typer.Option(..., "--outcome", help="What was decided and done."),
        shared: str = typer.Option(None, "--shared", help="What is shared (for the record)."),
        told: str = typer.Option(None, "--told", help="Whether the person was told, and if not why."),
        as_: str = typer.Option(None, "--as", help=AS_HELP),
        as_json: bool = typer.Option(False, "--json"),
        markdown: bool = typer.Option(False, "--markdown", help="Print the decision record as Markdown."),
    ) -> None:
        """Close a case with an outcome; prints the signed decision record."""
        queue = _queue()
        record: dict[str, Any] = _run(
            lambda: queue.close(_actor(as_), case, outcome, shared_what=shared, person_told=told)
        )
        if as_json:
            typer.echo(json.dumps(record, ensure_ascii=False, indent=2))
        else:
            from bot.records import markdown_of

            typer.echo(
                markdown_of(record)
                if markdown
                else f"Closed case {record.get('case')}.\n\n" + markdown_of(record)
            )
