"""A question about a prior study answered "unknown", "unsure", "don't know" or "N/A" is no prior study.

Through the real NLP stage, fact level (prior_mrs and the MRS studies built for it). Class: an intake questionnaire,
a payer form or a letter quoting one asks whether the patient had a prior spectroscopy and answers it with no yes
("Prior spectroscopy? ....... Unknown", "Previous MRS: unsure", "Has the member had MRS before?  N/A", "the intake
form says prior MRS 'unknown'"). Misread: the question's MRS was taken as a prior MRS without a date, which leaves
Cohere's 3-month repeat exclusion unknown ("MRS without a date", tests/criteria/test_policy_reading.py).

Rule: the item's written answer Unknown (form.answer.unknown, pipeline/nlp/resources/forms.yaml: "unknown", "unk",
"unsure", "not sure", "not known", "?", and now "don't know", "do not know", "uncertain", "not certain", "cannot
recall", "unable to recall") leaves its MRS unanswered (form.question.unanswered, HYPOTHETICAL), an answer N/A is
a No (form.question.answered_no); a quoted answer needs no separator after its item (written_answers quotes,
pipeline/nlp/form_state.py: "prior MRS 'unknown'"). No MRS study is built from these lines.

Near misses keep their reading: a prior MRS answered yes with a date ("Prior MRS? Yes - 07/2026 (equivocal)": a
study in July), answered yes with its date unknown (a prior MRS without a date, as today), answered none (denied), a
dated MRS with its read, a sentence that tells an outside MRS of 2025 whose existence is unknown (read as today: a
2025 study), a prior MRS whose result or report is unknown or unavailable (a study), a quoted yes ('prior MRS "yes"
08/2026').

Limits: an answer with its subject ("Prior MRS: patient doesn't know") and a bare "NA" (also sodium) are not read
as Unknown; the answer must follow its item on the same line (or in the question's next line, as the questionnaire
rule reads it). Request date 11/20/2026 (the fixture's tail).
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A = FactStatus.PRESENT, FactStatus.ABSENT

MRI = "MRI brain 10/30/2026: ring-enhancing right frontal lesion, indeterminate.\n"

CASES: dict[str, tuple[str, FactStatus, list[str | None]]] = {
    # ------------------------------------------------ a prior-study question answered with no yes
    "leader-unknown": ("Previous MR spectroscopy? ............ UNKNOWN\n", A, []),
    "colon-unsure": ("Prior spectroscopy: unsure\n", A, []),
    "member-before-na": ("Has the member undergone MRS before?   N/A\n", A, []),
    "quoted-single-intake": ("Intake form lists prior MRS 'unknown'; the oncology letter names no spectroscopy.\n",
                             A, []),
    "quoted-double-questionnaire": ('Parent questionnaire: previous spectroscopy "unknown".\n', A, []),
    "quoted-unsure": ("Referral sheet gives prior MRS 'unsure' and no outside records.\n", A, []),
    "dont-know": ("Prior MR spectroscopy: don't know\n", A, []),
    "do-not-know-dash": ("Earlier spectroscopy - do not know\n", A, []),
    "uncertain": ("Previous MRS: uncertain\n", A, []),
    "cannot-recall": ("Prior MRS? cannot recall\n", A, []),
    "not-certain-leader": ("Prior spectroscopy ...... not certain\n", A, []),
    "has-she-not-sure": ("Has she had spectroscopy in the past? Not sure\n", A, []),
    "any-prior-unk-pipe": ("Any previous MRS: Unk | Prior MRI: yes 10/30/2026\n", A, []),
    "unknown-with-note": ("Prior MRS: Unknown (mother unsure)\n", A, []),
    "date-of-prior-unknown": ("Date of prior MRS: unknown\n", A, []),
    # ------------------------------------------------ near misses: keep their reading
    "near-yes-dated-equivocal": ("Prior MRS? Yes - 07/2026 (equivocal)\n", P, ["2026-07-15"]),
    "near-yes-date-unknown": ("Prior spectroscopy: yes, date unknown\n", P, [None]),
    "near-yes-bracket-date-unknown": ("Previous MRS: yes (date not known)\n", P, [None]),
    "near-none": ("Prior MR spectroscopy: none\n", A, []),
    "near-dated-read": ("MRS 09/03/2026: lactate doublet, choline modestly raised\n", P, ["2026-09-03"]),
    "near-unknown-whether-outside": ("Unknown whether an outside MRS was done in 2025; records requested\n",
                                     P, ["2025-07-01"]),
    "near-result-unknown": ("Prior MRS at the county hospital, result unknown\n", P, [None]),
    "near-report-unavailable": ("Prior MRS 2025, report unavailable\n", P, ["2025-07-01"]),
    "near-quoted-yes-dated": ('Intake form: prior MRS "yes" 08/2026, raised choline\n', P, ["2026-08-15"]),
    "near-answered-no": ("Has the patient had MRS before? No\n", A, []),
}


@pytest.mark.parametrize(("text", "status", "dates"), CASES.values(), ids=CASES.keys())
def test_prior_study_answered_unknown_is_no_prior_study(analyze: Any, text: str, status: FactStatus,
                                                        dates: list[str | None]) -> None:
    facts = facts_of(analyze, MRI + text + REQUEST_TAIL)
    fact = facts.facts["prior_mrs"]
    built = [s.date for s in facts.imaging if s.modality == "MRS"]
    assert (fact.status, built) == (status, dates), (fact.note, [
        [(e.text, e.attributes.get("cue"), e.modifier_rules) for e in s.evidence]
        for s in facts.imaging if s.modality == "MRS"])
