"""Two classes of MRI-safety lines (fact mri_contraindication), end to end (text -> NLP -> facts).

a. A negated list that a line break cuts inside its sentence keeps negating the items after the break. The line
   ends on the list's open "no" after a joint ("no pacemaker, no" / "ICD, no cochlear implant.", "No pacemaker and
   no" / "VNS or DBS leads", "no pacemaker / no" / "ICD") or, however short, on a comma in a clause that a negation
   opens ("Denies: pacemaker, clips," / "neurostimulator.", "No pacemaker," / "AICD or VNS."): the item on the next
   line, in whatever case, is no device the patient has. Rule: pipeline/nlp/normalize.py joins the two lines (cues
   layout.negation_list_end and layout.negation_list_opener), so ConText neg.no reaches the item.
b. A stent that is not in a blood vessel is no vascular stent (the payer's stent contraindication is a recently
   placed intravascular stent): colonic, rectal, duodenal, enteral, oesophageal, biliary, pancreatic, ureteral,
   double-J, tracheal, airway, bronchial, lacrimal stents, and a stent placed in, into or across such a lumen (target
   rule look.luminal_stent, a LOOKALIKE that drops the device inside it).

Near misses keep their reading: two sentences ("no pacemaker." / "Insulin pump (Omnipod) in use."), a form answer
before a labelled row ("Pacemaker: no" / "ICD: yes ..."), a bare "No" under its question, checklist rows, a field
label after a comma-ended line, printed options ("Pacemaker yes/no: no"), a one-line list; a coronary, carotid,
iliac, renal artery, venous sinus (also "sigmoid sinus"), TIPS or unnamed stent, "stent-assisted coiling 2025", "no
stents", and a vascular stent next to a luminal one.

Limits: a vascular and a luminal stent sharing one noun ("coronary and biliary stents") lose the vascular one; a
capitalised word after a bare negation with no joint before it ("Denies" / "Pacemaker or ICD") still starts a new
line; a form row answered Yes for "stent" whose note names a luminal site is not read here; a luminal site named only
elsewhere in the packet ("ERCP 11/02. Stent placed.") is not linked; "negative for" and "neither ... nor" lists are
other classes.

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED


def _check(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["mri_contraindication"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.assertion, e.modifier_rules) for e in fact.evidence]}")


# a. a negation list cut by a line break: (text, mri_contraindication)
WRAPPED = {
    "no-then-acronym": ("MRI screening today: no pacemaker, no\nICD, no cochlear implant.", A),
    "and-no-then-brand": ("He has no pacemaker, no ICD and no\nMedtronic insulin pump.", A),
    "and-no-then-two-acronyms": ("No pacemaker and no\nVNS or DBS leads.", A),
    "no-then-brand-alone": ("Safety: no pacemaker, no ICD, no\nOmnipod.", A),
    "slash-no-then-acronym": ("Implants: no pacemaker / no\nICD / no shunt.", A),
    "short-comma-lower": ("Denies: pacemaker, clips,\nneurostimulator.", A),
    "short-comma-acronym": ("No pacemaker,\nAICD or VNS.", A),
    "denies-comma-acronyms": ("Pt denies pacemaker, ICD,\nVNS, cochlear implant.", A),
    "three-lines": ("No pacemaker,\nno ICD, no\nVNS.", A),
    "without-comma": ("Screened without pacemaker,\nDBS or insulin pump.", A),
    "no-then-lower": ("Implant check: no pacemaker, no defibrillator, no\ninsulin pump or other device.", A),
    "or-then-lower": ("She has no pacemaker or\ndefibrillator.", A),
    # near misses
    "near-two-sentences": ("no pacemaker.\nInsulin pump (Omnipod) in use.", P),
    "near-one-line": ("MRI safety: no pacemaker, no ICD, no neurostimulator, no insulin pump.", A),
    "near-form-answer-then-row": ("Pacemaker: no\nICD: yes (Boston Scientific, 2024)", P),
    "near-label-no-then-acronym": ("Claustrophobia: no\nICD in place since 2021.", P),
    "near-bare-no-answer": ("Any implanted device?\nNo\nVNS placed 2019 per neurology.", P),
    "near-checklist-rows": ("pacemaker no\nVNS yes", P),
    "near-comma-then-field": ("No pacemaker,\nDevices: VNS (2019)", P),
    "near-printed-options": ("Pacemaker yes/no: no\nVNS yes/no: yes (2019)", P),
}


@pytest.mark.parametrize(("text", "status"), WRAPPED.values(), ids=WRAPPED.keys())
def test_a_negation_list_goes_on_across_a_line_break(analyze: Any, text: str, status: FactStatus) -> None:
    _check(analyze, text, status)


# b. a stent in a lumen that is no blood vessel: (text, mri_contraindication); the request is dated 11/20/2026
STENTS = {
    "colonic-across": ("Obstructing sigmoid adenocarcinoma; self-expanding colonic stent across the rectosigmoid "
                       "placed 11/02/2026.", N),
    "biliary-exchanged": ("Biliary stent exchanged 10/2026 (plastic, 10 Fr).", N),
    "ureteral-bilateral": ("Bilateral ureteral stents placed 11/06/2026 for obstructive uropathy.", N),
    "oesophageal-weeks": ("Oesophageal stent placed 3 weeks ago for malignant dysphagia.", N),
    "esophageal-metal": ("Fully covered metal esophageal stent 11/09/2026.", N),
    "duodenal": ("Duodenal stent deployed 11/09/2026 for gastric outlet obstruction.", N),
    "pancreatic-duct": ("ERCP 11/03/2026: pancreatic duct stent left in place.", N),
    "tracheal": ("Tracheal stent placed last week by interventional pulmonology.", N),
    "airway-silicone": ("Silicone airway stent inserted 11/10/2026.", N),
    "nasolacrimal": ("Nasolacrimal stent placed 11/01/2026 by oculoplastics.", N),
    "rectal": ("Rectal stent for obstruction two weeks ago.", N),
    "stent-in-cbd": ("Plastic stent placed in the common bile duct on 11/05/2026.", N),
    "double-j": ("Left double-J stent inserted 11/12/2026.", N),
    "stent-across-ge-junction": ("Stent across the GE junction placed 11/08/2026.", N),
    "ercp-stent-placement-cbd": ("ERCP 11/01/2026 with stent placement in the CBD.", N),
    # near misses
    "near-coronary-recent": ("Coronary stent 3 weeks ago.", P),
    "near-coiling-old": ("Stent-assisted coiling 2025.", A),
    "near-venous-sinus": ("Venous sinus stent placed 11/04/2026 for IIH.", P),
    "near-sigmoid-sinus": ("Sigmoid sinus stent 11/02/2026.", P),
    "near-no-stents": ("MRI safety: no stents.", A),
    "near-bare-stent": ("Stent placed 11/02/2026.", P),
    "near-iliac": ("Iliac artery stent placed 11/01/2026.", P),
    "near-renal-artery": ("Renal artery stent placed 11/07/2026.", P),
    "near-tips": ("TIPS stent revised 11/03/2026.", P),
    "near-biliary-and-coronary": ("Biliary stent 10/2026; coronary stent placed 11/05/2026.", P),
    "near-biliary-then-coronary-list": ("Stents: biliary stent 10/2026 and coronary stent placed 11/05/2026.", P),
    "near-esophageal-cancer-carotid": ("History of esophageal cancer; carotid stent placed 11/02/2026.", P),
}


@pytest.mark.parametrize(("text", "status"), STENTS.values(), ids=STENTS.keys())
def test_b_a_stent_outside_the_vessels_is_no_vascular_stent(analyze: Any, text: str, status: FactStatus) -> None:
    _check(analyze, text, status)
