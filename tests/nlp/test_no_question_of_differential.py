"""A differential the writer says is not in question is no differential: "no question of X vs Y" negates both.

Class: "there is no question of X versus Y", "without any question of X or Y" (context.yaml neg.no_question_of,
forward, not stopped by the pair's "vs") and "X vs Y is not a question / not in question / not a concern here"
(neg.pair_not_in_question, backward, only right after a pair joined by "vs", "versus" or "or") negate both sides;
the pair's own "vs" or "question of" no longer hedges them (scope.denied_question). "No question that X", "no
question it is X" affirm X (pseudo.no_question_that).

Near misses (unchanged): "question of X vs Y", "the question is X versus Y", "questionable X", "? X vs Y" stay
suspected; "no questions" (the patient's or family's) negates nothing; "no evidence of X; Y versus Z remains a question"
keeps Y and Z suspected; "the glioma is not in question" (one diagnosis, no pair) is no denial.

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS (None: no mention of the concept).
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_mention, facts_of

from pipeline.contracts import FactStatus

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
N, U, P = {"negated"}, {"uncertain"}, set()

CASES: list[tuple[str, str, str, str, set[str] | None]] = [
    # dictated
    ("dictated, recurrence side", "At this point there is no question of recurrent tumour versus radiation injury, "
     "period.", "RECURRENCE", "recurrent tumour", N),
    ("dictated, treatment side", "At this point there is no question of recurrent tumour versus radiation injury, "
     "period.", "TREATMENT_EFFECT", "radiation injury", N),
    ("dictated, glioma side", "I do not think there is any real question here, and there is no question of glioma "
     "versus lymphoma on this scan.", "GLIOMA", "glioma", N),
    ("dictated, lymphoma side", "I do not think there is any real question here, and there is no question of glioma "
     "versus lymphoma on this scan.", "CNS_LYMPHOMA", "lymphoma", N),
    # EHR export
    ("EHR assessment, abscess side", "Assessment: No question of abscess vs metastasis at this time; lesion is a "
     "resolving infarct.", "BRAIN_INFECTION", "abscess", N),
    ("EHR assessment, metastasis side", "Assessment: No question of abscess vs metastasis at this time; lesion is a "
     "resolving infarct.", "BRAIN_METASTASIS", "metastasis", N),
    ("EHR, or-pair", "Impression: There is no question of demyelination or tumor based on the stable exam.",
     "DEMYELINATION", "demyelination", N),
    ("EHR, or-pair, second", "Impression: There is no question of demyelination or tumor based on the stable exam.",
     "BRAIN_TUMOR", "tumor", N),
    ("without any question", "Followed in clinic without any question of progression versus pseudoprogression.",
     "TREATMENT_EFFECT", "pseudoprogression", N),
    ("no longer any question", "After the biopsy there is no longer any question of lymphoma vs toxoplasmosis.",
     "BRAIN_INFECTION", "toxoplasmosis", N),
    # backward: the pair, then the denial
    ("pair not in question", "Tumor recurrence versus treatment effect is not in question at present.",
     "RECURRENCE", "Tumor recurrence", N),
    ("pair not in question, second side", "Tumor recurrence versus treatment effect is not in question at present.",
     "TREATMENT_EFFECT", "treatment effect", N),
    ("pair not a question here", "MS vs glioma is not a question here; classic periventricular plaques.",
     "GLIOMA", "glioma", N),
    ("pair not a concern, or", "Lymphoma or glioblastoma is not a concern here given the clean biopsy.",
     "CNS_LYMPHOMA", "Lymphoma", N),
    ("pair no longer a question", "Radiation necrosis vs recurrence is no longer a question after the resection.",
     "TREATMENT_EFFECT", "Radiation necrosis", N),
    ("terse shorthand", "recurrence vs RT necrosis - not a question, stable x3 scans", "RECURRENCE", "recurrence",
     U),  # a dash between the pair and the denial: not read (limit), stays as today
    ("terse, no question of", "no question of mets vs abscess, pt afebrile", "BRAIN_METASTASIS", "mets", N),
    # letter
    ("letter", "Dear Dr Osei, thank you for seeing Mrs Adeyemi. There is no question of a glioma versus a "
     "demyelinating lesion, as the appearance is typical of a cavernoma.", "DEMYELINATION", "demyelinating lesion", N),
    ("letter, single diagnosis", "Dear colleague, there is no question of recurrence at this stage.", "RECURRENCE",
     "recurrence", N),
    # certainty: "no question that X"
    ("no question that", "There is no question that this represents recurrent glioblastoma.", "GLIOMA",
     "glioblastoma", P),
    ("no question the X is", "No question the abscess has enlarged since Monday.", "BRAIN_INFECTION", "abscess", P),
    ("no question it is", "no question it is a metastasis, given the known melanoma", "BRAIN_METASTASIS",
     "metastasis", P),
    # near misses: unchanged
    ("near: question of pair", "Question of tumour recurrence vs treatment effect on the 10/2026 MRI.",
     "TREATMENT_EFFECT", "treatment effect", U),
    ("near: the question is", "The main question is lymphoma versus glioblastoma.", "CNS_LYMPHOMA", "lymphoma", U),
    ("near: questionable", "Questionable abscess in the right parietal lobe.", "BRAIN_INFECTION", "abscess", U),
    ("near: ? pair", "? glioma vs demyelination", "DEMYELINATION", "demyelination", U),
    ("near: no questions, then a diagnosis", "Patient had no questions; glioma resected 2024, MRS requested.",
     "GLIOMA", "glioma", P),
    # the patient's own questions deny nothing (pseudo.no_question_that; read as negated before)
    ("patient's questions about a disease", "He had no questions about the lymphoma treatment plan.",
     "CNS_LYMPHOMA", "lymphoma", P),
    ("further questions, shorthand", "Pt voiced no further questions re the brain metastasis today.",
     "BRAIN_METASTASIS", "brain metastasis", P),
    ("near: remains a question", "No evidence of abscess; lymphoma versus glioma remains a question.",
     "CNS_LYMPHOMA", "lymphoma", U),
    ("near: remains a question, negated side", "No evidence of abscess; lymphoma versus glioma remains a question.",
     "BRAIN_INFECTION", "abscess", N),
    ("near: one diagnosis not in question", "The glioblastoma diagnosis is not in question; MRS for grading.",
     "GLIOMA", "glioblastoma", P),
    ("near: denial past a stop", "No question of lymphoma; glioma vs abscess remains open.", "GLIOMA", "glioma", U),
    ("near: not a question of", "It is not a question of glioma vs metastasis but of timing.", "GLIOMA", "glioma",
     U),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_no_question_of_differential(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                                     expected: set[str] | None) -> None:
    check_mention(mentions, text, concept, span, expected, among=ASSERTIONS)


TAIL = "\n\nDate of request: 11/20/2026\n"
HISTORY = "Glioblastoma resected 2024, chemoradiation completed 2025.\n"

FACT_CASES: dict[str, tuple[str, FactStatus]] = {
    "denied pair": (HISTORY + "MRI 10/2026: no question of recurrence versus radiation necrosis; stable cavity.\n",
                    FactStatus.ABSENT),
    "denied pair after": (HISTORY + "Recurrence vs radiation necrosis is not in question at this time.\n",
                          FactStatus.ABSENT),
    "near: question of pair": (HISTORY + "MRI 10/2026: question of recurrence versus radiation necrosis.\n",
                               FactStatus.SUSPECTED),
}


@pytest.mark.parametrize(("text", "status"), FACT_CASES.values(), ids=FACT_CASES.keys())
def test_denied_pair_is_no_suspected_recurrence(analyze, text: str,  # type: ignore[no-untyped-def]
                                                status: FactStatus) -> None:
    fact = facts_of(analyze, text + TAIL).facts["recurrent_or_residual_tumor"]
    assert fact.status is status, (fact.status, [e.text for e in fact.evidence])
