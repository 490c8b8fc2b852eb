"""``canishare chat``: a console conversation, interactive or piped one message a line."""

from __future__ import annotations

import getpass
import sys

import typer

from bot.cli.common import services
from bot.messages import Asker, Incoming, Reply
from bot.texts import WELCOME


def render(reply: Reply) -> str:
    parts = []
    if reply.removed:
        parts.append(f"({reply.removed})")
    parts.append(reply.text)
    if reply.question:
        choices = [a for a in reply.actions if a.id.startswith("fu:")]
        parts.append(f"\n? {reply.question}")
        parts += [f"  {n}) {a.label}" for n, a in enumerate(choices, 1)]
        parts.append("  (type the number, or /handoff to ask a lead)")
    elif reply.kind in ("advice", "emergency"):
        parts.append("\n(/handoff to talk to a safeguarding lead, /why, /record, /new)")
    return "\n".join(parts)


def register(app: typer.Typer) -> None:
    @app.command()
    def chat(
        as_: str = typer.Option(None, "--as", help="Your name in the console; resume with the same name."),
    ) -> None:
        """Talk to canishare in the console: /handoff, /record, /why, /new, /forget, /help, /quit."""
        name = as_ or getpass.getuser()
        svc = services()
        asker = Asker("console", name, name)
        interactive = sys.stdin.isatty()
        if interactive:
            typer.echo(WELCOME)
            typer.echo("Type /help for commands, /quit to leave.\n")
        for reply in svc.engine.inbox(asker):
            typer.echo(render(reply) + "\n")
        while True:
            if interactive:
                try:
                    line = input("you> ")
                except (EOFError, KeyboardInterrupt):
                    typer.echo()
                    break
            else:
                raw = sys.stdin.readline()
                if not raw:
                    break
                line = raw.rstrip("\n")
            if line.strip().lower() in ("/quit", "/exit", "/q"):
                break
            if not line.strip() and not interactive:
                continue
            for reply in svc.engine.handle(Incoming(asker, line)):
                typer.echo(render(reply) + "\n")
            for reply in svc.engine.inbox(asker):
                typer.echo(render(reply) + "\n")
            del line
