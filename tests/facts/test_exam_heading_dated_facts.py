"""An examination heading with its date, its visit or a bracketed qualifier ("Exam 10/04 (in clinic):", "Examination
at the 10/04 visit:", "Exam, 10/04/2026 - office:", "Examination [10/04, epilepsy clinic]:"), or an "Exam:" lead-in
after a sentence on the same line ("Returns for review. Exam: ...", also in a quoted email line ">> ..."), followed
by findings, opens a physical examination section (physical_exam_documented present, with the section as evidence).

Rule: sections sec.exam_dated and sec.exam_after_sentence (pipeline/nlp/resources/sections.yaml); a dated heading or a
lead-in whose content names an imaging study is a report title (sec.exam_title_modality).

Near misses that must not change: an MRI report's "Exam date:", "Exam: MRI ..." and a modality's dated exam line, a
dated heading that only points to a note the packet lacks (documentation.pointer_availability) or defers, a planned
exam, and a dated heading followed by an imaging study.

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HPI = "HPI: 52M with a left temporal lesion seen on CT after two episodes of word-finding difficulty.\n"
MRI = ("MRI BRAIN WITH AND WITHOUT CONTRAST\n")

ROWS: dict[str, tuple[str, FactStatus]] = {
    # a dated or qualified examination heading with findings
    "dated-parenthesised-setting": (HPI + "Exam 10/04 (in clinic): drowsy but rousable, mild right facial droop, "
                                    "sways on Romberg.", P),
    "dated-parenthesised-year": (HPI + "Examination 3/22/2026 (face to face): attentive, slight expressive "
                                 "aphasia, power 4/5 right hand.", P),
    "at-the-dated-visit": (HPI + "Exam at the 10/04 visit: oriented to person and place, right upper quadrant "
                           "field cut, tone normal.", P),
    "on-dated-clinic-visit": (HPI + "Examination on 2/11 clinic visit: fluent, repeats well, finger-nose accurate "
                              "bilaterally.", P),
    "comma-date-dash-office": (HPI + "Exam, 10/04/2026 - office: awake; follows two-step commands; fundi "
                               "unremarkable.", P),
    "bracketed-date-and-clinic": (HPI + "Examination [10/04, epilepsy clinic]: slight ataxia on heel-shin, "
                                  "plantars flexor.", P),
    "bracketed-setting-only": (HPI + "Exam [bedside, second visit]: eyes open to voice, localises pain with the left "
                               "arm.", P),
    "neuro-exam-dated-video": (HPI + "Neuro exam 11/30 (video): speaks in full sentences, no facial asymmetry, "
                               "arms held up without drift.", P),
    "caps-dated-heading": (HPI + "EXAM 05/19/26 (in person): alert, gait narrow-based, reflexes 2+ and symmetric.", P),
    # an "Exam:" lead-in after a sentence on its line
    "after-sentence": (HPI + "Returns today with her husband. Exam: awake and appropriate, pupils reactive, strength "
                       "full throughout.", P),
    "after-two-sentences": (HPI + "Seen in the clinic this morning. No new seizures. Examination: oriented x3, "
                            "visual fields full, no drift.", P),
    "after-sentence-quoted-email": (HPI + ">> Reviewed him at the bedside today. Exam: sleepy, follows commands, "
                                    "left pronator drift.", P),
    "after-sentence-neuro-exam": (HPI + "Follow-up after the second seizure. Neuro exam: conversant, cranial nerves "
                                  "intact, tandem gait unsteady.", P),
    # near misses: no physical examination, as before
    "near-mri-exam-date": (MRI + "Exam date: 10/05/2026\nFindings: a 2 cm enhancing left temporal mass.\n", N),
    "near-exam-mri-title": (HPI + "Exam: MRI brain, with and without gadolinium\nFindings: ring-enhancing mass.\n", N),
    "near-modality-exam-dated": (HPI + "MRI exam 10/05 (1.5T): single enhancing lesion, left temporal lobe.", N),
    "near-dated-exam-pointer-not-enclosed": (HPI + "Exam 10/04: see the epilepsy note (not enclosed).", N),
    "near-dated-exam-per-outside-unavailable": (HPI + "Examination 3/22/2026 (outside clinic): refer to the outside "
                                                "neurologist's note, not available.", N),
    "near-exam-deferred-video": (HPI + "Exam deferred - telephone visit.", N),
    "near-dated-exam-deferred": (HPI + "Exam 10/04 (video): deferred, connection lost.", N),
    "near-dated-exam-names-mri": (HPI + "Exam 10/05: MRI brain with and without contrast\nFindings: enhancing mass.\n",
                                  N),
    "near-sentence-then-exam-mri": (HPI + "Imaging was reviewed. Exam: MRI brain w/wo contrast\nFindings: a single "
                                    "mass.\n", N),
    "near-exam-planned-dated": (HPI + "Will repeat the exam 10/20 at the next visit.", N),
    "near-ct-exam-bracketed": (HPI + "CT exam [10/03, outside hospital]: hypodense left temporal lesion.", N),
}


@pytest.mark.parametrize(("text", "status"), ROWS.values(), ids=ROWS.keys())
def test_exam_heading_dated(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["physical_exam_documented"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.attributes.get('cue')) for e in fact.evidence]}")
    if status is P:
        assert fact.note == "physical examination section present", fact.note
