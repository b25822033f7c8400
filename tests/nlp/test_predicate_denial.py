"""A diagnosis denied as a predicate or by a nobody-subject (context.yaml neg.nobody_holds,
poss.not_clearly_predicate, poss.denial_left_open).

The class: "the mass is not a glioma", "Impression: not lymphoma" already read absent (neg.no), but a diagnosis
nobody holds ("nobody on the ward believes it is a glioma", "none of the reviewers flagged a metastasis") read
present or suspected (the verb's own hedge, poss.raised_by_reader or poss.evaluate_for, read instead), a denial
with a qualifier ("not clearly a glioma") read present (pseudo.no_change's "not clearly"), and a denial the sentence
leaves open ("not lymphoma, we hope", "not an abscess on imaging alone") read absent.

The rules: neg.nobody_holds runs from "nobody" / "no one" / "none of" / "neither of" to a verb of thinking or naming
a few words on and negates the diagnosis after it; poss.not_clearly_predicate hedges "not clearly / definitely /
obviously a X"; poss.denial_left_open, a quiet backward cue ("we hope", "hopefully", "on imaging alone") after a
denial in its sentence, keeps it suspected.

Near misses keep their reading (ids "near"): "not only a X but also Y" (present), "not a candidate for resection
of the X" (X present), "not a surgical candidate" (as today), "the tumour is not a meningioma" (tumour present,
meningioma absent), "nobody in the family has had X" (as today), "not clearly improved", a reader who did raise X
(suspected), "no one accompanied her" then a diagnosis (present).

Limits: the nobody-subject needs its verb within six words (the verb list is in the rule); "not a X until proven
otherwise" is poss.until_disproven's; a denial left open by other words ("not a tumour as far as we can tell") is
not covered.

Rows: id, text, concept, the mention's text, its expected status.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import FactStatus, Mention
from pipeline.facts.context import mention_status

P, A, S = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.SUSPECTED

CASES: dict[str, tuple[str, str, str, FactStatus]] = {
    # ------------------------------------------------ denied as a predicate (already absent: kept)
    "predicate-not-a": ("The enhancing focus is not a glioma on any of the sequences.", "GLIOMA", "glioma", A),
    "label-not-an": ("Neuroradiology impression: not an abscess", "BRAIN_INFECTION", "abscess", A),
    "copula-not": ("Per pathology this is not lymphoma.", "CNS_LYMPHOMA", "lymphoma", A),
    "adjective-not": ("Not neoplastic in appearance; favour a demyelinating plaque.", "BRAIN_TUMOR", "neoplastic", A),
    # ------------------------------------------------ a nobody-subject
    "nobody-believes": ("Nobody on the ward believes this is a glioma.", "GLIOMA", "glioma", A),
    "nobody-suspects": ("pt seen in clinic - nobody seriously suspects an abscess at this point",
                        "BRAIN_INFECTION", "abscess", A),
    "none-of-flagged": ("None of the three reviewers flagged a metastasis on the outside films.",
                        "BRAIN_METASTASIS", "metastasis", A),
    "none-of-raised": ("none of the neuroradiologists raised lymphoma", "CNS_LYMPHOMA", "lymphoma", A),
    "neither-of-suggested": ("Neither of the two readers suggested a meningioma.", "BRAIN_TUMOR", "meningioma", A),
    "no-one-team-raised": ("No one on the tumour board raised glioblastoma at the meeting.", "GLIOMA",
                           "glioblastoma", A),
    "no-one-has-mentioned": ("Dear Dr Patel, no one has so far mentioned demyelination to the family.",
                             "DEMYELINATION", "demyelination", A),
    "nobody-considered": ("IMPRESSION: nobody here has considered neurocysticercosis.", "BRAIN_INFECTION",
                          "neurocysticercosis", A),
    # ------------------------------------------------ a denial with a qualifier: suspected
    "not-clearly-a": ("The lesion is not clearly a glioma.", "GLIOMA", "glioma", S),
    "not-definitely-a": ("Not definitely a metastasis on this study.", "BRAIN_METASTASIS", "metastasis", S),
    "not-obviously-an": ("not obviously an abscess, ?early cerebritis", "BRAIN_INFECTION", "abscess", S),
    # ------------------------------------------------ a denial the sentence keeps open: suspected
    "we-hope": ("Radiology feels it is not a lymphoma, we hope.", "CNS_LYMPHOMA", "lymphoma", S),
    "hopefully": ("Not a recurrence, hopefully.", "RECURRENCE", "recurrence", S),
    "imaging-alone-but": ("Not a glioma on imaging alone but tissue is needed.", "GLIOMA", "glioma", S),
    "mri-alone-semicolon": ("no metastasis by MRI alone; biopsy to follow", "BRAIN_METASTASIS", "metastasis", S),
    "until-proven": ("Not lymphoma until proven otherwise.", "CNS_LYMPHOMA", "lymphoma", S),
    # ------------------------------------------------ near misses
    "near-not-only": ("Not only a glioma but also a bleed.", "GLIOMA", "glioma", P),
    "near-candidate": ("She is not a candidate for resection of the astrocytoma.", "GLIOMA", "astrocytoma", P),
    "near-surgical-candidate": ("Not a surgical candidate.", "PRESURGICAL_EVAL", "surgical candidate", A),
    "near-tumour-present": ("The tumour is not a meningioma.", "BRAIN_TUMOR", "tumour", P),
    "near-meningioma-absent": ("The tumour is not a meningioma.", "BRAIN_TUMOR", "meningioma", A),
    "near-family": ("No one in her family has had a brain tumour.", "BRAIN_TUMOR", "brain tumour", A),
    "near-not-clearly-improved": ("Not clearly improved; glioblastoma.", "GLIOMA", "glioblastoma", P),
    "near-reader-raised": ("The outside CT raised a necrotic glioma.", "GLIOMA", "glioma", S),
    "near-nobody-else": ("Nobody accompanied him today. Glioma on MRI.", "GLIOMA", "Glioma", P),
    "near-none-of-lesions": ("None of the lesions enhance; known oligodendroglioma.", "GLIOMA",
                             "oligodendroglioma", P),
    "near-hope-resect": ("Glioma, we hope to resect next month.", "GLIOMA", "Glioma", P),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), CASES.values(), ids=CASES.keys())
def test_predicate_denial(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                          expected: FactStatus) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert mention_status(mention) == expected, (mention.modifiers, mention.modifier_rules)
