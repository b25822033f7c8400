"""A later-dated imaging report that explicitly withdraws or excludes an earlier report's hedged diagnosis settles it,
through the real NLP stage to the facts (facts/resources/supersession.yaml: supersede.later_report,
supersede.later_report_retraction; superseded_by `settled`).

1. Two dated imaging reports in one packet: the earlier one hedges a diagnosis ("Cannot exclude a low-grade glioma",
   "neoplasm not excluded", "differential includes lymphoma"); the later-dated one (its impression, findings or
   addendum) excludes or withdraws that same diagnosis with explicit wording: an exclusion or a withdrawal
   ("resolution excludes a neoplasm", "the earlier differential of glioma is withdrawn", "tumour has been ruled
   out", "no longer felt to represent tumour"), or a negation in a sentence that retracts the earlier finding
   ("No metastasis; the CT finding was a vascular flow artefact"). The earlier hedge stops counting (brain_neoplasm,
   glial_neoplasm, brain_metastasis, cns_lymphoma absent or not documented, no tumour-versus-non-tumour
   differential), wherever the reports stand in the text: their dates decide.
2. Near misses (stay suspected): the exclusion is in the EARLIER-dated report and the later one hedges; the later
   report only tells a change ("decreased in size", "complete resolution"); the later report excludes another
   diagnosis ("no abscess") than the one hedged ("glioma"); the later report is of another body part ("MRI
   spine: ... neoplasm excluded"); the later report keeps the question open.

Rows: id, text (a request date is appended), {fact: expected status}, and a rule id the ignored evidence of the
first fact must cite (None: no check). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import ClinicalFacts, FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
LATER = "supersede.later_report"

CASES: list[tuple[str, str, dict[str, FactStatus], str | None]] = [
    # 1. a later-dated report excludes or withdraws the earlier report's hedged diagnosis
    ("addendum of the later report excludes and withdraws",
     "MRI BRAIN 03/14/2025\nImpression: Nonspecific left temporal lesion; neoplasm not excluded.\n\n"
     "MRI BRAIN 09/18/2025\nAddendum: Resolution excludes neoplasm; prior concern for tumour has been withdrawn.",
     {"brain_neoplasm": A}, None),
    ("later CT finding retracted as an artefact",
     "CT HEAD 01/10/2026\nImpression: Cannot rule out metastasis.\n\n"
     "MRI BRAIN 02/02/2026\nImpression: No metastasis; the CT finding was a vascular flow artefact.",
     {"brain_metastasis": A, "brain_neoplasm": A}, LATER),
    ("lymphoma no longer considered",
     "MRI BRAIN 05/14/2024\nImpression: Differential includes lymphoma.\n\n"
     "MRI BRAIN 11/20/2024\nImpression: Lymphoma is no longer considered; findings were demyelinating.",
     {"cns_lymphoma": A, "brain_neoplasm": A}, None),
    ("earlier differential of glioma withdrawn",
     "MRI BRAIN 03/10/2025\nImpression: Cannot exclude a low-grade glioma or encephalitis.\n\n"
     "MRI BRAIN 09/12/2025\nImpression: The earlier differential of low-grade glioma is withdrawn.",
     {"glial_neoplasm": A, "tumor_vs_nontumor_differential": N}, None),
    ("complete resolution excludes a neoplasm, in the findings",
     "MRI brain w/wo contrast 04/02/2025\nIMPRESSION: Enhancing right frontal focus; a neoplasm cannot be "
     "excluded.\n\nMRI brain w/wo contrast 10/06/2025\nFINDINGS: Complete resolution of the right frontal focus "
     "excludes a neoplasm.\nIMPRESSION: Resolved inflammatory lesion.",
     {"brain_neoplasm": A}, None),
    ("tumour ruled out in the later addendum, British spelling",
     "MR HEAD 02/03/2025\nImpression: Appearances could represent a low grade glioma.\n\n"
     "MR HEAD 07/07/2025\nImpression: Stable appearances.\nAddendum: On comparison, glioma has been ruled out.",
     {"glial_neoplasm": A}, None),
    ("later report on the next page, metastasis excluded",
     "CT BRAIN WITH CONTRAST 06/01/2025\nImpression: Ring-enhancing lesion; metastasis versus abscess.\n\f\n"
     "MRI BRAIN 06/20/2025\nImpression: Diffusion restriction confirms an abscess.\n"
     "Addendum: Metastasis is excluded.",
     {"brain_metastasis": A, "tumor_vs_nontumor_differential": N}, None),
    ("later-dated report written first in the packet",
     "MRI BRAIN 11/20/2024\nImpression: Lymphoma has been excluded; findings are demyelinating.\n\n"
     "MRI BRAIN 05/14/2024\nImpression: Periventricular enhancing lesion; differential includes lymphoma.",
     {"cns_lymphoma": A}, LATER),
    ("prior CT finding was an artefact, next sentence, abbreviation",
     "CT HEAD 01/05/2026\nImpression: Cannot r/o mets.\n\nMRI BRAIN (W/WO) 01/29/2026\nImpression: No mets. The prior "
     "CT finding was an artefact.",
     {"brain_metastasis": A}, LATER),
    ("form fields for the dates, neoplasm excluded",
     "Exam: MRI BRAIN   Date: 03/03/2025\nImpression: Neoplasm not excluded.\n\n"
     "Exam: MRI BRAIN   Date: 08/08/2025\nImpression: Interval resolution; this excludes a neoplasm.",
     {"brain_neoplasm": A}, None),
    ("glioma not supported, line wrap inside the phrase",
     "MRI BRAIN 01/15/2025\nImpression: Differential includes glioma and\ncerebritis.\n\n"
     "MRI BRAIN 06/15/2025\nImpression: Glioma is excluded\non this study; resolving cerebritis.",
     {"glial_neoplasm": A}, None),
    ("previous finding a pseudolesion, parentheses",
     "MRI BRAIN 02/11/2025\nImpression: Small cortical focus (possible metastasis).\n\n"
     "MRI BRAIN 04/30/2025\nFindings: No metastasis (the previously described focus was a pseudolesion).",
     {"brain_metastasis": A}, LATER),
    ("later-dated withdrawal of glioma written first",
     "CT HEAD 08/09/2025\nImpression: No glioma; the earlier MRI finding was an artifact.\n\n"
     "MRI BRAIN 07/01/2025\nImpression: Cannot exclude a low-grade glioma.",
     {"glial_neoplasm": A}, LATER),
    # 2. near misses: the reading stays
    ("near: earlier report excludes, later one hedges",
     "MRI BRAIN 03/10/2025\nImpression: Tumour has been excluded.\n\n"
     "MRI BRAIN 09/12/2025\nImpression: New enhancing focus; tumour cannot be excluded.",
     {"brain_neoplasm": S}, None),
    ("near: later report only tells it decreased",
     "MRI BRAIN 03/10/2025\nImpression: Cannot exclude a low-grade glioma.\n\n"
     "MRI BRAIN 09/12/2025\nImpression: The temporal lesion has decreased in size.",
     {"glial_neoplasm": S}, None),
    ("near: later report only tells complete resolution",
     "MRI BRAIN 05/14/2024\nImpression: Differential includes lymphoma.\n\n"
     "MRI BRAIN 11/20/2024\nImpression: Complete resolution of the enhancing lesion.",
     {"cns_lymphoma": S}, None),
    ("near: later report excludes another diagnosis",
     "MRI BRAIN 03/10/2025\nImpression: Cannot exclude a glioma.\n\n"
     "MRI BRAIN 09/12/2025\nImpression: An abscess has been excluded.",
     {"glial_neoplasm": S}, None),
    ("near: later report of the spine",
     "MRI BRAIN 03/10/2025\nImpression: Neoplasm not excluded.\n\n"
     "MRI CERVICAL SPINE 09/12/2025\nImpression: Neoplasm has been excluded.",
     {"brain_neoplasm": S}, None),
    ("near: later report keeps it open",
     "MRI BRAIN 03/10/2025\nImpression: Cannot exclude a low-grade glioma.\n\n"
     "MRI BRAIN 09/12/2025\nImpression: Stable; a low-grade glioma cannot be excluded.",
     {"glial_neoplasm": S}, None),
]


@pytest.mark.parametrize(("text", "expected", "rule"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_later_report_withdraws_differential(fragment_facts: Callable[[str], ClinicalFacts], text: str,
                                             expected: dict[str, FactStatus], rule: str | None) -> None:
    facts = fragment_facts(text)
    check_facts(facts, expected)
    if rule is not None:
        first = facts.facts[next(iter(expected))]
        assert any(rule in str(e.attributes.get("supersession_rule", "")).split() for e in first.ignored), \
            [(e.text, e.attributes.get("supersession_rule")) for e in first.ignored]
