"""A PET offered as an alternative to the MR spectroscopy is no PET asked for with it (fact pet_same_workup in
facts/derive/imaging.py _offered_as_choice; cues study.alternative_or and study.alternative_to_mrs in
facts/resources/cues.yaml), through the real NLP stage to the facts.

Class: pet_same_workup ("PET requested with the MRS or done within 90 days"; Excellus: only one technique, PET or
MRS, should be performed, not both) read present when a recommendation or request named the PET only as the
alternative to the MRS: "and/or", a slash, "versus", an "or" with a fall-back aside ("or, failing that,",
"alternatively"), also with the PET first or the MRS's body part before the connector.
Rule: the words between a requested PET and the MR spectroscopy named next to it in its clause offer the one in
place of the other (study.alternative_to_mrs; a plain "or"/"either ... or" stays study.alternative_or): the PET is
neither asked for alongside the MRS nor done, and pet_same_workup is not present through it (absent, the PET cited
with the cue). "instead of", "rather than" and "as an alternative to" were already read (the PET negated or not
done); a PET "if MRS is not available/unavailable" is already hypothetical (not documented); rows pin both.
Near misses keep their reading: "MRS and amino-acid PET" and "as well as" ask for both (present), a PET done within
90 days of the request (present), a body PET for staging and a PET declined by the patient (absent), a PET to follow
if the MRS is equivocal and "MRS and, if equivocal, PET" (a conditional later PET: not documented), a PET/MRI fusion
(one study), a slash between other studies ("MRI/PET") and "MRI/MRS and PET" (present).

Limits: the alternative must be the study named right next to the PET in its clause; "MRS ... (or a PET, should the
scanner be down)" with other words or studies between is not read, nor an alternative told in another sentence
("Recommend MRS. PET would also be acceptable."). A slash is read as a choice only beside an MRS: "MRS/PET both
requested" would be read as a choice. A PET named in an Impression section next to a request date can still be
read as a study done ("Impression: consider MRS and/or PET" with the request date as its date; a separate class).

Rows: id -> (text, expected pet_same_workup). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.contracts import ClinicalFacts, FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
REQUEST = "PRIOR AUTHORIZATION REQUEST\n"

CASES: dict[str, tuple[str, FactStatus]] = {
    "and/or, recommends, purpose after": (
        "Radiology recommends spectroscopy and/or a methionine PET to separate tumour from treatment effect.\n", A),
    "and/or, PET first": ("Recommend FET-PET and/or MR spectroscopy of the left temporal lesion.\n", A),
    "and / or, spaced slash": ("Recommend MRS and/ or choline PET to settle the question.\n", A),
    "and/or, request form, body part before": (
        REQUEST + "Requested: MR spectroscopy brain and/or amino-acid PET.\n", A),
    "slash with spaces, work-up": ("Neuro-oncology recommends further characterisation with MRS / FDG-PET.\n", A),
    "slash, no spaces": ("Radiology recommends MRS/FET-PET.\n", A),
    "vs, recommendation label": ("Recommendation: MRS vs FET-PET for the enhancing margin.\n", A),
    "versus, after a colon": ("Recommended: proton MRS versus amino-acid PET, per neuroradiology.\n", A),
    "or, failing that": ("We recommend MR spectroscopy or, failing that, methionine PET.\n", A),
    "alternatively, set off by commas": ("Recommend single-voxel MRS, alternatively FET PET, before re-resection.\n", A),
    "or else": ("Request spectroscopy or else an F-DOPA PET.\n", A),
    "either ... or, obtain": ("Plan: obtain either MRS or amino-acid PET.\n", A),
    "or, tumour board recommends": ("Tumour board: spectroscopy or FDG-PET recommended, whichever is booked first.\n", A),
    "instead of (PET not taken)": ("Recommend MRS instead of FDG PET.\n", A),
    "as an alternative to MRS": ("Amino-acid PET is recommended as an alternative to MRS.\n", A),
    "PET only if MRS unavailable, aside": ("Recommend MRS or, if unavailable, FET-PET.\n", N),
    "PET in brackets if MRS cannot be done": ("Request MRS (FET-PET if MRS cannot be scheduled).\n", N),
    "near_both_and": ("Recommend MRS and amino-acid PET.\n", P),
    "near_both_as_well_as": ("Radiology recommends MR spectroscopy as well as FET-PET.\n", P),
    "near_both_on_request_form": (REQUEST + "Requested: MR spectroscopy brain and amino-acid PET.\n", P),
    "near_pet_done_within_90_days": ("FET-PET 10/30/2026 showed uptake; MRS now requested.\n", P),
    "near_body_pet_staging": ("PET-CT body 09/2026 staging.\n", A),
    "near_pet_declined": ("MRS requested; PET declined by the patient.\n", A),
    "near_pet_to_follow_if_equivocal": ("MRS first; PET to follow if equivocal.\n", N),
    "near_and_if_equivocal": ("Recommend MRS and, if equivocal, FET-PET.\n", N),
    "near_pet_mri_fusion": ("Recommend PET/MRI fusion for surgical planning.\n", P),
    "near_slash_between_other_studies": ("Recommend MRI/PET.\n", P),
    "near_mri_mrs_slash_and_pet": ("Recommend MRI/MRS and amino-acid PET.\n", P),
}


@pytest.mark.parametrize(("text", "status"), list(CASES.values()), ids=list(CASES))
def test_pet_offered_instead_of_mrs(fragment_facts: Callable[[str], ClinicalFacts], text: str,
                                    status: FactStatus) -> None:
    fact = fragment_facts(text).facts["pet_same_workup"]
    assert fact.status == status, [(e.text, e.attributes) for e in fact.evidence]
