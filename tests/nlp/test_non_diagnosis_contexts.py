"""Disease words that name no diagnosis of the patient: a letterhead's service name, a return-precaution list, and
PET meaning the peritoneal equilibration test.

1. A disease word inside the name of a clinic, centre, programme, network, department, division, institute or
   practice (a letterhead, header or signature block: "RIVERBEND ONCOLOGY - Lymphoma and Myeloma Clinic",
   "Comprehensive Epilepsy Center", "Leukodystrophy Care Network", "Center for Brain Tumors") is the service's
   name, no diagnosis: targets.yaml look.named_for_disease (several disease words joined by "and", "&", "/" or a
   comma, care or disease words before the service's noun) and look.service_named_for (the service's noun first,
   "of" or "for", then the disease words, in capitals). The mention is dropped (None below).
2. Return precautions and call-if lists name no current symptom: "Warning signs to report: seizures, vomiting",
   "Red flags to watch for - new weakness", "Go to the ED if you have a seizure" (hypothetical:
   context.yaml hyp.warning_signs_list, hyp.precaution_instruction, hyp.return_precaution, hyp.conditional).
3. PET in a dialysis record is the peritoneal equilibration test, no PET scan: "PET 10/28 (peritoneal
   equilibration): high-average transporter", "4-h PET D/P creatinine 0.71", "PET done: low transporter"
   (targets.yaml look.peritoneal_equilibration claims img.pet: no IMAGING mention).

Near misses keep their reading: a general clinic's letterhead with the diagnosis in the note's body, "seen in
lymphoma clinic for her lymphoma" (the second "lymphoma" is hers), "seizure at 03:00 today, return to ED" (present),
"FDG-PET 10/28: no hypermetabolism" and "PET/CT body" (PET scans), "PET: hypermetabolic focus".

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS (None: no such mention).
Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
H, A = {"hypothetical"}, set[str]()
LY, EP, GL, TU = "CNS_LYMPHOMA", "EPILEPSY", "GLIOMA", "BRAIN_TUMOR"
IMG = "IMAGING"

CASES: list[tuple[str, str, str, str, set[str] | None]] = [
    # 1. a service named after diseases
    ("letterhead, and-joined, capitals", "RIVERBEND ONCOLOGY - Lymphoma and Myeloma Clinic\n123 Main St", LY,
     "Lymphoma", None),
    ("letterhead, ampersand", "Lakeside Lymphoma & Leukemia Center\nFax 555-0100", LY, "Lymphoma", None),
    ("letterhead, all capitals, and", "NORTHGATE LYMPHOMA AND MYELOMA PROGRAM", LY, "LYMPHOMA", None),
    ("letterhead, slash", "Lymphoma/Myeloma Service, Dept of Medicine", LY, "Lymphoma", None),
    ("letterhead, comma list", "Epilepsy, Sleep and EEG Center", EP, "Epilepsy", None),
    ("care network", "Leukodystrophy Care Network\nReferral letter", "LEUKODYSTROPHY", "Leukodystrophy", None),
    ("comprehensive epilepsy center", "Comprehensive Epilepsy Center, Room 4B", EP, "Epilepsy", None),
    ("brain tumor program", "Pediatric Brain Tumor Program\nDr. A. Osei", TU, "Brain Tumor", None),
    ("British spelling, centre", "The Glioma and Brain Tumour Centre\nLondon", GL, "Glioma", None),
    ("treatment institute", "Hill Country Epilepsy Treatment Institute", EP, "Epilepsy", None),
    ("signature block", "J. Park, MD\nDirector, Glioma Research Program", GL, "Glioma", None),
    ("multiple sclerosis and neuroimmunology", "Multiple Sclerosis and Neuroimmunology Center", "MULTIPLE_SCLEROSIS",
     "Multiple Sclerosis", None),
    ("center for, plural", "Center for Brain Tumors\nUniversity Hospital", TU, "Brain Tumors", None),
    ("division of", "Division of Lymphoma and Myeloma\nDepartment of Medicine", LY, "Lymphoma", None),
    ("institute for, capitals", "INSTITUTE FOR EPILEPSY AND SEIZURE DISORDERS", EP, "EPILEPSY", None),
    ("department of, ampersand", "Department of Lymphoma & Myeloma", LY, "Lymphoma", None),
    ("programme for, British", "Regional Programme for Leukodystrophies", "LEUKODYSTROPHY", "Leukodystrophies", None),
    ("near: general clinic, diagnosis in the body",
     "RIVERBEND NEUROLOGY CLINIC\nAssessment: primary CNS lymphoma, biopsy-proven.", LY, "primary CNS lymphoma", A),
    ("near: her own lymphoma after the clinic name", "Seen in lymphoma clinic for her lymphoma.", LY, "lymphoma", A),
    ("near: two diseases, lower case", "She has lymphoma and epilepsy; clinic visit today.", LY, "lymphoma",
     A),
    ("near: clinic for, lower case", "Seen in clinic for lymphoma follow-up today.", LY, "lymphoma", A),
    ("near: letterhead then diagnosis", "Lymphoma and Myeloma Clinic\nDiagnosis: primary CNS lymphoma.", LY,
     "primary CNS lymphoma", A),
    # 2. return precautions and call-if lists
    ("warning signs to report", "Warning signs to report: seizures, vomiting.", "SEIZURE", "seizures", H),
    ("warning signs, dash", "Warning signs - seizure, new weakness.", "SEIZURE", "seizure", H),
    ("red flags to watch for", "Red flags to watch for: seizure, worsening headache.", "SEIZURE", "seizure", H),
    ("signs to watch for, capitals", "SIGNS TO WATCH FOR: SEIZURES OR CONFUSION", "SEIZURE", "SEIZURES", H),
    ("reasons to call", "Reasons to call the clinic: any seizure, fever.", "SEIZURE", "seizure", H),
    ("when to seek help", "When to seek help: a seizure lasting over 5 minutes.", "SEIZURE", "seizure", H),
    ("seek emergency care for", "Seek emergency care for: seizure, sudden weakness.", "SEIZURE", "seizure", H),
    ("return precautions reviewed", "Return precautions reviewed: call for worse headache, weakness, fever or "
     "seizure.", "SEIZURE", "seizure", H),
    ("go to the ED if", "Go to the ED if you have a seizure, new weakness or confusion.", "SEIZURE", "seizure", H),
    ("line wrap in the label", "Warning signs to\nreport: seizures, vomiting.", "SEIZURE", "seizures", H),
    ("symptoms to report immediately", "Symptoms to report immediately: seizures, vomiting.", "SEIZURE", "seizures",
     H),
    ("line wrap in the list", "Warning signs to report: new weakness,\nseizures, vomiting.", "SEIZURE", "seizures",
     H),
    ("warning signs, British", "Warning signs discussed with Mum: seizures, vomiting.", "SEIZURE", "seizures", H),
    ("ER precautions", "ER precautions: seizure, fever.", "SEIZURE", "seizure", H),
    ("near: seizure today, return to ED", "Seizure at 03:00 today, return to ED.", "SEIZURE", "Seizure", A),
    ("near: reported seizures", "She reported seizures last week.", "SEIZURE", "seizures", A),
    ("near: warning sign present", "Warning signs present on exam; seizure this morning.", "SEIZURE", "seizure", A),
    # 3. PET, the peritoneal equilibration test
    ("peritoneal equilibration, parenthesis", "PET 10/28 (peritoneal equilibration): high-average transporter.",
     IMG, "PET", None),
    ("4-h PET, D/P", "4-h PET D/P creatinine 0.71.", IMG, "PET", None),
    ("PET done, low transporter", "PET done: low transporter.", IMG, "PET", None),
    ("PET result, high average", "PET result: high average", IMG, "PET", None),
    ("spelled out then abbreviation", "Peritoneal equilibration test (PET) 09/2026: low-average transporter.", IMG,
     "PET", None),
    ("4-hour PET, dialysate", "4-hour PET: dialysate/plasma creatinine 0.82.", IMG, "PET", None),
    ("PET, transport status", "Most recent PET shows high transport status; on APD.", IMG, "PET", None),
    ("PET, D/D0 glucose", "PET (2.5% dextrose): D/D0 glucose 0.31.", IMG, "PET", None),
    ("PET, ultrafiltration", "PET 11/2026 - UF 350 mL, high transporter", IMG, "PET", None),
    ("near: FDG-PET", "FDG-PET 10/28: no hypermetabolism.", IMG, "FDG-PET", A),
    ("near: PET/CT body", "PET/CT body 10/28: no hypermetabolic focus.", IMG, "PET/CT body", A),
    ("near: PET, hypermetabolic", "PET 10/28: hypermetabolic right frontal focus.", IMG, "PET", A),
    ("near: PET, high uptake", "PET 10/28: high uptake in the right frontal lesion.", IMG, "PET", A),
    ("near: PET, low-grade", "PET: low FDG avidity, favouring a low-grade glioma.", IMG, "PET", A),
    ("near: PET, dopamine transporter", "PET with a dopamine transporter ligand 10/28: reduced uptake.", IMG, "PET",
     A),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_non_diagnosis_contexts(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                                expected: set[str] | None) -> None:
    check_mention(mentions, text, concept, span, expected, among=ASSERTIONS)
