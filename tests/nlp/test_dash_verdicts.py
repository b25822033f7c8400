"""A verdict after a dash that names a second diagnosis is that diagnosis's verdict, not the first one's.

"the committee concluded post-infectious gliosis - tumour excluded", "path review: demyelination - lymphoma ruled
out", "a cavernoma - metastasis no longer considered": the diagnosis after the dash is a mention with its own
assertion, and the one before the dash keeps its own reading.

1. A hyphen in a target rule's `unless_prev`/`unless_next` list is a hyphen joined to the match ("non-neoplastic",
   "pseudo-tumor", "mass-like"); a dash standing apart between two words no longer drops the target after or before
   it (the "tumour" of "gliosis - tumour excluded" used to vanish).
2. A backward verdict (neg.excluded, neg.withdrawn, neg.backward, neg.left_out, neg.question_closed) does not reach
   back across a dash standing apart when a diagnosis of its own lies between the dash and the cue (scope
   dash_subject), unless that is the same finding told twice or the dash joins a list of bare diagnoses.

Near misses that keep today's reading: "glioma - WHO grade 2" (a grade), "tumour - ruled out" (the tumour itself),
"lymphoma - suspected", hyphenated words ("non-neoplastic", "non-tumour"), a list dash at a line start ("- glioma ruled
out"), a row's own resolution ("? glioblastoma - excluded on biopsy"), a dash list ("lymphoma - metastasis - abscess
excluded") and one finding named twice ("PCNSL - lymphoma excluded"). An abbreviation used as a field name keeps
its label dash (the filter entry " - "): "MS - awake, oriented" is mental status, "ALD - decompensated" alcoholic liver
disease.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE = {"negated"}, {"uncertain"}, set[str]()
AMONG = {"negated", "uncertain"}

# id: (text, concept, mention text, expected modifiers among AMONG; None: no such mention)
CASES: dict[str, tuple[str, str, str, set[str] | None]] = {
    # ------------------------------------------------ the diagnosis after the dash is a mention with its own verdict
    "gliosis-tumour-excluded": ("The committee concluded post-infectious gliosis - tumour excluded.",
                                "BRAIN_TUMOR", "tumour", NEG),
    "gliosis-keeps-its-reading": ("The committee concluded post-infectious gliosis - tumour excluded.",
                                  "NONTUMOR_DX", "gliosis", NONE),
    "en-dash-not-identified": ("Neuropathology: reactive gliosis \u2013 neoplasm not identified.",
                               "BRAIN_TUMOR", "neoplasm", NEG),
    "en-dash-gliosis-stays": ("Neuropathology: reactive gliosis \u2013 neoplasm not identified.",
                              "NONTUMOR_DX", "gliosis", NONE),
    "infarct-neoplasm": ("Impression: subacute infarct - neoplasm ruled out.", "BRAIN_TUMOR", "neoplasm", NEG),
    "infarct-stays": ("Impression: subacute infarct - neoplasm ruled out.", "NONTUMOR_DX", "subacute infarct", NONE),
    "abscess-neoplasm-perfect": ("Impression: abscess - neoplasm has been excluded.", "BRAIN_TUMOR", "neoplasm", NEG),
    "abscess-stays": ("Impression: abscess - neoplasm has been excluded.", "BRAIN_INFECTION", "abscess", NONE),
    # ------------------------------------------------ the verdict no longer leaks back onto the first diagnosis
    "demyelination-lymphoma-ruled-out": ("Path review: demyelination - lymphoma ruled out.",
                                         "DEMYELINATION", "demyelination", NONE),
    "lymphoma-ruled-out": ("Path review: demyelination - lymphoma ruled out.", "CNS_LYMPHOMA", "lymphoma", NEG),
    "cavernoma-metastasis-withdrawn": ("Settled as a cavernoma - metastasis no longer considered.",
                                       "NONTUMOR_DX", "cavernoma", NONE),
    "metastasis-withdrawn": ("Settled as a cavernoma - metastasis no longer considered.",
                             "BRAIN_METASTASIS", "metastasis", NEG),
    "double-dash-not-supported": ("MDT outcome: toxoplasmosis -- lymphoma not supported.",
                                  "BRAIN_INFECTION", "toxoplasmosis", NONE),
    "em-dash-not-in-differential": ("Biopsy: demyelinating process \u2014 tumour is not in the differential.",
                                    "DEMYELINATION", "demyelinating process", NONE),
    "recurrence-unlikely": ("Second opinion: radiation necrosis - recurrence considered unlikely.",
                            "TREATMENT_EFFECT", "radiation necrosis", NONE),
    "recurrence-unlikely-negated": ("Second opinion: radiation necrosis - recurrence considered unlikely.",
                                    "RECURRENCE", "recurrence", NEG),
    "tumefactive-glioma-by-biopsy": ("Final diagnosis: tumefactive demyelination - glioma excluded by biopsy.",
                                     "DEMYELINATION", "tumefactive demyelination", NONE),
    "metastatic-disease": ("Conclusion of the conference: cerebral abscess - metastatic disease excluded.",
                           "BRAIN_INFECTION", "cerebral abscess", NONE),
    "lesion-stays": ("2. Lesion - glioma ruled out: MRI shows infarct", "BRAIN_LESION", "Lesion", NONE),
    "header-dash-before": ("Tumor board 10/02/2026 - gliosis - neoplasm ruled out.", "NONTUMOR_DX", "gliosis", NONE),
    "hedge-before-dash-stays": ("Problem list:\n- r/o lymphoma - metastasis excluded\n",
                                "CNS_LYMPHOMA", "lymphoma", HEDGE),
    # ------------------------------------------------ near misses
    "grade-after-dash": ("Impression: glioma - WHO grade 2.", "GLIOMA", "glioma", NONE),
    "tumour-itself-ruled-out": ("Impression: tumour - ruled out.", "BRAIN_TUMOR", "tumour", NEG),
    "meningioma-itself-withdrawn": ("Impression: meningioma - no longer considered.", "BRAIN_TUMOR", "meningioma",
                                    NEG),
    "suspected-after-dash": ("Impression: lymphoma - suspected.", "CNS_LYMPHOMA", "lymphoma", HEDGE),
    "non-neoplastic": ("Pathology: non-neoplastic brain tissue.", "BRAIN_TUMOR", "neoplastic", None),
    "non-tumour": ("Pathology: non-tumour tissue.", "BRAIN_TUMOR", "tumour", None),
    "list-dash-at-line-start": ("Plan:\n- glioma ruled out\n- seizures controlled\n", "GLIOMA", "glioma", NEG),
    "row-resolution": ("Problem list:\n- ? glioblastoma - excluded on biopsy\n", "GLIOMA", "glioblastoma", NEG),
    "dash-list-excluded-whole": ("Impression: lymphoma - metastasis - abscess excluded.",
                                 "CNS_LYMPHOMA", "lymphoma", NEG),
    "same-finding-twice": ("Impression: PCNSL - lymphoma excluded.", "CNS_LYMPHOMA", "PCNSL", NEG),
    "ms-dash-is-mental-status": ("Neuro: MS - awake, oriented x3, naming intact.", "MULTIPLE_SCLEROSIS", "MS", None),
    "ald-dash-label": ("Hepatology: ALD - decompensated, MELD 19.", "LEUKODYSTROPHY", "ALD", None),
    "ms-joined-hyphen": ("Fatigue is MS-related.", "MULTIPLE_SCLEROSIS", "MS", None),
    "ms-without-dash": ("Known MS, on ocrelizumab.", "MULTIPLE_SCLEROSIS", "MS", NONE),
    "comma-list-excluded": ("Impression: lymphoma, metastasis and abscess are excluded.",
                            "BRAIN_METASTASIS", "metastasis", NEG),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), CASES.values(), ids=CASES.keys())
def test_a_verdict_after_a_dash_is_its_own_diagnosis(mentions: Callable[..., list[Mention]], text: str, concept: str,
                                                     span: str, expected: set[str] | None) -> None:
    check_mention(mentions, text, concept, span, expected, among=AMONG)
