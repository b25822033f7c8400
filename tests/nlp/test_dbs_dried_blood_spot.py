""""DBS" in a laboratory or newborn-screen context is a dried blood spot, not a deep brain stimulator.

Class (abbreviation collision): targets.yaml mri_ci.scs reads the bare literal "dbs" as a deep brain stimulator (an
MRI contraindication) wherever it stands; a dried blood spot sample named with its analyte, card, laboratory or
newborn screen ("acylcarnitines on DBS normal", "repeat DBS card sent to the state lab", "psychosine (DBS): <2
nmol/L", "DBS for CK: pending", "newborn screen DBS unsatisfactory, repeated") is no device. Rule
targets.yaml look.dried_blood_spot (a LOOKALIKE around the abbreviation: MRI_CONTRAINDICATION is suppressed inside
it); the analyte named next to it stays a LAB mention.

Rows: id, text, whether a device is read in "DBS" (True: an MRI_CONTRAINDICATION mention holds "DBS" or "deep brain
stimulator"). Rows whose id starts with "near" must keep the device.
"""

from __future__ import annotations

import pytest

CASES: list[tuple[str, str, bool]] = [
    # ------------------------------------------------ an analyte on, from or by the dried blood spot
    ("acylcarnitines on DBS", "Acylcarnitines on DBS normal.", False),
    ("amino acids from DBS", "Plasma amino acids pending; amino acids from DBS were unremarkable.", False),
    ("psychosine parenthesised", "Psychosine (DBS): <2 nmol/L", False),
    ("GALC by DBS", "GALC enzyme activity by DBS low, confirm in leukocytes.", False),
    ("lyso-Gb3 via DBS", "lyso-Gb3 via dbs 1.2 ng/mL", False),
    ("C26:0 in DBS", "C26:0-lysophosphatidylcholine in DBS elevated", False),
    ("TSH on the DBS", "TSH on the DBS was within range", False),
    ("activity (DBS) wrap", "Arylsulfatase A activity\n(DBS) low", False),
    # ------------------------------------------------ the sample itself: card, specimen, sent, collected
    ("repeat card state lab", "Repeat DBS card sent to the state lab.", False),
    ("DBS sample collected", "DBS sample collected 11/02 and mailed.", False),
    ("DBS specimen unsatisfactory", "DBS specimen unsatisfactory (insufficient blood), recollected", False),
    ("DBS cards caps", "TWO DBS CARDS SENT TO REFERENCE LAB", False),
    ("filter paper", "DBS (filter paper) received by the lab", False),
    ("DBS sent", "DBS sent to Mayo for psychosine.", False),
    ("dried blood spot defined", "Dried blood spot (DBS) collected for lysosomal enzymes.", False),
    ("DBS drawn", "dbs drawn today, results pending", False),
    # ------------------------------------------------ a test for an analyte on the spot
    ("DBS for CK", "DBS for CK: pending", False),
    ("DBS for acylcarnitine profile", "DBS for acylcarnitine profile - normal", False),
    ("DBS for krabbe", "DBS for Krabbe disease screening: positive", False),
    ("DBS for enzymes", "Sent DBS for lysosomal enzyme panel.", False),
    ("DBS for VLCFA", "DBS for VLCFA and C26:0 ordered", False),
    ("DBS for genetic testing", "DBS for genetic testing (GALC sequencing) sent", False),
    ("DBS testing", "DBS testing for MLD: ARSA low", False),
    ("DBS for SMA", "DBS for SMA: negative", False),
    # ------------------------------------------------ the newborn screen
    ("newborn screen DBS", "Newborn screen DBS unsatisfactory, repeated.", False),
    ("NBS DBS", "NBS DBS: abnormal C5-OH, referred", False),
    ("newborn screening DBS", "Newborn screening DBS showed elevated psychosine", False),
    ("second newborn DBS", "Second newborn-screen DBS normal.", False),
    ("state newborn screen", "State newborn screen (DBS) flagged Krabbe.", False),
    ("newborn screen on DBS", "Newborn screen on DBS within normal limits", False),
    ("DBS newborn screen", "DBS newborn screen normal.", False),
    ("initial DBS screen", "Initial DBS screen positive for X-ALD.", False),
    # ------------------------------------------------ near misses: the deep brain stimulator
    ("near: placed for parkinsons", "DBS placed 2019 for Parkinson's.", True),
    ("near: bilateral STN", "Bilateral STN DBS.", True),
    ("near: generator in the chest", "DBS generator in the chest.", True),
    ("near: spelled out", "Deep brain stimulator (DBS) - MR conditional unknown", True),
    ("near: on DBS therapy", "Tremor well controlled on DBS since 2018.", True),
    ("near: DBS for tremor", "DBS for essential tremor, left VIM.", True),
    ("near: DBS for PD", "DBS for PD 2017; MR conditional status unknown.", True),
    ("near: DBS leads", "DBS leads in the thalami on CT.", True),
    ("near: DBS programming", "DBS programming adjusted in clinic.", True),
    ("near: DBS in situ", "PMH: Parkinson disease s/p DBS in situ", True),
    ("near: safety screen", "MRI safety screen (DBS): positive, device MR conditional unknown", True),
    ("near: contact testing", "DBS testing of each contact performed at the bedside.", True),
]


@pytest.mark.parametrize(("text", "device"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_dbs_dried_blood_spot(mentions, text: str, device: bool) -> None:  # type: ignore[no-untyped-def]
    found = [m for m in mentions(text) if m.concept == "MRI_CONTRAINDICATION"
             and ("dbs" in m.text.lower() or "deep brain stimulator" in m.text.lower())]
    assert bool(found) is device, [(m.concept, m.text) for m in mentions(text)]
