"""A differential in a pathology report is the tissue's read, not the imaging's: it does not make conventional
imaging inconclusive (cue verdict.tissue_label and the pathology-part words of verdict.other_test in
facts/resources/cues.yaml, read by facts/imaging.py other_test_verdict; pathology report titles and part headings of
sec.pathology in nlp/resources/sections.yaml).

Class: an MRI report whose impression is conclusive, then on the next page a pathology report whose frozen section,
permanent sections, intra-operative consultation, smear, cytology, immunohistochemistry or molecular part weighs a
differential ("FROZEN SECTION: glial versus metastatic carcinoma - defer to permanent sections"). The sectionizer
knew no such title or label, so the MRI's impression ran on over the page break and its "versus" made the MRI
inconclusive. The rule: a pathology report's title or part heading alone on its line ("INTRAOPERATIVE CONSULTATION
10/01/2026", "Frozen section diagnosis", "PERMANENT SECTIONS", "Molecular pathology report", "Immunohistochemistry")
is a pathology section and ends the imaging report; a line headed by a part's label with a colon or dash ("Frozen
section:", "Permanent sections:", "Touch prep:", "IHC:", "Methylation profiling:") reads the tissue, as does a verdict
whose subject is such a part ("Frozen section showed glial versus metastatic carcinoma").

Near misses keep their reading: the MRI report's own differential ("glioma versus lymphoma") stays inconclusive,
also with a pathology page after it that weighs a differential of its own; an MRI report that is indeterminate stays
so; a line opening with "Pathology:" that goes on to cite an MRI's differential still gives the MRI its verdict.

Limits: a pathology part told in prose with no label, title or test word ("Intra-op: glial versus metastatic") under
an imaging impression still reads as the imaging's; a title with words in parentheses after it ("INTRAOPERATIVE
CONSULTATION (FROZEN SECTION)") is no heading (its labelled lines still read the tissue).

Rows: id, text, {fact: expected status}. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import ClinicalFacts, FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
INCONCLUSIVE = "conventional_imaging_inconclusive"

MRI = ("MRI BRAIN WITH AND WITHOUT CONTRAST 10/20/2026\nFINDINGS: 3.4 cm heterogeneously enhancing mass in the left "
       "frontal lobe with surrounding vasogenic edema.\nIMPRESSION: Left frontal enhancing mass, consistent with a "
       "high-grade glioma.\n\f")
MRI_DIFFERENTIAL = ("MRI BRAIN W/WO 10/20/2026\nFINDINGS: Solitary enhancing periventricular mass with restricted "
                    "diffusion.\nIMPRESSION: Periventricular enhancing mass, glioma versus lymphoma.\n\f")
MRI_INDETERMINATE = ("MR HEAD W/WO CONTRAST 10/20/2026\nFINDINGS: Non-enhancing right temporal T2 hyperintensity.\n"
                     "IMPRESSION: Indeterminate right temporal signal abnormality.\n\f")

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ------------------------------------------------ a labelled line of a pathology page
    "frozen-section-label-under-title": (MRI + "INTRAOPERATIVE CONSULTATION 11/02/2026\nFROZEN SECTION: glial versus "
                                         "metastatic carcinoma - defer to permanent sections.\n", {INCONCLUSIVE: A}),
    "frozen-section-label-alone": (MRI + "Frozen section: glial versus metastatic carcinoma - defer to permanent "
                                   "sections.\n", {INCONCLUSIVE: A}),
    "frozen-section-diagnosis-label": (MRI + "FROZEN SECTION DIAGNOSIS: atypical glial cells, reactive versus "
                                       "neoplastic - defer.\n", {INCONCLUSIVE: A}),
    "permanent-sections-label": (MRI + "PERMANENT SECTIONS: infiltrating glioma versus reactive gliosis; IHC "
                                 "pending.\n", {INCONCLUSIVE: A}),
    "ihc-after-semicolon": (MRI + "IMMUNOHISTOCHEMISTRY: GFAP positive, Olig2 positive; glioma versus gliosis.\n",
                            {INCONCLUSIVE: A}),
    "touch-prep-dash": (MRI + "Touch prep - lymphoid cells, lymphoma versus reactive infiltrate.\n",
                        {INCONCLUSIVE: A}),
    "intraoperative-smear-label": (MRI + "Intra-operative consultation (smear): glial neoplasm versus metastasis; "
                                   "defer to permanents.\n", {INCONCLUSIVE: A}),
    "methylation-label": (MRI + "Methylation profiling: no match; glioma versus ependymoma cannot be resolved.\n",
                          {INCONCLUSIVE: A}),
    # ------------------------------------------------ a pathology title or part heading alone on its line
    "intraoperative-title-then-smear": (MRI + "INTRAOPERATIVE CONSULTATION\nSmear shows atypical cells, uncertain "
                                        "whether glial or metastatic.\n", {INCONCLUSIVE: A}),
    "frozen-diagnosis-heading": (MRI + "Frozen Section Diagnosis\nA. Left frontal mass: glioma versus metastatic "
                                 "carcinoma, defer.\n", {INCONCLUSIVE: A}),
    "permanent-sections-heading": (MRI + "PERMANENT SECTIONS\nInfiltrating glial neoplasm versus reactive gliosis; "
                                   "see comment.\n", {INCONCLUSIVE: A}),
    "molecular-report-heading": (MRI + "MOLECULAR PATHOLOGY REPORT 11/09/2026\nInterpretation: indeterminate; "
                                 "glioma versus reactive process.\n", {INCONCLUSIVE: A}),
    # ------------------------------------------------ a verdict whose subject is a pathology part
    "frozen-section-showed": (MRI + "The frozen section showed glial versus metastatic carcinoma; final diagnosis "
                              "deferred.\n", {INCONCLUSIVE: A}),
    "smear-was-equivocal": (MRI + "Her intra-operative smear was equivocal, lymphoma versus glioma.\n",
                            {INCONCLUSIVE: A}),
    "already-cytology": (MRI + "CYTOLOGY (smear): atypical cells, glioma versus lymphoma.\n", {INCONCLUSIVE: A}),
    # ------------------------------------------------ near misses
    "near-mri-differential": (MRI_DIFFERENTIAL, {INCONCLUSIVE: P}),
    "near-mri-differential-then-frozen": (MRI_DIFFERENTIAL + "FROZEN SECTION: lymphoid versus glial - defer to "
                                          "permanent sections.\n", {INCONCLUSIVE: P}),
    "near-mri-indeterminate-then-ihc": (MRI_INDETERMINATE + "IHC: GFAP positive; gliosis versus low-grade glioma.\n",
                                        {INCONCLUSIVE: P}),
    "near-pathology-line-cites-mri": ("Pathology: glioblastoma, IDH-wildtype. MRI brain 10/20/2026 showed "
                                      "recurrence versus radiation necrosis.\n", {INCONCLUSIVE: P}),
    "near-conclusive-alone": (MRI, {INCONCLUSIVE: A}),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_pathology_differential_not_imaging(fragment_facts: Callable[[str], ClinicalFacts], text: str,
                                            expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)
