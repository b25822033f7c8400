"""A treatment still ahead is no prior treatment; a recurrence at a named site outside the brain is no brain tumour
recurrence, through the real NLP stage (request date 11/20/2026).

Class 1: a treatment scheduled, booked, planned for a time ahead, due to start, or named by its simulation ("He is
scheduled for SRS 12/03/2026", "SRS to all three lesions planned next week", "radiosurgery booked for 12/01", "WBRT
to start Monday", "SRS simulation on 12/02") was read as prior radiation / resection / chemotherapy, which makes
Highmark's "residual/recurrent brain tumour following treatment" met. Rules: `hyp.treatment_plan` (forward) now
also reads "is/are scheduled for", "booked for", "listed for", "consented for", "due for";
`hyp.treatment_scheduled_after` (backward) reads a treatment followed by "planned/scheduled/booked/arranged" with a
time ahead ("next week", "on 12/01", "Monday", "in two weeks"), by "booked", or by "to start / due to commence /
starting" with a time ahead, unless its sentence tells it done; `hyp.treatment_planning_study` now also reads a
simulation or mask fitting after the treatment ("SRS simulation", "radiotherapy sim") and
`hyp.treatment_simulation_for` one before it ("CT simulation for radiosurgery"); and at fact level a treatment whose
nearest date in its clause falls after the request date, in a clause the cue treatment.done does not match, is
planned: it counts for no prior-treatment fact and stays as ignored evidence with attribute `dated_ahead`
(facts.yaml `dated_ahead` on prior_radiation, prior_resection, prior_chemotherapy; facts/planned.py).

Class 2: a recurrence named with a site outside the brain ("retroperitoneal nodal recurrence", "RPLN recurrence
(para-aortic)", "local recurrence at the anastomosis", "pelvic sidewall recurrence", "biochemical recurrence (PSA)",
"chest wall recurrence") was read as brain tumour recurrence in a packet with a brain tumour. Rule: target
`look.body_site_recurrence` (LOOKALIKE, targets.yaml), beside look.extracranial_course: a recurrence, relapse or
progression with a body site before it (extracranial_site words or the nodal, visceral and surgical sites of
`recurrence_body_site`, with "wall", "sidewall", "cuff", "nodal" after them), at / in / of such a site, or with such
a site in brackets right after it; and a biochemical, serologic or marker recurrence. The recurrence inside is
dropped.

Near misses keep their reading: "s/p SRS 03/2025", "SRS completed 10/2026; now scheduled for follow-up MRI",
radiosurgery dated before the request, a treatment scheduled in the past and completed; "recurrence at the
resection cavity", "local recurrence of the glioma", "recurrent metastasis at the treated L parietal site",
"nodal recurrence; new brain metastases" (the brain metastases stay).

Limits: a planned treatment with no time word, no plan verb and no date ahead ("SRS next" alone, "SRS planned for
the new lesion", where "planned for" is another cue's) keeps its reading; a scheduled treatment with a past date
and nothing told done ("SRS scheduled for 10/02/2026") is read as scheduled, not given; a date ahead needs the
request date, and a month/day date counts only within 92 days after it ("12/01" for a request of 11/20); a
recurrence whose body site is only in another sentence ("She has ovarian cancer. Recurrence in
2024.") is still a bare recurrence that counts in a packet with a brain tumour.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
METS = "MRI brain 11/12/2026: three new enhancing lesions, consistent with brain metastases.\n"
GLIOMA = "Left frontal glioblastoma, resected 2024, chemoradiation 2024.\nMRI brain 11/12/2026: new enhancement.\n"

NO_RT = {"prior_radiation": N, "prior_tumor_treatment": N}
NO_RESECTION = {"prior_resection": N, "prior_tumor_treatment": N}
NO_REC = {"recurrent_or_residual_tumor": N}

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ------------------------------------------------------------ class 1: a treatment still ahead
    "scheduled for SRS, date ahead": (METS + "He is scheduled for SRS 12/03/2026.\n", NO_RT),
    "planned next week": (METS + "SRS to all three lesions planned next week.\n", NO_RT),
    "booked for a day": (METS + "Radiosurgery booked for 12/01.\n", NO_RT),
    "to start Monday": (METS + "WBRT to start Monday.\n", NO_RT),
    "simulation dated": (METS + "SRS simulation on 12/02.\n", NO_RT),
    "booked for craniotomy": (METS + "She is booked for craniotomy on 12/08/2026.\n", NO_RESECTION),
    "listed for resection": (METS + "Consented and listed for resection of the cerebellar lesion.\n", NO_RESECTION),
    "due to commence": (METS + "Whole brain radiotherapy due to commence 12/07.\n", NO_RT),
    "starting next week": (METS + "Fractionated stereotactic radiotherapy starting next week.\n", NO_RT),
    "only a date ahead": (METS + "Gamma Knife 12/04/2026 (all three lesions).\n", NO_RT),
    "date ahead, bullet": (METS + "Plan:\n- SRS 12/10/2026\n- dexamethasone 4 mg\n", NO_RT),
    "CT simulation for radiosurgery": (METS + "CT simulation for radiosurgery 12/01.\n", NO_RT),
    "capitals": (METS + "SRS SCHEDULED FOR 12/03/2026\n", NO_RT),
    "arranged for next month": (METS + "Radiotherapy arranged for early December.\n", NO_RT),
    # ------------------------------------------------------------ class 2: a recurrence outside the brain
    "retroperitoneal nodal": (METS + "Seminoma 2019; retroperitoneal nodal recurrence 2024 treated with BEP.\n",
                              NO_REC),
    "RPLN (para-aortic)": (METS + "Testicular cancer with RPLN recurrence (para-aortic) in 2023.\n", NO_REC),
    "local at the anastomosis": (METS + "Rectal cancer, local recurrence at the anastomosis in 2022.\n", NO_REC),
    "pelvic sidewall": (METS + "Cervical cancer 2020, left pelvic sidewall recurrence 2024.\n", NO_REC),
    "biochemical (PSA)": (METS + "Prostate cancer, biochemical recurrence (PSA 4.2) in 2025.\n", NO_REC),
    "chest wall": (METS + "Breast cancer 2018 with chest wall recurrence in 2021.\n", NO_REC),
    "para-aortic relapse": (METS + "Ovarian cancer with para-aortic nodal relapse in 2025.\n", NO_REC),
    "vaginal cuff": (METS + "Endometrial cancer, vaginal cuff recurrence 2023.\n", NO_REC),
    "axillary": (METS + "Axillary recurrence 2022, re-excised.\n", NO_REC),
    "in the retroperitoneum": (METS + "Sarcoma with recurrence in the retroperitoneum in 2024.\n", NO_REC),
    "recurrence (bracket site)": (METS + "Melanoma, recurrence (inguinal nodes) 2023.\n", NO_REC),
    "serologic": (METS + "Colon cancer, serologic recurrence with rising CEA 2025.\n", NO_REC),
    # ------------------------------------------------------------ near misses keep their reading
    "near: s/p SRS": (METS + "s/p SRS 03/2025\n", {"prior_radiation": P}),
    "near: completed, follow-up scheduled": (
        METS + "SRS completed 10/2026; now scheduled for follow-up MRI.\n", {"prior_radiation": P}),
    "near: dated before the request": (METS + "Radiosurgery 10/15/2026 to the right frontal lesion.\n",
                                       {"prior_radiation": P}),
    "near: scheduled then completed": (
        METS + "SRS was scheduled for 09/2026 and completed on 09/14/2026.\n", {"prior_radiation": P}),
    "near: underwent, review booked": (
        METS + "Underwent Gamma Knife 10/02/2026; review booked for 12/15.\n", {"prior_radiation": P}),
    "near: dated ahead but told completed": (METS + "SRS completed 12/01/2026 (note written after the request).\n",
                                              {"prior_radiation": P}),
    "near: month/day in the past": (METS + "Radiosurgery on 03/15 to the cerebellar lesion.\n",
                                    {"prior_radiation": P}),
    "near: pelvic recurrence, then the cavity": (
        GLIOMA + "Cervical cancer with pelvic sidewall recurrence 2023; now recurrence at the resection cavity.\n",
        {"recurrent_or_residual_tumor": P}),
    "near: recurrence at the resection cavity": (GLIOMA + "Recurrence at the resection cavity.\n",
                                                 {"recurrent_or_residual_tumor": P}),
    "near: local recurrence of the glioma": (GLIOMA + "Local recurrence of the glioma.\n",
                                             {"recurrent_or_residual_tumor": P}),
    "near: recurrent metastasis at the treated site": (
        METS + "Recurrent metastasis at the treated L parietal site.\n", {"recurrent_or_residual_tumor": P}),
    "near: nodal recurrence; new brain metastases": (
        "Nodal recurrence; new brain metastases.\n", {"recurrent_or_residual_tumor": N, "brain_metastasis": P}),
    "near: local recurrence at the surgical bed": (GLIOMA + "Local recurrence at the surgical bed.\n",
                                                   {"recurrent_or_residual_tumor": P}),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_planned_treatment_and_other_site_recurrence(fragment_facts: Any, text: str,
                                                     expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)
