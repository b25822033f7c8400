"""An MRS named as a meeting's or a clinician's choice, or as what is being requested, is no prior MRS, end to end
(text -> NLP -> `prior_mrs`).

Class: "(MRS chosen)", "MRS preferred over PET", "we decided on MR spectroscopy", "Plan (10/21): spectroscopy",
"Request (10/30/2026): MRS": the MRS is the decision or the request, and the date of its sentence is the
meeting's or the plan's, not a study's (cue study.named_as_choice); a "Prior MRS" row answered "none" or "N/A" is a
denial also when another field follows on the same line after a wide gap (cue study.prior_row_denied).

Near misses: an MRS told done with its date or read ("MRS 08/2026: elevated choline/NAA", "Prior MRS: 03/2025
(outside), report attached", "spectroscopy performed with the 10/01 MRI showed a lactate peak"), also in a
sentence that goes on to a choice.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A = FactStatus.PRESENT, FactStatus.ABSENT
MRI = "MRI brain 09/28/2026: enhancing lesion, indeterminate.\n"

# id: (text, prior_mrs status)
CASES: dict[str, tuple[str, FactStatus]] = {
    # ------------------------------------------------ the MRS is a choice or the request, not a study done
    "row-none-then-chosen": ("Prior MRS: none    PET: discussed at conference 10/14/2026, not ordered (MRS "
                             "chosen)\n", A),
    "board-preferred-over": (MRI + "Tumour board 09/30/2026: MRS preferred over PET.\n", A),
    "visit-decided-on": (MRI + "At the 11/02/2026 visit we decided on MR spectroscopy.\n", A),
    "row-na-plan-label": ("Previous spectroscopy: N/A. Plan (10/21): spectroscopy.\n", A),
    "plan-label-only": (MRI + "Plan (10/21/2026): MR spectroscopy to characterise the lesion.\n", A),
    "selected-instead": (MRI + "FDG-PET considered 10/14/2026; MR spectroscopy selected instead.\n", A),
    "favoured-british": (MRI + "Tumor board 10/14/2026 - MRS favoured over PET.\n", A),
    "decision-for": (MRI + "MDT 10/09/2026: decision for MR spectroscopy rather than biopsy.\n", A),
    "opted-for": (MRI + "Neuro-oncology clinic 10/20/2026: we opted for MRS.\n", A),
    "chose-over": (MRI + "Dr. Patel (10/22/2026) chose spectroscopy over amino-acid PET.\n", A),
    "caps-preferred": (MRI + "TUMOUR BOARD 09/30/2026: MRS PREFERRED OVER PET\n", A),
    "request-label": ("Previous MRS: none.\nRequest (10/30/2026): spectroscopy\n", A),
    "agreed-on": (MRI + "Conference 10/14/2026 - agreed on MR spectroscopy as the next step.\n", A),
    "row-na-tab-chosen": ("Prior MRS: N/A\tFDG-PET: considered 10/14/2026; MRS chosen\n", A),
    # ------------------------------------------------ near misses: an MRS done
    "near-dated-read": ("MRS 08/2026: elevated choline/NAA\n", P),
    "near-row-dated-outside": ("Prior MRS: 03/2025 (outside), report attached\n", P),
    "near-performed-with-mri": ("spectroscopy performed with the 10/01 MRI showed a lactate peak\n", P),
    "near-reviewed-then-preferred": ("Tumor board 10/14/2026 reviewed the MRS of 10/01/2026: elevated choline. "
                                     "MRS preferred over PET for follow-up.\n", P),
    "near-plan-with-prior": ("Plan (10/21): repeat MRS; the prior MRS 08/2026 showed raised choline.\n", P),
    "near-row-none": ("Prior MRS: none\n", A),
}


@pytest.mark.parametrize(("text", "status"), CASES.values(), ids=CASES.keys())
def test_mrs_named_as_choice(analyze, text: str, status: FactStatus) -> None:  # type: ignore[no-untyped-def]
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["prior_mrs"]
    assert fact.status is status, f"{fact.status.value} ({fact.note}); evidence {[e.text for e in fact.evidence]}"
