"""A prior study known only second-hand, whose written report the packet says it does not have.

"The radiologist phoned a preliminary; the final report has not arrived", "report to follow", "outside MRI - report
not available", "verbal read only" (cue study.report_unavailable, in the citation's sentence or the next one of its
paragraph): what the study showed cannot rest on that read, so `conventional_imaging_inconclusive` is not documented
(the policies' imaging criterion is unknown: insufficient documentation), and the read stays as evidence marked
`superseded_by: report_unavailable`. The differential told from it is the clinician's and stays suspected. Near
misses keep the read: the report is attached or enclosed (cue study.report_in_hand), the final report followed the
phoned preliminary, the report is in the packet, only the images are missing or were not reviewed.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
PLAN = "Plan: MR spectroscopy (CPT 76390).\n"

CASES = {
    # text, conventional_imaging_inconclusive, brain_neoplasm
    "phoned preliminary, final report not arrived": (
        "MRI brain 11/12/2026: the radiologist phoned a preliminary read of a ring-enhancing left parietal lesion, "
        "abscess versus glioblastoma, indeterminate; the final report has not arrived.\n", N, S),
    "outside MRI, report not available": (
        "Per the referring office, the outside MRI brain of 10/20/2026 showed an indeterminate right frontal mass, "
        "possibly a glioma (report not available, images not reviewed).\n", N, S),
    "verbal read only": (
        "MRI brain 11/10/2026 (verbal read only): enhancing right temporal lesion, equivocal for high-grade glioma "
        "versus metastasis.\n", N, S),
    "report to follow in the next sentence": (
        "CT head 11/14/2026 showed an indeterminate hypodense left occipital lesion, metastasis versus infarct. "
        "Formal report to follow.\n", N, S),
    "called with a preliminary, awaiting the final report": (
        "Radiology called us with a preliminary read of the 11/05/2026 MRI: nonspecific enhancing lesion, glioma "
        "versus demyelination; awaiting the final report.\n", N, S),
    # a note's impression that cites the study (an untitled "report" found from the modality in its body)
    "a note's impression: outside CT, report pending": (
        "Assessment:\n1. New right temporal lesion on outside CT (read by phone only; report pending), "
        "indeterminate:\n   metastasis versus subacute infarct.\n", N, S),
    "a note's impression: MRI report not yet received": (
        "Impression:\n2. Left frontal lesion on MRI done elsewhere - written report not yet received.\n"
        "   Differential: low-grade glioma vs cortical dysplasia.\n", N, S),
    # near misses: the written read is in the packet
    "near miss: a note's impression citing an MRI with no word of its report": (
        "Impression:\n2. Left frontal lesion on MRI 10/01/2026.\n   Differential: low-grade glioma vs cortical "
        "dysplasia.\n", P, S),
    "near miss: report attached": (
        "MRI brain 10/02/2026 (report attached): enhancing right temporal lesion, indeterminate, glioma versus "
        "metastasis.\n", P, S),
    "near miss: the final report followed the phoned preliminary": (
        "MRI brain 10/02/2026: preliminary read called to the clinic; final report 10/05/2026 enclosed: enhancing "
        "right temporal lesion, equivocal, glioma versus metastasis.\n", P, S),
    "near miss: report attached, images not available": (
        "Outside MRI brain 10/02/2026 report attached; images not available for review. It showed an "
        "indeterminate right temporal lesion, glioma versus metastasis.\n", P, S),
    "near miss: the pathology report is the one pending": (
        "MRI brain 10/20/2026 showed an indeterminate left frontal lesion, glioma versus lymphoma; stereotactic "
        "biopsy 11/01/2026, path report pending.\n", P, S),
    "near miss: images not reviewed": (
        "Outside MRI brain 10/20/2026, images not reviewed here: indeterminate left frontal lesion, glioma versus "
        "lymphoma.\n", P, S),
    "near miss: the report is in the packet": (
        "MRI brain 11/05/2026: indeterminate left frontal lesion; final report to follow.\n"
        "MRI BRAIN WITH AND WITHOUT CONTRAST 11/05/2026\nFINDINGS: Enhancing left frontal lesion.\n"
        "IMPRESSION: Enhancing left frontal lesion, indeterminate; glioma versus lymphoma.\n", P, S),
}


@pytest.mark.parametrize(("text", "inconclusive", "neoplasm"), CASES.values(), ids=CASES.keys())
def test_a_read_without_its_report_establishes_no_verdict(analyze: Any, text: str, inconclusive: FactStatus,
                                                          neoplasm: FactStatus) -> None:
    facts = facts_of(analyze, text + PLAN + REQUEST_TAIL)
    fact = facts.facts["conventional_imaging_inconclusive"]
    got = (fact.status, facts.facts["brain_neoplasm"].status)
    assert got == (inconclusive, neoplasm), (fact.note, [(e.text, e.attributes.get("cue")) for e in fact.evidence])
    if inconclusive is N:
        assert "not in the packet" in (fact.note or "")
        read = [e for e in fact.evidence if e.attributes.get("superseded_by") == "report_unavailable"]
        assert read and all("study.report_unavailable" in e.attributes.get("cue", "") for e in read)
