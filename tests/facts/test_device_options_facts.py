"""An implanted-device word used for a treatment option is no device in the patient, end to end (text -> NLP ->
facts): it makes no MRI contraindication (facts/resources/cues.yaml safety.device_options_named,
safety.device_versus_treatment, and new wordings of safety.device_planned_before and safety.device_planned_after).

1. The device is one of the options named ("Options: VNS vs RNS vs resection", "Options reviewed: VNS or RNS",
   "Surgical options reviewed, VNS versus lobectomy", "we reviewed the pros and cons of VNS versus surgery";
   safety.device_options_named) or one side of a choice of treatments ("VNS vs resection - decide after the MRS",
   "resection or VNS"; safety.device_versus_treatment).
2. The device is a later step, an option that would remain, or a question about getting one ("Next step could be
   DBS", "RNS would remain an option", "RNS remains on the table", "VNS: option if ...", "VNS as a possible future
   treatment", "VNS/RNS discussed as alternatives", "the family asked about VNS"; safety.device_planned_before,
   safety.device_planned_after).
3. The brief's own shapes, covered before ("VNS raised as a fallback only if not a resection candidate", "could
   consider DBS later", "RNS would be an option", "discussed VNS vs surgery", "candidate for a VNS if surgery
   declined") stay covered.

Near misses keep the device in the patient: "VNS placed 2019", "has a VNS (setting 1.5 mA)", "VNS turned off for the
scan", "s/p DBS", a device in place in one clause and an option in the next, "options limited by her pacemaker",
"treatment options: continue VNS", "mother asked about her VNS settings", and two devices weighed as the kind of one
the patient has ("pacemaker vs ICD, type not known": suspected).

Rows: id, text, expected mri_contraindication status, a cue the set-aside device must cite (None: no check; checked
after a negative device screen line, where the fact keeps what it set aside). Rows whose id starts with "near" must
keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, S, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.NOT_DOCUMENTED
OPTIONS, VERSUS = "safety.device_options_named", "safety.device_versus_treatment"
BEFORE, AFTER = "safety.device_planned_before", "safety.device_planned_after"
SCREEN = "Implanted devices: none.\n"

CASES: list[tuple[str, str, FactStatus, str | None]] = [
    # 1. one of the options named; one side of a choice of treatments
    ("options label, vs list", "Options: VNS vs RNS vs resection.", N, OPTIONS),
    ("options reviewed, or", "Options reviewed: VNS or RNS.", N, OPTIONS),
    ("surgical options, comma", "Surgical options reviewed, VNS versus lobectomy.", N, OPTIONS),
    ("pros and cons of", "We reviewed the pros and cons of VNS versus surgery.", N, OPTIONS),
    ("treatment options, dash, spelled out", "Treatment options - vagus nerve stimulator or further drug trials.",
     N, OPTIONS),
    ("alternatives, capitals", "ALTERNATIVES: VNS / laser ablation.", N, OPTIONS),
    ("risks and benefits, DBS", "Risks and benefits of DBS versus continued medication were explained.", N,
     OPTIONS),
    ("options, line wrap", "Options reviewed with the\nfamily: VNS or RNS.", N, OPTIONS),
    ("versus resection, dash", "VNS vs resection - to be decided after the MRS.", N, VERSUS),
    ("lobectomy or VNS", "Lobectomy or VNS: the family is undecided.", N, VERSUS),
    ("versus laser ablation, parentheses", "RNS (bilateral foci) versus laser ablation was the question put to the "
     "conference.", N, VERSUS),
    ("rather than surgery", "The family prefers a VNS rather than surgery.", N, VERSUS),
    # 2. a later step, an option that would remain, a question about getting one
    ("next step could be", "Next step could be DBS.", N, BEFORE),
    ("the eventual next step is", "Per epileptologist, the eventual next step is RNS.", N, BEFORE),
    ("would remain an option", "RNS would remain an option should the MRS be nonlocalizing.", N, AFTER),
    ("remains on the table", "RNS remains on the table.", N, AFTER),
    ("still on the table, spelled out", "Responsive neurostimulation is still on the table.", N, AFTER),
    ("colon, option if", "VNS: option if resection not feasible.", N, AFTER),
    ("as a possible future treatment", "VNS as a possible future treatment.", N, AFTER),
    ("slash pair, as alternatives", "VNS/RNS discussed as alternatives.", N, AFTER),
    ("family asked about", "Family asked about VNS; we will revisit after the MRS.", N, BEFORE),
    ("mother enquired about, British", "Mum enquired about a vagal nerve stimulator.", N, BEFORE),
    # 3. the brief's shapes, covered before
    ("fallback only if", "VNS raised as a fallback only if not a resection candidate.", N, None),
    ("could consider later", "Could consider DBS later.", N, None),
    ("would be an option", "RNS would be an option.", N, None),
    ("discussed vs surgery", "Discussed VNS vs surgery.", N, None),
    ("candidate if surgery declined", "Candidate for a VNS if surgery declined.", N, None),
    # near misses: the device is in the patient
    ("near: placed in a year", "VNS placed 2019.", P, None),
    ("near: has one, setting", "Has a VNS (setting 1.5 mA).", P, None),
    ("near: turned off for the scan", "VNS turned off for the scan.", P, None),
    ("near: s/p", "S/p DBS.", P, None),
    ("near: in place, options in the next clause", "VNS in place; discussed RNS vs surgery.", P, None),
    ("near: options limited by her device", "Options limited by her pacemaker.", P, None),
    ("near: options, continue hers", "Treatment options: continue VNS, add cenobamate.", P, None),
    ("near: asked about her device", "Mother asked about her VNS settings before the scan.", P, None),
    ("near: implanted, options after", "RNS implanted 2021; options now are resection or laser ablation.", P, None),
    ("near: two devices weighed as her kind", "Cardiac device: pacemaker vs ICD, type not known.", S, None),
    ("near: leads in situ, studies weighed", "DBS leads in situ; discussed MRS vs PET.", P, None),
]


@pytest.mark.parametrize(("text", "status", "cue"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_device_option_is_no_implant(analyze, text: str, status: FactStatus,  # type: ignore[no-untyped-def]
                                     cue: str | None) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["mri_contraindication"]
    assert fact.status is status, (fact.status.value, fact.note, [e.text for e in fact.evidence],
                                   [(e.text, e.attributes.get("cue")) for e in fact.ignored])
    if cue is not None:  # the set-aside device cites its cue (kept as ignored evidence beside a negative screen)
        screened = facts_of(analyze, SCREEN + text + REQUEST_TAIL).facts["mri_contraindication"]
        assert any(cue in (e.attributes.get("cue") or "").split() for e in screened.ignored), \
            [(e.text, e.attributes.get("cue")) for e in screened.ignored]
