"""The MRS's purpose told as a diagnosis to settle either way, or as what the result guides.

"MRS for lesion lactate to support or refute a mitochondrial cause", "to confirm or exclude MELAS", "to rule in or
rule out an abscess" ask the MRS to settle a diagnosis (purpose: diagnosis, rule purpose.diagnosis); "the result
guides whether anticoagulation is needed", "will settle whether we proceed to surgery" tie it to a treatment
decision (purpose.treatment_decision). Near misses: the same words about another test, outside the request and
with no MRS named, give no purpose.

Rows are freshly written; near misses must not change.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HEAD = "PRIOR AUTHORIZATION REQUEST\nDate of request: 11/20/2026\nCPT 76390 MR spectroscopy\n"

ROWS = [
    ("support or refute a named disease",
     HEAD + "Indication: stroke-like episode. MRS for lesion lactate to support or refute MELAS.\n", P),
    ("confirm or exclude a cause",
     HEAD + "Indication: MR spectroscopy to confirm or exclude a mitochondrial cause of the basal ganglia signal.\n", P),
    ("rule in or rule out",
     HEAD + "Reason: spectroscopy of the rim to rule in or rule out a pyogenic abscess.\n", P),
    ("the result guides whether a therapy is needed",
     HEAD + "Indication: left occipital lesion; the MRS result guides whether antithrombotic therapy is needed.\n", P),
    ("the result settles whether to operate",
     HEAD + "Indication: the spectroscopy will settle whether we proceed to resection.\n", P),
    ("near miss: another test's purpose in a clinic note",
     HEAD + "\nCLINIC NOTE\nGenetic testing was sent to confirm or exclude a POLG variant.\n", N),
    ("near miss: nothing about why",
     HEAD + "\nCLINIC NOTE\nMRS requested. Follow up in clinic.\n", N),
]


@pytest.mark.parametrize(("case", "text", "status"), ROWS, ids=[r[0] for r in ROWS])
def test_purpose_either_way_and_guides_whether(analyze: Any, case: str, text: str, status: FactStatus) -> None:
    check_facts(facts_of(analyze, text), {"mrs_purpose": status})
