"""A consent form's risk list headed by a relative clause or in the first or second person names possible harms.

Class: a patient-facing consent form lists risks under a heading such as "Risks that were explained to me
include:", "Possible side effects that my doctor reviewed with me are:" or "Complications that you may experience
include: ..."; the items (on the heading's line or in the list below it) are HYPOTHETICAL, not the patient's
diagnoses. Rule: context.yaml hyp.consent_risks_heading (the heading holds on its own words: a word of the writer
or reader, or a modal, between the risk word and "include"/"are"/a colon), reaching the list below it through
scope.list_items. Near misses keep their reading: a risk-factor heading, complications that occurred, side effects
the patient has had, risk factors that apply to her.

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite
(None: no consent rule may be cited). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
H = {"hypothetical"}
R = "hyp.consent_risks_heading"
CONSENT = {R, "hyp.consent_risks", "hyp.consent_risks_of", "hyp.consent_complications"}

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    # ---- a relative-clause heading over a list
    ("were explained to me", "Risks that were explained to me include:\n- infection\n- new or worsening "
     "demyelinating disease (such as MS)\n", "MULTIPLE_SCLEROSIS", "MS", H, R),
    ("my doctor reviewed", "Possible side effects that my doctor reviewed with me are:\n * seizures\n * bleeding\n",
     "SEIZURE", "seizures", H, R),
    ("which I understand", "Risks which I understand include the following:\n1. meningitis\n2. stroke\n",
     "BRAIN_INFECTION", "meningitis", H, R),
    ("the surgeon discussed with me", "COMPLICATIONS THAT THE SURGEON DISCUSSED WITH ME INCLUDE:\n- Seizures\n"
     "- Infection\n", "SEIZURE", "Seizures", H, R),
    ("you may experience list", "Side effects that you may experience are:\n\u2022 headache\n\u2022 seizures\n",
     "SEIZURE", "seizures", H, R),
    ("I have been told", "Risks I have been told about include:\n- brain abscess\n- bleeding\n",
     "BRAIN_INFECTION", "brain abscess", H, R),
    ("adverse events we", "Adverse events that we discussed include:\n- allergic reaction\n- meningitis\n",
     "BRAIN_INFECTION", "meningitis", H, R),
    ("could happen to me", "Complications which could happen to me include:\n- stroke\n- infection\n",
     "NONTUMOR_DX", "stroke", H, R),
    ("your doctor", "Risks that your doctor has explained to you include:\n a) seizures\n b) infection\n",
     "SEIZURE", "seizures", H, R),
    # ---- a relative-clause heading with its items on its line
    ("you may experience inline", "Complications that you may experience include: stroke, infection, or "
     "allergic reaction.", "BRAIN_INFECTION", "infection", H, R),
    ("I understand inline", "Risks that I understand include bleeding, seizures and meningitis.",
     "SEIZURE", "seizures", H, R),
    ("might occur comma", "Side effects, which might occur, include seizures and infection.",
     "SEIZURE", "seizures", H, R),
    ("explained to my family", "The risks which were explained to my family include stroke and infection.",
     "NONTUMOR_DX", "stroke", H, R),
    ("parenthesis and british", "Risks (that my neurosurgeon explained to me) include haemorrhage, tumour seeding "
     "and infection.", "BRAIN_INFECTION", "infection", H, R),
    ("may include", "Complications may include infection (meningitis) or stroke.",
     "BRAIN_INFECTION", "meningitis", H, R),
    ("you could", "Side effects you could get are seizures or an allergic reaction.",
     "SEIZURE", "seizures", H, R),
    ("we reviewed colon", "Risks we reviewed together: infection, bleeding, seizures.",
     "SEIZURE", "seizures", H, R),
    # ---- near misses: what happened, what the patient has, risk factors
    ("near: risks heading factors", "Risks: smoking, NF1", "NONTUMOR_DX", "NF1", set(), None),
    ("near: complications occurred", "Complications that occurred included meningitis.",
     "BRAIN_INFECTION", "meningitis", set(), None),
    ("near: side effects she has had", "Side effects she has had include seizures.",
     "SEIZURE", "seizures", set(), None),
    ("near: risk factors apply", "Risk factors that apply to her include prior radiation and a glioma.",
     "GLIOMA", "glioma", set(), None),
    ("near: complications list happened", "Complications that developed after surgery:\n- meningitis\n- seizures\n",
     "BRAIN_INFECTION", "meningitis", set(), None),
    ("near: side effects he had", "Side effects that he had on levetiracetam included seizures.",
     "SEIZURE", "seizures", set(), None),
    ("near: complications we encountered", "Complications we encountered: meningitis, wound infection.",
     "BRAIN_INFECTION", "meningitis", set(), None),
    ("near: side effects I have had", "Side effects I have had include seizures and headaches.",
     "SEIZURE", "seizures", set(), None),
    ("near: her complications", "Complications of her surgery included infection.",
     "BRAIN_INFECTION", "infection", set(), None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_consent_risk_headings(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                               expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is None:
        assert not CONSENT & set(mention.modifier_rules), mention.modifier_rules
    else:
        assert rule in mention.modifier_rules, mention.modifier_rules
