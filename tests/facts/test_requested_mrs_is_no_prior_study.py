"""The MRS being requested or only suggested is no prior MRS study.

Through the real NLP stage, fact level (prior_mrs and the MRS studies that `prescreen explain FILE prior_mrs`
lists). Class: the spectroscopy the packet asks for, plans or a report only suggests was read as a prior MRS (an
"MRS" study in the imaging list, dated with a neighbouring MRI's date), which fed Cohere's repeat-within-3-months
reading and the "prior MRS" facts. Rules (facts cues in pipeline/facts/resources/cues.yaml, mechanism
`neighbour_dates` in pipeline/facts/imaging.py):

1. an MRS named in a clause beside another study takes none of that study's dates (a date nearer the other study's
   name than the MRS's) when the MRS's own words (back to the punctuation before its name, on to the next study)
   neither read a spectrum (study.spectrum_result), give a verdict, nor tell it done (study.done, study.done_verb),
   unless the words between the two join them as one session (study.session_join: "MRI 09/2026 with
   spectroscopy", "MRS at the 09/2026 MRI"); such an MRS, undated, is the one asked for ("MRI 8/26 nonspecific,
   genetics asks for MRS", "MRI 10/02 equivocal, hence MRS", "Request: 1) MR spectroscopy, TE 35/144 - MRI
   10/02/2026 indeterminate");
2. an undated MRS whose only done word is of the future is no study done ("1. Proton MR spectroscopy of both
   hippocampi ..., to be done with the 3T epilepsy protocol": study.done_future);
3. a report's suggestion ("Consider MR spectroscopy.", "MRS could help") stays no study (rows kept from the
   recommendation cues already in place).

Near misses keep their prior MRS: an MRS with its own date and a read ("MRS 04/2025 showed a lactate doublet",
"Spectroscopy from 7/26: Cho/NAA 2.3"), a numbered item that reads a done MRS, an MRS beside a dated MRI that reads
its own spectrum ("MRI brain 10/02/2026, MRS: lactate doublet") or is joined to it ("MRI 10/02/2026 with
spectroscopy showing raised choline", "single-voxel MRS at the 09/2026 MRI was non-diagnostic").

Limits: an MRS named bare in a list of dated studies ("Imaging: MRI brain 10/02/2026, MRS, PET 09/2026") now has no
date and, with no done word, no study (it took the PET's date before); an MRS beside another study whose own words
give a verdict ("CT 09/30 nonspecific, MRS non-diagnostic") still takes the nearest date; the spectrum-result words
are English metabolite and ratio phrases, so an MRS read in other words beside a dated MRI loses its date.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A = FactStatus.PRESENT, FactStatus.ABSENT

MRI = "MRI brain 10/30/2026: ring-enhancing right frontal lesion, indeterminate.\n"

CASES: dict[str, tuple[str, FactStatus]] = {
    # ------------------------------------------------ 1. a numbered request or plan item describing the asked MRS
    "item-proton-both-hippocampi-to-be-done": ("1. Proton MR spectroscopy of both hippocampi (NAA/Cr ratio) for seizure "
                                               "lateralization, to be done on the 3T epilepsy protocol.\n", A),
    "item-under-plan-will-be-performed": ("Plan:\n1. MR spectroscopy of the left parietal lesion with lactate editing, "
                                          "will be performed at 3T.\n", A),
    "item-single-voxel-te": ("2. Single-voxel MRS of the right basal ganglia lesion, TE 30 and 135.\n", A),
    "item-paren-multivoxel": ("3) Multivoxel spectroscopy (CSI) across the left frontal mass to map choline.\n", A),
    "item-request-then-mri-dated": ("Request: 1) MR spectroscopy, right thalamus, single voxel, TE 30/135 - MRI "
                                    "10/02/2026 indeterminate.\n", A),
    "item-technique-then-mri-dated-lower": ("2. mrs of the posterior fossa mass (short + long TE) - outside mri "
                                            "9/14/2026 nondiagnostic\n", A),
    # ------------------------------------------------ 2. a reason line: the MRS shares a sentence with an MRI's date
    "reason-gamt-asks-for": ("Why: r/o GAMT deficiency - guanidinoacetate high, MRI 7/14 nonspecific, metabolic team "
                             "asks for MRS\n", A),
    "reason-equivocal-requested": ("MRI 09/03 equivocal; MRS requested\n", A),
    "reason-asked-by": ("Reason: MRI brain 10/11/2026 indeterminate, spectroscopy asked by neuro-oncology\n", A),
    "reason-hence": ("Reason: MRI 10/07 equivocal, hence MRS\n", A),
    "reason-next": ("Why: r/o mitochondrial disease - lactate high, MRI 9/19 nonspecific, MRS next\n", A),
    "reason-sought-dash": ("MRI 10/09/2026 equivocal - spectroscopy sought\n", A),
    "reason-to-characterise": ("Outside MRI 9/14/2026 nonspecific - MR spectroscopy to characterise.\n", A),
    "reason-asked-for-by": ("MRI 10/12/2026 equivocal, MRS asked for by oncology.\n", A),
    "reason-thus": ("MRI 10/03/2026 equivocal, thus MRS.\n", A),
    "reason-arrow": ("MRI 10/04/2026 equivocal -> MRS\n", A),
    # ------------------------------------------------ 3. a report's recommendation or suggestion
    "rec-consider": ("Consider MR spectroscopy.\n", A),
    "rec-radiologist-suggests-or": ("The radiologist suggests spectroscopy or short-interval follow-up.\n", A),
    "rec-could-help": ("MRS could help.\n", A),
    "rec-advised-by-radiology-dated-mri": ("MRI 10/06/2026 indeterminate, MRS advised by radiology.\n", A),
    "rec-impression-consider": ("MRI BRAIN W/WO 10/02/2026\nIMPRESSION: Indeterminate left thalamic lesion. "
                                "Consider MR spectroscopy.\n", A),
    "rec-may-be-helpful": ("MR spectroscopy may be helpful to distinguish tumor from demyelination.\n", A),
    # ------------------------------------------------ near misses: a prior MRS that was done
    "near-lactate-doublet": ("MRS 04/2025 showed a lactate doublet\n", P),
    "near-prior-outside-paren": ("prior spectroscopy (outside, 2023): raised choline\n", P),
    "near-performed-dash": ("MR spectroscopy performed 09/12/2026 - NAA reduced\n", P),
    "near-repeat-spectra-nondiagnostic": ("repeat MRS: the 08/2026 spectra were non-diagnostic (motion)\n", P),
    "near-spectroscopy-from-ratio": ("Spectroscopy from 7/26: Cho/NAA 2.3\n", P),
    "near-item-done-dated": ("1. MRS 08/2026: choline peak raised, NAA low.\n", P),
    "near-beside-mri-reads-spectrum": ("MRI brain 10/02/2026, MRS: lactate doublet\n", P),
    "near-beside-mri-done-word": ("MRI 10/02/2026 nonspecific, MRS the same session showed a lactate peak\n", P),
    "near-joined-with": ("MRI 10/02/2026 with spectroscopy showing raised choline\n", P),
    "near-joined-at-the-mri": ("single-voxel MRS at the 09/2026 MRI was non-diagnostic\n", P),
    "near-joined-and-showed": ("MRI 10/02/2026 and MRS showed raised choline\n", P),
    "near-had-before-name": ("MRI 10/02/2026 nonspecific, had MRS that showed a lactate peak.\n", P),
    "near-outside-elevated": ("MRI 10/02/2026 nonspecific, outside MRS elevated choline.\n", P),
}


@pytest.mark.parametrize(("text", "status"), CASES.values(), ids=CASES.keys())
def test_requested_mrs_is_no_prior_study(analyze: Any, text: str, status: FactStatus) -> None:
    facts = facts_of(analyze, MRI + text + REQUEST_TAIL)
    fact = facts.facts["prior_mrs"]
    built = [s.date for s in facts.imaging if s.modality == "MRS"]
    assert (fact.status, bool(built)) == (status, status is P), (fact.note, built, [
        [(e.text, e.attributes.get("cue")) for e in s.evidence] for s in facts.imaging if s.modality == "MRS"])
