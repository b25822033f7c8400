"""An MRS that was not done on the patient is no prior MRS.

Through the real NLP stage, fact level (prior_mrs and the MRS studies that `prescreen explain FILE prior_mrs`
lists). Class: prior_mrs read PRESENT (a spectroscopy already done, which Cohere then weighs under its 3-month
duplicate rule or pends for the date) from text that tells no MRS done on the patient. Rule: an MRS mention counts
as a prior study only when told as done on the patient (facts cues in pipeline/facts/resources/cues.yaml, checked
by `not_done_on_patient` in pipeline/facts/imaging.py from `mrs_not_done`):

1. the requested MRS held until a future event: after its name "cannot be done until ...", "deferred until ...",
   "not possible before ...", "on hold until ...", "CAN'T BE PERFORMED PRIOR TO ..." (study.held_until_after; a
   "not done / not possible" form needs the awaited event), or before it "we will not be able to do the MRS",
   "unable to perform spectroscopy" with the event after its name (study.held_until_before, study.held_event);
2. a relative's or another person's MRS: a possessive ("his cousin's MRS", "a family friend's spectroscopy") or
   such a person having had it ("Father underwent MR spectroscopy", study.other_person), or a sentence opening on
   that person's case ("With her uncle they said the spectroscopy showed changes", study.other_person_opener);
3. an MRS named on the title line of a planning, feasibility, protocol, scheduling or physics note, review or
   consult ("MR PHYSICS - FEASIBILITY NOTE, LUMBAR SPECTROSCOPY 10/29/2026", "SPECTROSCOPY PROTOCOL REVIEW",
   "MRS voxel planning consult 11/03/2026": study.planning_title).

Near misses keep their reading: an MRS dated with a read ("MRS 09/12/2026: choline peak, NAA reduced"), a prior
spectroscopy that showed lactate, a report title with findings ("MR SPECTROSCOPY BRAIN 10/02/2026 - FINDINGS: ..."),
a "Prior MRS? Yes - 08/2025" row, the patient's own MRS beside a relative's, an MRS done after an earlier deferral
(the rest of the clause tells it done or reads it), a protocol named inside a done MRS's read, an informant's report
("Mother says the MRS of 08/2026 showed ...", "Per her mother's report, MRS done ..."), a relative present while
the MRS is reviewed, a planning title followed by a prior MRS on its own line; "No prior MRS." stays absent and an
attempted MRS aborted for motion keeps today's reading (a study; tests/facts/test_aborted_studies_and_pet.py).

Limits: the other person must be named in the MRS's clause (a pronoun going on about a relative in the next sentence
is not followed); a son, daughter or child and "my husband / my wife" are never read as another person (a parent's
or spouse's letter is often about the patient), and a parent's "My daughter had a spectroscopy" is already read as
a relative's by the NLP rule fam.relative_has (unchanged here); a hold worded otherwise ("MRS awaits the cardiology
clearance") or a bare "we had to postpone the MRS" with no awaited event is not caught; a planning document is
recognised only on its title line (by its head nouns), not through its body; a hold or other-person MRS is set
aside only in the citation path (an MRS report's own title is not checked).
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A = FactStatus.PRESENT, FactStatus.ABSENT

MRI = "MRI brain 10/30/2026: ring-enhancing right frontal lesion, indeterminate.\n"

CASES: dict[str, tuple[str, FactStatus]] = {
    # ------------------------------------------------ 1. the requested MRS that cannot be done yet
    "held-cannot-until-icd": ("MR spectroscopy cannot be done until electrophysiology clears the new defibrillator "
                              "(review on 12/18/2026).\n", A),
    "held-deferred-until-stent": ("Spectroscopy deferred until the carotid stent is 6 weeks old (placed "
                                  "10/21/2026).\n", A),
    "held-not-possible-before-slot": ("MRS not possible before the anaesthesia slot on 12/03/2026.\n", A),
    "held-we-will-not-be-able": ("We will not be able to do the MRS until the pacing check of 12/01/2026.\n", A),
    "held-postponed-until-after": ("Proton MRS postponed until after the steroid taper; reassess "
                                   "12/09/2026.\n", A),
    "held-cant-be-performed-capitals": ("MRS CAN'T BE PERFORMED PRIOR TO NEUROSURGERY REVIEW 12/02/2026\n", A),
    "held-unable-to-perform-until": ("Unable to perform spectroscopy until the shunt valve is reprogrammed "
                                     "(11/29/2026).\n", A),
    "held-on-hold-pending-wrapped": ("The MR spectroscopy is on hold\nuntil the eGFR recovers (creatinine 2.1 on "
                                     "10/28/2026).\n", A),
    # ------------------------------------------------ 2. a relative's MRS or someone else's
    "other-brother-they-said": ("With her uncle they said the spectroscopy showed changes months before the "
                                "MRI did.\n", A),
    "other-my-sister-had": ("My cousin had an MR spectroscopy at the county hospital in 2019.\n", A),
    "other-cousins-mrs-normal": ("His cousin's MRS was normal.\n", A),
    "other-mothers-mrs-lactate": ("Mother's MRS (2015) showed a lactate peak - she has MELAS.\n", A),
    "other-father-underwent": ("Father underwent MR spectroscopy for his own glioma in 2018.\n", A),
    "other-friend-of-family": ("A family friend's spectroscopy in 2022 found a choline peak, so they are hopeful.\n",
                               A),
    # ------------------------------------------------ 3. a document about spectroscopy that is not a study
    "doc-physics-feasibility-note": ("MR PHYSICS - FEASIBILITY NOTE, LUMBAR SPECTROSCOPY 10/29/2026\n", A),
    "doc-protocol-review-dated": ("SPECTROSCOPY PROTOCOL REVIEW 11/01/2026\n", A),
    "doc-voxel-planning-consult": ("MRS voxel planning consult 11/03/2026\n", A),
    "doc-scheduling-note": ("Spectroscopy scheduling note, 11/05/2026\n", A),
    "doc-title-then-body": ("MR PHYSICS - FEASIBILITY NOTE, SPINAL SPECTROSCOPY 10/29/2026\nSingle-voxel "
                            "spectroscopy of the conus is feasible at 3T with an 8 mL voxel.\n", A),
    "doc-planning-meeting-lower": ("mrs planning meeting 11/04/2026 - voxel over the enhancing rim\n", A),
    "doc-feasibility-assessment-dash": ("MR Spectroscopy Feasibility Assessment - 10/27/2026\n", A),
    # ------------------------------------------------ near misses: keep their reading
    "near-dated-read": ("MRS 09/12/2026: choline peak, NAA reduced\n", P),
    "near-prior-showed-lactate": ("Her prior spectroscopy (2024) showed lactate.\n", P),
    "near-report-title-findings": ("MR SPECTROSCOPY BRAIN 10/02/2026 - FINDINGS: elevated choline, reduced "
                                   "NAA.\n", P),
    "near-prior-row-yes": ("Prior MRS? Yes - 08/2025\n", P),
    "near-no-prior-mrs": ("No prior MRS.\n", A),
    "near-own-mrs-beside-brothers": ("Her MRS of 08/2026 showed raised choline; her brother's MRS was normal.\n", P),
    "near-deferred-then-done": ("MRS was deferred in 2024 but performed 03/2025: raised choline.\n", P),
    "near-protocol-inside-read": ("MRS 09/2026 (single-voxel protocol, TE 30) showed a lactate doublet.\n", P),
    "near-informant-mother-says": ("Mother says the MRS of 08/2026 showed raised choline.\n", P),
    "near-relative-present-reviewed": ("With her mother present, we reviewed the MRS of 08/2026: raised choline.\n",
                                       P),
    "near-per-mothers-report": ("Per her mother's report, MRS done at the outside hospital 2025 showed lactate.\n",
                                P),
    "near-title-then-report-line": ("SPECTROSCOPY PROTOCOL REVIEW 11/01/2026\nPrior MRS 08/2026 showed a lactate "
                                    "peak.\n", P),
    "near-attempted-aborted-motion": ("MRS was attempted but aborted for motion on 10/10/2026.\n", P),
}


@pytest.mark.parametrize(("text", "status"), CASES.values(), ids=CASES.keys())
def test_mrs_not_done_on_patient_is_no_prior_mrs(analyze: Any, text: str, status: FactStatus) -> None:
    facts = facts_of(analyze, MRI + text + REQUEST_TAIL)
    fact = facts.facts["prior_mrs"]
    built = [s.date for s in facts.imaging if s.modality == "MRS"]
    assert (fact.status, bool(built)) == (status, status is P), (fact.note, built, [
        [(e.text, e.attributes.get("cue")) for e in s.evidence] for s in facts.imaging if s.modality == "MRS"])
