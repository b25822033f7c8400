"""A treatment only preferred, referred for, needed before, followed up after or named in a service is not given.

Class: radiosurgery, radiotherapy or surgery that the patient only prefers ("She prefers radiosurgery to avoid open
surgery", "he favours SRS over microsurgery"), that a study is needed or requested before ("MRS needed before Gamma
Knife", "baseline spectroscopy before radiosurgery"), that a future follow-up is timed after ("RTC 3 months post SRS
with audiogram", "hearing to be revisited after SRS"), that a drug is dosed on the day of ("dexamethasone 4 mg on
the day of SRS (per protocol)"), or that names a programme, service or team ("RIVERSIDE CANCER CENTER - GAMMA KNIFE
PROGRAM", "the SRS program asks for ...", "referred to the Gamma Knife centre") was read as prior radiation /
resection, which makes "residual/recurrent tumour following treatment" and treatment-response nodes met for an
untreated tumour. Request date 11/20/2026 (the fixture's tail).

Rules (pipeline/nlp/resources/context.yaml, targets.yaml):
- `hyp.treatment_preference`: a preference or choice word before the treatment (prefers, opts for, wishes to have,
  is keen to have, "Patient preference:", "preferred option is") and the alternative after "over / rather than";
  `hyp.treatment_preference_person`: "favours" / "leaning towards" after a person ("he favours SRS over
  microsurgery", "Mr Okafor is leaning towards Gamma Knife"; a pattern that favours a diagnosis keeps
  poss.evaluate_for's hedge); not when its sentence tells the treatment done;
- `hyp.treatment_needed_before`: "before / prior to / ahead of" a treatment, when the clause before it names a need
  or a request (needed, required, requested, asks for, baseline, prerequisite, must, should) and nothing there or
  after is told done, shown or dated in a year; `hyp.treatment_needed_pre`: "pre-" a treatment with a request in its
  sentence ("pre-SRS MRS requested");
- `hyp.treatment_followup_after`: "after / post / following" a treatment when the clause before it is a future
  follow-up (RTC, return to clinic, follow up in, will repeat / reassess / review, to be revisited / repeated /
  rechecked, next visit);
- `hyp.treatment_day_of`: "on the day / morning / eve of" a treatment with a dose, "per protocol" or an order word
  in its sentence, when nothing in its clause is told done or dated ("dexamethasone 4 mg on the day of SRS");
- tx.radiation's `unless_next` now also has a programme, service, team, unit, suite, institute, division,
  coordinator, nurse or office after the treatment word ("GAMMA KNIFE PROGRAM", "SRS team").

Near misses keep their reading (prior_radiation present): "s/p SRS 03/2025", "status post Gamma Knife to the left
CPA in 2021", "After SRS in May the lesion grew", "Post-SRS changes", "treated with radiosurgery 2019; now prefers
observation", "completed 30 fractions of IMRT in August", a preference told with its treatment done ("preferred
radiosurgery and had Gamma Knife 05/2024"), a follow-up told in the past ("seen 3 months post SRS", "follow-up MRI 6
months after SRS showed growth"), a baseline study dated in a year ("baseline MRI before radiosurgery in 2021"), a
past need ("she needed dexamethasone before radiosurgery"), an event on the day with no dose ("seizure on the day of
SRS").

Limits: "RTC 3 months post SRS" is read as a treatment to come even when the SRS was in fact given (a packet that
says so elsewhere, "s/p SRS 10/2026", keeps prior radiation through that mention); a past-tense choice with no
date or done-word ("she chose radiosurgery") keeps its reading, and "MRS needed before SRS" told in the past without a
pronoun subject or a done-word reads still ahead; "before SRS" without a need word before it ("MRS before SRS to
confirm the diagnosis") now reads still ahead too when the study is named there (hyp.treatment_study_before,
tests/facts/test_treatment_elsewhere_or_still_ahead_facts.py); a year after a treatment still ahead ("baseline MRS before SRS in 2027") keeps
it given here (a date after the request date is facts/planned.py's `dated_ahead`).
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
VS = ("MRI brain 11/12/2026: 1.6 cm enhancing left cerebellopontine angle mass, consistent with a vestibular "
      "schwannoma.\n")
METS = "MRI brain 11/12/2026: three enhancing lesions, consistent with brain metastases.\n"

NO_RT = {"prior_radiation": N, "prior_tumor_treatment": N}
NO_TX = {"prior_radiation": N, "prior_resection": N, "prior_tumor_treatment": N}
NO_RESECTION = {"prior_resection": N, "prior_tumor_treatment": N}
RT = {"prior_radiation": P, "prior_tumor_treatment": P}

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ------------------------------------------------------------ preferred, favoured, chosen
    "prefers, to avoid surgery": (VS + "She prefers radiosurgery to avoid open surgery.\n", NO_TX),
    "favours over microsurgery": (VS + "He favours SRS over microsurgery.\n", NO_TX),
    "leaning towards": (VS + "Mr Okafor is leaning towards Gamma Knife rather than resection.\n", NO_TX),
    "would rather have": (VS + "She would rather have CyberKnife than a craniotomy.\n", NO_TX),
    "opts for": (METS + "The patient opts for stereotactic radiosurgery to the three lesions.\n", NO_RT),
    "preference for, capitals": (VS + "PATIENT PREFERENCE: GAMMA KNIFE\n", NO_RT),
    # ------------------------------------------------------------ referred
    "referred to the centre": (VS + "Referred to the Gamma Knife centre.\n", NO_RT),
    "referral placed for SRS": (METS + "Referral placed to radiation oncology for SRS.\n", NO_RT),
    # ------------------------------------------------------------ needed / requested before
    "needed before Gamma Knife": (VS + "MRS needed before Gamma Knife.\n", NO_RT),
    "baseline spectroscopy before": (VS + "Baseline spectroscopy before radiosurgery.\n", NO_RT),
    "required prior to": (METS + "Spectroscopy is required prior to radiosurgery of the dominant lesion.\n", NO_RT),
    "requested ahead of": (VS + "MR spectroscopy requested ahead of Gamma Knife treatment.\n", NO_RT),
    "pre-SRS, requested": (METS + "Pre-SRS MR spectroscopy requested for the dominant lesion.\n", NO_RT),
    "should be done before": (VS + "Spectroscopy should be done before radiosurgery.\n", NO_RT),
    "program asks for": (VS + "The SRS program asks for MRS of every new lesion.\n", NO_RT),
    # ------------------------------------------------------------ a future follow-up after it
    "RTC post SRS": (VS + "RTC 3 months post SRS with audiogram.\n", NO_RT),
    "to be revisited after": (VS + "Hearing to be revisited after SRS.\n", NO_RT),
    "return to clinic following": (METS + "Return to clinic 6 weeks following radiosurgery with MRI.\n", NO_RT),
    "will repeat after": (VS + "Will repeat the audiogram 6 months after Gamma Knife.\n", NO_RT),
    # ------------------------------------------------------------ dosed on the day of it
    "dexamethasone on the day of": (METS + "Dexamethasone 4 mg on the day of SRS (per protocol).\n", NO_RT),
    "morning of": (METS + "Decadron 8 mg the morning of radiosurgery.\n", NO_RT),
    # ------------------------------------------------------------ a programme, service or team
    "letterhead programme": ("RIVERSIDE CANCER CENTER - GAMMA KNIFE PROGRAM\nRadiation Oncology Consultation\n"
                             + VS, NO_RT),
    "SRS team": (METS + "Discussed with the SRS team today.\n", NO_RT),
    "radiosurgery service": (VS + "Department of Neurosurgery, Stereotactic Radiosurgery Service\n", NO_RT),
    # ------------------------------------------------------------ near misses keep their reading
    "near: s/p SRS dated": (VS + "s/p SRS 03/2025\n", RT),
    "near: status post in a year": (VS + "Status post Gamma Knife to the left CPA in 2021.\n", RT),
    "near: after SRS, grew": (VS + "After SRS in May the lesion grew.\n", RT),
    "near: post-SRS changes": (VS + "Post-SRS changes in the left CPA.\n", RT),
    "near: treated, now prefers observation": (VS + "Treated with radiosurgery 2019; now prefers observation.\n",
                                                RT),
    "near: completed IMRT": (METS + "Completed 30 fractions of IMRT in August.\n", RT),
    "near: preferred and had": (VS + "She preferred radiosurgery and had Gamma Knife 05/2024.\n", RT),
    "near: seen post SRS": (VS + "Seen 3 months post SRS; audiogram stable.\n", RT),
    "near: baseline MRI in a past year": (VS + "Baseline MRI before radiosurgery in 2021 measured 1.2 cm.\n", RT),
    "near: dexamethasone was given": (METS + "Dexamethasone was given on the day of SRS in 06/2025.\n", RT),
    "near: treated at the centre": (VS + "He had SRS at the Gamma Knife centre in 2023.\n", RT),
    "near: she needed, before": (METS + "She needed dexamethasone before radiosurgery.\n", RT),
    "near: seizure on the day of": (METS + "Seizure on the day of SRS.\n", RT),
    "near: follow-up MRI after SRS showed": (VS + "Follow-up MRI 6 months after SRS showed growth.\n", RT),
    "near: pre-SRS MRI in a year": (VS + "Pre-SRS MRI (2021) showed 1.2 cm.\n", RT),
    "near: referred after SRS": (VS + "Referred back to us after Gamma Knife in 2022 for growth.\n", RT),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_treatment_not_yet_given(fragment_facts: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)
