"""A PET that is not part of the work-up does not make pet_same_workup present (fact pet_same_workup in
facts/derive/imaging.py; cues study.refused_next_clause and study.modality_list_line with study.modality_scope in
facts/resources/cues.yaml), through the real NLP stage to the facts.

1. A PET offered as a hypothetical alternative and refused in the next clause of its sentence, after ";", by a
   pronoun that refers back to it ("An amino-acid PET could answer this; we won't order one", "...; the family
   declined it", "...; it will not be requested"): neither asked for nor done (absent, cue
   study.refused_next_clause). The clause reach is the sentence cut at ";" and "|": the next clause up to the next
   one, and only up to the first study named in it (a refusal after another study's name is that study's).
2. Prior-authorization boilerplate whose modality list wraps to a line of its own, with contact text after it
   ("Precertification required for advanced imaging" over "(MRI, CT, PET, MRS) - call 555-0100"): the list line
   opens with three or more modality names (study.modality_list_line) and, read with the line above it, is a
   scope line (study.modality_scope): it names no study (not documented).
3. Near misses keep their reading (present): a PET asked for ("PET requested with this study: Y", "we will order a
   PET as well as the MRS"), scheduled beside the MRS, done within 90 days (also when "no further PET" follows), a
   next clause that affirms the order or refuses another study, a PET line under an authorization notice that is
   an order or a result, not a list.

Rows: id, text, expected pet_same_workup. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
REQUEST = "PRIOR AUTHORIZATION REQUEST\nRequested: 76390 MR spectroscopy, brain.\n\n"

CASES = [
    # 1. a hypothetical PET refused in the next clause, by a pronoun
    ("amino-acid PET, won't order one", "An amino-acid PET could answer this but means travel; we won't order one.",
     A),
    ("FET-PET, however, not requesting it", "A FET-PET would be more specific; however, we are not requesting it.",
     A),
    ("methionine PET, patient declined it", "Methionine PET may help to separate tumour from necrosis; the patient "
     "has declined it.", A),
    ("PET/CT suggested, no plan to order one", "PET/CT of the brain was suggested by radiology; we do not plan to "
     "order one.", A),
    ("pronoun subject, will not be ordered", "FDG PET could clarify this; it will not be ordered at this time.", A),
    ("named refuser, refused it", "Amyloid PET would help with the differential; Mrs. Lee refused it.", A),
    ("parenthesised tracer, opted against it", "A brain PET scan (F-DOPA) would add information; the family opted "
     "against it.", A),
    ("abbreviation, lower case, pt declines", "fdg-pet wd help; pt declines it", A),
    ("British, family have turned it down", "A FET-PET could be organised in London; the family have turned it "
     "down.", A),
    ("refusal then MRS named after it", "FDG-PET would add metabolic information; not ordering one, MRS preferred.",
     A),
    ("line wrap inside the refusal", "An amino-acid PET could help here; we will\nnot be requesting it.", A),
    ("that as the pronoun, not pursuing", "A choline PET might separate the two; we are not pursuing that for now.",
     A),
    # 2. an authorization notice whose modality list wraps to its own line, with contact text after it
    ("precert, parenthesised list, call/fax", "Precertification required for advanced imaging\n(MRI, CT, PET, MRS) - "
     "call 555-0100 or fax 555-0101.", N),
    ("services colon, slashes, nuclear cardiology", "Prior authorization is needed for high-tech imaging "
     "services:\nMRI/MRA, CT/CTA, PET, nuclear cardiology.", N),
    ("British, and-list, questions line", "Pre-authorisation is required for the following scans:\nCT, MRI, PET and "
     "SPECT. Questions: 1-800-555-0199.", N),
    ("capitals, slash list, phone and fax", "PRIOR AUTH REQUIRED FOR ADVANCED IMAGING\nMR / CT / PET / NM  -  Phone "
     "555-0142  Fax 555-0143", N),
    ("necessary before, PET/CT first, semicolon contact", "Authorization is necessary before\nPET/CT, MRI, CTA or "
     "nuclear medicine studies; contact UM at 555-0177.", N),
    ("members, precert needed, website", "Members: precert needed for\n(CT, MRI, PET, SPECT) -- see the plan website "
     "or call Provider Services.", N),
    ("lower case, fax requests", "prior authorization required for\nmri, mrs, pet, ct - fax requests to 555-0166", N),
    ("requiring pre-certification, option number", "Outpatient imaging requiring pre-certification:\nMRI, MRA, PET, "
     "CT. Call 555-0123 (option 2).", N),
    # near misses: a PET asked for or done keeps its reading
    ("near: PET requested, Y", "PET requested with this study: Y", P),
    ("near: PET done 10/30", "FDG-PET 10/30: hypometabolism in the left temporal lobe", P),
    ("near: PET ordered with the MRS", "we will order a PET as well as the MRS", P),
    ("near: PET scheduled, MRS also requested", "PET scheduled 12/02; MRS also requested", P),
    ("near: PET done, no further PET planned", "FDG-PET 10/30/2026 showed left temporal hypometabolism; no further "
     "PET planned.", P),
    ("near: next clause orders one", "An amino-acid PET could help; we will order one this week.", P),
    ("near: next clause refuses the MRI", "FET-PET is ordered; the MRI will not be repeated.", P),
    ("near: next clause, it does not delay", "FDG-PET is requested; it will not delay the MRS.", P),
    ("near: PET done, not repeated", "Amyloid PET 10/28/2026 showed no amyloid; it was not repeated.", P),
    ("near: order line under an authorization notice", "Prior authorization required for advanced imaging\nFDG PET "
     "brain ordered 11/18 (78608)", P),
    ("near: result line under a scope line", "Precertification required for MRI, CT, PET.\nFDG-PET 10/30/2026: "
     "hypometabolism in the left temporal lobe.", P),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_pet_not_in_the_workup(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    f = facts_of(analyze, REQUEST + text + "\n" + REQUEST_TAIL).facts["pet_same_workup"]
    assert f.status is expected, (f.note, [(e.text, e.attributes.get("cue"), e.modifier_rules) for e in f.evidence])
