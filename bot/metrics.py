"""A small Prometheus text-format registry: counters and histograms for this process.

Kept in-house because we need four metrics, and the exposition format is a few lines.
"""

from __future__ import annotations

import threading
from collections import defaultdict

_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3600.0)


def _labels(labels: dict[str, str]) -> str:
    if not labels:
        return ""
    inner = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    return "{" + inner + "}"


class Registry:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counters: dict[str, dict[tuple[tuple[str, str], ...], float]] = defaultdict(dict)
        self._histograms: dict[str, dict[tuple[tuple[str, str], ...], list[float]]] = defaultdict(dict)
        self._help: dict[str, tuple[str, str]] = {}

    def describe(self, name: str, kind: str, text: str) -> None:
        self._help[name] = (kind, text)

    def inc(self, name: str, amount: float = 1.0, **labels: str) -> None:
        key = tuple(sorted(labels.items()))
        with self._lock:
            self._counters[name][key] = self._counters[name].get(key, 0.0) + amount

    def observe(self, name: str, value: float, **labels: str) -> None:
        key = tuple(sorted(labels.items()))
        with self._lock:
            # per bucket counts, then sum and count at the end
            row = self._histograms[name].setdefault(key, [0.0] * (len(_BUCKETS) + 2))
            for i, bound in enumerate(_BUCKETS):
                if value <= bound:
                    row[i] += 1
            row[-2] += value
            row[-1] += 1

    def render(self, gauges: dict[str, tuple[str, float]] | None = None) -> str:
        lines: list[str] = []
        with self._lock:
            for name, series in sorted(self._counters.items()):
                kind, text = self._help.get(name, ("counter", name))
                lines += [f"# HELP {name} {text}", f"# TYPE {name} counter"]
                lines += [f"{name}{_labels(dict(k))} {v:g}" for k, v in sorted(series.items())]
            for name, hseries in sorted(self._histograms.items()):
                kind, text = self._help.get(name, ("histogram", name))
                lines += [f"# HELP {name} {text}", f"# TYPE {name} histogram"]
                for key, row in sorted(hseries.items()):
                    labels = dict(key)
                    for i, bound in enumerate(_BUCKETS):
                        lines.append(f"{name}_bucket{_labels({**labels, 'le': f'{bound:g}'})} {row[i]:g}")
                    lines.append(f"{name}_bucket{_labels({**labels, 'le': '+Inf'})} {row[-1]:g}")
                    lines.append(f"{name}_sum{_labels(labels)} {row[-2]:g}")
                    lines.append(f"{name}_count{_labels(labels)} {row[-1]:g}")
        for name, (text, value) in sorted((gauges or {}).items()):
            lines += [f"# HELP {name} {text}", f"# TYPE {name} gauge", f"{name} {value:g}"]
        return "\n".join(lines) + "\n"


REGISTRY = Registry()
REGISTRY.describe("canishare_messages_total", "counter", "Messages handled, by platform.")
REGISTRY.describe("canishare_verdicts_total", "counter", "Answers given, by verdict.")
REGISTRY.describe("canishare_redaction_seconds", "histogram", "Time to redact one message.")
REGISTRY.describe("canishare_time_to_claim_seconds", "histogram", "Time from handoff to a lead's claim.")
REGISTRY.describe("canishare_handoffs_total", "counter", "Cases handed off to leads.")
