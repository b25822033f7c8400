"""A lay worry or fear about a brain tumour is no finding whoever is named as its subject, through the real NLP stage
to the brain_neoplasm fact (context.yaml: hyp.lay_worry_named for a named person, hyp.lay_worry for a relation word
or "she"/"he"/"they" after a named relative).

1. Feelings told side by side ("Maria is scared and worried "this is a brain tumour"", "she is frightened by the
   episodes and worried it is a tumour") or the worry after a colon ('Jess worried: "is it a tumor?"'): the tumour
   is not documented.
2. A later answer in the same note ("The MRI shows no tumor (reviewed with Maria today)") settles it: absent.
3. Near misses: a clinician's worry ("Dr. Lee is worried this is a glioma") stays suspected; a named person's
   diagnosis ("Tom was diagnosed with a brain tumour in 2020") stays present; a symptom a named person reports stays
   present; a worry about the patient's own tumour keeps it present.

Rows: id, text, {fact: expected status}, a rule id the first fact's ignored or counted evidence must cite (None: no
check). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
NEO, SZ = "brain_neoplasm", "seizures"
NAMED, LAY = "hyp.lay_worry_named", "hyp.lay_worry"

CASES: list[tuple[str, str, dict[str, FactStatus], str | None]] = [
    # 1. the worry says nothing about the patient
    ("scared and worried, quoted", 'Maria is scared and worried "this is a brain tumour like her dad had".',
     {NEO: N}, NAMED),
    ("she after a named wife", "His wife, Ana, fears a stroke; she is frightened by the episodes and worried it is a "
     "tumour.", {NEO: N}, LAY),
    ("frightened by the spells and worried", "Ana is frightened by the spells and worried it is a brain tumor.",
     {NEO: N}, NAMED),
    ("name, relation between commas, upset and convinced",
     "Priya, his daughter, is upset and convinced it is a brain tumour.", {NEO: N}, NAMED),
    ("colon, quoted question", 'Jess worried: "is it a tumor?"', {NEO: N}, NAMED),
    ("colon, parenthesised relation, keeps worrying", "Sofia (mother) keeps worrying: could it be a brain tumour?",
     {NEO: N}, NAMED),
    ("relation word, frightened by ... and worried", "Mum is frightened by the fits and worried it is a\ntumour.",
     {NEO: N}, LAY),
    ("comma between the feelings", "Rosa (mother) is scared, worried it is a growth or a tumour.", {NEO: N}, NAMED),
    ("keeps worrying it's", "Tom keeps worrying it's a brain tumour.", {NEO: N}, NAMED),
    ("name (son) convinced", "Devon (son) is convinced it's a tumour.", {NEO: N}, NAMED),
    # 2. a later answer settles it
    ("later answer in the note", "Maria is scared and worried it is a brain tumour. The MRI shows no tumor (reviewed "
     "with Maria today).", {NEO: A}, None),
    ("later answer after a colon worry", 'Jess worried: "is it a tumor?" MRI brain: no tumour.', {NEO: A}, None),
    # 3. near misses
    ("near: a clinician's worry", "Dr. Lee is worried this is a glioma.", {NEO: S}, None),
    ("near: a clinician, concerned and worried", "Dr. Lee is concerned and worried this is a glioma.", {NEO: S}, None),
    ("near: a named person's diagnosis", "Tom was diagnosed with a brain tumour in 2020.", {NEO: P}, None),
    ("near: a named person reports seizures", "Maria reports headaches and two seizures.", {SZ: P}, None),
    ("near: worry about her own tumour", "Maria is frightened and worried her tumour is growing.", {NEO: P}, None),
    ("near: template heading", "Worried about: seizures", {SZ: S}, None),
]


@pytest.mark.parametrize(("text", "expected", "rule"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_worry_named_subject_facts(analyze, text: str,  # type: ignore[no-untyped-def]
                                   expected: dict[str, FactStatus], rule: str | None) -> None:
    facts = facts_of(analyze, text)
    check_facts(facts, expected)
    if rule is not None:
        first = facts.facts[next(iter(expected))]
        assert any(rule in e.modifier_rules for e in [*first.evidence, *first.ignored]), \
            [(e.text, e.modifier_rules) for e in [*first.evidence, *first.ignored]]
