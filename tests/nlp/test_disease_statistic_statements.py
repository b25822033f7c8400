"""A disease named as a statistic, or a treatment named as a standard of care, is not the patient's.

Class: background bullets of a tumour-board slide, a poster or a summary (a disease as the population of a share or a
rank, a survival or incidence figure, a treatment named as the standard for a disease) read as the patient's disease
or as a treatment given. They are hypothetical, the not-the-patient path of the generic rules, with rules in
pipeline/nlp/resources/context.yaml:

- `hyp.generic_share_of`: a percentage, a fraction or a word of proportion, then "of" and a plural population
  ("~15% of childhood brain tumours", "one third of adult gliomas", "the majority of metastases");
- `hyp.generic_rank_of`: a rank before "of" ("the commonest source of cerebellar metastasis");
- `hyp.generic_share_subject`: the bare subject of such a share ("meningioma accounts for 2% of ...", "ependymoma: ~8% of ...");
- `hyp.generic_outcome_statistic`: a survival or incidence figure with the disease after it ("median survival with
  glioblastoma", "5-year OS < 10% for glioblastoma", "incidence of glioblastoma");
- `hyp.treatment_standard_after` / `hyp.treatment_standard_before`: a treatment with "=", ":", "is" or "remains"
  and a standard ("standard of care", "mainstay", "treatment of choice", "the only curative option", "first-line").

Near misses keep their reading: a treatment given as the standard ("she received the standard-of-care
chemoradiation"), a part of the patient's tumour or scans ("15% of the tumour was resected", "in one third of her
scans the lesion enhanced"), a cause without a share ("her glioblastoma accounts for the hemiparesis"), a standard
declined beside a treatment given, a line of the patient's own course ("first-line: temozolomide x6 cycles (2021)")
and a disease before its statistic ("glioblastoma: median survival 15 months").

Rows: id -> (text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite or
None). Rows whose id starts with "near" must keep their reading. Rows are invented.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family", "historical"}
H, HIST, NONE = {"hypothetical"}, {"historical"}, set[str]()
SHARE, RANK, SUBJECT, STAT = ("hyp.generic_share_of", "hyp.generic_rank_of", "hyp.generic_share_subject",
                              "hyp.generic_outcome_statistic")
STD_AFTER, STD_BEFORE = "hyp.treatment_standard_after", "hyp.treatment_standard_before"

CASES: dict[str, tuple[str, str, str, set[str], str | None]] = {
    # ---------------------------------------------- 1. a disease as the population of a share or a rank
    "percent-of-population": ("Ependymoma: ~8% of paediatric brain tumours.", "BRAIN_TUMOR", "tumours", H, SHARE),
    "percent-bullet-subject": ("Ependymoma: ~8% of paediatric brain tumours.", "GLIOMA", "Ependymoma", H,
                               SUBJECT),
    "fraction-of-population": ("Astrocytomas make up two thirds of adult gliomas.", "GLIOMA", "gliomas", H, SHARE),
    "fraction-subject": ("Astrocytomas make up two thirds of adult gliomas.", "GLIOMA", "Astrocytomas", H, None),
    "accounts-for-percent": ("Meningioma accounts for 30% of intracranial neoplasms.", "BRAIN_TUMOR",
                             "intracranial neoplasms", H, SHARE),
    "accounts-for-subject": ("Meningioma accounts for 30% of intracranial neoplasms.", "BRAIN_TUMOR", "Meningioma",
                             H, SUBJECT),
    "majority-of": ("The majority of brain metastases arise from lung primaries.", "BRAIN_METASTASIS",
                    "brain metastases", H, SHARE),
    "percent-of-patients-with": ("Up to 40% of patients with glioblastoma present with seizures.", "GLIOMA",
                                 "glioblastoma", H, SHARE),
    "rank-commonest-source": ("Breast cancer is the second most common source of cerebral metastasis.",
                              "BRAIN_METASTASIS", "cerebral metastasis", H, RANK),
    # ---------------------------------------------- 2. survival and incidence
    "median-survival-with": ("Median survival with glioblastoma is 14 months.", "GLIOMA", "glioblastoma", H, STAT),
    "five-year-os-for": ("5-year OS < 5% for glioblastoma.", "GLIOMA", "glioblastoma", H, STAT),
    "incidence-of": ("Incidence of meningioma 8/100,000 per year.", "BRAIN_TUMOR", "meningioma", H, STAT),
    "overall-survival-in": ("Overall survival in primary CNS lymphoma has improved.", "CNS_LYMPHOMA",
                            "primary CNS lymphoma", H, STAT),
    # ---------------------------------------------- 3. a treatment named as a standard
    "equals-standard": ("SRS = standard of care for 1-4 metastases.", "PRIOR_RADIATION", "SRS", H, STD_AFTER),
    "colon-only-curative": ("Resection: the only curative option.", "PRIOR_RESECTION", "Resection", H, STD_AFTER),
    "remains-mainstay": ("Radiotherapy remains the mainstay of treatment.", "PRIOR_RADIATION", "Radiotherapy", H,
                         STD_AFTER),
    "is-treatment-of-choice": ("Craniotomy is the treatment of choice for a large cystic metastasis.",
                               "PRIOR_RESECTION", "Craniotomy", H, STD_AFTER),
    "steroids-mainstay": ("Dexamethasone remains the mainstay for vasogenic oedema.", "STEROIDS", "Dexamethasone", H,
                          STD_AFTER),
    "first-line-colon": ("First-line: temozolomide.", "PRIOR_CHEMOTHERAPY", "temozolomide", H, STD_BEFORE),
    "choice-is-treatment": ("Treatment of choice is resection.", "PRIOR_RESECTION", "resection", H, STD_BEFORE),
    "standard-colon-list": ("Standard of care: radiotherapy with concurrent temozolomide.", "PRIOR_RADIATION",
                            "radiotherapy", H, STD_BEFORE),
    "standard-colon-list-drug": ("Standard of care: radiotherapy with concurrent temozolomide.",
                                 "PRIOR_CHEMOTHERAPY", "temozolomide", H, STD_BEFORE),
    # ---------------------------------------------- near misses: this patient's
    "near-received-standard": ("She received the standard-of-care chemoradiation in 2024.", "PRIOR_RADIATION",
                               "chemoradiation", NONE, None),
    "near-had-which-remains": ("She had radiotherapy, which remains the standard of care.", "PRIOR_RADIATION",
                               "radiotherapy", NONE, None),
    "near-standard-declined": ("Standard of care was declined; radiotherapy alone was given.", "PRIOR_RADIATION",
                               "radiotherapy", NONE, None),
    "near-own-first-line": ("First-line: temozolomide x6 cycles (2021).", "PRIOR_CHEMOTHERAPY", "temozolomide",
                            NONE, None),
    "near-percent-of-the-tumour": ("15% of the tumour was resected.", "BRAIN_TUMOR", "tumour", HIST, None),
    "near-percent-of-the-enhancing": ("Resection of 90% of the enhancing tumour.", "BRAIN_TUMOR", "tumour", NONE,
                                      None),
    "near-percent-of-tumour-volume": ("90% of tumour volume was resected.", "BRAIN_TUMOR", "tumour", HIST, None),
    "near-her-accounts-for": ("Her glioblastoma accounts for the left hemiparesis.", "GLIOMA", "glioblastoma", NONE,
                              None),
    "near-one-third-of-her-scans": ("In one third of her scans the lesion enhanced.", "BRAIN_LESION", "lesion", NONE,
                                    None),
    "near-majority-of-her": ("The majority of her metastases are stable.", "BRAIN_METASTASIS", "metastases", NONE,
                             None),
    "near-half-of-the-lesion": ("Half of the lesion enhances.", "BRAIN_LESION", "lesion", NONE, None),
    "near-diagnosis-then-share": ("Diagnosis: glioblastoma, 90% of the tumour resected.", "GLIOMA", "glioblastoma",
                                  NONE, None),
    "near-disease-before-statistic": ("Glioblastoma: median survival 15 months.", "GLIOMA", "Glioblastoma", NONE,
                                      None),
    "near-her-survival": ("Her expected median survival with glioblastoma was discussed.", "GLIOMA", "glioblastoma",
                          NONE, None),
    "near-resection-of-the": ("Gross total resection of the glioblastoma was achieved.", "GLIOMA", "glioblastoma",
                              NONE, None),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), list(CASES.values()), ids=list(CASES))
def test_disease_statistic_statement(mentions, text: str, concept: str,  # type: ignore[no-untyped-def]
                                     span: str, expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules
