"""``canishare serve``, ``slack --socket`` and ``telegram --polling``: the long-running processes."""

from __future__ import annotations

import typer

from bot.cli.common import EXIT_UNAVAILABLE, EXIT_USAGE, fail, settings
from bot.storage import DatabaseUnavailable
from redaction import PipelineUnavailable


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: str = typer.Option("127.0.0.1", help="Address to listen on."),
        port: int = typer.Option(8000, help="Port to listen on."),
    ) -> None:
        """Serve POST /slack/events, POST /telegram/webhook, GET /healthz and GET /metrics."""
        from bot.transports.web import serve as run_server

        run_server(settings(service=True), host, port)

    @app.command()
    def slack(socket: bool = typer.Option(False, "--socket", help="Use Socket Mode (development).")) -> None:
        """Run the Slack app over Socket Mode, for development without a public URL."""
        if not socket:
            fail(
                "use --socket here; in production Slack posts to `canishare serve` at /slack/events",
                EXIT_USAGE,
            )
        from bot.transports.slack.socket import SocketModeNotConfigured
        from bot.transports.slack.socket import run as run_socket

        try:
            run_socket(settings(service=True))
        except SocketModeNotConfigured as exc:
            fail(str(exc), EXIT_USAGE)
        except (PipelineUnavailable, DatabaseUnavailable) as exc:
            fail(f"{exc}. Nothing was read or stored.", EXIT_UNAVAILABLE)

    @app.command()
    def telegram(
        polling: bool = typer.Option(False, "--polling", help="Poll for updates (development)."),
    ) -> None:
        """Run the Telegram bot by polling, for development without a public URL."""
        if not polling:
            fail(
                "use --polling here; in production Telegram posts to `canishare serve` at /telegram/webhook",
                EXIT_USAGE,
            )
        from bot.transports.telegram.polling import run as run_polling

        try:
            run_polling(settings(service=True))
        except (PipelineUnavailable, DatabaseUnavailable) as exc:
            fail(f"{exc}. Nothing was read or stored.", EXIT_UNAVAILABLE)
