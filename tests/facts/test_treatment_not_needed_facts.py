"""A treatment told as not needed, not indicated or never given since the prior study: treatment_since_imaging (the
non-indication "imaging within 3 months without undergoing treatment") reads absent ("dexamethasone has not been
required since the scan", "bevacizumab was never started", "she didn't need any steroids after the MRI",
"re-irradiation: not indicated at present").

Rules: neg.treatment_not_needed_after (after the treatment) and neg.treatment_not_needed (before it), in
pipeline/nlp/resources/context.yaml beside neg.treatment_held_after. Near misses keep their reading: a treatment
that was needed, one given after the study and then no longer needed, a treatment only if needed, a need limited
in time ("not needed before surgery") with the drug started later, "not needed" said of a biopsy. Rows are freshly
written (invented patients).
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

MRI = "MRI brain 09/08/2026: 2.1 cm enhancing focus, right occipital lobe, indeterminate.\n"
MRS = "MR spectroscopy 09/19/2026: mildly raised choline in the right thalamic lesion, equivocal.\n"

CASES = [
    # the need denied after the treatment
    ("steroids not required since the scan", MRI + "Corticosteroids have not been required since that scan.\n", A),
    ("dexamethasone not needed since the MRS", MRS + "Since the spectroscopy, Decadron has not been needed.\n", A),
    ("held drug and a steroid not needed, after and",
     MRI + "Nothing given after the September MRI - temozolomide remains on hold and dexamethasone has not been "
     "needed.\n", A),
    ("bevacizumab never started after the study", MRI + "Following the MRI, bevacizumab was never started.\n", A),
    ("chemotherapy never given since", MRS + "Since the MRS, lomustine was never given.\n", A),
    ("two drugs, never started and not needed",
     MRI + "Since the scan, carboplatin was never started and steroids have not been needed.\n", A),
    ("radiotherapy not indicated at present", MRI + "Since the MRI, further radiotherapy not indicated at present.\n", A),
    ("contracted: steroids haven't been necessary", MRS + "Since the MRS steroids haven't been necessary.\n", A),
    ("isn't currently warranted", MRI + "After the MRI, bevacizumab isn't currently warranted.\n", A),
    ("was not needed, British wording", MRI + "Since the scan dexamethasone was not needed, symptoms mild.\n", A),
    ("has never been commenced", MRS + "Since the spectroscopy, temozolomide has never been commenced.\n", A),
    # the need denied before the treatment
    ("did not need any steroids", MRI + "Since the scan she did not need any steroids.\n", A),
    ("hasn't required dexamethasone", MRS + "Since the MRS he hasn't required dexamethasone.\n", A),
    ("has not needed corticosteroids", MRI + "After the MRI the patient has not needed corticosteroids.\n", A),
    # near misses
    ("near miss: steroid was needed after the MRI",
     MRI + "Dexamethasone was needed for worsening headache after the MRI.\n", P),
    ("near miss: started after the MRI, no longer needed once tapered",
     MRI + "Dexamethasone started after the MRI, no longer needed after the taper ended in October.\n", P),
    ("near miss: started after the MRI, not needed any longer",
     MRS + "Steroids were started after the MRS and have not been needed any longer since the taper.\n", P),
    ("near miss: only if needed", MRI + "Since the MRI, bevacizumab only if needed.\n", N),
    ("near miss: not needed before surgery, started after the MRI",
     MRI + "Steroids were not needed before surgery; dexamethasone was started after the MRI.\n", P),
    ("near miss: not needed until ..., started after the MRS",
     MRS + "Dexamethasone was not needed until October, and was commenced after the MRS.\n", P),
    ("near miss: a biopsy not needed, a steroid started",
     MRI + "Dexamethasone started after the MRI, and a biopsy has not been needed.\n", P),
    ("near miss: surgery not indicated, chemotherapy started",
     MRS + "Temozolomide was begun after the spectroscopy; resection was not indicated.\n", P),
    ("near miss: started after the scan, now not needed",
     MRI + "Dexamethasone was started after the MRI and is not needed now.\n", P),
    ("near miss: needed and given since",
     MRS + "Since the MRS she has needed dexamethasone for headaches.\n", P),
]


@pytest.mark.parametrize(("case", "text", "status"), CASES, ids=[c[0] for c in CASES])
def test_treatment_since_imaging(analyze, case, text, status):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {"treatment_since_imaging": status})
