"""Hedges, lay worries, negative screens, long negation lists, nothing given since, and addenda inside a report.

1. A diagnosis offered as one to weigh is suspected ("must be considered", "the two possibilities are", "a real
   possibility", "high on the list", "in the frame", "remains most likely", "would not be
   surprised if"): rules poss.weighed_after, poss.weighed_before, poss.most_likely_after.
2. A patient's or family's worry is no clinical suspicion (hyp.lay_worry, now with "mum", "nan", "carer" ...).
3. A normal screen "including" its list negates every disorder listed (neg.normal_screen, also "work-up" written in
   three tokens and with adverbs between).
4. A negation that opens a long list reaches every item to the list's end (scope.list_reach).
5. Nothing given since the study, in other words (neg.treatment_held, tx.none).
6. An addendum or a second read inside a report supersedes the report's earlier mentions of what it settles
   (supersede.inline_addendum, supersede.second_opinion).

Rows are freshly written; rows marked "near miss" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

S, P, A, N = FactStatus.SUSPECTED, FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

WEIGHED = [
    ("must be considered", "Assessment: an infiltrating glioma must be considered given the T2 signal.\n",
     {"glial_neoplasm": S}),
    ("are the main considerations", "Lymphoma and a solitary metastasis are the main considerations.\n",
     {"cns_lymphoma": S, "brain_metastasis": S}),
    ("the two possibilities are", "The two possibilities are a low-grade glioma and tumefactive demyelination.\n",
     {"glial_neoplasm": S, "demyelination": S}),
    ("makes it a real possibility", "The restricted diffusion makes lymphoma a real possibility.\n",
     {"cns_lymphoma": S}),
    ("a real alternative", "Its periventricular spread makes lymphoma a real alternative to an abscess.\n",
     {"cns_lymphoma": S}),
    ("a serious concern", "Given the prior melanoma, a metastasis is a serious concern.\n", {"brain_metastasis": S}),
    ("high on the list", "The calcification keeps an oligodendroglioma high on the list.\n", {"glial_neoplasm": S}),
    ("remains most likely statistically", "A metastasis remains most likely statistically.\n",
     {"brain_metastasis": S}),
    # a measure against a yardstick names no diagnosis of the patient (hyp.reference_expectation; was suspected)
    ("lower than typical for", "The rCBV is lower than typical for a high-grade glioma.\n",
     {"glial_neoplasm": N}),
    ("in the frame", "With her smoking history, metastatic disease is in the frame; lymphoma too.\n",
     {"brain_metastasis": S}),
    ("would not be surprised if", "I would not be surprised if this proved to be a lymphoma.\n",
     {"cns_lymphoma": S}),
    ("should be borne in mind", "A ganglioglioma should be borne in mind in a young patient with seizures.\n",
     {"brain_neoplasm": S}),
    ("near miss: biopsy-proven", "Biopsy-proven glioblastoma, on adjuvant temozolomide.\n", {"glial_neoplasm": P}),
    ("near miss: confirmed on pathology", "Anaplastic astrocytoma confirmed on pathology in 2025.\n",
     {"glial_neoplasm": P}),
    ("near miss: known tumour on treatment", "Known meningioma, on treatment with radiotherapy.\n",
     {"brain_neoplasm": P}),
    ("near miss: a consideration naming no disease", "The main consideration now is the seizure control.\n",
     {"seizures": P}),
    ("the causal link hedged, not the known tumor", "Her seizures are most likely from the glioblastoma.\n",
     {"glial_neoplasm": P}),
]

WORRIES = [
    ("mum is scared", "Mum is scared it's a brain tumour.\n", {"brain_neoplasm": N}),
    ("nan is frightened", "Her nan is frightened this is a brain tumour like her brother had.\n",
     {"brain_neoplasm": N}),
    ("carers worried", "Carers are worried about a brain tumor.\n", {"brain_neoplasm": N}),
    ("worry then reassurance", "She is worried it could be a tumor like her uncle had; reassured the MRI showed no "
     "tumor.\n", {"brain_neoplasm": A}),
    # the clinician's worry is suspicion, also told with its clause right after the verb (poss.worried_clause; it
    # was read as present before: tests/nlp/test_relative_lines_lay_worries_screens_queries.py)
    ("near miss: the clinician's worry", "I am worried this is a tumor.\n", {"brain_neoplasm": S}),
]

SCREENS = [
    ("newborn screen normal including", "Newborn screen normal, including MSUD, PKU and MCADD.\n",
     {"inborn_error_of_metabolism": A}),
    ("infectious work-up unremarkable including",
     "Infectious work-up unremarkable, including for HSV encephalitis and toxoplasmosis.\n", {"brain_infection": A}),
    ("work-up with an adverb", "Infectious work up was reportedly negative, including cryptococcal meningitis.\n",
     {"brain_infection": A}),
    ("screening results normal including", "Screening results all normal, including MCAD deficiency.\n",
     {"inborn_error_of_metabolism": A}),
    ("screen with a parenthesis, then normal including",
     "The metabolic screen (sent day 2) was NORMAL, including organic acids for MSUD.\n",
     {"inborn_error_of_metabolism": A}),
    ("near miss: a positive screen", "Newborn screen positive for PKU.\n", {"inborn_error_of_metabolism": P}),
    ("near miss: a screen with a parenthesis, abnormal", "Newborn screen (day 4) abnormal: elevated leucine, "
     "MSUD suspected.\n", {"inborn_error_of_metabolism": S}),
    ("near miss: abnormal screen", "Newborn screen abnormal, including elevated leucine; MSUD suspected.\n",
     {"inborn_error_of_metabolism": S}),
]

LISTS = [
    ("neg for, header, last item with adjective",
     "Neuro: neg for new headache, focal weakness, syncope, gait change, new seizure\n",
     {"new_or_worsening_symptoms": A, "seizures": A}),
    ("negative for, long list", "Negative for fever, rash, neck pain, photophobia, vomiting, worsening headache.\n",
     {"new_or_worsening_symptoms": A}),
    ("field answer then list", "ROS: negative for chills, weight loss, dizziness, tinnitus, blurred vision, new "
     "seizures.\n", {"new_or_worsening_symptoms": A, "seizures": A}),
    ("no ..., or ... with slashes", "No fever/chills, nausea, vomiting, neck stiffness, diplopia or worsening "
     "weakness.\n", {"new_or_worsening_symptoms": A}),
    ("near miss: a new clause after a semicolon", "Neuro: neg for headache; new seizure yesterday\n",
     {"new_or_worsening_symptoms": P, "seizures": P}),
    ("near miss: a clause, not an item", "Negative for fever, rash, neck pain, vomiting, and the family reports a "
     "new seizure on Monday.\n", {"new_or_worsening_symptoms": P}),
]

STUDY = "MRI brain 08/14/2026: enhancing right frontal lesion, indeterminate.\n"

SINCE = [
    ("not restarted or begun anything", STUDY + "We have not restarted temozolomide or begun anything else since the "
     "August MRI.\n", {"treatment_since_imaging": A}),
    ("treatment on hold since the scan", STUDY + "Treatment has been on hold since the scan.\n",
     {"treatment_since_imaging": A}),
    ("therapy remains on hold", STUDY + "Therapy remains on hold since that MRI.\n", {"treatment_since_imaging": A}),
    ("has not restarted", STUDY + "She has not restarted bevacizumab since the MRI.\n", {"treatment_since_imaging": A}),
    ("near miss: restarted after the MRI", STUDY + "We restarted temozolomide after the August MRI.\n",
     {"treatment_since_imaging": P}),
]

REPORT = ("MRI BRAIN 09/10/2026\nFindings: 4 mm cystic focus in the right hippocampus, ?small DNET vs perivascular "
          "space.\nImpression: DNET not excluded.\n")

ADDENDA = [
    ("inline addendum in one paragraph", "MRI brain 09/10/2026: cystic focus in the right hippocampus, ?small DNET vs "
     "perivascular space. DNET not excluded. Addendum: on review, not a DNET; no neoplasm.\n",
     {"brain_neoplasm": A}),
    ("second read under the report", REPORT + "Second read (neuroradiology, 09/12/2026): perivascular space; not a "
     "DNET.\n", {"brain_neoplasm": A}),
    ("amended impression inline", "CT head 09/02/2026: hypodensity in the left frontal lobe, possible low-grade "
     "glioma. Amended impression - after comparison with 2023, no glioma; chronic infarct.\n",
     {"glial_neoplasm": A}),
    ("near miss: an addendum about another finding", "MRI brain 09/10/2026: cystic focus in the right hippocampus, "
     "?small DNET vs perivascular space. DNET not excluded. Addendum: sinus disease noted; no acute infarct.\n",
     {"brain_neoplasm": S}),
    ("near miss: addendum in another paragraph", "MRI brain 09/10/2026: ?small DNET vs perivascular space.\n\n"
     "CT head 09/15/2026: no bleed. Addendum: no neoplasm on this CT.\n", {"brain_neoplasm": S}),
]

CASES = WEIGHED + WORRIES + SCREENS + LISTS + SINCE + ADDENDA


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_class_h(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
