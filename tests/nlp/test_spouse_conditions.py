"""A spouse's or partner's disease named in a clinician's third-person note is not the patient's.

Class: "pt's late wife died of glioblastoma in 2019", "his husband has MS", "the patient's partner had a brain
tumour", "Wife (deceased 2018, GBM)", and a bare "Husband has epilepsy." opening a (social-history) clause: the
disease is the spouse's. Rules: context.yaml fam.spouse_has_told (the spouse word after a possessive of the
patient's, or opening its clause, then a verb of having) and fam.spouse_paren (the spouse word with a parenthesis
that tells of a death or a diagnosis). A spouse is no blood relative; FAMILY is the codebase's category for another
person's condition (as fam.spouse_has uses it for "my husband had a brain tumour"), so the expected assertion is
"family". Near misses keep the patient's reading: the spouse as informant or observer ("wife reports seizures",
"husband witnessed the event", "wife states he has had two seizures", "patient's wife noticed his weakness"), the
spouse who comes along, and "lives with wife; has epilepsy since 2010".

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite
(None: no spouse rule may be cited). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
F = {"family"}
T, P = "fam.spouse_has_told", "fam.spouse_paren"
SPOUSE = {T, P, "fam.spouse_has"}

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    # ---- a possessive of the patient's, the spouse word, a verb of having
    ("pt's late wife died", "pt's late wife died of glioblastoma in 2019.", "GLIOMA", "glioblastoma", F, T),
    ("his husband has", "Social: married; his husband has MS.", "MULTIPLE_SCLEROSIS", "MS", F, T),
    ("patient's partner had", "The patient's partner had a brain tumour removed in 2012.", "BRAIN_TUMOR",
     "brain tumour", F, T),
    ("her husband was diagnosed", "Her husband was diagnosed with multiple sclerosis in 2005.",
     "MULTIPLE_SCLEROSIS", "multiple sclerosis", F, T),
    ("Pt's ex-wife with", "Pt's ex-wife with epilepsy lives nearby.", "EPILEPSY", "epilepsy", F, T),
    ("their spouse suffered", "Their spouse suffered a brain abscess last year.", "BRAIN_INFECTION",
     "brain abscess", F, T),
    ("HIS WIFE capitals", "HIS WIFE HAS A HISTORY OF LYMPHOMA.", "CNS_LYMPHOMA", "LYMPHOMA", F, T),
    ("curly apostrophe", "Patient\u2019s husband also has epilepsy.", "EPILEPSY", "epilepsy", F, T),
    ("her late husband succumbed", "Her late husband succumbed to a glioma (GBM) in 2016.", "GLIOMA", "glioma",
     F, T),
    # ---- a bare spouse word opening its clause
    ("bare husband has", "Husband has epilepsy.", "EPILEPSY", "epilepsy", F, T),
    ("bare wife died", "Social history: married 30 years. Wife died of a glioblastoma in 2015.", "GLIOMA",
     "glioblastoma", F, T),
    ("bare partner had", "Lives in Leeds. Partner had a brain tumour in 2010.", "BRAIN_TUMOR", "brain tumour", F, T),
    ("bare late wife", "Late wife had multiple sclerosis.", "MULTIPLE_SCLEROSIS", "multiple sclerosis", F, T),
    ("bulleted spouse", "Social:\n- Spouse has MS\n- Non-smoker\n", "MULTIPLE_SCLEROSIS", "MS", F, T),
    ("bare husband diagnosed", "Husband was diagnosed with a brain tumour last spring.", "BRAIN_TUMOR",
     "brain tumour", F, T),
    ("bare wife deceased", "Wife deceased 2018 from glioblastoma.", "GLIOMA", "glioblastoma", F, T),
    ("bare boyfriend with", "Boyfriend with epilepsy, not a blood relative.", "EPILEPSY", "epilepsy", F, T),
    # ---- the spouse word with a parenthesis of death or diagnosis
    ("wife deceased paren", "Wife (deceased 2018, GBM)", "GLIOMA", "GBM", F, P),
    ("husband d. paren", "Husband (d. 2020 - glioblastoma); two children.", "GLIOMA", "glioblastoma", F, P),
    ("spouse dx paren", "Spouse (dx MS 2015) is well.", "MULTIPLE_SCLEROSIS", "MS", F, P),
    ("his wife died paren", "His wife (died 2019 of a brain tumour) was his carer.", "BRAIN_TUMOR",
     "brain tumour", F, P),
    ("partner passed paren", "Partner (passed away 2021, lymphoma)", "CNS_LYMPHOMA", "lymphoma", F, P),
    ("pt's husband diagnosed paren", "Pt's husband (diagnosed with MS 2011)", "MULTIPLE_SCLEROSIS", "MS", F, P),
    ("late paren", "Wife (late, glioblastoma 2017)", "GLIOMA", "glioblastoma", F, P),
    ("hx paren", "Husband (hx of epilepsy) drives her to clinic.", "EPILEPSY", "epilepsy", F, P),
    # ---- near misses: the spouse as informant, observer or companion; the patient's own disease
    ("near: wife reports", "Wife reports seizures twice a week.", "SEIZURE", "seizures", set(), None),
    ("near: husband witnessed", "Husband witnessed the event; the seizure lasted two minutes.", "SEIZURE",
     "seizure", set(), None),
    ("near: wife states", "Wife states he has had two seizures.", "SEIZURE", "seizures", set(), None),
    ("near: patient's wife noticed", "Patient's wife noticed his weakness and seizures.", "SEIZURE", "seizures",
     set(), None),
    ("near: lives with wife", "Lives with wife; has epilepsy since 2010.", "EPILEPSY", "epilepsy", set(), None),
    ("near: wife has noticed", "His wife has noticed more seizures at night.", "SEIZURE", "seizures", set(), None),
    ("near: husband with her", "Her husband with her today; seizures twice weekly.", "SEIZURE", "seizures",
     set(), None),
    ("near: husband here", "Her husband is here with her; she had a seizure yesterday.", "SEIZURE", "seizure",
     set(), None),
    ("near: wife named paren", "Wife (Jane) reports seizures.", "SEIZURE", "seizures", set(), None),
    ("near: husband has been filming", "Husband has been filming the seizures.", "SEIZURE", "seizures", set(),
     None),
    ("near: wife had questions", "Her wife had questions about the glioblastoma.", "GLIOMA", "glioblastoma",
     set(), None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_spouse_conditions(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                           expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is None:
        assert not SPOUSE & set(mention.modifier_rules), mention.modifier_rules
    else:
        assert rule in mention.modifier_rules, mention.modifier_rules
