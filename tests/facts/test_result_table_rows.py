"""Each row of a results table is its own study and its own read.

A line that opens with a study's name and gives the study's date in a cell of its own (a column gap, a bar, a
colon or a dash after the date, or the line's end; cue layout.study_row, pipeline/nlp/normalize.py) is a row of
its own and never the wrapped tail of the row above: a spine row that ends on a verdict ("enlarging lesion,
indeterminate") does not lend that verdict to the next row's brain study, so conventional_imaging_inconclusive
follows the brain row's own read. Near misses: a read that wraps to a line without a new study name and date stays
joined to its row ("... indeterminate for" / "glioma versus metastasis"), and a brain row that is itself
indeterminate stays inconclusive.

Rows are freshly written; near misses must not change.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus
from pipeline.nlp import normalize

P, A = FactStatus.PRESENT, FactStatus.ABSENT

ROWS: list[tuple[str, str, FactStatus, bool]] = [
    # case, text, conventional_imaging_inconclusive, the last line stays a line of its own
    ("C-spine indeterminate, brain no metastatic disease",
     "Imaging:\nMRI C-spine w/wo   10/22/2026   enlarging lesion, indeterminate\n"
     "MRI brain w/wo   10/22/2026   no intracranial metastatic disease\n", A, True),
    ("thoracic cord nondiagnostic, head CT unremarkable",
     "Imaging history\nMRI thoracic spine   10/15/2026   expansile cord lesion T7, nondiagnostic\n"
     "CT head   10/16/2026   unremarkable\n", A, True),
    ("cervical spine indeterminate focus, brain no acute abnormality",
     "MRI cervical spine   09/30/2026   indeterminate enhancing focus\n"
     "MRI brain w/wo   10/01/2026   no acute intracranial abnormality\n", A, True),
    ("equivocal conus mass, then a normal brain MRI",
     "Prior studies\nMRI L-spine   10/02/2026   conus mass, equivocal\nMRI brain   10/03/2026   normal study\n", A, True),
    ("spine row in capitals ending on nonspecific",
     "Imaging\nMRI C SPINE W WO   10/12/2026   T2 signal C4-C5, NONSPECIFIC\n"
     "MRI BRAIN W WO   10/12/2026   UNREMARKABLE\n", A, True),
    ("spine inconclusive, brain negative after a colon",
     "Imaging:\nMR cervical spine 10/20/2026   intramedullary enhancement, inconclusive\n"
     "MRI head 10/21/2026: unremarkable, no mass\n", A, True),
    ("spine cannot exclude tumor, brain unremarkable, ISO dates",
     "Radiology\nMRI spine   2026-10-05   cord lesion C6, cannot exclude neoplasm\n"
     "CT head   2026-10-06   unremarkable\n", A, True),
    ("spine indeterminate, brain row after a dash",
     "Imaging\nMRI C-spine w/wo   10/18/2026   expansile lesion, indeterminate\n"
     "MRI brain   10/19/2026 - no mass, no abnormal enhancement\n", A, True),
    ("spine equivocal, head CT within normal limits",
     "Studies\nMRI thoracic spine  10/08/2026  cord expansion T9, equivocal\n"
     "CT head w/o  10/09/2026  within normal limits\n", A, True),
    # near misses
    ("near miss: the brain row's read wraps to the next line",
     "Imaging:\nMRI brain w/wo   10/22/2026   enhancing left frontal lesion, indeterminate for\n"
     "glioma versus metastasis\n", P, False),
    ("brain row itself indeterminate keeps its own read",
     "Imaging:\nMRI C-spine w/wo   10/22/2026   no cord lesion\n"
     "MRI brain w/wo   10/22/2026   enhancing right parietal lesion, indeterminate\n", P, True),
    ("spine read wraps, then a brain row of its own",
     "Imaging:\nMRI C-spine w/wo   10/22/2026   expansile intramedullary lesion at C4 to C6, indeterminate\n"
     "for ependymoma versus astrocytoma\nMRI brain w/wo   10/22/2026   no intracranial metastatic disease\n",
     A, True),
]


@pytest.mark.parametrize(("case", "text", "inconclusive", "own_line"), ROWS, ids=[c[0] for c in ROWS])
def test_result_table_rows(analyze: Any, case: str, text: str, inconclusive: FactStatus, own_line: bool) -> None:
    last = text.rstrip("\n").rsplit("\n", 1)[1]
    lines = normalize(text).text.split("\n")
    assert any(line.strip() == " ".join(last.split()) for line in lines) is own_line, lines
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {"conventional_imaging_inconclusive": inconclusive})
