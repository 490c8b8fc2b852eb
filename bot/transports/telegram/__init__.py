"""Telegram: volunteers ask in a private chat with the bot; leads take cases in a Telegram group.

``create_transport(runtime)`` plugs the webhook into the ASGI app; ``polling.run(settings)`` is the
development mode without a public URL.
"""

from bot.transports.telegram.notifier import TelegramNotifier
from bot.transports.telegram.transport import TelegramTransport, create_transport

__all__ = ["TelegramNotifier", "TelegramTransport", "create_transport"]
