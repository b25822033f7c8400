"""A clinician's correction retracts the statement it calls wrong, end to end (text -> NLP -> facts; rules
pipeline/nlp/resources/retraction.yaml: retract.quoted_rejected, retract.quoted_elsewhere, retract.entry_marked).

Class: an attestation or addendum that rejects a quoted line of a scribe draft, dictation, transcription, template
or resident's note, or a problem-list entry marked entered in error, voided or struck, left the statement counting:
a tumour known and biopsy-proven, a device removed (no contraindication) or implanted, an infection suspected, a
voided epilepsy code. The rule: the rejected quote, the same words where the draft states them, and the marked
entry count for no fact; they stay as ignored evidence carrying the modifier "retracted" and the rule id. What the
correction says instead is read normally ("this is wrong, the pacemaker is in place" keeps the device present).

Near misses keep their reading: a patient's quoted words, a report's read the clinician agrees with, an addendum
that adds a finding, "no error in the device log", a correction of something else ("Correct dose: ..."), a quoted
lay word with the reading after it, a replacement quote ('should read "..."').

Limits known: see tests/nlp/test_statements_a_correction_retracts.py (unquoted statements are not matched back;
one- and two-word quotes are retracted only where quoted; a note-wide "ENTERED IN ERROR" banner marks nothing).

Rows: id -> (text, fact, expected status). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.contracts import ClinicalFacts, FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CASES: dict[str, tuple[str, str, FactStatus]] = {
    # ------------------------------------------------ a rejected quote counts for nothing
    "tumour-not-biopsy-proven": ('Attestation: the scribe draft says "biopsy-proven ependymoma." Incorrect - no '
                                 "tissue diagnosis exists.", "known_brain_tumor", N),
    "device-not-removed": ('The dictation reads "cochlear implant removed in 2021"; this is wrong, the cochlear '
                           "implant is in place.", "mri_contraindication", P),
    "device-not-placed": ("Ambient note: 'pacemaker placed last year' - misheard; she has never had a pacemaker "
                          "or any implanted device.", "mri_contraindication", A),
    "suspicion-not-current": ('The resident wrote "concern for brain abscess", which is not accurate; she has been '
                              "afebrile with no infection.", "brain_infection", A),
    "infection-should-read": ('Transcription error: "history of meningitis" should read "history of migraine".',
                              "brain_infection", N),
    "lymphoma-correct-colon": ('Template PMH lists "CNS lymphoma, in remission." Correct: no lymphoma; it was his '
                               "uncle.", "cns_lymphoma", A),
    "metastasis-disregard": ('Addendum: please disregard "metastatic lung cancer to brain" in the HPI; the chest CT '
                             "was normal.", "brain_metastasis", N),
    "draft-sentence-elsewhere": ("HPI: Biopsy showed an anaplastic astrocytoma.\n\nAttending attestation: the HPI "
                                 'line "Biopsy showed an anaplastic astrocytoma" is a dictation error; no biopsy '
                                 "has been done.", "glial_neoplasm", N),
    "ms-draft-sentence-elsewhere": ("Assessment: relapsing remitting multiple sclerosis.\n\nCorrection: \"relapsing "
                                    'remitting multiple sclerosis" was copied forward in error from another visit.',
                                    "multiple_sclerosis", N),
    # ------------------------------------------------ coded or listed entries marked wrong
    "code-entered-in-error": ("Z95.0 Presence of cardiac pacemaker - entered in error 02/2026",
                              "mri_contraindication", N),
    "epilepsy-voided": ("PROBLEM LIST\nEpilepsy (voided: documented on wrong patient)", "epilepsy", N),
    "glioma-struck": ("Diagnoses:\n[struck] glioma, left frontal", "glial_neoplasm", N),
    "status-line-below": ("Problem list:\nPrimary CNS lymphoma\nStatus: entered in error\n", "cns_lymphoma", N),
    "diagnosis-charted-in-error": ("The diagnosis of toxoplasmosis was charted in error.", "brain_infection", N),
    # ------------------------------------------------ what the correction says instead is read
    "replacement-read": ('Transcription error: "history of migraine" should read "history of temporal lobe '
                         'epilepsy".', "epilepsy", P),
    # ------------------------------------------------ near misses: today's reading
    "near-patient-quote": ('Patient states "I had a brain tumour removed as a child".', "brain_neoplasm", N),
    "near-agreed-read": ('Radiology: "consistent with glioblastoma." I agree with this read.', "glial_neoplasm", P),
    "near-addendum-adds": ("Addendum: small enhancing nodule noted, suspicious for metastasis.",
                           "brain_metastasis", S),
    "near-no-error-device-log": ("Pacemaker interrogated; no error in the device log.", "mri_contraindication", P),
    "near-correct-dose": ("Correct dose: levetiracetam 750 mg twice daily for focal epilepsy.", "epilepsy", P),
    "near-unrejected-dictation": ('Dictation: "VNS implanted 2017, settings unchanged."', "mri_contraindication", P),
    "near-problem-list-active": ("Problem list:\nEpilepsy\nStatus: active", "epilepsy", P),
}


@pytest.mark.parametrize(("case", "text", "fact", "status"), [(k, *v) for k, v in CASES.items()], ids=CASES.keys())
def test_statements_a_correction_retracts_facts(fragment_facts: Callable[[str], ClinicalFacts], case: str,
                                               text: str, fact: str, status: FactStatus) -> None:
    got = fragment_facts(text).facts.get(fact)
    value = got.status if got is not None else N
    assert value is status, (value.value, got and [(e.text, e.modifiers) for e in got.evidence],
                             got and [(e.text, e.modifiers, e.modifier_rules) for e in got.ignored])
    assert not [e for e in (got.evidence if got is not None else []) if "retracted" in e.modifiers]
    if case.startswith("near"):  # nothing of a near miss is retracted
        assert not [e for e in (got.ignored if got is not None else []) if "retracted" in e.modifiers]
