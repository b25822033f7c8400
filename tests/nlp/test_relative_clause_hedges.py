"""A hedge in a relative clause after a diagnosis, and a bare "w/o" before a finding.

Class 1 (`scope.relative_clause`, context.yaml `scopes`): "a necrotic metastasis, which cannot be excluded". The
relative pronoun "which" ends every cue's scope (term.conjunction), so a backward hedge after it (poss.backward,
poss.hedge_after) never reached the diagnosis that is the clause's subject. The scope lets such a cue, right after
", which" (a few adverbs may stand between), reach the target just before the comma, and only that one ("abscess
with metastasis, which cannot be excluded" hedges the metastasis alone). Cues before "which" still stop at it
("no mass, which argues against tumour"), a relative clause without a hedge changes nothing, and a "who" clause
speaks of a person, not of the diagnosis before it.

Class 2 (`neg.without_short`): a bare "w/o" before a finding negates it as "without" does ("EEG unreactive w/o
seizures", "CT w/o hemorrhage"); as a study's technique ("MRI w/o contrast", "MRI w/ and w/o contrast", "CT head
w/o" at a line's end or before a verb or a colon) it negates nothing, and a finding before it keeps its reading
("seizures w/o aura").

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite, a
rule id it must not cite. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
U, N, A = {"uncertain"}, {"negated"}, set[str]()
REL, WO = "scope.relative_clause", "neg.without_short"

CASES: list[tuple[str, str, str, str, set[str], str | None, str | None]] = [
    # ---- class 1: a hedge in a relative clause after the diagnosis
    ("rel cannot be excluded", "MRI shows a necrotic metastasis, which cannot be excluded.", "BRAIN_METASTASIS",
     "metastasis", U, REL, None),
    ("rel remains possible", "Impression: CNS lymphoma, which remains possible given the steroid response.",
     "CNS_LYMPHOMA", "CNS lymphoma", U, REL, None),
    ("rel not been ruled out", "An abscess, which has not been ruled out, is the main worry.", "BRAIN_INFECTION",
     "abscess", U, REL, None),
    ("rel entirely dismissed", "Low-grade glioma, which cannot be entirely dismissed.", "GLIOMA", "Low-grade glioma",
     U, REL, None),
    ("rel capitals", "Impression: Solitary Metastasis, Which Cannot Be Excluded.", "BRAIN_METASTASIS", "Metastasis",
     U, REL, None),
    ("rel abbreviation", "PCNSL, which could not be excluded on CSF cytology, prompted the MRS request.",
     "CNS_LYMPHOMA", "PCNSL", U, REL, None),
    ("rel british spelling", "Appearances favour a high-grade tumour, which has not yet been excluded.",
     "BRAIN_TUMOR", "tumour", U, REL, None),
    ("rel line wrap", "Findings suggest a solitary metastasis,\nwhich cannot be excluded on this study.",
     "BRAIN_METASTASIS", "metastasis", U, REL, None),
    ("rel parenthesis", "Ring-enhancing lesion (a cerebral abscess, which cannot be ruled out) in the left lobe.",
     "BRAIN_INFECTION", "cerebral abscess", U, REL, None),
    ("rel adverb between", "Toxoplasmosis, which still cannot be excluded, is treated empirically.",
     "BRAIN_INFECTION", "Toxoplasmosis", U, REL, None),
    ("rel discounted", "Demyelination, which cannot be discounted, would change management.", "DEMYELINATION",
     "Demyelination", U, REL, None),
    ("rel form field", "Dx:   glioblastoma, which remains a consideration", "GLIOMA",
     "glioblastoma", U, REL, None),
    ("rel remains likely", "Her scan shows lymphoma, which remains likely on the PET.",
     "CNS_LYMPHOMA", "lymphoma", U, REL, None),
    ("rel subject only", "Ring lesion: abscess with metastasis, which cannot be excluded.", "BRAIN_METASTASIS",
     "metastasis", U, REL, None),
    ("near: earlier target of the sentence", "Ring lesion: abscess with metastasis, which cannot be excluded.",
     "BRAIN_INFECTION", "abscess", A, None, REL),
    ("near: earlier target past an and", "Known glioma and a new metastasis, which cannot be excluded.", "GLIOMA",
     "glioma", A, None, REL),
    ("near: no before which", "There is no mass, which argues against tumour.", "BRAIN_TUMOR", "tumour", N,
     "neg.argues_against", "neg.no"),
    ("near: negation stops at which", "No restricted diffusion, which points to metastasis.", "BRAIN_METASTASIS",
     "metastasis", A, None, "neg.no"),
    ("near: confirmed", "Known metastasis, which was confirmed on biopsy.", "BRAIN_METASTASIS", "metastasis", A,
     None, REL),
    ("near: resected", "She had a glioma, which was resected in 2019.", "GLIOMA", "glioma", A, None, REL),
    ("near: who is a person", "A man with HIV, who is likely to stop his tablets.", "HIV", "HIV", A, None, REL),
    ("near: hedge about something else", "Her glioblastoma, which was resected, shows no enhancement; recurrence "
     "cannot be excluded.", "GLIOMA", "glioblastoma", A, None, REL),
    ("near: negated subject keeps negation", "No abscess, which cannot be excluded clinically, on this scan.",
     "BRAIN_INFECTION", "abscess", N, "neg.no", REL),
    # ---- class 2: bare "w/o" before a finding
    ("wo seizures", "EEG unreactive w/o seizures.", "SEIZURE", "seizures", N, WO, None),
    ("wo hemorrhage", "CT w/o hemorrhage.", "NONTUMOR_DX", "hemorrhage", N, WO, None),
    ("wo british", "CT head w/o haemorrhage or mass.", "NONTUMOR_DX", "haemorrhage", N, WO, None),
    ("wo list second item", "CT head w/o haemorrhage or mass.", "BRAIN_LESION", "mass", N, WO, None),
    ("wo capitals", "Pt doing well W/O SEIZURES since March.", "SEIZURE", "SEIZURES", N, WO, None),
    ("wo mixed case", "Routine EEG W/o seizures captured.", "SEIZURE", "seizures", N, WO, None),
    ("wo parenthesis", "Stable post-op cavity (w/o tumour recurrence).", "RECURRENCE", "tumour recurrence", N, WO,
     None),
    ("wo new lesions", "Repeat MRI w/o new lesions.", "BRAIN_LESION", "lesions", N, WO, None),
    ("wo out", "Chronic headaches w/out seizures.", "SEIZURE", "seizures", N, WO, None),
    ("wo form field", "Neuro exam:  nonfocal, w/o seizure activity", "SEIZURE", "seizure activity", N, WO, None),
    ("wo abscess", "Afebrile, w/o abscess on the follow-up scan.", "BRAIN_INFECTION", "abscess", N, WO, None),
    ("near: w/o contrast", "MRI w/o contrast showed a glioma.", "GLIOMA", "glioma", A, None, None),
    ("near: w/ and w/o contrast", "MRI w/ and w/o contrast: glioma.", "GLIOMA", "glioma", A, None, None),
    ("near: technique at line end", "CT head w/o\nHemorrhage in the left frontal lobe.", "NONTUMOR_DX",
     "Hemorrhage", A, None, None),
    ("near: technique before verb", "CT head w/o showed hemorrhage.", "NONTUMOR_DX", "hemorrhage", A, None, None),
    ("near: technique before colon", "CT head w/o: acute hemorrhage.", "NONTUMOR_DX", "hemorrhage", A, None, None),
    ("near: technique caps", "MRI BRAIN W/O AND W/ GAD: METASTASIS.", "BRAIN_METASTASIS", "METASTASIS", A, None,
     None),
    ("near: w/o gad", "MRI w/o gad demonstrates a ring-enhancing abscess.", "BRAIN_INFECTION", "abscess", A, None,
     None),
    ("near: finding before w/o", "Focal seizures w/o aura.", "SEIZURE", "Focal seizures", A, None, None),
    ("near: technique then date", "CT head w/o on 11/02 showed hemorrhage.", "NONTUMOR_DX", "hemorrhage", A, None,
     None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule", "not_rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_relative_clause_hedges(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                                expected: set[str], rule: str | None, not_rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules, mention.modifier_rules
    if not_rule is not None:
        assert not_rule not in mention.modifier_rules, mention.modifier_rules
