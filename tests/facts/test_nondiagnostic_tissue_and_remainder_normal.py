"""A non-diagnostic biopsy, and a normal read of the rest of the brain, leave the imaging question open, through the
real NLP stage to the facts (conventional_imaging_inconclusive, brain_neoplasm, glial_neoplasm).

1. A non-diagnostic tissue result answers no imaging differential (facts/resources/supersession.yaml
   supersede.nondiagnostic_tissue; facts/supersession.py _nondiagnostic). A pathology result that names a non-tumour
   finding ("gliosis") used to supersede the MRI's differential and its "cannot be further characterized" even when
   it said it settles nothing: non-diagnostic, insufficient or inadequate for diagnosis, a non-representative sample,
   the lesion not sampled, a repeat biopsy recommended. Such a result is no pathology result: the MRI's inconclusive
   read stands (conventional_imaging_inconclusive present) and the tumour stays suspected. Read over the result's
   block: from its pathology heading or section to the end of its paragraph; a result named in a sentence ("Biopsy
   showed gliosis") over that sentence and the next.
2. A normal read qualified as one of the rest of the brain (remainder, rest, remaining, otherwise, elsewhere: cues.yaml
   verdict.remainder_normal; facts/imaging.py _remainder_normal) gives no conclusive verdict in a report that
   describes a lesion: "Remainder of the brain parenchyma is normal" beside an uncharacterised lesion used to make
   the study conclusive (conventional_imaging_inconclusive absent), also once a diagnostic pathology had settled the
   differential. The lesion's own read decides; with none the study has no verdict (not documented).

Near misses (keep their reading): diagnostic pathology still supersedes ("Demyelinating disease ...; no neoplasm",
"Abscess wall with granulation tissue", also with "insufficient tissue for culture", another test's material); a
proven tumour settles nothing (unchanged); a normal study with no lesion ("MRI brain is normal", "Normal MRI of the
brain") and a lesion read conclusively in its own clause ("characteristic of a meningioma; remainder normal",
"stable ...; otherwise normal") stay conclusive; "remainder normal" beside no lesion (small vessel change) stays
conclusive.

Limits: the non-diagnostic words must stand in the result's paragraph (a COMMENT paragraph set apart by a blank line
is not read); "not diagnostic of X" is read as non-diagnostic; a normal read with the exception after it ("normal
study except for a cavernoma") and partial normals without a remainder word ("ventricles are unremarkable") are not
covered by rule 2.

Rows: id, text (a request date is appended), {fact: expected status}. Rows whose id starts with "near" must keep
their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import ClinicalFacts, FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
INC = "conventional_imaging_inconclusive"

MRI_GLIOSIS = ("MRI BRAIN W/WO CONTRAST 08/11/2026\nFINDINGS: 3.1 cm non-enhancing T2/FLAIR hyperintense lesion of "
               "the right superior frontal gyrus.\nIMPRESSION: Right frontal lesion which cannot be further "
               "characterized; low-grade glioma versus gliosis.\n\n")
MRI_REMAINDER = ("MRI BRAIN W/WO CONTRAST 08/11/2026\nFINDINGS: 3.1 cm non-enhancing T2/FLAIR hyperintense lesion of "
                 "the right superior frontal gyrus. Remainder of the brain parenchyma is normal.\nIMPRESSION: Right "
                 "frontal lesion which cannot be further characterized; low-grade glioma versus gliosis.\n\n")
MRI_DEMYELINATION = ("MRI BRAIN 07/02/2026\nFINDINGS: Incompletely ring-enhancing left parietal lesion. The rest of "
                     "the brain is unremarkable.\nIMPRESSION: Left parietal lesion, indeterminate; tumefactive "
                     "demyelination versus high-grade glioma.\n\n")
MRI_ABSCESS = ("CT HEAD WITH CONTRAST 06/14/2026\nFINDINGS: Rim-enhancing right temporal lesion.\nIMPRESSION: "
               "Indeterminate ring-enhancing lesion; abscess versus necrotic glioma.\n\n")

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # 1. a non-diagnostic tissue result: the MRI's differential stands
    "nondiagnostic heading, gliotic tissue with atypical cells":
        (MRI_GLIOSIS + "SURGICAL PATHOLOGY 08/25/2026\nFINAL DIAGNOSIS: Nondiagnostic. Gliotic parenchyma with rare "
         "atypical cells; sampling of an infiltrative glioma cannot be ruled out.",
         {INC: P, "glial_neoplasm": S}),
        # (the first row read right before the change too: the glioma hedge is live in the result's sentence)
    "reactive astrocytosis insufficient for a definitive diagnosis":
        (MRI_GLIOSIS + "SURGICAL PATHOLOGY 08/25/2026\nFINAL DIAGNOSIS: Reactive astrocytosis (gliosis); material "
         "insufficient for a definitive diagnosis.",
         {INC: P, "brain_neoplasm": S, "glial_neoplasm": S}),
    "not diagnostic in the next sentence, repeat biopsy recommended":
        (MRI_GLIOSIS + "NEUROPATHOLOGY REPORT 08/25/2026\nDiagnosis: Mild gliosis. These findings are not "
         "diagnostic, and a repeat biopsy is recommended.",
         {INC: P, "glial_neoplasm": S}),
    "inadequate specimen first":
        (MRI_GLIOSIS + "SURGICAL PATHOLOGY 08/25/2026\nDIAGNOSIS: Inadequate specimen - reactive gliosis in small "
         "fragments of white matter.",
         {INC: P, "brain_neoplasm": S}),
    "sample non-representative of the lesion":
        (MRI_GLIOSIS + "SURGICAL PATHOLOGY 08/25/2026\nDIAGNOSIS: Gliosis. The sample is non-representative of the "
         "lesion.",
         {INC: P, "glial_neoplasm": S}),
    "biopsy named in a clinic note sentence, non-diagnostic in the next":
        (MRI_GLIOSIS + "NEUROSURGERY CLINIC 09/02/2026\nStereotactic biopsy on 08/25/2026 showed reactive gliosis "
         "only. This result is non-diagnostic.",
         {INC: P, "glial_neoplasm": S}),
    "lesion probably not sampled":
        (MRI_GLIOSIS + "Biopsy 08/25/2026: gliosis; the lesion was probably not sampled.",
         {INC: P, "glial_neoplasm": S}),
    "specimen inadequate for classification under a neuropathology heading":
        (MRI_GLIOSIS + "NEUROPATHOLOGY 08/25/2026\nFinal diagnosis: Gliosis and edema. The specimen was inadequate "
         "for classification.",
         {INC: P, "brain_neoplasm": S}),
    "recommend re-biopsy":
        (MRI_GLIOSIS + "SURGICAL PATHOLOGY 08/25/2026\nDIAGNOSIS: Reactive gliosis and edema. Recommend re-biopsy "
         "if clinically indicated.",
         {INC: P, "glial_neoplasm": S}),
    "scant tissue with demyelination, insufficient for diagnosis":
        (MRI_DEMYELINATION + "SURGICAL PATHOLOGY 07/20/2026\nDIAGNOSIS: Scant tissue with reactive changes and "
         "demyelination; insufficient for diagnosis.",
         {INC: P, "glial_neoplasm": S}),
    # 1 and 2: a non-diagnostic result and a normal remainder
    "non-diagnostic result beside remainder of the brain normal":
        (MRI_REMAINDER + "SURGICAL PATHOLOGY 08/25/2026\nDIAGNOSIS: Non-diagnostic - reactive gliosis only.",
         {INC: P, "glial_neoplasm": S}),
    "unrepresentative sample beside the rest of the brain unremarkable":
        (MRI_DEMYELINATION + "SURGICAL PATHOLOGY 07/20/2026\nDIAGNOSIS: Unrepresentative sample showing "
         "demyelination.",
         {INC: P, "glial_neoplasm": S}),
    # 2. a normal remainder is no verdict on the lesion
    "remainder normal after diagnostic pathology settled the differential":
        (MRI_REMAINDER + "SURGICAL PATHOLOGY 08/25/2026\nDIAGNOSIS: Cortical dysplasia with balloon cells; no "
         "neoplasm identified.",
         {INC: N, "brain_neoplasm": A}),
    "elsewhere the brain is normal, lesion without a read":
        ("MRI BRAIN 09/30/2026\nFINDINGS: 14 mm T2 hyperintense focus in the left thalamus.\nIMPRESSION: Left "
         "thalamic focus. Elsewhere the brain is normal.",
         {INC: N}),
    "otherwise normal MRI of the brain beside a lesion":
        ("MRI HEAD 09/30/2026\nIMPRESSION: 2 cm non-enhancing right cingulate lesion. Otherwise normal MRI of the "
         "brain.",
         {INC: N}),
    "CT remainder within normal limits beside a hypodense lesion":
        ("CT HEAD WITHOUT CONTRAST 10/03/2026\nFINDINGS: Hypodense lesion in the left temporal lobe.\nIMPRESSION: "
         "Left temporal hypodense lesion. Remainder of the examination is within normal limits.",
         {INC: N}),
    "remaining parenchyma unremarkable after an abscess result":
        ("CT HEAD WITH CONTRAST 06/14/2026\nFINDINGS: Rim-enhancing right temporal lesion. The remaining brain "
         "parenchyma is unremarkable.\nIMPRESSION: Indeterminate ring-enhancing lesion; abscess versus necrotic "
         "glioma.\n\nSURGICAL PATHOLOGY 06/20/2026\nDIAGNOSIS: Abscess wall; cultures grew Streptococcus "
         "intermedius.",
         {INC: N, "brain_neoplasm": N}),
    # near misses: diagnostic results still supersede; normal studies stay conclusive
    "near demyelinating disease, no neoplasm":
        (MRI_DEMYELINATION.replace(" The rest of the brain is unremarkable.", "") + "SURGICAL PATHOLOGY "
         "07/20/2026\nDIAGNOSIS: Demyelinating disease with macrophage-rich infiltrate; no neoplasm.",
         {INC: N, "brain_neoplasm": A}),
    "near glioblastoma proven settles nothing":
        (MRI_DEMYELINATION + "SURGICAL PATHOLOGY 07/20/2026\nDIAGNOSIS: Glioblastoma, IDH-wildtype, CNS WHO grade 4.",
         {INC: P}),
    "near abscess with cultures":
        (MRI_ABSCESS + "SURGICAL PATHOLOGY 06/20/2026\nDIAGNOSIS: Abscess wall with granulation tissue; cultures "
         "grew Streptococcus.",
         {INC: N, "brain_neoplasm": N}),
    "near insufficient tissue for culture is another test's material":
        (MRI_ABSCESS + "SURGICAL PATHOLOGY 06/20/2026\nDIAGNOSIS: Abscess wall with granulation tissue; insufficient "
         "tissue for culture.",
         {INC: N, "brain_neoplasm": N}),
    "near biopsy sentence diagnostic, next sentence about treatment":
        (MRI_DEMYELINATION.replace(" The rest of the brain is unremarkable.", "") + "Biopsy 07/20/2026 showed "
         "demyelination with foamy macrophages; no tumour. She was started on steroids.",
         {"glial_neoplasm": N, "brain_neoplasm": A}),
    "near MRI brain is normal":
        ("MRI BRAIN 09/30/2026\nFINDINGS: No mass, hemorrhage or abnormal enhancement.\nIMPRESSION: MRI brain is "
         "normal.",
         {INC: A}),
    "near normal MRI of the brain":
        ("MRI BRAIN 09/30/2026\nIMPRESSION: Normal MRI of the brain.", {INC: A}),
    "near characteristic of a meningioma, remainder normal":
        ("MRI BRAIN 09/30/2026\nIMPRESSION: The extra-axial lesion is characteristic of a meningioma; remainder "
         "normal.",
         {INC: A}),
    "near stable lesion, otherwise unremarkable":
        ("MRI BRAIN 09/30/2026\nIMPRESSION: Stable 6 mm left frontal lesion; the brain is otherwise unremarkable.",
         {INC: A}),
    "near remainder normal beside small vessel change only":
        ("MRI BRAIN 09/30/2026\nIMPRESSION: Mild chronic small vessel ischemic change. Remainder of the brain is "
         "normal.",
         {INC: A}),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_nondiagnostic_tissue_and_remainder_normal(fragment_facts: Callable[[str], ClinicalFacts], text: str,
                                                   expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)
