from tests.bot.conftest import real_advisor, real_redactor, services  # noqa: F401  (shared fixtures)
