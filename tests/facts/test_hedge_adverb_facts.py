"""Two diagnoses an MRI read cannot tell apart, with an adverb inside the hedge ("cannot be reliably distinguished",
"could not be confidently differentiated", "are not readily separable", "cannot yet be told apart"), through the
real NLP stage to the facts (context.yaml poss.not_told_apart, poss.exclusion_withheld; targets.yaml
img.inconclusive_not_told_apart; cues.yaml verdict.cannot_distinguish): the study is inconclusive
(conventional_imaging_inconclusive present) and the diagnoses suspected, as without the adverb. Near misses keep a
conclusive read: the diagnosis told plainly with an adverb ("clearly progressing", "clearly excluded"), a margin
that cannot be separated from an anatomical structure.

Rows: id, text, {fact: expected status}. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT
MRI = ("MRI BRAIN WITH AND WITHOUT CONTRAST\nDATE OF SERVICE: 10/14/2026\nINDICATION: {history}\nFINDINGS: {findings}\n"
       "IMPRESSION: {impression}\n")
GBM = "Glioblastoma status post resection and chemoradiation."
CAVITY = "Nodular enhancement along the margin of the right temporal resection cavity."
RING = "Two ring-enhancing lesions in the left basal ganglia with surrounding vasogenic oedema."


def mri(impression: str, history: str = GBM, findings: str = CAVITY) -> str:
    return MRI.format(history=history, findings=findings, impression=impression) + REQUEST_TAIL


INCONCLUSIVE = "conventional_imaging_inconclusive"

CASES: list[tuple[str, str, dict[str, FactStatus]]] = [
    ("reliably distinguished", mri("Recurrent glioblastoma and radiation necrosis cannot be reliably distinguished on "
     "this examination."), {INCONCLUSIVE: P, "recurrence_vs_treatment_effect": P}),
    ("confidently differentiated", mri("Progressive tumour and treatment effect could not be confidently "
     "differentiated."), {INCONCLUSIVE: P}),
    ("definitively differentiated", mri("Tumour progression and pseudoprogression cannot be definitively "
     "differentiated at this time."), {INCONCLUSIVE: P}),
    ("not readily separable", mri("Lymphoma and toxoplasmosis are not readily separable on MRI.", history="HIV with "
     "new confusion.", findings=RING), {INCONCLUSIVE: P, "cns_lymphoma": S}),
    ("cannot yet be told apart", mri("Metastasis and pyogenic abscess cannot yet be told apart.", history="Lung "
     "carcinoma, new headache.", findings=RING), {INCONCLUSIVE: P}),
    ("further distinguished", mri("Lymphoma / glioblastoma cannot be further distinguished by conventional sequences.",
     history="New left frontal mass.", findings="A 3 cm homogeneously enhancing periventricular mass."),
     {INCONCLUSIVE: P, "cns_lymphoma": S}),
    ("not clearly excluded", mri("Postoperative change. Residual tumour is not clearly excluded.",
     findings="Thin linear enhancement along the resection cavity."), {INCONCLUSIVE: P}),
    ("near clearly progressing", mri("The glioblastoma is clearly progressing, with new satellite nodules."),
     {INCONCLUSIVE: A}),
    ("near separated from the chiasm", mri("Enlarging suprasellar glioma; the mass cannot be clearly separated from "
     "the optic chiasm.", history="Optic pathway glioma.", findings="Enlarging enhancing suprasellar mass."),
     {INCONCLUSIVE: A}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hedge_adverb_facts(analyze, text: str,  # type: ignore[no-untyped-def]
                            expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text), expected)
