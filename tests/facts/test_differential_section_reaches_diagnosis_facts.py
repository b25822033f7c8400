"""A write-up's differential-diagnosis section that reaches its diagnosis reads no study as inconclusive, through the
real NLP stage to the facts (conventional_imaging_inconclusive).

A case report, consult letter or discharge summary carries a section headed "Differential diagnosis" ("DDx",
"Differential") in which the clinician weighs entities, rules them out and ends on a stated diagnosis ("Final
diagnosis: X", "Diagnosis: X", "we therefore concluded ..."). The heading words are a verdict word of the target
rule img.inconclusive; a heading at the start of its line (cue verdict.differential_heading) whose section states a
diagnosis (verdict.differential_concluded) and does not end open after it (verdict.differential_left_open) is no
inconclusive read of the imaging (pipeline/facts/imaging.py differential_section_concluded). Two layouts where the
heading used to count: the write-up follows the MRI report with no heading of its own (the heading lies in the
report's impression section), or the write-up cites the MRI in the sentence before the heading.

Near misses stay inconclusive: the section ends open ("a tumour cannot be excluded; biopsy planned"), or names a
diagnosis and then leaves another open; the report itself is indeterminate; a "Differential diagnosis:" line listing
two entities with no conclusion; a hedged label ("Diagnosis: probable ..."); a "DDx:" inside the impression of the
imaging report.

Limits: only the heading is set aside; other verdict words inside a concluded section ("tumour versus
demyelination" before "Diagnosis: demyelination") still count; the section runs to the next recognised heading.

Rows: id -> (text, expected status of conventional_imaging_inconclusive); a request date is appended. Rows whose id
starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import ClinicalFacts, FactStatus

P, A = FactStatus.PRESENT, FactStatus.ABSENT
F = "conventional_imaging_inconclusive"

TOXIC = ("MRI BRAIN 02/14/2026\nIMPRESSION: Symmetric T2 hyperintensity of both globi pallidi, characteristic of "
         "hypoxic-toxic injury.\n\n")
CITED = ("DISCHARGE SUMMARY\nHistory: 52-year-old man admitted after a house fire. MRI brain 02/14/2026 showed "
         "symmetric pallidal signal change.\n")
SPINE = ("MRI BRAIN 05/03/2026\nIMPRESSION: Multiple ovoid periventricular lesions perpendicular to the ventricles, "
         "typical of demyelinating disease.\n\n")
INDETERMINATE = "MRI BRAIN 05/03/2026\nIMPRESSION: Solitary enhancing left frontal lesion, indeterminate.\n\n"

CASES: dict[str, tuple[str, FactStatus]] = {
    # the write-up follows the report directly: its heading lies in the impression section
    "heading-alone-final-diagnosis": (
        TOXIC + "DIFFERENTIAL DIAGNOSIS\nMethanol toxicity spares the pallidum; Leigh syndrome is unlikely at this "
        "age. Final diagnosis: delayed post-hypoxic leukoencephalopathy.\n", A),
    "ddx-colon-we-concluded": (
        SPINE + "DDx:\nNeuromyelitis optica was excluded by negative AQP4 serology; small vessel disease does not fit "
        "the distribution. We therefore concluded relapsing-remitting multiple sclerosis.\n", A),
    "considerations-heading-diagnosis-label": (
        SPINE + "Differential considerations:\nSusac syndrome is unlikely with a normal fundoscopy. Diagnosis: "
        "multiple sclerosis.\n", A),
    "final-diagnosis-was": (
        TOXIC + "Differential diagnosis:\nWilson disease was ruled out by a normal ceruloplasmin. The final diagnosis "
        "was carbon monoxide encephalopathy.\n", A),
    # the write-up cites the MRI in the sentence before the heading
    "cited-mri-then-concluded-section": (
        TOXIC + CITED + "DIFFERENTIAL DIAGNOSIS\nKernicterus and manganese deposition do not fit the history. "
        "Discharge diagnosis: delayed post-hypoxic injury.\n", A),
    # near misses: the section ends open, or the read itself is open
    "near-section-ends-open": (
        SPINE + "DIFFERENTIAL DIAGNOSIS\nNeuromyelitis optica is unlikely; a tumefactive lesion or lymphoma cannot be "
        "excluded; biopsy planned.\n", P),
    "near-diagnosis-then-left-open": (
        SPINE + "DIFFERENTIAL DIAGNOSIS\nDiagnosis: multiple sclerosis. Lymphoma has not been ruled out; biopsy "
        "pending.\n", P),
    "near-hedged-label": (
        TOXIC + "DIFFERENTIAL DIAGNOSIS\nWilson disease and methanol toxicity. Diagnosis: probable hypoxic "
        "injury.\n", P),
    "near-line-lists-two-no-conclusion": (
        TOXIC + "Differential diagnosis: carbon monoxide injury, Wilson disease.\n", P),
    "near-cited-mri-open-section": (
        TOXIC + CITED + "DIFFERENTIAL DIAGNOSIS\nCarbon monoxide injury or Wilson disease; copper studies "
        "awaited.\n", P),
    "near-report-itself-indeterminate": (
        INDETERMINATE + "DIFFERENTIAL DIAGNOSIS\nAbscess was excluded by normal diffusion. Diagnosis: high-grade "
        "glioma.\n", P),
    "near-ddx-in-the-impression": (
        "MRI BRAIN 05/03/2026\nIMPRESSION: Ring-enhancing right parietal lesion. DDx: abscess, necrotic "
        "metastasis.\n", P),
}


@pytest.mark.parametrize("text, expected", list(CASES.values()), ids=list(CASES))
def test_differential_section_reaches_diagnosis(fragment_facts: Callable[[str], ClinicalFacts], text: str,
                                                expected: FactStatus) -> None:
    check_facts(fragment_facts(text), {F: expected})
