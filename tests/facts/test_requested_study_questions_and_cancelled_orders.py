"""The requested study asked about, a study never done, an order cancelled: none is a study in the work-up.

Through the real NLP stage, fact level.

1. prior_mrs: an MRS named in a question about it (the patient's, a relative's or anyone's) is the request asked
   about, not a prior MRS, whatever done-word the question holds: an indirect question before its name ("Father asks
   whether the MRS can be done before the genetics visit": facts cue study.question_about) or a direct one with its
   "?" after it ("Family asks: can the MRS be done before Christmas?": study.question_direct). Not a question about
   what a study done showed (study.question_result).
2. prior_mrs: the MRS's booking is the request's ("MRS slot reserved on 11/17 for December, pending authorisation":
   study.request_named_after), and a results or history row that says the MRS was never done is no prior MRS ("MRS:
   not previously performed": context rule neg.backward; "MRS: no prior study": forms denials, form.answer.denial),
   also when the row holds the request's date ("Prior MRS: N/A - first request (11/02/2026)": study.form_answered_no
   now lists form.answer.no and form.answer.denial). A prior MRS named after the request in its own clause ("repeat
   MRS requested; prior MRS 08/2026 showed ...") is a study: the MRS_REQUEST reaches its own clause only.
3. pet_same_workup: an order cancelled, discontinued or withdrawn is neither done nor asked for
   (study.cancelled_order, now with the clerical "cx'd", "cxl'd", "- cx", and a pipe table row's status cell).

Near misses keep their reading: a dated or told prior MRS (also one told by a relative), a question about a study
done's result, a form's past question answered Yes; a PET pending, scheduled, ordered, re-ordered after a
cancellation, or done within 90 days (present), and a PET deferred until after the MRS (absent: not asked for now).
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A = FactStatus.PRESENT, FactStatus.ABSENT

MRI = "MRI brain 10/30/2026: ring-enhancing right frontal lesion, indeterminate.\n"
ASK = "\nMR spectroscopy requested.\n"

PRIOR_MRS: dict[str, tuple[str, FactStatus]] = {
    # ------------------------------------------------ a question about the requested MRS
    "father-asks-whether-done-before": ("Father asks whether the MRS can be done before the genetics visit.\n", A),
    "mother-asked-if-under-sedation": ("Mother asked if the spectroscopy could be done under sedation.\n", A),
    "dad-wondered-performed-locally": ("Dad wondered whether the brain MRS can be performed at the satellite "
                                       "site.\n", A),
    "family-asks-colon-direct": ("Family asks: can the MRS be done before Christmas?\n", A),
    "husband-enquired-done-yet": ("Husband enquired whether the MR spectroscopy was done yet.\n", A),
    "patient-asking-how-long-and-whether": ("The patient is asking how long the spectroscopy takes and whether it "
                                            "is done awake.\n", A),
    "wants-to-know-lowercase": ("pt wants to know if spectroscopy needs sedation\n", A),
    "q-from-mother-direct": ("Q from mother: is the MRS done with contrast?\n", A),
    "daughter-inquired-wrapped": ("Daughter (HCPOA) inquired whether the proton\nMRS would be performed the same "
                                  "day as the MRI.\n", A),
    "mum-queried-british": ("Mum queried whether the MR spectroscopy can be carried out\nunder general "
                            "anaesthetic.\n", A),
    "mom-called-re-when": ("Mom called re: when is the MRS\n", A),
    # ------------------------------------------------ its booking
    "slot-held-pending-auth": ("MRS slot held 12/04 pending auth\n", A),
    "slot-reserved-past-date": ("MRS slot reserved on 11/17 for the first week of December, pending "
                                "authorisation.\n", A),
    "appointment-tentative": ("Tentative MRS appointment 11/30/2026 - holding for auth.\n", A),
    "booked-awaiting-approval": ("MR spectroscopy provisionally booked for 11/28, awaiting approval.\n", A),
    "booking-dated-before-request": ("Spectroscopy booking made 11/12/2026 (first available 12/03), subject to "
                                     "prior auth.\n", A),
    "appt-abbrev": ("MRS appt 11/16: date TBC once approved.\n", A),
    "scheduling-line": ("Scheduling: MRS brain tentatively 12/01 08:30, hold pending PA\n", A),
    "pencilled-in": ("Radiology has pencilled in the MRS for 12/02.\n", A),
    # ------------------------------------------------ a row that says it was never done
    "never-done-requested": ("Brain MRS: never done - requested 11/02\n", A),
    "dot-leader-none": ("MR spectroscopy .... none\n", A),
    "prior-na": ("Prior MRS: N/A\n", A),
    "not-previously-performed": ("MRS: not previously performed\n", A),
    "never-obtained": ("Prior MR spectroscopy: never obtained\n", A),
    "no-prior-study": ("MRS: no prior study\n", A),
    "no-previous-study-on-file": ("Spectroscopy: no previous study on file\n", A),
    "na-first-request-dated": ("Prior MRS: N/A - this is the first request (11/02/2026)\n", A),
    "review-of-results-row": ("REVIEW OF RESULTS\nMRI brain 10/30/2026 - enhancing lesion\nMR spectroscopy - never "
                              "done, requested 11/02/2026\n", A),
    "pipe-table-not-done": ("| MR spectroscopy | never done | requested 11/02/2026 |\n", A),
    "not-previously-done-first-request": ("Mr spectroscopy: not previously done (first study requested "
                                          "11/02/2026)\n", A),
    # ------------------------------------------------ near misses: a prior MRS
    "near-dated-read": ("MRS 09/14/2026: elevated choline\n", P),
    "near-repeat-requested-prior-showed": ("Repeat MRS requested; prior MRS 08/2026 showed elevated choline.\n", P),
    "near-done-outside-per-mother": ("MRS done at outside hospital last year per mother.\n", P),
    "near-asks-whether-it-showed": ("Mother asks whether the MRS of 09/14/2026 showed a tumour.\n", P),
    "near-asked-if-it-showed": ("Dad asked if the spectroscopy done on 09/14/2026 showed anything worrying.\n", P),
    "near-form-question-yes": ("Has the patient had a prior MRS? Yes - 08/2026, elevated choline\n", P),
    "near-prior-row-dated": ("Prior MRS: 08/2026 - elevated choline\n", P),
    "near-previous-spectroscopy-showed": ("Previous spectroscopy (outside, 07/2026) showed a lactate peak.\n", P),
}

PETS: dict[str, tuple[str, FactStatus]] = {
    # ------------------------------------------------ an order cancelled, discontinued or withdrawn
    "cancelled-by-neurosurgery": ("FDG-PET order cancelled by neurosurgery 11/02 - proceeding with MRS only\n", A),
    "cxd": ("PET cx'd\n", A),
    "order-cxd-by-oncology": ("PET brain: order cx'd by oncology\n", A),
    "scheduled-then-cx": ("PET scheduled 11/25 - cx per insurance\n", A),
    "dcd-insurance": ("PET d/c'd (insurance)\n", A),
    "amyloid-withdrawn": ("amyloid PET - order withdrawn\n", A),
    "orders-table-status": ("Orders:\nFDG PET brain    11/02/2026    Status: Cancelled\nMR spectroscopy    "
                            "11/18/2026    Status: Active\n", A),
    "pipe-row-cancelled": ("| FDG PET brain | ordered 11/02/2026 | Cancelled |\n", A),
    "pipe-row-discontinued": ("| Study | Ordered | Status |\n| FET-PET | 11/01/2026 | Discontinued |\n", A),
    "ordered-then-withdrawn": ("PET/CT brain was ordered on 11/01 but the order was\nwithdrawn.\n", A),
    "methionine-discontinued": ("Methionine PET: order discontinued 11/09 (not covered)\n", A),
    "capitals-canceled": ("Fdg pet 11/03 - CANCELED - pt declined\n", A),
    # ------------------------------------------------ near misses: a PET in the work-up, or not asked for now
    "near-pending": ("PET pending\n", P),
    "near-scheduled": ("PET scheduled 11/20\n", P),
    "near-ordered": ("Amino-acid PET ordered 11/12.\n", P),
    "near-reordered-after-cancel": ("FDG-PET ordered 11/02, cancelled, then reordered 11/10.\n", P),
    "near-done-dated": ("PET done 10/30/2026: hypermetabolic\n", P),
    "near-status-active": ("PET brain - Status: Active\n", P),
    "near-pipe-row-scheduled": ("| FDG PET brain | 11/02/2026 | Scheduled |\n", P),
    "near-deferred-until-after-mrs": ("PET deferred until after MRS\n", A),
}


@pytest.mark.parametrize(("text", "status"), PRIOR_MRS.values(), ids=PRIOR_MRS.keys())
def test_requested_mrs_asked_about_or_never_done_is_no_prior_mrs(analyze: Any, text: str,
                                                                 status: FactStatus) -> None:
    facts = facts_of(analyze, MRI + text + REQUEST_TAIL)
    fact = facts.facts["prior_mrs"]
    built = [s.date for s in facts.imaging if s.modality == "MRS"]
    assert (fact.status, bool(built)) == (status, status is P), (fact.note, built, [
        [e.text for e in s.evidence] for s in facts.imaging if s.modality == "MRS"])


@pytest.mark.parametrize(("text", "status"), PETS.values(), ids=PETS.keys())
def test_cancelled_order_is_not_in_the_workup(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, MRI + text + ASK + REQUEST_TAIL).facts["pet_same_workup"]
    assert fact.status is status, (fact.note, [(e.text, e.attributes.get("cue")) for e in fact.evidence])
