"""A page about another person introduced by a subject field (rule page.subject_field in facts/resources/documents.yaml
`patient_pages`, with page.subject_initials and page.subject_birth_year): a published case report's "Index case:", a
family study's "Proband:", a research page's "Subject:", a pedigree's "Affected relative:". When its subject is
another person than the member (other initials, another DOB or birth year, another name) and no field of the page
names the member, its clinical content counts for no fact and stays as ignored evidence citing page.subject_field.

Near misses keep the page the member's: the member's initials and DOB in a patient or subject field, the member named
or called "the member" as the index case or proband, a proband named only in a sentence, no subject field at all, a
"Subject:" line that is no person (an e-mail subject without a DOB, age or sex).

Packets: page 1 a request form with the member's name and DOB (Castellano, Rafael D., 04/19/1990: initials R. D. C.),
page 2 the member's clinic note, page 3 the page under test (tests/facts/test_other_patient_pages.py _packet).
"""

from __future__ import annotations

import pytest
from test_other_patient_pages import _packet
from text_to_criteria import check_facts, paged_facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
SUBJECT = "page.subject_field"

LEUKO = """CASE REPORT
Brain MRI showed confluent symmetric periventricular white matter T2 hyperintensity; genetic testing confirmed
X-linked adrenoleukodystrophy.
"""
GBM = """FAMILY STUDY - NEURO-ONCOLOGY GENETICS
Glioblastoma, IDH-wildtype, diagnosed on resection.
"""

CASES: list[tuple[str, str, dict[str, FactStatus], str | None]] = [
    ("index case by initials and DOB, a cousin",
     "Index case: K. W., male, DOB 03/02/1978 (a cousin of the requesting member)\n" + LEUKO,
     {"leukodystrophy": N}, SUBJECT),
    ("proband by initials and age", "Proband: M. J., 52 y\n" + GBM, {"glial_neoplasm": N}, SUBJECT),
    ("proband, dotted initials without spaces, birth year", "PROBAND: T.K., female, born 1969\n" + GBM,
     {"glial_neoplasm": N}, SUBJECT),
    ("affected relative with a full name", "Affected relative: Webb, Harold   DOB 02/11/1950\n" + GBM,
     {"glial_neoplasm": N}, SUBJECT),
    ("study subject by number and another DOB", "Study subject #: 0415, DOB 09/09/1961, male\n" + LEUKO,
     {"leukodystrophy": N}, SUBJECT),
    ("member's initials but another DOB", "Index patient: R. C., male, DOB 11/30/1971\n" + GBM,
     {"glial_neoplasm": N}, SUBJECT),
    ("member's initials but another birth year", "Proband: R. D. C., male, born 1958\n" + LEUKO,
     {"leukodystrophy": N}, SUBJECT),
    ("patient field by other initials and DOB", "Patient: K. W., DOB 03/02/1978\n" + GBM,
     {"glial_neoplasm": N}, "page.patient_field"),
    # near misses: the member's page
    ("near: patient field, member's initials and DOB", "Patient: R. C., DOB 04/19/1990\n" + GBM,
     {"glial_neoplasm": P}, None),
    ("near: proband by member's initials and DOB", "Proband: R.D.C., male, DOB 04/19/1990\n" + LEUKO,
     {"leukodystrophy": P}, None),
    ("near: initials in surname-first order", "Index case: C. R., male, 36 y, DOB 04/19/1990\n" + GBM,
     {"glial_neoplasm": P}, None),
    ("near: member's initials, no DOB", "Proband: R. C., male\n" + GBM, {"glial_neoplasm": P}, None),
    ("near: the member as index case", "Patient: Rafael D. Castellano\nIndex case: the member (male, 36 y)\n" + LEUKO,
     {"leukodystrophy": P}, None),
    ("near: index case this patient", "Index case: this patient, male, DOB 04/19/1990\n" + GBM,
     {"glial_neoplasm": P}, None),
    ("near: member named as proband", "Proband: Castellano, Rafael D.   DOB 04/19/1990\n" + LEUKO,
     {"leukodystrophy": P}, None),
    ("near: proband only in a sentence", "GENETICS LETTER\nPatient: Rafael D. Castellano\nHe was tested because "
     "his aunt, the proband in our family study, was found to carry the variant.\n" + GBM,
     {"glial_neoplasm": P}, None),
    ("near: no subject field", LEUKO, {"leukodystrophy": P}, None),
    ("near: a short surname in capitals written first", "member:Member name: Lu, Quang Minh        DOB: 04/19/1990"
     "        Sex: M|Patient: LU, QUANG MINH   DOB: 04/19/1990\n" + GBM, {"glial_neoplasm": P}, None),
    ("near: e-mail subject line", "Subject: MRI Brain Request Follow Up\n" + GBM, {"glial_neoplasm": P}, None),
    ("near: subject id with the member's DOB", "Subject ID: 0415   DOB 04/19/1990   male\n" + LEUKO,
     {"leukodystrophy": P}, None),
]


@pytest.mark.parametrize(("text", "expected", "rule"), [pytest.param(t, e, r, id=i) for i, t, e, r in CASES])
def test_subject_field_page(analyze, text, expected, rule):
    facts = paged_facts_of(analyze, _packet(text))
    check_facts(facts, expected)
    fact = facts.facts[next(iter(expected))]
    aside = [e for e in fact.ignored if e.attributes.get("other_patient")]
    if rule is None:
        assert not aside, [(e.text, e.attributes) for e in aside]
        return
    assert aside, (fact.note, [(e.text, e.attributes) for e in fact.ignored])
    assert all(e.page == 3 and rule in e.attributes["cue"].split() for e in aside), [(e.page, e.attributes)
                                                                                     for e in aside]


def test_no_initials_in_evidence(analyze):
    """PHI: the set-aside evidence names the rule, never the subject's initials."""
    facts = paged_facts_of(analyze, _packet("Index case: K. W., male, DOB 03/02/1978\n" + LEUKO))
    for e in facts.facts["leukodystrophy"].ignored:
        if e.attributes.get("other_patient"):
            assert "K. W." not in str(e.attributes) and "03/02/1978" not in str(e.attributes)
