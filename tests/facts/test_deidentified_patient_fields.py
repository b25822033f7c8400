"""A de-identification placeholder in a patient field names nobody (facts/patient_pages.py, rules in
facts/resources/documents.yaml `patient_pages.placeholders`: deid.bracketed_tag, deid.redaction_word,
deid.mask_run).

Packets released by research networks, registries or hospitals that de-identify outbound records put placeholders
where names and dates were: MIMIC-style double-star brackets, an entity tag in angle or square brackets, the word
"redacted", runs of X, asterisks or block characters. A patient field (or a DOB) holding only such a placeholder is
neither the member nor another patient: it never sets a page aside by itself. A placeholder on the request form
leaves the member's name unknown: a real name on a later page cannot be compared with it and the page is kept (a
real different date of birth still sets it aside).

Packets: page 1 the request form (the member field under test), page 2 a clinic note with focal seizures whose
patient field is under test, page 3 a neuro-oncology note with a glioblastoma. Rows: id, form member line, page-2
patient line, page-3 patient line, {fact: expected status}. Rows whose id starts with "near" must keep their
reading.
"""

from __future__ import annotations

from datetime import date

import pytest
from text_to_criteria import check_facts, paged_facts_of

from pipeline.contracts import FactStatus
from pipeline.facts.dates import parse_date

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED

FORM = """PRIOR AUTHORIZATION REQUEST - ADVANCED IMAGING
Date of request: 11/20/2026
{member}
Member ID: QXR-4471-20915
Ordering provider: Ilse Marchetti, MD (Neurology)
CPT: 76390 Magnetic resonance spectroscopy
ICD-10: R90.89 Other abnormal findings on imaging of the central nervous system
Reason: characterize an indeterminate temporal lesion
"""
CLINIC = """NEUROLOGY CLINIC NOTE
{patient}
HPI: Three months of new focal seizures with word-finding pauses.
Assessment: focal seizures; MRI brain 10/30/2026 showed a nonenhancing left temporal lesion, indeterminate.
Plan: MR spectroscopy to characterize the lesion.
"""
ONCOLOGY = """ONCOLOGY FOLLOW-UP
{patient}
Glioblastoma, IDH-wildtype, s/p resection and chemoradiation in 2024. Stable on surveillance.
"""

REAL = "Member name: Castellano, Rafael D.        DOB: 04/19/1990"

CASES: list[tuple[str, str, str, str, dict[str, FactStatus]]] = [
    # placeholders on the form and on the notes: nobody named, every page counts
    ("angle tags on the form, mimic brackets on the note", "Patient: <PERSON>     DOB: <DATE>",
     "Pt name: [**First Name 12**] [**Last Name 88**]", "", {"seizures": P}),
    ("x runs on the form, redacted name field", "Member: XXXX XXXX",
     "Name: [REDACTED]    DOB: [REDACTED]    MRN: [REDACTED]", "", {"seizures": P}),
    ("block characters on the form and the report", "Member name: ███████ ████",
     "PATIENT: ██████ ██      DOB: ██/██/████", "", {"seizures": P}),
    ("mimic known lastname, both pages", "Patient: [**Known lastname 4471**], [**Known firstname 203**]",
     "Patient: [**Known lastname 4471**]     DOB: [**2186-10-2**]", "Pt: [**Name (NI) 55**]",
     {"seizures": P, "glial_neoplasm": P}),
    ("asterisk runs and a lower-case redaction", "Patient: ***** ***",
     "Patient: (redacted)     MRN: *******", "Patient name: [Patient Name]", {"seizures": P, "glial_neoplasm": P}),
    ("real member, placeholders on the notes", REAL, "Patient: <PATIENT>     MRN <ID>",
     "Patient: [**Name**]   DOB: [**2101-3-4**]", {"seizures": P, "glial_neoplasm": P}),
    ("mimic date of birth under a real member name", "Patient: Castellano, Rafael D.   DOB: [**2186-10-2**]",
     "Patient: Rafael D. Castellano   DOB 04/19/1990", "Patient: [**Name**]", {"seizures": P, "glial_neoplasm": P}),
    # near misses: a real other patient is still set aside, a note of error still counts
    ("near: real second patient beside a real member", REAL, "Patient: Castellano, Rafael D.",
     "Patient: Vance, Harold     DOB: 02/11/1950", {"seizures": P, "glial_neoplasm": N}),
    ("near: placeholder member, page received in error", "Patient: <PERSON>", "Patient: <PERSON>",
     "** PAGE RECEIVED IN ERROR - belongs to another patient **", {"seizures": P, "glial_neoplasm": N}),
    ("near: placeholder DOB beside a real different name", REAL, "Patient: Castellano, Rafael D.",
     "Patient: Vance, Harold     DOB: [**2101-3-4**]", {"seizures": P, "glial_neoplasm": N}),
    ("near: placeholder member, a real name on a page is kept", "Member: XXXX XXXX", "Name: [REDACTED]  MRN: [REDACTED]",
     "Patient: Vance, Harold", {"seizures": P, "glial_neoplasm": P}),
    ("near: placeholder member name, real DOB, another real DOB", "Patient: <PERSON>     DOB: 04/19/1990",
     "Patient: [**Name**]", "Patient: Vance, Harold     DOB: 02/11/1950", {"seizures": P, "glial_neoplasm": N}),
    ("near: a real name after a mimic first name is read", REAL, "Patient: Castellano, Rafael D.",
     "Patient: [**First Name 12**] Vance     DOB: 02/11/1950", {"seizures": P, "glial_neoplasm": N}),
]


def _packet(member: str, clinic: str, oncology: str) -> str:
    return "\n\f\n".join([FORM.format(member=member), CLINIC.format(patient=clinic),
                          ONCOLOGY.format(patient=oncology)])


@pytest.mark.parametrize(("member", "clinic", "oncology", "expected"),
                         [pytest.param(m, c, o, e, id=i) for i, m, c, o, e in CASES])
def test_deidentified_patient_field(analyze, member, clinic, oncology, expected):
    facts = paged_facts_of(analyze, _packet(member, clinic, oncology))
    check_facts(facts, expected)
    for name, status in expected.items():  # a page kept is kept whole: nothing of it is set aside
        aside = [e for e in facts.facts[name].ignored if e.attributes.get("other_patient")]
        assert bool(aside) is (status is N), (name, [(e.page, e.attributes) for e in aside])


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("[**2186-10-2**]", date(2186, 10, 2), id="mimic bracketed, one-digit day"),
    pytest.param("2101-3-4", date(2101, 3, 4), id="one-digit month and day"),
    pytest.param("2026-11-20", date(2026, 11, 20), id="near: ISO unchanged"),
    pytest.param("10/2/2026", date(2026, 10, 2), id="near: month first unchanged"),
    pytest.param("555-1234-5-67", None, id="near: a number run is no date"),
    pytest.param("2186-13-2", None, id="near: no month 13"),
])
def test_deidentified_dates_read(text, expected):
    """A MIMIC-style shifted date reads as a date (pipeline/facts/dates.py parse_date); other shapes keep theirs."""
    assert parse_date(text) == expected
