"""Inter-annotator agreement between two passes of span gold: Cohen's kappa on assertion and on verdict over
the spans both passes contain, and the spans only one pass has.

Two spans match when they are in the same packet, have the same concept and their offsets overlap; matching
is one to one, exact offsets first, then the largest overlap. Only packets present in both passes count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

from ..learn.gold import GoldSpan, by_packet


def cohen_kappa(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's kappa of (label of pass A, label of pass B) pairs; None when undefined (no pairs, or both
    passes use one and the same label throughout, so chance agreement is 1)."""
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(a == b for a, b in pairs) / n
    count_a = Counter(a for a, _ in pairs)
    count_b = Counter(b for _, b in pairs)
    expected = sum(count_a[label] * count_b[label] for label in count_a) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def _overlap(a: GoldSpan, b: GoldSpan) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match_spans(a: Sequence[GoldSpan], b: Sequence[GoldSpan]) -> tuple[list[tuple[GoldSpan, GoldSpan]],
                                                                     list[GoldSpan], list[GoldSpan]]:
    """One-to-one matches of one packet's spans (same concept, overlapping; exact offsets first, then the
    largest overlap), and the spans of A and of B left unmatched."""
    candidates = sorted(
        ((i, j) for i, x in enumerate(a) for j, y in enumerate(b)
         if x.concept == y.concept and _overlap(x, y) > 0),
        key=lambda ij: (a[ij[0]].key != b[ij[1]].key, -_overlap(a[ij[0]], b[ij[1]]), ij))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((a[i], b[j]))
    pairs.sort(key=lambda p: p[0].key)
    return (pairs, [x for i, x in enumerate(a) if i not in used_a], [y for j, y in enumerate(b) if j not in used_b])


@dataclass
class AgreementReport:
    packets: list[str]
    matched: int = 0
    only_a: int = 0
    only_b: int = 0
    assertion_pairs: list[tuple[str, str]] = field(default_factory=list)
    verdict_pairs: list[tuple[str, str]] = field(default_factory=list)

    @staticmethod
    def _agree(pairs: list[tuple[str, str]]) -> float | None:
        return sum(a == b for a, b in pairs) / len(pairs) if pairs else None

    def summary(self) -> dict[str, object]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 3)

        return {
            "packets": len(self.packets), "matched_spans": self.matched, "only_a": self.only_a,
            "only_b": self.only_b,
            "assertion_kappa": r(cohen_kappa(self.assertion_pairs)),
            "assertion_agreement": r(self._agree(self.assertion_pairs)),
            "verdict_pairs": len(self.verdict_pairs),
            "verdict_kappa": r(cohen_kappa(self.verdict_pairs)),
            "verdict_agreement": r(self._agree(self.verdict_pairs)),
        }

    def confusion(self, which: str = "assertion") -> dict[tuple[str, str], int]:
        pairs = self.assertion_pairs if which == "assertion" else self.verdict_pairs
        return dict(sorted(Counter(pairs).items()))


def agreement(a: Iterable[GoldSpan], b: Iterable[GoldSpan]) -> AgreementReport:
    """Agreement of two passes over the packets both contain."""
    pa, pb = by_packet(a), by_packet(b)
    shared = sorted(set(pa) & set(pb))
    report = AgreementReport(packets=shared)
    for pid in shared:
        pairs, only_a, only_b = match_spans(pa[pid], pb[pid])
        report.matched += len(pairs)
        report.only_a += len(only_a)
        report.only_b += len(only_b)
        for x, y in pairs:
            report.assertion_pairs.append((x.assertion, y.assertion))
            if x.verdict is not None and y.verdict is not None:
                report.verdict_pairs.append((x.verdict, y.verdict))
    return report
