"""Evaluate a policy's criteria trees over a packet's facts, three-valued, with a result for every node."""

from __future__ import annotations

from datetime import date, timedelta

from ..contracts import ClinicalFacts, CriterionResult, Evidence, Fact, FactStatus, TriState
from .schema import AllNode, AnyNode, CodesNode, FactNode, Node, NotNode, RecentImagingNode, ReviewerNode

MET, NOT_MET, UNKNOWN = TriState.MET, TriState.NOT_MET, TriState.UNKNOWN
_RANK = {"present": 3, "suspected": 2, "absent": 1}
_MAX_NODE_EVIDENCE = 12


def _all(values: list[TriState]) -> TriState:
    if NOT_MET in values:
        return NOT_MET
    return UNKNOWN if UNKNOWN in values else MET


def _any(values: list[TriState]) -> TriState:
    if MET in values:
        return MET
    return UNKNOWN if UNKNOWN in values else NOT_MET


def _negate(value: TriState) -> TriState:
    return {MET: NOT_MET, NOT_MET: MET, UNKNOWN: UNKNOWN}[value]


def months_before(day: date, months: int) -> date:
    """The same day of the month `months` calendar months earlier (the month's last day when it is shorter):
    3 months before 2026-05-31 is 2026-02-28."""
    month = day.month - 1 - months
    year, month = day.year + month // 12, month % 12 + 1
    last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def _code_key(code: str) -> tuple[str, int, str]:
    """Sortable key for CPT codes (digits) and Category III codes (digits + T)."""
    digits = "".join(c for c in code if c.isdigit())
    suffix = "".join(c for c in code if c.isalpha())
    return (suffix, int(digits) if digits else -1, code)


def _code_in(code: str, spec: str) -> bool:
    if "-" not in spec:
        return code.upper() == spec.upper()
    low, high = (p.strip().upper() for p in spec.split("-"))
    k, lo, hi = _code_key(code.upper()), _code_key(low), _code_key(high)
    return k[0] == lo[0] and lo[1] <= k[1] <= hi[1]


class Evaluation:
    """Evaluates nodes against one packet's facts, recording a CriterionResult per node."""

    def __init__(self, facts: ClinicalFacts) -> None:
        self.facts = facts
        self.results: list[CriterionResult] = []
        self._order: dict[str, int] = {}
        self.reference = date.fromisoformat(facts.reference_date) if facts.reference_date else None

    def run(self, node: Node, *, role: str, parent: str | None = None) -> TriState:
        self._order[node.id] = len(self._order)
        status, explanation, evidence = self._eval(node, role=role)
        self.results.append(
            CriterionResult(
                id=node.id, parent=parent, role=role, op=node.op, status=status, quote=node.quote,
                explanation=explanation, evidence=evidence[:_MAX_NODE_EVIDENCE],
            )
        )
        return status

    def trace(self) -> list[CriterionResult]:
        """All node results, parents before children, in policy order."""
        return sorted(self.results, key=lambda r: self._order[r.id])

    # Each branch returns (status, one-line explanation, evidence).
    def _eval(self, node: Node, *, role: str) -> tuple[TriState, str, list[Evidence]]:
        if isinstance(node, AllNode | AnyNode):
            index = len(self.results)
            values = [self.run(child, role=role, parent=node.id) for child in node.of]
            combine = _all if isinstance(node, AllNode) else _any
            status = combine(values)
            children = [r for r in self.results[index:] if r.parent == node.id]
            evidence = [e for r in children if r.status is MET for e in r.evidence] if status is MET else []
            label = node.label or node.id
            counts = f"{values.count(MET)} of {len(values)} met"
            word = "all of" if isinstance(node, AllNode) else "any of"
            return status, f"{label}: {word} {len(values)} ({counts})", evidence
        if isinstance(node, NotNode):
            inner = self.run(node.of, role=role, parent=node.id)
            return _negate(inner), f"{node.label or node.id}: not ({inner.value})", []
        if isinstance(node, FactNode):
            return self._fact(node)
        if isinstance(node, CodesNode):
            return self._codes(node)
        if isinstance(node, RecentImagingNode):
            return self._recent(node)
        if isinstance(node, ReviewerNode):
            return UNKNOWN, f"needs a reviewer: {node.ask}", []
        raise TypeError(f"unsupported criterion node {type(node).__name__}")  # the schema forbids this

    def _fact(self, node: FactNode) -> tuple[TriState, str, list[Evidence]]:
        fact: Fact = self.facts.get(node.fact)
        status, evidence = fact.status, list(fact.evidence)
        if node.where:
            evidence = [e for e in evidence
                        if all(e.attributes.get(k) in v for k, v in node.where.items())]
            best = max((_RANK.get(e.assertion or "", 0) for e in evidence), default=0)
            status = {3: FactStatus.PRESENT, 2: FactStatus.SUSPECTED, 1: FactStatus.ABSENT}.get(
                best, FactStatus.NOT_DOCUMENTED)
        label = node.label or node.fact.replace("_", " ")
        if status in node.status:
            kept = [e for e in evidence if e.assertion in {s.value for s in node.status} or e.assertion is None]
            return MET, f"{label}: {status.value}", kept or evidence
        if status in node.unknown_if:
            return UNKNOWN, f"{label}: {status.value}, needs confirmation", evidence
        if status is FactStatus.NOT_DOCUMENTED:
            value = UNKNOWN if node.if_not_documented == "unknown" else NOT_MET
            return value, f"{label}: not documented", []
        return NOT_MET, f"{label}: {status.value}", evidence

    def _codes(self, node: CodesNode) -> tuple[TriState, str, list[Evidence]]:
        name = "requested_cpt_codes" if node.field == "requested_cpt" else "diagnosis_codes"
        fact = self.facts.get(name)
        codes = fact.value if isinstance(fact.value, list) else []
        if not codes:
            value = UNKNOWN if node.if_not_documented == "unknown" else NOT_MET
            return value, f"{node.label or node.id}: no codes documented", []
        hits = [c for c in codes if any(_code_in(c, spec) for spec in node.codes)]
        if hits:
            ev = [e for e in fact.evidence if e.text.strip().upper() in hits or e.attributes.get("code") in hits]
            return MET, f"{node.label or node.id}: {', '.join(hits)}", ev
        return NOT_MET, f"{node.label or node.id}: requested {', '.join(codes)}", []

    def _recent(self, node: RecentImagingNode) -> tuple[TriState, str, list[Evidence]]:
        # the same body part: brain studies, or studies whose body part the packet does not state
        studies = [s for s in self.facts.imaging
                   if s.modality in node.modalities and s.body_part in (None, "brain")]
        label = node.label or node.id
        if not studies:
            return NOT_MET, f"{label}: no prior {'/'.join(node.modalities)} documented", []
        if self.reference is None:
            return UNKNOWN, f"{label}: request date not documented", []
        earliest = (self.reference - timedelta(days=node.within_days) if node.within_days is not None
                    else months_before(self.reference, node.within_months or 0))
        window = f"{node.within_days} days" if node.within_days is not None else f"{node.within_months} months"
        recent, undated = [], []
        for s in studies:
            if s.date is None or date.fromisoformat(s.date) > self.reference:
                undated.append(s)  # a study "after" the request is a misread date: treat it as unknown
                continue
            when = date.fromisoformat(s.date)
            if earliest <= when:
                recent.append((s, (self.reference - when).days))
        if recent:
            s, age = min(recent, key=lambda x: x[1])
            return MET, f"{label}: {s.modality} {s.date} ({age} days before the request)", list(s.evidence)
        if undated:
            return UNKNOWN, f"{label}: {undated[0].modality} without a date", list(undated[0].evidence)
        return NOT_MET, f"{label}: none within {window}", []
