"""The MRS request's purpose is not a prior study's verdict, through the facts.

A sentence that asks for the MRS and says what it should find may name the prior study only to say that study did
not show it ("MRS requested to r/o early glioma not yet visible on MRI", "spectroscopy to look for an early tumour
the CT cannot show yet", "MRS to rule out lymphoma missed by the MRI"). The hedge is the new test's question, not
the cited study's read: the citation gives no inconclusive verdict (cues verdict.not_shown_before,
verdict.not_shown_after in pipeline/facts/resources/cues.yaml; imaging.py _not_shown), and the suspected disease
stays suspected ("occult glioma": poss.occult in pipeline/nlp/resources/context.yaml). A study that could not settle
the question stays inconclusive (near misses: "?low-grade glioma vs demyelination", "equivocal for tumour",
"incompletely characterized", "could not distinguish tumour from abscess").
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
INC = "conventional_imaging_inconclusive"
NORMAL = "MRI brain 10/21/2026: Normal MRI brain. No evidence of intracranial neoplasm.\n"
NOT_INC = {INC: A}  # the normal MRI's definite read stands: conclusive, never inconclusive
NO_READ = {INC: N}  # without the normal report the study has no verdict at all

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ------------------------------------------------ "not (yet) visible / seen / detectable on <study>"
    "rule-out-not-yet-visible": (NORMAL + "Plan: MRS requested to r/o early glioma not yet visible on MRI.\n",
                                 {**NOT_INC, "glial_neoplasm": S}),
    "rule-out-not-seen-the-mri": (NORMAL + "Plan: MR spectroscopy is requested to rule out a low grade glioma not "
                                           "seen on the MRI.\n", NOT_INC),
    "evaluate-for-not-detectable": (NORMAL + "please approve MRS to evaluate for metastasis not detectable on the "
                                             "recent MRI\n", {**NOT_INC, "brain_metastasis": S}),
    "caps-not-visible": (NORMAL + "PLAN: MRS REQUESTED TO R/O LYMPHOMA NOT YET VISIBLE ON MRI.\n",
                         {**NOT_INC, "cns_lymphoma": S}),
    "wrapped-not-shown": (NORMAL + "Request: spectroscopy (CPT 76390) to exclude an early tumour not\nshown on the "
                                   "10/21 MRI.\n", {**NOT_INC, "brain_neoplasm": S}),
    "british-not-visualised": (NORMAL + "Spectroscopy requested to look for a tumour not yet visualised on the "
                                        "MRI.\n", {**NOT_INC, "brain_neoplasm": S}),
    "no-report-not-visible": ("Plan: MRS requested to r/o early glioma not yet visible on MRI.\n",
                              {INC: N, "glial_neoplasm": S}),
    "missed-by-the-mri": (NORMAL + "MRS to rule out lymphoma missed by the MRI.\n",
                          {**NOT_INC, "cns_lymphoma": S}),
    "missed-on-outside-mri": (NORMAL + "Plan: we request MRS to r/o metastasis missed on the outside MRI.\n",
                              {**NOT_INC, "brain_metastasis": S}),
    "occult-not-detectable": (NORMAL + "Occult glioma not detectable on last month's MRI - please approve MRS.\n",
                              {**NOT_INC, "glial_neoplasm": S}),
    "occult-lymphoma-not-seen": ("Occult lymphoma not seen on the MRI; please approve the MRS.\n",
                                 {"cns_lymphoma": S}),
    # ------------------------------------------------ "<study> cannot show / did not show"
    "ct-cannot-show-yet": (NORMAL + "Plan: spectroscopy to look for an early tumour the CT cannot show yet.\n",
                           {**NOT_INC, "brain_neoplasm": S}),
    "mri-cannot-yet-show": (NORMAL + "MRS requested to look for early glioma, which the MRI cannot yet show.\n",
                            {**NOT_INC, "glial_neoplasm": S}),
    "mri-did-not-show": (NORMAL + "Request MRS to r/o lymphoma that the MRI did not show.\n",
                         {**NOT_INC, "cns_lymphoma": S}),
    "mri-fails-to-detect": (NORMAL + "Spectroscopy ordered to evaluate for a low-grade tumour the conventional MRI "
                                     "fails to detect.\n", {**NOT_INC, "brain_neoplasm": S}),
    "mri-doesnt-show": (NORMAL + "MRS requested: r/o early metastasis the MRI doesn't show.\n",
                        {**NOT_INC, "brain_metastasis": S}),
    "ct-could-not-show": ("Please approve MRS to rule out a tumour the CT could not show.\n", {INC: N}),
    "mri-wont-show": (NORMAL + "MRS to look for an early glioma the MRI won't show yet.\n",
                      {**NOT_INC, "glial_neoplasm": S}),
    # ------------------------------------------------ near misses: the cited study's own open read
    "near-versus-read": ("MRI 10/21: ?low-grade glioma vs demyelination.\n", {INC: P, "glial_neoplasm": S}),
    "near-equivocal": ("MRI equivocal for tumour; MRS to clarify.\n", {INC: P}),
    "near-could-not-distinguish": ("MRS requested because the MRI could not distinguish tumour from abscess.\n",
                                   {INC: P}),
    "near-cannot-show-whether": ("MRS requested because the MRI 10/21 cannot show whether this is tumour or "
                                 "abscess.\n", {INC: P}),
    "near-possible-glioma-seen": ("MRS requested to evaluate possible glioma seen on the MRI 10/21.\n",
                                  {INC: P, "glial_neoplasm": S}),
    "near-mri-suspicious": ("MRI 10/21/2026: suspicious for low grade glioma. MRS requested.\n",
                            {INC: P, "glial_neoplasm": S}),
    "near-incompletely-characterised": ("MRI 10/21/2026: lesion incompletely characterized. MRS requested.\n",
                                        {INC: P}),
    "near-not-seen-negates": ("MRI brain 10/21/2026: tumour not seen on MRI.\n", {INC: A, "brain_neoplasm": A}),
    "near-occult-primary": ("Brain metastasis from an occult primary; MRS requested.\n", {"brain_metastasis": P}),
}


@pytest.mark.parametrize("text,expected", list(CASES.values()), ids=list(CASES))
def test_request_purpose_not_verdict(analyze: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
