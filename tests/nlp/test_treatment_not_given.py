"""A treatment recommended, accepted-if or planned is no treatment given; a kind or an imaging-only tumour is no
established diagnosis.

A treatment word that is only recommended, conditionally accepted, a planning study's name or a protocol's must
not read as past treatment (facts prior_tumor_treatment / prior_radiation / prior_resection), which would make an
imaging-only tumour known (pipeline/facts/derive/tumor.py). Cues:

- `hyp.would_consequence` now also reads "would accept / agree to / take" ("would consider" is hyp.if's; "he would accept
  radiotherapy", "she would agree to chemoradiation if it is high grade");
- `hyp.treatment_recommended_after`: a treatment followed by "recommended" / "advised" / "proposed" ("Tumour
  board: radiosurgery recommended", "SRS recommended by the skull-base conference 11/23"), unless the sentence
  tells it was done ("recommended in 2022 and delivered 03/2023");
- `hyp.treatment_planning_study`: a treatment naming a planning study ("the SRS planning MRI", "Gamma Knife
  planning scan");
- `hyp.treatment_protocol`: a practice's protocol ("our protocol: MRS before SRS for every meningioma");
- `hyp.kind_contrast` now also reads "could / can / may be watched / observed / followed" as one side of a
  contrast of kinds ("a low-grade glioma could be watched for years, while a high-grade glioma would ...");
- `poss.imaging_only_aside`: a tumour with a parenthetical that says it rests on imaging only ("meningioma
  (presumed on imaging; no biopsy)", "schwannoma (radiological diagnosis, not biopsied)") is suspected.

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite.
Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"hypothetical", "uncertain", "negated", "historical"}
H, U, HIST, NONE = {"hypothetical"}, {"uncertain"}, {"historical"}, set()
WOULD, REC, PLAN, PROTO, KIND, ASIDE = ("hyp.would_consequence", "hyp.treatment_recommended_after",
                                        "hyp.treatment_planning_study", "hyp.treatment_protocol",
                                        "hyp.kind_contrast", "poss.imaging_only_aside")
RAD, RES, CHEMO = "PRIOR_RADIATION", "PRIOR_RESECTION", "PRIOR_CHEMOTHERAPY"

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    # would accept / agree to / consider / take
    ("if, comma, would accept", "If MRS shows high grade, he would accept radiotherapy.", RAD, "radiotherapy", H,
     None),
    ("would accept, no condition", "He would accept radiotherapy.", RAD, "radiotherapy", H, WOULD),
    ("would agree to, if after", "She would agree to chemoradiation if it is high grade.", RAD, "chemoradiation", H,
     None),
    ("would agree to, no condition", "The patient would agree to radiosurgery.", RAD, "radiosurgery", H, WOULD),
    ("would consider", "Mr Patel would consider resection.", RES, "resection", H, None),
    ("would then accept", "Family would then accept SRS.", RAD, "SRS", H, WOULD),
    ("would take", "She would take temozolomide.", CHEMO, "temozolomide", H, WOULD),
    ("would accept, capitals", "PT WOULD ACCEPT RADIOTHERAPY", RAD, "RADIOTHERAPY", H, WOULD),
    ("would agree, line wrap", "He would agree to\nradiotherapy (IMRT).", RAD, "radiotherapy", H, WOULD),
    ("would likely accept", "Mrs O'Neill would likely accept a craniotomy.", RES, "craniotomy", H | U, WOULD),
    # recommended after the treatment
    ("board: recommended", "Tumour board: radiosurgery recommended", RAD, "radiosurgery", H, REC),
    ("recommended by conference", "SRS recommended by skull-base conference 11/23", RAD, "SRS", H, REC),
    ("is recommended", "Resection is recommended.", RES, "Resection", H, REC),
    ("was recommended", "Stereotactic radiosurgery was recommended at the MDT.", RAD, "Stereotactic radiosurgery",
     H, REC),
    ("advised", "Craniotomy advised by neurosurgery (Dr Lee).", RES, "Craniotomy", H, REC),
    ("proposed, British", "Radiotherapy proposed by the tumour board.", RAD, "Radiotherapy", H, REC),
    ("recommended, capitals", "GAMMA KNIFE RECOMMENDED", RAD, "GAMMA KNIFE", H, REC),
    ("form field", "Plan/recommendation: WBRT recommended.", RAD, "WBRT", H, None),
    ("recommended, line wrap", "Re-resection\nrecommended per MDT 10/2026.", RES, "Re-resection", H, REC),
    # a planning study
    ("SRS planning MRI", "MRS at the SRS planning MRI.", RAD, "SRS", H, PLAN),
    ("Gamma Knife planning scan", "MRS at the Gamma Knife planning scan", RAD, "Gamma Knife", H, PLAN),
    ("radiosurgery planning CT", "Radiosurgery planning CT booked.", RAD, "Radiosurgery", H, PLAN),
    ("radiotherapy planning MRI", "Add MRS to her radiotherapy planning MRI.", RAD, "radiotherapy", H, PLAN),
    ("capitals", "GAMMA KNIFE PLANNING MRI WITH MRS", RAD, "GAMMA KNIFE", H, PLAN),
    ("hyphenated", "SRS-planning MRI next week.", RAD, "SRS", H, None),
    ("planning study", "WBRT planning study on 12/1.", RAD, "WBRT", H, PLAN),
    ("surgical planning MRI", "Craniotomy planning MRI (with navigation) requested.", RES, "Craniotomy", H, PLAN),
    # a protocol
    ("our protocol", "our protocol: MRS before SRS for every meningioma", RAD, "SRS", H, PROTO),
    ("our protocol, tumour", "our protocol: MRS before SRS for every meningioma", "BRAIN_TUMOR", "meningioma", H,
     PROTO),
    ("institutional protocol", "Institutional protocol: spectroscopy before radiosurgery.", RAD, "radiosurgery", H,
     PROTO),
    ("departmental protocol", "Departmental protocol - MRS prior to resection of any glioma.", RES, "resection", H,
     PROTO),
    ("our practice is", "Our practice is MRS before Gamma Knife.", RAD, "Gamma Knife", H, PROTO),
    ("standard protocol", "Standard protocol: MRS prior to SRS.", RAD, "SRS", H, PROTO),
    ("our pathway", "Our pathway: MRS before craniotomy.", RES, "craniotomy", H, PROTO),
    ("unit protocol, capitals", "UNIT PROTOCOL: MRS BEFORE RADIOTHERAPY", RAD, "RADIOTHERAPY", H, PROTO),
    # a contrast of kinds with could / can / may be watched
    ("could be watched", "A low-grade glioma could be watched for years, while a high-grade glioma would be "
     "expected to progress.", "GLIOMA", "low-grade glioma", H, KIND),
    ("can be observed", "A meningioma can be observed, whereas a metastasis would need treatment.", "BRAIN_TUMOR",
     "meningioma", H, KIND),
    ("may be followed", "Low-grade glioma may be followed with MRI, while GBM requires maximal resection.", "GLIOMA",
     "Low-grade glioma", H, KIND),
    ("might be monitored", "An LGG might be monitored, whereas an HGG would be resected.", "GLIOMA", "LGG", H,
     KIND),
    ("second side could be watched", "A glioblastoma requires maximal resection, while a low-grade glioma could be "
     "watched.", "GLIOMA", "glioblastoma", H, None),
    ("could be watched, line wrap", "A low grade glioma could be\nwatched, whereas a high grade glioma would "
     "progress.", "GLIOMA", "low grade glioma", H, KIND),
    ("can be followed, meningioma vs met", "A small meningioma can be followed; whereas a metastasis would need "
     "SRS.", "BRAIN_TUMOR", "meningioma", H, None),
    ("could be observed, capitals", "A LOW-GRADE GLIOMA COULD BE OBSERVED, WHILE A GBM WOULD PROGRESS.", "GLIOMA",
     "LOW-GRADE GLIOMA", H, KIND),
    # a parenthetical that says the tumour rests on imaging only
    ("presumed on imaging", "Meningioma (presumed on imaging; no biopsy).", "BRAIN_TUMOR", "Meningioma", U, ASIDE),
    ("radiological diagnosis", "Schwannoma (radiological diagnosis, not biopsied).", "BRAIN_TUMOR", "Schwannoma", U,
     ASIDE),
    ("not biopsied", "Right frontal glioma (not biopsied).", "GLIOMA", "glioma", U, ASIDE),
    ("no biopsy", "Left CPA schwannoma (no biopsy) for MRS.", "BRAIN_TUMOR", "schwannoma", U, ASIDE),
    ("radiographic diagnosis", "Low-grade glioma (radiographic diagnosis only)", "GLIOMA", "Low-grade glioma", U,
     ASIDE),
    ("imaging diagnosis", "meningioma (imaging diagnosis; never biopsied)", "BRAIN_TUMOR", "meningioma", U, ASIDE),
    ("radiologic dx bracket", "Meningioma [radiologic dx, no tissue]", "BRAIN_TUMOR", "Meningioma", U, ASIDE),
    ("unbiopsied", "Glioma (unbiopsied, followed since 2022).", "GLIOMA", "Glioma", U, ASIDE),
    ("diagnosed on imaging", "Vestibular schwannoma (diagnosed on imaging)", "BRAIN_TUMOR", "Vestibular schwannoma",
     U, ASIDE),
    # near misses: treatment given and established tumours keep their reading
    ("near: s/p SRS", "s/p SRS 2024", RAD, "SRS", HIST, None),
    ("near: underwent", "underwent Gamma Knife 03/2025", RAD, "Gamma Knife", NONE, None),
    ("near: recommended and delivered", "radiosurgery recommended in 2022 and delivered 03/2023", RAD,
     "radiosurgery", NONE, None),
    ("near: recommended then completed", "Radiotherapy was recommended and completed in 2021.", RAD, "Radiotherapy",
     NONE, None),
    ("near: biopsy-proven aside", "her glioma (biopsy-proven 2023)", "GLIOMA", "glioma", NONE, None),
    ("near: GBM resected", "GBM, resected 2024", RES, "resected", NONE, None),
    ("near: proceed to", "Proceed to SRS 12/15", RAD, "SRS", H, None),
    ("near: accepted and completed", "The patient accepted radiotherapy and completed 30 fractions", RAD,
     "radiotherapy", NONE, None),
    ("near: planning MRI then radiation delivered", "Radiation planning MRI done; radiation delivered in 2024.",
     RAD, "radiation", NONE, None),
    ("near: she had radiotherapy", "She had radiotherapy in 2020, as recommended.", RAD, "radiotherapy", NONE, None),
    ("near: resected glioma aside", "Glioma (resected 2019, WHO grade 2).", "GLIOMA", "Glioma", HIST, None),
    ("near: patient's glioma, could be", "Her glioma could be watched for years.", "GLIOMA", "glioma", NONE, None),
    ("near: the protocol of the MRI", "Protocol: brain tumour with MRS.", "BRAIN_TUMOR", "brain tumour", NONE,
     None),
    ("near: would have accepted, past", "She had SRS in 2023.", RAD, "SRS", NONE, None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_treatment_not_given(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                             expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules
