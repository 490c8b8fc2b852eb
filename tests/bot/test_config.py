from __future__ import annotations

import pathlib
import re

import pytest
from pydantic import SecretStr, ValidationError

from bot.config import Settings, default_database_url, parse_leads


def test_reads_prefixed_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CANISHARE_DATABASE_URL", "sqlite:////tmp/x.db")
    monkeypatch.setenv("CANISHARE_LEADS", "slack:U1, telegram:123,console:alice")
    monkeypatch.setenv("CANISHARE_SLACK_BOT_TOKEN", "xoxb-secret-value")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.database_url == "sqlite:////tmp/x.db"
    assert [lead.key for lead in settings.lead_list] == ["slack:U1", "telegram:123", "console:alice"]
    assert settings.is_lead("telegram", "123")
    assert not settings.is_lead("telegram", "124")
    assert isinstance(settings.slack_bot_token, SecretStr)


def test_tokens_never_appear_in_repr_or_str(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CANISHARE_TELEGRAM_BOT_TOKEN", "123456:very-secret-token")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert "very-secret-token" not in repr(settings)
    assert "very-secret-token" not in str(settings)
    assert settings.telegram_bot_token is not None
    assert settings.telegram_bot_token.get_secret_value() == "123456:very-secret-token"


@pytest.mark.parametrize("bad", ["slack", "fax:123", "slack:", ":U1"])
def test_malformed_leads_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError):
        Settings(leads=bad, _env_file=None)  # type: ignore[call-arg]
    with pytest.raises(ValueError):
        parse_leads(bad)


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CANISHARE_DATABASE_URL", "CANISHARE_SLACK_API_URL", "CANISHARE_TELEGRAM_API_URL"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.database_url == default_database_url()
    assert settings.database_url.startswith("sqlite:///") and settings.database_url.endswith("canishare.db")
    assert settings.slack_api_url == "https://slack.com/api/"
    assert settings.telegram_api_url == "https://api.telegram.org/bot"
    assert settings.lead_list == ()


def test_empty_values_mean_not_set_in_the_environment_and_in_an_env_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path
) -> None:
    # As in deploy/.env.example before its optional lines were commented out: "NAME=" with nothing after.
    monkeypatch.setenv("CANISHARE_SLACK_BOT_TOKEN", "")
    monkeypatch.setenv("CANISHARE_LOCAL_CONTACTS", "")
    env_file = tmp_path / ".env"
    env_file.write_text("CANISHARE_TELEGRAM_BOT_TOKEN=\nCANISHARE_DATABASE_URL=\nCANISHARE_LEADS=slack:U1\n")
    monkeypatch.delenv("CANISHARE_DATABASE_URL", raising=False)
    settings = Settings(_env_file=env_file)  # type: ignore[call-arg]
    assert settings.slack_bot_token is None
    assert settings.telegram_bot_token is None
    assert settings.local_contacts is None
    assert settings.database_url == default_database_url()
    assert [lead.key for lead in settings.lead_list] == ["slack:U1"]


def test_only_the_settings_module_reads_the_environment() -> None:
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[2]
    offenders = [
        str(path.relative_to(root))
        for package in ("bot", "knowledge", "redaction")
        for path in (root / package).rglob("*.py")
        if path.name != "config.py"
        and "os.environ" in path.read_text(encoding="utf-8")
        or "getenv(" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_every_setting_is_documented_in_the_example_environment() -> None:
    import pathlib

    example = (pathlib.Path(__file__).resolve().parents[2] / "deploy" / ".env.example").read_text(
        encoding="utf-8"
    )
    # A setting is documented when it appears as NAME=value, set or commented out ("# NAME=example").
    documented = {
        match.group(1) for match in re.finditer(r"^#?\s*(CANISHARE_[A-Z0-9_]+)=", example, re.MULTILINE)
    }
    expected = {f"CANISHARE_{name.upper()}" for name in Settings.model_fields}
    assert expected == documented
