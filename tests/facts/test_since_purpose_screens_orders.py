"""Treatment since imaging, routine and non-effect purposes, disorders screened for with normal results, cancelled
orders.

1. A treatment summary followed by a spaced dash and a new finding lends the finding's date to no treatment ("GBM s/p
   GTR, chemoRT, adjuvant TMZ x6 - new enhancing nodule 10/2026": course.new_finding_dash); a statement that nothing
   was given since the study governs its sentence: a treatment after it counts only when given newly ("no treatment
   since the October scan - his levetiracetam is unchanged" is absent; "... except that dexamethasone was started"
   is present: course.given_newly).
2. A routine protocol's step for every patient of a kind gives no purpose ("per our pre-operative protocol, MRS is
   done for all SOLs before surgery": purpose.routine_protocol); a stated non-effect ("the MRS will not change the
   plan") negates one.
3. A disorder screened or tested for whose screen the rest of the sentence states normal is absent
   (screen.screened_for_before, screen.screened_for_after, screen.results_normal; a result pending or abnormal there,
   screen.results_open, leaves it as read).
4. A cancelled or discontinued order was neither done nor asked for (study.cancelled_order): no PET in the work-up,
   no prior MRS; a form's title naming the modalities it handles names no PET (study.modality_scope); a PET ordered
   and pending is asked for (study.pending).

Cues: pipeline/facts/resources/cues.yaml. Rows are freshly written; near misses must not change.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

MRI = "MRI brain 10/09/2026: enhancing left temporal nodule, indeterminate.\n"

SINCE = [
    ("summary, dash, new nodule with its month",
     MRI + "Astrocytoma gr 4 s/p STR, chemoradiation, adjuvant TMZ x6 - new nodule 10/2026, progression vs "
     "radionecrosis.\n", N),
    ("summary, dash, enhancing focus dated",
     MRI + "Hx: oligodendroglioma s/p resection and PCV - enhancing focus at the margin on 10/09/2026.\n", N),
    ("no therapy since the scan, then an antiseizure drug unchanged",
     MRI + "She has received no therapy since the October MRI - she stays on watchful waiting and her lacosamide "
     "dose is unchanged.\n", A),
    ("nothing given since, a steroid continued at the same dose",
     MRI + "No new treatment since the MRI; otherwise unchanged.\nNo treatment has been given since the scan and "
     "she remains on dexamethasone 2 mg, dose unchanged.\n", A),
    ("near miss: nothing since, except a drug started",
     MRI + "No treatment since the MRI except that dexamethasone was started for headache.\n", P),
    ("near miss: started after the dated MRI", MRI + "Bevacizumab was started after the 10/09 MRI.\n", P),
    ("near miss: resumed on a date after the scan", MRI + "Temozolomide restarted 10/21, after the scan.\n", P),
    ("near miss: dash before the treatment's own date", MRI + "Lomustine cycle 2 - given 10/28/2026.\n", P),
]

PURPOSE = [
    ("departmental protocol, all SOLs, before surgery",
     "Indication: left frontal SOL.\nAs per departmental pre-operative protocol, MR spectroscopy is performed for "
     "all intracranial masses before surgery.\n", N),
    ("per unit protocol, all patients, prior to resection",
     "Indication: right temporal mass.\nPer unit protocol, spectroscopy is done on all patients with a brain mass "
     "prior to resection.\n", N),
    ("the spectrum will not change the plan",
     "MR spectroscopy requested for the right parietal lesion. The spectroscopy will not change our plan.\n", A),
    ("the result would not alter management",
     "MR spectroscopy requested; its result would not alter management.\n", A),
    ("near miss: before surgery to plan the margin", "MRS before surgery to plan the resection margin.\n", P),
    ("near miss: the result will change the plan",
     "MR spectroscopy requested. The result will change the plan: biopsy vs resection.\n", P),
    ("near miss: a protocol named with this patient's use",
     "Assessment/Plan:\n- MRS before SRS per our radiation protocol, to plan the target volume.\n", P),
    ("near miss: an institutional protocol with this patient's use",
     "Assessment/Plan:\n- MRS per institutional protocol to guide the biopsy target.\n", P),
    ("near miss: tumor-protocol MRI beside a planning purpose",
     "MRS requested; tumor-protocol MRI 10/02 was equivocal. MRS to plan the resection margin.\n", P),
]

SCREENS = [
    ("inborn error screened for, labs normal",
     "Infant with hypotonia. An inborn error was screened for because of the hypoglycemia - ammonia 38, plasma "
     "amino acids and acylcarnitine profile normal.\n", {"inborn_error_of_metabolism": A}),
    ("tested for a mitochondrial disorder; results normal",
     "Toddler with regression. She was tested for a mitochondrial disorder; lactate, pyruvate and mtDNA "
     "sequencing were normal.\n", {"mitochondrial_disorder": A}),
    ("screened for an inborn error with tests, both normal",
     "Screened for an inborn error of metabolism with serum amino acids and urine organic acids, both "
     "unremarkable.\n", {"inborn_error_of_metabolism": A}),
    ("encephalopathy with its cause stated",
     "Term newborn after uterine rupture; encephalopathy fully explained by the perinatal event.\n",
     {"inborn_error_of_metabolism": N}),
    ("near miss: screen positive for MSUD", "Newborn screen positive for MSUD.\n",
     {"inborn_error_of_metabolism": P}),
    ("near miss: one test normal, another abnormal",
     "Screened for an inborn error: amino acids normal, but organic acids show elevated methylmalonic acid.\n",
     {"inborn_error_of_metabolism": P}),
    ("near miss: known PKU with normal levels", "Known PKU on diet; phenylalanine levels normal.\n",
     {"inborn_error_of_metabolism": P}),
]

ORDERS = [
    ("PET order cancelled by the provider",
     MRI + "Amino-acid PET order of 10/27 was cancelled by the ordering physician (not done) - MRS requested "
     "instead.\n", {"pet_same_workup": A}),
    ("EHR orders row: PET cancelled",
     MRI + "ORDERS\nNM PET BRAIN FDG     Canceled     11/04/2026     Canceled by provider\nMR SPECTROSCOPY     "
     "Ordered     11/17/2026\n", {"pet_same_workup": A}),
    ("PET order discontinued", MRI + "The FDG PET order was discontinued.\n", {"pet_same_workup": A}),
    ("cancelled MRS order is no prior MRS",
     "MRS order from 10/19/2026 was cancelled before it was done.\nMR spectroscopy requested for the right frontal "
     "lesion.\n", {"prior_mrs": N}),
    ("form title naming the modalities",
     "ADVANCED IMAGING PRECERTIFICATION (MR / CT / PET)\nProcedure: MR spectroscopy brain, CPT 76390\n",
     {"pet_same_workup": N}),
    ("near miss: PET completed in an orders row", MRI + "PET BRAIN     Completed     10/29/2026\n",
     {"pet_same_workup": P}),
    ("near miss: PET ordered and pending", MRI + "PET ordered 11/03, pending.\n", {"pet_same_workup": P}),
    ("a PET deferred until the MRS result", MRI + "PET: amino-acid PET deferred pending the MRS result.\n",
     {"pet_same_workup": A}),
    ("a PET on hold, awaiting the spectroscopy", MRI + "FET-PET on hold awaiting spectroscopy.\n",
     {"pet_same_workup": A}),
    ("near miss: MRI scan discontinued early for motion is a done study",
     "MRI brain 10/09/2026: scan discontinued early because of motion; the enhancing nodule is indeterminate.\n",
     {"prior_imaging_documented": P}),
]


@pytest.mark.parametrize(("case", "text", "status"), SINCE, ids=[c[0] for c in SINCE])
def test_treatment_since_imaging(analyze, case, text, status):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {"treatment_since_imaging": status})


@pytest.mark.parametrize(("case", "text", "status"), PURPOSE, ids=[c[0] for c in PURPOSE])
def test_routine_and_non_effect_purposes(analyze, case, text, status):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {"mrs_purpose": status})


@pytest.mark.parametrize(("case", "text", "expected"), SCREENS, ids=[c[0] for c in SCREENS])
def test_screened_for_with_normal_results(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)


@pytest.mark.parametrize(("case", "text", "expected"), ORDERS, ids=[c[0] for c in ORDERS])
def test_cancelled_orders_and_form_scope(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
