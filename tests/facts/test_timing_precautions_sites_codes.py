"""Treatment timing, return precautions, cord and trial sites, PET offered as a choice, codes of uncertain behaviour.

1. A treatment is given since the latest prior study only when a since-cue links it to that study ("started
   bevacizumab after the 09/22 MRS"), not when the cue's object is the treatment itself ("on observation since
   completing nivolumab") or when a read after a comma is the cue's subject ("s/p GTR + TMZ, with a nodule still
   indeterminate after MRI"); a tumor-directed treatment or steroid the patient is still on counts ("continues
   adjuvant TMZ"). Cues course.since_object, course.ongoing, concept sets treatment.ongoing, course.claim_between
   (pipeline/facts/resources/cues.yaml).
2. Return precautions however worded are hypothetical ("return sooner for any new symptom", "call back for",
   "come back earlier should new symptoms develop"): hyp.return_precaution, hyp.conditional_should
   (pipeline/nlp/resources/context.yaml).
3. A differential told before a cord site is the cord tumor's ("progression vs pseudoprogression / radiation change
   of the cord tumor": look.spinal_cord_course), and a trial's title or eligibility population names the trial, not
   the patient's diagnosis (look.trial_population; pipeline/nlp/resources/targets.yaml).
4. A PET offered with the MRS as a choice ("MRS or amino-acid PET") is no PET in the work-up: study.alternative_or.
5. A code description of uncertain or unspecified behaviour is a suspected neoplasm: poss.uncertain_behavior.

Rows are freshly written; near misses must not change.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

MRI = "MRI brain 10/14/2026: enhancing right parietal lesion, indeterminate.\n"

TIMING = [
    ("nothing since the spectroscopy; observation since completing a drug",
     "MR spectroscopy 09/18/2026: equivocal.\nNo therapy has been given since the September spectroscopy; she has "
     "been on observation since completing pembrolizumab in June.\n", A),
    ("off treatment since finishing radiation, MRI named in the sentence",
     MRI + "He has been off treatment since finishing radiotherapy, and the MRI remains indeterminate.\n", N),
    ("one-line summary: s/p resection and chemoRT, indeterminate after MRI",
     MRI + "58F, oligodendroglioma gr 2, s/p resection + chemoRT + PCV, with a focus still equivocal after MRI "
     "and one spectroscopy.\n", N),
    ("summary with a lesion still unclear after the scan",
     MRI + "History: GBM s/p GTR, chemoradiation and adjuvant temozolomide, with a new lesion indeterminate "
     "following the MRI.\n", N),
    ("near miss: started after the dated MRS", MRI.replace("MRI brain 10/14", "MRS 10/14")
     + "Started bevacizumab 10/30/2026 after the 10/14 MRS.\n", P),
    ("near miss: started after the scan, no date", MRI + "Lomustine was started after the MRI.\n", P),
    ("near miss: since the MRI opening the sentence", MRI + "Since the MRI, dexamethasone 2 mg was added.\n", P),
    ("near miss: a cycle began last week", MRI + "Temozolomide cycle 4 began last week.\n", P),
    ("near miss: continues adjuvant temozolomide", MRI + "Continues adjuvant temozolomide.\n", P),
    ("near miss: remains on dexamethasone", MRI + "She remains on dexamethasone 2 mg daily.\n", P),
    ("near miss: an antiseizure drug continued is no tumor treatment since",
     MRI + "Continues levetiracetam 500 mg twice daily.\n", N),
    ("near miss: completed chemoradiation long before", MRI + "Completed chemoradiation 03/2024.\n", N),
]

PRECAUTIONS = [
    ("return sooner for any new symptom",
     "Seen today with her husband.\nReturn sooner for any new neurological symptom.\n", N),
    ("call back for any new weakness", "Exam unchanged. Call back for any new weakness.\n", N),
    ("come back earlier should new symptoms develop",
     "Follow-up in 6 months; come back earlier should new symptoms develop.\n", N),
    ("seek care urgently for worsening headache", "Seek care urgently for worsening headache or vomiting.\n", N),
    ("return to the ED with new weakness", "Return to the ED with any new weakness.\n", N),
    ("near miss: returned for new weakness", "She returned for new weakness of the left arm.\n", P),
    ("near miss: came back sooner because of new seizures", "He came back sooner because of new seizures.\n", P),
    ("near miss: came back to clinic with new aphasia", "She came back to clinic with new aphasia.\n", P),
]

SITES = [
    ("differential of the cord tumor",
     "Indication: progression vs pseudoprogression / radiation change of the cord tumor.\n",
     {"recurrence_vs_treatment_effect": N, "recurrent_or_residual_tumor": N}),
    ("recurrence versus radiation necrosis in the conus ependymoma",
     "Question: recurrence versus radiation necrosis in the conus ependymoma.\n",
     {"recurrence_vs_treatment_effect": N, "recurrent_or_residual_tumor": N, "brain_neoplasm": N}),
    ("recurrence of the conus ependymoma", "Question: recurrence of the conus ependymoma.\n",
     {"recurrent_or_residual_tumor": N, "brain_neoplasm": N}),
    ("trial title with its population",
     "Screening: Phase I/II study of drug Y after radiation in H3 K27M-altered diffuse midline glioma, ages "
     "12-39.\n", {"brain_neoplasm": N, "known_brain_tumor": N, "prior_radiation": N}),
    ("phase 2 trial for recurrent glioblastoma",
     "Referred from the phase 2 randomized trial of regorafenib in recurrent glioblastoma.\n",
     {"glial_neoplasm": N}),
    # a consult question asks about the progression (suspected: poss.question_label); the glioma it names is hers
    ("near miss: progression of a right frontal glioma", "Question: progression of the right frontal glioma.\n",
     {"brain_neoplasm": P, "recurrent_or_residual_tumor": S}),
    ("near miss: progression vs pseudoprogression of a frontal GBM",
     "Known GBM. Progression vs pseudoprogression of the left frontal GBM.\n",
     {"recurrence_vs_treatment_effect": P}),
    ("near miss: enrolled because of her own glioma",
     "She was enrolled because of her diffuse midline glioma of the pons.\n", {"brain_neoplasm": P}),
    ("near miss: enrolled in a trial for her glioblastoma", "Enrolled in a phase 2 trial for her glioblastoma.\n",
     {"glial_neoplasm": P}),
]

PET = [
    ("recommend MRS or amino-acid PET", MRI + "Recommend MR spectroscopy or amino-acid PET.\n", A),
    ("either MRS or PET", MRI + "Either MRS or PET could answer this question.\n", A),
    ("PET or MRS requested", MRI + "FET-PET or MR spectroscopy is requested to separate recurrence from "
     "necrosis.\n", A),
    ("near miss: MRS and PET both recommended", MRI + "Recommend MRS and amino-acid PET.\n", P),
    ("near miss: PET done with a date", MRI + "Amino-acid PET done 10/20/2026: equivocal uptake.\n", P),
    ("near miss: PET ordered as well", MRI + "We request MRS; FET PET was also ordered.\n", P),
]

CODES = [
    ("D49.6 unspecified behaviour", "Dx: D49.6 Neoplasm of unspecified behavior of brain\n",
     {"brain_neoplasm": S, "known_brain_tumor": S}),
    ("D43.0 uncertain behaviour", "Diagnosis: D43.0 neoplasm of uncertain behavior of brain, supratentorial\n",
     {"brain_neoplasm": S, "known_brain_tumor": S}),
    ("behaviour before the neoplasm", "ICD-10: uncertain behaviour neoplasm of brain\n",
     {"brain_neoplasm": S}),
    ("R90.0 space-occupying lesion", "Dx: R90.0 intracranial space-occupying lesion\n",
     {"brain_neoplasm": N, "known_brain_tumor": N, "brain_lesion": P}),
    ("near miss: C71.1 malignant neoplasm", "Dx: C71.1 malignant neoplasm of frontal lobe\n",
     {"brain_neoplasm": P, "known_brain_tumor": P}),
    ("near miss: D32.0 benign neoplasm", "Dx: D32.0 benign neoplasm of cerebral meninges\n",
     {"brain_neoplasm": P}),
]


@pytest.mark.parametrize(("case", "text", "status"), TIMING, ids=[c[0] for c in TIMING])
def test_treatment_since_imaging(analyze, case, text, status):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {"treatment_since_imaging": status})


@pytest.mark.parametrize(("case", "text", "status"), PRECAUTIONS, ids=[c[0] for c in PRECAUTIONS])
def test_return_precautions(analyze, case, text, status):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {"new_or_worsening_symptoms": status})


@pytest.mark.parametrize(("case", "text", "expected"), SITES, ids=[c[0] for c in SITES])
def test_cord_and_trial_sites(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)


@pytest.mark.parametrize(("case", "text", "status"), PET, ids=[c[0] for c in PET])
def test_pet_offered_as_choice(analyze, case, text, status):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {"pet_same_workup": status})


@pytest.mark.parametrize(("case", "text", "expected"), CODES, ids=[c[0] for c in CODES])
def test_uncertain_behaviour_codes(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
