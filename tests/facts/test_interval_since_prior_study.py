"""What happened since the prior study (Cohere's duplicate-imaging non-indication, coh.ni.recent_imaging_unchanged):
new_or_worsening_symptoms (course.new_or_worsening) and treatment_since_imaging (course.since_imaging).

Class 1: the presenting complaint told before the prior advanced study (in an older study's indication, or in the
history dated before the prior MRS) is no symptom since it when the packet states no new symptoms since the study
(or a form answers "New symptoms since last study? No"): new_or_worsening_symptoms is absent.
Class 2: a treatment named under a negation list ("no steroids, no bevacizumab, no other therapy since the
spectroscopy"), a scheduled or future-dated treatment, or one in a list of options is no treatment given since the
study.

Near misses: a treatment really started after the study, a new deficit or worse headaches since the scan, "no new
symptoms except worse headaches" keep their reading. Rows are freshly written.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
NW, TX = "new_or_worsening_symptoms", "treatment_since_imaging"

MRS = "MR spectroscopy 09/18/2026: choline/NAA ratio 1.9 in the left frontal lesion, equivocal.\n"

SYMPTOMS = [
    # an older study's indication
    ("indication on an older MRI",
     "MRI brain 07/30/2026\nIndication: progressive gait decline.\nImpression: left frontal lesion.\n\n" + MRS
     + "Clinic 11/12/2026: no new symptoms since the September MRS.\n", A),
    ("indication, lower case, CT older than the MRS",
     "CT head 08/04/2026\nindication: worsening headaches\nfindings: hypodensity left frontal\n\n" + MRS
     + "Seen today, no new symptoms since the spectroscopy.\n", A),
    ("clinical history field on an older MRI",
     "MRI BRAIN WITH AND WITHOUT CONTRAST (08/11/2026)\nClinical history: new word-finding difficulty.\n"
     "Impression: enhancing lesion.\n\n" + MRS + "Interval: no new or worsening symptoms since the MRS.\n", A),
    ("reason for exam on an older MRI, British spelling",
     "MRI head 02/08/2026\nReason for exam: worsening unsteadiness.\nConclusion: lesion in the left frontal lobe.\n\n"
     + MRS + "Review today: no new symptoms since the spectroscopy in September.\n", A),
    ("indication with abbreviation",
     "MRI brain 08/20/2026\nIndication: 58 yo M w/ new L arm weakness.\nImpression: mass.\n\n" + MRS
     + "F/u 11/10/2026: no new sx since the MRS.\n", A),
    # the history before the prior MRS
    ("presented in August, MRS in September",
     "She presented in August with new regression of speech. An MRI showed a left frontal lesion.\n" + MRS
     + "Today: no new symptoms since the September spectroscopy.\n", A),
    ("presented on a date, several sentences before the MRS",
     "He first presented on 08/12/2026 with worsening headaches. CT was unremarkable. MRI followed.\n" + MRS
     + "He has had no new symptoms since the MRS.\n", A),
    ("in July developed..., lower case",
     "in july 2026 she developed new right hand clumsiness. she was referred to neurology.\n" + MRS
     + "no new symptoms since the mrs.\n", A),
    ("presenting complaint dated with parentheses",
     "Presenting complaint (08/2026): progressive memory decline.\nShe was referred by her GP.\n" + MRS
     + "Since the spectroscopy there have been no new symptoms.\n", A),
    # a form's answer
    ("form answer No after a history",
     "Presented 08/2026 with new seizures. Started levetiracetam.\n" + MRS
     + "New symptoms since last study? No\n", A),
    ("form answer N in brackets",
     "HPI: in August, new left facial droop.\nMRI 08/25/2026: lesion.\n" + MRS
     + "New or worsening symptoms since last imaging: [ ] Y [X] N\n", A),
    ("form answer: none",
     "History: worsening gait in 07/2026 led to imaging.\n" + MRS
     + "New symptoms since prior study: none\n", A),
    # near misses
    ("near miss: new weakness since the October MRS",
     "MRS 10/08/2026: equivocal.\nNew left-hand weakness since the October MRS.\n", P),
    ("near miss: headaches worse over the two weeks since the scan",
     MRS + "Her headaches are worse over the two weeks since the scan.\n", P),
    ("near miss: no new symptoms except worse headaches",
     MRS + "No new symptoms except worse headaches since the MRS.\n", P),
    ("near miss: presenting complaint, but no statement of interval",
     "She presented in August with new regression of speech.\n" + MRS, P),
    ("near miss: a symptom dated after the MRS",
     "Presented in August with headaches.\n" + MRS + "New seizures on 10/20/2026. No new symptoms otherwise.\n", P),
]

TREATMENTS = [
    # a negation list
    ("no steroids, no bevacizumab, no other therapy since",
     MRS + "No steroids, no bevacizumab, no other therapy since the September spectroscopy.\n", A),
    ("no dexamethasone, no temozolomide since the MRS",
     MRS + "Since the MRS: no dexamethasone, no temozolomide, no radiation.\n", A),
    ("lower case list",
     MRS + "no steroids, no avastin and no other treatment since the mrs\n", A),
    ("list with or",
     MRS + "He has had no steroids or bevacizumab since the spectroscopy.\n", A),
    ("has not received ... since",
     MRS + "She has not received dexamethasone, temozolomide or radiotherapy since the September MRS.\n", A),
    ("negation list with neither ... nor",
     MRS + "Neither steroids nor bevacizumab have been given since the MRS.\n", A),
    ("British spelling, no radiotherapy no chemotherapy",
     MRS + "No radiotherapy, no chemotherapy and no steroids since the spectroscopy in September.\n", A),
    # planned or future-dated
    ("Gamma Knife scheduled",
     MRS + "Gamma Knife scheduled 12/08/2026.\n", N),
    ("radiosurgery planned for a future date",
     MRS + "Stereotactic radiosurgery is planned for 12/15/2026.\n", N),
    ("future-dated start of temozolomide",
     MRS + "Temozolomide to start 12/01/2026.\n", N),
    ("booked for resection",
     MRS + "Booked for craniotomy and resection on 12/03/2026.\n", N),
    ("plan: bevacizumab if progression",
     MRS + "Plan: bevacizumab if the MRS confirms progression.\n", N),
    # options list
    ("options list",
     MRS + "Options discussed: re-resection, radiosurgery or bevacizumab.\n", N),
    ("treatment options are",
     MRS + "Treatment options include temozolomide rechallenge or lomustine.\n", N),
    ("options with a colon, lower case",
     MRS + "options: (1) SRS (2) surgery (3) observation\n", N),
    # near misses
    ("near miss: started dexamethasone the day after the MRS",
     MRS + "She started dexamethasone the day after the MRS.\n", P),
    ("near miss: bevacizumab given since the spectroscopy",
     MRS + "Bevacizumab was given on 10/20/2026, after the spectroscopy.\n", P),
    ("near miss: negation list but a drug given",
     MRS + "No radiation since the MRS, but dexamethasone was started after the MRS.\n", P),
]


@pytest.mark.parametrize(("case", "text", "status"), SYMPTOMS, ids=[c[0] for c in SYMPTOMS])
def test_symptoms_since_prior_study(analyze, case, text, status):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {NW: status})


@pytest.mark.parametrize(("case", "text", "status"), TREATMENTS, ids=[c[0] for c in TREATMENTS])
def test_treatment_since_prior_study(analyze, case, text, status):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {TX: status})
