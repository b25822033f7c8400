"""A prior study's read known only second-hand, in wordings of who tells it and how it was phoned.

Class: a note tells what a study showed as someone else's account, not its written report, and the packet holds no
report of it: what the study showed is not documented (`conventional_imaging_inconclusive`, `mri_nondiagnostic` not
documented, the read kept as evidence marked `superseded_by: report_unavailable`), while the diagnoses told in the
sentence keep their own hedge (suspected). The wordings that escaped:
- an outside clinician named by an abbreviation or a role tells it ("OSH ED MD states MRI shows ...", "the outside
  DO said the CT showed ...", "their PA told us the MRI was ...", "ER doc said ...", "the transferring team states
  ...", "the sending facility reports ..."): rule study.hearsay_read (MD, doc, attending; DO, PA, APP only after a
  qualifier such as the/their/outside/OSH/ED/referring, so that "PA" for prior authorization and the verb "do" are
  left alone; a team, facility or hospital only when sending/referring/transferring/outside/their);
- a radiologist or a facility phoned, called or rang someone with a preliminary, with words in between ("their
  radiologist called my office the same afternoon with a preliminary: ...", "Summit rang the clinic with a prelim
  read", "phoned the ward this morning with an initial impression of ..."): rule study.report_unavailable.

Near misses keep today's reading: a radiology report said attached, a report page in the packet, the clinician's own
review of the images ("MD reviewed the MRI personally", "I reviewed the images myself"), an MD who states something
other than a read, the clinic calling the patient with the results, "PA-C" and "MD" in signature lines, "PA" for
prior authorization, and "do" as a verb ("we do say the MRI is equivocal").

Limits known: a teller named only by a person's name without a role ("Dr. Osei said the CT showed ...") is left to
the existing rules; the phoned preliminary needs "with" and a preliminary word (prelim, preliminary, verbal, wet
read, initial/early impression or read) within eight words of the call verb, so "called us, prelim was ..." escapes;
a bare "team" or "hospital" telling the read (no sending/referring/transferring/outside/their) stays documented.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import check_secondhand_read

from pipeline.contracts import FactStatus

P, S, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.NOT_DOCUMENTED
REPORT = ("\nMRI BRAIN WITH AND WITHOUT CONTRAST 10/14/2026\nFINDINGS: Nonenhancing T2 hyperintense right frontal "
          "lesion.\nIMPRESSION: Right frontal lesion, indeterminate; low-grade glioma versus demyelination.\n")

CASES = {
    # text, conventional_imaging_inconclusive, mri_nondiagnostic, (a diagnosis told in the sentence, its status)
    # --- an outside clinician named by an abbreviation or a role
    "OSH ED MD states": (
        "OSH ED MD states MRI brain shows an indeterminate right frontal lesion, glioma versus demyelination.\n",
        N, N, ("glial_neoplasm", S)),
    "the outside DO said": (
        "The outside DO said the CT head showed an equivocal left parietal hypodensity, metastasis versus "
        "infarct.\n", N, N, ("brain_metastasis", S)),
    "their PA told us": (
        "Their PA told us the MRI was indeterminate: low-grade glioma versus cortical dysplasia.\n",
        N, N, ("glial_neoplasm", S)),
    "per the OSH hospitalist the scan": (
        "Per the OSH hospitalist the MRI scan showed an indeterminate enhancing lesion, lymphoma versus "
        "glioma.\n", N, N, ("glial_neoplasm", S)),
    "ER doc said the CT head": (
        "ER doc said the CT head was equivocal, a hypodense right temporal area, tumour versus stroke.\n",
        N, N, ("brain_neoplasm", S)),
    "the sending facility's neurologist reports": (
        "The sending facility's neurologist reports MRI brain with an indeterminate left insular lesion, glioma "
        "versus encephalitis.\n", N, N, ("glial_neoplasm", S)),
    "outside NP says scan showed": (
        "Outside NP says the MRI scan showed an equivocal right parietal lesion, metastasis versus abscess.\n",
        N, N, ("brain_metastasis", S)),
    "the referring APP mentioned": (
        "The referring APP mentioned the MRI brain was nonspecific, demyelination versus low-grade glioma.\n",
        N, N, ("glial_neoplasm", S)),
    "the transferring team states": (
        "The transferring team states the CT head showed an indeterminate hypodense left frontal lesion, tumour "
        "versus infarct.\n", N, N, ("brain_neoplasm", S)),
    "the sending facility reports": (
        "The sending facility reports the MRI brain showed an equivocal enhancing lesion, glioma versus "
        "lymphoma.\n", N, N, ("glial_neoplasm", S)),
    "ED attending at the outside hospital said": (
        "The ED attending at the outside hospital said the CT head was indeterminate, tumour versus infarct.\n",
        N, N, ("brain_neoplasm", S)),
    "per the outside MD": (
        "Per the outside MD, MRI brain 10/09/2026 showed an indeterminate right temporal lesion, glioma versus "
        "dysplasia.\n", N, N, ("glial_neoplasm", S)),
    # --- a radiologist or a facility phoned, called or rang with a preliminary
    "their radiologist called my office with a preliminary": (
        "Their radiologist called my office the same afternoon with a preliminary: MRI brain with an "
        "indeterminate left temporal lesion, glioma versus encephalitis.\n", N, N, ("glial_neoplasm", S)),
    "Summit rang the clinic with a prelim read": (
        "Summit rang the clinic with a prelim read of the MRI brain: equivocal right frontal lesion, glioma "
        "versus demyelination.\n", N, N, ("glial_neoplasm", S)),
    "phoned the ward with an initial impression": (
        "The reading radiologist phoned the ward this morning with an initial impression of the MRI brain: "
        "indeterminate ring-enhancing lesion, abscess versus metastasis.\n", N, N, ("brain_metastasis", S)),
    "radiology called the floor with a wet read": (
        "Radiology called the floor with a wet read of the CT head: indeterminate hypodensity, tumour versus "
        "infarct.\n", N, N, ("brain_neoplasm", S)),
    "the imaging centre rang us back with their early read": (
        "The imaging centre rang us back late Friday with their early read of the MRI brain: nonspecific left "
        "frontal lesion, glioma versus demyelination.\n", N, N, ("glial_neoplasm", S)),
    # --- near misses: today's reading stays
    "near miss: radiology report attached": (
        "Radiology report 10/14/2026 (attached): IMPRESSION: indeterminate right frontal lesion on MRI brain, "
        "glioma versus demyelination.\n", P, P, ("glial_neoplasm", S)),
    "near miss: a report page in the packet after an MD's account": (
        "OSH ED MD states the MRI brain of 10/14/2026 was indeterminate.\n" + REPORT, P, P, ("glial_neoplasm", S)),
    "near miss: a phoned preliminary and the report page": (
        "Their radiologist called my office with a preliminary on the MRI brain of 10/14/2026.\n" + REPORT,
        P, P, ("glial_neoplasm", S)),
    "near miss: MD reviewed the MRI personally": (
        "MD reviewed the MRI brain of 10/14/2026 personally: indeterminate right frontal lesion, glioma versus "
        "demyelination.\n", P, P, ("glial_neoplasm", S)),
    "near miss: I reviewed the images myself": (
        "I reviewed the images myself: the MRI brain of 10/14/2026 shows an indeterminate right frontal lesion, "
        "glioma versus demyelination.\n", P, P, ("glial_neoplasm", S)),
    "near miss: the patient's MD states seizures": (
        "The patient's MD states she has had seizures since May. MRI brain 10/14/2026: indeterminate right "
        "frontal lesion, glioma versus demyelination.\n", P, P, ("glial_neoplasm", S)),
    "near miss: called the patient with the MRI results": (
        "Called the patient with the MRI results. MRI brain 10/14/2026: indeterminate right frontal lesion, "
        "glioma versus demyelination.\n", P, P, ("glial_neoplasm", S)),
    "near miss: PA-C note and MD signature lines": (
        "PA-C note, neurosurgery clinic.\nMRI brain 10/14/2026: indeterminate right frontal lesion, glioma versus "
        "demyelination.\nMD signature: A. Rivera, MD\n", P, P, ("glial_neoplasm", S)),
    "near miss: PA for prior authorization": (
        "PA requested for MRS. MRI brain 10/14/2026 showed an indeterminate right frontal lesion, glioma versus "
        "demyelination.\n", P, P, ("glial_neoplasm", S)),
    "near miss: the PA request names the MRI": (
        "PA submitted for MRS because MRI brain 10/14/2026 showed an indeterminate right frontal lesion, glioma "
        "versus demyelination.\n", P, P, ("glial_neoplasm", S)),
    "near miss: we do say the MRI is equivocal": (
        "We do say the MRI brain of 10/14/2026 is equivocal: glioma versus demyelination.\n",
        P, P, ("glial_neoplasm", S)),
}


@pytest.mark.parametrize(("text", "inconclusive", "nondiagnostic", "told"), CASES.values(), ids=CASES.keys())
def test_a_read_told_second_hand_establishes_no_verdict(analyze: Any, text: str, inconclusive: FactStatus,
                                                        nondiagnostic: FactStatus,
                                                        told: tuple[str, FactStatus] | None) -> None:
    read = check_secondhand_read(analyze, text, inconclusive, nondiagnostic, told)
    assert read or inconclusive is not N
