"""Bad input at the engine: every case answers, nothing crashes, identifiers hidden by tricks still go."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.app import Services
from bot.messages import Asker, Incoming
from bot.storage.models import Message

pytestmark = pytest.mark.model

SAM = Asker("console", "sam", "sam")

BAD_INPUTS = {
    "empty": "",
    "whitespace": " \n\t \u00a0 ",
    "control characters": "Can I share\x00\x07\x1b[31m this?\x7f",
    "binary junk": bytes(range(256)).decode("latin-1"),
    "emoji only": "😢😢🙏",
    "slack mrkdwn injection": "<!channel> <@U123> *bold* <https://evil.example|click> & more",
    "telegram html injection": "<b>hi</b><a href='tg://user?id=1'>x</a> <script>alert(1)</script>",
    "markdown injection": "[click](https://evil.example) **bold** `code` _x_",
    "lone surrogates": "Can I share \ud800 this?",
    "very long word": "a" * 3999,
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_always_gets_an_answer(services: Services, name: str) -> None:
    replies = services.engine.handle(Incoming(SAM, BAD_INPUTS[name]))
    assert replies, name
    assert all(r.text for r in replies)
    assert all(r.kind != "error" or "Something went wrong" not in r.text for r in replies), name


def test_a_50000_character_message_is_refused_and_nothing_is_stored(services: Services) -> None:
    (reply,) = services.engine.handle(Incoming(SAM, "Tyler Brennan is scared. " * 2000))
    assert reply.kind == "error" and "longer than" in reply.text
    with services.db.session() as session:
        assert session.scalars(select(Message)).all() == []


@pytest.mark.parametrize(
    "disguised",
    [
        "Ty\u200bler Bren\u200dnan (14) says his stepdad hits him",  # zero-width inside the name
        "T\u0443ler Br\u0435nnan (14) says his stepdad hits him",  # Cyrillic homoglyphs
        "\u202eTyler Brennan\u202c (14) says his stepdad hits him",  # right-to-left override
        "Ｔｙｌｅｒ Ｂｒｅｎｎａｎ (14) says his stepdad hits him",  # full-width letters
    ],
)
def test_tricks_inside_names_do_not_stop_redaction(services: Services, disguised: str) -> None:
    services.engine.handle(Incoming(SAM, disguised))
    with services.db.session() as session:
        stored = session.scalars(select(Message.text).where(Message.role == "asker")).one()
    cleaned = "".join(ch for ch in stored if ch.isascii())
    assert "Tyler" not in cleaned and "Brennan" not in cleaned, stored
    assert "Tyler" not in stored and "Brennan" not in stored
