"""A suspicion raised and then set aside, in more wordings, through the real NLP stage to the facts.

Class: a diagnosis that a clinician, a study or an earlier read raised, and that the same sentence or the next one
then sets aside, read present or suspected when the setting aside was worded otherwise than the set_aside scope's
dismissals knew (tests/facts/test_suspicion_set_aside_facts.py). Rules (pipeline/nlp/resources/context.yaml):
- a diagnosis the note itself says was set aside, abandoned, no longer entertained or not pursued further, right
  after its name ("glioma was set aside in favour of ...") is negated (neg.set_aside_named, a settling rule for
  the facts: supersession.yaml supersede.settling_rules, so the earlier hedges of it stop counting);
- a participle "considered / entertained / raised at first, initially, early on" without "was" is a hedge
  (poss.entertained_early), which a following "but the evolution matches / the course fits <another diagnosis>"
  sets aside (scope set_aside `explanations`, now with "matches");
- "the queried X" / "the questioned X" is a hedge (poss.queried_entry after a determiner);
- a later study on which the hedged finding "cannot be seen" (neg.set_aside_not_seen_later, "new / current /
  latest" studies too) or a reading of it that "is now thought artefactual" (neg.set_aside_artefact, any tense,
  with or without "to be") sets it aside; a generic word of its family negated between the two ("neoplasm no
  longer suspected") no longer blocks the dismissal.

Near misses keep their reading: a suspicion still open ("testing is pending"), one that remains the leading
diagnosis, "the course fits X" (X affirmed), a diagnosis the set-aside one gave way to, a treatment or a drug set
aside, an artefact beside a confirmed tumour, a disease named before a colon and a plan set aside.

Limits: "X was laid to rest" stays neg.concern_laid_to_rest's (only with a concern or question named in its
sentence); the facts settle a hedge in the same sentence only across a ";" (a sentence that "considered" it is no
result: supersede.not_a_result); a study that "suggested" a diagnosis hedges it (poss.raised_by_reader); neg.set_aside_named needs the diagnosis right before its verb (a few linking words only: "the diagnosis of
X was set aside", not "X, given the normal angiogram, was set aside"); the participle hedge needs a time word right
after it; the dismissal reaches only the next sentence of the paragraph.

Rows: id -> (text, {fact: expected status}). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
NEO, INF, LEUKO = "brain_neoplasm", "brain_infection", "leukodystrophy"
MITO, IEM, DEMY = "mitochondrial_disorder", "inborn_error_of_metabolism", "demyelination"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "raised at intake, then set aside after normal tests":
        ("A cerebral abscess came up at triage; two blood cultures and the lumbar puncture were unremarkable, so "
         "abscess was set aside.", {INF: A}),
    "glioma was abandoned":
        ("Low-grade glioma was raised by the outside reader. After the normal perfusion study, glioma was "
         "abandoned.", {NEO: A}),
    "lymphoma no longer entertained":
        ("Primary CNS lymphoma was suspected in March. CNS lymphoma is no longer entertained after the biopsy.",
         {NEO: A}),
    "encephalitis not pursued further":
        ("Viral encephalitis was queried in the emergency department; encephalitis was not pursued further once "
         "the fever settled.", {INF: A}),
    "leukodystrophy eventually abandoned":
        ("Metachromatic leukodystrophy was considered on referral; the leukodystrophy was eventually abandoned "
         "after the normal arylsulfatase result.", {LEUKO: A}),
    "participle considered initially, course fits another":
        ("Mitochondrial disease considered initially given the raised lactate, but the course fits septic "
         "shock.", {MITO: A}),
    "participle entertained early on, evolution matches":
        ("Alexander disease entertained early on because of the frontal white matter, but the evolution matches "
         "hypoxic-ischaemic injury.", {LEUKO: A}),
    "participle raised at first, picture typical of another":
        ("Demyelination raised at first on the FLAIR images, but the picture is typical of posterior reversible "
         "encephalopathy.", {DEMY: A}),
    "suspected tumour, later read neoplasm no longer suspected":
        ("The 2019 CT showed a possible pilocytic astrocytoma. Our re-review shows no mass, no oedema and no "
         "enhancement - neoplasm no longer suspected.", {NEO: A}),
    "queried tumour cannot be seen, thought artefactual":
        ("The queried meningioma from the 2015 study cannot be seen on the current MRI and is now thought "
         "artefactual.", {NEO: A}),
    "questioned metastasis cannot be seen on the new scan":
        ("The questioned cerebellar metastasis cannot be seen on the new scan.", {NEO: A}),
    "quoted hedge, the earlier finding called artefact":
        ("Report from 2016: 'possible right insular glioma' - follow-up 3T MRI in 2021 unremarkable; the earlier "
         "finding is now regarded as a flow artefact.", {NEO: A}),
    "probable abscess, previous abnormality felt artefactual":
        ("Outside CT: probable frontal abscess. Repeat MRI normal and the previous abnormality was felt "
         "artefactual.", {INF: A}),
    "abscess set aside in favour of another diagnosis":
        ("Pyogenic abscess was set aside in favour of a necrotic metastasis.", {INF: A}),
    "participle hedge without a dismissal":
        ("Mitochondrial disease considered at first; the muscle biopsy is awaited.", {MITO: S}),
    # near misses: the reading must not change
    "near raised, testing pending":
        ("A cerebral abscess was raised; cultures are pending.", {INF: S}),
    "near considered initially and remains the leading diagnosis":
        ("Lymphoma was considered initially and remains the leading diagnosis.", {NEO: S}),
    "near the course fits the disease itself":
        ("The white-matter change was first put down to hypoxia, but the course fits a leukodystrophy.",
         {LEUKO: P}),
    "near set aside in favour of another":
        ("Abscess was set aside in favour of a necrotic glioblastoma.", {NEO: P}),
    "near treatment set aside":
        ("Known glioblastoma; second-line treatment was set aside for now.", {NEO: P}),
    "near steroid set aside":
        ("Her known oligodendroglioma is stable; the steroid was set aside last month.", {NEO: P}),
    "near a drug set aside after a colon":
        ("Glioblastoma: temozolomide was abandoned because of thrombocytopenia.", {NEO: P}),
    "near artefact on DWI, tumour confirmed":
        ("Artefact on the DWI sequence; tumour confirmed on histology.", {NEO: P}),
    "near possible tumour seen again":
        ("A possible meningioma on the 2015 study is again seen on the current MRI, unchanged.", {NEO: S}),
    "near considered initially for surgery":
        ("Her glioma considered initially for surgery is now treated with radiotherapy.", {NEO: P}),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_suspicion_set_aside_wordings(fragment_facts, text: str, expected: dict[str, FactStatus]) -> None:  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)
