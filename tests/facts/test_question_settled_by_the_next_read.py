"""A referrer's question about a lesion's nature, settled by a definite read a sentence or two later, through the
real NLP stage to the facts.

The class: a report (or a note) tells the referrer's question about a lesion ("The referring oncologist asked
whether this could be a dural metastasis", "Haematology asked if this might represent lymphoma", "The concern was
for a metastasis given her lung primary") and answers it in a following sentence of the same paragraph with a
definite read ("At re-review, the neuroradiologists regard the appearance as typical of a meningioma; a metastasis is
not favoured", "The re-read is diagnostic of a cavernoma", "Imaging features are typical of a meningioma"). The
question's hedge made the asked tumour suspected and the study inconclusive ("a neoplasm that cannot be completely
characterized on conventional imaging"), though the imaging characterised the lesion. scope.asked_answer reads an
answer that opens the next sentence ("It is not", "A metastasis is not a consideration"); a read of another
diagnosis was not read.

The rule (context.yaml scope `asked_read`, rule scope.asked_settled_by_read; the question "the concern was for X"
is a hedge, poss.concern_copula): the question is settled when a following sentence of its paragraph (at most
`max_sentences`, no heading or blank line between) gives a definite read ("characteristic of", "diagnostic of",
"typical of", "consistent with", "in keeping with" + a named diagnosis read plainly) whose subject is the asked
lesion (generic words, or words of the question's own sentence: "the left frontal lesion"), and the window keeps no
doubt. A read of another diagnosis negates the asked one (absent); a read of the asked one (or of a kind of the
asked generic tumour) confirms it (the question's hedge goes). The asked alternative named again in the window must
be denied or only dismissed ("a metastasis is not favoured", "lymphoma is less likely": then negated too). The
study is then conclusive (conventional_imaging_inconclusive absent).

Near misses keep their reading (the asked tumour suspected, the study inconclusive): a window that keeps the doubt
("though a dural metastasis cannot be excluded", "we favour meningioma, though metastasis remains possible", "MRS
may help"), a read of another lesion ("the small falcine lesion is characteristic of ..."), an answer in another
paragraph or after a heading, "characteristic enhancement pattern" with no diagnosis, a hedged or denied read ("most
consistent with", "not characteristic of"), a read that leaves a differential ("a meningioma or a metastasis"), a
read of a bare tumour when a kind was asked, an unanswered question.

Limits known: an answer more than `max_sentences` (3) sentences on (as the sentence splitter counts them: "18 mm.
There is ..." is one sentence), or one whose subject is worded with words neither generic nor in the question's
sentence ("The extra-axial dural-based mass ..." after "whether this could be a metastasis"), is not read; a
question without an asking verb ("Metastasis? Neuroradiology reviewed it: ...") is not one of this scope; a denied
read ("not typical of a glioma") is left to the asked_answer and negation rules; the read's own negation or hedge
is the pipeline's reading of its diagnosis; two named tumours of one concept (BRAIN_TUMOR: "a meningioma?" read
"typical of a schwannoma") are told apart by their last word only; "not favoured" and "less likely" stay suspicion
outside a settled window.

Rows failed before the rule: 12 of 27 (every settled row but confirms-the-asked-lymphoma, whose hypothetical question
already counted for nothing), and the rule-citation test.

Second shapes (21 rows: 12 settled, 9 near misses; 11 failed before, every settled one but aside-in-parentheses):
- an adverb or an aside in the question ("asked specifically whether, in view of her primary, this might be ...",
  "wondered, given the interval growth, whether", "asked, quite reasonably, whether"): the `asker` of asked_read and
  asked_answer admits an aside in commas, parentheses or dashes before or after "whether"/"if";
- a read told with a judging verb whose object is the appearance ("consider the lesion characteristic of", "regard
  the appearance as typical of", "called the appearance classic for", "felt the findings to be typical of"): those
  verbs and "as"/"to" are subject words, and poss.pseudo_judged_read keeps "consider"/"felt to be" from hedging the
  read; "metastasis is not a consideration" / "not in the differential" / "not favoured" after it dismisses the asked
  tumour ("differential" keeps the doubt only when not "not in the differential");
- a bare answer then its reasons ("It is not: the dural tail ... are characteristic of a meningioma", "No - the
  features are typical of a schwannoma", "The answer is no; the appearance is classic for ..."): `bare_answer` lets
  the reasons' subject be any words, the question asked_answer negated (`answered`) is settled (its lesion and the
  grade inside it lose the question's hedges, so the study is conclusive), and neg.pseudo_bare_answer keeps the bare
  "not"/"No -" from negating the read diagnosis.
Near misses: "could not say", "It is not possible to tell", "consider a metastasis possible", "It is not
characteristic of either", "... but a metastasis remains in the differential", "consider it not typical of", "It is
not clear: ... could fit", "No - ... favour ..., though metastasis remains possible", "regard ... as possibly typical".
Limits: a negation reaching back over ", and" ("typical of a schwannoma, and a metastasis is not in the
differential": neg.left_out negates the schwannoma too) leaves the read unread (the row is written with ";"); an
aside before "whether" is one comma/parenthesis/dash pair of at most 60 characters; a judging verb read only with
generic object words between it and the read word ("consider this dural-based lesion typical of" is not pruned); a
bare answer in the question's own sentence ("asked if ...; it is not: ...") is not read as one.

Rows: id -> (text, {fact: expected status}). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import ClinicalFacts, FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
CII = "conventional_imaging_inconclusive"


def report(impression: str, findings: str = "18 mm extra-axial enhancing lesion along the left frontal convexity "
           "with a broad dural base.") -> str:
    """An MRI report whose impression holds the question and its answer."""
    return (f"MRI BRAIN WITH AND WITHOUT CONTRAST\nDate of exam: 10/02/2026\nFindings: {findings}\n"
            f"Impression:\n{impression}\n")


CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ------------------------------------------------ settled: a read of another diagnosis, the asked one absent
    "characteristic-and-not-favoured": (report(
        "The treating oncologist wanted to know whether this might be a metastasis from her ovarian cancer. At "
        "re-review, the neuroradiologists regard the appearance as typical of a meningioma; a metastasis is not "
        "favoured."),
        {CII: A, "brain_metastasis": A, "brain_neoplasm": P}),
    "diagnostic-of-cavernoma": (report(
        "Haematology asked if this might represent lymphoma. The re-read is diagnostic of a cavernoma.",
        "12 mm left temporal lesion with a peripheral rim of low signal on SWI."),
        {CII: A, "cns_lymphoma": A}),
    "concern-was-for": (report(
        "The concern was for a metastasis given her lung primary. Imaging features are typical of a meningioma."),
        {CII: A, "brain_metastasis": A, "brain_neoplasm": P}),
    "answer-two-sentences-on": (report(
        "Dr Okafor queried whether the lesion could be a high-grade glioma. Comparison is made with the 2023 study. "
        "The appearance is typical of a cavernous malformation.", "14 mm right frontal lesion with mixed signal."),
        {CII: A, "glial_neoplasm": A}),
    "question-was-whether-demyelination": (report(
        "The question from neurology was whether this is a glioma. The appearance is consistent with tumefactive "
        "demyelination.", "3 cm left parietal white-matter lesion with incomplete ring enhancement."),
        {CII: A, "glial_neoplasm": A, "demyelination": P}),
    "in-keeping-with-abscess": (report(
        "The infectious diseases team asked whether this could be a necrotic metastasis. The findings are in keeping "
        "with a pyogenic abscess.", "2.5 cm ring-enhancing right occipital lesion with central restricted diffusion."),
        {CII: A, "brain_metastasis": A, "brain_infection": P}),
    "lesion-named-as-asked": (report(
        "The epilepsy team asked whether the left temporal lesion might be a low-grade glioma. The left temporal "
        "lesion is characteristic of focal cortical dysplasia.", "Left temporal cortical thickening and blurring."),
        {CII: A, "glial_neoplasm": A}),
    "less-likely-dismissed": (report(
        "Oncology wanted to know if this might be lymphoma. The appearance is typical of tumefactive demyelination; "
        "lymphoma is less likely.", "Periventricular enhancing lesion with an open ring."),
        {CII: A, "cns_lymphoma": A}),
    "radiation-necrosis-not-recurrence": (report(
        "The treating team asked whether this could be recurrence. Perfusion and diffusion are characteristic of "
        "radiation necrosis.", "Enhancement at the right temporal resection margin, 12 months after radiotherapy."),
        {CII: A, "recurrent_or_residual_tumor": A}),
    "clinic-note-colon-answer": (
        "Neuro-oncology clinic 11/10/2026\nMRI brain 10/02/2026: 16 mm dural-based left frontal lesion. Surgery "
        "asked whether this could be a dural metastasis. Neuroradiology review: the appearance is typical of a "
        "meningioma.\n", {"brain_metastasis": A, "brain_neoplasm": P}),
    # ------------------------------------------------ settled: the asked diagnosis confirmed
    "confirms-the-asked-metastasis": (report(
        "The surgeon asked whether this could be a metastasis. The appearance is characteristic of a metastasis.",
        "Ring-enhancing 9 mm lesion at the grey-white junction."),
        {CII: A, "brain_metastasis": P}),
    "generic-tumour-confirmed-as-glioma": (report(
        "Neurology wondered whether this could be a tumour. Imaging features are typical of a low-grade glioma.",
        "Non-enhancing T2 hyperintense right insular lesion."),
        {CII: A, "glial_neoplasm": P, "brain_neoplasm": P}),
    "confirms-the-asked-lymphoma": (report(
        "Haematology asked if this might represent lymphoma. The appearance is typical of lymphoma.",
        "Homogeneously enhancing periventricular mass with restricted diffusion."),
        {CII: A, "cns_lymphoma": P}),
    # ------------------------------------------------ near misses: the question stays open
    "near-cannot-be-excluded": (report(
        "The referring oncologist asked whether this could be a dural metastasis. The appearance is consistent with "
        "a meningioma, though a dural metastasis cannot be excluded."),
        {CII: P, "brain_metastasis": S}),
    "near-favour-remains-possible": (report(
        "The referring team asked whether this could be a dural metastasis. We favour meningioma, though metastasis "
        "remains possible."), {CII: P, "brain_metastasis": S}),
    "near-mrs-may-help": (report(
        "Haematology asked whether this could be lymphoma. The appearance is typical of tumefactive demyelination. "
        "MRS may help.", "Periventricular enhancing lesion with an open ring."),
        {CII: P, "cns_lymphoma": S}),
    "near-another-lesion": (report(
        "Oncology asked whether the right frontal lesion could be a metastasis. The small falcine lesion is "
        "characteristic of a meningioma.", "12 mm right frontal enhancing lesion; 6 mm falcine dural nodule."),
        {CII: P, "brain_metastasis": S}),
    "near-another-paragraph": (report(
        "Oncology asked whether this could be a dural metastasis.\n\nComparison: the 2019 outside report described a "
        "lesion typical of a meningioma at another site."), {CII: P, "brain_metastasis": S}),
    "near-another-page": (report(
        "Oncology asked whether this could be a dural metastasis.\f\nPage 2 of 2\nThe appearance is characteristic of "
        "a meningioma."), {"brain_metastasis": S}),
    "near-four-sentences-on": (report(
        "Oncology asked whether this could be a dural metastasis. It is extra-axial. There is no oedema. No other "
        "lesion is seen. The appearance is characteristic of a meningioma."), {CII: P, "brain_metastasis": S}),
    "near-heading-between": (report(
        "Oncology asked whether this could be a dural metastasis.\nComparison: the outside CT of 2019 was read as "
        "typical of a meningioma."), {CII: P, "brain_metastasis": S}),
    "near-no-entity": (report(
        "The referring oncologist asked whether this could be a dural metastasis. There is a characteristic "
        "enhancement pattern with a dural tail."), {CII: P, "brain_metastasis": S}),
    "near-most-consistent-with": (report(
        "The referring oncologist asked whether this could be a dural metastasis. The appearance is most consistent "
        "with a meningioma."), {CII: P, "brain_metastasis": S}),
    "near-not-characteristic": (report(
        "The referring oncologist asked whether this could be a dural metastasis. The appearance is not "
        "characteristic of a meningioma."), {CII: P, "brain_metastasis": S}),
    "near-read-leaves-differential": (report(
        "The referring oncologist asked whether this could be a dural metastasis. The appearance is consistent with "
        "a meningioma or a metastasis."), {CII: P}),
    "near-bare-tumour-read": (report(
        "Haematology asked whether this could be lymphoma. The features are typical of a tumour.",
        "Periventricular enhancing lesion with an open ring."), {CII: P, "cns_lymphoma": S}),
    "near-unanswered": (report(
        "The referring oncologist asked whether this could be a dural metastasis. Clinical correlation advised."),
        {CII: P, "brain_metastasis": S}),
    # ------------------------------------------------ an adverb or an aside inside the question (F41b)
    "aside-after-whether": (report(
        "The oncologist asked specifically whether, in view of her renal cell primary, this might be a dural "
        "metastasis. Imaging features are characteristic of a meningioma."),
        {CII: A, "brain_metastasis": A, "brain_neoplasm": P}),
    "aside-before-whether": (report(
        "Neurosurgery wondered, given the interval growth, whether this could be a high-grade glioma. The appearance "
        "is typical of a cavernous malformation.", "15 mm left frontal lesion with a hemosiderin rim."),
        {CII: A, "glial_neoplasm": A}),
    "aside-in-parentheses": (report(
        "The treating team asked if (after the earlier radiotherapy) this might represent recurrence. Perfusion is "
        "characteristic of radiation necrosis.", "Enhancement at the left parietal resection margin."),
        {CII: A, "recurrent_or_residual_tumor": A}),
    "adverbs-around-asker": (report(
        "Haematology had also asked, quite reasonably, whether this could be lymphoma. The findings are diagnostic "
        "of a pyogenic abscess.", "2 cm ring-enhancing right frontal lesion with central restricted diffusion."),
        {CII: A, "cns_lymphoma": A}),
    # ------------------------------------------------ a read with consider/regard/call/felt, the appearance its object
    "consider-and-not-a-consideration": (report(
        "Oncology asked whether this could be a dural metastasis. At the tumour board the neuroradiologists consider "
        "the lesion characteristic of a meningioma; metastasis is not a consideration."),
        {CII: A, "brain_metastasis": A, "brain_neoplasm": P}),
    "regard-as-and-not-in-differential": (report(
        "The referring physician asked whether this might be a metastasis. Neuroradiology regard the appearance as "
        "typical of a vestibular schwannoma; a metastasis is not in the differential.",
        "11 mm enhancing lesion in the right internal auditory canal."),
        {CII: A, "brain_metastasis": A}),
    "called-classic-for": (report(
        "Haematology asked if this might be lymphoma. The second reader called the appearance classic for "
        "tumefactive demyelination; lymphoma is not favoured.", "Periventricular lesion with an incomplete ring."),
        {CII: A, "cns_lymphoma": A}),
    "felt-to-be-typical": (report(
        "The oncologist asked whether this could be a metastasis. The neuroradiologist felt the findings to be "
        "typical of a cavernoma.", "9 mm left temporal lesion with a popcorn appearance."),
        {CII: A, "brain_metastasis": A}),
    "was-felt-to-be-typical": (report(
        "Oncology asked if this might be a dural metastasis. At the MDT it was felt to be typical of a meningioma."),
        {CII: A, "brain_metastasis": A, "brain_neoplasm": P}),
    # ------------------------------------------------ a short answer, then its reasons
    "it-is-not-colon-reasons": (report(
        "Oncology asked specifically whether this could be a dural metastasis. It is not: the dural tail, the "
        "calcification and nine years of stability are characteristic of a meningioma."),
        {CII: A, "brain_metastasis": A, "brain_neoplasm": P}),
    "no-dash-typical": (report(
        "The surgeon asked whether this might be a metastasis. No - the features are typical of a schwannoma.",
        "Enhancing lesion in the left cerebellopontine angle extending into the canal."),
        {CII: A, "brain_metastasis": A, "brain_neoplasm": P}),
    "answer-is-no-semicolon": (report(
        "Neurology asked whether the lesion could be a low-grade glioma. The answer is no; the appearance is classic "
        "for a cavernous malformation.", "12 mm right temporal lesion with a dark rim on SWI."),
        {CII: A, "glial_neoplasm": A}),
    # ------------------------------------------------ near misses of the three shapes
    "near-aside-could-not-say": (report(
        "The oncologist asked specifically whether, given her melanoma, this could be a metastasis. The "
        "neuroradiologists could not say."), {CII: P, "brain_metastasis": S}),
    "near-not-possible-to-tell": (report(
        "Oncology asked whether this could be a dural metastasis. It is not possible to tell on these images."),
        {CII: P, "brain_metastasis": S}),
    "near-consider-metastasis-possible": (report(
        "Oncology asked whether this could be a dural metastasis. On review the neuroradiologists consider a "
        "metastasis possible."), {CII: P, "brain_metastasis": S}),
    "near-not-characteristic-of-either": (report(
        "Oncology asked whether this could be a metastasis or a meningioma. It is not characteristic of either."),
        {CII: P, "brain_metastasis": S}),
    "near-consider-but-differential": (report(
        "Oncology asked whether this could be a dural metastasis. Neuroradiology consider the lesion characteristic "
        "of a meningioma, but a metastasis remains in the differential."), {CII: P, "brain_metastasis": S}),
    "near-judged-not-typical": (report(
        "Oncology asked whether this could be a dural metastasis. Neuroradiology consider it not typical of a "
        "meningioma."), {CII: P, "brain_metastasis": S}),
    "near-not-clear-colon": (report(
        "Oncology asked whether this could be a dural metastasis. It is not clear: the features could fit a "
        "meningioma or a metastasis."), {CII: P, "brain_metastasis": S}),
    "near-no-dash-left-open": (report(
        "Oncology asked whether this could be a dural metastasis. No - the features favour a meningioma, though "
        "metastasis remains possible."), {CII: P, "brain_metastasis": S}),
    "near-regard-as-possible": (report(
        "Haematology asked, given his history, whether this might be lymphoma. Neuroradiology regard the appearance "
        "as possibly typical of demyelination.", "Periventricular lesion with an incomplete ring."),
        {CII: P, "cns_lymphoma": S}),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_question_settled_by_the_next_read(fragment_facts: Callable[[str], ClinicalFacts], text: str,
                                           expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)


def test_the_settled_question_cites_the_rule(fragment_facts: Callable[[str], ClinicalFacts]) -> None:
    facts = fragment_facts(CASES["diagnostic-of-cavernoma"][0])
    evidence = facts.facts["cns_lymphoma"].evidence
    assert any("scope.asked_settled_by_read" in e.modifier_rules for e in evidence), \
        [(e.text, e.modifier_rules) for e in evidence]
