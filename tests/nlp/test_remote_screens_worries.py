"""A remote tumor told in other words, a normal screen whose verdict comes before its list, and a lay worry.

- A tumor dated far before the packet (a year at least ten years before its date, an age at the time far below the
  patient's age now, a childhood age), or whose care has ended ("discharged from follow-up", "no imaging needed",
  "scans stopped"), is over; so is the same history told again (a problem-list "hx brain tumor", a ticked form
  option "Tumor evaluation/surveillance") when no other tumor of the packet is current. Treatment or surveillance
  now, or a new lesion in question, keeps it current.
- A normal screen followed by its list negates every disorder listed, also when the verdict comes first.
- A worry, fear or wish for reassurance voiced by the patient or the family says nothing about the patient; a
  clinician's worry is suspicion.

Mention rows: an id, a text, a concept, the exact text of its mention, and the ConText assertions it must carry (an
empty set means affirmed; `None` means the text must not be matched as that concept; NOT_NEGATED means any reading
but a negation). Fact rows: the statuses some facts must have. Rows marked "near miss" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus, Mention

ASSERTIONS = {"negated", "uncertain", "historical", "hypothetical", "family"}
NOT_NEGATED = "not negated"

Case = tuple[str, str, str, str, "set[str] | str | None"]
S, P, A, N = FactStatus.SUSPECTED, FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
KNOWN = ("brain_neoplasm", "known_brain_tumor")


def _check(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
           expected: set[str] | str | None) -> None:
    found = [m for m in mentions(text) if m.concept == concept and m.text == span]
    if expected is None:
        assert not found, f"{span!r} must not be a {concept}: {found}"
        return
    assert found, f"no {concept} {span!r} in {[(m.concept, m.text) for m in mentions(text)]}"
    held = set(found[0].modifiers) & ASSERTIONS
    if expected == NOT_NEGATED:
        assert "negated" not in held, found[0].modifier_rules
    else:
        assert held == expected, found[0].modifier_rules


# ------------------------------------------------------------------ 1. a remote, cured tumor is not current
REMOTE_FACTS = [
    ("childhood age, year and discharge", "Request date: 11/20/2026\nPMH: cerebellar astrocytoma removed at age 8 "
     "(2003), no further treatment, discharged from follow-up.\n", {"brain_neoplasm": A, "known_brain_tumor": A}),
    ("a year far before the request, scans stopped", "Date of request: 12/01/2026\nHx: meningioma excised in 2009; "
     "annual scans stopped in 2015.\n", {"brain_neoplasm": A, "known_brain_tumor": A}),
    ("a year far before the request alone", "Request date: 10/05/2026\nPMH: craniopharyngioma resected 2011.\n",
     {"brain_neoplasm": A, "known_brain_tumor": A}),
    ("released from follow-up", "PMH: ependymoma resected at age 11, released from neuro-oncology follow-up.\n",
     {"brain_neoplasm": A, "known_brain_tumor": A}),
    ("an age at the time, patient age now", "41 y/o woman. Pilocytic astrocytoma removed when she was 6; no further "
     "imaging needed.\n", {"brain_neoplasm": A, "known_brain_tumor": A}),
    ("age from the date of birth", "DOB: 04/12/1985   Request date: 11/20/2026\nPMH: oligodendroglioma resected at "
     "age 22, no longer followed by oncology.\n", {"brain_neoplasm": A, "known_brain_tumor": A}),
    ("problem list next to a remote history", "Problem list:\n1. Hx brain tumor\n2. Asthma\n\nHPI: 29-year-old with "
     "a posterior fossa astrocytoma resected at age 4, cured.\n", {"brain_neoplasm": A, "known_brain_tumor": A}),
    ("personal-history code and a past-history line", "Dx: Z85.841 Personal history of malignant neoplasm of "
     "brain\nPAST MEDICAL HISTORY:\nhx brain tumor\nhypertension\n", {"brain_neoplasm": A, "known_brain_tumor": A}),
    ("benign personal-history code, migraine now", "Request date: 11/20/2026\nICD-10: Z86.011 Personal history of "
     "benign neoplasm of the brain; G43.709 Chronic migraine\n", {"brain_neoplasm": A, "known_brain_tumor": A}),
    ("a ticked form topic next to a remote history", "Request date: 11/20/2026\nIndication: [X] Tumor "
     "evaluation/surveillance   [ ] Seizure\nHistory: medulloblastoma treated at age 5 (2001), cured, discharged "
     "from clinic.\n", {"brain_neoplasm": A, "known_brain_tumor": A}),
    ("near miss: treated now", "Request date: 11/20/2026\nGBM resected 2024, on TMZ.\n",
     {"brain_neoplasm": P, "known_brain_tumor": P}),
    ("near miss: regrowth on surveillance", "Request date: 11/20/2026\nMeningioma resected 2019, surveillance MRI "
     "shows regrowth.\n", {"brain_neoplasm": P, "known_brain_tumor": P}),
    ("near miss: history with a new enhancement", "Request date: 11/20/2026\nHistory of oligodendroglioma, now new "
     "enhancement.\n", {"brain_neoplasm": P, "known_brain_tumor": P}),
    ("near miss: old tumor, new lesion in its sentence", "Request date: 11/20/2026\nOligodendroglioma resected 2008, "
     "now a new enhancing focus.\n", {"brain_neoplasm": P, "known_brain_tumor": P}),
    ("near miss: old tumor, new lesion at its site", "Request date: 11/20/2026\nMeningioma resected in 2010.\nMRI: "
     "new enhancing nodule in the resection cavity.\n", {"brain_neoplasm": P, "known_brain_tumor": P}),
    ("near miss: a child still followed", "Astrocytoma resected at age 4 (2022), on surveillance MRI every 6 "
     "months.\n", {"brain_neoplasm": P, "known_brain_tumor": P}),
    ("near miss: a childhood age that is recent", "8-year-old boy. Medulloblastoma resected at age 5, completed "
     "craniospinal radiation.\n", {"brain_neoplasm": P, "known_brain_tumor": P}),
    ("near miss: the form topic with a current tumor", "Request date: 11/20/2026\nIndication: [X] Tumor "
     "evaluation/surveillance\nHPI: right frontal glioblastoma resected 06/2026.\n",
     {"brain_neoplasm": P, "known_brain_tumor": P}),
    ("near miss: hx told again beside a current tumor", "Request date: 11/20/2026\nProblem list: hx brain tumor\n"
     "HPI: meningioma resected 2003; glioblastoma diagnosed 09/2026, on temozolomide.\n",
     {"brain_neoplasm": P, "known_brain_tumor": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), REMOTE_FACTS, ids=[c[0] for c in REMOTE_FACTS])
def test_a_remote_cured_tumor_is_not_current(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    facts = facts_of(analyze, text)
    check_facts(facts, expected)


REMOTE_MENTIONS: list[Case] = [
    ("problem-list entry", "Problem list:\n- h/o brain tumour\n- GERD\n\nPMH: meningioma excised at age 12, cured.\n",
     "BRAIN_TUMOR", "brain tumour", {"historical", "negated"}),
    ("form topic", "Reason: [x] Tumor evaluation\nPMH: pineoblastoma treated at age 3, no follow-up required.\n",
     "BRAIN_TUMOR", "Tumor", {"negated"}),
    ("near miss: the same topic in a note", "Indication: tumor surveillance.\nPMH: meningioma excised at age 12, "
     "cured.\n", "BRAIN_TUMOR", "tumor", NOT_NEGATED),
    ("near miss: a different tumor told again", "Problem list: h/o glioblastoma\nPMH: meningioma excised at age 12, "
     "cured.\n", "GLIOMA", "glioblastoma", {"historical"}),
]


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), REMOTE_MENTIONS,
                         ids=[c[0] for c in REMOTE_MENTIONS])
def test_the_remote_history_told_again(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    _check(mentions, text, concept, span, expected)


def test_the_history_told_again_names_the_scope(mentions):  # type: ignore[no-untyped-def]
    text = "Problem list:\n- h/o brain tumour\n\nPMH: meningioma excised at age 12, cured.\n"
    m = next(m for m in mentions(text) if m.text == "brain tumour")
    assert "scope.resolved_course" in m.modifier_rules


# ------------------------------------------------------------------ 2. a normal screen, its verdict before its list
SCREENS: list[Case] = [
    ("verdict in capitals after a bracket", "Newborn screen (drawn day 2): NORMAL (amino acids, acylcarnitines, "
     "galactosemia, biotinidase deficiency)", "INBORN_ERROR", "galactosemia", {"negated"}),
    ("the last item", "Newborn screen (drawn day 2): NORMAL (amino acids, acylcarnitines, galactosemia, biotinidase "
     "deficiency)", "INBORN_ERROR", "biotinidase deficiency", {"negated"}),
    ("verdict then a colon", "Expanded metabolic screen negative: phenylketonuria, MSUD, homocystinuria.",
     "INBORN_ERROR", "homocystinuria", {"negated"}),
    ("dash and abbreviation", "State NBS - normal (PKU, galactosemia, MCAD deficiency).", "INBORN_ERROR",
     "MCAD deficiency", {"negated"}),
    ("came back normal", "Newborn screening came back normal: galactosemia, PKU, biotinidase deficiency.",
     "INBORN_ERROR", "PKU", {"negated"}),
    ("organic acidemia abbreviations", "Plasma acylcarnitine profile normal (no MMA, PA or IVA).", "INBORN_ERROR",
     "PA", {"negated"}),
    ("organic acids", "Urine organic acids: normal (no MMA, no PA)", "INBORN_ERROR", "MMA", {"negated"}),
    ("a lysosomal panel", "Lysosomal enzyme panel negative: Krabbe disease, metachromatic leukodystrophy.",
     "LEUKODYSTROPHY", "metachromatic leukodystrophy", {"negated"}),
    ("near miss: abnormal", "Newborn screen flagged abnormal: galactosemia.", "INBORN_ERROR", "galactosemia",
     NOT_NEGATED),
    ("near miss: abnormal for", "Newborn screen abnormal for galactosemia.", "INBORN_ERROR", "galactosemia",
     NOT_NEGATED),
    ("near miss: normal except", "Newborn screen normal except elevated C5; isovaleric acidemia suspected.",
     "INBORN_ERROR", "isovaleric acidemia", {"uncertain"}),
    ("near miss: pending", "Newborn screen pending (galactosemia, PKU).", "INBORN_ERROR", "PKU", NOT_NEGATED),
    ("near miss: the B12 lab", "B12 low-normal with elevated serum MMA.", "INBORN_ERROR", "MMA", None),
    ("near miss: prior authorization", "PA form attached; organic acids pending.", "INBORN_ERROR", "PA", None),
]


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), SCREENS, ids=[c[0] for c in SCREENS])
def test_a_normal_screen_negates_what_it_lists(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    _check(mentions, text, concept, span, expected)


SCREEN_FACTS = [
    ("newborn screen first", "Newborn screen (collected day 3): normal (galactosemia, PKU, MSUD).",
     {"inborn_error_of_metabolism": A}),
    ("organic acids", "Urine organic acids normal (no MMA, no PA).", {"inborn_error_of_metabolism": A}),
    ("near miss: a positive screen", "Newborn screen abnormal for galactosemia.", {"inborn_error_of_metabolism": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), SCREEN_FACTS, ids=[c[0] for c in SCREEN_FACTS])
def test_screen_facts(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    facts = facts_of(analyze, text)
    check_facts(facts, expected)


# ------------------------------------------------------------------ 3. a lay worry is not a diagnosis
WORRIES: list[Case] = [
    ("family worried", "The family is very worried about a brain tumor.", "BRAIN_TUMOR", "brain tumor",
     {"hypothetical"}),
    ("afraid", "He is scared that this is a brain tumour.", "BRAIN_TUMOR", "brain tumour", {"hypothetical"}),
    ("be sure", "Her parents want to make sure it is not a tumor.", "BRAIN_TUMOR", "tumor",
     {"hypothetical", "negated"}),
    ("to reassure", "MRS requested mainly to reassure the family that this is not a glioma.", "GLIOMA", "glioma",
     {"hypothetical", "negated"}),
    ("convinced", "Patient is convinced she has brain cancer.", "BRAIN_TUMOR", "brain cancer", {"hypothetical"}),
    ("spouse concerned", "Wife concerned that he has MS.", "MULTIPLE_SCLEROSIS", "MS", {"hypothetical"}),
    ("seeking reassurance", "Parents seeking reassurance that there is no brain tumor.", "BRAIN_TUMOR",
     "brain tumor", {"hypothetical", "negated"}),
    ("anxious, may have", "Mother is anxious that he may have a brain tumor.", "BRAIN_TUMOR", "brain tumor",
     {"hypothetical", "uncertain"}),
    ("near miss: a clinician's worry", "Neuroradiology is worried about a low-grade glioma.", "GLIOMA",
     "low-grade glioma", {"uncertain"}),
    ("near miss: worrisome", "Findings worrisome for neoplasm.", "BRAIN_TUMOR", "neoplasm", {"uncertain"}),
    ("near miss: a doctor concerned", "Dr. Patel is concerned about lymphoma.", "CNS_LYMPHOMA", "lymphoma",
     {"uncertain"}),
    ("near miss: we are concerned", "We are concerned for lymphoma given the periventricular pattern.",
     "CNS_LYMPHOMA", "lymphoma", {"uncertain"}),
    ("near miss: a reported symptom", "Mother is worried about new staring spells.", "NEW_SYMPTOM", "new staring spells",
     NOT_NEGATED),
    ("near miss: the next clause", "Family worried about a tumor; MRI shows a glioblastoma.", "GLIOMA",
     "glioblastoma", set()),
]


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), WORRIES, ids=[c[0] for c in WORRIES])
def test_a_lay_worry_is_not_a_diagnosis(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    _check(mentions, text, concept, span, expected)


WORRY_FACTS = [
    ("family worry only", "Mother worried her son has a brain tumor. Neurologic exam normal.",
     {"brain_neoplasm": N, "known_brain_tumor": N}),
    ("patient's fear only", "She is afraid she has a brain tumour; headaches for 2 months.",
     {"brain_neoplasm": N, "known_brain_tumor": N}),
    ("near miss: a clinician's worry", "The radiologist is worried about a tumor.",
     {"brain_neoplasm": S, "known_brain_tumor": S}),
    ("near miss: a worry and a diagnosis", "Patient afraid of a glioma.\nBiopsy 10/2026: glioblastoma, IDH-wildtype.",
     {"brain_neoplasm": P, "known_brain_tumor": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), WORRY_FACTS, ids=[c[0] for c in WORRY_FACTS])
def test_worry_facts(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    facts = facts_of(analyze, text)
    check_facts(facts, expected)
