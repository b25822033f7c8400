"""A device the patient does not have makes no MRI contraindication, end to end (text -> NLP -> facts).

Class: `mri_contraindication` (HealthHelp pends "contraindicated") was read from a device the patient does not have.

1. A safety-screen row whose item carries a bracketed list of subtypes before its answer: the answer after the list
   answers the head word too, not only the subtypes. A "." or ";" inside the brackets ("(e.g. VNS, DBS)", "(incl.
   BAHA)", "(VNS, DBS etc.)", "(VNS; RNS; DBS)") no longer ends the question's words (forms.yaml written_answers
   `stem_stop_asides`); the next item of the line may carry its own list before its answer ("Pacemaker - N
   Neurostimulator (VNS/DBS) - N": written_answers next_fields); a word answer may follow the list after a space at
   the line's end or before a column gap ("Neurostimulator (VNS/RNS/DBS)  No", leaders); and a doubled dash
   separates like a dash ("Pacemaker -- N", separators).
2. A device named only as a treatment option -- not favoured or rejected, to be raised or revisited only later,
   held or reserved for later, argued against, or "a VNS" (indefinite) said to have been discussed -- is no device
   (not suspected either): facts cues safety.device_planned_after, safety.device_planned_before (new wordings) and
   safety.device_indefinite_before with safety.device_talked_after (new).

Near misses keep their reading: a device in place, implanted, turned off for the scan, answered Y (also after its
bracketed list, with "e.g." inside it), a device explanted (absent, as today), "pacemaker N ICD N" (absent), her own
device discussed or its settings revisited (present), a device held for the scan (present), and a row whose word
answer after the list is followed by more words ("VNS (left) no change in settings": present).

Limits known: a bracketed list wrapped onto the next line ("Neurostimulator (VNS/RNS/\\nDBS) N") still reads only the
last line's words; a bare "VNS was discussed" with no article (or "her") stays present, and a preference for
another treatment told in the next clause ("...; family prefers surgery first") is not read as the rejection of
the device by itself.

Rows: id -> (text, expected mri_contraindication status). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
SCREEN = "MRI SAFETY SCREENING\n"

CASES: dict[str, tuple[str, FactStatus]] = {
    # 1. a screen row whose item lists its subtypes in brackets before its answer
    "form-eg-inside-brackets": (SCREEN + "Implanted neurostimulator (e.g. VNS, DBS) N", A),
    "form-incl-inside-brackets": (SCREEN + "Neurostimulator (incl. responsive neurostimulator) - N", A),
    "form-etc-closing-list": (SCREEN + "Electronic implant (pacemaker, defibrillator, cochlear implant, etc.) N", A),
    "form-etc-colon-none": (SCREEN + "Stimulator (SCS, VNS, DBS etc.): none", A),
    "form-semicolons-in-list": (SCREEN + "Neural stimulator (VNS; RNS; DBS)   N", A),
    "form-ie-colon-no": (SCREEN + "Cardiac rhythm device (i.e. PPM/ICD): No", A),
    "form-second-item-eg": (SCREEN + "Aneurysm clip N   Neurostimulator (e.g. vagal) N", A),
    "form-dashed-second-item-list": (SCREEN + "Pacemaker - N   Neurostimulator (VNS/DBS) - N", A),
    "form-word-answer-after-list": (SCREEN + "Neurostimulator (VNS / RNS / DBS)  No", A),
    "form-lower-no-after-list": (SCREEN + "Deep brain or vagal stimulator (DBS, VNS) no", A),
    "form-denies-after-list": (SCREEN + "Neurostimulator (VNS/RNS/DBS) denies", A),
    "form-double-dash-after-list": (SCREEN + "Cardiac device (PPM/ICD/CRT-D) -- N", A),
    "form-double-dash-plain": (SCREEN + "Pacemaker -- no", A),
    # 2. a device named only as a treatment option
    "option-not-favoured": ("Epilepsy conference: RNS not favoured given the diffuse onset.", N),
    "option-was-not-favored": ("A vagus nerve stimulator was not favored by the team.", N),
    "option-not-preferred": ("DBS is not preferred at this stage.", N),
    "option-only-raised-if": ("VNS would only be raised if resection proves impossible.", N),
    "option-brought-up-only-if": ("RNS would be brought up only if surgery fails.", N),
    "option-indefinite-discussed": ("A VNS was discussed; the family prefers surgery first.", N),
    "option-indefinite-mentioned": ("An RNS was mentioned briefly; parents would rather try surgery.", N),
    "option-rejected-by-family": ("VNS rejected by the family after the conference.", N),
    "option-held-for-later": ("VNS held for later.", N),
    "option-reserved-for": ("DBS reserved for failure of medical therapy.", N),
    "option-possible-later": ("RNS possible later.", N),
    "option-down-the-line": ("Possibly a VNS down the line.", N),
    "option-colon-future-consideration": ("DBS: future consideration.", N),
    "option-advised-against": ("Neurosurgery advised against VNS.", N),
    "option-decided-against": ("We decided against an RNS for now.", N),
    "option-family-against": ("Family against DBS at this time.", N),
    "option-might-revisit": ("Might revisit VNS in a year.", N),
    # near misses: the device is in the patient, or its screen reading stays
    "near-in-place-model": ("VNS (LivaNova 106) in place.", P),
    "near-leads-implanted": ("DBS leads implanted 2019.", P),
    "near-colon-y": (SCREEN + "RNS: Y", P),
    "near-list-y": (SCREEN + "Neurostimulator (VNS) Y", P),
    "near-eg-list-y": (SCREEN + "Neurostimulator (e.g. VNS, DBS) Y", P),
    "near-second-item-eg-y": (SCREEN + "Aneurysm clip N   Neurostimulator (e.g. VNS) Y", P),
    "near-turned-off": ("VNS turned off for MRI.", P),
    "near-explanted": ("VNS explanted 2020.", A),
    "near-pacemaker-n-icd-n": (SCREEN + "pacemaker N ICD N", A),
    "near-her-device-discussed": ("Her VNS was discussed with the family.", P),
    "near-settings-revisited": ("Will revisit VNS settings after the scan.", P),
    "near-held-for-scan": ("VNS held for the scan per protocol.", P),
    "near-list-no-change": ("VNS (left) no change in settings", P),
}


@pytest.mark.parametrize(("text", "status"), CASES.values(), ids=CASES.keys())
def test_device_not_implanted(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts.get("mri_contraindication")
    got = fact.status if fact is not None else N
    assert got is status, (got.value, fact and fact.note, fact and [e.text for e in fact.evidence],
                           fact and [(e.text, e.attributes.get("cue")) for e in fact.ignored])
