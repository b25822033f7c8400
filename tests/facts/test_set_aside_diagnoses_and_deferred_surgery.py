"""A diagnosis considered earlier and set aside, and an epilepsy surgery denied or deferred, through the real NLP stage.

1. A diagnosis weighed at an earlier stage of the work-up and replaced by a later one is over (absent, as a settled
   hedge is): "a glioma was first suspected, but the biopsy showed demyelination", "at presentation lymphoma was on
   the differential; the final diagnosis is neurosarcoidosis" (scope `set_aside`); so is a label the note calls out
   of date, "the old label of probable MS no longer applies" (`neg.label_outdated`, a withdrawal). The later
   diagnosis counts as stated. Near misses keep their reading: a suspicion the work-up confirmed or left open, the
   same finding named again more precisely ("a low-grade glioma was first suspected, but the biopsy showed a
   glioblastoma"), a later diagnosis that is itself hedged or only a feature (edema), one found "also", a present
   suspicion with no earlier stage, a study (not a label) called outdated.
2. Epilepsy surgery denied or deferred is no pre-surgical evaluation: "he is not a candidate for epilepsy surgery",
   "too soon to think about resective surgery, medications first" (`neg.surgery_set_aside`,
   `neg.surgery_set_aside_after`, `neg.poor_candidate`, `neg.deferred`); a candidacy that may come later is hypothetical ("if two
   more drugs fail, she may become a surgical candidate": `hyp.future_candidate`). Near misses stay present: a
   referral for evaluation, a good or remaining candidate, a denial of another therapy before a ";" ("not a
   candidate for medical therapy alone; surgical work-up under way").

Rows are fresh fragments in varied styles; each names the facts it checks.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, find_mention

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

# case, text, {fact: expected status}
SET_ASIDE = [
    ("first suspected, but the biopsy showed",
     "A glioma was first suspected, but the biopsy showed demyelination.\n",
     {"glial_neoplasm": A, "demyelination": P}),
    ("at presentation on the differential; the final diagnosis is",
     "At presentation lymphoma was on the differential; the final diagnosis is neurosarcoidosis.\n",
     {"cns_lymphoma": A}),
    ("initially thought to be - now ..., an abscess",
     "Initially thought to be a metastasis - now resolved on steroids and antibiotics, an abscess.\n",
     {"brain_metastasis": A, "brain_infection": P}),
    ("an outdated problem-list entry",
     "The earlier problem list entry 'possible mitochondrial disorder' is outdated - genetic testing was "
     "negative.\n", {"mitochondrial_disorder": A}),
    ("an old label that no longer applies", "The old label of probable MS no longer applies.\n",
     {"multiple_sclerosis": A}),
    ("originally suspected; biopsy instead revealed",
     "Originally a low-grade glioma was suspected; stereotactic biopsy instead revealed a cavernous "
     "malformation.\n", {"glial_neoplasm": A}),
    ("initially considered, but ... established",
     "Lymphoma was initially considered, but CSF studies and biopsy established neurosarcoidosis.\n",
     {"cns_lymphoma": A}),
    ("at first thought to represent, but it proved to be",
     "The lesion was at first thought to represent a metastasis, but it proved to be a pyogenic abscess.\n",
     {"brain_metastasis": A, "brain_infection": P}),
    ("on admission the working diagnosis; it turned out to be",
     "On admission the working diagnosis was possible glioblastoma; it turned out to be a subacute infarct.\n",
     {"glial_neoplasm": A}),
    ("originally suspected; sequencing instead identified another family",
     "Mitochondrial disease was originally suspected; whole-exome sequencing instead identified Krabbe "
     "disease.\n", {"mitochondrial_disorder": A, "leukodystrophy": P}),
    ("a non-tumor diagnosis set aside for a tumor",
     "At onset this was felt likely to be a demyelinating process, but the biopsy showed a diffuse "
     "astrocytoma.\n", {"demyelination": A, "glial_neoplasm": P}),
    ("a referring diagnosis that is obsolete",
     "The referring diagnosis of possible metastasis is obsolete; the biopsy diagnosis is toxoplasmosis.\n",
     {"brain_metastasis": A, "brain_infection": P}),
    ("a problem-list label that no longer applies after testing",
     "The previous problem-list label 'suspected leukodystrophy' no longer applies after normal VLCFA and enzyme "
     "testing.\n", {"leukodystrophy": A}),
    ("the turn opens the next sentence",
     "Tumour recurrence was first suspected on the post-radiation MRI. However, the biopsy showed radiation "
     "necrosis only.\n", {"recurrent_or_residual_tumor": A, "treatment_effect": P}),
    ("an earlier diagnosis later revised",
     "She was initially diagnosed with multiple sclerosis in 2015, later revised to neurosarcoidosis.\n",
     {"multiple_sclerosis": A}),
    ("previously labelled, turned out to be",
     "Previously labelled as probable lymphoma, the lesion turned out to be tumefactive demyelination.\n",
     {"cns_lymphoma": A, "demyelination": P}),
    ("the set-aside diagnosis settles an earlier question",
     "Problem list: r/o CNS lymphoma.\n\nAt presentation lymphoma was on the differential; the final diagnosis "
     "is neurosarcoidosis.\n", {"cns_lymphoma": A}),
    ("an outdated label withdraws the label elsewhere",
     "Problem list: multiple sclerosis.\n\nThe old MS label no longer applies; the final diagnosis is "
     "neurosarcoidosis.\n", {"multiple_sclerosis": A}),
    # near misses: confirmed or left open, the same finding, a hedged or featural later finding, no earlier stage
    ("near miss: first suspected and the biopsy confirmed it",
     "A glioma was first suspected and the biopsy confirmed it.\n", {"glial_neoplasm": S}),
    ("near miss: considered and remains possible", "Lymphoma was considered and remains possible.\n",
     {"cns_lymphoma": S}),
    ("near miss: initially seen for a glioma, now recurrent", "Initially seen in 2019 for a glioma, now recurrent.\n",
     {"glial_neoplasm": P}),
    ("near miss: the same tumor named more precisely",
     "A low-grade glioma was first suspected, but the biopsy showed a glioblastoma.\n", {"glial_neoplasm": P}),
    ("near miss: a generic tumour that biopsy named",
     "A tumour was initially suspected, and the biopsy showed a glioblastoma.\n",
     {"brain_neoplasm": P, "glial_neoplasm": P}),
    ("near miss: a non-diagnostic biopsy", "Lymphoma was first suspected, but the biopsy was non-diagnostic.\n",
     {"cns_lymphoma": S}),
    ("near miss: the later diagnosis is hedged too",
     "At presentation lymphoma was on the differential; demyelination is also possible.\n",
     {"cns_lymphoma": S, "demyelination": S}),
    ("near miss: a finding found as well",
     "Glioma was first suspected, but the MRI also showed demyelination.\n", {"glial_neoplasm": S}),
    ("near miss: edema is no diagnosis that replaces",
     "Glioma was first suspected, but the MRI showed surrounding edema.\n", {"glial_neoplasm": S}),
    ("near miss: a present suspicion, no earlier stage", "Lymphoma is suspected, but the MRI shows demyelination.\n",
     {"cns_lymphoma": S}),
    ("near miss: the diagnosis still holds", "The diagnosis of MS still holds.\n", {"multiple_sclerosis": P}),
    ("near miss: an outdated study, not a label", "The 2019 MRI, which suggested probable MS, is outdated.\n",
     {"multiple_sclerosis": S}),
]


@pytest.mark.parametrize(("case", "text", "expected"), SET_ASIDE, ids=[c[0] for c in SET_ASIDE])
def test_a_diagnosis_set_aside_for_a_later_one_is_over(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


SURGERY = [
    ("not a candidate for epilepsy surgery",
     "Focal epilepsy since 2019. He is not a candidate for epilepsy surgery.\n", A),
    ("too soon to think about, medications first",
     "Drug-resistant temporal lobe epilepsy. Too soon to think about resective surgery, medications first.\n", A),
    ("surgery not being considered at present",
     "Focal seizures. Epilepsy surgery is not being considered at present.\n", A),
    ("declined surgical evaluation", "Epilepsy since age 9. She declined surgical evaluation.\n", A),
    ("not a surgical candidate given the location",
     "Left frontal epilepsy. Not a surgical candidate given the eloquent location.\n", A),
    ("not currently a candidate", "Focal epilepsy. She is not currently a candidate for resective surgery.\n", A),
    ("a poor surgical candidate",
     "Multifocal epilepsy. A poor surgical candidate given bilateral independent onsets.\n", A),
    ("not an option", "Epilepsy with bilateral onsets; epilepsy surgery is not an option.\n", A),
    ("too early to consider; drug trials first",
     "Focal epilepsy. Too early to consider epilepsy surgery; two more drug trials first.\n", A),
    ("would be premature", "Seizures since March. Resective surgery would be premature at this stage.\n", A),
    ("deferring until after pregnancy",
     "Focal epilepsy. We are deferring surgical evaluation until after her pregnancy.\n", A),
    ("decided against for now",
     "Temporal lobe epilepsy. The family has decided against surgical evaluation for now.\n", A),
    ("not indicated at this time", "Focal seizures. Surgical evaluation is not indicated at this time.\n", A),
    ("discussed and not recommended",
     "Mesial temporal sclerosis with seizures. Temporal lobectomy was discussed and is not recommended.\n", A),
    ("can wait", "Epilepsy. Presurgical evaluation can wait until the seizures are better characterised.\n", A),
    ("opted against", "Right mesial temporal epilepsy. The family opted against epilepsy surgery.\n", A),
    # near misses: a referral, a candidacy that may come later (hypothetical), a denial of another therapy
    ("near miss: referred for evaluation", "Focal epilepsy. Referred for epilepsy surgery evaluation.\n", P),
    ("near miss: may become a candidate (hypothetical)",
     "Focal epilepsy. If two more drugs fail, she may become a surgical candidate.\n", N),
    ("near miss: could become a candidate (hypothetical)",
     "Focal epilepsy. Should seizures persist on a third drug, he could become a candidate for epilepsy "
     "surgery.\n", N),
    ("near miss: not a candidate for medical therapy; work-up under way",
     "Focal epilepsy. Not a candidate for medical therapy alone; surgical work-up under way.\n", P),
    ("near miss: a good candidate", "Focal epilepsy. She is a good surgical candidate.\n", P),
    ("near miss: not a candidate for drug trials; evaluation begun",
     "Focal epilepsy. Not a candidate for further drug trials; epilepsy surgery evaluation has begun.\n", P),
    ("near miss: remains a candidate",
     "Focal epilepsy. Despite the eloquent location, she remains a surgical candidate.\n", P),
    ("near miss: too soon to tell, evaluation continues",
     "Focal epilepsy. Too soon to tell whether the lesion is epileptogenic; presurgical evaluation continues.\n",
     P),
    ("near miss: another test not recommended",
     "Focal epilepsy. Presurgical evaluation with PET not recommended given cost.\n", P),
    ("near miss: the drugs held during the work-up",
     "Focal epilepsy. Admitted for presurgical evaluation with lamotrigine held.\n", P),
    ("near miss: poor drug response", "Focal epilepsy. Poor drug response, so surgical evaluation was requested.\n",
     P),
]


@pytest.mark.parametrize(("case", "text", "expected"), SURGERY, ids=[c[0] for c in SURGERY])
def test_epilepsy_surgery_denied_or_deferred_is_no_presurgical_evaluation(  # type: ignore[no-untyped-def]
        fragment_facts, case, text, expected):
    check_facts(fragment_facts(text), {"presurgical_evaluation": expected})


# case, text, concept, span, the rule id its reading names, whether it is negated (else hypothetical)
RULES = [
    ("set aside", "A glioma was first suspected, but the biopsy showed demyelination.\n", "GLIOMA", "glioma",
     "scope.set_aside", True),
    ("label outdated", "The old label of probable MS no longer applies.\n", "MULTIPLE_SCLEROSIS", "MS",
     "neg.label_outdated", True),
    ("surgery denied", "He is not a candidate for epilepsy surgery.\n", "PRESURGICAL_EVAL", "epilepsy surgery",
     "neg.surgery_set_aside", True),
    ("surgery deferred after", "Resective surgery would be premature.\n", "PRESURGICAL_EVAL", "Resective surgery",
     "neg.surgery_set_aside_after", True),
    ("poor candidate", "A poor surgical candidate.\n", "PRESURGICAL_EVAL", "surgical candidate",
     "neg.poor_candidate", True),
    ("future candidate", "She may become a surgical candidate.\n", "PRESURGICAL_EVAL", "surgical candidate",
     "hyp.future_candidate", False),
    ("deferred", "We are deferring surgical evaluation.\n", "PRESURGICAL_EVAL", "surgical evaluation",
     "neg.deferred", True),
]


@pytest.mark.parametrize(("case", "text", "concept", "span", "rule", "negated"), RULES, ids=[c[0] for c in RULES])
def test_the_readings_name_their_rules(mentions, case, text, concept, span, rule, negated):  # type: ignore[no-untyped-def]
    mention = find_mention(mentions, text, concept, span)
    assert rule in mention.modifier_rules, mention.modifier_rules
    assert mention.has("negated" if negated else "hypothetical"), mention.modifiers
    assert not mention.has("possible"), mention.modifiers
