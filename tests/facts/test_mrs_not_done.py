"""The MRS requested, planned or talked about is no prior MRS, through the real NLP stage.

A prior MRS is one told as done: its report, a result read from it, a past date with a reading. An MRS named in a
note builds no study (prior_mrs not present: absent when the packet names other prior imaging or denies a prior MRS,
not documented when it names no prior study) when it is:

1. the subject or title of the request: a letter's or fax's subject line (study.subject_line; its date, or the
   patient's date of birth on it, is no study's date: a DOB never dates a study), a line that opens as the request's
   title (study.request_title), an item of a row that names the request's form (study.request_named_after over
   study.joined_item: "MRI / MRS / PET PRIOR AUTHORIZATION FORM");
2. what it may, could or would show, or is needed or expected for (study.prospect_after), or whether it is covered,
   indicated or appropriate (study.coverage_after), as a policy, a guideline or a letter of necessity says;
3. the plan around it, dated by another event ("labs drawn 11/12 before the MRS", "Pre-MRS ...": study.planned_before;
   "MRS prior to gene therapy": "prior to" is no done word);
4. a phone or fax log about the request (study.request_log, study.request_named_after: "the MRS fax");
5. inside another's quoted words (study.quoted_words): a date outside the quotation is not its date.

Near misses stay a prior MRS: a combined report's title, a dated or done MRS with its read, a form row answered Yes,
a quoted read that tells it done, a call for the MRS report with a result, a plan dated by the MRS's own date.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CASES: dict[str, tuple[str, FactStatus, list[str | None]]] = {
    # ------------------------------------------------ the request's subject or title
    "re-line-with-dob": ("Re: Priya Nandakumar, DOB 08/21/1979 - brain MR spectroscopy\n", N, []),
    "subject-line-dob-in-parens": ("Subject: Owen Tai (DOB: 12/30/1964) - single-voxel MRS, brain\n", N, []),
    "regarding-line-letter-date": ("Regarding: magnetic resonance spectroscopy of the brain    11/17/2026\n", N, []),
    "re-line-member-dob": ("RE: MRS BRAIN   Member: Carla Ruiz   DOB 05/19/1958\n", N, []),
    "fax-cover-re-line": ("FAX COVER\nDate: 11/18/2026\nRe: Spectroscopy (MRS) brain - please review\n", N, []),
    "precert-title-dated": ("PRECERTIFICATION REQUEST - MR SPECTROSCOPY BRAIN   11/18/2026\n", N, []),
    # the MRI the form's title lists is no prior MRI either (its "PRIOR AUTHORIZATION" tells nothing done): no prior
    # study at all (this row read absent while "prior" there made the MRI a study of the form's revision date)
    "form-title-listing": ("MRI / MRS / PET PRIOR AUTHORIZATION FORM  rev 03/2026\n", N, []),
    # ------------------------------------------------ what it may show, is needed for, or whether it is covered
    "could-show-with-mri-date": ("The MR spectroscopy could show a choline peak and settle the question raised by "
                                 "the MRI of 10/06/2026.\n", A, []),
    "might-reveal-would-point": ("Spectroscopy might reveal lactate, which would point to abscess rather than "
                                 "necrotic tumour.\n", N, []),
    "may-demonstrate-would-favor": ("Spectroscopy may demonstrate elevated choline, which would favour recurrent "
                                    "glioma over radiation necrosis.\n", N, []),
    "required-before-board": ("MRS of the enhancing margin is required before the tumour board meets on "
                              "11/12/2026.\n", N, []),
    "expected-to-help": ("Single-voxel MRS is expected to help separate radiation necrosis from recurrence, as the "
                         "MRI 10/09/2026 was equivocal.\n", A, []),
    "not-needed-after-mri-date": ("The reviewer felt the CT perfusion done on 09/30/2026 answers the question, and "
                                  "spectroscopy is not needed at this time.\n", A, []),
    "no-longer-required": ("After the MRI of 10/02/2026 the team agreed that MRS is no longer required.\n", A, []),
    "guideline-appropriate-when": ("Clinical guideline (effective 02/01/2026): MR spectroscopy is appropriate when "
                                   "conventional MRI is equivocal.\n", A, []),
    "letter-medically-necessary": ("Letter 11/17/2026: MRS is medically necessary because the MRI could not "
                                   "separate tumour from necrosis.\n", A, []),
    # ------------------------------------------------ planning around it
    "labs-ahead-of-mrs": ("CBC and creatinine drawn 11/16/2026 ahead of the MRS.\n", N, []),
    "pre-mrs-screen": ("Pre-MRS sedation screen completed 11/15/2026.\n", N, []),
    "board-after-the-mrs": ("Tumour board 11/14/2026 will revisit surgery after the MRS.\n", N, []),
    "baseline-prior-to-therapy": ("Baseline quantitative spectroscopy prior to starting gene therapy (infusion "
                                  "planned 01/2027).\n", N, []),
    # ------------------------------------------------ phone and fax logs
    "phoned-about-fax": ("11/19/2026 09:15 - phoned the payer to confirm receipt of the MRS fax; no answer.\n", N,
                         []),
    "spoke-with-rep": ("Spoke with the Aetna rep (call ref #55821) on 11/18/2026 about the spectroscopy.\n", N, []),
    "left-voicemail": ("Left voicemail with the UM nurse 11/17/2026 regarding the MRS.\n", N, []),
    # ------------------------------------------------ another's quoted words
    "peer-to-peer-quote": ('Peer-to-peer note 11/12/2026: Dr Hale said "spectroscopy will not change management '
                           'here".\n', N, []),
    "denial-quotes-policy": ('Denial letter dated 11/05/2026 quotes the policy: "MRS is considered unproven for '
                             'this use".\n', N, []),
    "prior-reviewer-wrote": ('Prior reviewer (11/09/2026) wrote that "MR spectroscopy adds little over '
                             'perfusion".\n', N, []),
    # ------------------------------------------------ near misses: a prior MRS
    "combined-report-title": ("MRI BRAIN WITH AND WITHOUT CONTRAST + MRS   DOS 10/28/2026\nFINDINGS: Enhancing "
                              "nodule. Spectroscopy shows an elevated choline to NAA ratio.\nIMPRESSION: Recurrent "
                              "tumour favoured.\n", P, ["2026-10-28"]),
    "prior-limited-by-motion": ("Prior spectroscopy (04/2026) was limited by patient motion.\n", P, ["2026-04-15"]),
    "performed-outside-in-july": ("Spectroscopy performed at the outside centre in July: NAA reduced, choline "
                                  "raised.\n", P, [None]),
    "form-row-yes": ("Prior MR spectroscopy: Yes - 08/2026\n", P, ["2026-08-15"]),
    "form-row-no": ("Prior MR spectroscopy: No\n", A, []),
    "dated-ratio": ("MRS 10/01/2026: Cho/Cr 2.1, lactate present.\n", P, ["2026-10-01"]),
    "quoted-read-done": ('Outside report: "MRS 09/14/2026 showed a lipid-lactate peak."\n', P, ["2026-09-14"]),
    "called-for-the-report": ("Called radiology for the MRS report of 09/22/2026: choline elevated.\n", P,
                              ["2026-09-22"]),
    "following-its-own-date": ("Following the spectroscopy of 10/04/2026, the family chose resection.\n", P,
                                ["2026-10-04"]),
    "re-line-prior-mrs": ("Re: prior MRS 08/2026 read as non-diagnostic; repeat requested\n", P, ["2026-08-15"]),
    "of-the-lesion-dated": ("MRS of the left temporal lesion on 10/03/2026 showed elevated myo-inositol.\n", P,
                            ["2026-10-03"]),
    "dated-may-have-been": ("MRS 10/15/2026 may have been degraded by motion; choline appeared raised.\n", P,
                            ["2026-10-15"]),
    "reason-for-request-prior": ("Reason for request: prior MRS 09/2026 was equivocal.\n", P, ["2026-09-15"]),
}


@pytest.mark.parametrize(("text", "status", "studies"), CASES.values(), ids=CASES.keys())
def test_requested_planned_or_discussed_mrs_is_no_prior_mrs(analyze: Any, text: str, status: FactStatus,
                                                            studies: list[str | None]) -> None:
    facts = facts_of(analyze, text + REQUEST_TAIL)
    fact = facts.facts["prior_mrs"]
    built = [s.date for s in facts.imaging if s.modality == "MRS"]
    assert (fact.status, built) == (status, studies), (fact.note, [[e.text for e in s.evidence]
                                                                   for s in facts.imaging if s.modality == "MRS"])
