"""What "vs" and a question do not hedge: the imaging verdict and the reach of the "versus" cue.

- "VS" in capitals used as a noun is the abbreviation of vestibular schwannoma (targets.yaml
  neo.vestibular_schwannoma_abbrev: after a laterality, a size, an article or a possessive, before its measure,
  Koos grade, growth or size; neo.vestibular_schwannoma_defined: anywhere in a document that defines it). It is a
  tumour, no inconclusive verdict word and no "versus" cue (the rules claim its word). Near misses: "glioma VS
  metastasis", "abscess VS necrotic met" stay a differential.
- "vs" between two ways of managing the patient (look.treatment_choice: "SRS vs microsurgery", "drain vs
  resect") chooses a treatment: no inconclusive read, and the "versus" cue hedges only the options, no diagnosis
  around them. Near misses: "recurrence vs treatment effect", "cyst vs cystic neoplasm", "tumour vs abscess", "low-
  vs high-grade glioma", "progression on TMZ vs radiation necrosis".
- A question quoted from a referring doctor, a consult request or the family asks (facts cue
  verdict.quoted_question): what it names is no read of a study, and its "?" ends its sentence at the closing
  quote, so it does not hedge the consultant's read after it. Near misses: a radiologist's impression "cannot
  exclude low-grade glioma; further workup recommended", a bare "?glioma", a quoted read that asks nothing.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, check_mention, facts_of

from pipeline.contracts import FactStatus

A, P, S, N = FactStatus.ABSENT, FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.NOT_DOCUMENTED
INC = "conventional_imaging_inconclusive"
TUMOR = "brain_neoplasm"

FACTS: list[tuple[str, str, dict[str, FactStatus]]] = [
    # 1. "VS" the tumour
    ("vs-after-laterality", "CT temporal bones 09/30/2026 reviewed - left VS, 8 mm, typical appearance.",
     {INC: A, TUMOR: P}),
    ("vs-after-size", "MRI IAC 10/04/2026: a 13 mm VS in the right cerebellopontine angle, classic appearance.",
     {INC: A, TUMOR: P}),
    ("vs-after-possessive", "MRI IAC 10/02/2026: her VS now 16 mm, unchanged in signal; typical appearance.",
     {INC: A, TUMOR: P}),
    ("vs-before-measuring", "MRI IAC 10/05/2026: VS measuring 7 x 5 mm within the canal; typical appearance.",
     {INC: A, TUMOR: P}),
    ("vs-after-koos", "MRI IAC 10/05/2026 shows a Koos 2 VS on the left, classic appearance.", {INC: A, TUMOR: P}),
    ("vs-defined", "Dx: vestibular schwannoma (VS), right.\nMRI IAC 10/03/2026: VS unchanged; typical appearance.",
     {INC: A, TUMOR: P}),
    ("vs-defined-equals", "VS = vestibular schwannoma\nMRI 10/06/2026: no change in the VS; diagnostic study.",
     {INC: A, TUMOR: P}),
    # near misses: "VS" between two diagnoses is "versus"
    ("versus-caps-abscess", "MRI brain 10/01/2026: rim-enhancing lesion, pyogenic abscess VS cystic metastasis.",
     {INC: P}),
    ("versus-caps-pcnsl", "MRI brain 10/01/2026: solitary enhancing mass - PCNSL VS glioblastoma.", {INC: P, TUMOR: S}),
    ("versus-caps-period", "MRI brain 10/01/2026: left frontal mass, GBM VS. metastasis.", {INC: P, TUMOR: S}),
    ("versus-caps-laterality", "MRI brain 10/01/2026: enhancing mass, high-grade glioma VS lymphoma; L VS R "
     "asymmetry of the temporal horns.", {INC: P, TUMOR: S}),
    # 2. "vs" between treatments
    ("choice-surveillance-srs", "MRI brain 10/02/2026: 1.8 cm parafalcine meningioma, typical appearance; "
     "surveillance vs radiosurgery discussed.", {INC: A, TUMOR: P}),
    ("choice-approaches", "MRI sella 10/02/2026 diagnostic for a pituitary macroadenoma; endoscopic vs "
     "transcranial resection to be decided.", {INC: A, TUMOR: P}),
    ("choice-aspiration-excision", "CT head 10/02/2026: 2.5 cm right frontal abscess, classic appearance; aspiration "
     "vs excision.", {INC: A}),
    ("choice-watch-and-scan", "MRI IAC 10/02/2026: typical vestibular schwannoma, 12 mm; watch-and-scan vs SRS.",
     {INC: A, TUMOR: P}),
    ("choice-management", "MRI brain 10/02/2026: convexity meningioma, classic appearance; conservative management "
     "vs surgery reviewed with the patient.", {INC: A, TUMOR: P}),
    ("choice-drugs", "MRI brain 10/02/2026 showed a glioblastoma, consistent with WHO grade 4; re-resection vs "
     "lomustine/bevacizumab.", {INC: A, TUMOR: P}),
    # near misses: a differential
    ("differential-treatment-effect", "MRI brain 10/02/2026: enhancing nodule at the resection margin, recurrence vs "
     "treatment effect.", {INC: P}),
    ("differential-cyst", "MRI brain 10/02/2026: cystic lesion, arachnoid cyst vs cystic neoplasm.",
     {INC: P, TUMOR: S}),
    ("differential-abscess", "MRI brain 10/02/2026: enhancing mass, tumour vs abscess.", {INC: P, TUMOR: S}),
    ("differential-grade", "MRI brain 10/02/2026: nonenhancing mass, low- vs high-grade glioma.", {INC: P, TUMOR: S}),
    ("differential-after-tmz", "MRI brain 10/02/2026: growing enhancement, progression on TMZ vs radiation "
     "necrosis.", {INC: P}),
    # 3. a quoted question
    ("question-consult-line", "Reason for consult: \"incidental left convexity meningioma - operate or keep "
     "scanning?\"\nMRI brain 10/07/2026 reviewed, typical appearance of a meningioma.", {INC: A, TUMOR: P}),
    ("question-same-line", "Question from Dr Osei: 'meningioma - operate or keep scanning?' MRI brain 10/07/2026 "
     "reviewed: classic for a meningioma.", {INC: A, TUMOR: P}),
    ("question-referral-ct", "Reason for referral: 'could this be a tumour, and is the CT equivocal?'\n"
     "CT head 10/07/2026: classic appearance of a meningioma.", {INC: A, TUMOR: P}),
    ("question-family", "The family asks: \"is the MRI inconclusive?\" MRI brain 10/07/2026 is diagnostic of a "
     "meningioma.", {INC: A, TUMOR: P}),
    ("question-about-study", "Question from neurosurgery about the CT of 10/07/2026: \"is this a meningioma or a "
     "metastasis?\"", {INC: N, TUMOR: S}),
    # near misses: a read
    ("read-impression", "MRI BRAIN 10/07/2026\nFINDINGS: Nonenhancing T2 hyperintense lesion in the left insula.\n"
     "IMPRESSION: Nonenhancing left insular lesion; cannot exclude low-grade glioma; further workup recommended.",
     {INC: P, TUMOR: S}),
    ("read-query-mark", "MRI brain 10/07/2026: indeterminate insular lesion, ?low-grade glioma.", {INC: P}),
    ("read-quoted-not-question", "MRI brain 10/07/2026 was reported as \"equivocal enhancement, cannot exclude "
     "tumour\".", {INC: P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), FACTS, ids=[c[0] for c in FACTS])
def test_versus_and_question_facts(analyze: Any, case: str, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)


U = {"uncertain"}
MENTIONS: list[tuple[str, str, str, str, set[str] | None]] = [
    # the tumour "VS" is no verdict word and hedges nothing
    ("vs-no-verdict-word", "Right VS, 11 mm.", "IMAGING_INCONCLUSIVE", "VS", None),
    ("vs-is-tumour", "Right VS, 11 mm.", "BRAIN_TUMOR", "VS", set()),
    ("vs-defined-not-hedging", "Known acoustic neuroma (VS) on the left, stable.", "BRAIN_TUMOR", "acoustic neuroma",
     set()),
    ("versus-caps-hedges", "Enhancing mass: glioma VS metastasis.", "GLIOMA", "glioma", U),
    ("versus-caps-verdict-word", "Enhancing mass: glioma VS metastasis.", "IMAGING_INCONCLUSIVE", "VS", set()),
    # a treatment choice hedges its options only
    ("choice-spares-diagnosis", "Meningioma confirmed on MRI, SRS vs microsurgery.", "BRAIN_TUMOR", "Meningioma",
     set()),
    ("choice-no-verdict-word", "Meningioma confirmed on MRI, SRS vs microsurgery.", "IMAGING_INCONCLUSIVE", "vs",
     None),
    ("choice-option-hedged", "Meningioma confirmed on MRI, SRS vs microsurgery.", "PRIOR_RADIATION", "SRS", U),
    ("differential-hedges", "Enhancing lesion, recurrence vs treatment effect.", "RECURRENCE", "recurrence", U),
    ("differential-necrosis", "Progression on TMZ vs radiation necrosis.", "IMAGING_INCONCLUSIVE", "vs", set()),
]


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), MENTIONS, ids=[c[0] for c in MENTIONS])
def test_versus_and_question_mentions(mentions: Any, case: str, text: str, concept: str, span: str,
                                      expected: set[str] | None) -> None:
    check_mention(mentions, text, concept, span, expected, among=U if expected is not None else None)
