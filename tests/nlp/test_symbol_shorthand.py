"""Symbol shorthand: a work-up chain whose last link drops the diagnosis, and the signs of absence and presence.

Fast notes tell a work-up as a chain of arrows and mark findings with signs. "Abscess raised in ED -> LP -> cx neg
x3 -> excluded" and "?MS -> OCB neg -> VEP nl -> r/o'd" end the work-up of the diagnosis that opened the chain:
absent (neg.chain_dropped: the verdict right after the chain's last arrow, ending its line, reaches back along the
arrows of its line to the diagnosis before the first arrow; a withdrawal that settles the opener's hedge, scope
final_verdict). "Ø mass, Ø edema", "Lymphoma ⊖ on flow", "Seizures: Ø." are absences (neg.symbol_before /
neg.symbol_after / neg.symbol_field; "Abscess (-) on aspirate" is neg.test_result_short's, "(-)" after another
diagnosis neg.sign_after_diagnosis's: tests/nlp/test_minus_after_diagnosis.py); "⊕" and "(+)" present
(term.symbol_present ends a negation).

Near misses that keep their reading: a chain that ends otherwise ("Glioblastoma -> GTR -> RT/TMZ -> stable"), a
query inside a chain ("Dizziness -> CT -> ?mass -> MRI"), a diagnosis a later link found ("Abscess raised on CT
-> aspirate: glioblastoma -> dropped"), "ruled in", "dropped out" / "dropped foot" with no arrow, a label before
"Ø edema" ("Glioma: Ø edema"), a diameter ("lesion Ø 14 mm"), "⊕" / "(+)", a chain on another line.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE = {"negated"}, {"uncertain"}, set[str]()
AMONG = {"negated", "uncertain"}

# id: (text, concept, mention text, expected modifiers among AMONG; None: no such mention)
CASES: dict[str, tuple[str, str, str, set[str] | None]] = {
    # ------------------------------------------------ a chain whose last link drops the diagnosis that opened it
    "metastasis-dropped-ascii": ("Metastasis queried by onc -> PET neg -> body CT clear -> dropped.",
                                 "BRAIN_METASTASIS", "Metastasis", NEG),
    "abscess-excluded": ("Abscess raised in ED \u2192 LP \u2192 cx neg x3 \u2192 excluded",
                         "BRAIN_INFECTION", "Abscess", NEG),
    "ms-query-rod": ("Neuro: ?MS \u2192 OCB neg \u2192 VEP nl \u2192 r/o'd", "MULTIPLE_SCLEROSIS", "MS", NEG),
    "lymphoma-set-aside-dated": ("CNS lymphoma suggested by rads => flow neg => set aside 3/2026",
                                 "CNS_LYMPHOMA", "CNS lymphoma", NEG),
    "vasculitis-abandoned": ("Vasculitis flagged by rheum \u2192 ESR nl \u2192 angio neg \u2192 abandoned",
                             "NONTUMOR_DX", "Vasculitis", NEG),
    "glioma-ruled-out-long": ("Glioma raised by neurorad on the 2025 CT \u2192 repeat MRI with perfusion \u2192 "
                              "stereotactic bx: gliosis only \u2192 ruled out.", "GLIOMA", "Glioma", NEG),
    "meningioma-finally": ("?meningioma \u2192 MRI w/ contrast \u2192 finally ruled out", "BRAIN_TUMOR",
                           "meningioma", NEG),
    "abscess-opener-of-found-chain": ("Abscess raised on CT \u2192 aspirate: glioblastoma \u2192 dropped",
                                      "BRAIN_INFECTION", "Abscess", NEG),
    # ------------------------------------------------ signs of absence
    "null-before-mass": ("MRI brain: \u00d8 mass, \u00d8 edema.", "BRAIN_LESION", "mass", NEG),
    "null-before-edema": ("MRI brain: \u00d8 mass, \u00d8 edema.", "NONTUMOR_DX", "edema", NEG),
    "circled-minus-after": ("Lymphoma \u2296 on flow cytometry", "CNS_LYMPHOMA", "Lymphoma", NEG),
    "bracket-minus-after": ("Abscess (-) on aspirate", "BRAIN_INFECTION", "Abscess", NEG),
    "field-null": ("ROS: headache present. Seizures: \u00d8.", "SEIZURE", "Seizures", NEG),
    "null-seizures-since": ("\u00d8 seizures since 4/2025 on levetiracetam.", "SEIZURE", "seizures", NEG),
    "circled-minus-before": ("Follow-up: \u2296 mass, tolerating TMZ.", "BRAIN_LESION", "mass", NEG),
    "label-then-null-edema": ("Glioma: \u00d8 edema", "NONTUMOR_DX", "edema", NEG),
    # ------------------------------------------------ near misses
    "chain-ends-stable": ("Glioblastoma \u2192 GTR \u2192 RT/TMZ \u2192 stable", "GLIOMA", "Glioblastoma", NONE),
    "query-inside-chain": ("Dizziness \u2192 CT \u2192 ?mass \u2192 MRI", "BRAIN_LESION", "mass", HEDGE),
    "later-link-found": ("Abscess raised on CT \u2192 aspirate: glioblastoma \u2192 dropped", "GLIOMA",
                         "glioblastoma", NONE),
    "ruled-in": ("Glioma ruled in on biopsy 5/2026.", "GLIOMA", "Glioma", NONE),
    "dropped-out-of-school": ("Dropped out of school after the seizures began.", "SEIZURE", "seizures", NONE),
    "dropped-foot": ("Dropped foot on the left; glioma stable on MRI.", "GLIOMA", "glioma", NONE),
    "label-before-null": ("Glioma: \u00d8 edema", "GLIOMA", "Glioma", NONE),
    "diameter": ("Right frontal lesion \u00d8 14 mm, enhancing.", "BRAIN_LESION", "Right frontal lesion", NONE),
    "plus-circled": ("Mass \u2295 on MRI 2/2026", "BRAIN_LESION", "Mass", NONE),
    "plus-bracket": ("Metastasis (+) on PET", "BRAIN_METASTASIS", "Metastasis", NONE),
    "seizure-plus-count": ("seizure \u2295 x3 this week", "SEIZURE", "seizure", NONE),
    "plus-ends-null": ("\u00d8 edema \u2295 mass", "BRAIN_LESION", "mass", NONE),
    "chain-on-next-line": ("Lymphoma on flow.\nMS raised \u2192 OCB neg \u2192 dropped", "CNS_LYMPHOMA", "Lymphoma",
                           NONE),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), CASES.values(), ids=CASES.keys())
def test_symbol_shorthand(mentions: Callable[..., list[Mention]], text: str, concept: str, span: str,
                          expected: set[str] | None) -> None:
    check_mention(mentions, text, concept, span, expected, among=AMONG)
