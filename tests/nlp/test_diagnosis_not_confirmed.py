"""A diagnosis awaiting its confirmation is suspected, however the want of proof is worded (context.yaml
poss.not_confirmed_after, poss.not_confirmed_as).

The class: "the diagnosis of X has not been established" and "X is unproven" already read as suspected
(poss.hedge_predicate, poss.backward), but a bare participle after the diagnosis ("Lymphoma not confirmed; flow
cytometry pending", "glioblastoma per the outside read, not verified by our neuroradiology"), a proof the diagnosis
is not yet shown to be ("the lesion is not yet established as a metastasis", "the mass has not been proven to be a
meningioma") or a confirmation it has not had ("no tissue confirmation of glioma yet") read the diagnosis present: a
diagnosis still waiting for its confirmation is still being considered.

The rule: poss.not_confirmed_after, a quiet backward cue ("not confirmed", "not yet established", "not verified",
"unverified"), only where its clause ends after it or goes on with its grounds or a time, back to the subject of its
own clause (no clause word, verb or treatment between; a comma only right before the cue), not after a denial, not
in a device's clearance sentence; poss.not_confirmed_as, a forward cue for "(is) not (yet) established as", "(has)
not been proven to be", "no tissue confirmation of" (with its copula, so that it wins over poss.hedge_predicate's
and poss.backward's shorter cues: the finding it is said of keeps its reading, "the lesion" of "the lesion is not yet
established as a metastasis" is a lesion).

Near misses keep their reading (ids "near"): "confirmed on biopsy" (present), "Confirmed: no lymphoma" (absent),
"was not resected" (a treatment), a checklist's "Not confirmed: seizures" (poss.hedge's forward reading),
"Neither MRI nor CT confirmed a mass" (as today), "no evidence of tumour; diagnosis not established" (absent), a
withdrawal ("was not confirmed at biopsy", negated: neg.withdrawn), another clause's diagnosis ("glioma resected,
recurrence not confirmed" keeps the glioma), a device's clearance "not verified" (poss.clearance_pending_after), a
finding with a test result not confirmed after it ("glioblastoma with MGMT methylation not confirmed").

Limits: the bare participle reaches back 12 tokens within its clause only; a comma is passed only when the cue comes
right after it ("glioma per outside read, not verified"), so a diagnosis followed by a longer comment before the
cue keeps its reading; "not shown to be", "not diagnostic of" and "unconfirmed" before other words are other cues'.

Rows: id, text, concept, the mention's text, its expected modifiers among negated/uncertain, whether the evidence
must cite one of this class's rules.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE = {"negated"}, {"uncertain"}, set[str]()
AMONG = {"negated", "uncertain"}
RULES = {"poss.not_confirmed_after", "poss.not_confirmed_as"}

CASES: dict[str, tuple[str, str, str, set[str], bool]] = {
    # ------------------------------------------------ the bare participle after the diagnosis
    "not-confirmed-pending": ("CNS lymphoma not confirmed; CSF cytology is pending.", "CNS_LYMPHOMA", "CNS lymphoma",
                              HEDGE, True),
    "comma-not-yet-confirmed": ("Oligodendroglioma, not yet confirmed.", "GLIOMA", "Oligodendroglioma", HEDGE,
                                True),
    "not-established-end": ("Assessment: cerebral toxoplasmosis not established.", "BRAIN_INFECTION",
                            "cerebral toxoplasmosis", HEDGE, True),
    "not-verified-by": ("Metastasis per the referring radiologist, not verified by our neuroradiology team.",
                        "BRAIN_METASTASIS", "Metastasis", HEDGE, True),
    "unverified-by": ("Outside diagnosis of multiple sclerosis unverified by our neurology service.",
                      "MULTIPLE_SCLEROSIS", "multiple sclerosis", HEDGE, True),
    "not-histologically-established": ("Recurrent glioblastoma not histologically established as of today.",
                                       "RECURRENCE", "Recurrent glioblastoma", HEDGE, True),
    "not-confirmed-awaiting": ("Tumefactive demyelination not confirmed, awaiting repeat imaging.", "DEMYELINATION",
                               "Tumefactive demyelination", HEDGE, True),
    "line-item": ("- brain abscess not confirmed by cultures\n", "BRAIN_INFECTION", "brain abscess", HEDGE, True),
    # ------------------------------------------------ the diagnosis named after the proof it wants
    "not-yet-established-as": ("The enhancing focus is not yet established as a lymphoma.", "CNS_LYMPHOMA",
                               "lymphoma", HEDGE, True),
    "not-been-proven-to-be": ("The dural mass has not been proven to be a meningioma.", "BRAIN_TUMOR", "meningioma",
                              HEDGE, True),
    "not-confirmed-as": ("The ring lesion was not confirmed as an abscess before treatment.", "BRAIN_INFECTION",
                         "abscess", HEDGE, True),
    "not-verified-to-be": ("The nodule is not verified to be a metastasis.", "BRAIN_METASTASIS", "metastasis", HEDGE,
                           True),
    "no-tissue-confirmation": ("There is no tissue confirmation of the glioblastoma yet.", "GLIOMA", "glioblastoma",
                               HEDGE, True),
    "no-histological-confirmation": ("No histological confirmation of lymphoma so far.", "CNS_LYMPHOMA", "lymphoma",
                                     HEDGE, True),
    "no-definitive-proof": ("No definitive proof of neurocysticercosis.", "BRAIN_INFECTION", "neurocysticercosis",
                            HEDGE, True),
    # ------------------------------------------------ already suspected (kept)
    "diagnosis-not-established": ("The diagnosis of glioma has not been established.", "GLIOMA", "glioma", HEDGE,
                                  False),
    "remains-unconfirmed": ("Cerebral toxoplasmosis remains unconfirmed.", "BRAIN_INFECTION",
                            "Cerebral toxoplasmosis", HEDGE, False),
    "is-unproven": ("Metastatic disease is unproven.", "BRAIN_METASTASIS", "Metastatic disease", HEDGE, False),
    # ------------------------------------------------ near misses
    "near-confirmed-on-biopsy": ("Astrocytoma confirmed on stereotactic biopsy.", "GLIOMA", "Astrocytoma", NONE,
                                 False),
    "near-confirmed-no": ("Confirmed: no CNS lymphoma.", "CNS_LYMPHOMA", "CNS lymphoma", NEG, False),
    "near-not-resected": ("The meningioma was not resected.", "BRAIN_TUMOR", "meningioma", NONE, False),
    "near-checklist": ("Not confirmed: seizures", "SEIZURE", "seizures", HEDGE, False),
    "near-neither-confirmed": ("Neither CT nor MRI confirmed a mass.", "BRAIN_LESION", "mass", NONE, False),
    "near-no-evidence": ("No evidence of glioma; diagnosis not established.", "GLIOMA", "glioma", NEG, False),
    "near-withdrawn": ("The suspected lymphoma was not confirmed at biopsy.", "CNS_LYMPHOMA", "lymphoma", NEG,
                       False),
    "near-other-clause": ("Glioblastoma resected in 2024, recurrence not confirmed.", "GLIOMA", "Glioblastoma", NONE,
                          False),
    "near-other-clause-semicolon": ("Glioblastoma, IDH-wildtype; metastasis not confirmed.", "GLIOMA",
                                    "Glioblastoma", NONE, False),
    "finding-of-unproven-nature": ("The enhancing lesion is not yet established as a lymphoma.", "BRAIN_LESION", "enhancing lesion",
                          NONE, False),
    "near-device": ("Pacemaker MR conditional status not verified.", "DEVICE_CLEARED", "MR conditional", HEDGE,
                    False),
    "near-molecular-result": ("Glioblastoma with MGMT methylation not confirmed.", "GLIOMA", "Glioblastoma", NONE,
                              False),
    "near-confirmed-later": ("Glioma confirmed at resection; no further lesion.", "GLIOMA", "Glioma", NONE, False),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "cites"), CASES.values(), ids=CASES.keys())
def test_diagnosis_not_confirmed(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                 expected: set[str], cites: bool) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
    if cites:
        assert RULES & set(mention.modifier_rules), mention.modifier_rules
