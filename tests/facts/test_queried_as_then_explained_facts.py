"""A finding "queried as" / "questioned as" / "flagged as" a tumour, then explained otherwise by a later study,
through the real NLP stage to the facts.

Class: a finding that a reader "queried as", "questioned as", "called a possible", "flagged as a possible" or
"raised as" a tumour is a suspicion, not a diagnosis; a grade word ("low-grade") must not make it read as
established. When a later study or report then explains the same finding otherwise ("the 2020 follow-up found a
developmental venous anomaly instead", "repeat imaging showed it to be a perivascular space", "unchanged, consistent
with a cavernoma"), the old question is settled: no current brain_neoplasm, no known_brain_tumor, no glial_neoplasm.

Near misses keep their reading: the suspicion confirmed by tissue ("the resection specimen proved it"), still
concerning or indeterminate on follow-up, "queried" about something that is no diagnosis (a fax number, seizure
frequency), a resected low-grade glioma told plainly.

Rows: id -> (text, {fact: expected status or set of statuses}). Rows whose id starts with "near" must keep their
reading.
"""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
GONE = frozenset({A, N})
"""Settled: no longer suspected (absent when the answer says so, else not documented)."""
NEO, KNOWN, GLIAL = "brain_neoplasm", "known_brain_tumor", "glial_neoplasm"
SETTLED: dict[str, Any] = {NEO: GONE, KNOWN: GONE, GLIAL: GONE}
"""The old question settled by the later explanation."""

CASES: dict[str, tuple[str, dict[str, Any]]] = {
    "queried as low-grade astrocytoma, later MRI found a venous anomaly instead":
        ("A left temporal focus on the 2016 MRI was queried as a possible low-grade astrocytoma. The 2019 "
         "follow-up MRI found a developmental venous anomaly instead.", SETTLED),
    "questioned as a DNET, repeat imaging showed a perivascular space":
        ("An area in the right mesial temporal lobe was questioned as a DNET in 2018. Repeat imaging in 2021 "
         "showed it to be an enlarged perivascular space.", SETTLED),
    "flagged as possible metastasis, unchanged and consistent with cavernoma":
        ("A 6 mm cerebellar nodule was flagged as a possible metastasis by the outside radiologist in 2022. "
         "Repeat MRI 2024: unchanged, consistent with a cavernoma.", SETTLED),
    "called a possible low-grade glioma, later study explained as cortical dysplasia":
        ("The 2015 scan called the right frontal signal a possible low-grade glioma. The 2017 MRI showed it to "
         "be focal cortical dysplasia.", SETTLED),
    "raised as an oligodendroglioma, follow-up fits a remote infarct":
        ("A left parietal cortical lesion was raised as an oligodendroglioma on the 2014 CT. Follow-up MRI in "
         "2016 found an old infarct instead.", SETTLED),
    "queried as grade 2 glioma, next MRI a venous angioma":
        ("A right insular abnormality got queried as possible grade 2 glioma on a 2017 scan; the 2019 study "
         "found a venous angioma instead.", SETTLED),
    "questioned as a ganglioglioma, 2023 study consistent with hippocampal sclerosis":
        ("The 2020 MRI questioned the left hippocampal signal as a possible ganglioglioma. The 2023 epilepsy "
         "protocol MRI was consistent with hippocampal sclerosis instead.", SETTLED),
    "flagged as low-grade tumour, repeat scan showed demyelination":
        ("A periventricular lesion was flagged as a possible low-grade tumour in 2019. A repeat scan in 2020 "
         "showed it to be a demyelinating plaque.", SETTLED),
    "queried as astrocytoma, follow-up showed a neuroepithelial cyst":
        ("A thalamic lesion was queried as a pilocytic astrocytoma on the 2012 MRI. The 2014 follow-up scan "
         "showed a simple neuroepithelial cyst instead.", SETTLED),
    "queried as metastasis, later CT found a calcified granuloma":
        ("A small frontal lesion was queried as a metastasis on the staging CT in 2021. The 2022 MRI found a "
         "calcified granuloma instead.", SETTLED),
    "questioned as low-grade glioma, later report explains it as gliosis":
        ("The outside report questioned the left occipital area as a low-grade glioma in 2018. Our 2020 "
         "review explained it as post-traumatic gliosis.", SETTLED),
    "flagged as possible ependymoma, follow-up unchanged consistent with a cyst":
        ("A fourth ventricle abnormality was flagged as a possible ependymoma in 2013. Follow-up MRI in 2015: "
         "unchanged, consistent with an arachnoid cyst.", SETTLED),
    # still a suspicion: nothing later explains it otherwise
    "queried as a glioma, follow-up shows growth, still concerning":
        ("A left frontal lesion was queried as a glioma in 2024. Follow-up MRI shows growth - still concerning "
         "for tumour.", {NEO: S}),
    "queried as metastasis, remains indeterminate":
        ("A cerebellar lesion queried as a metastasis remains indeterminate on the latest scan.", {NEO: S}),
    "questioned as DNET, follow-up shows enlargement":
        ("An area questioned as a DNET in 2021 has enlarged on the 2024 follow-up MRI, suspicious for a "
         "neoplasm.", {NEO: S}),
    "queried as glioma, follow-up found no change":
        ("A left insular focus on the 2023 MRI was queried as grade II glioma. Follow-up MRI in 2024 found "
         "no change.", {NEO: S}),
    "queried as metastasis, follow-up planned":
        ("A left frontal lesion was queried as a metastasis in 2025. Follow-up MRI in 2026 is planned.",
         {NEO: S}),
    # near misses: the reading must not change
    "near queried as oligodendroglioma, resection specimen proved it":
        ("A right frontal mass was queried as an oligodendroglioma on the 2022 MRI; the resection specimen "
         "proved it.", {NEO: P}),
    "near the report queried the fax number":
        ("The referral report queried the fax number for the radiology department.", {NEO: N, GLIAL: N}),
    "near low-grade glioma resected":
        ("Low-grade glioma of the left frontal lobe resected in 2019.", {NEO: P, KNOWN: P, GLIAL: P}),
    "near physician queried about seizure frequency":
        ("The physician queried the family about seizure frequency over the last month.", {NEO: N, KNOWN: N}),
    "near queried as astrocytoma, no later study":
        ("A right temporal focus was queried as a possible low-grade astrocytoma on the 2025 MRI.",
         {NEO: S, GLIAL: S}),
    "near flagged as metastasis, biopsy confirmed a brain metastasis":
        ("A parietal nodule was flagged as a possible metastasis on CT; biopsy confirmed a brain metastasis from melanoma.",
         {NEO: P}),
    "near known glioblastoma, a new focus queried as recurrence is a cavernoma":
        ("Known left temporal glioblastoma, resected 2023. A new focus on the 2025 MRI, explained as a "
         "cavernoma on follow-up.", {NEO: P, KNOWN: P}),
    "near flagged as a possible metastasis, still open":
        ("A dural nodule was flagged as a possible metastasis by the radiologist; follow-up MRI is planned.",
         {NEO: S}),
    "near form flagged as incomplete":
        ("The prior authorization form was flagged as incomplete by the payer.", {NEO: N, KNOWN: N}),
    "near queried as to whether contrast was given, known glioblastoma":
        ("Known right temporal glioblastoma. The technologist was queried as to whether contrast had been "
         "given.", {NEO: P, KNOWN: P}),
    "near known oligodendroglioma flagged as high priority":
        ("Her known oligodendroglioma was flagged as high priority for the tumour board.", {NEO: P, KNOWN: P}),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_queried_as_then_explained(fragment_facts, text: str, expected: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    facts = fragment_facts(text)
    for name, want in expected.items():
        f = facts.facts[name]
        allowed = want if isinstance(want, frozenset) else {want}
        assert f.status in allowed, (name, f.status, f.note, [(e.text, e.assertion, e.modifier_rules) for e in f.evidence],
                                     [(e.text, e.attributes.get("superseded_by")) for e in f.ignored])
