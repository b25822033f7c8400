"""A prior study's read known only second-hand: someone else's account of a study the packet does not attach.

"The outside MRI reportedly shows growth", "per the transfer-centre call, their CT showed ...", "the radiologist
gave only a verbal preliminary read", "family was told the scan showed a possible tumour", "according to the
referring NP, the MRI was equivocal", "as relayed by the ED physician, CT showed ...", "their discharge paperwork
says the MRI showed ..." (cue study.hearsay_read, in the clause that names the study): with no report of that study
in the packet, what it showed is not documented (`conventional_imaging_inconclusive`, `mri_nondiagnostic` not
documented, the read kept as evidence marked `superseded_by: report_unavailable`), while the diagnoses told in the
sentence keep their own hedge (suspected). Near misses keep the read: the same study's report later in the packet,
the clinician's own read of the images, a report said to be attached, a written report quoted with its date and
reader, a hearsay word about something else, the clinician telling the family.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import check_secondhand_read

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
REPORT = ("\nMRI BRAIN WITH AND WITHOUT CONTRAST 10/28/2026\nFINDINGS: Nonenhancing T2 hyperintense left frontal "
          "lesion.\nIMPRESSION: Left frontal lesion, equivocal; low-grade glioma versus cortical dysplasia.\n")

CASES = {
    # text, conventional_imaging_inconclusive, mri_nondiagnostic, (a diagnosis told in the sentence, its status)
    "reportedly shows growth; per his oncologist": (
        "The outside MRI brain reportedly shows interval growth of the right frontal lesion; glioma versus "
        "metastasis per his oncologist.\n", N, N, ("brain_neoplasm", S)),
    "per the transfer-centre call, quoted read": (
        'Per the transfer-centre call, their CT head showed "a ring lesion, ddx abscess vs tumour".\n',
        N, N, ("brain_neoplasm", S)),
    "only a verbal preliminary read": (
        "The radiologist gave only a verbal preliminary read of the MRI brain: left thalamic lesion, ?lymphoma "
        "vs toxo.\n", N, N, ("cns_lymphoma", S)),
    "a named hospital's transfer call": (
        'Per the Oak Ridge transfer call, their MRI brain 10/19 showed "an indeterminate ring lesion, abscess vs '
        'tumour".\n', N, N, ("brain_neoplasm", S)),
    "a verbal preliminary read only": (
        "Called the reading room: the radiologist gave a verbal preliminary read only - MRI brain with a left "
        "thalamic lesion, ?lymphoma vs toxo.\n", N, N, ("cns_lymphoma", S)),
    "family was told the CT showed": (
        "Family was told the CT head at the outside hospital showed a possible tumour in the left temporal lobe, "
        "indeterminate.\n", N, N, ("brain_neoplasm", S)),
    "according to the referring NP, equivocal": (
        'According to the referring NP, the MRI brain was "equivocal": low-grade glioma versus cortical dysplasia.\n',
        N, N, ("glial_neoplasm", S)),
    "as relayed by the ED physician": (
        "As relayed by the ED physician, CT head showed an indeterminate hypodense right parietal lesion, "
        "metastasis versus infarct.\n", N, N, ("brain_metastasis", S)),
    "their discharge paperwork says": (
        "Their discharge paperwork says the MRI showed a nonspecific enhancing lesion, demyelination versus "
        "glioma.\n", N, N, ("glial_neoplasm", S)),
    "dated MRI per the patient's neurologist": (
        "MRI brain 10/15/2026 per the patient's neurologist: indeterminate left temporal lesion, low-grade "
        "glioma versus cortical dysplasia.\n", N, N, ("glial_neoplasm", S)),
    "per his wife, lay words": (
        "Per his wife, the MRI done in Florida showed an indeterminate spot, possibly a tumour.\n",
        N, N, ("brain_neoplasm", S)),
    "the referring oncologist says": (
        "The referring oncologist says the MRI brain shows an enhancing lesion, indeterminate, glioma versus "
        "metastasis.\n", N, N, ("brain_neoplasm", S)),
    "outside CT reportedly indeterminate": (
        "Outside CT head reportedly indeterminate: metastasis vs abscess.\n", N, N, ("brain_metastasis", S)),
    "told us by phone": (
        "Dr. Osei at the referring hospital told us by phone that the CT head showed a ring-enhancing lesion, "
        "abscess versus tumour.\n", N, N, ("brain_neoplasm", S)),
    "per outside records relayed by the transfer center": (
        "MRI brain 11/01/2026, as relayed by the transfer center: equivocal right frontal lesion, glioma vs "
        "lymphoma.\n", N, N, ("glial_neoplasm", S)),
    "patient was told the MRI was normal": (
        "The patient was told the outside MRI brain was normal.\n", N, N, None),
    "hearsay on the next line of the note": (
        "HPI: 54M with new seizures.\nOutside CT head reportedly showed a hypodense left frontal lesion, glioma "
        "versus infarct.\n", N, N, ("glial_neoplasm", S)),
    "a note's impression: outside MRI, reportedly indeterminate": (
        "Impression:\n1. Right frontal lesion on outside MRI, reportedly indeterminate: glioma versus abscess.\n",
        N, N, ("glial_neoplasm", S)),
    "mother says the CT showed a spot": (
        'Mother says the CT head at the children\'s hospital showed a "spot", possibly a tumour versus a cyst.\n',
        N, N, ("brain_neoplasm", S)),
    "per the discharge summary": (
        "Per the discharge summary of 10/30/2026, the CT head showed an indeterminate right parietal lesion, "
        "metastasis versus abscess.\n", N, N, ("brain_metastasis", S)),
    # near misses: the study's own read is in the packet, or the hearsay is about something else
    "near miss: reviewed with our neuroradiologist": (
        "MRI brain 10/12/2026, reviewed with our neuroradiologist: indeterminate left frontal lesion, glioma "
        "versus demyelination.\n", P, P, ("glial_neoplasm", S)),
    "near miss: per the patient, about the symptom": (
        "Per the patient, headaches began in July. MRI brain 10/12/2026: indeterminate left frontal lesion, "
        "glioma versus demyelination.\n", P, P, ("glial_neoplasm", S)),
    "near miss: he was told about a biopsy": (
        "He was told he may need a biopsy because MRI brain 11/02/2026 showed an indeterminate lesion, glioma "
        "versus lymphoma.\n", P, P, ("glial_neoplasm", S)),
    "near miss: the same study's report later in the packet": (
        "According to the referring NP, the MRI brain of 10/28/2026 was equivocal.\n" + REPORT,
        P, P, ("glial_neoplasm", S)),
    "near miss: the clinician's own read of the images": (
        "I reviewed the images myself: the MRI brain of 11/02/2026 shows an indeterminate rim-enhancing right "
        "parietal lesion, abscess versus glioblastoma.\n", P, P, ("glial_neoplasm", S)),
    "near miss: MRI report (attached) reads": (
        "MRI report (attached) reads: equivocal right frontal lesion, glioma versus demyelination.\n",
        P, P, ("glial_neoplasm", S)),
    "near miss: an outside report quoted with date and reader": (
        'Outside MRI brain 10/30/2026, read by Dr. Xu: "indeterminate enhancing left temporal lesion, glioma '
        'versus metastasis".\n', P, P, ("glial_neoplasm", S)),
    "near miss: per the MRI report": (
        "Per the MRI report of 10/30/2026, the left frontal lesion is indeterminate, glioma versus lymphoma.\n",
        P, P, ("glial_neoplasm", S)),
    "near miss: per radiology": (
        "Per radiology, MRI brain 10/12/2026 showed an indeterminate enhancing lesion, glioma versus "
        "metastasis.\n", P, P, ("glial_neoplasm", S)),
    "near miss: reportedly, in another sentence": (
        "Reportedly she had febrile seizures as a child. MRI brain 10/12/2026: indeterminate left temporal "
        "lesion, glioma vs dysplasia.\n", P, P, ("glial_neoplasm", S)),
    "near miss: per his oncologist, in another clause": (
        "Per his oncologist, he finished chemotherapy in 2025; MRI brain 11/02/2026 shows an indeterminate "
        "enhancing lesion, glioma versus metastasis.\n", P, P, ("glial_neoplasm", S)),
    "near miss: family was told to expect a call": (
        "Family was told to expect a call; CT head 11/03/2026: indeterminate hypodense lesion, infarct versus "
        "tumor.\n", P, N, ("brain_neoplasm", S)),
    "near miss: the clinician told the family": (
        "We told the family that the MRI brain of 11/02/2026 was equivocal, tumour versus demyelination.\n",
        P, P, ("brain_neoplasm", S)),
    "near miss: discussed with the family": (
        "Discussed with the family: the MRI of 11/02/2026 shows an indeterminate lesion, glioma vs lymphoma.\n",
        P, P, ("glial_neoplasm", S)),
    "near miss: a patient reports a symptom": (
        "Patient reports worsening headaches. CT head 11/03/2026 showed an indeterminate hypodense lesion, "
        "metastasis versus infarct.\n", P, N, ("brain_metastasis", S)),
    "near miss: report enclosed, relayed by the referring office": (
        "Per the referring office, the MRI brain of 10/20/2026 showed an indeterminate right frontal mass (report "
        "enclosed), glioma versus lymphoma.\n", P, P, ("glial_neoplasm", S)),
    "near miss: according to the radiology report": (
        "According to the radiology report of 10/30/2026, MRI brain showed an indeterminate left frontal lesion, "
        "glioma versus demyelination.\n", P, P, ("glial_neoplasm", S)),
    "near miss: per neuroradiology review": (
        "MRI brain 10/30/2026, per neuroradiology review: indeterminate left frontal lesion, glioma versus "
        "demyelination.\n", P, P, ("glial_neoplasm", S)),
}


@pytest.mark.parametrize(("text", "inconclusive", "nondiagnostic", "told"), CASES.values(), ids=CASES.keys())
def test_a_read_known_second_hand_establishes_no_verdict(analyze: Any, text: str, inconclusive: FactStatus,
                                                         nondiagnostic: FactStatus,
                                                         told: tuple[str, FactStatus] | None) -> None:
    check_secondhand_read(analyze, text, inconclusive, nondiagnostic, told)
