"""The MRS's purpose stated as the question it separates or the decision its result drives.

A request or plan names the MRS and says why in words of its own:
- what the spectrum should tell apart: "MRS to help separate lymphoma from abscess", "spectroscopy to tell
  tumour from radiation necrosis", "to sort out infection versus tumour" (purpose: diagnosis, rule
  purpose.separates);
- what it should pick or steer: "MRS to pick the biopsy target", "to choose between biopsy and aspiration" (both
  read already: purpose.biopsy, purpose.treatment_decision), "to pick the spot to sample", "to steer the
  stereotactic trajectory", "to choose where to sample" (purpose.sampling_site, biopsy guidance), "spectroscopy
  would decide whether we operate", "decide if she goes to theatre" (purpose.treatment_decision's options);
- what its result drives: "the MRS result decides how far we cut immunosuppression", "if the MRS spectrum shows a
  lactate peak we will treat as abscess" (a conditional on the MRS result: its purpose, not a hypothetical MRS),
  "what we do next depends on the MRS" (purpose.result_drives), "findings of the MRS will decide our course"
  (purpose.treatment_planning); "a choline peak would push us to biopsy" and "will determine the next step" were
  read already (purpose.management_steer, purpose.management_noun).
Each row names the MRS in the sentence or item that gives its purpose. Near misses keep their reading: an MRS
considered and not ordered, the spine MRS (its target stays the spine), another study's purpose (PET, biopsy), a
past MRS's purpose outside the request, a family's wish, a separation or decision told of no test.

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

SEPARATES = [
    ("sep-help-separate", NOTE + "We would like MRS to help separate lymphoma from abscess.\n"),
    ("sep-tell-from", NOTE + "Spectroscopy is wanted to tell tumour from radiation necrosis.\n"),
    ("sep-tell-apart", NOTE + "Brain MRS requested to tell the two apart: recurrent glioma or treatment effect.\n"),
    ("sep-sort-out-versus", NOTE + "MR spectroscopy to sort out infection versus tumour in the left thalamus.\n"),
    ("sep-separate-vs-abbrev", NOTE + "MRS (76390) ordered to separate PCNSL vs toxoplasmosis.\n"),
    ("sep-discriminate-between", NOTE + "The MRS should discriminate between demyelination and a low-grade "
                                        "glioma.\n"),
    ("sep-tease-apart", NOTE + "Single-voxel MRS to tease apart tumefactive MS from neoplasm.\n"),
    ("sep-line-wrap", NOTE + "MR spectroscopy of the enhancing left frontal lesion is requested to help\n"
                          "separate abscess from necrotic metastasis.\n"),
    ("sep-caps-form-field", HEAD + "\nREASON FOR STUDY: MRS TO SEPARATE TUMOR FROM RADIATION NECROSIS\n"),
    ("sep-sort-between", NOTE + "MRS to sort between a high-grade glioma and lymphoma, please.\n"),
    ("sep-tell-whether", NOTE + "Spectroscopy (MRS) should tell us whether this is abscess or tumour.\n"),
    ("sep-separating", NOTE + "Proton MRS is requested for separating progression from pseudoprogression.\n"),
]

PICKS = [
    ("pick-biopsy-target", NOTE + "MRS to pick the biopsy target within the enhancing rim.\n"),
    ("pick-spot-to-sample", NOTE + "Spectroscopy to pick the spot to sample at stereotactic biopsy.\n"),
    ("pick-choose-between", NOTE + "MRS requested to choose between biopsy and aspiration.\n"),
    ("pick-decide-operate", NOTE + "The spectroscopy would decide whether we operate.\n"),
    ("pick-steer-trajectory", NOTE + "MRS to steer the stereotactic trajectory toward the most active tumour.\n"),
    ("pick-decide-if-theatre", NOTE + "MR spectroscopy will decide if she goes to theatre.\n"),
    ("pick-plan-needle-path", NOTE + "MRS (CPT 76390) to plan the needle path for sampling.\n"),
    ("pick-choose-where", NOTE + "Spectroscopy requested to choose where to sample the lesion.\n"),
    ("pick-decide-to-operate-wrap", NOTE + "We need the MRS before the neurosurgery clinic next week to decide whether\n"
                                  "to operate or to watch.\n"),
    ("pick-select-entry", NOTE + "MRS to select the entry point for the stereotactic needle.\n"),
    ("pick-show-where-to-aim", NOTE + "The MRS map should show us where to aim at biopsy.\n"),
    ("pick-which-part-to-sample", NOTE + "Multivoxel MRS to decide which part of the rim to sample.\n"),
]

DRIVES = [
    ("drive-decides-how-far", NOTE + "The MRS result decides how far we cut immunosuppression.\n"),
    ("drive-push-biopsy", NOTE + "On the MRS, a choline peak would push us to biopsy; a lactate peak to "
                                  "aspiration.\n"),
    ("drive-if-shows-treat-as", NOTE + "If the MRS spectrum shows a lactate peak we will treat as abscess.\n"),
    ("drive-determine-next-step", NOTE + "The spectroscopy will determine the next step.\n"),
    ("drive-if-spectroscopy-we-will", NOTE + "If spectroscopy shows raised choline, we will proceed to resection.\n"),
    ("drive-result-dictates-dose", NOTE + "The MRS result will dictate how much we reduce tacrolimus.\n"),
    ("drive-should-mrs-show", NOTE + "Should the MRS show a lipid-lactate peak, we would treat it as lymphoma.\n"),
    ("drive-what-we-do-next", NOTE + "What we do next depends on the MR spectroscopy.\n"),
    ("drive-findings-decide-course", NOTE + "Findings of the MRS will decide our course.\n"),
    ("drive-if-mrs-suggests-manage", NOTE + "If MRS suggests abscess, we will manage as infection (drainage).\n"),
]

NEAR = [
    ("near-considered-not-ordered", NOTE + "MRS was considered but not ordered.\n", N),
    ("near-pet-separates", NOTE + "PET to separate tumour from necrosis.\n", N),
    ("near-pet-tells-apart", NOTE + "An FDG PET was done to tell tumour from radiation necrosis.\n", N),
    ("near-biopsy-decides", NOTE + "The biopsy will decide whether we operate.\n", N),
    ("near-family-wants-to-know", NOTE + "The family wants MRS to know more.\n", N),
    ("near-no-test-separates", NOTE + "Hard to separate lymphoma from abscess on this MRI alone.\n", N),
    ("near-no-mrs-decides", NOTE + "Neurosurgery will decide whether we operate after the clinic visit.\n", N),
    ("near-mrs-could-not-separate", NOTE + "The outside MRS could not separate tumour from necrosis.\n", N),
    ("near-mrs-cannot-tell", NOTE + "MR spectroscopy cannot tell lymphoma from glioma reliably.\n", N),
    ("near-plan-next-steps-insurance", HEAD + "Plan: next steps depend on insurance approval.\n", N),
    ("near-plan-if-mrs-denied", HEAD + "Plan: if MRS is denied, we will proceed to biopsy.\n", N),
    ("near-plan-if-pet-shows", HEAD + "Plan: if the PET shows hypermetabolism we will treat as lymphoma.\n", N),
    ("near-plan-pet-separates", HEAD + "Plan: PET to separate tumour from necrosis.\n", N),
    ("near-plan-lesion-separate", HEAD + "Assessment and plan: the lesion is separate from the dura.\n", N),
    ("near-plan-hard-to-separate", HEAD + "Plan: MRS. Hard to separate lymphoma from abscess on MRI.\n", N),
    ("near-plan-obtain-sample", HEAD + "Plan: we plan to obtain a CSF sample at the next visit.\n", N),
    ("near-plan-if-mrs-has-been-denied", HEAD + "Plan: if the MRS has been denied, we will proceed to biopsy.\n", N),
    ("near-plan-mrs-able-to-separate", HEAD + "Plan: discussed that MRS is able to separate tumour from necrosis in "
                                              "some cases; not requested today.\n", N),
]

# The spine MRS's purpose may be read, but its target stays the spine.
SPINE = [
    ("near-spine-separate", NOTE + "MRS of the spine to separate ependymoma from astrocytoma.\n"),
    ("near-spine-tell-apart", NOTE + "Cervical cord MR spectroscopy to tell demyelination from tumour.\n"),
]

# Where the codebase reads a purpose already named with "distinguish" (a past MRS, an MRS considered and not
# ordered: the sentence names the MRS), the new wordings read the same, neither more nor less.
SAME_AS_DISTINGUISH = [
    ("near-past-mrs", "MRS done in 2024 to {} tumour from necrosis.\n"),
    ("near-considered-not-ordered-with-purpose",
     "MRS was considered to {} tumour from necrosis but was not ordered.\n"),
    ("near-pet-with-mrs-later", "PET to {} tumour from necrosis; MRS afterwards if needed.\n"),
]


@pytest.mark.parametrize(("case", "text"), SEPARATES + PICKS + DRIVES,
                         ids=[r[0] for r in SEPARATES + PICKS + DRIVES])
def test_purpose_separates_and_decides(analyze: Any, case: str, text: str) -> None:
    check_facts(facts_of(analyze, text), {"mrs_purpose": P})


@pytest.mark.parametrize(("case", "text", "status"), NEAR, ids=[r[0] for r in NEAR])
def test_purpose_near_misses(analyze: Any, case: str, text: str, status: FactStatus) -> None:
    check_facts(facts_of(analyze, text), {"mrs_purpose": status})


@pytest.mark.parametrize(("case", "text"), SPINE, ids=[r[0] for r in SPINE])
def test_spine_mrs_keeps_its_target(analyze: Any, case: str, text: str) -> None:
    check_facts(facts_of(analyze, text), {"spine_indication": P})


@pytest.mark.parametrize(("case", "template"), SAME_AS_DISTINGUISH, ids=[r[0] for r in SAME_AS_DISTINGUISH])
@pytest.mark.parametrize("verb", ["separate", "tell", "sort out", "tease apart"])
def test_reads_as_distinguish_does(analyze: Any, case: str, template: str, verb: str) -> None:
    expected = facts_of(analyze, NOTE + template.format("distinguish")).facts["mrs_purpose"].status
    check_facts(facts_of(analyze, NOTE + template.format(verb)), {"mrs_purpose": expected})
