"""A stent named again without its date is the stent the packet dates elsewhere.

A request form's row gives the stent's date ("Coronary / vascular stent .... Yes - RCA stent 10/08/2026") and a
later note names it again undated ("RCA stent 10/08.", "s/p coronary stent"). When every dated or aged stent mention
in the packet gives the same answer (all within 6 weeks of the request, or all older), the undated mentions take
it, so an old stent stops reading as "date not documented". Near misses: only undated stents (suspected, as
before); two stents whose dates disagree (the undated one stays suspected); an undated stent called recent
(present).

Rows are freshly written; near misses must not change.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import facts_of

from pipeline.contracts import FactStatus

P, S, A = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT
HEAD = "PRIOR AUTHORIZATION REQUEST\nDate of request: 11/24/2026\nService: MR spectroscopy, brain (76390)\n"

ROWS = [
    ("old stent on the form, undated in the note",
     HEAD + "Coronary stent ........ Yes - LAD drug-eluting stent 09/01/2026\n\nPROGRESS NOTE\n"
     "Devices: LAD stent 9/1. No pacemaker.\n", A),
    ("old stent dated in the history, 's/p stent' later",
     HEAD + "\nHISTORY\nCarotid stent placed 07/15/2026 for symptomatic stenosis.\n\nASSESSMENT\n"
     "s/p carotid stent; on aspirin and clopidogrel.\n", A),
    ("old stent aged, undated elsewhere",
     HEAD + "\nNOTE\nHis coronary stent is about two years old.\nMRI safety: coronary stent, no other devices.\n", A),
    ("recent stent on the form, undated in the note",
     HEAD + "Vascular stent ........ Yes - RCA stent 11/10/2026\n\nNOTE\nDevices: RCA stent. No ICD.\n", P),
    ("near miss: only an undated stent",
     HEAD + "\nNOTE\nMRI safety: coronary stent (date unknown). No pacemaker.\n", S),
    ("near miss: two stents, one recent one old, plus an undated mention",
     HEAD + "\nNOTE\nCarotid stent 06/02/2026. Coronary stent 11/12/2026.\nDevices: stent, no pacemaker.\n", P),
    ("near miss: an undated stent called recent",
     HEAD + "\nNOTE\nCoronary stent placed 08/01/2026.\nA second stent was placed last week in the RCA.\n", P),
]


@pytest.mark.parametrize(("case", "text", "status"), ROWS, ids=[r[0] for r in ROWS])
def test_stent_dated_elsewhere(analyze: Any, case: str, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text).facts["mri_contraindication"]
    assert fact.status is status, [(e.text, e.assertion, e.attributes) for e in fact.evidence]
