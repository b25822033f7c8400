"""A clinician's correction retracts the statement it calls wrong (pipeline/nlp/retraction.py, rules
pipeline/nlp/resources/retraction.yaml: retract.quoted_rejected, retract.quoted_elsewhere, retract.entry_marked).

Class: an attestation, addendum or note corrects an earlier ambient-scribe draft, dictation, transcription, template
or resident's note, or a problem-list entry is marked wrong, and the statement called wrong still counted: a tumour
read as biopsy-proven, a device as removed, a suspicion as current, a voided code as the patient's.

The rule: a quoted statement with rejecting words right after its closing quote ("Incorrect", "this is wrong",
"should read", "Correct:", "was transcribed in error", "- misheard"; cue retract.rejected_after) or right before its
opening quote ("Transcription error:", "erroneously listed as", "Please disregard"; retract.rejected_before) is
retracted: its mentions carry the modifier "retracted" and the rule id. The same words (three or more) where they
stand elsewhere in the text, the draft's own sentence, are retracted too (retract.quoted_elsewhere). A coded or
listed entry marked "entered in error", "(voided", "[struck]", or followed by a "Status: entered in error" line is
retracted (retract.entry_marker). What the correction says instead ('should read "..."', "Correct: ...", the
clause after "; this is wrong,") is read as it reads today.

Near misses keep their reading: a quote nobody rejects (a patient's words, a report's read the clinician agrees
with, "which is correct per the records"), a correction of something else ("Correct dose: ..."), a quoted lay word
with the clinician's reading after it (no rejecting word: '"Tumour" was the family's word; it is a cyst' keeps
"Tumour"), an addendum that adds a finding, "no error in the device log", an order voided (the cancelled-order cues
read it), "not entered in error", the replacement quote itself.

Limits known: only a quoted statement is matched back; an unquoted "the dictation says pacemaker removed; this is
wrong" retracts nothing; a rejection after quotes joined by "and", "or" or a comma in one sentence reaches them
all (retract.quote_joiner; table JOINED below), not quotes of an earlier sentence; a quote of one or two words is retracted only where it is quoted; a banner "*** ENTERED IN ERROR ***" over a
whole note marks nothing.

Rows: id -> (text, concept, mention text, which occurrence of it (0 first), retracted?). Rows whose id starts with
"near" must keep their reading (not retracted).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

RULES = {"retract.quoted_rejected", "retract.quoted_elsewhere", "retract.entry_marked"}

CASES: dict[str, tuple[str, str, str, int, bool]] = {
    # ------------------------------------------------ a quote rejected by the words after it
    "after-incorrect-dash": ('Scribe draft: "Biopsy confirmed an ependymoma." Incorrect - no tissue has been taken.',
                             "GLIOMA", "ependymoma", 0, True),
    "after-this-is-wrong": ('The dictation reads "VNS explanted in 2019"; this is wrong, the stimulator is still '
                            "implanted.", "MRI_CONTRAINDICATION", "VNS", 0, True),
    "after-corrected-device-kept": ('The dictation reads "VNS explanted in 2019"; this is wrong, the VNS is still '
                                    "implanted.", "MRI_CONTRAINDICATION", "VNS", 1, False),
    "after-should-read": ('Transcription: "history of encephalitis" should read "history of epilepsy".',
                          "BRAIN_INFECTION", "encephalitis", 0, True),
    "after-correct-colon": ('Template PMH carries "medulloblastoma, treated 2015." Correct: that was her cousin.',
                            "BRAIN_TUMOR", "medulloblastoma", 0, True),
    "after-was-transcribed-in-error": ('"Known meningioma" was transcribed in error.', "BRAIN_TUMOR", "meningioma",
                                       0, True),
    "after-misheard": ("Ambient note: 'pacemaker placed last year' - misheard; she has no cardiac device.",
                       "MRI_CONTRAINDICATION", "pacemaker", 0, True),
    "after-not-accurate-curly": ("The resident wrote \u201cconcern for brain abscess\u201d, which is not accurate.",
                                 "BRAIN_INFECTION", "brain abscess", 0, True),
    "after-next-line-incorrect": ('Voice recognition draft: "metastatic melanoma to brain"\nIncorrect: melanoma '
                                  "was never diagnosed.", "BRAIN_METASTASIS", "metastatic melanoma to brain", 0,
                                  True),
    "after-should-be-quote": ('Resident draft: "right occipital metastasis" should be "right occipital infarct".',
                              "BRAIN_METASTASIS", "metastasis", 0, True),
    "after-speech-recognition-error": ('"Known neurofibromatosis" - a speech recognition error for "no known '
                                       'seizures".', "NONTUMOR_DX", "neurofibromatosis", 0, True),
    # ------------------------------------------------ a quote rejected by the words before it
    "before-transcription-error": ('Transcription error: "prior craniotomy" - she has had no surgery.',
                                   "PRIOR_RESECTION", "craniotomy", 0, True),
    "before-erroneously-listed": ('Epilepsy was erroneously listed as "drug-resistant epilepsy" in the template.',
                                  "EPILEPSY", "drug-resistant epilepsy", 0, True),
    "before-disregard": ('Attestation: please disregard "lymphoma in remission" in the HPI.', "CNS_LYMPHOMA",
                         "lymphoma", 0, True),
    # ------------------------------------------------ the draft's own sentence, earlier in the text
    "elsewhere-draft-sentence": ("HPI: MRI demonstrated a left temporal glioblastoma.\n\nAttending addendum: the "
                                 'HPI says "MRI demonstrated a left temporal glioblastoma"; this is incorrect, the '
                                 "MRI shows a nonspecific T2 lesion.", "GLIOMA", "glioblastoma", 0, True),
    "elsewhere-case-and-spacing": ("History: Cochlear implant removed in 2020.\n\nCorrection: the line \"cochlear  "
                                   'implant removed in 2020" is wrong.', "DEVICE_CLEARED", "removed", 0, True),
    # ------------------------------------------------ coded or listed entries marked wrong
    "entry-code-entered-in-error": ("G40.909 Epilepsy, unspecified - entered in error 03/2026", "EPILEPSY",
                                    "Epilepsy", 0, True),
    "entry-code-itself": ("G40.909 Epilepsy, unspecified - entered in error 03/2026", "ICD10_CODE", "G40.909", 0,
                          True),
    "entry-voided-paren": ("Problems: Multiple sclerosis (voided: wrong chart)", "MULTIPLE_SCLEROSIS",
                           "Multiple sclerosis", 0, True),
    "entry-struck-before": ("[struck] low-grade glioma", "GLIOMA", "low-grade glioma", 0, True),
    "entry-status-line": ("Problem list:\nCNS lymphoma\nStatus: entered in error\n\nMigraine", "CNS_LYMPHOMA",
                          "CNS lymphoma", 0, True),
    "entry-charted-in-error-clause": ("The diagnosis of neurocysticercosis was charted in error; she has a "
                                      "tuberculoma.", "BRAIN_INFECTION", "neurocysticercosis", 0, True),
    "entry-other-clause-kept": ("The diagnosis of neurocysticercosis was charted in error; she has a "
                                "meningioma.", "BRAIN_TUMOR", "meningioma", 0, False),
    "entry-next-row-kept": ("Problem list:\nCNS lymphoma\nStatus: entered in error\n\nGlioma", "GLIOMA",
                            "Glioma", 0, False),
    # ------------------------------------------------ near misses: today's reading
    "near-patient-quote": ('Patient states "I had a brain tumour as a child".', "BRAIN_TUMOR", "brain tumour", 0,
                           False),
    "near-correct-dose": ("Correct dose: levetiracetam 750 mg twice daily for epilepsy.", "EPILEPSY", "epilepsy", 0,
                          False),
    "near-lay-word-then-reading": ('"Tumour" was the word the parents used; imaging shows an arachnoid cyst.',
                                   "BRAIN_TUMOR", "Tumour", 0, False),
    "near-addendum-adds": ("Addendum: small enhancing nodule noted, suspicious for metastasis.", "BRAIN_METASTASIS",
                           "metastasis", 0, False),
    "near-no-error-device-log": ("Pacemaker interrogated; no error in the device log.", "MRI_CONTRAINDICATION",
                                 "Pacemaker", 0, False),
    "near-agreed-read": ('Radiology: "appearance consistent with glioblastoma." I agree.', "GLIOMA",
                         "glioblastoma", 0, False),
    "near-which-is-correct": ('She reports "a seizure disorder since age 12", which is correct per the records.',
                              "SEIZURE", "seizure", 0, False),
    "near-replacement-quote": ('Transcription error: "history of meningitis" should read "history of glioma '
                               'resection".', "GLIOMA", "glioma", 0, False),
    "near-not-entered-in-error": ("Glioblastoma, IDH-wildtype - confirmed, not entered in error.", "GLIOMA",
                                  "Glioblastoma", 0, False),
    "near-correct-period": ('Outside read: "left frontal oligodendroglioma." Correct.', "GLIOMA",
                            "oligodendroglioma", 0, False),
    "near-should-be-biopsied": ('Her note: "the cerebellar lesion should be biopsied" - agreed.', "BRAIN_LESION",
                                "cerebellar lesion", 0, False),
    "near-error-margin": ("Glioma volume 12 cc (error margin 1 cc).", "GLIOMA", "Glioma", 0, False),
    "near-struck-by-car": ("He was struck by a car in 2019 and has had epilepsy since.", "EPILEPSY", "epilepsy", 0,
                           False),
    "near-order-voided": ("PET brain order voided, re-ordered 11/02.", "IMAGING", "PET", 0, False),
    "near-patient-voided": ("Patient voided without difficulty; known meningioma.", "BRAIN_TUMOR", "meningioma", 0,
                            False),
}


@pytest.mark.parametrize(("text", "concept", "span", "nth", "retracted"), CASES.values(), ids=CASES.keys())
def test_statements_a_correction_retracts(mentions: Callable[[str], list[Mention]], text: str, concept: str,
                                         span: str, nth: int, retracted: bool) -> None:
    mention = find_mention(mentions, text, concept, span, nth)
    assert mention.has("retracted") is retracted, (mention.modifiers, mention.modifier_rules)
    assert bool(RULES & set(mention.modifier_rules)) is retracted, mention.modifier_rules


JOINED = {
    # One rejection after the last of several quotes joined in one sentence rejects them all (retract.quote_joiner).
    "joined-and-two-sources": ('The intake note says "shunt removed in 2018" and the problem list says\n'
                               '"status post shunt removal." This is wrong: the shunt is in place.',
                               "shunt removed in 2018"),
    "joined-comma-three": ('"Glioma resected 2020", "on temozolomide" and "stable disease" are incorrect; no tumour '
                           'was ever found.', "Glioma resected 2020"),
    "joined-or": ('"Known epilepsy" or "seizure disorder" - incorrect; these were faints.',
                  "Known epilepsy"),
    # near: quotes joined but nothing rejects the last one
    "near-joined-not-rejected": ('She calls them "spells" and her husband says "blackouts".', None),
}


@pytest.mark.parametrize("case", JOINED.values(), ids=JOINED.keys())
def test_quotes_joined_to_a_rejected_quote(case: tuple[str, str | None]) -> None:
    from pipeline.nlp.retraction import QUOTED_RULE, retractions

    text, first = case
    found = [text[r.start:r.end] for r in retractions(text) if r.rule_id == QUOTED_RULE]
    if first is None:
        assert found == [], found
    else:
        assert first in found, found


NOT_JOINED = {
    # near: a sentence end between the quotes, or the first quote is the correction itself, keeps it read.
    "near-sentence-between": ('The patient said "I feel much better." The draft says "abscess drained"; incorrect.',
                              "I feel much better."),
    "near-replacement-first": ('Should read "left frontal" and not "right frontal", which is wrong.', "left frontal"),
}


@pytest.mark.parametrize("case", NOT_JOINED.values(), ids=NOT_JOINED.keys())
def test_quotes_not_joined(case: tuple[str, str]) -> None:
    from pipeline.nlp.retraction import retractions

    text, kept = case
    assert kept not in [text[r.start:r.end] for r in retractions(text)]
