"""An MR spectroscopy done as part of an MRI exam is a prior MRS: the report's title names both ("MRI brain with
and without contrast with MR spectroscopy"); the MRS study takes the report's date and verdict, and a technical
failure its own sentences state (cue `study.combined_exam`, facts/imaging.py)."""

from __future__ import annotations

import pytest
from text_to_criteria import facts_of

TAIL = "\n\nDate of request: 11/20/2026"

# id, report, studies "MODALITY DATE VERDICTS" in date order
CASES = [
    ("with-mr-spectroscopy", "MRI BRAIN WITH AND WITHOUT CONTRAST WITH MR SPECTROSCOPY 10/02/2026\nFINDINGS: "
     "Enhancing lesion in the left frontal lobe.\nIMPRESSION: Equivocal for recurrence versus treatment effect.",
     ["MRI 2026-10-02 inconclusive", "MRS 2026-10-02 inconclusive"]),
    ("plus-single-voxel-mrs", "MRI brain + single-voxel MRS, 10/02/2026\nFINDINGS: Enhancing lesion in the left "
     "frontal lobe.\nIMPRESSION: Findings indeterminate for recurrence.",
     ["MRI 2026-10-02 inconclusive", "MRS 2026-10-02 inconclusive"]),
    ("mrs-non-diagnostic", "MRI brain w/wo contrast and MR spectroscopy 10/02/2026\nFINDINGS: Enhancing lesion in "
     "the right temporal lobe. Spectroscopy non-diagnostic due to motion.\nIMPRESSION: Enhancing lesion, "
     "indeterminate.", ["MRI 2026-10-02 inconclusive", "MRS 2026-10-02 inconclusive/technically_limited"]),
    ("including-spectroscopy-conclusive", "Exam: MRI brain including proton spectroscopy\nDate: 09/15/2026\n"
     "FINDINGS: Large enhancing mass with elevated choline.\nIMPRESSION: Consistent with recurrent glioblastoma.",
     ["MRI 2026-09-15 conclusive", "MRS 2026-09-15 conclusive"]),
    ("mri-motion-stays-with-mri", "MRI BRAIN WITH MRS 10/02/2026\nFINDINGS: Post-contrast images degraded by "
     "motion artifact.\nIMPRESSION: Indeterminate enhancement.",
     ["MRI 2026-10-02 inconclusive/technically_limited", "MRS 2026-10-02 inconclusive"]),
]

# near misses: no MRS was done in this exam (id, report); the MRI is there, no MRS on its date
NEAR_MISSES = [
    ("recommends-mrs", "MRI BRAIN WITH AND WITHOUT CONTRAST 10/02/2026\nFINDINGS: Enhancing lesion.\nIMPRESSION: "
     "Indeterminate. Consider MR spectroscopy."),
    ("comparison-names-prior-mrs", "MRI BRAIN WITH AND WITHOUT CONTRAST 10/02/2026\nCOMPARISON: MR spectroscopy "
     "06/01/2026.\nFINDINGS: Enhancing lesion.\nIMPRESSION: Indeterminate."),
    ("title-compared-with-mrs", "MRI brain with contrast 10/02/2026, compared with MRS of 06/01/2026\nFINDINGS: "
     "Enhancing lesion.\nIMPRESSION: Indeterminate."),
    ("plain-mri", "MRI BRAIN WITHOUT CONTRAST 10/02/2026\nFINDINGS: No enhancing lesion.\nIMPRESSION: Normal "
     "study."),
    ("mrs-planned-in-title-line", "MRI BRAIN 10/02/2026 (MRS to follow if needed)\nFINDINGS: Enhancing lesion.\n"
     "IMPRESSION: Indeterminate."),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_mrs_in_an_mri_exam(analyze, body, expected):  # type: ignore[no-untyped-def]
    studies = facts_of(analyze, body + TAIL).imaging
    assert [f"{s.modality} {s.date or '-'} {'/'.join(s.verdicts) or '-'}" for s in studies] == expected


@pytest.mark.parametrize("body", [c[1] for c in NEAR_MISSES], ids=[c[0] for c in NEAR_MISSES])
def test_no_mrs_in_an_mri_exam(analyze, body):  # type: ignore[no-untyped-def]
    studies = facts_of(analyze, body + TAIL).imaging
    assert [s.date for s in studies if s.modality == "MRI"] == ["2026-10-02"]
    assert not [s for s in studies if s.modality == "MRS" and s.date == "2026-10-02"]
