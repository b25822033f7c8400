"""A later-dated conventional study whose read is definite answers an earlier study's open question, through the real
NLP stage to the facts (derive/imaging.py `_settled_later`).

1. The packet holds two dated studies of the brain: an earlier CT or MRI that is inconclusive ("cyst versus cystic
   neoplasm", "indeterminate", "cannot be characterized") and a later MRI (or a later study of the same modality) whose
   only verdict is conclusive ("diagnostic of", "characteristic of", "consistent with"). Conventional imaging is then
   not "limited / inconclusive" (conventional_imaging_inconclusive absent): the question the early study left open is
   answered by the later one, wherever the reports stand in the text; their dates decide.
2. Near misses (stay inconclusive): the later study is itself inconclusive, or both conclusive and inconclusive; the
   conclusive study is the EARLIER one; a later CT after an inconclusive MRI (a CT does not answer an MRI's question);
   the later study is of the spine; the two studies share a date; the conclusive study has no date.

Limits: a later study's definite read about something else than the open question ("consistent with post-operative
change") still counts as an answer when it is the study's only verdict; undated studies are never settled.
Rows: id, text (a request date is appended), expected status of conventional_imaging_inconclusive. Rows whose id starts
with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.contracts import ClinicalFacts, FactStatus

P, A = FactStatus.PRESENT, FactStatus.ABSENT

CT_OPEN = "CT HEAD WITHOUT CONTRAST 10/02/2026\nImpression: Cystic right frontal lesion, infectious cyst versus cystic neoplasm.\n\n"
MRI_OPEN = "MRI BRAIN W/WO 10/02/2026\nImpression: Indeterminate enhancing left temporal lesion; glioma versus encephalitis.\n\n"

CASES: list[tuple[str, str, FactStatus]] = [
    # 1. the later definite read settles the earlier question
    ("later MRI diagnostic after CT differential",
     CT_OPEN + "MRI BRAIN W/WO 10/09/2026\nImpression: Single cyst with a scolex, diagnostic of neurocysticercosis.", A),
    ("later MRI characteristic after CT differential",
     CT_OPEN + "MRI BRAIN 10/20/2026\nImpression: Appearances are characteristic of a colloid-rich cyst; no solid component.", A),
    ("years-old CT settled by recent MRI",
     "CT HEAD 06/14/2023\nImpression: Indeterminate calcified focus, right parietal.\n\n"
     "MRI BRAIN W/WO 10/20/2026\nImpression: Findings are diagnostic of a calcified granuloma.", A),
    ("later MRI written first in the packet",
     "MRI BRAIN W/WO 10/20/2026\nImpression: Characteristic of an intraventricular meningioma.\n\n"
     "CT HEAD 10/11/2026\nImpression: Hyperdense intraventricular mass, cannot be characterized on CT.", A),
    ("later MRI settles an earlier MRI",
     MRI_OPEN + "MRI BRAIN W/WO 11/01/2026\nImpression: Interval evolution is diagnostic of herpes simplex encephalitis.", A),
    ("later MRI a definitive diagnosis, in a numbered impression",
     CT_OPEN + "MRI BRAIN W/WO 10/09/2026\nImpression:\n1. Parenchymal neurocysticercosis, vesicular stage - definitive dx.", A),
    ("later MRI typical of another disease, no mass, answers a CT's tumour question",
     "CT HEAD 10/02/2026\nImpression: Possible glioma versus subacute infarct.\n\n"
     "MRI BRAIN WITHOUT CONTRAST 10/14/2026\nIMPRESSION: Atrophy pattern typical of Alzheimer disease. No mass. "
     "No acute infarct.", A),
    ("later CT settles an earlier CT",
     CT_OPEN + "CT HEAD WITH CONTRAST 10/12/2026\nImpression: Calcified scolex now evident, diagnostic of neurocysticercosis.", A),
    # 2. near misses: the earlier question stays open
    ("near: later MRI also inconclusive",
     CT_OPEN + "MRI BRAIN W/WO 10/09/2026\nImpression: Cystic lesion, abscess versus necrotic neoplasm; indeterminate.", P),
    ("near: later MRI both definite and open",
     CT_OPEN + "MRI BRAIN W/WO 10/09/2026\nImpression: Consistent with a cyst; a cystic neoplasm cannot be excluded.", P),
    ("near: the conclusive study is the earlier one",
     "CT HEAD 09/20/2026\nImpression: Findings diagnostic of a chronic subdural haematoma.\n\n" + MRI_OPEN.replace("10/02", "10/09"), P),
    ("near: later CT does not answer an MRI question",
     MRI_OPEN + "CT HEAD 10/09/2026\nImpression: Findings consistent with a small chronic infarct.", P),
    ("near: later study of the spine",
     CT_OPEN + "MRI CERVICAL SPINE 10/09/2026\nImpression: Findings diagnostic of a C5-6 disc herniation.", P),
    ("near: both studies on the same date",
     CT_OPEN + "MRI BRAIN W/WO 10/02/2026\nImpression: Diagnostic of neurocysticercosis.", P),
    ("near: conclusive study undated",
     CT_OPEN + "MRI BRAIN W/WO\nImpression: Diagnostic of neurocysticercosis.", P),
    ("near: single inconclusive study",
     MRI_OPEN, P),
    ("near: later MRI without a verdict",
     CT_OPEN + "MRI BRAIN W/WO 10/09/2026\nImpression: Right frontal cystic lesion, 14 mm, unchanged in size.", P),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_later_read_settles_study(fragment_facts: Callable[[str], ClinicalFacts], text: str,
                                  expected: FactStatus) -> None:
    fact = fragment_facts(text).facts["conventional_imaging_inconclusive"]
    assert fact.status is expected, (fact.status, fact.note, [e.text for e in fact.evidence])
