"""Redaction benchmark: quality on the shared corpora, speed, memory, and Presidio side by side.

    .venv/bin/python bench/redaction.py [--no-presidio] [--corpus PATH ...]

Scores with the shared scorer (``redact_score.py``, imported by path from the shared folder, ``../shared``
next to the repository or ``CANISHARE_SHARED_DIR``), then times whole-corpus redaction (batched), single
messages (p50/p95) and peak resident memory. When presidio-analyzer is installed it runs Presidio's
AnalyzerEngine with the same spaCy pipeline on the same messages in the same run.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from redaction import DEFAULT_MODEL, Redactor  # noqa: E402

CORPORA = ("redaction_dev.txt", "presidio_synth_v2.txt")
HELDOUT_LIKE = ROOT / "tests" / "redaction" / "heldout_like.txt"


def shared_dir() -> Path:
    return Path(os.environ.get("CANISHARE_SHARED_DIR", ROOT.parent / "shared"))


def load_scorer() -> ModuleType:
    path = shared_dir() / "eval" / "redact_score.py"
    spec = importlib.util.spec_from_file_location("redact_score", path)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot find the shared scorer at {path} (set CANISHARE_SHARED_DIR)")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def timed_batch(run: Callable[[list[str]], list[str]], texts: list[str]) -> tuple[list[str], float]:
    start = time.perf_counter()
    out = run(texts)
    return out, len(texts) / (time.perf_counter() - start)


def best_rate(run: Callable[[list[str]], list[str]], texts: list[str], repeats: int = 3) -> float:
    """Best of a few whole-corpus runs: other work on a shared machine only ever slows a run down."""
    return max(timed_batch(run, texts)[1] for _ in range(repeats))


def latencies_ms(one: Callable[[str], str], texts: Iterable[str]) -> list[float]:
    out = []
    for text in texts:
        start = time.perf_counter()
        one(text)
        out.append((time.perf_counter() - start) * 1000)
    return out


def presidio() -> tuple[Callable[[str], str], str] | None:
    """Presidio with the same spaCy pipeline, or None when it is not installed."""
    try:
        import tldextract
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider
        from presidio_anonymizer import AnonymizerEngine
    except ImportError:
        return None
    # Presidio's email and URL recognizers call tldextract, which fetches the public suffix list on first
    # use. Point it at the snapshot bundled in the package so nothing is downloaded.
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    config = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": DEFAULT_MODEL}]}
    engine = NlpEngineProvider(nlp_configuration=config).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    anonymizer = AnonymizerEngine()

    def run(text: str) -> str:
        results = analyzer.analyze(text=text, language="en")
        return str(anonymizer.anonymize(text=text, analyzer_results=results).text)  # type: ignore[arg-type]

    from importlib.metadata import version

    return run, version("presidio-analyzer")


def figures(scorer: ModuleType, rows: list[Any], outs: list[str]) -> dict[str, Any]:
    result: dict[str, Any] = scorer.score(rows, {row[0]: out for row, out in zip(rows, outs, strict=True)})
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--no-presidio", action="store_true", help="skip the Presidio comparison")
    parser.add_argument("--misses", action="store_true", help="list every leaked identifier")
    args = parser.parse_args()

    scorer = load_scorer()
    corpora = {name: shared_dir() / "eval" / name for name in CORPORA}
    if HELDOUT_LIKE.exists():
        corpora["heldout_like.txt (ours)"] = HELDOUT_LIKE
    rows = {name: scorer.load(path) for name, path in corpora.items()}

    start = time.perf_counter()
    redactor = Redactor.load()
    load_s = time.perf_counter() - start
    redactor.redact("Warm-up: Jessie Carter lives at 14 Ashby Road, LE12 9BS.")

    def ours_batch(texts: list[str]) -> list[str]:
        return [r.text for r in redactor.redact_many(texts)]

    load_avg = os.getloadavg()[0]
    print(f"model {DEFAULT_MODEL}, loaded in {load_s:.1f} s; {os.cpu_count()} CPUs, load {load_avg:.1f}\n")
    print(
        f"{'corpus':<28}{'system':<10}{'recall':>8}{'leaks':>7}{'kept phr':>10}{'words kept':>12}{'msg/s':>9}"
    )
    all_texts: list[str] = []
    ours_out: dict[str, list[str]] = {}
    for name, corpus_rows in rows.items():
        texts = [row[1] for row in corpus_rows]
        all_texts += texts if "ours" not in name else []
        outs, rate = timed_batch(ours_batch, texts)
        ours_out[name] = outs
        f = figures(scorer, corpus_rows, outs)
        print(
            f"{name:<28}{'ours':<10}{f['identifier_recall']:>8}{f['leaks']:>7}{str(f['keep_phrases_kept']):>10}"
            f"{f['other_words_kept']:>12}{rate:>9.0f}"
        )
        if args.misses:
            print("\n".join("    " + m for m in f["misses"]))

    ours_rate = best_rate(ours_batch, all_texts)
    ours_lat = latencies_ms(lambda t: redactor.redact(t).text, all_texts)
    ours_rss = peak_rss_mb()

    print(
        f"\nours: {ours_rate:.0f} msg/s over {len(all_texts)} messages (batched, best of 3); single message "
        f"p50 {percentile(ours_lat, 50):.2f} ms, p95 {percentile(ours_lat, 95):.2f} ms; "
        f"peak RSS {ours_rss:.0f} MB"
    )

    other = None if args.no_presidio else presidio()
    if other is None:
        print("\nPresidio: not run (install the 'compare' extra: presidio-analyzer, presidio-anonymizer)")
        return
    run_presidio, presidio_version = other
    run_presidio("Warm-up: Jessie Carter lives at 14 Ashby Road, LE12 9BS.")
    print(f"\nPresidio {presidio_version}, default recognizers, same spaCy pipeline:")
    for name, corpus_rows in rows.items():
        texts = [row[1] for row in corpus_rows]
        outs, rate = timed_batch(lambda ts: [run_presidio(t) for t in ts], texts)
        f = figures(scorer, corpus_rows, outs)
        print(
            f"{name:<28}{'presidio':<10}{f['identifier_recall']:>8}{f['leaks']:>7}"
            f"{str(f['keep_phrases_kept']):>10}{f['other_words_kept']:>12}{rate:>9.0f}"
        )
    presidio_rate = best_rate(lambda ts: [run_presidio(t) for t in ts], all_texts)
    presidio_lat = latencies_ms(run_presidio, all_texts)
    print(
        f"\npresidio: {presidio_rate:.0f} msg/s; single message p50 {percentile(presidio_lat, 50):.2f} ms, "
        f"p95 {percentile(presidio_lat, 95):.2f} ms"
    )
    print(f"throughput ratio ours/presidio: {ours_rate / presidio_rate:.2f}x")


if __name__ == "__main__":
    main()
