"""More ways to name a management choice, and a question quoted after the one who asks it.

- "vs" between two ways of managing the patient (look.treatment_choice) also chooses between drugs and regimens
  named by their generic names (targets.yaml treatment_choice_drug: "continue alectinib vs change to brigatinib",
  "encorafenib/binimetinib vs trial enrolment"), between trials and cell therapies ("a CAR-T trial"), between steps
  of a procedure joined by "and" ("cyst aspiration and Ommaya placement vs gross total resection") and between
  CSF diversions ("shunting vs fenestration"), however the choice is introduced ("deciding between", "options
  are"). The prior imaging stays conclusive and the tumour beside it unhedged. Near misses, a differential:
  "progression on nivolumab vs pseudoprogression", "drug toxicity vs PML", "recurrence vs radiation necrosis after
  SRS", "abscess and cerebritis vs necrotic tumour".
- A question quoted after who asks it (facts cue verdict.quoted_question) is no read even when the quote holds a
  statement before its question, its sentence begins before the quote and the quote wraps onto the next line
  ("Re: 68F. Question from Dr Ruiz: \"small tentorial lesion, probable meningioma -\\ndoes it need surgery or more
  imaging?\""); a blank line ends a quote. Near miss: a radiologist's impression "tentorial lesion,
  meningioma favoured; further work-up recommended" stays inconclusive.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, check_mention, facts_of

from pipeline.contracts import FactStatus

A, P, S, N = FactStatus.ABSENT, FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.NOT_DOCUMENTED
INC = "conventional_imaging_inconclusive"
TUMOR = "brain_neoplasm"
MRI = "MRI brain 10/02/2026: "

FACTS: list[tuple[str, str, dict[str, FactStatus]]] = [
    # 1. drugs, regimens and trials as options
    ("drug-continue-or-change", MRI + "known NSCLC metastasis, 8 mm, classic appearance; continue alectinib vs "
     "change to brigatinib.", {INC: A, TUMOR: P}),
    ("drug-regimen-vs-trial", MRI + "melanoma metastasis, typical appearance; encorafenib/binimetinib vs trial "
     "enrolment.", {INC: A, TUMOR: P}),
    ("drug-combo-vs-cell-trial", MRI + "two melanoma metastases, classic appearance; nivolumab-relatlimab vs a "
     "CAR-T trial discussed.", {INC: A, TUMOR: P}),
    ("drug-two-generics", MRI + "recurrent glioblastoma, consistent with progression; carmustine vs "
     "regorafenib.", {INC: A, TUMOR: P}),
    ("drug-line-vs-hospice", MRI + "diffuse leptomeningeal metastasis, diagnostic study; third-line chemo vs "
     "comfort care.", {INC: A}),
    ("drug-hyphenated-platinum", MRI + "medulloblastoma recurrence, classic appearance; carboplatin-etoposide vs "
     "reirradiation.", {INC: A}),
    # multiword procedures joined by "and"
    ("steps-ommaya", MRI + "cystic craniopharyngioma, typical appearance; cyst aspiration and Ommaya placement vs "
     "gross total resection.", {INC: A, TUMOR: P}),
    ("steps-both-sides", "CT head 10/02/2026: 3 cm left parietal abscess, classic appearance; burr-hole aspiration "
     "and drainage vs craniotomy and excision.", {INC: A}),
    ("steps-evd", MRI + "pineal region tumour, classic for a germinoma; EVD insertion and biopsy vs endoscopic "
     "third ventriculostomy.", {INC: A, TUMOR: P}),
    # choices introduced by "deciding between", "options are"
    ("introduced-deciding", MRI + "colloid cyst with hydrocephalus, typical appearance; before deciding between "
     "shunting vs fenestration.", {INC: A}),
    ("introduced-options-are", MRI + "typical vestibular schwannoma, 14 mm; options are SRS vs "
     "microsurgical excision.", {INC: A, TUMOR: P}),
    ("introduced-choice-between", MRI + "arachnoid cyst, classic appearance; choice between marsupialization vs "
     "cystoperitoneal shunt.", {INC: A}),
    # near misses: a differential
    ("differential-pseudoprogression", MRI + "enlarging enhancement, progression on nivolumab vs "
     "pseudoprogression.", {INC: P}),
    ("differential-abscess-and", MRI + "rim-enhancing lesion, abscess and cerebritis vs necrotic tumour.",
     {INC: P, TUMOR: S}),
    ("differential-toxicity", MRI + "new white matter lesions on natalizumab, drug toxicity vs PML.", {INC: P}),
    ("differential-after-srs", MRI + "growing enhancing nodule, recurrence vs radiation necrosis after SRS.",
     {INC: P}),
    # 2. a question quoted after who asks it
    ("question-re-line", "Re: 68F. Question from Dr Ruiz: \"small tentorial lesion - does it need surgery or more "
     "imaging?\"\nMRI brain 10/07/2026 reviewed: classic appearance of a meningioma.", {INC: A, TUMOR: P}),
    ("question-consult-parenthesis", "Consult question (Dr Haddad): \"known parasagittal meningioma, 2.1 cm - "
     "resect or more work-up?\"\nMRI brain 10/07/2026: typical meningioma.", {INC: A, TUMOR: P}),
    ("question-curly", "Re: 55M. Query from Dr Obi: \u201csmall convexity lesion, likely meningioma - operate or "
     "rescan?\u201d MRI brain 10/07/2026 reviewed: diagnostic of a meningioma.", {INC: A, TUMOR: P}),
    ("question-wrapped", "MRI brain 10/07/2026 reviewed. Re: 68F. Question from Dr Ruiz: \"small tentorial lesion, "
     "probable meningioma -\ndoes it need surgery or more imaging?\"", {INC: N}),
    ("question-wrapped-mention-second-line", "Re: 59F. Query from Dr Obi: \u201csmall convexity lesion,\n"
     "?meningioma - operate or further imaging?\u201d", {INC: N}),
    ("question-wrapped-single-quotes", "Re: 71M. Consult question (Dr Haddad): 'known parafalcine lesion, probable "
     "meningioma -\nsurgery or more imaging?'\nMRI brain 10/08/2026: diagnostic of a meningioma.", {INC: A, TUMOR: P}),
    # near misses: a read
    ("read-wrapped-not-question", "MRI brain 10/07/2026 was reported as \"tentorial lesion, possible meningioma -\n"
     "further work-up advised\".", {INC: P}),
    ("read-after-blank-line", "Note from Dr Ruiz: \"see below\n\nMRI brain 10/07/2026: indeterminate tentorial "
     "lesion, possible meningioma; advice?\"", {INC: P}),
    ("read-favoured", "MRI BRAIN 10/07/2026\nIMPRESSION: Tentorial lesion, meningioma favoured; further work-up "
     "recommended.", {INC: P}),
    ("read-quoted-statement", "Re: 68F. MRI brain 10/07/2026 was reported as \"indeterminate tentorial lesion, "
     "cannot exclude meningioma\".", {INC: P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), FACTS, ids=[c[0] for c in FACTS])
def test_choices_and_asked_question_facts(analyze: Any, case: str, text: str,
                                          expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)


U = {"uncertain"}
MENTIONS: list[tuple[str, str, str, str, set[str] | None]] = [
    ("drug-choice-spares-tumour", "Metastasis confirmed on MRI, osimertinib vs SRS.", "BRAIN_METASTASIS",
     "Metastasis",
     set()),
    ("drug-choice-no-verdict-word", "Metastasis confirmed on MRI, lorlatinib vs SRS.", "IMAGING_INCONCLUSIVE",
     "vs", None),
    ("steps-choice-no-verdict-word", "Meningioma on MRI; biopsy and shunt placement vs resection.",
     "IMAGING_INCONCLUSIVE", "vs", None),
    ("differential-drug-keeps-verdict-word", "Progression on osimertinib vs pseudoprogression.",
     "IMAGING_INCONCLUSIVE", "vs", set()),
]


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), MENTIONS, ids=[c[0] for c in MENTIONS])
def test_choices_mentions(mentions: Any, case: str, text: str, concept: str, span: str,
                          expected: set[str] | None) -> None:
    check_mention(mentions, text, concept, span, expected, among=U if expected is not None else None)
