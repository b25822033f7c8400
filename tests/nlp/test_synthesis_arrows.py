"""In a plan, an arrow from findings in hand is a synthesis, not a conditional branch: its consequent is not
hypothetical.

A result arrow's consequent in a plan is one branch of a conditional (hyp.plan_branch_result, table
tests/nlp/test_result_arrow_consequents.py): "MRS: choline peak -> tumour; lactate/lipid -> abscess". The same arrow
after findings the clinician already has is the working diagnosis they point to: "Ataxia + ichthyosis + MRI
white-matter pattern -> adrenoleukodystrophy suspected", "elevated choline on the 2024 MRS + new enhancement ->
recurrence favoured". The consequent keeps its own reading (uncertain by its own hedge, affirmed when affirmed).
Rule (pipeline/nlp/extract.py _is_result_consequent, cues in pipeline/nlp/resources/cues.yaml): the left side of the
arrow, back to its clause's start, is a branch when it is led by a condition (hyp.plan_branch_condition: if,
should, when, in case ...); otherwise it is a synthesis when it tells findings as present (hyp.plan_branch_found:
showed, shows, found, noted, seen, a finding "on MRI", a study named with a date) or lists signs joined by "+",
"&" or "and" of which at least one names no result (hyp.plan_synthesis_joint; an item naming only a test,
hyp.plan_branch_test_name, is no sign).

Near misses stay branches (hypothetical): a planned test's possible results ("MRS: choline peak -> tumour;
lactate/lipid -> abscess"), a "+"/"and" list whose every item is a result of one future test ("high choline + low
NAA -> glioma"), alternatives ("high choline or low NAA"), a left side led by if/should/when/in case, including one
whose result is told with "shows" ("if MRS shows high choline -> metastasis").
"""

from __future__ import annotations

from typing import Any

import pytest

CASES = [
    # id, text, span, hypothetical
    ("plus list with a pattern, hedged consequent",
     "Assessment/Plan:\nAtaxia + ichthyosis + MRI white-matter pattern -> adrenoleukodystrophy suspected, VLCFA "
     "sent.\n", "adrenoleukodystrophy", False),
    ("dated MRS plus a sign",
     "Plan:\nelevated choline on the 2024 MRS + new enhancement -> recurrence favoured.\n", "recurrence", False),
    ("double arrow, sign list with and",
     "A/P:\nprogressive hemiparesis and raised lactate => CNS lymphoma favoured, biopsy planned.\n",
     "CNS lymphoma", False),
    ("long dash arrow, found result",
     "ASSESSMENT & PLAN:\n2. MRS found high Cho / low NAA --> high-grade glioma, neurosurgery referral.\n",
     "high-grade glioma", False),
    ("unicode arrow, noted",
     "Plan:\nlow NAA noted, ataxia \u2192 leukodystrophy, genetics referral.\n", "leukodystrophy", False),
    ("on MRI, British spelling",
     "Impression/Plan:\nHigh choline peak on MRS 03/2025 -> tumour recurrence favoured over radionecrosis.\n",
     "tumour recurrence", False),
    ("ampersand signs, capitals",
     "A/P:\nFEVER & RAISED LACTATE -> ABSCESS SUSPECTED, START ANTIBIOTICS.\n", "ABSCESS", False),
    ("shows, wrapped consequent line",
     "Plan:\n1. Spectroscopy shows elevated choline -> metastasis,\n   staging CT ordered.\n", "metastasis", False),
    ("seen, parenthesis",
     "A/P:\n(lipid-lactate peak seen) -> lymphoma likely; hold steroids.\n", "lymphoma", False),
    ("sign list with commas and and",
     "Assessment and Plan:\nSeizures, headache and increased myo-inositol -> gliomatosis, biopsy.\n",
     "gliomatosis", False),
    ("leading to, found pattern",
     "Plan:\nMRS pattern found, leading to glioblastoma diagnosis; resection.\n", "glioblastoma", False),
    ("sign list, no result word",
     "A/P:\nFever, CSF pleocytosis and temporal FLAIR signal -> HSV encephalitis, acyclovir started.\n",
     "HSV encephalitis", False),
    # near misses: branches stay hypothetical
    ("near: possible results of a planned MRS",
     "Plan:\nMRS: choline peak -> tumour; lactate/lipid -> abscess, aspiration.\n", "abscess", True),
    ("near: plus list of one future test's results",
     "Plan:\nMRS next week: high choline + low NAA -> glioma, resect.\n", "glioma", True),
    ("near: and list of one future test's results",
     "A/P:\nSpectroscopy: raised lactate and lipid -> lymphoma, hold steroids.\n", "lymphoma", True),
    ("near: alternatives with or",
     "Plan:\nhigh choline or low NAA => metastasis, staging.\n", "metastasis", True),
    ("near: if with shows",
     "A/P:\nif MRS shows high choline -> metastasis, stage as IV.\n", "metastasis", True),
    ("near: should",
     "Plan:\nshould MRS show a lactate peak -> abscess, aspirate.\n", "abscess", True),
    ("near: when, after a label",
     "Plan:\nMRS: when NAA low -> glioma, resect.\n", "glioma", True),
    ("near: in case",
     "Plan:\nin case of elevated choline --> recurrence work-up.\n", "recurrence", True),
    ("near: test name and results",
     "Plan:\nMRS, high choline and low NAA -> glioblastoma, resect.\n", "glioblastoma", True),
]


@pytest.mark.parametrize(("text", "span", "hypothetical"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_synthesis_arrows_consequent_is_no_branch(mentions: Any, text: str, span: str, hypothetical: bool) -> None:
    found = [m for m in mentions(text) if m.text == span]
    assert found, [(m.text, m.concept) for m in mentions(text)]
    assert ("hypothetical" in found[0].modifiers) is hypothetical, (found[0].modifiers, found[0].modifier_rules)
