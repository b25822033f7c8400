"""A treatment-planning purpose of the MRS names the disease whose therapy it plans, through the real NLP stage to
the facts: the mrs_purpose attribute `therapy_of` (facts/purpose.py therapy_of; cues.yaml purpose.therapy_tumor,
purpose.therapy_infection, purpose.therapy_other, purpose.therapy_leukodystrophy, concept set
purpose.therapy_disease).

1. A tumour's own therapy in the purpose's clause ("to plan re-irradiation", "before re-resection", "to decide on
   temozolomide") is `tumor`.
2. An infection's therapy ("to decide on antifungal duration", "to guide antibiotic therapy") is `infection`.
3. Another disease's therapy ("before starting anti-amyloid antibody therapy", "to guide chelation", "to plan the
   epilepsy surgery", "enzyme replacement") is `other`, even with a known tumour elsewhere in the packet.
4. A leukodystrophy's therapy with no disease named ("before HSCT", "gene therapy eligibility") is `leukodystrophy`.
5. Near misses: a therapy word that needs the disease named beside it ("to assess treatment response of the
   lymphoma": tumor; "before HSCT for the adrenoleukodystrophy": leukodystrophy), a purpose with no therapy and no
   disease ("MRS to guide therapy": unspecified), a tumour purpose and another disease's therapy in two sentences
   (both values kept, so the tumour's counts).

Rows: id, text, the set of `therapy_of` values the mrs_purpose fact carries. Rows whose id starts with "near" must
keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import facts_of

from pipeline.contracts import FactStatus

TUMOR, INFECTION, OTHER, LEUKO, UNSPEC = "tumor", "infection", "other", "leukodystrophy", "unspecified"

CASES: list[tuple[str, str, set[str]]] = [
    # 1. the tumour's therapy
    ("radiotherapy planning", "MRS (76390) requested for radiotherapy planning of the resection cavity.", {TUMOR}),
    ("before re-resection, caps", "PLAN: MR SPECTROSCOPY BEFORE RE-RESECTION OF THE LEFT FRONTAL TUMOUR.", {TUMOR}),
    ("continue chemotherapy, abbreviation", "Spectroscopy will help us decide whether to continue chemotherapy "
     "beyond cycle 6 (TMZ).", {TUMOR}),
    ("radiosurgery planning, parentheses", "Reason for MRS: treatment planning (stereotactic radiosurgery).",
     {TUMOR}),
    ("bevacizumab, line wrap", "MR spectroscopy is requested to guide therapy\n(bevacizumab versus lomustine).",
     {TUMOR}),
    ("chemotherapy and radiation, British", "MRS requested to inform the decision regarding chemotherapy and "
     "radiation for the tumour.", {TUMOR}),
    ("tumour board, form field", "Indication: MRS result to be discussed at tumour board to plan treatment.",
     {TUMOR}),
    ("debulking surgery", "We request MR spectroscopy to plan the debulking surgery.", {TUMOR}),
    # 2. an infection's therapy
    ("antifungal can stop", "MRS (76390) requested to decide whether antifungal treatment can stop.", {INFECTION}),
    ("antibiotic therapy, guide", "MR spectroscopy to guide antibiotic therapy.", {INFECTION}),
    ("antiparasitic, caps", "REASON FOR MRS: TO GUIDE ANTIPARASITIC TREATMENT.", {INFECTION}),
    ("albendazole, parentheses", "Spectroscopy requested to decide whether to stop treatment (albendazole).",
     {INFECTION}),
    ("antiviral, British", "MRS is requested to guide the antiviral treatment programme.", {INFECTION}),
    ("voriconazole, line wrap", "MR spectroscopy requested to decide whether we\ncontinue voriconazole therapy.",
     {INFECTION}),
    ("anti-tuberculous, hyphen", "Plan: MRS to determine whether anti-tuberculous therapy can be stopped.", {INFECTION}),
    ("antimicrobials, form field", "Indication for MRS: guide therapy - antimicrobials vs surgery.", {INFECTION}),
    # 3. another disease's therapy
    ("anti-amyloid antibody", "MRS (76390) requested to decide whether to start anti-amyloid antibody therapy.",
     {OTHER}),
    ("lecanemab, brand", "Spectroscopy requested to guide treatment with lecanemab.", {OTHER}),
    ("chelation, guide", "MR spectroscopy requested to guide chelation therapy.", {OTHER}),
    ("epilepsy surgery, plan", "MRS requested to plan the epilepsy surgery.", {OTHER}),
    ("enzyme replacement, caps", "REASON: MRS TO GUIDE ENZYME REPLACEMENT THERAPY.", {OTHER}),
    ("temporal lobectomy, line wrap", "MR spectroscopy to inform the decision about surgery (temporal\nlobectomy).",
     {OTHER}),
    ("ketogenic diet, British", "MRS requested to guide treatment: ketogenic diet versus further antiseizure "
     "medication.", {OTHER}),
    ("anticoagulation, form field", "Purpose of MRS: guide management (anticoagulation).", {OTHER}),
    ("anti-amyloid with tumour elsewhere", "Known incidental meningioma, stable. MRS (76390) requested to decide "
     "whether to start anti-amyloid antibody therapy.", {OTHER}),
    # 4. a leukodystrophy's therapy, no disease named
    ("before HSCT", "MRS (76390) requested before HSCT.", {LEUKO}),
    ("gene therapy eligibility", "MR spectroscopy to establish eligibility for gene therapy.", {LEUKO}),
    ("bone marrow transplant, caps", "PLAN: MRS TO DECIDE ON BONE MARROW TRANSPLANT.", {LEUKO}),
    ("haematopoietic, British", "Spectroscopy is requested to guide transplant timing (haematopoietic stem "
     "cell transplantation).", {LEUKO}),
    ("Lorenzo's oil", "MRS requested to decide whether to start Lorenzo's oil therapy.", {LEUKO}),
    ("stem cell transplant, line wrap", "MR spectroscopy requested to assess candidacy for stem\ncell "
     "transplant.", {LEUKO}),
    ("HSCT, parentheses", "Reason for MRS: transplant planning (HSCT).", {LEUKO}),
    ("gene-therapy, hyphen", "MRS to decide whether she should proceed to gene-therapy.", {LEUKO}),
    # 5. near misses
    ("near: re-irradiation of the glioma", "MRS requested to decide on re-irradiation of the glioma.", {TUMOR}),
    ("near: re-resection of the glioblastoma", "MRS to guide re-resection of the glioblastoma.", {TUMOR}),
    ("near: treatment response of the lymphoma", "MRS (76390) requested to assess treatment response of the "
     "lymphoma.", {TUMOR}),
    ("near: treatment response of the metastasis", "Spectroscopy to assess response to treatment of the brain "
     "metastasis.", {TUMOR}),
    ("near: guide therapy, no disease", "MRS (76390) requested to guide therapy.", {UNSPEC}),
    ("near: treatment planning, form", "Reason for MRS: treatment planning.", {UNSPEC}),
    ("near: change management", "MR spectroscopy result will change management.", {UNSPEC}),
    ("near: HSCT for the leukodystrophy", "MRS requested before HSCT for the adrenoleukodystrophy.", {LEUKO}),
    ("near: transplant for Krabbe", "MRS to decide on transplant for Krabbe disease.", {LEUKO}),
    ("near: stem cell transplant for the lymphoma", "MRS to decide on stem cell transplant for the CNS "
     "lymphoma.", {TUMOR}),
    ("near: abscess treatment", "MR spectroscopy to guide treatment of the cerebral abscess.", {INFECTION}),
    ("near: two sentences, tumour and antifungal", "MRS (76390) requested for radiotherapy planning. "
     "Spectroscopy will also help us decide whether antifungal treatment can stop.", {TUMOR, INFECTION}),
    ("near: two sentences, HSCT then glioma", "MRS requested before HSCT. MR spectroscopy will also guide "
     "treatment of the glioma.", {TUMOR, LEUKO}),
    ("near: no tumour does not name it", "MRS requested to guide therapy; no tumour on prior MRI.", {UNSPEC}),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_therapy_of_treatment_planning(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    fact = facts_of(analyze, text).facts["mrs_purpose"]
    assert fact.status in {FactStatus.PRESENT, FactStatus.SUSPECTED}, (fact.note, fact.evidence)
    planning = [e for e in fact.evidence if e.attributes.get("purpose") == "treatment_planning"]
    assert planning, [(e.text, e.attributes.get("purpose")) for e in fact.evidence]
    assert {e.attributes.get("therapy_of") for e in planning} == expected, [
        (e.text, e.attributes.get("therapy_of"), e.attributes.get("cue")) for e in planning]
