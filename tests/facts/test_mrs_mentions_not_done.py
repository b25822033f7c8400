"""Mentions of the requested MRS that are not a done study.

Through the real NLP stage, fact level (prior_mrs and the MRS studies that `prescreen explain FILE prior_mrs`
lists). Class: the MRS the packet asks for, named

1. in a letter's or a fax's subject line ("Re: Jane Q. Doe, DOB 01/02/2015 - MR spectroscopy", "RE: request for
   MRS brain", "Subject: MRS prior authorisation"): facts cue study.subject_line;
2. in a service, procedure, order or exam line of the request ("Service: MRI brain w/wo with MR spectroscopy",
   "Procedure: 76390 MRS"): facts cue study.service_line;
3. in a preference or a plan about its timing ("we would like the MRS done before the implant", "would rather the
   spectroscopy be done first", "MRS to be done before surgery"): facts cues study.done_ahead_after, and
   study.planned_before (now also "would rather", "prefer", "ideally", "needs") with study.wished_done_after;
4. in a question about it ("is MRS useful here?", "would spectroscopy help?"): facts cue study.question_direct;

is no prior MRS, and a date on another line (a letter's "Date:" line, a diagnosis code's date on the next line) or
belonging to another item in the paragraph never dates it. A prior MRS needs the packet to say it was performed.

Near misses keep their prior MRS: an MRS with its own date and a read ("MRS 05/2025 (outside): elevated choline"),
a "Prior MRS: yes, 2024, report attached" row, spectroscopy done with a dated MRI, "had spectroscopy in 2024".
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A = FactStatus.PRESENT, FactStatus.ABSENT

MRI = "MRI brain 10/30/2026: ring-enhancing right frontal lesion, indeterminate.\n"

CASES: dict[str, tuple[str, FactStatus]] = {
    # ------------------------------------------------ 1. a subject line naming the requested MRS
    "subject-re-name-dob-dash": ("Date: 11/18/2026\nRe: Jane Q. Doe, DOB 01/02/2015 - MR spectroscopy\n", A),
    "subject-re-request-for-capitals": ("Date: 11/17/2026\nRE: request for MRS brain\n", A),
    "subject-subject-british": ("Subject: MRS prior authorisation\nDear colleague,\n", A),
    "subject-re-then-dx-dated": ("RE: Brain MR spectroscopy\nDx: G93.89 (since 10/12/2026)\n", A),
    "subject-regarding-paren": ("Regarding: Tom Reyes (DOB 4/5/1961) - proton MRS\nSeen in clinic 11/02/2026.\n",
                                A),
    "subject-subj-abbrev-lower": ("subj: mr spectroscopy, brain\nletter dated 11/16/2026\n", A),
    "subject-re-wrapped": ("Re: Alma Fischer, DOB 07/08/1950, MRN 44521 -\nmagnetic resonance spectroscopy of "
                           "the brain\nDate of letter: 11/15/2026\n", A),
    "subject-re-cpt": ("Re: CPT 76390 (MRS) for Mr. Lee\n11/14/2026\n", A),
    "subject-ref-colon": ("Ref: single-voxel spectroscopy, Ms. Okafor\nDate: 11/13/2026\n", A),
    "subject-re-dated-same-line": ("Re: MR spectroscopy for Ana Cruz - letter of 11/12/2026\n", A),
    # ------------------------------------------------ 2. a service, procedure or order line
    "service-mri-with-mrs": ("Service: MRI brain w/wo with MR spectroscopy\nDate of service: 11/25/2026\n", A),
    "procedure-cpt-mrs": ("Procedure: 76390 MRS\nICD-10: C71.1 (dx 10/02/2026)\n", A),
    "service-requested-capitals": ("SERVICE REQUESTED: MR SPECTROSCOPY (76390)\nDiagnosis: R90.0, 10/30/2026\n", A),
    "requested-procedure-lower": ("requested procedure: brain mrs\nreferral date 11/10/2026\n", A),
    "order-line": ("Order: MR spectroscopy, brain - single voxel\nOrdering date 11/08/2026\n", A),
    "exam-requested": ("Exam requested: MRI brain + MRS\nDOS: 11/24/2026\n", A),
    "cpt-code-line": ("CPT code(s): 70553, 76390 (MR spectroscopy)\nICD-10 code(s): G93.89 - 10/30/2026\n", A),
    "procedure-requested-british": ("Procedure requested - magnetic resonance spectroscopy (proton)\nClinic "
                                    "date 11/09/2026\n", A),
    "study-requested-pipe": ("| Study requested | MR spectroscopy brain | 11/18/2026 |\n", A),
    "services-to-be-rendered": ("Services to be rendered: MRS of the left temporal lesion\nStart date: "
                                "11/26/2026\n", A),
    "service-date-next-line": ("Service: MRI brain w/wo with MR spectroscopy\n10/30/2026\n", A),
    "order-dated-same-line": ("Order: MRS brain 11/02/2026\n", A),
    "service-dated-same-line": ("Service: MRI brain with MR spectroscopy 11/02/2026\n", A),
    "procedure-code-dated": ("Procedure: 76390 MRS 11/01/2026\n", A),
    # ------------------------------------------------ 3. a preference or plan about its timing
    "pref-would-like-before-implant": ("We would like the MRS done before the implant (placed 10/02/2026 was the "
                                       "trial lead).\n", A),
    "pref-would-rather-first": ("Would rather the spectroscopy be done first; surgery clinic 11/05/2026.\n", A),
    "plan-to-be-done-before-surgery": ("MRS to be done before surgery. Seen 11/03/2026.\n", A),
    "pref-prefer-capitals": ("PREFER MRS DONE PRIOR TO RESECTION\nClinic 11/04/2026\n", A),
    "pref-would-prefer-wrapped": ("Neurosurgery would prefer that the MR\nspectroscopy be done ahead of the "
                                  "biopsy; seen 11/06/2026.\n", A),
    "plan-needs-to-be-done-first": ("The spectroscopy needs to be done first (EEG 10/29/2026 normal).\n", A),
    "pref-ideally-before": ("Ideally the MRS would be done before the tumour board on 11/25/2026.\n", A),
    "plan-should-be-done-ahead": ("MRS should be done ahead of the stereotactic biopsy, 11/07/2026 plan.\n", A),
    "pref-we-want-british": ("We want the proton MRS carried out before the operation; reviewed "
                             "11/02/2026.\n", A),
    "plan-then-biopsy": ("Plan: MRS first, then biopsy. Steroids started 10/31/2026.\n", A),
    "pref-family-would-prefer-dated": ("family would prefer the MRS done before the shunt revision "
                                       "10/20/2026.\n", A),
    "pref-ideally-bare": ("Ideally MRS done prior to the biopsy.\n", A),
    "plan-to-be-done-dated-event": ("MRS to be done before surgery on 11/01/2026.\n", A),
    "pref-would-rather-same-day": ("Mother would rather the MRS be performed the same day as the EEG of "
                                   "10/29/2026.\n", A),
    # ------------------------------------------------ 4. a question about it
    "q-is-mrs-useful": ("Is MRS useful here? MRI 10/30/2026 is indeterminate.\n", A),
    "q-would-spectroscopy-help": ("Would spectroscopy help? Seen 11/04/2026.\n", A),
    "q-could-mrs-distinguish": ("Could MR spectroscopy distinguish tumour from abscess?\nClinic 11/02/2026\n", A),
    "q-does-mrs-add": ("Does MRS add anything beyond the 10/30 MRI?\n", A),
    "q-capitals": ("WOULD MRS CHANGE MANAGEMENT? 11/01/2026\n", A),
    "q-will-spectroscopy-wrapped": ("Will the proton MR spectroscopy\nclarify the diagnosis? (asked "
                                    "11/03/2026)\n", A),
    "q-is-there-a-role": ("Is there a role for MR spectroscopy? Discussed 11/05/2026.\n", A),
    "q-should-we-get": ("Should we get an MRS before biopsy? Seen 11/06/2026.\n", A),
    # ------------------------------------------------ near misses: an MRS that was done
    "near-dated-outside-read": ("MRS 05/2025 (outside): elevated choline\n", P),
    "near-prior-row-yes-report": ("Prior MRS: yes, 2024, report attached\n", P),
    "near-done-with-mri": ("Spectroscopy was done with the 09/2025 MRI.\n", P),
    "near-had-spectroscopy": ("She had spectroscopy in 2024.\n", P),
    "near-subject-prior-read": ("Re: prior MRS 09/2026, non-diagnostic\n", P),
    "near-service-line-then-prior": ("Service: MR spectroscopy\nPrior MRS 08/2026 showed a lactate peak.\n", P),
    "near-question-then-done": ("Is a repeat MRS useful? The MRS of 08/2026 showed raised choline.\n", P),
    "near-pref-then-done": ("We would like the MRS repeated; MRS 07/2026 showed a lactate doublet.\n", P),
    "near-exam-header-dated": ("Exam: MR spectroscopy 11/02/2026\n", P),
    "near-procedure-line-read": ("Procedure: MRS 09/2026 - elevated choline, NAA reduced\n", P),
    "near-done-before-resection-read": ("MRS done before the resection in 2024 showed elevated choline.\n", P),
    "near-was-performed-before": ("MR spectroscopy was performed before surgery on 08/14/2026.\n", P),
    "near-spectroscopy-at-dated-mri": ("Spectroscopy at the 09/2026 MRI was non-diagnostic.\n", P),
    "near-prior-to-biopsy-showed": ("MRS 08/2026, prior to the biopsy, demonstrated a lactate peak.\n", P),
}


@pytest.mark.parametrize(("text", "status"), CASES.values(), ids=CASES.keys())
def test_requested_mrs_named_is_no_prior_mrs(analyze: Any, text: str, status: FactStatus) -> None:
    facts = facts_of(analyze, MRI + text + REQUEST_TAIL)
    fact = facts.facts["prior_mrs"]
    built = [s.date for s in facts.imaging if s.modality == "MRS"]
    assert (fact.status, bool(built)) == (status, status is P), (fact.note, built, [
        [(e.text, e.attributes.get("cue")) for e in s.evidence] for s in facts.imaging if s.modality == "MRS"])
