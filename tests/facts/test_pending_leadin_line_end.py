"""A pending lead-in that closes a longer line governs the list below it: the last clause of a line (after its last
sentence mark: ".", ";", "!" or "?"), ending in a colon, that says the tests are pending, awaited, sent or to follow
("Laboratory: nothing recent in our system. Sent this morning, awaiting:" / "ammonia, lactate, CK") heads the items
on the lines below just as a line that is only the lead-in does (tests/facts/test_pending_lab_lists.py); what comes
before it on the line (a section label, other sentences, a labs section that says no results are on hand) does not
matter. The tests below are not resulted: labs_documented stays not_documented (fact labs_documented; cues
labs.list_header, labs.pending, labs.resulted, labs.none in facts/resources/cues.yaml).

Near misses keep their reading (labs present): a pending lead-in in the middle of a line with results after it on
that line ("Pending: mtDNA. Lactate 3.1 (H), CK 410:"), a line that ends in a results lead-in ("Labs today,
results as follows:"), a resulted test before the pending lead-in ("Labs: CBC normal. Pending:"), a value written
on an item line under the lead-in, and a results clause after the pending one.

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HPI = "HPI: 4-year-old girl with hypotonia, global developmental delay and recurrent vomiting.\n"

ROWS: dict[str, tuple[str, FactStatus]] = {
    # 1. a section label and a sentence before the lead-in
    "laboratory-nothing-recent-awaiting": (HPI + "Laboratory: nothing recent in our system. Sent this morning, "
                                           "awaiting:\n  ammonia, lactate, CK", N),
    "labs-caps-semicolon-pending": (HPI + "LABS - outside results not yet received; repeat panel drawn 11/20, "
                                    "pending:\n   pyruvate, acylcarnitines", N),
    "labs-see-below-to-follow-dashes": (HPI + "Labs: see below. Metabolic screen ordered, results to follow:\n - "
                                        "plasma amino acids\n - urine organic acids", N),
    "labs-none-available-drawn-pending": (HPI + "Labs: none available. Drawn today, pending:\n lactate, CK", N),
    "no-labs-on-file-sent-out": (HPI + "Investigations: no labs on file since 2024. Sent out to the reference "
                                 "lab on 11/18:\n  acylcarnitine profile, free carnitine", N),
    "outside-not-received-outstanding": (HPI + "Labs - outside labs not received. Still outstanding:\n1. "
                                         "Ammonia\n2. Lactate", N),
    "british-awaited-bullets": (HPI + "Bloods: taken at the GP surgery on 18/11. Results awaited:\n\u2022 creatine "
                                "kinase\n\u2022 serum lactate", N),
    "question-mark-then-pending": (HPI + "Labs: any from the outside hospital? Not that we could find; drawn here "
                                   "11/19, results pending:\n ammonia and lactate", N),
    "exclamation-then-ordered": (HPI + "Laboratory studies: none done yet! Ordered today (fasting draw), not back "
                                 "yet:\n - NH3\n - CK", N),
    "abbrev-sentence-then-awaiting-numbered": (HPI + "Labs: pt. seen in clinic 11/19. Awaiting results of:\n1) "
                                               "VLCFA\n2) plasma amino acids", N),
    "lower-case-sent-star": (HPI + "labs: nil recent. sent to mayo, results to follow:\n* urine organic acids\n* "
                             "lactate/pyruvate ratio", N),
    "two-sentences-then-pending-wrapped": (HPI + "Labs: prior workup at another centre. Records requested. Repeat "
                                           "studies drawn 11/20, pending:\n  lactate, pyruvate,\n  ammonia", N),
    # near misses: results
    "near-pending-mid-line-values-after": (HPI + "Pending: mtDNA. Lactate 3.1 (H), CK 410:\n ammonia 52, "
                                           "pyruvate 0.14", P),
    "near-results-leadin-line-end": (HPI + "Labs today, results as follows:\n lactate 3.4 (H), CK 220", P),
    "near-cbc-normal-then-pending": (HPI + "Labs: CBC normal. Pending:\n mtDNA", P),
    "near-value-under-pending": (HPI + "Pending:\n lactate 2.8 (H)", P),
    "near-value-under-line-end-pending": (HPI + "Labs: drawn 11/19. Results pending:\n mtDNA sequencing\n "
                                          "lactate 2.8 (H), from the outside hospital", P),
    "near-resulted-after-pending-clause": (HPI + "Labs: sent out 11/10, pending. Resulted 11/18:\n ammonia "
                                           "normal, lactate 2.9 (H)", P),
    "near-results-leadin-after-sentence": (HPI + "Labs: see below. Drawn 11/18, results as follows:\n lactate "
                                           "3.0 (H), CK 180", P),
}


@pytest.mark.parametrize(("text", "status"), ROWS.values(), ids=ROWS.keys())
def test_pending_leadin_line_end(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["labs_documented"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.attributes.get('cue')) for e in fact.evidence]}")
