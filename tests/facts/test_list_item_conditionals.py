"""A conditional opening right after a list item's marker is a condition, as at a sentence's start, through the real
NLP stage.

A plan item that opens with a condition ("2. Should a later scan ever suggest regrowth of the glioma, spectroscopy
would be reasonable then", "2) Were the lesion to enlarge, ...", "b. Had the scan shown recurrence, ...", "(c) In
the event that ...", "- If ever ...", "* Only if ...", "• Unless ...") names a disease, a recurrence or a study read
that is hypothetical: no fact from it, and no reason to call conventional imaging inconclusive. The marker may be a
number, a letter, a bracketed letter, a dash, a star or a bullet, indented with spaces or tabs (the token attribute
`opens_sentence`, cue layout.item_marker; context hyp.conditional_should_opening, hyp.conditional_inverted,
hyp.conditional_had, hyp.conditional). Near misses keep their reading: an ordinary "should" that gives advice ("3.
Should be scheduled after clearance", "2. The glioma should be re-imaged in 3 months"), a "Were" whose subject is
left out ("4. Were seen by oncology last week; recurrence is suspected"), a plain "Had" ("Had MRI 10/2026 showing
...") and an established tumor before a conditional item ("Glioblastoma, resected 2025." then "1. If the MRS is
abnormal, refer to surgery.").
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

R = "Request date: 11/20/2026\n"
# a known, treated glioma whose last MRI is only cited (no read of its own), so that a conditional plan item is the
# only place a recurrence or an inconclusive read could come from
GBM = R + "HPI: 58-year-old with a right temporal glioblastoma, resected 04/2025, then chemoradiation.\n"
# no tumor anywhere before the plan: a tumor named only in a condition makes no neoplasm either
SEIZURES = R + "HPI: 34-year-old with new focal seizures. MRI brain 10/12/2026 reviewed with radiology.\n"
NO_RECURRENCE = {"brain_neoplasm": P, "recurrent_or_residual_tumor": N, "conventional_imaging_inconclusive": N}
NO_TUMOR = {"brain_neoplasm": N, "recurrent_or_residual_tumor": N, "conventional_imaging_inconclusive": N}

# case, text, {fact: expected status}
CONDITIONAL_ITEMS = [
    ("numbered plan item opening with an inverted 'Should'", GBM + "Plan:\n1. Continue levetiracetam.\n"
     "2. Should a later scan ever suggest regrowth of the glioma, spectroscopy would be reasonable then.\n",
     NO_RECURRENCE),
    ("'Should' after a closing bracket, the read an equivocal one", GBM + "Recommendations:\n1) Keep dexamethasone "
     "at 2 mg.\n2) Should the next MRI be equivocal for recurrent tumour, MR spectroscopy would help.\n",
     NO_RECURRENCE),
    ("'Should' after a dash bullet", GBM + "Plan\n- Should follow-up imaging show new enhancement at the margin, we "
     "will request MRS.\n", NO_RECURRENCE),
    ("'Should' after a bullet character indented with a tab", GBM + "Plan:\n\t\u2022 Should there be progression of "
     "the residual tumor, re-resection would be discussed.\n", NO_RECURRENCE),
    ("'Should' after a star, a tumor named only in the condition", SEIZURES + "Plan:\n* Should repeat imaging "
     "demonstrate a mass lesion concerning for glioma, we would refer to neurosurgery.\n", NO_TUMOR),
    ("'Were ... to' after a numbered marker", GBM + "Plan:\n1. Levetiracetam 500 mg BID.\n2. Were the cavity margin "
     "to enlarge, recurrence would need tissue.\n", NO_RECURRENCE),
    ("'Were ... to' after a letter with a bracket, a bare subject", GBM + "Plan:\nb) Were recurrence to "
     "declare itself clinically, we would obtain spectroscopy.\nc) Continue temozolomide.\n", NO_RECURRENCE),
    ("'Were ... to' after a bracketed letter, no tumor before", SEIZURES + "Plan:\n(a) Were a neoplasm to declare "
     "itself on follow-up, MRS would follow.\n", NO_TUMOR),
    ("'Had ... shown' after a letter and a period", GBM + "Discussion:\na. Had the October scan shown recurrence of "
     "the glioblastoma, we would have proceeded to re-resection.\n", NO_RECURRENCE),
    ("'Had there been' after a dash", GBM + "Assessment:\n- Had there been regrowth at the resection margin, "
     "spectroscopy would have been requested sooner.\n", NO_RECURRENCE),
    ("'In the event that' after a numbered marker", GBM + "Plan:\n3. In the event that the next MRI is "
     "indeterminate for recurrence, MRS will be requested.\n", NO_RECURRENCE),
    ("'If ever' after a bracketed number", SEIZURES + "Plan:\n(2) If ever a tumour is suggested on imaging, "
     "spectroscopy would be the next step.\n", NO_TUMOR),
    ("'Only if' after a star, indented with spaces", GBM + "Plan:\n   * Only if recurrent disease is suspected will "
     "MRS be needed.\n", NO_RECURRENCE),
    ("'Unless' after a numbered marker", GBM + "Plan:\n4. Unless the next scan is nondiagnostic for recurrence, no "
     "spectroscopy is planned.\n", NO_RECURRENCE),
    ("'Should' opening a nested item", GBM + "Plan:\n1. a) Should a later MRI show regrowth of the "
     "glioblastoma, spectroscopy would be reasonable.\n", NO_RECURRENCE),
    ("'Should' after a letter, the read an equivocal one", GBM + "Plan:\nb. Should a follow-up MRI prove "
     "equivocal for recurrence, spectroscopy would be requested.\n", NO_RECURRENCE),
    ("'Should' after a dash, an indeterminate read in the condition", GBM + "Plan:\n- Should an interval scan be "
     "indeterminate, with possible regrowth, MRS would be reasonable.\n", NO_RECURRENCE),
    ("'Should' with the recurrence as its subject", GBM + "Plan:\n1. Should recurrence be suspected on the next "
     "MRI, spectroscopy would help.\n", NO_RECURRENCE),
    ("'Should' after a bracketed letter, no tumor before", SEIZURES + "Plan:\n(c) Should a lesion suspicious for "
     "low-grade glioma appear, MRS would be reasonable.\n", NO_TUMOR),
    ("'Were ... to be suspected' after a numbered marker", SEIZURES + "Plan:\n2. Were a lymphoma to be suspected, "
     "we would biopsy.\n", {**NO_TUMOR, "cns_lymphoma": N}),
    ("'Had ... been' with a nondiagnostic read", GBM + "Plan:\n2) Had the October MRI been nondiagnostic, we would "
     "have asked for MRS.\n", NO_RECURRENCE),
    ("'Had ... been seen' after a star, no tumor before", SEIZURES + "Assessment:\n* Had a metastasis been seen, we "
     "would have staged her.\n", {**NO_TUMOR, "brain_metastasis": N}),
    ("'Should' at a sentence start, no marker", GBM + "Plan: continue levetiracetam. Should the margin ever look "
     "equivocal for recurrence, spectroscopy would be reasonable.\n", NO_RECURRENCE),
]

NEAR_MISSES = [
    ("near miss: an ordinary 'should' after a marker is a plan", GBM + "Plan:\n3. Should be scheduled after "
     "clearance.\n4. Recurrence of the glioblastoma is suspected on the 10/2026 MRI.\n",
     {"brain_neoplasm": P, "recurrent_or_residual_tumor": S}),
    ("near miss: 'should' after the subject keeps the tumor", R + "Problem list:\n1. Glioma, left frontal, on "
     "surveillance.\n2. The glioma should be re-imaged in 3 months.\n",
     {"brain_neoplasm": P, "recurrent_or_residual_tumor": N}),
    ("near miss: 'Were' with its subject left out", GBM + "Plan:\n4. Were seen by oncology last week; recurrence "
     "is suspected.\n", {"brain_neoplasm": P, "recurrent_or_residual_tumor": S}),
    ("near miss: an established tumor before a conditional item", R + "Oncology history: Glioblastoma, resected "
     "2025.\nPlan:\n1. If the MRS is abnormal, refer to surgery.\n",
     {"brain_neoplasm": P, "known_brain_tumor": P}),
    ("near miss: a plain 'Had' tells what happened", R + "HPI:\n- Had MRI brain 10/02/2026 showing a right frontal "
     "mass, likely glioma.\n", {"brain_neoplasm": S}),
    ("near miss: 'Should' and a verb of advice", GBM + "Plan:\n2. Should follow up with neuro-oncology regarding "
     "the recurrent glioblastoma.\n", {"brain_neoplasm": P, "recurrent_or_residual_tumor": P}),
    ("near miss: a 'Should' condition does not reach the next item", GBM + "Plan:\n1. Should seizures recur, "
     "increase levetiracetam.\n2. Recurrent tumor at the resection margin on the 10/2026 MRI.\n",
     {"brain_neoplasm": P, "recurrent_or_residual_tumor": P}),
    ("near miss: a letter that is a word, not a marker", GBM + "Plan:\nI should note the recurrent "
     "glioblastoma at the resection margin on the 10/2026 MRI.\n",
     {"brain_neoplasm": P, "recurrent_or_residual_tumor": P}),
    ("near miss: an equivocal MRI stated in its own item", GBM + "Assessment:\n1. MRI 10/12/2026 equivocal for "
     "recurrence versus radiation necrosis.\n2. Should the MRS be abnormal, refer to surgery.\n",
     {"brain_neoplasm": P, "recurrent_or_residual_tumor": S, "conventional_imaging_inconclusive": P}),
]

ROWS = CONDITIONAL_ITEMS + NEAR_MISSES


@pytest.mark.parametrize(("case", "text", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_a_conditional_list_item_is_hypothetical(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)


# the first word of a sentence past its list markers (token attribute opens_sentence, cue layout.item_marker)
OPENERS = [
    ("1. Should x", "Should", True), ("2) Were x", "Were", True), ("b. Had x", "Had", True),
    ("(c) Should x", "Should", True), ("- Should x", "Should", True), ("\t\u2022 Should x", "Should", True),
    ("#3 Should x", "Should", True), ("1. a) Should x", "Should", True), ("Should x", "Should", True),
    ("I should x", "should", False), ("The lesion should x", "should", False), ("r/o should x", "should", False),
    ("2. The glioma should x", "should", False),
]


@pytest.mark.parametrize(("text", "word", "opens"), OPENERS, ids=[r[0] for r in OPENERS])
def test_the_word_after_a_list_marker_opens_its_sentence(nlp, text, word, opens):  # type: ignore[no-untyped-def]
    from pipeline.nlp import analyse, normalize

    doc = analyse(nlp, normalize("Plan:\n" + text + "\n"))
    assert [t._.opens_sentence for t in doc if t.text == word] == [opens]
