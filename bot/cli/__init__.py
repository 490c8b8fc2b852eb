"""The ``canishare`` command. Each group lives in its own module and registers itself here."""

from __future__ import annotations

import typer

from bot.cli import ask, chat, dbcmd, kb, leads, redact, run


def make_app() -> typer.Typer:
    app = typer.Typer(
        name="canishare",
        help="Safeguarding information-sharing advice, without identifying anyone.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_show_locals=False,  # locals could hold a user's message
    )
    for module in (chat, ask, redact, leads, run, dbcmd, kb):
        module.register(app)
    return app


def main() -> None:
    make_app()()
