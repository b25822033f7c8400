"""A tumour named in a sentence that asserts nothing about this patient is no affirmed tumour.

The class: a brain metastasis or neoplasm read affirmed (brain_metastasis present, known_brain_tumor present, so
that "brain tumors are known" is met) where the sentence only talks about the disease class, weighs it, or tells
what would follow if it were there. Four shapes (context.yaml):

1. A generic statement about a disease class with a word of habit or frequency (`hyp.generic_habit`, its list now
   with notoriously, often, frequently, mostly, rarely, seldom, always, occasionally, sometimes, a degree before
   it, "not always", "almost always", and "tend not to", "are prone/apt/known to"): "metastases from melanoma are
   notoriously haemorrhagic" -> hypothetical.
2. Alternatives that "remain" (`poss.alternatives_remain`): "a cavernoma or a bleeding neoplasm remain", "... remain
   to be distinguished", "the possibility of an underlying neoplasm remains" -> uncertain.
3. A consequence with the disease as subject before "would" (`hyp.would_subject`, now also "would not"/"n't" before
   the verb; `hyp.would_subject_change` where hyp.if's "would change/result in/proceed/then" took the "would"):
   "a single brain metastasis would not change systemic therapy" -> hypothetical.
4. A condition of existence told after the action (`hyp.existence_condition_after`: "if"/"should it"/"in case"
   with found, present, confirmed, seen, proven, detected ... after it, reaching back to the disease of its clause):
   "treat the tumour if found", "treat any recurrence if confirmed" -> hypothetical.

Near misses keep their reading: the patient's own disease ("his metastases are haemorrhagic", "her metastases are
often cystic"), a course told in the past ("metastases frequently bled on earlier scans"), the patient's tumour
with a habit word ("the metastasis usually bleeds when he is off anticoagulation": judged the patient's, the
article and the "he"), something physical that remains ("residual tumour remains", "a tumour remains on the latest
MRI", "metastases remain unchanged"), a narrative past of a known metastasis ("the metastasis would not have
changed management"), a hedge after "would not" ("would not be surprising", "would not explain"), a plain plan
("Treat the tumour."), a condition told first ("if found on MRI, the tumour will be resected": already
hypothetical), a condition of change ("resect the glioma if it grows", "if it is found to be enlarging"), and a
condition after a comma far from the cue ("glioblastoma resected in 2024, re-irradiate if confirmed").

Limits known: the contracted "wouldn't" is poss.would_clause's longer cue and stays unread ("a small metastasis
wouldn't need surgery"); "frequently present with" is hyp.reference_general's longer cue and keeps the disease;
a bare singular disease with a frequency word in the patient's own story ("MS often flares in summer") would read
hypothetical, as "MS usually flares" did before; a "would" after a long subject (more than eight
words) are not reached; shape 4 reaches back six tokens within its clause only.

Rows: id -> (text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite or
None). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts, facts_of, find_mention

from pipeline.contracts import FactStatus, Mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
H, U, NONE = {"hypothetical"}, {"uncertain"}, set[str]()
HABIT, REMAIN = "hyp.generic_habit", "poss.alternatives_remain"
WOULD, WOULD_CHANGE, COND = "hyp.would_subject", "hyp.would_subject_change", "hyp.existence_condition_after"

CASES: dict[str, tuple[str, str, str, set[str], str | None]] = {
    # ------------------------------------------------ 1. a generic statement about a disease class
    "habit-notoriously": ("Metastases from melanoma are notoriously haemorrhagic.", "BRAIN_METASTASIS",
                          "Metastases", H, HABIT),
    "habit-often-verb": ("Renal cell carcinoma metastases often bleed spontaneously.", "BRAIN_METASTASIS",
                         "metastases", H, HABIT),
    "habit-not-always": ("Glioblastomas are not always contrast-enhancing.", "GLIOMA", "Glioblastomas", H, HABIT),
    "habit-almost-always": ("Meningiomas are almost always extra-axial.", "BRAIN_TUMOR", "Meningiomas", H, HABIT),
    "habit-rarely": ("Primary CNS lymphomas rarely bleed before steroids.", "CNS_LYMPHOMA", "lymphomas", H, HABIT),
    "habit-seldom": ("Cerebral metastases seldom cross the midline.", "BRAIN_METASTASIS", "Cerebral metastases", H,
                     HABIT),
    "habit-such-often": ("Such metastases are often multiple at presentation.", "BRAIN_METASTASIS", "metastases", H,
                         HABIT),
    "habit-frequently-after-semicolon": ("MRS was discussed; lung cancer metastases frequently calcify after SRS.",
                                         "BRAIN_METASTASIS", "metastases", H, HABIT),
    "habit-usually-but-not-always": ("Oligodendrogliomas usually but not always calcify.", "GLIOMA",
                                     "Oligodendrogliomas", H, HABIT),
    "habit-prone-to": ("Melanoma metastases are prone to haemorrhage.", "BRAIN_METASTASIS", "metastases", H, HABIT),
    "near-his-metastases": ("His metastases are haemorrhagic.", "BRAIN_METASTASIS", "metastases", NONE, None),
    "near-her-metastases-often": ("Her metastases are often cystic.", "BRAIN_METASTASIS", "metastases", NONE, None),
    "near-past-course": ("Metastases frequently bled on earlier scans.", "BRAIN_METASTASIS", "Metastases", NONE,
                         None),
    "near-the-metastasis-when-he": ("The metastasis usually bleeds when he is off anticoagulation.",
                                    "BRAIN_METASTASIS", "metastasis", NONE, None),
    "near-present-in-both": ("Metastases are present in both cerebellar hemispheres.", "BRAIN_METASTASIS",
                             "Metastases", NONE, None),
    # ------------------------------------------------ 2. possibilities that remain
    "remain-or": ("A cavernous malformation or a haemorrhagic metastasis remain.", "BRAIN_METASTASIS", "metastasis",
                  U, REMAIN),
    "remains-or-singular": ("Haemorrhagic glioma or amyloid angiopathy remains.", "GLIOMA", "glioma", U, REMAIN),
    "remain-to-be-distinguished": ("An abscess or a necrotic metastasis remain to be distinguished.",
                                   "BRAIN_METASTASIS", "metastasis", U, REMAIN),
    "remain-then-clause": ("A cavernoma or a bleeding neoplasm still remain, and spectroscopy is requested.",
                           "BRAIN_TUMOR", "neoplasm", U, REMAIN),
    "possibility-remains": ("The possibility of an underlying neoplasm remains.", "BRAIN_TUMOR", "neoplasm", U,
                            REMAIN),
    "kept-remains-a-possibility": ("Metastasis remains a possibility.", "BRAIN_METASTASIS", "Metastasis", U, None),
    "kept-still-on-the-table": ("A bleeding metastasis stays on the table.", "BRAIN_METASTASIS", "metastasis", U,
                                None),
    "near-remains-on-mri": ("A tumour remains on the latest MRI.", "BRAIN_TUMOR", "tumour", NONE, None),
    "near-residual-remains": ("Residual tumour remains.", "BRAIN_TUMOR", "tumour", NONE, None),
    "near-remain-unchanged": ("Metastases remain unchanged.", "BRAIN_METASTASIS", "Metastases", NONE, None),
    "near-remains-stable": ("The tumour remains stable.", "BRAIN_TUMOR", "tumour", NONE, None),
    # ------------------------------------------------ 3. a consequence with the tumour as subject
    "would-not-change": ("A solitary brain metastasis would not alter the plan for immunotherapy.",
                         "BRAIN_METASTASIS", "brain metastasis", H, WOULD),
    "would-not-need": ("A small metastasis would not need surgery.", "BRAIN_METASTASIS", "metastasis", H, WOULD),
    "would-not-be-resectable": ("A glioma in the brainstem would not be resectable.", "GLIOMA", "glioma", H, WOULD),
    "would-change": ("A brain metastasis would change the systemic treatment plan.", "BRAIN_METASTASIS",
                     "brain metastasis", H, WOULD_CHANGE),
    "would-be-treated": ("A metastasis at this site would be treated with radiosurgery.", "BRAIN_METASTASIS",
                         "metastasis", H, None),
    "near-would-not-have-changed": ("The metastasis would not have changed management.", "BRAIN_METASTASIS",
                                    "metastasis", NONE, None),
    "near-her-known-would-not": ("Her known metastasis would not change systemic therapy.", "BRAIN_METASTASIS",
                                 "metastasis", NONE, None),
    "near-would-not-be-surprising": ("A metastasis would not be surprising given the melanoma.", "BRAIN_METASTASIS",
                                     "metastasis", NONE, None),
    "near-would-not-explain": ("Lymphoma would not explain the cortical involvement.", "CNS_LYMPHOMA", "Lymphoma",
                               NONE, None),
    # ------------------------------------------------ 4. a condition of existence after the action
    "if-found": ("We will treat the tumour if found.", "BRAIN_TUMOR", "tumour", H, COND),
    "if-confirmed-on-biopsy": ("Plan: resect the metastasis if confirmed on biopsy.", "BRAIN_METASTASIS",
                               "metastasis", H, COND),
    "if-seen-on-mri": ("SRS to any metastasis if seen on the planning MRI.", "BRAIN_METASTASIS", "metastasis", H,
                       COND),
    "should-it-be-confirmed": ("Offer resection of the glioma should it be confirmed histologically.", "GLIOMA",
                               "glioma", H, COND),
    "if-confirmed-recurrence": ("Treat any recurrence if confirmed.", "RECURRENCE", "recurrence", H, COND),
    "if-biopsy-proven": ("Treat the lymphoma if biopsy-proven.", "CNS_LYMPHOMA", "lymphoma", H, COND),
    "kept-if-present": ("Resect the metastasis if present.", "BRAIN_METASTASIS", "metastasis", H, None),
    "near-treat-the-tumour": ("Treat the tumour.", "BRAIN_TUMOR", "tumour", NONE, None),
    "near-if-found-first": ("If found on MRI, the tumour will be resected.", "BRAIN_TUMOR", "tumour", H, None),
    "near-if-it-grows": ("Resect the glioma if it grows.", "GLIOMA", "glioma", NONE, None),
    "near-found-to-be-enlarging": ("Remove the meningioma if it is found to be enlarging.", "BRAIN_TUMOR",
                                   "meningioma", NONE, None),
    "near-comma-far-back": ("Glioblastoma resected in 2024, re-irradiate if confirmed.", "GLIOMA", "Glioblastoma",
                            NONE, None),
    "near-other-condition": ("Resect the metastasis if seizures persist.", "BRAIN_METASTASIS", "metastasis", NONE,
                             None),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), CASES.values(), ids=CASES.keys())
def test_non_assertive_tumour(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                              expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules, mention.modifier_rules


P, S, ND = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.NOT_DOCUMENTED

FACT_CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "facts-generic-habit": ("Assessment: haemorrhagic right frontal lesion in a patient with melanoma. Melanoma "
                            "metastases are notoriously haemorrhagic. MRS requested.", {"brain_metastasis": ND, "known_brain_tumor": ND}),
    "facts-alternatives-remain": ("Impression: 1.8 cm haemorrhagic left parietal lesion. A cavernous malformation or "
                                  "a haemorrhagic metastasis remain.", {"brain_metastasis": S, "known_brain_tumor": S}),
    "facts-would-not-change": ("Oncology note: lung adenocarcinoma on osimertinib. A solitary brain metastasis would "
                               "not alter the plan for systemic therapy.", {"brain_metastasis": ND, "known_brain_tumor": ND}),
    "facts-if-found": ("Plan: MRI brain with spectroscopy; neurosurgery will resect the metastasis if confirmed.",
                       {"brain_metastasis": ND, "known_brain_tumor": ND}),
    "near-facts-his-metastases": ("Impression: his metastases are haemorrhagic, the largest 2 cm in the right "
                                  "occipital lobe.", {"brain_metastasis": P, "known_brain_tumor": P}),
}


@pytest.mark.parametrize(("text", "expected"), FACT_CASES.values(), ids=FACT_CASES.keys())
def test_non_assertive_tumour_facts(analyze, text: str,  # type: ignore[no-untyped-def]
                                    expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text), expected)
