"""A recurrence with no tumour to recur is no tumour recurrence, through the real NLP stage.

Class: after radiosurgery of an arteriovenous malformation or a cavernoma, or radiation for a non-tumour disease
(trigeminal neuralgia), "radiation necrosis vs recurrence", "treatment effect versus progression", a form box
"[X] Radiation necrosis vs recurrence" were read as the tumour question: recurrent_or_residual_tumor suspected and
recurrence_vs_treatment_effect present, although the packet names no neoplasm ("no history of neoplasm"). Cause:
the bare word needed a documented tumour, but the treatment effect beside it was taken as one (facts.yaml
recurrent_or_residual_tumor.requires named treatment_effect), and the derivation recurrence_vs_treatment_effect
weighed every RECURRENCE mention of the sentence, counted or not.

Rule: a bare recurrence, relapse, progression or residual (no tumour word in it: targets tx.recurrence_unqualified,
tx.progression_unqualified, tx.residual_unqualified, attribute `tumor: unstated`) counts as tumour recurrence only in
a packet where brain_neoplasm is present or suspected (facts.yaml recurrent_or_residual_tumor.requires, now
brain_neoplasm only); the derivation weighs only the recurrences that fact counts (facts/derive/tumor.py
_recurrence_counts). And when the recurring thing is named a nidus, an AVM, a malformation, a fistula or a cavernoma
("recurrence of the AVM", "nidus regrowth", "the cavernoma has recurred", "residual/recurrent AVM") it is no tumour
recurrence at all, whatever the packet holds (target look.malformation_course, concept MALFORMATION_COURSE, which
drops the recurrence inside it and leaves the malformation's own mention).

Near misses keep their reading: a glioblastoma after chemoradiation with "radiation necrosis vs recurrence", a
metastasis after SRS with "necrosis vs progression", a ticked form box in a packet whose notes name a treated glioma,
a suspected metastasis, a recurrence that names the tumour ("tumour recurrence", "residual enhancing tumour") with no
other tumour in the packet, and "recurrent seizures" (never a recurrence).

Limits: a packet that names any brain neoplasm, even an old resected one, supports every bare recurrence in it, so
an AVM treated in a patient who also had a meningioma long ago is still read as a tumour question when the
recurring thing is not named; a tumour named only by its treatment ("Stupp protocol", "s/p temozolomide") with no
tumour word anywhere no longer supports a bare recurrence.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
NO_TUMOUR_QUESTION = {"recurrent_or_residual_tumor": N, "recurrence_vs_treatment_effect": N}
TUMOUR_QUESTION = {"recurrent_or_residual_tumor": S, "recurrence_vs_treatment_effect": P}

CASES = {
    # ------------------------------------------------------------ no tumour in the packet: a bare recurrence
    "avm-gamma-knife-no-history-of-neoplasm": (
        "HPI: 29-year-old woman with a right occipital AVM treated with Gamma Knife in 2021. No history of "
        "neoplasm. Follow-up MRI shows a new enhancing focus with surrounding oedema.\n"
        "Reason for MRS: radiation necrosis vs recurrence.", NO_TUMOUR_QUESTION),
    "cavernoma-srs-effect-versus-progression": (
        "Brainstem cavernoma, radiosurgery 2019 after two haemorrhages. Latest MRI: treatment effect versus "
        "progression.", NO_TUMOUR_QUESTION),
    "form-box-ticked-avm-no-evidence-of-neoplasm": (
        "Clinical indication (check all that apply):\n[X] Radiation necrosis vs recurrence\n[ ] Tumor grading\n"
        "[ ] Biopsy planning\n\nNotes: 41-year-old man with a cerebellar arteriovenous malformation, stereotactic "
        "radiosurgery 2020. No evidence of neoplasm on any prior imaging.", NO_TUMOUR_QUESTION),
    "trigeminal-neuralgia-radiation-injury-or-recurrence": (
        "Right trigeminal neuralgia treated with Gamma Knife radiosurgery in 2020. New pontine enhancement: "
        "radiation injury or recurrence?", NO_TUMOUR_QUESTION),
    "dural-fistula-residual-disease": (
        "Dural arteriovenous fistula, embolised and irradiated in 2022. Residual disease versus radiation change "
        "on the follow-up MRI.", NO_TUMOUR_QUESTION),
    "cavernoma-delayed-necrosis-or-relapse": (
        "Left temporal cavernoma treated with radiosurgery for refractory seizures; delayed radiation necrosis vs "
        "relapse.", NO_TUMOUR_QUESTION),
    "avm-possible-radionecrosis-enlarging-enhancement": (
        "Parietal AVM obliterated after SRS in 2018. Enlarging enhancement at the treated site, possibly "
        "radionecrosis.", NO_TUMOUR_QUESTION),
    # ------------------------------------------------------------ the recurring thing is named a malformation
    "recurrence-of-the-avm": (
        "Status post radiosurgery of a parietal arteriovenous malformation; radiation necrosis versus recurrence of "
        "the AVM.", NO_TUMOUR_QUESTION),
    "the-cavernoma-has-recurred": (
        "Cavernous malformation resected 2018 and later irradiated; possible radionecrosis, or the cavernoma has "
        "recurred.", NO_TUMOUR_QUESTION),
    "nidus-regrowth": (
        "MRI after SRS: AVM nidus regrowth vs radiation-induced changes.", NO_TUMOUR_QUESTION),
    "residual-or-recurrent-avm": (
        "Six months after gamma knife: treatment-related change versus residual/recurrent AVM.",
        NO_TUMOUR_QUESTION),
    "recurrent-malformation-beside-a-glioma": (
        "Known low-grade glioma, stable. Separately, the right frontal AVM treated with SRS: radiation effect vs "
        "recurrent malformation.", {"recurrence_vs_treatment_effect": N}),
    # ------------------------------------------------------------ near misses: a tumour is documented
    "near-gbm-after-chemoradiation": (
        "GBM s/p chemoradiation; radiation necrosis vs recurrence.", TUMOUR_QUESTION),
    "near-metastasis-after-srs-necrosis-vs-progression": (
        "Melanoma metastasis to the left cerebellum treated with SRS, now radiation necrosis vs progression.",
        TUMOUR_QUESTION),
    "near-form-box-ticked-treated-glioma": (
        "Clinical indication (check all that apply):\n[X] Radiation necrosis vs recurrence\n[ ] Tumor grading\n\n"
        "Notes: 55-year-old woman with an anaplastic astrocytoma, resected and irradiated in 2023.",
        {"recurrence_vs_treatment_effect": P}),
    "near-suspected-metastasis": (
        "Lung primary; right frontal lesion, probable metastasis, treated with radiosurgery. Radiation necrosis "
        "versus recurrence.", TUMOUR_QUESTION),
    "near-named-tumour-recurrence-alone": (
        "MRI: radiation necrosis versus tumour recurrence.", TUMOUR_QUESTION),
    "near-residual-enhancing-tumour-alone": (
        "After the resection: residual enhancing tumour versus post-treatment change.", TUMOUR_QUESTION),
    "near-recurrent-seizures": (
        "Recurrent seizures since the cavernoma resection in 2019.", {"recurrent_or_residual_tumor": N}),
    "near-ms-relapse": (
        "Relapsing-remitting MS; clinical relapse in May with a new enhancing lesion.",
        {"recurrent_or_residual_tumor": N}),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_recurrence_without_tumour(fragment_facts, case):  # type: ignore[no-untyped-def]
    text, expected = CASES[case]
    check_facts(fragment_facts(text), expected)
