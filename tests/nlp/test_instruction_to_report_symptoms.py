"""An instruction to report symptoms is no new or worsening symptom, end to end (text -> NLP -> facts).

"Let the team know about any new symptoms", "Report any worsening headaches to the on-call neurologist", "was told
to tell us of any new deficits", "Please notify us of new weakness": a request of the patient or the family names
what they should watch for, not what they have (hyp.report_instruction, hyp.knows_to_return in
pipeline/nlp/resources/context.yaml); the rest of the text decides. Near misses: a report of a symptom ("She
reports new left arm weakness", "Family reports worsening confusion", "He told us of new word-finding pauses"), a
colon after "let us know" with a symptom told after it, and a denial ("No new symptoms reported").

Rows are freshly written (invented patients).
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
NEW = "new_or_worsening_symptoms"

# id: (text, status of new_or_worsening_symptoms)
CASES: dict[str, tuple[str, FactStatus]] = {
    # ------------------------------------------------ an instruction to report: no symptom
    "let-team-know-before-mri": ("Please let the team know of any new symptoms before the MRI.", N),
    "let-us-know-about": ("Let us know about any new weakness or numbness.", N),
    "report-worsening-to-oncall": ("Report any worsening headache to the on-call neurosurgeon.", N),
    "report-new-deficits-clinic": ("Report new focal deficits to the neuro-oncology clinic promptly.", N),
    "told-to-tell-us-of": ("The patient was told to tell us of any new neurological symptoms.", N),
    "asked-to-inform-us": ("He was asked to inform the team of any new or worsening symptoms.", N),
    "advise-us-should-occur": ("Advise us of worsening gait, should it occur.", N),
    "notify-us-with": ("Please notify us with any new deficits in the interim.", N),
    "notify-office-of": ("Notify the office of new visual disturbance.", N),
    "inform-neurology-if": ("Inform neurology if new seizures or worsening confusion develop.", N),
    "tell-gp-about": ("Tell your GP about any new speech difficulty.", N),
    "instructed-to-report": ("Parents instructed to report increasing drowsiness to the ward nurse.", N),
    "keep-us-informed": ("Kindly keep us informed of any new symptoms while awaiting the scan.", N),
    "alert-team-to": ("Alert the team to any new weakness overnight.", N),
    # ------------------------------------------------ near misses: what the patient has, or a denial
    "near-reports-new-weakness": ("She reports new right leg weakness since Tuesday.", P),
    "near-let-us-know-colon": ("Let us know: the headaches are much worse this week.", P),
    "near-family-reports": ("Family reports worsening confusion over ten days.", P),
    "near-no-new-reported": ("No new symptoms reported.", A),
    "near-told-us-of": ("He told us of new word-finding pauses at work.", P),
    "near-mother-informed-us": ("His mother informed us of new morning vomiting.", P),
    "near-reported-to-team": ("Patient reported new numbness to the team last week.", P),
    "near-instruction-then-symptom": ("Let us know of any new symptoms. Worsening headaches since Friday.", P),
    "near-notified-us-of": ("The school notified us of new staring spells in class.", P),
    "near-call-back-already": ("Call us if any new symptoms develop.", N),
    "near-came-in-to-report": ("She came in to report new left hand clumsiness.", P),
    "near-report-heading": ("Report: new tremor of the right hand noted by parents.", P),
    "near-parents-report": ("Parents report new nocturnal headaches.", P),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_instruction_to_report_symptoms(analyze: Any, text: str, expected: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts[NEW]
    assert fact.status is expected, (fact.status.value, fact.note,
                                     [(e.text, e.assertion, e.modifier_rules) for e in fact.evidence])
