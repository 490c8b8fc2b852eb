"""Storage: typed SQLAlchemy models, the database handle and migrations. Only redacted text is ever stored."""

from bot.storage.db import Database, DatabaseUnavailable

__all__ = ["Database", "DatabaseUnavailable"]
