"""A question about what a TEST can do is no suspicion of the disease it names and no read of any study
(context.yaml: hyp.capability_question, hyp.capability_question_compared).

1. The class: a lay person (she/he/they, the patient, a relative, a name) asks whether a test (MRS, spectroscopy,
   the scan, MRI, PET, CT, "this test", "a different scan", "a test that ...") can catch / detect / pick up / show /
   find / see / spot / identify / tell apart a disease, often "earlier", "sooner", "better", "before it grows" or
   "that the MRI misses": "She asked whether spectroscopy might pick up a tumour sooner than the MRI", "Pt asks: can
   the spectroscopy catch a recurrence early?". The disease is the test's yardstick, not the patient's: it is not
   suspected, and, being no read, it makes no cited study inconclusive (a screening request whose MRI was normal
   stays a request after a normal MRI). The "whether" of a bare pronoun ("she asked whether") used to make the
   disease suspected (poss.evaluate_for), "tell X from Y" a differential (poss.tell_apart), the question's "?" a
   versus (poss.versus).
2. The rule: the cue is the capability verb with its modal ("can detect", "could pick up", "is able to identify");
   the words before it in the sentence (`needs_before`) must be a lay asker, a verb of asking or wanting to know,
   "whether"/"if"/":" and the test's name. An ability ("can", "could", "able to") is a capability question as it
   stands; any other modal or none ("would show", "might pick up", "detects") only with a comparison in the sentence
   ("earlier", "sooner", "better", "before", "than", "misses"), since "she asked whether the scan would show a
   tumour" is a question about her disease.
3. Near misses keep their reading: a clinician's question about the patient ("Neurology asked whether this could be
   a glioma", "I wonder whether this is a low-grade glioma", "Dr. Lee asked whether MRS could detect a glioma
   earlier": suspected), a request's purpose ("MRS is requested to detect recurrent tumour"), a study that could not
   exclude a tumour (suspected and inconclusive), spectroscopy that may help tell tumour from infection in a plan
   about this patient, a lay question about the disease itself or about a study's result ("she asked whether it
   could be a tumour", "she asked whether the MRI showed a tumour", "she asked whether the scan would show a
   tumour": suspected, as today).

Limits: the test must be named right before the verb ("whether it can detect ..." and "whether there is any way to
catch ..." are not read); an asker named after a title or a department is a clinician; a clinician's question about
a test without a title ("The resident asked whether MRS can detect a glioma") is not read as one (no lay asker);
a relative's disease or the patient's own known tumour after a possessive ("catch her glioma coming back") keeps
its reading.

The asker's words may be quoted from the modal on ('she asked whether spectroscopy "could find a glioma sooner'):
the quotation mark between the test and the modal keeps the rule.

Rows: id -> (text, {fact: expected status}); a normal MRI report comes first where the row says NORMAL. Rows whose
id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import ClinicalFacts, FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
NEO, CONV = "brain_neoplasm", "conventional_imaging_inconclusive"
GLIOMA, METS, LYMPHOMA = "glial_neoplasm", "brain_metastasis", "cns_lymphoma"
NORMAL = "MRI BRAIN WITH AND WITHOUT CONTRAST 10/14/2026\nIMPRESSION: Normal MRI of the brain. No mass.\n\n"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ------------------------------------------------ a pronoun asks, after a normal MRI
    "she-could-pick-up-sooner": (NORMAL + "She asked whether spectroscopy could pick up a brain tumour sooner than "
                                 "another MRI would.", {NEO: N, CONV: A}),
    "he-can-detect-misses": (NORMAL + "He wondered if the MRS can detect metastases that a standard MRI misses.",
                             {METS: N, NEO: N, CONV: A}),
    "they-might-find-misses": (NORMAL + "They questioned whether the spectroscopy might find metastases that the CT "
                               "misses.", {METS: N, CONV: A}),
    "she-is-able-to-identify": (NORMAL + "She asked whether MR spectroscopy is able to identify a glioma earlier.",
                                {GLIOMA: N, NEO: N, CONV: A}),
    "he-tell-apart": (NORMAL + "He asked whether this test can tell a tumour from a scar.", {NEO: N, CONV: A}),
    "she-see-cannot": (NORMAL + "She inquired whether MRS could see a glioma that the MRI cannot.",
                       {GLIOMA: N, CONV: A}),
    "they-would-be-able": (NORMAL + "They asked if a PET would be able to spot lymphoma in the brain.",
                           {LYMPHOMA: N, CONV: A}),
    "he-detects-earlier-than": (NORMAL + "He asks whether spectroscopy detects brain tumours earlier than MRI.",
                                {NEO: N, CONV: A}),
    "she-a-test-that-can": (NORMAL + "She asked if there is a test that can detect lymphoma earlier than an MRI.",
                            {LYMPHOMA: N, CONV: A}),
    "they-better-at-picking-up": (NORMAL + "They wondered whether MRS would be better at picking up a glioma than "
                                  "the routine MRI.", {GLIOMA: N, CONV: A}),
    # ------------------------------------------------ the inverted question after a colon
    "pt-colon-can-catch": (NORMAL + "Pt asks: can the spectroscopy catch lymphoma early?", {LYMPHOMA: N, CONV: A}),
    "she-colon-could-spot": (NORMAL + "She asked: could MRS spot a tumour before the MRI does?", {NEO: N, CONV: A}),
    "he-colon-would-show": ("He asked: would a PET scan show a glioma before it grows?", {GLIOMA: N}),
    # ------------------------------------------------ the patient, a relative, a name
    "patient-wants-to-know": (NORMAL + "The patient wants to know whether MRS can find a glioma at an earlier stage.",
                              {GLIOMA: N, CONV: A}),
    "husband-different-scan": ("Her husband wanted to know if a different scan could catch a brain tumour before "
                               "it grows.", {NEO: N}),
    "name-can-see": (NORMAL + "Lena asked whether the MRS can see a glioma that the MRI cannot.",
                     {GLIOMA: N, CONV: A}),
    "title-name-newer-scan": ("Mrs. Adeyemi inquired whether a newer scan would pick up metastases sooner.",
                              {METS: N}),
    "daughter-distinguish": ("The patient's daughter asked whether spectroscopy could distinguish a tumour from "
                             "an abscess.", {NEO: N, "brain_infection": N}),
    # the asker's words quoted from the modal on, the quotation wrapping onto the next line
    "she-quoted-could-catch": (NORMAL + 'Nervous before the visit; she asked whether spectroscopy "could find a glioma\n'
                               'sooner than an ordinary MRI" after reading about it online.', {GLIOMA: N, CONV: A}),
    "he-quoted-can-pick-up": (NORMAL + "He wants to know if the MRS \u201ccan pick up metastases the CT misses\u201d.",
                              {METS: N, CONV: A}),
    "she-pet-ct-recurrence": ("She wondered whether a PET-CT could tell recurrent tumour from radiation necrosis.",
                              {NEO: N, "recurrent_or_residual_tumor": N,
                               "recurrence_vs_treatment_effect": N}),
    # ------------------------------------------------ near misses: keep today's reading
    "near: a department asks about the patient": ("Neurology asked whether this could be a glioma.", {GLIOMA: S}),
    "near: I wonder": ("I wonder whether this is a low-grade glioma.", {GLIOMA: S}),
    "near: a clinician asks about a test": ("Dr. Lee asked whether MRS could detect a glioma earlier.",
                                            {GLIOMA: S}),
    "near: a department asks about a test": ("Neurosurgery asked whether spectroscopy can distinguish recurrent "
                                             "tumour from radiation necrosis.", {"recurrent_or_residual_tumor": S}),
    "near: the request's purpose": ("MRS is requested to detect recurrent tumour.",
                                    {"recurrent_or_residual_tumor": P}),
    "near: the MRI could not exclude": ("MRI BRAIN 10/14/2026\nIMPRESSION: The MRI could not exclude a tumour.\n",
                                        {NEO: S, CONV: P}),
    "near: may help tell apart in a plan": ("Plan: spectroscopy may help tell tumour from infection in her case.",
                                            {NEO: S}),
    "near: a lay question about the disease": ("She asked whether it could be a tumour.", {NEO: S}),
    "near: a question about a study's result": ("She asked whether the MRI showed a tumour.", {NEO: S}),
    "near: would show with no comparison": ("She asked whether the scan would show a tumour.", {NEO: S}),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_capability_question_facts(fragment_facts: Callable[[str], ClinicalFacts], text: str,
                                   expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)
