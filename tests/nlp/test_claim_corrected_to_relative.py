"""A diagnosis the patient (or a form) first gave as the patient's and then corrected to a relative's is the
relative's (family history).

Class: a record tells that the patient ticked, listed or reported a disease, or that a form states it, and then,
in the same sentence or the next one of its paragraph, that it was a relative's ("on clarification it was her
grandmother's meningioma", "he later explained that his brother had the glioma", "corrected by the patient: it was
his daughter who has seizures", "per the claimant this was his father's diagnosis"). The relative's own mention was
FAMILY, but the claim before it stayed the patient's (present).

Rule (context.yaml scope `claim_corrected`, id scope.claim_corrected, over the relative cues fam.relative_has,
fam.relative_possessive, fam.relative_qualified and fam.relative_named): a correction (a correction word or a
pointer back to the claim: "on clarification", "later clarified that", "corrected by the patient:", "actually",
"this was", "the medulloblastoma was", "turned out to be") whose relative is such a cue, and which names the
relative's disease (a target that cue made FAMILY) or points back to the claim ("his father's diagnosis", "her
cousin's", "her niece's condition"), makes the diseases of the same group named before it (in its sentence, or in
the previous sentence of its paragraph when the correction opens its own) the relative's.

Near misses keep their reading: a relative's disease told besides the patient's ("his brother also had one", "too",
"as well"), a worry likened to a relative's ("a tumor like his father's"), a claim confirmed ("confirmed on the 2023
MRI"), a clerical error told without a relative, the patient named with a disease of his own after a relative's
("she herself has had four seizures"), a relative's idea, hospital or witness ("his father's idea", "her daughter
witnessed them", "her father who noticed the seizures"), a correction about another disease group ("her brother has
epilepsy" after the patient's MS), the patient's own disease in the sentence before.

Limits: the correction must follow the claim in its sentence or open the next sentence of its paragraph; a
correction that names no relative's disease reaches the group of the last disease before it only; a correction
that does not name the relative as a cue of those rules ("it was the neighbour's") is not read.

Rows: id, text, concept, the mention's text, which occurrence of that text (0 = first), expected modifiers among
{family}. Ids starting "near" must keep their reading. Facts: the FACT_ROWS below.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from text_to_criteria import check_facts, check_mention, facts_of

from pipeline.contracts import FactStatus, Mention

F: set[str] = {"family"}
NONE: set[str] = set()
AMONG = {"family"}

CASES: dict[str, tuple[str, str, str, int, set[str]]] = {
    # ------------------------------------------------ the correction names the relative's disease again
    "ticked-nephew-who-has": ("On the intake form she ticked 'seizures'; on clarification it was her nephew who has "
                              "epilepsy, not her.", "SEIZURE", "seizures", 0, F),
    "circled-uncles-astrocytoma": ("He circled 'brain tumour' on the questionnaire; on further questioning it was "
                                   "his uncle's astrocytoma.", "BRAIN_TUMOR", "brain tumour", 0, F),
    "clarified-sister-has": ("She reported prior multiple sclerosis; she later clarified that her sister has MS and "
                             "she herself does not.", "MULTIPLE_SCLEROSIS", "multiple sclerosis", 0, F),
    "corrected-father-who-had": ("The questionnaire mentions meningioma - corrected by the patient: it was her "
                                 "father who had the meningioma.", "BRAIN_TUMOR", "meningioma", 0, F),
    "next-sentence-grandfathers": ("Checked 'epilepsy' on the history form. On clarification, it was his "
                                   "grandfather's epilepsy, not his.", "EPILEPSY", "epilepsy", 0, F),
    "member-explained-brothers": ("The claim form records a CNS lymphoma; the member explained that it was her "
                                  "brother's lymphoma.", "CNS_LYMPHOMA", "CNS lymphoma", 0, F),
    "next-sentence-however-aunt": ("The pre-visit questionnaire lists multiple sclerosis. However, she clarified "
                                   "that her aunt has MS, not her.", "MULTIPLE_SCLEROSIS", "multiple sclerosis", 0,
                                   F),
    "son-who-has-after-own-dx": ("Known glioblastoma. She also checked 'epilepsy'; on clarification it was her son "
                                 "who has epilepsy.", "EPILEPSY", "epilepsy", 0, F),
    # ------------------------------------------------ the correction points back to the claim
    "per-patient-mothers-diagnosis": ("Referral lists glioblastoma in the past history; per the patient this was "
                                      "her mother's diagnosis.", "GLIOMA", "glioblastoma", 0, F),
    "actually-cousins": ("She told the nurse she had a brain tumor; actually it was her cousin's, she has never had "
                         "one.", "BRAIN_TUMOR", "brain tumor", 0, F),
    "in-fact-sons-diagnosis": ("Intake notes 'history of encephalitis'; this was in fact his son's diagnosis.",
                               "BRAIN_INFECTION", "encephalitis", 0, F),
    "the-disease-was-mothers": ("He listed medulloblastoma under his own history; he has since corrected this - the "
                                "medulloblastoma was his mother's.", "BRAIN_TUMOR", "medulloblastoma", 0, F),
    "the-disease-was-mothers-restated": ("He listed medulloblastoma under his own history; he has since corrected "
                                         "this - the medulloblastoma was his mother's.", "BRAIN_TUMOR",
                                         "medulloblastoma", 1, F),
    "applicant-nieces-condition": ("Form states MELAS; per the applicant, that was her niece's condition.",
                                   "MITOCHONDRIAL", "MELAS", 0, F),
    "turned-out-twin-sisters": ("Patient initially reported a seizure disorder, but this turned out to be her twin "
                                "sister's.", "EPILEPSY", "seizure disorder", 0, F),
    # ------------------------------------------------ near misses: as now
    "near-brother-also": ("He has a glioma; his brother also had one.", "GLIOMA", "glioma", 0, NONE),
    "near-worry-like-fathers": ("He worried his headaches were a tumor like his father's.", "BRAIN_TUMOR", "tumor",
                                0, NONE),
    "near-confirmed-on-mri": ("Questionnaire lists meningioma, which was confirmed on the 2023 MRI.", "BRAIN_TUMOR",
                              "meningioma", 0, NONE),
    "near-clerical-error": ("Not hers - the outside hospital entered it in error; no tumor has ever been found.",
                            "BRAIN_TUMOR", "tumor", 0, NONE),
    "near-she-herself-seizures": ("Her mother had epilepsy; she herself has had four seizures.", "SEIZURE",
                                  "seizures", 0, NONE),
    "near-father-too": ("Patient has epilepsy. Per the patient, his father had epilepsy too.", "EPILEPSY",
                        "epilepsy", 0, NONE),
    "near-sister-as-well": ("She reported MS; on clarification her sister has MS as well.", "MULTIPLE_SCLEROSIS",
                            "MS", 0, NONE),
    "near-fathers-idea": ("He checked 'brain tumor'; on clarification it was his father's idea to get the MRI.",
                          "BRAIN_TUMOR", "brain tumor", 0, NONE),
    "near-father-noticed": ("Glioblastoma diagnosed 2024; per her husband, it was her father who noticed the "
                            "seizures first.", "GLIOMA", "Glioblastoma", 0, NONE),
    "near-other-group": ("She has MS confirmed on MRI; on clarification, her brother has epilepsy.",
                         "MULTIPLE_SCLEROSIS", "MS", 0, NONE),
    "near-brothers-hospital": ("The form states lymphoma; per the claimant this was confirmed at his brother's "
                               "hospital.", "CNS_LYMPHOMA", "lymphoma", 0, NONE),
    "near-daughter-witnessed": ("She listed seizures; she later explained that her daughter witnessed them.",
                                "SEIZURE", "seizures", 0, NONE),
    "near-own-dx-before": ("Known glioblastoma. She also checked 'epilepsy'; on clarification it was her son who has "
                           "epilepsy.", "GLIOMA", "glioblastoma", 0, NONE),
}


@pytest.mark.parametrize(("text", "concept", "span", "nth", "expected"), CASES.values(), ids=CASES.keys())
def test_claim_corrected_to_relative(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                     nth: int, expected: set[str]) -> None:
    check_mention(mentions, text, concept, span, expected, among=AMONG, nth=nth)


P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
R = "Request date: 11/20/2026\nMR spectroscopy requested.\n"

FACT_ROWS: dict[str, tuple[str, dict[str, Any]]] = {
    "ticked-grandmothers-meningioma": (R + "On the questionnaire she ticked 'brain tumor'; on clarification it was "
                                       "her grandmother's meningioma, not hers.\n", {"brain_neoplasm": N}),
    "per-patient-brothers-diagnosis": (R + "Form states glioma; per the patient this was his brother's "
                                       "diagnosis.\n", {"brain_neoplasm": N, "glial_neoplasm": N}),
    "corrected-daughter-seizures": (R + "Listed 'epilepsy' under past history - corrected by the patient: it was "
                                    "his daughter who has seizures.\n", {"epilepsy": N, "seizures": N}),
    "near-brother-also": (R + "He has a glioma; his brother also had one.\n", {"glial_neoplasm": P}),
    "near-she-herself-seizures": (R + "Her father had epilepsy; she herself has had three seizures.\n",
                                  {"seizures": P}),
}


@pytest.mark.parametrize(("text", "expected"), FACT_ROWS.values(), ids=FACT_ROWS.keys())
def test_claim_corrected_to_relative_facts(analyze: Any, text: str, expected: dict[str, Any]) -> None:
    check_facts(facts_of(analyze, text), expected)
