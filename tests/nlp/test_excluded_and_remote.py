"""Excluded, remote and hedged diagnoses: what the text rules out is absent, a remote or resolved tumor is over, a
lesion with a differential is suspected, and the course of a non-tumor finding is not tumor progression.

Each row: an id, a text, a target concept, the exact text of its mention, and the ConText assertions it must carry
(an empty set means affirmed; `None` means the text must not be matched as that concept). Rows marked "near miss"
are look-alikes that must keep their reading; rows marked "scope" check that a negation does not reach another
diagnosis of the same sentence or list.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, check_mention, facts_of

from pipeline.contracts import FactStatus

ASSERTIONS = {"negated", "uncertain", "historical", "hypothetical", "family"}

Case = tuple[str, str, str, str, set[str] | None]

# ------------------------------------------------------------------ excluded, unsupported, tested negative
EXCLUDED: list[Case] = [
    ("not-confirmed-at-biopsy", "The suspected oligodendroglioma was not confirmed at stereotactic biopsy.",
     "GLIOMA", "oligodendroglioma", {"negated"}),
    ("negative-for-then-new-claim", "Cytology negative for lymphoma, consistent with toxoplasmosis.",
     "CNS_LYMPHOMA", "lymphoma", {"negated"}),
    ("not-supported-after", "Primary CNS lymphoma is not supported by the CSF flow cytometry.", "CNS_LYMPHOMA",
     "Primary CNS lymphoma", {"negated"}),
    ("not-supported-terse", "Mitochondrial cytopathy: not supported (normal lactate, pyruvate).", "MITOCHONDRIAL",
     "Mitochondrial cytopathy", {"negated"}),
    ("does-not-support", "The metabolic work-up does not support an organic acidemia.", "INBORN_ERROR",
     "organic acidemia", {"negated"}),
    ("no-concern-for", "On review there is no concern for metastatic disease.", "BRAIN_METASTASIS",
     "metastatic disease", {"negated"}),
    ("not-concerned-for", "Neuroradiology is not concerned for a glioma at this time.", "GLIOMA", "glioma",
     {"negated"}),
    ("concerned-for", "We are concerned for lymphoma given the periventricular pattern.", "CNS_LYMPHOMA",
     "lymphoma", {"uncertain"}),
    ("test-excluded", "Stereotactic biopsy excluded a glioma; gliosis only.", "GLIOMA", "glioma", {"negated"}),
    ("test-ruled-out", "Exome sequencing ruled out Krabbe disease.", "LEUKODYSTROPHY", "Krabbe disease",
     {"negated"}),
    ("scope: the test itself", "Exome sequencing ruled out Krabbe disease.", "LAB", "Exome sequencing",
     set()),
    ("heading-ruled-out", "Ruled out: cerebral metastasis. Working plan: observe.", "BRAIN_METASTASIS",
     "cerebral metastasis", {"negated"}),
    ("heading-ruled-out-list", "Diagnoses ruled out:\n1. Toxoplasmosis\n2. CNS lymphoma\n", "CNS_LYMPHOMA",
     "CNS lymphoma", {"negated"}),
    ("heading-excluded", "Excluded: MELAS, Leigh syndrome.", "MITOCHONDRIAL", "Leigh syndrome", {"negated"}),
    ("near miss: rule out heading", "Rule out:\n- lymphoma\n- toxoplasmosis\n", "CNS_LYMPHOMA", "lymphoma",
     {"uncertain"}),
    ("unlikely-forward", "It is unlikely that this represents a metastasis.", "BRAIN_METASTASIS", "metastasis",
     {"negated"}),
    ("considered-unlikely", "An inborn error of metabolism was considered unlikely by genetics.", "INBORN_ERROR",
     "inborn error of metabolism", {"negated"}),
    ("not-suspected", "Leukodystrophy is not suspected on these images.", "LEUKODYSTROPHY", "Leukodystrophy",
     {"negated"}),
    ("field-negative", "Urea cycle disorder: negative.", "INBORN_ERROR", "Urea cycle disorder", {"negated"}),
    ("screen-including", "Normal newborn screen (including PKU, MSUD and galactosemia).", "INBORN_ERROR",
     "galactosemia", {"negated"}),
    ("screen-including-first", "Normal newborn screen (including PKU, MSUD and galactosemia).", "INBORN_ERROR",
     "PKU", {"negated"}),
    ("screen-was-normal-including", "State newborn screening was normal, including biotinidase deficiency.",
     "INBORN_ERROR", "biotinidase deficiency", {"negated"}),
    ("nbs-abbreviated", "NBS normal including CAH, PKU and galactosemia.", "INBORN_ERROR", "galactosemia",
     {"negated"}),
    ("near miss: screen then a new problem", "Newborn screen normal for PKU; now suspected Canavan disease.",
     "INBORN_ERROR", "Canavan disease", {"uncertain"}),
    ("near miss: screen in one sentence, finding in the next", "Newborn screen normal for PKU. MRI suggests "
     "Canavan disease.", "INBORN_ERROR", "Canavan disease", {"uncertain"}),
    ("scope: negation ends at a new claim", "Negative for metastasis, consistent with a primary glioblastoma.",
     "GLIOMA", "glioblastoma", set()),
    ("negation before the new claim", "Negative for metastasis, consistent with a primary glioblastoma.",
     "BRAIN_METASTASIS", "metastasis", {"negated"}),
    ("near miss: no lesion consistent with", "No enhancing lesion consistent with metastasis.", "BRAIN_METASTASIS",
     "metastasis", {"negated"}),
    ("scope: positive after negative", "Serology negative for HIV and positive for JC virus.",
     "BRAIN_INFECTION", "JC virus", set()),
    ("near miss: finding after an excluding test", "CSF cytology ruled out leptomeningeal spread, and MRI shows "
     "glioblastoma.", "GLIOMA", "glioblastoma", set()),
    ("no-suspicious-features", "No suspicious features for neoplasm.", "BRAIN_TUMOR", "neoplasm", {"negated"}),
    ("thereby-excluding", "Urine organic acids were unremarkable, thereby excluding an organic acidemia.",
     "INBORN_ERROR", "organic acidemia", {"negated"}),
    ("work-up-excluded", "Work-up excluded an inborn error of metabolism; MRI concerning for HIE.", "INBORN_ERROR",
     "inborn error of metabolism", {"negated"}),
    ("scope: the next clause keeps its hedge", "Work-up excluded an inborn error of metabolism; MRI concerning for "
     "hypoxic-ischemic encephalopathy.", "ENCEPHALOPATHY", "hypoxic-ischemic encephalopathy", {"uncertain"}),
    ("considered-and-excluded", "MELAS was considered and excluded by mtDNA sequencing.", "MITOCHONDRIAL",
     "MELAS", {"negated"}),
    ("considered-but", "A glioma was considered, but the biopsy showed demyelination.", "GLIOMA", "glioma",
     {"negated"}),
    ("near miss: considered is a hedge", "Alexander disease was considered by neurology.", "LEUKODYSTROPHY",
     "Alexander disease", {"uncertain"}),
    ("negative-test-for", "Negative CSF PCR for JC virus.", "BRAIN_INFECTION", "JC virus", {"negated"}),
    ("verdict-after-hedge", "Previously suspected lymphoma, now excluded.", "CNS_LYMPHOMA", "lymphoma",
     {"historical", "negated"}),
    ("verdict-after-concern", "Concern for MELAS, ruled out by mtDNA sequencing.", "MITOCHONDRIAL", "MELAS",
     {"negated"}),
    ("verdict-unlikely", "Possible abscess, unlikely given the absence of restricted diffusion.", "BRAIN_INFECTION",
     "abscess", {"negated"}),
    ("near miss: the verdict is another target's", "Rule out lymphoma, CSF cytology negative.", "CNS_LYMPHOMA",
     "lymphoma", {"negated", "uncertain"}),
    ("near miss: a hedge after is no verdict", "Suspected lymphoma, not excluded.", "CNS_LYMPHOMA", "lymphoma",
     {"uncertain"}),
    ("near miss: the next sentence", "Suspected lymphoma. Abscess excluded.", "CNS_LYMPHOMA", "lymphoma",
     {"uncertain"}),
    ("near miss: a condition's new claim stays conditional", "Biopsy if the follow-up MRI shows progression.",
     "RECURRENCE", "progression", {"hypothetical"}),
    ("near miss: a conditional positive result", "If positive for toxoplasma, treat empirically.",
     "BRAIN_INFECTION", "toxoplasma", {"hypothetical"}),
    ("near miss: excluded and affirmed", "Metastasis excluded; glioblastoma confirmed on histology.", "GLIOMA",
     "glioblastoma", set()),
]

# ------------------------------------------------------------------ remote and resolved tumor history
REMOTE: list[Case] = [
    ("childhood-no-recurrence", "Pilocytic astrocytoma resected in childhood, no recurrence.", "GLIOMA",
     "Pilocytic astrocytoma", {"historical", "negated"}),
    ("gtr-stable-years", "H/o meningioma s/p GTR 2009, stable for 15 yrs.", "BRAIN_TUMOR", "meningioma",
     {"historical", "negated"}),
    ("remote-history", "Remote history of a brain tumour.", "BRAIN_TUMOR", "brain tumour",
     {"historical", "negated"}),
    ("personal-history-code", "Z85.841 Personal history of malignant neoplasm of brain", "BRAIN_TUMOR", "neoplasm",
     {"historical", "negated"}),
    ("teenager-remission", "Medulloblastoma as a teenager, treated with craniospinal radiotherapy; in remission.",
     "BRAIN_TUMOR", "Medulloblastoma", {"historical", "negated"}),
    ("ned", "History of breast cancer with a brain metastasis treated with SRS in 2015, NED since.",
     "BRAIN_METASTASIS", "brain metastasis", {"historical", "negated"}),
    ("resected-last-century", "Craniopharyngioma resected in 1998, on hormone replacement since.", "BRAIN_TUMOR",
     "Craniopharyngioma", {"historical", "negated"}),
    ("no-intracranial-disease", "Hx of lung cancer with brain mets s/p SRS 2019, no evidence of intracranial "
     "disease since.", "BRAIN_METASTASIS", "brain mets", {"historical", "negated"}),
    ("pmh-line", "PAST MEDICAL HISTORY:\nMeningioma, resected 2009, no recurrence\nHypertension\n", "BRAIN_TUMOR",
     "Meningioma", {"historical", "negated"}),
    ("near miss: treated, under surveillance", "GBM resected 2022, no recurrence on surveillance MRI.", "GLIOMA",
     "GBM", {"historical"}),
    ("near miss: currently treated", "Personal history of glioblastoma, currently on temozolomide.", "GLIOMA",
     "glioblastoma", set()),
    ("near miss: status post, no resolution", "Glioblastoma, status post resection in 2024.", "GLIOMA",
     "Glioblastoma", {"historical"}),
    ("near miss: recurrence raised", "Remote history of meningioma; now a new dural-based mass concerning for "
     "recurrent meningioma.", "BRAIN_TUMOR", "meningioma", {"historical"}),
    ("near miss: treatment effect in question", "Oligodendroglioma treated in 2010, no recurrence until now.\n"
     "New enhancement: radiation necrosis versus tumor.", "GLIOMA", "Oligodendroglioma", {"historical"}),
    ("near miss: the other tumor of the sentence", "Remote history of meningioma, and glioblastoma resected last "
     "month.", "GLIOMA", "glioblastoma", {"historical"}),
    ("near miss: a current tumor", "Surveillance MRI for her treated GBM.", "GLIOMA", "GBM", set()),
]

# ------------------------------------------------------------------ hedged tumors
HEDGED: list[Case] = [
    ("not-yet-been-confirmed", "Ependymoma has not yet been confirmed; tissue is pending.", "GLIOMA", "Ependymoma",
     {"uncertain"}),
    ("concerned-for", "Concerned for primary CNS lymphoma.", "CNS_LYMPHOMA", "primary CNS lymphoma",
     {"uncertain"}),
    ("cannot-be-excluded", "A low-grade glioma cannot be excluded.", "GLIOMA", "low-grade glioma", {"uncertain"}),
    ("versus", "Glioma vs tumefactive demyelination.", "GLIOMA", "Glioma", {"uncertain"}),
    ("form-r/o", "Dx: R90.0 intracranial mass (r/o glioma)", "GLIOMA", "glioma", {"uncertain"}),
    ("form-rule-out", "Dx: R90.0 intracranial space-occupying lesion (rule out neoplasm)", "BRAIN_TUMOR",
     "neoplasm", {"uncertain"}),
    ("form-code-description-before-r/o", "Dx codes: D49.6 neoplasm of unspecified behavior of brain (rule out GBM)",
     "BRAIN_TUMOR", "neoplasm", {"uncertain"}),
    ("not-yet-confirmed", "Differential includes a low-grade glioma; tumour not yet confirmed.", "BRAIN_TUMOR",
     "tumour", {"uncertain"}),
    ("near miss: a mass before r/o stays a mass", "R90.0 intracranial mass (r/o glioma)", "BRAIN_LESION",
     "intracranial mass", set()),
    ("near miss: a named tumor before r/o", "Glioblastoma (r/o recurrence vs radiation necrosis)", "GLIOMA",
     "Glioblastoma", set()),
    ("near miss: confirmed", "Stereotactic biopsy confirmed glioblastoma.", "GLIOMA", "glioblastoma", set()),
]

# ------------------------------------------------------------------ the course of a non-tumor finding
NONTUMOR_COURSE: list[Case] = [
    ("disc", "Interval progression of the L4-5 disc bulge.", "RECURRENCE", "Interval progression", None),
    ("white-matter", "Mild interval progression of periventricular white matter disease.", "RECURRENCE",
     "interval progression", None),
    ("small-vessel-after", "Small vessel ischaemic disease progression since 2023.", "RECURRENCE", "progression",
     None),
    ("near miss: a lesion's progression", "Interval progression of the enhancing left frontal mass.", "RECURRENCE",
     "Interval progression", set()),
    ("near miss: progression then recurrence", "Interval progression, concerning for recurrent glioblastoma.",
     "RECURRENCE", "Interval progression", set()),
]




@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), EXCLUDED, ids=[c[0] for c in EXCLUDED])
def test_excluded_diagnoses_are_negated(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    check_mention(mentions, text, concept, span, expected, among=ASSERTIONS)


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), REMOTE, ids=[c[0] for c in REMOTE])
def test_remote_resolved_tumors_are_over(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    check_mention(mentions, text, concept, span, expected, among=ASSERTIONS)


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), HEDGED, ids=[c[0] for c in HEDGED])
def test_hedged_tumors_are_suspected(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    check_mention(mentions, text, concept, span, expected, among=ASSERTIONS)


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), NONTUMOR_COURSE,
                         ids=[c[0] for c in NONTUMOR_COURSE])
def test_nontumor_progression_is_not_tumor_progression(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    check_mention(mentions, text, concept, span, expected, among=ASSERTIONS)


def test_the_resolved_reading_names_its_rule(mentions):  # type: ignore[no-untyped-def]
    m = next(m for m in mentions("Remote history of a brain tumour.") if m.concept == "BRAIN_TUMOR")
    assert "scope.resolved_course" in m.modifier_rules


# ------------------------------------------------------------------ what the facts make of it
S, P, A, N = FactStatus.SUSPECTED, FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

FACT_CASES = [
    ("remote-tumor-is-not-known", "Pilocytic astrocytoma resected in childhood, no recurrence. Now 34 with new "
     "migraines.", {"known_brain_tumor": A, "brain_neoplasm": A}),
    ("personal-history-code-is-not-known", "Diagnoses: Z86.011 Personal history of benign neoplasm of the brain; "
     "G43.909 Migraine.", {"known_brain_tumor": A, "brain_neoplasm": A}),
    ("resolved-with-a-new-suspected-lesion", "Remote history of meningioma.\nMRI: new right frontal mass, "
     "suspicious for a high-grade glioma.", {"known_brain_tumor": S, "brain_neoplasm": S}),
    ("near miss: resolved tumor with a recurrence in question", "Meningioma resected 2012, no recurrence until "
     "this year. MRI now shows a dural-based mass concerning for recurrence.", {"known_brain_tumor": P,
                                                                              "recurrent_or_residual_tumor": S}),
    ("near miss: treated tumor under surveillance", "Surveillance MRI for her treated GBM.",
     {"known_brain_tumor": P}),
    ("resolved-no-recurrence-is-absent", "Meningioma resected in 2012, no recurrence on serial imaging.",
     {"recurrent_or_residual_tumor": A}),
    ("concerned-for-is-suspected", "Concerned for primary CNS lymphoma; biopsy planned.",
     {"known_brain_tumor": S, "cns_lymphoma": S}),
    ("excluded-lymphoma", "CNS lymphoma not supported by the CSF flow cytometry.", {"cns_lymphoma": A}),
    ("screen-lists-are-negative", "Normal newborn screen (including PKU, MSUD and galactosemia).",
     {"inborn_error_of_metabolism": A}),
    ("scope: one disorder excluded, another suspected", "Newborn screen normal for PKU; now suspected Canavan "
     "disease.", {"inborn_error_of_metabolism": S}),
    ("nontumor-progression-is-no-recurrence", "Known glioblastoma, resected 2024.\nSpine MRI: interval progression "
     "of the L4-5 disc bulge.", {"recurrent_or_residual_tumor": N}),
]


@pytest.mark.parametrize(("case", "text", "expected"), FACT_CASES, ids=[c[0] for c in FACT_CASES])
def test_facts_from_excluded_remote_and_hedged(analyze, case, text, expected):  # type: ignore[no-untyped-def]

    facts = facts_of(analyze, text)
    check_facts(facts, expected)
