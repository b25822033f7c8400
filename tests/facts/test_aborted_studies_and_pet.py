"""A study stopped before it was finished and asked for again; a PET of the brain in the same work-up.

1. A technical repeat: the requested study repeats one stopped or left incomplete for technical or tolerance reasons
   (the patient could not stay still, sedation failed, the exam incomplete, the scan terminated or cut short, the
   spectroscopy not acquired: target rule img.technical_tolerance), asked for once more however that is worded
   ("re-requested", "rebooked", "re-ordered": request.asked_again; "requested again": request.repeat), also when the
   failure is told in the sentence just before the request or the request in the sentence just after the failure.
   Near misses: an artefact in a completed study, a claustrophobic patient premedicated for a first study, a study
   stopped for a contrast reaction that is not repeated, a study only moved to another day.
2. A PET of the brain in the same work-up (pet_same_workup): a body PET counts when its sentence says the brain was
   imaged with it ("including dedicated brain images", "with brain views", "skull to thigh": study.pet_brain_imaged);
   one whose coverage starts below the brain ("neck to thigh", "skull base to mid-thigh": study.pet_body_range) or
   that left the brain out ("no brain views", "torso only": study.pet_brain_not_imaged) does not, whatever else its
   sentence says of the brain; nor does a PET more than 90 days old or one only considered.

Cues: pipeline/facts/resources/cues.yaml, pipeline/nlp/resources/targets.yaml. Rows are freshly written; near misses
must not change.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

MRI = "MRI brain 10/30/2026: ring-enhancing right frontal lesion, indeterminate.\n"
ASK = "MR spectroscopy requested.\n"

REPEATS = [
    ("aborted for claustrophobia, re-requested",
     "MRI brain 11/02/2026 was aborted after the localisers owing to claustrophobia. MRI with MR spectroscopy "
     "re-requested.\n", P),
    ("could not lie still, study stopped; requested again",
     "He could not lie still and the examination was stopped before the post-contrast series. MR spectroscopy is "
     "requested again.\n", P),
    ("sedation failed, exam incomplete; re-requested",
     "MRI brain with MRS 11/03/2026: sedation failed, exam incomplete; re-requested.\n", P),
    ("scan terminated, spectroscopy not acquired; rebooked",
     "MRI 11/05/2026: scan terminated at the patient's request, spectroscopy not acquired; rebooked on the "
     "wide-bore magnet.\n", P),
    ("unsuccessful sedation, repeat under anaesthesia",
     "The 11/06/2026 MRI could not be completed after unsuccessful sedation. Repeat MRI brain with spectroscopy "
     "under general anaesthesia requested.\n", P),
    ("cut short by panic, re-ordered in the next sentence",
     "Her MRI with MRS on 11/02/2026 was cut short by a panic attack in the bore; spectroscopy not acquired. "
     "Re-ordered with oral anxiolysis.\n", P),
    ("unable to keep still, spectroscopy re-requested in the same sentence",
     "The toddler was unable to keep still so the MRS was not finished and has been re-requested under sedation.\n",
     P),
    ("exam terminated, rebooked with the wide bore",
     "Exam terminated prematurely 11/01/2026 (claustrophobia); MRI with spectroscopy rebooked at the open-bore "
     "site.\n", P),
    ("near miss: completed study with mild motion",
     ASK + "MRI 11/01/2026: mild motion artefact, diagnostic study. Enhancing left frontal mass.\n", N),
    ("near miss: movement artefact on one sequence, remainder diagnostic",
     ASK + "Prior MRI 10/02/2026: movement artefact on the diffusion images only; remainder diagnostic.\n", N),
    ("near miss: claustrophobic patient premedicated for a first MRI",
     "Claustrophobic; lorazepam premedication for her first MRI. MR spectroscopy requested.\n", N),
    ("near miss: anxious patient may not tolerate the scan",
     "Very anxious about the scanner; sedation arranged for the first study. MRI with spectroscopy requested.\n", N),
    ("near miss: stopped for a contrast reaction, not repeated",
     "MRI 11/02/2026 was stopped after a reaction to gadolinium. MR spectroscopy requested for the left frontal "
     "mass.\n", N),
    ("near miss: a study moved to another day",
     "MRI with spectroscopy moved from 11/10 to 11/24 at the patient's request.\n", N),
    ("near miss: an appointment rebooked, never started",
     "MRS appointment on 11/10 was cancelled by the unit and rebooked for 11/24.\n", N),
    ("near miss: follow-up repeat after an artefact",
     "MRI 10/01/2026: motion artifact limited the post-contrast images. Repeat MRI in 3 months to monitor the "
     "lesion.\n", N),
    ("near miss: a sequence left out of a completed study, repeat asked on the form",
     "Is this a repeat study? [X] Yes  Prior MRS 09/20/2026 (adequate, equivocal).\n"
     "MRI brain 10/30/2026: nodular enhancement at the cavity margin. Perfusion not acquired. Spectroscopy over the "
     "nodule: choline modestly raised.\nRepeat MR spectroscopy requested for the nodule.\n", N),
    ("near miss: another modality's failure before a request",
     "CT head 11/01/2026 limited by motion. MR spectroscopy requested again for the right frontal lesion.\n", N),
]

PETS = [
    ("FDG PET/CT including dedicated brain images",
     MRI + "FDG PET/CT 11/04/2026 (including dedicated brain images): lesion hypometabolic.\n" + ASK, P),
    ("skull to thigh with brain views, weeks ago",
     MRI + "PET-CT skull to thigh with brain views 2 weeks ago: no other avid disease; frontal lesion "
     "hypometabolic.\n" + ASK, P),
    ("amino-acid PET last week", MRI + "Amino-acid PET last week showed increased uptake.\n" + ASK, P),
    ("whole-body PET with a dedicated brain acquisition",
     MRI + "Whole-body FDG PET/CT on 11/02/2026 with a dedicated brain acquisition: frontal lesion hypometabolic, "
     "no primary.\n" + ASK, P),
    ("a title line: skull base to thigh with dedicated brain",
     MRI + "EXAM: PET/CT SKULL BASE TO THIGH WITH DEDICATED BRAIN   DATE: 11/03/2026\nFrontal focus photopenic.\n"
     + ASK, P),
    ("skull base to mid-thigh plus dedicated head images",
     MRI + "PET/CT skull base to mid-thigh 11/02/2026 plus dedicated head images: lesion photopenic.\n" + ASK, P),
    ("orbits to thighs, with brain views",
     MRI + "FDG PET/CT from the orbits to the thighs 11/03/2026, with brain views: frontal lesion "
     "hypometabolic.\n" + ASK, P),
    ("vertex to thighs", MRI + "FDG PET/CT vertex to thighs on 11/01/2026: the frontal lesion is "
     "hypometabolic.\n" + ASK, P),
    ("FET PET three weeks ago", MRI + "18F-FET PET three weeks ago: avid uptake in the lesion.\n" + ASK, P),
    ("near miss: neck to thigh, no primary found",
     MRI + "PET/CT neck to thigh 11/02/2026, no primary found.\n" + ASK, A),
    ("near miss: skull base to thigh, no brain words",
     MRI + "PET-CT skull base to thigh 11/01/2026, no primary found.\n" + ASK, A),
    ("near miss: staging PET with no brain views",
     MRI + "Staging PET/CT neck to thigh 11/02/2026: no primary found, no brain views obtained.\n" + ASK, A),
    ("near miss: torso only, brain not included",
     MRI + "Body PET/CT 11/03/2026 (torso only, brain not included): no primary.\n" + ASK, A),
    ("near miss: skull base to thigh, the brain lesion named in its read",
     MRI + "PET/CT skull base to mid-thigh 11/05/2026: no avid disease below the brain lesion.\n" + ASK, A),
    ("near miss: brain PET five months ago",
     MRI + "Amino-acid PET 5 months ago showed uptake.\n" + ASK, A),
    ("near miss: brain PET in June", MRI + "FDG-PET brain 06/2026: hypometabolic frontal lesion.\n" + ASK, A),
    ("near miss: PET only considered if the MRS is equivocal",
     MRI + "Amino-acid PET may be considered if the MRS is equivocal.\n" + ASK, N),
]


@pytest.mark.parametrize(("case", "text", "status"), REPEATS, ids=[c[0] for c in REPEATS])
def test_technical_repeat_of_a_stopped_study(analyze, case, text, status):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {"technical_repeat": status})


@pytest.mark.parametrize(("case", "text", "status"), PETS, ids=[c[0] for c in PETS])
def test_brain_pet_in_the_same_workup(analyze, case, text, status):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {"pet_same_workup": status})
