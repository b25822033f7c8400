"""A treatment named in a clause about the time after it starts is not yet given, end to end.

Class: a treatment inside a temporal clause that looks ahead ("once radiotherapy starts", "until the resection is
done", "after proton therapy begins") or naming a study or visit still to come in a future statement ("we will
compare with the post-radiotherapy scans", "expect fatigue at the first post-chemo visit") was read as prior
radiation / chemotherapy / resection, which can meet a "treated tumour / post-treatment" criterion for a patient
who has had none. Rules (pipeline/nlp/resources/context.yaml): `hyp.treatment_once_begun`,
`hyp.treatment_first_study_after`,
`hyp.treatment_post_study_ahead`. Request date 11/20/2026 (the fixture's tail).

Near misses keep their reading: a treatment told ended or started in the past ("after radiotherapy ended in May",
"since chemotherapy started in June"), a dated past study after it ("Post-radiotherapy MRI 03/2025 showed ..."), a
resection an MRI showed, and a treatment completed in the clause after a scheduled one.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
GBM = ("MRI brain 11/12/2026: 4.1 cm heterogeneously enhancing right frontal mass with central necrosis, most "
       "consistent with a high-grade glioma.\n")

NO_RT = {"prior_radiation": N, "prior_tumor_treatment": N}
NO_CHEMO = {"prior_chemotherapy": N, "prior_tumor_treatment": N}
NO_RESECTION = {"prior_resection": N, "prior_tumor_treatment": N}
RT = {"prior_radiation": P, "prior_tumor_treatment": P}
CHEMO = {"prior_chemotherapy": P, "prior_tumor_treatment": P}
RESECTION = {"prior_resection": P, "prior_tumor_treatment": P}

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ------------------------------------------------------------ a temporal clause that looks ahead
    "once radiotherapy starts": (GBM + "Taper the dexamethasone once radiotherapy starts.\n", NO_RT),
    "until the resection is done": (GBM + "Seizure prophylaxis until the resection is done.\n", NO_RESECTION),
    "after proton therapy begins": (GBM + "Repeat MRS four weeks after proton therapy begins.\n", NO_RT),
    "until she starts temozolomide": (GBM + "Keep the steroid dose stable until she starts temozolomide.\n",
                                      NO_CHEMO),
    # ------------------------------------------------------------ a study or visit to come after it
    "post-radiotherapy scans, will": (GBM + "We will compare the spectrum with the post-radiotherapy scans.\n", NO_RT),
    "first post-chemo visit, expect": (GBM + "Expect fatigue at the first post-chemo visit.\n", NO_CHEMO),
    "first scan after, will": (GBM + "The first scan after radiosurgery will be at three months.\n", NO_RT),
    # ------------------------------------------------------------ near misses keep their reading
    "near: tapered after it ended": (GBM + "Dexamethasone was tapered after radiotherapy ended in May.\n", RT),
    "near: post-radiotherapy MRI dated": (GBM + "Post-radiotherapy MRI 03/2025 showed new enhancement.\n", RT),
    "near: since chemotherapy started": (GBM + "Since chemotherapy started in June she has lost weight.\n", CHEMO),
    "near: post-operative MRI, resection": (GBM + "Her post-operative MRI showed a gross total resection.\n",
                                            RESECTION),
    "near: starts Monday; completed": (GBM + "Radiotherapy starts Monday; she completed temozolomide in 2023.\n",
                                       {"prior_radiation": N, "prior_chemotherapy": P, "prior_tumor_treatment": P}),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_treatment_after_it_starts(fragment_facts: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)
