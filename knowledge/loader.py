"""Loading and checking the knowledge base, the decision table and the local contacts file.

Everything is read from YAML, validated by the pydantic models in ``knowledge.models`` and fails loudly with
the file and the entry id when something is wrong.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from knowledge.models import (
    DecisionTable,
    Entry,
    KnowledgeError,
    LocalContacts,
    Problem,
)


def package_data() -> Path:
    """The ``knowledge/data`` folder shipped with the package."""
    return Path(__file__).resolve().parent / "data"


class _Loader(yaml.SafeLoader):
    """Safe YAML without implicit timestamps: dates stay strings so pydantic validates them per entry."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read: {exc}") from exc
    except (yaml.YAMLError, ValueError) as exc:
        raise KnowledgeError(f"{path}: not valid YAML: {exc}") from exc


def _format_error(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "entry"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


def read_lines(path: Path) -> list[str]:
    """Non-empty, non-comment lines of a text file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]


def _entries_dir(data_dir: Path) -> Path:
    sub = data_dir / "entries"
    return sub if sub.is_dir() else data_dir


def parse_entries(data_dir: Path) -> tuple[dict[str, Entry], dict[str, str], list[Problem]]:
    """Parse every entry file, collecting problems rather than stopping at the first one.

    Returns the valid entries, the file each id came from, and the problems (malformed entries, duplicates).
    """
    folder = _entries_dir(data_dir)
    entries: dict[str, Entry] = {}
    files: dict[str, str] = {}
    problems: list[Problem] = []
    paths = sorted(folder.glob("*.yaml"))
    if not paths:
        problems.append(Problem(level="error", file=str(folder), id="-", message="no entry files found"))
    for path in paths:
        try:
            raw = _read_yaml(path)
        except KnowledgeError as exc:
            problems.append(Problem(level="error", file=path.name, id="-", message=str(exc)))
            continue
        items = raw.get("entries") if isinstance(raw, dict) else None
        if not isinstance(items, list) or (isinstance(raw, dict) and set(raw) - {"entries"}):
            problems.append(
                Problem(
                    level="error", file=path.name, id="-", message="expected a mapping with only 'entries'"
                )
            )
            continue
        for index, item in enumerate(items):
            ident = str(item.get("id", f"#{index}")) if isinstance(item, dict) else f"#{index}"
            try:
                entry = Entry.model_validate(item)
            except ValidationError as exc:
                problems.append(Problem(level="error", file=path.name, id=ident, message=_format_error(exc)))
                continue
            if entry.id in entries:
                problems.append(
                    Problem(
                        level="error",
                        file=path.name,
                        id=entry.id,
                        message=f"duplicate id (also in {files[entry.id]})",
                    )
                )
                continue
            entries[entry.id] = entry
            files[entry.id] = path.name
    return entries, files, problems


class KnowledgeBase:
    """The curated entries, by id."""

    def __init__(
        self,
        entries: dict[str, Entry],
        files: dict[str, str],
        contract_ids: list[str],
        known_sources: list[str],
        load_problems: list[Problem] | None = None,
    ) -> None:
        self.entries = entries
        self.files = files
        self.contract_ids = contract_ids
        self.known_sources = known_sources
        self._load_problems = list(load_problems or [])

    @classmethod
    def load(cls, data_dir: Path | None = None, *, strict: bool = True) -> KnowledgeBase:
        """Load the entries; with ``strict`` (the default) any malformed entry raises ``KnowledgeError``."""
        folder = data_dir or package_data()
        entries, files, problems = parse_entries(folder)
        if strict and problems:
            raise KnowledgeError("\n".join(f"{p.file}: {p.id}: {p.message}" for p in problems))
        contract_path = folder / "contract_ids.txt"
        if not contract_path.exists():
            contract_path = package_data() / "contract_ids.txt"
        sources_path = folder / "sources.txt"
        if not sources_path.exists():
            sources_path = package_data() / "sources.txt"
        return cls(entries, files, read_lines(contract_path), read_lines(sources_path), problems)

    def get(self, id: str) -> Entry:
        try:
            return self.entries[id]
        except KeyError:
            raise KeyError(f"no knowledge-base entry {id!r}") from None

    def __contains__(self, id: object) -> bool:
        return id in self.entries

    def stale(self, today: dt.date | None = None) -> list[Entry]:
        return [e for e in self.entries.values() if e.is_stale(today)]

    def check(self, sources_dir: Path | None = None, today: dt.date | None = None) -> list[Problem]:
        """Errors: malformed entries, missing contract ids, dangling related ids, unknown source files.
        Warnings: entries past their ``review_due`` date."""
        problems = list(self._load_problems)
        for cid in self.contract_ids:
            if cid not in self.entries:
                problems.append(
                    Problem(level="error", file="contract_ids.txt", id=cid, message="contract id missing")
                )
        known = set(self.known_sources)
        present = {p.name for p in sources_dir.glob("*.txt")} if sources_dir else None
        for entry in self.entries.values():
            file = self.files.get(entry.id, "?")
            for rel in entry.related:
                if rel not in self.entries:
                    problems.append(
                        Problem(level="error", file=file, id=entry.id, message=f"dangling related id {rel}")
                    )
                if rel == entry.id:
                    problems.append(
                        Problem(level="error", file=file, id=entry.id, message="relates to itself")
                    )
            for ref in entry.sources:
                if ref.file not in known:
                    problems.append(
                        Problem(
                            level="error", file=file, id=entry.id, message=f"unknown source file {ref.file}"
                        )
                    )
                elif present is not None and ref.file not in present:
                    problems.append(
                        Problem(
                            level="error",
                            file=file,
                            id=entry.id,
                            message=f"source file {ref.file} not found in {sources_dir}",
                        )
                    )
            if entry.id.startswith("case.") and entry.verdict is None:
                problems.append(
                    Problem(level="error", file=file, id=entry.id, message="worked example without verdict")
                )
            if entry.is_stale(today):
                problems.append(
                    Problem(
                        level="warning",
                        file=file,
                        id=entry.id,
                        message=f"past review date {entry.review_due.isoformat()} "
                        f"(last reviewed {entry.reviewed.isoformat()})",
                    )
                )
        return problems


def load_decisions(path: Path | None = None) -> DecisionTable:
    """Load and validate the decision table (``decisions.yaml``)."""
    target = path or package_data() / "decisions.yaml"
    raw = _read_yaml(target)
    try:
        return DecisionTable.model_validate(raw)
    except ValidationError as exc:
        ident = "-"
        first = exc.errors()[0]["loc"] if exc.errors() else ()
        if len(first) >= 2 and first[0] == "rules" and isinstance(first[1], int):
            rules = raw.get("rules", []) if isinstance(raw, dict) else []
            if first[1] < len(rules) and isinstance(rules[first[1]], dict):
                ident = str(rules[first[1]].get("id", ident))
        raise KnowledgeError(f"{target}: {ident}: {_format_error(exc)}") from exc


def load_local(path: Path | None = None) -> LocalContacts:
    """Load a deployment's local contacts; missing fields fall back to the shipped national defaults."""
    defaults = _read_yaml(package_data() / "local.default.yaml") or {}
    merged: dict[str, Any] = dict(defaults)
    if path is not None:
        override = _read_yaml(path) or {}
        if not isinstance(override, dict):
            raise KnowledgeError(f"{path}: -: expected a mapping")
        merged.update(override)
    try:
        return LocalContacts.model_validate(merged)
    except ValidationError as exc:
        raise KnowledgeError(f"{path or 'local.default.yaml'}: local: {_format_error(exc)}") from exc
