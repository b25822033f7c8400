"""The interval since the prior study told as stable (Cohere's duplicate-imaging non-indication,
coh.ni.recent_imaging_unchanged.change): new_or_worsening_symptoms (nlp rules course.stable, course.new_or_worsening;
facts cues episode.features_list, episode.date, episode.before_latest_study in facts/episode.py).

Class: for "new or worsening since the prior study", the presenting illness that the prior study investigated or
that is dated on or before it, or a list of the disease's features, is not new since that study when the packet
states the interval since the study as stable ("Since discharge: stable, no new deficits", "no interval change in
symptoms since the September spectroscopy", "unchanged since the MRS", "at baseline", a form's "New or worsening
symptoms since prior study? [ ] Y [x] N"): new_or_worsening_symptoms is absent.

Near misses: a worsening told since the study ("since the MRS in September, seizures have doubled"), a deficit
dated after it, "stable until two weeks ago, now worse", and a stable statement about another period ("stable on
levetiracetam 2023-2025") with a worsening since the study keep new_or_worsening_symptoms present. Treatment given
since the study keeps treatment_since_imaging present. Rows are freshly written.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, A = FactStatus.PRESENT, FactStatus.ABSENT
NW, TX = "new_or_worsening_symptoms", "treatment_since_imaging"

SEP = "MRS 09/30/2026: choline/NAA 2.1 in the right thalamus, equivocal.\n"

CASES = [
    # the presenting illness in the HPI, the interval told as stable
    ("HPI febrile regression in August, MRI and MRS 08/29, stable since discharge",
     "HPI: presented in August with a febrile regression; MRI and MRS done 08/29/2026.\n"
     "Since discharge: stable, no new deficits.\n", A),
    ("presented with worsening headaches, unchanged since the MRS",
     "Mr Okafor presented on 09/12/2026 with worsening headaches and was admitted.\n" + SEP
     + "He is unchanged since the MRS.\n", A),
    ("new ataxia in September, no change since the spectroscopy",
     "In early September she developed new ataxia and was imaged.\n" + SEP
     + "No clinical change since the spectroscopy.\n", A),
    ("progressive memory decline, clinically stable since the study",
     "Ms Lindqvist presented in 07/2026 with progressive memory decline.\n" + SEP
     + "Clinically stable since the study.\n", A),
    ("lower case dictation, at baseline since the mrs",
     "pt presented 09/20/2026 with new word finding difficulty.\n" + SEP.lower()
     + "at baseline since the mrs, no new symptoms.\n", A),
    ("British spelling, neurologically unchanged since",
     "She presented in September with worsening unsteadiness and behavioural change.\n" + SEP
     + "Neurologically unchanged since the spectroscopy.\n", A),
    ("interval history label, stable",
     "HPI: 7-year-old boy who presented 09/25/2026 with new-onset seizures (MRS 09/30/2026 equivocal).\n"
     "Interval history: stable, no new symptoms.\n", A),
    ("line wrap inside the interval statement",
     "Presented 08/2026 with progressive right-sided weakness.\n" + SEP
     + "Since the\nspectroscopy she has been stable with no new deficits.\n", A),
    ("symptoms unchanged since the prior study, parentheses",
     "History: new left facial droop (09/2026), prompting MRI and MRS.\n" + SEP
     + "Symptoms unchanged since the prior study (September).\n", A),
    # a list of the disease's features
    ("diagnosis line features list, no interval change since the September spectroscopy",
     "Diagnosis: suspected mitochondrial disease; features: cognitive decline, ataxia, dystonia.\n" + SEP
     + "No interval change in symptoms since the September spectroscopy.\n", A),
    ("clinical features with worsening gait, no change since the MRS",
     "Clinical features: progressive spastic paraparesis, worsening gait, seizures.\n" + SEP
     + "No change in symptoms since the MRS.\n", A),
    ("features in capitals, stable since the study",
     "FEATURES: DEVELOPMENTAL REGRESSION, NEW SEIZURES, HYPOTONIA\n" + SEP
     + "Stable since the study.\n", A),
    ("phenotype line, symptoms stable since the MRS",
     "Phenotype: progressive cognitive decline, worsening tremor and neuropathy.\n" + SEP
     + "Symptoms have been stable since the MRS.\n", A),
    ("presenting features, British, no interval change",
     "Presenting features: increasing headaches, behavioural change.\n" + SEP
     + "No interval change in her symptoms since the spectroscopy.\n", A),
    ("features list with abbreviations, no new sx since MRS",
     "Dx: ?Leigh syndrome. Features - regression, new ophthalmoplegia, ataxia.\n" + SEP
     + "No new sx since MRS; stable.\n", A),
    ("key features, no change since the spectroscopy with a name",
     "Key features: worsening dysarthria and new dysphagia (Ms Abara, 52).\n" + SEP
     + "Ms Abara reports no symptomatic change since the spectroscopy.\n", A),
    ("features, unchanged since the September MRS",
     "Features of the disease: progressive dementia, myoclonus.\n" + SEP
     + "Unchanged since the September MRS.\n", A),
    ("features, remains at baseline",
     "Features: worsening fatigue, new hearing loss, ataxia.\n" + SEP
     + "Remains at baseline since the spectroscopy.\n", A),
    # a form's answer
    ("form: New or worsening symptoms since prior study? [ ] Y [x] N",
     "HPI: new seizures in September 2026 led to MRI and MRS.\n" + SEP
     + "New or worsening symptoms since prior study? [ ] Y [x] N\n", A),
    ("form: capital X under No",
     "Presented 09/2026 with progressive gait decline.\n" + SEP
     + "New or worsening symptoms since prior study?  [ ] Yes  [X] No\n", A),
    ("form: since last MRS: No",
     "Features: new dystonia, worsening speech.\n" + SEP
     + "New/worsening symptoms since last MRS: No\n", A),
    ("form: ticked box",
     "History: worsening headaches 09/2026.\n" + SEP
     + "New or worsening symptoms since the prior study: \u2610 Yes \u2612 No\n", A),
    ("form: lower case y/n",
     "hpi: new right arm weakness 09/15/2026.\n" + SEP.lower()
     + "new or worsening symptoms since prior study? [ ] y [x] n\n", A),
    ("form: answer none",
     "Presented in September with new aphasia.\n" + SEP
     + "New or worsening symptoms since prior imaging: none\n", A),
    ("form: circled N",
     "Features: progressive ataxia, new nystagmus.\n" + SEP
     + "New or worsening symptoms since prior study (circle one)  Y  (N)\n", A),
    ("form: answer with a colon and brackets, British",
     "Presented 09/2026 with worsening behavioural change.\n" + SEP
     + "Any new or worsening symptoms since previous study: [ ] Y [x] N\n", A),
    # near misses
    ("near miss: since the MRS in September, seizures have doubled",
     "Presented in August with seizures.\n" + SEP + "Since the MRS in September, seizures have doubled.\n", P),
    ("near miss: new left-sided weakness 10/20 after the 09/30 MRS",
     "Presented in September with headaches.\n" + SEP
     + "Stable initially. New left-sided weakness 10/20/2026 (after the 09/30 MRS).\n", P),
    ("near miss: stable until two weeks ago, now worse word-finding",
     "Presented in September with word-finding difficulty.\n" + SEP
     + "Stable until two weeks ago, now worse word-finding.\n", P),
    ("near miss: stable on levetiracetam 2023-2025, worsening since the study",
     "Epilepsy, stable on levetiracetam 2023-2025.\n" + SEP
     + "Worsening headaches since the study.\n", P),
    ("near miss: features list, then new symptom since the MRS",
     "Features: cognitive decline, ataxia, dystonia.\n" + SEP
     + "New dysphagia since the MRS.\n", P),
    ("near miss: form answered Yes",
     "Presented 09/2026 with progressive gait decline.\n" + SEP
     + "New or worsening symptoms since prior study? [x] Y [ ] N\n", P),
    ("near miss: no interval statement at all",
     "Features: progressive cognitive decline, worsening gait.\n" + SEP, P),
    ("near miss: stable, but new seizure last week",
     "Presented in September with headaches.\n" + SEP
     + "Stable since the MRS except a new seizure last week.\n", P),
]

TREATMENTS = [
    ("near miss: stable, but dexamethasone started after the study",
     "Presented in September with headaches.\n" + SEP
     + "Clinically stable; started on dexamethasone after the MRS.\n", P),
    ("near miss: unchanged, temozolomide given since the MRS",
     "Presented 09/2026 with new aphasia.\n" + SEP
     + "Unchanged since the MRS; temozolomide started 10/10/2026.\n", P),
]


@pytest.mark.parametrize(("case", "text", "status"), CASES, ids=[c[0] for c in CASES])
def test_interval_stable_since_prior(analyze, case, text, status):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {NW: status})


@pytest.mark.parametrize(("case", "text", "status"), TREATMENTS, ids=[c[0] for c in TREATMENTS])
def test_treatment_since_stays(analyze, case, text, status):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {TX: status})
