"""A clinician's own examination written in a layout other than an "Exam:" or "Physical Examination" section
documents the examination (physical_exam_documented present): a dated exam line inside a note ("Exam 3/14: BP
126/80. Awake, ..."), a dictated run-on ("exam today blood pressure ... comma she is awake"), system-by-system lines
("Mental status - NAD. Motor - NAD."), a consultant's examination in a multidisciplinary note ("Neurology (Dr.
Okafor): awake, follows one-step commands, clonus ..."), "On my examination ...", "Examined at bedside: ..." and a
"Skin exam:" in a dermatology note (a physical examination, as the guidelines define the fact).

Rule: facts cue exam.findings (pipeline/facts/resources/cues.yaml) reads these layouts: an examination word opening
its sentence with a date or today's setting and not naming an imaging study, "on my/our examination", "examined at
the bedside / in clinic", a neurological system's label with a dash or colon and its finding, and the findings such
examinations give (commands followed, tone, clonus, hyperreflexia, upgoing toes, gaze preference, orientation,
fluent speech, naming); documentation.exam_firsthand takes "on my examination"; section sec.exam_qualified
(pipeline/nlp/resources/sections.yaml) takes "Skin exam:". A stop inside a number ("T 36.8") no longer ends the
sentence the prose is read in (facts/derive/documentation.py _SENTENCE), so an exam line that opens on a
temperature is read whole.

Near misses (stay not documented): "Exam deferred (telehealth)", "no exam today", "exam per PCP note (not
available)", "will examine at next visit", the patient's or family's own report ("she says her balance is fine",
"her mother says she no longer follows commands"), a radiology "Exam: MRI BRAIN" line and a dated exam line that
names an imaging study ("Exam 11/04: MRI brain ..."), a consultant's line that only recommends, a bedside
examination still to come, a dictated deferral and a deferred skin exam.

Limits: a bare attestation with no setting ("Patient seen and examined.") is not read as an examination; a
system's label followed only by free words that are no finding ("Motor: walked at 12 months") is not one either;
vital signs alone in prose ("BP 150/90") do not document an examination.

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HPI = "HPI: 58F with a left frontal mass found after a first seizure in October.\n"

ROWS: dict[str, tuple[str, FactStatus]] = {
    # the clinician's own examination in other layouts
    "dated-exam-line": (HPI + "Exam 3/14: BP 126/80, HR 72. Awake, conversant, moves all 4 extremities, gait nl.", P),
    "dated-examination-dash": (HPI + "Examination 02/09/2026 - afebrile. Sleepy but rousable, answers in short "
                               "phrases, weak left grip.", P),
    "dated-exam-on-line": (HPI + "Exam on 10/30 - T 36.8. Well appearing, walks on heels and toes without "
                           "difficulty.", P),
    "dictated-exam-today": (HPI + "exam today blood pressure one thirty two over seventy eight comma she is awake "
                            "comma oriented to self and city only period", P),
    "dictated-examination-this-morning": (HPI + "examination this morning he is lying in bed comma eyes open to "
                                          "voice comma squeezes my hand on the right but not the left period", P),
    "system-lines-nad-one-line": (HPI + "Mental status - NAD. Motor - NAD. Sensory - NAD. Coordination - NAD.", P),
    "system-lines-own-lines": (HPI + "Language - WNL\nStrength - 4+/5 left deltoid\nCerebellar - NAD", P),
    "consultant-neurology-named": (HPI + "Team conference 11/12\nNeurology (Dr. Okafor): awake, follows one-step "
                                   "commands, spastic right leg, clonus at the right ankle, upgoing toe on the right.",
                                   P),
    "consultant-neurosurgery-initials": (HPI + "Neurosurgery (A.P., PA-C): conversant, hyperreflexia on the left, "
                                         "increased tone in the left arm.", P),
    "on-my-examination": (HPI + "On my examination the patient is drowsy, speech slurred, left arm weaker than "
                          "right.", P),
    "on-our-exam-today": (HPI + "On our exam today she was sleepy but answered questions, with a right gaze "
                          "preference.", P),
    "examined-at-bedside-header": (HPI + "Examined at bedside: drowsy, turns to voice, withdraws all limbs.", P),
    "examined-in-clinic-sentence": (HPI + "I examined her in clinic with her husband present; slow to respond, "
                                    "left-sided neglect.", P),
    "neuro-caps-abbreviations": (HPI + "NEURO: AOx3, PERRLA, no pronator drift.", P),
    "skin-exam-dermatology": (HPI + "Dermatology clinic 11/05\nSkin exam: seven cafe-au-lait macules over 1.5 cm, "
                              "axillary freckling, two cutaneous neurofibromas.", P),
    # near misses: no examination of the note
    "near-exam-deferred-telehealth": (HPI + "Exam deferred (telehealth).", N),
    "near-no-exam-today": (HPI + "No exam today - she joined by phone from work.", N),
    "near-exam-per-pcp-unavailable": (HPI + "Exam per PCP note (not available).", N),
    "near-will-examine-next-visit": (HPI + "Will examine at next visit.", N),
    "near-patient-says-balance-fine": (HPI + "She says her balance is fine and her speech is fluent again.", N),
    "near-mother-says-commands": (HPI + "Her mother says she no longer follows commands at home.", N),
    "near-radiology-exam-line": (HPI + "Exam: MRI BRAIN WITHOUT CONTRAST\nFindings: 2 cm enhancing left frontal "
                                 "mass.", N),
    "near-dated-exam-is-imaging": (HPI + "Exam 11/04: MRI brain w/wo contrast, 3T.", N),
    "near-dated-examination-ct": (HPI + "Examination 10/30/2026 - CT head without contrast.", N),
    "near-consultant-recommends": (HPI + "Neurology (Dr. Okafor): recommends MR spectroscopy before any biopsy.", N),
    "near-bedside-exam-to-come": (HPI + "She will be examined at the bedside by neurosurgery tomorrow.", N),
    "near-dictated-deferral": (HPI + "exam today deferred comma video visit period", N),
    "near-skin-exam-deferred": (HPI + "Skin exam: deferred (video visit).", N),
}


@pytest.mark.parametrize(("text", "status"), ROWS.values(), ids=ROWS.keys())
def test_exam_in_other_layouts(fragment_facts: Any, text: str, status: FactStatus) -> None:
    fact = fragment_facts(text).facts["physical_exam_documented"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.attributes.get('cue')) for e in fact.evidence]}")
