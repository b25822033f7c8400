"""A suspicion raised earlier and later left out with a plain "not a consideration" wording, through the real NLP
stage to the facts.

Class: a diagnosis raised in an earlier differential ("plaque versus glioma", "?lymphoma") and later said to be out
of the question with a wording of neg.left_out ("glial tumour is not a consideration", "is not on the differential
any more", "is off the table", "is not a concern at this point") stayed suspected: the plain negation did not
supersede the earlier suspicion, while "no longer being considered" (neg.withdrawn) and "not considered"
(neg.not_considered) did. It reads absent now. Rule (pipeline/nlp/resources/context.yaml): neg.left_out, also "not a
concern" with a time or "here" after it; a withdrawal for the facts (supersession.yaml supersede.withdrawal_rules),
as neg.withdrawn; a withdrawal that answers a question put in its own sentence settles that question's hedge too
(pipeline/facts/supersession.py _source, supersede.answered_question).

Near misses keep their reading: a definite diagnosis before another concept left out ("Glioblastoma, resected ...
pseudoprogression isn't a consideration"), "not a concern for driving", a plain left-out diagnosis with no earlier
differential (absent as before), "is a consideration" / "remains a concern" (suspected), "still on the
differential".

Limits: as for neg.withdrawn, the withdrawal does not reach a hedge earlier in its own sentence ("glioma or plaque,
and glioma is not a consideration") unless the sentence answers a question; "not a concern" only with a time or
"here" after it ("not a concern for driving", "not a concern to the family" are no cue).

Rows: id -> (text, {fact: expected status}). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
NEO, INF, DEMY, DIFF = "brain_neoplasm", "brain_infection", "demyelination", "tumor_vs_nontumor_differential"
SEIZ, TE = "seizures", "treatment_effect"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "plaque or glioma, later glioma not a consideration":
        ("MRI 03/11: right frontal lesion, demyelinating plaque or low-grade glioma. Neurology 03/29: reviewed "
         "with neuroradiology; a glioma is not a consideration.", {NEO: A}),
    "lymphoma queried, later not on the differential any more":
        ("CT 02/02: periventricular enhancement, ?lymphoma. Lymphoma is not on the differential any more after "
         "the repeat imaging.", {NEO: A}),
    "metastasis suspected, later off the table":
        ("Outside MRI raised concern for a cerebellar metastasis. Follow-up 05/14: metastasis is off the table; "
         "this is a subacute infarct.", {NEO: A}),
    "lymphoma possible, later not a concern at this point":
        ("Possible primary CNS lymphoma on the first scan. Lymphoma is not a concern at this point given the "
         "complete resolution on steroid-free imaging.", {NEO: A}),
    "abscess versus tumour, abscess not on the differential":
        ("Impression: ring-enhancing lesion, abscess versus necrotic tumour. Clinic 07/08: abscess is not on "
         "the differential after the normal diffusion and the biopsy plan stands.", {INF: A}),
    "tumefactive MS versus tumour, tumour not part of the differential":
        ("Initial read: tumefactive demyelination vs neoplasm. Neuro-oncology review: neoplasm is not part of "
         "the differential now; the lesion has regressed.", {NEO: A}),
    "glioma suspected, not a serious consideration later":
        ("The radiologist suspected a diffuse glioma. Second-opinion clinic: glioma is not a serious "
         "consideration; the signal is post-ictal.", {NEO: A}),
    "metastases queried, are not a consideration":
        ("Staging CT query brain metastases. On the dedicated MRI, metastases are not a consideration.",
         {NEO: A}),
    "encephalitis differential, infection not on the table":
        ("Differential on admission: herpes encephalitis versus autoimmune encephalitis. Day 6: infection is "
         "not on the table since the PCR and cultures came back.", {INF: A}),
    "demyelination considered, not being considered":
        ("Demyelination was considered on the ED MRI. Demyelination is not being considered today; the "
         "lesions are embolic.", {DEMY: A}),
    "recurrence or necrosis, recurrence not a realistic consideration":
        ("Known meningioma resected 2021. The 2025 scan raised tumour recurrence versus radiation necrosis. "
         "Recurrence is not a realistic consideration on perfusion.", {"recurrent_or_residual_tumor": A}),
    "possible lymphoma, not a concern here":
        ("Possible lymphoma on the outside films. Lymphoma is not a concern here; the pattern is of "
         "neurosarcoidosis.", {NEO: A}),
    "ddx neoplasm later not in the ddx":
        ("DDx: neoplasm, subacute infarct. Follow-up: neoplasm not in the ddx given the evolution.", {NEO: A}),
    "metastasis raised, isn't a concern any more":
        ("The 2025 CT raised a possible solitary metastasis. It has resolved and metastasis isn't a concern any "
         "more.", {NEO: A}),
    "cysticercosis or abscess, abscess not under consideration, cysticercosis stays":
        ("MRI 06/02: ring lesion, neurocysticercosis or pyogenic abscess. ID review 06/10: the abscess is not "
         "under consideration any longer.", {INF: S}),
    "asked neuroradiology, they feel lymphoma is off the table":
        ("MRI 08/04: callosal lesion, ?lymphoma. I asked neuroradiology whether this could be lymphoma; they feel "
         "lymphoma is off the table.", {NEO: A}),
    # near misses: the reading must not change
    "near glioma resected, recurrence not a consideration at present":
        ("Right parietal glioma resected in 2022. Recurrence is not a consideration at present.", {NEO: P}),
    "near metastasis is a concern at this point":
        ("Lung primary. Metastasis is a concern at this point.", {NEO: S}),
    "near growth not a concern for the family":
        ("Possible low-grade glioma. Growth is not a concern for the family, who decline follow-up.", {NEO: S}),
    "near glioblastoma resected, pseudoprogression not a consideration this late":
        ("Left temporal glioblastoma, resected 2023. Pseudoprogression isn't a consideration this late.",
         {NEO: P}),
    "near seizures not a concern for driving":
        ("Seizures are not a concern for driving since 2021.", {SEIZ: P}),
    "near infection not a consideration, no earlier differential":
        ("Brain infection is not a consideration; afebrile, normal white count.", {INF: A}),
    "near glioma is a consideration":
        ("A low-grade glioma is a consideration.", {NEO: S}),
    "near lymphoma remains a concern":
        ("Primary CNS lymphoma remains a concern.", {NEO: S}),
    "near metastasis still on the differential":
        ("MRI 01/05: metastasis or abscess. Clinic 01/20: metastasis is still on the differential.", {NEO: S}),
    "near neoplasm queried, later a strong consideration":
        ("Outside CT queried neoplasm. On our MRI, neoplasm is a strong consideration.", {NEO: S}),
    "near known metastases, abscess not on the differential":
        ("Known brain metastases from breast cancer. An abscess is not on the differential.", {NEO: P, INF: A}),
    "near glioma confirmed, lymphoma off the table":
        ("Biopsy 04/2024: diffuse astrocytoma, IDH-mutant. Lymphoma is off the table.", {NEO: P}),
    "near lymphoma raised, remains on the table":
        ("Lymphoma was raised on the first MRI and remains on the table pending biopsy.", {NEO: S}),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_not_a_consideration_withdrawal(fragment_facts, text: str, expected: dict[str, FactStatus]) -> None:  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)
