"""Three readings, through the real NLP stage and fact mapper.

1. A history header with its content on its own line ("Family history: a cousin with MELAS.") heads that
   paragraph only: a letter's next paragraph, after a blank line, is the patient's again (scopes.section_category).
   A header alone on its line heads its whole section, blank lines included.
2. An artifact that the report keeps outside the brain or calls harmless in other words ("susceptibility artifact
   confined to the left chest wall; intracranial images diagnostic") leaves the study technically adequate: no
   technical limitation, no technical repeat (cue technical.harmless).
3. A lay person's worry quoted in their own words ("she is worried "it could be a tumor like her uncle had"") is no
   clinical suspicion (hyp.lay_worry); the clinician's own worry stays suspicion.

Rows are freshly written; rows marked "near miss" must keep today's reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
R = "Request date: 11/20/2026\n"

# ------------------------------------------------------------------ 1. inline history headers
INLINE_HEADERS = [
    ("family line, then the plan paragraph", R + "Dear Dr Amos,\n\nFamily history: a maternal cousin is said to "
     "have MELAS.\n\nI suspect a mitochondrial disorder. Spectroscopy looking for a lactate peak would steer us "
     "towards a muscle biopsy.\n", {"mitochondrial_disorder": S, "mrs_purpose": P}),
    ("family line, then the assessment", R + "Family Hx: father had a glioblastoma at 60.\n\nAssessment: "
     "enhancing right frontal mass, likely glioblastoma.\n", {"glial_neoplasm": S}),
    ("family line, then a seizure history", R + "FHx: brother with epilepsy.\n\nShe had two focal seizures "
     "this month.\n", {"seizures": P}),
    ("near miss: the family line itself", R + "Family history: a maternal cousin is said to have MELAS.\n\n"
     "Plan: clinic review in 3 months.\n", {"mitochondrial_disorder": N}),
    ("near miss: header alone on its line", R + "FAMILY HISTORY:\nFather: glioblastoma at 60.\n\nMother: "
     "epilepsy.\n", {"glial_neoplasm": N, "epilepsy": N}),
    ("near miss: no blank line, the family paragraph goes on", R + "Family history: father had a glioblastoma "
     "at 60.\nHis sister has epilepsy.\n", {"glial_neoplasm": N, "epilepsy": N}),
]


@pytest.mark.parametrize(("case", "text", "expected"), INLINE_HEADERS, ids=[c[0] for c in INLINE_HEADERS])
def test_an_inline_history_header_heads_its_paragraph(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)


# ------------------------------------------------------------------ 2. a harmless artifact
REPORT = R + "MRI BRAIN WITH AND WITHOUT CONTRAST 10/30/2026\nFINDINGS: Enhancing nodule at the resection margin. "
HARMLESS = [
    ("confined to the chest, images diagnostic", REPORT + "Pacemaker susceptibility artifact confined to the "
     "left chest wall; intracranial images diagnostic.\nIMPRESSION: progression versus treatment effect.\n",
     {"prior_imaging_technically_limited": A, "technical_repeat": N}),
    ("limited to the scalp", REPORT + "Susceptibility artifact limited to the scalp from a surgical clip.\n"
     "IMPRESSION: progression versus treatment effect.\n", {"prior_imaging_technically_limited": A}),
    ("brain sequences remain fully diagnostic", REPORT + "Dental artifact; brain sequences remain fully "
     "diagnostic.\nIMPRESSION: progression versus treatment effect.\n", {"prior_imaging_technically_limited": A}),
    ("near miss: artifact over the lesion", REPORT + "Susceptibility artifact from the clip obscures the "
     "resection margin.\nIMPRESSION: limited evaluation.\n", {"prior_imaging_technically_limited": P}),
    ("near miss: motion degraded the perfusion", REPORT + "Motion degraded the perfusion sequence, "
     "non-diagnostic.\nIMPRESSION: progression versus treatment effect.\n",
     {"prior_imaging_technically_limited": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), HARMLESS, ids=[c[0] for c in HARMLESS])
def test_a_harmless_artifact_leaves_the_study_adequate(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)


# ------------------------------------------------------------------ 3. a lay worry in quotes
QUOTED_WORRY = [
    ("daughter quoted", R + "Phone call with the daughter. She is worried \"it could be a tumor like her uncle "
     "had\"; reassured that the MRI showed none.\n", {"brain_neoplasm": N}),
    ("husband quoted, curly quotes", R + "Her husband is scared \u201cthe cancer has gone to her brain\u201d.\n",
     {"brain_metastasis": N}),
    ("patient quoted, single quotes", R + "The patient is afraid 'it is a brain tumour like Dad's'.\n",
     {"brain_neoplasm": N}),
    ("near miss: the clinician's worry", R + "I am worried about a glioblastoma given the enhancing mass.\n",
     {"glial_neoplasm": S}),
]


@pytest.mark.parametrize(("case", "text", "expected"), QUOTED_WORRY, ids=[c[0] for c in QUOTED_WORRY])
def test_a_quoted_lay_worry_is_no_suspicion(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)
