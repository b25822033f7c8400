"""A diagnosis set aside in prose, and an "upgrade" said of a machine, through the real NLP stage to the facts.

A diagnosis dismissed, discounted, never seriously entertained or no longer fitting (`neg.set_aside_verdict`), or
the team's first idea set aside after a turn for another diagnosis (`scope.set_aside` via `raised_after`), is ruled
out: it is no member of glioma_differential, and it settles an earlier hedge of it (supersession.yaml
supersede.settling_rules). An upgrade of a scanner, software, protocol or coil (`look.equipment_upgrade`) raises no
grading_question.

Near misses keep their reading: a diagnosis still possible, a hedge, a suspicion confirmed, a family's view; a
tumour or a grade that upgrades (or may) is still a grading question.

Limits: the set-aside verbs count right after the diagnosis's name only; "MRI upgrade" (a modality word before
"upgrade") is not read as a machine's.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
GQ, GD = "grading_question", "glioma_differential"

CASES = [
    # ---- the rival diagnosis set aside: no differential left
    ("dismissed after the cytology", "Glioblastoma versus lymphoma on the outside MRI. Lymphoma was dismissed after "
     "the CSF flow cytometry.\n", {GD: N}),
    ("no longer fits", "Glioblastoma vs metastasis. Metastasis no longer fits; body CT shows no primary.\n",
     {GD: N}),
    ("first thought, although the course matches", "Lymphoma was the first thought, although the course matches "
     "a glioblastoma better.\n", {GD: N}),
    ("never seriously entertained", "Right frontal mass: glioma vs abscess. An abscess was never seriously "
     "entertained after the DWI.\n", {GD: N}),
    ("discounted", "Possible glioblastoma versus tumefactive demyelination. Demyelination was discounted after "
     "the perfusion study.\n", {GD: N}),
    # ---- near misses: still a differential
    ("near: considered and remains possible", "Glioblastoma versus lymphoma. Lymphoma was considered and remains "
     "possible.\n", {GD: P}),
    ("near: considered, MRS to help", "Glioma versus lymphoma was considered; MRS requested to help.\n", {GD: P}),
    ("near: consider lymphoma", "Glioblastoma vs lymphoma; consider CNS lymphoma given the periventricular spread.\n",
     {GD: P}),
    ("near: a parent dismisses one", "Glioma versus lymphoma; lymphoma was dismissed by her mother.\n", {GD: P}),
    # ---- an upgrade of a machine: no grading question
    ("scanner upgrade", "Known grade 2 astrocytoma. Repeat MRS after the scanner upgrade.\n", {GQ: N}),
    ("protocol upgrade", "Grade 2 glioma; protocol upgrade to the 3T spectroscopy sequence.\n", {GQ: N}),
    ("software upgrade", "WHO grade 2 oligodendroglioma, surveillance MRS following the software upgrade.\n",
     {GQ: N}),
    ("the coil was upgraded", "Grade 2 astrocytoma; the head coil was upgraded, so the MRS is repeated.\n",
     {GQ: N}),
    # ---- near misses: a tumour or a grade upgrades
    ("near: concern for upgrade to grade 3", "Known grade 2 astrocytoma with new enhancement, concern for upgrade "
     "to grade 3.\n", {GQ: P}),
    ("near: upgraded to WHO grade 4", "Grade 2 astrocytoma upgraded to WHO grade 4 on the resection.\n", {GQ: P}),
    ("near: MRS to look for upgrading", "Known grade 2 oligodendroglioma; MRS to look for upgrading of the "
     "oligodendroglioma.\n", {GQ: P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_set_aside_and_equipment_upgrade_facts(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)
