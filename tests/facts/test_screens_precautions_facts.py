"""Rows of Y/N answers between slashes, a normal screen with a parenthesis before its verdict, and return
precautions, end to end (text -> NLP -> facts).

1. "Pacemaker N / cochlear N / clips N /": each device takes its own answer (forms.yaml
   written_answers.field_slash); a device answered N is no contraindication, one answered Y is.
2. "Newborn screen (final 11/04): normal, including PKU, MSUD and galactosemia": the screen's parenthesis may end
   with its colon or dash before the verdict (neg.normal_screen); each disorder listed is absent. An abnormal or
   pending screen, or a disorder confirmed after the list, reads as before.
3. "Reviewed: call for new headache, weakness or seizure", "ER precautions given (new deficit, seizure)": an
   instruction names no symptom the patient has (hyp.precaution_instruction); the rest of the text decides.
   "Called today for a new headache since Monday" tells what happened.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
MRI, IEM = "mri_contraindication", "inborn_error_of_metabolism"
NEW, SZ = "new_or_worsening_symptoms", "seizures"

# id: (text, {fact: status})
CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ------------------------------------------------ answers between slashes
    "devices-all-no": ("MRI SAFETY: Pacemaker N / cochlear N / clips N /\n", {MRI: A}),
    "devices-words-no": ("Defibrillator: no / neurostimulator: no / coronary stent: no\n", {MRI: A}),
    "devices-old-stent-yes": ("ICD: N / VNS: N / stents: Y (coronary 2019)\n", {MRI: A}),
    "devices-lower-no": ("DBS n / VNS n / cochlear implant n\n", {MRI: A}),
    "device-yes-first": ("Pacemaker Y / cochlear N\n", {MRI: P}),
    "device-slash-in-name": ("Pacemaker/ICD N\n", {MRI: A}),
    # ------------------------------------------------ a normal screen with a parenthesis before its verdict
    "screen-final-date-colon": ("Newborn screen (final 11/04): normal, including PKU, MSUD and galactosemia\n",
                                {IEM: A}),
    "screen-state-lab-repeat": ("Expanded metabolic screen (state lab, repeat): negative, incl. urea cycle "
                                "defects\n", {IEM: A}),
    "nbs-covering": ("NBS (repeat 11/09): negative, covering PKU and MCAD\n", {IEM: A}),
    "screen-double-dash": ("Newborn screen (day 3) -- normal, including MSUD\n", {IEM: A}),
    "screen-colon-no-parenthesis": ("Metabolic screen: unremarkable, including urea cycle defects\n", {IEM: A}),
    "screen-abnormal": ("Newborn screen (final): abnormal for MCAD\n", {IEM: P}),
    "screen-pending": ("Newborn screen (final): pending\n", {IEM: N}),
    "screen-then-confirmed": ("Newborn screen (final 11/04): normal, including PKU; MSUD confirmed on plasma amino "
                              "acids\n", {IEM: P}),
    # ------------------------------------------------ return precautions name no symptom
    "reviewed-call-for": ("Reviewed: call for new headache, weakness, speech change or seizure\n", {NEW: N, SZ: N}),
    "er-precautions-given": ("ER precautions given (new deficit, seizure)\n", {NEW: N, SZ: N}),
    "imperative-call-for": ("Call for any new weakness or seizure.\n", {NEW: N, SZ: N}),
    "item-phone-clinic": ("- Phone the clinic about any new deficit or seizure\n", {NEW: N, SZ: N}),
    "discussed-return-with": ("Discussed: return with any worsening headache or seizure\n", {NEW: N, SZ: N}),
    "told-to-return": ("Told to return for any new weakness\n", {NEW: N}),
    "precautions-then-real-symptom": ("New left arm weakness since 11/10. Reviewed: call for new speech change or "
                                      "seizure.\n", {NEW: P, SZ: N}),
    "called-today": ("Called today for a new headache since Monday\n", {NEW: P}),
    "mom-called": ("Mom called for new weakness yesterday.\n", {NEW: P}),
    "seizure-precautions-then-seizure": ("Seizure precautions in place. Had a seizure on 11/02.\n", {SZ: P}),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_screens_precautions(analyze: Any, text: str, expected: dict[str, FactStatus]) -> None:
    facts = facts_of(analyze, text + REQUEST_TAIL)
    for name, status in expected.items():
        fact = facts.facts[name]
        assert fact.status is status, (name, fact.status.value, fact.note, [e.text for e in fact.evidence])
