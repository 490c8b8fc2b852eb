"""The recognizer registry lists every recognizer file, once, and each recognizer is well formed."""

from __future__ import annotations

import ast
from pathlib import Path

import redaction
from redaction.recognizer import Recognizer
from redaction.recognizers import RECOGNIZERS

FOLDER = Path(redaction.__file__).parent / "recognizers"


def test_every_recognizer_file_is_registered_once() -> None:
    files = {p.stem for p in FOLDER.glob("*.py") if p.name != "__init__.py"}
    registered = [cls.__module__.rsplit(".", 1)[1] for cls in RECOGNIZERS]
    assert sorted(registered) == sorted(files)
    assert len(set(registered)) == len(registered)


def test_each_file_defines_exactly_one_recognizer_class() -> None:
    for path in FOLDER.glob("*.py"):
        if path.name == "__init__.py":
            continue
        classes = [n for n in ast.parse(path.read_text()).body if isinstance(n, ast.ClassDef)]
        assert len(classes) == 1, path.name


def test_recognizers_have_unique_names_and_labels() -> None:
    names = [cls.name for cls in RECOGNIZERS]
    assert len(set(names)) == len(names)
    for cls in RECOGNIZERS:
        assert issubclass(cls, Recognizer)
        assert cls.labels and all(label.isupper() for label in cls.labels)


def test_package_does_not_import_other_packages() -> None:
    root = Path(redaction.__file__).parent
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.module.split(".")[0] not in ("bot", "knowledge"), path
            if isinstance(node, ast.Import):
                assert all(a.name.split(".")[0] not in ("bot", "knowledge") for a in node.names), path
