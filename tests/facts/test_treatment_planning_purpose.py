"""An MRS whose stated job is to plan or route the treatment of a tumour is a treatment-planning purpose.

Class: the request says the MRS will plan the tumour's radiotherapy or route its management, and the fact mrs_purpose
read nothing (or another fragment), so HealthHelp item 1d ("Treatment planning and response", mrs_purpose with
purpose treatment_planning, therapy_of tumor or unspecified) and Cohere's "how the MRS result will change
management" failed for a known tumour.

Rules (targets.yaml, PURPOSE, purpose treatment_planning):
1. purpose.radiotherapy_target: radiotherapy planning named by its kind ("radiosurgery planning", "gamma knife
   planning", "SRS planning"), by its target after a verb of drawing or setting ("to define the GTV", "delineate the
   target volume", "shape the SRS boost", "will set the boost volume", "guide contouring of the CTV") or as "dose
   painting"; the therapy is the tumour's (cues.yaml purpose.therapy_tumor: GTV, boost, dose painting, oncology).
2. purpose.result_routes: the result routes management one way or the other ("decides surgical referral vs
   steroids", "will triage her to resection or bevacizumab", "will route him to surgery or medical oncology", "if
   the MRS favours recurrence -> re-resection; if necrosis -> bevacizumab", "MRS c/w tumour → re-resect", "will
   tell us whether to re-treat or observe"); purpose.treatment_decision now also takes "whether we re-irradiate",
   "whether to re-treat", "whether to refer"; "spectroscopic imaging" is an MRS (img.mrs).
3. A purpose written as the modifier of another test named right after it is that test's ("SRS planning MRI (70553)",
   "radiotherapy planning CT": cues.yaml purpose.names_test_after, facts/purpose.py), and "CT simulation for
   radiotherapy planning" is the CT's (purpose.agent_link): these rows read the CT's purpose as the MRS's before.

Near misses keep their reading: another study's planning purpose (an SRS planning MRI, a planning CT), radiosurgery
planned in the past, a boost volume told as history, "MRS for grading", a hypothetical MRS ("if seizures recur,
consider MRS"), a leukodystrophy's treatment planning (HSCT), a PET's branch, a way that is the question's other side
("tumour vs treatment-related change"), "plan to boost her nutrition".

Limits known: a routing told without a verb of deciding or routing and without an arrow ("MRS: tumour - resection,
necrosis - bevacizumab") is not read; "LITT" or "laser ablation" alone plans no tumour's therapy (unspecified unless
the clause names the tumour: LITT treats epilepsy too); "to determine tumour versus radiation necrosis" is still read
as treatment planning by the older purpose.treatment_planning pattern (not this class).

Rows: id -> (text, the set of purposes the mrs_purpose fact carries, "treatment_planning:<therapy_of>" for a
treatment-planning one; the empty set where no purpose is read). Rows whose id starts with "near" must keep their
reading.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import facts_of

HEAD = "PRIOR AUTHORIZATION REQUEST\nDate of request: 11/20/2026\nCPT 76390\n"
NOTE = HEAD + "\nCLINIC NOTE\n"
TP_TUMOR, TP_UNSPEC = "treatment_planning:tumor", "treatment_planning:unspecified"

CASES: dict[str, tuple[str, set[str]]] = {
    # ---------------------------------------------------------------- 1. the tumour's radiotherapy planned
    "gamma knife planning": (NOTE + "MR spectroscopy (76390) is requested for gamma knife planning of the right "
                             "parietal metastasis.\n", {TP_TUMOR}),
    "delineate target volume": (NOTE + "MRS to delineate the target volume for the radiosurgery boost.\n",
                                {TP_TUMOR}),
    "dose painting": (NOTE + "Multivoxel MRS to map the choline-rich tumour for dose painting.\n", {TP_TUMOR}),
    "shape SRS boost, spectroscopic imaging": (NOTE + "Spectroscopic imaging requested to shape the SRS boost around "
                                               "the active rim.\n", {TP_TUMOR}),
    "result sets boost volume, next sentence": (NOTE + "MRS requested. The result will set the boost volume for the "
                                                "glioma.\n", {TP_TUMOR}),
    "contouring of the CTV": (NOTE + "MR spectroscopy to guide contouring of the CTV for the oligodendroglioma.\n",
                              {TP_TUMOR}),
    "caps form field": (HEAD + "\nREASON FOR MRS: RADIOSURGERY PLANNING (SRS BOOST)\n", {TP_TUMOR}),
    "outline active tumour for the boost": (NOTE + "Radiation oncology would like MRS to outline the metabolically "
                                            "active tumour for the boost.\n", {TP_TUMOR}),
    "define GTV, line wrap": (NOTE + "Spectroscopy (CPT 76390) to help define the\nGTV before fractionated "
                              "treatment of the glioblastoma.\n", {TP_TUMOR}),
    "SRS planning, plan section": (HEAD + "\nAssessment and plan: brain MRS for SRS planning; 3 lesions.\n",
                                   {TP_TUMOR}),
    # ---------------------------------------------------------------- 2. the result routes management
    "decides referral versus steroid trial": (NOTE + "The spectroscopy result decides neurosurgical referral "
                                              "versus a steroid trial.\n", {TP_UNSPEC}),
    "decides surgical referral vs. steroids": (NOTE + "MRS result decides surgical referral vs. steroids.\n",
                                               {TP_UNSPEC}),
    "if favours recurrence arrow": (NOTE + "If the MRS favours recurrence -> re-resection; if radionecrosis -> "
                                    "bevacizumab.\n", {TP_TUMOR}),
    "whether we re-irradiate": (NOTE + "MRS findings will determine whether we re-irradiate the glioma.\n",
                                {TP_TUMOR}),
    "triage to resection or bevacizumab": (NOTE + "Spectroscopy will triage her to resection or to bevacizumab.\n",
                                           {TP_TUMOR}),
    "c/w arrows, unicode": (NOTE + "MRS c/w tumour → re-resect; c/w necrosis → steroids/bev.\n", {TP_TUMOR}),
    "tell us whether to re-treat": (NOTE + "The MRS will tell us whether to re-treat or observe the metastasis.\n",
                                    {TP_TUMOR}),
    "route to surgery or medical oncology": (NOTE + "The spectroscopy result will route him to surgery or to medical "
                                             "oncology.\n", {TP_TUMOR}),
    "if spectroscopy shows tumour, colon": (HEAD + "\nPlan: if spectroscopy shows tumour: re-op; otherwise steroid "
                                            "taper.\n", {TP_UNSPEC}),
    "decide whether to refer for radiosurgery": (NOTE + "MRS (76390) to decide whether to refer him for "
                                                 "radiosurgery.\n", {TP_TUMOR}),
    # ---------------------------------------------------------------- 3. another test's planning purpose
    "CT's: radiotherapy planning CT after grading": (NOTE + "MRS for grading; radiotherapy planning CT next week.\n",
                                                     {"grading"}),
    "CT's: CT simulation for radiotherapy planning": (NOTE + "CT simulation for radiotherapy planning is booked; "
                                                      "MRS for grading.\n", {"grading"}),
    # ---------------------------------------------------------------- near misses: readings kept
    "near: SRS planning MRI, same sentence": (NOTE + "MRS requested; SRS planning MRI (70553, separately "
                                              "authorized).\n", set()),
    "near: SRS planned in the past": (NOTE + "SRS was planned in 2024 but deferred. MRS for grading.\n",
                                      {"grading"}),
    "near: boost volume history": (NOTE + "The boost volume was set at 60 Gy in 2023. MRS for grading.\n",
                                   {"grading"}),
    "near: grading only": (NOTE + "MRS for grading of the thalamic lesion.\n", {"grading"}),
    "near: hypothetical MRS": (NOTE + "If seizures recur, consider MRS.\n", set()),
    "near: leukodystrophy HSCT": (NOTE + "MRS for treatment planning for the leukodystrophy (HSCT).\n",
                                  {"treatment_planning:leukodystrophy"}),
    "near: PET branch": (NOTE + "If the PET favours tumour -> resection; if necrosis -> bevacizumab.\n", set()),
    "near: treatment-related change is the question": (NOTE + "The spectroscopy decides recurrence vs "
                                                       "treatment-related change.\n", set()),
    "near: boost her nutrition": (NOTE + "We plan to boost her nutrition; MRS for grading.\n", {"grading"}),
    "near: MRS denied, then biopsy": (HEAD + "\nPlan: if MRS is denied, we will proceed to biopsy.\n", set()),
    "near: tell us whether this is abscess or tumour": (NOTE + "Spectroscopy should tell us whether this is abscess "
                                                        "or tumour.\n", {"diagnosis"}),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_treatment_planning_purpose(analyze: Any, text: str, expected: set[str]) -> None:
    fact = facts_of(analyze, text).facts["mrs_purpose"]
    read = {f"{e.attributes['purpose']}:{e.attributes['therapy_of']}" if e.attributes.get("therapy_of")
            else str(e.attributes.get("purpose")) for e in fact.evidence}
    assert read == expected, [(e.text, e.attributes.get("purpose"), e.attributes.get("therapy_of"),
                               e.attributes.get("cue")) for e in fact.evidence]
