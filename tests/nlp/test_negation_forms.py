"""Six forms of clinical language that say less than they seem, on freshly written sentences in several styles:

1. a negation or withdrawal written after the term ("glioma RULED OUT", "no longer a consideration"), also for every
   item of a coordinated list before a plural verdict and for a list after a normal verdict;
2. a conditional future ("should imaging ever ...", "were seizures to recur", "in the event that ...") is
   hypothetical;
3. a preference is not a proof ("now favored but not proven", "the leading alternative", "would obscure");
4. a signer's credentials ("MS, CGC", "MS RD") are not multiple sclerosis;
5. a relative's disorder stays the relative's (plural relatives too), and the patient's own negative test makes
   the patient's reading absent (tests/facts/test_negation_forms_facts.py);
6. (purpose: tests/facts/test_negation_forms_facts.py);
7. what a "would" clause says would happen is not a finding ("waiting would delay a tumor diagnosis"): at most
   suspected; a diagnosis before the "would" keeps its reading.

Each row: a case name, a sentence, a concept, the exact text of the mention, and the modifiers it must carry (an
empty set: affirmed; None: not that concept at all). Rows named "near miss" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_mention

Case = tuple[str, str, str, str, "set[str] | None"]




AFTER_THE_TERM: list[Case] = [
    ("capitals", "Glioma RULED OUT.", "GLIOMA", "Glioma", {"negated"}),
    ("title case, then a test", "Glioblastoma Ruled Out on biopsy review.", "GLIOMA", "Glioblastoma", {"negated"}),
    ("numbered item with a colon after the verdict",
     "2. Lesion - glioma ruled out: follow-up MRI shows infarct", "GLIOMA", "glioma", {"negated"}),
    ("the colon after the verdict heads nothing",
     "2. Lesion - glioma ruled out: follow-up MRI shows infarct", "IMAGING", "MRI", set()),
    ("excluded, then a colon", "Glioma excluded: biopsy showed gliosis.", "GLIOMA", "Glioma", {"negated"}),
    ("no longer a consideration", "Neoplasm is no longer a consideration.", "BRAIN_TUMOR", "Neoplasm", {"negated"}),
    ("no longer on the differential", "Abscess is no longer on the differential.", "BRAIN_INFECTION", "Abscess",
     {"negated"}),
    ("removed from the differential", "Lymphoma was removed from the differential after CSF flow.", "CNS_LYMPHOMA",
     "Lymphoma", {"negated"}),
    ("coordinated list, first item", "Lymphoma, metastasis and abscess are excluded.", "CNS_LYMPHOMA", "Lymphoma",
     {"negated"}),
    ("coordinated list, middle item", "Lymphoma, metastasis and abscess are excluded.", "BRAIN_METASTASIS",
     "metastasis", {"negated"}),
    ("coordinated list, last item", "Lymphoma, metastasis and abscess are excluded.", "BRAIN_INFECTION", "abscess",
     {"negated"}),
    ("metabolic list, first item", "NKH, MSUD and organic acidemias have been excluded.", "INBORN_ERROR", "NKH",
     {"negated"}),
    ("metabolic list, last item", "NKH, MSUD and organic acidemias have been excluded.", "INBORN_ERROR",
     "organic acidemias", {"negated"}),
    ("normal verdict before an including list", "Newborn screen normal, including PKU, MSUD, MCAD.", "INBORN_ERROR",
     "MSUD", {"negated"}),
    ("heading still heads: line start", "Ruled out: metastasis.", "BRAIN_METASTASIS", "metastasis",
     {"negated"}),
    ("heading still heads: bullet", "- Ruled out: abscess", "BRAIN_INFECTION", "abscess", {"negated"}),
    ("heading still heads: Excluded:", "Excluded: MELAS, Leigh syndrome.", "MITOCHONDRIAL", "Leigh syndrome",
     {"negated"}),
    ("near miss: not ruled out", "Glioma not ruled out.", "GLIOMA", "Glioma", {"uncertain"}),
    ("near miss: another item excluded", "Metastasis excluded; glioma remains possible.", "GLIOMA", "glioma",
     {"uncertain"}),
    ("near miss: the excluded item", "Metastasis excluded; glioma remains possible.", "BRAIN_METASTASIS",
     "Metastasis", {"negated"}),
    ("near miss: abnormal screen", "Newborn screen abnormal, including elevated C5 and possible MSUD.",
     "INBORN_ERROR", "MSUD", {"uncertain"}),
]

CONDITIONAL: list[Case] = [
    ("should ... ever, then", "Should imaging ever raise concern for a tumor, then we would biopsy.", "BRAIN_TUMOR",
     "tumor", {"hypothetical", "uncertain"}),
    ("were ... to recur", "Were seizures to recur, we would repeat the MRI.", "SEIZURE", "seizures",
     {"hypothetical"}),
    ("were the lesion to enlarge", "Were the lesion to enlarge, re-resection would be offered.", "BRAIN_LESION",
     "lesion", {"hypothetical"}),
    ("were ... mid-sentence", "We would biopsy were the mass to grow.", "BRAIN_LESION", "mass", {"hypothetical"}),
    ("the order before a mid-sentence were", "We would biopsy were the mass to grow.", "BIOPSY", "biopsy",
     {"hypothetical"}),
    ("in the event that", "In the event that the lesion grows, we will re-image.", "BRAIN_LESION", "lesion",
     {"hypothetical"}),
    ("in case of", "In case of recurrence, consider re-resection.", "RECURRENCE", "recurrence", {"hypothetical"}),
    ("should + a subject, mid-sentence", "Repeat MRI should the seizures return.", "SEIZURE", "seizures",
     {"hypothetical"}),
    ("should seizures recur (the subject is a target)", "Should seizures recur, we will repeat MRI.", "SEIZURE",
     "seizures", {"hypothetical"}),
    ("should there be", "Should there be new enhancement, MRS will be requested.", "BRAIN_LESION",
     "new enhancement", {"hypothetical"}),
    ("near miss: should be seen", "She should be seen in clinic for seizures.", "SEIZURE", "seizures", set()),
    ("near miss: a plan about a current lesion", "The lesion should be biopsied.", "BRAIN_LESION", "lesion", set()),
    ("near miss: were noted to", "Seizures were noted to increase after the taper.", "SEIZURE", "Seizures", set()),
    ("near miss: were felt to", "MRI findings were felt to represent gliosis.", "IMAGING", "MRI", set()),
]

PREFERENCE: list[Case] = [
    ("now favored but not proven", "Lymphoma now favored but not proven.", "CNS_LYMPHOMA", "Lymphoma",
     {"uncertain"}),
    ("leading alternative", "Primary CNS lymphoma is the leading alternative.", "CNS_LYMPHOMA",
     "Primary CNS lymphoma", {"uncertain"}),
    ("steroids would obscure", "Steroids would obscure a lymphoma diagnosis.", "CNS_LYMPHOMA", "lymphoma",
     {"uncertain"}),
    ("may mask", "Dexamethasone may mask lymphoma.", "CNS_LYMPHOMA", "lymphoma", {"uncertain"}),
    ("remains unproven", "Glioblastoma remains unproven.", "GLIOMA", "Glioblastoma", {"uncertain"}),
    ("is now favoured", "Metastasis is now favoured.", "BRAIN_METASTASIS", "Metastasis", {"uncertain"}),
    ("near miss: biopsy-proven", "Biopsy-proven lymphoma.", "CNS_LYMPHOMA", "lymphoma", set()),
    ("near miss: proven on biopsy", "Lymphoma, proven on stereotactic biopsy.", "CNS_LYMPHOMA", "Lymphoma", set()),
    ("near miss: favored to represent", "Favored to represent post-treatment change.", "TREATMENT_EFFECT",
     "post-treatment change", {"uncertain"}),
]

CREDENTIALS: list[Case] = [
    ("MS, CGC", "Jane Roe, MS, CGC", "MULTIPLE_SCLEROSIS", "MS", None),
    ("MS RD", "J. Doe MS RD", "MULTIPLE_SCLEROSIS", "MS", None),
    ("M.S., CCC-SLP", "Pat Lee, M.S., CCC-SLP", "MULTIPLE_SCLEROSIS", "M.S.", None),
    ("signed: MS, LGC", "signed: A. Kim, MS, LGC", "MULTIPLE_SCLEROSIS", "MS", None),
    ("RN, MS", "Electronically signed: R. Diaz, RN, MS", "MULTIPLE_SCLEROSIS", "MS", None),
    ("MS, LCGC", "Counselor: L. Park MS, LCGC", "MULTIPLE_SCLEROSIS", "MS", None),
    ("near miss: MS diagnosed", "MS diagnosed 2019.", "MULTIPLE_SCLEROSIS", "MS", set()),
    ("near miss: relapsing MS", "Relapsing MS on ocrelizumab.", "MULTIPLE_SCLEROSIS", "Relapsing MS", set()),
    ("near miss: history of MS", "History of MS.", "MULTIPLE_SCLEROSIS", "MS", {"historical"}),
    ("near miss: MS beside a CNS diagnosis", "Differential: MS, CNS lymphoma.", "MULTIPLE_SCLEROSIS", "MS",
     {"uncertain"}),
]

RELATIVES: list[Case] = [
    ("brother has", "Her brother has cerebral ALD.", "LEUKODYSTROPHY", "cerebral ALD", {"family"}),
    ("older sister with", "Older sister with PKU.", "INBORN_ERROR", "PKU", {"family"}),
    ("mother's", "His mother's glioblastoma.", "GLIOMA", "glioblastoma", {"family"}),
    ("plural relatives", "Two brothers with X-ALD.", "LEUKODYSTROPHY", "X-ALD", {"family"}),
    ("plural cousins", "Maternal cousins with MELAS.", "MITOCHONDRIAL", "MELAS", {"family"}),
    ("in her sisters", "Leigh syndrome in her sisters.", "MITOCHONDRIAL", "Leigh syndrome", {"family"}),
    ("near miss: she and her brother", "She and her brother both have MELAS.", "MITOCHONDRIAL", "MELAS", set()),
    ("near miss: the patient's own", "Brother with X-ALD; patient with X-ALD too.", "LEUKODYSTROPHY", "X-ALD",
     {"family"}),
]


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), AFTER_THE_TERM,
                         ids=[c[0] for c in AFTER_THE_TERM])
def test_negations_after_the_term(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    check_mention(mentions, text, concept, span, expected)


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), CONDITIONAL, ids=[c[0] for c in CONDITIONAL])
def test_conditional_future_is_hypothetical(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    check_mention(mentions, text, concept, span, expected)


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), PREFERENCE, ids=[c[0] for c in PREFERENCE])
def test_a_preference_is_not_a_proof(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    check_mention(mentions, text, concept, span, expected)


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), CREDENTIALS, ids=[c[0] for c in CREDENTIALS])
def test_credentials_are_not_diagnoses(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    check_mention(mentions, text, concept, span, expected)


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), RELATIVES, ids=[c[0] for c in RELATIVES])
def test_a_relatives_disease_stays_the_relatives(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    check_mention(mentions, text, concept, span, expected)


def test_the_patients_negative_test_is_a_second_mention(mentions):  # type: ignore[no-untyped-def]
    found = [m for m in mentions("Sibling with X-ALD; patient's VLCFA and ABCD1 testing negative.")
             if m.concept == "LEUKODYSTROPHY"]
    assert sorted(tuple(m.modifiers) for m in found) == [("family",), ("negated",)]
    assert any("scope.patient_tested" in m.modifier_rules for m in found)


WOULD_CLAUSE: list[Case] = [
    ("consequent of a condition", "If the lesion proves inflammatory, another month of steroids would delay a tumor "
     "diagnosis.", "BRAIN_TUMOR", "tumor", {"uncertain"}),
    ("would hide", "Starting dexamethasone now would hide a lymphoma on biopsy.", "CNS_LYMPHOMA", "lymphoma",
     {"uncertain"}),
    ("would be typical of", "That appearance would be typical of a glioma.", "GLIOMA", "glioma",
     {"uncertain"}),
    ("would make an abscess", "Restricted diffusion would make an abscess more likely.", "BRAIN_INFECTION", "abscess",
     {"uncertain"}),
    # (a metabolite is a spectral subject: what an MRS result would mean is hypothetical, hyp.anticipated_result;
    # tests/facts/test_screen_notes_results_trauma_ptld.py)
    ("would favour, letter", "In our view a normal NAA would favour demyelination over a neoplasm.",
     "DEMYELINATION", "demyelination", {"hypothetical"}),
    ("near miss: the diagnosis before would", "Her glioblastoma would need re-resection if it grows.", "GLIOMA",
     "glioblastoma", set()),
    ("near miss: a new sentence after the would clause", "Surgery would be difficult. Metastasis from lung "
     "adenocarcinoma is biopsy-proven.", "BRAIN_METASTASIS", "Metastasis", set()),
    ("near miss: past tense of a finding", "The biopsy showed glioblastoma; she would later start temozolomide.",
     "GLIOMA", "glioblastoma", set()),
]


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), WOULD_CLAUSE,
                         ids=[c[0] for c in WOULD_CLAUSE])
def test_a_would_clause_is_no_finding(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    check_mention(mentions, text, concept, span, expected)

