"""Evaluate a model folder: dev cross-validation (from training), the held-out gold spans and the NegEx test half,
and with `compare` rules, model and rules+model side by side, span by span and packet by packet.

Span level: per-class F1 of each configuration on the same spans. The rules' assertion of a span is what ConText
and the scopes give it; rules+model takes the model's label where its probability reaches the threshold. A
verdict is scored end to end: each configuration screens the packets, and a gold imaging span's verdict is the
inconclusive/conclusive verdict of the study it anchors (not_stated when none, or when it anchors no study).

Packet level: each configuration screens the dev and held-out packets; decision agreement with the annotations
(`prescreen evaluate`) and the count of false approvals (approve where the annotation says pend). The
recommended default is the configuration with the best held-out decision agreement that adds no false approval
to the rules' count (ties go to the simpler: rules, then rules+model, then model).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..contracts import ScreeningResult
from .dataset import Example
from .linear import per_class_f1
from .registry import MODES, ExtractorConfig, ShippedModel, load_model
from .train import Examples, labels_of, load_examples

_IMAGING = ("IMAGING", "IMAGING_SEQUENCE")
_VERDICTS = ("inconclusive", "conclusive")
_SIMPLEST_FIRST = ("rules", "rules+model", "model")  # a tie goes to the first


def span_predictions(shipped: ShippedModel, items: list[Example]) -> dict[str, list[str]]:
    """Labels of rules, model and rules+model for each assertion example."""
    predicted = shipped.model.predict([e.features for e in items])
    rules = [e.rules for e in items]
    model = [label for label, _ in predicted]
    combined = [label if p >= shipped.threshold else r for (label, p), r in zip(predicted, rules, strict=True)]
    return {"rules": rules, "model": model, "rules+model": combined}


def study_verdict(record: ScreeningResult, start: int) -> str:
    """The verdict a screening gives the imaging mention at `start`: that of the study it is evidence of, else of
    the study whose evidence surrounds it (a report's technique line between its title and its impression: every
    mention of a study carries the study's verdict), else not_stated."""
    def verdict(study: object) -> str:
        return next((v for v in _VERDICTS if v in study.verdicts), "not_stated")  # type: ignore[attr-defined]

    for study in record.imaging:
        if any(e.start == start and e.concept in _IMAGING for e in study.evidence):
            return verdict(study)
    around = [(max(e.end for e in s.evidence) - min(e.start for e in s.evidence), i)
              for i, s in enumerate(record.imaging)
              if s.evidence and min(e.start for e in s.evidence) <= start < max(e.end for e in s.evidence)]
    return verdict(record.imaging[min(around)[1]]) if around else "not_stated"


def screen_packets(config: ExtractorConfig, packets_dir: Path, ids: list[str]) -> dict[str, ScreeningResult]:
    """Screen the packets `ids` with the configuration (in this process)."""
    from ..screen import Screener

    screener = Screener(extractors=config, isolate=False)
    out: dict[str, ScreeningResult] = {}
    for pid, record in zip(ids, screener.screen([packets_dir / f"{i}.txt" for i in ids]), strict=True):
        if not isinstance(record, ScreeningResult):
            raise ValueError(f"{pid}: could not be screened ({record.code})")
        out[pid] = record
    return out


def decision_agreement(records: dict[str, ScreeningResult], packets: list[Any]) -> dict[str, Any]:
    """Payer decisions agreeing with the annotations, and false approvals (approve where pend is expected)."""
    from ..corpus.annotations import CorpusReport, compare

    report = CorpusReport([compare(records[p.id], p) for p in packets])
    false_approvals = []
    for p in packets:
        by_payer = {d.payer: d.decision.value for d in records[p.id].determinations}
        for payer, (decision, _) in sorted(p.expected.items()):
            if decision == "pend" and by_payer.get(payer) == "approve":
                false_approvals.append(f"{p.id}:{payer}")
    summary = report.summary()
    return {"packets": summary["packets"], "payer_decisions": summary["payer_decisions"],
            "decision_agreement": summary["decision_agreement"], "false_approvals": len(false_approvals),
            "false_approval_cases": false_approvals}


def configs_for(shipped: ShippedModel, folder: Path) -> dict[str, ExtractorConfig]:
    kinds = {shipped.kind: folder}
    return {mode: ExtractorConfig(mode=mode, **kinds) if mode != "rules" else ExtractorConfig() for mode in MODES}


def added_false_approvals(decisions: dict[str, dict[str, Any]], mode: str) -> list[str]:
    """False approvals (packet:payer, dev or held-out) of `mode` that the rules do not make."""
    return sorted({case for split in ("dev", "heldout") for case in decisions[mode][split]["false_approval_cases"]}
                  - {case for split in ("dev", "heldout") for case in decisions["rules"][split]["false_approval_cases"]})


def recommend(decisions: dict[str, dict[str, Any]]) -> tuple[str, str]:
    """(mode, reason): the best held-out decision agreement among the configurations that add no false approval
    (no packet and payer, dev or held-out, approved where the rules do not and the annotation says pend; removing
    others does not buy one)."""
    added = {m: added_false_approvals(decisions, m) for m in MODES}
    allowed = [m for m in MODES if not added[m]]
    best = max(allowed, key=lambda m: (decisions[m]["heldout"]["decision_agreement"], -_SIMPLEST_FIRST.index(m)))
    figures = ", ".join(f"{m} {decisions[m]['heldout']['decision_agreement']:.4f} "
                        f"({decisions[m]['heldout']['false_approvals']} false approvals)" for m in MODES)
    why = f"held-out decision agreement: {figures}"
    for m in MODES:
        if added[m]:
            why += f"; {m} adds false approvals the rules do not make ({', '.join(added[m])})"
    return best, why


def evaluate_model(folder: str | Path, data: str | Path = "annotations", *, compare: bool = False,
                   examples: Examples | None = None, spans: str | Path | None = None,
                   include_unreviewed: bool = False) -> dict[str, Any]:
    """The evaluation of a model folder on the annotations folder `data` (see the module docstring)."""
    folder = Path(folder)
    data = Path(data)
    shipped = load_model(folder)
    kind = shipped.kind
    labels = labels_of(kind)
    examples = examples or load_examples(data, spans=spans, include_unreviewed=include_unreviewed,
                                         verdict_rules=False)
    result: dict[str, Any] = {"model": shipped.id, "kind": kind, "threshold": shipped.threshold,
                              "dev_cv": shipped.metadata.get("dev_cv", {}), "spans": {},
                              "heldout_packets": {"reviewed": examples.gold_packets.get("heldout", 0),
                                                  "unreviewed_left_out": examples.unreviewed_packets.get("heldout", 0)}}
    sets = examples.of(kind)
    if kind == "assertion":
        for split in ("heldout", "negex_test"):
            items = sets.get(split, [])
            if not items:
                continue
            gold = [e.label for e in items]
            preds = span_predictions(shipped, items)
            result["spans"][split] = {mode: per_class_f1(gold, preds[mode], labels)
                                      for mode in (MODES if compare else ("model",))}
    if not compare and kind == "assertion":
        return result
    from ..corpus.annotations import load_corpus

    packets = load_corpus(data / "packets")
    ids = [p.id for p in packets]
    decisions: dict[str, dict[str, Any]] = {}
    verdict_preds: dict[str, list[str]] = {}
    heldout_verdicts = sets.get("heldout", []) if kind == "verdict" else []
    for mode, config in configs_for(shipped, folder).items():
        if not compare and mode != "model":
            continue
        records = screen_packets(config, data / "packets", ids)
        decisions[mode] = {split: decision_agreement(records, [p for p in packets if p.split == split])
                           for split in ("dev", "heldout")}
        if heldout_verdicts:
            verdict_preds[mode] = [study_verdict(records[e.group], e.start)
                                   for e in heldout_verdicts]
    if heldout_verdicts:
        gold = [e.label for e in heldout_verdicts]
        result["spans"]["heldout"] = {mode: per_class_f1(gold, pred, labels) for mode, pred in verdict_preds.items()}
    if compare:
        result["decisions"] = decisions
        result["recommended"], result["why"] = recommend(decisions)
    return result


def format_report(result: dict[str, Any]) -> list[str]:
    """The evaluation as text lines: per-class F1 side by side, then decision agreement per configuration."""
    held = result.get("heldout_packets") or {}
    lines = [f"model {result['model']} ({result['kind']}), override threshold {result['threshold']}; held-out "
             f"gold: {held.get('reviewed', 0)} reviewed packets ({held.get('unreviewed_left_out', 0)} unreviewed "
             "left out)"]
    cv = result.get("dev_cv") or {}
    blocks = [("dev CV", cv)] + [(split, modes) for split, modes in result["spans"].items()]
    for title, modes in blocks:
        if not modes:
            continue
        names = list(modes)
        labels = [k for k in next(iter(modes.values())) if k != "macro"]
        lines.append(f"[{title}] per-class F1 " + " ".join(f"{n:>12}" for n in names) + "  support")
        for label in labels:
            support = next(iter(modes.values()))[label]["support"]
            lines.append(f"  {label:<24}" + " ".join(f"{modes[n][label]['f1']:>12.3f}" for n in names)
                         + f"  {support:>7}")
        lines.append(f"  {'macro F1 (with support)':<24}" + " ".join(f"{modes[n]['macro']['f1']:>12.3f}" for n in names))
        lines.append(f"  {'accuracy':<24}" + " ".join(f"{modes[n]['macro']['accuracy']:>12.3f}" for n in names))
    for mode, splits in (result.get("decisions") or {}).items():
        for split, d in splits.items():
            lines.append(f"[decisions {split}] {mode:<12} agreement {d['decision_agreement']:.4f} of "
                         f"{d['payer_decisions']} payer decisions, false approvals {d['false_approvals']}"
                         + (f" ({', '.join(d['false_approval_cases'])})" if d["false_approval_cases"] else ""))
    if "recommended" in result:
        lines.append(f"recommended default: {result['recommended']} ({result['why']})")
    return lines
