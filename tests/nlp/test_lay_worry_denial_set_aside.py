"""A lay person's worry about epilepsy, a quotation closed by a dash, the team's judgement and its denial it cannot
yet make, and a diagnosis weighed in the active voice or set aside for another explanation (mention level).

- A lay speaker's worry or question that opens a clause about the patient reaches epilepsy too
  (`hyp.lay_worry_clause`): 'Mom worries she "has epilepsy now"'; their worry about a known epilepsy ("Mum is
  worried about his epilepsy control") and an informant's account ("Mother reports he has had epilepsy") stay his.
- A quotation closed and followed by a dash ends what was said in it (`term.quote_then_dash`): the relative in 'it's
  a tumour like her sister had' does not own the clinician's statement after the dash.
- "does not consider this to be X" negates X; "we cannot yet say this is not X" leaves X open (suspected).
- "we briefly considered lymphoma" is a weighing (`poss.considered_active`), not a diagnosis; "we considered resection
  of the meningioma" weighs a treatment, "we considered lymphoma unlikely" is the verdict's.
- A diagnosis weighed at an earlier stage and then explained otherwise after a turn is set aside
  (`scope.set_aside`): "... was considered initially, but the course fits hypoxic injury"; not when the explanation
  is itself hedged ("could also fit").

Rows: id, text, concept, the mention's exact text, its expected assertions (an empty set: affirmed), and a rule id
the mention must cite (None: no check). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "historical", "hypothetical", "family"}
H, N, U = {"hypothetical"}, {"negated"}, {"uncertain"}

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    # 1. a lay worry about epilepsy; a quotation closed by a dash
    ("worry clause, quoted", 'Mom worries she "has epilepsy now".', "EPILEPSY", "epilepsy", H,
     "hyp.lay_worry_clause"),
    ("fear clause, may have", 'Grandpa is terrified he "may have epilepsy like his cousin".', "EPILEPSY", "epilepsy",
     {"hypothetical", "uncertain"}, "hyp.lay_worry_clause"),
    ("question clause, unquoted", "Her father asks whether she has epilepsy.", "EPILEPSY", "epilepsy", H,
     "hyp.lay_worry_clause"),
    ("near: worry about known epilepsy", "Mum is worried about his epilepsy control.", "EPILEPSY", "epilepsy",
     set(), None),
    ("near: informant's account", "Mother reports he has had epilepsy since age 3.", "EPILEPSY", "epilepsy",
     set(), None),
    ("quote then dash: the worry", "Wife is afraid \"it's a tumour like her sister had\" - CT shows a right "
     "parietal glioblastoma.", "BRAIN_TUMOR", "tumour", H, None),
    ("quote then dash: the clinician's read", "Wife is afraid \"it's a tumour like her sister had\" - CT "
     "shows a right parietal glioblastoma.", "GLIOMA", "glioblastoma", set(), None),
    # 2. the team's judgement
    ("does not consider this to be", "The team does not consider this to be encephalitis.", "BRAIN_INFECTION",
     "encephalitis", N, "neg.no"),
    ("don't consider this", "We don't consider this MS.", "MULTIPLE_SCLEROSIS", "MS", N, "neg.no"),
    ("left open: cannot yet say this is not", "We cannot yet say this is not a lymphoma.", "CNS_LYMPHOMA", "lymphoma",
     U, "poss.left_open"),
    ("left open: can't say it isn't", "We can't say it isn't a metastasis yet.", "BRAIN_METASTASIS", "metastasis", U,
     "poss.left_open"),
    # 3. weighed in the active voice; set aside for another explanation
    ("active weighing", "The team initially entertained a glioma.", "GLIOMA", "glioma", U,
     "poss.considered_active"),
    ("active weighing set aside", "We briefly considered lymphoma, but the biopsy showed demyelination.",
     "CNS_LYMPHOMA", "lymphoma", N, "scope.set_aside"),
    ("near: weighing a treatment", "We considered resection of the meningioma.", "BRAIN_TUMOR", "meningioma",
     set(), None),
    ("near: weighed and judged", "We considered lymphoma unlikely.", "CNS_LYMPHOMA", "lymphoma", N, "neg.backward"),
    ("explained otherwise after a turn", "A mitochondrial disorder was considered initially given the elevated "
     "lactate, but the clinical course fits hypoxic injury.", "MITOCHONDRIAL", "mitochondrial disorder", N,
     "scope.set_aside"),
    ("explained otherwise, closing turn", "MELAS was raised at first; the MRI pattern is typical of toxic exposure "
     "instead.", "MITOCHONDRIAL", "MELAS", N, "scope.set_aside"),
    ("near: the explanation hedged", "A leukodystrophy was considered at first, but the course could also fit "
     "hypoxic injury.", "LEUKODYSTROPHY", "leukodystrophy", U, None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_lay_worry_denial_and_set_aside(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                                        expected: set[str], rule: str | None) -> None:
    m = find_mention(mentions, text, concept, span)
    assert set(m.modifiers) & ASSERTIONS == expected, m.modifier_rules
    if rule is not None:
        assert rule in m.modifier_rules, m.modifier_rules
