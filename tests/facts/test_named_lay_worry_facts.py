"""A worry, fear or conviction about a disease told of a lay person named by a first name, or by a name with a
title or a relation, is a lay worry, no suspicion (context.yaml: hyp.lay_worry_named; their own verdict on the cause,
"Grandpa Joe thinks it is MS", hyp.lay_belief_named; a clinician named after a title, poss.worried_named), like the
relation-word forms "Patient is worried about a tumour" / "Her husband is frightened of lymphoma" (hyp.lay_worry,
hyp.lay_emotion).

1. A first name ("Marcus is worried this could be a tumour"), a title with a surname ("Mrs. Okafor worries it is MS
   coming back"), a name with the relation in parentheses or between commas ("Lena (his wife) is convinced it is a
   brain tumour", "Sam, her partner, fears lymphoma"), a relation word with a given name ("Grandma Rosa keeps saying
   it's epilepsy"): the disease after the feeling says nothing about the patient (not documented).
2. Near misses: a clinician named with a title or credential ("Dr. Marcus is worried this could be a tumour", "Ruth
   Allen, NP, is concerned for encephalitis", "Neurosurgery (Dr. Lee) is worried about tumor progression") stays a
   suspicion; a named person's symptom ("Marcus has had seizures since May") stays present; a worry about a known
   disease's course ("Marcus is worried his glioma is growing") keeps the disease present. A clinician's belief after
   a title ("Dr. Okafor thinks it is lymphoma", present before) is read as suspected.

Rows: id, text, {fact: expected status}, a rule id the first fact's ignored or counted evidence must cite (None: no
check). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
NEO, GLIO, MS, LYM, INF, SZ = ("brain_neoplasm", "glial_neoplasm", "multiple_sclerosis", "cns_lymphoma",
                               "brain_infection", "seizures")
NAMED, BELIEF = "hyp.lay_worry_named", "hyp.lay_belief_named"

CASES: list[tuple[str, str, dict[str, FactStatus], str | None]] = [
    # 1. named lay person's worry
    ("first name, worried this could be", "Marcus is worried this could be a tumour.", {NEO: N}, NAMED),
    ("title and surname, worries it is", "Mrs. Okafor worries it is MS coming back.", {MS: N}, NAMED),
    ("name, relation in parentheses, convinced", "Lena (his wife) is convinced it is a brain tumour.", {NEO: N},
     NAMED),
    ("relation with a given name, keeps saying", "Grandma Rosa keeps saying it's epilepsy.", {"epilepsy": N}, BELIEF),
    ("first name, afraid of", "Priya is afraid of a brain tumour after reading online.", {NEO: N}, NAMED),
    ("title without a stop, scared", "Mr Dubois is scared that it's lymphoma.", {LYM: N}, NAMED),
    ("two names, frightened of", "Anna Kowalski is very frightened of a glioma.", {GLIO: N}, NAMED),
    ("name, relation between commas, fears", "Sam, her partner, fears it is lymphoma.", {LYM: N}, NAMED),
    ("relation, name between commas, concerned", "His mother, Ines, is concerned about a brain tumour.", {NEO: N},
     NAMED),
    ("lower-case 'keeps worrying' with a wrap", "Tomasz keeps worrying that this is\nmultiple sclerosis.", {MS: N},
     NAMED),
    ("British spelling, terrified", "Mrs. Adeyemi is terrified it is a tumour like her sister's.", {NEO: N}, NAMED),
    ("Ms. with a parenthesis remark, convinced", "Ms. Haddad (carer) is convinced this is encephalitis.", {INF: N},
     NAMED),
    ("name, thinks it is", "Grandpa Joe thinks it is MS.", {MS: N}, BELIEF),
    ("name, sure it is", "Keiko is sure it's a brain tumour.", {NEO: N}, BELIEF),
    ("name with still, anxious about", "Bilal is still anxious about lymphoma.", {LYM: N}, None),
    ("name after a dash in a note", "Social: lives with Rosa - Rosa is worried about a tumour.", {NEO: N}, NAMED),
    # 2. near misses
    ("near: Dr. first name, worried", "Dr. Marcus is worried this could be a tumour.", {NEO: S}, None),
    ("near: credential between commas", "Ruth Allen, NP, is concerned for encephalitis.", {INF: S}, None),
    ("near: department with a doctor in parentheses", "Neurosurgery (Dr. Lee) is worried about tumor progression.",
     {NEO: S}, None),
    ("near: Dr. with two names, fears", "Dr. Anna Kowalski fears this is a lymphoma.", {LYM: S}, None),
    ("near: a named person's symptom", "Marcus has had seizures since May.", {SZ: P}, None),
    ("near: worry about a known glioma", "Marcus is worried his glioma is growing.", {GLIO: P}, None),
    ("near: credential after a name, worried", "Jane Ortiz MD is worried about lymphoma.", {LYM: S}, None),
    ("near: clinician role in parentheses", "Kim (neurology NP) is concerned about a glioma.", {GLIO: S}, None),
    ("near: the radiologist named, concerned", "Radiologist Dr. Patel is concerned for a glioma.", {GLIO: S}, None),
    ("a clinician's belief stays a suspicion, Dr. thinks it is", "Dr. Okafor thinks it is lymphoma.", {LYM: S}, "poss.worried_named"),
    ("near: named person says she has", "Rosa says she has had two seizures this week.", {SZ: P}, None),
]


@pytest.mark.parametrize(("text", "expected", "rule"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_named_lay_worry_facts(analyze, text: str, expected: dict[str, FactStatus],  # type: ignore[no-untyped-def]
                               rule: str | None) -> None:
    facts = facts_of(analyze, text)
    check_facts(facts, expected)
    if rule is not None:
        first = facts.facts[next(iter(expected))]
        assert any(rule in e.modifier_rules for e in [*first.evidence, *first.ignored]), \
            [(e.text, e.modifier_rules) for e in [*first.evidence, *first.ignored]]
