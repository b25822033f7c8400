"""Four classes on short fresh texts, text -> NLP -> facts. Rows marked "near miss" must keep their result.

1. A drug the patient is only said to be "on" (a lab comment or table: "B cells 0 (depleted, on ocrelizumab)") is a
   state, not a dose given since the study, when the packet says the therapy is held, paused, stopped, last given
   before the study, or that nothing has been given since (cues course.on_state, course.therapy_held,
   course.last_given, course.nothing_given_since, course.administration_word in pipeline/facts/resources/cues.yaml):
   `treatment_since_imaging` absent. A start after the study, a dose dated after it, and an "on X" with no statement
   either way (today's reading: present, the lab being dated after the study) stay.
2. A PET talked about with a date and then refused ("FDG-PET discussed on 11/18, not done", "amyloid PET discussed
   on 11/02 - not ordered"): the refusal denies its order or done word (study.discussed_refused), so the PET is
   neither asked for nor a study done in the window; a row label naming the PET before it ("PET: FDG-PET ...")
   takes the labelled PET's reading (study.row_label). "Discussed on 11/18, ordered for 11/25" is an order (the date
   is the talk's), "FDG-PET 11/02: hypometabolism" a study done.
3. The consequence of a condition told in parentheses is part of the condition (context.yaml scope
   conditional_aside): a device there is hypothetical, and so is an MR-conditional statement there (it clears no
   real device). A device described in parentheses as it is now stays.
4. A dot-leader screen row whose item lists its options in brackets takes its answer (forms.yaml next_fields:
   "Pacemaker (PPM / ICD) ...... N  Neurostimulator (VNS / DBS) ...... Y"), and a Yes whose note names one option
   makes the others options not chosen (forms.yaml named_option): "Implant (clip / coil / stent) ...... Y (coil
   2019)" is no stent. A coil is no device of the catalogue, so that row alone documents no contraindication.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED


def _fact(analyze, text: str, name: str):  # type: ignore[no-untyped-def]
    f = facts_of(analyze, text + REQUEST_TAIL).facts[name]
    return f, (f.status, f.note, f.attributes, [(e.text, e.assertion, e.attributes.get("cue"), e.modifier_rules)
                                               for e in f.evidence])


MRI = "MRI brain 09/24/2026: new enhancing right frontal lesion, indeterminate.\n"

# 1. case, text, treatment_since_imaging
ON_STATE = [
    ("lab comment on ocrelizumab, the later infusion held",
     MRI + "Labs 11/02/2026: B cells 0 (depleted, on ocrelizumab).\nLast infusion 04/2026; the 10/2026 infusion was "
     "held.\n", A),
    ("CD19 on rituximab, rituximab on hold",
     MRI + "Flow cytometry 10/28/2026: CD19 0% (on rituximab).\nRituximab has been on hold since the summer.\n", A),
    ("blood count on temozolomide, last given before the MRI",
     MRI + "CBC 10/30/2026: WBC 3.1 on temozolomide.\nTemozolomide last given 08/2026, before the MRI.\n", A),
    ("B-cell panel on maintenance rituximab, nothing given since the study",
     MRI + "B-cell panel 11/05/2026 - CD20 cells undetectable, on maintenance rituximab.\n"
     "Nothing - no rituximab, no steroids - has been given since the 09/24 study.\n", A),
    ("JCV index on natalizumab, natalizumab paused",
     MRI + "JCV index 10/30/2026: 1.8 (on natalizumab).\nNatalizumab was paused in August for the rising index.\n", A),
    ("IgG level on ocrelizumab, infusions deferred",
     MRI + "Immunoglobulins 10/25/2026: IgG 4.1 g/L, on ocrelizumab.\nOcrelizumab infusions were deferred in "
     "October.\n", A),
    ("IgG on ocrelizumab, the next dose on hold pending the MRS",
     MRI + "IgG 10/25/2026: 4.1 g/L (on ocrelizumab).\nNext ocrelizumab dose on hold pending the MRS.\n", A),
    ("lab table row, bevacizumab held",
     MRI + "| 10/29/2026 | Urine protein | 2+ (on bevacizumab) |\nBevacizumab was held after the scan for "
     "proteinuria.\n", A),
    ("glucose on dexamethasone, no doses since the MRI",
     MRI + "Glucose 10/21/2026: 182 mg/dL (on dexamethasone).\nNo doses have been given since the MRI.\n", A),
    # near misses
    ("near miss: a steroid started after the MRI beside a held infusion",
     MRI + "Labs 11/02/2026: B cells 0 (depleted, on ocrelizumab).\nStarted dexamethasone 8 mg after the MRI.\n"
     "The 10/2026 ocrelizumab infusion was held.\n", P),
    ("near miss: an infusion given after the MRI",
     MRI + "Labs 11/02/2026: B cells 0 (on ocrelizumab).\nOcrelizumab infusion given 10/15/2026 (after the 09/24 "
     "MRI).\n", P),
    ("near miss: on a drug, nothing said either way (today's reading)",
     MRI + "Labs 11/02/2026: B cells 0 (depleted, on ocrelizumab).\n", P),
    ("near miss: blood count on temozolomide, nothing said either way",
     MRI + "CBC 10/30/2026: WBC 3.1 on temozolomide.\n", P),
    ("near miss: the last infusion after the study",
     MRI + "Labs 11/02/2026: B cells 0 (on ocrelizumab).\nLast infusion 10/12/2026.\n", P),
    ("near miss: no infusion reactions is no hold",
     MRI + "Labs 11/02/2026: B cells 0 (on ocrelizumab). No infusion reactions.\n", P),
    ("near miss: started on a drug after the study",
     MRI + "She was started on dexamethasone 10/02/2026; the ocrelizumab infusion was held.\n", P),
]

# 2. case, text, pet_same_workup
PLAN = "MRI brain 10/14/2026: indeterminate right frontal lesion.\nPlan: MRS 76390.\n"
PET_TALK = [
    ("row label over a PET discussed with a date, not ordered",
     PLAN + "Other imaging:\n- PET: FDG-PET discussed 11/18, not ordered\n", A),
    ("discussed on a date, not done", PLAN + "Amyloid PET discussed on 11/02 - not done.\n", A),
    ("discussed on a date, not performed", PLAN + "FDG-PET discussed on 11/12/2026 but not performed.\n", A),
    ("raised on a date, not obtained", PLAN + "Methionine PET was raised on 11/09 - not obtained.\n", A),
    ("we discussed on a date, never done", PLAN + "We discussed a FET-PET on 11/10/2026; it was never done.\n", A),
    ("raised at tumor board with a date, decided against",
     PLAN + "FDG-PET raised at tumor board (11/09); decided against.\n", A),
    # near misses
    ("near miss: discussed on a date, then ordered", PLAN + "FDG-PET discussed on 11/18, ordered for 11/25.\n", P),
    ("near miss: discussed, then ordered", PLAN + "FDG-PET discussed 11/18, ordered for 11/25.\n", P),
    ("near miss: a PET done with its read", PLAN + "FDG-PET on 11/02/2026: left temporal hypometabolism.\n", P),
    ("near miss: a row label over a PET ordered", PLAN + "Other imaging:\n- PET: FDG-PET ordered for 11/25\n", P),
]

# 3. and 4. case, text, mri_contraindication, device attribute (None: not checked)
DEVICES = [
    ("conditional shunt, valve in the parenthesis",
     "Plan: If the drain wean fails, a shunt would be placed (a programmable valve would then need an MRI check).\n",
     N, None),
    ("conditional DBS, MR-conditional in the parenthesis",
     "Should she deteriorate, DBS would be offered (hardware then MR-conditional only).\n", N, None),
    ("conditional shunt, the valve type in the parenthesis",
     "If the hydrocephalus progresses, he would need a VP shunt (programmable valve, e.g. Strata).\n", N, None),
    ("conditional hedge in the parenthesis",
     "Should the ventricles enlarge, a shunt would be placed (likely a programmable valve).\n", N, None),
    ("a hypothetical clearance clears no implanted device",
     "VNS implanted 2019.\nShould seizures persist, DBS would be offered (the hardware then MR-conditional only).\n",
     P, ["spinal_cord_stimulator"]),
    ("options row answered by name after a row answered No",
     "MRI SAFETY\nPacemaker (PPM / ICD) ...... N  Neurostimulator (VNS / DBS / RNS / SCS) ...... Y - VNS, implanted "
     "03/2021\n", P, ["spinal_cord_stimulator"]),
    ("options row Yes, coil named, after a row answered No",
     "MRI SAFETY\nCochlear implant ...... N  Implant (clip / coil / stent) ...... Y (coil 2019)\n", A, []),
    ("options row Yes, coil named: no stent", "Implant (clip / coil / stent) ...... Y (coil 2019)\n", N, None),
    ("options row Yes, recent stent named",
     "Implant (clip / coil / stent) ...... Y (stent placed 11/02/2026)\n", P, ["intravascular_stent"]),
    ("options row named with e.g., then a row answered No",
     "Neurostimulator (e.g. VNS / DBS / RNS) ..... Y - DBS (2018)   Insulin pump ...... N\n", P,
     ["spinal_cord_stimulator"]),
    ("row answered No before an options row answered Yes",
     "Insulin pump ...... N   Neurostimulator (VNS / DBS) ...... Y - DBS, 2018\n", P, ["spinal_cord_stimulator"]),
    # near misses
    ("near miss: a programmable valve described as it is",
     "VP shunt with a programmable valve (Strata, set 1.5).\n", P, ["programmable_shunt"]),
    ("near miss: the parenthesis states the device placed",
     "VP shunt placed 2019 (programmable valve, Strata); if headaches recur it would be interrogated.\n", P,
     ["programmable_shunt"]),
    ("near miss: options row answered No", "Neurostimulator (VNS / DBS) ......... N\n", A, []),
    ("near miss: two rows answered No", "Pacemaker (PPM / ICD) ...... N  Cochlear implant ...... N\n", A, []),
    ("near miss: options row Yes with no option named", "Neurostimulator (VNS / DBS) ..... Y\n", P,
     ["spinal_cord_stimulator"]),
]


@pytest.mark.parametrize(("case", "text", "status"), ON_STATE, ids=[c[0] for c in ON_STATE])
def test_a_drug_the_patient_is_on_is_no_dose_since_when_held(analyze, case, text, status):  # type: ignore[no-untyped-def]
    f, why = _fact(analyze, text, "treatment_since_imaging")
    assert f.status is status, why


@pytest.mark.parametrize(("case", "text", "status"), PET_TALK, ids=[c[0] for c in PET_TALK])
def test_a_pet_talked_about_with_a_date_and_refused(analyze, case, text, status):  # type: ignore[no-untyped-def]
    f, why = _fact(analyze, text, "pet_same_workup")
    assert f.status is status, why


@pytest.mark.parametrize(("case", "text", "status", "devices"), DEVICES, ids=[c[0] for c in DEVICES])
def test_conditional_asides_and_option_rows(analyze, case, text, status, devices):  # type: ignore[no-untyped-def]
    f, why = _fact(analyze, text, "mri_contraindication")
    assert f.status is status, why
    if devices is not None:
        assert f.attributes.get("device", []) == devices, why
