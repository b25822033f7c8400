"""A relative's diagnosis stays the relative's when a qualifier stands between the relative and the verb
(context.yaml fam.relative_qualified).

The class: fam.relative_has reads a relative word followed at once by its verb ("Her younger brother was diagnosed
with a brain tumour", "Younger brother diagnosed GBM"); a word between the two broke the cue, and the diagnosis read
as the patient's: "Her elder sister in Nagpur was diagnosed with GBM in 2023", "My cousin in Texas has MS",
"Her sister, who lives in Ohio, has epilepsy", "Patient's father, deceased 2019, had a meningioma".

The rule: a relative noun phrase (a possessive or an article, modifiers such as "younger", "eldest", "maternal", the
relative word) may carry one bounded qualifier before its verb, and the family scope still reaches the diagnosis
after the verb: a place phrase ("in Nagpur", "from Manila", "back home in Lagos", "living in Leeds", "overseas",
"who lives in Puerto Rico"), a parenthetical ("(age 38)", "(lives in Dublin)"), an aside between commas (", who
lives in Ohio,", ", deceased 2019,", ", now deceased,", ", in Toronto,"), "on his father's side", or "deceased
YEAR". The verb is one of having, falling ill or dying (has, had, with, died, developed, suffered, was diagnosed /
treated / affected, a bare "diagnosed", dx, s/p), with or without "with" after it ("was diagnosed brain tumour",
"diagnosed GBM 2024"). Only a diagnosis after the verb is reached (`needs_between`): a target inside the qualifier
stays where it was ("Her mother, who witnessed the seizure, has epilepsy herself": the seizure is the patient's).

Near misses keep the patient's reading: a relative who reports, brings or sees ("Her brother in Nagpur says she
was diagnosed with GBM", "Her son, who brought her in, reports new seizures", "Her daughter in the waiting room has
noticed more seizures", "His mother, who is with him today, has video of the seizures"); a relative who is the
object of another verb or a preposition ("Lives with her brother in Ohio and was diagnosed with glioma", "Accompanied
by her sister; ...", "Per her sister in Ohio, she has had two seizures"); a place that is no place of living ("Brother
in the room; patient had a seizure"); a separate sentence ("Lives with her brother in Ohio. Diagnosed with glioma
2024."); what follows "but" ("Her brother in Ohio has MS, but she has a glioma"); and a writer's own child ("My son,
who is 9, has seizures", "My son in Texas has epilepsy": in a parent's letter the child may be the patient, as for
fam.relative_named).

Limits: the place phrase is a capitalised name (up to four words, "in New York", "in St. Louis") or a word from a
short list (abroad, overseas, another state, a nursing home ...), so "her brother in the city up north has MS" is not
read; one qualifier, or a place and then a parenthesis, not a chain of asides; a terminator inside the aside ("now",
"currently", "since", "still" after its first word) ends the scope before the diagnosis; "her mother and her sister in
Ohio have epilepsy" (a relative after "and") is not read.

Rows: id, text, concept, the mention's text, whether it is the family's, whether the evidence must cite
fam.relative_qualified. Rows whose id starts with "near" must keep the patient's reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

F, NONE = {"family"}, set[str]()
RULE = "fam.relative_qualified"

CASES: dict[str, tuple[str, str, str, set[str], bool]] = {
    # ------------------------------------------------ a place phrase
    "in-place-was-diagnosed": ("Her elder sister in Nagpur was diagnosed with GBM in 2023.", "GLIOMA", "GBM",
                               F, True),
    "in-place-has": ("My cousin in Texas has MS.", "MULTIPLE_SCLEROSIS", "MS", F, True),
    "back-home-in": ("Their eldest son back home in Lagos had tuberculous meningitis.", "BRAIN_INFECTION",
                     "tuberculous meningitis", F, True),
    "from-place-died": ("Her uncle from Nairobi died of a brain tumour in 2012.", "BRAIN_TUMOR", "brain tumour", F,
                        True),
    "from-place-treated": ("A maternal aunt from Manila was treated for a pituitary tumour.", "BRAIN_TUMOR",
                           "pituitary tumour", F, False),
    "living-in": ("Their daughter living in Leeds has multiple sclerosis.", "MULTIPLE_SCLEROSIS",
                  "multiple sclerosis", F, True),
    "overseas": ("Her sister overseas has epilepsy, well controlled.", "EPILEPSY", "epilepsy", F, True),
    "two-word-place": ("His grandfather in New York had a glioblastoma resected in the 1990s.", "GLIOMA",
                       "glioblastoma", F, True),
    "who-lives-no-commas": ("His grandmother who lives in Puerto Rico has epilepsy.", "EPILEPSY", "epilepsy", F,
                            True),
    "place-then-paren": ("Her brother in Nagpur (age 41) was diagnosed with GBM.", "GLIOMA", "GBM", F, True),
    "capitals": ("HER BROTHER IN MUMBAI WAS DIAGNOSED WITH GLIOBLASTOMA.", "GLIOMA", "GLIOBLASTOMA", F, True),
    "in-a-year": ("Her father in 2019 was diagnosed with GBM.", "GLIOMA", "GBM", F, True),
    "in-her-forties": ("Her mother in her 40s had a brain tumour removed.", "BRAIN_TUMOR", "brain tumour", F, True),
    "at-age": ("Her father at age 50 had a glioma.", "GLIOMA", "glioma", F, True),
    "at-age-the-age-is-his": ("Her father at age 50 had a glioma.", "AGE", "age 50", F, True),
    # ------------------------------------------------ the verb without "with"
    "was-diagnosed-bare": ("Her older sister in Chennai was diagnosed brain tumour in 2021.", "BRAIN_TUMOR",
                           "brain tumour", F, True),
    "diagnosed-bare": ("His cousin back home in Karachi diagnosed GBM 2024.", "GLIOMA", "GBM", F, True),
    "dx-shorthand": ("Cousin in Florida dx MS 2019.", "MULTIPLE_SCLEROSIS", "MS", F, True),
    # ------------------------------------------------ an aside between commas or in brackets
    "comma-who-lives": ("Her sister, who lives in Ohio, has epilepsy.", "EPILEPSY", "epilepsy", F, True),
    "comma-deceased-year": ("Patient's father, deceased 2019, had a meningioma.", "BRAIN_TUMOR", "meningioma", F,
                            True),
    "comma-now-deceased": ("Her grandfather, now deceased, had a glioma.", "GLIOMA", "glioma", F, True),
    "comma-place": ("My brother, in Toronto, was diagnosed with MS in 2015.", "MULTIPLE_SCLEROSIS", "MS", F, True),
    "comma-who-witnessed-relative": ("Her mother, who witnessed the seizure, has epilepsy herself.", "EPILEPSY",
                                     "epilepsy", F, True),
    "paren-age": ("Her brother (age 38) was diagnosed with glioblastoma.", "GLIOMA", "glioblastoma", F, False),
    "paren-age-and-place": ("Her brother (age 38, lives in Nagpur) was diagnosed with glioblastoma.", "GLIOMA",
                            "glioblastoma", F, True),
    "paren-place": ("Her aunt (lives in Dublin) has multiple sclerosis.", "MULTIPLE_SCLEROSIS", "multiple sclerosis",
                    F, False),
    "fathers-side": ("His uncle on his father's side had a brain tumour.", "BRAIN_TUMOR", "brain tumour", F, False),
    "mothers-side": ("A cousin on the maternal side was diagnosed with a glioma at 30.", "GLIOMA", "glioma", F,
                     False),
    # ------------------------------------------------ a lay letter's relative goes on in the next sentence
    "letter-next-sentence": ("My sister in Texas has epilepsy. Her seizures started at 12.", "SEIZURE", "seizures",
                             F, False),
    # ------------------------------------------------ near misses: the patient's
    "near-relative-says": ("Her brother in Nagpur says she was diagnosed with GBM.", "GLIOMA", "GBM", NONE,
                           False),
    "near-accompanied-by": ("Accompanied by her sister; she was diagnosed with MS in 2019.", "MULTIPLE_SCLEROSIS",
                            "MS", NONE, False),
    "near-son-brought-her": ("Her son, who brought her in, reports new seizures.", "SEIZURE", "seizures", NONE,
                             False),
    "near-in-the-room": ("Brother in the room; patient had a seizure this morning.", "SEIZURE", "seizure", NONE,
                         False),
    "near-separate-sentence": ("Lives with her brother in Ohio. Diagnosed with glioma 2024.", "GLIOMA", "glioma",
                               NONE, False),
    "near-lives-with-and": ("Lives with her brother in Ohio and was diagnosed with glioma in 2024.", "GLIOMA",
                            "glioma", NONE, False),
    "near-seizure-inside-aside": ("Her mother, who witnessed the seizure, has epilepsy herself.", "SEIZURE",
                                  "seizure", NONE, False),
    "near-has-noticed": ("Her daughter in the waiting room has noticed more seizures.", "SEIZURE", "seizures", NONE,
                         False),
    "near-has-video": ("His mother, who is with him today, has video of the seizures.", "SEIZURE", "seizures", NONE,
                       False),
    "near-per-sister": ("Per her sister in Ohio, she has had two seizures.", "SEIZURE", "seizures", NONE, False),
    "near-had-to": ("Her mother, who drove her in, had to stop the car when the seizure began.", "SEIZURE",
                    "seizure", NONE, False),
    "near-but-she": ("Her brother in Ohio has MS, but she has a glioma.", "GLIOMA", "glioma", NONE, False),
    "near-my-son-comma": ("My son, who is 9, has seizures every week.", "SEIZURE", "seizures", NONE, False),
    "near-my-son-place": ("My son in Texas has epilepsy.", "EPILEPSY", "epilepsy", NONE, False),
    "near-parents-have-noticed": ("Her parents, who live in Ohio, have noticed more seizures.", "SEIZURE", "seizures",
                                  NONE, False),
    "near-had-filmed": ("Her mother, who had been watching, had filmed the seizure.", "SEIZURE", "seizure", NONE,
                        False),
    "near-in-year-said": ("Her brother in 2019 said she had a seizure.", "SEIZURE", "seizure", NONE, False),
    "near-says-comma": ("Her father, on the phone, says the seizures are worse.", "SEIZURE", "seizures", NONE,
                        False),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "cites"), CASES.values(), ids=CASES.keys())
def test_relative_with_a_qualifier(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                   expected: set[str], cites: bool) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & {"family"} == expected, (mention.modifiers, mention.modifier_rules)
    if cites:
        assert RULE in set(mention.modifier_rules), mention.modifier_rules
