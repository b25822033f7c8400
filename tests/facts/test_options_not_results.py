"""Options a team weighs in a plan or a conference are neither results nor differentials.

1. A tissue sampling named as an option not taken -- rejected, declined, deferred, not pursued, not feasible, held,
   decided against, not biopsied ("(b) stereotactic biopsy - rejected (deep lesion, low yield in clot)", "Biopsy: not
   pursued, yield poor in haematoma", "open biopsy was offered but the family declined") -- was read as a pathology
   result: the sentence named a test (supersede.pathology) with a result word or a test-heads-result colon
   (supersede.tissue_result), so the non-tumour diagnosis after it ("haematoma", "gliosis") superseded the imaging
   differential and the suspected tumour was set aside (explain: "superseded by pathology"). Rule: the span of such
   an option (pipeline/facts/resources/supersession.yaml supersede.option_not_taken) is blanked before the sentence is
   asked whether it names a test with its result (pipeline/facts/supersession.py); a paragraph heading that names the
   test ("Histology") heads no result when the sentence under it opens with the verdict ("Not obtained - ...").
2. "vs" between treatment options with qualifiers -- "lesionectomy alone vs with anterior temporal lobectomy",
   "gross-total resection vs subtotal plus radiation", "laser ablation alone versus ablation plus SEEG", "focal
   resection vs extended resection", "SRS alone vs resection + SRS" -- was read as a differential's "vs" (mention
   IMAGING_INCONCLUSIVE 'vs', a conclusive study made inconclusive). Rule: look.treatment_choice
   (pipeline/nlp/resources/targets.yaml) takes a word after the first option ("alone", "only", "first":
   treatment_choice_after), the qualifiers and joins inside an option (with, plus, extended, partial, anterior
   temporal, ...: treatment_choice_link) and epilepsy-surgery options (lesionectomy, amygdalohippocampectomy, SEEG,
   RNS, ...: treatment_choice_option).

Near misses keep their reading: a result ("biopsy showed gliosis", "Stereotactic biopsy: reactive gliosis, no
tumour", "Biopsy showed organising haematoma; further resection deferred") still supersedes; "biopsy was
non-diagnostic" stays what it was; a differential ("glioma vs lymphoma", "radiation necrosis vs recurrence",
"tumour vs abscess; plan resection vs biopsy": the first "vs") stays inconclusive.

Limits known: a section the sectionizer heads PATHOLOGY whose text says no tissue was taken ("PATHOLOGY:\\nNone
obtained") is still a pathology source (the section category decides, not the sentence); a verdict far from the
test's name, past words outside the short list of auxiliaries and subjects ("biopsy, which in view of the deep
location and the bleed the team discussed at length, was not pursued"), is not recognised; a qualifier word outside
treatment_choice_link between two options leaves the "vs" a differential.

Rows: id -> (text, expected facts) or (text, the "vs" word, whether it must be a treatment choice). Rows whose id
starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus, Mention

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

_BLEED = ("MRI BRAIN W/WO 10/01/2026\nIMPRESSION: Solitary ring-enhancing right thalamic lesion with blood products, "
          "metastasis versus haematoma.\n\n")
_GLIOSIS = ("MRI BRAIN 09/14/2026\nIMPRESSION: Non-enhancing left insular T2 lesion, low-grade glioma versus "
            "gliosis.\n\n")
_DEMYEL = ("MRI BRAIN W/WO 08/30/2026\nIMPRESSION: Left frontal enhancing lesion with incomplete rim, lymphoma versus "
           "tumefactive demyelination.\n\n")
_METS_OPEN = {"brain_metastasis": S, "conventional_imaging_inconclusive": P}
_GLIOMA_OPEN = {"glial_neoplasm": S, "conventional_imaging_inconclusive": P}
_LYMPHOMA_OPEN = {"cns_lymphoma": S, "conventional_imaging_inconclusive": P}

OPTIONS_NOT_TAKEN: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ------------------------------------------------ the option, then its verdict
    "conference-list-rejected": (
        _BLEED + "Neuro-oncology conference 10/06/2026: (a) MRS (b) stereotactic biopsy - rejected (deep thalamic "
        "site, fresh bleed, low yield in haematoma) (c) repeat MRI in 6 weeks.\n", _METS_OPEN),
    "label-not-pursued": (
        _BLEED + "Biopsy: not pursued; the yield is poor in a haematoma.\n", _METS_OPEN),
    "offered-family-declined": (
        _BLEED + "Stereotactic biopsy was offered but the family declined; imaging consistent with haematoma.\n",
        _METS_OPEN),
    "tissue-diagnosis-not-feasible": (
        _BLEED + "Tissue diagnosis deemed not feasible (deep location); the MRI is consistent with haematoma.\n",
        _METS_OPEN),
    "deferred-dash": (
        _BLEED + "Biopsy deferred - low diagnostic yield expected in haematoma.\n", _METS_OPEN),
    "too-risky": (
        _GLIOSIS + "Open biopsy felt too risky (eloquent cortex); MRI compatible with gliosis.\n",
        _GLIOMA_OPEN),
    "held-parenthesis": (
        _DEMYEL + "Brain biopsy (on hold) - consistent with demyelination clinically; steroid trial first.\n",
        _LYMPHOMA_OPEN),
    # ------------------------------------------------ the verdict, then the option
    "patient-declined-biopsy": (
        _BLEED + "Patient declined stereotactic biopsy; appearance consistent with haematoma.\n", _METS_OPEN),
    "decided-against": (
        _BLEED + "The team decided against a biopsy, as the appearance is compatible with haematoma.\n", _METS_OPEN),
    "of-the-lesion-not-pursued": (
        _BLEED + "Biopsy of the thalamic lesion was not pursued; appearance consistent with haematoma.\n", _METS_OPEN),
    "histology-not-obtained": (
        _BLEED + "Histology not obtained (deep site); MRI consistent with haematoma.\n", _METS_OPEN),
    "not-biopsied": (
        _GLIOSIS + "The lesion was not biopsied; appearance in keeping with gliosis.\n", _GLIOMA_OPEN),
    # ------------------------------------------------ a heading that names the test over the verdict
    "heading-over-verdict": (
        _GLIOSIS + "Histology\nNot obtained - imaging consistent with gliosis.\n",
        _GLIOMA_OPEN),
    # ------------------------------------------------ near misses: a result still supersedes
    "near-biopsy-showed": (
        _GLIOSIS + "Stereotactic biopsy 10/20/2026 showed gliosis.\n", {"glial_neoplasm": N}),
    "near-label-result": (
        _GLIOSIS + "Stereotactic biopsy: reactive gliosis, no tumour.\n", {"glial_neoplasm": N}),
    "near-result-then-option-deferred": (
        _BLEED + "Biopsy showed organising haematoma; further resection deferred.\n", {"brain_metastasis": N}),
    "near-dated-result": (
        _BLEED + "Biopsy 10/20: organising haematoma, no malignancy.\n", {"brain_metastasis": N}),
    "near-non-diagnostic": (
        _BLEED + "Biopsy was non-diagnostic; organising haematoma only.\n", _METS_OPEN),
}


@pytest.mark.parametrize(("text", "expected"), OPTIONS_NOT_TAKEN.values(), ids=OPTIONS_NOT_TAKEN.keys())
def test_an_option_not_taken_is_no_result(fragment_facts, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


# ------------------------------------------------------------------ 2. "vs" between qualified treatment options
CHOICES: dict[str, tuple[str, str, bool]] = {
    "alone-vs-with": ("Plan: lesionectomy alone vs with anterior temporal lobectomy.", "vs", True),
    "gtr-vs-subtotal-plus": ("Options: gross-total resection vs subtotal plus radiation.", "vs", True),
    "ablation-alone-vs-plus-seeg": ("Laser ablation alone versus ablation plus SEEG.", "versus", True),
    "focal-vs-extended": ("Surgical conference: focal resection vs extended resection.", "vs", True),
    "srs-alone-vs-resection-plus": ("Two lesions: SRS alone vs resection + SRS, to be decided.", "vs", True),
    "selective-vs-ablation-alone": ("Selective amygdalohippocampectomy vs laser ablation alone.", "vs", True),
    "resection-only-vs-rns": ("Resection only vs resection with RNS placement.", "vs", True),
    "limited-vs-wide": ("Discussed limited excision vs wide excision with intraoperative mapping.", "vs", True),
    "wbrt-plus-srs": ("Whole-brain radiotherapy plus SRS boost versus SRS alone.", "versus", True),
    # near misses: a differential's "vs"
    "near-glioma-vs-lymphoma": ("Enhancing callosal lesion: glioma vs lymphoma.", "vs", False),
    "near-necrosis-vs-recurrence": ("Radiation necrosis vs recurrence at the resection margin.", "vs", False),
    "near-recurrence-vs-necrosis-after-srs-alone": ("Recurrence vs radiation necrosis after SRS alone.", "vs",
                                                    False),
    "near-differential-then-choice": ("Tumour vs abscess; plan resection vs biopsy.", "vs", False),
}


@pytest.mark.parametrize(("text", "word", "choice"), CHOICES.values(), ids=CHOICES.keys())
def test_versus_between_qualified_options(mentions: Callable[[str], list[Mention]], text: str, word: str,
                                          choice: bool) -> None:
    found = mentions(text)
    at = text.index(f" {word} ") + 1  # the first "vs" of the row
    verdict = [m for m in found if m.concept == "IMAGING_INCONCLUSIVE" and m.start == at]
    inside = [m for m in found if m.concept == "TREATMENT_CHOICE" and m.start < at < m.end]
    if choice:
        assert not verdict and inside, [(m.concept, m.text) for m in found]
    else:
        assert verdict and not inside, [(m.concept, m.text) for m in found]


# ------------------------------------------------------------------ 2b. a conclusive study stays conclusive
_CAVERNOMA = "MRI BRAIN 09/12/2026\nIMPRESSION: Right frontal cavernous malformation with haemosiderin rim.\n\n"
STUDY_READS: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "conference-alone-vs-extended": (
        _CAVERNOMA + "Epilepsy surgery conference: lesionectomy alone vs with extended resection of the haemosiderin "
        "rim.\n", {"conventional_imaging_inconclusive": N}),
    "plan-focal-vs-extended": (
        _CAVERNOMA + "Plan: focal resection versus extended resection with electrocorticography.\n",
        {"conventional_imaging_inconclusive": N}),
    "near-differential-stays": (
        "MRI BRAIN 09/12/2026\nIMPRESSION: Right frontal lesion, cavernous malformation vs haemorrhagic metastasis."
        "\n\nPlan: lesionectomy alone vs with extended resection.\n", {"conventional_imaging_inconclusive": P}),
}


@pytest.mark.parametrize(("text", "expected"), STUDY_READS.values(), ids=STUDY_READS.keys())
def test_a_choice_of_options_reads_no_study(fragment_facts, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)
