"""A tumour named only by imaging reads, and restatements of them, is suspected, not known.

Class: the annotation guidelines read a brain tumour named only by an imaging read ("characteristic of", "typical
of", "classic features of", "most consistent with") as a SUSPECTED tumour (`known_brain_tumor` suspected) unless
tissue, tumour treatment or a sentence stating it as established stands behind it. `known_brain_tumor` came out
present when (1) the definite read stood in a sentence that calls a SYSTEMIC cancer known ("characteristic of a
solitary metastasis in this patient with known lung adenocarcinoma": the lung cancer is known, the brain metastasis
is not), or named the tumour with a read word the cue did not hold ("the classic features of a meningioma",
"pathognomonic of"), or (2) the read's tumour was then repeated in a problem list, an impression list or the
request's reason with nothing that establishes it ("1. Left convexity meningioma, incidental.", "f/u meningioma",
"Reason: meningioma, ? growth").

Rule (facts/derive/tumor.py `_imaging_only`; cues tumor.imaging_read, tumor.established,
tumor.established_elsewhere): every affirmed neoplasm mention is either an imaging read's or a restatement of the
same kind of tumour that an imaging read names, in a sentence with no established wording about the brain tumour
(a "known"/"history of" that a systemic cancer follows is masked), and no tumour treatment is documented: the tumour
is suspected.

Near misses (stay present): resection with a WHO grade, treated metastases, biopsy-proven tumours, a diagnosis made
years ago and followed, a pathology report beside a D32.0 code, and a plain tumour with no imaging read at all.

Limits: a restatement must name the same kind of tumour (GLIOMA, BRAIN_METASTASIS, BRAIN_TUMOR ...) as a read; a
different tumour named plainly elsewhere keeps the packet's reading. A systemic cancer is recognised by the words of
tumor.established_elsewhere after "known"/"history of" (a rarer primary named otherwise still reads as established).
Other facts (brain_neoplasm, brain_lesion) keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S = FactStatus.PRESENT, FactStatus.SUSPECTED
KNOWN = "known_brain_tumor"

CASES: dict[str, tuple[str, FactStatus]] = {
    # 1. a definite read that names the tumour
    "read beside a known systemic cancer": (
        "MRI brain with contrast: single 14 mm ring-enhancing lesion at the grey-white junction of the right "
        "parietal lobe. The appearance is characteristic of a solitary metastasis in this woman with known "
        "breast carcinoma.\n", S),
    "read beside a history of melanoma": (
        "CT head: 9 mm hyperdense enhancing left occipital lesion with surrounding oedema, typical of a "
        "metastasis given her history of melanoma.\n", S),
    "classic features": (
        "MRI brain: extra-axial dural-based mass along the left tentorium with a dural tail. These are the "
        "classic features of a meningioma.\n", S),
    "classic imaging appearance": (
        "Impression: enhancing mass in the right cerebellopontine angle extending into the internal auditory "
        "canal, the classic imaging appearance of a vestibular schwannoma.\n", S),
    "pathognomonic": (
        "MRI: homogeneously enhancing extra-axial mass with CSF cleft; findings pathognomonic of meningioma.\n", S),
    "typical appearance": (
        "MRI IAC: 7 mm enhancing intracanalicular lesion, typical appearance of a vestibular schwannoma.\n", S),
    # 2. the read's tumour restated in a list or a reason
    "restated in a numbered impression": (
        "MRI brain: 2.1 cm dural-based enhancing mass over the left frontal convexity, characteristic of a "
        "meningioma.\nImpression:\n1. Left frontal convexity meningioma, incidental.\n2. No hydrocephalus.\n", S),
    "restated as the request reason": (
        "Reason: meningioma, ? growth\nPrior MRI 03/2025: right parasagittal extra-axial mass, typical of "
        "meningioma.\n", S),
    "restated as follow-up shorthand": (
        "Plan: f/u meningioma with MRI and MRS.\nMRI: falcine extra-axial mass with broad dural base, imaging "
        "features characteristic of meningioma.\n", S),
    "restated in a problem list": (
        "Problem list:\n- Right frontal metastasis\n- Hypertension\nMRI brain: solitary ring-enhancing right "
        "frontal lesion, characteristic of a metastasis in this patient with known renal cell carcinoma.\n", S),
    "restated as an indication": (
        "Indication: follow-up of left sphenoid wing meningioma.\nMRI 01/2026: extra-axial enhancing mass along "
        "the left sphenoid wing with a dural tail, diagnostic of meningioma.\n", S),
    "a generic tumour restating the read": (
        "MRI: left cerebellopontine angle mass entering the internal auditory canal, typical of a vestibular "
        "schwannoma.\nA/P: brain tumor, audiology referral.\n", S),
    "restated in the assessment": (
        "MRI: right CPA enhancing mass widening the porus acusticus, characteristic of vestibular schwannoma.\n"
        "Assessment: right vestibular schwannoma, hearing loss.\n", S),
    # near misses: something establishes the tumour
    "near resected with a WHO grade": (
        "Meningioma resected 2019, WHO grade 1.\nMRI: nodular dural enhancement at the resection margin, "
        "typical of meningioma.\n", P),
    "near treated metastases": (
        "Known brain metastases s/p SRS 2025.\nMRI: new 5 mm enhancing left cerebellar focus, characteristic "
        "of a metastasis.\n", P),
    "near biopsy-proven": (
        "Biopsy-proven glioblastoma of the left temporal lobe.\nMRI: enhancing rim with central necrosis, "
        "classic features of glioblastoma.\n", P),
    "near diagnosed years ago and followed": (
        "She was diagnosed with a vestibular schwannoma in 2015, on surveillance with yearly MRI since.\nMRI: "
        "the left intracanalicular lesion has the typical appearance of a vestibular schwannoma.\n", P),
    "near code with a pathology report": (
        "Dx: D32.0 meningioma.\nPathology report 2022: meningothelial meningioma, WHO grade 1.\nMRI: "
        "extra-axial mass at the resection bed, characteristic of meningioma.\n", P),
    "near a known primary with treated brain metastases": (
        "Known NSCLC with brain metastases treated with SRS 2024.\nMRI: new 6 mm enhancing right frontal "
        "focus, typical of a metastasis.\n", P),
    "near known brain metastases from a named primary": (
        "Known brain metastases from lung adenocarcinoma.\nMRI: new left occipital lesion, characteristic of "
        "another metastasis.\n", P),
    "near a different tumour stated plainly": (
        "Problem list: right vestibular schwannoma.\nMRI: incidental left frontal extra-axial mass, typical "
        "of meningioma.\n", P),
    "near plain tumour, no read": (
        "Assessment: left parietal glioblastoma, s/p subtotal resection 2024.\nPlan: MRS.\n", P),
    "near imaging read of a different tumour, another plainly treated": (
        "Glioblastoma of the right frontal lobe treated with chemoradiation 2024.\nMRI: incidental left "
        "convexity extra-axial mass, typical of meningioma.\n", P),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_known_tumour_only_from_imaging(fragment_facts, text: str,  # type: ignore[no-untyped-def]
                                        expected: FactStatus) -> None:
    check_facts(fragment_facts(text), {KNOWN: expected})
