"""A "vs", "versus" or "or" between things that are not diagnoses weighs no differential, through the real NLP
stage to the facts (conventional_imaging_inconclusive, tumor_vs_nontumor_differential and the hedge of the items;
rules: targets.yaml look.treatment_choice, look.measure_versus; context.yaml poss.versus, pseudo.comparison_versus).

A vs-list is a differential only when its items are diagnoses (concepts of disease). Management options
("re-resection vs bevacizumab vs hospice", "biopsy versus watchful waiting"), measurements with their units
("now 2.2 cm vs 1.1 cm in July", "SUV 8 vs 5 previously", "(14 mm vs 9 mm)"), times, and an MRS purpose that names a
decision between treatments ("MRS ... before deciding between drainage and resection") never make a study's read
inconclusive and never a tumour-versus-non-tumour differential; the tumour named beside them keeps its reading, and
a measurement's "vs" with a month or a date gives the study no other date.

Near misses keep their reading: "recurrence vs radiation necrosis", "toxoplasmosis versus lymphoma", "abscess vs
necrotic metastasis, 2.1 cm" (a differential with a size), "R VS, 11 mm" (vestibular schwannoma), "SRS vs
microsurgery for the schwannoma" (the schwannoma stays known).

Rows: id, text, {fact: expected status or set of allowed statuses}, the date the first study must carry (None: no
check). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
NOT_P = frozenset({S, A, N})
INC, DIFF = "conventional_imaging_inconclusive", "tumor_vs_nontumor_differential"
Expected = dict[str, FactStatus | frozenset[FactStatus]]

CASES: list[tuple[str, str, Expected, str | None]] = [
    # 1. management options joined by vs / versus / or
    ("options, re-resection vs bev vs hospice", "MRI brain 10/02/2026: enlarging enhancing mass of the left frontal "
     "lobe, consistent with recurrent glioblastoma. Tumor board: re-resection vs bevacizumab vs hospice.",
     {INC: NOT_P, DIFF: NOT_P, "glial_neoplasm": P}, "2026-10-02"),
    ("options, biopsy versus watchful waiting", "CT head 09/30/2026: solid right cerebellar mass, metastasis. "
     "Biopsy versus watchful waiting was discussed.", {INC: NOT_P, DIFF: NOT_P}, "2026-09-30"),
    ("options, Gamma Knife vs microsurgery", "MRI 10/01/2026 shows a 2 cm left vestibular schwannoma. Discussed "
     "Gamma Knife vs microsurgery with the patient.", {INC: NOT_P, DIFF: NOT_P, "brain_neoplasm": P}, "2026-10-01"),
    ("options, fenestration or radical resection", "MRI 08/14/2026: large arachnoid cyst of the middle fossa with "
     "mass effect. Neurosurgery: fenestration or radical resection.", {INC: NOT_P, DIFF: NOT_P}, "2026-08-14"),
    ("options, aspiration vs. excision", "MRI 10/05/2026: ring-enhancing lesion of the right parietal lobe, "
     "metastasis. Plan: aspiration vs. excision.", {INC: NOT_P, DIFF: NOT_P, "brain_metastasis": P}, None),
    ("options, observation versus SRS, capitals", "CT HEAD 10/03/2026: CONVEXITY MENINGIOMA, 3 CM. OBSERVATION "
     "VERSUS SRS DISCUSSED.", {INC: NOT_P, DIFF: NOT_P, "brain_neoplasm": P}, None),
    ("options, line wrap in the list", "Recurrent GBM on MRI 10/07/2026.\nNext steps: lomustine vs "
     "re-irradiation\nvs clinical trial.", {INC: NOT_P, DIFF: NOT_P, "glial_neoplasm": P}, None),
    ("options, British spelling", "MRI 02/10/2026: enlarging tumour of the right temporal lobe; surgery versus "
     "radiotherapy vs best supportive care.", {INC: NOT_P, DIFF: NOT_P, "brain_neoplasm": P}, None),
    ("options, shunt vs ETV in parentheses", "CT 10/01/2026: obstructive hydrocephalus from a pineal tumour "
     "(shunt vs ETV).", {INC: NOT_P, DIFF: NOT_P}, None),
    ("options, form field", "Plan of care: SRS or whole-brain radiotherapy\nDx: brain metastases, MRI "
     "10/02/2026", {INC: NOT_P, DIFF: NOT_P, "brain_metastasis": P}, None),
    ("options, hospice vs. a phase I trial", "MRI 10/02/2026: enlarging glioblastoma with surrounding radiation "
     "necrosis; hospice vs. a phase I trial.", {INC: NOT_P, DIFF: NOT_P}, "2026-10-02"),
    ("options, Ommaya reservoir vs Gamma Knife", "MRI 10/02/2026: cystic metastasis. Ommaya reservoir vs Gamma Knife "
     "radiosurgery.", {INC: NOT_P, DIFF: NOT_P, "brain_metastasis": P}, "2026-10-02"),
    ("options, laser interstitial thermal therapy", "MRI 10/02/2026: deep recurrent glioma; laser interstitial "
     "thermal therapy versus open craniotomy.", {INC: NOT_P, DIFF: NOT_P}, "2026-10-02"),
    # 2. measurements and times
    ("measure, cm vs cm in July", "MRI brain 10/02/2026: enhancing right frontal mass, now 2.2 cm vs 1.1 cm in "
     "July.", {INC: NOT_P, DIFF: NOT_P, "brain_lesion": P}, "2026-10-02"),
    ("measure, SUV 8 vs 5 previously", "FDG-PET 10/03/2026: left temporal glioma, SUV 8 vs 5 previously, "
     "in keeping with progression.", {INC: NOT_P, DIFF: NOT_P}, "2026-10-03"),
    ("measure, enlarged (14 mm vs 9 mm)", "MRI 10/04/2026: the left occipital metastasis has enlarged (14 mm vs "
     "9 mm).", {INC: NOT_P, DIFF: NOT_P, "brain_metastasis": P}, "2026-10-04"),
    ("measure, two dimensions vs on the prior", "MRI 10/04/2026: Left parietal lesion measures 18 x 12 mm vs "
     "10 x 8 mm on the prior, glioma.", {INC: NOT_P, DIFF: NOT_P}, "2026-10-04"),
    ("measure, no space before the unit", "CT 10/02/2026 - glioblastoma, enhancing rim 3.1cm versus 2.4cm in "
     "06/2026.", {INC: NOT_P, DIFF: NOT_P, "glial_neoplasm": P}, "2026-10-02"),
    ("measure, vs. with a year", "Meningioma on MRI 10/01/2026, 2.8 cm (vs. 2.5 cm in 2025).",
     {INC: NOT_P, DIFF: NOT_P, "brain_neoplasm": P}, "2026-10-01"),
    ("measure, oedema vs, British", "MRI 10/06/2026: the perilesional oedema around the known glioblastoma "
     "measures 45 mm vs 30 mm.", {INC: NOT_P, DIFF: NOT_P}, "2026-10-06"),
    ("measure, rCBV ratio", "MRI perfusion 10/06/2026: rCBV 4.2 vs 1.1 in normal white matter, high-grade "
     "glioma.", {INC: NOT_P, DIFF: NOT_P}, "2026-10-06"),
    ("measure, abbreviation and wrap", "MRI 10/06/2026: R frontal met, 12mm\nvs 7mm in August.",
     {INC: NOT_P, DIFF: NOT_P}, "2026-10-06"),
    ("time, weeks vs months", "MRI 10/02/2026: enlarging metastasis; growth over 6 weeks vs 4 months for the "
     "other lesions.", {INC: NOT_P, DIFF: NOT_P}, "2026-10-02"),
    ("measure, unit only after the second number", "MRI 10/02/2026: cerebellar metastasis grown to 2.2 vs 1.1 cm.",
     {INC: NOT_P, DIFF: NOT_P, "brain_metastasis": P}, "2026-10-02"),
    ("measure, volumes in mL", "MRI 10/02/2026: resection cavity of the glioblastoma with enhancing tumour volume "
     "12 mL versus 8 mL before.", {INC: NOT_P, DIFF: NOT_P}, "2026-10-02"),
    ("measure, percentages", "MRI 10/02/2026: enhancing glioma, enhancing fraction 40% vs 20% in May.",
     {INC: NOT_P, DIFF: NOT_P}, "2026-10-02"),
    ("measure, dimensions with vs.", "MRI 10/02/2026: METASTASIS OF THE LEFT CEREBELLUM, 1.5 x 1.2 CM VS. 1.0 x 0.9 "
     "CM.", {INC: NOT_P, DIFF: NOT_P}, "2026-10-02"),
    ("time, days vs weeks", "MRI 10/02/2026: enlarging meningioma; symptom onset 3 days vs 2 weeks before, per "
     "the two histories.", {INC: NOT_P, DIFF: NOT_P}, "2026-10-02"),
    ("time, months vs years in parentheses", "MRI 10/02/2026: slowly growing vestibular schwannoma (doubling time "
     "14 months vs 3 yrs on the older films).", {INC: NOT_P, DIFF: NOT_P}, "2026-10-02"),
    # 3. an MRS purpose that names a decision between treatments
    ("purpose, deciding between drainage and resection", "MRI 10/02/2026: rim-enhancing necrotic metastasis of "
     "the right frontal lobe. Plan: MRS with the navigation MRI before deciding between drainage and resection.",
     {INC: NOT_P, DIFF: NOT_P, "brain_metastasis": P}, "2026-10-02"),
    ("purpose, to choose between biopsy and observation", "MRI 10/02/2026: low-grade glioma of the insula. MRS "
     "requested to choose between biopsy and observation.", {INC: NOT_P, DIFF: NOT_P}, "2026-10-02"),
    ("purpose, spectroscopy will guide surgery vs. radiotherapy", "MRI 10/02/2026: recurrent glioma. Spectroscopy "
     "will guide surgery vs. radiotherapy.", {INC: NOT_P, DIFF: NOT_P}, None),
    ("purpose, decide SRS or resection", "MRI 10/02/2026: solitary cerebellar metastasis. MRS to help decide SRS or "
     "resection.", {INC: NOT_P, DIFF: NOT_P}, None),
    ("purpose, form field, re-resection versus bevacizumab", "MRI 10/02/2026: treated GBM, new enhancement.\n"
     "Purpose of MRS: decide re-resection versus bevacizumab", {DIFF: NOT_P}, None),
    ("purpose, between stereotactic biopsy and serial imaging", "CT 10/02/2026: left thalamic mass. MR spectroscopy "
     "requested; the result will decide between stereotactic biopsy and serial imaging.",
     {INC: NOT_P, DIFF: NOT_P}, None),
    ("purpose, surgical planning in parentheses", "MRI 10/02/2026: right temporal glioma. Reason for MRS: surgical "
     "planning (open resection vs laser ablation).", {INC: NOT_P, DIFF: NOT_P}, None),
    ("purpose, choose between aspiration or excision", "MRI 10/02/2026: ring-enhancing cystic metastasis. "
     "Indication: MRS to help choose between aspiration or excision.", {INC: NOT_P, DIFF: NOT_P}, None),
    # 4. near misses: the items are diagnoses
    ("near: recurrence vs radiation necrosis", "MRI 10/02/2026: new enhancement in the resection bed of the "
     "glioblastoma, recurrence vs radiation necrosis.", {INC: P, "recurrence_vs_treatment_effect": P}, None),
    ("near: toxoplasmosis versus lymphoma", "MRI 10/02/2026: multiple ring-enhancing lesions, toxoplasmosis versus "
     "lymphoma.", {INC: P, DIFF: P}, None),
    ("near: abscess vs necrotic metastasis, with a size", "MRI 10/02/2026: right parietal rim-enhancing lesion, "
     "abscess vs necrotic metastasis, 2.1 cm.", {INC: P, DIFF: P}, None),
    ("near: differential and a measurement", "MRI 10/02/2026: left frontal lesion, now 2.2 cm vs 1.1 cm in July; "
     "glioma vs demyelination.", {INC: P, DIFF: P}, None),
    ("near: grade 2 vs 3, no unit", "MRI 10/02/2026: diffuse astrocytoma, WHO grade 2 vs 3.",
     {"grading_question": P}, None),
    ("near: 7 mm VS 9 mm is no schwannoma", "MRI 10/02/2026: two foci, 7 mm VS 9 mm.", {"brain_neoplasm": N}, None),
    ("near: R VS, 11 mm", "MRI 10/01/2026: R VS, 11 mm.", {INC: NOT_P, DIFF: NOT_P, "brain_neoplasm": P}, None),
    ("near: SRS vs microsurgery for the schwannoma", "SRS vs microsurgery for the schwannoma (MRI 10/01/2026).",
     {INC: NOT_P, DIFF: NOT_P, "brain_neoplasm": P}, None),
    ("near: tumour vs treatment-related change", "MRI 10/02/2026: progressive enhancement, tumour vs "
     "treatment-related change.", {INC: P}, None),
]


@pytest.mark.parametrize(("text", "expected", "study_date"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_versus_non_diagnoses(analyze, text: str, expected: Expected,  # type: ignore[no-untyped-def]
                              study_date: str | None) -> None:
    facts = facts_of(analyze, text + REQUEST_TAIL)
    for name, want in expected.items():
        f = facts.facts[name]
        allowed = want if isinstance(want, frozenset) else {want}
        assert f.status in allowed, (name, f.status, f.note, [(e.text, e.assertion, e.modifier_rules)
                                                              for e in f.evidence])
    if study_date is not None:
        dates = [s.date for s in facts.imaging]
        assert dates and dates[0] == study_date and all(d == study_date for d in dates), dates
