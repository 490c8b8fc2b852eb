"""Slash commands: ``/canishare``."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.transports.slack.listeners.commands.canishare import canishare_command

COMMAND = "/canishare"


def register(app: AsyncApp) -> None:
    app.command(COMMAND)(canishare_command)
