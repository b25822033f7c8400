"""Three-valued evaluation and the decision order, on hand-built facts (no NLP involved)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.contracts import ClinicalFacts, Evidence, Fact, FactStatus, ImagingStudy, TriState
from pipeline.criteria import Evaluation, determine, load_policy
from pipeline.criteria.evaluate import _code_in
from pipeline.criteria.schema import Policy

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
MET, NOT, UNK = TriState.MET, TriState.NOT_MET, TriState.UNKNOWN


def facts(statuses: dict[str, FactStatus], *, imaging: list[ImagingStudy] | None = None,
          reference: str | None = "2026-11-10", **values) -> ClinicalFacts:  # type: ignore[no-untyped-def]
    out = {}
    for name, status in statuses.items():
        ev = [] if status is N else [Evidence(text=name, start=0, end=1, page=1, assertion=status.value)]
        out[name] = Fact(name=name, status=status, evidence=ev, value=values.get(name))
    return ClinicalFacts(facts=out, imaging=imaging or [], reference_date=reference)


def node(spec: dict):  # type: ignore[no-untyped-def]
    doc = {"schema_version": 1, "payer": "test", "otherwise": {"outcome": "criteria_not_met", "quote": "q"},
           "policy": {"id": "t", "title": "t", "version": "1", "source_file": "x", "cpt_codes": ["76390"]},
           "indications": spec}
    return Policy.model_validate(doc).indications


def leaf(fact: str, status: list[str], **kw):  # type: ignore[no-untyped-def]
    return {"id": f"n.{fact}", "op": "fact", "fact": fact, "status": status, **kw}


@pytest.mark.parametrize(("op", "children", "expected"), [
    ("all", [MET, MET], MET), ("all", [MET, UNK], UNK), ("all", [UNK, NOT], NOT), ("all", [NOT, MET], NOT),
    ("any", [NOT, NOT], NOT), ("any", [NOT, UNK], UNK), ("any", [UNK, MET], MET), ("any", [MET, NOT], MET),
])
def test_three_valued_combination(op, children, expected):  # type: ignore[no-untyped-def]
    status_of = {MET: "present", UNK: "not_documented", NOT: "absent"}
    names = [f"f{i}" for i in range(len(children))]
    spec = {"id": "root", "op": op, "of": [leaf(n, ["present"], if_not_documented="unknown") for n in names]}
    f = facts({n: FactStatus(status_of[c]) for n, c in zip(names, children, strict=True)})
    assert Evaluation(f).run(node(spec), role="indication") is expected


@pytest.mark.parametrize(("status", "node_kw", "expected"), [
    (P, {}, MET), (S, {}, NOT), (A, {}, NOT), (N, {}, NOT),
    (N, {"if_not_documented": "unknown"}, UNK),
    (S, {"unknown_if": ["suspected"]}, UNK),
    (A, {"if_not_documented": "unknown"}, NOT),   # explicitly absent is not "missing"
])
def test_fact_node(status, node_kw, expected):  # type: ignore[no-untyped-def]
    spec = leaf("brain_neoplasm", ["present"], **node_kw)
    assert Evaluation(facts({"brain_neoplasm": status})).run(node(spec), role="indication") is expected


def test_not_node_keeps_unknown():  # type: ignore[no-untyped-def]
    spec = {"id": "x", "op": "not", "of": leaf("seizures", ["present"], if_not_documented="unknown")}
    assert Evaluation(facts({"seizures": N})).run(node(spec), role="indication") is UNK
    assert Evaluation(facts({"seizures": A})).run(node(spec), role="indication") is MET


def test_where_filters_evidence_by_attribute():  # type: ignore[no-untyped-def]
    f = ClinicalFacts(facts={"mri_contraindication": Fact(
        name="mri_contraindication", status=P,
        evidence=[Evidence(text="pacemaker", start=0, end=9, assertion="absent", attributes={"device": "pacemaker"}),
                  Evidence(text="stent", start=20, end=25, assertion="present",
                           attributes={"device": "intravascular_stent"})])})
    implanted = leaf("mri_contraindication", ["present"], where={"device": ["pacemaker"]})
    stent = leaf("mri_contraindication", ["present"], where={"device": ["intravascular_stent"]})
    assert Evaluation(f).run(node(implanted), role="c") is NOT
    assert Evaluation(f).run(node(stent), role="c") is MET


@pytest.mark.parametrize(("code", "spec", "inside"), [
    ("0609T", "0609T-0612T", True), ("0612T", "0609T-0612T", True), ("0613T", "0609T-0612T", False),
    ("76390", "0609T-0612T", False), ("76390", "76390", True), ("78813", "78811-78816", True),
])
def test_code_ranges(code, spec, inside):  # type: ignore[no-untyped-def]
    assert _code_in(code, spec) is inside


@pytest.mark.parametrize(("study_date", "reference", "expected"), [
    ("2026-10-01", "2026-11-10", MET),       # 40 days
    ("2026-08-12", "2026-11-10", MET),       # 90 days exactly
    ("2026-08-11", "2026-11-10", NOT),       # 91 days
    (None, "2026-11-10", UNK),               # undated study
    ("2026-10-01", None, UNK),               # no request date
])
def test_recent_imaging_window(study_date, reference, expected):  # type: ignore[no-untyped-def]
    spec = {"id": "r", "op": "recent_imaging", "modalities": ["MRI"], "within_days": 90}
    f = facts({}, imaging=[ImagingStudy(modality="MRI", date=study_date)], reference=reference)
    assert Evaluation(f).run(node(spec), role="exclusion") is expected


@pytest.mark.parametrize(("body_part", "expected"), [("brain", MET), (None, MET), ("spine", NOT)])
def test_recent_imaging_same_body_part(body_part, expected):  # type: ignore[no-untyped-def]
    spec = {"id": "r", "op": "recent_imaging", "modalities": ["MRI"], "within_days": 90}
    f = facts({}, imaging=[ImagingStudy(modality="MRI", date="2026-10-01", body_part=body_part)])
    assert Evaluation(f).run(node(spec), role="exclusion") is expected


POLICY = {
    "schema_version": 1, "payer": "demo",
    "policy": {"id": "demo-1", "title": "Demo", "version": "1", "source_file": "demo.txt", "cpt_codes": ["76390"]},
    "otherwise": {"outcome": "investigational", "quote": "All other indications are investigational."},
    "contraindications": leaf("mri_contraindication", ["present"]) | {"id": "c.device"},
    "exclusions": [{"outcome": "not_medically_necessary",
                    "criterion": leaf("spine_indication", ["present"]) | {"id": "x.spine"}}],
    "documentation": leaf("physical_exam_documented", ["present"], if_not_documented="unknown") | {"id": "d.exam"},
    "indications": {"id": "i", "op": "all", "of": [
        leaf("brain_neoplasm", ["present", "suspected"]) | {"quote": "Evidence or suspicion of neoplasm"},
        leaf("conventional_imaging_inconclusive", ["present"], if_not_documented="unknown",
             missing="The MRI report."),
    ]},
}


@pytest.fixture()
def demo_policy(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "demo.yaml"
    path.write_text(yaml.safe_dump(POLICY), encoding="utf-8")
    return load_policy(path)


BASE = {"mri_contraindication": N, "spine_indication": N, "physical_exam_documented": P, "brain_neoplasm": S,
        "conventional_imaging_inconclusive": P}


@pytest.mark.parametrize(("changes", "decision", "outcome"), [
    ({}, "approve", "meets_criteria"),
    ({"mri_contraindication": P}, "pend", "contraindicated"),
    ({"mri_contraindication": P, "spine_indication": P}, "pend", "contraindicated"),
    ({"spine_indication": P}, "pend", "not_medically_necessary"),
    ({"physical_exam_documented": N}, "pend", "insufficient_documentation"),
    ({"conventional_imaging_inconclusive": N}, "pend", "insufficient_documentation"),
    ({"conventional_imaging_inconclusive": A}, "pend", "investigational"),
    ({"brain_neoplasm": N}, "pend", "investigational"),
    ({"brain_neoplasm": A, "physical_exam_documented": N}, "pend", "investigational"),
])
def test_decision_order(demo_policy, changes, decision, outcome):  # type: ignore[no-untyped-def]
    d = determine(demo_policy, facts(BASE | changes), document_sha256="0" * 64, pipeline_version="t")
    assert (d.decision.value, d.outcome.value) == (decision, outcome)
    assert d.reasons
    if decision == "pend" and outcome == "insufficient_documentation":
        assert d.missing_documentation
    ids = [c.id for c in d.criteria]
    assert len(ids) == len(set(ids)) and {"c.device", "x.spine", "d.exam", "i"} <= set(ids)


def test_missing_documentation_names_the_gap(demo_policy):  # type: ignore[no-untyped-def]
    d = determine(demo_policy, facts(BASE | {"conventional_imaging_inconclusive": N}),
                  document_sha256="0" * 64, pipeline_version="t")
    assert d.missing_documentation == ["The MRI report."]


def test_met_criteria_cite_evidence(demo_policy):  # type: ignore[no-untyped-def]
    d = determine(demo_policy, facts(BASE), document_sha256="a" * 64, pipeline_version="t")
    met = [c for c in d.criteria if c.status is MET and c.op == "fact"]
    assert met and all(c.evidence for c in met)
    assert d.policy.sha256 and d.document_sha256 == "a" * 64


@pytest.mark.parametrize(("low_pages", "decision"), [([], "approve"), ([2], "approve"), ([1], "pend"), ([1, 2], "pend")])
def test_low_confidence_ocr_never_approves_on_its_own(demo_policy, low_pages, decision):  # type: ignore[no-untyped-def]
    """Evidence for the indications sits on page 1 (see `facts`): if page 1 is low-confidence OCR, pend."""
    f = facts(BASE)
    f.low_confidence_pages = low_pages
    d = determine(demo_policy, f, document_sha256="0" * 64, pipeline_version="t")
    assert d.decision.value == decision
    if decision == "pend":
        assert d.outcome.value == "insufficient_documentation"
        assert any("OCR" in r and "confidence" in r for r in d.reasons)
        assert d.missing_documentation
