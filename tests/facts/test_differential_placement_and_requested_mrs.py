"""Differential phrases, findings placed relative to a tumour, the requested MRS, second-hand old records, through the
facts (tests/nlp/test_differential_membership_and_old_records.py has the mentions).

1. A diagnosis told joining the differential with a verb is suspected ("lymphoma entered the differential"); one that
   left it is absent; "was added to the differential" adds no treatment since the imaging.
2. A tumour and a non-tumour finding placed relative to each other are one lesion's picture, no differential
   (cues differential.placed_relative, differential.named_with + differential.placed_inside_after): "to map the
   active tumour around the haematoma", "oedema around the metastasis", "the glioma with haemorrhage inside it";
   "tumour versus haematoma", "haemorrhagic metastasis or cavernoma?" stay a differential.
3. The MRS asked for is no prior MRS: named as the request ("Re: MRS request dated 11/18/2026",
   study.request_named_after), wished for ("Family wants the MRS done", study.planned_before), or dated on or after
   the request date in a plan (a month/day date read as its occurrence nearest the request date: "MRS with the
   navigation MRI 12/01 to map ..." is next month; neither is a prior study). "MRS 09/24/2026: raised choline" and
   "the previous spectroscopy (August) was equivocal" are prior MRS.
4. A tumour seen only in old records is suspected at most; a question or a concern closed later ("the tumour
   question was closed", "the lymphoma concern was laid to rest") settles the earlier hedge of the same finding
   (supersede.settling_rules); "the old records confirm a resected DNET (pathology 2015)" stays a known tumour.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
MRI = "MRI brain 10/01/2026: right frontal haemorrhagic mass.\n"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ------------------------------------------------ membership told with a verb
    "entered-the-differential": ("Assessment: MRS requested because lymphoma entered the differential.\n",
                                 {"cns_lymphoma": S, "known_brain_tumor": S}),
    "added-to-the-differential": (MRI + "Assessment: an oligodendroglioma was added to the differential after the "
                                        "repeat MRI.\n",
                                  {"brain_neoplasm": S, "known_brain_tumor": S, "treatment_since_imaging": N}),
    "came-into-consideration": ("Assessment: MRS ordered once metastatic disease came into consideration.\n",
                                {"brain_metastasis": S, "known_brain_tumor": S}),
    "left-the-differential": ("Assessment: lymphoma left the differential after the biopsy.\n",
                              {"cns_lymphoma": A}),
    "confirmed-on-biopsy": ("Assessment: lymphoma, confirmed on biopsy.\n", {"cns_lymphoma": P}),
    # ------------------------------------------------ findings placed relative to a tumour
    "tumour-around-haematoma": ("Plan: MRS requested to map the active tumour around the haematoma.\n",
                                {"tumor_vs_nontumor_differential": N, "brain_neoplasm": S}),
    "oedema-around-metastasis": ("Plan: MRS to evaluate the oedema around the metastasis.\n",
                                 {"tumor_vs_nontumor_differential": N}),
    "haemorrhage-inside-glioma": ("Request: spectroscopy to evaluate the haematoma inside the glioma.\n",
                                  {"tumor_vs_nontumor_differential": N}),
    "rim-surrounding-haematoma": ("Reason: to delineate the enhancing tumour rim surrounding the haematoma.\n",
                                  {"tumor_vs_nontumor_differential": N}),
    "glioma-with-haematoma-inside-it": ("MRI 10/01/2026: possible glioma with a haematoma inside it.\n",
                                        {"tumor_vs_nontumor_differential": N, "glial_neoplasm": S}),
    "navigation-mri-not-prior": (MRI + "Plan: MRS (multivoxel) with the navigation MRI 12/01 to map the active "
                                       "tumour around the haematoma.\n",
                                 {"tumor_vs_nontumor_differential": N, "conventional_imaging_inconclusive": N,
                                  "prior_mrs": A}),
    "tumour-versus-haematoma": ("MRI brain 10/01/2026: tumour versus haematoma.\n",
                                {"tumor_vs_nontumor_differential": P, "conventional_imaging_inconclusive": P}),
    "metastasis-or-cavernoma": ("MRI brain 10/01/2026: haemorrhagic metastasis or cavernoma?\n",
                                {"tumor_vs_nontumor_differential": P}),
    # ------------------------------------------------ the MRS asked for
    "request-subject-line": ("Re: MRS request dated 11/18/2026\n", {"prior_mrs": N}),
    "authorization-submitted": ("MRS authorization submitted 11/15/2026.\n", {"prior_mrs": N}),
    "family-wants-it-done": ("Family wants the MRS done before any surgery.\n", {"prior_mrs": N}),
    "parents-would-like-it": ("The parents would like the spectroscopy done soon.\n", {"prior_mrs": N}),
    "planning-mri-next-month": ("Plan: single-voxel MRS with the planning MRI 12/02 to outline the tumour "
                                "margin.\n", {"prior_mrs": N}),
    "mrs-on-a-later-day": ("Plan: MRS on 12/03 if approved.\n", {"prior_mrs": N}),
    "prior-mrs-dated": ("MRS 09/24/2026: raised choline.\n", {"prior_mrs": P}),
    "previous-spectroscopy": ("The previous spectroscopy (August) was equivocal.\n", {"prior_mrs": P}),
    "mrs-earlier-month-day": ("MRS on 10/03 showed a lactate doublet.\n", {"prior_mrs": P}),
    # ------------------------------------------------ old records, and questions closed
    "dnet-in-old-records": ("Assessment: I see a DNET mentioned in the old records.\n",
                            {"brain_neoplasm": S, "known_brain_tumor": S}),
    "old-chart-note": ("Assessment: an old chart note mentions a meningioma.\n", {"known_brain_tumor": S}),
    "tumour-question-closed": ("MRI 2024: possible low-grade tumour. Since then the tumour question was closed.\n",
                               {"brain_neoplasm": A, "known_brain_tumor": A}),
    "lymphoma-concern-laid-to-rest": ("CT 2025: ?lymphoma. The lymphoma concern was later laid to rest.\n",
                                      {"cns_lymphoma": A}),
    "glioma-worry-put-to-rest": ("MRI 2024: cannot exclude a glioma. Our worry about a glioma has since been put "
                                 "to rest.\n", {"glial_neoplasm": A}),
    "old-records-confirm": ("Assessment: the old records confirm a resected DNET (pathology 2015).\n",
                            {"known_brain_tumor": P}),
    "question-remains-open": ("MRI 2024: possible glioma. The glioma question remains open.\n",
                              {"glial_neoplasm": S}),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_differential_placement_requested_mrs_and_old_records(analyze: Any, text: str,
                                                              expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
