"""A pathology report sets aside only what it answers: a margin or extent statement is no negative diagnosis, and a
dated pathology reaches only its own lesion's episode (facts/supersession.py, resources/supersession.yaml:
supersede.margin_statement, supersede.pathology_own_lesion; the pathology source itself is supersede.pathology,
supersede.source_sections).

1. A margin or extent statement ("Dural margin free of tumor", "Margins negative for tumour", "No tumor at the inked
   margin", "Resection bed biopsies: no residual tumor", "Bone flap: no tumour identified") tells that the tumour was
   removed, so it confirms there was a tumour: its negated tumour (a brain neoplasm concept, not a recurrence) is no
   statement of pathology and sets aside nothing - not the report's own diagnosis line ("MENINGIOMA, meningothelial
   type, CNS WHO grade 1"), nor the MRI's or the clinic note's meningioma. brain_neoplasm and known_brain_tumor stay
   present. "no residual tumor" still ends a suspected residual or recurrent tumour (a RECURRENCE negation).
2. A dated pathology result (its sentence, its section's first lines or its paragraph heading give the date) of a
   lesion at one site does not reach a mention of a lesion at another site (another side, or other lobes) that is a
   later episode: told as new ("new 1.6 cm left parietal meningioma", "interval development of") or dated after the
   pathology (a month or a bare year kept). A 2022 resection of a right frontal meningioma, or a 2021 biopsy of a
   left temporal lesion that found gliosis and no tumour, leaves a new left parietal or right frontal lesion's
   reading as it stands.

Near misses (keep today's reading): "DIAGNOSIS: Reactive gliosis; no tumour identified" for the same lesion the MRI
calls "glioma vs gliosis" (the tumour is settled absent); "Glioblastoma, IDH-wildtype" superseding nothing of an
MRI's "glioma vs lymphoma" that the tumour affirms anyway (glioma present); a margin statement beside a diagnosis of
metastatic carcinoma (metastasis present); a biopsy negative for neoplasm with no margin word; a pathology of the
same site as the new lesion (it still settles it); a resection-bed biopsy's "no residual tumour" over an MRI's
"recurrence versus radiation necrosis" (the recurrence is still settled).

Limits: the margin statement is read in the negated mention's clause (its sentence up to a ";") and on its
paragraph's heading line ("SURGICAL PATHOLOGY - MARGINS" over "Negative for tumour."); a margin told in a later sentence
("Margins were assessed. None shows tumour.") is not seen. Only pathology statements are held back; an imaging
addendum's "no tumour at the resection margin" still reads as a negation. The site is compared by side and lobe
words (supersede.lesion_site) in each sentence: a pathology that names no site, or a mention that names none,
keeps today's reach; a lesion told again without its site ("the new lesion") in a sentence of its own is still
reached when it carries no date and no "new".

Rows: id, text (a request date of 11/20/2026 is appended), {fact: expected status}. Rows whose id starts with
"near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import ClinicalFacts, FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CONVEXITY_MRI = ("MRI BRAIN WITH AND WITHOUT CONTRAST 10/02/2026\nINDICATION: Headaches.\n"
                 "FINDINGS: 3.2 cm extra-axial dural-based enhancing mass over the left frontal convexity with a dural "
                 "tail.\nIMPRESSION: Left frontal convexity meningioma.\n"
                 "Electronically signed: R. Okafor, MD\n")
POSTOP_NOTE = ("\fNEUROSURGERY CLINIC 11/12/2026\nSeen after resection of the left frontal meningioma. Wound healed. "
               "MR spectroscopy requested by the tumor board.\n")
NEW_LESION_MRI = ("MRI BRAIN WITH AND WITHOUT CONTRAST 10/14/2026\nINDICATION: Prior right frontal meningioma "
                  "resection. Surveillance.\nFINDINGS: Postoperative changes of the right frontal convexity without "
                  "nodular enhancement. 1.6 cm dural-based enhancing lesion over the left parietal convexity, not "
                  "seen in 2023.\nIMPRESSION: New left parietal extra-axial lesion.\nSigned: T. Brandt, MD\n")


def _pathology(body: str, heading: str = "SURGICAL PATHOLOGY REPORT 10/20/2026") -> str:
    return f"\f{heading}\n{body}\n"


CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # 1. a margin or extent statement is no negative diagnosis
    "dural margin free of tumor": (
        CONVEXITY_MRI + _pathology("Specimen: left frontal convexity mass, resection.\nDIAGNOSIS: MENINGIOMA, "
                                   "meningothelial type, CNS WHO grade 1.\nDural margin free of tumor.") + POSTOP_NOTE,
        {"brain_neoplasm": P, "known_brain_tumor": P}),
    "margins negative for tumour, British": (
        CONVEXITY_MRI + _pathology("Specimen: L frontal convexity tumour, excision.\nDiagnosis: Atypical "
                                   "meningioma, CNS WHO grade 2.\nMargins negative for tumour.") + POSTOP_NOTE,
        {"brain_neoplasm": P, "known_brain_tumor": P}),
    "no tumor at the inked margin": (
        CONVEXITY_MRI + _pathology("FINAL DIAGNOSIS: Meningioma, transitional subtype, WHO grade 1. No tumor at "
                                   "the inked margin.") + POSTOP_NOTE,
        {"brain_neoplasm": P, "known_brain_tumor": P}),
    "resection bed biopsies: no residual tumor": (
        "MRI BRAIN 09/28/2026\nIMPRESSION: Right parasagittal meningioma invading the superior sagittal sinus.\n"
        "Signed: L. Ferreira, MD\n" + _pathology("Resection bed biopsies: no residual tumor.",
                                               "INTRAOPERATIVE CONSULTATION (FROZEN SECTION) 10/01/2026")
        + "\fNEUROSURGERY 11/09/2026\nRight parasagittal meningioma, subtotal resection 10/01/2026 (sinus "
        "portion left). MRS requested before radiosurgery planning.\n",
        {"brain_neoplasm": P, "known_brain_tumor": P}),
    "residual glioma negative on cavity wall biopsies": (
        "MRI BRAIN 09/28/2026\nIMPRESSION: Non-enhancing left frontal mass, typical of a diffuse glioma.\n"
        "Signed: L. Ferreira, MD\n" + _pathology("Cavity wall biopsies negative for residual glioma.",
                                               "SURGICAL PATHOLOGY 10/01/2026")
        + "\fCLINIC 11/09/2026\nLeft frontal glioma, resected 10/01/2026. MRS requested.\n",
        {"brain_neoplasm": P, "glial_neoplasm": P}),
    "bone flap: no tumour identified": (
        CONVEXITY_MRI + _pathology("Part 1, left frontal dural-based mass: meningioma, WHO grade 1.\nPart 2, bone "
                                   "flap: no tumour identified.") + POSTOP_NOTE,
        {"brain_neoplasm": P, "known_brain_tumor": P}),
    "margins not involved, dictated": (
        CONVEXITY_MRI + _pathology("The sections show a meningothelial meningioma without atypical features, WHO "
                                   "grade 1. The surgical margins are not involved by tumor.") + POSTOP_NOTE,
        {"brain_neoplasm": P, "known_brain_tumor": P}),
    "margin heading over the negative line": (
        CONVEXITY_MRI + _pathology("Meningioma, fibrous type, WHO grade 1.\n\nSURGICAL PATHOLOGY - MARGINS\n"
                                   "Negative for tumor.") + POSTOP_NOTE,
        {"brain_neoplasm": P, "known_brain_tumor": P}),
    "adjacent dura free of neoplasm": (
        CONVEXITY_MRI + _pathology("Diagnosis: Meningioma, WHO grade 1. Adjacent dura: free of neoplasm.")
        + POSTOP_NOTE,
        {"brain_neoplasm": P, "known_brain_tumor": P}),
    "deep margin: no tumour seen, terse fax": (
        "MRI 10/01/2026: L convexity mass c/w meningioma.\n" + _pathology(
            "Path: meningioma WHO 1. Deep margin: no tumour seen.", "PATHOLOGY 10/19/2026")
        + "\fNSGY f/u 11/12/2026: s/p resection of meningioma. MRS ordered.\n",
        {"brain_neoplasm": P, "known_brain_tumor": P}),
    # 2. a dated pathology reaches only its own lesion's episode
    "old resection, new lesion at another site": (
        NEW_LESION_MRI + _pathology("Right frontal convexity mass, resected 04/05/2022: MENINGIOMA, WHO grade 1.\n"
                                    "Margins free of tumor.", "SURGICAL PATHOLOGY (outside report, received)")
        + "\fNEUROSURGERY CLINIC 11/10/2026\nNow a new 1.6 cm left parietal meningioma on the recent MRI. MRS "
        "requested before deciding on radiosurgery.\n",
        {"brain_neoplasm": P, "known_brain_tumor": P}),
    "old biopsy no tumour, new lesion told new in the clinic note": (
        _pathology(
            "Left temporal lesion, stereotactic biopsy 03/11/2021: reactive gliosis; no tumour identified.",
            "NEUROPATHOLOGY")
        + "\fNEURO-ONCOLOGY CLINIC\nAssessment: new right frontal lesion on the recent MRI, glioma versus metastasis. "
        "MRS requested.\n",
        {"brain_neoplasm": S, "known_brain_tumor": S}),
    "old biopsy settled demyelination, interval new lesion on the other side": (
        "Right parietal lesion, biopsy 06/14/2023: tumefactive demyelination; no neoplasm identified.\n"
        "Impression: interval development of a left frontal ring-enhancing lesion, high-grade glioma versus "
        "tumefactive demyelination.\n",
        {"glial_neoplasm": S, "brain_neoplasm": S}),
    "old pathology, new lesion dated by year": (
        "Surgical pathology 05/02/2020, left occipital lesion: negative for neoplasm, gliosis.\nMRI 2026: right "
        "cerebellar enhancing lesion, metastasis versus hemangioblastoma.\n",
        {"brain_neoplasm": S}),
    "old biopsy negative for tumour, new meningioma at another site": (
        _pathology("Right frontal lesion, open biopsy 04/05/2022: organizing hematoma, negative for tumor.",
                   "NEUROPATHOLOGY CONSULTATION")
        + "\fNEUROSURGERY CLINIC\nThe recent MRI shows a new 1.6 cm left parietal meningioma. MRS requested.\n",
        {"brain_neoplasm": P, "known_brain_tumor": P}),
    # near misses: the reading stays
    "near: gliosis, no tumour, same lesion as the MRI differential": (
        "MRI BRAIN 10/05/2026\nIMPRESSION: Non-enhancing left insular lesion, low-grade glioma versus gliosis.\n"
        "Signed: E. Novak, MD\n" + _pathology("Specimen: left insular lesion, stereotactic biopsy.\nDIAGNOSIS: "
                                              "Reactive gliosis; no tumour identified."),
        {"brain_neoplasm": A, "glial_neoplasm": N}),
    "near: glioblastoma pathology over glioma vs lymphoma": (
        "MRI BRAIN 10/05/2026\nIMPRESSION: Enhancing corpus callosum mass, high-grade glioma versus lymphoma.\n"
        "Signed: E. Novak, MD\n" + _pathology("Final pathology: glioblastoma, IDH-wildtype, CNS WHO grade 4."),
        {"brain_neoplasm": P, "glial_neoplasm": P}),
    "near: margins beside metastatic carcinoma": (
        "MRI BRAIN 10/05/2026\nIMPRESSION: Solitary enhancing right cerebellar mass, metastasis favored.\n"
        "Signed: E. Novak, MD\n" + _pathology("Right cerebellar mass, resection: metastatic adenocarcinoma to the "
                                              "brain, lung primary. Margins free of tumour."),
        {"brain_metastasis": P, "brain_neoplasm": P}),
    "near: biopsy negative for neoplasm, no margin word": (
        "MRI BRAIN 10/05/2026\nIMPRESSION: Right frontal lesion, tumor versus demyelination.\nSigned: E. Novak\n"
        + _pathology("Specimen: right frontal lesion, needle biopsy.\nFinal pathology: demyelinating process; "
                     "negative for neoplasm."),
        {"brain_neoplasm": A}),
    "near: old pathology of the same site still reaches a new lesion there": (
        "Left temporal lesion, stereotactic biopsy 03/11/2021: reactive gliosis; no tumour identified.\n"
        "Assessment: new left temporal lesion, low-grade glioma versus gliosis.\n",
        {"brain_neoplasm": A}),
    "near: resection bed no residual tumour settles the recurrence": (
        "MRI BRAIN 10/05/2026\nIMPRESSION: Enhancement at the left frontal resection cavity, recurrence versus "
        "radiation necrosis.\nSigned: E. Novak\n" + _pathology(
            "Resection bed biopsies: no residual tumor; radiation necrosis."),
        {"recurrent_or_residual_tumor": A}),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_margins_and_old_pathology(fragment_facts: Callable[[str], ClinicalFacts], text: str,
                                   expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)
