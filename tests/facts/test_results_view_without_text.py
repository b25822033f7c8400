"""A results view that lists a study's report but not its text.

An EHR results review, a portal printout or an order table often lists the study with its status and says that
the report's text is not shown there ("Report text not available in this view", "narrative not displayed - see
PACS", "Result body: see imaging system", "report not viewable in this portal"). The packet then has no written
report of that study: a clinician's citation of its read elsewhere in the packet is second-hand, as with any other
missing-report statement (rule study.report_unavailable, its packet-wide reach keyed by modality and date in
facts/imaging.py): `conventional_imaging_inconclusive` is not documented and the read is kept as evidence
`superseded_by: report_unavailable`, while the clinician's differential stays a suspicion.

Near misses keep the read: the report text is shown or reviewed, the images (not the report) are what the view
lacks, the study's report is in the packet after all, a viewer pointer about images only, another date's study.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, paged_facts_of

from pipeline.contracts import FactStatus

P, S, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.NOT_DOCUMENTED
PLAN = "\nPlan: MR spectroscopy (CPT 76390).\n"
PAGE = "\n\f\n"

READ = ("Neuro-oncology note 11/18/2026: MRI brain 11/02/2026 shows a new enhancing left temporal focus; per "
        "neuroradiology it is indeterminate, tumour progression versus treatment effect.\n")

CASES: list[tuple[str, str, FactStatus]] = [
    # case, the results view (another page), conventional_imaging_inconclusive
    ("report text not available in this view, starred",
     "Results Review\nExam            Date        Status   Report\nMRI BRAIN W/WO  11/02/2026  Final    "
     "** Report text not available in this view - see PACS **\n", N),
    ("narrative not displayed, see PACS",
     "Imaging results\nMR brain with and without contrast 11/02/2026 (final): narrative not displayed - see "
     "PACS.\n", N),
    ("report body not viewable in this portal",
     "Portal printout: MRI Brain 11/02/2026 - Final - report body not viewable in this portal.\n", N),
    ("result text unavailable, refer to the imaging system",
     "ORDER RESULTS\nMRI HEAD W WO CONTRAST  11/02/2026  RESULTED  result text unavailable, refer to imaging "
     "system\n", N),
    ("report: see PACS",
     "Prior studies\n- MRI brain 11/02/2026, final. Report: see PACS.\n", N),
    ("capitals, report contents not shown",
     "RADIOLOGY RESULTS\nMRI BRAIN 11/02/2026 FINAL - REPORT CONTENTS NOT SHOWN ON THIS SCREEN\n", N),
    ("report text not available, wrapped line",
     "Results: MRI brain 11/02/2026 (final) report\ntext not available in this view.\n", N),
    ("the view after the citation",
     "", N),  # filled below: the citation first, the results view on the last page
    ("impression not available, see radiology system",
     "Chart extract\nMRI brain 11/02/2026 | Final | Impression not available - see radiology system\n", N),
    # near misses
    ("near miss: the report text shown",
     "Results Review\nMRI BRAIN W/WO 11/02/2026 Final - report text reviewed\n", P),
    ("near miss: images not available in this view",
     "Results Review\nMRI BRAIN W/WO 11/02/2026 Final - images not available in this view; report attached.\n", P),
    ("near miss: see PACS for images",
     "Results: MRI brain 11/02/2026 final. See PACS for images.\n", P),
    ("near miss: another date's study without text",
     "Results Review\nMRI BRAIN 06/14/2026 Final ** Report text not available in this view **\n", P),
    ("near miss: the report is in the packet",
     "Results Review\nMRI BRAIN 11/02/2026 Final ** Report text not available in this view **\n" + PAGE
     + "MRI BRAIN WITH AND WITHOUT CONTRAST 11/02/2026\nFINDINGS: New enhancing focus, left temporal lobe.\n"
       "IMPRESSION: Indeterminate; tumour progression versus treatment effect.\n", P),
    ("near miss: report, see the attached copy",
     "Results Review\nMRI BRAIN 11/02/2026 Final - Report: see attached copy\n" + PAGE
     + "MRI BRAIN 11/02/2026\nIMPRESSION: Indeterminate enhancing left temporal focus; tumour progression versus "
       "treatment effect.\n", P),
    ("near miss: report text reviewed, PACS for the images",
     "Results Review\nMRI BRAIN 11/02/2026 Final - report text reviewed; see PACS for images\n", P),
    ("near miss: a text-view note about labs",
     "Results Review\nCBC 11/02/2026 Final - comment text not available in this view\n", P),
]


def _text(case: str, view: str) -> str:
    if case == "the view after the citation":
        return READ + PAGE + "Results Review\nMRI BRAIN 11/02/2026 Final ** report text not available **\n"
    return view + PAGE + READ


@pytest.mark.parametrize(("case", "view", "inconclusive"), CASES, ids=[c[0] for c in CASES])
def test_a_results_view_without_the_report_text(analyze: Any, case: str, view: str,
                                                inconclusive: FactStatus) -> None:
    facts = paged_facts_of(analyze, _text(case, view) + PLAN + REQUEST_TAIL)
    fact = facts.facts["conventional_imaging_inconclusive"]
    assert fact.status == inconclusive, (fact.note, [(e.text, e.attributes.get("cue")) for e in fact.evidence])
    if inconclusive is N:
        read = [e for e in fact.evidence if e.attributes.get("verdict") in {"inconclusive", "conclusive"}]
        assert all(e.attributes.get("superseded_by") == "report_unavailable" for e in read), \
            [(e.text, e.attributes) for e in read]
