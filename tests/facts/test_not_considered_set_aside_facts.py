"""A diagnosis raised and then set aside with "not considered" wordings, through the real NLP stage to the facts.

Class: a tumour (or another diagnosis) that one reader raised and the treating team or a later reader then set
aside with a "not considered" wording ("a neoplasm is not considered", "it is no longer considered", "is not felt
to be a consideration", "is not under consideration", "no longer a consideration") stayed suspected; it reads
absent now, and the facts that need it (brain_neoplasm, tumor_vs_nontumor_differential) follow. Rule
(pipeline/nlp/resources/context.yaml): neg.not_considered, the bare "not considered" only where its clause ends or
goes on with a reason, a reader, a time or "here"; after a hedge, through a pronoun ("it is not considered any
further": scopes final_verdict `withdrawals`); a withdrawal for the facts (supersession.yaml
supersede.withdrawal_rules), as neg.withdrawn's "no longer considered".

Near misses keep their reading: "not considered resectable / a surgical candidate / a candidate for radiosurgery",
"considered most likely", "cannot be considered excluded", "considered ... but biopsy confirmed it", "not considered
urgent / contagious", "was considered and remains on the differential".

Limits: as for neg.withdrawn, the withdrawal does not settle a hedge earlier in the same sentence ("CT queried a
tumour; a tumour is not considered"), nor a specific tumour read present before a generic word ("suggested a
low-grade glioma; a neoplasm is not considered"); a diagnosis only "mentioned" (read present) before "it is not
considered" keeps its reading; "not considered a likely diagnosis" is no cue.

Rows: id -> (text, {fact: expected status}). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
NEO, INF, DEMY, DIFF = "brain_neoplasm", "brain_infection", "demyelination", "tumor_vs_nontumor_differential"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "outside read queried a tumour, on our review a tumour is not considered":
        ("The referring hospital's CT queried a tumour. On our review a tumour is not considered, and the "
         "appearance is of cortical dysplasia.", {NEO: A}),
    "lymphoma suspected on admission, it is not considered any further":
        ("Primary CNS lymphoma was suspected on admission; it is not considered any further given the "
         "response to antibiotics.", {NEO: A}),
    "metastasis not felt to be a consideration":
        ("A cerebellar metastasis is not felt to be a consideration on today's follow-up MRI.", {NEO: A}),
    "tumour not under consideration, resolving infarct":
        ("A neoplasm is not under consideration; the lesion looks like a subacute infarct that is resolving.",
         {NEO: A}),
    "list line, no longer a consideration now":
        ("Glioma - no longer a consideration now.", {NEO: A}),
    "glioma is not considered, demyelination instead":
        ("The first reader suggested a low-grade glioma. Glioma is not considered by neuroradiology; the "
         "lesion is tumefactive demyelination.", {NEO: A}),
    "metastatic disease not considered likely any longer":
        ("Metastatic disease was raised in 2024 but is no longer being considered after the stable scans.",
         {NEO: A}),
    "lymphoma is not considered here":
        ("Lymphoma is not considered here; the periventricular change is from small-vessel disease.",
         {NEO: A}),
    "neoplasm was not considered by the tumour board":
        ("Neoplasm was not considered by the tumour board, who favour an evolving haematoma.", {NEO: A}),
    "abscess not considered any further":
        ("An abscess, raised on the CT, is not considered any further after the normal diffusion.",
         {INF: A}),
    "ependymoma not thought to be a consideration":
        ("Ependymoma is not thought to be a consideration given the normal fourth ventricle.", {NEO: A}),
    "metastasis or abscess on the outside read, metastasis not considered":
        ("Outside impression: cystic metastasis or abscess. On our review a metastasis is not considered; "
         "this is a maturing abscess.", {NEO: A, DIFF: N}),
    "glioma or plaque, glioma not considered by the board":
        ("Impression: glioma or demyelinating plaque. Glioma is not considered by the neuro-oncology board.",
         {NEO: A, DIFF: N}),
    "meningioma no longer felt to be a consideration":
        ("Meningioma is no longer felt to be a consideration; this is a dural-based haematoma.", {NEO: A}),
    "demyelination isn't considered now":
        ("The ED CT raised possible demyelination. Demyelination isn't considered now; the lesions are "
         "embolic infarcts.", {DEMY: A}),
    # near misses: the reading must not change
    "near not considered resectable":
        ("Her left insular glioblastoma is not considered resectable.", {NEO: P}),
    "near not considered a surgical candidate":
        ("Known right frontal oligodendroglioma; he is not considered a surgical candidate.", {NEO: P}),
    "near not considered a candidate for radiosurgery":
        ("Multiple brain metastases from melanoma, not considered a candidate for radiosurgery.", {NEO: P}),
    "near considered most likely":
        ("A high-grade glioma is considered most likely.", {NEO: S}),
    "near glioma or plaque, glioma not considered resectable":
        ("Impression: glioma or demyelinating plaque. The glioma is not considered resectable.",
         {NEO: P, DIFF: P}),
    "near metastasis not considered to be the cause of the seizures":
        ("Known brain metastasis from lung cancer; it is not considered to be the cause of the headaches.",
         {NEO: P}),
    "near not considered urgent":
        ("Known vestibular schwannoma; the follow-up is not considered urgent.", {NEO: P}),
    "near not considered contagious":
        ("Cerebral toxoplasmosis in a patient with a known glioblastoma is not considered contagious.",
         {NEO: P}),
    "near considered and remains on the differential":
        ("A metastasis was considered and remains on the differential.", {NEO: S}),
    "near not considered for surgery":
        ("The pontine glioma is not considered for surgery.", {NEO: P}),
    "near tumour still considered":
        ("Lymphoma is still considered and a biopsy is planned.", {NEO: S}),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_not_considered_set_aside(fragment_facts, text: str, expected: dict[str, FactStatus]) -> None:  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)
