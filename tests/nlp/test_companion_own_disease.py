"""A companion's or informant's own disease, told in a relative clause or with a possessive, is not the patient's.

Class: "Came in with her son, who has epilepsy himself", "Accompanied by his wife, who had a glioblastoma removed",
"Seen with her father (who had a meningioma)", "The lymphoma was his late wife's illness, not his", "Her
husband's glioma was treated here": the disease is the other person's (FAMILY, the category the family rules give
another person's condition). Rules (context.yaml): fam.companion_who_has (the person, a comma or a bracket and
"who", then a verb of having in that clause; also after "with"/"by", and for a spouse, a friend or a carer),
fam.disease_was_others (a disease said to be "her husband's illness", "her sister's", reaching back), and the
spouse words in fam.relative_possessive ("his wife's glioma"). Near misses keep the patient's reading: the patient
likened to a relative ("He, like his father, has epilepsy": fam.relative_named's needs_before), the companion who
cares, tells, witnesses or drives, the writer's own "my husband, who ...", the patient's disease a relative noticed,
and a plain family history ("Father had GBM", family as before).

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite
(None: none of the rules of this class may be cited). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
F = {"family"}
W, D, P = "fam.companion_who_has", "fam.disease_was_others", "fam.relative_possessive"
CLASS_RULES = {W, D}

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    # ---- the companion with a relative clause of their own illness
    ("son who has, himself", "Came in with her son, who has epilepsy himself.", "EPILEPSY", "epilepsy", F, W),
    ("wife who had removed", "Accompanied by his wife, who had a glioblastoma removed in 2018.", "GLIOMA",
     "glioblastoma", F, W),
    ("father bracket who had", "Seen today with her father (who had a meningioma resected).", "BRAIN_TUMOR",
     "meningioma", F, W),
    ("partner who was diagnosed", "Attends with his partner, who was diagnosed with lymphoma in 2022.",
     "CNS_LYMPHOMA", "lymphoma", F, W),
    ("daughter who herself has", "Escorted by her daughter, who herself has seizures.", "SEIZURE", "seizures", F, W),
    ("friend who also suffers", "Brought in by his friend, who also suffers from MS.", "MULTIPLE_SCLEROSIS", "MS",
     F, W),
    ("husband clause then verb", "Her husband, who has multiple sclerosis, drove her to clinic.",
     "MULTIPLE_SCLEROSIS", "multiple sclerosis", F, W),
    ("mother bracket who died", "Here with his mother (who died of a brain tumour in 2010).", "BRAIN_TUMOR",
     "brain tumour", F, W),
    ("carer who has too", "Arrived with her carer, who has epilepsy too.", "EPILEPSY", "epilepsy", F, W),
    ("brother after with", "Came with his brother, who was also diagnosed with MS last year.", "MULTIPLE_SCLEROSIS",
     "MS", F, W),
    ("ex-husband as a child", "Accompanied by her ex-husband, who had seizures as a child.", "SEIZURE", "seizures",
     F, W),
    # ---- a possessive: the disease is the other person's
    ("was late wife's illness", "The lymphoma was his late wife's illness, not his.", "CNS_LYMPHOMA", "lymphoma",
     F, D),
    ("is her sister's", "The glioma is her sister's, not the patient's.", "GLIOMA", "glioma", F, D),
    ("husband's glioma treated", "Her husband's glioma was treated at this centre in 2020.", "GLIOMA", "glioma", F,
     P),
    ("late wife's glioblastoma", "His late wife's glioblastoma was diagnosed in 2016.", "GLIOMA", "glioblastoma", F,
     P),
    ("patient's partner's", "The patient's partner's epilepsy is well controlled.", "EPILEPSY", "epilepsy", F, P),
    ("since her husband's", "She has been anxious since her husband's brain tumour was found.", "BRAIN_TUMOR",
     "brain tumour", F, P),
    ("pt's wife's lymphoma", "Pt's wife's lymphoma was treated in 2019.", "CNS_LYMPHOMA", "lymphoma", F, P),
    # ---- near misses: the patient's own disease, or a family history as before
    ("near: like his father", "He, like his father, has epilepsy.", "EPILEPSY", "epilepsy", set(), None),
    ("near: unlike her brother", "Unlike her brother, she has epilepsy.", "EPILEPSY", "epilepsy", set(), None),
    ("near: daughter who has been carer", "Her daughter, who has been her main carer, reports four seizures this "
     "month.", "SEIZURE", "seizures", set(), None),
    ("near: wife reports that", "Wife reports that he has had three seizures.", "SEIZURE", "seizures", set(), None),
    ("near: glioma wife noticed", "His glioma, which his wife first noticed as a change in mood, has grown.",
     "GLIOMA", "glioma", set(), None),
    ("near: father had GBM", "Father had GBM.", "GLIOMA", "GBM", F, None),
    ("near: son who witnessed", "Brought in by her son, who witnessed the seizure.", "SEIZURE", "seizure", set(),
     None),
    ("near: mother; she has", "Accompanied by her mother; she has had epilepsy since age 6.", "EPILEPSY",
     "epilepsy", set(), None),
    ("near: my husband who has", "My husband, who has epilepsy, had two seizures last week.", "EPILEPSY",
     "epilepsy", set(), None),
    ("near: wife's clause closed", "His wife, who has epilepsy herself, says he had two seizures this week.",
     "SEIZURE", "seizures", set(), None),
    ("near: husband's account", "Her husband's account of the seizure was vivid.", "SEIZURE", "seizure", set(),
     None),
    ("near: was husband's first sight", "The seizure was her husband's first sight of one.", "SEIZURE", "seizure",
     set(), None),
    ("near: partner who is carer", "Her partner, who is her carer, notes that the seizures are more frequent.",
     "SEIZURE", "seizures", set(), None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_companion_own_disease(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                               expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is None:
        assert not CLASS_RULES & set(mention.modifier_rules), mention.modifier_rules
    else:
        assert rule in mention.modifier_rules, mention.modifier_rules
