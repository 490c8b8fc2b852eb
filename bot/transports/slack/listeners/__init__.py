"""Listeners, one package per kind as in Slack's bolt starter template; each has ``register(app)``."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.transports.slack.listeners import actions, commands, events, messages, views


def register_listeners(app: AsyncApp) -> None:
    # Order matters only for the catch-alls each package registers last.
    events.register(app)
    messages.register(app)
    commands.register(app)
    actions.register(app)
    views.register(app)
