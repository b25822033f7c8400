"""Request forms as the facts see them (pipeline/nlp/form_state.py): an unticked option or a question answered No
never makes its concept present.

Each row: a short synthetic form (fax form with bracket boxes, a British referral with ballot boxes, a terse EHR
export with written answers), a fact and its expected status. Near misses (the same forms with the boxes ticked
the other way) sit next to the cases.
"""

from __future__ import annotations

import pytest

from pipeline.contracts import FactStatus
from pipeline.facts.mapper import map_facts
from pipeline.ingest.layout import TextLayout

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

FAX = """PRIOR AUTHORIZATION REQUEST
Date of request: 11/20/2026
Procedure:  [{mrs}] 76390 MR spectroscopy   [{pet}] 78608 PET brain metabolic
MRS target:  [{brain}] Brain   [{spine}] Spine
MRI safety screen
  Pacemaker/ICD          [{dev_y}] Y   [{dev_n}] N
  Prior MRS?             [{mrs_y}] Yes [{mrs_n}] No
  New or worsening symptoms?   Y / N:  {sym}
"""
NO = {"mrs": "X", "pet": " ", "brain": "X", "spine": " ", "dev_y": " ", "dev_n": "X", "mrs_y": " ", "mrs_n": "X",
      "sym": "N"}
YES = {"mrs": "X", "pet": "X", "brain": " ", "spine": "X", "dev_y": "X", "dev_n": " ", "mrs_y": "X", "mrs_n": " ",
       "sym": "Y"}

BRITISH = """Neuroradiology referral
Date of request: 20/11/2026
Examination requested:  \u2612 MR spectroscopy of the brain   \u2610 FDG-PET   \u2610 MRI whole spine
Implanted devices:  Pacemaker \u2610   Neurostimulator \u2610   None \u2612
Has the patient had spectroscopy (MRS) before?
\u2610 Yes   \u2612 No
"""

EHR = """Date of request: 11/20/2026
MRS target: _X_ brain ___ cervical spine
Pacemaker: No   Aneurysm clip: No   Cochlear implant: No
Previous MRS: No
"""

CASES = {
    "fax-spine-unticked": (FAX.format(**NO), "spine_indication", N),
    "fax-spine-ticked": (FAX.format(**YES), "spine_indication", P),
    "fax-pet-code-unticked": (FAX.format(**NO), "pet_same_workup", N),
    "fax-pet-code-ticked": (FAX.format(**YES), "pet_same_workup", P),
    "fax-device-answered-no": (FAX.format(**NO), "mri_contraindication", A),
    "fax-device-answered-yes": (FAX.format(**YES), "mri_contraindication", P),
    "fax-prior-mrs-answered-no": (FAX.format(**NO), "prior_mrs", A),
    "fax-prior-mrs-answered-yes": (FAX.format(**YES), "prior_mrs", P),
    "fax-symptoms-answered-no": (FAX.format(**NO), "new_or_worsening_symptoms", A),
    "fax-symptoms-answered-yes": (FAX.format(**YES), "new_or_worsening_symptoms", P),
    "british-pet-unticked": (BRITISH, "pet_same_workup", N),
    "british-spine-unticked": (BRITISH, "spine_indication", N),
    "british-devices-none-ticked": (BRITISH, "mri_contraindication", A),  # "Implanted devices: ... None ☒"
    "british-prior-mrs-answered-no": (BRITISH, "prior_mrs", A),
    "ehr-spine-blank": (EHR, "spine_indication", N),
    "ehr-devices-answered-no": (EHR, "mri_contraindication", A),
    "ehr-prior-mrs-answered-no": (EHR, "prior_mrs", A),
}


@pytest.mark.parametrize(("text", "fact", "expected"), CASES.values(), ids=CASES.keys())
def test_form_fact_status(analyze, text: str, fact: str, expected: FactStatus) -> None:  # type: ignore[no-untyped-def]
    facts = map_facts(analyze(text), text=text, layout=TextLayout.without_boxes(len(text), [(1, 0, len(text))]))
    got = facts.facts[fact]
    assert got.status is expected, f"{fact}: {got.status.value} ({got.note}); evidence {[e.text for e in got.evidence]}"


def test_an_unticked_option_is_kept_for_the_reviewer(analyze) -> None:  # type: ignore[no-untyped-def]
    text = FAX.format(**NO)
    fact = map_facts(analyze(text), text=text, layout=TextLayout.without_boxes(len(text), [(1, 0, len(text))])
                     ).facts["spine_indication"]
    assert fact.status is N
    spine = [m for m in analyze(text).mentions if m.concept == "SPINE"]
    assert [m.modifier_rules for m in spine] == [["form.mark.unticked", "form.option.unticked"]]
