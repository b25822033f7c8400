"""An MRS is a prior study only when the packet says it was done.

Through the real NLP stage, fact level. Class: prior_mrs ("A prior MR spectroscopy was performed") came out present
from mentions of the requested MRS or of no MRS at all. An MRS mention makes a prior MRS only with positive evidence
that it was performed: a date before the request that is the MRS's own (not another study's date in the same
sentence), a done / performed / showed word or a result (peaks, ratios, choline, NAA, lactate), or a report of its
own. Rules (facts cues in pipeline/facts/resources/cues.yaml, form words in pipeline/nlp/resources/forms.yaml):

1. a form field's label that names the MRS is no MRS done; the date of another study in its answer is that study's
   ("Why MRS / how it changes management: MRI 11/11 is indeterminate.": facts cue study.field_label);
2. a plan that waits for the MRS is no MRS done ("date TBD once MRI/MRS done": study.planned_before);
3. a form's letterhead or title that names the MRS names the request (study.request_title);
4. a "Prior MRS" row answered with a word of denial ("never", "none", "no", "N/A", "not done") negates it;
5. a lay remark about spectroscopy ("she has read about spectroscopy") is no MRS done.

Near misses keep their prior MRS: an MRS dated by its own date with a result, a prior MRS named after the request in
its own clause, an MRS read at a dated MRI, one told done by a relative, a form row answered Yes with a date.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A = FactStatus.PRESENT, FactStatus.ABSENT

MRI = "MRI brain 10/30/2026: ring-enhancing right frontal lesion, indeterminate.\n"

CASES: dict[str, tuple[str, FactStatus]] = {
    # ------------------------------------------------ 1. a field label naming the MRS, another study's date after it
    "label-why-mrs-mri-date": ("Why MRS / how it changes management: MRI 11/11 is indeterminate.\n", A),
    "label-reason-for-mrs-ct": ("Reason for MRS: CT head 10/28/2026 showed a hypodense lesion.\n", A),
    "label-clinical-question-mrs": ("Clinical question for MR spectroscopy: MRI of 10/30 cannot separate tumour "
                                    "from abscess.\n", A),
    "label-indication-capitals": ("INDICATION FOR MRS: MRI 10/30/2026 equivocal.\n", A),
    "label-how-spectroscopy-changes": ("How will spectroscopy change management?  MRI 10/30 indeterminate; result "
                                       "decides biopsy.\n", A),
    "label-justification-wrapped": ("Justification for\nMR spectroscopy: the MRI of 10/30/2026 is "
                                    "nondiagnostic.\n", A),
    "label-medical-necessity-paren": ("Medical necessity (MRS): MRI brain (10/30/2026) indeterminate.\n", A),
    "label-rationale-british": ("Rationale for spectroscopy - MRI 30/10/2026 indeterminate, characterisation "
                                "needed.\n", A),
    "label-purpose-of-mrs": ("Purpose of MRS: MRI 10/30 indeterminate\n", A),
    # ------------------------------------------------ 2. a plan that waits for the MRS
    "plan-consent-tbd-once-done": ("Consent for biopsy signed; date TBD once MRI/MRS done\n", A),
    "plan-surgery-after-mrs-done": ("Surgery date to be set after the MRS is done.\n", A),
    "plan-biopsy-once-spectroscopy-performed": ("Stereotactic biopsy to be booked once spectroscopy has been "
                                                "performed.\n", A),
    "plan-tumor-board-when-completed": ("Tumor board 11/25/2026 - will discuss when the MRS is completed.\n", A),
    "plan-decision-pending-mrs": ("Decision on resection 11/12: on hold until MRS done.\n", A),
    "plan-capitals-after": ("NEUROSURGERY F/U AFTER MRS DONE\n", A),
    "plan-wrapped-once": ("Steroid taper 11/15; reassess once the MR\nspectroscopy is done.\n", A),
    "plan-following-mrs-completion": ("Oncology review to follow completion of the MRS.\n", A),
    "plan-joined-after-or": ("Resection to be scheduled after PET or MRS done.\n", A),
    "plan-joined-ampersand-wrapped": ("Family meeting 11/16; steroids held until MRI &\nMRS completed\n", A),
    "plan-joined-capitals-pending": ("BIOPSY ON HOLD PENDING MRI/MRS\n", A),
    # ------------------------------------------------ 3. a letterhead or form title naming the MRS
    "title-pa-request-dash": ("UPMC NEUROLOGY - PRIOR AUTHORIZATION REQUEST - MR SPECTROSCOPY\n", A),
    "title-pa-form-mrs": ("Prior Authorization Form: MR Spectroscopy (CPT 76390)\n", A),
    "title-precert-spectroscopy": ("PRECERTIFICATION REQUEST - BRAIN MR SPECTROSCOPY\n", A),
    "title-request-for-mrs-dated": ("Request for MRS, faxed 11/18/2026\n", A),
    "title-preauthorisation-british": ("Pre-authorisation request: magnetic resonance spectroscopy\n", A),
    "title-authorization-request-lower": ("authorization request - mr spectroscopy\n", A),
    "title-letterhead-clinic": ("Lakeside Neuro-Oncology Clinic | MRS Prior Auth Request\n", A),
    "title-form-heading": ("MR SPECTROSCOPY PRIOR AUTHORIZATION REQUEST FORM\n", A),
    "title-prior-auth-request-form-dated": ("Westside Imaging - Prior Authorization Request - Brain MRS "
                                            "11/18/2026\n", A),
    "title-prior-auth-colon-lower": ("prior authorization: proton mr spectroscopy\n", A),
    # ------------------------------------------------ 4. a "Prior MRS" row answered with a word of denial
    "row-never-period": ("Prior MRS: never.\n", A),
    "row-of-region-no-columns": ("Prior MRS of this region   No\n", A),
    "row-none": ("Prior MRS: none\n", A),
    "row-no-lower": ("prior mrs: no\n", A),
    "row-na-slash": ("Previous MR spectroscopy: n/a\n", A),
    "row-not-done": ("Prior MRS - not done\n", A),
    "row-never-capitals": ("PRIOR SPECTROSCOPY: NEVER\n", A),
    "row-none-on-file": ("Prior MRS (any site): None\n", A),
    "row-no-with-date-field": ("Prior MRS: No    Date: ____\n", A),
    "row-any-previous-dot-leader": ("Any previous MR spectroscopy ...... never\n", A),
    "row-prior-tab-no": ("Prior brain MRS\tNo\n", A),
    "row-prior-not-performed": ("Prior MRS: not performed.\n", A),
    # ------------------------------------------------ 5. a lay remark about spectroscopy
    "lay-read-about": ("She has read about spectroscopy online.\n", A),
    "lay-read-about-bare": ("Anxious; she has read about spectroscopy\n", A),
    "lay-heard-of": ("Mother has heard of MR spectroscopy from a support group.\n", A),
    "lay-friend-had": ("His wife says a friend found spectroscopy helpful.\n", A),
    "lay-researched": ("Patient has researched MRS and brought printouts.\n", A),
    "lay-looked-up-lower": ("dad looked up spectroscopy on the internet\n", A),
    "lay-curious": ("He is curious about the MR spectroscopy and what it involves.\n", A),
    "lay-knows-little": ("Family know little about spectroscopy; leaflet given.\n", A),
    "lay-learned-about-british": ("Mum learnt about MRS from the neurosurgical nurse.\n", A),
    # ------------------------------------------------ near misses: a prior MRS that was done
    "near-dated-ratio": ("MRS 09/14/2026: choline/NAA 2.1\n", P),
    "near-repeat-requested-prior-showed": ("repeat MRS requested; prior MRS 08/2026 showed elevated choline\n", P),
    "near-single-voxel-at-mri": ("single-voxel MRS at the 07/2026 MRI was non-diagnostic\n", P),
    "near-done-outside-per-mother": ("MRS done at the outside hospital last year per mother\n", P),
    "near-row-yes-dated": ("Prior MRS: Y (06/2026)\n", P),
    "near-row-yes-word": ("Prior MRS: Yes - 08/2026, elevated choline\n", P),
    "near-lactate-peak": ("Outside spectroscopy 09/2026 demonstrated a lactate peak.\n", P),
    "near-performed-dated": ("MR spectroscopy performed 09/30/2026 at St Mary's.\n", P),
    "near-label-with-own-result": ("Prior MRS result: NAA reduced, choline raised (09/2026).\n", P),
    "near-reason-label-then-prior-mrs": ("Why repeat MRS: prior MRS 08/2026 was non-diagnostic (motion).\n", P),
    "near-reason-given-after-label": ("Reason for request: MRS 09/2026 was equivocal\n", P),
    "near-prior-row-no-lactate": ("Prior MRS (08/2026): no lactate peak\n", P),
    "near-previous-row-read": ("Previous MRS: no lactate, choline mildly raised.\n", P),
    "near-joined-done-dated": ("MRI/MRS done 09/14/2026: choline peak, NAA low.\n", P),
    "near-auth-paperwork-and-prior": ("Prior auth request attached; prior MRS 08/2026 showed raised choline.\n", P),
    "near-read-about-but-had": ("She has read about spectroscopy; her MRS of 08/2026 showed raised choline.\n", P),
}


@pytest.mark.parametrize(("text", "status"), CASES.values(), ids=CASES.keys())
def test_prior_mrs_needs_evidence_it_was_done(analyze: Any, text: str, status: FactStatus) -> None:
    facts = facts_of(analyze, MRI + text + REQUEST_TAIL)
    fact = facts.facts["prior_mrs"]
    built = [s.date for s in facts.imaging if s.modality == "MRS"]
    assert (fact.status, bool(built)) == (status, status is P), (fact.note, built, [
        [(e.text, e.attributes.get("cue")) for e in s.evidence] for s in facts.imaging if s.modality == "MRS"])
