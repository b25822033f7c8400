"""The language of later reads: addendum headers with their date, withdrawn diagnoses, results negative for a finding.

Fresh sentences; near misses keep today's reading.
"""

from __future__ import annotations

import pytest

# text, the section category of the line "Findings ...", or None for no addendum section
HEADERS = [
    ("ADDENDUM (11/11/2026): Findings are diagnostic of an abscess.\n", "addendum"),
    ("Addendum 11/11/2026 - Findings are diagnostic of an abscess.\n", "addendum"),
    ("RADIOLOGY ADDENDUM 11/11/2026\nFindings are diagnostic of an abscess.\n", "addendum"),
    ("Amended report #2:\nFindings are diagnostic of an abscess.\n", "addendum"),
    ("Corrected impression dated 11/11/2026:\nFindings are diagnostic of an abscess.\n", "addendum"),
    # an addendum heading set off by a rule of marks (sec.addendum_banner)
    ("Signed 11/03/2026.\n  ******************** ADDENDUM ********************  11/04/2026 10:52\n"
     "Findings are diagnostic of an abscess.\n", "addendum"),
    ("Signed 11/03/2026.\n=== ADDENDUM === (neuroradiology)\nFindings are diagnostic of an abscess.\n", "addendum"),
    ("Signed 11/03/2026.\n----- Addendum -----\nFindings are diagnostic of an abscess.\n", "addendum"),
    ("*** Report addendum ***\nFindings are diagnostic of an abscess.\n", "addendum"),
    # near misses: prose that starts with the word is no header
    ("Addendum was discussed with Dr. Roy. Findings are diagnostic of an abscess.\n", None),
    ("Corrected calcium 9.1. Findings are diagnostic of an abscess.\n", None),
    ("See the -- addendum -- of yesterday. Findings are diagnostic of an abscess.\n", None),
]


@pytest.mark.parametrize(("text", "expected"), HEADERS, ids=[h[0][:40] for h in HEADERS])
def test_addendum_headers_with_a_date(analyze, text, expected):  # type: ignore[no-untyped-def]
    result = analyze(text)
    at = text.index("diagnostic")
    section = next((s.category for s in result.sections if s.start <= at < s.end), None)
    assert (section if section == "addendum" else None) == expected


PATHOLOGY_HEADERS = [
    ("SURGICAL PATHOLOGY REPORT\nSpecimen: right frontal lesion. Consistent with abscess.\n", "pathology"),
    ("FINAL DIAGNOSIS:\nConsistent with abscess.\n", "pathology"),
    ("Neuropathology (10/09/2026):\nConsistent with abscess.\n", "pathology"),
    # near misses: the word in prose; an inline result stays one sentence (its words mark it as pathology)
    ("The pathology team reviewed it. Consistent with abscess.\n", None),
    ("Pathology: Consistent with abscess.\n", None),
]


@pytest.mark.parametrize(("text", "expected"), PATHOLOGY_HEADERS, ids=[h[0][:30] for h in PATHOLOGY_HEADERS])
def test_pathology_headers(analyze, text, expected):  # type: ignore[no-untyped-def]
    result = analyze(text)
    at = text.index("Consistent")
    section = next((s.category for s in result.sections if s.start <= at < s.end), None)
    assert (section if section == "pathology" else None) == expected


# text, concept, expected assertion (negated / uncertain / present), ConText rule expected among the modifiers
WITHDRAWN = [
    ("The previous diagnosis of multiple sclerosis is not supported.", "MULTIPLE_SCLEROSIS", "negated",
     "neg.withdrawn"),
    ("Neoplasm is no longer favored.", "BRAIN_TUMOR", "negated", "neg.withdrawn"),
    ("Lymphoma is no longer favoured after the biopsy.", "CNS_LYMPHOMA", "negated", "neg.withdrawn"),
    ("She does not meet criteria for multiple sclerosis.", "MULTIPLE_SCLEROSIS", "negated", None),
    ("He does not fulfil McDonald criteria for multiple sclerosis.", "MULTIPLE_SCLEROSIS", "negated",
     "neg.withdrawn_forward"),
    ("Biopsy was negative for neoplasm.", "BRAIN_TUMOR", "negated", "neg.result_negative_for"),
    ("Pathology: negative for tumor.", "BRAIN_TUMOR", "negated", "neg.result_negative_for"),
    ("Cytology came back negative for lymphoma.", "CNS_LYMPHOMA", "negated", "neg.result_negative_for"),
    # near misses
    ("Glioma is favored over abscess.", "GLIOMA", "uncertain", "poss.versus"),
    ("Multiple sclerosis, probable; criteria supported by new lesions.", "MULTIPLE_SCLEROSIS", "uncertain", None),
]


@pytest.mark.parametrize(("text", "concept", "assertion", "rule"), WITHDRAWN, ids=[w[0][:40] for w in WITHDRAWN])
def test_withdrawn_diagnoses_and_negative_results(mentions, text, concept, assertion, rule):  # type: ignore[no-untyped-def]
    [m] = [m for m in mentions(text + "\n") if m.concept == concept]
    if assertion == "present":
        assert not (m.has("negated") or m.has("uncertain"))
    else:
        assert m.has(assertion), m.modifiers
    if rule is not None:
        assert rule in m.modifier_rules


def test_a_disease_service_is_not_the_diagnosis(mentions) -> None:  # type: ignore[no-untyped-def]
    found = mentions("Seen at the MS centre on 10/20/2026; reviewed in the multiple sclerosis clinic.\n")
    assert not [m for m in found if m.concept == "MULTIPLE_SCLEROSIS"]
    assert [m for m in mentions("Known MS since 2019.\n") if m.concept == "MULTIPLE_SCLEROSIS"]
