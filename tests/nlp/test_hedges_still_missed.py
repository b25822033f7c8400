"""Hedged diagnoses that read present: a bare "most likely", a doubt, a ranked "dx" heading, a work-up named for a
disease, a preference without a verb (context.yaml poss.most_likely_bare, neg.doubted, neg.doubted_after,
pseudo.no_doubt, poss.leading, poss.workup_for, poss.versus).

The rules:
- "most likely" before a noun phrase without an article ("Impression: most likely right occipital abscess", "most
  likely high-grade insular glioma") hedges it, as "most likely a glioblastoma" (poss.leading_read) does; quiet
  where a verb, a preposition, "the"/"this" or the clause's end follows ("most likely represents ...", "Lymphoma
  most likely." stays poss.most_likely_after's).
- a doubted diagnosis reads as an unlikely one does ("X unlikely" is neg.backward's: negated): "Doubt metastasis",
  "I doubt a lymphoma", "doubtful for glioma", "abscess doubtful"; "no doubt", "little doubt", "without doubt"
  affirm (pseudo.no_doubt: today neg.no's "no" negated "no doubt this is X"; that row is fixed here).
- a ranked shorthand heading ("Leading dx:", "Favoured dx -", "Top dx:") is poss.leading's, as "Working dx:" is.
- a test's "for" names what the test looks for: "CSF cytology and CT chest for lymphoma" (poss.workup_for, quiet
  outside tests other than the brain's MRI/MRS, a staging, a follow-up, a known disease, a result or a pending test).
- "favored vs", "favoured versus" is one poss.versus cue: both sides suspected.

Near misses keep their reading: a plain impression stays present; "most likely represents post-operative change;
no residual tumour" keeps the tumour absent; "no doubt this is ..." present; a biopsy-proven glioma and its bracket
present; a staging CT of a known cancer; a diagnosis excluded on cytology stays negated.

Limits (open rows, not in this table): numbered items inside one sentence after a "Differential:" header with
semicolons ("Differential: (1) subacute infarct; (2) diffuse glioma") - the ";" ends the header's reach, so items after the
first still read present; a test named by its antigen with no disease word ("send CSF for cryptococcal antigen")
names no diagnosis mention to hedge; an MRI or MRS "for glioma" is left alone (mostly a known tumour).

Rows: id -> text, concept, the mention's text, expected modifiers among negated/uncertain, whether the evidence
must cite one of this class's rules. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE = {"negated"}, {"uncertain"}, set[str]()
AMONG = {"negated", "uncertain"}
RULES = {"poss.most_likely_bare", "neg.doubted", "neg.doubted_after", "poss.leading", "poss.workup_for",
         "poss.versus"}

CASES: dict[str, tuple[str, str, str, set[str], bool]] = {
    # ------------------------------------------------ a bare "most likely" before a noun phrase
    "most likely, site words": ("Impression: most likely right occipital abscess.", "BRAIN_INFECTION", "abscess",
                                HEDGE, True),
    "most likely, grade words": ("Most likely high-grade insular glioma.", "GLIOMA", "glioma", HEDGE, True),
    "most likely, bare noun": ("Assessment: most likely metastasis from the known breast primary.",
                               "BRAIN_METASTASIS", "metastasis", HEDGE, True),
    "most probably, adjectives": ("Conclusion: most probably tumefactive demyelination.", "DEMYELINATION",
                                  "tumefactive demyelination", HEDGE, True),
    "most likely, after a dash": ("Frontal ring lesion - most likely pyogenic abscess.", "BRAIN_INFECTION",
                                  "pyogenic abscess", HEDGE, True),
    # ------------------------------------------------ a doubt
    "doubt opening": ("Doubt metastasis - single lesion, no known primary.", "BRAIN_METASTASIS", "metastasis", NEG,
                      True),
    "I doubt": ("I doubt a lymphoma here given the normal CSF.", "CNS_LYMPHOMA", "lymphoma", NEG, True),
    "we really doubt": ("We really doubt this is an abscess.", "BRAIN_INFECTION", "abscess", NEG, True),
    "doubtful for": ("Appearance doubtful for glioma.", "GLIOMA", "glioma", NEG, True),
    "doubtful after": ("Lymphoma doubtful, as the lesion does not restrict.", "CNS_LYMPHOMA", "Lymphoma", NEG, True),
    # ------------------------------------------------ a ranked "dx" heading
    "leading dx": ("Leading dx: primary CNS lymphoma.", "CNS_LYMPHOMA", "primary CNS lymphoma", HEDGE,
                   True),
    "favoured dx dash": ("Favoured dx - cerebral abscess.", "BRAIN_INFECTION", "cerebral abscess", HEDGE, True),
    "top dx": ("Top dx: glioblastoma; biopsy to follow.", "GLIOMA", "glioblastoma", HEDGE, True),
    # ------------------------------------------------ a work-up named for a disease
    "cytology and CT for": ("CSF cytology and CT chest for lymphoma and sarcoid.", "CNS_LYMPHOMA", "lymphoma",
                            HEDGE, True),
    "LP for": ("Plan: LP for lymphoma next week.", "CNS_LYMPHOMA", "lymphoma", HEDGE, True),
    "CT body for": ("CT chest, abdomen and pelvis for metastatic disease.", "BRAIN_METASTASIS",
                    "metastatic disease", HEDGE, True),
    "culture for": ("CSF culture for cryptococcal meningitis.", "BRAIN_INFECTION", "meningitis", HEDGE, True),
    # ------------------------------------------------ a preference without a verb
    "favored vs, left side": ("PML favored vs HIV encephalopathy.", "BRAIN_INFECTION", "PML", HEDGE, True),
    "favoured versus, left side": ("Lymphoma favoured versus toxoplasmosis.", "CNS_LYMPHOMA", "Lymphoma", HEDGE,
                                   True),
    "favoured over, British": ("Glioma favoured over infarct.", "GLIOMA", "Glioma", HEDGE, True),
    # ------------------------------------------------ a bracket inside a hedged item keeps the hedge
    "bracket after cannot exclude": ("Cannot exclude a diffuse glioma (astrocytoma or oligodendroglioma).", "GLIOMA",
                                     "oligodendroglioma", HEDGE, False),
    # ------------------------------------------------ near misses
    "near plain impression": ("Impression: right occipital abscess.", "BRAIN_INFECTION", "abscess", NONE, False),
    "near most likely represents": ("Most likely represents post-operative change; no residual tumour.",
                                    "BRAIN_TUMOR", "tumour", NEG, False),
    "near most likely after": ("Glioma, most likely.", "GLIOMA", "Glioma", HEDGE, False),
    "near most likely from": ("The seizures are most likely from the tumor.", "BRAIN_TUMOR", "tumor", NONE, False),
    "near no doubt": ("No doubt this is a recurrence.", "RECURRENCE", "recurrence", NONE, False),
    "near little doubt": ("There is little doubt that this is a glioblastoma.", "GLIOMA", "glioblastoma", NONE,
                          False),
    "near doubt remains": ("Doubt remains whether this is lymphoma.", "CNS_LYMPHOMA", "lymphoma", HEDGE, False),
    "near biopsy-proven bracket": ("Biopsy-proven glioma (oligodendroglioma, IDH-mutant).", "GLIOMA",
                                   "oligodendroglioma", NONE, False),
    "near staging of known": ("CT chest for staging of known lung cancer with brain metastasis.",
                              "BRAIN_METASTASIS", "brain metastasis", NONE, False),
    "near MRI for": ("MRI for glioma.", "GLIOMA", "glioma", NONE, False),
    "near excluded on cytology": ("Lymphoma excluded on CSF cytology.", "CNS_LYMPHOMA", "Lymphoma", NEG, False),
    "near cytology negative": ("CSF cytology for lymphoma was negative.", "CNS_LYMPHOMA", "lymphoma", NEG, False),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "cites"), CASES.values(), ids=CASES.keys())
def test_hedges_still_missed(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                             expected: set[str], cites: bool) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
    if cites:
        assert RULES & set(mention.modifier_rules), mention.modifier_rules
