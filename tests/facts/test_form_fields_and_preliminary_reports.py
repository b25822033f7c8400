"""Body-part fields, Y / N safety tables and preliminary-only reports, end to end (text -> NLP -> facts).

1. A request form's body-part field names the MRS's target: "Procedure: MRS 76390" over "Body part: lumbar spine",
   "Body region: Cervical spine", "Anatomic site - thoracic spine", "Area to be imaged: L-spine" (also with the
   value on the next line, or ticked among options "___ brain  _X_ lumbar spine") make spine_indication present
   when the study its form names just above is the MRS asked for (cue request.body_part_field); "Body part: brain"
   or "head" names the brain (cue request.body_part_brain). Near misses: a brain or head field, an unticked spine
   option, a prior spine study, a spine history, a body-part field of another study's form.
2. A Y / N safety table is read by the column its X sits under, also when the table is tab-separated (the cells
   laid out as columns: pipeline/nlp/normalize.py, form_state.tab_cells); an X under no column answers nothing
   (forms.yaml columns unplaced_id form.mark.column_unplaced): the device is unknown, not present. Near misses: an
   X under Y, an aligned table with spaces, "Pacemaker: N".
3. A titled imaging report whose own impression or note says it is a verbal or preliminary read only, its final
   report to follow ("IMPRESSION: ... Verbal preliminary read only; formal report to follow.", "Prelim (wet read) -
   final pending"), is no final read: like a preliminary read cited in a note, what it showed is not documented
   (cue study.report_unavailable, facts/imaging.py). Near misses: a final report that agrees with the resident's
   preliminary read, an addendum that finalises, a preliminary section with no word of a missing report, a
   pathology report pending.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

# 1. (text, spine_indication status)
FIELDS = {
    "procedure-slash-body-part": ("PRIOR AUTHORIZATION REQUEST\nProcedure: MRS 76390 / Body part: lumbar spine\n", P),
    "body-region-next-line": ("PRIOR AUTHORIZATION REQUEST\nProcedure: MR spectroscopy (76390)\n"
                              "Body region: Cervical spine\n", P),
    "anatomic-site-dash": ("Imaging order\nStudy requested: MR spectroscopy\nAnatomic site - thoracic spine\n", P),
    "area-to-be-imaged-l-spine": ("Order: proton MRS, CPT 76390\nArea to be imaged: L-spine\n", P),
    "capitals-c-spine": ("PROCEDURE: MRS 76390\nBODY PART: C-SPINE\n", P),
    "site-t-spine": ("Procedure requested: MR spectroscopy\nSite: T-spine\n", P),
    "body-site-lumbosacral": ("Exam: MRS (76390)\nBody site: lumbosacral spine\n", P),
    "value-on-the-line-below": ("Procedure: MRS 76390\nArea to be imaged:\n    lumbar spine\n", P),
    "body-part-dash-with-levels": ("Exam requested: MRS\nBody part - Lumbar Spine (L4-S1)\n", P),
    "anatomical-region-parenthesis": ("Service requested: 76390 MR spectroscopy\nAnatomical region (specify): "
                                      "thoracolumbar spine\n", P),
    "checkbox-spine-ticked": ("Procedure: MRS 76390\nBody part: ___ brain  _X_ lumbar spine\n", P),
    # near misses
    "near-body-part-brain": ("Procedure: MRS 76390\nBody part: brain\n", N),
    "near-body-part-head": ("Procedure: MRS 76390\nBody part: Head\n", N),
    "near-checkbox-spine-unticked": ("Procedure: MRS 76390\nBody part: _X_ brain  ___ lumbar spine\n", N),
    "near-prior-imaging-spine": ("Procedure: MRS 76390\nBody part: brain\nPrior imaging: MRI lumbar spine 2024 "
                                 "(normal)\n", N),
    "near-history-spine-surgery": ("Procedure: MRS 76390\nBody part: brain\nHistory: lumbar spine surgery 2018\n", N),
    "near-brain-field-then-neck-pain": ("Procedure: MRS 76390\nBody part: brain\nAssessment: neck pain, improving "
                                        "with PT.\n", N),
    "near-another-studys-form": ("Outside study: MRI 72148\nBody part: lumbar spine\n\n"
                                 "REQUEST: MR spectroscopy of the brain (CPT 76390).\n", N),
}


@pytest.mark.parametrize(("text", "status"), FIELDS.values(), ids=FIELDS.keys())
def test_a_body_part_field_names_the_mrs_target(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["spine_indication"]
    assert fact.status is status, f"{fact.status.value}: {[e.text for e in fact.evidence]}"


BRAIN_REQUEST = "REQUEST: MR spectroscopy of the brain (CPT 76390).\n"

# 2. (text, mri_contraindication status)
TABLES = {
    "tabs-x-under-n": ("Device\tY\tN\nPacemaker\t\tX\n", A),
    "tabs-header-without-title": ("\tY\tN\nCardiac pacemaker\t\tX\n", A),
    "tabs-yes-no-words": ("MRI safety\tYes\tNo\nNeurostimulator\t\tX\nCochlear implant\t\tX\n", A),
    "tabs-note-after-x": ("Implant\tY\tN\nPacemaker / ICD\t\tX\tnever had one\n", A),
    "spaces-x-beyond-n": ("MRI SAFETY SCREEN            Y   N\nPacemaker                                X\n", N),
    "spaces-yes-no-x-far-right": ("MRI screen          Yes   No\nCochlear implant                         X\n", N),
    # the clip answered No, the pacemaker's X under no column: no device present (the pacemaker is unanswered)
    "spaces-x-right-of-n-second-row": ("SAFETY                Y    N\nAneurysm clip              X\n"
                                       "Cardiac pacemaker                    X\n", A),
    "tabs-x-in-no-column": ("Device\tY\tN\nPacemaker\t\t\tX\n", N),
    # near misses
    "near-tabs-x-under-y": ("Device\tY\tN\nPacemaker\tX\t\n", P),
    "near-spaces-x-under-n": ("MRI SAFETY SCREEN            Y   N\nPacemaker                        X\n", A),
    "near-spaces-x-under-y": ("MRI SAFETY SCREEN            Y   N\nPacemaker                    X\n", P),
    "near-written-answer-n": ("Pacemaker: N\n", A),
}


@pytest.mark.parametrize(("text", "status"), TABLES.values(), ids=TABLES.keys())
def test_a_safety_table_is_read_by_its_columns(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, BRAIN_REQUEST + text + REQUEST_TAIL).facts["mri_contraindication"]
    assert fact.status is status, f"{fact.status.value}: {[e.text for e in fact.evidence]}"


TITLE = "MRI BRAIN W/WO CONTRAST 11/12/2026\nFINDINGS: Ring-enhancing left basal ganglia lesion.\n"
READ = "Ring-enhancing lesion, indeterminate; toxoplasmosis versus lymphoma."
PLAN = "\nPlan: MR spectroscopy (CPT 76390).\n"

# 3. (text, conventional_imaging_inconclusive status)
PRELIMINARY = {
    "verbal-preliminary-only-after-read": (TITLE + f"IMPRESSION: {READ} Verbal preliminary read only; formal "
                                           "report to follow.\n", N),
    "verbal-preliminary-only-before-read": (TITLE + "IMPRESSION: verbal preliminary read only; formal report to "
                                            f"follow. {READ}\n", N),
    "prelim-wet-read-final-pending": (TITLE + f"IMPRESSION: {READ}\nPrelim (wet read) - final pending\n", N),
    "ct-note-preliminary-interpretation": ("CT HEAD WITHOUT CONTRAST 11/11/2026\nIMPRESSION: Indeterminate "
                                           "hypodense lesion, abscess versus metastasis.\nNOTE: preliminary "
                                           "interpretation only; final report pending.\n", N),
    "phoned-read-only": (TITLE + f"Impression: {READ} (Phone read only - the signed report is not yet available.)\n",
                         N),
    "capitals-wet-read-only": (TITLE + f"IMPRESSION: {READ.upper()} WET READ ONLY.\n", N),
    "conclusion-awaiting-formal-report": ("MR BRAIN 11/12/2026\nConclusion: indeterminate enhancing lesion, "
                                          "glioma versus demyelination; preliminary, awaiting the formal report.\n",
                                          N),
    "british-preliminary-report-to-follow": ("MRI HEAD 12/11/2026\nOpinion: indeterminate lesion, tumour versus "
                                             "demyelination. Verbal report only; written report to follow.\n", N),
    # near misses
    "near-final-report-resident-agreed": ("MRI BRAIN W/WO CONTRAST 11/12/2026\nFINAL REPORT\nFINDINGS: "
                                          "Ring-enhancing left basal ganglia lesion.\nIMPRESSION: " + READ[:-1]
                                          + " (preliminary read by resident agreed).\n", P),
    "near-addendum-finalises": (TITLE + f"IMPRESSION: {READ} Verbal preliminary read only; formal report to follow.\n"
                                "ADDENDUM 11/13/2026: final read; agree with the preliminary: indeterminate ring "
                                "lesion, toxoplasmosis versus lymphoma.\n", P),
    "near-plain-impression": (TITLE + f"IMPRESSION: {READ}\n", P),
    "near-pathology-pending": (TITLE + f"IMPRESSION: {READ} Pathology report pending.\n", P),
}


@pytest.mark.parametrize(("text", "status"), PRELIMINARY.values(), ids=PRELIMINARY.keys())
def test_a_preliminary_only_report_is_no_final_read(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + PLAN + REQUEST_TAIL).facts["conventional_imaging_inconclusive"]
    assert fact.status is status, f"{fact.status.value}: {[e.text for e in fact.evidence]}"
