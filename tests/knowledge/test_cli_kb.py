"""``canishare kb list`` and ``canishare kb check``, on the shipped data and on broken copies."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from bot.cli import kb as kb_cli

from .conftest import SHARED


def app() -> typer.Typer:
    root = typer.Typer()

    @root.callback()
    def _root() -> None:
        """Test root."""

    kb_cli.register(root)
    return root


runner = CliRunner()


def test_list_json_has_ids_titles_sources_and_dates() -> None:
    result = runner.invoke(app(), ["kb", "list", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    by_id = {r["id"]: r for r in rows}
    assert {"id", "title", "source", "reviewed", "review_due", "stale"} <= set(rows[0])
    assert "000_2fddb9e2b976e17c.txt" in by_id["adult.consent"]["source"]
    assert by_id["scheme.clares_law"]["stale"] is True


def test_list_table() -> None:
    result = runner.invoke(app(), ["kb", "list"])
    assert result.exit_code == 0
    assert "key.emergency" in result.stdout


def test_check_passes_on_shipped_data_and_warns_about_stale_entries() -> None:
    result = runner.invoke(app(), ["kb", "check"])
    assert result.exit_code == 0, result.output
    assert "warning: duties.yaml: scheme.clares_law: past review date" in result.output
    assert " 0 errors" in result.output


def test_check_against_the_real_sources_folder() -> None:
    if not (SHARED / "sources").is_dir():
        return
    result = runner.invoke(app(), ["kb", "check", "--sources", str(SHARED / "sources")])
    assert result.exit_code == 0, result.output


def test_check_fails_when_a_cited_source_is_not_in_the_folder(tmp_path: Path) -> None:
    (tmp_path / "000_2fddb9e2b976e17c.txt").write_text("only one source", encoding="utf-8")
    result = runner.invoke(app(), ["kb", "check", "--sources", str(tmp_path)])
    assert result.exit_code == 1
    assert "001_fb355b1cb876f1ff.txt not found" in result.output


def test_check_fails_on_missing_contract_id(entries_copy: Path) -> None:
    path = entries_copy / "entries" / "cases.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("id: case.trevor", "id: case.trev"), encoding="utf-8"
    )
    result = runner.invoke(app(), ["kb", "check", "--data", str(entries_copy)])
    assert result.exit_code == 1
    assert "case.trevor: contract id missing" in result.output


def test_check_fails_on_dangling_related_id(entries_copy: Path) -> None:
    path = entries_copy / "entries" / "cases.yaml"
    text = path.read_text(encoding="utf-8").replace("key.report_per_policy]", "key.report_per_polcy]", 1)
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app(), ["kb", "check", "--data", str(entries_copy)])
    assert result.exit_code == 1
    assert "dangling related id key.report_per_polcy" in result.output


def test_check_fails_on_malformed_entry_and_names_it(entries_copy: Path) -> None:
    path = entries_copy / "entries" / "principles.yaml"
    text = path.read_text(encoding="utf-8").replace("reviewed: 2026-11-21", "reviewed: yesterday", 1)
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app(), ["kb", "check", "--data", str(entries_copy)])
    assert result.exit_code == 1
    assert "principles.yaml: principle.empowerment: reviewed" in result.output
