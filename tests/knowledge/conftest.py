"""Fixtures for the knowledge tests: the shipped knowledge base and decision table, and advisors.

``advisor`` loads the real English pipeline once per session (tests using it are marked ``model``);
``blank_advisor`` uses ``spacy.blank("en")`` and is fast.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge import Advisor, KnowledgeBase, load_decisions
from knowledge.loader import package_data
from knowledge.models import DecisionTable

SHARED = Path(__file__).resolve().parents[3] / "shared"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.fixture(scope="session")
def table() -> DecisionTable:
    return load_decisions()


@pytest.fixture(scope="session")
def advisor(kb: KnowledgeBase) -> Iterator[Advisor]:
    yield Advisor.load(kb=kb)


@pytest.fixture(scope="session")
def blank_advisor(kb: KnowledgeBase) -> Advisor:
    return Advisor.blank(kb=kb)


@pytest.fixture
def entries_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped entry files (plus contract and source lists) to break in tests."""
    target = tmp_path / "data"
    shutil.copytree(package_data() / "entries", target / "entries")
    shutil.copy(package_data() / "contract_ids.txt", target / "contract_ids.txt")
    shutil.copy(package_data() / "sources.txt", target / "sources.txt")
    return target
