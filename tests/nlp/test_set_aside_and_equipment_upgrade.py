"""A diagnosis the writer set aside in prose, and an "upgrade" said of a machine (mention level).

- A diagnosis dismissed or found no longer fitting, told right after its name, is negated
  (`neg.set_aside_verdict`): "abscess was dismissed", "demyelination was discounted", "a low-grade glioma was never
  seriously entertained", "MS no longer fits", "lymphoma does not fit any longer". A lay person's view keeps
  neg.left_out's reading ("... is not entertained by the family"); a weighing still open stays a hedge.
- The team's first idea that a turn and another diagnosis or explanation follow is set aside (`scope.set_aside`,
  `raised_after`): "X was the first thought, although the course matches Y better", "X was our initial impression,
  but the biopsy showed Y"; not when it is confirmed ("initially X, confirmed on biopsy").
- An upgrade of a scanner, its software, a protocol, a coil, a membership or a seat is no grading purpose
  (`look.equipment_upgrade`); a tumour's or a grade's upgrade stays one.

Rows: id, text, concept, the mention's exact text, its expected assertions (an empty set: affirmed; None: no such
mention), and a rule id the mention must cite (None: no check). Rows whose id starts with "near" must keep their
reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "historical", "hypothetical", "family"}
N, U = {"negated"}, {"uncertain"}
SA, SV = "scope.set_aside", "neg.set_aside_verdict"

CASES: list[tuple[str, str, str, str, set[str] | None, str | None]] = [
    # 1. a diagnosis set aside in prose
    ("first thought, although Y matches better", "CNS lymphoma was the first thought, although the evolution "
     "matches a glioblastoma better.", "CNS_LYMPHOMA", "CNS lymphoma", N, SA),
    ("first thought: the later diagnosis stays", "CNS lymphoma was the first thought, although the evolution "
     "matches a glioblastoma better.", "GLIOMA", "glioblastoma", set(), None),
    ("our initial impression, but biopsy showed", "Metastasis was our initial impression, but the stereotactic "
     "biopsy showed a pyogenic abscess.", "BRAIN_METASTASIS", "Metastasis", N, SA),
    ("initial hypothesis, however fits an explanation", "An encephalitis was the initial hypothesis; however the "
     "course fits a post-ictal change.", "BRAIN_INFECTION", "encephalitis", N, SA),
    ("never seriously entertained", "A low-grade glioma was never seriously entertained; the lesion is a "
     "cavernous malformation.", "GLIOMA", "low-grade glioma", N, SV),
    ("not seriously entertained", "Tumefactive MS was not seriously entertained given the ring enhancement.",
     "MULTIPLE_SCLEROSIS", "Tumefactive MS", N, SV),
    ("not really considered", "Metastatic disease was not really considered, given no known primary.",
     "BRAIN_METASTASIS", "Metastatic disease", N, SV),
    ("was dismissed", "Cerebral abscess was dismissed after the DWI; the mass is a necrotic glioblastoma.",
     "BRAIN_INFECTION", "Cerebral abscess", N, SV),
    ("was discounted", "Radiation necrosis was discounted once perfusion came back elevated.",
     "TREATMENT_EFFECT", "Radiation necrosis", N, SV),
    ("no longer fits", "Demyelination no longer fits; the lesion has grown and now enhances.", "DEMYELINATION",
     "Demyelination", N, SV),
    ("does not fit any longer", "Lymphoma does not fit any longer after the steroid-free interval.", "CNS_LYMPHOMA",
     "Lymphoma", N, SV),
    ("no longer explains", "An infarct no longer explains the picture at 6 weeks.", "NONTUMOR_DX", "infarct", N,
     SV),
    ("set aside after a hedge", "Possible lymphoma versus glioblastoma. Lymphoma was discounted after the CSF "
     "cytology.", "CNS_LYMPHOMA", "Lymphoma", N, SV),
    # near misses: still weighed, a hedge, a lay view, a suspicion confirmed
    ("near: considered and remains possible", "Lymphoma was considered and remains possible; glioblastoma "
     "favoured.", "CNS_LYMPHOMA", "Lymphoma", U, "poss.considered"),
    ("near: considered, MRS to help", "Glioma was considered; MRS requested to help.", "GLIOMA", "Glioma", U,
     "poss.considered"),
    ("near: consider X", "Consider lymphoma.", "CNS_LYMPHOMA", "lymphoma", U, None),
    ("near: the family's view", "Glioma is not entertained by the family.", "GLIOMA", "Glioma", N, "neg.left_out"),
    ("near: a parent dismisses it", "A tumour was dismissed by her mother as migraine.", "BRAIN_TUMOR", "tumour",
     set(), None),
    ("near: initially X, confirmed on biopsy", "Initially low-grade glioma, confirmed on biopsy.", "GLIOMA",
     "low-grade glioma", set(), None),
    ("near: first thought, confirmed", "Glioma was the first thought and the biopsy confirmed it.", "GLIOMA",
     "Glioma", set(), None),
    ("near: a patient dismissed from clinic", "Glioblastoma, stable. Patient was dismissed from clinic.", "GLIOMA",
     "Glioblastoma", set(), None),
    # 2. an upgrade of a machine is no grading purpose
    ("scanner upgrade", "Post-scanner upgrade, the grade 2 astrocytoma is stable.", "PURPOSE", "upgrade", None,
     None),
    ("software upgrade", "After the software upgrade, the known grade 2 oligodendroglioma is unchanged.", "PURPOSE",
     "upgrade", None, None),
    ("coil upgrade", "Known grade 2 astrocytoma, imaged after the coil upgrade; no change.", "PURPOSE", "upgrade",
     None, None),
    ("protocol upgrade", "Grade 2 glioma; protocol upgrade to the 3T spectroscopy sequence.", "PURPOSE", "upgrade",
     None, None),
    ("membership upgrade", "Grade 2 astrocytoma. Gym membership upgrade discussed for exercise.", "PURPOSE",
     "upgrade", None, None),
    ("upgrade of the magnet", "Grade 2 astrocytoma; repeat study after the upgrade of the 3T magnet.", "PURPOSE",
     "upgrade", None, None),
    ("seat upgrade", "Flying to the clinic; requested a seat upgrade for the long flight.", "PURPOSE", "upgrade",
     None, None),
    # near misses: a tumour or a grade upgrades
    ("near: concern for upgrade to grade 3", "Known grade 2 astrocytoma with new enhancement, concern for upgrade "
     "to grade 3.", "PURPOSE", "upgrade", U, None),
    ("near: upgrading of the tumour", "Known grade 2 oligodendroglioma; MRS to look for upgrading of the "
     "oligodendroglioma.", "PURPOSE", "upgrading", U, None),
    ("near: upgrade on MRI", "Grade 2 glioma, question of upgrade on MRI.", "PURPOSE", "upgrade", U, None),
]


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected", "rule"), CASES, ids=[c[0] for c in CASES])
def test_set_aside_and_equipment_upgrade(mentions, case, text, concept, span, expected, rule):  # type: ignore[no-untyped-def]
    if expected is None:
        found = [m for m in mentions(text) if m.concept == concept and m.text == span]
        assert not found, f"{span!r} must not be a {concept}: {found}"
        return
    m = find_mention(mentions, text, concept, span)
    assert set(m.modifiers) & ASSERTIONS == expected, (m.modifiers, m.modifier_rules)
    if rule is not None:
        assert rule in m.modifier_rules, m.modifier_rules
