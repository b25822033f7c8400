"""The annotated corpus, screened as text and as rendered PDFs.

The dev split must agree fully (decision, outcome, key facts, exercised criteria). The held-out split is never
used to tune rules: its agreement is measured and must not fall below the recorded baseline
(annotations/heldout_baseline.yaml), so a regression shows while improvements stay honest.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.contracts import ScreeningResult, TriState
from pipeline.corpus.annotations import AnnotatedPacket, CorpusReport, compare, load_corpus
from pipeline.corpus.evaluation import render_pdf
from pipeline.criteria import iter_nodes, load_policies, policy_roots

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "annotations" / "packets"
PACKETS = load_corpus(CORPUS)
DEV = [p for p in PACKETS if p.split == "dev"]
HELDOUT = [p for p in PACKETS if p.split == "heldout"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def text_records(screener) -> dict[str, ScreeningResult]:  # type: ignore[no-untyped-def]
    records = list(screener.screen(p.text_path for p in PACKETS))
    assert all(isinstance(r, ScreeningResult) for r in records)
    return {p.id: r for p, r in zip(PACKETS, records, strict=True)}  # type: ignore[misc]


@pytest.fixture(scope="module")
def pdf_records(screener, tmp_path_factory) -> dict[str, ScreeningResult]:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("pdf")
    records = list(screener.screen(render_pdf(p.text_path, out) for p in PACKETS))
    assert all(isinstance(r, ScreeningResult) for r in records)
    return {p.id: r for p, r in zip(PACKETS, records, strict=True)}  # type: ignore[misc]


def test_corpus_size():  # type: ignore[no-untyped-def]
    assert len(DEV) >= 40
    assert len(HELDOUT) >= 10
    for p in PACKETS:
        assert set(p.expected) == {"highmark-wv", "excellus", "healthhelp", "florida-blue", "cohere"}, p.id


KNOWN = yaml.safe_load((REPO / "annotations" / "known_disagreements.yaml").read_text(encoding="utf-8")) or []
KNOWN_PDF = yaml.safe_load((REPO / "annotations" / "known_pdf_divergences.yaml").read_text(encoding="utf-8")) or []


def _unexplained(record: ScreeningResult, packet: AnnotatedPacket) -> list[str]:
    """Every disagreement with the annotation, except the listed known ones (which must still occur exactly)."""
    agreement = compare(record, packet)
    known = {f"{k['packet']}: fact {k['fact']}: {k['got']}, expected {k['expected']}"
             for k in KNOWN if k["packet"] == packet.id}
    lines = set(agreement.describe())
    assert known <= lines, f"known disagreement no longer occurs (update known_disagreements.yaml): {known - lines}"
    return sorted(lines - known)


@pytest.mark.parametrize("packet", DEV, ids=[p.id for p in DEV])
def test_dev_packet_as_text(packet: AnnotatedPacket, text_records):  # type: ignore[no-untyped-def]
    assert _unexplained(text_records[packet.id], packet) == []


@pytest.mark.parametrize("packet", DEV, ids=[p.id for p in DEV])
def test_dev_packet_as_pdf(packet: AnnotatedPacket, pdf_records):  # type: ignore[no-untyped-def]
    assert _unexplained(pdf_records[packet.id], packet) == []


@pytest.mark.parametrize("packet", PACKETS, ids=[p.id for p in PACKETS])
def test_pdf_evidence_has_page_and_box(packet: AnnotatedPacket, pdf_records, text_records):  # type: ignore[no-untyped-def]
    record = pdf_records[packet.id]
    for d in record.determinations:
        for c in d.criteria:
            if c.status is TriState.MET:
                for e in c.evidence:
                    assert e.page is not None and e.boxes, f"{d.payer} {c.id}: {e.text!r} has no page box"
                    assert all(b.page == e.page or b.page == e.page + 1 for b in e.boxes)
    text_decisions = {d.payer: f"{d.decision.value}/{d.outcome.value}" for d in text_records[packet.id].determinations}
    pdf_decisions = {d.payer: f"{d.decision.value}/{d.outcome.value}" for d in record.determinations}
    known = {k["payer"]: (k["text"], k["pdf"]) for k in KNOWN_PDF if k["packet"] == packet.id}
    diverging = {p: (text_decisions[p], pdf_decisions.get(p)) for p in text_decisions
                 if text_decisions[p] != pdf_decisions.get(p)}
    assert diverging == known, "PDF and text decide differently (annotations/known_pdf_divergences.yaml)"


def _quoted_criteria() -> dict[str, str]:
    out = {}
    for payer, lp in load_policies(REPO / "policies").items():
        for _, root in policy_roots(lp.policy):
            for node in iter_nodes(root):
                if node.quote and node.op != "reviewer":  # a reviewer question is always unknown
                    out[node.id] = payer if _can_be_met(node) else payer + ", never met by design"
    return out


def _can_be_met(node) -> bool:  # type: ignore[no-untyped-def]
    """False for nodes that can never be met by design (a reviewer question under an `all`)."""
    if node.op == "reviewer":
        return False
    if node.op == "all":
        return all(_can_be_met(c) for c in node.of)
    if node.op == "any":
        return any(_can_be_met(c) for c in node.of)
    return True


def test_every_criterion_is_met_and_narrowly_missed():  # type: ignore[no-untyped-def]
    """Each criterion quoting a policy is exercised as met by one dev packet and as a near miss by another
    (criteria that can never be met, such as Cohere's repeat-imaging branch with its reviewer question, need
    only the near miss)."""
    met: dict[str, int] = {}
    missed: dict[str, int] = {}
    for p in DEV:
        for criterion, status in p.exercises:
            (met if status == "met" else missed)[criterion] = (met if status == "met" else missed).get(criterion, 0) + 1
    gaps = [f"{cid} ({payer}): met {met.get(cid, 0)}, missed {missed.get(cid, 0)}"
            for cid, payer in sorted(_quoted_criteria().items())
            if not missed.get(cid) or (not met.get(cid) and "never met" not in payer)]
    assert not gaps, "criteria not covered both ways:\n" + "\n".join(gaps)


def _generation(packet_id: str) -> int:
    return int(packet_id.rsplit("-", 1)[1])


BASELINE = yaml.safe_load((REPO / "annotations" / "heldout_baseline.yaml").read_text(encoding="utf-8"))


def test_every_heldout_packet_belongs_to_one_generation() -> None:
    for p in HELDOUT:
        owners = [g for g in BASELINE["generations"] if g["ids"][0] <= _generation(p.id) <= g["ids"][1]]
        assert len(owners) == 1, p.id


@pytest.mark.parametrize("generation", BASELINE["generations"], ids=lambda g: f"heldout-{g['ids'][0]:03d}..{g['ids'][1]:03d}")
def test_heldout_does_not_regress(text_records, generation) -> None:  # type: ignore[no-untyped-def]
    first, last = generation["ids"]
    packets = [p for p in HELDOUT if first <= _generation(p.id) <= last]
    assert packets
    report = CorpusReport([compare(text_records[p.id], p) for p in packets])
    summary = report.summary()
    print("held-out:", summary)  # aggregate figures only: the held-out packets are never looked at to tune
    assert summary["decision_agreement"] >= generation["decision_agreement"]
    assert summary["outcome_agreement"] >= generation["outcome_agreement"]


@pytest.mark.parametrize(("relabel", "strict", "silence_as_absent"), [
    ({}, 1.0, 1.0),  # the dev labels as they are
    ({"not_documented": "absent"}, 0.0, 1.0),  # silence labelled "absent": a silence mismatch only
    ({"absent": "not_documented"}, 0.0, 1.0),  # and the other way round
    ({"not_documented": "present"}, 0.0, 0.0),  # a real disagreement stays one in both figures
    ({"not_documented": "suspected", "absent": "not_documented"}, 0.0, None),
])
def test_silence_mismatches_are_counted_apart(text_records, relabel, strict, silence_as_absent) -> None:  # type: ignore[no-untyped-def]
    """`key_fact_agreement_silence_as_absent` forgives only not_documented against absent, in either direction."""
    packets = [p for p in DEV if not relabel or any(s in relabel for s in p.key_facts.values())]
    assert packets, "the dev corpus has key facts of these statuses"
    relabelled = [AnnotatedPacket(p.id, p.split, p.title, p.text_path, p.expected,
                                  {f: relabel.get(s, s) for f, s in p.key_facts.items() if s in relabel or not relabel},
                                  p.exercises) for p in packets]
    summary = CorpusReport([compare(text_records[p.id], p) for p in relabelled]).summary()
    assert summary["key_fact_agreement"] == strict
    if silence_as_absent is not None:
        assert summary["key_fact_agreement_silence_as_absent"] == silence_as_absent
    else:  # the absent -> not_documented half is forgiven, the suspected half is not
        assert 0.0 < summary["key_fact_agreement_silence_as_absent"] < 1.0
