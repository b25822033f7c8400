"""A residual tumour told stable, unchanged or only watched is no question "recurrence versus treatment effect".

Class: a residual after treatment (targets tx.residual / tx.residual_unqualified, a RECURRENCE of kind residual)
that the notes call stable, unchanged since an earlier scan, or under observation / surveillance was read by
`recurrence_vs_treatment_effect` as a question: paired at packet level with a treatment effect stated elsewhere
(present), or taken as "recurrence stated plainly" (absent) - while there is nothing new after treatment to tell
apart as tumour or treatment effect (the policies' hh.known_tumor.recurrence_vs_necrosis, exc.recurrence_vs_necrosis,
fb.recurrence_vs_post_therapy, hwv.necrosis_vs_tumor, coh.neoplastic.evaluation.recurrence).

Rule (derive/tumor.py recurrence_vs_treatment_effect, _settled_residual; cues.yaml tumor.residual_settled and
tumor.new_finding): a residual whose sentence calls it stable, unchanged, without change or growth, or only
watched (observation, surveillance, watchful waiting) and names no new or growing finding and no treatment effect
raises no question of its own: the fact is not documented when nothing else raises it. The residual is still
documented (recurrent_or_residual_tumor stays present or suspected).

Near misses (unchanged): a residual growing or enlarging after radiation weighed against radiation effect; a new
rim after chemoradiation weighed as progression or pseudoprogression; a stable residual beside a new nodule in its
sentence; a residual growing after radiosurgery (recurrence stated plainly, absent); a stable residual weighed in
its own sentence against treatment-related change; a stable residual beside a hedged treatment effect raised
elsewhere ("evaluate for radiation necrosis"); a residual no longer stable; a recurrence suspected elsewhere
beside a plain treatment effect.

Limits: "stable" and the new finding are read in the residual's whole sentence (a "stable" told of another finding
of that sentence counts); a treatment effect hedged anywhere in the packet keeps the stable residual in the
question; a recurrence that is not a residual ("recurrent glioblastoma, stable") is not covered.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
QUESTION, RESIDUAL = "recurrence_vs_treatment_effect", "recurrent_or_residual_tumor"

# id: (text, expected status of recurrence_vs_treatment_effect)
CASES: dict[str, tuple[str, FactStatus]] = {
    "meningioma_nodule_stable_years_watched": (
        "Atypical meningioma of the right sphenoid wing, subtotal resection 2020; no radiotherapy.\n"
        "MRI 10/2026: residual nodule at the sphenoid wing, stable over four years; continue observation.\n", N),
    "glioma_enhancement_unchanged_surveillance": (
        "Oligodendroglioma of the left frontal lobe resected 2021.\n"
        "Faint residual enhancement along the posterior cavity margin, unchanged since 2023; routine surveillance.\n",
        N),
    "pilocytic_residual_tumor_no_change": (
        "Pilocytic astrocytoma of the vermis, partial resection 2017.\n"
        "Residual tumor in the superior vermis without interval change compared with 2025.\n", N),
    "schwannoma_residual_watchful_waiting": (
        "Vestibular schwannoma, subtotal resection 2019.\n"
        "Small residual enhancing tumor in the internal auditory canal; watchful waiting, stable dimensions.\n", N),
    "pituitary_residual_cavernous_sinus": (
        "Nonfunctioning pituitary macroadenoma resected transsphenoidally in 2016.\n"
        "Residual tumor in the left cavernous sinus is stable; the plan is observation.\n", N),
    "ependymoma_residual_lesion_monitored": (
        "Ependymoma of the fourth ventricle resected 2018.\n"
        "Tiny residual lesion at the obex, not changed since 2022, monitored with serial imaging.\n", N),
    "hedged_residual_stable_beside_plain_radiation_change": (
        "Glioblastoma s/p resection and chemoradiation 2021.\n"
        "Possible residual enhancement in the right temporal lobe, stable since 2024.\n"
        "Radiation changes in the right frontal lobe.\n", N),
    "residual_stable_beside_plain_treatment_change_after_srs": (
        "Breast cancer metastasis to the left cerebellum, resected and treated with SRS in 2022.\n"
        "Questionable residual enhancing component, stably small since 2023.\n"
        "Post-treatment changes in the left cerebellum.\n", N),
    "low_grade_residual_no_growth": (
        "Diffuse astrocytoma, IDH-mutant, debulked 2015, never irradiated.\n"
        "Residual FLAIR disease in the right insula without growth over five years; observation only.\n", N),
    "probable_residual_hemangioblastoma_stable": (
        "Cerebellar hemangioblastoma resected 2014.\n"
        "Probable residual lesion in the left cerebellar hemisphere, unchanged; no treatment planned.\n", N),
    "craniopharyngioma_residual_surveillance": (
        "Craniopharyngioma, subtotal resection in 2012.\n"
        "Surveillance MRI: residual tumor along the hypothalamus, stable.\n", N),
    "residual_mass_stable_and_post_op_change": (
        "Central neurocytoma resected 2020, no adjuvant therapy.\n"
        "Residual mass in the septum pellucidum, unchanged from last year.\nExpected postoperative changes.\n", N),
    # near misses: the question (or its denial) stays as it was
    "near_residual_enlarging_after_rt_weighed": (
        "Anaplastic astrocytoma resected 2023 and irradiated.\n"
        "The residual nodule is enlarging after radiotherapy, tumour versus radiation effect.\n", P),
    "near_fresh_rim_after_chemoradiation": (
        "Glioblastoma resected 01/2026, then chemoradiation.\n"
        "MRI 10/2026: a newly enhancing rim at the cavity 8 months after chemoradiation - progression or "
        "pseudoprogression?\n", P),
    "near_stable_residual_with_new_nodule": (
        "Meningioma resected 2021 and treated with radiotherapy.\n"
        "Residual tumor along the falx is stable, but there is a new enhancing nodule since the last scan.\n"
        "Possible radiation necrosis.\n", P),
    "near_residual_growing_after_srs": (
        "Meningioma of the tentorium, residual tumour treated with SRS in May 2025; the residual tumour is now "
        "growing.\n", A),
    "near_stable_residual_weighed_against_treatment_change": (
        "Glioblastoma after chemoradiation 2024.\n"
        "Stable residual enhancement, residual tumor versus treatment-related change.\n", P),
    "near_stable_residual_with_hedged_necrosis_elsewhere": (
        "Astrocytoma resected 2019 and irradiated.\n"
        "Residual nodule in the left temporal lobe, stable; observation.\n"
        "Please evaluate for radiation necrosis.\n", P),
    "near_residual_no_longer_stable": (
        "Oligodendroglioma resected 2020, radiotherapy 2020.\n"
        "Possible residual enhancement, no longer stable compared with 2025.\n"
        "Radiation changes in the left frontal lobe.\n", P),
    "near_recurrence_suspected_beside_plain_effect": (
        "Metastatic melanoma to the brain, SRS 2024.\n"
        "Recurrence is suspected at the right frontal site.\nRadiation changes in the right frontal lobe.\n", P),
    "near_residual_plain_no_stability_word": (
        "Pilocytic astrocytoma resected 2019.\nResidual tumor in the left cerebellar peduncle.\n", A),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_stable_residual_is_no_question(fragment_facts, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), {QUESTION: expected})


# the residual itself is still documented: only the question is not raised
@pytest.mark.parametrize(("key", "status"), [("meningioma_nodule_stable_years_watched", P),
                                             ("glioma_enhancement_unchanged_surveillance", P),
                                             ("hedged_residual_stable_beside_plain_radiation_change", S),
                                             ("pituitary_residual_cavernous_sinus", P)])
def test_the_residual_itself_stays_documented(fragment_facts, key, status):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(CASES[key][0]), {RESIDUAL: status})
