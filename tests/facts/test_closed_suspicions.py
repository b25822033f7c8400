"""A suspicion an old study raised and a later study closed, through the real NLP stage to the facts.

Class: a history paragraph tells that an old study raised a tumour (or other) suspicion ("CT 2015 raised 'r/o
low-grade neoplasm'", "the CT was read '?glioma vs contusion'") and that a later study (a later date, or "since",
"then", "subsequent", "follow-up") showed its absence ("MRI 2016 showed no mass", "no tumour on the MRIs since") or
an alternative ("MRI 2019 showed a chronic contusion"), or that the question was closed, answered or resolved. The
hedged diagnosis is superseded as a settled differential (facts/resources/supersession.yaml:
supersede.later_study, supersede.later_cue, supersede.question_closed, supersede.left_open; source `settled`) and
the old study's open read is settled with it (facts/imaging.py: its inconclusive verdict no longer counts; when
the later read is only "no mass" or an alternative, no study keeps a verdict and the tumour is not documented).
A list line's "question resolved" is a closure (context.yaml neg.question_closed), and "still not excluded" a hedge
(poss.backward).

Near misses keep their reading: a later study that still leaves it open ("follow-up MRI 2020 unchanged, low-grade
glioma still not excluded", "the question remains open"), a current study's differential with no later closure, an
older negative study cited after a current suspicion, "no mass effect" (not no mass), the closure of another
concept ("no abscess" leaves a glioma question open), a suspicion raised AFTER the negative study, a clinical
suspicion tied to no study.

Rows: id, text, {fact: expected status}. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CASES: list[tuple[str, str, dict[str, FactStatus]]] = [
    # 1. a later study reads the suspected tumour absent
    ("no mass, question closed then, none since",
     "Remote: head CT 2014 after a first convulsion raised 'r/o low-grade neoplasm L parietal'; MRI 2014 showed no "
     "mass and that question was closed then. No tumour on the three MRIs since.",
     {"brain_neoplasm": A, "known_brain_tumor": A, "conventional_imaging_inconclusive": N}),
    ("follow-up MRI with a later year",
     "Outside CT (2016): ?glioma, R frontal. Follow-up MRI 2017 showed no tumor.",
     {"brain_neoplasm": A, "known_brain_tumor": A, "conventional_imaging_inconclusive": A}),
    ("subsequent MRI the same year, answered",
     "CT head 05/2012 - possible neoplasm, right frontal. Subsequent MRI in 2012 demonstrated no mass; the question "
     "was answered.",
     {"brain_neoplasm": N, "known_brain_tumor": N, "conventional_imaging_inconclusive": N}),
    ("British spelling, line wrap, query resolved",
     "Past history: a CT in 2010 was reported as 'query low-grade tumour, left\ninsula'; MRI 2011 showed no tumour "
     "and the query was resolved.",
     {"brain_neoplasm": A, "known_brain_tumor": A, "conventional_imaging_inconclusive": A}),
    ("a subsequent MRI, concern for a tumor",
     "A CT in 2011 raised concern for a tumor in the right temporal lobe; a subsequent MRI showed no tumor.",
     {"brain_neoplasm": A, "known_brain_tumor": A, "conventional_imaging_inconclusive": A}),
    ("serial MRIs since, abbreviated",
     "Remote CT (2009) - ?low grade glioma R frontal. Serial MRIs since 2010 show no tumour.",
     {"brain_neoplasm": A, "known_brain_tumor": A, "conventional_imaging_inconclusive": A}),
    ("form field lines, question resolved",
     "Prior imaging: CT head 2016 - '?neoplasm L occipital'.\nMRI brain 2017 - no tumour; question resolved.",
     {"brain_neoplasm": A, "known_brain_tumor": A, "conventional_imaging_inconclusive": A}),
    ("parenthesised reads, a later year",
     "Seizure in 2008 (CT 2008: 'rule out neoplasm'). MRI 2009 (no tumour) closed the question.",
     {"brain_neoplasm": A, "known_brain_tumor": A, "conventional_imaging_inconclusive": A}),
    ("month/year dates, no mass",
     "CT 04/2013 read 'possible low-grade glioma'. MRI 09/2013 showed no mass.",
     {"brain_neoplasm": N, "known_brain_tumor": N, "conventional_imaging_inconclusive": N}),
    # 2. a later study reads an alternative (and a tumour absent) in the sentence of the suspicion
    ("a chronic contusion, no tumour, question closed",
     "Fall 2017 with a L temporal contusion; the CT at the time was read '?low-grade glioma vs contusion' and MRI "
     "02/2018 showed a chronic contusion, no tumour - question closed, no follow-up.",
     {"brain_neoplasm": A, "known_brain_tumor": A, "conventional_imaging_inconclusive": A}),
    ("the alternative alone, a later year",
     "Remote: CT 2015 after a fall was read '?glioma vs contusion'. MRI 2016 showed an old contusion.",
     {"brain_neoplasm": N, "known_brain_tumor": N, "conventional_imaging_inconclusive": N}),
    ("the alternative alone, follow-up MRI",
     "Head CT in 2012: 'cavernoma versus low-grade tumour'. Follow-up MRI demonstrated a cavernoma.",
     {"brain_neoplasm": N, "known_brain_tumor": N, "conventional_imaging_inconclusive": N}),
    # near misses: nothing closes the suspicion, or it is raised after the negative study
    ("near: follow-up MRI unchanged, still not excluded",
     "CT 2018 read '?low-grade glioma'; follow-up MRI 2020 unchanged, low-grade glioma still not excluded.",
     {"brain_neoplasm": S, "conventional_imaging_inconclusive": P}),
    ("near: still not excluded after a semicolon",
     "CT 2018 read '?low-grade glioma'. Follow-up MRI 2020 unchanged; low-grade glioma still not excluded.",
     {"brain_neoplasm": S, "conventional_imaging_inconclusive": P}),
    ("near: a current study's differential",
     "MRI brain 11/02/2026: enhancing lesion, low-grade glioma versus contusion.",
     {"brain_neoplasm": S, "conventional_imaging_inconclusive": P}),
    ("near: no mass effect is no read of no mass",
     "CT 2015 read '?low-grade neoplasm R temporal'; MRI 2016 showed no mass effect.",
     {"brain_neoplasm": S, "conventional_imaging_inconclusive": P}),
    ("near: no abscess leaves the glioma question",
     "CT 2015 read '?glioma vs abscess'; MRI 2016 showed no abscess.",
     {"brain_neoplasm": S, "conventional_imaging_inconclusive": P}),
    ("near: suspicion raised after the negative study",
     "MRI 2019 showed no tumour; CT 10/2026 new ?mass, possible neoplasm.",
     {"brain_neoplasm": S, "conventional_imaging_inconclusive": P}),
    ("near: an older negative study cited after, then",
     "MRI 10/2026: possible low-grade glioma. MRI 2019 showed no tumour then.",
     {"brain_neoplasm": S, "conventional_imaging_inconclusive": P}),
    ("near: a clinical suspicion tied to no study",
     "Neurology suspects a low-grade glioma. MRI 2019 showed no tumour.",
     {"brain_neoplasm": S}),
    ("near: the question remains open",
     "CT 2015 read '?low-grade glioma'; MRI 2016 showed no mass, but the question remains open.",
     {"brain_neoplasm": S, "conventional_imaging_inconclusive": P}),
    ("near: the later study names another diagnosis only",
     "CT 2015: ?glioma vs abscess. MRI 2016 showed no infarct.",
     {"brain_neoplasm": S, "conventional_imaging_inconclusive": P}),
    ("near: later MRI cannot exclude",
     "CT 2014: possible neoplasm. Follow-up MRI 2015: no mass seen, but a small tumour cannot be excluded.",
     {"brain_neoplasm": S, "conventional_imaging_inconclusive": P}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_closed_suspicions(fragment_facts, text: str, expected: dict[str, FactStatus]) -> None:  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)
