"""``canishare serve``, ``slack --socket`` and ``telegram --polling``: the long-running processes."""

from __future__ import annotations

import typer

from bot.cli.common import fail


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: str = typer.Option("127.0.0.1", help="Address to listen on."),
        port: int = typer.Option(8000, help="Port to listen on."),
    ) -> None:
        """Serve POST /slack/events, POST /telegram/webhook, GET /healthz and GET /metrics."""
        fail("serve is not built yet.", 2)

    @app.command()
    def slack(socket: bool = typer.Option(False, "--socket", help="Use Socket Mode (development).")) -> None:
        """Run the Slack app over Socket Mode, for development without a public URL."""
        fail("the Slack transport is not built yet.", 2)

    @app.command()
    def telegram(polling: bool = typer.Option(False, "--polling", help="Poll for updates (development).")) -> None:
        """Run the Telegram bot by polling, for development without a public URL."""
        fail("the Telegram transport is not built yet.", 2)
