"""Management options that include a scan: "vs" or "either ... or" between ways of managing the patient chooses a
course of care also when one option is a scan, with or without its interval ("serial MRI every 3 months",
"an MRI in 8 weeks", "CT surveillance", "annual imaging"): no study is read inconclusive by it, the "versus" claimed by
the choice (targets.yaml look.treatment_choice, lexicon treatment_choice_scan and treatment_choice_interval)
hedges no diagnosis, and the scan inside the option is a plan, no prior study (facts cue study.choice_option).
Near misses, a read of a study: a differential after the study's name ("CT: haemorrhage vs calcification"), an
equivocal read weighing two findings, "either ... or" between two diagnoses a study shows.

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

A, P, S, N = FactStatus.ABSENT, FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.NOT_DOCUMENTED
INC = "conventional_imaging_inconclusive"
PRIOR = "prior_imaging_documented"

ROWS: list[tuple[str, str, dict[str, FactStatus]]] = [
    # options that include a scan: no inconclusive read, no prior study
    ("options-continue-drug-with-mri", "Options reviewed: continue natalizumab with an MRI every 6 months vs change "
     "to rituximab.", {INC: N, PRIOR: N}),
    ("weighed-serial-mri-vs-surgery", "We weighed serial MRI every 4 months versus early resection.",
     {INC: N, PRIOR: N}),
    ("discussed-interval-mri-vs-biopsy", "Discussed an interval MRI in 3 months vs stereotactic biopsy with her "
     "husband.", {INC: N, PRIOR: N}),
    ("considered-short-interval-ct", "We considered a repeat CT in 2 weeks versus drainage.", {INC: N, PRIOR: N}),
    ("annual-imaging-vs-srs", "He preferred annual imaging vs upfront SRS after we talked it through.",
     {INC: N, PRIOR: N}),
    ("mri-surveillance-vs-gks", "Decision: MRI surveillance versus GKS, to be revisited at tumour board.",
     {INC: N, PRIOR: N}),
    ("surgery-vs-scan-interval", "Plan was debated: craniotomy vs MRI q3 months.", {INC: N, PRIOR: N}),
    ("mri-yearly-vs-radiation", "Choice between yearly MRI vs radiotherapy was left to the patient.",
     {INC: N, PRIOR: N}),
    ("ct-vs-mri-follow-up", "Follow-up CT in 6 weeks vs proceeding to craniotomy was weighed.", {INC: N, PRIOR: N}),
    ("either-repeat-mri-or-biopsy", "We talked about either repeating the MRI in 8 weeks or proceeding to biopsy.",
     {INC: N, PRIOR: N}),
    ("either-observe-imaging-or-srs", "Either watch with MRI every 6 months or treat with radiosurgery.",
     {INC: N, PRIOR: N}),
    ("option-scan-vs-drug-stem", "Options: stay the course with MRI in 3 months versus switch to ofatumumab.",
     {INC: N, PRIOR: N}),
    # the second option opens with an action: the interval may come before the scan, or there is none
    ("interval-before-scan-vs-escalate", "Talked through staying on dimethyl fumarate with a 6-month MRI vs escalate "
     "to natalizumab.", {INC: N}),
    ("annual-scan-vs-refer", "Options: keep an eye on it with annual imaging versus refer to neurosurgery.",
     {INC: N}),
    ("scan-vs-to-switch", "Either yearly MRI, vs. to switch to cladribine now - she will decide.", {INC: N}),
    ("treatment-vs-taper", "Continue dexamethasone with a repeat CT in 10 days vs taper now.", {INC: N}),
    # the study done before the choice keeps its own read
    ("prior-read-kept-conclusive", "MRI brain 10/01/2026: typical meningioma, 11 mm. Options: MRI in 6 months vs "
     "radiosurgery.", {INC: A, PRIOR: P}),
    # near misses: a read of a study
    ("near-ct-differential", "CT head 10/01/2026: haemorrhage vs calcification.", {INC: P, PRIOR: P}),
    ("near-mri-colon-differential", "MRI: tumefactive demyelination versus low-grade glioma.", {INC: P}),
    ("near-equivocal-two-findings", "Follow-up MRI equivocal: new enhancement vs susceptibility artefact.",
     {INC: P}),
    ("near-either-two-diagnoses", "The MRI shows either a cerebritis or a necrotic metastasis.", {INC: P}),
    ("near-serial-mri-differential", "Serial MRI 09/2026: growth vs pseudoprogression.", {INC: P, PRIOR: P}),
    ("near-follow-up-mri-read", "The follow-up MRI of 09/30/2026 showed recurrence versus radiation necrosis.",
     {INC: P}),
    ("near-read-then-action-choice", "MRI 10/01/2026: new enhancement, progression vs pseudoprogression; options: "
     "continue temozolomide vs switch to lomustine.", {INC: P}),
    ("near-comparison-kept", "MRI 10/01/2026: new enhancing lesion, lymphoma vs glioma; stable vs prior elsewhere.",
     {INC: P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), ROWS, ids=[c[0] for c in ROWS])
def test_options_with_scans(analyze: Any, case: str, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)


INCONCLUSIVE_WORD = [
    ("choice-claims-vs", "Options: repeat MRI in 6 months vs resection.", False),
    ("choice-claims-versus-serial", "Serial MRI every 3 months versus biopsy.", False),
    ("near-differential-keeps-vs", "MRI: abscess vs necrotic glioma.", True),
]


@pytest.mark.parametrize(("case", "text", "present"), INCONCLUSIVE_WORD, ids=[c[0] for c in INCONCLUSIVE_WORD])
def test_options_with_scans_verdict_word(mentions: Any, case: str, text: str, present: bool) -> None:
    words = [m for m in mentions(text) if m.concept == "IMAGING_INCONCLUSIVE" and m.text.lower() in {"vs", "versus"}]
    assert bool(words) is present, [(m.concept, m.text, m.modifiers) for m in mentions(text)]
