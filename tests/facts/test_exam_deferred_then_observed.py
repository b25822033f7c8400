"""An examination section that says the examination was not done and goes on, on the same line, with what could be
seen or heard on a remote visit documents no examination (physical_exam_documented stays not documented).

Class: an examination section whose first sentence (or the qualifier in its header's parentheses) says the
examination was not done - a video, telephone or chart-review visit - and whose line goes on with observations
("Exam: not performed (video visit). Seemed at ease, speech fluent.", "PHYSICAL EXAM: Not done - telehealth.
Looked well, conversing normally.", "Examination: none, phone call; voice clear, answers appropriately.") was kept
by the section reader (facts/derive/documentation.py `_content_sections`) because a first-hand clause matched the
findings cue (exam.findings), while the prose reader already refused such a line.

Rule: one test of "the examination is deferred on this line" (`_deferral_on_line`), shared by the section and the
prose readers: the line says the examination was not done (documentation.deferred with the remote-visit words
masked, documentation.remote_visit, or a bare "none"/"unable" answer after the label, documentation.not_done_answer),
the words before that deferral are a short lead (DEFERRAL_LEAD_MAX_WORDS) that names no part of the examination
(documentation.exam_part: "Fundi not examined", "Gait not assessed") and gives no finding (exam.findings), and
(prose only) the line names the examination (documentation.exam_named). In a section whose first sentence or
header qualifier defers the examination, and in prose where the packet says the examination was not done, a
findings clause on such a line counts only when it opens the note's own examination (documentation.exam_firsthand:
"on examination", "on my exam", "exam today"); findings on later lines keep their reading.

Near misses (keep their reading, present): a first-hand opener after the deferral on the same line ("Exam: limited
(video visit). On examination today: ..."); findings on the lines after the deferral ("Exam: deferred to
neurology.\nNeuro: CN II-XII intact, ..."); a part of the examination not done ("fundi not performed (no
dilation)", "Fundoscopy not done. Awake, pupils equal"); findings before a deferral of a part ("A&O x3, speech
fluent; video visit so gait not tested"); a video examination with its findings, where only the visit type is
named ("Exam (video visit): ...", "Exam: video visit. ..."); an examination with no deferral ("PE: general: NAD.
Neuro: nonfocal."). Rows that stay not documented: "Exam: deferred." and findings told secondhand after the
deferral.

Limits: a deferral line wrapped onto the next line leaves the findings on the wrapped line counted ("Exam: not done
- video visit. Appears well,\nspeech fluent."); a lead longer than the cap ("Because the visit was held by video
the exam was not performed. Speech fluent") is no deferral of the line; a deferral told only by its visit type
("Exam: telephone visit. Oriented x3.") keeps the findings (a video or phone examination may be one).

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HPI = "HPI: 58F with a left parietal lesion found after three weeks of right-hand clumsiness.\n"

ROWS: dict[str, tuple[str, FactStatus]] = {
    # the examination deferred, the remote visit's observations on the same line
    "not-performed-video-fluent": (HPI + "Exam: not performed (video visit). Sat comfortably at her kitchen table, "
                                   "speech fluent, naming intact.\n", N),
    "pe-not-done-telehealth": (HPI + "PHYSICAL EXAM: Not done - telehealth. Looked well, conversing easily, oriented "
                               "to person and place.\n", N),
    "examination-none-phone": (HPI + "Examination: none, phone call; voice clear, oriented to self and year, answers "
                               "appropriately.\n", N),
    "deferred-virtual-follows": (HPI + "Physical examination: deferred, virtual visit. Smiling, follows commands on "
                                 "screen.\n", N),
    "neuro-no-exam-audio": (HPI + "Neuro exam: no exam - audio only. Speech is fluent without paraphasias.\n", N),
    "header-qualifier-not-performed": (HPI + "Exam (not performed - video visit): seemed at ease, speech "
                                       "fluent, no facial asymmetry seen.\n", N),
    "chart-review-only": (HPI + "EXAM: not done, chart review only. Moves all extremities in the ward's video "
                          "clip.\n", N),
    "none-today-evisit": (HPI + "Exam: None today - e-visit. Oriented x3, speech fluent.\n", N),
    "lower-dictated-phone": (HPI + "exam: not done, phone encounter. oriented x3, speech fluent per my "
                             "conversation.\n", N),
    "pe-unable-telemed": (HPI + "PE: unable - telemedicine. Alert and oriented, gaze preference absent on the "
                          "camera.\n", N),
    "prose-telehealth-not-performed": (HPI + "Telehealth visit; exam not performed. Oriented to self and place, "
                                       "speech fluent.\n", N),
    # must stay not documented
    "stay-exam-deferred": (HPI + "Exam: deferred.\n", N),
    "stay-secondhand-balance": (HPI + "Exam: not performed - telephone visit; patient reports her balance is "
                                "better\n", N),
    # near misses: keep present
    "near-limited-on-exam-today": (HPI + "Exam: limited (video visit). On examination today: awake, face symmetric, "
                                   "no pronator drift, finger-nose intact.\n", P),
    "near-deferred-findings-next-line": (HPI + "Exam: deferred to neurology.\nNeuro: CN II-XII intact, strength 5/5 "
                                         "throughout, reflexes 2+.\n", P),
    "near-part-not-performed": (HPI + "Exam: alert, oriented; fundi not performed (no dilation).\n", P),
    "near-part-first-sentence": (HPI + "Exam: Fundoscopy not done. Awake, pupils equal, power 5/5 throughout.\n", P),
    "near-findings-before-part": (HPI + "Exam: A&O x3, speech fluent; video visit so gait not tested.\n", P),
    "near-no-deferral": (HPI + "PE: general: NAD. Neuro: nonfocal.\n", P),
    "near-video-exam-qualifier": (HPI + "Exam (video visit): alert, speech fluent, face symmetric, no pronator "
                                  "drift.\n", P),
    "near-deferred-then-my-exam": (HPI + "Exam: full exam not done (video). On my exam: speech fluent, no facial "
                                   "droop.\n", P),
    "near-visit-type-only": (HPI + "Exam: video visit. Alert, speech fluent, no facial droop, moves all "
                             "extremities.\n", P),
    "near-findings-on-next-line": (HPI + "Physical exam: deferred (video visit).\nAwake, oriented x3, follows "
                                   "commands.\n", P),
}


@pytest.mark.parametrize("text,expected", list(ROWS.values()), ids=list(ROWS))
def test_exam_deferred_then_observed(fragment_facts: Any, text: str, expected: FactStatus) -> None:
    fact = fragment_facts(text).facts["physical_exam_documented"]
    assert fact.status is expected, (fact.note, [e.sentence for e in fact.evidence])
