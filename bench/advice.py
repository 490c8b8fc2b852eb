"""Advice benchmark: accuracy on the shared dev questions and the held-out-like set, and advise() latency.

    .venv/bin/python bench/advice.py [--runs N] [--questions PATH ...]

Scores with the shared scorer (``advice_score.py``, imported by path from ``../shared/eval`` next to the
repository or ``CANISHARE_SHARED_DIR``) when it is available, and with the same arithmetic built in
otherwise. Latency is measured per call of ``Advisor.advise`` on every question, repeated ``--runs`` times
after one warm-up pass; the target is p95 <= 20 ms.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge import Advisor  # noqa: E402


def shared_dir() -> Path:
    return Path(os.environ.get("CANISHARE_SHARED_DIR", ROOT.parent / "shared"))


def load_scorer() -> ModuleType | None:
    path = shared_dir() / "eval" / "advice_score.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("advice_score", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(
    questions: list[dict[str, Any]], outs: dict[str, dict[str, Any]]
) -> tuple[dict[str, Any], list[str]]:
    scorer = load_scorer()
    if scorer is not None:
        result: tuple[dict[str, Any], list[str]] = scorer.score(questions, outs)
        return result
    right = sum(outs[q["id"]]["verdict"] == q["verdict"] for q in questions)
    return {"accuracy": round(right / len(questions), 3)}, []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--questions", type=Path, nargs="*")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    sets = args.questions or [
        p
        for p in (
            shared_dir() / "eval" / "advice_dev.jsonl",
            ROOT / "tests/knowledge/heldout_like.jsonl",
            *sorted((ROOT / "tests/knowledge").glob("blind_*.jsonl")),
        )
        if p.is_file()
    ]
    started = time.perf_counter()
    advisor = Advisor.load()
    print(f"load: {time.perf_counter() - started:.2f} s")
    texts: list[str] = []
    for path in sets:
        questions = read(path)
        outs = {q["id"]: advisor.advise(q["text"]).to_contract() for q in questions}
        result, wrong = score(questions, outs)
        print(f"{path.name} ({len(questions)} questions): {json.dumps(result)}")
        if args.verbose:
            for line in wrong:
                print(f"  {line}")
        texts += [q["text"] for q in questions]
    for text in texts:  # warm-up
        advisor.advise(text)
    timings: list[float] = []
    for _ in range(args.runs):
        for text in texts:
            t0 = time.perf_counter()
            advisor.advise(text)
            timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(
        f"advise(): {len(timings)} calls, p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, "
        f"max {timings[-1]:.1f} ms (target p95 <= 20 ms: {'ok' if p95 <= 20 else 'MISSED'})"
    )


if __name__ == "__main__":
    main()
