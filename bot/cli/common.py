"""Helpers every command shares: settings, services, and failing with a clear message."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer
from pydantic import ValidationError

from bot.app import Services, build_services
from bot.config import Settings, load_settings
from bot.logs import configure_logging
from bot.storage import DatabaseUnavailable
from redaction import PipelineUnavailable

EXIT_USAGE = 2
EXIT_REFUSED = 3
EXIT_UNAVAILABLE = 4


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"canishare: {message}", err=True)
    raise typer.Exit(code)


def settings(*, service: bool = False) -> Settings:
    """The settings, once. Console commands log warnings only unless a level was set explicitly, so a
    conversation in the terminal is not interleaved with JSON; services log at the configured level."""
    try:
        loaded = load_settings()
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        fail(f"bad configuration: {problems}", EXIT_USAGE)
    explicit = "log_level" in loaded.model_fields_set
    configure_logging(loaded.log_level if service or explicit else "WARNING", stream=sys.stderr)
    return loaded


def services(config: Settings | None = None) -> Services:
    config = config or settings()
    try:
        return build_services(config)
    except PipelineUnavailable as exc:
        fail(f"{exc} Nothing was read or stored.", EXIT_UNAVAILABLE)
    except DatabaseUnavailable as exc:
        fail(f"{exc}. Check CANISHARE_DATABASE_URL.", EXIT_UNAVAILABLE)
