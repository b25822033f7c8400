"""Two (or three) brain-lesion diagnoses joined by "or" are alternatives, each suspected, wherever they stand in the
sentence (context.yaml poss.or_alternatives_in_clause, next to poss.bare_alternatives).

poss.bare_alternatives reads "Abscess or metastasis." only when the whole line is the pair (after a label); the same
pair after a comma that follows the lesion ("new left occipital ring lesion, abscess or metastasis; CT equivocal"),
after "is" or "felt to be", with articles ("an abscess or a cystic metastasis"), in a comma list ("GBM, lymphoma, or
metastasis"), before "per radiology" or "; biopsy deferred", read both present.

The rule: the cue "or", quiet, holds when the words before it back to a comma, colon, semicolon, bracket or spaced
dash (past "thought/felt to be", "is", "represents", "favours") are an optional article and up to four words with no
preposition or verb of prose, the words after it an optional article and up to four words up to a stop (punctuation,
a dash, or "by", "per", "given", "and", "in" ...), and the sentence holds no negation, history, treatment or condition
word ("no", "excluded", "history", "known", "treated", "resected", "if"). It reaches the diagnosis next to it (past an
article and two words) and back along a comma list; only diagnoses of the brain-lesion kinds (`allowed_types`).

Near misses keep their reading: "no abscess or metastasis" (both negated), "history of glioma or its treatment",
"glioblastoma, resected, or so the outside notes say", "seizures or headaches" and "MRS or PET" (no diagnoses),
"known glioblastoma; recurrence or radiation necrosis?" (the known tumour present), "toxoplasmosis treated; lymphoma
or abscess excluded" (negated), "Patient with glioma or stroke." (a preposition before the pair), "one or two new
metastases" (a count or a side next to "or" joins no diagnoses).

Limits: a negation, history or treatment word anywhere in the sentence turns the rule off for the whole sentence
("Known melanoma; new lesion, metastasis or abscess" is not this rule's); a pair after a longer lead-in of prose
("the team on the ward thinks it could be glioma or lymphoma") is not; the cue cannot check that the word on the far
side is a diagnosis, so "glioma or something else" would hedge the glioma were it not for the prose words it rejects
("else", "other", "so").

Rows: id, text, concept, the mention's text, its expected modifiers among negated/uncertain/historical, whether the
evidence must cite a bare-alternatives rule. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE, HIST = {"negated"}, {"uncertain"}, set[str](), {"historical"}
AMONG = {"negated", "uncertain", "historical"}
RULES = {"poss.bare_alternatives", "poss.bare_alternatives_slash", "poss.or_alternatives_in_clause"}

CASES: dict[str, tuple[str, str, str, set[str], bool]] = {
    "after-lesion-comma": ("Indication: new left occipital ring lesion, abscess or metastasis; CT equivocal.",
                           "BRAIN_INFECTION", "abscess", HEDGE, True),
    "after-lesion-comma-other": ("Indication: new left occipital ring lesion, abscess or metastasis; CT equivocal.",
                                 "BRAIN_METASTASIS", "metastasis", HEDGE, True),
    "lesion-kept": ("Indication: new left occipital ring lesion, abscess or metastasis; CT equivocal.",
                    "BRAIN_LESION", "lesion", NONE, False),
    "reason-semicolon": ("Reason for study: enlarging parietal mass, lymphoma or glioblastoma; biopsy deferred.",
                         "GLIOMA", "glioblastoma", HEDGE, True),
    "articles-is": ("Neurosurgery believes this is an abscess or a cystic metastasis and requests MRS.",
                    "BRAIN_INFECTION", "abscess", HEDGE, True),
    "articles-is-right": ("Neurosurgery believes this is an abscess or a cystic metastasis and requests MRS.",
                          "BRAIN_METASTASIS", "metastasis", HEDGE, True),
    "mid-sentence-commas": ("Enhancing lesion in the pons, glioma or demyelination, spectroscopy requested.",
                            "DEMYELINATION", "demyelination", HEDGE, True),
    "three-oxford-first": ("Clinical question: GBM, lymphoma, or metastasis, please perform spectroscopy.",
                           "GLIOMA", "GBM", HEDGE, True),
    "three-oxford-middle": ("Clinical question: GBM, lymphoma, or metastasis, please perform spectroscopy.",
                            "CNS_LYMPHOMA", "lymphoma", HEDGE, True),
    "dash-per-radiology": ("Right frontal mass - meningioma or dural metastasis per radiology - for MRS.",
                           "BRAIN_TUMOR", "meningioma", HEDGE, True),
    "felt-to-be": ("Felt to be lymphoma or toxoplasmosis by the ID team, MRS to help.", "CNS_LYMPHOMA", "lymphoma",
                   HEDGE, False),
    "form-value": ("Dx: cerebritis or PCNSL", "CNS_LYMPHOMA", "PCNSL", HEDGE, True),
    "three-list-plain": ("Pontine lesion: ependymoma, metastasis or abscess", "BRAIN_INFECTION", "abscess", HEDGE,
                         True),
    "bare-kept": ("Abscess or metastasis.", "BRAIN_INFECTION", "Abscess", HEDGE, True),
    # ------------------------------------------------ near misses
    "near-negated": ("There is no abscess or metastasis on the new scan.", "BRAIN_METASTASIS", "metastasis", NEG,
                     False),
    "near-rather-than": ("Read as a tumefactive plaque rather than glioma or lymphoma.", "CNS_LYMPHOMA", "lymphoma",
                         NEG, False),
    "near-history-treatment": ("History of glioma or its treatment was not given.", "GLIOMA", "glioma", HIST, False),
    "near-resected-or-so": ("Glioblastoma, resected, or so the outside notes say.", "GLIOMA", "Glioblastoma", HIST,
                            False),
    "near-known-first": ("Known glioblastoma; recurrence or radiation necrosis?", "GLIOMA", "glioblastoma", NONE,
                         False),
    "near-known-alternative": ("Known glioblastoma; recurrence or radiation necrosis?", "TREATMENT_EFFECT",
                               "radiation necrosis", HEDGE, False),
    "near-treated-excluded": ("Toxoplasmosis treated; lymphoma or abscess excluded.", "CNS_LYMPHOMA", "lymphoma", NEG,
                              False),
    "near-treated-excluded-first": ("Toxoplasmosis treated; lymphoma or abscess excluded.", "BRAIN_INFECTION",
                                    "Toxoplasmosis", NONE, False),
    "near-patient-with": ("Patient with glioma or stroke.", "GLIOMA", "glioma", NONE, False),
    "near-symptoms": ("New seizures or headaches since the glioma was found.", "GLIOMA", "glioma", NONE, False),
    "near-studies": ("MRS or PET to characterise the glioma.", "GLIOMA", "glioma", NONE, False),
    "near-count": ("Follow-up scan: one or two new metastases, largest in the vermis.", "BRAIN_METASTASIS",
                   "metastases", NONE, False),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "cites"), CASES.values(), ids=CASES.keys())
def test_two_diagnoses_joined_by_or(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                    expected: set[str], cites: bool) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
    if cites:
        assert RULES & set(mention.modifier_rules), mention.modifier_rules
