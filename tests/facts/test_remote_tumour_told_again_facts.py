"""A remote brain tumour, told over once and then told again briefly, is still the remote one.

Class: a packet tells a tumour of long ago as treated and over ("Remote hx: ... medulloblastoma resected age 6,
craniospinal RT, off follow-up since 2015": absent, hist.childhood_tumour_over and scope.resolved_course), and tells
the same tumour again, shorter, elsewhere beside a new, unrelated lesion whose differential names a glioma. Some of
those shorter mentions were still read as a current tumour, so brain_neoplasm and known_brain_tumor came out PRESENT
from the remote tumour instead of SUSPECTED from the new lesion's question:
- its head word after the full name ("the old astrocytoma" after "pilocytic astrocytoma excised aged 7"): the
  same-history rule only knew the tumour's exact words;
- a survivor ("known medulloblastoma survivor", "a survivor of childhood ependymoma"): no history cue at all;
- a pointer back ("Medulloblastoma - as above"): not historical, and not a record by the told marks.

Rule: context.yaml hist.survivor / hist.survivor_after (a survivor of the tumour is its history); scope.resolved_course
`same_history`: the over tumour's last words name it too (scopes.py _same_history), and `told_marks` take a pointer
back ("as above", "see above", "as previously noted").

Near misses keep a current reading: a remote tumour that has recurred, one under surveillance, one on treatment now,
a personal-history code beside a recurrent tumour, another tumour named in other words, a relative's tumour, a
survivor whose tumour is followed now.

Limits: the head-word match is by words (the over tumour's last words), not by concept: "glioma" told again after
"pilocytic astrocytoma" is not matched; a survivor of a tumour with nothing over elsewhere stays a historical
(counted) mention. Rows are freshly written; ids starting "near" must keep their reading.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
NEO, KNOWN = "brain_neoplasm", "known_brain_tumor"
NEW_Q = {NEO: S, KNOWN: S}

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "head-word-old": (
        "Remote hx: left cerebellar pilocytic astrocytoma resected age 7, no further treatment, discharged from clinic "
        "2012.\nAssessment: new right frontal lesion; the old astrocytoma is not related.\n"
        "Ddx tumefactive demyelination vs low grade glioma.\n", NEW_Q),
    "head-word-prior-hpi": (
        "History: fourth ventricle anaplastic ependymoma excised at age 3, radiation, no recurrence since.\n"
        "HPI: 41F, new right occipital lesion, felt unrelated to the old ependymoma.\n"
        "Differential: demyelinating plaque vs a glioma.\n", NEW_Q),
    "head-word-problem-list": (
        "Remote hx: vermian desmoplastic medulloblastoma removed at age 8 with craniospinal radiation, nothing since.\n"
        "Problem list: old medulloblastoma; asthma.\nNew left insular lesion, ? glioma vs demyelination.\n", NEW_Q),
    "survivor-known": (
        "Remote hx: medulloblastoma resected age 5, craniospinal RT, off follow-up since 2014.\n"
        "Known medulloblastoma survivor. New left parietal lesion, possibly glioma vs demyelination.\n", NEW_Q),
    "survivor-of-reason": (
        "Reason for MRS: new right parietal lesion in a survivor of childhood ependymoma; demyelination vs glioma.\n"
        "Remote hx: ependymoma excised at age 4, radiation, discharged from oncology clinic 2010.\n", NEW_Q),
    "survivor-plural-phrase": (
        "PMH: pineal germinoma treated with radiation at age 13, cured.\n"
        "Seen in the clinic for germinoma survivors. New thalamic lesion, low grade glioma vs demyelination.\n",
        NEW_Q),
    "survivor-of-head-word": (
        "Remote hx: pilocytic astrocytoma of the right cerebellum removed at age 6, nothing since.\n"
        "A 30-year-old survivor of astrocytoma with a new left frontal lesion. Differential: glioma vs MS plaque.\n",
        NEW_Q),
    "as-above-dash": (
        "Remote hx: medulloblastoma resected age 6, craniospinal RT, off follow-up since 2015.\n"
        "Medulloblastoma - as above.\nNew left parietal lesion. Differential: demyelination vs glioma.\n", NEW_Q),
    "see-above-paren": (
        "Oncologic history: ependymoma removed at age 2, no further treatment, no recurrence.\n"
        "PROBLEMS\nEpendymoma (see above)\nNew right temporal lesion, glioma versus demyelination.\n", NEW_Q),
    "as-previously-noted": (
        "Remote hx: craniopharyngioma resected at age 10, discharged from neurosurgery follow-up 2009.\n"
        "Craniopharyngioma as previously noted.\nNew left frontal lesion: tumefactive demyelination versus a low-grade glioma.\n",
        NEW_Q),
    "code-and-bare-forms": (
        "Remote hx: right cerebellar medulloblastoma resected age 6, craniospinal RT, off follow-up since 2015.\n"
        "Z85.841 Personal history of malignant neoplasm of brain\nPMH: brain tumour as a kid.\n"
        "HPI: new left parietal lesion, unrelated to the old cerebellar medulloblastoma.\n"
        "Differential: demyelination vs a new glioma.\n", NEW_Q),
    "hx-and-prior-forms": (
        "Remote hx: medulloblastoma resected age 6, craniospinal RT, off follow-up since 2015.\nHx medulloblastoma.\n"
        "New left parietal lesion, unrelated to her prior medulloblastoma. Differential: demyelination vs glioma.\n",
        NEW_Q),
    # ---------------------------------------------------------------- near misses
    "near-recurred": (
        "Remote hx: medulloblastoma resected at age 6, craniospinal RT.\n"
        "Medulloblastoma survivor, now recurrence in the resection bed.\n", {NEO: P, KNOWN: P}),
    "near-surveillance": (
        "GBM resected 2024, on surveillance MRIs.\nNew enhancing lesion, glioma versus demyelination.\n",
        {NEO: P, KNOWN: P}),
    "near-code-recurrent": (
        "Z85.841 Personal history of malignant neoplasm of brain\nRecurrent ependymoma, posterior fossa.\n",
        {NEO: P, KNOWN: P}),
    "near-relative": (
        "New left parietal lesion. Differential: demyelination vs glioma.\n"
        "Family history: her brother was treated for medulloblastoma as a child and cured.\n", {NEO: S, KNOWN: S}),
    "near-survivor-on-treatment": (
        "Glioblastoma survivor, currently on maintenance temozolomide.\n", {NEO: P, KNOWN: P}),
    "near-survivor-surveillance": (
        "Survivor of childhood medulloblastoma, on yearly surveillance MRI at the oncology clinic.\n",
        {NEO: P, KNOWN: P}),
    "near-other-tumour-words": (
        "Remote hx: pilocytic astrocytoma removed at age 7, nothing since.\n"
        "Convexity meningioma found on the 2026 MRI, neurosurgery review pending.\n", {NEO: P, KNOWN: P}),
    "near-head-word-active": (
        "Remote hx: pilocytic astrocytoma excised at 9 years, no further treatment.\n"
        "Hx astrocytoma, now with residual enhancing tumour on the latest scan.\n", {NEO: P, KNOWN: P}),
    "near-as-above-current": (
        "Ependymoma resected 03/2026, residual tumour on the fourth ventricle floor.\n"
        "Ependymoma - as above, on radiotherapy.\n", {NEO: P, KNOWN: P}),
    "near-relative-survivor": (
        "Her mother is a breast cancer survivor.\nNew left parietal lesion, glioma vs demyelination.\n",
        {NEO: S, KNOWN: S}),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_remote_tumour_told_again_facts(analyze: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
