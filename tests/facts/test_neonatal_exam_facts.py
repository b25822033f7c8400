"""A newborn's or an infant's examination, written in a NICU or paediatric note's own words, documents the physical
examination (physical_exam_documented present): the fontanelle and sutures, tone (axial or truncal hypotonia,
hypertonia, head lag, fisting), the suck and gag, the Moro, grasp and other primitive reflexes, spontaneous
movements, alertness or rousability, and a head circumference told with such findings, also under headings the
examination sections do not know ("PE:", "Gen:", "HEENT:") or in a two-column layout.

Rule: facts cue exam.findings (pipeline/facts/resources/cues.yaml) takes the findings of an infant's examination
(patterns), read by physical_exam_documented (facts/derive/documentation.py) in any section or in prose.

Near misses (stay not documented): a birth history alone (Apgars, cord gases, resuscitation), "Exam deferred", no
examination at a telephone visit, a video visit whose examination was limited to what could be seen, a lab
flowsheet, a plan to examine the baby later, the mother's examination in the baby's chart, milestones or findings
told by the parents, a head circumference alone on a growth line, a surname ("Dr. Moro"), an EEG's movement
artifact, a baby found unrousable at home (the history).

Limits: a finding word in a history sentence without a reporter ("admitted with a weak suck and low tone") still
reads as an examination, as "clonus" or "decreased tone" did before; "PE:", "Gen:" and "HEENT:" open no
examination section, so such a heading over findings no cue knows ("Gen: pink, well perfused") is not read.

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
NICU = ("NICU PROGRESS NOTE\nPatient: Baby Boy Okonkwo   DOB 11/29/2026   GA 39+2 wk\n"
        "HPI: Term infant with seizures on day 1 of life after a difficult delivery; MRI shows restricted "
        "diffusion in the basal ganglia.\n")
CLINIC = ("Pediatric Neurology Clinic\nPatient: Amara Lindqvist, 5 months\n"
          "History: referred for developmental regression and a raised serum lactate.\n")

ROWS: dict[str, tuple[str, FactStatus]] = {
    # the baby's examination in the note's own words
    "fontanelle-sutures-tone-reflexes": (NICU + "Anterior fontanelle soft and flat, sutures apposed. Truncal "
                                         "hypotonia with a weak suck; Moro incomplete on the left, grasp "
                                         "present bilaterally.\nPlan: repeat EEG.", P),
    "neuro-heading-lethargic": (NICU + "Neuro: lethargic, rouses to stimulation, few spontaneous movements, "
                                "gag present.\nPlan: continue phenobarbital.", P),
    "ofc-with-fontanelle": (NICU + "Fontanel tense; OFC 37.5 cm, above the 97th centile; no setting-sun sign.", P),
    "dated-dol-heading": (NICU + "Exam (DOL 4): pink and well perfused; hypertonic with fisted hands and a brisk "
                          "startle to noise.", P),
    "pe-heading-shorthand": (NICU + "PE: AF open/flat. Poor suck, floppy, head lag +.\nA/P: HIE, cooling "
                             "completed.", P),
    "gen-heent-lines": (NICU + "Gen: sleepy but arousable, weak cry\nHEENT: AF soft, sutures overriding\n"
                        "Resp: comfortable on room air", P),
    "two-column-layout": (NICU + "Feeds  EBM 40 mL q3h NG        Tone     low, head lag\n"
                          "Lines  PICC right arm            Primitives  Moro absent, suck weak\n", P),
    "cns-heading-rousable": (NICU + "CNS: drowsy but rousable, paucity of spontaneous movements, gag intact.",
                             P),
    "dictated-run-on": (NICU + "on my assessment this morning the baby is quiet but rousable comma the anterior "
                        "fontanelle is soft comma he has a poor suck and decreased tone throughout period", P),
    "ehr-export-flowsheet-style": (NICU + "Neuro assessment | Fontanelle: flat | Tone: low | Suck: weak | "
                                   "Moro: present", P),
    "letter-style": (CLINIC + "Dear Dr Haddad, when I saw Amara today she was alert and fixing on faces; she has "
                     "marked head lag when pulled to sit and her palmar grasp is still present. Her anterior "
                     "fontanelle is open and soft.", P),
    "infant-clinic-axial-hypotonia": (CLINIC + "Today: alert, social smile. Axial hypotonia with appendicular "
                                      "hypertonia; persistent ATNR; OFC 40 cm (10th centile).", P),
    "spontaneous-movements-asymmetric": (NICU + "Moves the left arm less than the right; spontaneous movements "
                                         "otherwise symmetric; roots and sucks well.", P),
    "hypertonia-jittery": (NICU + "Jittery with handling, increased extensor tone, exaggerated Moro, fontanelle "
                           "level.", P),
    "primitive-reflexes-absent": (NICU + "Moro, grasp and stepping responses all absent; minimal "
                                  "response to painful stimuli.", P),
    "encephalopathy-staging": (NICU + "Sarnat exam at 6 h: decreased activity, distal flexion, weak suck, "
                               "incomplete Moro - moderate encephalopathy.", P),
    # near misses: no examination of the baby
    "near-birth-history-only": (NICU + "Birth: Apgars 3, 6 and 8 at 1, 5 and 10 min; cord arterial pH 6.98, "
                                "base deficit 14. Required PPV for 2 minutes.", N),
    "near-exam-deferred": (NICU + "Exam: deferred, infant in the cooling protocol and being handled minimally.", N),
    "near-telephone-visit": (CLINIC + "Telephone follow-up with the mother; no exam today.", N),
    "near-video-limited": (CLINIC + "Exam: not performed (video visit) - only observed in her mother's arms.", N),
    "near-lab-flowsheet": (NICU + "Labs 12/01: Na 136, K 4.8, glucose 3.1, lactate 6.2, ammonia 48.\n"
                           "Plan: metabolic workup.", N),
    "near-plan-to-examine": (NICU + "Plan: will examine the infant after rewarming tomorrow and repeat the EEG.", N),
    "near-mother-exam": (NICU + "Maternal history: Mother: fundal height 33 cm at the last antenatal visit, BP "
                         "132/84; GBS negative.", N),
    "near-milestones-reported": (CLINIC + "Mother reports she rolled at 4 months and no longer holds her head "
                                 "up.", N),
    "near-parents-report-suck": (NICU + "Parents report a poor suck at home and say the soft spot looked full "
                                 "when he cried.", N),
    "near-plan-monitor-fontanelle": (NICU + "Plan: daily OFC; watch for a bulging fontanelle or sunsetting eyes; "
                                     "neurology to review.", N),
    "near-surname-moro": (CLINIC + "Referred by Dr. Moro, general paediatrics, for MR spectroscopy.", N),
    "near-eeg-movement-artifact": (NICU + "EEG 12/02: no electrographic seizures; spontaneous movements caused "
                                   "artifact over the left leads.", N),
    "near-found-unrousable-history": (CLINIC + "At 3 a.m. her father found her unrousable and called an "
                                      "ambulance.", N),
    "near-growth-line-ofc-only": (CLINIC + "Growth: weight 6.1 kg, length 63 cm, OFC 40.5 cm.", N),
}


@pytest.mark.parametrize(("text", "status"), ROWS.values(), ids=ROWS.keys())
def test_neonatal_exam(fragment_facts: Any, text: str, status: FactStatus) -> None:
    fact = fragment_facts(text).facts["physical_exam_documented"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.attributes.get('cue')) for e in fact.evidence]}")
