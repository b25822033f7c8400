"""How the policy texts are read, on hand-built facts: each row names the policy sentence and the reading.

Cohere: "The patient has undergone advanced imaging of the same body part within 3 months without undergoing
treatment or developing new or worsening symptoms" is a duplicate-imaging rule (the same advanced study, a brain
MRS, within 3 calendar months); the conventional MRI the first criterion needs cannot also exclude the request.
"Relevant lab results" are missing only when laboratory results bear on the question.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.contracts import ClinicalFacts, Evidence, Fact, FactStatus, ImagingStudy, TriState
from pipeline.criteria import Evaluation, load_policy
from pipeline.criteria.evaluate import months_before

REPO = Path(__file__).resolve().parents[2]
COHERE = load_policy(REPO / "policies" / "cohere.yaml").policy
P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
MET, NOT, UNK = TriState.MET, TriState.NOT_MET, TriState.UNKNOWN
REQUEST = "2026-10-31"


def _facts(statuses: dict[str, FactStatus], studies: list[tuple[str, str]] = ()) -> ClinicalFacts:  # type: ignore[assignment]
    facts = {name: Fact(name=name, status=status,
                        evidence=[] if status is N else [Evidence(text=name, start=0, end=1, page=2,
                                                                  assertion=status.value)])
             for name, status in statuses.items()}
    imaging = [ImagingStudy(modality=m, date=d, body_part="brain") for m, d in studies]
    return ClinicalFacts(facts=facts, imaging=imaging, reference_date=REQUEST)


def _exclusion(facts: ClinicalFacts) -> TriState:
    (excl,) = [e for e in COHERE.exclusions if e.criterion.id == "coh.ni.recent_imaging_unchanged"]
    return Evaluation(facts).run(excl.criterion, role="exclusion")


UNCHANGED = {"treatment_since_imaging": N, "new_or_worsening_symptoms": A}
DUPLICATE_IMAGING = {
    # prior studies (modality, date), other facts, expected status of the exclusion
    "conventional MRI 15 days before, nothing changed": ([("MRI", "2026-10-16")], UNCHANGED, NOT),
    "CT and PET within 3 months, nothing changed": ([("CT", "2026-09-01"), ("PET", "2026-09-20")], UNCHANGED, NOT),
    "MRS 60 days before, nothing changed": ([("MRS", "2026-09-01")], UNCHANGED, MET),
    "MRS 3 calendar months before to the day (92 days)": ([("MRS", "2026-07-31")], UNCHANGED, MET),
    "MRS a day more than 3 calendar months before": ([("MRS", "2026-07-30")], UNCHANGED, NOT),
    "MRS 60 days before, treated since": ([("MRS", "2026-09-01")],
                                          {"treatment_since_imaging": P, "new_or_worsening_symptoms": A}, NOT),
    "MRS 60 days before, new symptoms since": ([("MRS", "2026-09-01")],
                                               {"treatment_since_imaging": N, "new_or_worsening_symptoms": P}, NOT),
    "MRS without a date": ([("MRS", None)], UNCHANGED, UNK),
}


@pytest.mark.parametrize(("studies", "statuses", "expected"), DUPLICATE_IMAGING.values(), ids=DUPLICATE_IMAGING.keys())
def test_cohere_duplicate_advanced_imaging(studies, statuses, expected) -> None:  # type: ignore[no-untyped-def]
    assert _exclusion(_facts(statuses, studies)) is expected


@pytest.mark.parametrize(("day", "months", "expected"), [
    ("2026-10-31", 3, "2026-07-31"), ("2026-05-31", 3, "2026-02-28"), ("2024-05-31", 3, "2024-02-29"),
    ("2026-01-15", 3, "2025-10-15"), ("2026-03-01", 1, "2026-02-01"), ("2026-12-31", 12, "2025-12-31"),
])
def test_calendar_months(day: str, months: int, expected: str) -> None:
    assert months_before(date.fromisoformat(day), months) == date.fromisoformat(expected)


def _labs(facts: ClinicalFacts) -> TriState:
    node = next(n for n in COHERE.documentation.of if n.id == "coh.doc.labs")  # type: ignore[union-attr]
    return Evaluation(facts).run(node, role="documentation")


RELEVANT_LABS = {
    # facts, expected status of "relevant lab results"
    "tumor question, no labs: none bears on it": ({"brain_neoplasm": P, "labs_documented": N}, MET),
    "epilepsy work-up, no labs": ({"epilepsy": P, "labs_documented": N}, MET),
    "tumor question, labs reported": ({"brain_neoplasm": P, "labs_documented": P}, MET),
    "suspected inborn error, no labs: missing": ({"inborn_error_of_metabolism": S, "labs_documented": N}, UNK),
    "mitochondrial disorder, no labs": ({"mitochondrial_disorder": P, "labs_documented": N}, UNK),
    "hepatic encephalopathy, no labs": ({"encephalopathy": P, "labs_documented": N}, UNK),
    "abscess versus tumor, no labs": ({"brain_infection": S, "brain_neoplasm": S, "labs_documented": N}, UNK),
    "leukodystrophy, labs reported": ({"leukodystrophy": P, "labs_documented": P}, MET),
}


@pytest.mark.parametrize(("statuses", "expected"), RELEVANT_LABS.values(), ids=RELEVANT_LABS.keys())
def test_cohere_relevant_lab_results(statuses, expected) -> None:  # type: ignore[no-untyped-def]
    assert _labs(_facts(statuses)) is expected


def test_a_grading_question_says_how_the_result_changes_management() -> None:
    node = next(n for n in COHERE.documentation.of if n.id == "coh.doc.recent_justified")  # type: ignore[union-attr]
    recent = [("MRI", "2026-09-22")]
    graded = _facts({"prior_imaging_indeterminate": P, "mrs_purpose": A, "grading_question": P}, recent)
    unstated = _facts({"prior_imaging_indeterminate": P, "mrs_purpose": N, "grading_question": N}, recent)
    assert Evaluation(graded).run(node, role="documentation") is MET
    assert Evaluation(unstated).run(node, role="documentation") is not MET


# HealthHelp item 5, "Metabolic disorders (eg, Canavan disease, creatine deficiency, ...) for diagnosing and
# monitoring": a mitochondrial disorder is a metabolic disorder (ICD-10-CM E88.4), so one under work-up is being
# diagnosed. Item 6, "Mitochondrial disorder", stays an established diagnosis.
HEALTHHELP = load_policy(REPO / "policies" / "healthhelp.yaml").policy
METABOLIC = {
    "suspected mitochondrial disorder: item 5 met, item 6 not": ({"mitochondrial_disorder": S}, MET, NOT),
    "established mitochondrial disorder: both met": ({"mitochondrial_disorder": P}, MET, MET),
    "mitochondrial disorder excluded: neither": ({"mitochondrial_disorder": A}, NOT, NOT),
    "suspected inborn error: item 5 met": ({"inborn_error_of_metabolism": S}, MET, NOT),
    "nothing metabolic documented": ({"mitochondrial_disorder": N, "inborn_error_of_metabolism": N}, NOT, NOT),
}


def _healthhelp_item(node_id: str, facts: ClinicalFacts) -> TriState:
    (node,) = [n for n in HEALTHHELP.indications.of if n.id == node_id]
    return Evaluation(facts).run(node, role="indication")


@pytest.mark.parametrize(("statuses", "item5", "item6"), METABOLIC.values(), ids=METABOLIC.keys())
def test_healthhelp_mitochondrial_disorders_are_metabolic(statuses, item5, item6) -> None:  # type: ignore[no-untyped-def]
    facts = _facts(statuses)
    assert (_healthhelp_item("hh.metabolic", facts), _healthhelp_item("hh.mitochondrial", facts)) == (item5, item6)


# The brain is the target (annotations/ADJUDICATIONS.md, heldout-151/181): Highmark X-50, HealthHelp and Florida
# Blue cover conditions of the brain; an MRS of the spine, the spinal cord or a disc meets none of them, whatever
# brain facts its packet holds. Excellus says so itself ("II. MRS is considered not medically necessary for all
# spine uses"); Cohere's request-consistency clause catches the mismatched body part.
NOT_BRAIN = {
    # payer, spine_indication, brain_neoplasm, expected (decision, outcome)
    "highmark: cord MRS with a suspected cord tumour": ("highmark-wv", P, S, ("pend", "not_medically_necessary")),
    "healthhelp: cord MRS": ("healthhelp", P, P, ("pend", "criteria_not_met")),
    "florida-blue: cord MRS": ("florida-blue", P, S, ("pend", "criteria_not_met")),
    "near miss - highmark: brain MRS, no spine target": ("highmark-wv", N, S, ("approve", "meets_criteria")),
    "near miss - florida-blue: a spine target only suspected": ("florida-blue", S, S, ("approve", "meets_criteria")),
}


@pytest.mark.parametrize(("payer", "spine", "neoplasm", "expected"), NOT_BRAIN.values(), ids=NOT_BRAIN.keys())
def test_an_mrs_not_of_the_brain_meets_no_brain_indication(payer, spine, neoplasm, expected) -> None:  # type: ignore[no-untyped-def]
    from pipeline.criteria.decide import determine
    loaded = load_policy(REPO / "policies" / f"{payer}.yaml")
    statuses = {"spine_indication": spine, "non_brain_target": spine, "brain_neoplasm": neoplasm, "brain_lesion": P,
                "tumor_vs_nontumor_differential": P, "conventional_imaging_inconclusive": P,
                "mrs_requested": P, "history_documented": P, "physical_exam_documented": P,
                "prior_imaging_documented": P, "mri_contraindication": A}
    facts = _facts(statuses)
    facts = facts.model_copy(update={"documented": facts.facts})
    d = determine(loaded, facts, document_sha256="0" * 64, pipeline_version="test")
    assert (d.decision.value, d.outcome.value) == expected


# The brain is the target, at the skull base (annotations/ADJUDICATIONS.md, heldout-317): a lesion of skull-base bone,
# the sinonasal cavity or the orbit kept outside the brain is no brain lesion or neoplasm (the fact mapper leaves
# brain_lesion and brain_neoplasm undocumented, facts/site.py), and an MRS aimed at it meets no brain indication.
# Highmark, HealthHelp and Florida Blue pend it through the same not_brain exclusion (non_brain_target, the site
# named); Excellus has no exclusion for it ("III. MRS is considered investigational for all other indications")
# and its spine exclusion stays the spine's ("II. ... for all spine uses"); Cohere meets nothing ("When a specific
# clinical indication is not explicitly addressed ...").
SKULL_BASE = {
    # payer, non_brain_target, brain facts (lesion and neoplasm), expected (decision, outcome, exclusion met)
    "highmark: MRS of an extradural petrous apex lesion": ("highmark-wv", P, N,
                                                           ("pend", "not_medically_necessary", "hwv.not_brain")),
    "healthhelp: MRS of a sphenoid sinus mass": ("healthhelp", P, N, ("pend", "criteria_not_met", "hh.not_brain")),
    "florida-blue: MRS of an intraconal orbital mass": ("florida-blue", P, N,
                                                        ("pend", "criteria_not_met", "fb.not_brain")),
    "healthhelp: the exclusion holds whatever brain facts remain": ("healthhelp", P, P,
                                                                    ("pend", "criteria_not_met", "hh.not_brain")),
    "excellus: no spine use, no brain indication": ("excellus", P, N, ("pend", "investigational", None)),
    "cohere: no brain indication": ("cohere", P, N, ("pend", "criteria_not_met", None)),
    "near miss - highmark: skull-base tumor reaching the brain": ("highmark-wv", N, S,
                                                                  ("approve", "meets_criteria", None)),
    "near miss - florida-blue: brain lesion beside the orbital one": ("florida-blue", N, P,
                                                                     ("approve", "meets_criteria", None)),
}


@pytest.mark.parametrize(("payer", "target", "brain", "expected"), SKULL_BASE.values(), ids=SKULL_BASE.keys())
def test_an_mrs_of_a_lesion_outside_the_brain_meets_no_brain_indication(payer, target, brain, expected) -> None:  # type: ignore[no-untyped-def]
    from pipeline.criteria.decide import determine
    loaded = load_policy(REPO / "policies" / f"{payer}.yaml")
    statuses = {"spine_indication": N, "non_brain_target": target, "brain_neoplasm": brain, "brain_lesion": brain,
                "tumor_vs_nontumor_differential": P if brain is not N else N, "conventional_imaging_inconclusive": P,
                "mrs_requested": P, "history_documented": P, "physical_exam_documented": P,
                "prior_imaging_documented": P, "treatment_history_documented": P, "mri_contraindication": A}
    facts = _facts(statuses)
    facts = facts.model_copy(update={"documented": facts.facts})
    d = determine(loaded, facts, document_sha256="0" * 64, pipeline_version="test")
    met = [r.id for r in d.criteria if r.id.endswith(".not_brain") and r.status is TriState.MET]
    assert (d.decision.value, d.outcome.value, met[0] if met else None) == expected
