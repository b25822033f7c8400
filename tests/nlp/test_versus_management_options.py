""""Vs" between management options is no imaging differential, also when an option tells its scan in an aside.

Class: a "vs"/"versus" between ways of managing the patient, one of which is surveillance imaging told in a
parenthesis or bracket ("observation (serial MRI) vs radiosurgery", "SRS vs observation (MRI q6m)", "watch and wait
(MRIs q6mo) versus surgery"), or a list of three options, or an option named "Gamma Knife" or "fractionated RT", was
read as an imaging differential: the "vs" became an inconclusive verdict word (img.inconclusive), the ") vs" cue
(poss.versus_past_aside) hedged the tumour before the options, and the surveillance MRI inside the option was cited
as an undated study. Rule: targets.yaml look.treatment_choice (patterns with an option's aside: lexicon
treatment_choice_aside_interval; options knife, wait, watch, see, wbrt, fsrs, hfsrt, hsrt; links fractionated,
hypofractionated, whole-brain, focal, conventional, standard) claims the "vs", the versus cue and now the ") vs"
cue too (poss.versus_past_aside): no verdict word, no hedge outside the options, and the scan inside the match is an
option (facts cue study.choice_option).

Near misses (a differential read from a study): "tumour vs radiation necrosis" after a dated MRI, "recurrence versus
pseudoprogression on the 11/01 MRI", "DDx: meningioma vs schwannoma", an aside that tells a study done.

Rows: id, text, whether a "vs"/"versus" verdict word (IMAGING_INCONCLUSIVE) is read, and the text of a mention that
must lie inside a TREATMENT_CHOICE match (None: no check). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from typing import Any

import pytest

VS_WORDS = {"vs", "vs.", "versus", "v.s."}

CASES: list[tuple[str, str, bool, str | None]] = [
    ("observation aside vs radiosurgery", "Options discussed: observation (serial MRI) vs. radiosurgery.", False,
     "MRI"),
    ("wait-and-scan aside vs srs", "Wait-and-scan (MRI at 6 months) vs SRS.", False, "MRI"),
    ("three options, aside last", "radiosurgery vs fractionated RT vs observation (MRI q6m)", False, "MRI"),
    ("hypofractionated, watch and wait", "Radiosurgery vs. hypofractionated radiotherapy vs. watch and wait "
     "(MRI q3-6m).", False, "MRI"),
    ("gamma knife second", "Options for the left vestibular schwannoma: surveillance (MRI q6m) vs Gamma Knife.",
     False, "MRI"),
    ("capitals, monthly", "Meningioma, 14 mm: SURVEILLANCE (MRI 6-MONTHLY) VS SRS.", False, "MRI"),
    ("line wrap before aside", "Plan: observation\n(MRI q6m) vs radiosurgery - patient to decide.", False, "MRI"),
    ("square brackets, 3/12", "Conservative management [MRI in 3/12] vs. re-resection.", False, "MRI"),
    ("plural scans", "Watch and wait (MRIs q6mo) versus surgery.", False, "MRIs"),
    ("or then vs", "Gamma knife or observation (6-monthly MRI) vs microsurgery.", False, "MRI"),
    ("list of months", "Options: observation (MRI at 3, 6 and 12 months) vs SRS.", False, "MRI"),
    ("aside after second option", "Treatment options (glioma): re-resection vs. chemoradiation vs. surveillance "
     "(MRI every 2-3 months).", False, "MRI"),
    ("brief example, repeat", "Options: surveillance (repeat MRI in 3 mo) vs Gamma Knife", False, "MRI"),
    ("brief example, serial", "watchful waiting with serial MRI versus resection", False, None),
    ("interval imaging", "We discussed observation with interval imaging versus upfront surgery.", False, None),
    ("whole-brain", "WBRT vs. SRS vs. observation (MRI brain every 3 months), favouring SRS.", False, "MRI brain"),
    # near misses: a differential of a study's read
    ("near: dated read, radiation necrosis", "MRI 10/02/2026: enhancing lesion, tumour vs radiation necrosis.", True,
     None),
    ("near: read on a dated MRI", "Recurrence versus pseudoprogression on the 11/01/2026 MRI.", True, None),
    ("near: read then options", "MRI 10/02/2026: enhancing lesion, tumour vs radiation necrosis. Options: observation "
     "(MRI in 6 weeks) vs re-resection.", True, None),
    ("near: abscess vs metastasis", "MRI brain: ? abscess vs necrotic metastasis", True, None),
    ("near: aside tells a study done", "Observation (MRI 10/02/2026 showed growth) vs glioma progression.", True,
     None),
]


@pytest.mark.parametrize(("text", "verdict_word", "inside"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_versus_management_options(mentions: Any, text: str, verdict_word: bool, inside: str | None) -> None:
    found = mentions(text)
    words = [m for m in found if m.concept == "IMAGING_INCONCLUSIVE" and m.text.lower() in VS_WORDS]
    assert bool(words) is verdict_word, [(m.concept, m.text, m.modifier_rules) for m in found]
    if inside is not None:
        choices = [m for m in found if m.concept == "TREATMENT_CHOICE"]
        scans = [m for m in found if m.concept == "IMAGING" and m.text == inside]
        assert scans and all(any(c.start <= s.start and s.end <= c.end for c in choices) for s in scans), \
            [(m.concept, m.text) for m in found]


HEDGE: list[tuple[str, str, str, str]] = [
    ("tumour before the options", "Options for the left vestibular schwannoma: surveillance (MRI q6m) vs Gamma Knife.",
     "BRAIN_TUMOR", "vestibular schwannoma"),
    ("meningioma before, colon", "Parafalcine meningioma - observation (serial MRI) vs radiosurgery.", "BRAIN_TUMOR",
     "meningioma"),
    ("glioma after the options", "Observation (MRI q3m) vs re-resection for her oligodendroglioma.", "GLIOMA",
     "oligodendroglioma"),
]


@pytest.mark.parametrize(("text", "concept", "span"), [c[1:] for c in HEDGE], ids=[c[0] for c in HEDGE])
def test_versus_management_options_hedge_nothing(mentions: Any, text: str, concept: str, span: str) -> None:
    found = [m for m in mentions(text) if m.concept == concept and m.text == span]
    assert found, [(m.concept, m.text) for m in mentions(text)]
    assert "uncertain" not in found[0].modifiers, (found[0].modifiers, found[0].modifier_rules)
