"""Numbers inside identifiers, credentials after names, and report headings, at the mention level.

1. A procedure code inside an identifier is no code: a member, group, authorization, reference, claim, accession or
   record number, or a phone or fax number, that holds a CPT-like run of digits makes no CPT_CODE mention
   (targets.yaml look.identifier, look.identifier_shape; CPT_CODE is suppressed inside them). A code standing alone,
   after "CPT", on a code line, with its modifier or in a range stays a code.
2. A degree or credential after a person's name is no multiple sclerosis (look.credential): beside another
   credential, after an initialled name, after a signer's lead-in, or with its field in parentheses. "MS" as a
   diagnosis stays the disease.
3. A heading alone on its line that names a finding heads its section (forms.yaml `headings`): a finding named under
   it is the mention and the heading says nothing (hypothetical, form.heading.content); a bare denial under it
   answers it No (negated, via form.heading.none); a heading of a template with nothing under it says nothing
   (form.heading.empty). A heading with its finding on its own line, a problem-list entry and a heading over other
   content keep their reading.

Rows are freshly written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from text_to_criteria import check_mention

from pipeline.contracts import Mention

# ------------------------------------------------------------------ 1. codes inside identifiers
# id: (text, the procedure codes that must be found as CPT_CODE mentions)
CODES: dict[str, tuple[str, set[str]]] = {
    "subscriber-id": ("Subscriber ID: WPX-0412-78816\nRequesting MR spectroscopy.", set()),
    "prior-auth-number": ("Prior auth # 2025-78608-B pending with the plan.", set()),
    "accession-no": ("Accession no. NMH-70551-07, MRI brain 10/30/2026.", set()),
    "claim-number-spaced": ("Claim number 2026 76390 04 was denied on 10/02.", set()),
    "case-id": ("UM case ID: UM-2026-76390 opened today.", set()),
    "account-number": ("Acct # 44-78815-9 (self-pay)", set()),
    "fax-number": ("Please fax the determination to Fax 020 78608 4471.", set()),
    "ref-letters": ("Ref: CLM-78813-2026", set()),
    "medical-record-number": ("MR # 00-76390-12, DOB 04/11/1971", set()),
    "unlabelled-barcode": ("Barcode KLP-2207-78815 affixed to the requisition.", set()),
    # near misses: a code standing alone, after "CPT", on a code line, with its modifier, in a range
    "near-cpt-label": ("CPT: 78816 (PET/CT skull base to mid-thigh)", {"78816"}),
    "near-procedure-code": ("Procedure code 76390 - MR spectroscopy, single voxel", {"76390"}),
    "near-code-line": ("Codes requested: 70553, 76390", {"70553", "76390"}),
    "near-modifier": ("76390-26 professional component only", {"76390"}),
    "near-range": ("CPT 70551-70553 on file", {"70551", "70553"}),
    "near-id-then-code": ("Member ID: HX4471920    CPT 78608", {"78608"}),
}


@pytest.mark.parametrize(("text", "codes"), CODES.values(), ids=CODES.keys())
def test_a_code_inside_an_identifier_is_no_code(mentions: Callable[[str], list[Mention]], text: str,
                                                codes: set[str]) -> None:
    found = {c for m in mentions(text) if m.concept == "CPT_CODE" for c in re.findall(r"[0-9]{5}", m.text)}
    assert found == codes, [(m.concept, m.text, m.rule_id) for m in mentions(text)]


# ------------------------------------------------------------------ 2. credentials after names
# id: (text, whether "MS" is a MULTIPLE_SCLEROSIS mention)
CREDENTIALS: dict[str, tuple[str, bool]] = {
    "board-certification": ("Spectra reviewed by Priya Raman, MS, DABMP.", False),
    "initial-and-lead-in": ("Dictated by L. Ortiz, MS", False),
    "counselor-lead-in": ("Genetic counselor: Noor Haddad, MS", False),
    "md-then-ms": ("cc: Dr. Elena Voss, MD, MS", False),
    "field-in-parentheses": ("Physics QA: B. Whitfield, MS (medical physics)", False),
    "pharmd-then-ms": ("Prepared by K. Adeyemi, PharmD, MS", False),
    # near misses: MS as a diagnosis
    "near-assessment": ("Assessment: MS, on ofatumumab since 2023, clinically stable.", True),
    "near-dx-with-code": ("Dx: MS (G35)", True),
    "near-pmh-list": ("PMH: migraine, hypothyroidism, MS", True),
    "near-her-ms": ("Her MS was diagnosed in 2018 by Dr. Kim.", True),
}


@pytest.mark.parametrize(("text", "disease"), CREDENTIALS.values(), ids=CREDENTIALS.keys())
def test_a_credential_after_a_name_is_no_multiple_sclerosis(mentions: Callable[[str], list[Mention]], text: str,
                                                            disease: bool) -> None:
    check_mention(mentions, text, "MULTIPLE_SCLEROSIS", "MS", set() if disease else None,
                  among={"negated", "hypothetical", "uncertain"})


# ------------------------------------------------------------------ 3. headings that name a finding
NEG, HYP, NONE = {"negated"}, {"hypothetical"}, set[str]()
# id: (text, concept, heading span, expected modifiers among negated / hypothetical / uncertain)
HEADINGS: dict[str, tuple[str, str, str, set[str]]] = {
    "heading-over-negated-finding": ("EEG MONITORING SUMMARY\nSEIZURES:\nThere were no clinical or electrographic "
                                     "seizures over 48 hours.\n", "SEIZURE", "SEIZURES", HYP),
    "heading-over-none-recorded": ("Continuous EEG, day 3\nSEIZURES\nNone recorded during the 24-hour study.\n"
                                   "RHYTHMIC PATTERNS\nGRDA, frontal.\n", "SEIZURE", "SEIZURES", NEG),
    "title-case-heading-over-none": ("Video EEG\nSeizures:\nnone captured\n", "SEIZURE", "Seizures", NEG),
    "template-tumor-over-nothing": ("NEURO ROS\nTUMOR\n\nINFECTION\n\nSTROKE\n\nPlan: MRS.\n",
                                    "BRAIN_TUMOR", "TUMOR", HYP),
    "template-infection-over-nothing": ("NEURO ROS\nTUMOR\n\nINFECTION\n\nSTROKE\n\nPlan: MRS.\n",
                                        "BRAIN_INFECTION", "INFECTION", HYP),
    "template-tumor-not-identified": ("Intake\nTUMOR:\nNot identified.\nINFECTION:\nNegative.\n",
                                      "BRAIN_TUMOR", "TUMOR", NEG),
    # near misses: the finding on the heading's own line, a list entry, other content under the heading
    "near-finding-on-its-line": ("SEIZURES: three right temporal seizures captured on day 2\n",
                                 "SEIZURE", "SEIZURES", NONE),
    "near-problem-list-entry": ("Problem list:\nSeizures\nObesity\n", "SEIZURE", "Seizures", NONE),
    "near-diagnoses-in-capitals": ("DIAGNOSES:\nSEIZURES\nANXIETY\n", "SEIZURE", "SEIZURES", NONE),
    "near-heading-over-events": ("EEG\nSEIZURES\nFour electrographic events from the left temporal region.\n",
                                 "SEIZURE", "SEIZURES", NONE),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), HEADINGS.values(), ids=HEADINGS.keys())
def test_a_heading_that_names_a_finding_heads_its_section(mentions: Callable[[str], list[Mention]], text: str,
                                                          concept: str, span: str, expected: set[str]) -> None:
    check_mention(mentions, text, concept, span, expected, among={"negated", "hypothetical", "uncertain"})
