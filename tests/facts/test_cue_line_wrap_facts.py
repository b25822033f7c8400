"""A negating or pending phrase broken by a line wrap keeps its meaning: "not yet" + newline + indent + "resulted"
is still a result to come, "no" + newline + "new enhancement" still denies the new finding.

Misread: cue patterns guard a word with a one-character negative lookbehind ("(?<!\\bnot\\s)resulted"); faxed notes
wrap their lines with indentation, so the guard saw two or more whitespace characters, did not fire, and a pending
lab read as a reported result (labs_documented present), a denied new finding as a new one.

Rule (pipeline/cues.py `wrap_proof`, cues labs.resulted and tumor.new_finding in facts/resources/cues.yaml; ConText
needs_* patterns and the patterns in nlp/resources/context.yaml with such a guard): a pattern with a whitespace
lookbehind and nothing tied to line breaks is matched on the text with its whitespace runs read as one space;
offsets are mapped back to the text.

Every row is read in three layouts: on one line, wrapped at the marked place with a newline, and with a newline and
an indentation. Near misses keep their reading: a result wrapped before its verb ("CRP / resulted 42"), results
"returned normal", a "Pending:" list header and its items.

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus
from pipeline.facts.cues import cue

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HPI = "HPI: 9-month-old girl with hypotonia, poor feeding and two episodes of lethargy.\n"
HPI2 = "HPI: 52-year-old man with HIV, two weeks of headache and right arm weakness.\n"
LAYOUTS = {"one-line": " ", "newline": "\n", "indented": "\n   ", "double-space": "  "}

# `|` marks where the line wraps; (text, expected labs_documented)
LAB_ROWS: dict[str, tuple[str, FactStatus]] = {
    "not-yet-wrapped-after-not": (HPI + "Plasma amino acids drawn 08:15, not|yet resulted.", N),
    "not-yet-wrapped-before-resulted": (HPI + "Serum ammonia and lactate sent this morning, not yet|resulted.", N),
    "not-yet-back": (HPI2 + "Cryptococcal antigen sent from the ED, not yet|back.", N),
    "once-resulted": (HPI + "Diet to be adjusted once|resulted; urine organic acids collected today.", N),
    "when-resulted": (HPI2 + "Toxoplasma IgG drawn 11/18, will fax when|resulted.", N),
    "until-resulted": (HPI + "Biotinidase activity sent out; biotin continued until|resulted.", N),
    "not-resulted": (HPI2 + "CD4 count drawn yesterday, not|resulted at the time of this request.", N),
    "if-resulted": (HPI + "Carnitine profile collected; we will call the family if|resulted abnormal.", N),
    "to-be-resulted": (HPI2 + "Viral load sent, to be|resulted next week.", N),
    # near misses: a result is reported
    "near-crp-resulted-value": (HPI2 + "CRP|resulted 42 mg/L this morning.", P),
    "near-results-returned-normal": (HPI + "Serum lactate and pyruvate sent 11/02, results|returned normal.", P),
    "near-lactate-sent-out-resulted": (HPI + "Lactate sent out and|resulted 1.9 (normal).", P),
    "near-ammonia-returned-value": (HPI + "Ammonia drawn at 07:00 returned|at 58.", P),
    "near-cultures-showed": (HPI2 + "Blood cultures|showed no growth at five days.", P),
    "near-own-label-resulted": (HPI + "Resulted: CK|2,100 and lactate 3.4.", P),
    "near-pending-header-items": (HPI + "Pending:\n- whole exome|sequencing\n- acylcarnitine profile", N),
}

RADIATED = "Medulloblastoma, resection and craniospinal radiation in 2014.\nIndication: surveillance, rule out recurrence.\n"
RADIATED2 = "Oligodendroglioma resected 2017, then radiotherapy and PCV.\nQuestion: evaluate for recurrence.\n"
# (text, expected recurrence_vs_treatment_effect)
FINDING_ROWS: dict[str, tuple[str, FactStatus]] = {
    "no-new-enhancement": (RADIATED + "MRI: stable postsurgical changes of the vermis, no|new enhancement.\n", N),
    "without-new-nodularity": (RADIATED2 + "MRI 10/2026: stable postoperative changes in the left frontal lobe, "
                               "without|new nodularity.\n", N),
    "no-evidence-of-growth": (RADIATED2 + "MRI: postoperative changes, unchanged since 2023, no evidence|of "
                              "growth.\n", N),
    # near misses: a new finding is told
    "near-stable-with-new-enhancement": (RADIATED + "MRI: stable postsurgical changes with|new enhancement along "
                                         "the medial margin.\n", P),
    "near-stable-and-enlarging-nodule": (RADIATED2 + "MRI: stable postoperative changes and an|enlarging nodule at "
                                         "the posterior margin.\n", P),
}

REQUEST = "Request date: 11/20/2026\n"
REMOTE = ("PMH: ganglioglioma of the right temporal lobe resected in 2005, yearly MRI until 2015, then discharged from "
          "follow-up.\nMRI 10/2026: remote postoperative changes of the right temporal craniotomy. ")
OVER = {"known_brain_tumor": FactStatus.ABSENT, "recurrent_or_residual_tumor": N}
# a bare progression whose clause names a non-tumor finding, its sign of tumor denied (context.yaml
# reopened_about_tumor.tumor_signs); (text, expected facts)
COURSE_ROWS: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "white-matter-no-enhancement": (REQUEST + REMOTE + "Confluent white matter hyperintensities, no|enhancement, "
                                    "with mild interval progression since 2015.\n", OVER),
    "gliosis-without-mass": (REQUEST + REMOTE + "Gliosis along the old tract without|mass, with interval "
                             "progression.\n", OVER),
    # near miss: a sign of tumor is told
    "near-hyperintensity-nodular-enhancement": (REQUEST + REMOTE + "New FLAIR hyperintensity with nodular|"
                                                "enhancement, with interval progression.\n",
                                                {"recurrent_or_residual_tumor": P}),
}


def _layouts(rows: dict[str, tuple[str, Any]]) -> list[Any]:
    return [pytest.param(text.replace("|", gap), status, id=f"{key}-{name}")
            for key, (text, status) in rows.items() for name, gap in LAYOUTS.items()]


@pytest.mark.parametrize(("text", "status"), _layouts(LAB_ROWS))
def test_lab_phrase_wrapped_keeps_its_reading(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["labs_documented"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.attributes.get('cue')) for e in fact.evidence]}")


@pytest.mark.parametrize(("text", "status"), _layouts(FINDING_ROWS))
def test_new_finding_wrapped_keeps_its_reading(fragment_facts: Any, text: str, status: FactStatus) -> None:
    check_facts(fragment_facts(text), {"recurrence_vs_treatment_effect": status})


@pytest.mark.parametrize(("text", "expected"), _layouts(COURSE_ROWS))
def test_denied_tumor_sign_wrapped_keeps_its_reading(analyze: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text), expected)


@pytest.mark.parametrize("gap", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_spaced_match_keeps_the_offsets_of_the_text(gap: str) -> None:
    text = f"Ferritin sent  Monday,\n  CRP{gap}resulted 42; biotinidase not{gap}yet{gap}resulted."
    hit = cue("labs.resulted").search(text)
    assert hit is not None and text[hit.start:hit.end] == hit.text == "resulted"
    assert hit.start == text.index("resulted")
    assert not cue("labs.resulted").matches(text[hit.end:])
