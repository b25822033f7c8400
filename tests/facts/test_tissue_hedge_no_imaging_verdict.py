"""A pathologist's doubt about tissue is no imaging verdict: conventional_imaging_inconclusive is not read from a
frozen section's, smear's, cytology's or preliminary pathology read's own differential or deferral.

Class: an MRI report whose impression is conclusive, then an operative note or a pathology report whose
intra-operative read weighs a differential or defers ("Frozen: astrocytoma vs reactive astrocytosis - defer to
permanents", "SQUASH PREP / favour oligodendroglioma over astrocytoma", "Non-diagnostic frozen; await permanents",
"Cannot exclude lymphoma on frozen"). The verdict word was given to the MRI, the last study named before it.

The rule: a verdict whose line opens with a tissue part's label, including the short ones ("Frozen:", "Path
prelim:", "Prelim path -", "Squash:", "CSF cytology:"; cue verdict.tissue_label), whose own clause names the tissue
read right after it ("equivocal on frozen", "cannot exclude lymphoma on frozen", "Non-diagnostic frozen"; cue
verdict.other_test_after) or before it ("the specimen was indeterminate", "smears favoured"; cue verdict.other_test),
or that stands under a pathology title alone on its line ("PRELIMINARY PATHOLOGY", "Path prelim", "SQUASH PREP",
"CYTOLOGY"; section sec.pathology in nlp/resources/sections.yaml) reads the tissue, not any imaging study
(facts/imaging.py other_test_verdict).

Near misses keep their reading: an MRI's own differential ("glioma versus metastasis") or favouring ("favour
high-grade glioma over metastasis") stays inconclusive, also when a frozen section follows; "MRI indeterminate;
biopsy planned" stays inconclusive (a planned biopsy is no tissue read); a frozen section that agrees with the MRI
changes nothing; "CT cannot distinguish abscess from tumour; frozen: abscess wall" keeps the CT inconclusive (the
CT is named in the sentence).

Limits: a tissue read told with no tissue word, label or pathology title ("Intra-op: glioma versus gliosis" under an
imaging impression) still reads as the imaging's; a verdict shared by a study and a tissue read
("The MRI and the frozen were both equivocal") is taken as the tissue's alone (as before this rule); a deferral whose tissue word is only in the next clause
("Equivocal; defer to permanents" with no title above it) still reads as the imaging's. Not this class: a one-line
"MRI head 08/14/2026: indeterminate lesion; biopsy planned" reads no prior study at all (the study is taken as
planned), so the near-miss row puts the planned biopsy in an MRI report's impression.

Rows: id, text, {fact: expected status}. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import ClinicalFacts, FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
INCONCLUSIVE = "conventional_imaging_inconclusive"

MRI = ("MR BRAIN WITHOUT AND WITH GADOLINIUM 08/14/2026\nFINDINGS: 3.1 cm ring-enhancing lesion in the right temporal "
       "lobe with central necrosis.\nIMPRESSION: Right temporal ring-enhancing lesion, consistent with glioblastoma.\n"
       "\f")
MRI_WEIGHED = ("MR BRAIN WITHOUT AND WITH GADOLINIUM 08/14/2026\nFINDINGS: Solitary 2.2 cm enhancing mass at the "
               "grey-white junction of the left parietal lobe.\nIMPRESSION: Left parietal enhancing mass, glioma versus "
               "metastasis.\n\f")
MRI_FAVOUR = ("MR BRAIN WITHOUT AND WITH GADOLINIUM 08/14/2026\nFINDINGS: Necrotic enhancing mass of the right frontal "
              "lobe.\nIMPRESSION: Right frontal necrotic mass; favour high-grade glioma over metastasis.\n\f")
OP = "OPERATIVE NOTE 08/21/2026\nProcedure: right temporal craniotomy for resection of mass.\n"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ------------------------------------------------ a short tissue label opening the line
    "frozen-label-vs-defer": (MRI + OP + "Frozen: astrocytoma vs reactive astrocytosis - defer to permanents.\n",
                              {INCONCLUSIVE: A}),
    "path-prelim-label": (MRI + "Path prelim: oligodendroglioma versus astrocytoma; molecular studies pending.\n",
                          {INCONCLUSIVE: A}),
    "prelim-path-dash": (MRI + "Prelim path - ependymoma vs subependymoma, final to follow.\n", {INCONCLUSIVE: A}),
    "squash-label-favour": (MRI + OP + "Squash: cellular glial neoplasm; favour oligodendroglioma over "
                            "astrocytoma.\n", {INCONCLUSIVE: A}),
    "csf-cytology-label": (MRI + "CSF cytology: atypical lymphoid cells, lymphoma versus reactive pleocytosis.\n",
                           {INCONCLUSIVE: A}),
    # ------------------------------------------------ a sentence about the tissue read
    "nondiagnostic-frozen-await-permanents": (MRI + OP + "Non-diagnostic frozen; await permanents.\n",
                                              {INCONCLUSIVE: A}),
    "cannot-exclude-on-frozen": (MRI + OP + "Cannot exclude lymphoma on frozen; tissue sent for flow cytometry.\n",
                                 {INCONCLUSIVE: A}),
    "specimen-indeterminate": (MRI + OP + "The specimen was indeterminate on frozen; defer to permanent sections.\n",
                               {INCONCLUSIVE: A}),
    "smears-favoured": (MRI + OP + "Intraoperative smears favoured pilocytic astrocytoma over ganglioglioma.\n",
                        {INCONCLUSIVE: A}),
    "grade-on-frozen-defer": (MRI + OP + "Glial neoplasm; grade cannot be determined on frozen, defer to "
                              "permanents.\n", {INCONCLUSIVE: A}),
    "equivocal-on-frozen-after-mri-page": (MRI + "Equivocal on frozen; defer to permanents.\n", {INCONCLUSIVE: A}),
    "nondiagnostic-frozen-after-mri-page": (MRI + "Non-diagnostic frozen; await permanents.\n", {INCONCLUSIVE: A}),
    "cannot-exclude-on-frozen-after-mri-page": (MRI + "Cannot exclude lymphoma on frozen.\n", {INCONCLUSIVE: A}),
    "squash-label-after-mri-page": (MRI + "Squash: glial cells with mild atypia; reactive versus low-grade "
                                    "neoplasm.\n", {INCONCLUSIVE: A}),
    "frozen-label-after-mri-page": (MRI + "Frozen: cannot exclude lymphoma; await permanents.\n", {INCONCLUSIVE: A}),
    # ------------------------------------------------ a pathology title alone on its line
    "preliminary-pathology-title": (MRI + "PRELIMINARY PATHOLOGY 08/21/2026\nHigh-grade glioma versus metastatic "
                                    "melanoma; final diagnosis to follow.\n", {INCONCLUSIVE: A}),
    "squash-prep-title": (MRI + "SQUASH PREP\nCellular glial neoplasm; favour oligodendroglioma over astrocytoma.\n",
                          {INCONCLUSIVE: A}),
    "cytology-title": (MRI + "CYTOLOGY\nAtypical cells, suspicious for but not diagnostic of carcinoma.\n",
                       {INCONCLUSIVE: A}),
    "path-prelim-title": (MRI + "Path prelim\nSmall round blue cells; lymphoma versus medulloblastoma.\n",
                          {INCONCLUSIVE: A}),
    "intraop-consult-title-nondiagnostic": (MRI + "INTRAOPERATIVE CONSULTATION\nNon-diagnostic; defer to permanent "
                                            "sections.\n", {INCONCLUSIVE: A}),
    "frozen-dx-title-equivocal": (MRI + "FROZEN SECTION DIAGNOSIS\nEquivocal; defer to permanents.\n",
                                  {INCONCLUSIVE: A}),
    # ------------------------------------------------ near misses
    "near-mri-weighed": (MRI_WEIGHED, {INCONCLUSIVE: P}),
    "near-mri-weighed-then-frozen": (MRI_WEIGHED + OP + "Frozen: carcinoma vs glioma - defer to permanents.\n",
                                     {INCONCLUSIVE: P}),
    "near-mri-favour": (MRI_FAVOUR, {INCONCLUSIVE: P}),
    "near-mri-favour-then-squash": (MRI_FAVOUR + "SQUASH PREP\nNecrotic tumour; glial versus epithelial.\n",
                                    {INCONCLUSIVE: P}),
    "near-mri-indeterminate-biopsy-planned": ("MRI BRAIN W/WO 08/14/2026\nIMPRESSION: Indeterminate left thalamic "
                                              "lesion; biopsy planned.\n", {INCONCLUSIVE: P}),
    "near-frozen-agrees-with-mri": (MRI + OP + "The frozen section was consistent with the MRI's suspected "
                                    "glioblastoma.\n", {INCONCLUSIVE: A}),
    "near-ct-cannot-distinguish-then-frozen": ("CT HEAD WITH CONTRAST 08/10/2026: right frontal ring-enhancing "
                                               "lesion; CT cannot distinguish abscess from tumour; frozen: abscess "
                                               "wall.\n", {INCONCLUSIVE: P}),
    "near-conclusive-alone": (MRI, {INCONCLUSIVE: A}),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_tissue_hedge_no_imaging_verdict(fragment_facts: Callable[[str], ClinicalFacts], text: str,
                                         expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)
