"""A study, reader or tool that flagged, suggested or hinted at a diagnosis offers it, not makes it: suspected.

Class: "MRI suggests a low-grade glioma" and "raised the possibility of" read as suspected; the past tense and the
other report verbs did not: "the outside CT flagged a parietal metastasis", "the ED CT suggested a meningioma",
"her MRI hinted at a low-grade glioma", "the AI triage tool flagged an intracranial hemorrhage", "imaging had
suggested lymphoma" read the disease present. "flagged" was taken by the newborn screen's verdict cue and
"suggested" by the treatment-recommended cue (both for other kinds of target), which crowded out the reader's verb.

Rule (pipeline/nlp/resources/context.yaml): poss.raised_by_reader now holds "suggested" and "hinted at" (and a
tool, software, algorithm, AI or CAD as subject) beside "flagged"; poss.screen_positive_after is quiet outside a
screen's sentence; "suggested" after a treatment is hyp.treatment_suggested_after, quiet after a study, reader or tool
named as the subject; the bare "suggested" literal of poss.evaluate_for (never reached) is gone.

Near misses keep their reading: a diagnosis confirmed that the CT had flagged (the verb after the disease), a tumour
seen on the MRI, a person who suggested a repeat scan, a nurse who flagged a chart, a study that flagged no
hemorrhage (negated), a suggestion since resected or confirmed later, a treatment suggested (hypothetical), a
known tumour flagged for the board.

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite.
Rows whose id starts with "near" must keep their reading exactly.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
U, H, NEG, NONE = {"uncertain"}, {"hypothetical"}, {"negated"}, set()
READER = "poss.raised_by_reader"

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    ("referring CT flagged a metastasis", "The referring hospital's CT flagged a left occipital metastasis.",
     "BRAIN_METASTASIS", "metastasis", U, READER),
    ("urgent care CT suggested a meningioma", "The urgent care CT suggested a parasagittal meningioma.",
     "BRAIN_TUMOR", "meningioma", U, READER),
    ("his MRI hinted at an astrocytoma", "His MRI hinted at a diffuse astrocytoma in the left insula.",
     "GLIOMA", "diffuse astrocytoma", U, READER),
    ("stroke software flagged a hemorrhage", "The AI stroke software flagged a small intracranial hemorrhage.",
     "NONTUMOR_DX", "hemorrhage", U, READER),
    ("imaging had suggested lymphoma", "Imaging had suggested primary CNS lymphoma before steroids were started.",
     "CNS_LYMPHOMA", "primary CNS lymphoma", U, READER),
    ("prior MRI suggested an abscess", "The prior MRI suggested a cerebellar abscess.", "BRAIN_INFECTION",
     "cerebellar abscess", U, READER),
    ("overnight radiologist flagged lymphoma", "The overnight radiologist flagged a periventricular lymphoma.",
     "CNS_LYMPHOMA", "lymphoma", U, READER),
    ("outside MRI had hinted at demyelination", "Her outside MRI had hinted at demyelination.", "DEMYELINATION",
     "demyelination", U, READER),
    ("first scan suggested toxoplasmosis", "The first scan suggested toxoplasmosis.", "BRAIN_INFECTION",
     "toxoplasmosis", U, READER),
    ("neuroradiologist suggested an oligodendroglioma", "Our neuroradiologist suggested an oligodendroglioma.",
     "GLIOMA", "oligodendroglioma", U, READER),
    ("the CT hints at a glioblastoma", "The CT hints at a glioblastoma in the right temporal lobe.", "GLIOMA",
     "glioblastoma", U, READER),
    ("triage algorithm flagged a glioma", "The triage algorithm flagged a frontal glioma.",
     "GLIOMA", "glioma", U, READER),
    ("radiology suggested metastases", "Radiology suggested cerebellar metastases.", "BRAIN_METASTASIS",
     "metastases", U, READER),
    # near misses: the reading must not change
    ("near: confirmed what the CT had flagged", "Stereotactic biopsy confirmed the lymphoma the MRI had flagged.",
     "CNS_LYMPHOMA", "lymphoma", NONE, None),
    ("near: seen on the MRI", "A 3 cm glioblastoma was seen on the outside CT.", "GLIOMA", "glioblastoma", NONE,
     None),
    ("near: a person suggested a repeat scan", "The oncologist suggested we repeat the MRI; known oligodendroglioma.",
     "GLIOMA", "oligodendroglioma", NONE, None),
    ("near: a nurse flagged the chart", "The nurse flagged the chart for review; history of meningioma.",
     "BRAIN_TUMOR", "meningioma", NONE, None),
    ("near: the CT flagged no hemorrhage", "The outside CT flagged no hemorrhage.", "NONTUMOR_DX", "hemorrhage",
     NEG, None),
    ("near: suggested and since resected", "The 2021 CT suggested a meningioma, since resected.", "BRAIN_TUMOR",
     "meningioma", NONE, None),
    ("near: suggested and later confirmed", "The MRI suggested a glioblastoma, later confirmed at surgery.",
     "GLIOMA", "glioblastoma", NONE, None),
    ("near: suggested; the MRI confirms it", "The first CT suggested an abscess; the MRI confirms it.",
     "BRAIN_INFECTION", "abscess", NONE, None),
    ("near: suggested, and the MRI confirms another", "The outside CT suggested a tumour, and the MRI confirms an "
     "enhancing glioblastoma.", "GLIOMA", "glioblastoma", NONE, None),
    ("near: a treatment suggested", "Tumour board: stereotactic radiosurgery suggested.", "PRIOR_RADIATION",
     "stereotactic radiosurgery", H, None),
    ("near: known tumour flagged for the board", "The report flagged his known glioblastoma for the tumour board.",
     "GLIOMA", "glioblastoma", NONE, None),
    ("near: newborn screen flagged, pending", "MSUD flagged on the newborn screen; amino acids pending.",
     "INBORN_ERROR", "MSUD", U, "poss.screen_positive_after"),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_reader_flagged_suggested(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                                  expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules, mention.modifier_rules
