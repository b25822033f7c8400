"""The annotated corpus (annotations/packets/*.yaml + .txt): loading, and agreement with the pipeline."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..contracts import Fact, ScreeningResult

DEFAULT_CORPUS_DIR = Path("annotations") / "packets"
SPLITS = ("dev", "heldout")


@dataclass(frozen=True)
class AnnotatedPacket:
    id: str
    split: str
    title: str
    text_path: Path
    expected: dict[str, tuple[str, str]]  # payer -> (decision, outcome)
    key_facts: dict[str, str]
    exercises: list[tuple[str, str]]  # (criterion id, met | not_met | unknown)
    traps: list[str] = field(default_factory=list)


class CorpusError(ValueError):
    """An annotation file that does not follow docs/annotation-guidelines.md."""


def load_packet(yaml_path: Path) -> AnnotatedPacket:
    data = yaml.safe_load(yaml_path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("id") != yaml_path.stem:
        raise CorpusError(f"{yaml_path.name}: id must equal the file name")
    if data.get("split") not in SPLITS:
        raise CorpusError(f"{yaml_path.name}: split must be one of {SPLITS}")
    text_path = yaml_path.with_suffix(".txt")
    if not text_path.is_file():
        raise CorpusError(f"{yaml_path.name}: missing packet text {text_path.name}")
    expected = {}
    for payer, exp in (data.get("expected") or {}).items():
        decision, outcome = exp.get("decision"), exp.get("outcome")
        if decision not in {"approve", "pend"} or (decision == "approve") != (outcome == "meets_criteria"):
            raise CorpusError(f"{yaml_path.name}: {payer}: approve goes with meets_criteria and only with it")
        expected[payer] = (decision, outcome)
    exercises = [(str(e["criterion"]), str(e["status"])) for e in data.get("exercises") or []]
    return AnnotatedPacket(
        id=data["id"], split=data["split"], title=str(data.get("title", "")), text_path=text_path,
        expected=expected, key_facts={str(k): str(v) for k, v in (data.get("key_facts") or {}).items()},
        exercises=exercises, traps=[str(t) for t in data.get("traps") or []],
    )


def load_corpus(directory: str | Path = DEFAULT_CORPUS_DIR, *, splits: Iterable[str] = SPLITS) -> list[AnnotatedPacket]:
    wanted = set(splits)
    packets = [load_packet(p) for p in sorted(Path(directory).glob("*.yaml"))]
    return [p for p in packets if p.split in wanted]


SILENCE = {"not_documented", "absent"}
"""The two statuses that say a finding is not there: not mentioned, or stated to be none."""


@dataclass
class Agreement:
    """Agreement of one screening result with its annotation."""

    packet: AnnotatedPacket
    decision_mismatches: list[str] = field(default_factory=list)
    outcome_mismatches: list[str] = field(default_factory=list)
    fact_mismatches: list[str] = field(default_factory=list)
    exercise_mismatches: list[str] = field(default_factory=list)
    silence_mismatches: int = 0
    """Fact mismatches between `not_documented` and `absent` (one side: the packet does not mention it; the
    other: it states none): counted in fact_mismatches, and reported apart in the summary."""

    @property
    def full(self) -> bool:
        return not (self.decision_mismatches or self.outcome_mismatches or self.fact_mismatches
                    or self.exercise_mismatches)

    def describe(self) -> list[str]:
        return [f"{self.packet.id}: {m}" for m in
                self.decision_mismatches + self.outcome_mismatches + self.fact_mismatches + self.exercise_mismatches]


def fact_agrees(fact: Fact, label: str) -> bool:
    """A key-fact label is a status, or for a numeric fact (patient_age) a whole number: the fact is present and its
    value, in completed units (years of age), is that number."""
    if label.isdigit():
        return (fact.status.value == "present" and isinstance(fact.value, int | float)
                and math.floor(fact.value) == int(label))
    return fact.status.value == label


def compare(record: ScreeningResult, packet: AnnotatedPacket) -> Agreement:
    agreement = Agreement(packet)
    by_payer = {d.payer: d for d in record.determinations}
    for payer, (decision, outcome) in sorted(packet.expected.items()):
        d = by_payer.get(payer)
        if d is None:
            continue
        if d.decision.value != decision:
            agreement.decision_mismatches.append(
                f"{payer}: decision {d.decision.value}, expected {decision} ({d.outcome.value} vs {outcome})")
        elif d.outcome.value != outcome:
            agreement.outcome_mismatches.append(f"{payer}: outcome {d.outcome.value}, expected {outcome}")
    facts = {f.name: f for f in record.facts}
    for name, status in sorted(packet.key_facts.items()):
        got = facts[name].status.value if name in facts else "unknown fact"
        if name in facts and fact_agrees(facts[name], status):
            continue
        if status.isdigit() and name in facts:
            got = f"{got} (value {facts[name].value})"
        agreement.fact_mismatches.append(f"fact {name}: {got}, expected {status}")
        agreement.silence_mismatches += {got, status} == SILENCE
    results = {c.id: c for d in record.determinations for c in d.criteria}
    for criterion, status in packet.exercises:
        c = results.get(criterion)
        if c is not None and c.status.value != status:
            agreement.exercise_mismatches.append(f"criterion {criterion}: {c.status.value}, expected {status}")
    return agreement


@dataclass
class CorpusReport:
    """Agreement figures over a set of packets."""

    agreements: list[Agreement]

    def _pairs(self) -> tuple[int, int, int]:
        total = decisions = outcomes = 0
        for a in self.agreements:
            n = len(a.packet.expected)
            total += n
            decisions += n - len(a.decision_mismatches)
            outcomes += n - len(a.decision_mismatches) - len(a.outcome_mismatches)
        return total, decisions, outcomes

    def summary(self) -> dict[str, float | int]:
        total, decisions, outcomes = self._pairs()
        n = len(self.agreements)
        facts = sum(len(a.packet.key_facts) for a in self.agreements)
        fact_ok = facts - sum(len(a.fact_mismatches) for a in self.agreements)
        silence = sum(a.silence_mismatches for a in self.agreements)
        return {
            "packets": n,
            "packets_fully_agreeing": sum(a.full for a in self.agreements),
            "payer_decisions": total,
            "decision_agreement": round(decisions / total, 4) if total else 1.0,
            "outcome_agreement": round(outcomes / total, 4) if total else 1.0,
            "key_facts": facts,
            "key_fact_agreement": round(fact_ok / facts, 4) if facts else 1.0,
            # the same, counting not_documented against absent as agreement: how much of the gap is only
            # whether a packet's silence was labelled "absent"
            "key_fact_agreement_silence_as_absent": round((fact_ok + silence) / facts, 4) if facts else 1.0,
        }

    def lines(self) -> list[str]:
        return [line for a in self.agreements for line in a.describe()]
