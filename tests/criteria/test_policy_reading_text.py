"""How the policy texts are read, end to end on short fresh texts: text -> NLP -> facts -> one policy criterion.

Each table names the policy sentence it reads; rows marked "near miss" must keep today's result.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.contracts import TriState
from pipeline.criteria import Evaluation, load_policy
from pipeline.criteria.schema import Node
from pipeline.facts import map_facts

REPO = Path(__file__).resolve().parents[2]
MET, NOT, UNK = TriState.MET, TriState.NOT_MET, TriState.UNKNOWN


class _Layout:
    def page_of(self, offset: int) -> int | None:
        return 1

    def boxes_for(self, start: int, end: int) -> list:  # type: ignore[type-arg]
        return []


def _node(payer: str, node_id: str) -> tuple[Node, str]:
    policy = load_policy(REPO / "policies" / f"{payer}.yaml").policy
    for excl in policy.exclusions:
        if excl.criterion.id == node_id:
            return excl.criterion, "exclusion"
    stack: list[Node] = [policy.indications]
    while stack:
        node = stack.pop()
        if node.id == node_id:
            return node, "indication"
        of = getattr(node, "of", None)
        stack.extend(of if isinstance(of, list) else [of] if of is not None else [])
    raise KeyError(node_id)


def _run(analyze, text: str, payer: str, node_id: str) -> TriState:  # type: ignore[no-untyped-def]
    facts = map_facts(analyze(text), text=text, layout=_Layout())
    node, role = _node(payer, node_id)
    return Evaluation(facts).run(node, role=role)


# ------------------------------------------------------------------ technical repeats
# Cohere: "Repeat diagnostic testing due to technical issues—such as patient motion, incomplete exams, or incorrect
# imaging sequences—may not be considered medically necessary ..."; Florida Blue: "Re-imaging or additional imaging
# due to poor contrast enhanced exam or technically limited exam is the responsibility of the imaging provider."
# They apply when the request repeats a study that failed for technical reasons, not when a prior report names
# an artifact.
TECHNICAL_REPEAT = [
    ("repeat MRS, prior MRS failed for motion",
     "Request: repeat MR spectroscopy (76390). The prior MRS on 10/02/2026 was non-diagnostic because of patient "
     "motion.\n", MET),
    ("repeat MRI with MRS, the MRI was motion-degraded",
     "Service requested: repeat MRI brain w/wo contrast with MR spectroscopy (76390).\nJustification: the MRI on "
     "09/20/2026 was degraded by patient motion.\n", MET),
    ("repeat after an exam terminated early",
     "Request: MR spectroscopy (76390), repeat. The first attempt was terminated early because the patient could "
     "not tolerate the scanner.\n", MET),
    ("near miss: susceptibility artifact in a prior report",
     "MRI brain 10/01/2026: susceptibility artifact from dental hardware. Impression: ring-enhancing lesion, "
     "abscess versus necrotic metastasis.\nPlan: MR spectroscopy requested to distinguish abscess from tumor.\n",
     NOT),
    ("near miss: motion degraded one sequence",
     "Plan: MRS requested. Motion degraded the perfusion sequence on the 10/05/2026 MRI.\n", NOT),
    ("near miss: repeat of a study of diagnostic quality",
     "Request: repeat MRS (76390) to follow the lesion after radiation. Prior MRS 08/01/2026 was of diagnostic "
     "quality.\n", NOT),
    ("near miss: the radiologist repeated sequences",
     "Request: MRS (76390).\nMRI BRAIN 10/01/2026\nTECHNIQUE: Several sequences were repeated because of motion.\n"
     "FINDINGS: Enhancing mass in the left frontal lobe.\nIMPRESSION: Enhancing mass, glioma versus metastasis. "
     "Recommend repeat MRI with sedation.\n", NOT),
]


@pytest.mark.parametrize("node", [("cohere", "coh.ni.technical_repeat"), ("florida-blue", "fb.technical_reimaging")],
                         ids=["cohere", "florida-blue"])
@pytest.mark.parametrize(("case", "text", "expected"), TECHNICAL_REPEAT, ids=[c[0] for c in TECHNICAL_REPEAT])
def test_technical_repeat_exclusions(analyze, node, case, text, expected):  # type: ignore[no-untyped-def]
    assert _run(analyze, text, *node) is expected
