"""Nothing given since the prior imaging: a statement that no treatment was added after the latest study makes
treatment_since_imaging absent ("nothing has been added to his treatment since that scan", "no new therapy since the
MRI", "neither temozolomide nor bevacizumab has been given since the spectroscopy", "treatment unchanged since").

Rules: neg.nothing_given and neg.neither (pipeline/nlp/resources/context.yaml), the tx.none phrases
(pipeline/nlp/resources/targets.yaml), cue course.since_then (pipeline/facts/resources/cues.yaml). Rows are freshly
written; near misses (a treatment really given since the study) stay present.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

STUDY = "MRI brain 09/14/2026: enhancing left temporal lesion, indeterminate.\n"

CASES = [
    ("nothing added since that scan", STUDY + "Nothing has been added to her treatment since that scan.\n", A),
    ("nothing new was started after the MRI", STUDY + "Nothing new was started after the MRI.\n", A),
    ("no new therapy since the MRI", STUDY + "No new therapy since the MRI.\n", A),
    ("no further treatment following that MRI", STUDY + "No further treatment following that MRI.\n", A),
    ("neither ... nor ... since the spectroscopy",
     STUDY + "MRS 09/20/2026 equivocal. Neither temozolomide nor bevacizumab has been given since the "
     "spectroscopy.\n", A),
    ("bare trailing since after the study sentence", STUDY + "Treatment unchanged since.\n", A),
    ("therapy remains unchanged since then", STUDY + "Therapy remains unchanged since then.\n", A),
    ("terse fax: no treatment changes since MRI", STUDY + "Interval hx: no treatment changes since MRI.\n", A),
    ("near miss: dexamethasone added since the MRI", STUDY + "Dexamethasone was added since the MRI.\n", P),
    ("near miss: nothing changed except a new drug",
     STUDY + "Since the MRI nothing has changed except that levetiracetam was started.\n", P),
    ("near miss: no new therapy, but steroids later in the note",
     STUDY + "No new therapy since the MRI. Dexamethasone 4 mg was started after the scan for edema.\n", P),
    ("near miss: nothing found, a drug started after the scan",
     STUDY + "Nothing was found on the EEG. Temozolomide was started after the MRI.\n", P),
    ("near miss: a bare since without a study before it",
     "Seizures well controlled.\nTreatment unchanged since.\n", N),
]


@pytest.mark.parametrize(("case", "text", "status"), CASES, ids=[c[0] for c in CASES])
def test_treatment_since_imaging(analyze, case, text, status):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {"treatment_since_imaging": status})
