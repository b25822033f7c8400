"""A question about a diagnosis asked on one page and answered by a plain exclusion on a later page, through the real
NLP stage to the facts.

The class: an order's indication, a referral, a consult request or a lab requisition asks about a diagnosis ("r/o",
"evaluate for", "to exclude", "Question: ...?") and a later page, by the specialist who answered it, excludes it in
plain words ("X excluded", "no evidence of X", "X ruled out by ..."). The early question kept the fact suspected
when the answer stood on another page or section, was a bare "no evidence of" (neg.no, no settling rule), was read
as a form answer ("Impression: OTC deficiency excluded"), or stood beside a later study's read.

The rule (pipeline/facts/resources/supersession.yaml supersede.exclusion_answers_question, supersede.exclusion_after,
supersede.question_hedges; the families of one attribute value supersede.named_families): an explicit, unhedged
exclusion settles the question-type hedges of the diagnosis (or of a disease of its family: a urea cycle disorder
covers OTC deficiency) written before it anywhere in the packet (source `settled`).

Near misses keep their reading: an exclusion before a newer question, an exclusion hedged or pending, a planned
exclusion, an exclusion of another disease of the same group (propionic acidaemia vs a urea cycle disorder,
citrullinaemia vs OTC deficiency, Leigh syndrome vs MELAS), a member's exclusion against the family's question, a
relative's exclusion, and a differential (not a question) that a bare "no evidence of" does not settle.

Rows: (id, text with pages separated by form feeds, {fact: expected status}); ids starting "near" must not change.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, paged_facts_of

from pipeline.contracts import FactStatus

P, S, A = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT
IEM, MITO = "inborn_error_of_metabolism", "mitochondrial_disorder"
PAGE = "\n\f\n"

ROWS: list[tuple[str, str, dict[str, FactStatus]]] = [
    # ------------------------------------------------------------ settled: the question answered, the fact absent
    ("otc-requisition-then-genetics",
     "LAB REQUISITION 10/14/2026\nReason for test: hyperammonemia while on valproate, r/o ornithine transcarbamylase "
     "deficiency\n" + PAGE + "GENETICS CLINIC 11/03/2026\nImpression: OTC deficiency excluded - sequencing and urine "
     "orotic acid normal.\n", {IEM: A}),
    ("family-name-covers-member",
     "OUTSIDE LAB ORDER 09/02/2026\nIndication: recurrent vomiting, ammonia 140; rule out citrullinemia.\n" + PAGE
     + "BIOCHEMICAL GENETICS 10/01/2026\nAssessment: A urea cycle disorder has been excluded (plasma amino acids "
     "normal).\n", {IEM: A}),
    ("no-evidence-of-family",
     "REQUISITION\nClinical details: lethargy after a protein load, ?OTC deficiency\n" + PAGE + "METABOLIC CLINIC "
     "LETTER\nImpression: no evidence of urea cycle disorder on repeat testing.\n", {IEM: A}),
    ("melas-question-generic-exclusion",
     "REFERRAL 02/11/2026\nReason: stroke-like episode at 15, evaluate for MELAS.\n" + PAGE + "NEUROMETABOLIC CLINIC "
     "04/20/2026\nImpression: mitochondrial disease ruled out by muscle biopsy and mtDNA sequencing.\n", {MITO: A}),
    ("mito-ruled-out-colon",
     "REFERRAL\nPlease assess for mitochondrial disorder (lactate 2.9, exercise intolerance).\n" + PAGE
     + "METABOLIC CLINIC\nMitochondrial disease ruled out: muscle biopsy and respiratory-chain enzymes normal.\n",
     {MITO: A}),
    ("question-label-then-no-evidence",
     "CONSULT REQUEST\nQuestion: ?mitochondrial disorder - please see.\n" + PAGE + "GENETICS CONSULT\nImpression: No "
     "evidence of a mitochondrial disorder; whole mtDNA sequencing negative.\n", {MITO: A}),
    ("ms-no-evidence-in-clinic",
     "REFERRAL LETTER\nThank you for seeing this 31-year-old; please evaluate for multiple sclerosis.\n" + PAGE
     + "NEUROLOGY OUTPATIENT NOTE\nImpression: no evidence of multiple sclerosis.\n", {"multiple_sclerosis": A}),
    ("ms-excluded-with-reasons",
     "MRI ORDER\nIndication: blurred vision in one eye, r/o MS.\n" + PAGE + "NEUROLOGY CLINIC\nAssessment: multiple "
     "sclerosis excluded - normal MRI of brain and spine, no oligoclonal bands.\n", {"multiple_sclerosis": A}),
    ("abscess-no-evidence-beside-a-study",
     "ED ORDER\nReason: fever and headache, r/o brain abscess.\n" + PAGE + "INFECTIOUS DISEASES CONSULT\nImpression: "
     "no evidence of cerebral abscess on serial imaging.\n", {"brain_infection": A}),
    ("cysticercosis-excluded-tuberculoma-stays",
     "Consult request: ?neurocysticercosis\n" + PAGE + "INFECTIOUS DISEASES CONSULT\nNo evidence of cysticercosis; "
     "serology negative; lesion is a tuberculoma.\n", {"brain_infection": P}),
    ("lymphoma-ruled-out-by-flow",
     "CONSULT REQUEST\nEvaluate for CNS lymphoma.\n" + PAGE + "HAEMATOLOGY CONSULT\nCNS lymphoma was ruled out by "
     "CSF flow cytometry.\n", {"cns_lymphoma": A}),
    ("mld-to-exclude-then-excluded",
     "LAB REQUISITION\nReason for test: motor regression, to exclude metachromatic leukodystrophy.\n" + PAGE
     + "GENETICS NOTE\nResult: metachromatic leukodystrophy has been excluded (arylsulfatase A normal).\n",
     {"leukodystrophy": A}),
    ("argininosuccinic-synonym",
     "REQUISITION\nReason: r/o argininosuccinic aciduria.\n" + PAGE + "METABOLIC NOTE\nArgininosuccinic acidemia "
     "was excluded on amino acid analysis.\n", {IEM: A}),
    # ------------------------------------------------------------ near misses: the fact stays suspected
    ("near: excluded before a newer question",
     "NEUROLOGY 03/2019\nMELAS excluded in 2019 after negative mtDNA testing.\n" + PAGE + "REFERRAL 10/2026\n"
     "Recurrent stroke-like episodes, r/o MELAS again.\n", {MITO: S}),
    ("near: exclusion hedged, panel pending",
     "LAB REQUISITION\nReason: r/o OTC deficiency.\n" + PAGE + "GENETICS NOTE\nImpression: OTC deficiency unlikely; "
     "gene panel pending.\n", {IEM: S}),
    ("near: another disease of the group",
     "LAB REQUISITION\nReason: r/o urea cycle disorder.\n" + PAGE + "GENETICS NOTE\nImpression: propionic acidemia "
     "excluded.\n", {IEM: S}),
    ("near: a member excluded, the family asked",
     "LAB REQUISITION\nReason: evaluate for a urea cycle disorder.\n" + PAGE + "GENETICS NOTE\nImpression: "
     "citrullinemia excluded.\n", {IEM: S}),
    ("near: a sibling member excluded",
     "LAB REQUISITION\nReason: r/o OTC deficiency.\n" + PAGE + "GENETICS NOTE\nImpression: no evidence of "
     "citrullinemia.\n", {IEM: S}),
    ("near: a relative's exclusion",
     "LAB REQUISITION\nReason: r/o OTC deficiency.\n" + PAGE + "GENETICS NOTE\nFamily history: brother - OTC "
     "deficiency excluded.\n", {IEM: S}),
    ("near: another mitochondrial disease ruled out",
     "REFERRAL\nEvaluate for MELAS.\n" + PAGE + "NEUROLOGY NOTE\nLeigh syndrome ruled out.\n", {MITO: S}),
    ("near: a member ruled out, the family asked",
     "REFERRAL\nEvaluate for a mitochondrial disorder.\n" + PAGE + "NEUROLOGY NOTE\nMELAS ruled out by m.3243A>G "
     "testing.\n", {MITO: S}),
    ("near: cannot be excluded",
     "REFERRAL\nEvaluate for MELAS.\n" + PAGE + "NEUROLOGY NOTE\nMELAS cannot be excluded; muscle biopsy planned.\n",
     {MITO: S}),
    ("near: a planned exclusion",
     "REFERRAL\nEvaluate for MS.\n" + PAGE + "NEUROLOGY NOTE\nLumbar puncture planned to exclude multiple "
     "sclerosis.\n", {"multiple_sclerosis": S}),
    ("near: the mother's testing",
     "ORDER\nIndication: r/o MELAS.\n" + PAGE + "GENETICS NOTE\nMother: MELAS ruled out by mtDNA testing.\n",
     {MITO: S}),
    ("near: a differential, not a question, and a bare no-evidence",
     "MRI BRAIN 09/01/2026\nImpression: demyelination versus low-grade glioma.\n" + PAGE + "NEUROLOGY NOTE "
     "10/01/2026\nFollow-up visit. No evidence of demyelination on exam today; will review with neuroradiology.\n",
     {"demyelination": S}),
]


@pytest.mark.parametrize(("case", "text", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_a_later_exclusion_answers_the_question(analyze: Any, case: str, text: str,
                                                expected: dict[str, FactStatus]) -> None:
    check_facts(paged_facts_of(analyze, text + REQUEST_TAIL), expected)


def test_the_settled_question_cites_the_rule(analyze: Any) -> None:
    facts = paged_facts_of(analyze, "REFERRAL\nPlease evaluate for multiple sclerosis.\n" + PAGE
                           + "NEUROLOGY NOTE\nImpression: no evidence of multiple sclerosis.\n" + REQUEST_TAIL)
    [ignored] = [e for e in facts.facts["multiple_sclerosis"].ignored if e.attributes.get("superseded_by")]
    assert ignored.attributes["superseded_by"] == "settled"
    assert "supersede.exclusion_answers_question" in ignored.attributes["supersession_rule"]
