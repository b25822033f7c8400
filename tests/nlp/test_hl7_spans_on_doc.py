"""The HL7 v2 message spans travel with the document: normalize() puts them on its NormalizedText
(`hl7_messages`, in normalised-text offsets) and pipeline/nlp/pipeline.py make_doc / analyse / analyse_all put
them on the Doc (doc.user_data[HL7_MESSAGES]) for the hl7_message_sections component
(tests/nlp/test_section_ends_with_its_message.py holds the clinical table of that component).

No process-wide table: a document's messages do not depend on which texts were normalised before or after it, and
a Doc made from a plain string carries none (no section is cut).
"""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.contracts import Mention
from pipeline.nlp import NormalizedText, analyse, analyse_all, make_doc, nlp_result, normalize
from pipeline.nlp.components import HL7_MESSAGES
from pipeline.nlp.normalize import normalize_layout


def _obx(n: int, value: str) -> str:
    return f"OBX|{n}|TX|RAD^NARR||{value}||||||F"


def _message(control: str, study: str, impression: str) -> str:
    return "\n".join([
        f"MSH|^~\\&|PACSRPT|LAKESHORE RADIOLOGY|EMR|SPINECLINIC|20260917141500||ORU^R01|{control}|P|2.3",
        "PID|1||MRN40917||OKONKWO^BEATRIX^L||19710811|F",
        f"OBR|1||ACC{control}|{study}|||20260916",
        _obx(1, "FINDINGS: Left cerebellar enhancing focus, mild surrounding edema."),
        _obx(2, f"IMPRESSION: {impression}"),
    ])


# document A: the message, then a plain line about a body CT: it reads in no section (the impression ends)
DOC_A = (_message("T5501", "70553^MRI BRAIN W WO", "Solitary cerebellar enhancing lesion, metastasis favored.")
         + "\nCT abdomen/pelvis 09/02/2026 (liver to pelvis; brain not imaged) - unremarkable.\n")
# document B: a plan, the message, then a plain line that reads in the plan again
DOC_B = ("Plan:\nObtain perfusion imaging of the right temporal lesion.\n"
         + _message("T5502", "70551^MRI BRAIN WO", "Right temporal mass, high-grade glioma versus lymphoma.")
         + "\nOutside MRI 2024 showed a stable left frontal lesion.\n")


def _mention(nlp: Any, norm: NormalizedText | str, source: str, concept: str, text: str) -> Mention:
    doc = analyse(nlp, norm)
    plain = norm if isinstance(norm, NormalizedText) else normalize(source)
    found = [m for m in nlp_result(doc, plain, source).mentions if m.concept == concept and m.text == text]
    assert found, f"no {concept} {text!r}"
    return found[-1]


def _read_a(nlp: Any, norm: NormalizedText | str) -> str | None:
    return _mention(nlp, norm, DOC_A, "IMAGING", "CT abdomen").section


def _read_b(nlp: Any, norm: NormalizedText | str) -> str | None:
    return _mention(nlp, norm, DOC_B, "BRAIN_LESION", "left frontal lesion").section


def test_normalized_text_carries_its_messages() -> None:
    for text, count in ((DOC_A, 1), (DOC_B, 1), (DOC_A + "\n" + DOC_B, 2)):
        norm = normalize(text)
        assert len(norm.hl7_messages) == count
        for start, end in norm.hl7_messages:
            assert norm.text[start:].startswith("MSH")  # in the normalised text's offsets
            assert 0 <= start < end <= len(norm.text)
            assert "IMPRESSION" in norm.text[start:end]
        assert normalize_layout(text).hl7_messages  # the layout step carries them too


@pytest.mark.parametrize("text", [
    "Plan:\nMRI brain with and without contrast.\n",
    "Pain score | 4 | 10/02/2026\nGait | steady | 10/02/2026\n",  # pipes, but no HL7 segment
    "",
])
def test_text_without_messages_has_none(text: str) -> None:
    assert normalize(text).hl7_messages == ()
    assert normalize_layout(text).hl7_messages == ()


def test_make_doc_puts_the_messages_on_the_doc(nlp: Any) -> None:
    norm = normalize(DOC_A)
    doc = make_doc(nlp, norm)
    assert doc.text == norm.text and doc.user_data[HL7_MESSAGES] == norm.hl7_messages
    assert HL7_MESSAGES not in make_doc(nlp, normalize("Plan:\nMRI brain.\n")).user_data
    assert HL7_MESSAGES not in make_doc(nlp, norm.text).user_data  # a plain string carries nothing


def test_documents_analysed_alternately_keep_their_own_sections(nlp: Any) -> None:
    """Two documents normalised first and then analysed in turn, A B A B: each keeps its own message's cut."""
    norm_a, norm_b = normalize(DOC_A), normalize(DOC_B)
    for _ in range(2):
        assert _read_a(nlp, norm_a) is None
        assert _read_b(nlp, norm_b) == "assessment_plan"


def test_messages_survive_many_other_normalisations(nlp: Any) -> None:
    """A document's messages do not depend on how many texts were normalised after it (the former module-level
    table kept the last 8 texts only)."""
    norm_a = normalize(DOC_A)
    for n in range(12):
        normalize(_message(f"X{n:04d}", "70450^CT HEAD WO", f"No acute finding on study {n}.") + "\nPlain line.\n")
    assert _read_a(nlp, norm_a) is None


def test_doc_from_plain_text_gets_no_cut(nlp: Any) -> None:
    """A Doc analysed from the normalised string (no spans on it) keeps the section the heading opened: the
    impression runs on over the plain line, as for any text without messages."""
    norm_a, norm_b = normalize(DOC_A), normalize(DOC_B)
    assert _read_a(nlp, norm_a.text) == "impression"
    assert _read_b(nlp, norm_b.text) == "impression"
    assert _read_a(nlp, norm_a) is None  # and the same text with its spans is cut


def test_analyse_all_reads_as_analyse(nlp: Any) -> None:
    norms = [normalize(DOC_A), normalize(DOC_B), normalize(DOC_A)]
    for norm, doc in zip(norms, analyse_all(nlp, norms, batch_size=2), strict=True):
        one = analyse(nlp, norm)
        assert [(s.category, s.body_start, s.body_end) for s in doc._.sections] == \
            [(s.category, s.body_start, s.body_end) for s in one._.sections]
        assert doc.user_data[HL7_MESSAGES] == norm.hl7_messages
