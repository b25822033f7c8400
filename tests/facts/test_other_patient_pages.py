"""A page about another patient in the member's packet counts for no fact, through the real NLP stage to the facts
(facts/patient_pages.py, rules in facts/resources/documents.yaml `patient_pages`: page.patient_field,
page.name_field, page.header_name, page.received_in_error).

1. A page whose own patient field ("Patient:", "Pt:", "Patient name:", "Member ....", a "Name:" or "Re:" line that
   also holds a DOB, MRN, age or sex) names another patient than the request form's member, by a different surname
   or a different date of birth, and no field of it names the member: its tumour, device, PET or MRS counts for no
   fact and stays as ignored evidence that says "another patient's page" and cites the rule.
2. A note on a page that it was received (faxed, filed) in error, is misfiled or belongs to another patient sets that
   page aside; a note naming a page number ("page 3 was faxed in error") sets that page aside.
3. Near misses, the member's page: the same person in another name order, with initials, a middle name, in
   capitals, with OCR-like spacing or one misread letter, one half of a hyphenated surname, a DOB only, a changed
   name with the member's DOB, a DOB one digit off under the member's name; a page without a patient field; a
   relative, a referring physician's letterhead, a "cc:" line or a clinician's "Name:" field; a confidentiality
   notice's "if you received this in error".

Packets: page 1 the request form (the member), page 2 the member's clinic note (seizures, an indeterminate lesion),
page 3 the page under test, pages separated by form feeds (tests/text_to_criteria.py paged_facts_of). Rows: id,
page-3 text, {fact: expected status}, and the rule id the ignored evidence must cite (None: the page is the
member's, nothing is set aside). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, paged_facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
FIELD, NAME_FIELD, NOTE = "page.patient_field", "page.name_field", "page.received_in_error"
HEADER = "page.header_name"

MEMBER = "Member name: Castellano, Rafael D.        DOB: 04/19/1990        Sex: M"
FORM = """PRIOR AUTHORIZATION REQUEST - ADVANCED IMAGING
Date of request: 11/20/2026
{member}
Member ID: QXR-4471-20915
Ordering provider: Ilse Marchetti, MD (Neurology)
CPT: 76390 Magnetic resonance spectroscopy
ICD-10: R56.9 Unspecified convulsions
Reason: characterize an indeterminate temporal lesion
{cover}"""
NOTE_PAGE = """NEUROLOGY CLINIC NOTE
Patient: Rafael D. Castellano     DOB 04/19/1990     MRN 5512087
HPI: Three months of new focal seizures with word-finding pauses.
Assessment: focal seizures; MRI brain 10/30/2026 showed a nonenhancing left temporal lesion, indeterminate.
Plan: MR spectroscopy to characterize the lesion.
"""

GBM = """ONCOLOGY FOLLOW-UP
Glioblastoma, IDH-wildtype, s/p resection and chemoradiation in 2024. Stable on surveillance.
"""
PACER = """CARDIOLOGY NOTE
Dual-chamber permanent pacemaker placed 2019, functioning normally.
"""
MS = """NEUROLOGY FOLLOW-UP
Relapsing-remitting multiple sclerosis, on ocrelizumab, no relapse this year.
"""

CASES: list[tuple[str, str, dict[str, FactStatus], str | None]] = [
    # 1. another patient's field: a different surname, or a different DOB
    ("surname comma given, DOB, MRN", "Patient: WEBB, Harold    DOB: 02/11/1950    MRN 448812\n" + GBM,
     {"glial_neoplasm": N}, FIELD),
    ("bare name field with DOB", "Name: Ortiz, Dana  DOB 02/11/1950\n" + PACER, {"mri_contraindication": N},
     NAME_FIELD),
    ("pt initial, MRN, age and sex", "Pt: K. Lindqvist  MRN 448812  71 yo F\n" + MS, {"multiple_sclerosis": N},
     FIELD),
    ("patient name label, DOB on the next line", "PATIENT NAME: Marguerite A. Fenn\nDOB: 07/30/1948\n" + GBM,
     {"glial_neoplasm": N}, FIELD),
    ("re line with DOB", "Re: Dana Ortiz, DOB 11/02/1950\n" + MS, {"multiple_sclerosis": N}, NAME_FIELD),
    ("possessive label, hyphenated surname", "Patient's name: Okafor-Blythe, Simone\n" + PACER,
     {"mri_contraindication": N}, FIELD),
    ("dotted leader", "Member ................ Jablonski, Peter T.\n" + GBM, {"glial_neoplasm": N}, FIELD),
    ("report header, mid-line label", "DATE: 10/02/2026      PATIENT: HALVORSEN, INGRID      DOB: 05/05/1961\n"
     "MRI BRAIN WITH AND WITHOUT CONTRAST\nIMPRESSION: Right frontal glioblastoma with mass effect.\n",
     {"glial_neoplasm": N}, FIELD),
    ("pipe-separated header", "Pt: Nguyen, Thao | 71 yo F | MRN 900112\n" + MS, {"multiple_sclerosis": N}, FIELD),
    ("pt name label, initial", "Pt name: Webb, H.     DOB 02/11/1950\n" + PACER, {"mri_contraindication": N},
     FIELD),
    ("same surname, another DOB", "Patient: Castellano, Maria    DOB: 08/22/1962\n" + GBM, {"glial_neoplasm": N},
     FIELD),
    ("same name, another DOB", "Patient: CASTELLANO, RAFAEL    DOB: 11/30/1971\n" + MS,
     {"multiple_sclerosis": N}, FIELD),
    ("given-name first, no DOB", "Patient: Harold J. Webb\n" + MS, {"multiple_sclerosis": N}, FIELD),
    ("member label, British spelling", "Member: Pryce-Jones, Gwen   DOB 03/03/1944\n"
     "Glioblastoma (grade 4 astrocytoma), tumour resected in 2023.\n", {"glial_neoplasm": N}, FIELD),
    ("DOB field only, another DOB", "DOB: 02/11/1950      MRN 448812\n" + GBM, {"glial_neoplasm": N}, FIELD),
    # an unlabelled print header: SURNAME, GIVEN in capitals, then the MRN or DOB on its line
    ("print header, MRN then DOB", "Chart extract   WEBB, HAROLD J   MRN 44-881-2   DOB 02/11/1950   page 3\n" + GBM,
     {"glial_neoplasm": N}, HEADER),
    ("print header at the line start", "ORTIZ, DANA  DOB: 02/11/1950  F  printed 11/19/2026 08:10\n" + PACER,
     {"mri_contraindication": N}, HEADER),
    ("print header, hyphenated surname, pipes", "Visit summary | LINDQVIST-BERG, KARIN | MRN 900112 | 71 y F\n" + MS,
     {"multiple_sclerosis": N}, HEADER),
    ("print header, two-word surname", "St. Olaf Health   VAN DER BERG, PIETER   DOB 07/07/1947\n" + GBM,
     {"glial_neoplasm": N}, HEADER),
    ("near: print header of the member", "Chart extract   CASTELLANO, RAFAEL D   MRN 5512087   DOB 04/19/1990\n"
     + GBM, {"glial_neoplasm": P}, None),
    ("near: capitals heading then a date, no MRN or DOB", "NEURO-ONCOLOGY, FOLLOW-UP   11/19/2026\n" + GBM,
     {"glial_neoplasm": P}, None),
    ("near: mixed-case clinician line with an NPI", "Webb, Harold MD   NPI 1487203396\n" + PACER,
     {"mri_contraindication": P}, None),
    # 2. a note that the page is in error
    ("stamped received in error", "** PAGE RECEIVED IN ERROR - belongs to another patient **\n" + GBM,
     {"glial_neoplasm": N}, NOTE),
    ("misfiled note", "Misfiled: this document belongs to a different patient.\n" + PACER,
     {"mri_contraindication": N}, NOTE),
    ("note of the wrong patient", "NOTE: scanned into the wrong patient's chart\n" + MS, {"multiple_sclerosis": N},
     NOTE),
    ("cover note naming page 3", "cover:Note: page 3 was faxed in error; please disregard it.|" + GBM,
     {"glial_neoplasm": N}, NOTE),
    ("report sent in error", "This report was sent in error.\n" + PACER, {"mri_contraindication": N}, NOTE),
    # 3. near misses: the member's page
    ("near: other order, capitals", "Patient: RAFAEL D CASTELLANO   DOB 04/19/1990\n" + GBM, {"glial_neoplasm": P},
     None),
    ("near: initials, MRN", "Pt: R. Castellano   MRN 5512087\n" + PACER, {"mri_contraindication": P}, None),
    ("near: DOB only", "DOB: 04/19/1990   MRN 5512087\n" + MS, {"multiple_sclerosis": P}, None),
    ("near: no patient field", GBM, {"glial_neoplasm": P}, None),
    ("near: relative named", "Mother: Jane Ortiz (present at the visit)\n" + GBM, {"glial_neoplasm": P}, None),
    ("near: referring letterhead and cc", "Referring physician: Dana Ortiz, MD   Fax 555-0190\n"
     "cc: Harold Webb, MD\n" + PACER, {"mri_contraindication": P}, None),
    ("near: clinician name field", "Name: Harold Webb, MD   NPI 1487203396\n" + MS, {"multiple_sclerosis": P},
     None),
    ("near: OCR-like spacing", "Patient: CASTEL LANO, RAFAEL\n" + GBM, {"glial_neoplasm": P}, None),
    ("near: one misread letter", "Patient: Castellamo, Rafael\n" + PACER, {"mri_contraindication": P}, None),
    ("near: middle name", "Patient: Rafael Diego Castellano\n" + MS, {"multiple_sclerosis": P}, None),
    ("near: DOB one digit off", "Patient: Castellano, Rafael   DOB: 04/19/1996\n" + GBM, {"glial_neoplasm": P},
     None),
    ("near: changed name, same DOB", "Patient: Rafael Moreno    DOB: 04/19/1990\n" + PACER,
     {"mri_contraindication": P}, None),
    ("near: confidentiality notice", GBM + "If you received this document in error, please notify the sender.\n",
     {"glial_neoplasm": P}, None),
    ("near: re line without identifiers", "Re: Outpatient imaging prior authorization\n" + MS,
     {"multiple_sclerosis": P}, None),
    ("near: family history name", GBM + "FAMILY HISTORY: father Harold Webb had a stroke.\n",
     {"glial_neoplasm": P}, None),
    ("near: hyphenated member, one half", "member:Member: Castellano-Reyes, Rafael D.   DOB: 04/19/1990|"
     "Patient: Reyes, Rafael\n" + GBM, {"glial_neoplasm": P}, None),
]


def _packet(page3: str) -> str:
    member, cover = MEMBER, ""
    if page3.startswith("member:"):
        member, page3 = page3[len("member:"):].split("|", 1)
    if page3.startswith("cover:"):
        cover, page3 = page3[len("cover:"):].split("|", 1)
    note = NOTE_PAGE.replace("Rafael D. Castellano", "Rafael D. Castellano-Reyes") if "Reyes" in member else NOTE_PAGE
    return "\n\f\n".join([FORM.format(member=member, cover=cover), note, page3])


@pytest.mark.parametrize(("text", "expected", "rule"), [pytest.param(t, e, r, id=i) for i, t, e, r in CASES])
def test_other_patient_page(analyze, text, expected, rule):
    facts = paged_facts_of(analyze, _packet(text))
    check_facts(facts, expected)
    fact = facts.facts[next(iter(expected))]
    aside = [e for e in fact.ignored if e.attributes.get("other_patient")]
    if rule is None:
        assert not aside, [(e.text, e.attributes) for e in aside]
        return
    assert aside, (fact.note, [(e.text, e.attributes) for e in fact.ignored])
    assert all(e.page == 3 and e.attributes["other_patient"] == "another patient's page"
               and rule in e.attributes["cue"].split() for e in aside), [(e.page, e.attributes) for e in aside]


def test_member_page_after_another_patients_page_still_counts(analyze):
    """A page 4 that is the member's again counts; only page 3 is set aside."""
    text = "\n\f\n".join([FORM.format(member=MEMBER, cover=""), NOTE_PAGE,
                          "Patient: WEBB, Harold    DOB: 02/11/1950\n" + PACER,
                          "Patient: Castellano, Rafael D.   DOB: 04/19/1990\n" + GBM])
    facts = paged_facts_of(analyze, text)
    check_facts(facts, {"glial_neoplasm": P, "mri_contraindication": N, "seizures": P})
    assert all(e.page == 4 for e in facts.facts["glial_neoplasm"].evidence)


def test_no_names_in_evidence(analyze):
    """PHI: the set-aside evidence says only "another patient's page", never the page's names."""
    facts = paged_facts_of(analyze, _packet("Patient: WEBB, Harold    DOB: 02/11/1950\n" + GBM))
    for fact in facts.facts.values():
        for e in fact.ignored:
            if e.attributes.get("other_patient"):
                assert "webb" not in str(e.attributes).lower() and "harold" not in (fact.note or "").lower()


@pytest.mark.parametrize(("page3", "aside"), [
    ("Patient: WEBB, Harold    DOB: 02/11/1950\n" + GBM, False),  # an OCR-read name may be the member's, misread
    ("** PAGE RECEIVED IN ERROR - belongs to another patient **\n" + GBM, True),  # a note still sets it aside
], ids=["ocr page, another name: kept", "ocr page, received-in-error note: set aside"])
def test_ocr_pages_are_set_aside_only_by_a_note(analyze, page3, aside):
    """A page whose text OCR read is never set aside by its patient field (a misread name or DOB would drop the
    member's own page); only a note that it was received in error sets it aside."""
    from text_to_criteria import FormFeedLayout

    from pipeline.facts import map_facts

    text = _packet(page3)
    facts = map_facts(analyze(text), text=text, layout=FormFeedLayout(text), ocr_pages=[3])
    assert (facts.facts["glial_neoplasm"].status is N) is aside
