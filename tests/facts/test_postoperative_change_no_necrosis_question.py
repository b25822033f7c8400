"""A post-operative change is not, by itself, the question "radiation necrosis / treatment effect versus tumour".

Class: a report's "postoperative changes" / "post-surgical changes" (target tx.postsurgical_change, a
TREATMENT_EFFECT of kind postsurgical) after a tumour that was resected only was paired, at packet level, with a
recurrence merely looked for elsewhere ("surveillance MRI, assess for recurrence", "rule out recurrent
ependymoma") and read as `recurrence_vs_treatment_effect` present (the policies' "differentiate radiation necrosis
from residual or recurrent tumour": hwv.necrosis_vs_tumor, exc.recurrence_vs_necrosis, fb.recurrence_vs_post_therapy,
hh.known_tumor.recurrence_vs_necrosis, coh.neoplastic.evaluation.recurrence).

Rule (derive/tumor.py recurrence_vs_treatment_effect; cues.yaml concept set tumor.expected_surgical_change, cues
tumor.surgical_change_stable and tumor.new_finding): in the packet-level pairing a post-surgical change counts as
the treatment effect only when it is itself weighed (hedged: "likely postoperative change", "possibly
post-surgical"), or when radiation was given (prior_radiation present) and its clause does not call it stable or
unchanged, or names a new or growing finding beside it. A post-surgical change weighed against tumour in its own
sentence ("residual tumor versus postoperative change") is read by the sentence rule as before. A bare
"post-surgical" / "postoperative" weighed as the reading of an enhancement ("enhancement may be post-surgical or
residual tumour", "enhancement at the cavity margin, possibly post-surgical") is now a post-surgical change too
(target tx.postsurgical_alternative), so that sentence asks the question.

Near misses (the question stays): a new finding after chemoradiation weighed as "recurrence versus
treatment-related change"; "post-radiation changes versus progression"; a post-surgical reading of an enhancement
weighed against residual tumour within weeks of surgery; post-operative changes with a new enhancing nodule after
radiotherapy and a suspected recurrence. The treatment_effect fact itself is unchanged: the change is still
documented.

Limits: "stable" is read in the change's clause only (a "stable" elsewhere in the sentence of a radiated patient's
change counts unless cut by ";"); radiation is taken from the packet's prior_radiation fact, not tied to the tumour
or its site; a recurrence weighed in one sentence against a stable post-operative change ("stable postoperative
changes; recurrence cannot be excluded" written as one sentence without ";") is still the question.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
QUESTION = "recurrence_vs_treatment_effect"

# id: (text, expected status of recurrence_vs_treatment_effect)
CASES: dict[str, tuple[str, FactStatus]] = {
    "resected_only_surveillance_for_recurrence": (
        "Pilocytic astrocytoma of the right cerebellum, resected 2011; surgery alone, no adjuvant therapy.\n"
        "Indication: surveillance MRI, assess for recurrence.\n"
        "Impression: 1. Unchanged postoperative changes of the right cerebellar hemisphere. 2. No residual or "
        "recurrent tumor.\n", A),
    "meningioma_surgeon_asks_about_recurrence": (
        "WHO grade 1 meningioma, gross total resection 2019, never irradiated.\n"
        "Dr. Lee asks to evaluate for recurrence.\n"
        "MRI 10/2026: stable post-surgical changes at the left convexity. No new enhancement.\n", N),
    "ependymoma_rule_out_recurrence": (
        "Ependymoma of the fourth ventricle resected 2018, no radiation or chemotherapy.\n"
        "Reason for exam: rule out recurrent ependymoma.\n"
        "Findings: post-operative changes of the posterior fossa, unchanged from 2024.\n", N),
    "dnet_regrowth_looked_for": (
        "DNET of the left temporal lobe excised 2015 (surgery only).\n"
        "Follow-up MRI to evaluate for tumor regrowth.\n"
        "Postsurgical changes in the left temporal lobe are stable; no enhancing component.\n", N),
    "ganglioglioma_recurrence_screen": (
        "Ganglioglioma resected 2017, no further treatment.\n"
        "Annual scan to screen for recurrence.\n"
        "Impression: stable surgical changes in the right frontal lobe.\n", N),
    "radiated_but_stable_no_new_finding": (
        "Medulloblastoma, resection and craniospinal radiation in 2013.\n"
        "Indication: surveillance, assess for recurrence.\n"
        "MRI: stable postsurgical changes of the vermis, no new enhancement.\n", N),
    "radiated_unchanged_postop_changes": (
        "Oligodendroglioma resected 2016, then radiotherapy and PCV.\n"
        "Question: evaluate for recurrence.\n"
        "MRI 09/2026: postoperative changes in the left frontal lobe, unchanged since 2023.\n", N),
    "brief_shape_already_absent": (
        "Pilocytic astrocytoma of the left cerebellum, resected in 2010. No chemotherapy, no radiation.\n"
        "MRI 10/2026 impression:\n1. Stable postoperative changes of the left cerebellum.\n"
        "2. No evidence of recurrent tumor.\n", A),
    "may_be_post_surgical_or_residual": (
        "Astrocytoma, IDH-mutant, resected 09/2026.\n"
        "MRI 10/2026: the enhancement along the medial margin may be post-surgical or residual tumour.\n", P),
    # near misses: the question stays
    "near_chemoradiation_new_enhancement": (
        "Glioblastoma resected 02/2026, then chemoradiation with temozolomide.\n"
        "MRI 10/2026: new nodular enhancement along the resection cavity, recurrence versus treatment-related "
        "change.\n", P),
    "near_post_radiation_versus_progression": (
        "Lung cancer metastasis treated with SRS in 2025.\n"
        "MRI: post-radiation changes versus progression at the left occipital site.\n", P),
    "near_possibly_post_surgical_within_weeks": (
        "Oligodendroglioma resected 09/2026.\n"
        "MRI 10/2026: enhancement at the cavity margin, possibly post-surgical, residual tumour not excluded.\n", P),
    "near_residual_versus_postoperative_in_sentence": (
        "Astrocytoma resected 2024, no radiation.\n"
        "MRI: enhancement along the cavity margin, residual tumor versus postoperative change.\n", P),
    "near_hedged_postoperative_change": (
        "Oligodendroglioma resected 09/2026, no adjuvant therapy yet.\n"
        "MRI 10/2026: thin rim of enhancement, likely postoperative changes.\nResidual tumor is not excluded.\n", P),
    "near_radiated_new_nodule": (
        "Anaplastic astrocytoma resected 2023 and treated with radiotherapy.\n"
        "MRI 10/2026: postoperative changes with a new enhancing nodule at the posterior margin.\n"
        "Recurrence is suspected.\n", P),
    "near_radiated_stable_and_new_in_clause": (
        "Ependymoma, resection and proton therapy 2022.\n"
        "MRI: stable postoperative changes with new enhancement along the medial margin. Evaluate for "
        "recurrence.\n", P),
    "near_radiated_changes_not_called_stable": (
        "Glioblastoma s/p resection and chemoradiation 2025.\n"
        "Reason for study: assess for recurrence.\nMRI: postoperative changes in the right temporal lobe.\n", P),
    "near_recurrence_stated_plainly": (
        "Recurrent glioblastoma, biopsy-proven 09/2026.\nPostoperative changes are noted.\n", N),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_postoperative_change_is_no_necrosis_question(fragment_facts, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), {QUESTION: expected})


# the post-surgical change is still documented: only the question is not raised
@pytest.mark.parametrize("key", ["resected_only_surveillance_for_recurrence", "meningioma_surgeon_asks_about_recurrence",
                                 "radiated_but_stable_no_new_finding"])
def test_the_change_itself_stays_documented(fragment_facts, key):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(CASES[key][0]), {"treatment_effect": P})
