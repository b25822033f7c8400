"""A suspicion set aside by what followed it, through the real NLP stage to the facts.

Class: a diagnosis that was considered, screened for or seen on an older study, and then set aside by what followed
in the same sentence or the next one, read present or suspected. Rule (context.yaml, scope set_aside
`dismissals`): a hedged target followed by a normal or negative test for it (neg.set_aside_test_normal: inborn,
mitochondrial, white-matter and infectious disorders only), a decision to drop it (neg.set_aside_dropped), "put to
rest" (neg.set_aside_put_to_rest), an exclusion told of it ("excluded it": neg.set_aside_excluded_it), a later study
that did not show it or on which it was absent (neg.set_aside_not_seen_later) or a reading of it as artefact
(neg.set_aside_artefact) is negated, with no other diagnosis between it and the dismissal. A disorder screened for a
reason named after it ("organic acidemia screened because of the acidosis") is a suspicion (poss.screened_because),
as is a bare "X entertained early" (poss.entertained_early). "The course fits another diagnosis" was already the
set_aside scope's `explanations`.

Near misses keep their reading: a suspicion still open ("considered; enzyme panel pending"), a screen that found it
(present), a prior finding seen again (present), "artefact" about a different, unhedged finding (present), a
relative's screen (family, not the patient's), "excluded from the trial because of her glioblastoma" (present).

Limits: the dismissal reaches only the next sentence of the paragraph; a normal test result counts only for the
inborn, mitochondrial, white-matter and infectious types and only after a test word ("panel", "cultures", "acids",
...); any other diagnosis of the dismissal's types between the hedge and the dismissal blocks it (so "glioma or
lymphoma was considered; biopsy excluded it" keeps both suspected); "confirmed", "positive", "elevated" anywhere
between the hedge and the dismissal keep the hedge.

Rows: id -> (text, {fact: expected status}). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
IEM, NEO, INF = "inborn_error_of_metabolism", "brain_neoplasm", "brain_infection"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "screened because of lactate, acids normal":
        ("Propionic acidemia screened because of the high anion gap: plasma acylcarnitines and urine organic acids "
         "normal.", {IEM: A}),
    "screened given ammonia, panel negative next sentence":
        ("A urea cycle disorder was screened given the ammonia of 180. The amino acid panel was negative.", {IEM: A}),
    "considered at first, course fits another dx":
        ("MCAD deficiency was considered at first given the low glucose, but the course fits septic shock.", {IEM: A}),
    "entertained early, enzyme normal, dropped":
        ("Lysosomal storage disease entertained early; enzyme activity normal and the idea was dropped.", {IEM: A}),
    "suspected, later dropped":
        ("Maple syrup urine disease was suspected on day 3 and later dropped.", {IEM: A}),
    "possible tumour on old MRI, later MRI did not show it":
        ("MRI 2014: possible small left parietal glioma. The 2018 MRI did not show it.", {NEO: A}),
    "possible tumour attributed to artefact":
        ("The 2016 CT suggested a possible right occipital meningioma; it was attributed to beam-hardening "
         "artefact on review.", {NEO: A}),
    "questioned tumour absent on later scans":
        ("A questionable cerebellar metastasis on the 2020 scan was absent on the 2021 and 2023 scans.", {NEO: A}),
    "thought to be artefact after not seen":
        ("Outside MRI 2012: possible tiny DNET in the right temporal lobe; MRI 2017 did not show it and it was "
         "felt to be artifact.", {NEO: A}),
    "concern put to rest by biopsy":
        ("The initial concern for CNS lymphoma was put to rest by the stereotactic biopsy.", {NEO: A}),
    "abscess suspected, cultures and imaging excluded it":
        ("A cerebral abscess was initially suspected; blood cultures and repeat MRI excluded it.", {INF: A}),
    "encephalitis considered, CSF PCR negative":
        ("HSV encephalitis was considered on admission; the CSF HSV PCR was negative and acyclovir was stopped.",
         {INF: A}),
    "abscess considered, cultures sterile":
        ("Brain abscess was considered because of the fever. Cultures were sterile.", {INF: A}),
    # near misses: the reading must not change
    "near suspicion still open, panel pending":
        ("Lysosomal storage disease was considered; enzyme panel pending.", {IEM: S}),
    "near screen that found it":
        ("Propionic acidemia screened because of the ketoacidosis: propionylcarnitine markedly elevated, propionic "
         "acidemia confirmed by PCCB sequencing.", {IEM: P}),
    "near prior tumour seen again":
        ("A possible low-grade glioma on the 2019 MRI is again seen, slightly larger.", {NEO: S}),
    "near artefact about another finding":
        ("Susceptibility artifact degrades the SWI; an enhancing glioblastoma sits in the left thalamus.", {NEO: P}),
    "near a relative's screen":
        ("Her brother was screened for a urea cycle disorder because of vomiting: panel negative.", {IEM: N}),
    "near excluded from the trial":
        ("He was excluded from the vaccine study on account of his glioblastoma.", {NEO: P}),
    "near suspected, not excluded":
        ("A cerebral abscess was suspected; repeat imaging has not excluded it and cultures are pending.", {INF: S}),
    "near another explanation only possible":
        ("MCAD deficiency was considered at first; the course may also fit sepsis.", {IEM: S}),
    "near a normal study that is no test for it":
        ("Propionic acidemia was suspected; the brain MRI was normal.", {IEM: S}),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_suspicion_set_aside(fragment_facts, text: str, expected: dict[str, FactStatus]) -> None:  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)
