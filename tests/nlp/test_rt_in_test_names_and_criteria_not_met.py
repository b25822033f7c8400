""""RT" inside a laboratory test's name is no radiation; "criteria for X not met" is no diagnosis of X (mention level).

Class 1: the radiation target (targets.yaml tx.radiation) read the "RT" of a reverse-transcription test as prior
radiation: "CSF RT-QuIC positive", "SARS-CoV-2 RT-PCR negative", "RT QuIC pending". The test is now a LAB target of
its own (targets.yaml lab.rt_assay) that claims its "RT" (`claims: [tx.radiation]`): no radiation mention at all.
Near misses stay radiation: "s/p RT", "RT/TMZ", "post-RT", "RT-induced", "RT to 60 Gy", "WBRT", "SRS", "no prior RT".

Class 2: criteria a diagnosis does not meet, worded with a verb neg.withdrawn_forward's literals did not list
("doesn't fulfil McDonald criteria for MS", "fails to meet criteria for epilepsy", "criteria were not met for") or
with "not met" after the criteria and their diagnosis ("Criteria for MS not met", "MS criteria not fulfilled"),
read the diagnosis present. Now negated (context.yaml neg.withdrawn_forward's patterns, neg.criteria_not_met_after).
Near misses: criteria met ("meets McDonald criteria for MS", "criteria for MS met in 2020"), another thing's criteria
("criteria for resection not met; MS stable", "in this MS patient, criteria for surgery were not met"), "CDC
criteria met for probable CJD" (suspected, as before).

Rows: text, concept, the mention's text, the expected modifiers among negated/uncertain (None: no mention of the
concept with that text at all), the rule it must cite (None: no check). Ids starting with "near" keep today's reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

AMONG = {"negated", "uncertain"}
NEG, HEDGE, NONE = {"negated"}, {"uncertain"}, set[str]()
FWD, AFTER = "neg.withdrawn_forward", "neg.criteria_not_met_after"
RAD = "PRIOR_RADIATION"

CASES: dict[str, tuple[str, str, str, set[str] | None, str | None]] = {
    # ------------------------------------------------ 1. "RT" inside a test's name
    "rt-quic-csf-positive": ("Repeat CSF RT-QuIC came back positive on 3/2.", RAD, "RT", None, None),
    "rt-pcr-covid-not-detected": ("Nasopharyngeal SARS-CoV-2 RT-PCR: not detected.", RAD, "RT", None, None),
    "rt-pcr-influenza-negative": ("Influenza A/B RT-PCR negative on arrival.", RAD, "RT", None, None),
    "rt-quic-spaced-sent": ("RT QuIC on spinal fluid was sent to the reference lab.", RAD, "RT", None, None),
    "real-time-rt-pcr": ("Real-time RT-PCR for enterovirus in the CSF is negative.", RAD, "RT", None, None),
    "rt-quic-pending-list": ("Pending: 14-3-3 protein, RT-QuIC, total tau.", RAD, "RT", None, None),
    "rt-pcr-is-lab": ("West Nile RT-PCR pending from the state lab.", "LAB", "RT-PCR", set(), None),
    # ------------------------------------------------ 1. near misses: radiation
    "near-rt-dose": ("Completed RT to 59.4 Gy in 33 fractions in 2021.", RAD, "RT", NONE, None),
    "near-sp-rt": ("s/p RT and temozolomide for GBM, 2022.", RAD, "RT", NONE, None),
    "near-post-rt": ("Post-RT enhancement along the left temporal resection margin.", RAD, "RT", NONE, None),
    "near-rt-slash-tmz": ("Concurrent RT/TMZ finished in May.", RAD, "RT", NONE, None),
    "near-rt-induced": ("RT-induced leukoencephalopathy on the follow-up MRI.", RAD, "RT", NONE, None),
    "near-wbrt": ("WBRT for multiple brain metastases in 2020.", RAD, "WBRT", NONE, None),
    "near-srs": ("SRS to the right cerebellar metastasis last spring.", RAD, "SRS", NONE, None),
    "near-no-prior-rt": ("No prior RT to the head or neck.", RAD, "RT", NEG, None),
    # ------------------------------------------------ 2. the criteria not met, "not met" after them
    "criteria-for-not-met": ("Criteria for multiple sclerosis were not met at this visit.", "MULTIPLE_SCLEROSIS",
                             "multiple sclerosis", NEG, AFTER),
    "mcdonald-for-not-fulfilled": ("2017 McDonald criteria for MS not fulfilled.", "MULTIPLE_SCLEROSIS", "MS", NEG,
                                   AFTER),
    "dx-criteria-not-fulfilled": ("Radiologically isolated syndrome; MS criteria not fulfilled.",
                                  "MULTIPLE_SCLEROSIS", "MS", NEG, AFTER),
    "diagnostic-criteria-cjd": ("Diagnostic criteria for CJD not met.", "BRAIN_INFECTION", "CJD", NEG, AFTER),
    "epilepsy-criteria-not-satisfied": ("Epilepsy criteria not satisfied after one unprovoked seizure.", "EPILEPSY",
                                        "Epilepsy", NEG, AFTER),
    "criteria-two-diagnoses": ("Criteria for MS and NMOSD not yet met.", "DEMYELINATION", "NMOSD", NEG, AFTER),
    # ------------------------------------------------ 2. the criteria not met, the verb before them
    "doesnt-fulfil-mcdonald": ("Patient doesn't fulfil the McDonald criteria for multiple sclerosis.",
                               "MULTIPLE_SCLEROSIS", "multiple sclerosis", NEG, FWD),
    "fails-to-meet-ilae": ("Fails to meet ILAE criteria for epilepsy.", "EPILEPSY", "epilepsy", NEG, FWD),
    "failed-to-meet": ("The spells failed to meet criteria for epilepsy.", "EPILEPSY", "epilepsy", NEG, FWD),
    "did-not-satisfy": ("Did not satisfy criteria for ADEM.", "DEMYELINATION", "ADEM", NEG, FWD),
    "criteria-not-met-for": ("Criteria were not met for a diagnosis of epilepsy.", "EPILEPSY", "epilepsy", NEG, FWD),
    "not-fulfilling": ("She is not fulfilling the revised McDonald criteria for MS yet.", "MULTIPLE_SCLEROSIS", "MS",
                       NEG, FWD),
    # ------------------------------------------------ 2. near misses
    "near-meets-mcdonald": ("Meets 2017 McDonald criteria for MS.", "MULTIPLE_SCLEROSIS", "MS", NONE, None),
    "near-criteria-met-year": ("Criteria for MS were met in 2020.", "MULTIPLE_SCLEROSIS", "MS", NONE, None),
    "near-other-criteria-then-dx": ("Criteria for resection not met; MS stable on ocrelizumab.",
                                    "MULTIPLE_SCLEROSIS", "MS", NONE, None),
    "near-dx-before-other-criteria": ("In this MS patient, criteria for surgery were not met.",
                                      "MULTIPLE_SCLEROSIS", "MS", NONE, None),
    "near-cdc-probable": ("CDC criteria met for probable CJD.", "BRAIN_INFECTION", "CJD", HEDGE, None),
    "near-fulfils": ("Fulfils ILAE criteria for epilepsy.", "EPILEPSY", "epilepsy", NONE, None),
    "near-met-then-not": ("Criteria for epilepsy are met; seizures not controlled.", "EPILEPSY", "epilepsy", NONE,
                          None),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), CASES.values(), ids=CASES.keys())
def test_rt_in_test_names_and_criteria_not_met(mentions: Callable[[str], list[Mention]], text: str, concept: str,
                                               span: str, expected: set[str] | None, rule: str | None) -> None:
    if expected is None:
        found = [m for m in mentions(text) if m.concept == concept and m.text == span]
        assert not found, f"{span!r} must not be a {concept}: {[(m.text, m.modifiers) for m in found]}"
        return
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules, mention.modifier_rules
