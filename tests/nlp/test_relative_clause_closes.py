"""A relative's own illness in a "who" clause ends at the clause's closing comma or bracket when the relative goes
on to tell, notice or bring the patient (context.yaml fam.relative_qualified).

The class: fam.relative_qualified reads "Her aunt, who has MS, ..." as the aunt's MS (right), but its scope ran on
past the comma that closes the relative clause, so the patient's findings after it read as the relative's:
"Her grandmother, who succumbed to GBM, says she has had worsening headaches for weeks", "His cousin (who had MS)
brought him in with new seizures".

The rule: the relative's scope (`needs_between`, the qualifier pattern shared with `needs_after`) does not reach past
a closing comma, bracket or dash followed by a verb of telling, noticing or bringing (says, reported, told the team,
noticed, observed, witnessed, found, brought, drove, is worried ...) whose subject or object is the patient (she,
he, him, "her" as an object, the patient, the boy, the girl, the child ...). What follows is the patient's; the
relative's own disease inside the clause stays the relative's.

Near misses keep the relative's reading: a second disease inside the clause ("who has MS and epilepsy"); the
relative's own later illness without a verb of telling ("later had seizures as well", "had three seizures last
month"); an aside without "who" ("diagnosed with a glioma at 38, died in 2021"); a relative telling of their own
illness ("reports his own seizures", "says her seizures stopped at 30", "says it was found after a seizure",
"says they stopped"); plain family history ("Mother with epilepsy", "Patient's older brother has MS").

Limits: the patient must be named right after the verb (with "that", "us", "to say" or "the team" between), so "Her
aunt, who has MS, reports new seizures" (no patient word) keeps the seizures the aunt's; "her" counts as the patient
only as an object ("brought her in", "observed her having ..."), not as a possessive ("says her seizures ..." stays
the relative's, even after a male relative); "they"/"them" are never the patient. A relative clause opened by a dash
("Her aunt - who has epilepsy - ...") is read the same way (tests/nlp/test_relative_dash_clause.py).

Rows: id, text, concept, the mention's text, whether it is the family's, whether the evidence must cite
fam.relative_qualified. Rows whose id starts with "near" must keep the relative's (family) reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

F, NONE = {"family"}, set[str]()
RULE = "fam.relative_qualified"

CASES: dict[str, tuple[str, str, str, set[str], bool]] = {
    # ------------------------------------------------ the patient's findings after the closed clause
    "tells-us-the-girl": ("Her great-aunt, who had multiple sclerosis, tells us the girl has been having seizures "
                          "at night.", "SEIZURE", "seizures", NONE, False),
    "noticed-that-he": ("His uncle, who had a glioblastoma in 2015, noticed that he was having new seizures.",
                        "SEIZURE", "seizures", NONE, False),
    "brought-him-in": ("Their grandmother, who died of a brain tumour, brought him in after two seizures this week.",
                       "SEIZURE", "seizures", NONE, False),
    "bracket-says-she": ("Her cousin (who has epilepsy) says she became confused and encephalopathic yesterday.",
                         "ENCEPHALOPATHY", "encephalopathic", NONE, False),
    "reported-he-had": ("His aunt, who carries a diagnosis of MS, reported he had a generalized seizure on Monday.",
                        "SEIZURE", "seizure", NONE, False),
    "observed-her-having": ("Her older brother, who was treated for a meningioma, observed her having a seizure at "
                            "dinner.", "SEIZURE", "seizure", NONE, False),
    "drove-her": ("Her maternal uncle, who had a pituitary adenoma removed, drove her to the ER after a seizure.",
                  "SEIZURE", "seizure", NONE, False),
    "found-him": ("His cousin, who suffers from migraines, found him confused with new onset headaches.",
                  "NEW_SYMPTOM", "new onset headaches", NONE, False),
    "says-she-has-had": ("Her grandmother, who succumbed to GBM, says she has had worsening headaches for weeks.",
                         "NEW_SYMPTOM", "worsening headaches", NONE, False),
    "has-noticed-she": ("Her aunt, who has MS, has noticed she is having more seizures.", "SEIZURE", "seizures", NONE,
                        False),
    "later-told-the-team": ("Their grandfather, who died of a glioblastoma, later told the team the boy had two "
                            "seizures in May.", "SEIZURE", "seizures", NONE, False),
    "bracket-brought-him": ("His cousin (who had MS) brought him in with new seizures.", "SEIZURE", "seizures", NONE,
                            False),
    "says-she-two": ("Her aunt, who has MS, says she has had two seizures this month.", "SEIZURE", "seizures", NONE,
                     False),
    # ------------------------------------------------ the relative's own disease in the clause stays theirs
    "clause-disease-ms": ("Her great-aunt, who had multiple sclerosis, tells us the girl has been having seizures "
                          "at night.", "MULTIPLE_SCLEROSIS", "multiple sclerosis", F, True),
    "clause-disease-bracket": ("Her cousin (who has epilepsy) says she became confused and encephalopathic "
                               "yesterday.", "EPILEPSY", "epilepsy", F, True),
    "clause-disease-gbm": ("Her grandmother, who succumbed to GBM, says she has had worsening headaches for weeks.",
                           "GLIOMA", "GBM", F, True),
    # ------------------------------------------------ near misses: the relative's
    "near-two-diseases": ("Her maternal aunt, who has MS and epilepsy, lives nearby.", "EPILEPSY", "epilepsy", F,
                          True),
    "near-later-had-seizures": ("Her father, who had a meningioma removed, later had seizures as well.", "SEIZURE",
                                "seizures", F, True),
    "near-had-three-seizures": ("His brother, who has epilepsy, had three seizures last month.", "SEIZURE",
                                "seizures", F, True),
    "near-also-has": ("Her uncle, who had a glioma, also has epilepsy.", "EPILEPSY", "epilepsy", F, True),
    "near-aside-without-who": ("His sister, diagnosed with a glioma at 38, died in 2021.", "GLIOMA", "glioma", F,
                               True),
    "near-mother-with": ("Mother with epilepsy.", "EPILEPSY", "epilepsy", F, False),
    "near-brother-has": ("Patient's older brother has MS.", "MULTIPLE_SCLEROSIS", "MS", F, False),
    "near-his-own": ("Her cousin, who has epilepsy, reports his own seizures are well controlled.", "SEIZURE",
                     "seizures", F, True),
    "near-her-own": ("Her mother, who had a meningioma, noticed her own seizures started afterwards.", "SEIZURE",
                     "seizures", F, True),
    "near-her-possessive": ("His mother, who has epilepsy, says her seizures stopped at 30.", "SEIZURE", "seizures",
                            F, True),
    "near-says-it": ("His grandfather, who had a glioblastoma, says it was found after a seizure.", "SEIZURE",
                     "seizure", F, True),
    "near-says-they": ("Her mother, who had seizures as a teenager, says they stopped by age 20.", "SEIZURE",
                       "seizures", F, True),
    "near-tumour-caused": ("Her brother, who had a meningioma, says the tumour caused seizures.", "SEIZURE",
                           "seizures", F, True),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "cites"), CASES.values(), ids=CASES.keys())
def test_relative_clause_closes(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                expected: set[str], cites: bool) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & {"family"} == expected, (mention.modifiers, mention.modifier_rules)
    if cites:
        assert RULE in set(mention.modifier_rules), mention.modifier_rules
