"""A second opinion or re-read that negates an imaging finding of a disease ends that finding, not the disease
(supersession.yaml supersede.finding_attributes; targets.yaml sz.tle_substrate carries finding: substrate).

"On re-review, no hippocampal sclerosis" takes back the MRI's substrate; the temporal lobe epilepsy shown by
video-EEG stays. Near misses: a re-read or second opinion that negates the epilepsy itself ends it; the finding's
own earlier mention is ended.

Rows: id, text, {fact: expected status}. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CASES: list[tuple[str, str, dict[str, FactStatus]]] = [
    ("re-review, no hippocampal sclerosis", "Drug-resistant left temporal lobe epilepsy; video-EEG captured four "
     "seizures of left temporal onset.\nNeuroradiology: on re-review, no hippocampal sclerosis - non-lesional.\n",
     {"epilepsy": P}),
    ("second opinion, no MTS", "Assessment: intractable right mesial temporal lobe epilepsy.\nSecond opinion "
     "(university neuroradiology): no mesial temporal sclerosis is seen.\n", {"epilepsy": P}),
    ("over-read, sclerosis not confirmed", "Focal epilepsy of temporal onset, refractory to three drugs.\n"
     "Over-read 10/12/2026: hippocampal sclerosis is not confirmed; hippocampi symmetric.\n", {"epilepsy": P}),
    ("re-read in the plan", "TLE, drug resistant, phase I work-up.\nPlan: MRS; re-read of the 3T MRI showed no "
     "MTS.\n", {"epilepsy": P}),
    ("re-evaluation, British spelling", "Left temporal lobe epilepsy with focal impaired awareness seizures.\n"
     "Re-evaluation of the images by the MDT: no hippocampal sclerosis; hippocampal volumes symmetrical.\n",
     {"epilepsy": P}),
    ("near: second opinion negates the epilepsy", "Referred with presumed temporal lobe epilepsy.\nSecond opinion: "
     "no epilepsy; the events are convulsive syncope.\n", {"epilepsy": A}),
    ("near: re-review negates temporal lobe epilepsy", "Temporal lobe epilepsy was suspected.\nOn re-review of the "
     "EEG: not temporal lobe epilepsy.\n", {"epilepsy": A}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_finding_supersession(analyze, text: str, expected: dict[str, FactStatus]) -> None:  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)
