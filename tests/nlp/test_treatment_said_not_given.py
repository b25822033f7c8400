"""A treatment said not given, or discussed and then put off or turned down, is no treatment given.

- "not" / "never" right before a treatment participle ("Not resected (deep location)") is neg.no's: the imaging-only
  hedge of the same words (`poss.imaging_only_not_done`, tumours only) is a quiet cue sharing the word, no longer a
  longer cue that hid neg.no from the participle;
- `neg.treatment_put_off_after`: a treatment discussed, offered or proposed in the sentence, then put off or turned
  down after it ("...; she would rather wait", "..., patient prefers to postpone therapy"), reaching back across the
  separator it opens with, not past a word of completion; `neg.treatment_put_off_bare_after` the same with a bare
  "; declined" / "- postponed" that has nothing declined after it (with a treatment after it, neg.declined reads it);
- `neg.declined` no longer reaches back to a treatment its line tells as completed just before ("completed
  radiotherapy, declined further chemotherapy").

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite.
Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"hypothetical", "uncertain", "negated", "historical"}
N, U, HIST, NONE = {"negated"}, {"uncertain"}, {"historical"}, set()
NO, PUT, BARE = "neg.no", "neg.treatment_put_off_after", "neg.treatment_put_off_bare_after"
RAD, RES, CHEMO = "PRIOR_RADIATION", "PRIOR_RESECTION", "PRIOR_CHEMOTHERAPY"

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    # "not" / "never" before the participle
    ("Not opening, aside", "Not resected (thalamic, too deep).", RES, "resected", N, NO),
    ("Not, bare", "Not resected.", RES, "resected", N, NO),
    ("lower case", "not resected given the brainstem location", RES, "resected", N, NO),
    ("subject then not", "Lesion not resected (eloquent cortex).", RES, "resected", N, NO),
    ("was not", "The mass was not resected.", RES, "resected", N, NO),
    ("never", "Never resected; followed with MRI.", RES, "resected", N, NO),
    ("has not been", "Tumour has not been resected.", RES, "resected", N, NO),
    ("capitals", "NOT RESECTED", RES, "RESECTED", N, NO),
    ("after another negation", "Not irradiated; not resected.", RES, "resected", N, NO),
    ("tumour keeps imaging-only hedge", "Glioma, not biopsied.", "GLIOMA", "Glioma", U, "poss.imaging_only_not_done"),
    ("tumour, never sampled", "Pontine glioma, never sampled.", "GLIOMA", "glioma", U,
     "poss.imaging_only_not_done"),
    # discussed / offered / proposed, then put off or turned down
    ("talked about, rather wait", "Talked about lomustine; she would rather wait.", CHEMO, "lomustine", N, PUT),
    ("discussed, prefers to postpone", "Vorasidenib discussed; patient prefers to postpone treatment until growth.",
     CHEMO, "Vorasidenib", N, PUT),
    ("discussed, wishes to wait", "Temozolomide discussed, patient wishes to wait.", CHEMO, "Temozolomide", N, PUT),
    ("discussed but defer", "Chemotherapy was discussed but he prefers to defer it.", CHEMO, "Chemotherapy", N, PUT),
    ("offered; declined", "Radiosurgery offered; declined.", RAD, "Radiosurgery", N, BARE),
    ("offered; postponed for now", "Whole-brain radiotherapy offered; postponed for now.", RAD, "radiotherapy", N,
     BARE),
    ("offered, turned down", "Offered craniotomy, which he turned down.", RES, "craniotomy", N, PUT),
    ("reviewed, family hold off", "We reviewed radiotherapy; the family would prefer to hold off for now.", RAD,
     "radiotherapy", N, PUT),
    ("proposed, rather postpone", "Re-resection proposed; the parents would rather postpone it.", RES,
     "Re-resection", {"hypothetical", "negated"}, PUT),
    ("line wrap", "Bevacizumab discussed at length;\nshe would rather wait.", CHEMO, "Bevacizumab", N, PUT),
    ("second of two, after a given one", "Received radiotherapy; discussed chemotherapy, prefers to wait.", CHEMO,
     "chemotherapy", N, PUT),
    # near misses
    ("near: resected, not irradiated", "Resected 2019, not irradiated", RES, "Resected", NONE, None),
    ("near: not only resected", "not only resected but also irradiated", RES, "resected", NONE, None),
    ("near: resected; no residual", "resected; no residual", RES, "resected", NONE, None),
    ("near: completed radiotherapy, declined chemo", "completed radiotherapy, declined further chemotherapy", RAD,
     "radiotherapy", HIST, None),
    ("near: declined chemo after completed RT", "completed radiotherapy, declined further chemotherapy", CHEMO,
     "chemotherapy", HIST | N, "neg.declined"),
    ("near: s/p resection, discussing", "s/p resection, now discussing chemotherapy", RES, "resection", HIST, None),
    ("near: started after discussion", "started temozolomide after discussion", CHEMO, "temozolomide", NONE, None),
    ("near: received, then discussed other", "Received radiotherapy; discussed chemotherapy, prefers to wait.", RAD,
     "radiotherapy", NONE, None),
    ("near: tumour not resected", "Glioma, not resected.", "GLIOMA", "Glioma", NONE, None),
    ("near: declined before", "She declined chemotherapy.", CHEMO, "chemotherapy", N, "neg.declined"),
    # a resection set aside ("not offered", "not recommended") was not done
    ("resection not offered", "Resection not offered (eloquent cortex).", RES, "Resection", N,
     "neg.surgery_set_aside_after"),
    ("near: resected, repeat not recommended", "s/p resection 2019; repeat resection not recommended.", RES,
     "resection", HIST, None),
    # a bare "declined" with the declined treatments after it leaves them to neg.declined's forward reading
    ("near: not offered; declined others", "Resection not offered (eloquent cortex); pt declined RT/chemo.", RAD,
     "RT", N, "neg.declined"),
    ("near: offered; refused the second", "Re-resection offered; she refused temozolomide.", CHEMO, "temozolomide", N,
     "neg.declined"),
    ("near: wait without discussion", "Resected 2021; would rather wait for the next scan.", RES, "Resected", NONE,
     None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_treatment_said_not_given(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                                  expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules
