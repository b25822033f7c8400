"""A line that says which services need prior authorization names no study (cue study.modality_scope in
facts/resources/cues.yaml, read by pet_same_workup in facts/derive/imaging.py).

"Prior authorization is required for MRI, CT, PET, MR spectroscopy and nuclear cardiology" on a plan's or a
clinic's form, or a form title "PRIOR AUTHORIZATION FORM - ADVANCED IMAGING (MRI/MRS/PET)", lists services; it asks for no PET and tells of none done. Near misses keep their reading: a PET
asked for beside the MRS, a PET done within 90 days, a request line that names one PET.

Rows: id, text, expected pet_same_workup.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
REQUEST = "PRIOR AUTHORIZATION REQUEST\nRequested: 76390 MR spectroscopy, brain\n"

CASES = [
    ("plan notice, comma list", "Prior authorization is required for MRI, CT, PET, MR spectroscopy and nuclear "
     "cardiology.", N),
    ("pre-certification with a colon and slashes", "Pre-certification required for: CT / MRI / PET / MRS", N),
    ("authorization needed, lower case", "authorization is needed for mri, ct, pet and spectroscopy studies", N),
    ("prior auth also required, hyphen", "Prior-auth also required for PET, SPECT or MRS.", N),
    ("PA required before, wrapped in a footer", "Reminder: PA required before CT, MRI, PET, and MRS are scheduled.", N),
    ("preauthorisation, British spelling", "Preauthorisation is necessary for MRI, CT and PET imaging.", N),
    ("precert in a header line", "Advanced imaging - precert required for MR, CT, PET or nuclear medicine", N),
    ("authorization required, or-list", "Authorization required for MRI or CT or PET examinations.", N),
    ("authorization form title ending in a list", "MEDICARE ADVANTAGE PRIOR AUTHORIZATION FORM - ADVANCED IMAGING "
     "(MRI/MRS/PET)", N),
    ("precertification title, commas", "Outpatient Imaging Precertification Request: CT, MRI, PET", N),
    ("list before the authorization words", "Advanced imaging (MRI/MRS/PET/CT): prior authorization required", N),
    # near misses: a PET asked for or done keeps its reading
    ("near: PET requested with the MRS", "Requested with the MRS: FDG PET brain 78608.", P),
    ("near: PET done within 90 days", "FDG PET brain 10/30/2026: hypometabolic lesion.", P),
    ("near: a PET ordered with a status", "FDG PET brain - ordered 11/18, pending authorization.", P),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_an_authorization_scope_line_names_no_pet(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    f = facts_of(analyze, REQUEST + text + "\n" + REQUEST_TAIL).facts["pet_same_workup"]
    assert f.status is expected, (f.note, [(e.text, e.attributes) for e in f.evidence])
