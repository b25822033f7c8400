"""A study not done is not read as done: an open order row is no prior study, and a PET advised and then refused
is not in the work-up.

1. An orders table row whose status cell (set off by a column gap, a tab or a bar) says the order is still open --
   pending in any spelling ("Pend auth", "Pending authorization", "Auth pending", "PA submitted", "Needs precert",
   "Sent to payer"), signed, active, future, in process, unscheduled or not yet scheduled, ordered, scheduled
   (cue study.order_row_open, facts/imaging.py in_open_order_row) -- holds no study done: an MR spectroscopy on such
   a row is no prior MRS (prior_mrs not present through it; Cohere's 3-month repeat-imaging exclusion must not fire).
2. A PET advised or raised (read as asked for: recommended, suggested, an option, or named in the request form's
   free text) and refused right after its own clause (facts/imaging.py refused_after):
   a. the next clause (past ";" or "|") or, when its clause ends its sentence, the next sentence of its paragraph
      opens with a refusal that has no subject of its own or has the patient, the family or the payer as its
      subject ("; not ordered given the wait", ". Not pursued.", ". Not available here.", ". The family declined.",
      ". Insurance denied.": cue study.refusal_opens), or refuses it by a pronoun ("We have not ordered it.":
      study.refused_next_clause), when no other study is named after it in its clause (next clause) or sentence
      (next sentence);
   b. the next PET of the brain named after it, in its sentence or the next one, is refused ("no PET ordered for
      now", "PET was not requested", "no PET at this time": cue study.refused_again), not a repeat, a further or a
      prior one ("no repeat PET ordered", "no prior PET": another PET).
   Either way pet_same_workup is not present through it (Excellus' PET-or-MRS rule must not fire).
Near misses keep their reading: an order row that says the study was done ("Resulted", "Final", "Completed", also
with a single space before it) is a prior MRS, and so is a dated MRS with its read; a PET with its own date and read
is done (also when "no repeat PET ordered" follows); a PET ordered, scheduled, or advised and then ordered in the next
sentence, or one only "not yet scheduled" or "not ordered yet", stays asked for; a next sentence that denies a prior PET
or a body PET, or refuses something else ("Denied headache.", "We declined to proceed with biopsy."), does not refuse
it; a refusal after another study named in the next clause is that study's. A status word opening another column's
text ("Active lesion: raised Cho") is no order status.

Limits: a "Signed" cell is read as an order's status; a radiology list whose "Signed" means a signed report is read
as an order unless another cell says it was done (Final, Resulted). An order row needs its status in a cell of its own
(a column gap, a tab or a bar before it): "MR SPECTROSCOPY BRAIN 11/06/2026 Pend auth" with single spaces is not read.
A refusal two sentences away, one whose subject is another noun ("Neurology felt it unnecessary"), and "Not available
until 12/02" (a wait) are not read as refusals. Only a PET is refused this way (pet_same_workup); an MRS advised and
refused is not covered here.

Rows: id -> (text, fact, expected status). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.contracts import ClinicalFacts, FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
REQUEST = "PRIOR AUTHORIZATION REQUEST\nRequested: 76390 MR spectroscopy, brain.\nClinical summary: "
NOTE = "NEUROLOGY FOLLOW-UP 11/18/2026\nASSESSMENT AND PLAN:\n"
DONE_MRI = "MRI BRAIN W WO                 10/02/2026    Resulted\n"

CASES: dict[str, tuple[str, str, FactStatus]] = {
    # ------------------------------------------------ 1. an open order row is no prior MRS
    "pend auth": ("ORDERS\n" + DONE_MRI + "MR SPECTROSCOPY BRAIN          11/06/2026    Pend auth\n", "prior_mrs", A),
    "signed, ordering provider cell": ("Order history\nMRS brain (76390)   11/09/2026   Signed   Okafor, T\n",
                                       "prior_mrs", N),
    "in process, pipe row": ("Orders\n| MR spectroscopy, brain | 11/12/2026 | In process |\n", "prior_mrs", N),
    "PA submitted, tab row": ("Orders\nMRS BRAIN\t11/10/2026\tPA submitted\n", "prior_mrs", N),
    "needs precert": ("Pending orders\nMR SPECTROSCOPY   11/03/2026   Needs precert\n", "prior_mrs", N),
    "active order": ("ORDERS\n" + DONE_MRI + "MR SPECTROSCOPY BRAIN          11/11/2026    Active\n", "prior_mrs", A),
    "future order with a comment": ("Orders\nMRS brain   11/07/2026   Future   at 3T site\n", "prior_mrs", N),
    "auth required": ("Order list\nMR SPECT BRAIN 76390   11/08/2026   Auth required\n", "prior_mrs", N),
    "sent to payer": ("Orders\nMR spectroscopy brain   11/13/2026   Sent to payer\n", "prior_mrs", N),
    "unscheduled": ("Orders\nMRS   11/14/2026   Unscheduled   pt to call\n", "prior_mrs", N),
    "MRI with MRS, in process": ("Orders\nMRI BRAIN W WO + MRS   11/05/2026   In process\n", "prior_mrs", N),
    "prior auth pending, wordy": ("Orders\nMR SPECTROSCOPY BRAIN   11/04/2026   Prior auth pending\n", "prior_mrs",
                                  N),
    "not yet scheduled": ("Orders\nMR SPECTROSCOPY BRAIN   11/04/2026   Not yet scheduled\n", "prior_mrs", N),
    "near: resulted, single spaces": ("Results\nMR SPECTROSCOPY BRAIN 09/10/2026 Resulted\n", "prior_mrs", P),
    "near: final row beside a signed one": ("Orders\nMRS BRAIN   08/21/2026   Final   raised choline\n"
                                            "MRS BRAIN   11/09/2026   Signed\n", "prior_mrs", P),
    "near: completed row": ("Imaging orders\nMR SPECTROSCOPY   07/30/2026   Completed\n", "prior_mrs", P),
    "near: dated MRS with its read": ("MRS 09/2026: elevated Cho, reduced NAA.\n", "prior_mrs", P),
    "near: 'Active' opening a findings cell": ("Imaging history\nMRS brain   09/12/2026   Active lesion: raised Cho\n",
                                                "prior_mrs", P),
    # ------------------------------------------------ 2a. advised, then a bare refusal right after its clause
    "recommended; not ordered given the wait": (NOTE + "Radiology recommended an FDG-PET; not ordered given the "
                                                "four-month wait.\n", "pet_same_workup", A),
    "recommended. Not ordered at this time.": (NOTE + "Nuclear medicine recommended a brain FDG-PET. Not ordered at "
                                               "this time.\n", "pet_same_workup", A),
    "recommends; not ordered, MRS in brackets": (NOTE + "Neuroradiology recommends amino-acid PET; not ordered (MRS "
                                                 "preferred).\n", "pet_same_workup", A),
    "advised. The patient declined.": (NOTE + "Neuro-oncology advised a FET-PET. The patient declined.\n",
                                       "pet_same_workup", A),
    "recommended; family declined (cost)": (NOTE + "Amyloid PET was recommended by the memory clinic; family "
                                            "declined (cost).\n", "pet_same_workup", A),
    "recommended. Insurance denied.": (NOTE + "Neuroradiology recommended a choline PET. Insurance denied.\n",
                                       "pet_same_workup", A),
    "request text: suggested. Not pursued.": (REQUEST + "Tumor board suggested PET. Not pursued.\n",
                                              "pet_same_workup", A),
    "request text: an option; not pursued": (REQUEST + "PET/CT of the brain was an option; not pursued.\n",
                                             "pet_same_workup", A),
    "request text: ideal. Not available here.": (REQUEST + "Methionine PET would be ideal. Not available in this "
                                                 "region.\n", "pet_same_workup", A),
    "request text: raised. We have not ordered it.": (REQUEST + "Neurology raised amyloid PET. We have not ordered "
                                                      "it.\n", "pet_same_workup", A),
    "line wrap before the refusal": (NOTE + "Dr. Osei recommended FDG PET of the brain.\nNot requested - MRS "
                                     "answers the question.\n", "pet_same_workup", A),
    # ------------------------------------------------ 2b. the next PET named is refused
    "raised; no PET ordered": (NOTE + "Neurology raised amyloid PET; no PET ordered.\n", "pet_same_workup", A),
    "request text: mentioned; no PET at this time": (REQUEST + "FDG-PET mentioned by oncology; no PET at this "
                                                     "time.\n", "pet_same_workup", A),
    "suggested; MRS preferred; no PET for now": (NOTE + "Radiology suggested amyloid PET; the team preferred MRS; "
                                                 "no PET ordered for now.\n", "pet_same_workup", A),
    "recommended. PET was not requested.": (NOTE + "FDG-PET recommended by the radiologist. After discussion PET "
                                            "was not requested.\n", "pet_same_workup", A),
    # brief-style wordings that read right today (kept)
    "discussed; wait; no PET ordered": (NOTE + "Brain FDG-PET was discussed; the wait is five months and the "
                                        "family chose MRS; no PET ordered for now.\n", "pet_same_workup", A),
    "label, raised - not ordered": (NOTE + "PET: tau PET raised by the memory clinic - not ordered.\n",
                                    "pet_same_workup", A),
    "considered. Not requested.": (NOTE + "FET-PET considered. Not requested.\n", "pet_same_workup", A),
    "deferred (no scanner)": (NOTE + "Amyloid PET deferred (no scanner locally).\n", "pet_same_workup", A),
    # ------------------------------------------------ near misses: a PET done or asked for
    "near: dated PET with its read": (NOTE + "FDG-PET 10/14/2026: left temporal hypometabolism.\n",
                                      "pet_same_workup", P),
    "near: done PET, no repeat PET ordered": (NOTE + "FDG-PET 10/14/2026 showed left temporal hypometabolism. No "
                                              "repeat PET ordered.\n", "pet_same_workup", P),
    "near: ordered, scheduled next week": (NOTE + "Brain PET ordered, scheduled next week.\n", "pet_same_workup", P),
    "near: recommended. Ordered 11/19.": (NOTE + "Radiology recommended FDG-PET. Ordered 11/19.\n",
                                          "pet_same_workup", P),
    "near: recommended. Not yet scheduled.": (NOTE + "Amyloid PET recommended. Not yet scheduled.\n",
                                              "pet_same_workup", P),
    "near: ordered, no previous PET": (NOTE + "Amino-acid PET ordered 11/19. No previous PET.\n", "pet_same_workup",
                                       P),
    "near: recommended. Not ordered yet.": (NOTE + "Tau PET recommended. Not ordered yet.\n", "pet_same_workup", P),
    "near: recommended. Denied headache.": (NOTE + "FDG-PET of the brain recommended. Denied headache.\n",
                                            "pet_same_workup", P),
    "near: recommended. We declined to proceed with biopsy.": (NOTE + "FDG-PET recommended. We declined to proceed "
                                                               "with biopsy.\n", "pet_same_workup", P),
    "near: recommended; the MRI not repeated": (NOTE + "Amyloid PET recommended; MRI will not be repeated.\n",
                                                "pet_same_workup", P),
    "near: recommended and ordered; body PET not needed": (NOTE + "Brain FDG-PET recommended and ordered. No "
                                                           "whole-body PET needed.\n", "pet_same_workup", P),
}


@pytest.mark.parametrize(("text", "fact", "expected"), list(CASES.values()), ids=list(CASES))
def test_studies_not_done(fragment_facts: Callable[[str], ClinicalFacts], text: str, fact: str,
                          expected: FactStatus) -> None:
    f = fragment_facts(text).facts[fact]
    assert f.status is expected, (f.note, [(e.text, e.attributes.get("cue"), e.modifier_rules) for e in f.evidence])
