"""Health-information-exchange and interface printouts, read as their prose and their rows (mention level).

The class: a record printed from an interface or a health information exchange (HIE) keeps the machine's layout, and
three shapes of it were misread.

1. HL7 v2 result segments printed as text. A report's prose is split over OBX segments of a text type
   ("OBX|2|TX|MR^IMP||Expansile mass of the right cerebellar hemisphere,||||||F" / "OBX|3|TX|MR^IMP||medulloblastoma
   versus atypical teratoid tumour.||||||F"): the segment's prefix up to its value field and the status fields after
   it cut the prose, so the second side of a "versus" or a sentence's object was lost. The rule (cue
   layout.hl7_text_segment, pipeline/nlp/normalize.py): only the value field is read, and the values of consecutive
   text segments go on as a wrapped report's lines do; offsets still point into the original text. Other segments
   are headers: MSH, OBR, ORC, a numeric OBX are lines of their own with their separators read as spaces
   (layout.hl7_header_segment); a segment that names people, PID with its name and date of birth, NK1, PV1, is read
   as nothing (layout.hl7_person_segment).
2. A problem-list or result row followed by a comment row that qualifies it ("| Cerebral abscess | G06.0 | Active |"
   / "|  note: ruled out at aspiration |"): the comment row joins its row (cue layout.row_comment) and its status is
   the row's: provisional or unconfirmed -> uncertain (context poss.row_comment), ruled out -> negated
   (neg.row_comment), resolved -> historical (hist.row_comment).
3. "HIE" for a health information exchange ("HIE clinical summary", "sent to HIE", "regional HIE query") is no
   hypoxic-ischaemic encephalopathy (targets look.hie_exchange, a LOOKALIKE that ENCEPHALOPATHY is dropped inside).

Near misses keep their reading: a table row without a comment keeps its status; a comment that confirms ("comment:
biopsy-proven") keeps the entry affirmed; prose with pipes for other reasons; a neonate's HIE, in prose or in a
problem-list row, stays an encephalopathy.

Limits known: HL7 escape sequences (\\.br\\, \\T\\) are read as written; an FT segment's embedded line breaks are not
restored; a word hyphenated across two segments is not rejoined; a comment row reaches only the one row right above
it, and a comment written in the same cell as the status ("Active - provisional") is the existing rules' business;
"HIE" standing alone with none of the exchange's words around it ("HIE: 2 documents") stays an encephalopathy.

Rows: id, text, concept, the mention's text, its expected modifiers among negated/uncertain/historical (None: no
such mention at all), the rule ids of which the evidence must cite one (empty: none asked). Rows whose id starts with
"near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, HEDGE, HIST, NONE = {"negated"}, {"uncertain"}, {"historical"}, set[str]()
AMONG = {"negated", "uncertain", "historical"}
NO: set[str] = set()

MSH = "MSH|^~\\&|PACSIF|LAKESHORE|EMR|NEURO|202607190845||ORU^R01|55102|P|2.3\n"
PID = "PID|1||Q778201^^^LK||ORTEGA^MARISOL||19580923|F|||12 ELM ST^^DULUTH^MN\n"
OBR = "OBR|1|||70553^MRI BRAIN WITH AND WITHOUT CONTRAST|||20260718\n"


def obx(n: int, value: str, kind: str = "TX") -> str:
    return f"OBX|{n}|{kind}|MR^IMP||{value}||||||F\n"


CASES: dict[str, tuple[str, str, str, set[str] | None, set[str]]] = {
    # ------------------------------------------------ HL7 text segments: the prose runs across them
    "versus across two segments": (
        MSH + PID + OBR + obx(1, "Expansile mass of the right cerebellar hemisphere,")
        + obx(2, "medulloblastoma versus atypical teratoid tumour."),
        "BRAIN_TUMOR", "tumour", HEDGE, NO),
    "versus ends the segment": (
        MSH + OBR + obx(1, "Impression: dural-based mass, meningioma versus")
        + obx(2, "dural metastasis. No midline shift."),
        "BRAIN_METASTASIS", "dural metastasis", HEDGE, NO),
    "negation runs into the next segment": (
        OBR + obx(1, "Postoperative cavity of the left frontal lobe without evidence of")
        + obx(2, "recurrent glioma. Stable gliosis."),
        "GLIOMA", "glioma", NEG, NO),
    "hedge opens one segment, diagnosis in the next": (
        OBR + obx(1, "Findings most suggestive of")
        + obx(2, "primary CNS lymphoma, biopsy advised."),
        "CNS_LYMPHOMA", "primary CNS lymphoma", HEDGE, NO),
    "FT segment, hedge across": (
        OBR + obx(1, "Multiple ring-enhancing foci, possibly", "FT")
        + obx(2, "septic emboli or abscesses.", "FT"),
        "BRAIN_INFECTION", "abscesses", HEDGE, NO),
    "a settled read in its own segment": (
        OBR + obx(1, "Solitary enhancing mass of the left occipital lobe.")
        + obx(2, "Glioblastoma, confirmed at stereotactic biopsy."),
        "GLIOMA", "Glioblastoma", NONE, NO),
    "a note segment goes on from the report": (
        OBR + obx(1, "Left cerebellopontine angle mass, vestibular schwannoma favoured over")
        + "NTE|1|L|meningioma. Discussed with the referring office.\n",
        "BRAIN_TUMOR", "meningioma", HEDGE, NO),
    # ------------------------------------------------ header segments
    "near a patient named like a disease is no disease": (
        MSH + "PID|1||Z40021^^^LK||WILSON^HARRIET||19790405|F\n" + OBR + obx(1, "Normal MRI of the brain."),
        "INBORN_ERROR", "WILSON", None, NO),
    "near the next of kin's segment is no relative's history": (
        MSH + PID + "NK1|1|ORTEGA^LUIS|SPO|MS CARE UNIT\n" + OBR + obx(1, "No intracranial abnormality."),
        "MULTIPLE_SCLEROSIS", "MS", None, NO),
    # ------------------------------------------------ comment rows
    "comment provisional": (
        "Problem list:\n| Cerebral abscess | G06.0 | Active |\n|   comment: provisional, from the outside CT |\n"
        "| Asthma | J45.909 | Active |\n",
        "BRAIN_INFECTION", "Cerebral abscess", HEDGE, {"poss.row_comment"}),
    "note not yet confirmed": (
        "Problems\n| Pilocytic astrocytoma | D33.1 | Active |\n| note: not yet confirmed, awaiting pathology |\n",
        "GLIOMA", "Pilocytic astrocytoma", HEDGE, {"poss.row_comment"}),
    "remark ruled out": (
        "Active problems:\n| Primary CNS lymphoma | C85.89 | Active |\n| remark: ruled out by the second biopsy |\n"
        "| Type 2 diabetes | E11.9 | Active |\n",
        "CNS_LYMPHOMA", "Primary CNS lymphoma", NEG, {"neg.row_comment"}),
    "status comment resolved": (
        "Problem list:\n| Toxoplasma encephalitis | B58.2 | Active |\n| status comment: resolved after therapy |\n",
        "BRAIN_INFECTION", "encephalitis", HIST, {"hist.row_comment"}),
    "comment unconfirmed in a result table": (
        "Results:\n| MRI brain | 2026-05-02 | Enhancing lesion, metastasis |\n| comment: unconfirmed, staging "
        "pending |\n",
        "BRAIN_METASTASIS", "metastasis", HEDGE, {"poss.row_comment"}),
    "near a row without a comment keeps its status": (
        "Problem list:\n| Cerebral abscess | G06.0 | Active |\n| Asthma | J45.909 | Active |\n",
        "BRAIN_INFECTION", "Cerebral abscess", NONE, NO),
    "near a comment that confirms": (
        "Problem list:\n| Oligodendroglioma | C71.1 | Active |\n| comment: biopsy-proven, 1p/19q codeleted |\n",
        "GLIOMA", "Oligodendroglioma", NONE, NO),
    "near the comment reaches only the row above": (
        "Problem list:\n| Meningioma | D32.0 | Active |\n| Epilepsy | G40.909 | Active |\n"
        "|   comment: provisional |\n",
        "BRAIN_TUMOR", "Meningioma", NONE, NO),
    "near prose with pipes": (
        "Orders: MRI brain w/wo | MR spectroscopy | note: known glioblastoma, provisional slot only.\n",
        "GLIOMA", "glioblastoma", NONE, NO),
    # ------------------------------------------------ HIE, the exchange
    "HIE clinical summary": (
        "Source: HIE clinical summary, printed 07/20/2026. Reason for referral: new left temporal lesion.\n",
        "ENCEPHALOPATHY", "HIE", None, NO),
    "released to HIE": (
        "MRI report released to HIE on 07/19/2026.\n", "ENCEPHALOPATHY", "HIE", None, NO),
    "statewide HIE index": (
        "Statewide HIE document index: 4 documents found for this patient.\n", "ENCEPHALOPATHY", "HIE", None, NO),
    "HIE query": (
        "HIE query returned an outside MRI from 2025.\n", "ENCEPHALOPATHY", "HIE", None, NO),
    "retrieved via the HIE": (
        "Prior pathology retrieved via the HIE.\n", "ENCEPHALOPATHY", "HIE", None, NO),
    "near a neonate's HIE": (
        "Term newborn with HIE, therapeutic hypothermia for 72 hours.\n", "ENCEPHALOPATHY", "HIE", NONE, NO),
    "near moderate HIE with a Sarnat stage": (
        "Day 5 infant, moderate HIE (Sarnat stage II), seizures on day 1.\n", "ENCEPHALOPATHY", "HIE", NONE, NO),
    "near cooled per the HIE protocol": (
        "Newborn, 38 weeks, cooled per HIE protocol for 72 h.\n", "ENCEPHALOPATHY", "HIE", NONE, NO),
    "near HIE clinical features": (
        "HIE clinical features on day 2: hypotonia, weak suck, seizures.\n", "ENCEPHALOPATHY", "HIE", NONE, NO),
    "near a neonatal HIE row in a problem list": (
        "Problem list:\n| HIE, neonatal, cooled | P91.62 | Active |\n| Jaundice | P59.9 | Resolved |\n",
        "ENCEPHALOPATHY", "HIE", NONE, NO),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rules"), CASES.values(), ids=CASES.keys())
def test_interface_printouts(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                             expected: set[str] | None, rules: set[str]) -> None:
    if expected is None:
        found = [m for m in mentions(text) if m.concept == concept and m.text == span]
        assert not found, [(m.concept, m.text, m.modifiers) for m in found]
        return
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
    if rules:
        assert rules & set(mention.modifier_rules), mention.modifier_rules
