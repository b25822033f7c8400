"""Assertions on language written in other styles than the dev corpus: hedged and listed diagnoses, negative results
and negation scope, what is current and whose, and the change in symptoms.

Each row: an id, a text, a target concept, the exact text of its mention, and the ConText assertions it must carry
(an empty set means affirmed; `None` means the text must not be matched as that concept). Rows marked "near miss"
are look-alikes that must keep today's reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_mention, facts_of

from pipeline.contracts import FactStatus

ASSERTIONS = {"negated", "uncertain", "historical", "hypothetical", "family"}

Case = tuple[str, str, str, str, set[str] | None]

# ------------------------------------------------------------------ hedged and listed diagnoses
HEDGED_AND_LISTED: list[Case] = [
    ("ddx-header-lines-1", "Differential diagnosis:\n1. Glioblastoma\n2. Cerebral abscess\n3. Metastasis\n",
     "GLIOMA", "Glioblastoma", {"uncertain"}),
    ("ddx-header-lines-3", "Differential diagnosis:\n1. Glioblastoma\n2. Cerebral abscess\n3. Metastasis\n",
     "BRAIN_METASTASIS", "Metastasis", {"uncertain"}),
    ("ddx-header-bullets", "DDx:\n- primary CNS lymphoma\n- tumefactive demyelination\n", "DEMYELINATION",
     "tumefactive demyelination", {"uncertain"}),
    ("ddx-header-unmarked", "Differential considerations:\nLymphoma\nToxoplasmosis\n", "BRAIN_INFECTION",
     "Toxoplasmosis", {"uncertain"}),
    ("ddx-header-letters", "Differential includes the following:\n  a) metastasis\n  b) abscess\n",
     "BRAIN_INFECTION", "abscess", {"uncertain"}),
    ("ddx-header-no-colon", "Differential diagnosis\n1. High-grade glioma\n2. Lymphoma\n", "CNS_LYMPHOMA",
     "Lymphoma", {"uncertain"}),
    ("ddx-inline-numbered", "Differential diagnosis: 1. glioblastoma 2. lymphoma 3. abscess", "BRAIN_INFECTION",
     "abscess", {"uncertain"}),
    ("rule-out-list", "Rule out:\n* abscess\n* lymphoma\n", "CNS_LYMPHOMA", "lymphoma", {"uncertain"}),
    ("ddx-item-wrapped", "DDx:\n1. Metastatic melanoma, given the\n   hemorrhagic component\n2. Glioblastoma\n",
     "GLIOMA", "Glioblastoma", {"uncertain"}),
    ("near miss: list after a blank line", "Differential diagnosis:\n1. Abscess\n\nKnown glioblastoma on the left.\n",
     "GLIOMA", "glioblastoma", set()),
    ("near miss: plain diagnosis list", "Diagnoses:\n1. Glioblastoma\n2. Epilepsy\n", "GLIOMA", "Glioblastoma",
     set()),
    ("near miss: cue with its own target", "Concern for abscess\n- glioblastoma, known\n", "GLIOMA",
     "glioblastoma", set()),
    ("near miss: prose after the list", "DDx:\n- lymphoma\n- toxoplasmosis\nHe has known glioblastoma here.",
     "GLIOMA", "glioblastoma", set()),
    ("remains-in-the-differential", "Lymphoma remains in the differential.", "CNS_LYMPHOMA", "Lymphoma",
     {"uncertain"}),
    ("suspicious-not-diagnostic", "Atypical lymphoid cells, suspicious for but not diagnostic of lymphoma.",
     "CNS_LYMPHOMA", "lymphoma", {"uncertain"}),
    ("not-favored", "Recurrent tumor not favored.", "RECURRENCE", "Recurrent tumor", {"uncertain"}),
    ("favored-after", "Tumor board consensus: treatment effect favored; recurrence felt less likely.",
     "TREATMENT_EFFECT", "treatment effect", {"uncertain"}),
    ("may-have", "She was told she may have MS.", "MULTIPLE_SCLEROSIS", "MS", {"uncertain"}),
    ("pending-confirmation", "Working diagnosis is glioma pending biopsy.", "GLIOMA", "glioma", {"uncertain"}),
    ("less-likely-before", "Less likely lymphoma, given the absence of restricted diffusion.", "CNS_LYMPHOMA",
     "lymphoma", {"uncertain"}),
    ("less-likely-after", "Lymphoma is less likely.", "CNS_LYMPHOMA", "Lymphoma", {"uncertain"}),
    ("near miss: unlikely", "Lymphoma is unlikely.", "CNS_LYMPHOMA", "Lymphoma", {"negated"}),
    ("favored-over-right", "Glioblastoma is favored over lymphoma.", "CNS_LYMPHOMA", "lymphoma", {"uncertain"}),
    ("favored-over-left", "Glioblastoma is favored over lymphoma.", "GLIOMA", "Glioblastoma", {"uncertain"}),
    ("could-not-be-excluded", "A high-grade glioma could not be excluded.", "GLIOMA", "high-grade glioma",
     {"uncertain"}),
    ("could-not-be-ruled-out", "Lymphoma could not be ruled out on the biopsy.", "CNS_LYMPHOMA", "Lymphoma",
     {"uncertain"}),
    ("another-consideration", "Another consideration would be toxoplasmosis.", "BRAIN_INFECTION", "toxoplasmosis",
     {"uncertain"}),
    ("other-considerations", "Other considerations include lymphoma.", "CNS_LYMPHOMA", "lymphoma", {"uncertain"}),
    ("notes-suggested", "Outside records suggested that this was a low-grade glioma.", "GLIOMA",
     "low-grade glioma", {"uncertain"}),
    ("either-or", "The appearance favors either a primary glioma or a metastasis.", "BRAIN_METASTASIS",
     "metastasis", {"uncertain"}),
    ("versus-next-line", "Impression: recurrent tumor\nversus radiation necrosis.", "RECURRENCE", "recurrent tumor",
     {"uncertain"}),
    ("vs-line-end", "Enhancing focus: progression vs\npseudoprogression.", "RECURRENCE", "progression",
     {"uncertain"}),
    ("numbered-items-one-scope", "Impression: 1) no acute infarct 2) ring-enhancing lesion in the right parietal "
     "lobe", "BRAIN_LESION", "lesion in the right parietal", set()),
    ("numbered-items-own-hedge", "Impression: 1) probable abscess 2) glioblastoma in the left temporal lobe",
     "GLIOMA", "glioblastoma", set()),
    ("near miss: numbered items after a period", "IMPRESSION: 1. No acute infarct. 2. Enhancing mass.",
     "BRAIN_LESION", "Enhancing mass", set()),
    ("item-tail-joins", "IMPRESSION:\n1. Left temporal glioblastoma\n   not excluded.\n", "GLIOMA",
     "glioblastoma", {"uncertain"}),
    ("near miss: versus inside a line", "Recurrence versus radiation necrosis.", "RECURRENCE", "Recurrence",
     {"uncertain"}),
    ("near miss: next line is new", "Impression: recurrent tumor\nNo hydrocephalus.", "RECURRENCE",
     "recurrent tumor", set()),
]

# ------------------------------------------------------------------ negative results and negation scope
NEGATIVE_RESULTS: list[Case] = [
    ("test-unremarkable", "HIV testing was unremarkable.", "HIV", "HIV", {"negated"}),
    ("test-nonreactive", "HIV-1/2 antigen/antibody screen nonreactive.", "HIV", "HIV-1/2", {"negated"}),
    ("test-non-reactive", "HIV screen non-reactive in 09/2026.", "HIV", "HIV", {"negated"}),
    ("test-negative", "Serum HIV testing negative.", "HIV", "HIV", {"negated"}),
    ("near miss: test positive", "HIV screen reactive, confirmed by Western blot.", "HIV", "HIV", set()),
    ("seizure-free-hyphen", "Seizure-free since 2023 on levetiracetam.", "SEIZURE", "Seizure", {"negated"}),
    ("seizure-free-words", "She has remained seizure free for three years.", "SEIZURE", "seizure", {"negated"}),
    ("near miss: seizures after seizure-free", "Seizure-free for a year; seizures recurred last month.", "SEIZURE",
     "seizures", set()),
    ("field-answered-no", "Seizures: No\nHeadaches: Yes\n", "SEIZURE", "Seizures", {"negated"}),
    ("field-answered-none", "Seizures - none since 2024.", "SEIZURE", "Seizures", {"negated"}),
    ("near miss: field answered with a finding", "Seizures: no new events since May.", "SEIZURE", "Seizures",
     set()),
    ("settled", "Her seizures had settled by the time of review.", "SEIZURE", "seizures", {"negated"}),
    ("nil", "Nil seizures since March.", "SEIZURE", "seizures", {"negated"}),
    ("wrapped-list-capitalised", "Workup negative for HIV, Lyme disease, syphilis, sarcoidosis\nLymphoma, and "
     "tuberculosis.", "CNS_LYMPHOMA", "Lymphoma", {"negated"}),
    ("mass-affect-typo", "There is mild mass affect on the left lateral ventricle.", "BRAIN_LESION", "mass", None),
    ("mass-effect", "No mass effect or midline shift.", "BRAIN_LESION", "mass", None),
    ("enhancement-of-the-mass", "No significant enhancement of the right temporal mass.", "BRAIN_LESION",
     "right temporal mass", set()),
    ("growth-of-the-lesion", "No interval growth of the left frontal lesion.", "BRAIN_LESION",
     "left frontal lesion", set()),
    ("near miss: no mass", "No enhancing mass.", "BRAIN_LESION", "enhancing mass", {"negated"}),
    ("near miss: no evidence of a mass", "No evidence of a mass.", "BRAIN_LESION", "mass", {"negated"}),
    ("list-lines-do-not-join", "FINDINGS:\nNo hemorrhage, hydrocephalus or midline shift is seen\n"
     "Ring-enhancing lesion in the right parietal lobe measuring 2 cm\n", "BRAIN_LESION",
     "lesion in the right parietal", set()),
    ("near miss: wrapped negation", "FINDINGS:\nThere is no hemorrhage, hydrocephalus, midline shift or enhancing\n"
     "lesion in the right parietal lobe.\n", "BRAIN_LESION", "enhancing\nlesion", {"negated"}),
]

# ------------------------------------------------------------------ what is current, and whose
CURRENT_AND_WHOSE: list[Case] = [
    ("excluded-after", "Neoplasm excluded.", "BRAIN_TUMOR", "Neoplasm", {"negated"}),
    ("excluded-by-test", "Biopsy definitively excluded lymphoma.", "CNS_LYMPHOMA", "lymphoma", {"negated"}),
    ("excluded-by-test-subject", "Biopsy definitively excluded lymphoma.", "BIOPSY", "Biopsy", set()),
    ("ruled-out-by-test", "CSF cytology has ruled out lymphoma.", "CNS_LYMPHOMA", "lymphoma", {"negated"}),
    ("deep-negation-list", "Extensive evaluation negative for vasculitis, sarcoidosis, syphilis, tuberculosis, "
     "Lyme disease, HIV, and lymphoma.", "CNS_LYMPHOMA", "lymphoma", {"negated"}),
    ("deep-no-evidence-list", "No evidence of acute infarct, hemorrhage, hydrocephalus, extra-axial collection, "
     "abnormal meningeal enhancement or abscess.", "BRAIN_INFECTION", "abscess", {"negated"}),
    # a remote or resolved tumor is over: historical and negated (pipeline/nlp/scopes.py, resolved_course)
    ("remote-resected", "Meningioma resected in 2012, with no recurrence on serial imaging.", "BRAIN_TUMOR",
     "Meningioma", {"historical", "negated"}),
    ("remote-in-parentheses", "Astrocytoma (remote) treated with radiation.", "GLIOMA", "Astrocytoma",
     {"historical", "negated"}),
    ("status-post-reaches-back", "Glioblastoma, status post resection in 2024.", "GLIOMA", "Glioblastoma",
     {"historical"}),
    ("near miss: symptom before status post", "Worsening headaches s/p resection.", "NEW_SYMPTOM",
     "Worsening headaches", set()),
    ("old-infarct", "Old left frontal infarct.", "NONTUMOR_DX", "infarct", {"historical"}),
    ("near miss: years old", "A 45-year-old man with glioblastoma.", "GLIOMA", "glioblastoma", set()),
    ("sequela", "Encephalomalacia, sequelae of prior abscess.", "BRAIN_INFECTION", "abscess", {"historical"}),
    ("problem-resolved", "Problem list:\n1. Glioblastoma - active\n2. Brain abscess - resolved\n", "BRAIN_INFECTION",
     "Brain abscess", {"negated"}),
    ("problem-resolved-dated", "Problem list:\n1. Epilepsy (resolved 2019)\n", "EPILEPSY", "Epilepsy",
     {"negated"}),
    ("resolved-problems-header", "Resolved problems:\n- brain abscess\n- hydrocephalus\n", "BRAIN_INFECTION",
     "brain abscess", {"negated", "historical"}),
    ("near miss: active problem", "Problem list:\n1. Glioblastoma - active\n2. Brain abscess - resolved\n",
     "GLIOMA", "Glioblastoma", set()),
    ("pmh-section", "PAST MEDICAL HISTORY:\nEpilepsy since childhood\n", "EPILEPSY", "Epilepsy", {"historical"}),
    ("relative-then-patient", "Brother with X-ALD, patient negative for X-ALD on ABCD1 testing.",
     "LEUKODYSTROPHY", "X-ALD", {"family"}),
    ("relative-then-patient-2", "Her mother has MELAS, the patient herself tested negative for MELAS.",
     "MITOCHONDRIAL", "MELAS", {"family"}),
    ("conditional-order-after", "MR spectroscopy if the next MRI is equivocal.", "IMAGING", "MR spectroscopy",
     {"hypothetical"}),
    ("conditional-order-consider", "Consider MRS only if the lesion enlarges.", "IMAGING", "MRS",
     {"hypothetical", "uncertain"}),
    ("conditional-should", "MRS is recommended should the lesion enlarge.", "IMAGING", "MRS", {"hypothetical"}),
    ("conditional-should-first", "Should imaging remain equivocal, MR spectroscopy would be obtained.", "IMAGING",
     "MR spectroscopy", {"hypothetical"}),
    ("near miss: advice", "The patient should have MR spectroscopy.", "IMAGING", "MR spectroscopy", set()),
    ("future-imaging", "Repeat MRI brain in 3 months.", "IMAGING", "MRI brain", {"hypothetical"}),
    ("near miss: order now", "MRS is requested now to distinguish recurrence from necrosis.", "IMAGING", "MRS",
     set()),
    ("near miss: a polite request", "I would be grateful if you could arrange MR spectroscopy.", "IMAGING",
     "MR spectroscopy", set()),
    ("near miss: if approved after a semicolon", "Please authorize MRS; if approved, we will schedule it.",
     "IMAGING", "MRS", set()),
]

# ------------------------------------------------------------------ what is current under "history of"
# An ongoing or recurring condition stays current; a remote, treated or resolved one stays historical.
HISTORY_OF_CURRENT: list[Case] = [
    ("latest-episode-days-ago", "Hx of recurrent hepatic encephalopathy, latest episode 10 days ago.",
     "ENCEPHALOPATHY", "hepatic encephalopathy", set()),
    ("most-recent-last-week", "History of focal seizures, the most recent one last week.", "SEIZURE",
     "focal seizures", set()),
    ("ongoing-after", "History of epilepsy with ongoing breakthrough seizures.", "EPILEPSY", "epilepsy", set()),
    ("ongoing-before", "History of epilepsy with ongoing breakthrough seizures.", "SEIZURE",
     "breakthrough seizures", set()),
    ("currently-treated", "History of glioblastoma, currently on temozolomide.", "GLIOMA", "glioblastoma", set()),
    ("pmh-line-with-last-event", "PAST MEDICAL HISTORY:\nEpilepsy, last seizure 3 days ago\nHypertension\n",
     "EPILEPSY", "Epilepsy", set()),
    ("near miss: remote and treated", "History of toxoplasmosis in 2019, treated.", "BRAIN_INFECTION",
     "toxoplasmosis", {"historical"}),
    ("near miss: as a child, none since", "Past history of seizures as a child, none since.", "SEIZURE", "seizures",
     {"historical"}),
    ("near miss: currently seizure free", "History of seizures, currently seizure free on lamotrigine.", "SEIZURE",
     "seizures", {"historical"}),
    ("near miss: another condition is ongoing", "History of meningioma and ongoing headaches.", "BRAIN_TUMOR",
     "meningioma", {"historical"}),
    ("near miss: none in the past year", "History of hepatic encephalopathy, none in the past year.",
     "ENCEPHALOPATHY", "hepatic encephalopathy", {"historical"}),
    ("near miss: a latest episode years back", "Hx of hepatic encephalopathy, most recently in 2015.",
     "ENCEPHALOPATHY", "hepatic encephalopathy", {"historical"}),
    ("near miss: the next pmh line", "PAST MEDICAL HISTORY:\nEpilepsy, last seizure 3 days ago\nBrain abscess 2015, "
     "drained\n", "BRAIN_INFECTION", "Brain abscess", {"historical"}),
    ("near miss: resected long ago", "History of meningioma, resected 2012.", "BRAIN_TUMOR", "meningioma",
     {"historical"}),
]




@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), HEDGED_AND_LISTED,
                         ids=[c[0] for c in HEDGED_AND_LISTED])
def test_hedged_and_listed_diagnoses(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    check_mention(mentions, text, concept, span, expected, among=ASSERTIONS)


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), NEGATIVE_RESULTS,
                         ids=[c[0] for c in NEGATIVE_RESULTS])
def test_negative_results_and_scope(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    check_mention(mentions, text, concept, span, expected, among=ASSERTIONS)


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), CURRENT_AND_WHOSE,
                         ids=[c[0] for c in CURRENT_AND_WHOSE])
def test_what_is_current_and_whose(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    check_mention(mentions, text, concept, span, expected, among=ASSERTIONS)


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), HISTORY_OF_CURRENT,
                         ids=[c[0] for c in HISTORY_OF_CURRENT])
def test_what_is_current_under_history_of(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    check_mention(mentions, text, concept, span, expected, among=ASSERTIONS)


@pytest.mark.parametrize(("text", "span"), [
    ("Brother with X-ALD, patient negative for X-ALD on ABCD1 testing.", "X-ALD"),
    ("Her mother has MELAS, the patient herself tested negative for MELAS.", "MELAS"),
])
def test_the_patients_own_negative_test_is_not_the_relatives(mentions, text, span):  # type: ignore[no-untyped-def]
    """The second mention is the patient's: negated, not family."""
    found = [m for m in mentions(text) if m.text == span]
    assert len(found) == 2
    assert set(found[1].modifiers) & ASSERTIONS == {"negated"}


# ------------------------------------------------------------------ change in symptoms (the fact)
SYMPTOM_CHANGE = [
    ("progressively-worsened", "Her headaches have progressively worsened over six weeks.", FactStatus.PRESENT),
    ("more-frequent", "Seizures are more frequent since August.", FactStatus.PRESENT),
    ("become-more-frequent", "His focal seizures, which have become more frequent, now occur daily.",
     FactStatus.PRESENT),
    ("rapidly-progressive", "Rapidly progressive dementia over four months.", FactStatus.PRESENT),
    ("increasing-memory-loss", "Increasing memory loss noted by the family.", FactStatus.PRESENT),
    ("new-onset-hyphen", "New-onset left hand weakness since Tuesday.", FactStatus.PRESENT),
    ("new-onset-words", "New onset of seizures in October.", FactStatus.PRESENT),
    ("increasingly-confused", "He is increasingly confused and forgetful.", FactStatus.PRESENT),
    ("frequency-increased", "Seizure frequency has increased to weekly.", FactStatus.PRESENT),
    ("first-seizure", "First-ever seizure on 10/02/2026, brought in by ambulance.", FactStatus.PRESENT),
    ("deterioration-in", "There has been a deterioration in his gait.", FactStatus.PRESENT),
    ("since-prior-mri", "Since the prior MRI, gait has steadily worsened.", FactStatus.PRESENT),
    ("previously-well", "Previously well until three weeks ago, when she developed new headaches.",
     FactStatus.PRESENT),
    ("near miss: less frequent", "Seizures are less frequent since the dose increase.", FactStatus.NOT_DOCUMENTED),
    ("near miss: improved", "Headaches have improved on dexamethasone.", FactStatus.NOT_DOCUMENTED),
    ("near miss: stable", "Neurologically stable, no new symptoms.", FactStatus.ABSENT),
    ("near miss: denies worsening", "Denies worsening headaches or new weakness.", FactStatus.ABSENT),
    ("near miss: past episode", "History of new-onset seizures in 2019, none since.", FactStatus.NOT_DOCUMENTED),
]


@pytest.mark.parametrize(("case", "text", "status"), SYMPTOM_CHANGE, ids=[c[0] for c in SYMPTOM_CHANGE])
def test_new_or_worsening_symptoms(analyze, case, text, status):  # type: ignore[no-untyped-def]
    facts = facts_of(analyze, text)
    assert facts.facts["new_or_worsening_symptoms"].status is status


# ------------------------------------------------------------------ what the assertions make of the facts
FACT_CASES = [
    ("listed-differential-is-suspected", "Differential diagnosis:\n1. Glioblastoma\n2. Cerebral abscess\n",
     "brain_infection", FactStatus.SUSPECTED),
    ("listed-differential-is-suspected-2", "Differential diagnosis:\n1. Glioblastoma\n2. Cerebral abscess\n",
     "glial_neoplasm", FactStatus.SUSPECTED),
    ("negative-test", "HIV testing was unremarkable.", "hiv", FactStatus.ABSENT),
    ("relative-positive-patient-negative", "Her mother has MELAS; the patient tested negative for MELAS.",
     "mitochondrial_disorder", FactStatus.ABSENT),
    ("conditional-order-only", "MRS if the next MRI is equivocal; no MRS needed now.", "mrs_requested",
     FactStatus.NOT_DOCUMENTED),
    ("near miss: order now", "MR spectroscopy (CPT 76390) is requested to assess the lesion.", "mrs_requested",
     FactStatus.PRESENT),
    ("remote-treated-infection", "History of toxoplasmosis in 2019, treated.", "brain_infection",
     FactStatus.NOT_DOCUMENTED),
    ("near miss: current infection", "MRI shows a ring-enhancing lesion; toxoplasmosis is suspected.",
     "brain_infection", FactStatus.SUSPECTED),
    ("remote-resected-no-recurrence", "Meningioma resected in 2012, with no recurrence on serial imaging.",
     "recurrent_or_residual_tumor", FactStatus.ABSENT),
    ("resolved-problem", "Problem list:\n1. Hypertension\n2. Brain abscess - resolved\n", "brain_infection",
     FactStatus.ABSENT),
    ("history-of-infection-under-treatment", "History of cerebral toxoplasmosis, currently on pyrimethamine and "
     "sulfadiazine.", "brain_infection", FactStatus.PRESENT),
    ("near miss: history-of-infection-drained", "History of cerebral toxoplasmosis, abscess drained in 2021, none "
     "since.", "brain_infection", FactStatus.NOT_DOCUMENTED),
]


@pytest.mark.parametrize(("case", "text", "fact", "status"), FACT_CASES, ids=[c[0] for c in FACT_CASES])
def test_facts_from_assertions(analyze, case, text, fact, status):  # type: ignore[no-untyped-def]
    facts = facts_of(analyze, text)
    assert facts.facts[fact].status is status
