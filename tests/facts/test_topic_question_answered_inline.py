"""A topic question ("the tumour question", poss.topic_question) answered in its own sentence by an active verb
before it, the answer given in parentheses, after a dash or after a colon, through the real NLP stage to the facts
(supersession.yaml supersede.answered_question; pipeline/facts/supersession.py _answer_start).

1. "The repeat CT settles the lymphoma question (toxoplasmosis, no lymphoma).", "Biopsy has answered the metastasis
   query (granuloma, no malignancy)": the hedge the topic question raises is settled by the negation in the answer
   (supersede.answered_question) and the study named in the sentence is no inconclusive read through that hedge.
2. "... answers the tumour question: chronic infarct, no tumour": settled by the answer rule itself (not only by
   the form rule form.question.answered_no), and the tumour is not read present.
3. Near misses: an aside parenthesis ("the tumour question (raised by the ED) remains open": suspected), a positive
   answer ("(glioblastoma on frozen section)": present), a question left open ("does not answer the tumour question
   (abscess vs tumour)", "will be answered by the biopsy"), an answer about another concept ("settles the abscess
   question (no abscess)" leaves a "?glioma" of the note open).

Rows: id, text, {fact: expected status}, and a rule id that settled the first fact's hedge (the supersession rule of
one of its ignored mentions; None: no check). Rows
whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
ANSWERED = "supersede.answered_question"
INC = "conventional_imaging_inconclusive"

CASES: list[tuple[str, str, dict[str, FactStatus], str | None]] = [
    # 1. an active answering verb before the question, the answer in parentheses or after a dash
    ("settles, parenthesis", "The repeat CT settles the lymphoma question (toxoplasmosis, no lymphoma).",
     {"cns_lymphoma": A}, ANSWERED),
    ("has answered the query", "Biopsy has answered the metastasis query (granuloma, no metastasis).",
     {"brain_metastasis": A}, ANSWERED),
    ("closes, semicolon inside", "Today's MRI closes the glioma question (DNET; no glioma).",
     {"glial_neoplasm": A}, ANSWERED),
    ("dated MRI already answers", "The 11/02 MRI already answers the tumor question (old infarct, no tumor).",
     {"brain_neoplasm": A, INC: A}, ANSWERED),
    ("British spelling, resolves", "Follow-up MRI resolves the tumour question (chronic infarct, no tumour).",
     {"brain_neoplasm": A}, ANSWERED),
    ("dash answer", "MRI 10/14/2026 answers the lymphoma question - demyelination, no lymphoma.",
     {"cns_lymphoma": A}, ANSWERED),
    ("capitals, line wrap", "REPEAT MRI SETTLED THE\nMETASTASIS QUESTION (CAVERNOMA, NO METASTASIS).",
     {"brain_metastasis": A}, ANSWERED),
    ("earlier hedge settled", "CT 10/01: ?glioma.\nMRI 10/09 has settled the glioma question (cortical dysplasia, "
     "no glioma).", {"glial_neoplasm": A}, ANSWERED),
    ("abbreviation, MS question", "MRI c-spine answers the MS question (no demyelination, not MS).",
     {"multiple_sclerosis": A}, ANSWERED),
    ("en dash answer", "Stereotactic biopsy answered the lymphoma question \u2013 gliosis only, no lymphoma.",
     {"cns_lymphoma": A}, ANSWERED),
    # 2. a colon answer: the answer rule settles it, the infarct does not make the tumour present
    ("colon answer", "The MRI answers the tumour question: no tumour.", {"brain_neoplasm": A}, ANSWERED),
    ("colon, other finding first", "MRI 10/02 answers the tumour question: chronic infarct, no tumour.",
     {"brain_neoplasm": A}, ANSWERED),
    ("colon, study keeps its reading", "MRI 10/02/2026 answers the tumour question: no tumour.",
     {"brain_neoplasm": A, INC: A}, ANSWERED),
    ("colon, infarct first, dated", "MRI 10/02/2026 settles the tumor question: chronic infarct, no tumor.",
     {"brain_neoplasm": A, INC: A}, ANSWERED),
    ("metastatic disease in the answer", "Biopsy has answered the metastasis query (granuloma, no metastatic disease).",
     {"brain_metastasis": A}, None),
    # 3. near misses
    ("near: a form's item answered No", "Tumour question answered - no.", {"brain_neoplasm": A}, None),
    ("near: an answer that would come", "Spectroscopy would settle the glioma question (no glioma if the NAA peak is "
     "preserved).", {"glial_neoplasm": S}, None),
    ("near: aside before a question left open", "MRI 10/02/2026 (no tumour seen on it) does not settle the lymphoma "
     "question.", {"cns_lymphoma": S}, None),
    ("near: aside parenthesis, remains open", "The tumour question (raised by the ED) remains open.",
     {"brain_neoplasm": S}, None),
    ("near: positive answer", "Surgery answers the tumour question (glioblastoma on frozen section).",
     {"glial_neoplasm": P}, None),
    ("near: question left open", "MRI does not answer the tumour question (abscess vs tumour).",
     {"brain_neoplasm": S}, None),
    ("near: will be answered by the biopsy", "The tumour question will be answered by the biopsy.",
     {"brain_neoplasm": S}, None),
    ("near: answer about another concept", "CT 10/01: ?glioma.\nMRI 10/09 settles the abscess question (no "
     "abscess).", {"glial_neoplasm": S}, None),
    ("near: not answered, parenthesis", "The MRI has not settled the lymphoma question (lymphoma vs toxoplasmosis).",
     {"cns_lymphoma": S}, None),
]


@pytest.mark.parametrize(("text", "expected", "rule"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_topic_question_answered_inline(analyze, text: str, expected: dict[str, FactStatus],  # type: ignore[no-untyped-def]
                                        rule: str | None) -> None:
    facts = facts_of(analyze, text)
    check_facts(facts, expected)
    if rule is not None:
        first = facts.facts[next(iter(expected))]
        assert any(rule in str(e.attributes.get("supersession_rule", "")).split() for e in first.ignored), \
            [(e.text, e.attributes.get("supersession_rule")) for e in first.ignored]
