"""Device parameters and form titles that look like clinical words.

Class 1 (non_brain_target / spine_indication; nlp target rule look.pacing_mode, facts cue
request.brain_mrs_after): a pacemaker's mode written label-first or in an interrogation table ("Mode DDD  LR 60",
"Pacing mode: DDDR", "programmed to DDD-60", "Mode: DDI", "restore DDD after the scan") is no degenerative disc
disease (spine.use "ddd"), so it must not make the MRS a spine request (exclusions *.not_brain, exc.spine); and a
76390 request line that names an intracranial site or lesion ("MR spectroscopy - multivoxel, L occipital lesion")
names the brain as the MRS target, so a stray spine word elsewhere is not its target. Near misses: disc disease named
as the MRS target ("DDD L4-5, discogenic pain, MRS of the disc", "MRS for degenerative disc disease") keeps the spine
target.

Class 2 (pet_same_workup; facts cue study.modality_scope): a form title's list of modalities ("IMAGING
PRE-CERTIFICATION" over "(MR / CT / PET / Nuclear Medicine)   Form KV-RAD-04 (rev 01/2026)", "Advanced Imaging
Request - MR/CT/PET/NM   Rev 03/25") names no PET, also when its authorization word is on the line above or a
second column follows after a wide gap. Near misses: "Studies requested: MRS and FDG-PET", a ticked "[X] PET"
option, "PET/CT ordered 11/20" stay a PET asked for.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED

# a request line that names no body part: the pacing mode alone would decide the MRS target
PLAIN_REQUEST = "PRIOR AUTHORIZATION REQUEST\nProcedure: 76390 MR spectroscopy\nDiagnosis: brain lesion, R90.89\n"

PACING = [
    ("mode label-first in an interrogation table", "Device interrogation: Mode DDD   LR 60   UTR 130   AV 180", N),
    ("pacing mode with a colon", "Pacing mode: DDDR", N),
    ("mode colon DDI", "Pacemaker check - Mode: DDI, lower rate 50", N),
    ("programmed to DDD with a rate", "Pacer programmed to DDD-60 before transfer.", N),
    ("restore after the scan", "MRI plan: switch to asynchronous pacing, restore DDD after the scan.", N),
    ("mode upper case, tabbed", "MODE\tDDDR\tLRL 60\tMTR 120", N),
    ("programmed mode, lower case", "ppm interrogated 10/02: programmed mode ddd, battery ok", N),
    ("mode equals", "Settings: mode=DDD, rate 70", N),
    ("reprogram to DDD", "EP to reprogram to DDDR after MRI.", N),
    ("mode with a line wrap", "Interrogation summary - pacing\nmode: DDD; RV lead impedance 540 ohms", N),
    ("return to DDD", "Return to DDD 60 following imaging.", N),
    ("mode in parentheses", "Medtronic Azure (mode DDD) - MR conditional.", N),
    # near misses: disc disease as the MRS target keeps the spine target
    ("near: DDD at a level, MRS of the disc", "REQUEST: DDD L4-5, discogenic pain, MRS of the disc.", P),
    ("near: MRS for degenerative disc disease", "REQUEST: MRS for degenerative disc disease.", P),
    ("near: spectroscopy for DDD", "REQUEST: MR spectroscopy for DDD at L5-S1.", P),
]


@pytest.mark.parametrize(("case", "text", "expected"), PACING, ids=[c[0] for c in PACING])
def test_a_pacing_mode_is_no_spine_target(analyze: Any, case: str, text: str, expected: FactStatus) -> None:
    facts = facts_of(analyze, PLAIN_REQUEST + text + "\n" + REQUEST_TAIL).facts
    for name in ("spine_indication", "non_brain_target"):
        f = facts[name]
        assert f.status is expected, (name, f.note, [e.text for e in f.evidence])


# a request line naming an intracranial site or lesion: a spine word elsewhere in the request is not the MRS target
SITE = [
    ("occipital lesion after a dash", "REQUEST: MR spectroscopy - multivoxel, L occipital lesion.", N),
    ("frontal mass after the code", "Requested: 76390 MRS, right frontal mass", N),
    ("thalamic lesion, lower case", "requested: mrs (76390) - single voxel, left thalamic lesion", N),
    ("cerebellar tumour, British", "Service requested: MR spectroscopy of the cerebellar tumour", N),
    ("temporal lobe lesion", "REQUEST: 76390 MR spectroscopy of the left temporal lobe lesion", N),
    ("periventricular lesions", "Procedure requested: MRS - periventricular lesions", N),
    ("parietal enhancing mass, abbreviation", "REQUEST: MR spectroscopy, Rt. parietal enhancing mass (76390)", N),
    ("pontine lesion with technique words", "REQUEST: 76390 proton MRS, 2D CSI - pontine lesion", N),
    # near misses: no intracranial site named, a skull site, or the disc named for the MRS keep the spine target
    ("near: request names no site", "REQUEST: MRS 76390.", P),
    ("near: temporal bone lesion", "REQUEST: MR spectroscopy - left temporal bone lesion.", P),
    ("near: disc named for the MRS", "REQUEST: MR spectroscopy - multivoxel, L occipital lesion; MRS of the L4-5 "
     "disc as well.", P),
]
STRAYS = ["Indication: low back pain, rule out discitis.", "A/P: 2. DDD with radiculopathy."]


@pytest.mark.parametrize("stray", STRAYS)
@pytest.mark.parametrize(("case", "text", "expected"), SITE, ids=[c[0] for c in SITE])
def test_a_request_naming_an_intracranial_site_is_a_brain_target(analyze: Any, case: str, text: str,
                                                                 expected: FactStatus, stray: str) -> None:
    f = facts_of(analyze, text + "\n" + stray + "\n" + REQUEST_TAIL).facts["spine_indication"]
    assert f.status is expected, (f.note, [e.text for e in f.evidence])


def test_near_disc_disease_in_a_history_list_stays_spine(mentions: Any) -> None:
    found = mentions("PMH: HTN; DDD with radiculopathy; GERD.")
    assert any(m.concept == "SPINE" and m.text == "DDD" for m in found), [(m.concept, m.text) for m in found]


REQUEST = "PRIOR AUTHORIZATION REQUEST\nRequested: 76390 MR spectroscopy, brain\n"

TITLES = [
    ("title wrapped under the authorization word", "IMAGING PRE-CERTIFICATION\n(MR / CT / PET / Nuclear Medicine)"
     "   Form KV-RAD-04 (rev 01/2026)", N),
    ("request title with a revision column", "Advanced Imaging Request - MR/CT/PET/NM   Rev 03/25", N),
    ("precert title, second column a page number", "Outpatient Precertification (MRI / CT / PET)      Page 1 of 3", N),
    ("authorization form, list on its own line", "RADIOLOGY PRIOR AUTHORIZATION FORM\nMRI / MRA / CT / PET-CT / NM", N),
    ("lower case, form number column", "prior auth request - mri, ct, pet, nm     form pa-17", N),
    ("British, wrapped list", "Advanced Imaging Authorisation\n(MRI | CT | PET | SPECT)     Version 4", N),
    ("pre-auth with a fax column", "Pre-Auth Request: MR/CT/PET/Nuclear Medicine     Fax 555-201-3344", N),
    ("title over a parenthesised list and a rev date", "PRECERTIFICATION REQUEST\n(CT / MR / PET)   rev. 2025-07", N),
    # near misses: a PET asked for stays asked for
    ("near: studies requested MRS and FDG-PET", "Studies requested: MRS and FDG-PET", P),
    ("near: ticked PET option among modalities", "Study requested:  [ ] CT   [X] PET   [ ] SPECT", P),
    ("near: ticked options with a wide gap", "Studies requested: [X] MRS  [X] PET  [ ] SPECT", P),
    ("near: list then an order column", "MRI / CT / PET      ordered 11/20, pending", P),
    ("near: PET/CT ordered with a date", "PET/CT brain ordered 11/20", P),
]


@pytest.mark.parametrize(("case", "text", "expected"), TITLES, ids=[c[0] for c in TITLES])
def test_a_form_title_names_no_pet(analyze: Any, case: str, text: str, expected: FactStatus) -> None:
    f = facts_of(analyze, text + "\n" + REQUEST + REQUEST_TAIL).facts["pet_same_workup"]
    assert f.status is expected, (f.note, [(e.text, e.attributes) for e in f.evidence])
