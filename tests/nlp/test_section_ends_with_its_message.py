"""A section opened by a heading inside an HL7 v2 message ends where the message ends (cues
layout.hl7_message_end, layout.hl7_message_gap; pipeline/nlp/normalize.py hl7_messages, pipeline/nlp/components.py
hl7_message_sections).

Class: an HL7 result message printed as text (MSH / PID / OBR / OBX lines) carries a report's headings inside its
OBX text segments ("OBX|7|TX|RPT||IMPRESSION: ..."). Once the segment prefix is stripped the heading opens a
section (sections.yaml), and that section ran on past the end of the message over the plain lines after it (a
summary line of another study, an office note's sentence, a fax header), which then read as part of the message's
impression or findings: a body CT named on such a line read inside a brain MRI's impression.

Rule: the section ends at the first line after the message's segments that is no HL7 segment, or at the next MSH
segment (the next message). Blank lines, page breaks and page or fax headers between two segments of one message
do not end it (a message printed over two pages). The text after the message reads in the section open before the
message (its header is then empty), or in none. Indentation plays no part, so text from a rendered PDF (which keeps
lines and loses indentation) reads the same.

Near misses keep their reading: the OBX heading still opens its section for the segments after it inside the
message; a plain-text report (no HL7) keeps its impression running over the lines under it; a message continued
over a page (OBX, a page header or a page break, more OBX of the same message) keeps one section; a blank line
between two OBX segments does not end the message.

Limits: the message's end is known only for a document analysed through pipeline.nlp.make_doc / analyse (the
spans travel on the Doc from normalize()'s result; a Doc made from a plain string gets no cut); an indented segment line ("  OBX|")
is no segment at all (as before); a plain line wedged between two segments of one message (other than a page or
fax header) ends the message and the segments after it form another one; a section that a header segment (OBR)
opens is not cut.

Rows: id, text, the mention's text, its concept, the section it must read in (None: no section), and, where the
row names one, the body part the study keeps. Rows whose id starts with "near" keep their current reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.contracts import NlpResult

MSH_A = "MSH|^~\\&|RISX|HARBORVIEW IMAGING|EHR|NEUROONC|20261104093000||ORU^R01|Q88120|P|2.4"
PID_A = "PID|1||MR771203||VANTERPOOL^ISOLDE^M||19640322|F"
OBR_A = "OBR|1||ACC55120|70553^MRI BRAIN W WO CONTRAST|||20261103"
MSH_B = "MSH|^~\\&|RISX|HARBORVIEW IMAGING|EHR|NEUROONC|20261104094500||ORU^R01|Q88121|P|2.4"
OBR_B = "OBR|1||ACC55121|71260^CT CHEST W CONTRAST|||20261103"


def obx(n: int, value: str) -> str:
    return f"OBX|{n}|TX|RPT^TEXT||{value}||||||F"


def mri_message(*, last: str = "IMPRESSION: Ring-enhancing right parietal lesion, glioblastoma favored.") -> str:
    return "\n".join([MSH_A, PID_A, OBR_A,
                      obx(1, "FINDINGS: Ring-enhancing lesion of the right parietal lobe with edema."),
                      obx(2, last)])


PLAIN_CT = "CT chest/abdomen/pelvis 10/22/2026 (thoracic inlet to pelvis; brain not imaged) - no metastatic disease."
PLAIN_PET = "PET/CT 08/30/2026 skull base to thighs - no FDG-avid metastatic disease."

CASES: dict[str, tuple[str, str, str, str | None, str | None]] = {
    # ------------------------------------------------ a plain line right after the message
    "ct-line-after-impression": (mri_message() + "\n" + PLAIN_CT, "CT chest", "IMAGING", None, "body"),
    "ct-line-negation-not-impression": (mri_message() + "\n" + PLAIN_CT, "metastatic disease", "BRAIN_METASTASIS",
                                        None, None),
    "pet-line-after-impression": (mri_message() + "\n" + PLAIN_PET, "PET/CT", "IMAGING", None, None),
    "after-blank-line": (mri_message() + "\n\n" + PLAIN_CT, "CT chest", "IMAGING", None, "body"),
    "after-findings-last": (mri_message(last="FINDINGS: No restricted diffusion.") + "\n"
                            + "Outside MRI 2025 showed a stable left frontal lesion.",
                            "left frontal lesion", "BRAIN_LESION", None, None),
    "fax-header-then-line": (mri_message() + "\n" + "11/04/2026 10:02 FROM: CEDAR VALLEY ONCOLOGY" + "\n"
                             + "Glioma grade 2 resected in 2019 per outside records.", "Glioma", "GLIOMA", None,
                             None),
    "indented-plain-line": (mri_message() + "\n" + "    " + PLAIN_CT, "CT chest", "IMAGING", None, "body"),
    # the plain text reads in the section open before the message
    "resumes-plan": ("Plan:\nRequest MR spectroscopy of the right parietal lesion.\n" + mri_message() + "\n"
                     + PLAIN_CT, "CT chest", "IMAGING", "assessment_plan", "body"),
    "resumes-hpi": ("History of present illness:\n58-year-old woman with new seizures.\n" + mri_message() + "\n"
                    + "Outside MRI 2025 showed a stable left frontal lesion.", "left frontal lesion", "BRAIN_LESION",
                    "history_of_present_illness", None),
    # ------------------------------------------------ two messages in a row
    "second-message-text-before-heading": (mri_message() + "\n" + MSH_B + "\n" + OBR_B + "\n"
                                           + obx(1, "Chest CT with contrast 11/03/2026.") + "\n"
                                           + obx(2, "IMPRESSION: No pulmonary nodules."),
                                           "Chest CT", "IMAGING", None, None),
    "second-message-own-impression": (mri_message() + "\n" + MSH_B + "\n" + OBR_B + "\n"
                                      + obx(1, "FINDINGS: Clear lungs.") + "\n"
                                      + obx(2, "IMPRESSION: No change since the PET/CT of 08/30/2026."),
                                      "PET/CT", "IMAGING", "impression", None),
    "first-message-keeps-impression": (mri_message() + "\n" + MSH_B + "\n" + OBR_B + "\n"
                                       + obx(1, "Chest CT with contrast 11/03/2026."),
                                       "glioblastoma", "GLIOMA", "impression", None),
    # ------------------------------------------------ near misses: today's reading
    "near-heading-opens-inside": (mri_message(last="IMPRESSION:") + "\n" + obx(3, "1. Glioblastoma favored.")
                                  + "\n" + obx(4, "2. Lymphoma less likely.") + "\n" + PLAIN_CT,
                                  "Lymphoma", "CNS_LYMPHOMA", "impression", None),
    "near-findings-inside": (mri_message(), "lesion of the right parietal", "BRAIN_LESION", "findings", None),
    "near-plain-report": ("MRI BRAIN WITH AND WITHOUT CONTRAST\nFINDINGS: Ring-enhancing right parietal lesion.\n"
                          "IMPRESSION: Glioblastoma favored.\n" + PLAIN_CT, "CT chest", "IMAGING", "impression",
                          None),
    "near-page-header-continued": (mri_message() + "\n" + "Page 2 of 2" + "\n"
                                   + obx(3, "Metastasis considered less likely.") + "\n" + PLAIN_CT,
                                   "Metastasis", "BRAIN_METASTASIS", "impression", None),
    "near-fax-page-continued": (mri_message() + "\n\n" + "11/04/2026 10:02 FAX 555-0187 P.003/004" + "\n\n"
                                + obx(3, "Metastasis considered less likely."), "Metastasis", "BRAIN_METASTASIS",
                                "impression", None),
    "near-page-break-continued": (mri_message() + "\n\f\n" + obx(3, "Metastasis considered less likely."),
                                  "Metastasis", "BRAIN_METASTASIS", "impression", None),
    "near-blank-between-segments": (mri_message() + "\n\n" + obx(3, "Metastasis considered less likely."),
                                    "Metastasis", "BRAIN_METASTASIS", "impression", None),
    "near-note-segment-inside": (mri_message() + "\n" + "NTE|1|L|Metastasis discussed with the tumor board.",
                                 "Metastasis", "BRAIN_METASTASIS", "impression", None),
}


@pytest.mark.parametrize("case", CASES.keys())
def test_section_ends_with_its_message(case: str, analyze: Callable[..., NlpResult]) -> None:
    text, mention_text, concept, section, body_part = CASES[case]
    found = [m for m in analyze(text).mentions if m.concept == concept and m.text == mention_text]
    assert found, f"{case}: no {concept} {mention_text!r}"
    mention = found[-1]
    assert mention.section == section, f"{case}: {mention_text!r} read in {mention.section}, not {section}"
    if body_part is not None:
        assert mention.attrs.get("body_part") == body_part


@pytest.mark.parametrize("pdf", [False, True], ids=["text", "pdf-no-indent"])
def test_impression_section_ends_before_the_plain_line(pdf: bool, analyze: Callable[..., NlpResult]) -> None:
    """Section level: the message's impression ends before the plain line, as text and as PDF text (whose lines
    lose their indentation)."""
    plain = PLAIN_CT if pdf else "   " + PLAIN_CT
    text = mri_message() + "\n" + plain + "\n"
    sections = analyze(text).sections
    impression = [s for s in sections if s.category == "impression"]
    assert impression and impression[-1].end <= text.index("CT chest")
    assert not any(s.start <= text.index("CT chest") < s.end for s in sections)
