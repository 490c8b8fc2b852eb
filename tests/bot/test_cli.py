"""The CLI contract, through real subprocesses on a temporary SQLite database."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import LEADS

pytestmark = pytest.mark.model

CLI = [sys.executable, "-m", "bot"]
QUESTION = "A 14-year-old, Tyler Brennan, told me his stepdad hits him. Can I tell children's social care?"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    values = {k: v for k, v in os.environ.items() if not k.startswith("CANISHARE_")}
    values.update(
        CANISHARE_DATABASE_URL=f"sqlite:///{tmp_path / 'cli.db'}",
        CANISHARE_LEADS=LEADS,
        CANISHARE_PLACEHOLDER_KEY="cli-test",
        NO_COLOR="1",
        COLUMNS="200",
    )
    return values


def run(env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        cwd=Path(__file__).resolve().parents[2],
    )


def test_every_contract_subcommand_is_present(env: dict[str, str]) -> None:
    out = run(env, "--help").stdout
    for name in (
        "chat",
        "ask",
        "redact",
        "leads",
        "serve",
        "slack",
        "telegram",
        "db",
        "kb",
        "purge",
        "audit",
    ):
        assert name in out
    leads = run(env, "leads", "--help").stdout
    for name in ("list", "show", "claim", "reply", "close"):
        assert name in leads


def test_ask_json_prints_the_contract_object(env: dict[str, str]) -> None:
    result = run(env, "ask", "--json", QUESTION)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    for key in (
        "verdict",
        "inform",
        "rules",
        "facts",
        "follow_up",
        "redacted",
        "handoff_recommended",
        "summary",
    ):
        assert key in data
    assert data["verdict"] == "share"
    assert isinstance(data["rules"], list) and data["rules"]
    assert isinstance(data["follow_up"], list)
    assert "Tyler" not in data["redacted"] and "[PERSON_1]" in data["redacted"]


def test_ask_jsonl_answers_every_line_with_its_id(env: dict[str, str], tmp_path: Path) -> None:
    source = tmp_path / "q.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": QUESTION})
        + "\n"
        + json.dumps({"id": "b", "text": "A man is attacking someone in the flat upstairs right now."})
        + "\n",
        encoding="utf-8",
    )
    result = run(env, "ask", "--jsonl", str(source))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[1]["verdict"] == "emergency"


def test_ask_jsonl_names_the_bad_line_not_its_text(env: dict[str, str], tmp_path: Path) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_text('{"id": "a", "text": "fine"}\n{not json Tyler Brennan\n', encoding="utf-8")
    result = run(env, "ask", "--jsonl", str(source))
    assert result.returncode == 2
    assert "line 2" in result.stderr and "Tyler" not in result.stderr


def test_console_flow_handoff_claim_reply_resume_close(env: dict[str, str]) -> None:
    chat = run(env, "chat", "--as", "sam", stdin=f"{QUESTION}\n/handoff\n/quit\n")
    assert chat.returncode == 0, chat.stderr
    assert "Tyler" not in chat.stdout
    assert "Sent to the safeguarding leads as case" in chat.stdout
    ref = chat.stdout.split("as case ", 1)[1][:6]

    listed = run(env, "leads", "list", "--json", "--as", "alice")
    assert listed.returncode == 0, listed.stderr
    (case,) = json.loads(listed.stdout)
    assert case["ref"] == ref and "Tyler" not in listed.stdout

    refused = run(env, "leads", "list", "--as", "mallory")
    assert refused.returncode == 3 and "recorded" in refused.stderr

    procs = [
        subprocess.Popen(
            [*CLI, "leads", "claim", ref, "--as", who],
            env=env,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for who in ("alice", "bob")
    ]
    outcomes = [(p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in procs]  # type: ignore[union-attr]
    codes = sorted(code for code, _, _ in outcomes)
    assert codes == [0, 1], outcomes
    winner = "alice" if outcomes[0][0] == 0 else "bob"
    loser_err = outcomes[1][2] if winner == "alice" else outcomes[0][2]
    assert f"held by console:{winner}" in loser_err

    replied = run(env, "leads", "reply", ref, "Please call Tyler's school nurse today.", "--as", winner)
    assert replied.returncode == 0, replied.stderr
    assert "Tyler" not in replied.stdout

    resumed = run(env, "chat", "--as", "sam", stdin="/quit\n")
    assert "Safeguarding lead (case " + ref in resumed.stdout
    assert "school nurse" in resumed.stdout and "Tyler" not in resumed.stdout

    closed = run(
        env,
        "leads",
        "close",
        ref,
        "--outcome",
        "Referred to children's social care.",
        "--as",
        winner,
        "--json",
    )
    assert closed.returncode == 0, closed.stderr
    record = json.loads(closed.stdout)
    assert record["signed_off_by"] == f"console:{winner}" and record["outcome"]

    assert run(env, "audit", "verify").returncode == 0


def test_a_case_survives_kill_9_right_after_the_asker_was_told(env: dict[str, str]) -> None:
    proc = subprocess.Popen(
        [*CLI, "chat", "--as", "kim"],
        env=env,
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(QUESTION + "\n/handoff\n")
    proc.stdin.flush()
    ref = None
    for line in proc.stdout:
        if "Sent to the safeguarding leads as case" in line:
            ref = line.split("as case ", 1)[1][:6]
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=30)
    assert ref is not None
    shown = run(env, "leads", "show", ref, "--json", "--as", "alice")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["ref"] == ref


def test_db_upgrade_purge_and_audit(env: dict[str, str]) -> None:
    assert run(env, "db", "upgrade").returncode == 0
    run(env, "chat", "--as", "sam", stdin=f"{QUESTION}\n/quit\n")
    purged = run(env, "purge", "--older-than", "0", "--json")
    assert purged.returncode == 0, purged.stderr
    assert json.loads(purged.stdout)["conversations"] == 1
    assert run(env, "audit", "verify").returncode == 0


def test_a_wrong_model_fails_closed_everywhere(env: dict[str, str], tmp_path: Path) -> None:
    env = {**env, "CANISHARE_REDACTION_MODEL": "no_such_model"}
    for args, stdin in (
        (["chat", "--as", "sam"], f"{QUESTION}\n"),
        (["ask", QUESTION], None),
        (["redact"], QUESTION),
    ):
        result = run(env, *args, stdin=stdin)
        assert result.returncode != 0, args
        assert "Tyler" not in result.stdout + result.stderr
        assert "no_such_model" in result.stderr or "model" in result.stderr.lower()
    for args, extra in (
        (["slack", "--socket"], {"CANISHARE_SLACK_APP_TOKEN": "xapp-1", "CANISHARE_SLACK_BOT_TOKEN": "x"}),
        (["telegram", "--polling"], {"CANISHARE_TELEGRAM_BOT_TOKEN": "1:x"}),
    ):
        result = run({**env, **extra}, *args)
        assert result.returncode == 4 and "Traceback" not in result.stderr and "model" in result.stderr, args
    assert not (tmp_path / "cli.db").exists() or "Tyler" not in (tmp_path / "cli.db").read_bytes().decode(
        "utf-8", "ignore"
    )


def test_transports_without_their_mode_flag_say_so(env: dict[str, str]) -> None:
    slack = run(env, "slack")
    assert slack.returncode == 2 and "--socket" in slack.stderr
    telegram = run(env, "telegram")
    assert telegram.returncode == 2 and "--polling" in telegram.stderr
