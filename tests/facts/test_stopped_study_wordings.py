"""The many ways to say a study was stopped before it was finished and is being asked for again (technical_repeat).

A study the patient could not get through is told in many word orders ("incomplete exam", "exam incomplete", "MRI
11/02 incomplete"), with many verbs (aborted, abandoned, discontinued, halted, terminated, stopped, ended: the study,
exam, scan or attempt named with the verb, target rule img.technical_tolerance), by what was missed ("spectroscopy
never acquired", "MRS not obtained", "not performed", "not completed"), and the new request in many ways
("resubmitting", "new request for the same study", "authorize again", "second attempt", "repeat authorization",
"rescheduled": cue request.asked_again). Near misses that must not change: a sequence left out of a completed study,
an aborted seizure or migraine, a study stopped for a contrast reaction and not repeated, a study only rescheduled
for the patient's convenience, a follow-up repeat to monitor.

Cues: pipeline/nlp/resources/targets.yaml (img.technical_tolerance), pipeline/facts/resources/cues.yaml
(request.asked_again). Rows are freshly written.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED

ASK = "MR spectroscopy requested for the right frontal lesion.\n"

ROWS = [
    # --- word order of "incomplete"
    ("MRI dated incomplete, terminated early; never acquired; resubmitting",
     "MRI 11/02/2026 incomplete - terminated early for a panic attack; spectroscopy never acquired. "
     "Resubmitting.\n", P),
    ("incomplete study, consent withdrawn, not performed, repeat requested",
     "Incomplete study 11/01/2026 - the patient withdrew consent mid-scan; spectroscopy not performed; repeat "
     "requested.\n", P),
    ("exam incomplete, MRS not completed, second attempt",
     "Exam of 11/04/2026 incomplete (the child woke during the localisers); MRS not completed. Second attempt under "
     "general anaesthesia.\n", P),
    # --- the verbs
    ("halted for claustrophobia, MRS not obtained, authorize again",
     "The MRI with MRS on 11/03/2026 was halted because of claustrophobia; MRS not obtained. Please authorize "
     "again on the wide-bore unit.\n", P),
    ("prior attempt abandoned, new request for the same study",
     "The prior attempt at MRI with MRS on 11/04/2026 was abandoned after five minutes (anxiety); new request for the same study "
     "under sedation.\n", P),
    ("exam discontinued for vomiting, rescheduled",
     "MRI brain with spectroscopy 11/05/2026: exam discontinued (vomiting under sedation), rescheduled.\n", P),
    ("scan stopped for agitation, repeat authorization",
     "Scan stopped on 11/06/2026 when the patient became agitated; spectroscopy not obtained. Repeat "
     "authorization requested for MRI with MRS.\n", P),
    ("study ended after the survey, resubmitted",
     "The study ended after the survey images (severe back pain, could not lie flat); MR spectroscopy was not "
     "performed. Resubmitted with analgesia.\n", P),
    ("MRI discontinued midway, resubmitting for the open bore",
     "MRI brain with spectroscopy 11/04/2026 was discontinued midway due to claustrophobia; resubmitting for an "
     "open-bore unit.\n", P),
    ("aborted MRI, resubmitting under oral sedation",
     "Aborted MRI 11/02/2026 (claustrophobia) - MRS not performed. Resubmitting under oral sedation.\n", P),
    ("examination terminated by the patient, authorization again",
     "Examination 11/02/2026 terminated at the patient's request before the spectroscopy. Requesting "
     "authorization again for MRI with MRS.\n", P),
    ("the scan was halted, MRS re-authorization",
     "Her scan on 11/03/2026 was halted after 4 minutes for a panic attack. MRI with MRS re-authorization "
     "requested.\n", P),
    # --- what was missed
    ("spectra never obtained, exam stopped, new request",
     "Spectroscopy was never obtained because the exam was stopped for patient distress. New request for the same "
     "study with anxiolysis.\n", P),
    ("MRS portion not completed, resubmission",
     "MRI 11/01/2026: the MRS portion was not completed as the patient could not tolerate the bore. Resubmission "
     "for MRI with MRS under sedation.\n", P),
    ("spectroscopy was not performed, study abandoned, second attempt",
     "Study abandoned on 11/02/2026 (claustrophobia) and spectroscopy was not performed. This is a second "
     "attempt; MR spectroscopy requested.\n", P),
    ("terminated, MRS not done, authorise again (British)",
     "Scan terminated 11/03/2026 (patient unwell), MRS not done. Kindly authorise again for the MRI with "
     "spectroscopy.\n", P),
    # --- near misses
    ("near miss: spectroscopy not done because it was never ordered",
     ASK + "MRI brain 10/12/2026, 3T. (Spectroscopy not performed - not ordered.) Indeterminate lesion.\n", N),
    ("near miss: MRS not obtained as it was not authorized",
     ASK + "MRI 10/12/2026 completed; MRS not obtained, as it was not authorized at the time.\n", N),
    ("near miss: a sequence left out of a completed study",
     ASK + "MRI 10/30/2026 with MRS: perfusion not obtained; spectroscopy over the nodule shows raised choline.\n", N),
    ("near miss: DWI not performed, remainder diagnostic",
     ASK + "MRI 10/30/2026: DWI not performed; the remainder of the study is diagnostic.\n", N),
    ("near miss: an aborted seizure",
     "Seizure on 11/02/2026 aborted with buccal midazolam. MR spectroscopy requested for the right frontal "
     "lesion.\n", N),
    ("near miss: an aborted migraine",
     "Migraines aborted with sumatriptan. MRI with MR spectroscopy requested.\n", N),
    ("near miss: stopped for a contrast reaction, not repeated",
     "MRI 11/02/2026 was discontinued after a reaction to gadolinium; spectroscopy not obtained. " + ASK, N),
    ("near miss: halted for a contrast reaction, no repeat",
     "The MRI on 11/01/2026 was halted for urticaria after gadolinium and will not be repeated. " + ASK, N),
    ("near miss: rescheduled for the patient's convenience",
     "MRI with spectroscopy rescheduled from 11/10 to 11/17 for the patient's convenience.\n", N),
    ("near miss: rescheduled for work, not yet done",
     "MRS appointment rescheduled to 11/24 at the patient's request (work commitments).\n", N),
    ("near miss: follow-up repeat to monitor",
     "MRI 10/01/2026 completed without difficulty. Repeat MRI with spectroscopy in 3 months to monitor the "
     "lesion.\n", N),
    ("near miss: resubmitted paperwork, first study",
     "Request resubmitted with the updated clinical notes. " + ASK, N),
    ("near miss: the treatment discontinued, study asked for",
     "Temozolomide discontinued on 11/01/2026 for thrombocytopenia. " + ASK, N),
    ("near miss: the trial ended, study asked for",
     "The trial ended early for futility. MRI with MRS requested for the right frontal lesion.\n", N),
    ("near miss: authorization for a first study",
     "Please authorize MRI with MR spectroscopy; no prior MRS.\n", N),
    ("near miss: radiotherapy stopped, second opinion",
     "Radiotherapy stopped after 20 Gy; second opinion requested. " + ASK, N),
]


@pytest.mark.parametrize(("case", "text", "status"), ROWS, ids=[c[0] for c in ROWS])
def test_a_stopped_study_asked_for_again(analyze, case, text, status):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {"technical_repeat": status})
