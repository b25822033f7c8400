"""A lay worry or fear about a disease is hypothetical whoever is named as its subject: a first name, a name with
the relation in parentheses or between commas, a relation word, or "she"/"he"/"they" after a named relative
(context.yaml: hyp.lay_worry_named for names, hyp.lay_worry for relation words and pronouns).

1. Feelings told side by side before the worry: "Maria is scared and worried "this is a brain tumour"", "Ana is
   frightened by the spells and worried it is a tumour", "Priya, his daughter, is upset and convinced it is ...",
   "she is frightened by the episodes and worried it is a tumour" (a first feeling, what caused it after "by", "at"
   or "with", then "and" or a comma before the feeling that opens the worry).
2. The worry told after a colon: 'Jess worried: "is it a tumor?"', "Sofia (mother) keeps worrying: could it be ...".
3. Near misses: a clinician named after a title or a department ("Dr. Lee is worried this is a glioma", "Dr. Lee is
   concerned and worried ...") stays a suspicion; "we" stays the clinicians' suspicion; a symptom a named person
   reports stays present; a named person's diagnosis stays affirmed; a worry about the patient's own disease ("her
   glioma") keeps it affirmed; a disease inside the cause of the feeling ("upset by the diagnosis of glioma and
   worried about surgery") stays affirmed; the template heading "Worried about: seizures" keeps its reading.

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite.
Rows whose id starts with "near" must keep their reading exactly; the other rows must be hypothetical (a question's
own hedge, "could it be", "?", may add uncertain: the fact stays not documented).
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
H, U = {"hypothetical"}, {"uncertain"}
NAMED, LAY = "hyp.lay_worry_named", "hyp.lay_worry"

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    # 1. feelings side by side
    ("name, scared and worried, quote", 'Maria is scared and worried "this is a brain tumour".', "BRAIN_TUMOR",
     "brain tumour", H, NAMED),
    ("name, frightened by the spells and worried", "Ana is frightened by the spells and worried it is a brain tumor.",
     "BRAIN_TUMOR", "brain tumor", H, NAMED),
    ("she after a named wife, frightened by ... and worried",
     "His wife, Ana, fears a stroke; she is frightened by the episodes and worried it is a tumour.", "BRAIN_TUMOR",
     "tumour", H, LAY),
    ("name, relation between commas, upset and convinced",
     "Priya, his daughter, is upset and convinced it is a brain tumour.", "BRAIN_TUMOR", "brain tumour", H, NAMED),
    ("relation then name, frightened and worried, could be",
     "Omar's wife Leila is frightened and worried this could be lymphoma.", "CNS_LYMPHOMA", "lymphoma", H, NAMED),
    ("title, anxious and fearful that", "Mr. Haddad remains anxious and fearful that this is MS.",
     "MULTIPLE_SCLEROSIS", "MS", H, NAMED),
    ("relation word, frightened by the fits and worried", "Mum is frightened by the fits and worried it is a tumour.",
     "BRAIN_TUMOR", "tumour", H, LAY),
    ("line wrap between the feelings", "Zainab is nervous and\nworried it's a glioma.", "GLIOMA", "glioma", H, NAMED),
    ("name, relation in parentheses, upset and frightened of",
     "Tom (partner) is upset and frightened of a brain tumour.", "BRAIN_TUMOR", "brain tumour", H, NAMED),
    ("worried sick and convinced, British spelling", "Callum is worried sick and convinced it's a tumour.",
     "BRAIN_TUMOR", "tumour", H, NAMED),
    ("comma between the feelings", "Informant: Rosa (mother). Rosa is scared, worried it is a tumour.", "BRAIN_TUMOR",
     "tumour", H, NAMED),
    ("they after named parents, scared and worried",
     "Parents Ian and Kate attended; they are scared and worried it is leukodystrophy.", "LEUKODYSTROPHY",
     "leukodystrophy", H, LAY),
    # 2. after a colon
    ("name, worried colon, quoted question", 'Jess worried: "is it a tumor?"', "BRAIN_TUMOR", "tumor", H, NAMED),
    ("name is worried colon, question", "Jess is worried: is this a brain tumour?", "BRAIN_TUMOR", "brain tumour", H,
     NAMED),
    ("name in parentheses, keeps worrying colon", "Sofia (mother) keeps worrying: could it be a brain tumour?",
     "BRAIN_TUMOR", "brain tumour", H, NAMED),
    ("capitalised relation word (read as a name), worried colon", "Dad worried: is it a brain tumour?",
     "BRAIN_TUMOR", "brain tumour", H, NAMED),
    ("title, fears colon", "Mrs. Ng fears: lymphoma.", "CNS_LYMPHOMA", "lymphoma", H, NAMED),
    ("already covered: keeps worrying it's", "Tom keeps worrying it's a brain tumour.", "BRAIN_TUMOR",
     "brain tumour", H, NAMED),
    ("already covered: name (son) convinced", "Devon (son) is convinced it's a tumour.", "BRAIN_TUMOR", "tumour", H,
     NAMED),
    # 3. near misses
    ("near: Dr. named, worried", "Dr. Lee is worried this is a glioma.", "GLIOMA", "glioma", U, None),
    ("near: Dr. named, concerned and worried", "Dr. Lee is concerned and worried this is a glioma.", "GLIOMA",
     "glioma", U, None),
    ("near: Dr. named, worried colon", "Dr. Lee worried: glioma?", "GLIOMA", "glioma", U, None),
    ("near: we concerned and worried", "We are concerned and worried it is lymphoma.", "CNS_LYMPHOMA", "lymphoma", U,
     None),
    ("near: named person reports seizures", "Maria reports headaches and two seizures.", "SEIZURE", "seizures",
     set(), None),
    ("near: named person's diagnosis", "Tom was diagnosed with a brain tumour in 2020.", "BRAIN_TUMOR",
     "brain tumour", set(), None),
    ("near: worry about her own glioma", "Maria is frightened and worried her glioma is growing.", "GLIOMA", "glioma",
     set(), None),
    ("near: disease inside the cause of the feeling",
     "Maria is upset by the glioma diagnosis and worried about surgery.", "GLIOMA", "glioma", set(), None),
    ("near: template heading", "Worried about: seizures", "SEIZURE", "seizures", U, None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_worry_named_subject(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                             expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    carried = set(mention.modifiers) & ASSERTIONS
    if expected == H:
        assert carried - U == H, (mention.modifiers, mention.modifier_rules)
    else:
        assert carried == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules, mention.modifier_rules
