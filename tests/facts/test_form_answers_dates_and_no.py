"""Answers on request-form question lines, read for the study the question names, through the real NLP stage to the
facts (prior_mrs and the MRS study's date, which feeds Cohere's recent_imaging node coh.ni.recent_imaging_unchanged
.recent; pet_same_workup, which Excellus's "only one technique (PET or MRS)" reads).

1. A question or row about a prior MRS answered Yes with a note that dates it, on the question's line
   ("Has spectroscopy been done before?  Yes - post-op, Lucknow, 07/2022", "Previous MR spectroscopy ........ Yes,
   done at the regional cancer centre before the first operation, 04/2023"): the "?" ends the question's sentence
   and a long note puts the date beyond the clause's reach, so the study had no date and Cohere's "same advanced
   study within 3 calendar months" could not be decided. The answer's note, up to the line's end (or a "|", a ";"
   or the next study of the same kind named on the line), dates the study (cue dates.question_answered_yes,
   FactContext.date_of). A month/year date is read as its 15th: enough to tell a 2023 study from a recent one.
2. A PET question answered No, or a PET row, with an explanation that the PET is not to be had ("PET done?  Y [ ]
   N [X]  (FET-PET is not offered in this state)", "PET/CT brain: not offered here"): post-posed
   "not offered / not provided / not accessible" is an alternative not done (study.alternative_not_done, as "not
   available" and "not covered" already were), and a PET named in the note after a checked No answer on its
   question's line is that question's answer, no PET asked for or done (study.answered_no_note).

Near misses keep their reading: a question answered Y with a dated read (a PET done), an unticked Y with N ticked
(no prior MRS), "Prior MRS: unknown" (not documented), a PET not offered locally but done elsewhere in a later
clause, a PET named after a ticked Y, a prior MRS already dated in its clause.

Limits: a month written as a word with a year ("Sept 2024") is still read as a bare year (July 1st): the DATE
recognizer has no month-name/year form; a month/year date is read as its 15th, so a study in the month three months
before the request may fall either side of the window; the answer must be on the question's own line.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of, policy_node

from pipeline.contracts import FactStatus, TriState
from pipeline.criteria import Evaluation

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
MET, NOT_MET, UNKNOWN = TriState.MET, TriState.NOT_MET, TriState.UNKNOWN
FORM = ("PRIOR AUTHORIZATION REQUEST - MR SPECTROSCOPY\nRequested: 76390 MR spectroscopy, brain.\n\n"
        "Clinical questions\n")

# id -> (form line, prior_mrs, the MRS study's month (YYYY-MM) or None, Cohere's recent-MRS node)
MRS_CASES: dict[str, tuple[str, FactStatus, str | None, TriState]] = {
    "question-yes-dash-place-month": ("Has spectroscopy been done before?  Yes - post-op, Lucknow, 07/2022", P,
                                      "2022-07", NOT_MET),
    "question-y-dash-month-paren": ("Any earlier MRS?  Y  - 03/2024 (Kochi)", P, "2024-03", NOT_MET),
    "question-yes-comma-at": ("Prior MRS done? Yes, at the outside centre 12/2023", P, "2023-12", NOT_MET),
    "question-ticked-yes-box": ("MRS ever performed?  [X] Yes  - 10/2025 at a private lab", P, "2025-10",
                                NOT_MET),
    "question-yes-box-ticked-after": ("Has MR spectroscopy been done previously?  Y [X]   outside hospital, 01/2024",
                                      P, "2024-01", NOT_MET),
    "question-yes-full-stop": ("Spectroscopy before? Yes. 05/2022 at the district hospital.", P, "2022-05",
                               NOT_MET),
    "dot-leader-long-note": ("Previous MR spectroscopy ........ Yes, done at the regional cancer centre before the "
                             "first operation, 04/2023", P, "2023-04", NOT_MET),
    "colon-long-note": ("Prior MR spectroscopy:   yes - done as part of the pre-operative work-up at a private "
                        "centre in Pune, 11/2024", P, "2024-11", NOT_MET),
    "recent-within-3-months": ("Has MRS been performed before?  Yes - 09/2026, same scanner", P, "2026-09", MET),
    # near misses: keep their reading
    "near-unticked-y-ticked-n": ("Prior spectroscopy?  Y [ ]  N [X]", A, None, NOT_MET),
    "near-unknown": ("Previous MRS: unknown", N, None, NOT_MET),
    "near-boxes-then-date-label": ("Prior MRS:  Y [X]  N [ ]   Date: 04/2023", P, "2023-04", NOT_MET),
    "near-dash-y-comma-date": ("Earlier MRS - Y, 08/2024 at the outside hospital", P, "2024-08", NOT_MET),
    "near-no-mri-date": ("Prior MRS? No - MRI only, 10/2026", A, None, NOT_MET),
}

# id -> (form line, pet_same_workup)
PET_CASES: dict[str, tuple[str, FactStatus]] = {
    "ticked-n-note-not-offered": ("PET done?  Y [ ]  N [X]  (FET-PET is not offered in this state)", A),
    "row-not-offered-here": ("PET/CT brain: not offered here", A),
    "dash-not-offered-state": ("FET PET - not offered in this state", A),
    "not-provided-centre": ("Amino-acid PET: not provided at our centre", A),
    "isnt-offered-locally": ("FDG-PET isn't offered locally.", A),
    "ticked-n-note-travel": ("PET in the last 90 days?  Y [ ]  N [X]  (FET-PET would need travel to Mumbai)", A),
    "ticked-n-first-note": ("Is a PET planned?  [X] No  (methionine PET only in the capital)", A),
    "no-dash-not-accessible": ("PET scheduled? No - PET not accessible for this patient", A),
    # near misses: keep their reading
    "near-ticked-y-dated-read": ("PET within 90 days?  Y [X]  11/02/2026 FET-PET - equivocal uptake", P),
    "near-not-offered-then-done-elsewhere": ("PET not offered here; MRS requested instead, and a PET was done at "
                                             "the outside hospital on 10/30", P),
    "near-ticked-y-note-dated": ("PET done?  Y [X]  N [ ]  (FDG PET at the outside hospital, 10/30/2026)", P),
    "near-pet-requested-y": ("PET requested with this study: Y", P),
}


def _mrs_month(facts: Any) -> str | None:
    dates = [s.date for s in facts.imaging if s.modality == "MRS" and s.date]
    return dates[0][:7] if dates else None


@pytest.mark.parametrize(("line", "prior", "month", "recent"), MRS_CASES.values(), ids=MRS_CASES.keys())
def test_prior_mrs_answer_dates_the_study(analyze: Any, line: str, prior: FactStatus, month: str | None,
                                          recent: TriState) -> None:
    facts = facts_of(analyze, FORM + line + "\n" + REQUEST_TAIL)
    f = facts.facts["prior_mrs"]
    node, role = policy_node("cohere", "coh.ni.recent_imaging_unchanged.recent")
    got = (f.status, _mrs_month(facts), Evaluation(facts).run(node, role=role))
    assert got == (prior, month, recent), (f.note, [(s.modality, s.date) for s in facts.imaging],
                                           [(e.text, e.attributes.get("cue")) for e in f.evidence])


@pytest.mark.parametrize(("line", "expected"), PET_CASES.values(), ids=PET_CASES.keys())
def test_pet_answered_no_or_not_offered(analyze: Any, line: str, expected: FactStatus) -> None:
    f = facts_of(analyze, FORM + line + "\n" + REQUEST_TAIL).facts["pet_same_workup"]
    assert f.status is expected, (f.note, [(e.text, e.attributes.get("cue"), e.modifier_rules) for e in f.evidence])
