"""Implanted pumps and stimulators beyond HealthHelp's list of examples, end to end (text -> NLP ->
`mri_contraindication` -> HealthHelp's contraindication node).

Class: HealthHelp's safety item names a category, "Safety, related to implanted devices (aneurysm clips, cochlear
implant, implantable cardio-defibrillators, insulin pump, permanent pacemaker, spinal cord stimulator)"; its list
gives examples (docs/annotation-guidelines.md, annotations/ADJUDICATIONS.md heldout-548). The device vocabulary knew
the listed devices, the vagus-nerve, deep-brain and responsive neurostimulators, but no other implanted drug pump or
nerve stimulator, so an intrathecal baclofen pump or an InterStim in the patient was no contraindication at all.

Rule: targets.yaml mri_ci.implanted_pump (device `implanted_pump`: an intrathecal or implanted drug-delivery pump,
"intrathecal baclofen pump", "ITB pump", "implanted morphine pump", "intrathecal pain pump", "SynchroMed II",
"Prometra", "targeted drug delivery system", "IDDS", "implanted pump"; not its bolus trial) and
mri_ci.implanted_stimulator (device `implanted_stimulator`: a dorsal root ganglion, peripheral or occipital nerve,
sacral, hypoglossal, phrenic or gastric stimulator, "InterStim", "Axonics", "Inspire device", "Enterra", "remede";
not a peripheral nerve stimulator that counts a train of four). Both values are in policies/healthhelp.yaml
hh.ci.implanted_device. The device derivation (facts/derive/safety.py) treats them as every other device, so the
clearance rules (mri_ci.cleared, safety.clearance_*) apply unchanged: an MR-conditional statement, "deemed safe for
MRI", "cleared by radiology", a removal or explant clears; a letter only expected does not.

Near misses (no device contraindication): external pumps and stimulators ("PCA pump", "feeding pump", "home
infusion pump", "TENS unit"; an external insulin pump stays an insulin pump as before), a trial whose temporary leads
were removed, a pump explanted, a device only considered or discussed as an option, a screen row answered No, a
stimulator documented MR-conditional and cleared by radiology, the anaesthetist's nerve stimulator. A bare "DRG
stimulator discussed" stays present, as "VNS was discussed" does (tests/facts/test_device_not_implanted.py): only
"a"/"an" or "as an option" makes it an option talked of.

Limits: "ITB" or "PNS" alone (iliotibial band, peripheral nervous system), "pain pump" or "morphine pump" alone (a
post-operative or PCA pump) and a bare "Inspire" are not read as devices; a percutaneous 60-day peripheral nerve
stimulator is read as implanted; the responsive neurostimulator keeps its existing value `spinal_cord_stimulator`
(mri_ci.rns); one stimulator cleared clears another implanted stimulator of a different kind named elsewhere in
the packet (the derivation groups clearances by device value).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from text_to_criteria import REQUEST_TAIL, check_device_fact, facts_of

from pipeline.contracts import FactStatus, TriState
from pipeline.criteria import Evaluation, load_policy

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
MET, NOT = TriState.MET, TriState.NOT_MET
PUMP, STIM = ["implanted_pump"], ["implanted_stimulator"]
REPO = Path(__file__).resolve().parents[2]

# id: (text, mri_contraindication status, devices that stay a contraindication (None: not checked),
#      HealthHelp's contraindication node)
CASES: dict[str, tuple[str, FactStatus, list[str] | None, TriState]] = {
    # ------------------------------------------------ implanted drug-delivery pumps
    "intrathecal-baclofen-pump": ("Spasticity is managed with an intrathecal baclofen pump, refilled every 3 "
                                  "months.", P, PUMP, MET),
    "itb-pump-refill": ("ITB pump refill 10/30, reservoir volume 18 mL.", P, PUMP, MET),
    "implanted-morphine-pump": ("Chronic pain: implanted morphine pump since 2016.", P, PUMP, MET),
    "intrathecal-pain-pump": ("She has an intrathecal pain pump for her pelvic cancer pain.", P, PUMP, MET),
    "synchromed": ("Medtronic SynchroMed II pump in the left lower quadrant.", P, PUMP, MET),
    "prometra": ("Prometra pump placed 2019 by pain management.", P, PUMP, MET),
    "targeted-drug-delivery-system": ("Targeted drug delivery system (hydromorphone) in place.", P, PUMP, MET),
    "idds-in-history": ("PMH: failed back surgery syndrome, IDDS.", P, PUMP, MET),
    "screen-row-yes": ("Implanted pump: Yes - baclofen", P, PUMP, MET),
    # ------------------------------------------------ other implanted stimulators
    "drg-stimulator": ("DRG stimulator implanted 2021 for CRPS of the left foot.", P, STIM, MET),
    "dorsal-root-ganglion": ("Dorsal root ganglion stimulator at L4, generator in the flank.", P, STIM, MET),
    "occipital-nerve-stimulator": ("Occipital nerve stimulator for chronic migraine since 2017.", P, STIM, MET),
    "peripheral-nerve-stimulator": ("Implanted peripheral nerve stimulator, right knee, 2022.", P, STIM, MET),
    "interstim": ("Urology: InterStim for urge incontinence, working well.", P, STIM, MET),
    "sacral-neuromodulator": ("Sacral neuromodulator placed 2018.", P, STIM, MET),
    "inspire-device": ("OSA treated with an Inspire device since last spring.", P, STIM, MET),
    "hypoglossal-nerve-stimulator": ("Hypoglossal nerve stimulator in situ.", P, STIM, MET),
    "phrenic-nerve-stimulator": ("Central sleep apnoea with a phrenic nerve stimulator (remede).", P, STIM, MET),
    "gastric-electrical-stimulator": ("Gastroparesis; gastric electrical stimulator (Enterra) since 2015.",
                                      P, STIM, MET),
    "rns-neuropace": ("Responsive neurostimulator (NeuroPace) implanted 2020.", P, ["spinal_cord_stimulator"], MET),
    # ------------------------------------------------ the clearance rules apply as to the other devices
    "letter-to-follow": ("Inspire device: MR-conditional letter to follow.", P, STIM, MET),
    # ------------------------------------------------ near misses
    "near-pca-pump": ("Post-op PCA pump discontinued on day 2.", N, None, NOT),
    "near-feeding-pump": ("Feeding pump runs overnight through the G-tube.", N, None, NOT),
    "near-home-infusion-pump": ("Home infusion pump for IV ertapenem via PICC.", N, None, NOT),
    "near-tens-unit": ("Uses a TENS unit for low back pain.", N, None, NOT),
    "near-morphine-pca": ("Morphine PCA pump overnight after the laminectomy.", N, None, NOT),
    "near-external-insulin-pump": ("Type 1 DM on an external insulin pump (Tandem).", P, ["insulin_pump"], MET),
    "near-scs-trial-leads-removed": ("SCS trial leads removed 10/12.", A, [], NOT),
    "near-drg-trial-leads-removed": ("DRG stimulator trial: temporary leads removed 10/14.", A, [], NOT),
    "near-pump-explanted": ("Baclofen pump explanted 2022 after a pocket infection.", A, [], NOT),
    "near-candidate-intrathecal-pump": ("She is a candidate for an intrathecal pump.", N, None, NOT),
    "near-drg-discussed-as-option": ("DRG stimulator discussed as an option at the pain clinic visit.", N, None,
                                     NOT),
    "near-a-drg-was-discussed": ("A DRG stimulator was discussed with pain management.", N, None, NOT),
    "near-intrathecal-pump-trial": ("Intrathecal pump trial scheduled for December.", N, None, NOT),
    "near-screen-row-no": ("Implanted pump: No", A, [], NOT),
    "near-interstim-cleared": ("InterStim II - MR conditional, cleared by radiology for MRI.", A, [], NOT),
    "near-drg-deemed-safe": ("DRG stimulator: MR conditional system, deemed safe for MRI by radiology.", A, [], NOT),
    "near-train-of-four": ("Train-of-four with a peripheral nerve stimulator: 4/4 twitches.", N, None, NOT),
}


@pytest.fixture(scope="module")
def contraindications():  # type: ignore[no-untyped-def]
    node = load_policy(REPO / "policies" / "healthhelp.yaml").policy.contraindications
    assert node is not None
    return node


@pytest.mark.parametrize(("text", "status", "devices", "healthhelp"), CASES.values(), ids=CASES.keys())
def test_implanted_pumps_and_stimulators(analyze, contraindications, text: str,  # type: ignore[no-untyped-def]
                                         status: FactStatus, devices: list[str] | None,
                                         healthhelp: TriState) -> None:
    facts = facts_of(analyze, text + REQUEST_TAIL)
    fact = facts.facts["mri_contraindication"]
    check_device_fact(fact, status, devices)
    assert Evaluation(facts).run(contraindications, role="contraindication") is healthhelp
