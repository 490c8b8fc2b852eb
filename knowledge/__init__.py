"""Knowledge base and advice engine: "can I share this safeguarding information?".

The knowledge base is data (``knowledge/data``); the engine reads redacted text, extracts facts with spaCy,
applies the decision table and returns an ``Advice`` with its reasons and sources. Nothing is loaded at import
time: call ``KnowledgeBase.load()`` or ``Advisor.load()``.
"""

from knowledge.advise import Advisor
from knowledge.loader import KnowledgeBase, load_decisions, load_local
from knowledge.models import (
    Advice,
    AdviceState,
    Choice,
    Citation,
    Entry,
    Fact,
    FollowUp,
    KnowledgeError,
    LocalContacts,
    Problem,
)

__all__ = [
    "Advice",
    "AdviceState",
    "Advisor",
    "Choice",
    "Citation",
    "Entry",
    "Fact",
    "FollowUp",
    "KnowledgeBase",
    "KnowledgeError",
    "LocalContacts",
    "Problem",
    "load_decisions",
    "load_local",
]
