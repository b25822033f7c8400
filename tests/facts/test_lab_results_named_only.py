"""Laboratory tests that a packet only names are no laboratory results, through the real NLP stage to the fact
labs_documented (facts/derive/documentation.py; cues labs.enclosure_header, labs.enclosure_item, labs.index_entry,
labs.records_requested, labs.pending, labs.resulted in facts/resources/cues.yaml).

A lab counts as reported when a result is given: a value, a flag, a qualitative word (normal, abnormal, negative,
positive, unremarkable, within normal limits), a named variant. A test named only

1. in an enclosure list or a document index (a fax cover sheet's "Enclosed:", "Attachments:", "Documents
   included:", numbered or bulleted items and their wrapped lines under such a heading, "p. 4  Labs 10/29"),
2. in a request for outside records or results ("records requested from the state lab", "we have requested the
   report"),
3. in an order or a line that says the result is pending or not final ("drawn today ... results pending", "not
   finalized - will fax when resulted": "when resulted" is a promise, not a result)

is no result; when such are the packet's only lab mentions, labs_documented is not documented, and Cohere's
"relevant lab results" stays unknown for a metabolic question.

Near misses keep their reading: results given in any of these shapes ("CBC, BMP unremarkable", "ammonia 142 (H)",
"no organic aciduria", one result beside a pending test, a lab table with values), an enclosure line that gives the
values, and an enclosure list followed by the lab report itself later in the packet.

Rows: id, text, expected labs_documented status, and the cue id that the fact's ignored evidence must cite for a
test it set aside (None: no check). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, evaluate_node, facts_of

from pipeline.contracts import FactStatus, TriState

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
ENCLOSED, INDEX, REQUESTED = "labs.enclosure_header", "labs.index_entry", "labs.records_requested"

CASES: list[tuple[str, str, FactStatus, str | None]] = [
    # 1. enclosure lists and document indexes
    ("cover sheet, numbered enclosures", "FAX COVER SHEET\nEnclosed:\n1. Request form\n2. Neurology note 10/30/2026\n"
     "3. Metabolic labs 10/29/2026 (lactate, plasma amino acids, acylcarnitine profile)\n", N, ENCLOSED),
    ("enclosures on the heading's line", "Enclosures: clinic letter 11/02/2026; lab results 10/28/2026 (ammonia, "
     "LFTs)\n", N, ENCLOSED),
    ("attachments with page counts", "Attachments:  neurology note (2 pp), CBC and CMP 10/14/2026 (1 p)\n", N,
     ENCLOSED),
    ("documents included, dashes", "Documents included:\n  - Letter of medical necessity\n  - Bloodwork from "
     "09/30/2026: serum lactate, pyruvate\n  - MRI report\n", N, ENCLOSED),
    ("capitals, lettered items", "ATTACHED:\na) clinic note\nb) genetic testing report (whole exome sequencing), "
     "08/2026\n", N, ENCLOSED),
    ("wrapped enclosure line", "Enclosures: neurology note 10/30/2026; outside laboratory results\n"
     "             (CSF lactate, serum lactate) dated 10/27/2026\n", N, ENCLOSED),
    ("british, enclosed with this letter", "Enclosed with this letter: paediatric neurology letter and metabolic "
     "bloods (plasma amino acids, urine organic acids).\n", N, ENCLOSED),
    ("records enclosed with a count", "Records enclosed (4 pages): office note, very long chain fatty acids "
     "10/05/2026, MRI report\n", N, ENCLOSED),
    ("document index with pages", "Packet contents\np. 1  Request form\np. 2-3  Neurology consult\np. 4  Labs "
     "10/29/2026\n", N, INDEX),
    ("index with page ranges, colon", "Pages 5-6: newborn screening results\nPage 7: MRI brain report 10/02/2026\n",
     N, INDEX),
    ("supporting documents form field", "Supporting documents attached: [X] Clinic notes  [X] Lab results  "
     "[ ] Imaging reports\n", N, ENCLOSED),
    # 2. requests for records
    ("newborn screen records requested", "Newborn screen: records requested from state lab\n", N, REQUESTED),
    ("csf studies requested, not received", "Outside CSF studies: records requested from St. Mary's, not yet "
     "received.\n", N, REQUESTED),
    ("results requested after a dash", "Plasma amino acids done at the referring hospital - results requested.\n", N,
     REQUESTED),
    ("requested records of", "Requested records of the acylcarnitine profile from Children's Hospital; will forward "
     "on receipt.\n", N, REQUESTED),
    ("we have requested the report", "Exome sequencing was done in 2024; we have requested the report from the "
     "outside laboratory.\n", N, REQUESTED),
    ("capitals, copy requested", "NEWBORN SCREEN - copy requested from the state laboratory\n", N, REQUESTED),
    ("abbreviation, outside result requested", "VLCFA: outside result requested 10/30.\n", N, REQUESTED),
    ("request sent for the record", "Cord gas: request sent to the birth hospital for the record.\n", N, REQUESTED),
    # 3. orders, pending and unfinished results
    ("drawn today, results pending", "Labs drawn today: ammonia, lactate - results pending\n", N, None),
    ("not finalized, will fax when resulted", "Metabolic labs (ammonia, lactate) not finalized - will fax when "
     "resulted.\n", N, None),
    ("british, not finalised, once resulted", "Urine organic acids not finalised; we will fax them once resulted.\n",
     N, None),
    ("sent, awaiting results", "Plasma amino acids and urine organic acids sent 10/29, awaiting results.\n", N, None),
    ("collected, result to follow", "Serum lactate collected this morning, result to follow.\n", N, None),
    ("not yet released, when resulted", "Acylcarnitine profile: not yet released, will be faxed when resulted.\n", N,
     None),
    ("ordered for tomorrow", "CBC and CMP ordered for tomorrow.\n", N, None),
    ("drawn at a time, forward once resulted", "Ammonia level drawn at 08:40 today - will forward once resulted.\n", N,
     None),
    ("sent out, not yet back", "Very long chain fatty acids: sent out, not yet back.\n", N, None),
    # near misses: a result is given
    ("near: panels unremarkable", "CBC, BMP unremarkable.\n", P, None),
    ("near: value with a flag", "Ammonia 142 (H)\n", P, None),
    ("near: organic acids, no aciduria", "Urine organic acids: no organic aciduria.\n", P, None),
    ("near: one result beside a pending panel", "ARSA activity low; gene panel pending.\n", P, None),
    ("near: arylsulfatase spelled out, pending panel", "Arylsulfatase A activity low; gene panel pending.\n", P, None),
    ("near: lab table with values", "LABS 10/29/2026\nAmmonia      142    (H)\nLactate      3.4    (H)\n"
     "CBC          normal\n", P, None),
    ("near: enclosure list, then the lab report", "Enclosed:\n1. Clinic note\n2. Metabolic labs 10/29/2026\n\n"
     "LABORATORY REPORT 10/29/2026\nPlasma glycine 1040 umol/L (H)\nSerum lactate 2.1 mmol/L\n", P, None),
    ("near: enclosure line that gives values", "Attached labs: ammonia 142 (H), lactate 3.1.\n", P, None),
    ("near: newborn screen normal per records", "Newborn screen normal per state lab records.\n", P, None),
    ("near: drawn today, one value", "Labs drawn today: ammonia 88 (H), lactate pending.\n", P, None),
    ("near: sent out, resulted normal", "Sent-out VLCFA resulted normal; ABCD1 sequencing pending.\n", P, None),
    ("near: records received with a value", "Outside records received: CSF lactate 4.2 mmol/L.\n", P, None),
    ("near: a field of its own under an indented attachments line", "   Attachments: office notes 10/30/2026\n"
     "   Clinical history: 8 yo boy with regression. Plasma amino acids showed elevated glycine.\n", P, None),
    ("near: enclosure list ended by a blank line", "Enclosed: clinic letter, MRI report\n\nLabs: plasma amino "
     "acids with a marked glycine elevation.\n", P, None),
    ("near: lab line right after the items", "Attachments:\n1. Clinic note\n2. Lab report 10/29/2026\n"
     "Labs 10/29/2026: ammonia 142 (H), lactate normal.\n", P, None),
    ("near: labs attached with a finding", "Labs attached: CBC with mild anemia.\n", P, None),
    ("near: page header, then a value", "Page 2 of 3\nLactate 3.1 mmol/L\n", P, None),
    ("near: outside labs showed a value", "Records were requested from the outside hospital; their labs showed "
     "ammonia 210.\n", P, None),
]


@pytest.mark.parametrize(("text", "status", "cue"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_lab_results_named_only(analyze, text: str, status: FactStatus,  # type: ignore[no-untyped-def]
                                cue: str | None) -> None:
    fact = facts_of(analyze, text).facts["labs_documented"]
    assert fact.status is status, [(e.text, e.attributes.get("cue")) for e in fact.evidence]
    if cue is not None:
        cited = {c for e in fact.ignored for c in e.attributes.get("cue", "").split()}
        assert cue in cited, [(e.text, e.attributes.get("cue")) for e in fact.ignored]


METABOLIC = "Assessment: suspected mitochondrial disorder with episodic lactic acidosis.\n"
COHERE = [
    # id, text, coh.doc.labs
    ("labs only enclosed, metabolic question", METABOLIC + "Enclosed:\n1. Clinic note\n2. Metabolic labs "
     "10/29/2026 (lactate, pyruvate)\n", TriState.UNKNOWN),
    ("labs only requested, metabolic question", METABOLIC + "Outside lactate and pyruvate: records requested.\n",
     TriState.UNKNOWN),
    ("near: labs given, metabolic question", METABOLIC + "Serum lactate 4.1 mmol/L (H), pyruvate 0.21.\n",
     TriState.MET),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in COHERE], ids=[c[0] for c in COHERE])
def test_cohere_relevant_labs(analyze, text: str, expected: TriState) -> None:  # type: ignore[no-untyped-def]
    assert evaluate_node(analyze, text + REQUEST_TAIL, "cohere", "coh.doc.labs") is expected
