"""What the MRS result changes, told as a choice between next steps, is the MRS's purpose.

Class: a request says what the spectroscopy is for only by the step its result spares, keeps in play or has taken
instead of another: "the MRS may let us skip the lumbar puncture", "a flat spectrum keeps the nerve biopsy on the
table", "spectroscopy could take the biopsy off the table", "with a lactate peak we go to mtDNA testing rather than
the muscle biopsy"; mrs_purpose read nothing (only "would move us towards a muscle biopsy" and "spares her a
craniotomy" were read: purpose.management_steer).

Rule (targets.yaml purpose.step_spared_or_kept and purpose.step_instead, PURPOSE treatment_planning, attrs told_of:
mrs_result): a verb of sparing or skipping ("spare", "save", "skip", "avoid", "forgo", "bypass", "obviate the need
for") and a procedure; a verb of keeping or taking and a step "on / off the table"; "rather than", "instead of", "in place of", "in lieu
of" and a step (a test right before it is the step chosen, not the purpose's subject: cues.yaml
purpose.chosen_step_gap). It counts (facts/purpose.py) only in a clause that names the MRS, or that tells a spectral
result (cues.yaml purpose.refers_back: "a flat spectrum keeps ...", "with a lactate peak we ...") in a request
section or right after the MRS's sentence; never from its section alone.

Near misses keep their reading: a step chosen with no MRS ("biopsy instead of another scan was chosen in 2024",
"surgery is off the table"), a table that is furniture, another test's sparing ("the PET scan spares him the
biopsy"), the MRS as the alternative not taken, an MRS finding, a wish of the patient's, a past choice in a clause
beside the MRS request.

Limits known: a spared or kept step outside the listed procedures and treatments ("keeps genetic testing on the
table") is not read; a sentence that tells the result only by a diagnosis ("if this is Leigh syndrome, we skip the
biopsy") and names no MRS or metabolite is not tied to the MRS.

Rows are freshly written; near misses must not change.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HEAD = "PRIOR AUTHORIZATION REQUEST\nDate of request: 11/20/2026\nCPT 76390\n"
NOTE = HEAD + "\nCLINIC NOTE\n"
PLAN = HEAD + "Plan: "

ROWS = [
    ("rather-than-muscle-biopsy", NOTE + "If the MRS shows a lactate doublet, we would send mtDNA sequencing rather "
                                         "than a muscle biopsy.\n"),
    ("with-peak-instead-of", NOTE + "Brain MRS requested. With a raised lactate peak we would proceed to POLG "
                                    "testing instead of the muscle biopsy.\n"),
    ("flat-spectrum-keeps-on-table", NOTE + "MR spectroscopy of the basal ganglia ordered.\nA flat spectrum keeps "
                                            "the skin biopsy on the table.\n"),
    ("spares-repeat-craniotomy", NOTE + "Should the choline climb, the spectroscopy spares him a repeat "
                                        "craniotomy.\n"),
    ("take-off-the-table", NOTE + "Spectroscopy could take the stereotactic biopsy off the table.\n"),
    ("let-us-skip-lp", NOTE + "MRS might let us skip the lumbar puncture.\n"),
    ("spare-child-lp", NOTE + "The MRS (76390) may spare the child a lumbar puncture under sedation.\n"),
    ("obviate-need-for", NOTE + "Multivoxel MRS would obviate the need for a second stereotactic biopsy.\n"),
    ("in-place-of-resection", NOTE + "A typical abscess pattern on MRS means aspiration in place of open "
                                     "resection.\n"),
    ("take-re-resection-off", NOTE + "MR spectroscopy: a 2HG peak would take re-resection off the table.\n"),
    ("plan-normal-spectrum-keeps", PLAN + "a normal spectrum keeps the muscle biopsy option on the table.\n"),
    ("avoid-brain-biopsy", NOTE + "Proton MRS requested - with a clear NAA drop we could avoid the brain biopsy "
                                  "altogether.\n"),
    ("caps-spare-repeat-lp", NOTE + "SPECTROSCOPY MAY SPARE PATIENT A REPEAT LP.\n"),
    ("forgo-nerve-biopsy", NOTE + "The MRS result could let her forgo the nerve biopsy.\n"),
    ("skip-diagnostic-tap", NOTE + "MRS ordered to see whether we can skip the diagnostic tap.\n"),
    ("bypass-muscle-biopsy", NOTE + "MRS requested: a lactate peak would let him bypass the muscle biopsy and go "
                                    "straight to genetic testing.\n"),
    ("keep-surgery-firmly-off", NOTE + "The spectroscopy should keep surgery firmly off the table if the lesion "
                                       "looks demyelinating.\n"),
    ("in-lieu-of-after-mrs", NOTE + "MRS requested. If the lactate is raised, we will do exome sequencing in lieu "
                                    "of a muscle biopsy.\n"),
    ("save-second-operation", NOTE + "A lipid-lactate peak on MRS would save her a second operation.\n"),
    ("mrs-chosen-rather-than-biopsy", NOTE + "We would favour MRS rather than a second stereotactic biopsy.\n"),
    ("plan-mrs-rather-than-rebiopsy", PLAN + "MR spectroscopy of the rim rather than a repeat biopsy.\n"),
]

NEAR = [
    ("near-no-mrs-instead-of-scan", NOTE + "Biopsy instead of a further scan was chosen in 2024.\n"),
    ("near-plan-no-mrs-rather-than", PLAN + "biopsy rather than another scan was chosen in 2024.\n"),
    ("near-diary-on-table", NOTE + "Keeps the seizure diary on the table beside the bed.\n"),
    ("near-pet-spares-biopsy", NOTE + "The PET scan spares him the biopsy.\n"),
    ("near-plan-pet-spares-biopsy", PLAN + "the FDG PET could spare her the biopsy.\n"),
    ("near-biopsy-instead-of-mrs", NOTE + "A muscle biopsy was done instead of MRS.\n"),
    ("near-mrs-finding", NOTE + "MR spectroscopy showed a lactate doublet.\n"),
    ("near-plan-surgery-off-table", PLAN + "given her frailty, surgery is off the table.\n"),
    ("near-plan-steroids-rather-than", PLAN + "we chose steroids rather than a biopsy.\n"),
    ("near-wish-avoid-lp", NOTE + "She would like to avoid the lumbar puncture if possible.\n"),
    ("near-plan-eeg-skip-lp", PLAN + "the EEG may let us skip the lumbar puncture.\n"),
    ("near-neurosurgery-kept-biopsy", NOTE + "Neurosurgery kept the biopsy on the table after clinic.\n"),
    ("near-other-clause-names-mrs", HEAD + "Prior stereotactic biopsy 2023 rather than resection; MRS requested for "
                                          "recurrence.\n"),
    ("near-skipped-lp-after-mrs", NOTE + "MRS requested. Lumbar puncture was skipped in 2023 because of "
                                         "anticoagulation.\n"),
]


@pytest.mark.parametrize(("case", "text"), ROWS, ids=[r[0] for r in ROWS])
def test_step_spared_or_kept_is_the_purpose(analyze: Any, case: str, text: str) -> None:
    fact = facts_of(analyze, text).facts["mrs_purpose"]
    check_facts(facts_of(analyze, text), {"mrs_purpose": P})
    assert any(e.rule_id and e.rule_id.startswith("purpose.") for e in fact.evidence), \
        [(e.rule_id, e.text) for e in fact.evidence]


@pytest.mark.parametrize(("case", "text"), NEAR, ids=[r[0] for r in NEAR])
def test_step_spared_or_kept_near_misses(analyze: Any, case: str, text: str) -> None:
    check_facts(facts_of(analyze, text), {"mrs_purpose": N})
