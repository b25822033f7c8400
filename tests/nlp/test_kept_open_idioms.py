"""A diagnosis kept open by the writer's idiom is suspected, not present (context.yaml poss.kept_in_play,
poss.obscured_picture, poss.awaiting_proof; scope.patient_qualifier).

Writers keep a diagnosis open with idioms the uncertainty rules did not know, and the diagnosis read present: the
diagnosis kept "in play", "in the running", "in contention", "alive as a possibility"; a treatment that "could blur"
/ "would muddy" / "might cloud" the diagnosis's picture, question or work-up; a diagnosis followed by a wait for the
test that would prove it ("- waiting on biopsy", "- await pathology", "tissue still awaited"); and "cannot be
excluded" told after a qualifier of the patient ("a metastasis in this woman with prior breast cancer cannot be
excluded"), whose reach stopped inside the qualifier (hedging the patient's own disease or age instead).

Near misses keep their reading: remission, a person kept somewhere, steroids that blur vision, a proven diagnosis
with another result awaited, a wait for something else about a known diagnosis, an exclusion on biopsy, the
qualifier's own disease, a negated idiom.

Rows: id, text, concept, the mention's text, its expected modifiers among negated/uncertain, whether the evidence
must cite one of this class's rules. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE = {"negated"}, {"uncertain"}, set[str]()
AMONG = {"negated", "uncertain"}
RULES = {"poss.kept_in_play", "poss.obscured_picture", "poss.awaiting_proof", "scope.patient_qualifier"}

CASES: dict[str, tuple[str, str, str, set[str], bool]] = {
    # ------------------------------------------------ kept in play / in the running / in contention / alive
    "keeps-in-play": ("The raised beta-2 microglobulin keeps CNS lymphoma in play.", "CNS_LYMPHOMA", "CNS lymphoma",
                      HEDGE, True),
    "kept-squarely-in-play": ("Periventricular spread kept a lymphoma squarely in play.", "CNS_LYMPHOMA",
                              "lymphoma", HEDGE, True),
    "leaves-in-running": ("Restricted diffusion at the rim, which leaves an abscess in the running.",
                          "BRAIN_INFECTION", "abscess", HEDGE, True),
    "still-in-running": ("Astrocytoma still in the running given the non-enhancing T2 signal.", "GLIOMA",
                         "Astrocytoma", HEDGE, True),
    "remains-in-contention": ("Glioblastoma remains in contention.", "GLIOMA", "Glioblastoma", HEDGE, True),
    "stays-in-contention": ("On balance a solitary metastasis stays in contention.", "BRAIN_METASTASIS",
                            "metastasis", HEDGE, True),
    "alive-as-possibility": ("Demyelination is still very much alive as a possibility.", "DEMYELINATION",
                             "Demyelination", HEDGE, True),
    "alive-as-diagnosis": ("Toxoplasmosis remains alive as a diagnosis until the serology returns.",
                           "BRAIN_INFECTION", "Toxoplasmosis", HEDGE, True),
    # ------------------------------------------------ a treatment that would blur the diagnosis's picture
    "could-blur-picture": ("Starting dexamethasone now could blur the lymphoma picture.", "CNS_LYMPHOMA", "lymphoma",
                           HEDGE, True),
    "would-muddy-question": ("High-dose steroids would muddy the PCNSL question.", "CNS_LYMPHOMA", "PCNSL", HEDGE,
                             True),
    "might-cloud-diagnosis": ("Prior radiotherapy might cloud an oligodendroglioma diagnosis.", "GLIOMA",
                              "oligodendroglioma", HEDGE, True),
    "may-confound-workup": ("Empiric steroids may confound the work-up for lymphoma.", "CNS_LYMPHOMA", "lymphoma",
                            HEDGE, False),
    "could-potentially-cloud": ("Antibiotics could potentially cloud the abscess picture.", "BRAIN_INFECTION",
                                "abscess", HEDGE, True),
    # ------------------------------------------------ a diagnosis, then a wait for the test that proves it
    "dash-waiting-on-biopsy": ("Left frontal oligodendroglioma - waiting on biopsy or a perfusion study.", "GLIOMA",
                               "oligodendroglioma", HEDGE, True),
    "dash-await-pathology": ("Cerebellar metastasis - await pathology.", "BRAIN_METASTASIS", "Cerebellar metastasis",
                             HEDGE, True),
    "tissue-still-awaited": ("Periventricular lymphoma, tissue still awaited.", "CNS_LYMPHOMA", "lymphoma", HEDGE,
                             True),
    "waiting-for-histology": ("Possible GBM recurrence; we are waiting for histology.", "GLIOMA", "GBM", HEDGE,
                              False),
    "awaiting-stereotactic-biopsy": ("Brainstem glioma, awaiting stereotactic biopsy.", "GLIOMA", "Brainstem glioma",
                                     HEDGE, True),
    "histology-outstanding": ("Thalamic glioma, histology outstanding.", "GLIOMA", "glioma", HEDGE, True),
    # ------------------------------------------------ "cannot be excluded" past a qualifier of the patient
    "qualifier-prior-cancer": ("A metastasis in this woman with prior breast cancer cannot be excluded.",
                               "BRAIN_METASTASIS", "metastasis", HEDGE, False),
    "qualifier-age": ("Ring lesion; an abscess in this 71-year-old diabetic man on steroids cannot be excluded.",
                      "BRAIN_INFECTION", "abscess", HEDGE, True),
    "qualifier-hiv-ruled-out": ("Lymphoma in a patient with advanced HIV and a CD4 count of 40 cannot be ruled out.",
                                "CNS_LYMPHOMA", "Lymphoma", HEDGE, True),
    "qualifier-own-disease": ("A glioma in this teenager with neurofibromatosis type 1 and optic pathway lesions "
                              "cannot be excluded.", "NONTUMOR_DX", "neurofibromatosis type 1", NONE, False),
    # ------------------------------------------------ near misses
    "near-remission": ("Her lymphoma is in complete remission.", "CNS_LYMPHOMA", "lymphoma", NONE, False),
    "near-no-longer-in-play": ("After the biopsy glioma is no longer in play.", "GLIOMA", "glioma", NONE, False),
    "near-blur-vision": ("Steroids can blur vision; her metastasis is treated.", "BRAIN_METASTASIS", "metastasis",
                         NONE, False),
    "near-proven-awaiting-marker": ("Glioblastoma, biopsy-proven; awaiting IDH and MGMT status.", "GLIOMA",
                                    "Glioblastoma", NONE, False),
    "near-waiting-insurance": ("Waiting on insurance approval to resect the known meningioma.", "BRAIN_TUMOR",
                               "meningioma", NONE, False),
    "near-excluded-biopsy": ("Lymphoma excluded on brain biopsy.", "CNS_LYMPHOMA", "Lymphoma", NEG, False),
    "near-qualifier-past": ("The glioma in this woman was resected in 2018.", "GLIOMA", "glioma", NONE, False),
    "near-kept-in-hospital": ("Patient with glioblastoma kept in hospital for seizures.", "GLIOMA", "glioblastoma",
                              NONE, False),
    "near-muddy-no-question": ("Steroids would muddy things; the glioma is confirmed.", "GLIOMA", "glioma", NONE,
                               False),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "cites"), CASES.values(), ids=CASES.keys())
def test_kept_open_idioms(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                          expected: set[str], cites: bool) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
    if cites:
        assert RULES & set(mention.modifier_rules), mention.modifier_rules
