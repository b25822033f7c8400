"""A ranked diagnosis, a disease named in a general statement, and a question the note closes.

1. Ranking words are hedges: "X is now the leading concern", "X heads the differential", "the favoured diagnosis is
   X" -> suspected (poss.ranked, poss.ranked_copula).
2. A disease in a rule of kinds is no claim about the patient: "a glioma requires resection", "abscess typically
   needs drainage", "lymphoma would call for methotrexate" -> hypothetical, and so is the treatment it names
   (hyp.kind_rule, hyp.kind_rule_article).
3. A withdrawn question: "we are not looking for a tumor", "the DNET question is closed", "we no longer regard it as
   a possible tumor" -> negated (neg.no, neg.question_closed, neg.withdrawn_forward).

Rows are freshly written; rows marked "near miss" must keep today's reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, check_mention, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
ASSERTIONS = {"negated", "uncertain", "historical", "hypothetical", "family"}

# case, text, concept, span, expected assertions
RANKED = [
    ("now the leading concern", "After the steroid trial, lymphoma is now the leading concern.", "CNS_LYMPHOMA",
     "lymphoma", {"uncertain"}),
    ("heads the differential", "Glioblastoma heads the differential.", "GLIOMA", "Glioblastoma", {"uncertain"}),
    ("favoured diagnosis before the term", "Our favoured diagnosis is a cerebral abscess.", "BRAIN_INFECTION",
     "cerebral abscess", {"uncertain"}),
    ("front-runner, then a pause", "The front-runner at this point is metastatic disease.", "BRAIN_METASTASIS",
     "metastatic disease", {"uncertain"}),
    ("tops the differential, comma", "Tumefactive demyelination tops the differential, ahead of glioma.",
     "DEMYELINATION", "Tumefactive demyelination", {"uncertain"}),
    ("terse form: main concern colon", "Main concern: primary CNS lymphoma", "CNS_LYMPHOMA",
     "primary CNS lymphoma", {"uncertain"}),
    ("working hypothesis remains", "The working hypothesis remains radiation necrosis.", "TREATMENT_EFFECT",
     "radiation necrosis", {"uncertain"}),
    ("main worry is", "At this stage the main worry is an abscess.", "BRAIN_INFECTION", "abscess", {"uncertain"}),
    ("preferred diagnosis after the term", "Glioma is the preferred diagnosis given the age.", "GLIOMA", "Glioma",
     {"uncertain"}),
    ("near miss: a symptom ranked first", "Seizures are the main concern for the family.", "SEIZURE", "Seizures",
     set()),
    ("near miss: known tumor, another concern", "Known glioblastoma; the main concern now is seizure control.",
     "GLIOMA", "glioblastoma", set()),
    ("near miss: a coded primary diagnosis", "Primary diagnosis: glioblastoma, IDH-wildtype.", "GLIOMA",
     "glioblastoma", set()),
]

GENERAL = [
    ("modal: would call for", "Lymphoma would call for tissue diagnosis and methotrexate.", "CNS_LYMPHOMA",
     "Lymphoma", {"hypothetical"}),
    ("modal: the treatment is hypothetical too", "Lymphoma would call for tissue diagnosis and methotrexate.",
     "PRIOR_CHEMOTHERAPY", "methotrexate", {"hypothetical"}),
    ("article: a glioma requires", "A glioma requires resection.", "GLIOMA", "glioma", {"hypothetical"}),
    ("article: the resection is not the patient's", "A glioma requires resection.", "PRIOR_RESECTION",
     "resection", {"hypothetical"}),
    ("habit: typically needs", "Abscess typically needs drainage.", "BRAIN_INFECTION", "Abscess", {"hypothetical"}),
    ("habit, passive: usually treated with", "Primary CNS lymphoma is usually treated with methotrexate.",
     "CNS_LYMPHOMA", "Primary CNS lymphoma", {"hypothetical"}),
    ("habit: generally respond to", "Metastases generally respond to radiosurgery.", "PRIOR_RADIATION",
     "radiosurgery", {"hypothetical"}),
    ("article + modal: an abscess would need", "An abscess would need drainage.", "BRAIN_INFECTION", "abscess",
     {"hypothetical"}),
    ("near miss: her lymphoma was treated", "Her lymphoma was treated with methotrexate.", "PRIOR_CHEMOTHERAPY",
     "methotrexate", set()),
    ("near miss: biopsy-proven lymphoma requires", "Biopsy-proven lymphoma requires methotrexate.", "CNS_LYMPHOMA",
     "lymphoma", set()),
    ("near miss: a possessive with a habit word", "Her abscess typically needs drainage every few weeks.",
     "BRAIN_INFECTION", "abscess", set()),
    ("near miss: a pronoun with a habit word", "He typically needs dexamethasone for edema.", "STEROIDS",
     "dexamethasone", set()),
    ("near miss: an article, a past event", "A right frontal glioblastoma was found in 2023.", "GLIOMA",
     "glioblastoma", set()),
]

WITHDRAWN = [
    ("not looking for", "We are not looking for a tumor or infection.", "BRAIN_TUMOR", "tumor", {"negated"}),
    ("not looking for: the second item", "We are not looking for a tumor or infection.", "BRAIN_INFECTION",
     "infection", {"negated"}),
    ("no longer looking for", "We are no longer looking for an abscess.", "BRAIN_INFECTION", "abscess",
     {"negated"}),
    ("the X question is closed", "The DNET question is closed.", "BRAIN_TUMOR", "DNET", {"negated"}),
    ("the question of X has since been settled", "The question of lymphoma has since been settled.",
     "CNS_LYMPHOMA", "lymphoma", {"negated"}),
    ("no longer regard it as a possible", "We no longer regard it as a possible tumor.", "BRAIN_TUMOR", "tumor",
     {"negated"}),
    ("no longer consider it", "Neurosurgery no longer consider it a glioma.", "GLIOMA", "glioma", {"negated"}),
    ("not concerned for", "Not concerned for neoplasm at this time.", "BRAIN_TUMOR", "neoplasm", {"negated"}),
    ("near miss: looking for", "Looking for a tumor.", "BRAIN_TUMOR", "tumor", {"uncertain"}),
    ("near miss: the question remains open", "The question of tumor remains open.", "BRAIN_TUMOR", "tumor",
     {"uncertain"}),
    ("near miss: looking for one, not the other", "We are looking for a tumor, not an infection.", "BRAIN_TUMOR",
     "tumor", {"uncertain"}),
    ("near miss: the abscess question open", "The abscess question remains open.", "BRAIN_INFECTION", "abscess",
     {"uncertain"}),
]


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), RANKED + GENERAL + WITHDRAWN,
                         ids=[c[0] for c in RANKED + GENERAL + WITHDRAWN])
def test_assertions(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    check_mention(mentions, text, concept, span, expected, among=ASSERTIONS)


FACT_CASES = [
    ("ranked first is suspected", "Impression: lymphoma is now the leading concern.\n", {"cns_lymphoma": S}),
    ("a rule of kinds documents neither disease nor treatment",
     "A glioma requires resection; lymphoma would call for methotrexate.\n",
     {"glial_neoplasm": N, "cns_lymphoma": N, "prior_resection": N, "prior_chemotherapy": N}),
    ("a closed question is absent", "The DNET question is closed.\n", {"brain_neoplasm": A}),
    ("near miss: the patient's treated lymphoma", "Her lymphoma was treated with methotrexate.\n",
     {"cns_lymphoma": P, "prior_chemotherapy": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), FACT_CASES, ids=[c[0] for c in FACT_CASES])
def test_facts(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)
