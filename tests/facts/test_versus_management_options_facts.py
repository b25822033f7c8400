""""Vs" between management options is no imaging differential: the fact conventional_imaging_inconclusive,
through the real NLP stage.

Class: a "vs"/"versus" between ways of managing the patient, one of them surveillance imaging told in an aside
("observation (serial MRI) vs radiosurgery", "SRS vs observation (MRI q6m)"), a list of three options, or an option
named "Gamma Knife" or "fractionated RT", made the study inconclusive (the "vs" an inconclusive verdict word) and the
surveillance MRI of the option a prior study: a false approval wherever the indication rests on inconclusive
conventional imaging. Rule: targets.yaml look.treatment_choice (its aside patterns, lexicon
treatment_choice_aside_interval; it claims img.inconclusive, poss.versus and poss.versus_past_aside); the scan
inside the match is an option, no study done (facts cue study.choice_option). A study done before the options keeps
its own read.

Near misses: a differential read of a study ("MRI 10/02: enhancing lesion, tumour vs radiation necrosis",
"recurrence versus pseudoprogression on the 11/01 MRI") stays inconclusive; "DDx: meningioma vs schwannoma" and
"MRI brain: ? abscess vs necrotic metastasis" keep the tumour suspected; a dated study done inside a plan sentence
("repeat MRI 10/30 showed growth; options now SRS vs surgery") stays a prior study.

Rows: id, text, {fact: expected status}. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

A, P, S, N = FactStatus.ABSENT, FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.NOT_DOCUMENTED
INC = "conventional_imaging_inconclusive"
PRIOR = "prior_imaging_documented"
TUMOR = "brain_neoplasm"

ROWS: list[tuple[str, str, dict[str, FactStatus]]] = [
    ("observation-aside-vs-radiosurgery", "Options discussed: observation (serial MRI) vs. radiosurgery.",
     {INC: N, PRIOR: N}),
    ("wait-and-scan-aside-vs-srs", "Wait-and-scan (MRI at 6 months) vs SRS.", {INC: N, PRIOR: N}),
    ("three-options-aside-last", "radiosurgery vs fractionated RT vs observation (MRI q6m)", {INC: N, PRIOR: N}),
    ("hypofractionated-watch-and-wait", "Radiosurgery vs. hypofractionated radiotherapy vs. watch and wait (MRI "
     "q3-6m).", {INC: N, PRIOR: N}),
    ("gamma-knife-tumour-before", "Options for the left vestibular schwannoma: surveillance (MRI q6m) vs Gamma "
     "Knife.", {INC: N, PRIOR: N, TUMOR: P}),
    ("capitals-six-monthly", "Meningioma, 14 mm: SURVEILLANCE (MRI 6-MONTHLY) VS SRS.", {INC: N, PRIOR: N, TUMOR: P}),
    ("line-wrap-before-aside", "Plan: observation\n(MRI q6m) vs radiosurgery - patient to decide.",
     {INC: N, PRIOR: N}),
    ("brackets-british-interval", "Conservative management [MRI in 3/12] vs. re-resection of the tumour.",
     {INC: N, PRIOR: N}),
    ("plural-scans-versus", "Watch and wait (MRIs q6mo) versus surgery.", {INC: N, PRIOR: N}),
    ("or-then-vs-monthly", "Gamma knife or observation (6-monthly MRI) vs microsurgery.", {INC: N, PRIOR: N}),
    ("aside-after-second-option", "Treatment options (glioma): re-resection vs. chemoradiation vs. surveillance (MRI "
     "every 2-3 months).", {INC: N, PRIOR: N}),
    ("whole-brain-three-options", "WBRT vs. SRS vs. observation (MRI brain every 3 months), favouring SRS.",
     {INC: N, PRIOR: N}),
    ("brief-surveillance-repeat-mri", "Options: surveillance (repeat MRI in 3 mo) vs Gamma Knife", {INC: N, PRIOR: N}),
    ("brief-watchful-serial", "watchful waiting with serial MRI versus resection", {INC: N, PRIOR: N}),
    ("brief-interval-imaging", "We discussed observation with interval imaging versus upfront surgery.",
     {INC: N, PRIOR: N}),
    ("brief-plan-a-plan-b", "Plan A: MRI surveillance; plan B: SRS", {INC: N, PRIOR: N}),
    # a study done before the options keeps its own read
    ("prior-read-kept", "MRI IAC 10/02/2026: 9 mm left vestibular schwannoma, typical appearance. Options: "
     "observation (serial MRI) vs. radiosurgery.", {INC: A, PRIOR: P, TUMOR: P}),
    # near misses: a differential read of a study, a study done
    ("near-tumour-vs-radiation-necrosis", "MRI 10/02/2026: enhancing lesion, tumour vs radiation necrosis.",
     {INC: P, PRIOR: P}),
    ("near-recurrence-vs-pseudoprogression", "Recurrence versus pseudoprogression on the 11/01/2026 MRI.",
     {INC: P, PRIOR: P}),
    ("near-read-then-options", "MRI 10/02/2026: enhancing lesion, tumour vs radiation necrosis. Options: observation "
     "(MRI in 6 weeks) vs re-resection.", {INC: P, PRIOR: P}),
    ("near-ddx-meningioma-schwannoma", "DDx: meningioma vs schwannoma", {TUMOR: S}),
    ("near-abscess-vs-metastasis", "MRI brain: ? abscess vs necrotic metastasis", {TUMOR: S}),
    ("near-dated-study-in-plan", "Repeat MRI 10/30/2026 showed growth; options now SRS vs surgery.",
     {INC: N, PRIOR: P}),
    ("near-dated-study-then-aside-option", "Repeat MRI 10/30/2026 showed growth; options now SRS vs surgery "
     "(MRI q3m).", {PRIOR: P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), ROWS, ids=[c[0] for c in ROWS])
def test_versus_management_options_facts(analyze: Any, case: str, text: str,
                                         expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
